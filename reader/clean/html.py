"""HTML input: trafilatura finds the article (Markdown with headings, lists and quotes)."""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from trafilatura.xml import xmltotxt

from reader.clean.html_blocks import mend, without_chrome
from reader.clean.html_images import add_images
from reader.clean.html_links import add_links
from reader.clean.html_tree import parse_html
from reader.clean.markdown_source import split_blocks
from reader.clean.page_text import PageText
from reader.clean.phrases import boilerplate_reason
from reader.cleaned import CleanBlock, Cleaned
from reader.markdown_escape import escape_markdown
from reader.metadata import Metadata
from reader.sanitize import clean_text

_WORD = re.compile(r"\w+")


def clean_html(html: str, origin: str = "") -> Cleaned:
    url = origin if origin.startswith(("http://", "https://")) else None
    tree = page = parse_html(html)
    document = trafilatura.bare_extraction(
        html if tree is None else tree,
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
    # The page's own headline (its first-level heading, or the title again among the first
    # blocks, below an image or a link) is the title shown.
    for index, block in enumerate(kept[:3]):
        if (index == 0 and block.markdown.startswith("# ")) or (
            title and _words(_plain(block.markdown)) == _words(title)
        ):
            title = " ".join(_plain(block.markdown).replace("\\", "").split()) or title
            kept[index] = CleanBlock(block.markdown, kept=False, reason="title")
            break
    subtitle = _field(document, "description")
    kept, subtitle = mend(kept, subtitle, page)
    # Images and links go in last: the blocks are placed on the page by their words alone.
    text = PageText(page, origin) if page is not None else None
    blocks = add_links(add_images(_with_removed(html, kept), text), text)
    blocks = without_chrome(blocks)
    metadata = Metadata(
        title=title,
        subtitle=subtitle,
        byline=_field(document, "author"),
        date=_field(document, "date"),
        site=_field(document, "sitename"),
        source=origin or _field(document, "url"),
    )
    return Cleaned(metadata, tuple(blocks))


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


_BLOCK_TAGS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "td",
    "th",
    "tr",
    "blockquote",
    "pre",
    "figcaption",
    "figure",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "br",
    "form",
    "table",
    "button",
    "label",
    "option",
    "title",
)


def _page_lines(html: str) -> list[str]:
    """The page's visible text, one block element a line."""
    tree = parse_html(html)
    if tree is None:
        return []
    for hidden in tree.xpath("//script|//style|//noscript|//template|//svg|//head"):
        if hidden.getparent() is not None:
            hidden.drop_tree()
    for element in tree.iter(*_BLOCK_TAGS):
        element.text = "\n" + (element.text or "")
        element.tail = "\n" + (element.tail or "")
    text = "".join(tree.itertext())
    return [" ".join(line.split()) for line in text.split("\n") if line.strip()]


def _with_removed(html: str, kept: list[CleanBlock]) -> list[CleanBlock]:
    """The kept blocks, with the page's other text lines placed among them as removed blocks."""
    try:
        page = _page_lines(html)
    except Exception:  # lxml may refuse odd markup; the removed blocks are only a courtesy
        return kept
    kept_words = [" ".join(_words(block.markdown)) for block in kept]
    everything = "\n".join(kept_words)
    out: list[CleanBlock] = []
    position = 0
    for line in page:
        key = " ".join(_words(line))
        if not key:
            continue
        # A long line inside a kept block places it; a short one ("Home") could match anywhere.
        long_key = key.count(" ") >= 4
        found = next(
            (
                j
                for j in range(position, len(kept))
                if key == kept_words[j] or (long_key and key in kept_words[j])
            ),
            None,
        )
        if found is not None:
            out.extend(kept[position:found])
            position = found
        elif key not in everything:
            text = escape_markdown(" ".join(line.split()))
            reason = boilerplate_reason(line, len(key.split())) or "not in the article"
            out.append(CleanBlock(text, kept=False, reason=reason))
    out.extend(kept[position:])
    return out
