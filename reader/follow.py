"""Following a link or opening an image: what the reader does with a target, decided before
anything is fetched, opened or handed to a browser.

A link in the same article jumps there; a web page, or a file from an article that is a file,
opens in the reader; anything else is refused with a one-line reason. The system browser
gets only web addresses and files, never `javascript:`, `data:` and the like.
"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from reader.cleaned import Cleaned
from reader.document import Document, Image
from reader.errors import ReaderError
from reader.limits import DEFAULT_LIMITS, Limits
from reader.links import LinkKind, LinkTarget, classify, shown
from reader.load import Source, SourceKind, is_url, load_path
from reader.target import load_target

if TYPE_CHECKING:
    from reader.fetch import Progress

MESSAGE_WIDTH = 60
"""How much of a target a message shows."""


class Action(StrEnum):
    JUMP = "jump"
    """A place in this article: `offset`."""
    OPEN = "open"
    """Another page: `target` (a URL or a file's path); `fragment` the place in it."""
    REFUSE = "refuse"
    """Not followed: `message` says why."""


class Step(NamedTuple):
    action: Action
    target: str = ""
    offset: int = -1
    fragment: str = ""
    message: str = ""


def follow(href: str, document: Document, article: str) -> Step:
    """What following `href` (a link of `document`, the article at `article`) does."""
    target = classify(href, article)
    if target.kind is LinkKind.IN_PAGE:
        offset = document.anchor(target.fragment)
        if offset is None:
            return _refuse(f"#{target.fragment} is not in this article")
        return Step(Action.JUMP, offset=offset, fragment=target.fragment)
    return _open(href, target)


def outside(href: str, article: str) -> Step:
    """What opening `href` in the system browser does: OPEN's `target` is the URL to give it."""
    target = classify(href, article)
    if target.kind is LinkKind.IN_PAGE:
        if classify(article, article).kind is LinkKind.WEB:
            return Step(Action.OPEN, article.split("#", 1)[0])
        return _refuse("a place in this article: follow it here instead")
    step = _open(href, target)
    if step.action is Action.OPEN and target.kind is LinkKind.FILE:
        return step._replace(target=Path(step.target).as_uri())
    return step


def open_image(image: Image, article: str) -> Step:
    """What opening an image (in the system viewer or browser) does."""
    if not image.src:
        return _refuse("the page gives no address for this image")
    step = outside(image.src, article)
    if step.action is Action.REFUSE or image.src.startswith("#"):
        return _refuse(f"{_said(image.src)}: not an image the reader opens")
    return step


def status(href: str, article: str, width: int) -> str:
    """The line that says where a link under the cursor leads, within `width` cells."""
    target = classify(href, article)
    if target.kind is LinkKind.IN_PAGE:
        return _fit(f"→ #{target.fragment} (in this article)", width)
    if target.kind is LinkKind.REFUSED:
        note = " (not followed)"
        return "⊘ " + shown(href, max(1, width - 2 - len(note))) + note
    return "→ " + shown(href, max(1, width - 2))


def _open(href: str, target: LinkTarget) -> Step:
    if target.kind is LinkKind.REFUSED:
        return _refuse(f"{_said(href)}: {target.reason}")
    if target.kind is LinkKind.FILE:
        path = Path(target.url)
        if not path.is_file():  # a folder, a device, a pipe, or nothing: never opened
            what = "not a file" if path.exists() else "no such file"
            return _refuse(f"{_said(str(path))}: {what}")
        return Step(Action.OPEN, str(path), fragment=target.fragment)
    return Step(Action.OPEN, target.url.split("#", 1)[0], fragment=target.fragment)


def _refuse(message: str) -> Step:
    return Step(Action.REFUSE, message=message)


def _said(target: str) -> str:
    return shown(target, MESSAGE_WIDTH)


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: max(0, width - 1)] + "…"


def load(step: Step, limits: Limits = DEFAULT_LIMITS) -> tuple[Source, Cleaned]:
    """Fetch or read the page an OPEN step names, and clean it: the run's limits on size and
    time, today's on redirects and content types; a ReaderError in one line if it is no
    article."""
    source = read_page(step, limits)
    return source, clean_page(source)


def read_page(
    step: Step, limits: Limits = DEFAULT_LIMITS, progress: Progress | None = None
) -> Source:
    """Fetch (or read) the page an OPEN step names; `progress` hears how far a download is."""
    target = step.target
    if is_url(target):
        return load_target(target, *limits, progress=progress)
    return load_path(Path(target), limits.max_bytes)


def clean_page(source: Source) -> Cleaned:
    """A page read by `read_page`, cleaned (a ReaderError in one line if it is no article)."""
    from reader.clean import clean  # not at import: the UI process may never clean

    cleaned = clean(source)
    if not any(block.kept for block in cleaned.blocks):
        raise ReaderError(f"{shown(source.origin, MESSAGE_WIDTH)}: no article text found")
    return cleaned


def landing(source: Source, document: Document, fragment: str) -> int | None:
    """Where in a page just opened its link's `#fragment` leads (None: its start)."""
    if not fragment:
        return None
    found = document.anchor(fragment)
    if found is None and source.kind is SourceKind.HTML:
        from reader.clean.html_links import anchor_words

        words = anchor_words(source.text, fragment)
        found = document.anchor(words) if words else None
    return found


def open_in_browser(url: str) -> None:
    """Hand a web address or a file's URI (from an OPEN step of `outside` or `open_image`) to
    the system's browser or viewer: `$BROWSER` if set, else the desktop's choice. A terminal
    browser runs in this terminal: the UI suspends itself around this call."""
    import webbrowser

    if classify(url, "/").kind not in (LinkKind.WEB, LinkKind.FILE):
        raise ReaderError(f"{_said(url)}: not given to a browser")
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error as error:
        raise ReaderError(f"no browser: {error}") from None
    if not opened:
        raise ReaderError(f"{_said(url)}: no browser could open it (set $BROWSER)")
