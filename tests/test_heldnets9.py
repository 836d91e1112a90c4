"""Branch heldnets9 (issue 9's held-out course networks, pass 9): course spellings found refused
by the first pass, each now read exactly. Each network's OWN text runs in PyTorch float64
(tests/spelled_oracle.py) and must agree with derive's loss and every gradient; what is still
not read is refused with one line naming the form that is."""

from __future__ import annotations

import pytest
from spelled_oracle import oracle_text

from derive.lang import spec

pytest.importorskip("torch")

_CE = """
[dims]
N = 4
D = 3
C = 3
[inputs]
X = ["N", "D"]
y = ["N"]
[params]
W = ["D", "C"]
b = ["C"]
[forward]
p = "{p}"
Y = "{Y}"
loss = "-torch.sum(Y * torch.log(p + 1e-8)) / y.shape[0]"
"""

AGREE = {
    # F.one_hot(...).float() (d2l, makemore): a cast to a float type is the identity
    "one_hot_float": _CE.format(
        p="torch.softmax(X @ W + b, dim=1)", Y="F.one_hot(y, num_classes=C).float()"
    ),
    "one_hot_to_double": _CE.format(
        p="torch.softmax((X @ W + b).double(), dim=1)", Y="F.one_hot(y, C).to(torch.float64)"
    ),
    "one_hot_type": _CE.format(
        p="torch.softmax(X @ W + b, dim=1).to(dtype=torch.float64)",
        Y="F.one_hot(y, C).type(torch.FloatTensor)",
    ),
}


@pytest.mark.parametrize("name", sorted(AGREE))
def test_the_course_text_run_in_pytorch_agrees_with_derive(name: str) -> None:
    out = oracle_text(AGREE[name], name)
    assert out.status == "agree", (out.status, out.reason)


def test_a_cast_to_an_integer_type_is_not_read_as_the_identity() -> None:
    text = _CE.format(p="torch.softmax(X @ W + b, dim=1)", Y="F.one_hot(y, C).float()")
    with pytest.raises(spec.SpecError) as err:
        spec.parse(text.replace("(p + 1e-8)", "(p.int() + 1e-8)"), "cast")
    assert "\n" not in str(err.value)
