"""heldnets48: readings and refusals of round 48's held-out course networks.

Each reading writes a call as the PyTorch text of the same value, read afterwards as every other
line (as :mod:`derive.lang.spelling47` does for MXNet):

- einops' ``einsum`` (its pattern last, axes named by words), ``reduce`` (sum, mean, max, min,
  prod) and ``rearrange`` of a matrix (the same matrix or its transpose); anything else under
  ``einops`` is refused naming what is read;
- Paddle's ``cosine_embedding_loss`` (and the ``CosineEmbeddingLoss`` class called at once) with
  Paddle's own constant: 10e-12 (= 1e-11) added to each squared norm, where PyTorch adds 1e-12;
- Paddle's ``cosine_similarity`` (w12 / sqrt(clip(w1·w2, min=eps²))), ``normalize``,
  ``hinge_embedding_loss`` and ``margin_ranking_loss`` with Paddle's parameter names and defaults;
- Keras' ``categorical_focal_crossentropy`` / ``CategoricalFocalCrossentropy`` as Keras 3 (and
  tf.keras ≥ 2.13) define it: probabilities renormalised, clipped to [1e-7, 1 − 1e-7],
  ``Σ_c α (1 − p_c)^γ · (−y_c log p_c)`` along the last axis, α = 0.25 and γ = 2 by default.

Refused in their own words: ODE solvers (``odeint``, ``solve_ivp``, ``diffeqsolve``: an adaptive
loop over a Python function) and sampling at computed positions (``grid_sample``,
``affine_grid``, ``map_coordinates``).
"""

from __future__ import annotations

import ast
import re

from derive.lang import spelling as sp
from derive.lang import spelling47
from derive.locale import catalog

EINOPS = frozenset({"einops"})
EINOPS_READ = ("einsum", "reduce", "rearrange")
_REDUCTIONS = {
    "sum": "torch.sum",
    "mean": "torch.mean",
    "max": "torch.amax",
    "min": "torch.amin",
    "prod": "torch.prod",
}
PADDLE = frozenset({"paddle", "paddle.nn.functional", "paddle.nn"})
# Paddle's cosine_embedding_loss adds 10e-12 to each squared norm (PyTorch's EPSILON is 1e-12)
PADDLE_COS_EPS = 10e-12
KERAS = frozenset({"keras.losses", "tf.keras.losses", "tf.losses"})
_KERAS_EPS = 1e-7  # keras.backend.epsilon()
# an ODE solver: torchdiffeq, SciPy, diffrax, JAX's experimental odeint
SOLVERS = frozenset({"odeint", "odeint_adjoint", "odeint_event", "solve_ivp", "diffeqsolve"})
# sampling at positions computed by the network
SAMPLERS = frozenset({"grid_sample", "affine_grid", "map_coordinates"})


def _err(key: str, **args: object) -> sp.SpellingError:
    return sp.SpellingError(catalog.said(f"spec.heldnets48.{key}", **args))


def _pattern(v: ast.expr, name: str) -> tuple[list[list[str]], list[str]]:
    """An einops pattern ``'n h, k h -> n k'``: each input's axis names, the output's ('1' and
    '()' a kept axis of size 1)."""
    if not (isinstance(v, ast.Constant) and isinstance(v.value, str) and "->" in v.value):
        raise _err("einops_pattern", name=name)
    left, right = v.value.split("->")
    out = right.replace("()", "1").split()
    ins = [part.split() for part in left.split(",")]
    words = [w for part in ins for w in part] + out
    if any(not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*|1", w) for w in words):
        raise _err("einops_pattern", name=name)  # (a b) groupings, '...', numbers other than 1
    return ins, out


def _einops(n: ast.Call, name: str) -> ast.expr:
    if name == "einsum":
        if len(n.args) < 2 or n.keywords:
            raise _err("einops_pattern", name=name)
        ins, out = _pattern(n.args[-1], name)
        tensors = n.args[:-1]
        if (
            len(ins) != len(tensors)
            or "1" in out
            or any("1" in p or len(set(p)) != len(p) for p in ins)
        ):
            raise _err("einops_pattern", name=name)
        letters: dict[str, str] = {}
        for w in [w for p in ins for w in p]:
            letters.setdefault(w, "abcdefghijklmnopqrstuvwxyz"[len(letters) % 26])
        if any(w not in letters for w in out) or len(letters) > 26:
            raise _err("einops_pattern", name=name)
        text = (
            ",".join("".join(letters[w] for w in p) for p in ins)
            + "->"
            + "".join(letters[w] for w in out)
        )
        return ast.Call(sp._attr("torch.einsum"), [ast.Constant(text), *tensors], [])
    if name == "reduce":
        if len(n.args) != 3 or n.keywords:
            raise _err("einops_pattern", name=name)
        x, how = n.args[0], n.args[2]
        ins, out = _pattern(n.args[1], name)
        if len(ins) != 1:
            raise _err("einops_pattern", name=name)
        axes = ins[0]
        if (
            not (isinstance(how, ast.Constant) and how.value in _REDUCTIONS)
            or len(axes) != 2
            or len(set(axes)) != 2
        ):
            raise _err("einops_reduce", name=name, read=", ".join(_REDUCTIONS))
        f = sp._attr(_REDUCTIONS[how.value])
        kept = [w for w in out if w != "1"]
        if any(w not in axes for w in kept) or kept != [w for w in axes if w in kept]:
            raise _err("einops_pattern", name=name)  # an axis reordered or invented
        if not kept:
            if out and out != ["1", "1"]:
                raise _err("einops_pattern", name=name)
            if out:  # 'a b -> 1 1': every entry, kept as a 1 x 1 matrix
                return ast.Call(
                    f,
                    [x],
                    [
                        ast.keyword(
                            "dim", ast.Tuple([ast.Constant(0), ast.Constant(1)], ast.Load())
                        ),
                        ast.keyword("keepdim", ast.Constant(True)),
                    ],
                )
            return ast.Call(f, [x], [])
        if len(kept) == 2:
            raise _err("einops_pattern", name=name)  # nothing reduced: not a reduction
        axis = 1 if kept == [axes[0]] else 0
        if out == kept:  # 'a b -> a': a 1-D result, as the library's
            return ast.Call(f, [x], [ast.keyword("dim", ast.Constant(axis))])
        expect = [kept[0], "1"] if axis == 1 else ["1", kept[0]]
        if out != expect:
            raise _err("einops_pattern", name=name)
        return ast.Call(
            f,
            [x],
            [ast.keyword("dim", ast.Constant(axis)), ast.keyword("keepdim", ast.Constant(True))],
        )
    # rearrange of a matrix: the matrix or its transpose
    if len(n.args) != 2 or n.keywords:
        raise _err("einops_pattern", name=name)
    ins, out = _pattern(n.args[1], name)
    if len(ins) != 1 or len(ins[0]) != 2 or sorted(out) != sorted(ins[0]) or len(set(out)) != 2:
        raise _err("einops_rearrange", name=name)
    x = n.args[0]
    return x if out == ins[0] else ast.Attribute(x, "T", ast.Load())


def _torch(path: str, *args: ast.expr, **kw: ast.expr) -> ast.Call:
    return ast.Call(sp._attr(path), list(args), [ast.keyword(k, v) for k, v in kw.items()])


def _num(v: float) -> ast.expr:
    return ast.Constant(v) if v >= 0 else ast.UnaryOp(ast.USub(), ast.Constant(-v))


def _reduced(elem: ast.expr, how: ast.expr | None, name: str) -> ast.expr:
    r = "mean" if how is None else getattr(how, "value", None)
    if r in ("mean", "sum_over_batch_size", "auto"):
        return _torch("torch.mean", elem)
    if r == "sum":
        return _torch("torch.sum", elem)
    if r == "none":
        return elem
    raise _err("reduction", name=name)


def _paddle_cosine(
    x1: ast.expr, x2: ast.expr, label: ast.expr, margin: ast.expr | None, how: ast.expr | None
) -> ast.expr:
    """Paddle's definition (python/paddle/nn/functional/loss.py): per row ``1 − cos`` where the
    label is 1, ``clip(cos − margin, min=0)`` where it is −1, cos = Σx1·x2 / sqrt((Σx1² + 1e-11)
    (Σx2² + 1e-11)); the labels 1-D, one per row."""

    def s(e: ast.expr) -> ast.expr:
        return _torch("torch.sum", e, dim=ast.Constant(1))

    def sq(e: ast.expr) -> ast.expr:
        return ast.BinOp(s(ast.BinOp(e, ast.Mult(), e)), ast.Add(), _num(PADDLE_COS_EPS))

    cos = ast.BinOp(
        s(ast.BinOp(x1, ast.Mult(), x2)),
        ast.Div(),
        _torch("torch.sqrt", ast.BinOp(sq(x1), ast.Mult(), sq(x2))),
    )
    m = margin if margin is not None else ast.Constant(0.0)
    pos = _torch(
        "torch.where",
        ast.Compare(label, [ast.Eq()], [ast.Constant(1)]),
        ast.BinOp(ast.Constant(1), ast.Sub(), cos),
        ast.Constant(0.0),
    )
    neg = _torch(
        "torch.where",
        ast.Compare(label, [ast.Eq()], [_num(-1)]),
        _torch("torch.clamp", ast.BinOp(cos, ast.Sub(), m), min=ast.Constant(0.0)),
        ast.Constant(0.0),
    )
    return _reduced(ast.BinOp(pos, ast.Add(), neg), how, "cosine_embedding_loss")


def _keras_focal(
    y: ast.expr, p: ast.expr, kw: dict[str, ast.expr], how: ast.expr | None, per_example: bool
) -> ast.expr:
    """Keras' categorical focal cross-entropy (keras/src/losses/losses.py)."""
    name = "categorical_focal_crossentropy"
    for k in kw:
        if k not in (
            "alpha",
            "gamma",
            "from_logits",
            "label_smoothing",
            "axis",
            "name",
            "reduction",
        ):
            raise _err("keras_focal", name=name)
    logits = kw.get("from_logits", ast.Constant(False))
    smooth = kw.get("label_smoothing", ast.Constant(0.0))
    axis = kw.get("axis", _num(-1))
    if (
        not (isinstance(logits, ast.Constant) and type(logits.value) is bool)
        or not (isinstance(smooth, ast.Constant) and smooth.value in (0, 0.0))
        or sp._int_literal(axis) not in (-1, 1)
    ):
        raise _err("keras_focal", name=name)
    alpha = kw.get("alpha", ast.Constant(0.25))
    gamma = kw.get("gamma", ast.Constant(2.0))
    probs = _torch("torch.softmax", p, dim=ast.Constant(1)) if logits.value else p
    norm = ast.BinOp(
        probs,
        ast.Div(),
        _torch("torch.sum", probs, dim=ast.Constant(1), keepdim=ast.Constant(True)),
    )
    out = _torch("torch.clamp", norm, _num(_KERAS_EPS), _num(1.0 - _KERAS_EPS))
    cce = ast.BinOp(ast.UnaryOp(ast.USub(), y), ast.Mult(), _torch("torch.log", out))
    factor = ast.BinOp(ast.BinOp(ast.Constant(1), ast.Sub(), out), ast.Pow(), gamma)
    elem = ast.BinOp(ast.BinOp(factor, ast.Mult(), alpha), ast.Mult(), cce)
    rows = _torch("torch.sum", elem, dim=ast.Constant(1))
    return rows if per_example else _reduced(rows, how, name)


def _bind(n: ast.Call, params: tuple[str, ...], need: int, name: str) -> dict[str, ast.expr]:
    if len(n.args) > len(params) or any(k.arg is None for k in n.keywords):
        raise _err("arguments", name=name)
    a = dict(zip(params, n.args, strict=False))
    for k in n.keywords:
        if k.arg not in params or k.arg in a:
            raise _err("arguments", name=name)
        a[k.arg] = k.value  # type: ignore[index]
    if any(p not in a for p in params[:need]):
        raise _err("arguments", name=name)
    return a


# more of Paddle's functional API (python/paddle/nn/functional/{common,norm,loss}.py), each with
# Paddle's own parameters and defaults
_PADDLE_MORE = {
    "cosine_similarity": ("x1", "x2", "axis", "eps"),
    "normalize": ("x", "p", "axis", "epsilon", "name"),
    "hinge_embedding_loss": ("input", "label", "margin", "reduction", "name"),
    "margin_ranking_loss": ("input", "other", "label", "margin", "reduction", "name"),
}


def _paddle_more(n: ast.Call, name: str) -> ast.expr:
    """``cosine_similarity`` as Paddle computes it, w12 / sqrt(clip(w1·w2, min=eps²)) along
    ``axis`` (1), a 1-D result; ``normalize`` x / max(‖x‖_p, ε) along ``axis`` (1) = PyTorch's
    F.normalize; ``hinge_embedding_loss`` (margin 1) and ``margin_ranking_loss`` (margin 0) with
    ±1 labels = PyTorch's of the same name."""
    params = _PADDLE_MORE[name]
    a = _bind(
        n, params, 3 if name == "margin_ranking_loss" else 2 if name != "normalize" else 1, name
    )
    if name == "cosine_similarity":
        x1, x2 = a["x1"], a["x2"]
        axis = a.get("axis", ast.Constant(1))
        eps = a.get("eps", ast.Constant(1e-8))

        def s(e: ast.expr) -> ast.expr:
            return _torch("torch.sum", e, dim=axis)

        prod = ast.BinOp(
            s(ast.BinOp(x1, ast.Mult(), x1)), ast.Mult(), s(ast.BinOp(x2, ast.Mult(), x2))
        )
        floor = ast.BinOp(eps, ast.Pow(), ast.Constant(2))
        return ast.BinOp(
            s(ast.BinOp(x1, ast.Mult(), x2)),
            ast.Div(),
            _torch("torch.sqrt", _torch("torch.clamp", prod, min=floor)),
        )
    if name == "normalize":
        return _torch(
            "F.normalize",
            a["x"],
            p=a.get("p", ast.Constant(2)),
            dim=a.get("axis", ast.Constant(1)),
            eps=a.get("epsilon", ast.Constant(1e-12)),
        )
    r = a.get("reduction", ast.Constant("mean"))
    if name == "hinge_embedding_loss":
        return _torch(
            "F.hinge_embedding_loss",
            a["input"],
            a["label"],
            margin=a.get("margin", ast.Constant(1.0)),
            reduction=r,
        )
    return _torch(
        "F.margin_ranking_loss",
        a["input"],
        a["other"],
        a["label"],
        margin=a.get("margin", ast.Constant(0.0)),
        reduction=r,
    )


_COS_PARAMS = ("input1", "input2", "label", "margin", "reduction", "name")
_FOCAL_PARAMS = ("y_true", "y_pred", "alpha", "gamma", "from_logits", "label_smoothing", "axis")


class _Read(ast.NodeTransformer):
    def __init__(self, taken: frozenset[str]) -> None:
        self.taken = taken

    def visit_Call(self, n: ast.Call) -> ast.AST:
        self.generic_visit(n)
        f = n.func
        made = f if isinstance(f, ast.Call) and isinstance(f.func, ast.Attribute) else None
        if made is not None:  # a loss class constructed and called at once
            assert isinstance(made.func, ast.Attribute)
            path, cls = sp._module_path(made.func.value), made.func.attr
            if path.split(".")[0] in self.taken:
                return n
            if path in PADDLE and cls == "CosineEmbeddingLoss":
                kw = _bind(made, ("margin", "reduction", "name"), 0, cls)
                a = _bind(n, _COS_PARAMS[:3], 3, cls)
                return _paddle_cosine(
                    a["input1"], a["input2"], a["label"], kw.get("margin"), kw.get("reduction")
                )
            if path in KERAS and cls == "CategoricalFocalCrossentropy":
                kw = _bind(
                    made, tuple(p for p in _FOCAL_PARAMS[2:]) + ("reduction", "name"), 0, cls
                )
                a = _bind(n, ("y_true", "y_pred"), 2, cls)
                return _keras_focal(a["y_true"], a["y_pred"], kw, kw.get("reduction"), False)
            return n
        if not isinstance(f, ast.Attribute):
            return n
        path, name = sp._module_path(f.value), f.attr
        if path.split(".")[0] in self.taken:
            return n
        if path in EINOPS:
            if name not in EINOPS_READ:
                raise _err("einops_unread", name=f"einops.{name}", read=", ".join(EINOPS_READ))
            return _einops(n, name)
        if path in PADDLE and name in _PADDLE_MORE:
            return _paddle_more(n, name)
        if path in PADDLE and name == "cosine_embedding_loss":
            a = _bind(n, _COS_PARAMS, 3, name)
            return _paddle_cosine(
                a["input1"], a["input2"], a["label"], a.get("margin"), a.get("reduction")
            )
        if path in KERAS and name == "categorical_focal_crossentropy":
            a = _bind(n, _FOCAL_PARAMS, 2, name)
            kw = {k: v for k, v in a.items() if k not in ("y_true", "y_pred")}
            return _keras_focal(a["y_true"], a["y_pred"], kw, None, True)
        return n


def respelled_hn48(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """[forward] lines with einops' calls, Paddle's cosine embedding loss and Keras' categorical
    focal cross-entropy written as PyTorch's text of the same value; an einops function not
    read is refused naming those read (:class:`SpellingError` with ``.key``)."""

    def wanted(text: str) -> bool:
        return (
            "einops." in text
            or "cosine_embedding" in text
            or "CosineEmbeddingLoss" in text
            or ("paddle" in text and any(f in text for f in _PADDLE_MORE))
            or ("ategorical_focal" in text or "CategoricalFocal" in text)
        )

    class Read(_Read):
        def __init__(self) -> None:
            super().__init__(taken)

    return sp._lines_respelled_hn44(fwd, wanted, Read)


def solvers_hn48(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """The [forward] lines as written; an ODE solver (``torchdiffeq.odeint``, SciPy's
    ``solve_ivp``, diffrax's ``diffeqsolve``), under any module or bare, is refused with its own
    sentence (not the generic "write what it computes", which cannot be followed for it)."""
    return spelling47.refused_calls(fwd, taken, SOLVERS, "spec.heldnets48.solver")


def samplers_hn48(fwd: dict[str, object], taken: frozenset[str]) -> dict[str, object]:
    """The [forward] lines as written; sampling at computed positions (``F.grid_sample``,
    ``F.affine_grid``, SciPy's ``map_coordinates``) is refused with its own sentence."""
    return spelling47.refused_calls(fwd, taken, SAMPLERS, "spec.heldnets48.sampler")
