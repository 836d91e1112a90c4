"""The held-out-style corpus of issue 11, nineteenth round (tests/corpus19.py): NumPy's einsum
with batch letters, tensordot, per-example outer products averaged, ``len(X)``/``Y.size``,
``np.sign``/``np.greater``/``.astype`` masks; LaTeX with ``\\mathsf{T}`` or a bare ``T`` as the
transpose, ``\\Big``/``\\!``/``\\tfrac``, ``&&\\text{…}`` annotations, per-example sums,
Leibniz chain-rule products; hand numbers as students print them; element-wise formulas; and
fifteen lecturer networks no earlier corpus used. The verdicts of the built-in matrix cases come
from PyTorch (tests/check_oracle.py), of the course-network cases from the spec's own text run in
PyTorch (tests/spelled_oracle.py); the checker must give each case its verdict and, where one is
named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus19.py, bench/RESULTS.md "heldcheck18"."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus19  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus19.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 160 cases, every built-in and a dozen lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–18."""
    assert 160 <= len(CASES) <= 260
    nets = [c["net"] for c in CASES]
    for net in corpus_common.OLDER + corpus_common.NEWER:
        assert net in nets, net
    course = {n for n in nets if n.endswith(".toml")}
    assert len(course) >= 12
    for m in corpus_common.ORDER[: corpus_common.ORDER.index("corpus19")]:
        assert not course & {c["net"] for c in __import__(m).load()}, m
    right = sum(c["verdict"] == "correct" for c in CASES)
    assert 0.4 * len(CASES) <= right <= 0.65 * len(CASES)
    assert sum(c["verdict"] == "unreadable" for c in CASES) >= 5
    assert sum(c["lang"] == "zh" for c in CASES) >= 5
    assert len({c["id"] for c in CASES}) == len(CASES)
    assert not {corpus19._key(c) for c in CASES} & corpus_common.earlier_keys("corpus19", corpus19._key)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus19 = corpus_common.corpus_tests(
    corpus19, CASES, KNOWN
)
