#!/usr/bin/env python3
# 单头注意力：softmax(Q Kᵀ/√d) V
#
# 由 derive 根据验证过的推导生成：下面的前向计算和反向传播公式就是 walkthrough.md 中证明过的那些。只需要 NumPy；若安装了
# PyTorch，会把它自动求导的梯度与我们的结果对照。
# 运行：python backprop.py（加 --json 输出机器可读的结果）。退出码 0：梯度一致，或未安装 PyTorch；1：梯度不一致。
import json as _json

import numpy as np

# 尺寸与常数
n = 2
d = 2

# 示例取值（float64）
X = np.array([[1.0, 0.5], [-0.5, 1.0]])
T = np.array([[0.5, -0.5], [1.0, 0.0]])
W_q = np.array([[0.4, -0.2], [0.1, 0.3]])
W_k = np.array([[0.2, 0.5], [-0.3, 0.1]])
W_v = np.array([[0.6, -0.1], [0.2, 0.4]])
_VALUES = {"X": X, "T": T, "W_q": W_q, "W_k": W_k, "W_v": W_v}
_PARAMS = ("W_q", "W_k", "W_v",)
_TEXT = {
    "no_torch": "未安装 PyTorch，跳过对照（pip install torch）。",
    "max_diff": "与 PyTorch 的最大差",
    "bare_ratio": "裸 PyTorch 损失的梯度与我们的梯度之比：",
    "all_ok": "✓ NumPy 反向传播与 PyTorch 自动求导结果一致。",
    "mismatch": "✗ NumPy 反向传播与 PyTorch 自动求导结果不一致。",
}


def softmax(x):
    # row by row, shifted by the row maximum
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def mse(p, y):
    return np.mean((p - y) ** 2)


# 前向传播（矩阵形式）
Q = X @ W_q
K = X @ W_k
V = X @ W_v
S = 1/np.sqrt(d) * (Q @ K.T)
A = softmax(S)
O = A @ V
L = mse(O, T)


# 反向传播：验证过的公式，从损失一直回到参数
dO = 2/(d*n) * (O - T)
dA = dO @ V.T
dS = A * (dA - (dA * A).sum(axis=1, keepdims=True))
dV = A.T @ dO
dK = (1/np.sqrt(d) * dS).T @ Q
dQ = 1/np.sqrt(d) * dS @ K
dW_q = X.T @ dQ
dW_k = X.T @ dK
dW_v = X.T @ dV
_GRADIENTS = {"W_q": np.broadcast_to(dW_q, np.shape(W_q)), "W_k": np.broadcast_to(dW_k, np.shape(W_k)), "W_v": np.broadcast_to(dW_v, np.shape(W_v))}


def _torch_gradients(bare=False):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    X = torch.tensor(_VALUES["X"], dtype=torch.float64, requires_grad=False)
    T = torch.tensor(_VALUES["T"], dtype=torch.float64, requires_grad=False)
    W_q = torch.tensor(_VALUES["W_q"], dtype=torch.float64, requires_grad=True)
    W_k = torch.tensor(_VALUES["W_k"], dtype=torch.float64, requires_grad=True)
    W_v = torch.tensor(_VALUES["W_v"], dtype=torch.float64, requires_grad=True)
    Q = X @ W_q
    K = X @ W_k
    V = X @ W_v
    S = Q @ K.T / d ** 0.5
    A = torch.softmax(S, dim=1)
    O = A @ V
    L = F.mse_loss(O, T)
    L.sum().backward()
    return {"W_q": W_q.grad.numpy(), "W_k": W_k.grad.numpy(), "W_v": W_v.grad.numpy()}


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
