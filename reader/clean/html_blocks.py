"""Mending the blocks trafilatura finds in an HTML page.

- a paragraph keeps the HTML's source line breaks and indentation where it holds inline
  markup (`<em>`): its lines are made one, as every other paragraph's are;
- a date or time line of the page's header glued to the first paragraph ("Updated 11:20am")
  is a block of its own, removed as the date;
- the standfirst, shown again as the body's first paragraph, is removed there;
- a quotation's credit (`<footer>`, `<cite>` in the `<blockquote>`, or the `<figcaption>` of
  the figure around it), which trafilatura drops, goes back under the quotation;
- a list of other stories (each item's heading a link), a label over links ("Tags"), a bare
  link: page chrome trafilatura kept, removed once the links are back in the blocks.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from reader.clean.metadata import has_date
from reader.clean.phrases import boilerplate_reason
from reader.cleaned import CleanBlock
from reader.markdown_escape import escape_markdown

_WORD = re.compile(r"\w+")
# A list item whose heading is a link: "- ### [Headline](<url>)", perhaps a summary after.
_TEASER_ITEM = re.compile(r"\s*[-*+]\s+#{1,6}\s+\[[^\]]*\]\(<[^>]*>\)")
_BARE_LINK = re.compile(r"<?https?://\S+>?\s*$")
_PLAIN = re.compile(r"[*_#>\\]+")
# Starting only where a run of blanks starts: from inside a long run it would retry the rest
# of the run at every place (quadratic; tests/unit/test_linear_patterns.py).
_INDENTED_BREAK = re.compile(r"(?<![ \t])[ \t]*\n[ \t]+")
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\b", re.IGNORECASE)
# Blocks that are not paragraphs: headings, lists, quotes, tables, code, images.
_NOT_PARAGRAPH = re.compile(r"(#{1,6}\s|[-*+]\s|\d{1,9}[.)]\s|>|\||```|~~~|!\[|    )")
DATELINE_WORDS = 10
"""A date or time line glued above a paragraph has at most this many words."""


def mend(
    blocks: list[CleanBlock], subtitle: str, page: HtmlElement | None
) -> tuple[list[CleanBlock], str]:
    """The article's kept `blocks`, mended (see the module's doc), and its standfirst shown
    once: `subtitle` is the page's description, `page` its parsed tree (None if it could not
    be parsed)."""
    out: list[CleanBlock] = []
    credits = _quote_credits(page) if page is not None else []
    for block in blocks:
        markdown = block.markdown
        if not block.kept or _NOT_PARAGRAPH.match(markdown):
            if block.kept and markdown.startswith(">"):
                markdown = _credited(markdown, credits)
            out.append(block._replace(markdown=markdown))
            continue
        markdown = _INDENTED_BREAK.sub(" ", markdown)
        first, newline, rest = markdown.partition("\n")
        if newline and rest.strip() and _dateline(first):
            out.append(CleanBlock(first, kept=False, reason="date"))
            markdown = rest
        out.append(block._replace(markdown=markdown))
    return _standfirst_once(out, subtitle, page)


def without_chrome(blocks: list[CleanBlock]) -> list[CleanBlock]:
    """The blocks, with those that trafilatura kept but are page chrome removed (run once the
    links are back in them: see `_chrome`)."""
    out = []
    for block in blocks:
        reason = _chrome(block.markdown) if block.kept else ""
        out.append(block._replace(kept=False, reason=reason) if reason else block)
    return out


def _chrome(markdown: str) -> str:
    """Why a block trafilatura kept is page chrome, or "": a list of links to other stories
    (each item's heading a link), a label over links ("Tags" and the tags), a link bare on a
    line of its own."""
    lines = [line for line in markdown.split("\n") if line.strip()]
    if lines and all(_TEASER_ITEM.match(line) for line in lines):
        return "related link"
    if len(lines) > 1:
        label = _PLAIN.sub(" ", lines[0]).strip()
        if label and len(label.split()) <= 3 and lines[1].lstrip("*_ ").startswith("["):
            return boilerplate_reason(label, len(label.split()))
    if _BARE_LINK.match(markdown):
        return "link"
    return ""


def _dateline(line: str) -> bool:
    words = line.split()
    if not 0 < len(words) <= DATELINE_WORDS or line.rstrip().endswith((".", "!", "?")):
        return False
    return bool(_CLOCK.search(line)) or has_date(line)


def _standfirst_once(
    blocks: list[CleanBlock], subtitle: str, page: HtmlElement | None
) -> tuple[list[CleanBlock], str]:
    """The blocks and the subtitle, the standfirst in only one of them. A first paragraph that
    repeats the page's description is the standfirst if the page sets it in the article's
    header (removed from the body); else it is the article's lead, and the description, which
    only repeats it, is not shown above it."""
    if not subtitle:
        return blocks, subtitle
    words = _words(subtitle)
    index = next((i for i, block in enumerate(blocks) if block.kept), None)
    if index is None or _words(blocks[index].markdown) != words:
        return blocks, subtitle
    if page is not None and _in_header(page, words):
        blocks[index] = blocks[index]._replace(kept=False, reason="standfirst")
        return blocks, subtitle
    return blocks, ""


def _in_header(page: HtmlElement, words: list[str]) -> bool:
    """Whether the page sets these words in a header: a paragraph inside `<header>`."""
    for element in page.iter("p", "div", "h2", "span"):
        if _words(element.text_content()) == words:
            return any(ancestor.tag == "header" for ancestor in element.iterancestors())
    return False


def _quote_credits(page: HtmlElement) -> list[tuple[list[str], str]]:
    """Each quotation's first words and its credit line, as the page has them."""
    found = []
    for quote in page.iter("blockquote"):
        credit_elements = quote.xpath("./footer|./cite|./p/cite[last()]")
        parent = quote.getparent()
        if not credit_elements and parent is not None and parent.tag == "figure":
            credit_elements = parent.xpath("./figcaption")
        if not credit_elements:
            continue
        credit = " ".join(credit_elements[0].text_content().split())
        said = _words(quote.text_content().replace(credit_elements[0].text_content(), " "))
        if credit and said:
            found.append((said[:8], credit))
    return found


def _credited(markdown: str, credits: list[tuple[list[str], str]]) -> str:
    """A quotation block with its credit put back under it, if trafilatura left it out."""
    words = _words(markdown)
    for opening, credit in credits:
        if words[: len(opening)] == opening:
            if " ".join(_words(credit)) in " ".join(words):
                return markdown  # the credit is there already
            return f"{markdown}\n>\n> {escape_markdown(credit)}"
    return markdown


def _words(text: str) -> list[str]:
    return [word.casefold() for word in _WORD.findall(text)]
