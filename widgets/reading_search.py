"""The search prompt on the reading screen: `/`, search as you type, Enter keeps, Esc goes back.

The prompt (widgets/search_prompt.py) is drawn in the key bar's row; while it is open, every
key edits it and the bindings wait. Keys read in one burst with `/` (a paste, fast typing, a
read over SSH) reach this screen before the App has run the binding that opens the prompt: the
screen decides as each key passes whether it is the prompt's, and the prompt's keys wait
behind that binding in the App's queue, so each key acts in the order it was typed.
The view finds the matches (widgets/view_search.py) and says how many; Esc, emptying the query
or a query with no match puts the cursor and the view back where the search began. Mixed into
`ReadingScreen` (widgets/reading_screen.py).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events

from widgets.document_view import DocumentView
from widgets.key_bar import KeyBar
from widgets.search_prompt import CLOSING_KEYS, Outcome, SearchPrompt, match_count

if TYPE_CHECKING:
    from widgets.reading_base import ReadingScreenBase as _Screen
else:
    _Screen = object

FILTERED_PANELS = {"toggle_panel": "panel", "toggle_links": "links"}
"""The actions that open a panel with the focus in its filter, and the panel's id."""


class ReadingSearch(_Screen):
    """The search prompt; a mixin of `ReadingScreen` over `ReadingScreenBase`."""

    def action_search(self) -> None:
        self._prompt_keys = True  # opened from the palette too
        if not self.view.has_focus:
            self.view.focus()  # n and N, after the prompt, are the text's keys
        self._search_origin = self.view.position
        self._search_origin_y = int(self.view.scroll_offset.y)
        self._search_cursor = self.view.cursor
        self._prompt = SearchPrompt()
        self._match_count = ""
        self._show_prompt()

    def on_key(self, event: events.Key) -> None:
        """While the search prompt is open, every key edits it (the bindings wait).

        Decided here, as the keys pass in the order they were read: from the key that opens
        the prompt to the one that closes it, they are the prompt's. They act from the App's
        queue, behind the binding of the key that opens it (and of the keys before it)."""
        if self.held_keys.active:
            self.held_keys.take(event)  # a panel's filter opens behind a key read before it
            return
        if not self._prompt_keys:
            action = self._action_of(event.key)
            if action == "search":
                self._prompt_keys = True  # its binding opens the prompt; the next keys are its
            elif action in FILTERED_PANELS and not self.query(
                f"#{FILTERED_PANELS[action]}.-visible"
            ):
                self.held_keys.start()  # it opens a panel with the focus in its filter
            return
        event.stop()
        event.prevent_default()
        if event.key in CLOSING_KEYS:
            self._prompt_keys = False  # the keys after it are the text's again
        self.app.call_later(self._prompt_key, event)

    def _action_of(self, key: str) -> str:
        """The action of this screen's own binding that `key` runs, if it runs one."""
        active = self.active_bindings.get(key)
        if active is None or not active.enabled or active.node is not self:
            return ""
        return active.binding.action

    def _prompt_key(self, event: events.Key) -> None:
        prompt = self._prompt
        if prompt is None:
            return  # the screen closed meanwhile
        outcome = prompt.key(event)
        if outcome is Outcome.CHANGED:
            self._search_as_you_type()
        elif outcome is Outcome.ACCEPT:
            self._keep_search()
        elif outcome is Outcome.CANCEL:
            self._cancel_search()
        if self._prompt is not None:
            self._show_prompt()

    def on_paste(self, event: events.Paste) -> None:
        if self._prompt_keys:
            event.stop()
            self.app.call_later(self._paste, event.text)

    def _paste(self, text: str) -> None:
        if self._prompt is not None:
            if self._prompt.insert(text) is Outcome.CHANGED:
                self._search_as_you_type()
            self._show_prompt()

    def _show_prompt(self) -> None:
        prompt = self._prompt
        if prompt is None:
            self._show_footer()  # the keys again, or where the link under the cursor leads
            return
        self.query_one(KeyBar).show_prompt(prompt.content(self._match_count))

    def _search_as_you_type(self) -> None:
        assert self._prompt is not None
        query = self._prompt.text
        if query.strip():
            if not self.view.search(query, origin=self._search_origin):
                self._back_to_origin()  # a failed search goes nowhere, as in vim
        else:
            self._match_count = ""
            self.view.clear_search()
            self._back_to_origin()

    def _back_to_origin(self) -> None:
        """The cursor and the view where they were when the prompt opened."""
        self.view.move_cursor(self._search_cursor, scroll=False)
        self.view.scroll_to_line(self._search_origin_y)

    def _keep_search(self) -> None:
        assert self._prompt is not None
        query = self._prompt.text
        self._prompt = None
        self._show_prompt()
        if query.strip() and not self.view.matches:
            if self.article.loading:
                self.notify(
                    f"Not in the part loaded so far: {query} (searched again when all is here)",
                    markup=False,
                )
            else:
                self.notify(f"Not found: {query}", severity="warning", markup=False)

    def _cancel_search(self) -> None:
        self._prompt = None
        self._show_prompt()
        self.view.clear_search()
        self._back_to_origin()

    def on_document_view_search_updated(self, event: DocumentView.SearchUpdated) -> None:
        if self._prompt is None:
            return  # n and N after the prompt closed: the view shows where the match is
        self._match_count = match_count(event.search_query, event.count, event.current)
        self._show_prompt()
