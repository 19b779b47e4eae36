"""Review speed: the review screen's first highlight with 10,000 in the library (target:
<= 150 ms). Prints numbers.

    .venv/bin/python benchmarks/bench_review.py [--articles 500] [--per-article 20] [--runs 7]

The store holds bench_export's 500 articles (their texts) and 10,000 highlights. Timed, each a
fresh process state for the store (a new Library): the review's model alone (the summaries of
every highlight, the order, the first record and its line of context), and the screen: from
`r` pressed in the library (Textual's headless driver, 110x30) until the first highlight is
drawn. Medians and the best of N.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_export  # noqa: E402

from reader.document import Document, parse_markdown  # noqa: E402
from reader.metadata import Metadata  # noqa: E402
from reader.review import Review, context, queue  # noqa: E402
from reader.stored_article import stored_document  # noqa: E402
from store.library import Library  # noqa: E402


def build_store(folder: Path, articles: int, per_article: int) -> None:
    markdown: list[str] = []

    def parse_keeping(text: str, metadata: Metadata) -> Document:
        markdown.append(text)
        return parse_markdown(text, metadata)

    bench_export.parse_markdown = parse_keeping  # type: ignore[attr-defined]
    items, _ = bench_export.make_items(articles, per_article)
    library = Library(folder)
    for item, text in zip(items, markdown, strict=True):
        item.record.text = text
        item.record.metadata = {"title": item.record.title}
    library.add_articles([item.record for item in items])
    library.save_annotations([note for item in items for note in item.annotations], touch=False)
    library.close()


def model(folder: Path) -> tuple[float, float]:
    started, started_cpu = time.perf_counter(), time.process_time()
    library = Library(folder)
    review = Review(library, queue(library.annotation_summaries()))
    record = review.current
    assert record is not None
    article = library.article(record.article_id)
    assert article is not None
    context(stored_document(article).text, record)
    elapsed = time.perf_counter() - started, time.process_time() - started_cpu
    library.close()
    return elapsed


async def screen(folder: Path) -> tuple[float, float]:
    from textual.widgets import Static

    from reader.startup import pause_collector
    from widgets.app import ReaderApp
    from widgets.review_screen import ReviewScreen

    pause_collector()  # as `reader` does: the app resumes it, freezing its objects
    app = ReaderApp(Library(folder))
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        started, started_cpu = time.perf_counter(), time.process_time()
        await pilot.press("r")
        while not (
            isinstance(app.screen, ReviewScreen)
            and str(app.screen.query_one("#quote", Static).render()).strip()
        ):
            await pilot.pause()
        return time.perf_counter() - started, time.process_time() - started_cpu


def report(label: str, runs: list[tuple[float, float]]) -> None:
    """Wall and CPU milliseconds, median and best: CPU time is what a loaded machine spoils
    least."""
    wall, cpu = [w * 1000 for w, _ in runs], [c * 1000 for _, c in runs]
    print(
        f"{label:<52} wall median {statistics.median(wall):5.0f} best {min(wall):5.0f} ms"
        f" | cpu median {statistics.median(cpu):5.0f} best {min(cpu):5.0f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--per-article", type=int, default=20)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "store"
        build_store(folder, args.articles, args.per_article)
        print(f"{args.articles} articles, {args.articles * args.per_article} highlights")
        report(
            "the review's model: order + first highlight", [model(folder) for _ in range(args.runs)]
        )
        report(
            "the review screen: `r` to the first highlight drawn",
            [asyncio.run(screen(folder)) for _ in range(args.runs)],
        )


if __name__ == "__main__":
    main()
