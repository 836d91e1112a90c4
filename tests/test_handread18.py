"""Handouts a lecturer hands out unchanged, pass 18 (issues 12 and 9): the handouts derive writes
for networks a user brings, read side by side with the course notes they come from. A mean written
out as courses write it (CS229's ``J = -np.mean(y log h + (1 - y) log(1 - h))``, d2l's
``-log(…).mean()``) gets the averaging-factor mistake and the "1/m" sentence a loss call gets;
statistics of a row (a layer norm's mean and variance, a softmax's row sum) are not called batch
statistics; a tensor broadcast over its row is not "added to every entry"; a penalty's share of a
weight is not where "the blame starts"; a size's name is printed in a formula as in the tables
(``\\mathrm{batch}``, not the italic product b·a·t·c·h); d2l's ``lambd`` is λ.
Each asserted on built text (Markdown, en and zh) of specs written here (held out), numbers
against PyTorch autograd (float64)."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

torch = pytest.importorskip("torch")

# held out: logistic regression as Ng / CS229 write it in NumPy, names and sizes of its own
LOGREG = """
[network]
name = "ng-logreg"
[dims]
N = 3
D = 2
[inputs]
X = ["N", "D"]
y = ["N", 1]
[params]
w = ["D", 1]
b = [1, 1]
[forward]
p = "1 / (1 + np.exp(-(X @ w + b)))"
cost = "-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))"
[values]
X = [[1, -2], [0.5, 1], [-1, 0.25]]
y = [[1], [0], [1]]
w = [[0.3], [-0.2]]
b = [[0.1]]
"""

# held out: a softmax classifier with its cross-entropy written out after the softmax
SOFTCE = """
[network]
name = "softce"
[dims]
batch = 3
n_out = 3
f = 2
[inputs]
X = ["batch", "f"]
Y = { shape = ["batch", "n_out"], kind = "one-hot" }
[params]
V = ["f", "n_out"]
[forward]
S = "X @ V"
E = "np.exp(S)"
Zs = "np.sum(E, axis=1, keepdims=True)"
P = "E / Zs"
loss = "-np.mean(np.log(np.sum(P * Y, axis=1)))"
[values]
X = [[1, -0.5], [0.25, 2], [-1, 1]]
Y = [[0, 1, 0], [1, 0, 0], [0, 0, 1]]
V = [[0.2, -0.3, 0.5], [0.1, 0.4, -0.2]]
"""

# held out: a layer norm (statistics over each row) before a half sum of squares
ROWNORM = """
[network]
name = "rownorm"
[dims]
r = 2
c = 3
[inputs]
U = ["r", "c"]
goal = ["r", "c"]
[params]
A = ["c", "c"]
g = [1, "c"]
[constants]
eps = 0.001
[forward]
H = "U @ A"
mu = "H.mean(-1, keepdim=True)"
v = "((H - mu) ** 2).mean(-1, keepdim=True)"
out = "(H - mu) / torch.sqrt(v + eps) * g"
loss = "0.5 * ((out - goal) ** 2).sum()"
[values]
U = [[1, -0.5, 2], [0.25, 1.5, -1]]
goal = [[0.5, -1, 0], [1, 0, -0.5]]
A = [[0.3, -0.2, 0.1], [0.4, 0.2, -0.3], [-0.1, 0.5, 0.2]]
g = [[1, 0.5, -1]]
"""

# held out: d2l's weight decay on a one-layer regression, the penalty beside a mean
DECAY = """
[network]
name = "decay1"
[dims]
n = 3
k = 2
[inputs]
X = ["n", "k"]
t = ["n", 1]
[params]
W = ["k", 1]
c = [1, 1]
[constants]
lambd = 0.5
[forward]
o = "np.tanh(X @ W + c)"
l = "(o - t) ** 2 / 2"
loss = "l.mean() + lambd * np.sum(W ** 2) / 2"
[values]
X = [[1, 2], [-1, 0.5], [0.5, -1]]
t = [[0.5], [-0.5], [0]]
W = [[0.4], [-0.3]]
c = [[0.2]]
"""

# held out: a bias inside a library loss beside the data — no penalty
NOPENALTY = """
[network]
name = "nopen"
[dims]
n = 3
k = 2
[inputs]
X = ["n", "k"]
t = ["n", 1]
[params]
W = ["k", 1]
c = [1, 1]
[forward]
loss = "F.mse_loss(X @ W + c, t)"
"""

AVERAGING = {"en": "**The averaging factor, missing or twice.**", "zh": "**漏掉或多乘了求平均的因子**"}
BATCH_STATS = {"en": "**The batch statistics treated as constants.**", "zh": "**把批量统计量当作常数**"}
ROW_STATS = {"en": "**Statistics of a row treated as constants.**", "zh": "**把一行的统计量当作常数**"}
MEAN_WORDS = {"en": "The loss is a mean over $N = 3$ rows (examples)", "zh": "损失是对 $N = 3$ 行（样本）取平均"}
ADDED = {"en": "is added to every entry of", "zh": "加到 $\\hat{y}$ 的每个元素上"}
ONE_PER_ROW = {"en": "has one entry per row, used across the whole row of $P$", "zh": "每行只有一个元素，用于 $P$ 的整行"}
NO = {"en": "\\text{no}", "zh": "\\text{不含}"}
STARTS = {"en": "The blame starts here", "zh": "“责任”从这里开始分摊"}
PENALTY = {"en": "The share of the penalty term does not come from the data", "zh": "惩罚项的那一份不来自数据"}


def _derivation(source: str):
    from derive.engine.backprop import derive
    from derive.lang import spec

    return derive(spec.parse(source) if "\n" in source else spec.load(source))


@functools.cache
def _md(source: str, lang: str) -> str:
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = _derivation(source)
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs())
    return render.render("md/walkthrough.md.j2", w, lang)


def _paragraph(md: str, start: str) -> str:
    found = [p for p in md.split("\n\n") if p.startswith(start)]
    assert len(found) == 1, f"the handout must show {start!r} once"
    return found[0]


def _number(text: str) -> float:
    text = text.strip().replace("\\left(", "").replace("\\right)", "")
    m = re.fullmatch(r"(-?[\d.]+) \\times 10\^\{(-?\d+)\}", text)
    return float(m.group(1)) * 10 ** int(m.group(2)) if m else float(text)


def _matrix(md: str, lhs: str, after: str) -> list[list[float]]:
    """The numbers of the display ``lhs ≈ [matrix]`` that follows the text ``after``."""
    start = md.index(after)
    at = md.index(lhs, start)
    body = md[at:].split("\\begin{bmatrix}", 1)[1].split("\\end{bmatrix}", 1)[0]
    return [[_number(x) for x in row.split("&")] for row in body.split("\\\\")]


def _close(got: list[list[float]], want, tol: float = 6e-7) -> None:
    want = [[float(x) for x in row] for row in want.tolist()]
    assert len(got) == len(want) and all(len(a) == len(b) for a, b in zip(got, want, strict=True))
    for a, b in zip(sum(got, []), sum(want, []), strict=True):
        assert abs(a - b) <= tol * max(1.0, abs(b)), (got, want)


def _t(rows) -> torch.Tensor:
    return torch.tensor(rows, dtype=torch.float64)


# ---- a mean written out: the averaging mistake and the 1/m sentence ---------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_written_out_mean_gets_the_averaging_mistake(lang: str) -> None:
    """CS229's J(θ) = −mean(y log h + (1 − y) log(1 − h)) written in NumPy had no "Common
    mistakes" section at all (only a loss *call* was seen to average): now the averaging slip
    with its numbers — N times the gradient without the 1/N, 1/N of it with the factor twice —
    checked against PyTorch autograd."""
    X = _t([[1, -2], [0.5, 1], [-1, 0.25]])
    y = _t([[1], [0], [1]])
    w = _t([[0.3], [-0.2]]).requires_grad_()
    b = _t([[0.1]]).requires_grad_()
    p = torch.sigmoid(X @ w + b)
    (-(y * torch.log(p) + (1 - y) * torch.log(1 - p)).mean()).backward()
    md = _md(LOGREG, lang)
    words = _paragraph(md, AVERAGING[lang])
    assert "N = 3" in words and r"\frac{1}{N} = \frac{1}{3}" in words
    grad = "\\frac{\\partial \\mathrm{cost}}{\\partial w}"
    _close(_matrix(md, grad + f"\\big|_{{{NO[lang]}\\ 1/N}}", AVERAGING[lang]), w.grad * 3)
    _close(_matrix(md, grad + "\\big|_{(1/N)^{2}}", AVERAGING[lang]), w.grad / 3)
    assert MEAN_WORDS[lang] in md  # said where the blame starts, as for a loss call


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_written_out_cross_entropy_averages_over_rows(lang: str) -> None:
    """d2l's −log(Σ_j ŷ_ij y_ij).mean() after a written-out softmax: a mean over the batch's
    rows (3), not over the 9 entries of P; the numbers without the 1/batch are PyTorch's × 3."""
    X = _t([[1, -0.5], [0.25, 2], [-1, 1]])
    Y = _t([[0, 1, 0], [1, 0, 0], [0, 0, 1]])
    V = _t([[0.2, -0.3, 0.5], [0.1, 0.4, -0.2]]).requires_grad_()
    (-torch.log((torch.softmax(X @ V, dim=1) * Y).sum(1)).mean()).backward()
    md = _md(SOFTCE, lang)
    words = _paragraph(md, AVERAGING[lang])
    assert r"\mathrm{batch} = 3" in words and r"\frac{1}{9}" not in words
    grad = "\\frac{\\partial \\mathrm{loss}}{\\partial V}"
    _close(_matrix(md, grad + f"\\big|_{{{NO[lang]}\\ 1/\\mathrm{{batch}}}}", AVERAGING[lang]), V.grad * 3)


# ---- statistics of a row are not the batch's ---------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_row_statistics_are_not_called_batch_statistics(lang: str) -> None:
    """A layer norm's μ and variance (over each row) and a softmax's row sum were "computed
    from the whole batch" / 「由整个批量算出」. They are computed from a row; the matrix of the
    slip is PyTorch's gradient with them detached (treated as constants)."""
    U = _t([[1, -0.5, 2], [0.25, 1.5, -1]])
    goal = _t([[0.5, -1, 0], [1, 0, -0.5]])
    A = _t([[0.3, -0.2, 0.1], [0.4, 0.2, -0.3], [-0.1, 0.5, 0.2]]).requires_grad_()
    g = _t([[1, 0.5, -1]])
    H = U @ A
    mu = H.mean(-1, keepdim=True).detach()
    v = ((H - mu) ** 2).mean(-1, keepdim=True).detach()
    out = (H - mu) / torch.sqrt(v + 0.001) * g
    (0.5 * ((out - goal) ** 2).sum()).backward()
    md = _md(ROWNORM, lang)
    assert BATCH_STATS[lang] not in md
    assert r"\mu, v" in _paragraph(md, ROW_STATS[lang])
    _close(_matrix(md, "\\big|_{", ROW_STATS[lang]), A.grad)  # |_const, 视为常数
    soft = _md(SOFTCE, lang)
    assert BATCH_STATS[lang] not in soft
    assert r"\mathrm{Zs}" in _paragraph(soft, ROW_STATS[lang])


def test_batch_statistics_keep_their_words() -> None:
    """batchnorm's mean and variance are over the batch: the words stay."""
    md = _md("batchnorm", "en")
    assert BATCH_STATS["en"] in md and ROW_STATS["en"] not in md


# ---- a tensor broadcast over its row ----------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_row_divisor_is_not_added_to_every_entry(lang: str) -> None:
    """The softmax's row sum Zs divides P row by row; its step said "Zs is added to every entry
    of P, so its gradient is the sum of all the blame of P" — neither added nor a sum of all.
    Each entry of its gradient sums the shares of its own row."""
    md = _md(SOFTCE, lang)
    start = {"en": "**In words.**", "zh": "**这一步在做什么**"}[lang]
    words = [p for p in md.split("\n\n") if p.startswith(start) and r"\mathrm{Zs}" in p.split("。")[0]]
    assert any(ONE_PER_ROW[lang] in p for p in words)
    assert "is added to every entry of" not in md and "的每个元素上，所以它的梯度是" not in md
    rownorm = _md(ROWNORM, lang)
    assert "is added to every entry of" not in rownorm
    assert {"en": "has one entry per row", "zh": "每行只有一个元素"}[lang] in rownorm


# ---- a penalty's share ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_penalty_share_is_not_where_the_blame_starts(lang: str) -> None:
    """d2l's ``l.mean() + lambd * sum(W ** 2) / 2``: W's step said "The blame starts here:
    ∂loss/∂W is how much the loss changes…" and then the power rule — of a weight in the middle
    of the backward pass. Now the penalty's share is named as such, with λW; the blame starts
    at the data term only. A bias inside the data loss is no penalty."""
    md = _md(DECAY, lang)
    start = {"en": "**In words.**", "zh": "**这一步在做什么**"}[lang]
    paragraphs = [p for p in md.split("\n\n") if p.startswith(start)]
    assert sum(STARTS[lang] in p for p in paragraphs) == 1  # δ_l only
    weight = [p for p in paragraphs if PENALTY[lang] in p]
    assert len(weight) == 1 and STARTS[lang] not in weight[0]
    assert r"\lambda \cdot W" in weight[0]
    assert PENALTY[lang] not in _md(NOPENALTY, lang)


# ---- names in formulas as in the tables ---------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_size_names_print_as_in_the_tables(lang: str) -> None:
    """``-\\frac{1}{batch}`` (italic b·a·t·c·h) in the loss line and ``\\mathbf{1}_{batch \\times
    n_{out}}`` in a backward step, beside ``\\mathrm{batch}`` and ``n_{\\text{out}}`` in the
    shape tables: one spelling."""
    md = _md(SOFTCE, lang)
    assert r"\frac{1}{batch}" not in md and r"{batch \times" not in md
    assert r"\mathrm{loss} &= -\frac{1}{\mathrm{batch}}" in _section(md, 1)
    assert r"\mathbf{1}_{\mathrm{batch} \times n_{\text{out}}}" in md
    assert r"\mathrm{batch} \times n_{\text{out}}" in _section(md, 1)  # the shape table


def test_d2ls_lambd_is_lambda() -> None:
    """d2l writes λ as ``lambd`` (``lambda`` is a Python keyword): printed λ, as ``lam`` is."""
    md = _md(DECAY, "en")
    assert r"\mathrm{lambd}" not in md and r"\lambda" in _section(md, 1)


def _section(md: str, number: int) -> str:
    begin = md.index(f"\n## {number}. ")
    end = md.find("\n## ", begin + 1)
    return md[begin : end if end > 0 else len(md)]


# ---- a layer written inline; a concatenation's side ------------------------------------------

# held out: a two-layer network whose hidden layer is written inline
INLINE = """
[network]
name = "inline2"
[dims]
q = 3
i = 2
j = 3
[inputs]
X = ["q", "i"]
T = ["q", 1]
[params]
A = ["i", "j"]
B = ["j", 1]
[forward]
out = "np.tanh(X @ A) @ B"
loss = "np.sum((out - T) ** 2)"
"""

# held out: a cascade-style input joined side by side, and two projections stacked as rows
JOINED = """
[network]
name = "joined"
[dims]
m = 3
d = 2
[inputs]
X = ["m", "d"]
U = ["m", "d"]
y = ["2 * m", 1]
[params]
w = ["d", 1]
v = ["d + 1", 1]
P = ["d", 1]
[forward]
h = "torch.sigmoid(X @ w)"
s = "torch.cat((X, h), dim=1) @ v"
z = "torch.cat((s, U @ P), dim=0)"
loss = "F.mse_loss(z, y)"
"""

WORDS = {"en": "**In words.**", "zh": "**这一步在做什么**"}


def _words_of(md: str, heading: str) -> str:
    """The "in words" paragraph of the step headed ``heading`` (its LaTeX)."""
    at = md.index(f" ${heading}$\n")
    return next(p for p in md[at:].split("\n\n") if p.startswith(("**In words.**", "**这一步在做什么**")))


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_inline_layers_weight_is_not_each_entry_collecting_blame(lang: str) -> None:
    """``tanh(X A) B``: A's step said "Blame flows back through the weights B: each entry of A
    collects the blame of every unit of out it feeds …" (the hidden units do, not A) and wrote
    the same formula twice in one paragraph. The blame reaches the hidden units inside out; the
    formula is said once, by the weight's sentence."""
    md = _md(INLINE, lang)
    words = _words_of(md, r"\frac{\partial \mathrm{loss}}{\partial A}")
    assert {"en": "each entry of $A$ collects", "zh": "$A$ 的每个元素收集"}[lang] not in words
    assert {"en": "to the hidden units computed inside", "zh": "内部算出的隐藏单元"}[lang] in words
    formulas = re.findall(r"\$([^$]*X\^\{\\top\}[^$]*)\$", words)
    assert len(formulas) == 1, formulas


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_concatenation_says_its_side(lang: str) -> None:
    """"ŷ places h side by side (or on top of) other tensors … the rows or columns it occupies":
    the call says which — torch.cat(…, dim=1) side by side, its columns; dim=0 stacked, its
    rows — and a concatenation inside a node's formula is not the node."""
    md = _md(JOINED, lang)
    assert {"en": "(or on top of)", "zh": "并排（或上下）"}[lang] not in md
    h = _words_of(md, r"\delta_{h}")
    assert {"en": "Inside $s$, a concatenation places $h$ side by side", "zh": "在 $s$ 的算式中，$h$ 与其他张量左右并排"}[lang] in h
    assert {"en": "block of columns", "zh": "那几列"}[lang] in h
    s = _words_of(md, r"\delta_{s}")
    assert {"en": "$z$ stacks $s$ on top of", "zh": "$z$ 把 $s$ 与其他张量上下堆叠"}[lang] in s
    assert {"en": "block of rows", "zh": "那几行"}[lang] in s


# ---- y ⊙ (1/h) written y/h --------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_quotient_is_written_as_courses_write_it(lang: str, tmp_path) -> None:
    """CS229's ∂J/∂h was printed −(1/N) y ⊙ (1/p) + (1/N)(1 − y) ⊙ (1/(1 − p)): a fraction in
    parentheses times the numerator. Written −(1/N) y/p + (1/N)(1 − y)/(1 − p), and
    ``derive check`` takes the printed formula back as right (exit 0)."""
    import subprocess
    import sys

    md = _md(LOGREG, lang)
    line = next(x for x in md.splitlines() if x.startswith(r"\delta_{p} = "))
    assert r"\left(\frac{1}{" not in line and r"\odot" not in line
    assert line == r"\delta_{p} = -\frac{1}{N} \frac{y}{p} + \frac{1}{N} \frac{1 - y}{1 - p}"
    spec = tmp_path / "ng.toml"
    spec.write_text(LOGREG)
    formula = line.split(" = ", 1)[1]
    run = subprocess.run(
        [sys.executable, "-m", "derive", "check", str(spec), "--wrt", "p", formula],
        capture_output=True, text=True, timeout=600,
        cwd=Path(__file__).resolve().parent.parent,  # this tree's derive
    )
    assert run.returncode == 0, run.stdout + run.stderr
