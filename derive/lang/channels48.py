"""Multi-channel convolution (shape48, issue 9): a channel list read as the sum of per-channel 2-D
convolutions, before the spec is validated.

derive's tensors have at most two axes. A course's convolution layer has more: PyTorch's
``F.conv2d(X, K, b)`` of an input ``[1, C, H, W]`` (or unbatched ``[C, H, W]``) and a weight
``[O, C, kh, kw]``, TensorFlow's ``tf.nn.conv2d(X, K, …)`` of ``[1, H, W, C]`` and ``[kh, kw, C, O]``,
NumPy's per-channel loop written out (``X[c]``, ``K[o, c]``). Each is, by definition, output channel
``o`` = Σ_c correlate2d(X_c, K_oc) + b_o. This module rewrites the spec's tables and [forward] lines
into that sum over 2-D maps — one tensor per channel (``X`` → ``X0``, ``X1``; ``K`` → ``K00``, ``K01``,
…; a bias ``[O]`` → the scalars ``b0``, ``b1``), one [forward] line per output channel (``Z`` → ``Z0``,
``Z1``) — so every node, proof step, check and printer is the single-channel one already verified.
What follows a multi-channel result is read channel by channel where PyTorch/TF act per channel:
element-wise functions and operators, pooling; a reduction over everything (``.sum()``, ``.mean()``,
``F.mse_loss``, ``tf.reduce_mean``) is the sum (mean) of the per-channel ones; a channel index
(``Z[0, 1]``, ``Z[0, :, :, 1]``, ``X[1]``) picks one map. Anything else on a multi-channel value —
``groups``, ``dilation``, several images, a flatten, a reduction along an axis — is refused in one
line naming what is read."""

from __future__ import annotations

import ast
import copy
from typing import Any

from derive.locale import catalog

_TORCH = frozenset({"F.conv2d", "torch.nn.functional.conv2d", "nn.functional.conv2d", "torch.conv2d"})
_TF = frozenset({"tf.nn.conv2d"})
# element-wise (per channel) functions: any call whose name ends so, of any module
_ELEMENTWISE = frozenset(
    {
        "relu", "tanh", "sigmoid", "exp", "log", "abs", "square", "sqrt", "maximum", "minimum",
        "leaky_relu", "elu", "gelu", "silu", "softplus", "relu6", "clamp", "clip", "where", "pow",
        "power", "multiply", "add", "subtract", "hardtanh", "mish", "selu", "swish", "log_sigmoid",
        "logsigmoid", "sign", "cos", "sin",
    }
)
_POOLS = frozenset({"max_pool2d", "avg_pool2d", "max_pool", "avg_pool"})
_SUMS = frozenset({"sum", "reduce_sum", "nansum"})
_MEANS = frozenset({"mean", "reduce_mean", "nanmean", "mse_loss", "l1_loss"})
_LOSS_PAIRS = frozenset({"mse_loss", "l1_loss"})
MAX_CHANNELS = 9
MAX_NOTED = 300  # the spec reader's limit of a description


class ChannelError(ValueError):
    """A multi-channel spelling that is not read: ``where`` and a catalogue sentence."""

    def __init__(self, where: str, said: catalog.Said, fix: catalog.Said) -> None:
        super().__init__(said.render("en"))
        self.where, self.said, self.fix = where, said, fix


def dotted(node: ast.AST) -> str:
    """The dotted name ``node`` spells (``scipy.signal.correlate2d``), or ``""``."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return ""
    return ".".join([node.id, *reversed(parts)])


def _leaf(node: ast.Call) -> str:
    f = node.func
    return f.attr if isinstance(f, ast.Attribute) else f.id if isinstance(f, ast.Name) else ""


class _Multi:
    """A multi-channel value: one 2-D expression per channel."""

    def __init__(self, maps: list[ast.expr], batch: int = 1) -> None:
        self.maps = maps
        self.batch = batch  # shape49: images, the maps image after image ([i, o] is maps[i·O + o])


class _Flat:
    """shape49: the channel maps flattened in PyTorch's order (channel after channel, each map row
    by row): a row ``[1, C·H·W]`` (``torch.flatten(A, 1)``, ``nn.Flatten()``, ``A.view(1, -1)``) or a
    1-D vector (``A.flatten()``, ``A.reshape(-1)``); read only as the left factor of a linear layer,
    which is the sum over channels of each map's flattened row times its block of rows of the
    weight."""

    def __init__(self, maps: list[ast.expr], row: bool, batch: int = 1, nhwc: bool = False, scalars: bool = False) -> None:
        self.maps, self.row, self.batch = maps, row, batch  # several images: one row each, stacked
        self.scalars = scalars  # shape50: global average pooling, one number per channel (the row [1, C])
        # shape50: TF's channels-last order — entry (h, w) of every channel in turn, so channel c's
        # map, flattened row by row, meets the rows c, c + C, c + 2C, … of the weight
        self.nhwc = nhwc

    def images(self) -> list[list[ast.expr]]:
        per = len(self.maps) // self.batch
        return [self.maps[i * per : (i + 1) * per] for i in range(self.batch)]


class _Unit(_Multi):
    """shape50: ``nn.AdaptiveAvgPool2d(1)(A)`` / ``F.adaptive_avg_pool2d(A, 1)``: each channel's mean, a
    map of 1 × 1 ([1, C, 1, 1]); read only where it is flattened into the row [1, C]."""


_FLATTENS = frozenset({"flatten", "reshape", "view", "ravel"})
_ADAPTIVE = frozenset({"nn.AdaptiveAvgPool2d", "torch.nn.AdaptiveAvgPool2d"})
_GAP_CALLS = frozenset({"torch.mean", "torch.sum", "np.mean", "np.sum", "numpy.mean", "numpy.sum", "tf.reduce_mean", "tf.reduce_sum", "tf.math.reduce_mean", "tf.math.reduce_sum"})
_FLATTEN_CALLS = frozenset({"torch.flatten", "torch.reshape", "torch.ravel", "np.reshape", "np.ravel", "numpy.reshape", "numpy.ravel", "tf.reshape"})
_FLATTEN_MODULES = frozenset({"nn.Flatten", "torch.nn.Flatten"})
# shape50: Keras' Flatten keeps the batch axis and flattens the rest in the tensor's own (NHWC) order
_KERAS_FLATTENS = frozenset({"tf.keras.layers.Flatten", "keras.layers.Flatten", "layers.Flatten"})
_MATMULS = frozenset({"tf.matmul", "tf.linalg.matmul", "torch.matmul", "torch.mm", "np.matmul", "np.dot", "numpy.matmul", "numpy.dot"})
_BIAS_ADDS = frozenset({"tf.nn.bias_add", "tf.keras.backend.bias_add", "K.bias_add"})
_EINSUMS = frozenset({"torch.einsum", "np.einsum", "numpy.einsum"})
_REARRANGES = frozenset({"rearrange", "einops.rearrange"})


def _name(base: str, *index: int) -> str:
    return base + "".join(str(i) for i in index)


def _int(node: ast.AST) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) and type(node.operand.value) is int:
        return -node.operand.value
    return None


def _whole(node: ast.AST) -> bool:
    return isinstance(node, ast.Slice) and node.lower is None and node.upper is None and node.step is None


class _Reader:
    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.dims = data.get("dims") if isinstance(data.get("dims"), dict) else {}
        self.tf = False
        # name → (layout, channel counts): "nchw"/"chw"/"nhwc" inputs; "oikk"/"ckk"/"kkio" kernels
        self.tensors: dict[str, tuple[str, Any]] = {}
        self.bias: dict[str, int] = {}  # a 1-D conv bias [O] → O
        self.lines: dict[str, tuple[int, str]] = {}  # a multi-channel [forward] line → (channels, layout)
        self.where = ""
        self.one_d: set[str] = set()  # names declared 1-D ([n]) in [inputs]/[params]
        self.flats: dict[str, _Flat] = {}  # shape49: a [forward] line whose value is flattened maps
        self.pending: list[tuple[str, ast.expr]] = []  # shape49: a flattened map named on a line first
        self.key = ""  # the [forward] line being read
        self.mixed = ""  # shape49: the weight of a 1×1 convolution written with einsum
        self.flat_read = ""  # shape49: a flatten of the maps was read (said in the description); its layout
        self.batches: dict[str, int] = {}  # shape49: a tensor or line of several images → how many
        self.sep: dict[str, str] = {}  # shape49: "_" between a name and its channel index on a clash
        self.declared: dict[str, list[Any]] = {}  # shape49: [inputs]/[params] shapes as written
        self.units: set[str] = set()  # shape50: [forward] lines of an adaptive average pooling to 1 × 1
        self.scalars: set[str] = set(self.dims)  # names of one number
        for table in ("inputs", "params", "constants"):
            entries = data.get(table)
            for key, shape in (entries.items() if isinstance(entries, dict) else ()):
                if isinstance(shape, list):
                    self.declared[key] = shape
                if table == "constants" or shape == []:
                    self.scalars.add(key)
                elif isinstance(shape, list) and len(shape) == 1:
                    self.one_d.add(key)

    def nm(self, base: str, *index: int) -> str:
        """The 2-D map of ``base`` at ``index`` (``K01``); ``K_01`` when the spec already uses one
        of the plain names (shape49: a conv bias ``b`` beside a layer bias ``b1``)."""
        return _name(base + self.sep.get(base, ""), *index)

    # ---- sizes
    def size(self, d: Any) -> int | None:
        if type(d) is int:
            return d
        if isinstance(d, str) and type(self.dims.get(d)) is int:
            return self.dims[d]
        return None

    def refuse(self, text: str, what: catalog.Said) -> ChannelError:
        return ChannelError(
            self.where,
            catalog.said("spec.shape48.unread", text=text, what=what),
            catalog.said("spec.shape48.unread_fix"),
        )

    # ---- one expression
    def value(self, node: ast.AST) -> ast.expr | _Multi:
        if isinstance(node, ast.Name):
            if node.id in self.flats:
                f = self.flats[node.id]
                return _Flat([copy.deepcopy(m) for m in f.maps], f.row, f.batch, f.nhwc, f.scalars)
            if node.id in self.lines:
                n, layout = self.lines[node.id]
                names = self.line_names(node.id, n)
                return self.multi_layout((_Unit if node.id in self.units else _Multi)([ast.Name(x, ast.Load()) for x in names], self.batches.get(node.id, 1)), layout)
            if node.id in self.tensors:
                layout, n = self.tensors[node.id]
                if layout in ("oikk", "kkio"):
                    raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_kernel_use"))
                names = [self.nm(node.id, *i) for i, _ in self.planes(layout, n, [0, 0, 0, 0], self.batches.get(node.id, 1))]
                return self.multi_layout(_Multi([ast.Name(x, ast.Load()) for x in names], self.batches.get(node.id, 1)), "c" if layout == "chw" else layout)
            if node.id in self.bias:
                raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_bias_use"))
            return node
        if isinstance(node, ast.Call):
            return self.call(node)
        if isinstance(node, ast.Subscript):
            return self.subscript(node)
        if isinstance(node, ast.BinOp):
            def bias(e: ast.expr) -> bool:  # shape50: a conv bias [O] added to TF's channels-last maps
                return isinstance(node.op, ast.Add) and isinstance(e, ast.Name) and e.id in self.bias

            left = node.left if bias(node.left) else self.value(node.left)
            right = node.right if bias(node.right) else self.value(node.right)
            if isinstance(left, _Flat) and isinstance(node.op, ast.MatMult) and not isinstance(right, (_Multi, _Flat)):
                return self.flat_times(node, left, right)
            if isinstance(node.op, ast.Add):  # shape50: TF's conv + b of a bias [O]: b[o] on channel o
                biased = self.channel_bias(node, left, right) or self.channel_bias(node, right, left)
                if biased is not None:
                    return biased
                for e in (left, right):
                    if bias(e):
                        raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_bias_use"))
            return self.zipped(node, [left, right], lambda a: ast.BinOp(a[0], node.op, a[1]))
        if isinstance(node, ast.UnaryOp):
            inner = self.value(node.operand)
            return self.zipped(node, [inner], lambda a: ast.UnaryOp(node.op, a[0]))
        for field, old in ast.iter_fields(node):
            if isinstance(old, ast.expr):
                new = self.value(old)
                if isinstance(new, (_Multi, _Flat)):
                    raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_use"))
                setattr(node, field, new)
            elif isinstance(old, list):
                for i, item in enumerate(old):
                    if isinstance(item, ast.expr):
                        new = self.value(item)
                        if isinstance(new, (_Multi, _Flat)):
                            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_use"))
                        old[i] = new
        return node

    def zipped(self, node: ast.AST, parts: list[Any], make) -> ast.expr | _Multi:
        if any(isinstance(p, _Flat | _Unit) for p in parts):
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_use"))
        counts = {len(p.maps) for p in parts if isinstance(p, _Multi)}
        if not counts:
            return make(parts)
        if len(counts) > 1:
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_counts"))
        n = counts.pop()
        lay = next(getattr(p, "layout", "c") for p in parts if isinstance(p, _Multi))
        batch = {p.batch for p in parts if isinstance(p, _Multi)}
        if len(batch) > 1:  # one image's maps against a batch's
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_counts"))
        for p in parts:  # what broadcasts against the maps: PyTorch's and TF's meaning kept
            if isinstance(p, _Multi) or self.scalar(p):
                continue
            if lay == "nhwc":  # NHWC aligns a tensor with [W, C], not with each channel's map
                raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_nhwc_broadcast"))
            if isinstance(p, ast.Name) and p.id in self.one_d:  # a 1-D [O] meant per channel broadcasts along W
                raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_one_d_broadcast", x=p.id))
        return self.multi_layout(_Multi([make([p.maps[c] if isinstance(p, _Multi) else copy.deepcopy(p) for p in parts]) for c in range(n)], batch.pop()), lay)

    def scalar(self, node: ast.AST) -> bool:
        """A number, or a name of one number ([] in a table, a constant, a size)."""
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return True
        if isinstance(node, ast.UnaryOp):
            return self.scalar(node.operand)
        return isinstance(node, ast.Name) and node.id in self.scalars

    def subscript(self, node: ast.Subscript) -> ast.expr | _Multi:
        inner = self.value(node.value)
        if isinstance(inner, _Flat | _Unit):
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_use"))
        if not isinstance(inner, _Multi):
            node.value = inner
            node.slice = self.value(node.slice)  # type: ignore[assignment]
            return node
        items = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        # the channel index: [c] (channel first), [0, c] (NCHW), [0, :, :, c] (NHWC), [0, c, :, :]
        picks = [_int(i) for i in items]
        lay = getattr(inner, "layout", "c")
        if inner.batch > 1 and lay == "nhwc":  # shape50: [i, :, :, o] of an NHWC batch, nothing else
            per = len(inner.maps) // inner.batch
            if len(items) == 4 and picks[0] is not None and picks[3] is not None and _whole(items[1]) and _whole(items[2]) and -inner.batch <= picks[0] < inner.batch and -per <= picks[3] < per:
                return inner.maps[(picks[0] % inner.batch) * per + picks[3] % per]
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_index"))
        if inner.batch > 1:  # shape49: [i, o] one image's channel, [i] one image's maps
            per = len(inner.maps) // inner.batch
            if len(items) == 1 and picks[0] is not None and -inner.batch <= picks[0] < inner.batch:
                i = picks[0] % inner.batch
                return self.multi_layout(_Multi(inner.maps[i * per : (i + 1) * per]), "c")
            if len(items) in (2, 4) and None not in picks[:2] and all(_whole(i) for i in items[2:]) and -inner.batch <= picks[0] < inner.batch and -per <= picks[1] < per:  # type: ignore[operator]
                return inner.maps[(picks[0] % inner.batch) * per + picks[1] % per]  # type: ignore[operator]
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_index"))
        if lay == "nhwc" and len(items) == 4 and picks[0] == 0 and _whole(items[1]) and _whole(items[2]) and picks[3] is not None:
            c = picks[3]
        elif lay == "nchw" and len(items) in (2, 4) and picks[0] == 0 and picks[1] is not None and all(_whole(i) for i in items[2:]):
            c = picks[1]
        elif lay == "nchw" and len(items) == 1 and picks[0] == 0:
            out = _Multi(inner.maps)
            out.layout = "c"  # type: ignore[attr-defined]
            return out
        elif lay == "c" and len(items) in (1, 3) and picks[0] is not None and all(_whole(i) for i in items[1:]):
            c = picks[0]
        else:
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_index"))
        if not -len(inner.maps) <= c < len(inner.maps):
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_channel", c=c, n=len(inner.maps)))
        return inner.maps[c]

    def multi_layout(self, m: _Multi, layout: str) -> _Multi:
        m.layout = layout  # type: ignore[attr-defined]
        return m

    def line_names(self, key: str, n: int) -> list[str]:
        """A multi-channel line's maps: ``Z0, Z1`` (one image), ``Z00 … Z11`` (image i, channel o)."""
        b = self.batches.get(key, 1)
        return [self.nm(key, o) for o in range(n)] if b == 1 else [self.nm(key, i, o) for i in range(b) for o in range(n // b)]

    def call(self, node: ast.Call) -> ast.expr | _Multi:
        name, leaf = dotted(node.func), _leaf(node)
        if isinstance(node.func, ast.Call) and dotted(node.func.func) in _KERAS_FLATTENS and len(node.args) == 1:
            inner = self.value(node.args[0])
            if isinstance(inner, _Multi):  # shape50: keras.layers.Flatten()(A), A [1, H, W, C]
                made = node.func
                if made.args or any(k.arg != "data_format" or not (isinstance(k.value, ast.Constant) and k.value.value in (None, "channels_last")) for k in made.keywords):
                    raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flatten"))
                return self.flattened(node, inner, "axis1")
            node.args = [inner]
        adaptive = isinstance(node.func, ast.Call) and dotted(node.func.func) in _ADAPTIVE and len(node.args) == 1
        if adaptive or leaf == "adaptive_avg_pool2d" and len(node.args) == 2:
            inner = self.value(node.args[0])
            if isinstance(inner, _Multi):  # shape50: global average pooling to 1 × 1, per channel
                size = node.func.args[0] if adaptive and len(node.func.args) == 1 and not node.func.keywords else None if adaptive else node.args[1]  # type: ignore[attr-defined]
                if isinstance(inner, _Unit) or node.keywords or size is None or not (_int(size) == 1 or isinstance(size, ast.Tuple) and [_int(e) for e in size.elts] == [1, 1]):
                    raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_call", x=name or leaf or ast.unparse(node.func)))
                means = [ast.Call(ast.Attribute(m, "mean", ast.Load()), [], []) for m in inner.maps]
                return self.multi_layout(_Unit(means, inner.batch), getattr(inner, "layout", "c"))
            node.args[0] = inner
        if name in _BIAS_ADDS and len(node.args) == 2 and not node.keywords:
            inner = self.value(node.args[0])
            biased = self.channel_bias(node, inner, node.args[1]) if isinstance(inner, _Multi) else None
            if biased is not None:
                return biased
            if isinstance(inner, _Multi):  # a number added to every channel, else refused as + is
                return self.zipped(node, [inner, self.value(node.args[1])], lambda a: ast.BinOp(a[0], ast.Add(), a[1]))
            node.args[0] = inner  # type: ignore[call-overload]
        if name in _MATMULS and len(node.args) == 2 and not node.keywords:
            first = self.value(node.args[0])
            if isinstance(first, _Flat):  # shape50: tf.matmul(f, W), a Dense layer's kernel [in, out]
                return self.flat_times(node, first, node.args[1])
            node.args[0] = first  # type: ignore[call-overload]
        if isinstance(node.func, ast.Call) and dotted(node.func.func) in _FLATTEN_MODULES and len(node.args) == 1:
            inner = self.value(node.args[0])
            if isinstance(inner, _Multi):  # nn.Flatten()(A): start_dim=1 unless said otherwise
                made = node.func
                start = made.args[0] if made.args else next((k.value for k in made.keywords if k.arg == "start_dim"), ast.Constant(1))
                if _int(start) != 1 or len(made.args) > 1 or any(k.arg != "start_dim" for k in made.keywords):
                    raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flatten"))
                return self.flattened(node, inner, "axis1")
            node.args = [inner]
        if name in _EINSUMS:
            mixed = self.einsum(node)
            if mixed is not None:
                return mixed
        if name in _REARRANGES and len(node.args) == 2 and not node.keywords:
            inner = self.value(node.args[0])
            if isinstance(inner, _Multi):  # einops: 'b c h w -> b (c h w)', 'c h w -> (c h w)'
                return self.flattened(node, inner, self.rearranged(node, inner))
            node.args[0] = inner
        if name in _FLATTEN_CALLS and node.args:
            inner = self.value(node.args[0])
            if isinstance(inner, _Multi):
                return self.flattened(node, inner, self.flatten_form(leaf, node.args[1:], node.keywords, node))
            node.args[0] = inner
        if leaf == "linear" and node.args:
            first = self.value(node.args[0])
            if isinstance(first, _Flat):
                return self.flat_linear(node, first)
            node.args[0] = first
        if name in _TORCH or name in _TF:
            conv = self.conv(node, name in _TF)
            if conv is not None:
                return conv
        # methods: x.sum(), x.mean(), x.squeeze(), x.relu()
        root = dotted(node.func.value).split(".")[0] if isinstance(node.func, ast.Attribute) else ""
        if isinstance(node.func, ast.Attribute) and (not root or root in self.lines or root in self.tensors):
            obj = self.value(node.func.value)
            if isinstance(obj, _Flat):
                raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_use"))
            if isinstance(obj, _Multi) and leaf in _FLATTENS:
                return self.flattened(node, obj, self.flatten_form(leaf, node.args, node.keywords, node))
            if isinstance(obj, _Unit) and leaf == "squeeze" and not node.args and not node.keywords:
                return self.flattened(node, obj, "all" if obj.batch == 1 else "axis1")  # [1, C, 1, 1] → [C]; [N, C] of a batch
            if isinstance(obj, _Unit):
                raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_use"))
            if isinstance(obj, _Multi) and leaf in ("mean", "sum") and (node.args or node.keywords):
                return self.gap(node, obj, [*node.args, *(k.value for k in node.keywords if k.arg in ("dim", "axis"))], node.keywords, leaf == "mean")
            if isinstance(obj, _Multi):
                if node.args or node.keywords:
                    if leaf in _SUMS | _MEANS:
                        raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_axis"))
                    raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_method", x=leaf))
                if leaf in _SUMS | _MEANS:
                    return self.reduced([ast.Call(ast.Attribute(m, leaf, ast.Load()), [], []) for m in obj.maps], leaf in _MEANS)
                if leaf == "squeeze" and len(obj.maps) == 1:
                    return obj.maps[0]
                if leaf in _ELEMENTWISE:
                    return self.multi_layout(_Multi([ast.Call(ast.Attribute(m, leaf, ast.Load()), [], []) for m in obj.maps], obj.batch), getattr(obj, "layout", "c"))
                raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_method", x=leaf))
            node.func.value = obj
        args = [self.value(a) for a in node.args]
        kws = [(k, self.value(k.value)) for k in node.keywords]
        if not any(isinstance(a, _Multi) for a in args) and not any(isinstance(v, _Multi) for _, v in kws):
            node.args = args  # type: ignore[assignment]
            for k, v in kws:
                k.value = v  # type: ignore[assignment]
            return node
        if any(isinstance(a, _Flat) for a in args) or any(isinstance(v, _Flat) for _, v in kws):
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_use"))
        if name in _GAP_CALLS and isinstance(args[0], _Multi) and not any(isinstance(a, _Multi) for a in args[1:]) and (len(args) > 1 or kws):
            return self.gap(node, args[0], [*node.args[1:], *(k.value for k in node.keywords if k.arg in ("dim", "axis"))], node.keywords, "mean" in leaf)
        if any(isinstance(v, _Multi) for _, v in kws):
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_keyword"))
        if leaf in _SUMS | _MEANS and (len(args) > (2 if leaf in _LOSS_PAIRS else 1) or any(k.arg not in ("reduction",) for k in node.keywords)):
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_axis"))
        if leaf in _LOSS_PAIRS and any(k.arg == "reduction" and not (isinstance(k.value, ast.Constant) and k.value.value in ("mean", "sum")) for k in node.keywords):
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_no_reduction"))
        if leaf in _SUMS | _MEANS:
            per = self.zipped(node, args, lambda a: ast.Call(copy.deepcopy(node.func), a, copy.deepcopy(node.keywords)))
            assert isinstance(per, _Multi)
            mean = leaf in _MEANS and not any(k.arg == "reduction" and k.value.value == "sum" for k in node.keywords)  # type: ignore[attr-defined]
            return self.reduced(per.maps, mean)
        if leaf in _POOLS:
            return self.pooled(node, args)
        if leaf in _ELEMENTWISE:
            return self.zipped(node, args, lambda a: ast.Call(copy.deepcopy(node.func), a, copy.deepcopy(node.keywords)))
        raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_call", x=name or leaf))

    # ---- shape49: the maps flattened into a linear layer; a 1×1 convolution written with einsum
    def flatten_form(self, leaf: str, args: list[ast.expr], keywords: list[ast.keyword], node: ast.AST) -> str:
        """How ``leaf`` (flatten/ravel/reshape/view) flattens: ``"all"`` (1-D), ``"axis1"`` (every axis
        from 1: ``flatten(1)``), ``"row"`` (``reshape(1, -1)``), ``"batch"`` (``view(A.size(0), -1)``)."""
        if any(k.arg not in ("start_dim", "shape", "newshape") for k in keywords):  # end_dim, order='F'
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flatten"))
        if leaf in ("flatten", "ravel"):
            given = [*args, *(k.value for k in keywords if k.arg == "start_dim")]
            if len(given) > 1 or leaf == "ravel" and given:
                raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flatten"))
            start = _int(given[0]) if given else 0
            if start in (0, 1):
                return "all" if start == 0 else "axis1"
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flatten"))
        sizes = list(args)
        sizes += [k.value for k in keywords if k.arg in ("shape", "newshape")]
        if len(sizes) == 1 and isinstance(sizes[0], (ast.Tuple, ast.List)):
            sizes = list(sizes[0].elts)
        if len(sizes) == 1 and _int(sizes[0]) == -1:
            return "all"
        if len(sizes) == 2 and _int(sizes[1]) == -1:
            first = sizes[0]
            if _int(first) == 1:
                return "row"
            if self.batch_size(first):
                return "batch"
            if _int(first) is not None or isinstance(first, ast.Name) and self.size(first.id) is not None:
                return f"n:{_int(first) if _int(first) is not None else self.size(first.id)}"  # type: ignore[union-attr]
        raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flatten"))

    def rearranged(self, node: ast.Call, m: _Multi) -> str:
        """shape49: einops' rearrange of a map of several channels that flattens it in PyTorch's
        order — every axis after the batch grouped as written (``'b c h w -> b (c h w)'``: one row
        per image), or all of them (``'c h w -> (c h w)'``: 1-D); else refused."""
        pat = node.args[1]
        if not (isinstance(pat, ast.Constant) and isinstance(pat.value, str)) or "->" not in pat.value:
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flatten"))
        left, right = (" ".join(part.split()) for part in pat.value.split("->"))
        axes = left.split(" ")
        lay = getattr(m, "layout", "c")
        if len(axes) != (4 if lay == "nchw" else 3) or len(set(axes)) != len(axes) or "(" in left:
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flatten"))
        if lay == "nchw" and right == f"{axes[0]} ({' '.join(axes[1:])})":
            return "axis1"
        if right == f"({' '.join(axes)})" and m.batch == 1:
            return "all"
        raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flatten"))

    @staticmethod
    def batch_size(node: ast.AST) -> bool:
        """``A.size(0)``, ``A.shape[0]``, ``len(A)``: the batch axis's size."""
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "size" and len(node.args) == 1:
            return _int(node.args[0]) == 0
        if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute) and node.value.attr == "shape":
            return _int(node.slice) == 0
        return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "len" and len(node.args) == 1

    def flattened(self, node: ast.AST, m: _Multi, form: str) -> _Flat:
        lay = getattr(m, "layout", "c")
        if form.startswith("n:"):  # reshape(N, -1): one row per image when N is the batch's size
            if int(form[2:]) != m.batch:
                raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flatten"))
            form = "batch"
        if m.batch > 1 and form not in ("axis1", "batch"):  # all images in one row or one vector
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_batch"))
        if form in ("axis1", "batch") and lay not in ("nchw", "nhwc"):  # of [C, H, W]: a [C, H·W] matrix
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flatten"))
        if isinstance(m, _Unit):  # shape50: one number per channel, the row [1, C] in either layout
            return _Flat([ast.Name(n, ast.Load()) for n in self.named_maps(m.maps)], form != "all", m.batch, False, True)
        self.flat_read = "nhwc" if lay == "nhwc" else "nchw"
        return _Flat([ast.Name(n, ast.Load()) for n in self.named_maps(m.maps)], form != "all", m.batch, lay == "nhwc")

    def named_maps(self, maps: list[ast.expr]) -> list[str]:
        """Each map's name; a map that is an expression named on a line of its own first
        (``{line}c{c}``), as reshape() and a convolution read a named map."""
        names = []
        for e in maps:
            if not isinstance(e, ast.Name):
                name = f"{self.key}c{len(self.pending)}"
                self.pending.append((name, e))
                e = ast.Name(name, ast.Load())
            names.append(e.id)
        return names

    def declared_2d(self, node: ast.AST, w: ast.AST, dims: tuple[int, ...]) -> tuple[str, list[int]]:
        if not isinstance(w, ast.Name) or w.id not in self.declared or len(self.declared[w.id]) not in dims:
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_weight"))
        sizes = [self.size(d) for d in self.declared[w.id]]
        if None in sizes:
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_weight"))
        return w.id, sizes  # type: ignore[return-value]

    def blocks(self, node: ast.AST, total: int, n: int) -> list[str]:
        """Each channel's rows of the weight as a slice ``a:b`` (PyTorch's order, one block after
        another)."""
        if total % n:
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_size", total=total, n=n))
        k = total // n
        return [f"{c * k}:{(c + 1) * k}" for c in range(n)]

    def interleaved(self, maps: list[ast.expr]) -> str:
        """shape50: TF's channels-last order of one image's maps — each map flattened row by row as a
        column of an [H·W, C] matrix (``torch.cat([A0.reshape(-1, 1), …], 1)``), named on a line of its
        own; that matrix read row by row is the NHWC flatten (entry (h, w) of every channel in turn)."""
        cols = ", ".join(f"{m.id}.reshape(-1, 1)" for m in maps)  # type: ignore[attr-defined]
        return self.named_maps([ast.parse(f"torch.cat([{cols}], 1)", mode="eval").body])[0]

    def flat_times(self, node: ast.BinOp, flat: _Flat, right: ast.AST) -> ast.expr:
        """``flat @ W`` (W [C·H·W, k] or 1-D), ``flat @ W.T`` (W [k, C·H·W], nn.Linear's): the sum over
        channels of each map's flattened row times its block of W."""
        t = isinstance(right, ast.Attribute) and right.attr == "T"
        w, sizes = self.declared_2d(node, right.value if t else right, (2,) if t else (1, 2))  # type: ignore[attr-defined]
        if flat.row and len(sizes) == 1:  # [1, n] @ [n] is PyTorch's 1-D [1], not a number
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_use"))
        total = sizes[1] if t else sizes[0]
        flat_form = "reshape(1, -1)" if flat.row else "reshape(-1)"
        rows = []
        for maps in flat.images():
            terms = []
            if flat.nhwc and len(maps) > 1:  # shape50: one interleaved row times the whole weight
                self.blocks(node, total, len(maps))
                rows.append(ast.parse(f"{self.interleaved(maps)}.{flat_form} @ {ast.unparse(right)}", mode="eval").body)
                continue
            for m, rows_ in zip(maps, self.blocks(node, total, len(maps)), strict=True):
                block = f"{w}[:, {rows_}].T" if t else f"{w}[{rows_}, :]" if len(sizes) == 2 else f"{w}[{rows_}]"
                if flat.scalars:  # shape50: channel c's mean times its row of the weight
                    terms.append(ast.parse(f"{m.id} * {block}", mode="eval").body)  # type: ignore[attr-defined]
                    continue
                terms.append(ast.parse(f"{m.id}.{flat_form} @ {block}", mode="eval").body)  # type: ignore[attr-defined]
            rows.append(self.reduced(terms, False))
        return self.stacked(rows)

    @staticmethod
    def stacked(rows: list[ast.expr]) -> ast.expr:
        """One image's row, or the images' rows stacked (``torch.cat([...], 0)``: [N, k])."""
        if len(rows) == 1:
            return rows[0]
        return ast.Call(ast.parse("torch.cat", mode="eval").body, [ast.List(rows, ast.Load()), ast.Constant(0)], [])

    def flat_linear(self, node: ast.Call, flat: _Flat) -> ast.expr:
        """``F.linear(flat, W, b)`` of a weight [k, C·H·W]: Σ_c F.linear(map_c row, W's block) + b."""
        bias = node.args[2] if len(node.args) > 2 else next((k.value for k in node.keywords if k.arg == "bias"), None)
        if len(node.args) < 2 or len(node.args) > 3 or not flat.row or any(k.arg != "bias" for k in node.keywords):
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_use"))
        w, sizes = self.declared_2d(node, node.args[1], (2,))
        fn = ast.unparse(node.func)
        total = self.stacked([
            ast.parse(f"{fn}({self.interleaved(maps)}.reshape(1, -1), {w})", mode="eval").body  # type: ignore[attr-defined]
            if flat.nhwc and len(maps) > 1 and self.blocks(node, sizes[1], len(maps))
            else self.reduced([
                # shape50: of the pooled row, channel c's mean times the column c of W, transposed
                ast.parse(f"{m.id} * {w}[:, {rows_}].T" if flat.scalars else f"{fn}({m.id}.reshape(1, -1), {w}[:, {rows_}])", mode="eval").body  # type: ignore[attr-defined]
                for m, rows_ in zip(maps, self.blocks(node, sizes[1], len(maps)), strict=True)
            ], False)
            for maps in flat.images()
        ])
        if bias is not None and not (isinstance(bias, ast.Constant) and bias.value is None):
            b = self.value(bias)
            if isinstance(b, (_Multi, _Flat)):
                raise self.refuse(ast.unparse(node), catalog.said("spec.shape49.w_flat_use"))
            total = ast.BinOp(total, ast.Add(), b)
        return total

    def gap(self, node: ast.AST, m: _Multi, axes: list[ast.expr], keywords: list[ast.keyword], mean: bool) -> _Flat:
        """shape50: global average (sum) pooling written as a reduction over the spatial axes —
        ``A.mean(dim=(2, 3))`` of NCHW, ``A.mean((1, 2))`` of [C, H, W] (1-D), ``tf.reduce_mean(A,
        axis=[1, 2])`` of NHWC: each channel's mean (sum), the row [1, C] per image, read as the left
        factor of a linear layer as a flatten is; anything else (another axis, keepdim) refused."""
        lay = getattr(m, "layout", "c")
        spatial = {"nchw": ({2, 3}, {-2, -1}), "nhwc": ({1, 2}, {-3, -2}), "c": ({1, 2}, {-2, -1})}.get(lay, ())
        picked = {_int(e) for e in axes[0].elts} if len(axes) == 1 and isinstance(axes[0], ast.Tuple | ast.List) and len(axes[0].elts) == 2 else None
        if isinstance(m, _Unit) or picked not in spatial or any(k.arg not in ("dim", "axis") for k in keywords):
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_axis"))
        parts = [ast.Call(ast.Attribute(x, "mean" if mean else "sum", ast.Load()), [], []) for x in m.maps]
        return _Flat([ast.Name(n, ast.Load()) for n in self.named_maps(parts)], lay != "c", m.batch, False, True)

    def channel_bias(self, node: ast.AST, maps: Any, b: ast.AST) -> _Multi | None:
        """shape50: ``conv + b`` / ``tf.nn.bias_add(conv, b)`` of a channels-last map and a bias
        ``[O]`` of one entry per channel (NHWC broadcasts b along the channel axis): map o + b[o];
        None when it is not that (the broadcasting rules of :meth:`zipped` decide)."""
        if not (isinstance(maps, _Multi) and isinstance(b, ast.Name) and b.id in self.bias):
            return None
        per = len(maps.maps) // maps.batch
        if getattr(maps, "layout", "c") != "nhwc" or self.bias[b.id] != per:
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_nhwc_broadcast"))
        out = [ast.BinOp(m, ast.Add(), ast.Name(self.nm(b.id, k % per), ast.Load())) for k, m in enumerate(maps.maps)]
        return self.multi_layout(_Multi(out, maps.batch), "nhwc")

    def einsum(self, node: ast.Call) -> _Multi | None:
        """A 1×1 convolution (channel mixing) written with einsum — ``'oc,nchw->nohw'``,
        ``'chw,oc->ohw'``: output map o = Σ_c W[o, c]·X_c; ``None`` when no operand has channels."""
        ops_ = node.args[1:]
        if len(ops_) == 1 and isinstance(ops_[0], (ast.List, ast.Tuple)):
            ops_ = list(ops_[0].elts)
        if not any(isinstance(a, ast.Name) and a.id in self.tensors for a in ops_):
            return None
        text = ast.unparse(node)
        first = node.args[0] if node.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)) or len(ops_) != 2 or node.keywords:
            raise self.refuse(text, catalog.said("spec.shape49.w_einsum"))
        subs = first.value.replace(" ", "")
        if "->" not in subs or subs.count(",") != 1:
            raise self.refuse(text, catalog.said("spec.shape49.w_einsum"))
        ins, out = subs.split("->")
        letters = ins.split(",")
        xi = next((i for i, a in enumerate(ops_) if isinstance(a, ast.Name) and a.id in self.tensors), 0)
        x, w = ops_[xi], ops_[1 - xi]
        xs, ws = letters[xi], letters[1 - xi]
        layout, n = self.tensors[x.id]  # type: ignore[attr-defined]
        if self.batches.get(x.id, 1) > 1 or layout not in ("nchw", "chw") or not isinstance(w, ast.Name) or w.id in self.tensors:
            raise self.refuse(text, catalog.said("spec.shape49.w_einsum"))
        ch = xs[1] if layout == "nchw" else xs[0]
        if len(xs) != (4 if layout == "nchw" else 3) or len(set(xs)) != len(xs) or len(ws) != 2 or ch not in ws or ws[0] == ws[1]:
            raise self.refuse(text, catalog.said("spec.shape49.w_einsum"))
        o = ws[1 - ws.index(ch)]
        shape = self.declared.get(w.id, [])
        sizes = [self.size(d) for d in shape]
        if o in xs or out != xs.replace(ch, o) or len(sizes) != 2 or None in sizes:
            raise self.refuse(text, catalog.said("spec.shape49.w_einsum"))
        if sizes[ws.index(ch)] != n:
            raise self.refuse(text, catalog.said("spec.shape48.w_mismatch", a=n, b=sizes[ws.index(ch)]))
        maps = []
        for oo in range(sizes[ws.index(o)]):
            terms = []
            for c in range(n):
                entry = f"{w.id}[{oo}, {c}]" if ws.index(o) == 0 else f"{w.id}[{c}, {oo}]"
                terms.append(ast.parse(f"{entry} * {self.nm(x.id, c)}", mode="eval").body)  # type: ignore[attr-defined]
            maps.append(self.reduced(terms, False))
        self.mixed = f"{w.id}[o, c]" if ws.index(o) == 0 else f"{w.id}[c, o]"
        return self.multi_layout(_Multi(maps), "nchw" if layout == "nchw" else "c")

    def reduced(self, parts: list[ast.expr], mean: bool) -> ast.expr:
        total: ast.expr = parts[0]
        for p in parts[1:]:
            total = ast.BinOp(total, ast.Add(), p)
        if mean and len(parts) > 1:
            total = ast.BinOp(total, ast.Div(), ast.Constant(len(parts)))
        return total

    def pooled(self, node: ast.Call, args: list[Any]) -> _Multi:
        if not isinstance(args[0], _Multi) or isinstance(args[0], _Unit) or any(isinstance(a, _Multi) for a in args[1:]):
            raise self.refuse(ast.unparse(node), catalog.said("spec.shape48.w_pool_arg"))
        maps = []
        tf = dotted(node.func).startswith("tf.")
        for m in args[0].maps:
            if tf:
                lifted = ast.parse("_m[None, :, :, None]", mode="eval").body
                pick = "_p[0, :, :, 0]"
            else:
                lifted = ast.parse("_m[None, None]", mode="eval").body
                pick = "_p[0, 0]"
            lifted.value = m  # type: ignore[attr-defined]
            call = ast.Call(copy.deepcopy(node.func), [lifted, *copy.deepcopy(args[1:])], copy.deepcopy(node.keywords))
            out = ast.parse(pick, mode="eval").body
            out.value = call  # type: ignore[attr-defined]
            maps.append(out)
        return self.multi_layout(_Multi(maps, args[0].batch), getattr(args[0], "layout", "c"))

    def conv(self, node: ast.Call, tf: bool) -> _Multi | None:
        if not node.args:
            return None
        text = ast.unparse(node)
        if isinstance(node.args[0], ast.Name) and node.args[0].id in self.tensors:
            x = node.args[0].id
            xl, xn = self.tensors[x]
            batch = self.batches.get(x, 1)
            xmaps = [self.nm(x, *i) for i, _ in self.planes(xl, xn, [0, 0, 0, 0], batch)]
        else:  # shape49: a layer of several channels after another (conv → ReLU → conv)
            got = self.value(node.args[0])
            if isinstance(got, _Unit):
                raise self.refuse(text, catalog.said("spec.shape49.w_flat_use"))
            if not isinstance(got, _Multi):
                node.args[0] = got  # type: ignore[call-overload]
                return None  # a single-channel convolution: the spec reader's own
            xl = {"c": "chw"}.get(getattr(got, "layout", "c"), getattr(got, "layout", "c"))
            batch, xmaps = got.batch, self.named_maps(got.maps)
            xn = len(xmaps) // batch
        if len(node.args) < 2 or not isinstance(node.args[1], ast.Name) or node.args[1].id not in self.tensors:
            raise self.refuse(text, catalog.said("spec.shape48.w_weight"))
        k = node.args[1].id
        kl, kn = self.tensors[k]
        if not tf and len(node.args) > 3:  # F.conv2d(X, K, b, 2, 1): stride, padding, … by position
            named = ("stride", "padding", "dilation", "groups")
            node.keywords = [*(ast.keyword(k, v) for k, v in zip(named, node.args[3:], strict=False)), *node.keywords]
            node.args = node.args[:3]
        keys = {kw.arg: kw.value for kw in node.keywords}
        for bad in ("groups", "dilation", "dilations", "data_format"):
            if bad in keys and not (bad in ("groups", "dilation", "dilations") and _int(keys[bad]) == 1):
                raise self.refuse(text, catalog.said("spec.shape48.w_keyword_arg", x=f"{bad}={ast.unparse(keys[bad])}"))
        bias = node.args[2] if len(node.args) > 2 and not tf else keys.pop("bias", None)
        rest = node.args[3:] if not tf else node.args[2:]
        if tf:
            if xl != "nhwc" or kl != "kkio":
                raise self.refuse(text, catalog.said("spec.shape48.w_tf_layout"))
            c_in, (c_k, outs) = xn, kn
        else:
            if xl not in ("nchw", "chw") or kl != "oikk":
                raise self.refuse(text, catalog.said("spec.shape48.w_torch_layout"))
            c_in, (outs, c_k) = xn, kn
        if c_in != c_k:
            raise self.refuse(text, catalog.said("spec.shape48.w_mismatch", a=c_in, b=c_k))
        b_names: list[ast.expr | None] = [None] * outs
        if bias is not None and not (isinstance(bias, ast.Constant) and bias.value is None):
            if isinstance(bias, ast.Name) and self.bias.get(bias.id) == outs:
                b_names = [ast.Name(self.nm(bias.id, o), ast.Load()) for o in range(outs)]
            else:
                raise self.refuse(text, catalog.said("spec.shape48.w_bias"))
        kept = [kw for kw in node.keywords if kw.arg not in ("bias", "groups", "dilation", "dilations")]
        maps = []
        for i, o in ((i, o) for i in range(batch) for o in range(outs)):  # image i's output map o
            total: ast.expr | None = None
            for c in range(c_in):
                kname = self.nm(k, o, c)
                if tf:
                    one = f"tf.nn.conv2d({xmaps[i * c_in + c]}[None, :, :, None], {kname}[:, :, None, None])[0, :, :, 0]"
                else:
                    one = f"F.conv2d({xmaps[i * c_in + c]}[None, None], {kname}[None, None])[0, 0]"
                term = ast.parse(one, mode="eval").body
                term.value.args.extend(copy.deepcopy(rest))  # type: ignore[attr-defined]
                term.value.keywords.extend(copy.deepcopy(kept))  # type: ignore[attr-defined]
                total = term if total is None else ast.BinOp(total, ast.Add(), term)
            if b_names[o] is not None:
                total = ast.BinOp(total, ast.Add(), copy.deepcopy(b_names[o]))
            maps.append(total)
        return self.multi_layout(_Multi(maps, batch), "nhwc" if tf else xl if xl == "nchw" else "c")  # type: ignore[arg-type]

    # ---- the spec
    def shapes(self) -> None:
        forward = self.data.get("forward")
        lines = forward if isinstance(forward, dict) else {}
        texts = [v for v in lines.values() if isinstance(v, str)]
        trees = []
        for t in texts:
            try:
                trees.append(ast.parse(t.strip(), mode="eval"))
            except SyntaxError:
                continue
        roles: dict[str, set[str]] = {}
        # shape50: [forward] lines that are a TF convolution itself (Z = "tf.nn.conv2d(X, K, …)")
        conv_lines = set()
        for k, v in lines.items():
            try:
                body = ast.parse(v.strip(), mode="eval").body if isinstance(v, str) else None
            except SyntaxError:
                continue
            if isinstance(body, ast.Call) and dotted(body.func) in _TF:
                conv_lines.add(k)
        for tree in trees:
            for n in ast.walk(tree):
                if isinstance(n, ast.Call) and dotted(n.func) in _TORCH | _TF:
                    tf = dotted(n.func) in _TF
                    self.tf |= tf
                    names = [a.id if isinstance(a, ast.Name) else "" for a in n.args[:3]]
                    kb = [kw.value.id for kw in n.keywords if kw.arg == "bias" and isinstance(kw.value, ast.Name)]
                    for i, nm in enumerate(names):
                        roles.setdefault(nm, set()).add(("x", "k", "b")[i] if not (tf and i == 2) else "")
                    for nm in kb:
                        roles.setdefault(nm, set()).add("b")
                # shape50: TF's bias [O] added to the convolution (conv + b, tf.nn.bias_add(conv, b))
                pair = [n.left, n.right] if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Add) else list(n.args) if isinstance(n, ast.Call) and dotted(n.func) in _BIAS_ADDS and len(n.args) == 2 else []
                if len(pair) == 2:
                    for a, other in (pair, pair[::-1]):
                        if isinstance(a, ast.Name) and (isinstance(other, ast.Call) and dotted(other.func) in _TF or isinstance(other, ast.Name) and other.id in conv_lines):
                            roles.setdefault(a.id, set()).add("b")
        for table in ("inputs", "params"):
            entries = self.data.get(table)
            if not isinstance(entries, dict):
                continue
            for key, shape in entries.items():
                if not isinstance(shape, list) or not all(type(d) is int or isinstance(d, str) for d in shape):
                    continue
                role = roles.get(key, set())
                if len(shape) == 1 and "b" in role:
                    n = self.size(shape[0])
                    if n is not None and n > 1 or (n == 1 and table == "params"):
                        self.bias[key] = n  # type: ignore[assignment]
                    continue
                if len(shape) not in (3, 4):
                    continue
                sizes = [self.size(d) for d in shape]
                if self.tf and len(shape) == 3:  # TF's conv2d and pools take [1, H, W, C]
                    self.where = f"[{table}] {key}"
                    raise self.refuse(repr(shape), catalog.said("spec.shape48.w_tf_three_d"))
                if "k" in role:
                    if len(shape) == 4 and self.tf:
                        layout, n = "kkio", (sizes[2], sizes[3])
                    elif len(shape) == 4:
                        layout, n = "oikk", (sizes[0], sizes[1])
                    else:
                        continue  # a 3-D weight: PyTorch raises; the reader's refusal stands
                    if None in n:
                        continue
                    self.tensors[key] = (layout, n)
                    continue
                if len(shape) == 4 and self.tf:
                    layout, lead, n = "nhwc", sizes[0], sizes[3]
                elif len(shape) == 4:
                    layout, lead, n = "nchw", sizes[0], sizes[1]
                else:
                    layout, lead, n = "chw", 1, sizes[0]
                if lead != 1 or n is None:
                    if lead is not None and lead > 1 and (layout not in ("nchw", "nhwc") or lead > MAX_CHANNELS):
                        self.where = f"[{table}] {key}"
                        raise self.refuse(repr(shape), catalog.said("spec.shape48.w_batch"))
                    if lead is None or lead <= 1 or n is None:
                        continue
                    self.batches[key] = lead  # shape49: a small batch of NCHW images, image by image (shape50: NHWC too)
                self.tensors[key] = (layout, n)

    def expand(self) -> dict[str, Any] | None:
        forward = self.data.get("forward")
        said = " ".join(str(v) for v in forward.values()) if isinstance(forward, dict) else ""
        if not any(w in said for w in ("conv", "correlate", "pool", "einsum")):
            return None  # not a convolution: the reader's own refusal of 3-/4-D tensors
        self.shapes()
        if not self.tensors:
            return None
        for key, (_, n) in self.tensors.items():
            for c in n if isinstance(n, tuple) else (n,):
                if not 1 <= c <= MAX_CHANNELS:
                    self.where = f"[inputs] {key}"
                    raise self.refuse(key, catalog.said("spec.shape48.w_too_many", c=c, m=MAX_CHANNELS))
        data = dict(self.data)
        taken = {k for t in ("inputs", "params", "constants", "forward", "dims") if isinstance(data.get(t), dict) for k in data[t]}
        for key, (layout, n) in self.tensors.items():  # shape49: K_01 when the spec already has K01
            if any(self.nm(key, *i) in taken for i, _ in self.planes(layout, n, [0, 0, 0, 0], self.batches.get(key, 1))):
                self.sep[key] = "_"
        for key, n in self.bias.items():
            if any(self.nm(key, o) in taken for o in range(n)):
                self.sep[key] = "_"
        out_fwd: dict[str, Any] = {}
        forward = data.get("forward") if isinstance(data.get("forward"), dict) else {}
        last = list(forward)[-1] if forward else None
        for key, text in forward.items():
            if not isinstance(text, str):
                out_fwd[key] = text
                continue
            self.where = f'[forward] {key} = "{text.strip()}"'
            try:
                tree = ast.parse(text.strip(), mode="eval")
            except SyntaxError:
                out_fwd[key] = text
                continue
            self.key, self.pending = key, []
            got = self.value(tree.body)
            for name, e in self.pending:  # shape49: a flattened map's expression on a line of its own
                if name in taken:
                    raise self.refuse(name, catalog.said("spec.shape48.w_taken", x=name))
                out_fwd[name] = ast.unparse(e)
            if isinstance(got, _Flat):
                if key == last:
                    raise self.refuse(text.strip(), catalog.said("spec.shape48.w_loss"))
                self.flats[key] = got  # read where it is used: the left factor of a linear layer
                continue
            if isinstance(got, _Multi):
                if key == last:
                    raise self.refuse(text.strip(), catalog.said("spec.shape48.w_loss"))
                self.lines[key] = (len(got.maps), getattr(got, "layout", "c"))
                if isinstance(got, _Unit):
                    self.units.add(key)
                if got.batch > 1:
                    self.batches[key] = got.batch
                if any(x in taken for x in self.line_names(key, len(got.maps))):
                    self.sep[key] = "_"
                for o, (name, m) in enumerate(zip(self.line_names(key, len(got.maps)), got.maps, strict=True)):
                    if name in taken:
                        raise self.refuse(name, catalog.said("spec.shape48.w_taken_line", x=name, c=o, key=key))
                    out_fwd[name] = ast.unparse(m)
            else:
                out_fwd[key] = ast.unparse(got)
        data["forward"] = out_fwd
        values = dict(data.get("values") or {}) if isinstance(data.get("values"), dict) else None
        for table in ("inputs", "params"):
            entries = data.get(table)
            if not isinstance(entries, dict):
                continue
            new: dict[str, Any] = {}
            for key, shape in entries.items():
                if key in self.bias:
                    for o in range(self.bias[key]):
                        new[self.fresh(self.nm(key, o), taken)] = []
                    if values is not None and key in values:
                        v = values.pop(key)
                        if not isinstance(v, list) or len(v) != self.bias[key]:
                            self.where = f"[values] {key}"
                            raise self.refuse(repr(v)[:60], catalog.said("spec.shape48.w_bias_values", n=self.bias[key]))
                        for o, x in enumerate(v):
                            values[self.nm(key, o)] = x
                    continue
                if key not in self.tensors:
                    new[key] = shape
                    continue
                layout, n = self.tensors[key]
                for index, plane in self.planes(layout, n, shape, self.batches.get(key, 1)):
                    new[self.fresh(self.nm(key, *index), taken)] = plane
                if values is not None and key in values:
                    v = values.pop(key)
                    for index, grid in self.value_planes(key, layout, n, v, self.batches.get(key, 1)):
                        values[self.nm(key, *index)] = grid
            data[table] = new
        if values is not None:
            data["values"] = values
        data["network"] = self.noted(data.get("network"))
        return data

    def noted(self, net: Any) -> Any:
        """[network] with the channel reading said after the user's description (en + zh): which
        2-D maps stand for each tensor of several channels."""
        if not isinstance(net, dict):
            return net
        parts = []
        for key, (layout, n) in self.tensors.items():
            names = [self.nm(key, *i) for i, _ in self.planes(layout, n, [0, 0, 0, 0], self.batches.get(key, 1))]
            parts.append((key, names))
        parts += [(key, [self.nm(key, o) for o in range(n)]) for key, n in self.bias.items()]
        parts += [(key, self.line_names(key, n)) for key, (n, _) in list(self.lines.items())[:1]]
        listed = "; ".join(f"{key} → {', '.join(names) if len(names) <= 3 else names[0] + ' … ' + names[-1]}" for key, names in parts)
        given = net.get("description", "")
        if isinstance(given, str):
            given = {"en": given, "zh": given}
        if not isinstance(given, dict):
            return net
        out = {}
        flat = "spec.shape50.note_flat_nhwc" if self.flat_read == "nhwc" else "spec.shape49.note_flat"
        keys = [flat, "spec.shape48.note"] if self.flat_read else ["spec.shape48.note"]
        if self.mixed:  # a 1×1 convolution by einsum: no kernel maps, a weight entry per channel pair
            keys = ["spec.shape49.note_mix"] + keys * any(lay in ("oikk", "kkio") for lay, _ in self.tensors.values())
        for lang in ("en", "zh"):
            text = given.get(lang, given.get("en", ""))
            out[lang] = text
            for key in keys:  # shape49: the flatten said when it fits
                note = catalog.said(key, listed=listed, w=self.mixed).render(lang)
                joined = f"{text.rstrip()}\n\n{note}" if isinstance(text, str) and text.strip() else note
                # the description's limit (MAX_DESCRIPTION): the user's own text first
                if len(joined) <= MAX_NOTED:
                    out[lang] = joined
                    break
        return {**net, "description": out}

    def fresh(self, name: str, taken: set[str]) -> str:
        if name in taken:
            raise self.refuse(name, catalog.said("spec.shape48.w_taken", x=name))
        return name

    def planes(self, layout: str, n: Any, shape: list[Any], batch: int = 1):
        if layout in ("nchw", "nhwc") and batch > 1:  # shape49: image i, channel c (shape50: NHWC too)
            for i in range(batch):
                for c in range(n):
                    yield (i, c), [shape[2], shape[3]] if layout == "nchw" else [shape[1], shape[2]]
            return
        if layout == "oikk":
            for o in range(n[0]):
                for c in range(n[1]):
                    yield (o, c), [shape[2], shape[3]]
        elif layout == "kkio":
            for o in range(n[1]):
                for c in range(n[0]):
                    yield (o, c), [shape[0], shape[1]]
        elif layout == "nhwc":
            for c in range(n):
                yield (c,), [shape[1], shape[2]]
        elif layout == "nchw":
            for c in range(n):
                yield (c,), [shape[2], shape[3]]
        else:
            for c in range(n):
                yield (c,), [shape[1], shape[2]]

    def value_planes(self, key: str, layout: str, n: Any, v: Any, batch: int = 1):
        self.where = f"[values] {key}"

        def at(a: Any, *index: int) -> Any:
            for i in index:
                if not isinstance(a, list) or not -len(a) <= i < len(a):
                    raise self.refuse(repr(v)[:60], catalog.said("spec.shape48.w_values"))
                a = a[i]
            return a

        if layout == "nchw" and batch > 1:  # shape49: image i, channel c
            for i in range(batch):
                for c in range(n):
                    yield (i, c), at(v, i, c)
            return
        if layout == "nhwc" and batch > 1:  # shape50: image i's [H, W, C], each channel entry by entry
            for i in range(batch):
                image = at(v, i)
                if not isinstance(image, list) or not all(isinstance(r, list) for r in image):
                    raise self.refuse(repr(v)[:60], catalog.said("spec.shape48.w_values"))
                for c in range(n):
                    yield (i, c), [[at(cell, c) for cell in row] for row in image]
            return
        if layout in ("nchw", "chw", "oikk"):
            lead = {"nchw": (0,), "chw": (), "oikk": ()}[layout]
            for index in ([(c,) for c in range(n)] if layout != "oikk" else [(o, c) for o in range(n[0]) for c in range(n[1])]):
                yield index, at(v, *lead, *index)
        else:  # channels last: gather each plane entry by entry
            # (the map's name, the index into each cell): NHWC's [0][i][j][c]; a kernel's [i][j][c][o]
            planes = [((c,), (c,)) for c in range(n)] if layout == "nhwc" else [((o, c), (c, o)) for o in range(n[1]) for c in range(n[0])]
            base = at(v, 0) if layout == "nhwc" else v
            if not isinstance(base, list) or not all(isinstance(r, list) for r in base):
                raise self.refuse(repr(v)[:60], catalog.said("spec.shape48.w_values"))
            for index, inside in planes:
                yield index, [[at(cell, *inside) for cell in row] for row in base]


def expanded(data: Any) -> Any:
    """``data`` with its multi-channel convolution read as per-channel 2-D maps (new tables and
    [forward] lines), or ``data`` itself when no tensor of several channels feeds a convolution;
    a :class:`ChannelError` for a multi-channel spelling that is not read."""
    if not isinstance(data, dict):
        return data
    out = _Reader(data).expand()
    return data if out is None else out
