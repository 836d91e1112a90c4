"""Spec-reading errors in Chinese (issue 11 item 6, issue 9): ``derive verify --lang zh`` on a
spec the reader refuses says why in Chinese, from ``derive/locale/zh.toml``'s ``[spec]`` table;
only code, names, field names and formulas stay as written. English is unchanged (the messages
are compared by tests/test_spec.py, test_expr.py and test_course_networks.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from derive.cli import main

REFUSED = Path(__file__).parent / "specs_refused"

HEAD = """
[dims]
m = 2
n = 3
[inputs]
X = ["m", "n"]
Y = ["m", 1]
[params]
W = ["n", 1]
"""

# a few hostile specs of the most common mistakes, each with the English it must not print
HOSTILE = {
    "no_forward": ("[dims]\nm = 2\n[params]\nW = [\"m\", 1]\n", "table is missing"),
    "forward_not_table": ('forward = "x"\n' + HEAD, "must be a table"),
    "reserved": (HEAD + '[forward]\nlambda = "X @ W"\nL = "mse(lambda, Y)"\n', "is reserved"),
    "broadcast": (HEAD + '[forward]\nL = "mse(X + W, Y)"\n', "shape mismatch"),
    "nargs": (HEAD + '[forward]\nL = "mse(X @ W)"\n', "arguments, got"),
    "keyword": (HEAD + '[forward]\nL = "mse(X @ W, Y, foo=1)"\n', "unknown; allowed"),
    "attribute": (HEAD + '[forward]\nL = "mse(X.shape @ W, Y)"\n', "is not allowed"),
    "axis": (HEAD + '[forward]\nL = "sum(X @ W, axis=3)"\n', "must be 0 or 1"),
    "unclosed": (HEAD + '[forward]\nL = "mse((X @ W, Y)"\n', "syntax error"),
    "undefined": (HEAD + '[forward]\nL = "mse(X @ V, Y)"\n', "undefined name"),
    "empty": (HEAD + '[forward]\nL = ""\n', "expression is empty"),
    "dollar": (
        HEAD + '[network]\ndescription = "a $x"\n[forward]\nL = "mse(X @ W, Y)"\n',
        "without its closing $",
    ),
    "slice_bound": (HEAD + '[forward]\nL = "mse(X[:, 0:k] @ W, Y)"\n', "is not a [dims] name"),
    "stack": (HEAD + '[forward]\nL = "mse(np.stack(X, W), Y)"\n', "makes a new axis"),
    "comma": (HEAD + '[forward]\nL = "mse(X @ W Y)"\n', "Perhaps you forgot a comma"),
    "toml_quotes": (HEAD + "[forward]\nL = mse(X @ W, Y)\n", "put the formula or text in quotes"),
    "split": (HEAD + '[forward]\nL = "mse(np.split(X, 3, axis=1), Y)"\n', "gives several"),
}

QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|`[^`]*`|“[^”]*”")
# four ASCII words in a row ("make the shapes equal"): an English sentence
# (names listed with commas, "abs, atan, bce, …", are not one)
SENTENCE = re.compile(r"[A-Za-z][A-Za-z'-]*(?: [A-Za-z][A-Za-z'-]*){3,}")


def refusal(path: Path, lang: str) -> str:
    res = CliRunner().invoke(main, ["verify", "--no-torch", "--lang", lang, str(path)])
    assert res.exit_code == 2, res.output
    lines = [line for line in res.output.splitlines() if line.strip()]
    assert len(lines) == 1, res.output
    return lines[0]


def english_runs(message: str, source: str) -> list[str]:
    """The English sentences left in a message, outside its source, quotes and code."""
    body = message.split(source, 1)[-1]
    return SENTENCE.findall(QUOTED.sub(" ", body))


@pytest.mark.parametrize("name", sorted(p.stem for p in REFUSED.glob("*.toml")))
def test_refused_spec_says_why_in_chinese(name: str) -> None:
    path = REFUSED / f"{name}.toml"
    zh = refusal(path, "zh")
    assert re.search(r"[\u4e00-\u9fff]", zh), zh
    assert english_runs(zh, str(path)) == [], zh


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_common_spec_mistake_in_chinese_and_english(name: str, tmp_path: Path) -> None:
    text, english = HOSTILE[name]
    path = tmp_path / f"{name}.toml"
    path.write_text(text, encoding="utf-8")
    en, zh = refusal(path, "en"), refusal(path, "zh")
    assert english in en and "Fix: " in en, en  # the English message, as it was
    assert english not in zh and "修正：" in zh, zh
    assert english_runs(zh, str(path)) == [], zh


def test_hostile_specs_are_refused_in_chinese(tmp_path: Path) -> None:
    """Every spec of tests/test_hostile.py that ``verify`` refuses says why in Chinese too."""
    import test_hostile

    refused = 0
    for case in test_hostile.CASES:
        if case.args[:1] != ["verify"] or case.spec is None or case.setup or case.files:
            continue
        path = tmp_path / f"{case.id}.toml"
        path.write_bytes(case.spec.encode("utf-8", "surrogatepass"))
        res = CliRunner().invoke(main, ["verify", "--no-torch", "--lang", "zh", str(path)])
        if res.exit_code != 2:
            continue
        refused += 1
        line = [x for x in res.output.splitlines() if x.strip()][-1]
        assert english_runs(line, str(path)) == [], (case.id, line)
    assert refused >= 100


LANG = Path(__file__).parent.parent / "derive" / "lang"
# the exceptions a spec's reader raises for the user, and the positions of their texts
USER_ERRORS = {"err": (1, 2), "SpecError": (2, 3), "ExprError": (0,), "SpellingError": (0,)}
USER_ERRORS |= {"SplitError": (0,), "Refused": (0,), "LimitError": (0,), "ValueError": (0,)}


def english_raises(path: Path) -> list[int]:
    """Lines of ``path`` raising a user's error with an English text written in place (an
    f-string or a literal of words) instead of a catalogue sentence."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
            continue
        f = node.exc.func
        name = getattr(f, "attr", None) or getattr(f, "id", "")
        spots = USER_ERRORS.get(name, (0, 1) if name == "fail" else ())
        texts = [node.exc.args[i] for i in spots if i < len(node.exc.args)]
        words = [
            c.value
            for t in texts
            for c in ast.walk(t)
            if isinstance(c, ast.Constant) and isinstance(c.value, str)
        ]
        if any(re.search(r"[A-Za-z]{2,} [a-z]{2,}", w) for w in words):
            out.append(node.lineno)
    return out


@pytest.mark.parametrize("module", ["spec", "expr", "spelling", "splits"])
def test_spec_reader_raises_catalogue_sentences(module: str) -> None:
    assert english_raises(LANG / f"{module}.py") == []
