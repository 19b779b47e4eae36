"""Builders and a Markdown reader shared by the export tests."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.token import Token

from reader.document import Document, parse_markdown
from reader.metadata import Metadata
from reader.records import AnnotationRecord, ArticleRecord

WHEN = "2026-01-02T03:04:05+00:00"

ARTICLE_MD = """# The heron

Intro before any heading, with a heron in it.

## Morning

The heron stood in the shallows for an hour.

### Rain

Later the rain came in sideways off the estuary.

## Evening

The heron took the fish in one strike. The heron left.
"""


def document(markdown: str = ARTICLE_MD, source: str = "https://example.org/heron") -> Document:
    return parse_markdown(markdown, Metadata(byline="A. Writer", date="2025-05-01", source=source))


def record(
    source: str = "https://example.org/heron",
    title: str = "The heron",
    ident: str = "a1b2c3d4e5f60718",
) -> ArticleRecord:
    return ArticleRecord(id=ident, title=title, source=source, added=WHEN)


def highlight(
    doc: Document | str, quote: str, occurrence: int = 0, updated: str = WHEN, **fields: object
) -> AnnotationRecord:
    """A highlight of the `occurrence`-th `quote` in the document's text."""
    text = doc if isinstance(doc, str) else doc.text
    at = -1
    for _ in range(occurrence + 1):
        at = text.find(quote, at + 1)
    assert at >= 0, quote
    return AnnotationRecord(
        article_id="a1b2c3d4e5f60718",
        exact=quote,
        start=at,
        end=at + len(quote),
        prefix=text[max(0, at - 32) : at],
        suffix=text[at + len(quote) : at + len(quote) + 32],
        created=WHEN,
        updated=updated,
        **fields,  # type: ignore[arg-type]
    )


@dataclass
class Parsed:
    """What a reader recovers from an export: front matter, headings and each highlight."""

    front: dict[str, object]
    headings: list[tuple[int, str]] = field(default_factory=list)
    quotes: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    tags: list[list[str]] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    note_markup: list[set[str]] = field(default_factory=list)
    """The Markdown each note used (strong, em, link, bullet_list, fence, ...)."""


# What a note may contain: formatting, links, lists, quotes and code; never a heading or HTML.
NOTE_BLOCKS = {"paragraph", "bullet_list", "ordered_list", "list_item", "blockquote"}
NOTE_LEAVES = {"inline", "fence", "hr"}
NOTE_INLINE = {"text", "code_inline", "softbreak", "hardbreak", "strong", "em", "s", "link"}


def _inline_text(token: Token) -> str:
    parts: list[str] = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("hardbreak", "softbreak"):
            parts.append("\n")
        else:
            raise AssertionError(f"unexpected inline markup {child.type}: {token.content!r}")
    return "".join(parts)


def _note_inline_text(token: Token, markup: set[str]) -> str:
    parts: list[str] = []
    for child in token.children or []:
        kind = child.type.removesuffix("_open").removesuffix("_close")
        assert kind in NOTE_INLINE, f"{child.type} in a note: {token.content!r}"
        markup.add(kind)
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type in ("hardbreak", "softbreak"):
            parts.append("\n")
    return "".join(parts)


def note_text(tokens: list[Token], markup: set[str] | None = None) -> str:
    """The text a reader sees in a note's blocks (blank lines between them), markup aside."""
    markup = set() if markup is None else markup
    blocks: list[str] = []
    for token in tokens:
        kind = token.type.removesuffix("_open").removesuffix("_close")
        assert kind in NOTE_BLOCKS | NOTE_LEAVES, f"{token.type} in a note"
        markup.add(kind)
        if token.type == "inline":
            blocks.append(_note_inline_text(token, markup))
        elif token.type == "fence":
            blocks.append(token.content.removesuffix("\n"))
    return "\n\n".join(block for block in blocks if block)


def markdown_text(note: str) -> str:
    """What a Markdown reader shows of `note` typed alone (raw HTML as text, headings kept)."""
    tokens = MarkdownIt("commonmark", {"html": False}).enable("strikethrough").parse(note)
    texts = []
    for token in tokens:
        if token.type == "inline":
            texts.append("".join(_plain(child) for child in token.children or []))
        elif token.type in ("fence", "code_block"):
            texts.append(token.content.removesuffix("\n"))
    return "\n\n".join(text for text in texts if text)


def _plain(token: Token) -> str:
    if token.type in ("text", "code_inline"):
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return "\n"
    return "".join(_plain(child) for child in token.children or [])


def parse_export(markdown: str) -> Parsed:
    """Parse a default-template export with markdown-it, as any Markdown tool would."""
    lines = markdown.split("\n")
    assert lines[0] == "---"
    end = lines.index("---", 1)
    front: dict[str, object] = {}
    for line in lines[1:end]:
        key, _, value = line.partition(": ")
        front[key] = json.loads(value)  # every value is a JSON (hence YAML) scalar or list
    body = "\n".join(lines[end + 1 :])
    tokens = MarkdownIt("commonmark").enable(["table", "strikethrough"]).parse(body)
    parsed = Parsed(front)
    index = 0
    state = "start"
    note: list[Token] = []
    while index < len(tokens):
        token = tokens[index]
        if state == "note" and token.type != "html_block":
            note.append(token)  # a note runs to its kept block's marker
            index += 1
            continue
        if token.type == "heading_open":
            parsed.headings.append((int(token.tag[1]), _inline_text(tokens[index + 1])))
            index += 3
            continue
        if token.type == "blockquote_open":
            depth, paragraphs = 1, []
            index += 1
            while depth:
                inner = tokens[index]
                if inner.type == "blockquote_open":
                    raise AssertionError("nested quote")
                if inner.type == "blockquote_close":
                    depth -= 1
                elif inner.type == "inline":
                    paragraphs.append(_inline_text(inner))
                elif inner.type not in ("paragraph_open", "paragraph_close"):
                    raise AssertionError(f"{inner.type} inside a quote")
                index += 1
            parsed.quotes.append("\n\n".join(paragraphs))
            state = "meta"
            continue
        if token.type == "inline" and state == "meta":
            codes = [c.content for c in token.children or [] if c.type == "code_inline"]
            parsed.tags.append(codes)
            state, note = "note", []
        elif token.type == "html_block":
            parsed.comments.append(token.content.rstrip("\n"))
            if state == "note":
                markup: set[str] = set()
                parsed.notes.append(note_text(note, markup))
                parsed.note_markup.append(markup - {"paragraph", "inline", "text"})
                state = "start"
        elif token.type not in ("paragraph_open", "paragraph_close", "inline"):
            raise AssertionError(f"unexpected block {token.type}")
        index += 1
    return parsed
