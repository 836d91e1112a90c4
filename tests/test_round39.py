"""Round 39 on main (lead): ELU, SELU and CELU as one op row of their own (issue 9's leftover of
rounds 37–38). Before, ``F.elu``/``F.selu``/``F.celu`` were spelled ``relu(x) + α(exp(x − relu(x))
− 1)``: right numbers, but a handout taught "ReLU units", "ReLU's slope is 1 where …" and a
backward step of three terms, and the checker named no ELU slip. Now the operation table has
``elu(x, α)`` (PyTorch's gradient α at 0) and its derivative ``elu_grad``; SELU is
``λ·elu(x, α_s)`` and CELU ``α·elu(x/α, 1)``. Numbers are checked against PyTorch float64 on the
networks' own text (tests/spelled_oracle.py) and by ``derive verify``."""

from __future__ import annotations

import functools
import re

import pytest
from test_heldnets21 import _both

torch = pytest.importorskip("torch")

_NET = """
[network]
name = "elu-family"
[dims]
m = 4
n = 3
h = 3
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
W1 = ["n", "h"]
W2 = ["h", "h"]
w3 = ["h", 1]
[forward]
A1 = "{first}"
A2 = "{second}"
out = "A2 @ w3"
L = "F.mse_loss(out, Y)"
[values]
X = [[0.5, -1.0, 0.25], [1.5, 0.5, -0.5], [-0.75, 0.25, 1.0], [0.0, -0.5, 0.5]]
W1 = [[0.4, -0.6, 0.2], [0.3, 0.5, -0.4], [-0.2, 0.1, 0.7]]
W2 = [[0.5, -0.3, 0.2], [-0.4, 0.6, 0.1], [0.3, 0.2, -0.5]]
w3 = [[0.7], [-0.4], [0.6]]
Y = [[0.1], [-0.2], [0.3], [0.0]]
"""

FAMILY = [
    ("F.elu(X @ W1)", "torch.selu(A1 @ W2)"),
    ("F.celu(X @ W1, alpha=0.5)", "F.elu(A1 @ W2, alpha=0.3)"),
    ("tf.nn.selu(X @ W1)", "tf.keras.activations.elu(A1 @ W2)"),
    ("nn.ELU(alpha=2.0)(X @ W1)", "F.selu(A1 @ W2)"),
]


def _spec(first: str, second: str) -> str:
    return _NET.format(first=first.replace('"', '\\"'), second=second.replace('"', '\\"'))


@pytest.mark.parametrize("first, second", FAMILY, ids=["elu-selu", "celu-elu", "tf", "module"])
def test_the_elu_family_agrees_with_pytorch(first: str, second: str) -> None:
    _both(_spec(first, second), "elu-family")


def test_elu_at_exactly_zero_takes_pytorchs_alpha() -> None:
    # X's last row times W1's first column is 0 exactly: ELU's input at its kink, where PyTorch's
    # backward takes the x <= 0 branch (slope α); SELU's there is λ·α
    text = _spec("F.elu(X @ W1, alpha=0.5)", "F.selu(A1 @ W2)").replace(
        "[0.0, -0.5, 0.5]", "[0.5, 0.5, 0.5]"
    ).replace(
        "W1 = [[0.4, -0.6, 0.2], [0.3, 0.5, -0.4], [-0.2, 0.1, 0.7]]",
        "W1 = [[0.25, -0.6, 0.2], [0.25, 0.5, -0.4], [-0.5, 0.2, 0.7]]",
    )
    assert "[-0.5, 0.2, 0.7]" in text
    _both(text, "elu-zero")


@functools.cache
def _md(source: str, lang: str) -> str:
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = derive(spec.parse(source))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    return render.render("md/walkthrough.md.j2", w, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_handout_teaches_elu_not_relu(lang: str) -> None:
    md = _md(_spec("F.selu(X @ W1)", "F.celu(A1 @ W2, alpha=0.5)"), lang)
    assert "\\operatorname{ReLU}" not in md  # no ReLU anywhere in the formulas
    assert "ReLU’s slope" not in md and "ReLU 的斜率" not in md and "ReLU units" not in md
    # SELU in the matrix form, λ·ELU_α in its entries
    assert "\\operatorname{SELU}\\left(X" in md
    assert "\\operatorname{ELU}_{1.6732632423543772}" in md and "1.0507009873554805" in md
    heading = md.splitlines()[0]
    assert "SELU" in heading and "ReLU" not in heading
    # the slope sentence is ELU's, with its α, not ReLU's gate
    said = "ELU passes blame unchanged" if lang == "en" else "ELU 在"
    assert said in md and "\\alpha = 1" in md  # CELU's α·ELU_1(x/α)
    assert ("SELU scales blame" if lang == "en" else "SELU 在") in md
    # ∂L/∂W1 in matrix form is one term: Xᵀ(δ ⊙ ELU′(X W1)), not three
    grads = re.findall(r"\\frac\{\\partial L\}\{\\partial W\^\{\[1\]\}\} &?= ([^\n]*)", md)
    one = [g for g in grads if "\\operatorname{ELU}'_{1.6732632423543772}" in g]
    assert one and all(g.count("X^{\\top}") == 1 for g in one), grads


def test_the_code_writes_elu_with_its_alpha_as_written(tmp_path) -> None:
    import subprocess
    import sys

    from click.testing import CliRunner

    from derive.cli import main

    spec = tmp_path / "selu.toml"
    spec.write_text(_spec("F.selu(X @ W1)", "F.elu(A1 @ W2, alpha=1.6732632423543772)"), "utf-8")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(spec), "-f", "py", "-o", str(out)])
    assert r.exit_code == 0, r.output
    code = (out / "elu-family" / "en" / "backprop.py").read_text("utf-8")
    assert "selu(X @ W1)" in code and "elu(A1 @ W2, 1.6732632423543772)" in code
    assert "relu" not in code
    assert "4183158105885943" not in code  # α as the decimal the spec gave, not a fraction
    run = subprocess.run([sys.executable, str(out / "elu-family" / "en" / "backprop.py")],
                         capture_output=True, text=True, timeout=300)
    assert run.returncode == 0 and "agree" in run.stdout, run.stdout + run.stderr


_ELU_MLP = """
[network]
name = "elu-mlp"
[dims]
m = 4
n = 3
h = 5
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
W1 = ["n", "h"]
w2 = ["h", 1]
[forward]
Z1 = "X @ W1"
A1 = "F.elu(Z1)"
out = "A1 @ w2"
L = "F.mse_loss(out, Y)"
"""
_UP = "(2 / m * (out - Y) @ w2.T)"


def _checked(tmp_path, formula: str, lang: str = "en", latex: bool = False):
    from derive.checker.check import check

    spec = tmp_path / "elu.toml"
    spec.write_text(_ELU_MLP, "utf-8")
    return check(str(spec), "W1", formula, lang=lang, latex=latex)


@pytest.mark.parametrize(
    "slope",
    [
        "np.where(X @ W1 > 0, 1, np.exp(X @ W1))",
        "np.where(X @ W1 > 0, 1.0, A1 + 1)",
        "((X @ W1) > 0) + np.exp(np.minimum(X @ W1, 0)) * ((X @ W1) <= 0)",
    ],
)
def test_the_checker_accepts_elus_slope_as_students_write_it(tmp_path, slope: str) -> None:
    r = _checked(tmp_path, f"X.T @ ({_UP} * ({slope}))")
    assert r.verdict == "correct", r


@pytest.mark.parametrize(
    "slope, says",
    [
        ("np.exp(X @ W1)", "everywhere"),  # the negative branch everywhere
        ("np.where(X @ W1 > 0, 1, A1)", "+ α"),  # A1 for A1 + α below 0
        ("(X @ W1 > 0)", "relu'"),  # ReLU's mask
    ],
)
def test_the_checker_names_elus_slips(tmp_path, slope: str, says: str) -> None:
    r = _checked(tmp_path, f"X.T @ ({_UP} * ({slope}))")
    assert r.verdict == "incorrect", r
    first = r.diagnoses[0]
    assert first.code == "wrong-activation-derivative" and says in first.message, first
    zh = _checked(tmp_path, f"X.T @ ({_UP} * {slope})", lang="zh").diagnoses[0]
    assert zh.code == "wrong-activation-derivative" and "导数" in zh.message, zh


def test_the_checker_reads_the_walkthroughs_elu_notation(tmp_path) -> None:
    # exactly the notation the walkthroughs print: ELU_{1}(…) and ELU'_{1}(…)
    latex = (
        "X^{\\top} \\left(\\frac{2}{m} (\\mathrm{out} - Y) w_2^{\\top} "
        "\\odot \\operatorname{ELU}'_{1}\\left(X W_1\\right)\\right)"
    )
    assert _checked(tmp_path, latex, latex=True).verdict == "correct"
    wrong = latex.replace("\\operatorname{ELU}'_{1}", "\\operatorname{ELU}'_{2}")
    assert _checked(tmp_path, wrong, latex=True).verdict == "incorrect"


# ---- F.scaled_dot_product_attention(…, is_causal=True): nanoGPT's flash path ---------------------

_SDPA = """
[network]
name = "sdpa-causal"
[dims]
T = {T}
C = 3
[inputs]
x = ["T", "C"]
y = ["T", "C"]
[params]
W_attn = ["C", 9]
[forward]
qkv = "x @ W_attn"
q = "qkv[:, 0:3]"
k = "qkv[:, 3:6]"
v = "qkv[:, 6:9]"
att = "{call}"
loss = "F.mse_loss(att, y)"
"""


@pytest.mark.parametrize(
    "call",
    [
        "F.scaled_dot_product_attention(q, k, v, attn_mask=None, dropout_p=0.0, is_causal=True)",
        "torch.nn.functional.scaled_dot_product_attention(q, k, v, is_causal=True, scale=0.5)",
        "F.scaled_dot_product_attention(q, k[:2], v[:2], is_causal=True)",  # L ≠ S: tril of (L, S)
    ],
    ids=["nanogpt", "scale", "rectangular"],
)
@pytest.mark.parametrize("T", [3, 5])
def test_causal_sdpa_is_its_definition(call: str, T: int) -> None:
    _both(_SDPA.format(T=T, call=call.replace('"', '\\"')), "sdpa-causal")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sdpa_with_a_mask_or_dropout_is_still_refused(lang: str) -> None:
    from test_heldnets21 import _refusal

    for call in (
        # (a float attn_mask alone is read since round 40; with is_causal PyTorch refuses it)
        "F.scaled_dot_product_attention(q, k, v, attn_mask=x @ x.T, is_causal=True)",
        "F.scaled_dot_product_attention(q, k, v, dropout_p=0.1, is_causal=True)",
        "F.scaled_dot_product_attention(q, k, v, is_causal=flag)",
    ):
        said = _refusal(_SDPA.format(T=3, call=call), lang)
        assert "softmax(q @ k.T / d ** 0.5 + mask) @ v" in said, said


_INLINE_ZERO = """
[network]
name = "elu-inline0"
[dims]
m = 2
[inputs]
X = ["m", 2]
Y = ["m", 1]
[params]
W = [2, 2]
v = [2, 1]
[forward]
out = "{act} @ v"
loss = "F.mse_loss(out, Y)"
[values]
X = [[0.3, 0.1], [0.5, -0.25]]
W = [[1.0, 0.5], [-3.0, 0.25]]
v = [[0.5], [-1.0]]
Y = [[0.2], [0.1]]
"""


@pytest.mark.parametrize("act", ["F.elu(X @ W)", "F.celu(X @ W, alpha=2.0)"])
def test_an_inline_elu_input_at_zero_with_slope_one_both_sides_is_read(act: str) -> None:
    # 0.3·1 + 0.1·(−3) is 0 exactly but −5.6e-17 in float64: ELU with α = 1 (and every CELU,
    # α·ELU_1(x/α)) has slope 1 on both sides, so no side is taken and nothing is refused
    _both(_INLINE_ZERO.format(act=act), "elu-inline0")


def test_an_inline_elu_input_at_zero_with_another_alpha_is_still_refused() -> None:
    from derive.engine.backprop import derive
    from derive.errors import DeriveError
    from derive.lang import spec
    from derive.numeric import verify as numeric

    text = _INLINE_ZERO.format(act="F.elu(X @ W, alpha=0.5)")
    with pytest.raises(DeriveError, match="exactly 0 at the example values"):
        numeric.verify(derive(spec.parse(text, "elu-inline0")), points=0, full=False)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_otimes_read_as_hadamard_says_so(tmp_path, lang: str) -> None:
    # heldtex39's question: ⊗ was read as ⊙ with no word; now the verdict says how it was read
    latex = (
        "X^{\\top} \\left(\\frac{2}{m} (\\mathrm{out} - Y) w_2^{\\top} "
        "\\otimes \\operatorname{ELU}'_{1}\\left(X W_1\\right)\\right)"
    )
    r = _checked(tmp_path, latex, lang=lang, latex=True)
    assert r.verdict == "correct"
    assert any(("⊗" in n and "⊙" in n) for n in r.notes), r.notes
    plain = _checked(tmp_path, latex.replace("\\otimes", "\\odot"), lang=lang, latex=True)
    assert not any("⊗" in n for n in plain.notes)
