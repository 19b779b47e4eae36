"""The Textual application: wires the document, the store and the screens together."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.screen import Screen

from reader.annotation_set import AnnotationSet
from reader.article import build_document, head_source
from reader.cleaned import Cleaned
from reader.document import Document
from reader.errors import ReaderError
from reader.load import Source
from reader.preload import Whole
from reader.records import ArticleRecord, article_id_for, now
from reader.startup import first_frame_shown
from reader.stored_article import record_for
from store.library import Library
from widgets import keymap, theme
from widgets.document_view import DocumentView
from widgets.library_choice import LibraryChoice
from widgets.line_layout import Wrapped, wrap
from widgets.messages import BlockToggleRequested
from widgets.reading_screen import ReadingScreen

if TYPE_CHECKING:
    from widgets.library_screen import LibraryScreen

# The help and library screens, the note editor and the export are imported when first used:
# the article's first paint waits for every import made before it.


class ReaderApp(App[int]):
    """Reads one article; keeps its reading position in the library."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "reader"
    BINDINGS = keymap.bindings(keymap.APP)

    def __init__(
        self,
        source: Source,
        cleaned: Cleaned | None,
        library: Library,
        column_width: int = 80,
        rest: Callable[[], Whole] | None = None,
        document: Document | None = None,
    ) -> None:
        """Read `source`. While the whole article is not ready, its head shows: with `rest`,
        `source` and `cleaned` are the head and `rest()` blocks until the whole is ready (it
        runs in a worker thread); with `cleaned` None, the app cleans the source itself.
        `document`, if given, is `cleaned` already parsed (used unless the reader removed or
        restored blocks of this article)."""
        super().__init__()
        theme.use_reader_themes(self)
        self.source = source
        self.library = library
        self.column_width = column_width
        self.next_choice: LibraryChoice | None = None
        """An article picked in the library: the session opens it after this app exits."""
        if cleaned is None:
            from reader.clean import clean

            head = head_source(source)
            cleaned = clean(head)
            rest = partial(_clean_whole, source)
            source = head
        self._rest = rest
        self.loading = rest is not None
        self.cleaned = cleaned
        existing = library.article(article_id_for(source.origin))
        if self.loading:
            self.article = existing or ArticleRecord(
                id=article_id_for(source.origin),
                title=Path(source.origin).name,
                source=source.origin,
            )
        else:
            # With its cleaned text, so the article reopens even when its source is gone.
            self.article = record_for(source, self.cleaned, existing)
        self.article.last_opened = now()
        overrides = frozenset(self.article.overrides)
        if document is None or overrides:
            document = build_document(self.cleaned, overrides)
        self.document = document
        self.annotations = (
            None if self.loading else AnnotationSet(library, self.article.id, self.document)
        )

    def on_mount(self) -> None:
        self.push_screen(
            ReadingScreen(
                self.document,
                self.annotations,
                self.column_width,
                position=self.article.position,
            )
        )

    def on_ready(self) -> None:
        first_frame_shown()
        # The article is saved on open, so its annotations always have an article record;
        # after the first frame, which has no need to wait for the store's write.
        self.save_article()
        if self.loading:
            # After the first frame: a worker thread holding the GIL, or the loading process
            # cleaning beside this one, would delay that paint.
            self.call_after_refresh(
                self.run_worker, self._clean_in_background, thread=True, exit_on_error=False
            )

    def _clean_in_background(self) -> None:
        assert self._rest is not None
        try:
            source, cleaned, document = self._rest()
        except ReaderError as error:
            self.call_from_thread(
                self.notify, str(error), title="Loading failed", severity="error", markup=False
            )
            return
        overrides = frozenset(self.article.overrides)
        if document is None or overrides:
            document = build_document(cleaned, overrides)
        annotations = AnnotationSet(self.library, self.article.id, document)
        # Wrapped here too: on the UI thread, wrapping 3 MB held every key for ~0.15 s.
        settings = self.call_from_thread(self._wrap_settings)
        wrapped = wrap(document, *settings) if settings is not None else None
        self.call_from_thread(self._loaded, source, cleaned, document, annotations, wrapped)

    def _wrap_settings(self) -> tuple[int, bool] | None:
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                return screen.view.wrap_settings()
        return None

    def _loaded(
        self,
        source: Source,
        cleaned: Cleaned,
        document: Document,
        annotations: AnnotationSet,
        wrapped: Wrapped | None = None,
    ) -> None:
        self.source = source
        self.cleaned = cleaned
        self.document = document
        self.annotations = annotations
        self.article = record_for(self.source, cleaned, self.article)
        self.loading = False
        self.save_article()
        for screen in self.screen_stack:
            if isinstance(screen, ReadingScreen):
                screen.finish_loading(document, annotations, wrapped)

    def on_reading_screen_position_saved(self, event: ReadingScreen.PositionSaved) -> None:
        self.article.position = event.offset
        self.article.progress = round(event.progress, 4)

    def on_block_toggle_requested(self, event: BlockToggleRequested) -> None:
        """Flip one cleaning decision, remember it for this article, show the result."""
        if self.loading:
            self.notify("Still loading the article: try again in a moment.", markup=False)
            return
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
        if not self.loading:
            self.article.title = self.document.title
            # The stored copy follows the cleaning choices, so the article reopens as it reads.
            self.article.text = self.cleaned.markdown_body(frozenset(self.article.overrides))
        self.library.save_article(self.article)

    async def action_quit(self) -> None:
        self.save_article()
        self.exit(0)

    def action_library(self) -> None:
        from widgets.library_screen import LibraryScreen

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
        from reader.export.exporter import ExportOptions, Item, default_folder, export_to_folder

        if self.loading:
            self.notify("Still loading the article: try again in a moment.", markup=False)
            return
        self.save_article()
        notes = self.library.annotations(self.article.id)
        try:
            options = ExportOptions(meanings=self.library.color_meanings())
            item = Item(self.article, notes, self.document)
            [written] = export_to_folder([item], default_folder(), options)
        except ReaderError as error:
            self.notify(str(error), title="Export failed", severity="error", markup=False)
            return
        message = f"{len(notes)} highlights exported to {written.path}"
        if written.backup is not None:
            message += f"\nYour edits outside the kept blocks are saved in {written.backup.name}"
        self.notify(message, title="Export", markup=False)

    def action_help(self) -> None:
        from widgets.help_screen import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen())

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        from widgets.library_screen import LibraryScreen

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


def _clean_whole(source: Source) -> Whole:
    from reader.clean import clean

    return source, clean(source), None
