"""A block of ones whose number side is the width of a slice the network takes (``h[:, :3]`` has
3 columns at every size): read as that many ones, not refused as "not a size of the network's
tensors" (labs16: groupnorm's answer key ``np.ones((N, 2))`` was unreadable). Verdicts from
PyTorch float64 running the spec's text (corpus_common.course_oracle_ok)."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.checker.check import check

SLICED = """
[network]
name = "sliced-head"
[dims]
m = 4
n = 5
c = 6
[inputs]
X = ["m", "n"]
[params]
W = ["n", "c"]
[forward]
H = "X @ W"
G = "H[:, :3]"
R = "H[:, 3:]"
L = "torch.tanh(G).mean() + (R ** 2).sum()"
"""

CASES = [
    # (wrt, NumPy, verdict, code)
    ("G", "(1 - np.tanh(G) ** 2) * np.ones((m, 3)) / (3 * m)", "correct", None),
    ("G", "(1 - np.tanh(G) ** 2) / (m * 3)", "correct", None),
    ("G", "np.ones((m, 3)) * (1 - np.tanh(G) ** 2) / m", "incorrect", "scale-factor"),
    ("G", "(1 - np.tanh(G) ** 2) * np.ones((m, 3)) / (3 * n)", "incorrect", "scale-factor"),
    # R = H[:, 3:] has c - 3 columns: 3 only at the example's sizes
    ("R", "2 * R * np.ones((m, c - 3))", "correct", None),
    ("R", "R * np.ones((m, c - 3))", "incorrect", "scale-factor"),
    ("R", "2 * R * np.ones((m, 3))", "incorrect", None),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c[0]}:{c[1]}")
def test_a_block_of_ones_as_wide_as_a_slice_is_read(case: tuple, tmp_path: Path) -> None:
    wrt, text, verdict, code = case
    net = tmp_path / "sliced.toml"
    net.write_text(SLICED)
    r = check(net, wrt, text)
    assert ("correct" if r.ok else "incorrect") == verdict, r
    if code is not None:
        assert r.code == code, r


def test_the_oracle_agrees_on_the_right_answers(tmp_path: Path) -> None:
    torch = pytest.importorskip("torch")
    torch.manual_seed(0)
    X = torch.randn(4, 5, dtype=torch.float64)
    W = torch.randn(5, 6, dtype=torch.float64)
    H = X @ W
    G = H[:, :3].detach().requires_grad_()
    R = H[:, 3:].detach().requires_grad_()
    L = torch.tanh(G).mean() + (R**2).sum()
    L.backward()
    g = G.detach()
    assert torch.allclose(G.grad, (1 - torch.tanh(g) ** 2) * torch.ones(4, 3) / (3 * 4))
    assert torch.allclose(R.grad, 2 * R.detach() * torch.ones(4, 6 - 3))
