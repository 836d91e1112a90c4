"""Round 38 (issues 9, 11, 12): the lead's fixes from held-out input, each with the case that
found it."""

from __future__ import annotations

import pytest

# ---- a softmax down the columns under a cross-entropy against one-hot columns (issue 9) -------
# Ng's and UFLDL's layout keeps one example per column: ``np.exp(Z2) / np.sum(np.exp(Z2),
# axis=0, keepdims=True)``, ``torch.softmax(Z, dim=0)``, a log-softmax down the columns. The
# handout wrote the softmax Jacobian out (a page-long formula) where the row-major network gets
# the textbook ``(A2 − Y)/m``.

COLUMNS = """# column-major two-layer network, softmax output (one example per column)
[dims]
n_x = 3
n_h = 4
n_y = 3
m = 5
[inputs]
X = ["n_x", "m"]
Y = { shape = ["n_y", "m"], kind = "one-hot-columns" }
[params]
W1 = ["n_h", "n_x"]
b1 = ["n_h", 1]
W2 = ["n_y", "n_h"]
b2 = ["n_y", 1]
[forward]
Z1 = "W1 @ X + b1"
A1 = "np.tanh(Z1)"
Z2 = "W2 @ A1 + b2"
SOFTMAX
J = "LOSS"
"""

SPELLINGS = {
    "written": ('A2 = "np.exp(Z2) / np.sum(np.exp(Z2), axis=0, keepdims=True)"', "-np.sum(Y * np.log(A2)) / m", "Z2", "(A2 - Y)"),
    "shifted": (
        'S = "Z2 - Z2.max(0)"\nE = "np.exp(S)"\nA2 = "E / E.sum(0)"',
        "-np.sum(Y * np.log(A2)) / m",
        "Z2",
        "(A2 - Y)",
    ),
    "torch": ('A2 = "torch.softmax(Z2, dim=0)"', "-(Y * torch.log(A2)).sum() / m", "Z2", "(A2 - Y)"),
    "log": (
        'LP = "Z2 - np.log(np.sum(np.exp(Z2), axis=0, keepdims=True))"',
        "-np.mean(np.sum(Y * LP, axis=0))",
        "Z2",
        "(exp(LP) - Y)",
    ),
}


def _columns(kind: str, one_hot: bool = True) -> str:
    soft, loss, _, _ = SPELLINGS[kind]
    text = COLUMNS.replace("SOFTMAX", soft).replace("LOSS", loss)
    return text if one_hot else text.replace('kind = "one-hot-columns"', 'kind = "data"')


def _simplified(text: str, node: str):
    from derive.engine.backprop import derive
    from derive.lang import spec

    return derive(spec.parse(text)).gradient(node).simplified


@pytest.mark.parametrize("kind", sorted(SPELLINGS))
def test_a_softmax_down_the_columns_simplifies_to_the_error(kind: str) -> None:
    steps = _simplified(_columns(kind), SPELLINGS[kind][2])
    assert steps, "no simplification"
    assert steps[-1].rhs.text.replace(" ", "") == f"1/m·{SPELLINGS[kind][3]}".replace(" ", "")
    # the reasons speak of columns, never of rows
    assert all(s.reason.endswith(".columns") for s in steps if s.reason != "builtins.ce_shift_result")


def test_targets_not_one_hot_by_columns_get_no_one_hot_step() -> None:
    steps = _simplified(_columns("written", one_hot=False), "Z2")
    assert not any("ce_one_hot" in s.reason for s in steps)


def test_the_column_error_agrees_with_pytorch() -> None:
    """The oracle: δ_Z2 of the column-major network by autograd (float64) is (A2 − Y)/m with
    A2 the softmax of each column and Y one-hot columns."""
    torch = pytest.importorskip("torch")
    g = torch.Generator().manual_seed(3)
    X = torch.randn(3, 5, generator=g, dtype=torch.float64)
    Y = torch.nn.functional.one_hot(torch.tensor([0, 2, 1, 1, 0]), 3).T.double()
    W1, W2 = torch.randn(4, 3, generator=g, dtype=torch.float64), torch.randn(3, 4, generator=g, dtype=torch.float64)
    Z2 = (W2 @ torch.tanh(W1 @ X)).requires_grad_()
    A2 = torch.softmax(Z2, dim=0)
    (-(Y * torch.log(A2)).sum() / 5).backward()
    assert torch.allclose(Z2.grad, (A2 - Y).detach() / 5, rtol=0, atol=1e-15)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_column_handout_says_columns(lang: str) -> None:
    from test_round36 import _md

    md = _md(_columns("written"), lang)
    column = {"en": "Each column of this blame", "zh": "每一列（每列一个样本）的和都为零"}[lang]
    row = {"en": "Each row of this blame", "zh": "这份责任每一行的和都为零"}[lang]
    assert column in md and row not in md
    assert "In code: `dZ2 = (A2 - Y) / m`" in md or "`dZ2 = (A2 - Y) / m`" in md


GIVEN = """# 邱锡鹏 3.3: softmax regression, examples in columns, labels given (no kind declared)
[dims]
D = 3
C = 3
N = 4
[inputs]
X = ["D", "N"]
Y = ["C", "N"]
[params]
W = ["D", "C"]
[forward]
Z = "W.T @ X"
Y_hat = "SOFTMAX"
R = "-1 / N * np.sum(Y * np.log(Y_hat))"
[values]
Y = LABELS
"""

HOT_COLUMNS = "[[1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 1, 0]]"
SOFT_COLUMNS = "[[0.5, 0, 0, 1], [0.5, 1, 0, 0], [0, 0, 1, 0]]"


@pytest.mark.parametrize(
    "softmax", ["F.softmax(Z, dim=0)", "np.exp(Z) / np.sum(np.exp(Z), axis=0, keepdims=True)"]
)
def test_targets_given_as_one_hot_columns_are_read_so(softmax: str) -> None:
    from derive.lang import spec

    hot = GIVEN.replace("SOFTMAX", softmax).replace("LABELS", HOT_COLUMNS)
    assert spec.parse(hot).one_hot_columns == ("Y",)
    steps = _simplified(hot, "Z")
    assert steps and steps[-1].rhs.text.replace(" ", "") == "1/N·(Y_hat-Y)"
    # soft labels keep the general form: nothing assumes columns that sum to 1
    soft = GIVEN.replace("SOFTMAX", softmax).replace("LABELS", SOFT_COLUMNS)
    assert spec.parse(soft).one_hot_columns == ()
    assert not any("ce_one_hot" in s.reason for s in _simplified(soft, "Z"))


def test_the_column_error_at_given_labels_agrees_with_pytorch() -> None:
    """The walkthrough's numbers for δ_Z of 邱锡鹏's network against autograd (float64)."""
    torch = pytest.importorskip("torch")
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    d = derive(spec.parse(GIVEN.replace("SOFTMAX", "F.softmax(Z, dim=0)").replace("LABELS", HOT_COLUMNS)))
    values = {k: torch.tensor([[float(v) for v in row] for row in rows], dtype=torch.float64)
              for k, rows in d.spec.values.items()}
    W = values["W"].clone().requires_grad_()
    Y_hat = torch.softmax(W.T @ values["X"], dim=0)
    (-1 / 4 * torch.sum(values["Y"] * torch.log(Y_hat))).backward()
    report = numeric.verify(d, points=2, full=False)
    assert report.ok  # derive's symbolic gradients against PyTorch and finite differences
    assert torch.allclose(W.grad, values["X"] @ ((Y_hat - values["Y"]) / 4).T.detach(), rtol=0, atol=1e-14)


# ---- code lines a reader does not misread (issue 12) ------------------------------------------
# Python reads ``dA2 * mask @ A1.T`` as ``(dA2 * mask) @ A1.T`` (same precedence, left to right),
# which is right; a student reads ``@`` as the tighter one. Column-major networks put the
# element-wise product on the left of the matrix product, so the code lines keep its brackets.

DEEP = """# Ng C1W4: column-major, two ReLU layers then a sigmoid, cost written out
[dims]
n0 = 3
n1 = 4
m = 4
[inputs]
X = ["n0", "m"]
Y = [1, "m"]
[params]
W1 = ["n1", "n0"]
b1 = ["n1", 1]
W2 = [1, "n1"]
b2 = [1, 1]
[forward]
A1 = "np.maximum(0, np.dot(W1, X) + b1)"
AL = "1 / (1 + np.exp(-(np.dot(W2, A1) + b2)))"
cost = "(-1 / m) * np.sum(np.multiply(Y, np.log(AL)) + np.multiply(1 - Y, np.log(1 - AL)))"
[values]
Y = [[1, 0, 1, 1]]
"""


def test_the_left_factor_of_a_matrix_product_keeps_its_brackets() -> None:
    from test_round36 import _md

    md = _md(DEEP)
    assert "`dW2 = ((AL - Y) / m) @ A1.T`" in md
    assert "`dW1 = (dA1 * (W1 @ X + b1 > 0)) @ X.T`" in md
    assert "/ m @" not in md and ") @ X.T`" in md


EX4 = """# Ng ex4: one hidden layer, bias columns stacked, the bias weights not penalised
[dims]
m = 3
n = 2
h = 3
K = 2
[inputs]
X = ["m", "n"]
Y = ["m", "K"]
[params]
Theta1 = ["h", 3]
Theta2 = ["K", 4]
[constants]
lam = 1.0
[forward]
a1 = "np.hstack([np.ones((m, 1)), X])"
z2 = "a1 @ Theta1.T"
a2 = "np.hstack([np.ones((m, 1)), sigmoid(z2)])"
a3 = "sigmoid(a2 @ Theta2.T)"
J = "-1 / m * np.sum(Y * np.log(a3) + (1 - Y) * np.log(1 - a3)) + lam / (2 * m) * (np.sum(Theta1[:, 1:] ** 2) + np.sum(Theta2[:, 1:] ** 2))"
[values]
Y = [[1, 0], [0, 1], [1, 0]]
"""


def test_a_slice_to_the_end_prints_as_written() -> None:
    """``Theta2[:, 1:]`` and the hidden gradient without its bias column ``da2[:, 1:]``, as Ng's
    ex4 writes them, not ``[:, 1:4]`` and ``[:, 1:1 + h]``."""
    from test_round36 import _md

    md = _md(EX4)
    assert "lam/m * Theta2[:, 1:]), axis=1)" in md and "lam/m * Theta1[:, 1:]), axis=1)" in md
    assert "`dz2 = da2[:, 1:] * sigmoid(z2) * (1 - sigmoid(z2))`" in md
    assert "1:4]" not in md and "1:1 + h]" not in md


# ---- a class file as spreadsheets and LMS exports write it (issue 11) --------------------------

ROWS = [
    ("s1", "mlp-bce", "W2", "A1.T @ (A2 - Y) / m"),  # right
    ("s2", "mlp-bce", "W2", "A1.T @ (A2 - Y)"),  # 1/m missing
    ("学生3", "mlp-bce", "b2", "np.sum(A2 - Y, axis=0, keepdims=True) / m"),  # right
]
VERDICTS = ["correct", "incorrect", "correct"]


def _csv(header: tuple[str, ...], sep: str = ",", extra: tuple[str, ...] = ()) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf, delimiter=sep, lineterminator="\r\n")
    w.writerow(header + extra)
    for r in ROWS:
        w.writerow(r + tuple("x" for _ in extra))
    return buf.getvalue()


def _grade_cli(tmp_path, data: bytes):
    """``derive grade`` on ``data`` as answers.csv, the report at report.csv."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    src = tmp_path / "answers.csv"
    src.write_bytes(data)
    root = Path(__file__).resolve().parents[1]
    return subprocess.run(
        [sys.executable, "-m", "derive", "grade", str(src), "-o", str(tmp_path / "report.csv"), "--quiet", "-j", "1"],
        capture_output=True, text=True, cwd=root, env={**os.environ, "PYTHONPATH": str(root)},
    )


def _graded(tmp_path, data: bytes) -> list[str]:
    import csv

    run = _grade_cli(tmp_path, data)
    assert run.returncode == 0, run.stderr
    with (tmp_path / "report.csv").open(encoding="utf-8") as f:
        report = list(csv.DictReader(f))
    assert [r["id"] for r in report] == [r[0] for r in ROWS]
    return [r["verdict"] for r in report]


PLAIN = ("id", "network", "wrt", "formula")


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(_csv(PLAIN, ";").encode("utf-8"), id="semicolon"),
        pytest.param(_csv(PLAIN, "\t").encode("utf-16"), id="excel-unicode-text"),
        pytest.param(_csv(PLAIN).encode("gbk"), id="excel-chinese-gbk"),
        pytest.param(_csv(("ID", "Network", "WRT", "Formula"), extra=("Email",)).encode("utf-8-sig"), id="lms-export"),
        pytest.param(_csv(("学号", "网络", "参数", "答案")).encode("utf-8"), id="chinese-headers"),
    ],
)
def test_a_class_file_as_spreadsheets_write_it(tmp_path, data: bytes) -> None:
    assert _graded(tmp_path, data) == VERDICTS


def test_a_latin1_file_is_refused_not_guessed(tmp_path) -> None:
    """``É`` before an ASCII letter would read as one Chinese character in GBK: the ids would
    change silently, so it stays exit 2 naming the encoding."""
    run = _grade_cli(tmp_path, "id,network,wrt,formula\nÉmile,mlp-bce,W2,A1.T @ (A2 - Y) / m\n".encode("latin-1"))
    assert run.returncode == 2 and "UTF-8" in run.stderr and "Traceback" not in run.stderr
    assert not (tmp_path / "report.csv").exists()


# ---- the lab's comments (issue 12) ---------------------------------------------------------------


def _display_columns(line: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("net", ["tiny-mlp", "mlp-bce", "relu-mlp", "softmax-regression"])
def test_chinese_comments_fit_the_line_as_an_editor_shows_it(net: str) -> None:
    """A Chinese character takes two columns in an editor: wrapped at 99 characters, a zh
    comment ran to ~190 columns."""
    from pathlib import Path

    code = (Path(__file__).resolve().parents[1] / "output" / net / "zh" / "backprop.py").read_text("utf-8")
    comments = [line for line in code.splitlines() if line.lstrip().startswith("#")]
    assert comments and max(_display_columns(c) for c in comments) <= 100
    # nothing lost to the wrapping: the header's sentences are whole
    text = "".join(c.lstrip("# ").strip() for c in comments)
    assert "每个公式都在" in text and "中得到证明" in text


def _lab(text: str, lang: str) -> str:
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = derive(spec.parse(text))
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")
    return render.render("py/backprop.py.j2", w, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_lab_says_why_the_upstream_gradient_is_not_used(lang: str, tmp_path) -> None:
    """Ng's ex4 computes σ(…) and its cross-entropy in one line: the code of ∂J/∂Θ2 uses the plain
    error (a3 − Y)/m, not da3 — the comment says so, and the lab still runs and agrees."""
    import subprocess
    import sys

    code = _lab(EX4, lang)
    said = {"en": "used below in place of da3 times the slope", "zh": "下面用它代替 da3 乘以斜率"}[lang]
    flat = " ".join(line.lstrip("# ").strip() for line in code.splitlines() if line.startswith("#"))
    assert said in flat
    path = tmp_path / "backprop.py"
    path.write_text(code, "utf-8")
    run = subprocess.run([sys.executable, str(path)], capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr


# ---- a factor that appears again in its line (issue 12) ---------------------------------------

WEIGHT_NORM = """# weight normalisation (Salimans & Kingma 2016): w = g · v / ‖v‖ per column
[dims]
N = 3
D = 2
K = 2
[inputs]
X = ["N", "D"]
T = ["N", "K"]
[params]
v = ["D", "K"]
g = [1, "K"]
[forward]
w = "g * v / torch.norm(v, dim=0, keepdim=True)"
Y = "X @ w"
L = "((Y - T) ** 2).mean()"
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_factor_read_again_in_its_line_gets_both_shares(lang: str) -> None:
    """v is a factor of g·v/‖v‖ and inside ‖v‖: "its blame is the blame of w times those
    factors" left out the share through the norm (PyTorch's gradient has it: checked below)."""
    from test_round36 import _md

    md = _md(WEIGHT_NORM, lang)
    again = {"en": "appears in it again elsewhere in the same line", "zh": "在同一行的别处再次出现"}[lang]
    only = {"en": "multiplies $v$ by other factors", "zh": "与其他因子相乘"}[lang]
    assert again in md and only not in md


def test_the_norm_share_is_real() -> None:
    torch = pytest.importorskip("torch")
    g = torch.Generator().manual_seed(5)
    X, T = torch.randn(3, 2, generator=g, dtype=torch.float64), torch.randn(3, 2, generator=g, dtype=torch.float64)
    v = torch.randn(2, 2, generator=g, dtype=torch.float64, requires_grad=True)
    s = torch.rand(1, 2, generator=g, dtype=torch.float64) + 0.5
    w = s * v / torch.norm(v, dim=0, keepdim=True)
    ((X @ w - T) ** 2).mean().backward()
    dw = 2 * X.T @ (X @ w - T).detach() / 6
    factor_only = dw * s / torch.norm(v, dim=0, keepdim=True).detach()
    assert not torch.allclose(v.grad, factor_only)  # the share through ‖v‖ is not zero


# ---- --wrt θ₀: an entry named 0-based (issue 11, the round-38 rule) ---------------------------

RIDGE = """# Ng ex5: regularised linear regression, the intercept theta[0] not penalised
[dims]
m = 5
n = 3
[inputs]
X = ["m", "n"]
y = ["m", 1]
[params]
theta = ["n", 1]
[constants]
lam = 1.0
[forward]
h = "X @ theta"
J = "1 / (2 * m) * np.sum((h - y) ** 2) + lam / (2 * m) * np.sum(theta[1:] ** 2)"
"""


@pytest.mark.parametrize("wrt", ["theta0", "theta_0", "θ₀", "theta_{0}"])
def test_wrt_theta_zero_is_the_intercept(wrt: str, tmp_path) -> None:
    """Ng's ∂J/∂θ₀ is the intercept's gradient: derive names it theta1 (1-based), so θ₀ is read
    0-based with a note, as an answer that writes θ₀ is; θ₁ (1-based) stays the same entry."""
    from derive.checker.check import check

    spec = tmp_path / "ridge.toml"
    spec.write_text(RIDGE, "utf-8")
    intercept = "1/m * np.sum((X @ theta - y) * X[:, [0]])"  # no penalty on theta[0]
    r = check(str(spec), wrt, intercept)
    assert r.verdict == "correct" and any("0-based" in n for n in r.notes)
    assert check(str(spec), "theta1", intercept).verdict == "correct"
    # the second entry, θ₁ read 0-based, carries the penalty
    second = "1/m * np.sum((X @ theta - y) * X[:, [1]]) + lam / m * theta[1, 0]"
    assert check(str(spec), wrt.replace("0", "1").replace("₀", "₁"), second).verdict == "incorrect"
    assert check(str(spec), "theta2", second).verdict == "correct"


def test_a_class_file_may_ask_for_theta_zero(tmp_path) -> None:
    spec = tmp_path / "ridge.toml"
    spec.write_text(RIDGE, "utf-8")
    rows = f'id,network,wrt,formula\ns1,{spec},theta0,"1/m * np.sum((X @ theta - y) * X[:, [0]])"\n'
    run = _grade_cli(tmp_path, rows.encode("utf-8"))
    assert run.returncode == 0, run.stderr
    report = (tmp_path / "report.csv").read_text("utf-8")
    assert ",correct," in report and "0-based" in report


def test_a_block_renamed_in_a_repeated_step_keeps_its_operator_name() -> None:
    """handread22's renaming of a group's blocks (cols_{1…H}(·) → cols_{H+1…2H}(·)) put the
    placeholder in place of the first letter a of \\operatorname when the tensor is named a
    (CS231n's LSTM step: a = x Wx + h Wh + b): KaTeX refused the line."""
    from pathlib import Path

    from test_round36 import _md

    spec = Path(__file__).resolve().parent / "specs_course" / "cs231n_lstm_step.toml"
    md = _md(spec.read_text("utf-8"))
    assert "\\operatorname{cols}_{1 \\ldots H}\\left(\\cdot\\right)" in md
    assert "\\oper\\cdot" not in md and "\\o\\cdot" not in md
