"""Branch heldnets13 (issue 9's held-out course networks, pass 13): what the first pass of new
course networks found. Each network's OWN text runs in PyTorch float64 (tests/spelled_oracle.py)
and must agree with derive's loss and every gradient:

- Coursera ML's bias column, ``a1 = [ones(m, 1) X]`` as the Python ports write it
  (``np.hstack((np.ones((m, 1)), X))``, ``torch.cat([torch.ones(m, 1), X], dim=1)``; 西瓜书's
  ``x_hat = (x; 1)``) was refused ("unknown function 'ones'"): it is an input of ones, 1 at
  the example and at every random point;
- LLaMA's RMSNorm, ``self._norm(x.float()).type_as(x) * self.weight``, was refused (".type_as()
  is not one derive reads"): a cast to another tensor's (float) dtype, the identity here;"""

from __future__ import annotations

import pytest
from spelled_oracle import oracle_text

from derive.checker.check import check
from derive.checker.checknet import net_for
from derive.engine.backprop import derive
from derive.errors import DeriveError
from derive.lang import spec as spec_mod
from derive.numeric import verify

pytest.importorskip("torch")


def _agree(text: str, name: str) -> None:
    out = oracle_text(text, name)
    assert out.status == "agree", (out.status, out.reason)


_ONES = """
[dims]
m = 3
n = 2
h = 2
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
Theta1 = ["h", "n + 1"]
Theta2 = [1, "h + 1"]
[forward]
a1 = "{a1}"
a2 = "{a2}"
p = "sigmoid(a2 @ Theta2.T)"
J = "np.sum(-Y * np.log(p) - (1 - Y) * np.log(1 - p)) / m + np.sum(Theta1[:, 1:] ** 2) / (2 * m)"
[values]
X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]]
Y = [[1], [0], [1]]
Theta1 = [[0.1, -0.4, 0.3], [0.2, 0.5, -0.6]]
Theta2 = [[-0.3, 0.8, 0.45]]
"""


@pytest.mark.parametrize(
    ("a1", "a2"),
    [
        (
            "np.hstack((np.ones((m, 1)), X))",
            "np.hstack((np.ones((m, 1)), sigmoid(a1 @ Theta1.T)))",
        ),
        (
            "np.hstack([X, np.ones((X.shape[0], 1))])",
            "np.hstack([np.ones((len(X), 1)), np.tanh(a1 @ Theta1.T)])",
        ),
        (
            "torch.cat([torch.ones(m, 1), X], dim=1)",
            "torch.cat((torch.ones(m, 1), torch.sigmoid(a1 @ Theta1.T)), 1)",
        ),
    ],
)
def test_a_column_of_ones_is_a_constant_input(a1: str, a2: str) -> None:
    """Coursera ML's ``[ones(m, 1) X]``: derive agrees with PyTorch running the text, and the
    ones are 1 at every random point (the gradient of the bias column is Σδ, not Σδ·data)."""
    text = _ONES.format(a1=a1, a2=a2)
    if "torch.ones" in a2:  # a PyTorch spelling throughout
        text = text.replace("np.", "torch.")
    _agree(text, "ones")
    s = spec_mod.parse(text, "ones")
    assert s.ones == ("ones",) and s.values["ones"] == ((1,), (1,), (1,))
    g = derive(s).graph
    for seed in (1, 2, 3):
        point = verify.random_point(g, seed)
        assert (point["ones"] == 1).all() and (point["X"] != 1).any()


def test_a_one_d_vector_of_ones() -> None:
    """``np.ones(k)`` is NumPy's 1-D vector (a row), ``w @ np.ones(k)`` its sum."""
    text = """
[dims]
m = 3
k = 2
[inputs]
X = ["m", "k"]
[params]
W = ["k", "k"]
[forward]
Z = "np.tanh(X @ W)"
L = "np.sum((Z + np.ones(k)) @ np.ones(k)) + np.sum(Z * np.ones(k))"
[values]
X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]]
W = [[0.1, -0.4], [0.2, 0.5]]
"""
    _agree(text, "ones1d")


def test_ones_of_an_unreadable_size_is_refused_in_one_line() -> None:
    """(spellings26 reads sizes as + - * of [dims] names: ``np.ones((m - 1, 1))`` is m − 1 ones,
    and hstack then names the rows that differ; ``int(m / 2)`` stays unread.)"""
    text = _ONES.format(a1="np.hstack((np.ones((int(m / 2), 1)), X))", a2="a1")
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "bad")
    said = str(err.value)
    assert "np.ones((int(m / 2), 1))" in said and "[dims]" in said and "\n" not in said.strip()
    text = _ONES.format(a1="np.hstack((np.ones((m - 1, 1)), X))", a2="a1")
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "bad")
    assert "same number of rows, got (2, 1), (3, 2)" in str(err.value)


def test_type_as_is_a_float_cast() -> None:
    """LLaMA's RMSNorm as its code writes it."""
    text = """
[dims]
n = 3
d = 4
[inputs]
X = ["n", "d"]
T = ["n", "d"]
[params]
Win = ["d", "d"]
weight = ["d"]
[constants]
eps = 1e-6
[forward]
x = "X @ Win"
normed = "x.float() * torch.rsqrt(x.float().pow(2).mean(-1, keepdim=True) + eps)"
out = "normed.type_as(x) * weight"
loss = "F.mse_loss(out, T)"
"""
    _agree(text, "rmsnorm")


_LINE = """
[dims]
n = 3
k = 2
[inputs]
X = ["n", "k"]
Y = ["n", "k"]
[params]
W = ["k", "k"]
[forward]
Z = "X @ W"
L = "{loss}"
[values]
X = [[0.5, -1.0], [1.5, 0.25], [-0.75, 2.0]]
Y = [[1.0, -0.5], [0.0, 2.0], [0.5, 0.5]]
W = [[0.1, -0.4], [0.2, 0.5]]
"""


def test_smooth_l1_with_beta_zero_is_the_l1_loss() -> None:
    """PyTorch's ``F.smooth_l1_loss(…, beta=0.0)`` is the L1 loss; it was read as a division by
    the 0 (exit 2, "a division by 0 at entry [0, 0]")."""
    _agree(_LINE.format(loss="F.smooth_l1_loss(Z, Y, beta=0.0)"), "sl1")
    _agree(_LINE.format(loss="F.smooth_l1_loss(Z, Y, reduction='sum', beta=0)"), "sl1s")


@pytest.mark.parametrize(
    "loss",
    [
        "(F.relu(Z, inplace=False) ** 2).sum() + F.leaky_relu(Z, 0.1, inplace=True).sum()",
        "F.dropout(Z, p=0.5, training=False).pow(2).sum() + F.dropout(Z, 0.0).sum()",
        "F.mse_loss(F.elu(Z, inplace=False), Y)",
    ],
)
def test_inplace_flags_and_dropout_in_evaluation_mode(loss: str) -> None:
    """``F.relu(x, inplace=True)`` (the same values) was refused ("keyword 'inplace' unknown");
    ``F.dropout(x, p, training=False)`` (evaluation mode: the identity) was unknown."""
    _agree(_LINE.format(loss=loss), "inplace")


def test_dropout_in_training_mode_is_refused_naming_the_mask_form() -> None:
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(_LINE.format(loss="F.dropout(Z, p=0.2).sum()"), "drop")
    assert "mask" in str(err.value) and "training=False" in str(err.value)


_SDPA = """
[dims]
n = 3
d = 2
e = 3
[inputs]
X = ["n", "e"]
T = ["n", "d"]
[params]
Wq = ["e", "d"]
Wk = ["e", "d"]
Wv = ["e", "d"]
[forward]
q = "X @ Wq"
out = "{out}"
loss = "F.mse_loss(out, T) + (q ** 2).mean()"
[values]
X = [[0.5, -1.0, 0.3], [1.5, 0.25, -0.2], [-0.75, 2.0, 0.1]]
Wq = [[0.1, -0.4], [0.2, 0.5], [0.3, 0.6]]
Wk = [[0.7, -0.2], [-0.3, 0.4], [0.5, 0.1]]
Wv = [[0.2, 0.3], [-0.6, 0.1], [0.4, -0.5]]
"""


@pytest.mark.parametrize(
    "out",
    [
        "F.scaled_dot_product_attention(X @ Wq, X @ Wk, X @ Wv)",
        "F.scaled_dot_product_attention(q, X @ Wk, X @ Wv, dropout_p=0.0, is_causal=False)",
        "torch.nn.functional.scaled_dot_product_attention(q, X @ Wk, X @ Wv, scale=0.25)",
    ],
)
def test_scaled_dot_product_attention_is_its_definition(out: str) -> None:
    """PyTorch 2's ``F.scaled_dot_product_attention`` was an unknown function: it is
    ``softmax(q @ k.T / √d) @ v`` (or ``* scale``), d the columns of q."""
    _agree(_SDPA.format(out=out), "sdpa")


def test_scaled_dot_product_attention_with_a_mask_names_the_written_out_form() -> None:
    # (is_causal=True is read since round 39: tests/test_round39.py; an attn_mask that is a
    # comparison, x.bool() or a float mask since round 40: tests/test_round40.py; a negated one
    # is not)
    text = _SDPA.format(
        out="F.scaled_dot_product_attention(q, X @ Wk, X @ Wv, attn_mask=~(T @ T.T > 0))"
    )
    with pytest.raises(DeriveError) as err:
        spec_mod.parse(text, "causal")
    assert "softmax(q @ k.T / d ** 0.5 + mask) @ v" in str(err.value)


def test_check_reads_back_the_latex_of_a_regularised_slice(tmp_path) -> None:
    """Coursera ML's regularisation without the bias column, ``Theta1[:, 1:] ** 2``: the
    walkthrough's LaTeX of ∂J/∂Theta1, ``\\begin{bmatrix} \\mathbf{0} & … \\end{bmatrix}``, is
    read back by ``derive check --latex``, the zero block as wide as the other block leaves of
    the answer (it was "unknown name '0'")."""
    path = tmp_path / "reg.toml"
    path.write_text(_ONES.format(a1="np.hstack((np.ones((m, 1)), X))", a2="a1"), "utf-8")
    net = net_for(str(path), 0)
    t = net.target("Theta1")
    assert check(str(path), "Theta1", t.expected).ok
    assert check(str(path), "Theta1", t.tex, latex=True).ok


def test_a_slice_bound_after_a_fixed_width_block_keeps_its_size_name(tmp_path) -> None:
    """∂L/∂a2 of ``a2 = [1 σ(z)]`` (a column of ones, then h columns) was printed
    ``da2[:, 1:3]`` — right at h = 2 only, so ``derive check`` called the walkthrough's own
    formula wrong at other sizes; the bound is ``1 + h``."""
    path = tmp_path / "span.toml"
    path.write_text(
        _ONES.format(
            a1="np.hstack((np.ones((m, 1)), X))",
            a2="np.hstack((np.ones((m, 1)), sigmoid(a1 @ Theta1.T)))",
        ).replace(" + np.sum(Theta1[:, 1:] ** 2) / (2 * m)", ""),
        "utf-8",
    )
    t = net_for(str(path), 0).target("Theta1")
    # since round 38 the block that runs to the end of a2's 1 + h columns prints open, [:, 1:]
    assert "da2[:, 1:]" in t.expected and "\\ldots 1 + h}" in t.tex, (t.expected, t.tex)
    assert check(str(path), "Theta1", t.expected).ok
    assert check(str(path), "Theta1", t.tex, latex=True).ok


_NLL = """
[dims]
n = 3
k = 3
[inputs]
X = ["n", "k"]
y = ["n"]
cw = ["k"]
[params]
W = ["k", "k"]
[forward]
Z = "X @ W"
L = "{loss}"
[values]
X = [[0.5, -1.0, 0.25], [1.5, 0.25, -0.5], [-0.75, 2.0, 1.0]]
y = [2, 0, 2]
cw = [1.0, 2.0, 0.5]
W = [[0.1, -0.4, 0.3], [0.2, 0.5, -0.6], [0.7, -0.1, 0.2]]
"""


@pytest.mark.parametrize(
    "loss",
    [
        "F.nll_loss(F.log_softmax(Z, 1), y, weight=cw)",
        "F.nll_loss(F.log_softmax(Z, dim=1), y, weight=cw, reduction='sum')",
        "F.nll_loss(torch.log_softmax(Z, 1), y, weight=cw, ignore_index=0)",
    ],
)
def test_nll_loss_with_class_weights(loss: str) -> None:
    """``F.nll_loss(…, weight=w)`` was refused ("not supported; leave it out") though
    ``F.cross_entropy(…, weight=w)`` is read: the same class weights, 'mean' over Σ_i w_(y_i)."""
    _agree(_NLL.format(loss=loss), "nllw")
