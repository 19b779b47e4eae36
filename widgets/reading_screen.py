"""The reading screen: title bar, outline, document view, search prompt, footer."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.containers import Container, Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Label, OptionList

from reader.annotation_set import COLORS, AnnotationSet
from reader.document import Document
from widgets import keymap
from widgets.document_view import DocumentView, Mark
from widgets.key_bar import KeyBar
from widgets.messages import (
    DeleteRequested,
    HighlightRequested,
    NoteRequested,
    RecolorRequested,
)
from widgets.outline import Outline
from widgets.search_bar import SearchBar
from widgets.title_bar import TitleBar

if TYPE_CHECKING:
    from widgets.annotation_panel import AnnotationPanel
    from widgets.note_editor import NoteResult

# The annotation panel, the note editor and the colour meanings dialog are imported on first
# use: every import made before the first paint delays it.


class ReadingScreen(Screen[None]):
    BINDINGS = keymap.bindings(keymap.SCREEN)

    DEFAULT_CSS = """
    ReadingScreen {
        #body { height: 1fr; }
        /* The search prompt takes the footer's row, as in less and vim: opening or closing
           it changes no other widget's size, so nothing else is laid out or drawn again. */
        #bottom { dock: bottom; height: 1; }
        #bottom.-searching KeyBar { display: none; }
        #match-count { display: none; dock: right; width: auto; padding: 0 1; background: $panel; }
        #bottom.-searching #match-count { display: block; }
        Outline.-hidden { display: none; }
    }
    """

    class PositionSaved(Message):
        """The reader moved: the app may save the position."""

        def __init__(self, offset: int, progress: float) -> None:
            super().__init__()
            self.offset = offset
            self.progress = progress

    def __init__(
        self,
        document: Document,
        annotations: AnnotationSet | None,
        column_width: int = 80,
        position: int = 0,
    ) -> None:
        super().__init__()
        self.document = document
        self._annotations = annotations
        """None while a large article is still being cleaned: annotating waits for it."""
        self.default_color = COLORS[0]
        self.column_width = column_width
        self.start_position = position
        self._search_origin = 0
        self._search_origin_y = 0

    def compose(self) -> ComposeResult:
        yield TitleBar(self.document.title)
        with Horizontal(id="body"):
            yield Outline(self.document, id="outline")
            yield DocumentView(
                self.document,
                column_width=self.column_width,
                position=self.start_position,
                id="document",
            )
        # The annotation panel and the search prompt are mounted on first use: fewer
        # widgets to style before the first paint.
        with Container(id="bottom"):
            yield KeyBar()

    def on_mount(self) -> None:
        if not self.document.sections:
            self.query_one(Outline).add_class("-hidden")
        self.view.focus()
        if self._annotations is None:
            self.query_one(TitleBar).set_loading(True)
            return
        self._announce_annotations()

    def finish_loading(self, document: Document, annotations: AnnotationSet) -> None:
        """The whole article is ready: show it where the reader is, with its annotations."""
        self._annotations = annotations
        self.document = document
        self.view.set_document(document)
        self.query_one(Outline).set_document(document)
        if not self.document.sections:
            self.query_one(Outline).add_class("-hidden")
        else:
            self.query_one(Outline).remove_class("-hidden")
        self.query_one(TitleBar).set_loading(False)
        self._announce_annotations()

    @property
    def annotations(self) -> AnnotationSet:
        assert self._annotations is not None, "annotations used before the article loaded"
        return self._annotations

    def _ready(self) -> bool:
        if self._annotations is None:
            self.notify("Still loading the article: try again in a moment.", markup=False)
            return False
        return True

    def _announce_annotations(self) -> None:
        self.refresh_annotations()
        orphans = sum(p.orphaned for p in self.annotations.placed)
        if orphans:
            self.notify(
                f"{orphans} highlight(s) no longer match the text: see the panel (H).",
                severity="warning",
                markup=False,
            )

    def set_document(self, document: Document) -> None:
        """Show a new version of the article (after a cleaning change), re-anchoring notes."""
        if not self._ready():
            return
        self.document = document
        self.annotations.set_document(document)
        self.view.set_document(document)
        self.query_one(Outline).set_document(document)
        self.refresh_annotations()

    # ----------------------------------------------------------- annotations

    def refresh_annotations(self) -> None:
        attached = sorted(self.annotations.attached(), key=lambda p: p.record.created)
        self.view.set_marks(
            [
                Mark(p.record.id, p.start, p.end, p.record.color, bool(p.record.note))
                for p in attached
            ]
        )
        meanings = self.app.library.color_meanings()  # type: ignore[attr-defined]
        for panel in self.query("AnnotationPanel"):
            cast("AnnotationPanel", panel).show(self.annotations.placed, meanings)

    def on_highlight_requested(self, event: HighlightRequested) -> None:
        if not self._ready():
            return
        self.annotations.add(event.start, event.end, event.color or self.default_color)
        if event.color:
            self.default_color = event.color
        self.refresh_annotations()

    def on_recolor_requested(self, event: RecolorRequested) -> None:
        if not self._ready():
            return
        self.annotations.recolor(event.annotation_id, event.color)
        self.default_color = event.color
        self.refresh_annotations()

    def on_delete_requested(self, event: DeleteRequested) -> None:
        if not self._ready():
            return
        self.annotations.delete(event.annotation_id)
        self.refresh_annotations()
        self.notify("Highlight deleted (u undoes).", markup=False)

    def on_note_requested(self, event: NoteRequested) -> None:
        if not self._ready():
            return
        annotation_id = event.annotation_id
        if annotation_id is None:
            annotation_id = self.annotations.add(event.start, event.end, self.default_color).id
            self.refresh_annotations()
        placed = self.annotations.get(annotation_id)
        if placed is None:
            return
        record = placed.record
        from widgets.note_editor import NoteEditor

        def save(result: NoteResult | None) -> None:
            if result is not None:
                self.annotations.set_note(annotation_id, result.note, result.tags)
                self.refresh_annotations()
            self.view.focus()

        editor = NoteEditor(record.exact, record.note, record.tags, self.annotations.tags())
        self.app.push_screen(editor, save)

    def action_undo(self) -> None:
        if not self._ready():
            return
        undone = self.annotations.undo()
        if undone is None:
            self.app.bell()
            return
        self.refresh_annotations()
        self.notify(f"Undone: {undone}", markup=False)

    def action_color_meanings(self) -> None:
        from widgets.color_meanings import ColorMeanings

        library = self.app.library  # type: ignore[attr-defined]

        def save(meanings: dict[str, str] | None) -> None:
            if meanings is not None:
                for color, meaning in meanings.items():
                    library.set_color_meaning(color, meaning)
                self.refresh_annotations()

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
            if self._annotations is not None:
                meanings = self.app.library.color_meanings()  # type: ignore[attr-defined]
                panel.show(self.annotations.placed, meanings)
        panel.toggle_class("-visible")
        if panel.has_class("-visible"):
            panel.query_one("#panel-filter").focus()
        else:
            self.view.focus()

    def on_annotation_panel_jump(self, event: AnnotationPanel.Jump) -> None:
        if not self._ready():
            return
        placed = self.annotations.get(event.annotation_id)
        if placed is None:
            return
        if placed.orphaned:
            self.notify("Orphaned: select its new text and press ctrl+r here.", markup=False)
            return
        self.view.go_to(placed.start)
        self.view.focus()

    def on_annotation_panel_reattach(self, event: AnnotationPanel.Reattach) -> None:
        if not self._ready():
            return
        selected = self.view.selection()
        if selected is None:
            self.notify("Select the text to attach it to first (v or s).", markup=False)
            return
        self.annotations.reattach(event.annotation_id, *selected)
        self.view.action_cancel_selection()
        self.refresh_annotations()
        self.notify("Re-attached.", markup=False)

    @property
    def view(self) -> DocumentView:
        return self.query_one(DocumentView)

    def on_document_view_position_changed(self, event: DocumentView.PositionChanged) -> None:
        section = self.document.section_at(event.offset)
        self.query_one(Outline).mark(section)
        title = self.document.sections[section].title if section is not None else ""
        self.query_one(TitleBar).set_progress(event.progress, title)
        self.post_message(self.PositionSaved(event.offset, event.progress))

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

    # ---------------------------------------------------------------- search

    async def action_search(self) -> None:
        self._search_origin = self.view.position
        self._search_origin_y = int(self.view.scroll_offset.y)
        bars = self.query(SearchBar)
        bar = bars.first() if bars else SearchBar()
        if not bars:
            count = Label("", id="match-count", markup=False)
            await self.query_one("#bottom").mount_all([count, bar])
        self.query_one("#bottom").add_class("-searching")
        bar.open()

    @on(Input.Changed, "#search")
    def search_as_you_type(self, event: Input.Changed) -> None:
        if event.value.strip():
            self.view.search(event.value, origin=self._search_origin)
        else:
            self.view.clear_search()
            self.view.scroll_to_line(self._search_origin_y)

    @on(Input.Submitted, "#search")
    def keep_search(self, event: Input.Submitted) -> None:
        self._close_search()
        self.view.focus()
        if event.value.strip() and not self.view.matches:
            self.notify(f"Not found: {event.value}", severity="warning", markup=False)

    @on(SearchBar.Cancelled)
    def cancel_search(self) -> None:
        self._close_search()
        self.view.clear_search()
        self.view.scroll_to_line(self._search_origin_y)
        self.view.focus()

    def _close_search(self) -> None:
        self.query_one(SearchBar).close()
        self.query_one("#bottom").remove_class("-searching")

    def on_document_view_search_updated(self, event: DocumentView.SearchUpdated) -> None:
        if not self.query_one("#bottom").has_class("-searching"):
            return  # n and N after the prompt closed: the view shows where the match is
        for count in self.query("#match-count").results(Label):
            if not event.search_query.strip():
                count.update("")
            elif event.current is None:
                count.update("no match")
            else:
                count.update(f"{event.current + 1}/{event.count}")
