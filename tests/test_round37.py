"""Round 37 (issues 9, 11, 12): the lead's fixes from held-out input, each with the case that
found it."""

from __future__ import annotations

import pytest


def _verdict(net: str, wrt: str, text: str | None = None, **kw: object) -> tuple[str, str | None]:
    from derive.checker.check import check

    r = check(net, wrt, text, **kw)
    return r.verdict, r.code


# ---- a formula with a closing "where" clause typed as text or code (issue 11) ------------------


def _attention_grads() -> dict[str, object]:
    """∂L/∂W_q, ∂L/∂S of the built-in attention head at random values, by PyTorch autograd
    (float64): the oracle the where-clause answers are judged against below."""
    torch = pytest.importorskip("torch")
    g = torch.Generator().manual_seed(7)
    n, d = 2, 2
    X, T = torch.randn(n, d, generator=g, dtype=torch.float64), torch.randn(n, d, generator=g, dtype=torch.float64)
    Wq, Wk, Wv = (torch.randn(d, d, generator=g, dtype=torch.float64, requires_grad=True) for _ in range(3))
    S = (X @ Wq) @ (X @ Wk).T / d**0.5
    S.retain_grad()
    A = torch.softmax(S, dim=1)
    O = A @ (X @ Wv)
    torch.nn.functional.mse_loss(O, T).backward()
    # the typed answer, written out with the same tensors
    K, V = X @ Wk, X @ Wv
    dA = 2 * (O - T) @ V.T / (n * d)
    dS = A * (dA - (dA * A).sum(dim=1, keepdim=True))
    return {"Wq": Wq.grad, "S": S.grad, "mine_Wq": X.T @ (dS @ K) / d**0.5, "mine_S": dS}


def test_the_where_clause_answers_agree_with_pytorch() -> None:
    torch = pytest.importorskip("torch")
    g = _attention_grads()
    assert torch.allclose(g["mine_Wq"], g["Wq"]) and torch.allclose(g["mine_S"], g["S"])


@pytest.mark.parametrize(
    ("net", "wrt", "text", "verdict"),
    [
        # no comma before "where"; the statement has its own "="
        ("mlp-bce", "W1", "dW1 = X.T @ ((dZ2 @ W2.T) * (Z1 > 0)) where dZ2 = (A2 - Y)/m", "correct"),
        ("mlp-bce", "W1", "dW1 = X.T @ ((dZ2 @ W2.T) * (Z1 > 0)) where dZ2 = (Y - A2)/m", "incorrect"),
        # a bare formula, "with", and a comma without a word
        ("mlp-bce", "W2", "A1.T @ dZ2 / m with dZ2 = A2 - Y", "correct"),
        ("mlp-bce", "W2", "A1.T @ dZ2 / m, dZ2 = A2 - Y", "correct"),
        # two definitions, the first using the second (read in the order they use each other)
        (
            "attention",
            "W_q",
            "X.T @ (dS @ K) / np.sqrt(d) where dS = A * (dA - np.sum(dA * A, axis=1, keepdims=True)),"
            " dA = 2 * (O - T) @ V.T / (n * d)",
            "correct",
        ),
        (
            "attention",
            "W_q",
            "X.T @ (dS @ K) where dS = A * (dA - np.sum(dA * A, axis=1, keepdims=True)), dA = 2 * (O - T) @ V.T / (n * d)",
            "incorrect",
        ),
        ("attention", "S", "A * (dA - (dA * A).sum(axis=1, keepdims=True)) where dA = (2 * (O - T) / (n * d)) @ V.T", "correct"),
        # a clause in words that defines nothing is left out
        ("mlp-bce", "W2", "A1.T @ (A2 - Y) / m, where m is the batch size", "correct"),
        ("mlp-bce", "W2", "A1.T @ (A2 - Y) / m where m is the batch size", "correct"),
        ("mlp-bce", "W2", "A1.T @ (A2 - Y) / m，其中 m 为样本数", "correct"),
        ("mlp-bce", "W2", "A1.T @ dZ2 / m, where dZ2 = A2 - Y and m is the batch size", "correct"),
        # a tuple assignment's comma is no clause
        ("mlp-bce", "W2", "dW2, db2 = A1.T @ (A2 - Y) / m, np.sum(A2 - Y, axis=0) / m", "correct"),
    ],
)
def test_a_typed_where_clause_without_a_comma_or_with_several_names(net: str, wrt: str, text: str, verdict: str) -> None:
    """A typed answer ``… where dZ2 = …`` (no comma), ``… where dS = …dA…, dA = …`` (two names,
    the first using the second) or ``…，其中 m 为样本数`` (words) was a syntax error (exit 2)."""
    assert _verdict(net, wrt, text)[0] == verdict


# ---- cross-entropy against targets that are not one-hot rows (issue 12) ------------------------

SOFT_CE = """
[network]
name = "ce-soft-targets"
[dims]
m = 2
k = 3
[inputs]
x = ["m", 2]
y = ["m", "k"]
[params]
w = [2, "k"]
[forward]
p = "softmax(x @ w)"
L = "cross_entropy(p, y)"
[values]
x = [[1, 2], [0, 1]]
y = [[0.5, 0.5, 0], [0, 0.2, 0.8]]
w = [[0.1, 0.2, 0.3], [0.0, -0.1, 0.2]]
"""


def _md(source: str, lang: str = "en") -> str:
    from test_round36 import _md as rendered  # the standard-detail Markdown of a spec's text

    return rendered(source, lang)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_soft_targets_are_not_called_one_true_class(lang: str) -> None:
    """With soft targets (label smoothing, mixup) every class with a target is blamed,
    δ_p = −y/(m p): "only the probability of the true class in each row is blamed" was false;
    with one-hot rows (the same network, y one-hot) that sentence stays."""
    soft = _md(SOFT_CE, lang)
    one_hot = _md(SOFT_CE.replace("[[0.5, 0.5, 0], [0, 0.2, 0.8]]", "[[0, 1, 0], [0, 0, 1]]"), lang)
    only = {"en": "only the probability of the true class", "zh": "只有真实类别的概率"}[lang]
    shared = {"en": "every class with a nonzero target shares the blame", "zh": "目标值不为零的每一类都分担责任"}[lang]
    assert only not in soft and shared in soft
    assert only in one_hot and shared not in one_hot


# ---- the fix a kink refusal suggests works for a maximum with 0 (issue 9) ----------------------

PERCEPTRON = """# Perceptron criterion: labels in {-1, +1}
[dims]
m = 4
n = 2
[inputs]
X = ["m", "n"]
y = ["m", 1]
[params]
w = ["n", 1]
b = [1, 1]
[forward]
s = "X @ w + b"
L = "np.mean(np.maximum(0, -y * s))"
[values]
X = [[1.0, 2.0], [-1.0, 0.5], [0.5, -1.5], [2.0, 1.0]]
y = [[1], [-1], [1], [-1]]
w = [[0.3], [-0.2]]
b = [[0.1]]
"""


def _verify(tmp_path, text: str, *args: str):
    import subprocess
    import sys

    path = tmp_path / "net.toml"
    path.write_text(text)
    return subprocess.run(
        [sys.executable, "-m", "derive", "verify", str(path), *args], capture_output=True, text=True, timeout=600
    )


def test_a_maximum_at_its_kink_names_a_fix_that_works(tmp_path) -> None:
    """0.3 − 0.4 + 0.1 is exactly 0 (2.8e-17 in float64) under np.maximum(0, ·): the refusal said
    "give that input its own line … L = relu(z)" as for relu, but the line a user then writes,
    np.maximum(0, z), is refused for its tie; the message now names relu(z)/clamp, and each of
    those verifies."""
    run = _verify(tmp_path, PERCEPTRON)
    assert run.returncode == 2 and "Traceback" not in run.stderr
    assert "relu(z)" in run.stderr and "torch.clamp(z, min=0)" in run.stderr
    zh = _verify(tmp_path, PERCEPTRON, "--lang", "zh")
    assert zh.returncode == 2 and "torch.clamp(z, min=0)" in zh.stderr and "修正" in zh.stderr
    for line in ("np.mean(relu(z))", "np.mean(torch.clamp(z, min=0))"):
        fixed = PERCEPTRON.replace('L = "np.mean(np.maximum(0, -y * s))"', f'z = "-y * s"\nL = "{line}"')
        assert _verify(tmp_path, fixed).returncode == 0, line


# ---- rows combined before the loss are not "examples" (issue 12) --------------------------------

BAHDANAU = """# Bahdanau (additive) attention over three encoder states, context regressed onto a target
[dims]
T = 3
h = 2
a = 2
[inputs]
H = ["T", "h"]
s = [1, "h"]
y = [1, "h"]
[params]
W1 = ["h", "a"]
W2 = ["h", "a"]
v = ["a", 1]
[forward]
e = "np.tanh(H @ W1 + s @ W2) @ v"
alpha = "np.exp(e) / np.sum(np.exp(e))"
c = "alpha.T @ H"
L = "0.5 * np.sum((c - y) ** 2)"
[values]
H = [[1.0, 0.0], [0.5, -0.5], [-1.0, 1.0]]
s = [[0.2, 0.4]]
y = [[0.3, 0.1]]
W1 = [[0.5, -0.3], [0.2, 0.4]]
W2 = [[-0.1, 0.6], [0.3, 0.2]]
v = [[1.0], [-0.5]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_encoder_states_are_rows_not_examples(lang: str) -> None:
    """The three encoder states of an additive attention are weighted into one context row
    before the loss: "summed over the T rows (examples)" and "W2 is added to every row
    (example) of e" were false (it is s W2 that is added, and the rows are no examples)."""
    md = _md(BAHDANAU, lang)
    words = [line for line in md.splitlines() if line.startswith(("**In words", "**这一步"))]
    text = "\n".join(words)
    assert "(example" not in text and "行（样本）" not in text and "（每个样本）" not in text
    added = {"en": r"$s \thinspace W_{2}$ is added to every row of $e$", "zh": r"$s \thinspace W_{2}$ 加到 $e$ 的每一行上"}
    assert added[lang] in text
    # a batch of examples keeps its word: the same layer scored per row against a target per row
    batch = BAHDANAU.replace('c = "alpha.T @ H"\nL = "0.5 * np.sum((c - y) ** 2)"', 'L = "0.5 * np.sum((e - t) ** 2)"')
    batch = batch.replace('y = [1, "h"]', 't = ["T", 1]').replace("y = [[0.3, 0.1]]", "t = [[0.3], [0.1], [0.2]]")
    batch = batch.replace('alpha = "np.exp(e) / np.sum(np.exp(e))"\n', "")
    kept = "\n".join(line for line in _md(batch, lang).splitlines() if line.startswith(("**In words", "**这一步")))
    assert {"en": "rows (examples)", "zh": "行（样本）"}[lang] in kept


# ---- parameters numbered side by side are not layers (issue 12) --------------------------------

GMM = """# fit the two means of a 1-D Gaussian mixture by gradient descent on the NLL
[dims]
n = 4
[inputs]
x = ["n", 1]
[params]
mu1 = [1, 1]
mu2 = [1, 1]
[forward]
p1 = "0.5 * np.exp(-(x - mu1) ** 2 / 2) / np.sqrt(2 * np.pi)"
p2 = "0.5 * np.exp(-(x - mu2) ** 2 / 2) / np.sqrt(2 * np.pi)"
nll = "-np.mean(np.log(p1 + p2))"
[values]
x = [[-1.2], [-0.8], [0.9], [1.5]]
mu1 = [[-0.5]]
mu2 = [[0.5]]
"""

MLP_INLINE = """[dims]
m = 3
[inputs]
X = ["m", 2]
Y = ["m", 1]
[params]
W1 = [2, 3]
b1 = [1, 3]
W2 = [3, 1]
b2 = [1, 1]
[forward]
L = "np.mean((np.maximum(X @ W1 + b1, 0) @ W2 + b2 - Y) ** 2)"
"""


@pytest.mark.parametrize(
    ("text", "parallel"),
    [
        (BAHDANAU, {"W1", "W2"}),  # tanh(H W1 + s W2): both applied to inputs, then added
        (GMM, {"mu1", "mu2"}),  # two means, each in its own component
        (MLP_INLINE, set()),  # W2 applied to data made with W1; b2 added to it
        # a sum of member products (Chebyshev terms) and a penalty over both beside the data loss
        (
            '[inputs]\nT0 = [3, 2]\nT1 = [3, 2]\ny = [3, 1]\n[params]\nTheta0 = [2, 1]\nTheta1 = [2, 1]\n'
            '[forward]\nH = "T0 @ Theta0 + T1 @ Theta1"\n'
            'L = "np.mean((H - y) ** 2) + 0.1 * (np.sum(Theta0 ** 2) + np.sum(Theta1 ** 2))"\n',
            {"Theta0", "Theta1"},
        ),
        # a family numbered like layers is numbered so everywhere (a GRU's U1, U2 beside W1, W2)
        (
            '[inputs]\nx = [1, 2]\nh0 = [1, 2]\n[params]\nW1 = [2, 2]\nW2 = [2, 2]\nU1 = [2, 2]\nU2 = [2, 2]\n'
            '[forward]\nh1 = "np.tanh(x @ W1 + h0 @ U1)"\nh2 = "np.tanh(h1 @ W2 + h0 @ U2)"\nL = "np.sum(h2)"\n',
            set(),
        ),
    ],
)
def test_parameters_numbered_side_by_side(text: str, parallel: set[str]) -> None:
    from derive.engine.graph import parallel_params
    from derive.lang import spec

    assert parallel_params(spec.parse(text)) == parallel


def test_mixture_means_print_as_subscripts() -> None:
    """μ^{[1]}, μ^{[2]} read as the means of layers 1 and 2; a mixture's means are μ_1, μ_2."""
    md = _md(GMM)
    assert r"\mu_{1}" in md and r"\mu_{2}" in md and r"\mu^{[1]}" not in md


# ---- a row repeated along its axis of one entry is a broadcast (issue 11) ----------------------

SE_GATE = "tests/specs_course/hn36_se_gate_column_mean_cn.toml"
SE_STEPS = (
    "p = torch.softmax(pooled @ Wc, dim=1)\n"
    "dpooled = (p - y) @ Wc.T\n"
    "dV = {rep} / L\n"
    "de = (dV * U).sum(dim=0, keepdim=True)\n"
    "dz = de * e * (1 - e)\n"
    "dW2 = torch.relu(s @ W1).T @ dz"
)


def test_the_se_gate_answer_agrees_with_pytorch() -> None:
    """The squeeze-and-excitation answer below, run in PyTorch float64 at random values of the
    spec's shapes (L = 4, C = 3, r = 2, K = 2), equals autograd's ∂loss/∂W2: the oracle of the
    verdicts that follow."""
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    g = torch.Generator().manual_seed(3)
    L, C, r, K = 4, 3, 2, 2
    U = torch.randn(L, C, generator=g, dtype=torch.float64)
    y = torch.tensor([[0.0, 1.0]], dtype=torch.float64)
    W1, W2, Wc = (torch.randn(*s, generator=g, dtype=torch.float64, requires_grad=True) for s in ((C, r), (r, C), (C, K)))
    s = U.mean(dim=0, keepdim=True)
    e = torch.sigmoid(torch.relu(s @ W1) @ W2)
    pooled = (U * e).mean(dim=0, keepdim=True)
    F.cross_entropy(pooled @ Wc, y).backward()
    with torch.no_grad():
        p = torch.softmax(pooled @ Wc, dim=1)
        dpooled = (p - y) @ Wc.T
        dV = dpooled.repeat(L, 1) / L
        de = (dV * U).sum(dim=0, keepdim=True)
        dz = de * e * (1 - e)
        assert torch.allclose(torch.relu(s @ W1).T @ dz, W2.grad)


@pytest.mark.parametrize(
    ("rep", "verdict"),
    [
        ("dpooled.repeat(L, 1)", "correct"),  # PyTorch's repeat is a tile
        ("torch.tile(dpooled, (L, 1))", "correct"),
        ("np.tile(dpooled, (L, 1))", "correct"),
        ("np.repeat(dpooled, L, axis=0)", "correct"),
        ("dpooled.repeat_interleave(L, dim=0)", "correct"),
        ("dpooled.expand(L, -1)", "correct"),
        ("dpooled.expand(L, C)", "correct"),
        ("dpooled.expand_as(U)", "correct"),
        ("np.broadcast_to(dpooled, U.shape)", "correct"),
        ("np.broadcast_to(dpooled, (L, C))", "correct"),
        ("dpooled.repeat(L, 1) * L", "incorrect"),
        ("np.tile(dpooled, (L, 1)) * 2", "incorrect"),
    ],
)
def test_a_row_repeated_over_the_rows(rep: str, verdict: str) -> None:
    """``.repeat``, ``np.tile``, ``np.repeat``, ``.expand``, ``np.broadcast_to`` of the pooled
    row's gradient were "the function … is not supported" (exit 2)."""
    assert _verdict(SE_GATE, "W2", SE_STEPS.format(rep=rep))[0] == verdict


def test_copies_stacked_along_an_axis_of_more_are_no_broadcast() -> None:
    """Repeating an axis that has more than one entry stacks copies (a larger array), which no
    broadcast reads: still refused, naming the call."""
    from derive.checker.check import FormulaError

    with pytest.raises(FormulaError, match="repeat"):
        _verdict(SE_GATE, "W2", SE_STEPS.format(rep="dpooled.repeat(L, 2)"))


# ---- JAX's jax.lax spellings in an answer, as the spec itself reads them (issue 11) ------------

RMS = "tests/specs_course/hn36_rmsnorm_swish_beta_jax_cn.toml"
RMS_STEPS = (
    "da = 2 * (a @ w_out - y) / batch @ w_out.T\n"
    "sig = {sig}(beta * h)\n"
    "dh = da * (sig + beta * h * sig * (1 - sig))\n"
    "dxn = dh @ w_in.T\n"
    "dscale = jnp.sum(dxn * x * {rsqrt}(ms + 1e-6), axis=0)"
)


def test_the_rmsnorm_answer_agrees_with_pytorch() -> None:
    """The answer below in PyTorch float64 (RMSNorm, Swish-β, a squared error) equals autograd's
    ∂loss/∂scale at random values of the spec's shapes."""
    torch = pytest.importorskip("torch")
    g = torch.Generator().manual_seed(5)
    B, d = 3, 4
    x, y = torch.randn(B, d, generator=g, dtype=torch.float64), torch.randn(B, 1, generator=g, dtype=torch.float64)
    scale, w_in, w_out = (torch.randn(*s, generator=g, dtype=torch.float64, requires_grad=True) for s in ((d,), (d, d), (d, 1)))
    beta = torch.tensor(0.7, dtype=torch.float64, requires_grad=True)
    ms = (x**2).mean(dim=-1, keepdim=True)
    h = x * torch.rsqrt(ms + 1e-6) * scale @ w_in
    a = h * torch.sigmoid(beta * h)
    ((a @ w_out - y) ** 2).mean().backward()
    with torch.no_grad():
        da = 2 * (a @ w_out - y) / B @ w_out.T
        sig = torch.sigmoid(beta * h)
        dxn = da * (sig + beta * h * sig * (1 - sig)) @ w_in.T
        assert torch.allclose((dxn * x * torch.rsqrt(ms + 1e-6)).sum(dim=0), scale.grad)


@pytest.mark.parametrize(
    ("sig", "rsqrt", "verdict"),
    [
        ("jax.lax.logistic", "jax.lax.rsqrt", "correct"),
        ("jax.nn.sigmoid", "lax.rsqrt", "correct"),
        ("jax.nn.sigmoid", "1 / jax.lax.sqrt", "correct"),
        ("jax.lax.logistic", "jax.lax.sqrt", "incorrect"),
    ],
)
def test_jax_lax_functions_in_an_answer(sig: str, rsqrt: str, verdict: str) -> None:
    """``jax.lax.rsqrt`` (the spec's own spelling) was "not supported in a formula" (exit 2)."""
    assert _verdict(RMS, "scale", RMS_STEPS.format(sig=sig, rsqrt=rsqrt))[0] == verdict


# ---- column-major weights are weights (issue 12) ------------------------------------------------

NG_COLUMNS = """# Column-major MLP (Ng's notation): leaky ReLU hidden layer, softmax output
[dims]
n_x = 3
n_h = 4
n_y = 3
m = 2
[inputs]
X = ["n_x", "m"]
Y = ["n_y", "m"]
[params]
W1 = ["n_h", "n_x"]
b1 = ["n_h", 1]
W2 = ["n_y", "n_h"]
b2 = ["n_y", 1]
[forward]
Z1 = "np.dot(W1, X) + b1"
A1 = "np.maximum(0.01 * Z1, Z1)"
Z2 = "np.dot(W2, A1) + b2"
A2 = "np.exp(Z2) / np.sum(np.exp(Z2), axis=0, keepdims=True)"
cost = "-np.sum(Y * np.log(A2)) / m"
[values]
X = [[1.0, -0.5], [0.2, 0.8], [-1.0, 0.3]]
Y = [[1, 0], [0, 0], [0, 1]]
W1 = [[0.1, -0.2, 0.3], [0.4, 0.1, -0.1], [-0.3, 0.2, 0.2], [0.2, 0.3, -0.4]]
b1 = [[0.0], [0.1], [-0.1], [0.05]]
W2 = [[0.2, -0.1, 0.3, 0.1], [-0.2, 0.4, 0.1, 0.0], [0.1, 0.1, -0.3, 0.2]]
b2 = [[0.0], [0.0], [0.0]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_column_major_weights_are_called_weights(lang: str) -> None:
    """In Z2 = W2 A1 (a column per example) the handout said "each entry of W2 collects … — the
    rule of a layer's input, with A1 in the place of the weights", and of A1 "the rule of a
    layer's weights, with A1 in the place of the weights": the roles read backwards."""
    words = "\n".join(line for line in _md(NG_COLUMNS, lang).splitlines() if line.startswith(("**In words", "**这一步")))
    if lang == "en":
        assert "in the place of the weights" not in words
        assert r"$W^{[2]}$ multiplies $A^{[1]}$ from the left (column-major: one column per example)" in words
        assert r"summed over the $m$ columns (examples): $\delta_{Z^{[2]}} \thinspace A^{[1]\top}$" in words
        assert r"Blame flows back through the weights $W^{[2]}$ to $A^{[1]}$" in words
    else:
        assert "处在权重的位置上" not in words and "代替了权重" not in words and "列优先，每一列是一个样本" in words
        assert r"责任经由权重 $W^{[2]}$ 传回 $A^{[1]}$" in words


# ---- a column raised to an arange keeps its rows' size name (issue 9) ---------------------------


def test_polynomial_features_keep_the_batch_size_name() -> None:
    """d2l's ``np.power(features, np.arange(4).reshape(1, -1))`` wrote its x ** 0 column as
    ``np.ones((5, 1))``: every later shape lost the name n, the handout's mean divided by 5 and a
    right ``/ n`` answer was "right only at the example's sizes" (heldcheck37's c37-186/188/191)."""
    from derive.engine.graph import build
    from derive.lang import spec

    from pathlib import Path

    g = build(spec.parse(Path("tests/specs_course/hn30_d2l_poly_power_arange.toml").read_text()))
    assert [getattr(d, "label", None) for d in g.tensors["l"].shape] == ["n", None]
    spelled = "dw = np.dot(poly_features.T, y_hat - labels[:, None]) / n"
    assert _verdict("tests/specs_course/hn30_d2l_poly_power_arange.toml", "w", spelled) == ("correct", None)
