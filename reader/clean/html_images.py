"""A page's images put back into the article trafilatura found in it, as blocks of their own.

An image belongs to the article when it stands between the article's blocks on the page (its
headline counts: a lead image comes right after it), says what it shows (alt text or a
caption: `alt=""` marks a decoration), and is not chrome: inside navigation, a sidebar, a
footer or a form, a thumbnail linking to another page, or an icon a few pixels wide.

Each becomes `![alt](<src> "caption")`, which `reader.document` reads as an image block whose
text is the caption (else the alt text). A caption the article already has as a paragraph is
not repeated; one the cleaner had listed as a removed block leaves that list.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from lxml.html import HtmlElement

from reader.clean.page_text import PageText, Run
from reader.cleaned import CleanBlock
from reader.links import resolve
from reader.markdown_escape import escape_markdown, link_destination, link_title
from reader.sanitize import clean_text

_WORD = re.compile(r"\w+")
_CHROME = frozenset({"nav", "aside", "footer", "form", "button", "noscript", "select"})
# A lazily loaded image keeps its picture in a data- attribute and a placeholder in src.
_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-url", "src")
_IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:[?#]|$)", re.IGNORECASE)
_ICON_PIXELS = 48
"""An image declared narrower or shorter than this is an icon, a spacer or a tracking pixel."""
_LOOK_AHEAD = 64
"""How many article blocks a long run of the page's text is looked for in, past the last."""


class _Image(NamedTuple):
    src: str
    alt: str
    caption: str


def add_images(blocks: list[CleanBlock], page: PageText | None) -> list[CleanBlock]:
    """The blocks with the article's images among them, each before the block it precedes."""
    if page is None or not blocks:
        return blocks
    items = page.items
    if not any(isinstance(item, HtmlElement) for item in items):
        return blocks
    keys = [_key(block.markdown) for block in blocks]
    anchors = [i for i, block in enumerate(blocks) if block.kept or block.reason == "title"]
    placed = _place_runs(items, keys, anchors)
    base = page.base
    before: dict[int, list[_Image]] = {}
    shown: set[str] = set()
    previous: int | None = None
    for index, item in enumerate(items):
        if isinstance(item, Run):
            previous = placed.get(index, previous)
            continue
        following = next((placed[i] for i in range(index + 1, len(items)) if i in placed), None)
        if previous is None or following is None:
            continue
        image = _image(item, base)
        if image is None or (image.src and image.src in shown):
            continue
        shown.add(image.src)
        before.setdefault(following, []).append(image)
    if not before:
        return blocks
    captions = {_key(image.caption) for images in before.values() for image in images}
    out: list[CleanBlock] = []
    for index, block in enumerate(blocks):
        for image in before.get(index, ()):
            out.append(CleanBlock(_markdown(image, keys, index)))
        if not block.kept and block.reason != "title" and keys[index] in captions:
            continue  # the caption, listed as removed text: it is the image's now
        out.append(block)
    return out


def _key(text: str) -> str:
    return " ".join(word.casefold() for word in _WORD.findall(text))


def _place_runs(
    items: list[Run | HtmlElement], keys: list[str], anchors: list[int]
) -> dict[int, int]:
    """Which article block (an index into the blocks) each run of the page's text is in, for
    the runs found there; in page order, as `html._with_removed` places them."""
    exact: dict[str, list[int]] = {}
    for position, block in enumerate(anchors):
        exact.setdefault(keys[block], []).append(position)
    placed: dict[int, int] = {}
    position = 0
    for index, item in enumerate(items):
        if not isinstance(item, Run):
            continue
        key = _key(item.text)
        if not key:
            continue
        found = next((p for p in exact.get(key, ()) if p >= position), None)
        if found is None and key.count(" ") >= 4:
            # a long run inside a block: a list item of a list, a line of a paragraph
            window = anchors[position : position + _LOOK_AHEAD]
            found = next((position + i for i, b in enumerate(window) if key in keys[b]), None)
        if found is not None:
            position = found
            placed[index] = anchors[found]
    return placed


def _image(element: HtmlElement, base: str) -> _Image | None:
    if any(ancestor.tag in _CHROME for ancestor in element.iterancestors()):
        return None
    if _declared_size(element, "width") < _ICON_PIXELS:
        return None
    if _declared_size(element, "height") < _ICON_PIXELS:
        return None
    figure = next(element.iterancestors("figure"), None)
    caption = ""
    if figure is not None and next(figure.iter("img"), None) is element:
        found = next(figure.iter("figcaption"), None)
        if found is not None:
            caption = _one_line(found.text_content())
    link = next(element.iterancestors("a"), None)
    if link is not None and not caption and not _IMAGE_FILE.search(link.get("href") or ""):
        return None  # a thumbnail of another page
    alt = _one_line(element.get("alt") or element.get("title") or "")
    if not alt and not caption:
        return None
    return _Image(resolve(_source(element), base), alt, caption)


def _declared_size(element: HtmlElement, name: str) -> int:
    value = (element.get(name) or "").strip().removesuffix("px")
    return int(value) if value.isdigit() else _ICON_PIXELS


def _source(element: HtmlElement) -> str:
    for name in _SOURCES:
        value = "".join((element.get(name) or "").split())
        if value and not value.lower().startswith("data:"):
            return value
    srcset = element.get("srcset") or element.get("data-srcset") or ""
    first = srcset.split(",")[0].split()
    return first[0] if first and not first[0].lower().startswith("data:") else ""


def _one_line(text: str) -> str:
    return " ".join(clean_text(text).split())


def _markdown(image: _Image, keys: list[str], index: int) -> str:
    caption = image.caption
    # A caption the article has as a paragraph beside the image is not said twice.
    near = keys[max(0, index - 1) : index + 1]
    if caption and _key(caption) in near:
        caption = ""
    title = f" {link_title(caption)}" if caption else ""
    alt = escape_markdown(image.alt).replace("\n", " ")
    return f"![{alt}]({link_destination(image.src)}{title})"
