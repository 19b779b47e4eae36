"""The Textual application: wires the document, the store and the screens together."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from reader.annotation_set import AnnotationSet
from reader.article import build_document
from reader.cleaned import Cleaned
from reader.load import Source
from reader.stored_article import record_for
from store.library import Library
from store.records import ArticleRecord, article_id_for, now
from widgets import keymap
from widgets.document_view import DocumentView
from widgets.help_screen import HelpScreen
from widgets.library_screen import LibraryChoice, LibraryScreen
from widgets.messages import BlockToggleRequested
from widgets.reading_screen import ReadingScreen


class ReaderApp(App[int]):
    """Reads one article; keeps its reading position in the library."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "reader"
    BINDINGS = keymap.bindings(keymap.APP)

    def __init__(
        self, source: Source, cleaned: Cleaned, library: Library, column_width: int = 80
    ) -> None:
        super().__init__()
        self.source = source
        self.cleaned = cleaned
        self.library = library
        self.column_width = column_width
        self.next_choice: LibraryChoice | None = None
        """An article picked in the library: the session opens it after this app exits."""
        self.article = self._article_record()
        self.document = build_document(cleaned, frozenset(self.article.overrides))
        self.annotations = AnnotationSet(library, self.article.id, self.document)

    def _article_record(self) -> ArticleRecord:
        existing = self.library.article(article_id_for(self.source.origin))
        # With its cleaned text, so the article reopens even when its source is gone.
        record = record_for(self.source, self.cleaned, existing)
        record.last_opened = now()
        return record

    def on_mount(self) -> None:
        # The article is saved on open so its annotations always have an article record.
        self.save_article()
        self.push_screen(
            ReadingScreen(
                self.document,
                self.annotations,
                self.column_width,
                position=self.article.position,
            )
        )

    def on_reading_screen_position_saved(self, event: ReadingScreen.PositionSaved) -> None:
        self.article.position = event.offset
        self.article.progress = round(event.progress, 4)

    def on_block_toggle_requested(self, event: BlockToggleRequested) -> None:
        """Flip one cleaning decision, remember it for this article, show the result."""
        overrides = set(self.article.overrides) ^ {event.key}
        self.article.overrides = sorted(overrides)
        self.document = build_document(self.cleaned, frozenset(overrides))
        self.save_article()
        screen = self.screen
        if isinstance(screen, ReadingScreen):
            screen.set_document(self.document)
        self.notify(
            "Block restored." if event.restore else "Block removed (R shows it, r restores).",
            markup=False,
        )

    def save_article(self) -> None:
        self.article.title = self.document.title
        # The stored copy follows the cleaning choices, so the article reopens as it reads now.
        self.article.text = self.cleaned.markdown_body(frozenset(self.article.overrides))
        self.library.save_article(self.article)

    async def action_quit(self) -> None:
        self.save_article()
        self.exit(0)

    def action_library(self) -> None:
        if not isinstance(self.screen, LibraryScreen):
            self.save_article()
            self.push_screen(LibraryScreen(self.library, current=self.article.id))

    def on_library_screen_chosen(self, event: LibraryScreen.Chosen) -> None:
        if event.choice == LibraryChoice(self.article.id):
            self.pop_screen()
            return
        self.next_choice = event.choice
        self.save_article()
        self.exit(0)

    def action_export(self) -> None:
        """Export this article's highlights and notes to Markdown; say where."""
        from reader.errors import ReaderError
        from reader.export.exporter import export_article

        self.save_article()
        notes = self.library.annotations(self.article.id)
        try:
            path = export_article(self.article, notes, self.document)
        except ReaderError as error:
            self.notify(str(error), title="Export failed", severity="error", markup=False)
            return
        self.notify(f"{len(notes)} highlights exported to {path}", title="Export", markup=False)

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        yield from super().get_system_commands(screen)
        targets: list[tuple[tuple[keymap.KeySpec, ...], object]] = [(keymap.APP, self)]
        if isinstance(screen, ReadingScreen):
            targets.append((keymap.SCREEN, screen))
            targets.append((keymap.READING, screen.query_one(DocumentView)))
        if isinstance(screen, LibraryScreen):
            targets.append((keymap.LIBRARY, screen))
        for specs, target in targets:
            for spec in specs:
                run = partial(target.run_action, spec.action)  # type: ignore[attr-defined]
                yield SystemCommand(spec.description, f"Key: {keymap.shown_keys(spec)}", run)
