"""Round 45 (lead, issue 9): the axis of a squeeze/unsqueeze given by keyword — PyTorch's
``torch.squeeze(h @ v, dim=1)`` / ``(h @ v).squeeze(dim=1)``, TensorFlow's ``tf.squeeze(z,
axis=1)`` — is read as the positional spelling (it was refused for an expression while
``(h @ v).squeeze(1)`` was read), and a squeeze of an expression inside a line is 1-D by the
declared shapes. Every spec here is checked against PyTorch and finite differences."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.engine.backprop import derive
from derive.lang import spec, spelling
from derive.numeric import verify as numeric

HEAD = """[dims]
N = 4
D = 3
H = 5
[inputs]
x = ["N", "D"]
y = {y}
[params]
W = ["D", "H"]
v = ["H", 1]
[forward]
h = "torch.tanh(x @ W)"
"""

CASES = [
    ('["N"]', 'o = "torch.squeeze(h @ v, dim=1)"', 'L = "F.mse_loss(torch.unsqueeze(o, 1), torch.unsqueeze(y, 1))"'),
    ('["N"]', 'o = "(h @ v).squeeze(dim=-1)"', 'L = "F.mse_loss(o, y)"'),
    ('["N", 1]', 'o = "tf.squeeze(tf.matmul(h, v), axis=1)"', 'L = "tf.reduce_mean(tf.square(tf.expand_dims(o, axis=-1) - y))"'),
    ('["N"]', 'o = "np.squeeze(h @ v, axis=1)"', 'L = "np.mean((o - y) ** 2)"'),
    ('["N"]', 'o = "h @ v"', 'L = "torch.mean((o.squeeze(dim=1) - y) ** 2) + 0.1 * torch.mean((h @ v).squeeze(dim=1) ** 2)"'),
]


@pytest.mark.parametrize("k", range(len(CASES)))
def test_a_keyword_axis_squeeze_verifies(tmp_path: Path, k: int) -> None:
    y, a, b = CASES[k]
    path = tmp_path / f"sq{k}.toml"
    path.write_text(HEAD.format(y=y) + a + "\n" + b + "\n", encoding="utf-8")
    d = derive(spec.load(str(path)))
    report = numeric.verify(d, points=2)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert {c.param for c in report.comparisons} == {"W", "v"}


def test_only_a_lone_axis_keyword_is_moved() -> None:
    assert spelling.positional_axes_r45("torch.squeeze(h @ v, dim=1)") == "torch.squeeze(h @ v, 1)"
    assert spelling.positional_axes_r45("(h @ v).squeeze(dim=-1)") == "(h @ v).squeeze(-1)"
    assert spelling.positional_axes_r45("np.expand_dims(a, axis=0)") == "np.expand_dims(a, 0)"
    for same in ("x.squeeze(1)", "torch.sum(x, dim=1)", "x.squeeze()", "f(x, dim=1)",
                 "torch.squeeze(x, 1, dim=0)", "x.squeeze(dim=1, out=y)"):
        assert spelling.positional_axes_r45(same) == same


def test_the_labs_not_finite_differences_fail_even_at_a_kink(tmp_path: Path) -> None:
    """A lab whose example sits at a kink prints its finite-difference distance as "not compared";
    a NaN distance was printed the same way and ``finite_differences_ok`` stayed true (cdist's
    zero diagonal, −1e-17 in floating point, gave NaN square roots in hn22_energy_distance_cdist's
    lab). A distance that is not finite is now ✗ and the check fails; a finite one at the kink is
    still only not compared."""
    import json
    import subprocess
    import sys

    from click.testing import CliRunner

    from derive.cli import main

    path = Path(__file__).parent / "specs_course" / "relu_kink.toml"
    res = CliRunner().invoke(main, ["build", str(path), "-f", "py", "--lang", "en", "-o", str(tmp_path)])
    assert res.exit_code == 0, res.output
    script = next(tmp_path.rglob("backprop.py"))

    def run(text: str) -> tuple[str, dict]:
        script.write_text(text, encoding="utf-8")
        out = subprocess.run([sys.executable, script.name, "--json"], cwd=script.parent, capture_output=True,
                             text=True, timeout=300)
        return out.stdout, json.loads(out.stdout.strip().splitlines()[-1])

    good = script.read_text(encoding="utf-8")
    out, report = run(good)
    assert report["finite_differences_ok"] and "(at a kink: not compared)" in out
    # the same lab whose loss comes out NaN away from the example (a square root of −1e-17)
    body = good[good.index("def loss_at("):]
    last = body[: body.index("\n\n")].rstrip().splitlines()[-1]  # "    return np.sum(L)"
    assert last.startswith("    return np.sum(")
    bad = good.replace(last, last + " * np.nan", 1)
    out, report = run(bad)
    assert not report["finite_differences_ok"], report
    assert "✗" in out and "not a finite number" in out
