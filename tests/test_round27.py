"""Round 27 on main (lead): what a probe of mutated LaTeX answers found (issue 11: zero wrong
answers accepted; bench/probes/checkmut_latex.py). Right LaTeX answers of corpora 2-27, edited
as students slip, were accepted where the edit sat in a part the checker did not judge:

- a chain of equalities ``∂L/∂W = X^T ∂L/∂Z^{[2]} = …`` whose middle member was wrong (only the
  last member was judged);
- ``∂L/∂v_1 = …`` under ``--wrt v2`` (the left side's entry was not compared with --wrt);
- ``g^{[2]\\prime}(Z^{[1]})`` read as the derivative of Z1's own activation (the layer index of
  Ng's g^{[l]} was dropped).

Verdicts on wrong answers are confirmed by the independent oracle (tests/check_oracle.py)."""

from __future__ import annotations

import pytest

torch = pytest.importorskip("torch")

import check_oracle  # noqa: E402

from derive.checker.check import FormulaError, check  # noqa: E402
from derive.checker import latexin  # noqa: E402

DZ1 = "((A2 - Y) @ W2.T / m) * (Z1 > 0)"


@pytest.mark.parametrize(
    ("text", "oracle", "code"),
    [
        # the middle member uses layer 2's upstream where layer 1's belongs
        (
            r"\frac{\partial L}{\partial W^{[1]}} = X^{\top}\frac{\partial L}{\partial Z^{[2]}}"
            r" = \frac{1}{m} X^{\top}\left(\left(A^{[2]} - Y\right) W^{[2]\top} \odot"
            r" \mathbb{1}\left[Z^{[1]} > 0\right]\right)",
            "X.T @ (A2 - Y)",
            "shape-mismatch|wrong-layer",
        ),
        # aligned rows "&= …": one chain; the middle member drops the transpose of W2
        (
            r"\begin{aligned} dW^{[1]} &= X^{\top} \left(\delta^{[2]} W^{[2]} \odot"
            r" \mathbb{1}[Z^{[1]} > 0]\right) \\ &= \frac{1}{m} X^{\top}\left(\left(A^{[2]} - Y\right)"
            r" W^{[2]\top} \odot \mathbb{1}\left[Z^{[1]} > 0\right]\right) \end{aligned}",
            None,
            "*",
        ),
        # the middle member has the sign of the last one flipped
        (
            r"dW^{[2]} = \frac{1}{m} A^{[1]\top}(Y - A^{[2]}) = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)",
            "A1.T @ (Y - A2) / m",
            "sign",
        ),
    ],
)
def test_a_wrong_middle_member_of_a_chain_makes_the_answer_wrong(text, oracle, code) -> None:
    wrt = "W1" if "W^{[1]}" in text or "dW^{[1]}" in text else "W2"
    if oracle is not None:
        assert check_oracle.oracle_ok("mlp-bce", wrt, oracle) is False
    r = check("mlp-bce", wrt, text, latex=True)
    assert r.verdict == "incorrect", r.text()
    if code != "*":
        assert r.code in code.split("|"), r.text()
    assert "chain of equalities" in r.text()
    zh = check("mlp-bce", wrt, text, latex=True, lang="zh")
    assert zh.verdict == "incorrect" and "连等式" in zh.text()


def test_a_right_chain_stays_right_and_an_unread_member_is_said() -> None:
    right = (
        r"dW^{[2]} = A^{[1]\top}\frac{\partial L}{\partial Z^{[2]}}"
        r" = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)"
    )
    r = check("mlp-bce", "W2", right, latex=True)
    assert r.ok and not r.notes, r.text()
    unread = r"dW^{[2]} = \frac{1}{m} A^{[1]\top} Q = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)"
    r = check("mlp-bce", "W2", unread, latex=True)
    assert r.ok and any("could not be read" in n for n in r.notes), r.text()


def test_a_chain_that_shows_the_course_notes_convention_of_dZ_is_right() -> None:
    """``dW = 1/m A^T dZ = 1/m A^T (A - Y)``: the chain itself says dZ = A − Y (Ng's dZ, without
    the mean's 1/m), so its middle member agrees with its last; said in a note."""
    text = r"dW^{[2]} = \frac{1}{m} A^{[1]\top} dZ^{[2]} = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)"
    r = check("mlp-bce", "W2", text, latex=True)
    assert r.ok and any("course-notes convention" in n for n in r.notes), r.text()
    # but ∂L/∂Z written out has no such convention: an extra 1/m there is wrong
    wrong = (
        r"dW^{[2]} = \frac{1}{m} A^{[1]\top} \frac{\partial L}{\partial Z^{[2]}}"
        r" = \frac{1}{m} A^{[1]\top}(A^{[2]} - Y)"
    )
    assert check_oracle.oracle_ok("mlp-bce", "W2", "A1.T @ (A2 - Y) / m / m") is False
    r = check("mlp-bce", "W2", wrong, latex=True)
    assert r.verdict == "incorrect" and r.code == "scale-factor", r.text()


def test_chain_members_are_cut_at_top_level_equals_only() -> None:
    assert latexin.chain_members(r"dW = \frac{1}{m}\sum_{i=1}^{m} a_i = B = C") == [
        "dW",
        r"\frac{1}{m}\sum_{i=1}^{m} a_i",
        "B",
        "C",
    ]
    assert latexin.chain_members(r"dW = \sum_{i=1}^{m} a_i") == []
    assert latexin.chain_members(r"dW = (") == []


@pytest.mark.parametrize(
    ("net", "wrt", "text", "right"),
    [
        ("tiny-mlp", "v2", r"\frac{\partial L}{\partial v_{2}} = (y_{pred} - y_{target})\,h_{2}", True),
        ("tiny-mlp", "v2", r"\frac{\partial L}{\partial v_{1}} = (y_{pred} - y_{target})\,h_{2}", None),
        ("tiny-mlp", "W2[1,0]", "dv1 = (y_pred - y_target) * h2", None),
        ("tiny-mlp", "v1", r"\frac{\partial L}{\partial v_{1}} = (y_{pred} - y_{target})\,h_{2}", False),
        ("neuron", "w2", r"\frac{\partial L}{\partial w_1} = (O - t)\,O\,(1 - O)\,x_2", None),
        ("neuron", "w2", r"\frac{\partial L}{\partial w_2} = (O - t)\,O\,(1 - O)\,x_2", True),
    ],
)
def test_an_entry_on_the_left_side_is_compared_with_wrt(net, wrt, text, right) -> None:
    """A left side naming another entry than ``--wrt`` (``∂L/∂v_1 = …`` under ``--wrt v2``) was
    ignored, so an answer written for v1 with v2's formula was "correct": now exit 2 naming both
    entries (en/zh), as a left side naming another tensor already was."""
    latex = "\\" in text
    if right is None:
        with pytest.raises(FormulaError) as err:
            check(net, wrt, text, latex=latex)
        assert "left side" in err.value.message and "another entry" in err.value.message
        zh = err.value.localized("zh")
        assert "公式左边" in zh and "不同的元素" in zh
        return
    r = check(net, wrt, text, latex=latex)
    assert (r.verdict == "correct") is right, r.text()


@pytest.mark.parametrize(
    ("text", "oracle", "right"),
    [
        (
            r"\delta^{[2]} W^{[2]T} \odot g^{[2]\prime}(Z^{[1]})",
            "(A2 - Y) @ W2.T / m * sigmoid(Z1) * (1 - sigmoid(Z1))",
            False,
        ),
        (r"dZ^{[1]} = dZ^{[2]} W^{[2]T} \odot g^{[2]'}(Z^{[1]})", None, False),
        (r"\delta^{[2]} W^{[2]T} \odot g^{[1]\prime}(Z^{[1]})", DZ1, True),
        (r"\delta^{[2]} W^{[2]T} \odot g'(Z^{[1]})", DZ1, True),
        # 邱锡鹏's f_l: the layer as a subscript (c3-427's edit)
        (r"\boldsymbol{\delta}^{(2)} \left(W^{(2)}\right)^{\mathsf{T}} \odot f_2'\left(Z^{(1)}\right)", None, False),
        (r"\boldsymbol{\delta}^{(2)} \left(W^{(2)}\right)^{\mathsf{T}} \odot f_1'\left(Z^{(1)}\right)", DZ1, True),
    ],
)
def test_g_with_a_layer_index_is_that_layers_activation(text, oracle, right) -> None:
    """Ng's ``g^{[l]}`` is layer l's activation: on mlp-bce (ReLU then sigmoid),
    ``g^{[2]\\prime}(Z^{[1]})`` is σ'(Z1), not ReLU'(Z1) (the layer index was dropped and the
    answer accepted); ``g^{[1]\\prime}`` and a bare ``g'`` are Z1's own activation."""
    if oracle is not None:
        assert check_oracle.oracle_ok("mlp-bce", "Z1", oracle) is right
    r = check("mlp-bce", "Z1", text, latex=True)
    assert (r.verdict == "correct") is right, r.text()
    if not right:
        assert r.code == "wrong-activation-derivative", r.text()


def _dw2_example() -> tuple[float, float]:
    """∂L/∂W2 of mlp-bce at the spec's example values, by the oracle's PyTorch network (float64)."""
    from derive.lang.spec import load

    values = load("mlp-bce").values
    t = {k: torch.tensor([[float(x) for x in row] for row in v], dtype=torch.float64) for k, v in values.items()}
    for k in ("W1", "b1", "W2", "b2"):
        t[k].requires_grad_(True)
    check_oracle.NETS["mlp-bce"][0](t, {})["L"].backward()
    g = t["W2"].grad
    return float(g[0, 0]), float(g[1, 0])


@pytest.mark.parametrize(
    ("text", "latex", "right", "code"),
    [
        ("dW2 = [[{a:.4f}], [{b:.5f}]]", False, True, None),
        ("[[{a:.4f}], [{b:.5f}]]", False, True, None),
        ("dW2 = np.array([[{a:.4f}], [{b:.5f}]])", False, True, None),
        (r"dW^{{[2]}} = \begin{{bmatrix}} {a:.4f} \\ {b:.5f} \end{{bmatrix}}", True, True, None),
        # the walkthrough's own line, read back
        (r"\frac{{\partial L}}{{\partial W^{{[2]}}}} \approx \begin{{bmatrix}} {a:.7f} \\ {b:.7f} \end{{bmatrix}}", True, True, None),
        (r"\frac{{\partial L}}{{\partial W^{{[2]}}}} \approx \begin{{bmatrix}} {a:.7f} \\ {nb:.7f} \end{{bmatrix}}", True, False, "sign"),
        ("dW2 = [[{a:.4f}], [{b3:.5f}]]", False, False, "unknown"),
        # a formula with the numbers it comes to: both judged
        (r"dW^{{[2]}} = \frac{{1}}{{m}} A^{{[1]\top}}(A^{{[2]}} - Y) = \begin{{bmatrix}} {a:.4f} \\ {b:.5f} \end{{bmatrix}}", True, True, None),
        (r"dW^{{[2]}} = \frac{{1}}{{m}} A^{{[1]\top}}(A^{{[2]}} - Y) \approx \begin{{bmatrix}} {a:.4f} \\ {b3:.5f} \end{{bmatrix}}", True, False, "unknown"),
        (r"dW^{{[2]}} = A^{{[1]\top}}(A^{{[2]}} - Y) \approx \begin{{bmatrix}} {a:.4f} \\ {b:.5f} \end{{bmatrix}}", True, False, "scale-factor"),
    ],
)
def test_numbers_given_as_the_answer_are_judged_by_the_number_policy(text, latex, right, code) -> None:
    """A gradient given as numbers where a formula is read (``dW2 = [[…]]``, a LaTeX matrix, the
    walkthrough's own ``∂L/∂W ≈ \\begin{bmatrix}…``) was judged as a constant formula (a right
    hand value "incorrect", the walkthrough's line "circular", a NumPy list unreadable): it is
    judged by the hand-number policy, as ``--value`` is; after a formula, both are judged."""
    vals = _dw2_example()
    a, b = vals
    t = text.format(a=a, b=b, nb=-b, b3=3 * b)
    r = check("mlp-bce", "W2", t, latex=latex)
    assert (r.verdict == "correct") is right, r.text()
    if code is not None:
        assert r.code == code, r.text()


@pytest.mark.parametrize(
    ("text", "right"),
    [
        (r"\frac{\partial L}{\partial b} = \mathbf{1}^\top(\delta_1 + \delta_2) \text{ where } \delta_2 = (h_2 - y)\circ(1 - h_2^{2}), \delta_1 = (\delta_2 W_h^\top)\circ(1 - h_1^{2})", True),
        (r"\frac{\partial L}{\partial b} = \mathbf{1}^\top(\delta_1 + \delta_2) \text{ where } \delta_2 = (h_2 + y)\circ(1 - h_2^{2}), \delta_1 = (\delta_2 W_h^\top)\circ(1 - h_1^{2})", False),
        (r"\frac{\partial L}{\partial b} = \mathbf{1}^\top(\delta_1 + \delta_2) \text{ where } \delta_2 = (h_2 - y)\circ(1 - h_2^{2}), \delta_1 = (\delta_2 W_h^\top)\circ(1 - h_2^{2})", False),
        (r"\frac{\partial L}{\partial b} = \mathbf{1}^\top(\delta_1 + \delta_2)，其中 \delta_2 = (h_2 - y)\circ(1 - h_2^{2})，\delta_1 = (\delta_2 W_h)\circ(1 - h_1^{2})", False),
    ],
)
def test_a_where_clause_with_several_definitions_is_read(text, right) -> None:
    """``… where δ_2 = …, δ_1 = …``: a clause defining several names was dropped as a remark, so
    δ_1, δ_2 were read as the network's own gradients and a wrong definition (a sign, a layer, a
    transpose) was accepted (bench/probes/checkmut_latex.py, rnn's c22-152 and c23-160)."""
    d2 = "((h_2 {s} y) * (1 - h_2**2))".format(s="+" if "(h_2 + y)" in text else "-")
    d1 = "(({d2} @ W_h{t}) * (1 - {h}**2))".format(
        d2=d2, t="" if r"W_h)" in text else ".T", h="h_2" if r"\circ(1 - h_2^{2})" in text.split("delta_1 =")[1] else "h_1"
    )
    oracle = f"np.ones((1, m)) @ ({d1} + {d2})"
    assert check_oracle.oracle_ok("rnn", "b", oracle) is right
    r = check("rnn", "b", text, latex=True)
    assert (r.verdict == "correct") is right, r.text()


_CLAIM = (
    r"由链式法则，$\frac{{\partial L}}{{\partial W^{{[2]}}}} = \frac{{\partial L}}{{\partial Z^{{[{k}]}}}}"
    r"\frac{{\partial Z^{{[2]}}}}{{\partial W^{{[2]}}}}$，又 $\frac{{\partial L}}{{\partial Z^{{[2]}}}} = {dz}$，"
    r"故 $\frac{{\partial L}}{{\partial W^{{[2]}}}} = \frac{{1}}{{m}}A^{{[1]T}}(A^{{[2]}} - Y)$。"
)


@pytest.mark.parametrize(
    ("k", "dz", "oracle", "right", "note"),
    [
        ("2", r"\frac{1}{m}(A^{[2]} - Y)", "(A2 - Y) / m", True, None),
        ("2", r"\frac{2}{m}(A^{[2]} - Y)", "2 * (A2 - Y) / m", False, None),
        ("2", r"\frac{1}{m}(Y - A^{[2]})", "(Y - A2) / m", False, None),
        ("2", r"\frac{1}{m}(A^{[1]} - Y)", None, False, None),
        ("1", r"\frac{1}{m}(A^{[2]} - Y)", None, False, None),
        # the per-example / course-notes ∂L/∂Z = A − Y, the mean's 1/m put in after: said
        ("2", r"A^{[2]} - Y", "A2 - Y", True, "without the mean's 1/m"),
    ],
)
def test_each_gradient_a_derivation_states_is_judged(k, dz, oracle, right, note) -> None:
    """由链式法则 … 又 ∂L/∂Z^{[2]} = …，故 ∂L/∂W^{[2]} = (right): a wrong stated step (a factor 2,
    a sign, another layer's tensor, a chain rule through Z^{[1]}) was accepted because only the
    last statement was judged."""
    if oracle is not None:
        assert check_oracle.oracle_ok("mlp-bce", "Z2", oracle) is (right and note is None)
    r = check("mlp-bce", "W2", _CLAIM.format(k=k, dz=dz), latex=True)
    assert (r.verdict == "correct") is right, r.text()
    if not right:
        assert "earlier step" in r.text(), r.text()
    if note is not None:
        assert any(note in n for n in r.notes), r.text()


@pytest.mark.parametrize(
    ("text", "right"),
    [
        (r"\begin{align*} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= \frac{1}{m} A^{[1]T} dZ^{[2]} \\ &= \frac{1}{m} A^{[1]T}(A^{[2]} - Y) \end{align*}", True),
        # a wrong row of the chain inside a derivation (layer 1's dZ), a wrong unused definition
        (r"\begin{align*} dZ^{[2]} &= A^{[2]} - Y \\ dW^{[2]} &= \frac{1}{m} A^{[1]T} dZ^{[1]} \\ &= \frac{1}{m} A^{[1]T}(A^{[2]} - Y) \end{align*}", False),
        (r"\begin{align*} dZ^{[2]} &= A^{[1]} - Y \\ dW^{[2]} &= \frac{1}{m} A^{[1]T} dZ^{[2]} \\ &= \frac{1}{m} A^{[1]T}(A^{[2]} - Y) \end{align*}", False),
        # matrix calculus in differentials: dZ = X dW is no gradient claim
        (r"dL = \operatorname{tr}\left(\frac{1}{m}(P - Y)^{\top} dZ\right), \; dZ = X\,dW \Rightarrow \frac{\partial L}{\partial W} = \frac{1}{m}X^{\top}(P - Y)", None),
    ],
)
def test_rows_of_a_derivation_are_judged_in_their_context(text, right) -> None:
    """Ng-style rows: every d-name a row states is judged with the rows before it standing for
    their names (dZ^{[2]} = A^{[2]} - Y, the course-notes convention, is said in a note; a chain
    inside a row is judged member by member); a derivation in differentials is left alone."""
    if right is None:
        r = check("softmax-regression", "W", text, latex=True)
        assert r.ok, r.text()
        return
    r = check("mlp-bce", "W2", text, latex=True)
    assert (r.verdict == "correct") is right, r.text()
    if right:
        assert any("1/m" in n for n in r.notes), r.text()


def test_a_definition_after_the_answer_is_judged_without_recursing() -> None:
    """``∂L/∂W^{[2]} = A^{[1]\\top} δ^{[2]}, \\quad δ^{[2]} = …``: the definition after the answer
    is put first and the answer judged with it; judging the statements must not judge itself
    again (it recursed without end: an internal error)."""
    text = (
        r"\frac{\partial L}{\partial W^{[2]}} = A^{[1]\top} \boldsymbol{\delta}^{[2]}, \quad"
        r" \boldsymbol{\delta}^{[2]} = \frac{1}{m}\left((1 - Y) \odot A^{[2]} - w Y \odot (1 - A^{[2]})\right)"
    )
    assert check("mlp-bce-weighted", "W2", text, latex=True).ok
    wrong = text.replace(r"(1 - Y) \odot A^{[2]}", r"(1 - Y) \odot A^{[1]}")
    assert check("mlp-bce-weighted", "W2", wrong, latex=True).verdict == "incorrect"


def test_the_fast_path_leaves_stated_steps_to_the_slow_path() -> None:
    """The SymPy-free fast path (a CLI's second check) answered ✓ for ``dZ^{[2]} = A^{[1]} - Y
    \\\\ dW^{[2]} = (right)`` where the slow path judges the wrong stated row: such rows fall back."""
    from derive.checker import fastpath

    text = r"dZ^{[2]} = A^{[1]} - Y \\ dW^{[2]} = \frac{1}{m} A^{[1]T}(A^{[2]} - Y)"
    assert fastpath.answer("mlp-bce", "W2", text, latex=True) is None
    assert check("mlp-bce", "W2", text, latex=True).verdict == "incorrect"
