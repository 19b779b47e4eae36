"""The Textual application: wires the document, the store and the screens together."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Footer, Static

from reader.article import build_document
from reader.cleaned import Cleaned
from reader.load import Source
from store.library import Library


class ReaderApp(App[int]):
    TITLE = "reader"
    BINDINGS = [("q", "quit", "Quit")]

    def __init__(
        self, source: Source, cleaned: Cleaned, library: Library, column_width: int = 80
    ) -> None:
        super().__init__()
        self.source = source
        self.cleaned = cleaned
        self.library = library
        self.column_width = column_width
        self.document = build_document(cleaned)

    def compose(self) -> ComposeResult:
        yield Static(self.document.text, markup=False)
        yield Footer()
