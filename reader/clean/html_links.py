"""A page's links put back into the article trafilatura found in it.

trafilatura chooses a page's text differently when it keeps links (on a fifth of the dev pages
the words or their spacing change), so the article is extracted without them and each link is
then found again: a paragraph of the article whose words are exactly those of a paragraph of the
page gets that paragraph's links, around the same words. A link goes in only if the paragraph
then reads exactly as before, so the text never changes; a link that cannot be placed that way
is left out.
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections.abc import Iterable
from typing import NamedTuple

from lxml.html import HtmlElement

from reader.clean.html_tree import parse_html
from reader.clean.page_text import PageLink, PageText, Run, collapse
from reader.cleaned import CleanBlock
from reader.document import BlockKind, Document, parse_markdown
from reader.links import resolve, same_page, slug
from reader.markdown_escape import link_destination
from reader.metadata import Metadata
from reader.sanitize import strip_control

_ANCHOR_WORDS = 8
"""An in-page link names its target by the target's first words (as `Document.anchor` reads)."""
_TITLE = Metadata(title="-")  # keeps parse_markdown from taking a heading as the title
# trafilatura writes underlined, raised and lowered text as these tags, which the reader shows
# as they are: they are not among the page's words.
_WRITTEN_TAGS = re.compile(r"</?(?:u|sup|sub)>")
_WORD = re.compile(r"[^\W_]+")  # letters and digits: `\_` in Markdown splits no differently


def _page_links(page: PageText) -> dict[str, list[PageLink]]:
    """For the words of each piece of the page's text that holds links: those links, as
    offsets into the words (whitespace collapsed)."""
    found: dict[str, list[PageLink]] = {}
    for run in page.items:
        if not isinstance(run, Run) or not run.links:
            continue
        raw = unicodedata.normalize("NFC", strip_control("".join(run.parts)))
        if len(raw) != run.length:  # normalising moved offsets: do without this run's links
            continue
        # A line break may end a paragraph of the article (lines of a <div>) or not (lines of
        # a poem): the whole run and each of its lines are all candidates.
        edges = [0, *run.breaks, len(raw)]
        pieces = [(0, len(raw))] + (list(itertools.pairwise(edges)) if run.breaks else [])
        for first, last in pieces:
            inside = [
                PageLink(link.start - first, link.end - first, link.href)
                for link in run.links
                if first <= link.start and link.end <= last
            ]
            if inside:
                _add_piece(found, raw[first:last], inside)
    return found


class _PageLinks:
    """The page's links, found by the words around them."""

    def __init__(self, by_words: dict[str, list[PageLink]]) -> None:
        self.by_words = by_words
        self.by_opening: dict[str, list[str]] = {}
        for words in by_words:
            opening = " ".join(words.split(" ", _OPENING)[:_OPENING])
            if opening.count(" ") == _OPENING - 1:
                self.by_opening.setdefault(opening, []).append(words)

    def within(self, words: str) -> list[PageLink]:
        """The links of a paragraph with these words: those of the page's paragraph with the
        same words; else those of each longer piece of the page found whole inside them (the
        article may join what the page kept apart)."""
        exact = self.by_words.get(words)
        if exact is not None:
            return exact
        found: list[PageLink] = []
        position = 0
        while position < len(words):
            piece = self._piece_at(words, position)
            if piece is not None:
                links = self.by_words[piece]
                found.extend(
                    link._replace(start=position + link.start, end=position + link.end)
                    for link in links
                )
                position += len(piece) + 1
                continue
            space = words.find(" ", position)
            if space < 0:
                break
            position = space + 1
        return found

    def _piece_at(self, words: str, position: int) -> str | None:
        end = position
        for _ in range(_OPENING):
            end = words.find(" ", end + 1)
            if end < 0:
                return None
        # the first words of a piece are followed by more: a whole piece of three words is
        # found only as a whole paragraph
        for key in self.by_opening.get(words[position:end], ()):
            after = position + len(key)
            if words.startswith(key, position) and words[after : after + 1] in ("", " "):
                return key
        return None


_OPENING = 3
"""A piece of the page is looked for inside a paragraph by its first words: this many."""


def _add_piece(found: dict[str, list[PageLink]], raw: str, links: list[PageLink]) -> None:
    words, where = collapse(raw)
    if not words or words in found:
        return
    placed = []
    for link in links:
        start = bisect.bisect_left(where, link.start)
        end = bisect.bisect_left(where, link.end)
        while start < end and words[start] == " ":
            start += 1
        while end > start and words[end - 1] == " ":
            end -= 1
        if end > start:
            placed.append(PageLink(start, end, link.href))
    found[words] = placed


class _Targets(dict[str, str]):
    """Each link's written target -> the target kept, worked out when first asked for."""

    def __init__(self, page: PageText) -> None:
        super().__init__()
        self.page = page

    def __missing__(self, href: str) -> str:
        self[href] = target = _target(self.page.tree, href, self.page.base, self.page.origin)
        return target


def _target(tree: HtmlElement, href: str, base: str, page: str) -> str:
    written = "".join(strip_control(href).split())
    target = resolve(written, base)
    if target.startswith("#") or same_page(target, page or base):
        fragment = target.split("#", 1)[1]
        return "#" + (_place_words(tree, fragment) or fragment)
    return target


def anchor_words(html: str, fragment: str) -> str:
    """The first words of the place a page's `#fragment` names, as in-page links name it
    (for a link followed to another page: its place there)."""
    tree = parse_html(html)
    return _place_words(tree, fragment) if tree is not None else ""


def _place_words(tree: HtmlElement, fragment: str) -> str:
    if not fragment:
        return ""
    places = tree.xpath("//*[@id=$name] | //a[@name=$name]", name=fragment)
    if not places:
        return ""
    place = places[0]
    words = slug(place.text_content(), _ANCHOR_WORDS)
    if not words:  # an empty anchor before the place: the words that follow it
        following = place.xpath("following::text()[normalize-space()][position() <= 12]")
        words = slug(" ".join(str(text) for text in following), _ANCHOR_WORDS)
    return words


class _Placed(NamedTuple):
    start: int
    end: int
    """Offsets into the Markdown where the link's text begins and ends."""
    text_start: int
    text_end: int
    """Offsets into the Document's text."""
    target: str


def add_links(blocks: Iterable[CleanBlock], page: PageText | None) -> list[CleanBlock]:
    """The kept blocks with the page's links around their words; the text stays the same."""
    blocks = list(blocks)
    if page is None:
        return blocks
    by_words = _page_links(page)
    if not by_words:
        return blocks
    targets = _Targets(page)
    page_links = _PageLinks(by_words)
    # A block can hold a link only if it holds the longest word of one: most blocks are
    # passed over without parsing them.
    probes = {
        max(_WORD.findall(words[link.start : link.end].casefold()) or [""], key=len)
        for words, links in by_words.items()
        for link in links
    }
    out = []
    for block in blocks:
        if block.kept and not probes.isdisjoint(_WORD.findall(block.markdown.casefold())):
            markdown = _linked(block.markdown, page_links, targets)
            if markdown is not None:
                block = block._replace(markdown=markdown)
        out.append(block)
    return out


def _linked(markdown: str, page_links: _PageLinks, targets: dict[str, str]) -> str | None:
    document = parse_markdown(markdown, _TITLE)
    line_starts = [0]
    for line in markdown.split("\n"):
        line_starts.append(line_starts[-1] + len(line) + 1)
    placed: list[_Placed] = []
    for block in document.blocks:
        text = document.text[block.start : block.end]
        words, where = collapse(text, _WRITTEN_TAGS if "<" in text else None)
        links = page_links.within(words)
        if not links:
            continue
        if block.line >= len(line_starts):
            continue
        if block.kind is BlockKind.IMAGE:
            continue
        spans = _align(text, markdown, line_starts[block.line])
        if spans is None:
            continue
        for link in links:
            target = targets[link.href]
            if not target:
                continue
            first, last = where[link.start], where[link.end - 1]
            placed.append(
                _Placed(
                    spans[first][0],
                    spans[last][1],
                    block.start + first,
                    block.start + last + 1,
                    target,
                )
            )
    if not placed:
        return None
    placed = _apart(placed)
    linked = _insert(markdown, placed)
    if _reads_the_same(linked, document, placed):
        return linked
    # One link that cannot sit where it is (it crosses emphasis, or is inside code): place the
    # others one by one, each where it reads the same.
    kept: list[_Placed] = []
    for candidate in placed:
        for variant in (candidate, _widened(candidate, markdown)):
            trial = sorted([*kept, variant])
            if _reads_the_same(_insert(markdown, trial), document, trial):
                kept = trial
                break
    return _insert(markdown, kept) if kept else None


def _align(text: str, markdown: str, position: int) -> list[tuple[int, int]] | None:
    """Where each character of a block's `text` is written in its `markdown`, from `position`:
    (start, end) offsets, an escaped character's backslash included. None if they part."""
    spans: list[tuple[int, int]] = []
    size = len(markdown)
    j = position
    for char in text:
        while True:
            if j >= size:
                return None
            here = markdown[j]
            if here == char:
                spans.append((j, j + 1))
                j += 1
                break
            if here == "\\" and j + 1 < size and markdown[j + 1] == char:
                spans.append((j, j + 2))
                j += 2
                break
            if char == " " and here == "\n":  # a soft line break
                spans.append((j, j + 1))
                j += 1
                break
            j += 1  # markup: emphasis, a list marker, an entity's letters...
    return spans


def _apart(placed: list[_Placed]) -> list[_Placed]:
    """Links in order, none inside another (the first of two that overlap is kept)."""
    out: list[_Placed] = []
    for link in sorted(placed):
        if out and link.start < out[-1].end:
            continue
        out.append(link)
    return out


def _widened(link: _Placed, markdown: str) -> _Placed:
    """The link with the markup right around its text inside it (`*`, `_`, `` ` ``, `~`)."""
    start, end = link.start, link.end
    while start > 0 and markdown[start - 1] in "*_`~":
        start -= 1
    while end < len(markdown) and markdown[end] in "*_`~":
        end += 1
    return link._replace(start=start, end=end)


def _insert(markdown: str, placed: list[_Placed]) -> str:
    parts: list[str] = []
    position = 0
    for link in placed:
        parts.append(markdown[position : link.start])
        parts.append("[" + markdown[link.start : link.end] + "](")
        parts.append(link_destination(link.target) + ")")
        position = link.end
    parts.append(markdown[position:])
    return "".join(parts)


def _reads_the_same(markdown: str, before: Document, placed: list[_Placed]) -> bool:
    after = parse_markdown(markdown, _TITLE)
    if after.text != before.text or after.blocks != before.blocks:
        return False
    links = {(s.start, s.end) for s in after.links} - {(s.start, s.end) for s in before.links}
    return sorted(links) == [(link.text_start, link.text_end) for link in placed]
