"""The held-out-style corpus of issue 11, forty-third round (tests/corpus43.py): CODE answers from
sources and styles no corpus had used as such — legacy ``np.matrix`` code where ``*`` is the
matrix product, ``np.apply_along_axis``, ``numpy as onp`` beside ``jax.numpy as np`` and JAX's
``.at[…].set``, ``.mT``/``.mH``/``.H``, ``tf.custom_gradient`` with a hand helper,
``functools.reduce``/``operator.matmul``/``np.frompyfunc``, ``namedtuple`` caches, MLX, Jittor,
OneFlow, MegEngine, Numba index loops, entry-by-entry list comprehensions, ``jax.lax.dot_general``,
masked arrays, ``np.putmask``/``np.place``, BLAS ``dgemm``, ``sum_to_size`` — and students'
mistakes on them, on the built-ins and seven lecturer networks no earlier corpus used. Verdicts
of the matrix cases come from PyTorch (tests/check_oracle.py, tests/spelled_oracle.py); the
checker must give each case its verdict and, where one is named, its diagnosis code. Rates (and
the first, before-fix measurement): bench/bench_check_corpus43.py, bench/RESULTS.md
"heldcheck43"."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus43  # noqa: E402
import corpus_common  # noqa: E402
from test_check_corpus40 import _verdict  # noqa: E402  (the checker's verdict and code, or "unreadable")

CASES = corpus43.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c43-183": ("the per-pair sum of np.outer(O[i], go[i] * vc[i]) over a 1-D go (a row sum .sum(1)): the reader "
                "keeps go a row, so go[i] is no number and np.outer is refused (corpus 42's c42-157 alike)"),
    "c43-191": ("a, g = z.chunk(2, dim=-1) (a tuple from a chunk) is not read: halves of a size not written as a "
                "name (corpus 42's jnp.split, c42-204–207)"),
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 200 cases, every built-in and seven lecturer networks no earlier corpus used,
    about half right, refusals and twenty Chinese cases among them, none repeating corpora 2–42;
    35 % or more on those lecturer networks; every case code."""
    corpus_common.assert_new_and_mixed(corpus43, CASES, KNOWN, least=200, course=7, zh=20)
    assert sum(c["net"].endswith(".toml") for c in CASES) >= 0.35 * len(CASES)
    assert {c["kind"] for c in CASES} == {"numpy"}


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus43 = corpus_common.corpus_tests(
    corpus43, CASES, KNOWN
)


_case, _styles = corpus_common.style_checker(CASES, _verdict)


M = "mlp-bce"


def test_np_matrix_star_is_the_matrix_product() -> None:
    """Legacy ``np.matrix``/``np.mat``/``np.asmatrix`` code: ``*`` between a matrix and an array
    is the matrix PRODUCT, ``np.multiply`` the element-wise one, ``.H`` the transpose, ``.A`` the
    array, a matrix's ``.sum(axis=0)`` keeps both axes (refused on 39e79100: "np.mat is not
    supported"). A mask multiplied with ``*`` onto a matrix is a product that does not fit — not
    accepted; a matrix power stays refused."""
    _styles(("correct", None), "np-matrix-star-W2", "np-mat-multiply-mask-W1", "np-mat-sum-axis0-b2",
            "np-matrix-mean-b1", "np-mat-tiny-W1", "np-asmatrix-H-W2", "np-matrix-dot-A-W2", "np-mat-attention-Wv")
    _styles(("incorrect", "sign"), "np-matrix-softmax-W-sign")
    _styles(("incorrect", "scale-factor"), "np-matrix-dot-A-W2-no-mean", "np-mat-attention-Wv-no-mean")
    assert _verdict(M, "W1", _case("np-mat-star-as-mask-W1")["text"])[0] != "correct"
    assert _verdict("tiny-mlp", "W1", _case("np-mat-tiny-W1-slope-by-star")["text"])[0] != "correct"
    # element-wise by np.multiply of two matrices: A1 ⊙ … is no gradient of W2
    assert _verdict(M, "W2", "dW2 = np.multiply(np.mat(A1).T, np.mat(A2 - Y).T) / m")[0] != "correct"
    assert _verdict(M, "W2", "dW2 = np.mat(A1).T * np.mat(A2 - Y) ** 2 / m")[0] != "correct"


def test_functional_and_in_place_masks() -> None:
    """JAX's ``d = e.at[Z1 <= 0].set(0.0)``, ``np.putmask(d, Z1 <= 0, 0.0)``, ``np.place``,
    ``np.ma.masked_where(Z1 <= 0, d).filled(0.0)`` zero the masked entries (refused on
    39e79100); a strict ``<`` is the relu-at-zero slip, a mask on A1 < 0 masks nothing, an
    inverted mask is wrong."""
    _styles(("correct", None), "jax-at-set-W1", "jax-at-set-on-A1-nonpositive-W1", "jax-at-set-relu-mlp-w1",
            "putmask-W1", "place-on-A1-W1", "masked-array-filled-W1", "zh-jax-at-set-b1")
    _styles(("incorrect", "relu-at-zero"), "jax-at-set-strict-W1", "masked-array-strict-W1")
    _styles(("incorrect", "missing-activation-derivative"), "jax-at-set-on-A1-negative-W1")
    assert _verdict(M, "W1", _case("putmask-inverted-W1")["text"])[0] == "incorrect"
    # .at[…].add is not read as .set
    assert _verdict(M, "W1", "dA1 = (A2 - Y) @ W2.T\ndZ1 = dA1.at[Z1 <= 0].add(1.0)\ndW1 = X.T @ dZ1 / m")[0] != "correct"


def test_more_array_libraries_and_operator_spellings() -> None:
    """Apple MLX, Jittor, OneFlow, MegEngine (``F.matmul(a, b, transpose_a=True)``),
    ``operator.matmul``, ``a.__matmul__(b)``, ``functools.reduce(np.matmul, [a, b])``, SciPy BLAS
    ``dgemm``, ``jax.lax.dot_general``, ``np.apply_along_axis`` and PyTorch's ``sum_to_size``
    (all refused on 39e79100); a module's name is a tensor's only as written (relu-mlp's ``mx``
    is not ``dx``)."""
    _styles(("correct", None), "mlx-matmul-transpose-W2", "mlx-mean-b1", "mlx-softmax-W", "mlx-relu-mlp-w2",
            "jittor-transpose-W1", "oneflow-mm-W2", "megengine-matmul-transpose-a-W2", "operator-matmul-W2",
            "dunder-matmul-W2", "functools-reduce-matmul-W1", "blas-dgemm-trans-a-W2", "blas-dgemm-positional-weighted-W2",
            "lax-dot-general-W2", "apply-along-axis-sum-b1", "apply-along-axis-lambda-W2", "mindspore-b1-apply-along-axis",
            "sum-to-size-b1", "sum-to-size-softmax-b", "sum-to-size-bn-gamma", "zh-mindspore-ops-W2")
    _styles(("incorrect", "wrong-sum-axis"), "mlx-sum-wrong-axis-b1", "apply-along-axis-row-sum-b1")
    _styles(("incorrect", "scale-factor"), "megengine-W1-no-mean", "blas-dgemm-W2-no-mean")
    assert _verdict(M, "W2", _case("megengine-matmul-operands-swapped-W2")["text"])[0] == "incorrect"
    # a reduction other than a column's matrix product is not guessed
    assert _verdict(M, "W2", "dW2 = np.apply_along_axis(lambda c: c.sum() * A1.T, 0, A2 - Y) / m")[0] == "unreadable"
    assert _verdict(M, "W2", "dW2 = jax.lax.dot_general(A1, A2 - Y, (((0,), (0,)), ((0,), (0,)))) / m")[0] == "unreadable"


def test_index_loops_are_their_einsum() -> None:
    """A Numba kernel's ``for i in range(n): for j in range(p): for k in range(q): out[j, k] +=
    A[i, j] * G[i, k]`` over a buffer of zeros is ``np.einsum('ij,ik->jk', A, G)`` where every
    bound is the size of an axis its index runs over (refused on 39e79100: "the helper is not
    read"); a loop stopping short stays refused."""
    _styles(("correct", None), "numba-njit-index-loops-W2", "numba-njit-index-loops-W1")
    _styles(("incorrect", "scale-factor"), "numba-njit-index-loops-W2-no-mean")
    _styles(("incorrect", "sign"), "numba-njit-softmax-W-sign")
    short = _case("numba-njit-index-loops-W2")["text"].replace("for i in range(n):", "for i in range(n - 1):")
    assert _verdict(M, "W2", short)[0] == "unreadable"
    crossed = _case("numba-njit-index-loops-W2")["text"].replace("for j in range(p):", "for j in range(q):")
    assert _verdict(M, "W2", crossed)[0] == "unreadable"


def test_helpers_caches_and_aliases() -> None:
    """``np.frompyfunc``/``np.vectorize`` of a conditional lambda is its ``np.where``;
    ``namedtuple``/``NamedTuple`` caches are their fields (a positional swap read as written);
    ``import numpy as onp`` is NumPy; ``torch.var_mean`` the variance and the mean (all refused
    on 39e79100)."""
    _styles(("correct", None), "frompyfunc-relu-slope-W1", "frompyfunc-sigmoid-slope-tiny-W1", "namedtuple-cache-W2",
            "namedtuple-cache-W1", "namedtuple-unpacked-b1", "typing-namedtuple-cache-W2", "onp-jnp-where-W1", "zh-ln-W1")
    _styles(("incorrect", "relu-at-zero"), "frompyfunc-relu-slope-at-zero-W1")
    assert _verdict(M, "W2", _case("typing-namedtuple-positional-swapped-W2")["text"])[0] == "incorrect"
    assert _verdict(M, "W1", _case("namedtuple-cache-W1-mask-of-Z2")["text"])[0] == "incorrect"
    c = _case("ln-W1-normalisation-treated-as-constant")
    assert _verdict(c["net"], c["wrt"], c["text"])[0] == "incorrect"


def test_relu_mask_for_an_inline_activation_named() -> None:
    """A ReLU mask written for the slope of an activation applied inline — WGAN's
    ``F.leaky_relu(real @ W1 + b1, 0.2) @ w2`` in both critics, corpus 42's ``tf.nn.elu(x @ W1 +
    b1)`` (c42-181) and a mixture's tanh expert (c42-170) — is wrong-activation-derivative
    (``unknown`` on 39e79100)."""
    _styles(("incorrect", "wrong-activation-derivative"), "wgan-W1-relu-mask-for-leaky")
    import corpus42

    for c in corpus42.load():
        if c["id"] in ("c42-170", "c42-181"):
            assert _verdict(c["net"], c["wrt"], c["text"], c["lang"]) == ("incorrect", "wrong-activation-derivative"), c["id"]


def test_comprehensions_stacked_entry_by_entry() -> None:
    """``np.array([A1[:, j] @ dZ2 for j in range(A1.shape[1])])``, the nested
    ``[[X[:, i] @ dZ1[:, j] for j …] for i …]``, ``np.stack([X.T @ (P[:, c] - Y[:, c]) for c …],
    axis=1)`` and ``np.array([[dZ1[:, j].mean() for j …]])`` are the whole-array products and
    means they stack (refused on 39e79100: "unknown function 'array'"); stacked the other way
    they are the transpose (not accepted); a range short of the axis stays refused."""
    _styles(("correct", None), "listcomp-rows-W2", "listcomp-entries-W1", "listcomp-column-means-b1",
            "listcomp-stack-columns-softmax-W")
    for style in ("listcomp-entries-W1-loops-swapped", "listcomp-stack-rows-softmax-W"):
        c = _case(style)
        assert _verdict(c["net"], c["wrt"], c["text"])[0] == "incorrect", style
    assert _verdict(M, "W2", "dW2 = np.array([A1[:, j] @ (A2 - Y) for j in range(A1.shape[1] - 1)]) / m")[0] == "unreadable"
    assert _verdict(M, "W2", "dW2 = np.array([A1[:, j] @ (A2 - Y) for j in range(A1.shape[0])]) / m")[0] == "unreadable"
    # an array beside the slice would broadcast another way: not vectorised
    assert _verdict(M, "b1", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = np.array([(dZ1[:, j] * Y).mean() for j in range(dZ1.shape[1])])")[0] == "unreadable"
