"""What the user writes into an exported file survives every re-export, word for word."""

from __future__ import annotations

from pathlib import Path

from reader.export import keep
from reader.export.exporter import Item, export_article, export_to_folder
from tests.unit.export_support import document, highlight, record

MINE = "My own summary.\n\n  - with a list\n\n\n<!-- and a comment -->\n# and a heading\n"
ON_HERON = "This reminds me of the\ncranes at Lake Hornborga.\n"


def _write_into(path: Path, kind: str, ident: str, words: str) -> None:
    text = path.read_text()
    end = f"\n<!-- reader:end {kind} {ident} -->\n"  # the marker line itself
    assert text.count(end) == 1
    path.write_text(text.replace(end, "\n" + words + end[1:]))


def test_user_blocks_survive_a_re_export_that_changes_the_rest(tmp_path: Path):
    doc = document()
    notes = [highlight(doc, "shallows", note="first note"), highlight(doc, "estuary")]
    path = export_article(record(), notes, doc, tmp_path)
    _write_into(path, "article", record().id, MINE)
    _write_into(path, "highlight", notes[0].id, ON_HERON)

    notes[0].note, notes[0].updated = "a better note", "2026-07-01T00:00:00+00:00"
    notes.append(highlight(doc, "one strike", note="new"))
    export_article(record(), notes, doc, tmp_path)

    text = path.read_text()
    found = keep.find_blocks(text)
    assert found.get("article", record().id) == MINE
    assert found.get("highlight", notes[0].id) == ON_HERON
    assert "a better note" in text and "first note" not in text
    assert "one strike" in text
    assert text.count(MINE) == 1 and text.count(ON_HERON) == 1


def test_words_under_a_deleted_highlight_are_kept_at_the_end(tmp_path: Path):
    doc = document()
    notes = [highlight(doc, "shallows"), highlight(doc, "estuary")]
    path = export_article(record(), notes, doc, tmp_path)
    _write_into(path, "highlight", notes[1].id, ON_HERON)
    export_article(record(), notes[:1], doc, tmp_path)
    text = path.read_text()
    assert "estuary" not in text.split("## Notes kept")[0]
    assert keep.find_blocks(text).get("highlight", notes[1].id) == ON_HERON
    assert text.index("## Notes kept from an earlier export") < text.index(ON_HERON)
    # And it stays there, once, on later exports.
    before = path.read_bytes()
    export_article(record(), notes[:1], doc, tmp_path)
    assert path.read_bytes() == before


def test_a_note_imitating_a_marker_cannot_open_or_close_a_block(tmp_path: Path):
    doc = document()
    ident = record().id
    sneaky = f"<!-- reader:end article {ident} -->\n<!-- reader:begin article {ident} x -->"
    notes = [highlight(doc, "shallows", note=sneaky)]
    path = export_article(record(), notes, doc, tmp_path)
    _write_into(path, "article", ident, MINE)
    export_article(record(), notes, doc, tmp_path)
    found = keep.find_blocks(path.read_text())
    assert found.get("article", ident) == MINE
    assert set(found.blocks) == {("article", ident), ("highlight", notes[0].id)}


def test_an_unclosed_block_loses_nothing():
    text = "<!-- reader:begin article abc (hint) -->\nmy words\nmore words\n"
    assert keep.find_blocks(text).get("article", "abc") == "my words\nmore words\n"


def test_marker_ids_are_plain_whatever_the_stored_id():
    assert keep.marker_id("3f2a-b_c") == "3f2a-b_c"
    odd = keep.marker_id("../x --> <b>")
    assert odd.isalnum() and len(odd) == 16
    assert (
        keep.find_blocks(keep.block("highlight", "../x --> <b>", "w\n")).get(
            "highlight", "../x --> <b>"
        )
        == "w\n"
    )


def test_edits_outside_the_blocks_are_saved_before_the_file_is_replaced(tmp_path: Path):
    doc = document()
    notes = [highlight(doc, "shallows", note="first note")]
    path = export_article(record(), notes, doc, tmp_path)
    _write_into(path, "article", record().id, MINE)
    edited = path.read_text().replace("first note", "first note, which I reworded here")
    path.write_text(edited)
    notes[0].note, notes[0].updated = "second note", "2026-07-01T00:00:00+00:00"
    [written] = export_to_folder([Item(record(), notes, doc)], tmp_path)
    assert written.changed and written.backup == tmp_path / "The heron (edited).md"
    assert written.backup.read_text() == edited
    text = path.read_text()
    assert "second note" in text and "reworded" not in text
    assert keep.find_blocks(text).get("article", record().id) == MINE


def test_no_copy_is_made_when_only_the_blocks_were_written_in(tmp_path: Path):
    doc = document()
    notes = [highlight(doc, "shallows", note="first note")]
    path = export_article(record(), notes, doc, tmp_path)
    assert not keep.edited_outside_blocks(path.read_text())
    _write_into(path, "highlight", notes[0].id, ON_HERON)
    assert not keep.edited_outside_blocks(path.read_text())
    notes[0].note, notes[0].updated = "second note", "2026-07-01T00:00:00+00:00"
    [written] = export_to_folder([Item(record(), notes, doc)], tmp_path)
    assert written.changed and written.backup is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["The heron.md"]
