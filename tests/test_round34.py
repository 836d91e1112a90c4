"""Round 34 on main (lead): a softmax and a log-softmax written out by hand, across nodes.

Held-out networks written for this test, as course notes write them. Before this round a softmax
written out over nodes of its own (CS231n's ``exp_scores = np.exp(scores)`` then ``probs =
exp_scores / np.sum(exp_scores, axis=1, keepdims=True)``, D2L's ``X_exp / partition``), the shift
by the row maximum in front of it, or a log-softmax written out (CS231n's and CS182's ``shifted -
np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))``) never reached the textbook ``δ = (P −
Y)/N``: the handout stopped at ``δ_exp ⊙ exp`` and, after the shift, at ``δ_shifted − (δ_shifted
𝟙) ⊙ 𝟙_max``; its code computed the same. D2L's pick ``-torch.log(y_hat[range(len(y_hat)), y])``
of a written softmax was read ``log Σ_j ŷ_j y_j``, which no step could simplify.

Every gradient below is PyTorch float64 autograd of the same text, evaluated at the walkthrough's
own example values (read from the NumPy lab derive writes).
"""

from __future__ import annotations

import re

import numpy as np
import pytest
from click.testing import CliRunner

from derive.cli import main
from test_round33 import _build, _lab  # the held-out spec built, its NumPy lab run

torch = pytest.importorskip("torch")


def _arrays(ns: dict, *names: str):
    return (np.asarray(ns[k], dtype=float) for k in names)


SHIFTED = """
# CS231n-style softmax classifier: scores shifted by the row max, probabilities over nodes
[network]
name = "held-shifted"
[dims]
N = 4
D = 3
C = 3
[inputs]
X = ["N", "D"]
Y = { shape = ["N", "C"], kind = "one-hot" }
[params]
W = ["D", "C"]
[constants]
reg = 0.05
[forward]
scores = "X @ W"
shifted = "scores - scores.max(axis=1, keepdims=True)"
e = "np.exp(shifted)"
probs = "e / e.sum(axis=1, keepdims=True)"
loss = "-np.sum(Y * np.log(probs)) / N + reg * np.sum(W * W)"
[values]
Y = [[0, 1, 0], [1, 0, 0], [0, 0, 1], [0, 1, 0]]
"""


def test_a_softmax_written_over_nodes_after_the_max_shift(tmp_path):
    _, folder = _build(tmp_path, SHIFTED, "held-shifted", lang="en,zh")
    md = (folder / "en" / "walkthrough.md").read_text()
    plain = r"\frac{1}{N} \left(\mathrm{probs} - Y\right)"
    assert rf"\delta_{{\mathrm{{shifted}}}} = {plain}" in md
    assert r"\delta_{\mathrm{scores}} = \delta_{\mathrm{shifted}}" in md
    assert rf"\delta_{{\mathrm{{scores}}}} = {plain}" in md
    assert "adds nothing" in md and "softmax of" in md
    # shifted uses scores twice (as it is, through the row max): not "passes unchanged"
    assert r"$\mathrm{shifted}$ uses $\mathrm{scores}$ in 2 places" in md
    zh = (folder / "zh" / "walkthrough.md").read_text()
    assert rf"\delta_{{\mathrm{{scores}}}} = {plain}" in zh and "没有贡献" in zh
    assert "dscores = (probs - Y) / N" in (folder / "en" / "backprop.py").read_text()
    ns = _lab(folder)
    X, Y, W = _arrays(ns, "X", "Y", "W")
    Wt = torch.tensor(W, requires_grad=True)
    scores = torch.tensor(X) @ Wt
    scores.retain_grad()
    shifted = scores - scores.max(dim=1, keepdim=True).values
    e = torch.exp(shifted)
    probs = e / e.sum(dim=1, keepdim=True)
    loss = -torch.sum(torch.tensor(Y) * torch.log(probs)) / 4 + 0.05 * torch.sum(Wt * Wt)
    loss.backward()
    assert np.allclose((probs.detach().numpy() - Y) / 4, scores.grad.numpy(), atol=1e-12)
    assert np.allclose(np.asarray(ns["dW"], dtype=float), Wt.grad.numpy(), atol=1e-12)


D2L = """
# D2L softmax regression from scratch: X_exp / partition, the loss picks y_hat[range(n), y]
[network]
name = "held-d2l"
[dims]
n = 5
d = 4
q = 3
[inputs]
X = ["n", "d"]
y = ["n"]
[params]
W = ["d", "q"]
b = ["q"]
[forward]
O = "torch.matmul(X.reshape((-1, W.shape[0])), W) + b"
X_exp = "torch.exp(O)"
partition = "X_exp.sum(1, keepdim=True)"
y_hat = "X_exp / partition"
l = "- torch.log(y_hat[range(len(y_hat)), y])"
L = "l.mean()"
"""


def test_d2l_softmax_from_scratch_with_integer_labels(tmp_path):
    _, folder = _build(tmp_path, D2L, "held-d2l")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert re.search(r"\\delta_\{O\} = \\frac\{1\}\{n\} \\left\([^$]*- y\\right\)", md), md[-3000:]
    ns = _lab(folder)
    X, y, W, b = _arrays(ns, "X", "y", "W", "b")
    onehot = y.reshape(5, 3) if y.size == 15 else np.eye(3)[y.ravel().astype(int)]
    labels = torch.tensor(onehot.argmax(axis=1))
    Wt, bt = torch.tensor(W, requires_grad=True), torch.tensor(b.ravel(), requires_grad=True)
    logits = torch.tensor(X) @ Wt + bt
    logits.retain_grad()
    X_exp = torch.exp(logits)
    y_hat = X_exp / X_exp.sum(1, keepdim=True)
    (-torch.log(y_hat[range(5), labels])).mean().backward()
    assert np.allclose((y_hat.detach().numpy() - onehot) / 5, logits.grad.numpy(), atol=1e-12)
    assert np.allclose(np.asarray(ns["dW"], dtype=float), Wt.grad.numpy(), atol=1e-12)
    assert np.allclose(np.asarray(ns["db"], dtype=float).ravel(), bt.grad.numpy(), atol=1e-12)


LOG_SOFTMAX = """
# softmax_loss as Berkeley/Stanford assignments write it: log-probabilities written out
[network]
name = "held-logsoftmax"
[dims]
N = 3
D = 2
C = 4
[inputs]
x = ["N", "D"]
Y = { shape = ["N", "C"], kind = "one-hot" }
[params]
w = ["D", "C"]
b = ["C"]
[forward]
scores = "x @ w + b"
shifted = "scores - np.max(scores, axis=1, keepdims=True)"
log_probs = "shifted - np.log(np.sum(np.exp(shifted), axis=1, keepdims=True))"
loss = "-np.sum(log_probs * Y) / N"
[values]
Y = [[0, 0, 1, 0], [1, 0, 0, 0], [0, 0, 0, 1]]
"""


def test_a_log_softmax_written_out_reaches_p_minus_y(tmp_path):
    _, folder = _build(tmp_path, LOG_SOFTMAX, "held-logsoftmax", lang="en,zh")
    md = (folder / "en" / "walkthrough.md").read_text()
    plain = r"\frac{1}{N} \left(\exp\left(\mathrm{log\_probs}\right) - Y\right)"
    assert rf"\delta_{{\mathrm{{shifted}}}} = {plain}" in md
    assert rf"\delta_{{\mathrm{{scores}}}} = {plain}" in md
    assert "log-softmax" in md
    assert "LogSoftmax" in (folder / "zh" / "walkthrough.md").read_text()
    ns = _lab(folder)
    x, Y, w, b = _arrays(ns, "x", "Y", "w", "b")
    wt, bt = torch.tensor(w, requires_grad=True), torch.tensor(b.ravel(), requires_grad=True)
    scores = torch.tensor(x) @ wt + bt
    scores.retain_grad()
    logp = torch.log_softmax(scores, dim=1)
    (-(logp * torch.tensor(Y)).sum() / 3).backward()
    P = torch.softmax(scores, dim=1).detach().numpy()
    assert np.allclose((P - Y) / 3, scores.grad.numpy(), atol=1e-12)
    assert np.allclose(np.asarray(ns["dw"], dtype=float), wt.grad.numpy(), atol=1e-12)


MEAN_ALL = """
[network]
name = "held-meanall"
[dims]
N = 3
D = 2
C = 4
[inputs]
X = ["N", "D"]
Y = { shape = ["N", "C"], kind = "one-hot" }
[params]
W = ["D", "C"]
[forward]
Z = "X @ W"
E = "np.exp(Z - Z.max(axis=1, keepdims=True))"
P = "E / E.sum(axis=1, keepdims=True)"
J = "LOSS"
[values]
Y = [[0, 1, 0, 0], [0, 0, 0, 1], [1, 0, 0, 0]]
"""


def test_the_count_is_what_the_loss_divides_by(tmp_path):
    # a mean over every entry divides by N·C, not by N: read from the loss, then proven
    _, folder = _build(
        tmp_path, MEAN_ALL.replace("LOSS", "-np.mean(Y * np.log(P))"), "held-meanall"
    )
    md = (folder / "en" / "walkthrough.md").read_text()
    assert r"\delta_{Z} = \frac{1}{C \cdot N} \left(P - Y\right)" in md
    ns = _lab(folder)
    X, Y, W = _arrays(ns, "X", "Y", "W")
    Wt = torch.tensor(W, requires_grad=True)
    Z = torch.tensor(X) @ Wt
    (-(torch.tensor(Y) * torch.log_softmax(Z, dim=1)).mean()).backward()
    assert np.allclose(X.T @ (torch.softmax(Z, 1).detach().numpy() - Y) / 12, Wt.grad.numpy())


@pytest.mark.parametrize(
    ("forward", "loss"),
    [
        # class weights: the weighted cross-entropy's gradient is not P − Y
        (
            'P = "E / E.sum(axis=1, keepdims=True)"',
            "-np.sum(np.array([1.0, 2.0, 1.0, 3.0]) * Y * np.log(P)) / N",
        ),
        # a softmax over the batch (axis 0) is not the row softmax the rule is about
        ('P = "E / E.sum(axis=0, keepdims=True)"', "-np.sum(Y * np.log(P)) / N"),
    ],
    ids=["class-weights", "column-softmax"],
)
def test_what_only_looks_like_softmax_ce_gets_no_plain_error(tmp_path, forward, loss):
    text = MEAN_ALL.replace('P = "E / E.sum(axis=1, keepdims=True)"', forward).replace("LOSS", loss)
    spec, folder = _build(tmp_path, text, "held-meanall")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert not re.search(r"\\delta_\{Z\} = [^$]*\\left\(P - Y\\right\)", md)
    res = CliRunner().invoke(main, ["verify", str(spec)])
    assert res.exit_code == 0, res.output


EX2 = """
# Ng's ex2 costFunctionReg in Python: theta holds the intercept, the penalty skips theta[0]
[network]
name = "held-ex2-reg"
[dims]
m = 5
n = 3
[inputs]
X = ["m", "n"]
y = ["m", 1]
[params]
theta = ["n", 1]
[constants]
lambda_ = 1.0
[forward]
h = "1 / (1 + np.exp(-X @ theta))"
J = "-np.mean(y * np.log(h) + (1 - y) * np.log(1 - h)) + lambda_ / (2 * m) * np.sum(theta[1:] ** 2)"
"""

EX2_ANSWERS = [
    "X.T @ (h - y) / m + lambda_ / m * np.r_[[[0]], theta[1:]]",
    "X.T @ (h - y) / m + lambda_ / m * np.concatenate([[[0]], theta[1:]])",
    "X.T @ (h - y) / m + lambda_ / m * np.vstack([[0], theta[1:]])",
    "X.T @ (h - y) / m + lambda_ / m * np.concatenate(([[0.0]], theta[1:, :]), axis=0)",
    "temp = theta.copy()\ntemp[0] = 0\ngrad = (1 / m) * (X.T @ (h - y)) + (lambda_ / m) * temp",
    "reg = lambda_ / m * theta; reg[0] = 0; X.T @ (h - y) / m + reg",
    # wrong: the second entry kept out instead of the intercept; the intercept penalised
    "temp = theta.copy(); temp[1] = 0; X.T @ (h - y) / m + lambda_ / m * temp",
    "X.T @ (h - y) / m + lambda_ / m * np.r_[[[0]], theta[2:], [[0]]]",
]


def _ex2_value(answer: str, X, y, theta, lam: float) -> np.ndarray:
    """The answer run as the Python it is (the label of each case, not derive's reading)."""
    ns = {"np": np, "X": X, "y": y, "theta": theta.copy(), "lambda_": lam, "m": len(y)}
    ns["h"] = 1 / (1 + np.exp(-X @ theta))
    *body, last = [s for line in answer.splitlines() for s in line.split(";")]
    exec("\n".join(s.strip() for s in body), ns)  # noqa: S102 - the test's own answers
    last = last.strip()
    return eval(last.split("=", 1)[1] if re.match(r"\w+ = ", last) else last, ns)  # noqa: S307


@pytest.mark.parametrize("answer", EX2_ANSWERS)
def test_ng_ex2_answers_keeping_the_intercept_out(tmp_path, answer):
    rng = np.random.default_rng(7)
    X, theta = rng.normal(size=(5, 3)), rng.normal(size=(3, 1))
    y = np.array([[1.0], [0.0], [1.0], [0.0], [1.0]])
    th = torch.tensor(theta, requires_grad=True)
    h = torch.sigmoid(torch.tensor(X) @ th)
    yt = torch.tensor(y)
    J = -torch.mean(yt * torch.log(h) + (1 - yt) * torch.log(1 - h)) + torch.sum(th[1:] ** 2) / 10
    J.backward()
    right = np.allclose(_ex2_value(answer, X, y, theta, 1.0), th.grad.numpy(), atol=1e-12)
    spec = tmp_path / "ex2.toml"
    spec.write_text(EX2)
    res = CliRunner().invoke(main, ["check", str(spec), "--wrt", "theta", answer])
    assert res.exit_code == (0 if right else 1), res.output
    assert res.output.startswith("✓ correct" if right else "✗ incorrect"), res.output


ACTIVATION = """
[network]
name = "held-act"
[dims]
m = 4
n = 2
h = 3
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
W1 = ["n", "h"]
w2 = ["h", 1]
[forward]
Z1 = "X @ W1"
A1 = "ACT"
Yh = "A1 @ w2"
L = "np.sum((Yh - Y) ** 2) / (2 * m)"
"""

WRITTEN = {
    # as written → (the torch function it is, the textbook local derivative in backprop.py)
    "(np.exp(Z1) - np.exp(-Z1)) / (np.exp(Z1) + np.exp(-Z1))": (torch.tanh, "1 - A1 ** 2"),
    "(1 - np.exp(-2 * Z1)) / (1 + np.exp(-2 * Z1))": (torch.tanh, "1 - A1 ** 2"),
    "np.log(1 + np.exp(Z1))": (torch.nn.functional.softplus, "sigmoid(Z1)"),
    "np.log1p(np.exp(Z1))": (torch.nn.functional.softplus, "sigmoid(Z1)"),
    "Z1 * (Z1 > 0)": (torch.relu, "(Z1 > 0)"),
    "np.where(Z1 > 0, Z1, 0.01 * Z1)": (
        lambda z: torch.nn.functional.leaky_relu(z, 0.01),
        "np.where(Z1 > 0, 1.0, 1/100)",
    ),
}


@pytest.mark.parametrize("act", list(WRITTEN))
def test_an_activation_written_out_gets_its_textbook_derivative(tmp_path, act):
    # before: the quotient rule over exponentials (tanh), 1/(1 + e^z)·e^z (softplus), a
    # `+ 0 * (dA1 * Z1)` term (the ReLU mask), two masks (np.where)
    fn, slope = WRITTEN[act]
    _, folder = _build(tmp_path, ACTIVATION.replace("ACT", act), "held-act")
    code = (folder / "en" / "backprop.py").read_text()
    assert f"dA1_dZ1 = {slope}\n" in code, code
    ns = _lab(folder)
    X, Y, W1, w2 = _arrays(ns, "X", "Y", "W1", "w2")
    W1t, w2t = torch.tensor(W1, requires_grad=True), torch.tensor(w2, requires_grad=True)
    Yh = fn(torch.tensor(X) @ W1t) @ w2t
    (torch.sum((Yh - torch.tensor(Y)) ** 2) / 8).backward()
    assert np.allclose(np.asarray(ns["dW1"], dtype=float), W1t.grad.numpy(), atol=1e-12)
    assert np.allclose(np.asarray(ns["dw2"], dtype=float), w2t.grad.numpy(), atol=1e-12)


@pytest.mark.parametrize(
    "text", ["2 * Z1 * (Z1 > 0)", "np.where(Z1 > 0, Z1, 2 * Z1)", "Z1 * (Z1 >= 0)"]
)
def test_what_is_not_an_activation_stays_as_written(tmp_path, text):
    # a doubled ReLU, a slope above 1, a mask that includes 0: not relu / leaky_relu
    from derive.lang import expr as ex
    from derive.lang.spec import load

    spec, _ = _build(tmp_path, ACTIVATION.replace("ACT", text), "held-act")
    a1 = dict(load(str(spec)).forward)["A1"]
    assert not (isinstance(a1, ex.Call) and a1.func in ("relu", "leaky_relu")), a1
    res = CliRunner().invoke(main, ["verify", str(spec)])
    assert res.exit_code == 0, res.output


CS231N_REG = """
# CS231n two-layer net's loss: data loss + 0.5 * reg * sum(W * W) per layer
[network]
name = "held-reg"
[dims]
N = 4
D = 3
H = 3
C = 2
[inputs]
X = ["N", "D"]
Y = { shape = ["N", "C"], kind = "one-hot" }
[params]
W1 = ["D", "H"]
W2 = ["H", "C"]
[constants]
reg = 0.1
[forward]
hidden = "np.maximum(0, X @ W1)"
scores = "hidden @ W2"
probs = "softmax(scores)"
loss = "-np.sum(Y * np.log(probs)) / N + 0.5 * reg * np.sum(W1 * W1) + 0.5 * reg * np.sum(W2 * W2)"
"""


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ("hidden.T @ (probs - Y) / N", "which adds reg * W2 to the gradient"),
        ("hidden.T @ (probs - Y) / N + 0.5 * reg * W2", "reg * W2, enters 1/2 times"),
    ],
)
def test_the_correct_line_collects_like_terms(tmp_path, answer, words):
    # before: "correct: dW2 = reg/2 * W2 + reg/2 * W2 + …" and the same in the diagnosis
    spec = tmp_path / "reg.toml"
    spec.write_text(CS231N_REG)
    res = CliRunner().invoke(main, ["check", str(spec), "--wrt", "W2", answer])
    assert res.exit_code == 1, res.output
    assert "reg/2 * W2 + reg/2 * W2" not in res.output
    assert words in res.output
    fix = next(line for line in res.output.splitlines() if "correct:" in line)
    assert fix.split("correct:")[1].split("=")[1].strip().startswith("reg * W2 + "), fix


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sigma_prime_counted_twice_after_an_inline_sigmoid(tmp_path, lang):
    # the squared error's habit under a cross-entropy: (h − y) ⊙ h ⊙ (1 − h); before: unknown
    answer = "X.T @ ((h - y) * h * (1 - h)) / m + lambda_ / m * np.r_[[[0]], theta[1:]]"
    rng = np.random.default_rng(3)
    X, theta = rng.normal(size=(5, 3)), rng.normal(size=(3, 1))
    y = np.array([[1.0], [0.0], [1.0], [0.0], [1.0]])
    th = torch.tensor(theta, requires_grad=True)
    h = torch.sigmoid(torch.tensor(X) @ th)
    yt = torch.tensor(y)
    J = -torch.mean(yt * torch.log(h) + (1 - yt) * torch.log(1 - h)) + torch.sum(th[1:] ** 2) / 10
    J.backward()
    assert not np.allclose(_ex2_value(answer, X, y, theta, 1.0), th.grad.numpy())
    spec = tmp_path / "ex2.toml"
    spec.write_text(EX2)
    res = CliRunner().invoke(main, ["check", str(spec), "--wrt", "theta", answer, "--lang", lang])
    assert res.exit_code == 1, res.output
    assert "wrong-activation-derivative" in res.output
    assert ("counted twice" if lang == "en" else "被乘了两次") in res.output


@pytest.mark.parametrize(
    ("name", "tex"),
    [("lambda_", r"\lambda"), ("lambd", r"\lambda"), ("lmbda", r"\lambda"), ("beta_", r"\beta")],
)
def test_the_spellings_of_lambda_print_as_the_letter(tmp_path, name, tex):
    # lambda is a Python keyword: Ng's courses write lambd, ex2's Python ports lambda_;
    # before: \mathrm{lambda\_}, \mathrm{lambd}
    _, folder = _build(tmp_path, EX2.replace("lambda_", name), "held-ex2-reg")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert rf"\frac{{{tex}}}{{m}}" in md or rf"{tex} = 1" in md, md[:2000]
    assert r"\mathrm{lambd" not in md and r"\mathrm{lmbda" not in md


def test_the_gradient_of_a_mean_is_not_wrapped_twice(tmp_path):
    # before: dmu = np.full((n, 1), np.ones((n, 1)) / n)
    text = """
[network]
name = "held-poisson"
[dims]
n = 5
p = 2
[inputs]
X = ["n", "p"]
y = ["n", 1]
[params]
beta = ["p", 1]
[forward]
eta = "X @ beta"
mu = "np.exp(eta)"
nll = "np.sum(mu - y * eta) / n"
[values]
y = [[0], [2], [1], [4], [1]]
"""
    _, folder = _build(tmp_path, text, "held-poisson")
    code = (folder / "en" / "backprop.py").read_text()
    assert "dmu = np.ones((n, 1)) / n\n" in code and "np.full(" not in code
    ns = _lab(folder)
    X, y, beta = _arrays(ns, "X", "y", "beta")
    bt = torch.tensor(beta, requires_grad=True)
    eta = torch.tensor(X) @ bt
    (torch.sum(torch.exp(eta) - torch.tensor(y) * eta) / 5).backward()
    assert np.allclose(np.asarray(ns["dbeta"], dtype=float), bt.grad.numpy(), atol=1e-12)
