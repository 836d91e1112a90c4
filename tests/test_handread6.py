"""The handouts as a lecturer reads them (issue 12, pass 6): no pointer at material a standard
handout does not contain, the network's own symbols in the reasons, math in Chinese prose."""

from __future__ import annotations

import re

import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric
from derive.render import environment as render
from derive.render.build import shared_proofs
from derive.walkthrough.context import build


def _md(name: str, lang: str, detail: str = "standard") -> str:
    d = derive(spec.load(name))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail=detail)
    return render.render("md/walkthrough.md.j2", w, lang)


def _section(md: str, heading: str) -> str:
    start = md.index(heading)
    end = md.find("\n### ", start + 1)
    return md[start : end if end >= 0 else len(md)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_factor_two_lesson_shows_its_own_pytorch_lines(lang: str) -> None:
    """"the PyTorch code of section 6 keeps the factor": a standard handout's section 6 has
    NumPy only. The lesson points at the two PyTorch lines it shows itself."""
    md = _md("neuron", lang)
    code = md[md.index("\n## 6.") : md.index("\n## 7.")]
    assert "F.mse_loss" not in code and "torch" not in code
    lesson = _section(md, "### 7.1")
    assert "section 6" not in lesson and "第 6 节" not in lesson, lesson
    assert re.search(r"```python\nL = 0\.5 \* F\.mse_loss\(O, t\)\nbare = F\.mse_loss", lesson)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_bce_simplification_names_the_networks_prediction(lang: str) -> None:
    """The reasons of δ_Z2's simplification said ŷ, a symbol mlp-bce never defines; the
    weighted lesson defines ŷ and y before it uses them."""
    md = _md("mlp-bce", lang)
    assert "\\hat{y}" not in md
    assert "A^{[2]}\\thinspace (1 - A^{[2]})" in md
    weighted = _md("mlp-bce-weighted", lang)
    first = weighted.index("\\hat{y}")
    assert re.search(r"\\hat\{y\}\$ (an entry of|为) \$A\^\{\[2\]\}\$", weighted[first - 5 :])


def test_chinese_sigmoid_reason_keeps_one_minus_a_in_math() -> None:
    """「乘以 A 与 (1 − A)」 had its parentheses and minus sign as text around the math."""
    md = _md("mlp-bce", "zh")
    assert "与 $\\left(1 - A^{[2]}\\right)$" in md
    assert "(1 − $" not in md


def test_a_variant_never_asks_for_an_entry_equal_to_another_of_its_gradient() -> None:
    """tiny-mlp variant 2 (seed 7) drew X = [1.5, 1.5]: the two rows of ∂L/∂W1 were equal, so
    ∂L/∂w_21 answered for ∂L/∂w_11 and a swapped index was graded right. Such draws are
    refused; the drawn variants ask for entries that no other entry of the gradient matches."""
    from fractions import Fraction

    from derive.numeric.example import Example
    from derive.render import exercises as E

    s = spec.load("tiny-mlp")
    d = E.base_derivation(s)
    tied = dict(s.values)
    tied["X"] = ((Fraction(3, 2), Fraction(3, 2)),)
    assert E._unfit(d, tied) and not E._unfit(d, s.values)
    for variant in (1, 2, 3):
        sh = E.sheet(s, variant, 7)
        dv = E.variant_derivation(s, variant, 7)
        assert dict(dv.spec.values) == E.variant_values(s, variant, 7)
        ex_ = Example(dv)
        asked = [q for q in sh.key["questions"] if q["kind"] == "value"]
        assert asked
        for q in asked:
            t = dv.graph.tensors[q["wrt"].split("[")[0]]
            vals = [float(ex_.value(x)) for x in t.grads]
            a = q["float"]
            assert sum(abs(v - a) <= 1e-3 * abs(a) for v in vals) == 1, (variant, q, vals)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_exercise_sheet_names_the_entries_it_asks_about(lang: str) -> None:
    """The sheet asked for ∂L/∂v₁ and its solutions worked with x₁, w₁₁, but the example values
    were shown as bare matrices: v₁ was never defined. The values name their entries, as in
    the walkthrough."""
    from derive.render import exercises as E

    sh = E.sheet(spec.load("tiny-mlp"))
    for template in ("exercises/exercises.md.j2", "exercises/solutions.md.j2"):
        md = E.render(sh, template, lang)
        assert "W^{[2]} = \\begin{bmatrix} v_{1} \\\\ v_{2} \\end{bmatrix} = " in md, template
        assert "\\frac{\\partial L}{\\partial v_{1}}" in md
    tex = E.render(sh, "exercises/exercises.tex.j2", lang)
    assert "\\begin{bmatrix} w_{11} & w_{12} \\\\ w_{21} & w_{22} \\end{bmatrix} = " in tex


def test_chain_is_not_told_of_a_squared_error_or_the_product_rule() -> None:
    """chain's loss is L = v²: "a squared error gives back the error itself" named an error
    the network does not have, and "product rule" was the issue's complaint for ∂(w·x)/∂w."""
    for lang in ("en", "zh"):
        md = _md("chain", lang)
        assert "squared error" not in md and "平方误差" not in md
        assert "product rule" not in md and "乘积与求和的求导法则" not in md
        assert ("twice the quantity that is squared" in md) == (lang == "en")  # x² → 2x


def test_chinese_run_in_labels_end_in_a_colon_after_the_bold() -> None:
    """「**前提。**」→「**前提**：」 (issue 12): the labels 注意 and 直观理解 too, as
    「**这一步在做什么**：」 and 「**依据**：」 in the same handout."""
    md = _md("mlp-bce-weighted", "zh")
    assert "**注意**：" in md and "**直观理解**：" in md
    assert "**注意。**" not in md and "**直观理解。**" not in md


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_exercise_sheet_defines_the_sizes_its_shape_hints_use(lang: str) -> None:
    """The hints said "Shapes: δ_Z2: m × 1" on a sheet that never said what m or n_h is; the
    sheet now has the walkthrough's table of shapes and sizes before its first hint."""
    from derive.render import exercises as E

    sh = E.sheet(spec.load("mlp-bce"))
    md = E.render(sh, "exercises/exercises.md.j2", lang)
    row = "| $X$ | $m \\times n_{\\text{in}}$ | $2 \\times 2$ |"
    assert row in md and md.index(row) < md.index("m \\times 1")
    tex = E.render(sh, "exercises/exercises.tex.j2", lang)
    assert "\\begin{tabular}{lll}" in tex


@pytest.mark.parametrize("name", ["mlp-bce", "softmax-regression"])
def test_the_loss_sum_comes_after_the_table_that_defines_its_sizes(name: str) -> None:
    """"L = −1/m Σ_{i=1}^{m} Σ_{j=1}^{k} …" stood above the table that says what m and k are."""
    for lang in ("en", "zh"):
        md = _md(name, lang)
        network = md[md.index("\n## 1.") : md.index("\n## 2.")]
        assert network.index("|---|") < network.index("\\sum_{i=1}^{m}")


@pytest.mark.parametrize("has_py", [True, False])
def test_the_notebook_does_not_repeat_its_code_as_markdown(has_py: bool) -> None:
    """Section 6 of the notebook showed the NumPy lines again as a Markdown block after the
    cells had run them, and named "backprop.py next to this file" also when -f py wrote
    none. It now points at the cells, and at backprop.py only when it is written."""
    import json

    d = derive(spec.load("tiny-mlp"))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    for lang in ("en", "zh"):
        nb = json.loads(render.render_notebook(w, lang, None, {}, has_py))
        cells = ["".join(c["source"]) for c in nb["cells"]]
        (six,) = [c for c in cells if c.startswith("## 6.")]
        assert "```" not in six
        assert ("backprop.py" in six) == has_py
    md = render.render("md/walkthrough.md.j2", w, "en", has_py=has_py)
    assert "```python\nh_raw = X @ W1" in md[md.index("\n## 6.") :]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_proof_reasons_typeset_their_math(lang: str) -> None:
    """The proofs document printed its reasons' values as terminal text: "Shapes: (D×N)(N×M)
    gives (D×M)", "Take f = σ, whose derivative is σ(z)·(1 − σ(z))", "1\\[z &gt; 0\\]" in the
    Markdown. They are math now (the terminal's `derive prove` keeps its plain text)."""
    from derive.walkthrough.context import proofs_document

    names = ["linear-weight", "elementwise", "sigmoid-derivative", "tanh-derivative"]
    doc = proofs_document(names, shared_proofs())
    md = render.render("md/proofs.md.j2", doc, lang)
    assert "$(D \\times N)(N \\times M)$" in md
    assert "$\\sigma(z)\\thinspace (1 - \\sigma(z))$" in md
    assert "$\\mathbf{1}[z > 0]$" in md and "$u = 1 + e^{-z}$" in md
    assert "×" not in md and "&gt;" not in md and "exp(" not in md
