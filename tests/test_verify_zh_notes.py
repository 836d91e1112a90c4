"""``derive verify --lang zh`` says its notes in Chinese too (round 19: the exact-zero note, the
skipped random point and the finite-difference notes were English under --lang zh), and the
kink note joins its points as Chinese does."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from derive.cli import main

pytest.importorskip("torch")
SPEC = str(Path(__file__).parent / "specs_course" / "leaky_kink_values.toml")


def test_the_notes_of_verify_speak_chinese() -> None:
    zh = CliRunner().invoke(main, ["verify", SPEC, "--lang", "zh"])
    en = CliRunner().invoke(main, ["verify", SPEC])
    assert zh.exit_code == en.exit_code == 0, zh.output
    notes = [line for line in zh.output.splitlines() if line.strip().startswith("注")]
    english = re.compile(r"[A-Za-z]+ [a-z]+ [a-z]+")  # three English words in a row
    assert notes and not any(english.search(n) for n in notes), notes
    assert any("在精确算术中恰为 0" in n for n in notes)
    assert any("示例点处有不可导点" in n for n in notes)  # no space before 处 after Chinese
    assert "exactly 0 (a kink) in exact arithmetic" in en.output  # English as before


def test_report_notes_and_their_keys_agree() -> None:
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify

    report = verify.verify(derive(spec.load(SPEC)), points=1)
    assert len(report.notes) == len(report.note_keys) >= 1
    assert report.notes[0].startswith("at the example values")


def test_a_non_finite_number_is_said_in_chinese() -> None:
    """A comparison that failed on a NaN (ours at a random point) names side, entry and value."""
    from dataclasses import replace

    from derive.cli import format_report
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify

    d = derive(spec.load(SPEC))
    report = verify.verify(d, points=1)
    c = report.comparisons[0]
    bad = replace(
        c,
        ok=False,
        problem=f"ours ∂L/∂{c.param}[0, 0] = nan is not finite",
        problem_args=("ours", f"{c.param}[0, 0]", "nan"),
    )
    report = replace(report, comparisons=(bad, *report.comparisons[1:]))
    en, zh = format_report(d, report, "en"), format_report(d, report, "zh")
    assert f"ours ∂L/∂{c.param}[0, 0] = nan is not finite" in en
    assert f"我们的 ∂L/∂{c.param}[0, 0] = nan 不是有限数" in zh and "is not finite" not in zh
