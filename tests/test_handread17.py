"""Handouts a lecturer hands out unchanged, pass 17 (issues 12 and 9): the words of the "Common
mistakes" section name this network's own tensors (no `dZ` in a network without a Z, the letter
of the softmax Jacobian defined as a row of the network's softmax output); the header's note on
how small numbers are written covers the numbers of the teaching notes too; the verification
section says "rounded to 7 significant digits" only where it shows such values (``full``).
Each asserted on built text (Markdown and LaTeX, en and zh) of specs written here (held out:
other names, sizes and losses than the built-ins) and of the built-in where it was seen."""

from __future__ import annotations

import functools
import re

import pytest

# held out: one attention head with no tensor called Z (names, sizes and values of its own)
HEAD = """
[network]
name = "head2"
[dims]
t = 3
e = 2
[inputs]
E = ["t", "e"]
G = ["t", "e"]
[params]
Wa = ["e", "e"]
Wb = ["e", "e"]
Wc = ["e", "e"]
[forward]
qa = "E @ Wa"
kb = "E @ Wb"
vc = "E @ Wc"
sc = "qa @ kb.T / e ** 0.5"
att = "softmax(sc)"
out = "att @ vc"
loss = "mse(out, G)"
[values]
E = [[0.5, -1], [1, 0.25], [-0.5, 0.75]]
G = [[0.2, 0.1], [-0.3, 0.4], [0.6, -0.2]]
Wa = [[0.3, -0.4], [0.2, 0.5]]
Wb = [[-0.1, 0.6], [0.4, 0.2]]
Wc = [[0.7, 0.1], [-0.2, 0.3]]
"""

# held out: a softmax classifier whose scores and probabilities are not called Z and P
SMAX = """
[network]
name = "smax"
[dims]
b = 3
f = 2
c = 3
[inputs]
x = ["b", "f"]
y = { shape = ["b", "c"], kind = "one-hot" }
[params]
M = ["f", "c"]
[forward]
logits = "x @ M"
probs = "softmax(logits)"
loss = "cross_entropy(probs, y)"
[values]
x = [[1, -0.5], [0.25, 2], [-1, 1]]
y = [[0, 1, 0], [1, 0, 0], [0, 0, 1]]
M = [[0.2, -0.3, 0.5], [0.1, 0.4, -0.2]]
"""

# the first words of the two mistakes, and of the header's note on a × 10^k numbers
AVERAGING = {"en": "**The averaging factor, missing or twice.**", "zh": "**漏掉或多乘了求平均的因子**"}
DIAGONAL = {"en": "**Softmax differentiated entry by entry.**", "zh": "**把 Softmax 当作逐元素函数求导**"}
SCIENTIFIC = {"en": "7 significant digits, written", "zh": "的数则保留 7 位有效数字"}
ROUNDED = {"en": "rounded to 7 significant digits", "zh": "保留 7 位有效数字"}


def _derivation(source: str):
    from derive.engine.backprop import derive
    from derive.lang import spec

    return derive(spec.parse(source) if "\n" in source else spec.load(source))


@functools.cache
def _built(source: str, template: str, lang: str, detail: str = "standard") -> str:
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = _derivation(source)
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail=detail)
    return render.render(template, w, lang)


def _paragraph(md: str, start: str) -> str:
    found = [p for p in md.split("\n\n") if p.startswith(start)]
    assert len(found) == 1, f"the case must show the mistake {start!r}"
    return found[0]


def _section(md: str, number: int) -> str:
    begin = md.index(f"\n## {number}. ")
    end = md.find("\n## ", begin + 1)
    return md[begin : end if end > 0 else len(md)]


# ---- the averaging slip names a gradient of this network ----------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("source", "carrier"),
    [(HEAD, r"\delta_{\mathrm{out}}"), (SMAX, r"\delta_{\mathrm{probs}}"), ("attention", r"\delta_{O}")],
    ids=["head", "smax", "attention"],
)
def test_the_averaging_slip_names_this_networks_gradient(source: str, carrier: str, lang: str) -> None:
    """Was: "code that divides a `dZ` that already contains it divides twice" in every handout,
    attention's too (it has no Z). The gradient that first carries the 1/m is the one of the
    loss's argument: the mistake names it."""
    md = _built(source, "md/walkthrough.md.j2", lang)
    words = _paragraph(md, AVERAGING[lang])
    assert "`dZ`" not in words
    assert carrier in words
    tex = _built(source, "tex/walkthrough.tex.j2", lang)
    assert "dZ" not in tex[tex.index(AVERAGING[lang].strip("*")) :][:600]


# ---- the letter of the softmax Jacobian is defined ----------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    ("source", "output"),
    [(SMAX, r"\mathrm{probs}"), (HEAD, r"\mathrm{att}"), ("softmax-regression", "P")],
    ids=["smax", "head", "softmax-regression"],
)
def test_the_softmax_slip_defines_its_letter(source: str, output: str, lang: str) -> None:
    """Was: "its Jacobian diag(a) − a aᵀ … δ ⊙ a ⊙ (1 − a)" with a and δ defined nowhere in
    softmax-regression (its step 3.2 writes p for a row of P). The mistake now says what a is:
    a row of this network's softmax output."""
    md = _built(source, "md/walkthrough.md.j2", lang)
    words = _paragraph(md, DIAGONAL[lang])
    defined = re.search(r"\$a\$[^$]{0,20}\$" + re.escape(output) + r"\$|\$" + re.escape(output) + r"\$[^$]{0,20}\$a\$", words)
    assert defined, words
    assert r"\delta \odot" not in words  # the upstream gradient is named in words, not an undefined δ


# ---- the header's note on a × 10^k covers the teaching notes ------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("source", ["attention", HEAD, SMAX], ids=["attention", "head", "smax"])
def test_the_header_covers_small_numbers_in_the_teaching_notes(source: str, lang: str) -> None:
    """attention's "The averaging factor" shows −9.654482 × 10⁻⁴ (7 significant digits) beside
    −0.0015018 while the header said only "rounded … to 7 decimals": the note on a × 10^k
    numbers is given wherever one is shown, the teaching notes included."""
    md = _built(source, "md/walkthrough.md.j2", lang)
    head = md[: md.index("## 1. ")]
    shown = "\\times 10^{" in md[md.index("\n## 3. ") :].split("\n## 8. ")[0]
    if source == "attention":
        assert shown, "the case must show a small number in its teaching notes"
    assert (SCIENTIFIC[lang] in head) == shown
    tex = _built(source, "tex/walkthrough.tex.j2", lang)
    body = tex[tex.index("\\begin{document}") :]
    assert (SCIENTIFIC[lang] in body[: body.index("\\section{")]) == shown


# ---- "rounded to 7 significant digits" only where values are shown -------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("source", [HEAD, "tiny-mlp"], ids=["head", "tiny-mlp"])
def test_the_verification_says_rounded_only_where_it_shows_values(source: str, lang: str) -> None:
    """The standard handout's verification table shows only bounds (``< 1e-12``) and ticks, yet
    its first paragraph said "Values are rounded to 7 significant digits"; the full handout lists
    every entry's value (7 significant digits) and says so."""
    standard = _section(_built(source, "md/walkthrough.md.j2", lang), 5)
    full = _section(_built(source, "md/walkthrough.md.j2", lang, "full"), 5)
    assert ROUNDED[lang] not in standard
    assert ROUNDED[lang] in full
    # the full table shows values of 7 significant digits, the standard one none
    assert re.search(r"`-?\d+\.\d{4,}", full)
    assert not re.search(r"`-?\d+\.\d{4,}", standard)
    tex = _built(source, "tex/walkthrough.tex.j2", lang)
    section = tex[tex.index("\\section{" + ("Verification" if lang == "en" else "数值验证")) :]
    assert ROUNDED[lang] not in section[:1500]


# ---- the lab's printed ratio: no space after a full-width colon ---------------------------------

# held out: half a mean squared error (the lab compares it with the bare F.mse_loss)
HALF = """
[network]
name = "half"
[dims]
m = 2
n = 3
[inputs]
u = ["m", "n"]
goal = ["m", 1]
[params]
K = ["n", 1]
[forward]
s = "torch.tanh(u @ K)"
loss = "0.5 * F.mse_loss(s, goal)"
[values]
u = [[0.5, -1, 2], [1, 0.25, -0.5]]
goal = [[0.3], [-0.2]]
K = [[0.2], [-0.4], [0.1]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_labs_ratio_line_reads_in_each_language(lang: str, tmp_path) -> None:
    """zh ``backprop.py`` printed 「…之比： 2」 (print's separator after a full-width colon);
    the ratio itself is 2 (F.mse_loss has no ½), as PyTorch computes it."""
    import subprocess
    import sys

    pytest.importorskip("torch")
    script = tmp_path / "backprop.py"
    script.write_text(_built(HALF, "py/backprop.py.j2", lang), "utf-8")
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    line = next(s for s in out.stdout.splitlines() if s.rstrip().endswith(" 2") or s.rstrip().endswith("：2"))
    if lang == "zh":
        assert line.endswith("之比：2"), line
    else:
        assert line.endswith("ours: 2"), line


# ---- a heading calls a network linear only when it is -------------------------------------------

# held out: a logistic unit spelled out (no sigmoid call), and a truly linear least squares
SPELLED_SIGMOID = """
[network]
name = "spelled-logistic"
[dims]
k = 2
m = 3
[inputs]
a0 = ["k", "m"]
y = [1, "m"]
[params]
V = [1, "k"]
[forward]
z = "V @ a0"
a = "1 / (1 + np.exp(-z))"
J = "np.mean((a - y) ** 2)"
"""

LEAST_SQUARES = """
[network]
name = "least-squares"
[dims]
k = 2
m = 3
[inputs]
a0 = ["m", "k"]
y = ["m", 1]
[params]
V = ["k", 1]
c = [1, 1]
[forward]
z = "a0 @ V + c"
J = "np.mean((z - y) ** 2)"
"""

LINEAR = {"en": "linear", "zh": "线性"}


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_heading_calls_a_network_linear_only_when_it_is(lang: str) -> None:
    """qiu_delta_mlp (邱锡鹏 4.4: two logistic layers written as 1 / (1 + exp(−z))) was headed
    "A linear network with a loss written as a formula and 4 parameters" / 「…的线性网络…」:
    no activation call was found, so it was called linear. An exp of a layer is not linear;
    z = a0 V + c is."""
    from derive.walkthrough.intuition import heading

    assert LINEAR[lang] not in heading(_derivation(SPELLED_SIGMOID))[lang]
    assert LINEAR[lang] in heading(_derivation(LEAST_SQUARES))[lang]
    md = _built(SPELLED_SIGMOID, "md/walkthrough.md.j2", lang)
    assert LINEAR[lang] not in md.splitlines()[0]


# ---- one Chinese word for the batch statistics ---------------------------------------------------

# held out: batch normalisation of a 4 × 2 layer with a sum-of-squares loss (no title of its own)
NORM = """
[network]
name = "norm4"
[dims]
r = 4
c = 2
[inputs]
u = ["r", "c"]
goal = ["r", "c"]
[params]
g = [1, "c"]
[constants]
eps = 0.001
[forward]
mu = "np.mean(u, axis=0, keepdims=True)"
dev = "u - mu"
v = "np.mean(dev ** 2, axis=0, keepdims=True)"
uh = "dev / np.sqrt(v + eps) * g"
loss = "np.sum((uh - goal) ** 2)"
[values]
u = [[1, 2], [0.5, -1], [-1, 0.5], [2, 0]]
goal = [[1, 0], [0, 1], [-1, 0], [0.5, 0.5]]
g = [[1.5, 0.5]]
"""


@pytest.mark.parametrize("source", ["batchnorm", NORM], ids=["batchnorm", "norm4"])
def test_the_batch_statistics_have_one_chinese_name(source: str) -> None:
    """batchnorm zh wrote 批量均值 in its first line, 批均值 in its title and in step 3.8's
    reason, 批统计量 in a mistake: one term, 批量 (as 沿批量求和 everywhere else)."""
    md = _built(source, "md/walkthrough.md.j2", "zh")
    assert "批量" in md
    assert not re.search(r"批(均值|方差|统计量)", md)
