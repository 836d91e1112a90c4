"""Handouts a lecturer hands out unchanged, pass 32 (issue 12): one wording for one situation,
sentences that hold on the network read, and one gradient written once.

Found reading minLSTM, the ring loss, the contrastive-center loss and DeepFM (course specs); the
specs below are written here (held out), other names and sizes:

- a recurrence's gate weights (read at every step, but no use of them depends on another) were
  "the same parameter in each place" beside the state weight's "the same parameter at every
  step"; a gate that is also a term of a divisor (``a / (a + b)``) was not said to sit in it;
- a scalar parameter broadcast over the rows of a reduced node (``mean((‖z‖ − ρ)²)``) was
  "summed over the 1 rows"; a zero start whose gradient is 0/0 (a row length of 0) said "only
  W can change";
- a term only in a divisor (``a / (b + 1)``) was "inside a sum that is then multiplied";
- a squared distance's broadcast summand was named as ``2 h Pᵀ`` (not broadcast) instead of
  ``(P² 𝟙)ᵀ``;
- three terms of one sum under σ + BCE had the same δ written out three times in full."""

from __future__ import annotations

import re

from test_handread25 import _md, _section

# held out: two steps of a recurrence whose gates are normalised (minLSTM's form, other names)
NORMGATE = """
[network]
name = "held-normgate-two-steps"
[dims]
N = 2
D = 2
H = 3
[inputs]
u1 = ["N", "D"]
u2 = ["N", "D"]
y = ["N", "H"]
[params]
Wa = ["D", "H"]
Wb = ["D", "H"]
Wc = ["D", "H"]
[forward]
a1 = "1 / (1 + np.exp(-(u1 @ Wa)))"
b1 = "1 / (1 + np.exp(-(u1 @ Wb)))"
s1 = "b1 / (a1 + b1) * np.tanh(u1 @ Wc)"
a2 = "1 / (1 + np.exp(-(u2 @ Wa)))"
b2 = "1 / (1 + np.exp(-(u2 @ Wb)))"
s2 = "a2 / (a2 + b2) * s1 + b2 / (a2 + b2) * np.tanh(u2 @ Wc)"
loss = "np.mean((s2 - y) ** 2)"
"""

# guard: a head V read side by side by two inputs, beside a recurrence (W_h at every step):
# V's uses feed no step of W_h, they are not steps
SIDE = """
[network]
name = "held-side-by-side-head"
[dims]
N = 3
D = 2
H = 2
[inputs]
u1 = ["N", "D"]
u2 = ["N", "D"]
y = ["N", "H"]
[params]
Wx = ["D", "H"]
Wh = ["H", "H"]
V = ["D", "H"]
[forward]
h1 = "torch.tanh(u1 @ Wx)"
h2 = "torch.tanh(u2 @ Wx + h1 @ Wh)"
o1 = "u1 @ V"
o2 = "u2 @ V"
loss = "F.mse_loss(h2 + o1 * o2, y)"
"""

# held out: a hidden ReLU layer, a regression head and a learned radius for the rows' lengths
RADIUS = """[network]
name = "held-radius-penalty"
[dims]
N = 4
d = 3
f = 2
k = 2
[inputs]
x = ["N", "d"]
Y = ["N", "k"]
[params]
W1 = ["d", "f"]
W2 = ["f", "k"]
rho = []
[constants]
mu = 0.1
[forward]
z = "torch.relu(x @ W1)"
out = "z @ W2"
r = "torch.sqrt((z ** 2).sum(dim=1, keepdim=True))"
pen = "torch.mean((r - rho) ** 2) / 2"
loss = "F.cross_entropy(out, Y) + mu * pen"
[values]
x = [[1.0, 0.5, -0.3], [0.2, 0.9, 0.4], [-0.6, 0.8, 1.0], [0.7, -0.2, 0.3]]
Y = [[1.0, 0.0], [0.0, 1.0], [0.0, 1.0], [1.0, 0.0]]
W1 = [[0.5, 0.1], [0.2, 0.6], [-0.3, 0.4]]
W2 = [[0.3, -0.1], [0.2, 0.5]]
rho = 1.2
"""

# held out: a ratio of two row sums of sigmoid scores, the second only in the divisor
RATIO = """
[network]
name = "held-ratio-of-sums"
[dims]
N = 3
d = 2
K = 3
[inputs]
x = ["N", "d"]
Y = ["N", "K"]
[params]
W = ["d", "K"]
[forward]
p = "torch.sigmoid(x @ W)"
hit = "(p * Y).sum(dim=1)"
miss = "(p * (1 - Y)).sum(dim=1)"
q = "0.5 * (hit / (miss + 1.0))"
loss = "q.mean()"
"""

# held out: prototypes scored by squared distance, pulled towards their class
PROTO = """
[network]
name = "held-prototype-pull"
[dims]
N = 3
d = 3
f = 2
K = 3
[inputs]
x = ["N", "d"]
Y = ["N", "K"]
[params]
W = ["d", "f"]
P = ["K", "f"]
[forward]
h = "torch.tanh(x @ W)"
d2 = "torch.cdist(h, P) ** 2"
near = "(d2 * Y).sum(dim=1)"
far = "(d2 * (1 - Y)).sum(dim=1)"
loss = "(near / (far + 1.0)).sum()"
"""

# held out: three scores of one logit under σ + BCE (a wide-and-deep model, other names)
THREE = """
[network]
name = "held-three-scores"
[dims]
N = 3
d = 4
h = 3
[inputs]
x = ["N", "d"]
y = ["N", 1]
[params]
U = ["d", 1]
V = ["d", "h"]
w = ["h", 1]
c = []
[forward]
wide = "x @ U + c"
pair = "((x @ V) ** 2).sum(dim=1, keepdim=True)"
deep = "torch.relu(x @ V) @ w"
p = "torch.sigmoid(wide + pair + deep)"
loss = "F.binary_cross_entropy(p, y)"
"""

# guard: the same, the second score weighted: its δ is not the first's
WEIGHTED = THREE.replace("wide + pair + deep", "wide + 2 * pair + deep").replace(
    "held-three-scores", "held-three-scores-weighted"
)


def _words(md: str, symbol: str) -> str:
    sec = _section(md, symbol)
    found = re.search(r"\*\*(In words\.|这一步在做什么)\*\*[^\n]*", sec)
    return found.group(0) if found else ""


def test_a_gate_weight_of_a_recurrence_is_shared_at_every_step_like_the_state_weight() -> None:
    for lang, apart, steps in (
        ("en", "the same parameter in each place", "the same parameter at every step"),
        ("zh", "每处用的都是同一个参数", "每个时间步用的都是同一个参数"),
    ):
        md = _md(NORMGATE, lang)
        assert apart not in md, lang
        assert steps in md, lang


def test_a_head_read_side_by_side_beside_a_recurrence_stays_apart() -> None:
    md = _md(SIDE)
    assert "$V$ is used $2$ times" in md
    assert "the same parameter in each place" in _words(md, "V}")


def test_a_normalised_gate_says_it_sits_in_the_divisor_both_gates() -> None:
    md = _md(NORMGATE)
    for gate in ("a^{[2]}", "b^{[2]}"):
        words = _words(md, f"\\delta_{{{gate}}}")
        assert "sits in a denominator" in words, gate


def test_a_radius_broadcast_over_the_rows_is_summed_over_n_rows() -> None:
    for lang in ("en", "zh"):
        words = _words(_md(RADIUS, lang), "\\rho}")
        assert "$N$" in words and "$1$" not in words, (lang, words)


def test_a_zero_start_with_a_zero_length_does_not_say_a_weight_can_change() -> None:
    en, zh = _md(RADIUS), _md(RADIUS, "zh")
    assert "can change" not in en and "可能改变" not in zh
    assert "$W^{[1]}$ has no value there" in en
    assert "$W^{[1]}$ 的梯度在这一点没有定义" in zh


def test_a_term_only_in_a_divisor_is_not_said_to_be_multiplied() -> None:
    words = _words(_md(RATIO), "\\delta_{\\mathrm{miss}}")
    assert "sits in a denominator" in words
    assert "then multiplied" not in words


def test_the_broadcast_summand_of_a_squared_distance_is_the_one_row_term() -> None:
    words = _words(_md(PROTO), "\\partial P}")
    assert "is added to every row" in words
    assert words.index("\\left(P^{2} \\thinspace \\mathbf{1}\\right)^{\\top}") < words.index("is added")
    assert "\\mathrm{h} \\thinspace P^{\\top}\\right)$ is added" not in words


def test_three_scores_of_one_sum_write_their_delta_once() -> None:
    md = _md(THREE)
    first = _section(md, "\\delta_{\\mathrm{deep}}")
    assert "Entry by entry" in first
    nums = re.findall(r"### (3\.\d+) \$\\delta_\{\\mathrm\{(wide|pair)\}\}", md)
    assert len(nums) == 2
    deep = re.search(r"### (3\.\d+) \$\\delta_\{\\mathrm\{deep\}\}", md).group(1)
    for n, name in nums:
        sec = _section(md, f"\\delta_{{\\mathrm{{{name}}}}}")
        assert f"**Step {n} is step {deep} again**" in sec, name
        assert "Entry by entry" not in sec and "| Tensor | Shape |" not in sec


def test_a_weighted_score_keeps_its_own_delta() -> None:
    md = _md(WEIGHTED)
    sec = _section(md, "\\delta_{\\mathrm{pair}}")
    assert "again**" not in sec
