"""Store speed and memory with 10,000 annotations across 500 articles (prints numbers).

Targets (issue 5): adding or editing one annotation <= 20 ms median, opening the library
(open + list articles with highlight counts) <= 150 ms; memory reported.

    .venv/bin/python benchmarks/bench_store.py [--articles 500] [--per-article 20]
"""

from __future__ import annotations

import argparse
import gc
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reader.records import AnnotationRecord, ArticleRecord
from store.library import Library
from store.storage import table_of

PARAGRAPH = (
    "The committee met again on Thursday to consider the harbour plan, and the debate ran "
    "late into the evening as residents queued to speak for and against the new ferry berth. "
)


def build(folder: Path, articles: int, per_article: int) -> list[AnnotationRecord]:
    """A store of `articles` articles (~8 KB each) with `per_article` notes each."""
    library = Library(folder)
    text = PARAGRAPH * 40
    notes: list[AnnotationRecord] = []
    for a in range(articles):
        article_id = f"article{a:04d}"
        library.save_article(
            ArticleRecord(id=article_id, title=f"Article {a}", source=f"/news/{a}.html", text=text)
        )
        batch = []
        for n in range(per_article):
            start = (n * 97) % (len(text) - 60)
            note = AnnotationRecord(
                article_id=article_id,
                exact=text[start : start + 40],
                start=start,
                end=start + 40,
                prefix=text[max(0, start - 32) : start],
                suffix=text[start + 40 : start + 72],
                note=f"note {n} on article {a}: worth checking against the minutes",
                tags=["harbour", f"t{n % 7}"],
            )
            batch.append(note)
        # Bulk-load each article's notes in one write; the timed part uses the public API.
        table_of(library._notes_db(article_id), "annotations").insert_multiple(
            [{**note.to_dict()} for note in batch]
        )
        notes.extend(batch)
    library.close()
    return notes


Times = tuple[list[float], list[float]]


def _cpu() -> float:
    """CPU seconds of this process and its finished children."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def timed(action: Callable[[], object], repeat: int) -> Times:
    """Wall-clock and CPU milliseconds of each run (CPU shows the cost on a busy machine)."""
    wall, cpu = [], []
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), _cpu()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((_cpu() - start_cpu) * 1000)
    return wall, cpu


def report(name: str, times: Times, target: float | None = None) -> None:
    wall, cpu = times
    median = statistics.median(wall)
    p95 = sorted(wall)[int(len(wall) * 0.95) - 1]
    verdict = "" if target is None else ("  ok" if median <= target else "  OVER TARGET")
    goal = f" (target <= {target:.0f} ms)" if target is not None else ""
    print(
        f"{name:38} median {median:7.2f} ms  p95 {p95:7.2f} ms  "
        f"cpu {statistics.median(cpu):6.2f} ms{goal}{verdict}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--per-article", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=100)
    args = parser.parse_args()
    rng = random.Random(5)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "store"
        start = time.perf_counter()
        notes = build(folder, args.articles, args.per_article)
        built = time.perf_counter() - start
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
        print(
            f"store: {args.articles} articles, {len(notes)} annotations, "
            f"{size / 1e6:.1f} MB on disk with backups (built in {built:.1f} s)"
        )

        def open_library() -> None:
            library = Library(folder)
            library.articles()
            library.annotation_counts()
            library.close()

        report("open library (open + list + counts)", timed(open_library, 20), 150)

        library = Library(folder)
        library.articles()

        def add() -> None:
            article = f"article{rng.randrange(args.articles):04d}"
            library.save_annotation(
                AnnotationRecord(article_id=article, exact="harbour", start=0, end=7, note="new")
            )

        def edit() -> None:
            note = rng.choice(notes)
            note.note = f"edited {rng.random()}"
            library.save_annotation(note)

        report("add one annotation", timed(add, args.repeat), 20)
        report("edit one annotation", timed(edit, args.repeat), 20)
        report(
            "search all notes ('minutes harbour')",
            timed(lambda: library.search("minutes harbour"), 5),
        )
        report(
            "save article (position update)",
            timed(lambda: library.save_article(library.articles()[0]), 20),
        )
        library.close()

        command = [sys.executable, "-m", "reader", "library", "--json", "--store", str(folder)]
        report(
            "`reader library --json` (new process)",
            timed(lambda: subprocess.run(command, capture_output=True, check=True), 5),
        )

        gc.collect()
        tracemalloc.start()
        library = Library(folder)
        library.articles()
        library.annotation_counts()
        opened, _ = tracemalloc.get_traced_memory()
        everything = library.all_annotations()
        loaded, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"memory: open + list {opened / 1e6:.1f} MB; with all {len(everything)} annotations "
            f"loaded {loaded / 1e6:.1f} MB (peak {peak / 1e6:.1f} MB); "
            f"process max RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB"
        )


if __name__ == "__main__":
    main()
