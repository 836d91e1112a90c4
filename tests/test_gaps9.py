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
