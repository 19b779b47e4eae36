"""The reading position survives a closed terminal, a kill, or a reader who never presses q.

The place is saved a moment after the reader stops moving, and on SIGHUP (the terminal window
closed) and SIGTERM, with a note being typed. The signal tests run `reader FILE` as a real
process in a pseudo-terminal, as a terminal window would, then read the store the next
`reader` opens with.
"""

from __future__ import annotations

import fcntl
import os
import pty
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from store.library import Library
from tests.conftest import ROOT, SAMPLES
from tests.ui.helpers import make_app, view_of, wait_until

ESSAY = SAMPLES / "notes-in-the-margin.md"
_ESCAPES = re.compile(r"\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[\]P_^][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b.")


def _saved_place(store: Path) -> tuple[int, float] | None:
    library = Library(store)
    try:
        articles = library.articles()
        return (articles[0].position, articles[0].progress) if articles else None
    finally:
        library.close()


def _until(condition: Callable[[], object], what: str, timeout: float = 60.0) -> None:
    """Poll until `condition()` holds; the cap detects a hang, it is no speed limit."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"still not true after {timeout} s: {what}"
        time.sleep(0.05)


class Terminal:
    """`reader FILE` in a pseudo-terminal of 100x30: keys in, the screen's text out."""

    def __init__(self, article: Path, store: Path) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "PYTHONPATH": str(ROOT)}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "reader", str(article), "--store", str(store)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            cwd=ROOT,
            env=env,
            start_new_session=True,  # its own session, with this terminal as its own
        )
        os.close(slave)
        self._output: list[bytes] = []
        self._reader = threading.Thread(target=self._drain, daemon=True)
        self._reader.start()

    def _drain(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the other end closed
                return
            if not chunk:
                return
            self._output.append(chunk)

    def text(self) -> str:
        """Everything drawn so far, escape sequences removed."""
        return _ESCAPES.sub("", b"".join(self._output).decode("utf-8", "replace"))

    def percent(self) -> int | None:
        shown = re.findall(r"(\d+)%", self.text())
        return int(shown[-1]) if shown else None

    def press(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def wait_exit(self) -> int:
        return self.process.wait(timeout=60)

    def close(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=60)
        with suppress(OSError):
            os.close(self.master)


@contextmanager
def terminal(article: Path, store: Path) -> Iterator[Terminal]:
    term = Terminal(article, store)
    try:
        _until(lambda: "Notes in the Margin" in term.text(), "the first frame")
        yield term
    finally:
        term.close()


THREE_PAGES = "   "


@pytest.fixture
def place_after_q(tmp_path: Path) -> tuple[tuple[int, float], int]:
    """Where three pages down is, as `q` saves it (position, progress), and its percentage."""
    store = tmp_path / "store-q"
    with terminal(ESSAY, store) as term:
        term.press(THREE_PAGES + "q")  # q comes after the pages: keys are read in order
        assert term.wait_exit() == 0
    place = _saved_place(store)
    assert place is not None and place[0] > 0
    return place, round(place[1] * 100)


def _page_down(term: Terminal, percent: int) -> None:
    term.press(THREE_PAGES)
    _until(lambda: term.percent() == percent, f"the title bar says {percent}%")


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_closed_terminal_or_sigterm_keeps_the_place(signum, place_after_q, tmp_path):
    place, percent = place_after_q
    store = tmp_path / "store"
    with terminal(ESSAY, store) as term:
        _page_down(term, percent)
        term.process.send_signal(signum)  # at once: no time for the pause's save
        if signum == signal.SIGHUP:
            os.close(term.master)  # and the terminal is gone, as when its window closes
        assert term.wait_exit() in (0, 128 + signum)
    assert _saved_place(store) == place  # the next `reader` opens here


def _saved_notes(store: Path) -> list[tuple[str, str]]:
    library = Library(store)
    try:
        [article] = library.articles()
        return [(note.exact, note.note) for note in library.annotations(article.id)]
    finally:
        library.close()


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGTERM], ids=["SIGHUP", "SIGTERM"])
def test_a_note_being_typed_when_the_terminal_closes_is_kept(signum, tmp_path):
    store = tmp_path / "store"
    with terminal(ESSAY, store) as term:
        term.press("a")  # a note on the first sentence, not highlighted yet
        _until(lambda: "ctrl+s save" in term.text(), "the note editor")
        term.press("Typed, never saved")
        _until(lambda: "Typed, never saved" in term.text(), "the note on screen")
        term.process.send_signal(signum)
        if signum == signal.SIGHUP:
            os.close(term.master)
        assert term.wait_exit() in (0, 128 + signum)
    [(quote, note)] = _saved_notes(store)
    assert note == "Typed, never saved" and quote


def test_the_place_is_saved_while_reading_so_even_a_kill_keeps_it(place_after_q, tmp_path):
    place, percent = place_after_q
    store = tmp_path / "store"
    with terminal(ESSAY, store) as term:
        _page_down(term, percent)
        _until(lambda: _saved_place(store) == place, "saved a moment after the keys stop")
        term.process.kill()  # SIGKILL: nothing runs after it
        term.wait_exit()
    assert _saved_place(store) == place


async def test_the_place_is_saved_once_the_reader_stops_moving(temp_store):
    app = make_app(ESSAY, temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        view = view_of(app)
        await pilot.press("space", "space", "space")

        def saved() -> bool:
            place = _saved_place(temp_store)
            return place is not None and place[0] == view.position > 0

        await wait_until(pilot, saved, "the position saved without q")


async def test_moving_the_cursor_on_the_same_page_saves_nothing(temp_store):
    app = make_app(ESSAY, temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        view = view_of(app)
        saves: list[int] = []
        save_article = app.library.save_article

        def counting(record):  # type: ignore[no-untyped-def]
            saves.append(record.position)
            save_article(record)

        app.library.save_article = counting  # type: ignore[method-assign]
        await pilot.press("w", "w", ")")  # the cursor moves on the page
        await wait_until(pilot, lambda: view.cursor > 0, "the cursor moved")
        await pilot.pause()
        assert app.screen._position_timer is None  # no save on its way: nothing to save
        await pilot.press("space")
        await wait_until(pilot, lambda: saves, "the page down saved")
        assert saves == [view.position] and view.position > 0
