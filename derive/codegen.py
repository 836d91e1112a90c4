"""Code lines of a walkthrough: NumPy forward/backward from the verified matrix forms, and the
PyTorch equivalent of the forward pass.

- NumPy: ``Z1 = X @ W1 + b1`` is ``node.forward.code()``, ``dZ2 = (A2 - Y) / m`` is
  ``visit.formula.code()`` — the very expressions the engine proved and ran
  (:func:`derive.numeric.gradients_matrix`), in the order of ``d.backward``;
- PyTorch: the spec's expression tree printed with ``torch``/``F`` calls that mirror
  :func:`derive.numeric.torch_forward`, so autograd (not our rules) differentiates it.

Names in the lines are spec identifiers (validated, never Python keywords or helper names:
``sigmoid``, ``np``, ``F``… are reserved by :mod:`derive.expr`), so the lines are safe to write
into a ``.py`` file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from derive import expr as ex
from derive import ops
from derive.backprop import Derivation


def helper_names() -> tuple[str, ...]:
    """Ops whose NumPy source calls a helper function the generated script defines."""
    return tuple(n for n, op in ops.OPS.items() if op.numpy_helper)


DEFAULT_LR = 0.01
_ATOM, _POW, _NEG, _MUL, _ADD = 5, 4, 3, 2, 1


@dataclass(frozen=True)
class Code:
    """Everything a generated script needs, as lines of Python."""

    scalars: tuple[str, ...]  # "m = 2"
    values: tuple[tuple[str, str], ...]  # ("X", "np.array([[0.5, 0.1]])")
    forward: tuple[str, ...]  # "Z1 = X @ W1 + b1"
    backward: tuple[str, ...]  # "dZ2 = (A2 - Y) / m"
    torch_forward: tuple[str, ...]  # "L = F.binary_cross_entropy(A2, Y)"
    torch_backward: str  # "L.sum().backward()"
    bare_loss: str  # "F.mse_loss(O, t)" when the loss scales a PyTorch loss, else ""
    bare_scale: str  # "0.5": the factor in front of it
    helpers: tuple[str, ...]  # helper functions the NumPy lines call
    inputs: tuple[str, ...]
    params: tuple[str, ...]
    loss: str
    lr: str
    sgd: tuple[str, ...]  # "W1 = W1 - lr * dW1"

    @property
    def helper_sources(self) -> tuple[tuple[str, ...], ...]:
        """The definitions of :attr:`helpers` (``def sigmoid(x): …``), line by line."""
        return tuple(tuple(src.splitlines()) for src in helper_sources(self.helpers))


def number(v: Fraction | float) -> str:
    """A Python literal: ``2``, ``0.5``, ``-0.2`` (floats by ``repr``: round-trip exact)."""
    v = Fraction(v) if not isinstance(v, Fraction) else v
    return str(v.numerator) if v.denominator == 1 else repr(float(v))


def _array(rows: tuple[tuple[Fraction, ...], ...]) -> str:
    body = ", ".join("[" + ", ".join(repr(float(v)) for v in row) + "]" for row in rows)
    return f"np.array([{body}])"


def code(d: Derivation) -> Code:
    """The code lines of ``d`` (see the module docstring)."""
    spec = d.spec
    scalars = tuple(f"{k} = {v}" for k, v in spec.dims.items())
    scalars += tuple(f"{k} = {number(v)}" for k, v in spec.constants.items())
    values = tuple((k, _array(spec.values[k])) for k in (*spec.inputs, *spec.params))
    forward = tuple(f"{n.name} = {n.forward.code()}" for n in d.graph.nodes)
    backward = tuple(f"d{v.name} = {v.formula.code()}" for v in d.backward)
    if any(re.search(rf"\bd{spec.loss}\b", line) for line in backward):
        backward = (f"d{spec.loss} = 1.0", *backward)
    used = " ".join(forward + backward)
    helpers = tuple(h for h in helper_names() if re.search(rf"\b{h}\(", used))
    torch_forward = tuple(f"{name} = {torch_code(tree)}" for name, tree in spec.forward)
    bare, scale = "", ""
    found = scaled_loss(spec.forward[-1][1])
    if found is not None:
        scale, bare = number(found[0]), torch_code(found[1])
    lr = number(spec.train.get("lr", DEFAULT_LR))
    sgd = tuple(f"{p} = {p} - lr * d{p}" for p in spec.params)
    return Code(
        scalars,
        values,
        forward,
        backward,
        torch_forward,
        f"{spec.loss}.sum().backward()",
        bare,
        scale,
        helpers,
        tuple(spec.inputs),
        tuple(spec.params),
        spec.loss,
        lr,
        sgd,
    )


def scaled_loss(tree: ex.Node) -> tuple[Fraction, ex.Call] | None:
    """``0.5 * mse(O, t)`` → ``(1/2, mse(O, t))``: a scaled library loss (the factor-2 lesson)."""
    if isinstance(tree, ex.BinOp) and tree.op == "*":
        for c, call in ((tree.left, tree.right), (tree.right, tree.left)):
            if isinstance(c, ex.Num) and isinstance(call, ex.Call) and _is_loss(call.func):
                return c.value, call
    return None


def _is_loss(name: str) -> bool:
    return name in ops.OPS and ops.get(name).kind == ops.LOSS


def helper_sources(helpers: tuple[str, ...]) -> tuple[str, ...]:
    """The definitions of ``helpers`` (from the operation table), for the generated script."""
    return tuple(ops.get(h).numpy_helper for h in helpers)


# ---- PyTorch printer --------------------------------------------------------------------------


def torch_code(tree: ex.Node) -> str:
    """``tree`` as a PyTorch expression (``torch`` and ``F = torch.nn.functional``)."""
    return _t(tree)[0]


def _wrap(part: tuple[str, int], level: int) -> str:
    return part[0] if part[1] >= level else f"({part[0]})"


def _t(n: ex.Node) -> tuple[str, int]:
    if isinstance(n, ex.Num):
        s = number(n.value)
        return s, _ATOM if not s.startswith("-") else _NEG
    if isinstance(n, ex.Name):
        return n.id, _ATOM
    if isinstance(n, ex.Neg):
        return f"-{_wrap(_t(n.operand), _NEG)}", _NEG
    if isinstance(n, ex.Pow):
        return f"{_wrap(_t(n.base), _ATOM)} ** {number(n.exponent)}", _POW
    if isinstance(n, ex.Transpose):
        return f"{_wrap(_t(n.operand), _ATOM)}.T", _ATOM
    if isinstance(n, ex.BinOp):
        level = _ADD if n.op in "+-" else _MUL
        right = level + 1 if n.op in "-/@" or level == _MUL else level
        return f"{_wrap(_t(n.left), level)} {n.op} {_wrap(_t(n.right), right)}", level
    assert isinstance(n, ex.Call)
    return _call(n), _ATOM


def _call(n: ex.Call) -> str:
    op = ops.get(n.func)
    a = [torch_code(x) for x in n.args]
    x = _wrap(_t(n.args[0]), _ATOM)
    if op.kind == ops.REDUCTION:
        axis = n.kwarg("axis")
        if axis is None:
            return f"{x}.{n.func}()"
        return f"{x}.{n.func}(dim={number(axis.value)}, keepdim=True)"  # type: ignore[union-attr]
    if op.kind in (ops.ELEMENTWISE, ops.ROWWISE):
        holes = {}
        for k, (key, default) in enumerate(op.params):
            given = n.args[1 + k] if len(n.args) > 1 + k else n.kwarg(key)
            holes[key] = torch_code(given) if given is not None else number(default)
        return op.torch_src.format(x=a[0], **holes)
    yy = _wrap(_t(n.args[1]), _MUL + 1)
    w = n.kwarg("pos_weight")
    if w is not None and "torch_src_weighted" in op.extra:
        return op.extra["torch_src_weighted"].format(w=torch_code(w), yy=yy, p=a[0])
    return op.torch_src.format(p=a[0], y=a[1], yy=yy, x=x)
