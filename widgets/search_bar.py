"""The search prompt at the bottom of the reading screen."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """Incremental search: every change searches; Enter keeps the matches, Esc cancels."""

    BINDINGS = [Binding("escape", "cancel", "Cancel search", show=False)]

    DEFAULT_CSS = """
    SearchBar {
        display: none;
        border: none;
        height: 1;
        padding: 0 1;
        background: $panel;
        &:focus { border: none; }
        &.-active { display: block; }
    }
    """

    class Cancelled(Message):
        pass

    def __init__(self) -> None:
        super().__init__(placeholder="Search (Enter keeps matches, Esc cancels)", id="search")

    def open(self) -> None:
        self.value = ""
        self.add_class("-active")
        self.focus()

    def close(self) -> None:
        self.remove_class("-active")

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
