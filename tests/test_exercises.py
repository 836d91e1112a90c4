"""Exercise sheets, solutions, answer keys and per-student variants (issue 12, item 7)."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import subprocess
import sys
import tomllib
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from katex_oracle import OracleMissing, check_markdown

from derive.checker.check import check
from derive.engine import backprop as B
from derive.lang import spec
from derive.numeric import verify as numeric
from derive.render import build as builder
from derive.render import exercises as E
from derive.render import grading

# builds files, compiles, runs a browser or many networks: not in the fast lane (-m 'not slow')
pytestmark = pytest.mark.slow

SEED = 2026


def _build(out: Path, nets, variant=None, formats="exercises", langs="en,zh") -> list[Path]:
    return builder.build(builder.plan(nets, [formats], [langs], out, None, variant=variant, seed=SEED))


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("exercises")
    _build(path, ["mlp-bce", "chain", "neuron"])
    _build(path, ["mlp-bce"], variant="1-3")
    return path


def _cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "derive", *args],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
    )


# ---- variants ----------------------------------------------------------------------------------


def test_variants_are_deterministic_and_differ() -> None:
    s = spec.load("mlp-bce")
    a = E.variant_values(s, 1, SEED)
    assert a == E.variant_values(s, 1, SEED)
    assert a != E.variant_values(s, 2, SEED)
    assert a != E.variant_values(s, 1, SEED + 1)
    assert E.variant_values(s, 0, SEED) == s.values
    assert {k: (len(v), len(v[0])) for k, v in a.items()} == {
        k: (len(v), len(v[0])) for k, v in s.values.items()
    }


@pytest.mark.parametrize("net", ["mlp-bce", "mlp-bce-weighted", "relu-mlp"])
def test_variant_values_respect_domains_and_show_every_rule(net: str) -> None:
    s = spec.load(net)
    d = E.base_derivation(s)
    for n in range(1, 6):
        values = E.variant_values(s, n, SEED, d)
        assert E.problems(d, values) == []
        if net.startswith("mlp-bce"):
            labels = [v for row in values["Y"] for v in row]
            assert set(labels) == {Fraction(0), Fraction(1)}  # BCE targets: both classes
        point = {k: np.array([[float(v) for v in r] for r in rows]) for k, rows in values.items()}
        env = numeric.forward_numeric(d, point)
        relu_in = env["Z1"] if "Z1" in env else env["h"]
        assert (relu_in < 0).any() and (relu_in > 0).any()  # the mask masks and passes


def test_problems_names_a_relu_that_masks_nothing() -> None:
    s = spec.load("mlp-bce")
    d = E.base_derivation(s)
    values = dict(s.values)
    values["X"] = ((Fraction(1), Fraction(2)), (Fraction(1), Fraction(1, 2)))
    values["W1"] = ((Fraction(1, 10), Fraction(2, 10)), (Fraction(3, 10), Fraction(4, 10)))
    values["b1"] = ((Fraction(0), Fraction(1, 10)),)
    assert E.problems(d, values) == ["the ReLU of A1 masks nothing"]
    values["Y"] = ((Fraction(1),), (Fraction(1),))
    assert "the labels Y are all 1" in E.problems(d, values)


def test_bad_variant_requests_are_refused(tmp_path: Path) -> None:
    with pytest.raises(E.ExerciseError):
        E.parse_variants("x")
    with pytest.raises(E.ExerciseError):
        E.parse_variants("5-2")
    assert E.parse_variants("2-4") == (2, 3, 4)
    proc = _cli("build", "chain", "-f", "md", "--variant", "2", "-o", str(tmp_path / "o"))
    assert proc.returncode == 2 and "-f exercises" in proc.stderr
    assert not (tmp_path / "o").exists()


# ---- the answer key agrees with the engine ------------------------------------------------------


@pytest.mark.parametrize("variant", [0, 2])
def test_every_key_number_is_the_engines(out: Path, variant: int) -> None:
    folder = out / "mlp-bce" / (f"seed-{SEED}/variant-{variant}" if variant else "")
    key = json.loads((folder / "answers.json").read_text("utf-8"))
    assert key["schema"] == E.SCHEMA and key["variant"] == variant and key["network"] == "mlp-bce"
    s = E.key_spec(key)
    d = E.variant_derivation(s, variant, SEED)
    grads, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    values = [q for q in key["questions"] if q["kind"] == "value"]
    assert {q["wrt"].split("[")[0] for q in values} == set(s.params)
    for q in values:
        name, idx = q["wrt"].split("[")
        i, j = (int(x) for x in idx.rstrip("]").split(","))
        assert q["float"] == pytest.approx(grads[name][i, j], rel=1e-9, abs=1e-15)
        assert check(d, q["wrt"], value=q["expected"]).ok
    for q in (q for q in key["questions"] if q["kind"] == "formula"):
        assert check(d, q["wrt"], q["expected"]).ok, q


def test_variants_have_the_same_questions_and_different_answers(out: Path) -> None:
    keys = [
        json.loads((out / "mlp-bce" / f"seed-{SEED}/variant-{n}/answers.json").read_text("utf-8"))
        for n in (1, 2, 3)
    ]
    ids = [[q["id"] for q in k["questions"]] for k in keys]
    assert ids[0] == ids[1] == ids[2]
    first = [[q["expected"] for q in k["questions"] if q["kind"] == "value"] for k in keys]
    assert first[0] != first[1] != first[2]


def test_grade_api(out: Path) -> None:
    key = E.load_key(out / "mlp-bce" / f"seed-{SEED}/variant-1/answers.json")
    q = next(q for q in key["questions"] if q["id"] == "numbers.W1[0,0]")
    assert grading.grade(key, q["id"], q["expected"]).ok
    assert not grading.grade(key, q["id"], str(-2 * q["float"] + 0.5)).ok
    assert grading.grade(key, "backward.W2", "A1.T @ dZ2").ok
    assert not grading.grade(key, "backward.W2", "A1 @ dZ2.T").ok
    with pytest.raises(E.ExerciseError):
        grading.grade(key, "numbers.nope", "1")


def test_a_build_does_not_import_the_checker() -> None:
    """derive build's modules leave the checker out (derive check's start-up, not a build's)."""
    code = "import sys, derive.render.build; print('derive.checker.check' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False"]


def test_a_changed_key_is_refused(out: Path, tmp_path: Path) -> None:
    key = json.loads((out / "mlp-bce" / f"seed-{SEED}/variant-1/answers.json").read_text("utf-8"))
    key["values"]["X"][0][0] = "7"
    with pytest.raises(E.ExerciseError, match="differ"):
        E.key_spec(key)
    bad = tmp_path / "bad.json"
    bad.write_text("{}", "utf-8")
    with pytest.raises(E.ExerciseError, match="not an answer key"):
        E.load_key(bad)


@pytest.mark.slow
def test_cli_check_grades_against_a_variant(out: Path) -> None:
    path = out / "mlp-bce" / f"seed-{SEED}/variant-2/answers.json"
    key = json.loads(path.read_text("utf-8"))
    q = next(q for q in key["questions"] if q["id"] == "numbers.W1[0,0]")
    args = ["check", "mlp-bce", "--wrt", "W1[0,0]", "--value", q["expected"]]
    ok = _cli(*args, "--variant", "2", "--seed", str(SEED))
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert _cli(*args, "--answers", str(path)).returncode == 0
    other = _cli(*args, "--variant", "3", "--seed", str(SEED))
    assert other.returncode == 1  # another student's number is wrong for this variant
    wrong_net = _cli("check", "tiny-mlp", "--answers", str(path), "--wrt", "W2", "A1.T @ dZ2")
    assert wrong_net.returncode == 2 and "mlp-bce" in wrong_net.stderr


@pytest.mark.slow
def test_cli_grade_grades_each_row_against_its_variant(out: Path, tmp_path: Path) -> None:
    keys = {
        v: json.loads((out / "mlp-bce" / f"seed-{SEED}/variant-{v}/answers.json").read_text())
        for v in (2, 3)
    }
    q = {v: next(q for q in k["questions"] if q["id"] == "numbers.W1[0,0]") for v, k in keys.items()}
    assert q[2]["expected"] != q[3]["expected"]
    rows = [
        ("own", q[2]["expected"], 2, SEED),
        ("swapped", q[3]["expected"], 2, SEED),  # another student's number
        ("spec", q[2]["expected"], "", ""),  # no variant: the spec's own values
        ("bad", q[2]["expected"], "two", SEED),
        ("orphan", q[2]["expected"], "", SEED),
    ]
    subs = tmp_path / "subs.csv"
    subs.write_text(
        "id,network,wrt,value,variant,seed\n"
        + "".join(f'{i},mlp-bce,"W1[0,0]",{v},{n},{s}\n' for i, v, n, s in rows)
    )
    done = _cli("grade", str(subs), "-o", str(tmp_path / "r.json"), "--quiet")
    assert done.returncode == 0, done.stderr
    got = {r["id"]: r for r in json.loads((tmp_path / "r.json").read_text())["results"]}
    assert got["own"]["verdict"] == "correct" and got["own"]["variant"] == f"2 (seed {SEED})"
    assert got["swapped"]["verdict"] == "incorrect"
    assert got["spec"]["verdict"] == "incorrect" and got["spec"]["variant"] == ""
    assert got["bad"]["verdict"] == "error" and "'variant'" in got["bad"]["message"]
    assert got["orphan"]["verdict"] == "error" and "'seed'" in got["orphan"]["message"]


# ---- the documents -----------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("net", ["mlp-bce", "chain", "neuron"])
def test_sheet_and_solutions(out: Path, net: str, lang: str) -> None:
    folder = out / net / lang
    sheet = (folder / "exercises.md").read_text("utf-8")
    solutions = (folder / "solutions.md").read_text("utf-8")
    key = json.loads((out / net / "answers.json").read_text("utf-8"))
    for q in (q for q in key["questions"] if q["kind"] == "value"):
        tex = q["expected"].replace("e", " \\times 10^{") + ("}" if "e" in q["expected"] else "")
        assert tex in solutions
        assert tex not in sheet.split("\n## 4.")[1]  # the sheet asks, it does not answer
        assert f"--wrt '{q['wrt']}' --value" in sheet
    assert sheet.count("\n## ") >= 4 and solutions.count("\n## ") >= 4
    if net != "chain":
        assert "X^{\\top}" in sheet  # prove ∂L/∂W = Xᵀ δ_Z, with hints
    for text in (sheet, solutions):
        try:
            assert check_markdown(text) == []
        except OracleMissing as err:
            pytest.skip(err.reason)


def test_exercise_build_is_deterministic(out: Path, tmp_path: Path) -> None:
    _build(tmp_path, ["mlp-bce"], variant="1-3")
    for p in (tmp_path / "mlp-bce").rglob("*"):
        if p.is_file():
            assert (
                p.read_bytes()
                == (out / "mlp-bce" / p.relative_to(tmp_path / "mlp-bce")).read_bytes()
            )


@pytest.mark.slow
@pytest.mark.skipif(
    shutil.which("xelatex") is None or shutil.which("latexmk") is None,
    reason="xelatex/latexmk not installed",
)
def test_pdfs_compile(tmp_path: Path) -> None:
    _build(tmp_path, ["neuron"], variant="1", formats="exercises,pdf")
    for lang in ("en", "zh"):
        for kind in ("exercises", "solutions"):
            pdf = tmp_path / "neuron" / f"seed-{SEED}" / "variant-1" / lang / f"{kind}.pdf"
            assert pdf.read_bytes()[:5] == b"%PDF-"


def test_variant_sheet_is_the_variant_spec(out: Path) -> None:
    s = spec.load("mlp-bce")
    sh = E.sheet(dataclasses.replace(s), 1, SEED)
    key = json.loads((out / "mlp-bce" / f"seed-{SEED}/variant-1/answers.json").read_text("utf-8"))
    assert sh.key == key


def test_hostile_title_is_inert_in_the_exercises(tmp_path: Path) -> None:
    title = "<script>alert(1)</script> \\\\input{/etc/hostname} $x$"
    src = f'''
[network]
name = "hostile"
title = {{ en = "{title}", zh = "{title}" }}
[dims]
n = 2
[inputs]
x = [1, "n"]
[params]
w = [1, "n"]
[forward]
z = "x @ w.T"
L = "z ** 2"
'''
    path = tmp_path / "hostile.toml"
    path.write_text(src, "utf-8")
    builder.build(builder.plan([str(path)], ["exercises"], ["en"], tmp_path / "o", None, variant="1", seed=3))
    folder = tmp_path / "o" / "hostile" / "seed-3" / "variant-1" / "en"
    for name in ("exercises.md", "solutions.md"):
        md = (folder / name).read_text("utf-8")
        assert "<script>" not in md and "&lt;script&gt;" in md and "\\$x\\$" in md
    for name in ("exercises.tex", "solutions.tex"):
        tex = (folder / name).read_text("utf-8")
        assert "\\input{/etc/hostname}" not in tex


def test_templates_folder_restyles_the_exercises(tmp_path: Path) -> None:
    mine = tmp_path / "mine" / "exercises"
    mine.mkdir(parents=True)
    root = Path(__file__).resolve().parent.parent / "templates" / "exercises"
    text = (root / "exercises.md.j2").read_text("utf-8")
    (mine / "exercises.md.j2").write_text("MY COURSE\n" + text, "utf-8")
    builder.build(
        builder.plan(["chain"], ["exercises"], ["en"], tmp_path / "o", str(tmp_path / "mine"))
    )
    assert (
        (tmp_path / "o" / "chain" / "en" / "exercises.md")
        .read_text("utf-8")
        .startswith("MY COURSE")
    )


def test_a_relu_that_can_never_mask_keeps_its_variant_and_says_so(tmp_path: Path) -> None:
    """It was refused with exit 2 (no draw masks); a soft problem no draw avoids is kept and said
    (labs15: ArcFace's clamp of 1 − cos² to [0, 1])."""
    src = """
[network]
name = "dead"
title = { en = "dead", zh = "dead" }
[dims]
n = 2
[inputs]
x = [1, "n"]
[params]
w = [1, "n"]
[forward]
z = "x * w * w + 100"
a = "relu(z)"
L = "sum(a)"
"""
    path = tmp_path / "dead.toml"
    path.write_text(src, "utf-8")
    proc = _cli("build", str(path), "-f", "exercises", "--variant", "1", "-o", str(tmp_path / "o"))
    assert proc.returncode == 0, proc.stderr
    sol = next((tmp_path / "o").rglob("variant-1/en/solutions.md")).read_text("utf-8")
    assert "masks nothing at any of the values drawn for this variant" in sol


@pytest.mark.parametrize("net", ["mlp-bce", "neuron"])
def test_chinese_sheets_use_chinese_punctuation_around_their_asides(out: Path, net: str) -> None:
    """"(检查：`derive check …`)" and "传回。 形状：" were English parentheses and spaces in Chinese
    sheets; the catalogue's ui.open/close/gap give each language its own."""
    for name in ("exercises.md", "solutions.md"):
        text = (out / net / "zh" / name).read_text("utf-8")
        assert "(检查" not in text and "（检查：`derive check" in text or name == "solutions.md"
        assert not re.findall(r".{8}[：。；，] (?![|&])", text), name


def test_no_variant_asks_for_a_zero_that_is_only_rounding() -> None:
    """attention with X₁₁ = X₂₁ has ∂L/∂(W_k)₁₁ = 0 exactly, which the irrational 1/√d leaves
    as ±3.7e-32 in the many-digit arithmetic: variant 1 (seed 7) drew such values and asked for
    that number, key '3.697785 e-32' (not even a number). Such a draw is refused now, and every
    key value of the attention variants is a plain decimal number that the grader accepts."""
    s = spec.load("attention")
    d = E.base_derivation(s)
    values = dict(s.values)
    values["X"] = ((Fraction(3, 2), Fraction(-2)), (Fraction(3, 2), Fraction(1, 2)))
    assert E._unfit(d, values) and not E._unfit(d, s.values)
    for variant in (1, 2):
        sh = E.sheet(s, variant, 7)
        dv = E.variant_derivation(s, variant, 7)
        for q in sh.key["questions"]:
            if q["kind"] == "value":
                assert abs(float(q["expected"])) > 1e-12, q
                assert check(dv, q["wrt"], value=q["expected"]).ok, q


def test_a_key_built_from_a_relative_spec_path_grades_from_another_folder(tmp_path: Path) -> None:
    """A lecturer builds `derive build specs/net.toml -f exercises --variant 1` in the course
    folder; the key's "spec" is that relative path, so `derive check … --answers KEY` from
    another folder (an autograder) failed with "no such built-in network or file" although NET
    named the spec file. NET (or grading.grade's ``spec``) is read instead; another network is
    refused with exit 2."""
    course = tmp_path / "course"
    (course / "specs").mkdir(parents=True)
    shutil.copy(Path(spec.__file__).parent / "specs" / "chain.toml", course / "specs" / "net.toml")
    done = _cli("build", "specs/net.toml", "-f", "exercises", "--variant", "1", "--lang", "en",
                "-o", "out", cwd=course)  # fmt: skip
    assert done.returncode == 0, done.stderr
    path = next((course / "out").glob("*/seed-0/variant-1/answers.json"))
    key = E.load_key(path)
    assert key["spec"] == "specs/net.toml"
    q = next(q for q in key["questions"] if q["kind"] == "value")
    args = ["--answers", str(path), "--wrt", q["wrt"], "--value", q["expected"]]
    source = str(course / "specs" / "net.toml")
    ok = _cli("check", source, *args, cwd=tmp_path)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert grading.grade(key, q["id"], q["expected"], spec=source).ok
    flipped = q["expected"][1:] if q["expected"].startswith("-") else "-" + q["expected"]
    assert not grading.grade(key, q["id"], flipped, spec=source).ok
    shutil.copy(Path(spec.__file__).parent / "specs" / "neuron.toml", tmp_path / "other.toml")
    wrong = _cli("check", str(tmp_path / "other.toml"), *args, cwd=tmp_path)
    assert wrong.returncode == 2 and "the answer key is for" in wrong.stderr, wrong.stderr
    assert "Traceback" not in wrong.stderr


def test_every_rule_the_engine_names_has_a_reason_in_both_catalogues() -> None:
    """`F.cross_entropy(logits, Y)` gives a path whose only rule is the fused softmax-ce: its
    reason `rule.softmax-ce` was in no catalogue, so the solutions (which give every step's
    reason) and `--detail full` stopped with "internal error: KeyError" on 27 course specs."""
    fused = {"sigmoid-bce", "weighted-bce", "softmax-ce", "softmax-ce-soft", "identity"}
    for lang in ("en", "zh"):
        path = Path(E.__file__).parents[1] / "locale" / f"{lang}.toml"
        reasons = tomllib.loads(path.read_text("utf-8"))["reasons"]
        rules = set(B.MAIN_RULES) | B._op_rules() | fused
        missing = {r for r in rules if f"rule.{r}" not in reasons}
        assert not missing, (lang, missing)


def test_solutions_of_a_cross_entropy_on_logits(tmp_path: Path) -> None:
    src = Path(__file__).parent / "specs_course" / "makemore_int_targets.toml"
    files = _build(tmp_path, [str(src)], variant="3")
    sol = [f for f in files if f.name == "solutions.md"]
    assert len(sol) == 2
    for f in sol:
        text = f.read_text("utf-8")
        assert "F.cross_entropy" in text and "p - y" in text
