"""Slices and class-label indexing in specs (branch slices5, issue 9): ``a[:, h:2*h]``,
``X[0:1, :]``, ``a[:, -h:]`` are the internal op ``slice`` (forward: the block; backward: the
upstream block in zeros, the blocks of several slices of one tensor joined side by side), and
CS231n's ``probs[np.arange(N), y]`` with integer labels is read as the row-wise pick
``Σ_j P_ij Y_ij`` of one-hot rows. Compared with PyTorch autograd running the original indexing
(Python slices, integer-tensor fancy indexing) — not with the engine's own reading."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")

COURSE = Path(__file__).parent / "specs_course"

# Karpathy/CS231n LSTM: one fused gate matrix, the gates as column blocks (one written -h: from
# the end), a parameter sliced directly, and a row block of the result
LSTM = """
[network]
name = "lstm-blocks"
[dims]
m = 3
d = 2
h = 2
[inputs]
x = ["m", "d"]
h_prev = ["m", "h"]
c_prev = ["m", "h"]
[params]
W = ["d + h", "4*h"]
V = ["h", "2*h"]
[forward]
g = "np.concatenate([x, h_prev], axis=1) @ W"
i = "sigmoid(g[:, 0:h])"
f = "sigmoid(g[:, h:2*h])"
o = "sigmoid(g[:, 2*h:3*h])"
u = "np.tanh(g[:, -h:])"
c = "f * c_prev + i * u"
hh = "o * np.tanh(c)"
q = "hh @ V[:, :h] + c @ V[:, h:] + hh[0:1, :]"
L = "np.sum(q ** 2) + np.mean(hh[1:3, 0:1])"
[values]
x = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]
h_prev = [[0.1, 0.2], [-0.3, 0.4], [0.5, -0.6]]
c_prev = [[0.2, -0.1], [0.3, 0.1], [-0.4, 0.2]]
W = [
  [0.3, -0.2, 0.1, 0.4, -0.5, 0.25, 0.2, 0.1], [0.1, 0.3, -0.2, 0.5, 0.4, -0.1, 0.25, 0.2],
  [-0.3, 0.2, 0.6, -0.4, 0.1, 0.2, -0.1, 0.3], [0.2, -0.4, 0.1, 0.3, -0.2, 0.5, 0.3, -0.6],
]
V = [[0.4, -0.3, 0.2, 0.1], [-0.2, 0.5, 0.3, -0.1]]
"""


def _lstm_torch(s: spec.NetSpec) -> dict[str, np.ndarray]:
    v = {k: torch.tensor(np.array(s.values[k], dtype=float), dtype=torch.float64) for k in s.values}
    for p in ("W", "V"):
        v[p].requires_grad_(True)
    x, hp, cp, W, V = (v[k] for k in ("x", "h_prev", "c_prev", "W", "V"))
    h = 2
    g = torch.cat([x, hp], dim=1) @ W
    i, f = torch.sigmoid(g[:, 0:h]), torch.sigmoid(g[:, h : 2 * h])
    o, u = torch.sigmoid(g[:, 2 * h : 3 * h]), torch.tanh(g[:, -h:])
    c = f * cp + i * u
    hh = o * torch.tanh(c)
    q = hh @ V[:, :h] + c @ V[:, h:] + hh[0:1, :]
    L = (q**2).sum() + hh[1:3, 0:1].mean()
    L.backward()
    return {p: v[p].grad.numpy() for p in ("W", "V")}


def test_slice_gradients_match_pytorch_running_python_slices() -> None:
    s = spec.parse(LSTM, source="lstm-blocks")
    d = derive(s)
    grads, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    for p, want in _lstm_torch(s).items():
        np.testing.assert_allclose(grads[p], want, rtol=1e-10, atol=1e-13)
    report = numeric.verify(d, points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]


def test_gate_blocks_join_into_the_fused_gradient_as_cs231n_hstacks_them() -> None:
    """dg of the four gates is one concatenation [di df do du] (CS231n's np.hstack), in LaTeX and
    in the lab's code; the forward blocks print by their [dims] names."""
    d = derive(spec.load(str(COURSE / "lstm_fused_slices.toml")))
    visit = next(v for v in d.backward if v.name == "g")
    assert visit.total is not None
    tex = visit.formula.tex()
    assert tex.startswith("\\begin{bmatrix}") and tex.count(" & ") == 3 and "mathbf{0}" not in tex
    code = visit.formula.code()
    assert code.startswith("np.concatenate((") and code.endswith("axis=1)")
    assert "zeros" not in code
    forward = {n.name: n.forward.tex() for n in d.graph.nodes}
    assert "\\operatorname{cols}_{h + 1 \\ldots 2 h}" in forward["f"]
    assert "\\operatorname{cols}_{1 \\ldots h}" in forward["i"]
    assert numeric.verify(d, points=0).ok


def test_one_slice_backward_is_the_block_in_zeros() -> None:
    d = derive(spec.parse(LSTM, source="lstm-blocks"))
    visit = next(v for v in d.backward if v.name == "g")
    contrib = next(c for c in visit.contributions if c.source == "o")
    code = contrib.formula.code()
    # o is the third of four gates: 2h columns of zeros before its block, h after
    want = "np.concatenate((np.zeros((m, 2*h)), do * o * (1 - o), np.zeros((m, h))), axis=1)"
    assert code == want
    assert contrib.formula.tex().count("\\mathbf{0}") == 2


# CS231n's softmax_loss_vectorized with integer labels
LABELS = """
[network]
name = "int-labels"
[dims]
N = 4
D = 3
C = 3
[inputs]
X = ["N", "D"]
y = ["N"]
[params]
W = ["D", "C"]
[forward]
scores = "X @ W"
probs = "np.exp(scores) / np.sum(np.exp(scores), axis=1, keepdims=True)"
correct = "probs[np.arange(N), y]"
margins = "np.maximum(0, scores - scores[range(N), y][:, None] + 1)"
loss = "-np.log(correct).sum() / N + np.sum(margins) / N"
[values]
X = [[0.5, -1.0, 0.2], [1.5, 0.25, -0.3], [-0.75, 0.5, 0.1], [0.3, 0.3, -0.9]]
y = [2, 0, 1, 1]
W = [[0.3, -0.2, 0.1], [0.1, 0.4, -0.5], [0.25, 0.2, 0.1]]
"""


def test_class_label_indexing_matches_pytorch_fancy_indexing() -> None:
    """The labels are read as one-hot rows and the pick as Σ_j P_ij Y_ij; PyTorch runs the
    original integer indexing (probs[torch.arange(N), y]) and the loss and gradient agree."""
    s = spec.parse(LABELS, source="int-labels")
    assert s.shapes["y"] == (4, 3) and "y" in s.one_hot
    assert [list(r).index(1) for r in s.values["y"]] == [2, 0, 1, 1]
    d = derive(s)
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    X = torch.tensor(np.array(s.values["X"], dtype=float), dtype=torch.float64)
    W = torch.tensor(np.array(s.values["W"], dtype=float), dtype=torch.float64, requires_grad=True)
    y = torch.tensor([2, 0, 1, 1])
    n = torch.arange(4)
    scores = X @ W
    probs = torch.exp(scores) / torch.exp(scores).sum(dim=1, keepdim=True)
    margins = torch.clamp(scores - scores[n, y][:, None] + 1, min=0)
    L = -torch.log(probs[n, y]).sum() / 4 + margins.sum() / 4
    L.backward()
    got = float(np.asarray(loss).reshape(-1)[0])
    np.testing.assert_allclose(got, float(L.detach()), rtol=1e-12)
    np.testing.assert_allclose(grads["W"], W.grad.numpy(), rtol=1e-10, atol=1e-13)
    assert numeric.verify(d, points=1).ok


def test_labels_without_values_are_drawn_in_range() -> None:
    s = spec.load(str(COURSE / "cs231n_class_index.toml"))
    rows = np.array(s.values["y"], dtype=float)
    assert rows.shape == (3, 3) and (rows.sum(axis=1) == 1).all() and set(rows.flat) <= {0, 1}


@pytest.mark.parametrize(
    "line, says",
    [
        ('i = "sigmoid(g[:, 0:5*h])"', "slice stop 10 is outside 0…8"),
        ('i = "sigmoid(g[:, h:h])"', "the slice 2:2 is empty"),
        ('i = "sigmoid(g[:, 0:h:2])"', "a slice with a step"),
        ('i = "sigmoid(g[:, 0.5:h])"', "slice bound 0.5 is not a whole number"),
        ('i = "sigmoid(g[:, 0:k])"', "slice bound 'k' is not a [dims] name"),
        ('i = "sigmoid(g[:, h])"', "the index in g[:, h] is not read"),
    ],
)
def test_bad_slice_bounds_exit_2_naming_the_line_and_the_fix(
    line: str, says: str, tmp_path: Path
) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    text = (COURSE / "lstm_fused_slices.toml").read_text(encoding="utf-8")
    text = "\n".join(line if t.startswith("i = ") else t for t in text.splitlines())
    path = tmp_path / "bad.toml"
    path.write_text(text.replace("d = 2", "d = 3"), encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", str(path), "--no-torch"])
    assert res.exit_code == 2, res.output
    lines = [t for t in res.output.splitlines() if t.strip()]
    assert len(lines) == 1 and says in lines[0] and "[forward] i" in lines[0], res.output
    assert "Fix:" in lines[0]


@pytest.mark.parametrize(
    "values, says",
    [
        ("y = [2, 0, 3, 1]", "label 3 is not a class: there are 3 (0 to 2)"),
        ("y = [2, 0, 1.5, 1]", "class labels are whole numbers"),
    ],
)
def test_bad_class_labels_exit_2(values: str, says: str) -> None:
    with pytest.raises(spec.SpecError) as err:
        spec.parse(LABELS.replace("y = [2, 0, 1, 1]", values), source="int-labels")
    assert says in str(err.value) and "[values] y" in str(err.value)


def test_resized_slices_keep_their_names_at_full_dims() -> None:
    """At [full_dims] the gates' bounds move with h (h:2*h at h = 8 is 8:16), in our matrix
    form and in PyTorch's reference."""
    d = derive(spec.load(str(COURSE / "cs231n_lstm_step.toml")))
    report = numeric.verify(d, points=0)
    full = [c for c in report.comparisons if c.point == "full size"]
    assert full and all(c.ok for c in full)


@pytest.mark.parametrize(
    "formula, ok",
    [("x.T @ (dE[:, :1])", True), ("x.T @ dE[:, 0:1]", True), ("x.T @ dE[:, 1:2]", False)],
)
def test_check_reads_a_block_of_a_gradient(formula: str, ok: bool) -> None:
    """derive check reads a slice in a formula (the concat block the expected formula prints),
    and a wrong block is wrong."""
    from derive.checker.check import check

    res = check(str(COURSE / "mixture_two_experts.toml"), "w1", formula)
    assert res.ok is ok


def test_sizes_used_as_numbers_take_the_full_size_in_pytorch_too() -> None:
    """``np.sum(A ** 2) / m`` and ``np.mean(A)`` at [full_dims]: PyTorch's reference divides by
    the full m (it used the example's), and 𝟙 of a mean takes the full shape (an internal error
    before)."""
    text = """
[network]
name = "sizes-full"
[dims]
m = 3
n = 2
[inputs]
X = ["m", "n"]
[params]
W = ["n", "n"]
[forward]
A = "np.tanh(X @ W)"
L = "np.sum(A ** 2) / m + np.mean(A)"
[full_dims]
m = 7
n = 5
"""
    report = numeric.verify(derive(spec.parse(text, source="sizes-full")), points=0)
    full = [c for c in report.comparisons if c.point == "full size"]
    assert full and report.ok, report.comparisons


def test_an_integer_index_drops_its_axis_as_numpy_does() -> None:
    """``a[:, 0]`` is 1-D (NumPy): a row, so ``a[:, 0] - b`` with a column ``b`` broadcasts to
    ``[m, m]``; ``X[-1]`` is the last row; ``a[1, 2]`` one entry. PyTorch runs the original."""
    text = """
[network]
name = "int-index"
[dims]
m = 3
n = 2
[inputs]
X = ["m", "n"]
b = ["m", 1]
[params]
W = ["n", 3]
[forward]
a = "np.tanh(X @ W)"
L = "np.sum((a[:, 0] - b) ** 2) + np.sum(a[-1] * a[0]) + a[1, 2] * np.mean(a[:, -1])"
[values]
X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]
b = [[0.1], [-0.2], [0.3]]
W = [[0.3, -0.2, 0.1], [0.1, 0.4, -0.5]]
"""
    s = spec.parse(text, source="int-index")
    d = derive(s)
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    X, b = (torch.tensor(np.array(s.values[k], dtype=float), dtype=torch.float64) for k in "Xb")
    W = torch.tensor(np.array(s.values["W"], dtype=float), dtype=torch.float64, requires_grad=True)
    a = torch.tanh(X @ W)
    L = ((a[:, 0] - b) ** 2).sum() + (a[-1] * a[0]).sum() + a[1, 2] * a[:, -1].mean()
    L.backward()
    np.testing.assert_allclose(float(np.asarray(loss).reshape(-1)[0]), float(L.detach()))
    np.testing.assert_allclose(grads["W"], W.grad.numpy(), rtol=1e-10, atol=1e-13)


def test_a_one_d_tensor_is_indexed_along_its_entries() -> None:
    """``b = ["2*h"]`` is 1-D: ``b[:h]`` and ``b[0]`` index its entries as NumPy does (not the
    rows of the [1, 2h] row it broadcasts as); a second index is refused, and a single index of
    a one-row tensor, which NumPy reads by entries or by rows depending on its dimensions."""
    text = """
[network]
name = "one-d"
[dims]
m = 3
n = 2
h = 2
[inputs]
X = ["m", "n"]
[params]
W = ["n", "2*h"]
b = ["2*h"]
[forward]
a = "np.tanh(X @ W + b)"
L = "np.sum(a[:, :h] * b[:h]) + b[-1] * np.sum(a[:, h:]) + np.sum(b[None, :] * a)"
[values]
X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]
W = [[0.3, -0.2, 0.1, 0.2], [0.1, 0.4, -0.5, 0.3]]
b = [0.1, -0.2, 0.3, 0.4]
"""
    s = spec.parse(text, source="one-d")
    d = derive(s)
    grads, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    X = torch.tensor(np.array(s.values["X"], dtype=float), dtype=torch.float64)
    W = torch.tensor(np.array(s.values["W"], dtype=float), dtype=torch.float64, requires_grad=True)
    b = torch.tensor([0.1, -0.2, 0.3, 0.4], dtype=torch.float64, requires_grad=True)
    a = torch.tanh(X @ W + b)
    L = (a[:, :2] * b[:2]).sum() + b[-1] * a[:, 2:].sum() + (b[None, :] * a).sum()
    L.backward()
    np.testing.assert_allclose(grads["W"], W.grad.numpy(), rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(grads["b"].reshape(-1), b.grad.numpy(), rtol=1e-10, atol=1e-13)
    for bad, says in (("b[0, 0]", "'b' is 1-D"), ("L0[0]", "'L0' has one row")):
        # keepdims: a one-row matrix (np.sum(a, axis=0) is 1-D since branch heldnets8, so
        # its L0[0] is an entry, as in NumPy)
        wrong = text.replace("L = ", 'L0 = "np.sum(a, axis=0, keepdims=True)"\nL = ').replace(
            '* b[:h])', f"* b[:h]) + {bad}"
        )
        with pytest.raises(spec.SpecError, match=says):
            spec.parse(wrong, source="one-d")


def test_pytorch_class_index_targets_match_its_own_losses() -> None:
    """``F.cross_entropy(logits, Y)`` and ``F.nll_loss(logp, Y)`` with integer targets declared
    ``Y = ["N"]``: against PyTorch's own losses on a LongTensor of class indices."""
    text = """
[network]
name = "int-targets"
[dims]
N = 4
D = 2
C = 3
[inputs]
X = ["N", "D"]
Y = ["N"]
[params]
W = ["D", "C"]
b = ["C"]
[forward]
z = "X @ W + b"
lp = "F.log_softmax(z, dim=1)"
loss = "F.cross_entropy(z, Y) + F.nll_loss(lp, Y, reduction='sum')"
[values]
X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5], [0.2, 0.9]]
Y = [2, 0, 1, 2]
W = [[0.3, -0.2, 0.1], [0.1, 0.4, -0.5]]
b = [0.1, -0.2, 0.05]
"""
    s = spec.parse(text, source="int-targets")
    assert s.shapes["Y"] == (4, 3) and s.class_labels == ("Y",)
    d = derive(s)
    grads, loss = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    F = torch.nn.functional
    X = torch.tensor(np.array(s.values["X"], dtype=float), dtype=torch.float64)
    W = torch.tensor(np.array(s.values["W"], dtype=float), dtype=torch.float64, requires_grad=True)
    b = torch.tensor([0.1, -0.2, 0.05], dtype=torch.float64, requires_grad=True)
    y = torch.tensor([2, 0, 1, 2])
    z = X @ W + b
    L = F.cross_entropy(z, y) + F.nll_loss(F.log_softmax(z, dim=1), y, reduction="sum")
    L.backward()
    np.testing.assert_allclose(float(np.asarray(loss).reshape(-1)[0]), float(L.detach()))
    np.testing.assert_allclose(grads["W"], W.grad.numpy(), rtol=1e-10, atol=1e-13)
    np.testing.assert_allclose(grads["b"].reshape(-1), b.grad.numpy(), rtol=1e-10, atol=1e-13)


def test_the_lab_writes_class_labels_as_one_hot_rows_of_their_integers() -> None:
    from derive.walkthrough import codegen

    d = derive(spec.parse(LABELS, source="int-labels"))
    values = dict(codegen.code(d).values)
    assert values["y"] == "np.eye(C)[[2, 0, 1, 1]]"
    assert np.array_equal(np.eye(3)[[2, 0, 1, 1]], np.array(d.spec.values["y"], dtype=float))
