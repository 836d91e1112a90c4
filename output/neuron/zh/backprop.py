#!/usr/bin/env python3
# 单个 Sigmoid 神经元与半均方误差损失
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
n = 3

# 示例数值
x = np.array([[0.5, 0.3, 0.2]])
t = np.array([[1.0]])
w = np.array([[0.4, -0.6, 0.1]])


def sigmoid(x):
    x = np.asarray(x, dtype=np.float64)
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def mse(p, y):
    return np.mean((p - y) ** 2)


# 1. 前向传播：从输入到损失
z = x @ w.T
O = sigmoid(z)
L = mse(O, t) / 2
print("L =", np.round(L, 7))


# 2. 反向传播：从损失回到参数，每次乘一个局部导数
# ∂L/∂O：损失本身的导数，L = mse(O, t) / 2
dO = O - t
# O = sigmoid(z)：局部导数 ∂O/∂z 记为 dO_dz，与上游梯度 dO 逐元素相乘
dO_dz = O * (1 - O)
dz = dO * dO_dz
# z = x @ w.T：z 对权重 w 的局部导数就是与它相乘的输入，所以梯度是该输入（转置）乘以 dz
dw = dz @ x

print(f"dw =\n{np.round(dw, 7)}")


# 3. 有限差分检验：把每个参数分量加减 eps，观察损失的变化
def loss_at(w):
    # 上面的前向传播，写成参数的函数
    z = x @ w.T
    O = sigmoid(z)
    L = mse(O, t) / 2
    return np.sum(L)


def numerical_gradient(name, eps=1e-6):
    # 中心差分 (L(p + eps) − L(p − eps)) / (2 eps)，逐个分量计算
    params = {"w": w}
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
    for name, grad in [("w", dw)]:
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
def torch_gradients(x, t, w, bare=False):
    # 用 PyTorch 写出同样的前向计算，由自动求导计算梯度
    import torch
    import torch.nn.functional as F

    x = torch.tensor(x, dtype=torch.float64, requires_grad=False)
    t = torch.tensor(t, dtype=torch.float64, requires_grad=False)
    w = torch.tensor(w, dtype=torch.float64, requires_grad=True)
    z = x @ w.T
    O = torch.sigmoid(z)
    if bare:  # 不带常数因子的库函数损失
        L = F.mse_loss(O, t)
    else:
        L = 0.5 * F.mse_loss(O, t)
    L.sum().backward()
    return {"w": w.grad.numpy()}


def compare_with_torch(as_json=False):
    # 打印我们的梯度，并与 PyTorch 对照
    ours = {"w": dw}
    report = {"gradients": {k: np.asarray(v, dtype=float).tolist() for k, v in ours.items()}}
    try:
        import torch  # noqa: F401
    except ImportError:
        report["torch"] = "skipped"
        if not as_json:
            print("未安装 PyTorch，跳过对照（pip install torch）。")
        return report
    theirs = torch_gradients(x, t, w)
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
    bare = torch_gradients(x, t, w, bare=True)
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
