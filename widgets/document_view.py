"""The document view: a Line-API widget that draws only the rows on screen.

The Document is wrapped once per width into `Line`s (offset ranges); `render_line` turns the
visible ones into strips, cached until the decorations (search matches, highlights) change.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.document import BlockKind, Document, Span, SpanKind
from reader.search import find_all
from widgets import keymap
from widgets.line_layout import Layout, Line, LineKind, layout_document

_SPAN_STYLES = {
    SpanKind.EMPHASIS: Style(italic=True),
    SpanKind.STRONG: Style(bold=True),
    SpanKind.STRIKE: Style(strike=True),
}


@dataclass
class Decoration:
    start: int
    end: int
    style: Style


class DocumentView(ScrollView, can_focus=True):
    """Shows a Document in a centred column; scrolls by line, page, paragraph and section."""

    BINDINGS = keymap.bindings(keymap.READING)

    COMPONENT_CLASSES = {
        "document-view--title",
        "document-view--subtitle",
        "document-view--byline",
        "document-view--rule",
        "document-view--heading",
        "document-view--heading-minor",
        "document-view--quote",
        "document-view--code",
        "document-view--inline-code",
        "document-view--link",
        "document-view--marker",
        "document-view--removed",
        "document-view--removed-label",
        "document-view--search-match",
        "document-view--search-current",
    }

    DEFAULT_CSS = """
    DocumentView {
        background: $surface;
        color: $foreground;
        scrollbar-gutter: stable;
        & > .document-view--title { color: $accent; text-style: bold; }
        & > .document-view--subtitle { color: $foreground-muted; text-style: italic; }
        & > .document-view--byline { color: $foreground-muted; }
        & > .document-view--rule { color: $foreground-muted; }
        & > .document-view--heading { color: $accent; text-style: bold; }
        & > .document-view--heading-minor { color: $secondary; text-style: bold; }
        & > .document-view--quote { color: $foreground-muted; text-style: italic; }
        & > .document-view--code { color: $success; }
        & > .document-view--inline-code { color: $success; }
        & > .document-view--link { color: $primary; text-style: underline; }
        & > .document-view--marker { color: $secondary; }
        & > .document-view--removed { color: $foreground-disabled; text-style: strike; }
        & > .document-view--removed-label { color: $warning; text-style: italic; }
        & > .document-view--search-match { background: $warning 40%; }
        & > .document-view--search-current { background: $warning; color: $background; }
    }
    """

    class PositionChanged(Message):
        """The reading position (offset of the top line) or progress changed."""

        def __init__(self, view: DocumentView, offset: int, progress: float) -> None:
            super().__init__()
            self.view = view
            self.offset = offset
            self.progress = progress

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, DocumentView.PositionChanged)

    class SearchUpdated(Message):
        def __init__(self, query: str, count: int, current: int | None) -> None:
            super().__init__()
            self.search_query = query
            self.count = count
            self.current = current

    column_width: reactive[int] = reactive(80)
    show_removed: reactive[bool] = reactive(False)

    def __init__(
        self,
        document: Document,
        *,
        column_width: int = 80,
        position: int = 0,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.document = document
        self.layout_cache: Layout | None = None
        self._layout_width = 0
        self._pending_position: int | None = position
        self._strips: LRUCache[int, Strip] = LRUCache(1024)
        self._styles: dict[str, Style] = {}
        self.matches: list[tuple[int, int]] = []
        self.match_ends: list[int] = []
        self.current_match: int | None = None
        self.search_query = ""
        self._span_starts = [span.start for span in document.spans]
        self.set_reactive(DocumentView.column_width, column_width)

    # ----------------------------------------------------------------- layout

    @property
    def text_width(self) -> int:
        """Cells available for text: the column, or less on a narrow terminal."""
        return max(10, min(self.column_width, self.scrollable_content_region.width - 2))

    @property
    def layout_lines(self) -> list[Line]:
        return self.layout_cache.lines if self.layout_cache else []

    def _relayout(self) -> None:
        """Wrap for the current width, keeping the reading position on screen."""
        first_layout = self.layout_cache is None
        keep = self._pending_position
        if keep is None and self.layout_cache is not None:
            keep = self.position
        self.layout_cache = layout_document(self.document, self.text_width, self.show_removed)
        self._layout_width = self.text_width
        self._strips.clear()
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.layout_lines))
        if keep is not None:
            self._pending_position = None
            self.restore_position(keep)
            if first_layout and keep > 0:
                # The first layout happens before the scrollable size is known: scroll again,
                # unless the reader has already moved.
                self.call_after_refresh(self._retry_restore, keep)
        self.refresh()
        self._post_position()

    def on_resize(self, event: events.Resize) -> None:
        if self.layout_cache is None or self.text_width != self._layout_width:
            self._relayout()
        else:
            self._strips.clear()
            self.virtual_size = Size(self.scrollable_content_region.width, len(self.layout_lines))

    def watch_column_width(self) -> None:
        if self.layout_cache is not None:
            self._relayout()

    def watch_show_removed(self) -> None:
        if self.layout_cache is not None:
            self._relayout()

    def set_document(self, document: Document) -> None:
        """Show another version of the document (e.g. after a cleaning change)."""
        position = self.position
        self.document = document
        self._span_starts = [span.start for span in document.spans]
        self.matches, self.match_ends, self.current_match = [], [], None
        if self.search_query:
            self._set_matches(find_all(document.text, self.search_query))
        self._pending_position = min(position, len(document.text))
        self._relayout()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._strips.clear()

    # --------------------------------------------------------------- position

    @property
    def position(self) -> int:
        """Offset of the text at the top of the screen: the reading position."""
        lines = self.layout_lines
        if not lines:
            return self._pending_position or 0
        return lines[min(int(self.scroll_offset.y), len(lines) - 1)].start

    @property
    def progress(self) -> float:
        """How far through the article: 0 at the top, 1 when its end is on screen."""
        if self.max_scroll_y <= 0:
            return 1.0
        return min(1.0, self.scroll_offset.y / self.max_scroll_y)

    def line_of(self, offset: int) -> int:
        return self.layout_cache.line_of(offset) if self.layout_cache else 0

    def scroll_to_line(self, y: int) -> None:
        self.scroll_to(y=max(0, y), animate=False, immediate=True)

    def restore_position(self, position: int) -> None:
        """Scroll back to a saved reading position (0: the very top, title included)."""
        self.scroll_to_line(self.line_of(position) if position > 0 else 0)

    def _retry_restore(self, position: int) -> None:
        if self.scroll_offset.y == 0:
            self.restore_position(position)

    def scroll_to_offset(self, offset: int, where: str = "top") -> None:
        """Bring the line showing `offset` on screen: at the top, or in view if it is not."""
        y = self.line_of(offset)
        height = self.scrollable_content_region.height
        if where == "top":
            self.scroll_to_line(y)
        elif not (self.scroll_offset.y <= y < self.scroll_offset.y + height):
            self.scroll_to_line(y - height // 3)

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._post_position()

    def _post_position(self) -> None:
        self.post_message(self.PositionChanged(self, self.position, self.progress))

    # ---------------------------------------------------------------- actions

    def action_scroll_line(self, lines: int) -> None:
        self.scroll_to_line(int(self.scroll_offset.y) + lines)

    def action_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height - 1)
        self.scroll_to_line(int(self.scroll_offset.y) + direction * step)

    def action_half_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        self.scroll_to_line(int(self.scroll_offset.y) + direction * step)

    def action_top(self) -> None:
        self.scroll_to_line(0)

    def action_bottom(self) -> None:
        self.scroll_to_line(len(self.layout_lines))

    def action_section(self, direction: int) -> None:
        starts = [section.start for section in self.document.sections]
        self._jump_between(starts, direction)

    def action_paragraph(self, direction: int) -> None:
        starts = [block.start for block in self.document.blocks if block.kind is not BlockKind.RULE]
        self._jump_between(starts, direction)

    def _jump_between(self, starts: list[int], direction: int) -> None:
        """Put the next (or previous) of `starts` at the top of the screen."""
        if not starts:
            self.app.bell()
            return
        y = int(self.scroll_offset.y)
        here = self.position
        if direction > 0:
            index = bisect.bisect_left(starts, here)
            while index < len(starts) and self.line_of(starts[index]) <= y:
                index += 1
            if index >= len(starts):
                self.app.bell()
                return
        else:
            index = bisect.bisect_right(starts, here) - 1
            while index >= 0 and self.line_of(starts[index]) >= y:
                index -= 1
            if index < 0:
                self.scroll_to_line(0)
                return
        self.scroll_to_offset(starts[index], where="top")

    # ----------------------------------------------------------------- search

    def search(self, query: str, origin: int | None = None) -> int:
        """Highlight every match of `query`; jump to the first at or after `origin`."""
        self.search_query = query
        self._set_matches(find_all(self.document.text, query))
        if self.matches:
            origin = self.position if origin is None else origin
            index = bisect.bisect_left(self.match_ends, origin + 1)
            self.current_match = index % len(self.matches)
            self.scroll_to_offset(self.matches[self.current_match][0], where="visible")
        self._announce_search()
        return len(self.matches)

    def clear_search(self) -> None:
        self.search_query = ""
        self._set_matches([])
        self._announce_search()

    def _set_matches(self, matches: list[tuple[int, int]]) -> None:
        self.matches = matches
        self.match_ends = [end for _, end in matches]
        self.current_match = None
        self._strips.clear()
        self.refresh()

    def action_search_next(self, direction: int) -> None:
        if not self.matches:
            self.app.bell()
            return
        if self.current_match is None:
            self.current_match = 0 if direction > 0 else len(self.matches) - 1
        else:
            self.current_match = (self.current_match + direction) % len(self.matches)
        self._strips.clear()
        self.scroll_to_offset(self.matches[self.current_match][0], where="visible")
        self.refresh()
        self._announce_search()

    def _announce_search(self) -> None:
        count = len(self.matches)
        self.post_message(self.SearchUpdated(self.search_query, count, self.current_match))

    # --------------------------------------------------------------- drawing

    def _style(self, name: str) -> Style:
        style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"document-view--{name}", partial=True)
            self._styles[name] = style
        return style

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        index = int(self.scroll_offset.y) + y
        base = self.rich_style
        lines = self.layout_lines
        if index >= len(lines):
            return Strip.blank(width, base)
        strip = self._strips.get(index)
        if strip is None:
            strip = self._render_layout_line(lines[index], base)
            self._strips[index] = strip
        return strip.crop_extend(0, width, base)

    def _render_layout_line(self, line: Line, base: Style) -> Strip:
        column = self.text_width
        margin = max(0, (self.scrollable_content_region.width - column) // 2)
        segments = [Segment(" " * margin, base)] if margin else []
        kind = line.kind
        if kind is LineKind.BODY:
            segments.extend(self._body_segments(line, base))
        elif kind is LineKind.RULE:
            segments.append(Segment("─" * column, base + self._style("rule")))
        elif kind is not LineKind.BLANK:
            style = base + self._style(_LITERAL_STYLES[kind])
            if kind is LineKind.REMOVED and line.literal.startswith("removed:"):
                style = base + self._style("removed-label")
            if line.prefix:
                segments.append(Segment(line.prefix, base + self._style("marker")))
            segments.append(Segment(line.literal, style))
        return Strip(segments)

    def _block_style(self, line: Line, base: Style) -> Style:
        block = self.document.blocks[line.block]
        if block.kind is BlockKind.HEADING:
            return base + self._style("heading" if block.level <= 2 else "heading-minor")
        if block.kind is BlockKind.QUOTE:
            return base + self._style("quote")
        if block.kind is BlockKind.CODE:
            return base + self._style("code")
        return base

    def _body_segments(self, line: Line, base: Style) -> list[Segment]:
        text = self.document.text
        start, end = line.start, line.end
        while end > start and text[end - 1] in " \n":
            end -= 1
        style = self._block_style(line, base)
        out: list[Segment] = []
        if line.prefix:
            out.append(Segment(line.prefix, base + self._style("marker")))
        decorations = self._decorations(start, end)
        if not decorations:
            out.append(Segment(text[start:end], style))
            return out
        cuts = {start, end}
        for decoration in decorations:
            cuts.add(max(start, decoration.start))
            cuts.add(min(end, decoration.end))
        points = sorted(cuts)
        for left, right in itertools.pairwise(points):
            piece_style = style
            for decoration in decorations:
                if decoration.start <= left and right <= decoration.end:
                    piece_style = piece_style + decoration.style
            out.append(Segment(text[left:right], piece_style))
        return out

    def _decorations(self, start: int, end: int) -> list[Decoration]:
        """Styles over parts of text[start:end]: inline spans, then search matches."""
        found: list[Decoration] = []
        for span in self._spans_between(start, end):
            if span.kind is SpanKind.CODE:
                style = self._style("inline-code")
            elif span.kind is SpanKind.LINK:
                style = self._style("link")
            else:
                style = _SPAN_STYLES[span.kind]
            found.append(Decoration(span.start, span.end, style))
        if self.matches:
            first = bisect.bisect_right(self.match_ends, start)
            for index in range(first, len(self.matches)):
                match_start, match_end = self.matches[index]
                if match_start >= end:
                    break
                name = "search-current" if index == self.current_match else "search-match"
                found.append(Decoration(match_start, match_end, self._style(name)))
        return found

    def _spans_between(self, start: int, end: int) -> list[Span]:
        spans = self.document.spans
        if not spans:
            return []
        # Inline spans never cross a block, so looking back one block's length is enough.
        block = self.document.blocks[self.document.block_at(start)]
        first = bisect.bisect_left(self._span_starts, block.start)
        last = bisect.bisect_left(self._span_starts, end)
        return [span for span in spans[first:last] if span.end > start]


_LITERAL_STYLES = {
    LineKind.TITLE: "title",
    LineKind.SUBTITLE: "subtitle",
    LineKind.BYLINE: "byline",
    LineKind.REMOVED: "removed",
}
