"""Refusals of things PyTorch computes finitely (issue 9, branch trust12). Each case is judged
by PyTorch float64 running the spec's own text (tests/spelled_oracle.py) and by derive's own
``verify`` guards (exit 0), or, where PyTorch itself is not finite, by a refusal in one line."""

from __future__ import annotations

import pytest

from derive.engine.backprop import derive
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
