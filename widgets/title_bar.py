"""The top bar: the article's title, the section being read and how far through it is."""

from __future__ import annotations

from textual.app import RenderResult
from textual.content import Content
from textual.widget import Widget

from reader.sanitize import shown

TITLE_CHARS = 500
"""A stored title longer than this is cut (the bar shows one line anyway)."""

GAP = 3
"""Cells at least between the title and the section (and 2 before the percentage)."""
TITLE_SHARE = 0.55
"""The title's share when neither the title nor the section fits in its half."""


def shares(width: int, title: int, section: int) -> tuple[int, int]:
    """Cells for the title and for the section, in a bar `width` cells wide (after the
    percentage): each whole if both fit; else the shorter one whole if it fits in its half and
    the other the rest; else 55% for the title, 45% for the section."""
    if not section:
        return min(title, width), 0
    room = width - GAP
    if room <= 0:
        return max(0, width), 0
    if title + section <= room:
        return title, section
    title_half = round(room * TITLE_SHARE)
    if title <= title_half:
        return title, room - title
    if section <= room - title_half:
        return room - section, section
    return title_half, room - title_half


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
        self.title_text = shown(title, TITLE_CHARS, one_line=True)
        self.is_loading = loading
        self.section = ""
        """The title of the section being read ("" before the first heading)."""
        self.percent = "loading…" if loading else "0%"
        """How far through the article, always shown at the right."""

    def render(self) -> RenderResult:
        width = self.content_size.width
        # Content is literal text: a title that looks like markup stays as it is.
        percent = Content(self.percent)
        rest = max(0, width - percent.cell_length - 2)
        title = Content(self.title_text)
        section = Content(self.section)
        title_cells, section_cells = shares(rest, title.cell_length, section.cell_length)
        title = title.truncate(title_cells, ellipsis=True)
        section = section.truncate(section_cells, ellipsis=True) if section_cells else Content()
        padding = width - title.cell_length - section.cell_length - percent.cell_length
        return Content.assemble(
            title.stylize("bold"),
            " " * (padding - 2 if section_cells else padding),
            section,
            "  " if section_cells else "",
            percent.stylize("$foreground-muted"),
        )

    def set_loading(self, loading: bool) -> None:
        self.is_loading = loading
        self.percent = "loading…" if loading else "0%"
        self.refresh()

    def set_progress(self, progress: float, section: str = "") -> None:
        if self.is_loading:
            return
        percent = f"{round(progress * 100)}%"
        section = " ".join(section.split())
        if (percent, section) != (self.percent, self.section):  # repaint on a change of words
            self.percent, self.section = percent, section
            self.refresh()
