"""How a user's spelling of a name is looked up among the network's names (SymPy-free, shared by
:class:`derive.checker.checknet.Net` and the fast path :mod:`derive.checker.fastpath`)."""

from __future__ import annotations

import ast
import io
import re
import tokenize
from collections.abc import Callable, Container


# a Greek letter's word → the short spellings specs give a tensor named by it (MIT 6.390's th,
# th0 for θ, θ₀; the λ of a penalty as lam, lambd, lmbda)
GREEK_SHORT = {"theta": ("th",), "lambda": ("lam", "lambd", "lmbda")}
_GREEK_WORD = re.compile(r"(theta|lambda)(_?\d*)")


def resolve(
    has: Callable[[str], bool], constants: Container[str], name: str, *, swap: bool = True
) -> str | None:
    """The canonical name ``name`` stands for (``has(n)``: ``n`` is a known name), trying the
    spellings LaTeX and course notes produce, or ``None``; ``swap=False``: not the first
    letter's case swapped (y for Y)."""
    tries = [name]
    if name.startswith("delta_"):
        tries.append("d" + name[6:])
    if name.startswith("d_"):
        tries.append("d" + name[2:])
    if name.startswith("grad_"):  # grad_y_pred, grad_w2: the PyTorch tutorial's names
        # (d_k first: the network's name for ∂L/∂k where a size dk takes dk — LaTeX's δ_k)
        tries.extend(["d_" + name[5:], "d" + name[5:]])
    if name.startswith("nabla_"):  # nabla_w, nabla_b: Nielsen's names
        tries.append("d" + name[6:])
    tries.append(name.replace("_", ""))
    m = _GREEK_WORD.fullmatch(name)
    if m:  # \theta, \theta_0, θ₀: MIT 6.390's th, th0 (a letter's short spelling in a spec)
        for short in GREEK_SHORT[m.group(1)]:
            tries.extend([short + m.group(2), short + m.group(2).replace("_", "")])
    m = re.fullmatch(r"([A-Za-z]+)(\d+)", name)
    if m:  # LaTeX h_{2} is read as h2: the tensor may be called h_2
        tries.append(f"{m.group(1)}_{m.group(2)}")
    m = re.fullmatch(r"(\w+?)_[ijkn]", name)
    if m:
        tries.append(m.group(1))
    for t in tries:
        if has(t):
            return t
    if not swap:
        return None
    for t in tries:  # y for Y, a2 for A2, dz2 for dZ2 (notes write vectors in lower case)
        k = 1 if t.startswith("d") and len(t) > 1 and t[1:2].isalpha() else 0
        other = t[:k] + t[k].swapcase() + t[k + 1 :] if t else t
        if has(other) and other not in constants:
            return other
    return None


def call_keywords(node: ast.Call) -> bool:
    """NumPy/PyTorch keywords of a call in the language's terms, in place: ``keepdims``/
    ``keepdim`` dropped (reductions keep 2-D anyway), ``dim=`` read as ``axis=``. Whether
    anything changed."""
    kws = []
    for k in node.keywords:
        if k.arg in ("keepdims", "keepdim"):
            continue
        kws.append(ast.keyword("axis", k.value) if k.arg == "dim" else k)
    changed = len(kws) != len(node.keywords) or any(k.arg == "dim" for k in node.keywords)
    node.keywords = kws
    return changed


def row_sum_1d(node: ast.Call, modules: Container[str]) -> bool:
    """Is ``node`` a NumPy/PyTorch sum or mean along axis 1 (or -1) WITHOUT ``keepdims=True``
    (``np.sum(X, axis=1)``, ``X.sum(1)``, ``torch.sum(X, dim=1)``)? Its result is 1-D, which NumPy
    broadcasts as a row: ``A - np.sum(A, axis=1)`` subtracts the row sums along each row."""
    f = node.func
    if not isinstance(f, ast.Attribute) or f.attr not in ("sum", "mean"):
        return False
    module = isinstance(f.value, ast.Name) and f.value.id in modules
    given = node.args[1:2] if module else node.args[:1]
    axis = [k.value for k in node.keywords if k.arg in ("axis", "dim")] + list(given)
    if len(axis) != 1:
        return False
    try:
        value = ast.literal_eval(axis[0])
    except ValueError:
        return False
    if value not in (1, -1) or isinstance(value, bool):
        return False
    keep = [k.value for k in node.keywords if k.arg in ("keepdims", "keepdim")]
    return not (keep and isinstance(keep[0], ast.Constant) and keep[0].value is True)

# LaTeX for certain: a command (\frac), a braced super/subscript, a $ delimiter. A bare ``^``
# (``A1^T dZ2``) is only a hint: the plain reader is tried first (NumPy's ``^`` is XOR, never a
# gradient, so a formula with it that the plain reader refuses is read as LaTeX).
LATEX_HINT = re.compile(r"\\[A-Za-z]|\^\{|_\{|\$")


def looks_latex(text: str) -> bool:
    """Does ``text`` hint at LaTeX (``\\frac``, ``^{…}``, ``_{…}``, ``$``) outside the strings and
    comments of Python code? A solution cell whose docstring quotes maths (Nielsen's
    ``\"\"\"… \\partial C_x / \\partial a …\"\"\"``) is code (heldcheck36)."""
    if not LATEX_HINT.search(text):
        return False
    code = code_outside_strings(text)
    return code is None or bool(LATEX_HINT.search(code))


def code_outside_strings(text: str) -> str | None:
    """The tokens of ``text`` without its string literals and comments, where ``text`` is
    Python (a module that parses); None where it is not."""
    if "\n" not in text.strip() and not re.search(r"[\"'#]", text):
        return None  # one line with no string or comment: nothing to leave out
    try:
        ast.parse(text)
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (SyntaxError, ValueError, RecursionError, MemoryError, tokenize.TokenError, IndentationError):
        return None
    return " ".join(t.string for t in tokens if t.type not in (tokenize.STRING, tokenize.COMMENT))



_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺", "0123456789-+")
_SUPER_RUN = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺]+")
_FULL_WIDTH = str.maketrans("＋－．０１２３４５６７８９（）", "+-.0123456789()")


def number_text(text: str) -> str:
    """A hand number as pasted from notes or a PDF, in plain spelling (shared by the slow and
    the fast hand-number paths): a label or left side before the last ``=``/``≈`` dropped
    (``w12 ≈ -0.0163``, ``∂L/∂w12 = -0.0163``), full-width digits and signs, superscript
    exponents (``×10⁻²`` → ``×10^{-2}``), a trailing ellipsis (``-0.013668…``) and Chinese or
    Western sentence punctuation (``。``, ``，``) removed."""
    clean = re.sub(r"\s*#.*$", "", text.strip())  # a comment after it: "-0.0137  # rounded"
    clean = re.sub(r"^\(\s*[a-eA-E]\s*\)\s*(?=[-+−]?\.?\d)", "", clean)  # heldtex40: a choice's letter, "(d) −0.7428"
    m = re.search(r"(?:=|≈|\\approx)(?!.*(?:=|≈|\\approx))", clean)
    if m is not None and clean[: m.start()].strip():
        clean = clean[m.start() :]
    elif (m := re.match(r"\s*[^\d\s:：+\-−.][^:：]*[:：]", clean)) is not None:
        clean = clean[m.end() :]  # a label and a colon: "w11: -0.0137", "dL/dw11：-0.0137"
    # a short sentence that ends in the number: "the gradient is about -0.176", "I got -0.176",
    # "结果约为 −0.1763。", "答案是 0.05" (words only before it: no digit, sign or formula)
    sentence = re.match(
        r"\s*(?:[A-Za-z][A-Za-z' ]{0,40}?\s(?:is|was|equals|got|get|of)|"
        r"(?:[A-Za-z][\w₀-₉]{0,6}(?:\[[\d,\s]+\])?\s*)?[\u4e00-\u9fff]{1,8}?(?:为|是|得))"  # heldtex40: 「w₀ 的梯度约为 …」
        # heldtex49: an entry's index before it (「W_h[1,1] 的梯度约为 …」), a full-width sign or digit after it
        r"(?=\s*(?:approx\.?|approximately|about|around|roughly|约|大约)?\s*[-+−－＋]?[.．]?[\d０-９])",
        clean,
    )
    if sentence is not None:
        clean = clean[sentence.end() :]
    # a word for "about" before it: "approx. -0.0137", "about -0.0137", "约 -0.0137"
    about = r"^\s*(?:approx\.?|approximately|about|around|roughly|ca\.|≃|约等于|近似等于|近似为|约为|大约|约)\s*"  # 约等于: heldtex46
    clean = re.sub(about, "", clean, flags=re.I)
    clean = re.sub(r"10\s*\^\s*\(\s*([+-−]?\d{1,4})\s*\)", r"10^{\1}", clean)  # 10^(-2)
    clean = _SUPER_RUN.sub(lambda s: "^{" + s.group(0).translate(_SUPERSCRIPT) + "}", clean)
    clean = clean.translate(_FULL_WIDTH).strip()
    clean = re.sub(r"\s*(?:。|，|,|;|；)\s*$", "", clean)
    clean = re.sub(r"(?<=\d)\s*(?:…|\.\.\.|\\ldots|\\dots)\s*$", "", clean)
    # a remark after the number: "-0.0367 (3 s.f.)", "20 (exact)", "0.1356（四位有效数字）", and
    # as LaTeX writes it, "-1.68\ (3\text{ s.f.})" (its words in \text, a control space before)
    if "(" in clean and "\\text" in clean:
        clean = re.sub(r"\\text\{([^{}]*)\}", r"\1", clean)
    clean = re.sub(r"(?<=[\d.…])(?:\s|\\[ ,;]|\\q?quad)*\([^()]*\)\s*$", "", clean)
    # an uncertainty after the number: "0.1356 ± 0.0001", "0.1356 +/- 1e-4" (the digits count)
    clean = re.sub(r"(?<=[\d.])\s*(?:±|\+/-|\\pm)\s*[\d.]+(?:[eE][+-]?\d+)?\s*$", "", clean)
    # digits grouped with a space: "0.135 6", "0.013 668" (thin and no-break spaces too)
    if re.fullmatch(r"[+\-−]?\d*\.\d+(?:[ \u00a0\u202f\u2009]\d{1,3})+(?:[eE][+-]?\d+)?", clean):  # −: heldtex49
        clean = re.sub(r"[ \u00a0\u202f\u2009]", "", clean)
    return clean


MAX_EXPANDED_SHOWN = 160  # characters of the written-out expected formula on the "correct:" line


def fix_text(expected: str, expanded: str | None) -> str:
    """The "correct:" line's formula: the expected one, then ``(= …)`` with its upstream
    gradients written out — unless that is no different, or so long (a concatenation of every
    gate's block written out) that it hides the answer; the JSON keeps it whole."""
    if expanded in (None, expected) or len(expanded) > MAX_EXPANDED_SHOWN:
        return expected
    return f"{expected}   (= {expanded})"
