"""A large article shows its head at once and the whole when cleaning finishes."""

from __future__ import annotations

import os
import select
import time

import pytest

from reader import loader as loaders
from reader.article import LARGE_SOURCE, build_document, open_source
from reader.cli import main
from reader.errors import ReaderError
from store.library import Library
from tests.ui.helpers import screen_text, view_of, wait_until, whole_screen_text
from widgets.app import ReaderApp
from widgets.line_layout import layout_document, wrap
from widgets.reading_screen import ReadingScreen


async def until_loaded(app, pilot) -> None:
    await wait_until(pilot, lambda: not app.article.loading, "the whole article")


def big_article(tmp_path):
    chapters = []
    for number in range(1, 41):
        paragraphs = "\n\n".join(
            f"Chapter {number} paragraph {n} tells its part of the story in plain words, "
            "long enough to wrap over a few lines of the reading column, and then some more."
            for n in range(1, 41)
        )
        chapters.append(f"## Chapter {number}\n\n{paragraphs}")
    path = tmp_path / "book.md"
    path.write_text("# The Long Book\n\n" + "\n\n".join(chapters), encoding="utf-8")
    return path


async def test_head_first_then_whole_with_annotations(tmp_path, temp_store):
    path = big_article(tmp_path)
    loader = loaders.LocalLoader(path)
    assert isinstance(loader.first(), loaders.Head)
    assert len(path.read_text()) > LARGE_SOURCE
    app = ReaderApp(Library(temp_store), loader)
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Chapter 1 paragraph 1" in screen_text(view_of(app))
        await until_loaded(app, pilot)
        assert "Chapter 40 paragraph 40" in app.article.document.text
        await pilot.press("G")
        assert "Chapter 40 paragraph 40" in screen_text(view_of(app))
        await pilot.press("h")
        article_id = app.article.record.id
        assert len(app.library.annotations(article_id)) == 1
        assert isinstance(app.screen, ReadingScreen)
        assert app.library.article(article_id).text.startswith("## Chapter 1")


async def test_loaded_in_a_child_process_head_first_then_whole(tmp_path, temp_store):
    path = big_article(tmp_path)
    loading = loaders.open_loader(str(path))
    assert isinstance(loading, loaders.ChildLoader)  # fork exists on the machines this runs on
    try:
        opened = loading.first()
        assert isinstance(opened, loaders.Head)  # large: the head comes first
        assert len(opened.source.text) < LARGE_SOURCE
        app = ReaderApp(Library(temp_store), loading)
        async with app.run_test(size=(100, 30)) as pilot:
            assert "loading…" in whole_screen_text(app).splitlines()[0]
            assert "Chapter 1 paragraph 1" in screen_text(view_of(app))
            await until_loaded(app, pilot)
            assert "loading…" not in whole_screen_text(app).splitlines()[0]
            await pilot.press("G")
            assert "Chapter 40 paragraph 40" in screen_text(view_of(app))
            # The same article as cleaned in this process.
            assert app.article.document.text == build_document(open_source(path)[1]).text
    finally:
        loading.cancel()


def test_the_child_cleans_the_whole_only_when_asked(tmp_path):
    # Cleaning 3 MB beside the UI's start slowed its first frame: the whole waits for rest().
    loading = loaders.open_loader(str(big_article(tmp_path)))
    assert isinstance(loading, loaders.ChildLoader)
    try:
        loading.first()
        time.sleep(0.5)  # time enough to clean the 700 KB test article, had it started
        assert not select.select([loading._pipe], [], [], 0)[0]  # nothing more was sent
        source, _, document = loading.rest()
        assert "Chapter 40 paragraph 40" in source.text
        assert document is not None
    finally:
        loading.cancel()


def test_a_small_article_comes_whole_from_the_child(tmp_path):
    path = tmp_path / "short.md"
    path.write_text("# Short\n\nOne paragraph.", encoding="utf-8")
    loading = loaders.open_loader(str(path))
    opened = loading.first()
    assert isinstance(opened, loaders.Whole)
    assert build_document(opened.cleaned).text.endswith("One paragraph.")


def test_bad_input_in_the_child_is_one_line_and_status_2(tmp_path, capsys):
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    assert main([str(tmp_path / "image.png")]) == 2
    assert main([str(tmp_path / "missing.txt")]) == 2
    lines = capsys.readouterr().err.splitlines()
    assert len(lines) == 2
    assert "PNG" in lines[0] and "no such file" in lines[1]


def test_a_child_that_dies_is_an_error_not_a_hang(tmp_path, monkeypatch):
    def head_then_crash(path, max_bytes):
        yield loaders.Head(*open_source(path))
        os._exit(1)  # as if killed while cleaning the whole

    monkeypatch.setattr(loaders, "_messages", head_then_crash)  # the forked child runs it
    loading = loaders.open_loader(str(big_article(tmp_path)))
    loading.first()
    with pytest.raises(ReaderError, match="loading the article failed"):
        loading.rest()


def test_a_large_file_in_a_legacy_encoding_is_decoded_as_a_whole(tmp_path):
    paragraph = "Café crème à la française, déjà vu — naïve façade. " * 4
    path = tmp_path / "old.txt"
    path.write_bytes(("\n\n".join([paragraph] * 1200)).encode("cp1252"))
    loading = loaders.open_loader(str(path))
    try:
        opened = loading.first()
        assert isinstance(opened, loaders.Head)
        assert "\ufffd" not in opened.source.text  # not read as broken UTF-8
        source = loading.rest().source
        # The head was decoded as the whole file is: the same characters.
        assert source.text.startswith(opened.source.text)
    finally:
        loading.cancel()


async def test_a_wrap_made_for_another_width_is_not_used(tmp_path, temp_store):
    path = tmp_path / "short.md"
    path.write_text("# T\n\n" + "word " * 400, encoding="utf-8")
    _, cleaned = open_source(path)
    app = ReaderApp(Library(temp_store), loaders.LocalLoader(path))
    async with app.run_test(size=(100, 30)):
        view = view_of(app)
        width, removed = view.wrap_settings()
        document = build_document(cleaned)
        view.set_document(document, wrap(document, width - 30, removed))  # stale: ignored
        assert len(view.layout_lines) == len(layout_document(document, width).lines)
        ahead = wrap(document, width, removed)
        view.set_document(document, ahead)
        assert view.layout_cache is ahead.layout  # fits: used as made


def test_a_large_file_that_starts_with_blank_lines_still_opens(tmp_path):
    path = tmp_path / "late.txt"
    path.write_text("\n" * 70_000 + "\n\n".join(["A real paragraph at last."] * 9_000))
    loading = loaders.open_loader(str(path))
    try:
        opened = loading.first()  # not "the file holds only whitespace"
        assert isinstance(opened, loaders.Head)
        assert "A real paragraph at last." in loading.rest().source.text
    finally:
        loading.cancel()
