"""The expression language beyond the built-ins (issue 9, items 1–4): course names, rational
powers and sqrt, reductions along an axis by keyword or position with NumPy broadcasting, and the
ops abs, softplus, log_softmax — each spec derived (every step proven) and verified against
PyTorch float64 and finite differences by ``derive verify``."""

from __future__ import annotations

from fractions import Fraction

import pytest
from click.testing import CliRunner

from derive import cli
from derive.engine.printing import name_tex
from derive.lang import expr as ex
from derive.lang import spec

SPECS = {
    # batch norm over the batch: names gamma, beta, eps, mu, sigma2; ** -0.5 and axis=0
    "batchnorm": """
[network]
name = "bn"
[dims]
m = 4
k = 2
[inputs]
X = ["m", "k"]
Y = ["m", "k"]
[params]
gamma = [1, "k"]
beta = [1, "k"]
[constants]
eps = 0.001
[forward]
mu = "mean(X, axis=0)"
xc = "X - mu"
sigma2 = "mean(xc * xc, 0)"
xhat = "xc * (sigma2 + eps) ** -0.5"
O = "gamma * xhat + beta"
L = "mse(O, Y)"
""",
    # attention head: Q, K, V, S; a number to the power 0.5; softmax
    "attention": """
[network]
name = "attention"
[dims]
N = 3
d = 2
[inputs]
X = ["N", "d"]
Y = ["N", "d"]
[params]
Wq = ["d", "d"]
Wk = ["d", "d"]
Wv = ["d", "d"]
[forward]
Q = "X @ Wq"
K = "X @ Wk"
V = "X @ Wv"
S = "Q @ K.T / 2 ** 0.5"
A = "softmax(S)"
E = "A @ V"
L = "mse(E, Y)"
""",
    # sqrt, abs, softplus, log_softmax; I as an input name
    "new-ops": """
[network]
name = "new-ops"
[dims]
m = 3
[inputs]
I = ["m", 2]
T = ["m", 3]
[params]
W1 = [2, 3]
b1 = [1, 3]
W2 = [3, 3]
[forward]
H = "softplus(I @ W1 + b1)"
G = "abs(H - 0.7) + sqrt(H * H + 1)"
Z = "G @ W2"
P = "log_softmax(Z)"
L = "-sum(P * T) / m"
[values]
I = [[0.5, -1.0], [1.5, 0.25], [-0.5, 2.0]]
T = [[1, 0, 0], [0, 0, 1], [0, 1, 0]]
W1 = [[0.3, -0.2, 0.8], [0.1, 0.4, -0.6]]
b1 = [[0.1, -0.1, 0.2]]
W2 = [[0.2, -0.3, 0.5], [0.7, 0.1, -0.4], [-0.2, 0.6, 0.3]]
""",
    # rational powers: ** -1, ** 1.5, ** -0.5, ** 0.5 on a tensor
    "powers": """
[network]
name = "powers"
[dims]
m = 3
[inputs]
X = ["m", 2]
[params]
W = [2, 2]
[forward]
Z = "X @ W"
A = "(Z * Z + 1) ** -0.5"
B = "(A + 1) ** 1.5"
C = "B ** -1 + (B + 2) ** 0.5"
L = "sum(C)"
""",
    # reductions along both axes by position and keyword; rows, columns, scalars broadcast
    "broadcast": """
[network]
name = "broadcast"
[dims]
m = 3
k = 4
[inputs]
X = ["m", "k"]
[params]
W = ["k", "k"]
c = ["m", 1]
r = [1, "k"]
s = []
[forward]
Z = "X @ W"
C = "Z - mean(Z, 1)"
R = "C * sum(Z, axis=0) / k + c"
U = "(R - r) / (s * s + 1) + s"
L = "mean(U * U)"
""",
    # CS231n's multiclass SVM written with NumPy's spellings: maximum, keepdims, a negative axis,
    # square; minimum and a maximum of two tensors
    "numpy-spellings": """
[network]
name = "numpy-spellings"
[dims]
N = 4
D = 3
C = 3
[inputs]
X = ["N", "D"]
Y = { shape = ["N", "C"], kind = "one-hot" }
[params]
W = ["D", "C"]
V = ["D", "C"]
[forward]
S = "X @ W"
correct = "sum(S * Y, axis=-1, keepdims=True)"
margins = "maximum(0, S - correct + 1) * (1 - Y)"
T = "minimum(X @ V, 0.5) + maximum(S, X @ V)"
L = "sum(margins) / N + 0.5 * sum(square(W)) + mean(T, axis=-2, keepdims=False) @ sum(V.T, 1)"
""",
}


@pytest.mark.parametrize("name", sorted(SPECS))
def test_course_network_verifies_against_pytorch(tmp_path, name):
    path = tmp_path / f"{name}.toml"
    path.write_text(SPECS[name])
    result = CliRunner().invoke(cli.main, ["verify", "--points", "2", str(path)])
    assert result.exit_code == 0, result.output
    assert "✓" in result.output


def test_names_spelling_greek_letters_print_as_letters():
    assert name_tex("gamma") == "\\gamma" and name_tex("beta") == "\\beta"
    assert name_tex("eps") == "\\varepsilon" and name_tex("epsilon") == "\\varepsilon"
    assert name_tex("mu") == "\\mu" and name_tex("sigma2") == "\\sigma_{2}"
    assert name_tex("sigma2", layer=True) == "\\sigma^{[2]}"
    assert name_tex("Q") == "Q" and name_tex("x_1") == "x_{1}"


def test_axis_by_position_is_axis_by_keyword():
    assert ex.parse("mean(X, 0)") == ex.parse("mean(X, axis=0)")
    assert ex.parse("sum(X, 1)") == ex.parse("sum(X, axis=1)")
    with pytest.raises(ex.ExprError, match="by position or keyword"):
        ex.parse("sum(X, 1, axis=1)")
    assert ex.parse("bce(A, Y, 2)") == ex.parse("bce(A, Y, pos_weight=2)")


def test_numpy_spellings_are_the_tables_ops():
    relu = ex.Call("relu", (ex.Name("Z"),))
    assert ex.parse("maximum(Z, 0)") == relu == ex.parse("maximum(0, Z)")
    a, b = ex.Name("A"), ex.Name("B")
    # of two tensors: (A + B)/2 ± |A − B|/2, half the gradient to each at a tie (torch.maximum)
    half = ex.Num(Fraction(1, 2))
    mid = ex.BinOp("*", half, ex.BinOp("+", a, b))
    spread = ex.BinOp("*", half, ex.Call("abs", (ex.BinOp("-", a, b),)))
    assert ex.parse("maximum(A, B)") == ex.BinOp("+", mid, spread)
    assert ex.parse("minimum(A, B)") == ex.BinOp("-", mid, spread)
    # with a 0, relu's convention (gradient 0 at the tie): minimum(Z, 0) = −relu(−Z)
    assert ex.parse("minimum(Z, 0)") == ex.Neg(ex.Call("relu", (ex.Neg(ex.Name("Z")),)))
    assert ex.parse("square(A)") == ex.Pow(a, Fraction(2))
    assert ex.parse("sum(X, axis=-1)") == ex.parse("sum(X, 1)")
    assert ex.parse("mean(X, -2, keepdims=True)") == ex.parse("mean(X, axis=0)")
    assert ex.parse("sum(X, axis=0, keepdims=False)") == ex.parse("sum(X, 0)")
    with pytest.raises(ex.ExprError, match="keepdims=True or leave it out"):
        ex.parse("sum(X, axis=1, keepdims=False)")
    with pytest.raises(ex.ExprError, match="takes 2 arguments"):
        ex.parse("maximum(X)")
    # function names are valid tensor names (d2l: mean = X.mean(dim=0)); keywords are not
    assert not ex.reserved("maximum") and not ex.reserved("mean") and ex.reserved("lambda")
    # NumPy/PyTorch prefixes and the reductions' method spelling
    assert ex.parse("np.tanh(Z)") == ex.parse("tanh(Z)") == ex.parse("torch.tanh(Z)")
    assert ex.parse("X.sum(axis=0)") == ex.parse("sum(X, 0)")
    assert ex.parse("(A - B).mean(1)") == ex.parse("mean(A - B, axis=1)")
    with pytest.raises(ex.ExprError, match="unknown function 'foo'"):
        ex.parse("np.foo(Z)")
    with pytest.raises(ex.ExprError, match="named functions"):
        ex.parse("os.system(1)")


def test_exponents_are_exact_rationals():
    assert ex.parse("X ** 0.5").exponent == Fraction(1, 2)  # type: ignore[union-attr]
    assert ex.parse("X ** (1/2)") == ex.parse("X ** 0.5")
    assert ex.parse("X ** -(1/3)").exponent == Fraction(-1, 3)  # type: ignore[union-attr]
    with pytest.raises(ex.ExprError, match="exponent"):
        ex.parse("X ** (1/0)")
    # a tensor to a tensor's power: exp(Y · log X), as PyTorch computes it for X > 0
    assert ex.parse("X ** Y") == ex.parse("exp(Y * log(X))")
    assert ex.parse("X ** (1/2 + Y)") == ex.parse("exp((1/2 + Y) * log(X))")
    s = spec.parse(SPECS["powers"])
    from derive.engine.graph import build

    g = build(s)
    code = [n.forward.code() for n in g.nodes]
    assert "(Z * Z + 1) ** -0.5" in code[1] and "** 1.5" in code[2]
    assert "B ** -1" in code[3] and "(B + 2) ** 0.5" in code[3]
    tex = g.nodes[3].forward.tex()
    assert "\\sqrt{" in tex


def test_unknown_function_is_refused_naming_the_supported_ones(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(SPECS["powers"].replace('"(Z * Z + 1) ** -0.5"', '"sech(Z)"'))
    result = CliRunner().invoke(cli.main, ["verify", str(path)])
    assert result.exit_code == 2
    for name in ("unknown function 'sech'", "sqrt", "abs", "softplus", "log_softmax"):
        assert name in result.output


NAMES_SPEC = """
[network]
name = "sympy-names"
[dims]
N = 3
[inputs]
I = ["N", 2]
S = ["N", 1]
[params]
Q = [2, 1]
oo = [1, 1]
[constants]
E = 2
pi = 0.5
[forward]
nan = "I @ Q + oo"
zoo = "tanh(nan) * E + pi"
Lambda = "mean((zoo - S) ** 2) / N"
"""


def test_sympy_names_are_plain_symbols_and_verify(tmp_path):
    import sympy as sp

    from derive.engine.graph import build

    g = build(spec.parse(NAMES_SPEC))
    for name in ("N", "E", "pi"):
        sym = g.scalars[name]
        assert type(sym) is sp.Symbol and sym.name == name  # not sp.E, sp.pi, sp.N
        assert sym is not sp.E and sym is not sp.pi
    path = tmp_path / "names.toml"
    path.write_text(NAMES_SPEC)
    result = CliRunner().invoke(cli.main, ["verify", "--points", "1", str(path)])
    assert result.exit_code == 0, result.output
