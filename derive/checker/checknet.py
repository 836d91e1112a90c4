"""One derived network as the checker sees it (:class:`Net`, derived once per process and cached
by :func:`net_for`): the names a formula may use, the points formulas are compared at, float64
values at the example values, and the gradients to check against (:class:`Target`).

Points (exact, 50 digits, :class:`derive.engine.steps.Checker`): ``rand``, :data:`POINTS_PIECEWISE`
random rational points; ``example``, the spec's example values; ``dims``, random points with
every dim and constant set to another value (tells ``m`` from ``2``); ``zero``, a point where
entries of each ReLU input are exactly 0 (``None`` when there is none).
"""

from __future__ import annotations

import ast
import math
import os
import random
import re
from collections import OrderedDict
from fractions import Fraction
from pathlib import Path
from collections.abc import Callable
from typing import Any

import mpmath
import numpy as np
import sympy as sp

from derive.checker import names
from derive.checker.evaluate import System, close, evaluate, same
from derive.checker.formtree import (
    every_node,
    formula_text,
    rebuild,
    rebuilt_every,
    subtrees,
)
from derive.engine import mform as mf
from derive.engine.backprop import BackwardVisit, Derivation, derive
from derive.engine.collect import tidy
from derive.engine.steps import ARG_CAP, DPS, Checker
from derive.engine.tolerance import CHECK_FD_ATOL, CHECK_FD_RTOL, FD_STEP, TINY
from derive.lang import domains, ops
from derive.lang.domains import quotient_names
from derive.lang import expr as ex
from derive.lang.spec import NetSpec, builtin_names, load, relation_value
from derive.numeric import verify as numeric
from derive.numeric.verify import exact_zeros, targets

POINTS = 4  # random points for the exact verdict
POINTS_PIECEWISE = 12  # … when the formula compares (Z > c): thresholds need more samples
DIAG_POINTS = 6  # points compared when diagnosing (float64): piecewise factors need several
CACHE_SIZE = 8


# ---- networks (derived once) --------------------------------------------------------------------

_CACHE: OrderedDict[tuple[Any, ...], Net] = OrderedDict()


def net_for(net: Any, seed: int) -> Net:
    """``net`` (a built-in name, a spec path, a ``NetSpec`` or a ``Derivation``) derived once:
    the last :data:`CACHE_SIZE` are kept; a spec file is derived again when it changes."""
    if isinstance(net, Derivation):
        key: tuple[Any, ...] = ("derivation", id(net), seed)
    elif isinstance(net, NetSpec):
        key = ("spec", id(net), seed)
    else:
        text = os.fspath(net)
        if text in builtin_names():
            key = ("builtin", text, seed)
        else:
            path = Path(text)
            try:
                st = path.stat()
                key = ("file", str(path.resolve()), st.st_mtime_ns, st.st_size, seed)
            except OSError:
                key = ("missing", text, seed)
    hit = _CACHE.get(key)
    if hit is not None and (key[0] not in ("derivation", "spec") or hit.source is net):
        _CACHE.move_to_end(key)
        return hit
    if isinstance(net, Derivation):
        d = net
    else:
        d = derive(net if isinstance(net, NetSpec) else load(os.fspath(net)))
    made = Net(d, seed, net if key[0] in ("derivation", "spec") else None)
    _CACHE[key] = made
    while len(_CACHE) > CACHE_SIZE:
        _CACHE.popitem(last=False)
    return made


LONG_FLOAT = 10**12  # a number this long is a float64's decimal, not one a reader wrote


class Net:
    """One derived network and what all checks on it share: name table, checkers, targets."""

    def __init__(self, d: Derivation, seed: int, source: Any) -> None:
        self.d, self.g, self.spec, self.source = d, d.graph, d.graph.spec, source
        self.seed = seed
        self.visits = {v.name: v for v in d.backward}
        self.kept, self.domains = data_rules(self.g)
        self._lazy: dict[str, Any] = {}
        # targets given one-hot values though not declared so (Nielsen's column y): drawn one-hot
        self.hot = implied_one_hot(self)
        # 0/1 masks not declared so (d2l AutoRec's observed-entries mask): held 0/1
        self.masks = implied_masks(self.spec, self.g)
        self.hot_and_masks = {**self.hot, **dict.fromkeys(self.masks, None)}
        self.rand = (FillChecker if self.kept else PointChecker)(
            defs={
                **d.defs,
                **one_hot_values(self.g, f"rand:{seed}", self.hot_and_masks),
                **self.kept,
            },
            domains=dict(self.domains),
            points=POINTS_PIECEWISE,
            seed=seed,
        )
        self.classes = class_label_symbols(self.spec, self.g)
        self.rand.classes = self.classes
        self.names: dict[str, mf.MExpr] = {}
        # ŷ and P where the loss takes logits (bce_logits(Z, Y): σ(Z)), as formula trees
        self.tree_alias: dict[str, ex.Node] = {}
        self.label_at: dict[str, tuple[str, int, int]] = {}
        self._targets: dict[str, Target] = {}
        self._build_names()
        self._points_defined(self.rand, POINTS_PIECEWISE)

    def _points_defined(self, checker: Checker, count: int) -> None:
        """Draw again each random point where one of the network's own gradients is undefined
        (a ReLU layer whose whole row is 0 under ``F.normalize``: 0/0). Such a point judges
        nobody — the derivation's own formula is undefined there too — and a network where most
        draws are such (SimSiam's: 5 of 12) was left with too few points to tell a right formula
        from one right only at the example values. After the draws :data:`MAX_REDRAW` allows,
        the point stays as it is (skipped where the gradient is undefined, as before)."""
        refs = [self.g.tensors[p].grad_ref(self.g.loss_tex) for p in self.spec.params]
        for k in range(count):
            while any(evaluate(r, System(checker, k)) is None for r in refs):
                if not checker._draw_again(k):
                    break
                checker._select(k)
                leaves = checker.__dict__.get("_leaves", {})
                for key in [key for key in leaves if key[-1] == k]:
                    del leaves[key]

    # names ------------------------------------------------------------------------------
    def _name_entry(self, label: str, tensor: str, i: int, j: int) -> None:
        """``label`` (and ``d`` + label for its gradient) names entry ``[i, j]`` of ``tensor``."""
        g = self.g
        t = g.tensors[tensor]
        s = t.symbols[i, j]
        self.names[label] = mf.Ref(
            label, "value", sp.ImmutableMatrix([[s]]), g.symbol_tex[s], g.loss_tex, (1, 1)
        )
        # an entry's value name wins over another entry's gradient name (CS231n's input dout:
        # its entry dout11 is not ∂L/∂out11)
        if t.grads is not None and "d" + label not in self.label_at:
            self.names["d" + label] = mf.Ref(
                label,
                "grad",
                sp.ImmutableMatrix([[t.grads[i, j]]]),
                g.symbol_tex[s],
                g.loss_tex,
                (1, 1),
            )
        self.label_at[label] = (tensor, i, j)

    def float_constants(self) -> tuple[sp.Rational, ...]:
        """The float64 numbers the network computes with that are not short decimals (np.pi,
        np.sqrt(2 / np.pi): kept exactly as that float's decimal), which the
        handouts print as π, 1/√2, √(2/π): a reader writing those means these numbers."""
        if "floats" not in self._lazy:
            found: set[sp.Rational] = set()
            exprs = [e for e in self.d.defs.values() if isinstance(e, sp.Basic)]
            for v in self.d.backward:
                exprs.extend(s.rhs.value for s in v.entries if isinstance(s.rhs.value, sp.Basic))
            for e in exprs:
                for r in e.atoms(sp.Rational):
                    if max(abs(r.p), r.q) > LONG_FLOAT:
                        found.add(abs(r))
            self._lazy["floats"] = tuple(sorted(found))
        return self._lazy["floats"]

    def op_constants_heldcheck40(self) -> tuple[tuple[float, sp.Expr, str | None], ...]:
        """heldcheck40: the constants a reader may paste as a rounded decimal — every number
        the network's forward and gradient expressions hold that is no whole number (SELU's λ
        and α and their product, F.gelu's 1/√2 and 1/√(2π), √(2/π), hardswish's 1/6, a leaky
        slope), each as (float, exact value, None), with its reciprocal (1.4142 for the
        1/√2 of x/√2); and each [constants] value as (float, exact, its name)."""
        if "op_constants" not in self._lazy:
            found: dict[sp.Expr, None] = {}
            exprs = [e for e in self.d.defs.values() if isinstance(e, sp.Basic)]
            for v in self.d.backward:
                exprs.extend(s.rhs.value for s in v.entries if isinstance(s.rhs.value, sp.Basic))
            for e in exprs:
                for a in e.atoms(sp.Rational, sp.Pow, sp.Mul, sp.NumberSymbol):
                    c = a.as_independent(*a.free_symbols, as_Add=False)[0] if a.free_symbols else a
                    if c.is_number and not c.is_Integer and c != 0:
                        found[abs(c)] = None
            out: list[tuple[float, sp.Expr, str | None]] = []
            for name in self.spec.constants:  # first: a named constant is read as that name's
                sym = self.g.scalars.get(name)
                value = self.g.scalar_values.get(sym) if sym is not None else None
                if value is not None and value != 0 and not value.is_Integer:
                    out.append((abs(float(value)), abs(value), name))
            for c in found:
                try:
                    v = float(c)
                except (TypeError, ValueError):
                    continue
                if math.isfinite(v) and v > 0:  # exactly the number the network holds (a float
                    # constant is held as its float64's decimal; F.gelu's 1/√2 exactly, round 42)
                    out.append((v, c, None))
                    out.append((1 / v, 1 / c, None))
            self._lazy["op_constants"] = tuple(out)
        return self._lazy["op_constants"]

    def _build_names(self) -> None:
        g, loss_tex = self.g, self.g.loss_tex
        for tensor, rows in self.spec.labels.items():
            for i, row in enumerate(rows):
                for j, label in enumerate(row):
                    self._name_entry(label, tensor, i, j)
        self.entry_name: dict[tuple[str, int, int], str] = {}
        labels, aliases = self._entry_labels()
        for (tensor, i, j), label in labels.items():
            self._name_entry(label, tensor, i, j)
            self.entry_name[(tensor, i, j)] = label
        for label, (tensor, i, j) in aliases.items():  # a vector's entry by row and column
            self._name_entry(label, tensor, i, j)
        for name, t in g.tensors.items():
            self.names[name] = t.value_ref(loss_tex)
            if t.grads is not None:
                self.names[self.spec.gkey(name)] = t.grad_ref(loss_tex)
        names = g.scalar_names()
        for name, sym in g.scalars.items():
            self.names[name] = mf.Scalar(sym, names)
        prediction = _prediction(self.spec)
        hats = ("Yhat", "Y_hat", "yhat", "y_hat")
        of_logits = _prediction_of_logits(self.spec)
        if of_logits is not None:  # F.cross_entropy(Z, Y), bce_logits(Z, Y): ŷ is softmax(Z), σ(Z)
            prediction = None
            aliases = (*hats, "P", "p", "probs") if of_logits.func in ("softmax", "exp") else hats
            for alias in aliases:
                if alias not in g.tensors and alias not in self.spec.shapes:
                    self.tree_alias[alias] = of_logits
        if any(h in g.tensors and h != prediction for h in hats):
            prediction = None  # ŷ is the network's own y_hat (Hung-yi Lee's label ŷ), not f
        if prediction is not None:
            for alias in hats:
                if alias not in self.names:
                    self.names[alias] = self.names[prediction]
                    self.names.setdefault("d" + alias, self.names.get(self.spec.gkey(prediction)))
        probs = _probabilities(self.spec)
        if probs is not None:  # P, p: the class probabilities (CS231n's probs)
            for alias in ("P", "p", "probs"):
                if alias not in self.names and alias not in self.spec.shapes:
                    self.names[alias] = self.names[probs]
                    self.names.setdefault("d" + alias, self.names.get(self.spec.gkey(probs)))
        target = _target(self.spec)
        if target is not None:  # y for y_target, Y_true for Y: the names courses give the labels
            for alias in ("Y", "y", "Y_true", "y_true"):
                # not y where the network's Y is another tensor (batch norm's output Y, target T)
                other = alias.swapcase() if len(alias) == 1 else None
                if other in self.g.tensors and other != target:
                    continue
                if alias not in self.names and alias not in self.spec.shapes:
                    self.names[alias] = self.names[target]

    def _entry_labels(
        self,
    ) -> tuple[dict[tuple[str, int, int], str], dict[str, tuple[str, int, int]]]:
        """Entry names of the tensors without [labels], as the walkthroughs print them
        (1-based): ``X_{12}`` → ``X12``, ``Z^{[1]}_{21}`` → ``Z121``, a vector's ``b^{[1]}_{2}``
        → ``b12``; and, as a second name of a vector's entry, its row and column as a matrix's
        entry is written (a column's ``W^{[2]}_{21}`` → ``W221``, a row's ``b^{[1]}_{12}``).
        Only single-digit indices; a name that is taken or made twice is left out."""
        made: dict[str, list[tuple[str, int, int]]] = {}
        second: dict[str, list[tuple[str, int, int]]] = {}
        for name, t in self.g.tensors.items():
            if name in self.spec.labels or name == self.spec.loss:
                continue
            r, c = int(t.shape[0]), int(t.shape[1])
            if (r, c) == (1, 1) or r > 9 or c > 9:
                continue
            for i in range(r):
                for j in range(c):
                    idx = f"{i + 1}{j + 1}" if r > 1 and c > 1 else str(max(i, j) + 1)
                    made.setdefault(name + idx, []).append((name, i, j))
                    if r == 1 or c == 1:
                        second.setdefault(name + f"{i + 1}{j + 1}", []).append((name, i, j))
        taken = set(self.g.tensors) | set(self.names) | set(self.g.scalars)
        labels = {
            at[0]: label
            for label, at in made.items()
            if len(at) == 1 and label not in taken and "d" + label not in taken
        }
        taken |= set(made) | {"d" + k for k in made}
        aliases = {
            label: at[0]
            for label, at in second.items()
            if len(at) == 1 and label not in taken and "d" + label not in taken
        }
        return labels, aliases

    def resolve(self, name: str) -> tuple[str, mf.MExpr] | None:
        """A user's name → (canonical name, leaf), trying the spellings LaTeX produces."""
        found = names.resolve(lambda t: self.names.get(t) is not None, self.spec.constants, name)
        return None if found is None else (found, self.names[found])

    def known(self, name: str) -> bool:
        return self.resolve(name) is not None

    def width(self, name: str) -> int | None:
        """The number of columns of the tensor (or value) a user's name reads, or None."""
        found = self.resolve(name)
        return None if found is None else int(found[1].shape[1])

    # targets ----------------------------------------------------------------------------
    def target(self, name: str) -> Target:
        hit = self._targets.get(name)
        if hit is None:
            hit = self._targets[name] = Target(self, name)
        return hit

    # extra points (built on first use) ------------------------------------------------------
    def free_symbols(self) -> list[tuple[str, sp.Symbol]]:
        return [
            (n, s)
            for n in list(self.spec.inputs) + list(self.spec.params)
            for s in self.g.tensors[n].symbols
        ]

    @property
    def example(self) -> Checker:
        """The spec's example values (exact)."""
        if "example" not in self._lazy:
            defs = dict(self.d.defs)
            for name, rows in self.spec.values.items():
                flat = [v for row in rows for v in row]
                for s, v in zip(self.g.tensors[name].symbols, flat, strict=True):
                    defs[s] = sp.Rational(v.numerator, v.denominator)
            # a kink input that is exactly 0 (3·0.1 − 0.3) is 0 here too, as in the walkthrough
            # (50-digit arithmetic alone would make it 1e-51 and take the other side)
            for node, mask in exact_zeros(self.d).items():
                syms = self.g.tensors[node].symbols
                for i, j in zip(*np.nonzero(mask), strict=True):
                    defs[syms[int(i), int(j)]] = sp.Integer(0)
            # FillChecker: e^x past the identity tests' cap computed at once, as a kept fill
            # mask's (a constant one too: SimCLR's ``sim - 1e9 * eye(M)`` on the diagonal)
            self._lazy["example"] = FillChecker(defs=defs, points=1, seed=self.seed)
        return self._lazy["example"]

    @property
    def other_dims(self) -> Checker:
        """Random points with every dim and constant set to another value (tells ``m`` from 2)."""
        if "dims" not in self._lazy:
            hot = one_hot_values(self.g, f"dims:{self.seed}", self.hot_and_masks)
            defs = {**self.d.defs, **hot, **self.kept}
            primes = [3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]
            used = {int(v) for v in self.g.scalar_values.values() if v.is_Integer}
            free = iter(p for p in primes if p not in used)
            # heldtex47: a constant in an exponent is folded into the derivation as its value (as
            # _resized_points holds it): moved alone, only the answer would move (β-NLL's var ** beta)
            held = {self.g.scalars[n] for n in _exponent_constants_heldtex40(self) if n in self.g.scalars}
            for sym, v in self.g.scalar_values.items():
                if sym in held:
                    continue
                defs[sym] = sp.Integer(next(free, 53)) if v.is_Integer else v + sp.Rational(1, 7)
            if self.spec.relations:  # round 46: confidence = "1 - smoothing" follows
                moved = {n: Fraction(int(defs[s].p), int(defs[s].q)) for n, s in self.g.scalars.items()}
                for name, text in self.spec.relations:
                    moved[name] = Fraction(relation_value(text, moved))
                    defs[self.g.scalars[name]] = sp.Rational(moved[name].numerator, moved[name].denominator)
            self._lazy["dims"] = (FillChecker if self.kept else PointChecker)(
                defs=defs, domains=dict(self.domains), points=DIAG_POINTS, seed=self.seed + 7
            )
            self._lazy["dims"].classes = self.classes
            self._points_defined(self._lazy["dims"], DIAG_POINTS)
        return self._lazy["dims"]

    @property
    def resized(self) -> list[Resized]:
        """float64 points of the *same network at other sizes* (every dim a new value, all
        different, at least 3: a batch of 2 makes batch normalisation degenerate; a dim that is
        1 stays 1) with every constant changed too: a formula right there holds for the network
        in general, not because two sizes happen to coincide (a symbol ``m`` set to another
        value on matrices that keep their rows is not a network: a batch mean would no longer
        be a mean). Empty when the network has no dims."""
        if "resized" not in self._lazy:
            self._lazy["resized"] = _resized_points(self)
        return self._lazy["resized"]

    @property
    def clamped(self) -> frozenset[str]:
        """The inputs of the network's PyTorch ``clamp`` (``h.clamp(min=0)``, ``torch.clamp(h,
        min=0)``, ``clamp_min(0)``, ``np.clip``: the table's ``clamp0``): PyTorch passes their
        gradient where the input is exactly at the bound (``x >= min``), where ``relu`` does not."""
        if "clamped" not in self._lazy:
            self._lazy["clamped"] = _clamped(self.spec)
        return self._lazy["clamped"]

    @property
    def zero(self) -> Checker | None:
        if "zero" not in self._lazy:
            self._lazy["zero"] = _zero_point(self)
        return self._lazy["zero"]

    @property
    def dead(self) -> Checker | None:
        """conv45: a point where one whole window of a kink input is below its kink (a pooling
        window of the ReLU input Z all < 0: a dead window), or None (:func:`_dead_point`)."""
        if "dead" not in self._lazy:
            self._lazy["dead"] = _dead_point(self)
        return self._lazy["dead"]

    def through_dead(self, name: str) -> bool:
        """Does ∂L/∂name pass through a kink the dead-window point puts a window below (name is
        that kink's input or feeds it)? Only those gradients are compared there: a gradient
        taken after the kink meets the pooling's ties of the dead window (max of equal zeros),
        a convention, not a mistake."""
        if self.dead is None:
            return False
        return name in self._lazy["dead_through"]

    @property
    def zero_sides(self) -> tuple[Checker, Checker] | None:
        """The ReLU zero point moved a hair (:data:`KINK_STEP`) to either side of each kink: the
        gradient's one-sided limits there (None when the zero point has none)."""
        if "zero_sides" not in self._lazy:
            sides = None
            if self.zero is not None:
                lo, hi = _zero_point(self, -1), _zero_point(self, 1)
                sides = (lo, hi) if lo is not None and hi is not None else None
            self._lazy["zero_sides"] = sides
        return self._lazy["zero_sides"]

    @property
    def float_env(self) -> dict[str, np.ndarray]:
        """float64 forward values and gradients at the example values (matrix form)."""
        if "float" not in self._lazy:
            with np.errstate(all="ignore"):
                point = numeric.example_point(self.g)
                env = numeric.forward_numeric(self.d, point)
                scal = numeric.scalar_values(self.g)
                env[self.spec.gkey(self.spec.loss)] = np.ones((1, 1))
                for visit in self.d.backward:
                    v = np.asarray(visit.formula.numeric(env, scal), float)
                    env[self.spec.gkey(visit.name)] = (
                        np.broadcast_to(v, env[visit.name].shape).copy()
                        if visit.name in env
                        else np.atleast_2d(v)
                    )
            self._lazy["float"] = (env, scal)
        return self._lazy["float"][0]

    @property
    def float_scalars(self) -> dict[sp.Symbol, float]:
        self.float_env  # noqa: B018 - builds both
        return self._lazy["float"][1]

    def float_leaf(self, r: mf.Ref) -> np.ndarray:
        env = self.float_env
        key = r.key
        if key in env:
            return np.atleast_2d(np.asarray(env[key], float))
        tensor, i, j = self.label_at[r.name]
        src = env[tensor if r.kind == "value" else self.spec.gkey(tensor)]
        return np.array([[float(src[i, j])]])


class Resized:
    """One float64 point of the network at other sizes (a :class:`FloatPoint` for
    :class:`derive.checker.evaluate.System`): forward values by the matrix-form forward pass;
    gradients by the derivation's matrix-form backward rules where they apply at these sizes
    (a rule derived where the batch has one row may not) and agree with central differences of
    the spec's own forward pass; a parameter's gradient whose rule does not apply comes from
    the central differences alone (``loose``: compared at their precision)."""

    def __init__(
        self, net: Net, sizes: dict[str, Any], seed: int, hot: dict[str, bool] | None = None
    ) -> None:
        """``hot``: inputs drawn one-hot here besides the network's implied ones (name →
        one 1 per column instead of per row): the one-hot targets' points at other sizes."""
        d = net.d
        self.sizes, self.gkey, self.seed = sizes, net.spec.gkey, seed
        point = numeric.random_point(d.graph, seed, sizes, strict=True)
        if point is None:
            raise ValueError("no point inside the domain")
        for name in ones_vectors(net.spec):  # a vector of ones stays ones (ones_vectors)
            point[name] = np.ones_like(point[name])
        rng = np.random.default_rng(seed)
        for name in symmetric_inputs_heldcheck28(net.g):  # a scatter matrix stays symmetric
            point[name] = (point[name] + point[name].T) / 2
        for name in net.masks:  # a 0/1 mask stays 0/1 (a one in every row)
            bits = rng.integers(0, 2, point[name].shape).astype(np.float64)
            bits[np.arange(bits.shape[0]), rng.integers(0, bits.shape[1], bits.shape[0])] = 1.0
            point[name] = bits
        for name, columns in {**net.hot, **(hot or {})}.items():  # a target implied one-hot stays one-hot
            t = point[name].T if columns else point[name]
            hot = np.zeros_like(t)
            hot[np.arange(t.shape[0]), rng.integers(0, t.shape[1], t.shape[0])] = 1.0
            point[name] = hot.T if columns else hot
        with np.errstate(all="ignore"):
            env = numeric.forward_numeric(d, point, sizes)
            # heldnets42: constants moved out of the network's domain (the hard-concrete
            # gate's log(-gamma / zeta) once gamma is moved past 0): no point of this network
            loss = np.asarray(env[net.spec.loss])
            if np.iscomplexobj(loss) or not np.all(np.isfinite(loss)):
                raise ValueError("the loss is not a real number at these constants")
            scal = numeric.scalar_values(d.graph, sizes)
            env[net.spec.gkey(net.spec.loss)] = np.ones((1, 1))
            stretched: set[str] = set()  # rules whose value had to be broadcast to the shape
            for visit in d.backward:
                try:
                    v = np.asarray(visit.formula.numeric(env, scal), float)
                    if visit.name in env and v.shape != env[visit.name].shape:
                        stretched.add(visit.name)
                    env[net.spec.gkey(visit.name)] = (
                        np.broadcast_to(v, env[visit.name].shape).copy()
                        if visit.name in env
                        else np.atleast_2d(v)
                    )
                except (ValueError, KeyError, IndexError):  # a rule of the example sizes only
                    continue
            # the parameters' rules checked on a few entries; a node whose rule does not
            # apply here gets all its entries from central differences
            # (parameters included: a rule with a fixed-size 𝟙, the gradient of sum(w ** 2),
            # does not evaluate here, and a few sampled entries would stand for all of them)
            names = [n for n, _ in net.spec.forward[:-1]] + list(net.spec.params)
            missing = [n for n in names if net.spec.gkey(n) not in env]
            fd = _differences(net, point, numeric._scalar_floats(d.graph, sizes), missing)
        self.loose: set[str] = set()
        # a gradient that is exactly 0 (a bias before a centring) is float noise on both sides:
        # compared at the scale of the network's other gradients here
        grads = [
            np.max(np.abs(env[net.spec.gkey(n)]), initial=0.0)
            for n in names
            if net.spec.gkey(n) in env
        ]
        terms = float(max(grads, default=0.0))
        for name, (g, mask) in fd.items():
            mine = env.get(net.spec.gkey(name))
            if mine is not None and mine.shape == g.shape:
                if loose_close(mine[mask], g[mask], terms):
                    continue  # the derivation's rule holds here: its (exact-rule) value
                if name not in stretched or name not in net.spec.params:
                    raise ValueError(f"the rule for {name} does not hold at these sizes")
                # a parameter's rule of the example sizes (a total sum where a size is 1),
                # broadcast here: all its entries from central differences
                scal_f = numeric._scalar_floats(d.graph, sizes)
                g = _differences(net, point, scal_f, [name])[name][0]
            env[net.spec.gkey(name)] = g  # a rule of the example sizes only: central differences
            self.loose.add(name)
        if not all(np.all(np.isfinite(v)) for v in env.values()):
            raise ValueError("not finite")
        self.float_env, self.float_scalars = env, scal

    def float_leaf(self, r: mf.Ref) -> np.ndarray:
        key = r.key
        return np.atleast_2d(np.asarray(self.float_env[key], float))

    def agrees(self, name: str, mine: np.ndarray, terms: float = 0.0) -> bool:
        """Is ``mine`` the gradient of ``name`` here (at the precision of its source)?
        ``terms``: the largest magnitude among the terms ``mine`` was computed from; the
        absolute tolerance is relative to it where it exceeds the gradient's own (float64 sums
        of large terms that cancel to an exact 0: VICReg's ∂L/∂b)."""
        want = self.float_env.get(self.gkey(name))
        if want is None or mine.shape != want.shape:
            return False
        return loose_close(mine, want, terms) if self.loose else close(mine, want, terms)


def _differences(
    net: Net, point: dict[str, np.ndarray], scal: dict[str, float], every: list[str]
) -> dict[str, tuple[np.ndarray, np.ndarray]]:
    """∂L/∂X by central differences of the spec's own float64 forward pass (the prediction used
    as it is: no fused loss), X moved entry by entry and everything after it recomputed: a few
    entries of every parameter (:data:`FD_ENTRIES`) and all entries of the nodes ``every``.
    ``{X: (values, mask of the entries computed)}``."""

    class Plain(domains.Evaluator):
        def fused(self, n: ex.Call) -> np.ndarray | None:
            return None

    forward = net.spec.forward
    loss = net.spec.loss
    base = {k: np.atleast_2d(np.asarray(v, dtype=np.float64)) for k, v in point.items()}
    order = [n for n, _ in forward]
    # heldcheck47: a stop-gradient line (beta-NLL's var_detached = var ** beta) keeps its
    # value when what it reads moves: no gradient passes through it, so none through its
    # differences either (recomputed, the differences took the path the rules leave out, and
    # every point at other sizes was refused as "the rule does not hold")
    stopped = set(getattr(net.spec, "detached", ()))

    def run(moved: str, idx: tuple[int, ...], delta: float, start: dict[str, np.ndarray]) -> float:
        ev = Plain(forward, scal)
        ev.env = dict(start)
        if moved in ev.env and moved not in order:
            ev.env[moved] = ev.env[moved].copy()
            ev.env[moved][idx] += delta
        after = order.index(moved) if moved in order else -1
        for k, (name, tree) in enumerate(forward):
            if k < after:
                continue  # before the moved node nothing changes
            ev.node = name
            if k == after:
                value = start[name].copy()
                value[idx] += delta
            elif name in stopped:
                value = start[name]
            else:
                with np.errstate(all="ignore"):
                    value = np.atleast_2d(np.asarray(ev.ev(tree), dtype=np.float64))
            ev.env[name] = value
        return float(ev.env[loss][0, 0])

    try:
        full = Plain(forward, scal).run(base)
        out = {}
        rng = random.Random(0)
        for name in dict.fromkeys([*net.spec.params, *every]):
            shape = full[name].shape
            idx = list(np.ndindex(*shape))
            if name not in every and len(idx) > FD_ENTRIES:
                idx = rng.sample(idx, FD_ENTRIES)
            g, mask = np.zeros(shape), np.zeros(shape, bool)
            for i in idx:
                up = run(name, i, FD_STEP, full)
                down = run(name, i, -FD_STEP, full)
                g[i], mask[i] = (up - down) / (2 * FD_STEP), True
            if not np.all(np.isfinite(g)):
                raise ValueError("finite differences undefined")
            out[name] = (g, mask)
    except domains._Stop as err:
        raise ValueError("outside a domain") from err
    return out


FD_ENTRIES = 3  # entries of each parameter whose rule is checked by central differences


def loose_close(a: np.ndarray, b: np.ndarray, terms: float = 0.0) -> bool:
    """Equal at the precision of central differences (:data:`~derive.engine.tolerance.CHECK_FD_RTOL`;
    the absolute part relative to ``b``'s largest entry or ``terms``, whichever is larger)."""
    if a.shape != b.shape:
        return False
    scale = max(float(np.max(np.abs(b), initial=0.0)), terms, TINY)
    return bool(np.all(np.abs(a - b) <= CHECK_FD_RTOL * np.abs(b) + CHECK_FD_ATOL * scale))


def _exponent_constants_heldtex40(net: Net) -> set[str]:
    """The constants a forward line uses in an exponent (``mu ** (1 - p)``, ``pow(x, q)``)."""
    found: set[str] = set()
    for text in net.spec.forward_text.values():
        for m in re.finditer(r"\*\*\s*(\([^()]*\)|[\w.]+)|\b(?:pow|power)\([^,]*,([^)]*)\)", text):
            found.update(n for n in net.spec.constants if re.search(rf"\b{re.escape(n)}\b", m.group(1) or m.group(2) or ""))
    return found


def resized_one_hot(net: Net, hot: dict[str, bool]) -> list[Resized]:
    """The points of :attr:`Net.resized` (same sizes, constants and seeds) with the inputs
    ``hot`` one-hot (name → one 1 per column): where a formula with the one-hot
    simplification is measured at other sizes (round 47). Empty where none can be drawn."""
    key = f"resized-hot:{sorted(hot.items())}"
    if key not in net._lazy:
        out = []
        for p in net.resized:
            try:
                out.append(Resized(net, p.sizes, p.seed, hot))
            except (ValueError, KeyError, IndexError, ArithmeticError):
                out = []
                break
        net._lazy[key] = out
    return net._lazy[key]


def _resized_points(net: Net, count: int = 2) -> list[Resized]:
    dims = dict(net.spec.dims)
    if not dims:
        return []
    sizes: dict[str, Any] = {}
    used: set[int] = set()
    for name, v in dims.items():  # the smallest new value >= 3: not the old one, not taken
        new = next(k for k in range(3, 64) if k != int(v) and k not in used)
        used.add(new)
        sizes[name] = new
    powers = _exponent_constants_heldtex40(net)
    # heldnets42: each constant moved by 1/7; where that leaves the network's domain (no draw
    # gives a real loss: a constant whose sign matters, log(-gamma / zeta)), by a seventh of
    # itself instead, which keeps its sign
    for moved in (lambda v: v + 1 / 7, lambda v: v * 8 / 7 if v else v + 1 / 7):
        for name, v in net.spec.constants.items():
            # heldtex40: a constant in an exponent (Tweedie's mu ** (1 - p), focal's ** gamma)
            # is folded into the derivation as its value; moved alone, only the answer would move
            sizes[name] = float(v) if name in powers else moved(float(v))
        for name, text in net.spec.relations:  # round 46: confidence = "1 - smoothing" follows
            if name in powers:  # held at its value: so are the names it is written with
                for used in re.findall(r"[A-Za-z_]\w*", text):
                    if used in net.spec.constants:
                        sizes[used] = float(net.spec.constants[used])
        for name, text in net.spec.relations:
            sizes[name] = float(relation_value(text, sizes))
        out: list[Resized] = []
        for k in range(4 * count):  # a draw where a loss saturates in float64 is drawn again
            try:
                out.append(Resized(net, sizes, net.seed + 101 + k))
            except (ValueError, KeyError, IndexError, ArithmeticError):
                continue
            if len(out) == count:
                return out
        if out or not net.spec.constants:
            break
    return []  # fewer than `count` usable draws: no re-check at other sizes


# ---- the gradient being checked -----------------------------------------------------------------


class Target:
    """``∂L/∂name``: its true values at the points (cached), its formula as printed (``expected``,
    ``expanded``, ``tex``), and how it reads upstream gradients."""

    def __init__(self, net: Net, name: str) -> None:
        self.net, self.name = net, name
        self.visit: BackwardVisit = net.visits[name]
        self.formula = self.visit.formula
        t = net.g.tensors[name]
        self.ref = t.grad_ref(net.g.loss_tex)
        self.shape = (int(t.shape[0]), int(t.shape[1]))
        self._truth: dict[tuple[str, int], np.ndarray | None] = {}
        self.smooth_zero = False  # heldtex41: the truth at the zero point is a two-sided slope
        self.zero_convention: np.ndarray | None = None  # then also derive's own value there
        shown = self.shown(self.formula)  # reg * W, not reg/2 * W + reg/2 * W
        self.expected = formula_text(shown)
        self.expanded = formula_text(self.shown(self.expand(self.formula)))
        self.tex = shown.tex()

    def shown(self, m: mf.MExpr) -> mf.MExpr:
        """``m`` as the walkthroughs print it (:func:`derive.engine.collect.tidy`: constants
        folded, like terms collected) where that is the same matrix at two of the checker's
        exact points; ``m`` otherwise."""
        try:
            t = tidy(m)
        except (TypeError, ValueError, AttributeError, RecursionError):
            return m
        if t == m or t.shape != m.shape:
            return m
        for k in (0, 1):
            a, b = evaluate(m, System(self.net.rand, k)), evaluate(t, System(self.net.rand, k))
            if a is None or b is None or not close(b, a):
                return m
        return t

    def truth(self, k: int, where: str = "rand") -> np.ndarray | None:
        key = (where, k)
        if key not in self._truth:
            self._truth[key] = evaluate(self.ref, System(self.checker(where), k))
            if where == "zero":
                self._truth[key] = self._two_sided(self._truth[key])
        return self._truth[key]

    def _two_sided(self, at: np.ndarray | None) -> np.ndarray | None:
        """The truth at the ReLU zero point: where the gradient's one-sided limits at the kinks
        agree, the network's function is differentiable there, and its derivative is that limit
        (ELU with α = 1 spelled ``maximum(Z, 0) + minimum(0, α(exp(Z) − 1))``: slope 1 from both
        sides, PyTorch's ½ + ½α too), not the 0 that relu's convention gives on each piece;
        where they differ (a true kink), the convention's value ``at`` stays."""
        sides = self.net.zero_sides
        if sides is None or at is None:
            return at
        lo, hi = (evaluate(self.ref, System(ck, 0)) for ck in sides)
        if lo is None or hi is None or not same(lo, hi) or same(at, hi):
            return at
        self.smooth_zero = True
        self.zero_convention = at  # derive's own value there: its walkthrough's formula
        return hi

    def clamp_differs(self) -> bool:
        """Does this gradient pass through PyTorch's ``clamp`` (its derivative ``1[h >= 0]``,
        ``clamp0_grad``, is 1 at the bound where a ReLU's is 0)?"""
        return bool(self.net.clamped) and _has_clamp(self.expand(self.visit.formula))

    def checker(self, where: str) -> Checker:
        n = self.net
        if where == "rand":
            return n.rand
        if where == "example":
            return n.example
        if where == "dims":
            return n.other_dims
        if where == "dead":  # conv45
            assert n.dead is not None
            return n.dead
        assert where == "zero" and n.zero is not None
        return n.zero

    def expand(self, e: mf.MExpr) -> mf.MExpr:
        """``e`` with every upstream gradient replaced by its formula (forward values only)."""
        if isinstance(e, mf.Ref) and e.kind == "grad" and e.name in self.net.visits:
            return self.expand(self.net.visits[e.name].formula)
        kids = subtrees(e)
        return rebuild(e, tuple(self.expand(k) for k in kids)) if kids else e

    def upstream(self) -> list[str]:
        """This visit and the visits its formula reads, nearest first (through every kind of
        node: a correlation's δZ inside ``correlate2d(X, δZ)`` too)."""
        order, todo = [], [self.name]
        while todo:
            n = todo.pop(0)
            if n in order or n not in self.net.visits:
                continue
            order.append(n)
            for e in every_node(self.net.visits[n].formula):
                if isinstance(e, mf.Ref) and e.kind == "grad":
                    todo.append(e.name)
        return order

    def substitute(self, e: mf.MExpr, node: str, local: mf.MExpr) -> mf.MExpr | None:
        """``e`` with ``∂L/∂node`` replaced by ``local``, through the chain of visits."""
        if isinstance(e, mf.Ref) and e.kind == "grad":
            if e.name == node:
                return local
            if e.name in self.net.visits and node in self.net.target(e.name).upstream():
                return self.substitute(self.net.visits[e.name].formula, node, local)
            return e
        kids = subtrees(e)
        if kids:
            new = [self.substitute(k, node, local) for k in kids]
            if any(k is None for k in new):
                return None
            return rebuild(e, tuple(new))  # type: ignore[arg-type]
        return rebuilt_every(e, lambda k: self._inside(k, node, local))

    def _inside(self, e: mf.MExpr, node: str, local: mf.MExpr) -> mf.MExpr | None:
        """:meth:`substitute` inside a node that fixes its operands' sizes (a correlation, a
        pool, a slice): a replacement of another shape is not made there (``e`` as it is)."""
        new = self.substitute(e, node, local)
        if new is None or tuple(new.shape) != tuple(e.shape):
            return e
        return new


# ---- the special point where ReLU inputs are exactly zero ---------------------------------------


def distribution_row(rng: random.Random, n: int) -> list[sp.Rational]:
    """``n`` positive rationals summing to 1 (a probability row: soft labels, a teacher's
    probabilities), drawn from ``rng``."""
    weights = [rng.randint(1, 97) for _ in range(n)]
    return [sp.Rational(w, sum(weights)) for w in weights]


def one_hot_values(
    g: Any, key: str, implied: dict[str, bool | None] | None = None
) -> dict[sp.Symbol, sp.Integer]:
    """Each input declared one-hot as rows with a single 1 (in a column drawn per row from
    ``key``), or as columns with a single 1 (``kind = "one-hot-columns"``), and each target
    ``implied`` one-hot (:func:`implied_one_hot`: name -> in columns): the only values such
    a target takes. The engine's identity tests draw rows that
    merely sum to 1, all its fused softmax + cross-entropy step uses; but a loss written out over
    one-hot rows (d2l's ``-log((ŷ * y).sum(1))``) has the gradient ``(ŷ − y)/m`` on one-hot
    rows only, and a course's answer is judged on the targets the network declares."""
    rng = random.Random(f"one-hot:{key}")
    out: dict[sp.Symbol, sp.Integer] = {}
    implied = implied or {}
    for name in (*g.spec.one_hot, *g.spec.one_hot_columns, *implied):
        syms = g.tensors[name].symbols
        if name in implied and implied[name] is None:  # a 0/1 mask: as given (the example's
            given = [v for row in g.spec.values[name] for v in row]  # domain holds with it)
            out.update({sym: sp.Integer(int(v)) for sym, v in zip(syms, given, strict=True)})
            continue
        if name in g.spec.one_hot_columns or implied.get(name):  # one example per column
            syms = syms.T
        rows, cols = int(syms.shape[0]), int(syms.shape[1])
        if name in g.spec.distributions:  # rows of positive rationals summing to 1
            for i in range(rows):
                out.update(zip(syms[i, :], distribution_row(rng, cols), strict=True))
            continue
        first = rng.randrange(cols)
        for i in range(rows):
            hot = (first + i) % cols if i < cols else rng.randrange(cols)  # every class early
            for j in range(cols):
                out[syms[i, j]] = sp.Integer(int(j == hot))
    for name in g.spec.ones:  # np.ones((m, 1)): a constant, 1 at every point
        out.update({sym: sp.Integer(1) for sym in g.tensors[name].symbols})
    for name in symmetric_inputs_heldcheck28(g):  # a scatter matrix stays symmetric
        syms = g.tensors[name].symbols
        n = int(syms.shape[0])
        if not any(sym in out for sym in syms):  # a mask's or one-hot's own values stay
            out.update({syms[j, i]: syms[i, j] for i in range(n) for j in range(i + 1, n)})
    for name in g.spec.eyes:  # np.eye(n): the identity at every point
        syms = g.tensors[name].symbols
        out.update(
            {
                syms[i, j]: sp.Integer(int(i == j))
                for i in range(syms.shape[0])
                for j in range(syms.shape[1])
            }
        )
    return out


def _hot_axis(rows: Any) -> set[bool]:
    """The axes along which the 2-D ``rows`` are one-hot (a single 1, the rest 0, two or more
    entries): False for rows, True for columns."""
    out: set[bool] = set()
    for columns, lines in ((False, rows), (True, list(zip(*rows, strict=True)))):
        if lines and all(len(v) > 1 and sorted(v) == [0] * (len(v) - 1) + [1] for v in lines):
            out.add(columns)
    return out


def _plain_shape(net: Net, n: ex.Node) -> tuple[int, int] | None:
    """The shape at the example of a plain tree over the network's tensors (names, ``@``,
    element-wise ``+ - * /`` of equal shapes, transposes), or None."""
    if isinstance(n, ex.Name) and n.id in net.g.tensors:
        shape = tuple(int(d) for d in net.g.tensors[n.id].symbols.shape)
        return (shape[0], shape[1]) if len(shape) == 2 else None
    if isinstance(n, ex.Transpose):
        inner = _plain_shape(net, n.operand)
        return None if inner is None else (inner[1], inner[0])
    if isinstance(n, ex.BinOp):
        left, right = _plain_shape(net, n.left), _plain_shape(net, n.right)
        if left is None or right is None:
            return None
        if n.op == "@":
            return (left[0], right[1]) if left[1] == right[0] else None
        return left if n.op in "+-*/" and left == right else None
    return None


def _log_probabilities(net: Net, other: ex.Node) -> sp.Matrix | None:
    """The probabilities whose log ``other`` is (``log(P)``, a node ``log(P)``, a node
    ``log_softmax(Z)``), as the SymPy matrix of their entries, or None. An inline
    ``log_softmax(Z)`` of a plain ``Z`` (``torch.log_softmax(h @ W2, dim=1)`` inside the loss)
    stands for rows that sum to 1 by construction: a matrix of that shape with each row's
    entries summing to 1 (only the sums are read)."""
    tensors, forward = net.g.tensors, dict(net.spec.forward)
    if isinstance(other, ex.Name) and other.id in forward:
        tree = forward[other.id]
        if isinstance(tree, ex.Call) and tree.func == "log_softmax":
            return tensors[other.id].symbols.applyfunc(sp.exp)
        other = tree
    if (
        isinstance(other, ex.Call)
        and other.func == "log_softmax"
        and len(other.args) == 1
        and not other.kwargs
    ):
        shape = _plain_shape(net, other.args[0])
        if shape is not None and shape[1] > 1:
            return sp.Matrix(shape[0], shape[1], lambda i, j: sp.Rational(1, shape[1]))
    if isinstance(other, ex.Call) and other.func == "log" and len(other.args) == 1:
        arg = other.args[0]
        if isinstance(arg, ex.Name) and arg.id in tensors:
            return tensors[arg.id].symbols
    return None


def softmax_targets(net: Net) -> dict[str, set[bool]]:
    """Inputs not declared one-hot that multiply the log of probabilities in a scalar node — a
    cross-entropy against a softmax (``-np.sum(y * np.log(a2))``, ``-(T * LS).sum()`` with
    ``LS = log_softmax(S)``) —, each with the axes along which those probabilities sum to 1 at
    the example (False rows, True columns); a sigmoid's probabilities sum to 1 along none.
    The product may sit in a column of per-example losses that a later node sums
    (:func:`_row_losses_heldcheck35`) and its target be negated: CMU 11-785's ``crossentropy =
    (-Y * np.log(A)) @ np.ones((C, 1))`` (c35t-170: its ``(A - Y)/N`` was judged at rows that
    merely sum to 1)."""
    if "softmax_targets" in net._lazy:
        return net._lazy["softmax_targets"]  # type: ignore[no-any-return]
    spec = net.spec
    out: dict[str, set[bool]] = net._lazy.setdefault("softmax_targets", {})
    for key, tree in spec.forward:
        if tuple(int(d) for d in net.g.tensors[key].shape) != (1, 1) and not _row_losses_heldcheck35(
            net, key
        ):
            continue
        for n in _walk(tree):
            if not (isinstance(n, ex.BinOp) and n.op == "*"):
                continue
            for y, other in ((n.left, n.right), (n.right, n.left)):
                y = y.operand if isinstance(y, ex.Neg) else y  # CMU's (-Y * np.log(A))
                if (
                    not isinstance(y, ex.Name)
                    or y.id not in spec.inputs
                    or y.id in spec.one_hot
                    or y.id in spec.one_hot_columns
                    or y.id in out
                ):
                    continue
                probs = _log_probabilities(net, other)
                if probs is None or probs.shape != net.g.tensors[y.id].symbols.shape:
                    continue
                axes = {
                    columns
                    for columns in (False, True)
                    if all(
                        abs(sum(net.example.value(p, 0) for p in line) - 1) < 1e-9
                        for line in (probs.T.tolist() if columns else probs.tolist())
                    )
                }
                if axes:
                    out[y.id] = axes
    return out


def _row_losses_heldcheck35(net: Net, key: str) -> bool:
    """Is node ``key`` a column of per-example losses that a later node sums to the scalar
    loss (CMU 11-785's ``crossentropy = (-Y * np.log(A)) @ np.ones((C, 1))``, then
    ``np.ones((N, 1)).T @ crossentropy / N``): an N × 1 node used only by nodes of one entry?"""
    shape = tuple(int(d) for d in net.g.tensors[key].shape)
    if len(shape) != 2 or shape[1] != 1 or shape[0] < 2:
        return False
    users = [k for k, tree in net.spec.forward if k != key and key in ex.names(tree)]
    return bool(users) and all(
        tuple(int(d) for d in net.g.tensors[k].shape) == (1, 1) for k in users
    )


def implied_one_hot(net: Net) -> dict[str, bool]:
    """Targets one-hot though not declared so (Nielsen's ``y = ["n_out", 1]`` with the given
    ``[values] y = [[0], [1], [0]]``, his cost ``-np.sum(y * np.log(a2))``): a
    :func:`softmax_targets` input whose given values are one-hot (a single 1 in two or more
    entries) along an axis its probabilities sum to 1. A gradient written for one-hot labels
    (``a2 - y``) is the gradient at such labels, as PyTorch finds at the example; a target that
    is drawn, given other values, or the 0/1 column of a sigmoid's cross-entropy is not one.
    name -> in columns."""
    spec = net.spec
    out: dict[str, bool] = {}
    targets = {**picking_targets_heldcheck33(net), **softmax_targets(net)}
    for name, axes in targets.items():
        if name in spec.generated or name not in spec.values:
            continue
        hot = sorted(axes & _hot_axis(spec.values[name]))
        if hot:
            out[name] = hot[0]
    return out


def picking_targets_heldcheck33(net: Net) -> dict[str, set[bool]]:
    """Inputs not declared one-hot that pick one score per example — ``sum(S * Y, axis=1)``,
    CS231n's multiclass SVM's correct-class score (``correct = sum(S * Y, axis=1)``, then
    ``relu(S - correct + 1) * (1 - Y)``) — and are no side of a matrix product nor an argument
    of a function: labels, each with the axis its sum runs along (False rows: ``axis=1``; True
    columns: ``axis=0``). With one-hot given values they are one-hot (:func:`implied_one_hot`),
    as a course's ``binary - Y * binary.sum(1)`` assumes (c33-130)."""
    spec, out = net.spec, {}
    data: set[str] = set()  # inputs in a matrix product or under a function: not labels
    for _, tree in spec.forward:
        for n in _walk(tree):
            if isinstance(n, ex.BinOp) and n.op == "@" or isinstance(n, ex.Call) and n.func != "sum":
                data.update(k for a in ((n.left, n.right) if isinstance(n, ex.BinOp) else n.args) for k in ex.names(a))
    for _, tree in spec.forward:
        for n in _walk(tree):
            if not (isinstance(n, ex.Call) and n.func == "sum" and len(n.args) == 1):
                continue
            axis = dict(n.kwargs).get("axis")
            prod = n.args[0]
            if not (isinstance(axis, ex.Num) and axis.value in (0, 1) and isinstance(prod, ex.BinOp) and prod.op == "*"):
                continue
            for y, other in ((prod.left, prod.right), (prod.right, prod.left)):
                if (
                    isinstance(y, ex.Name)
                    and y.id in spec.inputs
                    and y.id not in spec.one_hot
                    and y.id not in spec.one_hot_columns
                    and y.id not in data
                    and not (isinstance(other, ex.Name) and other.id in spec.inputs)
                ):
                    out.setdefault(y.id, set()).add(axis.value == 0)
    return out


def symmetric_inputs_heldcheck28(g: Any) -> tuple[str, ...]:
    """Inputs that are symmetric matrices though not declared so (西瓜书's LDA scatter matrices
    S_b and S_w, a covariance, an undirected graph's adjacency): declared square with one size
    name on both axes (``["d", "d"]``: a batch of data, ``["m", "n"]``, never qualifies even
    where m = n), and given values that are symmetric with an entry off the diagonal. A
    gradient written for a symmetric S (``2 S w`` for ``(S + Sᵀ) w``) is right for every such
    input: it is drawn symmetric at the checker's points (each entry below the diagonal the one
    above it) and at other sizes. One-hot, identity and mask inputs keep their own rules."""
    spec, out = g.spec, []
    taken = {*spec.one_hot, *spec.one_hot_columns, *spec.ones, *spec.eyes, *spec.generated}
    for name in spec.inputs:
        rows, t = spec.values.get(name), g.tensors.get(name)
        if name in taken or not rows or t is None or len(t.shape) != 2:
            continue
        label = getattr(t.shape[0], "label", None)
        if label is None or label != getattr(t.shape[1], "label", None):
            continue
        try:
            m = np.array([[float(v) for v in row] for row in rows])
        except (TypeError, ValueError):
            continue
        if m.ndim != 2 or m.shape[0] != m.shape[1] or m.shape[0] < 2:
            continue
        off = m[~np.eye(m.shape[0], dtype=bool)]
        if np.array_equal(m, m.T) and np.any(off != 0):
            out.append(name)
    return tuple(out)


def implied_masks(spec: NetSpec, g: Any) -> tuple[str, ...]:
    """Inputs that are 0/1 masks though not declared so (d2l AutoRec's ``((R - pred) * mask) **
    2``, the observed ratings): given values all 0 or 1 with both present, and every use a
    factor of an element-wise product with a tensor (not a number: ``2 * y − 1`` is a label
    made ±1, whose gradient formulas in ``y`` hold only at 0/1 labels) — never a loss's
    target, an argument of a function or a side of ``@``. A gradient written for a 0/1 mask
    (``* mask`` for ``* mask ** 2``) is right for every mask: such an input keeps its given 0/1 values at the checker's exact points (the
    example's domain holds with them: a row of zeros under a log or a divisor is not drawn) and
    is drawn 0/1, a one in every row, at other sizes. Not a mask: an input directly in a divisor
    or under a log/root (SupCon's / (mask * logits_mask).sum(1)), which is drawn as before."""
    out = []
    taken = {
        *spec.one_hot,
        *spec.one_hot_columns,
        *spec.ones,
        *spec.eyes,
        *spec.generated,
        *targets(g),
    }
    roles = domains.roles(
        spec.forward, spec.one_hot, spec.bernoulli
    )  # a BCE/CE target, a log's argument
    roles = {**roles, **dict.fromkeys(_loss_arguments(spec), "target")}
    # not a mask: an input directly in a divisor or under a log/root (SupCon's / (mask *
    # logits_mask).sum(1)), where other 0/1 values could leave a row without ones
    divisors: set[str] = set()
    for _, tree in spec.forward:
        for n in _walk(tree):
            if isinstance(n, ex.BinOp) and n.op == "/":
                under = [n.right]
            elif isinstance(n, ex.Call) and n.func in ops.OPS:
                doms = ops.get(n.func).domain
                under = [a for a, d in zip(n.args, doms, strict=False) if d in _NOT_ZERO]
            else:
                continue
            divisors.update(k for u in under for k in ex.names(u))
    for name in spec.inputs:
        rows = spec.values.get(name)
        if name in taken or not rows:
            continue
        flat = {v for row in rows for v in row}
        if flat != {0, 1}:
            continue
        uses, factors = 0, 0
        for _, tree in spec.forward:
            for n in _walk(tree):
                for k in ex.children(n):
                    if k == ex.Name(name):
                        uses += 1
                        if isinstance(n, ex.BinOp) and n.op == "*":
                            other = n.right if n.left == k else n.left
                            # a number times it (``2 * y - 1``, 0/1 labels made ±1) scales
                            # the input; a mask multiplies a tensor
                            factors += not _log_of(other) and not isinstance(other, ex.Num)
        if uses and uses == factors and name not in roles and name not in divisors:
            out.append(name)
        elif uses and name in spec.bernoulli and roles.get(name) == "binary":
            # declared kind = "binary" (a padding mask counted by count_nonzero(mask)), no
            # target: drawn 0/1 as declared, so Σ mask (its count of ones) is right (c36t-244)
            out.append(name)
    return tuple(out)


_LOSS_CALL = re.compile(r"(entropy|loss|bce|nll|hinge|logits)", re.I)


def _loss_arguments(spec: NetSpec) -> set[str]:
    """Names inside a loss function's call as the spec writes it (``labels=y`` of TensorFlow's
    sigmoid cross-entropy, lowered to ``softplus(z) − y·z`` where ``y`` is a mere factor)."""
    out: set[str] = set()
    for text in spec.forward_text.values():
        try:
            tree = ast.parse(text, mode="eval")
        except SyntaxError:
            continue
        for n in ast.walk(tree):
            if isinstance(n, ast.Call):
                f = n.func.attr if isinstance(n.func, ast.Attribute) else getattr(n.func, "id", "")
                if _LOSS_CALL.search(f):
                    parts = [*n.args, *(k.value for k in n.keywords)]
                    out.update(x.id for p in parts for x in ast.walk(p) if isinstance(x, ast.Name))
    return out


_NOT_ZERO = ("positive", "nonnegative")  # domains a row of a mask's zeros may leave


def _log_of(n: ex.Node) -> bool:
    """``n`` is a log (``y * log(p)``: a cross-entropy's target, not a mask)."""
    return isinstance(n, ex.Call) and n.func in ("log", "log_softmax", "log_sigmoid")


def _walk(node: ex.Node) -> list[ex.Node]:
    out = [node]
    for child in ex.children(node):
        out.extend(_walk(child))
    return out


#: a number this large times a data input is a fill mask (``scores + (1 − mask)·(−1e9)``)
FILL = Fraction(10) ** 6


#: e^x up to this x is computed where a fill mask sits (e^{1e9} is an mpf with a large exponent,
#: computed at once); the engine's identity tests cap table functions' arguments at ARG_CAP
FILL_EXP_CAP = 1e12


class PointChecker(Checker):
    """The checker's random points: as the engine's, except that an input compared with a
    number (``torch.where(y == 0, -1.0, 1.0)``, ``(R != 0)``, ``y == -1``; ``classes``: its
    symbols and the values to draw) is drawn from those numbers and 0, 1 at every other point.
    Random reals never equal the number, so every point would take one branch of the
    comparison, and a formula right only there (``σ(z) − 1`` for the ±1 labels' gradient) would
    pass as right for all values; the other points keep real values, where a formula right only
    for 0/1 labels (``σ(z) − y``) shows as not the gradient in general."""

    classes: dict[sp.Symbol, tuple[int | Fraction, ...]] = {}

    def _sample(self, sym: sp.Symbol, k: int) -> mpmath.mpf:
        values = self.classes.get(sym) if k % 2 == 0 else None
        if values:
            rng = random.Random(f"{self.seed}:{k}:{self._redraw.get(k, 0)}:class:{sym.name}")
            v = Fraction(rng.choice(values))
            return mpmath.mpf(v.numerator) / v.denominator
        return super()._sample(sym, k)


def class_label_symbols(spec: NetSpec, g: Any) -> dict[sp.Symbol, tuple[Fraction, ...]]:
    """The entries of the inputs compared with a number anywhere in the forward pass
    (:func:`domains.equality_classes`), each with the values drawn for it: the numbers it is
    compared with, and 0 and 1."""
    out: dict[sp.Symbol, tuple[Fraction, ...]] = {}
    for name, ks in sorted(domains.equality_classes(spec.forward).items()):
        if name in spec.inputs:
            values = tuple(sorted(ks | {Fraction(0), Fraction(1)}))
            out.update(dict.fromkeys(g.tensors[name].symbols, values))
    return out


class FillChecker(PointChecker):
    """The checker's points of a network with a fill mask kept as given (:func:`data_rules`):
    the element-wise gradient of a softmax/cross-entropy holds ``e^{−x}`` of each logit (SymPy's
    derivative of ``log(e^x/Σe)``), which at a masked logit, −1e9, is e^{1e9} — a finite number
    times a factor that makes the term what it is (often 0: the target there is 0). Computed
    exactly instead of refused as an overflow (the engine's identity tests never see a kept
    mask: they draw every input)."""

    def _eval(self, e: sp.Basic, k: int) -> Any:
        if e.func is sp.exp:
            x = super()._eval(e.args[0], k)
            if isinstance(x, mpmath.mpf) and ARG_CAP < x <= FILL_EXP_CAP:
                cache = self._cache(k)
                v = cache.get(e)
                if v is None:
                    v = cache[e] = mpmath.exp(x)
                return v
        return super()._eval(e, k)


def ones_vectors(spec: NetSpec) -> tuple[str, ...]:
    """The inputs that are a vector of ones written to make a sum or a bias a matrix product
    (CMU's ``Ones_N @ b1.T`` and ``Ones_N.T @ se @ Ones_C``, the bias trick's ``np.hstack([X,
    ones])``): given values all 1, one row or one column, and every use an operand of ``@``
    (transposed or not) or a piece of a concatenation. Such a vector is held at 1 at every
    point: it is part of the network's structure, not data (a formula summing over the batch
    is right for it; at random values the "sum" would be a weighted one)."""
    uses: dict[str, list[bool]] = {}

    def visit(n: ex.Node, structural: bool) -> None:
        if isinstance(n, ex.Name):
            uses.setdefault(n.id, []).append(structural)
            return
        if isinstance(n, ex.Transpose):
            visit(n.operand, structural)
            return
        if isinstance(n, ex.BinOp) and n.op == "@":
            visit(n.left, True)
            visit(n.right, True)
            return
        concat = isinstance(n, ex.Call) and n.func == "concat"
        for c in ex.children(n):
            visit(c, concat)

    for _, tree in spec.forward:
        visit(tree, False)
    out = []
    for name, shape in spec.inputs.items():
        rows = spec.values.get(name)
        if rows is None or name in spec.one_hot or not uses.get(name) or not all(uses[name]):
            continue
        flat = [v for row in rows for v in row]
        if len(flat) > 1 and all(v == 1 for v in flat) and 1 in tuple(shape):
            out.append(name)
    return tuple(out)


def data_rules(
    g: Any,
) -> tuple[dict[sp.Symbol, sp.Integer], dict[sp.Symbol, tuple[float, float]]]:
    """How the checker's random points draw the spec's data, as the engine's example values
    respect them (issue 9 item 6): ``kept``, the given 0/1 values of a fill mask — an input
    multiplied by a number of magnitude ≥ :data:`FILL` (an additive −1e9 mask; random values
    there shift scores by ~1e9, beyond float64's and the 50-digit test's view of the rest) —, and
    ``domains``, the interval ``(0.1, 2)`` for each entry of an input whose given values are all
    positive and that is itself, up to a number added or a positive factor, the argument of a
    function defined for positive numbers only (``sqrt(running_var + 1e-5)``): a random negative
    variance is outside the network's domain, not a test of the formula."""
    spec = g.spec
    fills: set[str] = set()
    positive: set[str] = set()

    def bare(n: ex.Node) -> str | None:
        """The input that ``n`` is, up to ``+ c``, ``− c``, ``· c`` (c > 0), or ``None``."""
        while True:
            if isinstance(n, ex.Name):
                return n.id
            if isinstance(n, ex.BinOp) and n.op in ("+", "-", "*"):
                nums = [isinstance(x, ex.Num) for x in (n.left, n.right)]
                if nums == [False, True] and (n.op != "*" or n.right.value > 0):  # type: ignore[union-attr]
                    n = n.left
                    continue
                if nums == [True, False] and n.op != "-" and (n.op != "*" or n.left.value > 0):  # type: ignore[union-attr]
                    n = n.right
                    continue
            return None

    def big(n: ex.Node) -> bool:
        n = n.operand if isinstance(n, ex.Neg) else n
        return isinstance(n, ex.Num) and abs(n.value) >= FILL

    below: dict[str, Fraction] = {}  # log(1 - y): y < 1 too (a Beta regression's target)

    def capped(n: ex.Node) -> None:
        """``c - y`` of a number c and an input y, where it must be positive: y < c;
        heldnets33: ``-log(u)`` (Gumbel noise ``-log(-log(u))``), where it must be positive:
        0 < u < 1."""
        if (
            isinstance(n, ex.Neg)
            and isinstance(n.operand, ex.Call)
            and n.operand.func == "log"
            and len(n.operand.args) == 1
            and (name := bare(n.operand.args[0])) is not None
            and name == getattr(n.operand.args[0], "id", None)
        ):
            positive.add(name)
            below[name] = min(below.get(name, Fraction(1)), Fraction(1))
            return
        if (
            isinstance(n, ex.BinOp)
            and n.op == "-"
            and isinstance(n.left, ex.Num)
            and isinstance(n.right, ex.Name)
        ):
            below[n.right.id] = min(below.get(n.right.id, n.left.value), n.left.value)

    for _, tree in spec.forward:
        stack = [tree]
        while stack:
            n = stack.pop()
            if isinstance(n, ex.BinOp) and n.op == "*":
                for a, b in ((n.left, n.right), (n.right, n.left)):
                    if big(a):
                        fills.update(ex.names(b))
            elif isinstance(n, ex.Call) and n.func in ops.OPS:
                for arg, dom in zip(n.args, ops.get(n.func).domain, strict=False):
                    if dom == "positive" and (name := bare(arg)) is not None:
                        positive.add(name)
                    elif dom == "positive" and (sides := quotient_names(arg)):
                        positive.update(side.id for side in sides if isinstance(side, ex.Name))
                    elif dom == "positive":
                        capped(arg)
            elif isinstance(n, ex.Pow) and n.exponent.denominator != 1:
                if (name := bare(n.base)) is not None:
                    positive.add(name)
            stack.extend(ex.children(n))
    kept: dict[sp.Symbol, sp.Integer] = {}
    domains: dict[sp.Symbol, tuple[float, float]] = {}
    for name in ones_vectors(spec):
        kept.update((s, sp.Integer(1)) for s in list(g.tensors[name].symbols))
    for name in spec.inputs:
        rows = spec.values.get(name)
        if rows is None or name in spec.one_hot:
            continue
        flat = [v for row in rows for v in row]
        syms = list(g.tensors[name].symbols)
        if name in fills and all(v in (0, 1) for v in flat):
            kept.update(zip(syms, (sp.Integer(int(v)) for v in flat), strict=True))
        elif name in positive and all(v > 0 for v in flat):
            top = below.get(name)
            if top is not None and top > Fraction(1, 5) and all(v < top for v in flat):
                domains.update({s: (0.1, float(top) - 0.1) for s in syms})  # 0 < y < c
            else:
                domains.update({s: (0.1, 2.0) for s in syms})
    return kept, domains


def _clamped(spec: NetSpec) -> frozenset[str]:
    """The inputs ``h`` of PyTorch's ``clamp`` in the forward lines: the spelling writes it with
    the table's ``clamp0`` (``clamp0(h)``, ``lo + clamp0(h - lo)``, ``hi - clamp0(hi - h)``)."""
    out = set()

    def visit(t: ex.Node) -> None:
        if isinstance(t, ex.Call) and t.func == "clamp0" and t.args:
            a = t.args[0]
            names = [a] if isinstance(a, ex.Name) else []
            if isinstance(a, ex.BinOp) and a.op in ("+", "-"):
                names = [k for k in (a.left, a.right) if isinstance(k, ex.Name)]
            out.update(n.id for n in names)
        for k in ex.children(t):
            visit(k)

    for _, tree in spec.forward:
        visit(tree)
    return frozenset(out)


def _has_clamp(e: mf.MExpr) -> bool:
    """Whether ``e`` holds clamp's derivative ``1[h >= 0]`` (``clamp0_grad``)."""
    if isinstance(e, mf.Func) and e.name == "clamp0_grad":
        return True
    return any(_has_clamp(k) for k in subtrees(e))


def _kink_inputs(g: Any) -> dict[str, sp.Rational]:
    """Each tensor ``h`` whose entries reach the kink at 0 of a function of the operation table
    (``kinks``) anywhere in a forward line, with the value of ``h`` there: ``relu(h)`` and
    ``clamp0(h)`` (PyTorch's ``clamp(min=0)``) at 0, and the forms the spellings write —
    ``relu(h - c)``, ``clamp0(c - h)`` (a clamp's bound c) — at ``c``."""
    out: dict[str, sp.Rational] = {}
    nodes = {n.name for n in g.nodes}  # a node's entries can be solved for; an input's are given

    def arg(a: ex.Node) -> tuple[str, sp.Rational] | None:
        if isinstance(a, ex.Neg):
            a = a.operand
        if isinstance(a, ex.Name):
            return a.id, sp.Rational(0)
        if isinstance(a, ex.BinOp) and a.op in ("+", "-"):
            left, right = a.left, a.right
            if isinstance(left, ex.Name) and isinstance(right, ex.Num):
                c = sp.Rational(str(right.value))
                return left.id, (c if a.op == "-" else -c)
            if isinstance(left, ex.Num) and isinstance(right, ex.Name) and a.op == "-":
                return right.id, sp.Rational(str(left.value))
        return None

    def visit(t: ex.Node) -> None:
        if isinstance(t, ex.Call) and 0 in getattr(ops.OPS.get(t.func), "kinks", ()) and t.args:
            hit = arg(t.args[0])
            if hit is not None and hit[0] in nodes:
                out.setdefault(*hit)
        for k in ex.children(t):
            visit(k)

    for _, t in g.spec.forward:
        visit(t)
    return out


# heldtex41: the step off a kink for its one-sided limits — far below CHECK_RTOL's 1e-40 relative
# at 50 digits (the gradient moves by ~1e-45 on a smooth side), far above the 1e-50 round-off
KINK_STEP = sp.Rational(1, 2**150)


def _zero_point(net: Net, side: int = 0) -> Checker | None:
    """A point where entries of each input of a function with a kink at 0 (relu, leaky_relu,
    abs … : the operation table's ``kinks``) are exactly 0 (PyTorch: relu'(0) = 0), or ``None``
    when the network has none or no such point could be built exactly. ``side`` ±1: the same
    point with each solved entry :data:`KINK_STEP` (times its coefficient) above or below its
    kink instead — the one-sided limits the gradient takes there."""

    g = net.g
    kinks = _kink_inputs(g)
    relu_in = list(kinks)
    if not relu_in:
        return None
    rng = random.Random(f"derive-check-zero:{net.spec.name}")
    tgt = targets(g)
    values: dict[sp.Symbol, sp.Rational] = {}
    for name, s in net.free_symbols():
        if name in tgt:
            values[s] = sp.Rational(rng.randint(1, 7), 8)
        elif name in g.spec.inputs:  # powers of two: solving for a weight stays exact
            values[s] = sp.Rational(rng.choice([-2, -1, 1, 2]), rng.choice([1, 2]))
        else:
            values[s] = sp.Rational(rng.choice([k for k in range(-12, 13) if k]), 8)
    for s in values:  # in-domain data (data_rules) positive, fill masks as given
        if s in net.domains:
            values[s] = abs(values[s])
    hot = one_hot_values(g, f"zero:{net.seed}", net.hot_and_masks)
    defs = {**net.d.defs, **values, **hot, **net.kept}
    params = {s for n in g.spec.params for s in g.tensors[n].symbols}
    free = [
        s
        for n, s in net.free_symbols()
        if n not in tgt and n not in g.spec.one_hot and n not in net.hot_and_masks
    ]
    free.sort(key=lambda s: (s not in params, str(s)))
    fixed: set[sp.Symbol] = set()
    memo: dict[sp.Symbol, sp.Expr] = {}

    def exact(e: sp.Expr) -> sp.Expr:
        subs = {}
        for s in e.free_symbols:
            if s not in memo:
                d = defs.get(s)
                memo[s] = exact(d) if d is not None else s
            subs[s] = memo[s]
        return e.xreplace(subs)

    for name in relu_in:
        node = next(n for n in g.nodes if n.name == name)
        r, c = node.definition.shape
        for i, j in dict.fromkeys([(0, 0), (r - 1, c - 1)]):
            D = node.definition[i, j]
            for s in free:
                if s in fixed or s not in D.free_symbols:
                    continue
                coeff = D.diff(s)
                if s in coeff.free_symbols:
                    continue
                cv, rv = exact(coeff), exact(D.xreplace({s: 0}))
                if not (cv.is_Rational and rv.is_Rational) or cv == 0:
                    continue
                new = (kinks[name] - rv) / cv
                if new.q & (new.q - 1):  # not dyadic: would round in binary
                    continue
                if side:  # the entry cv·s + rv moves by ±|cv|·KINK_STEP
                    new += side * sp.sign(cv) * KINK_STEP
                defs[s] = values[s] = new
                fixed.add(s)
                memo.clear()
                break
    ck = Checker(defs=defs, points=1, seed=net.seed)
    with mpmath.workdps(DPS):
        # a kink outside the network's domain (log|det| at det = 0, Glow's 1×1 convolution; a
        # clip's bound met only where a sigmoid's argument is beyond the evaluation cap, the
        # hard-concrete gate of heldnets42): the network itself is undefined there, and no
        # formula can be tested at that point
        try:
            hit = any(ck._eval(s, 0) == kinks[n] for n in relu_in for s in g.tensors[n].symbols)
            if not hit and not side:
                return None
            loss = ck._eval(g.tensors[g.spec.loss].symbols[0, 0], 0)
        except (ZeroDivisionError, OverflowError, ValueError, TypeError):
            return None
    return ck if isinstance(loss, mpmath.mpf) and mpmath.isfinite(loss) else None


# conv45: how far below its kink the dead window's entries are put (exact; far from the kink,
# so float64 and 50-digit evaluation agree on every mask there)
DEAD_MARGIN = sp.Integer(1)


def _windows(g: Any, z: str) -> list[list[tuple[int, int]]]:
    """The windows of ``z``: for each node after ``z`` whose entry [0, 0] reads several entries
    of ``z`` (through element-wise nodes such as ``relu(z)``: a pooling window, a dense layer's
    row), those entries of ``z`` — nearest node first."""
    owner: dict[sp.Symbol, tuple[str, int, int]] = {}
    nodes = {n.name: n for n in g.nodes}
    for name, t in g.tensors.items():
        r, c = t.shape
        for i in range(int(r)):
            for j in range(int(c)):
                owner[t.symbols[i, j]] = (name, i, j)
    out: list[list[tuple[int, int]]] = []
    after = False
    for n in g.nodes:
        if n.name == z:
            after = True
            continue
        if not after:
            continue
        # pool46: the first entry in reading order that reads several entries of z (a padded
        # pooling's corner window [0, 0] reads one entry only; the next one reads two)
        d = n.definition
        for e in range(min(d.rows * d.cols, 8)):
            seen: set[tuple[int, int]] = set()
            todo, depth = set(d[e // d.cols, e % d.cols].free_symbols), 0
            while todo and depth < 4:
                nxt: set[sp.Symbol] = set()
                for s in todo:
                    o = owner.get(s)
                    if o is None:
                        continue
                    if o[0] == z:
                        seen.add((o[1], o[2]))
                    elif o[0] in nodes and o[0] != n.name:
                        nxt |= nodes[o[0]].definition[o[1], o[2]].free_symbols
                todo, depth = nxt, depth + 1
            if len(seen) >= 2:
                out.append(sorted(seen))
                break
    return out


def _upstream(g: Any, z: str) -> set[str]:
    """``z`` and every tensor whose entries ``z``'s definition reads, however deep."""
    owner = {s: name for name, t in g.tensors.items() for s in t.symbols}
    nodes = {n.name: n for n in g.nodes}
    out, todo = {z}, [z]
    while todo:
        n = nodes.get(todo.pop())
        if n is None:
            continue
        for s in n.definition.free_symbols:
            o = owner.get(s)
            if o is not None and o not in out:
                out.add(o)
                todo.append(o)
    return out


def _dead_point(net: Net) -> Checker | None:
    """conv45: a point where every entry of one window of a kink input (the entries of the ReLU
    input ``Z`` that one entry of a pooling reads, or a dense layer's row) is at least
    :data:`DEAD_MARGIN` below the kink. A max pooling after a ReLU routes a window's gradient to
    its largest entry, which random points almost always make positive: a formula leaving out
    the ReLU's mask (or masking by the wrong tensor) agrees with the gradient there and differs
    only in such a dead window. Solved exactly (rationals) as :func:`_zero_point` solves its
    entries: one free symbol that every entry of the window reads with a coefficient of one sign
    (a bias) set so the window's largest entry is below the kink, else the window's entries set
    to distinct values below the kink by the smallest change of one tensor's entries (a linear
    system: the image under the kernel). None when no window could be put below its kink."""
    g = net.g
    kinks = _kink_inputs(g)
    if not kinks:
        return None
    rng = random.Random(f"derive-check-dead:{net.spec.name}")
    tgt = targets(g)
    values: dict[sp.Symbol, sp.Rational] = {}
    for name, s in net.free_symbols():
        if name in tgt:
            values[s] = sp.Rational(rng.randint(1, 7), 8)
        elif name in g.spec.inputs:
            values[s] = sp.Rational(rng.choice([-2, -1, 1, 2]), rng.choice([1, 2]))
        else:
            values[s] = sp.Rational(rng.choice([k for k in range(-12, 13) if k]), 8)
    for s in values:
        if s in net.domains:
            values[s] = abs(values[s])
    hot = one_hot_values(g, f"dead:{net.seed}", net.hot_and_masks)
    defs = {**net.d.defs, **values, **hot, **net.kept}
    free_by: dict[str, list[sp.Symbol]] = {}
    for n, s in net.free_symbols():
        if n in tgt or n in g.spec.one_hot or n in net.hot_and_masks or s in net.domains or s in net.kept:
            continue
        free_by.setdefault(n, []).append(s)
    order = sorted(free_by, key=lambda n: (n not in g.spec.params, n))
    fixed: set[sp.Symbol] = set()
    memo: dict[sp.Symbol, sp.Expr] = {}

    def exact(e: sp.Expr, keep: frozenset = frozenset()) -> sp.Expr:
        subs = {}
        for s in e.free_symbols:
            if s in keep:
                continue
            if s not in memo:
                d = defs.get(s)
                memo[s] = exact(d) if d is not None else s
            subs[s] = memo[s]
        return e.xreplace(subs)

    def one_symbol(Ds: list[sp.Expr], c: sp.Rational) -> bool:
        for n in order:
            for s in free_by[n]:
                if s in fixed or any(s not in D.free_symbols for D in Ds):
                    continue
                pairs = []
                for D in Ds:
                    coeff = D.diff(s)
                    if s in coeff.free_symbols:
                        break
                    cv, rv = exact(coeff), exact(D.xreplace({s: 0}))
                    if not (cv.is_Rational and rv.is_Rational) or cv == 0:
                        break
                    pairs.append((cv, rv))
                else:
                    if len({p[0] > 0 for p in pairs}) != 1:
                        continue
                    up = pairs[0][0] > 0  # cv·s + rv ≤ c − margin for every entry
                    bounds = [(c - DEAD_MARGIN - rv) / cv for cv, rv in pairs]
                    new = sp.floor(min(bounds) * 8) / 8 if up else sp.ceiling(max(bounds) * 8) / 8
                    defs[s] = values[s] = sp.Rational(new)
                    fixed.add(s)
                    memo.clear()
                    return True
        return False

    def linear(Ds: list[sp.Expr], c: sp.Rational) -> bool:
        for n in order:
            us = [s for s in free_by[n] if s not in fixed and any(s in D.free_symbols for D in Ds)]
            if len(us) < len(Ds):
                continue
            keep = frozenset(us)
            memo.clear()
            rows, rhs = [], []
            try:  # each entry linear in the unknowns: rational slopes, a rational rest
                for D in Ds:
                    e = exact(D, keep)
                    coeffs = []
                    for u in us:
                        cu = e.diff(u) if u in e.free_symbols else sp.Integer(0)
                        if not cu.is_Rational:
                            raise ValueError
                        coeffs.append(cu)
                    const = e.xreplace(dict.fromkeys(us, sp.Integer(0)))
                    if not const.is_Rational:
                        raise ValueError
                    rows.append(coeffs)
                    rhs.append(const)
            except (ValueError, TypeError):
                memo.clear()
                continue
            memo.clear()
            A = sp.Matrix(rows)
            x0 = sp.Matrix([values[u] for u in us])
            want = sp.Matrix([c - DEAD_MARGIN - sp.Rational(k, 16) for k in range(len(Ds))])
            gram = A * A.T
            if gram.det() == 0:
                continue
            x = x0 + A.T * gram.LUsolve(want - sp.Matrix(rhs) - A * x0)
            for u, v in zip(us, x, strict=True):
                defs[u] = values[u] = sp.Rational(v)
                fixed.add(u)
            return True
        return False

    nodes = {n.name: n for n in g.nodes}
    through: set[str] = set()
    dead: list[tuple[str, list[tuple[int, int]]]] = []
    for z, c in kinks.items():
        node = nodes[z]
        for window in _windows(g, z)[:1]:
            Ds = [node.definition[i, j] for i, j in window]
            if linear(Ds, c) or one_symbol(Ds, c):
                dead.append((z, window))
                through |= _upstream(g, z)
    if not dead:
        return None
    ck = Checker(defs=defs, points=1, seed=net.seed)
    with mpmath.workdps(DPS):
        try:
            for z, window in dead:
                sym = g.tensors[z].symbols
                if any(not ck._eval(sym[i, j], 0) < kinks[z] for i, j in window):
                    return None
            loss = ck._eval(g.tensors[g.spec.loss].symbols[0, 0], 0)
        except (ZeroDivisionError, OverflowError, ValueError, TypeError):
            return None
    if not (isinstance(loss, mpmath.mpf) and mpmath.isfinite(loss)):
        return None
    net._lazy["dead_through"] = through
    net._lazy["dead_windows"] = [(z, window, kinks[z]) for z, window in dead]
    return ck


def window_text(z: str, window: list[tuple[int, int]]) -> str:
    """``Z[0:3, 0:3]`` for a rectangle of entries, else the entries one by one."""
    rows, cols = sorted({i for i, _ in window}), sorted({j for _, j in window})
    if len(window) == len(rows) * len(cols) and rows == list(range(rows[0], rows[-1] + 1)) and cols == list(
        range(cols[0], cols[-1] + 1)
    ):
        return f"{z}[{rows[0]}:{rows[-1] + 1}, {cols[0]}:{cols[-1] + 1}]"
    return ", ".join(f"{z}[{i}, {j}]" for i, j in window)


def _probabilities(spec: NetSpec) -> str | None:
    """The class probabilities: the one softmax node, else the one node named for them
    (``probs``; not ``log_probs``, their logarithm), or None."""
    soft = [n for n, t in spec.forward if isinstance(t, ex.Call) and t.func == "softmax"]
    if len(soft) == 1:
        return soft[0]
    named = [n for n, _ in spec.forward if "prob" in n.lower() and "log" not in n.lower()]
    return named[0] if len(named) == 1 else None


def _prediction_of_logits(spec: NetSpec) -> ex.Call | None:
    """The prediction ŷ where the loss takes the logits and the network has no node for it:
    ``softmax(Z)`` for ``cross_entropy(softmax(Z), Y)`` (``F.cross_entropy(Z, Y)``),
    ``sigmoid(Z)`` for ``bce_logits(Z, Y)``; None otherwise (a node is then ŷ, or nothing)."""
    tree = spec.forward[-1][1]
    loss = _loss_call(tree)
    if loss is None:  # written out: −Σ y ⊙ log_softmax(z), z read nowhere else
        calls = [c for c in _calls(tree) if c.func == "log_softmax" and c.args]
        nodes = {n for n, _ in spec.forward[:-1]} & set(ex.names(tree))
        if len(calls) == 1 and isinstance(calls[0].args[0], ex.Name) and len(nodes) == 1:
            if list(ex.names(tree)).count(calls[0].args[0].id) == 1:
                return ex.Call("softmax", calls[0].args, calls[0].kwargs)
        return _exp_of_log_probabilities_heldcheck31(spec, tree)
    if not loss.args:
        return None
    first = loss.args[0]
    if loss.func == "bce_logits" and isinstance(first, ex.Name):
        return ex.Call("sigmoid", (first,))
    if (
        loss.func == "cross_entropy"
        and isinstance(first, ex.Call)
        and first.func == "softmax"
        and first.args
        and isinstance(first.args[0], ex.Name)
    ):
        return first
    return None


def _exp_of_log_probabilities_heldcheck31(spec: NetSpec, tree: ex.Node) -> ex.Call | None:
    """ŷ = exp(N) for a cross-entropy written out over a node of log-probabilities,
    ``-np.sum(log_probs * Y) / N`` (CS182's stable softmax loss, ``log_probs = shifted -
    np.log(Zs)``): the one node the loss reads is a factor of a product with the target (of its
    shape, a column per class) under a minus, and its own definition takes a log (``log``,
    ``log_softmax``) — N is log ŷ, not ŷ. (A weighted loss ``(per * sw).sum()``, a policy
    gradient's ``-(log_p * adv).mean()`` with one column are not of this kind.)"""
    nodes = {n: t for n, t in spec.forward[:-1]}
    read = [n for n in dict.fromkeys(ex.names(tree)) if n in nodes]
    targets = {n for n in ex.names(tree) if n in spec.inputs}
    if len(read) != 1 or len(targets) != 1 or list(ex.names(tree)).count(read[0]) != 1:
        return None
    node, target = read[0], targets.pop()
    shape = spec.shapes.get(node)
    if shape is None or shape != spec.shapes.get(target) or len(shape) != 2 or shape[1] == 1:
        return None

    def product_with_target(n: ex.Node, negated: bool) -> bool:
        if isinstance(n, ex.BinOp) and n.op == "*" and negated:
            pair = {getattr(n.left, "id", None), getattr(n.right, "id", None)}
            if pair == {node, target}:
                return True
        negated = negated or isinstance(n, ex.Neg)
        return any(product_with_target(c, negated) for c in ex.children(n))

    def takes_log(name: str, seen: frozenset[str] = frozenset()) -> bool:
        t = nodes.get(name)
        if t is None or name in seen:
            return False
        if any(c.func in ("log", "log_softmax") for c in _calls(t)):
            return True
        return any(takes_log(n, seen | {name}) for n in ex.names(t) if n in nodes)

    if not (product_with_target(tree, False) and takes_log(node)):
        return None
    return ex.Call("exp", (ex.Name(node),))


def _calls(node: ex.Node) -> list[ex.Call]:
    """The calls in ``node``, outermost first."""
    here = [node] if isinstance(node, ex.Call) else []
    return here + [c for child in ex.children(node) for c in _calls(child)]


def _prediction(spec: NetSpec) -> str | None:
    """The prediction ŷ: the loss function's first argument (``0.5 * mse(O, t)``: ``O``), or,
    for a loss written out (``0.5 * (y_pred - y_target) ** 2``), the one forward node it reads;
    for a total of terms on the last line that reads no input (``total = loss + alpha * penalty``,
    each term a node of its own) the one found in the nodes it reads."""
    return _through_terms(spec, _prediction_of, spec.forward[-1][1])


def _through_terms(
    spec: NetSpec, rule: Callable[[NetSpec, ex.Node], str | None], tree: ex.Node, depth: int = 0
) -> str | None:
    """``rule`` of ``tree``; where it finds nothing and ``tree`` reads no input and calls no loss
    (a total of named terms), the one answer ``rule`` gives for the nodes ``tree`` reads (a data
    term's; a penalty's is none), else None."""
    found = rule(spec, tree)
    if found is not None or depth >= 3 or _loss_call(tree) is not None:
        return found
    names = list(dict.fromkeys(ex.names(tree)))
    if any(n in spec.inputs for n in names):
        return None
    defs = dict(spec.forward[:-1])
    answers = {
        a
        for n in names
        if n in defs and (a := _through_terms(spec, rule, defs[n], depth + 1)) is not None
    }
    return answers.pop() if len(answers) == 1 else None


def _prediction_of(spec: NetSpec, tree: ex.Node) -> str | None:
    loss = _loss_call(tree)
    if loss is not None:
        return loss.args[0].id if isinstance(loss.args[0], ex.Name) else None
    # compared there with a target: ``0.5 * (y_pred - y_target) ** 2``; not a sum of terms
    # (``data + λ·Σ|w|``), whose one node read is a loss term, not the prediction
    names = list(dict.fromkeys(ex.names(tree)))
    nodes = {name for name, _ in spec.forward[:-1]}
    read = [n for n in names if n in nodes]
    if len(read) != 1 or not any(n in spec.inputs for n in names):
        return None
    return read[0]


def _target(spec: NetSpec) -> str | None:
    """The target: the loss function's second argument when it is an input (``bce(A2, Y)``), or,
    for a loss written out, the one input it reads (``(y_pred - y_target) ** 2``); through a
    total of named terms as :func:`_prediction`."""
    return _through_terms(spec, _target_of, spec.forward[-1][1])


def _target_of(spec: NetSpec, tree: ex.Node) -> str | None:
    loss = _loss_call(tree)
    if loss is not None:
        arg = loss.args[1] if len(loss.args) > 1 else None
        return arg.id if isinstance(arg, ex.Name) and arg.id in spec.inputs else None
    read = [n for n in dict.fromkeys(ex.names(tree)) if n in spec.inputs]
    return read[0] if len(read) == 1 else None


def _loss_call(node: ex.Node) -> ex.Call | None:
    """The loss function's call in the loss node's definition (``0.5 * mse(O, t)``), if any."""
    if isinstance(node, ex.Call) and node.func in ex.LOSSES:
        return node
    for child in ex.children(node):
        found = _loss_call(child)
        if found is not None:
            return found
    return None
