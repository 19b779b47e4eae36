"""The reading screen: title bar, outline, document view, search prompt, footer.

It owns the article open for reading (`reader.open_article.OpenArticle`): widgets send their
requests up as messages, and this screen changes the article, which saves each change.
"""

from __future__ import annotations

import contextlib
import threading
import uuid
from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from textual import events, on
from textual.app import App, ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import OptionList

from reader.anchor import Status
from reader.annotation_set import COLORS, AnnotationSet
from reader.document import Document
from reader.errors import ReaderError
from reader.open_article import OpenArticle, Rest
from widgets import keymap
from widgets.document_view import DocumentView
from widgets.key_bar import KeyBar
from widgets.line_layout import Wrapped, wrap
from widgets.marks import Mark
from widgets.messages import (
    BlockToggleRequested,
    DeleteRequested,
    HighlightRequested,
    NoteRequested,
    RecolorRequested,
)
from widgets.outline import Outline
from widgets.search_prompt import Outcome, SearchPrompt
from widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from widgets.annotation_panel import AnnotationPanel
    from widgets.app import ReaderApp
    from widgets.note_editor import NoteResult

# The annotation panel, the note editor and the colour meanings dialog are imported on first
# use: every import made before the first paint delays it.

SAVE_POSITION_AFTER = 1.0
"""Seconds the reader stays still before the reading position is saved."""


class ReadingScreen(Screen[None]):
    BINDINGS = keymap.bindings(keymap.SCREEN)

    DEFAULT_CSS = """
    ReadingScreen {
        #body { height: 1fr; }
        Outline.-hidden { display: none; }
    }
    """

    def __init__(self, article: OpenArticle, column_width: int) -> None:
        super().__init__()
        self.article = article
        self.default_color = COLORS[0]
        self.column_width = column_width
        self._article_closed = False
        self._position_timer: Timer | None = None
        self._search_origin = 0
        self._prompt: SearchPrompt | None = None
        """The open search prompt, or None."""
        self._match_count = ""
        self._search_origin_y = 0

    @property
    def document(self) -> Document:
        return self.article.document

    @property
    def annotations(self) -> AnnotationSet:
        return self.article.annotations

    @property
    def reader_app(self) -> ReaderApp:
        return cast("ReaderApp", self.app)

    def key_targets(self) -> list[tuple[tuple[keymap.KeySpec, ...], Widget]]:
        """The keys of this screen, and what runs them (for the command palette)."""
        return [(keymap.SCREEN, self), (keymap.READING, self.view)]

    def compose(self) -> ComposeResult:
        yield TitleBar(self.document.title, loading=self.article.loading)
        with Horizontal(id="body"):
            yield Outline(self.document, id="outline", shown=self.reader_app.settings.outline)
            yield DocumentView(
                self.document,
                column_width=self.column_width,
                position=self.article.record.position,
                partial=self.article.loading,
                id="document",
            )
        # The annotation panel and the search prompt are mounted on first use: fewer
        # widgets to style before the first paint.
        # The search prompt is drawn in the key bar's row, as in less and vim.
        yield KeyBar()

    def on_mount(self) -> None:
        self.view.focus()
        self.refresh_annotations()
        if not self.article.loading:
            self._announce_orphans()
            self._explain_if_empty()

    # ---------------------------------------------------------------- loading

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

    def on_block_toggle_requested(self, event: BlockToggleRequested) -> None:
        """Flip one cleaning decision, remember it for this article, show the result."""
        document = self.article.toggle_block(event.key)
        if self.article.save_error:
            self.report_save(False)
        self.view.set_document(document, partial=self.article.loading)
        self.query_one(Outline).set_document(document)
        self.refresh_annotations()
        self.notify(
            "Block restored." if event.restore else "Block removed (R shows it, r restores).",
            markup=False,
        )

    def action_export(self) -> None:
        """Export this article's highlights and notes to Markdown; say where."""
        from reader.export.exporter import ExportOptions, Item, default_folder, export_to_folder

        if self.article.loading:
            self.notify("Still loading the article: try again in a moment.", markup=False)
            return
        self.report_save(self.article.save())
        library = self.reader_app.library
        record = self.article.record
        notes = library.annotations(record.id)
        try:
            options = ExportOptions(meanings=library.color_meanings())
            item = Item(record, notes, self.document)
            [written] = export_to_folder([item], default_folder(), options)
        except ReaderError as error:
            self.notify(str(error), title="Export failed", severity="error", markup=False)
            return
        message = f"{len(notes)} highlights exported to {written.path}"
        if written.backup is not None:
            message += f"\nYour edits outside the kept blocks are saved in {written.backup.name}"
        self.notify(message, title="Export", markup=False)

    # ----------------------------------------------------------- annotations

    def refresh_annotations(self) -> None:
        attached = sorted(self.annotations.attached(), key=lambda p: p.record.created)
        self.view.set_marks(
            [
                Mark(p.record.id, p.start, p.end, p.record.color, bool(p.record.note))
                for p in attached
            ]
        )
        meanings = self.reader_app.library.color_meanings()
        for panel in self.query("AnnotationPanel"):
            cast("AnnotationPanel", panel).show(
                self.annotations.placed, meanings, self.annotations.unsaved
            )

    def _annotation_at(self, offset: int) -> str | None:
        """The highlight drawn on top at `offset` (the latest made), if any."""
        drawn = sorted(self.annotations.attached(), key=lambda p: p.record.created)
        covering = [p.record.id for p in drawn if p.start <= offset < p.end]
        return covering[-1] if covering else None

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
        """Say so if the article's last save failed (see `OpenArticle.save`)."""
        if not saved:
            self.not_saved(ReaderError(self.article.save_error))

    def not_saved(self, error: ReaderError) -> None:
        self.notify(
            f"Not saved: {error}. Kept here, marked unsaved; saved with the next change "
            "(quitting asks first).",
            title="Not saved",
            severity="error",
            timeout=15,
            markup=False,
        )

    def on_highlight_requested(self, event: HighlightRequested) -> None:
        if event.color:
            self.default_color = event.color
        with self._saving():
            self.annotations.add(event.start, event.end, event.color or self.default_color)

    def on_recolor_requested(self, event: RecolorRequested) -> None:
        self.default_color = event.color
        with self._saving():
            self.annotations.recolor(event.annotation_id, event.color)

    def on_delete_requested(self, event: DeleteRequested) -> None:
        with self._saving():
            self.annotations.delete(event.annotation_id)
            self.notify("Highlight deleted (u undoes).", markup=False)

    def on_note_requested(self, event: NoteRequested) -> None:
        annotation_id = event.annotation_id
        if annotation_id is None and event.at is not None:
            # The stored highlights, not the view's drawing: h then a, typed faster than
            # the view redraws, puts the note on the highlight h just made.
            annotation_id = self._annotation_at(event.at)
        from widgets.note_editor import NoteEditor

        if annotation_id is None:
            # A note on text not yet highlighted: the highlight is made when the note is
            # saved (one change, one undo step), so Esc leaves the text as it was.
            start, end, color = event.start, event.end, self.default_color
            # Named now: after a save the store refused, the highlight is made (unsaved), and
            # ctrl+s again sets its note instead of making a second one.
            new_id = uuid.uuid4().hex

            def save_new(result: NoteResult) -> None:
                try:
                    if self.annotations.get(new_id) is not None:
                        self.annotations.set_note(new_id, result.note, result.tags)
                    else:
                        self.annotations.add(start, end, color, result.note, result.tags, new_id)
                finally:
                    self.refresh_annotations()

            quote = self.document.text[start:end]
            editor = NoteEditor(quote, "", [], self.annotations.tags(), save=save_new)
            self.app.push_screen(editor, self._editor_closed)
            return
        placed = self.annotations.get(annotation_id)
        if placed is None:
            return
        record = placed.record
        noted = annotation_id

        def save(result: NoteResult) -> None:
            try:
                self.annotations.set_note(noted, result.note, result.tags)
            finally:
                self.refresh_annotations()

        editor = NoteEditor(
            record.exact, record.note, record.tags, self.annotations.tags(), save=save
        )
        self.app.push_screen(editor, self._editor_closed)

    def _editor_closed(self, result: NoteResult | None) -> None:
        self.view.focus()

    def action_undo(self) -> None:
        with self._saving():
            undone = self.annotations.undo()
            if undone is None:
                self.app.bell()
                return
            self.notify(f"Undone: {undone}", markup=False)

    def action_color_meanings(self) -> None:
        from widgets.color_meanings import ColorMeanings

        library = self.reader_app.library

        def save(meanings: dict[str, str] | None) -> None:
            if meanings is not None:
                with self._saving():
                    for color, meaning in meanings.items():
                        library.set_color_meaning(color, meaning)

        self.app.push_screen(ColorMeanings(library.color_meanings()), save)

    def action_toggle_removed(self) -> None:
        view = self.view
        view.show_removed = not view.show_removed
        count = len(self.document.removed)
        if view.show_removed:
            self.notify(
                f"{count} removed block(s) shown dimmed; }} and {{ step onto them, r restores."
                if count
                else "Cleaning removed nothing from this article.",
                markup=False,
            )

    async def action_toggle_panel(self) -> None:
        from widgets.annotation_panel import AnnotationPanel

        panels = self.query(AnnotationPanel)
        if panels:
            panel = panels.first()
        else:
            panel = AnnotationPanel()
            await self.query_one("#body").mount(panel)
            panel.show(
                self.annotations.placed,
                self.reader_app.library.color_meanings(),
                self.annotations.unsaved,
            )
        panel.toggle_class("-visible")
        if panel.has_class("-visible"):
            panel.query_one("#panel-filter").focus()
        else:
            self.view.focus()

    def action_close_panel(self) -> None:
        for panel in self.query("#panel"):
            panel.remove_class("-visible")
        self.view.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_panel":
            # Only while the panel shows: else Esc is left to whatever else wants it.
            return any(panel.has_class("-visible") for panel in self.query("#panel"))
        return True

    def on_annotation_panel_jump(self, event: AnnotationPanel.Jump) -> None:
        self.go_to_annotation(event.annotation_id)

    def go_to_annotation(self, annotation_id: str) -> None:
        """Put the cursor on a highlight, a third of the way down the screen."""
        placed = self.annotations.get(annotation_id)
        if placed is None:
            return
        if placed.orphaned:
            self.notify("Orphaned: select its new text and press ctrl+r here.", markup=False)
            return
        self.view.go_to(placed.start)
        self.view.focus()

    def on_annotation_panel_reattach(self, event: AnnotationPanel.Reattach) -> None:
        selected = self.view.selection()
        if selected is None:
            self.notify("Select the text to attach it to first (v or s).", markup=False)
            return
        self.view.action_cancel_selection()
        with self._saving():
            self.annotations.reattach(event.annotation_id, *selected)
            self.notify("Re-attached.", markup=False)

    @property
    def view(self) -> DocumentView:
        return self.query_one(DocumentView)

    def on_document_view_position_changed(self, event: DocumentView.PositionChanged) -> None:
        section = self.document.section_at(event.offset)
        self.query_one(Outline).mark(section)
        title = self.document.sections[section].title if section is not None else ""
        self.query_one(TitleBar).set_progress(event.progress, title)
        self.article.set_position(event.offset, event.progress)
        # Saved once the reader has stopped moving for a moment, not on every key: a closed
        # terminal or a killed process then loses at most that moment.
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(SAVE_POSITION_AFTER, self._save_position)

    def _save_position(self) -> None:
        self._position_timer = None
        if not self._article_closed:
            self.article.save_position()

    @on(OptionList.OptionSelected, "#outline")
    def jump_to_section(self, event: OptionList.OptionSelected) -> None:
        if event.option_id is None:
            return
        section = self.document.sections[int(event.option_id)]
        self.view.scroll_to_offset(section.start, where="top")
        self.view.focus()

    def action_toggle_outline(self) -> None:
        outline = self.query_one(Outline)
        outline.toggle_class("-hidden")
        if outline.has_class("-hidden") and outline.has_focus:
            self.view.focus()
        self.reader_app.remember(outline=not outline.has_class("-hidden"))

    def action_width(self, delta: int) -> None:
        """Widen or narrow the reading column (remembered for the next launch)."""
        width = self.reader_app.change_width(delta)
        shown = self.view.text_width
        note = "" if shown == width else f" (the window shows {shown})"
        self.notify(f"Reading width: {width} cells{note}", timeout=2, markup=False)

    # ---------------------------------------------------------------- search

    def action_search(self) -> None:
        if not self.view.has_focus:
            self.view.focus()  # n and N, after the prompt, are the text's keys
        self._search_origin = self.view.position
        self._search_origin_y = int(self.view.scroll_offset.y)
        self._prompt = SearchPrompt()
        self._match_count = ""
        self._show_prompt()

    def on_key(self, event: events.Key) -> None:
        """While the search prompt is open, every key edits it (the bindings wait)."""
        prompt = self._prompt
        if prompt is None:
            return
        event.stop()
        event.prevent_default()
        outcome = prompt.key(event)
        if outcome is Outcome.CHANGED:
            self._search_as_you_type()
        elif outcome is Outcome.ACCEPT:
            self._keep_search()
        elif outcome is Outcome.CANCEL:
            self._cancel_search()
        if self._prompt is not None:
            self._show_prompt()

    def on_paste(self, event: events.Paste) -> None:
        if self._prompt is not None:
            event.stop()
            if self._prompt.insert(event.text) is Outcome.CHANGED:
                self._search_as_you_type()
            self._show_prompt()

    def _show_prompt(self) -> None:
        prompt = self._prompt
        self.query_one(KeyBar).show_prompt(
            None if prompt is None else prompt.content(self._match_count)
        )

    def _search_as_you_type(self) -> None:
        assert self._prompt is not None
        query = self._prompt.text
        if query.strip():
            self.view.search(query, origin=self._search_origin)
        else:
            self._match_count = ""
            self.view.clear_search()
            self.view.scroll_to_line(self._search_origin_y)

    def _keep_search(self) -> None:
        assert self._prompt is not None
        query = self._prompt.text
        self._prompt = None
        self._show_prompt()
        if query.strip() and not self.view.matches:
            if self.article.loading:
                self.notify(
                    f"Not in the part loaded so far: {query} (searched again when all is here)",
                    markup=False,
                )
            else:
                self.notify(f"Not found: {query}", severity="warning", markup=False)

    def _cancel_search(self) -> None:
        self._prompt = None
        self._show_prompt()
        self.view.clear_search()
        self.view.scroll_to_line(self._search_origin_y)

    def on_document_view_search_updated(self, event: DocumentView.SearchUpdated) -> None:
        if self._prompt is None:
            return  # n and N after the prompt closed: the view shows where the match is
        if not event.search_query.strip():
            self._match_count = ""
        elif event.current is None:
            self._match_count = "no match"
        else:
            self._match_count = f"{event.current + 1}/{event.count}"
        self._show_prompt()
