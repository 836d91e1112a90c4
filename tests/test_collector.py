"""The cyclic garbage collector paused where a command only makes objects that live until it
ends (derive/forks.py ``collector_paused``): SymPy's, derive's and PyTorch's imports, and one
``derive build`` with its children. It runs again afterwards, and a nested pause changes
nothing."""

from __future__ import annotations

import gc

from conftest import invoke_cli

from derive import forks
from derive.render import build as B


def test_paused_then_as_before():
    assert gc.isenabled()
    with forks.collector_paused():
        assert not gc.isenabled()
        with forks.collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block does not turn it on
    assert gc.isenabled()
    gc.disable()
    try:
        with forks.collector_paused():
            pass
        assert not gc.isenabled()  # off before: off after
    finally:
        gc.enable()


def test_one_build_runs_with_the_collector_paused(tmp_path, monkeypatch):
    seen = []

    def build(plan, progress, worker=None, compiling=None):
        seen.append(gc.isenabled())
        return []

    monkeypatch.setattr(B, "build", build)
    res = invoke_cli(
        "build", "tiny-mlp", "-f", "md", "--lang", "en", "-o", str(tmp_path),
        env={"DERIVE_WORKER": "off", "DERIVE_CACHE": "off"},
    )
    assert res.returncode == 0, res.stderr
    assert seen == [False]
    assert gc.isenabled()


def test_objects_made_while_paused_are_not_walked_when_it_runs_again():
    """The objects made during a pause (an import's) are moved into the oldest generation on
    leaving it, so that turning the collector on does not walk them all at its next allocation;
    inside ``frozen_heap`` they join the frozen objects and are released with them."""
    made = []
    with forks.collector_paused():
        made += [[k] for k in range(50_000)]  # more than a young collection's threshold
        assert gc.get_count()[0] > gc.get_threshold()[0]
    assert gc.isenabled()
    assert gc.get_count()[0] < gc.get_threshold()[0]  # nothing young left to walk
    assert gc.get_freeze_count() == 0
    assert gc.is_tracked(made[-1])  # still collected as before, in the oldest generation
    with forks.frozen_heap():
        frozen = gc.get_freeze_count()
        with forks.collector_paused():
            made += [[k] for k in range(50_000)]
        assert gc.get_freeze_count() >= frozen + 50_000
        assert gc.get_count()[0] < gc.get_threshold()[0]
    assert gc.get_freeze_count() == 0
