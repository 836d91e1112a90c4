"""The handouts as a lecturer reads them (issue 12, pass 9): exact zeros printed as such, and
batch normalisation's biased variance against PyTorch's default ``torch.var``."""

from __future__ import annotations

import dataclasses
import re

import pytest

from derive.numeric.example import Number, Working


def _walkthrough(name: str):
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = derive(spec.load(name))
    return build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")


def _calcs(obj, seen=None):
    """Every hand calculation (``Calc``) reachable from ``obj``."""
    from derive.walkthrough.records import Calc, Calcs

    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    if isinstance(obj, Calc):
        yield obj
    elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _calcs(getattr(obj, f.name), seen)
    elif isinstance(obj, (list, tuple, Calcs)):  # Calcs: a tensor's, worked out when read
        for x in obj:
            yield from _calcs(x, seen)
    elif isinstance(obj, dict):
        for x in obj.values():
            yield from _calcs(x, seen)


def test_an_exact_zero_after_rounded_numbers_is_equal() -> None:
    """A line with rounded numbers is ``≈``; a result that is exactly 0 after it (a masked unit
    times anything) is ``= 0``, and a result that is not exact stays ``≈``."""
    w = Working("x", "a b", "0.1281243 \\cdot 0", None, Number(0.0, True, "0"), False)
    assert w.chain()[-1] == ("=", "0")
    w = Working("x", "a b", "0.1281243 \\cdot 2", None, Number(0.26, False, "0.2562487"), False)
    assert w.chain()[-1] == ("\\approx", "0.2562487")


@pytest.mark.parametrize("net", ["mlp-bce", "softmax-regression"])
def test_no_exact_zero_is_shown_as_approximately_zero(net: str) -> None:
    """mlp-bce's masked unit (δ_Z¹₂₁ = 0.128… · 1[−0.15 > 0]) and softmax-regression's zero
    targets (−0/(P·m)) are exactly 0: the handout printed "≈ 0". No hand calculation ends in
    ``≈ 0`` and at least one ends in ``= 0``."""
    ends = [c.chain[-1] for c in _calcs(_walkthrough(net))]
    assert ends
    assert ("\\approx", "0") not in ends
    assert ("=", "0") in ends


def test_batchnorm_lists_the_unbiased_variance_with_pytorchs_numbers() -> None:
    """Batch normalisation divides by m (biased); ``torch.var``'s default divides by m − 1.
    batchnorm's Common mistakes show what a batch norm written with ``Z.var(0)`` gives for W:
    PyTorch's gradient of exactly that code."""
    torch = pytest.importorskip("torch")
    import torch.nn.functional as F

    w = _walkthrough("batchnorm")
    parts = dict(next(ls for ls in w.lessons if ls.key == "mistakes").parts)
    assert "var_unbiased" in parts
    wrong = parts["var_unbiased"][-1]
    assert "torch.var" in wrong.lhs
    shown = [float(x) for x in re.findall(r"-?\d+\.\d+", wrong.value)]
    t = lambda v: torch.tensor(v, dtype=torch.float64)  # noqa: E731
    X, T = t([[1, 2], [0.5, -1], [-1, 0.5]]), t([[1, 0], [0, 1], [-1, 0]])
    W = t([[0.5, -0.2], [0.3, 0.4]]).requires_grad_()
    Z = X @ W
    Y = t([[1.5, 0.8]]) * (Z - Z.mean(0)) / torch.sqrt(Z.var(0) + 1e-5) + t([[0.1, -0.2]])
    F.mse_loss(Y, T).backward()
    assert shown == pytest.approx(W.grad.flatten().tolist(), abs=1e-6)
    # the right numbers (biased) are PyTorch's batch norm in training, and differ
    W.grad = None
    Z = X @ W
    Y = F.batch_norm(Z, None, None, t([1.5, 0.8]), t([0.1, -0.2]), training=True, eps=1e-5)
    F.mse_loss(Y, T).backward()
    assert shown != pytest.approx(W.grad.flatten().tolist(), abs=1e-4)


def test_no_variance_lesson_without_a_variance() -> None:
    """The lesson appears only where a biased variance is computed."""
    parts = dict(next(ls for ls in _walkthrough("tiny-mlp").lessons if ls.key == "mistakes").parts)
    assert "var_unbiased" not in parts


def test_clamps_indicator_step_says_greater_or_equal() -> None:
    """clamp-derivative's last step reads 1[z ≥ 0]; its reason said "1 where z > 0 … the
    indicator 1[z > 0]" (ReLU's), contradicting the line it justifies."""
    from derive.proofs import registry

    for lang in ("en", "zh"):
        text = registry.format_text(registry.get_proof("clamp-derivative"), lang)
        last = [line for line in text.splitlines() if "= 1[z ≥ 0]" in line][0]
        assert "1[z ≥ 0]" in last.split("[", 1)[1] and "z > 0" not in last, last
        text = registry.format_text(registry.get_proof("relu-derivative"), lang)
        assert "z ≥ 0" not in text


def test_zh_prove_has_no_english_piecewise_words() -> None:
    """``derive prove --lang zh`` printed SymPy's ``{z if z >= 0; 0 otherwise}``."""
    from derive.proofs import registry

    for name in ("clamp-derivative", "relu-derivative"):
        zh = registry.format_text(registry.get_proof(name), "zh")
        assert not re.search(r"\b(if|otherwise)\b", zh), zh
        assert "若" in zh and "其他情况" in zh
        assert "otherwise" in registry.format_text(registry.get_proof(name), "en")


def test_an_inline_activation_is_named_in_later_hand_calculations() -> None:
    """``h1 = tanh(x1 @ Wxh + h0 @ Whh + bh)`` (a user's RNN, the activation applied inline):
    every backward hand calculation wrote ``1 − tanh²(x₁₁Wxh₁₁ + … + bh₁)`` with the whole
    pre-activation sum, then the same with numbers — 14 pages. The entry's own name is used,
    ``1 − (h₁₁)²``; the forward line of h still shows its definition."""
    from pathlib import Path

    course = Path(__file__).parent / "specs_course" / "elman_rnn3.toml"
    calcs = list(_calcs(_walkthrough(str(course))))
    backward = [c for c in calcs if c.lhs.startswith("\\delta") or "partial" in c.lhs]
    assert backward
    assert not [c.lhs for c in backward if any("tanh" in t for _, t in c.chain)]
    assert any("\\left(h_{3}\\right)_{11}^{2}" in c.chain[0][1] for c in backward)
    forward = [c for c in calcs if c.lhs == "\\left(h_{1}\\right)_{11}"]
    assert forward and "\\tanh" in forward[0].chain[0][1]


def test_a_weight_penalty_is_not_a_recurrent_step() -> None:
    """CS231n's two-layer net, ``loss = data_loss + 0.5 * reg * (np.sum(W1 * W1) + …)`` with
    the data loss on a line of its own: W1 reaches the loss twice, through the network and the
    penalty. Its handout had a "Backpropagation through time" note ("the unrolled network uses
    the same W1 at each of its 2 steps") and the "Only the last step" mistake; the words of
    ∂L/∂W1 said "the same parameter at every step" and "ReLU's slope is 1 where W1 is
    positive". The penalty is named as one, and the slope is read off ReLU's input."""
    from pathlib import Path

    from derive.locale import catalog
    from derive.walkthrough.intuition import Words

    course = Path(__file__).parent / "specs_course" / "cs231n_two_layer.toml"
    w = _walkthrough(str(course))
    assert "bptt" not in [ls.key for ls in w.lessons]
    parts = dict(next(ls for ls in w.lessons if ls.key == "mistakes").parts)
    assert "bptt_last" not in parts
    words = [x for x in _all(w) if isinstance(x, Words)]
    assert "shared.penalty" in [x.key for x in words] and "shared" not in [x.key for x in words]
    relu = [dict(x.args)["T"] for x in words if x.key.startswith("slope.relu")]
    assert relu and all("W^{[1]}" not in t or "X" in t for t in relu), relu
    assert "shared.penalty" in catalog.catalogue("en")["handout_intuition"]
    # a recurrent network keeps its note
    assert "bptt" in [ls.key for ls in _walkthrough("rnn").lessons]


def _all(obj, seen=None):
    seen = set() if seen is None else seen
    if id(obj) in seen:
        return
    seen.add(id(obj))
    yield obj
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        for f in dataclasses.fields(obj):
            yield from _all(getattr(obj, f.name), seen)
    elif isinstance(obj, (list, tuple)):
        for x in obj:
            yield from _all(x, seen)
    elif isinstance(obj, dict):
        for x in obj.values():
            yield from _all(x, seen)


def test_training_without_full_dims_names_the_handouts_sizes(tmp_path) -> None:
    """A spec with ``[train]`` and no ``[full_dims]`` trains at its own sizes; the handout said
    "at its full size $$" (an empty formula)."""
    from pathlib import Path

    from click.testing import CliRunner

    from derive.cli import main

    course = Path(__file__).parent / "specs_course" / "cs231n_two_layer.toml"
    spec = tmp_path / "two_layer.toml"
    spec.write_text(course.read_text() + "\n[train]\nsteps = 20\nlr = 0.1\nseed = 0\n")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(spec), "-f", "md", "-o", str(out)])
    assert r.exit_code == 0, r.output
    for lang in ("en", "zh"):
        md = (out / "cs231n-two-layer" / lang / "walkthrough.md").read_text()
        assert "$$," not in md and "$$，" not in md and "（$$" not in md
        assert "N = 3" in md and "[full_dims]" in md


def test_the_labs_training_draws_one_hot_targets_as_derive_does(tmp_path) -> None:
    """The lab's ``train`` drew every input from a normal distribution, one-hot targets too:
    CS231n's two-layer net (``-np.sum(log_probs * y) / N``) then has no minimum and the lab
    printed "loss during training: -6.414 → -1.48e+38" while the handout's own run fell from
    1.623 to 0.2978. The lab draws one-hot rows, as derive's run does, and prints its losses."""
    import subprocess
    import sys
    from pathlib import Path

    from click.testing import CliRunner

    from derive.cli import main

    course = Path(__file__).parent / "specs_course" / "cs231n_two_layer.toml"
    spec = tmp_path / "two_layer.toml"
    spec.write_text(course.read_text() + "\n[train]\nsteps = 50\nlr = 0.1\nseed = 0\n")
    out = tmp_path / "out"
    r = CliRunner().invoke(main, ["build", str(spec), "-f", "md,py", "-o", str(out)])
    assert r.exit_code == 0, r.output
    for lang in ("en", "zh"):
        here = out / "cs231n-two-layer" / lang
        assert "np.eye(C)[rng.integers(0, C, N)]" in (here / "backprop.py").read_text()
        run = subprocess.run(
            [sys.executable, "backprop.py", "--train"], cwd=here, capture_output=True,
            text=True, timeout=300,
        )
        assert run.returncode == 0, run.stderr
        line = next(x for x in run.stdout.splitlines() if "→" in x)
        first, last = (float(x) for x in re.findall(r"-?\d+(?:\.\d+)?(?:e[-+]?\d+)?", line))
        md = (here / "walkthrough.md").read_text()
        rows = re.findall(r"^\| (\d+) \| \$(-?[\d.]+)\$ \|$", md, re.M)
        assert first == pytest.approx(float(rows[0][1]), rel=1e-3)
        assert last == pytest.approx(float(rows[-1][1]), rel=1e-3)
        assert 0 < last < first
        assert "： " not in line  # no space after a full-width colon


def test_a_value_below_float64_prints_as_approximately_zero() -> None:
    """A causal mask of -1e9 gives softmax entries e^{-10^9}: the handout printed
    ``att ≈ [1.0000000, 1.237576 × 10^{-434294482}, …]`` (18 times in a user's attention head)
    where float64 and PyTorch hold 0. Such a value is ``≈ 0``; an exact 0 stays ``= 0``."""
    import mpmath

    from derive.numeric.example import fmt

    tiny = fmt(mpmath.exp(-mpmath.mpf(10) ** 9))
    assert (tiny.tex, tiny.exact, tiny.rel) == ("0", False, "\\approx")
    assert fmt(mpmath.mpf(0)).exact and fmt(mpmath.mpf("1.5e-300")).tex.endswith("10^{-300}")
    big = fmt(mpmath.exp(mpmath.mpf(1000)))
    assert "10^{434}" in big.tex and not big.exact


def test_a_proof_is_cited_once_per_gradient(tmp_path) -> None:
    """rnn's ∂L/∂W_x has one path per step, each a linear-weight step: the handout wrote
    "General proof: Linear layer: gradient of the weights." after every path (3 times in a
    3-step RNN). It is cited after the first path that uses it."""
    from derive.render import environment as render

    w = _walkthrough("rnn")
    md = render.render("md/walkthrough.md.j2", w, "en", has_py=False)
    section = md.split("### 3.5", 1)[1].split("### 3.6", 1)[0]
    # each path stated (round 27's compact form: "|_{z_t}" rows under the sum over t)
    assert section.count("Through $z_") + section.count("\\right|_{z_") == 2
    assert section.count("See the general proof ") == 1


def test_three_very_narrow_hand_calculations_share_a_row() -> None:
    """Layout only: three narrow hand calculations on one row, two wider ones, one wide."""
    from derive.render.environment import NARROW3, _rows
    from derive.walkthrough.records import Calc, Math

    def calc(width: int) -> Calc:
        return Calc(Math("a"), ((Math("="), Math("1" * width)),))

    assert [len(r) for r in _rows([calc(NARROW3)] * 3)] == [3]
    assert [len(r) for r in _rows([calc(NARROW3 + 1)] * 3)] == [2, 1]
    assert [len(r) for r in _rows([calc(40), calc(5), calc(5)])] == [1, 2]


def test_a_short_hand_calculation_is_set_on_one_line() -> None:
    """Layout only: chain's u = w·x = 3·2 = 6 took three lines of the page, as every scalar
    step did (chain: 3 pages, the limit). A chain this short is one line; a long one or one
    broken into rows keeps its aligned rows."""
    from derive.render.environment import _one_line
    from derive.walkthrough.records import Calc, Math

    short = Calc(Math("u"), ((Math("="), Math("w \\cdot x")), (Math("="), Math("3 \\cdot 2"))))
    assert _one_line(short)
    long = Calc(Math("u"), ((Math("="), Math("1" * 40)), (Math("\\approx"), Math("2" * 30))))
    assert not _one_line(long)
    rows = Calc(Math("u"), ((Math("="), Math("a \\\\ &\\quad + b")),))
    assert not _one_line(rows)
