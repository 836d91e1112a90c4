"""The size-independent proofs (derive.proofs): every step verified, the text and LaTeX
renderings, a wrong rule makes a proof fail, and each final identity agrees with PyTorch
autograd (float64) at random sizes and values."""

from __future__ import annotations

import re
import types
from pathlib import Path

import numpy as np
import pytest
import sympy as sp
from katex_oracle import MathBlock, dialect_problems, katex_errors, oracle_missing_reason

from derive.engine.printing import index_latex, index_text
from derive.engine.steps import StepError
from derive.lang import ops
from derive.locale.catalog import catalogue
from derive.proofs import (
    activations,
    core,
    initialisation,
    linear,
    normalisation,
    registry,
)
from derive.proofs import (
    losses as loss_proofs,
)

# every name of the proof modules, as one namespace (the tests reach into the machinery)
_MODULES = (core, linear, activations, loss_proofs, normalisation, initialisation, registry)
P = types.SimpleNamespace(
    **{k: v for m in _MODULES for k, v in vars(m).items() if not k.startswith("__")}
)

LANGS = ("en", "zh")
NAMES = [
    "linear-weight",
    "linear-input",
    "bias-sum",
    "elementwise",
    "sigmoid-derivative",
    "tanh-derivative",
    "relu-derivative",
    "clamp-derivative",
    "elu-derivative",
    "sigmoid-bce",
    "weighted-bce",
    "softmax-ce",
    "softmax-jacobian",
    "batchnorm",
    "mse",
    "zero-init",
]
_MISSING = oracle_missing_reason()


def all_steps(proof: P.Proof) -> list:
    return [*proof.steps, proof.statement]


# ---- registry --------------------------------------------------------------------------------


def test_registry_order_and_cache():
    assert P.proof_names() == NAMES
    assert list(P.PROOFS) == NAMES
    for lang in LANGS:
        assert list(catalogue(lang)["proof_titles"]) == NAMES
    assert P.get_proof("mse") is P.get_proof("mse")
    with pytest.raises(KeyError):
        P.get_proof("no-such-rule")


# ---- every proof verifies ---------------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
def test_proof_is_verified_and_well_formed(name):
    proof = P.get_proof(name)
    assert proof.name == name and proof.title == {lang: P.title(name, lang) for lang in LANGS}
    assert proof.title["en"] and re.search(r"[\u4e00-\u9fff]", proof.title["zh"])
    assert len(proof.steps) >= 3
    for step in all_steps(proof):
        assert step.rule == name
        assert step.points >= 1, step.text  # the checker really ran
        for lang in LANGS:
            assert step.reason in catalogue(lang)["prove"]["reasons"]
        assert step.lhs.tex and step.rhs.tex and step.lhs.text and step.rhs.text
    for key in proof.assumptions + proof.notes:
        en, zh = P.note_text(key, "en"), P.note_text(key, "zh")
        assert key.startswith("proof.") and en and re.search(r"[\u4e00-\u9fff]", zh)


def test_reasons_have_both_languages_and_the_same_slots():
    en, zh = catalogue("en")["prove"]["reasons"], catalogue("zh")["prove"]["reasons"]
    assert set(en) == set(zh)
    for key in en:
        texts = {"en": en[key], "zh": zh[key]}
        assert texts["en"] and texts["zh"], key
        slots = [set(re.findall(r"\{\{(\w+)\}\}", texts[lang])) for lang in LANGS]
        assert slots[0] == slots[1], key
        assert "{" not in re.sub(r"\{\{\w+\}\}", "", texts["en"] + texts["zh"]), key
        assert "}" not in re.sub(r"\{\{\w+\}\}", "", texts["en"] + texts["zh"]), key


def test_a_note_key_means_one_text():
    notes = [catalogue(lang)["prove"]["notes"] for lang in LANGS]
    assert set(notes[0]) == set(notes[1])
    used = {k for name in NAMES for k in P.get_proof(name).assumptions + P.get_proof(name).notes}
    assert used <= set(notes[0])
    assert not set(notes[0]) & set(catalogue("en")["prove"]["reasons"])


def test_no_prose_in_the_proofs_module():
    """Titles, reasons, assumptions and notes live in the locale catalogues, not in Python."""
    source = "".join(Path(m.__file__).read_text("utf-8") for m in _MODULES)
    assert not re.search(r"[\u3000-\u9fff\uff00-\uffef]", source)
    assert not re.search(r"[\"'](en|zh)[\"']\s*:", source)
    assert not hasattr(P, "REASONS") and not hasattr(P, "TITLES")


@pytest.mark.parametrize("name", NAMES)
def test_every_reason_slot_is_filled(name):
    for step in all_steps(P.get_proof(name)):
        for lang in ("en", "zh"):
            assert "{" not in P.reason_text(step, lang), (step.reason, step.args)


def test_proofs_are_deterministic():
    again = P.PROOFS["softmax-ce"]()  # a fresh build, not the cached one
    first = P.get_proof("softmax-ce")
    assert [s.tex for s in all_steps(again)] == [s.tex for s in all_steps(first)]
    assert P.format_text(again) == P.format_text(first)


# ---- text rendering --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, ending",
    [
        ("linear-weight", "∂L/∂W = Xᵀ·δ_Z"),
        ("linear-input", "∂L/∂X = δ_Z·Wᵀ"),
        ("bias-sum", "∂L/∂b = 𝟙ᵀ·δ_Z"),
        ("elementwise", "∂L/∂Z = δ_A ⊙ f'(Z)"),
        ("sigmoid-derivative", "σ(z)·(1 − σ(z))"),
        ("tanh-derivative", "1 − tanh(z)²"),
        ("relu-derivative", "1[z > 0]"),
        ("sigmoid-bce", "Ŷ − Y"),
        ("weighted-bce", "Ŷ − Y + (w − 1)·Y·(Ŷ − 1)"),
        ("softmax-ce", "∂L/∂Z = P − Y"),
        ("softmax-jacobian", "∂L/∂z[k] = p[k]·(g[k] − Σ_j g[j]·p[j])"),
        ("batchnorm", "γ/(m·sqrt(ε + σ²))·(m·g[p] − Σ_i g[i] − x̂[p]·Σ_i g[i]·x̂[i])"),
        ("mse", "(2/m)·(Ŷ − Y)"),
    ],
)
def test_format_text_ends_with_the_statement(name, ending):
    text = P.format_text(P.get_proof(name))
    assert text.rstrip().endswith(ending)
    assert P.get_proof(name).title["en"] in text.splitlines()[0]


def test_format_text_shows_every_step_with_its_reason():
    proof = P.get_proof("linear-weight")
    text = P.format_text(proof)
    for step in proof.steps:
        assert f"{step.rhs.text}    [{P.reason_text(step)}]" in text
    assert "Σ_i X[i,p]·δ_Z[i,q]" in text  # the collapsed sum, before the matrix form
    numbers = [int(line.split(".")[0]) for line in text.splitlines() if line[:3].strip().isdigit()]
    assert numbers == list(range(1, len(proof.steps) + 1))  # consecutive, never 1, 2, 4, 8
    zh = P.format_text(proof, "zh")
    assert proof.title["zh"] in zh and "克罗内克" in zh
    assert "推导：" in zh and not any(line.endswith(":") for line in zh.splitlines())
    with pytest.raises(ValueError):
        P.format_text(proof, "fr")


def test_weighted_bce_says_it_is_not_yhat_minus_y():
    proof = P.get_proof("weighted-bce")
    assert any("w = 1" in en and "not Ŷ − Y" in en for en in map(P.note_text, proof.notes))
    diff = next(s for s in proof.steps if s.reason == "proof.weighted_difference")
    assert diff.rhs.text == "(w − 1)·Y·(Ŷ − 1)"
    collected = next(s for s in proof.steps if s.reason == "proof.collect")
    assert collected.rhs.text == "Ŷ·(w·Y + 1 − Y) − w·Y"


# ---- LaTeX -----------------------------------------------------------------------------------


def test_latex_uses_the_house_notation():
    tex = {n: [s.tex for s in all_steps(P.get_proof(n))] for n in NAMES}
    assert P.get_proof("linear-weight").statement.rhs.tex == r"X^{\top} \thinspace \delta_{Z}"
    assert (
        r"\delta_{Z,iq}" in tex["linear-weight"][5]
        and r"\left[j = q\right]" in tex["linear-weight"][4]
    )
    assert r"\sum_{i=1}^{N} \sum_{j=1}^{M}" in tex["linear-weight"][3]
    assert P.get_proof("bias-sum").statement.rhs.tex == r"\mathbf{1}^{\top} \thinspace \delta_{Z}"
    assert P.get_proof("elementwise").statement.rhs.tex == r"\delta_{A} \odot f'\left(Z\right)"
    assert any(r"\mathbf{1}\left[Z > 0\right]" in t for t in tex["elementwise"])
    for steps in tex.values():
        for t in steps:
            assert r"\bm" not in t and "newcommand" not in t and "^{T}" not in t


@pytest.mark.skipif(_MISSING is not None, reason=_MISSING or "")
def test_every_formula_renders_in_katex_strict_mode():
    blocks = []
    for name in NAMES:
        for step in all_steps(P.get_proof(name)):
            for tex in (step.tex, step.lhs.tex, step.rhs.tex):
                blocks.append(MathBlock(tex=tex, display=True, line=len(blocks) + 1))
    problems = [p for b in blocks for p in dialect_problems(b)]
    assert problems == []
    assert katex_errors(blocks) == []


def test_index_printers():
    i, j, q = sp.symbols("i j q", integer=True)
    G, X = sp.IndexedBase("dZ"), sp.IndexedBase("X")
    names = {sp.Symbol("dZ"): r"\delta_{Z}"}
    assert index_latex(G[i, j], names) == r"\delta_{Z,ij}"
    assert index_latex(sp.KroneckerDelta(j, q)) == r"\left[j = q\right]"  # δ is for gradients
    s = sp.Sum(X[i, q], (i, 0, sp.Symbol("N") - 1))
    assert index_latex(s) == r"\sum_{i=1}^{N} X_{iq}"
    assert index_text(s) == "Σ_i X[i,q]"
    A, B = sp.MatrixSymbol("A", 2, 2), sp.MatrixSymbol("B", 2, 2)
    assert index_latex(sp.HadamardProduct(A.T, B)) == r"A^{\top} \odot B"
    assert index_text(sp.MatAdd(-A, B)) == "B − A"


# ---- false steps and wrong rules fail ----------------------------------------------------------


def test_index_checker_rejects_false_identities():
    L = sp.Symbol("L")
    X, W, G = P._ms("X", P.N, P.D), P._ms("W", P.D, P.M), P._ms("dZ", P.N, P.M)
    chk = P.IndexChecker(P._linear_world, P._LINEAR_SIZES, {P.p: P.D, P.q: P.M}, seed="t")
    assert chk.check(P.MatGrad(L, W), X.T * G, "right") == 3
    with pytest.raises(StepError, match="shape"):
        chk.check(P.MatGrad(L, W), G.T * X, "transposed")
    with pytest.raises(StepError, match="false step"):
        chk.check(P.MatGrad(L, W), 2 * X.T * G, "factor 2")
    Xi, Gi = sp.IndexedBase("X"), sp.IndexedBase("dZ")
    wrong = sp.Sum(Xi[P.i, P.q] * Gi[P.i, P.p], (P.i, 0, P.N - 1))  # indices swapped
    with pytest.raises(StepError):
        chk.check(P.Partial(L, sp.IndexedBase("W")[P.p, P.q]), wrong, "swapped")
    with pytest.raises(StepError, match="shape"):
        chk.check(P.ShapeOf(G * W), P.Dims(P.N, P.D), "non-conforming")


def _bad_sigmoid_fdiff(self, argindex=1):
    s = ops.sigmoid(self.args[0])
    return s * (1 + s)


@pytest.mark.parametrize(
    "owner, attr, bad, names",
    [
        (
            ops.sigmoid,
            "fdiff",
            _bad_sigmoid_fdiff,
            ["sigmoid-derivative", "elementwise", "sigmoid-bce", "weighted-bce"],
        ),
        (ops.relu, "fdiff", lambda self, argindex=1: sp.Integer(1), ["relu-derivative"]),
        (
            ops,
            "bce_term",
            lambda p, y, w=sp.Integer(1): -(w * y * sp.log(p) + 2 * (1 - y) * sp.log(1 - p)),
            ["sigmoid-bce", "weighted-bce"],
        ),
        (ops, "mse_term", lambda p, y: (p - y) ** 2 / 2, ["mse"]),
        (
            ops,
            "cross_entropy_row",
            lambda p, y: -sp.Add(*(b * sp.log(a) for a, b in zip(p, y, strict=True))) / 2,
            ["softmax-ce"],
        ),
        (
            ops,
            "softmax_row",
            lambda z: [sp.exp(v) / (1 + sp.Add(*(sp.exp(u) for u in z))) for v in z],
            ["softmax-ce"],
        ),
    ],
)
def test_a_wrong_rule_makes_the_proof_fail(monkeypatch, owner, attr, bad, names):
    monkeypatch.setattr(owner, attr, bad)
    sp.core.cache.clear_cache()
    try:
        for name in names:
            with pytest.raises(StepError):
                P.PROOFS[name]()
    finally:
        monkeypatch.undo()
        sp.core.cache.clear_cache()
    P.PROOFS[names[0]]()  # and with the rule restored it verifies again


# ---- numeric agreement with PyTorch autograd ---------------------------------------------------


def numeric(expr, values, sizes=None, idx=None):
    """``expr`` evaluated in float64: sizes and indices put in, matrix symbols, indexed entries and
    scalar symbols replaced by ``values[name]``."""
    e = sp.sympify(expr).replace(lambda x: isinstance(x, sp.Derivative), lambda x: x.doit())
    e = e.xreplace({**(sizes or {}), **(idx or {})})

    def mat(ms):
        return sp.ImmutableMatrix(np.atleast_2d(values[ms.name]))

    def ent(x):
        arr = np.atleast_1d(values[x.base.label.name])
        ind = tuple(int(v) for v in x.indices)
        return sp.Float(float(arr.reshape(-1)[ind[0]] if len(ind) == 1 else arr[ind]), 30)

    e = e.replace(lambda x: isinstance(x, sp.MatrixSymbol), mat)
    e = e.replace(lambda x: isinstance(x, sp.Indexed), ent)
    e = e.xreplace(
        {s: sp.Float(float(values[s.name]), 30) for s in e.free_symbols if s.name in values}
    )
    e = P._plain(e.doit())
    if isinstance(e, sp.MatrixExpr | sp.MatrixBase):
        return np.array(sp.Matrix(e.as_explicit()).evalf(20).tolist(), dtype=np.float64)
    return float(e.evalf(20))


def _rng(seed):
    return np.random.default_rng(seed)


@pytest.mark.parametrize("seed, sizes", [(1, (2, 3, 4)), (2, (5, 1, 3)), (3, (1, 4, 2))])
def test_linear_and_bias_against_torch(seed, sizes):
    torch = pytest.importorskip("torch")
    n, d, mm = sizes
    g = _rng(seed)
    X = torch.tensor(g.normal(size=(n, d)), requires_grad=True)
    W = torch.tensor(g.normal(size=(d, mm)), requires_grad=True)
    b = torch.tensor(g.normal(size=(1, mm)), requires_grad=True)
    C, E = (torch.tensor(g.normal(size=(n, mm))) for _ in range(2))
    Z = X @ W + b
    Z.retain_grad()
    (C * torch.tanh(Z) + E * Z**2).sum().backward()
    vals = {"X": X.detach().numpy(), "W": W.detach().numpy(), "dZ": Z.grad.numpy()}
    dims = {P.N: n, P.D: d, P.M: mm}
    for name, grad in (("linear-weight", W), ("linear-input", X), ("bias-sum", b)):
        got = numeric(P.get_proof(name).statement.rhs.value, vals, dims)
        np.testing.assert_allclose(got, grad.grad.numpy(), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(
    "act, torch_fn", [("sigmoid", "sigmoid"), ("tanh", "tanh"), ("relu", "relu")]
)
def test_elementwise_against_torch(act, torch_fn):
    torch = pytest.importorskip("torch")
    g = _rng(7)
    for n, mm in ((2, 3), (4, 1)):
        Z = torch.tensor(g.normal(size=(n, mm)), requires_grad=True)
        A = getattr(torch, torch_fn)(Z)
        A.retain_grad()
        (torch.tensor(g.normal(size=(n, mm))) * A**2).sum().backward()
        f_act = {"sigmoid": ops.sigmoid, "tanh": sp.tanh, "relu": ops.relu}[act]
        rhs = P.get_proof("elementwise").statement.rhs.value.replace(P.f_, f_act)
        got = numeric(rhs, {"Z": Z.detach().numpy(), "dA": A.grad.numpy()}, {P.N: n, P.M: mm})
        np.testing.assert_allclose(got, Z.grad.numpy(), rtol=1e-12, atol=1e-12)


@pytest.mark.parametrize(
    "name, torch_fn",
    [("sigmoid-derivative", "sigmoid"), ("tanh-derivative", "tanh"), ("relu-derivative", "relu")],
)
def test_activation_derivatives_against_torch(name, torch_fn):
    torch = pytest.importorskip("torch")
    z = torch.tensor([-3.0, -0.7, 0.0, 0.4, 2.5], dtype=torch.float64, requires_grad=True)
    getattr(torch, torch_fn)(z).sum().backward()
    rhs = P.get_proof(name).statement.rhs.value
    got = [numeric(rhs, {"z": v}) for v in z.detach().numpy()]
    np.testing.assert_allclose(got, z.grad.numpy(), rtol=1e-12, atol=1e-15)  # relu'(0) = 0


def test_sigmoid_bce_against_torch():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    g = _rng(11)
    proof = P.get_proof("sigmoid-bce")
    mean_step = proof.steps[-1]  # ∂L/∂Z_q = (1/m)(Ŷ_q − Y_q)
    for m in (1, 3, 6):
        Z = torch.tensor(g.normal(size=(m, 1)), requires_grad=True)
        Y = torch.tensor(np.r_[[0.0, 1.0], g.uniform(size=m)][:m].reshape(m, 1))
        Yhat = torch.sigmoid(Z)
        F.binary_cross_entropy(Yhat, Y, reduction="sum").backward()
        entry = [
            numeric(proof.statement.rhs.value, {"Yhat": a, "Y": b})
            for a, b in zip(Yhat.detach().numpy().ravel(), Y.numpy().ravel(), strict=True)
        ]
        np.testing.assert_allclose(entry, Z.grad.numpy().ravel(), rtol=1e-10, atol=1e-12)
        Z.grad = None
        F.binary_cross_entropy(torch.sigmoid(Z), Y).backward()  # mean
        vals = {"Yhat": Yhat.detach().numpy(), "Y": Y.numpy()}
        got = [numeric(mean_step.rhs.value, vals, {P.m: m}, {P.q: q}) for q in range(m)]
        np.testing.assert_allclose(got, Z.grad.numpy().ravel(), rtol=1e-10, atol=1e-12)


def test_weighted_bce_against_torch():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    g = _rng(12)
    rhs = P.get_proof("weighted-bce").statement.rhs.value
    for w in (0.5, 1.0, 3.0):
        Z = torch.tensor(g.normal(size=5), requires_grad=True)
        Y = torch.tensor([0.0, 1.0, 1.0, 0.3, 0.8], dtype=torch.float64)
        F.binary_cross_entropy_with_logits(
            Z, Y, pos_weight=torch.tensor(w, dtype=torch.float64), reduction="sum"
        ).backward()
        yhat = torch.sigmoid(Z).detach().numpy()
        got = [
            numeric(rhs, {"Yhat": a, "Y": b, "w": w}) for a, b in zip(yhat, Y.numpy(), strict=True)
        ]
        np.testing.assert_allclose(got, Z.grad.numpy(), rtol=1e-10, atol=1e-12)
        plain = yhat - Y.numpy()  # Ŷ − Y is right only for w = 1 (and where Y = 0)
        assert np.allclose(got, plain) == (w == 1.0)


def test_softmax_ce_against_torch():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    g = _rng(13)
    proof = P.get_proof("softmax-ce")
    mean_step = next(s for s in proof.steps if s.reason == "proof.statement")
    for n, k in ((1, 2), (3, 4), (5, 3)):
        Z = torch.tensor(g.normal(size=(n, k)), requires_grad=True)
        labels = torch.tensor(g.integers(0, k, size=n))
        Y = F.one_hot(labels, k).to(torch.float64).numpy()
        F.cross_entropy(Z, labels, reduction="sum").backward()
        vals = {"P": torch.softmax(Z, 1).detach().numpy(), "Y": Y}
        dims = {P.N: n, P.K: k}
        np.testing.assert_allclose(
            numeric(proof.statement.rhs.value, vals, dims), Z.grad.numpy(), rtol=1e-12, atol=1e-12
        )
        Z.grad = None
        F.cross_entropy(Z, labels).backward()  # mean over the rows
        np.testing.assert_allclose(
            numeric(mean_step.rhs.value, vals, dims), Z.grad.numpy(), rtol=1e-12, atol=1e-12
        )


def test_softmax_jacobian_against_torch():
    """∂L/∂z_k = p_k (g_k − Σ_j g_j p_j) for a random upstream g, against autograd."""
    torch = pytest.importorskip("torch")
    g = _rng(16)
    proof = P.get_proof("softmax-jacobian")
    for k in (2, 3, 5):
        z = torch.tensor(g.normal(size=(1, k)), requires_grad=True)
        up = torch.tensor(g.normal(size=(1, k)))
        (torch.softmax(z, 1) * up).sum().backward()
        vals = {"p": torch.softmax(z, 1).detach().numpy().ravel(), "g": up.numpy().ravel()}
        got = [
            numeric(P._plain(proof.statement.rhs.value).xreplace({P.K: k, P.k: c}).doit(), vals)
            for c in range(k)
        ]
        np.testing.assert_allclose(got, z.grad.numpy().ravel(), rtol=1e-10, atol=1e-12)


def test_batchnorm_against_torch():
    """The compact formula (and ∂L/∂γ, ∂L/∂β) against autograd through F.batch_norm in training
    mode, one feature per column, at several batch sizes."""
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    g = _rng(15)
    proof = P.get_proof("batchnorm")
    d_gamma = next(s for s in proof.steps if s.lhs.text == "∂L/∂γ" and "∂" not in s.rhs.text)
    d_beta = next(s for s in proof.steps if s.lhs.text == "∂L/∂β" and "∂" not in s.rhs.text)
    for m, n in ((2, 1), (4, 3), (7, 2)):
        X = torch.tensor(g.normal(size=(m, n)), requires_grad=True)
        gamma = torch.tensor(g.normal(size=n), requires_grad=True)
        beta = torch.tensor(g.normal(size=n), requires_grad=True)
        up = torch.tensor(g.normal(size=(m, n)))  # the upstream gradient g = ∂L/∂y
        eps = 1e-3
        y = F.batch_norm(X, None, None, gamma, beta, training=True, eps=eps)
        (y * up).sum().backward()
        xhat = ((X - X.mean(0)) / torch.sqrt(X.var(0, unbiased=False) + eps)).detach().numpy()
        var = X.var(0, unbiased=False).detach().numpy()

        def at(expr, q=None):  # sums over the batch written out, then evaluated
            e = P._plain(expr).xreplace({P.m: m, **({P.p: q} if q is not None else {})})
            return numeric(e.doit(), vals)

        for col in range(n):
            vals = {
                "g": up[:, col].numpy(),
                "xhat": xhat[:, col],
                "gamma": gamma[col].item(),
                "sigma2": var[col],
                "eps": eps,
            }
            got = [at(proof.statement.rhs.value, q) for q in range(m)]
            np.testing.assert_allclose(got, X.grad[:, col].numpy(), rtol=1e-10, atol=1e-12)
            np.testing.assert_allclose(at(d_gamma.rhs.value), gamma.grad[col].item(), rtol=1e-10)
            np.testing.assert_allclose(at(d_beta.rhs.value), beta.grad[col].item(), rtol=1e-10)


def test_mse_against_torch():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    g = _rng(14)
    proof = P.get_proof("mse")
    half = next(s for s in proof.steps if s.lhs.text == "∂L_half/∂Ŷ[q]")
    for m in (1, 4, 7):
        Yhat = torch.tensor(g.normal(size=(m, 1)), requires_grad=True)
        Y = torch.tensor(g.normal(size=(m, 1)))
        F.mse_loss(Yhat, Y).backward()
        vals = {"Yhat": Yhat.detach().numpy(), "Y": Y.numpy()}
        got = numeric(proof.statement.rhs.value, vals, {P.m: m})
        np.testing.assert_allclose(got, Yhat.grad.numpy(), rtol=1e-12, atol=1e-12)
        halves = [numeric(half.rhs.value, vals, {P.m: m}, {P.q: q}) for q in range(m)]
        np.testing.assert_allclose(2 * np.array(halves), Yhat.grad.numpy().ravel(), rtol=1e-12)


def test_zero_init_against_torch():
    torch = pytest.importorskip("torch")
    F = torch.nn.functional
    proof = P.get_proof("zero-init")
    by_lhs = {s.lhs.text: s for s in proof.steps if s.reason in ("proof.notation", "proof.rule")}
    g = _rng(15)
    X, Y = g.normal(size=(2, 2)), g.uniform(0.1, 0.9, size=(2, 1))
    u, c, v, b2 = g.normal(size=2), g.normal(), g.normal(), g.normal()

    def run(u, c, v):
        W1 = torch.tensor(np.repeat(u.reshape(2, 1), 3, axis=1), requires_grad=True)
        b1 = torch.tensor(np.full((1, 3), c), requires_grad=True)
        W2 = torch.tensor(np.full((3, 1), v), requires_grad=True)
        B2 = torch.tensor([[b2]], requires_grad=True)
        Yhat = torch.sigmoid(torch.tanh(torch.tensor(X) @ W1 + b1) @ W2 + B2)
        F.binary_cross_entropy(Yhat, torch.tensor(Y)).backward()
        return W1.grad.numpy(), b1.grad.numpy(), W2.grad.numpy(), B2.grad.numpy(), Yhat

    gW1, gb1, gW2, gb2, Yhat = run(u, c, v)
    # the proof's chain, evaluated step by step from its own formulas
    vals = {f"X[{a},{b}]": X[a, b] for a in range(2) for b in range(2)}
    vals |= {"u1": u[0], "u2": u[1], "c": c, "v": v, "b2[0,0]": b2}
    vals |= {f"Y[{n},0]": Y[n, 0] for n in range(2)}
    vals |= {f"Yhat[{n},0]": float(Yhat.detach()[n, 0]) for n in range(2)}
    s_ = numeric(by_lhs["s"].rhs.value, vals)
    vals |= {f"s[{n},0]": s_[n, 0] for n in range(2)}
    a_ = numeric(by_lhs["a"].rhs.value, vals)
    vals |= {f"a[{n},0]": a_[n, 0] for n in range(2)}
    d_rule = next(s for s in proof.steps if s.lhs.text == "∂L/∂Z2")  # (Ŷ − Y)/m, then named d
    d_ = numeric(d_rule.rhs.value, vals)
    vals |= {f"d[{n},0]": d_[n, 0] for n in range(2)}
    for lhs, torch_grad in (("∂L/∂W1", gW1), ("∂L/∂b1", gb1), ("∂L/∂W2", gW2)):
        np.testing.assert_allclose(
            numeric(by_lhs[lhs].rhs.value, vals), torch_grad, rtol=1e-12, atol=1e-14
        )
    # identical hidden units get identical gradients (PyTorch agrees)
    assert np.array_equal(gW1, np.repeat(gW1[:, :1], 3, axis=1)) and np.ptp(gW2) == 0
    # all zero: only the output bias learns
    zW1, zb1, zW2, zb2, _ = run(np.zeros(2), 0.0, 0.0)
    assert not zW1.any() and not zb1.any() and not zW2.any() and zb2.any()
    zero_steps = [s for s in proof.steps if s.reason in ("proof.zero_w2", "proof.zero_tanh")]
    assert len(zero_steps) == 3 and all(not np.any(np.array(s.rhs.value)) for s in zero_steps)


def test_chinese_terminal_proof_uses_full_width_punctuation_in_its_title() -> None:
    """`derive prove --lang zh` printed "线性层的权重梯度 (linear-weight)": English parentheses
    after Chinese text. The title line is the catalogue's prove.heads.named."""
    zh = P.format_text(P.get_proof("linear-weight"), "zh").splitlines()[0]
    en = P.format_text(P.get_proof("linear-weight"), "en").splitlines()[0]
    assert zh.endswith("（linear-weight）") and " (" not in zh
    assert en == "Linear layer: gradient of the weights (linear-weight)"


@pytest.mark.parametrize("name", NAMES)
def test_the_bracket_notation_is_explained_once_per_proof(name: str) -> None:
    """linear-weight explained "[a = b] (Kronecker's symbol: 1 when a = b, else 0)" at steps 3
    and 6 alike; a proof now explains it at its first use and says "again" after."""
    reasons = [s.reason for s in P.get_proof(name).steps]
    full = reasons.count("proof.kronecker_collapse")
    assert full <= 1, (name, reasons)
    if "proof.kronecker_collapse.again" in reasons:
        assert full == 1 and reasons.index("proof.kronecker_collapse") < reasons.index(
            "proof.kronecker_collapse.again"
        )
