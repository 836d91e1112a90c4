"""derive check on a network whose gradient is undefined at many of the checker's random points:
an ``F.normalize`` of ReLU rows (a row of zeros at a random point has no direction, so the loss
and its gradient are undefined there, for derive as for PyTorch). The checker compared its own
expected formula at those points too and judged it ``unknown`` — "undefined at values where the
gradient is defined" — (BYOL's regression loss, heldnets15). A point where the gradient AND the
answer are both undefined says nothing about the answer: it is skipped, and the answer is
compared at the points inside the domain (at least half of the piecewise count)."""

from __future__ import annotations

import pytest

from derive.checker.check import check
from derive.checker.checknet import net_for

_NET = """
[network]
name = "normalize-relu"
[dims]
m = 3
n = 3
h = 4
[inputs]
X = ["m", "n"]
T = ["m", "h"]
[params]
W = ["n", "h"]
{more_params}
[forward]
A = "F.relu(X @ W)"
{forward}
"""

VARIANTS = {
    "normalize-rows": ("", 'U = "F.normalize(A, dim=1)"\nL = "((U - T) ** 2).sum() / m"'),
    "cosine-to-data": (
        "",
        'U = "F.normalize(A, p=2, dim=-1)"\nL = "(1 - (U * T).sum(dim=-1)).mean()"',
    ),
    "two-layer": (
        'V = ["h", "h"]',
        'P = "A @ V"\nU = "F.normalize(P, dim=1)"\nL = "2 - 2 * (U * T).sum(dim=1).mean()"',
    ),
}


def _path(tmp_path, key: str) -> str:
    more, forward = VARIANTS[key]
    p = tmp_path / f"{key}.toml"
    p.write_text(_NET.format(more_params=more, forward=forward), encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("key", sorted(VARIANTS))
def test_the_expected_formula_is_right_though_the_gradient_is_undefined_at_some_points(
    tmp_path, key: str
) -> None:
    path = _path(tmp_path, key)
    net = net_for(path, 0)
    t = net.target("W")
    # the situation this is about: some random points have a zero row under the normalize
    assert any(t.truth(k) is None for k in range(12))
    assert check(path, "W", t.expected).verdict == "correct", t.expected
    assert check(path, "W", t.tex, latex=True).verdict == "correct", t.tex


@pytest.mark.parametrize("key", sorted(VARIANTS))
def test_wrong_answers_stay_wrong_at_the_points_inside_the_domain(tmp_path, key: str) -> None:
    path = _path(tmp_path, key)
    t = net_for(path, 0).target("W")
    doubled = check(path, "W", f"2 * ({t.expected})")
    assert doubled.verdict == "incorrect" and doubled.diagnoses[0].code == "scale-factor"
    no_mask = t.expected.replace(" * (X @ W > 0)", "")
    assert no_mask != t.expected
    assert check(path, "W", no_mask).verdict == "incorrect"
