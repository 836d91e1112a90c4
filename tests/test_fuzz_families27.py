"""Round 27 (spellings27): the random-network generator (derive.numeric.fuzz) writes every op row
and the families added since it was first written, and each family's template, alone in a small
network, matches PyTorch and finite differences (derive verify) and the spec's OWN text run in
PyTorch float64 (tests/spelled_oracle.py, independent of derive's reading of the spelling)."""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import pytest

from derive.engine.backprop import derive
from derive.errors import BadInput
from derive.lang import ops, spec
from derive.locale import catalog
from derive.numeric import fuzz
from derive.numeric import verify as numeric

sys.path.insert(0, str(Path(__file__).parent))
from spelled_oracle import oracle_text  # noqa: E402

pytestmark = pytest.mark.slow

M, N = 3, 2  # a rectangular batch: a transposed or mis-broadcast block is a shape error


def test_the_generator_writes_every_op_row_and_each_round27_stream() -> None:
    rows: set[str] = set()
    blocks = domains = losses = 0
    refused: list[str] = []
    seeds = range(700)
    for seed in seeds:
        text = fuzz.random_spec(seed, max_dim=3)
        try:
            rows |= fuzz.rows_in(text)
        except BadInput as err:  # an honest refusal (a dead column's standard deviation …)
            refused.append(f"{seed}: {err}")
        blocks += '\nB1 = "' in text or '\nB2 = "' in text
        domains += "\nU1 = [" in text or "\nU2 = [" in text
        losses += any(
            f'L = "{t.split("(")[0]}' in text for fam in fuzz._S27_LOSSES.values() for t in fam
        )
    missing = sorted(set(ops.table()) - fuzz.INTERNAL_ROWS - rows)
    assert not missing, missing
    assert blocks >= 150 and domains >= 80 and losses >= 100, (blocks, domains, losses)
    assert len(refused) <= len(seeds) // 50, refused


def _net(lines: list[tuple[str, str]], loss: str, *, labels: bool = False,
         extra: dict[str, str] | None = None, values: dict[str, object] | None = None) -> str:
    inputs = {"X": '["m", "n"]', **({"y": '["m"]'} if labels else {"Y": '["m", "n"]'})}
    params = {"W": '["n", "n"]', "b": '[1, "n"]'}
    for name, where in (extra or {}).items():
        (inputs if where == "inputs" else params)[name] = '["m", "n"]'
    fw = [("Z", "X @ W + b"), ("A", "torch.tanh(Z)"), *lines, ("L", loss)]
    text = ["[dims]", f"m = {M}", f"n = {N}", "", "[inputs]"]
    text += [f"{k} = {v}" for k, v in inputs.items()] + ["", "[params]"]
    text += [f"{k} = {v}" for k, v in params.items()] + ["", "[forward]"]
    text += [f'{k} = "{v}"' for k, v in fw]
    if values:
        text += ["", "[values]"] + [f"{k} = {v}" for k, v in values.items()]
    return "\n".join(text) + "\n"


def _block(i: int) -> str:
    lines, _ = fuzz._S27_BLOCKS[i]
    names = [f"B{j}" for j in range(len(lines))]
    fw = [
        (names[j], line.format(x="A", n="n", m="m", **{f"l{q}": names[q] for q in range(j)}))
        for j, line in enumerate(lines)
    ]
    return _net(fw, f"F.mse_loss({names[-1]}, Y)")


def _domain(i: int, where: str, given: bool) -> str:
    call, lo, hi = fuzz._S27_DOMAIN[i]
    steps = round((hi - lo) * 10)
    vals = {"U": [[round(lo + (3 * r + c) % (steps + 1) / 10, 1) for c in range(N)]
                  for r in range(M)]} if given else None
    return _net([("D", f"A * ({call.format(u='U')})")], "F.mse_loss(D, Y)",
                extra={"U": where}, values=vals)


def _loss(family: str, k: int) -> str:
    text = fuzz._S27_LOSSES[family][k]
    labels = family == "labels"
    lines = [("P", "torch.softmax(A, dim=1)")] if "P," in text else []
    return _net(lines, text.format(o="A", t="y" if labels else "Y", m="m", n="n"), labels=labels)


CASES = (
    [pytest.param(i, id=f"block{i}") for i in range(len(fuzz._S27_BLOCKS))]
    + [pytest.param(("d", i, w, g), id=f"domain{i}-{w}-{'given' if g else 'drawn'}")
       for i in range(len(fuzz._S27_DOMAIN)) for w in ("inputs", "params") for g in (False, True)]
    + [pytest.param(("l", f, k), id=f"loss-{f}{k}")
       for f, texts in fuzz._S27_LOSSES.items() for k in range(len(texts))]
)


@pytest.mark.parametrize("case", CASES)
def test_each_round27_family_matches_pytorch_and_its_own_text(case) -> None:
    if isinstance(case, int):
        text = _block(case)
    elif case[0] == "d":
        text = _domain(*case[1:])
    else:
        text = _loss(*case[1:])
    report = numeric.verify(derive(spec.parse(text)), points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:2]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        said = oracle_text(text, "family")
    assert said.status == "agree", f"{said.status}: {said.reason}\n{text}"


_CUT = """[dims]
m = 2

[inputs]
X = ["m", 1]

[params]
w = [1, 1]
u = [1, 1]

[forward]
Y = "X * w"
T = "torch.atan2(Y, X * u - 1)"
L = "torch.mean(T * w)"

[values]
X = [[ZERO], [0.5]]
w = [[1.0]]
u = [[1.0]]
"""


def test_atan2_of_a_negative_zero_on_its_cut_is_refused_a_positive_zero_agrees() -> None:
    """atan2(−0.0, −1) is −π in PyTorch, atan2(0.0, −1) +π; derive's exact numbers have no
    signed zero (its walkthrough printed +π and a ∂L/∂w through it, where the text run in
    PyTorch gives −π): a y given as −0.0 on the negative x axis is refused (exit 2, en/zh),
    a +0.0 agrees with the text run in PyTorch."""
    import torch

    minus = torch.atan2(torch.tensor(-0.0, dtype=torch.float64), torch.tensor(-1.0))
    assert float(minus) == pytest.approx(-3.141592653589793)
    with pytest.raises(BadInput) as err:
        spec.parse(_CUT.replace("ZERO", "-0.0"))
    assert "atan2 of y = -0.0, x = -1.0" in str(err.value) and "entry [0, 0]" in str(err.value)
    assert "零 y 的符号" in catalog.localized(err.value, "zh")
    text = _CUT.replace("ZERO", "0.0")
    said = oracle_text(text, "cut")
    assert said.status == "agree"
    assert said.loss[0] == pytest.approx((3.141592653589793 + 2.356194490192345) / 2)


@pytest.mark.parametrize(
    "call", ["torch.cumulative_trapezoid(A, dim=1)", "scipy.integrate.cumulative_trapezoid(A)"]
)
def test_cumulative_trapezoid_is_refused_saying_how_to_write_it(call) -> None:
    text = _net([("B", f"A[:, :1] * {call}.sum(1, keepdim=True)")], "F.mse_loss(B, Y)")
    with pytest.raises(BadInput) as err:
        spec.parse(text)
    assert "cumulative_trapezoid() (the running trapezoid rule" in str(err.value)
    assert "torch.cumsum(T, dim=1)" in str(err.value)
    assert "累积梯形法则" in catalog.localized(err.value, "zh")


@pytest.mark.parametrize("call", ["F.elu(A)", "F.selu(A)", "F.celu(A, alpha=0.5)"])
def test_elu_family_far_on_the_positive_side_matches(call) -> None:
    """Inputs near ±40: ELU exponentiates only its negative part, as PyTorch does (the earlier
    rewrite cancelled terms of e⁴⁰ in float64: gradients off by 1e6, fuzz seed 199)."""
    text = _net([("B", call)], "F.mse_loss(B, Y)").replace('"torch.tanh(Z)"', '"Z * 40"')
    report = numeric.verify(derive(spec.parse(text)), points=1)
    assert report.ok, [c for c in report.comparisons if not c.ok][:2]
    assert oracle_text(text, "elu40").status == "agree"
