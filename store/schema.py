"""The store's schema version, and migrations from older layouts.

Schema 1 (the first release): one `library.json` with TinyDB tables `articles` (with the text
inline) and `annotations`, keyed by TinyDB's counters, no version field.
Schema 2: the layout in store/layout.py, with `meta.schema.version` in the index.
Schema 3: annotations may carry `reviewed` (when last reviewed) and `synced` (the version of
another copy last merged in). Records without them read as never reviewed or merged, so no
notes file is rewritten; the version is raised because a schema-2 reader would drop these
fields from every annotation it saves, and it refuses a newer store instead.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from store import backups
from store.atomic import atomic_write
from store.errors import NewerSchemaError
from store.layout import INDEX, body_file, notes_file
from store.storage import Data, encode

SCHEMA_VERSION = 3


def version_of(data: Data) -> int:
    """The schema version a parsed index declares (1 when it has none)."""
    entry = data.get("meta", {}).get("schema", {})
    try:
        return int(entry.get("version", 1)) if isinstance(entry, dict) else 1
    except (TypeError, ValueError):
        return 1


def meta_table(version: int = SCHEMA_VERSION) -> dict[str, Any]:
    return {"schema": {"version": version}}


def check_version(path: Path, data: Data) -> None:
    """Validator for the index: refuse a store written by a newer reader."""
    found = version_of(data)
    if found > SCHEMA_VERSION:
        store = path.parent
        raise NewerSchemaError(
            path, found, SCHEMA_VERSION, backups.backups_of(store, path.relative_to(store))
        )


def text_digest(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()


def _migrate_1_to_2(store: Path, data: Data) -> Data:
    """Split the one-file store: bodies and per-article notes beside a small index."""
    articles: dict[str, dict[str, Any]] = {}
    for record in data.get("articles", {}).values():
        entry = dict(record)
        article_id = str(entry.get("id", ""))
        if not article_id:
            continue
        text = str(entry.pop("text", "") or "")
        if text:
            atomic_write(store / body_file(article_id), text.encode())
        entry["body_sha"] = text_digest(text) if text else ""
        articles[article_id] = entry
    by_article: dict[str, dict[str, Any]] = {}
    for record in data.get("annotations", {}).values():
        note = dict(record)
        note_id = str(note.get("id", ""))
        article_id = str(note.get("article_id", ""))
        if not note_id or not article_id:
            continue
        by_article.setdefault(article_id, {})[note_id] = note
    for article_id, notes in by_article.items():
        # A note whose article row is missing stays findable under a placeholder article.
        articles.setdefault(
            article_id,
            {"id": article_id, "title": "(unknown article)", "source": "", "body_sha": ""},
        )
        raw = encode({"annotations": notes})
        atomic_write(store / notes_file(article_id), raw)
        backups.keep(store, notes_file(article_id), raw)
    return {"meta": meta_table(2), "articles": articles}


def _migrate_2_to_3(store: Path, data: Data) -> Data:
    """Only the version: schema-2 annotations are valid schema-3 ones (see above)."""
    return {**data, "meta": {**data.get("meta", {}), **meta_table(3)}}


MIGRATIONS = {1: _migrate_1_to_2, 2: _migrate_2_to_3}


def migrate(store: Path, raw: bytes, data: Data) -> bool:
    """Bring an older index up to SCHEMA_VERSION. Call holding the store lock.

    The old index is kept as `backups/library.json.v<N>`; the new index is written last,
    so a crash part-way leaves the old store in charge and the migration simply reruns.
    Returns whether anything changed.
    """
    version = version_of(data)
    if version >= SCHEMA_VERSION:
        return False
    backup = store / backups.FOLDER / f"{INDEX.name}.v{version}"
    if not backup.exists():
        atomic_write(backup, raw)
    while version < SCHEMA_VERSION:
        data = MIGRATIONS[version](store, data)
        version = version_of(data)
    final = encode(data)
    atomic_write(store / INDEX, final)
    backups.keep(store, INDEX, final)
    return True
