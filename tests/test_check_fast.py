"""``derive check``'s fast path (derive/checker/fastpath.py): a correct formula on a network whose
compiled form is cached is answered without SymPy — with exactly the slow path's output; a wrong,
unreadable or unusual formula, or a missing, damaged or stale compiled form, is left to the slow
path (issue 11 item 8)."""

from __future__ import annotations

import collections
import hashlib
import json
import os
import random
import re
import stat
import subprocess
import sys
from pathlib import Path

import corpus2
import corpus3
import pytest
from conftest import invoke_cli

from derive import cache
from derive.checker import compiled, fastpath, fastvalue, handcalc
from derive.checker.check import FormulaError, check
from derive.checker.checknet import net_for
from derive.lang import spec

ROOT = Path(__file__).resolve().parent.parent
NETS = sorted({c["net"] for c in corpus2.load() + corpus3.load()})


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A cache folder holding the compiled form of every built-in of the corpus."""
    where = tmp_path_factory.mktemp("cache")
    old = os.environ.get("DERIVE_CACHE")
    os.environ["DERIVE_CACHE"] = str(where)
    try:
        for net in NETS:
            _compile(net)
    finally:
        _restore(old)
    return where


def _restore(old: str | None) -> None:
    if old is None:
        os.environ.pop("DERIVE_CACHE", None)
    else:
        os.environ["DERIVE_CACHE"] = old


def _compile(net: str) -> Path:
    text = fastpath.spec_text(net)
    assert text is not None
    key = fastpath.name_for(text)
    data = compiled.build(net_for(net, 0), key)
    assert data is not None
    cache.write(fastpath.KIND, f"{key}.json", data)
    where = cache.folder(fastpath.KIND)
    assert where is not None
    return where / f"{key}.json"


@pytest.fixture
def cached(store: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DERIVE_CACHE", str(store))
    return store


def _slow(net: str, wrt: str, text: str, lang: str = "en", latex: bool = False):
    try:
        return check(net, wrt, text, lang=lang, latex=latex)
    except FormulaError:
        return None


def _agree(net: str, wrt: str, text: str, slow=None, latex: bool = False) -> str | None:  # type: ignore[no-untyped-def]
    """The fast path's verdict on ``text`` (None when it leaves it to the slow path), after
    checking that each of its outputs — text, JSON, Chinese, exit code — is the slow path's
    (``slow``: its answer, when already known; ``latex``: as ``--latex``)."""
    fast = fastpath.answer(net, wrt, text, latex=latex)
    if fast is None:
        return None
    slow = slow or _slow(net, wrt, text, latex=latex)
    where = (net, wrt, text)
    assert slow is not None, where
    assert fast == (slow.text(), 0 if slow.ok else 1), where
    for lang in ("en", "zh"):
        result = slow if lang == "en" else slow.localized(lang)
        as_json = fastpath.answer(net, wrt, text, lang=lang, as_json=True, latex=latex)
        assert as_json is not None, where
        assert as_json[0] == json.dumps(result.as_dict(), ensure_ascii=False, indent=2), where
        zh = fastpath.answer(net, wrt, text, lang=lang, latex=latex)
        assert zh is not None and zh[0] == result.text(), where
    if not latex:  # the correct-only entry point answers exactly the right ones
        assert (fastpath.check(net, wrt, text) is not None) == slow.ok, where
    return slow.verdict if slow.code is None else slow.code


def test_every_fast_answer_is_the_slow_paths_answer_on_the_corpus(cached: Path) -> None:
    codes: dict[str | None, int] = {}
    for c in corpus2.load():
        if c["kind"] != "numpy":
            continue
        got = _agree(c["net"], c["wrt"], c["text"])
        codes[got] = codes.get(got, 0) + 1
    assert codes["correct"] >= 130  # plain formulas and NumPy spellings (np.where … go slow)
    wrong = sum(n for code, n in codes.items() if code not in (None, "correct"))
    assert wrong >= 20, codes  # wrong formulas whose mistake the stored library names


def test_corpus3_and_every_element_wise_formula_agree_with_the_slow_path(cached: Path) -> None:
    """corpus 3's NumPy formulas, and corpus 2's element-wise ones (``--wrt w11`` or
    ``W1[0,0]``, entry names or ``X[0, 1]`` indexing): every fast answer is the slow path's."""
    codes: collections.Counter[str | None] = collections.Counter()
    entry: collections.Counter[str | None] = collections.Counter()
    for c in corpus3.load() + corpus2.load():
        if c["kind"] != "numpy":
            continue
        is_entry = "[" in c["wrt"] or c["wrt"] in fastpath.compiled_for(c["net"])["label_at"]
        if c["id"].startswith("c2-") and not is_entry:
            continue  # the test above
        got = _agree(c["net"], c["wrt"], c["text"])
        (entry if is_entry else codes)[got] += 1
    assert codes["correct"] >= 40 and sum(codes.values()) - codes[None] >= 60, codes
    assert entry["correct"] >= 10, entry  # w11, W1[0,0] with entry names or X[0, 1]
    # an entry formula no stored pattern names goes to the slow path (it may lack one factor:
    # check._missing_factor), so the fast path names the other mistakes only
    assert sum(n for k, n in entry.items() if k not in (None, "correct")) >= 9, entry


def test_latex_fast_answers_are_the_slow_paths(cached: Path) -> None:
    """LaTeX (``--latex``): the fast path reads a subset (derive/checker/fastlatex.py) and
    answers right formulas and wrong ones it can diagnose (fixes and messages in LaTeX); on both
    corpora's LaTeX, on every built-in gradient's printed formulas (derive's own LaTeX read
    back) and on edits of them, each fast answer is the slow path's — text, JSON, Chinese,
    exit code — and never a wrong formula accepted."""
    got: collections.Counter[str | None] = collections.Counter()
    for c in corpus2.load() + corpus3.load():
        if c["kind"] == "latex":
            got[_agree(c["net"], c["wrt"], c["text"], latex=True)] += 1
    assert got["correct"] >= 15, got
    printed: collections.Counter[str | None] = collections.Counter()
    for net in NETS:
        c = fastpath.compiled_for(net)
        assert c is not None
        sizes = [s[0] for s in c["sizes"]]
        for name, t in sorted(c["targets"].items()):
            for tex in {t["latex"]["expected"], t["latex"]["expanded"]}:
                for text in _latex_edits(tex, sizes):
                    printed[_agree(net, name, text, latex=True)] += 1
    assert printed["correct"] >= 20, printed
    wrong = sum(n for code, n in printed.items() if code not in (None, "correct"))
    assert wrong >= 40, printed  # wrong LaTeX: fixes and messages in LaTeX, as the slow path's


def _latex_edits(tex: str, sizes: list[str]) -> list[str]:
    """A printed LaTeX formula and the slips students make writing it: a factor 2 or a size,
    a sign, the whole transposed, a transpose dropped, 1/size added, a minus for a plus."""
    out = [tex, f"2 {tex}", f"-({tex})", f"({tex})^T", f"{tex} + 1", f"\\frac{{1}}{{2}} {tex}"]
    out += [tex.replace(t, "", 1) for t in ("^{\\top}", "^\\top", "^T") if t in tex]
    out += [tex.replace(" - ", " + ", 1)] if " - " in tex else []
    for size in sizes:
        out += [f"{size} {tex}", f"\\frac{{1}}{{{size}}} {tex}"]
    return out


def _tex_name(name: str) -> str:
    """A network's name as LaTeX reads it back (``y_pred`` → ``y_{pred}``)."""
    base, _, sub = name.partition("_")
    return f"{base}_{{{sub}}}" if sub else name


def _chains(c: dict) -> list[tuple[str, str]]:
    """(wrt, LaTeX) Leibniz products over the network's edges: ∂L/∂A ∂A/∂B (also with the
    factors swapped, with ``\\cdot``, as ``dA ⊙ ∂A/∂B``), three factors ∂L/∂A ∂A/∂B ∂B/∂C,
    each factor alone, and a chain asked for the wrong tensor."""
    out = []
    nodes = c["leibniz"]

    def frac(a: str, b: str) -> str:
        return f"\\frac{{\\partial {_tex_name(a)}}}{{\\partial {_tex_name(b)}}}"

    for a, node in sorted(nodes.items()):
        if a == c["loss"] or a.count("_") > 1:
            continue
        for b in sorted(node["edges"]):
            if b.count("_") > 1:
                continue
            up = f"\\frac{{\\partial L}}{{\\partial {_tex_name(a)}}}"
            out += [
                (b, f"{up} {frac(a, b)}"),
                (b, f"{frac(a, b)} \\cdot {up}"),
                (b, f"\\delta_{{{_tex_name(a)}}} \\odot {frac(a, b)}"),
                (b, frac(a, b)),
                (a, f"{up} {frac(a, b)}"),
            ]
            for d in sorted(nodes.get(b, {}).get("edges", {})):
                if d.count("_") <= 1:
                    out.append((d, f"{up} {frac(a, b)} {frac(b, d)}"))
    return out


def test_leibniz_chains_are_answered_as_the_slow_path_answers_them(cached: Path) -> None:
    """∂L/∂A ∂A/∂B in LaTeX (issue 11.8): the fast path resolves each local derivative from the
    compiled form (the slow path's own pull through A's forward definition) and answers a right
    chain exactly as the slow path — text, JSON, Chinese — on every edge of every network of the
    corpus; a wrong one is the slow path's."""
    got: collections.Counter[str | None] = collections.Counter()
    for net in NETS:
        c = fastpath.compiled_for(net)
        assert c is not None and c["leibniz"], net
        for wrt, text in _chains(c):
            if wrt not in c["targets"]:
                continue
            code = _agree(net, wrt, text, latex=True)
            got[code] += 1
            if code is not None:
                assert code == "correct", (net, wrt, text)
    assert got["correct"] >= 100, got
    # the upstream a product (all of δW^T pulled through the ReLU), the factor in the middle
    relu = r"\frac{\partial A^{[1]}}{\partial Z^{[1]}}"
    for wrt, text in (
        ("Z1", r"\delta^{[2]} W^{[2]\top} \odot " + relu),
        ("Z1", r"(A^{[2]} - Y) \frac{1}{m} W^{[2]\top} \odot \frac{dA1}{dZ1}"),
        ("A1", r"\frac{\partial L}{\partial Z^{[2]}} \cdot \frac{dZ2}{dA1}"),
    ):
        assert _agree("mlp-bce", wrt, text, latex=True) == "correct", text
    for wrt, text in (  # in plain text, as formula._read_one reads dA/dB
        ("W2", "dL/dZ2 * dZ2/dW2"),
        ("Z1", "dL/dA1 * dA1/dZ1"),
        ("Z1", "dL/dZ2 * dZ2/dA1 * dA1/dZ1"),
    ):
        assert _agree("mlp-bce", wrt, text) == "correct", text
    for wrt, text in (
        ("W2", "dL/dZ2 * dZ2/dW2 / m"),
        ("Z1", "dL/dA2 * dA2/dZ1"),
        ("W1", "dL/dZ2 @ dZ2/dA1 * dA1/dZ1 @ dZ1/dW1"),  # '@' in LaTeX: the slow path
    ):
        _agree("mlp-bce", wrt, text)  # wrong, or refused: the slow path's answer


NEW_KINDS = ("partial", "frac{d", "'", "prime", "mathbb", "mathbf{1}", "\\\\", "quad", "sqrt", "$")


def test_the_new_latex_kinds_in_the_corpora_are_answered_as_the_slow_path(cached: Path) -> None:
    """corpus 4–6b's LaTeX with the kinds the fast path reads since issue 11.8's second round —
    Leibniz chains, ``σ'(Z)``/``\\tanh^2``, indicators ``\\mathbb{1}(Z > 0)``, rows of a
    derivation, ``\\sqrt{d}``, ``$…$``: every fast answer (right or wrong) is the slow path's."""
    import corpus4
    import corpus5
    import corpus6b

    got: collections.Counter[str | None] = collections.Counter()
    for c in corpus4.load() + corpus5.load() + corpus6b.load():
        if c["kind"] == "latex" and c["net"] in NETS and any(k in c["text"] for k in NEW_KINDS):
            got[_agree(c["net"], c["wrt"], c["text"], latex=True)] += 1
    assert got["correct"] >= 50, got
    root = r"\frac{1}{\sqrt{d}}\,\delta_S K"  # exact to 2^-256 where the slow path has 10^-50
    assert _agree("attention", "Q", root, latex=True) == "correct"
    for wrong in (root.replace("K", "K^{\top}"), root.replace("{d}", "{2 d}"), "2" + root):
        _agree("attention", "Q", wrong, latex=True)


def test_the_fast_latex_reader_shares_latexins_tables() -> None:
    from derive.checker import fastlatex, latexin
    from derive.engine.printing import GREEK

    assert fastlatex.SPACING == latexin.SPACING and fastlatex.SIZING == latexin.SIZING
    assert fastlatex.PRODUCTS == latexin.PRODUCTS and fastlatex.HADAMARD == latexin.HADAMARD
    assert fastlatex.RELATIONS == latexin.RELATIONS and fastlatex.FUNCS == set(latexin.FUNCS)
    assert fastlatex.COMPARE_TOKENS == latexin.COMPARE_TOKENS and fastlatex.OPEN == latexin.OPEN
    assert fastlatex._TOKEN.pattern == latexin._TOKEN.pattern
    assert fastlatex.FONTS == latexin.FONTS and fastlatex.HATS == latexin.HATS
    assert fastlatex.GREEK == GREEK and fastlatex.GREEK_NAMES == latexin.GREEK_NAMES
    assert fastlatex.LOSS_NAMES == latexin.LOSS_NAMES and fastlatex.FUNC_OPS == latexin.FUNCS
    from derive.checker import formula

    assert fastpath.ENVIRONMENT.pattern == formula._ENVIRONMENT.pattern
    assert fastlatex._SPAN.pattern == latexin._SPAN.pattern
    for text in (r"$\frac{1}{m} A$", r"\[ a \]", r"a + b .", r"a \; .", r"$a$.", "x 1.", "$$a$$,"):
        assert fastlatex.unwrap(text) == latexin._strip_delimiters(text), text
    for c in corpus2.load() + corpus3.load():  # rows split as the slow path splits them
        if c["kind"] == "latex":
            assert fastpath.statements(c["text"]) == formula._statements(c["text"], True)


ENTRY_NETS = ["tiny-mlp", "neuron", "rnn", "mlp-bce", "softmax-regression"]


@pytest.mark.parametrize("net", ENTRY_NETS)
def test_element_wise_formulas_and_their_edits_agree_with_the_slow_path(
    cached: Path, net: str
) -> None:
    """Each entry's expected formula over the entry names (as the walkthroughs print it) and
    edits of it (a factor, a sign, another entry's formula, a dropped term): fast == slow, and
    the right ones are answered fast."""
    c = fastpath.compiled_for(net)
    assert c is not None
    rng = random.Random(net)
    right = fast_right = wrong = 0
    for tensor, t in sorted(c["targets"].items()):
        if not t["entries"] or t["shape"] == [1, 1]:
            continue
        cells = [(i, j) for i in range(t["shape"][0]) for j in range(t["shape"][1])]
        for i, j in rng.sample(cells, min(3, len(cells))):
            e = t["entries"][i][j]["expected"]
            a, b = rng.choice(cells)
            other = t["entries"][a][b]["expected"]
            wrt = f"{tensor}[{i},{j}]"
            tex = t["entries"][i][j]["tex"]
            for text, latex in [
                *(
                    (x, False)
                    for x in [e, f"2*({e})", f"-({e})", f"({e})/3", other, f"({e}) + ({other})"]
                ),
                *((x, True) for x in [tex, f"2 {tex}", f"-({tex})", t["entries"][a][b]["tex"]]),
            ]:
                got = _agree(net, wrt, text, latex=latex)
                slow = _slow(net, wrt, text, latex=latex)
                if slow is not None and slow.ok:
                    right += 1
                    fast_right += got == "correct"
                else:
                    wrong += 1
    assert right >= 3 and wrong >= 6, (right, wrong)
    if net in ("tiny-mlp", "neuron", "mlp-bce"):  # formulas over names and plain operations
        assert fast_right >= 1, (right, fast_right)


# right formulas and near misses: wrong sizes, transposes, signs, factors, relu'(0), upstream
# names, the gradient itself, comparisons, sums, powers, and formulas that do not read
CASES = [
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / m"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / n_in"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / n_h"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / 2"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y)"),
    ("mlp-bce", "W2", "(A2 - Y).T @ A1 / m"),
    ("mlp-bce", "W2", "A1 @ (A2 - Y) / m"),
    ("mlp-bce", "W2", "-A1.T @ (Y - A2) / m"),
    ("mlp-bce", "W2", "A1.T @ (Y - A2) / m"),
    ("mlp-bce", "W2", "A1.T @ dZ2"),
    ("mlp-bce", "W2", "A1.T @ dZ2 + 0 * dW2"),
    ("mlp-bce", "W2", "dW2"),
    ("mlp-bce", "dW2", "A1.T @ dZ2"),
    ("mlp-bce", "W2", "A1.T @ dZ2 * 1"),
    ("mlp-bce", "W2", "0.5 * A1.T @ dZ2 * 2"),
    ("mlp-bce", "W2", "A1.T @ dZ2 ** 1"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / m +"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Yhat) / m"),
    ("mlp-bce", "W2", "a1.T @ dz2"),
    ("mlp-bce", "W2", "A1.T @ dZ2; 1"),
    ("mlp-bce", "W2[0,0]", "A1.T @ dZ2"),
    ("mlp-bce", "Z2", "(A2 - Y) / m"),
    ("mlp-bce", "Z2", "(Yhat - Y) / m"),
    ("mlp-bce", "Z2", "dA2 * A2 * (1 - A2)"),
    ("mlp-bce", "Z2", "dA2 * A2 * (1 - A2) + 1e-30"),
    ("mlp-bce", "b2", "sum(dZ2, axis=0)"),
    ("mlp-bce", "b2", "sum(dZ2, 0)"),
    ("mlp-bce", "b2", "sum(dZ2, axis=-2)"),
    ("mlp-bce", "b2", "sum(dZ2, axis=1)"),
    ("mlp-bce", "b2", "sum(dZ2)"),
    ("mlp-bce", "b2", "dZ2"),
    ("mlp-bce", "b1", "sum(dZ1, axis=0)"),
    ("mlp-bce", "Z1", "dA1 * (Z1 > 0)"),
    ("mlp-bce", "Z1", "dA1 * (Z1 >= 0)"),
    ("mlp-bce", "Z1", "dZ2 @ W2.T * (Z1 > 0)"),
    ("mlp-bce", "Z1", "(dZ2 @ W2.T) * (A1 > 0)"),
    ("mlp-bce", "Z1", "dZ2 @ W2.T"),
    ("mlp-bce", "W1", "X.T @ dZ1"),
    ("mlp-bce", "W1", "X.T @ (dZ2 @ W2.T * (Z1 > 0))"),
    ("mlp-bce", "W1", "X @ dZ1"),
    ("mlp-bce", "A1", "dZ2 @ W2.T"),
    ("mlp-bce", "A1", "dZ2 * W2.T"),
    ("mlp-bce-weighted", "Z2", "(A2 - Y) / m"),
    ("tiny-mlp", "W2", "h.T @ dy_pred"),
    ("tiny-mlp", "W2", "h.T @ (y_pred - y_target)"),
    ("tiny-mlp", "W2", "h.T @ (y_pred - y_target) * 2"),
    ("tiny-mlp", "w11", "dh1_raw * x1"),
    ("relu-mlp", "h", "dh_relu * (h > 0)"),
    ("relu-mlp", "h", "dh_relu * (h_relu > 0)"),
    ("relu-mlp", "h", "dh_relu * (h >= 0)"),
    ("batchnorm", "beta", "sum(dY, axis=0)"),
    ("batchnorm", "gamma", "sum(dY * Z_hat, axis=0)"),
    ("batchnorm", "Z_c", "dZ_hat / (var + eps) ** 0.5 + dvar * 2 * Z_c / m"),
    ("batchnorm", "Z_c", "dZ_hat / (var + eps) ** 0.5 + dvar * 2 * Z_c / 4"),
    ("softmax-regression", "W", "X.T @ dZ"),
    ("softmax-regression", "W", "X.T @ (P - Y) / m"),
    ("rnn", "W_x", "x_1.T @ dz_1 + x_2.T @ dz_2"),
    ("rnn", "W_x", "x_1.T @ dz_1"),
    ("attention", "V", "A.T @ dO"),
    ("neuron", "w", "dz * x"),
    ("chain", "x", "dy"),
    # NumPy spellings, rewritten as the slow path rewrites them
    ("mlp-bce", "W2", "np.dot(A1.T, A2 - Y) / m"),
    ("mlp-bce", "W2", "np.dot(A1, A2 - Y) / m"),
    ("mlp-bce", "W2", "A1.T.dot(dZ2)"),
    ("mlp-bce", "W2", "A1.transpose() @ dZ2"),
    ("mlp-bce", "W2", "np.transpose(A1) @ dZ2"),
    ("mlp-bce", "W2", "np.matmul(A1.T, dZ2, out=None)"),
    ("mlp-bce", "W2", "np.divide(A1.T @ (A2 - Y), m)"),
    ("mlp-bce", "W2", "np.multiply(1 / m, A1.T @ (A2 - Y))"),
    ("mlp-bce", "W2", "torch.mm(A1.t(), dZ2)"),
    ("mlp-bce", "b2", "np.sum(dZ2, axis=0, keepdims=True)"),
    ("mlp-bce", "b2", "np.sum(dZ2, 0, keepdims=True)"),
    ("mlp-bce", "b2", "np.sum(dZ2, axis=1, keepdims=True)"),
    ("mlp-bce", "b2", "np.sum(dZ2, keepdims=True)"),
    ("mlp-bce", "b2", "dZ2.sum(axis=0, keepdims=True)"),
    ("mlp-bce", "b2", "dZ2.sum(0)"),
    ("mlp-bce", "b2", "dZ2.sum(dim=0, keepdim=True)"),
    ("mlp-bce", "b2", "sum(dZ2, axis=0, keepdims=True)"),
    ("mlp-bce", "b2", "np.mean(dZ2, axis=0, keepdims=True) * m"),
    ("mlp-bce", "b2", "dZ2.sum(axis=0).item()"),
    ("mlp-bce", "Z1", "np.multiply(dA1, Z1 > 0)"),
    ("mlp-bce", "Z1", "dA1 * (Z1 != 0)"),
    ("mlp-bce", "Z1", "dA1 * np.where(Z1 > 0, 1, 0)"),
    ("mlp-bce", "Z1", "np.dot(dZ2, W2.T) * np.square(Z1 > 0)"),
    ("mlp-bce", "Z2", "np.subtract(A2, Y) / Y.size"),
    ("mlp-bce", "Z2", "np.subtract(A2, Y) / len(Y)"),
    ("mlp-bce", "Z2", "np.subtract(A2, Y) / X.shape[0]"),
    ("softmax-regression", "b", "dZ.sum(axis=-2)"),
    ("attention", "S", "A * (dA - (dA * A).sum(-1, keepdims=True))"),
    ("relu-mlp", "w1", "x.T.dot(grad_h)"),
    ("mlp-bce", "b2", "sum(dZ2, axis=-2, keepdims=True)"),
    ("mlp-bce", "b2", "sum(dZ2, axis=0, keepdims=False)"),
    ("mlp-bce", "b2", "sum(dZ2, 0, keepdims=True)"),
    ("mlp-bce", "b2", "sum(dZ2, keepdims=1)"),
    ("mlp-bce", "Z1", "sum(dZ1, axis=1, keepdims=False)"),
    ("mlp-bce", "W2", "A1.T @ dZ2  # the chain rule"),
    ("mlp-bce", "W2", "dZ2 = A2 - Y; dW2 = A1.T @ dZ2 / m"),
    ("mlp-bce", "W2", "dZ2 = A2 - Y\ndW2 = A1.T @ dZ2 / m"),
]


@pytest.mark.parametrize(("net", "wrt", "text"), CASES)
def test_fast_answers_only_what_the_slow_path_calls_correct(
    cached: Path, net: str, wrt: str, text: str
) -> None:
    fast = fastpath.check(net, wrt, text)
    slow = _slow(net, wrt, text)
    if fast is not None:
        assert slow is not None and slow.ok
        assert fast == slow.text()
    _agree(net, wrt, text)


# wrong formulas with each diagnosis code the fast path names (and some it leaves to the slow
# path: repairs, wrong layers, undefined values); each must be answered exactly as the slow path
WRONG = [
    ("mlp-bce", "W2", "A1.T @ (A2 - Y)", "scale-factor"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / m / m", "scale-factor"),
    ("mlp-bce", "W2", "2 * A1.T @ (A2 - Y) / m", "scale-factor"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / (2 * m)", "scale-factor"),
    ("mlp-bce", "W2", "3 * A1.T @ dZ2", "scale-factor"),
    ("mlp-bce", "W2", "A1.T @ dZ2 / m", "scale-factor"),
    ("mlp-bce", "W2", "A1.T @ (Y - A2) / m", "sign"),
    ("mlp-bce", "W2", "A1.T @ (Y - A2)", "sign"),
    ("mlp-bce", "W2", "-A1.T @ dZ2", "sign"),
    ("mlp-bce", "W2", "(A2 - Y).T @ A1 / m", None),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / n_in", "scale-factor"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / n_h", "scale-factor"),
    ("mlp-bce", "Z2", "(A2 - Y) / n_in", "scale-factor"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / 2", None),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) * m / n_in / n_h", None),
    ("mlp-bce", "Z1", "dA1 * (Z1 >= 0)", "relu-at-zero"),
    ("mlp-bce", "W1", "X.T @ (dA1 * (Z1 >= 0))", "relu-at-zero"),
    ("relu-mlp", "h", "dh_relu * (h >= 0)", "relu-at-zero"),
    ("relu-mlp", "h", "dh_relu * (h_relu >= 0)", None),
    ("mlp-bce", "W2", "dW2 + A1.T @ dZ2", "circular"),
    ("mlp-bce", "W2", "A1.T @ dZ2 / (A2 - A2)", None),
    ("mlp-bce", "Z1", "dZ2 @ W2.T", "missing-activation-derivative"),
    ("mlp-bce", "Z1", "dA1", "missing-activation-derivative"),
    ("mlp-bce", "Z1", "dA1 * (Z1 < 0)", None),
    ("mlp-bce", "Z1", "dA1 * A1 * (1 - A1)", "wrong-activation-derivative"),
    ("mlp-bce", "Z1", "2 * dA1 * (Z1 > 0)", "scale-factor"),
    ("mlp-bce", "W1", "X.T @ (dZ2 @ W2.T)", "missing-activation-derivative"),
    ("mlp-bce", "W1", "X.T @ dZ1 * m", "scale-factor"),
    ("mlp-bce", "W1", "X.T @ dA1", "missing-activation-derivative"),
    ("mlp-bce", "A1", "dZ2 @ W2", None),
    ("mlp-bce", "b2", "dZ2", "bias-not-summed"),
    ("mlp-bce", "b1", "dZ1", "bias-not-summed"),
    ("mlp-bce", "b2", "A2 - Y", None),
    ("mlp-bce", "b2", "sum(dZ2, axis=1)", None),
    ("mlp-bce", "b1", "sum(dZ1, axis=1) / m", None),
    ("softmax-regression", "b", "dZ", "bias-not-summed"),
    ("batchnorm", "beta", "dY", "bias-not-summed"),
    ("batchnorm", "gamma", "dY * Z_hat", "bias-not-summed"),
    ("mlp-bce", "b2", "sum(dZ2, axis=0) / m", "scale-factor"),
    ("mlp-bce", "b1", "-sum(dZ1, axis=0)", "sign"),
    ("mlp-bce", "Z2", "A2 - Y", "scale-factor"),
    ("mlp-bce", "Z2", "(Y - A2) / m", "sign"),
    ("mlp-bce", "Z2", "dA2", "missing-activation-derivative"),
    ("mlp-bce-weighted", "Z2", "(A2 - Y) / m", "weighted-loss-not-simplifiable"),
    ("mlp-bce-weighted", "Z2", "3 * (A2 - Y) / m", "weighted-loss-not-simplifiable"),
    ("tiny-mlp", "W2", "2 * h.T @ (y_pred - y_target)", None),
    ("tiny-mlp", "W2", "h.T @ dy_pred / 2", None),
    ("tiny-mlp", "W1", "x.T @ dh", "missing-activation-derivative"),
    ("relu-mlp", "h", "dh_relu", "missing-activation-derivative"),
    ("softmax-regression", "W", "X.T @ (P - Y)", "scale-factor"),
    ("softmax-regression", "W", "X.T @ (Y - P) / m", "sign"),
    ("softmax-regression", "W", "X @ dZ", None),
    ("rnn", "W_x", "x_1.T @ dz_1", None),
    ("rnn", "W_x", "-(x_1.T @ dz_1 + x_2.T @ dz_2)", "sign"),
    ("batchnorm", "gamma", "sum(dY, axis=0)", None),
    ("batchnorm", "beta", "2 * sum(dY, axis=0)", "scale-factor"),
    ("attention", "V", "A @ dO", None),
    ("attention", "V", "-A.T @ dO", "sign"),
    ("neuron", "w", "-dz * x", "sign"),
]


@pytest.mark.parametrize(("net", "wrt", "text", "code"), WRONG)
def test_wrong_formulas_are_answered_as_the_slow_path_answers(
    cached: Path, net: str, wrt: str, text: str, code: str | None
) -> None:
    got = _agree(net, wrt, text)
    slow = _slow(net, wrt, text)
    assert slow is not None and not slow.ok
    if code is not None:  # these the fast path must answer (the stored library names them)
        assert got == code == slow.code, (net, wrt, text, got, slow.code)


def test_the_plain_right_formulas_are_answered_fast(cached: Path) -> None:
    for net, wrt, text in [
        ("mlp-bce", "W2", "A1.T @ (A2 - Y) / m"),
        ("mlp-bce", "Z1", "dZ2 @ W2.T * (Z1 > 0)"),
        ("mlp-bce", "b2", "sum(dZ2, axis=0)"),
        ("rnn", "W_x", "x_1.T @ dz_1 + x_2.T @ dz_2"),
        ("batchnorm", "gamma", "sum(dY * Z_hat, axis=0)"),
        ("mlp-bce", "b2", "np.sum(dZ2, axis=0, keepdims=True)"),
        ("mlp-bce", "W2", "np.dot(A1.T, A2 - Y) / m"),
        ("relu-mlp", "w1", "x.T.dot(grad_h)"),
        ("attention", "S", "A * (dA - (dA * A).sum(-1, keepdims=True))"),
    ]:
        assert fastpath.check(net, wrt, text) is not None, (net, wrt, text)


def test_a_missing_damaged_or_foreign_compiled_form_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DERIVE_CACHE", str(tmp_path))
    args = ("mlp-bce", "W2", "A1.T @ (A2 - Y) / m")
    assert fastpath.check(*args) is None  # nothing cached
    path = _compile("mlp-bce")
    good = path.read_bytes()
    assert fastpath.check(*args) is not None
    digest, _, body = good.partition(b"\n")
    # truncated; one byte changed (the digest no longer matches); not JSON; another key
    other = json.loads(body)
    other["key"] = "0" * 40
    forged = json.dumps(other).encode()
    for bad in (
        good[: len(good) // 2],
        good.replace(b'"network"', b'"netw0rk"'),
        b"not json at all",
        hashlib.sha256(forged).hexdigest().encode() + b"\n" + forged,
    ):
        path.write_bytes(bad)
        assert fastpath.check(*args) is None
    # a whole entry that others could have written is not read (derive.cache's rule)
    path.write_bytes(good)
    assert fastpath.check(*args) is not None
    path.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IWGRP)
    assert fastpath.check(*args) is None
    monkeypatch.setenv("DERIVE_CACHE", "off")
    assert fastpath.check(*args) is None


def test_an_edited_spec_has_a_new_compiled_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DERIVE_CACHE", str(tmp_path / "cache"))
    f = tmp_path / "net.toml"
    original = (fastpath.SPECS / "mlp-bce.toml").read_text()
    f.write_text(original)
    args = (str(f), "W2", "A1.T @ (A2 - Y) / m")
    text = fastpath.spec_text(str(f))
    assert text is not None
    key = fastpath.name_for(text)
    data = compiled.build(net_for(str(f), 0), key)
    assert data is not None
    cache.write(fastpath.KIND, f"{key}.json", data)
    assert fastpath.check(*args) is not None
    f.write_text(original + "\n# edited\n")
    assert fastpath.check(*args) is None  # another text: another key, not compiled yet


def test_the_fast_path_reads_specs_as_the_slow_path_does() -> None:
    assert fastpath.builtin_names() == spec.builtin_names()
    assert fastpath.NET_NAME.pattern == spec.NET_NAME.pattern
    assert fastpath.MAX_SPEC_BYTES == spec.MAX_SPEC_BYTES


def test_cli_second_check_needs_no_sympy_and_prints_the_same(tmp_path: Path) -> None:
    run = (
        "import sys\n"
        "from derive import cli\n"  # main, not run (the derive script ends the process in run)
        "sys.argv = ['derive', *sys.argv[1:]]\n"
        "try:\n"
        "    cli.main()\n"
        "except SystemExit as e:\n"
        "    code = e.code\n"
        "else:\n"
        "    code = 0\n"
        "print('SYMPY' if 'sympy' in sys.modules else 'NO-SYMPY', code)\n"
    )
    env = {**os.environ, "DERIVE_CACHE": str(tmp_path), "PYTHONPATH": str(ROOT)}
    outs = []
    for args in [
        ["W2", "A1.T @ (A2 - Y) / m"],
        ["W2", "A1.T @ (A2 - Y) / m"],
        ["W2", "A1.T @ (A2 - Y) / 2"],
        ["W2", "A1.T @ (A2 - Y)"],
        ["W2[1,0]", "--value", "-0.01"],
        ["W2[1,0]", "--value", "0.1"],
    ]:
        done = subprocess.run(
            [sys.executable, "-c", run, "check", "mlp-bce", "--wrt", *args],
            capture_output=True,
            text=True,
            timeout=600,
            env=env,
            cwd=ROOT,
        )
        outs.append(done.stdout)
    first, second, wrong, missing, short, off = outs
    assert first.endswith("SYMPY 0\n") and second.endswith("NO-SYMPY 0\n")
    assert first.replace("SYMPY 0", "") == second.replace("NO-SYMPY 0", "")
    # right only at the example sizes (a number written for a size): the slow path
    assert wrong.endswith("\nSYMPY 1\n") and "scale-factor" in wrong
    # a missing 1/m (the stored diagnosis data names it); one digit: too few to judge
    assert missing.endswith("NO-SYMPY 1\n") and "scale-factor: off by a factor m" in missing
    assert short.endswith("NO-SYMPY 1\n") and "too-few-digits" in short
    # one digit, but no rounding of -0.009 gives it: wrong, said without SymPy too
    assert off.endswith("NO-SYMPY 1\n") and "wrong at any rounding" in off


def test_cli_json_and_zh_agree_with_the_slow_path(cached: Path) -> None:
    args = ("check", "mlp-bce", "--wrt", "W2", "A1.T @ (A2 - Y) / m")
    for extra in ((), ("--json",), ("--lang", "zh"), ("--json", "--lang", "zh")):
        fast = invoke_cli(*args, *extra)
        slow = invoke_cli(*args, *extra, env={"DERIVE_CHECK_FAST": "0"})
        assert fast.returncode == slow.returncode == 0
        assert fast.stdout == slow.stdout


def _mutants(text: str, rng: random.Random) -> list[str]:
    """Small edits of a right formula: another operator, name, number or size, a transpose
    dropped or added, a comparison flipped — most are wrong, a few stay right."""
    swaps = [
        ("@", "*"),
        ("*", "@"),
        ("-", "+"),
        ("+", "-"),
        ("/ m", "/ n_in"),
        ("/ m", "/ n_h"),
        ("/ m", "/ 2"),
        ("/ m", ""),
        (".T", ""),
        ("A1", "A1.T"),
        ("A1", "Z1"),
        ("Z1", "A1"),
        ("A2", "Z2"),
        ("dZ2", "dA2"),
        ("dZ1", "dA1"),
        ("W2", "W2.T"),
        ("X", "X.T"),
        ("> 0", ">= 0"),
        ("> 0", "< 0"),
        ("axis=0", "axis=1"),
        ("keepdims=True", "keepdims=False"),
        ("Y", "Yhat"),
        ("1 - ", "1 + "),
        ("(", "-("),
    ]
    out = []
    for old, new in rng.sample(swaps, len(swaps)):
        if old in text:
            k = rng.randrange(text.count(old))
            parts = text.split(old)
            out.append(old.join(parts[: k + 1]) + new + old.join(parts[k + 1 :]))
    return out


def test_edited_right_formulas_are_answered_fast_only_when_right(cached: Path) -> None:
    rng = random.Random(11)
    right = [c for c in corpus2.load() if c["kind"] == "numpy" and c["verdict"] == "correct"]
    answered = wrong = diagnosed = 0
    for c in rng.sample(right, 60):
        for text in _mutants(c["text"], rng)[:4]:
            fast = fastpath.check(c["net"], c["wrt"], text)
            slow = _slow(c["net"], c["wrt"], text)
            got = _agree(c["net"], c["wrt"], text, slow) if slow is not None else None
            if slow is None or not slow.ok:
                wrong += 1
                assert fast is None, (c["net"], c["wrt"], text)
                diagnosed += got is not None
            elif fast is not None:
                answered += 1
                assert fast == slow.text(), (c["net"], c["wrt"], text)
    assert wrong >= 100 and answered >= 5 and diagnosed >= 30, (wrong, answered, diagnosed)


def _call_spellings(c: dict, text: str) -> list[str]:
    """``text`` with a node ``A = f(Z)`` written as the call ``f(Z)`` (``sigmoid(Z2)`` for
    ``A2``), and each indicator ``(Z > 0)`` as ``np.where`` in the ways courses write it."""
    tensors = c["tensors"]
    leaf_name = {i: n for n, i in c["names"].items() if n in tensors}
    out = []
    for f, info in sorted(c["calls"].items()):
        for z, a in sorted(info["of"].items()):
            node, arg = leaf_name.get(a), leaf_name.get(int(z))
            if node and arg and re.search(rf"\b{node}\b", text):
                out.append(re.sub(rf"\b{node}\b", f"{f}({arg})", text))
    for where in (
        r"np.where(\1 > 0, 1, 0)",
        r"np.where(\1 > 0, 1.0, 0.0)",
        r"np.where(\1 <= 0, 0, 1)",
        r"np.where(\1 >= 0, 1, 0)",
        r"torch.where(\1 > 0, 1, 0)",
    ):
        if re.search(r"\((\w+) > 0\)", text):
            out.append(re.sub(r"\((\w+) > 0\)", where, text))
    return out


def test_function_calls_agree_with_the_slow_path(cached: Path) -> None:
    """``f(Z)`` for a node ``A = f(Z)`` of the network (``sigmoid(Z2) - Y``,
    ``sigmoid(Z) * (1 - sigmoid(Z))``, ``relu(Z1)``) and ``np.where(Z > 0, 1, 0)`` (the language's
    ``relu_grad``) in every gradient's formula and edits of it: each fast answer is the slow
    path's (text, JSON, Chinese, exit code), and most are answered fast."""
    rng = random.Random(5)
    got: collections.Counter[str | None] = collections.Counter()
    for net in NETS:
        c = fastpath.compiled_for(net)
        assert c is not None
        for name, t in sorted(c["targets"].items()):
            for text in sorted({t["expected"], t["expanded"]} - {None}):
                for spelled in _call_spellings(c, text):
                    for edit in [spelled, *_mutants(spelled, rng)[:3]]:
                        got[_agree(net, name, edit)] += 1
    wrong = sum(n for code, n in got.items() if code not in (None, "correct"))
    assert got["correct"] >= 40 and wrong >= 40, got


def test_course_helpers_agree_with_the_slow_path(cached: Path) -> None:
    """Course code's helpers, rewritten by the NumPy reader (``sigmoid_prime(Z)``,
    ``relu_backward(dA, Z)``, ``tanh_derivative``, ``relu_grad`` beside an entry): for every
    node ``A = f(Z)`` of every network, ∂L/∂Z written with them (and edits) — each fast answer
    is the slow path's."""
    rng = random.Random(7)
    got: collections.Counter[str | None] = collections.Counter()
    for net in NETS:
        c = fastpath.compiled_for(net)
        assert c is not None
        tensors = c["tensors"]
        leaf_name = {i: n for n, i in c["names"].items() if n in tensors}
        for f, info in sorted(c["calls"].items()):
            for z, a in sorted(info["of"].items()):
                node, arg = leaf_name.get(a), leaf_name.get(int(z))
                if not (node and arg and arg in c["targets"]):
                    continue
                for text in (
                    f"d{node} * {f}_prime({arg})",
                    f"{f}_backward(d{node}, {arg})",
                    f"d{node} * {f}_derivative({arg}) / 2",
                    f"np.multiply(d{node}, {f}_deriv({arg}))",
                    f"-{f}_backward(d{node}, {arg})",
                ):
                    for edit in [text, *_mutants(text, rng)[:2]]:
                        got[_agree(net, arg, edit)] += 1
    assert got["correct"] >= 10, got


def _transposed(text: str) -> list[str]:
    """Shape slips: the whole result transposed, a product's operands swapped, a transpose
    dropped or added, a sum over the other axis."""
    out = [f"({text}).T", f"({text}).T.T"]
    out += [re.sub(r"(\w+)\.T @ (\w+)", r"\2.T @ \1", text, count=1)]
    out += [re.sub(r"(\w+)\.T @ (\w+)", r"\2 @ \1", text, count=1)]
    out += [re.sub(r"(\w+) @ (\w+)\.T", r"\2 @ \1.T", text, count=1)]
    out += [text.replace(".T", "", 1), re.sub(r"\b(\w+) @", r"\1.T @", text, count=1)]
    out += [text.replace("axis=0", "axis=1", 1), text.replace("axis=1", "axis=0", 1)]
    return sorted(set(out) - {text})


def test_transposed_and_swapped_results_agree_with_the_slow_path(cached: Path) -> None:
    """The repair search (derive/checker/repair.py) on the fast path: every gradient's
    formula with its result transposed, operands swapped, a transpose dropped or added, a sum
    over the other axis — each fast answer (the repaired formula in the message and as the
    fix) is the slow path's."""
    from derive.checker import repair

    assert (fastpath.MAX_CANDIDATES, fastpath.MAX_PAIR_EDITS) == (
        repair.MAX_CANDIDATES,
        repair.MAX_PAIR_EDITS,
    )
    got: collections.Counter[str | None] = collections.Counter()
    for net in NETS:
        c = fastpath.compiled_for(net)
        assert c is not None
        for name, t in sorted(c["targets"].items()):
            for text in sorted({t["expected"], t["expanded"]} - {None}):
                for edit in _transposed(text):
                    got[_agree(net, name, edit)] += 1
    assert got["shape-mismatch"] >= 20 and got["wrong-sum-axis"] >= 3, got


COURSE = [
    "layernorm",
    "micrograd",
    pytest.param("residual", marks=pytest.mark.slow),
    pytest.param("softmaxmlp", marks=pytest.mark.slow),
    pytest.param("gru_gate", marks=pytest.mark.slow),
]


@pytest.mark.parametrize("course", COURSE)
def test_course_networks_every_steps_formula_and_its_edits(
    course: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Networks written for the project (tests/specs_course): each backward step's own formula
    (and written out) is answered fast exactly as the slow path answers it; edits of it are
    answered fast only when the slow path calls them right."""
    monkeypatch.setenv("DERIVE_CACHE", str(tmp_path))
    path = str(ROOT / "tests" / "specs_course" / f"{course}.toml")
    _compile(path)
    net = net_for(path, 0)
    rng = random.Random(course)
    answered = 0
    for name in net.visits:
        t = net.target(name)
        for text in [t.expected, t.expanded, *_mutants(t.expected, rng)[:3]]:
            fast = fastpath.check(path, name, text)
            slow = _slow(path, name, text)
            if slow is not None:
                _agree(path, name, text, slow)
            if fast is not None:
                answered += 1
                assert slow is not None and slow.ok, (name, text)
                assert fast == slow.text(), (name, text)
    assert answered >= 3


# ---- hand numbers (derive/checker/fastvalue.py) ---------------------------------------------------


def _slow_value(net: str, wrt: str, text: str):
    try:
        return check(net, wrt, value=text)
    except FormulaError:
        return None


def _agree_value(net: str, wrt: str, text: str) -> str | None:
    """The fast verdict on a hand number (None: left to the slow path), after checking that
    its text, JSON (English and Chinese) and exit code are the slow path's."""
    fast = fastvalue.answer(net, wrt, text)
    if fast is None:
        return None
    slow = _slow_value(net, wrt, text)
    where = (net, wrt, text)
    assert slow is not None, where
    assert fast == (slow.text(), 0 if slow.ok else 1), where
    for lang in ("en", "zh"):
        result = slow if lang == "en" else slow.localized(lang)
        as_json = fastvalue.answer(net, wrt, text, lang=lang, as_json=True)
        assert as_json is not None, where
        assert as_json[0] == json.dumps(result.as_dict(), ensure_ascii=False, indent=2), where
        said = fastvalue.answer(net, wrt, text, lang=lang)
        assert said is not None and said[0] == result.text(), where
    return slow.verdict if slow.code is None else slow.code


def _record(net: str, tensor: str, i: int, j: int) -> Path:
    """Cache the per-entry record of a hand number (as the CLI does after a slow check)."""
    name = fastvalue.record_name(net, tensor, i, j)
    assert name is not None
    data = compiled.value_record(net_for(net, 0), name.rsplit("-", 3)[0], tensor, i, j)
    assert data is not None
    cache.write(fastvalue.KIND, name, data)
    where = cache.folder(fastvalue.KIND)
    assert where is not None
    return where / name


def test_every_fast_hand_number_is_the_slow_paths_answer_on_the_corpus(cached: Path) -> None:
    cases = [c for c in corpus2.load() if c["kind"] == "value"]
    for c in cases:
        compiled_form = fastpath.compiled_for(c["net"])
        try:
            tensor, i, j, _ = fastvalue.entry(compiled_form, c["wrt"])
        except fastvalue._Fallback:
            continue
        if fastvalue.record(c["net"], tensor, i, j) is None:
            _record(c["net"], tensor, i, j)
    got = collections.Counter(_agree_value(c["net"], c["wrt"], c["text"]) for c in cases)
    assert got["correct"] >= 10 and got["too-few-digits"] >= 1, got
    assert sum(n for k, n in got.items() if k not in (None, "correct")) >= 10, got


def test_a_damaged_or_foreign_entry_record_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DERIVE_CACHE", str(tmp_path))
    _compile("tiny-mlp")
    args = ("tiny-mlp", "W1[0,0]", "0.0137")  # the sign: decided after the simulations
    assert fastvalue.answer(*args) is None  # no record yet
    path = _record("tiny-mlp", "W1", 0, 0)
    assert fastvalue.answer(*args) is not None
    good = path.read_bytes()
    for bad in (good[:100], good.replace(b'"sims"', b'"simz"'), b"{}"):
        path.write_bytes(bad)
        assert fastvalue.answer(*args) is None
    other = path.with_name(path.name.replace("W1-0-0", "W1-0-1"))
    other.write_bytes(good)  # a record of another entry under this entry's name
    assert fastvalue.record("tiny-mlp", "W1", 0, 1) is None


def _spellings(exact: float) -> list[str]:
    """A hand number written many ways: rounded to 1–8 digits, one and two units off in the
    last digit, the sign flipped, scientific notation, LaTeX, a Unicode minus."""
    out = []
    for d in range(1, 9):
        s = f"{exact:.{d}g}"
        out += [s, f"{exact:.{d}e}", s.replace("-", "−"), f"${s}$"]
        if "e" not in s and "." in s:
            last = 10.0 ** -(len(s.split(".")[1]))
            out += [repr(round(float(s) + k * last, 12)) for k in (-2, -1, 1, 2)]
    out += [f"{-exact:.4g}", f"{2 * exact:.4g}", f"{exact / 2:.3g}", f"{exact * 1.07:.4g}"]
    out += [f"{exact:.3g}".replace("e", " × 10^"), f"{exact * 3:.3g}", f"{exact + 0.5:.5g}"]
    out += [f"≈ {exact:.4g}", f"{exact:.5g}.", f"= {exact:.3g}"]
    return out


@pytest.mark.parametrize("net", ["tiny-mlp", "mlp-bce", "neuron", "chain", "batchnorm"])
def test_hand_numbers_fast_only_as_the_slow_path_answers(cached: Path, net: str) -> None:
    c = fastpath.compiled_for(net)
    assert c is not None
    rng = random.Random(net)
    answered = 0
    for tensor, info in sorted(c["values"].items()):
        r, cols = info["shape"]
        i, j = rng.randrange(r), rng.randrange(cols)
        wrts = [f"{tensor}[{i},{j}]", f"{tensor}[{i}][{j}]", f"d{tensor}[{i}, {j}]"]
        if info["labels"]:
            wrts.append(info["labels"][i][j])
        if (r, cols) == (1, 1):
            wrts.append(tensor)
        stored = info["exact"][i][j]
        if stored is None:
            continue
        _record(net, tensor, i, j)
        exact = float(fastpath._rational(stored[0]))
        for wrt in wrts:
            for text in rng.sample(_spellings(exact), 10):
                answered += _agree_value(net, wrt, text) is not None
    assert answered >= 10


def test_hand_numbers_right_and_too_short_are_answered_fast(cached: Path) -> None:
    for wrt, text, verdict in [
        ("W1[0,0]", "-0.0137", "correct"),
        ("w11", "-0.01367", "correct"),
        ("W1[0,0]", "-1.3668e-2", "correct"),
        ("W1[0,0]", "-0.01", "too-few-digits"),
    ]:
        assert _agree_value("tiny-mlp", wrt, text) == verdict, (wrt, text)


def test_the_fast_number_reader_reads_as_handcalc() -> None:
    assert fastvalue.MAX_DIGITS == handcalc.MAX_DIGITS
    assert fastvalue.MAX_EXPONENT == handcalc.MAX_EXPONENT
    for text in [
        "-0.0137", "0.0137", "1e-3", "1.5E+2", "−0.25", "$-0.5$", "1,234.5", "12", "0", ".5",
        "5.", "-1.37 × 10^{-2}", "1.37\\times 10^-2", "1.37*10**-2", "1.2.3", "", "e5", "abc",
        "1" * 45, "1e999", "0.000", "  7.25  ", "1\u20092", "1\\,5", "+3.0",
        "-8/15", "3/40", "-\\frac{8}{15}", "≈ -0.0137", "-0.0137.", "5.", "= 0.25", "~1.5",
    ]:
        assert fastvalue.written(text) == handcalc.written(text), text
        text = handcalc.written(text)
        try:
            want = handcalc._digits(text)
        except FormulaError:
            want = None
        try:
            got = fastvalue.digits(text)
        except fastvalue._Fallback:
            got = None  # left to the slow path (its error, or a fraction)
        assert got is None or got == want, text
        assert want is not None or got is None, text


def test_batch_sums_in_latex_are_answered_as_the_slow_path(cached: Path) -> None:
    """``\\sum_i`` / ``\\sum_{i=1}^{m}`` over the batch (issue 11.8: these were the one LaTeX
    kind left to the slow path): read by the fast path, every fast answer is the slow path's —
    on the corpora's LaTeX sums and on sums written with each built-in's gradients — and the
    forms it does not read (time steps, outer products, index notation) go to the slow path."""
    import corpus4
    import corpus5
    import corpus6b
    import corpus7
    import corpus8

    got: collections.Counter[str | None] = collections.Counter()
    rows = corpus2.load() + corpus3.load() + corpus4.load() + corpus5.load() + corpus6b.load()
    for c in rows + corpus7.load() + corpus8.load():
        if c["kind"] == "latex" and c["net"] in NETS and "\\sum" in c["text"]:
            got[_agree(c["net"], c["wrt"], c["text"], latex=True)] += 1
    for text, wrt in (
        (r"\frac{1}{m} \sum_i \left(\hat y_i - y_i\right)", "b2"),
        (r"\sum_{i=1}^{m} \left(\hat y_i - y_i\right)", "b2"),
        (r"\frac{1}{m}\sum_{i=1}^{m} \delta^{[2]}_i", "b2"),
        (r"\frac{\partial L}{\partial b^{[1]}} = \sum_{i} \delta^{[1]}_{i}", "b1"),
        (r"\sum_{i} \left(\delta^{[2]} W^{[2]\top}\right)_i", "b1"),
        (r"\sum_{i=1}^{m} \left(\delta^{[2]} W^{[2]\top} \odot \mathbf{1}[Z^{[1]} > 0]\right)_i",
         "b1"),
        (r"\frac{1}{m}\sum_{i=1}^{m} (a^{[2](i)} - y^{(i)})", "b2"),  # per-example superscripts
        (r"\sum_{i=1}^{m} (\hat y^{(i)} - y^{(i)})", "b2"),
        (r"\frac{1}{m}\sum_i a^{[1]\top}_i (\hat y_i - y_i)", "W2"),  # transposes: slow
        (r"\sum_{t=1}^{2} \delta_t", "b2"),  # time steps: slow
    ):
        got[_agree("mlp-bce", wrt, text, latex=True)] += 1
    fast = sum(n for code, n in got.items() if code is not None)
    assert fast >= 8 and got["correct"] >= 4, got


# NumPy forms that took the slow path (~1 s a CLI check): a 1×1 tensor in ``@`` (tiny-mlp's
# output), ``np.mean(…, keepdims=True)``, ``X.shape[0]`` / ``len(X)`` for a size, ``np.where``
# inside ``.dot``; each must be answered fast, exactly as the slow path answers it, and so must
# their wrong variants (or be left to the slow path)
NEWLY_FAST = [
    ("tiny-mlp", "W2", "h.T @ (y_pred - y_target)"),
    ("tiny-mlp", "W1", "X.T @ ((y_pred - y_target) @ W2.T * h * (1 - h))"),
    ("tiny-mlp", "h", "dy_pred @ W2.T"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / X.shape[0]"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / len(X)"),
    ("mlp-bce", "W2", "A1.T.dot(A2 - Y) / A1.shape[0]"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / Y.shape[-2]"),
    ("mlp-bce", "b2", "np.mean(A2 - Y, axis=0, keepdims=True)"),
    ("mlp-bce", "b2", "(A2 - Y).mean(axis=0)"),
    ("mlp-bce", "b2", "np.mean(A2 - Y)"),
    ("mlp-bce", "b1", "np.mean(dZ1 * m, axis=0, keepdims=True)"),
    ("softmax-regression", "b", "np.mean(P - Y, axis=0, keepdims=True)"),
    ("softmax-regression", "W", "X.T @ (P - Y) / X.shape[0]"),
    ("mlp-bce", "W1", "X.T.dot(np.where(Z1 > 0, dZ2.dot(W2.T), 0))"),
    ("mlp-bce", "W1", "X.T.dot(dZ2.dot(W2.T) * np.where(Z1 > 0, 1, 0))"),
    ("mlp-bce", "W1", "np.dot(X.T, np.where(Z1 > 0, dA1, 0))"),
]
NEWLY_FAST_WRONG = [
    ("tiny-mlp", "W2", "2 * h.T @ (y_pred - y_target)"),
    ("tiny-mlp", "W2", "(y_pred - y_target) @ h.T"),
    ("tiny-mlp", "W2", "h @ (y_pred - y_target)"),
    ("tiny-mlp", "h", "dy_pred @ W2"),
    ("tiny-mlp", "W2", "h.T @ (y_pred - y_target) @ 2"),
    ("tiny-mlp", "W2", "h.T @ y_target"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / X.shape[1]"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / A1.shape[1]"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / len(X.T)"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / len(W1)"),
    ("mlp-bce", "W2", "A1.T @ (A2 - Y) / Q.shape[0]"),
    ("mlp-bce", "b2", "np.mean(A2 - Y, axis=1, keepdims=True)"),
    ("mlp-bce", "b2", "np.sum(A2 - Y, axis=0, keepdims=True)"),
    ("mlp-bce", "b2", "np.mean(Y - A2, axis=0, keepdims=True)"),
    ("mlp-bce", "b1", "np.mean(dZ1, axis=0, keepdims=True)"),
    ("mlp-bce", "b1", "np.mean(dZ1 * m, axis=1, keepdims=True)"),
    ("mlp-bce", "W2", "np.mean(A1.T @ (A2 - Y), axis=1, keepdims=True)"),
    ("softmax-regression", "b", "np.mean(P - Y, axis=1, keepdims=True)"),
    ("softmax-regression", "b", "np.mean(P - Y)"),
    ("softmax-regression", "W", "X.T @ (P - Y) / X.shape[1]"),
    ("mlp-bce", "W1", "X.T.dot(np.where(Z1 >= 0, dZ2.dot(W2.T), 0))"),
    ("mlp-bce", "W1", "X.T.dot(dZ2.dot(W2.T))"),
    ("mlp-bce", "W1", "X.dot(np.where(Z1 > 0, dA1, 0))"),
    ("mlp-bce", "W1", "X.T.dot(np.where(Z1 > 0, dA1, 0)) / X.shape[0]"),
    ("mlp-bce", "W1", "X.T.dot(np.where(Z1 > 0, dA1, 0)).copy()"),
]


@pytest.mark.parametrize(("net", "wrt", "text"), NEWLY_FAST)
def test_the_numpy_forms_that_were_slow_are_answered_fast(
    cached: Path, net: str, wrt: str, text: str
) -> None:
    assert fastpath.answer(net, wrt, text) is not None, (net, wrt, text)
    assert _agree(net, wrt, text) == "correct"


@pytest.mark.parametrize(("net", "wrt", "text"), NEWLY_FAST_WRONG)
def test_wrong_variants_of_the_newly_fast_forms_agree_with_the_slow_path(
    cached: Path, net: str, wrt: str, text: str
) -> None:
    got = _agree(net, wrt, text)
    assert got != "correct", (net, wrt, text)
