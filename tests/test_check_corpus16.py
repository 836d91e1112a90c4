"""The held-out-style corpus of issue 11, sixteenth round (tests/corpus16.py): hand numbers and
entry formulas only — rounded, truncated, carried through a rounded hand calculation, a sign slip,
another entry's value, the value before the 1/m, whole matrices and bias rows, exact fractions on
integer graphs; element-wise formulas in the walkthroughs' entry names (ASCII, Unicode, LaTeX
subscripts, NumPy indices) with the wrong index, a missing σ′ factor, a missing 1/m. Exact values
come from PyTorch float64; the checker must give each case's verdict and, where one is named,
its diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus16.py,
bench/RESULTS.md "corpus 16"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus16  # noqa: E402

CASES = corpus16.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    name = f"{c['id']}:{Path(c['net']).stem}:{c['wrt']}:{c['text'][:30]}"
    return pytest.param(c, id=name, marks=marks)


def test_corpus_covers_numbers_and_entries_on_all_builtins() -> None:
    nets = [c["net"] for c in CASES]
    for net in ("tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp", "rnn",
                "attention", "batchnorm", "softmax-regression"):
        assert net in nets, net
    course = {n for n in nets if n.endswith(".toml")}
    assert len(course) >= 5
    assert 100 <= len(CASES) <= 200
    # more than half hand numbers (corpus 15, merged beside it, holds a few of the same cases:
    # those are left out here, as every corpus leaves out its predecessors')
    assert sum(c["kind"] == "value" for c in CASES) >= 0.55 * len(CASES)
    labels = ("w11", "w12", "w21", "w22", "v1", "v2", "w0", "w1", "w2", "x0", "x1", "x2")
    entries = [c for c in CASES if c["kind"] != "value" and ("[" in c["wrt"] or c["wrt"] in labels)]
    assert len(entries) >= 30
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 40
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_earlier_corpora() -> None:
    assert not [c["id"] for c in CASES if corpus16._key(c) in corpus16._earlier()]


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus16(case: dict) -> None:
    got = corpus16.run(case)
    assert corpus16.judge(case, got) == "ok", got


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_a_number_written_for_a_size_in_an_entry_formula() -> None:
    """``((A2[0,0]-Y[0,0])*A1[0,0] + (A2[1,0]-Y[1,0])*A1[1,0]) / 2`` for ∂L/∂W2[0,0] on mlp-bce
    (m = 2): the 2 stands for the batch size, so the formula is wrong at any other batch size —
    ``scale-factor`` naming m, as for a whole tensor (it was ✓ correct with a note); the same
    with ``/ m`` stays right, and a 2 that is the loss's own constant (relu-mlp's sum of squares,
    where D_out = 2) is not taken for a size."""
    from derive.checker.check import check

    w2 = "((A2[0,0]-Y[0,0])*A1[0,0] + (A2[1,0]-Y[1,0])*A1[1,0])"
    r = check("mlp-bce", "W2[0,0]", w2 + " / 2")
    assert (r.verdict, r.code) == ("incorrect", "scale-factor") and "m" in r.text()
    assert check("mlp-bce", "W2[0,0]", w2 + " / m").ok
    b2 = "(A2[0,0] - Y[0,0] + A2[1,0] - Y[1,0]) * 0.5"
    assert check("mlp-bce", "b2[0,0]", b2).code == "scale-factor"
    assert check("relu-mlp", "w2[0,0]", "2 * np.sum((y_pred[:, 0] - y[:, 0]) * h_relu[:, 0])").ok


def test_an_input_entry_named_by_its_label() -> None:
    """``--wrt x1`` on neuron (the label of x[0,1], an input): the gradient of that entry, as
    ``--wrt x[0,1]`` and ``--wrt x`` already were (it was unreadable: "'x1' labels x, which has
    no gradient"); numbers and entry formulas both, and a slip is still found."""
    from derive.checker.check import check

    assert check("neuron", "x1", value="0.0735").ok
    assert check("neuron", "x1", value="-0.0735").code == "sign"
    assert check("neuron", "x1", "(O - t) * O * (1 - O) * w1").ok
    assert check("neuron", "x1", "(O - t) * O * (1 - O) * w0").code == "wrong-entry"
    assert check("tiny-mlp", "x2", value="-0.0213").ok


def test_no_mistake_named_for_a_number_near_the_right_one() -> None:
    """Under ``--digits 3``, ``-0.0136`` for tiny-mlp's w11 (−0.013668) is wrong, but it is not
    "the transpose of ∂L/∂W1" (it was ``operand-order``: the transposed product has the same
    diagonal entry, so it gives the right number and explains no wrong one); nor is ``0.135``
    for mlp-bce's W1[0,1] a missing relu′. Another entry and known mistakes are named only where
    they differ from the exact value; they still are (``-0.0163`` for W1[1,0])."""
    from derive.checker.check import check

    r = check("tiny-mlp", "W1[0,0]", value="-0.0136", digits=3)
    assert (r.verdict, r.code) == ("incorrect", "unknown")
    assert check("mlp-bce", "W1[0,1]", value="0.135", digits=3).code == "unknown"
    assert check("tiny-mlp", "W1[1,0]", value="-0.0163", digits=3).code == "wrong-entry"
    assert check("tiny-mlp", "W1[1,0]", value="-0.0163").code == "wrong-entry"
    assert check("tiny-mlp", "W1[0,0]", value="-0.0137", digits=3).ok
