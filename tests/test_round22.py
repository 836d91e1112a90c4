"""Round 22's integration work on issue 9 (what round 21 left):

- a given value of ``torch.distributions.Bernoulli(…).log_prob(y)`` outside {0, 1} was read as
  the formula PyTorch's class computes, y log p + (1 − y) log(1 − p), and so got only the
  hand-written BCE's warning and a ✓ — but PyTorch's Bernoulli validates its argument and
  refuses any value but 0 or 1. Now it is exit 2 naming the tensor, the entry and the support
  (en + zh), as PyTorch refuses it; drawn values of such a ``y`` are 0 or 1;
- the hand-written BCE's warning for a target outside {0, 1} said F.binary_cross_entropy would
  refuse it: true for 2 or −1, false for a soft label such as 0.5 (PyTorch accepts targets from 0
  to 1). The warning now says what each accepts.
"""

from __future__ import annotations

import pytest
from test_heldnets17 import _agree, _verified

from derive.errors import DeriveError
from derive.lang import spec as spec_mod
from derive.locale import catalog

torch = pytest.importorskip("torch")

_BERN = """
[dims]
n = {n}
[inputs]
obs = ["n", 2]
{y} = {shape}
[params]
theta = [2, 1]
[forward]
s = "obs @ theta"
J = "{loss}"
{values}"""

_D = "torch.distributions"
LOSSES = [
    # (loss with {y}, shape of {y}, transposed values?)
    (f"-{_D}.Bernoulli(logits=s).log_prob({{y}}).mean()", '["n", 1]', False),
    (f"-{_D}.Bernoulli(probs=torch.sigmoid(s)).log_prob({{y}}).sum()", '["n", 1]', False),
    (f"-{_D}.Bernoulli(logits=s.T).log_prob({{y}}.T).mean()", '["n", 1]', False),
    (f"-torch.log(torch.exp({_D}.Bernoulli(logits=s).log_prob({{y}}.float()))).mean()", '["n", 1]', False),
    (f"-{_D}.Independent({_D}.Bernoulli(logits=s.T), 1).log_prob({{y}}).mean()", '[1, "n"]', True),
]


def _spec(loss: str, shape: str, transposed: bool, y: str, n: int, given: list[float] | None) -> str:
    if given is None:
        values = ""
    elif transposed:
        values = f"[values]\n{y} = [{given}]\n"
    else:
        values = f"[values]\n{y} = {[[v] for v in given]}\n"
    return _BERN.format(n=n, y=y, shape=shape, loss=loss.format(y=y), values=values)


def _torch_refuses(given: list[float]) -> bool:
    """PyTorch's own Bernoulli on the values: True where it raises (its support check)."""
    t = torch.tensor(given, dtype=torch.float64)
    try:
        torch.distributions.Bernoulli(logits=torch.zeros_like(t)).log_prob(t)
    except ValueError:
        return True
    return False


@pytest.mark.parametrize("case", range(len(LOSSES)))
@pytest.mark.parametrize(
    "y, given, bad",
    [("act", [1.0, 0.5, 0.0], (1, 0.5)), ("a_t", [0.0, 1.0, 1.0, 2.0], (3, 2.0)), ("take", [-1.0, 0.0, 1.0], (0, -1.0))],
)
def test_a_bernoulli_value_outside_its_support_is_refused_as_pytorch_refuses_it(
    case: int, y: str, given: list[float], bad: tuple[int, float]
) -> None:
    loss, shape, transposed = LOSSES[case]
    assert _torch_refuses(given)
    text = _spec(loss, shape, transposed, y, len(given), given)
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "bern")
    assert err.value.exit_code == 2
    entry = [0, bad[0]] if transposed else [bad[0], 0]
    en, zh = (catalog.localized(err.value, lang) for lang in ("en", "zh"))
    assert f"[values] {y}" in en and f"entry {entry}" in en and f"{bad[1]:g}" in en, en
    assert "support is 0 or 1" in en and "F.binary_cross_entropy" in en, en
    assert f"{y} 的元素 {entry}" in zh and "支撑集只有 0 和 1" in zh, zh


@pytest.mark.parametrize("case", range(len(LOSSES)))
def test_a_bernoulli_value_of_0_and_1_agrees_with_torch_distributions(case: int) -> None:
    loss, shape, transposed = LOSSES[case]
    given = [1.0, 0.0, 0.0, 1.0]
    assert not _torch_refuses(given)
    text = _spec(loss, shape, transposed, "y", len(given), given)
    _agree(text, "bern")
    _verified(text, "bern")


@pytest.mark.parametrize("case", range(len(LOSSES)))
def test_drawn_bernoulli_values_are_0_or_1(case: int) -> None:
    """Without [values] the value is drawn in the support, so PyTorch's class runs on it."""
    loss, shape, transposed = LOSSES[case]
    s = spec_mod.parse(_spec(loss, shape, transposed, "y", 5, None), "bern")
    drawn = [float(v) for row in s.values["y"] for v in row]
    assert set(drawn) <= {0.0, 1.0} and not _torch_refuses(drawn)


def test_a_tensor_named_like_the_value_elsewhere_is_not_constrained() -> None:
    """Only the argument of a Bernoulli's log_prob is: the same spec with a Normal's log_prob
    takes 0.5."""
    text = _spec(f"-{_D}.Normal(s, 1.0).log_prob({{y}}).mean()", '["n", 1]', False, "y", 3, [1.0, 0.5, 0.0])
    spec_mod.parse(text, "normal")
    _agree(text, "normal")


_HAND = """
[dims]
m = 3
[inputs]
x = ["m", 1]
t = ["m", 1]
[params]
w = [1, 1]
[forward]
y = "torch.sigmoid(x * w)"
L = "-(t * torch.log(y) + (1 - t) * torch.log(1 - y)).mean()"
[values]
x = [[0.5], [-1.0], [2.0]]
t = [[1.0], [{t}], [0.0]]
"""


@pytest.mark.parametrize("t", [0.5, 0.25, 2.0, -1.0])
def test_the_hand_written_bce_warning_says_what_each_library_form_accepts(t: float) -> None:
    """A hand-written BCE's target outside {0, 1} gets a warning (verify still passes: PyTorch
    runs the formula as written). Its words about the library forms hold for that value, in
    PyTorch itself: F.binary_cross_entropy takes 0.5 and refuses 2, Bernoulli refuses both."""
    from conftest import run_cli

    import torch.nn.functional as F

    p = torch.tensor([0.3], dtype=torch.float64)
    target = torch.tensor([t], dtype=torch.float64)
    try:
        F.binary_cross_entropy(p, target)
        bce_takes = True
    except RuntimeError:
        bce_takes = False
    assert bce_takes == (0 <= t <= 1)
    assert _torch_refuses([t])
    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as d:
        spec = Path(d) / "hand.toml"
        spec.write_text(_HAND.format(t=t), encoding="utf-8")
        for lang, words in (
            ("en", ["F.binary_cross_entropy takes targets from 0 to 1 only", "Bernoulli only 0 or 1"]),
            ("zh", ["F.binary_cross_entropy 只接受 0 到 1 之间的目标", "Bernoulli 只接受 0 或 1"]),
        ):
            r = run_cli("verify", str(spec), "--lang", lang, "--points", "0")
            assert r.returncode == 0 and "✓" in r.stdout, r.stdout + r.stderr
            assert f"{t:g}" in r.stderr and all(w in r.stderr for w in words), r.stderr
            assert "would refuse" not in r.stderr and "会拒绝" not in r.stderr
