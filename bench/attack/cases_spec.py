import sys; sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from harness import C, main

BASE = """
[network]
name = "h"
title = "A hostile test"
[dims]
m = 2
[inputs]
X = ["m", 2]
Y = ["m", 1]
[params]
W = [2, 1]
b = [1, 1]
[forward]
Z = "X @ W + b"
A = "sigmoid(Z)"
L = "mse(A, Y)"
[values]
X = [[0.5, 0.1], [0.2, 0.3]]
Y = [[1], [0]]
W = [[0.1], [0.2]]
b = 0.1
"""
def sp(*pairs):
    t = BASE
    for old, new in pairs:
        assert old in t, old
        t = t.replace(old, new, 1)
    return t
def V(id, text, codes=(2,), says="", **kw):
    return C(id, ["verify", "--no-torch", "{spec}"], codes, text, says=says, **kw)
F = lambda e: sp(('"sigmoid(Z)"', '"' + e + '"'))
cases = []
A = cases.append
# --- TOML types / structure
A(V("dim-bool", sp(("m = 2", "m = true"))))
A(V("dim-string", sp(("m = 2", 'm = "2"'))))
A(V("dim-list", sp(("m = 2", "m = [2]"))))
A(V("dim-huge", sp(("m = 2", "m = 9223372036854775807"))))
A(V("dim-bigint", sp(("m = 2", "m = 99999999999999999999999"))))
A(V("dim-5000-digits", sp(("m = 2", "m = " + "9" * 5000))))
A(V("value-5000-digits", sp(("b = 0.1", "b = " + "9" * 5000))))
A(V("value-float-400-digits", sp(("b = 0.1", "b = 0." + "1" * 5000))))
A(V("value-bigint", sp(("b = 0.1", "b = 123456789012345678901234567890"))))
A(V("dim-float-int", sp(("m = 2", "m = 2.0"))))
A(V("dim-inf", sp(("m = 2", "m = inf"))))
A(V("dim-nan", sp(("m = 2", "m = nan"))))
A(V("dim-table", sp(("m = 2", "m = {a=1}"))))
A(V("dim-unicode-name", sp(("m = 2", "ｍ = 2"))))
A(V("dim-name-keyword", sp(("m = 2", "m = 2\nlambda = 3"))))
A(V("dim-name-func", sp(("m = 2", "m = 2\nsigmoid = 3"))))
A(V("dim-shadow-input", sp(("m = 2", "m = 2\nX = 2"))))
A(V("dim-name-L", sp(("m = 2", "m = 2\nL = 2"))))
A(V("shape-bool", sp(('X = ["m", 2]', 'X = ["m", true]'))))
A(V("shape-string", sp(('X = ["m", 2]', 'X = "m"'))))
A(V("shape-3d", sp(('X = ["m", 2]', 'X = ["m", 2, 1]'))))
A(V("shape-1d", sp(('X = ["m", 2]', 'X = ["m"]'))))
A(V("shape-zero", sp(('X = ["m", 2]', 'X = ["m", 0]'))))
A(V("shape-neg", sp(('X = ["m", 2]', 'X = ["m", -2]'))))
A(V("shape-float", sp(('X = ["m", 2]', 'X = ["m", 2.0]'))))
A(V("shape-unknown-dim", sp(('X = ["m", 2]', 'X = ["m", "q"]'))))
A(V("shape-nested", sp(('X = ["m", 2]', 'X = [["m"], 2]'))))
A(V("shape-table-noshape", sp(('X = ["m", 2]', 'X = { kind = "data" }'))))
A(V("shape-table-badkind", sp(('X = ["m", 2]', 'X = { shape = ["m", 2], kind = "image" }'))))
A(V("shape-table-extra", sp(('X = ["m", 2]', 'X = { shape = ["m", 2], dtype = "f" }'))))
A(V("onehot-param", sp(('W = [2, 1]', 'W = { shape = [2, 1], kind = "one-hot" }'))))
A(V("onehot-values-bad", sp(('Y = ["m", 1]', 'Y = { shape = ["m", 1], kind = "one-hot" }'), ("Y = [[1], [0]]", "Y = [[0.5], [2]]"))))
A(V("onehot-kind-number", sp(('Y = ["m", 1]', 'Y = { shape = ["m", 1], kind = 1 }'))))
A(V("inputs-not-table", sp(("[inputs]\nX", "inputs = 3\n[inputs2]\nX"))))
A(V("forward-array", sp(('A = "sigmoid(Z)"', 'A = ["sigmoid(Z)"]'))))
A(V("forward-empty-string", sp(('A = "sigmoid(Z)"', 'A = ""'))))
A(V("forward-whitespace", sp(('A = "sigmoid(Z)"', 'A = "   "'))))
A(V("forward-newline", sp(('A = "sigmoid(Z)"', 'A = """sigmoid(\nZ)"""')), codes=(0, 2)))
A(V("forward-comment", sp(('A = "sigmoid(Z)"', 'A = "sigmoid(Z) # hi"')), codes=(0, 2)))
A(V("forward-empty", sp(('Z = "X @ W + b"\nA = "sigmoid(Z)"\nL = "mse(A, Y)"', ""))))
A(V("inputs-empty", sp(('X = ["m", 2]\nY = ["m", 1]', ""))))
A(V("dims-empty-used", sp(("m = 2", ""))))
A(V("dup-key", sp(("m = 2", "m = 2\nm = 3"))))
A(V("dup-table", sp(("[dims]", "[dims]\n[dims]"))))
A(V("dotted-key", sp(('A = "sigmoid(Z)"', 'A.x = "sigmoid(Z)"'))))
A(V("array-of-tables", sp(("[values]", "[[values]]"))))
A(V("deep-array-values", sp(("b = 0.1", "b = " + "[" * 5000 + "]" * 5000))))
A(V("deep-array-20k", sp(("b = 0.1", "b = " + "[" * 20000 + "1" + "]" * 20000))))
A(V("deep-inline-table", sp(("b = 0.1", "b = " + "{a=" * 3000 + "1" + "}" * 3000))))
A(V("bom", "\ufeff" + BASE, codes=(0, 2)))
A(V("crlf", BASE.replace("\n", "\r\n"), codes=(0,), bad=False))
A(V("cr-only", BASE.replace("\n", "\r")))
A(V("utf16", BASE.encode("utf-16")))
A(V("nul-in-title", sp(('title = "A hostile test"', 'title = "a\\u0000b"')), codes=(0,), bad=False))
A(V("title-1mb", sp(('title = "A hostile test"', 'title = "' + "x" * 990_000 + '"')), codes=(0, 2)))
A(V("title-table-bad", sp(('title = "A hostile test"', 'title = { en = 1 }'))))
A(V("title-table-lang", sp(('title = "A hostile test"', 'title = { fr = "x" }'))))
A(V("title-table-empty", sp(('title = "A hostile test"', 'title = {}'))))
A(V("title-empty", sp(('title = "A hostile test"', 'title = ""')), codes=(0, 2), bad=False))
A(V("description-number", sp(('title = "A hostile test"', 'title = "t"\ndescription = 5'))))
A(V("network-not-table", sp(("[network]\nname = \"h\"\ntitle = \"A hostile test\"", "network = 5"))))
A(V("name-missing", sp(('name = "h"\n', ''))))
A(V("name-uppercase", sp(('name = "h"', 'name = "H"'))))
A(V("name-dotdot", sp(('name = "h"', 'name = ".."'))))
A(V("name-slash", sp(('name = "h"', 'name = "a/b"'))))
A(V("name-proofs", sp(('name = "h"', 'name = "proofs"')), codes=(0, 2), bad=False))
A(V("name-long", sp(('name = "h"', 'name = "' + "a" * 49 + '"'))))
A(V("name-trailing-newline", sp(('name = "h"', 'name = "h\\n"'))))
A(V("name-digit-only", sp(('name = "h"', 'name = "1"')), codes=(0,), bad=False))
# --- names shadowing things
for nm in ["e", "E", "I", "N", "S", "Q", "O", "oo", "zoo", "nan", "inf", "pi", "True", "None", "self", "cls",
           "math", "torch", "sp", "sympy", "np", "exec", "eval", "open", "os", "sys", "Matrix", "Symbol",
           "sum", "mean", "T", "dL", "d", "grad", "lambda", "print", "float", "int", "len", "range",
           "x_", "W__", "A1_", "L_", "Lambda", "beta", "gamma", "lamda", "Abs", "exp", "sqrt", "max", "where", "dW", "Z_T", "X_T", "shape", "item", "astype",
           "B" * 32, "iota", "theta", "alpha_", "dot", "outer", "zeros", "ones", "relu_grad", "leaky_grad", "sign", "softplus", "rnd", "rng", "seed", "result", "cache", "fd", "eps", "h", "tol", "loss", "step", "layer", "m_", "i", "j", "k", "n"]:
    A(V(f"pname-{nm}", sp(("W = [2, 1]", f"{nm} = [2, 1]"), ('"X @ W + b"', f'"X @ {nm} + b"'), ("W = [[0.1], [0.2]]", f"{nm} = [[0.1], [0.2]]")), codes=(0, 2), bad=False))
for nm in ["print", "for", "e", "lambda_", "np", "L_", "dX", "pi_", "X", "Y_"]:
    A(C(f"pname-build-{nm}", ["build", "{spec}", "-f", "py,md,ipynb,tex", "--lang", "en,zh", "-o", "{out}"], (0, 2),
        sp(("W = [2, 1]", f"{nm} = [2, 1]"), ('"X @ W + b"', f'"X @ {nm} + b"'), ("W = [[0.1], [0.2]]", f"{nm} = [[0.1], [0.2]]")) if nm not in ("X",) else sp(("W = [2, 1]", "W_ = [2, 1]"),('"X @ W + b"', '"X @ W_ + b"'), ("W = [[0.1], [0.2]]", "W_ = [[0.1], [0.2]]")), bad=False))
# --- node names
for nm in ["Z_", "dZ", "L2", "loss", "Y_hat", "A__", "sum_", "d"]:
    A(V(f"nname-{nm}", sp(('A = "sigmoid(Z)"', f'{nm} = "sigmoid(Z)"'), ('"mse(A, Y)"', f'"mse({nm}, Y)"')), codes=(0, 2), bad=False))
A(V("loss-not-L", sp(('L = "mse(A, Y)"', 'J = "mse(A, Y)"')), codes=(0, 2), bad=False))
A(V("two-losses", sp(('L = "mse(A, Y)"', 'L = "mse(A, Y)"\nJ = "mse(A, Y)"'))))
A(V("self-ref", sp(('A = "sigmoid(Z)"', 'A = "sigmoid(A)"'))))
A(V("forward-ref", sp(('Z = "X @ W + b"', 'Z = "X @ W + b + 0 * A"'))))
A(V("loss-no-param", sp(('L = "mse(A, Y)"', 'L = "mse(X, X)"')), codes=(0, 2)))
A(V("loss-const", sp(('L = "mse(A, Y)"', 'L = "sum(Y)"'))))
A(V("loss-of-target-only", sp(('L = "mse(A, Y)"', 'L = "mse(Y, Y)"'))))
A(V("target-dep-param", sp(('L = "mse(A, Y)"', 'L = "mse(A, sigmoid(Z))"')), codes=(0, 2), bad=False))
A(V("unused-param", sp(("b = [1, 1]", "b = [1, 1]\nU = [2, 2]")), codes=(0, 2), bad=False))
A(V("unused-node", sp(('A = "sigmoid(Z)"', 'A = "sigmoid(Z)"\nK = "relu(Z)"')), codes=(0, 2), bad=False))
A(V("assign-to-input", sp(('A = "sigmoid(Z)"', 'A = "sigmoid(Z)"\nX = "Z"'))))
# --- forward syntax forms
forms = ["X@W+b", "-sigmoid(Z)", "+sigmoid(Z)", "Z - -Z", "2 * Z", "Z / 2", "Z // 2", "Z % 2", "Z ** 0.5", "Z ** -1",
 "Z ** W", "Z ** 1e10", "Z ** (1/3)", "Z ** 2 ** 3", "Z > 0", "Z and Z", "not Z", "Z & Z", "Z ^ Z", "~Z", "Z << 1",
 "Z[0]", "Z[0:1]", "Z.T", "Z.T.T", "Z.shape", "Z.real", "sigmoid(*Z)", "sigmoid(**{})", "f'{Z}'", "'a'", "b'a'", "1j", "Z * 1j",
 "(a := Z)", "lambda: Z", "[z for z in Z]", "{Z: 1}", "{Z}", "(Z, Z)", "*Z", "await Z", "(yield Z)", "Z if Z else Z",
 "1_000 * Z", "0x10 * Z", "0b1 * Z", "1e-400 * Z", "1e308 * 10 * Z", "Z * " + "9" * 5000, "Z * 10 ** 400", "True * Z", "None", "...",
 "pi * Z", "e * Z", "Z / 0", "Z / (1 - 1)", "log(0 * Z)", "sqrt(-1 - Z * Z)", "exp(1000 * Z)", "Z ** -1 * 0", "abs(Z)",
 "sum(Z, axis=-1)", "sum(Z, axis=1.5)", "sum(Z, axis=True)", "mean(Z, 0)", "softmax(Z, axis=0)", "leaky_relu(Z, slope=-1)",
 "leaky_relu(Z, 1e400)", "leaky_relu(Z, slope=nan)", "sigmoid(Z)(1)", "sigmoid", "Z(1)", "Z.sigmoid()", "sigmoid(Z=Z)", "getattr(Z, 'T')",
 "-" * 1900 + "Z", "(" * 1000 + "Z" + ")" * 1000, "(" * 39 + "Z" + ")" * 39, "sigmoid(" * 45 + "Z" + ")" * 45,
 "Z" + " + Z" * 600, "Z" + " * Z" * 600, "Z ** 16", "Z ** 17", "Z ** 2.5", "Z ** -0.5", "Z ** 0", "0 ** Z", "2 ** Z", "Z ** Z", "Z @ Z.T @ Z",
 "Z @ 2", "2 @ Z", "Z.T @ Z", "sum(Z)", "sum(Z, 0)", "sum(Z, axis=0, keepdims=True)", "mean(Z, axis=(0,1))", "relu(Z) * sign(Z)",
 "sign(Z)", "relu_grad(Z)", "leaky_grad(Z, 0.1)", "softplus(Z)", "log_softmax(Z)", "softmax(Z)", "tanh(Z) ** 40", "exp(exp(exp(Z)))",
 "log(log(log(Z)))", "sqrt(sqrt(Z * Z))", "Z / Z", "Z - Z", "0 * Z", "Z * 0 + 1", "X", "W", "b", "Y", "1", "1.5",
 "sigmoid(Z) \\ 1", "sigmoid(Z);", "\u200bsigmoid(Z)", "sigmoid(Z)\u00a0", "ｓｉｇｍｏｉｄ(Z)", "σ(Z)", "sigmoid(Ｚ)", "Z\\\\n", "#", "sigmoid(Z))", "sigmoid((Z)",
 "__builtins__", "Z.__dict__", "().__class__", "sigmoid.__globals__", "print(1)", "open('/etc/passwd')", "exec('1')", "eval('1')", "__import__('os').system('touch /tmp/attack/pwned')",
 "sigmoid(Z).astype(__import__('os'))", "Z.astype('float')", "Z.item()", "Z.sum()", "Z.mean(axis=0)", "max(Z, 0)", "maximum(0, Z)", "where(Z > 0, Z, 0)", "np.exp(Z)", "numpy.exp(Z)", "math.exp(Z)", "sp.exp(Z)", "torch.sigmoid(Z)",
]
for i, f in enumerate(forms):
    A(V(f"form-{i:03d}", F(f), codes=(0, 1, 2), bad=False))
# constants
A(V("const-nan", sp(("[forward]", "[constants]\nc = nan\n[forward]"))))
A(V("const-string", sp(("[forward]", 'X2 = 1\n[constants]\nc = "1"\n[forward]'))))
A(V("const-huge", sp(("[forward]", "[constants]\nc = 1e308\n[forward]"), ('"sigmoid(Z)"', '"sigmoid(c * Z)"')), codes=(0, 2)))
A(V("const-big-int", sp(("[forward]", "[constants]\nc = 12345678901234567890123\n[forward]"), ('"sigmoid(Z)"', '"sigmoid(c * Z)"')), codes=(0, 2)))
A(V("const-zero-div", sp(("[forward]", "[constants]\nc = 0\n[forward]"), ('"sigmoid(Z)"', '"sigmoid(Z / c)"'))))
A(V("const-as-exponent", sp(("[forward]", "[constants]\nc = 100000\n[forward]"), ('"sigmoid(Z)"', '"Z ** c"'))))
A(V("const-as-slope", sp(("[forward]", "[constants]\nc = 0.1\n[forward]"), ('"sigmoid(Z)"', '"leaky_relu(Z, c)"')), codes=(0,), bad=False))
A(V("const-tiny", sp(("[forward]", "[constants]\nc = 1e-320\n[forward]"), ('"sigmoid(Z)"', '"sigmoid(c * Z)"')), codes=(0, 2)))
A(V("const-dup-dim", sp(("[forward]", "[constants]\nm = 3\n[forward]"))))
A(V("const-bool", sp(("[forward]", "[constants]\nc = true\n[forward]"))))
A(V("const-array", sp(("[forward]", "[constants]\nc = [1, 2]\n[forward]"))))
# labels
for i, lab in enumerate(["\\\\input{/etc/passwd}", "}", "$", "%", "\\\\def\\\\x{1}", "x" * 100000, "ω", "a_b", "a^b", "", " ", "w\\n1", "w\\u0000", "{{ 7*7 }}", "<script>", "w`1", "w|1", "\\\\", "#"]):
    A(C(f"label-{i:02d}", ["build", "{spec}", "-f", "md,tex,py,ipynb", "--lang", "en", "-o", "{out}"], (0, 2),
        sp(("b = 0.1", 'b = 0.1\n[labels]\nW = [["' + lab + '"], ["w2"]]')), bad=False))
A(V("labels-wrong-shape", sp(("b = 0.1", 'b = 0.1\n[labels]\nW = [["w1"]]'))))
A(V("labels-number", sp(("b = 0.1", 'b = 0.1\n[labels]\nW = [[1], [2]]'))))
A(V("labels-node", sp(("b = 0.1", 'b = 0.1\n[labels]\nZ = [["z1"], ["z2"]]')), codes=(0, 2), bad=False))
A(V("labels-flat", sp(("b = 0.1", 'b = 0.1\n[labels]\nW = ["w1", "w2"]')), codes=(0, 2)))
A(V("labels-clash-dim", sp(("b = 0.1", 'b = 0.1\n[labels]\nW = [["m"], ["w2"]]'))))
A(V("labels-clash-func", sp(("b = 0.1", 'b = 0.1\n[labels]\nW = [["sigmoid"], ["w2"]]'))))
A(V("labels-clash-dW", sp(("b = 0.1", 'b = 0.1\n[labels]\nW = [["dW"], ["w2"]]')), codes=(0, 2)))
# train/full_dims
for i, t in enumerate(["steps = true", "lr = nan", "lr = inf", "every = 0", "every = -1", "seed = true", "lr = true", "steps = 1.0", "steps = 1e3", "lr = \"0.1\"", "every = 1e9"]):
    A(V(f"train-{i:02d}", sp(("b = 0.1", "b = 0.1\n[train]\n" + t))))
for i, t in enumerate(["m = 0", "m = true", "m = 2.0", "m = -1", "q = 1", "m = 10000000", "m = \"big\"", "m = [2]"]):
    A(V(f"full-{i:02d}", sp(("b = 0.1", "b = 0.1\n[full_dims]\n" + t))))
# values variants
for i, v in enumerate(['"nan"', '"inf"', '"1e999"', "1e-320", "-0.0", "1e308", "0x10", '""', "[]", "[[]]", "[[1, 2]]", "[[[0.1]]]", '"0.1"', "1e-308", "-1e-320"]):
    A(V(f"val-b-{i:02d}", sp(("b = 0.1", "b = " + v)), codes=(0, 2), bad=False))
A(V("val-node", sp(("b = 0.1", "b = 0.1\nZ = [[1], [2]]"))))
A(V("val-X-huge", sp(("X = [[0.5, 0.1], [0.2, 0.3]]", "X = [[1e200, 0.1], [0.2, 0.3]]")), codes=(0, 2)))
A(V("val-X-tiny", sp(("X = [[0.5, 0.1], [0.2, 0.3]]", "X = [[1e-200, 1e-300], [0.2, 0.3]]")), codes=(0, 2)))
A(V("val-Y-huge", sp(("Y = [[1], [0]]", "Y = [[1e300], [0]]")), codes=(0, 2)))
A(V("values-not-table", sp(("[values]\n", "values = 1\n[junk]\n"))))
A(V("values-empty", sp(("X = [[0.5, 0.1], [0.2, 0.3]]\nY = [[1], [0]]\nW = [[0.1], [0.2]]\nb = 0.1", "")), codes=(0,), bad=False))
A(V("values-partial", sp(("X = [[0.5, 0.1], [0.2, 0.3]]\n", "")), codes=(0, 2), bad=False))
# files
A(C("fifo", ["verify", "{tmp}/fifo"], (2,), pre="mkfifo fifo", timeout=20))
A(C("dev-urandom", ["verify", "/dev/urandom"], (2,)))
A(C("dev-stdin", ["verify", "/dev/stdin"], (2,), stdin=BASE, bad=False, timeout=20))
A(C("dev-null", ["verify", "/dev/null"], (2,)))
A(C("dev-full", ["verify", "/dev/full"], (2,)))
A(C("proc-self-mem", ["verify", "/proc/self/mem"], (2,)))
A(C("proc-kmsg", ["verify", "/proc/kmsg"], (2,), timeout=20))
A(C("symlink-loop", ["verify", "{tmp}/loop.toml"], (2,), pre="ln -s loop.toml loop.toml"))
A(C("no-perm", ["verify", "{tmp}/spec.toml"], (2,), BASE, pre="chmod 000 spec.toml"))
A(C("dir-toml", ["verify", "{tmp}/d.toml"], (2,), pre="mkdir d.toml"))
A(C("dash-file", ["verify", "-"], (2,), stdin=BASE, bad=False))
A(C("path-nul", ["verify", "a\x01b.toml"], (2,)))
A(C("path-long", ["verify", "x" * 5000 + ".toml"], (2,)))
A(C("path-newline", ["verify", "a\nb.toml"], (2,)))
A(C("not-toml-ext", ["verify", "{tmp}/spec.txt"], (0, 2), files={"spec.txt": BASE}, bad=False))
A(C("builtin-and-path", ["verify", "--no-torch", "chain", "{spec}"], (0, 2), BASE.replace('name = "h"', 'name = "chain"'), bad=False))
A(C("same-spec-twice", ["verify", "--no-torch", "{spec}", "{spec}"], (0, 2), BASE, bad=False))
A(C("build-same-spec-twice", ["build", "{spec}", "{spec}", "-f", "md", "-o", "{out}"], (0, 2), BASE, bad=False))
A(C("gz-file", ["verify", "{tmp}/s.toml"], (2,), files={"s.toml": bytes.fromhex("1f8b0800000000000003") + b"\x00" * 50}))
A(C("exactly-cap", ["verify", "--no-torch", "{spec}"], (0, 2), BASE + "#" * (1_000_000 - len(BASE.encode()) - 1) + "\n", bad=False))
A(C("cap-plus-one", ["verify", "{spec}"], (2,), BASE + "#" * (1_000_000 - len(BASE.encode())) + "\n"))
A(C("many-tensors", ["verify", "--no-torch", "{spec}"], (0, 2), sp(("b = [1, 1]", "b = [1, 1]\n" + "\n".join(f"U{i} = [1, 1]" for i in range(3000)))), bad=False))
A(C("many-nodes", ["verify", "--no-torch", "{spec}"], (0, 2), sp(('A = "sigmoid(Z)"', "\n".join(f'A{i} = "{"Z" if i == 0 else f"A{i-1}"} + 0"' for i in range(3000)) + '\nA = "sigmoid(A2999)"')), bad=False, timeout=60))
A(C("many-dims", ["verify", "--no-torch", "{spec}"], (0, 2), sp(("m = 2", "m = 2\n" + "\n".join(f"d{i} = 1" for i in range(50000)))), bad=False))
if __name__ == "__main__":
    main(cases, "res_spec.json")
