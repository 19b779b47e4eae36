"""The help screen: every key of the app, grouped, from the one key map."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from widgets import keymap
from widgets.lists import MotionScroll


def key_table(specs: tuple[keymap.KeySpec, ...]) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column()
    group = None
    for spec in specs:
        if spec.group != group:
            if group is not None:
                table.add_row("", "")
            group = spec.group
            table.add_row(Text(group, style="underline"), "")
        table.add_row(Text(keymap.shown_keys(spec)), Text(spec.description))
    return table


class HelpScreen(ModalScreen[None]):
    BINDINGS = keymap.bindings(keymap.HELP)

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        #help {
            width: 72;
            max-width: 95%;
            height: 90%;
            border: round $accent;
            border-title-color: $accent;
            background: $surface;
            padding: 0 1;
        }
    }
    """

    def compose(self) -> ComposeResult:
        with MotionScroll(id="help") as scroll:
            scroll.border_title = "Keys (Esc closes)"
            yield Static(key_table(keymap.sorted_by_group()), id="keys")
