"""Lists and scrolling panes that take the text's vim/less motions, not only the arrows.

j/k, g/G and ctrl+d/ctrl+u (keymap.LIST) do in the outline, the annotation panel
and the help screen what they do in the text (the library's tables: widgets/motion_table.py).
Each widget here maps the keymap's actions (cursor_down, cursor_up, first, last, page_down,
page_up) onto its own.
"""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import OptionList

from widgets import keymap


class MotionList(OptionList):
    """An option list: its own cursor_*, first, last and page_* actions do the work."""

    BINDINGS = keymap.bindings(keymap.LIST)


class MotionScroll(VerticalScroll):
    """A scrolling pane (the help screen): lines, pages, top and bottom."""

    BINDINGS = keymap.bindings(keymap.LIST)

    def action_cursor_down(self) -> None:
        self.action_scroll_down()

    def action_cursor_up(self) -> None:
        self.action_scroll_up()

    def action_first(self) -> None:
        self.action_scroll_home()

    def action_last(self) -> None:
        self.action_scroll_end()
