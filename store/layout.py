"""Where each part of a store lives inside its folder (schema 2).

    library.json             TinyDB index: tables `meta` (schema version) and `articles`
    notes/<article>.json     TinyDB: table `annotations`, every note of one article
    articles/<article>.md    the article's cleaned text (canonical Markdown)
    backups/                 rolling copies of the JSON files (store/backups.py)
    .lock                    the inter-process lock held around each read-modify-write

One notes file per article keeps the cost of saving a note independent of the library size.
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


def file_key(article_id: str) -> str:
    """A file name stem for an article id that cannot leave its folder."""
    if _SAFE.fullmatch(article_id):
        return article_id
    return "h" + hashlib.sha1(article_id.encode()).hexdigest()[:24]


def notes_file(article_id: str) -> Path:
    return NOTES / f"{file_key(article_id)}.json"


def body_file(article_id: str) -> Path:
    return BODIES / f"{file_key(article_id)}.md"
