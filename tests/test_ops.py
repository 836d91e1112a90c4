"""The operation table: every row's forms agree with each other (SymPy, its derivative, NumPy,
mpmath, PyTorch, the generated-code source text), and domains/kinks are declared."""

from __future__ import annotations

import mpmath
import numpy as np
import pytest
import sympy as sp
import torch

from derive.lang import ops

x = sp.Symbol("x", real=True)
POINTS = (-1.7, -0.3, 0.4, 2.2)
ELEMENTWISE = [n for n, op in ops.BUILTIN.items() if op.kind == ops.ELEMENTWISE]
ROWWISE = [n for n, op in ops.BUILTIN.items() if op.kind == ops.ROWWISE]
LOSSES = [n for n, op in ops.BUILTIN.items() if op.kind == ops.LOSS]


def test_every_language_function_has_a_row():
    want = {
        "sigmoid", "relu", "tanh", "exp", "log", "leaky_relu", "softmax", "sum", "mean",
        "mse", "sse", "bce", "bce_logits", "cross_entropy",
        "sqrt", "abs", "softplus", "log_softmax",
    }  # fmt: skip
    assert want <= set(ops.language())
    for name in want:
        op = ops.get(name)
        assert op.numpy is not None and op.torch is not None, name
        assert op.tex and op.text and op.numpy_src and op.torch_src, name
        if op.kind != ops.REDUCTION:
            assert op.sympy is not None and op.pull is not None and op.mpmath is not None, name
        assert all(d in ops.DOMAINS for d in op.domain), name


def test_domains_and_kinks_declared():
    assert ops.get("log").domain == ("positive",)
    assert ops.get("sqrt").domain == ("positive",)
    assert ops.get("bce").domain == ("unit", "binary")
    assert ops.get("cross_entropy").domain[1] == "onehot"
    for name in ("relu", "leaky_relu", "abs"):
        assert ops.get(name).kinks == (0,)
    assert ops.get("tanh").kinks == ()
    assert ops.in_domain("onehot", [0, 1, 0]) and not ops.in_domain("onehot", [1, 1, 0])
    assert ops.in_domain("binary", 1.0) and not ops.in_domain("binary", 0.5)
    assert not ops.in_domain("positive", 0.0)
    assert ops.get("leaky_relu").default("slope") == sp.Rational(1, 100)
    assert ops.power_domain(ops.Fraction(1, 2)) == "positive"
    assert ops.power_domain(ops.Fraction(-1)) == "nonzero" and ops.power_domain(2) == "real"
    assert ops.STRUCTURAL_DOMAINS["divisor"] == "nonzero"


def _points(op: ops.Op) -> list[float]:
    pts = [abs(p) for p in POINTS] if op.domain[0] in ("positive", "nonnegative") else list(POINTS)
    pts = [_into_domain(op, p) for p in pts]
    return [p for p in pts if all(abs(p - float(k)) > 1e-3 for k in op.kinks)]


def _into_domain(op: ops.Op, p):
    """A point moved into the op's interval domain (acosh: 1 + |p|; atanh, erfinv: p/2.5)."""
    if op.domain[0] == "above_one":
        return 1 + abs(p)
    return p / 2.5 if op.domain[0] == "open_unit" else p


def _params(op: ops.Op) -> tuple:
    return tuple(sp.Rational(1, 10) for _ in op.params[: op.nargs[1] - 1])


@pytest.mark.parametrize("name", ELEMENTWISE)
def test_elementwise_forms_agree(name):
    op = ops.BUILTIN[name]
    params = _params(op)
    fx = op.sympy(x, *params)
    dx = op.derivative(x, *params)
    for p in _points(op):
        v = sp.Float(p, 30)
        with mpmath.workdps(30):
            mp = float(op.mpmath(mpmath.mpf(p), *[mpmath.mpf(float(a)) for a in params]))
        exact = fx.subs(x, v).evalf(30)
        want = float(exact) if exact.is_Number else mp  # our own classes have no evalf
        assert mp == pytest.approx(want, rel=1e-12)
        got_np = op.numpy(np.array([[p]]), *[float(a) for a in params])
        assert float(np.asarray(got_np).ravel()[0]) == pytest.approx(want, rel=1e-12)
        t = torch.tensor([[p]], dtype=torch.float64, requires_grad=True)
        out = op.torch(t, *[float(a) for a in params])
        assert float(out.detach()) == pytest.approx(want, rel=1e-12)
        # the textbook derivative is the true derivative, and PyTorch agrees with it
        true_d = sp.diff(fx, x).subs(x, v).evalf(30)
        if true_d.is_Number:
            assert float(dx.subs(x, v).evalf(30)) == pytest.approx(float(true_d), rel=1e-12)
        else:  # leaky_relu: its derivative is its own fdiff; PyTorch below is the check
            assert sp.diff(fx, x) == dx
            true_d = dx.subs(x, v)
        if not out.requires_grad:
            continue
        out.sum().backward()
        assert float(t.grad) == pytest.approx(float(true_d), rel=1e-9, abs=1e-12)


@pytest.mark.parametrize("name", ELEMENTWISE + ROWWISE)
def test_numpy_source_text_matches_callable(name):
    op = ops.BUILTIN[name]
    arr = np.array([[0.3, -1.2, 2.0], [1.5, 0.7, -0.4]])
    if op.domain[0] in ("positive", "nonnegative"):
        arr = np.abs(arr)
    arr = _into_domain(op, arr)
    env = {"np": np, "X": arr}
    if op.numpy_helper:  # with the helpers it may call (i0e calls scaled_bessel_far, brought along in a lab)
        for src in ops.numpy_helpers().values():
            exec(src, env)  # our own constant source text, not user input
        exec(op.numpy_helper, env)
    holes = {"slope": "0.1"} if op.params else {}
    got = eval(op.numpy_src.format(x="X", px="(X)", **holes), env)
    args = (0.1,) if op.params else ()
    # atol: a value near a root is cancellation-bound (the generated digamma's ψ(1.5) ≈ 0.036
    # is a sum of terms near 3)
    np.testing.assert_allclose(
        np.asarray(got, float), op.numpy(arr, *args), rtol=1e-14, atol=1e-15
    )
    tenv = {"torch": torch, "F": torch.nn.functional, "X": torch.tensor(arr)}
    tgot = eval(op.torch_src.format(x="X", px="(X)", **holes), tenv)
    np.testing.assert_allclose(tgot.numpy(), op.numpy(arr, *args), rtol=1e-12)


@pytest.mark.parametrize("name", ROWWISE)
def test_rowwise_forms_agree(name):
    op = ops.BUILTIN[name]
    row = [0.3, -1.2, 2.0]
    syms = sp.symbols("z0:3", real=True)
    exact = [float(e.subs(dict(zip(syms, row, strict=True))).evalf(30)) for e in op.sympy(syms)]
    with mpmath.workdps(30):
        mp = [float(v) for v in op.mpmath([mpmath.mpf(v) for v in row])]
    np.testing.assert_allclose(mp, exact, rtol=1e-13)
    np.testing.assert_allclose(op.numpy(np.array([row]))[0], exact, rtol=1e-13)
    np.testing.assert_allclose(
        op.torch(torch.tensor([row], dtype=torch.float64)).numpy()[0], exact, rtol=1e-13
    )


def _loss_sympy(op: ops.Op, p: np.ndarray, y: np.ndarray) -> float:
    if op.reduce == "rows":
        total = sum(op.sympy(list(map(sp.Float, pr)), list(map(sp.Float, yr))) for pr, yr in
                    zip(p, y, strict=True))  # fmt: skip
        return float(total) / p.shape[0]
    total = sum(
        op.sympy(sp.Float(a), sp.Float(b)) for a, b in zip(p.ravel(), y.ravel(), strict=True)
    )
    return float(total) / (p.size if op.reduce == "mean" else 1)


@pytest.mark.parametrize("name", LOSSES)
def test_losses_agree(name):
    op = ops.BUILTIN[name]
    p = np.array([[0.2, 0.7], [0.6, 0.1]])
    y = np.array([[0.0, 1.0], [1.0, 0.0]])
    want = _loss_sympy(op, p, y)
    assert op.numpy(p, y) == pytest.approx(want, rel=1e-12)
    with mpmath.workdps(30):
        mp = op.mpmath(
            [[mpmath.mpf(v) for v in r] for r in p], [[mpmath.mpf(v) for v in r] for r in y]
        )
    assert float(mp) == pytest.approx(want, rel=1e-12)
    assert float(op.torch(torch.tensor(p), torch.tensor(y))) == pytest.approx(want, rel=1e-12)
    env = {"np": np}
    exec(op.numpy_helper, env)
    assert eval(op.numpy_src.format(p="P", y="Y"), {**env, "P": p, "Y": y}) == pytest.approx(want)


def test_using_swaps_the_active_table_and_restores_it():
    extra = ops.Op("cube", ops.ELEMENTWISE, sympy=lambda v: v**3)
    with ops.using({**ops.BUILTIN, "cube": extra}):
        assert "cube" in ops.language()
        assert ops.signature("cube") == (1, 1, ())
    assert "cube" not in ops.OPS and ops.signature("cube") is None
    assert ops.signature("leaky_grad") is None  # internal rows are not language functions


# ---- a new op in a test-only table: derive verify passes, no other file touched -----------------


def _xsig() -> ops.Op:
    """xsig(x) = x·σ(x), defined only here."""
    sig = ops.sigmoid

    def mp(v):
        return v * ops.mp_sigmoid(v)

    return ops.Op(
        "xsig",
        ops.ELEMENTWISE,
        sympy=lambda v: v * sig(v),
        derivative=lambda v: sig(v) * (1 + v * (1 - sig(v))),
        pull=lambda m, up, xm, ym: m.mul(
            up,
            m.add(
                m.Func("sigmoid", xm),
                m.mul(xm, m.mul(m.Func("sigmoid", xm), m.sub(m.Scalar(1), m.Func("sigmoid", xm)))),
            ),
        ),
        numpy=lambda v: v * ops.np_sigmoid(v),
        mpmath=mp,
        torch=lambda t: t * torch.sigmoid(t),
        numpy_src="xsig({x})",
        numpy_helper="def xsig(x):\n    return x / (1.0 + np.exp(-x))\n",
        torch_src="F.silu({x})",
        tex="\\operatorname{xsig}",
        text="xsig",
    )


SWISH_SPEC = """
[network]
name = "xsig-net"
[dims]
m = 3
[inputs]
X = ["m", 2]
Y = ["m", 1]
[params]
W = [2, 1]
b = [1, 1]
[forward]
Z = "X @ W + b"
A = "xsig(Z)"
L = "mse(A, Y)"
"""


def test_an_op_registered_in_a_test_only_table_verifies(tmp_path):
    from click.testing import CliRunner

    from derive import cli

    path = tmp_path / "xsig.toml"
    path.write_text(SWISH_SPEC)
    runner = CliRunner()
    refused = runner.invoke(cli.main, ["verify", str(path)])
    assert refused.exit_code == 2 and "unknown function 'xsig'" in refused.output
    with ops.using({**ops.BUILTIN, "xsig": _xsig()}):
        result = runner.invoke(cli.main, ["verify", str(path)])
        assert result.exit_code == 0, result.output
        assert "xsig-net" in result.output
        built = runner.invoke(cli.main, ["build", str(path), "-f", "md,py", "--lang", "en",
                                         "-o", str(tmp_path / "out")])  # fmt: skip
        assert built.exit_code == 0, built.output
    md = (tmp_path / "out" / "xsig-net" / "en").glob("*.md")
    text = "".join(p.read_text() for p in md)
    assert "\\operatorname{xsig}" in text
    py = "".join(p.read_text() for p in (tmp_path / "out" / "xsig-net" / "en").glob("*.py"))
    assert "def xsig(x):" in py and "F.silu(Z)" in py


def test_derive_check_reads_and_diagnoses_a_formula_with_a_test_only_op(tmp_path):
    """derive check with the same test-only op: formulas calling it are read and evaluated, the
    course helper ``xsig_backward`` and the mutation library come from its row."""
    from click.testing import CliRunner

    from derive import cli

    path = tmp_path / "xsig.toml"
    path.write_text(SWISH_SPEC)
    runner = CliRunner()

    def check(wrt: str, formula: str):
        return runner.invoke(cli.main, ["check", str(path), "--wrt", wrt, formula])

    with ops.using({**ops.BUILTIN, "xsig": _xsig()}):
        # xsig'(z) = σ(z) + xsig(z)·(1 − σ(z)): uses the new op itself
        right = check("Z", "dA * (sigmoid(Z) + xsig(Z) * (1 - sigmoid(Z)))")
        assert right.exit_code == 0, right.output
        assert check("W", "X.T @ xsig_backward(dA, Z)").exit_code == 0
        missing = check("Z", "dA")
        assert missing.exit_code == 1
        assert "missing-activation-derivative" in missing.output and "xsig'(Z)" in missing.output
        itself = check("Z", "dA * xsig(Z)")
        assert itself.exit_code == 1 and "wrong-activation-derivative" in itself.output
        wrong = check("Z", "dA * (sigmoid(Z) + xsig(Z) * (1 + sigmoid(Z)))")
        assert wrong.exit_code == 1 and "✗" in wrong.output
