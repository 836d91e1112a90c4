"""The held-out-style corpus of issue 11, sixth round, LaTeX share (tests/corpus6b.py): right and
wrong derivations as lecture notes and students write them in LaTeX or pasted Unicode maths (Ng,
Nielsen, CS229, 西瓜书, 邱锡鹏, d2l, Goodfellow), element-wise formulas with subscripts, Leibniz chain
products, Chinese punctuation, ``--lang zh``, over all ten built-ins and four course networks. Each
case with an ``oracle`` has its verdict confirmed against PyTorch by tests/check_oracle.py (not by
the checker); then derive.checker must give that verdict and, where one is named, that diagnosis
code. Rates (and the first, before-fix measurement): bench/bench_check_corpus6b.py,
bench/RESULTS.md."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus_common  # noqa: E402
import corpus6b  # noqa: E402

from derive.checker.check import FormulaError, check  # noqa: E402

CASES = corpus6b.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
    "c6b-265": "d2l's per-example ∂_o l names o, not a tensor of this network: exit 2 naming it",
    # (c6b-287, H(h) on relu-mlp whose hidden size is H, is read as the Heaviside step since
    # round 23's heldcheck24: a size name applied to a parenthesis in LaTeX)
    "c6b-308": "a weight-decay term \\frac{\\lambda}{m} W on a network without one: exit 2 naming "
    "\\lambda (wrong either way; counted as a failure)",
}


def _param(c: dict) -> object:
    marks = [pytest.mark.xfail(reason=KNOWN[c["id"]], strict=True)] if c["id"] in KNOWN else []
    return pytest.param(c, id=f"{c['id']}:{Path(c['net']).stem}:{c['wrt']}:{c['text'][:30]}", marks=marks)


def test_corpus_is_large_and_covers_every_builtin() -> None:
    from derive.lang.spec import builtin_names

    assert len(CASES) >= 200
    assert set(builtin_names()) <= {c["net"] for c in CASES}
    assert sum(c["verdict"] == "incorrect" for c in CASES) >= 80
    assert sum(c["kind"] == "latex" for c in CASES) >= 150
    assert sum(c.get("lang") == "zh" for c in CASES) >= 15
    assert len({c["id"] for c in CASES}) == len(CASES)


def test_corpus_has_no_repeat_of_corpus2_to_5() -> None:
    import corpus2
    import corpus3
    import corpus4
    import corpus5

    earlier = corpus2.load() + corpus3.load() + corpus4.load() + corpus5.load()
    assert corpus_common.repeats(CASES, earlier) == []


@pytest.mark.slow
@pytest.mark.parametrize("case", [c for c in CASES if c.get("oracle")], ids=lambda c: c["id"])
def test_oracle_agrees_with_the_stated_verdict(case: dict) -> None:
    """The corpus' verdicts come from PyTorch, not from the checker."""
    assert corpus_common.oracle_agrees(case)


@pytest.mark.slow
@pytest.mark.parametrize("case", [_param(c) for c in CASES])
def test_checker_on_corpus6b(case: dict) -> None:
    got = corpus6b.run(case)
    assert corpus6b.judge(case, got) == "ok", got


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_a_mutation_that_breaks_a_row_wise_call_is_left_out() -> None:
    """邱锡鹏's column-major softmax (softmax over dim 0, read as softmax(Z.T).T): a mistake from
    the library that drops one of those transposes gave softmax of a 3×4 tensor a 4×3 shape, and
    every formula for ∂R/∂W crashed (IndexError, exit 70)."""
    qiu = str(corpus6b.QIU)
    r = check(qiu, "W", "X @ (Y_hat - Y).T / N")
    assert not r.ok and r.diagnoses
    r = check(qiu, "W", r"\frac{1}{N} X (\hat{Y} - Y)^{\top}", latex=True)
    assert not r.ok


def test_times_and_ast_between_equal_shapes_are_read_by_the_declared_shapes() -> None:
    """``\\times`` / ``\\ast`` misused for ⊙ between two m×n_h tensors: the declared shapes decide
    (m ≠ n_h in general, so only the element-wise product fits), not the example's square 2×2,
    where a matrix product also fits; an indicator's shape is its sides' broadcast."""
    L = True
    for op in ("\\times", "\\ast", "\\cdot"):
        f = "\\left(\\delta^{[2]} W^{[2]\\top}\\right) " + op + " \\mathbb{1}(Z^{[1]} > 0)"
        assert check("mlp-bce", "Z1", f, latex=L).ok, op
    assert check("mlp-bce", "Z1", r"\delta^{[2]} W^{[2]\top} \times [Z^{[1]} > 0]", latex=L).ok
    assert not check("mlp-bce", "Z1", r"\delta^{[2]} W^{[2]\top} \times [A^{[2]} > 0.5]", latex=L).ok
    assert check("mlp-bce", "W2", r"\frac{1}{m} A^{[1]\top} \times (A^{[2]} - Y)", latex=L).ok


def test_a_formula_in_a_sentence_a_where_clause_and_ell() -> None:
    """Pasted from notes: one ``$…$`` inside a sentence (Chinese or English), a closing
    "，其中 …" / ", where …" clause after plain maths, and ℓ for the loss."""
    right = r"\frac{\partial L}{\partial W^{[2]}} = \frac{1}{m}A^{[1]\top}(A^{[2]}-Y)"
    assert check("mlp-bce", "W2", "由链式法则，$" + right + "$。", latex=True).ok
    assert check("mlp-bce", "W2", "By the chain rule, $" + right + "$.", latex=True).ok
    wrong = "By the chain rule, $" + right.replace(r"\frac{1}{m}", "") + "$."
    assert check("mlp-bce", "W2", wrong, latex=True).code == "scale-factor"
    assert check("softmax-regression", "W", "∂L/∂W = Xᵀ(P − Y)/m，其中 P = softmax(Z)").ok
    assert check("softmax-regression", "W", "∂L/∂W = Xᵀ(P − Y)/m, where P = softmax(Z)").ok
    assert check("softmax-regression", "W", "∂L/∂W = Xᵀ(Y − P)/m，其中 P = softmax(Z)").code == "sign"
    assert check("relu-mlp", "w2", "∂ℓ/∂w₂ = 2 h_reluᵀ (y_pred − y)").ok
    with pytest.raises(FormulaError):  # two formulas in prose: not guessed
        check("mlp-bce", "W2", "$a$ and $b$", latex=True)


def test_nielsen_bare_delta_defined_then_used() -> None:
    """Nielsen's δ on its own, defined in a first equation and used in the next (δ x, δ\\,x,
    δ · x): δ times x where x has no gradient of its own (δY stays δ_Y)."""
    L = True
    for use in (r"\delta\,\mathbf{x}", r"\delta \mathbf{x}", r"\delta \cdot x"):
        f = r"\delta = (O - t)\,O(1 - O),\quad \frac{\partial L}{\partial \mathbf{w}} = " + use
        assert check("neuron", "w", f, latex=L).ok, use
    f = r"\delta = (t - O)\,O(1 - O) \\ \nabla_w L = \delta \cdot x"
    assert check("neuron", "w", f, latex=L).code == "sign"
    assert check("batchnorm", "gamma", r"\mathbf{1}^\top(\delta Y \odot \hat{Z})", latex=L).ok
    with pytest.raises(FormulaError, match="delta"):  # δ defined nowhere
        check("neuron", "w", r"\delta \cdot x", latex=L)


def test_a_row_of_ones_before_a_minus_ends_the_product() -> None:
    """``(Y\\mathbf{1})\\mathbf{1}^{\\top} - Y``: the row sums in every column, then minus Y (the
    𝟙ᵀ was read as the column sums of −Y, so a right answer was 'unknown')."""
    cs229 = str(corpus6b.CS229S)
    f = r"\frac{1}{m} X^{\top}\left(p \odot (Y\mathbf{1})\mathbf{1}^{\top} - Y\right)"
    assert check(cs229, "theta", f, latex=True).ok
    assert not check(cs229, "theta", f.replace("- Y", "+ Y"), latex=True).ok
    assert check("batchnorm", "beta", r"\mathbf{1}^{\top}\delta_Y", latex=True).ok


def _drawn_targets(path: str, tmp_path: Path) -> str:
    """The spec at ``path`` with its [values] of Y left out: Y drawn (not one-hot)."""
    out = tmp_path / Path(path).name
    text = Path(path).read_text(encoding="utf-8")
    out.write_text("\n".join(l for l in text.splitlines() if not l.startswith("Y = [[")) + "\n", encoding="utf-8")
    return str(out)


def test_one_hot_only_and_binary_only_formulas(tmp_path: Path) -> None:
    """P − Y where the target is not declared one-hot (CS229's softmax with a plain Y, 邱锡鹏's
    column-major Y) and drawn: wrong, with a note that it holds for one-hot targets only; the
    weighted BCE's 0/1-label simplification is weighted-loss-not-simplifiable with the binary
    note. (With the specs' own one-hot [values] Y is read as one-hot labels: right.)"""
    assert check(str(corpus6b.CS229S), "theta", r"\frac{1}{m} X^{\top}(p - Y)", latex=True).ok
    cs229, qiu = _drawn_targets(corpus6b.CS229S, tmp_path), _drawn_targets(corpus6b.QIU, tmp_path)
    r = check(cs229, "theta", r"\frac{1}{m} X^{\top}(p - Y)", latex=True)
    assert not r.ok and "one-hot" in r.diagnoses[0].message and any("one-hot" in n for n in r.notes)
    r = check(qiu, "W", r"-\frac{1}{N} X (Y - \hat{Y})^{\top} + \lambda W", latex=True)
    assert not r.ok and "one-hot" in r.text()  # one-hot columns
    assert "one-hot" in check(cs229, "theta", "X.T @ (p - Y) / m", lang="zh").text()
    # P − Y with a second mistake (an extra 1/m): that mistake, read at one-hot targets, and a
    # note saying so — not "your formula holds only when the target is one-hot", which it does not
    r = check(cs229, "theta", "X.T @ (p - Y) / m**2")
    assert r.diagnoses[0].code == "scale-factor" and "holds only when" not in r.text(), r.text()
    assert any("read at targets that are one-hot" in n for n in r.notes)
    r = check("mlp-bce-weighted", "Z2", "(w * Y + 1 - Y) * (A2 - Y) / m")
    assert r.code == "weighted-loss-not-simplifiable" and "0 or 1" in r.text()
    assert check("softmax-regression", "Z", "(P - Y) / m").ok  # declared one-hot: right


def test_octave_prime_on_a_tensor_is_a_transpose() -> None:
    """Ng's Octave notation ``A^{[1]'}`` for Aᵀ; a prime on a function stays its derivative."""
    assert check("mlp-bce", "W2", r"\frac{1}{m} A^{[1]'}(A^{[2]} - Y)", latex=True).ok
    assert check("mlp-bce", "W2", r"\frac{1}{m} A^{[1]'}(Y - A^{[2]})", latex=True).code == "sign"
    assert check("mlp-bce", "Z1", r"dZ^{[2]} W^{[2]T} * g^{[1]'}(Z^{[1]})", latex=True).ok


def test_heaviside_h_where_the_network_has_no_h() -> None:
    """H(Z), the Heaviside step, for ReLU's derivative; where the network has a tensor H
    (Goodfellow's hidden layer) H stays that tensor."""
    assert check("mlp-bce", "Z1", r"\left(\delta^{[2]} W^{[2]\top}\right) \cdot H(Z^{[1]})", latex=True).ok
    r = check("mlp-bce", "Z1", r"\delta^{[2]} W^{[2]\top} \odot H\left(Z^{[2]}\right)", latex=True)
    assert not r.ok
    good = str(corpus6b.GOOD)
    assert not check(good, "W2", r"H \frac{\partial J}{\partial U_2}", latex=True).ok


def test_softmax_in_pasted_maths_and_a_nested_prime() -> None:
    """softmax(Z) pasted as plain maths (∂J/∂W = (1/m) · Xᵀ · (softmax(Z) − Y)) is the table's
    softmax, and A^{[1]^{\\prime}} is A^{[1]'} (Octave's transpose)."""
    assert check("softmax-regression", "W", "∂J/∂W = (1/m) · Xᵀ · (softmax(Z) − Y)").ok
    assert check("softmax-regression", "W", "∂J/∂W = Xᵀ · (softmax(Z) − Y)").code == "scale-factor"
    f = r"\frac{1}{m}\, A^{[1]^{\prime}} \left(A^{[2]} - Y\right)"
    assert check("mlp-bce", "W2", f, latex=True).ok


def test_tanh_derivative_of_the_pre_activation_is_a_wrong_activation_derivative() -> None:
    """tanh'(Z1) for ReLU's derivative: the classic slips include tanh's derivative at the
    argument (1 − tanh²(Z)), not only at the output (1 − A²)."""
    f = r"\delta^{[1]} = \delta^{[2]} W^{[2]\top} \odot \tanh'(Z^{[1]})"
    assert check("mlp-bce", "Z1", f, latex=True).code == "wrong-activation-derivative"
    assert check("mlp-bce", "Z1", "dZ2 @ W2.T * (1 - np.tanh(Z1)**2)").code == "wrong-activation-derivative"
    assert check("rnn", "z_2", "(h_2 - y) * (1 - np.tanh(z_2)**2)").ok


def test_leibniz_through_a_softmax() -> None:
    """∂L/∂P · ∂P/∂Z (and attention's ∂L/∂A · ∂A/∂S): the upstream gradient pulled through the
    row-wise softmax, P ⊙ (G − (P ⊙ G)𝟙); the softmax's Jacobian on its own is refused."""
    L = True
    assert check("softmax-regression", "Z", r"\frac{\partial L}{\partial P}\frac{\partial P}{\partial Z}", latex=L).ok
    chain = r"\frac{\partial L}{\partial A}\frac{\partial A}{\partial S}\frac{\partial S}{\partial Q}"
    assert check("attention", "Q", chain, latex=L).ok
    assert not check("attention", "K", chain, latex=L).ok
    assert not check("attention", "Q", r"\frac{\partial L}{\partial A}\frac{\partial S}{\partial Q}", latex=L).ok
    with pytest.raises(FormulaError, match="softmax"):
        check("attention", "S", r"\frac{\partial A}{\partial S}", latex=L)


def test_the_fast_path_reads_a_latex_left_side(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``\\frac{\\partial L}{\\partial W^{[2]}} = …``, ``\\nabla_{W^{[2]}} J = …``, ``dW^{[2]} = …``,
    ``\\delta^{[1]} = …`` answered without SymPy exactly as the slow path answers them; a left
    side naming another gradient, a chain rule on the left, or no --wrt: the slow path."""
    import json

    from derive import cache
    from derive.checker import compiled, fastpath
    from derive.checker.checknet import net_for

    monkeypatch.setenv("DERIVE_CACHE", str(tmp_path))
    key = fastpath.name_for(fastpath.spec_text("mlp-bce") or b"")
    cache.write(fastpath.KIND, f"{key}.json", compiled.build(net_for("mlp-bce", 0), key))
    rhs = r"\frac{1}{m} A^{[1]\top}(A^{[2]} - Y)"
    for wrt, text in (
        ("W2", r"\frac{\partial L}{\partial W^{[2]}} = " + rhs),
        ("W2", r"\frac{\partial \mathcal{L}}{\partial \mathbf{W}^{[2]}} = " + rhs),
        ("W2", r"\nabla_{W^{[2]}} J = " + rhs),
        ("W2", r"dW^{[2]} = " + rhs.replace(r"\frac{1}{m} ", "")),
        ("Z2", r"\delta^{[2]} = \frac{1}{m}(A^{[2]} - Y)"),
        ("Z2", r"\delta^{[2]} = A^{[2]} - Y"),
        ("W2", r"\frac{1}{m} A^{[1]\top}\left[A^{[2]} - Y\right]"),  # [ … ] groups
        ("W2", r"A^{[1]\top}\Bigl[A^{[2]} - Y\Bigr]"),
    ):
        fast = fastpath.answer("mlp-bce", wrt, text, latex=True)
        slow = check("mlp-bce", wrt, text, latex=True)
        assert fast is not None and fast == (slow.text(), 0 if slow.ok else 1), text
        as_json = fastpath.answer("mlp-bce", wrt, text, as_json=True, latex=True, lang="zh")
        assert as_json is not None
        want = json.dumps(slow.localized("zh").as_dict(), ensure_ascii=False, indent=2)
        assert as_json[0] == want
    for wrt, text in (
        ("W2", r"\frac{\partial L}{\partial Z^{[2]}} = " + rhs),  # another gradient: exit 2
        ("W2", r"\frac{\partial L}{\partial Z^{[2]}}\frac{\partial Z^{[2]}}{\partial W^{[2]}} = " + rhs),
        (None, r"dW^{[2]} = " + rhs),
    ):
        assert fastpath.answer("mlp-bce", wrt, text, latex=True) is None, text


def test_an_element_wise_leibniz_factor_takes_all_of_its_left_side() -> None:
    """δ W^T ⊙ ∂A1/∂Z1: the local derivative of the activation multiplies all of δ W^T, not
    only W^T (which gave dZ2 @ (W2.T ⊙ …), a shape error)."""
    L = True
    f = r"\delta^{[2]} W^{[2]\top} \odot \frac{\partial A^{[1]}}{\partial Z^{[1]}}"
    assert check("mlp-bce", "Z1", f, latex=L).ok
    assert check("mlp-bce", "Z1", "dZ2 @ W2.T * dA1/dZ1").ok
    assert not check("mlp-bce", "Z1", f.replace(r"W^{[2]\top}", r"W^{[2]}"), latex=L).ok
    assert check("mlp-bce", "W2", "dL/dZ2 * dZ2/dW2").ok
    chain = r"\frac{\partial L}{\partial Z^{[2]}}\frac{\partial Z^{[2]}}{\partial A^{[1]}}\frac{\partial A^{[1]}}{\partial Z^{[1]}}"
    assert check("mlp-bce", "Z1", chain, latex=L).ok


def test_one_hot_simplification_and_a_second_mistake(tmp_path: Path) -> None:
    """邱锡鹏's −X(Y − Ŷ)ᵀ/N (right for one-hot Y only, which this spec does not declare; Y
    drawn) with the weight decay left out or with another factor: the second mistake is named
    (measured where Y is one-hot), with the one-hot note."""
    qiu = _drawn_targets(corpus6b.QIU, tmp_path)
    base = r"-\frac{1}{N} X (Y - \hat{Y})^{\top}"
    r = check(qiu, "W", base, latex=True)
    assert r.code == "missing-loss-term" and any("one-hot" in n for n in r.notes)
    assert check(qiu, "W", base + r" + 2\lambda W", latex=True).code == "loss-term-factor"
    assert check(qiu, "W", base.replace("Y - \\hat{Y}", "\\hat{Y} - Y"), latex=True).code != "missing-loss-term"


def test_leibniz_of_a_scalar_term_is_a_gradient_of_its_own() -> None:
    """Goodfellow's H^T ∂J_MLE/∂U_2 + 2λW_2: ∂ of a scalar node (a term of the loss) is its
    gradient — the loss's rule from the operation table, through the softmax — not a factor
    pulling H^T through J_MLE; scalar chains (chain, neuron, tiny-mlp) read as before."""
    good = str(corpus6b.GOOD)
    base = r"H^{\top}\frac{\partial J_{MLE}}{\partial U_2}"
    assert check(good, "W2", base + r" + 2\lambda W_2", latex=True).ok
    assert check(good, "W2", base, latex=True).code == "missing-loss-term"
    assert check(good, "W2", base + r" + \lambda W_2", latex=True).code == "loss-term-factor"
    chain = r"\frac{\partial L}{\partial v} \cdot \frac{\partial v}{\partial u} \cdot \frac{\partial u}{\partial w}"
    assert check("chain", "w", chain, latex=True).ok
    tiny = r"\frac{\partial L}{\partial y_{pred}}\frac{\partial y_{pred}}{\partial h}\frac{\partial h}{\partial h_{raw}}\frac{\partial h_{raw}}{\partial W_1}"
    assert check("tiny-mlp", "W1", tiny, latex=True).ok
    mazur = r"\frac{\partial L}{\partial y_{pred}}\frac{\partial y_{pred}}{\partial h_1}\frac{\partial h_1}{\partial h_{1,raw}}\frac{\partial h_{1,raw}}{\partial w_{11}}"
    assert check("tiny-mlp", "w11", mazur, latex=True).ok


def test_full_width_operators_from_a_chinese_keyboard() -> None:
    """＝ ＋ － ／ ＊ typed with a Chinese input method read as = + − / *."""
    assert check("mlp-bce", "W2", "∂L/∂W₂＝(1/m)A₁ᵀ(A₂−Y)").ok
    assert check("mlp-bce", "W2", "∂L/∂W₂＝A₁ᵀ(A₂－Y)／m").ok
    assert check("mlp-bce", "W2", "∂L/∂W₂＝A₁ᵀ(Y－A₂)／m").code == "sign"
    f = r"\frac{\partial L}{\partial W^{[2]}}＝\frac{1}{m}A^{[1]\top}(A^{[2]}－Y)"
    assert check("mlp-bce", "W2", f, latex=True).ok


def test_shape_annotations_step_functions_and_nielsen_last_layer() -> None:
    """A closing shape annotation (∈ ℝ^{n_h×1}, \\quad (n_h × 1), \\text{(shape …)}) is not part
    of the formula; sgn(A1), step(Z1) are ReLU's mask; Nielsen's δ^L, a^L name the last layer."""
    L = True
    right = r"\frac{1}{m} A^{[1]\top}(A^{[2]} - Y)"
    for tail in (r" \in \mathbb{R}^{n_h \times 1}", r" \quad (n_h \times 1)", r" \qquad \text{(shape } n_h\times 1)"):
        assert check("mlp-bce", "W2", right + tail, latex=L).ok, tail
    assert check("mlp-bce", "W2", r"A^{[1]\top}(A^{[2]} - Y) \in \mathbb{R}^{n_h \times 1}", latex=L).code == "scale-factor"
    assert check("mlp-bce", "Z1", r"\delta^{[2]} W^{[2]\top} \odot \mathrm{sgn}(A^{[1]})", latex=L).ok
    assert not check("mlp-bce", "Z1", r"\delta^{[2]} W^{[2]\top} \odot \mathrm{sgn}(Z^{[1]})", latex=L).ok
    assert check("mlp-bce", "Z1", r"\delta^{[2]} W^{[2]\top} \odot \operatorname{step}(Z^{[1]})", latex=L).ok
    assert check("neuron", "z", r"\delta^L = (O - t) \odot \sigma'(z)", latex=L).ok
    assert check("mlp-bce", "Z2", r"\delta^{L} = \frac{1}{m}(a^L - y)", latex=L).ok
    assert check("mlp-bce", "W2", r"A^{[1]\top}\delta^L", latex=L).ok
    assert check("rnn", "z_2", r"\delta^L = (h_2 - y) \odot (1 - (h^L)^2)", latex=L).ok
