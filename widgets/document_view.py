"""The document view: a Line-API widget that draws only the rows on screen.

The Document is wrapped once per width into `Line`s (offset ranges); `render_line` turns the
visible ones into strips, cached until the decorations (search matches, highlights) change.
This file is the view itself: bindings, styles, state, layout, scrolling and the strip cache
with its one invalidation path (`invalidate`). Its parts, mixed into `DocumentView`:
widgets/view_painting.py draws the rows (`render_line`, decorations, row styles).
"""

from __future__ import annotations

import bisect

from rich.cells import cell_len
from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader import text_units
from reader.annotation_set import COLORS
from reader.document import BlockKind, Document
from reader.search import find_all, lowered
from widgets import keymap, text_cursor
from widgets.line_layout import Layout, Line, LineKind, Wrapped, layout_document
from widgets.marks import Mark, MarkIndex
from widgets.messages import (
    BlockToggleRequested,
    DeleteRequested,
    HighlightRequested,
    NoteRequested,
    RecolorRequested,
)
from widgets.view_painting import ViewPainting


def _reading_bindings() -> list[BindingType]:
    # "b" is "back a word" while selecting and "page up" otherwise: the selecting binding
    # comes first and check_action refuses it outside a selection, so Textual falls through.
    specs = sorted(keymap.READING, key=lambda spec: spec.id != "select.back")
    return keymap.bindings(tuple(specs))


class DocumentView(ViewPainting, ScrollView, can_focus=True):
    """Shows a Document in a centred column; scrolls by line, page, paragraph and section."""

    BINDINGS = _reading_bindings()
    ALLOW_SELECT = False

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
        "document-view--selection",
        "document-view--note-marker",
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
        /* Each sets the text colour too: it lies over headings, links and highlights. */
        & > .document-view--search-match { background: $warning-muted; color: $foreground; }
        & > .document-view--search-current { background: $warning; color: $surface; }
        & > .document-view--selection {
            background: $block-cursor-background; color: $block-cursor-foreground;
        }
        & > .document-view--note-marker { color: $accent; text-style: bold; }
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
        partial: bool = False,
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
        self._styles_key: tuple[Style, ...] = ()
        """The styles the cached rows were drawn with: a CSS update that changes none of them
        (Textual re-applies CSS on every focus change) keeps the rows."""
        self._check_styles = False
        self._row_setup: tuple[int, int, int, Style] | None = None
        """Width, text column, left margin and base style of the rows: the same for every
        row until a resize or a style change, and costly to ask Textual for each time."""
        self.matches: list[tuple[int, int]] = []
        self.match_ends: list[int] = []
        self.current_match: int | None = None
        self.search_query = ""
        self._span_starts = [span.start for span in document.spans]
        self.cursor = position
        self.selection_anchor: int | None = None
        self.ghost: int | None = None
        """Index into document.removed of the removed block under the cursor (R view)."""
        self._drag_from: int | None = None
        self._relayouting = False
        self._marks = MarkIndex(document, [])
        self._low_text: tuple[Document, str | None] | None = None
        self._strips_width = 0
        self.partial = partial
        """Whether `document` is the head of an article still loading."""
        self._replay: list[tuple[str, tuple[object, ...]]] = []
        """What the reader asked of the head that only the whole can give (the end, a later
        section, a search): done again, in order, when the whole arrives."""
        self.set_reactive(DocumentView.column_width, column_width)

    # ----------------------------------------------------------------- layout

    @property
    def text_width(self) -> int:
        """Cells available for text: the column, or less on a narrow terminal."""
        return max(10, min(self.column_width, self.scrollable_content_region.width - 2))

    @property
    def layout_lines(self) -> list[Line]:
        return self.layout_cache.lines if self.layout_cache else []

    def _relayout(self, wrapped: Wrapped | None = None) -> None:
        """Wrap for the current width, keeping the reading position on screen."""
        first_layout = self.layout_cache is None
        keep = self._pending_position
        if keep is None and self.layout_cache is not None:
            keep = self.position
        if wrapped is not None and wrapped.fits(self.document, *self.wrap_settings()):
            self.layout_cache = wrapped.layout
        else:
            self.layout_cache = layout_document(self.document, self.text_width, self.show_removed)
        self._layout_width = self.text_width
        self._row_setup = None
        self.virtual_size = Size(self.scrollable_content_region.width, len(self.layout_lines))
        if keep is not None:
            self._pending_position = None
            self._relayouting = True
            try:
                self.restore_position(keep)
                if not first_layout:
                    self._scroll_cursor_into_view()
            finally:
                self._relayouting = False
            if first_layout and keep > 0:
                # The first layout happens before the scrollable size is known: scroll again,
                # unless the reader has already moved.
                self.call_after_refresh(self._retry_restore, keep)
        self.invalidate()  # every row, once scrolled where the reader was
        self._post_position()

    def on_resize(self, event: events.Resize) -> None:
        self._row_setup = None
        width = self.scrollable_content_region.width
        if self.layout_cache is None or self.text_width != self._layout_width:
            self._relayout()
        elif width != self._strips_width:
            self.invalidate(redraw=False)  # a resize redraws the whole view anyway
        # Rows are cached at a width: a change of height alone (the search prompt opening or
        # closing) keeps them.
        self._strips_width = width
        self.virtual_size = Size(width, len(self.layout_lines))

    def watch_column_width(self) -> None:
        if self.layout_cache is not None:
            self._relayout()

    def watch_show_removed(self) -> None:
        self.ghost = None
        if self.layout_cache is not None:
            self._relayout()

    def set_document(
        self, document: Document, wrapped: Wrapped | None = None, *, partial: bool = False
    ) -> None:
        """Show another version of the document (e.g. after a cleaning change, or the whole
        of an article that opened on its head); `wrapped`, if still right for this view, saves
        wrapping it here. When the whole arrives, what the reader asked of the head alone is
        done again (End lands at the true end, a search covers the whole text)."""
        position = self.position
        self.document = document
        self.ghost = None
        self.cursor = min(self.cursor, max(0, len(document.text) - 1))
        self.selection_anchor = None
        self._span_starts = [span.start for span in document.spans]
        self.matches, self.match_ends, self.current_match = [], [], None
        if self.search_query:
            self._set_matches(find_all(document.text, self.search_query))
        self._pending_position = min(position, len(document.text))
        self._relayout(wrapped)
        self.partial = partial
        if not partial and self._replay:
            replay, self._replay = self._replay, []
            for action, arguments in replay:
                getattr(self, action)(*arguments)

    def _cut_short(self, action: str, *arguments: object) -> None:
        """A motion the head alone cut short: done again when the whole arrives."""
        if self.partial:
            self._replay.append((action, arguments))

    def _moved(self) -> None:
        """A motion that did what it meant: motions cut short before it are moot."""
        if self.partial:
            self._replay.clear()

    def _at_bottom(self) -> bool:
        return self.scroll_offset.y >= self.max_scroll_y

    def wrap_settings(self) -> tuple[int, bool]:
        """What a wrap made elsewhere must match: the text width and the removed blocks."""
        return self.text_width, self.show_removed

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
        self._cursor_follows_scroll()
        self._post_position()

    def _post_position(self) -> None:
        self.post_message(self.PositionChanged(self, self.position, self.progress))

    # ---------------------------------------------------------------- actions

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
            self.invalidate()
            self._scroll_line_into_view(line)
        else:
            self.move_cursor(start)
            self.invalidate()

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

    # ----------------------------------------------------------------- search

    def search(self, query: str, origin: int | None = None) -> int:
        """Highlight every match of `query`; jump to the first at or after `origin`."""
        if self.partial:  # searched again over the whole, from the same place
            self._replay = [step for step in self._replay if step[0] != "search"]
            self._cut_short("search", query, self.position if origin is None else origin)
        self.search_query = query
        if self._low_text is None or self._low_text[0] is not self.document:
            self._low_text = (self.document, lowered(self.document.text))
        self._set_matches(find_all(self.document.text, query, self._low_text[1]))
        if self.matches:
            origin = self.position if origin is None else origin
            index = bisect.bisect_left(self.match_ends, origin + 1)
            self.current_match = index % len(self.matches)
            self.scroll_to_offset(self.matches[self.current_match][0], where="visible")
            self.move_cursor(self.matches[self.current_match][0], scroll=False)
        self._announce_search()
        return len(self.matches)

    def clear_search(self) -> None:
        self._replay = [step for step in self._replay if step[0] != "search"]
        self.search_query = ""
        self._set_matches([])
        self._announce_search()

    def _set_matches(self, matches: list[tuple[int, int]]) -> None:
        self.matches = matches
        self.match_ends = [end for _, end in matches]
        self.current_match = None
        self.invalidate()

    def action_search_next(self, direction: int) -> None:
        if not self.matches:
            self._cut_short("action_search_next", direction)
            self.app.bell()
            return
        if self.current_match is None:
            self.current_match = 0 if direction > 0 else len(self.matches) - 1
        elif self.partial and direction > 0 and self.current_match == len(self.matches) - 1:
            self._cut_short("action_search_next", direction)  # later matches may be coming
            self.app.bell()
            return
        else:
            self.current_match = (self.current_match + direction) % len(self.matches)
        self._moved()
        self.scroll_to_offset(self.matches[self.current_match][0], where="visible")
        self.move_cursor(self.matches[self.current_match][0], scroll=False)
        self.invalidate()
        self._announce_search()

    def _announce_search(self) -> None:
        count = len(self.matches)
        self.post_message(self.SearchUpdated(self.search_query, count, self.current_match))

    # ----------------------------------------------------------------- cursor

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
        """Put the cursor at `offset`, redraw what changed and bring it into view."""
        old = self._cursor_extent()
        self.cursor = text_cursor.clamp(self.document.text, offset)
        self.ghost = None
        if not keep_selection:
            self.selection_anchor = None
        new = self._cursor_extent()
        if self.selection_anchor is None:
            self.invalidate(*old)
            self.invalidate(*new)
        else:
            self.invalidate(min(old[0], new[0]), max(old[1], new[1]))
        if scroll:
            self._scroll_cursor_into_view()

    def _cursor_extent(self) -> tuple[int, int]:
        """Offsets whose drawing depends on the cursor and selection."""
        return text_cursor.drawn_extent(self.document.text, self.selection_anchor, self.cursor)

    def _scroll_cursor_into_view(self) -> None:
        y = self.line_of(self.cursor)
        top = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if y < top:
            self.scroll_to_line(y)
        elif y >= top + height:
            self.scroll_to_line(y - height + 1)

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

    def invalidate(
        self, start: int | None = None, end: int | None = None, *, redraw: bool = True
    ) -> None:
        """The one way cached rows are dropped and drawn again: those showing text[start:end],
        or every row (no span: a change of decorations, styles or layout)."""
        if start is None or end is None:
            self._strips.clear()
            if redraw:
                self.refresh()
            return
        if not self.layout_cache:
            return
        first, last = self.line_of(start), self.line_of(max(start, end - 1))
        # The cache holds at most a few screens: walk it rather than a long range of lines.
        cached = self._strips.keys()
        for y in [y for y in cached if first <= y <= last]:
            self._strips.discard(y)
        top = int(self.scroll_offset.y)
        first, last = max(first, top), min(last, top + self.scrollable_content_region.height)
        if first <= last:
            self.refresh_lines(first, last - first + 1)

    # ------------------------------------------------------------ highlights

    @property
    def marks(self) -> list[Mark]:
        """The highlights drawn, in drawing order (later ones on top)."""
        return self._marks.marks

    def set_marks(self, marks: list[Mark]) -> None:
        """Draw these highlights (in this order: later ones on top)."""
        self._marks = MarkIndex(self.document, marks)
        self.invalidate()

    def mark_at(self, offset: int) -> Mark | None:
        """The highlight drawn on top at `offset`."""
        return self._marks.at(offset)

    # ------------------------------------------------------- cursor actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select_back":
            return self.selecting
        if action == "cancel_selection":
            return self.selecting
        return True

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

    def action_select(self) -> None:
        old = self._cursor_extent()
        self.selection_anchor = self.cursor_span()[0]
        self.invalidate(*old)

    def action_select_sentence(self) -> None:
        start, end = text_units.sentence_span(self.document.text, self.cursor)
        self._select(start, end)

    def action_select_paragraph(self) -> None:
        start, end = text_units.paragraph_span(self.document, self.cursor)
        self._select(start, end)

    def _select(self, start: int, end: int) -> None:
        old = self._cursor_extent()
        self.selection_anchor = start
        self.move_cursor(max(start, end - 1))
        self.invalidate(*old)

    def action_cancel_selection(self) -> None:
        old = self._cursor_extent()
        self.selection_anchor = None
        self.invalidate(*old)

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
            self.app.bell()
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

    def go_to(self, start: int) -> None:
        """Jump to a passage: cursor on it, a third of the way down the screen."""
        self._moved()
        self.move_cursor(start, keep_selection=False, scroll=False)
        y = self.line_of(start)
        self.scroll_to_line(y - self.scrollable_content_region.height // 3)

    # ------------------------------------------------------------------ mouse

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
            self.invalidate()
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
        old = self._cursor_extent()
        self.selection_anchor = self._drag_from
        self.move_cursor(offset, scroll=False)
        self.invalidate(*old)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._drag_from is not None:
            self._drag_from = None
            self.release_mouse()
