"""A page's text in reading order, as a browser lays it out: runs of inline text between block
boundaries (each with its links and line breaks), and the images among them.

The HTML cleaner's article comes from trafilatura without links or images; this is what they
are found again in (`html_links`, `html_images`).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml.html import HtmlElement

from reader.links import resolve, scheme_of

# Elements that start a new block; any other (a custom element too) flows inside a line.
_BLOCK = frozenset(
    {"address", "article", "aside", "audio", "blockquote", "body", "button", "canvas"}
    | {"caption", "center", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset"}
    | {"figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header"}
    | {"hgroup", "hr", "html", "iframe", "input", "legend", "li", "main", "menu", "nav"}
    | {"object", "ol", "option", "p", "pre", "section", "summary", "table", "tbody", "td"}
    | {"textarea", "tfoot", "th", "thead", "tr", "ul", "video"}
)
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "head", "math", "select"})


class PageLink(NamedTuple):
    start: int
    end: int
    """Offsets into the text of the run (or of the words, once collapsed)."""
    href: str
    """As the page wrote it."""


class Run:
    """Inline text between two block boundaries, with the links and line breaks inside it."""

    __slots__ = ("breaks", "length", "links", "parts")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.links: list[PageLink] = []
        self.breaks: list[int] = []

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append(text)
            self.length += len(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)


class _Walker:
    def __init__(self) -> None:
        self.items: list[Run | HtmlElement] = []
        self.run = Run()

    def flush(self) -> None:
        if self.run.parts:
            if self.run.links or any(not part.isspace() for part in self.run.parts):
                self.items.append(self.run)
            self.run = Run()

    def walk(self, element: HtmlElement) -> None:
        # Recursion is safe: html_tree flattens a page past 200 levels before it gets here.
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _SKIP or not tag:
            return
        if tag == "br":
            self.run.breaks.append(self.run.length)
            self.run.add(" ")
            return
        if tag == "img":
            self.items.append(element)
            return
        block = tag in _BLOCK
        if block:
            self.flush()
        run, start = self.run, self.run.length
        self.run.add(element.text)
        for child in element:
            self.walk(child)
            self.run.add(child.tail)
        href = element.get("href") if tag == "a" else None
        if href and self.run is run and run.length > start:
            run.links.append(PageLink(start, run.length, href))
        if block:
            self.flush()


class PageText:
    """A parsed page, where it came from, and (read once, on first use) its runs and images."""

    __slots__ = ("_items", "base", "origin", "tree")

    def __init__(self, tree: HtmlElement, origin: str) -> None:
        self.tree = tree
        self.origin = origin
        self.base = page_base(tree, origin)
        """What its relative links are relative to (see `page_base`)."""
        self._items: list[Run | HtmlElement] | None = None

    @property
    def items(self) -> list[Run | HtmlElement]:
        """The page's runs of text and its `<img>` elements, in reading order."""
        if self._items is None:
            walker = _Walker()
            walker.walk(self.tree)
            walker.flush()
            self._items = walker.items
        return self._items


_NOT_SPACE = re.compile(r"\S+")


def collapse(raw: str, skip: re.Pattern[str] | None = None) -> tuple[str, list[int]]:
    """`raw` with its whitespace collapsed (and what `skip` matches left out), and where each
    of its characters was in `raw`."""
    index: list[int] | None = None
    text = raw
    if skip is not None and skip.search(raw):
        pieces: list[str] = []
        index = []
        position = 0
        for match in skip.finditer(raw):
            pieces.append(raw[position : match.start()])
            index.extend(range(position, match.start()))
            position = match.end()
        pieces.append(raw[position:])
        index.extend(range(position, len(raw)))
        text = "".join(pieces)
    words: list[str] = []
    where: list[int] = []
    for match in _NOT_SPACE.finditer(text):
        if words:
            where.append(match.start() - 1)  # the space stands for the whitespace before
        words.append(match.group())
        where.extend(range(match.start(), match.end()))
    if index is not None:
        where = [index[at] for at in where]
    return " ".join(words), where


def page_base(tree: HtmlElement, page: str) -> str:
    """What the page's relative links are relative to: its `<base href>` or its own URL ("" for
    a file without a web `<base>`: its links are then resolved against the file's folder)."""
    base = page if scheme_of(page) in ("http", "https") else ""
    declared = next(iter(tree.xpath("//base[@href]/@href")), "")
    if declared:
        declared = resolve("".join(str(declared).split()), base)
        if scheme_of(declared) in ("http", "https"):
            return declared
    return base
