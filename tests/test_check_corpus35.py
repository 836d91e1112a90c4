"""The held-out-style corpus of issue 11, thirty-fifth round (tests/corpus35.py): CODE answers
from sources no corpus had used — CS231n assignment-2 layer functions with their caches,
class-style layers, Karpathy's backprop-ninja chain, micrograd-style scalar code, CS231n's naive
loops, MIT 6.390's hinge helpers, UFLDL's and CMU 11-785's column conventions, Keras backend,
Flax/Optax and JAX — and students' mistakes on them, on the built-ins and twelve lecturer networks
no earlier corpus used. Verdicts of the matrix cases come from PyTorch (tests/check_oracle.py,
tests/spelled_oracle.py); the checker must give each case its verdict and, where one is named, its
diagnosis code. Rates (and the first, before-fix measurement): bench/bench_check_corpus35.py,
bench/RESULTS.md "heldcheck35"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus35  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus35.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}
COURSE = Path(__file__).resolve().parent / "specs_course"


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and ten lecturer networks no earlier corpus used,
    about half right, refusals and ten Chinese cases among them, none repeating corpora 2–34;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus35, CASES, KNOWN, least=200, course=10, zh=10)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


def test_grade_jsonl_batch_of_corpus35_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 35's rows (every eighth case, the Chinese
    ones, the unreadable ones; course networks by their spec path): each row gets the verdict and
    first code the corpus states, and the batch runs to the end."""
    plain = [c for c in CASES if c["id"] not in KNOWN]
    picked = [c for k, c in enumerate(plain) if k % 8 == 0]
    picked += [c for c in plain if (c["verdict"] == "unreadable" or c["lang"] == "zh") and c not in picked]
    corpus_common.assert_rows_graded(picked, tmp_path)


def test_grade_class_csv_of_layer_code_in_chinese(tmp_path: Path) -> None:
    """A class's CSV graded with ``--lang zh``: CS231n's affine/ReLU layer functions with the
    cache unpacked; a class-style ``Linear`` whose ``backward`` stores ``self.dW``; the backprop
    ninja's ``dlogits`` on makemore; MIT's hinge helpers; the ninja's ``dlogits`` without the
    ``/= n`` with a Chinese comment (scale-factor); UFLDL's column-major bias summed over the
    classes (wrong); ``loss.backward(); W2.grad`` (unreadable); an unknown network and an empty
    formula (row errors) — each row its own verdict and code, Chinese messages on the bad rows,
    the summary counting them."""
    import csv
    import json
    import os
    import subprocess

    by_style = {c["style"]: c["text"] for c in CASES}
    spec = str(COURSE / "{}.toml")
    rows = [
        ("z01", "mlp-bce", "W1", "numpy", by_style["cs231n-layers-W1"]),
        ("z02", "mlp-bce", "W2", "numpy", by_style["class-layers-W2"]),
        ("z03", corpus35.NG, "W2", "numpy", by_style["ninja-W2"]),
        ("z04", corpus35.MT, "th", "numpy", by_style["mit-d-svm-obj-dth"]),
        ("z05", corpus35.NG, "W2", "numpy", "# 忘了除以 n\ndlogits = F.softmax(logits, 1)\ndlogits[range(n), Yb.argmax(1)] -= 1\ndW2 = h.T @ dlogits"),
        ("z06", corpus35.UF, "b", "numpy", "# 按行求和\ndb = np.sum(P - Y, axis=0, keepdims=True) / m"),
        ("z07", "mlp-bce", "W2", "numpy", "loss.backward()\ndW2 = W2.grad"),
        ("z08", spec.format("no_such_network"), "W", "numpy", "dW = X.T @ dZ"),
        ("z09", "softmax-regression", "W", "numpy", ""),
    ]
    sub = tmp_path / "class.csv"
    with sub.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "network", "wrt", "kind", "formula"])
        w.writerows(rows)
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[1]))
    report = tmp_path / "report.json"
    done = subprocess.run(
        [sys.executable, "-m", "derive", "grade", str(sub), "-o", str(report), "--jobs", "1",
         "--quiet", "--lang", "zh"],
        capture_output=True, text=True, env=env, timeout=900,
    )
    assert done.returncode == 0, done.stderr
    out = json.loads(report.read_text(encoding="utf-8"))
    got = {r["id"]: r for r in out["results"]}
    want = {"z01": "correct", "z02": "correct", "z03": "correct", "z04": "correct",
            "z05": "incorrect", "z06": "incorrect", "z07": "unreadable", "z08": "error",
            "z09": "error"}
    assert {k: v["verdict"] for k, v in got.items()} == want
    assert got["z05"]["codes"][0] == "scale-factor"
    for k in ("z05", "z06"):
        assert corpus35.chinese_only(got[k]["message"]), got[k]["message"]
    for k in ("z07", "z08", "z09"):
        assert got[k]["message"] and not got[k]["codes"], got[k]
        assert corpus35.chinese_only(got[k]["message"]), got[k]["message"]
    assert out["summary"]["submissions"] == 9
    assert out["summary"]["verdicts"] == {"correct": 4, "error": 2, "incorrect": 2, "unreadable": 1}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus35 = corpus_common.corpus_tests(
    corpus35, CASES, KNOWN
)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def _verdict(net: str, wrt: str, text: str | None = None, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw)
    return r.verdict, r.code
