"""Round 49 on main (the lead): what the round's held-out cases found outside the helpers' lines.

1. A logsumexp of a sum (``torch.logsumexp(a.T + T, dim=0)``, a CRF's forward recursion) printed as
the column mean of its reading, ``(1/K) 𝟙ᵀ(aᵀ + T − (log softmax((aᵀ + T)ᵀ))ᵀ)``: the sum is
flattened into the same Add as the log-softmax it is read with (mform.logsumexp_of).
2. The lab wrote a logsumexp as its reading; now as ``logsumexp``/``torch.logsumexp``."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from click.testing import CliRunner

from derive.cli import main
from derive.engine import backprop
from derive.lang import ops
from test_course_networks import _lab_runs  # runs a written backprop.py in this process
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


def test_the_lab_writes_logsumexp_and_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture
) -> None:
    """The lab (backprop.py) wrote a logsumexp as its reading, ``(e.T + Tr - (log_softmax((e.T +
    Tr).T)).T).mean(axis=0, keepdims=True)`` and ``torch.log_softmax(…).mean(dim=0)``: now
    ``logsumexp(…, axis=0, keepdims=True)`` (a stable helper with scipy's signature, defined in
    the script only when used) and ``torch.logsumexp``; the script runs and agrees with PyTorch
    and its finite differences."""
    spec = tmp_path / "chain.toml"
    spec.write_text(CHAIN)
    res = CliRunner().invoke(main, ["build", str(spec), "-f", "py", "--lang", "en", "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    script = next((tmp_path / "out").rglob("backprop.py"))
    code = script.read_text(encoding="utf-8")
    assert "a = logsumexp(e.T + Tr, axis=0, keepdims=True) + e" in code, code
    assert "b = logsumexp(Tr + a, axis=1, keepdims=True)" in code, code
    assert "torch.logsumexp(e.T + Tr, dim=0, keepdim=True) + e" in code, code
    assert "def logsumexp(x, axis=None, keepdims=False):" in code and "log_softmax" not in code, code
    _lab_runs(script, monkeypatch, capsys)


def test_the_logsumexp_helper_is_stable_and_scipys() -> None:
    """The lab's helper computes what scipy.special.logsumexp does on every axis, also where
    exp overflows float64 (inputs near 1000)."""
    space: dict = {"np": np}
    exec(ops.numpy_helpers()["logsumexp"], space)  # the op table's own source text (no user text)
    lse = space["logsumexp"]
    x = np.array([[1000.0, 999.0, -3.0], [0.5, -0.25, 2.0]])
    for axis in (0, 1, None):
        for keep in (True, False):
            want = torch.logsumexp(torch.tensor(x), dim=(0, 1) if axis is None else axis, keepdim=keep).numpy()
            got = lse(x, axis=axis, keepdims=keep)
            assert np.shape(got) == np.shape(want) and np.allclose(got, want, rtol=1e-15, atol=0), (axis, keep)


# held out: a column-wise logsumexp of a product inlined in the loss (not a named node)
INLINE = """[network]
name = "lse-inline-product"
[dims]
n = 3
k = 2
[inputs]
x = ["n", 2]
[params]
W = [2, "k"]
V = [2, "k"]
[forward]
s = "x @ V"
loss = "(torch.logsumexp(x @ W, dim=0, keepdim=True) * torch.sigmoid(s)).sum()"
[values]
x = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_column_logsumexp_of_a_product_prints_as_logsumexp(lang: str) -> None:
    """Down the columns of ``x W`` the reading's log-softmax is of ``Wᵀ xᵀ`` (the transpose
    distributed over the product): it was printed ``(1/n) 𝟙ᵀ(x W − (log softmax(Wᵀ xᵀ))ᵀ)`` in
    the forward pass, in δ_s and in ∂loss/∂V, and the lab's code kept the mean."""
    md = _md(INLINE, lang)
    assert "\\log\\operatorname{softmax}" not in md and "log_softmax" not in md, md
    assert md.count("\\operatorname{logsumexp}\\left(\\left(x \\thinspace W\\right)^{\\top}\\right)^{\\top}") >= 3, md
    assert "logsumexp(x @ W, axis=0, keepdims=True)" in md, md


# held out: a log-softmax deep in a four-layer network whose loss has no target of its shape —
# derive tried the logsumexp cross-entropy step there and expanded the whole loss back to it
# through arcsinh/arctanh (fuzz seed 480003: refused after 60 s of CPU)
DEEP = """[network]
name = "deep-log-softmax"

[dims]
m = 2
n0 = 1
n1 = 2
n2 = 2
n3 = 3
n4 = 3

[inputs]
X = ["m", "n0"]

[params]
W1 = ["n0", "n1"]
W2 = [3, "n2"]
b2 = [1, "n2"]
W3 = ["n2", "n3"]
b3 = [1, "n3"]
W4 = ["n3", "n4"]

[forward]
Z1 = "torch.matmul(X, W1)"
A1 = "np.tanh(Z1)"
N1 = "(A1 <= -0.1505).astype(float) + A1"
B1 = "N1 - scipy.special.logsumexp(N1, axis=1, keepdims=True)"
Z2 = "np.hstack([B1, X]) @ W2 + b2"
A2 = "exp(Z2 / 4)"
Z3 = "A2.dot(W3) + b3"
R3 = "np.sum(Z3, axis=-1)"
A3 = "((Z3 - np.expand_dims(R3, -1)) * (Z3 - np.expand_dims(R3, -1)) + 1) ** 0.5"
N3 = "F.tanhshrink(A3)"
B3 = "np.arcsinh(N3) * np.arctanh(np.tanh(N3) * 0.7)"
Z4 = "torch.matmul(B3, W4)"
A4 = "log(Z4 * Z4 + 1) + B3"
L = "np.mean(A4 * A4)"

[values]
X = [[-0.9], [-0.1]]
W1 = [[-0.8, -0.6]]
W2 = [[0.5, 0.3], [-0.4, 0.3], [-0.4, 0.7]]
b2 = [[-0.8, -0.6]]
W3 = [[0.4, 0.1, 0.6], [-0.4, -0.9, -0.1]]
b3 = [[0.8, 0.5, -0.8]]
W4 = [[0.1, -0.9, 0.4], [-0.1, -0.6, 0.2], [-0.9, 0.8, 0.9]]
"""


def test_a_deep_log_softmax_without_a_target_is_not_expanded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The step that names a cross-entropy written with logsumexp needs an input of the
    log-softmax's shape read after it (the target): without one, the loss is not expanded back
    to the log-softmax (on the base it was, for nothing: 57 s of CPU in SymPy's assumptions on
    a loaded machine, past the 60 s budget — a refusal); the network verifies, every ✓."""
    expanded: list[str] = []
    real = backprop._loss_expanded
    monkeypatch.setattr(backprop, "_loss_expanded", lambda g, a: expanded.append(a) or real(g, a))
    spec = tmp_path / "deep.toml"
    spec.write_text(DEEP)
    res = CliRunner().invoke(main, ["verify", str(spec)])
    assert res.exit_code == 0, res.output
    assert res.output.count("✓") == 6, res.output
    assert expanded == [], expanded
