#!/usr/bin/env python3
# 线性层 + 批归一化：γ、β 以及经由批量均值和批量方差的梯度
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
m = 3
n = 2
eps = 1e-05

# 示例数值
X = np.array([[1.0, 2.0], [0.5, -1.0], [-1.0, 0.5]])
T = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0]])
W = np.array([[0.5, -0.2], [0.3, 0.4]])
gamma = np.array([[1.5, 0.8]])
beta = np.array([[0.1, -0.2]])


def mse(p, y):
    return np.mean((p - y) ** 2)


# 1. 前向传播：从输入到损失
Z = X @ W
mu = Z.mean(axis=0, keepdims=True)
Z_c = Z - mu
var = (Z_c ** 2).mean(axis=0, keepdims=True)
Z_hat = Z_c / np.sqrt(var + eps)
Y = gamma * Z_hat + beta
L = mse(Y, T)
print("L =", np.round(L, 7))


# 2. 反向传播：从损失回到参数，每次乘一个局部导数
# ∂L/∂Y：损失本身的导数，L = mse(Y, T)
dY = 2/(m*n) * (Y - T)
# Y = gamma * Z_hat + beta：gamma 对每一行都相同（沿批量方向广播），所以它的梯度是各行传回之量对所
# 有行求和；每一行传回的是 dY 乘以 Y 对 gamma 的局部导数
dgamma = (dY * Z_hat).sum(axis=0, keepdims=True)
# Y = gamma * Z_hat + beta：beta 加到每一行上，对每一行的局部导数都是 1，所以它的梯度是 dY 按行求和
dbeta = dY.sum(axis=0, keepdims=True)
# Y = gamma * Z_hat + beta：局部导数 ∂Y/∂Z_hat 记为 dY_dZ_hat，与上游梯度 dY 逐元素相乘
dY_dZ_hat = gamma
dZ_hat = dY * dY_dZ_hat
# Z_hat = Z_c / np.sqrt(var + eps)：var 对每一行都相同（沿批量方向广播），所以它的梯度是各行传回之
# 量对所有行求和；每一行传回的是 dZ_hat 乘以 Z_hat 对 var 的局部导数
dvar = (-dZ_hat * Z_c / (var + eps)).sum(axis=0, keepdims=True) / (2 * np.sqrt(var + eps))
# Z_hat = Z_c / np.sqrt(var + eps)：Z_c 经由 Z_hat 得到的梯度
dZ_c_via_Z_hat = dZ_hat / np.sqrt(var + eps)
# var = (Z_c ** 2).mean(axis=0, keepdims=True)：Z_c 经由 var 得到的梯度
dZ_c_via_var = 2/m * (dvar * Z_c)
# Z_c 出现在多条路径上：把各条路径带来的梯度相加
dZ_c = dZ_c_via_Z_hat + dZ_c_via_var
# 同一个梯度的代数化简（正文中已验证的步骤）：运算更少，数值上也更稳定
dZ_c = dZ_hat / np.sqrt(var + eps) + 2/m * (dvar * Z_c)
# Z_c = Z - mu：每一行都减去 mu，对每一行的局部导数都是 −1，所以它的梯度是 −dZ_c 对所有行求和
dmu = (-dZ_c).sum(axis=0, keepdims=True)
# Z_c = Z - mu：局部导数 ∂Z_c/∂Z 记为 dZ_c_dZ，与上游梯度 dZ_c 逐元素相乘
dZ_c_dZ = 1.0
dZ_via_Z_c = dZ_c * dZ_c_dZ
# mu = Z.mean(axis=0, keepdims=True)：Z 的每个元素在 m 个元素的均值中各计一次，局部导数为 1/m，所以
# 它得到 dmu / m
dZ_via_mu = (dmu * np.ones((m, n))) / m
# Z 出现在多条路径上：把各条路径带来的梯度相加
dZ = dZ_via_Z_c + dZ_via_mu
# 同一个梯度的代数化简（正文中已验证的步骤）：运算更少，数值上也更稳定
dZ = gamma / (m * np.sqrt(var + eps)) * (m * dY - dY.sum(axis=0, keepdims=True) - Z_hat * (dY * Z_hat).sum(axis=0, keepdims=True))
# Z = X @ W：Z 对权重 W 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以 dZ
dW = X.T @ dZ

print(f"dgamma =\n{np.round(dgamma, 7)}")
print(f"dbeta =\n{np.round(dbeta, 7)}")
print(f"dW =\n{np.round(dW, 7)}")


# 3. 有限差分检验：把每个参数分量加减 eps，观察损失的变化
def loss_at(gamma, beta, W):
    # 上面的前向传播，写成参数的函数
    Z = X @ W
    mu = Z.mean(axis=0, keepdims=True)
    Z_c = Z - mu
    var = (Z_c ** 2).mean(axis=0, keepdims=True)
    Z_hat = Z_c / np.sqrt(var + eps)
    Y = gamma * Z_hat + beta
    L = mse(Y, T)
    return np.sum(L)


def numerical_gradient(name, _eps=1e-6):
    # 中心差分 (L(p + eps) − L(p − eps)) / (2 eps)，逐个分量计算
    params = {"gamma": gamma, "beta": beta, "W": W}
    grad = np.zeros(np.shape(params[name]))
    for i in np.ndindex(grad.shape):
        plus = {k: np.array(v, dtype=float) for k, v in params.items()}
        minus = {k: np.array(v, dtype=float) for k, v in params.items()}
        plus[name][i] += _eps
        minus[name][i] -= _eps
        grad[i] = (loss_at(**plus) - loss_at(**minus)) / (2 * _eps)
    return grad


def finite_difference_check():
    # 把每个反向传播梯度与有限差分比较
    result, ok = {}, True
    for name, grad in [("gamma", dgamma), ("beta", dbeta), ("W", dW)]:
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
def torch_gradients(X, T, W, gamma, beta):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    X = torch.tensor(X, dtype=torch.float64, requires_grad=False)
    T = torch.tensor(T, dtype=torch.float64, requires_grad=False)
    W = torch.tensor(W, dtype=torch.float64, requires_grad=True)
    gamma = torch.tensor(gamma, dtype=torch.float64, requires_grad=True)
    beta = torch.tensor(beta, dtype=torch.float64, requires_grad=True)
    Z = X @ W
    mu = Z.mean(dim=0, keepdim=True)
    Z_c = Z - mu
    var = (Z_c ** 2).mean(dim=0, keepdim=True)
    Z_hat = Z_c / torch.sqrt(var + eps)
    Y = gamma * Z_hat + beta
    L = F.mse_loss(Y, T)
    L.sum().backward()
    return {"gamma": gamma.grad.numpy(), "beta": beta.grad.numpy(), "W": W.grad.numpy()}


def compare_with_torch(as_json=False):
    # 打印我们的梯度，并与 PyTorch 对照
    ours = {"gamma": dgamma, "beta": dbeta, "W": dW}
    report = {"gradients": {k: np.asarray(v, dtype=float).tolist() for k, v in ours.items()}}
    try:
        import torch  # noqa: F401
    except ImportError:
        report["torch"] = "skipped"
        if not as_json:
            print("未安装 PyTorch，跳过对照（pip install torch）。")
        return report
    theirs = torch_gradients(X, T, W, gamma, beta)
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
