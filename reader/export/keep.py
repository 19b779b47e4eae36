"""Blocks of an exported file that belong to the user: kept word for word on every re-export.

A block is the lines between a begin and an end marker, both HTML comments on their own line:

    <!-- reader:begin highlight 3f2a... (your notes here are kept when you export again) -->
    anything the user writes
    <!-- reader:end highlight 3f2a... -->

Exported text can never produce such a line: every quote and tag is escaped, and a note is
re-written from its Markdown (note_markdown.py) so that no line of it starts with `<`.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

ARTICLE = "article"
HIGHLIGHT = "highlight"

# A marker is a whole line: a begin marker may carry a hint after the id.
_MARKER = re.compile(
    r"<!-- reader:(begin|end) (article|highlight) ([A-Za-z0-9_-]+)(?: [^\n]*)? -->[ \t]*$",
    re.MULTILINE,
)
_PREFIX = "<!-- reader:"
_DIGEST = re.compile(r"<!-- reader:digest ([0-9a-f]{16}) -->[ \t]*(?:\n|$)")
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
_HINT = {
    ARTICLE: "write below; this block is kept when you export again",
    HIGHLIGHT: "kept when you export again",
}

Key = tuple[str, str]


def marker_id(raw: str) -> str:
    """An id usable in a marker: the id itself when plain, else a hash of it."""
    if _SAFE_ID.fullmatch(raw):
        return raw
    return hashlib.sha1(raw.encode("utf-8", "replace")).hexdigest()[:16]


def article_mark(article_id: str) -> str:
    """The string that identifies an export of this article inside a file."""
    return f"reader:begin {ARTICLE} {marker_id(article_id)} "


def block(kind: str, raw_id: str, content: str = "") -> str:
    """A marked block around `content` (the user's lines, each ending with a newline)."""
    ident = marker_id(raw_id)
    return (
        f"<!-- reader:begin {kind} {ident} ({_HINT[kind]}) -->\n"
        f"{content}"
        f"<!-- reader:end {kind} {ident} -->"
    )


@dataclass(frozen=True, slots=True)
class Kept:
    """The user's blocks found in a file, in file order."""

    blocks: dict[Key, str]

    def get(self, kind: str, raw_id: str) -> str:
        return self.blocks.get((kind, marker_id(raw_id)), "")


def _lines_matching(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """Matches of `pattern` at the start of a line of ours (found by their common prefix:
    much faster than a MULTILINE "^" search over a whole file)."""
    at = text.find(_PREFIX)
    while at != -1:
        if at == 0 or text[at - 1] == "\n":
            match = pattern.match(text, at)
            if match:
                yield match
        at = text.find(_PREFIX, at + 1)


def _spans(text: str) -> list[tuple[Key, int, int]]:
    """(key, start, end) of each block's content, in file order.

    A block never closed runs to the next marker or the end of the file, so nothing the user
    wrote is dropped.
    """
    spans: list[tuple[Key, int, int]] = []
    open_key: Key | None = None
    content_start = 0
    for marker in _lines_matching(_MARKER, text):
        key = (marker.group(2), marker.group(3))
        if open_key is not None:
            spans.append((open_key, content_start, marker.start()))
            closes = marker.group(1) == "end" and key == open_key
            open_key = None
            if closes:
                continue
        if marker.group(1) == "begin":
            open_key = key
            content_start = min(len(text), marker.end() + 1)
    if open_key is not None:
        spans.append((open_key, content_start, len(text)))
    return spans


def find_blocks(text: str) -> Kept:
    """The content of every marked block in `text`."""
    found: dict[Key, str] = {}
    for key, start, end in _spans(text):
        content = text[start:end]
        if content and not content.endswith("\n"):
            content += "\n"
        # A repeated block (a file edited by hand) keeps every copy's words.
        found[key] = found.get(key, "") + content
    return Kept(found)


def _digest(text: str) -> str:
    """Digest of what the export generated: the text less the user's words and digest lines."""
    digests = list(_lines_matching(_DIGEST, text))
    if digests:
        pieces, position = [], 0
        for match in digests:
            pieces.append(text[position : match.start()])
            position = match.end()
        text = "".join(pieces) + text[position:]
    parts: list[str] = []
    position = 0
    for _, start, end in _spans(text):
        parts.append(text[position:start])
        position = max(position, end)
    parts.append(text[position:])
    return hashlib.sha256("".join(parts).encode("utf-8", "replace")).hexdigest()[:16]


def sign(text: str) -> str:
    """`text` with a last line recording the digest of its generated part."""
    body = text + "\n"
    return f"{body}<!-- reader:digest {_digest(body)} -->\n"


def edited_outside_blocks(text: str) -> bool:
    """Whether a signed export was changed outside its blocks (or lost its digest line)."""
    recorded = [match.group(1) for match in _lines_matching(_DIGEST, text)]
    return not recorded or recorded[-1] != _digest(text)


def leftovers(kept: Kept, rendered: str) -> list[tuple[Key, str]]:
    """Non-empty blocks of the old file that the new render no longer has a place for."""
    present = {(m.group(2), m.group(3)) for m in _lines_matching(_MARKER, rendered)}
    return [
        (key, content)
        for key, content in kept.blocks.items()
        if key not in present and content.strip()
    ]


def with_leftovers(kept: Kept, rendered: str, heading: str) -> str:
    """`rendered`, plus the user's orphaned blocks at the end so no written word is lost."""
    rest = leftovers(kept, rendered)
    if not rest:
        return rendered
    parts = [rendered.rstrip("\n"), "", heading, ""]
    for (kind, ident), content in rest:
        parts.append(block(kind, ident, content))
        parts.append("")
    return "\n".join(parts)
