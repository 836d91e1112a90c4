"""The held-out-style corpus of issue 11, thirty-sixth round, text side (tests/corpus36t.py):
Parr & Howard's Jacobian chains and ``\\operatorname{diag}``, the Matrix Cookbook's trace, CS224n's
``\\delta_1 = \\frac{\\partial J}{\\partial z} = …``, vec/Kronecker forms, index sums, Bishop's E and
δ, d2l's ``\\text{prod}``, 李航 / 周志华, Chinese exam numbers, ChatGPT/Markdown answers,
Wolfram's ``D[L, w]``, hand numbers in tables and grids, answer keys, on five course networks no
earlier corpus used, with Chinese answers. Verdicts of the matrix cases come from PyTorch
(tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its verdict
and, where one is named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus36t.py, bench/RESULTS.md "heldtex36"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus36t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus36t.load()
_TR = ("the Matrix Cookbook's left side \\frac{\\partial}{\\partial w_2}\\operatorname{tr}[…] (the loss written out "
       "under the operator) is not read as ∂loss/∂w2")
_IDX = ("index notation with a factor the answer defines in a where-clause (\\delta_{nj}, δ = …) or an index letter "
        "n/a/b is not vectorised (formula.py's index reader knows tensors only)")
_PAREN = "a parenthesised name with an index, (W_v)_{ab}, (h_{raw})_j, (W_2)_{jk}, is not read as the entry"
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c36t-017": _TR,
    "c36t-018": _TR,
    "c36t-035": _IDX,
    "c36t-036": _IDX,
    "c36t-037": _IDX,
    "c36t-040": _PAREN,
    "c36t-041": _PAREN,
    "c36t-101": "Wolfram's D[expr, x] with the loss written out, not named: only D[L, w] with a name is read",
    "c36t-220": "a Leibniz factor ∂score/∂u of a row-wise dot product (torch.linalg.vecdot) is not a local derivative the chain reader knows",
    "c36t-256": "a bare Σmask of a matrix is read as the batch sum (a row), as derive reads Σ without an index; the student meant every entry",
}


def test_corpus36t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, five course networks no corpus used (≥ 35 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus36t, CASES, KNOWN, least=200, course=5, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus36t = corpus_common.corpus_tests(
    corpus36t, CASES, KNOWN
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


K3, DR, TT, SK, MM = corpus36t.K3, corpus36t.DR, corpus36t.TT, corpus36t.SK, corpus36t.MM
W2_TEX = "\\frac{\\partial L}{\\partial W^{[2]}} "


def test_a_begin_never_closed_is_refused() -> None:
    """``\\begin{align*} dW &= … \\\\`` (the paste cut before the block's end) was ✓ (c36t-147:
    a wrong answer accepted): it does not compile and its rest may be missing — refused, in
    Chinese with ``--lang zh``; the closed block reads as before."""
    cut = "\\begin{align*} dW^{[2]} &= \\frac{1}{m} A^{[1]\\top}(A^{[2]} - Y) \\\\"
    en = _refused("mlp-bce", "W2", cut, latex=True)
    assert "\\begin{align*}" in en and "never closed" in en
    zh = _refused("mlp-bce", "W2", cut, latex=True, lang="zh")
    assert "始终没有关闭" in zh
    whole = "\\begin{align*} dW^{[2]} &= \\frac{1}{m} A^{[1]\\top}(A^{[2]} - Y) \\end{align*}"
    assert _verdict("mlp-bce", "W2", whole, latex=True) == ("correct", None)


def test_a_relation_with_a_note_over_it_and_a_boxed_answer() -> None:
    """``\\stackrel{\\text{chain rule}}{=}``, ``\\overset{(a)}{=}`` and ``\\boxed{…}`` were unknown
    commands (c36t-090/141/142): the bare relation and the box's inside are read, so a slip keeps
    its code; an unclosed box stays refused."""
    good = "\\frac{1}{m} A^{[1]\\top}\\left(A^{[2]} - Y\\right)"
    assert _verdict("mlp-bce", "W2", W2_TEX + "\\stackrel{\\text{chain rule}}{=} " + good, latex=True) == ("correct", None)
    assert _verdict("mlp-bce", "W2", W2_TEX + "\\overset{(a)}{=} " + good + " \\tag{3}", latex=True) == ("correct", None)
    signed = "\\frac{1}{m} A^{[1]\\top}\\left(Y - A^{[2]}\\right)"
    assert _verdict("mlp-bce", "W2", W2_TEX + "\\overset{(a)}{=} " + signed, latex=True) == ("incorrect", "sign")
    assert _verdict("mlp-bce", "W2", "\\boxed{" + W2_TEX + "= " + good + "}", latex=True) == ("correct", None)
    assert _verdict("mlp-bce", "W2", "\\boxed{" + W2_TEX + "= A^{[1]\\top}(A^{[2]} - Y)}", latex=True) == ("incorrect", "scale-factor")
    _refused("mlp-bce", "W2", "\\boxed{" + W2_TEX + "= " + good, latex=True)


def test_wolfram_language_derivatives() -> None:
    """Mathematica's ``D[L, w] = 2 x (b + w x)`` (chain: L = (w x + b)², so ∂L/∂w = 2x(wx + b)),
    ``==``, ``Transpose[X] . (P - Y) / m`` were syntax errors (c36t-096–103): the left side is
    ∂L/∂w, the Dot a matrix product; a wrong factor keeps its code, a left side for another
    parameter is refused, an unclosed bracket too."""
    assert _verdict("chain", "w", "D[L, w] = 2 x (b + w x)") == ("correct", None)
    assert _verdict("chain", "w", "D[L, w] == 2 x (b + w x)") == ("correct", None)
    assert _verdict("chain", "w", "D[L, w] = x (b + w x)") == ("incorrect", "scale-factor")
    assert _verdict("softmax-regression", "W", "D[L, W] = Transpose[X] . (P - Y) / m") == ("correct", None)
    assert _verdict("softmax-regression", "W", "Transpose[X] . (Y - P) / m") == ("incorrect", "sign")
    _refused("chain", "w", "D[L, b] = 2 (b + w x)")
    _refused("chain", "w", "D[L, w] = 2 x (b + w x")


def test_hand_numbers_as_a_markdown_table_or_a_grid() -> None:
    """A matrix of hand numbers as a Markdown table (header row, row labels) or as rows on
    their own lines was "--value needs one entry" (c36t-105–111). tiny-mlp's ∂L/∂W1 at its
    values (PyTorch float64) is [[-0.013668, -0.016348], [-0.0027336, -0.0032695]]: the table
    and the grid are right, the table transposed is wrong, an empty cell is refused."""
    head = "| | h₁ | h₂ |\n|---|---|---|\n"
    assert _verdict("tiny-mlp", "W1", value=head + "| x₁ | -0.0137 | -0.0163 |\n| x₂ | -0.0027 | -0.0033 |") == ("correct", None)
    assert _verdict("tiny-mlp", "W1", value=head + "| x₁ | -0.0137 | -0.0027 |\n| x₂ | -0.0163 | -0.0033 |")[0] == "incorrect"
    assert _verdict("tiny-mlp", "W1", value="-0.0137  -0.0163\n-0.0027  -0.0033") == ("correct", None)
    assert _verdict("tiny-mlp", "W1", value="-0.0137  -0.0163\n-0.0027  0.0033")[0] == "incorrect"
    assert _verdict("tiny-mlp", "W2", value="W2 的梯度：\n| | 输出 |\n|---|---|\n| h₁ | −0.1139 |\n| h₂ | −0.1172 |") == ("correct", None)
    _refused("tiny-mlp", "W1", value=head + "| x₁ | -0.0137 | |\n| x₂ | -0.0027 | -0.0033 |")


def test_a_chain_with_an_unread_middle_member() -> None:
    """d2l's ``\\frac{\\partial J}{\\partial \\mathbf{W}^{(2)}} = \\text{prod}(\\frac{\\partial J}{\\partial
    \\mathbf{o}}, …) = h^⊤ 2(ŷ − y)`` was refused for the middle member's names ('o' is not a
    node, c36t-046–051): a middle member that does not read is skipped, the last one judged;
    d2l's φ'(h) is the hidden activation's derivative."""
    prod = ("\\frac{\\partial J}{\\partial \\mathbf{W}^{(1)}} = \\text{prod}\\left(\\frac{\\partial J}{\\partial \\mathbf{z}}, "
            "\\frac{\\partial \\mathbf{z}}{\\partial \\mathbf{W}^{(1)}}\\right) = ")
    core = "x^{\\top}\\left[2(y_{\\mathrm{pred}} - y)\\, w_2^{\\top}"
    assert _verdict("relu-mlp", "w1", prod + core + " \\odot \\mathbb{1}[h > 0]\\right]", latex=True) == ("correct", None)
    assert _verdict("relu-mlp", "w1", prod + core + " \\odot \\phi'(h)\\right]", latex=True) == ("correct", None)
    assert _verdict("relu-mlp", "w1", prod + core + "\\right]", latex=True) == ("incorrect", "missing-activation-derivative")
    _refused("relu-mlp", "w1", "\\frac{\\partial J}{\\partial \\mathbf{W}^{(1)}} = " + core + " \\odot \\mathbb{1}[h > 0]\\right] = \\text{prod}\\left(\\frac{\\partial J}{\\partial \\mathbf{z}}\\right)", latex=True)


def test_a_chain_member_naming_the_gradient() -> None:
    """CS224n's ``\\delta_1 = \\frac{\\partial J}{\\partial z} = \\frac{1}{m}(\\hat y - y)`` was
    "circular" (c36t-021): a middle member that only names a gradient is no claim. It names the
    gradient the chain's last member is judged for, with the definitions after it
    (``\\delta_2 = \\frac{\\partial J}{\\partial z^{(1)}} = \\delta_1 W^{(2)\\top} \\circ …, \\quad
    \\delta_1 = …``: δ₂ is ∂J/∂z^{(1)} there, not layer 2's δ, c36t-028), so a wrong δ₂ is caught."""
    assert _verdict("softmax-regression", "Z", "\\delta_1 = \\frac{\\partial J}{\\partial z} = \\frac{1}{m}(\\hat{y} - y)", latex=True) == ("correct", None)
    assert _verdict("softmax-regression", "Z", "\\delta_1 = \\frac{\\partial J}{\\partial z} = \\hat{y} - y", latex=True) == ("incorrect", "scale-factor")
    rest = ", \\quad \\delta_1 = \\frac{1}{m}(\\hat{y} - y), \\quad \\frac{\\partial J}{\\partial W^{(1)}} = X^{\\top}\\delta_2"
    d2 = "\\delta_2 = \\frac{\\partial J}{\\partial z^{(1)}} = "
    assert _verdict("mlp-bce", "W1", d2 + "\\delta_1 W^{(2)\\top} \\circ \\mathbb{1}[z^{(1)} > 0]" + rest, latex=True) == ("correct", None)
    assert _verdict("mlp-bce", "W1", d2 + "\\delta_1 W^{(2)\\top}" + rest, latex=True) == ("incorrect", "missing-activation-derivative")


def test_a_declared_binary_mask_and_its_count() -> None:
    """A padding mask declared ``kind = "binary"`` and counted by ``count_nonzero(mask)``: the
    mask was drawn with any values, so Σ mask (its count of ones) was "right only for one-hot
    targets", ``\\sum_{i,j} \\mathrm{mask}_{ij}`` index notation refused, ``‖mask‖₀`` the
    Euclidean norm and a where-clause's N the batch size (c36t-244–251). The mask is drawn 0/1
    as declared; the double sum is every entry's sum, ‖·‖₀ the count of nonzero entries, N the
    answer's own; dividing by all 8 positions stays a scale slip."""
    body = "(\\mathrm{pred} - \\mathrm{target}) \\odot \\mathrm{mask}"
    lhs = "\\frac{\\partial L}{\\partial \\mathrm{pred}} = "
    assert _verdict(MM, "pred", lhs + f"\\frac{{2\\,{body}}}{{\\sum_{{i,j}} \\mathrm{{mask}}_{{ij}}}}", latex=True) == ("correct", None)
    assert _verdict(MM, "pred", lhs + f"\\frac{{2}}{{\\lVert \\mathrm{{mask}} \\rVert_0}}{body}", latex=True) == ("correct", None)
    assert _verdict(MM, "pred", lhs + f"\\frac{{2}}{{\\mathrm{{batch}}\\cdot\\mathrm{{steps}}}}{body}", latex=True) == ("incorrect", "scale-factor")
    w = f"\\frac{{\\partial L}}{{\\partial W}} = x^{{\\top}}\\left[\\frac{{2}}{{N}}{body}%s\\right], \\quad N = \\sum_{{i,j}} \\mathrm{{mask}}_{{ij}}"
    assert _verdict(MM, "W", w % " \\odot (1 - \\mathrm{pred}^{2})", latex=True) == ("correct", None)
    assert _verdict(MM, "W", w % "", latex=True) == ("incorrect", "missing-activation-derivative")


def test_zhou_E_k_and_full_width_statements() -> None:
    """周志华's ``\\frac{\\partial E_k}{\\partial W_2}`` (the k-th example's loss) was "the left side
    must name the gradient", and statements set apart by full-width commas (``g = …，\\; e = …，\\;
    …``) were unreadable (c36t-054–057): E_k is the loss of a one-example network (tiny-mlp;
    refused where there is a batch), a full-width comma before a statement is a separator."""
    assert _verdict(T, "W2", "\\frac{\\partial E_k}{\\partial W_2} = -g\\, h^{\\top}，其中 g = y_{\\mathrm{target}} - \\hat{y}", latex=True) == ("correct", None)
    assert _verdict(T, "W2", "\\frac{\\partial E_k}{\\partial W_2} = g\\, h^{\\top}，其中 g = y_{\\mathrm{target}} - \\hat{y}", latex=True) == ("incorrect", "sign")
    _refused("mlp-bce", "W2", "\\frac{\\partial E_k}{\\partial W_2} = \\frac{1}{m}A_1^\\top(A_2 - Y)", latex=True)
    steps = "g = y_{\\mathrm{target}} - \\hat{y}，\\; e = g\\, W_2^{\\top} \\odot h %s，\\; \\frac{\\partial E}{\\partial W_1} = -X^{\\top} e"
    assert _verdict(T, "W1", steps % "\\odot (1 - h)", latex=True) == ("correct", None)
    assert _verdict(T, "W1", steps % "", latex=True) == ("incorrect", "wrong-activation-derivative")


T = "tiny-mlp"


def test_a_typed_where_clause_after_a_comma() -> None:
    """``∂L/∂u = diag(δ)·v, δ = (σ(score) − clicked)/n`` (and ``，其中 δ = …``) was "unknown name
    'delta'" (c36t-217–219), scikit-learn's ``coef_`` typed bare "'coef' is not a node"
    (c36t-236/237): the clause defines δ before the statement; the trailing underscore is the
    name's. The two-tower score's gradient is (σ(score) − clicked)/n per row, ∂L/∂u its row
    scaling of v (PyTorch float64 in tests/corpus36t.py)."""
    assert _verdict(TT, "u", "∂L/∂u = diag(δ)·v, δ = (σ(score) − clicked)/n") == ("correct", None)
    assert _verdict(TT, "v", "∂L/∂v = diag(δ)·u，其中 δ = (σ(score) − clicked)/n", lang="zh") == ("correct", None)
    assert _verdict(TT, "v", "∂L/∂v = diag(δ)·v，其中 δ = (σ(score) − clicked)/n")[0] == "incorrect"
    assert _verdict(SK, "coef_", "∂loss/∂coef_ = coef_ − C·Σᵢ yᵢ σ(−marginᵢ) Xᵢ") == ("correct", None)
    assert _verdict(SK, "coef_", "∂loss/∂coef_ = coef_ + C·Σᵢ yᵢ σ(−marginᵢ) Xᵢ")[0] == "incorrect"


def test_a_display_on_lines_of_its_own() -> None:
    """A chat answer's ``**Answer:**`` then ``$$`` / formula / ``$$`` on lines of their own was
    "formula is empty" (c36t-077): the display is one statement; two such displays are two."""
    one = "**Answer:**\n\n$$\n" + W2_TEX + "= \\frac{1}{m} A^{[1]\\top}\\left(%s\\right)\n$$"
    assert _verdict("mlp-bce", "W2", one % "A^{[2]} - Y", latex=True) == ("correct", None)
    assert _verdict("mlp-bce", "W2", one % "Y - A^{[2]}", latex=True) == ("incorrect", "sign")
    two = "$$\ndZ^{[2]} = A^{[2]} - Y\n$$\n\n$$\ndW^{[2]} = %s A^{[1]\\top} dZ^{[2]}\n$$"
    assert _verdict("mlp-bce", "W2", two % "\\frac{1}{m}", latex=True) == ("correct", None)
    assert _verdict("mlp-bce", "W2", two % "", latex=True) == ("incorrect", "scale-factor")


def test_a_using_remark_ends_the_formula() -> None:
    """``…, \\quad \\text{using } \\frac{\\partial}{\\partial W}\\operatorname{tr}(A^{\\top} W) = A``
    (the Matrix Cookbook's identity cited) was unreadable (c36t-019/020): a closing
    ``\\text{using …}``/``\\text{by …}`` is a remark, as ``\\text{where …}``."""
    lhs = "\\frac{\\partial L}{\\partial W} = \\frac{1}{m} X^{\\top}(P - Y)"
    cite = ", \\quad \\text{using } \\frac{\\partial}{\\partial W}\\operatorname{tr}(A^{\\top} W) = A"
    assert _verdict("softmax-regression", "W", lhs + cite, latex=True) == ("correct", None)
    assert _verdict("softmax-regression", "W", lhs + "^{\\top}" + cite, latex=True)[0] == "incorrect"
    assert _verdict("softmax-regression", "W", lhs + " \\quad \\text{by the chain rule}", latex=True) == ("correct", None)


def test_a_function_defined_in_a_where_clause() -> None:
    """李航's ``π(z) = \\frac{\\exp(z)}{1 + \\exp(z)}`` defined after the formula that applies it
    (``\\pi(\\mathrm{score})``) was read as the number π times score (c36t-052, rejected): the
    function is written out where it is applied; a wrong definition is wrong."""
    lhs = "\\frac{\\partial L}{\\partial \\mathrm{score}} = -\\frac{1}{n}\\left(\\mathrm{clicked} - \\pi(\\mathrm{score})\\right)，其中 \\pi(z) = "
    assert _verdict(TT, "score", lhs + "\\frac{\\exp(z)}{1 + \\exp(z)}", latex=True) == ("correct", None)
    assert _verdict(TT, "score", lhs + "\\frac{\\exp(-z)}{1 + \\exp(z)}", latex=True)[0] == "incorrect"


def test_grade_jsonl_batch_of_corpus36t_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 36t's rows graded without a key (every
    seventh case and the refusals): each row gets the verdict and first code the corpus states,
    and the batch runs to the end."""
    plain = [c for c in CASES if not c["opts"] and c["id"] not in KNOWN]
    picked = [c for k, c in enumerate(plain) if k % 7 == 0]
    picked += [c for c in plain if c["verdict"] == "unreadable" and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)


def test_grade_class_csv_of_latex_text_and_numbers(tmp_path: Path) -> None:
    """A class's CSV graded with ``--lang zh``: CS224n's δ chain, d2l's prod, a Wolfram answer, a
    Markdown table of numbers, an exam number with its remark, 周志华's E_k, a masked MSE with
    its count, the Keras 3 MLP against variant 2's key (seed 8: ∂L/∂bias2 = 2.4875, PyTorch
    float64 at the key's values; the base network's −0.9715 given for it), a block never
    closed and an unknown network: each row its verdict, Chinese messages on the bad rows."""
    import csv

    mask_w = ("\\frac{\\partial L}{\\partial W} = x^{\\top}\\left[\\frac{2}{N}(\\mathrm{pred} - \\mathrm{target}) \\odot "
              "\\mathrm{mask} \\odot (1 - \\mathrm{pred}^{2})\\right], \\quad N = \\sum_{i,j} \\mathrm{mask}_{ij}")
    rows = [
        ("t01", "softmax-regression", "Z", "latex", "\\delta_1 = \\frac{\\partial J}{\\partial z} = \\frac{1}{m}(\\hat{y} - y)", "", "", ""),
        ("t02", "softmax-regression", "Z", "latex", "\\delta_1 = \\frac{\\partial J}{\\partial z} = \\hat{y} - y", "", "", ""),
        ("t03", "chain", "w", "numpy", "D[L, w] = 2 x (b + w x)", "", "", ""),
        ("t04", "tiny-mlp", "W1", "value", "", "| | h₁ | h₂ |\n|---|---|---|\n| x₁ | -0.0137 | -0.0163 |\n| x₂ | -0.0027 | -0.0033 |", "", ""),
        ("t05", "neuron", "w[0,0]", "value", "", "-0.061（保留三位小数）", "", ""),
        ("t06", "tiny-mlp", "W2", "latex", "\\frac{\\partial E_k}{\\partial W_2} = g\\, h^{\\top}，其中 g = y_{\\mathrm{target}} - \\hat{y}", "", "", ""),
        ("t07", MM, "W", "latex", mask_w, "", "", ""),
        ("t08", K3, "bias2[0]", "value", "", "2.4875", "2", "8"),
        ("t09", K3, "bias2[0]", "value", "", "-0.9715", "2", "8"),
        ("t10", "mlp-bce", "W2", "latex", "\\begin{align*} dW^{[2]} &= \\frac{1}{m} A^{[1]\\top}(A^{[2]} - Y) \\\\", "", "", ""),
        ("t11", "mlp-bce-36", "W2", "numpy", "A1.T @ (A2 - Y) / m", "", "", ""),
    ]
    sub = tmp_path / "class.csv"
    with sub.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "network", "wrt", "kind", "formula", "value", "variant", "seed"])
        w.writerows(rows)
    out = corpus_common.graded(sub, tmp_path / "report.json", "--lang", "zh")
    got = {r["id"]: r for r in out["results"]}
    want = {"t01": "correct", "t02": "incorrect", "t03": "correct", "t04": "correct", "t05": "correct",
            "t06": "incorrect", "t07": "correct", "t08": "correct", "t09": "incorrect",
            "t10": "unreadable", "t11": "error"}
    assert {k: v["verdict"] for k, v in got.items()} == want
    assert got["t02"]["codes"][0] == "scale-factor"
    assert got["t06"]["codes"][0] == "sign"
    for k in ("t10", "t11"):
        assert got[k]["message"] and not got[k]["codes"], got[k]
        assert corpus36t.chinese_only(got[k]["message"]), got[k]["message"]
    assert out["summary"]["submissions"] == 11
