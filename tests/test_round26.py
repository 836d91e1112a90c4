"""Round 26 on main (lead): what a probe of mutated student answers found (issue 11: zero wrong
answers accepted). Each wrong verdict is checked against the independent oracle
(tests/check_oracle.py: the network written again in PyTorch float64, sizes all different)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
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


_POLAR = Path(__file__).parent / "specs_engine" / "round26_polar_atan2.toml"
_DW = "pq.T @ (2 * ({th} - t) / M * {num} / (u**2 + v**2))"


def _polar_torch() -> dict[str, np.ndarray]:
    """The polar-angle network written again in PyTorch float64 (not read from the spec)."""
    pq = torch.tensor([[0.4, -1.1], [1.5, 0.2], [-0.9, 0.8]], dtype=torch.float64)
    t = torch.tensor([[0.1, 0.2], [0.3, -0.4], [0.5, 0.6]], dtype=torch.float64)
    Wr = torch.tensor([[0.7, -0.2], [0.3, 0.9]], dtype=torch.float64, requires_grad=True)
    b = torch.tensor([[0.5, 0.6]], dtype=torch.float64, requires_grad=True)
    u, v = pq @ Wr, pq + b
    th = torch.atan2(u, v)
    (((th - t) ** 2).sum() / 3).backward()
    env = {k: x.detach().numpy() for k, x in dict(pq=pq, t=t, u=u, v=v, th=th).items()}
    return {**env, "M": 3, "dWr": Wr.grad.numpy(), "np": np}


@pytest.mark.parametrize(
    ("text", "right"),
    [
        (_DW.format(th="th", num="v"), True),
        (_DW.format(th="np.arctan2(u, v)", num="v"), True),
        (_DW.format(th="torch.atan2(u, v)", num="v"), True),
        (_DW.format(th="th", num="u"), False),
        (_DW.format(th="np.arctan2(v, u)", num="v"), False),
        (_DW.format(th="th", num="-v"), False),
    ],
)
def test_atan2_in_a_students_formula(text: str, right: bool) -> None:
    """spellings26 made atan2(y, x) one row of two arguments; the checker read a formula calling
    it with a wrong shape and rejected right answers. Each verdict agrees with PyTorch."""
    env = _polar_torch()
    mine = eval(text.replace("torch.atan2", "np.arctan2"), {}, env)  # our own test text
    assert bool(np.allclose(mine, env["dWr"], rtol=1e-12)) is right
    r = check(str(_POLAR), "Wr", text)
    assert (r.verdict == "correct") is right, r.text()


@pytest.mark.parametrize(
    ("text", "right"),
    [
        (r"\mathrm{pq}^T \left(\frac{2}{M}(\operatorname{atan2}(u, v) - t) \odot \frac{v}{u^2 + v^2}\right)", True),
        (r"pq^{\top} \left(\frac{2}{M}\left(\mathrm{atan2}\left(u, v\right) - t\right) \odot \frac{v}{u^{2} + v^{2}}\right)", True),
        (r"\mathrm{pq}^T \left(\frac{2}{M}(\operatorname{atan2}(v, u) - t) \odot \frac{v}{u^2 + v^2}\right)", False),
        (r"\mathrm{pq}^T \left(\frac{2}{M}(\operatorname{atan2}(u, v) - t) \odot \frac{u}{u^2 + v^2}\right)", False),
    ],
)
def test_atan2_in_latex(text: str, right: bool) -> None:
    """``\\operatorname{atan2}(y, x)`` as derive prints the row: two arguments read (it was
    "expected ')' … found ','"); the verdicts agree with PyTorch (the NumPy twins above)."""
    r = check(str(_POLAR), "Wr", text)
    assert (r.verdict == "correct") is right, r.text()


_LWR = Path(__file__).parent / "specs_course" / "hn21_cs229_lwr_weighted_ls.toml"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_capital_name_read_as_a_lower_case_vector_whose_shapes_then_fail_is_refused(lang: str) -> None:
    """CS229's ``X^T W (X θ − y)`` with ``W = diag(w)``: the reader took ``W`` for the network's
    weight vector ``w`` (a case swap) and judged the formula it made up (shape-mismatch, c24-143);
    now a refusal naming W and saying how to write diag(w), in English and Chinese."""
    from derive.checker.check import FormulaError

    with pytest.raises(FormulaError) as err:
        check(str(_LWR), "theta", r"\nabla_\theta J = X^{\top} W (X\theta - y)", lang=lang)
    text = err.value.localized(lang)
    assert "'W'" in text and "diag(w)" in text
    if lang == "zh":
        assert "不是网络中的张量" in text


def test_case_swaps_that_fit_or_write_vectors_in_lower_case_stay_read() -> None:
    """The swap stays a reading where the shapes fit (``W ⊙ (Xθ − y)``: w's entries, right) and
    where a lower-case name stands for a capital tensor (``a2 - y`` for mlp-bce's A2, Y: notes
    write vectors in lower case), also when that formula is wrong (judged, not refused)."""
    r = check(str(_LWR), "theta", r"X^{\top} (W \odot (X\theta - y))")
    assert r.verdict == "correct"
    r = check("mlp-bce", "W2", "a1.T @ (a2 - y) / m")
    assert r.verdict == "correct"
    r = check("mlp-bce", "W2", "(a2 - y) @ a1.T / m")
    assert r.verdict == "incorrect" and r.code == "shape-mismatch"
