"""Mutation fuzzing of ``derive check`` on USER networks (spec files), issue 11.

tests/check_fuzz.py fuzzes the built-ins against hand-written PyTorch networks; here the network
is a lecturer's own spec file (tests/specs_course/), and the oracle is the spec's OWN [forward]
text run in PyTorch float64 (tests/spelled_oracle.py, not derive's reading of it) at random
points where all named sizes differ from each other (and from the example's). Each parameter's
right formula (the checker's own expected forms) is edited the student way (check_fuzz's edits)
and judged by

- the **oracle**: the formula's text evaluated with PyTorch (the language's functions as
  spelled_oracle defines them) on the spec text's values and autograd gradients;
- ``derive check`` (text, and printed in LaTeX by derive's printer and read back).

Counted: wrong accepted (must be 0), right rejected, unreadable (the texts are the checker's own
printed language, so unreadable is a reader bug), crashes (anything but a ``FormulaError``).
Test and bench code only: the oracle evaluates our own generated texts and the repository's own
spec files, never user text.
"""

from __future__ import annotations

import functools
import math
import random
import tomllib
import traceback
import warnings
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import check_fuzz
import numpy as np
import spelled_oracle as so
import torch

from derive.checker.check import FormulaError, check
from derive.checker.checknet import net_for
from derive.engine.backprop import derive
from derive.lang import expr as ex
from derive.lang.spec import load, resize
from derive.numeric.verify import example_point, random_point

COURSE = Path(__file__).parent / "specs_course"
TRIALS = 3

# Varied course networks whose `derive verify` passes and whose text the oracle runs at other
# sizes: MLPs with BCE/MSE/CE, leaky/relu/tanh, L2 penalties, layer/batch norm, attention,
# RNN/LSTM/GRU steps, slices, 1-D biases. (trust10's three masked/domain specs are left out.)
SPECS: tuple[str, ...] = (
    "cs231n_two_layer",
    "cs231n_affine_relu",
    "cs231n_batchnorm_alt",
    "cs231n_softmax_vec",
    "cs231n_lstm_step",
    "d2l_mlp_weight_decay",
    "d2l_layernorm_addnorm",
    "d2l_gru_scratch",
    "d2l_rnn_scratch",
    "d2l_softmax_scratch",
    "d2l_linreg",
    "d2l_attention_scoring",
    "ng_l2_colmajor",
    "ng_colmajor_tanh",
    "ng_logreg_np",
    "ng_deep_L4",
    "nielsen_ce_l2",
    "nielsen_quadratic",
    "goodfellow_mlp",
    "leakybce",
    "l2logistic",
    "layernorm",
    "rmsnorm",
    "residual",
    "attention2",
    "masked_attention",
    "elman_rnn3",
    "gru_step",
    "lstm_step",
    "lstm_fused_slices",
    "gru_weight_slices",
    "torch_mlp_ce",
    "torch_f_linear",
    "autoencoder_bce",
    "tied_autoencoder",
    "bce_torch",
    "huber",
    "elastic_net",
    "prelu",
    "hinge",
    "mlp32",
    "softmaxmlp",
    "xigua_bp",
    "makemore_bn",
)


def spec_path(name: str) -> str:
    return str(COURSE / f"{name}.toml")


# ---- the oracle --------------------------------------------------------------------------------


def _max_share(x: torch.Tensor) -> torch.Tensor:
    top = (x == x.amax(dim=1, keepdim=True)).to(x.dtype)
    return top / top.sum(dim=1, keepdim=True)


def _max_mask(x: torch.Tensor) -> torch.Tensor:
    out = torch.zeros_like(x)
    out[torch.arange(x.shape[0]), x.argmax(dim=1)] = 1
    return out


def _full(fill: float):
    def make(shape: Any, *a: Any, **kw: Any) -> torch.Tensor:
        dims = shape if isinstance(shape, tuple | list) else (shape,)
        return torch.full(tuple(int(d) for d in dims), fill, dtype=so.D)

    return make


@functools.cache
def _functions() -> dict[str, Any]:
    """The printed language's functions, over torch (spelled_oracle's definitions)."""
    fns = so._lang()
    np_ns = SimpleNamespace(**{**vars(so._np_shim()), "ones": _full(1.0), "zeros": _full(0.0)})
    fns.update(max_share=_max_share, max_mask=_max_mask, sign=torch.sign, np=np_ns)
    fns.update(relu_grad=lambda x: (so._t(x) > 0).to(so.D), pi=math.pi)
    for name in ("sqrt", "exp", "log", "tanh", "sigmoid", "erf", "relu"):  # of a number too
        fns[name] = functools.partial(lambda f, x: f(so._t(x)), fns[name])
    return fns


def _sizes(s: Any, rng: random.Random) -> dict[str, Any]:
    """Other [dims] values, all different from each other and (where possible) from the
    example's, none 1; every [constants] value changed by 1/9 of itself (the checker's policy:
    right for all sizes and constants, so ``/ delta`` for a ``delta = 1.0`` is wrong)."""
    dims = dict(s.dims)
    pool = [k for k in range(2, 12) if k not in {int(v) for v in dims.values()}]
    pool += [k for k in range(2, 12) if k not in pool]
    out: dict[str, Any] = dict(zip(dims, rng.sample(pool[: max(len(dims), 6)], len(dims))))
    out.update({k: float(v) * 10 / 9 if v else 1 / 9 for k, v in s.constants.items()})
    return out


class Num(torch.Tensor):
    """A float64 tensor whose comparisons are 0/1 numbers, as the checker's language reads them
    (``1 - (z > 0)``; PyTorch refuses arithmetic on a bool tensor)."""

    def __gt__(self, other):  # type: ignore[override]
        return torch.Tensor.__gt__(self, other).to(so.D)

    def __lt__(self, other):  # type: ignore[override]
        return torch.Tensor.__lt__(self, other).to(so.D)

    def __ge__(self, other):  # type: ignore[override]
        return torch.Tensor.__ge__(self, other).to(so.D)

    def __le__(self, other):  # type: ignore[override]
        return torch.Tensor.__le__(self, other).to(so.D)


@dataclass
class Env:
    """One point: every name of the checker's language (derive's 2-D shapes) as a float64
    tensor — inputs and parameters as drawn, intermediates and ``dNAME`` gradients as the spec's
    own text computes them in PyTorch."""

    values: dict[str, Any]
    grads: dict[str, Any]  # name -> ∂L/∂name (in values under the spec's gradient key, dNAME)


def _as_shape(v: Any, shape: tuple[int, ...]) -> torch.Tensor | None:
    t = v if isinstance(v, torch.Tensor) else torch.as_tensor(v, dtype=so.D)
    t = t.detach().to(so.D)
    n = int(np.prod(shape)) if shape else 1
    if t.numel() != n:
        return None
    if t.dim() == 2 and len(shape) == 2 and min(t.shape) > 1 and tuple(t.shape) != shape:
        return None  # a matrix laid out otherwise: no safe correspondence
    return t.reshape(shape).as_subclass(torch.Tensor)


def _env(path: str, trial: int) -> Env | None:
    raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    s = load(path)
    g = derive(s).graph
    rng = random.Random(f"{Path(path).name}:{trial}")  # the same draw in any checkout
    for attempt in range(4):
        sizes = _sizes(s, rng)
        point = random_point(g, 7000 + 13 * trial + attempt, sizes, strict=True)
        if point is None:
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                loss, ns = so.execute(s, raw, point, sizes)
                if loss.requires_grad:
                    loss.backward()
        except (so.Unsupported, RuntimeError, ValueError, TypeError, IndexError):
            continue
        if not torch.isfinite(loss):
            continue
        values = _values(g, s, ns, point, sizes)
        grads = {k: values[s.gkey(k)] for k in s.shapes if s.gkey(k) in values}
        return Env(values, grads)
    return None


def _values(g, s, ns: dict[str, Any], point, sizes: dict[str, int]) -> dict[str, Any]:
    # sizes as Python ints (x[:, d:d + h] slices with them), constants as 0-d tensors
    out: dict[str, Any] = {
        k: int(v) if k in s.dims else torch.tensor(float(v), dtype=so.D) for k, v in sizes.items()
    }
    for name, shape0 in s.shapes.items():
        if name == s.loss or name in s.dims:
            continue
        dims = {k: v for k, v in sizes.items() if k in s.dims}
        shape = tuple(int(resize(d, dims)) for d in shape0) if shape0 != () else ()
        if name in point:
            out[name] = torch.as_tensor(point[name], dtype=so.D).reshape(shape or ())
        elif name in ns:
            t = _as_shape(ns[name], shape)
            if t is not None:
                out[name] = t
        if name in s.inputs:
            continue
        v = ns.get(name)
        if isinstance(v, torch.Tensor):
            grad = v.grad if v.grad is not None else torch.zeros_like(v)
            t = _as_shape(grad, shape)
            if t is not None:
                out[s.gkey(name)] = t
    return out


@functools.lru_cache(maxsize=64)
def envs(path: str) -> tuple[Env, ...]:
    """The oracle's points of ``path`` (fewer than TRIALS: the spec cannot be run resized)."""
    return tuple(e for e in (_env(path, k) for k in range(TRIALS)) if e is not None)


def oracle_right(path: str, wrt: str, text: str) -> bool | None:
    """``text`` equals ∂L/∂wrt (PyTorch on the spec's own text) at every oracle point; None where
    the oracle cannot read it (a function it does not define, a name it has no value of)."""
    points = envs(path)
    if not points:
        return None
    for env in points:
        want = env.grads.get(wrt)
        if want is None:
            return None
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                # our own generated texts, never user text
                names = {
                    k: v.as_subclass(Num) if isinstance(v, torch.Tensor) else v
                    for k, v in env.values.items()
                }
                got = eval(text, dict(_functions()), names)  # noqa: S307
        except (NameError, AttributeError):  # (1 / 2).T: a number's transpose, itself
            return None
        except (RuntimeError, ValueError, TypeError, ZeroDivisionError, IndexError):
            return False
        got = torch.as_tensor(got, dtype=so.D) if not isinstance(got, torch.Tensor) else got
        got = got.to(so.D).as_subclass(torch.Tensor)
        if tuple(got.shape) != tuple(want.shape):
            if got.numel() == 1:
                got = got.reshape(()).expand(want.shape)
            elif got.dim() == 2 and 1 in got.shape:
                try:
                    got = torch.broadcast_to(got, want.shape)
                except RuntimeError:
                    return False
            else:
                return False
        scale = max(float(want.abs().max()) if want.numel() else 0.0, 1e-3)
        if not bool(((got - want).abs() <= 1e-8 * scale).all()):  # relative to the gradient's size
            return False
    return True


# ---- cases and verdicts ------------------------------------------------------------------------


def pool(path: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Each parameter's right formulas (the checker's expected forms) that the oracle confirms,
    and those it does not (an oracle gap: reported, left out)."""
    n = net_for(path, 0)
    good, bad = [], []
    for wrt in n.spec.params:
        t = n.target(wrt)
        for text in dict.fromkeys(x for x in (t.expected, t.expanded) if x):
            (good if oracle_right(path, wrt, text) else bad).append((wrt, text))
    return good, bad


def editable(right: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """The right formulas the edits can work on: those in the spec language's own grammar (an
    expected form with ``np.ones((n, 1))`` is judged as it is, not edited)."""
    out = []
    for wrt, text in right:
        try:
            ex.parse(text, allow_compare=True)
        except ex.ExprError:
            continue
        out.append((wrt, text))
    return out


@dataclass(frozen=True)
class Verdict:
    case: check_fuzz.Case
    form: str  # "text" | "LaTeX"
    oracle: bool | None
    verdict: str  # correct / incorrect / unreadable / crash
    code: str | None
    detail: str = ""

    @property
    def kind(self) -> str:
        if self.verdict == "crash":
            return "crash"
        if self.verdict == "unreadable":
            return "unreadable"
        if self.oracle is None:
            return "oracle cannot read"
        if self.verdict == "correct" and not self.oracle:
            return "wrong accepted"
        kinked = ">=" in self.case.text or "<=" in self.case.text
        if self.oracle and self.verdict == "incorrect" and not (
            kinked or self.code == "circular"
        ):
            return "right rejected"
        return f"{'right' if self.oracle else 'wrong'} → {self.verdict}"


def judge(case: check_fuzz.Case, latex: bool = False) -> Verdict | None:
    """``derive check``'s verdict on ``case`` (in LaTeX: None where it has no LaTeX form)."""
    form = "LaTeX" if latex else "text"
    try:
        o = (
            check_fuzz.judge_latex(case, oracle=oracle_right)
            if latex
            else check_fuzz.judge(case, oracle=oracle_right)
        )
    except Exception as err:  # noqa: BLE001 - a crash is what is being counted
        tb = traceback.format_exc(limit=-2).strip().splitlines()
        return Verdict(case, form, None, "crash", None, f"{type(err).__name__}: {err} {tb[-3:]}")
    if o is None:
        return None
    return Verdict(case, form, o.oracle, o.verdict, o.code)


def right_verdicts(path: str, right: list[tuple[str, str]]) -> list[Verdict]:
    """The right formulas themselves, as text and in LaTeX (nothing edited)."""
    out = []
    for wrt, text in right:
        case = check_fuzz.Case(path, wrt, text, "none")
        out += [v for v in (judge(case), judge(case, latex=True)) if v is not None]
    return out


def value_verdicts(path: str, params: list[str]) -> list[tuple[str, str, str, str]]:
    """Hand numbers of entry [0,0] of each parameter's gradient (float64 truth from the spec
    text at the example point, via the oracle's own run): correct to 4 significant digits, one
    unit off in the 4th on the other side of the truth (right by the README's number policy:
    within one unit in the last digit with at least 3 significant digits), and a slip of 3 %
    (wrong): (wrt, value, expected, verdict)."""
    raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    s = load(path)
    g = derive(s).graph
    point = {k: np.asarray(v, float) for k, v in example_point(g).items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        loss, ns = so.execute(s, raw, point)
        loss.backward()
    out = []
    for p in params:
        grad = ns[p].grad
        if grad is None:
            continue
        true = float(grad.reshape(-1)[0])
        if abs(true) < 1e-6:
            continue
        right = f"{true:#.4g}".rstrip(".")  # 4 significant digits, trailing zeros kept
        slip = f"{true * (1 + 3e-2):#.4g}".rstrip(".")
        tries = [(right, "correct"), (slip, "incorrect")]
        if len(Decimal(f"{true:.12g}").normalize().as_tuple().digits) > 6:
            # not a short exact decimal (0.4375: where the intermediates are exact the policy
            # gives no rounding allowance, so one unit off is wrong there)
            tries.append((_other_side(right, true), "correct"))
        for text, want in tries:
            try:
                r = check(path, _entry(p, ns[p]), value=text)
                got = "correct" if r.ok else "incorrect"
            except FormulaError:
                got = "unreadable"
            except Exception as err:  # noqa: BLE001
                got = f"crash {type(err).__name__}: {err}"
            out.append((p, text, want, got))
    return out


def _other_side(text: str, true: float) -> str:
    """The neighbour of ``text`` (the truth rounded) one unit in its last digit away, on the
    other side of the truth — the truth truncated instead of rounded, at most one unit off."""
    d = Decimal(text)
    unit = Decimal(1).scaleb(d.as_tuple().exponent)
    return str(d - unit if d > Decimal(repr(true)) else d + unit)


def _entry(p: str, t: torch.Tensor) -> str:
    return f"{p}[0]" if t.dim() == 1 else f"{p}[0,0]" if t.dim() == 2 else p
