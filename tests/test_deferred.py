"""Deferred identity tests (derive.engine.deferred): every step is still tested, a false step
is still reported with the error `derive` gives, with or without the child process."""

from __future__ import annotations

import os
import signal

import pytest

from derive.engine import backprop, mform
from derive.engine.steps import StepError
from derive.lang import spec


def _texts(d):
    return [(s.rule, s.tex, s.text, s.points) for s in d.steps()]


@pytest.mark.parametrize("name", ["tiny-mlp", "mlp-bce"])
def test_deferred_derivation_equals_the_direct_one(name):
    s = spec.load(name)
    d, pending = backprop.derive_deferred(s)
    try:
        pending.settle()
    finally:
        pending.close()
    assert pending.done
    assert _texts(d) == _texts(backprop.derive(s))


def _false_transpose(monkeypatch):
    monkeypatch.setattr(mform, "transpose", lambda x, general=False: x)


@pytest.mark.parametrize("child", [True, False, "here"])
def test_a_false_step_is_reported_as_derive_reports_it(monkeypatch, child):
    s = spec.load("mlp-bce")
    _false_transpose(monkeypatch)
    with pytest.raises(StepError) as direct:
        backprop.derive(s)
    if not child:
        monkeypatch.setenv("DERIVE_WORKER", "off")
    # "here": every test fits in the time tested before a child (found at start, raised at
    # settle); True: none is tested here, all in the child
    monkeypatch.setattr(backprop.deferred, "HERE_FIRST", 60.0 if child == "here" else 0.0)
    with pytest.raises(StepError) as late:
        d, pending = backprop.derive_deferred(s)
        assert (pending.pid is not None) == (child is True and backprop.deferred._wanted())
        try:
            pending.settle()
        finally:
            pending.close()
    assert str(late.value) == str(direct.value)


def test_a_small_networks_identities_are_tested_here_without_a_child(monkeypatch):
    monkeypatch.setattr(backprop.deferred, "HERE_FIRST", 60.0)
    monkeypatch.setattr(backprop.deferred.forks, "fork", _no_fork)
    s = spec.load("tiny-mlp")
    d, pending = backprop.derive_deferred(s)
    assert pending.pid is None and pending.done and not pending.jobs
    pending.settle()
    assert _texts(d) == _texts(backprop.derive(s))


def _no_fork(*args, **kwargs):
    raise AssertionError("forked a child for a small network's identity tests")


def test_a_child_that_dies_is_replaced_by_testing_here(monkeypatch):
    s = spec.load("mlp-bce")
    _false_transpose(monkeypatch)
    monkeypatch.setattr(backprop.deferred, "HERE_FIRST", 0.0)
    monkeypatch.setattr(backprop.deferred, "run_all", _slow_in_child(backprop.deferred.run_all))
    try:
        d, pending = backprop.derive_deferred(s)
    except StepError:
        pytest.skip("the false step stopped the derivation itself")
    if pending.pid is None:
        pytest.skip("no child process here")
    os.kill(pending.pid, signal.SIGKILL)
    with pytest.raises(StepError, match="linear-input"):
        pending.settle()
    pending.close()


def _slow_in_child(run_all):
    parent = os.getpid()

    def run(checker, jobs):
        if os.getpid() != parent:
            signal.pause()  # killed by the test
        return run_all(checker, jobs)

    return run
