"""Round 26 on main (lead): what a probe of mutated student answers found (issue 11: zero wrong
answers accepted). Each wrong verdict is checked against the independent oracle
(tests/check_oracle.py: the network written again in PyTorch float64, sizes all different)."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

import check_oracle  # noqa: E402

from derive.checker.check import check  # noqa: E402


@pytest.mark.parametrize(
    ("wrt", "text", "right"),
    [
        ("b2", "db2 = np.ones((2, X.shape[0])) @ (A2 - Y) / X.shape[0]", False),
        ("b2", "db2 = np.ones((n_h, len(Y))) @ (A2 - Y) / len(Y)", False),
        ("b2", "db2 = (A2 - Y).T @ np.ones((Y.shape[0], 2)) / Y.shape[0]", False),
        ("b2", "db2 = np.ones((1, X.shape[0])) @ (A2 - Y) / X.shape[0]", True),
        ("b2", "db2 = (A2 - Y).T @ np.ones((len(Y), 1)) / len(Y)", True),
        ("b1", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = np.ones((1, X.shape[0])) @ dZ1 / X.shape[0]", True),
        ("b1", "dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)\ndb1 = np.ones((n_in, X.shape[0])) @ dZ1 / X.shape[0]", False),
    ],
)
def test_a_block_of_ones_with_more_rows_than_one_is_no_sum(wrt: str, text: str, right: bool) -> None:
    """``np.ones((2, X.shape[0])) @ v`` — a literal outer size beside a size read from a shape —
    was read as the sum ``np.ones((1, m)) @ v`` ("correct for all values") although it stacks
    two copies of it; only an outer size of exactly 1 sums (the other size may be unread). The
    diagnosis then was "W2 stands where b1 belongs" or "transpose W2": tensors the readers' block
    of ones (``0 * W2.T[:, 0:1] + 1``) takes only its size from, which the student never wrote."""
    expr = text.split("\n")[-1].split("=", 1)[1].replace("len(Y)", "m").replace("X.shape[0]", "m").replace("Y.shape[0]", "m")
    lines = text.split("\n")[:-1]
    oracle = expr
    for line in lines:  # the definitions of the text, written into the oracle's expression
        name, body = (s.strip() for s in line.split("=", 1))
        oracle = oracle.replace(name, f"({body})")
    assert check_oracle.oracle_ok("mlp-bce", wrt, oracle) is right
    r = check("mlp-bce", wrt, text)
    assert (r.verdict == "correct") is right, r.text()
    if not right:  # no diagnosis naming a tensor the block of ones only took its size from
        assert r.code == "shape-mismatch", r.text()
        assert "0 *" not in r.text()
        if wrt == "b2":
            assert "W2" not in r.text() and "b1" not in r.text()
