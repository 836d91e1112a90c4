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
