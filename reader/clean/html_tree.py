"""Parse a page into an lxml tree that holds all of its text, however odd the markup.

lxml's HTML parser (libxml2) stops at 256 levels of nesting (2,048 with its huge-tree option)
and drops everything deeper, and trafilatura, given a tree with a character XML cannot hold
(`&#1;`, `&#xFFFF;`), extracts nothing at all. So character references to such characters are
dropped before parsing, a tree nested past the huge-tree limit has its excess tags removed
from the source, and a deep tree keeps its text in order while its excess wrappers go.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml.html import HtmlElement, HTMLParser, fromstring

from reader.sanitize import drop_bad_char_refs

WRAPPER_DEPTH = 100
"""Deeper than this, wrapper elements (div, span...) are unwrapped: their text stays."""
MAX_DEPTH = 200
"""Deeper than this, every element is unwrapped (trafilatura recurses over the tree)."""
PARSER_DEPTH = 2000
"""Below libxml2's huge-tree limit (2,048): a page nested deeper is flattened as text first."""

_WRAPPERS = frozenset(
    {"div", "span", "section", "article", "main", "font", "center", "b", "i", "u", "em"}
    | {"strong", "small", "big", "a", "abbr", "cite", "code", "del", "ins", "mark", "q"}
    | {"s", "sub", "sup", "time", "var", "bdi", "bdo", "nobr"}
)
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param"}
    | {"source", "track", "wbr", "basefont", "bgsound", "frame", "keygen"}
)
_PARSER = HTMLParser(
    collect_ids=False,
    default_doctype=False,
    encoding="utf-8",
    remove_comments=True,
    remove_pis=True,
    huge_tree=True,
)
# `[^<>]*`, not `[^>]*`: an unclosed `<a` must not scan to the end of the page each time.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)[^<>]*>")
_CLOSE_SEARCH = 64
"""How far up the open tags an end tag looks for its start tag (a stray one is kept)."""


def parse_html(html: str) -> HtmlElement | None:
    """The page's tree (None if lxml finds no document in it)."""
    html = drop_bad_char_refs(html)
    tree = _parse(html)
    if tree is not None and _deeper_than(tree, PARSER_DEPTH):
        tree = _parse(_shallow_source(html))
    if tree is not None and _deeper_than(tree, WRAPPER_DEPTH):
        _flatten(tree)
    return tree


def _parse(html: str) -> HtmlElement | None:
    try:
        try:
            tree = fromstring(html, parser=_PARSER)
        except ValueError:  # a str that declares its encoding (<?xml ... encoding=...?>)
            tree = fromstring(html.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None
    return tree if isinstance(tree, HtmlElement) else None


def _deeper_than(tree: HtmlElement, depth: int) -> bool:
    # One XPath step per level, in C: nearly free on an ordinary page.
    return bool(tree.getroottree().getroot().xpath("*/" * depth + "*"))


def _flatten(tree: HtmlElement) -> None:
    """Unwrap elements past WRAPPER_DEPTH (wrappers) or MAX_DEPTH (any), keeping their text."""
    root = tree.getroottree().getroot()
    unwrap: list[HtmlElement] = []
    stack: list[tuple[HtmlElement, int]] = [(root, 0)]
    while stack:
        element, depth = stack.pop()
        for child in element:
            if not isinstance(child.tag, str):
                continue
            if depth >= MAX_DEPTH or (depth >= WRAPPER_DEPTH and child.tag in _WRAPPERS):
                unwrap.append(child)
                stack.append((child, depth))
            else:
                stack.append((child, depth + 1))
    for element in reversed(unwrap):  # deepest first: each still has its parent
        element.drop_tag()


def _shallow_source(html: str) -> str:
    """`html` with the wrapper tags that open past WRAPPER_DEPTH levels, and any tag past
    MAX_DEPTH, removed with their end tags (a rough tokenizer: only for pathological pages)."""
    out: list[str] = []
    open_tags: list[tuple[str, bool]] = []  # (name, kept)
    depth = 0  # of the kept tags open
    position = 0
    for match in _TAG.finditer(html):
        closing, name = match[1], match[2].lower()
        keep = True
        if closing:
            stop = max(-1, len(open_tags) - _CLOSE_SEARCH)
            for index in range(len(open_tags) - 1, stop, -1):
                if open_tags[index][0] == name:
                    keep = open_tags[index][1]
                    depth -= sum(kept for _, kept in open_tags[index:])
                    del open_tags[index:]
                    break
        elif name not in _VOID and not match[0].endswith("/>"):
            keep = depth < WRAPPER_DEPTH or (name not in _WRAPPERS and depth < MAX_DEPTH)
            open_tags.append((name, keep))
            depth += keep
        if not keep:
            out.append(html[position : match.start()])
            position = match.end()
    out.append(html[position:])
    return "".join(out)
