"""Round 20's integration leftovers (issue 9): ``F.nll_loss(log_probs, Y.argmax(1))`` of a
declared one-hot ``Y`` — the class indices of one-hot rows — is read as ``F.cross_entropy``'s was
since heldnets18; the text run in PyTorch float64 agrees with derive's reading, and forms whose
mean differs between index and probability targets (``weight=``) are still refused."""

from __future__ import annotations

import pytest
from test_heldnets20 import _both

from derive.errors import DeriveError
from derive.lang import spec as spec_mod

torch = pytest.importorskip("torch")

_NLL = """
[dims]
batch = 5
feat = 3
cls = 4
[inputs]
xs = ["batch", "feat"]
onehot = {{ shape = ["batch", "cls"], kind = "one-hot" }}
[params]
weights = ["feat", "cls"]
bias = [1, "cls"]
[forward]
scores = "xs @ weights + bias"
loss = '{loss}'
"""


@pytest.mark.parametrize(
    "loss",
    [
        "F.nll_loss(F.log_softmax(scores, dim=1), onehot.argmax(1))",
        "F.nll_loss(torch.log_softmax(scores, -1), torch.argmax(onehot, dim=1))",
        "F.nll_loss(F.log_softmax(scores, dim=1), onehot.argmax(dim=-1), reduction=\"sum\")",
        "torch.nn.functional.nll_loss(torch.log(torch.softmax(scores, 1)), onehot.argmax(1))",
    ],
)
def test_nll_loss_of_a_one_hot_argmax_agrees_with_pytorch(loss: str) -> None:
    _both(_NLL.format(loss=loss), "nll_argmax")


def test_nll_loss_with_class_weights_of_an_argmax_is_still_refused() -> None:
    text = _NLL.format(loss="F.nll_loss(F.log_softmax(scores, dim=1), onehot.argmax(1), weight=w)")
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "nll_weight")
    assert "weight" in str(err.value)


_AVG = """
[dims]
n = 4
d = 3
[inputs]
X = ["n", "d"]
r = ["n", 1]
[params]
W = ["d", 1]
[constants]
{const}
[forward]
e = "(X @ W - r) ** 2"
loss = "{loss}"
"""


@pytest.mark.parametrize(
    "const, loss",
    [
        ("", "np.average(e, weights=X[:, 0:1] ** 2 + 1)"),
        ("", "np.average(e.T, axis=1, weights=X[:, 0:1].T ** 2 + 1).sum()"),
        ("", "np.average(e.T, axis=-1, weights=np.exp(X[:, 1:2].T), keepdims=True).sum()"),
        ("", "np.sum(np.average(np.hstack([e, e ** 0.5]), axis=1, weights=np.hstack([r, r]) ** 2))"),
    ],
)
def test_np_average_with_weights_agrees_with_numpy(const: str, loss: str) -> None:
    _both(_AVG.format(const=const, loss=loss), "avg")


@pytest.mark.parametrize(
    "loss",
    [
        "np.average(np.hstack([e, e]), axis=0, weights=np.array([1.0, 2.0, 3.0, 4.0])).sum()",
        "np.average(e, weights=X[:, 0:1] + 2, returned=True)",
    ],
)
def test_np_average_along_axis_0_with_weights_is_refused_naming_the_sum(loss: str) -> None:
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(_AVG.format(const="", loss=loss), "avg0")
    assert "np.sum(x * w, axis=0)" in str(err.value)
