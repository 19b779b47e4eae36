"""Cleaning speed: `reader clean` on a 1 MB page and on a single 10 MB line, and pages/second.

Prints numbers; asserts nothing. Runs are interleaved and their median and least are shown:
on a shared machine the least is the machine's quiet speed, the median what one run may take.
Targets from issue 3: a 1 MB page in <= 0.5 s of process time; a 10 MB single line handled
without hanging.

    python benchmarks/bench_clean.py [--data ../shared/cleaning/dev]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "sample_articles" / "independent-assad-flee-syria.txt"
DEFAULT_DATA = (
    Path(os.environ.get("READER_CLEANING_DATA") or ROOT.parent / "shared" / "cleaning") / "dev"
)


def _reader() -> list[str]:
    script = Path(sys.executable).with_name("reader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


def run_clean(path: Path, *extra: str) -> tuple[float, float, int]:
    """(wall seconds, child process CPU seconds, exit status) of `reader clean PATH`."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(
        [*_reader(), "clean", str(path), *extra],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        timeout=600,
        check=False,
    )
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.returncode


def one_megabyte_page(folder: Path) -> Path:
    """A saved page of about 1 MB: dev pages' text one after another (or the seed repeated)."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(DEFAULT_DATA.glob("*[0-9a-f].txt"))]
    texts = texts or [SEED.read_text(encoding="utf-8")]
    parts: list[str] = []
    size = 0
    index = 0
    while size < 1_000_000:
        parts.append(texts[index % len(texts)])
        size += len(parts[-1].encode())
        index += 1
    path = folder / "page-1mb.txt"
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


def ten_megabyte_line(folder: Path) -> Path:
    """One 10 MB line of the seed article's words in random order.

    The article's words, not the saved page's: among those, the donation appeal's ("your
    support") made the line's start read as chrome, nothing was kept and `reader clean` exited
    with status 2 ("no article text found") before any text was printed.
    """
    from reader.clean import clean
    from reader.load import load_path

    rng = random.Random(3)
    article = clean(load_path(SEED)).page_blocks
    words = " ".join(block.markdown for block in article if block.kept).split()
    line: list[str] = []
    size = 0
    while size < 10_000_000:
        word = rng.choice(words)
        line.append(word)
        size += len(word) + 1
    path = folder / "line-10mb.txt"
    path.write_text(" ".join(line), encoding="utf-8")
    return path


def pages_per_second(data: Path) -> None:
    import trafilatura

    from reader.clean import clean
    from reader.load import Source, SourceKind

    ids = sorted(p.name[: -len(".gold.txt")] for p in data.glob("*.gold.txt"))
    if not ids:
        print(f"dev pages: none at {data}, skipped")
        return
    for suffix, kind in (("txt", SourceKind.TEXT), ("html", SourceKind.HTML)):
        texts = [(data / f"{pid}.{suffix}").read_text(encoding="utf-8") for pid in ids]
        start = time.process_time()
        for text in texts:
            clean(Source(kind, text, f"page.{suffix}", "0"))
        took = time.process_time() - start
        print(f"reader.clean on {len(texts)} dev pages ({suffix}): {len(texts) / took:.1f} pages/s")
    htmls = [(data / f"{pid}.html").read_text(encoding="utf-8") for pid in ids]
    start = time.process_time()
    for html in htmls:
        trafilatura.extract(html, output_format="markdown", include_formatting=True)
    took = time.process_time() - start
    print(f"trafilatura.extract alone on the same HTML: {len(htmls) / took:.1f} pages/s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--runs", type=int, default=9, help="runs per output format (9)")
    args = parser.parse_args()
    print(f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as folder:
        page = one_megabyte_page(Path(folder))
        outputs = ("markdown", "text", "json")  # markdown is what `reader clean` prints
        # Round-robin, so a slow spell of a shared machine weighs on every format alike.
        runs: dict[str, list[tuple[float, float, int]]] = {output: [] for output in outputs}
        for _ in range(args.runs):
            for output in outputs:
                runs[output].append(run_clean(page, "--format", output))
        for output in outputs:
            cpus = sorted(cpu for _, cpu, _ in runs[output])
            walls = sorted(wall for wall, _, _ in runs[output])
            statuses = {status for _, _, status in runs[output]}
            print(
                f"reader clean --format {output}, {page.stat().st_size / 1e6:.2f} MB page: "
                f"{statistics.median(cpus):.2f} s process time (median of {args.runs}; "
                f"least {cpus[0]:.2f} s; wall {statistics.median(walls):.2f} s), "
                f"exit {' '.join(map(str, sorted(statuses)))}"
                + (" (target <= 0.5 s)" if output == "markdown" else "")
            )
        line = ten_megabyte_line(Path(folder))
        wall, cpu, status = run_clean(line, "--format", "text")
        print(
            f"reader clean, one {line.stat().st_size / 1e6:.1f} MB line: "
            f"{cpu:.2f} s process time ({wall:.2f} s wall), exit {status}"
        )
    pages_per_second(args.data)


if __name__ == "__main__":
    main()
