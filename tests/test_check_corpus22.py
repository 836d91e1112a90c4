"""The held-out-style corpus of issue 11, twenty-second round (tests/corpus22.py): fourteen hn19
lecturer networks no earlier corpus used, implicit einsum, ``np.heaviside``/``np.clip`` masks,
fast.ai's ``.g`` gradients, labels from ``np.argmax`` of the one-hot target, ``\\otimes`` misuse,
five-factor Leibniz chains, per-example sums, Kronecker deltas, hand numbers as lists and
``bmatrix``, element-wise formulas. The verdicts of the built-in matrix cases come from PyTorch
(tests/check_oracle.py), of the course-network cases from the spec's own text run in PyTorch
(tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus22.py,
bench/RESULTS.md "heldcheck22"."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus22  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus22.load()
COURSE = Path(__file__).resolve().parent / "specs_course"
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    # (c22-126, ∂L/∂b_k = 1/m Σ_i Σ_j y_ij (p_ik − δ_jk): nested sums with a delta inside a
    # difference are vectorised since heldcheck24, formula._nested_sum_vectorised)
    # (c22-214, DCN's dropped cross branch inside one line, is missing-path since branch
    # checkgaps11's fix of c21-179, merged in the same round)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 150 cases, every built-in and twelve lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–21."""
    corpus_common.assert_new_and_mixed(corpus22, CASES, KNOWN, least=150, course=12, zh=4)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus22 = corpus_common.corpus_tests(
    corpus22, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus22_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 22's rows (every seventh case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 7 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked and c["id"] not in KNOWN]
    corpus_common.assert_rows_graded(picked, tmp_path)


def test_grade_csv_batch_with_a_malformed_row(tmp_path: Path) -> None:
    """The same in CSV as a spreadsheet exports it (every eleventh case from the fifth on, the
    Chinese ones, multi-line NumPy quoted), with a row missing its network and one naming a
    network that does not exist: those two get an error of their own, every other row the
    corpus' verdict and first code, and the report has every row."""
    picked = [c for k, c in enumerate(CASES) if k % 11 == 5 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["lang"] == "zh" and c not in picked]
    sub = tmp_path / "answers.csv"
    with sub.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "network", "wrt", "kind", "formula", "value"])
        for k, c in enumerate(picked):
            val = c["text"] if c["kind"] == "value" else ""
            w.writerow([c["id"], c["net"], c["wrt"], c["kind"], "" if val else c["text"], val])
            if k == 3:
                w.writerow(["broken-1", "", "W2", "numpy", "dW2 = A1.T @ (A2 - Y) / m", ""])
                w.writerow(["broken-2", "no-such-net", "W2", "numpy", "dW2 = A1.T @ (A2 - Y) / m", ""])
    report = corpus_common.graded(sub, tmp_path / "report.json")
    results = {r["id"]: r for r in report["results"]}
    assert len(results) == len(picked) + 2
    for bad in ("broken-1", "broken-2"):
        assert results[bad]["verdict"] not in ("correct", "incorrect"), results[bad]
        assert results[bad]["message"], results[bad]
    for c in picked:
        got = results[c["id"]]
        assert got["verdict"] == c["verdict"], (c["id"], got)
        if c["code"] not in (None, "*"):
            assert got["codes"][0] == c["code"], (c["id"], got)
    json.dumps(report)  # the report is plain JSON


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_keras_label_smoothing_takes_the_target_first(tmp_path: Path) -> None:
    """Keras' ``categorical_crossentropy(y, logits, …, label_smoothing=ε)`` (and
    ``binary_crossentropy``, smoothed towards ε/2) take the target FIRST: a gradient written
    for the plain target is ``label-smoothing`` (it was ``unknown``: only PyTorch's
    ``cross_entropy(logits, y, label_smoothing=ε)`` was recognised); en and zh."""
    from corpus10 import chinese_only

    from derive.checker.check import check

    net = str(COURSE / "hn19_keras_label_smoothing_cce.toml")
    head = "p = np.exp(logits) / np.exp(logits).sum(axis=1, keepdims=True)\n"
    r = check(net, "W", head + "dW = x.T @ (p - y) / N")
    assert (r.verdict, r.code) == ("incorrect", "label-smoothing"), r.text()
    assert "0.1 / K" in r.text(), r.text()
    r = check(net, "b", "db = np.mean(jax.nn.softmax(logits) - y, axis=0)", lang="zh")
    assert r.code == "label-smoothing" and chinese_only(r.text().splitlines()[0]), r.text()
    assert check(net, "W", head + "dW = x.T @ (p - (0.9 * y + 0.1 / K)) / N").ok
    spec = tmp_path / "bce.toml"
    spec.write_text(
        '[network]\nname = "keras-bce-smoothed"\n[dims]\nn = 4\nd = 3\n[inputs]\nx = ["n", "d"]\n'
        'y = ["n", 1]\n[params]\nw = ["d", 1]\n[forward]\nlogits = "x @ w"\nloss = '
        '"tf.reduce_mean(tf.keras.losses.binary_crossentropy(y, logits, from_logits=True, '
        'label_smoothing=0.2))"\n[values]\ny = [[1.0], [0.0], [0.0], [1.0]]\n',
        encoding="utf-8",
    )
    r = check(str(spec), "w", "dw = x.T @ (sigmoid(logits) - y) / n")
    assert (r.verdict, r.code) == ("incorrect", "label-smoothing"), r.text()
    assert "0.2 / 2" in r.text(), r.text()
    assert check(str(spec), "w", "dw = x.T @ (sigmoid(logits) - (0.8 * y + 0.1)) / n").ok


def test_class_labels_named_by_argmax_of_the_one_hot_target() -> None:
    """CS231n's ``y = np.argmax(Y, axis=1)`` then ``dZ[np.arange(m), y] -= 1`` (also
    ``Y.argmax(1)``, ``torch.argmax(Y, dim=-1)`` under any name): the labels of the one-hot
    target, indexed by (it was "np.argmax is not supported"); the argmax of anything else, or
    along the other axis, stays refused; the labels' mistakes keep their codes."""
    import pytest

    from derive.checker.check import FormulaError, check

    tail = "\ndZ = P.copy()\ndZ[np.arange(m), {y}] -= 1\ndW = X.T @ dZ / m"
    for define, y in (("y = np.argmax(Y, axis=1)", "y"), ("c = Y.argmax(1)", "c"),
                      ("cls = torch.argmax(Y, dim=-1)", "cls")):
        assert check("softmax-regression", "W", define + tail.format(y=y)).ok, define
    r = check("softmax-regression", "W", "y = Y.argmax(1)\ndZ = P.copy()\ndZ[range(m), y] -= 1\ndW = X.T @ dZ")
    assert (r.verdict, r.code) == ("incorrect", "scale-factor"), r.text()
    for define in ("y = np.argmax(P, axis=1)", "y = np.argmax(Y, axis=0)"):
        with pytest.raises(FormulaError):
            check("softmax-regression", "W", define + tail.format(y="y"))


def test_fastai_gradient_attributes() -> None:
    """fast.ai's ``Z2.g = (A2 - Y) / m`` then ``W2.g = A1.t() @ Z2.g`` (PyTorch's ``.grad``
    alike) is a derivation whose names are the attributes (it was "syntax error at column 6");
    a ``.grad`` the answer never assigns (autograd's own result) stays refused."""
    import pytest

    from derive.checker.check import FormulaError, check

    assert check("mlp-bce", "W2", "Z2.g = (A2 - Y) / m\nW2.g = A1.t() @ Z2.g").ok
    chain = "Z2.g = (A2 - Y) / m\nA1.g = Z2.g @ W2.t()\nZ1.g = A1.g * (Z1 > 0).float()\nW1.g = X.t() @ Z1.g"
    assert check("mlp-bce", "W1", chain).ok
    assert check("mlp-bce", "W2", "Z2.grad = (A2 - Y) / m\nW2.grad = A1.T @ Z2.grad").ok
    r = check("mlp-bce", "W2", "Z2.g = A2 - Y\nW2.g = A1.t() @ Z2.g")
    assert (r.verdict, r.code) == ("incorrect", "scale-factor"), r.text()
    with pytest.raises(FormulaError):
        check("mlp-bce", "W2", "dW2 = W2.grad")


def test_sum_of_transposed_example_vectors_is_a_row() -> None:
    """``\\frac{1}{m}\\sum_i (p^{(i)} - y^{(i)})^\\top`` — the transpose says vectors are columns
    (CS229), so each example's transpose is its row and the sum ``1^⊤ (P − Y)`` (it was read
    as the sum of the columns of ``(P − Y)^⊤``, a shape mismatch for a right bias gradient);
    the sign and the missing 1/m keep their codes; the same sum is no column gradient."""
    from derive.checker.check import check

    s = r"\sum_{i=1}^{m}\left(%s^{(i)} - %s^{(i)}\right)^{\top}"
    assert check("softmax-regression", "b", r"\frac{1}{m}" + s % ("p", "y"), latex=True).ok
    r = check("softmax-regression", "b", r"\frac{1}{m}" + s % ("y", "p"), latex=True)
    assert (r.verdict, r.code) == ("incorrect", "sign"), r.text()
    r = check("softmax-regression", "b", s % ("p", "y"), latex=True)
    assert (r.verdict, r.code) == ("incorrect", "scale-factor"), r.text()
    b2 = r"\frac{1}{m}\sum_{i=1}^{m}\left(a^{[2](i)} - y^{(i)}\right)^{\top}"
    assert check("mlp-bce", "b2", b2, latex=True).ok
    r = check("softmax-regression", "W", r"\frac{1}{m}" + s % ("p", "y"), latex=True)
    assert r.verdict == "incorrect", r.text()


def test_a_derivative_written_as_several_terms_left_out_whole() -> None:
    """ELU's derivative is several terms of the gradient (``𝟙[z > 0]`` and the ``exp(z)``
    branch, each a sum of its own): leaving the whole derivative out — ``sum(dh, axis=0)`` for
    ``tf.nn.elu(features @ W1 + b1)`` — is ``missing-activation-derivative`` (it was
    ``unknown``: only one term's mask was left out at a time); en and zh; ELU's derivative
    written through its output (``hidden + 1``) stays right."""
    from corpus10 import chinese_only

    from derive.checker.check import check

    net = str(COURSE / "hn19_tf_squared_difference_mlp.toml")
    dh = "dh = 2 * (pred - labels) / n @ W2.T\n"
    for wrt, last in (("b1", "db1 = tf.reduce_sum(dh, axis=0)"), ("W1", "dW1 = features.T @ dh")):
        r = check(net, wrt, dh + last)
        assert (r.verdict, r.code) == ("incorrect", "missing-activation-derivative"), r.text()
    r = check(net, "b1", dh + "db1 = dh.sum(0)", lang="zh")
    assert r.code == "missing-activation-derivative" and chinese_only(r.text().splitlines()[0]), r.text()
    assert check(net, "W1", dh + "dW1 = features.T @ (dh * np.where(features @ W1 + b1 > 0, 1.0, hidden + 1))").ok


def test_a_prime_next_to_an_untransposed_term_is_refused() -> None:
    """``h' - target`` (a GRU's next state h′, not Octave's transpose of h): a prime read as a
    transpose added to or subtracted from a term that is no transpose is refused naming it,
    in English and Chinese (it was read as ``h.T - target``, "incorrect — unknown" for a right
    answer); primes in products (``X' dZ``, ``A^{[1]'}``) stay transposes."""
    import pytest
    from corpus10 import chinese_only

    from derive.checker.check import FormulaError, check

    net = str(COURSE / "hn19_cho_gru_z_keeps_old.toml")
    text = r"\frac{\partial L}{\partial W_{in}} = x^{\top}\left[(h' - \text{target}) \odot (1 - z) \odot (1 - n^{2})\right]"
    with pytest.raises(FormulaError) as e:
        check(net, "W_in", text, latex=True)
    assert "h'" in e.value.localized("en") and "transpose" in e.value.localized("en")
    assert chinese_only(e.value.localized("zh").split("：", 1)[1]), e.value.localized("zh")
    assert check("mlp-bce", "W2", r"\frac{1}{m} A^{[1]'} (\hat{Y} - Y)", latex=True).ok
    assert check("mlp-bce", "W1", r"\frac{1}{m} X' \left[(A^{[2]} - Y) W^{[2]'} \circ \mathbb{1}\{Z^{[1]} > 0\}\right]", latex=True).ok


def test_a_penalty_in_a_term_of_its_own_is_the_loss_term() -> None:
    """Goodfellow's max-norm penalty ``mu * Σ relu(col_sq − c)²`` beside the data term (the
    parameter inside a function of its own node, not a bare summand): leaving it out is
    ``missing-loss-term`` (it was ``sign``: flipping the sign inside the relu zeroes the term
    for every W, a false diagnosis), its factor 2 for 4 ``loss-term-factor`` (was
    ``unknown``); a sign flipped where it does not zero a term stays ``sign``, and the data
    term left out ``missing-path``."""
    from derive.checker.check import check

    net = str(COURSE / "hn19_goodfellow_maxnorm_penalty.toml")
    data = "dH = 2 * (yhat - t) / n @ v.T\ndW = {s}X.T @ (dH * (1 - H ** 2))"
    pen = " + {k} * mu * W * np.maximum(col_sq - c, 0)"
    for text, code in (
        (data.format(s=""), "missing-loss-term"),
        (data.format(s="") + pen.format(k=2), "loss-term-factor"),
        (data.format(s="-") + pen.format(k=4), "sign"),
        ("dW = 4 * mu * W * np.maximum(col_sq - c, 0)", "missing-path"),
    ):
        r = check(net, "W", text)
        assert (r.verdict, r.code) == ("incorrect", code), (text, r.text())
    assert check(net, "W", data.format(s="") + pen.format(k=4)).ok
    # a term with its sign flipped (its factor −1, not a dropped term) stays a sign
    r = check(str(COURSE / "micrograd.toml"), "f", "+10 / f ** 2 + dg0 / 2")
    assert (r.verdict, r.code) == ("incorrect", "sign"), r.text()


def test_matrix_cells_in_scientific_notation_written_out() -> None:
    """A whole gradient as ``\\begin{bmatrix} -1.763 \\times 10^{-1} \\\\ -8.985 \\times
    10^{-3} \\end{bmatrix}`` (also ``×``, ``\\cdot``): each cell one number (it was read as
    three cells per row, a shape mismatch); a sign slip in one cell stays ``sign``."""
    from derive.checker.check import check

    right = r"\begin{bmatrix} -1.763 \times 10^{-1} \\ -8.985 \times 10^{-3} \end{bmatrix}"
    assert check("mlp-bce", "W2", value=right).ok
    assert check("mlp-bce", "W2", value="[[-1.763 × 10^-1], [-8.985 \\cdot 10^{-3}]]").ok
    r = check("mlp-bce", "W2", value=right.replace("\\\\ -8.985", "\\\\ 8.985"))
    assert (r.verdict, r.code) == ("incorrect", "sign"), r.text()
