"""Link targets: resolved against the article's place, judged before anything follows them.

A link's target is untrusted text from the page. Only three kinds are ever followed: a place in
the same article (`#fragment`), a web page (`http`, `https`) and, when the article is itself a
local file, another local file. Every other scheme (`javascript:`, `data:`, `mailto:`...) is
shown to the reader but never followed, fetched or handed to a browser.
"""

from __future__ import annotations

import os.path
import re
import unicodedata
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urljoin, urlsplit, urlunsplit
from urllib.request import url2pathname

from reader.sanitize import strip_control, strip_credentials

_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_WEB = ("http", "https")


class LinkKind(StrEnum):
    IN_PAGE = "in-page"
    """A place in the same article: `url` is the fragment, without its `#`."""
    WEB = "web"
    FILE = "file"
    """A local file: `url` is its absolute path."""
    REFUSED = "refused"
    """Never followed: `reason` says why."""


class LinkTarget(NamedTuple):
    kind: LinkKind
    url: str
    """The web URL, the file's path, or the fragment of an in-page link."""
    fragment: str = ""
    """The place in the target page (without `#`), if the link names one."""
    reason: str = ""


def scheme_of(href: str) -> str:
    """The link's scheme, lower case ("" for a relative link)."""
    match = _SCHEME.match(href.strip())
    # "C:\\x" is a Windows path, not a scheme called "c".
    return match.group(1).lower() if match and len(match.group(1)) > 1 else ""


def resolve(href: str, base: str) -> str:
    """`href` made absolute against `base`: the page's URL, or the path of the article's file
    (then a relative link names a file beside it, as a `file:` URI). A fragment alone, a link
    with a scheme, or any link without a base is returned as written."""
    href = href.strip()
    if not href or href.startswith("#") or scheme_of(href) or not base:
        return href
    if scheme_of(base) in _WEB:
        return urljoin(base, href)
    if href.startswith("//"):  # a host with no scheme: the web's, not a file's
        return "https:" + href
    if not Path(base).is_absolute():  # "-", or a name with no folder: nothing to resolve by
        return href
    parts = urlsplit(href)
    folder = Path(base).parent
    path = Path(url2pathname(parts.path)) if parts.path else Path(base)
    target = (folder / path) if not path.is_absolute() else path
    uri = Path(_normalise(target)).as_uri()
    return urlunsplit(("file", "", urlsplit(uri).path, parts.query, parts.fragment))


def _normalise(path: Path) -> str:
    # `..` is resolved as text, without asking the file system (the target may not exist).
    return os.path.normpath(str(path))


def same_page(url: str, page: str) -> bool:
    """Whether `url` points into `page` itself (only a fragment differs)."""
    if not page or "#" not in url:
        return False
    return url.split("#", 1)[0] == page.split("#", 1)[0]


def classify(href: str, article: str) -> LinkTarget:
    """Where following `href` (already resolved) from the article at `article` would lead.

    `article` is the article's URL or its file's absolute path ("" or "-" when it has
    neither: then file links are refused, as for a web article).
    """
    href = href.strip()
    if href.startswith("#"):
        return LinkTarget(LinkKind.IN_PAGE, "", unquote(href[1:]))
    if same_page(href, article):
        return LinkTarget(LinkKind.IN_PAGE, "", unquote(href.split("#", 1)[1]))
    scheme = scheme_of(href)
    if scheme in _WEB:
        parts = urlsplit(href)
        if not parts.hostname:
            return _refused(href, "not a valid web address")
        return LinkTarget(LinkKind.WEB, href, unquote(parts.fragment))
    if scheme == "file":
        return _file_target(href, article)
    if not scheme:
        return _refused(href, "a relative link with nothing to resolve it against")
    return _refused(href, f"{scheme}: links are never followed")


def _file_target(href: str, article: str) -> LinkTarget:
    if not article or article == "-" or scheme_of(article):
        return _refused(href, "a file link is followed only from an article that is a file")
    parts = urlsplit(href)
    if parts.netloc not in ("", "localhost"):
        return _refused(href, "a file on another machine")
    path = url2pathname(unquote(parts.path))
    if not path or not Path(path).is_absolute():
        return _refused(href, "not a valid file link")
    return LinkTarget(LinkKind.FILE, path, unquote(parts.fragment))


def _refused(href: str, reason: str) -> LinkTarget:
    return LinkTarget(LinkKind.REFUSED, href, "", reason)


def shown(url: str, width: int = 0) -> str:
    """A link target as the reader may see it: one line, no controls, no password, shortened
    to `width` cells (0: whole) by cutting its middle."""
    text = strip_credentials(" ".join(strip_control(url).split()))
    if width <= 0 or len(text) <= width:
        return text
    if width <= 1:
        return "…"[:width]
    keep = width - 1
    # The site and the page's own name say most: keep the host whole if it leaves room.
    host = _HOST.match(text)
    head = host.end() + 1 if host and host.end() + 1 <= keep * 2 // 3 else (keep + 1) // 2
    return text[:head] + "…" + text[len(text) - (keep - head) :]


_HOST = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*")
_SLUG_DROP = re.compile(r"[^\w\- ]")


def slug(text: str, words: int = 0) -> str:
    """A place's name as a fragment, the way GitHub names headings ("What next?" ->
    "what-next"); `words` keeps only the first so many words."""
    text = unicodedata.normalize("NFC", strip_control(text)).casefold()
    parts = _SLUG_DROP.sub("", text).split()
    return "-".join(parts[:words] if words else parts)
