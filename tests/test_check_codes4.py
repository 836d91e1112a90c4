"""Gaps of issue 11 left by the earlier rounds (branch ``checkcodes4``): δ subscripted with a
name that is no node (tiny-mlp's ``\\delta_{y}``) and Qiu's per-example ``\\delta^{(1,n)}``
refused with a sentence naming the notation as written and the form to use; a second
independent mistake reported after the first (ordered), including a layer's input used for
another layer's (``A1`` where ``X`` belongs) together with a missing σ'."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.checker import fastpath
from derive.checker.check import FormulaError, check
from derive.checker.checknet import net_for
from derive.checker.formtree import tree_text
from derive.lang import expr as ex


def _refusal(net: str, wrt: str, text: str, lang: str = "en") -> str:
    with pytest.raises(FormulaError) as err:
        check(net, wrt, text, latex=True)
    return err.value.localized(lang)


def test_delta_subscripted_with_no_node_names_the_notation_and_the_node() -> None:
    """``\\delta_{y}`` on tiny-mlp (nodes ``y_pred``, ``y_target``) was "unknown name 'dy'":
    the refusal now quotes the δ as written and names the node to write, in en and zh; the
    node's own name is read."""
    en = _refusal("tiny-mlp", "W2", r"h^{\top} \delta_{y}")
    assert r"\delta_{y}" in en and "y_pred" in en and r"\delta_{y_{pred}}" in en
    zh = _refusal("tiny-mlp", "W2", r"h^{\top} \delta_{y}", "zh")
    assert r"\delta_{y}" in zh and "节点" in zh
    assert r"\delta_y" in _refusal("tiny-mlp", "W2", r"h^{\top} \delta_y")
    assert check("tiny-mlp", "W2", r"h^{\top} \delta_{y_{pred}}", latex=True).ok
    assert not check("tiny-mlp", "W2", r"2 h^{\top} \delta_{y_{pred}}", latex=True).ok
    # a plain unknown name keeps the general message
    with pytest.raises(FormulaError) as err:
        check("tiny-mlp", "W2", "h.T @ dy")
    assert "unknown name 'dy'" in str(err.value)


@pytest.mark.parametrize(
    "text",
    [
        r"X^\top \boldsymbol{\delta}^{(1, n)}",
        r"X^{\top} \delta^{(1,n)}",
        r"\sum_{n} \boldsymbol{x}^{(n)} \boldsymbol{\delta}^{(1,n)}",
    ],
)
def test_qius_per_example_delta_is_refused_naming_the_vectorised_form(text: str) -> None:
    """Qiu's δ^{(l,n)} (layer l, example n) was "expected a layer such as \\delta^{[2]}": the
    sentence now names it as per-example notation and gives the batch form δ^{(1)}."""
    en = _refusal("mlp-bce", "W1", text)
    assert r"\delta^{(1,n)} is per-example notation" in en and r"\delta^{(1)}" in en
    zh = _refusal("mlp-bce", "W1", text, "zh")
    assert "逐样本记号" in zh and "expected" not in zh and "per-example" not in zh


# two independent mistakes in one formula: both reported, the first as the verdict's code
TWO = [
    ("mlp-bce", "W2", "A1 @ (A2 - Y)", ["missing-transpose", "scale-factor"]),
    ("mlp-bce", "W2", "(Y - A2).T @ A1 / m", ["shape-mismatch", "sign"]),
    ("mlp-bce", "W2", "A1 @ (Y - A2) / m", ["missing-transpose", "sign"]),
    ("mlp-bce", "W2", "A1.T @ (Y - A2)", ["sign", "scale-factor"]),
    ("mlp-bce", "W1", "A1.T @ (dZ2 @ W2.T)", ["wrong-layer", "missing-activation-derivative"]),
    ("mlp-bce", "W1", "X @ dZ1 * m", ["missing-transpose", "scale-factor"]),
    ("mlp-bce", "Z1", "-(dZ2 @ W2.T)", ["missing-activation-derivative", "sign"]),
    ("mlp-bce", "b2", "A2 - Y", ["bias-not-summed", "scale-factor"]),
    ("mlp-bce", "W1", "X.T @ (dZ2 @ W2.T) / m", ["missing-activation-derivative", "scale-factor"]),
    ("softmax-regression", "W", "X @ (P - Y)", ["missing-transpose", "scale-factor"]),
    (
        "tiny-mlp",
        "W1",
        "-X.T @ ((y_pred - y_target) @ W2.T)",
        ["missing-activation-derivative", "sign"],
    ),
    (
        "mlp-bce",
        "W1",
        "X.T @ (dZ2 @ W2.T * A1 * (1 - A1)) * m",
        ["wrong-activation-derivative", "scale-factor"],
    ),
]


@pytest.mark.parametrize(("net", "wrt", "text", "codes"), TWO)
def test_a_second_independent_mistake_is_reported_in_order(
    net: str, wrt: str, text: str, codes: list[str]
) -> None:
    r = check(net, wrt, text)
    assert not r.ok
    assert [d.code for d in r.diagnoses][:2] == codes, r.diagnoses


def test_a_layer_input_for_another_layers_is_wrong_layer_only_where_it_is() -> None:
    """``A1`` where ``X`` belongs, with σ' left out: wrong-layer then the missing derivative
    (it was ``unknown``); the input of the right layer with σ' left out stays one mistake."""
    r = check("mlp-bce", "W1", "A1.T @ (dZ2 @ W2.T)")
    assert "X" in r.diagnoses[0].message and "A1" in r.diagnoses[0].message
    one = check("mlp-bce", "W1", "X.T @ (dZ2 @ W2.T)")
    assert [d.code for d in one.diagnoses] == ["missing-activation-derivative"]


def test_a_long_written_out_answer_is_left_off_the_correct_line() -> None:
    """A fused-gate LSTM's ∂L/∂g written out is a 300-character ``np.concatenate`` of every
    gate's block: the "correct:" line shows the answer in the network's names only (the JSON
    keeps the written-out form); a short one is still shown."""
    from pathlib import Path

    spec = str(Path(__file__).resolve().parent / "specs_course" / "lstm_fused_slices.toml")
    f = "np.hstack([di, df * f * (1 - f), do * o * (1 - o), du * (1 - u ** 2)])"
    r = check(spec, "g", f)
    assert r.code == "missing-activation-derivative"
    assert r.expanded and len(r.expanded) > 160 and r.expanded in str(r.as_dict())
    fix = r.text().splitlines()[-1]
    assert "(= " not in fix and len(fix) < 160, fix
    short = check("mlp-bce", "W1", "X.T @ (dZ2 @ W2.T)")
    assert "   (= " in short.text()


@pytest.mark.parametrize(
    ("text", "sup"),
    [(r"X^\top \delta^{(l)}", "(l)"), (r"\boldsymbol{\delta}^{(l)}_{i}", "(l)"),
     (r"\delta^{[l+1]} W^{[l+1]T}", "[l+1]")],
)
def test_the_general_layer_l_is_refused_asking_for_the_layers_number(text: str, sup: str) -> None:
    """Qiu's and Nielsen's δ^{(l)} was refused as per-example notation ("such as ^{(i)}"): it
    is the general layer l; the sentence asks for one of the network's layers by number."""
    en = _refusal("mlp-bce", "W1", text)
    assert f"\\delta^{{{sup}}} is the general layer" in en and "per-example" not in en
    zh = _refusal("mlp-bce", "W1", text, "zh")
    assert "一般的第" in zh and "general" not in zh
    assert check("mlp-bce", "W1", r"X^\top \delta^{(1)}", latex=True).ok


@pytest.mark.parametrize(
    ("net", "wrt", "text", "used", "right"),
    [
        ("relu-mlp", "w2", "h.T @ (2.0 * (y_pred - y))", "h", "h_relu = relu(h)"),
        ("mlp-bce", "W2", "Z1.T @ (A2 - Y) / m", "Z1", "A1 = relu(Z1)"),
    ],
)
def test_pre_activation_for_its_output_names_the_activation(
    net: str, wrt: str, text: str, used: str, right: str
) -> None:
    """A layer's pre-activation written where its activation's output belongs (c11-315:
    ``h.T.dot(grad_y_pred)`` for ``h_relu``) is ``wrong-layer``, and the message says which
    activation was left out, in en and zh; another tensor for another keeps the general one."""
    r = check(net, wrt, text)
    assert not r.ok and r.diagnoses[0].code == "wrong-layer"
    en = r.diagnoses[0].message
    assert f"{used}, the input of the activation" in en and right in en
    zh = check(net, wrt, text, lang="zh").diagnoses[0].message
    assert "激活前的" in zh and right in zh
    other = check("mlp-bce", "W2", "X.T @ (A2 - Y) / m")
    assert "the input of the activation" not in other.diagnoses[0].message


def test_a_greek_tensor_with_a_layer_superscript_is_that_tensor() -> None:
    """derive prints a course network's ``alpha2`` as ``\\alpha^{[2]}`` (a CRF's forward
    variables): the LaTeX reader reads it back as that tensor, transposed or inside
    ``\\delta_{…}`` too (was "expected a name, found '\\alpha'"); a wrong factor is still wrong."""
    path = str(Path(__file__).parent / "specs_course" / "hn11_crf_forward3.toml")
    t = net_for(path, 0).target("Tr")
    assert r"\alpha^{[2]" in t.tex and r"\delta_{\alpha^{[3]}}" in t.tex
    assert check(path, "Tr", t.tex, latex=True).ok
    r = check(path, "Tr", rf"2 \left({t.tex}\right)", latex=True)
    assert not r.ok and r.code == "scale-factor"


def test_a_division_by_a_node_named_d_is_no_leibniz_derivative() -> None:
    """``dy_hat / data`` where the network has a node ``data`` (elastic_net's data loss) is a
    division by that node, not ``d(y_hat)/d(ata)`` (was exit 2 "'ata' … is not a tensor",
    found by the user-network fuzz); ``dL/ddata`` is still Leibniz notation."""
    path = str(Path(__file__).parent / "specs_course" / "elastic_net.toml")
    r = check(path, "b", "dy_hat / data")
    assert not r.ok and r.code == "shape-mismatch"
    with pytest.raises(FormulaError) as err:
        check(path, "b", "dL/ddata * ddata/db")
    assert "∂data/∂b" in str(err.value)


def test_a_minus_before_a_negative_is_bracketed_in_the_checkers_text() -> None:
    """The checker's printed forms never show ``--x`` (a user fuzz showed ``sum(--(1 / N *
    y))``): ``-(-x)``, in the slow path's and the fast path's printers alike."""
    assert tree_text(ex.Neg(ex.Neg(ex.Name("x")))) == "-(-x)"
    assert tree_text(ex.Neg(ex.Name("x"))) == "-x"
    assert fastpath._text(("neg", ("neg", ("name", "x"))), 0) == "-(-x)"
