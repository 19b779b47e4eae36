"""The note editor: a modal with the quote, a multi-line note and tags with completion."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static, TextArea


@dataclass(frozen=True)
class NoteResult:
    note: str
    tags: list[str]


def split_tags(value: str) -> list[str]:
    """Tags typed as "a, b #c": commas or spaces separate them; a leading # is dropped."""
    tags = (part.strip().lstrip("#") for part in value.replace(",", " ").split())
    return list(dict.fromkeys(tag for tag in tags if tag))


class TagSuggester(Suggester):
    """Completes the tag being typed from the tags already used."""

    def __init__(self, known: list[str]) -> None:
        super().__init__(use_cache=False, case_sensitive=False)
        self.known = known

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(" ")
        last = last.lstrip("#")
        if not last:
            return None
        for tag in self.known:
            if tag.lower().startswith(last.lower()) and tag.lower() != last.lower():
                prefix = value[: len(value) - len(last)]
                return prefix + tag
        del head
        return None


class NoteEditor(ModalScreen[NoteResult | None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", priority=True),
        Binding("escape", "cancel", "Cancel", priority=True),
    ]

    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
        #editor {
            width: 80;
            max-width: 95%;
            height: auto;
            max-height: 90%;
            border: round $accent;
            background: $surface;
            padding: 0 1;
        }
        #quote { color: $foreground-muted; text-style: italic; max-height: 5; margin-bottom: 1; }
        #note { height: 10; }
        #hint { color: $foreground-muted; margin-top: 1; }
    }
    """

    def __init__(self, quote: str, note: str, tags: list[str], known_tags: list[str]) -> None:
        super().__init__()
        self.quote = quote
        self.note = note
        self.tags = tags
        self.known_tags = known_tags

    def compose(self) -> ComposeResult:
        with Vertical(id="editor") as box:
            box.border_title = "Note"
            quote = self.quote if len(self.quote) <= 300 else self.quote[:300] + "…"
            yield Static(f"“{quote}”", id="quote", markup=False)
            yield TextArea(self.note, id="note", soft_wrap=True, tab_behavior="focus")
            yield Label("Tags (space or comma separated)", markup=False)
            yield Input(
                " ".join(self.tags),
                id="tags",
                placeholder="e.g. syria russia",
                suggester=TagSuggester(self.known_tags),
            )
            yield Label("ctrl+s save · Esc cancel · Tab next field", id="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#note", TextArea).focus()

    def action_save(self) -> None:
        note = self.query_one("#note", TextArea).text
        tags = split_tags(self.query_one("#tags", Input).value)
        self.dismiss(NoteResult(note.strip("\n"), tags))

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()
