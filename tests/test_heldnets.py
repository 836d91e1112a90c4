

@pytest.mark.slow
def test_lab_at_a_kink_prints_finite_differences_but_does_not_fail(tmp_path) -> None:
    """Example values with a ReLU input exactly 0: derive verify leaves finite differences out
    there (the one-sided slopes differ); the generated lab printed ✗ and exited 1. It now prints
    the difference marked as at a kink and lets PyTorch decide."""
    import subprocess
    import sys

    from click.testing import CliRunner

    from derive.cli import main

    path = Path(__file__).parent / "specs_course" / "relu_kink.toml"
    res = CliRunner().invoke(main, ["build", str(path), "-f", "py", "--lang", "en", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    script = next(tmp_path.rglob("backprop.py"))
    run = subprocess.run(
        [sys.executable, script.name], cwd=script.parent, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stdout + run.stderr
    assert "(at a kink: not compared)" in run.stdout
    assert "✗" not in run.stdout
