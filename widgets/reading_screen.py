"""The reading screen: title bar, outline, document view, search prompt, footer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Input, OptionList

from reader.document import Document
from widgets import keymap
from widgets.document_view import DocumentView
from widgets.outline import Outline
from widgets.search_bar import SearchBar
from widgets.title_bar import TitleBar


class ReadingScreen(Screen[None]):
    BINDINGS = keymap.bindings(keymap.SCREEN)

    DEFAULT_CSS = """
    ReadingScreen {
        #body { height: 1fr; }
        Outline.-hidden { display: none; }
    }
    """

    class PositionSaved(Message):
        """The reader moved: the app may save the position."""

        def __init__(self, offset: int, progress: float) -> None:
            super().__init__()
            self.offset = offset
            self.progress = progress

    def __init__(self, document: Document, column_width: int = 80, position: int = 0) -> None:
        super().__init__()
        self.document = document
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
        yield SearchBar()
        yield Footer()

    def on_mount(self) -> None:
        if not self.document.sections:
            self.query_one(Outline).add_class("-hidden")
        self.view.focus()

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

    def action_search(self) -> None:
        self._search_origin = self.view.position
        self._search_origin_y = int(self.view.scroll_offset.y)
        self.query_one(SearchBar).open()

    @on(Input.Changed, "#search")
    def search_as_you_type(self, event: Input.Changed) -> None:
        if event.value.strip():
            self.view.search(event.value, origin=self._search_origin)
        else:
            self.view.clear_search()
            self.view.scroll_to_line(self._search_origin_y)

    @on(Input.Submitted, "#search")
    def keep_search(self, event: Input.Submitted) -> None:
        self.query_one(SearchBar).close()
        self.view.focus()
        if event.value.strip() and not self.view.matches:
            self.notify(f"Not found: {event.value}", severity="warning", markup=False)

    @on(SearchBar.Cancelled)
    def cancel_search(self) -> None:
        self.query_one(SearchBar).close()
        self.view.clear_search()
        self.view.scroll_to_line(self._search_origin_y)
        self.view.focus()

    def on_document_view_search_updated(self, event: DocumentView.SearchUpdated) -> None:
        bar = self.query_one(SearchBar)
        if event.current is not None:
            bar.border_subtitle = f"{event.current + 1}/{event.count}"
