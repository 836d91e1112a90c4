"""The held-out-style corpus of issue 11, thirty-seventh round, text side (tests/corpus37t.py):
*Mathematics for Machine Learning*'s upright d, Murphy's ∇ and per-example sums, micrograd and
CS231n prose, Word's equation editor pasted as Unicode, AsciiMath, Jupyter Markdown cells,
Overleaf macros, 花书 / 考研 / 期末 answers, hand numbers in scientific notation, fractions,
percentages and grids, entry formulas by label, answer keys, on six course networks no earlier
corpus used, with Chinese answers. Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict
and, where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus37t.py, bench/RESULTS.md "heldtex37"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus37t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus37t.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus37t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, six course networks no corpus used (≥ 35 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus37t, CASES, KNOWN, least=200, course=6, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus37t = corpus_common.corpus_tests(
    corpus37t, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def _verdict(net: str, wrt: str, text: str | None = None, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw)
    return r.verdict, r.code


def _refused(net: str, wrt: str, text: str | None = None, **kw: object) -> str:
    import pytest

    from derive.checker.check import FormulaError

    with pytest.raises(FormulaError) as err:
        _verdict(net, wrt, text, **kw)
    return err.value.localized(str(kw.get("lang", "en")))


NG, SV, LC, KD, BP, MX = corpus37t.NG, corpus37t.SV, corpus37t.LC, corpus37t.KD, corpus37t.BP, corpus37t.MX


def test_a_scalar_times_diag_still_scales_the_rows_after_it() -> None:
    """``-\\frac{1}{B}\\operatorname{diag}(v)\\,U`` parses as ``(-1/B · diag(v)) · U``; the scalar
    made diag(v) the row ``-v/B`` and the whole ``(-v/B) @ U``, a 1 × k row: BPR's right
    ∂loss/∂U, ∂/∂I, ∂/∂J were rejected (c37t-242/246/248). A scalar times diag(v) is diag of
    the scaled vector, so U's rows are scaled. BPR: x = x_ui − x_uj, ∂loss/∂U = −σ(−x)(I − J)/B
    + 2·reg·U row by row (PyTorch float64 in tests/corpus37t.py); σ(x) for σ(−x) stays wrong."""
    lhs = "-\\frac{1}{B}\\operatorname{diag}\\big(\\sigma(x_{uj} - x_{ui})\\big)"
    assert _verdict(BP, "U", lhs + "(I - J) + 2\\,\\mathrm{reg}\\,U", latex=True) == ("correct", None)
    assert _verdict(BP, "I", lhs + "\\, U + 2\\,\\mathrm{reg}\\, I", latex=True) == ("correct", None)
    assert _verdict(BP, "U", lhs + "(I - J)", latex=True) == ("incorrect", "missing-loss-term")
    swapped = "-\\frac{1}{B}\\operatorname{diag}\\big(\\sigma(x_{ui} - x_{uj})\\big)(I - J) + 2\\,\\mathrm{reg}\\,U"
    assert _verdict(BP, "U", swapped, latex=True)[0] == "incorrect"
    assert _verdict(BP, "I", "∂loss/∂I = −diag(σ(x_uj − x_ui))·U/B + 2·reg·I") == ("correct", None)


def test_the_positive_part_of_a_bracket() -> None:
    """``(1 - T \\odot s)_+`` (the hinge's positive part) had its ``_+`` dropped as an ignored
    index, so the L2-SVM's right gradient was rejected (c37t-198): ``(·)_+`` is max(·, 0); the
    negative part ``(·)_-`` is refused (in Chinese too), never dropped."""
    hinge = "-\\frac{2}{n}\\mathbf{1}^{\\top}\\left[T \\odot (1 - T \\odot \\mathrm{scores})_%s\\right]"
    assert _verdict(SV, "b", hinge % "+", latex=True) == ("correct", None)
    assert _verdict(SV, "b", hinge % "{+}", latex=True) == ("correct", None)
    assert _verdict(SV, "b", (hinge % "+").replace("1 - T", "1 + T"), latex=True)[0] == "incorrect"
    assert "(…)_-" in _refused(SV, "b", hinge % "-", latex=True)
    assert "负部" in _refused(SV, "b", hinge % "-", latex=True, lang="zh")


def test_word_equation_editor_letters() -> None:
    """Word's equation editor pastes math-italic letters (``𝑊``, ``𝒙``, ``𝛾``), ``ℎ`` (the Planck
    constant) for an italic h and ``∕`` (division slash): they were invalid characters
    (c37t-046–061); they are the letters and ``/`` they stand for, so a slip keeps its code."""
    assert _verdict("tiny-mlp", "W2", "∂𝐿∕∂𝑊₂ = ℎᵀ(𝑦̂ − 𝑦)") == ("correct", None)
    assert _verdict("softmax-regression", "W", "∂𝐿∕∂𝑊 = 𝑋ᵀ(𝑃 − 𝑌)") == ("incorrect", "scale-factor")
    assert _verdict("mlp-bce", "W2", "∂𝐿∕∂𝑊⁽²⁾ = (1∕𝑚)𝐴⁽¹⁾ᵀ(𝑌 − 𝐴⁽²⁾)") == ("incorrect", "sign")
    assert _verdict("batchnorm", "gamma", "∂𝐿∕∂𝛾 = (2∕(𝑚𝑛))⋅𝟏ᵀ[(𝑌 − 𝑇) ⊙ 𝑍̂]") == ("correct", None)
    _refused("softmax-regression", "W", "∂𝐿∕∂𝑊 = (1∕𝑚)𝑋ᵀ(⬚ − 𝑌)")


def test_overleaf_macros_defined_in_the_answer() -> None:
    """``\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}}``, ``\\def\\sig{\\sigma}``,
    ``\\DeclareMathOperator{\\diag}{diag}`` were unknown commands or a refused ``#`` (c37t-082–
    090): each macro is expanded where used; a macro used but never defined stays refused."""
    pd = "\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}} \\pd{L}{W} = \\frac{1}{m} X^\\top (%s)"
    assert _verdict("softmax-regression", "W", pd % "P - Y", latex=True) == ("correct", None)
    assert _verdict("softmax-regression", "W", pd % "Y - P", latex=True) == ("incorrect", "sign")
    sig = "\\def\\sig{\\sigma} \\frac{\\partial L}{\\partial \\mathbf{w}} = (O - t)\\,\\sig(z)(1 - \\sig(z))\\,\\mathbf{x}"
    assert _verdict("neuron", "w", sig, latex=True) == ("correct", None)
    assert _verdict("neuron", "w", sig.replace("(1 - \\sig(z))", ""), latex=True)[0] == "incorrect"
    diag = ("\\DeclareMathOperator{\\diag}{diag} \\frac{\\partial L}{\\partial h_{\\mathrm{raw}}} = "
            "(\\hat y - y)\\, W_2^\\top \\diag\\big(h \\odot (1 - h)\\big)")
    assert _verdict("tiny-mlp", "h_raw", diag, latex=True) == ("correct", None)
    _refused("softmax-regression", "W", "\\pd{L}{W} = \\frac{1}{m} X^\\top (P - Y)", latex=True)
    # put in as TeX puts it in (no group added): 2x\s{b} is 2x·wx + b, not 2x(wx + b)
    s = "\\newcommand{\\s}[1]{wx + #1} \\frac{\\partial L}{\\partial w} = 2x%s"
    assert _verdict("chain", "w", s % "(\\s{b})", latex=True) == ("correct", None)
    assert _verdict("chain", "w", s % "\\s{b}", latex=True)[0] == "incorrect"


def test_a_statement_after_an_explanation_in_words() -> None:
    """Karpathy's and CS231n's prose, ``The local gradient du/dw is x and the global gradient
    dL/du is 2v, so by the chain rule dL/dw = 2 * v * x``, was a syntax error (c37t-030–042):
    the statement after the words and their hand-over (so, therefore, and, a colon) is read.
    chain: L = (wx + b)², ∂L/∂w = 2vx."""
    lead = "The local gradient du/dw is x and the global gradient dL/du is 2v, so by the chain rule "
    assert _verdict("chain", "w", lead + "dL/dw = 2 * v * x") == ("correct", None)
    assert _verdict("chain", "w", lead + "dL/dw = 2 * v * w")[0] == "incorrect"
    assert _verdict("chain", "w", "dL/du = 2v, du/dw = x, therefore dL/dw = 2v x") == ("correct", None)
    assert _verdict("chain", "b", "a plus node just routes the gradient through: dL/db = dL/dv = 2v") == ("correct", None)
    sm = "the gradient on the scores is (P - Y)/m, and dL/dW = X^T (P - Y)"
    assert _verdict("softmax-regression", "W", sm + "/m") == ("correct", None)
    assert _verdict("softmax-regression", "W", sm) == ("incorrect", "scale-factor")


def test_asciimath_words() -> None:
    """AsciiMath's ``hat y``, ``sum_(i=1)^m``, ``odot``, ``sigma(z)`` and a plain ``dL/dw =``
    before maths only a LaTeX reading takes (juxtaposition) were unknown names or syntax errors
    (c37t-064–072); ``~~`` before a hand number is ≈."""
    assert _verdict("softmax-regression", "W", "dL/dW = X^T(hat y - y)/m") == ("correct", None)
    assert _verdict("softmax-regression", "W", "dL/dW = X^T(y - hat y)/m") == ("incorrect", "sign")
    assert _verdict("softmax-regression", "b", "dL/db = 1/m sum_(i=1)^m (P_i - Y_i)") == ("correct", None)
    assert _verdict("softmax-regression", "b", "dL/db = sum_(i=1)^m (P_i - Y_i)") == ("incorrect", "scale-factor")
    assert _verdict("tiny-mlp", "h_raw", "dL/dh_raw = (y_pred - y_target) W2^T odot h odot (1 - h)") == ("correct", None)
    assert _verdict("neuron", "w", "dL/dw = (O - t) sigma(z)(1 - sigma(z)) x") == ("correct", None)
    assert _verdict("neuron", "w", "dL/dw = (O - t) sigma(z) x") == ("incorrect", "wrong-activation-derivative")
    assert _verdict("neuron", "w[0,1]", value="~~ -0.03674") == ("correct", None)


def test_one_hand_number_a_line_is_a_column() -> None:
    """A column's gradient written one number a line (``-4.082`` / ``77.863`` / ``98.829``) was
    "--value needs one entry" (c37t-186): it is the column. Ng's ex5 θ gradient at the spec's
    values is (−4.082, 77.863, 98.829)ᵀ exactly (PyTorch float64)."""
    assert _verdict(NG, "theta", value="-4.082\n77.863\n98.829") == ("correct", None)
    assert _verdict(NG, "theta", value="-4.082\n77.863\n-98.829")[0] == "incorrect"
    assert _verdict(NG, "theta", value="-4.082\n77.863") == ("incorrect", "shape-mismatch")


def test_max_typed_without_its_backslash() -> None:
    """``max(0, 1 − Tᵢ ⊙ scoresᵢ)`` typed in Unicode maths (no backslash) was "expected ')'"
    (c37t-205/206): it is \\max."""
    b = "∂loss/∂b = −(%s/n)·Σᵢ Tᵢ ⊙ max(0, 1 − Tᵢ ⊙ scoresᵢ)"
    assert _verdict(SV, "b", b % "2") == ("correct", None)
    assert _verdict(SV, "b", b % "1") == ("incorrect", "scale-factor")


def test_onehot_of_the_labels_typed_bare_in_maths() -> None:
    """``onehot(labels)`` in Unicode maths (Hinton's distillation typed in a chat) was "unknown
    name 'onehot'" (c37t-234/235): as ``\\operatorname{onehot}(\\mathrm{labels})`` it is the
    one-hot rows of the class labels. ∂loss/∂logits = (αT(softmax(s/T) − softmax(t/T)) + (1 − α)
    (softmax(s) − onehot(labels)))/batch (PyTorch float64 in tests/corpus37t.py); the teacher
    and student swapped is wrong; code (valid Python) is left to the code reader."""
    s = "∂loss/∂student_logits = (αT·(softmax(%s/T) − softmax(%s/T)) + (1 − α)·(softmax(student_logits) − onehot(labels)))/batch"
    assert _verdict(KD, "student_logits", s % ("student_logits", "teacher_logits")) == ("correct", None)
    assert _verdict(KD, "student_logits", s % ("teacher_logits", "student_logits"))[0] == "incorrect"
    assert "onehot" in _refused("softmax-regression", "W", "X.T @ (P - onehot(Y)) / m")


def test_grade_jsonl_batch_of_corpus37t_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 37t's rows graded without a key (every
    seventh case and the refusals): each row gets the verdict and first code the corpus states,
    and the batch runs to the end."""
    plain = [c for c in CASES if not c["opts"] and c["id"] not in KNOWN]
    picked = [c for k, c in enumerate(plain) if k % 7 == 0]
    picked += [c for c in plain if c["verdict"] == "unreadable" and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)


def test_grade_class_csv_of_latex_text_and_numbers(tmp_path: Path) -> None:
    """A class's CSV graded with ``--lang zh``: Word's Unicode equation (right and without 1/m),
    an Overleaf macro answer, micrograd's prose, AsciiMath, an L2-SVM hinge with ``(·)_+``, a
    column of hand numbers for Ng's θ (−4.082, 77.863, 98.829: PyTorch float64), a percentage
    (refused by the written policy), chain against variant 2's key (seed 7: x = 2, w = −0.3, b = −0.1,
    so ∂L/∂w = 2(wx + b)x = −2.8; the base network's 40 given for it) and an unknown network:
    each row its verdict, Chinese messages on the bad rows."""
    import csv

    hinge = "\\frac{\\partial\\,\\mathrm{loss}}{\\partial b} = -\\frac{2}{n}\\mathbf{1}^{\\top}\\left[T \\odot (1 - T \\odot \\mathrm{scores})_+\\right]"
    rows = [
        ("t01", "softmax-regression", "W", "numpy", "∂𝐿∕∂𝑊 = (1∕𝑚)𝑋ᵀ(𝑃 − 𝑌)", "", "", ""),
        ("t02", "softmax-regression", "W", "numpy", "∂𝐿∕∂𝑊 = 𝑋ᵀ(𝑃 − 𝑌)", "", "", ""),
        ("t03", "softmax-regression", "W", "latex", "\\newcommand{\\pd}[2]{\\frac{\\partial #1}{\\partial #2}} \\pd{L}{W} = \\frac{1}{m} X^\\top (P - Y)", "", "", ""),
        ("t04", "chain", "w", "numpy", "dL/du = 2v, du/dw = x, therefore dL/dw = 2v x", "", "", ""),
        ("t05", "softmax-regression", "W", "numpy", "dL/dW = X^T(y - hat y)/m", "", "", ""),
        ("t06", SV, "b", "latex", hinge, "", "", ""),
        ("t07", NG, "theta", "value", "", "-4.082\n77.863\n98.829", "", ""),
        ("t08", "mlp-bce", "b2[0,0]", "value", "", "6.04%", "", ""),
        ("t09", "chain", "w", "value", "", "-2.8", "2", "7"),
        ("t10", "chain", "w", "value", "", "40", "2", "7"),
        ("t11", "mlp-bce-37", "W2", "numpy", "A1.T @ (A2 - Y) / m", "", "", ""),
    ]
    sub = tmp_path / "class.csv"
    with sub.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "network", "wrt", "kind", "formula", "value", "variant", "seed"])
        w.writerows(rows)
    out = corpus_common.graded(sub, tmp_path / "report.json", "--lang", "zh")
    got = {r["id"]: r for r in out["results"]}
    want = {"t01": "correct", "t02": "incorrect", "t03": "correct", "t04": "correct", "t05": "incorrect",
            "t06": "correct", "t07": "correct", "t08": "unreadable", "t09": "correct", "t10": "incorrect",
            "t11": "error"}
    assert {k: v["verdict"] for k, v in got.items()} == want
    assert got["t02"]["codes"][0] == "scale-factor"
    assert got["t05"]["codes"][0] == "sign"
    for k in ("t08", "t11"):
        assert got[k]["message"] and not got[k]["codes"], got[k]
        assert corpus37t.chinese_only(got[k]["message"]), got[k]["message"]
    assert out["summary"]["submissions"] == 11
