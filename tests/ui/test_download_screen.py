"""`reader URL` on a terminal: the page downloads in the UI with a progress line; Esc cancels,
a failure ends the reader with one line (#12 item 10, #16)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from reader.errors import Cancelled
from reader.loader import LocalLoader
from reader.records import article_id_for
from store.library import Library
from tests.site import Site, serve
from tests.ui.helpers import view_of, wait_until
from widgets.app import ReaderApp
from widgets.download_screen import DownloadScreen

SIZE = (100, 30)
PAGE = (
    """<!DOCTYPE html><html><head><title>Night ferry timetable</title></head><body><article>
<h1>Night ferry timetable</h1>
"""
    + "".join(
        f"<p>Crossing {n} left Kestrel Bay at 11.40pm and reached Port Selkie shortly after 3am, "
        "in time for the first trains of the morning.</p>\n"
        for n in range(300)
    )
    + "</article></body></html>\n"
)


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    (tmp_path / "timetable.html").write_text(PAGE, encoding="utf-8")
    with serve(tmp_path) as running:
        yield running


def _app(url: str, store: Path) -> ReaderApp:
    """The app `reader URL` starts on a terminal."""
    return ReaderApp(Library(store), LocalLoader(url), download=url)


def _line(app: ReaderApp) -> str:
    return str(app.screen.query_one("#opening-line", Static).render())


async def test_the_download_shows_how_far_it_is_then_the_article(site, temp_store):
    url = f"{site.url}/trickle/timetable.html"
    app = _app(url, temp_store)
    size_kb = round(len(PAGE.encode()) / 1000)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, DownloadScreen), "the download")
        await wait_until(pilot, lambda: f"kB of {size_kb} kB" in _line(app), "how far it is")
        assert _line(app).startswith(f"Opening {url} … ") and "Esc cancels" in _line(app)
        site.release.set()
        await wait_until(pilot, lambda: app.reading is not None, "the article")
        view = view_of(app)
        await wait_until(pilot, lambda: view.layout_lines, "laid out")
        assert app.article.document.title == "Night ferry timetable"  # type: ignore[union-attr]
        await wait_until(
            pilot, lambda: Library(temp_store).article(article_id_for(url)), "in the library"
        )
        await pilot.press("j", "h")  # a reading screen like any other
        await wait_until(
            pilot, lambda: Library(temp_store).annotations(article_id_for(url)), "a highlight"
        )
    assert app.failure is None


async def test_esc_cancels_the_download_and_ends_the_reader(site, temp_store):
    url = f"{site.url}/slow/timetable.html"
    app = _app(url, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: "/slow/timetable.html" in site.requests, "the request")
        assert "connecting" in _line(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.failure is not None, "the reader ending")
    assert isinstance(app.failure, Cancelled)
    assert str(app.failure) == f"{url}: cancelled"
    assert app.return_code == 130
    assert Library(temp_store).article(article_id_for(url)) is None


@pytest.mark.parametrize(
    ("path", "said"),
    [("/gone.html", "404"), ("/picture.png", "image/png, not an HTML or text page")],
)
async def test_a_failed_download_ends_the_reader_with_one_line(site, temp_store, path, said):
    (site.folder / "picture.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    app = _app(site.url + path, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await wait_until(pilot, lambda: app.failure is not None, "the reader ending")
    assert said in str(app.failure) and "\n" not in str(app.failure)
    assert app.return_code == 2
