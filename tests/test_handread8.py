"""The handouts as a lecturer reads them (issue 12, pass 8): the proofs document's wording, and
the four newer built-ins read side by side with how courses teach those layers."""

from __future__ import annotations

import re

import pytest

from derive.locale import catalog
from derive.proofs import registry


def _top_level_colon(text: str) -> bool:
    """Whether ``text`` has a full-width colon outside parentheses."""
    depth = 0
    for ch in text:
        depth += ch in "（(" and 1 or ch in "）)" and -1 or 0
        if ch == "：" and depth == 0:
            return True
    return False


def test_every_definition_step_says_which_definition() -> None:
    """Every proof opened with "Why. Definition (the forward rule)." — 18 times in the proofs
    document, for a linear layer, σ, ReLU, a batch variance alike. A definition step names what
    it defines (and says what the formula does not: m, not m − 1; ReLU′(0) against clamp)."""
    texts = set()
    for name in registry.proof_names():
        proof = registry.get_proof(name)
        for step in proof.steps:
            assert step.reason != "proof.definition", (name, step.lhs.text)
            if step.reason.startswith("proof.def."):
                texts.add(registry.reason_text(step, "en"))
    assert len(texts) >= 12, texts  # one sentence per kind of definition, not one for all
    for lang in catalog.LANGS:
        cat = catalog.catalogue(lang)
        for section in (cat["reasons"], cat["prove"]["reasons"]):
            assert all(f"proof.def.{k}" in section for k in ("linear", "sigmoid", "bn_var"))


def test_zh_reasons_have_no_colon_after_the_label() -> None:
    """A Chinese handout writes a reason as 「**依据**：…」; a reason that itself began with a
    label and a colon read 「依据：链式法则：…」, 「依据：形状检查：…」 (a double colon). A zh
    reason has no full-width colon outside parentheses."""
    label = catalog.catalogue("zh")["ui"]["why"]
    assert label.endswith("：")
    bad = {k: v for k, v in catalog.catalogue("zh")["reasons"].items() if _top_level_colon(v)}
    assert not bad, bad


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_kronecker_is_a_bracket_not_delta(lang: str) -> None:
    """δ is the gradient in every handout; the proofs' reasons still wrote Kronecker's symbol
    as δ_iq ("∂ℓ_i/∂Z_q = δ_iq ∂ℓ_i/∂Z_i", "the Kronecker delta") beside δ_Z. They write the
    bracket [i = q] the proofs already use."""
    cat = catalog.catalogue(lang)
    for section in (cat["reasons"], cat["prove"]["reasons"]):
        for key, text in section.items():
            kronecker = r"\\delta_\{[a-z]{2}\}|δ_[a-z]{2}\b|Kronecker delta|克罗内克 δ"
            assert not re.search(kronecker, text), key


def _walkthrough(name: str):
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric
    from derive.render.build import shared_proofs
    from derive.walkthrough.context import build

    d = derive(spec.load(name))
    return build(d, numeric.verify(d, points=0, full=False), shared_proofs(), detail="standard")


def _numbers(tex: str) -> list[float]:
    return [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", tex.split("bmatrix}", 1)[1])]


class _DiagonalSoftmax:
    """PyTorch's softmax with the slip in its backward: the diagonal a(1 − a) only."""

    @staticmethod
    def apply(s):
        import torch

        class Diag(torch.autograd.Function):
            @staticmethod
            def forward(ctx, s):  # type: ignore[override]
                a = torch.softmax(s, dim=1)
                ctx.save_for_backward(a)
                return a

            @staticmethod
            def backward(ctx, g):  # type: ignore[override]
                (a,) = ctx.saved_tensors
                return g * a * (1 - a)

        return Diag.apply(s)


@pytest.mark.parametrize("net", ["softmax-regression", "attention"])
def test_the_softmax_jacobian_mistake_is_what_pytorch_gives(net: str) -> None:
    """The classic slip of a softmax backward (CS231n, d2l forums): differentiating it entry by
    entry, δ ⊙ a ⊙ (1 − a), as for a sigmoid — the off-diagonal −a_j a_k of the Jacobian lost.
    The handouts of both networks with a softmax list it, with the numbers it gives; they are
    PyTorch's with the same slip in its backward."""
    torch = pytest.importorskip("torch")
    import torch.nn.functional as F

    w = _walkthrough(net)
    parts = dict(next(ls for ls in w.lessons if ls.key == "mistakes").parts)
    assert "softmax_diagonal" in parts
    shown = _numbers(parts["softmax_diagonal"][-1].value)
    t = lambda v: torch.tensor(v, dtype=torch.float64)  # noqa: E731
    if net == "softmax-regression":
        X, Y = t([[1, 2], [-1, 0.5]]), t([[0, 0, 1], [1, 0, 0]])
        W = t([[0.1, -0.2, 0.3], [0.4, 0.2, -0.1]]).requires_grad_()
        b = t([[0, 0.1, -0.1]])
        P = _DiagonalSoftmax.apply(X @ W + b)
        (-(Y * P.log()).sum() / 2).backward()
        grad = W.grad
    else:
        X, T = t([[1, 0.5], [-0.5, 1]]), t([[0.5, -0.5], [1, 0]])
        Wq = t([[0.4, -0.2], [0.1, 0.3]]).requires_grad_()
        Wk, Wv = t([[0.2, 0.5], [-0.3, 0.1]]), t([[0.6, -0.1], [0.2, 0.4]])
        Q, K = X @ Wq, X @ Wk
        F.mse_loss(_DiagonalSoftmax.apply(Q @ K.T / 2**0.5) @ (X @ Wv), T).backward()
        grad = Wq.grad
    assert "W" in parts["softmax_diagonal"][-1].lhs and "diag" in parts["softmax_diagonal"][-1].lhs
    assert shown == pytest.approx(grad.flatten().tolist(), abs=1e-6)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_factor_two_of_a_sum_names_the_sum(lang: str) -> None:
    """rnn's loss is ½ SSE over 2 entries, which is exactly the default (mean) F.mse_loss; the
    lesson said "backward() on the bare F.mse_loss gives exactly 2 times our gradient", true only
    of reduction="sum", which its code used. The paragraph names the sum it means."""
    from derive.render import environment as render

    md = render.render("md/walkthrough.md.j2", _walkthrough("rnn"), lang)
    section = md[md.index("### 7.1") : md.index("### 7.2")]
    assert section.count('reduction="sum"') >= 2  # in the prose and in the code


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_row_sums_and_means_are_written_as_one_formula(lang: str) -> None:
    """softmax-regression's reason read "what is left of the row sum is $Y$ $\\mathbf{1}$" (two
    formulas side by side, a gap between Y and 𝟏), and batchnorm's mean "divided by the number
    of entries" (all 6 of Z, where it is the m = 3 of each column's mean)."""
    from derive.render import environment as render

    md = render.render("md/walkthrough.md.j2", _walkthrough("softmax-regression"), lang)
    assert "$Y\\thinspace \\mathbf{1}$" in md and "$Y$ $\\mathbf{1}$" not in md
    for text in catalog.catalogue(lang)["reasons"].values():
        assert "}} $\\mathbf{1}$" not in text
    means = {lang: catalog.catalogue(lang)["reasons"]["rule.mean"] for lang in ("en", "zh")}
    assert "entries in its mean" in means["en"] and "参与该平均" in means["zh"]


def test_a_constant_gradient_of_a_1x1_tensor_is_an_array(tmp_path) -> None:
    """A course writes MSE through ones vectors: ``sse = Ones_N.T @ se @ Ones_C``,
    ``mse = sse / (N*C)``. The gradient of the 1 × 1 ``sse`` is the number 1/(C·N), and the lab
    wrote ``dsse_ = 1/(C*N)`` then ``Ones_N @ (dsse_ @ Ones_C.T)``: a ValueError from NumPy's
    matmul on a float (backprop.py exited 1, the handout's code line was the same). It is an
    array of its tensor's shape; the lab runs and its gradients are the engine's."""
    import json
    import subprocess
    import sys
    from pathlib import Path

    from derive.render import build as builder

    src = Path(__file__).parent / "specs_course" / "cmu_mlp_ones.toml"
    builder.build(builder.plan([str(src)], ["py,md"], ["en"], tmp_path))
    script = tmp_path / "cmu-mlp-ones" / "en" / "backprop.py"
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sys; sys.modules['torch'] = None; sys.argv = ['b', '--json']; "
            f"import runpy; runpy.run_path({str(script)!r}, run_name='__main__')",
        ],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=script.parent,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    report = json.loads(proc.stdout.strip().splitlines()[-1])
    assert set(report["gradients"]) == {"W1", "b1", "W2", "b2"}
    md = (tmp_path / "cmu-mlp-ones" / "en" / "walkthrough.md").read_text("utf-8")
    assert "`dsse = np.full((1, 1), 1/(C*N))`" in md


def test_batchnorm_var_cites_the_batch_sum_not_an_activation() -> None:
    """batchnorm's ∂L/∂var (var broadcast over the rows of Ẑ, under a √) cited "General proof:
    Element-wise activation" — the proof of A = f(Z), for a tensor nobody activates; its words
    say what holds: var enters every row, so its gradient is summed over the batch. The
    activation proof stays where a path is an activation (tanh in rnn)."""
    bn = _walkthrough("batchnorm")
    assert "elementwise" not in {c.name for c in bn.cited}
    var = next(b for b in bn.backward if b.name == "var")
    assert {p.eq.proof for p in var.paths} == {"bias-sum"}
    assert "tanh-derivative" in {c.name for c in _walkthrough("rnn").cited}


@pytest.mark.parametrize(
    ("course", "key"),
    [("d2l_batchnorm_scratch", "loss.sse.half"), ("d2l_attention_scoring", "loss.sse")],
)
def test_a_written_out_sum_of_squares_is_called_one(course: str, key: str) -> None:
    """A course's loss ``((Y_hat - Y) ** 2).sum() / 2`` got the general power-rule sentence
    ("the exponent comes down as a factor …") where ``sse(Y_hat, Y) / 2`` gets "the ½ cancels
    the 2: just the error". The written-out sum of squares gets the words of the SSE."""
    from pathlib import Path

    w = _walkthrough(str(Path(__file__).parent / "specs_course" / f"{course}.toml"))
    first = w.backward[0]
    keys = [words.key for words in first.words]
    assert key in keys and "loss.power" not in keys, keys


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_document_prose_names_a_proof_by_its_title(lang: str) -> None:
    """The softmax-Jacobian proof's remark ended "(proof `softmax-ce`)" — the CLI identifier in
    a sentence of the proofs document (「见证明 `softmax-ce`」 in Chinese); the document names
    proofs by title. (``derive prove``'s plain text keeps the identifier one can type.)"""
    names = registry.proof_names()
    cat = catalog.catalogue(lang)
    for section in ("proof_notes", "reasons", "handout_intuition"):
        for key, text in cat[section].items():
            for name in names:
                assert f"`{name}`" not in text, (section, key)
    assert catalog.text("proof_titles.softmax-ce", lang) in cat["proof_notes"][
        "proof.note.softmax_ce_special"
    ]


def test_batchnorm_proof_differentiates_what_it_names() -> None:
    """The batch-norm proof justified ∂μ/∂x_p = 1/m by "Differentiate the expression above term
    by term", the expression above being y_i = γ x̂_i + β; and both parameter steps said "1 for β
    and x̂_i for γ" at once. Each step names its own expression."""
    steps = registry.get_proof("batchnorm").steps
    reasons = [s.reason for s in steps]
    assert "proof.differentiate" not in reasons
    assert reasons.count("proof.bn_local_beta") == reasons.count("proof.bn_local_gamma") == 1


def test_an_activation_step_cites_the_elementwise_rule() -> None:
    """The proofs document held the proof of δ_Z = δ_A ⊙ f′(Z) ("Element-wise activation") only
    because batchnorm's ∂L/∂var cited it by mistake; tiny-mlp, relu-mlp, rnn cited only the
    derivative of σ, ReLU, tanh. A handout with an activation cites the rule and the derivative."""
    for net, derivative in (("tiny-mlp", "sigmoid-derivative"), ("rnn", "tanh-derivative")):
        cited = [c.name for c in _walkthrough(net).cited]
        assert "elementwise" in cited and derivative in cited, (net, cited)
        assert cited.index("elementwise") < cited.index(derivative)
