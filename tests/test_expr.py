"""The safe expression language: what parses, and hostile input refused quickly."""

from __future__ import annotations

from fractions import Fraction

import pytest

from derive.lang import expr as ex


def test_parses_the_spec_language():
    tree = ex.parse("sigmoid(A1 @ W2.T + b2) * 0.5 - x ** 2 / m")
    assert ex.names(tree) == ["A1", "W2", "b2", "x", "m"]
    assert isinstance(tree, ex.BinOp) and tree.op == "-"


def test_decimals_are_exact():
    tree = ex.parse("0.1 * X")
    assert tree.left == ex.Num(Fraction(1, 10))


def test_keywords_and_negative_numbers():
    tree = ex.parse("bce(A2, Y, pos_weight=3)")
    assert tree.kwarg("pos_weight") == ex.Num(Fraction(3))
    assert ex.parse("-2") == ex.Num(Fraction(-2))


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("__import__('os').system('x')", "only calls of named functions"),
        ("__import__('os')", "unknown function '__import__'"),
        ("().__class__", "attribute '.__class__' is not allowed"),
        ("9**9**9", "exponent 387420489 is too large"),  # 9 ** (9 ** 9), as Python reads it
        ("X ** 99", "exponent 99 is too large"),
        ("A1.tofile('x')", "only calls of named functions"),
        ("A1.tofile", "attribute '.tofile' is not allowed"),
        ("lambda: 1", "'Lambda' is not allowed"),
        ("[x for x in X]", "a loop is not read"),
        ("open('f')", "unknown function 'open'"),
        ("X[0]", "'Subscript' is not allowed"),
        ("a; b", "one line"),
        ("sigmoid(X, Y)", "sigmoid() takes 1 arguments, got 2"),
        ("bce(A, Y, weight=3)", "keyword 'weight' unknown; allowed: pos_weight"),
        ("1e400 * X", "too large"),
        ("X +", "syntax error"),
        ("x" * 3000, "limit is 2000"),
        ("sigmoid(" * 60 + "x" + ")" * 60, "deeper than"),
        ("+".join(["x"] * 300), "parts; the limit is 400"),
    ],
)
def test_hostile_or_bad_input_is_refused(text, fragment):
    with pytest.raises(ex.ExprError) as err:
        ex.parse(text)
    assert fragment in err.value.message


def test_unknown_function_lists_the_allowed_names():
    with pytest.raises(ex.ExprError) as err:
        ex.parse("sech(Z)")  # (sinc read since round 22; atan2 a row since 26; avg_pool2d 43)
    allowed = "allowed: abs, acos, acosh, asin, asinh, atan, atan2, atanh, avg_pool2d, bce, bce_logits, ceil"  # noqa: E501
    assert allowed in err.value.message
    # the language's internal helpers (tetragamma: trigamma's derivative) are not offered;
    # trigamma (torch.polygamma(1, x)) is a function of the language since branch heldnets18
    assert "tetragamma" not in err.value.message
    assert ", trigamma" in err.value.message


def test_check_mode_allows_comparisons_and_indexing():
    assert isinstance(ex.parse("Z1 > 0", allow_compare=True), ex.Compare)
    assert ex.parse("W1[0, 1]", allow_index=True) == ex.Index("W1", (0, 1))
    with pytest.raises(ex.ExprError):
        ex.parse("Z1 > 0")
