"""The checker's leftovers of issue 11, pass 9: each a general rule with a table of right and
wrong answers (verdict + code), on networks and notation other than the case that showed it
(every case, verdict and code written before the rule was run; the one-hot verdicts confirmed by
the spec's own text run in PyTorch float64, tests/spelled_oracle.py via corpus_common)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_common  # noqa: E402

from derive.checker.check import check  # noqa: E402
from derive.checker.checknet import net_for  # noqa: E402

# ---- 1. targets one-hot by their given values, not declared so --------------------------------

# a softmax + log-likelihood network in columns (one example), new names: t is one-hot by its
# [values] only (Nielsen's layout, not his notation)
LL_COLS = """
[network]
name = "ll-cols"
[dims]
d = 3
h = 2
c = 4
[inputs]
v = ["d", 1]
t = ["c", 1]
[params]
U = ["h", "d"]
e = ["h", 1]
V = ["c", "h"]
f = ["c", 1]
[forward]
g = "np.tanh(U @ v + e)"
s = "V @ g + f"
q = "np.exp(s) / np.sum(np.exp(s))"
J = "-np.sum(t * np.log(q))"
[values]
t = [[0], [0], [1], [0]]
"""

# the same network with soft labels (they sum to 1) and with t drawn (no [values])
LL_SOFT = LL_COLS.replace("t = [[0], [0], [1], [0]]", "t = [[0.1], [0.2], [0.3], [0.4]]")
LL_DRAWN = LL_COLS.split("[values]")[0]

# rows of examples, log_softmax in its own node, T one-hot rows by its [values]
LS_ROWS = """
[network]
name = "ls-rows"
[dims]
n = 3
p = 2
k = 4
[inputs]
A = ["n", "p"]
T = ["n", "k"]
[params]
B = ["p", "k"]
[forward]
S = "A @ B"
LS = "F.log_softmax(S, dim=1)"
E = "-(T * LS).sum() / n"
[values]
T = [[0, 1, 0, 0], [1, 0, 0, 0], [0, 0, 0, 1]]
"""

# a sigmoid's cross-entropy whose 0/1 column happens to hold a single 1: not a one-hot target
BCE_COLUMN = """
[network]
name = "bce-column"
[dims]
m = 3
n = 2
[inputs]
X = ["m", "n"]
y = ["m", 1]
[params]
w = ["n", 1]
[forward]
z = "X @ w"
a = "sigmoid(z)"
L = "-np.sum(y * np.log(a) + (1 - y) * np.log(1 - a)) / m"
[values]
y = [[0], [1], [0]]
"""

SPECS = {"ll": LL_COLS, "soft": LL_SOFT, "drawn": LL_DRAWN, "rows": LS_ROWS, "bce": BCE_COLUMN}

ONE_HOT = [
    # (spec, wrt, formula, oracle (NumPy, None: no oracle), verdict, code)
    ("ll", "f", "q - t", "q - t", "correct", None),
    ("ll", "V", "(q - t) @ g.T", "(q - t) @ g.T", "correct", None),
    ("ll", "V", "np.dot(q - t, g.transpose())", "(q - t) @ g.T", "correct", None),
    ("ll", "e", "V.T @ (q - t) * (1 - g ** 2)", "V.T @ (q - t) * (1 - g ** 2)", "correct", None),
    ("ll", "e", "V.T @ (q - t)", "V.T @ (q - t)", "incorrect", "missing-activation-derivative"),
    ("ll", "f", "t - q", "t - q", "incorrect", "sign"),
    ("ll", "V", "(q - t) @ g.T * 2", "(q - t) @ g.T * 2", "incorrect", "scale-factor"),
    # the whole product transposed: the checker's code for a wrong shape (labelled extra-transpose
    # first; its message names the transpose)
    ("ll", "V", "g @ (q - t).T", None, "incorrect", "shape-mismatch"),
    ("rows", "B", "A.T @ (np.exp(LS) - T) / n", "A.T @ (np.exp(LS) - T) / n", "correct", None),
    ("rows", "S", "(np.exp(LS) - T) / n", None, "correct", None),  # a node: no leaf gradient to ask
    ("rows", "B", "A.T @ (np.exp(LS) - T)", "A.T @ (np.exp(LS) - T)", "incorrect", "scale-factor"),
    ("rows", "B", "A.T @ (T - np.exp(LS)) / n", "A.T @ (T - np.exp(LS)) / n", "incorrect", "sign"),
    # soft labels: right at the example (they sum to 1), not for other labels: wrong, with a note
    ("soft", "f", "q - t", "q - t", "correct-at-example", "unknown"),
    ("soft", "f", "q * np.sum(t) - t", "q * np.sum(t) - t", "correct", None),
    # drawn labels (derive draws a softmax's target summing to 1, not one-hot): the same
    ("drawn", "f", "q - t", "q - t", "correct-at-example", "unknown"),
    ("drawn", "f", "q * np.sum(t) - t", "q * np.sum(t) - t", "correct", None),
    ("bce", "w", "X.T @ (a - y) / m", "X.T @ (a - y) / m", "correct", None),
    ("bce", "w", "X.T @ (a - y)", "X.T @ (a - y)", "incorrect", "scale-factor"),
]


def _spec(tmp_path: Path, key: str) -> Path:
    path = tmp_path / f"{key}.toml"
    path.write_text(SPECS[key], encoding="utf-8")
    return path


@pytest.mark.parametrize("case", ONE_HOT, ids=lambda c: f"{c[0]}:{c[1]}:{c[2]}")
def test_a_target_one_hot_by_its_values_is_judged_at_one_hot_labels(case: tuple, tmp_path: Path) -> None:
    """A target not declared one-hot whose given [values] are one-hot, multiplying the log of a
    softmax's probabilities: a gradient written for one-hot labels (``q − t``) is right, as
    PyTorch finds running the spec's text; soft or drawn labels keep it wrong with the one-hot
    note; a sigmoid's 0/1 column is no one-hot target."""
    key, wrt, text, oracle, verdict, code = case
    path = _spec(tmp_path, key)
    if oracle is not None:
        right_here = corpus_common.course_oracle_ok({"net": str(path), "wrt": wrt, "oracle": oracle})
        assert right_here == (verdict != "incorrect"), "the oracle disagrees with the stated verdict"
    r = check(path, wrt, text)
    assert ("correct" if r.ok else "incorrect") == ("correct" if verdict == "correct" else "incorrect"), r.text()
    if code is not None:
        assert r.code == code, r.text()
    if key in ("soft", "drawn") and not r.ok:
        assert "one-hot" in r.text(), r.text()
        assert "独热" in r.localized("zh").text() or "one-hot" in r.localized("zh").text()


def test_which_targets_are_one_hot_by_their_values(tmp_path: Path) -> None:
    """The rule names the target and its axis; soft, drawn and 0/1-column targets are none."""
    assert net_for(_spec(tmp_path, "ll"), 0).hot == {"t": True}
    # rows under a softmax's log: read one-hot by the spec itself since round 33 (the walkthrough
    # reaches (P − Y)/m too), so the checker's own implied set need not hold it
    rows = net_for(_spec(tmp_path, "rows"), 0)
    assert rows.hot == {} and rows.spec.one_hot == ("T",)
    for key in ("soft", "drawn", "bce"):
        assert net_for(_spec(tmp_path, key), 0).hot == {}, key
    assert net_for("mlp-bce", 0).hot == {} and net_for("softmax-regression", 0).hot == {}


# ---- 4. a size written for another where the two are equal at the example ----------------------

EQUAL_SIZES = [
    # (network, wrt, formula, factor named, sizes named) — mlp-bce: m = n_in = n_h = 2
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) * n_h / m**2", "n_h/m", ("n_h", "m")),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / n_h", "m/n_h", ("n_h", "m")),
    ("mlp-bce", "b2", "np.sum(A2 - Y, axis=0, keepdims=True) * n_in / m**2", "n_in/m", ("n_in", "m")),
    ("mlp-bce", "W1", "X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / n_in", "m/n_in", ("n_in", "m")),
]


@pytest.mark.parametrize("case", EQUAL_SIZES, ids=lambda c: f"{c[1]}:{c[2]}")
def test_a_swapped_size_names_the_factor_measured_where_sizes_differ(case: tuple) -> None:
    """``* n / m**2`` with n = m at the example is n/m × the gradient where the sizes differ
    (``/ n`` for ``/ m``: m/n): the factor is the one measured there, both sizes named, en and
    zh; the slow path and the fast path agree."""
    net, wrt, text, factor, sizes = case
    r = check(net, wrt, text)
    assert not r.ok and r.code == "scale-factor", r.text()
    assert r.diagnoses[0].factor == factor, r.text()
    en, zh = r.diagnoses[0].message, r.localized("zh").diagnoses[0].message
    for name in sizes:
        assert name in en and name in zh
    assert f"{factor} × the gradient" in en and f"{factor} 倍" in zh, (en, zh)


# ---- 7. the echo of a block of ones --------------------------------------------------------------

ONES_ECHO = [
    # (network, wrt, formula, verdict, echo shown, internal form never shown)
    ("mlp-bce", "W2", "A1.T @ (dZ2 * np.ones((m, 1)))", "correct", "np.ones((m, 1))"),
    ("mlp-bce", "b2", "np.dot(np.ones((1, m)), dZ2)", "correct", "np.ones((1, m)) @ dZ2"),
    # a row of ones times a matrix is read (and echoed) as the column sum
    ("mlp-bce", "b2", "torch.ones(1, m) @ dZ2", "correct", "sum(dZ2, axis=0)"),
    ("mlp-bce", "b2", "np.ones((1, m)) @ (A2 - Y)", "incorrect", "sum(A2 - Y, axis=0)"),
    ("softmax-regression", "b", "np.ones((1, m)) @ dZ", "correct", "sum(dZ, axis=0)"),
    ("softmax-regression", "W", "X.T @ (dZ * np.ones((m, k)))", "correct", "np.ones((m, k))"),
    ("relu-mlp", "w2", "h_relu.T @ (dy_pred * np.ones((n, D_out)))", "correct", "np.ones((n, D_out))"),
]


@pytest.mark.parametrize("case", ONES_ECHO, ids=lambda c: f"{c[0]}:{c[1]}:{c[2]}")
def test_a_block_of_ones_is_echoed_as_written(case: tuple) -> None:
    """The ✓ line and the "yours:" line show ``np.ones((r, c))`` with its size names, never the
    reader's ``0 * T + 1`` of a tensor of that shape."""
    net, wrt, text, verdict, shown = case
    r = check(net, wrt, text)
    assert ("correct" if r.ok else "incorrect") == verdict, r.text()
    assert shown in r.read_as and "0 * " not in r.read_as, r.read_as
    assert "0 * " not in r.text() and "0 * " not in r.localized("zh").text()


COURSE = Path(__file__).resolve().parent / "specs_course"

# the course cases whose one-hot targets are one-hot by their [values] only, relabelled right
# (corpora 6a, 6b, 9, 18): PyTorch running each spec's own text agrees at the example, and the
# checker now says right
RELABELLED = [
    ("nielsen_softmax_colmajor", "w2", "(a2 - y) @ a1.T", "delta = a2 - y\nnabla_w2 = np.dot(delta, a1.transpose())"),
    ("nielsen_softmax_colmajor", "b2", "a2 - y", "nabla_b2 = a2 - y"),
    ("softmax_colmajor", "W", "(A - Y) @ X.T / m", "m = X.shape[1]\ndZ = A - Y\ndW = 1 / m * np.dot(dZ, X.T)"),
    ("ufldl_softmax_colmajor", "theta", "-1 / m * (groundTruth - h) @ data.T + lambda_ * theta",
     "thetagrad = -1 / m * np.dot(groundTruth - h, data.T) + lambda_ * theta"),
    ("qiu_softmax_regression", "W", "-1 / N * X @ (Y - Y_hat).T + lambda_ * W",
     r"-\frac{1}{N} X (Y - \hat{Y})^{\top} + \lambda W"),
]


@pytest.mark.parametrize("case", RELABELLED, ids=lambda c: f"{c[0]}:{c[1]}")
def test_the_relabelled_course_cases_are_right_by_pytorch(case: tuple) -> None:
    stem, wrt, oracle, text = case
    net = COURSE / f"{stem}.toml"
    assert corpus_common.course_oracle_ok({"net": str(net), "wrt": wrt, "oracle": oracle})
    assert check(net, wrt, text, latex=text.startswith("-\\")).ok


# ---- 2. messages for LaTeX input read as LaTeX / prose ---------------------------------------------

ATTN_COLUMNS = (
    r"\frac{\partial L}{\partial S} = A \odot \Bigl(\frac{\partial L}{\partial A} - "
    r"\mathbf{1}\mathbf{1}^{\top}\bigl(A \odot \frac{\partial L}{\partial A}\bigr)\Bigr)"
)
LATEX_WORDING = [
    # (network, wrt, LaTeX, code, English words, Chinese words)
    ("attention", "S", ATTN_COLUMNS, "wrong-sum-axis", "sum each row (over the columns) instead", "对每一行求和"),
    ("softmax-regression", "b", r"\delta_Z \mathbf{1}", "wrong-sum-axis", "adds up each column (down the rows), not each row", "对每一列求和"),
    ("mlp-bce", "b1", r"\delta_{Z^{[1]}} \mathbf{1}", "wrong-sum-axis", "not each row", "而不是对每一行求和"),
    ("softmax-regression", "b", r"\mathbf{1}^\top \delta_Z \mathbf{1}", "wrong-sum-axis", "not all entries", "而不是对所有元素求和"),
    ("batchnorm", "Z", r"\frac{\gamma}{\sqrt{\sigma^2 + \epsilon}} \delta_Y", "missing-path", r"avoid $\mu$, $\mathrm{var}$ only", r"$\mu$, $\mathrm{var}$"),
]


@pytest.mark.parametrize("case", LATEX_WORDING, ids=lambda c: f"{c[0]}:{c[1]}:{c[2][:30]}")
def test_messages_for_latex_input_name_no_numpy_argument(case: tuple) -> None:
    """A fix printed for LaTeX input reads as LaTeX and prose in both languages: no
    ``axis=``, no plain-text list of the network's names (``mu, var``); NumPy input keeps its
    NumPy wording."""
    net, wrt, text, code, en_words, zh_words = case
    r = check(net, wrt, text, latex=True)
    assert not r.ok and r.code == code, r.text()
    en, zh = r.diagnoses[0].message, r.localized("zh").diagnoses[0].message
    assert en_words in en and zh_words in zh, (en, zh)
    for said in (en, zh):
        assert "axis=" not in said and "mu, var" not in said, said


def test_numpy_input_keeps_the_numpy_wording() -> None:
    r = check("attention", "S", "A * (dA - np.sum(A * dA, axis=0, keepdims=True))")
    assert r.code == "wrong-sum-axis" and "axis=1" in r.diagnoses[0].message
    r = check("softmax-regression", "b", "np.sum(dZ, axis=1, keepdims=True)")
    assert r.code == "wrong-sum-axis" and "axis=0" in r.diagnoses[0].message, r.text()


# ---- 6. a count taken from the data left out of the gradient ---------------------------------------

MASKED = """
[network]
name = "masked-squares"
[dims]
n = 5
d = 2
[inputs]
X = ["n", "d"]
y = ["n", 1]
keep = ["n", 1]
[params]
w = ["d", 1]
[forward]
r = "X @ w - y"
L = "np.sum(keep * r ** 2) / np.sum(keep)"
[values]
keep = [[1], [1], [0], [1], [0]]
"""
MASKED_TORCH = MASKED.replace(
    'L = "np.sum(keep * r ** 2) / np.sum(keep)"', 'L = "(keep * r ** 2).sum() / keep.sum()"'
).replace('name = "masked-squares"', 'name = "masked-squares-torch"')
GCN = COURSE / "hn16_kipf_gcn.toml"  # -sum(train_mask * Y * Z) / sum(train_mask), N = 4, C = 2

COUNTS = [
    # (spec, wrt, formula, oracle, verdict, code, factor)
    ("masked", "w", "2 * X.T @ (keep * r) / np.sum(keep)", "2 * X.T @ (keep * r) / np.sum(keep)", "correct", None, None),
    ("masked", "w", "2 * X.T @ (keep * r)", "2 * X.T @ (keep * r)", "incorrect", "scale-factor", "sum(keep)"),
    ("masked", "w", "2 * X.T @ (keep * r) / np.sum(keep) ** 2", "2 * X.T @ (keep * r) / np.sum(keep) ** 2", "incorrect", "scale-factor", "1/sum(keep)"),
    ("masked", "w", "2 * X.T @ (keep * r) / n", "2 * X.T @ (keep * r) / 5", "incorrect", "scale-factor", "sum(keep)/n"),
    ("masked", "w", "X.T @ (keep * r) / np.sum(keep)", "X.T @ (keep * r) / np.sum(keep)", "incorrect", "scale-factor", "1/2"),
    ("torch", "w", "2 * X.T @ (keep * r)", "2 * X.T @ (keep * r)", "incorrect", "scale-factor", "sum(keep)"),
    ("torch", "w", "2 * X.T @ (keep * r) / keep.sum()", "2 * X.T @ (keep * r) / np.sum(keep)", "correct", None, None),
    (GCN, "Z", "-train_mask * Y", None, "incorrect", "scale-factor", "sum(train_mask)"),
    (GCN, "Z", "-train_mask * Y / N", None, "incorrect", "scale-factor", "sum(train_mask)/N"),
    (GCN, "Z", "-train_mask * Y / torch.sum(train_mask)", None, "correct", None, None),
]


@pytest.mark.parametrize("case", COUNTS, ids=lambda c: f"{Path(str(c[0])).stem}:{c[1]}:{c[2]}")
def test_a_count_from_the_data_is_named(case: tuple, tmp_path: Path) -> None:
    """``/ sum(train_mask)`` left out (a masked mean's count, different at every point) is a
    scale factor naming the count and its value at the example, en and zh; divided twice, or by
    a size instead, said so; a constant factor stays a plain scale factor."""
    net, wrt, text, oracle, verdict, code, factor = case
    if net in ("masked", "torch"):
        path = tmp_path / f"{net}.toml"
        path.write_text(MASKED if net == "masked" else MASKED_TORCH, encoding="utf-8")
        net = path
        if oracle is not None:
            right = corpus_common.course_oracle_ok({"net": str(path), "wrt": wrt, "oracle": oracle})
            assert right == (verdict == "correct"), "the oracle disagrees with the stated verdict"
    r = check(net, wrt, text)
    assert ("correct" if r.ok else "incorrect") == verdict, r.text()
    if code is not None:
        assert r.code == code and r.diagnoses[0].factor == factor, r.text()
    if factor and "sum(" in factor:
        count = factor.split("/")[-1] if factor.startswith("1/") else factor.split("/")[0]
        en, zh = r.diagnoses[0].message, r.localized("zh").diagnoses[0].message
        assert count in en and "a count taken from the data" in en, en
        assert count in zh and "由数据得到的计数" in zh, zh


# ---- 8. a hand-written BCE's target given outside {0, 1} ------------------------------------------

HAND_BCE = """
[network]
name = "hand-bce"
[dims]
N = 3
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
[values]
t = {t}
"""
BCE_LOSSES = {
    "bishop": "-torch.sum(t * torch.log(y) + (1 - t) * torch.log(1 - y))",
    "swapped": "-np.mean(np.log(1 - y) * (1 - t) + np.log(y) * t)",
    "transposed": "-(t.T @ np.log(y) + (1 - t).T @ np.log(1 - y)) / N",
}
BCE_TARGETS = [
    # (loss, [values] t, values warned about: None for no warning); outside [0, 1] is refused
    # since heldnets37 (tests/test_heldnets37.py), as bce()'s target
    ("bishop", "[[1], [0.8], [0]]", [0.8]),
    ("swapped", "[[0.1], [0], [1]]", [0.1]),
    ("transposed", "[[0.5], [0.25], [1]]", [0.25, 0.5]),
    ("bishop", "[[1], [0], [1]]", None),
    ("transposed", "[[0], [0], [1]]", None),
]


@pytest.mark.parametrize("case", BCE_TARGETS, ids=lambda c: f"{c[0]}:{c[1]}")
def test_a_bce_target_outside_zero_one_is_named(case: tuple) -> None:
    from derive.lang import domains
    from derive.lang.spec import parse

    loss, t, odd = case
    s = parse(HAND_BCE.format(loss=BCE_LOSSES[loss], t=t))
    assert domains.labels_outside_bce(s) == ([] if odd is None else [("t", odd)])


def test_a_rate_or_a_drawn_target_is_not_warned_about() -> None:
    from derive.lang import domains
    from derive.lang.spec import parse

    kl = "torch.sum(t * torch.log(t / y) + (1 - t) * torch.log((1 - t) / (1 - y)))"
    assert domains.labels_outside_bce(parse(HAND_BCE.format(loss=kl, t="[[0.5], [0.25], [0.75]]"))) == []
    drawn = HAND_BCE.split("[values]")[0].format(loss=BCE_LOSSES["bishop"])
    assert domains.labels_outside_bce(parse(drawn)) == []


def test_verify_and_build_warn_without_failing(tmp_path: Path) -> None:
    """``derive verify`` still passes (PyTorch runs the text as written and agrees) and says on
    stderr, en and zh, that the target is outside BCE's usual domain; so does ``derive build``;
    a spec with 0/1 targets gets no warning."""
    import subprocess

    spec = tmp_path / "bce.toml"
    spec.write_text(HAND_BCE.format(loss=BCE_LOSSES["bishop"], t="[[1], [0.25], [0]]"), encoding="utf-8")
    run = [sys.executable, "-m", "derive"]
    for lang, words in (("en", "outside {0, 1}"), ("zh", "不在二元交叉熵目标通常的取值范围")):
        v = subprocess.run([*run, "verify", str(spec), "--lang", lang], capture_output=True, text=True, timeout=600)
        assert v.returncode == 0 and "✓" in v.stdout, v.stdout + v.stderr
        assert words in v.stderr and "t" in v.stderr and "0.25" in v.stderr, v.stderr
    b = subprocess.run(
        [*run, "build", str(spec), "-f", "md", "--lang", "zh", "-o", str(tmp_path / "out")],
        capture_output=True, text=True, timeout=900,
    )  # fmt: skip
    assert b.returncode == 0 and "不在二元交叉熵目标通常的取值范围" in b.stderr, b.stderr
    fine = tmp_path / "fine.toml"
    fine.write_text(HAND_BCE.format(loss=BCE_LOSSES["bishop"], t="[[1], [0], [0]]"), encoding="utf-8")
    v = subprocess.run([*run, "verify", str(fine)], capture_output=True, text=True, timeout=600)
    assert v.returncode == 0 and "outside {0, 1}" not in v.stderr, v.stderr


# ---- 3. two 1-D slices on both sides of @: NumPy's inner product -----------------------------------

SLICE_DOTS = [
    # (network, wrt, NumPy, verdict, code) — the verdict is NumPy's own reading, run by the oracle
    ("relu-mlp", "h_relu[0,0]", "dy_pred[0] @ w2[0]", "correct", None),
    ("relu-mlp", "h_relu[1,2]", "dy_pred[1] @ w2[2]", "correct", None),
    ("relu-mlp", "h_relu[0,0]", "np.dot(dy_pred[0], w2[0])", "correct", None),
    ("relu-mlp", "h_relu[0,0]", "dy_pred[0, :] @ w2[0, :]", "correct", None),
    ("relu-mlp", "h_relu[0,0]", "dy_pred[0] @ w2[1]", "incorrect", "wrong-entry"),
    ("relu-mlp", "h_relu[0,0]", "dy_pred[0] @ w2[0] * 2", "incorrect", "scale-factor"),
    ("relu-mlp", "w2[0,1]", "h_relu[:, 0] @ dy_pred[:, 1]", "correct", None),
    ("mlp-bce", "W1[0,1]", "X[:, 0] @ dZ1[:, 1]", "correct", None),
    ("mlp-bce", "W1[0,1]", "X[:, 1] @ dZ1[:, 0]", "incorrect", "wrong-entry"),
]


@pytest.mark.parametrize("case", SLICE_DOTS, ids=lambda c: f"{c[0]}:{c[1]}:{c[2]}")
def test_two_one_d_slices_under_matmul_are_an_inner_product(case: tuple) -> None:
    """``dy_pred[0] @ w2[0]`` — a matrix's ``T[i]`` is its row i, 1-D, and ``@`` of two 1-D
    arrays is their inner product (one number), as NumPy computes it (the PyTorch oracle runs
    the text in NumPy); the echo is the sum written out, never the reader's internal form."""
    import check_oracle

    net, wrt, text, verdict, code = case
    assert check_oracle.oracle_ok(net, wrt, text) == (verdict == "correct")
    r = check(net, wrt, text)
    assert ("correct" if r.ok else "incorrect") == verdict, r.text()
    if code is not None:
        assert r.code == code, r.text()
    assert "* 0" not in r.read_as, r.read_as
