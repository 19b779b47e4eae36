"""The top bar: the article's title and how far through it the reader is."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

PROGRESS_SHARE = 0.45
"""The progress side's share of the bar: fixed, so an update needs no new layout."""


class TitleBar(Widget, can_focus=False):
    """One widget drawing one line (not a row of labels): fewer widgets to style and lay out
    before the reader's first frame, and a progress change repaints only this line."""

    DEFAULT_CSS = """
    TitleBar {
        dock: top;
        height: 1;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    def __init__(self, title: str, loading: bool = False) -> None:
        super().__init__()
        self.title_text = title
        self.is_loading = loading
        self.shown = "loading…" if loading else "0%"
        """What the progress side says."""

    def render(self) -> RenderResult:
        width = self.content_size.width
        right = int(width * PROGRESS_SHARE)
        left = width - right
        # Content is literal text: a title that looks like markup stays as it is.
        title = Content(self.title_text).truncate(left, ellipsis=True)
        progress = Content(self.shown).truncate(right, ellipsis=True)
        return Content.assemble(
            title.stylize("bold"),
            " " * (width - title.cell_length - progress.cell_length),
            progress.stylize("$foreground-muted"),
        )

    def set_loading(self, loading: bool) -> None:
        self.is_loading = loading
        self.shown = "loading…" if loading else ""
        self.refresh()

    def set_progress(self, progress: float, section: str = "") -> None:
        if self.is_loading:
            return
        label = f"{section}  {round(progress * 100)}%" if section else f"{round(progress * 100)}%"
        if label != self.shown:  # repaint only when the words change, not every line
            self.shown = label
            self.refresh()
