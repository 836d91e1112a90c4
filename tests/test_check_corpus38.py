"""The held-out-style corpus of issue 11, thirty-eighth round (tests/corpus38.py): CODE answers
from sources no corpus had used — Berkeley CS182/CS189 layer classes (``self.cache``,
``backward(self, dout)`` storing ``self.dW``), CS231n's ``affine_relu_backward`` sandwich and
``batchnorm_backward_alt``, scikit-learn's ``_backprop`` (``deltas``/``coef_grads`` lists,
``safe_sparse_dot``), PaddlePaddle, MindSpore, Chainer, MXNet's numpy interface, Keras
``train_step`` functions, Numba ``@njit`` / ``@jax.jit`` functions, several gradients returned as a
dict, Chinese column-per-example code, Octave/Julia — and students' mistakes on them, on the
built-ins and thirteen lecturer networks no earlier corpus used. Verdicts of the matrix cases come
from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the checker must give each case its
verdict and, where one is named, its diagnosis code. Rates (and the first, before-fix
measurement): bench/bench_check_corpus38.py, bench/RESULTS.md "heldcheck38"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus38  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus38.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}
COURSE = Path(__file__).resolve().parent / "specs_course"


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and ten Chinese cases among them, none repeating corpora 2–37;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus38, CASES, KNOWN, least=200, course=10, zh=10)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus38 = corpus_common.corpus_tests(
    corpus38, CASES, KNOWN
)
