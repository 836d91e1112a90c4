"""Names courses give the prediction and the target, and hats inside fonts (a lead's held-out
check): ``y`` for tiny-mlp's ``y_target``, ``\\hat{y}`` for a loss written out,
``\\boldsymbol{\\hat y}`` for ŷ (the hat was dropped, so ŷ − Y read as y − Y). The fast path
answers as the slow path does."""

from __future__ import annotations

import pytest
from conftest import invoke_cli

CASES = [
    ("tiny-mlp", "W1", "X.T @ (((yhat - y) @ W2.T) * h * (1 - h))", [], 0),
    ("tiny-mlp", "W1", r"X^{T}\left[(\hat{y}-y)W_2^{T}\odot h\odot(1-h)\right]", ["--latex"], 0),
    ("tiny-mlp", "W2", "h.T @ (y - yhat)", [], 1),
    ("softmax-regression", "W", "X.T @ (P - y_true) / m", [], 0),
    ("softmax-regression", "W", r"\frac{1}{m} X^T (\boldsymbol{\hat y} - Y)", ["--latex"], 0),
    ("softmax-regression", "W", r"\frac{1}{m} X^T (\mathbf{\hat{y}} - \mathbf{y})", ["--latex"], 0),
    ("softmax-regression", "W", r"\frac{1}{m} X^T (\hat{\mathbf{y}} - Y)", ["--latex"], 0),
    ("softmax-regression", "W", r"\frac{1}{m} X^T (\mathbf{y} - \boldsymbol{\hat y})", ["--latex"], 1),
]


@pytest.mark.parametrize(("net", "wrt", "formula", "extra", "code"), CASES)
def test_prediction_and_target_names(monkeypatch, net, wrt, formula, extra, code):
    fast = invoke_cli("check", net, "--wrt", wrt, *extra, "--", formula)
    monkeypatch.setenv("DERIVE_CHECK_FAST", "0")
    slow = invoke_cli("check", net, "--wrt", wrt, *extra, "--", formula)
    assert slow.returncode == code, slow.stdout + slow.stderr
    assert (fast.returncode, fast.stdout) == (slow.returncode, slow.stdout)
