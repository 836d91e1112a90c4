"""The checker's leftovers of issue 11, pass 5: the general rules behind the fixes of the last
strict xfails of corpora 12 and 13, one test each (never the quoted case alone)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from derive.checker.check import FormulaError, check

COURSE = Path(__file__).resolve().parent / "specs_course"
W1_G = (
    r"\frac{\partial L}{\partial W^{[1]}} = \frac{1}{m} X^{\top} \left[ (A^{[2]} - Y) W^{[2]\top}"
    r" \odot g'(Z^{[1]}) \right]"
)


def test_a_fraction_with_a_zero_numerator_is_the_exact_zero() -> None:
    """``0/1`` (``0/5``, ``-0/3``) is the exact value 0, judged as ``0`` is: right where the
    entry is zero, wrong where it is not; ``1/0`` stays unreadable."""
    for wrt in ("w1[2,1]", "w1[0,0]", "w2[1,0]"):
        zero = check("relu-mlp", wrt, value="0")
        for text in ("0/1", "0/5", "-0/3"):
            assert check("relu-mlp", wrt, value=text).ok == (zero.exact == 0.0), (wrt, text)
    assert not check("tiny-mlp", "W1[0,0]", value="0/1").ok  # a nonzero entry
    with pytest.raises(FormulaError):
        check("relu-mlp", "w1[2,1]", value="1/0")


@pytest.mark.parametrize(
    "tail, code",
    [
        (r", \quad g = \mathrm{ReLU}", None),
        (r"; g = \operatorname{relu}.", None),
        (r", \quad g = \tanh", "wrong-activation-derivative"),
        (r" \quad \text{where } g = \sigma", "wrong-activation-derivative"),
    ],
)
def test_a_closing_remark_naming_the_activation_is_read_as_that_function(tail, code) -> None:
    """``…, \\quad g = \\mathrm{ReLU}`` names the function ``g`` stands for: ``g'`` is that
    function's derivative (was unreadable); naming the wrong one makes the answer wrong, never
    the network's own derivative by default."""
    r = check("mlp-bce", "W1", W1_G + tail, latex=True)
    assert r.code == code, r.text()
    assert check("neuron", "w", r"\frac{\partial E}{\partial w} = (O - t) f'(z) x, \quad f = \sigma", latex=True).ok


def test_numpy_one_d_semantics_with_a_size_name() -> None:
    """A spec's 1-D tensors in ``jnp.dot(feats.T, 2 * (preds - targets) / n)``: a size name
    (``n``) is one number, so the bracket stays 1-D and the product is NumPy's matrix-vector
    one (was a shape-mismatch); the wrong size or input stays wrong."""
    spec = str(COURSE / "jax_linreg_1d.toml")
    assert check(spec, "W", "dW = jnp.dot(feats.T, 2 * (preds - targets) / n)").ok
    assert check(spec, "W", "dW = feats.T @ (2 * (preds - targets) / n)").ok
    assert check(spec, "W", "dW = jnp.dot(feats.T, (preds - targets) / n)").code == "scale-factor"
    assert not check(spec, "W", "dW = jnp.dot(feats.T, 2 * (preds - targets) / d)").ok
    assert not check(spec, "W", "dW = jnp.dot(inputs.T, 2 * (preds - targets) / n)").ok


def test_a_per_example_sum_of_a_number_times_an_example_vector_is_read_in_the_gradients_orientation() -> None:
    """CS229's ``(1/m) Σ_i (h^{(i)} - y^{(i)}) x^{(i)}`` for a column θ: an example's vector has no
    orientation of its own; the notes that write it so take vectors as columns, so the sum is
    ``Xᵀ(h − y)`` — right (it was a shape-mismatch, a right answer judged wrong, or refused); the
    same with a subscript ``x_i``; a wrong scale or a wrong tensor stays wrong."""
    spec = str(COURSE / "cs229_logreg_theta.toml")
    for text in (
        r"\frac{\partial J}{\partial \theta} = \frac{1}{m}\sum_{i=1}^{m} \left(h_i - y_i\right) x_i",
        r"\frac{1}{m}\sum_{i=1}^{m} x_i (h_i - y_i)",
        r"\nabla_{\theta} J(\theta) = \frac{1}{m}\sum_{i=1}^{m}\left(h_\theta(x^{(i)}) - y^{(i)}\right)x^{(i)}",
        r"\frac{1}{m}\sum_{i=1}^{m} x^{(i)} (h^{(i)} - y^{(i)})",
    ):
        assert check(spec, "theta", text, latex=True).ok, text
        wrong = check(spec, "theta", text.replace(r"\frac{1}{m}", r"\frac{2}{m}"), latex=True)
        assert not wrong.ok and wrong.code == "scale-factor", text
        assert not check(spec, "theta", text.replace("- y", "+ y"), latex=True).ok, text
    # Ng's a^{[1](i)} on a batch-first network: the column of example i, so the sum is A1ᵀ(A2 − Y)
    ng = r"\frac{1}{m}\sum_{i=1}^{m} \mathbf{a}^{[1](i)} (a^{[2](i)} - y^{(i)})"
    assert check("mlp-bce", "W2", ng, latex=True).ok
    assert not check("mlp-bce", "W2", ng.replace("a^{[2](i)}", "z^{[2](i)}"), latex=True).ok
    assert check(spec, "theta", r"\frac{1}{m}\sum_{i=1}^{m} (h^{(i)} - y^{(i)}) x^{(i)\top}", latex=True).ok
    assert check(spec, "theta", r"\frac{1}{m} X^\top (h - y)", latex=True).ok
    # a gradient that is a row (a 1-D weight): the example's vector is its row, read as before
    jax = str(COURSE / "jax_linreg_1d.toml")
    row = r"\frac{2}{n}\sum_{i=1}^{n} (\mathrm{preds}_i - \mathrm{targets}_i) \mathrm{feats}_i"
    assert check(jax, "W", row, latex=True).ok
    assert not check(jax, "W", row.replace("{2}", "{1}"), latex=True).ok


def test_diag_of_a_matrix_that_is_not_square_is_a_wrong_formula() -> None:
    """``… ⊙ diag(1[h > 0])`` with the n × H ReLU mask: diag of a matrix is no diagonal matrix,
    so the answer is wrong (shape-mismatch naming the sizes), not unreadable; square at the
    example sizes only (n = H = 3) does not make it square. diag of a vector is read as before."""
    text = (
        r"\frac{\partial L}{\partial w_1} = x^{\top}\left(2\left(y_{\mathrm{pred}} - y\right) "
        r"w_2^{\top} \odot \operatorname{diag}\left(\mathbb{1}\left[h > 0\right]\right)\right)"
    )
    r = check("relu-mlp", "w1", text, latex=True)
    assert not r.ok and r.code == "shape-mismatch" and "n × H" in r.text()
    zh = check("relu-mlp", "w1", text, latex=True, lang="zh")
    assert "对角矩阵" in zh.text()
    assert check("rnn", "z_1", r"\delta_{z_2} W_h^{\top} \mathrm{diag}(1 - h_1^2)", latex=True).ok


def test_the_same_slip_at_every_step_of_a_recurrent_network() -> None:
    """``1 - tanh(z)`` for tanh' at both time steps of the RNN is one slip made twice:
    wrong-activation-derivative naming both steps (was unknown); at one step it is as before."""
    both = (
        "dz_2 = (h_2 - y) * (1 - np.tanh(z_2))\n"
        "dz_1 = dz_2 @ W_h.T * (1 - np.tanh(z_1))\n"
        "dW_x = x_1.T @ dz_1 + x_2.T @ dz_2"
    )
    r = check("rnn", "W_x", both)
    assert r.code == "wrong-activation-derivative" and re.search(r"z_2, z_1|z_1, z_2", r.text())
    one = both.replace("(1 - np.tanh(z_1))", "(1 - h_1 ** 2)")
    assert check("rnn", "W_x", one).code == "wrong-activation-derivative"
    right = one.replace("(1 - np.tanh(z_2))", "(1 - h_2 ** 2)")
    assert check("rnn", "W_x", right).ok


def _padded(formula: str, doublings: int) -> str:
    """``dW1 = formula + 0 * k`` with ``k`` a sum written out in 2**doublings copies through
    statements: the same value, many parts (6 doublings: > 400 parts after substitution)."""
    pre = "k0 = np.sum(X @ W1 + b1)\n"
    pre += "".join(f"k{i} = k{i - 1} + k{i - 1}\n" for i in range(1, doublings + 1))
    return f"{pre}dW1 = {formula} + 0 * k{doublings}"


def test_a_long_wrong_formula_still_gets_its_mistake_named() -> None:
    """A formula past the edit searches' 400 parts: the mistake library (by values) and the
    wrong-layer search (fewer substitutions, a tensor of the same role first) still name the
    mistake as for the short one; right stays right."""
    from derive.checker import diagnose
    from derive.checker.check import net_for
    from derive.checker.formula import read

    right = "X.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m"
    tree, _, _ = read(net_for("mlp-bce", 0), _padded(right, 6), False, "W1")
    assert not diagnose.searchable(tree)
    assert check("mlp-bce", "W1", _padded(right, 6)).ok
    for wrong, code in (
        ("A1.T @ ((A2 - Y) @ W2.T * (Z1 > 0)) / m", "wrong-layer"),
        ("X.T @ ((A2 - Y) @ W2.T * (Z2 > 0)) / m", "wrong-layer"),
        ("X.T @ ((Y - A2) @ W2.T * (Z1 > 0)) / m", "sign"),
        ("X.T @ ((A2 - Y) @ W2.T * A1) / m", "wrong-activation-derivative"),
    ):
        assert check("mlp-bce", "W1", wrong).code == code, wrong
        assert check("mlp-bce", "W1", _padded(wrong, 6)).code == code, wrong


def test_grade_summary_per_question_and_row_errors_a_lecturer_can_read(tmp_path: Path) -> None:
    """A class CSV with a cell holding a line break, a short row and a repeated id: the short row
    is an error naming its missing columns and its line in the file; the summary counts per
    question and says what each code means; under --lang zh the row errors are Chinese."""
    import json

    from click.testing import CliRunner

    from derive.cli import main

    src = tmp_path / "class.csv"
    src.write_text(
        "id,network,wrt,formula,value\n"
        's1,mlp-bce,W2,"dZ2 = A2 - Y\ndW2 = A1.T @ dZ2 / m",\n'
        "s2,mlp-bce,W2,A1.T @ (A2 - Y),\n"
        "s3,mlp-bce\n"
        "s2,tiny-mlp,\"W1[0,0]\",,-0.0137\n",
        "utf-8",
    )
    out = tmp_path / "r.json"
    res = CliRunner().invoke(main, ["grade", str(src), "-o", str(out), "--jobs", "1", "--quiet"])
    assert res.exit_code == 0, res.output
    data = json.loads(out.read_text("utf-8"))
    byid = {r["id"]: r for r in data["results"] if r["id"] != "s2"}
    assert byid["s1"]["verdict"] == "correct"
    short = byid["s3"]
    assert short["verdict"] == "error" and "line 5" in short["message"]
    assert "wrt, formula, value" in short["message"]
    md = data["summary"]["markdown"]
    assert "| mlp-bce · W2 | 2 | 1 | 1 | 0 | 0 | `scale-factor` (1) |" in md
    assert "off by a constant factor" in md and "s2 (2)" in md
    questions = {(q["network"], q["wrt"]): q for q in data["summary"]["questions"]}
    assert questions[("tiny-mlp", "W1[0,0]")]["verdicts"] == {"correct": 1}
    lines = tmp_path / "class.jsonl"
    lines.write_text('{"id": "a", "network": "chain", "wrt": "w", "formula": "2*v*x"}\n{oops\n[1]\n')
    res = CliRunner().invoke(
        main, ["grade", str(lines), "-o", str(out), "--jobs", "1", "--quiet", "--lang", "zh"]
    )
    results = json.loads(out.read_text("utf-8"))["results"]
    assert [r["verdict"] for r in results] == ["correct", "error", "error"]
    for r in results[1:]:
        assert re.search(r"[\u4e00-\u9fff]", r["message"]) and "JSON" in r["message"], r
        assert not re.search(r"\b(?:not|line|object)\b", r["message"]), r


# English words a sentence cannot do without; a formula, a name or a code never is one of them
_ENGLISH_WORDS = frozenset(
    """the is of and to an for not with where in at be by your you are this that use write
    expected found column note read only here from has have was were its or as one each than then
    which when would should must can cannot does no all any more less into over under after
    before between instead same other per error line missing""".split()
)


def english_outside_formulas(output: str) -> list[str]:
    """The lines of ``derive check`` output holding an English word outside formulas: code in
    backticks, ``$…$``, LaTeX commands, names and calls (``np.where``, ``dO``, ``x_i``), the
    diagnosis codes (identifiers, kept in every language), the formula echoed under a caret and
    what follows the labels of the yours/correct lines are left out."""
    bad = []
    for line in output.split("\n"):
        if re.match(r"\s{2,}\S", line) and not re.search(r"[\u4e00-\u9fff]", line):
            continue  # the formula echoed, the caret under it
        line = re.split(r"你的公式：|正确答案：|读作：", line)[0]
        line = re.sub(r"`[^`]*`|\$[^$]*\$|\\[A-Za-z]+|\b[a-z]+(?:-[a-z]+)+\b", " ", line)
        line = re.sub(r"[A-Za-z_][\w.]*\([^()]*\)|\b\w*[_\d.]\w*\b|'[^']*'", " ", line)
        if any(w in _ENGLISH_WORDS for w in re.findall(r"[A-Za-z]+", line)):
            bad.append(line)
    return bad


def test_check_and_grade_under_lang_zh_print_no_english_sentence(tmp_path: Path) -> None:
    """A sample of corpus 12 and 13 (every 20th case: right, wrong, hand numbers, refusals) and
    parser errors, through the CLI with --lang zh: no English word outside formulas, the error
    line's prefix included; grade's report and summary too."""
    import sys

    from click.testing import CliRunner

    from derive.cli import main

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import corpus12
    import corpus13

    cases = (corpus12.load() + corpus13.load())[::20]
    cases += [
        dict(net="mlp-bce", wrt="W2", kind="numpy", text=t, opts={})
        for t in ("A1.T @ (A2 - Y) / m ** 99", "'abc'", "np.linalg.inv(A1)", "A1.T @ Q", "")
    ]
    cases.append(dict(net="mlp-bce", wrt="W2", kind="latex", text=r"\int_0^1 A^{[1]}", opts={}))
    runner = CliRunner()
    found = []
    for c in cases:
        args = ["check", c["net"], "--wrt", c["wrt"], "--lang", "zh"]
        for k, v in (c.get("opts") or {}).items():
            args += [f"--{k}", str(v)]
        if c["kind"] == "value":
            args += ["--value", c["text"]]
        else:
            args += (["--latex"] if c["kind"] == "latex" else []) + ["--", c["text"]]
        out = runner.invoke(main, args).output
        found += [(c.get("id"), line) for line in english_outside_formulas(out)]
    assert not found, found
    assert english_outside_formulas("error: the formula is empty")  # the scan itself can fail



def test_grade_under_lang_zh_prints_no_english_sentence(tmp_path: Path) -> None:
    """grade --lang zh: every row's message and the summary's tables are Chinese (codes aside)."""
    import json

    from click.testing import CliRunner

    from derive.cli import main

    rows = [
        {"id": "a", "network": "mlp-bce", "wrt": "W2", "formula": "A1.T @ (A2 - Y)"},
        {"id": "b", "network": "mlp-bce", "wrt": "W2", "formula": "A1.T @@ (A2 - Y)"},
        {"id": "c", "network": "no-such-net", "wrt": "W2", "formula": "A1"},
        {"id": "d", "network": "tiny-mlp", "wrt": "W1[0,0]", "value": "-0.01"},
        {"id": "e", "network": "mlp-bce", "wrt": "W2"},
    ]
    src, out = tmp_path / "s.jsonl", tmp_path / "r.json"
    src.write_text("\n".join(json.dumps(r) for r in rows) + "\n{oops\n", "utf-8")
    args = ["grade", str(src), "-o", str(out), "--jobs", "1", "--quiet", "--lang", "zh"]
    assert CliRunner().invoke(main, args).exit_code == 0
    data = json.loads(out.read_text("utf-8"))
    texts = [r["message"] for r in data["results"]] + [data["summary"]["markdown"]]
    assert not [t for t in texts if english_outside_formulas(t)], texts


@pytest.mark.parametrize(
    "kind, text",
    [
        ("numpy", "np.sum(A2 - Y, kims=0)"),
        ("numpy", "tf.reduce_sum(A2 - Y, kpdims=True)"),
        ("numpy", "A1.T @ (A2 - Y) ** "),  # (** A1 is read since pass 17: exp(A1 log(A2 - Y)))
        ("numpy", "A1.T @ ~(A2 - Y)"),
        ("numpy", "np.sum(A2 - Y, 0, axis=0)"),
        ("numpy", "A1.T @ (A2 - Y) / m ** 99"),
        ("latex", r"\frac{\partial L}{W^{[2]}}"),
        ("latex", r"\frac{1}{m} A^{[1]\top} \sigma(Z^{[1]}"),
        ("latex", r"\mathbb{E} * A^{[1]}"),
        ("latex", r"\nabla \boldsymbol{W}"),
        ("latex", r"A^{[1]\top} \text{} (A^{[2]} - Y)"),
        ("latex", r"\frac{1}{m A^{[1]\top}"),
        ("latex", r"\frac{\partial}{\partial W} = A"),
    ],
)
def test_parser_errors_found_by_a_zh_fuzz_are_chinese(kind, text) -> None:
    """Parser messages a seeded fuzz of corpus formulas (a character inserted or deleted, the end
    cut) left in English under --lang zh: their "expected …" phrases and details, translated by
    pattern (verdict._ZH_PHRASE_RULES, _ZH_RULES)."""
    with pytest.raises(FormulaError) as err:
        check("mlp-bce", "b2" if "sum" in text else "W2", text, latex=kind == "latex", lang="zh")
    zh = err.value.localized("zh")
    assert re.search(r"[\u4e00-\u9fff]", zh) and not english_outside_formulas(zh), zh
