"""Building the app the way `reader FILE` does, for Pilot tests."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from textual.app import App

from reader.article import open_source
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


def make_app(path: Path, store: Path, width: int = 80) -> ReaderApp:
    source, cleaned = open_source(path)
    return ReaderApp(source, cleaned, Library(store), column_width=width)


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


def whole_screen_text(app: App[object]) -> str:
    """Everything the terminal shows right now, row by row, as plain text."""
    return "\n".join(strip.text.rstrip() for strip in app.screen._compositor.render_strips())


def rendered_text(renderable: object, width: int = 120) -> str:
    """Plain text of a Rich renderable, as a terminal would show it."""
    console = Console(width=width, color_system=None)
    with console.capture() as capture:
        console.print(renderable)
    return capture.get()


def top_line_text(view: DocumentView) -> str:
    return view.render_line(0).text.strip()
