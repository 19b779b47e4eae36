"""A page being opened in a thread of its own: how far its download is, and Esc to stop it.

Following a link (widgets/following.py) and `reader URL` on a terminal (widgets/download_screen.py)
open a page this way. The work runs in a daemon thread, not a Textual thread worker: Python
waits for a worker pool's threads before the process ends, so a server that never answers
would hold `q` until the download's deadline. A cancelled opening stops its download at the
next piece that arrives (its progress raises `Cancelled`), and whatever it brings is dropped.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

from textual.app import App
from textual.content import Content

from reader.errors import Cancelled, ReaderError
from reader.sanitize import shown

T = TypeVar("T")

TARGET_CELLS = 200
"""At most this much of a target in the line (the row cuts it to the window)."""


def received_line(received: int, total: int | None) -> str:
    """How far a download is: `48 kB of 120 kB`, `1.2 MB`."""
    said = _amount(received)
    return said if total is None else f"{said} of {_amount(total)}"


def _amount(size: int) -> str:
    if size < 1_000_000:
        return f"{size / 1000:.0f} kB" if size >= 1000 else f"{size} bytes"
    return f"{size / 1e6:.1f} MB"


class Opening(Generic[T]):
    """One page being opened: what, how far, and whether the reader cancelled it."""

    def __init__(self, target: str) -> None:
        self.target = shown(target, TARGET_CELLS, one_line=True)
        self.said = "connecting"
        """How far it is (written by its thread, read by the screen's timer)."""
        self.cancelled = False

    def line(self) -> Content:
        """The footer's line: what, how far, and how to stop it (never markup)."""
        return Content(f"Opening {self.target} … {self.said}  Esc cancels")

    def progress(self, received: int, total: int | None) -> None:
        """The download's progress (`reader.fetch.Progress`): raises once cancelled."""
        if self.cancelled:
            raise Cancelled("cancelled")
        self.said = received_line(received, total)

    def start(
        self,
        app: App[object],
        work: Callable[[Opening[T]], T],
        done: Callable[[Opening[T], T], None],
        failed: Callable[[Opening[T], ReaderError], None],
    ) -> None:
        """Run `work` in a daemon thread; then `done` or `failed` on the UI thread, unless
        cancelled (they are given this opening: the screen checks it is still its own)."""

        def run() -> None:
            # The app may have ended meanwhile: then call_from_thread raises, nothing is due.
            with contextlib.suppress(RuntimeError):
                try:
                    result = work(self)
                except Exception as error:  # a bug in cleaning too: one line, not a hang
                    if not self.cancelled:
                        app.call_from_thread(failed, self, _one_line(self.target, error))
                    return
                if not self.cancelled:
                    app.call_from_thread(done, self, result)

        threading.Thread(target=run, name="opening", daemon=True).start()


def _one_line(target: str, error: Exception) -> ReaderError:
    if isinstance(error, ReaderError):
        return error
    return ReaderError(f"{target}: could not be opened ({type(error).__name__}: {error})")
