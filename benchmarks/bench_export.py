"""Export speed: 10,000 annotations across 500 articles (target: <= 1 s). Prints numbers.

    .venv/bin/python benchmarks/bench_export.py [--articles 500] [--per-article 20]

Each article is ~1,500 words in 6 sections, parsed once into a Document (timed apart: the
app already has it; the CLI parses the stored text). Timed: rendering the default Markdown
in memory, the first export to a folder (atomic writes with fsync), re-exporting the unchanged
folder (read, compare, no write), and the JSON-LD export.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from reader.document import Document, parse_markdown
from reader.export.exporter import ExportOptions, Item, export_to_folder, render_json
from reader.export.model import build
from reader.export.render import load_template, render
from reader.metadata import Metadata
from reader.records import AnnotationRecord, ArticleRecord

TEXT = (
    "the heron stood in shallows for an hour then took fish one strike rain came sideways off "
    "estuary while tide turned and gulls argued over mud flats under grey sky"
)
WORDS = TEXT.split()


def article_markdown(rng: random.Random, sections: int = 6, paragraphs: int = 5) -> str:
    parts = []
    for s in range(sections):
        parts.append(f"## Section {s + 1}")
        for _ in range(paragraphs):
            parts.append(" ".join(rng.choice(WORDS) for _ in range(50)) + ".")
    return "\n\n".join(parts)


def make_items(count: int, per_article: int, seed: int = 1) -> tuple[list[Item], float]:
    rng = random.Random(seed)
    items: list[Item] = []
    parse_time = 0.0
    for index in range(count):
        markdown = article_markdown(rng)
        started = time.perf_counter()
        doc: Document = parse_markdown(markdown, Metadata(title=f"Article {index % 450}"))
        parse_time += time.perf_counter() - started
        ident = f"{index:016x}"
        record = ArticleRecord(
            id=ident, title=doc.title, source=f"https://example.org/{index}", added="2026-01-01"
        )
        notes = []
        for n in range(per_article):
            start = rng.randrange(0, len(doc.text) - 200)
            end = start + rng.randrange(20, 180)
            notes.append(
                AnnotationRecord(
                    article_id=ident,
                    exact=doc.text[start:end],
                    start=start,
                    end=end,
                    prefix=doc.text[max(0, start - 32) : start],
                    suffix=doc.text[end : end + 32],
                    note=f"note {n}: # not a heading\n\n> nor a quote" if n % 3 == 0 else "",
                    tags=["birds", f"t{n % 5}"],
                    created="2026-01-02T00:00:00+00:00",
                    updated="2026-01-02T00:00:00+00:00",
                )
            )
        items.append(Item(record, notes, doc))
    return items, parse_time


def timed(label: str, work: Callable[[], object], repeat: int = 1) -> float:
    """Run `work`, print the best wall-clock and CPU time of `repeat` runs (other programs on
    a shared machine only ever add time)."""
    best = best_cpu = float("inf")
    for _ in range(repeat):
        started, started_cpu = time.perf_counter(), time.process_time()
        work()
        best = min(best, time.perf_counter() - started)
        best_cpu = min(best_cpu, time.process_time() - started_cpu)
    print(f"{label:<48} {best:7.3f} s wall {best_cpu:7.3f} s cpu")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--per-article", type=int, default=20)
    args = parser.parse_args()
    items, parse_time = make_items(args.articles, args.per_article)
    total = sum(len(item.annotations) for item in items)
    print(f"{args.articles} articles, {total} annotations")
    print(f"{'parse the Documents (not part of the export)':<48} {parse_time:7.3f} s wall")
    print(f"machine load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    template = load_template("default")

    def render_all() -> None:
        for item in items:
            render(template, build(item.record, item.annotations, item.document))

    timed("render default Markdown in memory", render_all, repeat=5)
    with tempfile.TemporaryDirectory() as tmp:
        runs = iter(range(1000))

        def fresh(fmt: str = "markdown") -> None:
            folder = Path(tmp) / f"{fmt}-{next(runs)}"
            export_to_folder(items, folder, ExportOptions(format=fmt))

        timed(f"export to a new folder ({len(items)} files)", fresh, repeat=3)
        folder = Path(tmp) / "again"
        export_to_folder(items, folder)
        timed("re-export, nothing changed (no writes)", lambda: export_to_folder(items, folder), 3)
        timed("export JSON-LD to a new folder", lambda: fresh("json"), repeat=3)
        files = list(folder.iterdir())
        print(f"files written: {len(files)}, total {sum(f.stat().st_size for f in files):,} bytes")
    timed("JSON-LD of everything in memory", lambda: render_json(items), repeat=3)


if __name__ == "__main__":
    main()
