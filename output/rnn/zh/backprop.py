#!/usr/bin/env python3
# 展开两步的循环神经网络：随时间反向传播（BPTT）
#
# 由 derive 根据验证过的推导生成：下面的前向计算和反向传播公式就是 walkthrough.md 中证明过的那些。只需要 NumPy；若安装了
# PyTorch，会把它自动求导的梯度与我们的结果对照。
# 运行：python backprop.py（加 --json 输出机器可读的结果）。退出码 0：梯度一致，或未安装 PyTorch；1：梯度不一致。
import json as _json

import numpy as np

# 尺寸与常数
m = 1
n_x = 2
n_h = 2

# 示例取值（float64）
x_1 = np.array([[1.0, -0.5]])
x_2 = np.array([[0.5, 1.0]])
h_0 = np.array([[0.2, -0.1]])
y = np.array([[0.5, -0.5]])
W_x = np.array([[0.3, -0.2], [0.1, 0.4]])
W_h = np.array([[0.5, -0.3], [0.2, 0.1]])
b = np.array([[0.1, -0.1]])
_VALUES = {"x_1": x_1, "x_2": x_2, "h_0": h_0, "y": y, "W_x": W_x, "W_h": W_h, "b": b}
_PARAMS = ("W_x", "W_h", "b",)
_TEXT = {
    "no_torch": "未安装 PyTorch，跳过对照（pip install torch）。",
    "max_diff": "与 PyTorch 的最大差",
    "bare_ratio": "裸 PyTorch 损失的梯度与我们的梯度之比：",
    "all_ok": "✓ NumPy 反向传播与 PyTorch 自动求导结果一致。",
    "mismatch": "✗ NumPy 反向传播与 PyTorch 自动求导结果不一致。",
}


def sse(p, y):
    return np.sum((p - y) ** 2)


# 前向传播（矩阵形式）
z_1 = x_1 @ W_x + h_0 @ W_h + b
h_1 = np.tanh(z_1)
z_2 = x_2 @ W_x + h_1 @ W_h + b
h_2 = np.tanh(z_2)
L = sse(h_2, y) / 2


# 反向传播：验证过的公式，从损失一直回到参数
dh_2 = h_2 - y
dz_2 = dh_2 * (1 - h_2 ** 2)
dh_1 = dz_2 @ W_h.T
dz_1 = dh_1 * (1 - h_1 ** 2)
dW_x = x_2.T @ dz_2 + x_1.T @ dz_1
dW_h = h_1.T @ dz_2 + h_0.T @ dz_1
db = dz_2 + dz_1
_GRADIENTS = {"W_x": np.broadcast_to(dW_x, np.shape(W_x)), "W_h": np.broadcast_to(dW_h, np.shape(W_h)), "b": np.broadcast_to(db, np.shape(b))}


def _torch_gradients(bare=False):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    x_1 = torch.tensor(_VALUES["x_1"], dtype=torch.float64, requires_grad=False)
    x_2 = torch.tensor(_VALUES["x_2"], dtype=torch.float64, requires_grad=False)
    h_0 = torch.tensor(_VALUES["h_0"], dtype=torch.float64, requires_grad=False)
    y = torch.tensor(_VALUES["y"], dtype=torch.float64, requires_grad=False)
    W_x = torch.tensor(_VALUES["W_x"], dtype=torch.float64, requires_grad=True)
    W_h = torch.tensor(_VALUES["W_h"], dtype=torch.float64, requires_grad=True)
    b = torch.tensor(_VALUES["b"], dtype=torch.float64, requires_grad=True)
    z_1 = x_1 @ W_x + h_0 @ W_h + b
    h_1 = torch.tanh(z_1)
    z_2 = x_2 @ W_x + h_1 @ W_h + b
    h_2 = torch.tanh(z_2)
    if bare:  # 不带常数因子的库函数损失
        L = F.mse_loss(h_2, y, reduction="sum")
    else:
        L = 0.5 * F.mse_loss(h_2, y, reduction="sum")
    L.sum().backward()
    return {"W_x": W_x.grad.numpy(), "W_h": W_h.grad.numpy(), "b": b.grad.numpy()}


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
    bare = _torch_gradients(bare=True)
    first = _PARAMS[0]
    mask = np.abs(ours[first]) > 1e-300
    ratio = float(np.median(bare[first][mask] / ours[first][mask]))
    report["bare_ratio"] = ratio
    if not as_json:
        print(f"{_TEXT['bare_ratio']} {ratio:.6g}")
    report["torch"] = "ok" if ok else "mismatch"
    if as_json:
        print(_json.dumps(report))
    else:
        print(_TEXT["all_ok"] if ok else _TEXT["mismatch"])
    return 0 if ok else 1


if __name__ == "__main__":
    import sys

    sys.exit(_compare(as_json="--json" in sys.argv[1:]))
