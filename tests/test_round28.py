"""Round 28 (stop 34's CI timed out): each fix of this round, as a test that can fail.

* a line past the parser's bounds is left to the parser (no pass before it recurses);
* a derivation step doubling the one before is sized before it is walked (it hung CI);
* ``(x @ W)[0]`` of arithmetic on arrays is NumPy's 1-D row, and ``softmax(z)[1]`` of a 1-D
  ``z`` picks its entry — each read as PyTorch runs the text (tests/spelled_oracle.py)."""

from __future__ import annotations

import ast

import pytest
from test_heldnets21 import _both

from derive.checker import formula
from derive.lang import expr, spelling

torch = pytest.importorskip("torch")

_PICK = """
[dims]
n = 3
k = 4
[inputs]
x = [1, "n"]
[params]
W = ["n", "k"]
[forward]
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    [
        'z = "(x @ W)[0]"\np = "torch.softmax(z, dim=0)[1]"\nL = "-torch.log(p)"',
        'z = "(x @ W)[0]"\np = "torch.softmax(z, dim=0)"\nL = "-torch.log(p[2])"',
        'z = "(x @ W + 1)[0]"\nL = "-torch.log_softmax(z, dim=0)[3]"',
        'z = "np.tanh(x @ W)[0]"\nL = "np.sum(z[1:] ** 2)"',
        'z = "(x @ W)[0]"\nL = "(z[0] - z[1]) ** 2"',
    ],
    ids=["softmax-pick", "named-pick", "log-softmax-pick", "tanh-row-slice", "two-entries"],
)
def test_an_entry_of_a_one_d_expression_reads_as_pytorch_runs_it(lines: str) -> None:
    _both(_PICK.format(lines=lines), "pick")


_ATTN = """
[dims]
N = 4
D = 3
[inputs]
X = ["N", "D"]
y = ["N"]
[params]
w = ["D"]
[forward]
s = "X @ w"
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    [
        'alpha = "np.exp(s) / np.sum(np.exp(s))"\nr = "alpha @ y"\nL = "(r - 1) ** 2"',
        'r = "(np.exp(s) / np.sum(np.exp(s))) @ y"\nL = "(r - 1) ** 2"',
        'a = "np.exp(s) / np.exp(s).sum() * 2"\nL = "np.sum((a @ X - 1) ** 2)"',
        'a = "np.tanh(s) - np.mean(np.tanh(s))"\nL = "np.sum(np.outer(a, a) ** 2)"',
        'p = "(np.exp(s) / np.sum(np.exp(s)))[2]"\nL = "-np.log(p)"',
        'p = "(np.exp(s) / np.exp(s).sum())[1:3]"\nL = "-np.sum(np.log(p))"',
    ],
    ids=["named", "inline", "method-sum", "outer", "entry", "slice"],
)
def test_a_vector_beside_one_number_by_its_form_is_one_d(lines: str) -> None:
    """邱锡鹏's attention: ``np.exp(s) / np.sum(np.exp(s))`` of a 1-D ``s`` is 1-D (a vector
    divided by one number), so ``alpha @ X`` is NumPy's vector-matrix product."""
    _both(_ATTN.format(lines=lines), "attn")


_CW = """
[dims]
m = 3
n = 2
k = 3
[constants]
w3 = 0.5
[inputs]
X = ["m", "n"]
Y = ["m", "k"]
[params]
W = ["n", "k"]
[forward]
Z = "X @ W"
{lines}
"""


@pytest.mark.parametrize(
    "lines",
    [
        'P = "np.exp(Z) / np.sum(np.exp(Z), axis=1, keepdims=True)"\n'
        'L = "-np.mean(np.sum(np.array([1.0, 2.0, -0.5]) * Y * np.log(P), axis=1))"',
        'L = "F.cross_entropy(Z, Y, weight=torch.tensor([1.0, 3.0, w3]))"',
        'H = "torch.tanh(Z) @ torch.tensor([[1., 0.], [0., -1.], [2, w3]], dtype=torch.float64)"\n'
        'L = "torch.sum(H ** 2)"',
        'L = "tf.reduce_sum((Z - tf.constant([0.5, -1.0, 2.0])) ** 2)"',
        'L = "jnp.sum((Z * jnp.array([1.0, 2.0, 3.0]) - jnp.asarray([1, 0, 0])) ** 2)"',
    ],
    ids=["class-weights", "ce-weight", "kernel", "tf-constant", "two-literals"],
)
def test_an_array_written_in_a_line_reads_as_pytorch_runs_it(lines: str) -> None:
    """``np.array([1.0, 2.0, -0.5])`` (a literal of numbers or [constants] names) is an input
    holding them (``const``): 1-D for a flat list as in NumPy, a matrix for a list of rows."""
    _both(_CW.format(lines=lines), "cw")


def test_an_array_written_in_a_line_is_an_input_holding_its_numbers() -> None:
    from derive.lang import spec as spec_mod

    s = spec_mod.parse(
        _CW.format(lines='L = "np.sum((Z - np.array([1, 2, 3])) ** 2 * np.array([1, 2, 3]))"'),
        "cw",
    )
    assert "const" in s.inputs and "const_2" not in s.inputs  # the same numbers: one input
    assert s.shapes["const"] == (1, 3) and "const" in s.one_d
    assert [[float(v) for v in r] for r in s.values["const"]] == [[1.0, 2.0, 3.0]]


@pytest.mark.parametrize(
    "line",
    ['L = "np.sum(Z * np.array([W[0, 0], 1.0, 2.0]))"', 'L = "np.sum(Z * torch.tensor([X, X]))"'],
)
def test_an_array_of_computed_values_is_refused_naming_stack(line: str) -> None:
    from test_heldnets21 import _refusal

    for lang in ("en", "zh"):
        said = _refusal(_CW.format(lines=line), lang)
        assert "stack" in said and "[constants]" in said, said


def test_a_deep_line_is_left_to_the_parser_by_the_passes_before_it() -> None:
    deep = "+".join(["Z"] * 980)
    assert spelling.parsed(deep) is None  # deeper than MAX_TREE_DEPTH: the passes skip it
    assert spelling.parsed("+".join(["Z"] * 30)) is not None
    assert spelling.parsed("Z" * (spelling.MAX_TEXT + 1)) is None
    assert expr.MAX_LENGTH == spelling.MAX_TEXT
    with pytest.raises(expr.ExprError):
        expr.parse(deep)
    # the same bound the passes use is within Python's own: unparse of a tree at it works
    tree = spelling.parsed("+".join(["Z"] * (spelling.MAX_TREE_DEPTH - 2)))
    assert tree is not None and ast.unparse(tree)


def test_a_step_doubling_the_one_before_is_sized_before_it_is_walked() -> None:
    a = expr.Name("x")
    for _ in range(70):  # 2^70 parts written out, 71 distinct nodes
        a = expr.BinOp("+", a, a)
    assert formula._expanded_parts(a) > formula.MAX_EXPANDED


_WEIGHTED = str(
    __import__("pathlib").Path(__file__).resolve().parent
    / "specs_course"
    / "hn28_class_weighted_softmax_np_array.toml"
)


@pytest.mark.parametrize(
    ("text", "verdict"),
    [
        ("w = np.array([1.0, 2.0, 0.5])\ndscores = (np.sum(w * Y, axis=1, keepdims=True) * P"
         " - w * Y) / N\ndW = X.T @ dscores", "correct"),
        ("dW = X.T @ ((np.sum(const * Y, axis=1, keepdims=True) * P - const * Y) / N)", "correct"),
        ("w = torch.tensor([1.0, 2.0, 0.5])\ndW = X.T @ ((P - w * Y) / N)", "incorrect"),
        ("w = np.array([1.0, 2.0, 3.0])\ndscores = (np.sum(w * Y, axis=1, keepdims=True) * P"
         " - w * Y) / N\ndW = X.T @ dscores", "incorrect"),
    ],
    ids=["np-array", "const", "unweighted-slip", "other-weights"],
)
def test_check_reads_the_specs_own_array_as_its_input(text: str, verdict: str) -> None:
    """A student writes the class weights as the spec does, ``np.array([1.0, 2.0, 0.5])``: the
    same numbers are the spec's input ``const`` (so the answer holds at every random point where
    ``const`` is drawn again); other numbers stay numbers, and are judged wrong."""
    from derive.checker.check import check

    assert check(_WEIGHTED, "W", text).verdict == verdict


def test_a_domain_error_names_only_the_values_the_user_gave() -> None:
    """``log(x @ W - np.array([5.0, 5.0]))`` negative at the user's values: the fix names x and
    W, not the ``const`` input derive made from the array in the line."""
    from test_heldnets21 import _refusal

    text = """
[dims]
n = 2
[inputs]
x = [1, "n"]
[params]
W = ["n", "n"]
[forward]
L = "np.sum(np.log(x @ W - np.array([5.0, 5.0])))"
[values]
x = [[1.0, 2.0]]
W = [[0.1, 0.2], [0.3, 0.4]]
"""
    said = _refusal(text, "en")
    assert "of x, W so that" in said and "const" not in said.split("Fix:")[1], said
