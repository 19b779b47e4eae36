"""The document view's state and core: layout, scrolling and the strip cache.

`DocumentViewCore` holds every attribute of the view (set in `__init__`; the cursor, the
selection and what is drawn over the text are Textual vars), wraps the Document per width,
keeps the reading position on screen, and owns the strip cache's one invalidation path,
`invalidate`. Over it, view_cursor.py (`ViewCursor`) moves the cursor and holds the vars'
watchers, and the parts mixed over that into `DocumentView` (widgets/document_view.py,
which adds the bindings and styles): view_painting.py (rows), view_motions.py (moves),
view_search.py (matches), view_annotating.py (selection keys and highlight/note requests),
view_mouse.py (clicks and drags), view_links.py (links and hints).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style
from textual import events
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive, var
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.document import Document, Image, Span
from reader.search import find_all
from widgets.line_layout import Layout, Line, Wrapped, layout_document
from widgets.marks import Mark, MarkIndex
from widgets.replay import Replay


class DocumentViewCore(ScrollView):
    """A Document wrapped in a centred column, with a cursor; the base of `DocumentView`."""

    # The namespace keeps the handler's name: on_document_view_position_changed.
    class PositionChanged(Message, namespace="document_view"):
        """The reading position (offset of the top line), the progress or the cursor moved."""

        def __init__(
            self, view: DocumentViewCore, offset: int, progress: float, cursor: int
        ) -> None:
            super().__init__()
            self.view = view
            self.offset = offset
            self.progress = progress
            self.cursor = cursor
            """Where the cursor is: the section being read is the cursor's."""

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, DocumentViewCore.PositionChanged)

    column_width: reactive[int] = reactive(80)
    show_removed: reactive[bool] = reactive(False)
    # The cursor and what is drawn around it: each watcher redraws the rows that changed,
    # through the strip cache's one invalidation path (`invalidate`).
    cursor: var[int] = var(0, init=False)
    """Offset of the cursor in the Document's text (the link or image under it is told:
    view_links.py)."""
    selection_anchor: var[int | None] = var(None, init=False)
    """Where the selection started (v, s, p, a drag); None when nothing is selected."""
    ghost: var[int | None] = var(None, init=False)
    """Index into document.removed of the removed block under the cursor (R view)."""
    current_match: var[int | None] = var(None, init=False)
    """Index into `matches` of the match n and N are on."""
    # What is drawn over the text, given by the view's parts and the screen: each watcher
    # redraws every row (through `invalidate`).
    matches: var[list[tuple[int, int]]] = var(list, init=False)
    """(start, end) of each match of the search query, in order."""
    marks: var[list[Mark]] = var(list, init=False)
    """The highlights drawn, in drawing order (later ones on top); set by the screen."""
    hints: var[dict[int, str]] = var(dict, init=False)
    """Hint labels drawn over the links on screen: each link's start, and its label."""

    def __init__(
        self,
        document: Document,
        *,
        column_width: int = 80,
        position: int = 0,
        cursor: int | None = None,
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
        self.match_ends: list[int] = []
        self.search_query = ""
        self._span_starts = [span.start for span in document.spans]
        self._cursor_target: tuple[Span | None, Image | None] = (None, None)
        """The link and the image under the cursor, as last told (view_links.py)."""
        self._drag_from: int | None = None
        self._relayouting = False
        self._marks = MarkIndex(document, [])
        self._low_text: tuple[Document, str | None] | None = None
        self._strips_width = 0
        self.partial = partial
        """Whether `document` is the head of an article still loading."""
        self._replay = Replay()
        """What the reader asked of the head that only the whole can give (the end, a later
        section, a search): done again, in order, when the whole arrives."""
        self.set_reactive(DocumentViewCore.column_width, column_width)
        # At the top, the cursor starts on the body's first word (the header is a `{` away).
        start = (position or document.body_start) if cursor is None else cursor
        self.set_reactive(DocumentViewCore.cursor, start)

    if TYPE_CHECKING:

        def _set_matches(self, matches: list[tuple[int, int]]) -> None: ...  # view_search.py
        def _announce_target(self) -> None: ...  # view_links.py

    # ------------------------------------------------------------------- layout

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
        self.matches, self.current_match = [], None
        # Offsets into the new text, found by its blocks: the screen sets the marks again
        # once it has re-anchored them, and may find them unchanged.
        self._marks = MarkIndex(document, self.marks)
        if self.search_query:
            self._set_matches(find_all(document.text, self.search_query))
        self._pending_position = min(position, len(document.text))
        self._relayout(wrapped)
        self._announce_target()
        self.partial = partial
        if not partial:
            for step in self._replay.take():
                getattr(self, step.action)(*step.arguments)

    def _cut_short(self, action: str, *arguments: object) -> None:
        """A motion the head alone cut short: done again when the whole arrives."""
        if self.partial:
            self._replay.cut_short(action, *arguments)

    def _moved(self) -> None:
        """A motion that did what it meant: motions cut short before it are moot."""
        if self.partial:
            self._replay.moved()

    def _at_bottom(self) -> bool:
        return self.scroll_offset.y >= self.max_scroll_y

    def wrap_settings(self) -> tuple[int, bool]:
        """What a wrap made elsewhere must match: the text width and the removed blocks."""
        return self.text_width, self.show_removed

    # ----------------------------------------------------------------- position

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

    def _post_position(self) -> None:
        self.post_message(self.PositionChanged(self, self.position, self.progress, self.cursor))

    def _scroll_cursor_into_view(self) -> None:
        y = self.line_of(self.cursor)
        top = int(self.scroll_offset.y)
        height = self.scrollable_content_region.height
        if y < top:
            self.scroll_to_line(y)
        elif y >= top + height:
            self.scroll_to_line(y - height + 1)

    # -------------------------------------------------------------- strip cache

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
