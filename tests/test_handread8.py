"""The handouts as a lecturer reads them (issue 12, pass 8): the proofs document's wording, and
the four newer built-ins read side by side with how courses teach those layers."""

from __future__ import annotations

import re

import pytest

from derive.locale import catalog
from derive.proofs import registry


def _top_level_colon(text: str) -> bool:
    """Whether ``text`` has a full-width colon outside parentheses."""
    depth = 0
    for ch in text:
        depth += ch in "（(" and 1 or ch in "）)" and -1 or 0
        if ch == "：" and depth == 0:
            return True
    return False


def test_every_definition_step_says_which_definition() -> None:
    """Every proof opened with "Why. Definition (the forward rule)." — 18 times in the proofs
    document, for a linear layer, σ, ReLU, a batch variance alike. A definition step names what
    it defines (and says what the formula does not: m, not m − 1; ReLU′(0) against clamp)."""
    texts = set()
    for name in registry.proof_names():
        proof = registry.get_proof(name)
        for step in proof.steps:
            assert step.reason != "proof.definition", (name, step.lhs.text)
            if step.reason.startswith("proof.def."):
                texts.add(registry.reason_text(step, "en"))
    assert len(texts) >= 12, texts  # one sentence per kind of definition, not one for all
    for lang in catalog.LANGS:
        cat = catalog.catalogue(lang)
        for section in (cat["reasons"], cat["prove"]["reasons"]):
            assert all(f"proof.def.{k}" in section for k in ("linear", "sigmoid", "bn_var"))


def test_zh_reasons_have_no_colon_after_the_label() -> None:
    """A Chinese handout writes a reason as 「**依据**：…」; a reason that itself began with a
    label and a colon read 「依据：链式法则：…」, 「依据：形状检查：…」 (a double colon). A zh
    reason has no full-width colon outside parentheses."""
    label = catalog.catalogue("zh")["ui"]["why"]
    assert label.endswith("：")
    bad = {k: v for k, v in catalog.catalogue("zh")["reasons"].items() if _top_level_colon(v)}
    assert not bad, bad


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_kronecker_is_a_bracket_not_delta(lang: str) -> None:
    """δ is the gradient in every handout; the proofs' reasons still wrote Kronecker's symbol
    as δ_iq ("∂ℓ_i/∂Z_q = δ_iq ∂ℓ_i/∂Z_i", "the Kronecker delta") beside δ_Z. They write the
    bracket [i = q] the proofs already use."""
    cat = catalog.catalogue(lang)
    for section in (cat["reasons"], cat["prove"]["reasons"]):
        for key, text in section.items():
            kronecker = r"\\delta_\{[a-z]{2}\}|δ_[a-z]{2}\b|Kronecker delta|克罗内克 δ"
            assert not re.search(kronecker, text), key

