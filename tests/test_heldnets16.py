"""Branch heldnets16 (issue 9's held-out course networks, pass 16): what the first pass of new
course networks found. Each network's OWN text runs in PyTorch float64 (tests/spelled_oracle.py)
and must agree with derive's loss and every gradient:

- Zhang & Sabuncu's generalized cross-entropy picks each row's probability with the function
  spelling of the index, ``torch.gather(p, 1, torch.unsqueeze(targets, 1))``: refused ("gather()
  is read as PyTorch's pick of class labels: P.gather(1, y.unsqueeze(1))"), although it is the
  same call as ``targets.unsqueeze(1)``; ``torch.reshape(y, (-1, 1))`` likewise;
- a bare non-ASCII TOML key (``θ = ["d", "k"]``) was told to quote the key, after which the
  quoted name is refused as a name: the fix now names the ASCII spelling (``theta``, printed θ);
- the oracle itself: ``torch.pow(x, 0.75)`` of a tensor raised ``KeyError: '__import__'`` in its
  namespace without builtins (the focal Tversky loss), and the Keras backend shim had no
  ``K.concatenate`` (the Keras functional guide's multi-input model)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spelled_oracle import oracle_text

from derive.errors import DeriveError
from derive.lang import spec as spec_mod

pytest.importorskip("torch")


def _agree(text: str, name: str) -> None:
    out = oracle_text(text, name)
    assert out.status == "agree", (out.status, out.reason)


_GCE = """
[dims]
N = 4
d = 3
C = 3
[inputs]
x = ["N", "d"]
targets = ["N"]
[params]
W = ["d", "C"]
b = ["C"]
[forward]
logits = "x @ W + b"
p = "F.softmax(logits, dim=1)"
Yg = "{pick}"
loss = "{loss}"
[values]
targets = [0, 2, 1, 2]
"""


@pytest.mark.parametrize(
    "pick",
    [
        "torch.gather(p, 1, torch.unsqueeze(targets, 1))",
        "torch.gather(p, 1, torch.unsqueeze(targets, dim=1))",
        "p.gather(1, torch.unsqueeze(targets, -1))",
        "torch.gather(p, dim=1, index=torch.reshape(targets, (-1, 1)))",
        "p.gather(1, torch.reshape(targets, (-1, 1)))",
    ],
)
@pytest.mark.parametrize("loss", ["((1 - Yg ** 0.7) / 0.7).mean()", "-torch.log(Yg).sum()"])
def test_gather_index_in_the_function_spelling_is_the_label_column(pick: str, loss: str) -> None:
    _agree(_GCE.format(pick=pick, loss=loss), "gce")


@pytest.mark.parametrize(
    "pick",
    [
        "torch.gather(p, 1, torch.unsqueeze(targets, 0))",
        "torch.gather(p, 0, torch.unsqueeze(targets, 1))",
    ],
)
def test_gather_with_another_axis_stays_refused(pick: str) -> None:
    with pytest.raises(DeriveError, match="gather"):
        spec_mod.parse(_GCE.format(pick=pick, loss="Yg.sum()"), "gce")


_TVERSKY = """
[dims]
P = 6
c = 3
[inputs]
X = ["P", "c"]
g = ["P", 1]
[params]
W = ["c", 1]
b = []
[constants]
alpha = 0.7
gamma = 0.75
[forward]
p = "torch.sigmoid(X @ W + b)"
TP = "torch.sum(p * g)"
FN = "torch.sum((1 - p) * g)"
FP = "torch.sum(p * (1 - g))"
TI = "(TP + 1) / (TP + alpha * FN + (1 - alpha) * FP + 1)"
loss = "{loss}"
[values]
g = [[1], [1], [0], [0], [1], [0]]
"""


@pytest.mark.parametrize(
    "loss", ["torch.pow(1 - TI, 0.75)", "torch.pow(1 - TI, gamma)", "(1 - TI).pow(gamma)"]
)
def test_the_oracle_runs_torch_pow_of_a_fractional_exponent(loss: str) -> None:
    _agree(_TVERSKY.format(loss=loss), "tversky")


_KERAS = """
[dims]
n = 3
t = 2
[inputs]
a = ["n", "t"]
tags = ["n", 2]
y = ["n", 1]
[params]
W = ["t", "t"]
w = [4, 1]
[forward]
x = "{x}"
loss = "K.mean(K.binary_crossentropy(y, K.sigmoid(K.dot(x, w))))"
[values]
y = [[1], [0], [1]]
"""


@pytest.mark.parametrize(
    "x",
    [
        "K.concatenate([K.relu(K.dot(a, W)), tags], axis=-1)",
        "K.concatenate([tags, K.tanh(K.dot(a, W))])",
    ],
)
def test_the_oracle_runs_keras_concatenate(x: str) -> None:
    _agree(_KERAS.format(x=x), "keras")


@pytest.mark.parametrize(
    ("key", "fix"),
    [("θ", "write theta = ..., which prints as its letter"), ("λ", "write lam = ..."),
     ("权重", "spell it in ASCII")],
)
def test_a_bare_non_ascii_key_is_told_its_ascii_spelling(key: str, fix: str) -> None:
    text = _GCE.format(pick="p", loss="Yg.sum()").replace('W = ["d", "C"]', f'{key} = ["d", "C"]')
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "greek")
    assert fix in err.value.fix and "needs quotes" not in err.value.fix


_SCE = """
[dims]
N = 3
d = 4
C = 3
[inputs]
x = ["N", "d"]
labels = ["N"]
[params]
W = ["d", "C"]
[forward]
pred_logits = "x @ W"
ce = "F.cross_entropy(pred_logits, labels)"
pred = "torch.clamp(F.softmax(pred_logits, dim=1), min=1e-7, max=1.0)"
label_one_hot = "{one_hot}"
rce = "-1 * torch.sum(pred * torch.log(label_one_hot), dim=1)"
loss = "0.1 * ce + rce.mean()"
[values]
labels = [2, 0, 1]
"""


@pytest.mark.parametrize(
    "one_hot",
    [
        "torch.clamp(F.one_hot(labels, C).float(), min=1e-4, max=1.0)",
        "torch.clamp(F.one_hot(labels, num_classes=C).double(), 1e-4, 1.0)",
        "np.clip(np.eye(C)[labels], 1e-4, 1.0)",
        "F.one_hot(labels, C).double() * 0.9999 + 0.0001",
    ],
)
def test_one_hot_rows_of_labels_may_be_clamped_and_computed_with(one_hot: str) -> None:
    """Symmetric cross-entropy (Wang et al. 2019): the reverse CE takes the log of the clamped
    one-hot labels. Every use of the labels on that line is a one-hot construction, so it is the
    one-hot rows whatever is done with them (the clamp's rewrite names them twice, which the
    count of picks took for a use of the integers). The casts are the course's: PyTorch's
    one_hot is int64, and a clamp or product of it without one is float32 in PyTorch."""
    _agree(_SCE.format(one_hot=one_hot), "sce")


def test_integer_labels_used_as_numbers_stay_refused() -> None:
    text = _SCE.format(one_hot="F.one_hot(labels, C).float() - labels / 10")
    with pytest.raises(DeriveError, match="other than as"):
        spec_mod.parse(text, "sce")


def test_a_kink_of_data_alone_keeps_the_finite_differences() -> None:
    """The clamp of one-hot labels sits at its bound 1 at every point, but no parameter moves it:
    finite differences straddle no kink and are compared (they were all dropped)."""
    from derive.engine.backprop import derive
    from derive.numeric import verify as numeric

    one_hot = "torch.clamp(F.one_hot(labels, C).float(), min=1e-4, max=1.0)"
    d = derive(spec_mod.parse(_SCE.format(one_hot=one_hot), "sce"))
    report = numeric.verify(d, points=1)
    assert report.ok and not any(c.kink for c in report.comparisons)
    # a kink a parameter moves still drops them: ReLU inputs exactly 0 (Goodfellow's XOR)
    xor_path = Path(__file__).parent / "specs_course" / "hn16_goodfellow_xor_kinks.toml"
    xor = derive(spec_mod.load(str(xor_path)))
    assert any(c.kink for c in numeric.verify(xor, points=1).comparisons)
