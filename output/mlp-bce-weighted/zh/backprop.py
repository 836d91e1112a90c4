#!/usr/bin/env python3
# 两层 MLP：ReLU → Sigmoid，加权 BCE（正类权重 w = 3）
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
n_in = 2
n_h = 2
w = 3

# 示例数值
X = np.array([[1.0, 2.0], [-1.0, 0.5]])
Y = np.array([[1.0], [0.0]])
W1 = np.array([[0.1, -0.2], [0.3, 0.4]])
b1 = np.array([[0.0, 0.1]])
W2 = np.array([[0.5], [-0.3]])
b2 = np.array([[0.2]])


def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def relu(x):
    return np.maximum(x, 0.0)


def bce(p, y, pos_weight=1.0):
    return -np.mean(pos_weight * y * np.log(p) + (1 - y) * np.log(1 - p))


# 1. 前向传播：从输入到损失
Z1 = X @ W1 + b1
A1 = relu(Z1)
Z2 = A1 @ W2 + b2
A2 = sigmoid(Z2)
L = bce(A2, Y, pos_weight=w)
print("L =", np.round(L, 7))


# 2. 反向传播：从损失回到参数，每次乘一个局部导数
# ∂L/∂A2：损失本身的导数，L = bce(A2, Y, pos_weight=w)
dA2 = (-w * Y / A2 + (1 - Y) / (1 - A2)) / m
# A2 = sigmoid(Z2)：局部导数 ∂A2/∂Z2 记为 dA2_dZ2，与上游梯度 dA2 逐元素相乘
dA2_dZ2 = A2 * (1 - A2)
dZ2 = dA2 * dA2_dZ2
# 同一个梯度的代数化简（正文中已验证的步骤）：运算更少，数值上也更稳定
dZ2 = (A2 - Y + (w - 1) * (Y * (A2 - 1))) / m
# Z2 = A1 @ W2 + b2：Z2 对权重 W2 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以 dZ2
dW2 = A1.T @ dZ2
# Z2 = A1 @ W2 + b2：b2 加到每一行上，对每一行的局部导数都是 1，所以它的梯度是 dZ2 按行求和
db2 = dZ2.sum(axis=0, keepdims=True)
# Z2 = A1 @ W2 + b2：Z2 对输入 A1 的局部导数就是权重，所以梯度是 dZ2 乘以权重（转置）
dA1 = dZ2 @ W2.T
# A1 = relu(Z1)：局部导数 ∂A1/∂Z1 记为 dA1_dZ1，与上游梯度 dA1 逐元素相乘
dA1_dZ1 = (Z1 > 0)
dZ1 = dA1 * dA1_dZ1
# Z1 = X @ W1 + b1：Z1 对权重 W1 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以 dZ1
dW1 = X.T @ dZ1
# Z1 = X @ W1 + b1：b1 加到每一行上，对每一行的局部导数都是 1，所以它的梯度是 dZ1 按行求和
db1 = dZ1.sum(axis=0, keepdims=True)

print(f"dW2 =\n{np.round(dW2, 7)}")
print(f"db2 =\n{np.round(db2, 7)}")
print(f"dW1 =\n{np.round(dW1, 7)}")
print(f"db1 =\n{np.round(db1, 7)}")


# 3. 有限差分检验：把每个参数分量加减 eps，观察损失的变化
def loss_at(W2, b2, W1, b1):
    # 上面的前向传播，写成参数的函数
    Z1 = X @ W1 + b1
    A1 = relu(Z1)
    Z2 = A1 @ W2 + b2
    A2 = sigmoid(Z2)
    L = bce(A2, Y, pos_weight=w)
    return np.sum(L)


def numerical_gradient(name, eps=1e-6):
    # 中心差分 (L(p + eps) − L(p − eps)) / (2 eps)，逐个分量计算
    params = {"W2": W2, "b2": b2, "W1": W1, "b1": b1}
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
    for name, grad in [("W2", dW2), ("b2", db2), ("W1", dW1), ("b1", db1)]:
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
def torch_gradients(X, Y, W1, b1, W2, b2):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    X = torch.tensor(X, dtype=torch.float64, requires_grad=False)
    Y = torch.tensor(Y, dtype=torch.float64, requires_grad=False)
    W1 = torch.tensor(W1, dtype=torch.float64, requires_grad=True)
    b1 = torch.tensor(b1, dtype=torch.float64, requires_grad=True)
    W2 = torch.tensor(W2, dtype=torch.float64, requires_grad=True)
    b2 = torch.tensor(b2, dtype=torch.float64, requires_grad=True)
    Z1 = X @ W1 + b1
    A1 = torch.relu(Z1)
    Z2 = A1 @ W2 + b2
    A2 = torch.sigmoid(Z2)
    L = -(w * Y * torch.log(A2) + (1 - Y) * torch.log(1 - A2)).mean()
    L.sum().backward()
    return {"W2": W2.grad.numpy(), "b2": b2.grad.numpy(), "W1": W1.grad.numpy(), "b1": b1.grad.numpy()}


def compare_with_torch(as_json=False):
    # 打印我们的梯度，并与 PyTorch 对照
    ours = {"W2": dW2, "b2": db2, "W1": dW1, "b1": db1}
    report = {"gradients": {k: np.asarray(v, dtype=float).tolist() for k, v in ours.items()}}
    try:
        import torch  # noqa: F401
    except ImportError:
        report["torch"] = "skipped"
        if not as_json:
            print("未安装 PyTorch，跳过对照（pip install torch）。")
        return report
    theirs = torch_gradients(X, Y, W1, b1, W2, b2)
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
