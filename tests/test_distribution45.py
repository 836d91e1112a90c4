"""Round 45 (issues 9, 11): targets that are probability distributions — soft labels, smoothed
labels, a teacher's probabilities — declared ``kind = "distribution"``: every row ≥ 0 summing to
1, checked in [values], drawn so when absent and at derive check's random points. ``P − Y`` needs
only rows summing to 1, so the fused softmax + cross-entropy step holds for them and a student's
``(softmax(z) − q)/N`` is right; a formula right only for one-hot rows (``q²`` for ``q``) is not.
Without the declaration derive check says where ``P − Y`` holds and names the declaration. The
specs are written here (held-out style: distillation, KL, label smoothing written by hand)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from derive.checker.check import check
from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

DISTILL = """# knowledge distillation: the student's cross-entropy against the teacher's soft labels
[dims]
N = 5
D = 3
C = 4
[inputs]
x = ["N", "D"]
q = { shape = ["N", "C"], kind = "distribution" }
[params]
W = ["D", "C"]
b = ["C"]
[forward]
z = "x @ W + b"
loss = "F.cross_entropy(z, q)"
"""

KL = """[dims]
N = 4
D = 2
K = 3
[inputs]
x = ["N", "D"]
p = { shape = ["N", "K"], kind = "distribution" }
[params]
W = ["D", "K"]
[forward]
logq = "F.log_softmax(torch.einsum('nd,dk->nk', x, W), dim=-1)"
loss = "F.kl_div(logq, p, reduction='batchmean')"
[values]
p = [[0.25, 0.25, 0.5], [0.1, 0.8, 0.1], [1, 0, 0], [0.3, 0.3, 0.4]]
"""

SMOOTHED = """# 标签平滑：手写的交叉熵，目标是平滑后的标签
[dims]
m = 3
n = 2
k = 3
[inputs]
X = ["m", "n"]
T = { shape = ["m", "k"], kind = "distribution" }
[params]
W = ["n", "k"]
[forward]
Z = "X @ W"
loss = "-(T * F.log_softmax(Z, dim=1)).sum(1).mean()"
"""


def _write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize("name, text", [("distill", DISTILL), ("kl", KL), ("smoothed", SMOOTHED)])
def test_a_distribution_target_verifies_against_pytorch(tmp_path: Path, name: str, text: str) -> None:
    d = derive(spec.load(_write(tmp_path, name, text)))
    report = numeric.verify(d, points=2)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert {c.param for c in report.comparisons} == set(d.spec.params)


def test_drawn_rows_are_distributions_not_one_hot(tmp_path: Path) -> None:
    s = spec.load(_write(tmp_path, "distill", DISTILL))
    rows = s.values["q"]
    assert len(rows) == 5 and all(len(r) == 4 for r in rows)
    assert all(min(r) > 0 and sum(r) == 1 for r in rows), rows
    assert all(v.denominator in (1, 2, 5, 10) for r in rows for v in r)  # tenths: easy by hand
    assert s.distributions == ("q",) and "q" in s.one_hot
    # given rows are kept as written, a one-hot row among them too
    k = spec.load(_write(tmp_path, "kl", KL))
    assert k.values["p"][2] == (Fraction(1), Fraction(0), Fraction(0))


@pytest.mark.parametrize("lang, words", [("en", "is not a probability distribution"), ("zh", "不是概率分布")])
def test_given_rows_that_do_not_sum_to_one_are_refused(tmp_path: Path, lang: str, words: str) -> None:
    bad = KL.replace("[0.1, 0.8, 0.1]", "[0.1, 0.8, 0.2]")
    res = CliRunner().invoke(main, ["verify", _write(tmp_path, "bad", bad), "--lang", lang])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output and words in res.output and "[values] p" in res.output
    assert "1.1" in res.output  # the row's sum named
    negative = KL.replace("[0.1, 0.8, 0.1]", "[-0.1, 1.0, 0.1]")
    res = CliRunner().invoke(main, ["verify", _write(tmp_path, "neg", negative), "--lang", lang])
    assert res.exit_code == 2 and words in res.output, res.output


def test_p_minus_q_is_right_for_a_distribution_target(tmp_path: Path) -> None:
    distill = _write(tmp_path, "distill", DISTILL)
    assert check(distill, "W", "x.T @ (softmax(z) - q) / N").verdict == "correct"
    assert check(distill, "b", "np.sum(softmax(z) - q, axis=0) / N").verdict == "correct"
    wrong = check(distill, "W", "x.T @ (softmax(z) - q)")
    assert wrong.verdict == "incorrect" and wrong.diagnoses[0].code == "scale-factor"
    smoothed = _write(tmp_path, "smoothed", SMOOTHED)
    assert check(smoothed, "W", "X.T @ (torch.softmax(Z, dim=1) - T) / m").verdict == "correct"


def test_a_formula_right_only_for_one_hot_rows_is_wrong_for_distributions(tmp_path: Path) -> None:
    # q**2 equals q where q is 0 or 1: right for one-hot rows, wrong for soft ones
    formula = "x.T @ (softmax(z) - q ** 2) / N"
    soft = _write(tmp_path, "distill", DISTILL)
    hot = _write(tmp_path, "hot", DISTILL.replace('kind = "distribution"', 'kind = "one-hot"'))
    assert check(hot, "W", formula).verdict == "correct"
    assert check(soft, "W", formula).verdict == "incorrect"


@pytest.mark.parametrize("lang, words", [("en", 'kind = \\"distribution\\"'), ("zh", 'kind = \\"distribution\\"')])
def test_undeclared_targets_are_told_where_p_minus_q_holds(tmp_path: Path, lang: str, words: str) -> None:
    plain = _write(tmp_path, "plain", KL.replace('{ shape = ["N", "K"], kind = "distribution" }', '["N", "K"]'))
    r = check(plain, "W", "x.T @ (torch.softmax(x @ W, dim=1) - p) / N", lang=lang)
    assert r.verdict == "incorrect"
    note = " ".join(r.notes)
    assert words.replace("\\", "") in note, r.notes
    assert ("sums to 1" if lang == "en" else "之和为 1") in note
    # a formula right only for one-hot rows keeps the one-hot note (no word of distributions)
    r = check(plain, "W", "x.T @ (torch.softmax(x @ W, dim=1) - p ** 2) / N", lang=lang)
    assert not any("distribution\"" in n for n in r.notes), r.notes


@pytest.mark.parametrize("lang, words", [("en", "target (probabilities"), ("zh", "目标值（概率")])
def test_the_handout_names_the_target_a_distribution(tmp_path: Path, lang: str, words: str) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", _write(tmp_path, "distill", DISTILL), "-o", str(out), "-f", "md"])
    assert res.exit_code == 0, res.output
    md = (out / "distill" / lang / "walkthrough.md").read_text(encoding="utf-8")
    assert words in md
    if lang == "en":
        assert "not one-hot rows" in md  # the blame words: every class with a nonzero target
