"""Markdown input: kept as written, split into blocks; YAML front matter read as metadata."""

from __future__ import annotations

import re

from reader.cleaned import CleanBlock, Cleaned
from reader.metadata import Metadata

_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_FRONT = re.compile(r"\A---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.DOTALL)
# The opening of a first-level ATX heading; its closing #s are cut by str methods, since a
# pattern for them (`(.*?)(?:\s+#+\s*)?$`) backtracks quadratically over a run of spaces.
_ATX_H1 = re.compile(r" {0,3}#(?!#)\s+")
_KEYS = {
    "title": "title",
    "subtitle": "subtitle",
    "description": "subtitle",
    "standfirst": "subtitle",
    "author": "byline",
    "authors": "byline",
    "byline": "byline",
    "date": "date",
    "published": "date",
    "site": "site",
    "sitename": "site",
    "hostname": "site",
    "source": "source",
    "url": "source",
}


def front_matter(text: str) -> tuple[dict[str, str], str]:
    """The simple `key: value` pairs of a leading YAML block, and the text after it."""
    match = _FRONT.match(text)
    if not match:
        return {}, text
    values: dict[str, str] = {}
    for line in match.group(1).splitlines():
        key, sep, value = line.partition(":")
        if not sep or line[:1].isspace():
            continue
        value = value.strip()
        if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
            value = value[1:-1]
        field = _KEYS.get(key.strip().casefold())
        if field and value and field not in values:
            values[field] = value
    return values, text[match.end() :]


def split_blocks(markdown: str) -> list[str]:
    """Blank-line separated blocks; a fenced code block is one block, blank lines and all."""
    blocks: list[str] = []
    current: list[str] = []
    fence = ""
    for line in markdown.split("\n"):
        if fence:
            current.append(line)
            stripped = line.strip()
            if stripped.startswith(fence) and not stripped.strip(fence[0]):
                fence = ""
            continue
        opening = _FENCE.match(line)
        if opening:
            fence = opening.group(1)
            current.append(line)
            continue
        if line.strip():
            current.append(line)
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    # Indented continuation (a list item's second paragraph, indented code) joins its block.
    merged: list[str] = []
    for block in blocks:
        if merged and block.startswith(("    ", "\t")):
            merged[-1] += "\n\n" + block
        else:
            merged.append(block)
    return merged


def h1_text(line: str) -> str | None:
    """The text of a one-line first-level ATX heading (`# Title #`), else None."""
    opening = _ATX_H1.match(line)
    if opening is None or "\n" in line:
        return None
    text = line[opening.end() :].strip()
    closed = text.rstrip("#")
    if closed != text and (not closed or closed[-1].isspace()):
        text = closed.strip()
    return text or None


def clean_markdown(text: str, origin: str = "") -> Cleaned:
    values, body = front_matter(text)
    blocks = [CleanBlock(block) for block in split_blocks(body)]
    if not values.get("title") and blocks:
        title = h1_text(blocks[0].markdown)
        if title is not None:
            values["title"] = title
            blocks[0] = CleanBlock(blocks[0].markdown, kept=False, reason="title")
    metadata = Metadata(
        title=values.get("title", ""),
        subtitle=values.get("subtitle", ""),
        byline=values.get("byline", ""),
        date=values.get("date", ""),
        site=values.get("site", ""),
        source=values.get("source", origin) or origin,
    )
    return Cleaned(metadata, tuple(blocks))
