"""A cross-entropy written out by hand, ``-Σ t log y + (1 − t) log(1 − y)`` (Bishop's probit,
Ng's ``Y * np.log(A) + (1 - Y) * np.log(1 - A)``), has a BCE target ``t`` just as
``F.binary_cross_entropy`` has: where the spec gives no values for it, derive drew it like any
input (−1.5, 2), which no lecturer hands out as a label, and exercise variants did the same
(labs15). Such a target is drawn in {0, 1}; a Bernoulli *rate* inside a log (a KL sparsity
penalty's ρ) is not a label and keeps its draw."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from derive.lang import domains
from derive.lang.spec import parse

_SPEC = """
[network]
name = "handwritten-bce"
[dims]
N = 5
M = 2
[inputs]
phi = ["N", "M"]
t = ["N", 1]
[params]
w = ["M", 1]
[forward]
a = "phi @ w"
y = "torch.sigmoid(a)"
E = "{loss}"
"""

BCE = {
    "bishop": "-torch.sum(t * torch.log(y) + (1 - t) * torch.log(1 - y))",
    "swapped": "-np.mean(np.log(1 - y) * (1 - t) + np.log(y) * t)",
    "transposed": "-(t.T @ np.log(y) + (1 - t).T @ np.log(1 - y)) / N",
}
NOT_LABELS = {
    "kl-rate": "torch.sum(t * torch.log(t / y) + (1 - t) * torch.log((1 - t) / (1 - y)))",
    "one-term": "-torch.sum(t * torch.log(y))",
}


def _spec(loss: str) -> str:
    return _SPEC.format(loss=loss)


@pytest.mark.parametrize("key", sorted(BCE))
def test_a_handwritten_bce_target_is_a_binary_input(key: str) -> None:
    s = parse(_spec(BCE[key]))
    assert domains.roles(s.forward, s.one_hot).get("t") == "binary"
    drawn = {float(v) for row in s.values["t"] for v in row}
    assert drawn <= {0.0, 1.0}, drawn


@pytest.mark.parametrize("key", sorted(NOT_LABELS))
def test_a_rate_inside_a_log_or_a_lone_term_is_no_label(key: str) -> None:
    s = parse(_spec(NOT_LABELS[key]))
    assert domains.roles(s.forward, s.one_hot).get("t") != "binary"


def test_the_drawn_labels_verify_against_pytorch_and_exercise_variants_keep_them(
    tmp_path: Path,
) -> None:
    spec = tmp_path / "bce.toml"
    spec.write_text(_spec(BCE["bishop"]), encoding="utf-8")
    run = [sys.executable, "-m", "derive"]
    v = subprocess.run([*run, "verify", str(spec)], capture_output=True, text=True, timeout=600)
    assert v.returncode == 0 and "✓" in v.stdout, v.stdout + v.stderr
    out = tmp_path / "ex"
    b = subprocess.run(
        [*run, "build", str(spec), "-f", "exercises", "--variant", "2-3", "--seed", "11",
         "--lang", "en", "-o", str(out)],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert b.returncode == 0, b.stderr
    keys = sorted(out.rglob("answers.json"))
    assert len(keys) == 2
    for key in keys:
        t = json.loads(key.read_text(encoding="utf-8"))["values"]["t"]
        assert {v for row in t for v in row} <= {"0", "1"}, (key, t)
