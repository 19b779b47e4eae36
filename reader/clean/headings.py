"""Which short lines inside a saved page's article are its section headings."""

from __future__ import annotations

from reader.clean.lines import Kind, Line
from reader.markdown_escape import escape_markdown


def is_heading(line: Line, before: Line | None, after: Line | None) -> bool:
    """A short line, not a sentence, set between the article's paragraphs, before prose."""
    if line.kind is Kind.BAD or line.marker or not 1 <= line.words <= 16 or line.chars > 120:
        return False
    if line.underlined:
        return True
    if line.kind is not Kind.SHORT or line.sentence:
        return False
    if line.text.endswith((",", ";", "-", "–", "—")) or "..." in line.text or "…" in line.text:
        return False
    first = line.text[0]
    if first.isalpha() and first.islower():
        return False
    if after is None or after.marker or not _prose(after):
        return False
    return before is None or before.kind is not Kind.BAD


def heading_markdown(text: str, level: int = 2) -> str:
    """An ATX heading whose text reads back exactly (a trailing # is not a closing sequence)."""
    escaped = escape_markdown(text)
    if escaped.endswith("#"):
        escaped = escaped[:-1] + "\\#"
    return f"{'#' * level} {escaped}"


def _prose(line: Line) -> bool:
    return line.kind is Kind.GOOD or (line.kind is Kind.SHORT and line.sentence and line.words >= 6)
