"""No ✓ that the user's own code would contradict (branch trust10; issues 9 and 11).

1. Ties where spellings disagree: at given values exactly on a tie, derive's gradient is what
   PyTorch gives for the spelling written (``torch.fmax``/``fmin``: all to the first argument), or,
   where derive reads the spelling with another convention (``np.maximum(0, z)`` read as
   ``relu(z)``, gradient 0 at 0, where ``torch.maximum`` splits a tie), exit 2 naming the node, the
   entry, the tie and both conventions. Judged by PyTorch running the original spelling.
2. ``derive check``'s random points keep the spec's mask data and in-domain data as the engine's
   example values do (additive −1e9 masks, a running variance under a square root).
3. Non-finite values anywhere: exit 2 naming node, entry and value, or agreement with PyTorch.
"""

from __future__ import annotations

import numpy as np
import pytest

from derive.engine.backprop import derive
from derive.errors import DeriveError
from derive.lang import spec
from derive.numeric import verify as numeric

torch = pytest.importorskip("torch")
F = torch.nn.functional

W = np.array([[-1.0, 1.0, 0.0, 6.0], [-3.0, 3.0, 0.5, -0.5]])
V = np.array([[-1.0, 0.5, 0.0, 6.0], [2.0, 3.0, 0.5, -0.25]])  # ties with W at 5 entries
R = np.array([[0.5, -1.25, 2.0, 0.75], [1.5, -0.5, 0.25, -2.0]])


def _rows(a: np.ndarray) -> str:
    return "[" + ", ".join("[" + ", ".join(repr(float(v)) for v in r) + "]" for r in a) + "]"


def _spec(text: str, w: np.ndarray = W) -> str:
    return f"""
[dims]
m = 2
n = 4
[inputs]
R = ["m", "n"]
[params]
W = ["m", "n"]
V = ["m", "n"]
[forward]
out = "{text}"
L = "sum(out * R) + 0 * sum(V)"
[values]
W = {_rows(w)}
V = {_rows(V)}
R = {_rows(R)}
"""


# torch.fmax/fmin give a tie wholly to their first argument (not torch.maximum's half)
FMAX = [
    ("torch.fmax(W, V)", lambda w, v: torch.fmax(w, v)),
    ("torch.fmax(V, W)", lambda w, v: torch.fmax(v, w)),
    ("np.fmin(W, V)", lambda w, v: torch.fmin(w, v)),
    ("torch.fmax(W, torch.zeros_like(W))", lambda w, v: torch.fmax(w, torch.zeros_like(w))),
    ("np.fmax(W, 0)", lambda w, v: torch.fmax(w, torch.zeros_like(w))),
    ("torch.fmin(W, torch.zeros_like(W))", lambda w, v: torch.fmin(w, torch.zeros_like(w))),
    ("torch.fmax(torch.zeros_like(W), W)", lambda w, v: torch.fmax(torch.zeros_like(w), w)),
]


@pytest.mark.parametrize("text,ref", FMAX, ids=[c[0] for c in FMAX])
def test_fmax_at_a_tie_is_pytorchs(text, ref) -> None:
    d = derive(spec.parse(_spec(text), source="tie"))
    numeric.spelled_ties(d, numeric.example_point(d.graph), numeric.exact_zeros(d))
    grads, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    w = torch.tensor(W, dtype=torch.float64, requires_grad=True)
    v = torch.tensor(V, dtype=torch.float64, requires_grad=True)
    (ref(w, v) * torch.tensor(R, dtype=torch.float64)).sum().backward()
    np.testing.assert_allclose(grads["W"], w.grad.numpy(), atol=1e-12)
    np.testing.assert_allclose(grads["V"], 0 if v.grad is None else v.grad.numpy(), atol=1e-12)


# read as relu(x) / −relu(−x) (gradient 0 at 0); PyTorch's maximum/minimum split the tie
TIED = [
    "np.maximum(0, W)",
    "np.maximum(W, 0.0)",
    "torch.maximum(W, torch.zeros_like(W))",
    "torch.max(W, torch.zeros_like(W))",
    "np.minimum(0, W)",
    "torch.clamp(np.maximum(0, 2 * W - 1), max=3)",
]


@pytest.mark.parametrize("text", TIED)
def test_maximum_with_zero_at_a_tie_is_refused(text) -> None:
    """PyTorch running the text gives half the gradient at W[0, 2] = 0 (checked here), derive's
    relu reading 0: no verdict, exit 2 naming node, entry and both conventions."""
    w = W.copy()
    if "2 * W - 1" in text:
        w[0, 2] = 0.5
    d = derive(spec.parse(_spec(text, w), source="tie"))
    with pytest.raises(DeriveError, match=r"\[forward\] out: m(ax|in)imum\(x, 0\) is at its tie "
                       r"at entry \[0, 2\].*give each side half"):
        numeric.verify(d, points=0, use_torch=False)
    # the two conventions really differ there
    ours, _ = numeric.gradients_matrix(d, numeric.example_point(d.graph))
    t = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    z = torch.zeros_like(t)
    inner = 2 * t - 1 if "2 * W - 1" in text else t
    out = torch.minimum(inner, z) if "minimum" in text else torch.maximum(inner, z)
    (out * torch.tensor(R, dtype=torch.float64)).sum().backward()
    assert t.grad[0, 2] != ours["W"][0, 2]


def test_maximum_with_zero_off_the_tie_verifies() -> None:
    d = derive(spec.parse(_spec("np.maximum(0, W)", W + 0.25), source="tie"))
    assert numeric.verify(d, points=1).ok


PERCEPTRON = """
[dims]
m = 3
n = 2
[inputs]
X = ["m", "n"]
y = ["m", 1]
[params]
w = ["n", 1]
b = [1, 1]
[forward]
z = "X @ w + b"
L = "np.sum(np.maximum(0, -y * z))"
[values]
X = [[1.0, 2.0], [-1.0, 0.5], [0.5, -1.0]]
y = [[1.0], [-1.0], [1.0]]
w = [[0.5], [-0.25]]
b = [[0.0]]
"""


@pytest.mark.parametrize("args", [["verify"], ["check", "--wrt", "w[0,0]", "--value", "0.5"]])
def test_perceptron_on_its_boundary_is_refused_by_verify_and_check_value(args, tmp_path) -> None:
    """The held-out perceptron (pass 10): z = 0 at the first example; ✓ before this branch."""
    from click.testing import CliRunner

    from derive.cli import main

    path = tmp_path / "perceptron.toml"
    path.write_text(PERCEPTRON, encoding="utf-8")
    res = CliRunner().invoke(main, [args[0], str(path), *args[1:]])
    assert res.exit_code == 2, res.output
    assert "maximum(x, 0) is at its tie at entry [0, 0]" in res.output
    assert "✓" not in res.output


# ---- 2. derive check's points keep fill masks as given and data in its domain ------------------

COURSE = __import__("pathlib").Path(__file__).parent / "specs_course"
CHECK_CASES = [
    # (network, wrt, formula, right?)  — the right ones were "not the gradient" before trust10
    ("hn10_bn_eval", "w", "h.T @ (2/N * (h @ w - y))", True),
    ("hn10_bn_eval", "gamma", "sum(dh * (gamma * xn + beta > 0) * xn, axis=0)", True),
    ("hn10_attn_pad_mask", "Wv", "X.T @ (attn.T @ dout)", True),
    ("hn10_attn_pad_mask", "Wq", "X.T @ ((dscores_m / sqrt(d)) @ (X @ Wk))", True),
    ("hn10_bn_eval", "w", "h.T @ (1/N * (h @ w - y))", False),
    ("hn10_bn_eval", "gamma", "sum(dh * (gamma * xn + beta > 0), axis=0)", False),
    ("hn10_bn_eval", "gamma", "sum(dh * (xn > 0) * xn, axis=0)", False),
    ("hn10_attn_pad_mask", "Wv", "X.T @ (attn @ dout)", False),
    ("hn10_attn_pad_mask", "Wq", "X.T @ (dscores @ (X @ Wk))", False),
    ("hn10_attn_pad_mask", "Wq", "X.T @ ((dscores / sqrt(d)) @ (X @ Wq))", False),
    ("hn10_ntxent_masked", "W", "z_in.T @ dz", False),
]


@pytest.mark.parametrize("name,wrt,formula,right", CHECK_CASES)
def test_check_on_masked_and_in_domain_data(name, wrt, formula, right) -> None:
    from derive.checker.check import check

    assert check(str(COURSE / f"{name}.toml"), wrt, formula).ok is right


def test_check_accepts_the_masked_ntxent_gradient_as_the_walkthrough_writes_it() -> None:
    """The element-wise gradient of a cross-entropy of a softmax holds e^{−x} of each logit,
    e^{1e9} at a masked one: computed, not taken for an overflow (was 'undefined')."""
    from derive.checker.check import check
    from derive.checker.checknet import net_for

    path = str(COURSE / "hn10_ntxent_masked.toml")
    t = net_for(path, 0).target("W")
    assert check(path, "W", t.expected).ok
    assert check(path, "W", t.tex, latex=True).ok


def test_data_rules_keep_only_fill_masks_and_positive_data_under_a_root() -> None:
    """Only a 0/1 input times a number ≥ 1e6 is kept as given, and only given-positive data that
    is itself the argument of sqrt/log (up to + c) is drawn positive: features given as 0/1 (XOR)
    stay random, so a formula right only on those values is still wrong."""
    from derive.checker.checknet import data_rules
    from derive.engine import graph

    text = """
[dims]
m = 4
[inputs]
X = ["m", 2]
M = ["m", 2]
v = ["m", 2]
[params]
W = [2, 2]
[forward]
Z = "X @ W - 1e9 * M + X * M"
L = "sum(Z * np.sqrt(v + 1e-5) + np.log(X * X + 1))"
[values]
X = [[0, 0], [0, 1], [1, 0], [1, 1]]
M = [[0, 1], [0, 0], [1, 0], [0, 0]]
v = [[1.0, 2.0], [0.5, 0.25], [1.0, 1.0], [3.0, 0.5]]
"""
    g = graph.build(spec.parse(text, source="rules"))
    kept, domains = data_rules(g)
    assert {str(s).split(":")[1].split("[")[0] for s in kept} == {"M"}
    assert {str(s).split(":")[1].split("[")[0] for s in domains} == {"v"}


# ---- 3. non-finite values: exit 2 naming node, entry and value, or agreement with PyTorch -------

NONFINITE = COURSE.parent / "specs_nonfinite"
# stem → what the one-line refusal names (node, entry, value), or None: verifies and agrees with
# PyTorch running the spec's text
EXPECT = {
    "nf01_exp_overflow": "[forward] L at the example values: the value is inf at entry [0, 0]",
    "nf02_log_softmax_underflow": "[forward] L at the example values: log of 0.0 at entry [0, 1]",
    "nf03_masked_ce_inf_onehot_probs": "[forward] L: cross_entropy of logits filled with -inf "
    "at entry [0, 1]",
    "nf04_masked_ce_inf_onehot": "[forward] L: cross_entropy of logits filled with -inf at "
    "entry [0, 1]",
    "nf05_var_zero": "[forward] Hn at the example values: a division by 0 at entry [0, 0]",
    "nf06_norm_zero_row": None,  # torch.norm's gradient at a zero row is 0 (trust12)
    "nf07_sqrt_zero": "[forward] L at the example values: sqrt of 0.0 at entry [0, 0]",
    "nf08_neg_base_frac": "a power ** 1.5 of -1.5 at entry [0, 0]",
    "nf09_pow_neg_base_int_frac": "a power ** 0.5 of -1.5 at entry [0, 0]",
    "nf10_bce_saturate": "[forward] L at the example values: log of 0.0 at entry [0, 0]",
    "nf11_log_zero_given": "[forward] L at the example values: log of 0.0 at entry [0, 0]",
    "nf12_div_by_std_zero": "[forward] s at the example values: sqrt of 0.0 at entry [0, 0]",
    "nf13_exp_of_exp": "[forward] z at the example values: the value is inf at entry [0, 0]",
    "nf14_logsumexp_big": None,  # read stably since trust12 (PyTorch is finite)
    "nf15_xlogy_zero_log": "[forward] L at the example values: a division by 0 at entry [0, 0]",
    "nf16_rsqrt_zero": "a power ** -0.5 of 0.0 at entry [0, 0]",
    "nf17_recip_tiny_param": "[params] w: the gradient ∂L/∂w is -inf at entry [0, 0]",
    "nf18_log_softmax_tiny": None,
    "nf19_square_then_recip": "[params] w: the gradient ∂L/∂w is -inf at entry [0, 0]",
    "nf20_masked_ce_fill_1e9": None,
    "nf21_masked_ce_inf_class_indices": None,
    "nf22_masked_ce_inf_true_class_masked": "[forward] L: cross_entropy of logits filled with "
    "-inf at entry [0, 1]",
    "nf23_masked_ce_inf_label_smoothing": "[forward] L: cross_entropy of logits filled with "
    "-inf at entry [0, 1] at the example values: label smoothing",
    "nf24_masked_ce_inf_class_weights": None,
}


def test_every_nonfinite_spec_has_an_expectation() -> None:
    assert sorted(p.stem for p in NONFINITE.glob("*.toml")) == sorted(EXPECT)


@pytest.mark.parametrize("stem", sorted(EXPECT))
def test_nonfinite_is_refused_naming_it_or_agrees_with_pytorch(stem) -> None:
    path = NONFINITE / f"{stem}.toml"
    want = EXPECT[stem]
    if want is None:
        import spelled_oracle

        out = spelled_oracle.oracle(path)
        assert out.status == "agree", out.reason
        assert numeric.verify(derive(spec.load(str(path))), points=0, use_torch=False).ok
        return
    with pytest.raises(DeriveError) as err:
        numeric.verify(derive(spec.load(str(path))), points=0, use_torch=False)
    assert want in str(err.value)
    assert err.value.exit_code == 2


@pytest.mark.parametrize(
    "stem",
    [
        "nf03_masked_ce_inf_onehot_probs",
        "nf22_masked_ce_inf_true_class_masked",
        "nf23_masked_ce_inf_label_smoothing",
    ],
)
def test_a_minus_inf_fill_under_cross_entropy_is_not_finite_in_pytorch(stem) -> None:
    """The reason for the refusal (✓ before this branch: derive's finite fill): PyTorch running
    the text gives a non-finite loss and gradient at these values."""
    import tomllib

    import spelled_oracle

    path = NONFINITE / f"{stem}.toml"
    s = spec.load(str(path))
    point = numeric.example_point(derive(s).graph)
    loss, params = spelled_oracle.run_text(s, tomllib.loads(path.read_text()), point)
    loss.backward()
    assert not torch.isfinite(loss) or not torch.isfinite(params["W"].grad).all()


@pytest.mark.parametrize("stem", ["nf04_masked_ce_inf_onehot", "nf02_log_softmax_underflow"])
def test_check_value_never_grades_where_pytorch_is_not_finite(stem) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    path = str(NONFINITE / f"{stem}.toml")
    res = CliRunner().invoke(main, ["check", path, "--wrt", "W[0,0]", "--value", "0.4055"])
    assert res.exit_code == 2, res.output
    assert EXPECT[stem] in res.output and "✓" not in res.output


def test_check_value_fast_path_leaves_a_tie_to_the_slow_path(tmp_path, monkeypatch) -> None:
    """After a formula check compiled the network, a hand number at the tie was ✓ from the
    compiled values (0.5: derive's relu reading, where PyTorch gives 0.0); now exit 2."""
    from click.testing import CliRunner

    from derive.cli import main

    monkeypatch.setenv("DERIVE_CACHE", str(tmp_path / "cache"))
    path = tmp_path / "perceptron.toml"
    path.write_text(PERCEPTRON.replace("[-1.0], [1.0]]", "[-1.0], [-1.0]]"), encoding="utf-8")
    run = ["check", str(path), "--wrt"]
    first = CliRunner().invoke(main, [*run, "w", "X.T @ (-y * (-y * z > 0))"])
    assert first.exit_code == 0, first.output
    res = CliRunner().invoke(main, [*run, "w[0,0]", "--value", "0.500"])
    assert res.exit_code == 2 and "is at its tie" in res.output, res.output
