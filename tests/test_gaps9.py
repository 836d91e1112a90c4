"""Issue 9's known leftovers (branch gaps9): a zero block ``\\mathbf{0}`` read back from LaTeX,
Python's right-associative ``**``, a clamp printed once after a re-read, ``torch.cdist``, the
domain error's fix line for the user's own values, one clamp-bound matcher."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from spelled_oracle import oracle_text

from derive.checker.check import check
from derive.checker.checknet import net_for
from derive.checker.verdict import FormulaError
from derive.cli import main
from derive.lang import spec as spec_mod

# ---- 1. a zero block \mathbf{0} in a bmatrix ---------------------------------------------------

_SLICED = """
[dims]
m = 3
n = 2
k = 2
[inputs]
X = ["m", "n"]
Y = ["m", "k"]
[params]
W = ["n + 1", "k"]
V = ["k", "k + 2"]
[forward]
Z = "X @ W[1:, :]"
H = "tanh(Z) @ V[:, 2:]"
L = "np.sum((H - Y) ** 2) / 2"
"""


@pytest.fixture(scope="module")
def sliced(tmp_path_factory) -> str:
    path = tmp_path_factory.mktemp("gaps9") / "sliced.toml"
    path.write_text(_SLICED, "utf-8")
    return str(path)


@pytest.mark.parametrize("wrt", ["W", "V"])
def test_the_walkthroughs_zero_block_is_read_back(sliced: str, wrt: str) -> None:
    """A row block (``W[1:, :]``: a zero row on top) and a column block two wide (``V[:, 2:]``):
    the walkthrough prints ``\\mathbf{0}`` without its size; the checker reads it back."""
    t = net_for(sliced, 0).target(wrt)
    assert "\\mathbf{0}" in t.tex, t.tex
    assert check(sliced, wrt, t.tex, latex=True).ok


@pytest.mark.parametrize(
    ("wrt", "formula", "ok"),
    [
        ("W", r"\begin{bmatrix} \mathbf{0}_{1 \times k} \\ X^{\top} \delta_{Z} \end{bmatrix}", True),
        ("W", r"\begin{bmatrix} 0 \\ X^{\top} \delta_{Z} \end{bmatrix}", True),
        ("W", r"\begin{bmatrix} \boldsymbol{0} \\ X^{\top} \delta_{Z} \end{bmatrix}", True),
        ("W", r"\begin{bmatrix} X^{\top} \delta_{Z} \\ \mathbf{0} \end{bmatrix}", False),
        ("W", r"\begin{bmatrix} \mathbf{0}_{2 \times k} \\ X^{\top} \delta_{Z} \end{bmatrix}", False),
        ("V", r"\begin{bmatrix} \mathbf{0} & \tanh(Z)^{\top} \delta_{H} \end{bmatrix} / 2", False),
        ("V", r"\begin{bmatrix} \mathbf{0} & \tanh(Z) \delta_{H} \end{bmatrix}", False),
    ],
)
def test_zero_blocks_as_users_write_them(sliced: str, wrt: str, formula: str, ok: bool) -> None:
    """Written sizes, a plain 0, \\boldsymbol: right; the zero on the wrong side, a wrong
    written size, a wrong factor, a missing transpose: wrong (never read as right)."""
    assert check(sliced, wrt, formula, latex=True).ok is ok


def test_a_zero_block_whose_size_is_not_told_is_refused_naming_the_fix(sliced: str) -> None:
    two = r"\begin{bmatrix} \mathbf{0} & \mathbf{0} & \tanh(Z)^{\top} \delta_{H} \end{bmatrix}"
    with pytest.raises(FormulaError) as err:
        check(sliced, "V", two, latex=True)
    assert "\\mathbf{0}_{h \\times 1}" in str(err.value)


_CORNER = """
[dims]
m = 3
n = 2
k = 3
[inputs]
X = ["m", "n"]
[params]
W = ["n + 1", "k + 1"]
[forward]
Z = "X @ W[1:, 1:]"
L = "np.sum(tanh(Z))"
"""


@pytest.mark.parametrize(
    ("formula", "ok"),
    [
        (None, True),  # the walkthrough's own: a zero row over [0  Xᵀδ]
        (r"\begin{bmatrix} \mathbf{0} & \mathbf{0} \\ \mathbf{0} & X^{\top} \delta_{Z} \end{bmatrix}", True),
        (r"\begin{bmatrix} 0 & \mathbf{0} \\ \mathbf{0} & X^{\top} \delta_{Z} \end{bmatrix}", True),
        (r"\begin{bmatrix} \mathbf{0} & \mathbf{0} \\ X^{\top} \delta_{Z} & \mathbf{0} \end{bmatrix}", False),
    ],
)
def test_a_grid_of_blocks_takes_each_zero_blocks_size_from_its_row_and_column(
    tmp_path, formula: str | None, ok: bool
) -> None:
    path = tmp_path / "corner.toml"
    path.write_text(_CORNER, "utf-8")
    t = net_for(str(path), 0).target("W")
    assert check(str(path), "W", formula or t.tex, latex=True).ok is ok


_MIDDLE = """
[dims]
m = 3
n = 2
k = 2
[inputs]
X = ["m", "n"]
[params]
W = ["n", "k + 2"]
[forward]
Z = "sigmoid(X @ W[:, 1:-1])"
L = "np.sum(Z ** 2)"
"""


def test_two_zero_blocks_in_a_row_print_their_sizes_and_read_back(tmp_path) -> None:
    """``W[:, 1:-1]``: a zero column on each side of the used block; what the other blocks leave
    (two columns) does not tell each one's width, so the walkthrough writes them
    (``\\mathbf{0}_{n \\times 1}``), KaTeX parses it and the checker reads it back."""
    from katex_oracle import MathBlock, dialect_problems, katex_errors, oracle_missing_reason

    path = tmp_path / "middle.toml"
    path.write_text(_MIDDLE, "utf-8")
    t = net_for(str(path), 0).target("W")
    assert t.tex.count("\\mathbf{0}_{n \\times 1}") == 2, t.tex
    assert check(str(path), "W", t.tex, latex=True).ok
    swapped = t.tex.replace("\\mathbf{0}_{n \\times 1} &", "\\mathbf{0}_{n \\times 2} &", 1)
    assert not check(str(path), "W", swapped, latex=True).ok  # a wrong written size
    block = MathBlock(t.tex, True, 1)
    assert dialect_problems(block) == []
    if oracle_missing_reason() is None:  # the real KaTeX parser (tests/katex)
        assert katex_errors([block]) == []


# ---- 2. Python's right-associative ** -------------------------------------------------------

_POWER = """
[dims]
m = 3
n = 2
[inputs]
X = ["m", "n"]
[params]
W = ["n", "n"]
[forward]
Z = "sigmoid(X @ W)"
L = "{loss}"
[values]
X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]]
W = [[0.1, -0.4], [0.2, 0.5]]
"""


@pytest.mark.parametrize(
    "loss",
    [
        "np.sum(Z ** 2 ** 0.5)",  # Z ** (2 ** 0.5): an irrational power, float64's √2
        "np.sum(Z ** 3 ** 2)",  # Z ** 9, not (Z ** 3) ** 2
        "np.sum(Z ** 2 ** -1)",
        "np.sum(Z ** -2 ** 0.5)",  # -(2 ** 0.5): unary minus binds looser than **
        "np.sum(Z ** 8 ** (1/3))",  # exactly 2
        "torch.sum(Z ** 3 ** 0.5 ** 2)",  # 3 ** 0.25
        "np.sum(Z ** math.pi ** 0.5)",
        "np.sum(2 ** 0.5 ** Z)",  # 2 ** (0.5 ** Z): a tensor exponent
    ],
)
def test_a_chain_of_powers_means_what_python_means(loss: str) -> None:
    out = oracle_text(_POWER.format(loss=loss), "power")
    assert out.status == "agree", (out.status, out.reason)


@pytest.mark.parametrize(
    ("loss", "en", "zh"),
    [
        ("np.sum(Z ** (-8) ** (1/3))", "(-8) ** (1/3) of a negative number", "负数的分数次幂"),
        ("np.sum(Z ** 0 ** -1)", "0 ** (-1) divides by 0", "0 ** (-1) 是除以 0"),
    ],
)
def test_a_power_of_numbers_python_cannot_give_as_a_real_is_refused(
    tmp_path, loss: str, en: str, zh: str
) -> None:
    path = tmp_path / "power.toml"
    path.write_text(_POWER.format(loss=loss), "utf-8")
    for lang, said in (("en", en), ("zh", zh)):
        out = CliRunner().invoke(main, ["verify", str(path), "--no-torch", "--lang", lang])
        assert out.exit_code == 2 and said in out.output, out.output
        assert "Traceback" not in out.output


# ---- 3. a clamp read in its exact-bounds form prints once -------------------------------------

_CLAMPED = """
[dims]
m = 3
n = 4
[inputs]
X = ["m", "n"]
R = ["m", "n"]
[params]
W = ["n", "n"]
[forward]
Z = "X @ W"
Z2 = "{clamp}"
L = "(Z2 * R).sum()"
[values]
X = [[1.0, 0.0, 0.0, 0.0], [-0.7, 0.3, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]
W = [[{w00}, -0.5, 0.2, 0.1], [0.7, 0.1, -0.3, 0.4], [-0.2, 0.6, 0.5, -0.8], [0.1, 0.2, 0.9, 0.3]]
R = [[0.2, -0.1, 0.4, 0.3], [0.5, 0.6, -0.2, 0.1], [-0.3, 0.2, 0.7, 0.8]]
"""

# (the clamp, a given Z[0, 0] on its upper bound where float64's lo + (x − lo) misses x, so
# the spec is read again with spelling.EXACT_BOUNDS; the indicator's relation)
MOVED = [
    ("torch.clamp(Z, -0.564, 0.552)", 0.552, "\\le"),
    ("np.clip(Z, -0.4, 0.55)", 0.55, "\\le"),
    ("F.hardtanh(Z, -0.3, 0.4)", 0.4, "<"),
    ("F.hardtanh(Z, 0.3, 0.89)", 0.89, "<"),
]


@pytest.mark.parametrize(("clamp", "w00", "rel"), MOVED)
def test_a_re_read_clamp_prints_once_and_reads_back(tmp_path, clamp: str, w00: float, rel: str) -> None:
    from derive.engine.backprop import derive
    from derive.engine.printing import latex
    from derive.lang import spelling

    text = _CLAMPED.format(clamp=clamp, w00=w00)
    s = spec_mod.parse(text, "clamped")
    # the exact-bounds form was read (lo + F(x − lo) − G(x − hi)): the case this is about
    with_exact = spelling.EXACT_BOUNDS.set(True)
    try:
        assert s.forward == spec_mod.parse(text, "clamped").forward
    finally:
        spelling.EXACT_BOUNDS.reset(with_exact)
    d = derive(s)
    z2 = next(n for n in d.graph.nodes if n.name == "Z2")
    for tex in (z2.forward.tex(), latex(z2.definition[0, 0], d.graph.symbol_tex)):
        assert tex.count("\\operatorname{clip}") == 1, tex
        assert "\\max" not in tex and "ReLU" not in tex, tex
    dz = next(v for v in d.backward if v.name == "Z").formula.tex()
    assert dz.count("\\mathbf{1}") == 1 and f" {rel} Z {rel} " in dz, dz
    path = tmp_path / "clamped.toml"
    path.write_text(text, "utf-8")
    net = net_for(str(path), 0)
    for wrt in ("Z", "W"):
        t = net.target(wrt)
        assert check(str(path), wrt, t.tex, latex=True).ok, t.tex
    out = oracle_text(text, "clamped")
    assert out.status == "agree", out.reason


def test_the_walkthrough_of_a_re_read_clamp_names_clip_in_words_once(tmp_path) -> None:
    path = tmp_path / "clamped.toml"
    path.write_text(_CLAMPED.format(clamp=MOVED[0][0], w00=MOVED[0][1]), "utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(path), "-f", "md", "--lang", "en", "-o", str(out)])
    assert res.exit_code == 0, res.output
    md = (out / "clamped" / "en" / "walkthrough.md").read_text("utf-8")
    assert "lies between $-141/250$ and $69/125$ (the bounds included" in md
    maths = md.split("```python")[0]  # the LaTeX sections (the NumPy listing computes it)
    assert "\\max" not in maths and "\\operatorname{ReLU}" not in maths


# ---- 5. a domain error's fix says whose values they are ---------------------------------------

_DOMAIN = """
[dims]
m = 2
n = 2
[inputs]
X = ["m", "n"]
[params]
W = ["n", "n"]
[forward]
Z = "X @ W"
L = "{loss}"
{values}
"""

DOMAIN = [
    # log of -(Z*Z) - 1 < 0 whatever derive draws for X and W
    (
        "np.sum(np.log(-(Z * Z) - 1))",
        "",
        "give [values] for X, W (derive drew them) or change the network",
        "在 [values] 中给出 X, W（它们是 derive 随机生成的）或修改网络",
    ),
    # X's first row is 0, so log(X @ W) is log 0 whatever W derive draws: W cannot fix it, the
    # fix names only X (the same entry and value at other draws of W)
    (
        "np.sum(np.log(Z))",
        "[values]\nX = [[0.0, 0.0], [1.0, 1.0]]",
        "change your [values] of X so that",
        "修改你在 [values] 中给出的 X，使",
    ),
    # -(Z * Z) - X < 0 at every draw of W, but the value moves with W: both named
    (
        "np.sum(np.log(-(Z * Z) - X))",
        "[values]\nX = [[1.0, 2.0], [0.5, 1.0]]",
        "change your [values] of X, or give [values] for W (derive drew them)",
        "修改你在 [values] 中给出的 X，或在 [values] 中给出 W（它们是 derive 随机生成的）",
    ),
    # the log's argument is the user's X alone (W, drawn, enters only the product)
    (
        "np.sum(np.log(X) * Z)",
        "[values]\nX = [[1.0, 0.5], [-0.5, 1.0]]",
        "change your [values] of X so that",
        "修改你在 [values] 中给出的 X，使",
    ),
    (
        "np.sum(np.log(Z))",
        "[values]\nX = [[1.0, 0.0], [0.0, -1.0]]\nW = [[1.0, 0.0], [0.0, 1.0]]",
        "change your [values] of X, W so that",
        "修改你在 [values] 中给出的 X, W，使",
    ),
]


@pytest.mark.parametrize(("loss", "values", "en", "zh"), DOMAIN)
def test_a_domain_errors_fix_names_the_values_given_and_drawn(
    tmp_path, loss: str, values: str, en: str, zh: str
) -> None:
    path = tmp_path / "domain.toml"
    path.write_text(_DOMAIN.format(loss=loss, values=values), "utf-8")
    for lang, said in (("en", en), ("zh", zh)):
        out = CliRunner().invoke(main, ["verify", str(path), "--no-torch", "--lang", lang])
        assert out.exit_code == 2 and said in out.output, out.output
        assert "Traceback" not in out.output
        assert not (tmp_path / "output").exists()


# ---- 4. torch.cdist ------------------------------------------------------------------------------

_CDIST = """
[dims]
m = 3
n = 2
d = 2
[inputs]
X = ["m", "d"]
R = ["m", "n"]
[params]
C = ["n", "d"]
W = ["d", "d"]
[forward]
H = "{H}"
D = "{D}"
L = "(D * R).sum()"
{values}
"""

_CDIST_VALUES = """[values]
X = [[0.5, -1.0], [1.5, 0.25], [0.3, 0.7]]
W = [[1.0, 0.0], [0.0, 1.0]]
C = [[{c}], [2.0, 0.0]]
R = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
"""


@pytest.mark.parametrize(
    ("H", "D", "c"),
    [
        ("torch.tanh(X @ W)", "torch.cdist(H, C)", None),  # drawn values
        ("torch.tanh(X @ W)", "torch.cdist(H, C, p=2)", None),
        ("X @ W", "torch.cdist(H, C, 2.0) ** 2", "0.1, 0.2"),
        ("torch.tanh(X @ W)", "torch.cdist(x1=H, x2=C, compute_mode='donot_use_mm_for_euclid_dist')", None),
        # C's first row is H's first: a zero distance, whose pair PyTorch's cdist leaves out
        # of both gradients (measured); derive's sqrt0 has derivative 0 at 0 likewise
        ("X @ W", "torch.cdist(H, C)", "0.5, -1.0"),
    ],
)
def test_cdist_is_pytorchs_pairwise_distance(tmp_path, H: str, D: str, c: str | None) -> None:
    values = "" if c is None else _CDIST_VALUES.format(c=c)
    text = _CDIST.format(H=H, D=D, values=values)
    out = oracle_text(text, "cdist")
    assert out.status == "agree", (out.status, out.reason)
    path = tmp_path / "cdist.toml"
    path.write_text(text, "utf-8")
    res = CliRunner().invoke(main, ["verify", str(path)])
    assert res.exit_code == 0, res.output


def test_a_distance_float64_does_not_see_as_zero_is_refused_not_passed(tmp_path) -> None:
    """C's first row is tanh(0.3), tanh(0.7) as decimals: H's last row in float64 (PyTorch's
    distance 0, its pair left out), not exactly (derive's distance 1e-17, a unit direction).
    The sides disagree, so verify refuses (exit 2); never a ✓."""
    import math

    c = f"{math.tanh(0.3)!r}, {math.tanh(0.7)!r}"
    text = _CDIST.format(H="torch.tanh(X @ W)", D="torch.cdist(H, C)", values=_CDIST_VALUES.format(c=c))
    path = tmp_path / "cdist.toml"
    path.write_text(text, "utf-8")
    res = CliRunner().invoke(main, ["verify", str(path)])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output


@pytest.mark.parametrize("p", ["p=1", "p=1.0", "3", "p=float('inf')"])
def test_cdist_of_another_p_is_refused_naming_the_written_out_form(tmp_path, p: str) -> None:
    text = _CDIST.format(H="torch.tanh(X @ W)", D=f"torch.cdist(H, C, {p})", values="")
    path = tmp_path / "cdist.toml"
    path.write_text(text, "utf-8")
    for lang, said in (("en", "abs(x1[:, k:k+1] - x2[:, k:k+1].T)"), ("zh", "只对 p=2")):
        res = CliRunner().invoke(main, ["verify", str(path), "--no-torch", "--lang", lang])
        assert res.exit_code == 2 and said in res.output, res.output
        assert "Traceback" not in res.output


def test_the_written_out_form_of_cdist_p1_agrees_with_pytorch() -> None:
    """The form the p=1 refusal names, at d = 2: PyTorch's cdist(p=1) (abs's kink: 0)."""
    import torch

    written = " + ".join(f"abs(H[:, {k}:{k + 1}] - C[:, {k}:{k + 1}].T)" for k in range(2))
    text = _CDIST.format(H="torch.tanh(X @ W)", D=written, values="")
    out = oracle_text(text, "cdist1")
    assert out.status == "agree", (out.status, out.reason)
    # and that is what PyTorch's cdist(p=1) computes
    h, cc = torch.randn(3, 2, dtype=torch.float64), torch.randn(2, 2, dtype=torch.float64)
    mine = sum((h[:, k : k + 1] - cc[:, k : k + 1].T).abs() for k in range(2))
    assert torch.allclose(mine, torch.cdist(h, cc, p=1))
