"""Handouts a lecturer hands out unchanged, pass 13 (issue 12): what a reading of the ten
built-ins and six course specs found, each asserted on the built text (Markdown and LaTeX, en
and zh) of networks other than the one the defect was seen on where the defect is general."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest

SPECS = Path(__file__).parent / "specs_course"


@functools.cache
def _walkthrough(name: str):
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    source = str(SPECS / f"{name}.toml") if (SPECS / f"{name}.toml").exists() else name
    d = derive(spec.load(source))
    return build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")


@functools.cache
def _built(name: str, template: str, lang: str) -> str:
    from derive.render import environment as render

    return render.render(template, _walkthrough(name), lang)


def _md(name: str, lang: str) -> str:
    return _built(name, "md/walkthrough.md.j2", lang)


def _section(md: str, number: int) -> str:
    start = re.search(rf"^## {number}\. ", md, re.M)
    end = re.search(rf"^## {number + 1}\. ", md, re.M)
    assert start is not None
    return md[start.start() : end.start() if end else len(md)]


@pytest.mark.parametrize("name", ["tiny-mlp", "chain", "softmax-regression"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_heading_has_a_blank_line_before_it(name: str, lang: str) -> None:
    """``### 3.1`` followed the "The idea" paragraph on the next line: CommonMark takes it as a
    heading, but pandoc (``blank_before_header``) and other converters a lecturer uses read it
    as the paragraph's last line."""
    lines = _md(name, lang).split("\n")
    fenced = False
    for i, line in enumerate(lines):
        if line.startswith("```"):
            fenced = not fenced
        if not fenced and line.startswith("#") and i > 0:
            assert lines[i - 1].strip() == "", (name, lang, lines[i - 1][-60:], line)


def _links(text: str) -> list[str]:
    return re.findall(r"proofs\.md#proof-([\w-]+)\)", text)


@pytest.mark.parametrize("name", ["tiny-mlp", "mlp-bce", "softmax-regression", "batchnorm", "nielsen3"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_proof_listed_in_section_4_is_cited_at_a_step(name: str, lang: str) -> None:
    """Section 4 listed "Element-wise activation" (every activation handout) and "Sigmoid +
    binary cross-entropy" (mlp-bce) although no step of section 3 linked them: a reader could not
    tell where they are used. Now each listed proof is linked from the step that uses it."""
    md = _md(name, lang)
    listed = set(_links(_section(md, 4)))
    cited = set(_links(_section(md, 3)))
    assert listed, name
    assert listed <= cited, (name, lang, listed - cited)


def test_an_activation_step_cites_the_elementwise_rule_and_the_derivative() -> None:
    """δ_Z = δ_A ⊙ σ′(Z) rests on two proofs: both links, in this order, in one sentence, in the
    Markdown and in the LaTeX (en and zh); the simplification sigmoid + BCE cites its own."""
    en, zh = _md("mlp-bce", "en"), _md("mlp-bce", "zh")
    assert re.search(
        r"See the general proofs \[Element-wise activation\]\([^)]*#proof-elementwise\) and "
        r"\[Derivative of the sigmoid\]\([^)]*#proof-sigmoid-derivative\)\.",
        en,
    )
    assert re.search(r"一般性证明见\[“逐元素激活函数”\]\([^)]*\)与\[“Sigmoid 函数的导数”\]", zh)
    step = re.search(r"### 3\.2 .*?### 3\.3", en, re.S)
    assert step is not None and "#proof-sigmoid-bce" in step.group(0)
    for lang in ("en", "zh"):
        tex = _built("mlp-bce", "tex/walkthrough.tex.j2", lang)
        assert re.search(r"\{proof-elementwise\}\{[^}]*\}[^\n]*\{proof-sigmoid-derivative\}", tex)
        assert "{proof-sigmoid-bce}" in tex
    # the PDF shows link titles as plain text: two titles joined by "and"/「与」 are set apart
    zh_tex = _built("mlp-bce", "tex/walkthrough.tex.j2", "zh")
    assert "{“逐元素激活函数”}与" in zh_tex and "{“Sigmoid 函数的导数”}" in zh_tex
    en_tex = _built("mlp-bce", "tex/walkthrough.tex.j2", "en")
    assert "{{\\itshape Element-wise activation}} and " in en_tex


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_closed_forms_explanation_is_said_where_there_are_weights_on_the_way_back(lang) -> None:
    """"error at the output × the weights and activation slopes on the way back × input" was
    said at the last layer's closed form (``h^T (y_pred − y_target)``: no weight, no slope on the
    way back); now it is said at the first closed form that carries another parameter."""
    words = {"en": "the weights and activation slopes on the way back", "zh": "反向途经的权重"}[lang]
    for name, deep, shallow in (
        ("tiny-mlp", "W1", "W2"),
        ("mlp-bce", "W1", "W2"),
        ("nielsen3", "w3", "w4"),
    ):
        w = _walkthrough(name)
        by = {b.name: b for b in w.backward}
        assert by[deep].deep and not by[shallow].deep, name
        md = _md(name, lang)
        assert md.count(words) >= 1, name
        head = md.index(words)
        # the explanation comes after the deep parameter's heading, not at the shallow one's
        heads = {b.name: md.index(f"{b.tex}$\n") for b in w.backward if b.name in (deep, shallow)}
        assert heads[shallow] < heads[deep] < head, (name, heads, head)
    neuron = _md("neuron", lang)
    assert words not in neuron  # one layer: nothing on the way back but the slope


def test_the_local_derivative_mistake_on_scalar_graphs() -> None:
    """chain had no Common mistakes at all (every number exact, no mean, no transpose). Stopping
    the chain at the local derivative is the classic slip of scalar graphs: ∂u/∂w = x where
    ∂L/∂w = δ_u·x; on the 3Blue1Brown neuron ∂z₁/∂w₁ = a₀. The number shown is the example value
    of the input the weight multiplies (from the spec), the right gradient the handout's."""
    from fractions import Fraction

    from derive.lang import spec

    for name, local, source in (
        ("chain", "\\frac{\\partial u}{\\partial w}", "x"),
        ("threeb1b_neuron", "\\frac{\\partial z_{1}}{\\partial w_{1}}", "a0"),
    ):
        w = _walkthrough(name)
        lesson = next(ls for ls in w.lessons if ls.key == "mistakes")
        shown = dict(lesson.parts)["chain_stopped"][-1]
        assert shown.lhs == local, (name, shown)
        values = spec.load(str(SPECS / f"{name}.toml") if name != "chain" else name).values
        given = values[source]
        while isinstance(given, tuple):  # a 1 × 1 tensor's value
            given = given[0]
        assert Fraction(str(shown.value)) == Fraction(given), (name, shown)
        right = next(b for b in w.backward if b.tex == dict(lesson.math)["cw"] or b.name in ("w", "w1"))
        assert right.value.value != shown.value
    for lang, words in (("en", "The local derivative taken for the gradient"), ("zh", "把局部导数当成梯度")):
        notes = _section(_md("chain", lang), 7)
        assert words in notes
        assert re.search(r"\\frac\{\\partial L\}\{\\partial w\} = 40", notes)


def test_no_local_derivative_mistake_for_a_matrix_parameter() -> None:
    """Matrix layers keep their transpose lesson; the scalar slip is not said there."""
    w = _walkthrough("tiny-mlp")
    lesson = next(ls for ls in w.lessons if ls.key == "mistakes")
    assert "chain_stopped" not in dict(lesson.parts)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_averaging_factor_is_named_not_a_bare_half(lang: str) -> None:
    """mlp-bce's mean over m = 2 read "exactly one factor ½", easily taken for the ½ of a half
    squared error; now "one factor 1/m = 1/2"."""
    md = _md("mlp-bce", lang)
    assert "\\frac{1}{m} = \\frac{1}{2}" in _section(md, 7)


def _prose_sentences(md: str) -> list[str]:
    """The sentences of a Chinese handout's prose: code, display and inline math, tables and
    link targets taken out."""
    t = re.sub(r"```.*?```", "", md, flags=re.S)
    t = re.sub(r"\$\$.*?\$\$", "", t, flags=re.S)
    t = re.sub(r"\$[^$]*\$", "X", t)
    t = re.sub(r"`[^`]*`", "C", t)
    lines = [ln for ln in t.split("\n") if not ln.startswith("|")]
    return [s for ln in lines for s in re.split(r"[。！？]", ln) if s.strip()]


@pytest.mark.parametrize("name", ["attention", "rnn", "batchnorm", "mlp-bce"])
def test_no_nested_colons_in_chinese_sentences(name: str) -> None:
    """「**这一步在做什么**：Softmax 把同一行的元素耦合在一起：提高…」 and 「**中途舍入**：…；本讲义只
    在最后舍入一次：」 put two full-width colons in one sentence (the issue's 「依据：定义：」)."""
    nested = [s for s in _prose_sentences(_md(name, "zh")) if s.count("：") >= 2]
    assert not nested, nested[:3]


def test_no_in_words_sentence_opens_with_a_colon_after_the_label() -> None:
    """Every "in words" sentence may come first, right after 「**这一步在做什么**：」: its first
    sentence must not hold a colon of its own (all of the catalogue, not only the networks
    built above)."""
    from derive.locale import catalog

    table = catalog.catalogue("zh")["handout_intuition"]
    assert len(table) > 40
    bad = {}
    for key, text in table.items():
        if key in ("label", "sep") or not isinstance(text, str):
            continue
        first = re.split(r"[。？！]", re.sub(r"\$[^$]*\$", "X", text))[0]
        if "：" in first:
            bad[key] = first
    assert not bad, bad


def test_a_mean_written_out_gets_the_averaging_factor_mistake() -> None:
    """Nielsen's ``C = sum((y − a)²)/(2n)`` averages over the n = 3 rows but, unlike ``mse(…)``,
    is no library mean: the handout had no "averaging factor" slip. Now it has, with the numbers
    n times and 1/n times the gradient (the first entries compared); a loss with no division by
    a batch size (tiny-mlp's half square error of one example) gets none."""
    w = _walkthrough("nielsen3")
    lesson = next(ls for ls in w.lessons if ls.key == "mistakes")
    parts = dict(lesson.parts)
    assert "one_over_m.rows" in parts
    assert dict(lesson.math)["nk"] == "n = 3"

    def first(v) -> float:
        m = re.search(r"-?\d+\.\d+(?: \\times 10\^\{-?\d+\})?", v.value)
        assert m is not None
        mant, _, exp = m.group(0).partition(" \\times 10^{")
        return float(mant) * 10 ** int(exp.rstrip("}") or 0)

    wrong = parts["one_over_m.rows"]
    right = next(b for b in w.backward if b.name == "w2").value
    assert abs(first(wrong[-2]) / first(right) - 3) < 1e-3
    assert abs(first(wrong[-1]) / first(right) - 1 / 3) < 1e-3
    for name in ("tiny-mlp", "chain"):
        mistakes = next((ls for ls in _walkthrough(name).lessons if ls.key == "mistakes"), None)
        assert mistakes is None or "one_over_m.rows" not in dict(mistakes.parts)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_header_says_how_small_numbers_are_written(lang: str) -> None:
    """nielsen3's ∂C/∂w⁽²⁾ shows ``2.885617 × 10^{-4}`` (7 significant digits) under a header
    saying "rounded … to 7 decimals"; the header now says how such numbers are written, where
    one is shown (Markdown, LaTeX and the notebook), and not where none is (tiny-mlp)."""
    words = {"en": "7 significant digits, written", "zh": "的数则保留 7 位有效数字"}[lang]
    md = _md("nielsen3", lang)
    assert "\\times 10^{-4}" in _section(md, 3)
    head = md[: md.index("## 1. ")]
    assert words in head
    assert words in _built("nielsen3", "tex/walkthrough.tex.j2", lang)
    assert words in _built("nielsen3", "ipynb/walkthrough.ipynb.j2", lang)
    tiny = _md("tiny-mlp", lang)
    assert "\\times 10^{" not in _section(tiny, 2) + _section(tiny, 3)
    assert words not in tiny


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_symmetry_argument_names_its_layer(lang: str) -> None:
    """nielsen3 has two hidden layers; the zero-initialisation argument is about the first
    (``a^{[2]}``: the columns of w⁽²⁾ equal) but said only "the 3 hidden units". Now it names the
    layer whose columns are the units, in both languages, on every network with the lesson."""
    said = {
        "en": "hidden units of ${}$ stay identical",
        "zh": "${}$ 的这 ",
    }[lang]
    for name, layer in (("nielsen3", "a^{[2]}"), ("tiny-mlp", "h"), ("relu-mlp", "h_{\\text{relu}}")):
        w = _walkthrough(name)
        lesson = next(ls for ls in w.lessons if ls.key == "symmetry")
        assert dict(lesson.math)["H"] == layer, name
        assert said.format(layer) in _md(name, lang), name
