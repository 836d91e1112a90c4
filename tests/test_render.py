"""Rendering: escaping, filters, locale catalogues, the walkthrough context (fast, in-process)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric
from derive.numeric.example import fmt
from derive.render import environment as render
from derive.render import markup
from derive.render.build import shared_proofs
from derive.render.environment import catalogue
from derive.render.markup import Raw, md_escape, tex_escape, tex_say
from derive.walkthrough import lessons
from derive.walkthrough.context import build
from derive.walkthrough.records import Math

HOSTILE = r"\input{/etc/hostname} ^^5cinput <script>alert(1)</script> $x$ {} # % & ~ _ `"


@pytest.fixture(scope="module")
def tiny():
    d = derive(spec.load("tiny-mlp"))
    return build(d, numeric.verify(d, points=1), shared_proofs())


# ---- escaping -------------------------------------------------------------------------------


def test_md_escape_makes_user_text_inert() -> None:
    out = md_escape(HOSTILE + "\n- not a list")
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert "\\$x\\$" in out  # no math
    assert "\\`" in out  # no code span
    assert "\n" not in out  # one line: cannot start a block
    assert md_escape("- item") == "\\- item" and md_escape("1. item") == "1\\. item"


def test_tex_escape_makes_user_text_inert() -> None:
    out = tex_escape(HOSTILE)
    assert "\\input" not in out.replace("\\textbackslash{}input", "")
    assert "^^" not in out  # TeX's ^^5c notation cannot form
    for raw, escaped in (
        ("{", "\\{"),
        ("}", "\\}"),
        ("$", "\\$"),
        ("#", "\\#"),
        ("%", "\\%"),
        ("&", "\\&"),
        ("_", "\\_"),
    ):
        assert escaped in out, raw
    # every remaining backslash starts one of our escapes
    assert set(re.findall(r"\\([A-Za-z]+|.)", out)) <= {
        "textbackslash",
        "{",
        "}",
        "^",
        "$",
        "#",
        "%",
        "&",
        "_",
        "textasciitilde",
        "textless",
        "textgreater",
    }


def test_tex_escape_maps_unicode_math_and_marks_unknown_symbols() -> None:
    assert tex_escape("ReLU → σ") == "ReLU \\ensuremath{\\rightarrow} \\ensuremath{\\sigma}"
    assert tex_escape("两层 MLP") == "两层 MLP"  # CJK is typeset by ctex/Fandol
    assert tex_escape("\U0001f600") == "\\texttt{[U+1F600]}"  # never a "Missing character"


def test_description_math_is_math_and_the_rest_inert_text() -> None:
    text = r"Loss $L = \frac{1}{2}(O - t)^2$ <b>*not* bold</b>, \$5"
    assert markup.md_prose(text) == (
        r"Loss $L = \frac{1}{2}(O - t)^2$ &lt;b&gt;\*not\* bold&lt;/b&gt;, \$5"
    )
    assert markup.tex_prose(text) == (
        r"Loss \(L = \frac{1}{2}(O - t)^2\) \textless{}b\textgreater{}*not* bold"
        r"\textless{}/b\textgreater{}, \$5"
    )
    assert markup.py_prose(text) == r"Loss L = \frac{1}{2}(O - t)^2 <b>*not* bold</b>, $5"
    with pytest.raises(ValueError):
        markup.md_prose(r"$\input{x}$")  # the spec refuses it first; the printer too


def test_say_fills_placeholders_per_target() -> None:
    text = "Through {{V}}, $\\frac{1}{{{m}}}$, `code`, **bold**, *it*: {{t}}."
    args = {"V": Math("Z^{[1]}"), "m": Math("m"), "t": "a_b"}
    assert markup.md_say(text, args) == (
        "Through $Z^{[1]}$, $\\frac{1}{m}$, `code`, **bold**, *it*: a\\_b."
    )
    assert tex_say(text, args) == (
        "Through \\(Z^{[1]}\\), \\(\\frac{1}{m}\\), \\texttt{code}, "
        "\\textbf{bold}, \\emph{it}: a\\_b."
    )
    with pytest.raises(TypeError):  # user text never lands inside math
        markup.md_say("$x_{{{t}}}$", {"t": "evil"})
    with pytest.raises(KeyError):
        markup.md_say("{{missing}}", {})


def test_finalize_escapes_by_default_and_raw_refuses_plain_text(tiny) -> None:
    md = render.environment("md")
    assert md.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"
    assert md.from_string("{{ x }}").render(x=Math("a_1")) == "$a_1$"
    assert md.from_string("{{ x }}").render(x=Raw("<b>")) == "<b>"
    with pytest.raises(TypeError):
        md.from_string("$$ {{ x | raw }} $$").render(x="not math")
    tex = render.environment("tex")
    assert tex.from_string("((( x )))").render(x="50% & $") == "50\\% \\& \\$"
    assert tex.from_string("((( x )))").render(x=Math("x^2")) == "\\(x^2\\)"
    with pytest.raises(ValueError):
        md.from_string("{{ x | verbatim }}").render(x="a\n```")
    with pytest.raises(ValueError):
        md.from_string("{{ x | label }}").render(x='x"]; click')


# ---- catalogues -----------------------------------------------------------------------------


def _keys(d: dict, prefix: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    out = set()
    for k, v in d.items():
        out |= _keys(v, (*prefix, k)) if isinstance(v, dict) else {(*prefix, k)}
    return out


def _get(d: dict, key: tuple[str, ...]) -> str:
    for part in key:
        d = d[part]
    return d  # type: ignore[return-value]


def _slots(text: str) -> set[str]:
    return set(re.findall(r"\{\{(\w+)\}\}", text))


def test_catalogues_have_the_same_keys_and_placeholders() -> None:
    en, zh = catalogue("en"), catalogue("zh")
    assert _keys(en) == _keys(zh)
    for key in _keys(en):
        assert _slots(_get(en, key)) == _slots(_get(zh, key)), key


def test_chinese_math_has_no_cjk_outside_text() -> None:
    for key in _keys(catalogue("zh")):
        for math in re.findall(r"\$([^$]+)\$", _get(catalogue("zh"), key)):
            assert not re.search(r"[\u3000-\u9fff\uff00-\uffef]", math), (key, math)


def test_every_reason_key_in_use_has_text_in_both_languages(derived) -> None:
    used = {
        "forward.definition",
        "forward.entry",
        "rule.chain-rule",
        "lesson.per-sample",
        "lesson.substitute",
    }
    for name in spec.builtin_names():
        used |= {s.reason for s in derived[name].steps()}
    proofs = shared_proofs()
    for name in sorted(proofs._names):
        p = proofs[name]
        used |= {s.reason for s in (p.statement, *p.steps)}
        for key in (*p.assumptions, *p.notes):
            assert key in catalogue("en")["proof_notes"], key
            assert key in catalogue("zh")["proof_notes"], key
    for lang in ("en", "zh"):
        missing = sorted(used - set(catalogue(lang)["reasons"]))
        assert not missing, f"{lang} catalogue lacks reasons: {missing}"


def _prose_constants(module) -> list[str]:
    """String constants of ``module`` that read like sentences, outside docstrings and
    exception messages."""
    import ast
    import inspect

    tree = ast.parse(inspect.getsource(module))
    skip: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skip.add(id(body[0].value))  # docstring
        if isinstance(node, ast.Raise):
            skip |= {id(n) for n in ast.walk(node)}
    return [
        n.value
        for n in ast.walk(tree)
        if isinstance(n, ast.Constant)
        and isinstance(n.value, str)
        and id(n) not in skip
        and len(re.findall(r"[A-Za-z]{2,}", n.value)) >= 4
        and re.search(r"\b(the|of|is|to|and|a|we|this)\b", n.value, re.I)
    ]


def test_no_prose_in_python_modules() -> None:
    """Walkthrough prose lives in the catalogues and templates, not in the renderer's code."""
    from derive.walkthrough import context as walkthrough
    from derive.walkthrough import diagram, evidence

    for module in (walkthrough, lessons, evidence, render, markup, diagram):
        assert _prose_constants(module) == [], module.__name__


# ---- context --------------------------------------------------------------------------------


def test_context_math_is_marked_and_steps_are_counted(tiny) -> None:
    assert isinstance(tiny.forward[0].eq.lhs, Math)
    assert all(isinstance(t, Math) for c in tiny.forward[0].calcs for _, t in c.chain)
    assert tiny.steps_verified > 40
    # backprop order: each parameter gradient as soon as its upstream gradient is known
    assert [b.name for b in tiny.backward] == ["y_pred", "W2", "h", "h_raw", "W1"]
    assert tiny.backward[4].code == "dW1 = X.T @ dh_raw"
    assert tiny.code.backward[1:3] == ("dW2 = h.T @ dy_pred", "dh = dy_pred @ W2.T")


def test_tiny_mlp_diagram_labels_edges_with_weights(tiny) -> None:
    dg = tiny.diagram
    names = {n.id: n.text for n in dg.nodes}
    edges = {(names[e.src], names[e.dst]): e.text for e in dg.edges}
    assert dg.level == "entry"
    assert edges[("x1", "h1_raw")] == "w11" and edges[("x1", "h2_raw")] == "w12"
    assert edges[("x2", "h1_raw")] == "w21" and edges[("x2", "h2_raw")] == "w22"
    assert edges[("h1_raw", "h1")] == "σ"
    assert edges[("h1", "y_pred")] == "v1" and edges[("h2", "y_pred")] == "v2"


def test_batch_network_diagram_is_tensor_level() -> None:
    from derive.walkthrough.diagram import diagram

    dg = diagram(derive(spec.load("mlp-bce")).graph)
    names = {n.id: n.text for n in dg.nodes}
    edges = {(names[e.src], names[e.dst]): e.text for e in dg.edges}
    assert dg.level == "tensor"
    assert edges[("X", "Z1")] == "W1, b1" and edges[("Z1", "A1")] == "ReLU"
    assert edges[("Y", "L")] == ""


def test_lessons_follow_the_derivation() -> None:
    found = {}
    for name in ("neuron", "mlp-bce", "mlp-bce-weighted", "relu-mlp", "chain"):
        d = derive(spec.load(name))
        w = build(d, numeric.verify(d, points=0, full=False), shared_proofs())
        found[name] = [ls.key for ls in w.lessons]
    assert "factor-two" in found["neuron"] and "batch-mean" not in found["neuron"]
    assert "batch-mean" in found["mlp-bce"] and "weighted-bce" not in found["mlp-bce"]
    assert {"batch-mean", "weighted-bce", "symmetry"} <= set(found["mlp-bce-weighted"])
    assert {"transpose-order", "symmetry", "mistakes"} <= set(found["relu-mlp"])
    assert "relu-zero" not in found["relu-mlp"]  # said once, among the common mistakes
    # a scalar graph's one classic slip: the local derivative taken for the gradient
    assert found["chain"] == ["sgd", "mistakes"]


def test_symmetry_lesson_is_about_this_network() -> None:
    """The zero-init argument names this network's parameters only (no b2 in tiny-mlp) and
    says which gradients vanish at an all-zero start: in relu-mlp all of them (ReLU(0) = 0,
    and no biases), in tiny-mlp all but W2's (σ(0) = 1/2)."""
    out = {}
    for name in ("tiny-mlp", "relu-mlp"):
        d = derive(spec.load(name))
        w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
        (ls,) = [ls for ls in w.lessons if ls.key == "symmetry"]
        out[name] = dict(ls.parts), dict(ls.math)
    parts, math = out["tiny-mlp"]
    shown = " ".join(f"{e.lhs} {e.rhs}" for eqs in parts.values() for e in eqs)
    assert "b^{[2]}" not in shown and "W^{[1]}" in shown
    assert [e.lhs for e in parts["sym_zero"]] == ["\\frac{\\partial L}{\\partial W^{[1]}}"]
    assert math["moving"] == "W^{[2]}" and "sym_zero_moving" in parts
    parts, math = out["relu-mlp"]
    assert len(parts["sym_zero"]) == 2 and "sym_zero_stuck" in parts and "moving" not in math


def test_common_mistakes_count_what_the_loss_averages_and_show_the_right_gradient_once() -> None:
    """Cross-entropy averages over the m rows (not m·k entries); an MSE's "mean called a sum"
    points at the "no 1/m" numbers instead of repeating them; the right gradient is shown with
    the first slip only; a network without a hidden layer (attention) gets no generic zero-init
    argument about some other network."""
    found = {}
    for name in ("softmax-regression", "batchnorm", "attention"):
        d = derive(spec.load(name))
        w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
        found[name] = w
    sm = next(ls for ls in found["softmax-regression"].lessons if ls.key == "mistakes")
    parts = dict(sm.parts)
    assert "one_over_m.rows" in parts and dict(sm.math)["m"] == "2"  # m = 2 rows, 3 classes
    bn = next(ls for ls in found["batchnorm"].lessons if ls.key == "mistakes")
    parts = dict(bn.parts)
    assert "mse_sse.same" in parts and parts["mse_sse.same"] == ()
    right = [e for eqs in parts.values() for e in eqs if e.lhs == "\\frac{\\partial L}{\\partial W}"]
    assert len(right) == 1  # shown once, with the rounding slip
    keys = [ls.key for ls in found["attention"].lessons]
    assert "zero-init" not in keys and "symmetry" not in keys
    assert "zero-init" not in [c.name for c in found["attention"].cited]


def test_batch_norm_mistake_holds_the_batch_statistics_constant() -> None:
    """CS231n's classic slip, on batchnorm's own numbers: with μ and var treated as constants,
    ∂L/∂W = Xᵀ(γ ⊙ δ_Y / √(var + ε)) — computed here from the derivation by dropping the paths
    through the reductions, checked against that formula in NumPy."""
    import numpy as np

    d = derive(spec.load("batchnorm"))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    ls = next(ls for ls in w.lessons if ls.key == "mistakes")
    (shown,) = dict(ls.parts)["stats_constant"]
    v = {k: np.array(val, dtype=float) for k, val in d.spec.values.items()}
    eps = float(d.spec.constants["eps"])
    Z = v["X"] @ v["W"]
    zc = Z - Z.mean(0, keepdims=True)
    var = (zc**2).mean(0, keepdims=True)
    Y = v["gamma"] * zc / np.sqrt(var + eps) + v["beta"]
    dY = 2 / Y.size * (Y - v["T"])
    want = v["X"].T @ (v["gamma"] * dY / np.sqrt(var + eps))
    got = [float(x) for x in re.findall(r"-?\d+\.\d+", shown.value)]
    assert np.allclose(got, want.ravel(), atol=1e-6)
    r = derive(spec.load("rnn"))  # no reduction: no such slip
    wr = build(r, numeric.verify(r, points=0, full=False), shared_proofs(), detail="standard")
    assert all("stats_constant" not in dict(ls.parts) for ls in wr.lessons)


def test_rnn_and_attention_mistakes_are_theirs_with_numbers_from_numpy() -> None:
    """BPTT: keeping only the last step's contribution gives x₂ᵀ δ_{z₂} for W_x; ½·SSE of two
    entries IS the MSE, so "a sum of squares called MSE" must not claim a factor there.
    Attention: the 1/√d left out of the backward pass gives √d × ∂L/∂W_q; δ_K without the
    transpose of δ_S gives δ_S Q/√d. Every number is checked against NumPy, written here."""
    import numpy as np

    def shown(values: Any) -> Any:
        return np.array([float(x) for x in re.findall(r"-?\d+\.\d+", values.value)])

    def lesson(name: str) -> Any:
        d = derive(spec.load(name))
        w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
        return d, next(ls for ls in w.lessons if ls.key == "mistakes")

    d, ls = lesson("rnn")
    parts = dict(ls.parts)
    assert "sse_mse" not in parts and parts["sse_mse.coincide"] == ()
    v = {k: np.array(val, dtype=float) for k, val in d.spec.values.items()}
    h1 = np.tanh(v["x_1"] @ v["W_x"] + v["h_0"] @ v["W_h"] + v["b"])
    h2 = np.tanh(v["x_2"] @ v["W_x"] + h1 @ v["W_h"] + v["b"])
    dz2 = (h2 - v["y"]) * (1 - h2**2)
    (last,) = parts["bptt_last"]
    assert np.allclose(shown(last), (v["x_2"].T @ dz2).ravel(), atol=1e-6)

    d, ls = lesson("attention")
    parts = dict(ls.parts)
    v = {k: np.array(val, dtype=float) for k, val in d.spec.values.items()}
    n, dd = v["X"].shape
    Q, K, V = v["X"] @ v["W_q"], v["X"] @ v["W_k"], v["X"] @ v["W_v"]
    S = Q @ K.T / np.sqrt(dd)
    A = np.exp(S) / np.exp(S).sum(1, keepdims=True)
    dO = 2 / (n * dd) * (A @ V - v["T"])
    dA = dO @ V.T
    dS = A * (dA - (dA * A).sum(1, keepdims=True))
    (noscale,) = parts["scale_forgotten"]
    assert np.allclose(shown(noscale), (v["X"].T @ (dS @ K)).ravel(), atol=1e-6)
    right, wrong = parts["score_transpose"]
    assert np.allclose(shown(right), (dS.T @ Q / np.sqrt(dd)).ravel(), atol=1e-6)
    assert np.allclose(shown(wrong), (dS @ Q / np.sqrt(dd)).ravel(), atol=1e-6)
    assert not np.allclose(shown(right), shown(wrong), atol=1e-3)


def test_a_product_is_worked_out_in_the_order_the_spec_writes_it() -> None:
    """chain writes u = w * x: the hand calculation says w·x with w's number first, as its
    title and matrix form do (SymPy alone would print x·w); batchnorm's γ·ẑ likewise."""
    for name, node, first in (("chain", "u", "w"), ("batchnorm", "Y", "gamma")):
        d = derive(spec.load(name))
        w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
        item = next(f for f in w.forward if f.name == node)
        calc = item.calcs[0]
        formula, numbers = calc.chain[0][1], calc.chain[1][1]
        t = d.graph.tensors[first]
        assert formula.startswith(d.graph.symbol_tex[t.symbols[0]]), (name, formula)
        head = fmt(d.spec.values[first][0][0]).tex
        assert numbers.startswith(head), (name, numbers)


def test_the_constants_a_formula_uses_are_defined_with_the_example_values() -> None:
    """batchnorm's ε appears in √(var + ε) and in the numbers (10⁻⁵): the handout defines it
    (both languages, md and tex) before the first use in the forward pass; a network without
    [constants] says nothing."""
    d = derive(spec.load("batchnorm"))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    assert w.constants == "\\varepsilon = 10^{-5}"
    for lang in ("en", "zh"):
        md = render.render("md/walkthrough.md.j2", w, lang)
        said = md.index(catalogue(lang)["handread5"]["constants"].split("$")[0])
        assert said < md.index("### 2.1") and "\\varepsilon = 10^{-5}" in md[said:]
        assert "\\varepsilon = 10^{-5}" in render.render("tex/walkthrough.tex.j2", w, lang)
    r = derive(spec.load("rnn"))
    wr = build(r, numeric.verify(r, points=0, full=False), shared_proofs(), detail="standard")
    assert wr.constants == ""


def test_chinese_headings_get_space_before_them_not_a_negative_skip() -> None:
    """ctexart's \\@startsection adds the space before a heading as given: LaTeX's negative
    'no indent' convention (-2.2ex) moved every zh heading up by that much, into the diagram
    above it (rnn: '2 前向传播' over the node h₀) or the line before ('2.1' on the text). The zh
    handout now gives positive skips and keeps the line spacing (fixskip=false); en keeps
    article's convention."""
    d = derive(spec.load("rnn"))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    heads = {}
    for lang in ("en", "zh"):
        tex = render.render("tex/walkthrough.tex.j2", w, lang)
        heads[lang] = re.findall(r"\\@startsection\{(?:sub)?section\}\{\d\}\{\\z@\}\{([^}]*)\}", tex)
        assert len(heads[lang]) == 2, lang
    assert all(not h.startswith("-") for h in heads["zh"]) and "fixskip=false" in render.render(
        "tex/walkthrough.tex.j2", w, "zh"
    )
    assert all(h.startswith("-") for h in heads["en"])


def test_a_fused_gradient_is_also_worked_out_as_courses_compute_it() -> None:
    """CS231n computes dscores = (probs − onehot)/N directly: after the chain-rule working of
    δ_Z, softmax-regression (and mlp-bce's sigmoid + BCE) work the first entry out by the
    simplified formula, (P₁₁ − Y₁₁)/m with its numbers, equal to the entry's value (checked
    against NumPy here); the weighted BCE and batch norm do not (matrix form only)."""
    import numpy as np

    got = {}
    for name in ("softmax-regression", "mlp-bce", "mlp-bce-weighted", "batchnorm"):
        d = derive(spec.load(name))
        w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
        got[name] = (d, {b.name: b.short for b in w.backward if b.short is not None})
    d, short = got["softmax-regression"]
    (calc,) = short.values()
    assert calc.chain[0][1] == "\\frac{P_{11} - Y_{11}}{m}"
    v = {k: np.array(val, dtype=float) for k, val in d.spec.values.items()}
    z = v["X"] @ v["W"] + v["b"]
    p = np.exp(z) / np.exp(z).sum(1, keepdims=True)
    want = (p - v["Y"])[0, 0] / len(z)
    assert abs(float(calc.chain[-1][1]) - want) < 1e-7
    assert list(got["mlp-bce"][1]) == ["Z2"]
    assert got["mlp-bce-weighted"][1] == {} and got["batchnorm"][1] == {}


def test_a_loss_target_is_called_a_target_in_the_tensor_table() -> None:
    d = derive(spec.load("batchnorm"))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    kinds = {t.name: t.kind for t in w.tensors}
    assert kinds["T"] == "target" and kinds["X"] == "input"
    for lang in ("en", "zh"):
        assert catalogue(lang)["kind"]["target"] != catalogue(lang)["kind"]["input"]


def test_a_weight_used_transposed_gets_no_missing_transpose_and_one_factor_two() -> None:
    """neuron computes z = x wᵀ, so ∂L/∂w = δ_z x has no transpose: its lessons speak of the
    order of the factors and of a transpose added out of habit (xᵀ δ_z: the right numbers as a
    column), not of "the transpose" it lacks; its factor-two lesson shows F.mse_loss's numbers,
    so the common mistakes point at them instead of showing them twice. tiny-mlp (h W2, a
    written-out ½(…)²) keeps the transpose lessons and the factor-two numbers."""
    got = {}
    for name in ("neuron", "tiny-mlp"):
        d = derive(spec.load(name))
        w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
        mistakes = next(ls for ls in w.lessons if ls.key == "mistakes")
        got[name] = [ls.key for ls in w.lessons], dict(mistakes.parts), dict(mistakes.math)
    keys, parts, math = got["neuron"]
    assert "product-order" in keys and "transpose-order" not in keys
    assert parts["factor_two.same"] == () and "factor_two" not in parts
    assert "transpose_habit" in parts and "transpose_shapes" not in parts
    assert (math["sc"], math["sw"]) == ("3 \\times 1", "1 \\times 3")
    keys, parts, _ = got["tiny-mlp"]
    assert "transpose-order" in keys and "product-order" not in keys
    assert len(parts["factor_two"]) == 1 and "transpose_shapes" in parts


def test_zero_init_speaks_of_a_hidden_bias_only_where_the_network_has_one() -> None:
    """"the entries of a hidden-layer bias, if there is one" was said to every network: tiny-mlp
    (no biases) now hears of its weights only, mlp-bce of its own b1 by name, in both
    languages."""
    from derive.locale import catalog

    for name, bias in (("tiny-mlp", None), ("mlp-bce", "b^{[1]}")):
        d = derive(spec.load(name))
        w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
        (ls,) = [ls for ls in w.lessons if ls.key == "symmetry"]
        assert dict(ls.math).get("b") == bias, name
        for lang in ("en", "zh"):
            text = catalog.catalogue(lang)["lessons"]["symmetry"][ls.body]
            assert ("{{b}}" in text) == (bias is not None), (name, lang)
            assert "if there is one" not in text and "若有偏置" not in text


def test_chinese_prose_has_no_space_after_full_width_punctuation() -> None:
    """Chinese sets no space after ：。；，: "**依据**： 定义", "对应代码： `dW2`",
    "参照值。 （PyTorch" were glued by the templates with an English space; ui.gap is the
    language's separator.
    Table cells ("（待学习） |") are not prose."""
    import re as _re

    from derive.render import environment as render

    for name in ("mlp-bce", "neuron"):
        d = derive(spec.load(name))
        for detail in ("standard", "full"):
            w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail=detail)
            for template in ("md/walkthrough.md.j2", "tex/walkthrough.tex.j2"):
                zh = render.render(template, w, "zh", has_py=True)
                bad = _re.findall(r".{12}[：。；，] (?![|&\\])", zh)
                assert not bad, (name, detail, template, bad[:3])
                en = render.render(template, w, "en", has_py=True)
                assert not _re.search(r"(Why\.(\*\*|\})|In code:)\S", en), (name, detail, template)


def test_chinese_handout_prose_names_sigmoid_one_way() -> None:
    """The proofs say "Sigmoid 函数的导数"; the handout prose said "sigmoid 的斜率" next to it.
    Outside math and code, the zh catalogue's handout prose writes Sigmoid (the checker's and the
    spec reader's messages name the function as code and are not prose about the network)."""
    import re as _re

    from derive.locale import catalog

    def strings(node: object, key: str = ""):
        if isinstance(node, dict):
            for k, v in node.items():
                yield from strings(v, f"{key}.{k}")
        elif isinstance(node, str):
            yield key, node

    for key, text in strings(catalog.catalogue("zh")):
        if key.startswith((".check.", ".spec.")):
            continue
        prose = _re.sub(r"\$[^$]*\$|`[^`]*`", "", text)
        assert not _re.search(r"\bsigmoid\b", prose), key


def test_zero_init_is_not_called_linear_three_times() -> None:
    """The symmetry lesson opens with "does not make the network linear"; its closing line no
    longer says it again, nor (handread27) the common mistakes list a page later."""
    from derive.render import environment as render

    d = derive(spec.load("tiny-mlp"))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    for lang, phrase in (("en", r"network .?linear"), ("zh", "线性的")):
        md = render.render("md/walkthrough.md.j2", w, lang, has_py=True)
        said = re.findall(phrase, md[md.index("## 7.") :])
        assert len(said) == 1, (lang, said)


def test_the_proofs_document_does_not_point_at_a_text_above_it() -> None:
    """proofs.md/.tex stand alone: they opened with "The matrix rules used above" (上文用到的),
    a sentence written for the proofs section inside a full walkthrough."""
    from derive.render import build as builder
    from derive.render import environment as render
    from derive.walkthrough.context import proofs_document

    doc = proofs_document(["linear-weight", "sigmoid-derivative"], builder.shared_proofs())
    for lang, above in (("en", "used above"), ("zh", "上文")):
        for template in ("md/proofs.md.j2", "tex/proofs.tex.j2"):
            text = render.render(template, doc, lang)
            assert above not in text and "[a = b]" in text, (lang, template)


def test_a_drawing_without_activations_does_not_announce_them() -> None:
    """chain's graph (u = w·x, v = u + b, L = v²) has no activation on any edge; its lead-in
    sentence said "each activation the edge it is applied on". tiny-mlp's σ edges keep it."""
    from derive.render import environment as render

    for name, functions in (("chain", False), ("tiny-mlp", True)):
        d = derive(spec.load(name))
        w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
        assert w.diagram.functions is functions, name
        md = render.render("md/walkthrough.md.j2", w, "en", has_py=True)
        assert ("each activation" in md) is functions, name


def test_a_bias_closed_form_is_not_announced_as_times_the_input() -> None:
    """"… × input of the layer" introduced ∂L/∂b = 1ᵀ(…) too, where no input appears; a bias's
    closed form is the error carried back and summed over the batch."""
    from derive.render import environment as render

    d = derive(spec.load("mlp-bce"))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    for lang, times_input, summed in (
        ("en", "input of the layer", "summed over the batch"),
        ("zh", "这一层的输入", "再对批量求和"),
    ):
        md = render.render("md/walkthrough.md.j2", w, lang, has_py=True)
        found = re.findall(
            r"^(\*\*(?:In one formula|写成一个公式).*)\n\n\$\$\n"
            r"(\\frac\{\\partial L\}\{\\partial [^=\n]*) =",
            md,
            re.M,
        )
        closed = dict((lhs, lead) for lead, lhs in found)
        for lhs, lead in closed.items():  # the whole sentence once, then its short form
            if "b^{[" in lhs:
                assert summed in lead and times_input not in lead, (lang, lhs, lead)
            else:
                assert summed not in lead, (lang, lhs, lead)
        assert any(times_input in lead for lhs, lead in closed.items() if "b^{[" not in lhs)
        assert len([k for k in closed if "b^{[" in k]) == 2 and len(closed) == 4, (lang, closed)


def test_chinese_labels_put_the_colon_after_the_bold() -> None:
    """"**依据**：", "**前提**：" but "**形状：**", "**这一步在做什么：**": one style for a bold
    label followed by a colon in the zh catalogue (the colon after the bold)."""
    from derive.locale import catalog

    def strings(node: object):
        if isinstance(node, dict):
            for v in node.values():
                yield from strings(v)
        elif isinstance(node, str):
            yield node

    bad = [s for s in strings(catalog.catalogue("zh")) if re.search(r"\*\*[^*]{1,20}：\*\*", s)]
    assert not bad, bad


def test_rounded_hand_numbers_show_all_their_significant_digits() -> None:
    """"writes every intermediate result to 3 significant digits" showed -0.061 (two): the
    tilde numbers keep their trailing zeros. Every one has exactly 3 significant digits."""
    d = derive(spec.load("neuron"))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    ls = next(ls for ls in w.lessons if ls.key == "mistakes")
    tilde = next(v for v in dict(ls.parts)["rounding"] if "widetilde" in v.lhs)
    numbers = re.findall(r"-?\d+\.\d+", tilde.value)
    assert numbers and "-0.0610" in numbers
    assert all(len(n.lstrip("-").replace(".", "").lstrip("0")) == 3 for n in numbers), numbers


def test_the_order_lesson_speaks_of_a_batch_sum_only_where_there_is_a_batch() -> None:
    """tiny-mlp and neuron have one example: "the product over the batch index adds up the
    contributions of all examples" described a sum they do not have. relu-mlp (3 rows) keeps
    it."""
    # (round 33: the transpose note said with the factors' shapes ends with a sentence of its
    # own about the batch, "shapes.batch", where there is one)
    for name, batch in (("tiny-mlp", False), ("neuron", False), ("relu-mlp", True)):
        d = derive(spec.load(name))
        w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
        (ls,) = [ls for ls in w.lessons if ls.key in ("transpose-order", "product-order")]
        if ls.body.startswith("body.shapes"):
            assert ("shapes.batch" in ls.after) == batch, name
        else:
            assert ls.body == ("body" if batch else "body.one"), name
