"""The checker's leftovers of issue 11, pass 7: the general rules behind the fixes (corpus 15's
two strict xfails, a size's factor where the ratio holds only at one-hot targets or inside the
domain, vec/Kronecker notation, Chinese parser errors, LaTeX fixes for LaTeX input), each a
table of right and wrong answers with verdict and code — on networks and entries other than the
corpus case that showed the gap."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from derive.checker.check import check

COURSE = Path(__file__).resolve().parent / "specs_course"
SOFTMAX_COLS = COURSE / "softmax_colmajor.toml"  # Y not declared one-hot, loss / m
NG_TANH = COURSE / "ng_colmajor_tanh.toml"  # column-major, A1 = tanh(Z1)
FOCAL = COURSE / "focal.toml"  # -mean(α_t (1 − p_t)^γ log p_t): log's domain at random y
FOCAL_DZ = "alpha_t*(2*(1-p_t)*np.log(p_t) - (1-p_t)**2/p_t)*(2*y-1)*p*(1-p)"


def _judged(net: object, wrt: str, text: str, latex: bool = False) -> tuple[str, str | None]:
    r = check(net, wrt, text, latex=latex)
    return ("correct" if r.ok else "incorrect"), (None if r.ok else r.code)


# ---- 1. an entry as a sum over one index with the other a one-based number ---------------------

INDEX_SUMS = [
    # (network, wrt, LaTeX, verdict, code)
    ("softmax-regression", "W[0,1]", r"\frac{1}{m}\sum_{i=1}^{m} X_{i1}(P_{i2} - Y_{i2})", "correct", None),
    ("softmax-regression", "W[1,2]", r"\frac{1}{m}\sum_{i} X_{i2}\left(P_{i3} - Y_{i3}\right)", "correct", None),
    ("softmax-regression", "W[0,1]", r"\frac{1}{m}\sum_{i=1}^{m} X_{i2}(P_{i1} - Y_{i1})", "incorrect", "wrong-entry"),
    ("softmax-regression", "W[0,1]", r"\sum_{i=1}^{m} X_{i1}(P_{i2} - Y_{i2})", "incorrect", "scale-factor"),
    ("mlp-bce", "W2[1,0]", r"\frac{1}{m}\sum_{i=1}^{m} A^{[1]}_{i2}(A^{[2]}_{i1} - Y_{i1})", "correct", None),
    ("mlp-bce", "W2[1,0]", r"\frac{1}{n_h}\sum_{i=1}^{m} A^{[1]}_{i2}(A^{[2]}_{i1} - Y_{i1})", "incorrect", "scale-factor"),
    ("mlp-bce", "b1[0,1]", r"\sum_{i=1}^{m} \delta^{[1]}_{i2}", "correct", None),
    ("mlp-bce", "b1[0,1]", r"\sum_{i=1}^{m} \delta^{[1]}_{i1}", "incorrect", "wrong-entry"),
    # the letter on the columns: column-major examples, the sum along a row
    (COURSE / "ng_softmax_columns.toml", "W2[0,1]", r"\frac{1}{m}\sum_{j=1}^{m} (A^{[2]}_{1j} - Y_{1j}) A^{[1]}_{2j}", "correct", None),
    (COURSE / "ng_softmax_columns.toml", "W2[0,1]", r"\frac{1}{m}\sum_{j=1}^{m} (A^{[2]}_{1j} - Y_{1j}) A^{[1]}_{1j}", "incorrect", "wrong-entry"),
]


@pytest.mark.parametrize("case", INDEX_SUMS, ids=lambda c: f"{Path(str(c[0])).stem}:{c[1]}:{c[2][:40]}")
def test_an_index_sum_with_one_based_numbers_is_the_entry(case: tuple) -> None:
    r"""``\sum_{i=1}^{m} A^{[1]}_{i1}(A^{[2]}_{i1} - Y_{i1})`` for one entry: the sum written out
    over the letter (rows for ``_{i1}``, columns for ``_{1j}``), each factor the entry of that
    one-based number, as the NumPy reader writes out ``np.sum(A1[:, 0] * …)``; a wrong number
    is another entry, a missing 1/m names m (not "2 ×" where m = 2)."""
    net, wrt, text, verdict, code = case
    assert _judged(net, wrt, text, latex=True) == (verdict, code)


def test_a_missing_mean_in_an_entry_formula_names_the_size() -> None:
    r = check("softmax-regression", "W[0,1]", r"\sum_{i=1}^{m} X_{i1}(P_{i2} - Y_{i2})", latex=True)
    assert r.code == "scale-factor" and r.diagnoses[0].factor == "m"
    r = check("mlp-bce", "W2[1,0]", "(A1[0,1]*(A2[0,0]-Y[0,0])+A1[1,1]*(A2[1,0]-Y[1,0]))")
    assert r.code == "scale-factor" and r.diagnoses[0].factor == "m"
    r = check("tiny-mlp", "w21", "2*dh1_raw*x2")  # a plain 2: no size there
    assert r.code == "scale-factor" and r.diagnoses[0].factor == "2"


# ---- 1. an activation's output inside a call in an entry formula --------------------------------

ENTRY_ACTIVATIONS = [
    ("tiny-mlp", "w21", "sigmoid(h1)*(1-sigmoid(h1))*v1*(y_pred-y_target)*x2", "incorrect", "wrong-layer"),
    ("tiny-mlp", "w21", "sigmoid(h1_raw)*(1-sigmoid(h1_raw))*v1*(y_pred-y_target)*x2", "correct", None),
    ("tiny-mlp", "w21", "h1*(1-h1)*v1*(y_pred-y_target)*x2", "correct", None),
    ("neuron", "w2", "sigmoid(O)*(1-sigmoid(O))*(O-t)*x2", "incorrect", "wrong-layer"),
    ("neuron", "w2", "sigmoid(z)*(1-sigmoid(z))*(O-t)*x2", "correct", None),
    (NG_TANH, "W1[0,1]", "np.sum(W2[0,0]*(A2[0,:]-Y[0,:])*(1-np.tanh(A1[0,:])**2)*X[1,:])/m", "incorrect", "wrong-layer"),
    (NG_TANH, "W1[0,1]", "np.sum(W2[0,0]*(A2[0,:]-Y[0,:])*(1-np.tanh(Z1[0,:])**2)*X[1,:])/m", "correct", None),
    (NG_TANH, "W1[0,1]", "np.sum(W2[0,0]*(A2[0,:]-Y[0,:])*(1-A1[0,:]**2)*X[1,:])/m", "correct", None),
    # the output in the call and another slip: no wrong-layer (it would not make it right)
    ("tiny-mlp", "w21", "sigmoid(h1)*(1-sigmoid(h1))*v2*(y_pred-y_target)*x2", "incorrect", "unknown"),
]


@pytest.mark.parametrize("case", ENTRY_ACTIVATIONS, ids=lambda c: f"{Path(str(c[0])).stem}:{c[2][:40]}")
def test_an_activation_output_inside_a_call_of_an_entry_formula(case: tuple) -> None:
    """Bishop's ``sigmoid(h2)*(1 - sigmoid(h2))`` for σ′(h2_raw) in an entry formula is
    ``wrong-layer`` (as the matrix form's search says), found only where putting the
    pre-activation's same entry in those calls makes the formula right."""
    net, wrt, text, verdict, code = case
    assert _judged(net, wrt, text) == (verdict, code)


def test_the_entry_wrong_layer_message_names_the_entries_as_written() -> None:
    r = check(NG_TANH, "W1[0,1]", ENTRY_ACTIVATIONS[5][2])
    assert "A1[0,0] = tanh(Z1[0,0])" in r.diagnoses[0].message and "A111" not in r.text()
    r = check("tiny-mlp", "w21", r"\sigma(h_1)(1-\sigma(h_1)) v_1 (\hat{y} - y) x_2", latex=True)
    assert r.code == "wrong-layer" and "h_{1,\\text{raw}}" in r.diagnoses[0].message


# ---- 2. a size's factor where the ratio holds only at one-hot targets / inside the domain ------

SIZE_FACTORS = [
    (SOFTMAX_COLS, "W", "np.dot(A - Y, X.T)", "scale-factor", "m"),
    (SOFTMAX_COLS, "b", "np.sum(A - Y, axis=1, keepdims=True)", "scale-factor", "m"),
    (SOFTMAX_COLS, "W", "np.dot(A - Y, X.T) / m**2", "scale-factor", "1/m"),
    (SOFTMAX_COLS, "W", "2 * np.dot(A - Y, X.T) / m", "scale-factor", "2"),
    (FOCAL, "w", f"X.T @ ({FOCAL_DZ})", "scale-factor", "m"),
    (FOCAL, "b", f"np.sum({FOCAL_DZ})", "scale-factor", "m"),
    (FOCAL, "b", f"np.sum({FOCAL_DZ}) / m**2", "scale-factor", "1/m"),
]


@pytest.mark.parametrize("case", SIZE_FACTORS, ids=lambda c: f"{c[0].stem}:{c[1]}:{c[2][:30]}")
def test_a_missing_mean_where_one_ratio_does_not_hold_everywhere(case: tuple) -> None:
    """Ng's column-major ``(A − Y) Xᵀ`` without its 1/m on a softmax whose target is not
    declared one-hot (right at one-hot targets only: the ratio is m there, nothing at soft
    targets), and the focal loss' gradient without its 1/m (log's domain leaves the example and
    the other sizes, whose m differ): ``scale-factor`` naming the size, not ``unknown``."""
    net, wrt, text, code, factor = case
    r = check(net, wrt, text)
    assert not r.ok and r.code == code
    assert any(d.code == "scale-factor" and d.factor == factor for d in r.diagnoses), r.text()


def test_the_right_focal_and_softmax_answers_stay_right() -> None:
    assert check(FOCAL, "w", f"X.T @ ({FOCAL_DZ}) / m").ok
    assert check(FOCAL, "b", f"np.sum({FOCAL_DZ}) / m").ok
    # Y is not declared one-hot, but its given [values] are one-hot columns against a softmax:
    # read as one-hot labels (checkgaps9), so Ng's A - Y is right, as PyTorch finds
    assert check(SOFTMAX_COLS, "W", "np.dot(A - Y, X.T) / m").ok
    r = check(FOCAL, "b", f"-np.sum({FOCAL_DZ})")  # two mistakes: both named
    assert [d.code for d in r.diagnoses] == ["sign", "scale-factor"]


# ---- 3. every parser/reader error under --lang zh is Chinese -----------------------------------

_CODE_WORDS = frozenset(
    "sigmoid relu tanh softmax exp log sum mean np numpy torch axis keepdims LaTeX NumPy ReLU "
    "True False wrt network formula value latex kind bmatrix vec Kronecker einsum float len for "
    "lambda await yield from".split()
)


def english_words(text: str) -> list[str]:
    """ASCII words of 3 or more letters outside code and formula spans: quoted ('…', “…”, 「…」,
    `…`), $…$, and tokens with a formula's characters (\\frac, W_{1}, A1.T, n_h, mlp-bce)."""
    import re

    t = re.sub(r"“([A-Z][a-z]{2,})”", r" \1 ", text)  # “Subscript”: a word, not a code span
    t = re.sub(r"'[^']*'|`[^`]*`|\"[^\"]*\"|“[^”]*”|「[^」]*」|\$[^$]*\$", " ", t)
    out = []
    for tok in re.split(r"[\s，。：；、（）()]+", t):
        if not tok or re.search(r"[\\_{}\[\]\d.^/=<>*@+|-]", tok):
            continue
        out += [w for w in re.findall(r"[A-Za-z]{3,}", tok) if w not in _CODE_WORDS]
    return out


def test_the_english_detector_sees_english() -> None:
    assert english_words("第 7 列应为a name inside \\text{…}，实际是 '1'") == ["name", "inside"]
    assert english_words("表达式中不允许出现“Subscript”（第 1 列）") == ["Subscript"]
    assert english_words("表达式中不允许出现“x[…] 下标取值”（第 1 列）") == []
    assert english_words("sum() 没有关键字参数“foo”") == []  # the student's own keyword: code
    assert english_words("未知的名字 'A9'；mlp-bce 没有第 9 层") == []


PARSER_MESSAGES = [  # the LaTeX reader's messages as it raises them (latexin.py), one per kind
    "expected a name inside \\text{…} at column 7, found '1'",
    "expected an operator or the end of the formula at column 3, found 'x'",
    "expected the argument of \\operatorname{softmax}, e.g. (S) at column 3, found 'x'",
    "expected '}' to close \\frac{\\partial A}{\\partial …} at column 3, found the end of the formula",
    "expected ')' (for the '(' opened at column 4) at column 9, found the end of the formula",
    "expected ',' in \\max(0, …) at column 3, found 'x'",
    "exponent 999 is too large (limit 64, column 3)",
    "\\operatorname{clip} takes (x, lo, hi) (column 3)",
    "expected ^{\\top} after \\mathbf{1} (column 3)",
    "the derivative of softmax is not read (column 3)",
    "unknown name 'Q' at column 3",
    "cannot read the superscript '#' at column 3: expected a number, [k] (layer), T or \\top (transpose)",
    "unknown or unsupported command '\\foo' at column 3; expected e.g. \\frac, \\cdot, \\odot, \\sigma, \\delta, \\sum, \\mathbf{1}[…], ^{\\top}",
    "the environment 'cases' is not read here (column 3); a matrix is \\begin{bmatrix} … \\end{bmatrix}",
    "an expectation \\mathbb{E} is not read (column 3): write the batch mean as \\frac{1}{m}\\sum_{i=1}^{m} … or in the vectorised form",
]


@pytest.mark.parametrize("message", PARSER_MESSAGES)
def test_the_latex_readers_messages_are_chinese(message: str) -> None:
    from derive.checker.verdict import translate_detail

    zh = translate_detail(message, "zh")
    assert zh != message and english_words(zh) == [], zh


ZH_SWEEP = [  # (network, wrt, text, latex, value): each a reader's error, exit 2
    ("mlp-bce", "W2", r"A^{[1]\top} (A^{[2]} - Y", True, None),
    ("mlp-bce", "W2", r"\frac{1}{m A^{[1]\top}", True, None),
    ("mlp-bce", "W2", r"A^{[1]\top} \foo (A^{[2]} - Y)", True, None),
    ("mlp-bce", "W2", r"A^{[1]}^{\#} (A^{[2]} - Y)", True, None),
    ("mlp-bce", "W2", r"\frac{1}{m} a^{[1](i)} (a^{[2](i)} - y^{(i)})", True, None),
    ("mlp-bce", "W2", r"\delta^{[l]} A", True, None),
    ("mlp-bce", "W2", r"\sum", True, None),
    ("mlp-bce", "W2", r"\max(1, Z^{[1]})", True, None),
    ("mlp-bce", "W2", r"\text{} A", True, None),
    ("mlp-bce", "W2", r"A \text{1}", True, None),
    ("mlp-bce", "W2", r"\begin{itemize} 1 \end{itemize}", True, None),  # (cases: read since round 35)
    ("mlp-bce", "W2", r"\frac{\partial L}{\partial Q} = A", True, None),
    ("mlp-bce", "W2", r"(I \otimes A^{[1]\top}) \operatorname{vec}(\delta^{[2]})", True, None),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y", False, None),
    ("mlp-bce", "W2", "A1.T @@ (A2 - Y)", False, None),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) /", False, None),
    ("mlp-bce", "W2", "lambda x: x", False, None),
    ("mlp-bce", "W2", "[A1, A2]", False, None),
    ("mlp-bce", "W2", "np.sum(A1, foo=1)", False, None),
    ("mlp-bce", "W2", "A1.T @ Q", False, None),
    ("mlp-bce", "W2", "A1; A2", False, None),
    ("mlp-bce", "W2", "np.kron(np.eye(1), A1.T)", False, None),
    ("tiny-mlp", "w11", "W1[5,5]", False, None),
    ("tiny-mlp", "w11", "dh1_raw * x9", False, None),
    ("tiny-mlp", "W1[0,0]", None, False, "abc"),
    ("tiny-mlp", "W1[9,9]", None, False, "0.1"),
]


@pytest.mark.parametrize("case", ZH_SWEEP, ids=lambda c: f"{c[0]}:{(c[2] or c[4])[:30]}")
def test_every_reader_error_under_zh_is_chinese(case: tuple) -> None:
    """A sweep of the readers' errors (LaTeX, NumPy, entries, hand numbers) under ``--lang zh``:
    no English prose (code and formula spans kept); the English message stays English."""
    from derive.checker.verdict import FormulaError

    net, wrt, text, latex, value = case
    with pytest.raises(FormulaError) as err:
        check(net, wrt, text, latex=latex, value=value, lang="zh")
    zh = err.value.localized("zh")
    assert english_words(zh) == [], zh
    assert english_words(err.value.localized("en"))  # the English one says it in English


def test_grade_rows_under_zh_are_chinese() -> None:
    from derive.checker.grade import grade

    rows = [
        dict(id="a", network="mlp-bce", wrt="W9", formula="A1.T @ (A2 - Y) / m"),
        dict(id="b", network="mlp-bce", wrt="W2"),
        dict(id="c", network="mlp-bce", wrt="W2", formula="A1.T", kind="fortran"),
        dict(id="d", network="mlp-bce", wrt="W2", formula=r"\text{1} A", kind="latex"),
        dict(id="e", network="mlp-bce", wrt="W2", formula="[A1, A2]", kind="numpy"),
        dict(id="f", network="", wrt="W2", formula="A1.T"),
    ]
    for r in rows:
        g = grade(r, "zh")
        assert g["verdict"] in ("error", "unreadable") and english_words(g["message"]) == [], g


# ---- 4. a LaTeX answer's fixes in LaTeX ----------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "net,wrt,text",
    [
        ("mlp-bce", "W2[1,0]", r"\frac{1}{m}\sum_{i=1}^{m} A^{[1]}_{i1}(A^{[2]}_{i1} - Y_{i1})"),
        ("softmax-regression", "b[0,1]", r"\frac{\partial L}{\partial b_{2}} = \delta_{Z_{21}} + \delta_{Z_{22}}"),
        ("tiny-mlp", "w21", r"\sigma(h_1)(1-\sigma(h_1)) v_2 (\hat{y} - y) x_2"),
        ("relu-mlp", "w1[0,1]", r"\delta_{h_{11}} \cdot x_{11} + \delta_{h_{21}} \cdot x_{21} + \delta_{h_{31}} \cdot x_{31}"),
    ],
)
def test_an_entry_formula_in_latex_gets_its_fix_in_latex(net: str, wrt: str, text: str, lang: str) -> None:
    """An element-wise LaTeX answer's diagnosis carries the fix in LaTeX (the entry names as
    the walkthrough prints them), never the code form ``A1[0,1]*dZ2[0,0] + …``."""
    r = check(net, wrt, text, latex=True, lang=lang)
    assert not r.ok
    for d in r.diagnoses:
        assert d.fix is not None and not re.search(r"\w\[\d+, ?\d+\]|\*", d.fix), d.fix
        assert "\\" in d.fix or "_" in d.fix


# ---- 5. vec / Kronecker notation ----------------------------------------------------------------

VEC_KRON = [
    ("mlp-bce", "W2", r"\operatorname{vec}\left(\frac{\partial L}{\partial W^{[2]}}\right) = (I \otimes A^{[1]\top}) \operatorname{vec}(\delta^{[2]})", True),
    ("mlp-bce", "W1", r"(I_{n_h} \otimes X^{\top})\,\mathrm{vec}(\delta^{[1]})", True),
    ("softmax-regression", "W", r"\text{vec}(dW) = (\mathbf{I} \otimes X^\top) \text{vec}(P - Y) / m", True),
    ("relu-mlp", "w2", r"(I ⊗ h^{\top}) vec(\delta)", True),
    ("mlp-bce", "W2", "np.kron(np.eye(1), A1.T) @ dZ2.reshape(-1, 1)", False),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("case", VEC_KRON, ids=lambda c: f"{c[0]}:{c[2][:30]}")
def test_vec_and_kronecker_notation_is_refused_with_what_to_write(case: tuple, lang: str) -> None:
    """vec(·) and a Kronecker product with an identity are refused (exit 2) with one sentence:
    the checker expects ∂L/∂W in the shape of W, and (I ⊗ Xᵀ) vec(δ) is Xᵀ δ."""
    from derive.checker.verdict import FormulaError

    net, wrt, text, latex = case
    with pytest.raises(FormulaError) as err:
        check(net, wrt, text, latex=latex, lang=lang)
    said = err.value.localized(lang)
    assert "vec/Kronecker" in said and "(I ⊗ Xᵀ) vec(δ)" in said
    assert ("same shape as W" if lang == "en" else "与 W 形状相同") in said
    if lang == "zh":
        assert english_words(said) == [], said


def test_otimes_for_the_hadamard_product_and_vec_arrows_still_read() -> None:
    r"""``⊗`` between two tensors (notes that misuse it for ⊙) and ``\vec{x}`` (an arrow) are no
    vec/Kronecker notation; an indicator ``\mathbb{I}(Z > 0)`` is no identity."""
    assert check("mlp-bce", "Z1", r"\left(\delta^{[2]} W^{[2]\top}\right) \otimes \mathbb{I}(Z^{[1]}>0)", latex=True).ok
    assert check("mlp-bce", "W2", r"\vec{A}^{[1]\top} \delta^{[2]}", latex=True).ok
    assert check("mlp-bce", "Z1", r"\delta^{[2]} W^{[2]\top} \otimes \mathbb{1}[Z^{[1]} > 0]", latex=True).ok
