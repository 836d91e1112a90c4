"""Handouts a lecturer hands out unchanged, pass 30 (issue 12): handread29's leftovers.

- a number inside the LAST factor of a Hadamard product of three or more factors stands in
  front (``−2(δ ⊙ T ⊙ ReLU(…)) ⊙ 1[…]``, not ``−δ ⊙ T ⊙ (2 ReLU(…)) ⊙ 1[…]``), in the
  formula and the code; the built-ins (mlp-bce's ``(1/m)(…) ⊙ A ⊙ (1 − A)``, a number in the
  first factor) keep their form (tests/test_build.py's committed output);
- a cross-entropy of logits, ``−Σ target ⊙ log_softmax(logits)``, is not "logits sits in one
  factor of a product": the sentence names the row-wise function and its weights.

Each asserted on built text (Markdown en and zh, the generated code) of specs written here
(held out)."""

from __future__ import annotations

import re

import pytest
from test_handread25 import _listing, _md, _section

from derive.locale.catalog import catalogue

# held out: a masked squared hinge, the mask an input (a three-factor product δ ⊙ M ⊙ ReLU)
MASKED_HINGE = """
[network]
name = "masked-squared-hinge"
[dims]
n = 2
k = 3
[inputs]
x = ["n", "k"]
M = ["n", "k"]
[params]
a = [1, "k"]
[forward]
e = "x * a"
L = "M * F.relu(e - 0.3) ** 2"
loss = "L.mean()"
[values]
x = [[0.9, 0.1, 1.4], [0.5, 2.0, -0.3]]
M = [[1.0, 0.0, 1.0], [1.0, 1.0, 0.0]]
a = [[1.0, 0.5, -0.4]]
"""

# held out: per-example cross-entropies of a linear classifier, averaged through a log
LOG_CE = """
[network]
name = "log-of-cross-entropy"
[dims]
N = 3
d = 2
C = 3
[inputs]
x = ["N", "d"]
label = ["N"]
[params]
V = ["d", "C"]
[forward]
z = "x @ V"
ce = "F.cross_entropy(z, label, reduction='none')"
loss = "torch.log(1 + ce).mean()"
[values]
x = [[0.5, -1.0], [1.5, 0.2], [-0.3, 0.8]]
label = [1, 0, 2]
V = [[0.2, -0.4, 0.1], [0.3, 0.6, -0.5]]
"""


# ---- the number of a product's last factor in front ------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_number_of_the_last_factor_stands_in_front(lang: str) -> None:
    md = _md(MASKED_HINGE, lang)
    de = _section(md, "\\delta_{e}")
    formula = de.split("$$", 2)[1]
    assert "\\left(2 \\operatorname{ReLU}" not in formula, formula
    assert formula.split("=", 1)[1].lstrip().startswith("2 \\left("), formula
    code = next(x for x in _listing(md) if x.startswith("de = "))
    assert "(2 * relu(" not in code, code
    assert code.startswith("de = 2 * ("), code


# ---- a cross-entropy's δlogits --------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_cross_entropy_names_its_weighted_log_softmax(lang: str) -> None:
    md = _md(LOG_CE, lang)
    words = _section(md, "\\delta_{z}").split("$$", 1)[0]
    L = catalogue(lang)["handout_intuition"]
    one_factor = max(re.split(r"\{\{\w+\}\}", L["product.function"]), key=len)
    assert len(one_factor) > 15 and one_factor not in words
    weighted = L["product.rowwise.weighted"]
    assert weighted.split("{{X}}", 1)[1].split("{{F}}", 1)[0] in words  # "the blame reaching"
    assert "\\mathrm{label}" in words and "\\operatorname{softmax}" in words
