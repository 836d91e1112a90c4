"""Branch heldnets4's fixes, found by a fourth held-out pass of course networks (issue 9):
sizes written as arithmetic on [dims] names (``W = ["d + h", "h"]``)."""

from __future__ import annotations

import pytest

from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

# an Elman RNN step on the concatenated [x, h0], one weight of d + h rows (colah / Karpathy)
RNN = """
[dims]
m = 2
d = 3
h = 2
[inputs]
x = ["m", "d"]
h0 = ["m", "h"]
y = ["m", "h"]
[params]
W = [{rows}, "h"]
b = [1, "h"]
[forward]
h1 = "np.tanh(np.concatenate((x, h0), axis=1) @ W + b)"
loss = "0.5 * np.sum((h1 - y) ** 2)"
{extra}
"""


@pytest.mark.parametrize("rows", ['"d + h"', '"h + d - 0"', '"(d + h) * 1"', '"2*h + 1"'])
def test_a_size_may_be_arithmetic_on_dims_names(rows: str) -> None:
    s = spec.parse(RNN.format(rows=rows, extra=""), source="rnn")
    assert int(s.params["W"][0]) == 5
    assert isinstance(s.params["W"][0], spec.SizeExpr)
    assert s.params["W"][0].at({"d": 4, "h": 3}) == 7  # recomputed at other sizes


def test_arithmetic_sizes_verify_at_the_example_and_at_full_size() -> None:
    """[full_dims] changes d and h: W is drawn with d + h rows there, and the concatenation's
    backward block (cols d+1 … d+h of the upstream gradient) moves with them."""
    text = RNN.format(rows='"d + h"', extra="")
    text = text.replace("[forward]", "[full_dims]\nd = 6\nh = 4\nm = 5\n[forward]")
    d = derive(spec.parse(text, source="rnn"))
    report = numeric.verify(d, points=1, full=True)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert {"example", "full size"} <= {c.point for c in report.comparisons}


@pytest.mark.parametrize(
    "rows, says",
    [
        ('"d + k"', "unknown dimension 'k'"),
        ('"d / h"', "only + - * of [dims] names"),
        ('"len(d)"', "only + - * of [dims] names"),
        ('"d - 3"', "size 'd - 3' is 0"),
        ('"d +"', "not a size expression"),
        ('"__import__(\'os\')"', "only + - * of [dims] names"),
        ('"d ** h"', "only + - * of [dims] names"),
    ],
)
def test_a_bad_size_expression_is_one_clear_line(rows: str, says: str) -> None:
    with pytest.raises(spec.SpecError) as err:
        spec.parse(RNN.format(rows=rows, extra=""), source="rnn")
    msg = str(err.value)
    assert "[params] W" in msg and says in msg and "\n" not in msg
