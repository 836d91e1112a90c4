"""Round 33 on main (lead): a label compared with a class, and binary cross-entropy as courses write it.

Held-out networks written for this test, as course notes write them. Before this round:

- a label compared with a class other than 0/1 (one-vs-rest for class 2, ``t = np.where(y == 2,
  1.0, 0.0)``) got made-up example values drawn as random reals, none equal to 2: every target
  of the handout was 0 and the ``y == 2`` branch never showed;
- a binary cross-entropy written out by hand (CS229's ``J = -np.mean(y * np.log(h) + (1 - y) *
  np.log(1 - h))``, Ng's ``logprobs`` node then ``cost = -np.sum(logprobs) / m``) never reached
  the textbook ``δZ = (A − Y)/m``: the handout stopped at ``δA ⊙ A ⊙ (1 − A)`` and its "one
  formula" divided by ``A`` and ``1 − A``; the checker's "correct:" line showed the same;
- the sigmoid written out, ``1 / (1 + np.exp(-z))``, was read as a quotient of exponentials, so
  its backward step was not ``a ⊙ (1 − a)``;
- the echo of a student's ``(y == 3)`` read ``(1 - ((y > 3) + (y < 3)))``, and the NumPy lab's
  ``t = (y - 2 == 0)`` was a boolean array its next line could not negate (``-t``: TypeError);
- the sentence "In words" said ``δZ = (1/m)(A − Y)`` whatever the loss averaged over (a sum, or a
  mean over every entry of a two-column output, divide by 1 and by m·k).

Every gradient below is PyTorch float64 autograd of the same text; the simplified form a walkthrough
shows is evaluated in NumPy at the walkthrough's own example values.
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from click.testing import CliRunner

from derive.cli import main

torch = pytest.importorskip("torch")

OVR = """
[network]
name = "held-ovr"
[dims]
m = 4
n = 3
[inputs]
X = ["m", "n"]
y = ["m", 1]
[params]
w = ["n", 1]
[forward]
z = "X @ w"
p = "torch.sigmoid(z)"
t = "np.where(y == 2, 1.0, 0.0)"
loss = "-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))"
"""


def _build(tmp_path, text: str, name: str, fmt: str = "md,py", lang: str = "en"):
    spec = tmp_path / f"{name}.toml"
    spec.write_text(text)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(spec), "-f", fmt, "--lang", lang, "-o", str(out)])
    assert res.exit_code == 0, res.output
    return spec, out / name


def _lab(folder, lang: str = "en") -> dict:
    ns: dict = {}
    code = (folder / lang / "backprop.py").read_text()
    exec(compile(code, "backprop.py", "exec"), ns)  # noqa: S102 - derive's own generated lab
    return ns


@pytest.mark.parametrize(
    ("compare", "cls"), [("y == 2", {2.0}), ("y != 3", {3.0}), ("y == -1", {-1.0})]
)
def test_a_label_compared_with_a_class_holds_it_in_the_example(tmp_path, compare, cls):
    text = OVR.replace("y == 2", compare).replace('"held-ovr"', '"held-ovr-c"')
    spec = tmp_path / "c.toml"
    spec.write_text(text)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(spec), "-f", "py", "--lang", "en", "-o", str(out)])
    assert res.exit_code == 0, res.output
    y = np.asarray(_lab(out / "held-ovr-c")["y"]).ravel()
    assert cls <= set(y.tolist()), y  # every compared class shows …
    assert len(set(y.tolist())) >= 2, y  # … and another one beside it
    assert set(y.tolist()) <= cls | {0.0, 1.0}, y  # class labels, not random reals


def _torch_grad(X, y, w, target):
    Xt, yt = torch.tensor(X, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)
    wt = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    p = torch.sigmoid(Xt @ wt)
    t = target(yt)
    loss = -torch.mean(t * torch.log(p) + (1 - t) * torch.log(1 - p))
    loss.backward()
    return wt.grad.numpy(), p.detach().numpy(), t.numpy()


def test_one_vs_rest_reaches_p_minus_t(tmp_path):
    spec, folder = _build(tmp_path, OVR, "held-ovr")
    md = (folder / "en" / "walkthrough.md").read_text()
    ns = _lab(folder)
    X, y, w = (np.asarray(ns[k], dtype=float) for k in ("X", "y", "w"))
    grad, p, t = _torch_grad(X, y, w, lambda v: (v == 2).double())
    assert 0 < t.sum() < t.size  # both branches of the comparison in the example
    # the simplification's last line, (p − t)/m, and its value: PyTorch's δz
    assert r"\delta_{z} = \frac{1}{m} \left(p - t\right)" in md
    assert np.allclose(X.T @ ((p - t) / len(y)), grad, atol=1e-12)
    # the checker's expected form is the textbook one, and a right answer in it is ✓
    res = CliRunner().invoke(main, ["check", str(spec), "--wrt", "w", "X.T @ (p - (y == 3)) / m"])
    assert res.exit_code == 1, res.output
    assert "(p - t) / m" in res.output, res.output
    assert "yours:   (X.T @ (p - (y == 3))) / m" in res.output, res.output  # as written
    res = CliRunner().invoke(main, ["check", str(spec), "--wrt", "w", "X.T @ (p - (y == 2)) / m"])
    assert res.exit_code == 0, res.output


CS229 = """
[network]
name = "held-cs229"
[dims]
m = 5
n = 3
[inputs]
X = ["m", "n"]
y = ["m", 1]
[params]
theta = ["n", 1]
[forward]
h = "1 / (1 + np.exp(-X @ theta))"
J = "-(1 / m) * np.sum(y * np.log(h) + (1 - y) * np.log(1 - h))"
[values]
y = [[1], [0], [0], [1], [1]]
"""


def test_cs229_logistic_regression_reaches_the_textbook_gradient(tmp_path):
    spec, folder = _build(tmp_path, CS229, "held-cs229")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert r"h = \sigma\left(X \thinspace \theta\right)" in md  # σ written out, read as σ
    assert r"X^{\top} \thinspace \left(\frac{1}{m} \left(h - y\right)\right)" in md
    ns = _lab(folder)
    X, y, th = (np.asarray(ns[k], dtype=float) for k in ("X", "y", "theta"))
    grad, h, _ = _torch_grad(X, y, th, lambda v: v)
    assert np.allclose(X.T @ (h - y) / len(y), grad, atol=1e-12)
    assert np.allclose(np.asarray(ns["dtheta"], dtype=float), grad, atol=1e-12)


NG = """
[network]
name = "held-ng-planar"
[dims]
n_x = 2
n_h = 3
m = 4
[inputs]
X = ["n_x", "m"]
Y = [1, "m"]
[params]
W1 = ["n_h", "n_x"]
b1 = ["n_h", 1]
W2 = [1, "n_h"]
b2 = [1, 1]
[forward]
Z1 = "np.dot(W1, X) + b1"
A1 = "np.tanh(Z1)"
Z2 = "np.dot(W2, A1) + b2"
A2 = "1/(1+np.exp(-Z2))"
logprobs = "np.multiply(np.log(A2), Y) + np.multiply((1 - Y), np.log(1 - A2))"
cost = "- np.sum(logprobs) / m"
[values]
Y = [[1, 0, 1, 1]]
"""


def test_a_cross_entropy_through_a_node_of_its_own(tmp_path):
    # Ng's planar-data network: the loss in two nodes, column-major; dZ2 = A2 − Y over m
    _, folder = _build(tmp_path, NG, "held-ng-planar", lang="en,zh")
    md = (folder / "en" / "walkthrough.md").read_text()
    shown = r"\delta_{Z^{[2]}} = \frac{1}{m} \left(A^{[2]} - Y\right)"
    assert shown in md
    assert shown in (folder / "zh" / "walkthrough.md").read_text()
    ns = _lab(folder)
    t = {k: torch.tensor(np.asarray(ns[k], dtype=float), requires_grad=k.startswith(("W", "b")))
         for k in ("X", "Y", "W1", "b1", "W2", "b2")}
    A1 = torch.tanh(t["W1"] @ t["X"] + t["b1"])
    Z2 = t["W2"] @ A1 + t["b2"]
    Z2.retain_grad()
    A2 = torch.sigmoid(Z2)
    cost = -torch.sum(torch.log(A2) * t["Y"] + (1 - t["Y"]) * torch.log(1 - A2)) / 4
    cost.backward()
    assert np.allclose((A2 - t["Y"]).detach().numpy() / 4, Z2.grad.numpy(), atol=1e-12)
    for k in ("W1", "b1", "W2", "b2"):
        assert np.allclose(np.asarray(ns["d" + k], dtype=float), t[k].grad.numpy(), atol=1e-12), k


TWO_COLUMNS = """
[network]
name = "held-two-col"
[dims]
m = 3
n = 2
k = 2
[inputs]
X = ["m", "n"]
Y = ["m", "k"]
[params]
W = ["n", "k"]
[forward]
Z = "X @ W"
A = "sigmoid(Z)"
L = "LOSS"
[values]
Y = [[1, 0], [0, 1], [1, 1]]
"""


@pytest.mark.parametrize(
    ("loss", "count", "shown"),
    [
        ("-np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A))", 1, r"\delta_{Z} = A - Y"),
        (
            "-np.mean(np.log(A) * Y + np.log(1 - A) * (1 - Y))",
            6,
            r"\delta_{Z} = \frac{1}{k \cdot m} \left(A - Y\right)",
        ),
        (
            "-np.mean(np.sum(Y * np.log(A) + (1 - Y) * np.log(1 - A), axis=1))",
            3,
            r"\delta_{Z} = \frac{1}{m} \left(A - Y\right)",
        ),
    ],
    ids=["sum", "mean-all", "rows"],
)
def test_the_plain_error_says_what_the_loss_divides_by(tmp_path, loss, count, shown):
    _, folder = _build(tmp_path, TWO_COLUMNS.replace("LOSS", loss), "held-two-col")
    md = (folder / "en" / "walkthrough.md").read_text()
    words = next(line for line in md.splitlines() if "plain error" in line)
    assert shown in md and shown.split(" = ")[1] in words, words
    ns = _lab(folder)
    X, Y, W = (np.asarray(ns[k], dtype=float) for k in ("X", "Y", "W"))
    Xt, Yt = torch.tensor(X), torch.tensor(Y)
    Wt = torch.tensor(W, requires_grad=True)
    A = torch.sigmoid(Xt @ Wt)
    lt = -(Yt * torch.log(A) + (1 - Yt) * torch.log(1 - A)).sum() / count
    lt.backward()
    assert np.allclose(X.T @ (A.detach().numpy() - Y) / count, Wt.grad.numpy(), atol=1e-12)


def test_a_weighted_cross_entropy_written_out_is_not_simplified(tmp_path):
    # 3·Y·log A: a positive-class weight; the plain error does not hold, so none is claimed
    loss = "-np.mean(3 * Y * np.log(A) + (1 - Y) * np.log(1 - A))"
    _, folder = _build(tmp_path, TWO_COLUMNS.replace("LOSS", loss), "held-two-col")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert "plain error" not in md
    assert not re.search(r"\\delta_\{Z\} = [^$]*\\left\(A - Y\\right\)", md)


SOFTMAX_WRITTEN = """
# 两层网络 + softmax 交叉熵（手写）
[network]
name = "held-softmax-written"
[dims]
m = 3
d = 2
h = 3
k = 3
[inputs]
X = ["m", "d"]
Y = ["m", "k"]
[params]
W1 = ["d", "h"]
W2 = ["h", "k"]
[forward]
H = "np.maximum(0, X @ W1)"
S = "H @ W2"
P = "np.exp(S) / np.sum(np.exp(S), axis=1, keepdims=True)"
L = "-np.sum(Y * np.log(P)) / m"
[values]
X = [[1.0, -0.5], [0.3, 0.8], [-1.2, 0.4]]
Y = YVALUES
"""


def test_given_one_hot_targets_of_a_written_cross_entropy(tmp_path):
    # targets given as one-hot rows, not declared so: read as one-hot, as derive check reads
    # them; the walkthrough reaches δS = (P − Y)/m in proven steps, saying why
    text = SOFTMAX_WRITTEN.replace("YVALUES", "[[1, 0, 0], [0, 0, 1], [0, 1, 0]]")
    _, folder = _build(tmp_path, text, "held-softmax-written", lang="en,zh")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert r"\delta_{S} = \frac{1}{m} \left(P - Y\right)" in md
    assert "one-hot" in md
    ns = _lab(folder)
    X, Y, W1, W2 = (np.asarray(ns[k], dtype=float) for k in ("X", "Y", "W1", "W2"))
    W1t, W2t = torch.tensor(W1, requires_grad=True), torch.tensor(W2, requires_grad=True)
    S = torch.relu(torch.tensor(X) @ W1t) @ W2t
    S.retain_grad()
    P = torch.softmax(S, dim=1)
    (-(torch.tensor(Y) * torch.log(P)).sum() / 3).backward()
    assert np.allclose((P.detach().numpy() - Y) / 3, S.grad.numpy(), atol=1e-12)
    assert np.allclose(np.asarray(ns["dW2"], dtype=float), W2t.grad.numpy(), atol=1e-12)


def test_soft_targets_of_a_written_cross_entropy_stay_soft(tmp_path):
    # label-smoothed rows are no one-hot rows: no (P − Y)/m is claimed, and the lab agrees
    text = SOFTMAX_WRITTEN.replace("YVALUES", "[[0.8, 0.1, 0.1], [0.1, 0.1, 0.8], [0.1, 0.8, 0.1]]")
    _, folder = _build(tmp_path, text, "held-softmax-written")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert r"\delta_{S} = \frac{1}{m} \left(P - Y\right)" not in md
    ns = _lab(folder)
    X, Y, W2 = (np.asarray(ns[k], dtype=float) for k in ("X", "Y", "W2"))
    W2t = torch.tensor(W2, requires_grad=True)
    P = torch.softmax(torch.relu(torch.tensor(X) @ torch.tensor(np.asarray(ns["W1"], dtype=float))) @ W2t, dim=1)
    (-(torch.tensor(Y) * torch.log(P)).sum() / 3).backward()
    assert np.allclose(np.asarray(ns["dW2"], dtype=float), W2t.grad.numpy(), atol=1e-12)


CS229_ANSWERS = [
    # (answer, exit code, code named) — judged by the torch gradient in the test below
    (r"\frac{1}{m} X^\top (g(X\theta) - y)", 0, None),
    (r"\frac{1}{m} X^\top (\sigma(X\theta) - y)", 0, None),
    (r"\frac{1}{m} X^\top (y - g(X\theta))", 1, "sign"),
    (r"X^\top (g(X\theta) - y)", 1, "scale-factor"),
    ("X.T @ (sigmoid(X @ theta) - y) / m", 0, None),
]


@pytest.mark.parametrize(("answer", "code", "named"), CS229_ANSWERS, ids=range(len(CS229_ANSWERS)))
def test_cs229_g_of_x_theta_in_an_answer(tmp_path, answer, code, named):
    # CS229 writes h = g(θᵀx) with g the sigmoid: g(Xθ) in an answer is the activation the
    # network applies to Xθ inside its line (was: "g(·) must be applied to the input of an
    # activation")
    spec = tmp_path / "cs229.toml"
    spec.write_text(CS229)
    res = CliRunner().invoke(main, ["check", str(spec), "--wrt", "theta", answer])
    assert res.exit_code == code, res.output
    if named:
        assert f"incorrect — {named}" in res.output, res.output
    # the oracle: σ(Xθ) − y over m is PyTorch's gradient; the sign and the m it flips/drops
    X = np.array([[0.5, -1.0, 2.0], [1.5, 0.2, -0.3], [-0.7, 0.9, 1.1], [0.3, 0.4, -1.2], [1.0, 1.0, 0.0]])
    y = np.array([[1.0], [0.0], [0.0], [1.0], [1.0]])
    th = np.array([[0.1], [-0.2], [0.3]])
    grad, h, _ = _torch_grad(X, y, th, lambda v: v)
    mine = {None: X.T @ (h - y) / 5, "sign": X.T @ (y - h) / 5, "scale-factor": X.T @ (h - y)}[named]
    assert np.allclose(mine, grad, atol=1e-12) == (code == 0)


POWER = """
[network]
name = "held-power"
[dims]
m = 2
n = 2
[inputs]
X = ["m", "n"]
[params]
W = ["n", 1]
[forward]
Z = "X @ W"
A = "POWER"
L = "np.mean(A)"
[values]
X = [[1.0, 0.0], [0.0, 1.0]]
W = [[W00], [0.5]]
"""


@pytest.mark.parametrize("power", ["Z ** 1.5", "np.power(Z, 2.5)", "torch.pow(Z, 1.25)"])
def test_a_power_above_one_of_zero_is_verified(tmp_path, power):
    # 0 ** 1.5 is 0 with slope 0 in NumPy and PyTorch: verified, not refused as a root
    spec = tmp_path / "p.toml"
    spec.write_text(POWER.replace("POWER", power).replace("W00", "0.0"))
    res = CliRunner().invoke(main, ["verify", str(spec)])
    assert res.exit_code == 0, res.output
    k = float(re.search(r"[\d.]+\)?\"?$", power.rstrip(")")).group(0).strip(")"))
    W = torch.tensor([[0.0], [0.5]], dtype=torch.float64, requires_grad=True)
    torch.mean((torch.eye(2, dtype=torch.float64) @ W) ** k).backward()
    assert torch.isfinite(W.grad).all() and W.grad[0, 0] == 0  # what verify compared with


@pytest.mark.parametrize(("lang", "words"), [("en", "above 1 needs a base of 0 or more"), ("zh", "底数不小于 0")])
def test_a_power_above_one_of_a_negative_number_is_refused(tmp_path, lang, words):
    spec = tmp_path / "p.toml"
    spec.write_text(POWER.replace("POWER", "Z ** 1.5").replace("W00", "-0.5"))
    res = CliRunner().invoke(main, ["verify", str(spec), "--lang", lang])
    assert res.exit_code == 2, res.output
    assert words in res.output and "-0.5" in res.output and "[0, 0]" in res.output, res.output
    assert isinstance((-0.5) ** 1.5, complex)  # no real number there (NumPy: nan)


def test_a_root_names_its_exponent_as_a_fraction(tmp_path):
    spec = tmp_path / "p.toml"
    spec.write_text(POWER.replace("POWER", "np.cbrt(Z)").replace("W00", "0.0"))
    res = CliRunner().invoke(main, ["verify", str(spec)])
    assert res.exit_code == 2 and "** 1/3 of 0.0 at entry [0, 0]" in res.output, res.output


TIED_AE = """
# 绑定权重的自编码器 (tied-weight autoencoder), BCE reconstruction written out
[network]
name = "held-tied-ae"
[dims]
m = 2
d = 3
h = 2
[inputs]
X = ["m", "d"]
[params]
W = ["d", "h"]
b = [1, "h"]
c = [1, "d"]
[forward]
H = "torch.sigmoid(X @ W + b)"
R = "torch.sigmoid(H @ W.T + c)"
L = "-torch.sum(X * torch.log(R) + (1 - X) * torch.log(1 - R)) / m"
[values]
X = [[1, 0, 1], [0, 1, 1]]
"""


def test_an_inline_sigmoid_into_a_cross_entropy_says_its_slope_cancels(tmp_path):
    # R = σ(H Wᵀ + c) read by the loss in one line: the words of ∂L/∂c say the slope cancels
    # and that c collects the plain error (1/m)(R − X) — not "δ_R summed", which is another
    # number — and no "the sigmoid's slope gates the blame" at that step
    _, folder = _build(tmp_path, TIED_AE, "held-tied-ae", lang="en,zh")
    md = (folder / "en" / "walkthrough.md").read_text()
    step = md.split(r"### 3.2 $\frac{\partial L}{\partial c}$")[1].split("###")[0]
    words = next(line for line in step.splitlines() if line.startswith("**In words.**"))
    assert r"the plain error $\frac{1}{m} \left(R - X\right)$" in words, words
    assert r"$\frac{1}{m} \left(R - X\right)$ summed over the batch" in words, words
    assert "gates the blame" not in words and r"$\delta_{R}$ summed" not in words, words
    zh = (folder / "zh" / "walkthrough.md").read_text()
    assert r"单纯的误差 $\frac{1}{m} \left(R - X\right)$" in zh
    ns = _lab(folder)
    X = torch.tensor(np.asarray(ns["X"], dtype=float))
    W, b, c = (torch.tensor(np.asarray(ns[k], dtype=float), requires_grad=True) for k in ("W", "b", "c"))
    H = torch.sigmoid(X @ W + b)
    R = torch.sigmoid(H @ W.T + c)
    (-torch.sum(X * torch.log(R) + (1 - X) * torch.log(1 - R)) / 2).backward()
    assert np.allclose(((R - X) / 2).sum(0, keepdim=True).detach().numpy(), c.grad.numpy(), atol=1e-12)
    assert not np.allclose(  # δ_R summed is another number: the words must not say it
        (-(X / R) + (1 - X) / (1 - R)).sum(0).detach().numpy() / 2, c.grad.numpy().ravel()
    )
    assert np.allclose(np.asarray(ns["dc"], dtype=float), c.grad.numpy(), atol=1e-12)


SHARED = """
[network]
name = "held-shared-steps"
[dims]
m = 2
d = 2
[inputs]
x1 = ["m", "d"]
x2 = ["m", "d"]
[params]
W = ["d", "d"]
[forward]
h1 = "np.tanh(x1 @ W)"
h2 = "np.tanh(h1 @ W + x2 @ W)"
L = "np.mean(h2 ** 2)"
"""


def test_a_shared_weight_lists_its_uses_step_by_step(tmp_path):
    # "W is used 2 times (in h⁽¹⁾, h⁽²⁾)": the nodes using it in forward order, as the steps happen
    _, folder = _build(tmp_path, SHARED, "held-shared-steps", fmt="md")
    md = (folder / "en" / "walkthrough.md").read_text()
    line = next(x for x in md.splitlines() if "times (in" in x)
    assert "(in $h^{[1]}, h^{[2]}$)" in line, line


def test_code_in_a_description_is_set_as_code(tmp_path):
    # a lecturer's description naming an API: `nn.BCELoss` is code in Markdown and in the PDF's
    # LaTeX (was escaped text, nn.BCELoss with a backslash before each underscore in Markdown)
    text = OVR.replace(
        '[network]\nname = "held-ovr"',
        '[network]\nname = "held-ovr"\ndescription = "One class against the rest: `nn.BCELoss` on $\\\\sigma(z)$, '
        'or `F.binary_cross_entropy_with_logits` on $z$."',
    )
    _, folder = _build(tmp_path, text, "held-ovr", fmt="md,tex")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert "`nn.BCELoss` on $\\sigma(z)$, or `F.binary_cross_entropy_with_logits` on $z$." in md
    tex = (folder / "en" / "walkthrough.tex").read_text()
    assert r"\texttt{nn.BCELoss} on \(\sigma(z)\), or \texttt{F.binary\_cross\_entropy\_with\_logits}" in tex


LINEAR = """
[network]
name = "held-linear-shapes"
[dims]
m = 4
d = 3
k = 2
[inputs]
X = ["m", "d"]
T = ["m", "k"]
[params]
W = ["d", "k"]
[forward]
Z = "X @ W"
L = "np.mean((Z - T) ** 2)"
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_transpose_note_says_why_with_the_shapes(tmp_path, lang):
    # "Why the transpose" repeated the step's display and shape table word for word; now it
    # names the two factors' shapes and what the other orders give — each claim checked in
    # NumPy at the walkthrough's own example values
    _, folder = _build(tmp_path, LINEAR, "held-linear-shapes", fmt="md,py", lang=lang)
    md = (folder / lang / "walkthrough.md").read_text()
    note = md.split("### 7.1")[1].split("###")[0]
    assert r"X^{\top} \thinspace \delta_{Z}" in note and r"\delta_{Z}^{\top} \thinspace X" in note
    assert r"k \times d" in note and r"X \thinspace \delta_{Z}" in note
    assert "| Tensor |" not in note and "| 张量 |" not in note  # the step's table not again
    ns = _lab(folder, lang)
    X, dZ, dW = (np.asarray(ns[k], dtype=float) for k in ("X", "dZ", "dW"))
    assert (X.T @ dZ).shape == dW.shape == (3, 2) and np.allclose(X.T @ dZ, dW)
    assert (dZ.T @ X).shape == (2, 3)  # the transpose, "a classic slip"
    with pytest.raises(ValueError):
        X @ dZ  # "does not multiply at all"


@pytest.mark.parametrize(
    "loss",
    ["torch.diagonal(Z @ Y.T).sum()", "np.diagonal(Z @ Y.T).sum()", "(Z @ Y.T).diagonal().mean()"],
)
def test_diagonal_of_a_product(tmp_path, loss):
    # torch.diagonal / np.diagonal / .diagonal() of a matrix product, as np.diag of it was read
    text = TWO_COLUMNS.replace('A = "sigmoid(Z)"\n', "").replace("LOSS", loss)
    _, folder = _build(tmp_path, text, "held-two-col", fmt="py")
    ns = _lab(folder)
    X, Y, W = (np.asarray(ns[k], dtype=float) for k in ("X", "Y", "W"))
    Wt = torch.tensor(W, requires_grad=True)
    Z = torch.tensor(X) @ Wt
    d = torch.diagonal(Z @ torch.tensor(Y).T)
    (d.mean() if "mean" in loss else d.sum()).backward()
    assert np.allclose(np.asarray(ns["dW"], dtype=float), Wt.grad.numpy(), atol=1e-12)


TANH_NET = """
[network]
name = "held-tanh"
[dims]
m = 3
d = 2
h = 3
[inputs]
X = ["m", "d"]
y = ["m", 1]
[params]
W1 = ["d", "h"]
w2 = ["h", 1]
[forward]
Z1 = "X @ W1"
H = "np.tanh(Z1)"
A = "1 / (1 + np.exp(-H @ w2))"
L = "np.mean((A - y) ** 2)"
"""


@pytest.mark.parametrize(
    ("wrt", "answer", "code", "words"),
    [
        # Z1 is a node: H where Z1 belongs, the project's `wrong-layer` (corpora 5 and 15)
        ("W1", "X.T @ ((2 * (A - y) / m * A * (1 - A)) @ w2.T * (1 - np.tanh(H) ** 2))", "wrong-layer", "H"),
        # A = σ(H @ w2) of an inline argument: the derivative taken at the output, named
        ("w2", "H.T @ (2 * (A - y) / m * sigmoid(A) * (1 - sigmoid(A)))", "wrong-activation-derivative",
         "σ(A) * (1 - σ(A))"),
    ],
)
def test_a_derivative_taken_at_the_output_is_named(tmp_path, wrt, answer, code, words):
    # tanh′ as 1 − tanh(H)² of H = tanh(Z1), σ′ as σ(A)(1 − σ(A)) of A = σ(·): the derivative's
    # formula applied to a value already activated (the inline one was `unknown`); judged wrong
    # by the oracle
    spec = tmp_path / "t.toml"
    spec.write_text(TANH_NET)
    res = CliRunner().invoke(main, ["check", str(spec), "--wrt", wrt, answer])
    assert res.exit_code == 1 and f"incorrect — {code}" in res.output, res.output
    assert words in res.output, res.output
    g = np.random.default_rng(0)
    X, y = torch.tensor(g.normal(size=(3, 2))), torch.tensor([[1.0], [0.0], [1.0]], dtype=torch.float64)
    W1 = torch.tensor(g.normal(size=(2, 3)), requires_grad=True)
    w2 = torch.tensor(g.normal(size=(3, 1)), requires_grad=True)
    H = torch.tanh(X @ W1)
    A = torch.sigmoid(H @ w2)
    torch.mean((A - y) ** 2).backward()
    up = 2 * (A - y) / 3 * A * (1 - A)
    theirs = (X.T @ (up @ w2.T * (1 - torch.tanh(H) ** 2)) if wrt == "W1"
              else H.T @ (2 * (A - y) / 3 * torch.sigmoid(A) * (1 - torch.sigmoid(A))))
    assert not np.allclose(theirs.detach().numpy(), (W1 if wrt == "W1" else w2).grad.numpy())


def test_the_first_exercise_hint_says_it_comes_from_the_loss(tmp_path):
    # "δ_p = ? — it arrives through loss." read oddly: the first gradient comes from the loss
    _, folder = _build(tmp_path, OVR, "held-ovr", fmt="exercises", lang="en,zh")
    md = (folder / "en" / "exercises.md").read_text()
    assert r"$\delta_{p}$ $= \thickspace ?$ — it comes straight from the loss $\mathrm{loss}$." in md
    assert "arrives through $p$" in md
    assert "它直接由损失" in (folder / "zh" / "exercises.md").read_text()


EX2 = """
# Andrew Ng, Machine Learning (Coursera) ex2: regularized logistic regression, costFunctionReg
[network]
name = "held-ng-ex2"
[dims]
m = 5
n = 3
[inputs]
X = ["m", "n"]
y = ["m", 1]
[constants]
lam = 1.0
[params]
theta = ["n", 1]
[forward]
h = "sigmoid(X @ theta)"
J = "COST + lam / (2 * m) * np.sum(theta[1:] ** 2)"
[values]
y = [[1], [0], [1], [1], [0]]
"""


@pytest.mark.parametrize(
    "cost",
    [
        "(1 / m) * np.sum(-y * np.log(h) - (1 - y) * np.log(1 - h))",  # ex2's element-wise form
        "(-1 / m) * (y.T @ np.log(h) + (1 - y).T @ np.log(1 - h))",  # ex2's vectorised form
    ],
)
def test_ng_ex2_cost_as_written_reaches_the_textbook_gradient(tmp_path, cost):
    # the minus on each term and yᵀ log(h): the target is still read, the scale from the loss
    _, folder = _build(tmp_path, EX2.replace("COST", cost), "held-ng-ex2")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert r"X^{\top} \thinspace \left(\frac{1}{m} \left(h - y\right)\right)" in md
    ns = _lab(folder)
    X, y, th = (np.asarray(ns[k], dtype=float) for k in ("X", "y", "theta"))
    tt = torch.tensor(th, requires_grad=True)
    h = torch.sigmoid(torch.tensor(X) @ tt)
    yt = torch.tensor(y)
    J = (-(yt * torch.log(h) + (1 - yt) * torch.log(1 - h)).sum() / 5 + 1.0 / 10 * (tt[1:] ** 2).sum())
    J.backward()
    assert np.allclose(X.T @ (h.detach().numpy() - y) / 5 + np.r_[[[0.0]], th[1:] / 5], tt.grad.numpy())
    assert np.allclose(np.asarray(ns["dtheta"], dtype=float), tt.grad.numpy(), atol=1e-12)


@pytest.mark.parametrize(
    ("answer", "right"),
    [
        ("Xᵀ(h − y)/m + (λ/m)·θ", False),  # θ₀ regularised too: the entry of the intercept differs
        ("Xᵀ(h − y)/m + λ θ / m", False),
    ],
)
def test_greek_letters_typed_as_characters(tmp_path, answer, right):
    # λ and θ pasted as characters were a syntax error; read as \lambda, \theta (lam, theta)
    spec = tmp_path / "ex2.toml"
    spec.write_text(EX2.replace("COST", "(1 / m) * np.sum(-y * np.log(h) - (1 - y) * np.log(1 - h))"))
    res = CliRunner().invoke(main, ["check", str(spec), "--wrt", "theta", answer])
    assert res.exit_code == (0 if right else 1), res.output
    assert "lam" in res.output and "theta" in res.output, res.output
