"""Issue 12, round 22: the course handouts still over length (branch longhand2).

Held-out networks (other names and sizes than any course spec, the same structures): a bias's
closed form named as its weight's with the weight's inputs replaced by 𝟙 (checked on the proven
forms, row- and column-major), a long hand working worked out for one entry, the verification
table in two halves, a code line longer than TeX can measure set as several listing lines — and
the standard PDFs of the course specs this brought within the limits (9 A4 pages in English,
10 in Chinese, no overfull box), against a real xelatex build."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_deephand import (
    PDF_TOOLS,
    _derivation,
    _md,
    _tex,
    _walkthrough,
    assert_fits,
    assert_katex,
    page_cases,
)
from test_longhand import RECUR  # a recurrence over three steps: its bias takes every input as 𝟙

from derive.engine import printing
from derive.render import environment
from derive.walkthrough import handpick, layers, lessons
from derive.walkthrough.tidy import tidied

SPECS = Path(__file__).parent / "specs_course"

# a gate and a candidate into one output through a tanh read-out: other names and sizes than
# the LSTM/GRU course specs; the gate's bias has a closed form over a row of the page
GATES = """
[network]
name = "held2-gates"
[dims]
r = 3
u = 2
z = 3
o = 2
[inputs]
A = ["r", "u"]
M = ["r", "z"]
Tg = ["r", "o"]
[params]
Ka = ["u", "z"]
Km = ["z", "z"]
ka = [1, "z"]
La = ["u", "z"]
ea = [1, "z"]
Wo = ["z", "o"]
bo = [1, "o"]
[forward]
R = "sigmoid(A @ Ka + M @ Km + ka)"
Q = "tanh(A @ La + ea)"
N = "R * M + (1 - R) * Q"
Yh = "tanh(N @ Wo + bo)"
E = "0.5 * sum((Yh - Tg) ** 2)"
"""

# column-major layers (W @ X + b, the bias a column): G 𝟙 where a weight has G Xᵀ
COLMAJOR = """
[network]
name = "held2-colmajor"
[dims]
f = 3
hh = 4
o = 2
m = 5
[inputs]
P = ["f", "m"]
Yt = ["o", "m"]
[params]
V1 = ["hh", "f"]
c1 = ["hh", 1]
V2 = ["o", "hh"]
c2 = ["o", 1]
[forward]
G = "sigmoid(V1 @ P + c1)"
Out = "tanh(V2 @ G + c2)"
J = "((Out - Yt) ** 2).mean()"
"""

# weight decay on the first layer's weight only: its closed form has a term the bias's has not
DECAY = COLMAJOR.replace(
    'J = "((Out - Yt) ** 2).mean()"', 'J = "((Out - Yt) ** 2).mean() + 0.1 * (V1 ** 2).sum()"'
)

# a sparse autoencoder (KL penalty on the mean activation) with other names and sizes than
# ufldl_sparse_ae: every entry of the hidden bias's gradient sums four output rows and the
# penalty
SPARSE = """
[network]
name = "held2-sparse"
[dims]
vis = 4
hid = 3
m = 6
[inputs]
Xs = ["vis", "m"]
[params]
E1 = ["hid", "vis"]
f1 = ["hid", 1]
E2 = ["vis", "hid"]
f2 = ["vis", 1]
[constants]
target = 0.05
wt = 2.0
[forward]
Hs = "sigmoid(E1 @ Xs + f1)"
Rs = "sigmoid(E2 @ Hs + f2)"
qhat = "Hs.mean(axis=1, keepdims=True)"
KLs = "np.sum(target * np.log(target / qhat) + (1 - target) * np.log((1 - target) / (1 - qhat)))"
cost = "1/(2*m) * np.sum((Rs - Xs) ** 2) + wt * KLs"
"""


def _closed(source: str):
    """``(d, closed forms, visits)`` of ``source``'s tidied derivation, as the handout has them."""
    d = tidied(_derivation(source))
    return d, lessons.closed_forms(d), {v.name: v for v in d.backward}


def _items(source: str, detail: str = "standard") -> dict:
    return {b.name: b for b in _walkthrough(source, detail).backward}


# ---- a bias's closed form as its weight's with 𝟙 --------------------------------------------


@pytest.mark.parametrize(
    ("source", "weight", "bias", "ones"),
    [
        (GATES, "La", "ea", ["A"]),
        (COLMAJOR, "V1", "c1", ["P"]),
        (COLMAJOR, "V2", "c2", ["G"]),
        (RECUR, "Win", "beta", ["v_{3}", "v_{2}", "v_{1}"]),
    ],
    ids=["gate", "colmajor-1", "colmajor-2", "recurrence"],
)
def test_a_bias_closed_form_is_its_weights_with_ones(
    source: str, weight: str, bias: str, ones: list[str]
) -> None:
    """Held out: the bias enters where its weight does; its proven closed form is the weight's
    with every value the weight multiplies replaced by 𝟙, row-major (𝟙ᵀ G for Xᵀ G),
    column-major (G 𝟙 for G Xᵀ) and over three time steps (each step's input)."""
    d, closed, visits = _closed(source)
    shown = layers.ones_closed(d, visits[weight], visits[bias], closed)
    assert shown is not None
    assert str(shown) == ", ".join(f"{o} \\to \\mathbf{{1}}" for o in ones)


def test_the_substitution_is_the_printed_formula() -> None:
    """What the sentence claims, on the printed formulas: the weight's closed form with ``A^⊤``
    written ``𝟙^⊤`` is, symbol for symbol, the bias's."""
    items = _items(GATES)
    w, b = items["La"], items["ea"]
    assert w.closed is not None and b.closed is not None
    assert "A^{\\top}" in str(w.closed.rhs)
    def bare(t: str) -> str:  # the printer's spacing aside (a thin space after 𝟙ᵀ)
        return t.replace("\\thinspace", "").replace(" ", "")

    assert bare(str(w.closed.rhs).replace("A^{\\top}", "\\mathbf{1}^{\\top}")) == bare(
        str(b.closed.rhs)
    )


@pytest.mark.parametrize(
    ("source", "weight", "bias"),
    [
        (DECAY, "V1", "c1"),  # the weight's penalty term: not a substitution
        (GATES, "Ka", "ea"),  # another node (the gate, not the candidate)
        (GATES, "Wo", "ka"),
    ],
    ids=["penalty", "other-node", "other-layer"],
)
def test_a_bias_unlike_the_weight_is_not_named(source: str, weight: str, bias: str) -> None:
    d, closed, visits = _closed(source)
    assert layers.ones_closed(d, visits[weight], visits[bias], closed) is None


def test_a_handout_names_a_wide_bias_closed_form_only() -> None:
    """Held out: the gate's bias ``ka`` (a closed form over a row of the page) is named as
    ``Ka``'s — the nearest weight above whose closed form is written (``Km``'s is itself named
    as ``Ka``'s); the candidate's ``ea`` (within a row) keeps its formula: naming it would be no
    shorter. ``--detail full`` writes every closed form."""
    items = _items(GATES)
    ka, ea = items["ka"], items["ea"]
    assert printing.display_width(str(ka.closed.rhs)) > printing.ROW_WIDTH
    assert ka.closed_ones is not None
    assert str(ka.closed_ones[0]) == str(items["Ka"].tex)
    assert str(ka.closed_ones[1]) == "A \\to \\mathbf{1}"
    assert printing.display_width(str(ea.closed.rhs)) <= printing.ROW_WIDTH
    assert ea.closed_ones is None
    assert all(b.closed_ones is None for b in _items(GATES, "full").values())


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_named_closed_form_reads_in_both_languages(lang: str) -> None:
    md = _md(GATES, lang)
    sentence = {
        "en": "the formula of $\\frac{\\partial E}{\\partial \\mathrm{Ka}}$ above with $A \\to "
        "\\mathbf{1}$ (a bias acts as a weight whose input is all ones)",
        "zh": "即上面 $\\frac{\\partial E}{\\partial \\mathrm{Ka}}$ 的公式作替换 $A \\to "
        "\\mathbf{1}$（偏置相当于输入全为 1 的权重）",
    }[lang]
    assert sentence in md
    assert_katex(md)
    # ka's own formula is not written again; Ka's is, once
    ka = str(_items(GATES)["ka"].closed.rhs)
    assert ka not in md
    tex = _tex(GATES, lang)
    assert "\\mathbf{1}" in tex and ka not in tex


# ---- a long hand working: its first entry ------------------------------------------------------


def test_a_long_working_is_worked_out_for_one_entry() -> None:
    """Held out: each entry of the hidden bias's gradient (four output rows through two
    sigmoids, and the KL penalty) runs over :data:`handpick.LONG_WORKING` characters: a standard
    handout works out its first entry in full (numbers too) and gives the others in the matrix;
    ``full`` works out every one."""
    w = _walkthrough(SPARSE)
    few, _dense = handpick.few(w, "standard")
    f1 = {b.name: b for b in w.backward}["f1"]
    assert handpick.long(f1.calcs[0]) and not handpick.tall(f1.calcs[0])
    shown = few(f1.calcs)
    assert len(shown) == 1 and not shown[0].cut and len(shown[0].chain) >= 3
    everything, _ = handpick.few(_walkthrough(SPARSE, "full"), "full")
    assert len(everything(f1.calcs)) == len(f1.calcs) == 3
    # a short working keeps its several entries
    short = next(b for b in w.backward if len(b.calcs) > 1 and not handpick.long(b.calcs[0]))
    assert len(few(short.calcs)) == len(short.calcs) > 1


# ---- the verification table in two halves ----------------------------------------------------


def _table(tex: str) -> str:
    """The verification summary: the table whose rows end in a check mark."""
    end = tex.index("\\ensuremath{\\checkmark}")
    return tex[tex.rindex("\\begin{tabular}", 0, end) : tex.index("\\bottomrule", end)]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_long_verification_table_is_set_in_two_halves(lang: str) -> None:
    """More than six parameters: two halves side by side, every parameter in exactly one row;
    six or fewer, and ``--detail full``, one column of rows as before."""
    from derive.render import environment as render

    w = _walkthrough(GATES)
    table = _table(_tex(GATES, lang))
    rows = [r for r in table.split("\\midrule", 1)[1].split("\\\\") if r.strip()]
    assert len(rows) == (len(w.verification.summary) + 1) // 2 == 4
    head = table.split("\\midrule", 1)[0]
    param = "Parameter" if lang == "en" else "参数"
    assert head.count(param) == 2
    for s in w.verification.summary:
        assert table.count(str(s.tex)) == 1
    few = _table(_tex(DECAY, lang))
    assert few.split("\\midrule", 1)[0].count(param) == 1
    full = _table(render.render("tex/walkthrough.tex.j2", _walkthrough(GATES, "full"), lang))
    assert full.split("\\midrule")[-1].count("\\\\") == len(w.verification.summary)


# ---- a code line longer than TeX can measure -------------------------------------------------


def test_a_very_long_code_line_is_set_as_several() -> None:
    """Layout only: a line over :data:`environment.LISTING_LINE` characters is broken at spaces,
    the continuations indented by four; joined again it is the line; short lines stay."""
    line = "dW = " + " + ".join(f"(A{k} * B{k}).sum(axis=0)" for k in range(300))
    out = environment._listing(["x = 1", line, "y = 2"])
    assert out[0] == "x = 1" and out[-1] == "y = 2"
    pieces = out[1:-1]
    assert len(pieces) > 1 and all(len(p) <= environment.LISTING_LINE for p in pieces)
    assert all(p.startswith("    ") for p in pieces[1:])
    assert " ".join(p.strip() for p in pieces) == line


@pytest.mark.slow
@PDF_TOOLS
def test_a_mixer_block_handout_compiles(tmp_path: Path) -> None:
    """hn16_mlp_mixer_block's standard PDF failed ("Dimension too large": a 4020-character code
    line in the listing); it compiles, with no overfull box."""
    from derive.render.pdf import compile_pdf

    log = compile_pdf(_tex(str(SPECS / "hn16_mlp_mixer_block.toml"), "en"), tmp_path / "m.pdf")
    assert "Overfull \\hbox" not in log


# ---- pages -------------------------------------------------------------------------------------

LONG: dict[tuple[str, str], str] = {
    # ("hn15_vicreg", "en"): 9 pages in round 30 (10 before; 11 before round 23), within the
    # limit: a step's paths as the braced terms of its total (tests/test_longhand9.py)
}
FITTED = ("ufldl_sparse_ae", "hn16_mlp_mixer_block", "hn15_vicreg")


@pytest.mark.slow
@PDF_TOOLS
@pytest.mark.parametrize(("name", "lang"), page_cases(FITTED, LONG))
def test_the_course_handouts_fit(tmp_path: Path, name: str, lang: str) -> None:
    """Before this branch ufldl_sparse_ae ran 10 pages in English (its δa[2], ∂W[2] and ∂b[2]
    worked out for three or four entries of 770–998 characters each) and
    hn16_mlp_mixer_block's PDF failed."""
    assert_fits(tmp_path, name, lang)


# over the limits, found by this branch's sample of 40 course specs nobody had measured (the
# pages measured at 12d044e1 and after this branch): what remains is not a repeat
STILL = {
    ("hn15_d2l_resnet_bn", "en"): "12 pages (13 before round 29; 36 pt on page 12 after round "
    "33, 105 before): two batch-norm layers, the first with its ReLU inside (not a repeat of "
    "the second), dense hand working of every statistic",
    ("hn15_d2l_resnet_bn", "zh"): "11 pages (12 before round 30), as in English",
    # ("hn20_d2l_deepfm", "en"): 9 pages in round 50 (10 before, 11 lines on page 10; 11 before
    # round 41, 12 before round 31), within the limit: a wide index entry by its value alone, short
    # closed forms on their lead-in's line (tests/test_handread34.test_the_deepfm_handout_fits)
    # ("hn20_d2l_deepfm", "zh"): 10 pages in round 44 (11 before, 7 lines on page 11), within
    # the zh limit: the batch-mean note no longer repeats section 3's one formulas
    # (tests/test_handread28.test_the_deepfm_chinese_handout_fits)
    # ("hn16_tft_gated_residual", "en"): 9 pages in round 43 (10 before, 7 lines on page 10;
    # 11 before round 25), within the limit: the zero-start myth refuted once, in its lesson
    # (tests/test_handread27.py); round 42 named δglu's centred input and variance 𝒜, ℬ
    # ("hn16_tft_gated_residual", "zh"): 10 pages in round 26 (11 before), within the zh
    # limit: test_longhand6.test_the_tft_chinese_handout_fits
    # ("hn20_goodfellow_brnn_two_steps", "en" and "zh"): 9 pages in round 27 (11 before), within
    # the limits: test_longhand7.test_the_course_brnn_fits (its steps at t = 1 compact)
    # ("hn20_cmu10414_hw2_residual_block", "en") and ("hn16_d2l_decomposable_attention", "en"):
    # 9 pages in round 30 (10 before), within the limit:
    # test_longhand9.test_the_handouts_brought_within_the_limits (paths as braced terms)
    # ("hn19_cifg_lstm_coupled", "en"): 9 pages in round 29 (10 before), within the limit:
    # test_longhand8.test_the_handouts_brought_within_the_limits (workings beside their matrices)
}


@pytest.mark.slow
@PDF_TOOLS
@pytest.mark.parametrize(
    ("name", "lang"),
    [
        pytest.param(n, lang, marks=pytest.mark.xfail(strict=True, reason=why))
        for (n, lang), why in STILL.items()
    ],
)
def test_the_long_handouts_still_over(tmp_path: Path, name: str, lang: str) -> None:
    """Strict xfails: each passes (and so fails here) once its handout is within the limits."""
    assert_fits(tmp_path, name, lang)
