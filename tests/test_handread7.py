"""The handouts as a lecturer reads them (issue 12, pass 7): exercise hints that do not give the
answer away, and the defects found reading every built-in side by side with its lecture notes."""

from __future__ import annotations

import re

import pytest

from derive.lang import spec
from derive.render import exercises as E


def _backward_questions(net: str, lang: str, template: str) -> str:
    text = E.render(E.sheet(spec.load(net)), template, lang)
    start = text.index("\n## 3.") if template.endswith(".md.j2") else text.index("\\section")
    return text[start : text.index("\n## 4.") if template.endswith(".md.j2") else None]


@pytest.mark.parametrize("net", ["tiny-mlp", "attention"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_shape_hints_give_the_operands_not_their_arrangement(net: str, lang: str) -> None:
    """The hint of "∂L/∂W² = ?" read "(n_h × 1)(1 × 1) → n_h × 1" after the shapes: that is the
    order of the factors and where the transpose goes, i.e. the answer. A hint lists the shapes
    of the result and of the tensors to combine, the gradient first, never a product."""
    section = _backward_questions(net, lang, "exercises/exercises.md.j2")
    sh = E.sheet(spec.load(net))
    hints = [p.eq.hint for b in sh.backward for p in b.paths if p.eq.hint]
    assert hints, "no shape hint at all"
    for hint in hints:
        assert hint in section
        assert "\\to" not in hint and "\\top" not in hint and "\\left(" not in hint, hint
        # the result's own shape comes first
        assert hint.startswith(("\\delta", "\\frac{\\partial")), hint
    assert "\\to" not in section
    tex = E.render(sh, "exercises/exercises.tex.j2", lang)
    assert not re.search(r"\\to\b", tex), "a product of shapes in the LaTeX sheet"


def _zh_strings():
    from derive.locale import catalog

    def strings(node: object):
        if isinstance(node, dict):
            for v in node.values():
                yield from strings(v)
        elif isinstance(node, str):
            yield node

    return list(strings(catalog.catalogue("zh")))


def test_chinese_run_in_headings_of_the_mistakes_end_in_a_colon_after_the_bold() -> None:
    """「**中途舍入。**」, 「**漏掉转置。**」 … (16 times in the zh handouts) against
    「**直观理解**：」 in the same handout: one style for a bold run-in label, the colon after the
    bold — and no second colon inside it (「**平均中的 1/m：漏掉或重复**：」). A section is
    referred to with quotation marks, not the book-title marks 《》."""
    strings = _zh_strings()
    assert not [s for s in strings if re.search(r"\*\*[^*\n]{1,40}[。.]\*\*", s)]
    assert not [s for s in strings if re.search(r"\*\*[^*\n]*：[^*\n]*\*\*：", s)]
    assert not [s for s in strings if re.search(r"\*\*[^*\n]+\*\*：[^：。\n]{0,12}：", s)]
    assert not [s for s in strings if "《" in s]


def test_exercise_sheets_translate_sympys_piecewise_words(tmp_path) -> None:
    """The walkthroughs turned SymPy's ``\\text{otherwise}`` into 「其他情况」 in Chinese; the
    exercise sheets and solutions, rendered apart, kept the English words."""
    (tmp_path / "exercises").mkdir()
    (tmp_path / "exercises" / "solutions.md.j2").write_text(
        "$x = \\begin{cases} 1 & \\text{for}\\: z > 0 \\\\ 0 & \\text{otherwise} \\end{cases}$\n"
    )
    sh = E.sheet(spec.load("chain"))
    zh = E.render(sh, "exercises/solutions.md.j2", "zh", str(tmp_path))
    assert "\\text{其他情况}" in zh and "\\text{若}" in zh and "otherwise" not in zh
    en = E.render(sh, "exercises/solutions.md.j2", "en", str(tmp_path))
    assert "\\text{otherwise}" in en


def test_a_build_whose_source_is_edited_meanwhile_says_so(tmp_path, monkeypatch) -> None:
    """An unreproduced StrictUndefined at "attention: exercises": a template edited while a
    build runs is re-read by Jinja while the process keeps the old Python records, e.g.
    "UndefinedError: 'Eq object' has no attribute 'hint'" (seen here, editing records.py and
    the exercise templates during a PDF build). Such a build now fails with one line that
    says what happened and writes nothing; an error of an unedited build stays as it was."""
    import jinja2

    from derive.render import build as builder

    def broken(*args, **kwargs):
        raise jinja2.exceptions.UndefinedError("'Eq object' has no attribute 'hint'")

    monkeypatch.setattr(builder, "build_network", broken)
    out = tmp_path / "out"
    p = builder.plan(["chain"], ["exercises"], ["en"], out, None)
    with pytest.raises(jinja2.exceptions.UndefinedError):
        builder.build(p)
    monkeypatch.setattr(builder, "_source_now", lambda: "edited")
    with pytest.raises(builder.SourceChangedError, match="changed while this build ran"):
        builder.build(p)
    assert not out.exists() or not any(out.iterdir())
    monkeypatch.setattr(builder, "build_network", lambda *a, **k: [])
    with pytest.raises(builder.SourceChangedError):
        builder.build(p)  # a build that went through still refuses to write mixed files


@pytest.mark.parametrize("name", ["mlp-bce", "mlp-bce-weighted"])
def test_the_description_writes_the_layers_as_the_handout_does(name: str) -> None:
    """mlp-bce's subtitle said "A2 = σ(Z2)" in plain text and mlp-bce-weighted's
    "∂L/∂Z_2 … (Ŷ − Y)/m" with ŷ undefined, above a handout that writes Z^{[2]} and A^{[2]}:
    one notation per handout, from its first line."""
    s = spec.load(name)
    for lang in ("en", "zh"):
        text = s.description[lang]
        assert not re.search(r"\b[AZ]2\b|[AZ]_2|\\hat\{[yY]\}", text), (lang, text)
        assert "A^{[2]}" in text


def _md(name: str, lang: str) -> str:
    from derive.engine.backprop import derive
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = derive(spec.load(name))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    return render.render("md/walkthrough.md.j2", w, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_averaging_mistake_names_the_handouts_own_count(lang: str) -> None:
    """"The 1/m of the mean, missing or twice … over 4 entries … |_{no 1/m}" in attention,
    whose sizes are n × d and which never defines m; in batchnorm m is the batch (3 rows) while
    the loss averages over m·n = 6 entries. The lesson now names the count as the handout
    writes it in its 'in words' paragraphs (m · n = 6), and the labels of its numbers say the same — in zh in Chinese."""
    att = _md("attention", lang)
    assert "1/m" not in att and "\\frac{1}{m}" not in att
    assert "$d \\cdot n = 4$" in att and "1/(d \\cdot n)" in att
    bn = _md("batchnorm", lang)
    assert "$m \\cdot n = 6$" in bn
    assert ("\\text{no}\\ 1/(m \\cdot n)" in bn) == (lang == "en")
    if lang == "zh":
        assert not re.search(r"\\text\{(no|no scale|const|no )\}", att + bn)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_chain_rule_paragraph_follows_this_networks_own_route(lang: str) -> None:
    """"The idea" (the loss as a bill split back through the graph) was the same paragraph in
    every handout. It now ends with this network's route — where the bill starts, the tensors
    it reaches in backward order, and where each parameter takes its share (rnn's shared
    weights at both steps)."""
    md = _md("tiny-mlp", lang)
    para = next(p for p in md.split("\n\n") if "**The idea.**" in p or "**直观理解**" in p)
    assert "$y_{\\text{pred}}, h, h_{\\text{raw}}$" in para
    assert re.search(r"\$W\^\{\[2\]\}\$ (at|在) \$y_\{\\text\{pred\}\}\$", para), para
    assert para.index("W^{[2]}") < para.index("W^{[1]}")
    rnn = _md("rnn", lang)
    para = next(p for p in rnn.split("\n\n") if "**The idea.**" in p or "**直观理解**" in p)
    assert "$z_{2}, z_{1}$" in para


def _prose(md: str) -> str:
    md = re.sub(r"```.*?```|\$\$.*?\$\$", "", md, flags=re.S)
    return re.sub(r"\$[^$]*\$|`[^`]*`|\]\([^)]*\)", "", md)


@pytest.mark.parametrize("name", ["attention", "softmax-regression"])
def test_chinese_prose_writes_softmax_as_one_name(name: str) -> None:
    """The zh handouts said 「Softmax：雅可比矩阵与反向传播」 and 「softmax 把同一行的元素
    耦合在一起」 side by side (16 lowercase, 14 capitalised in the built-ins): Chinese texts
    (邱锡鹏) capitalise the function's name in prose, as these handouts do for Sigmoid."""
    prose = _prose(_md(name, "zh"))
    assert not re.search(r"(?<![A-Za-z_\-])softmax(?![A-Za-z_(])", prose), prose
    assert "Softmax" in prose


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_solutions_work_out_the_values_the_sheet_asks_for(lang: str) -> None:
    """The sheet asks "write the formula …, then its value" for every δ, but the solutions gave
    δ_h only as a matrix of numbers, with no working: the first entry is now worked out (and
    the others said to be alike), as for the parameters in section 4."""
    sh = E.sheet(spec.load("tiny-mlp"))
    md = E.render(sh, "exercises/solutions.md.j2", lang)
    backward = md[md.index("\n## 3.") : md.index("\n## 4.")]
    assert "\\delta_{h_{1}} &= \\delta_{y_{\\text{pred}}} \\cdot v_{1}" in backward
    assert backward.count("\\begin{aligned}") == 3  # δ_y_pred, δ_h, δ_h_raw (not the params)
    tex = E.render(sh, "exercises/solutions.tex.j2", lang)
    assert "\\delta_{h_{1}} &= \\delta_{y_{\\text{pred}}} \\cdot v_{1}" in tex


def test_the_learning_rate_is_written_one_way_in_a_handout() -> None:
    """relu-mlp's gradient-descent note said "for example 0.000001" and its training section,
    a page later, "learning rate 1 × 10⁻⁶": the same number in the same notation."""
    from derive.engine.backprop import derive
    from derive.numeric import verify as numeric
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build
    from derive.walkthrough.lessons import _lr_tex

    assert _lr_tex(1e-6) == "1 \\times 10^{-6}" and _lr_tex(0.01) == "0.01"
    assert _lr_tex(2.5e-5) == "2.5 \\times 10^{-5}"
    d = derive(spec.load("neuron"))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    sgd = next(ls for ls in w.lessons if ls.key == "sgd")
    assert dict(sgd.math)["lr"] == "0.01"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_simplification_does_not_repeat_the_shape_table_or_borrow_a_symbol(lang: str) -> None:
    """softmax-regression's δ_Z showed the same table "δ_Z, P, Y: m × k" after each of its three
    simplification lines (the LaTeX handout shows none of them), and its last reason compared
    p − y with "ŷ − y for sigmoid + BCE", a symbol this handout never defines."""
    md = _md("softmax-regression", lang)
    section = md[md.index("### 3.2") : md.index("### 3.3")]
    assert section.count("|---|---|") == 1, section
    assert "\\hat{y}" not in md


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_sheet_defines_its_loss_and_the_start_of_its_proof(lang: str) -> None:
    """mlp-bce's sheet asked for "L = BCE(A², Y) = ?" but never wrote BCE out (its handout
    does); the proof's hints began "Definition (the forward rule)", then "Differentiate the
    expression above" with no expression above, and "in the sum over k" with k as text."""
    sh = E.sheet(spec.load("mlp-bce"))
    for template in ("exercises/exercises.md.j2", "exercises/exercises.tex.j2"):
        text = E.render(sh, template, lang)
        assert "\\sum_{i=1}^{m}" in text and "\\log" in text
        assert text.index("\\sum_{i=1}^{m}") < text.index("\\operatorname{BCE}\\left(A^{[2]}, Y\\right) =")
        start = text.index("Z_{ij} = \\sum_{k=1}^{D} X_{ik} W_{kj}")
        assert start > text.index("X^{\\top} \\thinspace \\delta_{Z}")  # after the rule to prove
        assert "$k$" in text or "\\(k\\)" in text
    md = E.render(sh, "exercises/exercises.md.j2", lang)
    hints = md[md.index("Z_{ij} = \\sum_{k=1}^{D}") :]
    assert len(re.findall(r"^\d+\. ", hints, flags=re.M)) == len(sh.proof.steps) - 1


def test_the_gradient_step_names_the_loss_as_the_handout_does() -> None:
    """relu-mlp's loss is called loss (∂loss/∂w everywhere), but its zero-initialisation and
    gradient-descent notes wrote the step as W ← W − η ∂L/∂W, with an L it never defines."""
    from derive.engine.backprop import derive
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = derive(spec.load("relu-mlp"))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    w = __import__("dataclasses").replace(w, training=None)  # the notes, not the training run
    for lang in ("en", "zh"):
        md = render.render("md/walkthrough.md.j2", w, lang)
        assert "\\frac{\\partial L}" not in md
        assert md.count("W \\leftarrow W - \\eta\\thinspace \\frac{\\partial \\mathrm{loss}}") == 2


@pytest.mark.parametrize("name", spec.builtin_names())
def test_no_builtin_subtitle_names_a_tensor_outside_math(name: str) -> None:
    """"reaches the scores S … splits into Q and K", "N = 64, D_in = 1000" (relu-mlp, whose
    handout writes n and D_in), "h = x w_1" above a handout with w^{[1]}: a subtitle writes the
    handout's symbols, in math."""
    s = spec.load(name)
    for lang in ("en", "zh"):
        plain = re.sub(r"\$[^$]*\$", "", s.description[lang])
        assert not re.findall(r"(?<![A-Za-z_\\])[A-Z](?![A-Za-z_(.])|\b[A-Za-z]_[a-z0-9]+\b", plain)
        assert not re.search(r"[wW]_[12]\b", s.description[lang])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_batch_variance_is_a_mean_of_squares_in_words(lang: str) -> None:
    """batchnorm's δ_{Z_c} said "var squares Z_c: the blame is multiplied by the slope 2 Z_c",
    under the step (1/m) δ_var ⊙ (2 Z_c): var = mean(Z_c², axis=0) averages the squares over
    the batch, and the words now say so, with the 1/m of that mean."""
    md = _md("batchnorm", lang)
    para = next(p for p in md.split("\n\n") if "\\hat{Z}, \\mathrm{var}" in p and "2Z_{" in p)
    assert ("the mean of the squares" in para) == (lang == "en")
    assert "divided by $m$" in para or "除以 $m$" in para
    assert "squares $Z_{\\text{c}}$:" not in para


def test_chinese_reasons_do_not_nest_a_colon_after_a_label() -> None:
    """「**依据**：{{via}} 是与权重 W 的矩阵乘积：权重的梯度等于…」, 「**这一步在做什么**：u 把
    w 乘以 x：它的责任…」: a colon inside the scope of the label's colon (GB/T 15834 advises
    against it); the most used reasons and "in words" sentences now continue with 「，所以」."""
    from derive.locale import catalog

    zh = catalog.catalogue("zh")
    for key in ("linear-weight", "linear-input", "sigmoid-derivative", "relu-derivative"):
        first = re.sub(r"\$[^$]*\$", "M", zh["reasons"][f"rule.{key}"]).split("。")[0]
        assert "：" not in first, (key, first)
    for key in ("identity", "product", "fork", "slope.relu", "start"):
        first = re.sub(r"\$[^$]*\$", "M", zh["handout_intuition"][key]).split("。")[0]
        assert "：" not in first, (key, first)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_proof_exercise_states_its_setting(lang: str) -> None:
    """The last hint said "(D × N)(N × M) gives (D × M)" on a sheet that never said what N, D,
    M are: the proof's setting (Z = XW, X of shape N × D, W of shape D × M) comes with it."""
    sh = E.sheet(spec.load("tiny-mlp"))
    for template in ("exercises/exercises.md.j2", "exercises/exercises.tex.j2"):
        text = E.render(sh, template, lang)
        setting = text.index("N \\times D")
        assert setting < text.index("(D \\times N)(N \\times M)")
        assert text.index("X^{\\top} \\thinspace \\delta_{Z}") < setting


def test_chinese_sheets_use_the_chinese_dash_and_title() -> None:
    """「平均 BCE — 练习」 and 「$= ?$ — 它经由 L 传回」: an English spaced em dash in Chinese text
    (the LaTeX '---' set one 「—」); Chinese uses 「——」, and the sheet's kind goes in brackets."""
    sh = E.sheet(spec.load("chain"))
    md = E.render(sh, "exercises/exercises.md.j2", "zh")
    assert md.startswith("# ") and md.splitlines()[0].endswith("（练习）")
    assert " — " not in md and "?$——" in md
    tex = E.render(sh, "exercises/exercises.tex.j2", "zh")
    assert "---" not in tex and "\\)——" in tex
    assert " — " in E.render(sh, "exercises/exercises.md.j2", "en")


def test_a_lesson_states_a_shared_reason_once() -> None:
    """mlp-bce's "Where the 1/m of the mean lives" printed the same "Why. Substitute the
    simplified gradient of Z² into this rule …" under ∂L/∂W² and again under ∂L/∂b²: a run of
    equations with one reason now gets it once, after the last."""
    md = _md("mlp-bce", "en")
    lesson = md[md.index("### 7.1") : md.index("### 7.2")]
    assert lesson.count("Substitute the simplified gradient") == 1
    assert lesson.index("\\partial b^{[2]}}") < lesson.index("Substitute the simplified gradient")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_scalar_is_not_worked_out_entry_by_entry(lang: str) -> None:
    """neuron's z, O, L and δ_O are single numbers, each introduced with "Entry by entry, at the
    example values:"; a tensor with one entry is now worked out "At the example values:"."""
    md = _md("neuron", lang)
    one, many = ("At the example values:", "Entry by entry") if lang == "en" else (
        "代入示例数值：", "逐元素代入示例数值：")
    z = md[md.index("### 2.1") : md.index("### 2.2")]
    assert one in z and many not in z
    w = md[md.index("### 3.3") : md.index("## 4.")]
    assert many in w  # ∂L/∂w has three entries
