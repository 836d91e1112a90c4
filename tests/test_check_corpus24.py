"""The held-out-style corpus of issue 11, twenty-fourth round (tests/corpus24.py): thirteen hn21
lecturer networks no earlier corpus used, answers as written in a Jupyter cell (prints, asserts,
a ``with torch.no_grad():`` block, a bare name displayed), manual backprop in PyTorch tensors,
JAX ``jnp`` and TensorFlow code, LaTeX with ``^{(l)}`` superscripts, nested index sums and a
Kronecker delta, an ``\\in \\mathbb{R}^{…}`` remark, hand numbers as fractions and pasted tensors.
The verdicts of the built-in matrix cases come from PyTorch (tests/check_oracle.py), of the
course-network cases from the spec's own text run in PyTorch (tests/spelled_oracle.py); the
checker must give each case its verdict and, where one is named, its diagnosis code. Rates (and
the first, before-fix measurement): bench/bench_check_corpus24.py, bench/RESULTS.md
"heldcheck24"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus24  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus24.load()
COURSE = Path(__file__).resolve().parent / "specs_course"
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 150 cases, every built-in and twelve lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–23."""
    corpus_common.assert_new_and_mixed(corpus24, CASES, KNOWN, least=150, course=12, zh=4)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus24 = corpus_common.corpus_tests(
    corpus24, CASES, KNOWN
)


def test_grade_jsonl_batch_of_corpus24_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 24's rows (every seventh case, course
    networks by their spec path, the unreadable ones): each row gets the verdict and first code
    the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 7 == 0 and c["id"] not in KNOWN]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked and c["id"] not in KNOWN]
    corpus_common.assert_rows_graded(picked, tmp_path)


# ---- the general rules behind the fixes, one test each ------------------------------------------


def _verdict(net: str, wrt: str, text: str, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw) if text is not None else check(net, wrt, **kw)
    return r.verdict, r.code


def test_nested_index_sums_and_a_delta_inside_a_difference() -> None:
    r"""Index notation with two sums (``\sum_i\sum_l``) is contracted one letter at a time, and a
    Kronecker delta inside a difference under a sum over one of its letters (``\sum_c
    y_{ic}(p_{ik} - \delta_{ck})``) renames that letter (both were refused: "'X_ij' is index
    notation", "unknown name 'x_ij'"); the mistakes keep their verdicts, and a sum over a letter
    one term lacks (it would multiply that term by a size) or a delta over two letters of the
    left side (an identity matrix) stays refused."""
    import pytest

    from derive.checker.check import FormulaError

    g = r"\frac{\partial L}{\partial "
    b1 = g + r"b^{[1]}_{k}} = \frac{1}{m}\sum_{l}\sum_{i} (A^{[2]}_{il} - Y_{il}) W^{[2]}_{kl} \mathbb{1}[Z^{[1]}_{ik} > 0]"
    assert _verdict("mlp-bce", "b1", b1, latex=True) == ("correct", None)
    assert _verdict("mlp-bce", "b1", b1.replace("A^{[2]}_{il} - Y_{il}", "Y_{il} - A^{[2]}_{il}"), latex=True)[0] == "incorrect"
    sb = g + r"b_{k}} = \frac{1}{m}\sum_{i}\sum_{c} y_{ic}\left(p_{ik} - \delta_{ck}\right)"
    assert _verdict("softmax-regression", "b", sb, latex=True) == ("correct", None)
    assert _verdict("softmax-regression", "b", sb.replace(r"p_{ik} - \delta_{ck}", r"\delta_{ck} - p_{ik}"), latex=True) == ("incorrect", "sign")
    sw = g + r"W_{jk}} = \frac{1}{m}\sum_{c}\sum_{i} y_{ic}\,x_{ij}\left(p_{ik} - \delta_{kc}\right)"
    assert _verdict("softmax-regression", "W", sw, latex=True) == ("correct", None)
    assert _verdict("softmax-regression", "W", sw.replace("p_{ik}", "p_{ic}"), latex=True)[0] == "incorrect"
    for refused in (
        g + r"W_{jk}} = \frac{1}{m}\sum_{i}\sum_{c} x_{ij}\left(p_{ik} - \delta_{ck}\right)",
        g + r"W_{jk}} = \frac{1}{m}\sum_{i} x_{ij}\left(p_{ik} - \delta_{jk}\right)",
    ):
        with pytest.raises(FormulaError):
            _verdict("softmax-regression", "W", refused, latex=True)


def test_a_quiet_with_block_is_its_statements() -> None:
    """``with torch.no_grad():`` (also ``torch.inference_mode()``, ``np.errstate(…)``, nested)
    around manual backprop is read as the statements inside (it was "syntax error"); a wrong
    step inside keeps its code, and a ``with`` that records or changes values
    (``tf.GradientTape()``) stays refused."""
    import pytest

    from derive.checker.check import FormulaError

    cell = "with torch.no_grad():\n    dZ = P - Y\n    dW = X.T @ dZ / m"
    assert _verdict("softmax-regression", "W", cell) == ("correct", None)
    assert _verdict("softmax-regression", "W", cell.replace("P - Y", "Y - P")) == ("incorrect", "sign")
    nested = "with np.errstate(over='ignore'):\n    with torch.inference_mode():\n        grad_w2 = h_relu.T @ (2 * (y_pred - y))"
    assert _verdict("relu-mlp", "w2", nested) == ("correct", None)
    # round 40 (heldcheck40): a GradientTape whose tape is never read is its statements too; one
    # whose tape computes the answer (tape.gradient) records values and stays refused
    assert _verdict(
        "relu-mlp", "w2", "with tf.GradientTape() as tape:\n    grad_w2 = h_relu.T @ (2 * (y_pred - y))"
    ) == ("correct", None)
    with pytest.raises(FormulaError):
        _verdict(
            "relu-mlp",
            "w2",
            "with tf.GradientTape() as tape:\n    loss = ((y_pred - y) ** 2).sum()\n"
            "grad_w2 = tape.gradient(loss, w2)",
        )


def test_bold_greek_letter_without_braces() -> None:
    r"""``\boldsymbol\delta^{(2)}`` / ``\bm \delta`` (TeX takes the command as the argument) is the
    letter, as ``\boldsymbol{\delta}`` is (it was "expected a name inside \boldsymbol{…}")."""
    text = r"\boldsymbol\delta = P - Y,\quad \nabla_{W} L = \frac{1}{m} X^{\top}\boldsymbol\delta"
    assert _verdict("softmax-regression", "W", text, latex=True) == ("correct", None)
    wrong = r"\bm \delta = Y - P,\quad \nabla_{W} L = \frac{1}{m} X^{\top}\bm\delta"
    assert _verdict("softmax-regression", "W", wrong, latex=True) == ("incorrect", "sign")


def test_a_pasted_tensor_with_its_keywords() -> None:
    """A whole gradient pasted as PyTorch or NumPy prints it, ``tensor([[…]], dtype=torch.float64,
    requires_grad=True)`` / ``array([…], dtype=float32)``, is the matrix inside (it was "not read
    as a matrix of numbers"); one wrong entry is still wrong."""
    v = "tensor([[0.5849, -0.0903, -0.4946], [0.3468, 0.3960, -0.7428]], dtype=torch.float64, requires_grad=True)"
    assert _verdict("softmax-regression", "W", None, value=v) == ("correct", None)
    assert _verdict("softmax-regression", "b", None, value="array([[-0.0735, 0.3709, -0.2975]], dtype=float32)") == ("correct", None)
    assert _verdict("softmax-regression", "W", None, value=v.replace("0.3960", "-0.3960"))[0] == "incorrect"


def test_greek_letter_in_a_subscript_names_the_tensor(tmp_path: Path) -> None:
    r"""``w_{\alpha}`` is the spec's ``w_alpha`` (a Greek letter in a subscript is the word the
    spec spells it with; it was "cannot read the subscript '\alpha'"), and a wrong factor stays
    wrong."""
    spec = tmp_path / "greek_sub.toml"
    spec.write_text(
        '[network]\nname = "greek-sub"\n[dims]\nn = 4\nd = 3\n[inputs]\nx = ["n", "d"]\n'
        'y = ["n", 1]\n[params]\nw_alpha = ["d", 1]\n[forward]\nr = "x @ w_alpha - y"\n'
        'loss = "np.mean(r ** 2)"\n',
        encoding="utf-8",
    )
    right = r"\frac{\partial L}{\partial w_{\alpha}} = \frac{2}{n} x^{\top}\left(x w_{\alpha} - y\right)"
    assert _verdict(str(spec), "w_alpha", right, latex=True) == ("correct", None)
    assert _verdict(str(spec), "w_alpha", right.replace(r"\frac{2}{n}", r"\frac{1}{n}"), latex=True) == ("incorrect", "scale-factor")


def test_heaviside_H_where_the_network_s_H_is_a_size() -> None:
    r"""``H(h)`` in LaTeX is the Heaviside step also where the network's ``H`` is only a size
    (relu-mlp's hidden width; it was read as H times h: "wrong-activation-derivative" for a
    right answer); ``H(-h)`` stays wrong."""
    text = r"\frac{\partial L}{\partial w_1} = x^{\top}\left[2(y_{pred} - y)w_2^{\top} \odot H\left(h\right)\right]"
    assert _verdict("relu-mlp", "w1", text, latex=True) == ("correct", None)
    assert _verdict("relu-mlp", "w1", text.replace(r"H\left(h\right)", "H(-h)"), latex=True)[0] == "incorrect"
