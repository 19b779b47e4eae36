"""The store touches only its own files (issue #12 item 1 and its Done-when; README, "Where
your notes live"): a store made in a folder of the user's own, used the whole way (notes
added, listed, exported, a damaged file restored, an article deleted, a killed writer's temp
file cleaned up), leaves every other file in that folder as it was, and writes only the names
the README lists."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.cli import main
from store.layout import LOCK, OWNED, is_own_temp
from store.library import Library

ARTICLE = """# Field notes

The heron stood in the shallows for an hour, then took the fish in one strike.

Later the rain came in sideways off the estuary.
"""

USERS_FILES = [
    "report.docx",
    ".draft.tmp",
    ".library.json.tmp",
    "library.json.bak",
    "library.json~",
    ".lock.old",
    "notes/shopping.txt",
    "notes/.mine.tmp",
    "notes/.essay.txt.12.tmp",
    "articles/paper.pdf",
    "articles/.draft.md",
    "backups/photos/cat.jpg",
    "backups/.photo.jpg.5.tmp",
    "projects/library.json",
    "projects/notes/x.json",
    "projects/.library.json.77.tmp",
]
"""Files of the user's own in the folder chosen as the store, some named like the store's."""


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        name: ((folder / name).read_bytes(), (folder / name).stat().st_mtime_ns)
        for name in USERS_FILES
    }


def _stores_own(store: Path, path: Path) -> bool:
    """Whether `path` in `store` is one of the names the store writes (README's list)."""
    relative = path.relative_to(store)
    folder, name = relative.parent, relative.name
    if relative == Path(LOCK):
        return True
    owned = OWNED.get(folder)
    return bool(owned and (owned.fullmatch(name) or is_own_temp(folder, name)))


def test_a_store_in_a_folder_of_ones_own_touches_only_its_own_files(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
):
    folder = tmp_path / "Documents"
    for name in USERS_FILES:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(f"the user's {name}".encode())
        os.utime(folder / name, ns=(1_000_000_000, 1_000_000_000))  # an old file
    before = _snapshot(folder)
    article = tmp_path / "field-notes.md"
    article.write_text(ARTICLE)
    monkeypatch.setenv("READER_EXPORT_DIR", str(tmp_path / "exports"))
    store = ["--store", str(folder)]

    def reader(*argv: str) -> None:
        assert main(list(argv)) == 0, capsys.readouterr()

    reader("notes", "add", str(article), "--quote", "took the fish", "--note", "n", *store)
    reader("notes", "add", str(article), "--quote", "the rain", "--tag", "weather", *store)
    reader("notes", "list", *store)
    reader("library", *store)
    reader("export", "--all", *store)
    # A killed writer's temp file (the store's own name) goes at the next change.
    stale = folder / "notes" / ".a1.json.999.tmp"
    stale.write_bytes(b"half a file")
    # A damaged notes file: check names it, restore puts the newest good backup back.
    [notes_file] = (folder / "notes").glob("*.json")
    notes_file.write_bytes(b"{ damaged")
    assert main(["store", "check", *store]) != 0
    reader("store", "restore", *store)
    reader("store", "check", *store)
    reader("notes", "add", str(article), "--quote", "heron", *store)
    assert not stale.exists()
    library = Library(folder)
    try:
        [record] = library.articles()
        assert len(library.annotations(record.id)) == 3
        library.delete_article(record.id)
    finally:
        library.close()

    assert _snapshot(folder) == before  # the user's files: same bytes, never rewritten
    written = [
        path
        for path in folder.rglob("*")
        if path.is_file() and str(path.relative_to(folder)) not in USERS_FILES
    ]
    assert written, "the store wrote nothing?"
    assert [path for path in written if not _stores_own(folder, path)] == []
