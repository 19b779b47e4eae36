"""Where each part of a store lives inside its folder (schema 2).

    library.json             TinyDB index: tables `meta` (schema version) and `articles`
    notes/<article>.json     TinyDB: table `annotations`, every note of one article
    articles/<article>.md    the article's cleaned text (canonical Markdown)
    backups/                 rolling copies of the JSON files (store/backups.py)
    .lock                    the inter-process lock held around each read-modify-write

One notes file per article keeps the cost of saving a note independent of the library size.
These names (and the temp files `.<name>.<pid>.tmp` of an atomic write, see store/atomic.py)
are all the store owns: anything else in its folder is the user's and is never touched.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

INDEX = Path("library.json")
NOTES = Path("notes")
BODIES = Path("articles")
LOCK = ".lock"

_SAFE = re.compile(r"[A-Za-z0-9_-]{1,64}")
_KEY = r"[A-Za-z0-9_-]{1,64}"
_BACKUP_TAIL = r"(?:\.[0-9]+|\.v[0-9]+|\.replaced-[0-9T-]+)"

# Every folder the store writes, with the names of the files it writes there.
OWNED: dict[Path, re.Pattern[str]] = {
    Path("."): re.compile(r"library\.json"),
    NOTES: re.compile(rf"{_KEY}\.json"),
    BODIES: re.compile(rf"{_KEY}\.md"),
    Path("backups"): re.compile(rf"library\.json{_BACKUP_TAIL}"),
    Path("backups") / NOTES: re.compile(rf"{_KEY}\.json{_BACKUP_TAIL}"),
}
_TEMP = re.compile(r"\.(?P<name>.+)\.[0-9]+\.tmp")


def is_own_temp(folder: Path, name: str) -> bool:
    """Whether `name` in the store's `folder` (relative) is a temp file the store wrote."""
    owned = OWNED.get(folder)
    found = _TEMP.fullmatch(name)
    return bool(owned and found and owned.fullmatch(found["name"]))


def file_key(article_id: str) -> str:
    """A file name stem for an article id that cannot leave its folder."""
    if _SAFE.fullmatch(article_id):
        return article_id
    return "h" + hashlib.sha1(article_id.encode()).hexdigest()[:24]


def notes_file(article_id: str) -> Path:
    return NOTES / f"{file_key(article_id)}.json"


def body_file(article_id: str) -> Path:
    return BODIES / f"{file_key(article_id)}.md"


def is_store_file(relative: Path) -> bool:
    """Whether `relative` names one of the store's JSON files (the index or a notes file)."""
    if relative == INDEX:
        return True
    return relative.parent == NOTES and bool(OWNED[NOTES].fullmatch(relative.name))
