"""Reading a hand-written formula: text → expression tree → matrix form over the network's
symbols.

:func:`read` parses the spec's expression language (:mod:`derive.lang.expr`, with comparisons such as
``Z1 > 0``), NumPy spellings rewritten to it first (``np.sum(x, axis=0, keepdims=True)``,
``x.sum(axis=0)``, ``np.dot``, ``.astype``; nothing is run), or LaTeX (:mod:`derive.checker.latexin`);
an optional ``dW2 =`` in front names the gradient (:func:`wrt_from`). :class:`Convert` resolves
names (``dX`` is the true ``∂L/∂X``; ``Yhat`` the prediction; entry labels such as ``w11``),
LaTeX products by shape, and refuses a formula whose evaluation would cost more than
:data:`MAX_COST` scalar operations. Unreadable input raises
:class:`~derive.checker.verdict.FormulaError`; shapes that do not fit raise :class:`ShapeError` (a wrong
formula, diagnosed, not an unreadable one). User text is never evaluated.
"""

from __future__ import annotations

import ast
import contextvars
import copy
import difflib
import math
import re
import tomllib
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import sympy as sp

from derive.checker import cells, latexin, legacy43, legacy44, legacy45, legacy46, legacy47, legacy48, legacy49, legacy50, names, textbox
from derive.checker.checknet import Net
from derive.checker.evaluate import System, evaluate, floats
from derive.checker.formtree import derivative_text, derivative_tree, fits, tree_text
from derive.checker.verdict import FormulaError, Msg, msg, shape_text
from derive.engine import mform as mf
from derive.engine.backprop import sym_shape
from derive.lang import expr as ex
from derive.lang import ops, spelling
from derive.lang.spec import called_name, reshape_sizes, slice_bounds
from derive.locale import catalog

MAX_COST = 200_000  # scalar operations for one evaluation of a formula


def read(
    net: Net, text: str, latex: bool, wrt: str | None = None
) -> tuple[ex.Node, str | None, str]:
    """:func:`_read` of ``text``; a NumPy answer made 1-D as a whole (``dW2 = (A1.T @ dZ2 /
    m).ravel()``, ``.flatten()``, ``.reshape(-1)``, ``.squeeze()``, ``np.ravel(…)``), which that
    does not read, is read without the call that flattens it: a 1-D array has no orientation, so
    its entries are the gradient's in order — the expression's own where its shape is the
    gradient's, its transpose's where the gradient is a row or a column and the expression the
    other one (:func:`flat_read` says so, for a note); any other shape is the expression's own
    (then judged as it is: a shape mismatch, a transpose)."""
    _FLAT_READ.set(None)
    try:
        return _vector_either_way_heldtex44(net, _read(net, text, latex, wrt), latex, wrt)
    except FormulaError as err:
        if latex or not isinstance(text, str) or (flat := _flat_answer(net, text)) is None:
            raise
        first = err
    try:
        tree, lhs, _ = _read(net, flat, latex, wrt)
    except FormulaError:
        raise first from None
    asked = _asked(net, wrt, lhs)
    want = tensor_of(net, asked) if asked is not None else None
    if want is None:  # one entry (W1[0,0], w11): not a whole gradient
        raise first
    try:
        shape = tuple(map(int, net.target(want).shape))
    except (ShapeError, FormulaError, RecursionError, KeyError, ValueError, TypeError):
        raise first from None
    have = _shape_of(net, tree)
    if have is not None and have != shape and 1 in shape and have == shape[::-1]:
        tree = ex.Transpose(tree)
    if have is not None and have[0] * have[1] == shape[0] * shape[1]:
        _FLAT_READ.set((want, shape))
    return tree, lhs, text


def flat_read() -> tuple[str, tuple[int, int]] | None:
    """The gradient (name, shape) the last :func:`read` compared a 1-D whole answer with, or
    None where the answer was not made 1-D as a whole."""
    return _FLAT_READ.get()


_TO_1D_CALLS = frozenset({"flatten", "ravel", "squeeze", "reshape", "view"})


def _flat_operand(v: ast.expr) -> ast.expr | None:
    """``E`` of ``E.flatten()``, ``E.ravel()``, ``E.squeeze()`` (``E.squeeze(1)``),
    ``E.reshape(-1)`` (``(-1,)``), ``E.view(-1)``, ``np.ravel(E)``, ``np.squeeze(E[, axis])``,
    ``np.reshape(E, -1)``, ``torch.flatten(E)``; else None."""
    if not (isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and v.func.attr in _TO_1D_CALLS):
        return None
    module = isinstance(v.func.value, ast.Name) and v.func.value.id in _NUMPY_MODULES
    args = list(v.args) if module else [v.func.value, *v.args]
    if not args or any(k.arg not in ("axis", "dim") for k in v.keywords):
        return None
    rest = [*args[1:], *(k.value for k in v.keywords)]
    name = v.func.attr
    if name == "squeeze":
        return args[0] if not rest or len(rest) == 1 and _int_literal(rest[0]) in (0, 1, -1, -2) else None
    return args[0] if _flattens(name, rest) else None


def _flattens(name: str, rest: list[ast.expr]) -> bool:
    """Is the call ``name`` with the arguments ``rest`` (after the array) a flattening:
    ``.flatten()``, ``.ravel()``, ``.reshape(-1)`` (``(-1,)``), ``.view(-1)``?"""
    if name in ("flatten", "ravel"):
        return not rest
    if name in ("reshape", "view"):
        size = rest[0].elts if len(rest) == 1 and isinstance(rest[0], ast.Tuple) else rest
        return len(size) == 1 and _int_literal(size[0]) == -1
    return False


def _flat_stripped(v: ast.expr, sizes: set[str]) -> ast.expr | None:
    """``v`` without the call that makes it 1-D, also under numbers and sizes
    (``E.flatten() / m``, ``-lr * np.ravel(E)``); None where ``v`` is not made 1-D so."""
    inner = _flat_operand(v)
    if inner is not None:
        return inner
    if isinstance(v, ast.UnaryOp) and isinstance(v.op, (ast.USub, ast.UAdd)):
        inner = _flat_stripped(v.operand, sizes)
        return None if inner is None else ast.UnaryOp(v.op, inner)
    if isinstance(v, ast.BinOp) and isinstance(v.op, (ast.Mult, ast.Div)):
        for side, other in (("left", v.right), ("right", v.left)):
            if side == "right" and isinstance(v.op, ast.Div):
                continue  # m / E.flatten(): not a scaled answer
            if not all(
                isinstance(n, ast.Constant) and type(n.value) in (int, float)
                or isinstance(n, ast.Name) and n.id in sizes
                or isinstance(n, (ast.BinOp, ast.UnaryOp, ast.operator, ast.unaryop, ast.expr_context))
                for n in ast.walk(other)
            ):
                continue
            inner = _flat_stripped(getattr(v, side), sizes)
            if inner is not None:
                left, right = (inner, other) if side == "left" else (other, inner)
                return ast.BinOp(left, v.op, right)
    return None


def _flat_answer(net: Net, text: str) -> str | None:
    """``text`` with its answer (the last statement) no longer made 1-D as a whole; None where
    it is not made so, or is not Python."""
    lines = text.strip().splitlines()
    if not lines:
        return None
    try:
        tree = ast.parse(lines[-1].strip())
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    if not tree.body:
        return None
    st = tree.body[-1]
    if not (isinstance(st, ast.Assign) and len(st.targets) == 1 or isinstance(st, ast.Expr)):
        return None
    inner = _flat_stripped(st.value, set(net.spec.dims) | set(net.spec.constants))
    if inner is None:
        return None
    st.value = inner
    return "\n".join([*lines[:-1], ast.unparse(tree)])


def _inlined_forward(net: Net) -> dict[str, ast.expr]:
    """The [forward] lines (as written in the spec file) of the names the network does not keep."""
    lines = legacy50.written_forward(str(net.spec.source))
    return {k: v for k, v in lines.items() if k not in net.g.tensors}


def _legacy50(net: Net, text: str) -> str:
    """legacy50's rewrites; a loop over ``range(K)`` indexing a tensor of fewer than K rows is
    NumPy's IndexError at the example's sizes: refused, saying so."""
    maps = frozenset(k for k, t in net.g.tensors.items() if len(t.shape) == 2)
    out = legacy50.rewritten(text, frozenset(net.g.tensors), _inlined_forward(net), maps)
    for k, rows in legacy50.loop_bounds():
        for name in sorted(rows):
            t = net.g.tensors.get(name)
            n = t.shape[0] if t is not None and len(t.shape) else None
            if n is not None and str(n).isdigit() and int(n) < k:
                raise FormulaError(msg("error.loop_past_rows", k=k, name=name, n=int(n)))
    return out


def _legacy49(net: Net, text: str) -> str:
    """legacy49's rewrites with what they need of the network: its tensor names, max pools and the
    entries of each tensor split into channels."""
    if not legacy49.triggered(text):
        return text
    shapes = {k: tuple(int(d) for d in t.shape) for k, t in net.g.tensors.items() if all(str(d).isdigit() for d in t.shape)}
    sizes = legacy49.split_sizes(net.g.tensors, shapes)
    return legacy49.rewritten(text, frozenset(net.g.tensors), legacy49.pools_of(net.spec), sizes)


def _read(
    net: Net, text: str, latex: bool, wrt: str | None = None
) -> tuple[ex.Node, str | None, str]:
    """Parse ``text`` → (tree, left-hand-side name or None, the text the tree came from).

    Several statements (lines, ``;``, or LaTeX rows split by ``\\``) are a derivation: each
    but the answer is ``name = …``, and names defined earlier stand for their definitions in
    later ones (``dZ2 = A2 - Y`` then ``dW2 = A1.T @ dZ2 / m``). The answer is the last statement
    whose left side names ``wrt``'s gradient, else the last one. Course code's masked assignment
    ``dZ[Z <= 0] = 0`` is the assignment it performs."""
    if not isinstance(text, str):
        raise FormulaError(msg("error.not_string"))
    _COLUMNS_READ.set(())
    legacy50.forget_bounds()  # a LaTeX answer after a code one: no loop of the code's left
    limit = latexin.MAX_LENGTH if latex else ex.MAX_LENGTH
    if len(text) > limit:
        raise FormulaError(msg("error.too_long", n=len(text), limit=limit))
    if not latex:  # helpers defined in the cell inlined, asserts/prints left out (cells.py)
        # heldcheck36: a gradient attribute read after the cell's helpers are inlined (fast.ai's
        # relu_grad(inp, out) sets inp.g of its argument)
        text = _legacy50(net, text)  # heldcheck50: a per-example loop over a literal range(K) unrolled
        text = _legacy49(net, text)  # heldcheck49: aliases, closures, a convolution's channels and windows …
        text = legacy48.rewritten(text)  # heldcheck48: einops, einsum '...', generators, try, %time, docstrings …
        text = legacy47.rewritten(text)  # heldcheck47: reduce, walrus, match, while, nested and keyword-only helpers …
        text = _gradient_attributes(net, cells.expand(cells.cjk_names_heldcheck41(text), frozenset(net.g.tensors)))
        text = legacy44.class_vectors(text, legacy44.declared_labels(net.spec.source, net.spec.class_labels))  # label[:, 0]
        text = legacy46.none_rows(text)  # heldcheck46: x[None] as x[None, :]
        text = legacy47.text_spellings(text)  # heldcheck47: paddle.mean(x), cp.tensordot
        text = _rows_indexed(net, _one_hot_calls(net, text))
        text = _diag_names_inlined(net, text)
        text = _std_method_heldcheck33(_bessel_heldcheck32(text))
    parts = _statements(text, latex)
    scalar = _scalar_target(net, wrt)
    row = _row_target(net, wrt)
    if len(parts) > 1:
        try:
            return _derivation(net, parts, latex, wrt, text, scalar)
        except FormulaError:
            kept = _statements(text, latex, where=False)  # a where-clause it cannot read:
            if kept == parts:  # a remark after all ("with m = X.shape[0]")
                raise
            parts = kept
            if len(parts) > 1:
                return _derivation(net, parts, latex, wrt, text, scalar)
    if len(parts) == 1 and parts[0] != text.strip():  # a comment, \begin{aligned}, & …
        try:
            one = _read_one(net, text, latex, scalar, row)
        except FormulaError:
            one = _read_one(net, parts[0], latex, scalar, row)
    else:
        one = _read_one(net, text, latex, scalar, row)
    asked = _asked(net, wrt, one[1]) if latex and len(parts) == 1 and _latex_vectors(net) else None
    if asked is not None and not _fits(net, one[0], asked, exact=True):
        return _columns_first(net, parts, asked, text, scalar, [False], row, one)
    return one


_DDOF = re.compile(  # np.var(Z, axis=0, ddof=1), np.std(x, ddof=1, axis=0)
    r"(?<![\w.])(?P<mod>np|numpy)\.(?P<f>var|std)\(\s*(?P<x>[A-Za-z_]\w*)\s*,\s*"
    r"(?:axis\s*=\s*(?P<a1>[01])\s*,\s*ddof\s*=\s*(?P<d1>\d)|ddof\s*=\s*(?P<d2>\d)\s*,\s*axis\s*=\s*(?P<a2>[01]))"
    r"\s*(?P<keep>,\s*keepdims\s*=\s*True\s*)?\)"
)


_STD_METHOD = re.compile(r"(?<![\w.])(?P<x>[A-Za-z_]\w*)\.(?P<f>std|var)\((?P<args>[^()\n]*)\)")


def _std_method_heldcheck33(text: str) -> str:
    """The method ``x.std(0, keepdim=True)`` / ``x.var(dim=0)`` (PyTorch: the unbiased n − 1
    unless ``unbiased=False``/``correction=0``; Karpathy's makemore batch norm, c33-190) and
    NumPy's ``x.std(axis=0, keepdims=True)`` (``ddof=0`` unless given) written as
    :func:`_bessel_heldcheck32` writes them out; a call whose library its keywords do not tell
    (``x.std(0)``), or with other arguments, is left as written (refused, as before)."""
    if ".std(" not in text and ".var(" not in text:
        return text

    def one(m: re.Match) -> str:
        parts = [p.strip() for p in m.group("args").split(",") if p.strip()]
        axis, keep, torch, numpy, ddof = None, False, False, False, None
        for p in parts:
            key, _, value = p.partition("=")
            key, value = key.strip(), value.strip()
            if not value and re.fullmatch(r"-?[01]", key) and axis is None:
                axis = key
            elif key in ("dim", "axis") and re.fullmatch(r"-?[01]", value):
                axis, torch, numpy = value, torch or key == "dim", numpy or key == "axis"
            elif key in ("keepdim", "keepdims") and value in ("True", "False"):
                keep, torch, numpy = value == "True", torch or key == "keepdim", numpy or key == "keepdims"
            elif key == "unbiased" and value in ("True", "False"):
                ddof, torch = (1 if value == "True" else 0), True
            elif key in ("correction", "ddof") and re.fullmatch(r"[01]", value):
                ddof, torch, numpy = int(value), torch or key == "correction", numpy or key == "ddof"
            else:
                return m.group(0)
        if axis is None or torch == numpy:
            return m.group(0)
        axis = "1" if axis == "-1" else axis  # a 2-D tensor's last axis
        ddof = ddof if ddof is not None else (1 if torch else 0)
        x = m.group("x")
        kept = ", keepdims=True" if keep else ""
        centred = f"({x} - np.mean({x}, axis={axis}, keepdims=True))"
        var = f"(np.sum({centred} ** 2, axis={axis}{kept}) / ({x}.shape[{axis}] - {ddof}))"
        return var if m.group("f") == "var" else f"np.sqrt{var}"

    return _STD_METHOD.sub(one, text)


def _bessel_heldcheck32(text: str) -> str:
    """NumPy's ``np.var(Z, axis=0, ddof=1)`` (the unbiased variance, ``np.std`` alike) written
    out as the reader takes it: the squared deviations from the mean summed over the axis and
    divided by ``n − ddof``, ``n = Z.shape[axis]`` (the standard deviation its root); other text
    unchanged."""
    if "ddof" not in text:
        return text

    def one(m: re.Match) -> str:
        x, axis, ddof = m.group("x"), m.group("a1") or m.group("a2"), m.group("d1") or m.group("d2")
        keep = ", keepdims=True" if m.group("keep") else ""
        centred = f"({x} - np.mean({x}, axis={axis}, keepdims=True))"
        var = f"(np.sum({centred} ** 2, axis={axis}{keep}) / ({x}.shape[{axis}] - {ddof}))"
        return var if m.group("f") == "var" else f"np.sqrt{var}"

    return _DDOF.sub(one, text)


_GRAD_ATTRIBUTE = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\.(g|grad)\b(?!\s*\()")


_DIAG_LINE = re.compile(
    r"^[ \t]*([A-Za-z_]\w*)[ \t]*=[ \t]*((?:np|numpy|torch|jnp)\.diag(?:flat)?\([^\n]*\))[ \t]*$", re.M
)


def _diag_names_inlined(net: Net, text: str) -> str:
    """CS229's ``Wd = np.diag(w.ravel())`` on a line of its own, then ``X.T @ Wd @ …``: the
    diagonal matrix named there put in where the name is used (in parentheses), so that it
    is read inside its product (:meth:`_Numpy.diag_product`); a name of the network, or
    one assigned again, is left as written."""
    m = _DIAG_LINE.search(text)
    if m is None or m.group(1) in net.g.tensors:
        return text
    rest = text[m.end():]
    if re.search(rf"^[ \t]*{m.group(1)}[ \t]*[-+*/@]?=(?!=)", rest, re.M):
        return text
    used = re.sub(rf"(?<![\w.]){m.group(1)}(?!\w)", lambda _: f"({m.group(2)})", rest)
    return _diag_names_inlined(net, text[: m.start()] + used.lstrip("\n"))


def _gradient_attributes(net: Net, text: str) -> str:
    """fast.ai's ``Z2.g = (A2 - Y) / m`` then ``W2.g = A1.t() @ Z2.g`` (PyTorch's ``.grad``
    alike): a tensor's gradient kept as its attribute, read as the name ``Z2_grad``. Only where
    the answer assigns it (``dW2 = W2.grad`` alone reads autograd's result: left as written)."""
    assigned = {
        (m.group(1), m.group(2))
        for m in re.finditer(_GRAD_ATTRIBUTE.pattern + r"\s*[-+*/@]?=(?!=)", text)
        if m.group(1) in net.g.tensors
    }
    if not assigned:
        return text
    text = _GRAD_ATTRIBUTE.sub(
        lambda m: f"{m.group(1)}_grad" if (m.group(1), m.group(2)) in assigned else m.group(0), text
    )
    return _value_data_heldcheck35(net, text, {f"{name}_grad" for name, _ in assigned})


def _value_data_heldcheck35(net: Net, text: str, grads: set[str]) -> str:
    """heldcheck35: micrograd's ``Value`` in code whose gradients are attributes — ``v.grad = 2 *
    v.data``, ``w.grad += x.data * v.grad``: ``x.data`` of a tensor is its value ``x``, and a
    gradient's first ``+=`` (a Value's grad starts at 0) assigns it."""
    text = re.sub(
        r"(?<![\w.])([A-Za-z_]\w*)\.data\b(?!\s*\()",
        lambda m: m.group(1) if m.group(1) in net.g.tensors else m.group(0),
        text,
    )
    out, seen = [], set()
    for line in text.split("\n"):
        m = re.match(r"(\s*)([A-Za-z_]\w*)\s*\+=(?!=)", line)
        if m and m.group(2) in grads and m.group(2) not in seen:
            line = f"{m.group(1)}{m.group(2)} ={line[m.end():]}"
        a = re.match(r"\s*([A-Za-z_]\w*)\s*[-+*/@]?=(?!=)", line)
        if a:
            seen.add(a.group(1))
        out.append(line)
    return "\n".join(out)


def _row_target(net: Net, wrt: str | None) -> bool:
    """Is the gradient asked for a row of several entries (a bias, a 1-D weight)? There a
    per-example vector in ``\\sum_i s_i x_i`` is the example's row, as the batch holds it."""
    name = tensor_of(net, wrt) if wrt and "[" not in wrt else None
    if name is None or name not in net.g.tensors:
        return False
    r, c = (int(x) for x in net.g.tensors[name].shape)
    return r == 1 and c > 1


def _scalar_target(net: Net, wrt: str | None) -> bool:
    """Is the gradient asked for (``--wrt``) one number: a scalar tensor, or one entry?"""
    if not wrt:
        return False
    if "[" in wrt or wrt.strip() not in net.g.tensors and tensor_of(net, wrt) is None:
        return "[" in wrt or any(wrt.strip() in row for rows in net.spec.labels.values() for row in rows)
    name = tensor_of(net, wrt)
    return name is not None and tuple(int(x) for x in net.g.tensors[name].shape) == (1, 1)


_ENVIRONMENT = re.compile(
    r"\\(begin|end)\{(aligned|align\*?|gathered|gather\*?|split|array|equation\*?|displaymath|multline\*?)\}(\{[^}]*\})?"
)


def _statements(text: str, latex: bool, where: bool = True) -> list[str]:
    """``text`` split into statements; a line with unclosed brackets continues on the next.
    ``where``: a closing clause defining a name the answer uses is a statement of its own."""
    if latex:
        clauses = _worded_where(text) if where else text
        body = _ENVIRONMENT.sub("", latexin.protect_matrices(clauses))
        pieces = re.split(r"\\\\|\n|(?<!\\);", body)
        pieces = [q.replace("&", "") for p in pieces for q in _quad_split(p, where)]
    else:
        text = _code_where(text) if where else text
        # a comment ends its line before any ";" splits it: "# o.grad = 1; z.grad = …" is
        # a comment whole, not a statement after its ";" (c33-086)
        pieces = [p for line in text.split("\n") for p in line.split("#")[0].split(";")]
    out: list[str] = []
    for piece in pieces:
        where = _WHERE.match(piece) if latex and out else None
        if where is not None and "=" in where.group(1):  # "… \quad \text{where } dZ = …"
            out.insert(len(out) - 1, where.group(1).strip())  # a definition, before its use
            continue
        if out and (_open_brackets(out[-1]) > 0 or (latex and piece.strip().startswith("="))):
            out[-1] = f"{out[-1]} {piece.strip()}"  # an open bracket; an aligned row "&= …"
        elif piece.strip() and not piece.strip().startswith("#"):
            out.append(piece.strip())
    return _definitions_first(out) if latex else out


_GRADIENT_LHS = re.compile(r"\\partial|\\nabla|\\frac\s*\{\s*(?:\\mathrm\{d\}|d)|∂")
# a gradient in Ng's names on a first statement's left side (dW^{[2]}, \mathrm{d}W): the answer
# when the statements after it define names it uses (_definitions_first)
_D_LHS = re.compile(r"\s*(?:\\mathrm\{d\}|d)\s*(?:\\[A-Za-z]+\s*\{\s*)?[A-Za-z][^=]*$")


def _definitions_first(parts: list[str]) -> list[str]:
    r"""``\frac{∂L}{∂W} = X^⊤ δ, \quad δ = …`` (the answer, then the names it uses defined
    after it, as textbooks set them): the definitions go before the answer. Only a statement
    whose left side is used on the answer's right side counts as one. The answer is the last
    statement whose left side is a Leibniz gradient or ∇, else a first statement in Ng's names
    (``dW^{[2]} = \frac{1}{m} A^{[1]T} dZ^{[2]}, \quad dZ^{[2]} = A^{[2]} - Y``)."""
    sides = [p.split("=", 1) if "=" in p else None for p in parts]
    answers = [i for i, s in enumerate(sides) if s is not None and _GRADIENT_LHS.search(s[0])]
    if not answers and sides and sides[0] is not None and _D_LHS.match(sides[0][0]):
        answers = [0]  # dW^{[2]} = … dZ^{[2]}, \quad dZ^{[2]} = …: Ng's names, the answer first
    if not answers or answers[-1] == len(parts) - 1:
        return parts
    k = answers[-1]

    def uses(side: str) -> str:  # dZ^{[1](i)}, an example's row, uses dZ^{[1]}
        return re.sub(r"\]\(\w\)\}", "]}", _spelled(side))

    later = list(range(k + 1, len(parts)))
    for i in later:
        side = sides[i]
        if side is None or _GRADIENT_LHS.search(side[0]) or not side[0].strip():
            return parts
    # each definition after the answer is used by the answer or by another of them (a chain of
    # where-clauses: ∂E/∂w_{12} = δ_2 x_1, δ_2 = … v_2 δ_out, δ_out = ŷ − y, c39t-028); they go
    # before the answer, each before the definitions that use it
    names = {i: _spelled(sides[i][0]) for i in later}  # type: ignore[index]
    rights = {i: uses(sides[i][1]) for i in later}  # type: ignore[index]
    answer = uses(sides[k][1])  # type: ignore[index]
    if any(names[i] not in answer and not any(names[i] in rights[j] for j in later if j != i) for i in later):
        return parts
    order: list[int] = []
    left = list(later)
    while left:
        ready = [i for i in left if not any(names[j] in rights[i] for j in left if j != i)]
        if not ready:
            return parts  # definitions that use each other: as written
        order.append(ready[0])
        left.remove(ready[0])
    return parts[:k] + [parts[i] for i in order] + [parts[k]]


def _spelled(tex: str) -> str:
    """LaTeX without spaces and with a one-character subscript's braces left out, so that
    ``\\delta_y`` and ``\\delta_{y}`` compare equal."""
    return re.sub(r"_\{(\w)\}", r"_\1", re.sub(r"\s+", "", tex))


_WHERE = re.compile(r"\s*\\text\{\s*(?:where|with|and)\s*\}\s*(.+)", re.S)
# "δ^{[1]} = …", "dZ^{[1]} = …", "\boldsymbol{\delta}_1 = …": one name (sub/superscripts, a prime)
# defined, set after a bare answer with \quad (``X^⊤ δ^{[1]} / m, \quad δ^{[1]} = …``)
_BARE_DEFINITION = re.compile(
    r"\s*(?:\\[A-Za-z]+|[A-Za-z][A-Za-z0-9]*)(?:\s*\{[^{}]*\})?"
    r"(?:\s*[_^]\s*(?:\{(?:[^{}]|\{[^{}]*\})*\}|\w))*'?\s*=(?!=)(.+)$",
    re.S,
)
# "δ x, where δ = (O - t) O", "dz x，其中 dz = …": a closing clause in words defining one name
_WORDED_WHERE = re.compile(
    r"\s*[，,；;]\s*(?:其中|这里|式中|where\b|with\b)\s*([^\s=，,；;]{1,30})\s*=(?!=)([^=]+?)\s*[。.]?\s*$",
    re.S,
)


# "dz x \text{ where } dz = …", ", \text{with}\; …": the same clause set in \text (after \quad:
# _quad_split's statement, as before)
_TEXT_WHERE = re.compile(
    r"(\\q?quad\s*)?[,\s]*(?:\\[,;:! ]\s*)*"
    r"\\text\{\s*[，,]?\s*(?:where|with|其中)\s*\}(?:\s|\\[,;:! ])*"
)


def _worded_where(text: str) -> str:
    """A closing clause in words that defines a name the formula uses (``…, where δ = …``,
    ``…，其中 dz = …``) as the ``\\quad \\text{where } δ = …`` definition it is (a wrong
    definition makes the answer wrong); a clause with more words than maths stays a remark."""
    text = _TEXT_WHERE.sub(lambda t: t.group() if t.group(1) else ", where ", text)
    several = _several_where(text)
    if several is not None:
        return several
    m = _WORDED_WHERE.search(text)
    if m is None or not text[: m.start()].strip():
        return text
    if not _defines(m.group(2)):
        return text
    return f"{text[: m.start()]} \\quad \\text{{where }} {m.group(1)} = {m.group(2)}"


# ", where δ_2 = …, δ_1 = …" / "…，其中 a = …，b = …": the clause after its word
_WHERE_WORD = re.compile(r"\s*[，,；;]\s*(?:其中|这里|式中|where\b|with\b)\s*")


def _several_where(text: str) -> str | None:
    """A closing clause in words that defines SEVERAL names the formula uses (``…, where δ_2 =
    …, δ_1 = (δ_2 W^⊤) ⊙ …``; 其中 …，…): each definition a ``\\quad \\text{where } x = …`` of its
    own (a wrong one makes the answer wrong; left out, the names were read as the network's
    and a wrong definition was accepted). None unless every part is ``name = formula``."""
    m = None
    for m in _WHERE_WORD.finditer(text):
        pass  # the last such word: the clause runs to the end
    if m is None or not text[: m.start()].strip():
        return None
    clause = re.sub(r"\s*[。.]\s*$", "", text[m.end() :])
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(clause):  # split at top-level commas, semicolons and "and"
        depth += ch in "([{"
        depth -= ch in ")]}"
        if depth == 0 and ch in ",，;；":
            parts.append(clause[start:i])
            start = i + 1
    parts.append(clause[start:])
    parts = [re.sub(r"^\s*(?:and\b|\\(?:q?quad|[,;:! ])\s*)*", "", q).strip() for q in parts]
    if len(parts) < 2:
        return None
    defs = []
    for part in parts:
        d = re.fullmatch(r"([^\s=]{1,30})\s*=(?!=)(.+)", part, re.S)
        if d is None or "=" in d.group(2) or not _defines(d.group(2)):
            return None
        defs.append(f" \\quad \\text{{where }} {d.group(1)} = {d.group(2).strip()}")
    return text[: m.start()] + "".join(defs)


def _code_where(text: str) -> str:
    """Code with a closing clause in words defining a name it uses (``dW_x = x_1.T @ dz1 + …,
    where dz2 = …``, ``…，其中 dz2 = …``): the definition as a statement before the code (it was
    read as LaTeX, and ``x_1.T`` was an unknown name there)."""
    m = _WORDED_WHERE.search(text)
    if m is None or "\n" in text[m.start() :] or not text[: m.start()].strip():
        return text
    if not _defines(m.group(2)):
        return text
    return f"{m.group(1)} = {m.group(2).strip()}\n{text[: m.start()]}"


def _defines(rhs: str) -> bool:
    """Is ``rhs`` (after ``where x =``) a formula to use: not a number (``m = 2``: the example's
    size stated) nor words (``softmax(Z) is the prediction``: a remark)?"""
    bare = re.sub(r"\\[A-Za-z]+", " ", rhs)
    if not re.search(r"[A-Za-z]", bare) or re.search(r"[\u4e00-\u9fff]", bare):
        return False
    return not re.search(r"[A-Za-z]{2,}\s+[A-Za-z]{2,}", bare)


# "… \quad \text{since } \frac{∂v}{∂b} = 1": a reason set after the equation (its words end it)
_REASON = re.compile(
    r"\s*\\text\{\s*(?:since|because|as|by|for|using|from|i\.e\.|e\.g\.|因为|由于)\b"
)


def _assigns(text: str) -> bool:
    """Does ``text`` state an equation or an assignment (``=``, ``:=``, ``\\gets``, ``←``)?"""
    return "=" in text or "←" in text or re.search(r"\\(?:gets|leftarrow|coloneqq|triangleq)\b", text) is not None


def _quad_split(piece: str, where: bool = True) -> list[str]:
    """``g = O(1 - O)(t - O), \\quad \\frac{∂E}{∂w} = -g x``: equations set side by side with
    ``\\quad`` (after a comma or not) are statements one after the other; a ``\\quad`` before
    words or a remark stays with its equation."""
    # also ", \; dZ = …", ", \ δ = …": a comma and a LaTeX space before the next equation
    segs = re.split(r"(,?\s*\\q?quad\b|,\s*(?:\\[,;:! ]\s*)+)", piece)
    out = [segs[0]]
    for sep, seg in zip(segs[1::2], segs[2::2]):
        clause = _WHERE.match(seg) if where else None  # "δ x \quad \text{where } δ = …"
        if _REASON.match(seg):  # "2v \quad \text{since } ∂v/∂b = 1": a reason, not a statement
            out[-1] += sep + seg
        elif "quad" not in sep and _open_brackets(out[-1]) > 0:  # \sum_{i=1,\, j=1}: inside
            out[-1] += sep + seg
        elif _assigns(seg) and (_assigns(out[-1]) or clause and _defines(clause.group(1).split("=")[1])):
            out.append(seg)  # also Goodfellow's g ← …, δ := … (latexin reads them as =)
        elif where and "=" not in out[-1] and (d := _BARE_DEFINITION.match(seg)) and _defines(d.group(1)):
            out.append(r"\text{where } " + seg.strip())  # "X^⊤ δ / m, \quad δ = …": δ defined
        else:
            out[-1] += sep + seg
    return out


MAX_EXPANDED = ex.MAX_FORMULA_NODES  # parts of a derivation's answer with its steps substituted


def _expanded_parts(tree: ex.Node) -> int:
    """Parts of ``tree`` written out (shared subtrees counted each time), counted in time
    linear in the distinct nodes."""
    memo: dict[int, int] = {}

    def size(n: ex.Node) -> int:
        if id(n) not in memo:
            memo[id(n)] = min(1 + sum(size(c) for c in ex.children(n)), 10**9)
        return memo[id(n)]

    return size(tree)


def _open_brackets(text: str) -> int:
    return sum(text.count(c) for c in "([{") - sum(text.count(c) for c in ")]}")


def _number_heldcheck39(e: ex.Node) -> float | None:
    """A bound written as a number, ``1e-7`` or ``1 - 1e-7`` (``-x``, ``a + b``, ``a - b`` of
    numbers); else None."""
    if isinstance(e, ex.Num):
        return float(e.value)
    if isinstance(e, ex.Neg):
        v = _number_heldcheck39(e.operand)
        return None if v is None else -v
    if isinstance(e, ex.BinOp) and e.op in "+-":
        a, b = _number_heldcheck39(e.left), _number_heldcheck39(e.right)
        if a is None or b is None:
            return None
        return a + b if e.op == "+" else a - b
    return None


def _lowered_clip_heldcheck39(node: ex.Node) -> tuple[ex.Node, float, float] | None:
    """``(x, lo, hi)`` of ``hi - clamp0(hi - (lo + clamp0(x - lo)))`` — ``clip(x, lo, hi)`` as
    the language reads it — with numbers for bounds; else None."""
    if not (isinstance(node, ex.BinOp) and node.op == "-" and _is_clamp0(node.right)):
        return None
    inner = node.right.args[0]  # type: ignore[union-attr]
    if not (isinstance(inner, ex.BinOp) and inner.op == "-" and inner.left == node.left):
        return None
    low = inner.right
    if not (isinstance(low, ex.BinOp) and low.op == "+" and _is_clamp0(low.right)):
        return None
    shifted = low.right.args[0]  # type: ignore[union-attr]
    if not (isinstance(shifted, ex.BinOp) and shifted.op == "-" and shifted.right == low.left):
        return None
    lo, hi = _number_heldcheck39(low.left), _number_heldcheck39(node.left)
    return None if lo is None or hi is None else (shifted.left, lo, hi)


def _is_clamp0(node: ex.Node) -> bool:
    return isinstance(node, ex.Call) and node.func == "clamp0" and len(node.args) == 1


def _unit_axis_heldcheck39(d: object) -> bool:
    """Is the axis size ``d`` the number 1 itself (a column's width the spec writes as 1), not a
    size that happens to be 1 in the example (which carries its size name)?"""
    try:
        return getattr(d, "label", None) is None and int(d) == 1  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return False


def _len_of_a_row_heldcheck39(node: ast.Call) -> str | None:
    """``N`` in ``len(N[0])`` (nnfs.io's ``outputs = len(dvalues[0])``): a row's length, the
    size of ``N``'s second axis; else None."""
    if not (isinstance(node.func, ast.Name) and node.func.id == "len") or node.keywords:
        return None
    if len(node.args) != 1 or not isinstance(node.args[0], ast.Subscript):
        return None
    v, k = node.args[0].value, node.args[0].slice
    if isinstance(v, ast.Name) and isinstance(k, ast.Constant) and type(k.value) is int:
        return v.id
    return None


def _shape_call(v: ast.AST) -> ast.Name | None:
    """``X`` in ``tf.shape(X)`` / ``np.shape(X)`` / ``jnp.shape(X)`` (TensorFlow's and NumPy's
    function spelling of ``X.shape``), else None."""
    if (
        isinstance(v, ast.Call)
        and isinstance(v.func, ast.Attribute)
        and v.func.attr == "shape"
        and isinstance(v.func.value, ast.Name)
        and v.func.value.id in ("tf", "np", "numpy", "jnp")
        and len(v.args) == 1
        and not v.keywords
        and isinstance(v.args[0], ast.Name)
    ):
        return v.args[0]
    return None


_MASKED = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*\[(.+)\]\s*([-+*/]?)=(?!=)\s*(.+)")


def _masked(part: str) -> str:
    """``dZ[Z <= 0] = 0`` (course code's ReLU backward) as the assignment it performs:
    ``dZ = dZ * (1 - (Z <= 0)) + 0 * (Z <= 0)`` (a negated mask, ``dZ[~(Z > 0)]`` or
    ``np.logical_not(Z > 0)``, as ``1 - (Z > 0)``); other statements unchanged."""
    m = _MASKED.fullmatch(part)
    if m is None or not re.search(r"[<>]|!=|==", m.group(2)):
        return part
    name, cond, op, value = m.group(1), m.group(2).strip(), m.group(3), m.group(4).strip()
    neg = re.fullmatch(r"(?:~\s*|(?:np|numpy|torch|jnp)\.logical_not)\((.+)\)", cond)
    if neg is not None and _balanced(neg.group(1)):  # dZ[~(Z > 0)] = 0: the other entries
        cond = f"1 - ({neg.group(1)})"
    if op:  # dZ[Y == 1] *= w: only the masked entries are updated
        value = f"{name} {op} ({value})"
    return f"{name} = {name} * (1 - ({cond})) + ({value}) * ({cond})"


def _balanced(text: str) -> bool:
    """Are the brackets of ``text`` balanced, never closing one that is not open?"""
    depth = 0
    for ch in text:
        depth += (ch in "([{") - (ch in ")]}")
        if depth < 0:
            return False
    return depth == 0


# the rows: range(m), np.arange(N), range(len(y)), range(len(Y.argmax(1))) (two levels of brackets)
_CLASS_ENTRY = re.compile(
    r"\s*([A-Za-z_]\w*)\s*\[\s*(?:range|np\.arange|torch\.arange)\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*,\s*(.+?)\s*\]"
    r"\s*([-+]?)=(?!=)\s*(.+?)\s*"
)
_ARGMAX = re.compile(  # the class of each row: along axis 1 (or -1), by keyword or position
    r"(?:(\w+)\.argmax\(\s*(?:(?:axis|dim)\s*=\s*)?-?1\s*\)"
    r"|(?:np|torch|jnp|tf|tf\.math)\.argmax\(\s*(\w+)\s*,\s*(?:(?:axis|dim)\s*=\s*)?-?1\s*\))"
)
_LABELS_DEFINED = re.compile(r"\s*([A-Za-z_]\w*)\s*=\s*(" + _ARGMAX.pattern + r")\s*")


def _labels_named(net: Net, parts: list[str]) -> list[str]:
    """``y = np.argmax(Y, axis=1)`` (``Y.argmax(1)``, …) of the network's one-hot target ``Y``:
    the integer class labels under a name of their own, which later statements index by
    (CS231n's ``dZ[np.arange(m), y] -= 1``); the statement left out and the name replaced by
    the labels' spelling in the statements after it. Other statements unchanged."""
    out: list[str] = []
    named: dict[str, str] = {}
    alias: dict[str, str] = {}  # heldcheck39: y_true = Y (a method's parameter) of the one-hot target
    for part in parts:
        for name, labels in named.items():
            part = _eye_of_argmax_heldcheck32(net, re.sub(rf"(?<![\w.]){name}\b", labels, part))
        m = _LABELS_DEFINED.fullmatch(part)
        of = (m.group(3) or m.group(4)) if m is not None else None
        if m is not None and alias.get(of or "") in net.spec.one_hot:  # nnfs: y_true = np.argmax(y_true, axis=1)
            named[m.group(1)] = re.sub(rf"(?<![\w.]){of}\b", alias[of], m.group(2))  # type: ignore[arg-type]
            alias.pop(m.group(1), None)
            continue
        if m is not None and of in net.spec.one_hot:
            named[m.group(1)] = m.group(2)
            continue
        copied = re.fullmatch(r"\s*([A-Za-z_]\w*)\s*=\s*([A-Za-z_]\w*)\s*", part)
        if copied is not None and copied.group(2) in net.spec.one_hot:
            alias[copied.group(1)] = copied.group(2)
        elif copied is not None or re.match(r"\s*([A-Za-z_]\w*)\s*[-+*/]?=(?!=)", part):
            alias.pop(re.match(r"\s*([A-Za-z_]\w*)", part).group(1), None)  # type: ignore[union-attr]
        out.append(part)
    return out


def _class_entries(net: Net, part: str, one_d: frozenset[str] = frozenset()) -> str:
    """CS231n's ``dscores[range(N), y] -= 1`` (also ``np.arange(N)``, ``Y.argmax(axis=1)`` for
    the labels): each row's entry of its class, which is ``dscores - Y`` with the network's
    one-hot target ``Y`` (``+=`` alike); other statements unchanged. Where the network declares
    no one-hot target, refused with a sentence saying so. ``one_d``: the derivation's 1-D steps
    (``row_sum = np.sum(binary, axis=1)``), whose ``.T`` NumPy leaves as it is."""
    m = _CLASS_ENTRY.fullmatch(part)
    if m is None:
        return part
    name, labels, op, value = m.groups()
    hot = list(net.spec.one_hot)
    a = _ARGMAX.fullmatch(labels)
    label = (a.group(1) or a.group(2)) if a else labels
    if label in hot:  # yenc.argmax(1) of one of several one-hot tensors (makemore's bigram: one-hot
        hot = [label]  # inputs xenc and targets yenc); heldcheck38: Yb of integer inputs Xb and targets Yb
    if len(hot) != 1:
        raise FormulaError(msg("heldcheck5.class_entries", text=part.strip()))
    target = hot[0]
    if label not in (target, target.lower(), "y", "labels", "targets", "y_true") or (
        label != target and label in net.g.tensors
    ):
        raise FormulaError(msg("heldcheck5.class_labels", text=part.strip(), target=target))
    if not op:  # the SVM's binary[np.arange(N), y] = -row_sum: each row's class entry set
        if re.fullmatch(r"[\d.]+", value.strip()):
            return f"{name} = {name} * (1 - {target}) + ({value}) * {target}"
        # a value per row: a 1-D array of N numbers (read as a row, 1×N), as NumPy assigns it;
        # the .T of a 1-D step is itself (heldcheck35: CS231n's -row_sum.T)
        for v in one_d:
            value = re.sub(rf"(?<![\w.]){re.escape(v)}\s*\.\s*T\b", v, value)
        return f"{name} = {name} * (1 - {target}) + ({value}).T * {target}"
    scaled = target if value.strip() == "1" else f"({value}) * {target}"
    return f"{name} = {name} {op} {scaled}"


_CLASS_ENTRY_AT = re.compile(  # JAX: probs.at[jnp.arange(B), labels].add(-1.0)
    r"(?<![\w.])(?P<t>[A-Za-z_]\w*)\s*\.\s*at\s*\[\s*(?:range|np\.arange|jnp\.arange|torch\.arange)"
    r"\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*,\s*(?P<y>[^\[\]]+?)\s*\]\s*\.\s*add\(\s*(?P<v>[^()]+?)\s*\)"
)


_CLASS_ENTRY_READ_HELDCHECK41 = re.compile(
    r"(?<![\w.])(?P<t>[A-Za-z_]\w*)\s*\[\s*(?:range|np\.arange|jnp\.arange|torch\.arange)"
    r"\((?:[^()]|\((?:[^()]|\([^()]*\))*\))*\)\s*,\s*(?P<y>[A-Za-z_]\w*)\s*\]"
    r"(?P<col>\s*\[\s*:\s*,\s*None\s*\])?"
)


def _class_entries_read_heldcheck41(net: Net, part: str) -> str:
    """heldcheck41: CS231n's SVM ``correct = scores[np.arange(N), y]`` (``range(N)``) read on a
    right side — each row's entry of its class — as ``np.sum(scores * y, axis=1)`` with the
    network's one-hot target (``[:, None]`` after it: ``keepdims=True``), as its in-place
    ``dscores[np.arange(N), y] -= 1`` is read; the statement as written where the labels are
    not the target's (refused as before)."""
    if "arange" not in part and "range" not in part:
        return part
    eq = re.match(r"\s*[A-Za-z_]\w*\s*=(?!=)", part)
    if eq is None:
        return part
    head, rhs = part[: eq.end()], part[eq.end():]

    def one(m: re.Match) -> str:
        hot = list(net.spec.one_hot)
        label = m.group("y")
        if label in hot:
            hot = [label]
        if len(hot) != 1 or label not in (hot[0], hot[0].lower(), "y", "labels", "targets", "y_true") or (
            label != hot[0] and label in net.g.tensors
        ):
            return m.group(0)
        keep = ", keepdims=True" if m.group("col") else ""
        return f"np.sum({m.group('t')} * {hot[0]}, axis=1{keep})"

    return head + _CLASS_ENTRY_READ_HELDCHECK41.sub(one, rhs)


def _class_entries_at_heldcheck32(net: Net, part: str) -> str:
    """JAX's functional update ``probs.at[jnp.arange(B), labels].add(-1.0)`` — each row's entry
    of its class changed, as CS231n's ``dscores[range(N), y] -= 1`` in place — as ``(probs +
    (-1.0) * labels)`` with the network's one-hot target; labels that are not the target's are
    left as written (refused as any other call)."""
    if ".at" not in part and ". at" not in part:
        return part

    def one(m: re.Match) -> str:
        hot = list(net.spec.one_hot)
        a = _ARGMAX.fullmatch(m.group("y"))
        label = (a.group(1) or a.group(2)) if a else m.group("y")
        if len(hot) != 1 or label not in (hot[0], hot[0].lower(), "y", "labels", "targets", "y_true") or (
            label != hot[0] and label in net.g.tensors
        ):
            return m.group(0)
        return f"({m.group('t')} + ({m.group('v')}) * {hot[0]})"

    return _CLASS_ENTRY_AT.sub(one, part)


_ONE_HOT = re.compile(
    r"(?:(?:np|numpy|torch|jnp)\.eye\(\s*(?P<k1>\w+)\s*\)\s*\[\s*(?P<y1>\w+)\s*\]"
    r"|(?:(?:F|torch\.nn\.functional|nn\.functional|jax\.nn|tf|paddle\.nn\.functional|ops)\.|(?<![\w.]))"
    r"one_?hot\(\s*"
    r"(?:(?:torch|np|jnp)\.(?:tensor|as_tensor|from_numpy|asarray|array)\(\s*(?P<y2>\w+)\s*\)"
    r"|(?P<y3>\w+))\s*(?:,\s*(?:(?:num_classes|depth)\s*=\s*)?(?P<k2>\w+)\s*)?\))"
    r"(?:\s*\.\s*(?:numpy|float|double|to_numpy)\(\s*\))*"
)


def _size_label(d: object, default: str) -> str:
    """A size's [dims] name where it has one, else ``default``."""
    return getattr(d, "label", None) or getattr(d, "text", None) or default


def bare_class_labels(net: Net, text: str) -> Msg | None:
    """A caution for integer class labels the network reads as one-hot rows (``label = ["N", 1]``
    of ``cross_entropy(logits, label)``, or 1-D ``y = ["N"]``) added to or subtracted from
    something as they stand — ``P - label``. derive's walkthroughs show such an input as its
    one-hot rows (N × C) and write ``softmax(logits) - label``, so the answer is read so and
    judged on its merits (round 45: the round-44 refusal rejected what derive's own "correct:"
    line prints); the note says that in code where ``label`` holds the class numbers NumPy would
    add or subtract those numbers, and names ``one_hot(label)``. None where the answer spells
    the one-hot rows itself (``one_hot(y)``, ``np.eye(C)[y]``). Typed text and code only."""
    for y in (h for h in net.spec.one_hot if h in net.spec.class_labels):
        e = re.escape(y)
        bare = re.search(rf"[-−+]\s*{e}\b(?!\s*[\[(.])|(?<![\w\[,(.])\b{e}\s*[-−+](?!=)", text)
        if bare is None:
            continue
        if re.search(rf"(?:one_?hot|eye)\b[^\n]*?\b{e}\b", text, re.IGNORECASE):
            continue
        line = text[text.rfind("\n", 0, bare.start()) + 1 :].split("\n", 1)[0]
        # round 47: the network's own size names (the note said N × C on a B × C network)
        n, c = (_size_label(d, k) for k, d in zip("NC", net.g.tensors[y].shape, strict=False))
        shape = f"[{n}, 1]" if _label_column(net, y) else f"[{n}]"
        rows = f"{y}[:, 0]" if _label_column(net, y) else y
        return msg("round45.bare_labels", y=y, text=line.strip(), shape=shape, rows=rows, n=n, c=c)
    return None


def _declared_shape(net: Net, name: str) -> list | None:
    """The shape the spec file declares for the input ``name``, or None (a built-in, unread)."""
    path = Path(str(net.spec.source))
    try:
        shape = tomllib.loads(path.read_text(encoding="utf-8")).get("inputs", {}).get(name)
    except (OSError, ValueError):
        return None
    if isinstance(shape, dict):
        shape = shape.get("shape")
    return shape if isinstance(shape, list) else None


def _label_column(net: Net, labels: str) -> bool:
    """The class labels ``labels`` are declared as one column (``label = ["N", 1]``)."""
    shape = _declared_shape(net, labels)
    return shape is not None and len(shape) == 2 and shape[1] == 1


def _label_rows_dim(net: Net, labels: str) -> str | None:
    """The size name the spec file declares for the rows of the class labels ``labels``
    (``y = ["N"]``: ``N``), where the network comes from a file; else None."""
    shape = _declared_shape(net, labels)
    return shape[0] if shape and isinstance(shape[0], str) else None


_ROW_INDEX = re.compile(r"(?<![\w.\]])([A-Za-z_]\w*)\[\s*(0|[1-9][0-9]*)\s*\](?!\s*\[)")


def _rows_indexed(net: Net, text: str) -> str:
    """NumPy's ``T[i]`` of a matrix (more than one row and column) is its row ``i``, the 1-D
    ``T[i, :]``: written so, the reader takes it as any 1-D slice (``dy_pred[0] @ w2[0]``, an
    inner product; ``X[0] @ W[:, 1]``). A gradient's name (``dZ1[0]``) reads its tensor's shape;
    a vector's ``v[i]`` (one row or one column) is left as written (an entry)."""

    def one(m: re.Match[str]) -> str:
        name = m.group(1)
        t = net.g.tensors.get(name)
        if t is None and name.startswith("d"):
            t = net.g.tensors.get(name[1:])
        if t is None or len(t.shape) != 2 or min(int(d) for d in t.shape) < 2:
            return m.group(0)
        return f"{name}[{m.group(2)}, :]"

    return _ROW_INDEX.sub(one, text)


def _one_hot_calls(net: Net, part: str) -> str:
    """The one-hot rows of integer class labels spelled in code — ``np.eye(C)[y]``,
    ``F.one_hot(y, C)`` (``num_classes=C``, ``.numpy()``/``.float()`` after it),
    ``jax.nn.one_hot(y, C)``, ``tf.one_hot(y, depth=C)`` — as the network's one-hot target
    ``y``, which they are where the size is the number of classes. A size that is not (the
    labels' own count ``N``, another number) is refused with a sentence naming both; labels that
    are not the target's, likewise; other text unchanged. A tensor indexed by those labels, its
    class columns ``W[:, y]`` (CS231n's saliency map) or rows ``W[y]``, is ``W @ y^T`` /
    ``y @ W`` with the one-hot ``y``."""

    def one(m: re.Match) -> str:
        label = m.group("y1") or m.group("y2") or m.group("y3")
        size = m.group("k1") or m.group("k2")
        hot = [h for h in net.spec.one_hot if h in net.spec.class_labels]
        if label in hot:  # heldcheck38: the targets Yb among several integer inputs (makemore's Xb, Yb)
            hot = [label]
        if len(hot) != 1 or label != hot[0]:
            return m.group(0)  # left as written: read (or refused) as any other call
        classes = net.spec.shape2d(label)[1]
        value = int(size) if size is not None and size.isdigit() else net.spec.dims.get(size or "")
        if size is not None and (value != classes or size == _label_rows_dim(net, label)):
            raise FormulaError(
                msg("heldcheck6.one_hot_size", text=m.group(0), size=size, target=label, k=classes)
            )
        return label

    def picked(m: re.Match) -> str:
        hot = [h for h in net.spec.one_hot if h in net.spec.class_labels]
        name, label = m.group("t"), m.group("y")
        if len(hot) != 1 or label != hot[0] or name.split(".")[0] not in net.g.tensors:
            return m.group(0)
        # W[:, y]: the class columns, W @ Y^T; W[y] (W[y, :]): the class rows, Y @ W
        return f"({name} @ {label}.T)" if m.group("cols") else f"({label} @ {name})"

    part = _GATHER0_HELDCHECK38.sub(r"\1[\2]", part) if ".gather" in part else part
    return _PICKED.sub(picked, _ONE_HOT.sub(one, _eye_of_argmax_heldcheck32(net, part)))


# heldcheck38: PyTorch's class_w.gather(0, target) of a 1-D tensor (the only one gather(0, …) with
# 1-D labels takes) is class_w[target]
_GATHER0_HELDCHECK38 = re.compile(r"(?<![\w.])([A-Za-z_]\w*)\s*\.\s*gather\(\s*(?:dim\s*=\s*)?0\s*,\s*(?:index\s*=\s*)?([A-Za-z_]\w*)\s*\)")


_EYE_OF_ARGMAX = re.compile(
    r"(?:(?:np|numpy|torch|jnp)\.eye\(\s*(?P<k1>\w+)\s*\)\s*\[\s*(?P<a1>" + _ARGMAX.pattern + r")\s*\]"
    r"|(?:F|torch\.nn\.functional|nn\.functional|jax\.nn|tf)\.one_hot\(\s*(?P<a2>" + _ARGMAX.pattern
    + r")\s*,\s*(?:(?:num_classes|depth)\s*=\s*)?(?P<k2>\w+)(?:\s*,\s*dtype\s*=\s*[\w.]+)?\s*\))"
    r"(?:\s*\.\s*(?:numpy|float|double)\(\s*\))*"
)


def _eye_of_argmax_heldcheck32(net: Net, part: str) -> str:
    """``np.eye(k)[Y.argmax(1)]`` (``F.one_hot(np.argmax(Y, axis=1), k)``, …): the one-hot rows
    of the classes of the network's one-hot target ``Y`` are ``Y`` itself, where the size is its
    number of classes; other text (another tensor's argmax, another size) unchanged."""

    def one(m: re.Match) -> str:
        a = _ARGMAX.fullmatch(m.group("a1") or m.group("a2"))
        size = m.group("k1") or m.group("k2")
        target = (a.group(1) or a.group(2)) if a else None
        if target not in net.spec.one_hot:
            return m.group(0)
        classes = net.spec.shape2d(target)[1]
        value = int(size) if size.isdigit() else net.spec.dims.get(size)
        return target if value == classes else m.group(0)

    return _EYE_OF_ARGMAX.sub(one, part) if ".argmax" in part or "argmax(" in part else part


# a tensor indexed by integer class labels: its class columns W[:, y], its class rows W[y]
_PICKED = re.compile(
    r"(?<![\w.])(?P<t>[A-Za-z_]\w*(?:\.T)?)\[\s*(?P<cols>:\s*,\s*)?(?P<y>[A-Za-z_]\w*)\s*"
    r"(?(cols)|(?:,\s*:\s*)?)\]"
)


_AUGMENTED = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*([-+*/@])=\s*(.+)")
_ZEROS = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(?:np|numpy|torch)\.zeros(?:_like)?\(.*\)\s*")


def _in_place(
    parts: list[str], shape_of: Callable[[str], str | None] | None = None, one_d: frozenset[str] = frozenset(),
    answer_like: str | None = None,
) -> list[str]:
    """Course code's in-place updates as the assignments they perform: ``dW += x.T @ dz`` is
    ``dW = dW + (x.T @ dz)`` (``-=``, ``*=``, ``/=`` alike); ``dW = np.zeros_like(W)`` followed by
    ``dW += …`` starts the sum at that term (min-char-rnn's accumulation over time steps).
    ``shape_of(name)``: a tensor with the shape of the buffer ``name`` (``A`` for ``dA``), whose
    slices give an updated block its shape (:func:`_slice_update`); ``one_d``: names that are
    1-D vectors (read as rows), whose ``v[k]`` is an entry, a column of the row;
    ``answer_like``: the tensor whose gradient is asked, whose slices give the blocks their
    shape where the last name assigned is updated by ``+=``/``-=`` and ``shape_of`` knows no
    tensor for it (heldcheck37: Ng's ``grad[1:] += lambda_ / m * theta[1:]`` after ``grad =
    Xb.T @ …`` of a cell's own ``Xb``: slices of that product were read at the example's sizes)."""
    out: list[str] = []
    zero: set[str] = set()
    last: set[str] = set()  # the answer's name, and the names it copies (grad = compute_gradient1_grad)
    for part in parts:
        lhs = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[[^\]]*\]\s*)?[-+*/@]?=(?!=)\s*(.*)", part)
        if lhs is None:
            continue
        copied = lhs.group(2).strip()
        if lhs.group(1) in last and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", copied):
            last.add(copied)
        elif lhs.group(1) not in last:
            last = {lhs.group(1)} | ({copied} if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", copied) else set())

    like: dict[str, str] = {}  # dW = np.zeros_like(W): W has dW's shape
    for part in parts:
        z = _ZEROS.fullmatch(part)
        if z is not None:
            zero.add(z.group(1))
            src = re.search(r"zeros_like\(\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)", part)
            like[z.group(1)] = src.group(1) if src else ""
            out.append(part)
            continue
        sliced = _slice_update(part, zero, like, shape_of, one_d, answer_like, last)
        if sliced is not None:  # dA[0:1] += 2 * top: the block added in its rows
            out.append(sliced)
            zero.discard(sliced.split("=")[0].strip())
            continue
        m = _AUGMENTED.fullmatch(part)
        if m is None:
            lhs = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)", part)
            if lhs is not None:
                zero.discard(lhs.group(1))
            out.append(part)
            continue
        name, op, value = m.groups()
        if name in zero and op in "+-":
            out.append(f"{name} = {'-' if op == '-' else ''}({value})")
        else:
            out.append(f"{name} = {name} {op} ({value})")
        zero.discard(name)
    return out


_SLICE_UPDATE = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*\[([^\[\]]+)\]\s*([-+]?)=(?!=)\s*(.+)")


def _slice_update(
    part: str, zero: set[str], like: dict[str, str], shape_of: Callable[[str], str | None] | None,
    one_d: frozenset[str] = frozenset(), answer_like: str | None = None, last: set[str] | frozenset[str] = frozenset(),
) -> str | None:
    """``dA[0:1] += v`` (``-=``, ``=``; rows ``a:b`` or columns ``:, a:b``) as the whole
    assignment NumPy performs: ``dA = dA + np.concatenate((0 * dA[:a], v + 0 * dA[a:b],
    0 * dA[b:]), axis=0)`` — ``v`` broadcast to the block, zeros elsewhere. The blocks are
    slices of ``dA`` itself (of ``W`` after ``dA = np.zeros_like(W)``), so they move with the
    sizes; None where ``part`` is not such an update (a mask ``dZ[Z <= 0] = 0``, an entry)."""
    m = _SLICE_UPDATE.fullmatch(part)
    if m is None:
        return None
    name, index, op, value = m.groups()
    again = re.match(rf"\s*{re.escape(name)}\s*\[\s*{re.escape(index.strip())}\s*\]\s*([-+])(?![-+=])", value)
    if op == "" and again is not None and answer_like is not None:  # heldcheck37: g[1:] = g[1:] + v is g[1:] += v
        op, value = "+", ("-" if again.group(1) == "-" else "") + value[again.end():].lstrip()
    # an entry row or column by a whole number, ``temp[0] = 0`` (Ng's ex2: the intercept kept
    # out of the penalty), is the one-row block ``temp[0:1]``
    bounds = [f"{b}:{int(b) + 1}" if b.isdigit() else b for b in (b.strip() for b in index.split(","))]
    if len(bounds) == 1 and name in one_d and name not in zero:
        axis, span = 1, bounds[0]  # heldcheck35: dout[1] -= 1 of a 1-D vector (a row): its entry
    elif len(bounds) == 2 and bounds[0] == ":" and ":" in bounds[1]:
        axis, span = 1, bounds[1]
    elif len(bounds) == 1 or (len(bounds) == 2 and bounds[1] == ":"):
        axis, span = 0, bounds[0]
    else:
        return None
    ends = span.split(":")
    if len(ends) != 2 or any(re.search(r"[^\w\s+*-]", e) for e in ends):
        return None
    lo, hi = ends[0] or "0", ends[1]
    base = like.get(name, "") if name in zero else ""
    base = base or (shape_of(name) if shape_of is not None else None) or ""
    if not base and op in ("+", "-") and name in last and name not in zero and answer_like is not None:
        base = answer_like  # heldcheck37: only the shape of an added block, never kept values
    if not base:
        if name in zero:
            return None
        base = name

    def part_of(a: str, b: str) -> str:
        inner = f"{a}:{b}"
        return f"{base}[{inner}]" if axis == 0 else f"{base}[:, {inner}]"

    pieces = [] if lo == "0" else [f"0 * {part_of('', lo)}"]
    pieces.append(f"({value}) + 0 * {part_of(lo, hi)}")
    if hi:
        pieces.append(f"0 * {part_of(hi, '')}")
    block = f"np.concatenate(({', '.join(pieces)},), axis={axis})"
    if name in zero:
        keep = f"0 * {base}"
        return f"{name} = {keep} + {'-' if op == '-' else ''}{block}"
    if op == "":  # dA[0:1] = v: the block replaced
        kept = [] if lo == "0" else [part_of("", lo)]
        kept.append(f"({value}) + 0 * {part_of(lo, hi)}")
        if hi:
            kept.append(part_of(hi, ""))
        return f"{name} = np.concatenate(({', '.join(kept)},), axis={axis})"
    return f"{name} = {name} {op} {block}"


def _derivation(
    net: Net, parts: list[str], latex: bool, wrt: str | None, text: str, scalar: bool = False
) -> tuple[ex.Node, str | None, str]:
    if not latex:
        parts = _labels_named(net, parts)
        flat = _one_d_steps(net, parts, spelled=True)
        parts = [_class_entries(net, _class_entries_at_heldcheck32(net, _class_entries_read_heldcheck41(net, p)), flat) for p in parts]
        parts = _in_place(parts, lambda n: tensor_of(net, n), _one_d_steps(net, parts, spelled=True), wrt)
    masked = [not latex and _masked(p) != p for p in parts]
    row = _row_target(net, wrt)
    one_d = frozenset() if latex else _one_d_steps(net, parts)
    token = _STEP_VECTORS.set(one_d)
    try:
        try:
            first = _derivation_read(net, parts, latex, wrt, text, scalar, masked, row)
        except FormulaError as err:
            if not one_d:
                raise
            try:
                return _numpy_first(net, parts, latex, wrt, text, scalar, masked, row)
            except FormulaError:
                raise err from None  # the rows reading's message: what was written
        if one_d and wrt is not None and not _fits(net, first[0], wrt):
            try:
                return _numpy_first(net, parts, latex, wrt, text, scalar, masked, row, first)
            except FormulaError:
                pass
        asked = _asked(net, wrt, first[1]) if latex and _latex_vectors(net) else None
        if asked is not None and not _fits(net, first[0], asked, exact=True):
            return _columns_first(net, parts, asked, text, scalar, masked, row, first)
        return first
    finally:
        _STEP_VECTORS.reset(token)


def _asked(net: Net, wrt: str | None, lhs: str | None) -> str | None:
    """The tensor whose gradient is asked for: ``--wrt``, else the one the left side names."""
    if wrt is not None:
        return wrt
    return tensor_of(net, lhs) if lhs is not None else None


def _columns_first(
    net: Net,
    parts: list[str],
    wrt: str,
    text: str,
    scalar: bool,
    masked: list[bool],
    row: bool,
    rows: tuple[ex.Node, str | None, str],
) -> tuple[ex.Node, str | None, str]:
    """A LaTeX derivation read in the column convention of written maths where the network's
    1-D vectors are used (邱锡鹏's one-example ``δ^{(1)} = (1 − a^{(1)2}) ⊙ w_2 (p − y)``, then
    ``∂L/∂W_1 = δ^{(1)} x^⊤``: an outer product of columns, where the rows reading gives a
    row by a column): each vector of the network (:func:`_latex_vectors`, and its gradient)
    not defined by the derivation is its column, a vector's gradient asked for the transpose of
    the column found; only where the formula has such a vector in it.
    Used where the rows reading (``rows``) does not give the gradient's shape and this one
    does, or gives a shape where the rows reading has none; else ``rows`` stands."""
    token = _COLUMNS.set(True)
    try:
        cols = _derivation_read(net, parts, True, wrt, text, scalar, masked, row)
    except FormulaError:
        return rows
    finally:
        _COLUMNS.reset(token)
    if not any(_latex_vector(net, n) for n in ex.names(cols[0])):
        return rows  # no vector in it: only the whole answer's orientation would change
    if not any(_latex_vector(net, n, one_d=True) for n in ex.names(cols[0])) and not _vector_transposed(
        net, rows[0]
    ):  # declared rows ([1, n]) only, and no ^⊤ on one: the rows convention, as written
        return rows  # (tiny-mlp's h (y_pred − y_target) is hᵀ's transpose dropped)
    tree = ex.Transpose(cols[0]) if _latex_vector(net, wrt) else cols[0]
    cols = (_transposed_twice_out(tree), cols[1], cols[2])
    if cols[0] == rows[0]:
        return rows
    if _fits(net, cols[0], wrt, exact=True) or (
        _shape_of(net, rows[0]) is None and _shape_of(net, cols[0])
    ):
        found = [(n, net.resolve(n)) for n in ex.names(cols[0]) if _latex_vector(net, n)]
        names = dict.fromkeys(f[0] if f is not None else n for n, f in found)
        _COLUMNS_READ.set(tuple(names))
        return cols
    return rows


def columns_read() -> tuple[str, ...]:
    """The vectors (as named in the reading) of the last :func:`read` that took the column
    convention (:func:`_columns_first`), or () where it did not."""
    return _COLUMNS_READ.get()


def _transposed_twice_out(tree: ex.Node) -> ex.Node:
    """``tree`` with ``(xᵀ)ᵀ`` written ``x`` (the column of ``x^⊤`` is the row x)."""
    if isinstance(tree, ex.Transpose) and isinstance(tree.operand, ex.Transpose):
        return _transposed_twice_out(tree.operand.operand)
    return ex.rebuild(tree, _transposed_twice_out)


def _latex_vectors(net: Net) -> frozenset[str]:
    """The network's vectors as written maths holds them: its 1-D tensors (not those 1-D only
    by a reduction) and the tensors declared one row of a named size (the neuron's ``x``, ``w``
    = ``[1, "n"]``, whose ``σ(w^⊤ x)`` is the textbook's dot product)."""
    found = net._lazy.get("latex_vectors")
    if found is None:
        rows = set()
        for name in net.g.tensors:
            try:
                shape = sym_shape(ex.Name(name), net.g, rows=True)
            except (IndexError, KeyError, TypeError, ValueError):
                continue
            if len(shape) == 2 and shape[0] == 1 and isinstance(shape[1], str):
                rows.add(name)
        one_d = frozenset(net.spec.one_d) - frozenset(net.spec.one_d_spelled)
        found = net._lazy["latex_vectors"] = frozenset(rows - {net.spec.loss}) | one_d
    return found


def _vector_transposed(net: Net, tree: ex.Node) -> bool:
    """Does ``tree`` transpose an expression of the network's vectors (``w^⊤ x``, ``x δ^⊤``):
    written maths' sign that its vectors are columns?"""
    if isinstance(tree, ex.Transpose) and any(_latex_vector(net, n) for n in ex.names(tree.operand)):
        return True
    return any(_vector_transposed(net, c) for c in ex.children(tree))


def _latex_vector(net: Net, name: str, one_d: bool = False) -> bool:
    """Does ``name`` read one of the network's vectors (:func:`_latex_vectors`; ``one_d``: of its
    1-D ones) or its gradient (``x``, ``δ^{(1)}`` → ``dz1``)?"""
    vectors = _latex_vectors(net)
    if one_d:
        vectors = vectors & (frozenset(net.spec.one_d) - frozenset(net.spec.one_d_spelled))
    if name in vectors or tensor_of(net, name) in vectors:
        return True
    alias = net.tree_alias.get(name)  # ŷ = softmax(z) of a logits loss
    if alias is not None:
        return any(_latex_vector(net, n, one_d) for n in ex.names(alias))
    found = net.resolve(name)
    return found is not None and (found[0] in vectors or tensor_of(net, found[0]) in vectors)


def _shape_of(net: Net, tree: ex.Node) -> tuple[int, int] | None:
    """The shape of ``tree`` read against the network, or None where it has none (a shape
    error, an unknown name)."""
    try:
        out, _ = Convert(net, "")(tree)
        return int(out.shape[0]), int(out.shape[1])
    except (ShapeError, FormulaError, RecursionError, KeyError, ValueError, TypeError):
        return None


def _numpy_first(
    net: Net,
    parts: list[str],
    latex: bool,
    wrt: str,
    text: str,
    scalar: bool,
    masked: list[bool],
    row: bool,
    rows: tuple[ex.Node, str | None, str] | None = None,
) -> tuple[ex.Node, str | None, str]:
    """The derivation read with NumPy's meaning of its 1-D steps first (西瓜书's ``g = ŷ ⊙ (1 −
    ŷ) ⊙ (y − ŷ)`` then ``e = b_h ⊙ (1 − b_h) ⊙ (w @ g)``: NumPy's matrix-vector product, where
    the rows reading takes g for a row and broadcasts e to a (q, q) matrix): used where the rows
    reading does not read or does not have the gradient's shape and this one does; else the rows
    reading (``rows``) or its error stands."""
    token = _NUMPY_FIRST.set(True)
    try:
        out = _derivation_read(net, parts, latex, wrt, text, scalar, masked, row)
    finally:
        _NUMPY_FIRST.reset(token)
    if rows is not None and not _fits(net, out[0], wrt):
        return rows
    return out


def _fits(net: Net, tree: ex.Node, wrt: str, exact: bool = False) -> bool:
    """Does ``tree`` have the shape of ``wrt``'s gradient (a number counts: it broadcasts;
    not where ``exact``)?"""
    want = tensor_of(net, wrt)
    have = _shape_of(net, tree)
    if have is None:
        return False
    try:
        shape = tuple(map(int, net.target(want).shape)) if want is not None else None
    except (ShapeError, FormulaError, RecursionError, KeyError, ValueError, TypeError):
        return False
    return shape is None or have == shape or have == (1, 1) and not exact


def _derivation_read(
    net: Net,
    parts: list[str],
    latex: bool,
    wrt: str | None,
    text: str,
    scalar: bool,
    masked: list[bool],
    row: bool,
) -> tuple[ex.Node, str | None, str]:
    shapes: dict[str, tuple[int, int]] = {}  # each name defined so far: its shape
    steps: dict[str, ex.Node] = {}  # … and its tree, the earlier steps put in
    token = _STEP_TREES.set(steps)
    try:
        return _derivation_steps(net, parts, latex, wrt, text, scalar, masked, row, shapes, steps)
    finally:
        _STEP_TREES.reset(token)


def _derivation_steps(
    net: Net,
    parts: list[str],
    latex: bool,
    wrt: str | None,
    text: str,
    scalar: bool,
    masked: list[bool],
    row: bool,
    shapes: dict[str, tuple[int, int]],
    steps: dict[str, ex.Node],
) -> tuple[ex.Node, str | None, str]:
    read_parts = []
    # a letter a where-clause defines after its use (…\frac{2}{N}…, \quad N = \sum_{i,j} M_{ij}):
    # the answer's own N, never the batch size the notes' N stands for elsewhere
    letters = frozenset(m.group(1) for p in parts if (m := re.match(r"\s*([A-Za-z])\s*=(?!=)", p)))
    # and Nielsen's a^L (the output layer's letter) a clause names after its use: the answer's aL
    letters |= frozenset(
        m.group(1) + "L" for p in parts if (m := re.match(r"\s*([A-Za-z])\^\{?L\}?\s*=(?!=)", p))
    )
    for p in parts:
        defined = letters | frozenset(lhs for _, lhs, _ in read_parts if lhs is not None)
        read_parts.append(
            _read_one(net, p if latex else _masked(p), latex, scalar, row, shapes, defined)
        )
        if not latex:
            _note_shape(net, read_parts[-1], shapes, steps)
    if latex:
        read_parts = _index_steps_read_heldcheck32(net, parts, read_parts, scalar, row, shapes)
    answer = len(read_parts) - 1
    want = tensor_of(net, wrt) if wrt else None
    named = [
        k
        for k, (_, lhs, _) in enumerate(read_parts)
        if want is not None and lhs is not None and tensor_of(net, lhs) == want
    ]
    if named:  # the last assignment of the gradient asked for (dZ = …; dZ[Z <= 0] = 0)
        answer = named[-1]
    elif want is not None and masked[answer]:
        # CS231n's dhidden[hidden <= 0] = 0: the array now holds the gradient asked for,
        # whatever its name said before the masking
        tree, _, part_text = read_parts[answer]
        read_parts[answer] = (tree, None, part_text)
    bare = [k for k, (_, lhs, _) in enumerate(read_parts) if lhs is None]
    if latex and not named and len(bare) == 1:
        answer = bare[0]  # X^⊤ δ / m \\ δ = P − Y: the one row without a left side answers
    if latex and answer < len(read_parts) - 1 and all(
        lhs is not None and (want is None or tensor_of(net, lhs) != want)
        for _, lhs, _ in read_parts[answer + 1 :]
    ):  # the answer, then the definitions it uses ("…, where δ = …"): those first
        order = [*range(answer), *range(answer + 1, len(read_parts)), answer]
        read_parts, parts = [read_parts[k] for k in order], [parts[k] for k in order]
        answer = len(read_parts) - 1
    moved = False
    if not latex:  # the answer first, its names defined after it (c46t-228)
        read_parts, parts, answer, moved = _code_definitions_after_heldtex46(net, read_parts, parts, answer)
    if latex or moved:
        read_parts, parts = _definitions_in_order_heldcheck28(read_parts, parts, answer)
    defs: dict[str, ex.Node] = {}

    def subst(n: ex.Node) -> ex.Node:
        if isinstance(n, ex.Name) and n.id in defs:
            return defs[n.id]
        if isinstance(n, ex.Name):
            entry = _step_entry_heldcheck27(net, n.id, defs)
            if entry is not None:
                return entry
            if _COLUMNS.get() and _latex_vector(net, n.id):
                return ex.Transpose(n)  # the column convention (_columns_first)
        out = ex.rebuild(n, subst)
        return _bias_row_heldtex44(net, out) if _COLUMNS.get() else out

    for k, (tree, lhs, _) in enumerate(read_parts[: answer + 1]):
        if k < answer and lhs is None:
            raise FormulaError(msg("error.statement_lhs", n=k + 1), 0, parts[k])
        tree = subst(tree)
        if latex and defs:  # P = \operatorname{softmax}(…) put in: its shape is known now
            tree = _per_example_columns_heldtex48(net, tree)  # type: ignore[assignment]
        if _expanded_parts(tree) > MAX_EXPANDED:  # a1 = a0 + a0; a2 = a1 + a1 … doubles
            raise FormulaError(msg("error.expanded", n=k + 1, limit=MAX_EXPANDED), 0, parts[k])
        if k == answer:
            return tree, lhs, text
        assert lhs is not None
        defs[lhs] = tree
    raise AssertionError("unreachable")


def _vector_either_way_heldtex44(
    net: Net, found: tuple[ex.Node, str | None, str], latex: bool, wrt: str | None
) -> tuple[ex.Node, str | None, str]:
    """heldtex44: the gradient of a 1-D vector of the network (``w3 = ["k"]``, ``b = ["h"]``)
    written as maths — LaTeX, or typed maths that is not Python (``h2ᵀ · 2(out − y)/N``) — is the
    vector whichever way the maths stood it: a k × 1 column where derive holds the row 1 × k is
    the same k numbers (written maths' vectors are columns; a 1-D tensor has no orientation).
    Code keeps its shapes (NumPy's (k, 1) is no (k,) array)."""
    tree, lhs, text = found
    if not latex and textbox._python(text):
        return found
    asked = _asked(net, wrt, lhs) if wrt is not None else None
    if asked is None or asked not in frozenset(net.spec.one_d) - frozenset(net.spec.one_d_spelled):
        return found
    want = tensor_of(net, asked)
    try:
        shape = tuple(map(int, net.target(want).shape))
    except (ShapeError, FormulaError, RecursionError, KeyError, ValueError, TypeError):
        return found
    have = _shape_of(net, tree)
    if have is not None and have != shape and 1 in shape and have == shape[::-1]:
        return ex.Transpose(tree), lhs, text
    return found


def _bias_row_heldtex44(net: Net, tree: ex.Node) -> ex.Node:
    """heldtex44: in the column convention (:func:`_columns_first`) a 1-D vector added to (or
    subtracted from) a batch of rows — ``h_1 W_2 + b_2`` with ``b_2`` of the rows' length — is the
    bias of every row, as written maths and NumPy both mean it: its row, not its column (whose
    sum with an N × k matrix has no shape; a parameter's also where N = k)."""
    if not (isinstance(tree, ex.BinOp) and tree.op in ("+", "-")):
        return tree
    sides = [tree.left, tree.right]
    for k in (0, 1):
        v, other = sides[k], sides[1 - k]
        if not (isinstance(v, ex.Transpose) and isinstance(v.operand, ex.Name)):
            continue
        if v.operand.id not in frozenset(net.spec.one_d) - frozenset(net.spec.one_d_spelled):
            continue
        have, row = _shape_of(net, other), _shape_of(net, v.operand)
        if have is None or row is None or row[0] != 1 or have[0] == 1 or have[1] != row[1]:
            continue
        if have[0] == row[1] and v.operand.id not in net.spec.params:
            continue  # square, and no parameter (a bias): a per-example vector stays a column
        sides[k] = v.operand
        return ex.BinOp(tree.op, sides[0], sides[1])
    return tree


_INDEX_STEP_NAME = re.compile(r"(\w+?)_?([cijklnpqth]{1,2})")  # g_j, e_h, dj (δ_j)


def _index_step_heldcheck32(net: Net, lhs: str | None, tree: ex.Node) -> bool:
    r"""Is ``lhs = tree`` a step written in index notation — Bishop's ``\delta_j = h_j(1 -
    h_j)\, w_j\, \delta``, 西瓜书's ``g_j = …`` — a name of no tensor ending in index letters
    that the definition's indexed factors carry?"""
    if lhs is None or net.known(lhs) or _is_indexed(net, lhs):
        return False
    m = _INDEX_STEP_NAME.fullmatch(lhs)
    if m is None or net.resolve(m.group(1)) is not None:
        return False
    return set(m.group(2)) <= _letters(net, tree)


def _index_steps_read_heldcheck32(
    net: Net,
    parts: list[str],
    read_parts: list[tuple[ex.Node, str | None, str]],
    scalar: bool,
    row: bool,
    shapes: dict[str, tuple[int, int]],
) -> list[tuple[ex.Node, str | None, str]]:
    r"""A LaTeX derivation whose steps are written in index notation (``\delta_j = h_j(1 -
    h_j)\, W2_j (y_{pred} - y_{target}), \quad \frac{\partial L}{\partial W1_{ij}} = X_i\,
    \delta_j``): the statements using such a step read again with the step's indexed factors put
    in, so that the answer is vectorised as one index-notation formula (the step alone has no
    orientation: read apart, ``X_i \delta_j`` came out transposed). Other derivations as read."""
    steps = {lhs: tree for tree, lhs, _ in read_parts if _index_step_heldcheck32(net, lhs, tree)}
    if not steps:
        return read_parts
    for _ in range(len(steps)):  # steps using steps (e_h = … g_j …): put in, in any order
        steps = {k: _index_steps_renamed(v, {n: t for n, t in steps.items() if n != k}) for k, v in steps.items()}
    uses = [
        k for k, (tree, lhs, _) in enumerate(read_parts)
        if lhs not in steps and set(ex.names(tree)) & set(steps)
    ]
    if not uses:
        return read_parts
    token = _INDEX_STEPS.set(steps)
    try:
        out = list(read_parts)
        for k in uses:
            defined = frozenset(lhs for _, lhs, _ in read_parts[:k] if lhs is not None)
            out[k] = _read_one(net, parts[k], True, scalar, row, shapes, defined)
        return out
    finally:
        _INDEX_STEPS.reset(token)


def _index_steps_renamed(node: ex.Node, steps: dict[str, ex.Node]) -> ex.Node:
    if isinstance(node, ex.Name) and node.id in steps:
        return steps[node.id]
    return ex.rebuild(node, lambda c: _index_steps_renamed(c, steps))


def _index_steps_put_heldcheck32(net: Net, tree: ex.Node, lhs: ex.Node | None) -> ex.Node:
    """``tree`` with the derivation's index-notation steps (:data:`_INDEX_STEPS`) put in, where
    the left side asks for an entry in index notation (``\frac{∂L}{∂W1_{ij}}``)."""
    steps = _INDEX_STEPS.get()
    if not steps or not isinstance(lhs, ex.Name) or not _is_indexed(net, lhs.id):
        return tree
    return _index_steps_renamed(tree, steps)


def _code_definitions_after_heldtex46(
    net: Net, read_parts: list[tuple[ex.Node, str | None, str]], parts: list[str], answer: int
) -> tuple[list[tuple[ex.Node, str | None, str]], list[str], int, bool]:
    """Typed statements, the answer first and the names it uses defined after it, line by line
    or apart by a full-width comma (``dw = x * dz，dz = dO * O * (1 - O)，dO = t - O``): the
    definitions are the student's, as after a ``;`` and in LaTeX — read in the written order
    the answer's ``dz`` was the network's own ∂L/∂z and the wrong definitions below it were
    left out (a wrong ✓, c46t-228). Only where every statement after the answer defines a name
    no statement up to the answer defines, each used by the answer or by another of them, and
    the answer uses one that the written order reads as a name of the network (``dz``, its own ∂L/∂z: the
    wrong ✓'s way); otherwise as written — a name of no gradient used before its definition
    (CMU's ``dLdW2 = dLdZ2.T @ A1`` then ``dLdZ2 = …`` on a net without Z2, c35t-173) stays refused."""
    later = list(range(answer + 1, len(read_parts)))
    if not later:
        return read_parts, parts, answer, False
    names = [read_parts[k][1] for k in later]
    before = {read_parts[k][1] for k in range(answer + 1)}
    if None in names or len(set(names)) != len(names) or set(names) & before:
        return read_parts, parts, answer, False
    used = [set(ex.names(read_parts[k][0])) for k in later]
    mine = set(ex.names(read_parts[answer][0]))
    if not any(net.known(n) for n in mine & set(names)) or any(
        n not in mine and not any(n in u for j, u in enumerate(used) if j != i) for i, n in enumerate(names)
    ):
        return read_parts, parts, answer, False
    order = [*range(answer), *later, answer]
    return [read_parts[k] for k in order], [parts[k] for k in order], len(order) - 1, True


def _definitions_in_order_heldcheck28(
    read_parts: list[tuple[ex.Node, str | None, str]], parts: list[str], answer: int
) -> tuple[list[tuple[ex.Node, str | None, str]], list[str]]:
    """LaTeX definitions before the answer put in the order they use each other: Qiu's
    ``δ^{(1)} = f'(Z^{(1)}) ⊙ (W^{(2)⊤} δ^{(2)}),\\ δ^{(2)} = A^{(2)} − Y,\\ ∂L/∂W^{(1)} = …``
    defines δ^{(2)} after the line that uses it (read in the written order, the first line's
    δ^{(2)} was the network's ∂L/∂Z^{[2]}, not the student's). Only where each name is defined
    once and no definition uses itself; otherwise (or with a cycle) as written."""
    head = read_parts[:answer]
    lhs = [p[1] for p in head]
    if len(head) < 2 or None in lhs or len(set(lhs)) != len(lhs):
        return read_parts, parts
    uses = []
    for tree, name, _ in head:
        if tree == ex.Name(name):  # heldtex48: \mathbf{W}^{(2)} = W_2, a clause naming the network's
            uses.append(set())  # own tensor (read as W2 = W2): no definition, no order of its own
            continue
        used = set(ex.names(tree)) & set(lhs)
        if name in used:
            return read_parts, parts
        uses.append(used)
    order: list[int] = []
    placed: set[str] = set()
    while len(order) < len(head):
        ready = [k for k in range(len(head)) if k not in order and uses[k] <= placed]
        if not ready:
            return read_parts, parts  # a cycle: as written
        order.append(ready[0])
        placed.add(lhs[ready[0]])  # type: ignore[arg-type]
    if order == list(range(len(head))):
        return read_parts, parts
    rest = list(range(answer, len(read_parts)))
    return [read_parts[k] for k in order + rest], [parts[k] for k in order + rest]


def _step_entry_heldcheck27(net: Net, name: str, defs: dict[str, ex.Node]) -> ex.Node | None:
    """An entry name of a gradient (``dZ111``: ``dZ1[0, 0]``, as a batch slice
    ``np.sum(X[:, 0] * dZ1[:, 0])`` is read entry by entry) whose tensor's gradient the
    derivation defines as a step (``dZ1 = (A2 - Y) @ W2.T * (Z1 > 0)``): that entry of the
    student's step, not of the network's gradient — the step is what the student computed."""
    if not name.startswith("d"):
        return None
    at = net.label_at.get(name[1:])
    if at is None:
        return None
    tensor, i, j = at
    step = next((k for k in ("d" + tensor, net.spec.gkey(tensor)) if k in defs), None)
    if step is None:
        return None

    def cut(e: ex.Node, k: int, axis: int) -> ex.Node:
        kw = (("start", ex.Num(Fraction(k))), ("stop", ex.Num(Fraction(k + 1))), ("axis", ex.Num(Fraction(axis))))
        return ex.Call("slice", (e,), kw)

    return cut(cut(defs[step], i, 0), j, 1)


MAX_UPSTREAM_HELDCHECK27 = 8  # definitions put in, at most, to reach an upstream entry


def _upstream_expanded_heldcheck27(defs: dict, definition: sp.Expr, target: sp.Symbol) -> sp.Expr:
    """``definition`` with the entries it uses replaced by their own definitions, level by level
    (at most MAX_UPSTREAM_HELDCHECK27 levels), until ``target`` appears: the entry written in terms of
    an upstream entry, so that Leibniz's ``∂h1/∂w11`` is the derivative through ``h1_raw``."""
    out = definition
    for _ in range(MAX_UPSTREAM_HELDCHECK27):
        if target in out.free_symbols:
            return out
        sub = {x: defs[x] for x in out.free_symbols if x in defs and x != target}
        if not sub:
            break
        out = out.xreplace(sub)
    return out if target in out.free_symbols else definition


def vectors(net: Net) -> frozenset[str]:
    """The names NumPy keeps 1-D in a formula: the network's 1-D tensors (``W = ["d"]``, a
    matrix-vector product ``preds = feats @ W``) and their gradients (``dpreds``), so that
    ``feats.T @ (preds - targets)`` is NumPy's matrix-vector product, as in JAX's code; and
    the steps of the derivation being read that are 1-D by their form (:func:`_one_d_steps`)."""
    names = set(net.spec.one_d) - set(net.spec.one_d_spelled)
    found = names | {"d" + n for n in names} | {net.spec.gkey(n) for n in names}
    return frozenset(found | _STEP_VECTORS.get())


# the trees of the derivation's steps read so far, earlier steps put in (set by _derivation)
_STEP_TREES: contextvars.ContextVar[dict[str, ex.Node]] = contextvars.ContextVar(
    "step_trees", default={}  # noqa: B039 (never written through the default)
)
# a LaTeX derivation's steps written in index notation (δ_j = …, g_j = …): name → its tree, the
# indexed factors as written (set by _derivation_steps, put in by _index_steps_put_heldcheck32)
_INDEX_STEPS: contextvars.ContextVar[dict[str, ex.Node]] = contextvars.ContextVar(
    "index_steps", default={}  # noqa: B039 (never written through the default)
)
# read a derivation's statements with NumPy's meaning of 1-D names first (set by _numpy_first)
_NUMPY_FIRST: contextvars.ContextVar[bool] = contextvars.ContextVar("numpy_first", default=False)
# the vectors of the last read() that took the column convention (set by _columns_first)
_COLUMNS_READ: contextvars.ContextVar[tuple[str, ...]] = contextvars.ContextVar("columns_read", default=())
_FLAT_READ: contextvars.ContextVar[tuple[str, tuple[int, int]] | None] = contextvars.ContextVar(
    "flat_read", default=None
)
# read a LaTeX derivation with the network's 1-D vectors as columns (set by _columns_first)
_COLUMNS: contextvars.ContextVar[bool] = contextvars.ContextVar("columns", default=False)
# the steps of the derivation being read that NumPy keeps 1-D (set by _derivation)
_STEP_VECTORS: contextvars.ContextVar[frozenset[str]] = contextvars.ContextVar(
    "step_vectors", default=frozenset()
)


def _one_d_steps(net: Net, parts: list[str], spelled: bool = False) -> frozenset[str]:
    """The names a derivation's statements define that are 1-D in NumPy by their form, given
    the network's 1-D tensors and the steps before (邱锡鹏's attention: ``da = X @ (att - t)``
    with ``att`` 1-D, then ``ds = alpha * (da - alpha @ da)``, where ``alpha @ da`` is one
    number): their later uses read as NumPy reads them (:func:`_numpy_reading`). ``spelled``:
    the network's 1-D tensors the rows reading keeps as rows (``out = W_out @ h3``) count too
    (heldcheck35: ``dout[1] -= 1`` of ``dout = torch.softmax(out, 0)`` is an entry of a row)."""
    known = set(vectors(net))
    if spelled:
        known |= set(net.spec.one_d) | {"d" + n for n in net.spec.one_d}
    scalars = frozenset(k for k, v in net.spec.shapes.items() if not v)
    found: set[str] = set()
    for p in parts:
        try:
            tree = ast.parse(p.strip())
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        if len(tree.body) != 1 or not isinstance(tree.body[0], ast.Assign):
            continue
        stmt = tree.body[0]
        if len(stmt.targets) != 1 or not isinstance(stmt.targets[0], ast.Name):
            continue
        name = stmt.targets[0].id
        try:
            one = ex.one_dimensional(stmt.value, frozenset(known), scalars)
        except RecursionError:
            one = False
        (known.add if one else known.discard)(name)
        (found.add if one else found.discard)(name)
    return frozenset(found)


def _numpy_reading(net: Net, body: str) -> ex.Node:
    """``body`` read with the network's tensors as the walkthroughs and derive's code keep them
    (a 1-D vector is a row: ``x.T @ dz`` is the outer product), unless that reading does not fit
    (a shape mismatch) where NumPy's reading of the 1-D tensors (:func:`vectors`) does: JAX's
    ``jnp.dot(feats.T, preds - targets)``, ``np.dot(w, w)``. Raises :class:`ex.ExprError` as
    :func:`ex.parse` does."""
    rows = ex.parse(body, allow_compare=True, max_parts=ex.MAX_FORMULA_NODES)
    one_d = vectors(net)
    if not one_d or not one_d & set(ex.names(rows)):
        return rows
    if not _NUMPY_FIRST.get():
        try:
            Convert(net, "")(_steps_put(rows))
            return rows
        except (ShapeError, FormulaError, RecursionError):
            pass
    try:
        scalars = frozenset(k for k, v in net.spec.shapes.items() if not v)  # sizes, b = []
        numpy = ex.parse(
            body, allow_compare=True, one_d=one_d, max_parts=ex.MAX_FORMULA_NODES, scalars=scalars
        )
        Convert(net, "")(_steps_put(numpy))
    except (ex.ExprError, ShapeError, FormulaError, RecursionError):
        return rows  # the rows reading's own shape problem is what the verdict names
    return numpy


def _sizes_spelled_as_gradients(net: Net, tree: ex.Node) -> ex.Node:
    """LaTeX's ``d_k`` is the size ``dk`` (attention's √d_k) where the network has that size and
    names the gradient of its tensor ``k`` ``d_k`` because ``dk`` is taken: a paper's d_k is
    the size; the gradient is written δ_k, ∂L/∂k (read ``grad_k``)."""
    taken = {g: g.replace("_", "", 1) for g in net.spec.grad_keys.values()}
    sizes = {g: ex.Name(s) for g, s in taken.items() if s in net.spec.dims or s in net.spec.constants}
    return _names_put(tree, sizes) if sizes else tree


def _atleast_2d(x: ast.expr) -> ast.expr:
    """``np.atleast_2d(x)``: the row of a 1-D ``x`` in both readings, a matrix as it is."""
    f = ast.Attribute(ast.Name("np", ast.Load()), "atleast_2d", ast.Load())
    return ast.Call(f, [x], [])


def _steps_put(tree: ex.Node) -> ex.Node:
    """``tree`` with the derivation's earlier steps put in (:data:`_STEP_TREES`), so that a
    reading is tried on what the names stand for (``alpha @ da`` after ``da = X @ (att - t)``)."""
    steps = _STEP_TREES.get()
    if not steps or not set(steps) & set(ex.names(tree)):
        return tree
    out = _names_put(tree, steps)
    return tree if _expanded_parts(out) > MAX_EXPANDED else out  # (too big: named elsewhere)


def _names_put(tree: ex.Node, table: dict[str, ex.Node]) -> ex.Node:
    """``tree`` with each name of ``table`` replaced by its tree there."""

    def put(n: ex.Node) -> ex.Node:
        if isinstance(n, ex.Name) and n.id in table:
            return table[n.id]
        return ex.rebuild(n, put)

    return put(tree)


def examples_in_columns(net: Net) -> bool:
    """Is every input of the network a single row (1-D inputs are held so: Platt scaling's
    scores f and targets t), one of them longer than 1? Then an example index runs along the
    columns, and a per-example sum ``\\sum_i (t_i - p_i) f_i`` sums them (a sum over the rows
    of a single row would sum nothing)."""
    named = [n for n in net.spec.inputs if n in net.g.tensors and net.spec.shapes.get(n) != ()]
    shapes = [tuple(net.g.tensors[n].shape) for n in named]
    shared = _shared_batch_axis(net)
    if shared is not None:  # column-major course code (Ng, CS229): X = ["n", "m"], Y = [1, "m"]
        return shared[0] == 1
    return (
        bool(shapes)  # a literal 1 row: a batch size that is 1 here (rnn's m) has its name
        # declared 1-D (["n"]), not a row of features (the neuron's x = [1, 3] is one example)
        and all(n in net.spec.one_d for n in named)
        and all(len(s) == 2 and int(s[0]) == 1 and getattr(s[0], "label", None) is None for s in shapes)
        and any(int(s[1]) > 1 for s in shapes)
    )


def _shared_batch_axis(net: Net) -> tuple[int, str] | None:
    """``(axis, size name)`` when exactly one [dims] name is the same axis of every 2-D input
    (axes of a literal size left out), and there are two inputs or more: the batch, along the
    rows (``X = ["m", "n"]``, ``Y = ["m", 1]``) or the columns (``X = ["n", "m"]``, ``Y = [1,
    "m"]``, as column-major course code holds it); else None."""
    common: set[tuple[int, str]] | None = None
    inputs = 0
    vectors: set[str] = set()  # the sizes of the 1-D inputs (targets y of N entries)
    for name in net.spec.inputs:
        t = net.g.tensors.get(name)
        if t is not None and name in net.spec.one_d:
            vectors |= {lab for k in range(len(t.shape)) if (lab := getattr(t.shape[k], "label", None))}
        if t is None or len(t.shape) != 2 or name in net.spec.one_d:
            continue
        labels = {(k, getattr(t.shape[k], "label", None)) for k in (0, 1)}
        labels = {(k, lab) for k, lab in labels if lab is not None}
        if not labels:
            continue
        inputs += 1
        common = labels if common is None else common & labels
    if inputs < 2 or common is None or len(common) != 1:
        return None
    if vectors and next(iter(common))[1] not in vectors:
        # heldtex41: a feature size shared with fixed centres (x: N × D, C: M × D) is no batch;
        # the 1-D targets' one size is (y: N), where it is the rows of a 2-D input
        rows = {getattr(net.g.tensors[n].shape[0], "label", None) for n in net.spec.inputs
                if n in net.g.tensors and n not in net.spec.one_d and len(net.g.tensors[n].shape) == 2}
        return (0, next(iter(vectors))) if len(vectors) == 1 and vectors <= rows else None
    return next(iter(common))


def batch_name(net: Net) -> str | None:
    """The size name of the batch: the one [dims] name every input shares on one axis
    (:func:`_shared_batch_axis`), else the first axis of the inputs, where one [dims] name is the
    first axis of every input that has more than one row (``m`` for X = ["m", "n_in"])."""
    shared = _shared_batch_axis(net)
    if shared is not None:
        return shared[1]
    labels = set()
    for name in net.spec.inputs:
        t = net.g.tensors.get(name)
        if t is None or len(t.shape) != 2 or int(t.shape[0]) == 1:
            continue
        labels.add(getattr(t.shape[0], "label", None))
    return labels.pop() if len(labels) == 1 and None not in labels else None


def _example_sizes_heldtex49(net: Net) -> set[str]:
    """The size names of the examples: the batch (:func:`batch_name`) and the first axis of each
    2-D input of more than one row (FixMatch's labelled N and unlabelled U, heldtex49)."""
    out = {b} if (b := batch_name(net)) is not None else set()
    for name in net.spec.inputs:
        t = net.g.tensors.get(name)
        if t is None or len(t.shape) != 2 or name in net.spec.one_d or int(t.shape[0]) == 1:
            continue
        if (label := getattr(t.shape[0], "label", None)) is not None:
            out.add(label)
    return out


def _per_example_columns_heldtex48(net: Net, tree: ex.Node | None) -> ex.Node | None:
    r"""Written maths (LaTeX, typed maths): a vector of one value per example (a 1-D node of the
    network, held as a row 1 × N, or numbers and sizes with such nodes) in an element-wise
    operation (``⊙``, ``+``, ``−``, ``/``) or a written product (``·``, juxtaposed: a column no
    N × C matrix multiplies, so it scales the rows) with an N × C matrix of the examples' rows is the column
    of the examples — PaLM's ``\log Z ⊙ P``, Taylor CE's ``(1 + q + q^2) ⊙ p ⊙ (p_t − Y)`` — as
    the notes mean it; NumPy code keeps NumPy's row broadcast (read elsewhere). A square matrix
    (C = N as declared) or a 1-D vector of another size is left as written."""
    sizes = _example_sizes_heldtex49(net) if tree is not None and net.spec.one_d else set()
    if not sizes:
        return tree
    conv = Convert(net, "")

    one_d = set(net.spec.one_d)

    def per_example(n: ex.Node) -> str | None:  # the examples' size of a per-example vector
        d = conv.declared(n) if conv.one_d_only_heldtex40(n) else None
        return d[1] if d is not None and len(d) == 2 and d[0] == 1 and d[1] in sizes else None

    def matrix(n: ex.Node) -> tuple[str | int, ...] | None:  # of 2-D tensors only: its declared
        if any((tensor_of(net, k) or k) in one_d for k in ex.names(n)):  # shape is no guess about
            return None  # how a 1-D vector stands in it (X w of a 1-D w, CS229's y − Xw)
        return conv.declared(n)

    def scaled(n: ex.Node, other: ex.Node) -> ex.Node:
        """``v · M`` (v per example, M an N × C matrix) beside an N × C ``other`` in an
        element-wise operation: the rows scaled (PaLM's ``… + 2·10⁻⁴ log_z · P``); elsewhere a
        product that fits, as derive prints ``δ_r X`` (round 48). Through a division and a sign
        (``… · P / B``, ``−v · P``)."""
        if isinstance(n, ex.BinOp) and n.op == "/":
            return ex.BinOp("/", scaled(n.left, other), n.right)
        if isinstance(n, ex.Neg):
            return ex.Neg(scaled(n.operand, other))
        batch = per_example(n.left) if isinstance(n, ex.BinOp) and n.op == "·" else None
        if batch is None:
            return n
        shape = matrix(n.right)
        if shape is None or len(shape) != 2 or shape[0] != batch or shape[1] in (1, batch):
            return n
        return ex.BinOp("*", ex.Transpose(n.left), n.right) if conv.declared(other) == shape else n

    def visit(n: ex.Node) -> ex.Node:
        n = ex.rebuild(n, visit)
        if isinstance(n, ex.BinOp) and n.op in ("*", "+", "-", "/"):
            n = ex.BinOp(n.op, scaled(n.left, n.right), scaled(n.right, n.left))
        if not (isinstance(n, ex.BinOp) and n.op in ("*", "+", "-", "/", "·")):
            return n  # "·": written maths' vector is a column, which no N × C matrix multiplies
        for left in (True, False):
            if left and n.op == "·":  # v · M with v 1 × N: a product that fits, as derive prints
                continue  # δ_r X (round 48: hn11's own ∂L/∂w was rejected); M · v does not fit
            side, other = (n.left, n.right) if left else (n.right, n.left)
            if isinstance(side, ex.BinOp) and side.op == "·" and side.right == ex.Name(latexin.ONES):
                side = side.left  # p_t 𝟙^⊤ − Y: the column spread over the classes (as broadcast)
            batch = per_example(side)
            shape = matrix(other) if batch is not None else None
            if shape is not None and len(shape) == 2 and shape[0] == batch and shape[1] not in (1, batch):
                col, op = ex.Transpose(side), "*" if n.op == "·" else n.op  # so it scales the rows
                return ex.BinOp(op, col, n.right) if left else ex.BinOp(op, n.left, col)
        return n

    return visit(tree)  # type: ignore[arg-type]


def _stated_transpose(lhs: ex.Node, tree: ex.Node) -> tuple[ex.Node, ex.Node]:
    """``(∂L/∂W)^⊤ = E`` (a gradient given as its transpose, the transpose stated): ∂L/∂W = E^⊤."""
    if isinstance(lhs, ex.Transpose) and isinstance(lhs.operand, ex.Name):
        return lhs.operand, ex.Transpose(tree)
    return lhs, tree


# vec(·) as an operator, ⊗ next to an identity (I, I_n, \mathbf{I}; not the indicator
# \mathbb{I}(…)), np.kron / torch.kron: vec/Kronecker notation (⊗ between two tensors is read
# as ⊙, as some notes misuse it)
_VEC = re.compile(r"\\(?:operatorname|mathrm|text|textrm|mathbf)\s*\{\s*vec\s*\}|\bvec\s*\(")
_IDENTITY = r"(?:\\mathbf\s*\{\s*I\s*\}|\\mathbb\s*\{\s*I\s*\}(?!\s*[(\[])|(?<![\\\w])I(?![\w(])(?:_\{?\w+\}?)?)"
_KRON = re.compile(
    rf"{_IDENTITY}\s*(?:\\otimes|⊗)|(?:\\otimes|⊗)\s*{_IDENTITY}|\b(?:np|numpy|torch)\.kron\b"
)


def _vec_kron(net: Net, text: str) -> None:
    """Refuse vec/Kronecker notation with a sentence saying what to write instead (an
    identity that is a name of the network is that name, not I)."""
    kron = _KRON if not net.known("I") else re.compile(r"\b(?:np|numpy|torch)\.kron\b")
    found = (None if net.known("vec") else _VEC.search(text)) or kron.search(text)
    if found is not None:
        raise FormulaError(msg("error.vec_kron", what=found.group().strip()), found.start() + 1, text)


_SIZE_H_CALL = re.compile(r"(?<![\\A-Za-z0-9_{])H(?=\s*(?:\(|\\left\s*\())")


def _heaviside_over_size(net: Net, text: str) -> str:
    r"""``H(Z)`` in LaTeX is the Heaviside step (the README) also where the network's only
    ``H`` is a size (relu-mlp's hidden width): a size applied to a bracket, ``H(h)``, is not how
    a product with a width is written. A tensor or constant named H keeps its name."""
    if "H" not in net.spec.dims or "H" in net.g.tensors or "H" in net.spec.constants:
        return text
    return _SIZE_H_CALL.sub(r"\\operatorname{heaviside}", text)


def _note_shape(
    net: Net,
    read: tuple[ex.Node, str | None, str],
    shapes: dict[str, tuple[int, int]],
    steps: dict[str, ex.Node] | None = None,
) -> None:
    """``shapes`` with the shape of the name a statement of code defines (``delta = …``),
    where it has one: NumPy calls in later statements that need it (``np.outer(X, delta)``)
    read it from there. A step built on earlier steps (``e = b_h * (1 - b_h) * (w @ g)`` after
    ``g = …``; ``db0 = np.mean(r0 …)`` after ``r0 = R[:, 0]``) takes its shape with those steps'
    trees put in (``steps``: each step's tree so far, kept for that); without ``steps`` it has none."""
    tree, lhs, _ = read
    if lhs is None:
        return
    if steps is not None:
        try:
            tree = _names_put(tree, steps)
        except RecursionError:
            return
        steps[lhs] = tree
    if _expanded_parts(tree) > MAX_EXPANDED:
        return  # (before the walk below: a step doubling the one before is 2^k parts)
    todo, names = [tree], set()
    while todo:
        n = todo.pop()
        names.update([n.id] if isinstance(n, ex.Name) else [])
        todo.extend(ex.children(n))
    if names & set(shapes):
        return  # built on an earlier definition not put in: its shape not taken
    try:
        out, _ = Convert(net, "")(tree)
    except (FormulaError, ShapeError, ex.ExprError, RecursionError, KeyError, ValueError, TypeError, AttributeError, IndexError):
        return
    shapes[lhs] = (int(out.shape[0]), int(out.shape[1]))


_ONE_HOT_LATEX = re.compile(  # \mathrm{onehot}(\mathrm{labels}), \operatorname{one\_hot}(y)
    r"\\(?:mathrm|operatorname|text|textrm|mathtt)\s*\{\s*one\s*(?:\\_|_|-|\\,|\s)?\s*hot\s*\}\s*"
    r"(?:\\left\s*)?\(\s*(?:\\(?:mathrm|text|textrm|mathbf|boldsymbol|mathtt)\s*\{\s*)?"
    r"(?P<y>[A-Za-z]\w*)\s*\}?\s*(?:\\right\s*)?\)"
)
_LABEL_IS_CLASS = re.compile(  # \mathbb{1}[y_i = c], \mathbf{1}\{y^{(i)}_{} = k\}: an Iverson equality
    r"\\(?:mathbb|mathbf)\s*\{\s*1\s*\}\s*(?:\\left\s*)?(?:\[|\\\{)\s*"
    r"(?P<y>[A-Za-z]\w*)\s*_\s*\{?\s*(?P<i>[a-z])\s*\}?\s*(?P<op>=|\\neq?\b|≠)\s*(?P<c>[a-z])\s*(?:\\right\s*)?(?:\]|\\\})"
)


_BASIS_OF_LABEL = re.compile(  # e_{y^{(i)}}, e_{y_i}: the standard basis vector of the class
    r"(?<![\\\w])e\s*_\s*\{\s*(?P<y>[A-Za-z][A-Za-z0-9]*)\s*"
    r"(?P<ex>\^\s*\{\s*\(\s*[a-z]\s*\)\s*\}|_\s*\{?\s*[a-z]\s*\}?)?\s*\}"
)


def _one_hot_latex_heldcheck32(net: Net, text: str) -> str:
    r"""The one-hot rows of the class labels written in LaTeX — ``\mathrm{onehot}(\mathrm{labels})``
    as the network's one-hot target ``labels``, the Iverson equality ``\mathbb{1}[y_i = c]`` as
    its entry ``Y_{ic}`` in index notation (``\mathbb{1}[y_i \neq c]`` as ``1 - Y_{ic}``), the basis
    vector of the class ``e_{y^{(i)}}`` (CS229) as the row ``Y^{(i)}`` — where the labels written are that target (its name,
    or ``y`` for a target ``Y``); other text unchanged."""
    if "hot" not in text and "1" not in text:
        return text

    def target(written: str) -> str | None:
        hot = [h for h in net.spec.one_hot if written in (h, h.lower())]
        return hot[0] if len(hot) == 1 else None

    def named(m: re.Match) -> str:
        t = target(m.group("y"))
        return m.group(0) if t is None else f" {t} "

    def entry(m: re.Match) -> str:
        t = target(m.group("y"))
        i, c = m.group("i"), m.group("c")
        if t is None or i == c:
            return m.group(0)
        return f" {t}_{{{i}{c}}} " if m.group("op") == "=" else f" (1 - {t}_{{{i}{c}}}) "

    def basis(m: re.Match) -> str:
        t = target(m.group("y"))
        return m.group(0) if t is None or net.known("e") else f" {t}{m.group('ex') or ''} "

    text = _LABEL_IS_CLASS.sub(entry, _ONE_HOT_LATEX.sub(named, text))
    return _BASIS_OF_LABEL.sub(basis, text) if "e" in text else text


def _read_one(
    net: Net,
    text: str,
    latex: bool,
    scalar: bool = False,
    row: bool = False,
    shapes: dict[str, tuple[int, int]] | None = None,
    defined: frozenset[str] = frozenset(),
) -> tuple[ex.Node, str | None, str]:
    _vec_kron(net, text)
    if latex:
        text = _heaviside_over_size(net, text)
        text = _one_hot_latex_heldcheck32(net, text)
        try:
            tree, lhs = latexin.parse(
                text,
                known=net.known,
                loss=net.spec.loss,
                gkey=net.spec.gkey,
                scalar=scalar,
                example_rows=row,
                width=net.width,
                batch=batch_name(net),
                example_cols=examples_in_columns(net),
                exact=lambda spelled: spelled in net.names,
                defined=defined,
                classes=_class_sizes_heldtex43(net),
            )
        except latexin.LatexError as err:
            raise FormulaError(msg("error.latex", detail=err.message), err.col, text) from None
        name = None
        tree, lhs = (None if t is None else _sizes_spelled_as_gradients(net, t) for t in (tree, lhs))
        tree = _entry_index_sums(net, tree)
        tree = _per_example_columns_heldtex48(net, tree)
        tree = _index_steps_put_heldcheck32(net, tree, lhs)
        indexed = _indexed(net, tree, lhs)
        if indexed is not None:  # ∂L/∂w_{ij} = x_i δ_j: index notation, vectorised
            tree, lhs = indexed[0], ex.Name(indexed[1])
        if lhs is not None:
            lhs = _loss_spelled_lhs(net, lhs)
            chain = _chain_end(lhs)
            if chain is not None:  # ∂L/∂v ∂v/∂u ∂u/∂w = 2v · 1 · x: the chain names ∂L/∂w
                lhs = ex.Name(chain)
            whole = _entries_lhs(net, lhs)
            if whole is not None:  # [∂L/∂w_0  ∂L/∂w_1] = …: the gradient of w
                lhs = ex.Name(whole)
            lhs, tree = _stated_transpose(lhs, tree)
            if not isinstance(lhs, ex.Name):
                raise FormulaError(msg("error.latex_lhs"), 1, text)
            name = lhs.id
        return tree, name, text
    lead_lhs = _PLAIN_LHS.match(text)
    code_body = (
        lead_lhs is not None
        and text[lead_lhs.end() :].isascii()
        and not re.search(r"[\^']", text[lead_lhs.end() :])
        and not _leibniz_in(net, text[lead_lhs.end() :])
        and not _JUXTAPOSED.search(text[lead_lhs.end() :])
    )
    if not code_body and ("∂" in text or _leibniz_in(net, text)):  # ∂L/∂W, dA/dZ: Leibniz
        alt_text = re.sub(r"\.T\b", "^T", text).replace("**", "^")
        alt_text = _PLAIN_LEIBNIZ.sub(
            lambda m: f"\\frac{{d{m.group(1)}}}{{d{m.group(2)}}}"
            if _plain_leibniz(net, m)
            else m.group(),
            alt_text,
        )
        try:
            tree, lhs_node = latexin.parse(  # heldtex45: an earlier statement's name (dh = …) is one
                alt_text, known=lambda n: net.known(n) or n in defined, loss=net.spec.loss,  # name,
                gkey=net.spec.gkey, defined=defined,  # never d·h where d and h are sizes
                scalar=scalar,  # heldtex46: Σ with no index for a scalar's gradient sums every entry
            )
        except latexin.LatexError:
            pass
        else:
            if lhs_node is None or isinstance(lhs_node, ex.Name):
                tree = _per_example_columns_heldtex48(net, tree)
                return tree, (lhs_node.id if lhs_node is not None else None), text
    lhs = None
    body, offset = text, 0
    m = _PLAIN_LHS.match(text)
    if m:  # dL/db2 = sum(A2 - Y) / m: a forum post's left side names the gradient
        text = f"d{m.group(1)} = {text[m.end():]}"
    m = re.match(r"\s*([A-Za-z_][A-Za-z0-9_]*)(\.grad(?:\.data)?)?\s*=(?!=)", text)
    if m:  # dW2 = …, and PyTorch's W2.grad = … (the gradient of W2)
        lhs, body, offset = m.group(1), text[m.end() :], m.end()
        if m.group(2):
            lhs = "d" + lhs
    body = one_d_transposes_dropped(body)
    lead = len(body) - len(body.lstrip())
    try:
        if _numpy_rows(body):  # the language would read np.sum(X, axis=1) as a column
            raise ex.ExprError("a NumPy 1-D row sum", 0)
        if _softmax_of_1d_heldcheck35(body, net):  # the language would take it column-wise
            raise ex.ExprError("a softmax over a 1-D vector's only axis", 0)
        if _numpy_alike_heldcheck37(body, net):  # the language would take cp.subtract(a, b) as a method
            raise ex.ExprError("MXNet's nd / CuPy's cp: NumPy's functions", 0)
        return _numpy_reading(net, body), lhs, text
    except ex.ExprError as err:
        try:
            alt = _numpy_normalise(body, net, scalar, shapes)
        except _Unsupported as bad:
            raise FormulaError(bad.msg, 0, text) from None
        if alt is None and _JUXTAPOSED.search(body):  # 2h_relu.T @ …: a product, never code
            product = _JUXTAPOSED.sub(r"\g<0>*", body)
            try:
                tree = _numpy_reading(net, product)
                Convert(net, "")(tree)  # every name the network's: else maths typed, 2(wx + b)
            except (ex.ExprError, FormulaError):
                pass  # the caller reads it as maths (LaTeX)
            else:
                return tree, lhs, product
        if alt is not None:
            try:
                return _numpy_reading(net, alt), lhs, alt
            except ex.ExprError:
                pass
        typed = _typed_product_heldtex43(net, body, defined, lhs, scalar)
        if typed is not None:
            return typed, lhs, text
        col = offset + lead + err.col if err.col else 0
        detail = re.sub(r"column \d+", f"column {col}", err.message) if col else err.message
        raise FormulaError(msg("error.syntax", detail=_said(err, col, detail)), col, text) from None


def _class_sizes_heldtex43(net: Net) -> frozenset[str]:
    """The network's one-letter sizes that count no examples (its batch size left out): a
    sum's index naming one (``\\sum_k`` over k classes) sums along the rows (latexin.parse)."""
    batch = batch_name(net)
    return frozenset(d for d in net.spec.dims if len(d) == 1 and d != batch)


# heldtex43: a product typed as maths in a statement otherwise written as code (Karpathy's notes
# copied by hand, ``dW = X.T · dscores``, ``dh = dy · w2ᵀ``): Python has no ``·``/``×``/``⊙``
_TYPED_PRODUCT = re.compile(r"[·×⊙∘]")
_TYPED_FUNCTIONS = frozenset({"sigmoid", "softmax", "tanh", "exp", "log", "relu", "sum", "mean", "diag"})


def _typed_product_heldtex43(
    net: Net, body: str, defined: frozenset[str], lhs: str | None, scalar: bool = False
) -> ex.Node | None:
    """``body`` (the right side of one statement that Python cannot read) read by the maths
    reader where what stops Python is a typed product sign — ``·`` ``×`` ``⊙`` ``∘`` between
    operands — and nothing else is foreign to it: ``X.T · dscores`` is ``X^T · dscores`` (the
    maths reader settles a ``·`` between matrices as their product by the shapes, as for
    ``Xᵀ·δ₁``); None where the maths reader cannot read it either, or where the body holds no
    such sign (a code error stays the code reader's)."""
    if not _TYPED_PRODUCT.search(body) or re.search(r"[\[\]{}#'\"]|\*\*|@|\bnp\.|\baxis\b", body):
        return None
    maths = re.sub(r"\.T\b", "^T", body)

    def known(name: str) -> bool:
        return net.known(name) or name in defined

    # every word a name of the network or of an earlier statement (never split: x.T · dH is
    # never x^T · d · H, d and H sizes), or a function the maths reader knows
    words = re.findall(r"(?<![\w.])[A-Za-z_]\w*", re.sub(r"\^T\b|[ᵀ⊤]", " ", maths))
    if not all(known(w) or w in _TYPED_FUNCTIONS for w in words):
        return None
    # and code around it: a .T, or a name an earlier statement defined (dhidden, dy); typed maths
    # throughout (N = 2·inter + smooth) is the whole answer's to read as maths, not this line's
    # and code around it: a .T, a statement named as code names a gradient (dO = …), or a name
    # of two letters or more an earlier statement defined (dhidden, dy); typed maths throughout
    # (N = 2·inter + smooth, a where-clause's letters) is the whole answer's to read as maths
    code = re.search(r"\.T\b", body) or re.fullmatch(r"d[A-Za-z]\w*", lhs or "")
    if not code and not any(w in defined and len(w) > 1 for w in words):
        return None
    try:
        tree, lhs_node = latexin.parse(
            maths, known=known, loss=net.spec.loss, gkey=net.spec.gkey, defined=defined,
            # heldtex44: the batch as the whole answer's reading holds it (Ng's column-major
            # Σᵢ (A2 − Y) sums the columns, the examples; it summed the rows)
            batch=batch_name(net), example_cols=examples_in_columns(net), width=net.width,
            classes=_class_sizes_heldtex43(net),
            scalar=scalar,  # heldtex49: a bare Σ for a scalar's gradient sums every entry (as in LaTeX)
        )
    except latexin.LatexError:
        return None
    return tree if lhs_node is None else None


def _said(err: ex.ExprError, col: int, detail: str) -> str | catalog.Said:
    """The parser's message ``detail`` (English, its column moved to ``col`` in the whole
    formula) as its catalogue sentence where it has one, so it is said in the check's language;
    else ``detail``."""
    if err.sentence is None or err.sentence.key == "spec.syntax":  # Python's words: the table
        return detail
    said = err.sentence
    if col:
        said = catalog.Said(said.key, tuple((k, col if k == "col" else v) for k, v in said.args))
    return said if said.render("en") == detail else detail


# a number written against a name or a bracket (2v, 2(e - 5)): maths as typed, never code
_JUXTAPOSED = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![eE][-+]?\d)(?=[A-Za-z(])")


def _entries_lhs(net: Net, node: ex.Node) -> str | None:
    r"""A left side written as the matrix of a tensor's entry gradients, in their places
    (``\begin{bmatrix} ∂L/∂w_0 & ∂L/∂w_1 \end{bmatrix}``): ``dw``; else None."""
    if not (isinstance(node, ex.Call) and node.func == "concat"):
        return None
    rows = node.args if node.kwarg("axis") == ex.Num(Fraction(0)) else (node,)
    grid = [
        list(r.args) if isinstance(r, ex.Call) and r.func == "concat" else [r] for r in rows
    ]
    tensors = set()
    for i, row in enumerate(grid):
        for j, cell in enumerate(row):
            if not isinstance(cell, ex.Name) or not cell.id.startswith("d"):
                return None
            at = net.label_at.get(cell.id[1:])
            if at is None or at[1:] != (i, j):
                return None
            tensors.add(at[0])
    if len(tensors) != 1:
        return None
    tensor = tensors.pop()
    shape = tuple(int(x) for x in net.g.tensors[tensor].shape)
    return "d" + tensor if shape == (len(grid), len(grid[0])) else None


# how notes spell the loss in ∂·/∂W (latexin reads \ell and ℓ as L)
_LOSS_SPELLINGS = frozenset(latexin.LOSS_NAMES | {"l"})


def _loss_spelled_lhs(net: Net, lhs: ex.Node) -> ex.Node:
    """A left side ``∂ℓ/∂w`` (``∂L/∂w``, ``∂J/∂w``, …) whose numerator is spelled as a loss but
    reads as another node (``L`` found as the per-example losses ``l`` by its case, d2l's ``ℓ``):
    the network's loss — a left side names a gradient, and a node with more than one entry has
    none. Also the first factor of a chain written on the left (``∂ℓ/∂ŷ · ∂ŷ/∂w``)."""
    if isinstance(lhs, ex.BinOp) and lhs.op in ("·", "*", "@"):
        left = _loss_spelled_lhs(net, lhs.left)
        return lhs if left is lhs.left else ex.BinOp(lhs.op, left, lhs.right)
    if not (
        isinstance(lhs, ex.Call)
        and lhs.func == latexin.LEIBNIZ
        and len(lhs.args) == 2
        and all(isinstance(a, ex.Name) for a in lhs.args)
    ):
        return lhs
    num, den = (a.id for a in lhs.args)  # type: ignore[union-attr]
    if num not in _LOSS_SPELLINGS:
        return lhs
    found = net.resolve(num)
    if found is not None and found[0] != net.spec.loss and _entries(found[1]) == 1:
        return lhs  # a scalar node of that name: its own local derivative
    return ex.Name("d" + den)


def _entries(leaf: object) -> int:
    shape = getattr(leaf, "shape", ())
    n = 1
    for k in shape:
        n *= int(k)
    return n


def _chain_end(node: ex.Node) -> str | None:
    """A left side written as a chain rule, ``∂L/∂v · ∂v/∂u · ∂u/∂w`` (the loss's gradient
    first, then local derivatives each starting where the last one ended): ``dw``; else None."""
    factors: list[ex.Node] = []

    def flat(n: ex.Node) -> None:
        if isinstance(n, ex.BinOp) and n.op in ("·", "*", "@"):
            flat(n.left)
            flat(n.right)
        else:
            factors.append(n)

    flat(node)
    if len(factors) < 2 or not isinstance(factors[0], ex.Name) or not factors[0].id.startswith("d"):
        return None
    at = factors[0].id[1:]
    for f in factors[1:]:
        if not (
            isinstance(f, ex.Call)
            and f.func == latexin.LEIBNIZ
            and len(f.args) == 2
            and all(isinstance(a, ex.Name) for a in f.args)
            and f.args[0].id == at  # type: ignore[union-attr]
        ):
            return None
        at = f.args[1].id  # type: ignore[union-attr]
    return "d" + at


_NUMPY_MODULES = ("np", "numpy", "torch", "math", "jnp")
# a row or column repeated along its axis of one entry: a broadcast (_Numpy.tiled)
_TILES = frozenset({"repeat", "tile", "expand", "expand_as", "broadcast_to", "repeat_interleave"})
# Keras backend functions that are NumPy's of the same name and arguments (K.dot of matrices,
# K.sum(x, axis=0) without keepdims, …)
_KERAS_AS_NUMPY_HELDCHECK35 = frozenset(
    {"dot", "sum", "mean", "square", "sqrt", "exp", "log", "abs", "sign", "maximum", "minimum",
     "tanh", "transpose"}
)
_KERAS_OPS_HELDCHECK36 = ("ops", "keras.ops", "tf.keras.ops")  # Keras 3's backend-agnostic ops
_CROSS_MODULES_HELDCHECK27 = ("np", "numpy", "jnp", "torch", "torch.linalg")
_PLAIN_LHS = re.compile(r"\s*[d∂](?:L|J|E|C|loss|Loss)\s*/\s*[d∂]([A-Za-z_][A-Za-z0-9_]*)\s*=(?!=)")
_PLAIN_LEIBNIZ = re.compile(
    r"(?<![A-Za-z0-9_])d([A-Za-z][A-Za-z0-9_]*)\s*/\s*d([A-Za-z][A-Za-z0-9_]*)"
)



def _summed(parts: list[ex.Node | None]) -> ex.Node | None:
    """The sum of the contributions that are there (None when there are none)."""
    found = [p for p in parts if p is not None]
    if not found:
        return None
    out = found[0]
    for p in found[1:]:
        out = ex.BinOp("+", out, p)
    return out


def _plain_leibniz(net: Net, m: re.Match[str]) -> bool:
    """Is ``dA/dB`` Leibniz notation, not a division by a node whose name starts with d
    (``dy_hat / data`` where the network has a node ``data``)?"""
    return net.known(m.group(2)) or not net.known("d" + m.group(2))


def _leibniz_in(net: Net, text: str) -> bool:
    return any(_plain_leibniz(net, m) for m in _PLAIN_LEIBNIZ.finditer(text))


# TensorFlow's element-wise and row-wise functions under tf.nn / tf.math, as PyTorch names them
_TF_FUNCTIONS_HELDCHECK26 = frozenset(
    {"softmax", "log_softmax", "sigmoid", "tanh", "exp", "log", "relu", "softplus", "abs", "sqrt", "square"}
)


def _tf_submodule_function_heldcheck26(node: ast.Call) -> ast.Call | None:
    """``tf.nn.softmax(Z)`` / ``tf.math.sigmoid(Z)`` as ``torch.softmax(Z, -1)`` /
    ``torch.sigmoid(Z)``: the same function (TensorFlow's softmax is over the last axis unless
    ``axis=`` says otherwise); None for any other call."""
    f = node.func
    if not (
        isinstance(f, ast.Attribute)
        and isinstance(f.value, ast.Attribute)
        and isinstance(f.value.value, ast.Name)
        and f.value.value.id == "tf"
        and f.value.attr in ("nn", "math")
        and f.attr in _TF_FUNCTIONS_HELDCHECK26
    ):
        return None
    args, keywords = list(node.args), list(node.keywords)
    if any(k.arg not in ("axis", "name") for k in keywords) or len(args) > 2:
        return None
    keywords = [k for k in keywords if k.arg == "axis"]
    if f.attr in ("softmax", "log_softmax") and len(args) == 1 and not keywords:
        args.append(ast.Constant(-1))
    torch_fn = ast.Attribute(ast.Name("torch", ast.Load()), f.attr, ast.Load())
    return ast.fix_missing_locations(ast.Call(torch_fn, args, keywords))


# heldcheck37: array libraries with NumPy's names (MXNet's ``nd`` of the old d2l, CuPy's ``cp``)
_NUMPY_ALIKE_HELDCHECK37 = ("nd", "mx.nd", "mxnet.nd", "cp", "cupy")
_TF_COMPARE_HELDCHECK37 = {"greater": ast.Gt, "greater_equal": ast.GtE, "less": ast.Lt, "less_equal": ast.LtE}
_TF_BINARY_HELDCHECK37 = {"add": ast.Add, "subtract": ast.Sub, "multiply": ast.Mult, "divide": ast.Div}


_NUMPY_ALIKE_CALL_HELDCHECK37 = re.compile(r"(?<![\w.])(?:mx\.nd|mxnet\.nd|nd|cp|cupy)\.\w+\s*\(")


def _numpy_alike_heldcheck37(text: str, net: Net | None) -> bool:
    """Does ``text`` call MXNet's ``nd.…`` or CuPy's ``cp.…`` (a module, no name of ``net``)?"""
    return any(
        net is None or not net.known(m.group(0).split(".")[0])
        for m in _NUMPY_ALIKE_CALL_HELDCHECK37.finditer(text)
    )


def _row_max_of_heldcheck37(e: ast.expr, of: ast.expr) -> bool:
    """Is ``e`` the row-wise maximum of ``of``, kept as a column — ``np.max(of, axis=1,
    keepdims=True)`` (``np.amax``, ``jnp.max``, ``of.max(axis=-1, keepdims=True)``, PyTorch's
    ``of.max(dim=1, keepdim=True)[0]`` / ``.values``, ``torch.amax(of, dim=1, keepdim=True)``)?"""
    if isinstance(e, ast.Subscript) and isinstance(e.slice, ast.Constant) and e.slice.value == 0:
        e = e.value  # torch's (values, indices)[0]
    elif isinstance(e, ast.Attribute) and e.attr == "values":
        e = e.value
    if not (isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr in ("max", "amax")):
        return False
    args, f = list(e.args), e.func
    if isinstance(f.value, ast.Name) and f.value.id in ("np", "numpy", "jnp", "torch"):
        if not args:
            return False
        arg, rest = args[0], args[1:]
    else:
        arg, rest = f.value, args
    kws = {k.arg: k.value for k in e.keywords}
    if len(rest) > 1 or set(kws) - {"axis", "dim", "keepdims", "keepdim"}:
        return False
    axis = rest[0] if rest else kws.get("axis", kws.get("dim"))
    keep = kws.get("keepdims", kws.get("keepdim"))
    try:
        ok = axis is not None and ast.literal_eval(axis) in (1, -1) and keep is not None and ast.literal_eval(keep) is True
    except ValueError:
        return False
    return ok and ast.dump(arg) == ast.dump(of)


def _aliased_call_heldcheck37(node: ast.Call, is_tensor: Callable[[str], bool]) -> ast.expr | None:
    """A call of a library that spells NumPy's or TensorFlow's functions another way, as the
    spelling the reader knows; None for any other call (also where the module's name is a
    tensor of the network):

    - MXNet's ``nd.dot(a, b, transpose_a=True)`` (``a.T @ b``), CuPy's ``cp.dot``/``cp.sum``/…,
      ``nd.relu``/``nd.sigmoid``/``nd.softmax(x, axis=1)`` as NumPy's/PyTorch's function,
      ``cp.asnumpy(a)``/``cp.asarray(a)``/``nd.array(a)`` the array itself;
    - PyTorch's ``F.leaky_relu(x, s)`` as ``np.where(x > 0, x, s * x)`` (where the NumPy reader reads it);
    - TensorFlow's ``tf.math.subtract``/``multiply``/``add``/``divide`` and ``tf.greater`` (``tf.math.…``)
      as the operator, ``tf.math.reduce_sum`` as ``tf.reduce_sum``, ``tf.tensordot(a, b, axes)`` as
      NumPy's ``np.tensordot``."""
    f = node.func
    if not isinstance(f, ast.Attribute):
        return None
    base = ast.unparse(f.value)
    root = base.split(".")[0]
    if is_tensor(root):
        return None
    args, kws = list(node.args), list(node.keywords)
    name = f.attr

    def module(mod: str) -> ast.expr:
        return ast.Attribute(ast.Name(mod, ast.Load()), name, ast.Load())

    if base in _NUMPY_ALIKE_HELDCHECK37:
        if name in ("asnumpy", "asarray", "array", "as_np_ndarray") and len(args) == 1 and not kws:
            return args[0]
        if name == "dot" and len(args) == 2 and all(k.arg in ("transpose_a", "transpose_b") for k in kws):
            a, b = args
            for k in kws:
                flag = k.value
                if not (isinstance(flag, ast.Constant) and isinstance(flag.value, bool)):
                    return None
                if flag.value and k.arg == "transpose_a":
                    a = ast.Attribute(a, "T", ast.Load())
                elif flag.value:
                    b = ast.Attribute(b, "T", ast.Load())
            return ast.BinOp(a, ast.MatMult(), b)
        if name in ("relu", "sigmoid") and len(args) == 1 and not kws:
            return ast.Call(module("torch"), args, [])
        if name in ("softmax", "log_softmax") and len(args) <= 2 and all(k.arg == "axis" for k in kws):
            axis = args[1] if len(args) == 2 else kws[0].value if kws else ast.Constant(-1)
            return ast.Call(module("torch"), [args[0], axis], [])
        if kws and any(k.arg not in ("axis", "keepdims") for k in kws):
            return None
        return ast.Call(module("np"), args, kws)
    if base in ("F", "nn.functional", "torch.nn.functional") and name == "leaky_relu" and 1 <= len(args) + len(kws) <= 2:
        slope = args[1] if len(args) == 2 else kws[0].value if kws and kws[0].arg == "negative_slope" else None
        if slope is None and (kws or len(args) != 1):
            return None
        slope = slope if slope is not None else ast.Constant(0.01)  # PyTorch's default slope
        x = args[0]  # F.leaky_relu(x, s): x where x > 0, s·x elsewhere (0 at 0 either way)
        return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), "where", ast.Load()), [
            ast.Compare(copy.deepcopy(x), [ast.Gt()], [ast.Constant(0)]), x, ast.BinOp(slope, ast.Mult(), copy.deepcopy(x))], [])
    if base in ("tf", "tf.math") and not kws and len(args) == 2:
        if name in _TF_COMPARE_HELDCHECK37:
            return ast.Compare(args[0], [_TF_COMPARE_HELDCHECK37[name]()], [args[1]])
        if name in _TF_BINARY_HELDCHECK37:
            return ast.BinOp(args[0], _TF_BINARY_HELDCHECK37[name](), args[1])
    if base == "tf.math" and name.startswith("reduce_"):
        return ast.Call(module("tf"), args, kws)
    if base == "tf" and name == "tensordot" and len(args) + len(kws) == 3 and all(k.arg == "axes" for k in kws):
        try:
            axes = ast.literal_eval(args[2] if len(args) == 3 else kws[0].value)
        except ValueError:
            return None
        if axes == 1:
            axes = [[1], [0]]
        if not (
            isinstance(axes, (list, tuple)) and len(axes) == 2
            and all(isinstance(a, (list, tuple)) and len(a) == 1 and a[0] in (0, 1, -1) for a in axes)
        ):
            return None  # a contraction over two axes, or of a 3-D tensor: not read here
        a, b = args[:2]
        if axes[0][0] == 0:  # tf.tensordot(a, b, [[0], [0]]): aᵀ b
            a = ast.Attribute(a, "T", ast.Load())
        if axes[1][0] in (1, -1):
            b = ast.Attribute(b, "T", ast.Load())
        return ast.BinOp(a, ast.MatMult(), b)
    return None



_NP_HELDCHECK41 = ("np", "numpy", "jnp", "jax.numpy", "cp", "cupy")


_CONV_NAMES_CV42 = {"correlate2d": "correlate2d", "convolve2d": "convolve2d"}
_CONV_MODULES_CV42 = frozenset({"", "signal", "scipy.signal"})


def _conv_spellings_cv42(node: ast.Call) -> ast.Call | None:
    """conv42: a gradient of a convolution as a student writes it with SciPy and NumPy —
    ``correlate2d(X, dZ)`` / ``signal.correlate2d(X, dZ, mode='valid')``, ``convolve2d(dZ, K,
    mode='full')`` (the language's ``correlate2d``/``convolve2d`` and their ``_full`` forms),
    ``np.flip(K)`` (no axis) and ``np.rot90(K, 2)`` (the language's ``rot180(K)``); ``None``
    where ``node`` is none of them (or another mode, left to the reader's refusal)."""
    dotted = called_name(node)
    if not dotted:
        return None
    head, _, last = dotted.rpartition(".")
    kw = {k.arg: k.value for k in node.keywords}
    if head in _NUMPY_MODULES and last == "flip" and len(node.args) == 1 and not kw:
        return ast.Call(ast.Name("rot180", ast.Load()), node.args, [])
    if head in _NUMPY_MODULES and last == "rot90" and len(node.args) == 2 and not kw:
        k = node.args[1]
        if isinstance(k, ast.Constant) and k.value in (2, -2):
            return ast.Call(ast.Name("rot180", ast.Load()), node.args[:1], [])
        return None
    if head not in _CONV_MODULES_CV42 or last not in _CONV_NAMES_CV42 or len(node.args) not in (2, 3):
        return None
    mode = node.args[2] if len(node.args) == 3 else kw.pop("mode", None)
    if kw or not (mode is None and head == "" or isinstance(mode, ast.Constant) and mode.value in ("valid", "full")):
        return None  # SciPy's default is 'full': only the language's bare name means 'valid'
    full = mode is not None and mode.value == "full"  # type: ignore[union-attr]
    if head == "" and mode is None:
        return None  # the language's own name, as it is
    name = _CONV_NAMES_CV42[last] + ("_full" if full else "")
    return ast.Call(ast.Name(name, ast.Load()), node.args[:2], [])


def _axes_cv43(node: ast.AST | None) -> tuple[int, ...] | None:
    """conv43: the axes of a flip as written (``0``, ``(0, 1)``, ``[1]``, ``-1``); ``None`` where
    it is not whole numbers."""
    if node is None:
        return (0, 1)
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    items = value if isinstance(value, (tuple, list)) else (value,)
    if not items or not all(isinstance(k, int) and not isinstance(k, bool) and k in (0, 1, -1, -2) for k in items):
        return None
    return tuple(sorted({k % 2 for k in items}))


def _conv_spellings_cv43(node: ast.Call) -> ast.Call | None:
    """conv43: more of a convolution's gradient as students write it — a flip of ONE axis
    (``np.flip(K, axis=0)``, ``np.flipud``/``np.fliplr``, ``torch.flip(K, [0])``: the rows or
    the columns reversed, which is not the 180° turn ``rot180``; both axes are ``rot180``),
    SciPy's N-D ``correlate``/
    ``convolve`` of matrices, NumPy's 1-D ``np.correlate(x, dz, 'valid')`` (its default) and
    ``np.convolve`` (default 'full'), ``mode='same'`` and the keywords ``stride=``/``padding=``
    ('valid') and ``crop=`` ('full') of derive's own helper. ``None`` for anything else."""
    dotted = called_name(node)
    if not dotted:
        return None
    head, _, last = dotted.rpartition(".")
    kw = {k.arg: k.value for k in node.keywords}
    if head in _NUMPY_MODULES and last in ("flip", "flipud", "fliplr") and len(node.args) in (1, 2):
        given = node.args[1] if len(node.args) == 2 else kw.get("axis", kw.get("dims"))
        if last == "flip" and given is None and head != "torch":
            return None  # np.flip(K): conv42's rot180
        axes = (0,) if last == "flipud" else (1,) if last == "fliplr" else _axes_cv43(given)
        if axes is None or set(kw) - {"axis", "dims"}:
            return None
        name = {(0,): "flip_rows", (1,): "flip_cols"}.get(axes, "rot180")
        return ast.Call(ast.Name(name, ast.Load()), node.args[:1], [])
    scipy = head in ("signal", "scipy.signal") and last in ("correlate", "convolve", "correlate2d", "convolve2d")
    numpy = head in _NP_HELDCHECK41 and last in ("correlate", "convolve")
    own = head == "" and last in ("correlate2d", "convolve2d")
    if not (scipy or numpy or own) or len(node.args) not in (2, 3):
        return None
    mode = node.args[2] if len(node.args) == 3 else kw.pop("mode", None)
    extra = {k: v for k, v in kw.items() if k in ("stride", "padding", "crop")}
    if set(kw) - set(extra) or mode is not None and not (isinstance(mode, ast.Constant) and mode.value in ("valid", "full", "same")):
        return None
    if own and mode is None or not (scipy or numpy or extra or mode is not None and mode.value == "same"):
        return None  # the language's own call as it is (conv42's spellings read the rest)
    default = "valid" if own or numpy and last == "correlate" else "full"
    mode_name = default if mode is None else mode.value  # type: ignore[union-attr]
    base = "convolve2d" if "convolve" in last else "correlate2d"
    keys = [ast.keyword(k, v) for k, v in extra.items()]
    if mode_name == "same":  # (k − 1)/2 zeros around the image: the reader sizes it
        keys.append(ast.keyword("same", ast.Constant(1)))
    name = base + ("_full" if mode_name == "full" else "")
    if (mode_name == "full") != (not ({"stride", "padding", "same"} & {k.arg for k in keys})) and keys:
        return None  # stride=/padding= belong to 'valid', crop= to 'full'
    return ast.Call(ast.Name(name, ast.Load()), node.args[:2], keys)


def _ufunc_spellings_heldcheck41(node: ast.Call) -> ast.expr | None:
    """heldcheck41: NumPy spellings of functions the reader has, as those functions —
    ``np.add.reduce(x, axis=k, keepdims=…)`` is ``np.sum(x, axis=k, …)`` (its axis 0 unless
    given; ``axis=None`` the whole sum); ``np.select([c1, c2], [v1, v2], default=d)`` is
    ``np.where(c1, v1, np.where(c2, v2, d))``; ``np.moveaxis(a, 0, -1)`` of a matrix is ``a.T``;
    ``torch.ones_like``/``zeros_like`` NumPy's. None for any other call."""
    f = node.func
    if not isinstance(f, ast.Attribute):
        return None
    base = ast.unparse(f.value)
    kws = {k.arg: k.value for k in node.keywords}
    np_attr = lambda name: ast.Attribute(ast.Name("np", ast.Load()), name, ast.Load())  # noqa: E731
    if f.attr == "reduce" and base in tuple(f"{m}.add" for m in _NP_HELDCHECK41):
        if not 1 <= len(node.args) <= 2 or set(kws) - {"axis", "keepdims"} or (len(node.args) == 2 and "axis" in kws):
            return None
        axis = node.args[1] if len(node.args) == 2 else kws.get("axis", ast.Constant(0))
        keep = [ast.keyword("keepdims", kws["keepdims"])] if "keepdims" in kws else []
        if isinstance(axis, ast.Constant) and axis.value is None:
            return ast.Call(np_attr("sum"), [node.args[0]], keep)
        return ast.Call(np_attr("sum"), [node.args[0]], [ast.keyword("axis", axis), *keep])
    if f.attr == "select" and base in _NP_HELDCHECK41:
        conds = node.args[0] if node.args else kws.get("condlist")
        values = node.args[1] if len(node.args) > 1 else kws.get("choicelist")
        default = node.args[2] if len(node.args) > 2 else kws.get("default", ast.Constant(0))
        if not (isinstance(conds, (ast.List, ast.Tuple)) and isinstance(values, (ast.List, ast.Tuple))
                and len(conds.elts) == len(values.elts) >= 1 and len(node.args) + len(kws) <= 3):
            return None
        out = default
        for c, v in reversed(list(zip(conds.elts, values.elts))):
            out = ast.Call(np_attr("where"), [c, v, out], [])
        return out
    if f.attr == "moveaxis" and base in _NP_HELDCHECK41 and len(node.args) == 3 and not kws:
        try:
            s_, d_ = ast.literal_eval(node.args[1]), ast.literal_eval(node.args[2])
        except (ValueError, TypeError, SyntaxError):
            return None
        if s_ in (0, 1, -1, -2) and d_ in (0, 1, -1, -2) and s_ % 2 != d_ % 2:
            return ast.Attribute(node.args[0], "T", ast.Load())
        return None
    if f.attr in ("ones_like", "zeros_like") and base == "torch" and len(node.args) == 1 and not kws:
        zero = ast.BinOp(ast.Constant(0.0), ast.Mult(), node.args[0])  # its shape, every entry 0 (or 1)
        return zero if f.attr == "zeros_like" else ast.BinOp(zero, ast.Add(), ast.Constant(1.0))
    return None


# heldcheck38: more array libraries' spellings of NumPy's and PyTorch's functions
_PADDLE_AS_NUMPY_HELDCHECK38 = frozenset({
    "exp", "log", "tanh", "sqrt", "square", "abs", "maximum", "minimum", "multiply", "subtract", "add",
    "divide", "where", "zeros_like", "ones_like", "outer", "dot", "sign",
})
_ACTIVATIONS_HELDCHECK38 = ("relu", "sigmoid", "tanh")
_TORCH_BINARY_HELDCHECK38 = {"add": ast.Add, "sub": ast.Sub, "subtract": ast.Sub, "mul": ast.Mult,
                             "multiply": ast.Mult, "div": ast.Div, "divide": ast.Div, "true_divide": ast.Div}
_REDUCE_PRIMITIVES_HELDCHECK38 = {"ReduceSum": "sum", "ReduceMean": "mean"}


def _flag_heldcheck38(v: ast.expr) -> bool | None:
    return v.value if isinstance(v, ast.Constant) and isinstance(v.value, bool) else None


def _transposed_product_heldcheck38(a: ast.expr, b: ast.expr, flags: dict[str, ast.expr], ta: str, tb: str) -> ast.expr | None:
    """``a @ b`` with ``a``/``b`` transposed where the flag named ``ta``/``tb`` is True (Paddle's
    ``transpose_x``, Chainer's ``transa``); None where a flag is not a literal True/False."""
    for key, v in flags.items():
        on = _flag_heldcheck38(v)
        if key not in (ta, tb) or on is None:
            return None
        if on and key == ta:
            a = ast.Attribute(a, "T", ast.Load())
        elif on:
            b = ast.Attribute(b, "T", ast.Load())
    return ast.BinOp(a, ast.MatMult(), b)


def _reduced_heldcheck38(fn: str, x: ast.expr, axis: ast.expr | None, keep: ast.expr | None) -> ast.expr:
    """``np.sum``/``np.mean`` of ``x`` along ``axis`` (all of it where None), ``keepdims`` as given."""
    kws = [] if axis is None else [ast.keyword("axis", axis)]
    if keep is not None:
        kws.append(ast.keyword("keepdims", keep))
    return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), fn, ast.Load()), [x], kws)


def _aliased_call_heldcheck38(node: ast.Call, is_tensor: Callable[[str], bool]) -> ast.expr | None:
    """Calls of PaddlePaddle, MindSpore, Chainer, MXNet's numpy interface (``npx``), scikit-learn
    and a few more TensorFlow/PyTorch names, as the spelling the reader knows; None for any other
    call (also where the module's name is a tensor of the network):

    - ``paddle.matmul(x, y, transpose_x=True)`` (xᵀy), ``paddle.t(x)``/``paddle.transpose(x,
      perm=[1, 0])`` (xᵀ), ``paddle.sum/mean(x, axis=0, keepdim=True)`` (NumPy's with
      ``keepdims``), ``paddle.to_tensor(x)`` (x), ``paddle.exp``/``multiply``/``where``/… as
      NumPy's; ``paddle.nn.functional``'s/``npx``'s/``tf.keras.activations``' ``relu``/
      ``sigmoid``/``softmax(x, axis)`` as PyTorch's;
    - MindSpore's primitives ``ops.ReduceSum(keep_dims=True)(x, 0)``/``ReduceMean`` and
      ``ops.softmax(x, axis=…)``; Chainer's ``F.matmul(a, b, transa=True)``, ``F.sum(x, axis,
      keepdims)``;
    - scikit-learn's ``safe_sparse_dot(a, b)`` (a @ b); ``K.greater(a, b)``/``K.less…`` the
      comparison; ``torch.sub/mul/add/div(a, b)`` the operator, ``torch.numel(x)`` ``x.numel()``,
      ``torch.linalg.multi_dot([a, b, c])`` ``a @ b @ c``; ``tf.linalg.matmul`` ``tf.matmul``."""
    f = node.func
    args, kws = list(node.args), {k.arg: k.value for k in node.keywords}
    if None in kws:
        return None
    if isinstance(f, ast.Name) and f.id == "safe_sparse_dot" and not is_tensor(f.id):
        if len(args) == 2 and set(kws) <= {"dense_output"}:
            return ast.BinOp(args[0], ast.MatMult(), args[1])
        return None
    if (  # MindSpore's primitive object called: ops.ReduceSum(keep_dims=True)(x, axis)
        isinstance(f, ast.Call) and isinstance(f.func, ast.Attribute)
        and ast.unparse(f.func.value) in ("ops", "P", "mindspore.ops", "ms.ops")
        and f.func.attr in _REDUCE_PRIMITIVES_HELDCHECK38
        and not f.args and all(k.arg == "keep_dims" for k in f.keywords)
        and 1 <= len(args) <= 2 and not kws
    ):
        keep = f.keywords[0].value if f.keywords else ast.Constant(False)
        return _reduced_heldcheck38(_REDUCE_PRIMITIVES_HELDCHECK38[f.func.attr], args[0], args[1] if len(args) == 2 else None, keep)
    if not isinstance(f, ast.Attribute):
        return None
    base, name = ast.unparse(f.value), f.attr
    if is_tensor(base.split(".")[0]):
        return None

    def np_call(fn: str, a: list[ast.expr], k: list[ast.keyword] | None = None) -> ast.expr:
        return ast.Call(ast.Attribute(ast.Name("np", ast.Load()), fn, ast.Load()), a, k or [])

    def torch_call(fn: str, a: list[ast.expr]) -> ast.expr:
        return ast.Call(ast.Attribute(ast.Name("torch", ast.Load()), fn, ast.Load()), a, [])

    def softmax(axis_keys: tuple[str, ...]) -> ast.expr | None:
        if len(args) > 2 or set(kws) - set(axis_keys) or not args:
            return None
        axis = args[1] if len(args) == 2 else next((kws[k] for k in axis_keys if k in kws), ast.Constant(-1))
        return torch_call(name, [args[0], axis])

    functional = base in ("paddle.nn.functional", "npx", "mx.npx", "mxnet.npx", "tf.keras.activations",
                          "keras.activations", "ops", "mindspore.ops")
    if functional and name in _ACTIVATIONS_HELDCHECK38 and len(args) == 1 and not kws:
        return torch_call(name, args)
    if functional and name in ("softmax", "log_softmax"):
        return softmax(("axis",))
    if base in ("F", "torch.nn.functional", "nn.functional") and name in ("softmax", "log_softmax"):
        return softmax(("axis", "dim"))  # PyTorch's dim (paddle.nn.functional as F: axis)
    if base == "paddle":
        if name in ("matmul", "mm") and len(args) == 2:
            return _transposed_product_heldcheck38(args[0], args[1], kws, "transpose_x", "transpose_y")
        if name == "t" and len(args) == 1 and not kws:
            return ast.Attribute(args[0], "T", ast.Load())
        if name == "transpose" and 1 <= len(args) <= 2 and set(kws) <= {"perm"}:
            perm = args[1] if len(args) == 2 else kws.get("perm")
            try:
                ok = perm is not None and list(ast.literal_eval(perm)) == [1, 0]
            except (ValueError, TypeError):
                ok = False
            return ast.Attribute(args[0], "T", ast.Load()) if ok else None
        if name in ("to_tensor", "assign") and len(args) == 1 and set(kws) <= {"dtype"}:
            return args[0]
        if name in ("sum", "mean") and 1 <= len(args) <= 2 and set(kws) <= {"axis", "keepdim"}:
            return _reduced_heldcheck38(name, args[0], args[1] if len(args) == 2 else kws.get("axis"), kws.get("keepdim"))
        if name == "cast" and len(args) == 2 and not kws:
            return ast.Call(ast.Attribute(args[0], "astype", ast.Load()), [args[1]], [])
        if name in _PADDLE_AS_NUMPY_HELDCHECK38 and not kws:
            return np_call(name, args)
        return None
    if base == "F" and name == "matmul" and len(args) == 2:  # Chainer's chainer.functions
        return _transposed_product_heldcheck38(args[0], args[1], kws, "transa", "transb")
    if base in ("F", "chainer.functions") and name == "sum" and len(args) <= 2 and set(kws) <= {"axis", "keepdims"} and args:
        return _reduced_heldcheck38("sum", args[0], args[1] if len(args) == 2 else kws.get("axis"), kws.get("keepdims"))
    if base in ("K", "keras.backend", "tf.keras.backend") and name in _TF_COMPARE_HELDCHECK37 and len(args) == 2 and not kws:
        return ast.Compare(args[0], [_TF_COMPARE_HELDCHECK37[name]()], [args[1]])
    if base in ("K", "keras.backend", "tf.keras.backend") and name == "cast" and len(args) == 2 and not kws:
        return ast.Call(ast.Attribute(args[0], "astype", ast.Load()), [args[1]], [])
    if base == "torch" and name in _TORCH_BINARY_HELDCHECK38 and len(args) == 2 and not kws:
        return ast.BinOp(args[0], _TORCH_BINARY_HELDCHECK38[name](), args[1])
    if base == "torch" and name == "numel" and len(args) == 1 and not kws:
        return ast.Call(ast.Attribute(args[0], "numel", ast.Load()), [], [])
    if base == "torch.linalg" and name == "multi_dot" and len(args) == 1 and not kws and isinstance(args[0], (ast.List, ast.Tuple)) and len(args[0].elts) >= 2:
        out = args[0].elts[0]
        for e in args[0].elts[1:]:
            out = ast.BinOp(out, ast.MatMult(), e)
        return out
    if base == "tf.linalg" and name == "matmul":
        return ast.Call(ast.Attribute(ast.Name("tf", ast.Load()), "matmul", ast.Load()), args, list(node.keywords))
    return None


# NumPy / PyTorch spellings that are read (``np.`` prefix; all rewritten to the language)
SUPPORTED_NUMPY = (  # code only: the list is shown as is in every language
    "np.dot",
    "np.matmul",
    "np.multiply",
    "np.divide",
    "np.add",
    "np.subtract",
    "np.transpose",
    "np.sum",
    "np.mean",
    "np.average(x, axis=k)",
    "np.squeeze",
    "np.exp",
    "np.log",
    "np.tanh",
    "np.maximum(0, x)",
    "np.maximum/np.minimum(a, b)",
    "np.einsum('ij,jk->ik', a, b)",
    "np.tensordot(a, b, axes=([0], [0]))",
    "np.heaviside",
    "np.where",
    "np.sign",
    "np.abs",
    "np.logical_and/np.logical_or, M1 & M2, M1 | M2",
    "np.greater",
    "np.greater_equal",
    "np.less",
    "np.less_equal",
    "np.not_equal",
    "np.square",
    "np.power",
    "np.sqrt",
    "np.sin/np.cos/np.tan/np.arctan, np.sinh/np.cosh",
    "np.outer",
    "np.ones((r, c)), np.ones((1, m)) @ x",
    "np.zeros_like(x); dW += …; dW[a:b] += …",
    "np.vstack([…, np.zeros((r, c))])",
    "np.prod(x.shape)",
    "x.reshape(-1, 1)",
    "x.reshape(W.shape)",
    "x[:, None]",
    "np.expand_dims",
    "softmax(x, axis=1)",
    "np.int64/np.float64/np.array(x)",
    "x.astype(float)",
    "x.T",
    "x.dot",
    "x.sum",
    "x.mean",
    "x.item()",
    "x.shape[k]",
    "len(x)",
    "float(x)",
    "torch.sigmoid",
    "torch.relu",
    "x.float()",
    "sigmoid_prime(Z)",
    "relu_backward(dA, Z)",
    "sigmoid_backward(dA, Z)",
    "tanh_backward(dA, Z)",
)
_ABS = ("abs", "absolute", "fabs")  # np.abs, np.absolute, np.fabs, torch.abs, x.abs(): |x|
_DTYPES = {
    "float",
    "int",
    "bool",
    "double",
    "single",
    "float64",
    "float32",
    "float16",
    "float_",
    "int64",
    "int32",
    "int16",
    "int8",
    "int_",
    "uint8",
    "bool_",
    "f8",
    "f4",
    "i8",
    "i4",
    "f",
    "d",
    "long",
}
_FLOAT_DTYPES = {
    "float",
    "double",
    "single",
    "float64",
    "float32",
    "float16",
    "float_",
    "f8",
    "f4",
    "f",
    "d",
}
_PRIME = re.compile(r"(\w+?)_?(?:prime|derivative|deriv|grad)")  # sigmoid_prime(z), tanh_derivative(z)
_BACKWARD = "_backward"  # course helpers: relu_backward(dA, Z) = dA * relu'(Z), for any activation


def _einsum(
    args: list[ast.expr], orient: Callable[[ast.expr, int], ast.expr] | None = None
) -> ast.expr:
    """``np.einsum`` of one or two matrices written with ``@``, ``.T``, ``*`` and sums:
    ``'ij,jk->ik'`` (and every transposed variant), ``'ij,ij->ij'``, ``'ij->j'`` (column sums),
    ``'ij->i'``, ``'ij->'``, ``'ij->ji'``. Anything else (three operands, traces, batch indices)
    is refused with the forms that are read."""
    spec = args[0]
    if not (isinstance(spec, ast.Constant) and isinstance(spec.value, str)):
        raise _Unsupported(msg("error.einsum", spec="?"))
    folded = orient and _einsum_vector_folded(spec.value.replace(" ", ""), args[1:], orient)
    if folded:  # 'bi,b,bj->ij': the 1-D operand scales the rows of x
        return _einsum(folded, orient)
    text = _no_ellipsis(spec.value.replace(" ", ""), len(args) - 1)
    if text is None:
        raise _Unsupported(msg("error.einsum", spec=spec.value))
    m = re.fullmatch(r"([a-z]{2})(?:,([a-z]{2}))?->([a-z]{0,2})", text)
    if m is None or (m.group(2) is None) != (len(args) == 2):
        raise _Unsupported(msg("error.einsum", spec=text))
    a, b, out = m.group(1), m.group(2), m.group(3)
    if a[0] == a[1] or (b and b[0] == b[1]) or (out and len(set(out)) != len(out)):
        raise _Unsupported(msg("error.einsum", spec=text))

    def oriented(node: ast.expr, have: str, want: str) -> ast.expr:
        return node if have == want else ast.Attribute(node, "T", ast.Load())

    x = args[1]
    if b is None:  # one operand: transpose or sums
        if out == "":
            return ast.Call(ast.Name("sum", ast.Load()), [x], [])
        if len(out) == 2 and set(out) == set(a):
            return oriented(x, a, out)
        if len(out) == 1 and out in a:
            axis = a.index(out) ^ 1  # the summed index's axis
            summed = ast.Call(ast.Name("sum", ast.Load()), [x], [ast.keyword("axis", _c(axis))])
            return summed if axis == 0 else ast.Attribute(summed, "T", ast.Load())
        raise _Unsupported(msg("error.einsum", spec=text))
    y = args[2]
    shared = set(a) & set(b)
    if len(out) == 2 and set(a) == set(b) == set(out):  # element-wise product
        return ast.BinOp(oriented(x, a, out), ast.Mult(), oriented(y, b, out))
    if len(out) == 1 and set(a) == set(b) and out in a:  # 'ij,ij->j': a product's sums
        prod = ast.BinOp(x, ast.Mult(), oriented(y, b, a))
        axis = a.index(out) ^ 1
        summed = ast.Call(ast.Name("sum", ast.Load()), [prod], [ast.keyword("axis", _c(axis))])
        return summed if axis == 0 else ast.Attribute(summed, "T", ast.Load())
    if out == "" and set(a) == set(b):  # 'ij,ij->': the sum of a product
        return ast.Call(ast.Name("sum", ast.Load()), [ast.BinOp(x, ast.Mult(), oriented(y, b, a))], [])
    if len(out) == 2 and len(shared) == 1 and not shared & set(out):
        (k,) = shared
        i, j = out
        if set(a) == {i, k} and set(b) == {k, j}:
            return ast.BinOp(oriented(x, a, i + k), ast.MatMult(), oriented(y, b, k + j))
        if set(b) == {i, k} and set(a) == {k, j}:  # 'ij,kj->ki': the second operand first
            return ast.BinOp(oriented(y, b, i + k), ast.MatMult(), oriented(x, a, k + j))
    raise _Unsupported(msg("error.einsum", spec=text))


def _einsum_1d_outer_heldcheck29(node: ast.Call, one_d: frozenset[str] = frozenset()) -> ast.Call | None:
    """``np.einsum('i,j->ij', u, v)`` as ``np.outer(u, v)`` (``'i,j->ji'``: ``np.outer(v, u)``)
    where both operands are 1-D by their spelling (``X[0]``, ``A1[:, 0]``, ``(…)[0]``) or are
    names in ``one_d`` (the network's 1-D vectors and the derivation's 1-D steps, :func:`vectors`),
    as NumPy computes it; None for any other call or einsum, or where an operand may be a matrix
    (NumPy refuses one letter for two axes). Before the operands are read: a one-row matrix's
    ``X[0]`` is then X itself."""
    f, args = node.func, node.args
    if not (
        isinstance(f, ast.Attribute) and f.attr == "einsum" and isinstance(f.value, ast.Name)
        and not node.keywords
    ):
        return None
    spec = args[0] if len(args) == 3 else None
    if not (isinstance(spec, ast.Constant) and isinstance(spec.value, str)):
        return None
    m = re.fullmatch(r"([a-z]),([a-z])->([a-z]{2})", spec.value.replace(" ", ""))
    if m is None or m.group(1) == m.group(2) or set(m.group(3)) != {m.group(1), m.group(2)}:
        return None
    if not all(_vector_1d(a) or isinstance(a, ast.Name) and a.id in one_d for a in args[1:]):
        return None
    pair = [args[1], args[2]] if m.group(3) == m.group(1) + m.group(2) else [args[2], args[1]]
    return ast.Call(ast.Attribute(f.value, "outer", ast.Load()), pair, [])


def _einsum_vector_folded(
    text: str, operands: list[ast.expr], orient: Callable[[ast.expr, int], ast.expr]
) -> list[ast.expr] | None:
    """An einsum with a 1-D operand (``'bi,b,bj->ij'``, ``'bj,b->bj'``: a weight per row or
    column) as the einsum of the others, the vector multiplied into the first matrix that
    shares its letter (``x * v[:, None]`` along its rows, ``x * v[None, :]`` along its
    columns; ``orient(v, axis)`` writes ``v`` with the new axis): the same sum, term by term.
    None where no operand is one letter a matrix shares (NumPy's 1-D forms ``'ij,j->i'``,
    ``'i,i->'`` are read as before)."""
    lhs, arrow, out = text.partition("->")
    subs = lhs.split(",")
    if not arrow or "." in text or len(subs) != len(operands) or len(subs) < 2:
        return None
    for k, sub in enumerate(subs):
        for j, other in enumerate(subs):
            if len(sub) != 1 or j == k or len(other) != 2 or sub not in other or other[0] == other[1]:
                continue
            if len(subs) == 2 and len(out) < 2:
                return None  # 'ij,j->i', 'i,ij->j': a matrix-vector product, read elsewhere
            vec = orient(operands[k], 1 if other.index(sub) == 0 else 0)
            scaled = ast.BinOp(operands[j], ast.Mult(), vec)
            rest = [scaled if i == j else x for i, x in enumerate(operands) if i != k]
            spec = ",".join(x for i, x in enumerate(subs) if i != k) + "->" + out
            return [_c(spec), *rest]
    return None


def _diag_vector(node: ast.expr) -> ast.expr | None:
    """``v`` of ``np.diag(v)`` / ``np.diagflat(v)`` / ``torch.diag(v)`` (one argument), with a
    ``.ravel()``/``.flatten()``/``.squeeze()``/``.reshape(-1)`` or ``[:, 0]`` that makes a
    column 1-D left out (the diagonal matrix is the same); else None."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("diag", "diagflat")
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in ("np", "numpy", "torch", "jnp")
        and len(node.args) == 1
        and not node.keywords
    ):
        return None
    v = node.args[0]
    if (
        isinstance(v, ast.Call)
        and isinstance(v.func, ast.Attribute)
        and not v.keywords
        and (
            v.func.attr in ("ravel", "flatten", "squeeze") and not v.args
            or v.func.attr == "reshape" and len(v.args) == 1 and _int_literal(v.args[0]) == -1
        )
    ):
        return v.func.value
    if isinstance(v, ast.Subscript) and ast.unparse(v.slice) in (":, 0", "0, :"):
        return v.value
    return v


def _one_d_axis(net: Net, name: str, k: int) -> int:
    """The axis of the graph's tensor that ``name.shape[k]`` / ``len(name)`` means: a 1-D
    tensor of the spec (``t = ["B"]``) is held as a 1 × B row, and NumPy's ``t.shape[0]``
    (``len(t)``, ``t.shape[-1]``) is its length B, the row's axis 1; it has no axis 1."""
    one_d = net.spec.one_d
    if name not in one_d and not any(name.startswith(h) and name[len(h):] in one_d for h in ("d_", "d")):
        return k
    if k not in (0, -1):
        raise _Unsupported(msg("error.shape_of", name=name))
    return 1


def _transpose_axes_of_call(
    name: str, args: list[ast.expr], keywords: list[ast.keyword]
) -> list[ast.expr] | None:
    """The axes of NumPy's ``np.transpose(X, (1, 0))`` / ``np.transpose(X, axes=[1, 0])`` (a
    written-out order of two axes), to be read as PyTorch's ``X.permute(1, 0)``; None for any
    other call."""
    if name != "transpose":
        return None
    given = [k.value for k in keywords if k.arg == "axes"]
    if len(args) == 2 and not keywords:
        order = args[1]
    elif len(args) == 1 and len(given) == len(keywords) == 1:
        order = given[0]
    else:
        return None
    if not (isinstance(order, (ast.Tuple, ast.List)) and len(order.elts) == 2):
        return None
    try:  # a matrix has axes 0, 1 (-2, -1): NumPy refuses any other
        ok = all(ast.literal_eval(a) in (0, 1, -1, -2) for a in order.elts)
    except (ValueError, TypeError, SyntaxError):
        return None
    return list(order.elts) if ok else None


def _no_ellipsis(text: str, operands: int) -> str | None:
    """An einsum subscript string with its ellipses written as letters, every operand a matrix
    as the checker reads them: ``'...i,...j->...ij'`` is ``'zi,zj->zij'``, ``'ij,i...->j...'``
    is ``'ij,iz->jz'`` (an ellipsis stands for the axes its operand's letters leave, aligned
    from the right as NumPy broadcasts them; without ``->`` the output is the ellipsis then the
    letters used once, alphabetically). None where NumPy would refuse it (an ellipsis in the
    operands but not in an explicit output, more letters than axes)."""
    if "..." not in text:
        return text
    lhs, arrow, out = text.partition("->")
    subs = lhs.split(",")
    if len(subs) != operands or any(k.count("...") > 1 for k in subs + [out]):
        return None
    spans = [2 - len(k.replace("...", "")) if "..." in k else 0 for k in subs]
    if min(spans) < 0:
        return None
    width = max(spans)
    fresh = [c for c in "zyxwvutsrq" if c not in text][:width][::-1]
    ell = "".join(fresh)
    new = [k.replace("...", ell[width - n :]) for k, n in zip(subs, spans)]
    if not arrow:
        letters = "".join(k.replace("...", "") for k in subs)
        out = ell + "".join(sorted(c for c in set(letters) if letters.count(c) == 1))
    elif "..." in out:
        out = out.replace("...", ell)
    elif width:
        return None
    return ",".join(new) + "->" + out


def _einsum_outer(node: ast.expr) -> tuple[ast.expr, ast.expr] | None:
    """``np.einsum('bi,bj->bij', U, V)`` (also with an ellipsis for the rows, ``'...i,...j->
    ...ij'``): the per-row outer products, as (U, V); None for any other expression."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "einsum"
        and len(node.args) == 3
        and not node.keywords
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    ):
        return None
    text = _no_ellipsis(node.args[0].value.replace(" ", ""), 2)
    m = re.fullmatch(r"([a-z])([a-z]),([a-z])([a-z])->([a-z]{3})", text or "")
    if m is None or m.group(1) != m.group(3) or len(set(m.group(1, 2, 4))) != 3:
        return None
    b, i, j, out = m.group(1), m.group(2), m.group(4), m.group(5)
    u, v = node.args[1], node.args[2]
    if out == b + i + j:
        return u, v
    if out == b + j + i:
        return v, u
    return None


class _Unsupported(Exception):
    """A NumPy call or argument that is not read (the message names it)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message)
        self.msg = message


def _c(v: float) -> ast.Constant:
    return ast.Constant(v)


def _cmp(a: ast.expr, op: ast.cmpop, b: ast.expr) -> ast.Compare:
    return ast.Compare(a, [op], [b])


def _nonzero(a: ast.expr, b: ast.expr | None = None) -> ast.expr:
    """``a != b`` (default 0) as ``(a > b) + (a < b)``."""
    b = b if b is not None else _c(0)
    return ast.BinOp(_cmp(a, ast.Gt(), b), ast.Add(), _cmp(a, ast.Lt(), b))


def _is_01(node: ast.expr) -> bool:
    """Does ``node`` have only 0/1 values (a comparison, or a rewritten one)?"""
    if isinstance(node, ast.Compare):
        return True
    if isinstance(node, ast.Constant) and node.value in (0, 1):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id == "relu_grad"
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mult):
        return (
            _is_01(node.left)
            and _is_01(node.right)
            and isinstance(node.op, ast.Mult)
            or (
                isinstance(node.op, ast.Add)
                and isinstance(node.left, ast.Compare)
                and isinstance(node.right, ast.Compare)
            )
        )
    return False


def _clamped_call(x: ast.expr, args: list[ast.expr], kw: list[ast.keyword], name: str) -> ast.expr:
    """``clamp(x, min=a, max=b)`` (``clip(x, a, b)``, ``clamp_min(x, a)``) as
    ``np.minimum(np.maximum(x, a), b)``, each bound only where given."""
    bounds = dict(zip(("max",) if name == "clamp_max" else ("min", "max"), args))
    for k in kw:
        key = {"a_min": "min", "a_max": "max"}.get(k.arg or "", k.arg or "")
        bounds[key] = k.value
    out = x
    for key, fn in (("min", "maximum"), ("max", "minimum")):
        b = bounds.get(key)
        if b is not None and not (isinstance(b, ast.Constant) and b.value is None):
            out = ast.Call(ast.Attribute(ast.Name("np", ast.Load()), fn, ast.Load()), [out, b], [])
    return out


def _dtype(node: ast.expr) -> str | None:
    """The dtype an ``astype`` argument names (``float``, ``np.float64``, ``'float'``), else None."""
    if isinstance(node, ast.Name) and node.id in _DTYPES:
        return node.id
    if (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in (*_NUMPY_MODULES, "tf")
        and node.attr in _DTYPES
    ):
        return node.attr
    if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in _DTYPES:
        return node.value
    if (  # heldcheck38: MindSpore's mstype.float64 / mindspore.float32, Paddle's paddle.float64
        isinstance(node, ast.Attribute)
        and ast.unparse(node.value) in ("mstype", "ms", "mindspore", "mindspore.common.dtype", "paddle")
        and node.attr in _DTYPES
    ):
        return node.attr
    return None


def _size_node_r41(e: ast.expr) -> int | None:
    """``-1`` of a reshape's ``-1`` (``ast.UnaryOp``), else ``None``."""
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub) and isinstance(e.operand, ast.Constant):
        return -1 if e.operand.value == 1 else None
    return None


def _size_int(e: ast.expr, dims: dict[str, int]) -> int | None:
    """A size written with numbers, [dims] names and ``+ - *`` (``m - 1``) at the example."""
    if isinstance(e, ast.Constant) and type(e.value) is int:
        return e.value
    if isinstance(e, ast.Name):
        return dims.get(e.id)
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add | ast.Sub | ast.Mult):
        a, b = _size_int(e.left, dims), _size_int(e.right, dims)
        if a is None or b is None:
            return None
        return a + b if isinstance(e.op, ast.Add) else a - b if isinstance(e.op, ast.Sub) else a * b
    return None


def _r_join(n: ast.Subscript) -> ast.Call | None:
    """NumPy's ``np.r_[a, b, …]`` of arrays (Ng's ex2 ``np.r_[[[0]], theta[1:]]``) as the
    ``np.concatenate((a, b, …))`` it is (the spec language reads it so too); None for its other
    uses (a slice ``np.r_[0:3]``, a number, a string directive) and for one part."""
    v = n.value
    if not (
        isinstance(v, ast.Attribute)
        and v.attr == "r_"
        and isinstance(v.value, ast.Name)
        and v.value.id in _NUMPY_MODULES
    ):
        return None
    parts = list(n.slice.elts) if isinstance(n.slice, ast.Tuple) else [n.slice]
    if len(parts) < 2 or any(isinstance(p, ast.Slice | ast.Starred | ast.Constant) for p in parts):
        return None
    join = ast.Attribute(v.value, "concatenate", ast.Load())
    return ast.Call(join, [ast.Tuple(parts, ast.Load())], [])


def _literal_blocks(call: ast.Call, how: str) -> None:
    """The literal blocks of zeros among the parts that ``call`` joins along its first axis
    (``[[0]]``, ``[[0, 0]]``; also a 1-D ``[0]`` in ``np.vstack``, which stacks it as a row) as
    the ``np.zeros((r, c))`` they are, so that they get a shape of the network's sizes
    (``_Numpy.zero_block``); other literals are left as they are."""
    seq = call.args[0] if call.args else None
    if not isinstance(seq, ast.List | ast.Tuple):
        return
    for k, part in enumerate(seq.elts):
        if not isinstance(part, ast.List):
            continue
        rows = part.elts if all(isinstance(r, ast.List) for r in part.elts) else None
        if rows is None and how != "concatenate":
            rows = [part]  # vstack's 1-D part: one row
        if not rows or len({len(r.elts) for r in rows}) != 1:  # type: ignore[attr-defined]
            continue
        entries = [e for r in rows for e in r.elts]  # type: ignore[attr-defined]
        if not entries or not all(
            isinstance(e, ast.Constant) and type(e.value) in (int, float) and e.value == 0
            for e in entries
        ):
            continue
        shape = ast.Tuple([_c(len(rows)), _c(len(rows[0].elts))], ast.Load())  # type: ignore[attr-defined]
        zeros = ast.Attribute(ast.Name("np", ast.Load()), "zeros", ast.Load())
        seq.elts[k] = ast.Call(zeros, [shape], [])


def _zeros_block(node: ast.AST) -> bool:
    """Is ``node`` ``np.zeros((r, c))`` (read as the number 0, which has no shape to stack)?"""
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "zeros"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in _NUMPY_MODULES
    )


class _Numpy(ast.NodeTransformer):
    """NumPy spellings → the expression language (pure tree rewriting, nothing is run)."""

    def __init__(
        self,
        net: Net | None = None,
        scalar: bool = False,
        shapes: dict[str, tuple[int, int]] | None = None,
    ) -> None:
        self.net = net
        self.scalar = scalar  # the gradient asked for is one number (an entry's formula)
        self.shapes = shapes or {}  # names earlier statements defined: their shapes
        self.changed = False

    def unsupported(self, name: str) -> _Unsupported:
        return _Unsupported(
            msg("error.unsupported_call", name=name, supported=", ".join(SUPPORTED_NUMPY))
        )

    def cast(self, x: ast.expr, dtype: str | None, spelled: str) -> ast.expr:
        """``x`` converted to ``dtype``: a no-op on 0/1 values and for floats (also to another
        tensor's ``.dtype``, heldcheck38's ``tf.cast(h > 0, d.dtype)``: every tensor the network
        computes is a float; integer labels' dtype only for a 0/1 mask)."""
        labels = set(self.net.spec.class_labels) if self.net is not None else set()
        if dtype is None and spelled.endswith(".dtype") and (_is_01(x) or spelled[: -len(".dtype")].strip() not in labels):
            return x  # the dtype of a computed (float) tensor: a float; of integer labels only a 0/1 mask
        if dtype is None:
            raise _Unsupported(msg("error.astype", arg=spelled))
        if dtype in _FLOAT_DTYPES or _is_01(x):
            return x
        if dtype in ("bool", "bool_"):
            return _nonzero(x)
        raise _Unsupported(msg("error.int_cast", arg=spelled))

    def cross_heldcheck27(self, node: ast.Call, module: str) -> ast.expr:
        """``np.cross(a, b)`` (NumPy's last axis, or ``axis=``), ``torch.linalg.cross(a, b,
        dim=1)`` and ``torch.cross(a, b, dim)`` (without ``dim`` PyTorch's first axis of size 3)
        of two matrices of 3-vectors: the components ``a₁b₂ − a₂b₁, a₂b₀ − a₀b₂, a₀b₁ − a₁b₀``
        joined along that axis, as the spec language reads the call (derive/lang/replicate.py);
        operands of other shapes are refused naming the call."""
        shown = f"{module}.cross"
        a = dict(zip(("a", "b", "axis"), node.args, strict=False))
        for k in node.keywords:
            key = {"input": "a", "other": "b", "x1": "a", "x2": "b", "dim": "axis", "axis": "axis"}.get(k.arg or "")
            if key is None or key in a:
                raise self.unsupported(shown)
            a[key] = k.value
        if len(node.args) > 3 or "a" not in a or "b" not in a:
            raise self.unsupported(shown)
        x, y = self.visit(a["a"]), self.visit(a["b"])
        shape = self.shape_of(x)
        if shape is None or shape != self.shape_of(y):
            raise self.unsupported(shown)
        if "axis" in a:
            axis = _index(a["axis"])
            if axis is None:
                raise self.unsupported(shown)
        else:
            axis = (0 if shape[0] == 3 else 1) if module == "torch" else -1
        axis = axis + 2 if axis < 0 else axis
        if axis not in (0, 1) or shape[axis] != 3:
            raise self.unsupported(shown)

        def part(v: ast.expr, k: int) -> ast.expr:
            cut: list[ast.expr] = [ast.Slice(None, None), ast.Slice(None, None)]
            cut[axis] = ast.Slice(ast.Constant(k), ast.Constant(k + 1))
            return ast.Subscript(copy.deepcopy(v), ast.Tuple(cut, ast.Load()), ast.Load())

        comps: list[ast.expr] = [
            ast.BinOp(
                ast.BinOp(part(x, i), ast.Mult(), part(y, j)), ast.Sub(), ast.BinOp(part(x, j), ast.Mult(), part(y, i))
            )
            for i, j in ((1, 2), (2, 0), (0, 1))
        ]
        join = ast.Attribute(ast.Name("np", ast.Load()), "concatenate", ast.Load())
        return ast.Call(join, [ast.List(comps, ast.Load())], [ast.keyword("axis", ast.Constant(axis))])

    def eye_product_heldcheck38(self, node: ast.BinOp) -> ast.expr | None:
        """``M @ g`` (``g @ M``) where ``M`` is ``np.eye(k)`` or a sum of terms with it
        (``np.eye(d) - alpha * H``, MAML's meta-gradient): the product spread over the terms, the
        identity's own product ``g`` itself — where ``k`` is the size of ``g``'s axis it meets
        (NumPy refuses any other); None for any other product."""
        if not isinstance(node.op, ast.MatMult) or self.net is None:
            return None

        def eye_size(e: ast.expr) -> int | None:
            if (
                isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr in ("eye", "identity")
                and isinstance(e.func.value, ast.Name) and e.func.value.id in _NUMPY_MODULES
                and len(e.args) == 1 and not e.keywords
            ):
                return _size_int(e.args[0], {k: int(v) for k, v in self.net.spec.dims.items()})
            return None

        def has_eye(e: ast.expr) -> bool:
            return any(eye_size(n) is not None for n in ast.walk(e))

        for m, g, left in ((node.left, node.right, True), (node.right, node.left, False)):
            if not has_eye(m):
                continue
            shape = self.shape_of(g)
            if shape is None:
                return None
            size = shape[0] if left else shape[1]

            def spread(e: ast.expr) -> ast.expr | None:
                k = eye_size(e)
                if k is not None:
                    return copy.deepcopy(g) if k == size else None
                if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add | ast.Sub):
                    a, b = spread(e.left), spread(e.right)
                    return None if a is None or b is None else ast.BinOp(a, e.op, b)
                if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Mult | ast.Div) and has_eye(e.left) and not has_eye(e.right) and self.shape_of(e.right) in (None, (1, 1)):
                    inner = spread(e.left)
                    return None if inner is None else ast.BinOp(inner, e.op, e.right)
                if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Mult) and has_eye(e.right) and not has_eye(e.left) and self.shape_of(e.left) in (None, (1, 1)):
                    inner = spread(e.right)
                    return None if inner is None else ast.BinOp(e.left, e.op, inner)
                if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
                    inner = spread(e.operand)
                    return None if inner is None else ast.UnaryOp(ast.USub(), inner)
                if has_eye(e):
                    return None  # an identity inside anything else: not spread
                return ast.BinOp(copy.deepcopy(e), ast.MatMult(), copy.deepcopy(g)) if left else ast.BinOp(
                    copy.deepcopy(g), ast.MatMult(), copy.deepcopy(e))

            return spread(m)
        return None

    def shape_of(self, node: ast.expr) -> tuple[int, int] | None:
        if self.net is None:
            return None
        if isinstance(node, ast.Name) and node.id in self.shapes:
            return self.shapes[node.id]
        text = ast.unparse(ast.fix_missing_locations(node))
        try:
            tree = ex.parse(text, allow_compare=True)
            out, _ = Convert(self.net, "")(tree)
        except (ex.ExprError, ShapeError, RecursionError, FormulaError):
            return self.step_shape(text)
        return (int(out.shape[0]), int(out.shape[1]))

    def step_shape(self, text: str) -> tuple[int, int] | None:
        """The shape of ``text`` read as NumPy reads it, with the derivation's earlier steps put
        in (``np.outer(X.T @ ds, q)`` after ``ds = …``, 1-D by its form: 邱锡鹏's attention), or
        with none (``np.outer(dh * (W @ x > 0), x)`` of the spec's 1-D x: CS182's one example)."""
        if self.net is None or not (_STEP_TREES.get() or vectors(self.net)):
            return None
        try:
            scalars = frozenset(k for k, v in self.net.spec.shapes.items() if not v)
            tree = ex.parse(text, allow_compare=True, one_d=vectors(self.net), scalars=scalars)
            out, _ = Convert(self.net, "")(_steps_put(tree))
        except (ex.ExprError, ShapeError, RecursionError, FormulaError, KeyError, ValueError, TypeError):
            return None
        return (int(out.shape[0]), int(out.shape[1]))

    def batch_outer(self, node: ast.Call) -> ast.expr | None:
        """The per-row outer products of a 3-D broadcast summed (averaged) over the rows,
        ``np.sum(U[:, :, None] * V[:, None, :], axis=0)`` (``np.mean``, ``np.average``,
        ``.sum(0)``, ``.mean(axis=0)``, either factor first): ``U.T @ V`` (divided by the rows' size, named
        from a tensor of ``U`` or ``V`` with that many rows); None for anything else."""
        f = node.func
        if not isinstance(f, ast.Attribute) or f.attr not in ("sum", "mean", "average"):
            return None
        module = isinstance(f.value, ast.Name) and f.value.id in _NUMPY_MODULES
        if f.attr == "average" and not module or any(k.arg == "weights" for k in node.keywords):
            return None  # np.average without weights: np.mean
        args = list(node.args)
        product = args.pop(0) if module and args else (None if module else f.value)
        axis = [k.value for k in node.keywords if k.arg in ("axis", "dim")] + args
        if product is None or len(axis) != 1 or len(node.keywords) > 1 or _axis3(axis[0]) != 0:
            return None
        pair = _einsum_outer(product)  # np.einsum('bi,bj->bij', U, V).sum(axis=0)
        if pair is not None:
            u, v = pair
        else:
            if not (isinstance(product, ast.BinOp) and isinstance(product.op, ast.Mult)):
                return None
            sides = [_new_axis3(product.left), _new_axis3(product.right)]
            if sorted(k for _, k in filter(None, sides)) != [1, 2]:
                return None
            (u, ku), (v, _) = sides  # type: ignore[misc]
            if ku == 1:  # V[:, None, :] * U[:, :, None]
                u, v = v, u
        out: ast.expr = ast.BinOp(ast.Attribute(u, "T", ast.Load()), ast.MatMult(), v)
        if f.attr in ("mean", "average"):
            out = ast.BinOp(out, ast.Div(), self.rows_of(u, v))
        return out

    def size_of(self, node: ast.expr, axis: ast.expr) -> ast.expr | None:
        """``EXPR.shape[k]`` of an expression (not a name): its size along axis k, by the
        [dims] name the reader gives it (a number where it has none); None where it does not
        read or k is no axis of a matrix."""
        try:
            k = ast.literal_eval(axis)
        except ValueError:
            return None
        if self.net is None or not isinstance(k, int) or k not in (0, 1, -1, -2):
            return None
        try:
            tree = ex.parse(ast.unparse(ast.fix_missing_locations(node)), allow_compare=True)
            out, _ = Convert(self.net, "")(tree)
        except (ex.ExprError, ShapeError, RecursionError):
            return None
        d = out.shape[k]
        label = getattr(d, "label", None)
        return ast.Name(label, ast.Load()) if label else _c(int(d))

    def rows_of(self, *parts: ast.expr) -> ast.expr:
        """The number of rows of ``parts`` (all alike), by the name of a tensor in them."""
        want = self.shape_of(parts[0])
        for part in parts:
            for n in ast.walk(part):
                if isinstance(n, ast.Name) and self._tensor(n) is not None:
                    shape = self.shape_of(n)
                    if want is not None and shape is not None and shape[0] == want[0]:
                        return self.dim(n.id, 0)
        if want is None:
            raise _Unsupported(msg("error.shape_of", name=ast.unparse(parts[0])))
        return _c(want[0])

    def dim(self, name: str, k: int) -> ast.expr:
        """``X.shape[k]`` → the size's name (``m``) or number."""
        tensors = self.net.g.tensors if self.net is not None else {}
        t = tensors.get(name)
        for head in ("d_", "d"):  # dZ1.shape[0]: a gradient has its tensor's shape
            if t is None and name.startswith(head) and name[len(head) :] in tensors:
                t = tensors[name[len(head) :]]
        if t is None and k in (0, 1, -1, -2):
            local = self.step_dim_heldcheck33(name, k)
            if local is not None:
                return local
        if t is None or k not in (0, 1, -1, -2):
            raise _Unsupported(msg("error.shape_of", name=name))
        if self.net is not None:
            k = _one_d_axis(self.net, name, k)
        d = t.shape[k]
        label = getattr(d, "label", None)
        return ast.Name(label, ast.Load()) if label else _c(int(d))

    def step_dim_heldcheck33(self, name: str, k: int) -> ast.expr | None:
        """``len(y_hat)``, ``dout.shape[0]`` of a name an earlier step of the answer defined
        (``y_hat = softmax(X @ W + b)``, D2L's ``/ len(y_hat)``; CS231n's ``N = dout.shape[0]``,
        c33-047/-126): that axis of the step's tensor, by its size name where the network's
        shapes give one (a number never stands for a size); None where no step defines it."""
        steps = _STEP_TREES.get()
        if self.net is None or not steps or name not in steps:
            return None
        try:
            out, _ = Convert(self.net, "")(_steps_put(ex.Name(name)))
        except (ex.ExprError, ShapeError, RecursionError, FormulaError, KeyError, ValueError, TypeError):
            return None
        label = getattr(out.shape[k], "label", None)
        if label is None and _unit_axis_heldcheck39(out.shape[k]):
            return _c(1)  # heldcheck39: nnfs's len(dvalues[0]) of a one-column output (no size name)
        return ast.Name(label, ast.Load()) if label else None

    def identity(self, args: list[ast.expr]) -> ast.expr | None:
        """``np.eye(D)`` (``torch.eye(D)``, ``np.identity(D)``, ``np.eye(D, D)``) as the network's
        own identity input of that size (the spec's ``np.eye``, derive.lang.spec.eye_made), the
        size a number or a size name; None where the network has none."""
        if self.net is None or not self.net.spec.eyes:
            return None
        dims = self.net.spec.dims
        sizes = []
        for e in args:
            if isinstance(e, ast.Constant) and type(e.value) is int:
                sizes.append((e.value, None))
            elif isinstance(e, ast.Name) and e.id in dims:
                sizes.append((dims[e.id], e.id))
            else:
                return None
        if len({v for v, _ in sizes}) != 1:
            return None
        for name in self.net.spec.eyes:
            shape = self.net.g.tensors[name].shape
            label = getattr(shape[0], "label", None)
            if int(shape[0]) == sizes[0][0] and all(k in (None, label) for _, k in sizes):
                return ast.Name(name, ast.Load())
        return None

    def literal(self, node: ast.Call) -> ast.expr | None:
        """``np.array([1.0, 2.0, 0.5])`` (``torch.tensor``, ``tf.constant`` …; see
        :func:`derive.lang.expr.array_literal_s28`) with exactly the numbers of an array the
        network's spec writes in a line: that spec's input (``const``); None for other numbers."""
        if self.net is None or not self.net.spec.literals:
            return None
        rank = ex.array_literal_s28(node)
        found = ex.literal_entries_s28(node, self.net.spec.constants)
        if found is None:
            return None
        numbers = [tuple(r) for r in found]
        for name in self.net.spec.literals:
            held = self.net.spec.values.get(name)
            one_d = name in self.net.spec.one_d
            if held is not None and one_d == (rank == 1) and tuple(map(tuple, held)) == tuple(numbers):
                return ast.Name(name, ast.Load())
        return None

    def filled(self, args: list[ast.expr]) -> ast.expr | None:
        """``np.ones((r, c))`` (``torch.ones(r, c)``) as ``0 * T + 1`` for an input (else a
        parameter) ``T`` of the network with that shape, the sizes read from numbers and size
        names (``m - 1``); None where the sizes are not read or no such tensor has that shape."""
        sizes = args[0].elts if len(args) == 1 and isinstance(args[0], ast.Tuple) else args
        dims = self.net.spec.dims if self.net is not None else {}

        def size(e: ast.expr) -> int | None:
            if isinstance(e, ast.Constant) and type(e.value) is int:
                return e.value
            if isinstance(e, ast.Name):
                return dims.get(e.id)
            if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add | ast.Sub | ast.Mult):
                a, b = size(e.left), size(e.right)
                if a is None or b is None:
                    return None
                if isinstance(e.op, ast.Add):
                    return a + b
                return a - b if isinstance(e.op, ast.Sub) else a * b
            return None

        shape = tuple(size(e) for e in sizes)
        if self.net is None or len(shape) != 2 or None in shape:
            return None
        if shape == (1, 1) and all(isinstance(e, ast.Constant) for e in sizes):
            return _c(1)  # np.ones((1, 1)): the 1 × 1 gradient of the loss itself (a key prints it)
        named = tuple(e.id if isinstance(e, ast.Name) else None for e in sizes)
        # a size written N - k (a slice's rows, protonet's n_s - 2): N's side from row k on
        offsets = [0, 0]
        for axis, e in enumerate(sizes):
            if (
                isinstance(e, ast.BinOp)
                and isinstance(e.op, ast.Sub)
                and isinstance(e.left, ast.Name)
                and e.left.id in dims
                and isinstance(e.right, ast.Constant)
                and type(e.right.value) is int
                and 0 < e.right.value < dims[e.left.id]
            ):
                named = (*named[:axis], e.left.id, *named[axis + 1 :])
                offsets[axis] = e.right.value
        if any(offsets) or any(n is None and self.literal_side(k) for n, k in zip(named, shape, strict=True)):
            return self.ones_product(shape, named, tuple(offsets))
        for name in [*self.net.spec.inputs, *self.net.spec.params]:
            if (
                self.net.spec.shapes[name] == shape
                and name in self.net.g.tensors
                and all(self.size_named(name, k, named[k]) for k in (0, 1))
            ):
                zero = ast.BinOp(_c(0), ast.Mult(), ast.Name(name, ast.Load()))
                return ast.BinOp(zero, ast.Add(), _c(1))
        return self.ones_product(shape, named)

    def literal_side(self, k: int) -> bool:
        """Does a forward node have a side of ``k`` (> 1) at every size, no size declaring it (a
        slice's literal width ``Z[:, :2]``)? A number written for a block of ones is that side
        before it is an input's side that equals it only at the example."""
        names = {*self.net.spec.inputs, *self.net.spec.params}
        return k > 1 and any(
            type(d) is int and d == k
            for n in self.net.spec.shapes
            if n not in names and n in self.net.g.tensors
            for d in self.net.g.tensors[n].shape
        )

    def size_named(self, name: str, axis: int, want: str | None) -> bool:
        """Whether axis ``axis`` of the network's tensor ``name`` may stand for the size written
        ``want`` (a [dims] name, or ``None`` for a number): a side declared with another name
        is another size, though equal at the example (``np.ones((1, k))`` with n = k = 2 is not
        a row of X's n columns: at other sizes it would be)."""
        if want is None:
            return True
        label = getattr(self.net.g.tensors[name].shape[axis], "label", None)
        return label is None or label == want

    def ones_product(
        self,
        shape: tuple[int, int],
        named: tuple[str | None, ...] = (None, None),
        offsets: tuple[int, ...] = (0, 0),
    ) -> ast.expr | None:
        """The all-ones matrix of ``shape`` (r, c) where no input or parameter has that shape:
        a column of r ones times a row of c ones, each ``0 * T[:, 0:1] + 1`` of a tensor ``T``
        with r rows (c columns) — transposed from one with r columns (c rows), a side declared
        with the size name written (``named``) where one is. None where no tensor of the network
        has such a side. A side declared with the name written is preferred, and a number is
        matched first by a side no size name declares (a class count, not ``e``, for the 2 of
        ``np.ones((2, e))``: at other sizes ``e`` changes, the 2 does not); ``offsets[axis] = k``
        (a size written ``N - k``) takes N's side from row k on."""
        names = [n for n in [*self.net.spec.inputs, *self.net.spec.params] if n in self.net.g.tensors]
        # a number no input or parameter has as a side: a forward node's side that no size
        # declares (a slice h[:, :2] has 2 columns at every size), ranked after them
        nodes = [n for n in self.net.spec.shapes if n in self.net.g.tensors and n not in names]

        def rank(name: str, other: int, want: str | None) -> int | None:
            label = getattr(self.net.g.tensors[name].shape[other], "label", None)
            if want is None:
                return 0 if label is None else 1
            return 0 if label == want else 1 if label is None else None

        def side(k: int, axis: int) -> ast.expr | None:
            skip = offsets[axis]
            found = []
            for other in (axis, 1 - axis):
                for name in [*names, *nodes]:
                    have = self.net.spec.shapes[name]
                    if len(have) != 2 or have[other] != k + skip:
                        continue
                    if name in nodes:
                        # a slice's literal width (Z[:, :2]) is 2 at every size: as good a
                        # match for the number 2 as an undeclared side, better than a size
                        # that is 2 only at the example
                        fixed = type(self.net.g.tensors[name].shape[other]) is int
                        r = 0 if fixed and named[axis] is None and not skip else None
                    else:
                        r = rank(name, other, named[axis])
                    if r is None or (skip and r != 0):
                        continue
                    found.append((r, other, name))
            if not found:
                return None
            _, other, name = min(found, key=lambda f: f[0])  # stable: the first of its rank
            whole, first = ast.Slice(_c(skip) if skip else None), ast.Slice(_c(0), _c(1))
            index = (whole, first) if other == 0 else (first, whole)
            part = ast.Subscript(
                ast.Name(name, ast.Load()), ast.Tuple(list(index), ast.Load()), ast.Load()
            )
            ones = ast.BinOp(ast.BinOp(_c(0), ast.Mult(), part), ast.Add(), _c(1))
            return ones if other == axis else ast.Attribute(ones, "T", ast.Load())

        r, c = shape
        column = side(r, 0) if r != 1 else None
        row = side(c, 1) if c != 1 else None
        if (r != 1 and column is None) or (c != 1 and row is None):
            return None
        if column is not None and row is not None:
            return ast.BinOp(column, ast.MatMult(), row)
        return column if column is not None else row

    def zero_blocks(self, stack: ast.Call) -> bool:
        """Rewrite each ``np.zeros((r, c))`` in the arguments of ``stack`` (``np.vstack``, …) as
        :meth:`zero_block`; False (nothing rewritten) where one cannot be."""
        found = [
            (parent, field, n)
            for parent in ast.walk(stack)
            for field, n in ast.iter_fields(parent)
            if isinstance(n, ast.AST) and _zeros_block(n)
        ] + [
            (parent, (field, k), n)
            for parent in ast.walk(stack)
            for field, items in ast.iter_fields(parent)
            if isinstance(items, list)
            for k, n in enumerate(items)
            if isinstance(n, ast.AST) and _zeros_block(n)
        ]
        blocks = [self.zero_block(n) for _, _, n in found]  # type: ignore[arg-type]
        if not found or any(b is None for b in blocks):
            return False
        for (parent, where, _), block in zip(found, blocks, strict=True):
            if isinstance(where, tuple):
                getattr(parent, where[0])[where[1]] = block
            else:
                setattr(parent, where, block)
        self.changed = True
        return True

    def zero_block(self, call: ast.Call) -> ast.expr | None:
        """``np.zeros((r, c))`` (``torch.zeros(r, c)``) as ``0 * T[0:r, 0:c]``: zero times the
        top-left block of a tensor ``T`` of the network whose rows and columns are the sizes
        ``r`` and ``c`` are written in (``m - 1`` rows of an ``m``-row tensor), so the block
        has the right shape at every size; None where no tensor has such sizes."""
        if self.net is None or call.keywords:
            return None
        args = call.args
        sizes = args[0].elts if len(args) == 1 and isinstance(args[0], ast.Tuple) else args
        if len(sizes) != 2:
            return None
        dims = self.net.spec.dims
        want = [_size_int(e, dims) for e in sizes]
        if None in want or min(want) < 1:  # type: ignore[type-var]
            return None
        names = [{n.id for n in ast.walk(e) if isinstance(n, ast.Name)} for e in sizes]
        spec = self.net.spec
        for name in [*spec.inputs, *spec.params, *(n for n, _ in spec.forward)]:
            t = self.net.g.tensors.get(name)
            if t is None or len(t.shape) != 2:
                continue
            labels = [getattr(d, "label", None) for d in t.shape]
            if all(
                int(d) >= w and names[k] <= ({labels[k]} if labels[k] else set())
                for k, (d, w) in enumerate(zip(t.shape, want, strict=True))
            ):
                block = ast.Subscript(
                    ast.Name(name, ast.Load()),
                    ast.Tuple([ast.Slice(_c(0), sizes[0]), ast.Slice(_c(0), sizes[1])], ast.Load()),
                    ast.Load(),
                )
                return ast.BinOp(_c(0), ast.Mult(), block)
        # no one tensor has both sizes (Ng's ex4: np.zeros((K - 1, h)) beside Theta2 = [K, h + 1]):
        # the outer product of a column that has the rows and a row that has the columns
        column = self.zero_side(sizes[0], want[0], names[0], 0)  # type: ignore[arg-type]
        row = self.zero_side(sizes[1], want[1], names[1], 1)  # type: ignore[arg-type]
        if column is None or row is None:
            return None
        return ast.BinOp(_c(0), ast.Mult(), ast.BinOp(column, ast.MatMult(), row))

    def zero_side(self, size: ast.expr, want: int, names: set[str], axis: int) -> ast.expr | None:
        """A column (``axis`` 0, ``size`` × 1) or a row (``axis`` 1, 1 × ``size``) cut from a
        tensor of the network whose rows or columns are that size, the size's names its dims'
        (``T[0:K - 1, 0:1]``, or ``T[0:1, 0:6].T`` from a tensor 6 or more wide); else None."""
        assert self.net is not None
        spec = self.net.spec
        for name in [*spec.inputs, *spec.params, *(n for n, _ in spec.forward)]:
            t = self.net.g.tensors.get(name)
            if t is None or len(t.shape) != 2:
                continue
            for along in (axis, 1 - axis):
                d = t.shape[along]
                label = getattr(d, "label", None)
                if int(d) < want or not names <= ({label} if label else set()):
                    continue
                one = ast.Slice(_c(0), _c(1))
                cut = [ast.Slice(_c(0), size), one] if along == 0 else [one, ast.Slice(_c(0), size)]
                piece: ast.expr = ast.Subscript(
                    ast.Name(name, ast.Load()), ast.Tuple(cut, ast.Load()), ast.Load()
                )
                if along != axis:
                    piece = ast.Attribute(piece, "T", ast.Load())
                return piece
        return None

    def ones_size(
        self, ones: ast.Call, transposed: bool, body: ast.expr, axis: int, out: ast.expr
    ) -> ast.expr:
        """``np.ones((1, k)) @ B`` is ``sum(B, axis=0)`` when ``k`` is B's number of rows; a
        ``k`` naming another size is kept as the factor ``k / rows`` (right only where the two
        sizes are equal, which the size check then reports)."""
        if self.net is None or not ones.args or not isinstance(body, ast.Name):
            return out
        shape = self.visit(ones.args[0])
        if not isinstance(shape, ast.Tuple) or len(shape.elts) != 2:
            return out
        dims = list(shape.elts)
        if transposed:
            dims.reverse()
        k = dims[1] if axis == 0 else dims[0]
        name = body.id
        if name not in self.net.g.tensors and name[1:] in self.net.g.tensors:
            name = name[1:]  # dZ1: the gradient has the tensor's shape
        t = self.net.g.tensors.get(name)
        if t is None:
            return out
        true = getattr(t.shape[axis], "label", None)
        if true is None or not isinstance(k, ast.Name) or k.id == true:
            return out
        return ast.BinOp(out, ast.Mult(), ast.BinOp(k, ast.Div(), ast.Name(true, ast.Load())))

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        """``X.size`` → the product of its sizes (``m * n_in``); PyTorch's ``X.mT`` → ``X.T``."""
        self.generic_visit(node)
        if node.attr == "mT":
            self.changed = True
            return ast.Attribute(node.value, "T", ast.Load())
        if node.attr == "array" and not (  # heldcheck38: Chainer's Variable.array, the values themselves
            isinstance(node.value, ast.Name) and self._tensor(node.value) is None  # np.array: NumPy's function
        ):
            self.changed = True
            return node.value
        if node.attr == "size" and isinstance(node.value, ast.Name) and self.net is not None:
            name = node.value.id
            if name not in self.net.g.tensors and name[1:] in self.net.g.tensors:
                name = name[1:]
            if name in self.net.g.tensors:
                self.changed = True
                return ast.BinOp(self.dim(name, 0), ast.Mult(), self.dim(name, 1))
            sized = self.step_size_heldcheck41(node.value.id)
            if sized is not None:
                self.changed = True
                return sized
        return node

    def step_size_heldcheck41(self, name: str) -> ast.expr | None:
        """heldcheck41: ``r.size`` of a name an earlier step of the answer defined (``r = pred -
        target``; ``g / r.size``, the mean over every entry): the product of its sizes, by their
        size names (an axis of one left out); None where a step does not give both."""
        dims = [self.step_dim_heldcheck33(name, k) for k in (0, 1)]
        if any(d is None for d in dims):
            return None
        kept = [d for d in dims if not (isinstance(d, ast.Constant) and d.value == 1)]
        if not kept:
            return _c(1)
        return kept[0] if len(kept) == 1 else ast.BinOp(kept[0], ast.Mult(), kept[1])

    def cumsum_blocks_heldcheck26(self, x: ast.expr, axis_node: ast.expr | None, spelled: str) -> ast.expr:
        """``np.cumsum(e, axis=0)`` / ``torch.cumsum(e, dim=0)`` / ``e.cumsum(1)`` (Cox's risk
        sets, DeepSurv): the running sums written with blocks of ``e`` at its own size, as the
        spec language writes them — ``np.vstack([np.sum(e[0:1, :], axis=0, keepdims=True),
        np.sum(e[0:2, :], …), …])`` (``hstack`` of column blocks along axis 1). Without an axis
        NumPy's flattened sum is read only for a row or a column; anything else is refused."""
        shape = self.shape_of(x)
        if shape is None:
            raise self.unsupported(spelled)
        if axis_node is None:
            axis = 0 if shape[1] == 1 else 1 if shape[0] == 1 else None
        else:
            axis = _axis_of(axis_node)
        if axis is None or shape[axis] > _CUMSUM_BLOCKS_HELDCHECK26:
            raise self.unsupported(spelled)

        def block(k: int) -> ast.expr:
            upto = ast.Slice(ast.Constant(0), ast.Constant(k))
            index = (upto, ast.Slice()) if axis == 0 else (ast.Slice(), upto)
            part = ast.Subscript(x, ast.Tuple(list(index), ast.Load()), ast.Load())
            total = ast.Attribute(ast.Name("np", ast.Load()), "sum", ast.Load())
            keep = [ast.keyword("axis", ast.Constant(axis)), ast.keyword("keepdims", ast.Constant(True))]
            return ast.Call(total, [part], keep)

        if shape[axis] == 1:  # along an axis of length 1 the running sum is the operand
            return x
        stack = ast.Attribute(ast.Name("np", ast.Load()), "vstack" if axis == 0 else "hstack", ast.Load())
        blocks = ast.List([block(k) for k in range(1, shape[axis] + 1)], ast.Load())
        return ast.fix_missing_locations(ast.Call(stack, [blocks], []))

    def reshaped(self, x: ast.expr, shape: list[ast.expr], spelled: str) -> ast.expr:
        """``x.reshape(-1, 1)`` (or ``(k, 1)``): a vector as a column; ``(1, -1)`` a row;
        ``x.reshape(W2.shape)``: ``x`` where it has that shape already, a vector turned to
        the vector of that shape (NumPy's row-major reshape of anything else is refused)."""
        if len(shape) == 1 and isinstance(shape[0], ast.Tuple):
            shape = list(shape[0].elts)
        if (
            len(shape) == 1
            and isinstance(shape[0], ast.Attribute)
            and shape[0].attr == "shape"
            and isinstance(shape[0].value, ast.Name)
        ):
            mine, want = self.shape_of(x), self.shape_of(shape[0].value)
            if mine is not None and mine == want:
                return x
            if mine is not None and want is not None and 1 in mine and 1 in want:
                if mine[0] * mine[1] == want[0] * want[1]:
                    return self.oriented(x, 1 if want[1] == 1 else 0, spelled)
            return self.moved_r41(x, self.shape_sizes_r41(shape[0].value), spelled)
        if len(shape) != 2:
            raise self.unsupported(spelled)
        if self.keeps_shape(x, shape):
            return x  # x.reshape(x.shape[0], -1) of a matrix (CS231n's affine layer): x itself
        ones = [isinstance(d, ast.Constant) and d.value == 1 for d in shape]
        if all(ones) and self.shape_of(x) == (1, 1):
            return x  # np.average(A2 - Y, axis=0).reshape(1, 1): a single number, as (1, 1)
        mine = self.shape_of(x)
        if mine is not None and 1 in mine and (ones[1] and not ones[0]):
            return self.oriented(x, 1, spelled)
        if mine is not None and 1 in mine and (ones[0] and not ones[1]):
            return self.oriented(x, 0, spelled)
        return self.moved_r41(x, shape, spelled)

    def shape_sizes_r41(self, name: ast.expr) -> list[ast.expr] | None:
        """The sizes of the tensor ``name`` (of ``x.reshape(W.shape)``) by their [dims] names."""
        t = self.net.g.tensors.get(name.id) if self.net is not None and isinstance(name, ast.Name) else None
        if t is None:
            return None
        out: list[ast.expr] = []
        for d in t.shape:
            text = getattr(d, "label", None) or getattr(d, "text", None)
            out.append(ast.parse(text, mode="eval").body if isinstance(text, str) else _c(int(d)))
        return out

    def moved_r41(self, x: ast.expr, shape: list[ast.expr] | None, spelled: str) -> ast.expr:
        """reshape41: a reshape that moves entries between rows and columns (``dS.reshape(-1,
        1)`` of a matrix, ``dG.reshape(m, k)``): NumPy's row-major reshape, the language's
        ``reshaped(x, r, c)``; sizes are whole numbers, -1, [dims] names or + - * of them."""
        mine = self.shape_of(x)
        if mine is None or shape is None or len(shape) != 2:
            raise self.unsupported(spelled)
        dims = dict(self.net.spec.dims) if self.net is not None else {}
        for d in shape:  # sizes that do not hold x's entries: the reader says so (shape.reshape41)
            v = -1 if _size_node_r41(d) == -1 else _size_int(d, dims)
            if v is None:
                raise self.unsupported(spelled)
            if isinstance(d, ast.Constant) and v > 1 and dims:
                # the example's number for a size (x.reshape(2, 3)): not the network's elsewhere
                names = ", ".join(sorted(dims))
                sizes = ", ".join(ast.unparse(k) for k in shape)
                method = spelled.startswith(".")
                text = f"{ast.unparse(x)}{spelled}({sizes})" if method else f"{spelled}({ast.unparse(x)}, ({sizes}))"
                raise _Unsupported(msg("error.reshape_numbers", text=text, names=names))
        self.changed = True
        return ast.Call(ast.Name("reshaped", ast.Load()), [x, *shape], [])

    def keeps_shape(self, x: ast.expr, shape: list[ast.expr]) -> bool:
        """Is ``x.reshape(a, b)`` the matrix ``x`` itself: ``x`` a tensor of the network, each of
        ``a``, ``b`` its size on that axis by the size's name (``N``, or ``x.shape[0]`` read as
        it: at every size, not only at the example's) or -1 (at most one)?"""
        t = self.net.g.tensors.get(x.id) if self.net is not None and isinstance(x, ast.Name) else None
        minus = [
            isinstance(d, ast.UnaryOp)
            and isinstance(d.op, ast.USub)
            and isinstance(d.operand, ast.Constant)
            and d.operand.value == 1
            for d in shape
        ]
        if t is None or sum(minus) > 1:
            return False

        def same(given: ast.expr, k: int) -> bool:
            label = getattr(t.shape[k], "label", None)
            if label:
                return isinstance(given, ast.Name) and given.id == label
            return isinstance(given, ast.Constant) and given.value == int(t.shape[k])

        return all(minus[k] or same(shape[k], k) for k in (0, 1))

    def stacked_heldcheck27(self, node: ast.Call, name: str, shown: str) -> ast.expr:
        """``np.stack([u, v], axis=1)`` / ``np.column_stack([u, v])`` (``torch.stack(…, dim=1)``)
        of vectors: the columns side by side; ``axis=0`` (NumPy's default): the rows one under
        the other — each vector oriented so (:meth:`oriented`), then concatenated. Items that
        are not vectors, or another axis, are refused naming the call."""
        kw = {k.arg: k.value for k in node.keywords}
        if set(kw) - {"axis", "dim"} or len(kw) > 1:
            raise self.unsupported(shown)
        axis = 1 if name == "column_stack" else _index(next(iter(kw.values()))) if kw else 0
        if name == "column_stack" and kw or axis not in (0, 1):
            raise self.unsupported(shown)
        items = [self.oriented(self.visit(e), axis, shown) for e in node.args[0].elts]  # type: ignore[attr-defined]
        join = ast.Attribute(ast.Name("np", ast.Load()), "concatenate", ast.Load())
        return ast.Call(join, [ast.List(items, ast.Load())], [ast.keyword("axis", ast.Constant(axis))])

    def oriented(self, x: ast.expr, axis: int | None, spelled: str) -> ast.expr:
        """``x`` (a vector) with a new axis at ``axis``: 1 → a column, 0 → a row."""
        shape = self.shape_of(x)
        if axis is None or shape is None or 1 not in shape:
            raise self.unsupported(spelled)
        if shape == (1, 1) or (axis == 1) == (shape[1] == 1):
            return x
        if isinstance(x, ast.Attribute) and x.attr == "T":
            return x.value
        return ast.Attribute(x, "T", ast.Load())

    def diag_product(self, node: ast.BinOp) -> ast.expr | None:
        """``A @ np.diag(v)`` = ``A * v`` (v as a row: each column of A scaled) and ``np.diag(v)
        @ B`` = ``v * B`` (v as a column: each row of B scaled), for a vector ``v`` as written
        (a column or a row, or made 1-D by ``.ravel()``/``.flatten()``/``.squeeze()``/
        ``.reshape(-1)``/``[:, 0]``), as the LaTeX reader reads ``\\mathrm{diag}(v)`` in a
        product; None for anything else (``np.diag`` alone stays refused)."""
        if not isinstance(node.op, ast.MatMult):
            return None
        for side, other in ((node.right, node.left), (node.left, node.right)):
            v = _diag_vector(side)
            if v is None:
                continue
            v = self.visit(v)
            if self.shape_of(v) is None:
                return None
            self.changed = True
            vec = self.oriented(v, 0 if side is node.right else 1, "np.diag")
            other = self.visit(other)
            return ast.BinOp(other, ast.Mult(), vec) if side is node.right else ast.BinOp(vec, ast.Mult(), other)
        return None

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        last = legacy44.accumulated_last(node)  # heldcheck44: np.add.accumulate(x, axis=0)[-1]
        if last is not None:
            self.changed = True
            return self.visit(last)
        joined = _r_join(node)
        if joined is not None:  # np.r_[[[0]], theta[1:]]: np.concatenate(([[0]], theta[1:]))
            self.changed = True
            return self.visit(joined)
        inner = node.value
        if (  # W1[0][1], (A1.T @ dZ2 / m)[0][1], as NumPy reads it: [0, 1]
            isinstance(inner, ast.Subscript)
            and (isinstance(inner.value, ast.Name) or self.scalar)
            and _index(inner.slice) is not None
            and _index(node.slice) is not None
        ):
            pair = ast.Tuple([inner.slice, node.slice], ast.Load())
            node = ast.Subscript(inner.value, pair, ast.Load())
        lone_new_axis = _one_d(node.value) and (
            isinstance(node.slice, ast.Constant)
            and node.slice.value is None
            or isinstance(node.slice, ast.Attribute)
            and node.slice.attr == "newaxis"
        )
        shaped = _shape_call(node.value)
        if shaped is not None:  # tf.shape(X)[0], np.shape(X)[0]: X.shape[0]
            node = ast.Subscript(ast.Attribute(shaped, "shape", ast.Load()), node.slice, ast.Load())
        self.generic_visit(node)
        v, s = node.value, node.slice
        new_axis = _new_axis(s)
        if new_axis is None and lone_new_axis:
            new_axis = 0  # X[0][np.newaxis], X[0][None]: the 1-D row as a 1 × n row
        if new_axis is not None:  # s[:, None], s[:, np.newaxis], s[None, :]
            self.changed = True
            return self.oriented(v, new_axis, "[:, None]")
        if (
            isinstance(v, ast.Attribute)
            and v.attr == "shape"
            and isinstance(v.value, ast.Name)
            and isinstance(s, ast.Constant | ast.UnaryOp)
        ):
            k = ast.literal_eval(s)
            if isinstance(k, int):
                self.changed = True
                return self.dim(v.value.id, k)
        if isinstance(v, ast.Attribute) and v.attr == "shape" and isinstance(s, ast.Constant | ast.UnaryOp):
            size = self.size_of(v.value, s)
            if size is not None:  # (dY * gamma).shape[0] (a helper's N = dxhat.shape[0] put in)
                self.changed = True
                return size
        row = self.row(v, s)
        if row is not None:  # x[0] of a 1×n tensor: the row itself, as NumPy reads it
            self.changed = True
            return row
        one = self.row_of(v, s)
        if one is not None:  # X[0] of an m×n tensor: its first row, 1-D (broadcast as a row)
            self.changed = True
            return one
        entry = self.entry(v, s)
        if entry is not None:  # X[0, 1], dZ1[1, 0]: one entry, by its name (X12, dZ121)
            self.changed = True
            return ast.Name(entry, ast.Load())
        block = self.entry_of_expression(v, s)
        if block is not None:
            self.changed = True
            return block
        if _cut(node) is not None and self._tensor(v) is not None:
            raise _Unsupported(msg("heldcheck4a.slice", text=ast.unparse(node)))
        return node

    def flat_entry(self, node: ast.Subscript) -> ast.Subscript | None:
        """Where one entry is asked, ``E.flatten()[k]`` (``.ravel()``, ``.reshape(-1)``,
        ``np.ravel(E)``; ``.squeeze()`` of a row or a column) as NumPy reads it: entry ``k`` of
        ``E`` in row-major order, ``E[k // c, k % c]`` for ``E`` of ``c`` columns (a negative
        ``k`` from the end); else None."""
        flat = _flat_operand(node.value)
        k = node.slice
        negative = isinstance(k, ast.UnaryOp) and isinstance(k.op, ast.USub)
        k = _index(k.operand if negative else k)  # type: ignore[attr-defined]
        if not self.scalar or flat is None or k is None:
            return None
        shape = self.shape_of(flat)
        if shape is None:
            return None
        r, c = shape
        squeeze = node.value.func.attr == "squeeze"  # type: ignore[attr-defined]
        k = r * c - k if negative else k
        if squeeze and r > 1 and c > 1 or not 0 <= k < r * c:
            return None  # a matrix's squeeze stays 2-D; past the end: NumPy's IndexError
        return ast.Subscript(flat, ast.Tuple([_c(k // c), _c(k % c)], ast.Load()), ast.Load())

    def entry_of_expression(self, v: ast.expr, s: ast.expr) -> ast.expr | None:
        """``(X.T @ A.T @ dO)[0, 0]`` where one entry is asked: the 1×1 block
        ``(…)[0:1, 0:1]`` of the whole expression, as NumPy picks it; also an entry of a step of
        the derivation, ``d[0, 0]`` after ``d = …`` (Mazur's ``delta_o[0, 0] + delta_o[0, 1]``
        for a bias both outputs share, ``d[0, 0] * x``), where the whole gradient is asked too;
        else None."""
        step = isinstance(v, ast.Name) and v.id in self.shapes and self._tensor(v) is None
        if not (self.scalar and not isinstance(v, ast.Name) or step) or not isinstance(s, ast.Tuple):
            return None
        idx = [_index(e) for e in s.elts]
        if len(idx) != 2 or any(k is None or k < 0 for k in idx):
            return None
        if step and any(k >= n for k, n in zip(idx, self.shapes[v.id])):  # type: ignore[operator]
            return None  # out of the step's range: NumPy's IndexError, not an entry
        cuts = [ast.Slice(_c(k), _c(k + 1), None) for k in idx]  # type: ignore[operator]
        return ast.Subscript(v, ast.Tuple(cuts, ast.Load()), ast.Load())

    def row(self, v: ast.expr, s: ast.expr) -> ast.expr | None:
        """NumPy's indexing of a vector of the network as the vector it gives, where the whole
        gradient is asked for (an entry's formula reads ``x[0]`` as the entry): ``x[0]`` and
        ``x[0, :]`` of a 1×n tensor are the row itself, ``W[:, 0]`` of an n×1 tensor its 1-D
        column, which broadcasts as a row (``W.T``); ``x[:, j]`` of a 1×n tensor and ``W[i, :]``
        of an n×1 one are the one entry (a 1-element vector); else None."""
        t = self._tensor(v)
        if self.scalar or t is None or not isinstance(v, ast.Name):
            return None
        r, c = int(t.shape[0]), int(t.shape[1])  # type: ignore[attr-defined]
        cut = _cut(ast.Subscript(v, s, ast.Load()))
        if (_index(s) == 0 or cut == (1, 0)) and r == 1 and c > 1:
            return v
        if cut == (0, 0) and c == 1 and r > 1:
            return ast.Attribute(v, "T", ast.Load())
        if cut is not None and (cut[0] == 0 and r == 1 or cut[0] == 1 and c == 1):
            at = (0, cut[1]) if cut[0] == 0 else (cut[1], 0)
            entry = self.entry(v, ast.Tuple([ast.Constant(k) for k in at], ast.Load()))
            return ast.Name(entry, ast.Load()) if entry is not None else None
        return None

    def slice_dot(self, a: ast.expr, b: ast.expr) -> ast.expr | None:
        """In one entry's formula, NumPy's dot product of two 1-D slices (``A1[:, 1] @ (A2[:, 0]
        - Y[:, 0])``, ``np.dot(u, v)``, ``np.ones(m) @ v``) as the sum of their element-wise
        products, read as such a sum is (:meth:`unrolled`); else None."""
        if _ones_1d(a) and _sliced(b) or _ones_1d(b) and _sliced(a):
            both = b if _ones_1d(a) else a
        elif _sliced(a) and _sliced(b):
            both = ast.BinOp(a, ast.Mult(), b)
        else:
            return None
        self.changed = True
        return self.visit(ast.Call(ast.Attribute(ast.Name("np", ast.Load()), "sum", ast.Load()), [both], []))

    def row_of(self, v: ast.expr, s: ast.expr) -> ast.expr | None:
        """Where the whole gradient is asked for, NumPy's 1-D pieces of a 2-D value as the
        rows they broadcast as: ``X[i]`` (``X[i, :]``) of an m × n value is its row ``i``
        (``X[i:i+1, :]``), ``X[:, j]`` its column ``j`` laid as a row (``X[:, j:j+1].T``), and
        ``E[0]`` of a 1 × n (or 1 × 1) expression is ``E`` itself; else None."""
        if self.scalar:
            return None
        shape = self.shape_of(v)
        if shape is None:
            return None
        r, c = shape
        k, cut = _index(s), _cut(ast.Subscript(v, s, ast.Load()))
        if k == 0 and r == 1:
            return v
        whole = ast.Slice(None, None, None)
        if (k is not None or cut is not None and cut[0] == 1) and r > 1:
            i = k if k is not None else cut[1]  # type: ignore[index]
            if i >= r:
                return None
            return ast.Subscript(v, ast.Tuple([ast.Slice(_c(i), _c(i + 1), None), whole], ast.Load()), ast.Load())
        if cut == (0, 0) and c == 1 and r > 1:  # (A2 - Y)[:, 0]: 1-D, broadcast as a row
            return ast.Attribute(v, "T", ast.Load())
        if cut is not None and cut[0] == 0 and c > 1 and r > 1:
            j = cut[1]
            if j >= c:
                return None
            col = ast.Subscript(v, ast.Tuple([whole, ast.Slice(_c(j), _c(j + 1), None)], ast.Load()), ast.Load())
            return ast.Attribute(col, "T", ast.Load())
        return None

    def entry(self, v: ast.expr, s: ast.expr) -> str | None:
        if self.net is None or not isinstance(v, ast.Name):
            return None
        try:
            idx = ast.literal_eval(s)
        except ValueError:
            return None
        idx = idx if isinstance(idx, tuple) else (idx,)
        if not all(isinstance(k, int) and k >= 0 for k in idx):
            return None
        name, grad = v.id, ""
        if name not in self.net.g.tensors and name[1:] in self.net.g.tensors:
            name, grad = name[1:], "d"
        t = self.net.g.tensors.get(name)
        if t is None:
            return None
        r, c = int(t.shape[0]), int(t.shape[1])
        if len(idx) == 1:
            idx = (0, idx[0]) if r == 1 else (idx[0], 0) if c == 1 else idx
        if len(idx) != 2:
            return None
        label = self.net.entry_name.get((name, idx[0], idx[1]))
        if label is None:
            labels = self.net.spec.labels.get(name)
            if labels and idx[0] < r and idx[1] < c:
                label = labels[idx[0]][idx[1]]
        if label is None and (r, c) == (1, 1) and idx == (0, 0):
            label = name  # y_pred[0, 0] of a 1 × 1 node: the node itself
        return grad + label if label else None

    def unrolled(self, node: ast.Call) -> ast.expr | None:
        """``np.sum(E)`` or ``np.mean(E)`` (``E.sum()``, ``E.mean()``) where ``E`` reads whole
        columns ``T[:, j]`` (or rows ``T[i, :]``) of one length: the sum written out over that
        index, each slice an entry ``T[i, j]`` — one entry's gradient as a student writes it
        (``2 * np.sum((y_pred[:, 0] - y[:, 0]) * h_relu[:, 0])`` for ``w2[0,0]``)."""
        f = node.func
        if self.net is None or not isinstance(f, ast.Attribute) or f.attr not in ("sum", "mean"):
            return None
        if node.keywords:
            return None
        if isinstance(f.value, ast.Name) and f.value.id in _NUMPY_MODULES:
            if len(node.args) != 1:
                return None
            body = node.args[0]
        elif not node.args:
            body = f.value
        else:
            return None
        body = _SpreadCuts(self.shape_of).visit(ast.parse(ast.unparse(body), mode="eval").body)
        cuts = [n for n in ast.walk(body) if isinstance(n, ast.Subscript) and _cut(n) is not None]
        if not cuts:
            return None
        lengths = set()
        for n in cuts:
            axis, _ = _cut(n)  # type: ignore[misc]
            t = self._tensor(n.value)
            if t is None:
                return None
            lengths.add((int(t.shape[axis]), getattr(t.shape[axis], "label", None)))
        count, label = _cut_length(lengths)
        if count is None:
            return None

        class _At(ast.NodeTransformer):
            def __init__(self, k: int) -> None:
                self.k = k

            def visit_Subscript(self, n: ast.Subscript) -> ast.AST:
                self.generic_visit(n)
                cut = _cut(n)
                if cut is None:
                    return n
                axis, fixed = cut
                idx = (self.k, fixed) if axis == 0 else (fixed, self.k)
                return ast.Subscript(n.value, ast.Tuple([_c(i) for i in idx], ast.Load()), ast.Load())

        terms = [_At(k).visit(ast.parse(ast.unparse(body), mode="eval").body) for k in range(count)]
        total = terms[0]
        for t in terms[1:]:
            total = ast.BinOp(total, ast.Add(), t)
        if f.attr == "mean":
            size = ast.Name(label, ast.Load()) if label else _c(count)
            total = ast.BinOp(total, ast.Div(), size)
        return total

    def _tensor(self, v: ast.expr) -> object | None:
        """The tensor a name reads (``dZ1``: Z1's gradient has Z1's shape), or None."""
        if self.net is None or not isinstance(v, ast.Name):
            return None
        name = v.id
        if name not in self.net.g.tensors and name[1:] in self.net.g.tensors:
            name = name[1:]
        return self.net.g.tensors.get(name)

    def visit_Compare(self, node: ast.Compare) -> ast.AST:
        self.generic_visit(node)
        if len(node.ops) == 1 and isinstance(node.ops[0], ast.NotEq | ast.Eq):
            self.changed = True
            ne = _nonzero(node.left, node.comparators[0])
            return ne if isinstance(node.ops[0], ast.NotEq) else ast.BinOp(_c(1), ast.Sub(), ne)
        return node

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        if isinstance(node.op, ast.Sub) and _row_max_of_heldcheck37(node.right, node.left):
            # heldcheck37: the stable softmax's z - np.max(z, axis=1, keepdims=True): what follows
            # (a softmax, a log-sum-exp) is the same for any one number taken from each row, and
            # the row's first entry is one the language reads; an expression that is not the same
            # for every such number is no right answer with either
            self.changed = True
            whole, first = ast.Slice(None, None, None), ast.Slice(None, ast.Constant(1), None)
            node.right = ast.Subscript(copy.deepcopy(node.left), ast.Tuple([whole, first], ast.Load()), ast.Load())
        scaled = self.diag_product(node)
        if scaled is not None:  # X.T @ np.diag(w.ravel()): X.T's columns scaled by w
            return scaled
        spread = self.eye_product_heldcheck38(node)
        if spread is not None:  # (np.eye(d) - alpha * H) @ g: g - alpha * H @ g
            self.changed = True
            return self.visit(spread)
        constants = self.net.spec.constants if self.net is not None else {}
        if (
            isinstance(node.op, ast.Pow)
            and isinstance(node.left, ast.Name)
            and node.left.id in constants
            and float(constants[node.left.id]) > 0
            and any(
                isinstance(n, ast.Name) and n.id not in constants and n.id not in self.net.spec.dims
                for n in ast.walk(node.right)
            )
        ):  # w ** Y of a positive [constants] w and a tensor: exp(Y log w), as NumPy computes it
            self.changed = True
            log = ast.Call(ast.Name("log", ast.Load()), [node.left], [])
            power = ast.BinOp(self.visit(node.right), ast.Mult(), log)
            return ast.Call(ast.Name("exp", ast.Load()), [power], [])
        if isinstance(node.op, ast.BitAnd | ast.BitOr):
            node = self.generic_visit(node)  # type: ignore[assignment]
            if _is_01(node.left) and _is_01(node.right):  # (Z > 0) & (Z < 6): both masks
                self.changed = True
                both = ast.BinOp(node.left, ast.Mult(), node.right)
                if isinstance(node.op, ast.BitAnd):
                    return both
                either = ast.BinOp(node.left, ast.Add(), node.right)  # a | b = a + b − a·b
                return ast.BinOp(either, ast.Sub(), both)
            raise _Unsupported(msg("heldcheck7.bitwise"))
        if isinstance(node.op, ast.MatMult) and self.scalar:
            dot = self.slice_dot(node.left, node.right)
            if dot is not None:
                return dot
        if isinstance(node.op, ast.MatMult) and (scaled := self.scaled_ones(node)) is not None:
            return self.visit(scaled)
        if isinstance(node.op, ast.MatMult):
            for side, other, axis in ((node.left, node.right, 0), (node.right, node.left, 1)):
                ones = side.value if isinstance(side, ast.Attribute) and side.attr == "T" else side
                if _np_ones(ones) and self.ones_sum(ones, side is not ones, other, axis):
                    self.changed = True
                    body = self.visit(other)
                    out: ast.expr = ast.Call(
                        ast.Name("sum", ast.Load()), [body], [ast.keyword("axis", _c(axis))]
                    )
                    return self.ones_size(ones, side is not ones, body, axis, out)
        self.generic_visit(node)
        return node

    def ones_sum(self, ones: ast.Call, transposed: bool, other: ast.expr, axis: int) -> bool:
        """Is ``ones @ other`` (``axis`` 0; ``other @ ones``: 1) the sum of ``other`` along that
        axis: a row (column) of ones, as long as ``other`` has rows (columns)? A block with more
        rows (``np.ones((N, C)) @ W.T``: N copies of the sum) or of the wrong length is left to
        the matrix product, which says where the shapes differ. Sizes not read: True."""
        if self.net is None or ones.keywords:
            return True
        args = ones.args
        sizes = args[0].elts if len(args) == 1 and isinstance(args[0], ast.Tuple) else args
        if len(sizes) != 2:
            return True  # np.ones(m): 1-D
        shape = [_size_int(e, self.net.spec.dims) for e in sizes]
        r, c = reversed(shape) if transposed else shape
        outer, inner = (r, c) if axis == 0 else (c, r)
        if outer is not None and outer != 1:
            return False  # np.ones((2, X.shape[0])) @ v: two copies, whatever the other size
        if None in shape:
            return True
        have = self.shape_of(other)
        return have is None or have[axis] == inner

    def scaled_ones(self, node: ast.BinOp) -> ast.expr | None:
        """``2 * np.ones((1, m)) @ dZ`` (Python's ``(2 * np.ones(…)) @ dZ``) as
        ``2 * (np.ones((1, m)) @ dZ)``, and ``np.ones(…) / m`` alike: a number times a block of
        ones under ``@`` is read as the sum it scales; None for anything else."""

        def is_ones(e: ast.expr) -> bool:
            return _np_ones(e.value if isinstance(e, ast.Attribute) and e.attr == "T" else e)

        def number(e: ast.expr) -> bool:
            return all(self._tensor(n) is None for n in ast.walk(e) if isinstance(n, ast.Name))

        for k, side in enumerate((node.left, node.right)):
            if not (isinstance(side, ast.BinOp) and isinstance(side.op, ast.Mult | ast.Div)):
                continue
            for ones, c in ((side.right, side.left), (side.left, side.right)):
                if not (is_ones(ones) and number(c)) or (isinstance(side.op, ast.Div) and c is side.left):
                    continue
                inner = (
                    ast.BinOp(ones, ast.MatMult(), node.right)
                    if k == 0
                    else ast.BinOp(node.left, ast.MatMult(), ones)
                )
                self.changed = True
                if ones is side.right:
                    return ast.BinOp(c, side.op, inner)
                return ast.BinOp(inner, side.op, c)
        return None

    def summed_generator(self, node: ast.Call) -> ast.expr | None:
        """``sum(h[i, 0] * (p[i, 1] - y[i, 1]) for i in range(n))`` (``np.sum``, ``math.fsum``
        alike): every use of ``i`` an index on the same axis of a tensor whose size on that axis
        is the ``range``'s, by name (``n``, ``len(x)``, ``x.shape[0]`` read as it) — the sum of
        the slices, ``np.sum(h[:, 0] * (p[:, 1] - y[:, 1]))``; None for anything else."""
        found = _summed_over_range_heldcheck26(node, ("sum", "fsum"), ast.GeneratorExp)
        if found is None or self.net is None:
            return None
        gen, comp = found
        it = comp.iter
        i, size = comp.target.id, self.visit(it.args[0])
        axes: set[int] = set()
        for n in ast.walk(gen.elt):
            if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name):
                idx = n.slice.elts if isinstance(n.slice, ast.Tuple) else [n.slice]
                for k, e in enumerate(idx):
                    if isinstance(e, ast.Name) and e.id == i:
                        t = self.net.g.tensors.get(n.value.id)
                        label = getattr(t.shape[k], "label", None) if t is not None and k < 2 else None
                        if not (len(idx) == 2 and isinstance(size, ast.Name) and label == size.id):
                            return None
                        axes.add(k)
        uses = [n for n in ast.walk(gen.elt) if isinstance(n, ast.Name) and n.id == i]
        indexed = [
            e
            for n in ast.walk(gen.elt)
            if isinstance(n, ast.Subscript)
            for e in (n.slice.elts if isinstance(n.slice, ast.Tuple) else [n.slice])
            if isinstance(e, ast.Name) and e.id == i
        ]
        if len(axes) != 1 or len(uses) != len(indexed):
            return None  # i used outside an index, or on both axes

        class _Slices(ast.NodeTransformer):
            def visit_Name(self, n: ast.Name) -> ast.AST:
                return ast.Slice() if n.id == i else n

        body = _Slices().visit(ast.parse(ast.unparse(gen.elt), mode="eval").body)
        np_sum = ast.Attribute(ast.Name("np", ast.Load()), "sum", ast.Load())
        return ast.fix_missing_locations(ast.Call(np_sum, [body], []))

    def _batch_rows_heldcheck26(self, size: ast.expr, arg: ast.expr, i: str) -> ast.expr | None:
        """``arg`` of a per-example ``np.outer`` with each tensor whose rows are the batch
        (its first axis labelled by the ``range``'s size name) read as ``X[i]``, its example's
        row, and every ``X[i]`` such a row: the same expression over the whole batch, ``X[i]``
        → ``X`` (None for anything else: ``i`` elsewhere, a batch tensor used whole)."""
        if self.net is None or not isinstance(size, ast.Name):
            return None

        def batch(name: str) -> bool:
            t = self._tensor(ast.Name(name, ast.Load()))  # dZ1 (a step's name) has Z1's shape
            shape = getattr(t, "shape", ())
            return len(shape) == 2 and getattr(shape[0], "label", None) == size.id

        rows = [
            n for n in ast.walk(arg)
            if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Name) and n.slice.id == i
        ]
        if not rows or any(not (isinstance(n.value, ast.Name) and batch(n.value.id)) for n in rows):
            return None
        inside = {id(n.value) for n in rows} | {id(n.slice) for n in rows}
        for n in ast.walk(arg):
            if isinstance(n, ast.Name) and id(n) not in inside and (n.id == i or batch(n.id)):
                return None  # i used as a number, or a batch tensor used whole per example

        class _Whole(ast.NodeTransformer):
            def visit_Subscript(self, n: ast.Subscript) -> ast.AST:
                return n.value if n in rows else self.generic_visit(n)

        return _Whole().visit(arg)

    def summed_outer_heldcheck26(self, node: ast.Call) -> ast.expr | None:
        """``sum(np.outer(A1[i], A2[i] - Y[i]) for i in range(m))`` (a list comprehension
        alike; ``torch.outer``/``torch.ger``): the per-example outer products of two rows of
        batch tensors summed — ``U.T @ V`` with ``U``, ``V`` the two arguments over the whole
        batch (:meth:`_batch_rows_heldcheck26`); None for any other sum."""
        found = _summed_over_range_heldcheck26(node, ("sum",), ast.GeneratorExp | ast.ListComp)
        if found is None:
            return None
        gen, comp = found
        elt, it = gen.elt, comp.iter
        if (
            not (isinstance(elt, ast.Call) and isinstance(elt.func, ast.Attribute))
            or elt.func.attr not in ("outer", "ger")
            or len(elt.args) != 2
            or elt.keywords
        ):
            return None
        size = self.visit(it.args[0])
        u, v = (self._batch_rows_heldcheck26(size, a, comp.target.id) for a in elt.args)
        if u is None or v is None:
            return None
        u_t = ast.Attribute(u, "T", ast.Load())
        return ast.fix_missing_locations(ast.BinOp(u_t, ast.MatMult(), v))

    def stacked_rows_heldcheck32(self, node: ast.Call) -> ast.expr | None:
        """``np.stack([(np.diag(A[i]) - np.outer(A[i], A[i])) @ dA[i] for i in range(n)])``
        (``np.array``, ``np.vstack``, ``torch.stack``; a list comprehension or generator): one
        row per example, each a row expression of the batch tensors' rows ``X[i]`` — the same
        expression over the whole batch, row by row: a vector's ``np.diag(a) @ v`` is ``a * v``,
        ``np.outer(a, b) @ v`` is ``a * Σ(b * v)`` along the row, a row's ``a @ v`` that sum
        (the softmax Jacobian ``diag(a) − aaᵀ`` applied row-wise); None for anything else."""
        found = _summed_over_range_heldcheck26(
            node, ("stack", "vstack", "array", "row_stack"), ast.GeneratorExp | ast.ListComp
        )
        if found is None:
            return None
        gen, comp = found
        size = self.visit(comp.iter.args[0])
        elt = _whole_rows_heldcheck32(copy.deepcopy(gen.elt), comp.target.id)
        body = self._batch_rows_heldcheck26(size, copy.deepcopy(elt), comp.target.id)
        if body is None:
            return None
        rows = {
            n.value.id
            for n in ast.walk(elt)
            if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name)
            and isinstance(n.slice, ast.Name) and n.slice.id == comp.target.id
        }
        out = _rowwise_heldcheck32(body, rows)
        return None if out is None else ast.fix_missing_locations(out)

    def summed_rows_heldcheck34(self, node: ast.Call) -> ast.expr | None:
        """``sum(ELT for i in range(m))`` (a list comprehension alike) — a per-example loop
        accumulating ``dW += x_i.T @ dz_i`` as cells.py writes it — where ``ELT`` is a sum of
        terms over the rows of batch tensors (``X[i]`` or ``X[i:i+1]``, a tensor whose first
        axis is the range's size name): an outer product of two row expressions (``U.T @ V``,
        ``U.T.dot(V)``, ``np.dot(U.T, V)``, ``np.outer(U, V)``) is ``B(U).T @ B(V)``, a row
        expression ``np.sum(B(R), axis=0)`` (``keepdims`` for slices), each times a scalar
        factor. ``B`` is the same expression over the whole batch: element-wise operations and
        functions of rows and of operands that broadcast alike along a row (numbers, sizes,
        constants, a row or a 1-D tensor), a row times a matrix ``R @ W``, a matrix times a 1-D
        row ``W @ r`` (``r @ W.T``); None for anything else (left to the readers before)."""
        found = _summed_over_range_heldcheck26(node, ("sum",), ast.GeneratorExp | ast.ListComp)
        if found is None or self.net is None:
            return None
        gen, comp = found
        size = self.visit(copy.deepcopy(comp.iter.args[0]))
        if not isinstance(size, ast.Name):
            return None
        return _SummedRowsHeldcheck34(self, size.id, comp.target.id).term(copy.deepcopy(gen.elt))

    def tiled(self, node: ast.Call) -> ast.expr | None:
        """A row or column repeated along its axis of size 1 — ``dp.repeat(L, 1)`` (PyTorch's tile),
        ``np.tile(dp, (L, 1))``, ``np.repeat(dp, L, axis=0)``, ``dp.repeat_interleave(L, dim=0)``,
        ``dp.expand(L, -1)``, ``np.broadcast_to(dp, (L, C))``, ``dp.expand_as(U)`` — as the
        broadcast it is, ``dp * np.ones((L, 1))`` (``dp + 0 * U``); None where an axis of more
        than one entry would be repeated (stacked copies, not a broadcast) or the form is other."""
        f = node.func
        if not isinstance(f, ast.Attribute) or f.attr not in _TILES:
            return None
        module = isinstance(f.value, ast.Name) and f.value.id in _NUMPY_MODULES
        if module and not node.args:
            return None
        x, rest = (node.args[0], list(node.args[1:])) if module else (f.value, list(node.args))
        kw = {k.arg: k.value for k in node.keywords}
        like = None  # expand_as(U), broadcast_to(x, U.shape): U's shape
        if f.attr == "expand_as" and len(rest) == 1 and not kw:
            like = rest[0]
        elif f.attr in ("broadcast_to", "expand") and len(rest) == 1 and not kw and (
            isinstance(rest[0], ast.Attribute) and rest[0].attr == "shape"
        ):
            like = rest[0].value
        if like is not None:
            return ast.BinOp(x, ast.Add(), ast.BinOp(_c(0), ast.Mult(), like))
        shape = self.shape_of(x)
        if shape is None:
            return None

        def number(d: ast.expr) -> int | None:
            if isinstance(d, ast.UnaryOp) and isinstance(d.op, ast.USub) and isinstance(d.operand, ast.Constant):
                return -d.operand.value if isinstance(d.operand.value, int) else None
            return d.value if isinstance(d, ast.Constant) and isinstance(d.value, int) else None

        interleave = f.attr == "repeat_interleave" or (f.attr == "repeat" and (module or "axis" in kw))
        if interleave:  # NumPy's repeat: each entry k times along the axis (a tile where it is 1)
            k = rest[0] if rest else kw.get("repeats")
            axis = rest[1] if len(rest) > 1 else kw.get("axis", kw.get("dim"))
            a = number(axis) if axis is not None else None
            if k is None or a not in (0, 1) or shape[a] != 1:
                return None
            dims = [k, _c(1)] if a == 0 else [_c(1), k]
        else:
            dims = list(rest[0].elts) if len(rest) == 1 and isinstance(rest[0], (ast.Tuple, ast.List)) else rest
            if len(dims) != 2 or kw:
                return None
            out = []
            for d, n in zip(dims, shape):
                v = number(d)
                if f.attr in ("tile", "repeat"):  # repetitions: only an axis of one entry may take more
                    if n != 1 and v != 1:
                        return None
                    out.append(d if n == 1 else _c(1))
                else:  # a target size (expand's -1 keeps it); on an axis of more, its own size
                    if n != 1 and v is not None and v not in (-1, n):
                        return None
                    out.append(_c(1) if v == -1 else d)  # a number for a size stays one
            dims = out
        ones = ast.Call(
            ast.Attribute(ast.Name("np", ast.Load()), "ones", ast.Load()), [ast.Tuple(dims, ast.Load())], []
        )
        return ast.BinOp(x, ast.Mult(), ones)

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        opposite = legacy44.negated(node)  # heldcheck44: ~(Z1 <= 0) as Z1 > 0
        if opposite is not None:
            self.changed = True
            return self.visit(opposite)
        return self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        f = node.func
        spelled44 = legacy44.aliased_call(node, lambda name: self.net is not None and name in self.net.g.tensors) or legacy45.aliased_call(
            node, lambda name: self.net is not None and name in self.net.g.tensors) or legacy46.aliased_call(
            node, lambda name: self.net is not None and name in self.net.g.tensors)  # heldcheck45: .mul_(…), .t_(), tf.linalg.matvec …; heldcheck46: mint.softmax
        if spelled44 is not None:  # heldcheck44: np.logical_not, np.moveaxis, adjoint_a …
            self.changed = True
            return self.visit(spelled44)
        conv42 = _conv_spellings_cv43(node) or _conv_spellings_cv42(node)
        if conv42 is not None:
            self.changed = True
            return self.visit(conv42)
        spelled41 = _ufunc_spellings_heldcheck41(node)
        if spelled41 is not None:
            self.changed = True
            return self.visit(spelled41)
        row = _len_of_a_row_heldcheck39(node)
        if row is not None:  # nnfs's outputs = len(dvalues[0]): a row's length, X.shape[1]
            self.changed = True
            return self.dim(row, 1)
        if (tiled := self.tiled(node)) is not None:
            self.changed = True
            return self.visit(tiled)
        if isinstance(f, ast.Attribute) and f.attr in ("count_nonzero", "vecdot") and self.net is not None:
            try:  # heldcheck36: torch.count_nonzero(mask), torch.linalg.vecdot(u, v) as the spec reads them
                spelled = spelling.sums_spelled_hn35(ast.unparse(node), frozenset(self.net.g.tensors))
            except spelling.SpellingError:
                spelled = None
            if spelled is not None and spelled != ast.unparse(node):
                self.changed = True
                return self.visit(ast.parse(spelled, mode="eval").body)
        is_tensor = lambda name: self._tensor(ast.Name(name, ast.Load())) is not None  # noqa: E731
        aliased = _aliased_call_heldcheck37(node, is_tensor)
        if aliased is None:
            aliased = _aliased_call_heldcheck38(node, is_tensor)
        if aliased is None:  # heldcheck43: MLX, OneFlow, MegEngine, operator, BLAS, dot_general …
            # (a module's name is a tensor's only as written: np is not dp's p, mx not dx's x)
            tensors = self.net.g.tensors if self.net is not None else {}
            aliased = legacy43.aliased_call(node, tensors.__contains__, lambda name: getattr(tensors.get(name), "shape", None))
        if aliased is not None:
            self.changed = True
            return self.visit(aliased)
        if (  # heldcheck36: (…).cpu().numpy() of a computed gradient: the same values as an array
            isinstance(f, ast.Attribute) and f.attr in ("numpy", "cpu", "asnumpy")
            and not node.args and not node.keywords and not isinstance(f.value, ast.Name)
        ):
            self.changed = True
            return self.visit(f.value)
        listed = _summed_over_listed_heldcheck36(node)
        if listed is not None:
            self.changed = True
            return self.visit(listed)
        unsqueezed = _unsqueezed_heldcheck36(node)
        if unsqueezed is not None:
            self.changed = True
            return self.visit(unsqueezed)
        summed = (
            self.summed_generator(node) or self.summed_rows_heldcheck34(node)
            or self.summed_outer_heldcheck26(node) or self.stacked_rows_heldcheck32(node)
        )
        if summed is not None:
            self.changed = True
            return self.visit(summed)
        if isinstance(f, ast.Attribute) and f.attr in ("vstack", "row_stack", "concatenate"):
            _literal_blocks(node, f.attr)  # np.vstack(([[0]], theta[1:])): a block of zeros
        if (  # np.vstack([np.zeros((m - 1, h)), …]): a 0 block would be read as the number 0
            isinstance(f, ast.Attribute)
            and f.attr in ("hstack", "vstack", "row_stack", "concatenate", "cat")
            and any(_zeros_block(n) for n in ast.walk(node))
        ):
            if not self.zero_blocks(node):
                raise self.unsupported(f"np.zeros((r, c)) in .{f.attr}")
        if (  # PyTorch's X.size(0): the size's name, as X.shape[0]
            isinstance(f, ast.Attribute)
            and f.attr == "size"
            and isinstance(f.value, ast.Name)
            and len(node.args) == 1
            and not node.keywords
            and _index(node.args[0]) is not None
            and self._tensor(f.value) is not None
        ):
            self.changed = True
            return self.dim(f.value.id, _index(node.args[0]))  # type: ignore[arg-type]
        if self.scalar and len(node.args) == 2 and not node.keywords and (
            isinstance(f, ast.Attribute)
            and isinstance(f.value, ast.Name)
            and f.value.id in _NUMPY_MODULES
            and f.attr in ("dot", "inner", "vdot", "matmul")
        ):
            dot = self.slice_dot(node.args[0], node.args[1])
            if dot is not None:  # np.dot(h_relu[:, 0], y_pred[:, 1] - y[:, 1])
                return dot
        if self.scalar and len(node.args) == 1 and not node.keywords and (
            isinstance(f, ast.Attribute) and f.attr == "dot" and _sliced(f.value)
        ):
            dot = self.slice_dot(f.value, node.args[0])
            if dot is not None:  # h_relu[:, 0].dot(y_pred[:, 1] - y[:, 1])
                return dot
        batched = self.batch_outer(node)
        if batched is not None:  # np.mean(A1[:, :, None] * dZ2[:, None, :], axis=0)
            self.changed = True
            return self.visit(batched)
        unrolled = self.unrolled(node)
        if unrolled is not None:  # np.sum((y_pred[:, 0] - y[:, 0]) * h_relu[:, 0])
            self.changed = True
            return self.visit(unrolled)
        outer = _einsum_1d_outer_heldcheck29(node, vectors(self.net) if self.net is not None else frozenset())
        if outer is not None:  # np.einsum('i,j->ij', X[0], d[0]): np.outer of the slices
            self.changed = True
            return self.visit(outer)
        self.generic_visit(node)
        if names.row_sum_1d(node, _NUMPY_MODULES):
            # np.sum(X, axis=1) without keepdims: NumPy's 1-D result broadcasts as a ROW
            self.changed = True
            node.keywords = [k for k in node.keywords if k.arg not in ("keepdims", "keepdim")]
            return ast.Attribute(self.call(node), "T", ast.Load())
        return self.call(node)

    def call(self, node: ast.Call) -> ast.AST:
        if names.call_keywords(node):
            self.changed = True
        f, args = node.func, node.args
        if isinstance(f, ast.Name):
            if f.id == "sum" and len(args) == 1 and not node.keywords:
                self.changed = True  # Python's sum(x) adds the rows: np.sum(x, axis=0)
                np_sum = ast.Attribute(ast.Name("np", ast.Load()), "sum", ast.Load())
                return self.call(ast.Call(np_sum, [args[0]], [ast.keyword("axis", ast.Constant(0))]))
            if f.id == "len" and len(args) == 1 and isinstance(args[0], ast.Name):
                self.changed = True
                return self.dim(args[0].id, 0)
            act = f.id.removesuffix(_BACKWARD)
            if (
                f.id.endswith(_BACKWARD)
                and act in ops.activations()
                and len(args) == 2
                and not node.keywords
            ):
                self.changed = True
                dA, z = args
                return ast.BinOp(dA, ast.Mult(), _derivative_ast(act, z))
            m = _PRIME.fullmatch(f.id)
            if m and m.group(1) in ops.activations() and len(args) == 1 and not node.keywords:
                self.changed = True  # Nielsen's sigmoid_prime(z): the activation's derivative
                return _derivative_ast(m.group(1), args[0])
            if f.id in ("sign", "sgn") and len(args) == 1 and not node.keywords:
                self.changed = True  # sign(w), as derive prints abs's derivative (L1 penalties)
                x = args[0]
                return ast.BinOp(_cmp(x, ast.Gt(), _c(0)), ast.Sub(), _cmp(x, ast.Lt(), _c(0)))
            if f.id == "float" and len(args) == 1:
                self.changed = True
                return args[0]
            if f.id in ("int", "bool") and len(args) == 1:
                self.changed = True
                return self.cast(args[0], f.id, f.id)
            return node
        if not isinstance(f, ast.Attribute):
            return node
        base = f.value
        if f.attr == "cross" and ast.unparse(base) in _CROSS_MODULES_HELDCHECK27:
            self.changed = True  # np.cross(a, b, axis=1), torch.linalg.cross(a, b, dim=1)
            return self.cross_heldcheck27(node, ast.unparse(base))
        if (  # tf.size(Y) (tf.math.size): the number of entries, NumPy's Y.size
            ast.unparse(base) in ("tf", "tf.math") and f.attr == "size" and len(args) == 1
            and not node.keywords and isinstance(args[0], ast.Name)
        ):
            self.changed = True
            return self.visit_Attribute(ast.Attribute(args[0], "size", ast.Load()))
        if isinstance(base, ast.Name) and base.id == "tf" and f.attr == "cast" and len(args) == 2:
            self.changed = True  # TensorFlow's tf.cast(H > 0, tf.float32): x.astype(float)
            return self.cast(args[0], _dtype(args[1]), ast.unparse(args[1]))
        tf_fn = _tf_submodule_function_heldcheck26(node)
        if tf_fn is not None:  # tf.nn.softmax(Z), tf.math.sigmoid(Z): PyTorch's function
            self.changed = True
            return self.visit_Call(tf_fn)
        if isinstance(base, ast.Name) and base.id == "tf":
            return node  # tf.reduce_sum, tf.matmul …: the language reads TensorFlow's names
        if ast.unparse(base) == "tf.linalg" and f.attr == "matmul":  # heldcheck36: tf.matmul's alias
            self.changed = True
            return ast.Call(ast.Attribute(ast.Name("tf", ast.Load()), "matmul", ast.Load()), args, node.keywords)
        if ast.unparse(base) in spelling.KERAS:  # heldcheck35: Keras backend's K.dot, K.transpose …
            keras = self.keras_heldcheck35(node, f.attr, args)
            if keras is not None:
                return keras
        if ast.unparse(base) in _KERAS_OPS_HELDCHECK36 and self._tensor(ast.Name("ops", ast.Load())) is None:
            keras = self.keras_ops_heldcheck36(node, f.attr, args)
            if keras is not None:
                return keras
        if isinstance(base, ast.Name) and base.id in _NUMPY_MODULES:
            self.changed = True
            name = f.attr
            shown = f"{base.id}.{name}"
            two = len(args) == 2
            if name in ("dot", "matmul", "mm") and two:
                return ast.BinOp(args[0], ast.MatMult(), args[1])
            if name in ("multiply", "mul") and two:
                return ast.BinOp(args[0], ast.Mult(), args[1])
            if name in ("divide", "div", "true_divide") and two:
                return ast.BinOp(args[0], ast.Div(), args[1])
            if name == "add" and two:
                return ast.BinOp(args[0], ast.Add(), args[1])
            if name == "subtract" and two:
                return ast.BinOp(args[0], ast.Sub(), args[1])
            if name in ("transpose", "t") and len(args) == 1:  # np.transpose(A), torch.t(A)
                return ast.Attribute(args[0], "T", ast.Load())
            axes = _transpose_axes_of_call(name, args, node.keywords)
            if axes is not None:  # np.transpose(X, (1, 0)), np.transpose(X, axes=[1, 0])
                return self.visit_Call(
                    ast.Call(ast.Attribute(args[0], "permute", ast.Load()), axes, [])
                )
            if name in ("transpose", "swapaxes") and len(args) == 3:  # torch.transpose(A, 0, 1)
                return self.visit_Call(
                    ast.Call(ast.Attribute(args[0], "transpose", ast.Load()), args[1:], [])
                )
            if name == "square" and len(args) == 1:
                return ast.BinOp(args[0], ast.Pow(), _c(2))
            if name in ("sinh", "cosh") and len(args) == 1 and not node.keywords:
                # heldcheck35: log-cosh's slope sinh/cosh (the table lists tanh): (eˣ ∓ e⁻ˣ) / 2
                up = ast.Call(ast.Name("exp", ast.Load()), [args[0]], [])
                down = ast.Call(ast.Name("exp", ast.Load()), [ast.UnaryOp(ast.USub(), copy.deepcopy(args[0]))], [])
                op = ast.Sub() if name == "sinh" else ast.Add()
                return ast.BinOp(ast.BinOp(up, op, down), ast.Div(), _c(2))
            if name == "sqrt" and len(args) == 1:
                return ast.BinOp(args[0], ast.Pow(), _c(0.5))
            if name in ("power", "pow") and two:
                return ast.BinOp(args[0], ast.Pow(), args[1])
            if name in ("copy", "squeeze") and len(args) == 1 and not node.keywords:
                return args[0]  # np.copy(dA): the same values; np.squeeze(x) as x.squeeze()
            if name == "average" and len(args) <= 2 and all(
                k.arg in ("axis", "keepdims") for k in node.keywords
            ):  # np.average without weights is np.mean
                np_mean = ast.Attribute(ast.Name(base.id, ast.Load()), "mean", ast.Load())
                return self.call(ast.Call(np_mean, args, node.keywords))
            if name in ("stack", "column_stack") and len(args) == 1 and isinstance(args[0], (ast.List, ast.Tuple)):
                return self.stacked_heldcheck27(node, name, shown)
            if ex.array_literal_s28(node) and (held := self.literal(node)) is not None:
                return held  # np.array([1.0, 2.0]) of the spec's own numbers: its input (const)
            if (
                name in ("array", "asarray", "tensor", "stack", "hstack")
                and len(args) == 1
                and not node.keywords
                and isinstance(args[0], (ast.List, ast.Tuple))
                and len(args[0].elts) > 1
                and not any(isinstance(e, (ast.List, ast.Tuple)) for e in args[0].elts)
                and all(self.shape_of(self.visit(e)) == (1, 1) for e in args[0].elts)
            ):  # np.array([db0, db1]) of computed numbers: the vector they make
                items = [self.visit(e) for e in args[0].elts]
                join = ast.Attribute(ast.Name("np", ast.Load()), "hstack", ast.Load())
                return ast.Call(join, [ast.List(items, ast.Load())], [])
            if name in ("array", "asarray", "tensor", "as_tensor", "float64", "float32", "double") and len(args) == 1:
                dtype = [k.value for k in node.keywords if k.arg == "dtype"]
                if any(k.arg not in ("dtype", "copy") for k in node.keywords):
                    raise self.unsupported(shown)
                if dtype:
                    return self.cast(args[0], _dtype(dtype[0]), ast.unparse(dtype[0]))
                return args[0]
            if name in ("int64", "int32", "int_", "bool_") and len(args) == 1:
                return self.cast(args[0], name, shown)
            cmp = {
                "greater": ast.Gt(),
                "gt": ast.Gt(),
                "greater_equal": ast.GtE(),
                "ge": ast.GtE(),
                "less": ast.Lt(),
                "lt": ast.Lt(),
                "less_equal": ast.LtE(),
                "le": ast.LtE(),
            }
            if name in ("clamp", "clamp_min", "clip") and args:  # torch.clamp(Z, min=0)
                return self.visit(_clamped_call(args[0], args[1:], node.keywords, name))
            if name in cmp and two:
                return _cmp(args[0], cmp[name], args[1])
            if name in ("not_equal", "ne") and two:
                return _nonzero(args[0], args[1])
            if name in ("logical_and", "logical_or") and two:  # np.logical_and(Z > 0, Z < 6)
                bit: ast.operator = ast.BitAnd() if name == "logical_and" else ast.BitOr()
                return self.visit_BinOp(ast.BinOp(args[0], bit, args[1]))
            if name in _ABS and len(args) == 1 and not node.keywords:
                return ast.Call(ast.Name("abs", ast.Load()), args, [])  # np.abs(r): |r|
            if name == "sign" and len(args) == 1:
                x = args[0]
                return ast.BinOp(_cmp(x, ast.Gt(), _c(0)), ast.Sub(), _cmp(x, ast.Lt(), _c(0)))
            if name in ex.SUGAR and len(args) == ex.SUGAR[name] and not node.keywords:
                return ast.Call(ast.Name(name, ast.Load()), args, [])  # the parser's rewrite
            if (
                name == "heaviside"
                and two
                and isinstance(args[1], ast.Constant)
                and args[1].value in (0, 1)
            ):
                op: ast.cmpop = ast.GtE() if args[1].value == 1 else ast.Gt()
                return ast.Compare(args[0], [op], [ast.Constant(0)])
            if name == "where" and len(args) == 3:
                c, a, b = args
                if not _is_01(c):
                    c = _nonzero(c)
                zero = isinstance(b, ast.Constant) and b.value == 0
                if zero and isinstance(a, ast.Constant) and a.value == 1:
                    return c
                out: ast.expr = c if zero else ast.BinOp(c, ast.Mult(), a)
                if zero:
                    return ast.BinOp(c, ast.Mult(), a)
                rest = ast.BinOp(ast.BinOp(_c(1), ast.Sub(), c), ast.Mult(), b)
                return ast.BinOp(out, ast.Add(), rest)
            if name in ("zeros_like", "zeros") and len(args) == 1:
                return _c(0)  # dW = np.zeros_like(W): a zero (broadcast) to add terms to
            if name == "reshape" and len(args) >= 2:
                return self.reshaped(args[0], args[1:], shown)
            if name in ("expand_dims", "unsqueeze") and len(args) + len(node.keywords) == 2:
                axis = args[1] if len(args) == 2 else node.keywords[0].value
                return self.oriented(args[0], _axis_of(axis), shown)
            if (
                name == "size"
                and args
                and isinstance(args[0], ast.Name)
                and len(args) + len(node.keywords) in (1, 2)
                and all(k.arg == "axis" for k in node.keywords)
            ):
                # np.size(O) is O.size; np.size(X, 0) (or axis=0) is X.shape[0]
                if len(args) + len(node.keywords) == 1:
                    return self.visit_Attribute(ast.Attribute(args[0], "size", ast.Load()))
                axis = args[1] if len(args) == 2 else node.keywords[0].value
                shape = ast.Attribute(args[0], "shape", ast.Load())
                return self.visit(ast.Subscript(shape, axis, ast.Load()))
            if name == "prod" and len(args) == 1:  # np.prod(Y.shape): Y.size
                a = args[0]
                if (
                    isinstance(a, ast.Attribute)
                    and a.attr == "shape"
                    and isinstance(a.value, ast.Name)
                ):
                    return self.visit_Attribute(ast.Attribute(a.value, "size", ast.Load()))
                raise self.unsupported(shown)
            if name in ("softmax", "log_softmax") and len(args) + len(node.keywords) == 2:
                axis = args[1] if len(args) == 2 else node.keywords[0].value
                k = _axis_of(axis)
                if k == 0 and self.one_d_name_heldcheck35(args[0]):
                    k = -1  # heldcheck35: torch.softmax(out, 0) of a 1-D vector: over its entries
                if k not in (0, 1, -1):  # the network's softmax is row by row
                    raise self.unsupported(f"{shown}(…, axis=0)")
                if k == 0:  # over each column: the row-wise softmax of the transpose, transposed
                    t = ast.Attribute(args[0], "T", ast.Load())
                    row = ast.Call(ast.Name(name, ast.Load()), [t], [])
                    return ast.Attribute(row, "T", ast.Load())
                node.args, node.keywords = args[:1], []
                node.func = ast.Name(name, ast.Load())
                return node
            if name == "einsum" and len(args) in (2, 3, 4):
                return _einsum(args, lambda v, axis: self.oriented(v, axis, "[:, None]"))
            if name == "outer" and two:
                sa, sb = self.shape_of(args[0]), self.shape_of(args[1])
                if sa is None or sb is None or 1 not in sa or 1 not in sb:
                    raise _Unsupported(msg("error.outer"))
                # np.atleast_2d: a row in the rows reading and in NumPy's alike (a 1-D step's .T
                # is itself in NumPy's, so the column is taken of the 2-D row)
                a, b = (_atleast_2d(x) for x in args[:2])
                a = a if sa[1] == 1 else ast.Attribute(a, "T", ast.Load())
                b = b if sb[0] == 1 else ast.Attribute(b, "T", ast.Load())
                return ast.BinOp(a, ast.MatMult(), b)
            if name in ("sum", "mean") and two:
                node.keywords = [ast.keyword("axis", args[1]), *node.keywords]
                args = node.args = [args[0]]
            if name in ("hstack", "vstack", "row_stack", "concatenate", "cat"):
                return node  # the language's concat reads them (derive.lang.spelling)
            if name == "cumsum" and len(args) + len(node.keywords) in (1, 2):
                axis = args[1] if len(args) == 2 else _keyword_axis_heldcheck26(node)
                return self.cumsum_blocks_heldcheck26(args[0], axis, shown)
            if name in ("eye", "identity") and 1 <= len(args) <= 2:
                eye = self.identity(args)
                if eye is not None:  # np.eye(D): the network's identity input of that size
                    return eye
                raise self.unsupported(shown)
            if name == "ones" and not node.keywords:
                filled = self.filled(args)
                if filled is not None:  # np.ones((m - 1, n)) / ((m - 1) * n): a block of 1s
                    return filled
                raise _Unsupported(msg("error.ones_shape", call=ast.unparse(node)))
            if ops.numpy_name(name) is not None:  # np.tanh, np.exp … (the operation table)
                node.func = ast.Name(ops.numpy_name(name), ast.Load())
                return node
            raise self.unsupported(shown)
        if f.attr == "cumsum" and len(args) + len(node.keywords) <= 1:  # dZ.cumsum(0), .cumsum(dim=0)
            self.changed = True
            axis = args[0] if args else _keyword_axis_heldcheck26(node)
            return self.cumsum_blocks_heldcheck26(base, axis, ".cumsum")
        if f.attr in ("reshape", "view") and not node.keywords:
            self.changed = True
            return self.reshaped(base, args, "." + f.attr)
        if f.attr == "unsqueeze" and len(args) == 1 and not node.keywords:
            self.changed = True
            return self.oriented(base, _axis_of(args[0]), ".unsqueeze")
        if f.attr in ("copy", "clone") and not args and not node.keywords:
            self.changed = True
            return base  # dA.copy(), dA.clone(): the same values
        if f.attr in ("sum", "mean"):
            self.changed = True
            if len(args) == 1:
                node.keywords = [ast.keyword("axis", args[0]), *node.keywords]
            return ast.Call(ast.Name(f.attr, ast.Load()), [base], node.keywords)
        if f.attr in ("dot", "matmul", "mm") and len(args) == 1:
            self.changed = True
            return ast.BinOp(base, ast.MatMult(), args[0])
        if f.attr == "astype":
            self.changed = True
            arg = args[0] if len(args) == 1 and not node.keywords else None
            if arg is None and not args and len(node.keywords) == 1:
                if node.keywords[0].arg == "dtype":
                    arg = node.keywords[0].value
            spelled = ast.unparse(arg) if arg is not None else "…"
            return self.cast(base, _dtype(arg) if arg is not None else None, spelled)
        if f.attr in ("float", "double") and not args:
            self.changed = True
            return base
        if f.attr in ("int", "long", "bool") and not args:
            self.changed = True
            return self.cast(base, f.attr, f".{f.attr}()")
        if f.attr in ("item", "squeeze", "copy") and not args:
            self.changed = True
            return base
        if f.attr in ("transpose", "t") and not args:
            self.changed = True
            return ast.Attribute(base, "T", ast.Load())
        if f.attr == "permute" and len(args) == 2 and not node.keywords:
            try:  # PyTorch's A.permute(1, 0): the transpose; permute(0, 1): A itself
                order = [ast.literal_eval(a) % 2 for a in args]
            except (ValueError, TypeError):
                raise self.unsupported(".permute") from None
            if sorted(order) != [0, 1]:
                raise self.unsupported(".permute")
            self.changed = True
            return base if order == [0, 1] else ast.Attribute(base, "T", ast.Load())
        if f.attr in ("transpose", "swapaxes") and len(args) == 2 and not node.keywords:
            try:  # PyTorch's x.transpose(0, 1), (1, 0), (-2, -1): of a matrix, its transpose
                dims = {ast.literal_eval(a) % 2 for a in args}
            except (ValueError, TypeError):
                raise self.unsupported(f".{f.attr}") from None
            if dims != {0, 1}:
                raise self.unsupported(f".{f.attr}")
            self.changed = True
            return ast.Attribute(base, "T", ast.Load())
        binary = {"mul": ast.Mult, "multiply": ast.Mult, "div": ast.Div, "divide": ast.Div,
                  "true_divide": ast.Div, "add": ast.Add, "sub": ast.Sub, "subtract": ast.Sub,
                  "pow": ast.Pow}
        if f.attr in binary and len(args) == 1 and not node.keywords:
            self.changed = True  # PyTorch's (A2 - Y).div(m), dZ.mul(mask)
            return ast.BinOp(base, binary[f.attr](), args[0])
        compare = {"gt": ast.Gt, "ge": ast.GtE, "lt": ast.Lt, "le": ast.LtE, "eq": ast.Eq, "ne": ast.NotEq}
        if f.attr in compare and len(args) == 1 and not node.keywords:
            self.changed = True  # heldcheck35: PyTorch's h.gt(0) (h.le(0), …): the comparison
            return _cmp(base, compare[f.attr](), args[0])
        if f.attr in ("to", "type") and len(args) + len(node.keywords) == 1:
            self.changed = True  # mask.to(Z.dtype), .to(torch.float32), .type(torch.float)
            arg = args[0] if args else node.keywords[0].value
            dtype = _dtype(arg)
            return self.cast(base, dtype, ast.unparse(arg)) if dtype is not None else base
        if f.attr == "numel" and not args and isinstance(base, ast.Name):
            return self.visit_Attribute(ast.Attribute(base, "size", ast.Load()))
        if f.attr in _ABS and not args and not node.keywords:  # PyTorch's r.abs()
            self.changed = True
            return ast.Call(ast.Name("abs", ast.Load()), [base], [])
        if f.attr == "sign" and not args and not node.keywords:  # PyTorch's Z.sign()
            fn = ast.Attribute(ast.Name("np", ast.Load()), "sign", ast.Load())
            return self.call(ast.Call(fn, [base], []))
        if f.attr in ("clamp", "clamp_min", "clip"):  # PyTorch's Z.clamp(min=0)
            return self.visit(_clamped_call(base, args, node.keywords, f.attr))
        act = ops.numpy_name(f.attr)
        if act is not None and ops.get(act).kind == ops.ELEMENTWISE and not args:  # Z.tanh()
            self.changed = True
            return ast.Call(ast.Name(act, ast.Load()), [base], [])
        raise self.unsupported(self.method_name(f))

    def one_d_name_heldcheck35(self, x: ast.expr) -> bool:
        """Is ``x`` a 1-D tensor of the network (``out = W_out @ h3``) or its gradient, or an
        element-wise expression of such names and numbers: its only axis is axis 0?"""
        if self.net is None:
            return False
        one_d = set(self.net.spec.one_d)
        vec = vectors(self.net) | one_d | {"d" + n for n in one_d}
        if isinstance(x, ast.Name):
            return x.id in vec
        if isinstance(x, ast.UnaryOp):
            return self.one_d_name_heldcheck35(x.operand)
        if isinstance(x, ast.BinOp) and isinstance(x.op, ast.Add | ast.Sub | ast.Mult | ast.Div):
            sides = (x.left, x.right)
            return any(self.one_d_name_heldcheck35(e) for e in sides) and all(
                self.one_d_name_heldcheck35(e) or isinstance(e, ast.Constant) for e in sides
            )
        return False

    def keras_heldcheck35(self, node: ast.Call, name: str, args: list[ast.expr]) -> ast.AST | None:
        """Keras backend's ``K.transpose(x)`` (x.T), ``K.dot``/``K.sum``/``K.square``/``K.exp``
        … (NumPy's function of the same name and arguments) and ``K.sigmoid``/``K.tanh``/
        ``K.relu`` (the language's activation) read as written with ``np.``; ``None`` for any
        other Keras name (the language's own reading, or its message)."""
        if name == "transpose" and len(args) == 1 and not node.keywords:
            self.changed = True
            return ast.Attribute(args[0], "T", ast.Load())
        if name in _KERAS_AS_NUMPY_HELDCHECK35:
            self.changed = True
            np_fn = ast.Attribute(ast.Name("np", ast.Load()), name, ast.Load())
            return self.call(ast.Call(np_fn, args, node.keywords))
        if name in ops.activations() and len(args) == 1 and not node.keywords:
            self.changed = True
            return ast.Call(ast.Name(name, ast.Load()), args, [])
        return None

    def keras_ops_heldcheck36(self, node: ast.Call, name: str, args: list[ast.expr]) -> ast.AST | None:
        """Keras 3's ``ops`` (``from keras import ops``; ``keras.ops``) in a custom training
        loop's backward pass: ``ops.matmul(a, b)`` (a @ b), ``ops.shape(x)`` (``x.shape``),
        ``ops.cast(m, "float32")`` (a float of ``m``), ``ops.where``/``ops.sum``/``ops.mean``/…
        as NumPy's function of the same name, the rest as the Keras backend's
        (:meth:`keras_heldcheck35`); ``None`` for another name (the language's message)."""
        if name == "matmul" and len(args) == 2 and not node.keywords:
            self.changed = True
            return ast.BinOp(args[0], ast.MatMult(), args[1])
        if name == "shape" and len(args) == 1 and not node.keywords:
            self.changed = True
            return self.visit_Attribute(ast.Attribute(args[0], "shape", ast.Load()))
        if name == "cast" and len(args) == 2 and not node.keywords:
            self.changed = True
            return self.cast(args[0], _dtype(args[1]), ast.unparse(args[1]))
        if name in ("where", "multiply", "divide", "add", "subtract", "outer", "einsum") and name not in _KERAS_AS_NUMPY_HELDCHECK35:
            self.changed = True
            np_fn = ast.Attribute(ast.Name("np", ast.Load()), name, ast.Load())
            return self.call(ast.Call(np_fn, args, node.keywords))
        return self.keras_heldcheck35(node, name, args)

    def method_name(self, f: ast.Attribute) -> str:
        """How to name an unsupported call: ``np.linalg.pinv``, ``torch.autograd.grad`` as
        written where the call is a module's function (a dotted path whose root is no tensor of
        the network); ``.foo`` for a method of a value."""
        root: ast.expr = f
        while isinstance(root, ast.Attribute):
            root = root.value
        if isinstance(root, ast.Name) and self._tensor(root) is None:
            known = self.net is not None and self.net.known(root.id)
            if not known:
                return ast.unparse(f)
        return "." + f.attr


def _whole_rows_heldcheck32(node: ast.expr, i: str) -> ast.expr:
    """``X[i, :]`` (row ``i`` with every column) written ``X[i]``."""

    class _Rows(ast.NodeTransformer):
        def visit_Subscript(self, n: ast.Subscript) -> ast.AST:
            self.generic_visit(n)
            s = n.slice
            if (
                isinstance(s, ast.Tuple) and len(s.elts) == 2 and isinstance(s.elts[0], ast.Name)
                and s.elts[0].id == i and isinstance(s.elts[1], ast.Slice)
                and s.elts[1].lower is None and s.elts[1].upper is None and s.elts[1].step is None
            ):
                return ast.Subscript(n.value, ast.Name(i, ast.Load()), n.ctx)
            return n

    out = _Rows().visit(node)
    assert isinstance(out, ast.expr)
    return out


def _np_call(name: str, *args: ast.expr, **kw: ast.expr) -> ast.Call:
    return ast.Call(
        ast.Attribute(ast.Name("np", ast.Load()), name, ast.Load()), list(args),
        [ast.keyword(k, v) for k, v in kw.items()],
    )


def _row_sum(x: ast.expr) -> ast.expr:
    """Each row's sum of ``x``, kept a column: ``np.sum(x, axis=1, keepdims=True)``."""
    return _np_call("sum", x, axis=ast.Constant(1), keepdims=ast.Constant(True))


def _rowwise_heldcheck32(node: ast.expr, rows: set[str]) -> ast.expr | None:
    """A per-example row expression (its rows ``rows`` now the whole batch tensors) as the
    batch's: ``np.diag(a) @ v`` → ``a * v``, ``np.outer(a, b) @ v`` → ``a * Σ_row(b * v)``,
    ``v @ np.diag(a)`` → ``v * a``, ``v @ np.outer(a, b)`` → ``Σ_row(v * a) * b``, sums and
    differences of those distributed, ``a @ v`` of two rows → ``Σ_row(a * v)``; anything else
    of diag/outer (or a row used as a matrix) None."""

    def kind(n: ast.expr) -> str | None:
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr in ("diag", "outer", "ger"):
            return "diag" if n.func.attr == "diag" else "outer"
        return None

    def is_row(n: ast.expr) -> bool:
        names = [m for m in ast.walk(n) if isinstance(m, ast.Name) and m.id != "np"]
        return bool(names) and all(m.id in rows for m in names) and not any(
            kind(m) or isinstance(m, ast.BinOp) and isinstance(m.op, ast.MatMult) for m in ast.walk(n)
        )

    def applied(m: ast.expr, v: ast.expr, left: bool) -> ast.expr | None:
        """The matrix ``m`` (diag, outer, or their sum/difference) times the row ``v``."""
        if isinstance(m, ast.BinOp) and isinstance(m.op, (ast.Add, ast.Sub)):
            a, b = applied(m.left, v, left), applied(m.right, v, left)
            return None if a is None or b is None else ast.BinOp(a, m.op, b)
        k = kind(m)
        if k is None or m.keywords or not all(is_row(a) for a in m.args) or not is_row(v):  # type: ignore[union-attr]
            return None
        if k == "diag" and len(m.args) == 1:  # type: ignore[union-attr]
            return ast.BinOp(m.args[0], ast.Mult(), v)  # type: ignore[union-attr]
        if k == "outer" and len(m.args) == 2:  # type: ignore[union-attr]
            a, b = m.args  # type: ignore[union-attr]
            if left:  # (a bᵀ) v = a (b·v)
                return ast.BinOp(a, ast.Mult(), _row_sum(ast.BinOp(b, ast.Mult(), v)))
            return ast.BinOp(_row_sum(ast.BinOp(v, ast.Mult(), a)), ast.Mult(), b)  # vᵀ(a bᵀ)
        return None

    def has_matrix(n: ast.expr) -> bool:
        return any(kind(m) for m in ast.walk(n))

    def go(n: ast.expr) -> ast.expr | None:
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult):
            if has_matrix(n.left) and not has_matrix(n.right):
                return applied(n.left, n.right, True)
            if has_matrix(n.right) and not has_matrix(n.left):
                return applied(n.right, n.left, False)
            if has_matrix(n):
                return None
            if is_row(n.left) and is_row(n.right):
                return _row_sum(ast.BinOp(n.left, ast.Mult(), n.right))
            return n if not any(isinstance(m, ast.Name) and m.id in rows for m in ast.walk(n)) else None
        if kind(n) is not None:
            return None  # a diag/outer matrix not applied to a row
        if isinstance(n, ast.BinOp):
            a, b = go(n.left), go(n.right)
            return None if a is None or b is None else ast.BinOp(a, n.op, b)
        if isinstance(n, ast.UnaryOp):
            a = go(n.operand)
            return None if a is None else ast.UnaryOp(n.op, a)
        if isinstance(n, (ast.Name, ast.Constant)):
            return n
        return None

    return go(node)


_ELEMENTWISE_HELDCHECK34 = frozenset(
    {"exp", "log", "tanh", "sigmoid", "sqrt", "abs", "sign", "square", "maximum", "minimum", "where",
     "int64", "float64", "heaviside", "expit", "relu"}
)
_MATMUL_HELDCHECK34 = frozenset({"dot", "matmul", "mm"})


def _summed_over_listed_heldcheck36(node: ast.Call) -> ast.expr | None:
    """``sum(hs.T @ (hs @ V - ys) for hs, ys in [(h1, y1), (h2, y2)])`` — a sum over a
    written-out list (or tuple) of items — as the terms added one after the other; else None."""
    if not (
        isinstance(node.func, ast.Name) and node.func.id == "sum" and len(node.args) == 1 and not node.keywords
        and isinstance(node.args[0], (ast.GeneratorExp, ast.ListComp))
    ):
        return None
    gen = node.args[0]
    if len(gen.generators) != 1 or gen.generators[0].ifs or not isinstance(gen.generators[0].iter, (ast.List, ast.Tuple)):
        return None
    comp = gen.generators[0]
    names = [comp.target] if isinstance(comp.target, ast.Name) else list(getattr(comp.target, "elts", []))
    if not names or not all(isinstance(n, ast.Name) for n in names) or not comp.iter.elts:  # type: ignore[attr-defined]
        return None
    terms: list[ast.expr] = []
    for item in comp.iter.elts:  # type: ignore[attr-defined]
        parts = [item] if isinstance(comp.target, ast.Name) else getattr(item, "elts", None)
        if parts is None or len(parts) != len(names):
            return None
        env = {n.id: p for n, p in zip(names, parts)}  # type: ignore[union-attr]

        class Put(ast.NodeTransformer):
            def visit_Name(self, n: ast.Name) -> ast.AST:  # noqa: N802
                return copy.deepcopy(env[n.id]) if n.id in env else n

        terms.append(Put().visit(copy.deepcopy(gen.elt)))
    out = terms[0]
    for t in terms[1:]:
        out = ast.BinOp(out, ast.Add(), t)
    return ast.fix_missing_locations(out)


def _reshaped_heldcheck36(e: ast.expr, shape: tuple[int, int]) -> ast.expr | None:
    """``x`` of ``x.reshape(-1, 1)`` (``x.reshape((-1, 1))``, ``x[:, None]``) for ``shape`` (-1,
    1), of ``x.reshape(1, -1)`` (``x[None, :]``) for (1, -1); else None."""
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr == "reshape" and not e.keywords:
        dims = e.args[0].elts if len(e.args) == 1 and isinstance(e.args[0], ast.Tuple) else e.args
        if [ast.unparse(d) for d in dims] == [str(k) for k in shape]:
            return e.func.value
    if isinstance(e, ast.Subscript) and isinstance(e.slice, ast.Tuple) and len(e.slice.elts) == 2:
        first, second = (ast.unparse(x) for x in e.slice.elts)
        new = ("None", "np.newaxis")
        if (shape == (-1, 1) and first == ":" and second in new) or (shape == (1, -1) and first in new and second == ":"):
            return e.value
    return None


def _sized_reshape_heldcheck38(e: ast.expr, column: bool) -> ast.expr | None:
    """``x`` of a 1-D row made a column (``column``: ``x.reshape(-1, 1)``, ``x[:, None]``, and
    Ng's ``x.reshape(C, 1)`` with its length written out, which NumPy refuses for any other
    length) or a row (``x.reshape(1, -1)``, ``x.reshape(1, d)``); else None."""
    got = _reshaped_heldcheck36(e, (-1, 1) if column else (1, -1))
    if got is not None:
        return got
    if isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr == "reshape" and not e.keywords:
        dims = e.args[0].elts if len(e.args) == 1 and isinstance(e.args[0], ast.Tuple) else e.args
        if len(dims) == 2 and ast.unparse(dims[1 if column else 0]) == "1":
            return e.func.value
    return None


def _unsqueezed_of(e: ast.expr, axes: tuple[int, ...]) -> ast.expr | None:
    """``x`` of ``x.unsqueeze(k)`` / ``torch.unsqueeze(x, k)`` / ``x[None]`` (k 0) with ``k`` in
    ``axes``, else None."""
    if isinstance(e, ast.Call) and not e.keywords:
        f = e.func
        torch_fn = isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.value.id == "torch"
        if isinstance(f, ast.Attribute) and f.attr == "unsqueeze" and len(e.args) == 1 + torch_fn:
            k = -1 if ast.unparse(e.args[-1]) == "-1" else _index(e.args[-1])
            if k in axes:
                return e.args[0] if torch_fn else f.value
    return None


def _unsqueezed_heldcheck36(node: ast.Call) -> ast.expr | None:
    """PyTorch's outer products over a batch written with ``unsqueeze`` (matrices only):
    fast.ai's ``(inp.unsqueeze(-1) * out.g.unsqueeze(1)).sum(0)`` is ``inp.T @ out.g`` (its
    axes swapped, ``(a.unsqueeze(1) * b.unsqueeze(-1)).sum(0)``, ``b.T @ a``), and a batch of
    one, ``torch.bmm(a.unsqueeze(0), b.unsqueeze(0)).squeeze(0)`` (``torch.matmul``), is ``a @
    b``; None for anything else."""
    f = node.func
    if not isinstance(f, ast.Attribute):
        return None
    axis0 = (len(node.args) == 1 and not node.keywords and _index(node.args[0]) == 0) or (
        not node.args and len(node.keywords) == 1 and node.keywords[0].arg in ("dim", "axis")
        and _index(node.keywords[0].value) == 0
    )
    inner = f.value
    if f.attr == "sum" and axis0 and isinstance(inner, ast.BinOp) and isinstance(inner.op, ast.Mult):
        a, b = _unsqueezed_of(inner.left, (-1, 2)), _unsqueezed_of(inner.right, (1,))
        if a is not None and b is not None:
            return ast.BinOp(ast.Attribute(a, "T", ast.Load()), ast.MatMult(), b)
        a, b = _unsqueezed_of(inner.left, (1,)), _unsqueezed_of(inner.right, (-1, 2))
        if a is not None and b is not None:
            return ast.BinOp(ast.Attribute(b, "T", ast.Load()), ast.MatMult(), a)
    if (
        f.attr == "squeeze" and axis0 and isinstance(inner, ast.Call) and not inner.keywords
        and len(inner.args) == 2 and ast.unparse(inner.func) in ("torch.bmm", "torch.matmul")
    ):
        a, b = (_unsqueezed_of(x, (0,)) for x in inner.args)
        if a is not None and b is not None:
            return ast.BinOp(a, ast.MatMult(), b)
    return None


class _SummedRowsHeldcheck34:
    """The reading of :meth:`_Numpy.summed_rows_heldcheck34`: ``term`` of the summed element,
    or None."""

    def __init__(self, reader: _Numpy, size: str, i: str) -> None:
        self.reader, self.size, self.i = reader, size, i
        self.flat: set[bool] = set()  # the rows' kinds met: True for X[i] (1-D), False for X[i:i+1]

    def _batch(self, name: str) -> bool:
        t = self.reader._tensor(ast.Name(name, ast.Load()))
        shape = getattr(t, "shape", ())
        return len(shape) == 2 and getattr(shape[0], "label", None) == self.size

    def _row_of(self, n: ast.Subscript) -> bool | None:
        """``X[i]`` / ``X[i, :]``: True; ``X[i:i+1]``: False; else None."""
        idx = n.slice
        if isinstance(idx, ast.Tuple) and len(idx.elts) == 2:
            whole = idx.elts[1]
            if not (isinstance(whole, ast.Slice) and whole.lower is None and whole.upper is None):
                return None
            idx = idx.elts[0]
        if isinstance(idx, ast.Name) and idx.id == self.i:
            return True
        if (
            isinstance(idx, ast.Slice) and idx.step is None
            and isinstance(idx.lower, ast.Name) and idx.lower.id == self.i
            and ast.dump(idx.upper or ast.Constant(0)) == ast.dump(
                ast.BinOp(ast.Name(self.i, ast.Load()), ast.Add(), ast.Constant(1))
            )
        ):
            return False
        return None

    def _entry_heldcheck38(self, n: ast.Subscript) -> int | None:
        """``k`` of ``X[i, k]`` (a whole number, not negative): one entry of the example's row."""
        idx = n.slice
        if (
            isinstance(idx, ast.Tuple) and len(idx.elts) == 2 and isinstance(idx.elts[0], ast.Name)
            and idx.elts[0].id == self.i and isinstance(idx.elts[1], ast.Constant)
            and type(idx.elts[1].value) is int and idx.elts[1].value >= 0
        ):
            return idx.elts[1].value
        return None

    def _free(self, e: ast.expr) -> bool:
        """No example's row nor index in ``e``: the same for every example."""
        for n in ast.walk(e):
            if isinstance(n, ast.Name) and (n.id == self.i or self._batch(n.id)):
                return False
        return True

    def _broadcasts(self, e: ast.expr) -> bool:
        """Does ``e`` (free of the example) broadcast along a row as it does along the batch:
        a number, a size or constant, a tensor of one row or one axis, a column's transpose, a
        column picked out (``W[:, 0]``), element-wise operations of such?"""
        if isinstance(e, ast.Constant):
            return isinstance(e.value, (int, float)) and not isinstance(e.value, bool)
        if isinstance(e, ast.Name):
            t = self.reader._tensor(e)
            if t is None:
                return self.reader.net.known(e.id) or e.id in getattr(self.reader.net.spec, "dims", {})
            shape = getattr(t, "shape", ())
            return len(shape) < 2 or str(shape[0]) == "1"
        if isinstance(e, ast.Attribute) and e.attr == "T" and isinstance(e.value, ast.Name):
            t = self.reader._tensor(e.value)
            shape = getattr(t, "shape", ())
            return len(shape) == 2 and str(shape[1]) == "1"
        if isinstance(e, ast.Subscript) and isinstance(e.slice, ast.Tuple) and len(e.slice.elts) == 2:
            first, second = e.slice.elts
            return (
                isinstance(first, ast.Slice) and first.lower is None and first.upper is None
                and isinstance(second, ast.Constant) and isinstance(second.value, int)
            )
        if isinstance(e, ast.BinOp) and not isinstance(e.op, ast.MatMult):
            return self._broadcasts(e.left) and self._broadcasts(e.right)
        if isinstance(e, ast.UnaryOp):
            return self._broadcasts(e.operand)
        if _reshaped_heldcheck36(e, (1, -1)) is not None:  # heldcheck36: W2[:, 0] read as a row
            return True
        return False

    def _scalar(self, e: ast.expr) -> bool:
        if isinstance(e, ast.Constant):
            return isinstance(e.value, (int, float)) and not isinstance(e.value, bool)
        if isinstance(e, ast.Name):
            return self.reader._tensor(e) is None and self._broadcasts(e)
        if isinstance(e, ast.BinOp) and not isinstance(e.op, ast.MatMult):
            return self._scalar(e.left) and self._scalar(e.right)
        if isinstance(e, ast.UnaryOp):
            return self._scalar(e.operand)
        return False

    @staticmethod
    def _product(e: ast.expr) -> tuple[ast.expr, ast.expr] | None:
        """``a @ b``, ``a.dot(b)``, ``np.dot(a, b)``/``np.matmul``/``torch.mm``: (a, b)."""
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.MatMult):
            return e.left, e.right
        if isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and not e.keywords:
            if e.func.attr == "dot" and len(e.args) == 1 and not (
                isinstance(e.func.value, ast.Name) and e.func.value.id in ("np", "numpy", "jnp", "torch")
            ):
                return e.func.value, e.args[0]
            if e.func.attr in _MATMUL_HELDCHECK34 and len(e.args) == 2 and isinstance(e.func.value, ast.Name):
                return e.args[0], e.args[1]
        return None

    def _operands(self, parts: list[ast.expr]) -> list[ast.expr] | None:
        """The operands of an element-wise operation over the batch: each a row (its ``B``) or
        free of the example and broadcasting alike; None where one is neither."""
        out = []
        for part in parts:
            if self._free(part):
                if not self._broadcasts(part):
                    return None
                out.append(part)
            else:
                r = self.row(part)
                if r is None:
                    return None
                out.append(r)
        return out

    def row(self, e: ast.expr) -> ast.expr | None:
        """``B(e)``: ``e``, a row of one example, as the rows of every example; None where ``e``
        is no such row (free of the example: None too — the caller tells them apart)."""
        if isinstance(e, ast.Subscript) and isinstance(e.value, ast.Name) and self._batch(e.value.id):
            kind = self._row_of(e)
            entry = self._entry_heldcheck38(e) if kind is None else None
            if entry is not None:  # heldcheck38: A2[i, 0], one entry of the example's row: its column
                self.flat.add(True)
                k = ast.Constant(entry)
                return ast.Subscript(ast.Name(e.value.id, ast.Load()), ast.Tuple(
                    [ast.Slice(None, None, None), ast.Slice(k, ast.Constant(entry + 1), None)], ast.Load()), ast.Load())
            if kind is None:
                return None
            self.flat.add(kind)
            return ast.Name(e.value.id, ast.Load())
        if self._free(e):
            return None
        joined = self.joined_heldcheck38(e)
        if joined is not None:
            return joined
        if (  # heldcheck36: a2t[:, 1:] — columns of a row expression (Ng's bias column dropped)
            isinstance(e, ast.Subscript) and isinstance(e.slice, ast.Tuple) and len(e.slice.elts) == 2
            and isinstance(e.slice.elts[0], ast.Slice) and e.slice.elts[0].lower is None
            and e.slice.elts[0].upper is None and e.slice.elts[0].step is None
            and self._free(e.slice.elts[1])
        ):
            r = self.row(e.value)
            return None if r is None or self.flat != {False} else ast.Subscript(r, e.slice, ast.Load())
        pair = self._product(e)
        if pair is not None:
            a, b = pair
            if self._free(b):
                ra = self.row(a)
                return None if ra is None else ast.BinOp(ra, ast.MatMult(), b)
            if self._free(a) and self.flat <= {True}:
                rb = self.row(b)
                if rb is None or self.flat != {True}:
                    return None
                return ast.BinOp(rb, ast.MatMult(), ast.Attribute(a, "T", ast.Load()))
            return None
        if isinstance(e, ast.BinOp):
            sides = self._operands([e.left, e.right])
            return None if sides is None else ast.BinOp(sides[0], e.op, sides[1])
        if isinstance(e, ast.UnaryOp):
            r = self.row(e.operand)
            return None if r is None else ast.UnaryOp(e.op, r)
        if isinstance(e, ast.Compare) and len(e.comparators) == 1:
            parts = self._operands([e.left, e.comparators[0]])
            return None if parts is None else ast.Compare(parts[0], e.ops, [parts[1]])
        if isinstance(e, ast.Call) and not e.keywords:
            f = e.func
            name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
            method = isinstance(f, ast.Attribute) and not (
                isinstance(f.value, ast.Name) and f.value.id in ("np", "numpy", "jnp", "torch", "F", "tf", "math")
            )
            if method and name in ("astype", "float", "double") and len(e.args) <= 1:
                r = self.row(f.value)
                return None if r is None else ast.Call(ast.Attribute(r, name, ast.Load()), e.args, [])
            if name in _ELEMENTWISE_HELDCHECK34 and not method:
                args = self._operands(list(e.args))
                return None if args is None else ast.Call(f, args, [])
        return None

    def joined_heldcheck38(self, e: ast.expr) -> ast.expr | None:
        """Ng's ex4 loop's ``np.hstack([np.ones((1, 1)), sigmoid(z2t)])`` (``np.concatenate(…,
        axis=1)``): a ones column joined to a row expression, over the batch ``np.hstack([np.ones((m,
        1)), B(…)])`` with the range's size; None for any other call."""
        if not (
            isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and isinstance(e.func.value, ast.Name)
            and e.func.value.id in ("np", "numpy", "jnp") and len(e.args) == 1
            and isinstance(e.args[0], (ast.List, ast.Tuple))
            and (
                (e.func.attr == "hstack" and not e.keywords)
                or (e.func.attr == "concatenate" and [ast.unparse(k) for k in e.keywords] in (["axis=1"], ["axis=-1"]))
            )
        ):
            return None
        parts: list[ast.expr] = []
        for part in e.args[0].elts:
            if (
                isinstance(part, ast.Call) and isinstance(part.func, ast.Attribute) and part.func.attr in ("ones", "zeros")
                and len(part.args) == 1 and not part.keywords and isinstance(part.args[0], ast.Tuple)
                and len(part.args[0].elts) == 2 and ast.unparse(part.args[0].elts[0]) == "1"
            ):
                self.flat.add(False)  # a (1, k) block: the example's row as a slice
                shape = ast.Tuple([ast.Name(self.size, ast.Load()), part.args[0].elts[1]], ast.Load())
                parts.append(ast.Call(part.func, [shape], []))
                continue
            r = self.row(part)
            if r is None:
                return None
            parts.append(r)
        if self.flat != {False}:
            return None
        return ast.Call(e.func, [ast.List(parts, ast.Load())], e.keywords)

    def _outer(self, e: ast.expr) -> ast.expr | None:
        """An outer product of two rows, over the batch: ``B(U).T @ B(V)``; else None."""
        self.flat = set()
        if (
            isinstance(e, ast.Call) and isinstance(e.func, ast.Attribute) and e.func.attr in ("outer", "ger")
            and len(e.args) == 2 and not e.keywords
        ):
            u, v = (self.row(a) for a in e.args)
            if u is None or v is None or self.flat != {True}:
                return None
            return ast.BinOp(ast.Attribute(u, "T", ast.Load()), ast.MatMult(), v)
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Mult):  # heldcheck38: a1[:, None] * (a2 - y)
            for c, v in ((e.left, e.right), (e.right, e.left)):
                col = _sized_reshape_heldcheck38(c, True)
                if col is not None and _sized_reshape_heldcheck38(v, True) is None:
                    v = _sized_reshape_heldcheck38(v, False) or v
                    u, w = self.row(col), self.row(v)
                    if u is None or w is None or self.flat != {True}:
                        return None
                    return ast.BinOp(ast.Attribute(u, "T", ast.Load()), ast.MatMult(), w)
        pair = self._product(e)
        if pair is None:
            return None
        a, b = pair
        col, row = _sized_reshape_heldcheck38(a, True), _sized_reshape_heldcheck38(b, False)
        if col is not None and row is not None:  # heldcheck36: x_i.reshape(-1, 1) @ dz_i.reshape(1, -1)
            u, v = self.row(col), self.row(row)
            if u is None or v is None or self.flat != {True}:
                return None
            return ast.BinOp(ast.Attribute(u, "T", ast.Load()), ast.MatMult(), v)
        if not (isinstance(a, ast.Attribute) and a.attr == "T") or self._free(a) or self._free(b):
            return None
        u, v = self.row(a.value), self.row(b)
        if u is None or v is None or self.flat != {False}:
            return None
        return ast.BinOp(ast.Attribute(u, "T", ast.Load()), ast.MatMult(), v)

    def term(self, e: ast.expr) -> ast.expr | None:
        """The sum over the examples of ``e``, or None."""
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add | ast.Sub):
            left, right = self.term(e.left), self.term(e.right)
            return None if left is None or right is None else ast.BinOp(left, e.op, right)
        if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub):
            inner = self.term(e.operand)
            return None if inner is None else ast.UnaryOp(ast.USub(), inner)
        if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Mult | ast.Div):
            if self._scalar(e.right):
                inner = self.term(e.left)
                return None if inner is None else ast.BinOp(inner, e.op, e.right)
            if isinstance(e.op, ast.Mult) and self._scalar(e.left):
                inner = self.term(e.right)
                return None if inner is None else ast.BinOp(e.left, e.op, inner)
        outer = self._outer(e)
        if outer is not None:
            return ast.fix_missing_locations(outer)
        self.flat = set()
        r = self.row(e)
        if r is None or len(self.flat) != 1:
            return None
        keep = [] if self.flat == {True} else [ast.keyword("keepdims", ast.Constant(True))]
        np_sum = ast.Attribute(ast.Name("np", ast.Load()), "sum", ast.Load())
        return ast.fix_missing_locations(ast.Call(np_sum, [r], [ast.keyword("axis", ast.Constant(0)), *keep]))


def _summed_over_range_heldcheck26(
    node: ast.Call, sums: tuple[str, ...], kinds: type | tuple[type, ...]
) -> tuple[ast.GeneratorExp | ast.ListComp, ast.comprehension] | None:
    """``sum(ELT for i in range(N))`` (a call named in ``sums``, its one argument of ``kinds``,
    one ``for`` over ``range`` of one argument, no ``if``): (the generator, its ``for``); else None."""
    f = node.func
    name = f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else ""
    if name not in sums or len(node.args) != 1 or node.keywords:
        return None
    gen = node.args[0]
    if not isinstance(gen, kinds) or len(gen.generators) != 1:
        return None
    if isinstance(f, ast.Attribute) and name == "sum" and isinstance(gen, ast.ListComp):
        return None  # heldcheck42: np.sum([np.outer(…) for i …]) sums every entry of the list: a number
    comp = gen.generators[0]
    it = comp.iter
    if (
        comp.ifs
        or not isinstance(comp.target, ast.Name)
        or not (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range")
        or len(it.args) != 1
    ):
        return None
    return gen, comp


_CUMSUM_BLOCKS_HELDCHECK26 = 64  # a running sum longer than this is refused (one block each)


def _keyword_axis_heldcheck26(node: ast.Call) -> ast.expr | None:
    """The ``axis=``/``dim=`` keyword's value of a call, None where it has none."""
    return next((k.value for k in node.keywords if k.arg in ("axis", "dim")), None)


def _axis_of(node: ast.expr) -> int | None:
    try:
        value = ast.literal_eval(node)
    except ValueError:
        return None
    if isinstance(value, bool) or value not in (0, 1, -1, -2):
        return None
    return value % 2


def _axis3(node: ast.expr) -> int | None:
    """An axis of a 3-D array written as a number (-3 … 2), as 0 … 2; else None."""
    k = node.operand if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) else node
    if not (isinstance(k, ast.Constant) and type(k.value) is int):
        return None
    value = -k.value if k is not node else k.value
    return value % 3 if -3 <= value <= 2 else None


def _new_axis3(e: ast.expr) -> tuple[ast.expr, int] | None:
    """``X[:, :, None]`` → (X, 2), ``X[:, None, :]`` → (X, 1) (``np.newaxis`` alike)."""
    if not (isinstance(e, ast.Subscript) and isinstance(e.slice, ast.Tuple)) or len(e.slice.elts) != 3:
        return None
    kinds = [
        "none"
        if (isinstance(k, ast.Constant) and k.value is None)
        or (isinstance(k, ast.Attribute) and k.attr == "newaxis")
        else "all"
        if isinstance(k, ast.Slice) and k.lower is None and k.upper is None and k.step is None
        else "?"
        for k in e.slice.elts
    ]
    if kinds == ["all", "all", "none"]:
        return e.value, 2
    if kinds == ["all", "none", "all"]:
        return e.value, 1
    return None


def _index(e: ast.expr) -> int | None:
    """A whole-number index written as such (``0``, ``1``), else None."""
    ok = isinstance(e, ast.Constant) and type(e.value) is int and e.value >= 0
    return e.value if ok else None  # type: ignore[union-attr]


class _SpreadCuts(ast.NodeTransformer):
    """``(A2 - Y)[:, 0]`` → ``A2[:, 0] - Y[:, 0]``: a column (or row) of an element-wise
    expression of tensors of one shape is that expression of their columns; numbers stay. Where
    the operands' shapes differ (broadcasting) the slice is left as written."""

    _ELEMENTWISE = (ast.Add, ast.Sub, ast.Mult, ast.Div)

    def __init__(self, shape_of: Callable[[ast.expr], tuple[int, int] | None]) -> None:
        self.shape_of = shape_of

    def visit_Subscript(self, n: ast.Subscript) -> ast.AST:
        v = n.value
        if _cut(n) is None:
            return self.generic_visit(n)
        if isinstance(v, ast.UnaryOp) and isinstance(v.op, ast.USub):
            inner = ast.Subscript(v.operand, n.slice, ast.Load())
            return ast.UnaryOp(ast.USub(), self.visit(inner))
        if not isinstance(v, ast.BinOp) or not isinstance(v.op, self._ELEMENTWISE):
            return self.generic_visit(n)
        shape = self.shape_of(v)
        sides: list[ast.expr] = []
        for side in (v.left, v.right):
            if isinstance(side, ast.Constant):
                sides.append(side)
            elif shape is not None and self.shape_of(side) == shape:
                sides.append(self.visit(ast.Subscript(side, n.slice, ast.Load())))
            else:
                return self.generic_visit(n)
        return ast.BinOp(sides[0], v.op, sides[1])


def _cut_length(lengths: set[tuple[int, str | None]]) -> tuple[int | None, str | None]:
    """The one length the slices of a batch sum run over, and its size's name: slices of
    different size names whose lengths agree (``dZ1[0, :] * X[0, :]``, n_h = n_in = 2) are
    summed as NumPy sums them at the example's sizes (an entry's formula is judged there),
    over a number, not a size name; lengths that differ: None."""
    counts = {count for count, _ in lengths}
    if len(counts) != 1:
        return None, None
    labels = {label for _, label in lengths}
    return counts.pop(), labels.pop() if len(labels) == 1 else None


class _OneDTransposes(ast.NodeTransformer):
    def __init__(self) -> None:
        self.changed = False

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.MatMult) and _vector_1d(node.right) and not _vector_1d(node.left):
            self.changed = True
            return _matrix_vector(node.left, node.right)
        return node

    def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
        if node.attr in ("T", "mT") and _one_d(node.value):
            self.changed = True
            return self.visit(node.value)
        return self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> ast.AST:
        f = node.func
        if (  # np.transpose(X[0]): the same 1-D array
            isinstance(f, ast.Attribute)
            and f.attr == "transpose"
            and isinstance(f.value, ast.Name)
            and f.value.id in _NUMPY_MODULES
            and len(node.args) == 1
            and not node.keywords
            and _one_d(node.args[0])
        ):
            self.changed = True
            return self.visit(node.args[0])
        self.generic_visit(node)
        dot = _dot_operands(node)
        if dot is not None and _vector_1d(dot[1]) and not _vector_1d(dot[0]):
            self.changed = True  # np.dot(A, v), A.dot(v), np.matmul(A, v): as A @ v
            return _matrix_vector(*dot)
        return node


def _dot_operands(node: ast.Call) -> tuple[ast.expr, ast.expr] | None:
    """The two operands of ``np.dot(a, b)`` / ``np.matmul(a, b)`` / ``a.dot(b)``; else None."""
    f = node.func
    if node.keywords or not isinstance(f, ast.Attribute) or f.attr not in ("dot", "matmul"):
        return None
    if isinstance(f.value, ast.Name) and f.value.id in _NUMPY_MODULES:
        return (node.args[0], node.args[1]) if len(node.args) == 2 else None
    return (f.value, node.args[0]) if len(node.args) == 1 and f.attr == "dot" else None


def _matrix_vector(a: ast.expr, v: ast.expr) -> ast.expr:
    """NumPy's ``A @ v`` for a 1-D ``v``: ``v`` is a column, the result 1-D (broadcast as a row):
    ``(A @ v[:, None]).T``; ``A @ np.ones(n)`` is ``np.sum(A, axis=1)`` (1-D as well)."""
    if _ones_1d(v):
        np_sum = ast.Attribute(ast.Name("np", ast.Load()), "sum", ast.Load())
        return ast.Call(np_sum, [a], [ast.keyword("axis", ast.Constant(1))])
    col = ast.Subscript(v, ast.Tuple([ast.Slice(), ast.Constant(None)], ast.Load()), ast.Load())
    return ast.Attribute(ast.BinOp(a, ast.MatMult(), col), "T", ast.Load())


def _vector_1d(e: ast.expr) -> bool:
    """Is ``e`` a 1-D NumPy array by its spelling: a 1-D slice (``w[:, 0]``, ``X[0]``),
    ``np.ones(m)``, or an
    element-wise sum, difference, product or quotient of such slices and numbers
    (``y_pred[:, 0] - y[:, 0]``, ``2 * v``)?"""
    if _one_d(e) or _ones_1d(e):
        return True
    if isinstance(e, ast.UnaryOp) and isinstance(e.op, ast.USub | ast.UAdd):
        return _vector_1d(e.operand)
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Add | ast.Sub | ast.Mult | ast.Div):
        sides = [e.left, e.right]
        return any(_vector_1d(x) for x in sides) and all(
            _vector_1d(x) or isinstance(x, ast.Constant) for x in sides
        )
    return False


def one_d_transposes_dropped(code: str) -> str:
    """``code`` with the transpose of a 1-D NumPy slice left out (``X[0].T``, ``A1[:, 0].T``,
    ``np.transpose(x[0])``): NumPy's transpose of a 1-D array is the array itself, so
    ``X[0].T * delta`` is an element-wise product, not an outer product. Unchanged where
    there is no such transpose or the text is not Python."""
    if "[" not in code and "ones(" not in code or not any(
        k in code for k in (".T", "transpose", "@", "dot", "matmul")
    ):
        return code
    try:
        tree = ast.parse(code.strip(), mode="eval")
        fixer = _OneDTransposes()
        new = fixer.visit(tree)
        return ast.unparse(ast.fix_missing_locations(new)) if fixer.changed else code
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return code


def _one_d(e: ast.expr) -> bool:
    """Is ``e`` NumPy indexing that gives a 1-D array of a 2-D one: one whole-number index
    (``X[0]``), or one with a whole axis (``A1[:, 0]``, ``X[0, :]``)?"""
    if not isinstance(e, ast.Subscript):
        return False
    return _index(e.slice) is not None or _cut(e) is not None


def _sliced(e: ast.expr) -> bool:
    """Does ``e`` hold a 1-D slice (``A2[:, 0] - Y[:, 0]``, ``A1[:, 1].T``, ``W2[0, 0] *
    (Z1[:, 0] > 0)``) and no matrix product: as NumPy reads it, a vector whose ``@`` (``np.dot``)
    with another is a dot product?"""
    parts = list(ast.walk(e))
    if any(isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult) for n in parts):
        return False
    return any(isinstance(n, ast.Subscript) and _cut(n) is not None for n in parts)


def _ones_1d(e: ast.expr) -> bool:
    """``np.ones(m)``: a 1-D vector of ones (its ``@`` with a slice is the slice's sum)."""
    f = e.func if isinstance(e, ast.Call) else None
    return (
        isinstance(f, ast.Attribute)
        and f.attr == "ones"
        and isinstance(f.value, ast.Name)
        and f.value.id in _NUMPY_MODULES
        and len(e.args) == 1  # type: ignore[union-attr]
        and not isinstance(e.args[0], ast.Tuple)  # type: ignore[union-attr]
    )


def _cut(n: ast.Subscript) -> tuple[int, int] | None:
    """``T[:, j]`` → (0, j): the entries along axis 0 with j fixed; ``T[i, :]`` → (1, i)."""
    s = n.slice
    if not isinstance(s, ast.Tuple) or len(s.elts) != 2:
        return None

    def whole(e: ast.expr) -> bool:
        return isinstance(e, ast.Slice) and e.lower is None and e.upper is None and e.step is None

    a, b = s.elts
    if whole(a) and _index(b) is not None:
        return 0, _index(b)  # type: ignore[return-value]
    if _index(a) is not None and whole(b):
        return 1, _index(a)  # type: ignore[return-value]
    return None


def _new_axis(s: ast.expr) -> int | None:
    """``[:, None]`` → 1 (a column), ``[None, :]`` → 0 (a row); else None."""
    if not isinstance(s, ast.Tuple) or len(s.elts) != 2:
        return None

    def is_none(e: ast.expr) -> bool:
        return (isinstance(e, ast.Constant) and e.value is None) or (
            isinstance(e, ast.Attribute) and e.attr == "newaxis"
        )

    def is_all(e: ast.expr) -> bool:
        return isinstance(e, ast.Slice) and e.lower is None and e.upper is None and e.step is None

    a, b = s.elts
    if is_all(a) and is_none(b):
        return 1
    if is_none(a) and is_all(b):
        return 0
    return None


def numpy_1d_products(net: Net, text: str) -> list[tuple[str, dict[str, str]]]:
    """Each matrix product of ``text`` (``@``, ``np.dot``, ``.dot``, ``np.matmul``) with a 1-D
    operand by its spelling, as NumPy reads it: ``(catalogue key, arguments)`` of a note naming
    NumPy's shapes (``(3, 3) @ (3,) → (3,)``, or the inner sizes NumPy refuses)."""
    out: list[tuple[str, dict[str, str]]] = []
    for part in _statements(text, False) if isinstance(text, str) else ():
        m = re.match(r"\s*[A-Za-z_][A-Za-z0-9_]*\s*[-+*/@]?=(?!=)", part)
        body = part[m.end() :] if m else part
        try:
            tree = ast.parse(body.strip(), mode="eval")
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            continue
        for n in ast.walk(tree):
            pair = (
                (n.left, n.right)
                if isinstance(n, ast.BinOp) and isinstance(n.op, ast.MatMult)
                else _dot_operands(n) if isinstance(n, ast.Call) else None
            )
            if pair is None or not any(_vector_1d(x) for x in pair):
                continue
            shapes = [_numpy_shape(net, x) for x in pair]
            if None in shapes:
                continue
            a, b = shapes
            inner = (a[-1], b[0])  # type: ignore[index]
            args = {"expr": ast.unparse(n), "left": _shape_text(a), "right": _shape_text(b)}  # type: ignore[arg-type]
            if inner[0] != inner[1]:
                out.append(("checkgaps8.numpy_1d_refused", {**args, "a": str(inner[0]), "b": str(inner[1])}))
                continue
            result = (*a[:-1], *b[1:])  # type: ignore[index]
            args["result"] = _shape_text(result) if result else "()"
            key = "checkgaps8.numpy_1d_row" if len(result) == 1 else "checkgaps8.numpy_1d"
            out.append((key, {**args, "row": f"(1, {result[0]})" if len(result) == 1 else ""}))
    return out


def _shape_text(shape: tuple[int, ...]) -> str:
    return f"({shape[0]},)" if len(shape) == 1 else str(tuple(shape))


def _numpy_shape(net: Net, e: ast.expr) -> tuple[int, ...] | None:
    """NumPy's shape of ``e``: ``(n,)`` for a 1-D spelling, else the shape it is read with."""
    text = one_d_transposes_dropped(ast.unparse(e))
    try:
        alt = _numpy_normalise(text, net) or text
        node, _ = Convert(net, "")(ex.parse(alt, allow_compare=True))
    except (ex.ExprError, ShapeError, _Unsupported, RecursionError, KeyError, ValueError):
        return None
    r, c = int(node.shape[0]), int(node.shape[1])
    if _vector_1d(e):
        return (c,) if r == 1 else (r,) if c == 1 else None
    return (r, c)


def has_row_sum(text: str) -> bool:
    """Does any statement of ``text`` hold a NumPy sum along axis 1 without ``keepdims``?"""
    for part in _statements(text, False) if isinstance(text, str) else ():
        m = re.match(r"\s*[A-Za-z_][A-Za-z0-9_]*\s*[-+*/@]?=(?!=)", part)
        if _numpy_rows(part[m.end() :] if m else part):
            return True
    return False


def _numpy_rows(text: str) -> bool:
    """Does ``text`` hold a NumPy sum along axis 1 without ``keepdims`` (a 1-D row)?"""
    if len(text) > ex.MAX_LENGTH:
        return False
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return any(
        isinstance(n, ast.Call) and names.row_sum_1d(n, _NUMPY_MODULES) for n in ast.walk(tree)
    )


_ELEMENTWISE_CALLS = frozenset(
    {"sigmoid", "exp", "log", "tanh", "relu", "abs", "sign", "sqrt", "square", "sin", "cos",
     "add", "sub", "subtract", "mul", "multiply", "div", "divide", "true_divide", "pow", "power",
     "neg", "negative", "float", "double", "expit"}
)  # fmt: skip
_TO_1D = frozenset({"squeeze", "flatten", "ravel", "reshape", "view"})


class _OneD(ast.NodeTransformer):
    """NumPy's 1-D vectors in a formula, held as rows like the network's 1-D tensors: a column
    (or row) made 1-D — ``x.squeeze(1)``, ``.squeeze(dim=-1)``, ``torch.squeeze(x, 1)``,
    ``np.squeeze(x, axis=1)``, ``.squeeze()``, ``.flatten()``, ``.ravel()``, ``.reshape(-1)``,
    ``.view(-1)``, ``x[:, 0]`` of a column — is written as its row (``x.reshape(1, -1)``), an
    element-wise operation of 1-D vectors and numbers is 1-D, and a reduction over axis 0 (or
    -1) of a 1-D vector is over its only axis: ``(p.squeeze(1) - y).mean(0)`` is one number, as
    NumPy computes it (it was read as a mean down the rows of a row: the row itself). A 1-D
    vector next to a column broadcasts as a row, as in NumPy. Under ``@`` / ``dot`` a made
    vector keeps its first reading (the column), which the matrix-vector rules read."""

    def __init__(self, net: Net, shape_of: Callable[[ast.expr], tuple[int, int] | None]) -> None:
        self.net, self.shape_of = net, shape_of
        self.vec: set[int] = set()
        self.made: dict[int, ast.expr] = {}  # a row made here -> the expression as written
        self.changed = False
        self.sizes = set(net.spec.dims) | {k for k, v in net.spec.shapes.items() if not v}
        self.slices = True  # read x[:, 0] of a column as its 1-D vector

    def scalar(self, n: ast.expr) -> bool:
        if isinstance(n, ast.Constant):
            return type(n.value) in (int, float)
        if isinstance(n, ast.Name):
            return n.id in self.sizes
        if isinstance(n, ast.UnaryOp):
            return self.scalar(n.operand)
        if isinstance(n, ast.BinOp) and not isinstance(n.op, ast.MatMult):
            return self.scalar(n.left) and self.scalar(n.right)
        return False

    def is_vec(self, n: ast.expr) -> bool:
        return id(n) in self.vec or isinstance(n, ast.Name) and n.id in self.net.spec.one_d

    def mark(self, n: ast.expr) -> ast.expr:
        self.vec.add(id(n))
        return n

    def row(self, x: ast.expr) -> ast.expr | None:
        """``x`` (a column or a row, as written) made a 1-D vector: its row."""
        if self.is_vec(x):
            return x
        shape = self.shape_of(x)
        if shape is None or shape == (1, 1) or 1 not in shape:
            return None
        self.changed = True
        out = x if shape[0] == 1 else ast.Call(ast.Attribute(x, "reshape", ast.Load()), [_c(1), _c(-1)], [])
        self.made[id(out)] = x
        return self.mark(out)

    def written(self, n: ast.expr) -> ast.expr:
        return self.made.get(id(n), n)

    def visit_BinOp(self, node: ast.BinOp) -> ast.AST:
        self.generic_visit(node)
        if isinstance(node.op, ast.MatMult):
            node.left, node.right = self.written(node.left), self.written(node.right)
            return node
        sides = (node.left, node.right)
        if any(self.is_vec(k) for k in sides) and all(self.is_vec(k) or self.scalar(k) for k in sides):
            self.mark(node)
        return node

    def visit_UnaryOp(self, node: ast.UnaryOp) -> ast.AST:
        self.generic_visit(node)
        return self.mark(node) if self.is_vec(node.operand) else node

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        self.generic_visit(node)
        s = node.slice
        if (
            self.slices
            and isinstance(s, ast.Tuple)
            and len(s.elts) == 2
            and isinstance(s.elts[0], ast.Slice)
            and s.elts[0].lower is None and s.elts[0].upper is None and s.elts[0].step is None
            and _int_literal(s.elts[1]) in (0, -1)
            and (shape := self.shape_of(node.value)) is not None
            and shape[1] == 1 and shape[0] > 1
        ):  # x[:, 0] of a column: its 1-D vector
            made = self.row(node.value)
            if made is not None:
                return made
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        f = node.func
        if not isinstance(f, ast.Attribute):
            return self.elementwise(node, getattr(f, "id", ""), list(node.args))
        module = isinstance(f.value, ast.Name) and f.value.id in _NUMPY_MODULES
        args = list(node.args) if module else [f.value, *node.args]
        kw = {k.arg: k.value for k in node.keywords}
        name = f.attr
        if name in ("dot", "matmul", "mm", "inner", "outer", "mv"):
            if module:
                node.args = [self.written(a) for a in node.args]
            else:
                node.func.value = self.written(f.value)  # type: ignore[attr-defined]
                node.args = [self.written(a) for a in node.args]
            return node
        if name in _TO_1D and args:
            made = self.to_1d(name, args, kw)
            return made if made is not None else node
        if name in ("sum", "mean") and args and self.is_vec(args[0]):
            rest = args[1:] + [kw[k] for k in ("axis", "dim") if k in kw]
            extra = set(kw) - {"axis", "dim", "keepdims", "keepdim"}
            if len(rest) == 1 and _int_literal(rest[0]) in (0, -1) and not extra:
                self.changed = True  # over the only axis of a 1-D vector: all of it
                if module:
                    return ast.Call(f, [args[0]], [])
                return ast.Call(ast.Attribute(args[0], name, ast.Load()), [], [])
            return node
        return self.elementwise(node, name, args)

    def to_1d(self, name: str, args: list[ast.expr], kw: dict[str | None, ast.expr]) -> ast.expr | None:
        x, rest = args[0], [*args[1:], *(kw[k] for k in ("axis", "dim") if k in kw)]
        if set(kw) - {"axis", "dim"}:
            return None
        if name in ("flatten", "ravel", "reshape", "view"):
            return self.row(x) if _flattens(name, rest) else None
        if name != "squeeze" or len(rest) > 1:
            return None
        shape = self.shape_of(x)
        if shape is None:
            return None
        if rest:
            axis = _int_literal(rest[0])
            if not (axis in (1, -1) and shape[1] == 1 or axis in (0, -2) and shape[0] == 1):
                return None
        return self.row(x)

    def elementwise(self, node: ast.Call, name: str, args: list[ast.expr]) -> ast.AST:
        if name in _ELEMENTWISE_CALLS and args and not node.keywords:
            if any(self.is_vec(a) for a in args) and all(self.is_vec(a) or self.scalar(a) for a in args):
                self.mark(node)
        return node


def _int_literal(node: ast.expr) -> int | None:
    try:
        value = ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None
    return value if type(value) is int else None


def _softmax_of_1d_heldcheck35(text: str, net: Net) -> bool:
    """Does ``text`` take a softmax (log-softmax) along axis 0 of a 1-D tensor of the network
    (PyTorch's ``torch.softmax(out, dim=0)`` of ``out = W_out @ h3``): over its entries, which
    the rows reading (a 1-D vector as a row) must take as the row's softmax?"""
    if "softmax" not in text or len(text) > ex.MAX_LENGTH:
        return False
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    one_d = set(net.spec.one_d)
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        f = node.func
        name = f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""
        axis = node.args[1] if len(node.args) == 2 else next(
            (k.value for k in node.keywords if k.arg in ("dim", "axis")), None
        )
        x = node.args[0]
        if (
            name in ("softmax", "log_softmax") and axis is not None and _axis_of(axis) == 0
            and isinstance(x, ast.Name) and (x.id in one_d or x.id[1:] in one_d)
        ):
            return True
    return False


def _numpy_normalise(
    text: str,
    net: Net | None = None,
    scalar: bool = False,
    shapes: dict[str, tuple[int, int]] | None = None,
) -> str | None:
    """``np.sum(dZ, axis=0, keepdims=True)`` → ``sum(dZ, axis=0)`` etc.; ``None`` if nothing
    changed or ``text`` is not Python syntax. Raises :class:`_Unsupported` for a NumPy call or
    argument that is not read."""
    if len(text) > ex.MAX_LENGTH:
        return None
    try:
        tree = ast.parse(text.strip(), mode="eval")
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    try:
        fixer = _Numpy(net, scalar, shapes)
        flat = _FlatEntries(fixer)
        tree = flat.visit(tree)  # before _OneD reads E.flatten() as a row
        one_d = _OneD(net, fixer.shape_of) if net is not None else None
        if one_d is not None:
            # an entry's formula reads A1[:, 0] as its own sums of slices (unrolled); a slice is
            # NumPy's 1-D vector there only next to a 1-D tensor of the network
            written = {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
            one_d.slices = not scalar or bool(written & set(net.spec.one_d))
            kept = copy.deepcopy(tree)
            tree = one_d.visit(tree)
            if one_d.is_vec(tree.body):  # a whole answer that is 1-D: read as before (a column)
                tree, one_d.changed = kept, False
        new = fixer.visit(tree)
        if not fixer.changed and not flat.changed and not (one_d is not None and one_d.changed):
            return None
        return ast.unparse(ast.fix_missing_locations(new))
    except (ValueError, RecursionError, MemoryError, TypeError, AttributeError):
        return None


class _FlatEntries(ast.NodeTransformer):
    """``E.flatten()[k]`` where one entry is asked: ``E[i, j]`` (:meth:`_Numpy.flat_entry`)."""

    def __init__(self, fixer: _Numpy) -> None:
        self.fixer, self.changed = fixer, False

    def visit_Subscript(self, node: ast.Subscript) -> ast.AST:
        self.generic_visit(node)
        entry = self.fixer.flat_entry(node)
        if entry is None:
            return node
        self.changed = True
        return entry


def wrt_from(net: Net, wrt: str | None, lhs: str | None, formula: str) -> str:
    """The tensor whose gradient is checked, from ``--wrt`` and/or ``dW2 = …``."""
    if wrt is None and lhs is None:
        raise FormulaError(msg("error.which_gradient"))
    if wrt is not None and lhs is not None and tensor_of(net, lhs) is None:
        lhs = None  # a working name (grad_h = …, dscores = …) under --wrt: the answer is --wrt's
    given = [n for n in (wrt, lhs) if n is not None]
    out = []
    for text in given:
        name = tensor_of(net, text)
        if name is None:
            grads = [
                n for n, t in net.g.tensors.items() if t.grads is not None and n != net.spec.loss
            ]
            raise FormulaError(
                msg("error.no_gradient", name=text, net=net.spec.name, names=", ".join(grads))
            )
        out.append(name)
    if len(set(out)) > 1:
        raise FormulaError(msg("error.lhs_vs_wrt", lhs=out[1], wrt=out[0]), 1, formula)
    return out[0]


def tensor_of(net: Net, text: str) -> str | None:
    """The tensor with a gradient that ``text`` names (``W2``, ``dW2``, ``delta_W2``), or None."""
    text = text.strip()

    def has(cand: str) -> bool:
        return (
            cand in net.g.tensors
            and net.g.tensors[cand].grads is not None
            and cand != net.spec.loss
        )

    if has(text):
        return text
    loss = re.escape(net.spec.loss)
    # dW2, delta_W2, grad_w2 (the PyTorch tutorial), dL_dw / dLdw / dJ_dW2 (micrograd, notes)
    m = re.fullmatch(rf"(?:d(?:{loss}|L|J|C|E)_?d|delta_|grad_|nabla_|d_|d)(\w+)", text)
    if m is None:  # w_grad, W1_gradient: the name first
        m = re.fullmatch(r"(\w+?)_?(?:grad|gradient)", text)
    if m is None:
        return None
    return names.resolve(has, net.spec.constants, m.group(1))


# ---- formula trees → matrix form ----------------------------------------------------------------


_PRODUCT_OPS = ("·", "*", "@", latexin.STAR)


def _transposed_matrix(
    na: ex.Node, nb: ex.Node, shape: tuple[int, int], one_d: frozenset[str] | set[str] = frozenset()
) -> bool:
    r"""Is a product of two equal shapes that do not chain (``g\,W_2^{\top}`` with g a row of
    W₂ᵀ's shape) written with a transpose on one side? A transpose is written for a matrix
    product, never for an element-wise one (``h (1 − h)``): such a product does not fit, it is
    not read as ⊙ (c39t-004: ``g ← g W_2^\top`` after ``g ← g ⊙ σ'(XW_1)`` was ✓)."""
    return shape[0] != shape[1] and any(
        isinstance(n, ex.Transpose) and not (isinstance(n.operand, ex.Name) and n.operand.id in one_d)
        for n in (na, nb)
    )  # a 1-D tensor's transpose is the reader's own orientation of it (y_i decision_i, c36t-231)


class _TreeBuilder:
    """The matrix-form builders a loss's pull rule uses (derive.lang.ops), as trees of the
    expression language: the rule of ∂J/∂P read in a Leibniz chain."""

    @staticmethod
    def mul(a: ex.Node, b: ex.Node) -> ex.Node:
        return _times(a, b)

    @staticmethod
    def div(a: ex.Node, b: ex.Node) -> ex.Node:
        return ex.BinOp("/", a, b)

    Div = div

    @staticmethod
    def sub(a: ex.Node, b: ex.Node) -> ex.Node:
        return ex.BinOp("-", a, b)

    @staticmethod
    def neg(a: ex.Node) -> ex.Node:
        return ex.Neg(a)

    @staticmethod
    def Scalar(value: sp.Expr) -> ex.Node:  # noqa: N802 - the name the rules call
        return ex.Num(Fraction(str(sp.Rational(value))))


def _act_grad(call: ex.Call) -> ex.Node:
    """The derivative of an element-wise activation call, at its argument (operation table)."""
    return derivative_tree(call)


def _derivative_ast(act: str, z: ast.expr) -> ast.expr:
    """``act'(z)`` as a Python tree, with ``y`` standing for ``act(z)`` (operation table)."""
    tree = ast.parse(derivative_text(act), mode="eval").body
    value = ast.Call(ast.Name(act, ast.Load()), [z], [])

    class Put(ast.NodeTransformer):
        def visit_Name(self, n: ast.Name) -> ast.expr:  # noqa: N802 - ast's visitor names
            return z if n.id == "x" else value if n.id == "y" else n

    return Put().visit(tree)


def _times(a: ex.Node, b: ex.Node) -> ex.Node:
    if isinstance(a, ex.Num) and a.value == 1:
        return b
    return ex.BinOp("*", a, b)




_KIND = re.compile(r"([A-Za-z]+(?:_[A-Za-z]+)*?)_?(\d+)?")
_GRAD_PREFIX = re.compile(r"(?:d_?|delta_?|grad_?|nabla_?)(?=[A-Za-z])")


def _kind(name: str) -> tuple[str, int | None] | None:
    """``Z2`` → ("z", 2), ``z_1`` → ("z", 1), ``W_q`` → ("w_q", None): a tensor's kind and its
    layer (or step) number."""
    m = _KIND.fullmatch(name)
    if m is None:
        return None
    return m.group(1).lower(), int(m.group(2)) if m.group(2) else None


def _same_kind(net: Net, name: str) -> tuple[list[str], int | None]:
    """The network's names of the same kind as ``name`` (gradients for a gradient's name:
    ``dZ3`` → ``dZ2``, ``dZ1``), nearest layer first, and the layer ``name`` asks for."""
    tensors = net.g.tensors
    prefix = _GRAD_PREFIX.match(name)
    readings = [(True, name[prefix.end() :])] if prefix else []
    for grad, rest in [*readings, (False, name)]:
        kind = _kind(rest)
        if kind is None:
            continue
        found = []
        for t, spec in tensors.items():
            tk = _kind(t)
            if tk is None or kind[0] not in (tk[0], tk[0].split("_")[0]):
                continue
            if grad and spec.grads is None:
                continue
            dist = abs(tk[1] - kind[1]) if tk[1] is not None and kind[1] is not None else 0
            found.append((dist, -(tk[1] or 0), net.spec.gkey(t) if grad else t))
        if found:
            return [n for _, _, n in sorted(found)], kind[1]
    kind = _kind(_GRAD_PREFIX.sub("", name, count=1))
    return [], kind[1] if kind else None


def unknown_hint(net: Net, name: str) -> Msg | str:
    """What to say after "unknown name": by meaning first — the network's names of the same
    kind (``dZ3`` → ``dZ2 or dZ1``), and, for a layer it lacks, which layers it has —, else the
    closest of its tensors, gradients and sizes by spelling (entry labels only for a name that
    looks like one)."""
    near, layer = _same_kind(net, name)
    parts: list[Msg] = []
    numbers = sorted({k[1] for t in net.g.tensors if (k := _kind(t)) and k[1] is not None})
    if layer is not None and layer not in numbers:
        if numbers:
            listed = ", ".join(str(n) for n in numbers)
            parts.append(msg("checkcodes3.no_layer", net=net.spec.name, layer=layer, layers=listed))
        else:
            parts.append(msg("checkcodes3.no_layers", net=net.spec.name))
    if not near:
        plain = [*net.g.tensors, *net.g.scalars]
        plain += [net.spec.gkey(t) for t, s in net.g.tensors.items() if s.grads is not None]
        plain = [n for n in plain if len(n) > 1 or len(name) == 1]  # not the size d for dZ
        near = difflib.get_close_matches(name, plain, n=3, cutoff=0.6)
        if not near and re.search(r"\d\d$", name):  # W123: an entry label?
            near = difflib.get_close_matches(name, list(net.label_at), n=3, cutoff=0.6)
    if near:
        listed_names: Msg | str = near[0]
        for other in near[1:3]:
            listed_names = msg("error.or", first=listed_names, next=other)
        parts.append(msg("error.did_you_mean", names=listed_names))
    out: Msg | str = ""
    for p in parts:
        out = p if out == "" else msg("checkcodes3.join", first=out, next=p)
    return out

def _alias_tensor(net: Net, found: tuple[str, mf.MExpr]) -> tuple[str, mf.MExpr] | None:
    """A name that stands for a tensor's value under another name (``yhat``, ``\\hat{y}`` for
    the prediction ``y_pred``, ``P`` for the probabilities): that tensor, for a Leibniz factor."""
    leaf = found[1]
    if isinstance(leaf, mf.Ref) and leaf.kind == "value" and leaf.name in net.g.tensors:
        return leaf.name, leaf
    return None

def _is_leibniz(node: ex.Node) -> bool:
    return isinstance(node, ex.Call) and node.func == latexin.LEIBNIZ


def _has_call(node: ex.Node, funcs: tuple[str, ...]) -> bool:
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, ex.Call) and n.func in funcs:
            return True
        stack.extend(ex.children(n))
    return False


def _is_diag(node: ex.Node) -> bool:
    """Is ``node`` ``diag(v)`` of one argument?"""
    return isinstance(node, ex.Call) and node.func == "diag" and len(node.args) == 1


class ShapeError(Exception):
    """A formula whose shapes do not fit (a wrong formula, not an unreadable one)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message)
        self.msg = message

    @property
    def message(self) -> str:
        """The problem in English."""
        return self.msg.render("en")


def resolve_products(net: Net, tree: ex.Node, allow_upstream: bool = True) -> ex.Node:
    """``tree`` with each LaTeX product ``·`` whose two sides can be read on their own resolved
    to scaling (``*``, a scalar side) or ``@`` (sizes that chain), as :class:`Convert` would; a
    product whose sizes do not fit stays ``·`` (printed ``@``). For messages about a formula
    that does not convert as a whole (``\frac{1}{m} (A2 − Y) A1`` reads
    ``1/m * (A2 − Y) @ A1``)."""

    def shape(n: ex.Node) -> tuple[int, int] | None:
        try:
            e, _ = Convert(net, "", allow_upstream)(n)
        except (ShapeError, FormulaError):
            return None
        return (0, 0) if isinstance(e, mf.Scalar) else e.shape

    def walk(n: ex.Node) -> ex.Node:
        n = ex.rebuild(n, walk)
        if isinstance(n, ex.BinOp) and n.op == "·":
            a, b = shape(n.left), shape(n.right)
            if a is not None and b is not None:
                if (0, 0) in (a, b) or (1, 1) in (a, b):
                    return ex.BinOp("*", n.left, n.right)
                if a[1] == b[0]:
                    return ex.BinOp("@", n.left, n.right)
        return n

    return walk(tree)


def _axis(node: ex.Node) -> int | None:
    """The axis of a concatenation (1 unless given), else None."""
    if not (isinstance(node, ex.Call) and node.func == "concat"):
        return None
    axis = node.kwarg("axis")
    return int(axis.value) if isinstance(axis, ex.Num) else 1


def _cells(node: ex.Call) -> list[ex.Node]:
    """The blocks of a (block) matrix: a concatenation's arguments, a row's blocks in rows."""
    out: list[ex.Node] = []
    for a in node.args:
        out.extend(a.args if _axis(node) == 0 and _axis(a) == 1 else [a])  # type: ignore[union-attr]
    return out


def _zero_cell(node: ex.Node) -> bool:
    r"""A zero block whose size its matrix tells: ``\mathbf{0}``, or a plain ``0``."""
    return node == ex.Name(latexin.ZERO) or (isinstance(node, ex.Num) and node.value == 0)


def _np_ones(e: ast.expr) -> bool:
    """``e`` is ``np.ones(…)`` (``torch.ones``, any module the reader knows)."""
    return (
        isinstance(e, ast.Call)
        and isinstance(e.func, ast.Attribute)
        and isinstance(e.func.value, ast.Name)
        and e.func.value.id in _NUMPY_MODULES
        and e.func.attr == "ones"
    )


def _numbers_only(node: ex.Node) -> bool:
    """``node`` is a formula of numbers alone (``1/sqrt(2)``, ``pi``, ``2/sqrt(pi)``): no tensor,
    size or constant name in it."""
    if isinstance(node, ex.Num):
        return True
    if isinstance(node, ex.Name):
        return node.id in ("pi", "π")
    if isinstance(node, ex.Neg):
        return _numbers_only(node.operand)
    if isinstance(node, ex.Pow):
        return _numbers_only(node.base)
    if isinstance(node, ex.BinOp):
        return node.op in ("+", "-", "*", "/", "·") and _numbers_only(node.left) and _numbers_only(
            node.right
        )
    if isinstance(node, ex.Call):
        return node.func in ("sqrt", "exp", "log") and not node.kwargs and all(
            _numbers_only(a) for a in node.args
        )
    return False


def _number_value(node: ex.Node) -> sp.Expr | None:
    """The exact value of a :func:`_numbers_only` formula, ``None`` where it has none (÷ 0)."""
    if isinstance(node, ex.Num):
        return sp.Rational(node.value.numerator, node.value.denominator)
    if isinstance(node, ex.Name):
        return sp.pi
    parts = [
        _number_value(a)
        for a in (
            (node.operand,) if isinstance(node, ex.Neg)
            else (node.base,) if isinstance(node, ex.Pow)
            else (node.left, node.right) if isinstance(node, ex.BinOp)
            else node.args if isinstance(node, ex.Call)
            else ()
        )
    ]
    if not parts or any(p is None for p in parts):
        return None
    if isinstance(node, ex.Neg):
        return -parts[0]
    if isinstance(node, ex.Pow):
        e = node.exponent
        return parts[0] ** sp.Rational(e.numerator, e.denominator)
    if isinstance(node, ex.BinOp):
        a, b = parts
        if node.op == "/":
            return None if b == 0 else a / b
        return a + b if node.op == "+" else a - b if node.op == "-" else a * b
    fn = {"sqrt": sp.sqrt, "exp": sp.exp, "log": sp.log}[node.func]  # type: ignore[union-attr]
    return fn(parts[0])


class _RoundedLiteral(Fraction):
    """heldcheck40: a [constants] value read from a rounded decimal (1.0507 for SELU's scale):
    equal to the exact value, and ``written`` as the reader wrote it, for the literal note."""

    written: str = ""


def _decimal_digits_heldcheck40(v: Fraction) -> tuple[int, float, str] | None:
    """The significant digits of a terminating decimal, the unit of its last digit and its
    text (``0.7979``: (4, 1e-4, "0.7979")); None for a whole number or a fraction with no
    finite decimal."""
    if v.denominator == 1 or v == 0:
        return None
    d = v.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d != 1:
        return None
    dec = (Decimal(v.numerator) / Decimal(v.denominator)).normalize()
    t = dec.as_tuple()
    return len(t.digits), 10.0 ** t.exponent, format(dec, "f")


class Convert:
    """Expression tree (from text) → :mod:`derive.engine.mform` expression over the network's symbols.
    Also returns the tree with LaTeX products resolved to ``@``/``*``."""

    def __init__(
        self,
        net: Net,
        text: str,
        allow_upstream: bool = True,
        want: tuple[int, int] | None = None,
    ) -> None:
        self.net, self.text, self.allow_upstream = net, text, allow_upstream
        self.want = want  # the answer's shape: the size a zero block \mathbf{0} is left
        self.grads_used: set[str] = set()
        self.literals: set[Fraction] = set()
        self.rounded: list[Msg] = []  # heldcheck40: notes on constants pasted as rounded decimals
        self.piecewise = False
        self.cost = 0

    def rounded_constant_heldcheck40(self, node: ex.Num) -> tuple[mf.MExpr, ex.Node] | None:
        """heldcheck40 (issue 11 item 3, the README's number policy): a decimal written with 4
        or more significant digits that is not exactly, but within one unit of its last digit,
        a constant of the network (SELU's 1.0507 and 1.6733, GELU's 0.7979 for √(2/π) or 0.3989
        for 1/√(2π), 1.4142 for √2, hardswish's 0.1667 for 1/6): read as that constant, with a
        note saying so. A [constants] value (named in the spec) is put in as its exact value and
        counted as a number written for that constant (README: right only for that value).
        Fewer digits, or no constant that near: None (the number as written)."""
        if self.net is None or node.value < 0:
            return None
        digits = _decimal_digits_heldcheck40(node.value)
        if digits is None or digits[0] < 4:
            return None
        value, unit = float(node.value), digits[1]
        best = None
        for c, exact, name in self.net.op_constants_heldcheck40():
            if c == value:
                return None  # exactly a constant: the number as written
            if abs(c - value) <= unit * (1 + 1e-9) and (best is None or abs(c - value) < abs(best[0] - value)):
                best = (c, exact, name)
        if best is None:
            return None
        c, exact, name = best
        written = digits[2]
        if name is not None:  # a [constants] value: the literal rule names it
            held = _RoundedLiteral(Fraction(int(exact.p), int(exact.q)))
            held.written = written
            self.literals.add(held)
        else:
            self.rounded.append(msg("round40.rounded_constant", number=written, value=repr(c), digits=digits[0]))
        return mf.Scalar(exact), node

    def prepare(self, node: ex.Node) -> ex.Node:
        """``node`` with Leibniz factors and ``g``/``g'`` resolved (:meth:`chains`), and
        ``diag(v)`` factors as the element-wise products they are (:meth:`diagonal`)."""
        if _has_call(node, (latexin.LEIBNIZ, "act", "act_grad")):
            self._atoms: set[int] = set()
            node = self.alone(self.chains(node))
        if _has_call(node, ("diag",)):
            node = self.diagonal(self.scaled_diag(node))
        if _has_call(node, ("clamp0",)):
            node = self.guard_clips_heldcheck39(node)
        return node

    def guard_clips_heldcheck39(self, node: ex.Node) -> ex.Node:
        """``p`` for ``np.clip(p, 1e-7, 1 - 1e-7)`` of a probability (nnfs.io's
        ``clipped_dvalues``, Keras's ε-guard before a log), which the language reads as
        ``hi - clamp0(hi - (lo + clamp0(p - lo)))``: bounds within 1e-4 of 0 and 1 that ``p`` lies
        strictly inside at every random point checked (a sigmoid's or softmax's output), so the
        clip changes no value there and the guard is no part of the formula; a clip of anything
        else (``clip(dZ, 1e-7, …)`` of values outside the interval) stays the clamp it is."""
        node = ex.rebuild(node, self.guard_clips_heldcheck39)
        parts = _lowered_clip_heldcheck39(node)
        if parts is None:
            return node
        x, lo, hi = parts
        if not (0 < lo <= 1e-4 and 0 < 1 - hi <= 1e-4):
            return node
        try:
            out, _ = Convert(self.net, "", self.allow_upstream)(x)
            vals = [floats(evaluate(out, System(self.net.rand, k))) for k in range(3)]
        except Exception:  # noqa: BLE001 - a part that does not convert keeps its clip
            return node
        if all(v is not None and bool(((v > lo) & (v < hi)).all()) for v in vals):
            return x
        return node

    def scaled_diag(self, node: ex.Node) -> ex.Node:
        """A scalar times ``diag(v)`` (``-\\frac{1}{B}\\operatorname{diag}(v)\\,U``, parsed as
        ``(-1/B · diag(v)) · U``) is the diagonal matrix ``diag(s v)``, so the product after it
        still scales U's rows; :meth:`diagonal` alone read ``s · diag(v)`` as the row ``s v``
        and the whole as ``(s v) @ U`` (c37t-242, a right answer rejected)."""
        node = ex.rebuild(node, self.scaled_diag)
        if isinstance(node, ex.Neg) and _is_diag(node.operand):
            return ex.Call("diag", (ex.Neg(node.operand.args[0]),))  # type: ignore[union-attr]
        if isinstance(node, ex.BinOp) and node.op in _PRODUCT_OPS:
            for d, s in ((node.right, node.left), (node.left, node.right)):
                if _is_diag(d) and not _has_call(s, ("diag",)) and self.shape_of(s) == (1, 1):
                    return ex.Call("diag", (ex.BinOp("*", s, d.args[0]),))  # type: ignore[union-attr]
        return node

    def diagonal(self, node: ex.Node) -> ex.Node:
        """``u · diag(v)`` = ``u ⊙ v`` (v as a row: each column of u scaled), ``diag(v) · u`` =
        ``v ⊙ u`` (v as a column); ``diag`` anywhere else is refused."""
        jacobian = self.softmax_jacobian(node)
        if jacobian is not None:
            return jacobian
        if isinstance(node, ex.BinOp) and node.op in _PRODUCT_OPS:
            left, right = node.left, node.right
            if node.op == "*":
                self.hadamard_of_diag_heldcheck33(left, right)
            if isinstance(right, ex.Call) and right.func == "diag" and len(right.args) == 1:
                v = self.diagonal(right.args[0])
                return ex.BinOp("*", self.diagonal(left), self.vector(v, row=True))
            if isinstance(left, ex.Call) and left.func == "diag" and len(left.args) == 1:
                v = self.diagonal(left.args[0])
                return ex.BinOp("*", self.vector(v, row=False), self.diagonal(right))
        if isinstance(node, ex.Call) and node.func == "diag":
            if len(node.args) == 1:
                self.diag_of_matrix(node.args[0], self.shape_of(node.args[0]))
            raise FormulaError(msg("heldcheck.diag"), 0, self.text)
        return ex.rebuild(node, self.diagonal)

    def hadamard_of_diag_heldcheck33(self, left: ex.Node, right: ex.Node) -> None:
        """``u ⊙ diag(v)`` (or ``diag(v) ⊙ u``) written with the element-wise ``\\odot``/``\\circ``:
        diag(v) of a vector of k > 1 entries is a k × k matrix, which no row or column u of the
        other factor matches entry for entry — a wrong formula (the student mixed ``u diag(v)``
        and ``u ⊙ v``), not the scaled row it was read as (c33-075). Raises
        :class:`ShapeError` for one; returns for anything else (a scalar factor, diag of a matrix:
        :meth:`diag_of_matrix`)."""
        for d, u in ((right, left), (left, right)):
            if not (isinstance(d, ex.Call) and d.func == "diag" and len(d.args) == 1):
                continue
            v = d.args[0]
            vs, us = self.shape_of(v), self.shape_of(u)
            if 1 not in vs or 0 in vs or vs == (1, 1) or us == (1, 1):
                return
            raise ShapeError(msg("shape.diag_hadamard_heldcheck33", formula=tree_text(u), vector=tree_text(v)))

    def diag_of_matrix(self, v: ex.Node, shape: tuple[int, int]) -> None:
        """``diag(v)`` of a ``v`` that is a matrix and not square (``diag(1[h > 0])`` of the n × H
        ReLU mask) is a wrong formula, not an unreadable one: ``diag`` builds a diagonal matrix
        from a vector, and NumPy's diagonal of a non-square matrix drops entries; no gradient is
        either. Raises :class:`ShapeError` for one; returns for anything else."""
        if 0 in shape or 1 in shape:
            return
        if shape[0] == shape[1] and len(set(self.size_labels(v))) != 2:
            return  # square: its diagonal may be meant (square at these sizes only is not)
        labels = self.size_labels(v)
        sizes = " × ".join(str(k) if k else str(n) for k, n in zip(labels, shape, strict=True))
        raise ShapeError(msg("shape.diag_matrix", formula=tree_text(v), shape=sizes))

    def softmax_jacobian(self, node: ex.Node) -> ex.Node | None:
        """The softmax's Jacobian times a gradient, ``(diag(p) − p pᵀ) g`` (or ``g (diag(p) −
        p pᵀ)``), written for one example or one row: ``p ⊙ g − p ⊙ Σ(p ⊙ g)``, the sum along
        the vector's long axis — over each row where p and g are the batch's matrices (row i
        the example's vector); else None."""
        if not (isinstance(node, ex.BinOp) and node.op in _PRODUCT_OPS):
            return None
        for jac, g in ((node.left, node.right), (node.right, node.left)):
            if not (isinstance(jac, ex.BinOp) and jac.op == "-"):
                continue
            d, outer = jac.left, jac.right
            if not (isinstance(d, ex.Call) and d.func == "diag" and len(d.args) == 1):
                continue
            p = d.args[0]
            if not (isinstance(outer, ex.BinOp) and outer.op in _PRODUCT_OPS):
                continue
            if {outer.left, outer.right} != {p, ex.Transpose(p)}:
                continue
            g = self.diagonal(g)
            shape = self.shape_of(p)
            axis = 0 if shape[1] == 1 and shape[0] > 1 else 1
            pg = ex.BinOp("*", p, g)
            total = ex.Call("sum", (pg,), (("axis", ex.Num(Fraction(axis))),))
            return ex.BinOp("-", pg, ex.BinOp("*", p, total))
        return None

    def vector(self, v: ex.Node, row: bool) -> ex.Node:
        shape = self.shape_of(v)
        if 1 not in shape or 0 in shape:
            self.diag_of_matrix(v, shape)
            raise FormulaError(msg("heldcheck.diag"), 0, self.text)
        return v if (shape[0] == 1) == row or shape == (1, 1) else ex.Transpose(v)

    def alone(self, node: ex.Node) -> ex.Node:
        """Leibniz factors left without an upstream gradient: the local derivative itself."""
        if _is_leibniz(node):
            return self.edge(node, None)
        kids = ex.children(node)
        if not kids or not _has_call(node, (latexin.LEIBNIZ,)):
            return node
        return ex.rebuild(node, self.alone)

    def __call__(self, node: ex.Node) -> tuple[mf.MExpr, ex.Node]:
        node = self.prepare(node)
        out = self.convert(node)
        if self.cost > MAX_COST:
            raise FormulaError(msg("error.too_expensive", cost=self.cost, limit=MAX_COST))
        return out

    def count(self, shape: tuple[int, int], inner: int = 1) -> None:
        self.cost += int(shape[0]) * int(shape[1]) * int(inner)
        if self.cost > 50 * MAX_COST:
            raise FormulaError(msg("error.too_expensive_early", limit=MAX_COST))

    def ones(self, node: ex.Call) -> mf.MExpr:
        """The all-ones matrix of the sizes ``node`` names (numbers or [dims] names, kept as the
        network's sizes so that they move with them at other sizes)."""
        sizes = []
        for a in node.args:
            if isinstance(a, ex.Num) and a.value.denominator == 1 and a.value > 0:
                sizes.append(int(a.value))
            elif isinstance(a, ex.Name) and a.id in self.net.spec.dims:
                sizes.append(self.size_named(a.id))
            else:
                raise FormulaError(msg("error.shape_of", name=latexin.ONES), 0, self.text)
        return mf.Ones((sizes[0], sizes[1]))

    def zero_blocks(self, node: ex.Call) -> ex.Call:
        r"""A block matrix (``\begin{bmatrix} \mathbf{0} & A \end{bmatrix}``) with each zero
        block given its size, as a handout leaves it to the reader: its height the other blocks'
        in its row, its width the other blocks' in its column, else what the row's other blocks
        leave of the answer's width (heights alike). A plain ``0`` is such a block where the
        blocks beside it are not single entries. Raises :class:`FormulaError` where a zero
        block's size cannot be told."""
        k = _axis(node)
        if k == 0:
            grid = [_cells(r) if _axis(r) == 1 else [r] for r in node.args]
        else:
            grid = [list(node.args)]
        save = self.cost
        shapes = [[None if _zero_cell(c) else self.convert(c)[0].shape for c in r] for r in grid]
        self.cost = save
        for i, row in enumerate(grid):  # a plain 0 among single entries is the entry 0
            for j, c in enumerate(row):
                if isinstance(c, ex.Num) and all(
                    sh is None or tuple(map(int, sh)) == (1, 1) for sh in shapes[i]
                ) and all(r2[j] is None or tuple(map(int, r2[j])) == (1, 1)
                          for r2 in shapes if len(r2) == len(row)):
                    shapes[i][j] = (1, 1)
        heights: list[int | None] = [
            next((sh[0] for sh in r if sh is not None), None) for r in shapes
        ]
        widths: list[list[int | None]] = [[None if sh is None else sh[1] for sh in r] for r in shapes]
        want = self.want
        for _ in range(2):  # a column's width found in one row fills another row's gap
            if len({len(r) for r in grid}) == 1:  # a grid: a column's blocks are as wide
                for j in range(len(grid[0])):
                    w = next((r[j] for r in widths if r[j] is not None), None)
                    for r in widths:
                        r[j] = w if r[j] is None else r[j]
            full = [r for r in widths if None not in r]
            total_w = sum(int(w) for w in full[0]) if full else (want[1] if want else None)  # type: ignore[misc]
            for r in widths:
                gaps = [j for j, w in enumerate(r) if w is None]
                if len(gaps) == 1 and total_w is not None:
                    r[gaps[0]] = int(total_w) - sum(int(w) for w in r if w is not None)
        gaps = [i for i, h in enumerate(heights) if h is None]
        if len(gaps) == 1 and want is not None:
            heights[gaps[0]] = int(want[0]) - sum(int(h) for h in heights if h is not None)
        out = []
        for i, row in enumerate(grid):
            cells = []
            for j, c in enumerate(row):
                if shapes[i][j] is not None:
                    cells.append(c)
                    continue
                h, w = heights[i], widths[i][j]
                if h is None or w is None or int(h) < 1 or int(w) < 1:
                    raise FormulaError(msg("gaps9.zero_block"), 0, self.text)
                cells.append(ex.Call(latexin.ZERO, (self.size_node(h), self.size_node(w))))
            out.append(cells)
        if k == 0:
            rows = [
                cells[0] if len(cells) == 1 else ex.Call("concat", tuple(cells), r.kwargs)
                for cells, r in zip(out, node.args, strict=True)
            ]
            return ex.Call("concat", tuple(rows), node.kwargs)
        return ex.Call("concat", tuple(out[0]), node.kwargs)

    def size_node(self, k: int) -> ex.Node:
        """A size as the formula language writes it: its [dims] name, else its number."""
        label = getattr(k, "label", None)
        if isinstance(label, str) and label in self.net.spec.dims:
            return ex.Name(label)
        return ex.Num(Fraction(int(k)))

    def size_named(self, name: str) -> int:
        """The network's size object named ``name`` (a tensor's axis), else its number."""
        for t in self.net.g.tensors.values():
            for k in t.shape:
                if getattr(k, "label", None) == name:
                    return k
        return int(self.net.spec.dims[name])

    def column(self, name: str) -> int:
        m = re.search(rf"(?<![A-Za-z0-9_]){re.escape(name)}(?![A-Za-z0-9_])", self.text)
        return m.start() + 1 if m else 0

    def name(self, node: ex.Name) -> tuple[mf.MExpr, ex.Node]:
        if node.id == latexin.ONES:  # \mathbf{1} on its own (LaTeX): 1, broadcast
            return mf.Scalar(sp.Integer(1)), ex.Num(Fraction(1))
        if node.id == latexin.ZERO:  # \mathbf{0} outside a block matrix: 0, broadcast
            return mf.Scalar(sp.Integer(0)), ex.Num(Fraction(0))
        found = self.net.resolve(node.id)
        if found is None and node.id in ("pos_weight", "posweight", "pw"):  # bce(…, pos_weight=w)
            loss = self.net.spec.forward[-1][1]
            weight = loss.kwarg("pos_weight") if isinstance(loss, ex.Call) else None
            if isinstance(weight, ex.Name):
                found = self.net.resolve(weight.id)
            elif isinstance(weight, ex.Num):
                return self.convert(weight)
        if found is None and node.id in self.net.tree_alias:  # ŷ = σ(Z) of a logits loss
            out, _ = self.convert(self.net.tree_alias[node.id])
            return out, ex.Name(node.id)
        if found is None and node.id in ("pi", "π"):  # 2/sqrt(pi), as derive prints erf's slope
            return mf.Scalar(sp.pi), ex.Name("pi")
        if found is None and node.id.startswith("d"):
            self.delta_of_no_node(node.id[1:])
            self.gradient_of_no_path(node.id)
        if found is None and self.index_notation(node.id):
            col = self.column(node.id)
            where = msg("error.column", col=col) if col else ""
            m = msg("heldcheck5.index_notation", name=node.id, where=where)
            raise FormulaError(m, col, self.text)
        if found is None:
            col = self.column(node.id)
            hint = unknown_hint(self.net, node.id)
            g = self.net.g
            known = ", ".join([*g.tensors, *g.scalars])
            where = msg("error.column", col=col) if col else ""
            raise FormulaError(
                msg("error.unknown_name", name=node.id, where=where, hint=hint, known=known),
                col,
                self.text,
            )
        canonical, leaf = found
        if isinstance(leaf, mf.Ref) and leaf.kind == "grad":
            if not self.allow_upstream:
                col = self.column(node.id)
                raise FormulaError(msg("error.no_upstream", name=node.id), col, self.text)
            tensor = self.net.label_at.get(leaf.name, (leaf.name,))[0]
            self.grads_used.add(tensor)
        return leaf, ex.Name(canonical)

    def gradient_of_no_path(self, name: str) -> None:
        """``dx_hat`` where the node ``x_hat`` exists but no parameter reaches it (batch norm's
        x̂ of an input): exit 2 saying it has no gradient here, and which ones there are."""
        tensor = self.net.g.tensors.get(name[1:])
        if tensor is None or tensor.grads is not None or name[1:] == self.net.spec.loss:
            return
        grads = [
            self.net.spec.gkey(n)
            for n, t in self.net.g.tensors.items()
            if t.grads is not None and n != self.net.spec.loss
        ]
        col = self.column(name)
        m = msg("checkfuzz2.no_path", name=name, node=name[1:], names=", ".join(grads))
        raise FormulaError(m, col, self.text)

    def delta_of_no_node(self, sub: str) -> None:
        r"""``\delta_{y}`` written where the network's nodes are ``y_pred`` and ``y_target``:
        exit 2 naming the notation as written and the names it may mean (nothing guessed)."""
        name = re.escape(sub)
        m = re.search(rf"\\delta\s*_\s*(?:\{{\s*{name}\s*\}}|{name}(?![A-Za-z0-9_]))", self.text)
        grads = [n for n, t in self.net.g.tensors.items() if t.grads is not None]
        near = [n for n in grads if n.startswith(sub) and n != self.net.spec.loss][:3]
        if m is None or not near:
            return
        first = near[0]
        tex = first.replace("_", "_{", 1) + "}" if "_" in first else first
        raise FormulaError(
            msg(
                "checkcodes4.delta_node",
                written=m.group(0),
                sub=sub,
                net=self.net.spec.name,
                names=", ".join(near),
                example=f"\\delta_{{{tex}}}",
            ),
            m.start() + 1,
            self.text,
        )

    def declared(self, node: ex.Node) -> tuple[str | int, ...] | None:
        """``node``'s shape with sizes as declared (``("m", "n")``); ``dX`` has X's shape;
        None where that cannot be told."""
        shapes = self.net.spec.shapes

        def plain(n: ex.Node) -> ex.Node:
            if isinstance(n, ex.Name) and n.id not in shapes and n.id[1:] in shapes:
                return ex.Name(n.id[1:])
            if isinstance(n, ex.Compare):  # [Z > 0]: the broadcast shape of its two sides
                return ex.BinOp("*", plain(n.left), plain(n.right))
            if isinstance(n, ex.BinOp) and n.op in ("·", latexin.STAR):  # as resolved below
                op = self.declared_product(n.left, n.right) if n.op == "·" else None
                return ex.BinOp(op or "*", plain(n.left), plain(n.right))
            return ex.rebuild(n, plain)

        try:
            return sym_shape(plain(node), self.net.g, rows=True)
        except (IndexError, KeyError, TypeError, ValueError):
            return None

    def sized(self, node: ex.Node) -> bool:
        """Is ``node`` 1 x 1 only at the example's sizes (``x`` declared ``["m", "n"]`` with
        m = n = 1)? Then its transpose is kept, so the formula means the same at every size."""
        dims = self.declared(node)
        return dims is not None and any(not isinstance(d, int) for d in dims)

    def declared_product(self, na: ex.Node, nb: ex.Node) -> str | None:
        """``@`` or ``*`` for a LaTeX product of two factors that are 1 x 1 only because sizes
        are 1 here, decided by their declared shapes (``x^{⊤} δ``: (n, m) by (m, h));
        None when the example's shapes decide."""
        sa, sb = self.declared(na), self.declared(nb)
        if not sa or not sb or len(sa) != 2 or len(sb) != 2:
            return None
        if all(isinstance(d, int) for d in (*sa, *sb)):
            return None
        if sa[1] == sb[0] and not isinstance(sa[1], int):
            return "@"
        if sa == sb:
            return None if _transposed_matrix(na, nb, (sa[0], sa[1]), set(self.net.spec.one_d)) else "*"
        return None

    def one_d_row_heldtex40(
        self, left: ex.Node, a: mf.MExpr, b: mf.MExpr
    ) -> tuple[mf.MExpr, ex.Node] | None:
        r"""``v^{\top} M`` written of the network's 1-D vectors only (李宏毅's ``(\mathrm{pred} -
        y)^{\top} a_2``, pred and y of B entries): written maths' vᵀ is a row, NumPy's 1-D is a
        row already — the row (un-transposed ``v``) times M, not the column broadcast over M's
        columns; None where ``left`` is no such transpose or the shapes do not ask for it."""
        if a.shape[1] != 1 or a.shape[0] == 1 or b.shape[0] != a.shape[0] or b.shape[1] == 1:
            return None
        row = self._untransposed_heldtex40(left)  # \frac{2}{B}(…)^{\top}: numbers before it too
        if row is None:
            return None
        one_d = set(self.net.spec.one_d)
        names = [tensor_of(self.net, n) or n for n in ex.names(row[1])]
        vectors = [n for n in names if n in one_d]
        if not vectors or any(n in self.net.g.tensors and n not in one_d for n in names):
            return None
        return self.convert(row[0])

    def written_sum_heldtex40(self) -> bool:
        """Is the formula written maths with a Σ (\\sum, Σ, ∑), not NumPy code (whose 1-D sums
        the parser's one_d reading already takes)?"""
        text = self.text if isinstance(self.text, str) else ""
        return any(s in text for s in ("\\sum", "Σ", "∑"))

    def one_d_only_heldtex40(self, node: ex.Node) -> bool:
        """Is ``node`` written of the network's 1-D vectors (and sizes, constants, numbers) only,
        with no transpose: a vector of written maths, a column where only a column fits?"""
        def transposed(x: ex.Node) -> bool:
            return isinstance(x, ex.Transpose) or any(transposed(c) for c in ex.children(x))

        if transposed(node):
            return False
        one_d = set(self.net.spec.one_d)
        names = [tensor_of(self.net, n) or n for n in ex.names(node)]
        scalars = {*self.net.spec.dims, *self.net.spec.constants}
        return any(n in one_d for n in names) and all(n in one_d or n in scalars for n in names)

    def _untransposed_heldtex40(self, node: ex.Node) -> tuple[ex.Node, ex.Node] | None:
        """``node`` with the transpose it ends in taken off, and that transposed operand, where
        it is ``vᵀ`` or numbers and sizes times it (``\frac{2}{B} vᵀ``); else None."""
        if isinstance(node, ex.Transpose):
            return node.operand, node.operand
        scalars = {*self.net.spec.dims, *self.net.spec.constants, "pi", "π"}
        if isinstance(node, ex.BinOp) and node.op in ("·", "*") and set(ex.names(node.left)) <= scalars:
            inner = self._untransposed_heldtex40(node.right)
            return None if inner is None else (ex.BinOp(node.op, node.left, inner[0]), inner[1])
        return None

    def declared_star(self, na: ex.Node, nb: ex.Node) -> str | None:
        """``*`` in written maths by the declared shapes: element-wise where they broadcast at
        every size, a matrix product where only the product fits (``A1^T * (A2 - Y)``: (n_h, m)
        by (m, 1)); None when the declared shapes do not tell (the example's shapes decide)."""
        sa, sb = self.declared(na), self.declared(nb)
        if not sa or not sb or len(sa) != 2 or len(sb) != 2:
            return None
        if all(isinstance(d, int) for d in (*sa, *sb)):
            return None
        if all(x == y or x == 1 or y == 1 for x, y in zip(sa, sb)):
            return "*"
        if sa[1] == sb[0]:
            return "@"
        return None

    def convert(self, node: ex.Node) -> tuple[mf.MExpr, ex.Node]:
        if not isinstance(node, ex.Num) and not getattr(self, "_in_number", False):
            if _numbers_only(node):
                return self.number(node)
        if isinstance(node, ex.Num):
            if node.value not in (0, 1, -1):
                near = self.rounded_constant_heldcheck40(node)
                if near is not None:
                    return near
                self.literals.add(abs(node.value))
            return mf.Scalar(sp.Rational(node.value.numerator, node.value.denominator)), node
        if isinstance(node, ex.Name):
            return self.name(node)
        if isinstance(node, ex.Neg):
            x, n = self.convert(node.operand)
            self.count(x.shape)
            return mf.neg(x), ex.Neg(n)
        if isinstance(node, ex.Transpose):
            x, n = self.convert(node.operand)
            return mf.transpose(x, self.sized(n)), ex.Transpose(n)
        if isinstance(node, ex.Pow):
            x, n = self.convert(node.base)
            self.count(x.shape, 8)
            e = node.exponent
            out = mf.Pow(x, mf.exponent(e))
            return out, ex.Pow(n, e)
        if isinstance(node, ex.BinOp):
            return self.binop(node)
        if isinstance(node, ex.Compare):
            a, na = self.convert(node.left)
            b, nb = self.convert(node.right)
            if not fits(a.shape, b.shape):
                raise ShapeError(
                    msg(
                        "shape.compare",
                        formula=tree_text(node),
                        a=shape_text(a.shape),
                        b=shape_text(b.shape),
                    )
                )
            self.piecewise = True
            out = mf.Indicator(node.op, a, b)
            self.count(out.shape)
            return out, ex.Compare(node.op, na, nb)
        if isinstance(node, ex.Call):
            return self.call(node)
        raise FormulaError(msg("error.not_allowed", what=type(node).__name__), 0, self.text)

    def number(self, node: ex.Node) -> tuple[mf.MExpr, ex.Node]:
        """A formula of numbers alone (π, 1/√2, √(2/π)): the float64 number the network computes
        with where it equals one to float64 precision (the handouts print np.pi, F.gelu's
        0.7071067811865476 as π and 1/√2), else its exact value."""
        self._in_number = True
        try:
            out, n = self.convert(node)
        finally:
            self._in_number = False
        exact = _number_value(node)
        if exact is None or exact.is_Rational:
            return out, n
        try:
            value = complex(exact.evalf(30))
        except (TypeError, ValueError):
            return out, n
        if value.imag or not math.isfinite(value.real) or value.real == 0:
            return out, n
        for c in self.net.float_constants():
            for sign in (1, -1):
                if abs(sign * float(c) - value.real) <= 4e-16 * abs(value.real):
                    r = sign * c
                    return mf.Scalar(r), ex.Num(Fraction(int(r.p), int(r.q)))
        return out, n

    def binop(self, node: ex.BinOp) -> tuple[mf.MExpr, ex.Node]:
        if node.op in ("·", "@") and node.right == ex.Name(latexin.ONES):  # X 𝟙: row sums
            x, nx = self.convert(node.left)
            if isinstance(x, mf.Scalar):  # c 𝟙: the constant c in every entry
                return x, nx
            self.count(x.shape)
            return mf.SumCols(x), ex.Call("sum", (nx,), (("axis", ex.Num(Fraction(1))),))
        a, na = self.convert(node.left)
        b, nb = self.convert(node.right)
        op = node.op
        if op == latexin.STAR:
            star = self.declared_star(na, nb)
            if star is not None:  # A1^T * (A2 - Y): (n_h, m) by (m, 1) at every size: @
                op = star
            elif fits(a.shape, b.shape):
                op = "*"
            elif a.shape[1] == b.shape[0]:
                op = "@"
            else:
                op = "*"  # the broadcast error below names the shapes
        if op == "·":  # a LaTeX product: matrix product when the sizes fit, else scaling
            declared = self.declared_product(na, nb)
            if declared is not None:  # 1 x 1 here only because sizes are 1: as declared
                op = declared
            elif isinstance(a, mf.Scalar | mf.Ones) or (1, 1) in (a.shape, b.shape):
                op = "*"
            elif a.shape[1] == b.shape[0]:
                op = "@"
            elif a.shape == b.shape and not _transposed_matrix(na, nb, a.shape, set(self.net.spec.one_d)):
                op = "*"  # h (1 − h): equal shapes that do not chain are element-wise
            elif (row := self.one_d_row_heldtex40(node.left, a, b)) is not None:
                (a, na), op = row, "@"  # (pred − y)^⊤ a_2 of a 1-D pred: the row times the matrix
            elif a.shape[0] == 1 != a.shape[1] and b.shape[0] == 1 and self.one_d_only_heldtex40(na):
                a, na, op = mf.transpose(a, False), ex.Transpose(na), "@"  # (pred − y) W_3: its column
            elif b.shape[0] == 1 != b.shape[1] == a.shape[1] and self.one_d_only_heldtex40(nb):
                b, nb, op = mf.transpose(b, False), ex.Transpose(nb), "@"  # x^⊤ (μ − y): its column
            elif (
                fits(a.shape, b.shape)
                and (max(a.shape[0], b.shape[0]), max(a.shape[1], b.shape[1])) in (a.shape, b.shape)
                and self.declared_star(na, nb) == "*"
                and not (a.shape == b.shape and _transposed_matrix(na, nb, a.shape, set(self.net.spec.one_d)))
            ):  # γ (…): a row of per-column factors that broadcasts at every size — not a row
                op = "*"  # by a column (x δ^⊤ of rows: no product in written maths)
            else:
                raise ShapeError(
                    msg(
                        "shape.product",
                        formula=tree_text(ex.BinOp("·", na, nb)),  # (A2 - Y) · A1
                        a=shape_text(a.shape),
                        b=shape_text(b.shape),
                        inner_a=a.shape[1],
                        inner_b=b.shape[0],
                    )
                )
        shown = ex.BinOp(op, na, nb)
        if op == "@":
            if isinstance(a, mf.Scalar) or isinstance(b, mf.Scalar):
                raise ShapeError(msg("shape.matmul_scalar", formula=tree_text(shown)))
            if a.shape[1] != b.shape[0]:
                raise ShapeError(
                    msg(
                        "shape.matmul",
                        formula=tree_text(shown),
                        a=shape_text(a.shape),
                        b=shape_text(b.shape),
                        inner_a=a.shape[1],
                        inner_b=b.shape[0],
                    )
                )
            out: mf.MExpr = mf.MatMul(a, b)
            self.count(out.shape, a.shape[1])
            return out, shown
        if not fits(a.shape, b.shape):
            raise ShapeError(
                msg(
                    "shape.broadcast",
                    formula=tree_text(shown),
                    a=shape_text(a.shape),
                    b=shape_text(b.shape),
                )
            )
        if op == "/" and isinstance(b, mf.Scalar) and b.expr == 0:
            out = mf.Div(a, b)  # undefined everywhere: evaluation says so
        else:
            out = {"+": mf.add, "-": mf.sub, "*": mf.mul, "/": mf.div}[op](a, b)
        self.count(out.shape)
        return out, shown

    # ---- Leibniz notation and the generic activation g ----------------------------------------
    def entry_edge(self, a_raw: str, b_raw: str, up: ex.Node | None) -> ex.Node | None:
        """``∂h1/∂h1_raw`` over the walkthrough's entry labels (Mazur's element-wise chain
        rule): the local derivative of entry A's element-wise definition with respect to entry
        B, written over the labels (``sigmoid(h1_raw) * (1 - sigmoid(h1_raw))``); None unless A
        or B is an entry label."""
        found = [self.net.resolve(x) for x in (a_raw, b_raw)]
        labels = self.net.label_at
        if not any(f is not None and f[0] in labels for f in found):
            return None
        syms = []
        for raw, f in zip((a_raw, b_raw), found, strict=True):
            ref = f[1] if f is not None else None
            if not isinstance(ref, mf.Ref) or ref.kind != "value" or ref.symbols.shape != (1, 1):
                raise FormulaError(
                    msg("error.leibniz_not_node", name=raw, net=self.net.spec.name),
                    self.column(raw),
                    self.text,
                )
            syms.append(ref.symbols[0, 0])
        definition = self.net.d.defs.get(syms[0])
        local = sp.diff(definition, syms[1]) if definition is not None else sp.Integer(0)
        if local == 0 and definition is not None:  # ∂h1/∂w11 through h1_raw: B upstream of A
            local = sp.diff(_upstream_expanded_heldcheck27(self.net.d.defs, definition, syms[1]), syms[1])
        if local == 0:
            raise FormulaError(
                msg("error.leibniz_not_input", a=a_raw, b=b_raw), self.column(b_raw), self.text
            )
        label_of = {sym: sp.Symbol(name) for name, sym in self._entry_symbols().items()}
        try:  # our own derivative, printed over the labels (never user text)
            node = ex.parse(str(local.xreplace(label_of)))
        except ex.ExprError:
            raise FormulaError(msg("error.leibniz_rule", a=a_raw, b=b_raw), 0, self.text) from None
        return node if up is None else ex.BinOp("*", up, node)

    def _entry_symbols(self) -> dict[str, sp.Symbol]:
        """Every 1×1 value name of the network (entry labels, scalar tensors) → its symbol."""
        out = {}
        for name in self.net.names:
            found = self.net.resolve(name)
            ref = found[1] if found is not None else None
            if isinstance(ref, mf.Ref) and ref.kind == "value" and ref.symbols.shape == (1, 1):
                out.setdefault(found[0], ref.symbols[0, 0])  # type: ignore[index]
        return out

    def tensor(self, name: str) -> str:
        """A user's spelling of a tensor (``y_{pred}``, ``W^{[1]}``) → its name; exit 2 if it
        is not a tensor of the network."""
        found = self.net.resolve(name)
        if found is not None and found[0] not in self.net.g.tensors:
            found = _alias_tensor(self.net, found)
        if found is None or found[0] not in self.net.g.tensors:
            raise FormulaError(
                msg("error.leibniz_not_node", name=name, net=self.net.spec.name),
                self.column(name),
                self.text,
            )
        return found[0]

    def chains(self, node: ex.Node) -> ex.Node:
        """Products with Leibniz factors resolved: ``∂L/∂A · ∂A/∂B`` (in either order, with
        ``·``, ``⊙`` or ``@``) is the upstream gradient pulled back through node ``A`` to ``B``
        (the chain rule); ``g(Z)``/``g'(Z)`` become the activation that node applies."""
        if isinstance(node, ex.BinOp):
            left, right = self.chains(node.left), self.chains(node.right)
            if node.op in ("·", "*", "@", latexin.STAR):
                if self.scalar_over(right) or self.scalar_over(left):  # ∂J/∂U of a scalar J:
                    left, right = (  # a gradient of its own, whatever stands next to it
                        self.edge(x, None) if self.scalar_over(x) else x for x in (left, right)
                    )
                    return ex.BinOp(node.op, left, right)
                if (
                    (node.op == "*" or node.op == latexin.STAR and self.elementwise(right))
                    and _is_leibniz(right)
                    and not _is_leibniz(self.last(left))
                ):
                    return self.edge(right, left)  # G ⊙ ∂A/∂Z: all of G is the upstream
                if _is_leibniz(right) and not _is_leibniz(self.last(left)):
                    return self.replace_last(left, self.edge(right, self.last(left)))
                if _is_leibniz(left) and not _is_leibniz(self.first(right)):
                    return self.replace_first(right, self.edge(left, self.first(right)))
            return ex.BinOp(node.op, left, right)
        if isinstance(node, ex.Neg | ex.Transpose | ex.Pow | ex.Compare):
            return ex.rebuild(node, self.chains)
        if isinstance(node, ex.Call):
            args = tuple(self.chains(a) for a in node.args)
            if node.func == latexin.LEIBNIZ:  # paired with its upstream by the caller
                return node
            if node.func in ("act", "act_grad"):
                layer = node.kwarg("layer")
                told = int(layer.value) if isinstance(layer, ex.Num) else None
                return self.activation(node.func == "act_grad", args[0], told)
            return ex.Call(node.func, args, node.kwargs)
        return node

    def scalar_over(self, leib: ex.Node) -> bool:
        """Is ``leib`` ∂A/∂B of a scalar node A (a term of the loss, Goodfellow's J_MLE), whose
        derivative is a gradient of its own rather than a factor pulling a neighbour through A?"""
        if not _is_leibniz(leib):
            return False
        try:
            a = self.tensor(leib.args[0].id)  # type: ignore[attr-defined]
        except FormulaError:  # an entry's label (∂h1/∂h1_raw): the edge reads it
            return False
        if tuple(int(d) for d in self.net.g.tensors[a].shape) != (1, 1):
            return False
        dims = self.declared(ex.Name(a))  # 1 x 1 at every size, not only at the example's
        return dims is not None and all(d == 1 for d in dims)

    def elementwise(self, leib: ex.Node) -> bool:
        """Is ``leib`` (∂A/∂B) the derivative of an activation A = f(B), entry by entry?"""
        if not _is_leibniz(leib):
            return False
        try:
            a = self.tensor(leib.args[0].id)  # type: ignore[attr-defined]
        except FormulaError:  # an entry's label: the edge reads it
            return False
        tree = dict(self.net.spec.forward).get(a)
        return isinstance(tree, ex.Call) and tree.func in ops.activations()

    def last(self, node: ex.Node) -> ex.Node:
        while (
            isinstance(node, ex.BinOp) and node.op in _PRODUCT_OPS and id(node) not in self._atoms
        ):
            node = node.right
        return node

    def first(self, node: ex.Node) -> ex.Node:
        while (
            isinstance(node, ex.BinOp) and node.op in _PRODUCT_OPS and id(node) not in self._atoms
        ):
            node = node.left
        return node

    def replace_last(self, node: ex.Node, new: ex.Node) -> ex.Node:
        if isinstance(node, ex.BinOp) and node.op in _PRODUCT_OPS and id(node) not in self._atoms:
            return ex.BinOp(node.op, node.left, self.replace_last(node.right, new))
        return new

    def replace_first(self, node: ex.Node, new: ex.Node) -> ex.Node:
        if isinstance(node, ex.BinOp) and node.op in _PRODUCT_OPS and id(node) not in self._atoms:
            return ex.BinOp(node.op, self.replace_first(node.left, new), node.right)
        return new

    def edge(self, leib: ex.Node, up: ex.Node | None) -> ex.Node:
        """``up · ∂A/∂B``: ``up`` (the gradient of A, or 1) pulled back through ``A``'s forward
        definition to ``B``."""
        assert isinstance(leib, ex.Call)
        a_raw, b_raw = (x.id for x in leib.args)  # type: ignore[attr-defined]
        entries = self.entry_edge(a_raw, b_raw, up)
        if entries is not None:
            self._atoms.add(id(entries))
            return entries
        a, b = self.tensor(a_raw), self.tensor(b_raw)
        forward = dict(self.net.spec.forward)
        if a in self.net.spec.detached:  # a stop-gradient: no path back through it
            raise FormulaError(
                msg("error.leibniz_detached", a=a_raw, b=b_raw), self.column(a_raw), self.text
            )
        if a not in forward or not self.reaches(a, b):
            raise FormulaError(
                msg("error.leibniz_not_input", a=a_raw, b=b_raw), self.column(b_raw), self.text
            )
        start = up if up is not None else ex.Num(Fraction(1))
        if b in ex.names(forward[a]):  # B an input of A: the local derivative
            out = self.pull(forward[a], b, start, a_raw, b_raw)
        else:  # B upstream of A only (∂v/∂w for v = u + b, u = w x): through every path
            out = self.through(a, b, start, a_raw, b_raw)
        assert out is not None
        self._atoms.add(id(out))
        return out

    def reaches(self, a: str, b: str) -> bool:
        """Does node ``a`` of the forward pass depend on tensor ``b``?"""
        forward = dict(self.net.spec.forward)
        todo, seen = [a], set()
        while todo:
            x = todo.pop()
            if x in seen or x not in forward:
                continue
            seen.add(x)
            used = ex.names(forward[x])
            if b in used:
                return True
            todo.extend(used)
        return False

    def through(self, a: str, b: str, up: ex.Node, a_raw: str, b_raw: str) -> ex.Node | None:
        """``up`` (the gradient of node ``a``) pulled back to ``b`` along every path of the
        forward pass (the total derivative: what ∂A/∂B means where B is no input of A)."""
        forward = dict(self.net.spec.forward)
        parts = []
        if b in ex.names(forward[a]):
            parts.append(self.pull(forward[a], b, up, a_raw, b_raw))
        for x in dict.fromkeys(ex.names(forward[a])):  # in the order written: deterministic
            # a detached node (a stop-gradient) passes no gradient back: not a path
            if x != b and x in forward and x not in self.net.spec.detached and self.reaches(x, b):
                g = self.pull(forward[a], x, up, a_raw, b_raw)
                parts.append(self.through(x, b, g, a_raw, b_raw) if g is not None else None)
        return _summed(parts)

    def index_notation(self, name: str) -> bool:
        """Is ``name`` an entry with letter indices (``v_j``, ``w2_kj``, ``dZ2_ik``, ``A_ij``):
        a tensor of the network or the stem of its entry labels, then ``_`` and one or two of
        the index letters i, j, k, l, n, t?"""
        m = re.fullmatch(r"(\w+?)_([ijklnt]{1,2})", name)
        if m is None:
            return False
        base = m.group(1)
        stems = {base, base[1:] if base.startswith("d") else base}
        labels = {re.sub(r"\d+$", "", k) for k in self.net.names}
        return any(b in self.net.g.tensors or b in labels for b in stems)

    def size_labels(self, node: ex.Node) -> tuple[str | None, str | None]:
        """The [dims] names of ``node``'s two sizes (None for a size without one)."""
        sub = Convert(self.net, self.text, True)
        sub._atoms = set()
        try:
            x, _ = sub.convert(node)
        except ShapeError:
            return (None, None)
        a, b = (getattr(k, "label", None) for k in x.shape)
        return (a, b)

    def shape_of(self, node: ex.Node) -> tuple[int, int]:
        sub = Convert(self.net, self.text, True)
        sub._atoms = set()
        try:
            x, _ = sub.convert(node)
        except ShapeError:
            return (0, 0)
        return (int(x.shape[0]), int(x.shape[1]))

    def fit(self, up: ex.Node, shape: tuple[int, int]) -> ex.Node:
        """``up`` summed over the axes an operand of ``shape`` was broadcast along."""
        have = self.shape_of(up)
        if have == shape or 0 in have:
            return up
        if shape == (1, 1):
            return ex.Call("sum", (up,))
        if shape[0] == 1 and have[0] != 1:
            return ex.Call("sum", (up,), (("axis", ex.Num(Fraction(0))),))
        if shape[1] == 1 and have[1] != 1:
            return ex.Call("sum", (up,), (("axis", ex.Num(Fraction(1))),))
        return up

    def fit_declared(self, up: ex.Node, x: ex.Node, t: ex.Node) -> ex.Node:
        """``up`` (the gradient of ``t``) summed over the axes ``t``'s operand ``x`` is
        broadcast along, told by the declared sizes where both are known (a bias of rnn's
        ``z = x W + h W + b`` is summed over the batch also where the example has m = 1)."""
        dx, dt = self.declared(x), self.declared(t)
        if dx is None or dt is None or len(dx) != 2 or len(dt) != 2:
            return self.fit(up, self.shape_of(x))
        rows = dx[0] == 1 and dt[0] != 1
        cols = dx[1] == 1 and dt[1] != 1
        if rows and cols:
            return ex.Call("sum", (up,))
        if rows:
            return ex.Call("sum", (up,), (("axis", ex.Num(Fraction(0))),))
        if cols:
            return ex.Call("sum", (up,), (("axis", ex.Num(Fraction(1))),))
        return self.fit(up, self.shape_of(x)) if dx != dt else up

    def pull(self, t: ex.Node, b: str, up: ex.Node, a_raw: str, b_raw: str) -> ex.Node | None:
        """The contribution of ``up`` (the gradient of ``t``) to the gradient of ``b``."""

        def go(x: ex.Node, g: ex.Node) -> ex.Node | None:
            return self.pull(x, b, self.fit_declared(g, x, t), a_raw, b_raw)

        if isinstance(t, ex.Name):
            return up if t.id == b else None
        if isinstance(t, ex.Num):
            return None
        if b not in ex.names(t):
            return None
        parts: list[ex.Node | None] = []
        alone = isinstance(up, ex.Num) and up.value == 1  # ∂A/∂B on its own: the Jacobian factor
        if alone and isinstance(t, ex.BinOp) and t.op == "@":
            parts = [
                self.pull(t.left, b, ex.Transpose(t.right), a_raw, b_raw),
                self.pull(t.right, b, ex.Transpose(t.left), a_raw, b_raw),
            ]
        elif isinstance(t, ex.BinOp) and t.op in ("+", "-"):
            parts = [go(t.left, up), go(t.right, ex.Neg(up) if t.op == "-" else up)]
        elif isinstance(t, ex.BinOp) and t.op == "*":
            parts = [go(t.left, _times(up, t.right)), go(t.right, _times(up, t.left))]
        elif isinstance(t, ex.BinOp) and t.op == "/" and b not in ex.names(t.right):
            parts = [go(t.left, ex.BinOp("/", up, t.right))]
        elif isinstance(t, ex.BinOp) and t.op == "@":
            parts = [
                go(t.left, ex.BinOp("@", up, ex.Transpose(t.right))),
                go(t.right, ex.BinOp("@", ex.Transpose(t.left), up)),
            ]
        elif isinstance(t, ex.Neg):
            parts = [go(t.operand, ex.Neg(up))]
        elif isinstance(t, ex.Transpose):
            parts = [go(t.operand, ex.Transpose(up))]
        elif isinstance(t, ex.Pow):
            e = t.exponent
            d = (
                ex.BinOp("*", ex.Num(e), ex.Pow(t.base, e - 1))
                if e != 2
                else ex.BinOp("*", ex.Num(Fraction(2)), t.base)
            )
            parts = [go(t.base, _times(up, d))]
        elif isinstance(t, ex.Call) and t.func in ops.activations() and len(t.args) >= 1:
            parts = [go(t.args[0], _times(up, _act_grad(t)))]
        elif (
            isinstance(t, ex.Call)
            and t.func in ops.OPS
            and ops.get(t.func).kind == ops.LOSS
            and len(t.args) == 2
            and not t.kwargs
            and b not in ex.names(t.args[1])
        ):  # ∂J/∂P of a loss J = loss(P, Y): the table's rule for the prediction
            parts = [go(t.args[0], self.loss_pull(t, up, a_raw, b_raw))]
        elif isinstance(t, ex.Call) and t.func == "softmax" and len(t.args) == 1 and not t.kwargs:
            if alone:  # the Jacobian on its own is not a matrix of this language
                raise FormulaError(msg("error.leibniz_rule", a=a_raw, b=b_raw), 0, self.text)
            rows = ex.Call("sum", (ex.BinOp("*", t, up),), (("axis", ex.Num(Fraction(1))),))
            # P ⊙ (G − (P ⊙ G)𝟙): the row-wise rule
            parts = [go(t.args[0], ex.BinOp("*", t, ex.BinOp("-", up, rows)))]
        else:
            raise FormulaError(msg("error.leibniz_rule", a=a_raw, b=b_raw), 0, self.text)
        return _summed(parts)

    def block(self, node: ex.Call, x: mf.MExpr, nx: ex.Node) -> tuple[mf.MExpr, ex.Node]:
        """A slice ``x[:, lo:hi]`` in a formula: the bounds by [dims] names or numbers, as a spec
        reads them (so they move with the resized sizes of the identity test)."""
        k = int(node.kwarg("axis").value)  # type: ignore[union-attr]
        try:
            lo, hi = slice_bounds(node, x.shape[k], dict(self.net.spec.dims))
        except ValueError as err:
            raise FormulaError(str(err), 0, self.text) from None
        return mf.Part(x, k, lo, hi), ex.Call(node.func, (nx,), node.kwargs)

    def loss_pull(self, t: ex.Call, up: ex.Node, a_raw: str, b_raw: str) -> ex.Node:
        """``up`` times the derivative of the loss call ``t`` with respect to its prediction,
        the operation table's rule built as a tree of this language (sizes by their names)."""
        p, y = t.args
        dims = self.declared(p) or tuple(self.shape_of(p))

        def count(what: str) -> ex.Node:
            out: ex.Node | None = None
            for d in dims if what == "all" else dims[:1]:
                n = ex.Name(d) if isinstance(d, str) else ex.Num(Fraction(int(d)))
                out = n if out is None else ex.BinOp("*", out, n)
            return out if out is not None else ex.Num(Fraction(1))

        try:
            return ops.get(t.func).pull(_TreeBuilder, up, p, y, count)
        except (AttributeError, TypeError, ValueError):  # a rule this language cannot write
            raise FormulaError(msg("error.leibniz_rule", a=a_raw, b=b_raw), 0, self.text) from None

    def activation(self, prime: bool, arg: ex.Node, layer: int | None = None) -> ex.Node:
        """``g(Z)`` / ``g'(Z)``: the activation the network applies to ``Z`` (or its
        derivative). ``g^{[k]}`` (``layer`` k) is layer k's activation: where the network
        applies another function to ``Z^{[k]}`` than to ``Z`` (``g^{[2]\\prime}(Z^{[1]})``: σ'
        of Z1 where Z1 goes through ReLU), that function is applied to ``Z`` as written."""
        name = arg.id if isinstance(arg, ex.Name) else None
        z = self.tensor(name) if name is not None else None

        def applied(to: str | None) -> ex.Call | None:
            for _, tree in self.net.spec.forward:
                if (
                    isinstance(tree, ex.Call)
                    and tree.func in ops.activations()
                    and tree.args
                    and tree.args[0] == ex.Name(to or "")
                ):
                    return tree
            return None

        tree = applied(z)
        if tree is None and z is None:
            tree = self.applied_inline(arg)
        if tree is None:
            raise FormulaError(msg("error.g_unknown", arg=tree_text(arg)), 0, self.text)
        digits = re.fullmatch(r"(.*?)(\d+)", z or "")
        if layer is not None and digits is not None and int(digits.group(2)) != layer:
            try:
                other = applied(self.tensor(f"{digits.group(1)}{layer}"))
            except FormulaError:  # no Z^{[k]}: g^{[k]} is the activation of Z, as written
                other = None
            if other is not None and (other.func, other.args[1:]) != (tree.func, tree.args[1:]):
                tree = ex.Call(other.func, (tree.args[0], *other.args[1:]), other.kwargs)
        return _act_grad(tree) if prime else tree

    def applied_inline(self, arg: ex.Node) -> ex.Call | None:
        """The activation the network applies to the expression ``arg`` inside a line (CS229's
        ``h = g(X θ)`` with ``g`` the sigmoid: ``g(X\theta)`` in an answer), called on ``arg`` as
        the student wrote it; None where no activation takes that expression."""

        def plain(n: ex.Node) -> ex.Node:
            if isinstance(n, ex.BinOp):
                op = {latexin.PRODUCT: "@", latexin.STAR: "*", "·": "@", "∗": "*"}.get(n.op, n.op)
                return ex.BinOp(op, plain(n.left), plain(n.right))
            return n

        want = plain(arg)
        for _, tree in self.net.spec.forward:
            stack = [tree]
            while stack:
                n = stack.pop()
                if (
                    isinstance(n, ex.Call)
                    and n.func in ops.activations()
                    and n.args
                    and plain(n.args[0]) == want
                ):
                    return ex.Call(n.func, (arg, *n.args[1:]), n.kwargs)
                stack.extend(ex.children(n))
        return None

    def corr_cv42(self, node: ex.Call, f: str, args: list) -> tuple[mf.MExpr, ex.Node]:
        """conv42: ``correlate2d(X, dZ)`` (``X ⋆ δZ``), ``correlate2d_full(dZ, rot180(K))``
        (``δZ ⋆̃ rot180(K)``) and the true convolutions (the kernel turned), as the engine's
        ``mf.Corr``; a kernel larger than the image of a 'valid' one is a named shape error."""
        op = ops.get(f)
        (a, na), (b, nb) = args
        k = mf.Rot180(b) if op.extra.get("flip") else b
        kwargs = tuple((key, v) for key, v in node.kwargs if key != "same")
        full = bool(op.extra.get("full"))
        if node.kwarg("same") is not None:  # conv43: mode='same', a square kernel of odd size
            sizes = {int(v) for v in b.shape}
            if len(sizes) != 1 or not min(sizes) % 2 or len(b.shape) != 2:
                raise ShapeError(msg("shape.broadcast", formula=tree_text(ex.Call(f, (na, nb))), a=shape_text(a.shape), b=shape_text(b.shape)))
            kwargs += (("padding", ex.Num(Fraction((min(sizes) - 1) // 2))),)
        shown = ex.Call(f, (na, nb), kwargs)
        stride, pad = ops.corr_opts(shown)  # conv43: stride=, padding= ('valid'), crop= ('full')
        try:
            mf.Corr(a, k, full, stride, pad).shape
        except ValueError:
            a_s, b_s = shape_text(a.shape), shape_text(b.shape)
            raise ShapeError(msg("shape.broadcast", formula=tree_text(shown), a=a_s, b=b_s)) from None
        if stride < 1 or any(int(u) > int(v) + 2 * max(pad, 0) and not full for u, v in zip(b.shape, a.shape, strict=True)):
            a_s, b_s = shape_text(a.shape), shape_text(b.shape)
            raise ShapeError(msg("shape.broadcast", formula=tree_text(shown), a=a_s, b=b_s))
        self.count(a.shape, 2 * int(b.shape[0]) * int(b.shape[1]))
        return mf.Corr(a, k, full, stride, pad), shown

    def call(self, node: ex.Call) -> tuple[mf.MExpr, ex.Node]:
        f = node.func
        if f == latexin.ONES:  # \mathbf{1}_{m \times n}: the all-ones matrix of that shape
            return self.ones(node), node
        if f == latexin.ZERO:  # \mathbf{0}_{m \times n}: the zero matrix of that shape
            return mf.Mul(mf.Scalar(sp.Integer(0)), self.ones(node)), node
        if f == "concat" and any(_zero_cell(c) for c in _cells(node)):
            node = self.zero_blocks(node)
        args = [self.convert(a) for a in node.args]
        x, nx = args[0]
        self.count(x.shape, 4)
        if (  # heldcheck36: F.leaky_relu(l1, leak) with the spec's constant leak: relu(x) − leak·relu(−x)
            f == "leaky_relu" and len(node.args) == 2 and isinstance(node.args[1], ex.Name)
            and self.net is not None and node.args[1].id in self.net.spec.constants
        ):
            x0, c = node.args
            return self.convert(ex.BinOp("-", ex.Call("relu", (x0,)), ex.BinOp("*", c, ex.Call("relu", (ex.Neg(x0),)))))
        if f in ops.OPS and ops.get(f).kind == ops.ELEMENTWISE:
            # any element-wise function of the operation table, with its numeric parameters
            # (leaky_relu's slope) given by position or left at the table's default; one with a
            # kink (relu, abs, relu_grad …) is piecewise: it is compared at more points
            op = ops.get(f)
            params = []
            for k, (_, default) in enumerate(op.params):
                v = default
                if len(node.args) > k + 1:  # a number, or arithmetic of numbers (1/5)
                    v = ex.number_value(node.args[k + 1])
                    if v is None:
                        raise FormulaError(msg("error.slope"), 0, self.text)
                params.append(sp.Rational(v.numerator, v.denominator))
            if op.kinks:
                self.piecewise = True
            return mf.Func(f, x, *params), ex.Call(f, (nx, *node.args[1:]))
        if f in ops.OPS and ops.get(f).kind == ops.ROWWISE:  # softmax, log_softmax
            return mf.Call(f, (x,), (), x.shape), ex.Call(f, (nx,))
        if f in ops.OPS and ops.get(f).kind == ops.BINARY and len(args) == 2:  # atan2(y, x)
            b, shown = args[1][0], ex.Call(f, (nx, args[1][1]))
            if not fits(x.shape, b.shape):  # entry by entry, broadcast as y + x is
                a_s, b_s = shape_text(x.shape), shape_text(b.shape)
                raise ShapeError(msg("shape.broadcast", formula=tree_text(shown), a=a_s, b=b_s))
            shape = tuple(max(int(u), int(v)) for u, v in zip(x.shape, b.shape, strict=True))
            return mf.Call(f, (x, b), (), shape), shown
        if f in ops.OPS and ops.get(f).kind == ops.CONCAT:  # [A B] or A over B, any widths
            axis = node.kwarg("axis")
            if axis is not None and not (isinstance(axis, ex.Num) and axis.value in (0, 1)):
                raise FormulaError(msg("error.axis", f=f), 0, self.text)
            k = 0 if axis is None else int(axis.value)  # type: ignore[union-attr]
            shapes = [a[0].shape for a in args]
            if any(int(sh[1 - k]) != int(shapes[0][1 - k]) for sh in shapes):
                raise ShapeError(
                    msg("shape.concat", f=f, shapes=", ".join(shape_text(sh) for sh in shapes))
                )
            total = sum(int(sh[k]) for sh in shapes)
            shape = (total, shapes[0][1]) if k == 0 else (shapes[0][0], total)
            kwargs = tuple((key, self.convert(v)[0]) for key, v in node.kwargs)
            return (
                mf.Call(f, tuple(a[0] for a in args), kwargs, shape),
                ex.Call(f, tuple(a[1] for a in args), node.kwargs),
            )
        if f in ops.OPS and ops.get(f).kind == ops.SLICE:  # dE[:, 0:1], x[:, :h], X[1:]
            return self.block(node, x, nx)
        if f in ops.OPS and ops.get(f).kind == ops.CORR2D and len(args) == 2:  # conv42
            return self.corr_cv42(node, f, args)
        if f in ops.OPS and ops.get(f).kind == ops.ROT180:  # conv42: np.flip(K), rot180(K)
            axes = ops.get(f).extra.get("axes", (0, 1))
            if axes != (0, 1) and 1 in (int(x.shape[0]), int(x.shape[-1])):
                # conv43: one axis of a vector — a 1-D array's only axis, or a no-op on a
                # matrix of one row — is not guessed
                raise FormulaError(msg("error.flip_vector"), 0, self.text)
            return mf.Rot180(x, axes), ex.Call(f, (nx,))
        if f in ops.OPS and ops.get(f).kind == ops.POOL2D:  # conv43: upsample(dP, 2), pool_mask(A, 2)
            # conv44: a stride (upsample(dP, 3, 2): windows 2 apart) and pool_route(dP, A, 3, 2)
            what = ops.get(f).extra["what"]
            first = 2 if what == "route" else 1
            first = 2 if what in ("route", "spread") else 1
            k = node.kwarg("k") or (node.args[first] if len(node.args) > first else None)
            stride = node.kwarg("stride") or (node.args[first + 1] if len(node.args) > first + 1 else None)
            whole = lambda v: isinstance(v, ex.Num) and v.value.denominator == 1 and v.value >= 1  # noqa: E731
            if not whole(k) or stride is not None and not whole(stride) or len(node.args) < first or len(node.args) > first + 2:
                raise FormulaError(msg("error.dilate_stride"), 0, self.text)
            # pool46: the windows' other keywords (kw=, sw=, pad=, padw=, padb=, padr=, ceil=, count_pad=)
            more = [(key, v) for key, v in node.kwargs if key not in ("k", "stride")]
            if any(key not in ops.POOL_KEYS or not (isinstance(v, ex.Num) and v.value.denominator == 1 and v.value >= 0) for key, v in more):
                raise FormulaError(msg("error.dilate_stride"), 0, self.text)
            k = int(k.value)
            s = int(stride.value) if stride is not None and (int(stride.value) != k or more) else None
            keys = (("k", ex.Num(Fraction(k))),) + ((("stride", ex.Num(Fraction(s))),) if s else ())
            keys += tuple((key, ex.Num(Fraction(int(v.value)))) for key, v in more)
            geom = ops.pool_geom(ex.Call(f, (nx,) * first, keys))
            ref, nref = args[1] if what in ("route", "spread") else (None, None)
            if geom.plain and what in ("max", "avg", "route", "spread"):
                # shape47: plain windows that do not reach the map's last row or column are
                # PyTorch's floor (as the spec reads a named map of known size)
                try:
                    rows, cols = (int(d) for d in (ref if ref is not None else x).shape)
                except (TypeError, ValueError):
                    rows = cols = None
                floored = ops.pool_floor_shape47(geom, rows, cols)
                if floored.floor:
                    geom = floored
                    keys += (("floor", ex.Num(Fraction(1))),)
            try:
                made = mf.Pool(x, k, what, s, ref, None if geom.plain else geom)
                made.shape
            except ValueError:
                raise ShapeError(msg("shape.broadcast", formula=tree_text(node), a=shape_text(x.shape), b=f"{k}×{k}")) from None
            return made, ex.Call(f, (nx,) + ((nref,) if nref is not None else ()), keys)
        if f in ops.OPS and ops.get(f).kind == ops.DILATE:  # conv43: dilate(dZ, 2)
            stride = node.kwarg("stride") or (node.args[1] if len(node.args) == 2 else None)
            if not (isinstance(stride, ex.Num) and stride.value.denominator == 1 and stride.value >= 1):
                raise FormulaError(msg("error.dilate_stride"), 0, self.text)
            return mf.Dilate(x, int(stride.value)), ex.Call(f, (nx,), (("stride", stride),))
        if f in ops.OPS and ops.get(f).kind == ops.RESHAPE:  # reshape41: dS.reshape(B * P, 1)
            dims = dict(self.net.spec.dims) if self.net is not None else {}
            try:
                sizes = reshape_sizes(node, x.shape, dims)
            except ValueError:
                raise ShapeError(msg("shape.reshape41", formula=tree_text(node), a=shape_text(x.shape))) from None
            return mf.Reshape(x, sizes), ex.Call(f, (nx,), node.kwargs)
        if f in ("sum", "mean"):
            axis = node.kwarg("axis")
            if isinstance(axis, ex.Neg) and isinstance(axis.operand, ex.Num):
                axis = ex.Num(-axis.operand.value)
            if isinstance(axis, ex.Num) and axis.value in (-1, -2):  # NumPy: from the end (2-D)
                axis = ex.Num(Fraction(int(axis.value) + 2))
                node = ex.Call(
                    f, node.args, tuple((k, axis if k == "axis" else v) for k, v in node.kwargs)
                )
            if axis is not None and not (isinstance(axis, ex.Num) and axis.value in (0, 1)):
                raise FormulaError(msg("error.axis", f=f), 0, self.text)
            shown = ex.Call(f, (nx,), node.kwargs)
            r, c = x.shape
            if axis is None:
                out, count = mf.SumAll(x), (r, c)
            elif axis.value == 0 and r == 1 and c != 1 and self.written_sum_heldtex40() and self.one_d_only_heldtex40(nx):
                out, count = mf.SumAll(x), (r, c)  # heldtex40: Σ_i (pred_i − y_i) of 1-D vectors: its only axis
            elif axis.value == 0:
                out, count = mf.SumRows(x), (r,)
            else:
                out, count = mf.SumCols(x), (c,)
            if f == "mean":
                out = mf.div(out, self.net.g.count(count))  # type: ignore[arg-type]
            return out, shown
        # a loss inside a gradient formula: allowed, evaluated as the spec would
        kwargs = tuple((k, self.convert(v)[0]) for k, v in node.kwargs)
        y = args[1][0]
        if x.shape != y.shape and {x.shape, y.shape} != {(1, 1)}:
            raise ShapeError(
                msg("shape.loss_args", f=f, a=shape_text(x.shape), b=shape_text(y.shape))
            )
        return mf.Call(f, (x, y), kwargs, (1, 1)), ex.Call(f, (nx, args[1][1]), node.kwargs)


# ---- a sum over one index with the other written as a number (one entry's formula) ------------

# A1_i1 (row letter), A1_1j and A11_j (the LaTeX reader's h_{1,\text{raw}} rule): column letter
_LETTER_DIGIT = re.compile(r"(\w+?)_(?:([a-z])([1-9])|([1-9])([a-z]))|(\w+?)([1-9])_([a-z])")


def _entry_index_sums(net: Net, tree: ex.Node) -> ex.Node:
    r"""``\sum_{i=1}^{m} A^{[1]}_{i1}(A^{[2]}_{i1} - Y_{i1})`` (one entry's gradient written as
    a sum over one index, the other a one-based number, as the walkthroughs number entries): the
    sum written out over that index, each factor an entry — as the NumPy reader writes out
    ``np.sum(A1[:, 0] * …)``. The letter on the rows sums along the rows (``_{i1}``), on the
    columns along the columns (``_{1j}``); every such factor of one sum shares its letter and its
    length, else the formula is left as it was (and its unknown name reported)."""

    def go(n: ex.Node) -> ex.Node:
        n = ex.rebuild(n, go)
        if not (isinstance(n, ex.Call) and n.func == "sum" and len(n.args) == 1):
            return n
        return _written_out(net, n.args[0]) or n

    return go(tree)


def _written_out(net: Net, term: ex.Node) -> ex.Node | None:
    found: dict[str, tuple[str, str, int, int]] = {}  # name → (entry base, letter, axis, fixed)
    for n in _tree_nodes(term):
        if not isinstance(n, ex.Name) or net.known(n.id):
            continue
        m = _LETTER_DIGIT.fullmatch(n.id)
        if m is None:
            continue
        base, row_letter, col, row, col_letter = m.groups()[:5]
        if m.group(6):
            base, row, col_letter = m.group(6), m.group(7), m.group(8)
        axis, letter, fixed = (0, row_letter, int(col)) if row_letter else (1, col_letter, int(row))
        found[n.id] = (base, letter, axis, fixed - 1)
    if not found or len({v[1] for v in found.values()}) != 1:
        return None
    lengths: set[int] = set()
    places: dict[str, tuple[str, str, int, int]] = {}  # name → (tensor, "d" or "", axis, fixed)
    for name, (base, _, axis, fixed) in found.items():
        hit = net.resolve(base)
        if hit is None:
            return None
        tensor, grad = hit[0], ""
        if tensor not in net.g.tensors and tensor[1:] not in net.g.tensors:
            # a name the network resolves to its tensor: \hat y_{i2} read as yhat_i2 where the
            # network names ŷ y_hat (c38t-200)
            tensor = getattr(hit[1], "name", tensor)
        if tensor not in net.g.tensors and tensor[1:] in net.g.tensors:
            tensor, grad = tensor[1:], "d"
        t = net.g.tensors.get(tensor)
        if t is None or fixed >= int(t.shape[1 - axis]):
            return None
        lengths.add(int(t.shape[axis]))
        places[name] = (tensor, grad, axis, fixed)
    if len(lengths) != 1:
        return None
    length = lengths.pop()
    if {v[2] for v in places.values()} == {0}:
        # A^{[2]}_{i} of a one-column tensor under \sum_i (its _i read as the batch's row, so
        # the name is bare here): its entry in row i beside the others (c38t-204)
        for n in _tree_nodes(term):
            t = net.g.tensors.get(n.id) if isinstance(n, ex.Name) else None
            if t is not None and n.id not in places and len(t.shape) == 2 and int(t.shape[1]) == 1 and int(t.shape[0]) == length > 1:
                places[n.id] = (n.id, "", 0, 0)
    labels = _entry_labels_of(net)
    terms = []
    for k in range(length):
        swap: dict[str, str] = {}
        for name, (tensor, grad, axis, fixed) in places.items():
            label = labels.get((tensor, *((k, fixed) if axis == 0 else (fixed, k))))
            if label is None:
                return None
            swap[name] = grad + label
        terms.append(_renamed(term, swap))
    total = terms[0]
    for t in terms[1:]:
        total = ex.BinOp("+", total, t)
    return total


def _entry_labels_of(net: Net) -> dict[tuple[str, int, int], str]:
    """Every entry's name (the spec's ``[labels]``, else the walkthrough's ``A112``)."""
    out = dict(net.entry_name)
    for tensor, rows in net.spec.labels.items():
        for i, row in enumerate(rows):
            for j, label in enumerate(row):
                out.setdefault((tensor, i, j), label)
    return out


def _renamed(node: ex.Node, swap: dict[str, str]) -> ex.Node:
    if isinstance(node, ex.Name):
        return ex.Name(swap.get(node.id, node.id))
    return ex.rebuild(node, lambda c: _renamed(c, swap))


# ---- index notation → the vectorised form -----------------------------------------------------

# c: a class (W_{jc}, P_{ic}); h: 西瓜书's hidden unit (w_{hj}, b_h, e_h), never a tensor's own name
_INDEXED_NAME = re.compile(r"(\w+?)_([cijklnpqth]{1,2})")


class _NotIndexed(Exception):
    """An index-notation formula this translation does not cover (the reader's message stays)."""


def _indexed(net: Net, tree: ex.Node, lhs: ex.Node | None) -> tuple[ex.Node, str] | None:
    r"""Index notation with the entry asked for on the left (``\frac{\partial L}{\partial
    w_{ij}} = x_i \delta_j``, ``\delta^{[1]}_{ij} = \sum_k \delta^{[2]}_{ik} W^{[2]}_{jk}
    \mathbb{1}[Z^{[1]}_{ij} > 0]``, ``\frac{\partial L}{\partial b_j} = \sum_i \delta_{ij}``) as the
    vectorised formula it means: each indexed factor oriented by its letters (a vector's one
    letter on its long axis), a sum over a letter the left side does not have written as the
    matrix product (two factors) or the sum along that axis (one factor), the rest entry by
    entry. (formula, gradient name), or None where the formula is not of that kind."""
    if not isinstance(lhs, ex.Name):
        return None
    m = _INDEXED_NAME.fullmatch(lhs.id)
    if m is None or not _is_indexed(net, lhs.id):
        return None
    found = _indexed_base(net, m.group(1))
    if found is None or not found[1].startswith("d"):
        return None
    tensor, _ = found
    letters = tuple(m.group(2))
    out = _axes(net, tensor, letters)
    if out is None:
        return None
    try:
        tree = _kronecker(net, tree, {x for x in out if x})
        return _vectorised(net, _implied_sums(net, tree, out), out), "d" + tensor
    except _NotIndexed:
        return None


_KRONECKER = re.compile(r"d([cijklnpqt])([cijklnpqt])")  # \delta_{ck}, read as the name dck


def _delta_letters(net: Net, n: ex.Node) -> tuple[str, str] | None:
    r"""The two letters of a Kronecker delta ``\delta_{ck}`` (the reader's name ``dck``), not a
    gradient of the network (``dck`` of a tensor ``ck``), or ``None``."""
    if not isinstance(n, ex.Name) or (m := _KRONECKER.fullmatch(n.id)) is None:
        return None
    if m.group(1) == m.group(2) or n.id in net.g.tensors or _indexed_base(net, n.id) is not None:
        return None
    return m.group(1), m.group(2)


def _letter_renamed(net: Net, n: ex.Node, old: str, new: str) -> ex.Node:
    """``n`` with the index letter ``old`` written ``new`` in every indexed factor."""
    if isinstance(n, ex.Name) and _is_indexed(net, n.id):
        m = _INDEXED_NAME.fullmatch(n.id)
        assert m is not None
        return ex.Name(f"{m.group(1)}_{m.group(2).replace(old, new)}")
    return ex.rebuild(n, lambda c: _letter_renamed(net, c, old, new))


def _kronecker(net: Net, tree: ex.Node, out: set[str]) -> ex.Node:
    r"""``\sum_c y_{ic}\,\delta_{ck}`` is ``y_{ik}``: a sum whose term is a product with one
    Kronecker delta, one of whose letters is summed (not on the left side), is that product
    without the delta and with the summed letter written as the delta's other one — the sum
    taken. A delta with both letters on the left side (an identity matrix), or anywhere else,
    stays, and the vectoriser refuses it."""

    def go(n: ex.Node) -> ex.Node:
        n = ex.rebuild(n, go)
        if not (isinstance(n, ex.Call) and n.func == "sum" and len(n.args) == 1):
            return n
        factors = _product_factors(n.args[0])
        deltas = [(k, d) for k, f in enumerate(factors) if (d := _delta_letters(net, f))]
        if len(deltas) != 1:
            return n
        k, (a, b) = deltas[0]
        free = [x for x in (a, b) if x not in out]
        if not free:
            return n
        gone, kept = (free[0], b if free[0] == a else a)
        rest = [_letter_renamed(net, f, gone, kept) for j, f in enumerate(factors) if j != k]
        if not rest:
            return n
        term = rest[0]
        for f in rest[1:]:
            term = ex.BinOp("*", term, f)
        return term

    return go(tree)


def _implied_sums(net: Net, node: ex.Node, out: tuple[str | None, str | None]) -> ex.Node:
    r"""Einstein's convention: a product term with a letter the left side lacks, repeated in
    two (or more) of its factors (``\frac{\partial L}{\partial W_{jk}} = X_{ij}\,\delta_{ik}``), is
    summed over that letter as if ``\sum_i`` were written; terms and sums already written are
    kept."""
    if isinstance(node, ex.BinOp) and node.op in ("+", "-"):
        left, right = _implied_sums(net, node.left, out), _implied_sums(net, node.right, out)
        return ex.BinOp(node.op, left, right)
    if isinstance(node, ex.Neg):
        return ex.Neg(_implied_sums(net, node.operand, out))
    if not (isinstance(node, ex.BinOp) and node.op in (latexin.PRODUCT, latexin.STAR, "*")):
        return node
    extra = _letters(net, node) - set(out)
    if not extra:
        return node
    factors = _product_factors(node)
    if any(isinstance(f, ex.Call) and f.func == "sum" for f in factors):
        return node
    for letter in extra:
        if sum(letter in _letters(net, f) for f in factors) < 2:
            return node  # a letter written once: not a repeated index
    for _ in extra:  # heldtex49: one sum per repeated letter (X_{ja} A_{ij} (O − T)_{ib}: j and i)
        node = ex.Call("sum", (node,))
    return node


def _indexed_base(net: Net, base: str) -> tuple[str, str] | None:
    """(tensor, the name the vectorised formula uses: ``dW2`` for a gradient) of an indexed
    factor's base: a tensor (``W2``, ``dZ2``) or the stem of its entry labels (``w`` of w11…)."""
    for grad, stem in (("", base), ("d", base[1:] if base.startswith("d") else None)):
        if not stem:
            continue
        if stem in net.g.tensors:
            return stem, grad + stem
        found = net.resolve(stem)  # dZ1 where the network writes z1
        # the canonical name, or the tensor an alias reads (p for P: the alias is its own name)
        canon = None if found is None else found[0] if found[0] in net.g.tensors else getattr(found[1], "name", None)
        # … also \hat{y}_j (the reader's yhat) for the network's y_hat
        if canon in net.g.tensors and canon.replace("_", "").lower() == stem.replace("_", "").lower():
            return canon, grad + canon
        pattern = re.compile(rf"{re.escape(stem)}\d+")
        owners = {t for label, (t, _, _) in net.label_at.items() if pattern.fullmatch(label)}
        if len(owners) == 1:
            t = owners.pop()
            return t, grad + t
    return None


def _axes(net: Net, tensor: str, letters: tuple[str, ...]) -> tuple[str | None, str | None] | None:
    """The letters of ``tensor``'s rows and columns: both for a matrix written with two, the
    long axis's for a vector (declared size 1 on the other) written with one."""
    shape = net.spec.shapes.get(tensor, ())
    if len(shape) != 2:
        return None
    if len(letters) == 2 and letters[0] != letters[1]:
        return letters[0], letters[1]
    if len(letters) == 1 and shape[0] == 1 and shape[1] != 1:
        return None, letters[0]
    if len(letters) == 1 and shape[1] == 1 and shape[0] != 1:
        return letters[0], None
    if len(letters) == 1 and shape == (1, 1) and tensor in net.g.tensors:
        # a vector whose size is 1 at the example (西瓜书's l outputs, l = 1): its sized axis
        sized = [getattr(s, "label", None) is not None for s in net.g.tensors[tensor].shape]
        if sized == [False, True]:
            return None, letters[0]
        if sized == [True, False]:
            return letters[0], None
    return None


def _is_indexed(net: Net, name: str) -> bool:
    """Is ``name`` an indexed factor (``x_i``, ``W2_jk``, ``dZ1_ij``), not a tensor of the
    network that happens to end so (``W_k``, ``W_q``)?"""
    m = _INDEXED_NAME.fullmatch(name)
    tensors = net.g.tensors
    if m is None or name in tensors or name[1:] in tensors or name in net.spec.constants:
        return False
    return _indexed_base(net, m.group(1)) is not None


def _letters(net: Net, node: ex.Node) -> set[str]:
    out: set[str] = set()
    todo = [node]
    while todo:
        n = todo.pop()
        if isinstance(n, ex.Name):
            if _is_indexed(net, n.id):
                out |= set(_INDEXED_NAME.fullmatch(n.id).group(2))  # type: ignore[union-attr]
        todo.extend(ex.children(n))
    return out


def _factor(net: Net, name: str, want: tuple[str | None, str | None]) -> ex.Node:
    """The indexed factor ``name`` (``W2_jk``) oriented to the axes ``want`` (its letters)."""
    m = _INDEXED_NAME.fullmatch(name)
    found = _indexed_base(net, m.group(1)) if m else None
    if m is None or found is None:
        raise _NotIndexed
    tensor, use = found
    axes = _axes(net, tensor, tuple(m.group(2)))
    if axes is None:
        raise _NotIndexed
    node: ex.Node = ex.Name(use)
    if axes == want:
        return node
    if (axes[1], axes[0]) == want:
        return ex.Transpose(node)
    if None in axes and None in want:  # a vector: its letter on the axis asked for
        letter = axes[0] or axes[1]
        if letter in want:
            return node if want.index(letter) == axes.index(letter) else ex.Transpose(node)
    raise _NotIndexed


def _vectorised(net: Net, node: ex.Node, out: tuple[str | None, str | None]) -> ex.Node:
    if isinstance(node, ex.Name):
        m = _INDEXED_NAME.fullmatch(node.id)
        if m is None or not _is_indexed(net, node.id):
            return _named_by_its_index_heldcheck32(net, node, out)
        letters = set(m.group(2))
        if not letters <= set(out):
            raise _NotIndexed
        if len(letters) == 2:
            return _factor(net, node.id, out)
        letter = m.group(2)
        want = (letter, None) if out[0] == letter else (None, letter)
        return _factor(net, node.id, want)
    if isinstance(node, ex.Call) and node.func == "sum" and len(node.args) == 1:
        try:
            return _index_sum(net, node.args[0], out)
        except _NotIndexed:
            return _nested_sum_vectorised(net, node, out)  # Σ_i Σ_l …, Σ_c y_ic (p_ik − δ_ck)
    if isinstance(node, ex.Transpose):
        raise _NotIndexed
    if isinstance(node, ex.BinOp) and node.op in (latexin.PRODUCT, latexin.STAR, "@"):
        return ex.BinOp("*", _vectorised(net, node.left, out), _vectorised(net, node.right, out))
    return ex.rebuild(node, lambda c: _vectorised(net, c, out))


def _named_by_its_index_heldcheck32(net: Net, node: ex.Name, out: tuple[str | None, str | None]) -> ex.Node:
    """A vector of the network named after its index as 西瓜书 names them (``b_h``, the hidden
    outputs; ``beta_j``): in an index-notation formula whose left side has that letter
    (``\frac{∂E_k}{∂w_{hj}} = -g_j b_h``), the vector along that letter's axis; else as it is."""
    m = re.fullmatch(r"\w+_([cijklnpqth])", node.id)
    if m is None or node.id not in net.g.tensors or m.group(1) not in out:
        return node
    axes = _axes(net, node.id, (m.group(1),))
    if axes is None:  # not a vector
        return node
    letter = m.group(1)
    want = (letter, None) if out[0] == letter else (None, letter)
    return node if axes == want else ex.Transpose(node)


def _nested_sum_vectorised(net: Net, node: ex.Node, out: tuple[str | None, str | None]) -> ex.Node:
    r"""Sums over several letters at once (``\sum_i\sum_l X_{ij}(A_{il} - Y_{il})W_{kl}
    \mathbb{1}[Z_{ik} > 0]``) and a Kronecker delta inside a difference (``\sum_c y_{ic}(p_{ik} -
    \delta_{ck})``): the term multiplied out over the differences that hold a delta or mix
    letters, each delta taken by renaming the summed letter, then the summed letters contracted
    one at a time (two-letter operands: a matrix product or an axis sum each). The reader keeps
    no letter on a sum, so the nested sums must number the letters the term has beyond the left
    side's, and every product term must still carry each of them (a letter a term lacks would
    multiply it by a size): else _NotIndexed, the refusal."""
    depth, term = 0, node
    while isinstance(term, ex.Call) and term.func == "sum" and len(term.args) == 1:
        depth, term = depth + 1, term.args[0]
    summed = _letters(net, term) - set(out)
    if not summed or len(summed) != depth and not _nested_sum_has_delta(net, term):
        raise _NotIndexed
    total: ex.Node | None = None
    for sign, factors in _nested_sum_terms(net, term):
        if {x for f in factors for x in _nested_sum_letters(net, f)} - set(out) != summed:
            raise _NotIndexed  # a summed letter missing from this product term
        part = _nested_sum_contracted(net, _nested_sum_deltas_taken(net, factors, summed, out), out)
        part = part if sign > 0 else ex.Neg(part)
        total = part if total is None else ex.BinOp("+", total, part)
    if total is None:
        raise _NotIndexed
    return total


def _nested_sum_has_delta(net: Net, node: ex.Node) -> bool:
    return any(_delta_letters(net, n) is not None for n in _tree_nodes(node))


def _nested_sum_letters(net: Net, factor: ex.Node) -> set[str]:
    """The index letters of a factor, a Kronecker delta's two included."""
    d = _delta_letters(net, factor)
    return set(d) if d is not None else _letters(net, factor)


def _nested_sum_terms(net: Net, node: ex.Node) -> list[tuple[int, list[ex.Node]]]:
    """``node`` as signed product terms (sign, factors): products multiplied out over the sums
    and differences that hold a delta or whose parts carry different letters; a difference
    whose parts share their letters (``A_{il} - Y_{il}``) stays one factor, taken entry by
    entry."""
    if isinstance(node, ex.Neg):
        return [(-sg, fs) for sg, fs in _nested_sum_terms(net, node.operand)]
    if isinstance(node, ex.BinOp) and node.op in ("+", "-") and _nested_sum_split(net, node):
        right = _nested_sum_terms(net, node.right)
        if node.op == "-":
            right = [(-sg, fs) for sg, fs in right]
        return _nested_sum_terms(net, node.left) + right
    if isinstance(node, ex.BinOp) and node.op in (latexin.PRODUCT, latexin.STAR, "*"):
        return [
            (sa * sb, fa + fb)
            for sa, fa in _nested_sum_terms(net, node.left)
            for sb, fb in _nested_sum_terms(net, node.right)
        ]
    return [(1, [node])]


def _nested_sum_split(net: Net, node: ex.BinOp) -> bool:
    """Must the sum or difference ``node`` be multiplied out (a delta in it, or parts with
    different letters)?"""
    if _nested_sum_has_delta(net, node):
        return True
    return _nested_sum_letters(net, node.left) != _nested_sum_letters(net, node.right)


def _nested_sum_deltas_taken(
    net: Net, factors: list[ex.Node], summed: set[str], out: tuple[str | None, str | None]
) -> list[ex.Node]:
    """``factors`` with each Kronecker delta taken: Σ_c y_{ic} δ_{ck} is y_{ik} (the summed
    letter renamed to the delta's other one in every factor). A delta over two letters of the
    left side (an identity matrix) is _NotIndexed."""
    free = set(summed)
    todo = list(factors)
    while True:
        k = next((j for j, f in enumerate(todo) if _delta_letters(net, f) is not None), None)
        if k is None:
            return todo
        a, b = _delta_letters(net, todo[k])  # type: ignore[misc]
        gone = a if a in free else b if b in free else None
        if gone is None:
            raise _NotIndexed
        kept = b if gone == a else a
        free.discard(gone)
        todo = [_letter_renamed(net, f, gone, kept) for j, f in enumerate(todo) if j != k]
        if not todo:
            raise _NotIndexed


def _nested_sum_contracted(
    net: Net, factors: list[ex.Node], out: tuple[str | None, str | None]
) -> ex.Node:
    """The product of ``factors`` summed over every letter not in ``out``, one letter at a
    time: the factors carrying the letter s and at most two others p, q become (p, s) @ (s, q)
    (or a sum along s), an operand with the letters p, q for the next letter; the rest is
    taken entry by entry in ``out``'s axes."""
    items: list[tuple[ex.Node, tuple[str | None, str | None] | None]] = [(f, None) for f in factors]
    while True:
        letters = {x for f, ax in items for x in _nested_sum_item_letters(net, f, ax)} - set(out)
        pick = None
        for s in sorted(letters):
            with_s = [it for it in items if s in _nested_sum_item_letters(net, *it)]
            others = {x for it in with_s for x in _nested_sum_item_letters(net, *it)} - {s}
            if len(others) <= 2:
                pick = (s, with_s, others)
                break
        if pick is None:
            if letters:
                raise _NotIndexed
            break
        s, with_s, others = pick
        items = [it for it in items if it not in with_s] + [_nested_sum_one_letter(net, s, with_s, others, out)]
    result: ex.Node | None = None
    for f, ax in items:
        own = _nested_sum_item_letters(net, f, ax)
        if not own:
            part = _vectorised(net, f, out) if ax is None else f
        else:
            want = (out[0] if out[0] in own else None, out[1] if out[1] in own else None)
            part = _nested_sum_item_oriented(net, f, ax, want)
        result = part if result is None else ex.BinOp("*", result, part)
    if result is None:
        raise _NotIndexed
    return result


def _nested_sum_item_letters(
    net: Net, f: ex.Node, ax: tuple[str | None, str | None] | None
) -> set[str]:
    return _letters(net, f) if ax is None else {x for x in ax if x}


def _nested_sum_item_oriented(
    net: Net, f: ex.Node, ax: tuple[str | None, str | None] | None, want: tuple[str | None, str | None]
) -> ex.Node:
    """A factor (``ax`` None: an indexed one of the answer) or a contracted operand (its axes
    ``ax``) turned to the axes ``want``."""
    if ax is None:
        return _oriented(net, f, want)
    if ax == want or not any(ax):
        return f
    if (ax[1], ax[0]) == want:
        return ex.Transpose(f)
    raise _NotIndexed


def _nested_sum_one_letter(
    net: Net,
    s: str,
    with_s: list[tuple[ex.Node, tuple[str | None, str | None] | None]],
    others: set[str],
    out: tuple[str | None, str | None],
) -> tuple[ex.Node, tuple[str | None, str | None]]:
    """Σ_s of the product of the items ``with_s`` (their other letters ``others``, at most
    two): (the operand, its axes)."""
    order = [x for x in out if x in others] + sorted(others - set(out))
    p = order[0] if order else None
    q = order[1] if len(order) > 1 else None
    left = [it for it in with_s if p is not None and p in _nested_sum_item_letters(net, *it)]
    right = [it for it in with_s if it not in left]

    def product(group, frame):
        node = None
        for f, ax in group:
            own = _nested_sum_item_letters(net, f, ax)
            want = tuple(x if x in own else None for x in frame)
            part = _nested_sum_item_oriented(net, f, ax, want)  # type: ignore[arg-type]
            node = part if node is None else ex.BinOp("*", node, part)
        return node

    axis1 = (("axis", ex.Num(Fraction(1))),)
    axis0 = (("axis", ex.Num(Fraction(0))),)
    if q is not None:  # (p, s) @ (s, q); a factor over s alone stays with the left operand
        alone = [it for it in right if q not in _nested_sum_item_letters(net, *it)]
        right = [it for it in right if it not in alone]
        a, b = product(left + alone, (p, s)), product(right, (s, q))
        if a is None or b is None:
            raise _NotIndexed
        return ex.BinOp("@", a, b), (p, q)
    if p is not None:  # Σ_s of (p, s): the row sums
        return ex.Call("sum", (product(with_s, (p, s)),), axis1), (p, None)
    return ex.Call("sum", (product(with_s, (s, None)),), axis0), (None, None)


def _product_factors(node: ex.Node) -> list[ex.Node]:
    if isinstance(node, ex.BinOp) and node.op in (latexin.PRODUCT, latexin.STAR, "*"):
        return _product_factors(node.left) + _product_factors(node.right)
    return [node]


def _written_letters(net: Net, factor: ex.Node) -> str:
    """The index letters a factor of a sum is written with: an indexed name's (``X_ij``: "ij"),
    or those every indexed name of an element-wise expression shares (``P_ik - Y_ik``: "ik")."""
    if isinstance(factor, ex.Name) and _is_indexed(net, factor.id):
        return _INDEXED_NAME.fullmatch(factor.id).group(2)  # type: ignore[union-attr]
    found = {
        _INDEXED_NAME.fullmatch(n.id).group(2)  # type: ignore[union-attr]
        for n in _tree_nodes(factor)
        if isinstance(n, ex.Name) and _is_indexed(net, n.id)
    }
    if len(found) != 1:
        raise _NotIndexed
    return found.pop()


_tree_nodes = ex.subtrees


def _oriented(net: Net, factor: ex.Node, want: tuple[str | None, str | None]) -> ex.Node:
    """An indexed factor of a sum oriented to the axes ``want``: a name (``X_ij``), or an
    element-wise expression of names written with the same letters (``(P_{ik} - Y_{ik})``),
    numbers and scalars entry by entry."""
    if isinstance(factor, ex.Name):
        return _factor(net, factor.id, want) if _is_indexed(net, factor.id) else factor
    if isinstance(factor, ex.Num):
        return factor
    if isinstance(factor, ex.Neg):
        return ex.Neg(_oriented(net, factor.operand, want))
    products = (latexin.PRODUCT, latexin.STAR)
    if isinstance(factor, ex.BinOp) and factor.op in ("+", "-", "*", "/", *products):
        op = "*" if factor.op in products else factor.op
        return ex.BinOp(op, _oriented(net, factor.left, want), _oriented(net, factor.right, want))
    if isinstance(factor, ex.Compare):  # \mathbb{1}[Z_{ik} > 0]: entry by entry
        left, right = _oriented(net, factor.left, want), _oriented(net, factor.right, want)
        return ex.Compare(factor.op, left, right)
    if (
        isinstance(factor, ex.Call)
        and ops.OPS.get(factor.func) is not None
        and ops.get(factor.func).kind == ops.ELEMENTWISE
        and not factor.kwargs
    ):  # \sigma'(Z_{ik}): entry by entry
        return ex.Call(factor.func, tuple(_oriented(net, a, want) for a in factor.args))
    raise _NotIndexed


def _index_sum(net: Net, term: ex.Node, out: tuple[str | None, str | None]) -> ex.Node:
    """``\\sum_k`` of a product: the factors with k as a matrix product (two) or a sum along
    k's axis (one), times the factors without k entry by entry."""
    summed = _letters(net, term) - set(out)
    if not summed:
        return _example_sum(net, term, out)
    if len(summed) != 1:
        raise _NotIndexed
    (k,) = summed
    factors = _product_factors(term)
    with_k = [f for f in factors if k in _letters(net, f)]
    rest = [f for f in factors if k not in _letters(net, f)]
    names = [_written_letters(net, f) for f in with_k]
    others = [next((c for c in s if c != k), None) for s in names]
    if len(with_k) == 2 and others[0] == others[1] and others[0] is not None:
        # Σ_k A_ik B_ik: the row sums of A ⊙ B (or column sums, by k's axis)
        p = others[0]
        a = _oriented(net, with_k[0], (p, k))
        b = _oriented(net, with_k[1], (p, k))
        core: ex.Node = ex.Call("sum", (ex.BinOp("*", a, b),), (("axis", ex.Num(Fraction(1))),))
        have: tuple[str | None, str | None] = (p, None)
    elif len(with_k) == 2:
        p, q = others
        if p is None and q is None:
            raise _NotIndexed
        left = _oriented(net, with_k[0], (p, k))
        right = _oriented(net, with_k[1], (k, q))
        core = ex.BinOp("@", left, right)
        have = (p, q)
    elif len(with_k) > 2:
        core, have = _contracted(net, with_k, others, k, out)
    elif len(with_k) == 1:
        p = others[0]
        one = _oriented(net, with_k[0], (k, p))
        core = ex.Call("sum", (one,), (("axis", ex.Num(Fraction(0))),))
        have = (None, p)
    else:
        raise _NotIndexed
    if have != out:
        if (have[1], have[0]) == out:
            core = ex.Transpose(core)
        elif not ({have[0], have[1]} - {None}) <= set(out):
            raise _NotIndexed
        elif have[0] is None and out[0] == have[1]:
            core = ex.Transpose(core)
    for f in rest:
        core = ex.BinOp("*", core, _vectorised(net, f, out))
    return core


def _contracted(
    net: Net,
    with_k: list[ex.Node],
    others: list[str | None],
    k: str,
    out: tuple[str | None, str | None],
) -> tuple[ex.Node, tuple[str | None, str | None]]:
    r"""``\sum_i X_{ij} (A_i - Y_i) W_k \mathbb{1}[Z_{ik} > 0]``: more than two factors with the
    summed letter — those that also carry the left side's row letter make the left operand of
    a matrix product, the rest (the column letter, or the summed letter alone: a column over
    it) the right operand, each side entry by entry."""
    p, q = out
    left = [f for f, o in zip(with_k, others) if o is not None and o == p]
    right = [(f, o) for f, o in zip(with_k, others) if o is None or o != p]
    if not left or not right or any(o not in (q, None) for _, o in right):
        raise _NotIndexed
    a = _oriented(net, left[0], (p, k))
    for f in left[1:]:
        a = ex.BinOp("*", a, _oriented(net, f, (p, k)))
    has_q = any(o is not None for _, o in right)
    b: ex.Node | None = None
    for f, o in right:
        part = _oriented(net, f, (k, q) if o is not None else (k, None))
        b = part if b is None else ex.BinOp("*", b, part)
    assert b is not None
    return ex.BinOp("@", a, b), (p, q if has_q else None)


def _example_sum(net: Net, term: ex.Node, out: tuple[str | None, str | None]) -> ex.Node:
    r"""``\sum_i`` over the examples of a term whose one index letter is the left side's (CS229's
    ``\sum_i (h^{(i)} - y^{(i)}) x^{(i)}_j``): each example's row, the letter on its columns —
    the batch sum of the term entry by entry, a row, turned to the left side's axis."""
    letters = _letters(net, term)
    if len(letters) != 1:
        raise _NotIndexed
    (j,) = letters

    def rows(n: ex.Node) -> ex.Node:
        if isinstance(n, ex.Name) and _is_indexed(net, n.id):
            found = _indexed_base(net, _INDEXED_NAME.fullmatch(n.id).group(1))  # type: ignore[union-attr]
            if found is None or net.spec.shapes.get(found[0], (1,))[0] == 1:
                raise _NotIndexed  # a row of its own: not one row per example
            return ex.Name(found[1])
        if isinstance(n, ex.Transpose | ex.Call) and not (
            isinstance(n, ex.Call) and ops.OPS.get(n.func) is not None
            and ops.get(n.func).kind == ops.ELEMENTWISE
        ):
            raise _NotIndexed
        if isinstance(n, ex.BinOp) and n.op in (latexin.PRODUCT, latexin.STAR, "@"):
            return ex.BinOp("*", rows(n.left), rows(n.right))
        return ex.rebuild(n, rows)

    core: ex.Node = ex.Call("sum", (rows(term),), (("axis", ex.Num(Fraction(0))),))
    if out == (None, j):
        return core
    if out == (j, None):
        return ex.Transpose(core)
    raise _NotIndexed
