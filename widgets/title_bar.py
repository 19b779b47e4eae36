"""The top bar: the article's title and how far through it the reader is."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Label


class TitleBar(Horizontal):
    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
        #title { width: 1fr; text-style: bold; text-wrap: nowrap; text-overflow: ellipsis; }
        /* A fixed share of the bar, so updating it needs no new layout. */
        #progress {
            width: 45%;
            color: $foreground-muted;
            text-align: right;
            text-wrap: nowrap;
            text-overflow: ellipsis;
        }
    }
    """

    def __init__(self, title: str, loading: bool = False) -> None:
        super().__init__()
        self._title = title
        self.is_loading = loading
        self._shown = "loading…" if loading else "0%"

    def compose(self) -> ComposeResult:
        yield Label(self._title, id="title", markup=False)
        yield Label(self._shown, id="progress", markup=False)

    def set_loading(self, loading: bool) -> None:
        self.is_loading = loading
        self._shown = "loading…" if loading else ""
        self.query_one("#progress", Label).update(self._shown)

    def set_progress(self, progress: float, section: str = "") -> None:
        if self.is_loading:
            return
        label = f"{section}  {round(progress * 100)}%" if section else f"{round(progress * 100)}%"
        # Updating a label costs a layout pass: only when the words change (not every line).
        if label != self._shown:
            self._shown = label
            self.query_one("#progress", Label).update(label, layout=False)
