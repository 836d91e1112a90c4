"""Known gaps of issue 9's trust items (branch trust11). Each case is judged by PyTorch float64
running the spec's own text (tests/spelled_oracle.py) and by derive's own verify guards.

1. A finite mask fill the user writes (``masked_fill(mask, -1e4)``) is that number, not the
   stand-in of ``-inf`` (which was -1e4 and is now -8192): PyTorch's softmax of a fully masked
   row is uniform and its cross-entropy finite, so derive agrees instead of refusing.
"""

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
M = ["m", "n"]
Y = ["m", "n"]
y = ["m"]
[params]
W = ["n", "n"]
[forward]
"""
VALUES = """
[values]
X = [[0.5, -0.2, 0.1, 0.9], [-0.7, 0.3, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]
W = [[0.3, -0.5, 0.2, 0.1], [0.7, 0.1, -0.3, 0.4], [-0.2, 0.6, 0.5, -0.8], [0.1, 0.2, 0.9, 0.3]]
R = [[0.2, -0.1, 0.4, 0.3], [0.5, 0.6, -0.2, 0.1], [-0.3, 0.2, 0.7, 0.8]]
M = [[1, 1, 0, 1], [0, 0, 0, 0], [1, 0, 1, 1]]
Y = [[0, 1, 0, 0], [0, 0, 1, 0], [1, 0, 0, 0]]
y = [2, 1, 0]
"""


def _text(lines: list[str]) -> str:
    return HEAD + "\n".join(lines) + "\n" + VALUES


def agree_and_verify(lines: list[str]) -> None:
    """PyTorch running the text agrees with derive's reading, and ``verify``'s guards pass."""
    text = _text(lines)
    out = so.oracle_text(text, "trust11")
    assert out.status == "agree", out.reason
    d = derive(spec.parse(text, "trust11"))
    report = numeric.verify(d, points=1, use_torch=True)
    assert report.ok


FINITE_FILLS = [
    # row 2 of M is all 0: every entry of that row is the fill (uniform in PyTorch, NaN for -inf)
    ['A = "(X @ W).masked_fill(M == 0, -1e4)"', 'L = "(F.softmax(A, dim=1) * R).sum()"'],
    # the true class of row 0 is filled: −log of a tiny but finite probability in PyTorch
    ['A = "(X @ W).masked_fill(M == 0, -1e4)"', 'L = "F.cross_entropy(A, y)"'],
    ['A = "(X @ W).masked_fill(M == 0, -1e4)"', 'L = "F.cross_entropy(A, Y)"'],
    ['A = "torch.masked_fill(X @ W, M == 0, -10000.0)"', 'L = "F.cross_entropy(A, Y)"'],
    ['A = "np.where(M == 0, -1e4, X @ W)"', 'L = "F.cross_entropy(A, Y)"'],
]


@pytest.mark.parametrize("lines", FINITE_FILLS, ids=range(len(FINITE_FILLS)))
def test_a_finite_fill_of_minus_1e4_is_the_number_written(lines: list[str]) -> None:
    agree_and_verify(lines)


def test_an_infinite_fill_of_a_whole_row_is_still_refused() -> None:
    text = _text(
        ['A = "(X @ W).masked_fill(M == 0, float(\'-inf\'))"', 'L = "(F.softmax(A, dim=1) * R).sum()"']
    )
    with pytest.raises(spec.SpecError, match="-inf everywhere"):
        spec.parse(text, "trust11")
