import sys, json; sys.path.insert(0, str(__import__("pathlib").Path(__file__).parent))
from harness import C, main
from cases_spec import BASE
cases = []; A = cases.append
def K(id, args, codes=(2,), **kw): A(C(id, ["check", *args], codes, **kw))
# ---- check: formulas
nets = [("mlp-bce", "W1"), ("mlp-bce", "b2"), ("softmax-regression", "W"), ("chain", "w"), ("attention", None), ("batchnorm", None), ("rnn", None)]
forms = ["X.T @ dZ1", "A1.T @ (A2 - Y) / m", "__import__('os')", "(a:=1)", "f'{X}'", "lambda: 1", "[x for x in X]", "X[0]", "X[0:1]", "X.T.T.T", "X ** 9 ** 9 ** 9",
  "X ** 100000", "10 ** 10 ** 10", "9" * 5000, "1e400", "1e-400 * X", "(" * 10000 + "X" + ")" * 10000, "-" * 10000 + "X", "X" + " + X" * 3000, "np.dot(np.dot(np.dot(X.T, X), X.T), A2 - Y)",
  "X.astype(__import__('os'))", "X.astype(float)", "X.astype('float64')", "X.astype(np.float32)", "np.where(Z1 > 0, 1, 0)", "np.where(Z1 > 0)", "np.maximum(Z1, 0)", "np.einsum('ij,jk', X, X)", "np.linalg.inv(X)",
  "X.shape[0]", "X.shape[99]", "X.shape[-1]", "len(X)", "X.item()", "X.sum()", "X.sum(axis=5)", "np.sum(X, axis=(0, 1))", "np.ones((1, m)) @ X", "np.ones((99999, 99999))", "np.zeros((10**9, 10**9))", "np.ones(10**10)",
  "np.outer(X, X)", "X != X", "X == X", "X and X", "not X", "X if X else X", "X @ X @ X @ X", "X * 1j", "X / 0", "X / (m - m)", "0 / 0", "X ** -1", "np.log(0 * X)", "np.sqrt(-X)", "np.exp(1000 * X)",
  "np.exp(np.exp(np.exp(np.exp(X))))", "1 / np.ones((1,1)) * 0", "X.T @ ((A2 - Y) * 1e308 * 1e308)", "float('nan') * X", "np.nan * X", "np.inf * X", "nan", "inf", "np.float64('nan')", "int('9' * 5000)", "math.pi * X",
  "dW1 = X.T @ dZ1", "dW1 = ", "= X", "dW1 == X", "X; X", "X\nX", "X \\\n + X", "# X", "X # comment", "X\x00", "X\u202e", "Ｘ", "X\t", "’X’", "X''", "'''X'''", "r'X'", "b'X'",
  "sigmoid(Z1) * (1 - sigmoid(Z1))", "sigmoid(Z1, Z1)", "relu(Z1, k=1)", "softmax(Z1, axis=7)", "leaky_relu(Z1, slope=X)", "sum(X, axis=1.5)", "mean(X, axis=-3)", "g'(Z1)", "σ'(Z1)", "∂L/∂W1", "dL/dW1",
  "X.T.__class__", "X.T.__dict__", "getattr(X, 'T')", "vars()", "globals()", "breakpoint()", "print(X)", "input()", "exit()", "X[::-1]", "X[None]", "X[..., 0]", "X[m]", "X[1e9]", "X[-10**9]", "np.ones((1, 10**6)) @ np.ones((10**6, 1))",
  "np.ones((1,) * 64)", "np.random.rand(2, 2)", "np.array([[1, 2], [3, 4]])", "np.array(X)", "np.eye(10**5)", "np.full((2,2), 1e400)", "np.where(Z1 > 0, X, np.nan)", "np.sign(Z1) ** -1", "np.heaviside(Z1, 0.5)",
  "(Z1 > 0).astype(int)", "(Z1 > 0).astype(__import__)", "(Z1 > 0) * 1", "np.greater(Z1, 0).astype(np.int64) @ X", "1 if Z1 else 0", "X.T @ X @ X.T @ X" * 1, "np.ones((1, m)) @ X @ np.ones((n_in, 1))",
]
for net, wrt in nets:
    if wrt is None:
        continue
    for i, f in enumerate(forms):
        if net != "mlp-bce" and i % 8:  # fewer on other nets
            continue
        K(f"chk-{net}-{wrt}-{i:03d}", [net, "--wrt", wrt, "--", f], (0, 1, 2), bad=False)
for net in ["attention", "batchnorm", "rnn"]:
    K(f"chk-{net}-nowrt", [net, "X"], (0, 1, 2), bad=False)
    K(f"chk-{net}-bad", [net, "--wrt", "nope", "X"], (2,))
latex = ["\\input{/etc/passwd}", "\\def\\x{1}\\x", "\\newcommand{\\x}{1}", "\\csname relax\\endcsname", "\\catcode`\\^=13", "\\frac{}{}", "\\frac{1}", "{" * 10000, "}" * 10000, "\\left( X", "X \\right)", "\\\\", "% X", "$$X$$", "$X", "\\begin{matrix}1\\end{matrix}",
 "\\sum_{i=1}^{m} X", "\\mathbb{1}", "X^{9999999}", "X^{X^{X^{X^{X^{X}}}}}", "\\sqrt[3]{X}", "\\sqrt{-1}", "\\text{hello}", "∂L/∂W", "\\partial L / \\partial W^{[1]}", "\\nabla_W L", "\\operatorname{relu}(Z^{[1]})", "X \\cdot X", "X \\times X", "x" * 200000,
 "\\frac{" * 3000 + "1" + "}{1}" * 3000, "X^T", "X^{T}", "X^\\top (A^{[2]} - Y)", "\\frac{1}{m} A^{[1]T} (A^{[2]} - Y)", "\\frac{1}{0} X", "X^{-1}", "10^{400} X", "e^{1000}", "\\exp(1000 X)", "\\log 0", "\\mathrm{NaN}", "\\infty X", "\\hat{y}^{(i)}", "\\sum_i", "\\prod_{i} X", "\\int X dx",
 "\\verb|x|", "\\url{x}", "\\href{x}{y}", "\\include{x}", "\\openin", "\\write18{ls}", "\\immediate\\write18{ls}", "\\usepackage{x}", "\\begin{document}", "\\end{document}", "\\makeatletter", "\\@", "\\\\\\\\\\\\", "^^5cinput", "\\u0000", "\x00", "\\mathbf{X}^{\\mathsf{T}}", "X'", "X''''", "{}^T X",
 "X_{" + "i" * 10000 + "}", "\\left\\{X\\right.", "\\boldsymbol{\\delta}^{[2]}", "\\delta^{[99]}", "W^{[0]}", "W^{[-1]}", "W^{[1e9]}", "\\sigma'(Z^{[1]})", "g^{[1]\\prime}(Z^{[1]})", "\\mathbb{1}[Z^{[1]} > 0]", "\\mathbb{1}[", "[Z > 0]", "\\odot", "X \\odot", "\\frac{\\partial L}{\\partial W^{[1]}} = X^T dZ"]
for i, f in enumerate(latex):
    K(f"latex-{i:03d}", ["mlp-bce", "--latex", "--wrt", "W1", "--", f], (0, 1, 2), bad=False)
wrts = ["W1[0,0]", "W1[99,99]", "W1[-1,0]", "W1[0]", "w11", "W1[a,b]", "W1[0,0,0]", "W1[1e9,0]", "W1[", "", " ", "W1[0, 0]", "W1 [0,0]", "w99", "w0", "W1[00,01]", "W1[+0,0]", "W1[0x0,0]", "W1[९,0]", "X[0,0]", "L", "A2[0,0]", "Z1", "dW1", "W1.T", "W1[0,0]\n"]
for i, w in enumerate(wrts):
    K(f"wrt-{i:02d}", ["mlp-bce", "--wrt", w, "--value", "0.1"], (0, 1, 2), bad=False)
vals = ["nan", "NaN", "inf", "-inf", "1e400", "-0", "0x10", "1/3", "1,5", "  ", "", "9" * 5000, "1e-400", "١٢", "½", "1_000", "١.٥", "1e99999999999", "0." + "0" * 5000 + "1", "--1", "+-1", "1e", "e1", ".", "-.5e-3", "−0.01", "0.1\x00", "0.0", "True", "None", "1j", "(1)", "1+1"]
for i, v in enumerate(vals):
    K(f"value-{i:02d}", ["mlp-bce", "--wrt", "W1[0,0]", "--value", v], (0, 1, 2), bad=False)
for i, v in enumerate(["0", "1e-30", "-1e-30", "0.0"]):
    K(f"value-sat-{i}", ["{tmp}/sat.toml", "--wrt", "w[0,0]", "--value", v], (0, 1, 2), files={"sat.toml": "[network]\nname='sat'\n[inputs]\nx=[1,1]\ny=[1,1]\n[params]\nw=[1,1]\n[forward]\nz='x @ w'\na='sigmoid(z)'\nL='bce(a, y)'\n[values]\nx=37\nw=1\ny=1\n"}, bad=False)
for i, v in enumerate(["0", "-6", "-0.6", "6"]):
    K(f"value-kink-{i}", ["{tmp}/kink.toml", "--wrt", "w", "--value", v], (0, 1, 2), files={"kink.toml": "[network]\nname='kink'\n[inputs]\nx=[]\ny=[]\n[params]\nw=[]\nb=[]\n[forward]\nz='w * x + b'\na='relu(z)'\nL='(a - y) ** 2'\n[values]\nx=3\nw=0.1\nb=-0.3\ny=1\n"}, bad=False)
for i, o in enumerate([["--rtol", "-1"], ["--rtol", "nan"], ["--rtol", "inf"], ["--rtol", "1e400"], ["--digits", "0"], ["--digits", "-1"], ["--digits", "100000"], ["--digits", "9" * 30], ["--variant", "-1"], ["--variant", "1000000000"], ["--variant", "99999999999999999999999"], ["--seed", "-1"], ["--seed", "9" * 40], ["--answers", "{tmp}/none.json"], ["--answers", "{tmp}"], ["--answers", "/dev/zero"], ["--answers", "{tmp}/bad.json"], ["--answers", "{tmp}/arr.json"], ["--answers", "{tmp}/fifo"], ["--lang", "fr"], ["--json"], ["--json", "--lang", "zh"], ["--variant", "3", "--answers", "{tmp}/bad.json"]]):
    K(f"chkopt-{i:02d}", ["mlp-bce", "--wrt", "W1[0,0]", "--value", "0.1", *o], (0, 1, 2), files={"bad.json": "{not json", "arr.json": "[1,2,3]"}, pre="mkfifo fifo", timeout=20, bad=False)
K("chk-json-bad-formula", ["mlp-bce", "--json", "--wrt", "W1", "X.T @"], (2,), bad=False)
K("chk-spec-bad", ["{spec}", "--wrt", "W", "X"], (2,), spec="[network")
K("chk-spec-nan", ["{spec}", "--wrt", "W", "X.T @ (A - Y)"], (0, 1, 2), spec=BASE.replace("b = 0.1", "b = nan"))
K("chk-noargs", [], (2,))
K("chk-formula-and-value", ["mlp-bce", "--wrt", "W1", "--value", "1", "X"], (0, 1, 2), bad=False)
K("chk-value-nowrt", ["mlp-bce", "--value", "1"], (2,))
K("chk-value-matrix-wrt", ["mlp-bce", "--wrt", "W1", "--value", "1"], (0, 1, 2), bad=False)
K("chk-devzero-net", ["/dev/zero", "--wrt", "W", "X"], (2,))
K("chk-fifo-net", ["{tmp}/fifo", "--wrt", "W", "X"], (2,), pre="mkfifo fifo", timeout=20)
# ---- grade
GR = lambda id, content, codes=(0, 2), name="s.csv", extra=(), **kw: A(C(f"grade-{id}", ["grade", f"{{tmp}}/{name}", "-o", "{tmp}/r.csv", "--quiet", "-j", "1", *extra], codes, files={name: content} if content is not None else {}, bad=False, **kw))
hdr = "id,network,wrt,formula\n"
GR("empty", "")
GR("header-only", hdr)
GR("no-header", "1,mlp-bce,W1,X.T @ dZ1\n")
GR("missing-cols", "id,formula\n1,X\n")
GR("utf16", (hdr + "1,mlp-bce,W1,X\n").encode("utf-16"))
GR("latin1", (hdr + "1,mlp-bce,W1,\xe9\n").encode("latin-1"))
GR("bom", "\ufeff" + hdr + "1,mlp-bce,W1,X.T @ dZ1\n")
GR("nul", hdr + "1,mlp-bce,W1,X\x00\n")
GR("huge-row", hdr + "1,mlp-bce,W1," + "X+" * 500000 + "X\n", timeout=60)
GR("crlf", (hdr + "1,mlp-bce,W1,X.T @ dZ1\n").replace("\n", "\r\n"))
GR("unclosed-quote", hdr + '1,mlp-bce,W1,"X\n')
GR("many-cols", ",".join(f"c{i}" for i in range(100000)) + "\n" + ",".join("1" for i in range(100000)) + "\n")
GR("bad-net", hdr + "1,nosuch,W1,X\n")
GR("net-devzero", hdr + "1,/dev/zero,W1,X\n", timeout=30)
GR("net-fifo", hdr + "1,{fifo},W1,X\n", timeout=30)
GR("net-etc-passwd", hdr + "1,/etc/passwd,W1,X\n")
GR("net-dir", hdr + "1,/tmp,W1,X\n")
GR("many-rows", hdr + "".join(f"{i},mlp-bce,W1,X.T @ dZ1\n" for i in range(20000)), timeout=120)
GR("many-nets", hdr + "".join(f"{i},{n},W,X\n" for i, n in enumerate(["mlp-bce", "chain", "neuron", "relu-mlp", "tiny-mlp", "rnn", "attention", "batchnorm", "softmax-regression"])), timeout=120)
GR("jsonl-bad", "{bad\n", name="s.jsonl")
GR("jsonl-array", "[1,2]\n", name="s.jsonl")
GR("jsonl-nested", json.dumps({"id": {"a": [1]}, "network": ["mlp-bce"], "wrt": 5, "formula": {"x": 1}}) + "\n", name="s.jsonl")
GR("jsonl-numbers", json.dumps({"id": 1, "network": "mlp-bce", "wrt": "W1[0,0]", "value": 1e308}) + "\n", name="s.jsonl")
GR("jsonl-nan", '{"id": 1, "network": "mlp-bce", "wrt": "W1[0,0]", "value": NaN}\n', name="s.jsonl")
GR("jsonl-inf", '{"id": 1, "network": "mlp-bce", "wrt": "W1[0,0]", "value": Infinity}\n', name="s.jsonl")
GR("jsonl-deep", "[" * 100000 + "]" * 100000 + "\n", name="s.jsonl")
GR("jsonl-deep-obj", '{"a":' * 100000 + "1" + "}" * 100000 + "\n", name="s.jsonl")
GR("jsonl-bigint", '{"id": 1, "network": "mlp-bce", "wrt": "W1[0,0]", "value": ' + "9" * 5000 + "}\n", name="s.jsonl")
GR("jsonl-bool", '{"id": 1, "network": "mlp-bce", "wrt": "W1[0,0]", "value": true}\n', name="s.jsonl")
GR("jsonl-kind-bad", '{"id": 1, "network": "mlp-bce", "wrt": "W1", "formula": "X", "kind": "cobol"}\n', name="s.jsonl")
GR("jsonl-dup-id", '{"id": 1, "network": "mlp-bce", "wrt": "W1", "formula": "X"}\n{"id": 1, "network": "mlp-bce", "wrt": "W1", "formula": "X"}\n', name="s.jsonl")
GR("json-ext-csv-content", hdr + "1,mlp-bce,W1,X\n", name="s.json")
GR("binary", bytes(range(256)) * 10)
GR("dir", None, name="d", pre="mkdir d")
GR("fifo", None, name="fifo", pre="mkfifo fifo", timeout=20)
A(C("grade-devzero", ["grade", "/dev/zero", "-o", "{out}/r.csv", "--quiet"], (2,), timeout=30))
A(C("grade-devurandom", ["grade", "/dev/urandom", "-o", "{out}/r.csv", "--quiet"], (2,), timeout=30))
A(C("grade-missing", ["grade", "{tmp}/none.csv", "-o", "{out}/r.csv"], (2,)))
ok = hdr + "1,mlp-bce,W1,X.T @ dZ1\n"
for i, o in enumerate(["{out}", "{tmp}/s.csv", "/proc/self/x.csv", "{tmp}/nodir/r.csv", "{tmp}/r.txt", "{tmp}/r", "", "{tmp}/ro/r.csv", "{tmp}/link.csv", "{tmp}/r.JSON"]):
    A(C(f"grade-out-{i:02d}", ["grade", "{tmp}/s.csv", "-o", o, "--quiet", "-j", "1"], (0, 2), files={"s.csv": ok}, pre="mkdir ro && chmod 555 ro; ln -s /nonexistent/x link.csv", bad=False))
for i, j in enumerate(["0", "-1", "1000", "abc", "257"]):
    A(C(f"grade-jobs-{i}", ["grade", "{tmp}/s.csv", "-o", "{out}/r.csv", "-j", j], (0, 2), files={"s.csv": ok}, bad=False))
# ---- options / outputs / templates
B = lambda id, extra, codes=(2,), **kw: A(C(id, ["build", "chain", "-f", "md", "--lang", "en", "-o", "{out}", *extra], codes, **kw))
B("b-f-unknown", ["-f", "md,docx"])
B("b-f-dup", ["-f", "md,md"], (0, 2), bad=False)
B("b-f-space", ["-f", " md "], (0, 2), bad=False)
B("b-f-upper", ["-f", "MD"], (0, 2), bad=False)
B("b-lang-dup", ["--lang", "en,en"], (0, 2), bad=False)
B("b-lang-xx", ["--lang", "xx"])
B("b-lang-upper", ["--lang", "EN"], (0, 2), bad=False)
B("b-detail-bad", ["--detail", "huge"])
for i, v in enumerate(["-1", "abc", "5-1", "0-100000", "1-", "-", "1-2-3", "99999999999999999999", "0", "1-3", "1e3"]):
    A(C(f"b-variant-{i:02d}", ["build", "chain", "-f", "exercises", "--lang", "en", "-o", "{out}", "--variant", v], (0, 2), bad=False, timeout=60))
A(C("b-variant-no-exercises", ["build", "chain", "-f", "md", "--lang", "en", "-o", "{out}", "--variant", "1"], (0, 2), bad=False))
A(C("b-seed-neg", ["build", "chain", "-f", "exercises", "--lang", "en", "-o", "{out}", "--variant", "1", "--seed", "-5"], (0, 2), bad=False))
A(C("b-seed-huge", ["build", "chain", "-f", "exercises", "--lang", "en", "-o", "{out}", "--variant", "1", "--seed", "9" * 40], (0, 2), bad=False))
B("b-out-devfull", [], pre="", args_out="/dev/full") if False else None
for i, o in enumerate(["/dev/full", "/dev/zero", "/", "/etc", "/proc", "{tmp}/spec.toml/x", "-", "--", "~", "{tmp}/a\nb", "{tmp}/" + "x" * 256, "{tmp}/ro", "{tmp}/ro/sub", "{tmp}/link", "{tmp}/loop", "/tmp/attack/../attack/outx"]):
    A(C(f"b-out-{i:02d}", ["build", "chain", "-f", "md", "--lang", "en", "-o", o], (0, 2), spec="x", pre="mkdir ro && chmod 555 ro; ln -s /nonexistent link; ln -s loop loop", bad=False))
for i, tpl in enumerate([{"t/md/walkthrough.md.j2": "{% include 'md/walkthrough.md.j2' %}"}, {"t/md/walkthrough.md.j2": "{% include '/etc/passwd' %}"}, {"t/md/walkthrough.md.j2": "{% extends 'md/walkthrough.md.j2' %}"},
                         {"t/md/walkthrough.md.j2": "{{ 1/0 }}"}, {"t/md/walkthrough.md.j2": "{{ x.y.z }}"}, {"t/md/walkthrough.md.j2": "{% for i in range(10**9) %}{% endfor %}"}, {"t/md/walkthrough.md.j2": "{{ ''.__class__ }}"},
                         {"t/md/walkthrough.md.j2": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}"}, {"t/md/walkthrough.md.j2": "{% import 'nope.j2' as n %}"}, {"t/md/walkthrough.md.j2": "{{ w | nosuchfilter }}"},
                         {"t/md/walkthrough.md.j2": "{% nosuchtag %}"}, {"t/md/walkthrough.md.j2": "\x00\x01"}, {"t/md/walkthrough.md.j2": ""}, {"t/md/walkthrough.md.j2": "{{ raise }}"}, {"t/md": "file-not-dir"}, {"t/md/walkthrough.md.j2/x": "dir"}]):
    A(C(f"tpl-{i:02d}", ["build", "chain", "-f", "md", "--lang", "en", "-o", "{out}", "--templates", "{tmp}/t"], (0, 2), files=tpl, bad=False, timeout=60))
A(C("tpl-loop-symlink", ["build", "chain", "-f", "md", "--lang", "en", "-o", "{out}", "--templates", "{tmp}/t"], (0, 2), pre="mkdir -p t/md && ln -s walkthrough.md.j2 t/md/walkthrough.md.j2", bad=False))
A(C("tpl-fifo", ["build", "chain", "-f", "md", "--lang", "en", "-o", "{out}", "--templates", "{tmp}/t"], (0, 2), pre="mkdir -p t/md && mkfifo t/md/walkthrough.md.j2", bad=False, timeout=20))
A(C("tpl-noperm", ["build", "chain", "-f", "md", "--lang", "en", "-o", "{out}", "--templates", "{tmp}/t"], (0, 2), files={"t/md/walkthrough.md.j2": "x"}, pre="chmod 000 t/md/walkthrough.md.j2", bad=False))
# site
for i, o in enumerate([["--flavor", "word"], ["--lang", "xx"], ["--project-docs", "{tmp}/none"], ["--project-docs", "/etc/passwd"], ["--project-docs", "/"], ["-o", "{tmp}"], ["-o", "/dev/null"], ["-o", "{tmp}/spec.toml"], ["--lang", ""], ["--lang", "zh,en,zh"]]):
    A(C(f"site-{i:02d}", ["site", "chain", *([] if "-o" in o else ["-o", "{out}"]), *o], (0, 2), spec="x", bad=False, timeout=60))
# prove/list
for i, a in enumerate([["prove", "x" * 10000], ["prove", "../etc/passwd"], ["prove", ""], ["prove", "--lang", "xx", "sigmoid-bce"], ["prove", "sigmoid-bce", "extra"], ["list", "extra"], ["list", "--json"], ["--version"], ["--debug"], ["-h"], ["prove", "--list", "--lang", "zh"]]):
    A(C(f"misc-{i:02d}", a, (0, 2), bad=False))
# verify options
for i, a in enumerate([["--points", "0"], ["--points", "100"], ["--points", "101"], ["--points", "1.5"], ["--points", ""], ["--points", "99999999999999999999"]]):
    A(C(f"vopt-{i}", ["verify", "--no-torch", "chain", *a], (0, 2), bad=False, timeout=90))
if __name__ == "__main__":
    main([c for c in cases if c], "res_cli.json")
