"""In a real terminal: `reader URL` shows how far the download is and Esc ends it with one
line; `q` quits at once while a followed link's server has not answered (#12 item 10, #16)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.site import Site, serve
from tests.ui.test_download_screen import PAGE
from tests.ui.test_pty_burst import Terminal


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Site]:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "timetable.html").write_text(PAGE, encoding="utf-8")
    with serve(folder) as running:
        yield running


def _env(store: Path) -> dict[str, str]:
    return {**os.environ, "READER_STORE": str(store), "TERM": "xterm-256color"}


def test_reader_url_shows_the_download_and_esc_ends_it_in_one_line(site: Site, temp_store: Path):
    url = f"{site.url}/trickle/timetable.html"
    reader = Terminal(["-m", "reader", url], _env(temp_store))
    try:
        reader.wait_for(lambda: "kB of" in reader.shown, "the progress line")
        assert f"Opening {url}" in reader.shown
        reader.write(b"\x1b")
    finally:
        status = reader.close()  # fails if the reader does not end (a hang detector)
    assert os.waitstatus_to_exitcode(status) == 130
    said = reader.shown.rsplit("reader: ", 1)[-1].strip()
    assert said == f"{url}: cancelled"


def test_q_quits_at_once_while_a_followed_page_has_not_answered(
    site: Site, tmp_path: Path, temp_store: Path
):
    article = tmp_path / "slow.md"
    article.write_text(f"# Slow\n\nThis [page is slow]({site.url}/slow/timetable.html).\n")
    reader = Terminal(["-m", "reader", str(article)], _env(temp_store))
    try:
        reader.wait_for(lambda: "This page is slow" in reader.shown, "the article")
        # "/" alone first: on main, "/page" in one write reaches the bindings before the
        # prompt opens (a known problem of the search prompt, not of links).
        reader.shown = ""
        reader.write(b"/")
        reader.wait_for(lambda: reader.shown.rstrip().endswith("/"), "the prompt")
        reader.write(b"page")
        reader.wait_for(lambda: "1/1" in reader.shown, "the link found")
        reader.shown = ""
        reader.write(b"\r")  # the search kept: the footer says where the link leads
        reader.wait_for(lambda: "→ http" in reader.shown, "the link's target")
        reader.write(b"\r")
        reader.wait_for(lambda: "/slow/timetable.html" in site.requests, "the request")
        reader.wait_for(lambda: "Esc cancels" in reader.shown, "the progress line")
        reader.write(b"q")
    finally:
        status = reader.close()
    assert os.waitstatus_to_exitcode(status) == 0
    assert not site.release.is_set()  # the page never came: quitting did not wait for it
