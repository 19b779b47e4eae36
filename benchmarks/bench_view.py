"""Key-to-repaint in the document view, in process (headless), with many highlights.

Opens the 3 MB Markdown book with N highlights spread through it, then times each key from
the press until the screen has been redrawn (Pilot press + pause), median of several presses.
Prints a table; not a test.

    python benchmarks/bench_view.py [--highlights 5000] [--repeat 15]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

import make_book  # noqa: E402

from reader.anchor import describe, text_hash  # noqa: E402
from reader.article import open_source  # noqa: E402
from reader.loader import Ready, Whole  # noqa: E402
from reader.open_article import OpenArticle  # noqa: E402
from reader.records import AnnotationRecord, article_id_for  # noqa: E402
from store.library import Library  # noqa: E402
from widgets.app import ReaderApp  # noqa: E402
from widgets.document_view import DocumentView  # noqa: E402


def seed_highlights(library: Library, article_id: str, text: str, count: int) -> None:
    rng = random.Random(7)
    digest = text_hash(text)
    records = []
    for _ in range(count):
        start = rng.randrange(0, len(text) - 200)
        end = start + rng.randrange(20, 150)
        fields = describe(text, start, end, digest).fields()
        color = rng.choice(["yellow", "green", "blue", "pink", "purple"])
        records.append(AnnotationRecord(article_id=article_id, color=color, **fields))
    library.save_annotations(records)


ACTIONS = {
    "j": "scroll_line(1)",
    "space": "page(1)",
    "G": "bottom",
    "right_square_bracket": "section(1)",
    "w": "word(1)",
    "greater_than_sign": "next_highlight(1)",
}


async def measure(app: ReaderApp, keys: list[str], repeat: int) -> dict[str, tuple[float, float]]:
    """Per key: (Pilot press until idle, the view's own work: action + drawing every row)."""
    results: dict[str, tuple[float, float]] = {}
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        view = app.screen.query_one(DocumentView)
        for key in keys:
            samples = []
            for _ in range(repeat):
                if key in ("G", "end"):
                    await pilot.press("g")
                    await pilot.pause()
                started = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                # Draw every visible row, as the compositor would after the key.
                for y in range(view.scrollable_content_region.height):
                    view.render_line(y)
                samples.append(time.perf_counter() - started)
            own = []
            for _ in range(repeat):
                if key == "G":
                    view.action_top()
                started = time.perf_counter()
                await view.run_action(ACTIONS[key])
                view.invalidate(redraw=False)  # as after a scroll: every visible row drawn anew
                for y in range(view.scrollable_content_region.height):
                    view.render_line(y)
                own.append(time.perf_counter() - started)
            results[key] = (statistics.median(samples) * 1000, statistics.median(own) * 1000)
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--highlights", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    book = make_book.ensure_book("md") if hasattr(make_book, "ensure_book") else None
    if book is None:
        book = HERE / "data" / "book.md"
        if not book.exists():
            raise SystemExit("run `make book` first")
    store = Path(tempfile.mkdtemp())
    library = Library(store)
    source, cleaned = open_source(book)
    whole = Ready(Whole(source, cleaned))
    text = OpenArticle(library, whole).document.text
    started = time.perf_counter()
    seed_highlights(library, article_id_for(source.origin), text, args.highlights)
    seeding = time.perf_counter() - started
    started = time.perf_counter()
    OpenArticle(library, whole)  # opening anchors every highlight
    opening = time.perf_counter() - started
    app = ReaderApp(library, whole)
    keys = ["j", "space", "G", "right_square_bracket", "w", "greater_than_sign"]
    timings = asyncio.run(measure(app, keys, args.repeat))
    print(f"document view, 3 MB book, {args.highlights} highlights, 120x40, headless")
    print(f"seed highlights: {seeding:.2f} s; open with anchoring: {opening * 1000:.0f} ms")
    print(f"{'key':<22}{'press→idle ms':>14}{'view work ms':>14}")
    for key, (press, own) in timings.items():
        print(f"{key:<22}{press:>14.1f}{own:>14.1f}")
    print("press→idle includes Pilot's own waits; the tmux harness (tui_timing.py) times real")
    print("repaints. view work: the action plus drawing every visible row from scratch.")
    print("floor: key-to-repaint <= 30 ms median")


if __name__ == "__main__":
    main()
