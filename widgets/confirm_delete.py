"""Asks before an article and its notes are deleted, offering an export first."""

from __future__ import annotations

from enum import Enum

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from reader.sanitize import shown
from widgets import keymap


class DeleteChoice(Enum):
    EXPORT_THEN_DELETE = "export"
    DELETE = "delete"
    CANCEL = "cancel"


class ConfirmDelete(ModalScreen[DeleteChoice]):
    BINDINGS = keymap.bindings(keymap.CONFIRM_DELETE)

    DEFAULT_CSS = """
    ConfirmDelete {
        align: center middle;
        #dialog {
            width: 64;
            max-width: 95%;
            height: auto;
            border: round $error;
            background: $surface;
            padding: 1 2;
        }
        #question { width: 100%; margin-bottom: 1; }
        #buttons { height: auto; width: 100%; }
        Button { margin-right: 1; }
    }
    """

    def __init__(self, title: str, notes: int) -> None:
        super().__init__()
        self.article_title = shown(title, 200, one_line=True)
        self.notes = notes

    def compose(self) -> ComposeResult:
        noun = "note" if self.notes == 1 else "notes"
        with Vertical(id="dialog"):
            yield Label(
                f"Delete “{self.article_title}” and its {self.notes} {noun}?",
                id="question",
                markup=False,
            )
            with Horizontal(id="buttons"):
                yield Button("Export, then delete (e)", id="export", variant="primary")
                yield Button("Delete (y)", id="delete", variant="error")
                yield Button("Cancel (n)", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#export", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_choose(event.button.id or "cancel")

    def action_choose(self, choice: str) -> None:
        self.dismiss(DeleteChoice(choice))
