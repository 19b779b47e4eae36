"""The cursor and the selection over the Document, and the watchers that redraw them.

`ViewCursor` puts the cursor where a key or a click asks (`move_cursor`), keeps it on screen
as the text scrolls, and says what it and the selection cover (widgets/text_cursor.py does
the offsets). The cursor, the selection's anchor, the removed block under the cursor (R
view), the search matches and the current one, the highlights and the link hints are
Textual vars (declared with the view's state in view_core.py): each watcher here redraws
what changed through the strip cache's one invalidation path, so no key has to remember
which rows to drop. The base of the parts mixed into `DocumentView`
(widgets/document_view.py).
"""

from __future__ import annotations

from reader import text_units
from widgets import text_cursor
from widgets.line_layout import LineKind
from widgets.marks import Mark, MarkIndex
from widgets.view_core import DocumentViewCore


class ViewCursor(DocumentViewCore):
    """The cursor and the selection over the Document; the base of `DocumentView`'s parts."""

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        self._cursor_follows_scroll()
        self._post_position()

    def _cursor_follows_scroll(self) -> None:
        """After scrolling, keep the cursor on screen (as j/k do in less-like readers)."""
        lines = self.layout_lines
        if not lines or self.ghost is not None or self._relayouting:
            return
        top = int(self.scroll_offset.y)
        bottom = min(len(lines), top + self.scrollable_content_region.height) - 1
        y = self.line_of(self.cursor)
        if top <= y <= bottom:
            return
        rows = range(top, bottom + 1) if y < top else range(bottom, top - 1, -1)
        for row in rows:
            line = lines[row]
            if line.kind is LineKind.BODY and line.end > line.start:
                start = line.start
                if not text_units.word_span(self.document.text, start):
                    start = text_units.next_word_start(self.document.text, start)
                self.move_cursor(min(start, line.end - 1), scroll=False)
                return

    @property
    def selecting(self) -> bool:
        return self.selection_anchor is not None

    def selection(self) -> tuple[int, int] | None:
        """The selected text's (start, end): whole words from the anchor to the cursor."""
        return text_cursor.selection_span(self.document.text, self.selection_anchor, self.cursor)

    def cursor_span(self) -> tuple[int, int]:
        """What the cursor covers: its word, or one character."""
        return text_cursor.cursor_span(self.document.text, self.cursor)

    def target_span(self) -> tuple[int, int]:
        """What a highlight key acts on: the selection, else the cursor's sentence."""
        return text_cursor.target_span(self.document.text, self.selection_anchor, self.cursor)

    def move_cursor(self, offset: int, *, keep_selection: bool = True, scroll: bool = True) -> None:
        """Put the cursor at `offset` and bring it into view (the watchers redraw it)."""
        self.cursor = text_cursor.clamp(self.document.text, offset)
        self.ghost = None
        if not keep_selection:
            self.selection_anchor = None
        if scroll:
            self._scroll_cursor_into_view()

    def watch_cursor(self, old: int, new: int) -> None:
        anchor = self.selection_anchor
        self._redraw_cursor((anchor, old), (anchor, new))
        self._announce_target()
        self._post_position()  # the title bar and the outline show the cursor's section

    def watch_selection_anchor(self, old: int | None, new: int | None) -> None:
        self._redraw_cursor((old, self.cursor), (new, self.cursor))
        if (old is None) != (new is None):
            self.refresh_bindings()  # the footer says so, and shows Esc to cancel

    def watch_ghost(self) -> None:
        self.invalidate()  # the removed block's label, and the cursor it hides or shows

    def _redraw_cursor(self, before: tuple[int | None, int], after: tuple[int | None, int]) -> None:
        """Redraw what the cursor and selection covered and cover now: (anchor, cursor) each."""
        text = self.document.text
        old = text_cursor.drawn_extent(text, before[0], text_cursor.clamp(text, before[1]))
        new = text_cursor.drawn_extent(text, after[0], text_cursor.clamp(text, after[1]))
        if before[0] is None and after[0] is None:
            self.invalidate(*old)
            self.invalidate(*new)
        else:
            self.invalidate(min(old[0], new[0]), max(old[1], new[1]))

    def _cursor_extent(self) -> tuple[int, int]:
        """Offsets whose drawing depends on the cursor and selection."""
        return text_cursor.drawn_extent(self.document.text, self.selection_anchor, self.cursor)

    def watch_current_match(self, old: int | None, new: int | None) -> None:
        for index in (old, new):
            if index is not None and index < len(self.matches):
                self.invalidate(*self.matches[index])

    def watch_matches(self, matches: list[tuple[int, int]]) -> None:
        self.match_ends = [end for _, end in matches]
        self.invalidate()

    def watch_marks(self, marks: list[Mark]) -> None:
        self._marks = MarkIndex(self.document, marks)
        self.invalidate()

    def watch_hints(self) -> None:
        self.invalidate()
