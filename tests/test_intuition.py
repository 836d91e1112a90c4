"""The "in words" paragraph of each backward step (derive/walkthrough/intuition.py): chosen from
the network's structure, for built-ins and for networks nobody wrote a sentence for."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.engine.backprop import derive
from derive.lang import spec as specs
from derive.locale import catalog
from derive.numeric.example import Example
from derive.walkthrough import intuition

ROOT = Path(__file__).resolve().parent.parent


def _words(net: str | None = None, text: str | None = None) -> dict[str, list[intuition.Words]]:
    s = specs.load(net) if net is not None else specs.parse(text or "", "<test>")
    d = derive(s)
    return {k: list(v) for k, v in intuition.paragraphs(d, Example(d)).items()}


def _keys(ws: list[intuition.Words]) -> list[str]:
    return [w.key for w in ws]


def _arg(ws: list[intuition.Words], key: str, name: str) -> str:
    return str(next(w for w in ws if w.key == key).values[name])


CASES = [
    "tiny-mlp",
    "mlp-bce",
    "neuron",
    "chain",
    "rnn",
    "batchnorm",
    "attention",
    "softmax-regression",
    str(ROOT / "tests/specs_engine/ce.toml"),
    str(ROOT / "tests/specs_engine/tdep.toml"),
    str(ROOT / "bench/specs/sm2.toml"),
]


@pytest.mark.parametrize("net", CASES)
def test_every_gradient_has_a_paragraph_that_both_catalogues_can_fill(net: str) -> None:
    found = _words(net)
    assert found, net
    for name, ws in found.items():
        assert ws, (net, name)
        for w in ws:
            for lang in catalog.LANGS:
                text = catalog.text(f"handout_intuition.{w.key}", lang, **w.values)
                assert "{{" not in text and text.strip(), (net, name, w.key, lang)


def test_mlp_bce_paragraphs_follow_its_layers() -> None:
    ws = _words("mlp-bce")
    assert _keys(ws["A2"])[:2] == ["start", "loss.bce"]
    assert "mean.rows" in _keys(ws["A2"])  # BCE is a mean over the m examples (one output each)
    assert _keys(ws["Z2"]) == ["fused.sigmoid-bce"]  # the slope cancels: one sentence says so
    assert _keys(ws["A1"]) == ["linear-input"]
    assert _arg(ws["A1"], "linear-input", "W") == "W^{[2]}"
    assert _keys(ws["Z1"]) == ["slope.relu", "count.relu"]
    # the built-in values mask exactly one unit of Z1 (W1[0,0] = 0.3 was chosen for that)
    assert (_arg(ws["Z1"], "count.relu", "k"), _arg(ws["Z1"], "count.relu", "n")) == ("1", "4")
    assert _keys(ws["b1"])[0] == "bias-sum" and _keys(ws["b2"])[0] == "bias-sum"
    assert _keys(ws["W1"])[0] == "linear-weight.batch"
    assert "X^{\\top}" in _arg(ws["W1"], "linear-weight.batch", "F")


def test_scalar_error_says_its_sign_and_single_examples_have_no_batch_sum() -> None:
    ws = _words("tiny-mlp")
    # y_pred = 0.58 < target 0.8; a computed node: descent moves it through the parameters
    assert "sign.neg.node" in _keys(ws["y_pred"])
    assert _arg(ws["y_pred"], "sign.neg.node", "v").startswith("-0.219")
    assert _keys(ws["W1"]) == ["linear-weight.one"]  # one example: nothing summed
    assert _keys(ws["h_raw"]) == ["slope.sigmoid", "count.slopes"]
    lo = float(_arg(ws["h_raw"], "count.slopes", "lo"))
    hi = float(_arg(ws["h_raw"], "count.slopes", "hi"))
    assert 0 < lo <= hi <= 0.25  # sigmoid's slope never exceeds 1/4


def test_shared_weights_sum_over_time_and_softmax_and_batchnorm_have_their_own_words() -> None:
    rnn = _words("rnn")
    assert _keys(rnn["W_h"])[0] == "shared"
    assert _arg(rnn["W_h"], "shared", "k") == "2"
    assert _keys(rnn["z_1"])[0] == "slope.tanh"
    att = _words("attention")
    assert "rowwise.softmax-jacobian" in _keys(att["S"])
    bn = _words("batchnorm")
    assert "fused.batchnorm" in _keys(bn["Z"])
    assert _keys(bn["gamma"]) == ["scale-sum"]
    assert _keys(bn["beta"])[0] == "bias-sum"
    assert _keys(_words("softmax-regression")["Z"]) == ["fused.softmax-ce"]


USER = """
[network]
name = "user-net"
[dims]
m = 3
n = 2
k = 3
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
W1 = ["n", "k"]
c = [1, "k"]
W2 = ["k", 1]
[forward]
H = "tanh(X @ W1 + c)"
E = "exp(H @ W2)"
L = "mse(E, Y)"
"""


def test_a_user_network_gets_sentences_from_its_structure() -> None:
    """Activations written inline (no node of their own), a bias named ``c``, ``exp``."""
    ws = _words(text=USER)
    assert set(ws) >= {"E", "H", "W1", "c", "W2"}
    assert _keys(ws["E"])[:2] == ["start", "loss.mse"]
    assert _arg(ws["E"], "mean.rows", "nn") == "m = 3"
    # W2 is reached through exp (inline): its slope, then the weight rule
    assert _keys(ws["W2"])[:2] == ["slope.exp", "linear-weight.batch"]
    assert _keys(ws["H"])[:2] == ["slope.exp", "linear-input"]
    assert _keys(ws["W1"])[:2] == ["slope.tanh", "linear-weight.batch"]
    # c enters inside tanh: what it sums is δH times tanh's slope, not δH (bias-sum.under)
    assert _keys(ws["c"])[:2] == ["slope.tanh", "bias-sum.under"]


def test_rendered_handout_has_one_paragraph_per_backward_step() -> None:
    from derive.numeric import verify as numeric
    from derive.render import build as builder
    from derive.render import environment as render
    from derive.walkthrough.context import build as context

    d = derive(specs.load("mlp-bce"))
    w = context(d, numeric.verify(d, points=0, full=False), builder.shared_proofs(), detail="standard")
    md = {lang: render.render("md/walkthrough.md.j2", w, lang) for lang in catalog.LANGS}
    assert md["en"].count("**In words.**") == len(w.backward)
    assert md["zh"].count(catalog.text("handout_intuition.label", "zh")) == len(w.backward)
    assert "ReLU’s slope is $1$ where $Z^{[1]}$ is positive" in md["en"]
    # the 1/m warning is said once, at the first parameter in reading order
    assert md["en"].count("of the mean is already inside") == 1
    # no space between the Chinese sentences of a paragraph
    label = catalog.text("handout_intuition.label", "zh")
    paragraphs = [line for line in md["zh"].splitlines() if line.startswith(label)]
    assert paragraphs and not any("。 " in p for p in paragraphs)


def test_the_new_layers_are_described_as_what_they_are() -> None:
    """A ½ in front of a squared error cancels its 2 (no "twice the error"); a recurrent
    weight's step back says vanishing/exploding; a product with a computed tensor (attention's
    V, K) is not called a weight; a square is a square (no exponent letter clashing with a
    size)."""
    rnn = _words("rnn")
    assert "loss.sse.half" in _keys(rnn["h_2"]) and "loss.sse" not in _keys(rnn["h_2"])
    assert "through-time" in _keys(rnn["h_1"])
    assert "loss.power.half" in _keys(_words("tiny-mlp")["y_pred"])  # ½(ŷ − y)² written out
    assert _arg(rnn["h_1"], "through-time", "W") == "W_{\\text{h}}"
    # a weight that is not shared across steps has no such sentence
    assert not any("through-time" in _keys(ws) for ws in _words("tiny-mlp").values())
    att = _words("attention")
    assert _keys(att["A"]) == ["linear-input.product"]
    assert _keys(att["V"])[0] == "linear-weight.product"
    assert "linear-input.product" in _keys(att["Q"])
    # a real weight keeps the weight rule (its rows meet in Q Kᵀ: not called examples)
    assert "linear-weight.batch.mixed" in _keys(att["W_v"])
    bn = _words("batchnorm")
    assert "power.square.mean" in _keys(bn["Z_c"])  # var = mean(Z_c ** 2, axis=0)
    square = next(w for w in bn["Z_c"] if w.key == "power.square.mean")
    for lang in catalog.LANGS:
        text = catalog.text("handout_intuition.power.square.mean", lang, **square.values)
        assert "2Z_{\\text{c}}" in text and "n-1" not in text
