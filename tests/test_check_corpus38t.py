"""The held-out-style corpus of issue 11, thirty-eighth round, text side (tests/corpus38t.py):
the differential / Frobenius notation of math.SE and Minka, CMU DLSys's G_i, Shewchuk, Raschka,
Géron, Kevin Clark's CS224n Jacobians, 知乎 / CSDN blog derivations, Saito's computational
graphs, 期末 answers with numbered steps, a hand number after a formula, text pasted from PDFs,
matrices of numbers as bmatrix/array/smallmatrix, 0-based index notation, index sums, answer
keys of three exercise variants, on six course networks no earlier corpus used, with Chinese
answers. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus38t.py, bench/RESULTS.md "heldtex38"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus38t  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus38t.load()
# c38t-039–042 (Raschka's w^{(h)}_{1,2}, w^{(out)}_{1}, a^{(2)[i]}) and c38t-122 (W [2] from a PDF) are
# read since heldtex39 (latexin tagged_layer / per_example, textbox _pdf_layer_index)
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def test_corpus38t_is_new_and_mixed() -> None:
    """≥ 200 new cases, every built-in, six course networks no corpus used (≥ 35 % of the
    cases), about half right, refusals, ≥ 20 Chinese, answer keys of three variants."""
    corpus_common.assert_new_and_mixed(corpus38t, CASES, KNOWN, least=200, course=6, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert len({c["opts"]["answers"] for c in CASES if "answers" in c["opts"]}) >= 3


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus38t = corpus_common.corpus_tests(
    corpus38t, CASES, KNOWN
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


CW, EL, CL, DC, HT, BO = corpus38t.CW, corpus38t.EL, corpus38t.CL, corpus38t.DC, corpus38t.HT, corpus38t.BO
# center loss: ∂loss/∂C = −(λ/m)·Yᵀ(feat − YC) at the spec's values (PyTorch float64, tests/corpus38t.py)
CL_DC = "-0.02 & 0.02 \\\\ -0.0125 & -0.0125 \\\\ -0.02625 & -0.01175"


def test_a_determinant_is_no_matrix_of_numbers() -> None:
    """``\\begin{vmatrix} … \\end{vmatrix}`` (a determinant) was read as the matrix of its cells,
    so a gradient written as a determinant was ACCEPTED (c38t-150); vmatrix and Vmatrix (a norm)
    are refused with a sentence (en and zh). ``\\left[\\begin{array}{cc} … \\end{array}\\right]``
    and ``smallmatrix`` are matrices of numbers (c38t-149/180)."""
    assert "determinant" in _refused(CL, "C", value=f"\\begin{{vmatrix}} {CL_DC} \\end{{vmatrix}}")
    assert "行列式" in _refused(CL, "C", value=f"\\begin{{Vmatrix}} {CL_DC} \\end{{Vmatrix}}", lang="zh")
    array = f"\\left[\\begin{{array}}{{cc}} {CL_DC} \\end{{array}}\\right]"
    assert _verdict(CL, "C", value=array) == ("correct", None)
    assert _verdict(CL, "C", value=array.replace("-0.01175", "0.01175"))[0] == "incorrect"
    small = f"\\begin{{smallmatrix}} {CL_DC} \\end{{smallmatrix}}"
    assert _verdict(CL, "C", value=small) == ("correct", None)


def test_one_line_of_spaced_numbers_is_a_row() -> None:
    """``0.654 -1.630`` on one line was "--value needs one entry" (c38t-195): a row, as one line
    of a grid is; a 2 × 1 gradient given as a row is a shape mismatch. batch-one's ∂L/∂W2 =
    (0.654002, −1.629727)ᵀ, ∂L/∂W1 = (−2.061923, 0.035651) (PyTorch float64)."""
    assert _verdict(BO, "W2", value="0.654 -1.630") == ("incorrect", "shape-mismatch")
    assert _verdict(BO, "W1", value="-2.062 0.03565") == ("correct", None)
    assert _verdict(BO, "W1", value="-2.062 -0.03565")[0] == "incorrect"
    # one number with its digits grouped by a space stays one number (c5-408: mlp-bce's 0.135636)
    assert _verdict("mlp-bce", "W1[0,1]", value="0.135 6") == ("correct", None)


def test_limits_colour_hadamard_power_and_mse() -> None:
    """``\\sum\\nolimits_{i}`` and ``\\sum\\limits_{i}``, ``\\color{red}{…}``/``\\textcolor``, the
    Hadamard power ``h^{\\odot 2}`` and ``\\partial\\,\\mathrm{MSE}`` over a node were unknown
    commands, an unread superscript or "the left side must name the gradient" (c38t-223/224/228,
    c38t-051): what the formula says is read. batchnorm: ∂L/∂β = 2·1ᵀ(Y − T)/(mn)."""
    b = "\\frac{\\partial L}{\\partial \\beta} = "
    assert _verdict("batchnorm", "beta", b + "\\frac{2}{mn}\\sum\\nolimits_{i}(Y_{i} - T_{i})", latex=True) == ("correct", None)
    assert _verdict("batchnorm", "beta", b + "\\frac{2}{m}\\sum\\limits_{i}(Y_{i} - T_{i})", latex=True) == ("incorrect", "scale-factor")
    assert _verdict("batchnorm", "beta", b + "\\color{red}{\\frac{2}{mn}}\\mathbf{1}^\\top(Y - T)", latex=True) == ("correct", None)
    assert _verdict("batchnorm", "beta", b + "\\textcolor{red}{\\frac{1}{mn}}\\mathbf{1}^\\top(Y - T)", latex=True)[0] == "incorrect"
    rnn = "\\frac{\\partial L}{\\partial h_1} = \\big((h_2 - y) \\odot (1 - h_2^{\\odot 2})\\big) W_h^{\\top}"
    assert _verdict("rnn", "h_1", rnn, latex=True) == ("correct", None)
    assert _verdict("rnn", "h_1", rnn.replace("h_2^{\\odot 2}", "h_2"), latex=True)[0] == "incorrect"
    a1 = "\\frac{\\partial\\,\\mathrm{MSE}}{\\partial A_1} = \\frac{2}{m}(\\hat{Y} - Y)\\,W_2^\\intercal"
    assert _verdict(EL, "A1", a1, latex=True) == ("correct", None)
    assert _verdict(EL, "A1", a1.replace("{2}", "{1}"), latex=True) == ("incorrect", "scale-factor")


def test_a_column_stated_after_its_formula() -> None:
    """``∂L/∂W₂ = tanh(xW₁)ᵀ·2(ŷ − y)/m ≈ [0.654, −1.630]ᵀ``: the numbers after a formula as a
    row with its transpose were not parted from it (c38t-114): the formula is judged and the
    column checked (batch-one: ∂L/∂W2 = (0.654002, −1.629727)ᵀ, PyTorch float64)."""
    f = "∂L/∂W₂ = tanh(xW₁)ᵀ·2(ŷ − y)/m ≈ [%s]ᵀ"
    assert _verdict(BO, "W2", f % "0.654, −1.630") == ("correct", None)
    assert _verdict(BO, "W2", (f % "−0.654, 1.630").replace("(ŷ − y)", "(y − ŷ)")) == ("incorrect", "sign")
    assert _verdict(BO, "W2", f % "0.654, 1.630")[0] == "incorrect"


def test_tensor_names_side_by_side_in_unicode_maths() -> None:
    """``|2AW2|`` and ``tanh(xW1)`` typed in Unicode maths were "unknown name 'AW2'" (c38t-171–
    173, c38t-190): a word that splits in one way only into the network's tensors (or names the
    answer defines, ``GXᵀ`` after ``G = …``) is their product; a word that does not (``Yb``)
    stays refused. hardtanh: ∂loss/∂A = (2(B − Y)/m ⊙ 2·1(|2AW2| < 1))·W2ᵀ."""
    da = "∂loss/∂A = [2(B − Y)/m ⊙ 2·1(|2AW2| < 1)]·W2ᵀ"
    assert _verdict(HT, "A", da) == ("correct", None)
    assert _verdict(HT, "A", da.replace("2·1(", "1(")) == ("incorrect", "scale-factor")
    assert _verdict(BO, "x", "∂L/∂x = 2(ŷ − y)/m·[W2ᵀ ⊙ (1 − tanh²(xW1))]·W1ᵀ") == ("correct", None)
    assert _verdict("softmax-regression", "W", "∂L/∂W = XᵀG, G = (P − Y)/m") == ("correct", None)
    assert _verdict("softmax-regression", "W", "∂L/∂W = GXᵀ, G = (P − Y)/m") == ("incorrect", "shape-mismatch")
    assert "Yb" in _refused("mlp-bce", "W2", "dW2 = A1ᵀ·(A2 − Yb)/m")


def test_numbered_steps_and_prose_before_a_statement() -> None:
    """An exam answer in numbered steps, ``(1) … (2) …``, ``（1）…；（2）…``, ``① … ②``, ``第一步 …
    第二步 …``, and Saito's prose ending in a colon before ``∂L/∂w = …`` were syntax errors
    (c38t-094–107): the marks and the prose are left out, each step a statement. mlp-bce:
    ∂L/∂W₂ = A₁ᵀ(A₂ − Y)/m; chain: ∂L/∂w = 2vx."""
    steps = "解：(1) δ₂ = %s\n(2) ∂L/∂W₂ = A₁ᵀδ₂/m"
    assert _verdict("mlp-bce", "W2", steps % "A₂ − Y", lang="zh") == ("correct", None)
    assert _verdict("mlp-bce", "W2", steps % "Y − A₂", lang="zh") == ("incorrect", "sign")
    full = "解：（1）δ₂ = (A₂ − Y)/m；（2）δ₁ = δ₂W₂ᵀ%s；（3）∂L/∂W₁ = Xᵀδ₁。"
    assert _verdict("mlp-bce", "W1", full % " ⊙ 1(Z₁ > 0)") == ("correct", None)
    assert _verdict("mlp-bce", "W1", full % "") == ("incorrect", "missing-activation-derivative")
    circled = "① δ₂ = (h₂ − y) ⊙ (1 − h₂²)\n② δ₁ = δ₂W_hᵀ ⊙ (1 − h₁²)\n③ ∂L/∂W_h = h₁ᵀδ₂ + h₀ᵀδ₁"
    assert _verdict("rnn", "W_h", circled) == ("correct", None)
    assert _verdict("batchnorm", "beta", "第一步 ∂L/∂Y = 2(Y − T)/(mn)；第二步 ∂L/∂β = 1ᵀ·∂L/∂Y") == ("correct", None)
    saito = "乘法节点的反向传播将上游的值乘以输入信号的翻转值：∂L/∂%s = 2v·x"
    assert _verdict("chain", "w", saito % "w") == ("correct", None)
    assert _verdict("chain", "x", saito % "x")[0] == "incorrect"


def test_a_fraction_pasted_from_a_pdf() -> None:
    """Text copied from a PDF's display loses the fraction bar: ``∂L`` / ``∂W2`` / ``= h⊤(ˆy − y)``
    on lines of their own, ``1`` / ``m`` the same, ``∂L ∂w = …`` side by side, ``ˆy`` the spacing
    circumflex (c38t-117–120): read as ∂L/∂W2 = …, 1/m, ŷ."""
    assert _verdict("tiny-mlp", "W2", "∂L\n∂W2\n= h⊤(ˆy − y)") == ("correct", None)
    assert _verdict("tiny-mlp", "W2", "∂L\n∂W2\n= h(ˆy − y)")[0] == "incorrect"
    assert _verdict("softmax-regression", "W", "∂L\n∂W\n=\n1\nm\nX⊤(P − Y)") == ("correct", None)
    assert _verdict("softmax-regression", "W", "∂L\n∂W\n=\n2\nm\nX⊤(P − Y)") == ("incorrect", "scale-factor")
    assert _verdict("neuron", "w", "∂L ∂w = (O − t) σ (z)(1 − σ (z)) x") == ("correct", None)


def test_a_derivation_in_differentials() -> None:
    """math.SE's and Minka's differentials, ``dL = \\frac{1}{m}(P - Y) : dZ, dZ = X\\,dW
    \\Rightarrow \\frac{\\partial L}{\\partial W} = …``, were "found ':'", "unknown name 'tr'",
    ``\\langle`` unknown, or ``db`` circular (c38t-000–016): the differentials before a stated
    gradient are the working; a chain in differentials only states the gradient its last side
    reads off (``E : dW``, ``⟨E, dW⟩_F``, ``s·tr(Eᵀ dW)``, ``E\\, db^\\top``). softmax-regression:
    ∂L/∂W = Xᵀ(P − Y)/m, ∂L/∂b = 1ᵀ(P − Y)/m."""
    S = "softmax-regression"
    stated = "dL = \\frac{1}{m}(P - Y) : dZ, \\quad dZ = X\\,dW \\;\\Rightarrow\\; \\frac{\\partial L}{\\partial W} = %s"
    assert _verdict(S, "W", stated % "\\frac{1}{m} X^\\top (P - Y)", latex=True) == ("correct", None)
    assert _verdict(S, "W", stated % "X^\\top (P - Y)", latex=True) == ("incorrect", "scale-factor")
    assert _verdict(S, "W", "dL = \\frac{1}{m}\\operatorname{tr}\\big((P - Y)^\\top X\\, dW\\big)", latex=True) == ("correct", None)
    assert _verdict(S, "W", "dL = \\frac{1}{m}\\operatorname{tr}\\big((Y - P)^\\top X\\, dW\\big)", latex=True) == ("incorrect", "sign")
    assert _verdict(S, "W", "dL = \\frac{1}{m}\\,\\big\\langle X^\\top (P - Y),\\, dW \\big\\rangle_F", latex=True) == ("correct", None)
    assert _verdict(S, "W", "dL = G : X\\,dW = X^\\top G : dW, \\quad G = \\frac{1}{m}(P - Y)", latex=True) == ("correct", None)
    assert _verdict(S, "W", "dL = G : X\\,dW = G X^\\top : dW, \\quad G = \\frac{1}{m}(P - Y)", latex=True)[0] == "incorrect"
    assert _verdict(S, "b", "dL = \\frac{1}{m}\\mathbf{1}^\\top (P - Y)\\, db^\\top", latex=True) == ("correct", None)
    # a slip in the working that itself states the gradient is still seen (checkmut_latex, c17-208)
    slip = "dL = \\operatorname{tr}\\left(\\frac{1}{m}(P %s Y)^{\\top} X \\, dW\\right) \\Rightarrow \\frac{\\partial L}{\\partial W} = \\frac{1}{m}X^{\\top}(P - Y)"
    assert _verdict(S, "W", slip % "-", latex=True) == ("correct", None)
    assert _verdict(S, "W", slip % "+", latex=True)[0] == "incorrect"
    text = "dL = tr(Gᵀ dZ) = tr(Gᵀ X dW) = tr((XᵀG)ᵀ dW), so ∂L/∂W = %s, G = (P − Y)/m"
    assert _verdict(S, "W", text % "XᵀG") == ("correct", None)
    assert _verdict(S, "W", text % "GXᵀ")[0] == "incorrect"


def test_an_answer_with_the_index_zero_is_read_zero_based() -> None:
    """The lead's round-38 decision (c37t-177/178, c38t-211–213): derive names entries 1-based
    (tiny-mlp's w12 is W1[0,1]); an answer that uses the index 0 for an entry the network does
    not label so (``w_{01}``, ``θ₀``, ``W_{0,2}``) is read 0-based as a whole, with a note in
    English and Chinese; 0 mixed with an index past the end read so is refused with a sentence;
    a network that declares 0-based labels (neuron's w0) is read by its labels. tiny-mlp:
    ∂L/∂W1[0,1] = (ŷ − y)·W2[1]·h[1](1 − h[1])·x[0]."""
    from derive.checker.check import check

    w01 = "\\frac{\\partial L}{\\partial w_{01}} = (\\hat y - y)\\, v_%s\\, h_1 (1 - h_1)\\, x_0"
    r = check("tiny-mlp", "W1[0,1]", w01 % "1", latex=True)
    assert (r.verdict, r.code) == ("correct", None)
    assert any("0-based" in n and "w_{01}" in n for n in r.notes)
    assert any("从 0" in n for n in check("tiny-mlp", "W1[0,1]", w01 % "1", latex=True, lang="zh").notes)
    assert _verdict("tiny-mlp", "W1[0,1]", w01 % "0", latex=True)[0] == "incorrect"
    assert "past the end" in _refused("tiny-mlp", "W1[0,1]", w01 % "2", latex=True)
    assert "超出" in _refused("tiny-mlp", "W1[0,1]", w01 % "2", latex=True, lang="zh")
    assert _verdict("tiny-mlp", "W1[0,0]", "∂L/∂w₀₀ = (ŷ − y)·v₀·h₀(1 − h₀)·x₀") == ("correct", None)
    w02 = "\\frac{\\partial L}{\\partial W_{0,2}} = \\frac{1}{m}\\sum_{i} X_{i,0}\\,(P_{i,%s} - Y_{i,%s})"
    assert _verdict("softmax-regression", "W[0,2]", w02 % ("2", "2"), latex=True) == ("correct", None)
    assert _verdict("softmax-regression", "W[0,2]", w02 % ("1", "1"), latex=True)[0] == "incorrect"
    assert _verdict("neuron", "w[0,0]", "∂L/∂w₀ = (O − t)·O(1 − O)·x₀") == ("correct", None)
    ng = str(corpus38t.COURSE / "hn36_ng_ex1_np_c_ones_column_reg.toml")
    assert _verdict(ng, "theta[0,0]", "∂J/∂θ₀ = (1/m) Σᵢ (hᵢ − yᵢ)") == ("correct", None)


def test_a_latex_slice_reads_as_numpy() -> None:
    """``\\frac{\\lambda}{m}\\begin{bmatrix} 0 \\\\ \\theta_{1:} \\end{bmatrix}`` (Ng's unpenalised
    intercept) was "cannot read the subscript '1:'" (c37t-172/175/176): a slice in a subscript
    is NumPy's (zero-based, stop left out), ``\\theta_{1:}`` the rows from the second. Ng's ex5:
    ∂J/∂θ = X_bᵀ(h − y)/m + (λ/m)[0; θ[1:]] (PyTorch float64 in tests/corpus37t.py)."""
    ng = str(corpus38t.COURSE / "hn36_ng_ex1_np_c_ones_column_reg.toml")
    g = "\\frac{\\partial J}{\\partial \\theta} = \\frac{1}{m} X_b^{\\top}(h - y) + \\frac{\\lambda}{m}\\begin{bmatrix} %s \\end{bmatrix}"
    assert _verdict(ng, "theta", g % "0 \\\\ \\theta_{1:}", latex=True) == ("correct", None)
    # θ_{1:3} stops at a number: the tail only while n + 1 = 3 — right at the example's sizes only
    # (round 48: the zero block's 𝟘 no longer keeps the check off the network at other sizes)
    assert _verdict(ng, "theta", g % "0 \\\\ \\theta_{1:3}", latex=True) == ("incorrect", "unknown")
    assert _verdict(ng, "theta", g % "0 \\\\ \\theta_{2:}", latex=True) == ("incorrect", "shape-mismatch")
    assert _verdict(ng, "theta", g % "\\theta_{:1} \\\\ \\theta_{1:}", latex=True)[0] == "incorrect"


def test_an_index_sum_over_a_hatted_name() -> None:
    """``\\frac{1}{m}\\sum_{i} h_{i1}(\\hat y_{i2} - y_{i2})`` for one entry of U was "unknown name
    'h_i1'" (c38t-200/201): the hat's name (``yhat``) resolves to the network's ``y_hat`` in the
    written-out sum as elsewhere. cs224n-window: ∂J/∂U[0,1] = Σᵢ h[i,0](ŷ[i,1] − y[i,1])/m."""
    u = "\\frac{\\partial J}{\\partial U_{12}} = \\frac{1}{m}\\sum_{i} h_{i%s}\\,(\\hat y_{i%s} - y_{i%s})"
    assert _verdict(CW, "U[0,1]", u % ("1", "2", "2"), latex=True) == ("correct", None)
    assert _verdict(CW, "U[0,1]", u % ("2", "1", "1"), latex=True)[0] == "incorrect"


def test_a_one_column_tensor_indexed_by_the_summed_letter() -> None:
    """``\\frac{1}{m}\\sum_{i} (A^{[2]}_{i} - Y_{i}) W^{[2]}_{2} \\mathbb{1}(Z^{[1]}_{i2} > 0)`` for
    b1[0,1] was rejected as a shape mismatch, a RIGHT answer rejected (c38t-204): the ``_i`` of
    a one-column tensor under ``\\sum_i`` is its entry in row i, beside the other written-out
    entries. mlp-bce: ∂L/∂b1[0,1] = Σᵢ (A2ᵢ − Yᵢ)·W2[1]·𝟙(Z1[i,1] > 0)/m."""
    b = "\\frac{\\partial L}{\\partial b^{[1]}_{2}} = \\frac{1}{m}\\sum_{i} (A^{[2]}_{i} %s Y_{i})\\, W^{[2]}_{%s}\\, \\mathbb{1}(Z^{[1]}_{i2} > 0)"
    assert _verdict("mlp-bce", "b1[0,1]", b % ("-", "2"), latex=True) == ("correct", None)
    assert _verdict("mlp-bce", "b1[0,1]", b % ("+", "2"), latex=True) == ("incorrect", "sign")
    assert _verdict("mlp-bce", "b1[0,1]", b % ("-", "1"), latex=True)[0] == "incorrect"


def test_a_primed_function_defined_by_cases() -> None:
    """Géron's ELU: ``… \\odot \\mathrm{ELU}'(Z_1)\\Big],\\ \\mathrm{ELU}'(z) = \\begin{cases} 1 & z > 0
    \\\\ \\alpha e^{z} & z \\le 0 \\end{cases}`` was "expected ']' … found '''" (c38t-047/048): a
    function named in a font and primed, defined after ``,\\ ``, is written out where applied.
    elu-where: ∂L/∂W1 = Xᵀ[2(Ŷ − Y)/m·W2ᵀ ⊙ ELU′(Z1)], ELU′(z) = 1 (z > 0), αeᶻ (z ≤ 0)."""
    f = ("\\nabla_{W_1} L = X^\\intercal\\Big[\\frac{2}{m}(\\hat{Y} - Y)W_2^\\intercal \\odot \\mathrm{ELU}'(Z_1)\\Big],"
         "\\ \\mathrm{ELU}'(z) = \\begin{cases} 1 & z > 0 \\\\ %s & z \\le 0 \\end{cases}")
    assert _verdict(EL, "W1", f % "\\alpha e^{z}", latex=True) == ("correct", None)
    assert _verdict(EL, "W1", f % "\\alpha e^{z} - 1", latex=True)[0] == "incorrect"


def test_grade_jsonl_batch_of_corpus38t_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 38t's rows graded without a key (every
    seventh case and the refusals): each row gets the verdict and first code the corpus states,
    and the batch runs to the end."""
    plain = [c for c in CASES if not c["opts"] and c["id"] not in KNOWN]
    picked = [c for k, c in enumerate(plain) if k % 7 == 0]
    picked += [c for c in plain if c["verdict"] == "unreadable" and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)


def test_grade_class_csv_of_latex_text_and_numbers(tmp_path: Path) -> None:
    """A class's CSV graded with ``--lang zh``: a derivation in differentials (right, and without
    1/m), Saito's prose in Chinese, numbered 期末 steps, a PDF paste, a 0-based entry formula, a
    bmatrix of numbers and a vmatrix (refused), tiny-mlp against variant 3's key (seed 11: X =
    [2, 0.5], W1 = [[0.7, −0.1], [−0.7, −0.9]], W2 = [−0.1, 0.5], y = 1.5, so ∂L/∂W2[0,0] =
    (ŷ − y)·h₁ = −1.039, PyTorch float64; the base network's −0.1139 given for it) and an
    unknown network: each row its verdict, Chinese messages on the bad rows."""
    import csv

    frob = "dL = \\frac{1}{m}\\operatorname{tr}\\big((P - Y)^\\top X\\, dW\\big)"
    rows = [
        ("t01", "softmax-regression", "W", "latex", frob, "", "", ""),
        ("t02", "softmax-regression", "W", "latex", frob.replace("\\frac{1}{m}", ""), "", "", ""),
        ("t03", "chain", "w", "numpy", "乘法节点的反向传播将上游的值乘以输入信号的翻转值：∂L/∂w = 2v·x", "", "", ""),
        ("t04", "mlp-bce", "W2", "numpy", "解：(1) δ₂ = Y − A₂\n(2) ∂L/∂W₂ = A₁ᵀδ₂/m", "", "", ""),
        ("t05", "tiny-mlp", "W2", "numpy", "∂L\n∂W2\n= h⊤(ˆy − y)", "", "", ""),
        ("t06", "tiny-mlp", "W1[0,1]", "latex", "\\frac{\\partial L}{\\partial w_{01}} = (\\hat y - y)\\, v_1\\, h_1 (1 - h_1)\\, x_0", "", "", ""),
        ("t07", CL, "C", "value", "", f"\\begin{{bmatrix}} {CL_DC} \\end{{bmatrix}}", "", ""),
        ("t08", CL, "C", "value", "", f"\\begin{{vmatrix}} {CL_DC} \\end{{vmatrix}}", "", ""),
        ("t09", "tiny-mlp", "W2[0,0]", "value", "", "-1.039", "3", "11"),
        ("t10", "tiny-mlp", "W2[0,0]", "value", "", "-0.1139", "3", "11"),
        ("t11", "cs224n-38", "W", "numpy", "x.T @ d1", "", "", ""),
    ]
    sub = tmp_path / "class.csv"
    with sub.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "network", "wrt", "kind", "formula", "value", "variant", "seed"])
        w.writerows(rows)
    out = corpus_common.graded(sub, tmp_path / "report.json", "--lang", "zh")
    got = {r["id"]: r for r in out["results"]}
    want = {"t01": "correct", "t02": "incorrect", "t03": "correct", "t04": "incorrect", "t05": "correct",
            "t06": "correct", "t07": "correct", "t08": "unreadable", "t09": "correct", "t10": "incorrect",
            "t11": "error"}
    assert {k: v["verdict"] for k, v in got.items()} == want
    assert got["t02"]["codes"][0] == "scale-factor"
    assert got["t04"]["codes"][0] == "sign"
    for k in ("t08", "t11"):
        assert got[k]["message"] and not got[k]["codes"], got[k]
        assert corpus38t.chinese_only(got[k]["message"]), got[k]["message"]
    assert out["summary"]["submissions"] == 11
