"""Import speed: 10,000 annotations across 500 articles (target: <= 2 s). Prints numbers.

    .venv/bin/python benchmarks/bench_import.py [--articles 500] [--per-article 20] [--runs 3]

The file is this reader's JSON export of bench_export's articles. Timed, each into a fresh
store (best of N): `reader import` into an empty store (500 placeholder articles: nothing to
anchor), into a store that already has the 500 articles' texts (every highlight anchored in
its article), and the same file a second time (everything unchanged: nothing written). Each
in this process, and once as the command a user runs (`reader import`, start-up included).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_export  # noqa: E402

from reader.cli import main as reader_main  # noqa: E402
from reader.document import Document, parse_markdown  # noqa: E402
from reader.export.exporter import render_json  # noqa: E402
from reader.metadata import Metadata  # noqa: E402
from store.library import Library  # noqa: E402


def _cpu() -> float:
    """CPU seconds of this process and of the commands it ran."""
    mine, children = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return mine.ru_utime + mine.ru_stime + children.ru_utime + children.ru_stime


def timed(
    label: str, prepare: Callable[[], Path], work: Callable[[Path], object], runs: int
) -> None:
    """Best wall and CPU time of `runs` runs of `work(prepare())` (only `work` is timed)."""
    best = best_cpu = float("inf")
    for _ in range(runs):
        store = prepare()
        started, started_cpu = time.perf_counter(), _cpu()
        work(store)
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, _cpu() - started_cpu)
    print(f"{label:<58} {best:7.3f} s wall {best_cpu:7.3f} s cpu")


def import_here(export: Path) -> Callable[[Path], object]:
    def run(store: Path) -> None:
        with contextlib.redirect_stdout(io.StringIO()):
            status = reader_main(["import", str(export), "--store", str(store)])
        assert status == 0

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--per-article", type=int, default=20)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    # bench_export's articles, keeping the Markdown each Document was parsed from.
    markdown: list[str] = []

    def parse_keeping(text: str, metadata: Metadata) -> Document:
        markdown.append(text)
        return parse_markdown(text, metadata)

    bench_export.parse_markdown = parse_keeping  # type: ignore[attr-defined]
    items, _ = bench_export.make_items(args.articles, args.per_article)
    total = sum(len(item.annotations) for item in items)
    print(f"{args.articles} articles, {total} annotations")
    print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = folder / "notes.json"
        export.write_bytes(render_json(items))
        print(f"export file: {export.stat().st_size / 1e6:.1f} MB")
        counter = iter(range(10_000))

        def empty() -> Path:
            return folder / f"empty-{next(counter)}"

        with_articles = folder / "with-articles"
        library = Library(with_articles)
        for item, text in zip(items, markdown, strict=True):
            item.record.text = text
            item.record.metadata = {"title": item.record.title}
        library.add_articles([item.record for item in items])
        library.close()

        def articles_here() -> Path:
            copy = folder / f"articles-{next(counter)}"
            shutil.copytree(with_articles, copy)
            return copy

        imported = folder / "imported"
        import_here(export)(imported)

        def imported_before() -> Path:
            copy = folder / f"again-{next(counter)}"
            shutil.copytree(imported, copy)
            return copy

        work = import_here(export)
        timed("import into an empty store (placeholders)", empty, work, args.runs)
        timed(
            "import into a store with the 500 texts (all anchored)", articles_here, work, args.runs
        )
        timed("the same file again (all unchanged)", imported_before, work, args.runs)

        reader = shutil.which("reader", path=str(Path(sys.executable).parent)) or "reader"

        def command(store: Path) -> None:
            subprocess.run(
                [reader, "import", str(export), "--store", str(store)],
                check=True,
                stdout=subprocess.DEVNULL,
            )

        timed("`reader import` as a command, empty store (start-up too)", empty, command, args.runs)
        timed("`reader import` as a command, with the texts", articles_here, command, args.runs)


if __name__ == "__main__":
    main()
