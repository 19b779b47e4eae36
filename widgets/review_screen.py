"""The review screen: every highlight in the library, one at a time, the longest unseen first.

Each shows its quote in the line it stands in, its note, tags and colour; the keys keep it
(it is stamped reviewed and goes to the back of the line), skip it, edit its note or tags,
recolour or delete it, or open its article there. What comes next and what each key saves is
reader.review; this screen draws it and asks for the note.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Label, Static

from reader.errors import ReaderError
from reader.records import COLORS, AnnotationRecord
from reader.review import EVERYTHING, Context, Filter, Review, context, queue
from reader.sanitize import strip_control
from reader.startup import collector_paused
from reader.stored_article import stored_document
from store.library import Library
from widgets import keymap
from widgets.key_bar import KeyBar
from widgets.library_choice import LibraryChoice
from widgets.theme import highlight_style


def _line(text: str) -> str:
    return " ".join(strip_control(text).split())


def _day(stamp: str) -> str:
    return stamp[:10] if stamp else ""


def describe_filter(only: Filter, titles: dict[str, str]) -> str:
    """The filter as a person would say it ("" for everything)."""
    parts = []
    if only.tag:
        parts.append(f"#{_line(only.tag.lstrip('#'))}")
    if only.color:
        parts.append(only.color)
    if only.articles:
        names = [_line(titles.get(a, a))[:30] for a in sorted(only.articles)]
        parts.append(", ".join(names))
    return " · ".join(parts)


class ReviewScreen(Screen[None]):
    """Walks the library's highlights that `only` admits, oldest reviewed first."""

    BINDINGS = keymap.bindings(keymap.REVIEW)

    class Open(Message):
        """Open this article at this highlight."""

        def __init__(self, choice: LibraryChoice) -> None:
            super().__init__()
            self.choice = choice

    def __init__(self, library: Library, only: Filter = EVERYTHING) -> None:
        super().__init__()
        self.library = library
        self.only = only
        self.review = Review(library, [])
        self.total = 0
        self.titles: dict[str, str] = {}
        self.meanings: dict[str, str] = {}
        self._texts: dict[str, str | None] = {}

    def key_targets(self) -> list[tuple[tuple[keymap.KeySpec, ...], Widget]]:
        """The keys of this screen, and what runs them (for the command palette)."""
        return [(keymap.REVIEW, self)]

    def compose(self) -> ComposeResult:
        yield Label("Review", id="heading", markup=False)
        with VerticalScroll(id="card"):
            yield Static("", id="article", markup=False)
            yield Static("", id="quote", markup=False)
            yield Static("", id="note", markup=False)
            yield Static("", id="meta", markup=False)
        yield Label("", id="empty", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        try:
            with collector_paused():
                self.titles = {record.id: record.title for record in self.library.articles()}
                self.meanings = self.library.color_meanings()
                entries = queue(self.library.annotation_summaries(), self.only)
        except ReaderError as error:
            self._error(error)
            entries = []
        self.review = Review(self.library, entries)
        self.total = len(entries)
        self.show_current()

    # Drawing

    def _text_of(self, article_id: str) -> str | None:
        """The article's stored text, to place the quote in its line (read once each)."""
        if article_id not in self._texts:
            record = self.library.article(article_id)
            text = None
            if record is not None and record.text:
                text = stored_document(record).text
            self._texts[article_id] = text
        return self._texts[article_id]

    def _current(self) -> AnnotationRecord | None:
        try:
            return self.review.current
        except ReaderError as error:
            self._error(error)
            return None

    def show_current(self) -> None:
        """Draw the highlight the review is at (or the end of the review)."""
        record = self._current()
        count = len(self.review.entries)
        heading = f"Review: {self.review.index + 1} of {count}" if record is not None else "Review"
        which = describe_filter(self.only, self.titles)
        if which:
            heading += f" · {which}"
        if self.review.kept or self.review.skipped:
            heading += f" · {self.review.kept} kept · {self.review.skipped} skipped"
        self.query_one("#heading", Label).update(heading)
        card, empty = self.query_one("#card"), self.query_one("#empty", Label)
        card.display = record is not None
        empty.display = record is None
        if record is None:
            if self.total == 0:
                empty.update(
                    "Nothing to review: no highlight matches."
                    if which
                    else "Nothing to review yet: highlight something first."
                )
            else:
                empty.update(
                    f"Review done: {self.review.kept} kept, {self.review.skipped} skipped. "
                    "Esc goes back."
                )
            return
        title = self.titles.get(record.article_id, "")
        self.query_one("#article", Static).update(_line(title) or "(untitled)")
        try:
            shown = context(self._text_of(record.article_id), record)
        except ReaderError as error:
            self._error(error)
            shown = Context("", record.exact, "", False)
        self.query_one("#quote", Static).update(self._quote(shown, record.color))
        note = self.query_one("#note", Static)
        note.update(strip_control(record.note) if record.note else "No note (a writes one).")
        note.set_class(not record.note, "-none")
        where = "" if shown.found else self._missing(record.article_id)
        self.query_one("#meta", Static).update(self._meta(record, where))
        self.query_one("#card", VerticalScroll).scroll_home(animate=False)

    def _quote(self, shown: Context, color: str) -> Text:
        quote = strip_control(shown.quote)
        return Text.assemble(
            strip_control(shown.before), (quote, highlight_style(color)), strip_control(shown.after)
        )

    def _missing(self, article_id: str) -> str:
        """Why a highlight is shown without its line."""
        if self._texts.get(article_id) is None:
            return "its article's text is not here yet: Enter opens it"
        return "not in the article's text now"

    def _meta(self, record: AnnotationRecord, missing: str) -> str:
        parts = []
        if record.tags:
            parts.append(" ".join(f"#{_line(tag)}" for tag in record.tags))
        meaning = self.meanings.get(record.color, "")
        parts.append(f"{record.color}: {_line(meaning)}" if meaning else record.color)
        parts.append(f"made {_day(record.created)}")
        parts.append(
            f"last reviewed {_day(record.reviewed)}" if record.reviewed else "never reviewed"
        )
        if missing:
            parts.append(missing)
        return " · ".join(parts)

    def _error(self, error: ReaderError) -> None:
        self.notify(str(error), severity="error", timeout=15, markup=False)

    def _act(self, what: str, *args: object) -> None:
        """Run a review action, then draw what comes next; a store failure is told."""
        if self._current() is None:
            self.app.bell()
            return
        try:
            getattr(self.review, what)(*args)
        except ReaderError as error:
            self._error(error)
        self.show_current()

    # Actions

    def action_keep(self) -> None:
        self._act("keep")

    def action_skip(self) -> None:
        self._act("skip")

    def action_color(self, index: int) -> None:
        self._act("set_color", COLORS[index])

    def action_delete(self) -> None:
        record = self._current()
        self._act("delete")
        if record is not None:
            self.notify("Highlight deleted: u brings it back.", markup=False)

    def action_undo(self) -> None:
        try:
            restored = self.review.undo_delete()
        except ReaderError as error:
            self._error(error)
            return
        if not restored:
            self.app.bell()
        self.show_current()

    def action_note(self) -> None:
        self._edit("note")

    def action_tags(self) -> None:
        self._edit("tags")

    def _edit(self, field: str) -> None:
        from widgets.note_editor import NoteEditor, NoteResult

        record = self._current()
        if record is None:
            self.app.bell()
            return
        known = sorted({tag for entry in self.review.entries for tag in entry.tags})

        def save(result: NoteResult) -> None:
            # In the editor: if the store refuses, the editor stays open with the note.
            self.review.set_note(result.note, result.tags)

        def closed(result: NoteResult | None) -> None:
            self.show_current()

        editor = NoteEditor(record.exact, record.note, record.tags, known, focus=field, save=save)
        self.app.push_screen(editor, closed)

    def action_open(self) -> None:
        record = self._current()
        if record is None:
            self.app.bell()
            return
        self.post_message(self.Open(LibraryChoice(record.article_id, record.id)))

    def action_back(self) -> None:
        if len(self.app.screen_stack) > 1:
            self.dismiss()
