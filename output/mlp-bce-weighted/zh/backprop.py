#!/usr/bin/env python3
# 两层 MLP：ReLU → Sigmoid，加权 BCE（正类权重 w = 3）
#
# 由 derive 根据验证过的推导生成：下面的前向计算和反向传播公式就是 walkthrough.md 中证明过的那些。只需要 NumPy；若安装了
# PyTorch，会把它自动求导的梯度与我们的结果对照。
# 运行：python backprop.py（加 --json 输出机器可读的结果）。退出码 0：梯度一致，或未安装 PyTorch；1：梯度不一致。
import json as _json

import numpy as np

# 尺寸与常数
m = 2
n_in = 2
n_h = 2
w = 3

# 示例取值（float64）
X = np.array([[1.0, 2.0], [-1.0, 0.5]])
Y = np.array([[1.0], [0.0]])
W1 = np.array([[0.1, -0.2], [0.3, 0.4]])
b1 = np.array([[0.0, 0.1]])
W2 = np.array([[0.5], [-0.3]])
b2 = np.array([[0.2]])
_VALUES = {"X": X, "Y": Y, "W1": W1, "b1": b1, "W2": W2, "b2": b2}
_PARAMS = ("W1", "b1", "W2", "b2",)
_TEXT = {
    "no_torch": "未安装 PyTorch，跳过对照（pip install torch）。",
    "max_diff": "与 PyTorch 的最大差",
    "bare_ratio": "直接对 F.mse_loss（不乘 ½）求得的梯度与我们的梯度之比：",
    "all_ok": "✓ NumPy 反向传播与 PyTorch 自动求导结果一致。",
    "mismatch": "✗ NumPy 反向传播与 PyTorch 自动求导结果不一致。",
}


def sigmoid(x):
    # stable: never exp of a large positive number
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def relu(x):
    return np.maximum(x, 0.0)


def bce(p, y, pos_weight=1.0):
    return -np.mean(pos_weight * y * np.log(p) + (1 - y) * np.log(1 - p))


# 前向传播（矩阵形式）
Z1 = X @ W1 + b1
A1 = relu(Z1)
Z2 = A1 @ W2 + b2
A2 = sigmoid(Z2)
L = bce(A2, Y, pos_weight=w)


# 反向传播：验证过的公式，从损失一直回到参数
dA2 = (-w * Y / A2 + (1 - Y) / (1 - A2)) / m
dZ2 = (A2 - Y + (w - 1) * (Y * (A2 - 1))) / m
dW2 = A1.T @ dZ2
db2 = dZ2.sum(axis=0, keepdims=True)
dA1 = dZ2 @ W2.T
dZ1 = dA1 * (Z1 > 0)
dW1 = X.T @ dZ1
db1 = dZ1.sum(axis=0, keepdims=True)
_GRADIENTS = {"W1": np.broadcast_to(dW1, np.shape(W1)), "b1": np.broadcast_to(db1, np.shape(b1)), "W2": np.broadcast_to(dW2, np.shape(W2)), "b2": np.broadcast_to(db2, np.shape(b2))}


def _torch_gradients(bare=False):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    X = torch.tensor(_VALUES["X"], dtype=torch.float64, requires_grad=False)
    Y = torch.tensor(_VALUES["Y"], dtype=torch.float64, requires_grad=False)
    W1 = torch.tensor(_VALUES["W1"], dtype=torch.float64, requires_grad=True)
    b1 = torch.tensor(_VALUES["b1"], dtype=torch.float64, requires_grad=True)
    W2 = torch.tensor(_VALUES["W2"], dtype=torch.float64, requires_grad=True)
    b2 = torch.tensor(_VALUES["b2"], dtype=torch.float64, requires_grad=True)
    Z1 = X @ W1 + b1
    A1 = torch.relu(Z1)
    Z2 = A1 @ W2 + b2
    A2 = torch.sigmoid(Z2)
    L = -(w * Y * torch.log(A2) + (1 - Y) * torch.log(1 - A2)).mean()
    L.sum().backward()
    return {"W1": W1.grad.numpy(), "b1": b1.grad.numpy(), "W2": W2.grad.numpy(), "b2": b2.grad.numpy()}


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
