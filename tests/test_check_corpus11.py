"""The held-out-style corpus of issue 11, eleventh round (tests/corpus11.py): the six older
built-ins weighted most — whole derivations submitted at once (``def backward(...)`` bodies,
Jupyter cells, ``aligned`` blocks, CS231n modular layers), Ng's column-major code on batch-first
networks, index and Einstein notation, MathJax-only macros, Unicode math pasted from Word/PDF,
hand numbers in every spelling, sizes that coincide at the example — and ``derive grade`` on a
batch mixing all kinds with a bad row. Each case with an ``oracle`` has its verdict confirmed
against PyTorch by tests/check_oracle.py; then derive.checker must give that verdict and, where
one is named, that diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus11.py, bench/RESULTS.md "corpus 11"."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus11  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus11.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    return pytest.param(c, id=f"{c['id']}:{c['net']}:{c['wrt']}:{c['text'][:30]}", marks=marks)


def test_corpus_weights_the_six_older_builtins() -> None:
    nets = [c["net"] for c in CASES]
    older = ("tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp")
    assert sum(nets.count(n) for n in older) >= 0.8 * len(CASES)
    for net in older + ("rnn", "attention", "batchnorm", "softmax-regression"):
        assert net in nets, net
    assert 250 <= len(CASES) <= 380
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 100
    assert {c["kind"] for c in CASES} == {"numpy", "latex", "value"}
    assert sum(c["lang"] == "zh" for c in CASES) >= 10
    assert sum("def " in c["text"] for c in CASES) >= 10
    assert sum(any(ch in c["text"] for ch in "ᵀ⊙σ′−∑½·") for c in CASES) >= 15
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_to_10() -> None:
    assert not corpus_common.repeats(CASES, [])
    assert not [c["id"] for c in CASES if corpus11._key(c) in corpus11._earlier()]


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.get("oracle")], ids=lambda c: c["id"])
def test_oracle_agrees_with_the_stated_verdict(case: dict) -> None:
    """The corpus' verdicts come from PyTorch, not from the checker."""
    assert corpus_common.oracle_agrees(case)


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus11(case: dict) -> None:
    got = corpus11.run(case)
    assert corpus11.judge(case, got) == "ok", got


# ---- derive grade on a batch mixing every kind --------------------------------------------------

_BATCH_STYLES = (
    "jupyter-cell-W1",  # numpy cell with comments and blank lines, right
    "t-def-body-W2",  # a whole def body, right
    "latex-aligned-block",  # latex, right
    "unicode-in-code-sign",  # unicode, wrong
    "t-hand-decimal-comma",  # value, right
    "t-hand-1sf",  # value, too few digits
    "hand-W1-numpy-repr",  # a whole matrix as NumPy prints it, right
    "b-cs231n-dout",  # a name of no network: unreadable
)


def _batch() -> tuple[list[dict], list[dict]]:
    picked = [next(c for c in CASES if c["style"] == s and c["lang"] == "en") for s in _BATCH_STYLES]
    rows = []
    for k, c in enumerate(picked):
        row = {"id": f"s{k}", "network": c["net"], "wrt": c["wrt"]}
        row["value" if c["kind"] == "value" else "formula"] = c["text"]
        if k % 2 == 0:  # half the rows say their kind, half leave it to be guessed
            row["kind"] = c["kind"]
        rows.append(row)
    return rows, picked


def test_grade_jsonl_mixing_all_kinds_with_a_line_that_is_not_json(tmp_path: Path) -> None:
    """``derive grade`` on JSON Lines of cells, def bodies, LaTeX, Unicode, hand numbers in a
    decimal comma and a NumPy printout, and one line that is not JSON: every row gets the verdict
    ``derive check`` gives it, the broken line its own error, and the batch goes on."""
    rows, picked = _batch()
    lines = [json.dumps(r, ensure_ascii=False) for r in rows]
    lines.insert(2, '{"id": "broken", "network": "mlp-bce", "wrt": ')
    sub = tmp_path / "answers.jsonl"
    sub.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = corpus_common.graded(sub, tmp_path / "report.json")
    results = out["results"]
    assert len(results) == len(rows) + 1
    assert [r["verdict"] for r in results].count("error") == 1
    by_id = {r["id"]: r for r in results}
    for row, case in zip(rows, picked):
        got = by_id[row["id"]]
        assert got["verdict"] == case["verdict"], (row, got)
        if case["code"] not in (None, "*"):
            assert got["codes"][0] == case["code"], (row, got)
    assert out["summary"]


# ---- the general rules behind the fixes, one test each ------------------------------------------

_BACKWARD = (
    "def backward_propagation(X, Y, A1, A2, W2):\n"
    '    """Ng-style backward pass, batch-first."""\n'
    "    m = X.shape[0]\n"
    "    dZ2 = A2 - Y\n"
    "    dW2 = (1 / m) * A1.T @ dZ2\n"
    "    dA1 = dZ2 @ W2.T\n"
    "    dZ1 = dA1 * (Z1 > 0)\n"
    "    dW1 = (1 / m) * X.T @ dZ1\n"
    "    return dW1, dW2\n"
)


def test_a_whole_derivation_handed_in_as_a_function_is_read_as_its_body() -> None:
    """``def backward(...): …; return dW1, dW2`` never called in the cell: its body is the
    derivation (it was "syntax error at column 1"); the step naming the asked gradient is the
    answer, so a wrong intermediate it uses makes it wrong and one it does not use does not; a
    helper the cell calls is still inlined, and a function returning one expression is a helper."""
    from derive.checker.check import FormulaError, check

    assert check("mlp-bce", "W1", _BACKWARD).ok and check("mlp-bce", "W2", _BACKWARD).ok
    slip = _BACKWARD.replace("dA1 * (Z1 > 0)", "dA1")
    assert check("mlp-bce", "W1", slip).code == "missing-activation-derivative"
    assert check("mlp-bce", "W2", slip).ok
    assert check("mlp-bce", "W2", _BACKWARD.replace("X.shape[0]", "X.shape[1]")).code == "scale-factor"
    one = "def grad_W2(A1, A2, Y):\n    m = A1.shape[0]\n    dW2 = A1.T @ (A2 - Y) / m\n    grads = {'dW2': dW2}\n    return grads\n"
    assert check("mlp-bce", "W2", one).ok
    assert check("mlp-bce", "W2", one.replace(" / m", "")).code == "scale-factor"
    helper = "def relu_backward(dA, Z):\n    return dA * (Z > 0)\ndW1 = X.T @ relu_backward(dA1, Z1)"
    assert check("mlp-bce", "W1", helper).ok
    unused = "def relu_backward(dA, Z):\n    dZ = np.array(dA, copy=True)\n    dZ[Z <= 0] = 0\n    return dZ\n"
    assert check("mlp-bce", "W1", unused + "dW1 = X.T @ (dA1 * (Z1 > 0))").ok  # the cell's own steps
    with pytest.raises(FormulaError):  # a lone helper is not a derivation
        check("mlp-bce", "W1", "def f(a):\n    return a\n")


def test_cs231n_modular_layers_unpack_a_helpers_tuple() -> None:
    """``dA1, dW2, db2 = affine_backward(dZ2, A1, W2)`` with ``affine_backward`` returning ``dx,
    dw, db`` (CS231n's layers.py): each name is the helper's value with the arguments put in (it
    was "syntax error at column 17"); the 1/m left out upstream is still ``scale-factor``."""
    from derive.checker.check import check

    aff = (
        "def affine_backward(dout, x, w):\n    dx = dout @ w.T\n    dw = x.T @ dout\n"
        "    db = np.sum(dout, axis=0, keepdims=True)\n    return dx, dw, db\n"
    )
    rb = "def relu_backward(dout, x):\n    return dout * (x > 0)\n"
    cell = aff + rb + (
        "dA1, dW2, db2 = affine_backward((A2 - Y) / m, A1, W2)\ndZ1 = relu_backward(dA1, Z1)\n"
        "dX, dW1, db1 = affine_backward(dZ1, X, W1)"
    )
    for wrt in ("W1", "b1", "W2", "b2"):
        assert check("mlp-bce", wrt, cell).ok, wrt
    assert check("mlp-bce", "W1", cell.replace("(A2 - Y) / m", "A2 - Y")).code == "scale-factor"
    assert not check("mlp-bce", "W1", cell.replace("relu_backward(dA1, Z1)", "dA1")).ok


def test_an_ipython_transcript_is_the_code_after_its_prompts() -> None:
    """``In [12]: dW2 = …`` (a cell copied from IPython or an old notebook, ``...:``
    continuations, ``Out[12]:`` lines): the code typed after the prompts, like ``>>>``."""
    from derive.checker.check import check

    assert check("mlp-bce", "W2", "In [12]: dW2 = A1.T @ (A2 - Y) / m").ok
    text = "In [3]: dZ2 = (A2 - Y) / m\n\nIn [4]: dW2 = A1.T @ dZ2\n\nOut[4]: array([[-0.176], [-0.009]])"
    assert check("mlp-bce", "W2", text).ok
    assert check("mlp-bce", "W2", text.replace("/ m", "")).code == "scale-factor"


def test_half_an_activation_derivative_is_a_wrong_derivative() -> None:
    """tanh′ written ``1 − h`` (for 1 − h²) and σ′ written ``1 − σ`` (for σ(1 − σ)) are
    ``wrong-activation-derivative`` naming what was used (they were ``unknown``), en and zh;
    the right derivative stays right."""
    from derive.checker.check import check

    r = check("rnn", "z_2", "(h_2 - y) * (1 - h_2)")
    assert r.code == "wrong-activation-derivative" and "1 - h_2" in r.text()
    assert check("tiny-mlp", "W1", "X.T @ ((y_pred - y_target) * W2.T * (1 - h))").code == (
        "wrong-activation-derivative"
    )
    zh = check("neuron", "w", "(O - t) * (1 - O) * x", lang="zh")
    assert zh.code == "wrong-activation-derivative" and corpus11.chinese_only(zh.text().split("\n")[0])
    assert check("rnn", "z_2", "(h_2 - y) * (1 - h_2 ** 2)").ok


def test_unicode_subscript_letters_as_pasted_from_a_pdf() -> None:
    """``∑ₜ x_tᵀ δ_{z_t}``, ``hₜ₋₁``, ``Wₓ``: subscript letters pasted from a PDF or Word are
    subscripts as digits are (it was "expected what to sum after \\sum … found 'ₜ'"); ``∑ᵢ`` as
    before; a wrong step stays wrong."""
    from derive.checker.check import check

    assert check("rnn", "W_x", "∂L/∂W_x = ∑ₜ x_tᵀ δ_{z_t}", latex=True).ok
    assert check("rnn", "W_h", "∂L/∂W_h = ∑ₜ hₜ₋₁ᵀ δ_{z_t}", latex=True).ok
    assert check("rnn", "W_x", "∂L/∂Wₓ = ∑ₜ x_tᵀ δ_{z_t}", latex=True).ok
    assert not check("rnn", "W_x", "∂L/∂W_x = ∑ₜ x_tᵀ δ_{z_1}", latex=True).ok
    assert check("mlp-bce", "b2", "∂L/∂b⁽²⁾ = (1/m) ∑ᵢ (a⁽²⁾⁽ⁱ⁾ − y⁽ⁱ⁾)", latex=True).ok


def test_einstein_summation_and_a_class_index_c() -> None:
    """Index notation with the sum left implied (Einstein: ``∂L/∂W_{jk} = X_{ij} δ_{ik}``, a
    letter the left side lacks repeated in two factors) is the written ``\\sum_i`` (it was
    refused as index notation), and ``c`` is an index letter as notes write a class
    (``∂J/∂W_{jc} = \\frac{1}{m}\\sum_i X_{ij}(P_{ic} - Y_{ic})``); indices swapped or an extra
    1/m stay wrong."""
    from derive.checker.check import check

    d = r"\frac{\partial L}{\partial W^{[1]}_{jk}} = "
    assert check("mlp-bce", "W1", d + r"X_{ij}\,\delta^{[1]}_{ik}", latex=True).ok
    assert not check("mlp-bce", "W1", d + r"X_{ik}\,\delta^{[1]}_{ij}", latex=True).ok
    assert check("mlp-bce", "W1", d + r"\frac{1}{m}X_{ij}\,\delta^{[1]}_{ik}", latex=True).code == "scale-factor"
    z1 = r"\delta^{[1]}_{ij} = \delta^{[2]}_{ik} W^{[2]}_{jk}\, \mathbb{1}[Z^{[1]}_{ij} > 0]"
    assert check("mlp-bce", "Z1", z1, latex=True).ok
    sr = r"\frac{\partial J}{\partial W_{jc}} = \frac{1}{m}\sum_{i} X_{ij}\left(P_{ic} - Y_{ic}\right)"
    assert check("softmax-regression", "W", sr, latex=True).ok
    assert check("softmax-regression", "W", sr.replace(r"\sum_{i} ", ""), latex=True).ok
    assert not check("softmax-regression", "W", sr.replace("P_{ic} - Y_{ic}", "Y_{ic} - P_{ic}"), latex=True).ok


def test_wrong_layer_at_one_use_of_a_name_written_several_times() -> None:
    """tiny-mlp's ``h.T @ ((y_pred - y_target) * W2.T * h * (1 - h))``: the first h stands where
    X belongs and the other two are right, so replacing every h finds nothing; one use at a
    time names it ``wrong-layer`` (it was ``unknown``), en and zh; X for one h is named too, and
    one wrong use of a name written once is found as before."""
    from derive.checker.check import check

    r = check("tiny-mlp", "W1", "h.T @ ((y_pred - y_target) * W2.T * h * (1 - h))")
    assert r.code == "wrong-layer" and "X.T @ ((y_pred - y_target) * W2.T * h * (1 - h))" in r.text()
    assert check("tiny-mlp", "W1", "X.T @ ((y_pred - y_target) * W2.T * X * (1 - h))").code == "wrong-layer"
    zh = check("tiny-mlp", "W1", "h.T @ ((y_pred - y_target) * W2.T * h * (1 - h))", lang="zh")
    assert zh.code == "wrong-layer" and corpus11.chinese_only(zh.text().split("\n")[0])
    assert check("mlp-bce", "W2", "X.T @ dZ2").code == "wrong-layer"
    assert check("tiny-mlp", "W1", "h.T @ ((y_pred - y_target) * W2.T * h * (1 - h)) * 2").code != "wrong-layer"


def test_an_index_sum_over_more_than_two_factors() -> None:
    """``\\frac{1}{m} X_{ij}(A^{[2]}_i - Y_i) W^{[2]}_k \\mathbb{1}[Z^{[1]}_{ik} > 0]`` for
    ``W^{[1]}_{jk}`` (the sum over i written or implied): the factors with the row letter j are
    the left operand, the rest the right one, entry by entry (it was refused as index
    notation); a flipped sign, σ′ for the mask, the mask or the 1/m left out stay wrong."""
    from derive.checker.check import check

    d = r"\frac{\partial L}{\partial W^{[1]}_{jk}} = "
    f = r"\frac{1}{m} X_{ij}\left(A^{[2]}_{i} - Y_{i}\right) W^{[2]}_{k}\,\mathbb{1}\left[Z^{[1]}_{ik} > 0\right]"
    assert check("mlp-bce", "W1", d + f, latex=True).ok
    assert check("mlp-bce", "W1", d + f.replace(r"X_{ij}", r"\sum_i X_{ij}"), latex=True).ok
    assert check("mlp-bce", "W1", d + f.replace("A^{[2]}_{i} - Y_{i}", "Y_{i} - A^{[2]}_{i}"), latex=True).code == "sign"
    sig = f.replace(r"\mathbb{1}\left[Z^{[1]}_{ik} > 0\right]", r"\sigma'(Z^{[1]}_{ik})")
    assert check("mlp-bce", "W1", d + sig, latex=True).code == "wrong-activation-derivative"
    no_mask = f.replace(r"\,\mathbb{1}\left[Z^{[1]}_{ik} > 0\right]", "")
    assert check("mlp-bce", "W1", d + no_mask, latex=True).code == "missing-activation-derivative"
    assert check("mlp-bce", "W1", d + f.replace(r"\frac{1}{m} ", ""), latex=True).code == "scale-factor"


def test_a_notebook_cell_with_magics_and_a_function_returning_a_dict() -> None:
    """``%%time`` / ``%matplotlib inline`` lines of a Jupyter cell are left out (they were "syntax
    error at column 1"), and a never-called function with type hints returning ``{"dW1": dW1,
    …}`` is read as its body (asserts and prints inside it left out); a slip inside stays wrong."""
    from derive.checker.check import check

    assert check("mlp-bce", "W2", "%%time\n%matplotlib inline\ndZ2 = A2 - Y\ndW2 = A1.T @ dZ2 / m").ok
    assert check("mlp-bce", "W2", "%%time\ndW2 = A1.T @ (A2 - Y)").code == "scale-factor"
    body = (
        "def backward(X: np.ndarray, A1: np.ndarray, A2: np.ndarray, Y: np.ndarray) -> dict:\n"
        "    m = X.shape[0]\n    dZ2 = A2 - Y\n    dW2 = A1.T @ dZ2 / m\n"
        "    assert dW2.shape == W2.shape\n    print(dW2)\n    return {'dW2': dW2, 'dZ2': dZ2}\n"
    )
    assert check("mlp-bce", "W2", body).ok
    assert check("mlp-bce", "W2", body.replace("A1.T @ dZ2", "X.T @ dZ2")).code == "wrong-layer"


def test_octave_elementwise_operators() -> None:
    """Ng's Octave: ``dZ1 = (dZ2 * W2') .* (Z1 > 0); dW1 = X' * dZ1;`` — ``.*``, ``./`` and
    ``.^`` are element-wise (it was "unterminated string literal"), ``*`` the matrix product and
    ``'`` the transpose as before; σ′ for the mask stays wrong; a number's ``2.*`` is untouched."""
    from derive.checker.check import check

    assert check("mlp-bce", "W1", "dZ1 = (dZ2 * W2') .* (Z1 > 0);\ndW1 = X' * dZ1;").ok
    assert check("mlp-bce", "W1", "dW1 = X' * ((dZ2 * W2') .* (Z1 > 0)).^1").ok
    assert check("mlp-bce", "W1", "dW1 = X' * ((dZ2 * W2') .* (Z1 > 0)) ./ 2").code == "scale-factor"
    slip = "dW1 = X' * ((dZ2 * W2') .* A1 .* (1 - A1))"
    assert check("mlp-bce", "W1", slip).code == "wrong-activation-derivative"
    assert check("mlp-bce", "W2", "dW2 = 1./m * A1' * (A2 - Y);").ok


def test_an_all_ones_matrix_stands_for_the_sizes_it_names() -> None:
    """``np.ones((1, k))`` on a network where n = k = 2 at the example: a row of k ones (W's
    columns), not of X's n columns — equal here, different at the other sizes every verdict is
    also checked at. The walkthrough's own ``np.ones((1, k)) / 100 * sign(W)`` is right (it was
    "wrong with every size different": the ones were read as a row of X), and the same with
    ``n`` written where ``k`` belongs is wrong."""
    from pathlib import Path

    from derive.checker.check import check

    spec = Path(__file__).parent / "specs_course" / "hn9_l1_norms.toml"
    right = "X.T @ (2/(k*m) * (X @ W - Y)) + sign(W) / 10 + np.ones((1, k)) / 100 * sign(W) + sign(W)"
    assert check(spec, "W", right).ok
    assert not check(spec, "W", right.replace("np.ones((1, k))", "np.ones((1, n))")).ok
