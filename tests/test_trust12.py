"""Refusals of things PyTorch computes finitely (issue 9, branch trust12). Each case is judged
by PyTorch float64 running the spec's own text (tests/spelled_oracle.py) and by derive's own
``verify`` guards (exit 0), or, where PyTorch itself is not finite, by a refusal in one line."""

from __future__ import annotations

import pytest

from derive.engine.backprop import derive
from derive.errors import DeriveError
from derive.lang import spec
from derive.numeric import verify as numeric

pytest.importorskip("torch")
import spelled_oracle as so  # noqa: E402

HEAD = """
[dims]
m = 3
n = 4
[inputs]
X = ["m", "n"]
R = ["m", "n"]
Y = ["m", "n"]
T = ["m", "n"]
[params]
W = ["n", "n"]
[forward]
"""
X = "[[0.5, -0.2, 0.1, 0.9], [-0.7, 0.3, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]"
W = "[[0.3, -0.5, 0.2, 0.1], [0.7, 0.1, -0.3, 0.4], [-0.2, 0.6, 0.5, -0.8], [0.1, 0.2, 0.9, 0.3]]"
REST = """
R = [[0.2, -0.1, 0.4, 0.3], [0.5, 0.6, -0.2, 0.1], [-0.3, 0.2, 0.7, 0.8]]
Y = [[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]]
T = [[0, 1, 1, 0], [1, 0, 1, 0], [1, 0, 0, 1]]
"""


def _text(lines: list[str], x: str = X, w: str = W) -> str:
    return HEAD + "\n".join(lines) + f"\n[values]\nX = {x}\nW = {w}\n" + REST


def agree_and_verify(text: str) -> None:
    """PyTorch running the text agrees with derive's reading, and ``verify``'s guards pass."""
    out = so.oracle_text(text, "trust12")
    assert out.status == "agree", out.reason
    d = derive(spec.parse(text, "trust12"))
    assert numeric.verify(d, points=1, use_torch=True).ok


KERAS_BCE = [
    # the target first, as Keras writes it; probabilities clipped to [1e-7, 1 - 1e-7]
    ['Z = "torch.sigmoid(X @ W)"', 'L = "K.mean(K.binary_crossentropy(T, Z))"'],
    ['Z = "K.sigmoid(K.dot(X, W))"', 'L = "K.sum(K.binary_crossentropy(T, Z), axis=1).mean()"'],
    ['Z = "X @ W"', 'L = "K.mean(K.binary_crossentropy(T, Z, from_logits=True))"'],
]


@pytest.mark.parametrize("lines", KERAS_BCE)
def test_keras_binary_crossentropy_is_the_backends(lines: list[str]) -> None:
    agree_and_verify(_text(lines))


# entries of Z from 300 to 1400: exp overflows float64 (≥ 710), PyTorch's logsumexp does not
BIG = "[[3000.0, -0.2, 0.1, 0.9], [-0.7, 2000.0, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]"
LOGSUMEXP = [
    'L = "torch.logsumexp(Z, dim=1).sum()"',
    'L = "(torch.logsumexp(Z, 1, True) * R).sum()"',
    'L = "(torch.logsumexp(Z, dim=0, keepdim=True) * R).sum()"',
    'L = "scipy.special.logsumexp(Z, axis=1).sum()"',
    'L = "scipy.special.logsumexp(Z)"',
    'L = "jax.nn.logsumexp(Z, axis=-1).sum()"',
    'L = "tf.reduce_logsumexp(Z)"',
    'L = "(torch.logsumexp(Z, dim=1) * torch.logsumexp(Z, dim=1)).sum()"',
]


@pytest.mark.parametrize("line", LOGSUMEXP)
def test_logsumexp_of_inputs_past_exps_overflow_is_pytorchs(line: str) -> None:
    agree_and_verify(_text(['Z = "X @ W"', line], x=BIG))


def test_logsumexp_of_a_1d_vector_is_one_number() -> None:
    text = """
[dims]
n = 4
[inputs]
v = ["n"]
[params]
w = ["n"]
[forward]
L = "torch.logsumexp(v * w, 0) * 2 + scipy.special.logsumexp(v * w)"
[values]
v = [1000.0, 2.0, -3.0, 900.0]
w = [1.0, 0.5, 0.2, 0.9]
"""
    agree_and_verify(text)


# row 0 of X is zero, so row 0 of Z = X @ W is a zero vector: PyTorch's norm backward gives it
# the gradient 0 (√'s derivative there is 1/0); derive's norm is the table's sqrt0
ZERO_ROW = "[[0.0, 0.0, 0.0, 0.0], [-0.7, 0.3, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]"
NORMS = [
    'L = "torch.norm(Z, dim=1).sum()"',
    'L = "(torch.linalg.norm(Z, dim=1, keepdim=True) * R).sum()"',
    'L = "(Z.norm(dim=1) * Z.norm(dim=1)).sum() + Z.norm(2, 1).sum()"',
    'L = "torch.linalg.vector_norm(Z, dim=1).sum()"',
    'L = "torch.norm(Z, 2, 1, True).sum() + torch.norm(Z[0:1, :])"',
]


@pytest.mark.parametrize("line", NORMS)
def test_pytorchs_norm_of_a_zero_row_has_gradient_zero(line: str) -> None:
    agree_and_verify(_text(['Z = "X @ W"', line], x=ZERO_ROW))


@pytest.mark.parametrize(
    "line",
    [
        'L = "np.linalg.norm(Z, axis=1).sum()"',  # NumPy/JAX/TF: NaN there (no convention)
        'L = "torch.sqrt((Z ** 2).sum(1)).sum()"',  # PyTorch's own NaN
        'L = "(F.normalize(Z, dim=1) * R).sum()"',  # x / eps: an eps artefact, refused
    ],
)
def test_a_zero_row_under_a_square_root_without_the_convention_is_refused(line: str) -> None:
    with pytest.raises(DeriveError) as err:
        d = derive(spec.parse(_text(['Z = "X @ W"', line], x=ZERO_ROW), "trust12"))
        numeric.verify(d, points=0, use_torch=False)
    assert err.value.exit_code == 2 and "sqrt of 0.0 at entry [0, 0]" in str(err.value)


def test_the_norm_convention_is_only_at_zero() -> None:
    """Away from a zero row the norm is the plain 2-norm (its torch reference, autograd through
    the table's sqrt0, is PyTorch's norm)."""
    agree_and_verify(_text(['Z = "X @ W"', 'L = "(torch.norm(Z, dim=0, keepdim=True) * R).sum()"']))


# ---- a clamp's bound that float64 moves --------------------------------------------------------

E0 = "[[1.0, 0.0, 0.0, 0.0], [-0.7, 0.3, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]"


def _w(value: float) -> str:
    """W with W[0, 0] = ``value``: Z[0, 0] = (E0 @ W)[0, 0] is that float exactly."""
    return W.replace("[[0.3,", f"[[{value!r},")


AT_BOUND = [
    ('L = "(torch.clamp(Z, 0.1, 0.9) * R).sum()"', 0.9),
    ('L = "(torch.clamp(Z, 0.1, 0.9) * R).sum()"', 0.1),
    ('L = "(F.hardtanh(Z, -0.5, 0.5) * R).sum()"', 0.5),
    ('L = "(np.clip(Z, 1e-7, 1 - 1e-7) * R).sum()"', 1e-7),
    ('L = "(np.clip(Z, 1e-7, 1 - 1e-7) * R).sum()"', 0.9999999),  # a bound written as a sum
    # −0.3 + (0.4 − (−0.3)) is 0.39999999999999997: refused before (ops12), now read so that
    # each bound is a comparison float64 makes exactly
    ('L = "(F.hardtanh(Z, -0.3, 0.4) * R).sum()"', 0.4),
    ('L = "(torch.clamp(Z, -0.564, 0.552) * R).sum()"', 0.552),
    ('L = "(np.clip(Z, -0.4, 0.55) * R).sum()"', 0.55),
    ('L = "(torch.clamp(Z, -0.4, -0.328) * R).sum()"', -0.328),
    ('L = "(F.hardtanh(Z, 0.3, 0.89) * R).sum()"', 0.89),
]


@pytest.mark.parametrize("line,value", AT_BOUND)
def test_a_given_value_on_a_clamps_bound_agrees_with_pytorch(line: str, value: float) -> None:
    agree_and_verify(_text(['Z = "X @ W"', line], x=E0, w=_w(value)))


def test_only_a_spec_whose_values_sit_on_a_moved_bound_is_read_the_other_way() -> None:
    """The nested form (printed clip(x, lo, hi) with one indicator) stays wherever no given value
    sits on an upper bound; the other form only where one does."""
    line = 'L = "(F.hardtanh(Z, -0.3, 0.4) * R).sum()"'
    plain = spec.parse(_text(['Z = "X @ W"', line]), "trust12")
    moved = spec.parse(_text(['Z = "X @ W"', line], x=E0, w=_w(0.4)), "trust12")
    # hi − relu(hi − (lo + relu(x − lo))) against lo + relu(x − lo) − clamp0(x − hi)
    nested = "left=Num(value=Fraction(2, 5)), right=BinOp(op='+'"
    exact = "Call(func='clamp0', args=(BinOp(op='-', left=Name(id='Z'), right=Num(value=Fr"
    exact += "action(2, 5))"
    assert nested in repr(plain.forward[-1][1]) and exact not in repr(plain.forward[-1][1])
    assert exact in repr(moved.forward[-1][1]) and nested not in repr(moved.forward[-1][1])


def test_a_value_one_ulp_from_its_bound_is_refused_as_a_tie() -> None:
    """0.3 given and the bound ``0.7 - 0.4`` are equal numbers, but float64 computes the bound
    one ulp below (0.29999999999999993): exact arithmetic says the tie (clamp passes the
    gradient), PyTorch sees x above the bound (0).
    Refused, saying so."""
    line = 'L = "(np.clip(Z, 0.1, 0.7 - 0.4) * R).sum()"'
    d = derive(spec.parse(_text(['Z = "X @ W"', line], x=E0, w=_w(0.3)), "trust12"))
    with pytest.raises(DeriveError) as err:
        numeric.verify(d, points=0, use_torch=False)
    assert err.value.exit_code == 2 and "in float64" in str(err.value)


GLU = [
    ['Z = "F.glu(X @ W, dim=-1)"', 'L = "(Z * Z).sum()"'],
    ['Z = "F.glu(X @ W)"', 'L = "(Z * R[:, 0:2]).sum()"'],
    ['Z = "F.glu(torch.tanh(X @ W) + 1, dim=1)"', 'L = "(Z * Z).sum()"'],
    ['Z = "F.glu((X @ W).T, dim=0)"', 'L = "(Z * Z).sum()"'],
]


@pytest.mark.parametrize("lines", GLU)
def test_glu_of_an_expression_is_pytorchs(lines: list[str]) -> None:
    agree_and_verify(_text(lines))


def test_glu_of_an_odd_size_is_refused_naming_it() -> None:
    with pytest.raises(DeriveError) as err:
        spec.parse(_text(['Z = "F.glu(X @ W, dim=0)"', 'L = "(Z * Z).sum()"']), "trust12")
    assert "odd size 3" in str(err.value)


def test_glu_of_a_1d_expression_is_along_its_only_axis() -> None:
    text = """
[dims]
n = 4
[inputs]
v = ["n"]
[params]
w = ["n"]
[forward]
g = "F.glu(v * w, dim=0)"
L = "(g * g).sum()"
[values]
v = [1.0, 2.0, -3.0, 0.5]
w = [0.3, 0.5, 0.2, 0.9]
"""
    agree_and_verify(text)


CUMSUM = [
    ['Z = "torch.cumsum(X @ W, dim=1)"', 'L = "(Z * R).sum()"'],
    ['Z = "torch.cumsum(torch.tanh(X @ W), dim=0)"', 'L = "(Z * R).sum()"'],
    ['Z = "np.cumsum(X @ W, axis=1)"', 'L = "(Z * R).sum()"'],
]


@pytest.mark.parametrize("lines", CUMSUM)
def test_cumsum_of_an_expression_is_pytorchs(lines: list[str]) -> None:
    agree_and_verify(_text(lines))


@pytest.mark.parametrize(
    "line",
    [
        # the Cox partial likelihood (risk sets) as a course writes it, without naming exp(risk)
        'L = "-((risk - torch.log(torch.cumsum(torch.exp(risk), dim=0))) * e).sum()"',
        'L = "-((risk - np.log(np.cumsum(np.exp(risk)))) * e).sum()"',
    ],
)
def test_cumsum_of_a_1d_expression_is_along_its_only_axis(line: str) -> None:
    text = f"""
[dims]
n = 4
[inputs]
x = ["n", 2]
e = ["n"]
[params]
w = [2, 1]
[forward]
risk = "(x @ w).squeeze(1)"
{line}
[values]
x = [[0.5, 1.0], [-1.0, 0.2], [0.3, -0.4], [0.8, 0.1]]
e = [1.0, 0.0, 1.0, 1.0]
w = [[0.3], [-0.2]]
"""
    agree_and_verify(text)
