"""Naming what each highlight colour means (e.g. yellow: important, blue: question)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.annotation_set import COLORS
from reader.sanitize import shown
from widgets import keymap


class ColorMeanings(ModalScreen[dict[str, str] | None]):
    BINDINGS = keymap.bindings(keymap.MEANINGS)

    DEFAULT_CSS = """
    ColorMeanings {
        align: center middle;
        #meanings {
            width: 60;
            height: auto;
            border: round $accent;
            background: $surface;
            padding: 0 1;
        }
        Input { margin-bottom: 1; }
        #hint { color: $foreground-muted; }
    }
    """

    def __init__(self, meanings: dict[str, str]) -> None:
        super().__init__()
        self.meanings = {color: shown(m, 200, one_line=True) for color, m in meanings.items()}

    def compose(self) -> ComposeResult:
        with Vertical(id="meanings") as box:
            box.border_title = "What the colours mean"
            for number, color in enumerate(COLORS, start=1):
                yield Label(f"{number} {color}", markup=False)
                yield Input(
                    self.meanings.get(color, ""), id=f"meaning-{color}", placeholder="(no meaning)"
                )
            yield Label("ctrl+s save · Esc cancel", id="hint", markup=False)

    def action_save(self) -> None:
        self.dismiss(
            {color: self.query_one(f"#meaning-{color}", Input).value.strip() for color in COLORS}
        )

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self) -> None:
        self.action_save()
