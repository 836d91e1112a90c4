"""Handouts a lecturer hands out unchanged, pass 22 (issues 12 and 9): the page counts of the
long course handouts and handread21's leftovers. Twin steps that read different blocks of one
tensor (a group's statistics from its own columns of a concatenation, a group's slice of the
features) are written compactly as the step above with the names and the block replaced, as a
layer's repeat is, rather than worked out again in full. Each asserted on built text (Markdown en
and zh) of specs written here (held out), the numbers checked against PyTorch float64."""

from __future__ import annotations

import functools
import re

import pytest
import torch

# held out: the features split into two halves, each scaled by its own root mean square,
# joined again by a concatenation, a linear head and a mean squared error
HALVES = """
[network]
name = "two-halves-rms"
[dims]
n = 2
d = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", 4]
v = [4, 1]
[forward]
h = "x @ W"
left = "h[:, 0:2]"
right = "h[:, 2:4]"
ml = "(left * left).mean(dim=1, keepdim=True)"
mr = "(right * right).mean(dim=1, keepdim=True)"
z = "torch.cat([left / torch.sqrt(ml + 1), right / torch.sqrt(mr + 1)], dim=1)"
L = "((z @ v - y) ** 2).mean()"
[values]
x = [[1, -0.5], [0.3, 0.8]]
y = [[0.5], [-1]]
W = [[0.2, -0.1, 0.4, 0.3], [-0.5, 0.1, 0.3, -0.2]]
v = [[0.7], [-0.4], [0.2], [0.5]]
"""


def _derivation(source: str):
    from derive.engine.backprop import derive
    from derive.lang import spec

    return derive(spec.parse(source))


@functools.cache
def _built(source: str, template: str, lang: str, detail: str = "standard") -> str:
    from derive.numeric import verify as numeric
    from derive.render import environment as render
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = _derivation(source)
    w = build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail=detail)
    return render.render(template, w, lang)


def _md(source: str, lang: str, detail: str = "standard") -> str:
    return _built(source, "md/walkthrough.md.j2", lang, detail)


def _section(md: str, heading: str) -> str:
    """The section of ``md`` whose ``###`` heading ends with ``heading``."""
    for part in md.split("\n### ")[1:]:
        if part.split("\n", 1)[0].endswith(heading):
            return part
    raise AssertionError(f"no section {heading!r}")


def _column(section: str) -> list[float]:
    """The last column vector of numbers shown in ``section``."""
    body = re.findall(r"\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}", section)[-1]
    return [float(x.replace("−", "-")) for x in re.split(r"\\\\", body)]


def _halves_grads() -> dict[str, torch.Tensor]:
    """δml and δmr of HALVES by PyTorch float64 autograd (written out here from its lines)."""
    t = functools.partial(torch.tensor, dtype=torch.float64)
    x, y = t([[1, -0.5], [0.3, 0.8]]), t([[0.5], [-1]])
    W = t([[0.2, -0.1, 0.4, 0.3], [-0.5, 0.1, 0.3, -0.2]]).requires_grad_()
    v = t([[0.7], [-0.4], [0.2], [0.5]])
    h = x @ W
    left, right = h[:, 0:2], h[:, 2:4]
    ml = (left * left).mean(dim=1, keepdim=True)
    mr = (right * right).mean(dim=1, keepdim=True)
    ml.retain_grad()
    mr.retain_grad()
    z = torch.cat([left / torch.sqrt(ml + 1), right / torch.sqrt(mr + 1)], dim=1)
    ((z @ v - y) ** 2).mean().backward()
    return {"ml": ml.grad, "mr": mr.grad}


# ---- (A) twin steps on different blocks: compact, as a layer's repeat -------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_twin_step_on_another_block_is_the_step_above_again(lang: str) -> None:
    """δml is δmr with mr → ml, right → left and the first block of δz's columns for the last:
    before this pass it was written out again in full (its "in words", a hand working), as the
    course group norm's three pairs of group steps were (10 pages in English; 9 now)."""
    md = _md(HALVES, lang)
    first, second = _section(md, "\\delta_{\\mathrm{mr}}$"), _section(md, "\\delta_{\\mathrm{ml}}$")
    assert ("**In words.**" in first or "**这一步" in first) and "\\mathrm{mr}_{1}" in first
    lead = second.split("\n\n")[1]
    assert lead.startswith(("**Step 3.", "**第 3.")), lead
    blocks = "\\operatorname{cols}_{3 \\ldots 4}\\left(\\cdot\\right) \\to \\operatorname{cols}_{1 \\ldots 2}\\left(\\cdot\\right)"
    assert blocks in lead and "\\mathrm{mr} \\to \\mathrm{ml}" in lead
    assert "**In words.**" not in second and "\\mathrm{ml}_{1}" not in second  # no hand working
    # its equation and numbers stay, the numbers PyTorch's
    assert "\\delta_{\\mathrm{ml}} = " in second
    grads = _halves_grads()
    for name, section in (("mr", first), ("ml", second)):
        assert _column(section) == pytest.approx(grads[name].flatten().tolist(), abs=1e-7)


def test_full_detail_keeps_the_twin_step_in_full() -> None:
    second = _section(_md(HALVES, "en", "full"), "\\delta_{\\mathrm{ml}}$")
    assert "again" not in second and "\\mathrm{ml}_{1}" in second


# ---- (B) derive-made names of a group norm's groups ------------------------------------------

# held out: 6 features centred in 3 groups of 2 by a reshape, as Wu & He's code writes it
GROUPS = """
[network]
name = "centred-groups"
[dims]
n = 2
d = 2
[inputs]
x = ["n", "d"]
y = ["n", 1]
[params]
W = ["d", 6]
v = [6, 1]
[forward]
h = "x @ W"
hg = "h.reshape(2, 3, 2)"
mu = "hg.mean(dim=-1, keepdim=True)"
hc = "(hg - mu).reshape(2, 6)"
L = "((torch.tanh(hc) @ v - y) ** 2).mean()"
[values]
x = [[1, -0.5], [0.3, 0.8]]
y = [[0.5], [-1]]
W = [[0.2, -0.1, 0.4, 0.3, 0.6, -0.3], [-0.5, 0.1, 0.3, -0.2, 0.2, 0.7]]
v = [[0.7], [-0.4], [0.2], [0.5], [-0.6], [0.3]]
"""


def _matrix(section: str) -> list[list[float]]:
    """The last matrix of numbers shown in ``section``, by rows."""
    body = re.findall(r"\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}", section)[-1]
    return [[float(x) for x in row.split("&")] for row in re.split(r"\\\\", body)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_groups_of_a_reshape_are_numbered_from_one(lang: str) -> None:
    """The blocks of ``h.reshape(2, 3, 2)`` were named ``hg_g0``, ``hg_g1``, ``hg_g2`` (printed
    \\mathrm{hg\\_g0}, groups from 0); a lecturer writes hg₁, hg₂, hg₃."""
    md = _md(GROUPS, lang)
    assert "\\_g0" not in md and "\\_g1" not in md
    for j in (1, 2, 3):
        assert f"\\mathrm{{hg}}_{{{j}}}" in md and f"\\mu_{{{j}}}" in md
    t = functools.partial(torch.tensor, dtype=torch.float64)
    x, y = t([[1, -0.5], [0.3, 0.8]]), t([[0.5], [-1]])
    W = t([[0.2, -0.1, 0.4, 0.3, 0.6, -0.3], [-0.5, 0.1, 0.3, -0.2, 0.2, 0.7]]).requires_grad_()
    v = t([[0.7], [-0.4], [0.2], [0.5], [-0.6], [0.3]])
    hg = (x @ W).reshape(2, 3, 2)
    hc = (hg - hg.mean(dim=-1, keepdim=True)).reshape(2, 6)
    ((torch.tanh(hc) @ v - y) ** 2).mean().backward()
    shown = _matrix(_section(md, "\\frac{\\partial L}{\\partial W}$"))
    assert sum(shown, []) == pytest.approx(W.grad.flatten().tolist(), abs=1e-7)


def test_a_group_name_the_spec_uses_keeps_the_old_names() -> None:
    """A spec with its own ``hg2`` line: the groups fall back to ``hg_g0``… (no clash)."""
    md = _md(GROUPS.replace('L = "', 'hg2 = "h * 2"\nL = "0 * hg2.sum() + '), "en")
    assert "\\mathrm{hg\\_g0}" in md


# ---- (B) the heading of a cross-entropy written out ------------------------------------------

# held out: a quiz's classifier, its softmax and cross-entropy written out by hand
WRITTEN_CE = """
[network]
name = "quiz-written-ce"
[dims]
m = 2
[inputs]
X = ["m", 2]
Y = ["m", 3]
[params]
W = [2, 3]
[forward]
s = "X @ W"
e = "np.exp(s)"
p = "e / np.sum(e, axis=1, keepdims=True)"
L = "-np.sum(Y * np.log(p)) / m"
[values]
X = [[1, -0.5], [0.3, 0.8]]
Y = [[1, 0, 0], [0, 0, 1]]
W = [[0.2, -0.1, 0.4], [-0.5, 0.1, 0.3]]
"""


def test_a_cross_entropy_written_out_is_named_in_the_heading() -> None:
    """−Σ Y log p / m over a softmax written out: the heading said "a loss written as a formula"
    / 「采用自定义损失的网络」 (quiz3 of handread20); the engine proves it a cross-entropy
    (δs = (p − Y)/m), so the heading names one. With a penalty in the loss's line it stays a
    formula (the loss is no longer the cross-entropy alone)."""
    assert _md(WRITTEN_CE, "en").startswith("# A network with a cross-entropy loss and one")
    assert _md(WRITTEN_CE, "zh").startswith("# 采用交叉熵损失的网络")
    penalised = WRITTEN_CE.replace("/ m\"", "/ m + 0.01 * np.sum(W * W)\"")
    assert "a loss written as a formula" in _md(penalised, "en").split("\n", 1)[0]
    zh = _md(penalised, "zh").split("\n", 1)[0]
    assert "显式写出的损失" in zh and "自定义" not in zh


# ---- (B) a negative numerator in a hand calculation ------------------------------------------

# held out: a softmax written out through its partition function, the quiz's cross-entropy
PARTITION = """
[network]
name = "quiz-partition"
[dims]
m = 2
[inputs]
X = ["m", 2]
Y = ["m", 3]
[params]
W = [2, 3]
[forward]
e = "np.exp(X @ W)"
part = "e.sum(axis=1, keepdims=True)"
p = "e / part"
L = "-np.sum(Y * np.log(p)) / m"
[values]
X = [[1, -0.5], [0.3, 0.8]]
Y = [[0, 1, 0], [0, 0, 1]]
W = [[0.2, -0.1, 0.4], [-0.5, 0.1, 0.3]]
"""

NEG_FRAC = re.compile(r"\\frac\{-[0-9.]")
SIGNED_FRAC = re.compile(r"[-+] \\frac\{[0-9.]+\}\{[0-9.]+\}")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_negative_numerator_is_written_as_a_sign_in_front(lang: str) -> None:
    """δe = δpart + δp / part at the example: the hand calculation read "0.0322398 +
    \\frac{-4.1869175}{7.7543900}" (handread19, D2L's softmax from scratch); a lecturer writes
    "0.0322398 − \\frac{4.1869175}{7.7543900}". The value after it is PyTorch's."""
    md = _md(PARTITION, lang)
    section = _section(md, "\\delta_{e}$")
    assert not NEG_FRAC.search(md)
    assert SIGNED_FRAC.search(section)
    t = functools.partial(torch.tensor, dtype=torch.float64)
    X, Y = t([[1, -0.5], [0.3, 0.8]]), t([[0, 1, 0], [0, 0, 1]])
    W = t([[0.2, -0.1, 0.4], [-0.5, 0.1, 0.3]]).requires_grad_()
    e = torch.exp(X @ W)
    e.retain_grad()
    (-(Y * torch.log(e / e.sum(dim=1, keepdim=True))).sum() / 2).backward()
    assert sum(_matrix(section), []) == pytest.approx(e.grad.flatten().tolist(), abs=1e-7)


# ---- (B) a formula too wide for a sentence, said again ---------------------------------------

# held out: two users' and items' embeddings joined through one ReLU layer, a linear head on
# the layer and the raw embeddings' product, a squared error
JOINED = """
[network]
name = "joined-embeddings"
[dims]
batch = 2
users = 2
items = 3
k = 2
[inputs]
user = { shape = ["batch", "users"], kind = "one-hot" }
item = { shape = ["batch", "items"], kind = "one-hot" }
rating = ["batch", 1]
[params]
P_user = ["users", "k"]
Q_item = ["items", "k"]
W_join = ["2*k", "k"]
b_join = ["k"]
v_head = ["2*k", 1]
[forward]
prod = "(user @ P_user) * (item @ Q_item)"
joined = "torch.relu(torch.cat([user @ P_user, item @ Q_item], dim=1) @ W_join + b_join)"
out = "torch.cat((prod, joined), dim=1) @ v_head"
loss = "((out - rating) ** 2).mean()"
[values]
user = [[1, 0], [0, 1]]
item = [[0, 1, 0], [1, 0, 0]]
rating = [[1.0], [0.0]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_wide_formula_said_again_is_not_named_as_itself(lang: str) -> None:
    """NeuMF's ∂loss/∂W_mlp said "As for h_out: … summed over the batch rows — ∂loss/∂W_mlp.
    Again written out in rows below." (the gradient said to be itself, then "Again"); the
    short form now ends the sentence and points at the rows below, once."""
    from derive.locale.catalog import catalogue

    md = _md(JOINED, lang)
    again = catalogue(lang)["handout_intuition"]["formula.below.again"]
    assert again not in md
    words = [line for line in md.splitlines() if line.startswith(("**In words.**", "**这一步"))]
    pointer = "too long for a sentence, is written out in rows below" if lang == "en" else "下面分行写出"
    pointed = [line for line in words if pointer in line]
    assert pointed
    for line in pointed:  # no sentence names the section's own gradient as its formula
        assert not re.search(r"— \$\\frac\{\\partial \\mathrm\{loss\}\}\{\\partial [^$]*\}\$\.", line)
        assert not re.search(r"即 \$\\frac\{\\partial \\mathrm\{loss\}\}\{\\partial [^$]*\}\$。", line)


# ---- (A) the common mistakes of a long handout: one row of a tall gradient --------------------

# held out: a tanh layer of three inputs, a linear output, a mean squared error
TALL = """
[network]
name = "tall-first-layer"
[dims]
n = 2
[inputs]
x = ["n", 3]
y = ["n", 1]
[params]
W1 = [3, 2]
w2 = [2, 1]
[forward]
h = "torch.tanh(x @ W1)"
L = "((h @ w2 - y) ** 2).mean()"
[values]
x = [[1, -0.5, 0.2], [0.3, 0.8, -1]]
y = [[0.5], [-1]]
W1 = [[0.2, -0.1], [0.4, 0.3], [-0.5, 0.1]]
w2 = [[0.7], [-0.4]]
"""


def _mistakes(md: str) -> str:
    return md.rsplit("\n### ", 1)[1]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_mistakes_show_one_row_of_a_tall_gradient(lang: str) -> None:
    """∂L/∂W1 is 3 × 2: each slip re-displayed the whole matrix (DeepFM's 5 × 2 five times, the
    TFT block's 3 × 3 four times); a handout now shows one row of each, the same row throughout,
    labelled (·)_{r,:}, the body saying so; the numbers are PyTorch's (the averaging factor's
    "no 1/n" row is n times the gradient's row)."""
    section = _mistakes(_md(TALL, lang))
    assert section.startswith(("7.", "7."))
    shown = re.findall(r"\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}", section)
    assert shown and all(body.count("\\\\") < 2 for body in shown)  # no matrix of 3 rows
    rows = set(re.findall(r"\\right\)_\{(\d),:\}", section))
    assert len(rows) == 1
    r = int(rows.pop()) - 1
    t = functools.partial(torch.tensor, dtype=torch.float64)
    x, y = t([[1, -0.5, 0.2], [0.3, 0.8, -1]]), t([[0.5], [-1]])
    W1 = t([[0.2, -0.1], [0.4, 0.3], [-0.5, 0.1]]).requires_grad_()
    w2 = t([[0.7], [-0.4]])
    ((torch.tanh(x @ W1) @ w2 - y) ** 2).mean().backward()
    no_m = next(b for b in re.findall(r"\\text\{(?:no|不含)\}.*?\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}", section))
    assert [float(v) for v in no_m.split("&")] == pytest.approx((2 * W1.grad[r]).tolist(), abs=1e-6)


def test_full_detail_keeps_the_whole_matrices_in_the_mistakes() -> None:
    section = _mistakes(_md(TALL, "en", "full"))
    assert "_{1,:}" not in section and "_{2,:}" not in section and "_{3,:}" not in section
    assert any(body.count("\\\\") == 2 for body in re.findall(r"\\begin\{bmatrix\}(.*?)\\end\{bmatrix\}", section))
