"""Spellings added for issue 9 (branch ops12): PyTorch's positional keepdim of sum/mean/prod,
and more (see CASES). Each spec is derived (every step verified) and its loss and gradients
compared with PyTorch float64 running the ORIGINAL text (tests/spelled_oracle.py), not derive's
reading of it."""

from __future__ import annotations

import pytest

from derive.lang import expr as ex

pytest.importorskip("torch")
import spelled_oracle as so  # noqa: E402

HEAD = """
[dims]
m = 3
n = 4
[inputs]
X = ["m", "n"]
R = ["m", "n"]
Q = ["m", "n"]
[params]
W = ["n", "n"]
[forward]
Z = "X @ W"
"""
VALUES = """
[values]
X = [[0.5, -0.2, 0.1, 0.9], [-0.7, 0.3, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]
W = [[0.3, -0.5, 0.2, 0.1], [0.7, 0.1, -0.3, 0.4], [-0.2, 0.6, 0.5, -0.8], [0.1, 0.2, 0.9, 0.3]]
R = [[0.2, -0.1, 0.4, 0.3], [0.5, 0.6, -0.2, 0.1], [-0.3, 0.2, 0.7, 0.8]]
Q = [[1.2, 0.1, 0.4, 0.3], [0.5, 0.6, 1.2, 0.1], [0.3, 0.2, 0.7, 0.8]]
"""


def agree(lines: list[str], values: str = VALUES) -> None:
    out = so.oracle_text(HEAD + "\n".join(lines) + "\n" + values, "ops12")
    assert out.status == "agree", out.reason


KEEPDIM = [
    'L = "(torch.sum(Z, 1, True) * Z * R).sum()"',
    'L = "(torch.mean(Z, 0, True) * Z * R).sum() + (torch.mean(Z, 0, False) * R).sum()"',
    'L = "(Z.sum(1, True) * Z * R).sum() + (Z.mean(0, True) * R).sum()"',
    'L = "(torch.prod(Z, 1, True) * R).sum()"',
]


@pytest.mark.parametrize("line", KEEPDIM)
def test_positional_keepdim_is_pytorchs(line: str) -> None:
    agree([line])


def test_numpys_third_argument_is_dtype_and_refused() -> None:
    with pytest.raises(ex.ExprError) as err:
        ex.parse("np.sum(Z, 1, True)", shapes={"Z": (3, 4)})
    assert "keepdims=True" in err.value.message
