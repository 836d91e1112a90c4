"""The held-out-style corpus of issue 11, fourteenth round (tests/corpus14.py): what a student
types in a hurry (no spaces, lower-case names, ``x`` for ``X``, bare ``dot(``), answers copied from a
chat assistant (bold markers, Unicode subscripts, ``·`` ``×`` ``÷``, ``𝟙``, a reason after `` — ``),
MathJax from Stack Exchange, Jupyter Markdown cells, a formula given with its value, numbers in
scientific notation, fractions, decimal commas, ``np.array``/``bmatrix`` values, and four of a
lecturer's own networks. Each built-in case with an ``oracle`` has its verdict confirmed by
PyTorch (tests/check_oracle.py), each course-network case with one by the spec's own text run in
PyTorch (tests/spelled_oracle.py); then derive.checker must give that verdict and, where one is
named, that diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus14.py, bench/RESULTS.md "corpus 14"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus14  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus14.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_weights_the_six_older_builtins() -> None:
    corpus_common.assert_networks_weighted(CASES, course_cases=20)
    assert 180 <= len(CASES) <= 380
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 70
    assert {c["kind"] for c in CASES} == {"numpy", "latex", "value"}
    assert sum("**" in c["text"] for c in CASES) >= 10
    assert sum(c["text"].startswith("$$") for c in CASES) >= 10
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_to_13() -> None:
    assert not [c["id"] for c in CASES if corpus14._key(c) in corpus14._earlier()]


# the slow tests: each oracle confirms its case's verdict; the checker gives each case its own
_SLOW = corpus_common.corpus_tests(corpus14, CASES, KNOWN)
test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus14 = _SLOW


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_an_answer_copied_from_a_chat_assistant() -> None:
    """``**∂L/∂W₂** = A₁ᵀ · (A₂ − Y) / m`` (bold markers around the left side or the whole
    statement), a list marker (``- ``, ``• ``, ``1. ``), a remark after a dash (`` — because …``,
    ``——这里…``), a blockquote note, and ``$$ … $$`` around several rows are the statement
    inside (they were "invalid character '∂'" / "'$' is not allowed here"); a slip stays
    wrong, and NumPy's power ``**`` is never taken for bold."""
    from derive.checker.check import check

    w2 = "**∂L/∂W₂** = A₁ᵀ · (A₂ − Y) / m"
    assert check("mlp-bce", "W2", w2).ok
    assert check("mlp-bce", "W2", "- " + w2 + " — the sigmoid and BCE derivatives cancel").ok
    assert check("mlp-bce", "W2", w2 + " —— 这里 m 是批量大小").ok
    assert check("mlp-bce", "W2", w2.replace(" / m", "")).code == "scale-factor"
    assert check("mlp-bce", "W2", "**dW2 = A1.T @ (A2 - Y) / m**").ok
    assert check("relu-mlp", "w2", "**grad_w2** = h_relu.T @ (2 * (y_pred - y))").ok
    assert check("relu-mlp", "w2", "**grad_w2** = h_relu.T @ (y_pred - y)").code == "scale-factor"
    assert check("mlp-bce", "W2", "• dW2 = 1/m * A1.T @ (A2 - Y)").ok
    assert check("mlp-bce", "W2", "1. dZ2 = A2 - Y\n2. dW2 = A1.T @ dZ2").code == "scale-factor"
    assert check("mlp-bce", "W2", "> Note: the mean over the batch.\n\ndW2 = A1.T @ (A2 - Y) / m").ok
    rows = r"$$\begin{aligned} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= \frac{1}{m} A^{[1]T} dZ^{[2]} \end{aligned}$$"
    assert check("mlp-bce", "W2", rows, latex=True).ok
    assert check("mlp-bce", "W2", rows.replace("A^{[2]} - Y", "Y - A^{[2]}"), latex=True).code == "sign"
    assert check("rnn", "W_x", "dz2=(h_2-y)*(1-h_2**2)\ndz1=dz2@W_h.T*(1-h_1**2)\ndW_x=x_1.T@dz1+x_2.T@dz2").ok
    assert check("tiny-mlp", "W1[0,1]", value="-0.0163 — computed by hand").ok
    assert not check("tiny-mlp", "W1[0,1]", value="-0.0136 — computed by hand").ok


def test_a_formula_given_with_its_value() -> None:
    """``dW2 = A1.T @ (A2 - Y) / m ≈ [[-0.176], [-0.00899]]`` and ``dL/dw = 2v · x = 2 · 10 · 2 =
    40``: the formula is the answer and the number stated for it must be right too (the number
    was read as the answer — the formula ignored, a right one rejected — or the text was
    unreadable at '≈'). A right formula with a wrong number is wrong; a wrong formula keeps its
    own diagnosis; ``axis=0`` in a call and a bare ``db2 = 0.06`` are not a stated value."""
    from derive.checker import textbox
    from derive.checker.check import check

    right = "dW2 = A1.T @ (A2 - Y) / m"
    assert check("mlp-bce", "W2", right + " ≈ [[-0.176], [-0.00899]]").ok
    assert check("mlp-bce", "W2", "dW2 = A1.T @ dZ2 ≈ [[-0.176], [-0.00899]]").ok
    assert not check("mlp-bce", "W2", right + " = [[-0.176], [-0.0899]]").ok
    assert check("mlp-bce", "W2", "dW2 = A1.T @ (A2 - Y) ≈ [[-0.353], [-0.0180]]").code == "scale-factor"
    assert check("chain", "w", "**dL/dw** = 2v · x = 2 · 10 · 2 = 40").ok
    assert check("chain", "w", "dL/dw = 2v · x = 40").ok
    assert not check("chain", "w", "dL/dw = 2v · x = 80").ok
    leibniz = r"\frac{\partial L}{\partial w} = 2v x = 2 \cdot 10 \cdot 2 = "
    assert check("chain", "w", leibniz + "40", latex=True).ok
    assert not check("chain", "w", leibniz + "80", latex=True).ok
    assert textbox.stated_value("dbeta=dY.sum(axis=0)") == ("dbeta=dY.sum(axis=0)", None)
    assert textbox.stated_value("db2 = 0.0604")[1] is None
    assert textbox.stated_value("dZ = A - Y; db = 0")[1] is None


def test_names_in_ngs_notation_defined_after_the_answer() -> None:
    r"""``dW^{[2]} = \frac{1}{m} A^{[1]T} dZ^{[2]}, \quad dZ^{[2]} = A^{[2]} - Y`` (also inside one
    ``$$ … $$``, and ``dZ^{[1](i)}`` inside a sum): the definition after the answer is read
    before it, as for a Leibniz left side (it was ignored for dZ's convention, the true
    ∂L/∂Z with its 1/m: a right answer called scale-factor; inside ``$$`` unreadable), in both
    paths; the usual order and a slip in the definition are unchanged."""
    from derive.checker import fastpath, formula
    from derive.checker.check import check

    assert fastpath._D_LHS.pattern == formula._D_LHS.pattern
    after = r"dW^{[2]} = \frac{1}{m} A^{[1]T} dZ^{[2]}, \quad dZ^{[2]} = A^{[2]} - Y"
    assert check("mlp-bce", "W2", after, latex=True).ok
    assert check("mlp-bce", "W2", "$$" + after + "$$").ok
    assert check("mlp-bce", "W2", after.replace(r"\frac{1}{m} ", ""), latex=True).code == "scale-factor"
    assert check("mlp-bce", "W2", after.replace("A^{[2]} - Y", "Y - A^{[2]}"), latex=True).code == "sign"
    with pytest.raises(fastpath._Fallback):  # the fast path leaves it to the full checker
        fastpath.statements(after)
    usual = r"dZ^{[2]} = A^{[2]} - Y \\ dW^{[2]} = \frac{1}{m} A^{[1]T} dZ^{[2]}"
    assert check("mlp-bce", "W2", usual, latex=True).ok
    b1 = r"$$db^{[1]} = \frac{1}{m} \sum_{i=1}^{m} dZ^{[1](i)}, \quad dZ^{[1]} = (A^{[2]} - Y) W^{[2]T} \odot \mathbb{1}[Z^{[1]} > 0]$$"
    assert check("mlp-bce", "b1", "**Answer:**\n\n" + b1).ok
    assert check("mlp-bce", "b1", b1.replace(r" \odot \mathbb{1}[Z^{[1]} > 0]", "")).code == "missing-activation-derivative"


def test_the_sigmoid_itself_where_relus_derivative_belongs() -> None:
    """``σ(Z₁)`` (``sigmoid(Z1)``) where relu′(Z1) belongs, a chat assistant's and a hurried
    student's slip, is ``wrong-activation-derivative`` naming σ(Z1) (it was ``unknown``), in
    English and Chinese; on a sigmoid layer σ(Z) is still "the activation itself"."""
    from derive.checker.check import check

    w1 = "dW1 = X.T @ ((A2 - Y) @ W2.T * sigmoid(Z1)) / m"
    r = check("mlp-bce", "W1", w1)
    assert r.code == "wrong-activation-derivative" and "σ(Z1)" in r.text()
    assert "σ(Z1)" in check("mlp-bce", "W1", w1, lang="zh").text()
    assert check("mlp-bce", "W1", "∂L/∂W₁ = (1/m) · Xᵀ · [((A₂ − Y) · W₂ᵀ) ⊙ σ(Z₁)]").code == "wrong-activation-derivative"
    assert check("relu-mlp", "w1", "x.T @ (2 * (y_pred - y) @ w2.T * sigmoid(h))").code == "wrong-activation-derivative"
    r = check("neuron", "w", "(O - t) * sigmoid(z) * x")
    assert r.code == "wrong-activation-derivative" and "itself" in r.text()


def test_a_number_written_against_a_name_is_typed_maths() -> None:
    """``dL/dw = 2v`` and ``dL/db = 2(wx + b)``: a number against a name or a bracket is never
    code, so the body is read as maths as typed, a product (it was "invalid decimal literal");
    a wrong factor stays wrong and scientific notation is still a number."""
    from derive.checker.check import check

    assert check("chain", "b", "dL/db = 2v").ok
    assert check("chain", "b", "dL/db = 2(wx + b)").ok
    assert check("chain", "b", "dL/db = 3v").code == "scale-factor"
    assert check("chain", "w", "dL/dw = 2v").code == "missing-factor"
    assert check("chain", "w", "dL/dw = 2vx").ok
    assert check("chain", "w", "dL/dw = 2e0 * v * x").ok


def test_code_typed_as_maths() -> None:
    """``grad_w2 = 2h_relu.T @ (y_pred - y)`` (a number against a name), ``(ŷ − y).sum()``
    (a Unicode minus and ŷ in code): the product, ``-``, and the network's ``y_hat`` (else the
    prediction's ``yhat``) — they were "invalid decimal literal" / "invalid character '−'";
    a wrong factor stays wrong, and ``1_000`` or ``1e-3`` stay numbers."""
    from derive.checker.check import check

    assert check("relu-mlp", "w2", "grad_w2 = 2h_relu.T @ (y_pred - y)").ok
    assert check("relu-mlp", "w2", "grad_w2 = 3h_relu.T @ (y_pred - y)").code == "scale-factor"
    linreg = Path(__file__).parent / "specs_course" / "d2l_linreg.toml"
    assert check(linreg, "b", "db = (ŷ − y).sum() / batch_size").ok
    assert check(linreg, "b", "db = (ŷ − y).sum()").code == "scale-factor"
    assert check("mlp-bce", "W2", "dW2 = A1.T @ (Ŷ - Y) / m").ok
    assert check("mlp-bce", "W2", "dW2 = 1_0 * A1.T @ (A2 - Y) / m / 10").ok
    assert check("mlp-bce", "W2", "dW2 = 1e0 * A1.T @ (A2 - Y) / m").ok


def test_chat_markup_never_changes_code() -> None:
    """The markup rules leave code alone: a continued line starting with a minus keeps it
    (``- np.sum(P, axis=1, …)``), a continued comparison ``> threshold)`` is not a quote, and a
    power ``**`` is not bold."""
    from derive.checker import textbox

    code = "dZ = (A2\n      - np.sum(P, axis=1, keepdims=True))"
    assert textbox._chat_markup(code) == code
    assert textbox._chat_markup("mask = (Z1\n> threshold)") == "mask = (Z1\n> threshold)"
    assert textbox._chat_markup("dz = (1 - h_2**2) * x**2") == "dz = (1 - h_2**2) * x**2"
    assert textbox._chat_markup("- dW = A1.T @ dZ") == "dW = A1.T @ dZ"
