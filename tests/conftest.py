"""Stricter than production: floating-point errors raise, seeds are fixed."""

from __future__ import annotations

import random
import subprocess
import sys

import numpy as np
import pytest


@pytest.fixture(autouse=True)
def _strict_numpy():
    random.seed(0)
    np.random.seed(0)
    old = np.seterr(over="raise", divide="raise", invalid="raise")
    yield
    np.seterr(**old)


def run_cli(*args: str, timeout: float = 120, env: dict | None = None, cwd=None):
    """Run ``python -m derive ARGS`` in a fresh interpreter; returns CompletedProcess."""
    return subprocess.run(
        [sys.executable, "-m", "derive", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=cwd,
    )


class _Derived(dict):
    """Built-in networks derived on first use, shared by every test of the session (a derivation
    is never modified after ``derive`` returns it)."""

    def __missing__(self, name: str):
        from derive.engine.backprop import derive
        from derive.lang import spec

        d = self[name] = derive(spec.load(name))
        return d


@pytest.fixture(scope="session")
def derived() -> _Derived:
    return _Derived()


class _Result:
    """What :func:`invoke_cli` returns: the fields of ``subprocess.CompletedProcess`` it uses."""

    def __init__(self, returncode: int, stdout: str, stderr: str) -> None:
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr


def invoke_cli(*args: str, env: dict | None = None) -> _Result:
    """``derive ARGS`` in this process (click's runner): the same exit code, stdout and stderr as
    :func:`run_cli` without a fresh interpreter's start-up. An exception that escapes the CLI's
    own error handling (it would print a traceback) fails the test."""
    from click.testing import CliRunner

    from derive.cli import main

    res = CliRunner().invoke(main, list(args), env=env)
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise AssertionError(f"derive {' '.join(args)} raised {res.exception!r}") from res.exception
    return _Result(res.exit_code, res.stdout, res.stderr)
