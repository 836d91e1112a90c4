"""Exercise variants of held-out course specs (exercises32, issue 12 item 7): what a variant
redraws and what the spec's text fixes; every key answer equal to PyTorch float64 autograd of the
spec's own text at the variant's values (tests/spelled_oracle.py, not derive's reading)."""

from __future__ import annotations

import re
import tomllib
from fractions import Fraction

import numpy as np
import pytest
import spelled_oracle as so

from derive.lang import spec
from derive.render import exercises as E

pytestmark = pytest.mark.slow

INDEX = re.compile(r"^(\w+)\[(\d+),\s*(\d+)\]$")


def _torch_key_check(text: str, name: str, variants=(1, 2, 3, 4, 5, 6), seed: int = 7) -> None:
    """Each value answer of each variant's key = autograd of ``text`` run in PyTorch float64 at
    the key's values."""
    s = spec.parse(text, name)
    raw = tomllib.loads(text)
    for v in variants:
        key = E.sheet(s, v, seed).key
        point = {
            k: np.array([[float(Fraction(x)) for x in row] for row in rows])
            for k, rows in key["values"].items()
        }
        loss, ns = so.execute(s, raw, point)
        loss.backward()
        asked = 0
        for q in key["questions"]:
            m = INDEX.match(q["wrt"].replace(" ", "")) if q["kind"] == "value" else None
            if not m:
                continue
            g = ns[m.group(1)].grad.detach().numpy()
            i, j = int(m.group(2)), int(m.group(3))
            want = g[i, j] if g.ndim == 2 else g[j if i == 0 else i]
            assert abs(q["float"] - want) <= 1e-9 * max(1.0, abs(want)), (v, q, want)
            asked += 1
        assert asked, key["questions"]


RNN_LITERAL_LABEL = """
[network]
name = "ex32-rnn-literal-label"
[dims]
T = 2
D = 3
H = 2
C = 3
[inputs]
x = ["T", "D"]
[params]
W = ["H", "D"]
U = ["H", "H"]
V = ["C", "H"]
[forward]
h1 = "torch.tanh(W @ x[0])"
h2 = "torch.tanh(W @ x[1] + U @ h1)"
out = "V @ h2"
loss = "F.cross_entropy(out.unsqueeze(0), torch.tensor([2]))"
"""


def test_a_label_written_in_the_text_is_not_redrawn() -> None:
    """``F.cross_entropy(out.unsqueeze(0), torch.tensor([1]))`` (PyTorch's RNNCell tutorial):
    the label is part of the network's text, but a variant drew it again as a one-hot target
    (hn31_pytorch_rnncell_many_to_one_1d variant 2 at seed 7 had class 0), so the key's ∂L/∂W_out
    answered another network than the sheet shows (0.715 by PyTorch, −0.234 in the key).
    Numbers written in a line (``s.literals``) are kept at every variant."""
    s = spec.parse(RNN_LITERAL_LABEL, "ex32")
    assert s.literals, "the label is read as a literal input"
    for v in range(1, 9):
        values = E.variant_values(s, v, 7)
        for name in s.literals:
            assert values[name] == s.values[name], (v, name, values[name])
    _torch_key_check(RNN_LITERAL_LABEL, "ex32")
