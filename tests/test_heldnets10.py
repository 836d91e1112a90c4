"""Branch heldnets10 (issue 9's held-out course networks, pass 10): what the first pass of ~60 new
course networks found. Each network's OWN text runs in PyTorch float64 (tests/spelled_oracle.py)
and must agree with derive's loss and every gradient:

- an additive attention mask, ``scores + (1 - mask) * -1e9`` (TensorFlow's tutorial, the
  Annotated Transformer): the identity checker refused a table function's argument beyond 1e6,
  also far left of 0, where e^{−1e9} is a tiny number computed at once;
- PyTorch's ``F.cross_entropy(sim, pos)`` on logits with scores masked by −1e9 (SimCLR's
  NT-Xent without self-similarity): a probability 0 in float64 was refused as outside the
  domain, then the chain through ``−Y/P`` gave 0/0; now ``(P − Y)/m`` as for a named softmax;
- a lookup in a bias per user, ``b_u[users]`` of a 1-D table or ``b_u[users].squeeze(1)`` of a
  ``[n, 1]`` one (matrix factorisation with biases);
- ``masked_fill(mask, float('-inf'))`` of the logits of ``F.cross_entropy`` (a softmax inside)
  was refused as "not taken a softmax of";
- a weight per class in BCE, ``pos_weight=pw`` with ``pw`` 1-D (multi-label classification),
  was refused ("must be a number or a [constants] name")."""

from __future__ import annotations

import pytest
from spelled_oracle import oracle_text

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

pytest.importorskip("torch")

_ATTN = """
[dims]
T = 3
d = 2
[inputs]
X = ["T", "d"]
mask = ["T", "T"]
[params]
Wq = ["d", "d"]
Wk = ["d", "d"]
[forward]
scores = "(X @ Wq) @ (X @ Wk).T / math.sqrt(d)"
masked = "{masked}"
attn = "torch.softmax(masked, dim=-1)"
loss = "(attn * X[:, 0:1]).sum()"
[values]
mask = [[1, 1, 0], [1, 0, 1], [1, 1, 1]]
"""

_NTXENT = """
[dims]
N2 = 4
d = 3
[inputs]
z_in = ["N2", "d"]
self_mask = ["N2", "N2"]
pos = {{ shape = ["N2", "N2"], kind = "one-hot" }}
[params]
W = ["d", "d"]
[forward]
z = "F.normalize(z_in @ W, dim=1)"
sim = "z @ z.T / 0.5"
sim_m = "{masked}"
loss = "F.cross_entropy(sim_m, pos)"
[values]
self_mask = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]
pos = [[0, 0, 1, 0], [0, 0, 0, 1], [1, 0, 0, 0], [0, 1, 0, 0]]
"""

_MF = """
[dims]
B = 3
nU = 3
nI = 4
k = 2
[inputs]
users = ["B"]
items = ["B"]
r = ["B"]
[params]
P = ["nU", "k"]
Q = ["nI", "k"]
bu = {bu}
bi = {bi}
[forward]
pred = "(P[users] * Q[items]).sum(1) + {bias}"
loss = "((pred - r) ** 2).mean()"
[values]
users = [0, 2, 1]
items = [3, 0, 3]
r = [4.0, 2.5, 5.0]
"""

_POSW = """
[dims]
N = 3
D = 2
C = 3
[inputs]
x = ["N", "D"]
Y = ["N", "C"]
pw = ["C"]
[params]
W = ["D", "C"]
[forward]
logits = "x @ W"
loss = "{loss}"
[values]
Y = [[1, 0, 1], [0, 0, 1], [1, 1, 0]]
pw = [2.0, 1.0, 0.5]
"""

AGREE = {
    "additive_mask": _ATTN.format(masked="scores + (1.0 - mask) * -1e9"),
    "additive_mask_minus": _ATTN.format(masked="scores - 1e9 * (1 - mask)"),
    "ntxent_minus_1e9": _NTXENT.format(masked="sim - 1e9 * self_mask"),
    "ntxent_masked_fill": _NTXENT.format(masked="sim.masked_fill(self_mask == 1, -1e9)"),
    # -inf filled logits of F.cross_entropy with class indices (a softmax inside it)
    "ntxent_inf_fill_labels": """
[dims]
N2 = 4
d = 3
[inputs]
z_in = ["N2", "d"]
self_mask = ["N2", "N2"]
labels = ["N2"]
[params]
W = ["d", "d"]
[forward]
z = "F.normalize(z_in @ W, dim=1)"
sim_m = "(z @ z.T / 0.5).masked_fill(self_mask == 1, float('-inf'))"
loss = "F.cross_entropy(sim_m, labels)"
[values]
self_mask = [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]]
labels = [2, 3, 0, 1]
""",
    "mf_1d_biases": _MF.format(bu='["nU"]', bi='["nI"]', bias="bu[users] + bi[items]"),
    "mf_column_squeeze": _MF.format(
        bu='["nU", 1]', bi='["nI", 1]', bias="bu[users].squeeze(1) + bi[items].view(-1)"
    ),
    "mf_column_squeeze_all": _MF.format(
        bu='["nU", 1]', bi='["nI", 1]', bias="bu[users].squeeze() + bi[items].flatten()"
    ),
    # b[y] of a 1-D table is 1-D: @ with it is NumPy's inner / matrix-vector product
    "lookup_1d_products": """
[dims]
B = 3
nU = 3
[inputs]
users = ["B"]
r = ["B"]
M = ["B", "B"]
[params]
bu = ["nU"]
cu = ["nU"]
[forward]
s = "bu[users] @ cu[users]"
t = "M @ bu[users]"
loss = "s * 0.1 + ((t - r) ** 2).sum()"
[values]
users = [0, 2, 2]
""",
    # multi-label BCE with a weight per class (PyTorch's pos_weight broadcast over the rows)
    "pos_weight_per_class": _POSW.format(
        loss="F.binary_cross_entropy_with_logits(logits, Y, pos_weight=pw)"
    ),
    "pos_weight_column_expression": _POSW.format(
        loss="F.binary_cross_entropy_with_logits(logits, Y, pos_weight=2 * pw + 1)"
    ),
    "pos_weight_on_probabilities": _POSW.format(
        loss="bce(sigmoid(logits) * 0.5 + 0.25, Y, pos_weight=pw)"
    ),
}


@pytest.mark.parametrize("name", sorted(AGREE))
def test_the_course_text_run_in_pytorch_agrees_with_derive(name: str) -> None:
    out = oracle_text(AGREE[name], name)
    assert out.status == "agree", (out.status, out.reason)


def test_masked_scores_verify_against_pytorch() -> None:
    """``derive verify``'s own comparison (PyTorch of derive's reading, finite differences) at
    the given values: the masked probabilities are exactly 0 in float64 there."""
    d = derive(spec.parse(AGREE["ntxent_minus_1e9"], source="ntxent"))
    report = numeric.verify(d, points=0)
    assert report.ok, [c for c in report.comparisons if not c.ok][:2]


def test_a_lookup_of_a_row_table_by_labels_is_still_refused_naming_the_form() -> None:
    """A lookup in a ``[1, n]`` table (neither 1-D nor a matrix with a row per class)."""
    text = _MF.format(bu='[1, "nU"]', bi='["nI"]', bias="bu[users] + bi[items]")
    with pytest.raises(spec.SpecError):
        spec.parse(text, source="mf_row")
