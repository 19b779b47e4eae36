"""The library: articles and their annotations in a TinyDB store folder.

First version: one TinyDB file. (The store issue replaces the storage with an atomic,
locked one; this class's methods are the interface the app and the CLI use.)
"""

from __future__ import annotations

from pathlib import Path

from tinydb import Query, TinyDB

from store.records import AnnotationRecord, ArticleRecord, now


class Library:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self._db = TinyDB(folder / "library.json")
        self._articles = self._db.table("articles")
        self._annotations = self._db.table("annotations")

    def close(self) -> None:
        self._db.close()

    def article(self, article_id: str) -> ArticleRecord | None:
        found = self._articles.get(Query().id == article_id)
        return ArticleRecord.from_dict(dict(found)) if isinstance(found, dict) else None

    def articles(self) -> list[ArticleRecord]:
        records = [ArticleRecord.from_dict(dict(doc)) for doc in self._articles.all()]
        return sorted(records, key=lambda r: r.last_opened, reverse=True)

    def save_article(self, record: ArticleRecord) -> None:
        self._articles.upsert(record.to_dict(), Query().id == record.id)

    def delete_article(self, article_id: str) -> None:
        self._annotations.remove(Query().article_id == article_id)
        self._articles.remove(Query().id == article_id)

    def annotations(self, article_id: str) -> list[AnnotationRecord]:
        docs = self._annotations.search(Query().article_id == article_id)
        return sorted(
            (AnnotationRecord.from_dict(dict(d)) for d in docs), key=lambda a: (a.start, a.end)
        )

    def save_annotation(self, record: AnnotationRecord) -> None:
        record.updated = now()
        self._annotations.upsert(record.to_dict(), Query().id == record.id)

    def delete_annotation(self, annotation_id: str) -> None:
        self._annotations.remove(Query().id == annotation_id)
