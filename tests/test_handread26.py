"""Handouts a lecturer hands out unchanged, pass 26 (issue 12): a first read of three course
specs no pass had read (a modern Hopfield retrieval, DCN cross layers, a two-expert mixture).

- A parameter read once as it is and once transposed in one forward pass (a Hopfield net's
  ``softmax(β ξ Xᵀ) X``, a VQ codebook's distances and lookup) is no recurrence: no "one step
  back in time … dhnext", no "the same parameter at every step", no lesson "Backpropagation
  through time" and no mistake "Only the last step" — an unrolled RNN keeps all four;
- a 1-D weight's gradient ``δ_s h`` has no transpose in it: the mistakes do not offer "A missing
  transpose" for it (a matrix weight's ``Xᵀ δ`` still has it).

Each asserted on built text (Markdown en and zh) of specs written here (held out)."""

from __future__ import annotations

from test_handread25 import _derivation, _md  # the same held-out builders

# held out: an associative memory read out in one pass — the keys scored against the memory
# rows (Mᵀ on the right), the probabilities times the memory (M itself): two maps of one M
MEMORY = """
[network]
name = "memory-readout"
[dims]
b = 2
k = 3
r = 5
[inputs]
u = ["b", "k"]
goal = ["b", "k"]
[params]
P = ["k", "k"]
Mem = ["r", "k"]
[constants]
g = 1.5
[forward]
key = "u @ P"
att = "g * key @ Mem.T"
read = "torch.softmax(att, dim=1) @ Mem"
loss = "((read - goal) ** 2).sum() / 2"
[values]
u = [[0.3, -0.7, 0.5], [1.1, 0.2, -0.4]]
goal = [[0.2, 0.1, -0.3], [-0.5, 0.6, 0.4]]
"""

# held out: the same memory read twice, the second read keyed by the first (a recurrence:
# Mem maps forward again what it made, on the same side)
TWICE = """
[network]
name = "memory-twice"
[dims]
b = 2
k = 3
[inputs]
u = ["b", "k"]
goal = ["b", "k"]
[params]
Q = ["k", "k"]
[forward]
s1 = "torch.tanh(u @ Q)"
s2 = "torch.tanh(s1 @ Q)"
loss = "((s2 - goal) ** 2).sum() / 2"
[values]
u = [[0.3, -0.7, 0.5], [1.1, 0.2, -0.4]]
goal = [[0.2, 0.1, -0.3], [-0.5, 0.6, 0.4]]
"""

# held out: a scorer whose last weight is 1-D (score = h @ c): its gradient δ_score h needs no
# transpose; the matrix weight V before it does (xᵀ …)
ONE_D = """
[network]
name = "one-d-scorer"
[dims]
n = 4
f = 3
[inputs]
x = ["n", "f"]
t = ["n"]
[params]
V = ["f", "f"]
c = ["f"]
[forward]
h = "torch.tanh(x @ V)"
score = "h @ c"
loss = "F.binary_cross_entropy_with_logits(score, t)"
[values]
x = [[0.2, -0.5, 1.0], [1.1, 0.3, -0.4], [-0.7, 0.9, 0.1], [0.4, -1.2, 0.6]]
t = [1.0, 0.0, 0.0, 1.0]
"""


def _keys(source: str) -> tuple[set[str], set[str]]:
    from derive.numeric.example import Example
    from derive.render.build import shared_proofs
    from derive.walkthrough import intuition, lessons
    from derive.walkthrough.records import Pieces

    d = _derivation(source)
    ex_ = Example(d)
    words = {w.key for ws in intuition.paragraphs(d, ex_).values() for w in ws}
    found = {ls.key for ls in lessons.lessons(d, Pieces(d, ex_, shared_proofs()), None)}
    return words, found


def test_a_weight_read_as_it_is_and_transposed_is_no_recurrence() -> None:
    words, found = _keys(MEMORY)
    assert "bptt" not in found
    assert "through-time" not in words
    assert "shared.apart" in words and "shared" not in words


def test_a_weight_that_maps_its_own_output_again_is_still_a_recurrence() -> None:
    words, found = _keys(TWICE)
    assert "bptt" in found
    assert "shared" in words and "shared.apart" not in words


def test_the_memory_handout_says_no_steps_in_time_en() -> None:
    md = _md(MEMORY)
    for said in ("one step back in time", "dhnext", "the same parameter at every step",
                 "Only the last step",
                 "Backpropagation through time"):
        assert said not in md, said
    assert "the same parameter in each place" in md


def test_the_memory_handout_says_no_steps_in_time_zh() -> None:
    md = _md(MEMORY, "zh")
    for said in ("dhnext", "每个时间步用的都是同一个参数", "只算最后一步", "随时间反向传播"):
        assert said not in md, said
    assert "每处用的都是同一个参数" in md


def test_a_one_d_weight_is_not_offered_a_missing_transpose() -> None:
    from derive.walkthrough.lessons import _value_transposed

    d = _derivation(ONE_D)
    dc = next(v for v in d.backward if v.name == "c")
    assert not _value_transposed(dc.formula)  # δ_score h: nothing transposed
    for lang in ("en", "zh"):
        md = _md(ONE_D, lang)
        mistakes = md.split("### 7.", 1)[1]
        assert "\\thinspace \\delta_{\\mathrm{score}}" not in mistakes, lang  # "h δ_score"


def test_a_matrix_weight_keeps_its_missing_transpose() -> None:
    """The guard: the same scorer with its last weight a column (score = h C) keeps the slip."""
    column = ONE_D.replace('c = ["f"]', 'C = ["f", 1]').replace('"h @ c"', '"h @ C"')
    column = column.replace('t = ["n"]', 't = ["n", 1]').replace(
        "t = [1.0, 0.0, 0.0, 1.0]", "t = [[1.0], [0.0], [0.0], [1.0]]"
    )
    assert "**A missing transpose" in _md(column)


# held out: a hidden layer written inline in the read-out (score = tanh(x V) C): the slip
# "without the transpose" multiplies tanh(x V), not x, by δ_score
INLINE = """
[network]
name = "inline-readout"
[dims]
n = 3
f = 2
h = 3
[inputs]
x = ["n", "f"]
t = ["n", 1]
[params]
V = ["f", "h"]
C = ["h", 1]
[forward]
score = "torch.tanh(x @ V) @ C"
loss = "((score - t) ** 2).sum() / 2"
[values]
x = [[0.2, -0.5], [1.1, 0.3], [-0.7, 0.9]]
t = [[1.0], [0.0], [-1.0]]
V = [[0.3, -0.2, 0.5], [0.4, 0.1, -0.6]]
C = [[0.5], [-0.4], [0.2]]
"""


def _slip(md: str) -> str:
    return md.split("**A missing transpose", 1)[1].split("\n**", 1)[0]


def test_the_missing_transpose_of_an_inline_layer_fits_here() -> None:
    """n = h = 3: tanh(x V) δ_score exists (3 × 3 by 3 × 1) and is silently wrong; x δ_score
    (3 × 2 by 3 × 1) would not — the handout said "x δ … does not conform" for a product nobody
    writes."""
    for lang in ("en", "zh"):
        md = _md(INLINE, lang)
        slip = md.split("**A missing transpose" if lang == "en" else "**漏掉转置", 1)[1]
        slip = slip.split("\n\n", 1)[0]
        assert "3 \\times 3" in slip and "3 \\times 2" not in slip, lang
        assert "\\tanh\\left(x \\thinspace V\\right) \\thinspace \\delta" in slip, lang
        assert ("happen to fit" if lang == "en" else "碰巧仍然成立") in slip, lang
        assert ("does not conform" if lang == "en" else "不相容") not in slip, lang


def test_the_missing_transpose_of_an_inline_layer_has_its_sizes() -> None:
    wide = INLINE.replace("h = 3", "h = 4").replace(
        "V = [[0.3, -0.2, 0.5], [0.4, 0.1, -0.6]]", "V = [[0.3, -0.2, 0.5, 0.1], [0.4, 0.1, -0.6, 0.2]]"
    ).replace("C = [[0.5], [-0.4], [0.2]]", "C = [[0.5], [-0.4], [0.2], [0.3]]")
    for lang in ("en", "zh"):
        slip = _slip(_md(wide, lang)) if lang == "en" else _md(wide, lang).split("**漏掉转置", 1)[1]
        slip = slip.split("\n\n", 1)[0]
        assert "3 \\times 4" in slip and "3 \\times 2" not in slip, lang
        assert "\\tanh\\left(x \\thinspace V\\right) \\thinspace \\delta" in slip, lang


# held out: a post-norm residual block, LayerNorm written with F.layer_norm (other names and
# sizes than TFT's gated residual network)
POSTNORM = """
[network]
name = "post-norm-block"
[dims]
m = 2
k = 4
[inputs]
x = ["m", "k"]
y = ["m", 1]
[params]
A = ["k", "k"]
r = ["k", 1]
[forward]
s = "x + torch.tanh(x @ A)"
z = "F.layer_norm(s, (k,))"
p = "z @ r"
E = "((p - y) ** 2).mean()"
[values]
x = [[0.5, -1.0, 0.3, 0.8], [1.2, 0.4, -0.6, 0.1]]
y = [[0.3], [-0.2]]
"""


def test_a_long_formula_names_its_repeated_pieces_once() -> None:
    """The δ through LayerNorm inlines the centred input many times; the display names it (and
    the spread) once, each name defined under the formula with :=, in both languages."""
    import re

    for lang in ("en", "zh"):
        md = _md(POSTNORM, lang)
        used = set(re.findall(r"\\mathcal\{([A-Z])\}", md))
        assert used, lang
        for letter in used:
            assert f"\\mathcal{{{letter}}} &:= " in md, (lang, letter)
        step = md.split("\\delta_{s} &= ", 1)[1].split("$$", 1)[0]
        assert "\\mathcal{A}" in step and len(step) < 1400, lang


def test_the_named_formula_is_the_proven_one() -> None:
    """Put back, the names give the proven right-hand side, character for character; the
    definitions hold forward values only."""
    from derive.walkthrough import named

    d = _derivation(POSTNORM)
    seen = 0
    for v in d.backward:
        for c in v.contributions:
            rhs = c.step.rhs.value
            short, defs = named.named(rhs)
            if not defs:
                continue
            seen += 1
            assert len(short.tex()) <= named.LONG < len(c.step.rhs.tex)
            assert named.put_back(short, defs) == rhs
            assert named.put_back(short, defs).tex() == c.step.rhs.tex
            for _, piece in defs:
                assert "\\delta" not in piece.tex()
    assert seen


def test_a_short_formula_is_not_named() -> None:
    from derive.walkthrough import named

    d = _derivation(INLINE)
    for v in d.backward:
        for c in v.contributions:
            assert named.named(c.step.rhs.value)[1] == ()


# held out: a robust loss switching branch by a threshold, the error inside both branches
# (a Wing-like loss with other names: a log near zero, linear beyond)
BRANCHES = """
[network]
name = "two-branch-loss"
[dims]
n = 3
q = 2
[inputs]
u = ["n", "q"]
goal = ["n", 1]
[params]
Wv = ["q", 1]
[constants]
tau = 1.0
[forward]
e = "torch.abs(u @ Wv - goal)"
per = "torch.where(e < tau, tau * torch.log(1 + e), e - 0.3)"
L = "per.mean()"
[values]
u = [[0.8, -0.3], [-1.2, 0.6], [2.5, 1.9]]
goal = [[0.1], [0.2], [-3.0]]
Wv = [[0.4], [-0.5]]
"""


def test_a_where_with_the_tensor_in_both_branches_says_both() -> None:
    """δe through where(e < τ, τ·log(1 + e), e − 0.3): the handout gave only the log branch's
    slope; the entries on the linear branch (here the third) pass δ unchanged."""
    words, _ = _keys(BRANCHES)
    assert "where.branches" in words
    for lang, said in (("en", "takes one of two branches"), ("zh", "只取两个分支之一")):
        md = _md(BRANCHES, lang)
        para = md[md.index("### 3.2") :].split("\n\n", 3)[1]
        assert said in para, (lang, para)
        assert "e - \\frac{3}{10}" in para and "\\log\\left(1 + e\\right)" in para, para
