"""Hand workings too long to follow (branch longwork, issues 12 and 9).

An entry's hand working is written out in full up to ``example.MAX_LINE_TEX`` characters of LaTeX
a line; beyond it the handout shows the formula and its value, or the value alone, and says so
(en and zh, Markdown and LaTeX). A parameter's "in one formula" closed form beyond
``context.MAX_CLOSED_TEX`` is left out with a sentence. The hand calculations are worked out only
for the entries a handout shows (``records.Calcs``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from katex_oracle import OracleMissing, check_markdown

from derive.engine.backprop import derive
from derive.lang import spec
from derive.locale import catalog
from derive.numeric import example
from derive.numeric import verify as numeric
from derive.numeric.example import Example
from derive.proofs import shared_proofs
from derive.render import environment as render
from derive.walkthrough import context as ctx
from derive.walkthrough.records import Calcs

DEEP = Path(__file__).parent / "specs_longwork" / "deep_layernorm_loss.toml"


def _walkthrough(path_or_name: str, detail: str = "standard"):
    d = derive(spec.load(path_or_name))
    return ctx.build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail=detail)


@pytest.fixture(scope="module")
def deep():
    return _walkthrough(str(DEEP))


def _katex(text: str) -> list[str]:
    try:
        return check_markdown(text)
    except OracleMissing as err:
        pytest.skip(err.reason)


def test_a_deep_inlined_loss_shows_its_entries_cut_short_and_renders(deep) -> None:
    """The loss inlined through a layer norm of tanh units: every shown working keeps each line
    within the cap (the value alone where the formula is longer), the sentence saying so is in
    the handout in English and Chinese, and the Markdown parses in KaTeX."""
    shown = [c for b in (*deep.forward, *deep.backward) for c in b.calcs[:3]]
    assert {c.cut for c in shown} >= {"formula"}
    assert all(len(str(t)) <= example.MAX_LINE_TEX for c in shown for _, t in c.chain)
    for c in shown:
        if c.cut == "formula":  # the value only: lhs ≈ value, as the example computes it
            assert len(c.chain) == 1 and str(c.chain[0][0]) in ("=", "\\approx")
    for lang in ("en", "zh"):
        md = render.render("md/walkthrough.md.j2", deep, lang)
        assert catalog.text("longwork.cut_formula", lang) in md
        assert _katex(md) == []
        tex = render.render("tex/walkthrough.tex.j2", deep, lang, has_py=False)
        assert catalog.text("longwork.cut_formula", lang) in tex.replace("\n", " ") or (
            catalog.text("longwork.cut_formula_one", lang) in tex.replace("\n", " ")
        )


def test_a_cut_value_is_the_entrys_exact_value(deep) -> None:
    """The number shown for a cut working is the entry's value at the example (the same as the
    tensor's matrix of values), not anything the template computed."""
    d = derive(spec.load(str(DEEP)))
    ex = Example(ctx.tidied(d))
    b = next(b for b in deep.backward if b.name == "z")
    t = d.graph.tensors["z"]
    for k, c in enumerate(b.calcs[:3]):
        assert c.cut == "formula"
        assert str(c.chain[0][1]) == ex.number(t.grads[k // t.shape[1], k % t.shape[1]]).tex


@pytest.mark.parametrize("name", ["batchnorm", "relu-mlp", "attention"])
def test_a_working_at_the_cap_is_written_out_and_one_character_less_cuts_it(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The longest line of a built-in's longest working: with the cap at its length the working
    is the full chain; one character less and it is cut (the formula then its value, or the
    value alone), with the same value at the end."""
    d = ctx.tidied(derive(spec.load(name)))
    ex = Example(d)
    steps = [s for v in (*d.forward, *d.backward) for s in v.entries]
    full = [(s, ex.working(s.lhs.value, s.rhs.value)) for s in steps]
    step, w = max(full, key=lambda p: max(len(t) for _, t in p[1].chain()))
    longest = max(len(t) for _, t in w.chain())
    assert w.cut == "" and longest <= example.MAX_LINE_TEX  # the built-ins are not cut
    monkeypatch.setattr(example, "MAX_LINE_TEX", longest)
    at = Example(d).working(step.lhs.value, step.rhs.value)
    assert at.cut == "" and at.chain() == w.chain()
    monkeypatch.setattr(example, "MAX_LINE_TEX", longest - 1)
    under = Example(d).working(step.lhs.value, step.rhs.value)
    assert under.chain() != w.chain()  # a line left out (a long line of term values: no flag)
    assert under.cut in ("numbers", "formula") or under.terms_tex is None
    assert under.chain()[-1] == w.chain()[-1]
    assert all(len(t) <= longest - 1 for _, t in under.chain())


def test_only_the_entries_a_handout_shows_are_worked_out(monkeypatch: pytest.MonkeyPatch) -> None:
    """``Example.working`` runs for the hand calculations the standard handout shows (a few per
    tensor) and the short forms, not for every entry; at ``brief`` none is shown."""
    calls: list[object] = []
    real = Example.working

    def counting(self, lhs, formula):
        calls.append(lhs)
        return real(self, lhs, formula)

    monkeypatch.setattr(Example, "working", counting)
    w = _walkthrough("relu-mlp")
    made = len(calls)
    items = (*w.forward, *w.backward)
    assert all(isinstance(i.calcs, Calcs) for i in items)
    total = sum(len(i.calcs) for i in items)
    few, _dense = render._few(w, "standard")
    shown = sum(len(few(i.calcs)) for i in items)
    shorts = sum(1 for b in w.backward if b.short is not None)
    assert shown < total
    assert made <= shown + sum(1 for b in w.backward if b.short is not None or b.simplified)
    assert made >= shown + shorts
    calls.clear()
    _walkthrough("relu-mlp", detail="brief")
    assert len(calls) <= sum(1 for b in w.backward if b.simplified)  # the short forms only


def test_only_the_shown_backward_entries_are_written_in_the_known_entries(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``tidy._named`` (an entry rewritten in earlier nodes' entries, proved again: most of a deep
    network's build after the workings) runs for every forward entry and, of the backward
    entries, for those the handout reads."""
    from derive.walkthrough import tidy

    calls: list[object] = []
    real = tidy._named

    def counting(checker, s, known):
        calls.append(s)
        return real(checker, s, known)

    monkeypatch.setattr(tidy, "_named", counting)
    d = derive(spec.load("relu-mlp"))
    w = ctx.build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    forward = sum(len(f.entries) for f in d.forward)
    backward = sum(len(b.entries) for b in d.backward)
    few, _dense = render._few(w, "standard")
    shown = sum(len(few(b.calcs)) for b in w.backward)
    assert shown < backward
    assert forward <= len(calls) <= forward + shown


def test_calcs_reads_like_the_tuple_of_its_calculations(deep) -> None:
    b = next(b for b in deep.backward if len(b.calcs) > 3)
    whole = tuple(b.calcs)
    assert len(whole) == len(b.calcs) and b.calcs == whole and b.calcs[:2] == whole[:2]
    assert b.calcs[-1] == whole[-1] and list(b.calcs) == list(whole)
    with pytest.raises(IndexError):
        b.calcs[len(whole)]


def test_a_closed_form_too_long_to_read_is_left_out_with_a_sentence(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """tiny-mlp's closed forms are shown; with the cap below the longest, that one is left out and
    the handout says so in both languages (the others stay)."""
    w = _walkthrough("tiny-mlp")
    closed = {b.name: len(str(b.closed.rhs)) for b in w.backward if b.closed is not None}
    assert closed and not any(b.closed_long for b in w.backward)
    longest = max(closed, key=closed.get)
    monkeypatch.setattr(ctx, "MAX_CLOSED_TEX", closed[longest] - 1)
    cut = _walkthrough("tiny-mlp")
    b = next(b for b in cut.backward if b.name == longest)
    assert b.closed is None and b.closed_long
    kept = {b.name for b in cut.backward if b.closed is not None}
    assert kept == {n for n, size in closed.items() if size < closed[longest]}
    for lang in ("en", "zh"):
        md = render.render("md/walkthrough.md.j2", cut, lang)
        assert md.count(catalog.text("longwork.closed_long", lang)) == 1
        assert catalog.text("longwork.closed_long", lang) not in render.render(
            "md/walkthrough.md.j2", w, lang
        )


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_deep_handouts_pdf_has_no_overfull_line(deep, lang: str, tmp_path: Path) -> None:
    """The cut workings and their sentence fit the A4 page (the written-out working of such an
    entry ran off it)."""
    from derive.render.pdf import ToolMissing, compile_pdf

    tex = render.render("tex/walkthrough.tex.j2", deep, lang, has_py=False)
    try:
        log = compile_pdf(tex, tmp_path / "deep.pdf")
    except ToolMissing as err:
        pytest.skip(str(err))
    assert "Overfull \\hbox" not in log
