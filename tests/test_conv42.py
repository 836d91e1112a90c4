"""conv42 (issue 9, the convolution row): a single-channel stride-1 'valid' convolution is one
node (ops.CORR2D). Its gradients verify against PyTorch and finite differences at sizes other
than the course's; ∂L/∂K prints as the correlation of X with δZ, ∂L/∂X as the full correlation of
δZ with the kernel turned by 180° (the full convolution); np.convolve flips the kernel; a stride,
padding or another mode is refused in one line, en and zh."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from derive.cli import main
from derive.engine.backprop import derive
from derive.lang import spec
from derive.numeric import verify as numeric

NET = """[network]
name = "conv-{name}"
[dims]
H = {h}
W = {w}
[inputs]
Y = ["{yh}", "{yw}"]
[params]
X = ["H", "W"]
K = [{kh}, {kw}]
b = []
[forward]
Z = "{conv} + b"
A = "torch.tanh(Z)"
loss = "F.mse_loss(A, Y)"
"""


def _net(tmp_path: Path, conv: str, h: int = 5, w: int = 4, kh: int = 2, kw: int = 3, name: str = "t") -> Path:
    p = tmp_path / f"{name}.toml"
    yh, yw = f"H - {kh - 1}" if kh > 1 else "H", f"W - {kw - 1}" if kw > 1 else "W"
    p.write_text(NET.format(name=name, h=h, w=w, kh=kh, kw=kw, conv=conv, yh=yh, yw=yw))
    return p


@pytest.mark.parametrize(
    "conv",
    [
        "scipy.signal.correlate2d(X, K, mode='valid')",
        "F.conv2d(X[None, None], K[None, None]).squeeze()",
        "F.conv2d(X.view(1, 1, H, W), K.view(1, 1, 2, 3))[0, 0]",
        "signal.convolve2d(X, K, mode='valid')",
    ],
)
@pytest.mark.parametrize("h, w", [(5, 4), (3, 6)])
def test_a_convolution_verifies_against_pytorch_and_finite_differences(tmp_path: Path, conv: str, h: int, w: int) -> None:
    d = derive(spec.load(str(_net(tmp_path, conv, h, w))))
    report = numeric.verify(d, points=2)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert {c.param for c in report.comparisons} == {"X", "K", "b"}


def _walkthrough(tmp_path: Path, path: Path, lang: str = "en") -> str:
    out = tmp_path / f"out-{lang}"
    res = CliRunner().invoke(main, ["build", str(path), "-f", "md", "-f", "py", "--lang", lang, "-o", str(out)])
    assert res.exit_code == 0, res.output
    return next(out.rglob("walkthrough.md")).read_text()


def test_the_gradients_print_as_the_textbook_writes_them(tmp_path: Path) -> None:
    md = _walkthrough(tmp_path, _net(tmp_path, "scipy.signal.correlate2d(X, K, mode='valid')"))
    # ∂L/∂K: the valid correlation of the image with δZ; ∂L/∂X: the full correlation of δZ
    # with the kernel turned by 180° (the full convolution of δZ with K)
    assert "\\frac{\\partial \\mathrm{loss}}{\\partial K} = X \\star \\delta_{Z}" in md
    assert (
        "\\frac{\\partial \\mathrm{loss}}{\\partial X} = \\delta_{Z} \\mathbin{\\tilde{\\star}} "
        "\\operatorname{rot180}\\left(K\\right)"
    ) in md
    # in words: each kernel entry sees every window, its gradient sums δ over them (en, zh)
    assert "each kernel entry sees every window" in md
    assert "卷积核的每个元素都会经过每一个窗口" in _walkthrough(tmp_path, tmp_path / "t.toml", "zh")
    code = next((tmp_path / "out-en").rglob("backprop.py")).read_text()
    assert "dK = correlate2d(X, dZ)" in code
    assert "dX = correlate2d(dZ, np.flip(K), mode='full')" in code


def test_the_generated_script_runs_with_numpy_alone_and_agrees(tmp_path: Path) -> None:
    import subprocess
    import sys

    _walkthrough(tmp_path, _net(tmp_path, "F.conv2d(X[None, None], K[None, None]).squeeze()"))
    script = next((tmp_path / "out-en").rglob("backprop.py"))
    assert "import scipy" not in script.read_text() and "from scipy" not in script.read_text()
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "agree" in run.stdout


def test_numpy_convolve_flips_the_kernel(tmp_path: Path) -> None:
    """np.convolve is a true convolution: with an asymmetric kernel its value differs from
    np.correlate's, and the node's forward value is NumPy's own."""
    p = tmp_path / "c1.toml"
    p.write_text(
        '[network]\nname = "c1"\n[inputs]\nx = [6]\n[params]\nw = [3]\n[forward]\n'
        'h = "np.convolve(x, w, mode=\'valid\')"\nloss = "np.sum(h * h) * 0.5"\n'
        "[values]\nx = [1.0, -2.0, 0.5, 3.0, 0.0, -1.0]\nw = [0.5, 1.0, -0.25]\n"
    )
    s = spec.load(str(p))
    d = derive(s)
    report = numeric.verify(d, points=2)
    assert report.ok
    x, w = np.array([1.0, -2.0, 0.5, 3.0, 0.0, -1.0]), np.array([0.5, 1.0, -0.25])
    h = np.convolve(x, w, "valid")
    assert not np.allclose(h, np.correlate(x, w, "valid"))
    md = _walkthrough(tmp_path, p)
    assert "\\operatorname{rot180}" in md
    code = next((tmp_path / "out-en").rglob("backprop.py")).read_text()
    assert "np.flip(correlate2d(x, dh))" in code
    # dL/dw of a true convolution: the correlation of x with dh = h, turned back


@pytest.mark.parametrize(
    "conv, what, en, zh",
    [
        # (conv43 reads stride= and padding=: a stride that does not tile the 5×4 image with
        # the 2×3 kernel, and 'same' with an even kernel, are refused naming why)
        ("F.conv2d(X[None, None], K[None, None], stride=2).squeeze()", "stride 2", "multiple of the stride", "整数倍"),
        ("scipy.signal.correlate2d(X, K, mode='same')", "'same'", "odd size", "奇数"),
        ("F.conv2d(X[None, None], K[None, None], dilation=2)[0, 0]", "dilation=2", "without dilation", "无空洞"),
        ("np.convolve(X, K, mode='same')", "'same'", "odd size", "奇数"),
    ],
)
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_an_unsupported_convolution_exits_2_in_one_line(tmp_path: Path, conv: str, what: str, en: str, zh: str, lang: str) -> None:
    p = _net(tmp_path, conv)
    res = CliRunner().invoke(main, ["verify", str(p), "--lang", lang])
    assert res.exit_code == 2, res.output
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert len(lines) == 1, res.output
    assert (what if lang == "en" or what != "stride 2" else "步长 2") in lines[0] and "Traceback" not in res.output
    assert (en if lang == "en" else zh) in lines[0]


@pytest.mark.parametrize("conv", ["F.conv2d(X, K)", "F.conv2d(X[None, None], K[None, None]) * 1"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_batch_of_several_channels_is_refused_in_one_line(tmp_path: Path, conv: str, lang: str) -> None:
    """derive's tensors have two axes: F.conv2d's 4-D input or result stays refused, in one line
    that says how to write the one-image, one-channel form."""
    p = _net(tmp_path, conv)
    res = CliRunner().invoke(main, ["verify", str(p), "--lang", lang])
    lines = [ln for ln in res.output.splitlines() if ln.strip() and "deriving" not in ln]
    assert res.exit_code == 2 and len(lines) == 1, res.output
    assert "Traceback" not in res.output
    if conv.endswith("* 1"):
        assert (".squeeze()" in lines[0]) and ("4-D" in lines[0] if lang == "en" else "四维" in lines[0])


def test_full_mode_and_named_kernel_sizes_verify(tmp_path: Path) -> None:
    """mode='full' (np.convolve's default, SciPy's too) pads the image with the kernel's size − 1
    zeros: δX = δZ ⋆ rot180(K) (valid), δK = rot180(δZ ⋆ X); kernel sizes may be [dims] names."""
    p = tmp_path / "full.toml"
    p.write_text(
        '[network]\nname = "full"\n[dims]\nn = 5\nR = 2\nS = 3\n[inputs]\nx = ["n"]\n'
        '[params]\nw = [3]\nK = ["R", "S"]\nM = [3, 4]\n[forward]\nh = "np.convolve(x, w)"\n'
        "Z = \"scipy.signal.correlate2d(M, K, mode='full') + signal.convolve2d(M, K, mode='full')\"\n"
        'loss = "np.sum(h ** 2) + np.sum(np.tanh(Z))"\n'
    )
    d = derive(spec.load(str(p)))
    report = numeric.verify(d, points=2)
    assert report.ok, [c for c in report.comparisons if not c.ok][:3]
    assert {c.param for c in report.comparisons} == {"w", "K", "M"}


SPEC = Path(__file__).parent / "specs_course" / "cv42_torch_conv2d_squeeze_cn.toml"


@pytest.mark.parametrize(
    "wrt, formula, latex, right",
    [
        ("K", "correlate2d(X, dZ)", False, True),
        ("K", "scipy.signal.correlate2d(X, dZ, mode='valid')", False, True),
        ("K", "X \\star \\delta_{Z}", True, True),
        ("X", "signal.convolve2d(dZ, K, mode='full')", False, True),
        ("X", "correlate2d(dZ, np.rot90(K, 2), mode='full')", False, True),
        ("X", "\\delta_{Z} \\mathbin{\\tilde{\\star}} \\operatorname{rot180}\\left(K\\right)", True, True),
        # the kernel not turned, the operands swapped, the kernel's gradient turned
        ("X", "signal.correlate2d(dZ, K, mode='full')", False, False),
        ("X", "\\delta_{Z} \\mathbin{\\tilde{\\star}} K", True, False),
        ("K", "np.flip(correlate2d(X, dZ))", False, False),
        ("K", "signal.convolve2d(X, dZ, mode='valid')", False, False),
    ],
)
def test_check_reads_a_convolutions_gradient(wrt: str, formula: str, latex: bool, right: bool) -> None:
    from derive.checker.check import check

    assert check(str(SPEC), wrt, formula, latex=latex).ok is right


def test_the_generated_script_compares_a_loss_against_a_constant_target(tmp_path: Path) -> None:
    """Found by the held-out cv42_conv_relu_flatten_bce_dims: a BCE against a [constants]
    number (y = 1.0) was written F.binary_cross_entropy(p, y) with y a Python int in the
    script's PyTorch comparison ("'int' object has no attribute 'size'")."""
    import subprocess
    import sys

    path = Path(__file__).parent / "specs_course" / "cv42_conv_relu_flatten_bce_dims.toml"
    out = tmp_path / "o"
    res = CliRunner().invoke(main, ["build", str(path), "-f", "py", "--lang", "en", "-o", str(out)])
    assert res.exit_code == 0, res.output
    script = next(out.rglob("backprop.py"))
    run = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=300)
    assert run.returncode == 0, run.stdout[-1500:] + run.stderr[-1500:]
    assert "agree" in run.stdout
