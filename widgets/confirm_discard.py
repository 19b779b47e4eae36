"""Asks before the note editor throws away what was typed in it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from widgets import keymap


class ConfirmDiscard(ModalScreen[bool]):
    """True: discard the typed text; False: go back to editing it."""

    BINDINGS = keymap.bindings(keymap.DISCARD)

    DEFAULT_CSS = """
    ConfirmDiscard {
        align: center middle;
        #dialog {
            width: 50;
            max-width: 95%;
            height: auto;
            border: round $warning;
            background: $surface;
            padding: 0 1;
        }
        #hint { color: $foreground-muted; }
    }
    """

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Discard what you typed in this note?", markup=False)
            yield Label("y discard · n or Esc keep editing", id="hint", markup=False)

    def action_answer(self, discard: bool) -> None:
        self.dismiss(discard)
