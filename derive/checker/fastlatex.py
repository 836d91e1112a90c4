"""LaTeX for ``derive check``'s fast path: the plainest notation read without SymPy.

:mod:`derive.checker.latexin` imports the operation table (and so SymPy, ≈ 0.5 s), so the fast
path reads a strict subset of its grammar here, producing the fast path's tree exactly as
``latexin.parse`` would produce it: names (``X``, ``A1``, ``dZ2``), layer superscripts
``^{[k]}``, transposes ``^T``, ``^{T}``, ``^\\top``, ``^{[k]T}``, ``^{[k]\\top}``, whole powers
``^{2}``, numbers, ``+ -``, ``\\frac{a}{b}``, ``/``, ``\\cdot``/``\\times`` and juxtaposition (a
LaTeX product ``·``, resolved by shape in :class:`derive.checker.fastpath._Plan`),
``\\odot``/``\\circ`` (element-wise), ``( )``, ``{ }``, ``\\left``/``\\right`` and spacing, and
Leibniz fractions ``\\frac{\\partial A}{\\partial B}`` / ``\\frac{dA}{dB}`` (the gradient ``dB``
when A is the loss, else a local derivative that :class:`derive.checker.fastpath._Chains`
resolves as the slow path does), the common functions and indicators, and sums over the batch
(``\\sum_i``, ``\\sum_{i=1}^{m}``, a bare ``\\sum``, the total for a scalar's gradient) and over
time steps (``\\sum_{t=1}^{T}``, ``\\sum_t``: written out per step). Anything else — other
functions, a sum of squares, ``=``, several rows, ``$``, a trailing full stop, any non-ASCII
character — raises :class:`Fallback` and the slow path reads it. Never evaluates the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from fractions import Fraction
from typing import Any


class Fallback(Exception):
    """Not in the subset: the slow path reads it."""


# as derive.checker.latexin (a test checks these agree)
SPACING = {",", ";", ":", "!", " ", "quad", "qquad", "thinspace", "medspace", "thickspace",
           "displaystyle", "textstyle", "limits", "nolimits", "nonumber"}  # fmt: skip
SIZING = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
          "biggl", "biggr", "Biggl", "Biggr"}  # fmt: skip
PRODUCTS = {"cdot", "times", "ast", "bullet"}
HADAMARD = {"odot", "circ", "otimes"}
LOSS_NAMES = {"L", "J", "E", "C", "ell", "loss", "Loss", "Div", "cost", "Cost", "MSE", "NLL", "F", "Fhat"}  # latexin.LOSS_NAMES
RELATIONS = {">": ">", "<": "<", ">=": ">=", "<=": "<=", "gt": ">", "lt": "<", "geq": ">=",
             "ge": ">=", "geqslant": ">=", "leq": "<=", "le": "<=", "leqslant": "<="}  # fmt: skip
COMPARE_TOKENS = {">", "<", ">=", "<=", "\\geq", "\\leq", "\\ge", "\\le", "\\gt", "\\lt", "\\neq",
                  "\\ne", "\\geqslant", "\\leqslant"}  # fmt: skip
OPEN = {"(": ")", "[": "]", "\\{": "\\}"}
FUNCS = {"sigma", "sigmoid", "relu", "tanh", "exp", "log", "ln", "relu_grad", "diag", "sech", "cosh",
         "sinh", "leakyrelu", "elu", "selu", "sin", "cos", "mean"}  # fmt: skip
FUNC_OPS = {"sigma": "sigmoid", "sigmoid": "sigmoid", "relu": "relu", "tanh": "tanh", "exp": "exp",
            "log": "log", "ln": "log", "relu_grad": "relu_grad", "diag": "diag", "sech": "sech",
            "cosh": "cosh", "sinh": "sinh", "leakyrelu": "leaky_relu", "elu": "elu", "selu": "selu",
            "sin": "sin", "cos": "cos", "mean": "mean"}  # fmt: skip
_CALLS = {"sigmoid", "relu", "tanh", "exp", "log", "relu_grad"}  # read here (diag, sech, mean, slope: slow)
_TOKEN = re.compile(  # latexin's (heldtex46: 2e-3 a number)
    r"(?P<ws>\s+)|(?P<cmd>\\(?:[A-Za-z]+|.))|(?P<num>\d+(?:\.\d*)?(?:[eE]-\d+(?![\w.]))?|\.\d+)"
    r"|(?P<id>[A-Za-z][A-Za-z0-9]*)|(?P<sym>>=|<=|.)"
)
# fmt: off
FONTS = {"mathbf", "boldsymbol", "bm", "mathrm", "mathit", "mathsf", "mathnormal", "text",
         "textrm", "textit", "textbf", "operatorname", "mathbb", "mathcal", "mathscr", "vec"}
# fmt: on
HATS = {"hat", "widehat", "tilde", "bar", "overline"}
GREEK = frozenset(  # derive.engine.printing.GREEK
    "alpha beta gamma delta zeta eta theta iota kappa mu nu xi pi rho sigma tau upsilon phi chi "
    "psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi Psi Omega".split()
)
GREEK_NAMES = {
    "varepsilon": ("eps", "epsilon", "varepsilon"),
    "epsilon": ("eps", "epsilon"),
    "lambda": ("lam", "lambda_", "lambd", "lmbda", "reg"),  # reg: CS231n's name for λ
}
# commands latexin.command dispatches before the Greek letters (the slow path reads them)
_SLOW_COMMANDS = {"sqrt", "nabla", "partial", "sum", "Sigma", "max"} | FUNCS
_FONT_T = re.compile(r"\\(mathsf|mathrm|text|mathtt|mathbf|mathit|rm|sf|tt)\{?T\}?(?![A-Za-z])")
_SUFFIX = re.compile(r"\[(\d+)\]|\((\w+)\)|\\?(top|intercal|T)\b|T|\\prime|'")
_SYMS = set("+-(){}[]^/_,<>'*=") | {">=", "<="}  # symbols of the subset ('=': \sum_{i=1})
STAR = "∗"  # latexin.STAR: '*' (derive.checker.fastpath reads it only in a Leibniz chain)
_COMMANDS = (
    {"frac", "dfrac", "tfrac", "delta", "partial", "top", "intercal", "mathsf", "rm", "sf", "tt"}
    | {"mathtt", "{", "}", "sqrt"}
    | {k for k in RELATIONS if k.isalpha()}
    | {f for f in FUNCS if FUNC_OPS[f] in _CALLS}
    | PRODUCTS
    | HADAMARD
    | SIZING
    | FONTS
    | HATS
    | ((GREEK | set(GREEK_NAMES)) - _SLOW_COMMANDS)
    | {"sum"}  # \sum_{i} over the batch (Parser.sum; the rest of its forms: the slow path)
)

Tok = tuple[str, str]  # kind, text


_SUM_FROM = re.compile(r"\\sum\s*_\s*\{\s*[a-z]\s*=\s*\d{1,2}\s*\}")


def _tokens(text: str) -> list[Tok]:
    bare = _SUM_FROM.sub("", text)  # \sum_{i=1}: the one '=' read here
    if not text.isascii() or any(ch in bare for ch in "$=&%#\n\r\t"):
        raise Fallback  # delimiters, rows, definitions, Unicode: the slow path
    if re.search(r"[.,;]\s*$", text) or re.search(r"(?<!\\);", text):
        raise Fallback  # a trailing full stop (stripped by the slow path), statements
    if "\\\\" in text or "begin" in text:
        raise Fallback  # a trailing full stop (stripped by the slow path), rows, environments
    out: list[Tok] = []
    for m in _TOKEN.finditer(text):
        kind = m.lastgroup or "sym"
        tok = m.group()
        if kind == "ws":
            continue
        if kind == "cmd" and tok[1:] in SPACING:
            continue
        if kind == "sym" and tok == "~":
            continue
        if kind == "cmd" and tok[1:] not in _COMMANDS:
            raise Fallback
        if kind == "sym" and tok not in _SYMS:
            raise Fallback
        out.append((kind, tok))
    out.append(("end", ""))
    return out


def _has(kind: str, node: Any) -> bool:
    """Does the tree ``node`` hold a node of ``kind`` (``"T"``: a transpose)?"""
    if not isinstance(node, tuple) or not node:
        return False
    return node[0] == kind or any(_has(kind, k) for k in node[1:])


def _num(text: str) -> tuple[Any, ...]:
    return ("num", Fraction(text))


class _Parser:
    """latexin._Parser's grammar on the subset; nodes are the fast path's tree tuples."""

    def __init__(
        self,
        toks: list[Tok],
        known: Callable[[str], bool],
        lim: dict[str, Any],
        loss: str | None = None,
    ):
        self.toks, self.pos, self.known, self.lim = toks, 0, known, lim
        self.loss = loss
        self.depth = 0
        self.leibniz_read = False  # a ∂A/∂B (or dA/dB) was read
        self.examples: tuple[str, ...] = ()  # the index letters of the \sum_{i} around
        self.steps: dict[str, int] = {}  # \sum_{t=1}^{2} over time steps: t's value now
        self.step_used = [False]  # shared with sub-parsers: a subscript read a time step
        self.scalar: bool | None = None  # the gradient asked for is one number (None: unknown)

    def sub(self, toks: list[Tok]) -> _Parser:
        p = _Parser([*toks, ("end", "")], self.known, self.lim, self.loss)
        p.depth = self.depth
        p.examples = self.examples
        p.steps, p.step_used, p.scalar = self.steps, self.step_used, self.scalar
        return p

    def peek(self, k: int = 0) -> Tok:
        return self.toks[min(self.pos + k, len(self.toks) - 1)]

    def next(self) -> Tok:
        tok = self.toks[self.pos]
        if tok[0] != "end":
            self.pos += 1
        return tok

    def expect(self, text: str) -> None:
        if self.peek()[1] != text:
            raise Fallback  # the slow path's error message
        self.next()

    def skip_sizing(self) -> None:
        while self.peek()[0] == "cmd" and self.peek()[1][1:] in SIZING:
            self.next()
            if self.peek()[1] == ".":
                raise Fallback

    def enter(self) -> None:
        self.depth += 1
        if self.depth > 4 * self.lim["max_depth"]:
            raise Fallback

    def expr(self) -> tuple[Any, ...]:
        self.enter()
        node = self.term()
        while True:
            self.skip_sizing()
            tok = self.peek()
            if tok[1] in ("+", "-"):
                self.next()
                node = ("bin", tok[1], node, self.term())
            else:
                break
        self.depth -= 1
        return node

    def starts_factor(self) -> bool:
        self.skip_sizing()
        kind, text = self.peek()
        if kind in ("num", "id"):
            return True
        if kind == "sym":
            return text in ("(", "[", "{")
        if kind == "cmd":
            name = text[1:]
            return not (
                name in PRODUCTS
                or name in HADAMARD
                or name in RELATIONS
                or name in ("}", "right")
                or name in ("div", "oslash")
            )
        return False

    def term(self) -> tuple[Any, ...]:
        node = self.unary()
        while True:
            self.skip_sizing()
            kind, text = self.peek()
            if kind == "cmd" and text[1:] in PRODUCTS:
                self.next()
                node = ("bin", "·", node, self.unary())
            elif kind == "cmd" and text[1:] in HADAMARD:
                self.next()
                node = ("bin", "*", node, self.unary())
                if self.starts_factor():
                    raise Fallback  # a ⊙ b c: the slow path reads a ⊙ (b c)
            elif text == "*" and kind == "sym":  # as in code (latexin.STAR): resolved by shapes
                self.next()
                node = ("bin", STAR, node, self.unary())
            elif text == "/":
                self.next()
                node = ("bin", "/", node, self.unary())
            elif self.starts_factor():
                node = ("bin", "·", node, self.postfix())
            else:
                return node

    def unary(self) -> tuple[Any, ...]:
        self.skip_sizing()
        tok = self.peek()
        if tok[1] in ("-", "+"):
            self.next()
            self.enter()
            inner = self.unary()
            self.depth -= 1
            if tok[1] == "+":
                return inner
            return ("num", -inner[1]) if inner[0] == "num" else ("neg", inner)
        return self.postfix()

    def postfix(self) -> tuple[Any, ...]:
        return self.suffixes(self.primary())

    def suffixes(self, node: tuple[Any, ...]) -> tuple[Any, ...]:
        while True:
            tok = self.peek()
            if tok[1] == "^":
                self.next()
                node = self.superscript(node)
            elif tok[1] == "_" and node[0] == "name":
                self.next()
                node = ("name", self.subscript_name(node[1]))
            elif tok[1] == "_":
                raise Fallback  # an indicator 1_{…}, an index on a non-name: the slow path
            else:
                return node

    def group_tokens(self) -> list[Tok]:
        """The tokens of ``{…}`` or of a single token after ^ or _ (latexin.group_tokens)."""
        tok = self.next()
        if tok[1] != "{":
            if tok[0] == "end":
                raise Fallback
            if tok[0] == "cmd" and tok[1][1:] in FONTS | HATS:
                return [tok, *self.group_tokens()]
            return [tok]
        out: list[Tok] = []
        level = 1
        while True:
            t = self.next()
            if t[0] == "end":
                raise Fallback
            if t[1] == "{":
                level += 1
            elif t[1] == "}":
                level -= 1
                if level == 0:
                    return out
            out.append(t)

    def superscript(self, node: tuple[Any, ...]) -> tuple[Any, ...]:
        text = "".join(t[1] for t in self.group_tokens())
        compact = _FONT_T.sub(r"\\T", text.replace(" ", ""))
        compact = compact.replace("^\\top", "\\top").replace("^T", "T").replace("^{T}", "T")
        if self.examples and "prime" not in compact and "'" not in compact:
            for letter in self.examples:  # y^{(i)} inside \sum_{i}: the vectorised y (latexin)
                compact = compact.replace(f"({letter})", "")
            if not compact:
                return node
        if not compact or re.search(r"[(/^]|frac", compact):
            raise Fallback  # (i), ratios, nested powers, empty: the slow path
        if node == ("name", "e"):
            raise Fallback  # e^{…}: exp where e is not a name (the slow path)
        if re.fullmatch(r"-?\d+(\.\d+)?", compact):
            value = Fraction(compact)
            if abs(value) > self.lim["max_exponent"]:
                raise Fallback
            return ("pow", node, value)
        rest, transpose = compact, False
        while rest:
            m = _SUFFIX.match(rest)
            if m is None or m.group(2) is not None or m.group() in ("\\prime", "'"):
                raise Fallback
            if m.group(1) is not None:
                if node[0] != "name":
                    raise Fallback
                node = ("name", node[1] + m.group(1))
            else:
                transpose = not transpose
            rest = rest[m.end() :]
        return ("T", node) if transpose else node

    def subscript_name(self, base: str) -> str:
        """latexin.subscript_name outside a sum over time steps."""
        toks = self.group_tokens()
        letter = "".join(t[1] for t in toks)
        if letter in self.examples:  # x_i inside \sum_{i}: row i of the batch, as latexin
            return base
        step = re.fullmatch(r"([a-z])([+-]\d{1,2})?", letter)
        if step and step.group(1) in self.steps:  # h_{t-1} inside \sum_{t=1}^{2}: latexin
            self.step_used[0] = True
            sub = str(self.steps[step.group(1)] + int(step.group(2) or 0))
            alt = f"{base}_{sub}"
            return alt if self.known(alt) and not self.known(base + sub) else base + sub
        if re.fullmatch(r"t([+-]1)?", letter):
            raise Fallback  # a time step (latexin.time_step_name)
        toks = [t for t in toks if not (t[1] in ("{", "}") or t[0] == "cmd" and t[1][1:] in FONTS)]
        words = [t[1] for t in toks if t[0] in ("id", "num")]
        if not words or any(t[0] == "sym" and t[1] != "," for t in toks):
            raise Fallback  # an index (i), i=1, or an error: the slow path
        if any(t[0] == "cmd" for t in toks):
            raise Fallback
        if len(words) > 1 and words[0].isdigit():  # h_{1,\text{raw}} → h1_raw
            return base + words[0] + "_" + "_".join(words[1:])
        sub = "".join(words)
        if sub.isdigit():
            alt = f"{base}_{sub}"
            return alt if self.known(alt) and not self.known(base + sub) else base + sub
        return f"{base}_{sub}"

    def primary(self) -> tuple[Any, ...]:
        self.skip_sizing()
        kind, text = self.peek()
        if kind == "num":
            self.next()
            return _num(text)
        if kind == "id":
            return self.identifier()
        if text in ("(", "["):  # as latexin: [ … ] groups (an Iverson bracket has a relation)
            self.next()
            inner = self.expr()
            self.skip_sizing()
            self.expect(")" if text == "(" else "]")
            return inner
        if text == "{":
            self.next()
            inner = self.expr()
            self.expect("}")
            return inner
        if kind == "cmd":
            return self.command()
        raise Fallback

    def identifier(self) -> tuple[Any, ...]:
        _, name = self.next()
        if name.lower() in FUNCS or name in ("g", "f", "phi", "e"):
            raise Fallback  # functions, g', e^x: the slow path
        if name == "d" and self.peek()[0] in ("id", "cmd"):
            raise Fallback  # dZ as d\mathbf{Z} (latexin tells it by the columns): the slow path
        if not self.known(name) and len(name) > 1 and not any(c.isdigit() for c in name):
            if all(self.known(c) for c in name):
                raise Fallback  # XW → X·W (the slow path)
        return ("name", name)

    def command(self) -> tuple[Any, ...]:
        _, text = self.next()
        name = text[1:]
        if name in ("frac", "dfrac", "tfrac"):
            return self.fraction()
        if name in FONTS:
            return self.font(name)
        if name in HATS:
            return ("name", self.hat_name(self.braced_name()))
        if name == "sqrt":
            return ("call", "sqrt", self.argument())
        if name == "delta":
            return self.delta()
        if name == "sum":
            return self.sum()
        if name in FUNCS:  # before the Greek letters: \sigma is the sigmoid (as latexin)
            return self.function(FUNC_OPS[name])
        if name in GREEK or name in GREEK_NAMES:
            for cand in GREEK_NAMES.get(name, (name,)):
                if self.known(cand):
                    return ("name", cand)
        raise Fallback

    def sum(self) -> tuple[Any, ...]:
        """``\\sum_{i}``, ``\\sum_{i=1}^{m}``: the sum over the batch of the product that
        follows, its ``x_i`` the vectorised ``x`` (latexin.sum); over time steps
        (``\\sum_{t=1}^{2}``, ``\\sum_{t=1}^{T}``, ``\\sum_t``) the term written out for each
        step; a bare ``\\sum`` the total of a scalar's gradient, else the sum over the batch.
        A sum of squares ``\\sum w^{2}``, a bare sum where the gradient's shape is not known,
        or a transpose inside a sum over the examples (a sum of outer products is a matrix
        product): the slow path."""
        index = ""
        bounds: list[int] = []
        while self.peek()[1] in ("_", "^"):
            sign = self.next()[1]
            text = "".join(t[1] for t in self.group_tokens()).replace(" ", "")
            m = re.fullmatch(r"([a-z])(=(\d{1,2}))?", text)
            if sign == "_" and m:
                index, bounds = m.group(1), [int(m.group(3))] if m.group(3) else []
            elif sign == "_":
                raise Fallback
            elif len(bounds) == 1 and re.fullmatch(r"\d{1,2}", text):
                bounds.append(int(text))
            elif len(bounds) == 1 and text == "T" and not self.known("T"):
                last = self.last_step()  # \sum_{t=1}^{T}: T, the number of time steps
                if last is None:
                    raise Fallback
                bounds.append(last)
            elif re.sub(r"[{}]", "", text) not in ("m", "N", "n"):
                raise Fallback  # \sum_{i=1}^{n_h}: a size as the bound (latexin.bounded)
        if not self.starts_factor():
            raise Fallback
        if index == "t" and not bounds and self.last_step() is not None:
            bounds = [1, self.last_step() or 1]  # \sum_t: over every step (latexin)
        if index and len(bounds) == 2 and bounds[0] <= bounds[1] <= bounds[0] + 20:
            steps = self.time_steps(index, bounds)
            if steps is not None:
                return steps
        if not index and not bounds:
            return self.bare_sum()
        if index == "t" or len(bounds) == 2:
            raise Fallback
        outer = self.examples
        self.examples = (*outer, index)
        try:
            term = self.term()
        finally:
            self.examples = outer
        if _has("T", term):
            raise Fallback
        return ("sum", term, (("axis", ("num", Fraction(0))),))

    def bare_sum(self) -> tuple[Any, ...]:
        """``\\sum`` without index or bounds (latexin.sum): the total where the gradient asked
        for is one number, else the sum over the batch; ``\\sum w^{2}`` (every entry): the slow
        path."""
        if self.scalar is None:
            raise Fallback
        term = self.term()
        if term[0] == "pow" and term[1][0] == "name" and term[2] == 2:
            raise Fallback  # a squared norm (latexin.squares_ahead)
        if self.scalar:
            return ("sum", term, ())
        return ("sum", term, (("axis", ("num", Fraction(0))),))

    def last_step(self) -> int | None:
        """The last time step of an unrolled network (latexin.last_step)."""
        last = None
        for k in range(1, 21):
            if not any(self.known(f"{b}_{k}") for b in ("x", "h", "z", "s", "a", "o")):
                break
            last = k
        return last

    def time_steps(self, letter: str, bounds: list[int]) -> tuple[Any, ...] | None:
        """The term after ``\\sum_{t=1}^{2}`` written out for each step, if ``t`` appears in
        its subscripts; else None (a sum over the batch), as latexin.time_steps."""
        save, outer, used = self.pos, self.steps, self.step_used[0]
        terms: list[tuple[Any, ...]] = []
        try:
            for value in range(bounds[0], bounds[1] + 1):
                self.pos, self.steps, self.step_used[0] = save, {**outer, letter: value}, False
                terms.append(self.term())
                if not self.step_used[0]:
                    self.pos = save
                    return None
        finally:
            self.steps, self.step_used[0] = outer, used or self.step_used[0]
        out = terms[0]
        for t in terms[1:]:
            out = ("bin", "+", out, t)
        return out

    def function(self, func: str) -> tuple[Any, ...]:
        """``f(x)``, ``f'(x)`` (``("prime", f, x)``, the operation table's derivative, resolved
        by derive.checker.fastpath) and ``f^2(x)``, as latexin.function reads them."""
        if func not in _CALLS:
            raise Fallback  # diag, sech, cosh, LeakyReLU_{slope}, ELU_{α}: the slow path
        prime = False
        power: Fraction | None = None
        while self.peek()[1] in ("'", "^"):
            if self.next()[1] == "'":
                prime = True
                continue
            text = "".join(t[1] for t in self.group_tokens())
            bare = re.sub(r"^\[\d+\]|^\(\d+\)", "", text.replace(" ", ""))
            if bare in ("\\prime", "'"):
                prime = True
            elif re.fullmatch(r"\d", bare) and power is None:  # \tanh^2(z)
                power = Fraction(bare)
            else:
                raise Fallback  # latexin reads no argument after it: its error
        self.skip_sizing()
        kind, text = self.peek()
        if text in ("(", "[", "{"):
            self.next()
            arg = self.expr()
            self.skip_sizing()
            self.expect({"(": ")", "[": "]", "{": "}"}[text])
        elif kind in ("id", "num", "cmd"):
            arg = self.postfix()
        else:
            raise Fallback  # σ² (the variance) or an error: the slow path
        out = ("prime" if prime else "call", func, arg)
        return ("pow", out, power) if power is not None else out

    def hat_name(self, inner: str) -> str:
        for cand in (inner + "hat", inner + "_hat"):
            if self.known(cand) or self.known("d" + cand):
                return cand
        raise Fallback  # heldtex48: no such name (Aggarwal's \overline{W}): the slow path reads it

    def braced_name(self, hatted: bool = True) -> str:
        """As latexin's: a hat inside a font (``\\boldsymbol{\\hat y}``) is ŷ's unless the
        group belongs to a hat already (``hatted``)."""
        parts = []
        hat = False
        for kind, text in self.group_tokens():
            if kind in ("id", "num") or text == "_":
                parts.append(text)
            elif kind == "cmd" and text[1:] in FONTS | HATS:
                hat = hat or text[1:] in HATS
                continue
            elif text in ("{", "}"):
                continue
            else:
                raise Fallback
        if not parts:
            raise Fallback
        return self.hat_name("".join(parts)) if hat and not hatted else "".join(parts)

    def font(self, name: str) -> tuple[Any, ...]:
        if (
            self.peek()[1] == "{"
            and self.peek(1)[0] == "cmd"
            and self.peek(1)[1][1:] not in FONTS | HATS
            and self.peek(2)[1] == "}"
        ):  # \boldsymbol{\delta}^{[1]}: the command itself
            self.next()
            inner = self.next()
            self.next()
            self.toks.insert(self.pos, inner)
            return self.command()
        if self.peek()[1] == "{" and self.peek(1)[1] in ("1", "I") and self.peek(2)[1] == "}":
            if name in ("mathbf", "mathbb", "boldsymbol", "bm", "mathds", "mathrm"):
                self.next(), self.next(), self.next()
                return self.one()
        ident = self.braced_name(hatted=False)
        if name == "mathcal" and ident == "L":
            return ("name", "L")
        low = ident.lower()
        if low in FUNCS and not self.known(ident):  # \mathrm{ReLU}'(Z), \operatorname{tanh}
            return self.function(FUNC_OPS[low])
        if low in FUNCS or low in self.lim["table_functions"] or ident == "d":
            raise Fallback  # \mathrm{softmax}(Z), \mathrm{d}Z: the slow path
        return ("name", ident)

    def one(self) -> tuple[Any, ...]:
        """After ``\\mathbf{1}``: ``^{\\top} x`` is the batch sum, ``[Z > 0]``, ``(Z > 0)``,
        ``\\{Z > 0\\}`` and ``_{Z > 0}`` the indicator (latexin.one; the rest: the slow path)."""
        self.skip_sizing()
        text = self.peek()[1]
        if text in OPEN:
            self.next()
            cond = self.condition()
            self.skip_sizing()
            self.expect(OPEN[text])
            return cond
        if text == "_":
            self.next()
            toks = self.group_tokens()
            if not any(t[1] in COMPARE_TOKENS for t in toks):
                raise Fallback  # \mathbf{1}_m: a vector of ones (the slow path)
            sub = self.sub(toks)
            cond = sub.condition()
            if sub.peek()[0] != "end":
                raise Fallback
            return cond
        if text != "^":
            raise Fallback
        self.next()
        text = "".join(t[1] for t in self.group_tokens())
        if text.replace(" ", "") not in ("\\top", "T", "\\intercal", "\\mathsf{T}"):
            raise Fallback
        x = self.term()
        return ("sum", x, (("axis", ("num", Fraction(0))),))

    def condition(self) -> tuple[Any, ...]:
        """``left > right`` inside an indicator (latexin.condition)."""
        left = self.expr()
        self.skip_sizing()
        kind, text = self.peek()
        op = RELATIONS.get(text[1:] if kind == "cmd" else text)
        if op is None:
            raise Fallback
        self.next()
        return ("cmp", op, left, self.expr())

    def name_only(self) -> tuple[Any, ...]:
        self.skip_sizing()
        kind, text = self.peek()
        if kind == "id":
            self.next()
            return ("name", text)
        if kind == "cmd" and text[1:] in FONTS:
            self.next()
            return ("name", self.braced_name(hatted=False))
        if kind == "cmd" and text[1:] in HATS:
            self.next()
            return ("name", self.hat_name(self.braced_name()))
        if kind == "cmd" and (text[1:] in GREEK or text[1:] in GREEK_NAMES):
            for cand in GREEK_NAMES.get(text[1:], (text[1:],)):
                if self.known(cand) or self.known("d" + cand):
                    self.next()
                    return ("name", cand)
        if text == "{":
            self.next()
            node = self.suffixes(self.name_only())
            self.expect("}")
            return node
        raise Fallback

    def delta(self) -> tuple[Any, ...]:
        kind, text = self.peek()
        if kind == "id" or kind == "cmd" and text[1:] in FONTS | HATS:  # δZ2, \delta \hat{Y}
            node = self.suffixes(self.name_only())
            if node[0] == "name":
                return ("name", "d" + node[1])
            raise Fallback
        if text == "_":
            self.next()
            toks = self.group_tokens()
            if all(t[0] == "num" for t in toks):
                return ("name", "dZ" + "".join(t[1] for t in toks))
            sub = self.sub(toks)
            node = sub.suffixes(sub.name_only())
            if node[0] != "name" or sub.peek()[0] != "end":
                raise Fallback
            return ("name", "d" + node[1])
        if text == "^":
            self.next()
            sup = "".join(t[1] for t in self.group_tokens()).replace(" ", "")
            m = re.fullmatch(r"\[(\d+)\]|\((\d+)\)|(\d+)", sup)
            if m is None:
                raise Fallback
            return ("name", "dZ" + next(g for g in m.groups() if g))
        raise Fallback

    def fraction(self) -> tuple[Any, ...]:
        self.skip_sizing()
        if self.peek()[1] == "{" and self.peek(1)[1] == "\\partial":
            return self.partial_fraction()
        num = self.argument()
        den = self.argument()
        if (
            num[0] == "name"
            and den[0] == "name"
            and len(num[1]) > 1
            and len(den[1]) > 1
            and num[1].startswith("d")
            and den[1].startswith("d")
        ):  # \frac{dL}{dW}, \frac{dA}{dZ}: Leibniz notation
            return self.leibniz(num[1][1:], den[1][1:])
        return ("bin", "/", num, den)

    def partial_fraction(self) -> tuple[Any, ...]:
        """``\\frac{\\partial A}{\\partial B}`` as latexin.partial_fraction reads it."""
        self.next(), self.next()  # { \partial
        num = self.numerator_name()
        for text in ("}", "{", "\\partial"):
            self.skip_sizing()
            self.expect(text)
        node = self.suffixes(self.name_only())
        if node[0] != "name":
            raise Fallback
        self.skip_sizing()
        self.expect("}")
        return self.leibniz(num, node[1])

    def numerator_name(self) -> str:
        kind, text = self.peek()
        if kind == "cmd" and text == "\\mathcal":
            self.next()
            self.braced_name()
            return "L"
        node = self.suffixes(self.name_only())
        if node[0] != "name":
            raise Fallback
        return str(node[1])

    def leibniz(self, num: str, den: str) -> tuple[Any, ...]:
        """∂num/∂den: the gradient ``d<den>`` when num is the loss (latexin.is_loss), else the
        local derivative ``("leib", A, B)`` (resolved by derive.checker.fastpath._Chains)."""
        self.leibniz_read = True
        if self.loss is None or num == self.loss or (num in LOSS_NAMES and not self.known(num)):
            return ("name", "d" + den)
        return ("leib", ("name", num), ("name", den))

    def argument(self) -> tuple[Any, ...]:
        self.skip_sizing()
        kind, text = self.peek()
        if text == "{":
            self.next()
            if self.peek()[1] == "\\partial":
                raise Fallback
            inner = self.expr()
            self.expect("}")
            return inner
        if kind == "num" and len(text) > 1 and text.isdigit():  # \frac12
            self.next()
            self.toks.insert(self.pos, ("num", text[1:]))
            return _num(text[0])
        if kind in ("num", "id", "cmd"):
            return self.postfix()
        raise Fallback


def limit(tree: tuple[Any, ...], lim: dict[str, Any]) -> None:
    """:class:`Fallback` unless ``tree`` is within latexin's limits (parts, depth, exponents)."""
    _count(tree, lim)


def _count(tree: tuple[Any, ...], lim: dict[str, Any]) -> None:
    """latexin._limits: parts, depth and exponents within the language's limits."""
    count = 0
    stack = [(tree, 0)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > lim["max_depth"]:
            raise Fallback
        if node[0] == "pow" and abs(node[2]) > lim["max_exponent"]:
            raise Fallback
        stack.extend((c, depth + 1) for c in node[1:] if isinstance(c, tuple) and c)
    if count > 4 * lim["max_nodes"]:  # ex.MAX_FORMULA_NODES
        raise Fallback


def parse(
    text: str,
    known: Callable[[str], bool],
    lim: dict[str, Any],
    loss: str | None = None,
    seen: set[str] | None = None,
    scalar: bool | None = None,
) -> tuple[Any, ...]:
    """``text`` read as :func:`derive.checker.latexin.parse` reads it (a formula without a left
    side; ``loss``: the network's loss, whose ∂loss/∂X is the gradient dX), as the fast path's
    tree; :class:`Fallback` for anything outside the subset. ``seen`` gets ``"leibniz"`` when
    the text has Leibniz notation (∂A/∂B, dA/dB)."""
    if not isinstance(text, str) or not text.strip() or len(text) > lim["max_length"]:
        raise Fallback
    p = _Parser(_tokens(text), known, lim, loss)
    p.scalar = scalar  # the gradient asked for is one number: a bare \sum is its total
    try:
        tree = p.expr()
    except RecursionError:
        raise Fallback from None
    if p.peek()[0] != "end":
        raise Fallback
    _count(tree, lim)
    if p.leibniz_read and seen is not None:
        seen.add("leibniz")
    return tree


_SPAN = re.compile(r"\$\$(.+?)\$\$|\$(.+?)\$|\\\((.+?)\\\)|\\\[(.+?)\\\]", re.S)  # latexin._SPAN


def _strip_period(s: str) -> str:
    """latexin._strip_period: a closing ``.``/``,``/``;`` (also after ``\\,``) blanked out."""
    m = re.search(r"(?:\\[,;:!]|\\quad|~|\s)*[.,;]\s*$", s)
    if m and m.start() > 0 and not re.search(r"\d\.$", s[: m.end()].rstrip()):
        s = s[: m.start()] + " " * (len(s) - m.start())
    return s


def unwrap(text: str) -> str:
    """A formula set whole in ``$…$``, ``$$…$$``, ``\\(…\\)`` or ``\\[…\\]``, with a closing
    full stop or comma, as latexin._strip_delimiters blanks them out (ASCII only; words around
    the formula, as latexin._math_in_prose reads them: :class:`Fallback`)."""
    if not text.isascii():
        raise Fallback  # latexin.pasted rewrites it first: the slow path
    spans = list(_SPAN.finditer(text))
    if len(spans) == 1:
        m = spans[0]
        outside = text[: m.start()] + text[m.end() :]
        prose = outside.strip(" \t.,;")
        if prose and not re.search(r"[\\^_{}=$]", outside):
            raise Fallback  # a sentence around the formula
    s = _strip_period(text)
    body = s.strip()
    lead = len(s) - len(s.lstrip())
    for left, right in (("$$", "$$"), ("$", "$"), (r"\(", r"\)"), (r"\[", r"\]")):
        inner = body[len(left) : len(body) - len(right)]
        if body.startswith(left) and body.endswith(right) and len(body) >= len(left) + len(right):
            if left == "$" and "$" in inner:
                continue
            s = s[:lead] + " " * len(left) + inner + " " * len(right) + s[lead + len(body) :]
            break
    return _strip_period(s)


_LOSS_TEX = r"(?:\\mathcal\s*\{\s*([A-Z])\s*\}|\\(ell)\b|([A-Za-z]))"
_LHS_FRAC = re.compile(
    r"\s*\\[dt]?frac\s*\{\s*\\partial\s*" + _LOSS_TEX + r"\s*\}\s*\{\s*\\partial\s*(.+?)\s*\}\s*"
)
_LHS_NABLA = re.compile(r"\s*\\nabla\s*_\s*\{(.+?)\}\s*" + _LOSS_TEX + r"?\s*")


def split_lhs(text: str) -> tuple[str, tuple[str, str, str | None] | None]:
    """A formula with one left side, as notes write it (``\\frac{\\partial L}{\\partial
    W^{[2]}} = …``, ``\\nabla_{W} J = …``, ``dW^{[2]} = …``, ``\\delta^{[1]} = …``): the right
    side, and
    ``(kind, text, loss)`` for the left one — kind ``"of"`` when ``text`` is the tensor whose
    gradient it names (with the loss as written, or None), ``"is"`` when ``text`` is the
    gradient's own name; no left side: ``(text, None)``. Anything else: :class:`Fallback`."""
    bare = _SUM_FROM.sub(lambda m: m.group().replace("=", " "), text)  # \sum_{i=1}: no side
    if "=" not in bare:
        return text, None
    if bare.count("=") != 1 or any(ch in text for ch in "$&%#\n\r\t") or ":=" in text:
        raise Fallback  # chains, definitions, rows: the slow path
    at = bare.index("=")
    lhs, rhs = text[:at], text[at + 1 :]
    if "\\sum" in rhs and re.search(r"_\s*\{?\s*[cijklnpqth]{1,2}\s*\}?", lhs):
        raise Fallback  # ∂L/∂b_j = \sum_i δ_{ij}: index notation (latexin's indices)
    for pattern in (_LHS_FRAC, _LHS_NABLA):
        m = pattern.fullmatch(lhs)
        if m is not None:
            loss = next((g for g in m.groups()[1 if pattern is _LHS_NABLA else 0 :][:3] if g), None)
            tensor = m.group(4) if pattern is _LHS_FRAC else m.group(1)
            if "\\partial" in tensor or "\\frac" in tensor:
                raise Fallback  # ∂L/∂v ∂v/∂w = …: a chain rule on the left side
            return rhs, ("of", tensor, loss)
    if "\\partial" in lhs or "\\nabla" in lhs or "\\frac" in lhs:
        raise Fallback  # a chain rule on the left side, ∂/∂y of an expression: the slow path
    return rhs, ("is", lhs, None)
