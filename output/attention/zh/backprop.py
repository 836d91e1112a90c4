#!/usr/bin/env python3
# 单头注意力：softmax(Q Kᵀ/√d) V
#
# 本实验由 derive 根据已验证的推导生成：前向传播；按反向传播实际计算的顺序写出的反向传播（每个局部
# 导数都有名字）；对每个参数的有限差分检验；若已安装 PyTorch，再与其自动求导比较。每个公式都在
# walkthrough.md 中得到证明。只需要 NumPy。
# 运行：python backprop.py（--json：最后一行输出机器可读的摘要）。退出码 0：所有检验一致（或未安装
# PyTorch）；1：有不一致。
import json
import sys

import numpy as np

np.set_printoptions(precision=7, suppress=True)  # 打印保留 7 位小数，与讲义一致；计算用 float64

# 尺寸与常数
n = 2
d = 2

# 示例数值
X = np.array([[1.0, 0.5], [-0.5, 1.0]])
T = np.array([[0.5, -0.5], [1.0, 0.0]])
W_q = np.array([[0.4, -0.2], [0.1, 0.3]])
W_k = np.array([[0.2, 0.5], [-0.3, 0.1]])
W_v = np.array([[0.6, -0.1], [0.2, 0.4]])


def softmax(x):
    # 逐行计算，先减去该行的最大值
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def mse(p, y):
    return np.mean((p - y) ** 2)


# 1. 前向传播：从输入到损失
Q = X @ W_q
K = X @ W_k
V = X @ W_v
S = 1/np.sqrt(d) * (Q @ K.T)
A = softmax(S)
O = A @ V
L = mse(O, T)
print("L =", np.round(L, 7))


# 2. 反向传播：从损失回到参数，每次乘一个局部导数
# ∂L/∂O：损失本身的导数，L = mse(O, T)
dO = 2/(d*n) * (O - T)
# O = A @ V：A 与 V 相乘，它的局部导数就是 V，所以梯度是 dO 乘以 V（转置）
dA = dO @ V.T
# A = softmax(S)：A 的一行对 S 同一行的局部导数是 softmax 的雅可比矩阵 diag(a) − a aᵀ（a 为 A 的这
# 一行）；乘以 dA 的这一行，得到 a * (dA − rowsum(dA * a))，计算时不必构造雅可比矩阵
dS = A * (dA - (dA * A).sum(axis=1, keepdims=True))
# O = A @ V：V 是矩阵乘积 O 的一个因子，它的局部导数就是另一个因子，所以梯度是该因子（转置）乘以 dO
dV = A.T @ dO
# V = X @ W_v：V 对权重 W_v 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以 dV
dW_v = X.T @ dV
# S = 1/np.sqrt(d) * (Q @ K.T)：K 是矩阵乘积 S 的一个因子，它的局部导数就是另一个因子，所以梯度是该
# 因子（转置）乘以 dS
dK = 1/np.sqrt(d) * dS.T @ Q
# K = X @ W_k：K 对权重 W_k 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以 dK
dW_k = X.T @ dK
# S = 1/np.sqrt(d) * (Q @ K.T)：Q 与 K 相乘，它的局部导数就是 K，所以梯度是 dS 乘以 K（转置）
dQ = 1/np.sqrt(d) * dS @ K
# Q = X @ W_q：Q 对权重 W_q 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以 dQ
dW_q = X.T @ dQ

print(f"dW_v =\n{np.round(dW_v, 7)}")
print(f"dW_k =\n{np.round(dW_k, 7)}")
print(f"dW_q =\n{np.round(dW_q, 7)}")


# 3. 有限差分检验：把每个参数分量加减 eps，观察损失的变化
def loss_at(W_v, W_k, W_q):
    # 上面的前向传播，写成参数的函数
    Q = X @ W_q
    K = X @ W_k
    V = X @ W_v
    S = 1/np.sqrt(d) * (Q @ K.T)
    A = softmax(S)
    O = A @ V
    L = mse(O, T)
    return np.sum(L)


def numerical_gradient(name, eps=1e-6):
    # 中心差分 (L(p + eps) − L(p − eps)) / (2 eps)，逐个分量计算
    params = {"W_v": W_v, "W_k": W_k, "W_q": W_q}
    grad = np.zeros(np.shape(params[name]))
    for i in np.ndindex(grad.shape):
        plus = {k: np.array(v, dtype=float) for k, v in params.items()}
        minus = {k: np.array(v, dtype=float) for k, v in params.items()}
        plus[name][i] += eps
        minus[name][i] -= eps
        grad[i] = (loss_at(**plus) - loss_at(**minus)) / (2 * eps)
    return grad


def finite_difference_check():
    # 把每个反向传播梯度与有限差分比较
    result, ok = {}, True
    for name, grad in [("W_v", dW_v), ("W_k", dW_k), ("W_q", dW_q)]:
        diff = float(np.max(np.abs(numerical_gradient(name) - grad)))
        result[name] = diff
        same = diff <= 1e-6 * (1 + float(np.max(np.abs(grad))))
        ok = ok and same
        print(
            "✓" if same else "✗",
            "d" + name + ":",
            "与有限差分的最大差",
            format(diff, ".1e"),
        )
    return result, ok


# 4. 用 PyTorch 自动求导计算同一个前向传播（可选）
def torch_gradients(X, T, W_q, W_k, W_v):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    X = torch.tensor(X, dtype=torch.float64, requires_grad=False)
    T = torch.tensor(T, dtype=torch.float64, requires_grad=False)
    W_q = torch.tensor(W_q, dtype=torch.float64, requires_grad=True)
    W_k = torch.tensor(W_k, dtype=torch.float64, requires_grad=True)
    W_v = torch.tensor(W_v, dtype=torch.float64, requires_grad=True)
    Q = X @ W_q
    K = X @ W_k
    V = X @ W_v
    S = Q @ K.T / d ** 0.5
    A = torch.softmax(S, dim=1)
    O = A @ V
    L = F.mse_loss(O, T)
    L.sum().backward()
    return {"W_v": W_v.grad.numpy(), "W_k": W_k.grad.numpy(), "W_q": W_q.grad.numpy()}


def compare_with_torch(as_json=False):
    # 打印我们的梯度，并与 PyTorch 对照
    ours = {"W_v": dW_v, "W_k": dW_k, "W_q": dW_q}
    report = {"gradients": {k: np.asarray(v, dtype=float).tolist() for k, v in ours.items()}}
    try:
        import torch  # noqa: F401
    except ImportError:
        report["torch"] = "skipped"
        if not as_json:
            print("未安装 PyTorch，跳过对照（pip install torch）。")
        return report
    theirs = torch_gradients(X, T, W_q, W_k, W_v)
    ok = True
    for name, grad in ours.items():
        diff = float(np.max(np.abs(grad - theirs[name])))
        same = bool(np.allclose(grad, theirs[name], rtol=1e-09, atol=1e-12))
        ok = ok and same
        if not as_json:
            print(
                "✓" if same else "✗",
                "d" + name + ":",
                "与 PyTorch 的最大差",
                format(diff, ".1e"),
            )
    report["torch"] = "ok" if ok else "mismatch"
    if not as_json:
        print("✓ NumPy 反向传播与 PyTorch 自动求导结果一致。" if ok else
              "✗ NumPy 反向传播与 PyTorch 自动求导结果不一致。")
    return report


if __name__ == "__main__":
    as_json = "--json" in sys.argv[1:]
    diff, ok = finite_difference_check()
    result = {"finite_differences": diff, "finite_differences_ok": ok}
    result.update(compare_with_torch(as_json))
    if as_json:
        print(json.dumps(result))
    ok = ok and result["torch"] != "mismatch"
    sys.exit(0 if ok else 1)
