"""Concatenation (branch heldnets3): ``torch.cat([A, B], dim=1)``, ``np.concatenate``,
``np.hstack``/``np.vstack`` are the language's ``concat(A, B, axis=k)``, an op-table row whose
backward gives each argument its own block (slice) of the upstream gradient. Compared with
PyTorch autograd running the original spelling; the slice is evaluated, printed and run as code
the same way in every number system."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import mpmath
import numpy as np
import pytest
import sympy as sp

from derive.engine import mform as mf
from derive.engine.backprop import derive
from derive.lang import spec
from derive.lang.spec import Dim
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")

# a d2l-style GRU-like cell whose parameters reach the loss through both blocks of each concat
# (the hidden state H2 = tanh([X H] W) is itself concatenated, and a stack along axis 0)
GRU = """
[network]
name = "concat-cell"
[dims]
n = 3
d = 2
h = 2
dh = 4
[inputs]
X = ["n", "d"]
H = ["n", "h"]
[params]
W = ["dh", "h"]
U = ["dh", "h"]
b = [1, "h"]
[forward]
XH = "torch.cat([X, H], dim=1)"
H2 = "torch.tanh(XH @ W + b)"
G = "np.hstack([H2, H2 * H])"
S = "np.vstack((G @ U, H2))"
L = "np.mean(S ** 2) + np.sum(np.concatenate((H2, X), axis=-1) ** 2)"
[values]
X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]
H = [[0.1, 0.2], [-0.3, 0.4], [0.5, -0.6]]
W = [[0.3, -0.2], [0.1, 0.4], [-0.5, 0.25], [0.2, 0.1]]
U = [[0.1, 0.3], [-0.2, 0.5], [0.4, -0.1], [0.25, 0.2]]
b = [[0.05, -0.1]]
"""


def _torch_grads() -> dict[str, np.ndarray]:
    s = spec.parse(GRU, source="concat-cell")
    v = {k: torch.tensor(np.array(s.values[k], dtype=float), dtype=torch.float64) for k in s.values}
    for p in ("W", "U", "b"):
        v[p].requires_grad_(True)
    X, H, W, U, b = (v[k] for k in ("X", "H", "W", "U", "b"))
    XH = torch.cat([X, H], dim=1)
    H2 = torch.tanh(XH @ W + b)
    G = torch.hstack([H2, H2 * H])
    S = torch.vstack((G @ U, H2))
    L = (S**2).mean() + (torch.cat((H2, X), dim=-1) ** 2).sum()
    L.backward()
    return {p: v[p].grad.numpy() for p in ("W", "U", "b")}


def test_concatenation_gradients_match_pytorch_running_torch_cat() -> None:
    d = derive(spec.parse(GRU, source="concat-cell"))
    grads, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    want = _torch_grads()
    for p, g in want.items():
        np.testing.assert_allclose(grads[p], g, rtol=1e-10, atol=1e-13)
    report = numeric.verify(d, points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]


def test_the_backward_of_a_concat_is_a_slice_of_the_upstream_gradient() -> None:
    d = derive(spec.parse(GRU, source="concat-cell"))
    texts = " ".join(c.formula.text() for v in d.backward for c in v.contributions)
    # H2's and (H2 ⊙ H)'s column blocks of ∂L/∂G; G @ U's row block of ∂L/∂S
    # h:2*h since round 36 (handread20: a bound k + k is 2k); the last block prints open, h:,
    # since round 38 (it runs to the end of G's columns)
    assert "∂L/∂G[:, :h] + ∂L/∂G[:, h:] ⊙ H" in texts and "∂L/∂S[:n]·Uᵀ" in texts
    tex = " ".join(c.formula.tex() for v in d.backward for c in v.contributions)
    assert "\\operatorname{cols}" in tex and "\\operatorname{rows}" in tex
    forward = " ".join(n.forward.tex() for n in d.graph.nodes)
    assert "\\begin{bmatrix} X & H \\end{bmatrix}" in forward


def _slice_cases():
    g = sp.ImmutableMatrix(3, 5, lambda i, j: sp.Symbol(f"g{i}{j}"))
    ref = mf.Ref("G", "value", g, "G", dims=(Dim(3, "m"), 5))
    yield mf.Slice(ref, 1, (Dim(2, "d"),), Dim(3, "h")), (slice(None), slice(2, 5)), "G[:, d:d + h]"
    yield mf.Slice(ref, 0, (), Dim(2, "a")), (slice(0, 2), slice(None)), "G[:a]"


@pytest.mark.parametrize("case", list(_slice_cases()), ids=["cols", "rows"])
def test_a_slice_is_the_same_block_in_every_number_system(case) -> None:
    e, index, code = case
    rng = np.random.default_rng(1)
    vals = rng.normal(size=(3, 5))
    symbols = e.x.symbols
    env = {"G": vals}
    want = vals[index]
    got_np = e.numeric(env, {})
    got_mp = np.array(
        e.evaluate(lambda s: mpmath.mpf(float(vals[_pos(symbols, s)]))), dtype=float
    )
    got_torch = mf.Evaluator(mf.TorchSystem({"G": torch.tensor(vals)}, {})).run(e).numpy()
    for got in (got_np, got_mp, got_torch):
        np.testing.assert_array_equal(got, want)
    assert e.shape == want.shape
    assert e.code() == code
    assert eval(code, {"G": vals, "d": 2, "h": 3, "a": 2}).tolist() == want.tolist()  # noqa: S307


def _pos(m: sp.ImmutableMatrix, s: sp.Symbol) -> tuple[int, int]:
    k = list(m).index(s)
    return divmod(k, m.cols)


@pytest.mark.parametrize(
    "line,fragment",
    [
        ('torch.cat([X, W], dim=1)', "same number of rows"),
        ('torch.stack([X, H], dim=1)', "new axis"),
        ('np.concatenate(X, H)', "list of tensors"),
        ('torch.cat([X, H], dim=2)', "must be 0 or 1"),
    ],
)
def test_a_concat_that_cannot_be_read_says_what_can(line: str, fragment: str) -> None:
    text = GRU.replace('XH = "torch.cat([X, H], dim=1)"', f'XH = "{line}"')
    with pytest.raises(spec.SpecError) as err:
        derive(spec.parse(text, source="bad"))
    assert fragment in str(err.value)


def test_an_input_named_d_of_a_node_gives_the_gradient_a_free_name() -> None:
    """CS231n's gradient check ``loss = np.sum(out * dout)``: ``dout`` is the user's input, so
    ∂L/∂out is named ``d_out`` in the generated code, the lab and derive check (see
    tests/test_heldnets4.py); an input dX next to an input X (no gradient) keeps dX."""
    text = """
[dims]
N = 2
D = 3
[inputs]
x = ["N", "D"]
dout = ["N", "D"]
[params]
w = ["D", "D"]
[forward]
out = "x @ w"
loss = "np.sum(out * dout)"
"""
    s = spec.parse(text, source="cs231n")
    assert s.gkey("out") == "d_out" and s.gkey("w") == "dw"
    ok = text.replace("dout", "dx").replace("np.sum(out * dx)", "np.sum(out * dx * x)")
    assert spec.parse(ok, source="ok").grad_keys == {}


@pytest.mark.slow
def test_the_generated_lab_of_a_concat_network_runs_and_agrees(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    path = tmp_path / "concat_cell.toml"
    path.write_text(GRU, encoding="utf-8")
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(path), "-f", "py", "--lang", "en", "-o", str(out)])
    assert res.exit_code == 0, res.output
    script = next(out.rglob("backprop.py"))
    run = subprocess.run(
        [sys.executable, script.name], cwd=script.parent, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "✗" not in run.stdout and "agree" in run.stdout
    assert "np.concatenate((X, H), axis=1)" in script.read_text(encoding="utf-8")


COURSE = Path(__file__).parent / "specs_course"


@pytest.mark.parametrize(
    ("formula", "ok", "code"),
    [
        # an RNN cell on [x, h] of widths d = 3 and h = 2: both steps, as students write them
        ("np.concatenate((x1, h0), axis=1).T @ (dh1 * (1 - h1**2))"
         " + np.concatenate((x2, h1), axis=1).T @ (dh2 * (1 - h2**2))", True, None),
        ("np.hstack([x1, h0]).T @ (dh1 * (1 - h1**2)) + np.hstack([x2, h1]).T @ (dh2 * (1 - h2**2))",
         True, None),
        ("np.concatenate((x2, h1), axis=1).T @ (dh2 * (1 - h2**2))", False, "missing-path"),
        ("np.concatenate((x2, h1), axis=0).T @ (dh2 * (1 - h2**2))", False, "shape-mismatch"),
    ],
)
def test_the_checker_reads_a_concatenation_of_different_widths(formula, ok, code) -> None:
    from derive.checker.check import check

    r = check(str(COURSE / "rnn_concat_dimsum.toml"), "W", formula)
    assert r.ok is ok and (code is None or r.code == code), r.text()
    assert ok or "concat" in r.text()
