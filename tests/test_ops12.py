"""Spellings added for issue 9 (branch ops12): PyTorch's positional keepdim of sum/mean/prod,
and more (see CASES). Each spec is derived (every step verified) and its loss and gradients
compared with PyTorch float64 running the ORIGINAL text (tests/spelled_oracle.py), not derive's
reading of it."""

from __future__ import annotations

import pytest

from derive.lang import expr as ex

pytest.importorskip("torch")
import spelled_oracle as so  # noqa: E402

HEAD = """
[dims]
m = 3
n = 4
[inputs]
X = ["m", "n"]
R = ["m", "n"]
Q = ["m", "n"]
[params]
W = ["n", "n"]
[forward]
Z = "X @ W"
"""
VALUES = """
[values]
X = [[0.5, -0.2, 0.1, 0.9], [-0.7, 0.3, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]
W = [[0.3, -0.5, 0.2, 0.1], [0.7, 0.1, -0.3, 0.4], [-0.2, 0.6, 0.5, -0.8], [0.1, 0.2, 0.9, 0.3]]
R = [[0.2, -0.1, 0.4, 0.3], [0.5, 0.6, -0.2, 0.1], [-0.3, 0.2, 0.7, 0.8]]
Q = [[1.2, 0.1, 0.4, 0.3], [0.5, 0.6, 1.2, 0.1], [0.3, 0.2, 0.7, 0.8]]
"""


def agree(lines: list[str], values: str = VALUES) -> None:
    out = so.oracle_text(HEAD + "\n".join(lines) + "\n" + values, "ops12")
    assert out.status == "agree", out.reason


KEEPDIM = [
    'L = "(torch.sum(Z, 1, True) * Z * R).sum()"',
    'L = "(torch.mean(Z, 0, True) * Z * R).sum() + (torch.mean(Z, 0, False) * R).sum()"',
    'L = "(Z.sum(1, True) * Z * R).sum() + (Z.mean(0, True) * R).sum()"',
    'L = "(torch.prod(Z, 1, True) * R).sum()"',
]


@pytest.mark.parametrize("line", KEEPDIM)
def test_positional_keepdim_is_pytorchs(line: str) -> None:
    agree([line])


def test_numpys_third_argument_is_dtype_and_refused() -> None:
    with pytest.raises(ex.ExprError) as err:
        ex.parse("np.sum(Z, 1, True)", shapes={"Z": (3, 4)})
    assert "keepdims=True" in err.value.message


ARITHMETIC = [
    'L = "(Z.add(R, alpha=0.5) * R).sum() + (torch.add(Z, R, alpha=-2) * Q).sum()"',
    'L = "(Z.sub(R, alpha=0.3) ** 2).sum() + (torch.rsub(Z, R, alpha=2) * Q).sum()"',
    'L = "(torch.lerp(Z, R, 0.3) ** 2).sum() + (Z.lerp(R, Q) * R).sum()"',
    'L = "(torch.hypot(Z, R) * R).sum() + (torch.dist(Z, R) + torch.dist(Z, Q, 1))"',
    'L = "(torch.addcmul(Z, Z, R, value=0.5) * R).sum() + (torch.addcdiv(Z, R, Q, value=2)'
    ' * R).sum()"',
    'L = "(torch.addmm(R, Z, W, beta=0.5, alpha=2) * R).sum() + (np.float_power(Q + Z * Z, 1.5)'
    ' * R).sum()"',
    'L = "(F.normalize(Z, p=1, dim=1) * R).sum() + F.pairwise_distance(Z, R, p=1).sum()"',
    "L = \"(np.einsum('ij,jk', Z, W) * R).sum() + np.einsum('ij,ij', Z, R)"
    " + (torch.einsum('ji', Z) * R.T).sum() + np.einsum('ij,jk,kl', X, W, W).sum()\"",
    'L = "(torch.square(Z) * R + torch.true_divide(Z, Q) + np.negative(Z) * Q).sum()'
    ' + (np.reciprocal(Q + Z * Z) * R + torch.special.expit(Z)).sum()"',
]


@pytest.mark.parametrize("line", ARITHMETIC, ids=[c[5:40] for c in ARITHMETIC])
def test_arithmetic_spellings_are_pytorchs(line: str) -> None:
    agree([line])


@pytest.mark.parametrize("text", ["Z.pow_(2)", "Z.add_(Z)", "Z.clamp_(min=0)", "Z.exp_()"])
def test_in_place_methods_are_refused_with_the_fix(text: str) -> None:
    with pytest.raises(ex.ExprError) as err:
        ex.parse(text, shapes={"Z": (3, 4)})
    assert "in place" in err.value.message and text.split("(")[0][2:-1] + "()" in err.value.message


# A given value exactly at a clamp's bound (X[0] = e_0 and W[0, 0] = the bound: Z[0, 0] is that
# float exactly). derive reads clip(x, lo, hi) as hi − F(hi − (lo + F(x − lo))), and float64's
# lo + (x − lo) need not be x: at x = 0.4 = hi, −0.3 + 0.7 is 0.39999999999999997.
def _at(value: float) -> str:
    v = VALUES.replace("[0.5, -0.2, 0.1, 0.9]", "[1.0, 0.0, 0.0, 0.0]")
    return v.replace("[[0.3, -0.5", f"[[{value!r}, -0.5")


AGREE_AT_BOUND = [
    ('L = "(F.hardtanh(Z, -0.3, 0.3) * R).sum()"', 0.3),
    ('L = "(F.hardtanh(Z, 0.3, 0.9) * R).sum()"', 0.3),
    ('L = "(np.clip(Z, -0.3, 0.4) * R).sum()"', 0.4),
    ('L = "(torch.clamp(Z, min=0.3) * R).sum() + (torch.clamp(Z, max=0.3) * Q).sum()"', 0.3),
    ('L = "(torch.where(Z > 0.4, Z, 0.4 * Z) * R).sum()"', 0.4),
    ('L = "(F.hardtanh(Z, -0.564, 0.552) * R).sum()"', 0.552),
]


@pytest.mark.parametrize("line,value", AGREE_AT_BOUND)
def test_a_given_value_at_a_float_bound_agrees_with_pytorch(line: str, value: float) -> None:
    text = HEAD + line + "\n" + _at(value)
    agree([line], _at(value))
    d = so.derive(so.spec_mod.parse(text, "ops12"))
    so.numeric.spelled_ties(d, so.numeric.example_point(d.graph))  # not refused


MOVED_BOUND = [
    ('L = "(F.hardtanh(Z, -0.3, 0.4) * R).sum()"', 0.4),
    ('L = "(np.clip(Z, -0.564, 0.552) * R).sum()"', 0.552),
    ('L = "(torch.clamp(Z, -0.564, 0.552) * R).sum()"', 0.552),
]


@pytest.mark.parametrize("line,value", MOVED_BOUND)
def test_a_bound_float64_rounding_moves_agrees_with_pytorch(line, value) -> None:
    """Here the nested reading's float64 ``lo + (x − lo)`` misses x by an ulp and took the
    other side of the bound (refused since ops12; before that a wrong gradient). Since trust12
    such a spec is read with its clamps as ``lo + F(x − lo) − G(x − hi)`` (exact float
    comparisons), so derive agrees with PyTorch running the text and verify's guards pass."""
    text = HEAD + line + "\n" + _at(value)
    agree([line], _at(value))
    d = so.derive(so.spec_mod.parse(text, "ops12"))
    so.numeric.spelled_ties(d, so.numeric.example_point(d.graph))  # not refused
    assert so.numeric.verify(d, points=0, use_torch=True).ok


def test_cross_entropy_with_pytorchs_default_ignore_index_is_plain_cross_entropy() -> None:
    """``ignore_index=-100`` (PyTorch's default, written out) ignores nothing: no label is
    negative. A class k ≥ 0 against probability targets is refused naming what to write (with
    class indices it is read: tests/test_trust11.py)."""
    head = HEAD.replace('Q = ["m", "n"]', 'Q = ["m", "n"]\ny = ["m"]')
    text = head + 'L = "F.cross_entropy(Z, y, ignore_index=-100)"\n' + VALUES + "y = [2, 0, 3]\n"
    assert so.oracle_text(text, "ops12").status == "agree"
    with pytest.raises(ex.ExprError) as err:
        ex.parse("F.cross_entropy(Z, P, ignore_index=2)", shapes={"Z": (3, 4), "P": (3, 4)})
    assert "class indices" in err.value.message
