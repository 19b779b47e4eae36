"""An article imported as a placeholder (its page not fetched yet) opens from the library:
its page is fetched then, and its imported highlights are placed in it."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path

import pytest

from reader.cli import main
from store.library import Library
from tests.ui.helpers import wait_until, whole_screen_text
from tests.unit.test_fetch import Handler
from widgets.app import ReaderApp
from widgets.reading_screen import ReadingScreen

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "import"


@pytest.fixture
def page() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/article"
    httpd.shutdown()
    httpd.server_close()


async def test_a_placeholder_is_fetched_when_opened_and_its_highlights_placed(
    page: str, tmp_path: Path, temp_store: Path, capsys: pytest.CaptureFixture[str]
):
    row = json.loads((FIXTURES / "hypothesis_one.json").read_text())
    row["uri"] = row["target"][0]["source"] = page
    row["target"][0]["selector"] = [
        {"type": "TextQuoteSelector", "exact": "Paragraph 5 of the article tells what happened"}
    ]
    export = tmp_path / "one.json"
    export.write_text(json.dumps(row))
    assert main(["import", str(export)]) == 0
    assert "placeholder" in capsys.readouterr().out

    app = ReaderApp(Library(temp_store))
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: "Library" in str(app.screen.query_one("#heading").render()))
        # In a review it shows alone, saying why; Enter there opens it as the library would.
        await pilot.press("r")
        await wait_until(
            pilot,
            lambda: (
                "its article's text is not here yet: Enter opens it"
                in " ".join(whole_screen_text(app).split())
            ),
            "the review of the placeholder's highlight",
        )
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ReadingScreen), "the article")
        screen = app.screen
        assert isinstance(screen, ReadingScreen)
        (placed,) = screen.annotations.placed
        assert not placed.orphaned
        text = screen.document.text
        assert text[placed.start : placed.end] == "Paragraph 5 of the article tells what happened"
    # Its text is kept now: it reopens without the network.
    library = Library(temp_store)
    (listed,) = library.articles()
    record = library.article(listed.id)
    assert record is not None and "Paragraph 5 of the article" in record.text
