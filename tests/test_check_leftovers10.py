"""Checker leftovers of issue 11 (round 20, checkgaps10): a numerical guard ε (Keras'
``K.binary_crossentropy``, ``np.log(p + 1e-8)``, ``torch.clamp(p, 1e-7, 1 - 1e-7)``,
``sqrt(z ** 2 + 1e-12)``) left out of a right answer, as every course does; NumPy's 1-D values
after ``.squeeze(1)``; a ones block sized by a literal slice's width; smoothl1_beta's dropped
``/ N``; a sign flip of a number never "rounding". Each table row's verdict and code were
written before the checker was run on it; the guard-free gradients are PyTorch float64's."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from derive.checker.check import check

torch = pytest.importorskip("torch")
HERE = Path(__file__).parent
GUARDS = HERE / "specs_leftovers10"
COURSE = HERE / "specs_course"
LOG = str(GUARDS / "np_log_eps_bce.toml")
CLAMP = str(GUARDS / "torch_clamp_bce.toml")
SQRT = str(GUARDS / "sqrt_eps_abs.toml")
NAMED = str(GUARDS / "named_eps_not_guard.toml")
LIT5 = str(GUARDS / "literal_1e5_not_guard.toml")
KERAS = str(COURSE / "hn17_chollet_imdb_dense.toml")
UVA = str(COURSE / "hn17_uva_xor_bcelogits.toml")

# (net, wrt, formula, expected code: None = right, "*" = wrong with any code, guard-free: the
# answer is right only with the guard at its limit, so the result must carry the guard note)
GUARD_CASES = [
    (LOG, "w", "X.T @ (p - y) / N", None, True),
    (LOG, "w", "np.dot(X.T, p - y) / X.shape[0]", None, True),
    (LOG, "b", "np.sum(p - y, axis=0) / N", None, True),
    (LOG, "w", "X.T @ ((-y / (p + 1e-8) + (1 - y) / (1 - p + 1e-8)) * p * (1 - p)) / N", None, False),
    (LOG, "w", "X.T @ (p - y)", "scale-factor", False),
    (LOG, "w", "X.T @ (y - p) / N", "sign", False),
    (LOG, "b", "np.sum(p - y, axis=0)", "scale-factor", False),
    # a clip alone is the identity inside its range: the course answer is exactly right there
    # (expected True when first written; PyTorch agrees the gradients are equal, no note due)
    (CLAMP, "W_b", "hid.T @ (prob - target) / batch", None, False),
    (CLAMP, "W_b", "hid.T @ (prob - target)", "scale-factor", False),
    (CLAMP, "W_a", "inp.T @ ((prob - target) @ W_b.T * (1 - hid ** 2)) / batch", None, False),
    (CLAMP, "W_a", "inp.T @ ((prob - target) @ W_b.T * hid * (1 - hid)) / batch", "wrong-activation-derivative", False),
    (CLAMP, "W_a", "inp.T @ ((prob - target) @ W_b.T * (1 - hid ** 2))", "scale-factor", False),
    (SQRT, "theta", "feats.T @ np.sign(z) / n", None, True),
    (SQRT, "theta", "feats.T @ (z / np.abs(z)) / n", None, True),
    (SQRT, "theta", "feats.T @ (z / r) / n", None, False),
    (SQRT, "theta", "feats.T @ np.sign(z)", "scale-factor", False),
    (SQRT, "theta", "feats.T @ z / n", "*", False),
    # a named [constants] eps and a literal above 1e-6 are part of the model, not guards
    (NAMED, "v", "A.T @ (0 * s)", "*", False),
    (LIT5, "v", "A.T @ (0 * s)", "*", False),
    # Keras' K.binary_crossentropy (ε = K.epsilon() = 1e-7 inside its logs), other spellings
    # than corpus 20's
    (KERAS, "kernel3", "h2.T.dot(y_pred - y_true) / y_true.shape[0]", None, True),
    (KERAS, "bias3", "(y_pred - y_true).sum(axis=0) / batch", None, True),
    (KERAS, "kernel3", "h2.T @ (y_true - y_pred) / batch", "sign", False),
    (KERAS, "kernel2", "h2.T @ ((y_pred - y_true) @ kernel3.T * (h2 > 0)) / batch", "*", False),
]


@pytest.mark.parametrize("net, wrt, formula, code, guard_free", GUARD_CASES)
def test_numerical_guards(net: str, wrt: str, formula: str, code: str | None, guard_free: bool) -> None:
    r = check(net, wrt, formula)
    assert r.ok is (code is None), r.text()
    if code not in (None, "*"):
        assert r.code == code, r.text()
    guard_said = any("guard" in n for n in r.notes)
    assert guard_said is guard_free, r.text()


def _guard_free_w(i: int, j: int) -> tuple[float, float]:
    """∂L/∂w[i, j] of np_log_eps_bce at its example point by PyTorch float64: with the guard
    1e-8 as the spec has it, and with the guard at its limit 0."""
    from derive.engine.backprop import derive
    from derive.lang import spec
    from derive.numeric import verify as numeric

    g = derive(spec.load(LOG)).graph
    pt = numeric.example_point(g)
    t = {k: torch.tensor(np.asarray(pt[k], dtype=float).reshape(np.asarray(pt[k]).shape[0], -1)) for k in ("X", "y", "w", "b")}
    out = []
    for eps in (1e-8, 0.0):
        w = t["w"].clone().requires_grad_(True)
        p = torch.sigmoid(t["X"] @ w + t["b"].reshape(1, -1))
        y = t["y"]
        loss = -torch.mean(y * torch.log(p + eps) + (1 - y) * torch.log(1 - p + eps))
        loss.backward()
        out.append(float(w.grad[i, j]))
    return out[0], out[1]


def test_guard_free_number_is_right_and_so_is_the_guarded_one() -> None:
    guarded, free = _guard_free_w(0, 0)
    assert guarded != free
    for value in (free, guarded):
        r = check(LOG, "w[0,0]", value=f"{value:.12g}")
        assert r.ok, r.text()
    r = check(LOG, "w[0,0]", value=f"{-free:.12g}")
    assert not r.ok


def test_guard_note_names_the_guard_and_the_difference_en_zh() -> None:
    r = check(KERAS, "kernel3", "h2.T @ (y_pred - y_true) / batch")
    assert r.ok
    note = " ".join(r.notes)
    assert "1e-7" in note or "1e-07" in note, note
    assert "difference" in note
    z = check(KERAS, "kernel3", "h2.T @ (y_pred - y_true) / batch", lang="zh")
    assert z.ok and any("保护" in n for n in z.notes), z.notes


def test_the_expected_gradient_of_a_wrong_answer_has_no_guard_left_at_zero() -> None:
    """A wrong answer on a guarded network is diagnosed against the guard-free gradient; the
    gradient printed for it reads as a course writes it (``1 / p``), not ``1 / (p + 0)`` — and
    since round 33 (a cross-entropy written out after σ simplifies) as ``(p - y) / N``."""
    r = check(LOG, "w", "X.T @ (p - y)")
    assert not r.ok
    text = r.text()
    assert "+ 0)" not in text and "- 0)" not in text, text
    assert "correct: dw = X.T @ ((p - y) / N)" in text, text


# ---- 2. NumPy's 1-D values: .squeeze(axis) then a reduction over axis 0 ---------------------

SQUEEZE_CASES = [
    (UVA, "linear2_bias", "(torch.sigmoid(preds).squeeze(-1) - data_labels).sum(0) / batch", None),
    (UVA, "linear2_bias", "np.mean(np.squeeze(1 / (1 + np.exp(-preds)), axis=1) - data_labels, axis=0)", None),
    (UVA, "linear2_bias", "(torch.sigmoid(preds).reshape(-1) - data_labels).mean(0)", None),
    (UVA, "linear2_bias", "(torch.sigmoid(preds)[:, 0] - data_labels).sum(0) / batch", None),
    (UVA, "linear2_bias", "torch.squeeze(torch.sigmoid(preds), 1).sub(data_labels).mean(0)", None),
    (UVA, "linear2_bias", "(torch.sigmoid(preds).flatten() - data_labels).sum(0)", "scale-factor"),
    (UVA, "linear2_bias", "(data_labels - torch.sigmoid(preds).squeeze(1)).mean(0)", "sign"),
    # .squeeze() without an axis next to a 1-D input was a column minus a row: a 4 × 4 block
    # (added after the first run showed it; NumPy's 1-D difference is right)
    (UVA, "linear2_bias", "(torch.sigmoid(preds).squeeze() - data_labels).sum() / batch", None),
    (UVA, "linear2_bias", "np.sum(np.ravel(torch.sigmoid(preds)) - data_labels, axis=-1) / batch", None),
    (UVA, "linear2_weight", "(torch.sigmoid(preds).squeeze(1) - data_labels) @ act / batch", None),
    (UVA, "linear2_weight", "(torch.sigmoid(preds).squeeze(1) - data_labels) @ act", "scale-factor"),
]


def _assert_verdict(net: str, wrt: str, formula: str, code: str | None) -> None:
    """``formula`` right (code None) or wrong with ``code``."""
    r = check(net, wrt, formula)
    assert r.ok is (code is None), r.text()
    if code is not None:
        assert r.code == code, r.text()


@pytest.mark.parametrize("net, wrt, formula, code", SQUEEZE_CASES)
def test_one_d_after_squeeze(net: str, wrt: str, formula: str, code: str | None) -> None:
    _assert_verdict(net, wrt, formula, code)


# ---- 4. one division left out of a bracket the sum was flattened from -----------------------

SL1B = str(COURSE / "smoothl1_beta.toml")
SL1 = str(COURSE / "smoothl1.toml")
LP = str(GUARDS / "logit_penalty.toml")
TERM_CASES = [
    # the exercise key of smoothl1_beta with its last "/ n" dropped (labs16)
    (SL1B, "diff", "-0 * diff ** 2 + 1/(2*beta*n) * (beta - diff > 0) * (2 * diff) - 0 * (diff + -beta/2) + (1 - (beta - diff > 0))", "scale-factor"),
    (SL1B, "diff", "np.where(diff < beta, diff / beta / n, 1)", "scale-factor"),
    (SL1B, "w", "x.T @ (np.where(diff < beta, diff / beta / n, 1) * np.sign(x @ w + b - t))", "scale-factor"),
    (LP, "s", "p - lab + 2 * lam * s / B", "scale-factor"),
    # first written "scale-factor"; the checker's more specific code for a loss term's gradient
    # entering B times is loss-term-factor (same finding, named for the penalty term)
    (LP, "s", "(p - lab) / B + 2 * lam * s", "loss-term-factor"),
    (LP, "s", "(lab - p) / B + 2 * lam * s / B", "sign"),
    (LP, "s", "(p - lab + 2 * lam * s) / B", None),
    (LP, "u", "feat.T @ (p - lab + 2 * lam * s) / B", None),
    (SL1, "W", "feat.T @ np.clip(pred - gt, -1, 1)", "scale-factor"),
]


@pytest.mark.parametrize("net, wrt, formula, code", TERM_CASES)
def test_a_bracket_left_undivided(net: str, wrt: str, formula: str, code: str | None) -> None:
    _assert_verdict(net, wrt, formula, code)


# ---- 5. a sign flip of a number well away from 0 is never rounding ---------------------------

FF = str(COURSE / "hn16_fourier_features.toml")
SIGN_CASES = [
    # fourier features, exercise variant 3 (seed 11): b1[0,3] = -0.21, W1[5,3] = 0.634,
    # W2[0,0] = -0.6065 (the exercise key)
    (FF, 3, "b1[0,3]", "0.21", "sign"),
    (FF, 3, "b1[0,3]", "0.210", "sign"),
    (FF, 3, "b1[0,3]", "0.2100000", "sign"),
    (FF, 3, "W1[5,3]", "-0.634", "sign"),
    (FF, 3, "W2[0,0]", "0.6065", "sign"),
    (FF, 3, "b1[0,3]", "-0.21", None),
    (FF, 3, "b1[0,3]", "-0.2100", None),
    (FF, 3, "W1[5,3]", "0.634", None),
    ("tiny-mlp", None, "W1[0,0]", "0.0137", "sign"),
    # an angle rounded to 3 significant digits (tens of radians) is no hand rounding of a
    # 3-digit answer: b1[0,0] = 0.0075, W2[0,0] = -0.6065
    (FF, 3, "b1[0,0]", "0.00300", "*"),
    (FF, 3, "W2[0,0]", "-0.589", "*"),
    (FF, 3, "W2[0,0]", "-0.607", None),
]


@pytest.mark.parametrize("net, variant, wrt, value, code", SIGN_CASES)
def test_a_flipped_sign_is_not_rounding(net: str, variant: int | None, wrt: str, value: str, code: str | None) -> None:
    if variant is None:
        r = check(net, wrt, value=value)
    else:
        from derive.lang import spec as specs
        from derive.render import exercises

        r = check(exercises.variant_derivation(specs.load(net), variant, 11), wrt, value=value)
    assert r.ok is (code is None), r.text()
    if code not in (None, "*"):
        assert r.code == code, r.text()


# ---- 3. a block of ones sized by a slice's literal width -------------------------------------

GN = str(COURSE / "hn16_groupnorm_two_groups.toml")


def _key(net: str, variant: int, wrt: str) -> str:
    """The exercise key's formula for ∂L/∂wrt of ``net``'s variant (seed 11)."""
    import json

    from derive.lang import spec as specs
    from derive.render import exercises

    key = json.loads(exercises.key_json(exercises.sheet(specs.load(net), variant, 11)))
    return next(q["expected"] for q in key["questions"] if q["wrt"] == wrt)


def test_groupnorm_key_with_a_slice_width_ones_block_is_read() -> None:
    """labs16's leftover: the key writes ``… * np.ones((N, 2))) / 2`` (2 = g1's columns)."""
    from derive.lang import spec as specs
    from derive.render import exercises

    for variant in (2, 3):
        text = _key(GN, variant, "g1")
        assert "np.ones((N, 2))" in text
        r = check(exercises.variant_derivation(specs.load(GN), variant, 11), "g1", text)
        assert r.ok, r.text()


# g1 = h[:, :2] has 2 columns at every size: np.ones((N, 2)) is a block of g1's shape
ONES_CASES = [
    (GN, "g1", "dn1 - dn1.sum(axis=1, keepdims=True) * np.ones((N, 2)) / 2", "*"),
    (GN, "g1", "(dn1.sum(axis=1, keepdims=True) * np.ones((N, 2)) / 2) * 0 + dn1 - dn1.mean(axis=1, keepdims=True)", "*"),
    (GN, "n1", "(dhn * gamma)[:, :2] * np.ones((N, 2))", None),
    (GN, "n1", "(dhn * gamma)[:, :2] * np.ones((2, N)).T", None),
    # an open slice of a concat's gradient: the concat of h[:, :2] and h[:, 2:] has C columns
    # again (a size that keeps its name), so [:, 2:] ends at C at every size
    (GN, "n2", "(dhn * gamma)[:, 2:] * np.ones((N, C - 2))", None),
    (GN, "n2", "dhn[:, 2:] * gamma[2:]", None),
    (GN, "n2", "(dhn * gamma)[:, 2:4]", "*"),
]


@pytest.mark.parametrize("net, wrt, formula, code", ONES_CASES)
def test_ones_of_a_slice_width(net: str, wrt: str, formula: str, code: str | None) -> None:
    r = check(net, wrt, formula)
    assert r.ok is (code is None), r.text()
