"""Selecting text in the document view, and what the view asks of the screen for it.

The selection keys (v, s, p, Esc), the highlights drawn (`marks`, `mark_at`) and the
requests posted up (widgets/messages.py): highlight, recolour, delete, note, remove or
restore a block. The screen owns the store and answers them. Mixed into `DocumentView`
(widgets/document_view.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader import text_units
from reader.annotation_set import COLORS
from widgets.marks import Mark
from widgets.messages import (
    BlockToggleRequested,
    DeleteRequested,
    HighlightRequested,
    NoteRequested,
    RecolorRequested,
)

if TYPE_CHECKING:
    from widgets.view_cursor import ViewCursor as _View
else:
    _View = object


class ViewAnnotating(_View):
    """Selection and annotation keys; a mixin of `DocumentView` over `ViewCursor`."""

    @property
    def footer_status(self) -> str:
        """The mode the footer shows before the keys (as vim's -- VISUAL --)."""
        return "SELECTING" if self.selecting else ""

    def mark_at(self, offset: int) -> Mark | None:
        """The highlight drawn on top at `offset`."""
        return self._marks.at(offset)

    def action_select(self) -> None:
        self.selection_anchor = self.cursor_span()[0]

    def action_select_sentence(self) -> None:
        start, end = text_units.sentence_span(self.document.text, self.cursor)
        self._select(start, end)

    def action_select_paragraph(self) -> None:
        start, end = text_units.paragraph_span(self.document, self.cursor)
        self._select(start, end)

    def _select(self, start: int, end: int) -> None:
        self.selection_anchor = start
        self.move_cursor(max(start, end - 1))

    def action_cancel_selection(self) -> None:
        self.selection_anchor = None

    def action_highlight(self) -> None:
        start, end = self.target_span()
        if end <= start:
            self.app.bell()
            return
        self.action_cancel_selection()
        self.post_message(HighlightRequested(start, end))

    def action_color(self, index: int) -> None:
        color = COLORS[index]
        selected = self.selection()
        if selected is not None:
            self.action_cancel_selection()
            self.post_message(HighlightRequested(*selected, color=color))
            return
        mark = self.mark_at(self.cursor)
        if mark is None:
            self.notify("Select text (v, s, p) or move onto a highlight first.", markup=False)
            return
        self.post_message(RecolorRequested(mark.id, color))

    def action_delete_highlight(self) -> None:
        mark = self.mark_at(self.cursor)
        if mark is None:
            self.notify("No highlight here.", timeout=3, markup=False)
            return
        self.post_message(DeleteRequested(mark.id))

    def action_note(self) -> None:
        mark = self.mark_at(self.cursor) if not self.selecting else None
        if mark is not None:
            self.post_message(NoteRequested(mark.start, mark.end, mark.id))
            return
        at = None if self.selecting else self.cursor
        start, end = self.target_span()
        self.action_cancel_selection()
        self.post_message(NoteRequested(start, end, at=at))

    def action_next_highlight(self, direction: int) -> None:
        target = self._marks.next_start(self.cursor, direction)
        if target is None:
            self.app.bell()
            return
        self.move_cursor(target)

    def action_toggle_block(self) -> None:
        if self.ghost is not None:
            removed = self.document.removed[self.ghost]
            self.post_message(BlockToggleRequested(removed.key, restore=True))
            return
        keys = self.document.block_keys
        index = self.document.block_at(self.cursor)
        if not keys or not keys[index]:
            self.app.bell()
            return
        self.post_message(BlockToggleRequested(keys[index], restore=False))
