"""Handouts a lecturer hands out unchanged, pass 20 (issues 12 and 9): the handouts derive writes
for networks a user brings, and handread19's leftovers. A title's "&" is "&" in the raw Markdown;
one piece of a concatenation is set "side by side with the other blocks"; a block's bound is
``2k``, not ``k + k``; a product names its other factor, a tensor in several multiplied terms of
a sum says so; inputs and nodes numbered side by side (``x1, x2`` of a Siamese network) are not
layers; a product too wide for a shape table's name cell is "the product"; a hinge's max(0, ·) is
not called a ReLU; ``(−(1/m) 𝟙)ᵀ ⊙ y`` is ``−(1/m) y``; log-softmax's coupling is said once in
full. Each asserted on built text (Markdown, en and zh) of specs written here (held out)."""

from __future__ import annotations

import functools
import re

import pytest

# held out: two towers whose embeddings are concatenated, one logistic unit; an "&" in the title
TOWERS = """# Two towers (user & item): a quiz on concatenated embeddings
[network]
name = "two-towers"
[dims]
m = 3
a = 2
b = 3
k = 2
[inputs]
u = ["m", "a"]
v = ["m", "b"]
y = ["m", 1]
[params]
P = ["a", "k"]
Q = ["b", "k"]
w = ["2*k", 1]
[forward]
s = "np.concatenate([u @ P, v @ Q], axis=1) @ w"
p = "1 / (1 + np.exp(-s))"
J = "-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))"
[values]
u = [[1, 0], [0, 1], [1, 1]]
v = [[0.5, -1, 0], [1, 0, 2], [0, 1, -1]]
y = [[1], [0], [1]]
P = [[0.2, -0.3], [0.4, 0.1]]
Q = [[0.1, 0.2], [-0.2, 0.3], [0.5, -0.1]]
w = [[0.3], [-0.2], [0.6], [0.1]]
"""

# held out: the towers' concatenation through a tanh layer (long products in the shape tables)
TOWERS_TANH = TOWERS.split("[params]")[0].replace("k = 2\n", "k = 2\nh = 2\n") + """[params]
P = ["a", "k"]
Q = ["b", "k"]
W = ["2*k", "h"]
w = ["h", 1]
[forward]
H = "np.tanh(np.concatenate([u @ P, v @ Q], axis=1) @ W)"
s = "H @ w"
p = "1 / (1 + np.exp(-s))"
J = "-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))"
"""

# held out: a focal loss written term by term (p_t, the modulating factor), a logistic unit
FOCAL = """
[network]
name = "focal-quiz"
[dims]
m = 3
d = 2
[inputs]
x = ["m", "d"]
t = { shape = ["m", 1], kind = "binary" }
[params]
w = ["d", 1]
[forward]
q = "1 / (1 + np.exp(-(x @ w)))"
qt = "q * t + (1 - q) * (1 - t)"
ce = "-np.log(qt)"
fl = "ce * (1 - qt) ** 2"
L = "np.mean(fl)"
[values]
x = [[1, -1], [0.5, 2], [-1, 0.5]]
t = [[1], [0], [1]]
w = [[0.3], [-0.4]]
"""

# held out: twin encoders sharing V (two views u1, u2), a distance weighted by y
TWIN = """
[network]
name = "twin"
[dims]
m = 2
d = 2
e = 2
[inputs]
u1 = ["m", "d"]
u2 = ["m", "d"]
y = ["m", 1]
[params]
V = ["d", "e"]
[forward]
a1 = "np.tanh(u1 @ V)"
a2 = "np.tanh(u2 @ V)"
L = "np.mean(np.sum((a1 - a2) ** 2, axis=1, keepdims=True) * y)"
[values]
u1 = [[1, 0.5], [-1, 2]]
u2 = [[0.5, 1], [1, -1]]
y = [[1], [0.5]]
V = [[0.3, -0.2], [0.1, 0.4]]
"""

# held out: two unrolled steps of a recurrence (x1 → h1 → h2 ← x2): steps, not views
STEPS = """
[network]
name = "two-steps"
[dims]
m = 2
d = 2
[inputs]
x1 = ["m", "d"]
x2 = ["m", "d"]
y = ["m", "d"]
[params]
U = ["d", "d"]
W = ["d", "d"]
[forward]
h1 = "np.tanh(x1 @ U)"
h2 = "np.tanh(x2 @ U + h1 @ W)"
L = "np.mean((h2 - y) ** 2)"
"""

# held out: a binary SVM's hinge on a linear score (labels ±1)
HINGE = """
[network]
name = "svm-quiz"
[dims]
m = 3
d = 2
[inputs]
X = ["m", "d"]
y = ["m", 1]
[params]
w = ["d", 1]
[forward]
L = "np.mean(np.maximum(0, 1 - y * (X @ w)))"
[values]
X = [[1, 2], [-1, 0.5], [0.5, -2]]
y = [[1], [-1], [1]]
w = [[0.2], [-0.1]]
"""

# held out: a ReLU hidden layer (an activation: its words stay "ReLU")
RELU = """
[network]
name = "relu-quiz"
[dims]
m = 2
d = 2
h = 2
[inputs]
X = ["m", "d"]
y = ["m", 1]
[params]
W = ["d", "h"]
v = ["h", 1]
[forward]
H = "np.maximum(0, X @ W)"
L = "np.mean((H @ v - y) ** 2)"
[values]
X = [[1, -1], [0.5, 2]]
y = [[1], [0]]
W = [[0.5, -0.3], [0.2, 0.4]]
v = [[1], [-1]]
"""

# held out: a softmax loss written as NumPy code writes it with 1-D row sums (needle's, CMU's)
ROWSUMS = """
[network]
name = "rowsums"
[dims]
m = 3
d = 2
k = 2
[inputs]
X = ["m", "d"]
Y = { shape = ["m", "k"], kind = "one-hot" }
[params]
W = ["d", "k"]
[forward]
Z = "X @ W"
loss = "np.mean(np.log(np.exp(Z).sum(axis=1)) - (Z * Y).sum(axis=1))"
[values]
X = [[1, -1], [0.5, 2], [-1, 0.5]]
Y = [[1, 0], [0, 1], [1, 0]]
W = [[0.3, -0.2], [0.1, 0.4]]
"""

# held out: a tanh layer under a vocabulary log-softmax (two gradients through it)
LOGSOFTMAX = """
[network]
name = "vocab"
[dims]
m = 2
d = 2
h = 2
V = 3
[inputs]
X = ["m", "d"]
Y = { shape = ["m", "V"], kind = "one-hot" }
[params]
A = ["d", "h"]
B = ["h", "V"]
[forward]
O = "torch.tanh(X @ A)"
P = "torch.log_softmax(O @ B, dim=1)"
L = "-torch.sum(P * Y) / m"
[values]
X = [[1, -1], [0.5, 2]]
Y = [[1, 0, 0], [0, 0, 1]]
A = [[0.5, -0.3], [0.2, 0.4]]
B = [[0.1, -0.2, 0.3], [0.4, 0.1, -0.5]]
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


def _words(md: str, heading: str) -> str:
    """The "in words" paragraph of the section whose heading holds ``heading``."""
    section = md.split(heading, 1)[1].split("\n### ", 1)[0]
    return next(line for line in section.splitlines() if line.startswith(("**In words.**", "**这一步")))


# ---- "&" in a title ----------------------------------------------------------------------------


def test_an_ampersand_in_a_title_is_not_an_entity_in_the_raw_markdown() -> None:
    """"(Wu & He 2018)" was printed "(Wu &amp; He 2018)" in walkthrough.md: readable only once
    rendered. "&" is literal in CommonMark unless it starts an entity, so only then escaped."""
    from derive.render.markup import md_escape

    first = _md(TOWERS, "en").splitlines()[0]
    assert first == "# Two towers (user & item)"
    assert "&amp;" not in _md(TOWERS, "en")
    # what would read as an entity stays escaped, and HTML stays inert
    assert str(md_escape("R&D &amp; <b>")) == "R&D &amp;amp; &lt;b&gt;"
    assert str(md_escape("&#38; & &x")) == "&amp;\\#38; & &x"


# ---- concatenations ----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_one_piece_of_a_concatenation_is_set_beside_the_other_blocks(lang: str) -> None:
    """"Inside s, a concatenation places u P side by side, each entry moved…": side by side with
    nothing. One piece reads P: it is set beside the other blocks, and P's share comes through it."""
    words = _words(_md(TOWERS, lang), "\\partial J}{\\partial P}")
    if lang == "en":
        assert "places $u \\thinspace P$ side by side with the other blocks" in words
        assert "side by side, each entry" not in words
    else:
        assert "$u \\thinspace P$ 与其他块左右并排拼接" in words


def test_the_second_block_of_k_columns_ends_at_2k() -> None:
    """``cols_{k + 1 … k + k}`` and ``[:, k:k + k]``: the bound is 2k (in code the block runs to
    the end of its axis, so it prints open since round 38: ``[:, k:]``)."""
    md = _md(TOWERS, "en")
    assert "\\ldots 2 k}" in md and "(ds @ w.T)[:, k:]`" in md
    assert "k + k" not in md


def test_a_product_too_wide_for_the_shape_table_is_named() -> None:
    """The row of the shapes of a product too wide for the table's name cell had an empty cell."""
    for source in (TOWERS, TOWERS_TANH, FOCAL, LOGSOFTMAX):
        for lang in ("en", "zh"):
            assert not re.search(r"^\|\s+\| \$", _md(source, lang), re.M)
    assert "| the product | $" in _md(TOWERS_TANH, "en")
    assert "| 乘积 | $" in _md(TOWERS_TANH, "zh")


# ---- products ----------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_product_names_its_other_factor_and_terms_are_terms(lang: str) -> None:
    """"fl multiplies ce by other factors" for fl = ce · (1 − qt)², and "qt multiplies q by other
    factors" for qt = q t + (1 − q)(1 − t), a sum: the first names (1 − qt)², the second says q
    is in two terms, each multiplied by something else."""
    md = _md(FOCAL, lang)
    ce, q = _words(md, "\\delta_{\\mathrm{ce}}"), _words(md, "\\delta_{q}")
    if lang == "en":
        assert "other factors" not in md
        assert "multiplies $\\mathrm{ce}$ by $\\left(1 - \\mathrm{qt}\\right)^{2}$" in ce
        assert "$q$ enters $\\mathrm{qt}$ in $2$ terms of a sum" in q
    else:
        assert "其他因子" not in md
        assert "乘以 $\\left(1 - \\mathrm{qt}\\right)^{2}$" in ce
        assert "$q$ 出现在 $\\mathrm{qt}$ 的和式的 $2$ 项中" in q


# ---- views, not layers -------------------------------------------------------------------------


def test_views_numbered_side_by_side_are_not_layers() -> None:
    """A Siamese network's ``x1, x2`` and ``z1, z2`` were printed x^{[1]}, z^{[2]}: layers. Where
    no numbered node reads another number they are views, x_1, x_2; an RNN's steps stay steps."""
    from derive.engine.graph import parallel_views
    from derive.lang import spec

    assert parallel_views(spec.parse(TWIN)) == {"u1", "u2", "a1", "a2"}
    assert parallel_views(spec.parse(STEPS)) == set()
    for lang in ("en", "zh"):
        md = _md(TWIN, lang)
        assert "u_{1}" in md and "a_{2}" in md
        assert "u^{[1]}" not in md and "a^{[2]}" not in md
        assert "Shared by the steps" not in md and "各时间步共享" not in md


# ---- a hinge's max(0, ·) -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_hinge_is_not_called_a_relu(lang: str) -> None:
    """The mistake item "ReLU at exactly zero" for a hinge's max(0, 1 − y·Xw): there is no ReLU
    unit; the kink is max(0, z)'s. A ReLU layer keeps its words."""
    hinge, relu = _md(HINGE, lang), _md(RELU, lang)
    kink = "**The kink of $\\max(0, z)$ at exactly zero.**" if lang == "en" else "在恰好为零处的折点**"
    named = "**ReLU at exactly zero.**" if lang == "en" else "**ReLU 在恰好为零处**"
    assert kink in hinge and named not in hinge
    assert named in relu and kink not in relu


# ---- tidy: a multiple of ones times a matrix ---------------------------------------------------


def test_a_row_of_ones_times_the_labels_is_the_labels() -> None:
    """cmu10414's δ_logits was (1/n)(1/(exp(logits) 𝟙)ᵀ)ᵀ ⊙ exp(logits) + (−(1/n) 𝟙)ᵀ ⊙ y: NumPy's
    1-D row sums, transposed back. Now (1/m) exp(Z)/(exp(Z) 𝟙) − (1/m) Y, proven again; checked
    here against the softmax's gradient computed with NumPy at the example values."""
    import numpy as np

    md = _md(ROWSUMS, "en")
    section = md.split("### 3.1 $\\delta_{Z}$", 1)[1].split("\n### ", 1)[0]
    assert "\\mathbf{1}\\right)^{\\top} \\odot" not in section
    assert "\\right)^{\\top}}\\right)^{\\top}" not in section
    assert "- \\frac{1}{m} Y" in section
    code = re.search(r"In code: `dZ = (.+)`", section).group(1)
    X = np.array([[1, -1], [0.5, 2], [-1, 0.5]])
    Y = np.array([[1.0, 0], [0, 1], [1, 0]])
    W = np.array([[0.3, -0.2], [0.1, 0.4]])
    Z, m = X @ W, 3
    expected = (np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True) - Y) / m
    got = eval(code, {"np": np, "Z": Z, "Y": Y, "m": m})  # the handout's own line
    assert np.allclose(got, expected, rtol=1e-12)


# ---- log-softmax said once ---------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_coupling_of_log_softmax_is_said_once_in_full(lang: str) -> None:
    """"Log-softmax couples the entries of a row: …" in both ∂L/∂B and δ_O, word for word."""
    md = _md(LOGSOFTMAX, lang)
    full = "Log-softmax couples the entries of a row" if lang == "en" else "log-softmax 把同一行"
    again = "Again log-softmax couples" if lang == "en" else "同样，log-softmax 把"
    assert md.count(full) == 1
    assert md.count(again) >= 1


# held out: the twins' Euclidean distance (a square root of a sum of squares)
TWIN_DIST = TWIN.replace(
    'L = "np.mean(np.sum((a1 - a2) ** 2, axis=1, keepdims=True) * y)"',
    'dist = "np.sqrt(np.sum((a1 - a2 + 0.001) ** 2, axis=1, keepdims=True))"\nL = "np.mean(dist * y)"',
)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_second_view_is_not_told_the_same_paragraph_again(lang: str) -> None:
    """A Siamese network's δ_{z_1} repeated δ_{z_2}'s paragraph word for word (the square root's
    slope, the square inside it): the second says it in short ("Again …"), naming its own view."""
    md = _md(TWIN_DIST, lang)
    first, second = _words(md, "\\delta_{a_{2}}"), _words(md, "\\delta_{a_{1}}")
    again = "Again the slope" if lang == "en" else "同样，平方根的斜率"
    assert again not in first and again in second
    assert ("passed on to $a_{1}$" if lang == "en" else "再传给 $a_{1}$") in second
    assert first.replace("a_{2}", "a_{1}") != second
