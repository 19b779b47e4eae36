"""Write plain text as Markdown that parses back to exactly the same text."""

from __future__ import annotations

import re

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping the ones
# that can start or delimit markup is enough to keep any text literal.
_INLINE = re.compile(r"([\\`*_\[\]<>!&|~])")
# `[^\S\n]`, not `\s`: whitespace that spans newlines retries every later line from each line
# start, quadratic in a run of blank lines.
_LINE_START = re.compile(r"^([^\S\n]*)([#>+=\-]|\d+[.)])", re.MULTILINE)


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


_DESTINATION = re.compile(r"([\\<>&])")
_URL_WHITESPACE = re.compile(r"[\t\n\r]")


def link_destination(url: str) -> str:
    """A URL as a Markdown link destination, `<...>`, that markdown-it reads back as exactly
    that URL (tabs and line breaks, which browsers drop from URLs, dropped too)."""
    return "<" + _DESTINATION.sub(r"\\\1", _URL_WHITESPACE.sub("", url)) + ">"


_TITLE = re.compile(r'(["\\]|&(?=#|[A-Za-z][A-Za-z0-9]*;))')


def link_title(text: str) -> str:
    """Text as a Markdown link title, `"..."`, on one line, read back as exactly that text."""
    return '"' + _TITLE.sub(r"\\\1", " ".join(text.split())) + '"'
