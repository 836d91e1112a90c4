"""The held-out-style corpus of issue 11, nineteenth round (tests/corpus19.py): NumPy's einsum
with batch letters, tensordot, per-example outer products averaged, ``len(X)``/``Y.size``,
``np.sign``/``np.greater``/``.astype`` masks; LaTeX with ``\\mathsf{T}`` or a bare ``T`` as the
transpose, ``\\Big``/``\\!``/``\\tfrac``, ``&&\\text{…}`` annotations, per-example sums,
Leibniz chain-rule products; hand numbers as students print them; element-wise formulas; and
fifteen lecturer networks no earlier corpus used. The verdicts of the built-in matrix cases come
from PyTorch (tests/check_oracle.py), of the course-network cases from the spec's own text run in
PyTorch (tests/spelled_oracle.py); the checker must give each case its verdict and, where one is
named, its diagnosis code. Rates (and the first, before-fix measurement):
bench/bench_check_corpus19.py, bench/RESULTS.md "heldcheck18"."""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus19  # noqa: E402
import corpus_common  # noqa: E402
import pytest  # noqa: E402

from derive.checker.verdict import FormulaError  # noqa: E402

CASES = corpus19.load()
KNOWN: dict[str, str] = {  # id -> why it still fails (strict xfail: fixing it must remove it here)
}


def test_corpus_is_new_and_mixed() -> None:
    """At least 160 cases, every built-in and a dozen lecturer networks no earlier corpus used,
    about half right, refusals and Chinese cases among them, none repeating corpora 2–18."""
    corpus_common.assert_new_and_mixed(corpus19, CASES, KNOWN, least=160, course=12, zh=5)


test_oracle_agrees_with_the_stated_verdict, test_checker_on_corpus19 = corpus_common.corpus_tests(
    corpus19, CASES, KNOWN
)


# ---- derive grade on corpus 19's rows: JSON Lines, and a CSV as a form exports it ---------------


def test_grade_jsonl_batch_of_corpus19_rows(tmp_path: Path) -> None:
    """``derive grade`` on a JSON Lines file of corpus 19's rows (every eighth case, code, LaTeX
    and hand numbers, two unreadable ones, the input kind given): each row gets the verdict and
    first code the corpus states, and the batch runs to the end."""
    picked = [c for k, c in enumerate(CASES) if k % 8 == 0 and c["id"] not in KNOWN and not c["opts"]]
    picked += [c for c in CASES if c["verdict"] == "unreadable" and c not in picked][:2]
    sub = tmp_path / "answers.jsonl"
    with sub.open("w", encoding="utf-8") as f:
        for c in picked:
            row = {"id": c["id"], "network": c["net"], "wrt": c["wrt"], "kind": c["kind"]}
            row["value" if c["kind"] == "value" else "formula"] = c["text"]
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    results = {r["id"]: r for r in corpus_common.graded(sub, tmp_path / "report.json")["results"]}
    assert len(results) == len(picked)
    for c in picked:
        got = results[c["id"]]
        assert got["verdict"] == c["verdict"], (c["id"], got)
        if c["verdict"] == "unreadable":
            assert got["message"] and not got["codes"], (c["id"], got)
        if c["code"] not in (None, "*"):
            assert got["codes"][0] == c["code"], (c["id"], got)


def test_grade_csv_with_bom_crlf_and_bad_rows(tmp_path: Path) -> None:
    """A CSV as a spreadsheet or a form exports it — a UTF-8 byte-order mark, Windows line
    endings, quoted fields holding commas and LaTeX — with rows that are no submission (a
    misspelt network, a wrt the network does not have, no formula, a row short of fields, an
    unquoted ``W2[0,0]`` splitting into an extra field): the good rows are graded as the
    corpus says, each bad row gets its own ``error`` naming what is wrong, and the batch ends."""
    picked = [c for c in CASES if c["id"] not in KNOWN and not c["opts"] and c["verdict"] != "unreadable"]
    picked = picked[3::23][:8]
    lines = ["id,network,wrt,formula,value,kind"]

    def q(x: str) -> str:
        return '"' + x.replace('"', '""') + '"'

    for c in picked:
        formula, value = ("", c["text"]) if c["kind"] == "value" else (c["text"], "")
        lines.append(",".join([c["id"], q(c["net"]), q(c["wrt"]), q(formula), q(value), c["kind"]]))
    lines += [
        'bad-net,mlp-bcee,W2,"A1.T @ (A2 - Y) / m",,numpy',
        'bad-wrt,mlp-bce,W3,"A1.T @ (A2 - Y) / m",,numpy',
        "bad-empty,mlp-bce,W2,,,",
        "bad-short,mlp-bce",
        "bad-split,mlp-bce,W2[0,0],,-0.1763,value",
    ]
    sub = tmp_path / "answers.csv"
    sub.write_bytes(("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8"))
    report = corpus_common.graded(sub, tmp_path / "report.json")
    results = {r["id"]: r for r in report["results"]}
    assert set(results) == {c["id"] for c in picked} | {
        "bad-net", "bad-wrt", "bad-empty", "bad-short", "bad-split"
    }
    for c in picked:
        got = results[c["id"]]
        assert got["verdict"] == c["verdict"], (c["id"], got)
        if c["code"] not in (None, "*"):
            assert got["codes"][0] == c["code"], (c["id"], got)
    for bad, word in (("bad-net", "mlp-bcee"), ("bad-wrt", "W3"), ("bad-empty", "formula"),
                      ("bad-short", "fewer fields"), ("bad-split", "more fields")):
        assert results[bad]["verdict"] == "error", results[bad]
        assert word in results[bad]["message"], results[bad]


# ---- the general rules behind the fixes, one test each ------------------------------------------


def test_numpy_average_and_squeeze() -> None:
    """``np.average(x, axis=k)`` without weights is ``np.mean`` and ``np.squeeze(x)`` is
    ``x.squeeze()`` (both were "not supported"); ``.reshape(1, 1)`` of a single number is
    itself; ``np.average`` with weights is refused naming it; LaTeX's ``\\operatorname{mean}``
    (``\\mathrm{mean}``) is the language's mean (it was "unknown name 'mean'"); a wrong answer
    in these spellings is still found."""
    from derive.checker.check import check

    assert check("mlp-bce", "b2", "db2 = np.average(A2 - Y, axis=0).reshape(1, 1)").ok
    assert check("mlp-bce", "W2", "np.average(A1[:, :, None] * (A2 - Y)[:, None, :], axis=0)").ok
    assert check("softmax-regression", "b", "np.average(P - Y, axis=0, keepdims=True)").ok
    r = check("softmax-regression", "b", "np.average(Y - P, axis=0, keepdims=True)")
    assert (r.verdict, r.code) == ("incorrect", "sign")
    r = check("softmax-regression", "b", "np.average(P - Y, axis=1, keepdims=True)")
    assert r.verdict == "incorrect"
    assert check("neuron", "w", "dw = np.squeeze(O - t) * O * (1 - O) * x").ok
    r = check("neuron", "w", "dw = np.squeeze(O - t) * O * x")
    assert r.verdict == "incorrect"
    with pytest.raises(FormulaError, match="np.average"):
        check("mlp-bce", "b2", "np.average(A2 - Y, axis=0, weights=Y)")
    assert check("mlp-bce", "b2", r"\operatorname{mean}\left(A^{[2]} - Y\right)", latex=True).ok
    r = check("mlp-bce", "b2", r"\mathrm{mean}(Y - A^{[2]})", latex=True)
    assert (r.verdict, r.code) == ("incorrect", "sign")


def test_leibniz_factor_over_several_nodes() -> None:
    """``∂A/∂B`` where B is no input of A but upstream of it (``∂v/∂w`` for v = u + b, u = w x)
    is the derivative along every path of the forward pass (it was exit 2: "not a local
    derivative"); where B is an input of A it stays the local derivative (the RNN's
    ``∂z_2/∂W_h`` misses the path through h_1); where A does not depend on B at all, exit 2."""
    from derive.checker.check import check

    assert check("chain", "w", r"\frac{\partial L}{\partial v} \cdot \frac{\partial v}{\partial w}", latex=True).ok
    assert check("neuron", "w", r"\frac{\partial L}{\partial O}\frac{\partial O}{\partial w}", latex=True).ok
    assert check("mlp-bce", "W1", r"\frac{\partial L}{\partial A^{[2]}}\frac{\partial A^{[2]}}{\partial W^{[1]}}", latex=True).ok
    r = check("tiny-mlp", "W1", r"2\frac{\partial L}{\partial y_{pred}}\frac{\partial y_{pred}}{\partial W_1}", latex=True)
    assert (r.verdict, r.code) == ("incorrect", "scale-factor")
    r = check("rnn", "W_h", r"h_1^\top \frac{\partial L}{\partial h_2} \frac{\partial h_2}{\partial z_2}", latex=True)
    assert (r.verdict, r.code) == ("incorrect", "missing-path")
    with pytest.raises(FormulaError, match="not an input"):
        check("chain", "b", r"\frac{\partial L}{\partial u}\frac{\partial u}{\partial b}", latex=True)


def test_wrong_derivative_of_an_activation_written_out() -> None:
    """An activation written out in the spec (softsign's ``Z / (1 + |Z|)``) with a classic
    activation's derivative in its place — tanh's ``1 − A²``, σ's ``A(1 − A)``, relu's ``Z >
    0`` — is ``wrong-activation-derivative`` naming what was used (``1 − A²`` was 'sign': it is
    also the quotient rule with one sign flipped), in Chinese under --lang zh."""
    from corpus10 import chinese_only

    from derive.checker.check import check

    net = str(Path(__file__).resolve().parent / "specs_course" / "softsign.toml")
    head = "dout = 2 * (out - Y) / m\ndZ = dout @ W2.T * "
    for slip, said in (("(1 - A ** 2)", "tanh"), ("A * (1 - A)", "sigmoid"), ("(Z > 0)", "relu")):
        r = check(net, "W1", head + slip + "\ndW1 = X.T @ dZ")
        assert (r.verdict, r.code) == ("incorrect", "wrong-activation-derivative"), slip
        assert said in r.text(), r.text()
    r = check(net, "W1", head + "(1 - A ** 2)\ndW1 = X.T @ dZ", lang="zh")
    assert r.code == "wrong-activation-derivative"
    assert "展开写出的激活函数" in r.text() and chinese_only(r.text().splitlines()[0])
    assert check(net, "W1", head + "(1 - np.abs(A)) ** 2\ndW1 = X.T @ dZ").ok
