"""The mouse over the document view: a click puts the cursor, a drag selects.

`offset_at` maps a cell on screen to a text offset (the inverse of the row painting in
view_painting.py); a click on a removed block's label (R view) puts the cursor on it. Mixed
into `DocumentView` (widgets/document_view.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.cells import cell_len
from textual import events

from widgets.line_layout import LineKind

if TYPE_CHECKING:
    from widgets.view_cursor import ViewCursor as _View
else:
    _View = object


class ViewMouse(_View):
    """Clicks and drags; a mixin of `DocumentView` over `ViewCursor`."""

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset drawn at content coordinates (x, y), if any."""
        row = int(self.scroll_offset.y) + y
        lines = self.layout_lines
        if not 0 <= row < len(lines) or lines[row].kind is not LineKind.BODY:
            return None
        line = lines[row]
        margin = max(0, (self.scrollable_content_region.width - self.text_width) // 2)
        column = x - margin - cell_len(line.prefix)
        offset = line.start
        text = self.document.text
        width = 0
        while offset < line.end and text[offset] != "\n":
            width += cell_len(text[offset])
            if width > column:
                return offset
            offset += 1
        return max(line.start, offset - 1) if offset > line.start else line.start

    def _removed_at(self, y: int) -> int | None:
        row = int(self.scroll_offset.y) + y
        lines = self.layout_lines
        if 0 <= row < len(lines) and lines[row].kind is LineKind.REMOVED:
            return lines[row].removed
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        if event.button != 1:
            return
        removed = self._removed_at(event.y)
        if removed is not None:
            self.ghost = removed
            return
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        self._drag_from = offset
        self._moved()
        self.move_cursor(offset, keep_selection=False, scroll=False)
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._drag_from is None or not event.button:
            return
        offset = self.offset_at(event.x, event.y)
        if offset is None or offset == self.cursor:
            return
        self.selection_anchor = self._drag_from
        self.move_cursor(offset, scroll=False)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.release_mouse()
