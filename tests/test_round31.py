"""Round 31 on main (lead): ``derive grade``'s own messages in the command's language.

Issue 11 item 6 asks for every message in Chinese under ``--lang zh``. The rows' verdicts were;
the messages about the submissions file itself (not UTF-8, no header, the report is the input, a
folder that does not exist, too many fields), the progress bar and the closing line were English
f-strings. Each case runs the real CLI in both languages and asserts the sentence is the
catalogue's, with nothing of the other language left in it.
"""

from __future__ import annotations

import csv
import json
import re

import numpy as np
import pytest
from click.testing import CliRunner

from derive.cli import main
from derive.locale import catalog

HAN = re.compile(r"[\u4e00-\u9fff]")
GOOD = "id,network,wrt,formula\n1,chain,w,2*v*x\n"


def _grade(tmp_path, files, args, lang):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data if isinstance(data, bytes) else data.encode())
    argv = ["grade", *[a.format(tmp=tmp_path) for a in args], "--lang", lang]
    return CliRunner().invoke(main, argv)


FILE_CASES = [
    # (id, files, args, catalogue key, what the English sentence says)
    (
        "no-header",
        {"s.csv": "id,wrt\n1,w\n"},
        ["{tmp}/s.csv", "-o", "{tmp}/r.csv"],
        "no_header",
        "needs a header",
    ),
    (
        "not-utf8",
        {"s.csv": b"\x80\xffid"},  # (\xff\xfe would be UTF-16's BOM: read since round 38)
        ["{tmp}/s.csv", "-o", "{tmp}/r.csv"],
        "not_utf8",
        "not UTF-8",
    ),
    (
        "report-is-input",
        {"s.csv": GOOD},
        ["{tmp}/s.csv", "-o", "{tmp}/s.csv"],
        "report_is_input",
        "is the submissions file",
    ),
    (
        "no-folder",
        {"s.csv": GOOD},
        ["{tmp}/s.csv", "-o", "{tmp}/nowhere/r.csv"],
        "report_folder",
        "does not exist",
    ),
]


@pytest.mark.parametrize(
    ("files", "args", "key", "english"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES]
)
def test_file_errors_speak_the_command_language(tmp_path, files, args, key, english):
    en = _grade(tmp_path, files, args, "en")
    zh = _grade(tmp_path, files, args, "zh")
    assert en.exit_code == zh.exit_code == 2, (en.output, zh.output)
    assert english in en.output and not HAN.search(en.output)
    assert zh.output.startswith("错误："), zh.output
    assert HAN.search(zh.output) and english not in zh.output, zh.output
    # the sentence is the catalogue's, the file named in both
    template = catalog.text(f"check.cg7.{key}", "zh", path="\0", report="\0", real="\0")
    first = template.split("\0")[-1][:6]
    assert first in zh.output, (first, zh.output)


def test_unquoted_comma_row_names_the_fix_in_both_languages(tmp_path):
    """``W1[0,0]`` unquoted in a CSV row splits into two fields: the row's error says to quote
    it (the batch goes on: the other rows are graded)."""
    sub = "id,network,wrt,formula,value\na,tiny-mlp,W1[0,0],,0.00447\nb,chain,w,2*v*x,\n"
    for lang, quote in (("en", "double quotes"), ("zh", "双引号")):
        res = _grade(
            tmp_path, {"s.csv": sub}, ["{tmp}/s.csv", "-o", "{tmp}/r.json", "--quiet"], lang
        )
        assert res.exit_code == 0, res.output
        rows = {r["id"]: r for r in json.loads((tmp_path / "r.json").read_text())["results"]}
        assert rows["a"]["verdict"] == "error" and quote in rows["a"]["message"], rows["a"]
        assert rows["b"]["verdict"] == "correct", rows["b"]


def test_quoted_entry_is_graded(tmp_path):
    """The fix the message gives works: quoted, the same entry is read and graded."""
    with open(tmp_path / "s.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["id", "network", "wrt", "value"])
        w.writerow(["a", "chain", "w", "40"])
        w.writerow(["b", "mlp-bce", "W1[0,0]", "0.7"])
    res = CliRunner().invoke(
        main, ["grade", str(tmp_path / "s.csv"), "-o", str(tmp_path / "r.json"), "--quiet"]
    )
    assert res.exit_code == 0, res.output
    rows = {r["id"]: r for r in json.loads((tmp_path / "r.json").read_text())["results"]}
    assert rows["a"]["verdict"] == "correct"
    assert rows["b"]["verdict"] == "incorrect"  # read as the entry W1[0,0], and judged


def test_progress_and_closing_line_in_chinese(tmp_path):
    res = _grade(tmp_path, {"s.csv": GOOD}, ["{tmp}/s.csv", "-o", "{tmp}/r.csv"], "zh")
    assert res.exit_code == 0, res.output
    assert "评分中 [" in res.output and "已评 1 份提交" in res.output, res.output
    assert "grading" not in res.output and "graded" not in res.output
    en = _grade(tmp_path, {"s.csv": GOOD}, ["{tmp}/s.csv", "-o", "{tmp}/r.csv"], "en")
    assert "grading [" in en.output and "graded 1 submissions" in en.output


OTHER_CASES = [
    # (id, argv, what the English sentence says); each exits 2 before any work
    ("prove-unknown", ["prove", "nosuch"], "unknown proof"),
    ("prove-nothing", ["prove"], "name a proof"),
    (
        "answers-missing",
        ["check", "mlp-bce", "--wrt", "W2", "A1.T", "--answers", "{tmp}/no.json"],
        "cannot read the answer key",
    ),
    (
        "answers-not-a-key",
        ["check", "mlp-bce", "--wrt", "W2", "A1.T", "--answers", "{tmp}/k.json"],
        "not an answer key",
    ),
    (
        "answers-no-field",
        ["check", "mlp-bce", "--wrt", "W2", "A1.T", "--answers", "{tmp}/k2.json"],
        "the key has no",
    ),
    (
        "variant-text",
        ["build", "mlp-bce", "-f", "exercises", "--variant", "x", "-o", "{tmp}/o"],
        "give a number",
    ),
    (
        "variant-range",
        ["build", "mlp-bce", "-f", "exercises", "--variant", "5-2", "-o", "{tmp}/o"],
        "a range of at most",
    ),
    (
        "variant-without-exercises",
        ["build", "mlp-bce", "-f", "md", "--variant", "2", "-o", "{tmp}/o"],
        "add -f exercises",
    ),
    ("format", ["build", "mlp-bce", "-f", "docx", "-o", "{tmp}/o"], "unknown format docx"),
    ("format-empty", ["build", "mlp-bce", "-f", ",", "-o", "{tmp}/o"], "(none given)"),
]


@pytest.mark.parametrize(
    ("argv", "english"), [c[1:] for c in OTHER_CASES], ids=[c[0] for c in OTHER_CASES]
)
def test_other_refusals_speak_the_command_language(tmp_path, argv, english):
    """``prove``'s, the answer key's and ``build``'s option refusals were English under
    ``--lang zh``; nothing is written."""
    (tmp_path / "k.json").write_text('{"schema": 1}')
    (tmp_path / "k2.json").write_text('{"schema": "derive-answer-key/1", "spec": "mlp-bce"}')
    out = {}
    for lang in ("en", "zh"):
        res = CliRunner().invoke(main, [*[a.format(tmp=tmp_path) for a in argv], "--lang", lang])
        assert res.exit_code == 2, res.output
        out[lang] = res.output
    assert english in out["en"] and not HAN.search(out["en"]), out["en"]
    assert out["zh"].startswith("错误：") and english not in out["zh"], out["zh"]
    assert HAN.search(out["zh"].removeprefix("错误：")), out["zh"]
    assert "Errno" not in out["en"] + out["zh"]
    assert not (tmp_path / "o").exists()


# ---- a NumPy answer made 1-D as a whole: its entries in order ---------------------------------

_FLAT = """
[dims]
m = 3
n = 4
h = 5
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
W1 = ["n", "h"]
b1 = [1, "h"]
w2 = ["h", 1]
c = [1, 1]
[forward]
Z = "X @ W1 + b1"
H = "np.tanh(Z)"
s = "H @ w2 + c"
P = "sigmoid(s)"
L = "bce(P, Y)"
[values]
X = [[1, -2, 0.5, 3], [0.2, 1, -1, 0.4], [-0.7, 0.3, 2, -1]]
Y = [[1], [0], [1]]
W1 = [[0.1, -0.3, 0.2, 0.05, -0.1], [0.4, 0.1, -0.2, 0.3, 0.2], [-0.5, 0.2, 0.1, -0.1, 0.3], [0.2, -0.1, 0.3, 0.2, -0.4]]
b1 = [[0.1, 0, -0.1, 0.2, 0]]
w2 = [[0.5], [-0.4], [0.3], [0.2], [-0.6]]
c = [[0.1]]
"""
_FV = {
    "X": [[1, -2, 0.5, 3], [0.2, 1, -1, 0.4], [-0.7, 0.3, 2, -1]],
    "Y": [[1.0], [0.0], [1.0]],
    "W1": [
        [0.1, -0.3, 0.2, 0.05, -0.1],
        [0.4, 0.1, -0.2, 0.3, 0.2],
        [-0.5, 0.2, 0.1, -0.1, 0.3],
        [0.2, -0.1, 0.3, 0.2, -0.4],
    ],
    "b1": [[0.1, 0, -0.1, 0.2, 0]],
    "w2": [[0.5], [-0.4], [0.3], [0.2], [-0.6]],
    "c": [[0.1]],
}


def _flat_torch(t):
    import torch

    p = torch.sigmoid(torch.tanh(t["X"] @ t["W1"] + t["b1"]) @ t["w2"] + t["c"])
    return torch.nn.functional.binary_cross_entropy(p, t["Y"])


def _flat_env(env):
    Z = env["X"] @ env["W1"] + env["b1"]
    H = np.tanh(Z)
    P = 1 / (1 + np.exp(-(H @ env["w2"] + env["c"])))
    return {"Z": Z, "H": H, "P": P, "m": 3}


FLAT_CASES = [
    # (wrt, the student's code: the last line defines d<wrt>, made 1-D as a whole)
    ("w2", "dw2 = (H.T @ (P - Y) / m).flatten()"),
    ("w2", "dw2 = ((P - Y).T @ H / m).ravel()"),  # the row: the same entries
    ("w2", "dw2 = np.ravel(H.T @ (P - Y)) / m"),
    ("w2", "dw2 = 1 / m * (H.T @ (P - Y)).reshape(-1)"),
    ("w2", "dw2 = (H.T @ (P - Y)).squeeze()"),  # 1/m missing
    ("w2", "dw2 = -np.squeeze(H.T @ (Y - P), axis=1) / m"),
    (
        "b1",
        "dZ = (P - Y) @ w2.T * (1 - H ** 2)\ndb1 = np.mean(dZ, axis=0, keepdims=True).flatten()",
    ),
    (
        "b1",
        "dZ = (P - Y) @ w2.T * (1 - H ** 2)\ndb1 = np.sum(dZ, axis=0, keepdims=True).ravel()",
    ),  # m
    ("c", "dc = np.mean(P - Y, keepdims=True).reshape(-1)"),
    ("W1", "dZ = (P - Y) @ w2.T * (1 - H ** 2)\ndW1 = (X.T @ dZ / m).flatten()"),
    ("W1", "dZ = (P - Y) @ w2.T * (1 - H ** 2)\ndW1 = (dZ.T @ X / m).flatten()"),  # order differs
    ("W1", "dZ = (P - Y) @ w2.T * (1 - H)\ndW1 = (X.T @ dZ / m).ravel()"),  # tanh' wrong
]


@pytest.mark.parametrize(("wrt", "code"), FLAT_CASES)
def test_a_flattened_whole_answer_is_its_entries_in_order(wrt: str, code: str) -> None:
    """Right exactly when NumPy running the student's code gives the gradient's entries in
    order (a 1-D array has no orientation), as PyTorch computes them; a note says it was 1-D."""
    from test_round29 import _numpy_run, _truth

    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    env = {k: np.asarray(v, dtype=float) for k, v in _FV.items()}
    mine = _numpy_run(code, {**env, **_flat_env(env)}, wrt)
    truth = _truth(_flat_torch, _FV, wrt)
    assert mine.ndim == 1
    right = mine.size == truth.size and np.allclose(mine, truth.ravel(), rtol=1e-10)
    for lang in ("en", "zh"):
        r = check(spec_mod.parse(_FLAT, "flat"), wrt, code, lang=lang)
        assert r.verdict == ("correct" if right else "incorrect"), r.text()
        if "squeeze" not in code:  # .squeeze() of a whole answer had a reading before
            assert any(("1-D" if lang == "en" else "一维") in n for n in r.notes), r.notes


def test_a_flattened_answer_for_one_entry_is_not_read_as_the_whole() -> None:
    """``--wrt W1[0,0]`` keeps its own reading: the 1-D reading is for whole gradients."""
    from derive.checker.check import check
    from derive.checker.verdict import FormulaError
    from derive.lang import spec as spec_mod

    net = spec_mod.parse(_FLAT, "flat")
    try:
        r = check(net, "w2[0,0]", "(H.T @ (P - Y) / m).flatten()")
    except FormulaError:
        return
    assert not any("1-D" in n for n in r.notes)


# ---- a matrix of hand numbers typed as at MATLAB's prompt, brackets left out -------------------


def _mlp_bce_w1_grad() -> np.ndarray:
    import torch

    v = {
        "X": [[1, 2], [-1, 0.5]],
        "Y": [[1.0], [0.0]],
        "W1": [[0.3, -0.2], [0.3, 0.4]],
        "b1": [[0, 0.1]],
        "W2": [[0.5], [-0.3]],
        "b2": [[0.2]],
    }
    t = {k: torch.tensor(x, dtype=torch.float64, requires_grad=True) for k, x in v.items()}
    a2 = torch.sigmoid(torch.relu(t["X"] @ t["W1"] + t["b1"]) @ t["W2"] + t["b2"])
    torch.nn.functional.binary_cross_entropy(a2, t["Y"]).backward()
    return t["W1"].grad.numpy()


@pytest.mark.parametrize(
    ("layout", "flip", "verdict"),
    [
        ("{a} {b}; {c} {d}", False, "correct"),
        ("{a}, {b}; {c}, {d}", False, "correct"),
        ("{a} {b}; {c} {d};", False, "correct"),
        ("{a} {b}; {c} {d}", True, "incorrect"),
    ],
)
def test_a_bare_matlab_matrix_of_hand_numbers(layout: str, flip: bool, verdict: str) -> None:
    """``-0.0979 0.1356; -0.1959 0.0791`` (MATLAB's rows without the brackets) is the matrix,
    judged entry by entry against PyTorch's gradient rounded to 4 places (it was "--value needs
    one entry")."""
    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    g = _mlp_bce_w1_grad()
    if flip:
        g = g * np.array([[1, 1], [1, -1]])
    text = layout.format(**{k: f"{x:.4f}" for k, x in zip("abcd", g.ravel(), strict=True)})
    r = check(spec_mod.load("mlp-bce"), "W1", value=text)
    assert r.verdict == verdict, r.text()
    if flip:
        assert "sign" in [d.code for d in r.diagnoses], r.text()


# ---- ŷ and y of a loss written as a total of named terms ---------------------------------------

_TOTAL = """
[dims]
n = 4
d = 3
k = 2
[inputs]
X = ["n", "d"]
t = ["n", 1]
[params]
V = ["d", "k"]
u = ["k", 1]
[constants]
lam = 0.1
[forward]
hid = "np.tanh(X @ V)"
out = "hid @ u"
data = "((t - out) ** 2).mean() / 2"
penalty = "np.sum(V * V) + np.sum(u * u)"
total = "data + 0.5 * lam * penalty / X.shape[0]"
[values]
X = [[1, 0.5, -1], [0.2, -0.3, 0.8], [-1, 1, 0.5], [0.3, 0.3, -0.2]]
t = [[1], [0], [-1], [0.5]]
V = [[0.2, -0.5], [0.4, 0.1], [-0.3, 0.6]]
u = [[0.7], [-0.4]]
"""

TOTAL_CASES = [
    ("u", "(hid.T @ (yhat - y) + lam * u) / n"),
    ("u", "(hid.T @ (y - yhat) + lam * u) / n"),
    ("u", "hid.T @ (yhat - y) / n + lam * u"),
    ("V", "dh = (yhat - y) @ u.T * (1 - hid ** 2)\ndV = (X.T @ dh + lam * V) / n"),
    ("u", r"\frac{1}{n}\left(\mathrm{hid}^\top (\hat{y} - y) + \lambda u\right)"),
]


@pytest.mark.parametrize(("wrt", "code"), TOTAL_CASES)
def test_y_hat_of_a_total_of_named_terms(wrt: str, code: str) -> None:
    """``total = data + λ/2 · penalty / n`` with ``data`` the loss written out: ŷ is ``out``
    and y is ``t`` (they were unknown names, every such answer exit 2). The verdict is the
    answer run in NumPy with ŷ = out, y = t against PyTorch autograd."""
    import torch

    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    vals = {
        "X": [[1, 0.5, -1], [0.2, -0.3, 0.8], [-1, 1, 0.5], [0.3, 0.3, -0.2]],
        "t": [[1.0], [0.0], [-1.0], [0.5]],
        "V": [[0.2, -0.5], [0.4, 0.1], [-0.3, 0.6]],
        "u": [[0.7], [-0.4]],
    }
    tt = {k: torch.tensor(v, dtype=torch.float64, requires_grad=True) for k, v in vals.items()}
    hid = torch.tanh(tt["X"] @ tt["V"])
    out = hid @ tt["u"]
    total = ((tt["t"] - out) ** 2).mean() / 2 + 0.05 * (
        (tt["V"] ** 2).sum() + (tt["u"] ** 2).sum()
    ) / 4
    total.backward()
    truth = tt[wrt].grad.numpy()
    env = {k: np.asarray(v, dtype=float) for k, v in vals.items()}
    h = np.tanh(env["X"] @ env["V"])
    scope = {"np": np, "hid": h, "yhat": h @ env["u"], "y": env["t"], "lam": 0.1, "n": 4, **env}
    if code.startswith("\\"):
        mine = (h.T @ (scope["yhat"] - env["t"]) + 0.1 * env["u"]) / 4  # the LaTeX line, by hand
    else:
        exec(code, scope)  # noqa: S102 (the test's own fixed strings)
        mine = scope.get("d" + wrt, None)
        if mine is None:
            mine = eval(code.splitlines()[-1], scope)  # noqa: S307 (the test's own text)
    right = np.allclose(mine, truth, rtol=1e-10)
    r = check(spec_mod.parse(_TOTAL, "total"), wrt, code)
    assert r.verdict == ("correct" if right else "incorrect"), r.text()


# ---- a label compared with a class (torch.where(yb == 1, 1 - p, p)): drawn 0/1 -------------------

_MNIST = """
[dims]
n = 4
d = 3
[inputs]
xb = ["n", "d"]
yb = ["n", 1]
[params]
weights = ["d", 1]
bias = [1]
[forward]
preds = "xb @ weights + bias"
p = "preds.sigmoid()"
loss = "torch.where(yb == 1, 1 - p, p).mean()"
"""


def _mnist_grad(yb: np.ndarray, formula: str | None = None) -> np.ndarray:
    """fast.ai's mnist_loss gradient by PyTorch at fixed xb, weights, bias and the labels ``yb``;
    with ``formula`` the student's NumPy expression there instead."""
    import torch

    rng = np.random.default_rng(7)
    xb, w, b = rng.normal(size=(4, 3)), rng.normal(size=(3, 1)), rng.normal(size=(1,))
    if formula is not None:
        p = 1 / (1 + np.exp(-(xb @ w + b)))
        return eval(formula, {"np": np, "xb": xb, "yb": yb, "p": p, "n": 4})  # noqa: S307 (test's own)
    tw = torch.tensor(w, requires_grad=True)
    p = torch.sigmoid(torch.tensor(xb) @ tw + torch.tensor(b))
    torch.where(torch.tensor(yb) == 1, 1 - p, p).mean().backward()
    return tw.grad.numpy()


def test_a_label_compared_with_a_class_is_drawn_zero_or_one() -> None:
    """Without [values], ``yb`` compared ``== 1`` in the loss is a 0/1 label (random reals
    never equal 1: the where would take one branch only)."""
    from derive.lang import spec as spec_mod

    s = spec_mod.parse(_MNIST, "mnist")
    assert {v for row in s.values["yb"] for v in row} <= {0, 1}
    assert any(v not in (0, 1) for row in s.values["xb"] for v in row)


@pytest.mark.parametrize("given", [False, True])
def test_a_formula_right_only_for_zero_one_labels_says_so(given: bool) -> None:
    """``(1 - 2 yb)`` for where(yb == 1, −1, 1): PyTorch agrees at 0/1 labels, not at 0.5; the
    checker says wrong with the 0/1-labels note, given values or not (it said only `unknown`
    where the values were made up)."""
    from derive.checker.check import check
    from derive.lang import spec as spec_mod

    student = "xb.T @ ((1 - 2 * yb) * p * (1 - p)) / n"
    bits, soft = np.array([[1.0], [0.0], [1.0], [0.0]]), np.array([[1.0], [0.5], [1.0], [0.0]])
    assert np.allclose(_mnist_grad(bits, student), _mnist_grad(bits))
    assert not np.allclose(_mnist_grad(soft, student), _mnist_grad(soft))
    text = _MNIST + ("[values]\nyb = [[1], [0], [1], [0]]\n" if given else "")
    r = check(spec_mod.parse(text, "mnist"), "weights", student)
    assert r.verdict == "incorrect", r.text()
    assert any("0 or 1" in n for n in r.notes), r.notes
    right = check(
        spec_mod.parse(text, "mnist"),
        "weights",
        "xb.T @ (np.where(yb == 1, -1, 1) * p * (1 - p)) / n",
    )
    assert right.verdict == "correct", right.text()
