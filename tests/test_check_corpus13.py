"""The held-out-style corpus of issue 11, thirteenth round (tests/corpus13.py): LaTeX as
well-known textbooks write it (Bishop, Goodfellow, Nielsen, CS229), ``\\displaystyle``/``\\tfrac``/
``\\dfrac``, ``\\text{}`` words, ``:=``/``\\gets``, ``\\underbrace`` sizes, a stated transpose,
Word-equation text, code in JAX, PyTorch and TensorFlow (R refused), hand numbers at 2-4 digits,
``-0.000`` and vectors as columns, and five of a lecturer's own networks. Each built-in case with
an ``oracle`` has its verdict confirmed by PyTorch (tests/check_oracle.py), each course-network
case with one by the spec's own text run in PyTorch (tests/spelled_oracle.py); then
derive.checker must give that verdict and, where one is named, that diagnosis code. Rates (and
the first, before-fix measurement): bench/bench_check_corpus13.py, bench/RESULTS.md "corpus 13"."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus13  # noqa: E402
import corpus_common  # noqa: E402

CASES = corpus13.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_weights_the_six_older_builtins() -> None:
    corpus_common.assert_networks_weighted(CASES, course_cases=20)
    assert 200 <= len(CASES) <= 380
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 80
    assert {c["kind"] for c in CASES} == {"numpy", "latex", "value"}
    for lib in ("jnp.", "torch.", "tf."):
        assert sum(lib in c["text"] for c in CASES) >= 8, lib
    assert sum("\\nabla" in c["text"] for c in CASES) >= 10
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_to_12() -> None:
    assert not [c["id"] for c in CASES if corpus13._key(c) in corpus13._earlier()]


# the slow tests: each oracle confirms its case's verdict; the checker gives each case its own
_SLOW = corpus_common.corpus_tests(corpus13, CASES, KNOWN)
test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus13 = _SLOW


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_sizes_set_under_a_factor_are_a_remark() -> None:
    r"""``\underbrace{A^{[1]\top}}_{n_h \times m}`` (``\overbrace{…}^{…}``): textbooks annotate a
    product's sizes or words under each factor; the factor is read, the annotation is not (it
    was "unknown or unsupported command '\underbrace'"). A slip under a brace stays wrong."""
    from derive.checker.check import check

    w2 = r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m} \underbrace{A^{[1]\top}}_{n_h \times m} \underbrace{(A^{[2]} - Y)}_{m \times 1}"
    assert check("mlp-bce", "W2", w2, latex=True).ok
    assert check("mlp-bce", "W2", w2.replace("(A^{[2]} - Y)", "(Y - A^{[2]})"), latex=True).code == "sign"
    assert check("mlp-bce", "W2", w2.replace(r"\frac{1}{m} ", ""), latex=True).code == "scale-factor"
    chain = r"\frac{dL}{dw} = \underbrace{2v}_{dL/dv} \cdot \overbrace{x}^{du/dw}"
    assert check("chain", "w", chain, latex=True).ok
    assert not check("chain", "w", chain.replace("{x}", "{w}"), latex=True).ok


def test_a_gradient_given_as_its_stated_transpose() -> None:
    r"""``\left(\frac{\partial L}{\partial W}\right)^{\top} = E`` (``(\nabla_W J)^\top = E``):
    the transpose is stated, so ∂L/∂W = Eᵀ (it was "the left side of '=' must name the
    gradient"). Stating the transpose and then giving the gradient itself is a shape error,
    and a slip in E is still named."""
    from derive.checker.check import check

    lhs = r"\left(\frac{\partial L}{\partial W^{[2]}}\right)^{\top} = "
    assert check("mlp-bce", "W2", lhs + r"\frac{1}{m} (A^{[2]} - Y)^{\top} A^{[1]}", latex=True).ok
    assert not check("mlp-bce", "W2", lhs + r"\frac{1}{m} A^{[1]\top} (A^{[2]} - Y)", latex=True).ok
    assert check("mlp-bce", "W2", lhs + r"(A^{[2]} - Y)^{\top} A^{[1]}", latex=True).code == "scale-factor"
    assert check("softmax-regression", "W", r"(\nabla_{W} J)^{T} = \frac{1}{m} (P - Y)^{T} X", latex=True).ok
    assert check("softmax-regression", "W", r"(\nabla_{W} J)^{T} = \frac{1}{m} (Y - P)^{T} X", latex=True).code == "sign"


def test_a_vector_of_hand_numbers_written_as_a_column() -> None:
    """``[-0.176, -0.00899]^T``, ``(-0.176, -0.00899)ᵀ``, ``[…]'`` and one entry a line inside
    one bracket (MATLAB's newline ends a row) are a column (they were unreadable or read as a
    row: shape-mismatch); a wrong entry stays wrong, and a 1-D list is still one row."""
    from derive.checker.check import check

    for v in ("[-0.176, -0.00899]^T", "(-0.176, -0.00899)ᵀ", "[-0.176 -0.00899]'", "[-0.176\n -0.00899]"):
        assert check("mlp-bce", "W2", value=v).ok, v
    assert not check("mlp-bce", "W2", value="[-0.176, -0.0899]^T").ok
    assert not check("mlp-bce", "W2", value="[-0.176\n 0.00899]").ok
    assert check("mlp-bce", "W2", value="[-0.176, -0.00899]").code == "shape-mismatch"
    assert check("neuron", "w", value="[-0.0612, -0.0367, -0.0245]").ok
    assert check("neuron", "w", value="[-0.0612, -0.0367, -0.0245]^T").code == "shape-mismatch"


def test_tensorflows_function_spelling_of_a_size() -> None:
    """``m = tf.cast(tf.shape(X)[0], tf.float64)`` (also ``np.shape(X)[0]``, ``jnp.shape``) is
    X's first size, as ``X.shape[0]`` is (it was "'Subscript' is not allowed" / "unknown
    function 'cast'"); the wrong axis still names the wrong size."""
    from derive.checker.check import check

    body = "\ndW2 = tf.matmul(tf.transpose(A1), A2 - Y) / m"
    assert check("mlp-bce", "W2", "m = tf.cast(tf.shape(X)[0], tf.float64)" + body).ok
    assert check("mlp-bce", "W2", "m = np.shape(X)[0]" + body).ok
    assert check("mlp-bce", "W2", "m = tf.cast(tf.shape(X)[1], tf.float64)" + body).code == "scale-factor"
    assert check("mlp-bce", "W2", "m = jnp.shape(X)[1]" + body).code == "scale-factor"


def test_names_defined_after_the_answer() -> None:
    r"""``\frac{∂L}{∂W_1} = X^⊤ δ, \quad δ = …`` (the answer first, then the names it uses, as
    textbooks set them): the definitions are read before the answer (a bare ``\delta`` before a
    comma was unreadable; a ``\boldsymbol{\delta}^{[2]}`` defined after it was ignored for the
    convention δ^{[2]} = ∂L/∂Z^{[2]}, so a wrong definition was ACCEPTED, also by the CLI's fast
    path). Both paths agree; a statement after the answer that the answer does not use is not
    moved."""
    from derive.checker import fastpath, formula
    from derive.checker.check import check

    assert fastpath._GRADIENT_LHS.pattern == formula._GRADIENT_LHS.pattern
    t = r"\frac{\partial L}{\partial W_1} = X^{\top}\delta, \quad \delta = (y_{pred} - y_{target}) W_2^{\top} \odot h \odot (1 - h)"
    assert check("tiny-mlp", "W1", t, latex=True).ok
    assert check("tiny-mlp", "W1", t.replace(r" \odot (1 - h)", ""), latex=True).code == "wrong-activation-derivative"
    w2 = r"\frac{\partial L}{\partial W^{[2]}} = A^{[1]\top} \boldsymbol{\delta}^{[2]}, \quad \boldsymbol{\delta}^{[2]} = "
    assert check("mlp-bce", "W2", w2 + r"\frac{1}{m}(A^{[2]} - Y)", latex=True).ok
    wrong = w2 + r"\frac{1}{m}(Y - A^{[2]})"
    assert check("mlp-bce", "W2", wrong, latex=True).code == "sign"
    with pytest.raises(fastpath._Fallback):
        fastpath.statements(wrong)
    assert formula._definitions_first(["dZ = A - Y", r"\frac{\partial L}{\partial W} = X^T dZ", "b = 1"])[-1] == "b = 1"


def test_a_reason_after_quad_is_not_a_statement() -> None:
    r"""``2v \quad \text{since } \frac{\partial v}{\partial b} = 1``: a reason set after the
    equation, not a second statement (it was "formula is empty"), in both paths; a slip before
    it is still wrong, and ``\quad`` between two equations still splits them."""
    from derive.checker import fastpath
    from derive.checker.check import check

    t = r"\frac{\partial L}{\partial b} = 2v \quad \text{since } \frac{\partial v}{\partial b} = 1"
    assert check("chain", "b", t, latex=True).ok
    assert not check("chain", "b", t.replace("2v", "2x"), latex=True).ok
    assert len(fastpath.statements(t)) == 1
    assert len(fastpath.statements(r"u = wx + b, \quad \frac{dL}{dw} = 2u x")) == 2


def test_a_matrix_of_hand_numbers_with_its_transpose_stated() -> None:
    """``[[a, b], [c, d]]^T`` (``ᵀ``, ``'``, ``.T``): the matrix transposed, as stated (it was
    unreadable): the transpose of the right matrix is right, the right matrix with ``^T`` is
    the transposed one (operand-order)."""
    from derive.checker.check import check

    m = "[[-0.0137, -0.0163], [-0.00273, -0.00327]]"
    assert check("tiny-mlp", "W1", value=m).ok
    assert check("tiny-mlp", "W1", value=m + "^T").code == "operand-order"
    assert check("tiny-mlp", "W1", value="[[-0.0137, -0.00273], [-0.0163, -0.00327]]^T").ok
    assert check("relu-mlp", "w2", value="[[-0.748, -0.219, -0.804], [-2.51, -0.480, -2.04]]ᵀ").ok
    assert not check("relu-mlp", "w2", value="[[-0.748, -0.219, -0.804], [-2.51, -0.408, -2.04]]ᵀ").ok


def test_nielsens_delta_times_a_transposed_activation() -> None:
    r"""``\delta\, a_1^{T}`` with ``\delta`` defined after it (Nielsen's ∂C/∂w = δ aᵀ): δ times
    a_1 transposed (it was "expected _{…} or ^{[k]} after \delta"); a wrong δ stays wrong."""
    from derive.checker.check import check

    spec = Path(__file__).parent / "specs_course" / "nielsen_quadratic.toml"
    t = r"\frac{\partial C}{\partial w_2} = \delta\, a_1^{T}, \quad \delta = (a_2 - y) \odot \sigma'(z_2)"
    assert check(spec, "w2", t, latex=True).ok
    short = t.replace(r" \odot \sigma'(z_2)", "")
    assert short != t and check(spec, "w2", short, latex=True).code == "missing-activation-derivative"
