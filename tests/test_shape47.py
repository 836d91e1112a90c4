"""shape47 (issue 9): a squeeze of an EXPRESSION followed by another reshape — ``(h @ v).squeeze(1)
.unsqueeze(-1)``, ``.flatten()[:, None]``, ``np.expand_dims(np.squeeze(e), 1)``, ``.view(-1, 1)``,
chained — means what PyTorch and NumPy mean: the squeeze is rewritten to a row (``e.T`` of a
column) and carries a 1-D marker through that rewrite, so the next call reads a 1-D tensor (its
column, its row, itself, one entry, a slice, an inner product) and an axis a 1-D tensor does not
have is refused in one line as PyTorch and NumPy raise. Each chain against PyTorch running the
text itself (tests/spelled_oracle.py) and derive verify's PyTorch and finite differences; the
loss reads the result both as it is and transposed, so a 1-D vector misread as a row (or a
column) changes the loss."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import torch
from click.testing import CliRunner

from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric
from spelled_oracle import oracle_text

# (chain, PyTorch's/NumPy's shape of the result)
CHAINS = [
    ("(X @ v).squeeze(1).unsqueeze(-1)", ["N", 1]),
    ("(X @ v).squeeze(1).unsqueeze(1)", ["N", 1]),
    ("(X @ v).squeeze(1).unsqueeze(0)", [1, "N"]),
    ("(X @ v).squeeze(-1).unsqueeze(-1)", ["N", 1]),
    ("(X @ v).squeeze().unsqueeze(1)", ["N", 1]),
    ("(X @ v).flatten().unsqueeze(1)", ["N", 1]),
    ("(X @ v).view(-1).unsqueeze(-1)", ["N", 1]),
    ("(X @ v).reshape(-1).reshape(-1, 1)", ["N", 1]),
    ("(X @ v).squeeze(1)[:, None]", ["N", 1]),
    ("(X @ v).squeeze(1)[None, :]", [1, "N"]),
    ("(X @ v).squeeze(1)[None]", [1, "N"]),
    ("torch.squeeze(X @ v, 1).unsqueeze(1)", ["N", 1]),
    ("torch.unsqueeze((X @ v).squeeze(1), -1)", ["N", 1]),
    ("torch.unsqueeze(torch.squeeze(X @ v, 1), 1)", ["N", 1]),
    ("(X @ v).squeeze(1).view(-1, 1)", ["N", 1]),
    ("(X @ v).squeeze(1).reshape(1, -1)", [1, "N"]),
    ("(X @ v).squeeze(1).unsqueeze(1).squeeze(1)", ["N"]),
    ("(X @ v).squeeze(1).unsqueeze(1).T", [1, "N"]),
    ("(u @ X.T).squeeze(0).unsqueeze(1)", ["N", 1]),
    ("(u @ X.T).flatten()[:, None]", ["N", 1]),
    ("torch.tanh(X @ v).squeeze(1).unsqueeze(1)", ["N", 1]),
    ("torch.tanh((X @ v).squeeze(1)).unsqueeze(1)", ["N", 1]),
    ("(2 * (X @ v).squeeze(1) - 1).unsqueeze(1)", ["N", 1]),
    ("(X @ v).squeeze(1).unsqueeze(-1) + (X @ v).squeeze(1)", ["N", "N"]),
    ("(X @ v).squeeze(-1).T.unsqueeze(1)", ["N", 1]),
    ("(X @ v).squeeze(1).flatten().unsqueeze(0)", [1, "N"]),
    ("(X @ v).squeeze(1).unsqueeze(-2)", [1, "N"]),
    ("(X @ v).squeeze(1).squeeze(0)", ["N"]),
    ("(X @ v).squeeze(1).view(4, 1)", ["N", 1]),
    ("(X @ v).squeeze(1)[1:3]", [2]),
    ("(X @ v).squeeze(1)[0] * (X @ v).squeeze(1)", ["N"]),
    ("(X @ v).squeeze(1) @ X", ["d"]),
    ("((X @ v).squeeze(1) @ (X @ v).squeeze(1)) * (X @ v).squeeze(1)", ["N"]),
    ("torch.reshape((X @ v).squeeze(1), (-1, 1))", ["N", 1]),
    ("torch.flatten((X @ v).squeeze(1)).unsqueeze(dim=1)", ["N", 1]),
    ("np.expand_dims(np.squeeze(X @ v, 1), 1)", ["N", 1]),
    ("np.expand_dims((X @ v).squeeze(), -1)", ["N", 1]),
    ("np.expand_dims(np.squeeze(X @ v), 0)", [1, "N"]),
    ("np.squeeze(X @ v)[:, np.newaxis]", ["N", 1]),
    ("(X @ v).ravel().reshape(-1, 1)", ["N", 1]),
    ("np.squeeze(X @ v, axis=1).reshape(1, -1)", [1, "N"]),
]

# PyTorch or NumPy raises on these: refused in one line (en, zh words)
REFUSED = [
    ("(X @ v).squeeze(1).unsqueeze(2)", "has no axis 2 for unsqueeze()", "没有供 unsqueeze() 使用的第 2 维"),
    ("(X @ v).squeeze(1).squeeze(1)", "has no axis 1 for squeeze()", "没有供 squeeze() 使用的第 1 维"),
    ("(X @ v).squeeze(1).unsqueeze(-3)", "has no axis -3 for unsqueeze()", "第 -3 维"),
    ("(X @ v).squeeze(1).reshape(3, -1)", "cannot reshape 4 entries into (3, -1)", "无法把 4 个元素变形为 (3, -1)"),
    ("np.squeeze(np.squeeze(X @ v, 1), 0)", "along axis 0, whose length is not 1", "沿第 0 维的长度不是 1"),
    ("np.expand_dims(np.squeeze(X @ v), 2)", "has no axis 2 for expand_dims()", "没有供 expand_dims() 使用的第 2 维"),
]

NET = """[network]
name = "shape47-{i}"
[dims]
N = 4
d = 3
[inputs]
X = ["N", "d"]
C = {c}
w = {w}
[params]
v = ["d", 1]
u = [1, "d"]
[forward]
z = "{chain}"
loss = "{loss}"
"""


def _net(i: int, chain: str, shape: list) -> str:
    lib = ("np", "np") if chain.startswith("np.") or "ravel" in chain else ("torch", "torch")
    m = lib[0]
    loss = f"{m}.sum({m}.tanh(z) * C) + {m}.sum({m}.tanh(z.T + w)) + {m}.sum(u * u) + {m}.sum(v * v)"
    return NET.format(i=i, chain=chain, loss=loss, c=json.dumps(shape), w=json.dumps([1, shape[-1]]))


@pytest.mark.parametrize("i, chain, shape", [(i, c, s) for i, (c, s) in enumerate(CHAINS)], ids=[c for c, _ in CHAINS])
def test_a_chain_means_what_pytorch_and_numpy_mean(i: int, chain: str, shape: list) -> None:
    """derive's loss and gradients equal PyTorch's running the chain's own text (float64), and
    derive verify agrees with PyTorch and finite differences."""
    text = _net(i, chain, shape)
    out = oracle_text(text, f"shape47-{i}")
    assert out.status == "agree", (out.status, out.reason)
    d = derive(spec.parse(text, f"shape47-{i}"))
    report = numeric.verify(d, points=2)
    assert report.ok and {c.param for c in report.comparisons} == {"u", "v"}, report


def test_the_oracle_sees_a_misread_chain() -> None:
    """The oracle's own test: the same network read with the chain's result a row where PyTorch's
    is a column must disagree (so an agreement above says something)."""
    text = _net(0, "(X @ v).squeeze(1).unsqueeze(-1)", ["N", 1])
    run = text.replace('z = "(X @ v).squeeze(1).unsqueeze(-1)"', 'z = "(X @ v).squeeze(1).unsqueeze(0)"')
    assert oracle_text(text, "misread", run=run).status == "DISAGREE"


@pytest.mark.parametrize("chain, en, zh", REFUSED, ids=[c for c, _, _ in REFUSED])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_what_pytorch_or_numpy_refuses_is_refused_in_one_line(tmp_path: Path, chain: str, en: str, zh: str, lang: str) -> None:
    t = torch.ones(4, 3, dtype=torch.float64), torch.ones(3, 1, dtype=torch.float64)
    env = {"torch": torch, "np": np, "X": t[0], "v": t[1]}
    if chain.startswith("np."):
        env.update(X=t[0].numpy(), v=t[1].numpy())
    with pytest.raises(Exception):  # noqa: B017, PT011 (either library's own error)
        eval(chain, env)  # noqa: S307 (the test's own text)
    p = tmp_path / "r.toml"
    p.write_text(_net(0, chain, ["N", 1]))
    res = CliRunner().invoke(main, ["verify", str(p), "--lang", lang])
    assert res.exit_code == 2 and "Traceback" not in res.output, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln and "正在推导" not in ln]
    assert len(lines) == 1, res.output
    assert (en if lang == "en" else zh) in lines[0], lines[0]
    assert chain.split(".")[0] in lines[0]  # the user's own text is quoted
