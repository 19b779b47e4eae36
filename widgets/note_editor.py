"""The note editor: a modal with the quote, a multi-line note and tags with completion."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass

from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import Input, Label, Static, TextArea

from reader.errors import ReaderError
from reader.sanitize import shown
from widgets import keymap
from widgets.quoting import quoted

HINT = "ctrl+s save · Esc cancel · Tab next field"
SHORT = 30
"""Below this many rows the dialog's quote and note area shrink, so that all of it shows."""


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


QUOTE_CHARS = 300
"""The quote above the note is cut at this many characters."""


class NoteEditor(ModalScreen[NoteResult | None]):
    BINDINGS = keymap.bindings(keymap.EDITOR)

    # The keys are in the border, where they show whatever the size; on a short terminal the
    # quote and the note area shrink, and what still does not fit scrolls.
    DEFAULT_CSS = """
    NoteEditor {
        align: center middle;
        #editor {
            width: 80;
            max-width: 95%;
            height: auto;
            max-height: 100%;
            border: round $accent;
            border-subtitle-color: $foreground-muted;
            background: $surface;
            padding: 0 1;
        }
        #quote { color: $foreground-muted; text-style: italic; max-height: 5; margin-bottom: 1; }
        #note { height: 10; }
        &.-short {
            #quote { max-height: 2; margin-bottom: 0; }
            #note { height: 5; }
        }
    }
    """

    def __init__(
        self,
        quote: str,
        note: str,
        tags: list[str],
        known_tags: list[str],
        *,
        focus: str = "note",
        save: Callable[[NoteResult], None] | None = None,
        keeps_unsaved: bool = False,
    ) -> None:
        """`focus`: the field the cursor starts in, "note" or "tags". `save` stores the note
        when ctrl+s is pressed; if it raises ReaderError (a full disk, a read-only store) the
        editor stays open with the note, and says why. `keeps_unsaved`: a save the store
        refused is still held (marked unsaved, saved with the next write), so Esc after it
        closes without asking, unless more was typed."""
        super().__init__()
        self.save = save
        self.keeps_unsaved = keeps_unsaved
        self.closing = False
        """Saved or cancelled: a ctrl+s or Esc read in the same burst finds nothing to do."""
        # The note whole (lists cut a long one), shown as any widget shows stored text.
        self.quote = shown(quote, QUOTE_CHARS)
        self.note = shown(note)
        self.tags = [shown(tag, one_line=True) for tag in tags]
        self.known_tags = known_tags
        self.start_in = focus

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="editor") as box:
            box.border_title = "Note"
            box.border_subtitle = HINT
            yield Static(quoted(self.quote, QUOTE_CHARS), id="quote", markup=False)
            yield TextArea(self.note, id="note", soft_wrap=True, tab_behavior="focus")
            yield Label("Tags (space or comma separated)", markup=False)
            yield Input(
                " ".join(self.tags),
                id="tags",
                placeholder="e.g. syria russia",
                suggester=TagSuggester(self.known_tags),
            )

    def on_mount(self) -> None:
        self._fit(self.app.size.height)
        if self.start_in == "tags":
            self.query_one("#tags", Input).focus()
        else:
            self.query_one("#note", TextArea).focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.height)

    def _fit(self, rows: int) -> None:
        short = rows < SHORT
        self.set_class(short, "-short")
        # The quote cut where its lines end (two short, five else), with an ellipsis.
        self.query_one("#quote", Static).update(quoted(self.quote, 120 if short else 300))

    def _typed(self) -> NoteResult:
        note = self.query_one("#note", TextArea).text
        return NoteResult(note.strip("\n"), split_tags(self.query_one("#tags", Input).value))

    def _after_typed(self, callback: Callable[[], None]) -> None:
        """Run `callback` once the keys read before this one are in their fields.

        ctrl+s, Esc and Tab are priority keys: the App runs them as soon as it reads them, while
        the keys typed just before (a paste, or one read over SSH) may still wait in the
        fields' queues. A callback queued behind them in the note field, then in the tags
        field, sees exactly what was typed before the key, whatever the timing."""
        tags = self.query_one("#tags", Input)
        self.query_one("#note", TextArea).call_later(tags.call_later, callback)

    def action_save(self) -> None:
        self._after_typed(self._save_typed)

    def action_field(self, direction: int) -> None:
        # At once, not after the queues: the keys after Tab go to the field it moves to.
        if direction > 0:
            self.focus_next()
        else:
            self.focus_previous()

    def _save_typed(self) -> None:
        if self.closing:
            return
        typed = self._typed()
        if self.save is not None:
            try:
                self.save(typed)
            except ReaderError as error:
                then = "The note stays here: ctrl+s tries again."
                if self.keeps_unsaved:
                    # Held until the next write: Esc would drop only what is typed after this.
                    self.note, self.tags = typed.note, typed.tags
                    then = "Kept, marked unsaved: ctrl+s tries again, Esc leaves it for later."
                self.notify(
                    f"Not saved: {error}. {then}",
                    title="Not saved",
                    severity="error",
                    timeout=15,
                )
                return
        self._close(typed)

    @property
    def changed(self) -> bool:
        """Whether the note or tags differ from what the editor opened with."""
        return self._typed() != NoteResult(self.note.strip("\n"), split_tags(" ".join(self.tags)))

    def keep_typed(self) -> None:
        """Save what was typed without asking or closing: the terminal is going away (SIGHUP,
        SIGTERM) and nobody is there to answer. A store that refuses it keeps it unsaved."""
        if self.changed and self.save is not None and not self.closing:  # not saved or dropped
            with suppress(ReaderError):
                self.save(self._typed())

    def action_cancel(self) -> None:
        """Close without saving; if anything was typed, ask first."""
        self._after_typed(self._cancel_typed)

    def _cancel_typed(self) -> None:
        if self.closing:
            return
        if not self.changed:
            self._close(None)
            return
        from widgets.confirm_discard import ConfirmDiscard

        def answered(discard: bool | None) -> None:
            if discard:
                self._close(None)

        self.app.push_screen(ConfirmDiscard(), answered)

    def _close(self, result: NoteResult | None) -> None:
        self.closing = True
        self.dismiss(result)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.action_save()
