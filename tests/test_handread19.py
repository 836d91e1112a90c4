"""Handouts a lecturer hands out unchanged, pass 19 (issues 12 and 9): the handouts derive writes
for networks a user brings, and handread18's leftovers. An untitled spec is headed by its own first
comment ("# Quiz 2 (week 7): …" → "Quiz 2 (week 7)", in that comment's language); one column of a
concatenation's gradient is ``col_{d+1}(…)``, not ``cols_{d+1 … d+1}(…)``, and ``derive check``
reads it back; a column-major weight ``v`` in ``v.T @ tanh(W q + U K)`` is not blamed "through the
weights W"; a fraction whose numerator is a negative product has its sign in front (no
−(−(1/batch)…)/…); two slip matrices a little wider than the line share it.
Each asserted on built text (Markdown, en and zh) of specs written here (held out)."""

from __future__ import annotations

import functools
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# held out: a tutorial's spec, no title, its first comment naming it
TUTORIAL = """# Tutorial 4 (week 6): a tanh layer and a linear output, half the sum of squares
# (the second comment line is not part of the title)
[network]
name = "tut4"
[dims]
m = 2
k = 2
[inputs]
x = ["m", "k"]
t = ["m", 1]
[params]
A = ["k", "k"]
c = ["k", 1]
[forward]
u = "np.tanh(x @ A)"
o = "u @ c"
E = "0.5 * np.sum((o - t) ** 2)"
[values]
x = [[1, 0.5], [-1, 2]]
t = [[1], [0]]
A = [[0.2, -0.4], [0.3, 0.1]]
c = [[1], [-1]]
"""

# held out: the same network, a Chinese comment (the Chinese handout's title only)
TUTORIAL_ZH = "# 第 4 次习题课：tanh 隐层与线性输出\n" + TUTORIAL.split("\n", 2)[2]

# held out: a skip connection that appends one computed column to the input (one column: col_{k+1})
APPEND = """
[network]
name = "append-one"
[dims]
m = 3
k = 2
[inputs]
X = ["m", "k"]
y = ["m", 1]
[params]
a = ["k", 1]
v = ["k + 1", 1]
[forward]
s = "np.tanh(X @ a)"
yhat = "np.concatenate([X, s], axis=1) @ v"
loss = "np.mean((yhat - y) ** 2)"
[values]
X = [[1, -1], [0.5, 2], [-1, 0.25]]
y = [[1], [0], [-1]]
a = [[0.4], [-0.3]]
v = [[0.2], [-0.1], [0.5]]
"""

# held out: additive attention's scores, column-major, its own names (u scores tanh(A q + B K))
COLMAJOR = """
[network]
name = "additive-col"
[dims]
d = 2
h = 3
T = 3
[inputs]
q = ["d", 1]
K = ["d", "T"]
[params]
A = ["h", "d"]
B = ["h", "d"]
u = ["h", 1]
[forward]
s = "np.dot(u.T, np.tanh(np.dot(A, q) + np.dot(B, K)))"
loss = "0.5 * np.sum(s ** 2)"
"""

# held out: a softmax classifier written out with its row sum, the cross-entropy a mean of logs
WRITTEN_SOFTMAX = """
[network]
name = "written-softmax"
[dims]
rows = 3
f = 2
cls = 3
[inputs]
X = ["rows", "f"]
Y = { shape = ["rows", "cls"], kind = "one-hot" }
[params]
V = ["f", "cls"]
[forward]
Z = "X @ V"
E = "np.exp(Z)"
tot = "E.sum(axis=1, keepdims=True)"
P = "E / tot"
loss = "-np.log((P * Y).sum(axis=1, keepdims=True)).mean()"
"""


def _derivation(source: str):
    from derive.engine.backprop import derive
    from derive.lang import spec

    return derive(spec.parse(source))


@functools.cache
def _md(source: str, lang: str) -> str:
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = _derivation(source)
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    return render.render("md/walkthrough.md.j2", w, lang)


def _check(tmp_path: Path, source: str, wrt: str, formula: str) -> subprocess.CompletedProcess:
    spec = tmp_path / "net.toml"
    spec.write_text(source)
    return subprocess.run(
        [sys.executable, "-m", "derive", "check", str(spec), "--wrt", wrt, formula],
        capture_output=True, text=True, timeout=600, cwd=ROOT,  # this tree's derive
    )


# ---- the spec's first comment as the title ----------------------------------------------------


def test_the_first_comment_titles_the_handout_of_its_language() -> None:
    """An untitled spec was headed "A network of tanh units with a loss written as a formula…"
    although its first comment names it as the lecturer does: now the comment's words before
    its first colon head the handout (and the exercise sheet) of the comment's language; the
    other language keeps the sentence derive writes; a given ``title`` wins."""
    from derive.lang import spec
    from derive.walkthrough import intuition

    assert _md(TUTORIAL, "en").startswith("# Tutorial 4 (week 6)\n")
    zh = _md(TUTORIAL, "zh").split("\n", 1)[0]
    assert "Tutorial" not in zh and zh.startswith("# 由 tanh")
    title = intuition.heading(_derivation(TUTORIAL_ZH))
    # round 36: a short head naming the session takes the subject its colon introduces
    assert title["zh"] == "第 4 次习题课：tanh 隐层与线性输出" and title["en"].startswith("A network of tanh units")
    assert spec.parse(TUTORIAL).title["en"] == "Tutorial 4 (week 6)"
    given = TUTORIAL.replace('name = "tut4"', 'name = "tut4"\ntitle = "Set 4"')
    assert intuition.heading(_derivation(given)) == {"en": "Set 4", "zh": "Set 4"}


@pytest.mark.parametrize(
    ("comment", "title"),
    [
        ("# Crammer-Singer multiclass hinge: max over the other classes", {"en": "Crammer-Singer multiclass hinge"}),
        ("# d2l.ai 10.1 LSTM from scratch, one step", {"en": "d2l.ai 10.1 LSTM from scratch, one step"}),
        ("# 周志华《机器学习》5.5.4 级联相关网络：新加入的隐层单元", {"zh": "周志华《机器学习》5.5.4 级联相关网络"}),
        ("# " + "a very long first line " * 5, None),  # no head of 80 characters or fewer
        ("# see (the notes: p. 3", None),  # brackets left open
        ("\n\n# -*- coding: utf-8 -*-\n# Quiz 1: logistic", {"en": "Quiz 1: logistic"}),  # round 36
    ],
)
def test_which_comment_counts(comment: str, title) -> None:
    from derive.lang.spec import comment_title

    assert comment_title(comment + "\n[network]\nname = 'x'\n") == title
    assert comment_title("[network]\n" + comment) is None  # a comment below a table is no title


# ---- one column: col_{k+1} --------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_column_of_a_concatenation_is_col(lang: str, tmp_path: Path) -> None:
    """xigua's cascade printed ``\\operatorname{cols}_{d + 1 \\ldots d + 1}`` for the one column
    its hidden unit occupies: now ``\\operatorname{col}_{k + 1}``, and ``derive check`` reads the
    printed formula back as right (and the column before it as wrong)."""
    md = _md(APPEND, lang)
    assert r"\operatorname{cols}_{k + 1 \ldots k + 1}" not in md
    line = next(x for x in md.splitlines() if x.startswith(r"\delta_{s} = "))
    assert line.startswith(r"\delta_{s} = \operatorname{col}_{k + 1}\left(")
    formula = line.split(" = ", 1)[1]
    assert _check(tmp_path, APPEND, "s", formula).returncode == 0
    wrong = formula.replace(r"\operatorname{col}_{k + 1}", r"\operatorname{col}_{k}", 1)
    assert _check(tmp_path, APPEND, "s", wrong).returncode == 1


# ---- column-major weights ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_column_major_weight_is_not_blamed_through_another(lang: str) -> None:
    """bahdanau_colmajor's v: "Blame flows back through the weights W: each entry of v collects
    the blame of every unit of e it feeds" — v is the weights there, W sits inside the other
    factor. Now the weight's sentence: the blame of the unit it feeds times the input it
    carried (the formula ``tanh(A q + B K) δ_s^T``)."""
    md = _md(COLMAJOR, lang)
    section = next(s for s in md.split("\n### ") if r"{\partial u}$" in s.split("\n", 1)[0])
    words = next(p for p in section.split("\n\n") if p.startswith(("**In words.**", "**这一步在做什么**")))
    through = {"en": "through the weights $A$", "zh": "经由权重 $A$"}[lang]
    assert through not in words
    assert r"\tanh\left(A \thinspace q + B \thinspace K\right) \thinspace \delta_{s}^{\top}" in words
    assert {"en": "the input", "zh": "输入"}[lang] in words


# ---- no double negative -----------------------------------------------------------------------


def test_a_negative_numerator_is_signed_in_front(tmp_path: Path) -> None:
    """d2l's softmax written out: its one formula had
    ``-\\frac{-\\frac{1}{batch} …}{partition^{2}}``. A fraction whose numerator is a negative
    product is printed with its sign in front (so −(−a)/b is +a/b), and the printed formula is
    still ∂loss/∂V (``derive check`` exit 0)."""
    md = _md(WRITTEN_SOFTMAX, "en")
    assert r"-\frac{-" not in md and r"\frac{-\frac" not in md
    start = md.index(r"\begin{aligned}\frac{\partial \mathrm{loss}}{\partial V} &= ")
    block = md[start : md.index(r"\end{aligned}", start)]
    formula = block.split("&= ", 1)[1].replace(r"\\ &\quad", " ").replace(r"\left.", "").replace(r"\right.", "")
    run = _check(tmp_path, WRITTEN_SOFTMAX, "V", formula)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_printer_signs_only_a_product() -> None:
    from derive.engine.mform import _minus_product

    assert _minus_product(r"-\frac{1}{m} \frac{y}{p}")
    assert _minus_product(r"-\left(a - b\right) c")
    assert not _minus_product(r"-a + b")
    assert not _minus_product(r"a - b")


# ---- two slip matrices on one line ------------------------------------------------------------


def test_two_displays_a_little_wider_than_the_line_share_it() -> None:
    """The averaging slip's two matrices (no 1/n, (1/n)²), each about half the line, took a
    line each; a pair up to 10 % wider than the line shares it (shrunk), three do not."""
    from types import SimpleNamespace

    from derive.engine import printing
    from derive.render.environment import PART_GAP, PART_LINE, _part_rows

    row = r"-0.3432213 & 0.1192652 & 0.2239560"
    value = r"\begin{bmatrix} " + r" \\ ".join([row] * 4) + r" \end{bmatrix}"
    v = SimpleNamespace(lhs=r"\frac{\partial L}{\partial W_{\text{a}}}\big|_{\text{no}\ 1/n}", rel=r"\approx", value=value)
    wide = printing.display_width(f"{v.lhs} {v.rel} {value}")
    assert PART_LINE < 2 * wide + PART_GAP <= 1.1 * PART_LINE
    assert [len(r) for r in _part_rows([v, v])] == [2]
    assert [len(r) for r in _part_rows([v, v, v])] == [2, 1]


# ---- a leaky ReLU written with np.maximum -----------------------------------------------------

# held out: CS231n's leaky ReLU, np.maximum(z, a * z) (the slope second), a sigmoid output
LEAKY = """
[network]
name = "leaky-max"
[dims]
m = 2
k = 2
[inputs]
x = ["m", "k"]
y = ["m", 1]
[params]
W = ["k", "k"]
w2 = ["k", 1]
[forward]
z = "x @ W"
a = "np.maximum(z, 0.2 * z)"
p = "1 / (1 + np.exp(-(a @ w2)))"
J = "-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))"
[values]
x = [[1, -2], [0.5, 1]]
y = [[1], [0]]
W = [[0.5, -1], [0.3, 0.4]]
w2 = [[1], [-0.5]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_leaky_relu_written_with_maximum_is_taught_as_one(lang: str) -> None:
    """``np.maximum(0.1 * z, z)`` was read as (a + b)/2 + |a − b|/2 and printed
    ``h = 11/20 z + 1/2 |−9/10 z|``, its gradient through sign(−9/10 z) ("the slope of |x| is
    the sign of x"): now a leaky ReLU of slope 0.2, its gradient δ_a ⊙ (1[z > 0] + 0.2·1[z ≤ 0]),
    the numbers PyTorch's."""
    torch = pytest.importorskip("torch")
    md = _md(LEAKY, lang)
    assert r"\left|" not in md and r"\operatorname{sign}" not in md
    assert r"a &= \operatorname{LeakyReLU}_{\frac{1}{5}}\left(z\right)" in md
    assert r"\mathbf{1}\left[z > 0\right] + \frac{1}{5} \thinspace \mathbf{1}\left[z \le 0\right]" in md
    x = torch.tensor([[1, -2], [0.5, 1]], dtype=torch.float64)
    y = torch.tensor([[1.0], [0.0]], dtype=torch.float64)
    W = torch.tensor([[0.5, -1], [0.3, 0.4]], dtype=torch.float64, requires_grad=True)
    w2 = torch.tensor([[1.0], [-0.5]], dtype=torch.float64, requires_grad=True)
    z = x @ W
    p = torch.sigmoid(torch.maximum(z, 0.2 * z) @ w2)
    (-(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()).backward()
    shown = md[md.index(r"\frac{\partial J}{\partial W} \approx \begin{bmatrix}"):].split(r"\end{bmatrix}")[0]
    numbers = [float(t) for t in shown.split(r"\begin{bmatrix}")[1].replace(r"\\", "&").split("&")]
    assert numbers == pytest.approx(W.grad.flatten().tolist(), abs=6e-8)


def test_a_leaky_maximum_at_its_tie_is_refused(tmp_path: Path) -> None:
    """At z = 0 torch.maximum gives each side half (0.6 here), leaky_relu the slope (0.2):
    given values exactly there are refused (exit 2), naming the leaky ReLU to write instead."""
    spec = tmp_path / "tie.toml"
    spec.write_text(LEAKY.replace("W = [[0.5, -1], [0.3, 0.4]]", "W = [[0.5, -1], [0.25, 0.5]]"))
    for lang, words in (("en", "leaky_relu(x, k)"), ("zh", "leaky_relu(x, k)")):
        run = subprocess.run(
            [sys.executable, "-m", "derive", "verify", str(spec), "--no-torch", "--lang", lang],
            capture_output=True, text=True, timeout=600, cwd=ROOT,
        )
        assert run.returncode == 2 and words in run.stderr and "Traceback" not in run.stderr


# ---- what a paragraph names -------------------------------------------------------------------


def _words(md: str, head: str) -> str:
    """The "in words" paragraph of the backward step whose heading holds ``head``."""
    section = next(s for s in md.split("\n### ") if head in s.split("\n", 1)[0])
    return next(p for p in section.split("\n\n") if p.startswith(("**In words.**", "**这一步在做什么**")))


# held out: a decoder's vocabulary layer written inline in a log-softmax, NLL of the targets
VOCAB = """
[network]
name = "vocab-inline"
[dims]
b = 2
h = 3
V = 4
[inputs]
H = ["b", "h"]
yi = ["b"]
[params]
U = ["h", "h"]
Wv = ["h", "V"]
[forward]
O = "torch.tanh(H @ U)"
logp = "F.log_softmax(O @ Wv, dim=-1)"
loss = "-logp.gather(1, yi.unsqueeze(-1)).sum()"
[values]
yi = [3, 1]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_row_coupling_names_the_scores_not_the_weights(lang: str) -> None:
    """cs224n's NMT: "Log-softmax couples the entries of a row: each entry of W_vocab gets its
    own blame minus its probability times the total blame of its row" — the rows coupled are
    those of the scores O W_vocab, not W_vocab's (nor O's). (Wv prints W_{v} since round 35.)"""
    md = _md(VOCAB, lang)
    for head in (r"{\partial W_{v}}$", r"$\delta_{O}$"):
        words = _words(md, head)
        # the second time in its short form (handread20: said once in full), naming the scores
        assert {"en": ("each entry of $O \\thinspace W_{v}$ gets its own blame",
                       "couples the entries of each row of $O \\thinspace W_{v}$"),
                "zh": ("$O \\thinspace W_{v}$ 的每个元素得到它自己的责任",
                       "把 $O \\thinspace W_{v}$ 同一行的元素耦合")}[lang][head != r"{\partial W_{v}}$"] in words
        for name in (r"$W_{v}$", "$O$"):
            assert {"en": f"each entry of {name} gets", "zh": f"{name} 的每个元素得到"}[lang] not in words


# held out: contrastive similarities of two projected views, a Gram matrix of the stacked rows
GRAM = """
[network]
name = "gram-views"
[dims]
n = 2
d = 3
p = 2
[inputs]
a1 = ["n", "d"]
a2 = ["n", "d"]
t = [4]
[params]
P = ["d", "p"]
[constants]
temp = 0.5
[forward]
z = "torch.cat([a1 @ P, a2 @ P], dim=0)"
s = "z @ z.T / temp"
loss = "F.cross_entropy(s, t)"
[values]
a1 = [[0.5, -1.0, 0.8], [1.2, 0.3, -0.4]]
a2 = [[0.6, -0.7, 1.0], [0.9, 0.5, -0.2]]
t = [2, 3, 0, 1]
P = [[0.4, -0.3], [0.1, 0.8], [-0.6, 0.2]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_gram_matrix_and_stacked_pieces_say_what_they_are(lang: str) -> None:
    """SimCLR's NT-Xent: δ_z was "Blame flows back through the weights 1" (z @ z.T has no
    weights), and ∂/∂W said "W is stacked on top of other tensors" (x1 W and x2 W are). Now:
    z sits in both factors of its own Gram matrix, and the stacked pieces are named."""
    md = _md(GRAM, lang)
    dz = _words(md, r"$\delta_{z}$")
    assert {"en": "through the weights $1$", "zh": "经由权重 $1$"}[lang] not in dz
    assert {"en": "$s$ is a product of $z$ with its own transpose",
            "zh": "$s$ 是 $z$ 与它自身转置的乘积"}[lang] in dz
    dP = _words(md, r"{\partial P}$")
    pieces = r"$a_{1} \thinspace P, a_{2} \thinspace P$"  # views, not layers (handread20)
    assert pieces in dP
    assert {"en": "$P$ side by side", "zh": "$P$ 与其他张量"}[lang] not in dP
    assert {"en": "stacks $P$", "zh": "$P$ 与其他张量上下堆叠"}[lang] not in dP


# held out: a multiclass hinge (Crammer-Singer), two gradients straight from its mean
HINGE = """
[network]
name = "hinge-cs"
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
S = "X @ W"
own = "np.sum(S * Y, axis=1, keepdims=True)"
rival = "np.max(S + (1 - Y), axis=1, keepdims=True)"
L = "np.mean(np.maximum(0, rival - own))"
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_mean_sentence_is_said_once(lang: str) -> None:
    """Two gradients come straight from the loss (the rival's and the true class's score):
    "The loss is a mean over N = 3 rows (examples), so every share carries the factor 1/N…" was
    said in both paragraphs; now once, in the first."""
    md = _md(HINGE, lang)
    said = {"en": "The loss is a mean over $N = 3$ rows (examples)", "zh": "损失是对 $N = 3$ 行（样本）取平均"}[lang]
    assert md.count(said) == 1


# held out: a layer norm written in JAX's words, its mean subtracted inside the scaled factor
LAYERNORM = """
[network]
name = "ln-rsqrt"
[dims]
n = 2
d = 3
[inputs]
x = ["n", "d"]
y = ["n", "d"]
[params]
A = ["d", "d"]
[forward]
h = "jnp.tanh(x @ A)"
mu = "jnp.mean(h, axis=-1, keepdims=True)"
var = "jnp.var(h, axis=-1, keepdims=True)"
hn = "(h - mu) * jax.lax.rsqrt(var + 1e-5)"
loss = "jnp.mean((hn - y) ** 2)"
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_subtracted_mean_is_not_multiplied(lang: str) -> None:
    """JAX's layer norm: "hn multiplies μ by other factors" — μ is subtracted inside the factor
    (h − μ) that is multiplied by rsqrt(var + ε). Now the sentence of a term inside a factor,
    with its sign."""
    words = _words(_md(LAYERNORM, lang), r"$\delta_{\mu}$")
    assert {"en": r"$\mathrm{hn}$ multiplies $\mu$", "zh": r"$\mathrm{hn}$ 把 $\mu$ 与其他因子相乘"}[lang] not in words
    assert {"en": r"$\mu$ enters $\mathrm{hn}$ inside a sum or difference that is then multiplied",
            "zh": r"$\mu$ 位于 $\mathrm{hn}$ 中一个先求和或求差、再参与相乘的式子里"}[lang] in words


# held out: a ReLU layer read through a normalisation, the output weights after the ReLU inline
RELU_INLINE = """
[network]
name = "relu-inline"
[dims]
n = 4
d = 3
c = 2
[inputs]
x = ["n", "d"]
y = { shape = ["n", "c"], kind = "one-hot" }
[params]
A = ["d", "d"]
B = ["d", "c"]
[forward]
h = "x @ A"
logits = "torch.relu(h) @ B"
loss = "F.cross_entropy(logits, y.argmax(dim=1))"
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_missing_transpose_names_the_factor_as_written(lang: str) -> None:
    """TF's batch norm: "B needs ReLU(hn)ᵀ δ. Without the transpose, hn δ multiplies…" — the
    factor is ReLU(h), as the right formula writes it."""
    md = _md(RELU_INLINE, lang)
    item = next(p for p in md.split("\n\n") if p.startswith(("**A missing transpose.**", "**漏掉转置**")))
    assert r"\operatorname{ReLU}\left(h\right) \thinspace \delta_{\mathrm{logits}}" in item
    assert r"$h \thinspace \delta_{\mathrm{logits}}$" not in item


# ---- a bias's one formula named after its weight's, through an inline ReLU ---------------------


def test_a_bias_after_an_inline_relu_names_the_weights_formula(tmp_path: Path) -> None:
    """CMU 10-414's residual block: ∂loss/∂b_b's one formula was written out again, four lines,
    although it is ∂loss/∂W_b's with ReLU(hn)ᵀ → 𝟙ᵀ (W_b multiplies ReLU(hn), written inline).
    Now named; the substitution made by hand in W_b's printed formula is b_b's gradient
    (``derive check`` exit 0)."""
    spec = ROOT / "tests" / "specs_course" / "hn20_cmu10414_hw2_residual_block.toml"
    md = _md(spec.read_text("utf-8"), "en")
    said = (r"the formula of $\frac{\partial \mathrm{loss}}{\partial W_{\text{b}}}$ above with "
            r"$\operatorname{ReLU}\left(\mathrm{hn}\right) \to \mathbf{1}$")
    if said not in md:
        # since handread20 (δ_logits tidied) b_b's one formula fits a row of the page: written
        # out, where naming it would be no shorter
        from derive.engine.printing import ROW_WIDTH, display_width
        start = md.index(r"\frac{\partial \mathrm{loss}}{\partial b_{\text{b}}} &= \mathbf{1}^{\top}")
        shown = md[start : md.index(r"\end{aligned}", start)].split("&= ", 1)[1]
        shown = shown.replace(r"\\ &\quad", " ").replace(r"\left.", "").replace(r"\right.", "")
        assert display_width(shown) <= ROW_WIDTH
    start = md.index(r"\begin{aligned}\frac{\partial \mathrm{loss}}{\partial W_{\text{b}}} &= ")
    block = md[start : md.index(r"\end{aligned}", start)]
    formula = block.split("&= ", 1)[1].replace(r"\\ &\quad", " ").replace(r"\left.", "").replace(r"\right.", "")
    head = r"\left(\operatorname{ReLU}\left(\mathrm{hn}\right)\right)^{\top}"
    assert formula.startswith(head)
    run = _check(tmp_path, spec.read_text("utf-8"), "b_b", r"\mathbf{1}^{\top}" + formula[len(head):])
    assert run.returncode == 0, run.stdout + run.stderr


# held out: an output gate times tanh of the cell (c inside a function, not a sum)
GATED = """
[network]
name = "gated-cell"
[dims]
n = 2
k = 2
[inputs]
x = ["n", "k"]
y = ["n", "k"]
[params]
A = ["k", "k"]
B = ["k", "k"]
[forward]
o = "1 / (1 + np.exp(-(x @ A)))"
c = "x @ B"
h = "o * np.tanh(c)"
loss = "np.mean((h - y) ** 2)"
"""


def test_a_term_inside_a_function_is_not_inside_a_sum() -> None:
    """``h = o * tanh(c)``: c is inside tanh, not in a sum that is multiplied — the sentence of
    item 5 must not be said of it (nor of the factor o)."""
    md = _md(GATED, "en")
    assert "inside a sum or difference" not in md
    assert r"$h$ multiplies $o$ by $\tanh\left(c\right)$" in md or r"$h$ multiplies $o$" in md
