"""`reader store merge OTHER`: bring another store's articles and notes into this one, as an
import does (reader.commands.intake), without writing a byte in OTHER.

OTHER's own files are copied to a temporary folder and read there: an older store is
migrated in the copy, and nothing, not even a lock file, is left in OTHER.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from reader.commands.intake import Arrival, Planner, apply, report
from reader.errors import ReaderError
from store.errors import StoreError
from store.layout import INDEX, OWNED
from store.library import Library
from store.schema import check_version
from store.storage import decode


def _copy_store(other: Path, into: Path) -> None:
    """The files a store owns (store/layout.py), and only those, copied into `into`."""
    for folder, pattern in OWNED.items():
        if folder.parts and folder.parts[0] == "backups":
            continue
        source = other / folder
        if not source.is_dir():
            continue
        for path in source.iterdir():
            if pattern.fullmatch(path.name) and path.is_file():
                (into / folder).mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, into / folder / path.name)


def _check_other(other: Path, ours: Path) -> None:
    index = other / INDEX
    if not index.is_file():
        raise ReaderError(f"{other}: not a reader store (it has no {INDEX})")
    if other.resolve() == ours.resolve():
        raise ReaderError(f"{other}: that is this store; name the other store's folder")
    data = decode(index, index.read_bytes(), other)
    check_version(index, data)  # a newer store is refused, naming OTHER's own file


def _arrivals(other: Library, origin: str) -> list[Arrival]:
    meanings = other.color_meanings()
    arrivals = []
    for listed in other.articles():
        record = other.article(listed.id) or listed
        notes = other.annotations(record.id)
        used = {note.color for note in notes}
        arrivals.append(
            Arrival(
                origin=origin,
                article_id=record.id,
                source=record.source,
                title=record.title,
                article=record,
                records=notes,
                sure=[True] * len(notes),
                meanings={c: m for c, m in meanings.items() if c in used},
            )
        )
    return arrivals


def merge_store(ours: Path, other: Path, dry_run: bool) -> int:
    other = other.expanduser()
    try:
        _check_other(other, ours)
    except OSError as error:
        raise ReaderError(f"{other}: cannot read it ({error.strerror or error})") from None
    with tempfile.TemporaryDirectory(prefix="reader-merge-") as temp:
        copy = Path(temp) / "other"
        empty = Path(temp) / "empty"
        try:
            _copy_store(other, copy)
            theirs = Library(copy)
            arrivals = _arrivals(theirs, str(other))
            theirs.close()
        except StoreError as error:
            raise StoreError(str(error).replace(str(copy), str(other))) from None
        except OSError as error:
            raise ReaderError(f"{other}: cannot read it ({error.strerror or error})") from None
        library = Library(empty if dry_run and not ours.exists() else ours)
        try:
            planner = Planner(library)
            for arrival in arrivals:
                planner.add(arrival)
            if not dry_run:
                apply(library, planner.plan)
        finally:
            library.close()
    notes = sum(len(a.records) for a in arrivals)
    print(f"{other}: {len(arrivals)} articles, {notes} annotations")
    report(planner.plan, dry_run)
    return 0
