"""Handouts a lecturer hands out unchanged, pass 14 (issue 12): the zero-initialisation
argument over every hidden layer, proof titles joined without a second colon, and what a
reading of the built-ins and course specs found, each asserted on the built text (Markdown and
LaTeX, en and zh) of networks other than the one the defect was seen on where it is general."""

from __future__ import annotations

import functools
import re
import shutil
from pathlib import Path

import numpy as np
import pytest

SPECS = Path(__file__).parent / "specs_course"


def _load(source: str):
    from derive.engine.backprop import derive
    from derive.lang import spec

    path = SPECS / f"{source}.toml"
    return derive(spec.load(str(path) if path.exists() else source))


@functools.cache
def _walkthrough(name: str, detail: str = "standard"):
    from derive.numeric import verify as numeric
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = _load(name)
    return build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail=detail)


@functools.cache
def _built(name: str, template: str, lang: str, detail: str = "standard") -> str:
    from derive.render import environment as render

    return render.render(template, _walkthrough(name, detail), lang)


def _md(name: str, lang: str, detail: str = "standard") -> str:
    return _built(name, "md/walkthrough.md.j2", lang, detail)


def _tex(name: str, lang: str) -> str:
    return _built(name, "tex/walkthrough.tex.j2", lang)


class _Steps:  # the lesson's proven steps as the engine made them
    def eq(self, step, shape=None, *args, **kwargs):
        return step


def _symmetry(name: str):
    from derive.walkthrough import lessons

    d = _load(name)
    return d, lessons.symmetry(d, _Steps())


# ---- 1. zero initialisation: every hidden layer ------------------------------------------------


@pytest.mark.parametrize(
    ("name", "layers"),
    [("nielsen3", ["a^{[2]}", "a^{[3]}"]), ("deeptanh", ["A^{[1]}", "A^{[2]}", "A^{[3]}"])],
)
def test_the_symmetry_argument_covers_every_hidden_layer(name: str, layers: list[str]) -> None:
    """The argument tied the first hidden layer's units only (w⁽²⁾'s columns, w⁽³⁾'s rows): a
    network with two or three hidden layers was not shown symmetric in its deeper layers. Now
    every weight between two hidden layers starts with all its entries equal, every hidden
    layer's columns are proven equal, and every parameter of the chain gets its gradient step —
    proven on the network's own parameters."""
    d, found = _symmetry(name)
    assert found is not None
    math = dict(found.math)
    assert math["H"] == layers[0] and math["more"] == ", ".join(layers[1:])
    parts = dict(found.parts)
    g = d.graph
    # the start ties every parameter up to the last weight; the last bias is free
    started = [str(s.lhs.tex) for s in parts["sym_start"]]
    weights = [p for p in d.spec.params if g.tensors[p].shape[0] > 1]
    texs = [g.tensors[w].tex for w in weights]
    assert [t for t in started if t in texs] == texs
    assert len(started) == len(d.spec.params) - 1, started
    # a middle weight starts as one letter in every entry, its gradient all one entry
    mids = [g.tensors[w] for w in weights[1:-1]]
    assert mids and math["mid"] == ", ".join(m.tex for m in mids)
    for m in mids:
        (start,) = [s for s in parts["sym_start"] if s.lhs.tex == m.tex]
        assert len(set(start.rhs.value)) == 1
        grads = [
            s for s in parts["sym_backward.deep"] if "{\\partial " + m.tex + "}" in str(s.lhs.tex)
        ]
        assert len(grads) == 1 and len(set(grads[0].rhs.value)) == 1
    # every hidden layer: its matrix is its first column repeated (one display a layer)
    shown = [str(s.lhs.tex) for s in parts["sym_forward.deep"]]
    assert shown == layers
    for s in parts["sym_forward.deep"]:
        assert all(s.rhs.value[i, j] == s.rhs.value[i, 0] for i, j in np.ndindex(s.rhs.value.shape))
        assert len(set(s.rhs.value)) == s.rhs.value.shape[0] > 1
    for s in (*parts["sym_start"], *parts["sym_forward.deep"], *parts["sym_backward.deep"]):
        assert s.rule == "symmetric-init"


def test_the_deep_symmetric_start_is_what_torch_computes() -> None:
    """What the handout claims for deeptanh, checked outside the engine: with the symmetric start
    it writes (W1's columns equal, W2 and W3 one number each, W4's rows equal, each bias one
    number), PyTorch's forward values are equal across each hidden layer's columns and its
    gradients keep the tie (W2, W3 constant; W1's columns equal) — a step cannot separate them."""
    torch = pytest.importorskip("torch")
    gen = torch.Generator().manual_seed(3)

    def rand(*shape):
        return torch.randn(*shape, generator=gen, dtype=torch.float64)

    x, y = rand(4, 3), rand(4, 1)
    w1 = rand(3, 1).repeat(1, 5).requires_grad_()
    b1 = rand(1, 1).repeat(1, 5).requires_grad_()
    w2 = rand(1, 1).repeat(5, 4).requires_grad_()
    b2 = rand(1, 1).repeat(1, 4).requires_grad_()
    w3 = rand(1, 1).repeat(4, 3).requires_grad_()
    b3 = rand(1, 1).repeat(1, 3).requires_grad_()
    w4 = rand(1, 1).repeat(3, 1).requires_grad_()
    b4 = rand(1, 1).requires_grad_()
    a1 = torch.tanh(x @ w1 + b1)
    a2 = torch.tanh(a1 @ w2 + b2)
    a3 = torch.tanh(a2 @ w3 + b3)
    loss = torch.nn.functional.mse_loss(a3 @ w4 + b4, y)
    loss.backward()
    for a in (a1, a2, a3):
        assert torch.allclose(a, a[:, :1].expand_as(a))
    for w in (w2, w3, b1, b2, b3):
        assert torch.allclose(w.grad, w.grad[0, 0].expand_as(w.grad)) and w.grad.abs().max() > 0
    assert torch.allclose(w1.grad, w1.grad[:, :1].expand_as(w1.grad))
    _, found = _symmetry("deeptanh")
    starts = {str(s.lhs.tex): s for s in dict(found.parts)["sym_start"]}
    # the handout ties exactly these: W2 and W3 one letter, W1 a letter per row, W4 one column
    assert len(set(starts["W^{[2]}"].rhs.value)) == 1 and len(set(starts["W^{[3]}"].rhs.value)) == 1
    assert len(set(starts["W^{[1]}"].rhs.value)) == 3


def test_a_deeper_layer_that_is_not_interchangeable_keeps_the_first(tmp_path) -> None:
    """A fixed mask on the second hidden layer (an input that differs per unit) makes its units
    distinguishable: the argument is then made over the first layer only — not dropped, and not
    claimed for the second."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.walkthrough import lessons

    path = tmp_path / "masked2.toml"
    path.write_text(
        """[network]
name = "masked-second-layer"
[dims]
m = 3
n = 2
h1 = 3
h2 = 3
[inputs]
X = ["m", "n"]
M = ["m", "h2"]
Y = ["m", 1]
[params]
W1 = ["n", "h1"]
W2 = ["h1", "h2"]
W3 = ["h2", 1]
[forward]
A1 = "tanh(X @ W1)"
A2 = "tanh(A1 @ W2) * M"
Yhat = "A2 @ W3"
L = "mse(Yhat, Y)"
[values]
M = [[1, 0, 1], [0, 1, 1], [1, 1, 0]]
""",
        "utf-8",
    )
    d = derive(spec.load(str(path)))
    assert len(lessons._hidden_layers(d)) == 2
    found = lessons.symmetry(d, _Steps())
    assert found is not None and "more" not in dict(found.math)
    assert dict(found.math)["W2"] == "W^{[2]}" and found.body == "body"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_deep_symmetry_is_said_in_both_languages(lang: str) -> None:
    """The handout's words follow the proof: every entry of the weight between the hidden
    layers equal, each layer's units identical, in English and Chinese; a one-hidden-layer
    network keeps its own sentences."""
    md = _md("nielsen3", lang)
    words = {
        "en": [
            "every entry of $w^{[3]}$ equal",
            "and so do those of $a^{[3]}$",
            "each column of $a^{[2]}$, then of $a^{[3]}$",
        ],
        "zh": [
            "$w^{[3]}$ 的所有元素相等",
            "$a^{[3]}$ 的隐藏单元也是如此",
            "先是 $a^{[2]}$ 的各列，再是 $a^{[3]}$ 的各列",
        ],
    }[lang]
    for w in words:
        assert w in md, w
    tiny = _md("tiny-mlp", lang)
    assert "{{" not in md and "{{" not in tiny
    assert words[0] not in tiny and "w^{[3]}" not in tiny


# ---- 2. proof titles joined without a second colon -------------------------------------------


@pytest.mark.parametrize("name", ["mlp-bce", "batchnorm", "rnn"])
def test_a_cited_proof_title_is_not_joined_by_a_colon(name: str) -> None:
    """ "General proof: Linear layer: gradient of the weights." read as two colons in a row (the
    proof titles contain one). The lead-in has none now; the title is a link (Markdown), italic
    (English PDF) or in 「“…”」 (Chinese), so a title's own colon is the only one."""
    en_md, zh_md = _md(name, "en"), _md(name, "zh")
    en_tex, zh_tex = _tex(name, "en"), _tex(name, "zh")
    for text in (en_md, en_tex):
        assert "General proof:" not in text and "General proofs:" not in text
    cites = re.findall(r"See the general proofs? (.*?)\.$", en_md, re.M)
    assert cites
    for cite in cites:
        outside = re.sub(r"\[[^\]]*\]\([^)]*\)", "", cite)
        assert ":" not in outside and outside.strip() in ("", "and"), cite
    assert re.search(
        r"See the general proof \\prooflink\{[^}]*\}\{[^}]*\}\{\{\\itshape [^}]*: [^}]*\}\}\.",
        en_tex,
    )
    zh_cites = re.findall(r"一般性证明见(.*?)。", zh_md)
    assert zh_cites and all(c.startswith("[“") for c in zh_cites), zh_cites
    assert "一般性证明见 " not in zh_md and "一般性证明见 " not in zh_tex
    assert re.search(r"一般性证明见\\prooflink\{[^}]*\}\{[^}]*\}\{“[^}]*”\}。", zh_tex)


def test_full_detail_cites_a_proof_without_a_second_colon() -> None:
    """``--detail full`` cites its section-4 proofs as "The proof is in section 4, *title*."."""
    md = _md("tiny-mlp", "en", "full")
    assert "Proof in section 4:" not in md
    assert re.search(r"The proof is in section 4, \*\[Linear layer: gradient of the weights\]", md)


# ---- 3. the lesson's displays in rows that fit the line --------------------------------------


def _symmetry_tex(name: str, lang: str) -> str:
    tex = _tex(name, lang)
    start = tex.index("\\subsection{" + ("Why not start" if lang == "en" else "为什么不能"))
    return tex[start : tex.index("\\subsection{", start + 1)]


def test_the_symmetry_displays_are_rows_that_fit_the_line() -> None:
    """The PDF set all the equations of a part of a lesson on one line and shrank it to the text
    width: deeptanh's 13 column equations of its three hidden layers came out at a fraction of
    the text size, unreadable. Now they are set side by side only while a row fits the line
    (``PART_LINE``), each row at full size unless one equation alone is wider."""
    from derive.engine.printing import display_width
    from derive.render.environment import PART_GAP, PART_LINE

    rows = re.findall(
        r"\\adjustbox\{max width=\\linewidth\}\{\\\(\\displaystyle (.*?)\\\)\}\\end\{center\}",
        _symmetry_tex("deeptanh", "en"),
    )
    assert len(rows) > 4  # four parts with displays, at least one of them in two rows
    for row in rows:
        parts = row.split("\\qquad ")
        if len(parts) > 1:
            wide = sum(display_width(p) for p in parts) + PART_GAP * (len(parts) - 1)
            assert wide <= PART_LINE, row[:80]
    # narrow steps still share a row (tiny-mlp's start: W⁽¹⁾ and W⁽²⁾ side by side)
    tiny = _symmetry_tex("tiny-mlp", "en")
    assert re.search(r"W\^\{\[1\]\} = .*\\qquad W\^\{\[2\]\} = ", tiny)


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("xelatex") is None, reason="xelatex needed")
def test_the_deep_symmetry_pdf_has_no_overfull_box(tmp_path: Path) -> None:
    """The three-hidden-layer argument compiles without an overfull box."""
    from derive.render.pdf import compile_pdf

    log = compile_pdf(_tex("deeptanh", "en"), tmp_path / "h.pdf")
    assert "Overfull \\hbox" not in log


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_proofs_list_of_the_pdf_sets_titles_apart(lang: str) -> None:
    """Section 4 of the PDF listed the titles run in, "Linear layer: gradient of the weights;
    Linear layer: gradient of the input; …" — title colons among the list's semicolons, the
    Chinese titles with no mark at all. They are set as the citations are: italic, 「“…”」."""
    tex = _tex("tiny-mlp", lang)
    section = tex[tex.index("\\label{sec:proofs}") :]
    section = section[: section.index("\\section")]
    titles = re.findall(r"\\prooflink\{[^}]*\}\{[^}]*\}\{(\{\\itshape [^}]*\}|“[^”]*”)\}", section)
    assert len(titles) == 4, section


# ---- 4. a slope written through the node's output only where the node is f(…) ---------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_tanh_inside_gelu_is_not_given_the_slope_one_minus_h_squared(lang: str) -> None:
    """transformer_ffn's h = GELU(x W1 + b1) (the tanh form) was told "The slope of tanh gates
    the blame: each entry of δ_h is multiplied by 1 − h²" — h is GELU's output, not tanh's, so
    the sentence was false. A sigmoid, tanh or exp inside a larger expression of its node now
    gets the sentence that says where its slope sits; a node that is tanh(…) keeps 1 − S²."""
    md = _md("transformer_ffn", lang)
    assert "1 - {h}^{2}" not in md
    inside = {"en": "$\\tanh$ acts entry by entry inside $h$", "zh": "$\\tanh$ 在 $h$ 的表达式内部"}
    assert inside[lang] in md
    assert "1 - {h}^{2}" in _md("rnn", lang) or "1 - {h" in _md("rnn", lang)
    tiny = _md("tiny-mlp", lang)
    assert "h\\left(1 - h\\right)" in tiny and inside[lang] not in tiny


def test_exp_inside_a_log_is_not_its_own_output(tmp_path) -> None:
    """An exp inside a log, y = log(2 + exp(z)): "The slope of exp is its own output y" was
    false (y is the log's output). (Round 34: log(1 + exp(z)) itself is read as softplus.)"""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    path = tmp_path / "softplus.toml"
    path.write_text(
        """[network]
name = "softplus-by-hand"
[dims]
m = 2
n = 3
[inputs]
x = ["m", "n"]
t = ["m", 1]
[params]
w = ["n", 1]
[forward]
z = "x @ w"
y = "log(2 + exp(z))"
L = "mse(y, t)"
""",
        "utf-8",
    )
    d = derive(spec.load(str(path)))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    md = render.render("md/walkthrough.md.j2", w, "en")
    assert "its own output $y$" not in md
    assert "$\\exp$ acts entry by entry inside $y$" in md


def _power_net(p: int) -> str:
    """A network written for the test whose hidden node is a power of a difference,
    r = (z − t) ** p."""
    import tempfile

    path = Path(tempfile.gettempdir()) / f"handread14_power{p}.toml"
    path.write_text(
        f"""[network]
name = "power-of-a-difference-{p}"
[dims]
m = 2
n = 2
[inputs]
x = ["m", "n"]
t = ["m", 1]
[params]
w = ["n", 1]
[forward]
z = "x @ w"
r = "(z - t) ** {p}"
L = "mean(r)"
""",
        "utf-8",
    )
    return str(path)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_square_of_a_difference_has_the_slope_of_the_difference(lang: str) -> None:
    """d2l's l = (ŷ − y)²/2 was told "l squares ŷ: the blame is multiplied by the slope 2ŷ" —
    false (the slope is 2(ŷ − y)) — after "l multiplies ŷ by other factors" (it divides a square
    by 2). Now the power's base is named and the slope is the base's: on d2l, on a node
    r = (z − t)² of a network written for the test, and on its cube."""
    said = {
        "en": ("squares $\\left({}\\right)$", "the slope $2\\left({}\\right)$ of the square"),
        "zh": ("对 $\\left({}\\right)$ 取平方", "平方的斜率 $2\\left({}\\right)$"),
    }[lang]
    for name, b in (("d2l_mlp_weight_decay", "\\hat{y} - y"), (_power_net(2), "z - t")):
        md = _md(name, lang)
        for s in said:
            assert s.format(b) in md, (name, s.format(b))
    cube = {
        "en": "raises $\\left(z - t\\right)$ to the power $3$",
        "zh": "对 $\\left(z - t\\right)$ 取 $3$ 次幂",
    }[lang]
    assert cube in _md(_power_net(3), lang)
    en = _md("d2l_mlp_weight_decay", "en")
    assert "the slope $2\\hat{y}$" not in en and "multiplies $\\hat{y}$ by other factors" not in en


def test_a_weight_under_an_l2_penalty_still_gets_the_symmetry_argument() -> None:
    """d2l's MLP with weight decay (loss = mean + λ(ΣW1² + ΣW2²)/2) had no zero-initialisation
    lesson: its weights' gradients sum two paths (the penalty's and the layer's), so they were not
    recognised as a linear layer's weights. The penalty λW keeps equal columns equal, and the
    engine proves it on this network: the lesson is there, over W1, b1, W2."""
    d, found = _symmetry("d2l_mlp_weight_decay")
    assert found is not None
    math = dict(found.math)
    assert (math["W1"], math["W2"], math["b"], math["H"]) == ("W^{[1]}", "W^{[2]}", "b^{[1]}", "H")
    assert [str(s.lhs.tex) for s in dict(found.parts)["sym_start"]] == [
        "W^{[1]}",
        "b^{[1]}",
        "W^{[2]}",
    ]
    assert "Why not start with all weights zero?" in _md("d2l_mlp_weight_decay", "en")
