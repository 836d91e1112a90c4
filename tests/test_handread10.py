"""The handouts as a lecturer reads them (issue 12, pass 10): formulas written as a lecturer
writes them (``y``, not ``1 · y``; ``reg · W``, not ``reg/2 W + reg/2 W``), still proven and
still computing the same gradients."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

SPECS = Path(__file__).parent / "specs_course"


def _derived(name: str):
    from derive.engine.backprop import derive
    from derive.lang import spec

    return derive(spec.load(str(SPECS / f"{name}.toml")))


def _shown(d) -> list[str]:
    """Every backward formula a handout shows (path, total, simplified, final, closed form)."""
    from derive.walkthrough import lessons

    out = []
    for v in d.backward:
        out += [c.step.rhs.tex for c in v.contributions]
        out += [s.rhs.tex for s in (v.total, *v.simplified) if s is not None]
        out.append(v.formula.tex())
    out += [s.rhs.tex for s in lessons.closed_forms(d).values()]
    return out


_ONE_TIMES = re.compile(r"(?<![\d.}])1 \\cdot ")
_SAME_TWICE = re.compile(r"(\\frac\{.+?\}\{\d\} \S+) \+ \1(?!\S)")


@pytest.mark.parametrize(
    "name", ["cs231n_two_layer", "elastic_net", "ng_deep_L4", "nanogpt_head_masked_fill"]
)
def test_no_coefficient_one_and_like_terms_collected(name: str) -> None:
    """Before: the closed forms printed ``-\\frac{1}{N} 1 \\cdot y`` and ``\\frac{1}{m} 1 \\cdot
    2 (ŷ − y)``, and the L2 penalty's gradient ``\\frac{reg}{2} W + \\frac{reg}{2} W`` in the step,
    the closed form and the code. After tidying none is left, and the gradients are unchanged."""
    from derive.walkthrough.tidy import tidied

    d = _derived(name)
    t = tidied(d)
    shown = _shown(t)
    assert not [s for s in shown if _ONE_TIMES.search(s)]
    assert not [s for s in shown if _SAME_TWICE.search(s)]
    before = [v.formula.code() for v in d.backward]
    after = [v.formula.code() for v in t.backward]
    assert not [c for c in after if re.search(r"(\w+/2 \* \w+) \+ \1\b", c)]
    if name == "cs231n_two_layer":  # the penalty's two halves were shown apart before
        assert any(re.search(r"reg/2 \* W2 \+ reg/2 \* W2", c) for c in before)
        assert any(c.startswith("reg * W2 + ") for c in after)
    # the same numbers: the tidied backward pass against the original at a random point
    from derive.numeric.verify import gradients_matrix, random_point

    env = random_point(d.graph, 0)
    (a, _), (b, _) = gradients_matrix(d, env), gradients_matrix(t, env)
    assert a.keys() == b.keys()
    for p in a:
        np.testing.assert_allclose(b[p], a[p], rtol=1e-12, atol=1e-15)


def test_a_tidied_step_is_proved_again() -> None:
    """A tidied equation is a step the checker proved: a wrong "tidy" is refused."""
    from derive.engine import mform as mf
    from derive.engine.steps import Checker, StepError
    from derive.walkthrough import tidy

    d = _derived("cs231n_two_layer")
    v = next(v for v in d.backward if v.name == "W2")
    step = v.contributions[0].step
    assert tidy._again(Checker(defs=dict(d.defs)), step, []) is not step
    wrong = mf.mul(mf.Scalar(3), step.rhs.value)
    bad = type(step)(step.lhs, tidy._term(wrong), step.rule, step.reason, step.args)
    with pytest.raises(StepError):
        tidy._again(Checker(defs=dict(d.defs)), bad, [])


def test_unlike_coefficients_stay_apart() -> None:
    """``w·Y + 1 − Y`` (weighted BCE) is not rewritten as ``(w − 1)·Y + 1``: only terms whose
    coefficients add up to one term are joined."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.walkthrough.tidy import tidied

    d = derive(spec.load("mlp-bce-weighted"))
    t = tidied(d)
    assert t.forward == d.forward
    for a, b in zip(t.backward, d.backward, strict=True):
        # nothing rewritten: the same formulas and steps (entries are made when read: equal)
        assert a.formula == b.formula and a.total == b.total and a.simplified == b.simplified
        assert [c.step for c in a.contributions] == [c.step for c in b.contributions]
        assert [s.rhs.value for s in a.entries] == [s.rhs.value for s in b.entries]


def test_a_causal_mask_prints_as_a_mask() -> None:
    """``wei.masked_fill(tril == 0, -1e9)`` is lowered to ``−1000000000(1 − 1[tril > 0] −
    1[−tril > 0]) + (1 − (1 − 1[tril > 0] − 1[−tril > 0])) ⊙ wei``; the handout shows
    ``−10⁹·1[tril = 0] + 1[tril ≠ 0] ⊙ wei`` (proved), δ_wei as ``δ ⊙ 1[tril ≠ 0]``, the fill
    value as ``−10^{9}`` among the numbers, and the code computes the same."""
    from derive.numeric.example import fmt
    from derive.walkthrough.tidy import tidied

    d = _derived("nanogpt_head_masked_fill")
    t = tidied(d)
    before = next(f for f in d.forward if f.name == "wei_masked").step.rhs.tex
    after = next(f for f in t.forward if f.name == "wei_masked").step.rhs.tex
    # (since round 32 the matrix-form printer shows the comparison itself, mform.equality_form:
    # the tidy's part left is the fill value as 10^{9})
    assert "1000000000" in before and "\\mathbf{1}[\\mathrm{tril} = 0]" in before
    assert after == (
        "-10^{9} \\mathbf{1}[\\mathrm{tril} = 0] + \\mathbf{1}[\\mathrm{tril} \\neq 0] \\odot "
        "\\mathrm{wei}"
    )
    wei = next(v for v in t.backward if v.name == "wei")
    assert wei.formula.code() == "dwei_masked * (tril != 0)"
    assert fmt(-1e9).tex == "-10^{9}" and fmt(-1e9 + 1).tex == "-1.000000 \\times 10^{9}"


def test_an_earlier_node_is_named_in_a_later_calculation() -> None:
    """CMU's batch norm: ``V = var(Z)`` recomputes the mean; its formula and hand calculation
    now use ``M`` (computed just before) instead of ``M``'s sum inside every square."""
    from derive.walkthrough.tidy import tidied

    d = _derived("cmu_batchnorm")
    t = tidied(d)
    f0 = next(f for f in d.forward if f.name == "V")
    f1 = next(f for f in t.forward if f.name == "V")
    assert "M" not in f0.step.rhs.tex and f1.step.rhs.tex.endswith("\\left(Z - M\\right)^{2}")
    m = str(d.graph.tensors["M"].symbols[0, 0])
    assert m not in str(f0.entries[0].rhs.value) and m in str(f1.entries[0].rhs.value)
    assert str(f1.entries[0].rhs.value).count("Z[") == 4  # each Z entry once, not 4 + 4·4
    z0 = next(v for v in d.backward if v.name == "Z").formula.code()
    z1 = next(v for v in t.backward if v.name == "Z").formula.code()
    assert "Z.mean(axis=0, keepdims=True)" in z0
    assert "Z.mean(" not in z1 and "(Z - M)" in z1


GAN = """# Goodfellow's GAN, discriminator step: the same w, b on the real and the generated batch
[network]
name = "gan-discriminator"
[dims]
m = 3
d = 2
k = 2
[inputs]
x = ["m", "d"]
z = ["m", "k"]
U = ["k", "d"]
ones = ["m", 1]
zeros = ["m", 1]
[params]
w = ["d", 1]
b = [1, 1]
[forward]
g = "torch.tanh(z @ U)"
d_real = "torch.sigmoid(x @ w + b)"
d_fake = "torch.sigmoid(g @ w + b)"
loss = "F.binary_cross_entropy(d_real, ones) + F.binary_cross_entropy(d_fake, zeros)"
"""


def test_a_weight_used_side_by_side_is_not_a_recurrence(tmp_path) -> None:
    """A GAN discriminator's w scores the real and the generated batch: before, its handout said
    "the same parameter at every step", taught "Backpropagation through time" and listed the
    mistake "Only the last step". Those are for an unrolled recurrence (the built-in rnn keeps
    them); here the uses are side by side."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric.example import Example
    from derive.render.build import shared_proofs
    from derive.walkthrough import intuition, lessons
    from derive.walkthrough.records import Pieces

    f = tmp_path / "gan.toml"
    f.write_text(GAN)
    for name, recurrent in ((str(f), False), ("rnn", True)):
        d = derive(spec.load(name))
        ex_ = Example(d)
        keys = {w.key for ws in intuition.paragraphs(d, ex_).values() for w in ws}
        found = {ls.key for ls in lessons.lessons(d, Pieces(d, ex_, shared_proofs()), None)}
        assert ("bptt" in found) is recurrent
        assert ("shared" in keys) is recurrent and ("shared.apart" in keys) is not recurrent


def test_a_subtracted_mean_is_not_said_to_scale() -> None:
    """CMU's batch norm: NZ = (Z − M)/√(V + ε). Its handout said "M scales every row of NZ"
    (M is subtracted, then the difference is scaled); BW in BZ = BW * NZ does scale."""
    from derive.numeric.example import Example
    from derive.walkthrough import intuition

    d = _derived("cmu_batchnorm")
    words = intuition.paragraphs(d, Example(d))
    assert "scale-sum.inside" in {w.key for w in words["M"]}
    assert "scale-sum" not in {w.key for w in words["M"]}
    assert "scale-sum" in {w.key for w in words["BW"]}
