"""Tabulates derive.checker on the held-out-style corpus tests/corpus50t.py (issue 11, fiftieth round, text side).

python bench/bench_check_corpus50t.py [-v] [--fast]   (the runner: bench/check_corpus.py)"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import check_corpus  # noqa: E402
import corpus50t  # noqa: E402

if __name__ == "__main__":
    check_corpus.main(corpus50t)
