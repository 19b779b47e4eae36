"""`reader store merge OTHER`: two machines' stores made one; OTHER is only read."""

from __future__ import annotations

import dataclasses
import json
import shutil
from pathlib import Path

import pytest

from reader.anchor import describe
from reader.article import build_document, open_source
from reader.cli import main
from reader.reconcile import CONFLICT_TAG, MARKER
from reader.records import AnnotationRecord, ArticleRecord, article_id_for
from store.library import Library
from tests.conftest import SAMPLES
from tests.unit.test_import_cli import store_files

T0, T1, T2 = "2026-01-01T00:00:00+00:00", "2026-02-01T00:00:00+00:00", "2026-03-01T00:00:00+00:00"


def cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _article(store: Path, sample: str, url: str) -> tuple[str, str]:
    """A web article kept with its text; returns its id and plain text."""
    _source, cleaned = open_source(SAMPLES / sample)
    document = build_document(cleaned)
    record = ArticleRecord(
        id=article_id_for(url),
        title=document.title,
        source=url,
        text=cleaned.markdown_body(frozenset()),
        metadata={"title": document.title},
    )
    library = Library(store)
    library.save_article(record)
    library.close()
    return record.id, document.text


def _note(article: str, text: str, quote: str, ident: str, note: str) -> AnnotationRecord:
    at = text.index(quote)
    return AnnotationRecord(
        article_id=article,
        id=ident,
        note=note,
        created=T0,
        updated=T0,
        **describe(text, at, at + len(quote)).fields(),
    )


def _save(store: Path, *notes: AnnotationRecord) -> None:
    library = Library(store)
    library.save_annotations(list(notes), touch=False)
    library.close()


def _notes(store: Path) -> dict[str, AnnotationRecord]:
    library = Library(store)
    found = {n.id: n for n in library.all_annotations()}
    library.close()
    return found


@pytest.fixture
def laptop_and_desktop(tmp_path: Path) -> tuple[Path, Path]:
    """The desktop's store began as a copy of the laptop's; since then both were used."""
    laptop, desktop = tmp_path / "laptop", tmp_path / "desktop"
    margins, text = _article(laptop, "notes-in-the-margin.md", "https://example.org/margins")
    x = _note(margins, text, "A faint pencil line", "x", "pencil")
    y = _note(margins, text, "A gloss was not a defacement.", "y", "gloss")
    z = _note(margins, text, "second text", "z", "two texts")
    _save(laptop, x, y, z)
    shutil.copytree(laptop, desktop)
    # The laptop edits x and z; the desktop edits y and z, adds an article and a note.
    _save(
        laptop,
        dataclasses.replace(x, note="pencil, and why", updated=T1),
        dataclasses.replace(z, note="two texts: the book and ours", updated=T1),
    )
    ferry, ferry_text = _article(
        desktop, "harbour-courier-night-ferry.html", "https://example.org/ferry"
    )
    _save(
        desktop,
        dataclasses.replace(y, note="gloss, as in glossary", updated=T2),
        dataclasses.replace(z, note="the margin argues", updated=T2, color="green"),
        _note(ferry, ferry_text, "ferry", "f", "from the desktop"),
    )
    return laptop, desktop


def test_merge_takes_the_others_edits_keeps_both_in_a_conflict_and_reads_only(
    laptop_and_desktop: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
):
    laptop, desktop = laptop_and_desktop
    desktop_files = store_files(desktop)
    status, out, _ = cli(capsys, "store", "merge", str(desktop), "--store", str(laptop))
    assert status == 0, out
    assert "added 1, updated 1, kept both versions of 1, skipped 1" in out
    assert "skip      “A faint pencil line” in Notes in the Margin" in out
    assert "new article “Night ferry returns" in out
    notes = _notes(laptop)
    assert notes["x"].note == "pencil, and why"  # ours, unchanged there
    assert notes["y"].note == "gloss, as in glossary"  # theirs, unchanged here
    z = notes["z"]
    assert z.note.startswith("two texts: the book and ours\n\n" + MARKER)
    assert "(green)" in z.note and z.note.endswith("\nthe margin argues")
    assert CONFLICT_TAG in z.tags and z.color == "yellow"
    assert notes["f"].note == "from the desktop"
    # The new article came whole: it opens from its stored text.
    library = Library(laptop)
    ferry = library.article(article_id_for("https://example.org/ferry"))
    assert ferry is not None and "ferry" in ferry.text.lower()
    library.close()
    # OTHER was only read: every byte as it was, and no new file (not even a lock).
    assert store_files(desktop) == desktop_files

    # Again: nothing changes.
    before = store_files(laptop)
    status, out, _ = cli(capsys, "store", "merge", str(desktop), "--store", str(laptop))
    assert "added 0" in out and "updated" not in out and "conflict" not in out.split("\n")[-2]
    assert store_files(laptop) == before

    # The other way round the merged note travels back: the desktop took part in it.
    status, out, _ = cli(capsys, "store", "merge", str(laptop), "--store", str(desktop))
    assert status == 0
    back = _notes(desktop)
    assert back["z"].note == z.note and back["x"].note == "pencil, and why"
    assert "kept both" not in out


def test_dry_run_merges_nothing(
    laptop_and_desktop: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
):
    laptop, desktop = laptop_and_desktop
    before = store_files(laptop)
    status, out, _ = cli(
        capsys, "store", "merge", "--dry-run", str(desktop), "--store", str(laptop)
    )
    assert status == 0
    assert "would add 1, update 1, keep both versions of 1" in out
    assert "conflict  “second text”" in out
    assert store_files(laptop) == before


def test_an_older_store_is_migrated_in_a_copy_never_in_place(
    laptop_and_desktop: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
):
    laptop, desktop = laptop_and_desktop
    index = desktop / "library.json"
    data = json.loads(index.read_text())
    data["meta"]["schema"]["version"] = 2
    index.write_text(json.dumps(data))
    desktop_files = store_files(desktop)
    status, out, _ = cli(capsys, "store", "merge", str(desktop), "--store", str(laptop))
    assert status == 0 and "added 1" in out
    assert store_files(desktop) == desktop_files


@pytest.mark.parametrize("case", ["missing", "not a store", "itself", "newer", "damaged"])
def test_a_bad_other_store_is_one_line_and_changes_nothing(
    case: str, laptop_and_desktop: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
):
    laptop, desktop = laptop_and_desktop
    other = {"missing": desktop / "nope", "itself": laptop}.get(case, desktop)
    if case == "not a store":
        (desktop / "library.json").unlink()
    elif case == "newer":
        index = desktop / "library.json"
        data = json.loads(index.read_text())
        data["meta"]["schema"]["version"] = 99
        index.write_text(json.dumps(data))
    elif case == "damaged":
        next((desktop / "notes").iterdir()).write_text('{"annotations": {"trunc')
    before = store_files(laptop)
    status, out, err = cli(capsys, "store", "merge", str(other), "--store", str(laptop))
    assert status == 2 and out == ""
    line = err.strip()
    assert "\n" not in line and line.startswith("reader: ") and "Traceback" not in err
    assert "reader-merge-" not in line  # names OTHER's own files, not the copy's
    assert store_files(laptop) == before
