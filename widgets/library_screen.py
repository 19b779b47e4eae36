"""The library screen: saved articles, last read first; open, delete, search all notes."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import DataTable, Input, Label

from reader.errors import ReaderError
from reader.records import AnnotationRecord, ArticleRecord
from reader.sanitize import shown
from store.library import Library
from widgets import keymap
from widgets.confirm_delete import ConfirmDelete, DeleteChoice
from widgets.held_keys import HeldKeys
from widgets.key_bar import KeyBar
from widgets.library_choice import LibraryChoice
from widgets.motion_table import MotionTable


class ShelfTable(MotionTable):
    """A table whose Enter (open) shows in the footer: the table's own Enter hid the screen's."""

    BINDINGS = keymap.bindings(keymap.SHELF)


def _cell(text: str, width: int = 0) -> Text:
    """Stored text as a table cell: one line, never read as markup."""
    line = shown(text, width or None, one_line=True)
    if width and len(line) > width:
        line = line[: width - 1] + "…"
    return Text(line)


def _when(stamp: str) -> str:
    return stamp[:16].replace("T", " ")


def _source(source: str) -> str:
    return Path(source).name if source and "://" not in source else source


class LibraryScreen(Screen[None]):
    """Every saved article; with `/`, every note of every article."""

    CSS_PATH = Path(__file__).with_name("library_screen.tcss")
    BINDINGS = keymap.bindings(keymap.LIBRARY)

    class Chosen(Message):
        """Open this article (at this highlight)."""

        def __init__(self, choice: LibraryChoice) -> None:
            super().__init__()
            self.choice = choice

    class ReviewAsked(Message):
        """Review the library's highlights."""

    def __init__(self, library: Library, current: str | None = None) -> None:
        super().__init__()
        self.library = library
        self.current = current
        """Id of the article open behind this screen (it cannot be deleted from here)."""
        self.articles: dict[str, ArticleRecord] = {}
        self.hits: dict[str, AnnotationRecord] = {}
        self.held_keys = HeldKeys(self)

    def key_targets(self) -> list[tuple[tuple[keymap.KeySpec, ...], Widget]]:
        """The keys of this screen, and what runs them (for the command palette)."""
        return [(keymap.LIBRARY, self)]

    def compose(self) -> ComposeResult:
        yield Label("Library", id="heading", markup=False)
        yield Input(placeholder="Search all notes, quotes and tags", id="search")
        yield ShelfTable(id="articles", cursor_type="row", zebra_stripes=True)
        yield ShelfTable(id="hits", cursor_type="row", zebra_stripes=True)
        yield Label("", id="empty", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one("#articles", DataTable).add_columns(
            "Title", "Notes", "Read", "Last read", "Added", "Source"
        )
        self.query_one("#hits", DataTable).add_columns("Article", "Colour", "Quote", "Note", "Tags")
        self.refresh_articles()
        self._show("articles")

    # Views

    def _show(self, which: str) -> None:
        """Show the article list or the search hits, and focus it."""
        for name in ("articles", "hits"):
            self.query_one(f"#{name}", DataTable).display = name == which
        self.query_one("#search", Input).display = which == "hits"
        table = self.query_one(f"#{which}", DataTable)
        table.focus()
        empty = self.query_one("#empty", Label)
        if which == "articles":
            message = "No articles yet: open one with `reader FILE`."
        else:
            message = "No note matches."
        empty.update(message if table.row_count == 0 else "")
        empty.display = table.row_count == 0

    def refresh_articles(self) -> None:
        table = self.query_one("#articles", DataTable)
        table.clear()
        try:
            records = self.library.articles()
        except ReaderError as error:
            self._error(error)
            records = []
        self.articles = {record.id: record for record in records}
        damaged: ReaderError | None = None
        for record in records:
            try:
                notes = str(self.library.annotation_count(record.id))
            except ReaderError as error:
                damaged, notes = error, "?"
            table.add_row(
                _cell(record.title, 48),
                Text(notes, justify="right"),
                Text(f"{round(record.progress * 100)}%", justify="right"),
                _when(record.last_opened),
                _when(record.added)[:10],
                _cell(_source(record.source), 24),
                key=record.id,
            )
        if damaged is not None:
            self._error(damaged)
        skipped = self.library.skipped_summary()
        if skipped:
            self.notify(skipped[0].upper() + skipped[1:] + ".", severity="warning", markup=False)
        count = len(records)
        self.query_one("#heading", Label).update(
            f"Library: {count} article{'s' if count != 1 else ''}"
        )

    def _search(self, query: str) -> None:
        table = self.query_one("#hits", DataTable)
        table.clear()
        self.hits = {}
        try:
            found = self.library.search(query)
        except ReaderError as error:
            self._error(error)
            found = []
        for note in found:
            self.hits[note.id] = note
            article = self.articles.get(note.article_id)
            table.add_row(
                _cell(article.title if article else "?", 30),
                note.color,
                _cell(note.exact, 50),
                _cell(note.note, 40),
                _cell(" ".join(f"#{tag}" for tag in note.tags), 20),
                key=note.id,
            )
        self._show("hits")

    def _error(self, error: ReaderError) -> None:
        """A store problem, told in the screen (the store is left as it is)."""
        self.notify(str(error), severity="error", timeout=15, markup=False)

    # Actions

    def _selected(self, table_id: str) -> str | None:
        table = self.query_one(f"#{table_id}", DataTable)
        if not table.display or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return str(key) if key is not None else None

    def action_open(self) -> None:
        if (note_id := self._selected("hits")) is not None:
            note = self.hits[note_id]
            self.post_message(self.Chosen(LibraryChoice(note.article_id, note.id)))
        elif (article_id := self._selected("articles")) is not None:
            self.post_message(self.Chosen(LibraryChoice(article_id)))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_search(self) -> None:
        self._show("hits")
        search = self.query_one("#search", Input)
        search.display = True
        self.held_keys.opened(search.focus())

    def on_key(self, event: events.Key) -> None:
        """The keys read with `/` (a paste, fast typing) go to the search box it opens."""
        if self.held_keys.active:
            self.held_keys.take(event)
            return
        active = self.active_bindings.get(event.key)
        opens = active is not None and active.node is self and active.binding.action == "search"
        if opens and not self.query_one("#search", Input).has_focus:
            self.held_keys.start()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self._search(event.value)

    def action_review(self) -> None:
        """Review every highlight in the library, one at a time (the app opens it)."""
        self.post_message(self.ReviewAsked())

    def action_back(self) -> None:
        if self.query_one("#hits", DataTable).display:
            self.query_one("#search", Input).value = ""
            self._show("articles")
        elif len(self.app.screen_stack) > 2:
            self.dismiss()

    def action_delete(self) -> None:
        article_id = self._selected("articles")
        if article_id is None:
            return
        if article_id == self.current:
            self.notify("This article is open: close it before deleting it.", markup=False)
            return
        record = self.articles[article_id]
        try:
            notes = len(self.library.annotations(article_id))
        except ReaderError as error:
            self._error(error)
            return
        self.app.push_screen(
            ConfirmDelete(record.title, notes),
            lambda choice: self._delete(article_id, choice),
        )

    def _delete(self, article_id: str, choice: DeleteChoice | None) -> None:
        if choice is None or choice is DeleteChoice.CANCEL:
            return
        if choice is DeleteChoice.EXPORT_THEN_DELETE:
            try:
                written = export_article(self.library, article_id)
            except ReaderError as error:
                self.notify(f"Not deleted: {error}", severity="error", markup=False)
                return
            self.notify(f"Exported to {written}", markup=False)
        try:
            self.library.delete_article(article_id)
        except ReaderError as error:
            self._error(error)
        self.refresh_articles()
        self._show("articles")


def export_article(library: Library, article_id: str) -> Path:
    """Export an article's notes with the export helper; ReaderError if that cannot be done."""
    # Imported here: the exporter (and Jinja2) are not needed to start reading.
    from reader.export import exporter

    record = library.article(article_id)
    if record is None:
        raise ReaderError("the article is no longer in the library")
    try:
        return exporter.export_article(
            record, library.annotations(article_id), exporter.document_for(record)
        )
    except OSError as error:
        raise ReaderError(f"cannot write the export ({error.strerror or error})") from None
