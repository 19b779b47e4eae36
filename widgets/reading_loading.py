"""The whole article's arrival on the reading screen, and what is said once it is here.

An article opens on its head; `load_rest` fetches the rest in a thread of its own, wraps it
off the UI thread, and `_adopt` shows the whole where the reader is (keys pressed meanwhile
are done again over the whole, in widgets/view_core.py). Then orphaned or ambiguous highlights
and an article that cleaned to nothing are announced. Mixed into `ReadingScreen`
(widgets/reading_screen.py).
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from textual.app import App

from reader.anchor import Status
from reader.errors import ReaderError
from reader.open_article import Rest
from widgets.document_view import DocumentView
from widgets.line_layout import Wrapped, wrap
from widgets.outline import Outline
from widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from widgets.reading_base import ReadingScreenBase as _Screen
else:
    _Screen = object


class ReadingLoading(_Screen):
    """Loading the rest of the article; a mixin of `ReadingScreen` over `ReadingScreenBase`."""

    def load_rest(self) -> None:
        """Fetch the rest of an article that opened on its head (in a thread of its own)."""
        if self.article.loading and not self._article_closed:
            # A daemon thread, not a Textual thread worker: cleaning, parsing and wrapping a
            # million paragraphs cannot be stopped part-way, and asyncio and Python wait for
            # every pool thread before the process ends, so `q` waited for the load. The
            # loader is cancelled on quit; whatever this thread still does is thrown away.
            app = self.app  # found here: a plain thread has not the app's context
            threading.Thread(
                target=self._fetch_rest, args=(app,), name="load-rest", daemon=True
            ).start()

    def _fetch_rest(self, app: App[int]) -> None:
        # The app may have ended meanwhile: then call_from_thread raises, and nothing is due.
        with contextlib.suppress(RuntimeError):
            try:
                rest = self.article.fetch_rest()
            except ReaderError as error:
                if not self._article_closed:
                    app.call_from_thread(
                        self.notify,
                        str(error),
                        title="Loading failed",
                        severity="error",
                        markup=False,
                    )
                return
            if self._article_closed:
                return
            # Wrapped here too: on the UI thread, wrapping 3 MB held every key for ~0.15 s.
            settings = app.call_from_thread(self.view.wrap_settings)
            wrapped = wrap(rest.document, *settings)
            if not self._article_closed:
                app.call_from_thread(self._adopt, rest, wrapped)

    def _adopt(self, rest: Rest, wrapped: Wrapped) -> None:
        """The whole article is here: show it where the reader is, with its annotations."""
        if self._article_closed:
            return
        document = self.article.adopt(rest)
        if self.article.save_error:
            self.report_save(False)
        self.view.set_document(document, wrapped)
        outline = self.query_one(Outline)
        outline.set_document(document)
        outline.set_class(not document.sections or not self.reader_app.settings.outline, "-hidden")
        self.query_one(TitleBar).set_loading(False)
        self.refresh_annotations()
        self._announce_orphans()
        self._explain_if_empty()

    def close_article(self) -> None:
        """Stop loading and save the article (on quit, or when another one is opened)."""
        if not self._article_closed:
            self._article_closed = True
            views = self.query(DocumentView)  # none once unmounted
            if views and views.first().layout_lines:
                # Where the view is now: its last move (keys, then q at once) may be untold.
                self.article.set_position(views.first().position, views.first().progress)
            self.article.close()

    def on_unmount(self) -> None:
        self.close_article()

    def _explain_if_empty(self) -> None:
        """An article that cleaned to nothing: say why, and show what was removed (a blank
        page says nothing). It is not in the library unless the reader restores a block."""
        if not self.article.empty:
            return
        if not self.document.removed:
            self.notify("This article has no text.", severity="warning", markup=False)
            return
        self.view.show_removed = True
        self.notify(
            "Nothing kept: everything on this page looked like page chrome (menus, prompts, "
            "notices). It is shown struck out with the reasons; r restores a block, and keeps "
            "the article in the library (R hides what was removed).",
            title="Empty after cleaning",
            severity="warning",
            timeout=30,
            markup=False,
        )

    def _announce_orphans(self) -> None:
        skipped = self.reader_app.library.skipped_summary()
        if skipped:
            self.notify(skipped[0].upper() + skipped[1:] + ".", severity="warning", markup=False)
        placed = self.annotations.placed
        orphans = sum(p.orphaned for p in placed)
        if orphans:
            self.notify(
                f"{orphans} highlight(s) no longer match the text: see the panel (H).",
                severity="warning",
                markup=False,
            )
        unsure = sum(p.status is Status.AMBIGUOUS for p in placed)
        if unsure:
            self.notify(
                f"{unsure} highlight(s) match more than one place (ambiguous): see the panel (H).",
                severity="warning",
                markup=False,
            )
