"""Branch reshape41 (issue 9's top leftover): a row-major reshape that moves entries between rows
and columns (``s.view(B, -1)`` of a [B·P, 1] column, ``np.reshape(F, (k, m))`` of an [m, k] F,
``h.view(-1, 1)``, ``order='F'``) is ONE node of the graph, ``ops.RESHAPE``, not r unrolled slices:

- its pull is the upstream gradient reshaped back to the argument's shape, printed
  ``ds.reshape(B * P, 1)`` / ``\\operatorname{reshape}\\left(\\delta_{s}, (B P, 1)\\right)``, with
  the sizes by their [dims] names (so the expected formula moves with the sizes), where the base
  printed r pads of the column, ``np.concatenate((ds[:1].T, np.zeros((B*P - 2, 1))), axis=0) + …``;
- ``derive check`` reads a student's ``dS.reshape(-1, 1)``, ``np.reshape(dS, (-1, 1))``,
  ``dG.reshape(m, k)``, ``np.reshape(dG, F.shape)`` and ``\\operatorname{reshape}(G, (a, b))``
  (NumPy's row-major order), and still rejects a transpose for it and a size written as the
  example's number;
- sizes that do not hold the entries exit 2 in one line, en and zh (spec and formula)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from derive.checker.check import check
from derive.checker.verdict import FormulaError
from derive.checker.checknet import net_for
from derive.engine import mform as mf
from derive.engine.backprop import derive
from derive.lang import spec as spec_mod
from derive.lang.spec import resize

ROOT = Path(__file__).resolve().parent.parent

# a listwise softmax loss over per-pair scores viewed as [Q, D] (other names and sizes than the
# course specs)
_LISTWISE = """
[dims]
Q = 2
D = 4
f = 3
h = 2
[inputs]
X = ["Q * D", "f"]
T = ["Q", "D"]
[params]
U = ["f", "h"]
u = ["h", 1]
[forward]
hid = "torch.tanh(X @ U)"
sc = "(hid @ u).view(Q, -1)"
loss = "-(T * torch.log_softmax(sc, dim=1)).sum(dim=1).mean()"
[values]
T = [[0.1, 0.2, 0.3, 0.4], [0.25, 0.25, 0.25, 0.25]]
"""

# NumPy's reshape of an [r, c] matrix to [c, r] (not a transpose), then a product
_SWAP = """
[dims]
r = 3
c = 2
d = 2
[inputs]
x = ["r", "d"]
y = ["c", "r"]
[params]
A = ["d", "c"]
[forward]
M = "np.tanh(x @ A)"
G = "np.reshape(M, (c, r))"
loss = "np.sum((G - y) ** 2)"
"""


def _write(tmp_path: Path, text: str, name: str = "net") -> str:
    p = tmp_path / f"{name}.toml"
    p.write_text(f'[network]\nname = "{name}"\n' + text, encoding="utf-8")
    return str(p)


def _formula(path: str, param: str):
    net = net_for(path, 0)
    return net, net.target(param)


def test_the_reshape_is_one_node_and_its_pull_a_reshape_of_the_upstream_gradient(tmp_path):
    path = _write(tmp_path, _LISTWISE)
    d = derive(spec_mod.load(path))
    visit = next(v for v in d.backward if v.name == "hid")
    found = [n for n in _walk(visit.formula) if isinstance(n, mf.Reshape)]
    assert found, visit.formula
    up = found[0].x
    assert isinstance(up, mf.Ref) and up.kind == "grad" and up.name == "sc"
    code = visit.formula.code()
    assert "dsc.reshape(Q * D, 1)" in code, code
    assert "np.zeros" not in code and "concatenate" not in code, code


def _walk(e):
    yield e
    for v in vars(e).values():
        for k in v if isinstance(v, tuple) else (v,):
            if isinstance(k, mf.MExpr):
                yield from _walk(k)


def test_the_reshape_sizes_keep_their_names_and_move_with_the_sizes(tmp_path):
    path = _write(tmp_path, _LISTWISE)
    d = derive(spec_mod.load(path))
    visit = next(v for v in d.backward if v.name == "hid")
    node = next(n for n in _walk(visit.formula) if isinstance(n, mf.Reshape))
    rows, cols = node.shape
    assert (int(rows), int(cols)) == (8, 1)
    assert resize(rows, {"Q": 5, "D": 3}) == 15 and resize(cols, {"Q": 5, "D": 3}) == 1
    # evaluated at other sizes, the pull is NumPy's row-major reshape of the resized gradient
    x = np.arange(15.0).reshape(15, 1)
    system = mf.NumpySystem({"dsc": np.arange(15.0).reshape(5, 3)}, {})
    system.sizes = {"Q": 5, "D": 3}
    value = mf.Evaluator(system).run(node)
    assert value.shape == (15, 1) and np.array_equal(value, x)


def test_the_walkthrough_prints_the_reshape_not_padded_blocks(tmp_path):
    path = _write(tmp_path, _SWAP, "swap")
    out = tmp_path / "out"
    env = {"PYTHONPATH": str(ROOT), "DERIVE_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    r = subprocess.run(
        [sys.executable, "-m", "derive", "build", path, "-f", "md,py", "--lang", "en", "-o", str(out)],
        capture_output=True, text=True, env=env, timeout=600,
    )
    assert r.returncode == 0, r.stderr
    code = (out / "swap" / "en" / "backprop.py").read_text(encoding="utf-8")
    assert "dM = dG.reshape(r, c)" in code, code
    assert "concatenate" not in code
    md = (out / "swap" / "en" / "walkthrough.md").read_text(encoding="utf-8")
    assert "\\operatorname{reshape}" in md
    run = subprocess.run([sys.executable, "backprop.py"], cwd=out / "swap" / "en", capture_output=True, text=True, timeout=600)
    assert run.returncode == 0 and "agree" in run.stdout, run.stdout + run.stderr


@pytest.mark.parametrize(
    "answer",
    [
        "hid.T @ dsc.reshape(-1, 1)",
        "hid.T @ dsc.reshape(Q * D, 1)",
        "hid.T @ np.reshape(dsc, (-1, 1))",
        "hid.T @ dsc.view(-1, 1)",
    ],
)
def test_check_accepts_a_spelled_reshape_of_the_upstream_gradient(tmp_path, answer):
    path = _write(tmp_path, _LISTWISE)
    assert check(path, "u", answer).ok


def test_check_rejects_a_transposed_reshape_and_refuses_the_example_numbers(tmp_path):
    path = _write(tmp_path, _LISTWISE)
    r = check(path, "u", "hid.T @ dsc.T.reshape(-1, 1)")  # column-major: not the same entries
    assert not r.ok and r.code == "extra-transpose"
    for answer in ("hid.T @ dsc.reshape(8, 1)", "hid.T @ np.reshape(dsc, (8, 1))"):
        # the example's number for Q * D: not the network's size at other sizes
        with pytest.raises(FormulaError, match="by their \\[dims\\] names"):
            check(path, "u", answer)


@pytest.mark.parametrize(
    "answer, latex",
    [
        ("x.T @ (dG.reshape(r, c) * (1 - M ** 2))", False),
        ("x.T @ (np.reshape(dG, M.shape) * (1 - M ** 2))", False),
        ("x^\\top \\left(\\operatorname{reshape}(\\delta_G, (r, c)) \\odot (1 - M^2)\\right)", True),
    ],
)
def test_check_reads_a_matrix_reshape_back(tmp_path, answer, latex):
    path = _write(tmp_path, _SWAP, "swap")
    assert check(path, "A", answer, latex=latex).ok
    assert not check(path, "A", "x.T @ (dG.T * (1 - M ** 2))").ok  # a transpose is not it


@pytest.mark.parametrize("text", [_LISTWISE, _SWAP])
def test_check_reads_back_its_own_expected_formula_with_a_reshape(tmp_path, text):
    path = _write(tmp_path, text)
    net = net_for(path, 0)
    for p in net.spec.params:
        t = net.target(p)
        assert check(path, p, t.expected).ok, (p, t.expected)
        assert check(path, p, t.tex, latex=True).ok, (p, t.tex)
    assert any(".reshape(" in net.target(p).expanded for p in net.spec.params)


def _cli(*args: str, cache: Path) -> subprocess.CompletedProcess:
    env = {"PYTHONPATH": str(ROOT), "DERIVE_CACHE": str(cache), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "derive", *args], capture_output=True, text=True, env=env, timeout=600)


def test_a_formula_reshape_whose_sizes_do_not_hold_the_entries_says_so(tmp_path):
    path = _write(tmp_path, _LISTWISE)
    for lang, words in (("en", "the two sizes do not hold the entries"), ("zh", "容不下")):
        r = _cli("check", path, "--wrt", "u", "hid.T @ dsc.reshape(Q, 1)", "--lang", lang, cache=tmp_path / "c")
        assert r.returncode == 1 and words in r.stdout, r.stdout + r.stderr
        assert "Traceback" not in r.stdout + r.stderr


@pytest.mark.parametrize("line", ['sc = "(hid @ u).view(3, -1)"', 'sc = "(hid @ u).view(Q, 3)"'])
def test_a_spec_reshape_whose_sizes_do_not_multiply_out_exits_2_in_one_line(tmp_path, line):
    text = _LISTWISE.replace('sc = "(hid @ u).view(Q, -1)"', line)
    path = _write(tmp_path, text)
    for lang in ("en", "zh"):
        r = _cli("verify", path, "--lang", lang, cache=tmp_path / "c")
        assert r.returncode == 2, r.stdout + r.stderr
        err = r.stderr.strip()
        assert len(err.splitlines()) == 1 and "Traceback" not in err, err
        assert "8" in err and ("reshape" in err or "变形" in err), err
