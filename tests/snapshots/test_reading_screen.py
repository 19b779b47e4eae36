"""What the reading screen looks like, at 100x30: compared with the SVGs in __snapshots__."""

from __future__ import annotations

from tests.conftest import SAMPLES, SEED
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


def test_markdown_sample_reading_screen(snap_compare, temp_store):
    app = make_app(SAMPLES / "notes-in-the-margin.md", temp_store)
    assert snap_compare(app, terminal_size=(100, 30))


def test_annotation_panel_and_note_marker(snap_compare, temp_store):
    app = make_app(SEED, temp_store)
    keys = ["h", ")", "v", "w", "w", "3", "a", *"A note", "ctrl+s", "H", "escape"]

    async def annotate(pilot):
        await pilot.press(*keys)
        await pilot.pause()
        pilot.app.clear_notifications()  # each key's line goes after 3 s: not in the picture

    assert snap_compare(app, terminal_size=(120, 34), run_before=annotate)


def test_note_editor(snap_compare, temp_store):
    app = make_app(SEED, temp_store)
    assert snap_compare(app, terminal_size=(100, 30), press=["a", *"Why now?"])


def test_removed_blocks_shown_with_reasons(snap_compare, temp_store):
    app = make_app(SEED, temp_store)
    assert snap_compare(app, terminal_size=(100, 30), press=["R", "left_curly_bracket"])


def test_note_editor_at_80x24(snap_compare, temp_store):
    # The seed's first sentence is long: the quote is cut to two lines, the rest fits.
    app = make_app(SEED, temp_store)
    assert snap_compare(app, terminal_size=(80, 24), press=["a", *"Why now?", "tab", *"syria"])
