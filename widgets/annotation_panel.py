"""The annotation panel: every highlight of the article, filterable, Enter to jump."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.anchor import Status
from reader.annotation_set import Placed
from reader.sanitize import shown
from widgets import keymap
from widgets.lists import MotionList
from widgets.quoting import quoted
from widgets.theme import HIGHLIGHTS, highlight_style

STATUSES = frozenset(status.value for status in Status)
"""Words that filter the panel by how a highlight is anchored ("ambiguous", "orphaned")."""


def matches_filter(placed: Placed, query: str) -> bool:
    """Every word of the query must match: #tag, a colour, a status, or quote/note text."""
    record = placed.record
    haystack = f"{record.exact}\n{record.note}".casefold()
    for word in query.casefold().split():
        if word.startswith("#"):
            if not any(tag.casefold().startswith(word[1:]) for tag in record.tags):
                return False
        elif word in HIGHLIGHTS or word in STATUSES:
            if word != record.color and word != placed.status.value:
                return False
        elif word not in haystack and not any(word in tag.casefold() for tag in record.tags):
            return False
    return True


# A row shows this much of a long quote, note or tag, cut with a marker (the editor, `a`,
# shows a note whole): a 1 MB note would be wrapped again on every move.
QUOTE_CHARS = 160
NOTE_CHARS = 600
NOTE_LINES = 8
TAG_CHARS = 40
TAGS_CHARS = 200
MEANING_CHARS = 60


def entry(placed: Placed, meanings: dict[str, str], unsaved: bool = False) -> Text:
    """One panel row: colour, status, quote, note and tags; all article text literal."""
    record = placed.record
    text = Text()
    # The colour's name drawn as its highlight is drawn: readable in any theme.
    text.append(record.color, style=highlight_style(record.color) + Style(bold=True))
    meaning = shown(meanings.get(record.color, ""), MEANING_CHARS, one_line=True)
    if meaning:
        text.append(f" ({meaning})", style="bold")
    if unsaved:
        text.append("  unsaved", style="bold reverse")
    status = placed.status.value
    if status != "ok":
        text.append(f"  {status}", style="bold reverse" if placed.orphaned else "bold")
    text.append("\n" + quoted(shown(record.exact, QUOTE_CHARS), QUOTE_CHARS), style="italic")
    note = shown(record.note.strip(), NOTE_CHARS, lines=NOTE_LINES)
    if note:
        text.append("\n" + note, style="")
    if record.tags:
        tags = " ".join(f"#{shown(tag, TAG_CHARS, one_line=True)}" for tag in record.tags)
        text.append("\n" + shown(tags, TAGS_CHARS), style="italic")
    return text


class AnnotationPanel(Vertical):
    BINDINGS = keymap.bindings(keymap.PANEL)

    DEFAULT_CSS = """
    AnnotationPanel {
        dock: right;
        width: 44;
        max-width: 50%;
        height: 1fr;
        border-left: vkey $foreground 20%;
        background: $surface;
        display: none;
        &.-visible { display: block; }
        #panel-filter { border: none; height: 1; padding: 0 1; background: $panel; }
        #panel-list { height: 1fr; border: none; background: $surface; }
    }
    """

    class Jump(Message):
        def __init__(self, annotation_id: str) -> None:
            super().__init__()
            self.annotation_id = annotation_id

    class Reattach(Message):
        def __init__(self, annotation_id: str) -> None:
            super().__init__()
            self.annotation_id = annotation_id

    def __init__(self) -> None:
        super().__init__(id="panel")
        self.items: list[Placed] = []
        self.meanings: dict[str, str] = {}
        self.unsaved: frozenset[str] = frozenset()

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter: words, colour, #tag, orphaned", id="panel-filter")
        yield MotionList(id="panel-list", markup=False)

    def show(
        self,
        items: list[Placed],
        meanings: dict[str, str] | None = None,
        unsaved: frozenset[str] = frozenset(),
    ) -> None:
        """List `items`; those in `unsaved` (ids the store has not taken yet) are marked."""
        self.items = items
        self.meanings = meanings or {}
        self.unsaved = unsaved
        self._fill()

    def _fill(self) -> None:
        query = self.query_one("#panel-filter", Input).value
        listing = self.query_one("#panel-list", OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        shown = [p for p in self.items if matches_filter(p, query)]
        orphans_started = False
        for placed in shown:
            if placed.orphaned and not orphans_started:
                orphans_started = True
                listing.add_option(
                    Option(Text("Orphaned (text no longer found)", "bold red"), disabled=True)
                )
            row = entry(placed, self.meanings, placed.record.id in self.unsaved)
            listing.add_option(Option(row, id=placed.record.id))
        if not shown:
            listing.add_option(
                Option(Text("No highlights" + (" match" if query else " yet")), disabled=True)
            )
        elif highlighted is not None:
            listing.highlighted = min(highlighted, listing.option_count - 1)

    @on(Input.Changed, "#panel-filter")
    def refilter(self) -> None:
        self._fill()

    @on(Input.Submitted, "#panel-filter")
    def jump_to_first(self) -> None:
        listing = self.query_one("#panel-list", OptionList)
        for index in range(listing.option_count):
            option = listing.get_option_at_index(index)
            if option.id is not None:
                self.post_message(self.Jump(option.id))
                return

    def on_key(self, event: events.Key) -> None:
        filter_input = self.query_one("#panel-filter", Input)
        if event.key == "down" and filter_input.has_focus:
            listing = self.query_one("#panel-list", OptionList)
            listing.focus()
            if listing.highlighted is None:
                listing.action_first()
            event.stop()

    @on(OptionList.OptionSelected, "#panel-list")
    def jump(self, event: OptionList.OptionSelected) -> None:
        if event.option_id is not None:
            self.post_message(self.Jump(event.option_id))

    def action_reattach(self) -> None:
        listing = self.query_one("#panel-list", OptionList)
        if listing.highlighted is None:
            self.app.bell()
            return
        option = listing.get_option_at_index(listing.highlighted)
        if option.id is not None:
            self.post_message(self.Reattach(option.id))
