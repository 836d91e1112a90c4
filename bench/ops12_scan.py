"""Scan of branch ops12 (bench/RESULTS.md, "ops 12"): one-line specs of spellings courses write,
each derived and compared with PyTorch running the ORIGINAL text (tests/spelled_oracle.py).

Run: PYTHONPATH=$PWD python bench/ops12_scan.py   (prints agree / refused / wrong per line)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

import spelled_oracle as so  # noqa: E402

HEAD = """
[dims]
m = 3
n = 4
[inputs]
X = ["m", "n"]
R = ["m", "n"]
Q = ["m", "n"]
y = ["m"]
[params]
W = ["n", "n"]
[forward]
Z = "X @ W"
"""
VALUES = """
[values]
X = [[0.5, -0.2, 0.1, 0.9], [-0.7, 0.3, 0.8, -0.1], [0.2, 0.6, -0.4, 0.3]]
W = [[0.3, -0.5, 0.2, 0.1], [0.7, 0.1, -0.3, 0.4], [-0.2, 0.6, 0.5, -0.8], [0.1, 0.2, 0.9, 0.3]]
R = [[0.2, -0.1, 0.4, 0.3], [0.5, 0.6, -0.2, 0.1], [-0.3, 0.2, 0.7, 0.8]]
Q = [[1.2, 0.1, 0.4, 0.3], [0.5, 0.6, 1.2, 0.1], [0.3, 0.2, 0.7, 0.8]]
y = [2, 0, 2]
"""
# (name, forward lines after Z; the last line's name is the loss)
LINES = [
    ("sum keepdim positional", ['s = "torch.sum(Z, 1, True)"', 'L = "(s * Z * R).sum()"']),
    ("mean keepdim positional", ['s = "torch.mean(Z, 1, True)"', 'L = "(s * Z * R).sum()"']),
    ("method sum(1, True)", ['s = "Z.sum(1, True)"', 'L = "(s * Z * R).sum()"']),
    ("method mean(0, True)", ['s = "Z.mean(0, True)"', 'L = "(s * Z * R).sum()"']),
    ("amax keepdim positional", ['s = "torch.amax(Z, 1, True)"', 'L = "(s * Z * R).sum()"']),
    ("prod keepdim positional", ['s = "torch.prod(Z, 1, True)"', 'L = "(s * R).sum()"']),
    ("var keepdim positional", ['s = "torch.var(Z, 1, True, True)"', 'L = "(s * R).sum()"']),
    ("std keepdim positional", ['s = "torch.std(Z, 1, False, True)"', 'L = "(s * R).sum()"']),
    ("ce ignore_index", ['L = "F.cross_entropy(Z, y, ignore_index=2)"']),
    ("ce ignore_index -100", ['L = "F.cross_entropy(Z, y, ignore_index=-100)"']),
    ("add alpha", ['L = "(Z.add(R, alpha=0.5) * R).sum()"']),
    ("torch.add alpha", ['L = "(torch.add(Z, R, alpha=-2) * R).sum()"']),
    ("sub alpha", ['L = "(Z.sub(R, alpha=0.3) ** 2).sum()"']),
    ("lerp", ['L = "(torch.lerp(Z, R, 0.3) ** 2).sum()"']),
    ("lerp tensor weight", ['L = "(torch.lerp(Z, R, Q) ** 2).sum()"']),
    ("hypot", ['L = "(torch.hypot(Z, R) * R).sum()"']),
    ("addcmul", ['L = "(torch.addcmul(Z, Z, R, value=0.5) * R).sum()"']),
    ("addcdiv", ['L = "(torch.addcdiv(Z, R, Q, value=2) * R).sum()"']),
    ("addmm beta alpha", ['L = "(torch.addmm(R, Z, W, beta=0.5, alpha=2) * R).sum()"']),
    ("dist", ['L = "torch.dist(Z, R)"']),
    ("dist p=1", ['L = "torch.dist(Z, R, 1)"']),
    ("einsum implicit", ['L = "np.einsum(\'ij,jk\', X, W).sum() + np.einsum(\'ij,ij\', Z, R)"']),
    ("normalize p=1", ['L = "(F.normalize(Z, p=1, dim=1) * R).sum()"']),
    ("pairwise_distance p=1", ['L = "F.pairwise_distance(Z, R, p=1).sum()"']),
    ("square", ['L = "(torch.square(Z) * R).sum()"']),
    ("rsub", ['L = "(torch.rsub(Z, R) ** 2 * R).sum()"']),
    ("true_divide", ['L = "(torch.true_divide(Z, Q) * R).sum()"']),
    ("np.negative", ['L = "(np.negative(Z) * R).sum()"']),
    ("np.reciprocal", ['L = "(np.reciprocal(Q + Z * Z) * R).sum()"']),
    ("special.expit", ['L = "(torch.special.expit(Z) * R).sum()"']),
    ("float_power", ['L = "(np.float_power(Q + Z * Z, 1.5) * R).sum()"']),
    ("pow_ in place", ['L = "(Z.pow_(2) * R).sum()"']),
    ("hardtanh 0.4 tie", ['L = "(F.hardtanh(Z, -0.3, 0.4) * R).sum()"']),
    ("clamp min 0.1 tie", ['L = "(torch.clamp(Z, min=0.1) * R).sum()"']),
    ("where 0.4 tie", ['L = "(torch.where(Z > 0.4, Z, 0.4 * Z) * R).sum()"']),
    ("np.clip 0.4 tie", ['L = "(np.clip(Z, -0.3, 0.4) * R).sum()"']),
]
# the ties: W chosen so that Z[0, 0] is exactly the float 0.4 / 0.1 (X[0] = e_0-ish)
TIE = {
    "hardtanh 0.4 tie": 0.4, "where 0.4 tie": 0.4, "np.clip 0.4 tie": 0.4,
    "clamp min 0.1 tie": 0.1,
}


def spec_text(lines: list[str], tie: float | None) -> str:
    values = VALUES
    if tie is not None:  # X[0] = e_0, W[0, 0] = tie: Z[0, 0] = 1.0 * tie + 0s, exactly tie
        values = values.replace("[0.5, -0.2, 0.1, 0.9]", "[1.0, 0.0, 0.0, 0.0]")
        values = values.replace("[[0.3, -0.5", f"[[{tie!r}, -0.5")
    return HEAD + "\n".join(lines) + "\n" + values


def main() -> None:
    counts: dict[str, int] = {}
    for name, lines in LINES:
        text = spec_text(lines, TIE.get(name))
        out = so.oracle_text(text, name.replace(" ", "_"))
        if out.status == "DISAGREE":  # refused by verify/check's guards before any ✓/✗?
            d = so.derive(so.spec_mod.parse(text, "scan"))
            try:
                so.numeric.spelled_ties(d, so.numeric.example_point(d.graph))
            except so.numeric.ExampleValueError as err:
                out.status, out.reason = "derive-error", f"guard: {err}"
        kind = {"agree": "agree", "derive-error": "refused", "DISAGREE": "WRONG"}.get(
            out.status, out.status
        )
        counts[kind] = counts.get(kind, 0) + 1
        print(f"{kind:8s} {name:28s} {out.reason[:110]}")
    print(counts)


if __name__ == "__main__":
    main()
