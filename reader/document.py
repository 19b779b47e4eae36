"""The Document: one flat plain text, with blocks, inline spans and sections as offsets into it.

Canonical Markdown is parsed once with markdown-it-py. Everything downstream (the view,
anchoring, export) speaks in character offsets into `Document.text`; wrapping is a view concern.
Links keep their target (resolved against the article's place); an image standing alone in its
paragraph is a block of its own, whose text is its caption (or its alt text).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache, cached_property
from typing import TYPE_CHECKING, NamedTuple

from reader.links import resolve, slug
from reader.metadata import Metadata
from reader.sanitize import clean_text

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

BLOCK_SEPARATOR = "\n\n"


class BlockKind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    LIST_ITEM = "list_item"
    CODE = "code"
    RULE = "rule"
    IMAGE = "image"
    TITLE = "title"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    """Byline, date and site, as one line: "A. Writer · 5 May 2024 · The Courier"."""


HEADER_KINDS = frozenset({BlockKind.TITLE, BlockKind.STANDFIRST, BlockKind.BYLINE})
"""The article's header: blocks at the start of the text, above the body and its sections."""


class SpanKind(StrEnum):
    EMPHASIS = "em"
    STRONG = "strong"
    CODE = "code"
    LINK = "link"
    STRIKE = "strike"


class Block(NamedTuple):
    """One block of the body: `text[start:end]` is its plain text."""

    kind: BlockKind
    start: int
    end: int
    level: int = 0
    """Heading level (1-6); nesting depth of quotes and list items (1 = outermost)."""
    marker: str = ""
    """List marker ("•", "3."), empty for a list item's continuation paragraphs."""
    quote_depth: int = 0
    """How many block quotes enclose this block (list items and code inside quotes too)."""
    line: int = 0
    """First line of the block in the Markdown source (0-based)."""


class Span(NamedTuple):
    """Inline formatting over `text[start:end]`."""

    kind: SpanKind
    start: int
    end: int
    href: str = ""


class Image(NamedTuple):
    """An image block: its text is `caption`, else `alt`, else the image's file name."""

    block: int
    """Index of its block."""
    src: str
    """Where the image is (resolved like a link's target; "" when the page gave none)."""
    alt: str
    caption: str


class Section(NamedTuple):
    """A heading and everything up to the next heading of the same or a higher level."""

    title: str
    level: int
    block: int
    """Index of the heading block."""
    start: int
    end: int
    depth: int
    """Nesting depth in the outline (0 for the shallowest headings present)."""


class RemovedBlock(NamedTuple):
    """A block the cleaning left out, shown in place (dimmed) only on request."""

    key: str
    text: str
    reason: str
    at: int
    """Offset in the text where it would stand: before the block starting there."""


@dataclass(frozen=True)
class Document:
    metadata: Metadata
    text: str
    blocks: tuple[Block, ...]
    spans: tuple[Span, ...] = ()
    sections: tuple[Section, ...] = ()
    markdown: str = ""
    removed: tuple[RemovedBlock, ...] = ()
    block_keys: tuple[str, ...] = ()
    """For each block, the key of the cleaning block it came from ("" when unknown)."""
    images: tuple[Image, ...] = ()
    """The image blocks, in order."""
    _starts: list[int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", [block.start for block in self.blocks])

    @cached_property
    def header(self) -> int:
        """How many blocks at the start are the header (title, standfirst, byline)."""
        count = 0
        while count < len(self.blocks) and self.blocks[count].kind in HEADER_KINDS:
            count += 1
        return count

    @cached_property
    def body_start(self) -> int:
        """Offset of the body's first character (the end of the text when it has none)."""
        if self.header < len(self.blocks):
            return self.blocks[self.header].start
        return len(self.text)

    @property
    def body(self) -> str:
        """The text without its header: the article's body."""
        return self.text[self.body_start :]

    @cached_property
    def title(self) -> str:
        return self.metadata.title or (self.sections[0].title if self.sections else "Untitled")

    def block_at(self, offset: int) -> int:
        """Index of the block containing `offset`, or the last block starting before it."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def section_at(self, offset: int) -> int | None:
        """Index of the innermost section containing `offset`, if any."""
        found: int | None = None
        for index, section in enumerate(self.sections):
            if section.start > offset:
                break
            if offset < section.end:
                found = index
        return found

    def paragraph_starts(self) -> list[int]:
        """Start offsets of every block, the stops of paragraph motions."""
        return list(self._starts)

    def block_text(self, index: int) -> str:
        block = self.blocks[index]
        return self.text[block.start : block.end]

    @cached_property
    def links(self) -> tuple[Span, ...]:
        """Every link, in order."""
        return tuple(span for span in self.spans if span.kind is SpanKind.LINK)

    @cached_property
    def _link_starts(self) -> list[int]:
        return [span.start for span in self.links]

    def link_at(self, offset: int) -> Span | None:
        """The link whose text holds `offset`, if any."""
        index = bisect.bisect_right(self._link_starts, offset) - 1
        if index >= 0 and offset < self.links[index].end:
            return self.links[index]
        return None

    def image_at(self, offset: int) -> Image | None:
        """The image whose block holds `offset`, if any."""
        if not self.images or not self.blocks:
            return None
        index = self.block_at(offset)
        block = self.blocks[index]
        if block.kind is not BlockKind.IMAGE or not block.start <= offset <= block.end:
            return None
        return next((image for image in self.images if image.block == index), None)

    def prose(self) -> str:
        """The text without its image blocks: the article's words alone."""
        if not self.images:
            return self.text
        return BLOCK_SEPARATOR.join(
            self.block_text(index)
            for index, block in enumerate(self.blocks)
            if block.kind is not BlockKind.IMAGE
        )

    def anchor(self, fragment: str) -> int | None:
        """Where an in-page link's `#fragment` leads: the heading it names (as GitHub names
        headings), else the first block whose words begin with the fragment's words."""
        wanted = slug(fragment)
        if not wanted:
            return None
        for section in self.sections:
            if slug(section.title) == wanted:
                return section.start
        words = wanted.split("-")
        for block in self.blocks:
            # A hyphenated word is one word of the text but two of the fragment: compare
            # enough words, then the fragment as a prefix.
            found = slug(self.text[block.start : block.start + 40 * len(words)], len(words))
            if found == wanted or found.startswith(wanted + "-"):
                return block.start
        return None


@cache  # one parser for every parse: building it costs as much as a short article
def _parser() -> MarkdownIt:
    # Imported at the first parse: the UI process gets its first Document ready-made.
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    # markdown-it drops links it thinks unsafe to render as HTML (javascript:, file:...): they
    # would come out as bracketed text. Nothing here is rendered as HTML; the reader shows
    # every link, and reader.links decides which may be followed.
    parser.validateLink = _any_link  # type: ignore[method-assign]
    return parser


def _any_link(url: str) -> bool:
    return True


_INLINE_SPAN = {
    "em_open": SpanKind.EMPHASIS,
    "strong_open": SpanKind.STRONG,
    "link_open": SpanKind.LINK,
    "s_open": SpanKind.STRIKE,
}


class _Builder:
    """Walks markdown-it tokens, appending block text to one buffer."""

    def __init__(self, base: str = "") -> None:
        self.base = base
        self.parts: list[str] = []
        self.length = 0
        self.blocks: list[Block] = []
        self.spans: list[Span] = []
        self.images: list[Image] = []
        self.quote_depth = 0
        self.list_stack: list[list[int | str]] = []  # [kind, next number] per open list
        self.item_depth = 0
        self.pending_marker = ""
        self.item_kind_level = 0

    def _begin(self) -> int:
        if self.blocks:
            self.parts.append(BLOCK_SEPARATOR)
            self.length += len(BLOCK_SEPARATOR)
        return self.length

    def _write(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def add_block(
        self, kind: BlockKind, content: str | list[Token], line: int, level: int = 0
    ) -> None:
        start = self._begin()
        if isinstance(content, str):
            self._write(content)
        else:
            self._inline(content)
        marker = ""
        if kind is BlockKind.PARAGRAPH and self.item_depth:
            kind, level = BlockKind.LIST_ITEM, self.item_depth
            marker, self.pending_marker = self.pending_marker, ""
        elif kind is BlockKind.PARAGRAPH and self.quote_depth:
            kind, level = BlockKind.QUOTE, self.quote_depth
        elif kind is BlockKind.CODE and self.item_depth:
            level = self.item_depth
        end = self.length
        # Trailing spaces make no visible text; keep offsets tight around the words.
        self.blocks.append(
            Block(kind, start, end, level, marker, quote_depth=self.quote_depth, line=line)
        )

    def _inline(self, children: list[Token]) -> None:
        open_spans: list[tuple[SpanKind, int, str]] = []
        for token in children:
            kind = token.type
            if kind == "text" or kind == "html_inline":
                self._write(token.content)
            elif kind == "softbreak":
                self._write(" ")
            elif kind == "hardbreak":
                self._write("\n")
            elif kind == "code_inline":
                start = self.length
                self._write(token.content)
                self.spans.append(Span(SpanKind.CODE, start, self.length))
            elif kind == "image":
                alt = "".join(child.content for child in token.children or [])
                if alt:
                    self._write(alt)
            elif kind in _INLINE_SPAN:
                href = self.target(token.attrs.get("href")) if kind == "link_open" else ""
                open_spans.append((_INLINE_SPAN[kind], self.length, href))
            elif kind.endswith("_close") and open_spans:
                span_kind, start, href = open_spans.pop()
                if self.length > start:
                    self.spans.append(Span(span_kind, start, self.length, href))

    def target(self, href: object) -> str:
        return resolve(str(href or ""), self.base)

    def add_image(self, children: list[Token], line: int) -> bool:
        """An image alone in its paragraph (perhaps inside a link) as an image block."""
        shown = [t for t in children if not (t.type == "softbreak" or _blank_text(t))]
        kinds = [t.type for t in shown]
        if kinds not in (["image"], ["link_open", "image", "link_close"]):
            return False
        image = shown[kinds.index("image")]
        src = self.target(image.attrs.get("src"))
        alt = " ".join("".join(child.content for child in image.children or []).split())
        caption = " ".join(str(image.attrs.get("title") or "").split())
        name = src.split("#")[0].split("?")[0].rstrip("/").rsplit("/", 1)[-1]
        text = caption or alt or " ".join(name.split()) or "image"
        self.images.append(Image(len(self.blocks), src, alt, caption))
        self.add_block(BlockKind.IMAGE, text, line)
        if kinds[0] == "link_open":
            block = self.blocks[-1]
            self.spans.append(
                Span(SpanKind.LINK, block.start, block.end, self.target(shown[0].attrs.get("href")))
            )
        return True


def _blank_text(token: Token) -> bool:
    return token.type == "text" and not token.content.strip()


def parse_markdown(
    markdown: str, metadata: Metadata | None = None, base: str = "", *, header: bool = False
) -> Document:
    """Parse canonical Markdown into a Document.

    Without a title in `metadata`, a first-level heading that opens the text becomes the
    title and leaves the body. Links and images are resolved against `base`: the URL of the
    page, or the path of the file, the article came from. With `header`, the text opens with
    the title, standfirst and byline as blocks of their own: the Document a reader reads,
    where they can be searched and highlighted like any paragraph.
    """
    markdown = clean_text(markdown)
    tokens = _parser().parse(markdown)
    metadata = metadata or Metadata()
    if not metadata.title:
        tokens, metadata = _take_title(tokens, metadata)
    builder = _Builder(base)
    if header:
        _add_header(builder, metadata)
    _walk(tokens, builder)
    text = "".join(builder.parts)
    blocks = tuple(builder.blocks)
    return Document(
        metadata=metadata,
        text=text,
        blocks=blocks,
        spans=tuple(sorted(builder.spans, key=lambda s: (s.start, s.end))),
        sections=_sections(text, blocks),
        markdown=markdown,
        images=tuple(builder.images),
    )


def _add_header(builder: _Builder, metadata: Metadata) -> None:
    credits = " · ".join(part for part in (metadata.byline, metadata.date, metadata.site) if part)
    for kind, text in (
        (BlockKind.TITLE, metadata.title),
        (BlockKind.STANDFIRST, metadata.subtitle),
        (BlockKind.BYLINE, credits),
    ):
        text = " ".join(text.split())
        if text:
            builder.add_block(kind, text, line=-1)  # before the Markdown's first line


def _take_title(tokens: Sequence[Token], metadata: Metadata) -> tuple[list[Token], Metadata]:
    if len(tokens) >= 3 and tokens[0].type == "heading_open" and tokens[0].tag == "h1":
        title = " ".join(tokens[1].content.split())
        rest = list(tokens[3:])
        return rest, Metadata(
            title=title,
            subtitle=metadata.subtitle,
            byline=metadata.byline,
            date=metadata.date,
            site=metadata.site,
            source=metadata.source,
        )
    return list(tokens), metadata


def _walk(tokens: Sequence[Token], b: _Builder) -> None:
    index = 0
    count = len(tokens)
    row: list[str] = []
    while index < count:
        token = tokens[index]
        kind = token.type
        line = token.map[0] if token.map else 0
        if kind == "heading_open":
            b.add_block(
                BlockKind.HEADING, tokens[index + 1].children or [], line, int(token.tag[1])
            )
            index += 3
            continue
        if kind == "paragraph_open":
            children = tokens[index + 1].children or []
            if b.quote_depth or b.item_depth or not b.add_image(children, line):
                b.add_block(BlockKind.PARAGRAPH, children, line)
            index += 3
            continue
        if kind == "blockquote_open":
            b.quote_depth += 1
        elif kind == "blockquote_close":
            b.quote_depth -= 1
        elif kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrs.get("start", 1) or 1)
            b.list_stack.append(["ol" if kind == "ordered_list_open" else "ul", start])
        elif kind in ("bullet_list_close", "ordered_list_close"):
            b.list_stack.pop()
        elif kind == "list_item_open":
            b.item_depth += 1
            current = b.list_stack[-1]
            if current[0] == "ol":
                number = int(current[1])
                b.pending_marker = f"{number}{token.markup or '.'}"
                current[1] = number + 1
            else:
                b.pending_marker = "•"
        elif kind == "list_item_close":
            b.item_depth -= 1
            b.pending_marker = ""
        elif kind in ("fence", "code_block"):
            b.add_block(BlockKind.CODE, token.content.rstrip("\n"), line)
        elif kind == "hr":
            b.add_block(BlockKind.RULE, "", line)
        elif kind == "html_block":
            b.add_block(BlockKind.PARAGRAPH, token.content.strip(), line)
        elif kind == "tr_open":
            row = []
        elif kind == "inline" and tokens[index - 1].type in ("th_open", "td_open"):
            row.append("".join(c.content for c in token.children or [] if c.type != "softbreak"))
        elif kind == "tr_close":
            b.add_block(BlockKind.PARAGRAPH, " │ ".join(row), line)
        index += 1


def _sections(text: str, blocks: tuple[Block, ...]) -> tuple[Section, ...]:
    found: list[list[int]] = []  # [block index, level, start, end, depth]
    open_: list[int] = []  # indexes into `found` of sections not yet closed
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING:
            continue
        while open_ and found[open_[-1]][1] >= block.level:
            found[open_.pop()][3] = block.start
        found.append([index, block.level, block.start, len(text), len(open_)])
        open_.append(len(found) - 1)
    return tuple(
        Section(
            " ".join(text[blocks[i].start : blocks[i].end].split()) or "(untitled)",
            level,
            i,
            start,
            end,
            depth,
        )
        for i, level, start, end, depth in found
    )
