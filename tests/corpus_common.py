"""What every written corpus's tests share: no case repeats an earlier corpus, each
oracle-backed verdict is PyTorch's, not the checker's, and the checker must give each case's
verdict (a known failure a strict xfail)."""

from __future__ import annotations

import functools
import tomllib
import warnings
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import numpy as np
import pytest


def _key(c: dict) -> tuple[str, str, str, str]:
    return (c["net"], c["wrt"], c["kind"], c["text"].strip())


def repeats(cases: Iterable[dict], earlier: Iterable[dict]) -> list[str]:
    """The ids of ``cases`` that repeat a case of ``earlier`` word for word."""
    seen = {_key(c) for c in earlier}
    return [c["id"] for c in cases if _key(c) in seen]


def oracle_agrees(case: dict) -> bool:
    """Does the PyTorch oracle give the verdict the corpus states for ``case``?"""
    import check_oracle

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return check_oracle.oracle_ok(case["net"], case["wrt"], case["oracle"]) == (
            case["verdict"] == "correct"
        )


def adder(rows: list[dict], round_of: Callable[[], str]) -> Callable[..., None]:
    """The ``C(net, wrt, kind, text, code=None, …)`` of a corpus file: appends one case to
    ``rows``; ``code`` None is a right answer, ``"REFUSE"`` an unreadable one, else the expected
    diagnosis; ``round_of()`` names the round being written (read at each call)."""

    def C(  # noqa: N802
        net, wrt, kind, text, code=None, oracle=None, style="", note="", lang="en", opts=None,
        must=(),
    ) -> None:
        verdict = "correct" if code is None else "unreadable" if code == "REFUSE" else "incorrect"
        rows.append(
            dict(
                net=net,
                wrt=wrt,
                kind=kind,
                text=text,
                verdict=verdict,
                code=None if code == "REFUSE" else code,
                oracle=oracle,
                style=style,
                note=note,
                round=round_of(),
                lang=lang,
                opts=dict(opts or {}),
                must=tuple(must),
            )
        )

    return C


@functools.lru_cache(maxsize=None)
def _course_spec_and_point(path: str) -> tuple[Any, Any]:
    """The course network's spec and derive's example point, derived once per spec file (every
    oracle of a network runs the spec's own text at the same point; deriving it per case cost
    most of a corpus's oracle test)."""
    import spelled_oracle as so

    s = so.spec_mod.load(path)
    return s, so.numeric.example_point(so.derive(s).graph)


def _channel_of(wrt: str, ns: dict) -> tuple[str, tuple[int, ...]]:
    """``wrt`` as a name of the spec's namespace and the index of its entry: a convolution's
    channels are split by derive into names of their own (``W01`` is ``W[0, 1]``, ``b0`` is
    ``b[0]``: one digit an axis from the first); any other name is itself, the whole tensor."""
    if wrt in ns:
        return wrt, ()
    base = wrt.rstrip("0123456789")
    digits = wrt[len(base):]
    if base in ns and digits:
        return base, tuple(int(d) for d in digits)
    return wrt, ()


def course_oracle_ok(case: dict) -> bool:
    """Is the NumPy expression ``case["oracle"]`` ∂L/∂wrt on the course network, with the
    spec's own [forward] text run in PyTorch float64 at the example point (tests/spelled_oracle.py)?"""
    import spelled_oracle as so
    import torch

    path = Path(case["net"])
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    s, point = _course_spec_and_point(str(path))
    ns = so.namespace(s, raw, point)
    # this spec's own dialect (spelled_oracle.execute sets it per spec, and a NumPy spec run
    # before this one on the same worker left it set: x.std(0, keepdim=True) then failed)
    texts = [t for t in raw["forward"].values() if isinstance(t, str)]
    so._NUMPY_SPEC[0] = so.dialect_of(texts) == "np"
    dtype = torch.get_default_dtype()
    torch.set_default_dtype(torch.float64)  # a spec's torch.ones(…) is float64, as in derive
    wrt, channel = _channel_of(case["wrt"], ns)
    if isinstance(ns.get(wrt), torch.Tensor) and not ns[wrt].requires_grad:  # an input
        ns[wrt] = ns[wrt].detach().clone().requires_grad_(True)
    try:
        for key, text in raw["forward"].items():  # our own spec's text, as spelled_oracle runs it
            value = eval(compile(text, key, "eval"), ns)  # noqa: S307
            names = [k.strip() for k in key.split(",")]
            if len(names) > 1:  # a tuple node ("a, g" = torch.split(…), "var, mu" = torch.var_mean(…))
                ns.update(zip(names, value))
            else:
                ns[key] = value
            if key == wrt:  # a node: its gradient kept
                ns[key].retain_grad()
    finally:
        torch.set_default_dtype(dtype)
    loss = ns[list(raw["forward"])[-1]]
    loss.backward()
    env = {k: v.detach().numpy() for k, v in ns.items() if isinstance(v, torch.Tensor)}
    env.update({k: int(v) for k, v in s.dims.items()})
    env.update(so.constant_values(raw.get("constants") or {}, s.dims))
    want = ns[wrt].grad.numpy()[channel]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        got = eval(case["oracle"], {"np": np, "sigmoid": lambda z: 1 / (1 + np.exp(-z))}, env)  # noqa: S307
    got = np.asarray(got).reshape(want.shape) if np.size(got) == want.size else np.asarray(got)
    return got.shape == want.shape and bool(np.allclose(got, want, rtol=1e-9, atol=1e-12))


def graded(sub: Path, report: Path, *extra: str) -> dict:
    """The report of ``derive grade SUB -o REPORT`` (one job, quiet, ``extra`` options such as
    ``--lang zh``) run as a class would run it, in a fresh process on this checkout; the run
    must end with exit 0."""
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    done = subprocess.run(
        [sys.executable, "-m", "derive", "grade", str(sub), "-o", str(report), "--jobs", "1", "--quiet",
         *extra],
        capture_output=True, text=True, env=env, timeout=900,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(report.read_text(encoding="utf-8"))


def assert_rows_graded(picked: list[dict], tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of the corpus cases ``picked`` (the input kind
    given): each row gets the verdict and first code the corpus states (an unreadable row its own
    "unreadable" with the reader's message and no code), and the batch runs to the end."""
    import json

    sub = tmp_path / "answers.jsonl"
    with sub.open("w", encoding="utf-8") as f:
        for c in picked:
            row = {"id": c["id"], "network": c["net"], "wrt": c["wrt"], "kind": c["kind"]}
            row["value" if c["kind"] == "value" else "formula"] = c["text"]
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    results = {r["id"]: r for r in graded(sub, tmp_path / "report.json")["results"]}
    assert len(results) == len(picked)
    for c in picked:
        got = results[c["id"]]
        assert got["verdict"] == c["verdict"], (c["id"], got)
        if c["verdict"] == "unreadable":
            assert got["message"] and not got["codes"], (c["id"], got)
        if c["code"] not in (None, "*"):
            assert got["codes"][0] == c["code"], (c["id"], got)


# the corpora in the order they were written: a new corpus leaves out the cases of the earlier ones
ORDER = ("corpus2", "corpus3", "corpus4", "corpus5", "corpus6a", "corpus6b", "corpus7", "corpus8",
         "corpus9", "corpus10", "corpus11", "corpus12", "corpus13", "corpus14", "corpus15",
         "corpus16", "corpus17", "corpus18", "corpus19", "corpus20", "corpus21", "corpus22", "corpus23",
         "corpus24", "corpus25", "corpus26", "corpus27", "corpus28", "corpus29", "corpus30", "corpus31",
         "corpus32", "corpus33", "corpus34", "corpus34t", "corpus35", "corpus35t",
         "corpus36", "corpus36t", "corpus37", "corpus37t", "corpus38", "corpus38t", "corpus39",
         "corpus39t", "corpus40", "corpus40t", "corpus41", "corpus41t", "corpus42", "corpus42t", "corpus43", "corpus43t",
         "corpus44", "corpus44t", "corpus45", "corpus45t", "corpus46", "corpus46t",
         "corpus47", "corpus47t", "corpus48", "corpus48t", "corpus49", "corpus49t", "corpus50", "corpus50t")


# corpora written at the same time by two helpers (rounds 34, 35 and 36: code and LaTeX/numbers): neither
# is "earlier" than the other
SIBLINGS = {"corpus34": "corpus34t", "corpus34t": "corpus34", "corpus35": "corpus35t", "corpus35t": "corpus35",
            "corpus36": "corpus36t", "corpus36t": "corpus36",
            "corpus37": "corpus37t", "corpus37t": "corpus37",
            "corpus38": "corpus38t", "corpus38t": "corpus38",
            "corpus39": "corpus39t", "corpus39t": "corpus39",
            "corpus40": "corpus40t", "corpus40t": "corpus40",
            "corpus41": "corpus41t", "corpus41t": "corpus41",
            "corpus42": "corpus42t", "corpus42t": "corpus42",
            "corpus43": "corpus43t", "corpus43t": "corpus43",
            "corpus44": "corpus44t", "corpus44t": "corpus44",
            "corpus45": "corpus45t", "corpus45t": "corpus45",
            "corpus46": "corpus46t", "corpus46t": "corpus46",
            "corpus47": "corpus47t", "corpus47t": "corpus47",
            "corpus48": "corpus48t", "corpus48t": "corpus48",
            "corpus49": "corpus49t", "corpus49t": "corpus49",
            "corpus50": "corpus50t", "corpus50t": "corpus50"}


def before(name: str) -> tuple[str, ...]:
    """The corpora written before ``name`` (a module name of ORDER), its sibling not among them."""
    return tuple(m for m in ORDER[: ORDER.index(name)] if m != SIBLINGS.get(name))


def earlier_keys(name: str, key: Callable[[dict], tuple]) -> set[tuple]:
    """``key`` of every case of the corpora written before ``name`` (a module name of ORDER)."""
    import importlib

    return {key(c) for m in before(name) for c in importlib.import_module(m).load()}


OLDER = ("tiny-mlp", "neuron", "chain", "mlp-bce", "mlp-bce-weighted", "relu-mlp")
NEWER = ("rnn", "attention", "batchnorm", "softmax-regression")


def assert_networks_weighted(cases: list[dict], course_cases: int) -> None:
    """The six older built-ins weigh at least 70 % of ``cases``, every built-in has a case, and
    at least ``course_cases`` are on a lecturer's own networks (4 of them or more)."""
    nets = [c["net"] for c in cases]
    assert sum(nets.count(n) for n in OLDER) >= 0.7 * len(cases)
    for net in OLDER + NEWER:
        assert net in nets, net
    course = [n for n in nets if n.endswith(".toml")]
    assert len(course) >= course_cases and len(set(course)) >= 4


def written_cases(
    rows: list[dict], name: str, prefix: str, key: Callable[[dict], tuple]
) -> list[dict]:
    """The cases of corpus module ``name`` (a name of ORDER): ``rows`` numbered ``prefix-000``,
    … in the order written, then those repeating an earlier corpus word for word left out (the
    ids stay as written)."""
    for k, row in enumerate(rows):
        row["id"] = f"{prefix}-{k:03d}"
    seen = earlier_keys(name, key)
    return [c for c in rows if key(c) not in seen]


def case_params(cases: Iterable[dict], known: dict[str, str]) -> list[object]:
    """Each case as a test parameter named by its id, network (a spec file by its stem), wrt
    and the start of its text; a case in ``known`` (id -> why it still fails) a strict xfail."""
    out = []
    for c in cases:
        marks = [pytest.mark.xfail(reason=known[c["id"]], strict=True)] if c["id"] in known else []
        name = f"{c['id']}:{Path(c['net']).stem}:{c['wrt']}:{c['text'][:30]}"
        out.append(pytest.param(c, id=name, marks=marks))
    return out


def oracle_cases(cases: Iterable[dict]) -> list[dict]:
    """The cases whose verdict an oracle confirms."""
    return [c for c in cases if c.get("oracle")]


def stated_verdict_confirmed(case: dict) -> bool:
    """Does the oracle give the stated verdict: PyTorch on a built-in (tests/check_oracle.py),
    the spec's own text run in PyTorch on a course network (tests/spelled_oracle.py)?"""
    if case["net"].endswith(".toml"):
        return course_oracle_ok(case) == (case["verdict"] == "correct")
    return oracle_agrees(case)


def assert_checker_agrees(corpus: Any, case: dict) -> None:
    """derive.checker gives ``case`` its verdict and, where one is named, its diagnosis code
    (``corpus.run`` and ``corpus.judge`` of the case's corpus module)."""
    got = corpus.run(case)
    assert corpus.judge(case, got) == "ok", got


def assert_new_and_mixed(
    corpus: Any, cases: list[dict], known: dict[str, str], least: int, course: int, zh: int
) -> None:
    """A corpus's shape: at least ``least`` cases (at most 260), every built-in, ``course``
    lecturer networks no earlier corpus used, about half right, ≥ 5 refusals and ``zh`` Chinese
    cases, unique ids, no case repeating an earlier corpus, every known failure a case."""
    name = corpus.__name__
    assert least <= len(cases) <= 260
    nets = [c["net"] for c in cases]
    for net in OLDER + NEWER:
        assert net in nets, net
    specs = {n for n in nets if n.endswith(".toml")}
    assert len(specs) >= course
    for m in before(name):
        assert not specs & {c["net"] for c in __import__(m).load()}, m
    right = sum(c["verdict"] == "correct" for c in cases)
    assert 0.4 * len(cases) <= right <= 0.65 * len(cases)
    assert sum(c["verdict"] == "unreadable" for c in cases) >= 5
    assert sum(c["lang"] == "zh" for c in cases) >= zh
    assert len({c["id"] for c in cases}) == len(cases)
    assert not {corpus._key(c) for c in cases} & earlier_keys(name, corpus._key)
    assert set(known) <= {c["id"] for c in cases}


def corpus_tests(corpus: Any, cases: list[dict], known: dict[str, str]) -> tuple[Any, Any]:
    """The two slow tests of a written corpus (module ``corpus``, its ``cases``, ``known`` its
    strict xfails), bound in the corpus's test file as
    ``test_oracle_agrees_with_the_stated_verdict`` and ``test_checker_on_corpusNN``: every
    oracle confirms its case's stated verdict, and the checker gives every case its verdict and
    code."""

    @pytest.mark.slow
    @pytest.mark.parametrize("case", oracle_cases(cases), ids=lambda c: c["id"])
    def oracle_test(case: dict) -> None:
        """The corpus' verdicts come from PyTorch, not from the checker."""
        assert stated_verdict_confirmed(case)

    @pytest.mark.slow
    @pytest.mark.parametrize("case", case_params(cases, known))
    def checker_test(case: dict) -> None:
        assert_checker_agrees(corpus, case)

    return oracle_test, checker_test


def style_checker(cases: list[dict], verdict: Any) -> tuple[Any, Any]:
    """A code corpus's rule-test helpers: ``case(style)`` the case written in that style, and
    ``styles(want, *names)`` asserting ``verdict(net, wrt, text, lang)`` is ``want`` (verdict,
    code) for the case of each style."""

    def case(style: str) -> dict:
        return next(c for c in cases if c["style"] == style)

    def styles(want: tuple[str, str | None], *names: str) -> None:
        for style in names:
            c = case(style)
            assert verdict(c["net"], c["wrt"], c["text"], c["lang"]) == want, style

    return case, styles
