"""The held-out-style corpus of issue 11, twenty-first round (tests/corpus21.py): twelve hn18
lecturer networks no earlier corpus used, NumPy/JAX/PyTorch forms with in-place updates and
negated boolean masks, LaTeX ``align*`` derivations, primes as transposes, per-example outer
products and Chinese exam prose, hand numbers and element-wise formulas. The verdicts of the
built-in matrix cases come from PyTorch (tests/check_oracle.py), of the course-network cases from
the spec's own text run in PyTorch (tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus21.py, bench/RESULTS.md "heldcheck21"."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus21  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus21.load()
COURSE = Path(__file__).resolve().parent / "specs_course"
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 120 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–20."""
    corpus_common.assert_new_and_mixed(corpus21, CASES, KNOWN, least=120, course=10, zh=4)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus21 = corpus_common.corpus_tests(
    corpus21, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus21_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 21's rows (every sixth case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 6 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)


def test_grade_csv_batch_of_corpus21_rows(tmp_path: Path) -> None:
    """The same in CSV as a spreadsheet exports it (every ninth case from the third on, with the
    multi-line NumPy answers and the Chinese LaTeX quoted): the report's rows agree with the
    corpus."""
    picked = [c for k, c in enumerate(CASES) if k % 9 == 3 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["lang"] == "zh" and c not in picked]
    sub = tmp_path / "answers.csv"
    with sub.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "network", "wrt", "kind", "formula", "value"])
        for c in picked:
            val = c["text"] if c["kind"] == "value" else ""
            w.writerow([c["id"], c["net"], c["wrt"], c["kind"], "" if val else c["text"], val])
    results = {r["id"]: r for r in corpus_common.graded(sub, tmp_path / "report.json")["results"]}
    assert len(results) == len(picked)
    for c in picked:
        got = results[c["id"]]
        assert got["verdict"] == c["verdict"], (c["id"], got)
        if c["code"] not in (None, "*"):
            assert got["codes"][0] == c["code"], (c["id"], got)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_negated_boolean_mask_assignment() -> None:
    """``dZ[~(Z > 0)] = 0`` and ``dZ[np.logical_not(Z > 0)] = 0`` zero the other entries (they
    were refused: "only unary - and + are allowed"); the negation of the wrong comparison stays
    wrong."""
    from derive.checker.check import check

    head, tail = "dZ1 = (A2 - Y) @ W2.T\n", "\ndW1 = X.T @ dZ1 / m"
    assert check("mlp-bce", "W1", head + "dZ1[~(Z1 > 0)] = 0" + tail).ok
    assert check("mlp-bce", "W1", head + "dZ1[np.logical_not(Z1 > 0)] = 0" + tail).ok
    assert check("relu-mlp", "w1", "g = 2 * (y_pred - y) @ w2.T\ng[~(h > 0)] = 0\ngrad_w1 = x.T @ g").ok
    assert check("mlp-bce", "W1", head + "dZ1[~(Z1 < 0)] = 0" + tail).verdict == "incorrect"


def test_tensor_indexed_by_class_labels() -> None:
    """On a network with integer class labels ``y`` (CS231n's saliency map), ``W[:, y]`` is the
    class columns and ``W.T[y]`` / ``W.T[y, :]`` the class rows (they were "'Subscript' is not
    allowed"); the untransposed columns are a shape mistake, not unreadable."""
    from derive.checker.check import check

    net = str(COURSE / "hn18_cs231n_saliency_input.toml")
    for right in ("dX = W[:, y].T", "dX = W.T[y]", "dX = W.T[y, :]"):
        assert check(net, "X", right).ok, right
    r = check(net, "X", "dX = W[:, y]")
    assert (r.verdict, r.code) == ("incorrect", "shape-mismatch"), r.text()
    r = check(net, "X", "dX = -W[:, y].T")
    assert (r.verdict, r.code) == ("incorrect", "sign"), r.text()


def test_per_example_outer_product_of_columns() -> None:
    """``\\sum_i x^{(i)} (p^{(i)} - y^{(i)})^\\top`` (vectors as columns, CS229) is ``X^⊤(P −
    Y)`` (it was read as ``X (P − Y)^⊤``, a shape mismatch); its mistakes keep their codes."""
    from derive.checker.check import check

    s = r"\sum_{i=1}^{m} \mathbf{x}^{(i)} \left(\mathbf{%s}^{(i)} - \mathbf{%s}^{(i)}\right)^{\top}"
    assert check("softmax-regression", "W", r"\frac{1}{m}" + s % ("p", "y"), latex=True).ok
    r = check("softmax-regression", "W", s % ("p", "y"), latex=True)
    assert (r.verdict, r.code) == ("incorrect", "scale-factor"), r.text()
    r = check("softmax-regression", "W", r"\frac{1}{m}" + s % ("y", "p"), latex=True)
    assert (r.verdict, r.code) == ("incorrect", "sign"), r.text()
    w2 = r"\frac{1}{m}\sum_{i=1}^{m} \mathbf{a}^{[1](i)} \left(\mathbf{a}^{[2](i)} - \mathbf{y}^{(i)}\right)^{\top}"
    assert check("mlp-bce", "W2", w2, latex=True).ok


def test_binary_only_under_a_loss_written_out() -> None:
    """A loss written out (TensorFlow's weighted CE with logits, pos_weight a literal 3.0) has
    its labels too: the inputs the loss names whose given values are all 0/1. A formula right
    only for 0/1 labels is ``weighted-loss-not-simplifiable`` with the binary-labels note (it was
    ``unknown``); the unweighted gradient stays wrong; en and zh."""
    from corpus10 import chinese_only

    from derive.checker.check import check

    net = str(COURSE / "hn18_tf_weighted_ce_logits.toml")
    where = "p = sigmoid(logits)\ndz = np.where(y == 1, 3.0 * (p - 1), p) / n\ndw = x.T @ dz"
    r = check(net, "w", where)
    assert (r.verdict, r.code) == ("incorrect", "weighted-loss-not-simplifiable"), r.text()
    assert "0/1" in r.text() or "0 or 1" in r.text(), r.text()
    r = check(net, "b", "p = sigmoid(logits)\ndb = np.mean(np.where(y > 0.5, 3 * p - 3, p), axis=0)", lang="zh")
    assert r.code == "weighted-loss-not-simplifiable" and chinese_only(r.text().splitlines()[0]), r.text()
    r = check(net, "w", "p = sigmoid(logits)\ndw = x.T @ (p - y) / n")
    assert r.verdict == "incorrect" and r.code != "weighted-loss-not-simplifiable", r.text()
    assert check(net, "w", "p = sigmoid(logits)\ndw = x.T @ ((p * (1 + 2 * y) - 3 * y) / n)").ok


def test_one_size_of_a_product_written_for_another() -> None:
    """At example sizes that are equal (B = H = 3), ``/ (B * B)`` for the ``/ (B * H)`` of a mean
    over B × H — one of two sizes swapped, which swapping every B does not mend — is
    ``scale-factor`` naming both sizes (it was ``unknown``); the same in the other direction."""
    from derive.checker.check import check

    net = str(COURSE / "hn18_uva_gated_highway_jax.toml")
    body = "dW_h = x.T @ (dy * g * (x @ W_h > 0))"
    for used, right, dy in (("B", "H", "B * B"), ("H", "B", "H * H")):
        r = check(net, "W_h", f"dy = 2 * (y - t) / ({dy})\n{body}")
        assert (r.verdict, r.code) == ("incorrect", "scale-factor"), r.text()
        assert f"size {used} where {right} belongs" in r.text(), r.text()
    assert check(net, "W_h", f"dy = 2 * (y - t) / (B * H)\n{body}").ok


def test_a_kink_reached_only_at_the_given_values() -> None:
    """Softshrink's kink at ±0.5 is an expression's (``x @ W - 0.5``), not a named node's, so
    neither random points nor the ReLU zero point reach it; the spec's given values do (an
    entry of ``x @ W`` is exactly 0.5). A formula right at random points is also compared there
    in exact arithmetic: ``>= 0.5`` is ``relu-at-zero`` (it was "✓ correct" with a "round-off"
    note of 0.27), ``> 0.5`` stays right; en and zh."""
    from corpus10 import chinese_only

    from derive.checker.check import check

    net = str(COURSE / "hn18_softshrink_at_lambda.toml")
    head = "dz = 2 * (z - y) / (n * d)\n"
    assert check(net, "W", head + "dW = x.T @ (dz * (np.abs(x @ W) > 0.5))").ok
    assert check(net, "W", head + "dW = x.T @ (dz * ((x @ W > 0.5) + (x @ W < -0.5)))").ok
    slip = head + "dW = x.T @ (dz * (np.abs(x @ W) >= 0.5))"
    r = check(net, "W", slip)
    assert (r.verdict, r.code) == ("incorrect", "relu-at-zero"), r.text()
    assert "example values" in r.text() and "round-off" not in r.text(), r.text()
    r = check(net, "W", slip, lang="zh")
    assert r.code == "relu-at-zero" and chinese_only(r.text().splitlines()[0]), r.text()
