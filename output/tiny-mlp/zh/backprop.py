#!/usr/bin/env python3
# 2-2-1 小网络：手算每一个数
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
n_in = 2
n_h = 2

# 示例数值
X = np.array([[0.5, 0.1]])
y_target = 0.8
W1 = np.array([[0.1, 0.2], [0.3, 0.4]])
W2 = np.array([[0.5], [0.6]])


def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


# 1. 前向传播：从输入到损失
h_raw = X @ W1
h = sigmoid(h_raw)
y_pred = h @ W2
L = (y_pred - y_target) ** 2 / 2
print("L =", np.round(L, 7))


# 2. 反向传播：从损失回到参数，每次乘一个局部导数
# ∂L/∂y_pred：损失本身的导数，L = (y_pred - y_target) ** 2 / 2
dy_pred = y_pred - y_target
# y_pred = h @ W2：y_pred 对权重 W2 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以
# dy_pred
dW2 = h.T @ dy_pred
# y_pred = h @ W2：y_pred 对输入 h 的局部导数就是权重，所以梯度是 dy_pred 乘以权重（转置）
dh = dy_pred @ W2.T
# h = sigmoid(h_raw)：局部导数 ∂h/∂h_raw 记为 dh_dh_raw，与上游梯度 dh 逐元素相乘
dh_dh_raw = h * (1 - h)
dh_raw = dh * dh_dh_raw
# h_raw = X @ W1：h_raw 对权重 W1 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以 dh_raw
dW1 = X.T @ dh_raw

print(f"dW2 =\n{np.round(dW2, 7)}")
print(f"dW1 =\n{np.round(dW1, 7)}")


# 3. 有限差分检验：把每个参数分量加减 eps，观察损失的变化
def loss_at(W2, W1):
    # 上面的前向传播，写成参数的函数
    h_raw = X @ W1
    h = sigmoid(h_raw)
    y_pred = h @ W2
    L = (y_pred - y_target) ** 2 / 2
    return np.sum(L)


def numerical_gradient(name, eps=1e-6):
    # 中心差分 (L(p + eps) − L(p − eps)) / (2 eps)，逐个分量计算
    params = {"W2": W2, "W1": W1}
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
    for name, grad in [("W2", dW2), ("W1", dW1)]:
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
def torch_gradients(X, y_target, W1, W2):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    X = torch.tensor(X, dtype=torch.float64, requires_grad=False)
    y_target = torch.tensor(y_target, dtype=torch.float64, requires_grad=False)
    W1 = torch.tensor(W1, dtype=torch.float64, requires_grad=True)
    W2 = torch.tensor(W2, dtype=torch.float64, requires_grad=True)
    h_raw = X @ W1
    h = torch.sigmoid(h_raw)
    y_pred = h @ W2
    L = 0.5 * (y_pred - y_target) ** 2
    L.sum().backward()
    return {"W2": W2.grad.numpy(), "W1": W1.grad.numpy()}


def compare_with_torch(as_json=False):
    # 打印我们的梯度，并与 PyTorch 对照
    ours = {"W2": dW2, "W1": dW1}
    report = {"gradients": {k: np.asarray(v, dtype=float).tolist() for k, v in ours.items()}}
    try:
        import torch  # noqa: F401
    except ImportError:
        report["torch"] = "skipped"
        if not as_json:
            print("未安装 PyTorch，跳过对照（pip install torch）。")
        return report
    theirs = torch_gradients(X, y_target, W1, W2)
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
