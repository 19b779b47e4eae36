"""What the reading screen looks like, at 100x30: compared with the SVGs in __snapshots__."""

from __future__ import annotations

from tests.conftest import SEED
from tests.ui.helpers import LONG_MARKDOWN, make_app, write_article


def test_seed_reading_screen(snap_compare, temp_store):
    assert snap_compare(make_app(SEED, temp_store), terminal_size=(100, 30))


def test_markdown_reading_screen_after_two_sections(snap_compare, tmp_path, temp_store):
    app = make_app(write_article(tmp_path, LONG_MARKDOWN), temp_store)
    assert snap_compare(app, terminal_size=(100, 30), press=["]", "]"])


def test_search_matches_are_highlighted(snap_compare, tmp_path, temp_store):
    app = make_app(write_article(tmp_path, LONG_MARKDOWN), temp_store)
    assert snap_compare(app, terminal_size=(100, 30), press=["slash", *"topic 2", "enter"])


def test_help_screen(snap_compare, temp_store):
    assert snap_compare(make_app(SEED, temp_store), terminal_size=(100, 40), press=["?"])
