"""Untrusted text written into Markdown and YAML so that it stays literal, whatever it contains.

Every function here is checked by a round trip: markdown-it parses the output back to exactly
the input (tests/unit/test_export_roundtrip.py), so a quote or note can hold `---`, `#`, `>`,
backticks, HTML or our own edit-block markers without changing the export's structure.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Sequence
from typing import Protocol

from reader.sanitize import strip_control

# Characters that can open inline markup anywhere in a line. `&` only matters before something
# that reads as an entity; `!` is harmless once `[` is escaped.
_INLINE = re.compile(r"[\\`*_\[\]<|~]|&(?=#|[A-Za-z][A-Za-z0-9]*;)")
# Obsidian also reads ==highlight==, #tags, $math$, %%comments%% and ^block-ids.
_OBSIDIAN = re.compile(r"[\\`*_\[\]<|~=#$%^]|&(?=#|[A-Za-z][A-Za-z0-9]*;)")
# What can start a block at the beginning of a line (after the inline escapes).
_LINE_START = re.compile(r"[#>+=-]|\d{1,9}[.)]")
# Paragraph breaks: exactly one empty line between two non-empty pieces.
_PARAGRAPH_BREAK = re.compile(r"(?<=[^\n])\n\n(?=[^\n])")
_HARD_BREAK = "\\\n"


_SURROGATE = re.compile("[\ud800-\udfff]")
# Anything strip_control would act on (every escape sequence starts with one of these), or a
# lone surrogate: most text has none, and skipping the full clean keeps big exports fast.
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_PLAIN_WORDS = re.compile(r"(?:[^\W_]|[ ,;:'\"()?!/])*")


def clean(text: str) -> str:
    """Untrusted text without control characters (newlines and tabs stay) or lone surrogates."""
    if not _SUSPECT.search(text):
        return text
    return _SURROGATE.sub("\ufffd", strip_control(text))


def one_line(text: str) -> str:
    """Text for a one-line context (a tag, a heading): line breaks become spaces."""
    return clean(text).replace("\n", " ")


def _entities(whitespace: str) -> str:
    # markdown-it strips whitespace at the edges of lines and paragraphs; a character reference
    # survives the stripping and decodes back to the same character.
    if not whitespace:
        return ""
    return "".join(f"&#x{ord(char):X};" for char in whitespace)


def _escape_core(core: str, flavour: str) -> str:
    pattern = _OBSIDIAN if flavour == "obsidian" else _INLINE
    return pattern.sub(r"\\\g<0>", core)


def inline_text(text: str, flavour: str = "commonmark") -> str:
    """Text inside a line of Markdown: every character that could open inline markup escaped."""
    return _escape_core(text, flavour)


def guard_line_start(line: str) -> str:
    """A line of escaped Markdown that cannot start a block (heading, list, quote, rule)."""
    match = _LINE_START.match(line)
    if not match:
        return line
    end = match.end()
    return f"{line[: end - 1]}\\{line[end - 1 :]}"


def _line(line: str, flavour: str, mark: bool = False) -> str:
    core = line.strip()
    if not core:
        return _entities(line)
    lead = line[: len(line) - len(line.lstrip())]
    trail = line[len(line.rstrip()) :]
    body = _escape_core(core, flavour)
    if mark:
        body = f"=={body}=="
    elif not lead:
        body = guard_line_start(body)
    return _entities(lead) + body + _entities(trail)


def _paragraph(piece: str, flavour: str, mark: bool) -> list[str]:
    """One paragraph as Markdown lines; newlines inside it become hard breaks."""
    core = piece.strip()
    if not core:
        return [_entities(piece)]
    lead = piece[: len(piece) - len(piece.lstrip())]
    trail = piece[len(piece.rstrip()) :]
    lines = [_line(line, flavour, mark) for line in core.split("\n")]
    # A line holding only a hard break is how an empty line survives inside a paragraph.
    lines = [line + "\\" for line in lines[:-1]] + [lines[-1]]
    lines[0] = _entities(lead) + lines[0]
    lines[-1] = lines[-1] + _entities(trail)
    return lines


def paragraphs(text: str, flavour: str = "commonmark", mark: bool = False) -> list[list[str]]:
    """`text` as Markdown paragraphs (lists of lines) that parse back to exactly `text`.

    A blank line in the text separates paragraphs; any other line break is a hard break.
    """
    text = clean(text)
    if not text:
        return []
    return [_paragraph(piece, flavour, mark) for piece in _PARAGRAPH_BREAK.split(text)]


def markdown_block(text: str, flavour: str = "commonmark") -> str:
    """Text as top-level Markdown paragraphs (a note)."""
    text = clean(text)
    if "\n" not in text:
        return _line(text, flavour) if text else ""
    return "\n\n".join("\n".join(lines) for lines in paragraphs(text, flavour))


class QuoteLink(Protocol):
    """A link (or an image) inside a quote: `text[start:end]` is its words."""

    start: int
    end: int
    url: str
    image: bool


def blockquote(
    text: str,
    flavour: str = "commonmark",
    mark: bool = False,
    prefix: str = "> ",
    links: Sequence[QuoteLink] = (),
) -> str:
    """Text as the lines of a block quote; `mark` wraps each line in Obsidian's ==highlight==.

    `links` keep their targets: their words become Markdown links (escaped like all the rest),
    an image's words (its caption) the line "Image: [caption](src)".
    """
    if links and clean(text) == text:
        return _linked_blockquote(text, flavour, mark, prefix, links)
    text = clean(text)
    if "\n" not in text:  # the common case, without the paragraph machinery
        return prefix + _line(text, flavour, mark) if text else ""
    out: list[str] = []
    for lines in paragraphs(text, flavour, mark):
        if out:
            out.append(prefix.rstrip())
        out.extend(prefix + line for line in lines)
    return "\n".join(out)


def _linked_blockquote(
    text: str, flavour: str, mark: bool, prefix: str, links: Sequence[QuoteLink]
) -> str:
    out: list[str] = []
    position = 0
    for piece in [*_PARAGRAPH_BREAK.split(text)]:
        start = text.index(piece, position)
        position = start + len(piece)
        if out:
            out.append(prefix.rstrip())
        core = piece.strip()
        if not core:
            out.append(prefix + _entities(piece))
            continue
        # As in _paragraph: whitespace around the paragraph as character references.
        lead = piece[: len(piece) - len(piece.lstrip())]
        trail = piece[len(piece.rstrip()) :]
        lines: list[str] = []
        offset = start + len(lead)
        for line in core.split("\n"):
            lines.append(_linked_line(line, offset, flavour, mark, links))
            offset += len(line) + 1
        lines = [line + "\\" for line in lines[:-1]] + [lines[-1]]
        lines[0] = _entities(lead) + lines[0]
        lines[-1] = lines[-1] + _entities(trail)
        out.extend(prefix + line for line in lines)
    return "\n".join(out)


def _linked_line(
    line: str, offset: int, flavour: str, mark: bool, links: Sequence[QuoteLink]
) -> str:
    """One line of a quote, `offset` into the quote's text, with the links that cross it."""
    core = line.strip()
    if not core:
        return _entities(line)
    lead = line[: len(line) - len(line.lstrip())]
    trail = line[len(line.rstrip()) :]
    first = offset + len(lead)
    last = first + len(core)
    cuts = {first, last}
    inside = [link for link in links if link.start < last and link.end > first]
    for link in inside:
        cuts.update(max(first, min(last, at)) for at in (link.start, link.end))
    parts: list[str] = []
    for left, right in itertools.pairwise(sorted(cuts)):
        words = _escape_core(line[left - offset : right - offset], flavour)
        around = next((k for k in inside if k.start <= left and right <= k.end), None)
        if around is None:
            parts.append(words)
            continue
        label = "Image: " if around.image and left == max(first, around.start) else ""
        if parts and parts[-1].endswith("!") and not label:
            parts[-1] = parts[-1][:-1] + "\\!"  # "![" would open an image
        target = link_destination(around.url)
        parts.append(f"{label}[{words}]({target})" if around.url else label + words)
    body = "".join(parts)
    if mark:
        body = f"=={body}=="
    elif not lead:
        body = guard_line_start(body)
    return _entities(lead) + body + _entities(trail)


def inline(text: str, flavour: str = "commonmark") -> str:
    """Text on one line of Markdown (a heading, a label): line breaks become spaces."""
    text = one_line(text)
    if _PLAIN_WORDS.fullmatch(text) and text[:1] not in " 0123456789" and text[-1:] != " ":
        return text  # nothing to escape: the common case of a word or two
    return _line(text, flavour) if text else ""


def heading(text: str, flavour: str = "commonmark") -> str:
    """Text as the content of an ATX heading: whitespace collapsed, `#` escaped."""
    words = " ".join(one_line(text).split())
    escaped = _escape_core(words, flavour)
    return escaped.replace("#", "\\#") if flavour != "obsidian" else escaped


def code_span(text: str) -> str:
    """Text as an inline code span (one line), fenced by more backticks than it contains."""
    text = one_line(text)
    if "`" not in text and not (text.startswith(" ") and text.endswith(" ")):
        return f"`{text}`"
    runs = [len(run) for run in re.findall(r"`+", text)]
    fence = "`" * (max(runs, default=0) + 1)
    edge_backtick = text.startswith("`") or text.endswith("`")
    stripped_by_parser = text.startswith(" ") and text.endswith(" ") and text.strip(" ") != ""
    pad = " " if edge_backtick or stripped_by_parser else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def link_destination(url: str) -> str:
    """A URL as a Markdown link destination: <...>, with anything that could end it encoded."""
    return "<" + _DESTINATION_UNSAFE.sub(_percent, url) + ">"


_DESTINATION_UNSAFE = re.compile(r"[\s<>\\`]")


def _percent(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group(0).encode("utf-8"))


_YAML_UNSAFE = re.compile(
    "[^\t\n\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\u2028\u2029]"
)


def yaml_scalar(value: object) -> str:
    """A YAML double-quoted string (or number, or flow list of strings) on one line.

    JSON strings are YAML; characters YAML treats as line breaks or forbids are escaped too.
    """
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(yaml_scalar(str(item)) for item in value) + "]"
    encoded = json.dumps(clean(str(value)), ensure_ascii=False)
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", encoded)
