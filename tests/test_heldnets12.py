"""Branch heldnets12 (issue 9's held-out course networks, pass 12): what the first pass of 60
new course networks (and probes of the forms they use) found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient:

- A WRONG ✓: ``m = x.max(-1)[0]`` (fast.ai's logsumexp trick; also ``torch.max(x, 1)[0]``,
  ``x.min(dim=1)[0]``) is 1-D in PyTorch, as ``x.max(1).values`` is, but the line was not
  marked 1-D: ``m.T`` made a column (an outer broadcast, verified ✓ against derive's own
  reading) and ``x @ m`` was refused;"""

from __future__ import annotations

import pytest
from spelled_oracle import oracle_text

pytest.importorskip("torch")

_MAX0 = """
[dims]
n = 3
c = 3
d = 2
[inputs]
X = ["n", "d"]
[params]
w = ["d", "c"]
[forward]
x = "X @ w"
m = "{m}"
L = "{loss}"
[values]
X = [[1.0, -0.5], [0.25, 2.0], [-1.5, 0.75]]
w = [[0.5, -0.25, 1.0], [0.75, 0.5, -0.5]]
"""


def _agree(text: str, name: str) -> None:
    out = oracle_text(text, name)
    assert out.status == "agree", (out.status, out.reason)


@pytest.mark.parametrize("m", ["x.max(-1)[0]", "torch.max(x, 1)[0]", "x.min(dim=1)[0]"])
def test_values_of_max_by_index_are_one_d(m: str) -> None:
    """``[0]`` of PyTorch's max along an axis is the 1-D values, as ``.values`` (was a wrong ✓
    through ``.T``, a refusal through ``@``)."""
    loss = "(x * m.T).sum() + (x @ m).sum() + (m * x.sum(-1)).sum()"
    _agree(_MAX0.format(m=m, loss=loss), "max0")
