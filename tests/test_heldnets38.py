"""Branch heldnets38 (issue 9's held-out course networks, pass 38 of the specs, hn38_*): what the
first pass of 15 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the specs that showed them:

- REINFORCE's return standardisation ``(returns - returns.mean()) / (returns.std() + 1e-9)`` of a
  1-D ``returns`` verified ✓ with the wrong numbers (a wrong ✓ the oracle caught): PyTorch's
  unbiased ``std()``/``var()`` over all entries divided by ``x.shape[0] * x.shape[1] - 1``, and
  ``shape[1]`` of a 1-D vector read as its length again (T·T − 1 instead of T − 1);
- PPO's ``log_probs.gather(-1, act.long().unsqueeze(-1))`` (CleanRL) was refused: an integer
  cast of class labels where they are read as class indices (a gather's index, a cross-entropy's
  target, an index, ``one_hot``, ``log_prob`` …) is the labels themselves;
- a 1-D convolution written as im2col, ``x.unfold(1, 3, 1) @ w``, was "the method .unfold() is
  not one derive reads": it is the sum of the shifted slices; a width that is a [dims] size, a
  stride other than 1 and any other use of the windows (a 3-D tensor) are refused in one line;
- ``Categorical(logits=z).sample()`` in a forward pass said "give the noise as an input (x = mu
  + sigma * eps)", a continuous reparametrisation: it now asks for the sampled actions as input;
- the oracle could not run TensorFlow's ``tf.acos``/``tf.cos`` (ArcFace), ``tf.reshape``,
  ``tf.pow`` and ``tf.split(z, num_or_size_splits=4, axis=1)`` (derive read them)."""

from __future__ import annotations

import pytest
from test_heldnets21 import _both, _refusal

torch = pytest.importorskip("torch")


# ---- std/var of a 1-D tensor over all its entries: T − 1, not T·T − 1 ------------------------------

_RETURNS = """
[dims]
T = {t}
d = 3
[inputs]
S = ["T", "d"]
G = ["T"]
[params]
w = ["d"]
[forward]
{lines}
[values]
G = {g}
"""


@pytest.mark.parametrize(
    "lines",
    [
        'R = "(G - G.mean()) / (G.std() + 1e-9)"\nloss = "-(torch.tanh(S @ w) * R).sum()"',
        'loss = "(torch.sigmoid(S @ w) * torch.std(G)).sum()"',
        'loss = "torch.sum(torch.tanh(S @ w) * (G - G.mean()) / torch.sqrt(torch.var(G)))"',
        'loss = "np.sum(np.tanh(S @ w) * G / np.std(G, ddof=1))"',
        'loss = "np.sum(np.tanh(S @ w) * G / np.var(G, ddof=1))"',
    ],
    ids=["reinforce-standardised", "torch-std", "torch-var", "np-std-ddof1", "np-var-ddof1"],
)
@pytest.mark.parametrize("t", [4, 6])
def test_std_and_var_of_a_1d_tensor_divide_by_its_length(lines: str, t: int) -> None:
    g = [round(0.9 * i - 0.4 * i * i + 1.3, 3) for i in range(t)]
    _both(_RETURNS.format(t=t, g=g, lines=lines), "std-1d")


def test_std_of_a_matrix_over_all_entries_still_reads() -> None:
    # a guard: the matrix's m·n − 1 was right before
    lines = 'H = "S * S"\nloss = "(S @ w).sum() / torch.std(H) + torch.var(H)"'
    _both(_RETURNS.format(t=4, g=[1.0, 2.5, 0.5, 3.0], lines=lines), "std-2d")


# ---- integer casts of class labels -------------------------------------------------------------

_LABELS = """
[dims]
N = 4
d = 3
C = 3
[inputs]
X = ["N", "d"]
y = ["N"]
[params]
W = ["d", "C"]
[forward]
{lines}
[values]
X = [[0.5, -1.2, 0.3], [1.1, 0.4, -0.7], [-0.3, 0.9, 1.2], [0.8, -0.1, -0.6]]
y = [2, 0, 1, 2]
"""


@pytest.mark.parametrize(
    "lines",
    [
        'lp = "torch.log_softmax(X @ W, dim=-1)"\n'
        'loss = "-lp.gather(-1, y.long().unsqueeze(-1)).squeeze(-1).mean()"',
        'lp = "F.log_softmax(X @ W, dim=1)"\nloss = "-lp.gather(1, y.unsqueeze(1).long()).sum()"',
        'loss = "F.cross_entropy(X @ W, y.long())"',
        'loss = "nn.CrossEntropyLoss()(X @ W, y.type(torch.LongTensor))"',
        'lp = "F.log_softmax(X @ W, dim=1)"\nloss = "F.nll_loss(lp, target=y.to(torch.int64))"',
        'z = "X @ W"\nloss = "(torch.logsumexp(z, dim=1) - z[torch.arange(N), y.long()]).mean()"',
        'loss = "-torch.distributions.Categorical(logits=X @ W).log_prob(y.long()).mean()"',
        'loss = "((torch.softmax(X @ W, 1) - F.one_hot(y.long(), num_classes=C).float()) ** 2).sum()"',
        'P = "np.exp(X @ W) / np.sum(np.exp(X @ W), axis=1, keepdims=True)"\n'
        'loss = "-np.mean(np.log(np.take_along_axis(P, y.astype(np.int64)[:, None], axis=1)))"',
    ],
    ids=[
        "gather-long-unsqueeze", "gather-unsqueeze-long", "cross-entropy", "module-type",
        "nll-to-int64", "arange-index", "categorical-log-prob", "one-hot", "numpy-astype",
    ],
)
def test_an_integer_cast_of_class_labels_is_the_labels(lines: str) -> None:
    _both(_LABELS.format(lines=lines), "label-cast")


def test_an_integer_cast_in_arithmetic_stays_refused() -> None:
    # truncation of the numbers is no identity there: not read, as before
    text = _LABELS.format(lines='loss = "((X @ W).sum(1) * y.long()).sum()"')
    for lang in ("en", "zh"):
        assert ".long()" in _refusal(text, lang)


# ---- a 1-D convolution as im2col: x.unfold(1, k, 1) @ w ------------------------------------------

_CONV = """
[dims]
B = 2
L = {length}
[inputs]
x = ["B", "L"]
t = ["B", {out}]
[params]
w = [{k}]
c = []
[forward]
{lines}
"""


@pytest.mark.parametrize(
    ("length", "k", "lines"),
    [
        (5, 2, 'win = "x.unfold(1, 2, 1)"\nh = "torch.tanh(win @ w + c)"\nloss = "((h - t) ** 2).mean()"'),
        (6, 3, 'h = "torch.matmul(x.unfold(dimension=1, size=3, step=1), w)"\n'
               'loss = "F.mse_loss(torch.sigmoid(h + c), t)"'),
        (4, 4, 'h = "x.unfold(-1, 4, 1) @ w"\nloss = "((h + c - t) ** 2).sum()"'),
        (7, 3, 'win = "x.unfold(1, 3, 1)"\nh = "torch.relu(win @ w + c)"\n'
               'loss = "((h.mean(dim=1) - t[:, 0]) ** 2).sum()"'),
    ],
    ids=["two-taps", "matmul-keywords", "one-window", "mean-pool"],
)
def test_unfold_matmul_is_a_1d_convolution(length: int, k: int, lines: str) -> None:
    _both(_CONV.format(length=length, k=k, out=length - k + 1, lines=lines), "im2col")


def test_unfold_of_a_dims_width_is_refused_naming_it() -> None:
    text = _CONV.format(length=6, k='"K"', out=4, lines='h = "x.unfold(1, K, 1) @ w"\nloss = "((h - t) ** 2).sum()"')
    text = text.replace("L = 6\n", "L = 6\nK = 3\n")
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "x.unfold(1, K, 1)" in en and "[dims] size" in en and "x.unfold(1, 3, 1) @ w" in en
    assert "x.unfold(1, K, 1)" in zh and "[dims]" in zh and "窗口宽度" in zh


@pytest.mark.parametrize(
    "lines",
    [
        'win = "x.unfold(1, 3, 1)"\nloss = "(win.sum(-1) * w[0]).sum() + c"',
        'h = "x.unfold(1, 3, 2) @ w"\nloss = "(h ** 2).sum() + c"',
        'h = "x.unfold(1, 2, 1) @ w"\nloss = "(h ** 2).sum() + c"',
    ],
    ids=["other-use", "stride-2", "kernel-width-differs"],
)
def test_other_uses_of_unfold_are_refused_in_one_line(lines: str) -> None:
    text = _CONV.format(length=6, k=3, out=4, lines=lines)
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert "3-D tensor of sliding windows" in en and "windows @ w" in en
    assert "三维张量" in zh and "\n" not in en.strip()


# ---- a discrete sample in the forward pass ------------------------------------------------------


@pytest.mark.parametrize("kind", ["Categorical(logits=X @ W)", "Bernoulli(logits=X @ W)"])
def test_a_categorical_sample_asks_for_the_drawn_values_as_input(kind: str) -> None:
    lines = f'a = "torch.distributions.{kind}.sample()"\nloss = "(a * X @ W).sum()"'
    text = _LABELS.format(lines=lines)
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert ".sample() draws classes at random" in en and "as an input" in en
    assert "mu + sigma" not in en and "作为输入给出" in zh


# ---- the oracle runs TensorFlow's spellings derive reads ----------------------------------------

_TF = """
[dims]
n = 3
d = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", "4*d"]
v = ["d", 1]
[forward]
{lines}
[values]
x = [[0.4, -0.9], [1.2, 0.3], [-0.5, 0.7]]
"""


@pytest.mark.parametrize(
    "lines",
    [
        '"a, b, c, e" = "tf.split(tf.matmul(x, W), num_or_size_splits=4, axis=1)"\n'
        'loss = "tf.reduce_mean(tf.square(tf.matmul(tf.sigmoid(a) * tf.tanh(c + b - e), v) - y))"',
        'h = "tf.clip_by_value(tf.tanh(tf.matmul(x, W)), -0.9, 0.9)"\n'
        'loss = "tf.reduce_sum(tf.cos(tf.acos(h) + 0.2)) + tf.reduce_sum(tf.square(v))"',
        'q = "tf.sigmoid(tf.matmul(x, v))"\np = "tf.reshape(q, [-1])"\n'
        'loss = "tf.pow(1.0 - tf.reduce_sum(p) / 3.0, 0.75) + tf.reduce_sum(tf.square(W))"',
    ],
    ids=["split-keyword", "acos-cos", "reshape-pow"],
)
def test_the_oracle_runs_tensorflow_trig_split_reshape(lines: str) -> None:
    _both(_TF.format(lines=lines), "tf-oracle")


# ---- the handout of a pick from a name with a subscript parses in KaTeX -------------------------


@pytest.mark.parametrize("name", ["q_values", "logits_a", "P_hat"])
def test_a_pick_of_a_subscripted_name_is_no_double_subscript(name: str, tmp_path) -> None:
    # DQN's q_values.gather(1, action.unsqueeze(1)) printed q_{\text{values}}_{i, action_i}
    from click.testing import CliRunner
    from katex_oracle import OracleMissing, check_markdown

    from derive.cli import main

    text = _LABELS.format(
        lines=f'{name} = "torch.tanh(X @ W)"\n'
        f'loss = "((({name}.gather(1, y.unsqueeze(1))) - 0.5) ** 2).mean()"'
    )
    path = tmp_path / "pick.toml"
    path.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(main, ["build", str(path), "-f", "md", "--lang", "en", "-o", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    md = list((tmp_path / "out").rglob("*.md"))
    assert md
    try:
        for p in md:
            assert check_markdown(p.read_text(encoding="utf-8")) == [], p
    except OracleMissing as err:
        pytest.skip(err.reason)


# ---- library calls on 3-D tensors: a sentence saying what to write -----------------------------


@pytest.mark.parametrize(
    ("call", "said"),
    [
        ("F.instance_norm(X @ W)", "instance_norm() normalises a 3-D input"),
        ("F.bilinear(X, X, W)", "bilinear(x1, x2, A) takes a 3-D weight"),
        ("torch.nn.functional.conv1d(X, W)", "conv1d() takes a 3-D input"),
    ],
    ids=["instance-norm", "bilinear", "conv1d"],
)
def test_a_3d_library_call_says_what_to_write(call: str, said: str) -> None:
    text = _LABELS.format(lines=f'h = "{call}"\nloss = "h.sum()"')
    en, zh = _refusal(text, "en"), _refusal(text, "zh")
    assert said in en and "unknown function" not in en and "三维张量" in zh


def test_the_instance_norm_written_out_is_pytorchs() -> None:
    # the refusal's suggestion for one channel: F.instance_norm of x[:, None, :] (PyTorch) ...
    x = torch.tensor([[0.3, -1.2, 0.8, 2.0], [1.1, 0.4, -0.5, 0.9]], dtype=torch.float64)
    mine = (x - x.mean(1, keepdim=True)) / torch.sqrt(x.var(1, unbiased=False, keepdim=True) + 1e-5)
    theirs = torch.nn.functional.instance_norm(x[:, None, :], eps=1e-5)[:, 0, :]
    assert torch.allclose(mine, theirs, rtol=1e-12, atol=1e-12)
    # ... and derive reads it (its gradients agree with PyTorch running the text)
    lines = (
        'z = "X @ W"\n'
        'h = "(z - z.mean(1, keepdim=True)) / torch.sqrt(z.var(1, unbiased=False, keepdim=True) + 1e-5)"\n'
        'loss = "(h * torch.tanh(z)).sum()"'
    )
    _both(_LABELS.format(lines=lines), "instance-norm-written")
