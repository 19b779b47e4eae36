"""File names from titles and safe writes: nothing outside the folder, nothing overwritten."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.errors import ReaderError
from reader.export import files
from reader.export.exporter import (
    ExportOptions,
    Item,
    export_article,
    export_to_file,
    export_to_folder,
)
from tests.conftest import examples
from tests.unit.export_support import document, highlight, record


@settings(max_examples=examples(200), deadline=None)
@given(
    st.text(alphabet=st.sampled_from('ab. /\\:*?"<>|\x00\x1b\n\t\u202e\u200b…é😀-'), max_size=300)
)
def test_a_stem_from_any_title_is_one_safe_component(title: str):
    stem = files.safe_stem(title)
    assert stem and stem not in (".", "..")
    assert not any(c in stem for c in '/\\:*?"<>|\u202e\u200b')
    assert all(c.isprintable() for c in stem)
    assert not stem.startswith(".") and not stem.endswith((" ", "."))
    assert len(stem.encode()) <= files.MAX_NAME_BYTES


def test_stems_read_like_the_title():
    assert files.safe_stem("How Putin’s agents: a/b story?") == "How Putin’s agents a b story"
    assert files.safe_stem("../../etc/passwd") == "etc passwd"
    assert files.safe_stem("   ") == "Untitled"
    assert files.safe_stem("CON") == "_CON"
    long = files.safe_stem("é" * 500)
    assert long == "é" * (files.MAX_NAME_BYTES // 2)


def test_two_articles_with_the_same_title_get_their_own_files(tmp_path: Path):
    doc = document()
    first = Item(record(ident="aaaa1111"), [highlight(doc, "shallows")], doc)
    second = Item(record(ident="bbbb2222"), [highlight(doc, "estuary")], doc)
    paths = [w.path for w in export_to_folder([first, second], tmp_path)]
    assert [p.name for p in paths] == ["The heron.md", "The heron (2).md"]
    # Again, in the other order: each article finds its own file.
    again = [w.path for w in export_to_folder([second, first], tmp_path)]
    assert again == paths[::-1]
    assert "estuary" in paths[1].read_text() and "estuary" not in paths[0].read_text()


def test_a_users_own_file_with_that_name_is_left_alone(tmp_path: Path):
    mine = tmp_path / "The heron.md"
    mine.write_text("my diary\n")
    doc = document()
    path = export_article(record(), [highlight(doc, "shallows")], doc, tmp_path)
    assert path.name == "The heron (2).md"
    assert mine.read_text() == "my diary\n"
    with pytest.raises(ReaderError, match="not an export of this article"):
        export_to_file([Item(record(), [], doc)], mine)
    assert mine.read_text() == "my diary\n"


def test_a_symlink_in_the_folder_is_never_written_through(tmp_path: Path):
    outside = tmp_path / "outside.md"
    outside.write_text("precious\n")
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "The heron.md").symlink_to(outside)
    doc = document()
    path = export_article(record(), [highlight(doc, "shallows")], doc, folder)
    assert path.parent == folder and not path.is_symlink()
    assert outside.read_text() == "precious\n"


def test_titles_cannot_lead_outside_the_folder(tmp_path: Path):
    folder = tmp_path / "notes"
    doc = document()
    for title in ["../escape", "/etc/passwd", "..", "a/../../b", "\\..\\x"]:
        path = export_article(record(title=title), [highlight(doc, "shallows")], doc, folder)
        assert path.parent == folder
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes"]


def test_a_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    doc = document()
    notes = [highlight(doc, "shallows")]
    path = export_article(record(), notes, doc, tmp_path)
    before = path.read_bytes()
    notes[0].note, notes[0].updated = "changed", "2027-01-01T00:00:00+00:00"

    def no_space(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(ReaderError, match="No space left"):
        export_article(record(), notes, doc, tmp_path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [path.name]  # no temp file left


def test_an_existing_files_permissions_are_kept(tmp_path: Path):
    doc = document()
    notes = [highlight(doc, "shallows")]
    path = export_article(record(), notes, doc, tmp_path)
    path.chmod(0o600)
    notes[0].note, notes[0].updated = "changed", "2027-01-01T00:00:00+00:00"
    export_article(record(), notes, doc, tmp_path)
    assert path.stat().st_mode & 0o777 == 0o600


def test_markdown_into_one_file_takes_one_article(tmp_path: Path):
    doc = document()
    items = [Item(record(ident="a1"), [], doc), Item(record(ident="b2"), [], doc)]
    with pytest.raises(ReaderError, match="give -o a folder"):
        export_to_file(items, tmp_path / "both.md")
    written = export_to_file(items, tmp_path / "both.json", ExportOptions(format="json"))
    assert written.path.exists()
