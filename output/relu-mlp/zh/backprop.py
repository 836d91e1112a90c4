#!/usr/bin/env python3
# 两层 ReLU 网络，平方和损失（NumPy 手写反向传播）
#
# 本实验由 derive 根据已验证的推导生成：前向传播；按反向传播实际计算的顺序写出的反向传播（每个局部
# 导数都有名字）；对每个参数的有限差分检验；若已安装 PyTorch，再与其自动求导比较。每个公式都在
# walkthrough.md 中得到证明。只需要 NumPy。
# 运行：python backprop.py（--json：最后一行输出机器可读的摘要）。退出码 0：所有检验一致（或未安装
# PyTorch）；1：有不一致。
# 加 --train 运行第 4 节的训练循环（完整尺寸，需要几秒钟）；加 --plot 训练并把损失曲线保存为
# training-loss.png（需要 matplotlib）。
import json
import sys

import numpy as np

np.set_printoptions(precision=7, suppress=True)  # 打印保留 7 位小数，与讲义一致；计算用 float64

# 尺寸与常数
n = 3
D_in = 4
H = 3
D_out = 2

# 示例数值
x = np.array([[-0.7, -0.2, 0.6, -0.4], [0.1, -0.9, 0.1, -0.3], [0.7, -0.8, 0.0, -0.7]])
y = np.array([[-0.6, 0.4], [0.0, -0.2], [0.3, 0.8]])
w1 = np.array([[0.5, 0.5, 0.2], [-0.7, 0.5, -0.8], [0.5, -0.4, -0.2], [-0.3, -0.4, -0.3]])
w2 = np.array([[-0.7, -0.7], [-0.8, 0.2], [0.8, 0.5]])


def relu(x):
    return np.maximum(x, 0.0)


def sse(p, y):
    return np.sum((p - y) ** 2)


# 1. 前向传播：从输入到损失
h = x @ w1
h_relu = relu(h)
y_pred = h_relu @ w2
loss = sse(y_pred, y)
print("loss =", np.round(loss, 7))


# 2. 反向传播：从损失回到参数，每次乘一个局部导数
# ∂loss/∂y_pred：损失本身的导数，loss = sse(y_pred, y)
dy_pred = 2 * (y_pred - y)
# y_pred = h_relu @ w2：y_pred 对权重 w2 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以
# dy_pred
dw2 = h_relu.T @ dy_pred
# y_pred = h_relu @ w2：y_pred 对输入 h_relu 的局部导数就是权重，所以梯度是 dy_pred 乘以权重（转置）
dh_relu = dy_pred @ w2.T
# h_relu = relu(h)：局部导数 ∂h_relu/∂h 记为 dh_relu_dh，与上游梯度 dh_relu 逐元素相乘
dh_relu_dh = (h > 0)
dh = dh_relu * dh_relu_dh
# h = x @ w1：h 对权重 w1 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以 dh
dw1 = x.T @ dh

print(f"dw2 =\n{np.round(dw2, 7)}")
print(f"dw1 =\n{np.round(dw1, 7)}")


# 3. 有限差分检验：把每个参数分量加减 eps，观察损失的变化
def loss_at(w2, w1):
    # 上面的前向传播，写成参数的函数
    h = x @ w1
    h_relu = relu(h)
    y_pred = h_relu @ w2
    loss = sse(y_pred, y)
    return np.sum(loss)


def numerical_gradient(name, eps=1e-6):
    # 中心差分 (L(p + eps) − L(p − eps)) / (2 eps)，逐个分量计算
    params = {"w2": w2, "w1": w1}
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
    for name, grad in [("w2", dw2), ("w1", dw1)]:
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


# 4. 训练：用上面的反向传播做普通梯度下降
def train(steps=500, lr=1e-06, seed=0):
    # 原文的设置：完整尺寸，随机数据与权重（固定种子）；每一步依次做前向传播、反向传播和参数更新
    n = 64
    D_in = 1000
    H = 100
    D_out = 10
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, D_in))
    y = rng.uniform(0, 1, (n, D_out))  # 目标值取自 [0, 1)
    w1 = rng.standard_normal((D_in, H))
    w2 = rng.standard_normal((H, D_out))
    losses = []
    for step in range(steps):
        h = x @ w1
        h_relu = relu(h)
        y_pred = h_relu @ w2
        loss = sse(y_pred, y)
        losses.append(float(np.sum(loss)))
        dy_pred = 2 * (y_pred - y)
        dw2 = h_relu.T @ dy_pred
        dh_relu = dy_pred @ w2.T
        dh_relu_dh = (h > 0)
        dh = dh_relu * dh_relu_dh
        dw1 = x.T @ dh
        w2 = w2 - lr * dw2
        w1 = w1 - lr * dw1
    return losses


def plot_losses(losses, path=None):
    # 损失随步数的变化，对数坐标（需要 matplotlib）
    try:
        import matplotlib.pyplot as plt
    except ImportError:
        print("未安装 matplotlib，不画图（pip install matplotlib）。")
        return
    plt.figure(figsize=(6, 3.5))
    plt.semilogy(losses)
    plt.xlabel("步数")
    plt.ylabel("损失")
    if path:
        plt.savefig(path)
    else:
        plt.show()


# 5. 用 PyTorch 自动求导计算同一个前向传播（可选）
def torch_gradients(x, y, w1, w2):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    x = torch.tensor(x, dtype=torch.float64, requires_grad=False)
    y = torch.tensor(y, dtype=torch.float64, requires_grad=False)
    w1 = torch.tensor(w1, dtype=torch.float64, requires_grad=True)
    w2 = torch.tensor(w2, dtype=torch.float64, requires_grad=True)
    h = x @ w1
    h_relu = torch.relu(h)
    y_pred = h_relu @ w2
    loss = F.mse_loss(y_pred, y, reduction="sum")
    loss.sum().backward()
    return {"w2": w2.grad.numpy(), "w1": w1.grad.numpy()}


def compare_with_torch(as_json=False):
    # 打印我们的梯度，并与 PyTorch 对照
    ours = {"w2": dw2, "w1": dw1}
    report = {"gradients": {k: np.asarray(v, dtype=float).tolist() for k, v in ours.items()}}
    try:
        import torch  # noqa: F401
    except ImportError:
        report["torch"] = "skipped"
        if not as_json:
            print("未安装 PyTorch，跳过对照（pip install torch）。")
        return report
    theirs = torch_gradients(x, y, w1, w2)
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
    if {"--train", "--plot"} & set(sys.argv[1:]):  # 训练需显式开启：它在完整尺寸上运行
        losses = train()
        print("训练中的损失：" + format(losses[0], ".4g"), "→", format(losses[-1], ".4g"))
        result["training"] = {"first": losses[0], "last": losses[-1]}
        if "--plot" in sys.argv[1:]:
            plot_losses(losses, "training-loss.png")
    result.update(compare_with_torch(as_json))
    if as_json:
        print(json.dumps(result))
    ok = ok and result["torch"] != "mismatch"
    sys.exit(0 if ok else 1)
