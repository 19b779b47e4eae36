"""`E` (and the command palette) export the open article's notes and say where."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.export import keep
from tests.ui.helpers import make_app, palette_choice, record_notices, wait_until, write_article

ARTICLE = """# Export Test

First sentence here. Second sentence follows.

## Later

Another paragraph with more words to read.
"""


@pytest.fixture
def exports(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "exports"
    monkeypatch.setenv("READER_EXPORT_DIR", str(folder))
    return folder


async def test_e_exports_the_article_and_shows_the_path(tmp_path, temp_store, exports):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    notices = record_notices(app)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s", "h")  # highlight the first sentence
        await pilot.press("E")
        await pilot.pause()
        path = exports / "Export Test.md"
        assert path.exists()
        assert any(str(path) in message for message in notices)
        text = path.read_text()
        assert "> First sentence here." in text
        # Words written into the file survive the next E.
        end = f"<!-- reader:end article {app.article.record.id} -->"
        path.write_text(text.replace(end, "my summary\n" + end))
        await pilot.press("E")
        await pilot.pause()
        article_id = app.article.record.id
        assert keep.find_blocks(path.read_text()).get("article", article_id) == "my summary\n"


async def test_export_is_in_the_command_palette(tmp_path, temp_store, exports):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Export notes")
        await wait_until(pilot, lambda: palette_choice(app) == "Export notes to Markdown", "a pick")
        await pilot.press("enter")
        await wait_until(pilot, (exports / "Export Test.md").exists, "the export")
