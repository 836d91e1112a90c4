"""The checker's leftovers of issue 11, pass 6: the general rules behind the fixes (the last
strict xfail of corpus 14, grade's row errors, parse-error columns, the self-probe of the four
newer built-ins), one test each (never the quoted case alone)."""

from __future__ import annotations

from pathlib import Path

import pytest

from derive.checker.check import check
from derive.checker.grade import grade, summary

COURSE = Path(__file__).resolve().parent / "specs_course"
D2L = COURSE / "d2l_linreg.toml"  # per-example losses l (a vector), the loss "loss"
BODY = r" = \frac{1}{BATCH} X^\top (\hat{y} - y)"


@pytest.mark.parametrize("num", [r"\ell", "ℓ", "l", "L", "J"])
@pytest.mark.parametrize("batch", [r"|\mathcal{B}|", "|B|", r"\lvert B \rvert", r"batch\_size"])
def test_a_loss_symbol_and_the_minibatch_size_as_notes_write_them(num: str, batch: str) -> None:
    r"""``\frac{\partial \ell}{\partial w} = \frac{1}{|\mathcal{B}|} X^\top(\hat y - y)`` (d2l):
    a loss symbol on the left is the network's loss even where it reads as another node (``L``
    found as the per-example losses ``l`` by its case) — a left side names a gradient, and a
    node of several entries has none; ``|\mathcal{B}|`` (``|B|``, ``\lvert B \rvert``) is the
    batch size where the network has no name B, ``batch\_size`` the name. Slips stay wrong."""
    text = r"\frac{\partial " + num + r"}{\partial w}" + BODY.replace("BATCH", batch)
    assert check(D2L, "w", text, latex=True).ok, text
    assert check(D2L, "w", text.replace(r"\hat{y} - y", r"y - \hat{y}"), latex=True).code == "sign"
    short = text.replace(r"\frac{1}{" + batch + "} ", "")
    assert check(D2L, "w", short, latex=True).code == "scale-factor"


def test_bars_around_a_name_of_the_network_stay_an_absolute_value() -> None:
    """``|B|`` is the batch size only where B is no name of the network; ``|\\mathcal{B}|``
    (a set) always is; another name in bars stays abs()."""
    from derive.checker import latexin

    known = {"X", "B"}.__contains__
    tree, _ = latexin.parse(r"\frac{1}{|B|} X", known=known, batch="m")
    assert "abs" in repr(tree)
    tree, _ = latexin.parse(r"\frac{1}{|\mathcal{B}|} X", known=known, batch="m")
    assert "abs" not in repr(tree) and "'m'" in repr(tree)
    tree, _ = latexin.parse(r"|X|", known=known, batch="m")
    assert "abs" in repr(tree)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_grade_an_unknown_wrt_or_network_is_the_rows_error(lang: str) -> None:
    """A ``wrt`` naming nothing of the network (``W9``, ``w99``) and an unknown network are the
    question's input, not a student's answer: verdict ``error`` (not ``unreadable``), the
    message naming the column, the value and (for wrt) the network's parameters; the summary
    counts them as row errors. A wrt the network has (an entry, a label, dW2, an input) is
    graded as before, and a student's own ``dW9 = …`` stays unreadable."""
    rows = [
        dict(id="a", network="mlp-bce", wrt="W9", formula="A1.T @ (A2 - Y) / m"),
        dict(id="b", network="tiny-mlp", wrt="w99", value="-0.0137"),
        dict(id="c", network="no-such-net", wrt="W2", formula="A1.T @ (A2 - Y) / m"),
    ]
    got = [grade(r, lang) for r in rows]
    assert [g["verdict"] for g in got] == ["error"] * 3
    column = "column 'wrt'" if lang == "en" else "「wrt」列"
    assert column in got[0]["message"] and "'W9'" in got[0]["message"]
    assert "W1, b1, W2, b2" in got[0]["message"] and "W1, W2" in got[1]["message"]
    assert ("column 'network'" if lang == "en" else "「network」列") in got[2]["message"]
    assert "no-such-net" in got[2]["message"]
    fine = [
        dict(id="d", network="tiny-mlp", wrt="w11", value="-0.0137"),
        dict(id="e", network="tiny-mlp", wrt="W1[0,0]", value="-0.0137"),
        dict(id="f", network="mlp-bce", wrt="dW2", formula="A1.T @ (A2 - Y) / m"),
        dict(id="g", network="mlp-bce", wrt="W2", formula="A1.T @ (A2 - Y)"),
    ]
    assert [grade(r, lang)["verdict"] for r in fine] == ["correct"] * 3 + ["incorrect"]
    own = grade(dict(id="h", network="mlp-bce", wrt="", formula="dW9 = A1.T @ dZ2"), lang)
    assert own["verdict"] == "unreadable"
    table = summary(got + [grade(r, lang) for r in fine], lang)
    assert table["verdicts"]["error"] == 3 and "scale-factor" in table["codes"]
    assert ("row error" if lang == "en" else "行错误") in table["markdown"]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(
    "text, at, says",
    [
        ("A1.T @ dZ2 /", "/", ("ends with '/'", "以 '/' 结尾")),
        ("dW2 = A1.T @ dZ2 **", "**", ("ends with '**'", "以 '**' 结尾")),
        ("  A1.T @ (A2 - Y) -", "-", ("ends with '-'", "以 '-' 结尾")),
        ("A1.T @@ dZ2", "@@", ("two operators in a row", "两个运算符连在一起")),
        ("A1.T @ * dZ2", "* ", ("two operators in a row", "两个运算符连在一起")),
        ("A1.T @ (dZ2 / m", "(", ("was never closed", "没有闭合")),
    ],
)
def test_a_syntax_error_points_at_its_place(text: str, at: str, says: tuple, lang: str) -> None:
    """A formula ending in an operator (``A1.T @ dZ2 /``) was "syntax error at column 0":
    the column is the operator's at the end, which is named; two operators in a row point at
    the second; an unclosed bracket at the bracket — in the whole formula's columns (a left
    side and leading spaces counted), en and zh."""
    from derive.checker.check import FormulaError

    with pytest.raises(FormulaError) as err:
        check("mlp-bce", "W2", text, lang=lang)
    col = err.value.col
    want = text.rindex(at.strip()) + 1 if at != "@@" else text.index("@@") + 2
    if at == "(":
        want = text.index("(") + 1
    assert col == want, (col, want)
    assert says[lang == "zh"] in err.value.localized(lang)


@pytest.mark.parametrize(
    "text, col",
    [
        (r"\frac{1}{m} A^{[1]\top} (A^{[2]} - Y) /", None),
        (r"A^{[1]\top} \cdot \cdot (A^{[2]} - Y)", 19),
        (r"A^{[1]\top} \odot \times (A^{[2]} - Y)", 19),
        (r"\frac{1}{m} A^{[1]\top} \left(A^{[2]} - Y", None),
    ],
)
def test_a_latex_syntax_error_points_at_its_place(text: str, col: int | None) -> None:
    r"""LaTeX: a missing term is reported where it is missing — at the end of the input, or at
    a second operator (``\cdot \cdot`` was "unknown or unsupported command '\cdot'", a command
    the reader knows); an unclosed ``\left(`` names the bracket's column."""
    from derive.checker.check import FormulaError

    with pytest.raises(FormulaError) as err:
        check("mlp-bce", "W2", text, latex=True)
    message = err.value.localized("en")
    assert "unsupported" not in message
    assert err.value.col == (col if col is not None else len(text) + 1), message
    if "left(" in text:
        assert f"opened at column {text.index(chr(92) + 'left(') + 6}" in message
    assert "第" in err.value.localized("zh")


def test_code_with_a_worded_where_clause() -> None:
    """``dW_x = x_1.T @ dz1 + x_2.T @ dz2，其中 dz2 = …`` (``, where dz2 = …``): code with its
    definition said after it is the definition, then the code (it was read as LaTeX: "unknown
    name 'x_1.'"); a wrong definition makes the answer wrong, a clause in words stays a remark."""
    rnn = "dW_x = x_1.T @ dz1 + x_2.T @ dz2{sep}dz2 = {dz2}"
    right, slip = "(h_2 - y) * (1 - h_2**2)", "(y - h_2) * (1 - h_2**2)"
    for sep in ("，其中 ", ", where ", "; where "):
        assert check("rnn", "W_x", rnn.format(sep=sep, dz2=right)).ok, sep
        assert check("rnn", "W_x", rnn.format(sep=sep, dz2=slip)).code == "sign", sep
    assert check("rnn", "W_x", "答：" + rnn.format(sep="，其中 ", dz2=right), lang="zh").ok
    assert check("mlp-bce", "W2", "dW2 = A1.T @ dZ2, where dZ2 = (A2 - Y) / m").ok
    assert check("mlp-bce", "W2", "dW2 = A1.T @ dZ2, where dZ2 = A2 - Y").code == "scale-factor"


BN_COMPACT = (
    "dxhat = dout * GAMMA\n"
    "dZ = (1. / SIZE) * ivar * (SIZE * dxhat - np.sum(dxhat, axis=0) - xhat * np.sum(dxhat * xhat, axis=0))"
)


@pytest.mark.parametrize(
    "net, wrt, up, size, gamma",
    [
        ("batchnorm", "Z", "dout = 2 * (Y - T) / (m * n)\n", "m", "gamma"),
        (str(COURSE / "cs231n_batchnorm_alt.toml"), "x", "", "N", "gamma"),
        (str(COURSE / "cmu_batchnorm.toml"), "Z", "dout = dBZ\n", "N", "BW"),
    ],
)
def test_cs231n_batchnorm_names(net: str, wrt: str, up: str, size: str, gamma: str) -> None:
    """CS231n's names for a batch normalisation's parts — ``xhat``, ``ivar``, ``sqrtvar``,
    ``xmu`` and ``dxhat`` (the upstream of the normalised tensor) — used undefined in the
    compact backward pass are the network's normalised tensor, 1/√(var + ε), √(var + ε), the
    centred tensor (they were "unknown name 'xhat'"), on every spec that normalises so; a slip
    (a sign, the mean path left out) stays wrong, and a name the network has wins."""
    text = BN_COMPACT.replace("dZ =", f"d{wrt} =").replace("SIZE", size)
    text = text.replace("GAMMA", gamma)
    assert check(net, wrt, up + text).ok
    assert not check(net, wrt, up + text.replace("- xhat *", "+ xhat *")).ok
    assert check(net, wrt, up + text.replace(" - xhat * np.sum(dxhat * xhat, axis=0)", "")).code == "missing-path"
    assert check(net, wrt, up + text.replace("ivar * (", "(1 / sqrtvar) * (")).ok
    short = f"d{wrt} = ivar * (dxhat - np.mean(dxhat, axis=0) - xhat * np.mean(dxhat * xhat, axis=0))"
    assert check(net, wrt, short).ok


def test_normalisation_names_only_where_a_network_normalises() -> None:
    """The course names are read only on a network with exactly one ``c / sqrt(v + e)`` node,
    and never over a name the network or the answer defines."""
    from derive.checker import normnames

    fwd = {"Z_hat": "Z_c / sqrt(var + eps)", "Y": "gamma * Z_hat"}
    got = normnames.definitions(fwd, lambda n: False, "dZ = ivar * dxhat")
    assert got is not None and got.splitlines()[:2] == ["ivar = 1 / np.sqrt(var + eps)", "dxhat = dZ_hat"]
    assert normnames.definitions(fwd, lambda n: n == "ivar", "dZ = ivar * dY") is None
    assert normnames.definitions(fwd, lambda n: False, "ivar = 2\ndZ = ivar * dY") is None
    assert normnames.definitions({"A": "relu(Z)"}, lambda n: False, "dZ = ivar * dY") is None


def test_d2ls_sum_over_the_minibatch_with_column_vectors() -> None:
    r"""d2l's ``\frac{1}{|\mathcal{B}|} \sum_{i \in \mathcal{B}} \mathbf{x}^{(i)} (\mathbf{w}^\top
    \mathbf{x}^{(i)} + b - y^{(i)})``: ``i \in \mathcal{B}`` is the batch index (it was "per-example
    notation is not read"), and ``w^⊤ x^{(i)}`` (``x^{(i)⊤} w``) with vectors as columns is the
    example's inner product, for the batch ``X w`` (it was a shape-mismatch on a right
    answer). Slips stay wrong."""
    sums = r"\frac{1}{|\mathcal{B}|} \sum_{i \in \mathcal{B}} "
    w = r"\frac{\partial \ell}{\partial \mathbf{w}} = " + sums + r"\mathbf{x}^{(i)} \left(INNER + b - y^{(i)}\right)"
    for inner in (r"\mathbf{w}^\top \mathbf{x}^{(i)}", r"\mathbf{x}^{(i)\top} \mathbf{w}"):
        assert check(D2L, "w", w.replace("INNER", inner), latex=True).ok, inner
    inner = r"\mathbf{w}^\top \mathbf{x}^{(i)}"
    assert check(D2L, "w", w.replace("INNER", inner).replace("- y", "+ y"), latex=True).code == "sign"
    assert check(D2L, "w", w.replace("INNER", inner).replace(sums, r"\sum_{i \in \mathcal{B}} "), latex=True).code == "scale-factor"
    b = r"\frac{\partial \ell}{\partial b} = " + sums + r"\left(\mathbf{w}^\top \mathbf{x}^{(i)} + b - y^{(i)}\right)"
    assert check(D2L, "b", b, latex=True).ok
    assert check(D2L, "b", b.replace("+ b", "- b"), latex=True).code == "sign"


def test_the_papers_x_hat_on_a_network_that_normalises_another_tensor() -> None:
    r"""Ioffe & Szegedy's ``\hat{x}_i`` (``\widehat{\mathbf{x}}``) in a batchnorm answer, on a
    network that normalises Z: the normalised tensor (it was "unknown name 'xhat'", c6b-289);
    plain x stays another tensor, and a wrong factor stays wrong."""
    head = r"\frac{\partial \ell}{\partial \gamma} = "
    body = r"\sum_{i=1}^{m}\frac{\partial \ell}{\partial y_i}\cdot\hat{x}_i"
    assert check("batchnorm", "gamma", head + body, latex=True).ok
    assert check("batchnorm", "gamma", head + body.replace(r"\hat{x}", r"\widehat{\mathbf{x}}"), latex=True).ok
    assert not check("batchnorm", "gamma", head + body.replace(r"\hat{x}", " x"), latex=True).ok
    assert check("batchnorm", "gamma", head + r"\frac{1}{m}" + body, latex=True).code == "scale-factor"


@pytest.mark.parametrize(
    "net, wrt, text, shown",
    [
        ("mlp-bce", "W2[0,0]", "(A2[0,0]-Y[0,0])*A1[0,0]/2 + (A2[1,0]-Y[1,0])*A1[1,0]",
         "(A2[0,0] - Y[0,0]) * A1[0,0] / 2 + (A2[1,0] - Y[1,0]) * A1[1,0]"),
        ("relu-mlp", "w2[0,0]", "2 * h[0,0] * (y_pred[0,0] - y[0,0])",
         "2 * h[0,0] * (y_pred[0,0] - y[0,0])"),
    ],
)
def test_an_entry_formula_in_subscripts_is_echoed_in_subscripts(
    net: str, wrt: str, text: str, shown: str
) -> None:
    """The "yours" line of an entry formula written as ``A1[0,0]`` shows ``A1[0,0]``, not the
    walkthrough's entry name the checker reads it as (``A111``, which reads as a new name)."""
    result = check(net, wrt, text)
    assert result.read_as == shown
    assert "A111" not in result.read_as and "h11" not in result.read_as


FOCAL = COURSE / "focal.toml"  # log(p_t), p_t = y p + (1 − y)(1 − p): random y leave log's domain
FOCAL_DPT = "np.log(p_t) / m * alpha_t * (2 * (1 - p_t)) - (alpha_t * (1 - p_t) ** 2) / m * (1 / p_t)"


@pytest.mark.parametrize(
    "text, code",
    [(f"-({FOCAL_DPT})", "sign"), (f"2 * ({FOCAL_DPT})", "scale-factor"),
     ("np.log(p_t) / m * alpha_t * (2 * (1 - p_t))", "missing-path")],
)
def test_a_gradient_undefined_at_every_random_point_is_diagnosed_where_it_is_defined(
    text: str, code: str
) -> None:
    """Where the gradient itself is undefined at all the checker's random points (the drawn
    data outside the network's domain), a wrong formula is compared at the example values and
    the other-sizes points: a sign flip is ``sign`` (was "undefined at values where the gradient
    is defined", code unknown: labs13's exercise-key sweep), and no diagnosis says the formula is
    undefined where the gradient is defined. Since round 23 the random points where the gradient
    is undefined are drawn again (checknet._points_defined), so a formula lacking the second
    term is named for it (``missing-path``, was ``unknown``)."""
    assert check(FOCAL, "p_t", FOCAL_DPT).ok
    result = check(FOCAL, "p_t", text)
    assert result.code == code
    assert "undefined" not in result.text()
