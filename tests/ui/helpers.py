"""Building the app the way `reader FILE` does, for Pilot tests."""

from __future__ import annotations

import asyncio
import html
import re
from collections.abc import Callable
from pathlib import Path

from rich.cells import cell_len
from rich.console import Console
from textual.app import App
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList

from reader.loader import LocalLoader
from store.library import Library
from widgets.app import ReaderApp
from widgets.document_view import DocumentView

LONG_MARKDOWN = "# A Long Read\n\n" + "\n\n".join(
    f"## Part {part}\n\n"
    + "\n\n".join(
        f"Paragraph {part}.{n} says something worth reading about topic {part}, "
        "with enough words to wrap across more than one line of the reading column. "
        "It goes on a little longer so that pages fill up."
        for n in range(1, 7)
    )
    for part in range(1, 6)
)


def make_app(path: Path, store: Path, width: int | None = 80) -> ReaderApp:
    """The app `reader FILE` starts (`width` as --width; None: as the settings say)."""
    return ReaderApp(Library(store), LocalLoader(path), column_width=width)


def write_article(tmp_path: Path, text: str, name: str = "article.md") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def view_of(app: ReaderApp) -> DocumentView:
    return app.screen.query_one(DocumentView)


def screen_text(view: DocumentView) -> str:
    """What the view shows right now, row by row, as plain text."""
    height = view.scrollable_content_region.height
    return "\n".join(view.render_line(y).text.rstrip() for y in range(height))


# One run of text in Textual's SVG screenshot: its x, its width and its row.
_SVG_TEXT = re.compile(
    r'<text [^>]*?x="([0-9.]+)" [^>]*?textLength="([0-9.]+)" '
    r'clip-path="url\(#[^)]*-line-([0-9]+)\)">([^<]*)</text>'
)


def whole_screen_text(app: App[object]) -> str:
    """Everything the terminal shows right now, row by row, as plain text.

    Read from `export_screenshot`, the public way to see the whole screen (toasts and modals
    included): each run of text in it has its column as x and its row as its clip line.
    """
    rows = [""] * app.size.height
    runs = _SVG_TEXT.findall(app.export_screenshot())
    assert runs, "the screenshot has no text: its format changed?"
    for x, length, row, escaped in runs:
        text = html.unescape(escaped).replace("\xa0", " ")
        column = round(float(x) / (float(length) / len(text)))  # cells before this run
        line = rows[int(row)]
        rows[int(row)] = line + " " * (column - cell_len(line)) + text
    return "\n".join(row.rstrip() for row in rows)


def record_notices(app: App[object]) -> list[str]:
    """The messages the app shows with `notify` from now on, in order."""
    shown: list[str] = []
    notify = app.notify

    def recording(message: str, *args: object, **kwargs: object) -> None:
        shown.append(message)
        notify(message, *args, **kwargs)  # type: ignore[arg-type]

    app.notify = recording  # type: ignore[method-assign]
    return shown


def palette_choice(app: App[object]) -> str:
    """The title of the command the open command palette runs on Enter ("" if none yet)."""
    if not isinstance(app.screen, CommandPalette):
        return ""
    options = app.screen.query_one(OptionList)
    if options.highlighted is None:
        return ""
    prompt = str(options.get_option_at_index(options.highlighted).prompt)
    return prompt.split("\n", 1)[0]  # the title, without the help line under it


async def wait_until(
    pilot: Pilot[object], condition: Callable[[], object], what: str = "", timeout: float = 30.0
) -> None:
    """Let the app run until `condition()` holds (`what` says what it waits for); fail after
    `timeout` seconds.

    The cap is generous on purpose: it is a hang detector, never a speed assertion.
    """
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"still not true after {timeout} s: {what}")
        await asyncio.sleep(0.01)  # a worker thread or child process may need the CPU
        await pilot.pause()


def rendered_text(renderable: object, width: int = 120) -> str:
    """Plain text of a Rich renderable, as a terminal would show it."""
    console = Console(width=width, color_system=None)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def top_line_text(view: DocumentView) -> str:
    return view.render_line(0).text.strip()
