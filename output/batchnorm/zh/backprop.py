#!/usr/bin/env python3
# 线性层 + 批归一化：γ、β 以及穿过批均值和批方差的梯度
#
# 由 derive 根据验证过的推导生成：下面的前向计算和反向传播公式就是 walkthrough.md 中证明过的那些。只需要 NumPy；若安装了
# PyTorch，会把它自动求导的梯度与我们的结果对照。
# 运行：python backprop.py（加 --json 输出机器可读的结果）。退出码 0：梯度一致，或未安装 PyTorch；1：梯度不一致。
import json as _json

import numpy as np

# 尺寸与常数
m = 3
n = 2
eps = 1e-05

# 示例取值（float64）
X = np.array([[1.0, 2.0], [0.5, -1.0], [-1.0, 0.5]])
T = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]])
W = np.array([[0.5, -0.2], [0.3, 0.4]])
gamma = np.array([[1.5, 0.8]])
beta = np.array([[0.1, -0.2]])
_VALUES = {"X": X, "T": T, "W": W, "gamma": gamma, "beta": beta}
_PARAMS = ("W", "gamma", "beta",)
_TEXT = {
    "no_torch": "未安装 PyTorch，跳过对照（pip install torch）。",
    "max_diff": "与 PyTorch 的最大差",
    "bare_ratio": "裸 PyTorch 损失的梯度与我们的梯度之比：",
    "all_ok": "✓ NumPy 反向传播与 PyTorch 自动求导结果一致。",
    "mismatch": "✗ NumPy 反向传播与 PyTorch 自动求导结果不一致。",
}


def mse(p, y):
    return np.mean((p - y) ** 2)


# 前向传播（矩阵形式）
Z = X @ W
mu = Z.mean(axis=0, keepdims=True)
Z_c = Z - mu
var = (Z_c ** 2).mean(axis=0, keepdims=True)
Z_hat = Z_c / np.sqrt(var + eps)
Y = gamma * Z_hat + beta
L = mse(Y, T)


# 反向传播：验证过的公式，从损失一直回到参数
dY = 2/(m*n) * (Y - T)
dZ_hat = dY * gamma
dvar = (-dZ_hat * Z_c / (np.sqrt(var + eps)) ** 2).sum(axis=0, keepdims=True) / (2 * np.sqrt(var + eps))
dZ_c = dZ_hat / np.sqrt(var + eps) + (dvar * np.ones((3, 2))) / m * (2 * Z_c)
dmu = (-dZ_c).sum(axis=0, keepdims=True)
dZ = gamma / (m * np.sqrt(var + eps)) * (m * dY - dY.sum(axis=0, keepdims=True) - Z_hat * (dY * Z_hat).sum(axis=0, keepdims=True))
dW = X.T @ dZ
dgamma = (dY * Z_hat).sum(axis=0, keepdims=True)
dbeta = dY.sum(axis=0, keepdims=True)
_GRADIENTS = {"W": np.broadcast_to(dW, np.shape(W)), "gamma": np.broadcast_to(dgamma, np.shape(gamma)), "beta": np.broadcast_to(dbeta, np.shape(beta))}


def _torch_gradients(bare=False):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    X = torch.tensor(_VALUES["X"], dtype=torch.float64, requires_grad=False)
    T = torch.tensor(_VALUES["T"], dtype=torch.float64, requires_grad=False)
    W = torch.tensor(_VALUES["W"], dtype=torch.float64, requires_grad=True)
    gamma = torch.tensor(_VALUES["gamma"], dtype=torch.float64, requires_grad=True)
    beta = torch.tensor(_VALUES["beta"], dtype=torch.float64, requires_grad=True)
    Z = X @ W
    mu = Z.mean(dim=0, keepdim=True)
    Z_c = Z - mu
    var = (Z_c ** 2).mean(dim=0, keepdim=True)
    Z_hat = Z_c / torch.sqrt(var + eps)
    Y = gamma * Z_hat + beta
    L = F.mse_loss(Y, T)
    L.sum().backward()
    return {"W": W.grad.numpy(), "gamma": gamma.grad.numpy(), "beta": beta.grad.numpy()}


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
