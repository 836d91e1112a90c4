"""The registry of proofs, rule → proof links, and their plain-text rendering (``derive prove``)."""

from __future__ import annotations

import re

import dataclasses
import functools
from collections.abc import Callable

from derive.engine.steps import Step
from derive.locale import catalog
from derive.proofs import proven
from derive.proofs.activations import (
    clamp_derivative,
    elu_derivative,
    elementwise,
    relu_derivative,
    sigmoid_derivative,
    softmax_jacobian,
    tanh_derivative,
)
from derive.proofs.core import Proof, title
from derive.proofs.initialisation import zero_init
from derive.proofs.linear import bias_sum, linear_input, linear_weight
from derive.proofs.losses import mse, sigmoid_bce, softmax_ce, weighted_bce
from derive.proofs.normalisation import batchnorm

# ---- registry and text rendering -------------------------------------------------------------

PROOFS: dict[str, Callable[[], Proof]] = {
    "linear-weight": linear_weight,
    "linear-input": linear_input,
    "bias-sum": bias_sum,
    "elementwise": elementwise,
    "sigmoid-derivative": sigmoid_derivative,
    "tanh-derivative": tanh_derivative,
    "relu-derivative": relu_derivative,
    "clamp-derivative": clamp_derivative,
    "elu-derivative": elu_derivative,
    "sigmoid-bce": sigmoid_bce,
    "weighted-bce": weighted_bce,
    "softmax-ce": softmax_ce,
    "softmax-jacobian": softmax_jacobian,
    "batchnorm": batchnorm,
    "mse": mse,
    "zero-init": zero_init,
}


def proof_names() -> list[str]:
    """The proof names, in their stable order."""
    return list(PROOFS)


@functools.lru_cache(maxsize=32)
def get_proof(name: str) -> Proof:
    """The proof ``name``, built and verified once per process; ``KeyError`` if unknown.
    Where derive ships the proof as this very source proves it (:mod:`.proven`: the key of
    the shipped file is the current one), that one, with today's titles; else proved here."""
    if name not in PROOFS:
        raise KeyError(f"unknown proof {name!r}; known: {', '.join(PROOFS)}")
    hit = proven.shipped().get(name)
    if isinstance(hit, Proof) and _keys_known(hit):
        return dataclasses.replace(hit, title={lang: title(name, lang) for lang in catalog.LANGS})
    return PROOFS[name]()


def fresh_proofs() -> dict[str, Proof]:
    """Every proof proved afresh here (never the shipped ones): what ``python -m derive.proofs``
    ships and ``tests/test_proven.py`` compares."""
    return {name: PROOFS[name]() for name in PROOFS}


def _keys_known(proof: Proof) -> bool:
    """Whether every reason and note key of ``proof`` is in the catalogue (as the builder
    requires; a proof whose prose was removed is proved afresh, which names the key)."""
    texts = catalog.catalogue("en")["prove"]
    steps = (proof.statement, *proof.steps)
    return all(s.reason in texts["reasons"] for s in steps) and all(
        k in texts["notes"] for k in proof.assumptions + proof.notes
    )


def reason_text(step: Step, lang: str = "en") -> str:
    """The one-sentence justification of ``step`` in ``lang``, its ``{{arg}}`` slots filled."""
    args = dict(step.args)
    if args.get("proof") in PROOFS:  # a proof by its title, not its identifier
        args["proof"] = title(args["proof"], lang)
    return catalog.text(f"prove.reasons.{step.reason}", lang, **args)


def note_text(key: str, lang: str = "en") -> str:
    """The plain text of an assumption or note ``key`` in ``lang``."""
    return catalog.text(f"prove.notes.{key}", lang)


def format_text(proof: Proof, lang: str = "en") -> str:
    """The proof as plain text for a terminal: the title, the assumptions, each step as
    ``lhs = rhs    [reason]`` (a repeated left side is shown once, the next lines start with
    ``=``), the notes, and last the statement (no trailing newline)."""
    heads = catalog.catalogue(lang)["prove"]["heads"]  # ValueError for an unknown language
    colon = heads.get("colon", ":")
    lines = [catalog.fill(heads["named"], {"title": proof.title[lang], "name": proof.name}), ""]
    if proof.assumptions:
        lines.append(f"{heads['assumptions']}{colon}")
        lines += [f"  - {note_text(key, lang)}" for key in proof.assumptions]
        lines.append("")
    lines.append(f"{heads['derivation']}{colon}")
    previous = None
    for n, step in enumerate(proof.steps, 1):  # every line numbered: 1, 2, 3, …
        lhs = step.lhs.text
        head = f"{n:>3}. " + (" " * len(lhs) if lhs == previous else lhs)
        rhs = _piecewise_words(step.rhs.text, heads)
        lines.append(f"{head} = {rhs}    [{reason_text(step, lang)}]")
        previous = lhs
    lines.append("")
    if proof.notes:
        lines.append(f"{heads['notes']}{colon}")
        lines += [f"  - {note_text(key, lang)}" for key in proof.notes]
        lines.append("")
    lines.append(f"{heads['result']}{colon}")
    rhs = _piecewise_words(proof.statement.rhs.text, heads)
    lines.append(f"  {proof.statement.lhs.text} = {rhs}")
    return "\n".join(lines)


def _piecewise_words(text: str, heads: dict[str, str]) -> str:
    """A piecewise function's words (``{z if z >= 0; 0 otherwise}``) in the catalogue's
    language: the plain-text printer writes them in English."""
    words = {"if": heads.get("if", "if"), "otherwise": heads.get("otherwise", "otherwise")}

    def local(m: re.Match[str]) -> str:
        return re.sub(r"\b(if|otherwise)\b", lambda w: words[w.group(1)], m.group(0))

    return re.sub(r"\{[^{}]*\b(?:if|otherwise)\b[^{}]*\}", local, text)


# rules whose general proof has another name (derive.proofs.library); elementary calculus (sum, product,
# power, identity rules) needs none
PROOF_OF_RULE = {"sse": "mse", "bce": "sigmoid-bce", "softmax-ce-soft": "softmax-ce"}
ELEMENTARY = frozenset(
    {
        "identity",
        "power",
        "product",
        "quotient",
        "sum-broadcast",
        "sum",
        "mean",
        "transpose",
        "sum-over-paths",
        "elementwise",
        "bce_logits",
        "cross_entropy",
        "loss-target",
        # textbook derivatives with no proof of their own: |x|' = sign x, softplus' = σ,
        # √x' = 1/(2√x), log-softmax's Jacobian 𝟙[j = k] − softmax_k
        "abs-derivative",
        "softplus-derivative",
        # SELU′ = λ·ELU′_α, the proven ELU rule times PyTorch's constant λ
        "selu-derivative",
        "sqrt-derivative",
        "log-softmax-jacobian",
        # logsumexp' = softmax (its row's): the log-softmax's Jacobian summed over the row
        "logsumexp-slope",
        # erf' = 2/√π·e^{−x²}; the argmax mask of a max is constant (derivative 0) off ties
        "erf-derivative",
        # erfc' = −2/√π·e^{−x²}, Φ' = φ (the normal density), (log Φ)' = φ/Φ
        "erfc-derivative",
        "ndtr-derivative",
        "log-ndtr-derivative",
        # log Γ' = ψ (digamma), ψ' = ψ₁ (trigamma), ψ₁' = ψ₂: the definitions of ψ, ψ₁, ψ₂
        "lgamma-derivative",
        "digamma-derivative",
        "trigamma-derivative",
        "max-mask",
        "max-share",
    }
)


class _LazyProofs(dict):
    """Proofs built on first use (each costs a few hundred ms), shared by all networks."""

    def __init__(self) -> None:
        super().__init__()
        self._names = set(proof_names())

    def __contains__(self, name: object) -> bool:
        return name in self._names

    def __getitem__(self, name: str):
        if not dict.__contains__(self, name):
            dict.__setitem__(self, name, get_proof(name))
        return dict.__getitem__(self, name)


@functools.cache
def shared_proofs() -> _LazyProofs:
    """The proofs, built on first use and shared by every network of a build (and the site)."""
    return _LazyProofs()


def proof_for(rule: str) -> str | None:
    """The name of the general proof (``derive prove NAME``) that justifies ``rule``."""
    name = PROOF_OF_RULE.get(rule, rule)
    return name if name in proof_names() else None
