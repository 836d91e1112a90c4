"""The held-out-style corpus of issue 11, thirty-ninth round (tests/corpus39.py): CODE answers
from sources no corpus had used — nnfs.io's layer classes (``self.dinputs``, ``self.dweights``,
``Activation_Softmax_Loss_CategoricalCrossentropy.backward``), Trask's Grokking Deep Learning
(``relu2deriv``, ``layer_1_delta``), micrograd/tinygrad-style ``_backward`` closures, d2l's
``torch.no_grad()`` manual SGD, CuPy/Dask/``jnp``, ``np.einsum`` in backward, gradients read from
``@property`` methods, Fortran-like index loops, Kaggle ``backward_propagation`` functions, Chinese
textbook code — and students' mistakes on them, on the built-ins and fourteen lecturer networks no
earlier corpus used. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named, its
diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus39.py,
bench/RESULTS.md "heldcheck39"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus39  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus39.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}
COURSE = Path(__file__).resolve().parent / "specs_course"


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–38;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus39, CASES, KNOWN, least=200, course=10, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus39 = corpus_common.corpus_tests(
    corpus39, CASES, KNOWN
)
