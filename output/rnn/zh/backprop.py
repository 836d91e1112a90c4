#!/usr/bin/env python3
# 展开两步的循环神经网络：随时间反向传播（BPTT）
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
m = 1
n_x = 2
n_h = 2

# 示例数值
x_1 = np.array([[1.0, -0.5]])
x_2 = np.array([[0.5, 1.0]])
h_0 = np.array([[0.2, -0.1]])
y = np.array([[0.5, -0.5]])
W_x = np.array([[0.3, -0.2], [0.1, 0.4]])
W_h = np.array([[0.5, -0.3], [0.2, 0.1]])
b = np.array([[0.1, -0.1]])


def sse(p, y):
    return np.sum((p - y) ** 2)


# 1. 前向传播：从输入到损失
z_1 = x_1 @ W_x + h_0 @ W_h + b
h_1 = np.tanh(z_1)
z_2 = x_2 @ W_x + h_1 @ W_h + b
h_2 = np.tanh(z_2)
L = sse(h_2, y) / 2
print("L =", np.round(L, 7))


# 2. 反向传播：从损失回到参数，每次乘一个局部导数
# ∂L/∂h_2：损失本身的导数，L = sse(h_2, y) / 2
dh_2 = h_2 - y
# h_2 = np.tanh(z_2)：局部导数 ∂h_2/∂z_2 记为 dh_2_dz_2，与上游梯度 dh_2 逐元素相乘
dh_2_dz_2 = 1 - h_2 ** 2
dz_2 = dh_2 * dh_2_dz_2
# z_2 = x_2 @ W_x + h_1 @ W_h + b：z_2 对输入 h_1 的局部导数就是权重，所以梯度是 dz_2 乘以权重（转
# 置）
dh_1 = dz_2 @ W_h.T
# h_1 = np.tanh(z_1)：局部导数 ∂h_1/∂z_1 记为 dh_1_dz_1，与上游梯度 dh_1 逐元素相乘
dh_1_dz_1 = 1 - h_1 ** 2
dz_1 = dh_1 * dh_1_dz_1
# z_2 = x_2 @ W_x + h_1 @ W_h + b：z_2 对权重 W_x 的局部导数就是与它相乘的输入，所以梯度是该输入（
# 转置）乘以 dz_2
dW_x_via_z_2 = x_2.T @ dz_2
# z_1 = x_1 @ W_x + h_0 @ W_h + b：z_1 对权重 W_x 的局部导数就是与它相乘的输入，所以梯度是该输入（
# 转置）乘以 dz_1
dW_x_via_z_1 = x_1.T @ dz_1
# W_x 出现在多条路径上：把各条路径带来的梯度相加
dW_x = dW_x_via_z_2 + dW_x_via_z_1
# 同一个梯度的代数化简（正文中已验证的步骤）：运算更少，数值上也更稳定
dW_x = x_2.T @ dz_2 + x_1.T @ dz_1
# z_2 = x_2 @ W_x + h_1 @ W_h + b：z_2 对权重 W_h 的局部导数就是与它相乘的输入，所以梯度是该输入（
# 转置）乘以 dz_2
dW_h_via_z_2 = h_1.T @ dz_2
# z_1 = x_1 @ W_x + h_0 @ W_h + b：z_1 对权重 W_h 的局部导数就是与它相乘的输入，所以梯度是该输入（
# 转置）乘以 dz_1
dW_h_via_z_1 = h_0.T @ dz_1
# W_h 出现在多条路径上：把各条路径带来的梯度相加
dW_h = dW_h_via_z_2 + dW_h_via_z_1
# 同一个梯度的代数化简（正文中已验证的步骤）：运算更少，数值上也更稳定
dW_h = h_1.T @ dz_2 + h_0.T @ dz_1
# z_2 = x_2 @ W_x + h_1 @ W_h + b：b 加到每一行上，对每一行的局部导数都是 1，所以它的梯度是 dz_2 按
# 行求和
db_via_z_2 = dz_2.sum(axis=0, keepdims=True)
# z_1 = x_1 @ W_x + h_0 @ W_h + b：b 加到每一行上，对每一行的局部导数都是 1，所以它的梯度是 dz_1 按
# 行求和
db_via_z_1 = dz_1.sum(axis=0, keepdims=True)
# b 出现在多条路径上：把各条路径带来的梯度相加
db = db_via_z_2 + db_via_z_1
# 同一个梯度的代数化简（正文中已验证的步骤）：运算更少，数值上也更稳定
db = dz_2.sum(axis=0, keepdims=True) + dz_1.sum(axis=0, keepdims=True)

print(f"dW_x =\n{np.round(dW_x, 7)}")
print(f"dW_h =\n{np.round(dW_h, 7)}")
print(f"db =\n{np.round(db, 7)}")


# 3. 有限差分检验：把每个参数分量加减 eps，观察损失的变化
def loss_at(W_x, W_h, b):
    # 上面的前向传播，写成参数的函数
    z_1 = x_1 @ W_x + h_0 @ W_h + b
    h_1 = np.tanh(z_1)
    z_2 = x_2 @ W_x + h_1 @ W_h + b
    h_2 = np.tanh(z_2)
    L = sse(h_2, y) / 2
    return np.sum(L)


def numerical_gradient(name, eps=1e-6):
    # 中心差分 (L(p + eps) − L(p − eps)) / (2 eps)，逐个分量计算
    params = {"W_x": W_x, "W_h": W_h, "b": b}
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
    for name, grad in [("W_x", dW_x), ("W_h", dW_h), ("b", db)]:
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
def torch_gradients(x_1, x_2, h_0, y, W_x, W_h, b, bare=False):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    x_1 = torch.tensor(x_1, dtype=torch.float64, requires_grad=False)
    x_2 = torch.tensor(x_2, dtype=torch.float64, requires_grad=False)
    h_0 = torch.tensor(h_0, dtype=torch.float64, requires_grad=False)
    y = torch.tensor(y, dtype=torch.float64, requires_grad=False)
    W_x = torch.tensor(W_x, dtype=torch.float64, requires_grad=True)
    W_h = torch.tensor(W_h, dtype=torch.float64, requires_grad=True)
    b = torch.tensor(b, dtype=torch.float64, requires_grad=True)
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


def compare_with_torch(as_json=False):
    # 打印我们的梯度，并与 PyTorch 对照
    ours = {"W_x": dW_x, "W_h": dW_h, "b": db}
    report = {"gradients": {k: np.asarray(v, dtype=float).tolist() for k, v in ours.items()}}
    try:
        import torch  # noqa: F401
    except ImportError:
        report["torch"] = "skipped"
        if not as_json:
            print("未安装 PyTorch，跳过对照（pip install torch）。")
        return report
    theirs = torch_gradients(x_1, x_2, h_0, y, W_x, W_h, b)
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
    bare = torch_gradients(x_1, x_2, h_0, y, W_x, W_h, b, bare=True)
    name = next(iter(ours))
    same = np.abs(ours[name]) > 1e-300
    report["bare_ratio"] = float(np.median(bare[name][same] / ours[name][same]))
    if not as_json:
        print("直接对 F.mse_loss（不乘 ½）求得的梯度与我们的梯度之比：", format(report["bare_ratio"], ".6g"), sep="")
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
