"""Highlights and notes, made with the keyboard (and the mouse) as a reader would."""

from __future__ import annotations

from textual import events

from reader.text_units import sentence_spans
from tests.conftest import SEED
from tests.ui.helpers import make_app, screen_text, view_of, wait_until, write_article
from widgets.annotation_panel import AnnotationPanel
from widgets.note_editor import NoteEditor

SIZE = (110, 36)
ARTICLE = """# Notes Test

First sentence here. Second sentence follows. Third sentence is the one. Fourth ends it.

Another paragraph with more words to read and to highlight in colour.

A third paragraph closes the article.
"""


def stored(app):
    return app.library.annotations(app.article.record.id)


def panel_text(app) -> str:
    listing = app.screen.query_one("#panel-list")
    return "\n".join(
        str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)
    )


async def test_seed_third_sentence_note_survives_reopen(temp_store):
    app = make_app(SEED, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("]")  # no sections: stays; the cursor starts on the first word
        body = app.article.document.text
        first_block = app.article.document.blocks[app.article.document.header]
        sentences = sentence_spans(body, first_block.start, len(body))
        while view.cursor < sentences[2][0]:
            await pilot.press(")")
        third = body[sentences[2][0] : sentences[2][1]]
        await pilot.press("h", "a")
        assert isinstance(app.screen, NoteEditor)
        await pilot.press(*"Why now?", "tab", *"syria russia", "ctrl+s")
        assert not isinstance(app.screen, NoteEditor)
        await pilot.press("q")
    records = stored(app)
    assert [(r.exact, r.note, r.tags) for r in records] == [
        (third, "Why now?", ["syria", "russia"])
    ]
    app.library.close()

    again = make_app(SEED, temp_store)
    async with again.run_test(size=SIZE) as pilot:
        view = view_of(again)
        assert [m.color for m in view.marks] == ["yellow"]
        mark = view.marks[0]
        assert again.article.document.text[mark.start : mark.end] == third
        await pilot.press("H")
        listing = panel_text(again)
        assert third[:40] in " ".join(listing.split())
        assert "Why now?" in listing and "#syria #russia" in listing


async def test_selection_with_v_and_motions_then_colour_key(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("v", "w", "w", "3")
        assert [(r.exact, r.color) for r in stored(app)] == [("First sentence here", "blue")]
        assert view.selection() is None
        await pilot.press("w", "v", "w", "w", "b", "h")  # inside a selection b is a word back
        assert [r.exact for r in stored(app)][-1] == "Second sentence"


async def test_s_and_p_select_sentence_and_paragraph(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(")", "s", "h")
        await pilot.press("}", "p", "2")
        exacts = sorted((r.exact, r.color) for r in stored(app))
        assert exacts == [
            ("Another paragraph with more words to read and to highlight in colour.", "green"),
            ("Second sentence follows.", "yellow"),
        ]


async def test_escape_cancels_a_selection(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("v", "w")
        assert view.selection() is not None
        await pilot.press("escape", "h")
        assert [r.exact for r in stored(app)] == ["First sentence here."]


async def test_overlapping_highlights_stay_separate_and_later_is_on_top(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("h")  # the whole first sentence, yellow
        await pilot.press("w", "v", "w", "w", "w", "4")  # "sentence here. Second", pink
        records = stored(app)
        assert len(records) == 2
        assert {r.color for r in records} == {"yellow", "pink"}
        overlap = app.article.document.text.index("here")
        assert view.mark_at(overlap).color == "pink"
        assert view.mark_at(view.document.body_start).color == "yellow"
        await pilot.press("1")  # recolour the highlight under the cursor (the pink one)
        assert sorted(r.color for r in stored(app)) == ["yellow", "yellow"]


async def test_delete_and_undo(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "2")
        assert [r.color for r in stored(app)] == ["green"]
        await pilot.press("x")
        assert stored(app) == []
        await pilot.press("u")
        assert [r.color for r in stored(app)] == ["green"]
        await pilot.press("u")
        assert [r.color for r in stored(app)] == ["yellow"]
        await pilot.press("u")
        assert stored(app) == []


async def test_next_and_previous_highlight(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("h", "}", "h", "}", "h", "g")  # g: the title, above them all
        starts = sorted(r.start for r in stored(app))
        await pilot.press("greater_than_sign")
        assert view.cursor == starts[0]
        await pilot.press("greater_than_sign")
        assert view.cursor == starts[1]
        await pilot.press("greater_than_sign")
        assert view.cursor == starts[2]
        await pilot.press("less_than_sign", "less_than_sign")
        assert view.cursor == starts[0]


async def test_escape_in_editor_keeps_the_saved_note(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"kept", "ctrl+s")
        await pilot.press("a", *" and more", "escape")
        assert [r.note for r in stored(app)] == ["kept"]


async def test_tags_complete_from_tags_already_used(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", "tab", *"geopolitics", "ctrl+s")
        await pilot.press("}", "a", "tab", *"geo", "right", "ctrl+s")
        assert [r.tags for r in sorted(stored(app), key=lambda r: r.start)] == [
            ["geopolitics"],
            ["geopolitics"],
        ]


async def test_panel_filters_by_text_colour_and_tag(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "}", "p", "3", "a", "tab", *"later", "ctrl+s")
        await pilot.press("H")
        panel = app.screen.query_one(AnnotationPanel)
        assert panel.display
        assert "First sentence" in panel_text(app) and "Another paragraph" in panel_text(app)
        await pilot.press(*"blue")
        assert "First sentence" not in panel_text(app)
        assert "Another paragraph" in panel_text(app)
        await pilot.press(*["backspace"] * 4, *"#lat")
        assert "Another paragraph" in panel_text(app) and "First" not in panel_text(app)
        await pilot.press(*["backspace"] * 4, *"first")
        assert "First sentence" in panel_text(app) and "Another" not in panel_text(app)
        await pilot.press("enter")
        assert view_of(app).has_focus
        assert view_of(app).cursor == view_of(app).document.body_start


async def test_panel_enter_jumps_to_a_highlight(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("}", "}", "h", "g", "H", "down", "enter")
        assert view.cursor == app.article.document.text.index("A third paragraph")
        assert view.has_focus


async def test_note_marker_and_markup_in_notes_is_literal(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"[bold]x[/bold] [@click=app.quit]q[/]", "ctrl+s", "H")
        assert app.is_running
        assert "[@click=app.quit]q[/]" in panel_text(app)
        assert "here.✎" in screen_text(view_of(app))


async def test_mouse_drag_selects_text(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        lines = view.layout_lines
        body = view.document.body_start
        row = next(i for i, line in enumerate(lines) if line.block == view.document.header)
        margin = (view.scrollable_content_region.width - view.text_width) // 2
        await pilot.mouse_down(view, offset=(margin + 0, row))
        await pilot.hover(view, offset=(margin + 10, row))
        await pilot.mouse_up(view, offset=(margin + 10, row))
        assert view.selection() == (body, body + len("First sentence"))
        await pilot.press("h")
        assert [r.exact for r in stored(app)] == ["First sentence"]


async def test_colour_meanings_show_in_the_panel_and_the_export(tmp_path, temp_store, monkeypatch):
    monkeypatch.setenv("READER_EXPORT_DIR", str(tmp_path / "exports"))
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("h", "M", *"important", "ctrl+s")
        assert app.library.color_meanings() == {"yellow": "important"}
        await pilot.press("H")
        assert "yellow (important)" in panel_text(app)
        await pilot.press("escape")
        app.action_export()
    exported = next((tmp_path / "exports").glob("*.md")).read_text(encoding="utf-8")
    assert "important" in exported


async def _keys_at_once_then_note(app, pilot, *keys: str) -> None:
    """Keys faster than anyone types (all queued before the app handles the first), the last
    opening the note editor: returns once it is open, with the focus in it."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))
    await wait_until(
        pilot, lambda: isinstance(app.screen, NoteEditor) and app.focused is not None, "the editor"
    )


async def test_h_then_a_at_once_notes_the_highlight_just_made(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await _keys_at_once_then_note(app, pilot, "w", "h", "a")
        assert isinstance(app.screen, NoteEditor)
        assert len(stored(app)) == 1  # the note goes on that highlight, not on a second one
        await pilot.press(*"why", "ctrl+s")
        [note] = stored(app)
        assert note.note == "why" and note.exact.startswith("First sentence")


async def test_selection_h_then_a_at_once_notes_the_selection(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        await _keys_at_once_then_note(app, pilot, "v", "w", "h", "a")
        assert isinstance(app.screen, NoteEditor)
        [highlight] = stored(app)
        assert highlight.exact == "First sentence"


async def test_escape_leaves_the_panel_for_the_text(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("h", "H")
        panel = app.screen.query_one(AnnotationPanel)
        assert panel.display and not view.has_focus
        await pilot.press(*"sec", "escape")
        assert not panel.display
        assert view.has_focus
        await pilot.press("w")  # keys are the text's again
        assert view.cursor == app.article.document.text.index("sentence")


async def test_escape_closes_the_panel_after_filter_move_and_enter(tmp_path, temp_store):
    # The footer says Esc closes the panel: it does after a jump to a highlight too.
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("h", "}", "h", "H")
        panel = app.screen.query_one(AnnotationPanel)
        await wait_until(pilot, lambda: panel.display, "the panel shows")
        await pilot.press(*"para", "down", "enter")
        await wait_until(pilot, lambda: view.has_focus, "Enter jumped to the highlight")
        assert view.cursor == app.article.document.text.index("Another paragraph")
        assert panel.display
        await pilot.press("escape")
        await wait_until(pilot, lambda: not panel.display, "Esc closed the panel")
        assert view.has_focus and view.cursor == app.article.document.text.index(
            "Another paragraph"
        )
        await pilot.press("escape")  # with the panel gone, Esc changes nothing
        assert not panel.display and len(stored(app)) == 2


async def test_escape_backs_out_a_selection_first_then_the_panel(tmp_path, temp_store):
    app = make_app(write_article(tmp_path, ARTICLE), temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.press("h", "H", "enter")  # the panel open, Enter: the text focused
        panel = app.screen.query_one(AnnotationPanel)
        await wait_until(pilot, lambda: panel.display and view.has_focus)
        await pilot.press("v", "w", "escape")
        await wait_until(pilot, lambda: view.selection() is None, "the selection is cancelled")
        assert panel.display
        await pilot.press("escape")
        await wait_until(pilot, lambda: not panel.display, "then the panel closes")
