#!/usr/bin/env python3
# Softmax 回归：Softmax + 交叉熵（独热标签）
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
m = 2
n = 2
k = 3

# 示例数值
X = np.array([[1.0, 2.0], [-1.0, 0.5]])
Y = np.array([[0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])
W = np.array([[0.1, -0.2, 0.3], [0.4, 0.2, -0.1]])
b = np.array([[0.0, 0.1, -0.1]])


def softmax(x):
    # 逐行计算，先减去该行的最大值
    e = np.exp(x - np.max(x, axis=1, keepdims=True))
    return e / np.sum(e, axis=1, keepdims=True)


def cross_entropy(p, y):
    # 只在 y 不为 0 处取 log p（约定 0 log 0 = 0，即使 p 下溢为 0 也成立）
    return -np.sum(y * np.log(np.where(y != 0, p, 1.0))) / p.shape[0]


# 1. 前向传播：从输入到损失
Z = X @ W + b
P = softmax(Z)
L = cross_entropy(P, Y)
print("L =", np.round(L, 7))


# 2. 反向传播：从损失回到参数，每次乘一个局部导数
# ∂L/∂P：损失本身的导数，L = cross_entropy(P, Y)
dP = -(Y / P) / m
# P = softmax(Z)：P 的一行对 Z 同一行的局部导数是 softmax 的雅可比矩阵 diag(a) − a aᵀ（a 为 P 的这
# 一行）；乘以 dP 的这一行，得到 a * (dP − rowsum(dP * a))，计算时不必构造雅可比矩阵
dZ = P * (dP - (dP * P).sum(axis=1, keepdims=True))
# 同一个梯度的代数化简（正文中已验证的步骤）：运算更少，数值上也更稳定
dZ = (P - Y) / m
# Z = X @ W + b：Z 对权重 W 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以 dZ
dW = X.T @ dZ
# Z = X @ W + b：b 加到每一行上，对每一行的局部导数都是 1，所以它的梯度是 dZ 按行求和
db = dZ.sum(axis=0, keepdims=True)

print(f"dW =\n{np.round(dW, 7)}")
print(f"db =\n{np.round(db, 7)}")


# 3. 有限差分检验：把每个参数分量加减 eps，观察损失的变化
def loss_at(W, b):
    # 上面的前向传播，写成参数的函数
    Z = X @ W + b
    P = softmax(Z)
    L = cross_entropy(P, Y)
    return np.sum(L)


def numerical_gradient(name, eps=1e-6):
    # 中心差分 (L(p + eps) − L(p − eps)) / (2 eps)，逐个分量计算
    params = {"W": W, "b": b}
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
    for name, grad in [("W", dW), ("b", db)]:
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
def torch_gradients(X, Y, W, b):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    X = torch.tensor(X, dtype=torch.float64, requires_grad=False)
    Y = torch.tensor(Y, dtype=torch.float64, requires_grad=False)
    W = torch.tensor(W, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(b, dtype=torch.float64, requires_grad=True)
    Z = X @ W + b
    P = torch.softmax(Z, dim=1)
    L = -(Y * torch.log(P)).sum() / P.shape[0]
    L.sum().backward()
    return {"W": W.grad.numpy(), "b": b.grad.numpy()}


def compare_with_torch(as_json=False):
    # 打印我们的梯度，并与 PyTorch 对照
    ours = {"W": dW, "b": db}
    report = {"gradients": {k: np.asarray(v, dtype=float).tolist() for k, v in ours.items()}}
    try:
        import torch  # noqa: F401
    except ImportError:
        report["torch"] = "skipped"
        if not as_json:
            print("未安装 PyTorch，跳过对照（pip install torch）。")
        return report
    theirs = torch_gradients(X, Y, W, b)
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
