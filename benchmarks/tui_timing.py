"""Time `reader` in a real terminal (tmux, 120x40): first paint, key-to-repaint, peak memory.

Prints one table of medians over --runs runs. Each run gets a fresh store (READER_STORE), so no
reading position carries over. Timings are from the harness's side: a key is "repainted" when
the pane's text first differs from before the key; text is "on screen" when a known phrase of
the article's first paragraph appears in it; "loaded" is when, after that, the screen is still
and the app idle (a large article is cleaned in the background after its head is shown). Keys
are timed from an idle app. The search is typed at the `/` prompt: "/word (jump)" times the
word's last letter (the view jumps to the first match as you type), "Enter" closes the prompt.
The pane is polled every --poll-ms. Runs go in rounds, each case once per round, and after the
table each case's first paint is given less the empty app's of the same round: on a machine
whose speed swings, that difference is steadier than either time.

    python benchmarks/tui_timing.py [--runs N] [--poll-ms MS]
"""

from __future__ import annotations

import argparse
import compileall
import contextlib
import os
import re
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import make_book
from empty_app import READY
from tmux_control import Tmux

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SEED = ROOT / "sample_articles" / "independent-assad-flee-syria.txt"
WIDTH, HEIGHT = 120, 40
SETTLE_S = 0.25  # settled: this long without a screen change and with the app (nearly) idle
IDLE_CPU = 0.1  # "idle": under this share of one CPU over the settle window
TIMEOUT_S = 20.0
_SGR = re.compile(r"\x1b\[[0-9;:]*m")
EMPTY = "empty Textual app"
FLOORS = "floors (medians): 3 MB first paint <= 0.5 s, key-to-repaint <= 30 ms, peak RSS <= 150 MB"


@dataclass(frozen=True)
class Case:
    name: str
    argv: list[str]
    probes: tuple[str, ...]
    """Phrases that start the article's first paragraph; any one on screen counts."""
    search: str = ""
    """A word with several matches, for timing a search jump; empty: no key timings."""
    highlights: int = 0
    """Highlights spread over the article in the store before each run."""


Timing = tuple[float, float]
"""Seconds of wall time, and of CPU time the app process spent in that interval."""


@dataclass
class Result:
    first_paint: list[Timing] = field(default_factory=list)
    ready: list[Timing] = field(default_factory=list)
    """Until the app is idle after launch: a large article's background cleaning done."""
    search_type: list[Timing] = field(default_factory=list)
    """The last letter of the search word: the view jumps to the first match (incremental)."""
    search_enter: list[Timing] = field(default_factory=list)
    search_next: list[Timing] = field(default_factory=list)
    end: list[Timing] = field(default_factory=list)
    peak_rss_mb: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def reader_argv() -> list[str]:
    script = Path(sys.executable).with_name("reader")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reader"]


def cases() -> list[Case]:
    book_txt, book_md = make_book.DATA / "book.txt", make_book.DATA / "book.md"
    if not (book_txt.exists() and book_md.exists()):
        make_book.write_book(make_book.DATA)
    reader = reader_argv()
    book_probe = (make_book.PROBE,)
    seed_probes = ("Russian intelligence agents persuaded",)
    return [
        Case(EMPTY, [sys.executable, str(HERE / "empty_app.py")], (READY,)),
        Case("seed (5 KB text)", [*reader, str(SEED)], seed_probes, "Moscow"),
        Case("book.txt (3 MB)", [*reader, str(book_txt)], book_probe, make_book.RARE_WORD),
        Case("book.md (3 MB)", [*reader, str(book_md)], book_probe, make_book.RARE_WORD),
        Case(
            "book.md + 5,000 highlights",
            [*reader, str(book_md)],
            book_probe,
            make_book.RARE_WORD,
            highlights=5_000,
        ),
    ]


class Harness:
    def __init__(self, tmux: Tmux, poll_s: float) -> None:
        self.tmux = tmux
        self.poll_s = poll_s
        self.pid = 0

    def wait_for(
        self, done: Callable[[list[str]], bool], start: float, cpu_start: float = 0.0
    ) -> Timing | None:
        """Wall and CPU seconds from `start` until `done(screen)`, or None after the timeout."""
        while True:
            screen = self.tmux.screen()
            now = time.perf_counter()
            if done(screen):
                return now - start, cpu_seconds(self.pid) - cpu_start
            if now - start > TIMEOUT_S or self.tmux.dead():
                return None
            time.sleep(self.poll_s)

    def settle(self) -> tuple[list[str], float, float]:
        """Wait until the screen stops changing and the app stops working (a background worker
        may not show on screen); the settled screen, and the wall and CPU time it settled at."""
        last, since, cpu_since = self.tmux.screen(), time.perf_counter(), cpu_seconds(self.pid)
        deadline = since + TIMEOUT_S
        while time.perf_counter() < deadline:
            time.sleep(self.poll_s)
            screen, now, cpu = self.tmux.screen(), time.perf_counter(), cpu_seconds(self.pid)
            if screen != last or cpu - cpu_since > IDLE_CPU * SETTLE_S:
                last, since, cpu_since = screen, now, cpu
            elif now - since >= SETTLE_S:
                break
        return last, since, cpu_since

    def key_to_repaint(self, *keys: str, literal: bool = False) -> Timing | None:
        before, _, _ = self.settle()
        cpu_start = cpu_seconds(self.pid)
        start = time.perf_counter()
        self.tmux.keys(*keys, literal=literal)
        return self.wait_for(lambda screen: screen != before, start, cpu_start)

    def run(self, case: Case, result: Result) -> None:
        store = tempfile.mkdtemp(prefix="reader-bench-store-")
        if case.highlights:
            shutil.copytree(highlighted_store(case), store, dirs_exist_ok=True)
        try:
            start = time.perf_counter()
            self.pid = self.tmux.spawn(case.argv, {"READER_STORE": store})
            painted = self.wait_for(lambda screen: shows(screen, case.probes), start)
            if painted is None:
                result.errors.append(_last_words(self.tmux.screen()))
                return
            result.first_paint.append(painted)
            # A large article shows its head first and says "loading…" until the whole is
            # cleaned: time the keys on the whole article, not during the background work
            # (the idle check in settle() also catches work that shows nothing).
            self.wait_for(lambda screen: not shows(screen, ("loading…",)), time.perf_counter())
            _, ready_at, ready_cpu = self.settle()
            result.ready.append((ready_at - start, ready_cpu))
            if case.search:
                self.tmux.keys("/")
                self.settle()
                self.tmux.keys(case.search[:-1], literal=True)
                _add(result.search_type, self.key_to_repaint(case.search[-1], literal=True))
                _add(result.search_enter, self.key_to_repaint("Enter"))
                _add(result.search_next, self.key_to_repaint("n"))
                _add(result.end, self.key_to_repaint("G"))
            self.settle()
            result.peak_rss_mb.append(peak_rss_mb(self.pid))
            self.tmux.keys("q")
            self.wait_for(lambda _: self.tmux.dead(), time.perf_counter())
        finally:
            shutil.rmtree(store, ignore_errors=True)


_STORES: dict[str, str] = {}


def highlighted_store(case: Case) -> str:
    """A store holding `case.highlights` highlights on the case's article (made once)."""
    if case.name not in _STORES:
        from bench_view import seed_highlights

        from reader.article import build_document, open_source
        from reader.records import article_id_for
        from store.library import Library

        store = tempfile.mkdtemp(prefix="reader-bench-template-")
        library = Library(Path(store))
        source, cleaned = open_source(Path(case.argv[-1]))
        text = build_document(cleaned).text
        try:
            seed_highlights(library, article_id_for(source.origin), text, case.highlights)
        finally:
            library.close()
        _STORES[case.name] = store
    return _STORES[case.name]


def compile_project() -> None:
    """Write the project's bytecode, as any launch after the first finds it (an editable
    install compiles nothing; with PYTHONDONTWRITEBYTECODE set, no launch would)."""
    for package in ("reader", "widgets", "store"):
        compileall.compile_dir(ROOT / package, quiet=1)


def shows(screen: list[str], probes: tuple[str, ...]) -> bool:
    """Whether any probe phrase is on one row of the screen, styling aside."""
    return any(p in _SGR.sub("", line) for line in screen for p in probes)


def _add(values: list[Timing], value: Timing | None) -> None:
    if value is not None:
        values.append(value)


def _last_words(screen: list[str]) -> str:
    lines = [_SGR.sub("", line).strip() for line in screen]
    lines = [line for line in lines if line]
    return " / ".join(lines[-3:])[:200] or "(blank screen)"


def cpu_seconds(pid: int) -> float:
    """CPU time of all the process's live threads (schedstat: nanosecond resolution)."""
    total = 0
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except FileNotFoundError:  # the process has exited
        return float("nan")
    for task in tasks:
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):  # thread just ended
            total += int((task / "schedstat").read_text().split()[0])
    return total / 1e9


def peak_rss_mb(pid: int) -> float:
    """The process's peak resident set size (VmHWM), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _median_ms(timings: Sequence[Timing]) -> str:
    if not timings:
        return "n/a"
    wall = statistics.median(t[0] for t in timings) * 1000
    cpu = statistics.median(t[1] for t in timings) * 1000
    return f"{wall:.0f} / {cpu:.0f}"


def table(rows: list[tuple[Case, Result]], runs: int) -> str:
    head = (
        "case",
        "first paint",
        "loaded",
        "/word (jump)",
        "Enter",
        "n",
        "G (End)",
        "peak RSS",
        "ok runs",
    )
    lines = [head]
    for case, r in rows:
        lines.append(
            (
                case.name,
                _median_ms(r.first_paint),
                _median_ms(r.ready),
                _median_ms(r.search_type) if case.search else "-",
                _median_ms(r.search_enter) if case.search else "-",
                _median_ms(r.search_next) if case.search else "-",
                _median_ms(r.end) if case.search else "-",
                f"{statistics.median(r.peak_rss_mb):.0f} MB" if r.peak_rss_mb else "n/a",
                f"{len(r.first_paint)}/{runs}",
            )
        )
    widths = [max(len(line[i]) for line in lines) for i in range(len(head))]
    out = [
        "  ".join(
            cell.ljust(width) if column == 0 else cell.rjust(width)
            for column, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    ]
    out.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(out)


def over_empty(paints: list[dict[str, float]]) -> str:
    """Each case's first paint less the empty app's in the same round (median over rounds):
    steadier than either time alone, when the machine's speed swings."""
    parts = []
    for name in paints[0] if paints else ():
        if name == EMPTY:
            continue
        gaps = [r[name] - r[EMPTY] for r in paints if name in r and EMPTY in r]
        if gaps:
            parts.append(f"{name} +{statistics.median(gaps) * 1000:.0f} ms")
    return "first paint after the empty app's, same round (median): " + (", ".join(parts) or "n/a")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--poll-ms", type=float, default=3.0)
    parser.add_argument("--only", help="run only the cases whose name contains this")
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tui_timing: tmux is not installed (apt-get install tmux)", file=sys.stderr)
        return 1
    selected = [c for c in cases() if not args.only or args.only in c.name]
    compile_project()
    tmux = Tmux(WIDTH, HEIGHT)
    harness = Harness(tmux, args.poll_ms / 1000)
    rows: list[tuple[Case, Result]] = [(case, Result()) for case in selected]
    # Rounds: each case once per round, so a change of the machine's speed during the
    # benchmark (common on shared machines) touches every case alike.
    paints: list[dict[str, float]] = []
    try:
        for _ in range(args.runs):
            paints.append({})
            for case, result in rows:
                before = len(result.first_paint)
                harness.run(case, result)
                if len(result.first_paint) > before:
                    paints[-1][case.name] = result.first_paint[-1][0]
    finally:
        tmux.close()
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(
        f"TUI timing in tmux {WIDTH}x{HEIGHT}, median of {args.runs} runs, "
        f"poll {args.poll_ms} ms, load average {load}, {os.cpu_count()} CPUs"
    )
    print("times in ms, wall / CPU of the app process (CPU time depends less on the load)")
    print(table(rows, args.runs))
    print(over_empty(paints))
    print(FLOORS)
    for case, result in rows:
        for error in result.errors:
            print(f"{case.name}: article text never appeared; screen ended with: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
