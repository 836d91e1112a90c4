"""The command line: exit codes, one clear message, no traceback."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from conftest import invoke_cli, run_cli

HOSTILE = [
    "__import__('os').system('touch /tmp/derive-pwned')",
    "().__class__",
    "9**9**9",
    "A1.tofile('x')",
]


def spec_with(expr: str) -> str:
    return f"""
[network]
name = "h"
[dims]
m = 2
[inputs]
X = ["m", 2]
[params]
W = [2, 1]
[forward]
Z = "X @ W"
A1 = "{expr}"
L = "mean(A1)"
"""


@pytest.mark.slow  # a fresh interpreter: the real entry point
def test_list():
    proc = run_cli("list")
    assert proc.returncode == 0
    names = [line.split()[0] for line in proc.stdout.splitlines()]
    assert names == [
        "attention",
        "batchnorm",
        "chain",
        "mlp-bce",
        "mlp-bce-weighted",
        "neuron",
        "relu-mlp",
        "rnn",
        "softmax-regression",
        "tiny-mlp",
    ]


@pytest.mark.slow  # verifies six networks against PyTorch in a fresh interpreter
def test_verify_all_builtins():
    proc = run_cli(
        "verify",
        "chain",
        "neuron",
        "tiny-mlp",
        "mlp-bce",
        "mlp-bce-weighted",
        "relu-mlp",
        timeout=600,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("✓") == 15 and "✗" not in proc.stdout
    assert "2× ours" in proc.stdout  # neuron: PyTorch's bare F.mse_loss


@pytest.mark.slow  # four more networks, the largest ones
def test_verify_new_builtins():
    proc = run_cli("verify", "softmax-regression", "rnn", "batchnorm", "attention", timeout=900)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("✓") == 11 and "✗" not in proc.stdout  # 2 + 3 + 3 + 3 parameters


@pytest.mark.parametrize("expr", HOSTILE)
def test_hostile_spec_expressions_exit_2(tmp_path, expr):
    path = tmp_path / "h.toml"
    path.write_text(spec_with(expr.replace('"', "'")))
    proc = invoke_cli("verify", str(path))
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr and proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: {path}: [forward] A1")
    assert not os.path.exists("/tmp/derive-pwned")


@pytest.mark.parametrize(
    "content, fragment",
    [
        ("[network\n", "not valid TOML"),
        (spec_with("sech(Z)"), "unknown function 'sech'; allowed:"),
        (spec_with("X @ W.T"), "left is (2, 2), right is (1, 2)"),
        (spec_with("Z * 2").replace('L = "mean(A1)"', 'L = "mean(Z)"'), "'A1' is never used"),
        (spec_with("Q + 1"), "undefined name 'Q'"),
        (spec_with("Z").replace('L = "mean(A1)"', 'L = "A1"'), "must be a scalar"),
        (spec_with("Z") + "[values]\nX = [1, 2, 3]\n", "[values] X: wrong shape"),
        (spec_with("Z").replace('A1 = "Z"', 'lambda = "Z"'), "'lambda' is reserved"),
        (spec_with("Z").replace("m = 2", "m = 2.5"), "[dims] m: must be a whole number"),
    ],
)
def test_bad_specs_exit_2_with_one_message(tmp_path, content, fragment):
    path = tmp_path / "bad.toml"
    path.write_text(content)
    proc = invoke_cli("verify", str(path))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert fragment in proc.stderr and "Fix:" in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


@pytest.mark.slow  # a fresh interpreter: the real entry point
def test_missing_file_and_usage_errors():
    proc = run_cli("verify", "no/such/file.toml", timeout=30)
    assert proc.returncode == 2 and "no such built-in network or file" in proc.stderr
    assert run_cli("verify", timeout=30).returncode == 2  # missing argument (usage)
    assert run_cli("frobnicate", timeout=30).returncode == 2


@pytest.mark.slow  # a fresh interpreter: the real entry point
def test_debug_shows_the_traceback():
    proc = run_cli("--debug", "verify", "no/such/file.toml", timeout=30)
    assert proc.returncode != 0 and "Traceback" in proc.stderr


@pytest.mark.slow  # two fresh interpreters with torch hidden
def test_verify_without_torch_exits_3_or_runs_with_no_torch(tmp_path):
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "torch.py").write_text("raise ImportError('hidden for the test')\n")
    env = {**os.environ, "PYTHONPATH": str(hide)}
    proc = run_cli("verify", "chain", env=env, timeout=120)
    assert proc.returncode == 3 and "PyTorch is not installed" in proc.stderr
    proc = run_cli("verify", "chain", "--no-torch", env=env, timeout=120)
    assert proc.returncode == 0 and "✓" in proc.stdout


@pytest.mark.slow  # a fresh interpreter: the real entry point
def test_import_derive_does_not_need_torch(tmp_path):
    hide = tmp_path / "hide"
    hide.mkdir()
    (hide / "torch.py").write_text("raise ImportError('hidden for the test')\n")
    code = (
        "import sys, derive, derive.engine.backprop, derive.numeric.verify, derive.cli, derive.numeric.example; "
        "d = derive.derive_network('tiny-mlp'); assert 'torch' not in sys.modules; "
        "print(len(d.steps()))"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(hide)},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    assert int(proc.stdout) > 10


def test_prove_cli():
    proc = invoke_cli("prove", "--list")
    assert proc.returncode == 0
    names = [line.split()[0] for line in proc.stdout.splitlines()]
    assert len(names) >= 9 and {"linear-weight", "sigmoid-bce", "weighted-bce", "zero-init"} <= set(
        names
    )
    tails = {
        "linear-weight": "∂L/∂W = Xᵀ·δ_Z",
        "sigmoid-bce": "= Ŷ − Y",
        "weighted-bce": "(w − 1)·Y·(Ŷ − 1)",
    }
    for rule, tail in tails.items():
        proc = invoke_cli("prove", rule)
        assert proc.returncode == 0
        assert proc.stdout.rstrip().splitlines()[-1].endswith(tail), proc.stdout
    bad = invoke_cli("prove", "no-such-rule")
    assert bad.returncode == 2 and "available: linear-weight" in bad.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["check", "mlp-bce", "--wrt", "W2", "-A1.T @ (Y - A2) / m"],
        ["check", "mlp-bce", "-A1.T @ (Y - A2) / m", "--wrt", "W2"],
        ["check", "mlp-bce", "--wrt", "W2", "--", "-A1.T @ (Y - A2) / m"],
    ],
)
def test_a_formula_may_start_with_a_minus(args):
    """Students write −A1ᵀ(Y − A2)/m; click would stop at an unknown option '-A'."""
    res = invoke_cli(*args)
    assert res.returncode == 0, res.stdout + res.stderr
    assert "correct" in res.stdout


def test_option_values_and_unknown_long_options_keep_their_meaning():
    """A value starting with a minus stays the option's value; a mistyped long option is
    still an error naming it."""
    res = invoke_cli("check", "mlp-bce", "--wrt", "W2[0,0]", "--value", "-0.0274")
    assert res.returncode in (0, 1), res.stderr
    assert "No such option" not in res.stderr
    res = invoke_cli("check", "mlp-bce", "--wrtt", "W2", "A1.T @ dZ2")
    assert res.returncode == 2 and "--wrtt" in res.stderr
