"""Branch heldnets46 (issue 9's held-out course networks, pass 46 of the specs, hn46_*): what the
first pass of 12 new course networks and 3 meant refusals found. Each network's OWN text runs in
PyTorch float64 (tests/spelled_oracle.py) and must agree with derive's loss and every gradient;
the cases are variants (other names, sizes, values, spellings), not the spec that showed them:

- Paddle's ``paddle.norm(feat, p=2, axis=1)`` (Ring loss' feature norm, a 飞桨 course's
  spelling) was refused ("paddle.norm() is not read"): ``paddle.norm`` / ``paddle.linalg.norm``
  with p ``'fro'`` (2.x's default), ``None`` (3.x's) or 2 over everything or along one axis is
  the 2-norm ``sqrt(sum(x ** 2))``, p=1 ``sum(abs(x))``, ``keepdim`` kept; other orders and a
  list of axes stay refused naming what is read. Its root is NumPy's ``sqrt`` (Paddle's p_norm
  gradient of a zero vector divides by 0), so a zero vector is exit 2 naming it, not a ✓."""

from __future__ import annotations

import pytest
from test_heldnets21 import _both, _refusal

torch = pytest.importorskip("torch")

_RING = """
[dims]
N = 3
d = 3
f = 2
[inputs]
x = ["N", "d"]
[params]
W = ["d", "f"]
R = []
[forward]
{lines}
[values]
x = [[0.7, -0.1, 0.4], [0.2, 0.9, -0.5], [-0.6, 0.3, 0.8]]
W = [[0.5, -0.2], [0.3, 0.6], [-0.4, 0.1]]
R = 1.3
"""


@pytest.mark.parametrize(
    "norm",
    [
        "paddle.norm(h, p=2, axis=1)",
        "paddle.norm(h, axis=-1)",
        "paddle.norm(h, p='fro', axis=1, keepdim=True)",
        "paddle.linalg.norm(h, p=2, axis=1)",
        "paddle.linalg.norm(h, p=None, axis=0)",
        "paddle.norm(h)",
        "paddle.norm(h, p=1, axis=1)",
        "paddle.norm(h, 2, 1)",
    ],
)
def test_paddle_norm_is_read_as_paddle_defines_it(norm: str) -> None:
    """On 22887035 each was refused: 'paddle.norm() is not read'."""
    lines = "\n".join([
        'h = "paddle.nn.functional.tanh(paddle.matmul(x, W))"',
        f'n = "{norm}"',
        'loss = "paddle.mean((n - R) ** 2) / 2"',
    ])
    _both(_RING.format(lines=lines), "paddle-norm")


@pytest.mark.parametrize(
    "norm",
    [
        "paddle.norm(h, p=float('inf'), axis=1)",
        "paddle.norm(h, p=3, axis=1)",
        "paddle.norm(h, p='nuc')",
        "paddle.norm(h, p=2, axis=[0, 1])",
    ],
)
def test_other_paddle_norms_are_refused_naming_what_is_read(norm: str) -> None:
    lines = f'h = "paddle.matmul(x, W)"\nloss = "paddle.mean(({norm} - R) ** 2)"'
    for lang in ("en", "zh"):
        said = _refusal(_RING.format(lines=lines), lang)
        assert "norm()" in said and "sqrt(sum(x ** 2))" in said and len(said.splitlines()) == 1, said


def test_paddle_norm_of_a_zero_row_is_exit_2_naming_it(tmp_path) -> None:
    from click.testing import CliRunner

    from derive.cli import main

    text = _RING.format(lines='h = "paddle.matmul(x, W)"\nloss = "paddle.mean((paddle.norm(h, axis=1) - R) ** 2)"')
    text = text.replace("x = [[0.7, -0.1, 0.4]", "x = [[0.0, 0.0, 0.0]")
    path = tmp_path / "zero.toml"
    path.write_text('[network]\nname = "zero-row"\n' + text, encoding="utf-8")
    res = CliRunner().invoke(main, ["verify", str(path)])
    assert res.exit_code == 2, res.output
    assert "sqrt of 0.0 at entry [0, 0]" in res.output and "Traceback" not in res.output


def test_a_tensor_named_norm_beside_paddle_is_still_a_tensor() -> None:
    lines = 'norm = "paddle.matmul(x, W)"\nloss = "paddle.sum(norm ** 2) + R ** 2"'
    _both(_RING.format(lines=lines), "norm-name")
