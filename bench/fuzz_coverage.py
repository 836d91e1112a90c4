"""Which of the language's op rows and spellings the random-network generator writes (issue 9
item 9: "every function"). Round 27 (spellings27).

    PYTHONPATH=. python bench/fuzz_coverage.py [N] [--max-dim 8]

Op rows: the table's ops (derive.lang.ops.table(), but the internal helper rows a spelling
writes) met in the parsed [forward] trees of seeds 0…N−1. Spellings: the names of
derive.lang.spelling.REWRITES and the converter's own readers (derive/lang/expr.py) met as a
call's last name (``np.tril`` → ``tril``, ``x.sum(1)`` → ``sum``) in the written text.
"""

from __future__ import annotations

import argparse
import ast
import sys
import tomllib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from derive.errors import BadInput  # noqa: E402
from derive.lang import ops, spelling  # noqa: E402
from derive.numeric import fuzz  # noqa: E402

# the converter's readers outside spelling.REWRITES (derive/lang/expr.py)
CONVERTER = (
    "tril", "triu", "diag", "diagonal", "trace", "arange", "trapz", "trapezoid",
    "take_along_axis", "take_along_dim", "gather", "pdist", "var_mean", "std_mean", "cov",
    "cumsum", "cumprod", "prod", "glu", "flip", "fliplr", "flipud", "roll", "reshape", "view",
    "squeeze", "unsqueeze", "flatten", "split", "chunk", "hsplit", "vsplit", "eye", "ones",
    "zeros", "tile", "repeat", "expand", "broadcast_to", "one_hot", "argmax", "numel", "size",
    "len", "maximum", "minimum", "square", "embedding", "where",
)


def op_rows() -> list[str]:
    return sorted(n for n in ops.table() if n not in fuzz.INTERNAL_ROWS)


def spellings() -> list[str]:
    return sorted({*spelling.REWRITES, *CONVERTER} - {"argmax", "argmin", "median", "nanmedian",
                                                      "quantile", "percentile"} | {"argmax"})


def rows_in(text: str) -> set[str]:
    try:
        return fuzz.rows_in(text)
    except BadInput:  # refused at reading: no rows (bench/bench_fuzz.py counts the refusals)
        return set()


def names_in(text: str) -> set[str]:
    found: set[str] = set()
    for line in tomllib.loads(text).get("forward", {}).values():
        try:
            tree = ast.parse(str(line), mode="eval")
        except SyntaxError:
            continue
        for n in ast.walk(tree):
            if isinstance(n, ast.Call):
                f = n.func
                found.add(f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", ""))
    return found


def coverage(seeds: range, max_dim: int = 8) -> tuple[dict[str, int], dict[str, int]]:
    rows = dict.fromkeys(op_rows(), 0)
    names = dict.fromkeys(spellings(), 0)
    for seed in seeds:
        text = fuzz.random_spec(seed, max_dim=max_dim)
        for r in rows_in(text):
            if r in rows:
                rows[r] += 1
        for n in names_in(text):
            if n in names:
                names[n] += 1
    return rows, names


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("n", nargs="?", type=int, default=500)
    ap.add_argument("--max-dim", type=int, default=8)
    args = ap.parse_args()
    rows, names = coverage(range(args.n), args.max_dim)
    got_rows = sorted(k for k, v in rows.items() if v)
    got_names = sorted(k for k, v in names.items() if v)
    print(f"op rows: {len(got_rows)} of {len(rows)} generated in seeds 0…{args.n - 1}")
    print("  missing:", " ".join(sorted(set(rows) - set(got_rows))))
    print(f"spellings: {len(got_names)} of {len(names)}")
    print("  missing:", " ".join(sorted(set(names) - set(got_names))))
    print("  counts:", " ".join(f"{k}={v}" for k, v in sorted(names.items()) if v))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
