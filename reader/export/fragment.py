"""Links back to a highlight: a URL with a `#:~:text=` text fragment, or a file and section."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

# Quotes longer than this many words link by their first and last words (textStart,textEnd).
_RANGE_WORDS = 10
_EDGE_WORDS = 4
_CONTEXT_WORDS = 3


def is_web(source: str) -> bool:
    return urlsplit(source).scheme in ("http", "https")


_PLAIN = re.compile(r"[A-Za-z0-9 ]*")


def _term(text: str) -> str:
    # Text directives are percent-encoded, and "-", "," and "&" are their syntax.
    words = " ".join(text.split())
    if _PLAIN.fullmatch(words):
        return words.replace(" ", "%20")  # most quotes: no need for the general encoder
    return quote(words, safe="").replace("-", "%2D")


def text_directive(exact: str, before: str = "", after: str = "", unique: bool = True) -> str:
    """The `text=` directive finding `exact`, with context words from `before`/`after` if needed.

    `before` and `after` are the document text around the quote; they are used only when the
    quote alone is not unique.
    """
    lines = [line for line in exact.split("\n") if line.strip()]
    if not lines:
        return ""
    words = exact.split()
    if len(lines) > 1 or len(words) > _RANGE_WORDS:
        # Matching stops at block boundaries; a range spans them, and keeps the URL short.
        first, last = lines[0].split(), lines[-1].split()
        start = _term(" ".join(first[:_EDGE_WORDS]))
        end = _term(" ".join(last[-_EDGE_WORDS:]))
        directive = f"{start},{end}"
    else:
        directive = _term(exact)
    if not unique:
        prefix_words = before.rsplit("\n", 1)[-1].split()[-_CONTEXT_WORDS:]
        suffix_words = after.split("\n", 1)[0].split()[:_CONTEXT_WORDS]
        if prefix_words:
            directive = f"{_term(' '.join(prefix_words))}-,{directive}"
        if suffix_words:
            directive = f"{directive},-{_term(' '.join(suffix_words))}"
    return "text=" + directive


def web_link(url: str, directive: str) -> str:
    """`url` with a text fragment (kept after any fragment the URL already has)."""
    if not directive:
        return url
    base, _, fragment = url.partition("#")
    fragment = fragment.split(":~:", 1)[0]
    return f"{base}#{fragment}:~:{directive}"


def file_link(source: str) -> str:
    """A file URI for a local source path ("" when it is not an absolute path)."""
    path = Path(source)
    return path.as_uri() if path.is_absolute() else ""
