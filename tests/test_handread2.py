"""The four newer handouts as courses write them (issue 12): a batch mean as (1/m) 𝟙ᵀZ, no
example sizes in generated code, softmax entries in the node's own values, the 1/√d reason."""

from __future__ import annotations

import derive
from derive.render.markup import tex_escape
from derive.walkthrough import intuition
from derive.walkthrough.codegen import lab


def test_batch_mean_prints_as_a_course_writes_it_and_code_uses_size_names() -> None:
    d = derive.derive_network(derive.load("batchnorm"))
    mu = next(f for f in d.forward if f.step.lhs.tex == "\\mu")
    assert mu.step.rhs.tex == "\\frac{1}{m} \\mathbf{1}^{\\top} Z"
    lines = [line for st in lab(d).backward for line in st.lines]
    assert not any("np.ones((3" in line for line in lines), lines
    dz_c = next(line for line in lines if line.startswith("dZ_c = "))
    assert "np.ones" not in dz_c and "** 2).sum" not in dz_c  # (u ⊙ 𝟙) ⊙ Y = u ⊙ Y


def test_softmax_entries_are_written_in_the_softmax_output() -> None:
    d = derive.derive_network(derive.load("attention"))
    s = next(v for v in d.backward if v.name == "S")
    assert s.entries
    for st in s.entries:
        assert "e^{" not in st.rhs.tex, st.rhs.tex
    assert s.entries[0].rhs.tex.startswith("A_{11} \\cdot \\left(\\delta_{A_{11}}")


def test_scaled_scores_reason_only_where_scores_are_scaled_by_the_summed_size() -> None:
    att = derive.derive_network(derive.load("attention"))
    keys = [w.key for ws in intuition.paragraphs(att, None).values() for w in ws]
    assert "scaled-scores" in keys
    sm = derive.derive_network(derive.load("softmax-regression"))
    keys = [w.key for ws in intuition.paragraphs(sm, None).values() for w in ws]
    assert "scaled-scores" not in keys and "rowwise.softmax-jacobian.matrix" not in keys


def test_precomposed_letters_the_font_lacks_become_tex_accents() -> None:
    assert tex_escape("Ẑ") == "\\^{Z}"
    assert tex_escape("x\u0302") == "\\^{x}"
    assert "[U+" in tex_escape("Ǳ")  # no accent decomposition: still visible, never missing
