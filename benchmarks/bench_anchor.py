"""Re-anchoring: speed on a 3 MB text, and how often anchors land right, wrong or orphaned.

    python benchmarks/bench_anchor.py [--size BYTES] [--trials N] [--corpus FILE ...]

Prints two tables. Speed: re-anchoring 5,000 annotations after an edit near the start (target
<= 1 s), and the per-quote cost of the fuzzy stage. Quality: over random edits of the seed
article (and any --corpus files), the share of highlights re-anchored onto their passage,
onto wrong text, or orphaned, with the tuned thresholds and with the minimum score switched
off (the "about a third attach to wrong text" failure); and the share marked ambiguous
(placed, but not claimed), of which on wrong text.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader import anchor  # noqa: E402
from reader.anchor import Resolver, Status, describe, resolve, resolve_all, text_hash  # noqa: E402
from reader.article import build_document, open_source  # noqa: E402
from reader.document import parse_markdown  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from make_book import as_markdown, chapters  # noqa: E402

SEED = ROOT / "sample_articles" / "independent-assad-flee-syria.txt"
ANNOTATIONS = 5_000


def seed_text() -> str:
    return build_document(open_source(SEED)[1]).text


def book_text(size: int, seed: int = 1) -> str:
    """The Document text of benchmarks/make_book.py's generated book (chapters of prose)."""
    return parse_markdown(as_markdown(chapters(size, seed))).text


def word_starts(text: str) -> list[int]:
    starts = [0] if text and not text[0].isspace() else []
    starts += [i + 1 for i, c in enumerate(text[:-1]) if c.isspace() and not text[i + 1].isspace()]
    return starts


def random_span(
    text: str, starts: list[int], rng: random.Random, words: tuple[int, int]
) -> tuple[int, int]:
    first = rng.randrange(len(starts) - words[1] - 1)
    count = rng.randint(*words)
    start = starts[first]
    end = starts[first + count] - 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def timed(function: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    best = float("inf")
    result: object = None
    for _ in range(repeat):
        began = time.perf_counter()
        result = function()
        best = min(best, time.perf_counter() - began)
    return best, result


# --- speed -------------------------------------------------------------------------------


def speed(size: int) -> list[tuple[str, str, str]]:
    rng = random.Random(1)
    book = book_text(size)
    starts = word_starts(book)
    spans = sorted(random_span(book, starts, rng, (1, 12)) for _ in range(ANNOTATIONS))
    book_hash = text_hash(book)
    rows: list[tuple[str, str, str]] = []

    seconds, selectors = timed(lambda: [describe(book, s, e, book_hash) for s, e in spans])
    assert isinstance(selectors, list)
    rows.append(("describe 5,000 highlights", f"{seconds * 1000:.0f} ms", ""))
    seconds, _ = timed(lambda: text_hash(book))
    rows.append((f"hash the text ({len(book) / 1e6:.1f} MB)", f"{seconds * 1000:.1f} ms", ""))

    seconds, anchors = timed(lambda: resolve_all(book, selectors, book_hash))
    rows.append(("re-anchor 5,000, text unchanged", f"{seconds * 1000:.0f} ms", counts(anchors)))

    at = book.index(" ", 2_000)
    edited = book[:at] + " A sentence the author added near the start." + book[at:]
    seconds, anchors = timed(lambda: resolve_all(edited, selectors))
    rows.append(
        ("re-anchor 5,000, edit near the start", f"{seconds * 1000:.0f} ms", counts(anchors))
    )

    many = book
    for _ in range(50):
        cut = rng.randrange(len(many) - 100)
        many = many[:cut] + many[cut + rng.randint(0, 60) :]
        cut = rng.randrange(len(many))
        many = many[:cut] + "inserted words " + many[cut:]
    seconds, anchors = timed(lambda: resolve_all(many, selectors), repeat=1)
    rows.append(
        ("re-anchor 5,000, 100 edits all over", f"{seconds * 1000:.0f} ms", counts(anchors))
    )

    other = book_text(size, seed=2)
    seconds, anchors = timed(lambda: resolve_all(other, selectors[:500]), repeat=1)
    rows.append(
        (
            "re-anchor 500 on another book (same templates)",
            f"{seconds * 1000:.0f} ms",
            counts(anchors),
        )
    )

    # The fuzzy search alone (one edlib call and the context checks), per quote.
    resolver = Resolver(book, book_hash)
    for label, reach in (("+-2 K", anchor.NEAR), ("+-32 K", anchor.WINDOW)):
        times = []
        for s, e in spans[::50]:
            one = describe(book, s, e, book_hash)
            began = time.perf_counter()
            resolver._fuzzy(one.quote, s, reach)
            times.append(time.perf_counter() - began)
        rows.append(
            (
                f"fuzzy search of one quote, {label} characters (n={len(times)})",
                f"median {statistics.median(times) * 1000:.2f} ms",
                f"p95 {sorted(times)[int(len(times) * 0.95)] * 1000:.2f} ms",
            )
        )

    # The fuzzy stage alone: quotes with one word changed, resolved one at a time.
    fuzzy_times: list[float] = []
    fuzzy_counts: Counter[str] = Counter()
    for s, e in spans[::50]:
        quote = book[s:e]
        if len(quote) < 16 or " " not in quote:
            continue
        cut = quote.index(" ")
        changed = book[:s] + quote[:cut] + "X" + quote[cut:] + book[e:]
        one = describe(book, s, e, book_hash)
        resolver = Resolver(changed, "new text")  # hashing 3 MB is once per text, not per quote
        began = time.perf_counter()
        result = resolver.resolve(one)
        fuzzy_times.append(time.perf_counter() - began)
        fuzzy_counts[result.status] += 1
    rows.append(
        (
            f"resolve one quote with a word edited (n={len(fuzzy_times)})",
            f"median {statistics.median(fuzzy_times) * 1000:.2f} ms",
            f"p95 {sorted(fuzzy_times)[int(len(fuzzy_times) * 0.95)] * 1000:.2f} ms; "
            + ", ".join(f"{k} {v}" for k, v in sorted(fuzzy_counts.items())),
        )
    )
    orphan_times: list[float] = []
    for s, e in spans[:: ANNOTATIONS // 50]:
        removed = book[: max(0, s - 200)] + book[e + 200 :]
        one = describe(book, s, e, book_hash)
        resolver = Resolver(removed, "new text")
        began = time.perf_counter()
        resolver.resolve(one)
        orphan_times.append(time.perf_counter() - began)
    rows.append(
        (
            f"resolve one quote whose passage was deleted (n={len(orphan_times)})",
            f"median {statistics.median(orphan_times) * 1000:.2f} ms",
            f"max {max(orphan_times) * 1000:.2f} ms",
        )
    )
    return rows


def counts(anchors: object) -> str:
    assert isinstance(anchors, list)
    tally = Counter(a.status.value for a in anchors)
    return ", ".join(f"{status} {tally[status]}" for status in Status if tally[status])


# --- quality -----------------------------------------------------------------------------


NO_MINIMUM = {
    "MIN_CONTEXT": 0.0,
    "MIN_FUZZY_CONTEXT": 0.0,
    "MAX_FUZZY_ERRORS": 0.5,
    "MAX_FUZZY_ERRORS_IN_PLACE": 0.5,
    "MIN_FUZZY_LENGTH": 1,
    "LONG_QUOTE": 0,
}


@contextmanager
def thresholds(values: dict[str, float]) -> Iterator[None]:
    """Anchoring with other thresholds (e.g. NO_MINIMUM: take the best fuzzy match, up to
    half of the quote wrong, whatever its context)."""
    saved = {name: getattr(anchor, name) for name in values}
    for name, value in values.items():
        setattr(anchor, name, value)
    try:
        yield
    finally:
        for name, value in saved.items():
            setattr(anchor, name, value)


Edit = tuple[int, int, str]
"""(position, characters deleted, text inserted)."""


def apply(text: str, edits: list[Edit]) -> str:
    for position, deleted, inserted in edits:
        text = text[:position] + inserted + text[position + deleted :]
    return text


def track(offset: int, edits: list[Edit]) -> int:
    """Where `offset` ends up after `edits` (inside a deletion: at its start)."""
    for position, deleted, inserted in edits:
        if offset >= position + deleted:
            offset += len(inserted) - deleted
        elif offset > position:
            offset = position
    return offset


def edits_elsewhere(
    text: str, rng: random.Random, count: int, keep: tuple[int, int], words: list[str]
) -> list[Edit]:
    """Random word insertions and deletions that leave `text[keep[0]:keep[1]]` whole."""
    edits: list[Edit] = []
    for _ in range(count):
        position = rng.randrange(len(text))
        if rng.random() < 0.5:
            inserted = " " + " ".join(rng.choice(words) for _ in range(rng.randint(1, 8)))
            deleted = 0
        else:
            inserted, deleted = "", rng.randint(1, 80)
        if position + deleted > keep[0] and position < keep[1]:
            continue
        if position + deleted == keep[0] and position == keep[0]:
            continue
        edits.append((position, deleted, inserted))
        text = apply(text, [edits[-1]])
        keep = (track(keep[0], [edits[-1]]), track(keep[1], [edits[-1]]))
    return edits


def quality_trial(text: str, starts: list[int], rng: random.Random, scenario: str) -> str:
    words = text.split()
    start, end = random_span(text, starts, rng, (1, 12))
    selectors = describe(text, start, end)
    exact = text[start:end]
    if scenario == "deleted":
        # The highlighted passage goes, with some of what surrounds it.
        low = max(0, start - rng.choice((0, 0, rng.randint(1, 40), rng.randint(40, 400))))
        high = min(len(text), end + rng.choice((0, 0, rng.randint(1, 40), rng.randint(40, 400))))
        edits: list[Edit] = [(low, high - low, "")]
        edited = apply(text, edits)
        others = edits_elsewhere(edited, rng, rng.randint(0, 3), (low, low), words)
        edited = apply(edited, others)
        anchor_ = resolve(edited, selectors)
        if not anchor_.attached:
            return "orphaned"
        same = edited[anchor_.start : anchor_.end] == exact
        return _flagged("identical copy" if same else "wrong text", anchor_)
    if scenario == "kept":
        edits = edits_elsewhere(text, rng, rng.randint(1, 6), (start, end), words)
    else:  # the quote itself edited a little: a word replaced, inserted or deleted
        inner = [i for i in range(start + 1, end) if text[i - 1] == " "]
        if not inner or len(exact) < 20:
            return "skip"
        at = rng.choice(inner)
        stop = text.find(" ", at, end)
        stop = end if stop < 0 else stop
        kind = rng.randrange(3)
        if kind == 0:
            edit = (at, stop - at, rng.choice(words))
        elif kind == 1:
            edit = (at, 0, rng.choice(words) + " ")
        else:
            edit = (at, min(end, stop + 1) - at, "")
        edits = [edit]
        edited = apply(text, edits)
        new_start, new_end = track(start, edits), track(end, edits)
        others = edits_elsewhere(edited, rng, rng.randint(0, 3), (new_start, new_end), words)
        edits += others
    edited = apply(text, edits)
    new_start, new_end = track(start, edits), track(end, edits)
    anchor_ = resolve(edited, selectors)
    if not anchor_.attached:
        return "orphaned"
    overlap = min(anchor_.end, new_end) - max(anchor_.start, new_start)
    return _flagged(
        "right place" if overlap >= 0.5 * (new_end - new_start) else "wrong text", anchor_
    )


def _flagged(outcome: str, anchor_: anchor.Anchor) -> str:
    """The outcome, marked when the anchor said it was ambiguous (placed, but not claimed)."""
    return f"{outcome} (ambiguous)" if anchor_.status is Status.AMBIGUOUS else outcome


SCENARIOS = {
    "deleted": ("orphaned", "identical copy", "wrong text"),
    "kept": ("right place", "wrong text", "orphaned"),
    "quote edited": ("right place", "wrong text", "orphaned"),
}


def quality(corpora: dict[str, str], trials: int) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for name, text in corpora.items():
        starts = word_starts(text)
        for scenario, outcomes in SCENARIOS.items():
            for variant in ("tuned", "no minimum score"):
                rng = random.Random(f"{name}{scenario}")
                tally: Counter[str] = Counter()
                with thresholds(NO_MINIMUM if variant != "tuned" else {}):
                    for _ in range(trials):
                        outcome = quality_trial(text, starts, rng, scenario)
                        tally[outcome.removesuffix(" (ambiguous)")] += 1
                        tally[outcome] += outcome != outcome.removesuffix(" (ambiguous)")
                total = max(1, trials - tally["skip"])
                cells = [f"{o} {100 * tally[o] / total:.1f}%" for o in outcomes]
                flagged = sum(tally[f"{o} (ambiguous)"] for o in outcomes)
                wrong = tally["wrong text (ambiguous)"]
                cells.append(
                    f"{100 * flagged / total:.1f}% (wrong text {100 * wrong / total:.1f}%)"
                    if flagged
                    else ""
                )
                rows.append((name, scenario, variant, str(total), *cells))
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=3_000_000)
    parser.add_argument("--trials", type=int, default=200)
    parser.add_argument("--corpus", type=Path, action="append", default=[])
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    if not args.skip_speed:
        print_table(("speed", "time", "outcome"), speed(args.size))
    corpora = {"seed article": seed_text()}
    corpora.update({path.name: path.read_text() for path in args.corpus})
    corpora["generated book, 300 kB (repetitive)"] = book_text(300_000, seed=3)
    print_table(
        ("text", "change", "anchoring", "trials", "outcome", "", "", "marked ambiguous"),
        quality(corpora, args.trials),
    )


def print_table(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    print()


if __name__ == "__main__":
    main()
