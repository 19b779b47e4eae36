"""Keys pressed while a large article is still loading keep their meaning once it is whole.

The article is the benchmarks' generated book, loaded by the real child process; the test
holds the whole back until its keys are in, so they are certainly pressed on the head alone.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from pathlib import Path
from types import ModuleType

import pytest
from textual.pilot import Pilot

from reader.loader import Head, Loader, Part, Whole, open_loader
from store.library import Library
from tests.ui.helpers import screen_text, view_of, wait_until, whole_screen_text
from widgets.app import ReaderApp

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "make_book.py"
SIZE = (100, 30)


def make_book() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_book", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_book", module)
    spec.loader.exec_module(module)
    return module


class HeldBack:
    """A loader whose whole arrives only when the test lets it (`release`)."""

    def __init__(self, loader: Loader) -> None:
        self.loader = loader
        self.gate = threading.Event()

    def first(self) -> Part:
        return self.loader.first()

    def rest(self) -> Whole:
        self.gate.wait(120)
        return self.loader.rest()

    def cancel(self) -> None:
        self.gate.set()
        self.loader.cancel()

    def release(self) -> None:
        self.gate.set()


@pytest.fixture
def book(tmp_path: Path) -> tuple[Path, int]:
    """A generated book of some 600 KB (head first, then whole), and its number of chapters."""
    module = make_book()
    _, markdown = module.write_book(tmp_path, size=600_000, seed=5)
    chapters = len(module.chapters(600_000, seed=5))
    return markdown, chapters


def opened(book: Path, store: Path) -> tuple[ReaderApp, HeldBack]:
    loader = HeldBack(open_loader(str(book)))
    assert isinstance(loader.first(), Head)  # large: the head comes first
    return ReaderApp(Library(store), loader), loader


async def until_whole(app: ReaderApp, pilot: Pilot[int]) -> None:
    await wait_until(pilot, lambda: app.article is not None and not app.article.loading, "whole")
    await pilot.pause()


async def test_end_and_a_search_typed_before_the_whole_arrives(book, temp_store):
    path, chapters = book
    app, loader = opened(path, temp_store)
    query = f"Chapter {chapters}:"  # the last chapter's heading, and nowhere else
    async with app.run_test(size=SIZE) as pilot:
        assert app.article.loading
        await pilot.press("end")
        await pilot.press("slash", *query)
        # Every letter reached the prompt, though the head has no match.
        assert f"/{query}" in whole_screen_text(app).splitlines()[-1]
        await pilot.press("enter")
        assert app.article.loading  # all of it pressed on the head alone
        loader.release()
        await until_whole(app, pilot)
        view = view_of(app)
        document = app.article.document
        last = document.sections[-1]
        assert last.title.startswith(f"Chapter {chapters}:")
        # The search ran over the whole text: its match is the last chapter's heading.
        assert view.matches and view.current_match is not None
        start, _ = view.matches[view.current_match]
        assert document.section_at(start) == len(document.sections) - 1
        assert view.cursor == start
        assert f"Chapter {chapters}:" in screen_text(view)


async def test_end_before_the_whole_arrives_lands_at_the_true_end(book, temp_store):
    path, _ = book
    app, loader = opened(path, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("end")
        head_end = view_of(app).cursor
        loader.release()
        await until_whole(app, pilot)
        view = view_of(app)
        text = app.article.document.text
        assert view.cursor > head_end
        assert text[view.cursor :].strip() == text.split()[-1]  # on the last word
        assert view.progress == 1.0
        assert text.rstrip().rsplit("\n", 1)[-1][-30:] in " ".join(screen_text(view).split())


async def test_next_section_before_the_whole_arrives_reaches_later_sections(book, temp_store):
    path, _ = book
    app, loader = opened(path, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        head_sections = len(app.article.document.sections)
        await pilot.press(*["right_square_bracket"] * (head_sections + 2))
        loader.release()
        await until_whole(app, pilot)
        document = app.article.document
        section = document.section_at(view_of(app).cursor)
        assert section is not None and section >= head_sections


async def test_a_highlight_made_on_the_head_keeps_its_place(book, temp_store):
    path, _ = book
    app, loader = opened(path, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("down", "down", "down", "h")
        [made] = app.library.annotations(app.article.record.id)  # saved at once
        quote = made.exact
        loader.release()
        await until_whole(app, pilot)
        [placed] = app.article.annotations.attached()
        text = app.article.document.text
        assert text[placed.start : placed.end] == quote
        assert (placed.start, placed.end) == (made.start, made.end)
        assert [m.start for m in view_of(app).marks] == [placed.start]
