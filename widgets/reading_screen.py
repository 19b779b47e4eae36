"""The reading screen: title bar, outline, document view, search prompt, footer.

It owns the article open for reading (`reader.open_article.OpenArticle`): widgets send their
requests up as messages, and this screen changes the article, which saves each change.
`ReadingScreen` is put together here with its layout, bindings and the outline, from parts
in files of their own:

- widgets/reading_base.py: the article, the view, and saving a change (`_saving`);
- widgets/reading_loading.py: the rest of an article that opened on its head, and what is
  said once the whole is here;
- widgets/reading_annotations.py: highlights, notes, undo, colour meanings, the panel, export;
- widgets/reading_search.py: the search prompt;
- widgets/following.py: links: where the one under the cursor leads, following it (Enter,
  hints, the link list), the browser, back and forward.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import OptionList

from widgets import keymap
from widgets.document_view import DocumentView
from widgets.following import LinkKeys
from widgets.key_bar import KeyBar
from widgets.messages import BlockToggleRequested
from widgets.outline import Outline
from widgets.reading_annotations import ReadingAnnotations
from widgets.reading_base import ReadingScreenBase
from widgets.reading_loading import ReadingLoading
from widgets.reading_search import ReadingSearch
from widgets.title_bar import TitleBar

SAVE_POSITION_AFTER = 1.0
"""Seconds the reader stays still before the reading position is saved."""


class ReadingScreen(LinkKeys, ReadingAnnotations, ReadingSearch, ReadingLoading, ReadingScreenBase):
    BINDINGS = keymap.bindings(keymap.SCREEN)

    DEFAULT_CSS = """
    ReadingScreen {
        #body { height: 1fr; }
        Outline.-hidden { display: none; }
    }
    """

    def key_targets(self) -> list[tuple[tuple[keymap.KeySpec, ...], Widget]]:
        """The keys of this screen, and what runs them (for the command palette)."""
        return [(keymap.SCREEN, self), (keymap.READING, self.view)]

    def compose(self) -> ComposeResult:
        yield TitleBar(self.document.title, loading=self.article.loading)
        with Horizontal(id="body"):
            yield Outline(self.document, id="outline", shown=self.reader_app.settings.outline)
            place = self._place
            yield DocumentView(
                self.document,
                column_width=self.column_width,
                position=self.article.record.position if place is None else place.top,
                cursor=None if place is None else place.cursor,
                partial=self.article.loading,
                id="document",
            )
        # The annotation panel and the search prompt are mounted on first use: fewer
        # widgets to style before the first paint.
        # The search prompt is drawn in the key bar's row, as in less and vim.
        yield KeyBar()

    def on_mount(self) -> None:
        self.view.focus()
        if self._place is not None:
            self.call_after_refresh(self.show_place, self._place)
        self.refresh_annotations()
        if not self.article.loading:
            self._announce_orphans()
            self._explain_if_empty()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "close_panel":
            # Only while the panel shows: else Esc is left to whatever else wants it.
            return any(panel.has_class("-visible") for panel in self.query("#panel"))
        return True

    # -------------------------------------------------------------- cleaning

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

    # ------------------------------------------------- position and outline

    def on_document_view_position_changed(self, event: DocumentView.PositionChanged) -> None:
        section = self.document.section_at(event.cursor)  # where the reader is, not the top
        self.query_one(Outline).mark(section)
        title = self.document.sections[section].title if section is not None else ""
        self.query_one(TitleBar).set_progress(event.progress, title)
        record = self.article.record
        place = (record.position, record.progress)
        self.article.set_position(event.offset, event.progress)
        if (record.position, record.progress) == place:
            return  # the cursor moved on the same page: nothing new to save
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
