"""Round 36 (issues 9, 11, 12): the lead's fixes from held-out input, each with the case that
found it."""

from __future__ import annotations

import pytest

# ---- a handout's title from a long or colon-ended first comment (issue 12) --------------------


@pytest.mark.parametrize(
    ("comment", "title"),
    [
        # longer than 80 characters: cut before the last clause that fits, brackets closed
        (
            "# Linear SVM, primal, hinge loss with labels in {-1, +1}, lambda/2 ||w||^2 (Pegasos-style)",
            {"en": "Linear SVM, primal, hinge loss with labels in {-1, +1}, lambda/2 ||w||^2"},
        ),
        (
            "# A GRU unrolled for two time steps, column-major as in CS224n's notes (h_t = (1 - z_t) * h_{t-1}",
            {"en": "A GRU unrolled for two time steps, column-major as in CS224n's notes"},
        ),
        # no clause that fits: before the first phrase that leaves three words
        (
            "# FaceNet-style triplet loss with F.pairwise_distance where an anchor and its positive"
            " are the same image (identical rows): eps inside the norm",
            {"en": "FaceNet-style triplet loss"},
        ),
        # a colon ending the line ends the head too
        ("# Coursera C1 W4 deep network, step by step:", {"en": "Coursera C1 W4 deep network, step by step"}),
        # a colon inside brackets or quotes does not
        (
            '# Coupled LSTM (CIFG, Greff et al. "LSTM: A Search Space Odyssey"): i = 1 - f',
            {"en": 'Coupled LSTM (CIFG, Greff et al. "LSTM: A Search Space Odyssey")'},
        ),
        (
            "# 吴恩达深度学习第一课第四周的深层神经网络，列为样本，每层 ReLU，最后一层 sigmoid，交叉熵代价，"
            "参数按 He 初始化后取定值，批量为 4 个样本，输入为 3 个特征，隐层宽度 5 与 3",
            # a Chinese character is two letters wide
            {"zh": "吴恩达深度学习第一课第四周的深层神经网络，列为样本，每层 ReLU，最后一层 sigmoid"},
        ),
        # a short head naming a source takes the subject its colon introduces, when words
        ("# CS229 notes: softmax regression with theta (k classes)", {"en": "CS229 notes: softmax regression with theta"}),
        (
            "# 动手学深度学习：多层感知机，F.log_softmax 加 F.nll_loss（独热目标）",
            {"zh": "动手学深度学习：多层感知机"},
        ),
        ("# TensorFlow model: tf.nn.log_poisson_loss(targets, log_input)", {"en": "TensorFlow model"}),
        ("# Quiz 2 (week 7): a leaky-ReLU hidden layer", {"en": "Quiz 2 (week 7)"}),
        ("# see (the notes: p. 3", None),  # brackets left open: no head
        ("# " + "word" * 30, None),  # nothing to cut at
    ],
)
def test_a_long_first_comment_still_titles_the_handout(comment: str, title) -> None:
    from derive.lang.spec import comment_title

    assert comment_title(comment + "\n[network]\nname = 'x'\n") == title


# ---- the sum of all entries of row sums prints as 𝟙ᵀ X 𝟙 (issue 12) ---------------------------

NLL = """# d2l: an MLP with log_softmax and the mean negative log-likelihood
[dims]
n = 3
d = 2
q = 2
[inputs]
X = ["n", "d"]
Y = { shape = ["n", "q"], kind = "one-hot" }
[params]
W = ["d", "q"]
[forward]
O = "X @ W"
logp = "F.log_softmax(O, dim=1)"
l = "-(Y * logp).sum(dim=1).mean()"
"""


def test_a_mean_of_row_sums_prints_as_one_double_sum(tmp_path) -> None:
    r"""``-(Y * logp).sum(dim=1).mean()`` printed ``-\frac{1}{n} 𝟙ᵀ ((Y ⊙ logp) 𝟙)ᵀ 𝟙`` (a 1 × 1
    𝟙ᵀ in front of a transposed column); the sum of all entries of row sums is that of the
    matrix: ``-\frac{1}{n} 𝟙ᵀ (Y ⊙ logp) 𝟙``, which ``derive check`` reads as the loss's own
    gradient source (the printed δ_logp is −Y/n)."""
    import subprocess
    import sys

    md = _md(NLL)
    want = r"l = -\frac{1}{n} \mathbf{1}^{\top} \left(Y \odot \mathrm{logp}\right) \thinspace \mathbf{1}"
    assert want in md
    assert r"\right)^{\top} \thinspace \mathbf{1}" not in md
    path = tmp_path / "nll.toml"
    path.write_text(NLL)
    run = subprocess.run(
        [sys.executable, "-m", "derive", "check", str(path), "--latex", "--wrt", "W",
         r"X^\top \frac{1}{n}\left(\operatorname{softmax}(O) - Y\right)"],
        capture_output=True, text=True, timeout=600,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def _md(source: str, lang: str = "en") -> str:
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = derive(spec.parse(source))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    return render.render("md/walkthrough.md.j2", w, lang)


# ---- the batch-mean lesson's count when a size is 1 (issue 12) --------------------------------

NG = """# Ng C1 W3: one tanh hidden layer, column-major
[dims]
n_x = 2
n_h = 3
n_y = 1
m = 3
[inputs]
X = ["n_x", "m"]
Y = ["n_y", "m"]
[params]
W1 = ["n_h", "n_x"]
b1 = ["n_h", 1]
W2 = ["n_y", "n_h"]
b2 = ["n_y", 1]
[forward]
A1 = "np.tanh(np.dot(W1, X) + b1)"
Z2 = "np.dot(W2, A1) + b2"
A2 = "1 / (1 + np.exp(-Z2))"
logprobs = "np.multiply(np.log(A2), Y) + np.multiply((1 - Y), np.log(1 - A2))"
cost = "- np.sum(logprobs) / m"
"""


@pytest.mark.parametrize(
    ("loss", "count"),
    [
        ("- np.sum(logprobs) / m", r"m \cdot \delta_{Z^{[2]}}"),
        # a mean of every entry: m·n_y (1 · m at these sizes, but n_y·m at any other)
        ("- np.mean(logprobs)", r"m \cdot n_{\text{y}} \delta_{Z^{[2]}}"),
    ],
)
def test_the_batch_mean_lesson_names_the_count_the_loss_divides_by(loss: str, count: str) -> None:
    """Ng's cost ``-np.sum(logprobs) / m`` with n_y = 1 got the lesson "Where the 1/(m·n_y) of
    the mean lives … m·n_y δ_{Z2} = A2 − Y": true at n_y = 1 only, since the loss divides by m.
    The count now is the one whose sizes the derived δ holds."""
    md = _md(NG.replace("- np.sum(logprobs) / m", loss))
    assert count + " = A^{[2]} - Y" in md


# ---- a long line breaks before + or −, not inside a product (issue 12) -------------------------


@pytest.mark.parametrize("room", [28.0, 30.0])
def test_a_row_breaks_before_a_sum_not_inside_a_product(room: float) -> None:
    r"""mlp-bce's hand calculation of ∂L/∂W¹₁₂ on a phone's column read ``0.0587611 · 1 +
    (−0.0768746) \\ · (−1)``: the last product cut in two because the row before the ``+``
    was short. A shorter row ending before the ``+`` is preferred to a product cut in two."""
    from derive.engine.printing import break_rows, display_width

    tex = r"0.0587611 \cdot 1 + \left(-0.0768746\right) \cdot \left(-1\right)"
    assert display_width(tex) > room
    rows = break_rows(tex, room)
    assert rows == [r"0.0587611 \cdot 1", r"+ \left(-0.0768746\right) \cdot \left(-1\right)"]


# ---- a subtracted term's blame is said with its sign (issue 12) -------------------------------

ADALINE = """# Raschka's Adaline: errors = y - output
[dims]
n = 4
d = 2
[inputs]
X = ["n", "d"]
y = ["n", 1]
[params]
w = ["d", 1]
[forward]
output = "X @ w"
errors = "y - output"
cost = "(errors ** 2).sum() / 2.0"
"""


@pytest.mark.parametrize(("lang", "said", "wrong"), [
    ("en", "gets minus the blame of", "gets the blame of $\\mathrm{errors}$ unchanged"),
    ("zh", "的责任取负", "得到的就是 $\\mathrm{errors}$ 的责任"),
])
def test_a_subtracted_term_gets_minus_the_blame(lang: str, said: str, wrong: str) -> None:
    """``errors = y - output``: the walkthrough said "output … gets the blame of errors
    unchanged" beside δ_output = −δ_errors."""
    md = _md(ADALINE, lang)
    assert r"\delta_{\mathrm{output}} = -\delta_{\mathrm{errors}}" in md
    assert said in md and wrong not in md


# ---- a squared norm is a sum of squares (issues 9, 12) ----------------------------------------

FRO = """# a linear autoencoder with Frobenius norms
[dims]
m = 3
n = 2
k = 2
[inputs]
X = ["m", "n"]
[params]
E = ["n", "k"]
D = ["k", "n"]
[constants]
lam = 0.1
[forward]
R = "X @ E @ D"
loss = "np.linalg.norm(R - X) ** 2 / m + lam * (np.linalg.norm(E, 'fro') ** 2 + torch.norm(D) ** 2)"
"""


def test_a_squared_norm_is_a_sum_of_squares() -> None:
    r"""``np.linalg.norm(R - X) ** 2`` was read as (√Σ(R − X)²)², and every formula showed
    ``\frac{\frac{2}{m}\sqrt{…}}{2\sqrt{…}} \cdot 2(R − X)``; (√s)² is s, exactly, so δ_R is
    ``\frac{2}{m}(R − X)`` and the penalty's derivative 2λE. The gradients are PyTorch's."""
    import numpy as np
    import torch

    md = _md(FRO)
    assert r"\delta_{R} = \frac{2}{m} \left(R - X\right)" in md
    assert r"\sqrt" not in md
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    d = derive(spec.parse(FRO))
    report = numeric.verify(d, points=2, full=False)
    assert report.ok
    # PyTorch running the line as written, at the example values derive drew
    point = {k: torch.tensor(np.array(v, dtype=float), dtype=torch.float64) for k, v in d.spec.values.items()}
    E = point["E"].clone().requires_grad_(True)
    D = point["D"].clone().requires_grad_(True)
    X = point["X"]
    R = X @ E @ D
    loss = torch.linalg.norm(R - X) ** 2 / 3 + 0.1 * (torch.linalg.norm(E) ** 2 + torch.norm(D) ** 2)
    loss.backward()
    twice = 2 / 3 * (R - X).detach()
    assert torch.allclose(E.grad, X.T @ twice @ D.detach().T + 0.2 * E.detach(), atol=1e-12)


def test_a_squared_norm_of_a_zero_vector_has_gradient_zero(tmp_path) -> None:
    """At a zero vector ``np.linalg.norm(w) ** 2`` was refused (the root's slope is infinite
    there); its square has gradient 2w = 0, as PyTorch gives for ``torch.linalg.norm(w) ** 2``."""
    import subprocess
    import sys

    text = """[dims]
m = 2
d = 2
[inputs]
X = ["m", "d"]
y = ["m", 1]
[params]
w = ["d", 1]
[constants]
lam = 0.5
[forward]
r = "X @ w - y"
loss = "np.mean(r ** 2) + lam * np.linalg.norm(w) ** 2"
[values]
X = [[1, 2], [3, -1]]
y = [[1], [0]]
w = [[0], [0]]
"""
    path = tmp_path / "ridge.toml"
    path.write_text(text)
    run = subprocess.run([sys.executable, "-m", "derive", "verify", str(path)], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout + run.stderr


# ---- each path's own words (issue 12) ---------------------------------------------------------

GATED = """# Week 9 quiz: a gated unit with a learned temperature
[dims]
n = 3
d = 2
[inputs]
x = ["n", "d"]
t = ["n", 1]
[params]
w = ["d", 1]
T = [1, 1]
[forward]
z = "x @ w / T"
q = "1 - torch.sigmoid(z)"
r = "torch.exp(-z) * q"
loss = "torch.mean((r - t) ** 2)"
[values]
T = [[2.0]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_each_path_and_divisor_gets_its_own_true_sentence(lang: str) -> None:
    """z reaches r through exp(−z) (a factor of r, not z itself) and q through σ: the paragraph
    said "r multiplies z by other factors" and dropped σ's sentence while keeping its slopes;
    T divides every row of z, and it said "T is added to every row"."""
    md = _md(GATED, lang)
    z = next(p for p in md.split("\n\n") if "$\\sigma$" in p and "$\\exp$" in p)
    if lang == "en":
        assert "multiplies $z$ by other factors" not in z
        assert "Inside $r$, $z$ sits in one factor of a product" in z
        T = next(p for p in md.split("\n\n") if p.startswith("**In words.** $T$"))
        assert "is added to every row" not in T and "$T$ enters the divisor of every row (example) of $z$" in T
    else:
        assert "$z$ 位于 $r$ 的某个乘积因子之内" in z
        assert "出现在 $z$ 每一行（样本）的除数中" in md
