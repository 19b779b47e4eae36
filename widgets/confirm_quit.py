"""Asks before quitting while some changes are not saved (the store refused them)."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from reader.sanitize import shown
from widgets import keymap

Answer = Literal["retry", "quit", "stay"]


class ConfirmQuit(ModalScreen[Answer]):
    """ "retry": try saving again; "quit": quit and lose the unsaved changes; "stay"."""

    BINDINGS = keymap.bindings(keymap.UNSAVED)

    DEFAULT_CSS = """
    ConfirmQuit {
        align: center middle;
        #dialog {
            width: 64;
            max-width: 95%;
            height: auto;
            border: round $error;
            background: $surface;
            padding: 0 1;
        }
        #hint { color: $foreground-muted; }
    }
    """

    def __init__(self, reason: str) -> None:
        super().__init__()
        self.reason = shown(reason, 300, one_line=True)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label("Some changes are not saved:", markup=False)
            yield Label(self.reason, markup=False)
            yield Label("r try again · y quit and lose them · n or Esc keep reading", id="hint")

    def action_answer(self, answer: Answer) -> None:
        self.dismiss(answer)
