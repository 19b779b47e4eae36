"""Random edits through two open libraries on one store end as a plain dict model says."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.records import AnnotationRecord, ArticleRecord
from store.library import Library
from tests.conftest import examples

ARTICLES = ["a", "b", "c"]

operation = st.tuples(
    st.sampled_from(["save", "edit", "delete", "delete_article"]),
    st.integers(0, 1),  # which of the two libraries does it
    st.sampled_from(ARTICLES),
    st.integers(0, 3),  # which note of the article
    st.text(max_size=8),
)


@settings(max_examples=examples(60), deadline=None)
@given(st.lists(operation, max_size=25))
def test_two_libraries_agree_with_a_model(operations):
    # As the app works: a new highlight gets a new id; an edit or a delete acts on the
    # highlight as the library has just read it. (Stale copies: test_store_two_readers.py.)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        libraries = [Library(folder), Library(folder)]
        model: dict[str, dict[str, str]] = {}  # article -> note id -> note text
        for number, (op, which, article, index, text) in enumerate(operations):
            library = libraries[which]
            existing = sorted(model.get(article, {}))
            if op == "save":
                note_id = f"{article}-{number}"
                library.save_article(ArticleRecord(id=article, title=article, source="/x"))
                library.save_annotation(
                    AnnotationRecord(
                        article_id=article, exact="x", start=0, end=1, note=text, id=note_id
                    )
                )
                model.setdefault(article, {})[note_id] = text
            elif op == "edit" and existing:
                note_id = existing[index % len(existing)]
                (record,) = [n for n in library.annotations(article) if n.id == note_id]
                record.note = text
                library.save_annotation(record)
                model[article][note_id] = text
            elif op == "delete" and existing:
                note_id = existing[index % len(existing)]
                library.delete_annotation(note_id)
                model[article].pop(note_id)
            elif op == "delete_article":
                library.delete_article(article)
                model.pop(article, None)
        for library in [*libraries, Library(folder)]:
            seen = {
                record.id: {n.id: n.note for n in library.annotations(record.id)}
                for record in library.articles()
            }
            assert seen == model
