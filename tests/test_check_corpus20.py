"""The held-out-style corpus of issue 11, twentieth round (tests/corpus20.py): twelve hn17
lecturer networks no earlier corpus used, NumPy/PyTorch/einsum forms and CS231n's in-place
masks, LaTeX Leibniz products, ``aligned`` derivations, Iverson brackets and Chinese exam prose,
hand numbers and element-wise formulas. The verdicts of the built-in matrix cases come from
PyTorch (tests/check_oracle.py), of the course-network cases from the spec's own text run in
PyTorch (tests/spelled_oracle.py); the checker must give each case its verdict and, where one is
named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus20.py, bench/RESULTS.md "heldcheck19"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus20  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus20.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 110 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–19."""
    corpus_common.assert_new_and_mixed(corpus20, CASES, KNOWN, least=110, course=10, zh=4)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus20 = corpus_common.corpus_tests(
    corpus20, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus20_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 20's rows (every sixth case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 6 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_mask_left_out_before_a_substituted_layer() -> None:
    """A 0/1 dropout mask left out is ``missing-factor`` naming the mask — before the
    substitution of the masked tensor into the ReLU's mask (``(A1 > 0)`` → ``(D1 > 0)``), which
    makes the formula right only because the mask is 0/1 (it was ``wrong-layer``); Ng's
    dropout with ``keep_prob`` (dropout_mask.toml), en and zh."""
    from corpus10 import chinese_only

    from derive.checker.check import check

    net = str(Path(__file__).resolve().parent / "specs_course" / "dropout_mask.toml")
    right = "dA1 = (A2 - Y) @ W2.T * M / keep_prob / m\ndW1 = X.T @ (dA1 * (A1 > 0))"
    assert check(net, "W1", right).ok
    slip = "dA1 = (A2 - Y) @ W2.T / keep_prob / m\ndW1 = X.T @ (dA1 * (A1 > 0))"
    r = check(net, "W1", slip)
    assert (r.verdict, r.code) == ("incorrect", "missing-factor") and "M" in r.text(), r.text()
    r = check(net, "W1", slip, lang="zh")
    assert r.code == "missing-factor" and chinese_only(r.text().splitlines()[0]), r.text()


def test_a_constant_factor_is_named_as_the_constant() -> None:
    """A formula off by a [constants] value (dropout's ``1/keep_prob`` left out, the weighted
    BCE's ``w`` applied twice) is ``scale-factor`` with the factor named as that constant — it
    was "a different multiple at other sizes", which the checker's other points (where the
    constants differ too) made look like a size; en and zh."""
    from corpus10 import chinese_only

    from derive.checker.check import check

    net = str(Path(__file__).resolve().parent / "specs_course" / "dropout_mask.toml")
    r = check(net, "W1", "dA1 = (A2 - Y) @ W2.T * M / m\ndW1 = X.T @ (dA1 * (A1 > 0))")
    assert (r.verdict, r.code) == ("incorrect", "scale-factor"), r.text()
    assert "keep_prob" in r.text().splitlines()[0] and "other sizes" not in r.text(), r.text()
    r = check("mlp-bce-weighted", "b2", "np.mean((1 - Y) * A2 * w - w * w * Y * (1 - A2), axis=0, keepdims=True)")
    assert (r.verdict, r.code) == ("incorrect", "scale-factor") and "factor w" in r.text(), r.text()
    r = check("mlp-bce-weighted", "b2", "np.mean(((1 - Y) * A2 - w * Y * (1 - A2)) / w, axis=0, keepdims=True)", lang="zh")
    assert r.code == "scale-factor" and "1/w" in r.text() and chinese_only(r.text().splitlines()[0]), r.text()


def test_sum_over_examples_of_one_d_inputs() -> None:
    """On a network whose inputs are all 1-D (held as single rows: Platt scaling's scores f and
    targets t), a per-example sum with subscripts, ``\\sum_{i=1}^{n}(t_i - p_i)``, sums along
    the columns (it summed the one row over axis 0 and was judged wrong-sum-axis); wrong answers
    in that notation stay wrong; a network with a named batch of 1 row (Stevens' thermometer
    uses ``^{(i)}``, rnn's m = 1) reads as before."""
    from derive.checker.check import check

    course = Path(__file__).resolve().parent / "specs_course"
    platt = str(course / "hn17_platt_scaling.toml")
    assert check(platt, "B", r"\sum_{i=1}^{n}\left(t_i - p_i\right)", latex=True).ok
    assert check(platt, "A", r"\sum_{i}(t_i - p_i) f_i", latex=True).ok
    r = check(platt, "A", r"\sum_{i=1}^{n}(p_i - t_i)\,f_i", latex=True)
    assert (r.verdict, r.code) == ("incorrect", "sign")
    r = check(platt, "A", r"\frac{1}{n}\sum_{i=1}^{n}(t_i - p_i) f_i", latex=True)
    assert (r.verdict, r.code) == ("incorrect", "scale-factor")
    assert check(platt, "B", r"\sum_{i=1}^{n}(t_i - p_i)\,f_i", latex=True).verdict == "incorrect"
    stevens = str(course / "hn12_stevens_thermometer.toml")
    w = r"\frac{2}{n}\sum_{i=1}^{n}\left(t_p^{(i)} - t_c^{(i)}\right) t_{un}^{(i)}"
    assert check(stevens, "w", w, latex=True).ok
    r = check(stevens, "b", r"\frac{1}{n}\sum_{i=1}^{n}(t_p^{(i)} - t_c^{(i)})", latex=True)
    assert (r.verdict, r.code) == ("incorrect", "scale-factor")
    r = check("rnn", "b", r"\sum_{i=1}^{m} \left(\frac{\partial L}{\partial z_1} + \frac{\partial L}{\partial z_2}\right)", latex=True)
    assert r.ok, r.text()
