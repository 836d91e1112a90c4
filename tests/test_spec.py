"""Spec v1 validation: every error names the file, the table/key and the fix."""

from __future__ import annotations

import numpy as np
import pytest

from derive.lang import spec

GOOD = """
[network]
name = "t"
[dims]
m = 2
n = 3
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
W = ["n", 1]
b = [1, 1]
[forward]
Z = "X @ W + b"
A = "sigmoid(Z)"
L = "bce(A, Y)"
"""


def bad(text: str) -> spec.SpecError:
    with pytest.raises(spec.SpecError) as err:
        spec.parse(text, source="my.toml")
    assert str(err.value).startswith("my.toml: ")
    assert "Fix: " in str(err.value)
    return err.value


def test_good_spec_parses():
    s = spec.parse(GOOD)
    assert s.loss == "L" and s.shapes["Z"] == (2, 1) and s.shapes["L"] == ()
    assert s.values["X"] and len(s.values["X"]) == 2  # example values generated


def test_unknown_function_names_the_allowed_ones():
    e = bad(GOOD.replace("sigmoid(Z)", "sech(Z)"))
    assert e.where == '[forward] A = "sech(Z)"'
    assert "unknown function 'sech'" in e.message and "sigmoid" in e.message


def test_matmul_shape_mismatch_shows_both_shapes():
    e = bad(GOOD.replace("X @ W + b", "X.T @ W + b"))
    assert "left is (3, 2), right is (3, 1)" in e.message
    assert "transpose" in e.fix


def test_add_shape_mismatch_shows_both_shapes():
    e = bad(GOOD.replace("X @ W + b", "X @ W + X.T @ X"))
    assert "shape mismatch in '+': left is (2, 1), right is (3, 3)" in e.message


def test_undefined_name():
    e = bad(GOOD.replace("X @ W + b", "X @ V + b"))
    assert "undefined name 'V'" in e.message and "known: X, Y, W, b" in e.fix


def test_loss_must_be_scalar():
    e = bad(GOOD.replace('L = "bce(A, Y)"', 'L = "A * 2"'))
    assert e.where == "[forward] L" and "must be a scalar" in e.message
    assert "(2, 1)" in e.message


def test_values_of_the_wrong_shape():
    e = bad(GOOD + "[values]\nX = [[1, 2], [3, 4]]\n")
    assert e.where == "[values] X" and "expected a 2×3 array" in e.message


@pytest.mark.parametrize("name", ["lambda", "if", "for"])
def test_keywords_are_reserved(name):
    e = bad(GOOD.replace('Z = "X @ W + b"', f'{name} = "X @ W + b"').replace("(Z)", f"({name})"))
    assert f"'{name}' is reserved" in e.message


@pytest.mark.parametrize("name", ["sigmoid", "mean", "softplus", "sum", "exp"])
def test_function_names_are_valid_tensor_names(name):
    # d2l's batch norm: mean = X.mean(dim=0); a call and a name are told apart by the syntax
    text = GOOD.replace('Z = "X @ W + b"', f'{name} = "X @ W + b"').replace("(Z)", f"({name})")
    s = spec.parse(text, source="my.toml")
    assert name in dict(s.forward)


@pytest.mark.parametrize(
    "name",
    [
        "E",
        "I",
        "N",
        "Q",
        "S",
        "K",
        "V",
        "pi",
        "gamma",
        "beta",
        "eps",
        "mu",
        "sigma2",
        "np",
        "torch",
        "F",
        "lr",
        "match",
    ],
)
def test_names_courses_use_are_ordinary_identifiers(name):
    text = GOOD.replace('Z = "X @ W + b"', f'{name} = "X @ W + b"').replace("(Z)", f"({name})")
    s = spec.parse(text)
    assert name in s.shapes


def test_hostile_expression_in_a_spec():
    e = bad(GOOD.replace("X @ W + b", "__import__('os').system('x')"))
    assert e.where.startswith("[forward] Z = ")


@pytest.mark.parametrize(
    "change, where",
    [
        (('[network]\nname = "t"', '[network]\nname = "Bad Name"'), "[network] name"),
        (("m = 2", "m = 0"), "[dims] m"),
        (('W = ["n", 1]', 'W = ["k", 1]'), "[params] W"),
        (("[forward]", "[extra]\n[forward]"), "[extra]"),
        (("b = [1, 1]", "b = [1, 1]\nX = [1, 1]"), "[params] X"),
    ],
)
def test_errors_name_their_field(change, where):
    assert bad(GOOD.replace(*change)).where == where


def test_network_table_optional_and_top_level_keys():
    """`name`/`title`/`description` above every table belong to [network]; without a name the
    file's stem (lower-case, other characters as '-') is the network's name."""
    body = GOOD.replace('[network]\nname = "t"\n', "")
    assert spec.parse(body, source="/tmp/My_Course Net.toml").name == "my-course-net"
    top = spec.parse('name = "top"\ntitle = "Top"\n' + body, source="x.toml")
    assert (top.name, top.title["en"]) == ("top", "Top")
    assert bad('name = "a"\n' + GOOD).where == "name"
    assert "unknown key at the top" in bad("colour = 1\n" + GOOD).message


def test_not_toml():
    assert "not valid TOML" in bad("[network\n").message


@pytest.mark.parametrize(
    ("old", "new", "fix"),
    [
        ('X = ["m", "n"]', "X = [m, n]", '(X = [m, n]): put each size name in quotes'),
        ('A = "sigmoid(Z)"', "A = sigmoid(Z)", 'put the formula or text in quotes, e.g. A = "sigmoid(Z)"'),
        ('A = "sigmoid(Z)"', 'A = "sigmoid(Z)', "close the quote"),
        ('W = ["n", 1]', 'θ = ["n", 1]', "write theta = ..., which prints as its letter"),
        ('W = ["n", 1]', '权重 = ["n", 1]', "spell it in ASCII"),
    ],
)
def test_toml_slips_get_a_fix_for_their_line(old, new, fix):
    assert old in GOOD
    e = bad(GOOD.replace(old, new))
    assert "not valid TOML" in e.message and fix in e.fix


@pytest.mark.parametrize(
    ("description", "why"),
    [
        (r"see $\input{secret}$", r"\input"),
        (r"$x^^5cinput$", "'^^'"),
        (r"a $5 bill", "without its closing $"),
        (r"$σ(z)$", "ASCII only"),
        (r"$\frac{1}{2$", "unbalanced braces"),
        (r"$|x|$", r"\vert"),
    ],
)
def test_description_math_is_a_safe_subset(description, why):
    e = bad(GOOD.replace('name = "t"', f'name = "t"\ndescription = \'{description}\''))
    assert e.where.startswith("[network] description") and why in e.message


def test_description_math_and_dollars():
    s = spec.parse(GOOD.replace('name = "t"', 'name = "t"\ndescription = \'$L = \\frac{1}{2}(O - t)^2$, \\$5\''))
    assert spec.prose_parts(s.description["en"]) == [
        (True, r"L = \frac{1}{2}(O - t)^2"),
        (False, ", $5"),
    ]


def test_a_byte_order_mark_is_read(tmp_path):
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + GOOD.replace("\n", "\r\n").encode())
    assert spec.load(str(path)).name == "t"


def test_unknown_builtin_or_missing_file():
    with pytest.raises(spec.SpecError) as err:
        spec.load("no-such-net")
    assert "chain" in str(err.value) and "mlp-bce" in str(err.value)


def test_gradient_name_clash():
    """A node named dZ next to Z: ∂L/∂Z gets the first free name, d_Z (tests/test_heldnets4.py
    builds and checks such a network)."""
    text = GOOD.replace('A = "sigmoid(Z)"', 'dZ = "sigmoid(Z)"').replace("bce(A, Y)", "bce(dZ, Y)")
    s = spec.parse(text, "t.toml")
    assert s.gkey("Z") == "d_Z" and s.gkey("dZ") == "ddZ" and s.grad_keys == {"Z": "d_Z"}


_COLUMN_ONE_HOT = """
[dims]
n_y = 3
m = 2
[inputs]
X = ["n_y", "m"]
Y = { shape = ["n_y", "m"], kind = "one-hot" }
[params]
W = ["n_y", "n_y"]
[forward]
A = "softmax((W @ X).T).T"
L = "-np.sum(Y * np.log(A)) / m"
[values]
Y = %s
"""


def test_one_hot_columns_declared_one_hot_are_read_as_columns() -> None:
    """Ng's layout (examples in columns, pass 7; read since branch ops10): one-hot columns under
    kind = "one-hot" are one-hot columns (no fused row step assumes rows); drawn so under kind =
    "one-hot-columns"; rows that are neither still get the row message."""
    s = spec.parse(_COLUMN_ONE_HOT % "[[1, 0], [0, 0], [0, 1]]")
    assert "Y" not in s.one_hot
    drawn = spec.parse(
        (_COLUMN_ONE_HOT % "0").replace('"one-hot" }', '"one-hot-columns" }').split("[values]")[0]
    )
    y = np.array([[float(v) for v in row] for row in drawn.values["Y"]])
    assert sorted(y.sum(axis=0)) == [1.0, 1.0] and set(y.flat) == {0.0, 1.0}
    with pytest.raises(spec.SpecError) as err:
        spec.parse(_COLUMN_ONE_HOT % "[[1, 1], [0, 0], [0, 1]]")
    assert "row 1 is" in str(err.value)


def test_a_reduction_along_rows_without_keepdims_is_a_row_as_in_numpy() -> None:
    """np.sum(E, axis=1) without keepdims is NumPy's 1-D array, a row (pass 7: read as a column
    it made a wrong ✓ next to a 1-D weight): dividing E by it fails as in NumPy, and the message
    names keepdims=True; with keepdims=True it is the column."""
    text = """
[dims]
m = 2
k = 3
[inputs]
X = ["m", "k"]
[params]
W = ["k", "k"]
[forward]
E = "np.exp(X @ W)"
S = "np.sum(E, axis=1%s)"
L = "np.sum(E / S)"
"""
    with pytest.raises(spec.SpecError) as err:
        spec.parse(text % "")
    assert "shape mismatch in '/'" in str(err.value) and "keepdims=True" in str(err.value)
    assert spec.parse(text % ", keepdims=True").shapes["S"] == (2, 1)
