"""The document view's pure parts, without Pilot: marks lookup, cursor and selection spans."""

from __future__ import annotations

from reader.annotation_set import placed_in
from reader.document import parse_markdown
from reader.records import AnnotationRecord
from widgets import text_cursor
from widgets.marks import Mark, MarkIndex, mark_on_top, marks_of

TEXT = "# Title\n\nThe first paragraph has words. And a second sentence.\n\nAnother block here."
DOCUMENT = parse_markdown(TEXT)


def offset(word: str) -> int:
    return DOCUMENT.text.index(word)


def test_the_mark_drawn_on_top_is_the_latest():
    first = Mark("a", offset("first"), offset("words") + 5, "yellow")
    over = Mark("b", offset("paragraph"), offset("paragraph") + 9, "blue")
    index = MarkIndex(DOCUMENT, [first, over])
    assert index.at(offset("paragraph") + 2) == over
    assert index.at(offset("first")) == first
    assert index.at(offset("Another")) is None


def test_a_mark_across_blocks_is_found_in_each():
    across = Mark("a", offset("second"), offset("Another") + 3, "green")
    index = MarkIndex(DOCUMENT, [across])
    assert [mark for _, mark in index.in_block(DOCUMENT.block_at(offset("Another")))] == [across]
    assert index.at(offset("Another") + 1) == across


def test_next_and_previous_mark_starts():
    marks = [Mark("a", offset("first"), offset("first") + 5, "yellow")]
    marks.append(Mark("b", offset("Another"), offset("Another") + 7, "pink"))
    index = MarkIndex(DOCUMENT, marks)
    assert index.next_start(0, 1) == offset("first")
    assert index.next_start(offset("first"), 1) == offset("Another")
    assert index.next_start(offset("Another"), 1) is None
    assert index.next_start(offset("Another"), -1) == offset("first")
    assert index.next_start(offset("first"), -1) is None


def test_the_cursor_covers_its_word_and_the_selection_whole_words():
    text = DOCUMENT.text
    inside = offset("paragraph") + 3
    assert text_cursor.cursor_span(text, inside) == (offset("paragraph"), offset("paragraph") + 9)
    selected = text_cursor.selection_span(text, offset("first"), offset("paragraph") + 2)
    assert selected is not None and text[selected[0] : selected[1]] == "first paragraph"
    assert text_cursor.selection_span(text, None, inside) is None


def test_a_highlight_key_acts_on_the_selection_else_the_sentence():
    text = DOCUMENT.text
    start, end = text_cursor.target_span(text, None, offset("words"))
    assert text[start:end].strip() == "The first paragraph has words."
    start, end = text_cursor.target_span(text, offset("has"), offset("has"))
    assert text[start:end] == "has"


def test_what_is_drawn_again_when_the_cursor_moves_includes_the_anchor():
    text = DOCUMENT.text
    low, high = text_cursor.drawn_extent(text, offset("first"), offset("words"))
    assert low == offset("first") and high >= offset("words") + 5
    assert text_cursor.clamp(text, 10**9) == len(text) - 1
    assert text_cursor.clamp("", 5) == 0


def record(word: str, length: int, created: str, **fields: str) -> AnnotationRecord:
    start = offset(word)
    exact = DOCUMENT.text[start : start + length]
    return AnnotationRecord("a", exact, start, start + length, created=created, **fields)


def test_highlights_are_drawn_oldest_first_so_the_newest_is_on_top():
    newer = record("paragraph", 9, "2026-12-06T10:00:05+00:00", color="blue", note="n")
    older = record("first", 25, "2026-12-06T10:00:01+00:00")
    marks = marks_of(placed_in(DOCUMENT.text, [newer, older]))
    assert [mark.id for mark in marks] == [older.id, newer.id]
    assert marks[1] == Mark(newer.id, newer.start, newer.end, "blue", has_note=True)
    assert not marks[0].has_note
    assert mark_on_top(marks, offset("paragraph") + 1) == marks[1]
    assert mark_on_top(marks, offset("first")) == marks[0]
    assert mark_on_top(marks, offset("Another")) is None


def test_the_mark_on_top_is_the_one_the_index_draws_on_top():
    marks = [
        Mark("a", offset("The"), offset("words"), "yellow"),
        Mark("b", offset("first"), offset("has") + 3, "green"),
        Mark("c", offset("paragraph"), offset("Another") + 7, "pink"),
    ]
    index = MarkIndex(DOCUMENT, marks)
    for at in range(len(DOCUMENT.text)):
        assert mark_on_top(marks, at) == index.at(at), at
