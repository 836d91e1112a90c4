"""Branch heldnets11 (issue 9's held-out course networks, pass 11): what the first pass of ~65
new course networks found. Each network's OWN text runs in PyTorch float64
(tests/spelled_oracle.py) and must agree with derive's loss and every gradient:

- pyGAT's attention mask, ``torch.where(adj > 0, e, -9e15 * torch.ones_like(e))``, was refused
  ("number is too large (limit 1e12)"); numbers up to 1e38 are read now;
- ``F.hinge_embedding_loss(d, t, margin)`` of a Siamese net's distances (±1 targets) was an
  unknown function;
- DQN's target from a target network given as data, ``target.detach()``, and JAX's
  ``jax.lax.stop_gradient`` of it were refused ("derive does not model"): a detach of an
  expression of data only is the expression (no gradient flows there anyway); of an expression
  of the parameters (semi-gradient TD) it is still refused, naming what depends on them;
- A WRONG ✓: PyTorch's keepdim given by position, ``torch.max(Z, 1, True)[0]`` (also
  ``Z.max(1, True).values``, ``torch.amax``, ``torch.logsumexp``, ``torch.norm(Z, 2, 1, True)``),
  was read as the 1-D result without keepdim (a row, broadcast the wrong way) and verified ✓
  against derive's own reading; now a column, and a positional ``False`` is the 1-D result;
- ``torch.var(x, dim, unbiased, keepdim)`` / ``x.std(0, False)`` with the flags by position were
  refused ("dtype= and out= are not read": NumPy's order);
- the Cox partial likelihood's risk sets, ``torch.log(torch.cumsum(er, dim=0))`` of a 1-D vector,
  were refused ("'er' is 1-D: index it once"); ``x.cumsum(0)`` as a method was "only calls of
  named functions are allowed";
- a library's helper, d2l's ``d2l.linreg(X, w, b)``, was refused with "only calls of named
  functions are allowed" alone; the message now names the call and what to write;
- PSNR, ``-10 * torch.log10(mse)``, and ``log2``/``exp2`` were unknown functions;
- Barlow Twins' ``torch.diagonal(c)`` (an unknown function) and ``np.diag(c)`` / ``np.trace(c)``
  of a named square matrix (refused: only of a product) are its diagonal entries, 1-D, and their
  sum;
- ``F.multilabel_soft_margin_loss(Z, Y)`` (multi-label classification) was an unknown function;
- ``torch.numel(Z)`` (the method ``Z.numel()`` was read) was an unknown function;"""

from __future__ import annotations

import re

import pytest
from spelled_oracle import oracle_text

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

pytest.importorskip("torch")

_GAT = """
[dims]
N = 3
F_in = 2
F_out = 2
[inputs]
X = ["N", "F_in"]
adj = ["N", "N"]
Y = ["N", "F_out"]
[params]
W = ["F_in", "F_out"]
a1 = ["F_out", 1]
a2 = ["F_out", 1]
[forward]
Wh = "X @ W"
e = "F.leaky_relu(Wh @ a1 + (Wh @ a2).T, 0.2)"
zero_vec = "{fill} * torch.ones_like(e)"
attention = "torch.where(adj > 0, e, zero_vec)"
att = "F.softmax(attention, dim=1)"
Hn = "F.elu(att @ Wh)"
loss = "((Hn - Y) ** 2).mean()"
[values]
adj = [[1, 1, 0], [1, 1, 1], [0, 1, 1]]
"""

_HINGE_EMB = """
[dims]
N = 3
D = 3
E = 2
[inputs]
x1 = ["N", "D"]
x2 = ["N", "D"]
t = ["N"]
[params]
W = ["D", "E"]
[forward]
a = "torch.tanh(x1 @ W)"
b = "torch.tanh(x2 @ W)"
d = "F.pairwise_distance(a, b)"
loss = "{loss}"
[values]
t = [{t}]
"""

_DQN = """
[dims]
B = 3
S = 2
A = 2
[inputs]
s = ["B", "S"]
s2 = ["B", "S"]
a = ["B"]
r = ["B"]
done = ["B"]
W_target = ["S", "A"]
[params]
W = ["S", "A"]
[constants]
gamma = 0.99
[forward]
q = "(s @ W).gather(1, a.unsqueeze(1)).squeeze(1)"
q_next = "{q_next}"
target = "{target}"
loss = "{loss}"
[values]
a = [0, 1, 1]
done = [0, 0, 1]
"""

_KEEP = """
[dims]
N = 3
D = 2
C = 3
[inputs]
X = ["N", "D"]
[params]
W = ["D", "C"]
[forward]
Z = "X @ W"
L = "(Z - {reduced}).exp().sum()"
[values]
X = [[1.0, -0.5], [0.25, 2.0], [-1.5, 0.75]]
W = [[0.5, -0.25, 1.0], [0.75, 0.5, -0.5]]
"""
_KEEPDIM_FORMS = [
    "torch.max(Z, 1, True)[0]",
    "Z.max(1, True).values",
    "torch.amax(Z, 1, True)",
    "torch.logsumexp(Z, 1, True)",
    "torch.norm(Z, 2, 1, True)",
    "torch.min(Z, 0, True)[0]",
    "torch.max(Z, 1, False)[0]",
    "Z.sum(-1, False)",
    "torch.logsumexp(Z, -1, False)",
    # torch.var(x, dim, unbiased, keepdim) / x.std(dim, unbiased): the flags by position
    "torch.std(Z, 0, False)",
    "torch.var(Z, 1, False)",
    "torch.var(Z, 1, False, True)",
    "Z.std(1, False, False)",
    "Z.var(0, True, True)",
]

_COX = """
[dims]
N = 4
D = 2
C = 3
[inputs]
X = ["N", "D"]
event = ["N"]
q = ["N", "C"]
[params]
w = ["D"]
V = ["D", "C"]
[forward]
risk = "X @ w"
er = "torch.exp(risk)"
Z = "X @ V"
lrs = "{cum}"
loss = "-((risk - lrs) * event).sum() / event.sum() + {extra}"
[values]
event = [1, 0, 1, 1]
"""

_PSNR = """
[dims]
N = 2
D = 3
[inputs]
X = ["N", "D"]
clean = ["N", "D"]
[params]
W = ["D", "D"]
[forward]
out = "torch.sigmoid(X @ W)"
loss = "{loss}"
[values]
clean = [[0.2, 0.9, 0.5], [0.7, 0.1, 0.4]]
"""

_BARLOW = """
[dims]
N = 4
D = 3
E = 2
[inputs]
x1 = ["N", "D"]
x2 = ["N", "D"]
[params]
W = ["D", "E"]
[constants]
lam = 0.005
[forward]
z1 = "x1 @ W"
z2 = "x2 @ W"
z1n = "(z1 - z1.mean(0)) / z1.std(0, unbiased=False)"
z2n = "(z2 - z2.mean(0)) / z2.std(0, unbiased=False)"
c = "z1n.T @ z2n / N"
on_diag = "{on}"
off_diag = "{off}"
loss = "on_diag + lam * off_diag"
"""

_MLSM = """
[dims]
N = 3
D = 2
C = 3
[inputs]
X = ["N", "D"]
Y = ["N", "C"]
[params]
W = ["D", "C"]
b = ["C"]
[forward]
Z = "X @ W + b"
loss = "{loss}"
[values]
Y = [[1, 0, 1], [0, 0, 1], [1, 1, 0]]
"""

AGREE = {
    # pyGAT's -9e15 off the graph; -1e30 as other code writes it
    "gat_minus_9e15": _GAT.format(fill="-9e15"),
    "gat_minus_1e30": _GAT.format(fill="-1e30"),
    # a Siamese net with PyTorch's hinge embedding loss (±1 targets; PyTorch's formula for any
    # other label too: both terms where it is neither 1 nor -1)
    "hinge_embedding": _HINGE_EMB.format(
        loss="F.hinge_embedding_loss(d, t, margin=1.0)", t="1, -1, -1"
    ),
    "hinge_embedding_sum_other_labels": _HINGE_EMB.format(
        loss="F.hinge_embedding_loss(d, t, 2.0, reduction='sum')", t="1, 0.5, -1"
    ),
    "hinge_embedding_none": _HINGE_EMB.format(
        loss="(F.hinge_embedding_loss(d * 3, t, reduction='none') * t).mean()", t="-1, -1, 1"
    ),
    # DQN with a target network (data): the target detached, as PyTorch tutorials write it
    "dqn_target_detach": _DQN.format(
        q_next="(s2 @ W_target).max(1)[0]",
        target="r + gamma * q_next * (1 - done)", loss="F.smooth_l1_loss(q, target.detach())"
    ),
    "dqn_detach_in_line": _DQN.format(
        q_next="(s2 @ W_target).max(1)[0]",
        target="(r + gamma * q_next.detach() * (1 - done)).detach()",
        loss="F.mse_loss(q, torch.detach(target))",
    ),
    "dqn_jax_stop_gradient": _DQN.format(
        # round 32: in a jnp/tf text, Z.max(1)[0] is the first row's maximum (NumPy's and JAX's
        # reading, which the oracle now runs): the row maxima are Z.max(1)
        q_next="(s2 @ W_target).max(1)",
        target="jax.lax.stop_gradient(r + gamma * q_next * (1 - done))",
        loss="jnp.mean((target - q) ** 2)",
    ),
    "dqn_tf_stop_gradient": _DQN.format(
        q_next="(s2 @ W_target).max(1)",
        target="tf.stop_gradient(r + gamma * q_next * (1 - done))",
        loss="tf.reduce_mean(tf.square(target - q))",
    ),
    # keepdim by position (PyTorch's third argument)
    **{f"keepdim_{i}": _KEEP.format(reduced=form) for i, form in enumerate(_KEEPDIM_FORMS)},
    # Cox proportional hazards (rows sorted by descending time): cumsum of a 1-D vector
    "cox_torch_cumsum": _COX.format(
        cum="torch.log(torch.cumsum(er, dim=0))", extra="0.1 * (Z ** 2).sum()"
    ),
    "cox_np_cumsum": _COX.format(cum="np.log(np.cumsum(er))", extra="0.1 * (Z ** 2).sum()"),
    "cox_method_cumsum": _COX.format(
        cum="er.cumsum(0).log()", extra="(Z.cumsum(dim=1) * q).sum()"
    ),
    # an image course's PSNR as the loss to maximise (its negative minimised), log2 / exp2
    "psnr_log10": _PSNR.format(loss="-10 * torch.log10(1 / F.mse_loss(out, clean))"),
    "psnr_np_log10_sqrt": _PSNR.format(
        loss="-20 * np.log10(1.0 / np.sqrt(np.mean((out - clean) ** 2)))"
    ),
    "log2_exp2": _PSNR.format(loss="(torch.log2(1 + torch.exp2(-out)) * clean).sum()"),
    "log10_method": _PSNR.format(loss="(out.log10() * clean).sum() + out.log2().mean()"),
    # Barlow Twins: the diagonal of the cross-correlation matrix
    "barlow_torch_diagonal": _BARLOW.format(
        on="((torch.diagonal(c) - 1) ** 2).sum()",
        off="(c ** 2).sum() - (torch.diagonal(c) ** 2).sum()",
    ),
    "barlow_np_diag_trace": _BARLOW.format(
        on="np.sum((np.diag(c) - 1) ** 2) + 0.01 * np.trace(c)",
        off="np.sum(c ** 2) - np.sum(np.diag(c) ** 2)",
    ),
    "barlow_method_diagonal": _BARLOW.format(
        on="(c.diagonal() - 1).pow(2).sum()",
        off="c.pow(2).sum() - (torch.diag(c) ** 2).sum() + 0.01 * c.trace()",
    ),
    "torch_numel": _MLSM.format(loss="torch.sum(Z ** 2, dim=(-1, -2)) / torch.numel(Z)"),
    "multilabel_soft_margin": _MLSM.format(loss="F.multilabel_soft_margin_loss(Z, Y)"),
    "multilabel_soft_margin_sum": _MLSM.format(
        loss="F.multilabel_soft_margin_loss(Z * 2, Y, reduction='sum')"
    ),
}


@pytest.mark.parametrize("name", sorted(AGREE))
def test_the_course_text_run_in_pytorch_agrees_with_derive(name: str) -> None:
    out = oracle_text(AGREE[name], name)
    assert out.status == "agree", (out.status, out.reason)


def test_a_gat_mask_verifies_against_pytorch() -> None:
    """``derive verify``'s own comparison at the given values: the masked
    attention weights are exactly 0 in float64."""
    d = derive(spec.parse(AGREE["gat_minus_9e15"], source="gat"))
    report = numeric.verify(d, points=0)
    assert report.ok, [c for c in report.comparisons if not c.ok][:2]


def test_a_number_beyond_float32_is_still_refused() -> None:
    with pytest.raises(spec.SpecError, match="too large"):
        spec.parse(_GAT.format(fill="-1e39"), source="gat")


@pytest.mark.parametrize(
    "target",
    [
        "r + gamma * (s2 @ W).max(1)[0].detach()",
        "jax.lax.stop_gradient(r + gamma * (s2 @ W).max(1)[0])",
        "r + gamma * q.detach()",
    ],
)
def test_a_stop_gradient_through_the_parameters_agrees_with_pytorch(target: str) -> None:
    """Semi-gradient TD (the target from the network being trained): PyTorch's gradient leaves
    the target out. Refused before branch gaps10; now a stop-gradient (the target a constant at
    its value), and PyTorch running the text agrees."""
    text = _DQN.format(q_next="(s2 @ W_target).max(1)[0]", target=target, loss="F.mse_loss(q, target)")
    text = text.replace('q_next = "(s2 @ W_target).max(1)[0]"\n', "")  # (the target network's)
    assert spec.parse(text, source="td").detached
    out = oracle_text(text, "td")
    assert out.status == "agree", (out.status, out.reason)


@pytest.mark.parametrize(
    "call, says",
    [
        ("d2l.linreg(X, w, b)", "d2l.linreg() is not read ('d2l' is not a tensor of the spec"),
        # (cumprod is read since round 22, logcumsumexp since round 24: cummax is the example)
        ("(X @ w).cummax(0)", "only calls of named functions"),
        # (heldnets41: cummax, a running maximum, is refused naming it and what to write)
        ("X.renorm(2, 0, 1.0) @ w", "the method .renorm() is not one derive reads"),
        ("X.cummax(1) @ w", "cummax() is not read: a running maximum"),
    ],
)
def test_a_library_helper_or_unknown_method_is_refused_naming_it(call: str, says: str) -> None:
    text = f"""
[dims]
n = 3
d = 2
[inputs]
X = ["n", "d"]
y = ["n", 1]
[params]
w = ["d", 1]
b = [1]
[forward]
y_hat = "{call} + b"
loss = "((y_hat - y) ** 2).sum()"
"""
    with pytest.raises(spec.SpecError, match=re.escape(says)):
        spec.parse(text, source="d2l")
