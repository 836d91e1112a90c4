"""What ``derive check`` answers: :class:`CheckResult` (with its text and JSON forms), the
:class:`Diagnosis` records in it, the diagnosis :data:`CODES`, and :class:`FormulaError` for input
that cannot be read (exit 2).

These are plain records, built by :mod:`derive.checker.check` (formulas) and :mod:`derive.checker.handcalc`
(numbers); :mod:`derive.checker.check` re-exports them as the public API.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any

from derive.checker import names
from derive.lang import expr as ex
from derive.locale import catalog

CODES = {
    "shape-mismatch": "the result (or a product inside it) has the wrong shape",
    "missing-transpose": "a factor must be transposed",
    "extra-transpose": "a factor must not be transposed",
    "operand-order": "the operands of a product are swapped (or the result is transposed)",
    "scale-factor": "off by a constant factor (1/m, 2 from ½, …)",
    "sign": "off by a sign",
    "missing-activation-derivative": "the activation's derivative (σ', relu') is left out",
    "wrong-activation-derivative": "the derivative of another activation is used",
    "bias-not-summed": "a bias gradient is not summed over the batch",
    "wrong-sum-axis": "a sum runs over the wrong axis",
    "weighted-loss-not-simplifiable": "(Ŷ − Y)/m used under a weighted BCE",
    "relu-at-zero": "differs from PyTorch's relu'(0) = 0 exactly where the ReLU input is 0",
    "circular": "the formula uses the gradient it is supposed to compute",
    "rounding": "a number off by more than its digits allow, explained by rounding",
    "too-few-digits": "a number with too few significant digits to judge",
    "wrong-entry": "a number that is another entry of the gradient",
    "wrong-layer": "a tensor of another layer stands where a different one belongs",
    "missing-loss-term": "a term of the loss (e.g. weight decay) is left out of a gradient",
    "loss-term-factor": "a term of the loss (e.g. weight decay) enters with the wrong factor",
    "extra-loss-term": "a term the loss does not have (weight decay on a bias or θ₀) is added",
    "missing-path": "one of the paths a tensor reaches the loss by is left out",
    "missing-factor": "a chain-rule product lacks one of its factors (named)",
    "label-smoothing": "the loss' label smoothing is left out (the plain target for the smoothed one)",
    "kernel-not-rotated": "a convolution's kernel not turned by 180° where it must be (or turned where it must not)",
    "unknown": "wrong, no known pattern",
}


@dataclass(frozen=True)
class Msg:
    """A sentence not yet in a language: the catalogue key under ``check.`` and its arguments
    (texts, numbers, or other :class:`Msg`, rendered in the same language)."""

    key: str
    args: tuple[tuple[str, Any], ...] = ()

    def render(self, lang: str = "en") -> str:
        """The sentence in ``lang`` (``derive/locale/<lang>.toml``, table ``check``)."""
        args = {
            k: v.render(lang) if isinstance(v, Msg | catalog.Said) else v for k, v in self.args
        }
        return catalog.text(f"check.{self.key}", lang, **args)


def msg(key: str, /, **args: Any) -> Msg:
    """``Msg(key, args)``: ``msg("diag.negative", grad="∂L/∂W2")``."""
    return Msg(key, tuple(args.items()))


class FormulaError(ex.ExprError):
    """An unreadable formula or bad ``wrt``/``value`` (exit 2). ``col`` is 1-based in ``text``
    (0 when unknown). ``message`` is English; a :class:`Msg` given as the message is kept as
    ``msg`` for :meth:`localized`."""

    def __init__(self, message: str | Msg, col: int = 0, text: str = "") -> None:
        self.msg = message if isinstance(message, Msg) else None
        super().__init__(message.render() if isinstance(message, Msg) else message, col)
        self.text = text

    def localized(self, lang: str = "en") -> str:
        """The message in ``lang``; the parsers' own messages (the ``detail`` of a syntax
        error) are translated by :func:`translate_detail`."""
        if self.msg is None:
            return translate_detail(self.message, lang)
        m = self.msg
        if lang != "en" and m.key in ("error.syntax", "error.latex"):
            args = dict(m.args)
            if not isinstance(args.get("detail"), catalog.Said):  # a catalogue sentence says itself
                args["detail"] = translate_detail(str(args.get("detail", "")), lang)
            m = Msg(m.key, tuple(args.items()))
        return m.render(lang)

    def pointer(self, lang: str = "en") -> str:
        """The message under the formula with a caret at the column."""
        message = self.localized(lang)
        if not self.text or not 0 < self.col <= len(self.text) + 1 or "\n" in self.text:
            return message
        return f"  {self.text}\n  {' ' * (self.col - 1)}^ {message}"


@dataclass(frozen=True)
class Diagnosis:
    """One finding: ``code`` (a key of :data:`CODES`), a plain-words ``message``, the
    corrected formula ``fix`` (input language) and, for ``scale-factor``, the ``factor``
    (``"m"``, ``"2"``)."""

    code: str
    message: str
    fix: str | None = None
    factor: str | None = None
    msg: Msg | None = field(default=None, compare=False, repr=False)

    @classmethod
    def of(cls, code: str, m: Msg, fix: str | None = None, factor: str | None = None) -> Diagnosis:
        """A diagnosis whose ``message`` is ``m`` in English (kept for :meth:`localized`)."""
        return cls(code, m.render("en"), fix, factor, m)

    def localized(self, lang: str) -> Diagnosis:
        """The same finding with ``message`` in ``lang``."""
        if self.msg is None:
            return self
        return replace(self, message=self.msg.render(lang))

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.fix is not None:
            out["fix"] = self.fix
        if self.factor is not None:
            out["factor"] = self.factor
        return out


@dataclass(frozen=True)
class CheckResult:
    """The answer to one check. ``verdict`` is ``"correct"`` or ``"incorrect"``; ``expected`` is
    the corrected formula in the input language (in the walkthrough's step form, with upstream
    names such as ``dZ2``) or, for a number, the exact value; ``shape`` that of the gradient."""

    network: str
    wrt: str
    submitted: str
    verdict: str
    diagnoses: tuple[Diagnosis, ...]
    expected: str
    shape: tuple[int, int]
    read_as: str | None = None  # the formula as understood (input language)
    expanded: str | None = None  # ``expected`` with upstream gradients written out
    expected_tex: str | None = None
    notes: tuple[str, ...] = ()
    exact: float | None = None  # value mode: the exact value
    tolerance: float | None = None  # value mode: the accepted difference
    lang: str = "en"  # the language of ``notes``, the messages and :meth:`text`
    note_msgs: tuple[Msg, ...] = field(default=(), compare=False, repr=False)

    def localized(self, lang: str) -> CheckResult:
        """The same answer with notes, messages and :meth:`text` in ``lang`` (``en``, ``zh``)."""
        catalog.catalogue(lang)  # ValueError for an unknown language
        notes = tuple(m.render(lang) for m in self.note_msgs) if self.note_msgs else self.notes
        diags = tuple(d.localized(lang) for d in self.diagnoses)
        return replace(self, lang=lang, notes=notes, diagnoses=diags)

    @property
    def ok(self) -> bool:
        return self.verdict == "correct"

    @property
    def code(self) -> str | None:
        """The main diagnosis code (``None`` when correct)."""
        return self.diagnoses[0].code if self.diagnoses else None

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "verdict": self.verdict,
            "diagnoses": [d.as_dict() for d in self.diagnoses],
            "expected": self.expected,
            "shape": list(self.shape),
            "network": self.network,
            "wrt": self.wrt,
            "submitted": self.submitted,
        }
        for key in ("read_as", "expanded", "expected_tex", "exact", "tolerance"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        out["notes"] = list(self.notes)
        return out

    def text(self) -> str:
        """A short plain-text report for the terminal (in :attr:`lang`)."""
        lang = self.lang

        def say(key: str, **args: Any) -> str:
            return catalog.text(f"check.line.{key}", lang, **args)

        grad = grad_name(self.wrt)
        lines = []
        if self.exact is not None:
            if self.ok:
                lines.append(say("value_correct", grad=grad, value=self.submitted))
            else:
                code = self.diagnoses[0].code
                lines.append(say("value_incorrect", grad=grad, value=self.submitted, code=code))
            for d in self.diagnoses:
                lines.append(f"  {d.message}")
            lines.append("  " + say("exact", value=self.expected))
        elif self.ok:
            lines.append(say("correct", grad=grad, formula=self.read_as))
            lines.append("  " + say("equals", grad=grad, shape=shape_text(self.shape)))
        else:
            first = self.diagnoses[0]
            lines.append(say("incorrect", code=first.code, message=first.message))
            for d in self.diagnoses[1:]:
                lines.append("  " + say("also", code=d.code, message=d.message))
            lines.append("  " + say("yours", formula=self.read_as))
            fix = names.fix_text(self.expected, self.expanded)
            lines.append("  " + say("fix", symbol=self.wrt_symbol(), formula=fix))
        lines += ["  " + say("note", note=n) for n in self.notes]
        return "\n".join(lines)

    def wrt_symbol(self) -> str:
        return "d" + self.wrt


def grad_name(wrt: str) -> str:
    """``W2`` → ``∂L/∂W2``."""
    return f"∂L/∂{wrt}"


def shape_text(shape: tuple[int, ...]) -> str:
    """``(2, 1)``."""
    return f"({', '.join(str(int(s)) for s in shape)})"


# ---- the parsers' messages in Chinese ----------------------------------------------------------

_ZH_PHRASES = {
    "an operator or the end of the formula": "运算符或公式结尾",
    "a number, a name, '(' or a command such as \\frac": "数字、名字、'(' 或 \\frac 等命令",
    "the end of the formula": "公式结尾",
    "a name": "一个名字",
    "a superscript or subscript": "上标或下标",
    "'}'": "'}'",
    "_{…} or ^{[k]} after \\delta": "\\delta 后面的 _{…} 或 ^{[k]}",
    "_{…} after \\nabla": "\\nabla 后面的 _{…}",
    "what to sum after \\sum": "\\sum 后面要求和的内容",
    "a comparison such as > 0 or \\geq 0 in the indicator": "指示函数中的比较，例如 > 0 或 \\geq 0",
}

# the parsers' "expected …" phrases with a part that varies (a command, a bracket), by pattern
_ZH_PHRASE_RULES: list[tuple[str, str]] = [
    (r"the argument \{…\} of (.+)", "{0} 的参数 {{…}}"),
    (r"the numerator \{…\} of \\frac", "\\frac 的分子 {{…}}"),
    (r"the denominator \{…\} of \\frac", "\\frac 的分母 {{…}}"),
    (r"'(.+?)' to close the arguments? of (.+)", "闭合 {1} 参数的 '{0}'"),
    (r"'(.+?)' to close the indicator", "闭合指示函数的 '{0}'"),
    (r"'(.+?)' to close the loss's arguments", "闭合损失函数参数的 '{0}'"),
    (r"'(.+?)' to close (.+)", "闭合 {1} 的 '{0}'"),
    (r"'(.+?)' after the numerator in (.+)", "{1} 中分子后面的 '{0}'"),
    (r"'(.+?)' in the denominator of (.+)", "{1} 分母中的 '{0}'"),
    (r"'(.+?)' after the environment's name", "环境名后面的 '{0}'"),
    (r"'\[' after \\mathbb\{E\} \(the mean of what\)", "\\mathbb{{E}} 后面的 '['（对什么求平均）"),
    (r"'(.+?)' after (.+)", "{1} 后面的 '{0}'"),
    (r"'/' in (.+)", "{0} 中的 '/'"),
    (r"the loss name after \\partial, e\.g\. (.+?) or (.+)", "\\partial 后面的损失名，例如 {0} 或 {1}"),
    (r"the argument of (.+?), e\.g\. (.+)", "{0} 的参数，例如 {1}"),
    (r"a number as the slope of (.+?), e\.g\. (.+)", "{0} 的斜率（一个数），例如 {1}"),
    (r"the arguments of (.+?), e\.g\. (.+)", "{0} 的参数，例如 {1}"),
    (r"the block's bounds, e\.g\. (.+)", "块的范围，例如 {0}"),
    (r"the end of the indicator's condition", "指示函数条件的结尾"),
    (r"the end of the group", "分组的结尾"),
    (r"'(.+?)', '(.+?)' or (.+)", "'{0}'、'{1}' 或 {2}"),
]


def _zh_phrase(g: str) -> str:
    """An "expected …" phrase in Chinese: the table, then the patterns, else as it is."""
    if g in _ZH_PHRASES:
        return _ZH_PHRASES[g]
    for pattern, template in _ZH_PHRASE_RULES:
        m = re.fullmatch(pattern, g, flags=re.S)
        if m:
            return template.format(*(_zh_phrase(x) if "the " in x else x for x in m.groups()))
    return g


_ZH_RULES: list[tuple[str, str]] = [
    (
        r"expected a name inside (.+?) at column (\d+), found (.+)",
        "第 {1} 列的 {0} 里应为一个名字，实际是 {2}",
    ),
    (r"expected (.+) at column (\d+), found (.+)", "第 {1} 列应为{0}，实际是 {2}"),
    (r"expected \^\{\\top\} after (.+?) \(column (\d+)\)", "{0} 后面应为 ^{{\\top}}（第 {1} 列）"),
    (
        r"\\operatorname\{clip\} takes \(x, lo, hi\) \(column (\d+)\)",
        "\\operatorname{{clip}} 的参数应为 (x, lo, hi)（第 {0} 列）",
    ),
    (r"the derivative of (.+?) is not read \(column (\d+)\)", "不读取 {0} 的导数（第 {1} 列）"),
    (r"unknown name '(.+?)' at column (\d+)", "未知的名字 '{0}'（第 {1} 列）"),
    (r"syntax error at column (\d+): (.+)", "第 {0} 列有语法错误：{1}"),
    (
        r"unknown function '(.+?)'; allowed: (.+?)( \(column \d+\))?$",
        "未知的函数 '{0}'；可用的有：{1}{2}",
    ),
    (
        r"only calls of named functions are allowed, e\.g\. sigmoid\(Z1\)( \(column \d+\))?$",
        "只能调用有名字的函数，例如 sigmoid(Z1){0}",
    ),
    (
        r"attribute '(.+?)' is not allowed; only '\.T'( \(column \d+\))?$",
        "不允许属性 '{0}'，只能用 '.T'{1}",
    ),
    (r"'(.+?)' is not allowed in an expression( \(column \d+\))?$", "表达式中不允许出现 '{0}'{1}"),
    (r"'(.+?)' is not allowed here \(column (\d+)\)", "这里不允许出现 '{0}'（第 {1} 列）"),
    (r"only one comparison > >= < <= is allowed( \(column \d+\))?$", "只允许一个比较 > >= < <={0}"),
    (
        r"only \+ - \* / @ \*\* are allowed between terms( \(column \d+\))?$",
        "项之间只允许 + - * / @ **{0}",
    ),
    (r"(?:expression|formula) is empty", "公式是空的"),
    (
        r"(?:expression|formula) is (\d+) characters long; the limit is (\d+)",
        "公式有 {0} 个字符，上限是 {1}",
    ),
    (r"(?:expression|formula) (?:is too deeply nested|nests too deeply)(.*)", "公式嵌套太深{0}"),
    (r"(?:expression|formula) nests deeper than (\d+) levels(.*)", "公式嵌套超过 {0} 层{1}"),
    (
        r"(?:expression|formula) has (\d+) parts; the limit is (\d+)",
        "公式有 {0} 个部分，上限是 {1}",
    ),
    (r"exponent (.+?) is too large \(limit (\d+), column (\d+)\)", "指数 {0} 太大（上限 {1}，第 {2} 列）"),
    (r"exponent (.+?) is too large \(limit (\d+)\)(.*)", "指数 {0} 太大（上限 {1}）{2}"),
    (r"number is too large \(limit (.+?)\)(.*)", "数太大（上限 {0}）{1}"),
    (
        r"(\w+)\(\) takes the axis by position or keyword, not both( \(column \d+\))?$",
        "{0}() 的 axis 只能按位置或按关键字给出一次，不能两者都给{1}",
    ),
    (
        r"(.+?)\(\) keyword '(.+?)' (?:unknown|is not read); allowed: (.+?)( \(column \d+\))?$",
        "{0}() 不读取关键字参数 '{1}'；可用的有：{2}{3}",
    ),
    (r"(.+?) is True or False( \(column \d+\))?$", "{0} 只能是 True 或 False{1}"),
    (r"expected a layer such as (.+?) \(column (\d+)\)", "第 {1} 列应为层号，例如 {0}"),
    (r"only unary - and \+ are allowed( \(column \d+\))?$", "只允许一元的 - 和 +{0}"),
    (r"only numbers are allowed as constants, not (.+?)( \(column \d+\))?$", "常量只能是数，不能是 {0}{1}"),
    (
        r"an exponent must be a number \(or numbers: (.+?)\) or a \[constants\] name(.*)",
        "指数必须是一个数（或数的运算：{0}）或 [constants] 中的名字{1}",
    ),
    (r"an exponent must be a number(.*)", "指数必须是一个数{0}"),
    (r"(\\\w+)\{\} is empty \(column (\d+)\)", "{0}{{}} 是空的（第 {1} 列）"),
    (
        r"cannot read the superscript '(.+?)' at column (\d+): .*",
        "无法读取第 {1} 列的上标 '{0}'：应为数字、[k]（层）、T 或 \\top（转置）",
    ),
    (
        r"the time index '(.+?)' at column (\d+) names no tensor of this network: write the step "
        r"itself \((.+?), …\), or the sum over the steps, (.+)",
        "第 {1} 列的时间下标 '{0}' 不对应这个网络的任何张量：请写出具体的时间步（{2}，…），"
        "或写成对各时间步的求和 {3}",
    ),
    (
        r"\\partial (.+?)/\\partial (.+?): '(.+?)' is not a node of this network; name one of its "
        r"tensors \(as --wrt does\)",
        "\\partial {0}/\\partial {1}：'{2}' 不是这个网络的节点；请写网络中的某个张量（与 --wrt 相同）",
    ),
    (
        r"the slice '(.*?)' after a bracket at column (\d+) is not read: .*",
        "第 {1} 列括号后的切片 '{0}' 无法读取：请不用切片写出它所表示的内容，"
        "例如对各列求和写作 (…) \\mathbf{{1}}",
    ),
    (
        r"the negative part \(…\)_- at column (\d+) is not read: .*",
        "第 {0} 列的负部 (…)_- 无法读取：请写成 \\min(…, 0) 或 -\\max(-…, 0)",
    ),
    (
        r"cannot read the subscript '(.*?)' at column (\d+): .*",
        "无法读取第 {1} 列的下标 '{0}'：应为数字或单词，例如 W_{{1}}、y_{{pred}}",
    ),
    (
        r"unknown or unsupported command '(.+?)' at column (\d+).*",
        "第 {1} 列的命令 '{0}' 未知或不受支持；可用的例如 \\frac、\\cdot、\\odot、\\sigma、\\delta、\\sum、\\mathbf{{1}}[…]、^{{\\top}}",
    ),
    (
        r"\\delta\^\{(.+?)\} is the general layer (.+?): .* \(column (\d+)\)",
        "\\delta^{{{0}}} 表示一般的第 {1} 层：检查器读取的是这个网络某一层的梯度，请写出层号，"
        "例如 \\delta^{{(1)}} 或 \\delta^{{[2]}}（第 {2} 列）",
    ),
    (
        r"\\delta\^\{\((\d+),([a-z])\)\} is per-example notation .* \(column (\d+)\)",
        "\\delta^{{({0},{1})}} 是逐样本记号（第 {0} 层、第 {1} 个样本）："
        "检查器需要整个批量的向量化形式，即每行一个样本的 \\delta^{{({0})}}"
        "（对 {1} 求和就成了矩阵乘积，例如 X^\\top \\delta^{{({0})}}）（第 {2} 列）",
    ),
    (
        r"(\w+)' in a sum or difference \(column (\d+)\): a prime on a tensor is read as its "
        r"transpose .*",
        "{0}' 出现在加减运算中（第 {1} 列）：张量上的撇号被读作转置（Octave 的 X'），而与未转置的项相加减时"
        "很少是这个意思；转置请写 {0}^\\top，若 {0}' 表示另一个张量，请写网络中它自己的名字",
    ),
    (
        r"per-example notation such as .* \(column (\d+)\)",
        "不读取逐样本记号（例如 ^{{(i)}}）：检查器需要整个批量的向量化形式（大写字母、每行一个样本，例如 A^{{[1]}}、dZ^{{[2]}}，平均用 \\frac{{1}}{{m}}）（第 {0} 列）",
    ),
    (
        r"an expectation \\mathbb\{E\} is not read \(column (\d+)\): .*",
        "不读取期望 \\mathbb{{E}}（第 {0} 列）：请把批量平均写成 \\frac{{1}}{{m}}\\sum_{{i=1}}^{{m}} …，或写成向量化形式",
    ),
    (
        r"the environment '(.+?)' is not read here \(column (\d+)\); .*",
        "这里不读取环境 '{0}'（第 {1} 列）；矩阵请写成 \\begin{{bmatrix}} … \\end{{bmatrix}}",
    ),
    (
        r"a layer index \[k\] belongs on a name \(column (\d+)\)",
        "层下标 [k] 应写在名字上（第 {0} 列）",
    ),
    (
        r"the words \\text\{(.*?)\} \(column (\d+)\) say an operation the formula does not write: .*",
        "\\text{{{0}}} 里的文字（第 {1} 列）说的是公式中没有写出的运算；请用数学式写出（求和写成 \\sum_i … "
        "或 \\mathbf{{1}}^\\top …，转置写成 ^\\top），说明性的文字请放进括号里",
    ),
    (
        r"only \\max\(0, x\) \(ReLU\) is supported \(column (\d+)\)",
        "只支持 \\max(0, x)（ReLU）（第 {0} 列）",
    ),
    (
        r"'(.+?)' must be followed by a name \(column (\d+)\)",
        "'{0}' 后面必须是一个名字（第 {1} 列）",
    ),
    (r"expected a name (?:after|in) (.+?) \(column (\d+)\)", "{0} 处应为一个名字（第 {1} 列）"),
    (r"a formula must be a string|an expression must be a string", "公式必须是字符串"),
    (r"an expression is one line with no ';'", "公式只能写一行，不能有 ';'"),
]


_ZH_PYTHON = [  # Python's own syntax-error details, as the plain reader passes them on
    (r"'(.)' was never closed", "'{0}' 没有闭合"),
    (r"unmatched '(.)'", "多余的 '{0}'"),
    (
        r"closing parenthesis '(.)' does not match opening parenthesis '(.)'.*",
        "右括号 '{0}' 与左括号 '{1}' 不配对",
    ),
    (r"invalid syntax.*", "无效的写法"),
    (r"invalid decimal literal", "无效的数字写法"),
    (
        r"the expression ends with '(.{1,2})': a term is missing after it",
        "表达式以 '{0}' 结尾：它后面缺了一项",
    ),
    (
        r"two operators in a row, '(.)' then '(.)': a term is missing between them",
        "两个运算符连在一起（'{0}' 后接 '{1}'）：它们之间缺了一项",
    ),
    (r"unexpected EOF while parsing|incomplete input", "公式不完整"),
    (
        r"unexpected character after line continuation character",
        "反斜杠 \\ 后出现了意外的字符（LaTeX 请加 --latex）",
    ),
    (r"unterminated string literal.*", "字符串没有结束"),
    (r"unexpected indent", "意外的缩进"),
    (r"expression cannot contain assignment, perhaps you meant \"==\"\?", "表达式中不能赋值；是不是想写 \"==\"？"),
    (r"cannot assign to .*", "这里不能赋值"),
    (r"cannot use (?:double )?starred expression here", "这里不能用 * 或 ** 展开"),
]


def _zh_python(g: str) -> str:
    for pattern, template in _ZH_PYTHON:
        m = re.fullmatch(pattern, g)
        if m:
            return template.format(*m.groups())
    return g


def translate_detail(text: str, lang: str) -> str:
    """A parser message (:mod:`derive.lang.expr`, :mod:`derive.checker.latexin`) in ``lang``: Chinese by a
    table of the messages' patterns; English (or an unmatched message) unchanged."""

    if lang != "zh" or not text:
        return text
    for pattern, template in _ZH_RULES:
        m = re.fullmatch(pattern, text, flags=re.S)
        if m:
            groups = [g or "" for g in m.groups()]
            groups = [_zh_python(_zh_phrase(g)) for g in groups]
            groups = [re.sub(r" \(column (\d+)\)", r"（第 \1 列）", g) for g in groups]
            groups = [  # ')' (for the '(' opened at column 25)
                re.sub(
                    r" \(for the '(.+?)' opened at column (\d+)\)", r"（与第 \2 列的 '\1' 配对）", g
                )
                for g in groups
            ]
            return template.format(*groups)
    return text
