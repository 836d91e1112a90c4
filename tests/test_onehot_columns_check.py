"""A target declared one-hot in columns (``kind = "one-hot-columns"``, Ng's and MIT 6.036's layout:
one example per column) is judged as declared: ``derive check``'s random points — at the example
sizes and at the other sizes that tell the size names apart — draw it with one 1 per column, as
they draw ``kind = "one-hot"`` with one 1 per row. The right answer ``(P − Y) A1ᵀ / n`` was
called "right only for one-hot targets" (then "right at the example's sizes only"), though the
spec says the target is one-hot; its slips are still named."""

from __future__ import annotations

from pathlib import Path

from derive.checker.check import check

SPEC = """
[network]
name = "mit-columns"
[dims]
d = 3
h = 4
k = 2
n = 5
[inputs]
X = ["d", "n"]
Y = { shape = ["k", "n"], kind = "one-hot-columns" }
[params]
W1 = ["h", "d"]
W2 = ["k", "h"]
[forward]
Z1 = "W1 @ X"
A1 = "np.tanh(Z1)"
Z2 = "W2 @ A1"
P = "np.exp(Z2) / np.sum(np.exp(Z2), axis=0, keepdims=True)"
L = "-np.sum(Y * np.log(P)) / n"
"""


def test_a_one_hot_columns_target_is_judged_as_declared(tmp_path: Path) -> None:
    spec = tmp_path / "mit.toml"
    spec.write_text(SPEC)
    assert check(str(spec), "W2", "dW2 = (P - Y) @ A1.T / n").ok
    assert check(str(spec), "W2", "dW2 = (P - Y) @ A1.T").code == "scale-factor"
    assert check(str(spec), "W2", "dW2 = (P - Y) @ A1.T / d").code == "scale-factor"
    assert not check(str(spec), "W2", "dW2 = (Y - P) @ A1.T / n").ok
    w1 = r"\frac{1}{n}\left(W_2^\top (P-Y) \odot (1-A_1^2)\right) X^\top"
    assert check(str(spec), "W1", w1, latex=True).ok
    assert check(str(spec), "W1", w1.replace("A_1^2", "A_1"), latex=True).code == "wrong-activation-derivative"
    # undeclared, the same answer holds only for one-hot targets: wrong, with that note
    plain = tmp_path / "plain.toml"
    plain.write_text(SPEC.replace('{ shape = ["k", "n"], kind = "one-hot-columns" }', '["k", "n"]'))
    r = check(str(plain), "W2", "dW2 = (P - Y) @ A1.T / n")
    assert not r.ok and "one-hot" in r.text()
