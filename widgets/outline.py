"""The outline: the article's sections, the one being read marked."""

from __future__ import annotations

from textual.content import Content
from textual.widgets.option_list import Option

from reader.document import Document
from widgets.lists import MotionList


class Outline(MotionList):
    """Sections as a list; Enter or a click sends OptionSelected with the section index."""

    DEFAULT_CSS = """
    Outline {
        width: 32;
        max-width: 40%;
        height: 1fr;
        border: none;
        border-right: vkey $foreground 20%;
        background: $surface;
        padding: 0 1;
        &:focus { border: none; border-right: vkey $accent; }
    }
    """

    def __init__(self, document: Document, id: str | None = None, shown: bool = True) -> None:
        # Hidden from the start when there are no sections (or the reader hid it): a class
        # added after mounting would restyle the screen once more before its first frame.
        hidden = "" if document.sections and shown else "-hidden"
        super().__init__(*self._section_options(document), id=id, classes=hidden, markup=False)
        self.current_section: int | None = None

    @staticmethod
    def _section_options(document: Document) -> list[Option]:
        options = [
            # Content, not a str: section titles are article text and never markup.
            Option(Content("  " * section.depth + section.title), id=str(index))
            for index, section in enumerate(document.sections)
        ]
        return options or [Option(Content("(no sections)"), disabled=True)]

    def set_document(self, document: Document) -> None:
        self.clear_options()
        self.add_options(self._section_options(document))

    def mark(self, section: int | None) -> None:
        """Show which section is being read (unless the user is moving in the outline)."""
        if section == self.current_section:
            return
        self.current_section = section
        if section is not None and not self.has_focus:
            self.highlighted = section
