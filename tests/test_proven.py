"""The general proofs shipped with derive (``derive/proofs/proven.pickle``) are what the engine
proves now: every run proves them all from scratch and requires the shipped ones to be equal,
under the current key of their source (see :mod:`derive.proofs.proven`)."""

from __future__ import annotations

import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
import sympy as sp

from derive.proofs import proven
from derive.proofs import registry as R

ROOT = Path(__file__).resolve().parent.parent
AGAIN = "run `python -m derive.proofs` and commit derive/proofs/proven.pickle"


def _canonical(proof) -> tuple:
    """Everything a proof holds, comparable across two provings: each term's value (its
    ``srepr``, dummy symbols numbered in order of appearance), LaTeX, text and shape; the
    rule, reason, arguments and number of checked points of each step; the notes."""
    numbers: dict[str, str] = {}

    def value(v) -> str:
        text = sp.srepr(v) if isinstance(v, sp.Basic) else repr(v)
        # a Symbol's assumptions in one order: SymPy caches a symbol with the keyword order it was
        # first made with (the checker's resized sizes make D(positive, integer) before a proof's
        # D(integer, positive): the same symbol, another srepr — the full suite's order decided)
        text = re.sub(
            r"Symbol\('([^']*)', ([^()]*)\)",
            lambda m: f"Symbol('{m[1]}', {', '.join(sorted(m[2].split(', ')))})",
            text,
        )
        return re.sub(
            r"dummy_index=(\d+)", lambda m: numbers.setdefault(m[1], f"#{len(numbers)}"), text
        )

    def step(s) -> tuple:
        terms = [(value(t.value), t.tex, t.text, t.shape) for t in (s.lhs, s.rhs)]
        return (*terms, s.rule, s.reason, s.args, s.points)

    return (
        proof.name,
        step(proof.statement),
        tuple(step(s) for s in proof.steps),
        proof.assumptions,
        proof.notes,
    )


@pytest.fixture(scope="module")
def data() -> dict:
    return pickle.loads(proven.FILE.read_bytes())


def test_the_shipped_key_is_current(data) -> None:
    assert data["key"] == proven.key(), f"the shipped proofs are stale: {AGAIN}"
    assert set(proven.shipped()) == set(R.PROOFS)


def test_every_shipped_proof_is_what_the_engine_proves_now(data, monkeypatch) -> None:
    monkeypatch.setenv(proven.ENV, "off")
    fresh = pickle.loads(proven.dump(R.fresh_proofs()))["proofs"]  # as shipped: pickled
    assert list(data["proofs"]) == list(R.PROOFS)
    for name in R.PROOFS:
        assert _canonical(data["proofs"][name]) == _canonical(fresh[name]), f"{name}: {AGAIN}"


def test_the_key_covers_every_module_the_proofs_import() -> None:
    code = (
        "import sys, derive.proofs.registry\n"
        "print('\\n'.join(m.__file__ for n, m in sys.modules.items() if n.startswith('derive')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )
    package = ROOT / "derive"
    used = {str(Path(f).resolve().relative_to(package)) for f in done.stdout.split()}
    reader = {"cache.py", "proofs/proven.py"}  # read the shipped file; prove nothing
    assert used - reader <= set(proven.SOURCES), sorted(used - reader - set(proven.SOURCES))


def test_a_proof_comes_from_the_shipped_file_only_under_the_current_key(
    monkeypatch, tmp_path
) -> None:
    hit = R.get_proof("mse")
    assert hit.title == {lang: R.title("mse", lang) for lang in ("en", "zh")}
    assert _canonical(hit) == _canonical(proven.shipped()["mse"])
    stale = tmp_path / "proven.pickle"
    stale.write_bytes(pickle.dumps({"key": "0" * 64, "proofs": {"mse": hit}}))
    for env, path in (("", stale), ("off", proven.FILE)):
        monkeypatch.setattr(proven, "FILE", path)
        monkeypatch.setenv(proven.ENV, env)
        proven.shipped.cache_clear()
        try:
            assert proven.shipped() == {}
        finally:
            monkeypatch.undo()
            proven.shipped.cache_clear()
    assert "mse" in proven.shipped()
