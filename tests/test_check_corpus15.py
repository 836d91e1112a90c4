"""The held-out-style corpus of issue 11, fifteenth round (tests/corpus15.py): answers the way
textbooks write them (Goodfellow's reassigned ``g ←``, Bishop's δ per unit, Nielsen's BP1-BP4 and
``network.py``, 西瓜书's ``g_j`` and ``Δw``, 邱锡鹏's column-major δ), update rules, numerator
layout, ``einsum``/``tensordot``/autograd/loops, index sums, Chinese prose around the formula, and
hand numbers with ``≈``, 2 decimals, negative zero, fractions; five textbook course networks. Each built-in case with an ``oracle`` has its verdict confirmed by
PyTorch (tests/check_oracle.py), each course-network case with one by the spec's own text run in
PyTorch (tests/spelled_oracle.py); then derive.checker must give that verdict and, where one is
named, that diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus15.py, bench/RESULTS.md "corpus 14"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus15  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus15.load()
KNOWN: dict[str, str] = {}  # id -> why it still fails (strict xfail: fixing it must remove it here)


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    return pytest.param(c, id=f"{c['id']}:{Path(c['net']).stem}:{c['wrt']}:{c['text'][:30]}", marks=marks)


def test_corpus_weights_the_six_older_builtins() -> None:
    nets = [c["net"] for c in CASES]
    older = ("tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp")
    assert sum(nets.count(n) for n in older) >= 0.7 * len(CASES)
    for net in older + ("rnn", "attention", "batchnorm", "softmax-regression"):
        assert net in nets, net
    course = [n for n in nets if n.endswith(".toml")]
    assert len(course) >= 20 and len(set(course)) >= 4
    assert 180 <= len(CASES) <= 380
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 60
    assert {c["kind"] for c in CASES} == {"numpy", "latex", "value"}
    assert sum("\\leftarrow" in c["text"] or "-=" in c["text"] for c in CASES) >= 15
    assert sum(c.get("lang") == "zh" for c in CASES) >= 15
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_to_14() -> None:
    assert not [c["id"] for c in CASES if corpus15._key(c) in corpus15._earlier()]


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.get("oracle")], ids=lambda c: c["id"])
def test_oracle_agrees_with_the_stated_verdict(case: dict) -> None:
    """The corpus' verdicts come from PyTorch, not from the checker."""
    if case["net"].endswith(".toml"):
        assert corpus_common.course_oracle_ok(case) == (case["verdict"] == "correct")
    else:
        assert corpus_common.oracle_agrees(case)


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus15(case: dict) -> None:
    got = corpus15.run(case)
    assert corpus15.judge(case, got) == "ok", got




# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_a_sum_over_the_examples_bounded_by_another_size() -> None:
    r"""``\frac{1}{m}\sum_{i=1}^{n_h}(A^{[2]}_i - Y_i)``: the bound names a layer width where the
    batch size belongs — wrong (``scale-factor`` naming n_h), though m = n_h at the example (the
    bound was ignored: a wrong answer accepted); the batch's own bound, none, and a number stay
    as they were, in both paths (the fast path leaves a named bound to the full checker)."""
    from derive.checker import fastlatex
    from derive.checker.check import check

    lhs = r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\sum_{i=1}^{"
    body = r"}(A^{[2]}_i - Y_i)"
    r = check("mlp-bce", "b2", lhs + "n_h" + body, latex=True)
    assert r.code == "scale-factor" and "n" in r.text()
    assert check("mlp-bce", "b2", lhs + "n_{in}" + body, latex=True).code == "scale-factor"
    assert check("mlp-bce", "b2", lhs + "m" + body, latex=True).ok
    bare = r"\frac{\partial L}{\partial b^{[2]}} = \frac{1}{m}\sum_{i}(A^{[2]}_i - Y_i)"
    assert check("mlp-bce", "b2", bare, latex=True).ok
    lim = {"max_length": 4000, "max_nodes": 10_000, "max_depth": 200}
    known = {"A2", "Y", "m", "n_h"}.__contains__
    with pytest.raises(fastlatex.Fallback):
        fastlatex.parse(r"\frac{1}{m}\sum_{i=1}^{n_h}(A^{[2]}_i - Y_i)", known, lim, "L")


def test_an_update_rule_is_judged_by_its_gradient() -> None:
    r"""``W2 -= lr * G``, ``W2 = W2 - alpha * G``, ``w ← w − η·G``, ``W \leftarrow W - \eta G``,
    ``W := W - \alpha dW`` (they were "invalid syntax" / "unknown name 'lr'" / "unknown command
    '\eta'"): G is the answer, so a slip in it keeps its diagnosis; ``+=`` steps along −G (an
    ascent on G is a sign slip); a step applying a gradient defined before leaves that gradient
    as the answer; a rate that is a name of the network, or ``lr * G + …``, is no update rule."""
    from derive.checker import textbox
    from derive.checker.check import check

    assert check("mlp-bce", "W2", "W2 -= lr * A1.T @ (A2 - Y) / m").ok
    assert check("mlp-bce", "W2", "W2 -= lr * A1.T @ (A2 - Y)").code == "scale-factor"
    assert check("mlp-bce", "W2", "W2 += lr * A1.T @ (A2 - Y) / m").code == "sign"
    assert check("neuron", "w", "w += lr * (t - O) * O * (1 - O) * x").ok
    assert check("chain", "w", "w ← w − η·2v·x").ok
    assert check("chain", "w", "w -= lr * 2 * v").code == "missing-factor"
    assert check("relu-mlp", "w2", "w2 -= learning_rate * h.T @ (2 * (y_pred - y))").code == "wrong-layer"
    code = "grad_y_pred = 2.0 * (y_pred - y)\ngrad_w2 = h_relu.T.dot(grad_y_pred)\nw2 -= learning_rate * grad_w2"
    assert check("relu-mlp", "w2", code).ok
    assert check("relu-mlp", "w2", code.replace("2.0 * ", "")).code == "scale-factor"
    tex = r"W^{[2]} \leftarrow W^{[2]} - \eta \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)"
    assert check("mlp-bce", "W2", tex, latex=True).ok
    assert check("mlp-bce", "W2", tex.replace(r"\frac{1}{m} ", ""), latex=True).code == "scale-factor"
    colon = r"W^{[2]} := W^{[2]} - \alpha \, dW^{[2]}, \quad dW^{[2]} = \frac{1}{m} A^{[1]T}(A^{[2]} - Y)"
    assert check("mlp-bce", "W2", colon, latex=True).ok
    size = lambda name, axis: "1" if name == "alpha" else None  # noqa: E731 - alpha is the network's
    assert textbox._code_update("W = W - alpha * G", size) == "W = W - alpha * G"
    assert textbox._code_update("W -= lr * G + H", lambda n, a: None) == "W -= lr * G + H"
    assert textbox._code_update("dW = lr * G", lambda n, a: None) == "dW = lr * G"


def test_chinese_prose_and_greek_names_around_code() -> None:
    """``所以 dW2 = …。``, ``因为 dZ2 = …，所以 dW2 = …``, ``解：dZ2 = …，dW2 = （1/m）…``,
    ``所以∂L/∂w＝（O－t）…``, a closing ``。`` after a number, and Bishop's ``δ2 = A2 − Y`` in
    code (they were "invalid syntax" / "invalid character '∂'"): the statements inside, a slip
    still named; ``A1ᵀ·dZ2`` is a product, never Python's one name ``A1T·dZ2``."""
    from derive.checker import textbox
    from derive.checker.check import check

    assert check("mlp-bce", "W2", "所以 dW2 = A1.T @ (A2 - Y) / m。", lang="zh").ok
    assert check("mlp-bce", "W2", "因为 dZ2 = A2 − Y，所以 dW2 = A1ᵀ·dZ2 / m。").ok
    assert check("mlp-bce", "W2", "因为 dZ2 = Y − A2，所以 dW2 = A1ᵀ·dZ2 / m。").code == "sign"
    assert check("mlp-bce", "W2", "解：dZ2 = A2 − Y，dW2 = （1/m）A1ᵀ dZ2").ok
    assert check("neuron", "w", "所以∂L/∂w＝（O－t）O（1－O）x").ok
    assert check("neuron", "w", "所以∂L/∂w＝（t－O）O（1－O）x").code == "sign"
    assert check("chain", "b", "所以 dL/db = 2(u + b) = 20。").ok
    assert not check("chain", "b", "所以 dL/db = 2(u + b) = 40。").ok
    greek = "δ2 = A2 − Y\nδ1 = (δ2 @ W2.T) * (Z1 > 0)\ndW1 = X.T @ δ1 / m"
    assert check("mlp-bce", "W1", greek).ok
    assert check("mlp-bce", "W1", greek.replace("A2 − Y", "Y − A2")).code == "sign"
    assert textbox._greek_names("δ = t − O\n∂E/∂w = δ·O") == "δ = t − O\n∂E/∂w = δ·O"  # maths
    assert textbox._chinese_prose("dW2 = A1.T @ dZ2") == "dW2 = A1.T @ dZ2"


def test_the_derivative_taken_at_the_activations_output() -> None:
    """Nielsen's ``sigmoid_prime(O)`` / ``σ'(O)`` for σ′(z), ``1 - np.tanh(h_2)**2`` for
    tanh′(z_2): the output where the pre-activation belongs inside the call is ``wrong-layer``
    naming both (it was ``unknown``: the name is right elsewhere in the formula, or 1 × 1), in
    English and Chinese; the right answer and another slip keep their verdicts."""
    from derive.checker.check import check

    r = check("neuron", "w", "delta = (O - t) * sigmoid_prime(O)\nnabla_w = delta * x")
    assert r.code == "wrong-layer" and "O = sigmoid(z)" in r.text()
    assert "激活前" in check("neuron", "w", "(O - t) * sigmoid_prime(O) * x", lang="zh").text()
    assert check("neuron", "w", "delta = (O - t) * sigmoid_prime(z)\nnabla_w = delta * x").ok
    tex = r"\delta = (O - t) \odot \sigma'(O), \quad \frac{\partial C}{\partial w} = \delta\, x"
    assert check("neuron", "w", tex, latex=True).code == "wrong-layer"
    rnn = "dz2=(h_2-y)*(1-np.tanh(h_2)**2)\ndz1=dz2@W_h.T*(1-h_1**2)\ndW_x=x_1.T@dz1+x_2.T@dz2"
    assert check("rnn", "W_x", rnn).code == "wrong-layer"
    assert check("rnn", "W_x", rnn.replace("np.tanh(h_2)", "np.tanh(z_2)")).ok


def test_a_learning_rate_folded_into_the_gradient() -> None:
    r"""``dW2 = lr * A1.T @ (A2 - Y) / m``, ``\alpha \frac{1}{m} …``, ``eta * …`` (they were
    "unknown name 'lr'" / "unknown command '\alpha'"): wrong, ``scale-factor`` naming the rate
    (en, zh), the rest judged too (a missing 1/m after it); an update rule with the same rate
    is right, and a network's own ``alpha`` is that name."""
    from derive.checker.check import _folded_rate, check

    r = check("mlp-bce", "W2", "dW2 = lr * A1.T @ (A2 - Y) / m")
    assert r.code == "scale-factor" and "lr" in r.text() and len(r.diagnoses) == 1
    assert "学习率" in check("mlp-bce", "W2", "dW2 = lr * A1.T @ (A2 - Y) / m", lang="zh").text()
    assert [d.code for d in check("mlp-bce", "W2", "dW2 = lr * A1.T @ (A2 - Y)").diagnoses] == ["scale-factor"] * 2
    tex = r"dW^{[2]} = \alpha \frac{1}{m} A^{[1]T}(A^{[2]} - Y)"
    assert "α" in check("mlp-bce", "W2", tex, latex=True).text()
    assert check("neuron", "w", "dw = eta * (O - t) * O * (1 - O) * x").code == "scale-factor"
    assert check("mlp-bce", "W2", "W2 -= lr * A1.T @ (A2 - Y) / m").ok

    class _Net:  # a network with its own alpha (a leaky ReLU's slope)
        class g:  # noqa: N801
            tensors: dict = {}

        class spec:  # noqa: N801
            constants = {"alpha": 0.1}
            dims: dict = {}

    assert _folded_rate(_Net, "alpha * Z") == ("alpha * Z", None)  # type: ignore[arg-type]
    _Net.spec.constants = {}
    _Net.g.tensors = {"alpha2": None}  # a layer's alpha, \alpha^{[2]} (tests/test_check_codes4.py)
    assert _folded_rate(_Net, r"\alpha^{[2]} \cdot x")[1] is None  # type: ignore[arg-type]
    assert _folded_rate(_Net, "alpha * x")[1] is None  # type: ignore[arg-type]


def test_tensordot_of_two_matrices() -> None:
    """``np.tensordot(A1, A2 - Y, axes=([0], [0]))`` is ``A1.T @ (A2 - Y)`` (it was "not
    supported"), ``axes=1`` the matrix product; the operands swapped stay wrong, and another
    contraction is refused naming what is read — checked against NumPy's own tensordot."""
    import numpy as np

    from derive.checker.check import FormulaError, check

    a, b = np.arange(6.0).reshape(3, 2), np.arange(12.0).reshape(3, 4)
    assert np.allclose(np.tensordot(a, b, axes=([0], [0])), a.T @ b)
    assert np.allclose(np.tensordot(a.T, b, axes=1), a.T @ b)
    assert np.allclose(np.tensordot(b, a, axes=([0], [0])), b.T @ a)
    assert check("mlp-bce", "W2", "dW2 = np.tensordot(A1, A2 - Y, axes=([0], [0])) / m").ok
    assert check("mlp-bce", "W2", "dW2 = np.tensordot(A1.T, A2 - Y, axes=1) / m").ok
    assert not check("mlp-bce", "W2", "dW2 = np.tensordot(A2 - Y, A1, axes=([0], [0])) / m").ok
    with pytest.raises(FormulaError, match="tensordot"):
        check("mlp-bce", "W2", "dW2 = np.tensordot(A1, A2 - Y, axes=2) / m")


def test_an_update_step_delta_w_is_refused_with_a_sentence() -> None:
    r"""西瓜书's ``Δw = η g b`` (g the negative gradient), ``ΔW2 = -η …``, ``\Delta w_0 = …``:
    the update step, not the gradient — refused (exit 2) saying so and what to write, in English
    and Chinese (it was read as a learning rate folded into a gradient); an update rule
    ``w += eta * b.T @ g`` is read."""
    from derive.checker.check import FormulaError, check

    with pytest.raises(FormulaError) as err:
        check("neuron", "w", "g = O * (1 - O) * (t - O)\nΔw = η * g * x")
    assert "update step" in err.value.localized("en") and "更新量" in err.value.localized("zh")
    with pytest.raises(FormulaError):
        check("neuron", "w0", r"\Delta w_0 = \eta\, O(1-O)(t-O)\, x_0", latex=True)
    assert check("neuron", "w", "g = O * (1 - O) * (t - O)\nw += eta * g * x").ok


def test_an_update_rule_never_reads_a_comment_or_a_bare_number() -> None:
    """``dW += 0  # no reg`` (corpus 4) is code adding 0, not a step of rate 0 on a comment; a
    numeric rate needs its ``*`` (``w2 -= 1e-6 * G``)."""
    from derive.checker import textbox
    from derive.checker.check import check

    none = lambda n, a: None  # noqa: E731
    assert textbox._code_update("dW += 0  # no reg", none) == "dW += 0  # no reg"
    assert textbox._code_update("w2 -= 1e-6 * G", none) == "dw2 = G"
    code = "dscores = P - Y  # softmax grad\ndscores /= m\ndW = X.T.dot(dscores)\ndW += 0  # no reg"
    assert check("softmax-regression", "W", code).ok
