"""What ``derive check`` answers: :class:`CheckResult` (with its text and JSON forms), the
:class:`Diagnosis` records in it, the diagnosis :data:`CODES`, and :class:`FormulaError` for input
that cannot be read (exit 2).

These are plain records, built by :mod:`derive.check` (formulas) and :mod:`derive.handcalc`
(numbers); :mod:`derive.check` re-exports them as the public API.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from derive import catalog
from derive import expr as ex

CODES = {
    "shape-mismatch": "the result (or a product inside it) has the wrong shape",
    "missing-transpose": "a factor must be transposed",
    "extra-transpose": "a factor must not be transposed",
    "operand-order": "the operands of a product are swapped (or the result is transposed)",
    "scale-factor": "off by a constant factor (1/m, 2 from ½, …)",
    "sign": "off by a sign",
    "missing-activation-derivative": "the activation's derivative (σ', relu') is left out",
    "wrong-activation-derivative": "the derivative of another activation is used",
    "bias-not-summed": "a bias gradient is not summed over the batch",
    "wrong-sum-axis": "a sum runs over the wrong axis",
    "weighted-loss-not-simplifiable": "(Ŷ − Y)/m used under a weighted BCE",
    "relu-at-zero": "differs from PyTorch's relu'(0) = 0 exactly where the ReLU input is 0",
    "circular": "the formula uses the gradient it is supposed to compute",
    "rounding": "a number off by more than its digits allow, explained by rounding",
    "too-few-digits": "a number with too few significant digits to judge",
    "wrong-entry": "a number that is another entry of the gradient",
    "wrong-layer": "a tensor of another layer stands where a different one belongs",
    "unknown": "wrong, no known pattern",
}


@dataclass(frozen=True)
class Msg:
    """A sentence not yet in a language: the catalogue key under ``check.`` and its arguments
    (texts, numbers, or other :class:`Msg`, rendered in the same language)."""

    key: str
    args: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str = "en") -> str:
        """The sentence in ``lang`` (``derive/locale/<lang>.toml``, table ``check``)."""
        args = {k: v.render(lang) if isinstance(v, Msg) else v for k, v in self.args}
        return catalog.text(f"check.{self.key}", lang, **args)


def msg(key: str, /, **args: Any) -> Msg:
    """``Msg(key, args)``: ``msg("diag.negative", grad="∂L/∂W2")``."""
    return Msg(key, tuple(args.items()))


class FormulaError(ex.ExprError):
    """An unreadable formula or bad ``wrt``/``value`` (exit 2). ``col`` is 1-based in ``text``
    (0 when unknown). ``message`` is English; a :class:`Msg` given as the message is kept as
    ``msg`` for :meth:`localized`."""

    def __init__(self, message: str | Msg, col: int = 0, text: str = "") -> None:
        self.msg = message if isinstance(message, Msg) else None
        super().__init__(message.render() if isinstance(message, Msg) else message, col)
        self.text = text

    def localized(self, lang: str = "en") -> str:
        """The message in ``lang`` (parser messages stay English)."""
        return self.msg.render(lang) if self.msg is not None else self.message

    def pointer(self, lang: str = "en") -> str:
        """The message under the formula with a caret at the column."""
        message = self.localized(lang)
        if not self.text or not 0 < self.col <= len(self.text) + 1 or "\n" in self.text:
            return message
        return f"  {self.text}\n  {' ' * (self.col - 1)}^ {message}"


@dataclass(frozen=True)
class Diagnosis:
    """One finding: ``code`` (a key of :data:`CODES`), a plain-words ``message``, the
    corrected formula ``fix`` (input language) and, for ``scale-factor``, the ``factor``
    (``"m"``, ``"2"``)."""

    code: str
    message: str
    fix: str | None = None
    factor: str | None = None
    msg: Msg | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, code: str, m: Msg, fix: str | None = None, factor: str | None = None) -> Diagnosis:
        """A diagnosis whose ``message`` is ``m`` in English (kept for :meth:`localized`)."""
        return cls(code, m.render("en"), fix, factor, m)

    def localized(self, lang: str) -> Diagnosis:
        """The same finding with ``message`` in ``lang``."""
        if self.msg is None:
            return self
        return replace(self, message=self.msg.render(lang))

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.fix is not None:
            out["fix"] = self.fix
        if self.factor is not None:
            out["factor"] = self.factor
        return out


@dataclass(frozen=True)
class CheckResult:
    """The answer to one check. ``verdict`` is ``"correct"`` or ``"incorrect"``; ``expected`` is
    the corrected formula in the input language (in the walkthrough's step form, with upstream
    names such as ``dZ2``) or, for a number, the exact value; ``shape`` that of the gradient."""

    network: str
    wrt: str
    submitted: str
    verdict: str
    diagnoses: tuple[Diagnosis, ...]
    expected: str
    shape: tuple[int, int]
    read_as: str | None = None  # the formula as understood (input language)
    expanded: str | None = None  # ``expected`` with upstream gradients written out
    expected_tex: str | None = None
    notes: tuple[str, ...] = ()
    exact: float | None = None  # value mode: the exact value
    tolerance: float | None = None  # value mode: the accepted difference
    lang: str = "en"  # the language of ``notes``, the messages and :meth:`text`
    note_msgs: tuple[Msg, ...] = field(default=(), compare=False, repr=False)

    def localized(self, lang: str) -> CheckResult:
        """The same answer with notes, messages and :meth:`text` in ``lang`` (``en``, ``zh``)."""
        catalog.catalogue(lang)  # ValueError for an unknown language
        notes = tuple(m.render(lang) for m in self.note_msgs) if self.note_msgs else self.notes
        diags = tuple(d.localized(lang) for d in self.diagnoses)
        return replace(self, lang=lang, notes=notes, diagnoses=diags)

    @property
    def ok(self) -> bool:
        return self.verdict == "correct"

    @property
    def code(self) -> str | None:
        """The main diagnosis code (``None`` when correct)."""
        return self.diagnoses[0].code if self.diagnoses else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "verdict": self.verdict,
            "diagnoses": [d.as_dict() for d in self.diagnoses],
            "expected": self.expected,
            "shape": list(self.shape),
            "network": self.network,
            "wrt": self.wrt,
            "submitted": self.submitted,
        }
        for key in ("read_as", "expanded", "expected_tex", "exact", "tolerance"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        out["notes"] = list(self.notes)
        return out

    def text(self) -> str:
        """A short plain-text report for the terminal (in :attr:`lang`)."""
        lang = self.lang

        def say(key: str, **args: Any) -> str:
            return catalog.text(f"check.line.{key}", lang, **args)

        grad = grad_name(self.wrt)
        lines = []
        if self.exact is not None:
            if self.ok:
                lines.append(say("value_correct", grad=grad, value=self.submitted))
            else:
                code = self.diagnoses[0].code
                lines.append(say("value_incorrect", grad=grad, value=self.submitted, code=code))
            for d in self.diagnoses:
                lines.append(f"  {d.message}")
            lines.append("  " + say("exact", value=self.expected))
        elif self.ok:
            lines.append(say("correct", grad=grad, formula=self.read_as))
            lines.append("  " + say("equals", grad=grad, shape=shape_text(self.shape)))
        else:
            first = self.diagnoses[0]
            lines.append(say("incorrect", code=first.code, message=first.message))
            for d in self.diagnoses[1:]:
                lines.append("  " + say("also", code=d.code, message=d.message))
            lines.append("  " + say("yours", formula=self.read_as))
            fix = (
                self.expected
                if self.expanded in (None, self.expected)
                else (f"{self.expected}   (= {self.expanded})")
            )
            lines.append("  " + say("fix", symbol=self.wrt_symbol(), formula=fix))
        lines += ["  " + say("note", note=n) for n in self.notes]
        return "\n".join(lines)

    def wrt_symbol(self) -> str:
        return "d" + self.wrt


def grad_name(wrt: str) -> str:
    """``W2`` → ``∂L/∂W2``."""
    return f"∂L/∂{wrt}"


def shape_text(shape: tuple[int, ...]) -> str:
    """``(2, 1)``."""
    return f"({', '.join(str(int(s)) for s in shape)})"
