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


ARANGE_TARGETS = """
[network]
name = "ex32-arange-targets"
[dims]
N = 3
d = 2
[inputs]
A = ["N", "d"]
B = ["N", "d"]
[params]
W = ["d", "d"]
[forward]
logits = "A @ W @ B.T"
loss = "F.cross_entropy(logits, torch.arange(N))"
"""

WEIGHTS_ARRAY = """
[network]
name = "ex32-weights-array"
[dims]
N = 3
D = 2
C = 3
[inputs]
X = ["N", "D"]
Y = { shape = ["N", "C"], kind = "one-hot" }
[params]
W = ["D", "C"]
[forward]
P = "np.exp(X @ W) / np.sum(np.exp(X @ W), axis=1, keepdims=True)"
loss = "-np.sum(np.array([0.5, 3.0, 1.0]) * Y * np.log(P)) / N"
"""


@pytest.mark.parametrize(
    "text", [RNN_LITERAL_LABEL, ARANGE_TARGETS, WEIGHTS_ARRAY], ids=["label", "arange", "array"]
)
def test_tensors_written_in_the_text_are_not_redrawn(text: str) -> None:
    """``F.cross_entropy(out.unsqueeze(0), torch.tensor([1]))`` (PyTorch's RNNCell tutorial),
    CLIP's ``F.cross_entropy(logits, torch.arange(N))``, class weights ``np.array([…])``: the
    numbers are part of the network's text, but a variant drew them again (as one-hot targets,
    as any numbers), so the key answered another network than the sheet shows
    (hn31_pytorch_rnncell_many_to_one_1d variant 2 at seed 7: ∂L/∂W_out[0,0] = 0.715 by
    PyTorch, −0.234 in the key; clip_arange_targets every variant). Inputs the reader made from
    the text (``NetSpec.made``) keep their values at every variant."""
    s = spec.parse(text, "ex32")
    made = [n for n in s.inputs if n not in tomllib.loads(text)["inputs"]]
    assert made, "the reader made an input from the text"
    for v in range(1, 9):
        values = E.variant_values(s, v, 7)
        for name in made:
            assert values[name] == s.values[name], (v, name, values[name])
    _torch_key_check(text, "ex32")
    assert set(made) == set(s.made)
