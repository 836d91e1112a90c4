"""Branch heldnets3's fixes besides concatenation (tests/test_concat.py): a where() whose two
sides are exactly equal at the given values."""

from __future__ import annotations

import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric
from derive.numeric.example import ExampleValueError

# Huber with δ = 1.5 and a row where |d| = δ exactly (−0.3 − 1.2 − 0 = −1.5): the where's
# comparison is exactly 0 in exact arithmetic, −2.2e-16 in float64
HUBER = """
[dims]
n = 5
d = 2
[inputs]
X = ["n", "d"]
y = ["n", 1]
[params]
w = ["d", 1]
[constants]
delta = 1.5
[forward]
d_ = "X @ w - y"
{lines}
[values]
X = [[1, 0], [0, 1], [2, 2], [-1, 3], [0.5, -0.5]]
y = [[0.2], [3], [-1], [0], [1]]
w = [[0.3], [-0.4]]
"""
INLINE = 'loss = "torch.where(torch.abs(d_) < delta, 0.5 * d_ ** 2, delta * (torch.abs(d_) - 0.5 * delta)).mean()"'
NAMED = 'z = "torch.abs(d_) - delta"\n' + INLINE.replace("torch.abs(d_) < delta", "z < 0", 1)


def test_a_where_on_an_exact_tie_names_the_comparison_and_a_fix_that_works() -> None:
    d = derive(spec.parse(HUBER.format(lines=INLINE), source="huber"))
    with pytest.raises(ExampleValueError) as err:
        numeric.verify(d, points=1)
    assert "the two sides of a comparison" in str(err.value)
    # the fix it names: the compared difference on its own line, compared with 0
    d = derive(spec.parse(HUBER.format(lines=NAMED), source="huber"))
    report = numeric.verify(d, points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert "z" in numeric.exact_zeros(d)
