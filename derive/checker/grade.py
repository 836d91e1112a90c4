"""Batch grading: ``derive grade SUBMISSIONS -o REPORT``.

A submission is one row of a CSV file (with a header) or one JSON object per line (JSON Lines):
``id``, ``network`` (a built-in name or a spec path), ``wrt`` (``W2``, ``Z1``, ``W1[0,0]``,
``w11``; may be left empty when the formula starts with ``dW2 = …``), ``formula`` *or*
``value`` (a hand-computed number), and optionally ``kind``: ``numpy`` (the expression language
and NumPy spellings), ``latex`` or ``value``; without it a number in ``value`` is a value, a
formula with LaTeX commands or ``^{…}``/``_{…}`` is LaTeX, anything else NumPy.

:func:`grade` answers one row with a plain dict (``id``, ``network``, ``wrt``, ``verdict`` —
``correct``, ``incorrect``, ``unreadable`` for input the checker cannot read, ``error`` for a
row that is not a submission — ``codes``, ``message``, ``expected``, ``notes``); one bad row
never stops the batch. :func:`grade_all` grades many rows in parallel (one process per core,
``fork``: the networks are derived once, before the workers start; identical submissions are
graded once). :func:`summary` counts the mistake codes across the class and renders one Markdown
table a lecturer can paste. :func:`write_report` writes CSV or JSON.
"""

from __future__ import annotations

import csv
import io
import json
import multiprocessing
import os
import re
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from derive.checker.check import FormulaError, check, zero_based_wrt
from derive.checker.checknet import CACHE_SIZE, net_for
from derive.checker.formula import tensor_of
from derive.checker.names import looks_latex
from derive.checker.verdict import CODES, Msg, msg
from derive.errors import BadInput
from derive.files import read_capped
from derive.lang.spec import SpecError, builtin_names
from derive.locale import catalog

FIELDS = ("id", "network", "wrt", "variant", "verdict", "codes", "message", "expected", "notes")
# ``variant``: an exercise variant's values (``derive build -f exercises --variant N --seed S``)
# to grade against; a function ``(network, variant, seed) -> Derivation`` given by the caller
# (the CLI) makes them, since the exercises live in a later layer than the checker.
Resolve = Callable[[str, int, int], Any]
KINDS = {
    "numpy": "numpy",
    "python": "numpy",
    "formula": "numpy",
    "latex": "latex",
    "tex": "latex",
    "value": "value",
    "number": "value",
}
MAX_ROWS = 1_000_000
MAX_FILE = 512 * 1024 * 1024
_DECIMAL = re.compile(r"\s*[+\-−]?(\d+\.?\d*|\.\d+)([eE][+\-]?\d+)?\s*")


class GradeError(Exception):
    """A submissions file that cannot be read at all (exit 2): ``message`` a :class:`Msg`,
    rendered in the command's language by :meth:`localized`."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render())
        self.msg = message

    def localized(self, lang: str = "en") -> str:
        return self.msg.render(lang)


# ---- reading ------------------------------------------------------------------------------------


def read_submissions(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Rows of a CSV (header) or JSON Lines file (``.jsonl``/``.json``, or content starting with
    ``{``). A JSON line that does not parse becomes a row with ``_error``, graded as ``error``."""
    p = Path(path)
    try:
        data = read_capped(p, MAX_FILE)  # /dev/zero has size 0; a FIFO may have no writer
        if len(data) > MAX_FILE:
            raise GradeError(msg("cg7.too_large", path=str(p), mib=MAX_FILE // 2**20))
    except OSError as err:
        raise GradeError(msg("cg7.unreadable", path=str(p), why=str(err.strerror or err))) from None
    text = _decoded(data)
    if text is None:
        raise GradeError(msg("cg7.not_utf8", path=str(p)))
    jsonl = p.suffix.lower() in (".jsonl", ".json", ".ndjson") or text.lstrip().startswith("{")
    rows: list[dict[str, Any]] = []
    if jsonl:
        for n, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                obj = {"_error": msg("cg5.not_json", n=n, col=err.colno)}
            except (RecursionError, ValueError):  # nested thousands deep, a 5,000-digit number
                obj = {"_error": msg("cg5.json_too_deep", n=n)}
            if not isinstance(obj, dict):
                obj = {"_error": msg("cg5.not_object", n=n)}
            obj = _canonical_keys(obj)
            obj.setdefault("id", obj.get("id", f"line {n}"))
            rows.append(obj)
    else:
        reader = csv.DictReader(io.StringIO(text), delimiter=_delimiter(text))
        try:
            header = reader.fieldnames
            body, last = [], reader.line_num
            for record in reader:  # each with the file's line it starts on (a cell may hold \n)
                body.append((last + 1, record))
                last = reader.line_num
        except csv.Error as err:  # a field over csv.field_size_limit(), a NUL in old Pythons
            raise GradeError(msg("cg7.not_csv", path=str(p), why=str(err))) from None
        if not header or "network" not in [_column(f) for f in header]:
            raise GradeError(msg("cg7.no_header", path=str(p)))
        for n, row in body:
            clean = _canonical_keys({(k or ""): v for k, v in row.items() if k is not None})
            if None in row:
                clean["_error"] = msg("cg5.extra_fields", n=n)
            missing = [k for k, v in clean.items() if v is None]
            if missing:  # a short row: its last columns are not there (not merely empty)
                clean["_error"] = msg("cg5.missing_fields", n=n, names=", ".join(missing))
            clean.setdefault("id", f"line {n}")
            if not str(clean.get("id") or "").strip():
                clean["id"] = f"line {n}"
            rows.append(clean)
    if len(rows) > MAX_ROWS:
        raise GradeError(msg("cg7.too_many_rows", path=str(p), n=len(rows), limit=MAX_ROWS))
    return rows


# the columns as spreadsheets and LMS exports name them: any case (``ID``, ``Network``), and
# the plain words a lecturer types, in English and Chinese; the names of the README win
ALIASES = {
    "student": "id",
    "student id": "id",
    "学号": "id",
    "编号": "id",
    "net": "network",
    "网络": "network",
    "parameter": "wrt",
    "param": "wrt",
    "参数": "wrt",
    "answer": "formula",
    "答案": "formula",
    "公式": "formula",
    "数值": "value",
    "值": "value",
    "类型": "kind",
    "变体": "variant",
    "种子": "seed",
}


def _column(name: str) -> str:
    key = name.strip().lower()
    return ALIASES.get(key, key)


def _canonical_keys(row: dict[str, Any]) -> dict[str, Any]:
    """``row`` with its column names read as :func:`_column` reads them; a name the file
    already uses as written (``formula`` beside ``答案``) keeps its own column."""
    out: dict[str, Any] = {}
    for k, v in row.items():
        if k.startswith("_"):  # the reader's own keys (``_error``)
            out[k] = v
            continue
        key = _column(k)
        if key in out and key == k.strip().lower():
            out[key] = v  # the README's name wins over an alias met earlier
        else:
            out.setdefault(key, v)
    return out


def _delimiter(text: str) -> str:
    """The CSV's delimiter, from its header line: a comma, or the semicolon that Excel writes in
    locales with a decimal comma, or a tab (a spreadsheet's rows pasted or saved as text)."""
    first = text.split("\n", 1)[0]
    for sep in (",", ";", "\t"):
        if "network" in (_column(f) for f in first.split(sep)):
            return sep
    return ","


def _cjk(c: str) -> bool:
    return (
        "\u4e00" <= c <= "\u9fff"
        or "\u3000" <= c <= "\u303f"
        or "\uff00" <= c <= "\uffef"
        or "\u3400" <= c <= "\u4dbf"
    )


def _decoded(data: bytes) -> str | None:
    """The file's text: UTF-8 (with or without Excel's BOM), UTF-16 with its BOM (Excel's
    "Unicode text"), or GBK — what Excel writes for "CSV" in a Chinese locale — where every
    non-ASCII byte is one of a pair (:func:`_double_bytes`) and the reading gives only ASCII
    and Chinese characters (any other text, e.g. Latin-1 names, stays refused: a wrong guess
    would change students' ids). None: none of these."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    if not _double_bytes(data):
        return None
    try:
        text = data.decode("gbk")
    except UnicodeDecodeError:
        return None
    return text if all(c.isascii() or _cjk(c) for c in text) else None


def _double_bytes(data: bytes) -> bool:
    """Whether every non-ASCII byte starts a pair of high bytes, as GBK writes the Chinese
    characters of names and comments: Latin-1's ``É`` before an ASCII ``m`` (``Émile``), which
    GBK would read as one character, is no such pair."""
    i, n = 0, len(data)
    while i < n:
        if data[i] < 0x80:
            i += 1
        elif 0x81 <= data[i] <= 0xFE and i + 1 < n and 0x80 <= data[i + 1] <= 0xFE:
            i += 2
        else:
            return False
    return True


# ---- one row -----------------------------------------------------------------------------------


class _RowError(ValueError):
    """A row that is not a submission, its reason a catalogue message (``str()``: English)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.render("en"))
        self.msg = message


def spec_error_text(err: SpecError, lang: str = "en") -> str:
    """A network that cannot be used, in ``lang``: an unknown name lists the built-ins (in
    Chinese too); a spec file's own error is named as the spec reader words it."""
    if lang == "en" or err.said is not None:
        return catalog.localized(err, lang)
    if err.message == "no such built-in network or file":
        names = ", ".join(builtin_names())
        return msg("heldcheck8.no_network", net=err.source, names=names).render(lang)
    return msg("heldcheck8.bad_network", detail=str(err)).render(lang)



def _text(row: dict[str, Any], key: str) -> str | None:
    v = row.get(key)
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, str | int | float):
        raise _RowError(msg("heldcheck8.row_type", key=key))
    s = str(v).strip()
    return s or None


_PLAIN_WRT = re.compile(r"\s*([A-Za-z_]\w*)\s*(?:\[[^\]]*\]\s*)*")


def _wrt_in_network(target: Any, wrt: str) -> None:
    """A ``wrt`` column naming nothing of the network (``W9`` on mlp-bce, ``w99`` on tiny-mlp):
    the row's own error — the question's input, not a student's mistake — naming the column,
    the value and the network's parameters. A name of the network without a gradient, an index
    outside a tensor or a spelling this check does not read stay the checker's to judge."""
    m = _PLAIN_WRT.fullmatch(wrt)
    if m is None:
        return
    n = net_for(target, 0)
    name = m.group(1)
    bare = name[1:] if name.startswith("d") and len(name) > 1 else name
    names = (n.label_at, n.names, n.spec.inputs, n.spec.constants)
    if any(t in where for t in (name, bare) for where in names) or tensor_of(n, name) is not None:
        return
    if zero_based_wrt(n, wrt)[0] != wrt:  # theta0 (0-based), theta_1: an entry the check reads
        return
    params = list(n.spec.params)
    entry = f"{params[0]}[0,0]" if params else "W[0,0]"
    raise _RowError(
        msg("cg6.row_wrt", wrt=wrt, net=n.spec.name, params=", ".join(params), entry=entry)
    )


def _key(row: dict[str, Any]) -> tuple[Any, ...]:
    """Rows with the same key get the same answer (whitespace inside a formula ignored)."""
    parts = []
    for k in ("network", "wrt", "variant", "seed", "kind", "formula", "value", "_error"):
        v = row.get(k)
        parts.append(re.sub(r"\s+", " ", v.strip()) if isinstance(v, str) else repr(v))
    return tuple(parts)


def _count(row: dict[str, Any], key: str) -> int | None:
    """A whole number ≥ 0 in column ``key`` (``3``, ``3.0``), None when empty."""
    text = _text(row, key)
    if text is None:
        return None
    try:
        number = float(text)
    except ValueError:
        number = -1.0
    if not number.is_integer() or number < 0:
        raise _RowError(msg("heldcheck8.row_count", key=key, text=text))
    return int(number)


_VARIANTS: dict[tuple[str, int, int], Any] = {}


def _variant(net: str, variant: int, seed: int, resolve: Resolve | None) -> Any:
    if resolve is None:
        raise _RowError(msg("heldcheck8.row_variant"))
    key = (net, variant, seed)
    if key not in _VARIANTS:
        _VARIANTS[key] = resolve(net, variant, seed)
    return _VARIANTS[key]


def grade(row: dict[str, Any], lang: str = "en", resolve: Resolve | None = None) -> dict[str, Any]:
    """Grade one submission row; never raises for a bad row (``verdict`` ``error`` or
    ``unreadable`` with the reason in ``message``). A row with a ``variant`` (and optional
    ``seed``, default 0) is graded against that exercise variant's values, made by
    ``resolve``."""

    out: dict[str, Any] = {
        "id": str(row.get("id", "")),
        "network": str(row.get("network", "") or ""),
        "wrt": str(row.get("wrt", "") or ""),
        "variant": "",
        "verdict": "error",
        "codes": [],
        "message": "",
        "expected": "",
        "notes": [],
    }
    try:
        if row.get("_error"):  # a line the reader could not take (a Msg), or a row's own key
            bad = row["_error"]
            raise _RowError(bad) if isinstance(bad, Msg) else ValueError(bad)
        net = _text(row, "network")
        if net is None:
            raise _RowError(msg("heldcheck8.row_network"))
        variant, seed = _count(row, "variant"), _count(row, "seed")
        if variant is None and seed is not None:
            raise _RowError(msg("heldcheck8.row_seed"))
        target: Any = net
        if variant is not None:
            out["variant"] = f"{variant} (seed {seed or 0})"
            target = _variant(net, variant, seed or 0, resolve)
        wrt = _text(row, "wrt")
        if wrt is not None:
            _wrt_in_network(target, wrt)
        formula = _text(row, "formula")
        value = _text(row, "value")
        kind_raw = (_text(row, "kind") or "").lower()
        if kind_raw and kind_raw not in KINDS:
            raise _RowError(msg("heldcheck8.row_kind", kind=kind_raw))
        kind = KINDS.get(kind_raw)
        if kind is None:
            if value is not None and formula is None:
                kind = "value"
            elif formula is not None and _DECIMAL.fullmatch(formula):
                kind, value = "value", formula  # a number typed into the formula column
            elif formula is not None and looks_latex(formula):
                kind = "latex"
            else:
                kind = "numpy"
        if kind == "value":
            value = value if value is not None else formula
            if value is None:
                raise _RowError(msg("heldcheck8.row_value"))
            result = check(target, wrt, value=value, lang=lang)
        else:
            if formula is None:
                raise _RowError(msg("heldcheck8.row_nothing"))
            result = check(target, wrt, formula, latex=kind == "latex", lang=lang)
    except FormulaError as err:
        out["verdict"] = "unreadable"
        out["message"] = err.localized(lang)
        return out
    except SpecError as err:  # a bad network: the row's network column
        out["message"] = msg("cg6.row_network", detail=spec_error_text(err, lang)).render(lang)
        return out
    except BadInput as err:  # a variant the exercises refuse
        out["message"] = str(err)
        return out
    except _RowError as err:  # the row itself (checked above)
        out["message"] = err.msg.render(lang)
        return out
    except (ValueError, TypeError) as err:  # the row itself (checked above) or a bad option
        out["message"] = str(err)
        return out
    except RecursionError:
        out["verdict"] = "unreadable"
        out["message"] = msg("cg5.too_deep").render(lang)
        return out
    d = result.as_dict()
    out["verdict"] = result.verdict
    out["codes"] = [x["code"] for x in d["diagnoses"]]
    out["message"] = " | ".join(x["message"] for x in d["diagnoses"]) or (
        d["notes"][0] if d["notes"] else ""
    )
    out["expected"] = result.expected
    out["notes"] = list(d["notes"])
    return out


# ---- many rows ---------------------------------------------------------------------------------

_LANG = "en"
_RESOLVE: Resolve | None = None


def _work(item: tuple[int, dict[str, Any]]) -> tuple[int, dict[str, Any]]:
    i, row = item
    try:
        return i, grade(row, _LANG, _RESOLVE)
    except Exception as err:  # noqa: BLE001 - an internal error in one row stays in that row
        out = {k: "" for k in FIELDS}
        out.update(
            id=str(row.get("id", "")),
            verdict="error",
            codes=[],
            notes=[],
            message=msg("cg5.internal", kind=type(err).__name__).render(_LANG),
        )
        return i, out


def _init(lang: str, resolve: Resolve | None = None) -> None:
    global _LANG, _RESOLVE
    _LANG, _RESOLVE = lang, resolve


def _warm(rows: Sequence[dict[str, Any]], resolve: Resolve | None = None) -> None:
    """Derive each network (and exercise variant) the rows name once, before the workers fork
    (they inherit it)."""

    seen: list[str] = []
    for row in rows:
        net = row.get("network")
        if isinstance(net, str) and net.strip() and net.strip() not in seen:
            seen.append(net.strip())
    for net in seen[:CACHE_SIZE]:
        try:
            n = net_for(net, 0)
            n.zero, n.other_dims, n.example, n.float_env  # noqa: B018 - build the lazy points
        except Exception:  # noqa: BLE001 - a bad network is reported by its rows
            continue
    for row in rows:
        try:
            variant, net = _count(row, "variant"), _text(row, "network")
            if variant is not None and net is not None and resolve is not None:
                _variant(net, variant, _count(row, "seed") or 0, resolve)
        except Exception:  # noqa: BLE001 - a bad variant is reported by its rows
            continue


def grade_all(
    rows: Sequence[dict[str, Any]],
    *,
    jobs: int | None = None,
    lang: str = "en",
    progress: Callable[[int, int], None] | None = None,
    resolve: Resolve | None = None,
) -> list[dict[str, Any]]:
    """Grade ``rows`` (in order) on ``jobs`` processes (default: the number of cores);
    identical submissions are graded once; ``resolve`` makes the exercise variants that rows
    name (see :func:`grade`)."""

    catalog.catalogue(lang)  # ValueError for an unknown language
    groups: dict[tuple[Any, ...], list[int]] = {}
    for i, row in enumerate(rows):
        groups.setdefault(_key(row), []).append(i)
    unique = [(k, rows[idx[0]]) for k, idx in groups.items()]
    # the same network together: the cache in each worker stays warm
    order = sorted(range(len(unique)), key=lambda u: (str(unique[u][1].get("network")), u))
    work = [(u, unique[u][1]) for u in order]
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(work) or 1))
    answers: dict[int, dict[str, Any]] = {}
    done = 0
    total = len(rows)

    def tick(u: int) -> None:
        nonlocal done
        done += len(groups[unique[u][0]])
        if progress is not None:
            progress(done, total)

    _warm([r for _, r in work], resolve)
    if jobs == 1 or len(work) < 50 or "fork" not in multiprocessing.get_all_start_methods():
        _init(lang, resolve)
        for item in work:
            u, ans = _work(item)
            answers[u] = ans
            tick(u)
    else:
        ctx = multiprocessing.get_context("fork")
        chunk = max(1, min(64, len(work) // (jobs * 8) or 1))
        with ctx.Pool(jobs, initializer=_init, initargs=(lang, resolve)) as pool:
            for u, ans in pool.imap_unordered(_work, work, chunksize=chunk):
                answers[u] = ans
                tick(u)
    out: list[dict[str, Any]] = [{} for _ in rows]
    for u, (k, _) in enumerate(unique):
        for i in groups[k]:
            ans = dict(answers[u])
            ans["id"] = str(rows[i].get("id", ""))
            out[i] = ans
    return out


# ---- the report ---------------------------------------------------------------------------------


def summary(results: Iterable[dict[str, Any]], lang: str = "en") -> dict[str, Any]:
    """Counts of verdicts and mistake codes across the class, per question too (network and
    ``wrt``), and Markdown tables to paste (headers, verdict words and each code's meaning in
    ``lang``; the codes are identifiers and stay as they are)."""

    def say(key: str) -> str:
        return catalog.text(f"check.round2.summary.{key}", lang)

    results = list(results)
    verdicts = Counter(r["verdict"] for r in results)
    codes: Counter[str] = Counter()
    first: Counter[str] = Counter()
    for r in results:
        codes.update(set(r.get("codes") or []))
        if r.get("codes"):
            first[r["codes"][0]] += 1
    n = len(results) or 1
    lines = [
        f"**{say('by_code')}**",
        "",
        f"| {say('code')} | {say('submissions')} | {say('share')} | {say('main')} | {say('meaning')} |",
        "|---|---:|---:|---:|---|",
    ]
    for code, count in sorted(codes.items(), key=lambda kv: (-kv[1], kv[0])):
        meaning = catalog.text(f"check.code_meaning.{code}", lang) if code in CODES else ""
        lines.append(
            f"| `{code}` | {count} | {100 * count / n:.1f} % | {first[code]} | {meaning} |"
        )
    lines += ["", f"**{say('by_question')}**", ""]
    questions = _questions(results)
    lines += _question_table(questions, say)
    lines += ["", f"**{say('by_verdict')}**", ""]
    lines.append(
        f"| {say('verdict')} | {say('submissions')} |\n|---|---:|\n"
        + "\n".join(
            f"| {say(v)} | {verdicts.get(v, 0)} |"
            for v in ("correct", "incorrect", "unreadable", "error")
        )
    )
    ids = Counter(str(r.get("id", "")) for r in results)
    repeated = [f"{k} ({c})" for k, c in ids.items() if c > 1]
    if repeated:  # two rows of one student (or a copied id): both graded, said here
        shown = ", ".join(repeated[:20]) + (" …" if len(repeated) > 20 else "")
        lines += ["", catalog.text("check.round2.summary.repeated", lang, ids=shown)]
    return {
        "submissions": len(results),
        "verdicts": dict(sorted(verdicts.items())),
        "codes": dict(sorted(codes.items(), key=lambda kv: (-kv[1], kv[0]))),
        "questions": questions,
        "markdown": "\n".join(lines) + "\n",
    }


def _questions(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Per question (network and ``wrt`` as the rows name them, in first-seen order): the
    submissions, their verdicts and the mistake codes among them."""
    by: dict[tuple[str, str], dict[str, Any]] = {}
    for r in results:
        key = (str(r.get("network") or ""), str(r.get("wrt") or ""))
        q = by.setdefault(
            key, {"network": key[0], "wrt": key[1], "submissions": 0, "verdicts": {}, "codes": {}}
        )
        q["submissions"] += 1
        q["verdicts"][r["verdict"]] = q["verdicts"].get(r["verdict"], 0) + 1
        for code in dict.fromkeys(r.get("codes") or []):
            q["codes"][code] = q["codes"].get(code, 0) + 1
    for q in by.values():
        q["codes"] = dict(sorted(q["codes"].items(), key=lambda kv: (-kv[1], kv[0])))
    return list(by.values())


def _question_table(questions: list[dict[str, Any]], say: Callable[[str], str]) -> list[str]:
    """The Markdown table of :func:`_questions`: one row a question, its verdict counts and its
    most frequent mistake codes (up to three)."""
    verdicts = ("correct", "incorrect", "unreadable", "error")
    head = " | ".join(say(v) for v in verdicts)
    lines = [
        f"| {say('question')} | {say('submissions')} | {head} | {say('common')} |",
        "|---|---:|" + "---:|" * len(verdicts) + "---|",
    ]
    for q in questions:
        name = Path(q["network"]).name if q["network"].endswith(".toml") else q["network"]
        shown = f"{name or '—'} · {q['wrt'] or '—'}".replace("|", "\\|")
        counts = " | ".join(str(q["verdicts"].get(v, 0)) for v in verdicts)
        common = ", ".join(f"`{c}` ({k})" for c, k in list(q["codes"].items())[:3])
        lines.append(f"| {shown} | {q['submissions']} | {counts} | {common} |")
    return lines


def write_report(
    results: list[dict[str, Any]], path: str | os.PathLike[str], lang: str = "en"
) -> dict[str, Any]:
    """Write ``results`` as CSV (``.csv``) or JSON (anything else: ``{"results": …, "summary":
    …}``) atomically; the summary also goes next to a CSV as ``<name>.summary.md``. Returns the
    summary."""
    p = Path(path)
    summ = summary(results, lang)
    if p.suffix.lower() == ".csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(FIELDS), lineterminator="\n")
        w.writeheader()
        for r in results:
            row = {k: r.get(k, "") for k in FIELDS}
            row["codes"] = " ".join(r.get("codes") or [])
            row["notes"] = " | ".join(r.get("notes") or [])
            w.writerow(row)
        _atomic(p, buf.getvalue())
        _atomic(p.with_name(p.stem + ".summary.md"), summ["markdown"])
    else:
        text = json.dumps({"results": results, "summary": summ}, ensure_ascii=False, indent=1)
        _atomic(p, text + "\n")
    return summ


def _atomic(p: Path, text: str) -> None:
    tmp = p.with_name(f".{p.name}.{os.getpid()}.tmp")
    try:
        tmp.write_text(text, "utf-8")
        os.replace(tmp, p)
    finally:
        if tmp.exists():
            tmp.unlink()


def progress_bar(done: int, total: int, stream: Any = None, lang: str = "en") -> None:
    """``grading [#####.....] 512/10000`` on stderr, redrawn in place."""
    stream = stream or sys.stderr
    width = 30
    filled = width * done // max(total, 1)
    end = "\n" if done >= total else ""
    label = msg("cg7.grading").render(lang)
    stream.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}{end}")
    stream.flush()
