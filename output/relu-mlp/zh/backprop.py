#!/usr/bin/env python3
# 两层 ReLU 网络，平方和损失（NumPy 手写反向传播）
#
# 由 derive 根据验证过的推导生成：下面的前向计算和反向传播公式就是 walkthrough.md 中证明过的那些。只需要 NumPy；若安装了
# PyTorch，会把它自动求导的梯度与我们的结果对照。
# 运行：python backprop.py（加 --json 输出机器可读的结果）。退出码 0：梯度一致，或未安装 PyTorch；1：梯度不一致。
import json as _json

import numpy as np

# 尺寸与常数
n = 3
D_in = 4
H = 3
D_out = 2

# 示例取值（float64）
x = np.array([[-0.7, -0.2, 0.6, -0.4], [0.1, -0.9, 0.1, -0.3], [0.7, -0.8, 0.0, -0.7]])
y = np.array([[-0.6, 0.4], [0.0, -0.2], [0.3, 0.8]])
w1 = np.array([[0.5, 0.5, 0.2], [-0.7, 0.5, -0.8], [0.5, -0.4, -0.2], [-0.3, -0.4, -0.3]])
w2 = np.array([[-0.7, -0.7], [-0.8, 0.2], [0.8, 0.5]])
_VALUES = {"x": x, "y": y, "w1": w1, "w2": w2}
_PARAMS = ("w1", "w2",)
_TEXT = {
    "no_torch": "未安装 PyTorch，跳过对照（pip install torch）。",
    "max_diff": "与 PyTorch 的最大差",
    "bare_ratio": "直接对 F.mse_loss（不乘 ½）求得的梯度与我们的梯度之比：",
    "all_ok": "✓ NumPy 反向传播与 PyTorch 自动求导结果一致。",
    "mismatch": "✗ NumPy 反向传播与 PyTorch 自动求导结果不一致。",
}


def relu(x):
    return np.maximum(x, 0.0)


def sse(p, y):
    return np.sum((p - y) ** 2)


# 前向传播（矩阵形式）
h = x @ w1
h_relu = relu(h)
y_pred = h_relu @ w2
loss = sse(y_pred, y)


# 反向传播：验证过的公式，从损失一直回到参数
dy_pred = 2 * (y_pred - y)
dw2 = h_relu.T @ dy_pred
dh_relu = dy_pred @ w2.T
dh = dh_relu * (h > 0)
dw1 = x.T @ dh
_GRADIENTS = {"w1": np.broadcast_to(dw1, np.shape(w1)), "w2": np.broadcast_to(dw2, np.shape(w2))}


def _torch_gradients(bare=False):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    x = torch.tensor(_VALUES["x"], dtype=torch.float64, requires_grad=False)
    y = torch.tensor(_VALUES["y"], dtype=torch.float64, requires_grad=False)
    w1 = torch.tensor(_VALUES["w1"], dtype=torch.float64, requires_grad=True)
    w2 = torch.tensor(_VALUES["w2"], dtype=torch.float64, requires_grad=True)
    h = x @ w1
    h_relu = torch.relu(h)
    y_pred = h_relu @ w2
    loss = F.mse_loss(y_pred, y, reduction="sum")
    loss.sum().backward()
    return {"w1": w1.grad.numpy(), "w2": w2.grad.numpy()}


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
