"""Where `reader FILE`'s first paint goes before the UI: start-up imports, then load, clean and
build the Document for each sample and the 3 MB book. Prints medians over --runs runs.

    python benchmarks/bench_load.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import make_book

from reader.article import build_document
from reader.clean import clean
from reader.load import load_path

ROOT = Path(__file__).resolve().parents[1]


def median_ms(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def import_ms(module: str, runs: int) -> float:
    """Wall time of a fresh interpreter that imports `module` (and nothing else)."""
    argv = [sys.executable, "-c", f"import {module}"]
    return median_ms(lambda: subprocess.run(argv, check=True), runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    if not (make_book.DATA / "book.txt").exists():
        make_book.write_book(make_book.DATA)
    print(f"start-up, median of {args.runs} fresh interpreters")
    for module in ("sys", "textual.app", "reader.article", "widgets.app"):
        print(
            f"  python -c 'import {module}':".ljust(42) + f"{import_ms(module, args.runs):8.0f} ms"
        )
    book = [make_book.DATA / "book.txt", make_book.DATA / "book.md"]
    files = [*sorted((ROOT / "sample_articles").iterdir()), *book]
    rows = [("file", "size", "load", "clean", "build", "blocks")]
    for path in files:
        source = load_path(path)
        cleaned = clean(source)
        document = build_document(cleaned)
        rows.append(
            (
                path.name,
                f"{path.stat().st_size / 1000:.0f} KB",
                f"{median_ms(lambda p=path: load_path(p), args.runs):.0f} ms",
                f"{median_ms(lambda s=source: clean(s), args.runs):.0f} ms",
                f"{median_ms(lambda c=cleaned: build_document(c), args.runs):.0f} ms",
                str(len(document.blocks)),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    print(f"\nload, clean, build the Document; median of {args.runs} runs")
    for index, row in enumerate(rows):
        cells = [
            c.ljust(w) if i == 0 else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        print("  ".join(cells))
        if index == 0:
            print("  ".join("-" * w for w in widths))
    return 0


if __name__ == "__main__":
    sys.exit(main())
