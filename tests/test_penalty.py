"""A loss with a penalty term beside its data term (L2-regularised logistic / softmax regression,
as every course writes it): σ′·BCE → (p − y)/m and softmax + CE → (P − Y)/m still simplify,
the walkthrough says which share is the penalty's, and PyTorch agrees."""

from __future__ import annotations

import pytest

from derive.engine.backprop import derive, loss_term
from derive.lang import expr as ex
from derive.lang import spec as specs
from derive.numeric import verify as numeric
from derive.numeric.example import Example
from derive.walkthrough import intuition

LOGISTIC = """
[dims]
m = 5
n = 3
[inputs]
X = ["m", "n"]
y = ["m", 1]
[params]
w = ["n", 1]
b = []
[constants]
lam = 0.1
[forward]
z = "X @ w + b"
p = "sigmoid(z)"
L = "{loss}"
"""

SOFTMAX = """
[dims]
m = 4
n = 3
k = 3
[inputs]
X = ["m", "n"]
Y = {{ shape = ["m", "k"], kind = "one-hot" }}
[params]
W = ["n", "k"]
[constants]
lam = 0.01
[forward]
Z = "X @ W"
P = "softmax(Z)"
L = "{loss}"
"""


@pytest.mark.parametrize(
    "loss",
    [
        "bce(p, y) + lam / (2 * m) * sum(w ** 2)",
        "lam / 2 * sum(w * w) + bce(p, y)",
        "bce(p, y) - lam * mean(w) + sum(abs(w))",
    ],
)
def test_a_penalty_beside_bce_keeps_the_textbook_simplification(loss):
    d = derive(specs.parse(LOGISTIC.format(loss=loss), "<test>"))
    z = d.gradient("z")
    assert z.rule == "sigmoid-bce"
    assert z.simplified[-1].rhs.text == "1/m·(p - y)"
    assert numeric.verify(d, points=1).ok
    ws = {k: [w.key for w in v] for k, v in intuition.paragraphs(d, Example(d)).items()}
    assert ws["w"][0] == "shared.penalty" and "loss.penalty" in ws["w"]
    assert "loss.bce" not in ws["w"]  # the BCE sentence belongs to p, not to the penalty


@pytest.mark.parametrize(
    "loss",
    [
        "2 * bce(p, y) + sum(w ** 2)",  # a scaled data term: δ_p is not BCE's own
        "bce(p, y) + sum(p)",  # p used twice in the loss
        "bce(p, y) - bce(p, y) / 2",
    ],
)
def test_no_simplification_where_the_loss_term_is_not_bce_alone(loss):
    d = derive(specs.parse(LOGISTIC.format(loss=loss), "<test>"))
    assert d.gradient("z").rule != "sigmoid-bce"
    assert numeric.verify(d, points=1).ok


def test_softmax_cross_entropy_with_weight_decay_is_p_minus_y_over_m():
    d = derive(
        specs.parse(SOFTMAX.format(loss="cross_entropy(P, Y) + lam / 2 * sum(W ** 2)"), "<t>")
    )
    z = d.gradient("Z")
    assert z.rule == "softmax-ce"
    assert z.simplified[-1].rhs.text == "1/m·(P - Y)"
    assert numeric.verify(d, points=1).ok


def test_loss_term_reads_only_added_terms():
    p = ex.parse("bce(p, y) + lam * sum(w ** 2)")
    assert loss_term(p, "p", "bce") == ex.parse("bce(p, y)")
    assert loss_term(ex.parse("lam * sum(w ** 2) - bce(p, y)"), "p", "bce") is None
    assert loss_term(ex.parse("bce(p, y) * 2"), "p", "bce") is None
    assert loss_term(ex.parse("bce(p, y)"), "p", "bce") == ex.parse("bce(p, y)")
