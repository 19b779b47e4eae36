"""A large article shows its head at once and the whole when cleaning finishes."""

from __future__ import annotations

from reader.article import LARGE_SOURCE, open_for_reading
from store.library import Library
from tests.ui.helpers import screen_text, view_of
from widgets.app import ReaderApp
from widgets.reading_screen import ReadingScreen


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
    source, cleaned = open_for_reading(path)
    assert cleaned is None and len(source.text) > LARGE_SOURCE
    app = ReaderApp(source, cleaned, Library(temp_store))
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Chapter 1 paragraph 1" in screen_text(view_of(app))
        for _ in range(100):
            if not app.loading:
                break
            await pilot.pause(0.05)
        assert not app.loading
        assert "Chapter 40 paragraph 40" in app.document.text
        await pilot.press("G")
        assert "Chapter 40 paragraph 40" in screen_text(view_of(app))
        await pilot.press("h")
        assert len(app.library.annotations(app.article.id)) == 1
        assert isinstance(app.screen, ReadingScreen)
        assert app.library.article(app.article.id).text.startswith("## Chapter 1")
