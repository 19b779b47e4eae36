"""Painting the document view's rows: a layout `Line` and its decorations into a `Strip`.

Owns `render_line` and the strip cache's contents (the cache itself and its one invalidation
path, `invalidate`, are in view_core.py), the row styles (component classes read once
and kept until the CSS changes them), the focus hooks that redraw the cursor's rows, and the
decorations drawn over a row's text: inline spans, highlights, search matches, the selection
and the cursor. Mixed into `DocumentView` (widgets/document_view.py).
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from reader.annotation_set import COLORS
from reader.document import BlockKind, Span, SpanKind
from widgets.line_layout import Line, LineKind
from widgets.theme import highlight_style

if TYPE_CHECKING:
    from widgets.view_cursor import ViewCursor as _View
else:
    _View = object

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
    highlight: bool = False
    text: str = ""
    """Drawn instead of text[start:end] (a hint's label), if given."""


# Styles no theme changes, kept out of the component classes: Textual styles every component
# class on each CSS update of the view (twice before the first frame). The cursor is reversed
# when the view has the focus and underlined when not (not a :blur rule: on_focus/on_blur
# redraw the cursor's rows alone, where a change of component styles redraws the whole view);
# a highlight brings its own text colour (widgets/theme.py), readable in every theme.
FIXED_STYLES: dict[str, Style] = {
    "cursor": Style(reverse=True),
    "cursor-unfocused": Style(underline=True),
    "overlap": Style(underline=True),
    **{f"hl-{color}": highlight_style(color) for color in COLORS},
}


class ViewPainting(_View):
    """Draws the document view's rows; a mixin of `DocumentView` over `ViewCursor`."""

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._check_styles = True
        self._row_setup = None

    def _setup(self) -> tuple[int, int, int, Style]:
        if self._row_setup is None:
            width = self.scrollable_content_region.width
            column = self.text_width
            self._row_setup = (width, column, max(0, (width - column) // 2), self.rich_style)
        return self._row_setup

    def _styles_changed(self) -> bool:
        """Whether the CSS now gives other styles than the cached rows were drawn with."""
        key = (
            self.rich_style,
            *(
                self.get_component_rich_style(name, partial=True)
                for name in sorted(self.COMPONENT_CLASSES)
            ),
        )
        if key == self._styles_key:
            return False
        self._styles_key = key
        return True

    def _style(self, name: str) -> Style:
        # `is None`, not truthiness: an empty Rich Style is falsy and must stay cached.
        style = FIXED_STYLES.get(name)
        if style is None:
            style = self._styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"document-view--{name}", partial=True)
            self._styles[name] = style
        return style

    def _cursor_style(self) -> Style:
        return self._style("cursor" if self.has_focus else "cursor-unfocused")

    # Only the cursor's look depends on focus: its rows are drawn again, and every other row
    # comes from the cache when Textual repaints the view (re-styling it would draw every row
    # anew: ~40 ms each time the focus came back from a prompt).
    def watch_has_focus(self, has_focus: bool) -> None:
        """No CSS rule of this view depends on focus: skip Textual's re-styling."""

    def on_focus(self) -> None:
        self.invalidate(*self._cursor_extent())

    def on_blur(self) -> None:
        self.invalidate(*self._cursor_extent())

    def render_line(self, y: int) -> Strip:
        if self._check_styles:
            self._check_styles = False
            if self._styles_changed():
                self._styles.clear()
                self.invalidate(redraw=False)  # this frame is being drawn now
        index = int(self.scroll_offset.y) + y
        strip = self._strips.get(index)
        if strip is not None:
            return strip
        # Cached at the widget's width (a resize clears the cache): no new Strip per frame.
        width, _, _, base = self._setup()
        lines = self.layout_lines
        if index >= len(lines):
            return Strip.blank(width, base)
        strip = self._render_layout_line(lines[index], base).crop_extend(0, width, base)
        self._strips[index] = strip
        return strip

    def _render_layout_line(self, line: Line, base: Style) -> Strip:
        _, column, margin, _ = self._setup()
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
            if kind is LineKind.REMOVED and line.removed == self.ghost:
                style = style + self._cursor_style()
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
        if block.kind is BlockKind.IMAGE:
            return base + self._style("image")
        header = _HEADER_STYLES.get(block.kind)
        return base if header is None else base + self._style(header)

    def _body_segments(self, line: Line, base: Style) -> list[Segment]:
        text = self.document.text
        start, end = line.start, line.end
        while end > start and text[end - 1] in " \n":
            end -= 1
        style = self._block_style(line, base)
        out: list[Segment] = []
        if line.prefix:
            out.append(Segment(line.prefix, base + self._style("marker")))
        decorations = self._decorations(line.block, start, end)
        if not decorations:
            out.append(Segment(text[start:end], style))
            return out
        cuts = {start, end}
        for decoration in decorations:
            cuts.add(max(start, min(end, decoration.start)))
            cuts.add(max(start, min(end, decoration.end)))
        note_ends = {
            mark.end
            for _, mark in self._marks.in_block(line.block)
            if mark.has_note and start < mark.end <= end
        }
        overlap = self._style("overlap")
        for left, right in itertools.pairwise(sorted(cuts)):
            piece_style = style
            highlights = 0
            for decoration in decorations:
                if decoration.start <= left and right <= decoration.end:
                    piece_style = piece_style + decoration.style
                    highlights += decoration.highlight
            if highlights > 1:
                piece_style = piece_style + overlap
            piece = text[left:right]
            for decoration in decorations:
                if decoration.text and decoration.start <= left and right <= decoration.end:
                    piece = decoration.text[left - decoration.start : right - decoration.start]
            out.append(Segment(piece, piece_style))
            if right in note_ends:
                out.append(Segment("✎", base + self._style("note-marker")))
        return out

    def _decorations(self, block: int, start: int, end: int) -> list[Decoration]:
        """Styles over parts of text[start:end], later ones drawn over earlier ones."""
        found: list[Decoration] = []
        for span in self._spans_between(start, end):
            if span.kind is SpanKind.CODE:
                style = self._style("inline-code")
            elif span.kind is SpanKind.LINK:
                style = self._style("link")
            else:
                style = _SPAN_STYLES[span.kind]
            found.append(Decoration(span.start, span.end, style))
        for _, mark in self._marks.in_block(block):
            if mark.start < end and mark.end > start:
                found.append(
                    Decoration(mark.start, mark.end, self._style(f"hl-{mark.color}"), True)
                )
        if self.matches:
            first = bisect.bisect_right(self.match_ends, start)
            for index in range(first, len(self.matches)):
                match_start, match_end = self.matches[index]
                if match_start >= end:
                    break
                name = "search-current" if index == self.current_match else "search-match"
                found.append(Decoration(match_start, match_end, self._style(name)))
        selected = self.selection()
        if selected is not None and selected[0] < end and selected[1] > start:
            found.append(Decoration(selected[0], selected[1], self._style("selection")))
        if self.ghost is None:
            cursor_start, cursor_end = self.cursor_span()
            if cursor_start < end and cursor_end > start:
                found.append(Decoration(cursor_start, cursor_end, self._cursor_style()))
        for at, label in self.hints.items():  # hint mode: labels over the links' first letters
            if start <= at < end and label:
                stop = min(end, at + len(label))
                found.append(Decoration(at, stop, self._style("hint"), text=label))
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

_HEADER_STYLES = {
    BlockKind.TITLE: "title",
    BlockKind.STANDFIRST: "subtitle",
    BlockKind.BYLINE: "byline",
}
