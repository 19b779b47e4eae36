"""The link panel: every link of the article (its words and where it leads), filterable as you
type, like the annotation panel; Enter follows the link chosen."""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from reader.document import Document, Span
from reader.follow import status
from reader.links import LinkKind, classify
from reader.sanitize import shown
from widgets import keymap
from widgets.lists import MotionList

TEXT_CHARS = 160
TARGET_CELLS = 38
"""A row shows this much of a link's words and its target (the panel is some 44 cells wide)."""


def matches_filter(words: str, href: str, query: str) -> bool:
    """Every word of the query is in the link's words or its target."""
    haystack = f"{words}\n{href}".casefold()
    return all(word in haystack for word in query.casefold().split())


def entry(words: str, href: str, article: str) -> Text:
    """One row: the link's words, then where it leads; both literal, never markup."""
    text = Text()
    text.append(shown(words, TEXT_CHARS, one_line=True), style="bold")
    refused = classify(href, article).kind is LinkKind.REFUSED
    text.append("\n" + status(href, article, TARGET_CELLS), style="dim" if not refused else "red")
    return text


class LinkPanel(Vertical):
    BINDINGS = keymap.bindings(keymap.LINK_LIST)

    DEFAULT_CSS = """
    LinkPanel {
        dock: right;
        width: 44;
        max-width: 50%;
        height: 1fr;
        border-left: vkey $foreground 20%;
        background: $surface;
        display: none;
        &.-visible { display: block; }
        #links-filter { border: none; height: 1; padding: 0 1; background: $panel; }
        #links-list { height: 1fr; border: none; background: $surface; }
    }
    """

    class Follow(Message):
        """Follow the article's link number `index` (in `Document.links`)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class Closed(Message):
        """The reader left the panel (Esc): hide it, back to the text."""

    def __init__(self) -> None:
        super().__init__(id="links")
        self.links: tuple[Span, ...] = ()
        self.words: list[str] = []
        self.article = ""

    def compose(self) -> ComposeResult:
        yield Input(placeholder="Filter: words of the link or its address", id="links-filter")
        yield MotionList(id="links-list", markup=False)

    def show(self, document: Document, article: str) -> None:
        """List `document`'s links; `article` is where it came from (to judge them)."""
        self.links = document.links
        self.words = [document.text[span.start : span.end] for span in self.links]
        self.article = article
        self._fill()

    def _fill(self) -> None:
        query = self.query_one("#links-filter", Input).value
        listing = self.query_one("#links-list", OptionList)
        listing.clear_options()
        count = 0
        for index, (span, words) in enumerate(zip(self.links, self.words, strict=True)):
            if matches_filter(words, span.href, query):
                listing.add_option(Option(entry(words, span.href, self.article), id=str(index)))
                count += 1
        if not count:
            empty = "No links match" if query else "This article has no links"
            listing.add_option(Option(Text(empty), disabled=True))

    @on(Input.Changed, "#links-filter")
    def refilter(self) -> None:
        self._fill()

    @on(Input.Submitted, "#links-filter")
    def follow_first(self) -> None:
        listing = self.query_one("#links-list", OptionList)
        if listing.option_count:
            option = listing.get_option_at_index(listing.highlighted or 0)
            if option.id is not None:
                self.post_message(self.Follow(int(option.id)))

    def on_key(self, event: events.Key) -> None:
        filter_input = self.query_one("#links-filter", Input)
        if event.key == "down" and filter_input.has_focus:
            listing = self.query_one("#links-list", OptionList)
            listing.focus()
            if listing.highlighted is None:
                listing.action_first()
            event.stop()

    @on(OptionList.OptionSelected, "#links-list")
    def follow(self, event: OptionList.OptionSelected) -> None:
        if event.option_id is not None:
            self.post_message(self.Follow(int(event.option_id)))

    def action_close(self) -> None:
        self.post_message(self.Closed())
