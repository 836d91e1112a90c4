import sys; sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from harness import C, main
cases = []; A = cases.append
def net(name, fwd, values, inputs="x = [1, 1]\ny = [1, 1]", params="w = [1, 1]", dims=""):
    return f"[network]\nname = \"{name}\"\n[dims]\n{dims}\n[inputs]\n{inputs}\n[params]\n{params}\n[forward]\n{fwd}\n[values]\n{values}\n"
def V(id, text, codes=(0, 2), torch=None, **kw):
    torch = id.startswith("sat-") if torch is None else torch
    A(C(id, ["verify", *([] if torch else ["--no-torch"]), "{spec}"], codes, text, bad=False, timeout=120, **kw))
SIG = 'z = "x @ w"\na = "sigmoid(z)"\nL = "bce(a, y)"'
for x in [37, 40, 100, 1000, -37, -1000, 709, 710, 1e11]:
    for y in [0, 1]:
        V(f"sat-bce-{x}-{y}", net("s", SIG, f"x = {x}\nw = 1\ny = {y}"))
V("sat-bce-logits", net("s", 'z = "x @ w"\nL = "bce_logits(z, y)"', "x = 1000\nw = 1\ny = 0"))
V("sat-bce-pw", net("s", 'z = "x @ w"\na = "sigmoid(z)"\nL = "bce(a, y, pos_weight=3)"', "x = 800\nw = 1\ny = 0"))
V("sat-bce-indirect", net("s", 'z = "x @ w"\na = "sigmoid(z)"\nb2 = "a * 1"\nL = "bce(b2, y)"', "x = 40\nw = 1\ny = 0"))
V("sat-bce-sum", net("s", 'z = "x @ w"\na = "sigmoid(z)"\nL = "bce(a, y) + sum(w * w)"', "x = 40\nw = 1\ny = 0"))
V("sat-mse-sigmoid", net("s", 'z = "x @ w"\na = "sigmoid(z)"\nL = "mse(a, y)"', "x = 1000\nw = 1\ny = 0"))
V("sat-log-sigmoid", net("s", 'z = "x @ w"\na = "sigmoid(z)"\nL = "sum(log(a))"', "x = -1000\nw = 1\ny = 0"))
V("sat-log1m-sigmoid", net("s", 'z = "x @ w"\na = "sigmoid(z)"\nL = "sum(log(1 - a))"', "x = 40\nw = 1\ny = 0"))
SM = 'z = "x @ w"\np = "softmax(z)"\nL = "cross_entropy(p, y)"'
for big in [50, 100, 800, 1000, 1e11]:
    V(f"sat-ce-{big}", net("c", SM, f"x = [[1]]\nw = [[{big}, 0, {-big}]]\ny = [[0, 0, 1]]", inputs='x = [1, 1]\ny = [1, 3]', params='w = [1, 3]'))
V("sat-ce-soft", net("c", SM, "x = [[1]]\nw = [[1000, 0, -1000]]\ny = [[0.5, 0, 0.5]]", inputs='x = [1, 1]\ny = [1, 3]', params='w = [1, 3]'))
V("sat-ce-onehot", net("c", SM, "x = [[1]]\nw = [[1000, 0, -1000]]\ny = [[0, 0, 1]]", inputs='x = [1, 1]\ny = { shape = [1, 3], kind = "one-hot" }', params='w = [1, 3]'))
V("sat-logsoftmax", net("c", 'z = "x @ w"\np = "log_softmax(z)"\nL = "sum(p * y)"', "x = [[1]]\nw = [[1000, 0, -1000]]\ny = [[0, 0, 1]]", inputs='x = [1, 1]\ny = [1, 3]', params='w = [1, 3]'))
V("sat-softmax-mse", net("c", 'z = "x @ w"\np = "softmax(z)"\nL = "mse(p, y)"', "x = [[1]]\nw = [[1000, 0, -1000]]\ny = [[0, 0, 1]]", inputs='x = [1, 1]\ny = [1, 3]', params='w = [1, 3]'))
V("sat-softmax-log", net("c", 'z = "x @ w"\np = "softmax(z)"\nL = "sum(log(p))"', "x = [[1]]\nw = [[100, 0, -100]]\ny = [[0, 0, 1]]", inputs='x = [1, 1]\ny = [1, 3]', params='w = [1, 3]'))
V("sat-softplus", net("s", 'z = "x @ w"\na = "softplus(z)"\nL = "mse(a, y)"', "x = 1000\nw = 1\ny = 0"))
V("sat-softplus-neg", net("s", 'z = "x @ w"\na = "softplus(z)"\nL = "mse(a, y)"', "x = -1000\nw = 1\ny = 0"))
V("sat-tanh", net("s", 'z = "x @ w"\na = "tanh(z)"\nL = "mse(a, y)"', "x = 1000\nw = 1\ny = 0"))
V("ovf-exp", net("s", 'z = "x @ w"\na = "exp(z)"\nL = "mse(a, y)"', "x = 1000\nw = 1\ny = 0"))
V("ovf-exp-400", net("s", 'z = "x @ w"\na = "exp(z)"\nL = "mse(a, y)"', "x = 400\nw = 1\ny = 0"))
V("ovf-square", net("s", 'z = "x @ w"\nL = "sum(z ** 16)"', "x = 1e11\nw = 1e11\ny = 0"))
V("ovf-mse", net("s", 'z = "x @ w"\nL = "mse(z, y)"', "x = 1e11\nw = 1e11\ny = 0"))
V("ovf-exp-exp", net("s", 'z = "x @ w"\na = "exp(exp(z))"\nL = "mse(a, y)"', "x = 7\nw = 1\ny = 0"))
V("tiny-vals", net("s", 'z = "x @ w"\nL = "mse(z, y)"', "x = 1e-300\nw = 1e-300\ny = 0"))
V("tiny-subnormal", net("s", 'z = "x @ w"\nL = "mse(z, y)"', "x = 5e-324\nw = 1\ny = 0"))
V("log-tiny", net("s", 'z = "x @ w"\na = "log(z)"\nL = "mse(a, y)"', "x = 1e-300\nw = 1e-20\ny = 0"))
V("sqrt-tiny", net("s", 'z = "x @ w"\na = "sqrt(z)"\nL = "mse(a, y)"', "x = 1e-300\nw = 1e-20\ny = 0"))
V("pow-neg-tiny", net("s", 'z = "x @ w"\na = "z ** -2"\nL = "mse(a, y)"', "x = 1e-200\nw = 1e-100\ny = 0"))
V("div-tiny", net("s", 'z = "x @ w"\na = "1 / z"\nL = "mse(a, y)"', "x = 1e-300\nw = 1e-20\ny = 0"))
# exact zeros that are not zeros in float
K = "x = 3\nw = 0.1\nb = -0.3\ny = 1"
P2 = "w = [1, 1]\nb = [1, 1]"
for f in ["relu(z)", "abs(z)", "leaky_relu(z, 0.2)", "sqrt(z)", "log(z)", "z ** -1", "1 / z", "sign(z)", "z ** 0.5", "relu(z) * z", "sqrt(z * z)", "abs(z) ** 3", "z ** (1/3)"]:
    V(f"exact0-{f}", net("k", f'z = "x @ w + b"\na = "{f}"\nL = "mse(a, y)"', K, params=P2))
    V(f"float0-{f}", net("k", f'z = "x @ w + b"\na = "{f}"\nL = "mse(a, y)"', "x = 3\nw = 0\nb = 0\ny = 1", params=P2))
V("exact0-bce", net("k", 'z = "x @ w + b"\na = "relu(z)"\nL = "bce(a, y)"', K, params=P2))
V("exact0-ce", net("k", 'z = "x @ w + b"\np = "relu(z)"\nL = "cross_entropy(p, y)"', K, params=P2))
V("exact1-bce", net("k", 'z = "x @ w + b"\nL = "bce(z, y)"', "x = 3\nw = 0.1\nb = 0.7\ny = 1", params=P2))
V("exact-kink-2d", net("k", 'z = "x @ w + b"\na = "relu(z)"\nL = "mse(a, y)"', "x = [[3, 1], [0.7, 0.1]]\nw = [[0.1], [0.2]]\nb = -0.5\ny = [[1], [0]]", inputs='x = [2, 2]\ny = [2, 1]', params='w = [2, 1]\nb = [1, 1]'))
V("bce-target-2", net("s", SIG, "x = 1\nw = 1\ny = 2"))
V("bce-target-neg", net("s", SIG, "x = 1\nw = 1\ny = -0.1"))
V("bce-pred-relu-1", net("s", 'z = "x @ w"\na = "relu(z)"\nL = "bce(a, y)"', "x = 1\nw = 1\ny = 1"))
V("ce-prob-zero", net("c", 'z = "x @ w"\np = "relu(z)"\nL = "cross_entropy(p, y)"', "x = [[1]]\nw = [[-1, 0.5, 0.5]]\ny = [[1, 0, 0]]", inputs='x = [1, 1]\ny = [1, 3]', params='w = [1, 3]'))
V("ce-prob-zero-y0", net("c", 'z = "x @ w"\np = "relu(z)"\nL = "cross_entropy(p, y)"', "x = [[1]]\nw = [[-1, 0.5, 0.5]]\ny = [[0, 1, 0]]", inputs='x = [1, 1]\ny = [1, 3]', params='w = [1, 3]'))
V("onehot-not-onehot", net("c", SM, "x = [[1]]\nw = [[1, 0, -1]]\ny = [[0.5, 0.5, 0]]", inputs='x = [1, 1]\ny = { shape = [1, 3], kind = "one-hot" }', params='w = [1, 3]'))
V("onehot-all-zero", net("c", SM, "x = [[1]]\nw = [[1, 0, -1]]\ny = [[0, 0, 0]]", inputs='x = [1, 1]\ny = { shape = [1, 3], kind = "one-hot" }', params='w = [1, 3]'))
V("onehot-two", net("c", SM, "x = [[1]]\nw = [[1, 0, -1]]\ny = [[1, 1, 0]]", inputs='x = [1, 1]\ny = { shape = [1, 3], kind = "one-hot" }', params='w = [1, 3]'))
# no values: random values with domains
V("noval-bce", "[network]\nname='n'\n[inputs]\nx=[3,2]\ny=[3,1]\n[params]\nw=[2,1]\n[forward]\nz='x @ w'\na='sigmoid(z)'\nL='bce(a, y)'\n")
V("noval-log", "[network]\nname='n'\n[inputs]\nx=[3,2]\ny=[3,1]\n[params]\nw=[2,1]\n[forward]\nz='x @ w'\na='log(z)'\nL='mse(a, y)'\n")
V("noval-div", "[network]\nname='n'\n[inputs]\nx=[3,2]\ny=[3,1]\n[params]\nw=[2,1]\n[forward]\nz='x @ w'\na='y / z'\nL='mse(a, y)'\n")
V("noval-sqrt-relu", "[network]\nname='n'\n[inputs]\nx=[3,2]\ny=[3,1]\n[params]\nw=[2,1]\n[forward]\nz='x @ w'\na='sqrt(relu(z))'\nL='mse(a, y)'\n")
V("noval-log-sigmoid-diff", "[network]\nname='n'\n[inputs]\nx=[3,2]\ny=[3,1]\n[params]\nw=[2,1]\n[forward]\nz='x @ w'\na='log(sigmoid(z) - sigmoid(z) + 1)'\nL='mse(a, y)'\n")
V("noval-log-x-minus", "[network]\nname='n'\n[inputs]\nx=[3,2]\ny=[3,1]\n[params]\nw=[2,1]\n[forward]\nz='x @ w'\na='log(z - z)'\nL='mse(a, y)'\n")
V("noval-ce", "[network]\nname='n'\n[inputs]\nx=[3,2]\ny=[3,4]\n[params]\nw=[2,4]\n[forward]\nz='x @ w'\np='softmax(z)'\nL='cross_entropy(p, y)'\n")
V("noval-ce-sigmoid", "[network]\nname='n'\n[inputs]\nx=[3,2]\ny=[3,4]\n[params]\nw=[2,4]\n[forward]\nz='x @ w'\np='sigmoid(z)'\nL='cross_entropy(p, y)'\n")
V("noval-bce-relu", "[network]\nname='n'\n[inputs]\nx=[3,2]\ny=[3,1]\n[params]\nw=[2,1]\n[forward]\nz='x @ w'\na='relu(z)'\nL='bce(a, y)'\n")
V("noval-bce-tanh", "[network]\nname='n'\n[inputs]\nx=[3,2]\ny=[3,1]\n[params]\nw=[2,1]\n[forward]\nz='x @ w'\na='tanh(z)'\nL='bce(a, y)'\n")
V("noval-pow-frac-neg", "[network]\nname='n'\n[inputs]\nx=[3,2]\ny=[3,1]\n[params]\nw=[2,1]\n[forward]\nz='x @ w'\na='(z - 5) ** 0.5'\nL='mse(a, y)'\n")
# sizes within limits (time)
def mlp(m, n_in, n_h, act="relu"):
    return f"[network]\nname='big'\n[dims]\nm={m}\nn_in={n_in}\nn_h={n_h}\n[inputs]\nX=['m','n_in']\nY=['m',1]\n[params]\nW1=['n_in','n_h']\nb1=[1,'n_h']\nW2=['n_h',1]\n[forward]\nZ1='X @ W1 + b1'\nA1='{act}(Z1)'\nZ2='A1 @ W2'\nL='mse(Z2, Y)'\n"
for k in [(32, 32, 32), (16, 16, 16), (64, 8, 8), (8, 64, 8), (2, 2, 2000), (1, 100, 100), (200, 2, 2)]:
    A(C(f"size-mlp-{k}", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), mlp(*k), bad=False, timeout=120))
A(C("size-mlp-sigmoid-32", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), mlp(32, 32, 32, "sigmoid"), bad=False, timeout=120))
A(C("size-mlp-tanh-24", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), mlp(24, 24, 24, "tanh"), bad=False, timeout=120))
for k in [4, 8, 16, 32, 64]:
    A(C(f"size-softmax-{k}", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), f"[network]\nname='sm'\n[inputs]\nx=[2,{k}]\ny=[2,{k}]\n[params]\nw=[{k},{k}]\n[forward]\nz='x @ w'\np='softmax(z)'\nL='cross_entropy(p, y)'\n", bad=False, timeout=120))
    A(C(f"size-softmax2-{k}", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), f"[network]\nname='sm'\n[inputs]\nx=[2,{k}]\ny=[2,{k}]\n[params]\nw=[{k},{k}]\nv=[{k},{k}]\n[forward]\nz='x @ w'\np='softmax(z)'\nq='softmax(p @ v)'\nL='cross_entropy(q, y)'\n", bad=False, timeout=120))
    A(C(f"size-logsoftmax-wide-{k*8}", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), f"[network]\nname='sm'\n[inputs]\nx=[1,{k*8}]\ny=[1,{k*8}]\n[params]\nw=[1,{k*8}]\n[forward]\nz='x * w'\np='softmax(z)'\nL='cross_entropy(p, y)'\n", bad=False, timeout=120))
    A(C(f"size-4layer-{k}", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), f"[network]\nname='d'\n[inputs]\nx=[{k},{k}]\ny=[{k},{k}]\n[params]\nw1=[{k},{k}]\nw2=[{k},{k}]\nw3=[{k},{k}]\nw4=[{k},{k}]\n[forward]\na1='tanh(x @ w1)'\na2='sigmoid(a1 @ w2)'\na3='softplus(a2 @ w3)'\na4='softmax(a3 @ w4)'\nL='cross_entropy(a4, y)'\n", bad=False, timeout=120))
for n in [50, 100, 200, 400]:
    fwd = "\n".join(f"a{i} = 'sigmoid({'z' if i == 0 else f'a{i-1}'})'" for i in range(n))
    A(C(f"size-chain-{n}", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), f"[network]\nname='ch'\n[inputs]\nx=[1,1]\ny=[1,1]\n[params]\nw=[1,1]\n[forward]\nz='x @ w'\n{fwd}\nL='mse(a{n-1}, y)'\n", bad=False, timeout=120))
    A(C(f"size-nest-{n}", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), "[network]\nname='ch'\n[inputs]\nx=[1,1]\ny=[1,1]\n[params]\nw=[1,1]\n[forward]\nz='x @ w'\n" + "\n".join(f"a{i} = '{'z' if i == 0 else f'a{i-1}'} * {'z' if i == 0 else f'a{i-1}'} + w'" for i in range(min(n, 60))) + f"\nL='mse(a{min(n,60)-1}, y)'\n", bad=False, timeout=120))
A(C("size-attention-16", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), "[network]\nname='att'\n[dims]\nn=16\nd=16\n[inputs]\nX=['n','d']\nY=['n','d']\n[params]\nWq=['d','d']\nWk=['d','d']\nWv=['d','d']\n[forward]\nQ='X @ Wq'\nK='X @ Wk'\nV='X @ Wv'\nS='Q @ K.T / 4'\nP='softmax(S)'\nO='P @ V'\nL='mse(O, Y)'\n", bad=False, timeout=120))
A(C("size-attention-8", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), "[network]\nname='att'\n[dims]\nn=8\nd=8\n[inputs]\nX=['n','d']\nY=['n','d']\n[params]\nWq=['d','d']\nWk=['d','d']\nWv=['d','d']\n[forward]\nQ='X @ Wq'\nK='X @ Wk'\nV='X @ Wv'\nS='Q @ K.T / 4'\nP='softmax(S)'\nO='P @ V'\nL='mse(O, Y)'\n", bad=False, timeout=120))
A(C("size-pow16-chain", ["verify", "--no-torch", "--points", "0", "{spec}"], (0, 2), "[network]\nname='p'\n[inputs]\nx=[4,4]\ny=[4,4]\n[params]\nw=[4,4]\n[forward]\nz='x @ w'\na='(z ** 16 + 1) ** 16'\nb='(a ** 16) ** 16'\nL='mse(b, y)'\n", bad=False, timeout=120))
A(C("size-build-32", ["build", "{spec}", "-f", "md,py,ipynb,tex", "--lang", "en,zh", "-o", "{out}"], (0, 2), mlp(32, 32, 32), bad=False, timeout=240))
A(C("size-train-max", ["build", "{spec}", "-f", "py", "--lang", "en", "-o", "{out}"], (0, 2), mlp(2, 2, 2) + "[full_dims]\nm=4096\nn_in=100\nn_h=100\n[train]\nsteps=10000\nlr=10\n", bad=False, timeout=240))
if __name__ == "__main__":
    main(cases, "res_num.json", jobs=1)
