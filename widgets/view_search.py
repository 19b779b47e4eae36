"""Search in the document view: the query, its matches and the current one.

`search` finds every match over the Document's text (the whole of it once it has arrived:
a search made on a loading article's head is done again); n/N step through them; the view
tells the screen through `DocumentView.SearchUpdated`. Mixed into `DocumentView`
(widgets/document_view.py); rows draw the matches in view_painting.py.
"""

from __future__ import annotations

import bisect
from typing import TYPE_CHECKING

from textual.message import Message

from reader.search import find_all, lowered

if TYPE_CHECKING:
    from widgets.view_cursor import ViewCursor as _View
else:
    _View = object


class ViewSearch(_View):
    """The document view's search; a mixin of `DocumentView` over `ViewCursor`."""

    # The namespace keeps the handler's name: on_document_view_search_updated.
    class SearchUpdated(Message, namespace="document_view"):
        """The query, its number of matches or the current match changed."""

        def __init__(self, query: str, count: int, current: int | None) -> None:
            super().__init__()
            self.search_query = query
            self.count = count
            self.current = current

    def search(self, query: str, origin: int | None = None) -> int:
        """Highlight every match of `query`; jump to the first at or after `origin`."""
        if self.partial:  # searched again over the whole, from the same place
            self._replay.forget("search")
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
        self._replay.forget("search")
        self.search_query = ""
        self._set_matches([])
        self._announce_search()

    def _set_matches(self, matches: list[tuple[int, int]]) -> None:
        self.matches = matches
        self.current_match = None

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
        self._announce_search()

    def _announce_search(self) -> None:
        count = len(self.matches)
        self.post_message(self.SearchUpdated(self.search_query, count, self.current_match))
