"""HTML input: trafilatura finds the article (Markdown with headings, lists and quotes)."""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from trafilatura.xml import xmltotxt

from reader.clean.markdown_source import split_blocks
from reader.cleaned import CleanBlock, Cleaned, keyed
from reader.document import Metadata
from reader.markdown_escape import escape_markdown
from reader.sanitize import clean_text

_WORD = re.compile(r"\w+")


def clean_html(html: str, origin: str = "") -> Cleaned:
    url = origin if origin.startswith(("http://", "https://")) else None
    document = trafilatura.bare_extraction(
        html,
        url=url,
        include_formatting=True,
        include_comments=False,
        include_tables=True,
        include_links=False,
        with_metadata=True,
    )
    tree = getattr(document, "body", None)
    body = _markdown(tree) if tree is not None else ""
    title = _field(document, "title")
    kept = [CleanBlock(block) for block in split_blocks(clean_text(body).strip("\n"))]
    if kept and title and _words(_plain(kept[0].markdown)) == _words(title):
        kept[0] = CleanBlock(kept[0].markdown, kept=False, reason="title")
    blocks = _with_removed(html, kept)
    metadata = Metadata(
        title=title,
        subtitle=_field(document, "description"),
        byline=_field(document, "author"),
        date=_field(document, "date"),
        site=_field(document, "sitename"),
        source=origin or _field(document, "url"),
    )
    return Cleaned(metadata, keyed(blocks))


def _field(document: object, name: str) -> str:
    value = getattr(document, name, None)
    return " ".join(clean_text(value).split()) if isinstance(value, str) else ""


# trafilatura's Markdown drops the quote markup: mark each quote's text, then make it "> ".
_QUOTE_MARK = "QQxQUOTExQQ"


def _markdown(body: Any) -> str:
    for quote in body.iter("quote"):
        holder = quote if quote.text and quote.text.strip() else next(iter(quote), None)
        if holder is not None:
            holder.text = _QUOTE_MARK + (holder.text or "").lstrip()
    text: str = xmltotxt(body, True)
    lines = []
    for line in text.split("\n"):
        if _QUOTE_MARK in line:
            line = "> " + line.replace(_QUOTE_MARK, "").lstrip()
        lines.append(line)
    return "\n".join(lines)


def _plain(markdown: str) -> str:
    return markdown.lstrip("#>*-+ ").strip()


def _words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text)]


def _with_removed(html: str, kept: list[CleanBlock]) -> list[CleanBlock]:
    """The kept blocks, with the page's other text lines placed among them as removed blocks."""
    try:
        page = trafilatura.html2txt(html) or ""
    except Exception:  # lxml may refuse odd markup; the removed blocks are only a courtesy
        return kept
    kept_words = [" ".join(_words(block.markdown)) for block in kept]
    out: list[CleanBlock] = []
    position = 0
    for line in page.split("\n"):
        key = " ".join(_words(line))
        if not key:
            continue
        found = next((j for j in range(position, len(kept)) if key in kept_words[j]), None)
        if found is not None:
            out.extend(kept[position:found])
            position = found
        elif not any(key in words for words in kept_words[:position]):
            text = escape_markdown(" ".join(line.split()))
            out.append(CleanBlock(text, kept=False, reason="not in the article"))
    out.extend(kept[position:])
    return out
