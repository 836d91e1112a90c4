"""Round 24 on main: a whole gradient of hand numbers with the right numbers in the wrong layout.

A column gradient written as a 1-D list (``[0.056, 0.041]``, as NumPy prints ``db`` without
``keepdims``) and a matrix written transposed stay ``shape-mismatch`` (a grader asked for the
tensor's shape), but the verdict now says that every number is right and shows them laid out in
the gradient's shape; wrong numbers in a wrong layout keep the plain message and are judged in
the gradient's shape too (the wrong entry named). The exact values
come from PyTorch (float64) running the network written out here, not from derive.
"""

from __future__ import annotations

import numpy as np
import pytest
import torch

from derive.checker.check import check
from derive.checker.verdict import FormulaError

# a column-major layer (as in Ng's course): Z = W X + b, A = tanh(Z), L = ½ Σ (v·A − y)²
_SPEC = """
[network]
name = "col-held"
[dims]
n = {n}
h = {h}
m = {m}
[inputs]
X = ["n", "m"]
y = [1, "m"]
[params]
W = ["h", "n"]
b = ["h", 1]
v = [1, "h"]
[forward]
Z = "W @ X + b"
A = "tanh(Z)"
L = "0.5 * sum((v @ A - y) ** 2)"
[values]
X = {X}
y = {y}
W = {W}
b = {b}
v = {v}
"""


def _net(tmp_path, n: int, h: int, m: int, seed: int):
    rng = np.random.default_rng(seed)
    vals = {k: np.round(rng.uniform(-1, 1, s), 1) for k, s in
            dict(X=(n, m), y=(1, m), W=(h, n), b=(h, 1), v=(1, h)).items()}
    text = _SPEC.format(n=n, h=h, m=m, **{k: str(a.tolist()) for k, a in vals.items()})
    path = tmp_path / f"col_{n}{h}{m}_{seed}.toml"
    path.write_text(text, encoding="utf-8")
    t = {k: torch.tensor(a, dtype=torch.float64, requires_grad=k in "Wbv") for k, a in vals.items()}
    loss = 0.5 * ((t["v"] @ torch.tanh(t["W"] @ t["X"] + t["b"]) - t["y"]) ** 2).sum()
    loss.backward()
    return path, {k: t[k].grad.numpy() for k in "Wbv"}


def _written(a: np.ndarray) -> list[str]:
    return [f"{x:.4g}" for x in a.ravel()]


@pytest.mark.parametrize(("n", "h", "m", "seed"), [(2, 3, 4, 1), (3, 2, 2, 7)])
def test_right_numbers_in_the_wrong_layout_are_named_right(tmp_path, n, h, m, seed) -> None:
    path, grad = _net(tmp_path, n, h, m, seed)
    flat = "[" + ", ".join(_written(grad["b"])) + "]"  # the column b's gradient as a 1-D list
    got = check(path, "b", value=flat)
    assert got.code == "shape-mismatch"
    message = got.diagnoses[0].message
    assert "numbers are right" in message and f"({h}, 1)" in message
    column = "[" + ", ".join(f"[{x}]" for x in _written(grad["b"])) + "]"
    assert got.diagnoses[0].fix == column and column in message
    assert check(path, "b", value=column).ok  # the layout the message shows is accepted
    zh = got.localized("zh").diagnoses[0].message
    assert "数值都对" in zh and column in zh
    # ∂L/∂W written transposed (h ≠ n): the numbers are right, laid out the other way
    turned = "[" + ", ".join("[" + ", ".join(_written(row)) + "]" for row in grad["W"].T) + "]"
    got = check(path, "W", value=turned)
    assert got.code == "shape-mismatch" and "transposed" in got.diagnoses[0].message
    assert check(path, "W", value=got.diagnoses[0].fix).ok


def test_wrong_numbers_in_the_wrong_layout_keep_the_plain_message(tmp_path) -> None:
    path, grad = _net(tmp_path, 2, 3, 4, 3)
    entries = _written(grad["b"])
    entries[1] = f"{-float(entries[1]):.4g}" if float(entries[1]) else "0.5"
    got = check(path, "b", value="[" + ", ".join(entries) + "]")
    assert got.code == "shape-mismatch" and "numbers are right" not in got.diagnoses[0].message
    assert got.diagnoses[0].fix is None
    # read in b's shape the numbers are judged as a column would be: the wrong entry is named
    assert len(got.diagnoses) == 2 and "in the shape of b" in got.diagnoses[1].message
    assert "[1,0]" in got.diagnoses[1].message
    if float(entries[1]) != 0.5:
        assert got.diagnoses[1].code == "sign"
    assert "按 b 的形状读" in got.localized("zh").diagnoses[1].message
    # numbers of another count are not laid out again
    assert len(check(path, "b", value="[" + ", ".join(entries + ["0.1"]) + "]").diagnoses) == 1


# ---- the checker: a per-example sum when the examples are columns ------------------------------


@pytest.mark.parametrize(("n", "h", "m", "seed"), [(2, 3, 4, 1), (3, 2, 5, 7)])
def test_a_per_example_sum_over_columns_is_read_along_the_columns(tmp_path, n, h, m, seed) -> None:
    """In column-major course code (X = ["n", "m"], y = [1, "m"], Ng's and CS229's layout) an
    example a^{(i)} is a column: ``\\sum_{i=1}^{m}`` sums along the columns, and m — the size every
    input shares — is the batch (it was n, the first axis of X: a right per-example sum was judged
    a shape-mismatch with a factor m/n, and one under W^⊤ lost its sum). The right forms are
    right; a transposed result, σ′ for tanh′ and an added 1/m are not, and no sum is refused."""
    path, grad = _net(tmp_path, n, h, m, seed)
    delta = r"\left(v^{\top}(v a^{(i)} - y^{(i)})\right) \odot (1 - a^{(i)} \odot a^{(i)})"
    right = {
        "b": rf"\sum_{{i=1}}^{{m}} {delta}",
        "W": rf"\sum_{{i=1}}^{{m}} \left[{delta}\right] x^{{(i)\top}}",
        "v": r"\sum_{i=1}^{m} (v a^{(i)} - y^{(i)}) a^{(i)\top}",
    }
    for wrt, text in right.items():
        got = check(path, wrt, text, latex=True)
        assert got.ok, (wrt, got.text())
    assert check(path, "v", r"\sum_{i=1}^{m} a^{(i)} (v a^{(i)} - y^{(i)})^{\top}", latex=True).code == "shape-mismatch"
    sigmoid_slope = delta.replace(r"(1 - a^{(i)} \odot a^{(i)})", r"a^{(i)} \odot (1 - a^{(i)})")
    assert sigmoid_slope != delta
    assert not check(path, "b", rf"\sum_{{i=1}}^{{m}} {sigmoid_slope}", latex=True).ok
    assert check(path, "b", rf"\frac{{1}}{{m}}\sum_{{i=1}}^{{m}} {delta}", latex=True).code == "scale-factor"
    with pytest.raises(FormulaError, match="per-example"):  # an example's column, no sum
        check(path, "b", delta, latex=True)
