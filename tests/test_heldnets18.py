"""Branch heldnets18 (issue 9's held-out course networks, pass 18): what the first pass of new
course networks found. Each network's OWN text runs in PyTorch float64 (tests/spelled_oracle.py)
and must agree with derive's loss and every gradient:

- ``torch.polygamma(n, x)`` was refused ("unknown function 'polygamma'"): evidential deep
  learning's Dirichlet KL written with ``torch.polygamma(0, ·)``, a moment-matching loss on
  ``torch.polygamma(1, α)`` (Var[log G] of a Gamma variable). Now n = 0 is the digamma row and
  n = 1 the trigamma row (ψ₁, a user-facing row with its rule ψ₁′ = ψ₂), also as
  ``torch.special.polygamma``, ``scipy.special.polygamma`` and ``x.polygamma(n)``; any other
  order is exit 2 naming the two that are read (en + zh);
- d2l's Kaggle ``log_rmse`` clamps with ``torch.clamp(preds, 1, float('inf'))``: refused ("only
  numbers are allowed as constants, not 'inf'"). An infinite bound on its open side (``float(
  'inf')``, ``math.inf``, ``np.inf``, ``torch.inf``, negated for a lower bound) is no bound;
- ``F.cross_entropy(logits, Y.argmax(dim=1))`` with ``Y`` declared one-hot (SGC, LDAM) was
  refused (argmax has no gradient): the class indices of one-hot rows are read as ``Y`` itself;
- TensorFlow's ``tf.nn.weighted_cross_entropy_with_logits(labels, logits, pos_weight)`` was
  refused: now per entry ``q·y·softplus(−z) + (1 − y)·softplus(z)``."""

from __future__ import annotations

from pathlib import Path

import mpmath
import pytest
from test_heldnets17 import _agree, _verified

from derive.engine.backprop import derive
from derive.errors import DeriveError
from derive.lang import spec as spec_mod

torch = pytest.importorskip("torch")


_PG = """
[dims]
n = 3
d = 2
[inputs]
x = ["n", "d"]
v = ["n", 1]
[params]
w = ["d", 1]
[forward]
a = "F.softplus(x @ w) + {shift}"
loss = "{loss}"
[values]
v = [[0.6], [1.2], [0.3]]
"""


@pytest.mark.parametrize(
    "loss",
    [
        "F.mse_loss(torch.polygamma(1, a), v)",
        "torch.special.polygamma(1, a).sum()",
        "(a.polygamma(1) * v).mean()",
        "np.mean((scipy.special.polygamma(1, a) - v) ** 2)",
        "(torch.polygamma(0, a) - torch.polygamma(1, a + v)).mean()",
        "torch.polygamma(n=1, input=a).mean()",
    ],
)
@pytest.mark.parametrize("shift", ["0.2", "3"])
def test_polygamma_of_orders_zero_and_one_agrees_with_pytorch(loss: str, shift: str) -> None:
    """PyTorch running the text uses its own ψ₁/ψ₂ (off by up to ~1e-9 below x ≈ 6, see
    heldnets17), so the oracle compares at 1e-7; derive verify's own reference is exact."""
    text = _PG.format(loss=loss, shift=shift)
    _agree(text, "pg", rel=1e-7)
    _verified(text, "pg")


def test_polygamma_zero_is_digamma_and_one_is_trigamma() -> None:
    zero = derive(spec_mod.parse(_PG.format(loss="torch.polygamma(0, a).sum()", shift="1"), "z"))
    psi = derive(spec_mod.parse(_PG.format(loss="torch.digamma(a).sum()", shift="1"), "p"))
    assert [str(t) for _, t in zero.spec.forward] == [str(t) for _, t in psi.spec.forward]
    one = derive(spec_mod.parse(_PG.format(loss="torch.polygamma(1, a).sum()", shift="1"), "o"))
    assert "trigamma" in str(one.spec.forward[-1][1])


@pytest.mark.parametrize("x", [0.05, 0.7, 2.5, 9.0])
def test_trigammas_derivative_bound_evaluates_psi_three(x: float) -> None:
    """The error bound of the ψ₂ node (the backward of a user's ψ₁) needs ψ₂' = ψ₃ in mpmath."""
    import sympy as sp

    from derive.lang import ops

    f = ops.sympy_mpmath()[sp.polygamma]
    assert abs(float(f(3, mpmath.mpf(x))) - float(mpmath.psi(3, x))) == 0.0


@pytest.mark.parametrize(
    "call", ["torch.polygamma(2, a)", "torch.polygamma(k, a)", "torch.polygamma(1.5, a)"]
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_other_polygamma_orders_are_refused_naming_what_is_read(
    call: str, lang: str, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    text = _PG.format(loss=f"{call}.sum()", shift="1").replace("[dims]", "[constants]\nk = 2\n[dims]")
    path = tmp_path / "pg.toml"
    path.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", "--lang", lang, str(path)])
    assert res.exit_code == 2, res.output
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1, res.output
    want = "orders 0 (torch.digamma" if lang == "en" else "只读取阶数 0"
    assert want in lines[0] and "polygamma(" in lines[0], res.output


_CLAMP = """
[dims]
n = 4
d = 3
[inputs]
features = ["n", "d"]
labels = ["n", 1]
[params]
w = ["d", 1]
[forward]
preds = "features @ w"
clipped = "{clip}"
loss = "torch.sqrt(F.mse_loss(torch.log(clipped), torch.log(labels)))"
[values]
features = [[2.0, 1.5, 0.5], [1.0, 3.0, 2.0], [0.1, 0.2, 0.1], [0.5, 0.5, 3.5]]
labels = [[3.0], [5.5], [2.5], [4.0]]
w = [[1.0], [0.5], [0.8]]
"""


@pytest.mark.parametrize(
    "clip",
    [
        "torch.clamp(preds, 1, float('inf'))",
        "torch.clamp(preds, min=1, max=float('Inf'))",
        "torch.clip(preds, 1, math.inf)",
        "np.clip(preds, 1, np.inf)",
        "torch.clamp(preds, -torch.inf, 40) + torch.clamp(preds, 1, torch.inf) - preds",
        "torch.clamp(preds, float('-inf'), 40) * 0 + torch.clamp(preds, 0.5, torch.inf)",
    ],
)
def test_an_infinite_clamp_bound_is_no_bound(clip: str) -> None:
    """Row 3's prediction (0.29) is below the bound 1: the clamped branch (gradient 0) is used."""
    text = _CLAMP.format(clip=clip)
    _agree(text, "clip")
    _verified(text, "clip")


def test_an_infinite_bound_on_the_closed_side_is_refused() -> None:
    text = _CLAMP.format(clip="torch.clamp(preds, float('inf'), 40)")
    with pytest.raises(DeriveError):
        spec_mod.parse(text, "bad")


_ONEHOT = """
[dims]
N = 3
d = 2
K = 3
[inputs]
x = ["N", "d"]
Y = {{ shape = ["N", "K"], kind = "one-hot" }}
[params]
W = ["d", "K"]
[forward]
logits = "x @ W"
loss = "{loss}"
[values]
Y = [[0, 0, 1], [1, 0, 0], [0, 1, 0]]
"""


@pytest.mark.parametrize(
    "loss",
    [
        "F.cross_entropy(logits, Y.argmax(dim=1))",
        "F.cross_entropy(logits, Y.argmax(1))",
        "F.cross_entropy(2 * logits, torch.argmax(Y, dim=-1), reduction='sum')",
        "F.cross_entropy(logits - Y * 0.3, Y.argmax(axis=1))",
        "nn.functional.cross_entropy(logits, torch.argmax(Y, 1), reduction='none').sum()",
    ],
)
def test_cross_entropy_of_the_argmax_of_one_hot_rows_agrees_with_pytorch(loss: str) -> None:
    text = _ONEHOT.format(loss=loss)
    _agree(text, "oh")
    _verified(text, "oh")


@pytest.mark.parametrize(
    ("loss", "kind"),
    [
        ("F.cross_entropy(logits, Y.argmax(dim=0))", "one-hot"),  # not the class axis
    ],
)
def test_other_argmax_targets_stay_refused(loss: str, kind: str) -> None:
    text = _ONEHOT.format(loss=loss)
    with pytest.raises(DeriveError, match="argmax"):
        spec_mod.parse(text, "am")


def test_weighted_cross_entropy_of_argmax_targets_divides_by_the_weights_picked() -> None:
    """Refused here until round 28, which reads ``torch.tensor([1.0, 2.0, 3.0])`` written in the
    line as an input holding those weights: PyTorch's weighted 'mean' over class indices
    divides by Σ w_(y_i) (not by N, as for probabilities) — read so, and PyTorch agrees."""
    text = _ONEHOT.format(
        loss="F.cross_entropy(logits, Y.argmax(dim=1), weight=torch.tensor([1.0, 2.0, 3.0]))"
    )
    _agree(text, "am")
    _verified(text, "am")


def test_the_argmax_of_soft_rows_is_its_one_hot_mask() -> None:
    """Soft rows (data, not declared one-hot): refused here until round 25, whose heldnets25
    reads argmax along the classes as the one-hot mask of each row's largest entry (PyTorch's
    first index on a tie) — the cross-entropy of those indices, not of Y."""
    text = _ONEHOT.format(loss="F.cross_entropy(logits, Y.argmax(dim=1))")
    text = text.replace('{ shape = ["N", "K"], kind = "one-hot" }', '["N", "K"]')
    soft = "[[0.2, 0.5, 0.3], [0.4, 0.4, 0.2], [0.1, 0.1, 0.8]]"  # a tie in row 2
    text = text.replace("[[0, 0, 1], [1, 0, 0], [0, 1, 0]]", soft)
    _agree(text, "am")
    _verified(text, "am")


_TFW = """
[dims]
n = 4
d = 3
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
w = ["d", 1]
[forward]
logits = "tf.matmul(x, w)"
loss = "{loss}"
[values]
y = [[1], [0], [0.25], [1]]
"""


@pytest.mark.parametrize(
    "loss",
    [
        "tf.reduce_mean(tf.nn.weighted_cross_entropy_with_logits(labels=y, logits=logits, pos_weight=3.0))",
        "tf.reduce_sum(tf.nn.weighted_cross_entropy_with_logits(y, logits, 0.5))",
        "tf.reduce_mean(tf.nn.weighted_cross_entropy_with_logits(logits=2 * logits, labels=y, pos_weight=1.0))",
    ],
)
def test_tensorflow_weighted_cross_entropy_with_logits_agrees_with_pytorch(loss: str) -> None:
    text = _TFW.format(loss=loss)
    _agree(text, "tfw")
    _verified(text, "tfw")
