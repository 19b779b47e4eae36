"""`reader URL` on a terminal: the page downloads in the UI, one line says how far, Esc stops.

The download (and the cleaning after it) runs in a thread of its own (widgets/opening.py).
When the article is in, the reading screen takes this one's place; a failure (offline, 404,
not an article, too large, the deadline) or Esc ends the reader, and the CLI prints the one
line (`ReaderApp.fail`), as it does for a file that cannot be read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Static

from reader.errors import Cancelled, ReaderError
from reader.loader import LocalLoader, Part
from widgets.opening import Opening

if TYPE_CHECKING:
    from widgets.app import ReaderApp

REDRAW_EVERY = 0.1
"""Seconds between two redraws of the progress line."""


class DownloadScreen(Screen[None]):
    """The page named on the command line, downloading."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", show=False)]

    DEFAULT_CSS = """
    DownloadScreen {
        align: center middle;
        #opening-line { width: auto; max-width: 100%; color: $foreground-muted; }
    }
    """

    def __init__(self, url: str, loader: LocalLoader) -> None:
        super().__init__()
        self._loader = loader
        self.opening: Opening[Part] = Opening(url)
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(self._line(), id="opening-line", markup=False)

    def on_mount(self) -> None:
        loader = self._loader
        self.opening.start(
            self.app, lambda opening: loader.first(opening.progress), self._done, self._failed
        )
        self._timer = self.set_interval(REDRAW_EVERY, self._redraw)

    def _redraw(self) -> None:
        self.query_one("#opening-line", Static).update(self._line())

    def _line(self) -> Content:
        return self.opening.line(self.app.size.width - 2)

    @property
    def _reader_app(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def _done(self, opening: Opening[Part], part: Part) -> None:
        self._stop()
        self._reader_app.open_loaded(self._loader)

    def _failed(self, opening: Opening[Part], error: ReaderError) -> None:
        self._stop()
        self._reader_app.fail(error)

    def action_cancel(self) -> None:
        self.opening.cancelled = True
        self._stop()
        self._reader_app.fail(Cancelled(f"{self.opening.target}: cancelled"))

    def _stop(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
