"""Engine fixes found by held-out-style course networks (tests/specs_course/, branch heldnets)."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import mpmath
import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.walkthrough import lessons


def test_rounding_a_number_far_below_float_range_keeps_a_float() -> None:
    """A causal-attention mask of -1e9 gives softmax entries e^{-10^9} ≈ 10^{-434294482}. The
    "hand calculation rounding to 3 digits" of the common-mistakes lesson wrote that as a
    fraction with a denominator of 434 million digits (a build that never finished); it is now
    a binary float with the same 3 digits, and ordinary numbers stay exact fractions."""
    r = lessons._Rounded(derive(spec.load("chain")), 3)
    tiny = mpmath.mpf("9.132366e-434294483")
    got = r.round(tiny)
    assert isinstance(got, mpmath.mpf)
    assert abs(got / mpmath.mpf("9.13e-434294483") - 1) < mpmath.mpf("1e-12")
    assert r.round(Fraction(123456, 1000)) == Fraction(123)
    assert r.round(mpmath.mpf("0.0012345")) == Fraction(123, 100000)


@pytest.mark.slow
@pytest.mark.parametrize("name", ["relu_kink", "triplet", "gelu_tanh"])
def test_generated_lab_runs_and_agrees(name: str, tmp_path) -> None:
    """relu_kink: example values with a ReLU input exactly 0: derive verify leaves finite
    differences out there (the one-sided slopes differ); the generated lab printed ✗ and exited
    1. It now prints the difference marked as at a kink and lets PyTorch decide.
    triplet: the loss's gradient is relu's indicator itself, ``dbasic = (basic > 0)``, a boolean
    array whose ``-dbasic`` NumPy refuses (and ``d + d`` would be a logical or): stored as
    0.0/1.0 now.
    gelu_tanh: ``np.sqrt(2 / np.pi)`` became ``torch.sqrt(2 / 3.14…)`` in the PyTorch reference,
    and torch's functions take tensors only: a function of plain numbers gets a tensor now."""
    import subprocess
    import sys

    from click.testing import CliRunner

    from derive.cli import main

    path = Path(__file__).parent / "specs_course" / f"{name}.toml"
    args = ["build", str(path), "-f", "py", "--lang", "en", "-o", str(tmp_path)]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    script = next(tmp_path.rglob("backprop.py"))
    run = subprocess.run(
        [sys.executable, script.name],
        cwd=script.parent,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "✗" not in run.stdout and "agree" in run.stdout
    assert ("(at a kink: not compared)" in run.stdout) == (name == "relu_kink")


def test_a_one_dimensional_shape_is_a_row_as_numpy_broadcasts_it() -> None:
    """``b = ["h"]`` (PyTorch's nn.Linear bias) was refused; a 1-D array broadcasts as a row in
    NumPy, so it is the row [1, h], with flat example values."""
    from derive.numeric import verify as numeric

    text = """
[network]
name = "bias-1d"
[dims]
m = 3
n = 2
h = 2
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
W = ["n", "h"]
b = ["h"]
v = ["h", 1]
[forward]
H = "np.tanh(X @ W + b)"
L = "mse(H @ v, Y)"
[values]
b = [0.1, -0.2]
"""
    s = spec.parse(text, source="bias-1d")
    assert s.shapes["b"] == (1, 2)
    report = numeric.verify(derive(s), points=0, use_torch=False)
    assert report.ok


def test_shape_and_len_in_a_spec_are_the_size_names() -> None:
    """Course code divides by ``X.shape[0]`` or ``len(X)``: read as the [dims] name of that
    axis (``m``), so the derivation holds at every size, as ``/ m`` does."""
    text = """
[network]
name = "shape-m"
[dims]
m = 3
n = 2
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
w = ["n", 1]
[forward]
P = "X @ w"
L = "np.sum((P - Y) ** 2) / X.shape[0] + np.sum(w ** 2) / len(X)"
"""
    s = spec.parse(text, source="shape-m")
    same = spec.parse(text.replace("X.shape[0]", "m").replace("len(X)", "m"), source="shape-m")
    assert s.forward == same.forward
