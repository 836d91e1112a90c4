"""Handouts a lecturer hands out unchanged, pass 12 (issue 12): a causal mask's hand calculation
and code as a lecturer writes them (``10^{9}``, one term per mask, a masked entry equal to its
fill), checked against the values the engine computes."""

from __future__ import annotations

import re
from pathlib import Path

import sympy as sp

SPECS = Path(__file__).parent / "specs_course"


def _gpt_head():
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.walkthrough.tidy import tidied

    return tidied(derive(spec.load(str(SPECS / "nanogpt_head_masked_fill.toml"))))


def test_a_masked_entrys_hand_calculation_shows_one_term_per_mask_and_the_fill() -> None:
    """``wei_masked₁₂`` (masked): the line of term values was ``… + 0 + 10⁹ − 10⁹``, the fill
    printed ``1000000000``; now ``0 − 10^{9} = −10^{9}``, and the unmasked ``wei_masked₁₁``
    reads ``wei₁₁ + 0``. The numbers are the engine's values of the entries."""
    from derive.numeric.example import Example

    d = _gpt_head()
    ex = Example(d)
    f = next(v for v in d.forward if v.name == "wei_masked")
    g = d.graph.tensors["wei_masked"]
    tril = d.spec.values["tril"]
    for (i, j), step in zip(
        [(r, c) for r in range(g.shape[0]) for c in range(g.shape[1])], f.entries, strict=True
    ):
        w = ex.working(step.lhs.value, step.rhs.value)
        rows = [t for _, t in w.chain()]
        assert not any("1000000000" in t for t in rows), rows
        assert w.terms_tex is not None and len(w.terms_tex.split()) == 3, w.terms_tex
        value = ex.value(step.lhs.value)
        if tril[i][j] == 0:  # masked: the fill, exactly, and said with "="
            assert value == -(10**9)
            assert w.chain()[-2:] == [("=", "0 - 10^{9}"), ("=", "-10^{9}")], w.chain()
        else:
            first = w.terms_tex.split()[0]
            assert abs(float(first) - float(ex.value(d.graph.tensors["wei"].symbols[i, j]))) < 1e-6
            assert w.terms_tex.endswith("+ 0")


def test_the_terms_of_a_spelled_mask_add_up_to_the_entry() -> None:
    """The grouped terms (one per mask) sum to the formula at any point, masked or not."""
    from derive.lang.ops import relu_grad
    from derive.numeric.example import _shown_terms

    t, w = sp.symbols("t w")
    c = sp.Integer(10**9)
    e = sp.Add(w * (relu_grad(-t) + relu_grad(t)), c * relu_grad(-t), c * relu_grad(t), -c)
    terms = _shown_terms(e)
    assert len(terms) == 2
    for tv in (-2, 0, 1):
        assert sum(x.subs({t: tv, w: 5}) for x in terms) == e.subs({t: tv, w: 5})


def test_the_mask_line_of_the_code_is_the_shown_form_and_runs() -> None:
    """The forward code of ``masked_fill(tril == 0, -1e9)`` was its two ReLU slopes
    (``-1000000000 * (1 - (tril > 0) - (-tril > 0)) + …``); now the shown form, and NumPy gives
    the engine's values with it."""
    import numpy as np

    from derive.numeric.example import Example
    from derive.walkthrough.codegen import forward_line

    d = _gpt_head()
    node = next(n for n in d.graph.nodes if n.name == "wei_masked")
    line = forward_line(node)
    assert line == "wei_masked = -10**9 * (tril == 0) + (tril != 0) * wei", line
    assert not re.search(r"tril > 0", line)
    ex = Example(d)
    env = {
        "np": np,
        "tril": np.array(d.spec.values["tril"], dtype=float),
        "wei": np.array(
            [[float(ex.value(s)) for s in row] for row in d.graph.tensors["wei"].symbols.tolist()]
        ),
    }
    exec(line, env)  # our generated line, not user text
    want = [[float(ex.value(s)) for s in row] for row in node_symbols(d, "wei_masked")]
    assert np.allclose(env["wei_masked"], want, rtol=1e-12)


def node_symbols(d, name: str) -> list:
    return d.graph.tensors[name].symbols.tolist()


def _steps(d) -> dict:
    from derive.walkthrough import lessons

    return lessons.step_sums(d)


def test_a_recurrences_shared_weights_are_one_sum_over_the_steps() -> None:
    """Elman RNN: ∂L/∂Wxh, ∂L/∂Whh, ∂L/∂bh as Σ_{t=1}^{3} of one formula (BPTT, as a lecturer
    writes it), the step's value the sum of the per-step contributions (proved); written out at
    t = 1, 2, 3 the Σ's formula gives exactly the contributions the handout shows above it."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.walkthrough.tidy import tidied

    d = tidied(derive(spec.load(str(SPECS / "elman_rnn3.toml"))))
    sums = _steps(d)
    assert set(sums) == {"Wxh", "Whh", "bh"}
    assert "h_{t - 1}^{\\top}" in sums["Whh"].rhs.tex
    for name, step in sums.items():
        v = next(v for v in d.backward if v.name == name)
        assert step.points > 0 and step.rhs.value == v.total.rhs.value
        m = re.fullmatch(r"\\sum_\{t=(\d+)\}\^\{(\d+)\} (.*)", step.rhs.tex)
        assert m, step.rhs.tex
        body = m.group(3)
        written = {
            body.replace("t - 1", str(t - 1)).replace("{t}", f"{{{t}}}")
            for t in range(int(m.group(1)), int(m.group(2)) + 1)
        }
        assert written == {c.step.rhs.tex for c in v.contributions}, (written, name)


def test_only_a_recurrence_gets_the_sum_over_steps() -> None:
    """An MLP and a weight used side by side with no recurrence get no Σ_t form."""
    from derive.engine.backprop import derive
    from derive.lang import spec

    assert _steps(derive(spec.load("tiny-mlp"))) == {}
    assert _steps(derive(spec.load("mlp-bce"))) == {}


def test_the_full_detail_keeps_the_forward_values_form() -> None:
    """``--detail full`` keeps the closed form in forward values only; standard shows Σ_t."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.render import build as builder
    from derive.walkthrough.context import prepare

    d = derive(spec.load("rnn"))
    proofs = builder.shared_proofs()
    std = {b.name: b.closed for b in prepare(d, proofs, "standard").backward}
    full = {b.name: b.closed for b in prepare(d, proofs, "full").backward}
    assert std["W_h"].rhs == "\\sum_{t=1}^{2} h_{t - 1}^{\\top} \\thinspace \\delta_{z_{t}}"
    assert "\\sum" not in full["W_h"].rhs and "\\delta" not in full["W_h"].rhs


def test_rows_that_meet_are_not_called_examples() -> None:
    """Attention's rows are positions scored against each other (``Q Kᵀ``): the weight's
    sentence no longer calls them "examples" there; an MLP's rows still are examples, and a
    product over the batch that is no rows × rows matrix (``Xᵀ y``) is no such meeting."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric.example import Example
    from derive.walkthrough import intuition

    def keys(name: str) -> set[str]:
        d = derive(spec.load(name))
        return {w.key for ws in intuition.paragraphs(d, Example(d)).values() for w in ws}

    assert "linear-weight.batch.mixed" in keys("attention")
    assert "linear-weight.batch" not in keys("attention")
    assert "linear-weight.batch" in keys("mlp-bce")
    assert "linear-weight.batch.mixed" not in keys("mlp-bce")
    assert "linear-weight.batch.mixed" not in keys(str(SPECS / "linreg_xty.toml"))


def test_a_negative_numerator_is_not_parenthesised() -> None:
    """Batch norm's hand calculation wrote ``\\frac{\\left(-0.2400183\\right)}{3}``; a lecturer
    writes ``\\frac{-0.2400183}{3}`` (the same number: the row's value is unchanged) — since
    handread22 with the sign in front, ``- \\frac{0.2400183}{3}``, where the fraction is a term."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric.example import Example
    from derive.walkthrough.tidy import tidied

    d = tidied(derive(spec.load("batchnorm")))
    ex = Example(d)
    v = next(v for v in d.backward if v.name == "Z")
    rows = [t for s in v.entries for _, t in ex.working(s.lhs.value, s.rhs.value).chain()]
    assert any(re.search(r"- \\frac\{0\.\d+\}\{3\}", t) for t in rows), rows
    assert not any("\\frac{\\left(-" in t for t in rows)


def test_a_recurrence_without_a_plain_weight_still_lists_the_missing_transpose() -> None:
    """The built-in rnn's weights are all shared by its two steps: "A missing transpose" was
    left out of its Common mistakes; now shown on one step's contribution (``h_1ᵀ δ_{z_2}``),
    with the shapes that make the slip fail here (1 × 2 by 1 × 2)."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.render import build as builder
    from derive.walkthrough import lessons
    from derive.walkthrough.context import prepare

    pre = prepare(derive(spec.load("rnn")), builder.shared_proofs(), "standard")
    lesson = lessons.mistakes(pre.d, pre.pc)
    assert lesson is not None
    said = repr(lesson)
    assert "transpose_shapes.step" in said, said[:2000]
    math = dict(lesson.math)
    v = next(v for v in pre.d.backward if v.name == "W_h")
    assert math["right"] == v.contributions[0].formula.tex()
    assert "\\top" in math["right"] and math["S"] == "z_{2}"


def test_the_pytorch_check_writes_the_mask_as_the_spec_did() -> None:
    """The PyTorch line of ``masked_fill(tril == 0, -1e9)`` printed the spec reader's two ReLU
    slopes, ``(1 - (tril > 0).double() - (-tril > 0).double()) * -1000000000``; now the mask,
    and torch gives the same tensor with either line."""
    import torch

    from derive.lang import spec
    from derive.walkthrough.codegen import torch_code

    s = spec.load(str(SPECS / "nanogpt_head_masked_fill.toml"))
    line = torch_code(dict(s.forward)["wei_masked"])
    assert line == "(tril == 0).double() * -10**9 + (tril != 0).double() * wei", line
    tril = torch.tensor(s.values["tril"], dtype=torch.float64)
    wei = torch.randn(3, 3, dtype=torch.float64)
    got = eval(line, {"tril": tril, "wei": wei})  # our generated code, not user text
    assert torch.equal(got, wei.masked_fill(tril == 0, -1e9))
