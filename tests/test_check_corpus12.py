"""The held-out-style corpus of issue 11, twelfth round (tests/corpus12.py): answers as pasted
from Gradescope/Moodle text boxes (a sentence around the formula, "Answer:", Markdown fences,
``$$ \\begin{aligned} … &= … $$`` chains), multi-cell notebook exports, MATLAB/Octave, PyTorch
gradients by hand (``.t().mm``, ``.clone()``, ``grad_h[h < 0] = 0``), ``np.dot`` chains, hand
numbers as fractions or with an uncertainty, whole matrices with one entry wrong, ``--lang zh``
answers with 「答：」 and full-width punctuation, and four of a lecturer's own networks. Each
built-in case with an ``oracle`` has its verdict confirmed by PyTorch (tests/check_oracle.py),
each course-network case with one by the spec's own text run in PyTorch (tests/spelled_oracle.py);
then derive.checker must give that verdict and, where one is named, that diagnosis code. Rates
(and the first, before-fix measurement): bench/bench_check_corpus12.py, bench/RESULTS.md
"corpus 12"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus12  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus12.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_weights_the_six_older_builtins() -> None:
    corpus_common.assert_networks_weighted(CASES, course_cases=30)
    assert 250 <= len(CASES) <= 380
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 100
    assert {c["kind"] for c in CASES} == {"numpy", "latex", "value"}
    assert sum(c["lang"] == "zh" for c in CASES) >= 10
    assert sum("```" in c["text"] for c in CASES) >= 10
    assert sum(c["text"].lstrip().startswith(("Answer", "答：")) for c in CASES) >= 10
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_to_11() -> None:
    assert not [c["id"] for c in CASES if corpus12._key(c) in corpus12._earlier()]


# the slow tests: each oracle confirms its case's verdict; the checker gives each case its own
_SLOW = corpus_common.corpus_tests(corpus12, CASES, KNOWN)
test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus12 = _SLOW


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_an_answer_pasted_from_a_text_box_is_the_formula_inside() -> None:
    """Gradescope/Moodle answers: a leading ``Answer:`` (「答：」), Markdown code fences with
    prose around them, a closing reason after a comma (``…, since …``, ``…，因为…``), a
    leading ``We get`` and a full stop are the wrapping, not the formula (they were "syntax
    error at column 7/1/34"); full-width brackets in code are brackets. A slip inside stays
    wrong, a ``where`` clause is still read as a definition, and a number's ``2.`` is kept."""
    from derive.checker.check import check

    w2 = "A1.T @ (A2 - Y) / m"
    for text in (
        f"Answer: dW2 = {w2}",
        f"```python\ndZ2 = A2 - Y\ndW2 = {w2}\n```",
        f"My answer:\n\n```\ndW2 = {w2}\n```\n\nThe 1/m is the mean.",
        f"dW2 = {w2}, since dZ2 = A2 - Y for a sigmoid output with BCE",
        f"We get dW2 = {w2}.",
        "答：dW2 = A1.T @ （A2 - Y） / m",
    ):
        assert check("mlp-bce", "W2", text).ok, text
    assert check("mlp-bce", "W2", "Answer: dW2 = A1.T @ (A2 - Y)").code == "scale-factor"
    assert check("mlp-bce", "W2", "```python\ndW2 = A1.T @ (Y - A2) / m\n```").code == "sign"
    zh = check("mlp-bce", "W2", "答：dW2 = A1.T @ （A2 - Y），因为标签是 0 或 1", lang="zh")
    assert zh.code == "scale-factor" and corpus12.chinese_only(zh.text().split("\n")[0])
    assert check("chain", "w", "答：dw = 2 * v * x，因为 dv/du = 1", lang="zh").ok  # 2 CJK words
    tex = r"dW2 = A1^T (A2 - Y)/m, since dZ2 = A2 - Y for sigmoid + BCE."
    assert check("mlp-bce", "W2", tex, latex=True).ok
    assert check("mlp-bce", "W2", tex.replace("(A2 - Y)/m", "(Y - A2)/m"), latex=True).code == "sign"
    assert check("neuron", "w", "dw = delta * x, where delta = (O - t) * O").code is not None
    assert check("chain", "w", "dw = 2. * v * x").ok


def test_octave_code_in_matlab_spelling() -> None:
    """Ng's MATLAB/Octave: ``%`` comment lines, ``size(X, 1)`` (X's first size), ``A1.'``,
    ``transpose(A1)``, ``(…)'`` on a bracket and ``sum(dZ, 1)`` over Octave's dimension 1 —
    the batch rows, NumPy's axis 0 (``sum(A2 - Y, 1)`` was read as NumPy's axis 1 and judged
    wrong; the others were unreadable); ``size(X, 2)`` and ``sum(dZ, 2)`` stay wrong."""
    from derive.checker.check import check

    assert check("mlp-bce", "W2", "% output layer\ndZ2 = A2 - Y;\ndW2 = (1/m) * A1' * dZ2;").ok
    assert check("mlp-bce", "W2", "m = size(X, 1);\ndW2 = A1' * (A2 - Y) / m;").ok
    assert check("mlp-bce", "W2", "m = size(X, 2);\ndW2 = A1' * (A2 - Y) / m;").code == "scale-factor"
    assert check("mlp-bce", "W2", "dW2 = A1.' * (A2 - Y) / m;").ok
    assert check("mlp-bce", "W2", "dW2 = transpose(A1) * (A2 - Y) / m;").ok
    assert check("mlp-bce", "b2", "db2 = sum(A2 - Y, 1) / m;").ok
    dz1 = "dZ1 = ((A2 - Y) * W2') .* (Z1 > 0);\n"
    assert check("mlp-bce", "b1", dz1 + "db1 = sum(dZ1, 1) / m;").ok
    assert not check("mlp-bce", "b1", dz1 + "db1 = sum(dZ1, 2) / m;").ok
    assert check("neuron", "w", "dw = ((O - t) * O * (1 - O))' * x;").ok
    assert check("neuron", "w", "dw = ((O - t) * O)' * x;").code == "wrong-activation-derivative"
    # NumPy's own spellings are untouched: np.sum(…, 1) is axis 1, einsum strings are strings
    assert check("mlp-bce", "b2", "db2 = np.sum(A2 - Y, 1) / m").code == "wrong-sum-axis"
    assert check("mlp-bce", "W2", "dW2 = np.einsum('ij,ik->jk', A1, A2 - Y) / m").ok


def test_hand_numbers_pasted_with_full_width_commas_and_a_remark() -> None:
    """``[-0.0979，-0.0181]`` (全角逗号 between entries) is a list of two numbers (it was
    read as one entry: shape-mismatch), 「答：」 before a matrix is a label, and a remark in
    brackets after a matrix is not part of it; a wrong entry stays wrong."""
    from derive.checker.check import check

    assert check("mlp-bce", "b1", value="[-0.0979，-0.0181]", lang="zh").ok
    assert not check("mlp-bce", "b1", value="答：[-0.0979，0.0181]", lang="zh").ok
    m = "[[-0.0137, -0.0163], [-0.00273, -0.00327]]"
    assert check("tiny-mlp", "W1", value=m + "  (rounded to 3 s.f.)").ok
    assert not check("tiny-mlp", "W1", value=m.replace("00327", "00372") + " (3 s.f.)").ok


def test_a_leaky_relus_two_slopes_swapped_is_a_wrong_derivative() -> None:
    """``np.where(Z1 > 0, 0.01, 1)`` for a leaky ReLU's derivative (the slopes swapped) is
    ``wrong-activation-derivative`` naming the slip, en and zh (it was ``unknown``); the right
    ``np.where(Z1 > 0, 1, 0.01)`` stays right and the ReLU's mask for it stays wrong."""
    from derive.checker.check import check

    spec = Path(__file__).parent / "specs_course" / "leakybce.toml"
    up = "dZ2 = (sigmoid(Z2) - Y) / m\ndZ1 = dZ2 @ W2.T * {mask}\ndW1 = X.T @ dZ1"
    r = check(spec, "W1", up.format(mask="np.where(Z1 > 0, 0.01, 1)"))
    assert r.code == "wrong-activation-derivative" and "swapped" in r.text()
    zh = check(spec, "W1", up.format(mask="np.where(Z1 > 0, 0.01, 1)"), lang="zh")
    assert zh.code == "wrong-activation-derivative" and corpus12.chinese_only(zh.text().split("\n")[0])
    assert check(spec, "W1", up.format(mask="np.where(Z1 > 0, 1, 0.01)")).ok
    assert check(spec, "W1", up.format(mask="(Z1 > 0)")).code == "wrong-activation-derivative"
