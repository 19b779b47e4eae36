"""Write plain text as Markdown that parses back to exactly the same text."""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping the ones
# that can start or delimit markup is enough to keep any text literal.
_INLINE = re.compile(r"([\\`*_\[\]<>!&|~])")
_LINE_START = re.compile(r"^(\s*)([#>+=\-]|\d+[.)])", re.MULTILINE)


def escape_markdown(text: str) -> str:
    """Escape `text` so that markdown-it renders it as the same literal characters."""
    # Searching first is cheaper than a substitution that finds nothing (most text).
    if _INLINE.search(text):
        text = _INLINE.sub(r"\\\1", text)
    if "\n" not in text:  # one line (most blocks): only its start can be markup
        match = _LINE_START.match(text)
        return text if match is None else _escape_line_start(match) + text[match.end() :]
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match[str]) -> str:
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"


def paragraphs_to_markdown(paragraphs: list[str]) -> str:
    """Join plain-text paragraphs as Markdown paragraphs (each on one line)."""
    return "\n\n".join(escape_markdown(" ".join(p.split())) for p in paragraphs if p.strip())
