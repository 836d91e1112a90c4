"""Round 48 (lead, issue 12 "key formulas … about this network", issue 11 item 4 "read back from
exactly the notation the walkthroughs print"): a logsumexp is printed as ``logsumexp``. The
language reads ``logsumexp(x, axis)`` as ``mean(x − log_softmax(x), axis)`` (exact, and as stable
as PyTorch's); its matrix form was printed as that reading — ``(1/C)(Z − log softmax(Z)) 𝟏`` in
PaLM's z-loss, ``(1/1) Σ(logsumexp(…) − log softmax(logsumexp(…)))`` in soft-DTW — which no
course writes. Now the matrix form says ``\\operatorname{logsumexp}(Z)`` (a column: one per row),
``\\operatorname{logsumexp}(Z^⊤)^⊤`` (along columns) and ``\\operatorname{logsumexp}(r^⊤)`` (of
every entry), and ``derive check`` reads ``\\operatorname{logsumexp}`` / ``\\operatorname{LSE}``
back. Held-out networks below; each gradient's printed formula is read back as right."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch

from derive.checker.check import check
from derive.checker.checknet import net_for
from test_handread25 import _md  # the held-out builder of the walkthroughs

# held out: a free-energy score whose logsumexp enters a product with another layer's output,
# so the weight's gradient carries the logsumexp itself (inlined: not a named node)
NET = """[network]
name = "lse-inline-{tag}"
[dims]
n = 3
d = 2
k = 4
[inputs]
x = ["n", "d"]
[params]
W = ["d", "k"]
V = ["d", {vcols}]
[forward]
s = "x @ V"
loss = "({lse} * torch.tanh(s)).sum()"
[values]
x = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]
W = [[0.2, -0.4, 0.1, 0.3], [-0.5, 0.6, 0.25, -0.1]]
"""

CASES = {
    # along each row (a column), along each column (a row), of every entry (one number)
    "rows": ("torch.logsumexp(x @ W, dim=1, keepdim=True)", 1, lambda z: torch.logsumexp(z, 1, True)),
    "cols": ("torch.logsumexp(x @ W, dim=0, keepdim=True)", '"k"', lambda z: torch.logsumexp(z, 0, True)),
    "all": ("torch.logsumexp(x @ W, dim=(0, 1))", 1, lambda z: torch.logsumexp(z, (0, 1))),
}


def _spec(tmp_path: Path, tag: str) -> str:
    lse, vcols, _ = CASES[tag]
    path = tmp_path / f"{tag}.toml"
    path.write_text(NET.format(tag=tag, lse=lse, vcols=vcols))
    return str(path)


@pytest.mark.parametrize("tag", sorted(CASES))
def test_the_gradient_through_a_logsumexp_is_pytorchs(tmp_path: Path, tag: str) -> None:
    net = net_for(_spec(tmp_path, tag), 0)
    x = torch.tensor([[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]], dtype=torch.float64)
    W = torch.tensor([[0.2, -0.4, 0.1, 0.3], [-0.5, 0.6, 0.25, -0.1]], dtype=torch.float64, requires_grad=True)
    V = torch.tensor(np.asarray(net.float_env["V"], float), dtype=torch.float64, requires_grad=True)
    (CASES[tag][2](x @ W) * torch.tanh(x @ V)).sum().backward()
    for name, t in (("V", V), ("W", W)):
        ours = np.asarray(net.float_env[net.spec.gkey(name)], float)
        assert np.allclose(ours, t.grad.numpy(), rtol=1e-12, atol=1e-12), name


# (tag, node): derive's own formula for ∂L/∂node, printed with \operatorname{logsumexp}?
PRINTED = [("rows", "s", True), ("all", "s", True), ("cols", "s", True)]  # cols: named since round 49


@pytest.mark.parametrize(("tag", "node", "named"), PRINTED)
def test_the_printed_logsumexp_is_read_back(tmp_path: Path, tag: str, node: str, named: bool) -> None:
    """δs = logsumexp ⊙ tanh′(s) as the walkthrough prints it, read back as right (text and
    LaTeX). Along columns the backward's tidy form distributes the transposes (log softmax of
    Wᵀ xᵀ for x W): named logsumexp since round 49 (printed (1/n) 𝟙ᵀ(…) before, whose brackets
    before ⊙ were missing: ``\\frac{1}{n} 𝟙ᵀ(A) ⊙ B`` was read as the mean of A ⊙ B, shape (1, 4))."""
    path = _spec(tmp_path, tag)
    t = net_for(path, 0).target(node)
    assert ("\\operatorname{logsumexp}" in t.tex) is named, t.tex
    if named:
        assert "\\log\\operatorname{softmax}" not in t.tex and "\\frac{1}{k}" not in t.tex, t.tex
    assert check(path, node, t.tex, latex=True).ok, t.tex
    assert check(path, node, t.expected).ok, t.expected


@pytest.mark.parametrize(
    ("tag", "p"),
    [
        ("rows", "V"), ("rows", "W"), ("cols", "V"), ("cols", "W"), ("all", "V"),
        # through the logsumexp of every entry: was printed with terms that cancel and a 1 × 1
        # factor times 𝟙_{n×k}, read with an extra 1/n (now one term, the softmax's)
        ("all", "W"),
    ],
)
def test_every_parameters_printed_gradient_is_read_back(tmp_path: Path, tag: str, p: str) -> None:
    """``\\mathbf{1}_{n \\times k}`` with the network's size names follows the network to other
    sizes: derive's own ∂L/∂W on the row case was judged "k/4 ×" (the 𝟙 made the checker fall
    back to the size symbols' points, where the logsumexp's 1/k moves on a 4-column matrix)."""
    path = _spec(tmp_path, tag)
    t = net_for(path, 0).target(p)
    assert check(path, p, t.tex, latex=True).ok, t.tex
    assert check(path, p, t.expected).ok, t.expected


@pytest.mark.parametrize(
    ("formula", "ok"),
    [
        # ∂L/∂s on the row case, as a student writes it: LSE along each row, a column
        ("\\operatorname{LSE}(x W) \\odot (1 - \\tanh^2(x V))", True),
        ("\\operatorname{logsumexp}(x W) \\odot (1 - \\tanh^2(x V))", True),
        # along the wrong axis (over the batch): a row where a column belongs — wrong
        ("\\operatorname{logsumexp}((x W)^\\top)^\\top \\odot (1 - \\tanh^2(x V))", False),
        # the log-softmax where the logsumexp belongs — wrong
        ("\\log\\operatorname{softmax}(x W) \\odot (1 - \\tanh^2(x V))", False),
    ],
)
def test_a_students_logsumexp_in_latex(tmp_path: Path, formula: str, ok: bool) -> None:
    res = check(_spec(tmp_path, "rows"), "s", formula, latex=True)
    assert res.ok is ok, (formula, res)


# held out: a soft-min of three numbers (soft-DTW's recursion, another grid) and a free energy
SOFTMIN = """[network]
name = "softmin-three"
[inputs]
c = [1, 3]
[params]
a = [1, 1]
b = [1, 1]
[constants]
g = 0.5
[forward]
r = "c[0, 0] - g * torch.logsumexp(torch.stack([-a[0, 0] / g, -b[0, 0] / g, -(a[0, 0] + b[0, 0]) / g]), dim=0)"
loss = "(r - c[0, 2]) ** 2"
[values]
c = [[0.3, -0.2, 0.9]]
a = [[0.4]]
b = [[-0.7]]
"""

ZLOSS = """[network]
name = "z-loss-columns"
[dims]
B = 3
C = 4
[inputs]
x = ["B", 2]
[params]
W = [2, "C"]
[forward]
z = "x @ W"
col = "torch.logsumexp(z, dim=0, keepdim=True)"
rows = "torch.logsumexp(z, dim=1, keepdim=True)"
loss = "(col ** 2).mean() + 0.5 * (rows ** 2).mean()"
[values]
x = [[0.5, -1.0], [1.5, 0.25], [-0.75, 0.5]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_forward_pass_says_logsumexp(lang: str) -> None:
    soft = _forward(_md(SOFTMIN, lang))
    assert "\\operatorname{logsumexp}\\left(\\begin{bmatrix}" in soft, soft
    assert "\\log\\operatorname{softmax}" not in soft and "\\frac{1}{1}" not in soft, soft
    z = _forward(_md(ZLOSS, lang))
    assert "\\mathrm{col} = \\operatorname{logsumexp}\\left(z^{\\top}\\right)^{\\top}" in z, z
    assert "\\mathrm{rows} = \\operatorname{logsumexp}\\left(z\\right)" in z, z
    assert "\\log\\operatorname{softmax}" not in z, z  # (the loss's own mean over C stays)


def _forward(md: str) -> str:
    return md.split("## 2. ", 1)[1].split("\n## 3. ", 1)[0]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_backward_of_a_logsumexp_is_its_softmax(lang: str) -> None:
    """logsumexp's slope is the softmax of the entries it combines (rule logsumexp-slope), one
    step: the soft-min's ∂loss/∂a was eight terms of (g/3) δ 𝟏 and softmax(logsumexp(A)) — the
    mean and the log-softmax of the reading differentiated one by one."""
    md = _md(SOFTMIN, lang)
    back = md.split("## 3. ", 1)[1].split("\n## 4. ", 1)[0]
    assert "\\operatorname{softmax}\\left(\\operatorname{logsumexp}" not in back, back
    assert "\\frac{g}{3}" not in back and "\\frac{1}{3}" not in back, back
    a = next(line for line in back.splitlines() if "\\partial a}" in line and "aligned" in line)
    assert a.count("\\operatorname{col}") == 2, a  # the two columns of A that read a
    z = _md(ZLOSS, lang).split("## 3. ", 1)[1]
    assert "\\log\\operatorname{softmax}" not in z, z


# held out: an energy-based score (logsumexp inside the loss line, not a named node)
ENERGY = """[network]
name = "energy-inline"
[dims]
n = 2
k = 3
[inputs]
x = ["n", 2]
t = ["n", 1]
[params]
W = [2, "k"]
[forward]
z = "x @ W"
loss = "(torch.logsumexp(z, dim=1, keepdim=True) - t).mean()"
[values]
x = [[0.5, -1.0], [1.5, 0.25]]
t = [[0.2], [-0.3]]
"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_logsumexp_entry_is_log_sum_exp(lang: str) -> None:
    """Entry by entry, a logsumexp inside a line is log Σ exp, not the mean of its reading's k
    equal entries over the size k (``\\frac{3 \\cdot \\log(…)}{k}``)."""
    fwd = _forward(_md(ENERGY, lang))
    assert "\\log{\\left(e^{z_{11}} + e^{z_{12}} + e^{z_{13}} \\right)}" in fwd, fwd
    assert "3 \\cdot \\log" not in fwd and "{k}" not in fwd, fwd
