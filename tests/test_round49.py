"""Round 49 on main (the lead): what the round's held-out cases found outside the helpers' lines.

A logsumexp of a sum (``torch.logsumexp(a.T + T, dim=0)``, a CRF's forward recursion) printed as
the column mean of its reading, ``(1/K) 𝟙ᵀ(aᵀ + T − (log softmax((aᵀ + T)ᵀ))ᵀ)``: the sum is
flattened into the same Add as the log-softmax it is read with (mform.logsumexp_of)."""

from __future__ import annotations

import pytest

from test_handread25 import _md  # the held-out builder of the walkthroughs

# held out: a two-tag chain whose recursions combine a row with a transition matrix, once down
# the columns and once along the rows
CHAIN = """[network]
name = "lse-of-a-sum"
[dims]
k = 3
[inputs]
x = [1, 2]
Tr = ["k", "k"]
[params]
W = [2, "k"]
[forward]
e = "x @ W"
a = "torch.logsumexp(e.T + Tr, dim=0, keepdim=True) + e"
b = "torch.logsumexp(Tr + a, dim=1, keepdim=True)"
loss = "b.sum() - (a * e).sum()"
[values]
x = [[0.5, -1.0]]
Tr = [[0.1, -0.2, 0.3], [0.0, 0.4, -0.1], [0.2, 0.1, -0.3]]
W = [[0.2, -0.4, 0.1], [-0.5, 0.6, 0.25]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_logsumexp_of_a_sum_prints_as_logsumexp(lang: str) -> None:
    md = _md(CHAIN, lang)
    forward = md.split("## 2. ", 1)[1].split("\n## 3. ", 1)[0]
    assert "\\log\\operatorname{softmax}" not in md, forward
    assert "a = \\operatorname{logsumexp}\\left(\\left(e^{\\top} + \\mathrm{Tr}\\right)^{\\top}\\right)^{\\top} + e" in forward, forward
    assert "b = \\operatorname{logsumexp}\\left(\\mathrm{Tr} + a\\right)" in forward, forward
