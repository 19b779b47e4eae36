"""A damaged store, or one from a newer reader, is never written and can be restored."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.records import AnnotationRecord, ArticleRecord
from store.errors import StoreError
from store.library import Library

ARTICLE = "# A title\n\nThe quick brown fox jumps over the lazy dog."


@pytest.fixture
def store(tmp_path: Path) -> Path:
    folder = tmp_path / "store"
    library = Library(folder)
    library.save_article(ArticleRecord(id="fox", title="Fox", source="/fox.md", text=ARTICLE))
    for word in ("quick", "brown", "lazy"):
        library.save_annotation(
            AnnotationRecord(article_id="fox", exact=word, start=0, end=len(word), note=word)
        )
    library.close()
    return folder


def _truncate(raw: bytes) -> bytes:
    return raw[: len(raw) // 2]


def _garbage(raw: bytes) -> bytes:
    return b"\x00\xffnot json at all" + raw[:10]


def _newer(raw: bytes) -> bytes:
    data = json.loads(raw)
    data["meta"]["schema"]["version"] = 99
    return json.dumps(data).encode()


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


DAMAGE = {"truncated": _truncate, "garbage": _garbage}


@pytest.mark.parametrize("damage", [*DAMAGE, "newer schema"])
def test_bad_index_is_refused_in_one_line_and_left_byte_for_byte(
    store: Path, damage: str, capsys: pytest.CaptureFixture[str]
):
    index = store / "library.json"
    broken = (DAMAGE.get(damage) or _newer)(index.read_bytes())
    index.write_bytes(broken)

    with pytest.raises(StoreError):
        Library(store)
    status, _out, err = _run(capsys, "notes", "add", "fox", "--quote", "fox", "--store", str(store))
    assert status == 2
    assert err.count("\n") == 1 and err.startswith("reader: ")
    assert "library.json" in err and "backups/library.json.1" in err
    assert ("newer" in err) == (damage == "newer schema")
    assert _run(capsys, "library", "--store", str(store))[0] == 2
    assert index.read_bytes() == broken


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_index_is_restored_from_its_backup(
    store: Path, damage: str, capsys: pytest.CaptureFixture[str]
):
    index = store / "library.json"
    good = index.read_bytes()
    broken = DAMAGE[damage](good)
    index.write_bytes(broken)

    status, out, _ = _run(capsys, "store", "check", "--store", str(store))
    assert status == 1
    assert "PROBLEM library.json: damaged" in out
    status, out, _ = _run(capsys, "store", "restore", "--store", str(store))
    assert status == 0 and "restored library.json" in out
    assert index.read_bytes() == good
    kept = list((store / "backups").glob("library.json.replaced-*"))
    assert [p.read_bytes() for p in kept] == [broken]
    notes = Library(store).annotations("fox")
    assert sorted(n.note for n in notes) == ["brown", "lazy", "quick"]
    assert _run(capsys, "store", "check", "--store", str(store))[0] == 0


@pytest.mark.parametrize("damage", DAMAGE)
def test_damaged_notes_file_is_not_written_and_restores(
    store: Path, damage: str, capsys: pytest.CaptureFixture[str]
):
    notes = store / "notes" / "fox.json"
    good = notes.read_bytes()
    broken = DAMAGE[damage](good)
    notes.write_bytes(broken)

    library = Library(store)  # the index is fine: the library opens
    with pytest.raises(StoreError, match=r"fox\.json is damaged"):
        library.annotations("fox")
    with pytest.raises(StoreError):
        library.save_annotation(AnnotationRecord(article_id="fox", exact="dog", start=0, end=3))
    assert notes.read_bytes() == broken

    status, _out, _ = _run(capsys, "store", "restore", "notes/fox.json", "--store", str(store))
    assert status == 0
    assert notes.read_bytes() == good
    assert len(library.annotations("fox")) == 3


def test_newer_schema_is_not_restored_over_without_a_named_backup(
    store: Path, capsys: pytest.CaptureFixture[str]
):
    index = store / "library.json"
    good = index.read_bytes()
    newer = _newer(good)
    index.write_bytes(newer)
    status, _, err = _run(capsys, "store", "restore", "--store", str(store))
    assert status == 2 and "newer" in err
    assert index.read_bytes() == newer
    backup = store / "backups" / "library.json.1"
    status, _, _ = _run(
        capsys, "store", "restore", "library.json", "--from", str(backup), "--store", str(store)
    )
    assert status == 0
    assert index.read_bytes() == good


def test_a_damaged_backup_is_skipped_for_an_older_good_one(
    store: Path, capsys: pytest.CaptureFixture[str]
):
    index = store / "library.json"
    older = (store / "backups" / "library.json.2").read_bytes()
    index.write_bytes(b"{")
    (store / "backups" / "library.json.1").write_bytes(b"[]")
    status, out, _ = _run(capsys, "store", "restore", "--store", str(store))
    assert status == 0 and "library.json.2" in out
    assert index.read_bytes() == older


def test_no_good_backup_leaves_the_damaged_file(store: Path, capsys: pytest.CaptureFixture[str]):
    index = store / "library.json"
    index.write_bytes(b"{")
    for backup in (store / "backups").glob("library.json.*"):
        backup.write_bytes(b"[]")
    status, _, err = _run(capsys, "store", "restore", "--store", str(store))
    assert status == 2 and "no good backup" in err
    assert index.read_bytes() == b"{"


def test_a_failed_write_is_one_line_and_changes_nothing(
    store: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    notes = store / "notes" / "fox.json"
    before = notes.read_bytes()
    library = Library(store)

    def disk_full(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device", str(src))

    monkeypatch.setattr("store.atomic.os.replace", disk_full)
    with pytest.raises(StoreError, match="No space left on device"):
        library.save_annotation(AnnotationRecord(article_id="fox", exact="dog", start=0, end=3))
    assert notes.read_bytes() == before
    # What the library shows is what is on disk, not the note that failed to save.
    assert len(library.annotations("fox")) == 3
    assert not [p for p in store.rglob("*") if p.name.endswith(".tmp")]
