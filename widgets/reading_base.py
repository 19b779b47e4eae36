"""The reading screen's state: the open article, the document view, and saving changes.

`ReadingScreenBase` holds what every part of the reading screen works with: the article open
for reading (`reader.open_article.OpenArticle`, which saves each change), the document view,
and the one way a change to the annotations is made, saved and shown again (`_saving`).
The parts mixed over it into `ReadingScreen` (widgets/reading_screen.py): reading_loading.py
(the whole article's arrival), reading_annotations.py (highlights, notes, the panel, export),
reading_search.py (the search prompt), following.py (links: following them, back and forward).
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from textual.screen import Screen
from textual.timer import Timer

from reader.annotation_set import COLORS, AnnotationSet
from reader.document import Document
from reader.errors import ReaderError
from reader.history import Place
from reader.open_article import OpenArticle
from widgets.document_view import DocumentView
from widgets.held_keys import HeldKeys
from widgets.key_bar import KeyBar
from widgets.marks import marks_of

if TYPE_CHECKING:
    from widgets.annotation_panel import AnnotationPanel
    from widgets.app import ReaderApp
    from widgets.search_prompt import SearchPrompt


class ReadingScreenBase(Screen[None]):
    """An open article and its view; the base of `ReadingScreen`."""

    def __init__(self, article: OpenArticle, column_width: int, place: Place | None = None) -> None:
        """Show `article`: where the reader left it, or at `place` (back, forward, a link)."""
        super().__init__()
        self.article = article
        self._place = place
        self.default_color = COLORS[0]
        self.column_width = column_width
        self._article_closed = False
        self._position_timer: Timer | None = None
        self._search_origin = 0
        self._search_origin_y = 0
        self._search_cursor = 0
        self._prompt: SearchPrompt | None = None
        """The open search prompt, or None."""
        self._prompt_keys = False
        """Whether the keys reaching the screen now are the search prompt's (from the key that
        opens it to the one that closes it, which may be read before it opens)."""
        self._match_count = ""
        self.held_keys = HeldKeys(self)
        """Keys read with the key that opens a panel's filter: the filter's."""
        self._told_unwritable = False
        """Whether the reader was told that the store cannot be written."""

    @property
    def document(self) -> Document:
        return self.article.document

    @property
    def annotations(self) -> AnnotationSet:
        return self.article.annotations

    @property
    def reader_app(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    @property
    def view(self) -> DocumentView:
        return self.query_one(DocumentView)

    def _show_footer(self) -> None:
        """The footer's row when no prompt is in it: the keys (following.py says more)."""
        self.query_one(KeyBar).show_prompt(None)

    def refresh_annotations(self) -> None:
        """Draw the highlights as they are now, in the view and in the panel (if open)."""
        self.view.marks = marks_of(self.annotations.attached())
        meanings = self.reader_app.library.color_meanings()
        for panel in self.query("AnnotationPanel"):
            cast("AnnotationPanel", panel).show(
                self.annotations.placed, meanings, self.annotations.unsaved
            )

    @contextlib.contextmanager
    def _saving(self) -> Iterator[None]:
        """Make a change; if the store refuses it (a full disk, a read-only folder), the
        change stays here, marked unsaved, and a line says so; the app stays up."""
        try:
            yield
        except ReaderError as error:
            self.not_saved(error)
        finally:
            self.refresh_annotations()

    def report_save(self, saved: bool) -> None:
        """Say so if the article's last save failed (see `OpenArticle.save`): in full if a
        change the reader made is not saved; else (only where they are reading, and when they
        opened it, are not) once, in one line, that nothing will be saved."""
        article = self.article
        if saved:
            return
        if article.unsaved:
            self.not_saved(ReaderError(article.save_error))
        elif not self._told_unwritable:
            self._told_unwritable = True
            folder = self.reader_app.library.folder
            why = (
                "is read-only" if article.read_only else f"cannot be written ({article.save_error})"
            )
            self.notify(
                f"The store {folder} {why}: reading works, but nothing will be saved.",
                title="Store not writable",
                severity="warning",
                timeout=15,
                markup=False,
            )

    def not_saved(self, error: ReaderError) -> None:
        self.notify(
            f"Not saved: {error}. Kept here, marked unsaved; saved with the next change "
            "(quitting asks first).",
            title="Not saved",
            severity="error",
            timeout=15,
            markup=False,
        )
