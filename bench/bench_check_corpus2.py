"""Tabulates derive.checker on the red-team corpus tests/data/check_corpus2.jsonl (issue 11).

python bench/bench_check_corpus2.py [-v] [--fast]   (the runner: bench/check_corpus.py)"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
import check_corpus  # noqa: E402
import corpus2  # noqa: E402

if __name__ == "__main__":
    check_corpus.main(corpus2)
