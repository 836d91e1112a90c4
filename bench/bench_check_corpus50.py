"""Tabulates derive.checker on the held-out-style corpus tests/corpus50.py (issue 11, fiftieth round).

python bench/bench_check_corpus50.py [-v] [--fast]   (the runner: bench/check_corpus.py)"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import check_corpus  # noqa: E402
import corpus50  # noqa: E402

if __name__ == "__main__":
    check_corpus.main(corpus50)
