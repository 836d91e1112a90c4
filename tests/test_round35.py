"""Round 35 on main (lead): held-out course networks written for this test.

Before this round:

- Ng's regularisation assignment writes the cross-entropy as ``np.multiply(-np.log(A2), Y) +
  np.multiply(-np.log(1 - A2), 1 - Y)`` (the minus inside the log's factor): the handout never
  reached ``δZ2 = (A2 − Y)/m`` and its one formula divided by ``A2`` and ``1 − A2``;
- his ``L2_regularization_cost`` printed as ``L^{[2]}_{\\text{regularization cost}}``, the loss of
  a layer 2 that does not exist;
- ``F.cross_entropy(logits, t.argmax(dim=1))`` drew the target ``t`` as random reals (the
  one-hot rows a reader expects are what the argmax reads);
- a Huber loss written with ``torch.where(a <= delta, …)`` showed its backward step as ``0 (δ ⊙ …)
  + δ·(…) + 0 (δ ⊙ …)``, said the mask ``1[·]`` "gates the blame by its slope", and printed the
  condition as ``a + - δ``.

Every gradient below is PyTorch float64 autograd of the same text, at the walkthrough's own
example values (read from the NumPy lab derive writes).
"""

from __future__ import annotations

import numpy as np
import pytest

from derive.engine.printing import name_tex
from test_round33 import _build, _lab  # the held-out spec built, its NumPy lab run

torch = pytest.importorskip("torch")
F = torch.nn.functional


def _t(ns: dict, *names: str, grad: tuple[str, ...] = ()):
    return [
        torch.tensor(np.asarray(ns[k], dtype=float), requires_grad=k in grad) for k in names
    ]


NG_L2 = """
# Ng, Improving deep neural networks, week 1: compute_cost_with_regularization
[network]
name = "held-ng-l2"
[dims]
n_x = 3
n_h = 4
m = 5
[inputs]
X = ["n_x", "m"]
Y = [1, "m"]
[params]
W1 = ["n_h", "n_x"]
b1 = ["n_h", 1]
W2 = [1, "n_h"]
b2 = [1, 1]
[constants]
lambd = 0.7
[forward]
Z1 = "np.dot(W1, X) + b1"
A1 = "np.maximum(0, Z1)"
Z2 = "np.dot(W2, A1) + b2"
A2 = "1 / (1 + np.exp(-Z2))"
logprobs = "np.multiply(-np.log(A2), Y) + np.multiply(-np.log(1 - A2), 1 - Y)"
cross_entropy_cost = "1. / m * np.nansum(logprobs)"
L2_regularization_cost = "(1. / m) * (lambd / 2) * (np.sum(np.square(W1)) + np.sum(np.square(W2)))"
cost = "cross_entropy_cost + L2_regularization_cost"
"""


def test_ng_regularised_cost_reaches_the_plain_error(tmp_path):
    _, folder = _build(tmp_path, NG_L2, "held-ng-l2", lang="en,zh")
    shown = r"\delta_{Z^{[2]}} = \frac{1}{m} \left(A^{[2]} - Y\right)"
    for lang in ("en", "zh"):
        md = (folder / lang / "walkthrough.md").read_text()
        assert shown in md, lang
        assert r"\frac{1}{m} \left(A^{[2]} - Y\right) \thinspace A^{[1]\top}" in md, lang
    ns = _lab(folder)
    X, Y, W1, b1, W2, b2 = _t(ns, "X", "Y", "W1", "b1", "W2", "b2", grad=("W1", "b1", "W2", "b2"))
    Z1 = W1 @ X + b1
    A1 = torch.clamp(Z1, min=0)
    Z2 = W2 @ A1 + b2
    Z2.retain_grad()
    A2 = torch.sigmoid(Z2)
    ce = (-torch.log(A2) * Y + -torch.log(1 - A2) * (1 - Y)).sum() / 5
    cost = ce + 0.7 / 2 / 5 * ((W1**2).sum() + (W2**2).sum())
    cost.backward()
    assert np.allclose((A2 - Y).detach().numpy() / 5, Z2.grad.numpy(), atol=1e-12)
    for k, p in zip(("W1", "b1", "W2", "b2"), (W1, b1, W2, b2), strict=True):
        assert np.allclose(np.asarray(ns["d" + k], dtype=float), p.grad.numpy(), atol=1e-12), k


def test_a_name_of_several_words_after_digits_is_not_a_layer(tmp_path):
    _, folder = _build(tmp_path, NG_L2, "held-ng-l2", fmt="md")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert r"\mathrm{L2\_regularization\_cost}" in md
    assert "L^{[2]}" not in md
    # one word after the digits is still a layer's (or an entry's) tensor with a label
    assert name_tex("A1_drop", layer=True) == r"A^{[1]}_{\text{drop}}"
    assert name_tex("h1_raw") == r"h_{1,\text{raw}}"
    assert name_tex("W1_grad_sum", layer=True) == r"\mathrm{W1\_grad\_sum}"


SMOOTH = """
# label smoothing, PyTorch's built-in; the target a one-hot matrix read through argmax
[network]
name = "held-smooth"
[dims]
n = 4
d = 3
c = 5
[inputs]
x = ["n", "d"]
t = ["n", "c"]
[params]
W = ["d", "c"]
b = ["c"]
[forward]
logits = "x @ W + b"
loss = "F.cross_entropy(logits, t.argmax(dim=1), label_smoothing=0.1)"
"""


def test_a_target_read_through_argmax_is_drawn_one_hot(tmp_path):
    _, folder = _build(tmp_path, SMOOTH, "held-smooth", fmt="py")
    ns = _lab(folder)
    t = np.asarray(ns["t"], dtype=float)
    assert set(np.unique(t)) == {0.0, 1.0}
    assert (t.sum(axis=1) == 1).all()
    x, tt, W, b = _t(ns, "x", "t", "W", "b", grad=("W", "b"))
    F.cross_entropy(x @ W + b, tt.argmax(dim=1), label_smoothing=0.1).backward()
    assert np.allclose(np.asarray(ns["dW"], dtype=float), W.grad.numpy(), atol=1e-12)
    assert np.allclose(np.asarray(ns["db"], dtype=float).ravel(), b.grad.numpy(), atol=1e-12)


HUBER = """
# Huber loss with torch.where, a linear model
[network]
name = "held-huber"
[dims]
N = 5
D = 2
[inputs]
X = ["N", "D"]
y = ["N", 1]
[params]
w = ["D", 1]
b = []
[constants]
delta = 1.0
[forward]
r = "X @ w + b - y"
a = "torch.abs(r)"
per = "torch.where(a <= delta, 0.5 * r ** 2, delta * (a - 0.5 * delta))"
loss = "per.mean()"
[values]
X = [[0.5, -1.0], [1.0, 2.0], [-1.5, 0.3], [2.0, 0.0], [0.1, 0.4]]
y = [[1.0], [-2.0], [0.5], [3.0], [0.0]]
w = [[0.3], [-0.2]]
b = 0.1
"""


def test_a_where_mask_passes_no_blame_and_shows_no_zero_terms(tmp_path):
    _, folder = _build(tmp_path, HUBER, "held-huber", fmt="md,py", lang="en,zh")
    for lang in ("en", "zh"):
        md = (folder / lang / "walkthrough.md").read_text()
        assert r"0 \left(\delta_{" not in md, lang
        assert "+ -" not in md, lang
        assert r"\mathbf{1}\left[a - \mathrm{delta} > 0\right]" in md, lang
        assert "slope of $\\mathbf{1}$" not in md, lang
    en = (folder / "en" / "walkthrough.md").read_text()
    assert "no blame flows through the mask itself" in en
    assert "没有责任经由掩码本身传回" in (folder / "zh" / "walkthrough.md").read_text()
    ns = _lab(folder)
    X, y, w, b = _t(ns, "X", "y", "w", "b", grad=("w", "b"))
    r = X @ w + b - y
    a = r.abs()
    torch.where(a <= 1.0, 0.5 * r**2, 1.0 * (a - 0.5)).mean().backward()
    assert np.allclose(np.asarray(ns["dw"], dtype=float), w.grad.numpy(), atol=1e-12)
    assert np.allclose(float(np.asarray(ns["db"]).sum()), b.grad.item(), atol=1e-12)


TRIPLET = """
# 三元组损失（FaceNet）：共享一个线性嵌入层
[network]
name = "held-triplet"
[dims]
B = 3
d = 4
e = 2
[inputs]
anc = ["B", "d"]
pos = ["B", "d"]
neg = ["B", "d"]
[params]
W = ["d", "e"]
[constants]
margin = 0.2
[forward]
fa = "anc @ W"
fp = "pos @ W"
fn = "neg @ W"
dap = "((fa - fp) ** 2).sum(dim=1)"
dan = "((fa - fn) ** 2).sum(dim=1)"
loss = "torch.clamp(dap - dan + margin, min=0).mean()"
"""


def test_a_second_node_the_loss_reads_is_not_where_the_blame_starts_again(tmp_path):
    # dap and dan both enter the loss: "the blame starts here" and the mean's 1/B once
    _, folder = _build(tmp_path, TRIPLET, "held-triplet", fmt="md,py", lang="en,zh")
    en = (folder / "en" / "walkthrough.md").read_text()
    zh = (folder / "zh" / "walkthrough.md").read_text()
    assert en.count("The blame starts here") == 1
    assert en.count("The loss is a mean over") == 1
    assert "enters the loss directly" in en
    assert zh.count("“责任”从这里开始分摊") == 1
    assert "直接出现在损失中" in zh
    # the hinge said once, where the blame starts: only violated margins are blamed
    assert en.count("The loss keeps only the positive part of") == 1
    assert zh.count("正的部分") == 1
    ns = _lab(folder)
    anc, pos, neg, W = _t(ns, "anc", "pos", "neg", "W", grad=("W",))
    fa, fp, fn = anc @ W, pos @ W, neg @ W
    dap, dan = ((fa - fp) ** 2).sum(dim=1), ((fa - fn) ** 2).sum(dim=1)
    torch.clamp(dap - dan + 0.2, min=0).mean().backward()
    assert np.allclose(np.asarray(ns["dW"], dtype=float), W.grad.numpy(), atol=1e-12)


def test_a_clip_answer_is_echoed_as_written_and_the_fix_reads_back(tmp_path):
    from click.testing import CliRunner

    from derive.cli import main

    spec = tmp_path / "huber.toml"
    spec.write_text(HUBER)
    run = CliRunner().invoke(main, ["check", str(spec), "--wrt", "w", "X.T @ np.clip(r, -delta, delta)"])
    assert run.exit_code == 1, run.output
    assert "yours:   X.T @ clip(r, -delta, delta)" in run.output
    assert "scale-factor" in run.output
    assert "+ -" not in run.output and "- -" not in run.output
    fix = run.output.split("(= ", 1)[1].rsplit(")", 1)[0]
    back = CliRunner().invoke(main, ["check", str(spec), "--wrt", "w", fix])
    assert back.exit_code == 0, back.output
    # the Huber derivative is the clipped residual: right with the mean's 1/N
    ok = CliRunner().invoke(
        main, ["check", str(spec), "--wrt", "w", "X.T @ torch.clamp(r, min=-delta, max=delta) / N"]
    )
    assert ok.exit_code == 0, ok.output


@pytest.mark.parametrize(
    ("name", "tex"),
    [
        ("Wxh", "W_{xh}"),
        ("Whh", "W_{hh}"),
        ("Why", "W_{hy}"),
        ("bh", "b_{h}"),
        ("by", "b_{y}"),
        ("Wx", "W_{x}"),
        ("Uz", "U_{z}"),
        ("bias", r"\mathrm{bias}"),
        ("bn", r"\mathrm{bn}"),
        ("W1", "W_{1}"),
    ],
)
def test_rnn_weight_names_print_with_their_label_as_a_subscript(name, tex):
    # Karpathy's min-char-rnn names its matrices Wxh, Whh, Why and biases bh, by: the notes
    # write W_{xh}, not the word "Why"
    assert name_tex(name) == tex


def test_an_rnn_handout_and_the_checker_agree_on_w_xh(tmp_path):
    from click.testing import CliRunner

    from derive.cli import main
    from test_round33 import _build as build

    text = (
        TRIPLET.split("[network]")[0]
        + """[network]
name = "held-mcr"
[dims]
vocab = 3
hidden = 2
[inputs]
x = ["vocab", 1]
hprev = ["hidden", 1]
t = ["vocab", 1]
[params]
Wxh = ["hidden", "vocab"]
Whh = ["hidden", "hidden"]
Why = ["vocab", "hidden"]
bh = ["hidden", 1]
[forward]
hs = "np.tanh(np.dot(Wxh, x) + np.dot(Whh, hprev) + bh)"
ys = "np.dot(Why, hs)"
ps = "np.exp(ys) / np.sum(np.exp(ys))"
loss = "-np.sum(t * np.log(ps))"
[values]
t = [[0], [1], [0]]
"""
    )
    spec, folder = build(tmp_path, text, "held-mcr", fmt="md")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert r"\frac{\partial \mathrm{loss}}{\partial W_{hy}}" in md
    assert r"\mathrm{Why}" not in md
    run = CliRunner().invoke(
        main, ["check", str(spec), "--wrt", "Why", "--latex", r"\frac{\partial L}{\partial W_{hy}} = (\mathrm{ps} - t)\, \mathrm{hs}^{\top}"]
    )
    assert run.exit_code == 0, run.output


def test_a_users_delta_is_not_the_gradients_delta(tmp_path):
    # Huber's threshold named delta: δ is the handout's gradient (δ_a), so the constant reads
    # "delta" — never "δ · (δ_per ⊙ 1[a − δ > 0])"
    _, folder = _build(tmp_path, HUBER, "held-huber", fmt="md")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert r"\mathbf{1}\left[a - \mathrm{delta} > 0\right]" in md
    assert r"\delta \cdot" not in md and r"- \delta" not in md
    assert r"\delta_{a}" in md  # the gradient keeps its δ
    assert name_tex("delta_detached") == r"\mathrm{delta}_{\text{detached}}"
    assert name_tex("Delta") == r"\Delta" and name_tex("gamma") == r"\gamma"


@pytest.mark.parametrize(
    ("spec_text", "wrt", "answer", "said"),
    [
        (
            NG_L2,
            "b1",
            "dZ2 = A2 - Y\ndZ1 = np.dot(W2.T, dZ2) * (A1 > 0)\n"
            "db1 = 1. / m * np.sum(dZ1, axis=1, keepdims=True) + lambd / m * b1",
            "lambd / m * b1 is added to the gradient, but the loss has no term that penalises b1",
        ),
        (
            "EX2",
            "theta",
            "X.T @ (h - y) / m + lambda_ / m * theta",
            "lambda_ / m * theta is added on theta[0]",
        ),
    ],
    ids=["bias", "intercept"],
)
def test_weight_decay_where_the_loss_has_none_is_named(tmp_path, spec_text, wrt, answer, said):
    from click.testing import CliRunner

    from derive.cli import main
    from test_round34 import EX2

    spec = tmp_path / "s.toml"
    spec.write_text(EX2 if spec_text == "EX2" else spec_text)
    run = CliRunner().invoke(main, ["check", str(spec), "--wrt", wrt, answer])
    assert run.exit_code == 1, run.output
    assert run.output.startswith("✗ incorrect — extra-loss-term: " + said), run.output
    zh = CliRunner().invoke(main, ["check", str(spec), "--wrt", wrt, "--lang", "zh", answer])
    assert "extra-loss-term：" in zh.output and "多加了" in zh.output, zh.output


@pytest.mark.parametrize(
    ("net", "wrt", "answer", "code"),
    [
        # Huber's derivative as notes write it: piecewise, δ·sign(r) beside a constant delta
        ("HUBER", "w", r"\frac{1}{N} X^\top \begin{cases} r & |r| \le \delta \\ \delta\,\mathrm{sign}(r) & \text{otherwise}\end{cases}", None),
        ("HUBER", "b", r"\frac{1}{N} \sum_i \begin{cases} r_i, & \text{if } |r_i| \le \delta, \\ \delta \operatorname{sign}(r_i), & \text{otherwise.}\end{cases}", None),
        ("HUBER", "w", r"X^\top \begin{cases} r & |r| \le \delta \\ \delta\,\mathrm{sign}(r) & \text{otherwise}\end{cases}", "scale-factor"),
        ("HUBER", "w", r"\frac{1}{N} X^\top \begin{cases} r & |r| \le \delta \\ \delta & \text{otherwise}\end{cases}", "unknown"),
        # ReLU's slope as cases; ≥ 0 is the relu'(0) slip
        ("relu-mlp", "w1", r"x^\top \left( \delta_{h_{relu}} \odot \begin{cases} 1, & \text{if } h > 0 \\ 0, & \text{if } h \le 0 \end{cases} \right)", None),
        ("relu-mlp", "w1", r"x^\top \left( \delta_{h_{relu}} \odot \begin{cases} 1 & h \geq 0 \\ 0 & \text{else} \end{cases} \right)", "relu-at-zero"),
    ],
)
def test_a_piecewise_answer_in_a_cases_environment(tmp_path, net, wrt, answer, code):
    from click.testing import CliRunner

    from derive.cli import main

    if net == "HUBER":
        spec = tmp_path / "huber.toml"
        spec.write_text(HUBER)
        net = str(spec)
    run = CliRunner().invoke(main, ["check", net, "--wrt", wrt, "--latex", answer])
    if code is None:
        assert run.exit_code == 0, run.output
    else:
        assert run.exit_code == 1, run.output
        assert run.output.startswith(f"✗ incorrect — {code}"), run.output


LSE = """
# a cross-entropy written with logsumexp, as numerically careful notes write it
[network]
name = "held-lse"
[dims]
n = 3
c = 4
d = 2
[inputs]
x = ["n", "d"]
y = YDECL
[params]
W = ["d", "c"]
[forward]
z = "x @ W"
FORWARD
"""


@pytest.mark.parametrize(
    ("ydecl", "forward", "simplified"),
    [
        ('{ shape = ["n", "c"], kind = "one-hot" }',
         'loss = "(torch.logsumexp(z, dim=1) - (z * y).sum(dim=1)).mean()"', True),
        ('["n", "c"]',  # soft targets, logsumexp in a node of its own, a sum over n
         'lse = "torch.logsumexp(z, dim=1, keepdim=True)"\n'
         'loss = "(lse - (z * y).sum(dim=1, keepdim=True)).sum() / n"', True),
        ('["n", "c"]',  # the target logit added, not subtracted: no cross-entropy
         'loss = "(torch.logsumexp(z, dim=1) + (z * y).sum(dim=1)).mean()"', False),
    ],
    ids=["one-hot", "soft-two-nodes", "not-ce"],
)
def test_a_cross_entropy_written_with_logsumexp(tmp_path, ydecl, forward, simplified):
    text = LSE.replace("YDECL", ydecl).replace("FORWARD", forward)
    _, folder = _build(tmp_path, text, "held-lse", fmt="md,py", lang="en,zh")
    shown = r"\delta_{z} = \frac{1}{n} \left(\operatorname{softmax}\left(z\right) - y\right)"
    for lang in ("en", "zh"):
        md = (folder / lang / "walkthrough.md").read_text()
        assert (shown in md) == simplified, lang
    ns = _lab(folder)
    x, y, W = _t(ns, "x", "y", "W", grad=("W",))
    z = x @ W
    z.retain_grad()
    lse = torch.logsumexp(z, dim=1)
    pick = (z * y).sum(dim=1)
    (lse + pick if not simplified else lse - pick).sum().div(3).backward()
    assert np.allclose(np.asarray(ns["dW"], dtype=float), W.grad.numpy(), atol=1e-12)
    if simplified:
        p = torch.softmax(z, dim=1)
        assert np.allclose(((p - y) / 3).detach().numpy(), z.grad.numpy(), atol=1e-12)


def test_a_relu_inside_a_squared_error_is_no_hinge(tmp_path):
    text = TRIPLET.replace('loss = "torch.clamp(dap - dan + margin, min=0).mean()"',
                           'loss = "((torch.relu(dap - dan) - margin) ** 2).mean()"')
    _, folder = _build(tmp_path, text, "held-triplet", fmt="md")
    assert "positive part" not in (folder / "en" / "walkthrough.md").read_text()


def test_a_common_factor_is_taken_out_of_the_one_formula(tmp_path):
    # a Poisson GLM: (1/n)·exp(η) − (1/n)·y reads as the textbook (1/n)(μ − y)
    text = """
[network]
name = "held-poisson"
[dims]
n = 5
p = 3
[inputs]
X = ["n", "p"]
counts = ["n"]
[params]
beta = ["p"]
[forward]
eta = "X @ beta"
nll = "jnp.exp(eta) - counts * eta"
loss = "jnp.mean(nll)"
[values]
counts = [0, 2, 1, 4, 3]
"""
    _, folder = _build(tmp_path, text, "held-poisson", fmt="md,py")
    md = (folder / "en" / "walkthrough.md").read_text()
    assert r"\frac{1}{n} \left(\exp\left(\eta\right) - \mathrm{counts}\right)" in md
    assert r"\frac{1}{n} \exp\left(\eta\right) - \frac{1}{n}" not in md
    ns = _lab(folder)
    X, counts, beta = _t(ns, "X", "counts", "beta", grad=("beta",))
    eta = X @ beta.reshape(-1)
    (torch.exp(eta) - counts.reshape(-1) * eta).mean().backward()
    assert np.allclose(np.asarray(ns["dbeta"], dtype=float).ravel(), beta.grad.numpy().ravel(), atol=1e-12)
