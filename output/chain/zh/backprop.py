#!/usr/bin/env python3
# 标量计算图：u = w·x，v = u + b，L = v²
#
# 由 derive 根据验证过的推导生成：下面的前向计算和反向传播公式就是 walkthrough.md 中证明过的那些。只需要 NumPy；若安装了
# PyTorch，会把它自动求导的梯度与我们的结果对照。
# 运行：python backprop.py（加 --json 输出机器可读的结果）。退出码 0：梯度一致，或未安装 PyTorch；1：梯度不一致。
import json as _json

import numpy as np

# 示例取值（float64）
x = np.array([[2.0]])
w = np.array([[3.0]])
b = np.array([[4.0]])
_VALUES = {"x": x, "w": w, "b": b}
_PARAMS = ("w", "b",)
_TEXT = {
    "no_torch": "未安装 PyTorch，跳过对照（pip install torch）。",
    "max_diff": "与 PyTorch 的最大差",
    "bare_ratio": "直接对 F.mse_loss（不乘 ½）求得的梯度与我们的梯度之比：",
    "all_ok": "✓ NumPy 反向传播与 PyTorch 自动求导结果一致。",
    "mismatch": "✗ NumPy 反向传播与 PyTorch 自动求导结果不一致。",
}


# 前向传播（矩阵形式）
u = w * x
v = u + b
L = v ** 2


# 反向传播：验证过的公式，从损失一直回到参数
dv = 2 * v
db = dv
du = dv
dw = du * x
_GRADIENTS = {"w": np.broadcast_to(dw, np.shape(w)), "b": np.broadcast_to(db, np.shape(b))}


def _torch_gradients(bare=False):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    x = torch.tensor(_VALUES["x"], dtype=torch.float64, requires_grad=False)
    w = torch.tensor(_VALUES["w"], dtype=torch.float64, requires_grad=True)
    b = torch.tensor(_VALUES["b"], dtype=torch.float64, requires_grad=True)
    u = w * x
    v = u + b
    L = v ** 2
    L.sum().backward()
    return {"w": w.grad.numpy(), "b": b.grad.numpy()}


def _compare(as_json=False):
    # 打印我们的梯度，并与 PyTorch 对照
    report = {"gradients": {k: np.asarray(v, dtype=float).tolist() for k, v in _GRADIENTS.items()}}
    if not as_json:
        for name, grad in _GRADIENTS.items():
            print(f"d{name} =\n{np.array2string(np.asarray(grad), precision=10)}")
    try:
        import torch  # noqa: F401
    except ImportError:
        report["torch"] = "skipped"
        print(_json.dumps(report) if as_json else _TEXT["no_torch"])
        return 0
    ours, theirs = _GRADIENTS, _torch_gradients()
    ok = True
    for name in _PARAMS:
        diff = float(np.max(np.abs(ours[name] - theirs[name])))
        same = bool(np.allclose(ours[name], theirs[name], rtol=1e-9, atol=1e-12))
        ok = ok and same
        if not as_json:
            print(f"{'✓' if same else '✗'} d{name}: {_TEXT['max_diff']} {diff:.1e}")
    report["torch"] = "ok" if ok else "mismatch"
    if as_json:
        print(_json.dumps(report))
    else:
        print(_TEXT["all_ok"] if ok else _TEXT["mismatch"])
    return 0 if ok else 1


if __name__ == "__main__":
    import sys

    sys.exit(_compare(as_json="--json" in sys.argv[1:]))
