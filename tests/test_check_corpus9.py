"""The held-out-style corpus of issue 11, ninth round (tests/corpus9.py): the built-ins in PyTorch
(``X.t() @ dZ``, ``dZ.sum(0)``, ``torch.mm``) and lecture-note LaTeX, and course networks no earlier
corpus covered (Ng's deep and L2 cells, Nielsen, CS231n affine-relu, d2l, LHY, Qiu, Zhou's 西瓜书,
Huber, swish, a transformer FFN, label smoothing, CS224n, Coursera, UFLDL, a tied autoencoder), plus
hand numbers under the rounding policy. Each case with an ``oracle`` has its verdict confirmed
against PyTorch by tests/check_oracle.py; then derive.checker must give that verdict and, where one
is named, that diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus9.py, bench/RESULTS.md."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus9  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus9.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    return pytest.param(c, id=f"{c['id']}:{Path(c['net']).stem}:{c['wrt']}:{c['text'][:30]}", marks=marks)


def test_corpus_covers_the_new_networks() -> None:
    nets = {Path(c["net"]).stem for c in CASES}
    builtins = {"mlp-bce", "mlp-bce-weighted", "relu-mlp", "neuron", "chain", "tiny-mlp", "rnn"}
    assert builtins | {"attention", "batchnorm", "softmax-regression"} <= nets
    assert {"ng_deep_L4", "nielsen3", "qiu_delta_mlp", "xigua_accumulated_bp", "tied_autoencoder"} <= nets
    assert len(CASES) >= 150
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 70
    assert {c["kind"] for c in CASES} == {"numpy", "latex", "value"}
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_to_8() -> None:
    import corpus2
    import corpus3
    import corpus4
    import corpus5
    import corpus6a
    import corpus6b
    import corpus7
    import corpus8

    earlier = corpus2.load() + corpus3.load() + corpus4.load() + corpus5.load()
    earlier += corpus6a.load() + corpus6b.load() + corpus7.load() + corpus8.load()
    assert corpus_common.repeats(CASES, earlier) == []


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.get("oracle")], ids=lambda c: c["id"])
def test_oracle_agrees_with_the_stated_verdict(case: dict) -> None:
    """The corpus' verdicts come from PyTorch, not from the checker."""
    assert corpus_common.oracle_agrees(case)


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus9(case: dict) -> None:
    got = corpus9.run(case)
    assert corpus9.judge(case, got) == "ok", got


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_absolute_value_spellings_and_two_character_operators() -> None:
    """``np.abs(r)`` (``np.absolute``, ``np.fabs``, ``torch.abs``, ``r.abs()``) is |r| (it was
    "np.abs is not supported", and the LaTeX reader it fell back to then crashed on ``<=``: an
    internal error); a wrong Huber gradient stays wrong; an unsupported call is still named."""
    from derive.checker.check import FormulaError, check

    hub = corpus9.HUB
    right = "X.T @ np.where(np.abs(r) <= delta, r, delta * np.sign(r)) / m"
    assert check(hub, "w", right).ok
    for spelling in ("np.absolute(r)", "np.fabs(r)", "torch.abs(r)", "r.abs()"):
        assert check(hub, "w", right.replace("np.abs(r)", spelling)).ok, spelling
    assert not check(hub, "w", right.replace("<=", ">")).ok
    assert check(hub, "w", right.replace("/ m", "/ (2 * m)")).code == "scale-factor"
    # (np.sinc is read since round 22, np.i0 since round 24)
    with pytest.raises(FormulaError, match="np.unwrap"):
        check(hub, "w", right.replace("np.abs", "np.unwrap"))


def test_octave_prime_on_a_bare_tensor_is_its_transpose() -> None:
    """Ng's ML course writes ``X' (h - y)`` in its notes as in Octave: a prime right after a tensor
    of the network is its transpose (only ``A^{[1]'}`` in a superscript was read; ``X'`` was "found
    '''"); after a layer superscript too (``W^{[2]}'``); ``g'(Z)`` stays the activation's
    derivative; the same formula without its own loss term is still wrong."""
    from derive.checker.check import check

    cl = corpus9.CLOG
    f = r"\frac{1}{m} X' (h - y) + \frac{\lambda}{m}\theta"
    assert check(cl, "theta", f, latex=True).ok
    assert check(cl, "theta", f.replace("X'", "X"), latex=True).code in ("shape-mismatch", "missing-transpose")
    assert check(cl, "theta", r"\frac{1}{m} X' (h - y)", latex=True).code == "missing-loss-term"
    assert check("mlp-bce", "W1", r"X' (\delta^{[2]} W^{[2]}' \odot g'(Z^{[1]}))", latex=True).ok
    assert check("mlp-bce", "W1", r"X' (\delta^{[2]} W^{[2]}')", latex=True).code == "missing-activation-derivative"


def test_entry_as_batch_sum_of_sliced_expressions_and_its_factor() -> None:
    """One entry as a sum over the batch where a slice is taken of a parenthesised element-wise
    expression, ``np.sum(A1[:, 0] * (A2 - Y)[:, 0]) / m`` (it was "a slice … is read inside
    np.sum only"), is the same sum as with the operands sliced; a slice of a broadcast sum is
    still refused. A constant factor on an entry is ``scale-factor`` also where a ReLU zeroes
    the entry at some of the points (it was ``unknown``): slow path and fast path alike."""
    from derive.checker.check import FormulaError, check

    right = "np.sum(A1[:, 0] * (A2 - Y)[:, 0]) / m"
    assert check("mlp-bce", "W2[0,0]", right).ok
    assert check("mlp-bce", "W2[0,0]", right.replace("(A2 - Y)", "-(Y - A2)")).ok
    assert check("mlp-bce", "W2[0,0]", right.replace("A1[:, 0]", "A1[:, 1]")).code == "wrong-entry"
    assert check("mlp-bce", "W2[0,0]", right.replace("/ m", "")).code == "scale-factor"
    assert not check("mlp-bce", "W2[0,0]", right.replace("(A2 - Y)", "(A2 + Y)")).ok
    with pytest.raises(FormulaError, match="slice"):
        check("mlp-bce", "W1[0,0]", "np.sum((dZ1 + b1)[:, 0] * X[:, 0])")
    sse = "np.sum((y_pred[:, 0] - y[:, 0]) * h_relu[:, 0])"  # relu-mlp's loss is Σ(·)²: the 2
    assert check("relu-mlp", "w2[0,0]", sse).code == "scale-factor"
    assert check("relu-mlp", "w2[0,0]", "2 * " + sse).ok


def test_a_named_penalty_node_is_the_loss_own_term() -> None:
    """Ng's ``cost = cross_entropy_cost + L2_regularization_cost``: a node the loss adds that
    reads no input (only parameters and constants) is the parameter's own term of the loss, so
    leaving it out is ``missing-loss-term`` (it was ``missing-path``) and giving it another factor
    ``loss-term-factor`` (it was ``unknown``); a path through the data (BPTT's first step) stays
    ``missing-path``."""
    from derive.checker.check import check

    ng = corpus9.NGD
    cell = "dZ4 = AL - Y\ndW4 = 1./m * np.dot(dZ4, A3.T)"
    assert check(ng, "W4", cell + " + lambd / m * W4").ok
    assert check(ng, "W4", cell).code == "missing-loss-term"
    assert check(ng, "W4", cell + " + lambd / (2 * m) * W4").code == "loss-term-factor"
    assert check(ng, "W4", cell + " + lambd * W4").code == "loss-term-factor"
    assert check(corpus9.NGL2, "W2", "1./m * np.dot(A2 - Y, A1.T) + 2 * lambd / m * W2").code == "loss-term-factor"
    assert check("rnn", "W_h", "h_1.T @ dz_2").code == "missing-path"


def test_right_only_at_the_example_sizes_gets_no_invented_mistake() -> None:
    """Qiu's MLP averages over M2 × N entries with M2 = 1 in the example: ``/ N`` on the data term
    is right there and wrong at other sizes. The diagnosis was read off the example points, where
    the formula is right, and named mistakes that do not hold (``extra-transpose``,
    ``operand-order``); now it says what is known — right at the example's sizes only — in en and
    zh, and the right formula with M2 is right."""
    from derive.checker.check import check

    q = corpus9.QIU
    for f in ("(a2 - y) @ a1.T / N + lam * W2", "np.dot(a2 - y, a1.T) / N + lam * W2"):
        r = check(q, "W2", f)
        assert not r.ok and r.code not in ("extra-transpose", "operand-order", "missing-transpose")
        assert "example" in r.text() and "示例" in check(q, "W2", f, lang="zh").text()
    assert check(q, "W2", "(a2 - y) @ a1.T / (M2 * N) + lam * W2").ok
    w1 = "((W2.T @ (a2 - y)) * a1 * (1 - a1)) @ a0.T / N + lam * W1"
    assert check(q, "W1", w1).code != "operand-order"
    assert check(q, "W1", w1.replace("/ N", "/ (M2 * N)")).ok


def test_matrix_times_a_one_d_vector_as_numpy_computes_it() -> None:
    """Raschka's Adaline ``X.T.dot(errors)`` and JAX's ``jnp.dot(feats.T, preds - targets)``
    with 1-D ``errors``/``preds``: NumPy's matrix-vector product, a 1-D result (it was read with
    the vector as a row: shape-mismatch for a right answer); the spec's 1-D tensors and their
    gradients are read as the spec itself reads them. A sign or a factor is still found."""
    from derive.checker.check import check

    ada = corpus9.ADA
    assert check(ada, "w_", "-X.T.dot(errors)").ok
    assert check(ada, "w_", "-np.dot(X.T, y - net_input)").ok
    assert check(ada, "w_", "X.T.dot(errors)").code == "sign"
    assert check(ada, "w_", "-X.T.dot(errors) / n").code == "scale-factor"
    assert check(ada, "w_", "X.T.dot(dnet_input)").ok
    assert check(str(corpus9.COURSE / "jax_linreg_1d.toml"), "W", "2 * jnp.dot(feats.T, preds - targets) / n").ok


def test_layers_counted_from_the_last_and_the_hadamard_power() -> None:
    """3Blue1Brown's ``w^{(L)}``, ``z^{(L)}``, ``a^{(L)}`` (the network's ``aL``) and
    ``a^{(L-1)}``, Nielsen's ``a^{L-1}``: layers counted from the last one (they were refused as
    per-example notation); ``H^{\\circ 2}`` is the element-wise square (it was "cannot read the
    superscript"). Wrong layers and a misplaced square stay wrong."""
    from derive.checker.check import check

    b = corpus9.B1B
    f = r"\frac{\partial C_0}{\partial w^{(L)}} = a^{(L-1)}\,\sigma'\!\left(z^{(L)}\right)\,2\left(a^{(L)} - y\right)"
    assert check(b, "w2", f, latex=True).ok
    assert not check(b, "w2", f.replace("a^{(L-1)}", "a^{(L)}"), latex=True).ok
    assert check(b, "w1", f.replace("w^{(L)}", "w^{(L-1)}"), latex=True).ok is False
    nl = r"\frac{1}{n} (a^{L-1})^T \left[(a^{L} - y) \odot a^{L} \odot (1 - a^{L})\right]"
    assert check(corpus9.NIEL, "w4", nl, latex=True).ok
    assert not check(corpus9.NIEL, "w4", nl.replace("L-1", "L-2"), latex=True).ok
    h = r"\frac{1}{m} X^\top \left[ (\hat{Y} - Y) W_2^\top \odot (1 - H^{\circ 2}) \right]"
    assert check(corpus9.MULT, "W1", h, latex=True).ok
    assert not check(corpus9.MULT, "W1", h.replace(r"(1 - H^{\circ 2})", r"(1 - H)^{\circ 2}"), latex=True).ok


def test_clip_in_latex_and_a_constant_named_delta() -> None:
    """Huber's gradient as notes write it, ``\\frac{1}{m} X^\\top \\operatorname{clip}(r,
    -\\delta, \\delta)`` (``\\mathrm{clip}``, ``\\left(…\\right)``): clip(x, a, b) is read as
    np.clip, and ``\\delta`` where the network has a constant ``delta`` is that constant, not a
    gradient (both were refused); a wrong bound is wrong, a clip without its bounds refused; a
    1 written for the constant is right at the example's constants only, and says so."""
    from derive.checker.check import FormulaError, check

    hub = corpus9.HUB
    f = r"\frac{\partial L}{\partial w} = \frac{1}{m} X^\top \operatorname{clip}(r, -\delta, \delta)"
    assert check(hub, "w", f, latex=True).ok
    assert check(hub, "w", f.replace(r"\operatorname{clip}(", r"\mathrm{clip}\left(").replace(r"\delta)", r"\delta\right)"), latex=True).ok
    assert not check(hub, "w", f.replace(r"-\delta,", "0,"), latex=True).ok
    one = check(hub, "w", f.replace(r"-\delta, \delta", "-1, 1"), latex=True)
    assert not one.ok and "constant" in one.text()
    with pytest.raises(FormulaError):
        check(hub, "w", f.replace(r", \delta)", ")"), latex=True)


def test_ng_hypothesis_and_the_loss_with_its_arguments() -> None:
    """Andrew Ng's ML-course formula ``\\frac{\\partial J(\\theta)}{\\partial \\theta_j} =
    \\frac{1}{m}\\sum_{i=1}^{m}(h_\\theta(x^{(i)}) - y^{(i)})x_j^{(i)} + \\frac{\\lambda}{m}
    \\theta_j``: the loss may carry its arguments in the numerator (``J(\\theta)``, ``L(W, b)``),
    and ``h_\\theta(x)`` is the network's node h (both were refused). Without the penalty it is
    missing-loss-term; with the wrong sign wrong."""
    from derive.checker.check import check

    cl = corpus9.CLOG
    f = r"\frac{\partial J(\theta)}{\partial \theta_j} = \frac{1}{m}\sum_{i=1}^{m}\left(h_\theta(x^{(i)}) - y^{(i)}\right)x_j^{(i)} + \frac{\lambda}{m}\theta_j"
    assert check(cl, "theta", f, latex=True).ok
    assert check(cl, "theta", f.replace(r" + \frac{\lambda}{m}\theta_j", ""), latex=True).code == "missing-loss-term"
    assert not check(cl, "theta", f.replace("h_\\theta(x^{(i)}) - y^{(i)}", "y^{(i)} - h_\\theta(x^{(i)})"), latex=True).ok
    assert check(cl, "theta", r"\frac{1}{m} X^T (h_{\theta}(X) - y) + \frac{\lambda}{m}\theta", latex=True).ok
    assert check("mlp-bce", "W2", r"\frac{\partial L(W, b)}{\partial W^{[2]}} = \frac{1}{m} A^{[1]T} (A^{[2]} - Y)", latex=True).ok


def test_nabla_of_the_loss_with_its_arguments() -> None:
    """``\\nabla_{\\theta} J(\\theta)`` as CS229 writes it: the loss's arguments after ∇ are
    skipped as after ∂ (they were an error), so the formula is judged — here CS229's per-example
    sum, x^{(i)} the column of example i, is right (not an unreadable input)."""
    from derive.checker.check import check

    cs = str(corpus9.COURSE / "cs229_logreg_theta.toml")
    f = r"\nabla_{\theta} J(\theta) = \frac{1}{m}\sum_{i=1}^{m}\left(h_\theta(x^{(i)}) - y^{(i)}\right)x^{(i)}"
    assert check(cs, "theta", f, latex=True).ok
    assert check(cs, "theta", f.replace(r"\frac{1}{m}", ""), latex=True).code == "scale-factor"
    assert check(corpus9.CLOG, "theta", r"\nabla_\theta J(\theta) = \frac{1}{m} X^T (h - y) + \frac{\lambda}{m}\theta", latex=True).ok


def test_index_notation_sum_over_an_elementwise_factor() -> None:
    """``\\frac{\\partial J}{\\partial W_{jk}} = \\frac{1}{m}\\sum_i X_{ij}(P_{ik} - Y_{ik})``: a
    factor of an index sum may be an element-wise expression of entries written with the same
    letters (it had to be one name: "X_ij is index notation", refused); the swapped letters give
    the transposed shape, a sign or a missing 1/m is named."""
    from derive.checker.check import check

    f = r"\frac{\partial J}{\partial W_{jk}} = \frac{1}{m}\sum_i X_{ij}(P_{ik} - Y_{ik})"
    sr = "softmax-regression"
    assert check(sr, "W", f, latex=True).ok
    assert check(sr, "W", f.replace("(P_{ik} - Y_{ik})", "(Y_{ik} - P_{ik})"), latex=True).code == "sign"
    assert check(sr, "W", f.replace(r"\frac{1}{m}", ""), latex=True).code == "scale-factor"
    assert not check(sr, "W", f.replace("X_{ij}(P_{ik} - Y_{ik})", "X_{ik}(P_{ij} - Y_{ij})"), latex=True).ok
    assert check(sr, "W", r"\frac{\partial J}{\partial W_{jk}} = \sum_i X_{ij}\,\frac{P_{ik} - Y_{ik}}{m}", latex=True).ok


def test_masks_joined_with_and_or() -> None:
    """ReLU6's derivative as NumPy code writes it, ``(A > 0) & (A < 6)`` (also
    ``np.logical_and``): the product of the two masks, ``|`` their union (both were "only + - *
    / @ ** are allowed"); dropping the upper cap is wrong; ``&`` of a value that is not a mask is
    refused with a sentence, en and zh."""
    from derive.checker.check import FormulaError, check

    r6 = corpus9.R6
    up = "X.T @ ((2 * (out - Y) / m) @ W2.T * {})"
    assert check(r6, "W1", up.format("((A > 0) & (A < 6))")).ok
    assert check(r6, "W1", up.format("np.logical_and(A > 0, A < 6)")).ok
    assert check(r6, "W1", up.format("((X @ W1 + b1 > 0) & (X @ W1 + b1 < 6))")).ok
    assert not check(r6, "W1", up.format("((A > 0) | (A < 6))")).ok
    assert not check(r6, "W1", up.format("(A > 0)")).ok
    with pytest.raises(FormulaError, match="masks") as e:
        check(r6, "W1", up.format("(A & 6)"))
    assert "掩码" in e.value.localized("zh")


def test_indicator_with_its_condition_written_as_a_set() -> None:
    """``\\mathbb{1}_{\\{\\mathbf{Z}^{[1]}>0\\}}`` (and ``1_{\\{Z > 0\\}}``): the indicator's
    condition written as a set in the subscript (it was "expected '\\}'"); the wrong inequality
    stays wrong."""
    from derive.checker.check import check

    f = r"\mathbf{X}^{\top}\left[\left(\boldsymbol{\delta}^{[2]}\mathbf{W}^{[2]\top}\right)\circ \mathbb{1}_{\{\mathbf{Z}^{[1]}>0\}}\right]"
    assert check("mlp-bce", "W1", f, latex=True).ok
    assert check("mlp-bce", "W1", f.replace(r"\mathbb{1}_", "1_"), latex=True).ok
    assert not check("mlp-bce", "W1", f.replace(">0", "<0"), latex=True).ok
