"""The locale catalogues: all prose, per language, in ``derive/locale/<lang>.toml``.

:func:`catalogue` loads one language (cached); :func:`text` looks up one entry by a dotted key
and fills its ``{{name}}`` placeholders. A key names nested tables and then an entry, whose own
name may contain dots: ``section.forward``, ``network.diagram.entry``,
``prove.reasons.proof.definition`` (table ``prove``, table ``reasons``, key
``proof.definition``). No Jinja and no SymPy here, so the CLI can read titles instantly.
"""

from __future__ import annotations

import functools
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from typing import Any, TypeVar

from derive.errors import DeriveError

E = TypeVar("E", bound=DeriveError)

LANGS = ("en", "zh")

_SLOT = re.compile(r"\{\{(\w+)\}\}")


@functools.cache
def catalogue(lang: str) -> dict[str, Any]:
    """The prose of one language (``derive/locale/<lang>.toml``)."""
    if lang not in LANGS:
        raise ValueError(f"unknown language {lang!r}; available: {', '.join(LANGS)}")
    source = (resources.files("derive") / "locale" / f"{lang}.toml").read_text("utf-8")
    return tomllib.loads(source)


def lookup(key: str, lang: str) -> Any:
    """The catalogue entry (text or table) at the dotted ``key``; ``KeyError`` if there is
    none. At each table the longest remaining key that is present wins, so a quoted key with
    dots (``'proof.definition'``) is found as well as nested tables."""
    node: Any = catalogue(lang)
    rest = key
    while True:
        if not isinstance(node, dict):
            raise KeyError(f"no catalogue entry {key!r} in {lang}")
        if rest in node:
            return node[rest]
        head, dot, rest = rest.partition(".")
        if not dot or head not in node:
            raise KeyError(f"no catalogue entry {key!r} in {lang}")
        node = node[head]


def fill(template: str, args: dict[str, Any]) -> str:
    """``template`` with each ``{{name}}`` replaced by ``str(args[name])`` (``KeyError`` if a
    placeholder has no value; extra arguments are ignored)."""

    def one(m: re.Match[str]) -> str:
        if m.group(1) not in args:
            raise KeyError(f"placeholder {{{{{m.group(1)}}}}} has no value in: {template}")
        return str(args[m.group(1)])

    return _SLOT.sub(one, template)


def text(key: str, lang: str, /, **args: Any) -> str:
    """The text at the dotted ``key`` in ``lang``, its placeholders filled from ``args``."""
    entry = lookup(key, lang)
    if not isinstance(entry, str):
        raise KeyError(f"catalogue entry {key!r} in {lang} is a table, not a text")
    return fill(entry, args)


@dataclass(frozen=True)
class Said:
    """A sentence not yet in a language: a catalogue key and its arguments (texts, numbers, or
    other :class:`Said`, rendered in the same language)."""

    key: str
    args: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str = "en") -> str:
        args = {k: v.render(lang) if isinstance(v, Said) else v for k, v in self.args}
        return text(self.key, lang, **args)


def said(key: str, /, **args: Any) -> Said:
    """``Said(key, args)``: ``said("refuse.tie", node="L", entry=[0, 0])``."""
    return Said(key, tuple(args.items()))


def refusal(make: Callable[[str], E], sentence: Said) -> E:
    """The error ``make`` builds from ``sentence`` in English (its ``str()``, as before), which
    remembers the sentence so :func:`localized` can say it in another language: the text
    ``make`` puts around it (``source: ``) is kept as it is."""
    body = sentence.render("en")
    err = make(body)
    full = str(err)
    at = full.find(body)
    if at >= 0:
        err.said = (full[:at], sentence, full[at + len(body) :])
    return err


def localized(err: BaseException, lang: str) -> str:
    """The message of ``err`` in ``lang``: its catalogue sentence when it has one
    (:func:`refusal`), else its English ``str()``."""
    s = getattr(err, "said", None)
    if s is None or lang == "en":
        return str(err)
    head, sentence, tail = s
    return head + sentence.render(lang) + tail
