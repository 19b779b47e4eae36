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
from reader.links import shown as shorten

T = TypeVar("T")

TARGET_CELLS = 2000
"""At most this much of a target is kept (a line shortens it to its width)."""


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
        self.target = shorten(target, TARGET_CELLS)
        """The target as it may be shown: one line, no controls, no password."""
        self.said = "connecting"
        """How far it is (written by its thread, read by the screen's timer)."""
        self.cancelled = False

    def line(self, width: int = 0) -> Content:
        """The line that says what opens, how far it is and how to stop it, in `width` cells
        (0: any): the target is shortened in its middle, so how far and Esc stay in sight."""
        rest = f" … {self.said}  Esc cancels"
        room = max(12, width - len("Opening ") - len(rest)) if width > 0 else 0
        return Content(f"Opening {shorten(self.target, room)}{rest}")

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
