"""A table that takes the text's vim/less motions (keymap.LIST), as widgets/lists.py's lists do.

Apart from them because DataTable is a large import that only the library needs: the reading
screen's first frame does not wait for it.
"""

from __future__ import annotations

from typing import Any

from textual.widgets import DataTable

from widgets import keymap


class MotionTable(DataTable[Any]):
    """A table: the top and bottom rows for g and G."""

    BINDINGS = keymap.bindings(keymap.LIST)

    def action_first(self) -> None:
        self.action_scroll_top()

    def action_last(self) -> None:
        self.action_scroll_bottom()
