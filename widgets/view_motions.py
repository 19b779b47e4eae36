"""Motions of the document view: line, page, section, paragraph, word and sentence moves.

Keys move the cursor over the Document and scroll; a move the head of a loading article
cuts short is done again when the whole arrives (`_cut_short`, in view_core.py). Mixed into
`DocumentView` (widgets/document_view.py).
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from reader import text_units
from reader.document import BlockKind
from widgets.line_layout import LineKind

if TYPE_CHECKING:
    from widgets.view_cursor import ViewCursor as _View
else:
    _View = object


class ViewMotions(_View):
    """The document view's moves; a mixin of `DocumentView` over `ViewCursor`."""

    def action_scroll_line(self, lines: int) -> None:
        self._scroll_by("action_scroll_line", lines, lines)

    def action_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height - 1)
        self._scroll_by("action_page", direction, direction * step)

    def action_half_page(self, direction: int) -> None:
        step = max(1, self.scrollable_content_region.height // 2)
        self._scroll_by("action_half_page", direction, direction * step)

    def _scroll_by(self, action: str, direction: int, lines: int) -> None:
        if direction > 0 and self._at_bottom():
            self._cut_short(action, direction)
        else:
            self._moved()
        self.scroll_to_line(int(self.scroll_offset.y) + lines)

    def action_top(self) -> None:
        self._moved()
        self.scroll_to_line(0)
        if self.document.blocks:
            self.move_cursor(self.document.blocks[0].start, scroll=False)

    def action_bottom(self) -> None:
        self._moved()
        self._cut_short("action_bottom")  # the head's end is not the article's
        self.scroll_to_line(len(self.layout_lines))
        if self.document.blocks:
            last = self.document.blocks[-1]
            self.move_cursor(
                text_units.previous_word_start(self.document.text, last.end), scroll=False
            )

    def action_section(self, direction: int) -> None:
        starts = [section.start for section in self.document.sections]
        self._jump_between(starts, direction, "action_section")

    def action_paragraph(self, direction: int) -> None:
        starts = [block.start for block in self.document.blocks if block.kind is not BlockKind.RULE]
        if self.show_removed and self.document.removed:
            self._step_with_removed(starts, direction)
            return
        self._jump_between(starts, direction, "action_paragraph")

    def _step_with_removed(self, starts: list[int], direction: int) -> None:
        """Paragraph steps that also stop on removed blocks (shown with R)."""
        ghost_lines = self._ghost_lines()
        here = ghost_lines[self.ghost] if self.ghost is not None else self.line_of(self.cursor)
        stops = sorted(
            [(self.line_of(start), -1, start) for start in starts]
            + [(line, index, -1) for index, line in ghost_lines.items()]
        )
        ahead = [stop for stop in stops if (stop[0] > here if direction > 0 else stop[0] < here)]
        if not ahead:
            self.app.bell()
            return
        line, ghost, start = ahead[0] if direction > 0 else ahead[-1]
        if ghost >= 0:
            self.ghost = ghost
            self._scroll_line_into_view(line)
        else:
            self.move_cursor(start)

    def _scroll_line_into_view(self, y: int) -> None:
        top = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if y < top:
            self.scroll_to_line(y - 1)
        elif y >= top + height - 1:
            self.scroll_to_line(y - height + 3)

    def _ghost_lines(self) -> dict[int, int]:
        """For each removed block shown, the line of its label."""
        found: dict[int, int] = {}
        for y, line in enumerate(self.layout_lines):
            if line.kind is LineKind.REMOVED and line.removed not in found:
                found[line.removed] = y
        return found

    def _jump_between(self, starts: list[int], direction: int, action: str) -> None:
        """Move the cursor to the next (or previous) of `starts`, scrolled to the top."""
        if direction > 0:
            index = bisect.bisect_right(starts, self.cursor)
        else:
            index = bisect.bisect_left(starts, self.cursor) - 1
        if not 0 <= index < len(starts):
            if direction < 0:
                self.scroll_to_line(0)
            elif self.partial:
                self._cut_short(action, direction)
                return
            self.app.bell()
            return
        self._moved()
        self.move_cursor(starts[index], scroll=False)
        self.scroll_to_offset(starts[index], where="top")

    def action_word(self, direction: int) -> None:
        text = self.document.text
        if direction > 0:
            self._step_to(text_units.next_word_start(text, self.cursor), "action_word")
        else:
            self._step_to(text_units.previous_word_start(text, self.cursor), "")

    def _step_to(self, offset: int, action: str) -> None:
        """Move the cursor by a word or sentence; forward, at the head's end, cut short."""
        before = self.cursor
        self.move_cursor(offset)
        if self.cursor == before and action:
            self._cut_short(action, 1)
        else:
            self._moved()

    def action_select_back(self) -> None:
        self.action_word(-1)

    def action_sentence(self, direction: int) -> None:
        text = self.document.text
        if direction > 0:
            self._step_to(text_units.next_sentence_start(text, self.cursor), "action_sentence")
        else:
            self._step_to(text_units.previous_sentence_start(text, self.cursor), "")

    def go_to(self, start: int) -> None:
        """Jump to a passage: cursor on it, a third of the way down the screen."""
        self._moved()
        self.move_cursor(start, keep_selection=False, scroll=False)
        y = self.line_of(start)
        self.scroll_to_line(y - self.scrollable_content_region.height // 3)
