"""Two processes writing to one store at once keep every note."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

from reader.records import AnnotationRecord, ArticleRecord
from store.library import Library

PER_PROCESS = 300


def _add_notes(folder: Path, name: str) -> None:
    library = Library(folder)
    for i in range(PER_PROCESS):
        if i % 50 == 0:
            # Both also rewrite the shared index, each with its own article.
            library.save_article(ArticleRecord(id=name, title=name, source="/x", position=i))
        library.save_annotation(
            AnnotationRecord(article_id="shared", exact="x", start=i, end=i + 1, note=name)
        )
    library.close()


def test_two_processes_adding_300_notes_each_keep_600(tmp_path: Path):
    Library(tmp_path).save_article(ArticleRecord(id="shared", title="Shared", source="/s"))
    fork = multiprocessing.get_context("fork")
    workers = [fork.Process(target=_add_notes, args=(tmp_path, n)) for n in ("one", "two")]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=120)
        assert worker.exitcode == 0
    library = Library(tmp_path)
    notes = library.annotations("shared")
    assert len(notes) == 2 * PER_PROCESS
    assert sorted(n.note for n in notes).count("one") == PER_PROCESS
    assert {a.id for a in library.articles()} == {"shared", "one", "two"}
