"""Gaps of issue 11 left by the earlier rounds (branch ``checkcodes3``): the unknown-name hint by
meaning, a wrong factor inside a slice update named by its code, and bare ``\\sum`` and sums over
time steps read by the fast path exactly as by the full checker."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from derive import cache
from derive.checker import compiled, fastpath
from derive.checker.check import FormulaError, check
from derive.checker.checknet import net_for

COURSE = Path(__file__).resolve().parent / "specs_course"
ROWS = str(COURSE / "row_blocks.toml")  # top = A[0:1, :], rest = A[1:]: mean over m - 1 rows


def _error(net: str, wrt: str, text: str, lang: str = "en") -> str:
    with pytest.raises(FormulaError) as err:
        check(net, wrt, text)
    return err.value.localized(lang)


@pytest.mark.parametrize(
    ("net", "wrt", "text", "near", "not_near", "layer"),
    [
        ("mlp-bce", "W2", "A1.T @ dZ3", "did you mean dZ2 or dZ1?", "dZ22", "no layer 3"),
        ("mlp-bce", "W2", "A3.T @ dZ2", "did you mean A2 or A1?", "A22", "no layer 3"),
        ("softmax-regression", "W", "X.T @ dW3", "did you mean dW?", "dW23", "numbers no layers"),
        ("relu-mlp", "w1", "x.T @ dW3", "did you mean dw2 or dw1?", "dh3", "no layer 3"),
        ("rnn", "W_h", "h_0.T @ dZ3", "did you mean dz_2 or dz_1?", "dh", "no layer 3"),
        ("attention", "W_q", "X.T @ dZ", "", "did you mean d?", ""),
    ],
)
def test_an_unknown_name_is_answered_by_meaning(
    net: str, wrt: str, text: str, near: str, not_near: str, layer: str
) -> None:
    said = _error(net, wrt, text)
    assert near in said and not_near not in said.split("Known:")[0], said
    assert layer in said, said


def test_the_unknown_name_hint_is_in_chinese_too() -> None:
    said = _error("mlp-bce", "W2", "A1.T @ dZ3", lang="zh")
    assert "没有第 3 层" in said and "dZ2 或 dZ1" in said, said


def test_a_wrong_size_inside_a_slice_update_gets_a_code() -> None:
    text = "dA = dZ @ V.T\ndA[0:1] += 2 * top\ndA[1:] += 1 / (m * n)"
    r = check(ROWS, "A", text)
    assert not r.ok and r.code == "scale-factor", r.text()
    d = r.diagnoses[0]
    assert d.factor == "(m - 1)/m", d.factor
    assert check(ROWS, "A", d.fix).ok, d.fix  # the proposed correction is right


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("codes3-cache")
    old = os.environ.get("DERIVE_CACHE")
    os.environ["DERIVE_CACHE"] = str(where)
    try:
        for net in ("mlp-bce", "chain", "neuron", "rnn", "relu-mlp", "tiny-mlp"):
            key = fastpath.name_for(fastpath.spec_text(net))
            cache.write(fastpath.KIND, f"{key}.json", compiled.build(net_for(net, 0), key))
    finally:
        if old is None:
            os.environ.pop("DERIVE_CACHE", None)
        else:
            os.environ["DERIVE_CACHE"] = old
    return where


SUMS = [  # (net, wrt, text, fast): fast — the fast path must answer it
    ("mlp-bce", "b2", r"\frac{1}{m}\sum (A^{[2]} - Y)", True),  # bare: over the batch
    ("mlp-bce", "b2", r"\sum (A^{[2]} - Y)", True),  # the missing 1/m, named fast
    ("mlp-bce", "b1", r"\sum dZ^{[1]}", True),
    ("chain", "b", r"\sum 2 v", True),  # a scalar's gradient: the total
    ("neuron", "w", r"\sum (O - t) O (1-O) x", True),
    ("tiny-mlp", "w11", r"\sum \delta_{h_{1,\text{raw}}} x_{1}", True),  # an entry: the total
    ("rnn", "W_h", r"\sum_{t=1}^{2} h_{t-1}^{\top} \delta_{z_t}", True),
    ("rnn", "W_h", r"\sum_{t=1}^{T} h_{t-1}^{\top} \delta_{z_t}", True),
    ("rnn", "W_h", r"\sum_t h_{t-1}^{\top} \delta_{z_t}", True),  # every step
    ("rnn", "W_x", r"\sum_{t} x_{t}^\top \delta_{z_{t}}", True),
    ("rnn", "b", r"\sum_{t=1}^{2} \mathbf{1}^\top \delta_{z_t}", True),
    ("rnn", "W_h", r"\sum_{t=1}^{2} h_{t}^{\top} \delta_{z_t}", False),  # wrong: h_t for h_{t-1}
    ("rnn", "W_h", r"\sum_{t=1}^{2} h_{t-1} \delta_{z_t}", False),  # wrong: no transpose
    ("relu-mlp", "w1", r"\sum w_1^{2}", False),  # a squared norm: the full checker
]


@pytest.mark.parametrize(("net", "wrt", "text", "fast"), SUMS)
def test_bare_sums_and_sums_over_time_steps_are_read_fast_as_the_full_checker_reads_them(
    store: Path, monkeypatch: pytest.MonkeyPatch, net: str, wrt: str, text: str, fast: bool
) -> None:
    monkeypatch.setenv("DERIVE_CACHE", str(store))
    slow = check(net, wrt, text)
    got = fastpath.answer(net, wrt, text)
    if fast:
        assert got is not None, (net, wrt, text)
    if got is not None:
        assert got == (slow.text(), 0 if slow.ok else 1), (got, slow.text())


def test_a_sum_over_t_reads_every_time_step() -> None:
    assert check("rnn", "W_h", r"\sum_t h_{t-1}^{\top} \delta_{z_t}").ok
    r = check("rnn", "W_h", r"\sum_t h_{t}^{\top} \delta_{z_t}")  # h_t for h_{t-1}: wrong
    assert not r.ok, r.text()


NG = r"dW^{[2]} = \frac{1}{m} A^{[1]T} dZ^{[2]}"
REMARK = r"\frac{1}{m} A^{[1]T} (\hat{Y} - Y)"


@pytest.mark.parametrize(
    ("net", "wrt", "text", "ok"),
    [
        # a closing clause defining a name the answer uses is a definition: a wrong one is wrong
        ("neuron", "w", r"dz \cdot x, where dz = (O - t) O", False),  # was ✓ (clause dropped)
        ("neuron", "w", r"dz \cdot x，其中 dz = (O - t) O", False),
        ("neuron", "w", r"dz \cdot x \quad \text{where } dz = (O - t) O", False),
        ("neuron", "w", r"dz \cdot x \text{ where } dz = (O - t) O", False),  # in \text, no \quad
        ("neuron", "w", r"dz \cdot x, \text{where } dz = (O - t) O", False),
        ("neuron", "w", r"dz \cdot x \; \text{with} \; dz = (O - t) O", False),  # was exit 2
        ("neuron", "w", r"\delta x \text{ where } \delta = (O - t) O (1 - O)", True),
        ("neuron", "w", r"(O - t) O (1 - O) x \text{ where } O \text{ is the output}", True),
        ("neuron", "w", r"\delta \cdot x \quad \text{where } \delta = (O - t) O (1 - O)", True),
        ("neuron", "w", r"\delta x，其中 \delta = (O - t) O (1 - O)。", True),
        ("neuron", "w", r"\delta x, where \delta = (O - t) O (1 - O).", True),
        # Ng's dZ without the 1/m, defined in the clause: right (was an extra 1/m)
        ("mlp-bce", "W2", NG + r"，其中 dZ^{[2]} = A^{[2]} - Y", True),
        ("mlp-bce", "W2", NG + r", where dZ^{[2]} = A^{[2]}", False),
        # a remark in words stays a remark
        ("mlp-bce", "W2", REMARK + r", where \hat{Y} = A^{[2]} is the output", True),
    ],
)
def test_a_where_clause_defining_a_name_is_part_of_the_answer(
    net: str, wrt: str, text: str, ok: bool
) -> None:
    r = check(net, wrt, text)
    assert r.ok is ok, r.text()


@pytest.mark.parametrize(
    "clause",
    [
        r", where m = 2",  # the example's size stated: not a definition
        r" \quad \text{where } m = 2",
        r" \quad \text{with } m = X.shape[0]",  # code the LaTeX reader cannot read: a remark
        r"，其中 m 是批量大小。",
    ],
)
def test_a_clause_stating_a_size_stays_a_remark(clause: str) -> None:
    assert check("mlp-bce", "W2", r"\frac{1}{m} A^{[1]T} (A^{[2]} - Y)" + clause).ok
