"""Round 46 (lead, issue 9): a Poisson loss's target is a count (≥ 0). With a negative target the
loss has no minimum (exp(x) − y·x falls without bound as x → −∞), yet every number stays finite
and PyTorch's ``poisson_nll_loss``, TensorFlow's ``log_poisson_loss`` and Keras's ``poisson``
accept it — so ``derive verify`` printed ✓. The spellings now read the target through an
identity whose domain is checked entry by entry: a negative count in [values] is exit 2 naming
the tensor and the entry, nothing written; drawn targets are positive. Every spec that verifies
here is checked against PyTorch and finite differences."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

HEAD = """[network]
name = "poisson-{k}"
[dims]
n = 5
d = 2
[inputs]
X = ["n", "d"]
c = ["n", 1]
[params]
w = ["d", 1]
[forward]
z = "X @ w"
{loss}
"""

LOSSES = [
    'L = "F.poisson_nll_loss(z, c)"',
    'L = "torch.nn.functional.poisson_nll_loss(z, c, log_input=True, full=True)"',
    'L = "F.poisson_nll_loss(torch.exp(z), c, log_input=False)"',
    'L = "tf.reduce_mean(tf.nn.log_poisson_loss(c, z))"',
    'L = "tf.reduce_mean(tf.keras.losses.poisson(c, tf.exp(z)))"',
    'L = "nn.PoissonNLLLoss()(z, c)"',
]


def _write(tmp_path: Path, k: int, values: str | None) -> Path:
    text = HEAD.format(k=k, loss=LOSSES[k])
    if values is not None:
        text += f"[values]\nc = {values}\n"
    path = tmp_path / f"p{k}.toml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("k", range(len(LOSSES)))
def test_a_negative_count_is_refused_naming_the_entry(tmp_path: Path, k: int) -> None:
    path = _write(tmp_path, k, "[[0], [3], [1], [-2], [4]]")
    res = CliRunner().invoke(main, ["verify", str(path)])
    assert res.exit_code == 2, res.output
    assert "Traceback" not in res.output
    assert "Poisson target of -2.0 at entry [3, 0]" in res.output
    assert "[values] of c" in res.output
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(path), "-o", str(out), "--lang", "zh", "-f", "md"])
    assert res.exit_code == 2, res.output
    assert "泊松损失的目标" in res.output and "[3, 0]" in res.output
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("k", range(len(LOSSES)))
@pytest.mark.parametrize("values", [None, "[[0], [3], [1], [2.5], [4]]"])
def test_counts_at_zero_and_drawn_counts_verify(tmp_path: Path, k: int, values: str | None) -> None:
    d = derive(spec.load(str(_write(tmp_path, k, values))))
    report = numeric.verify(d, points=3)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert {c.param for c in report.comparisons} == {"w"}
    for c in report.comparisons:  # against PyTorch (float64) and central finite differences
        assert c.ours_vs_torch is not None and c.ours_vs_torch[1] <= 1e-9, c
        assert not c.kink and c.ours_vs_fd[1] <= 1e-5, c


def test_the_identity_never_shows_in_the_walkthrough(tmp_path: Path) -> None:
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["build", str(_write(tmp_path, 0, None)), "-o", str(out), "-f", "md,py"])
    assert res.exit_code == 0, res.output
    text = "".join(p.read_text(encoding="utf-8") for p in out.rglob("*") if p.is_file())
    assert "assert_count" not in text
