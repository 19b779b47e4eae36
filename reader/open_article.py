"""One article open for reading: what the reading screen shows and changes, without any UI.

It holds the article's record, its cleaned source, the Document shown (with the reader's
cleaning choices applied), its annotations, and where loading stands: a large article opens on
its head and becomes whole when the loader delivers the rest. Every change is saved through
the store at once.

Threads: `fetch_rest` blocks (call it from a worker thread) and touches nothing the UI reads;
everything else runs on the UI's thread, `adopt` included.
"""

from __future__ import annotations

import dataclasses
import errno
from pathlib import Path
from typing import NamedTuple, Protocol

from reader.annotation_set import AnnotationSet, AnnotationStore
from reader.article import build_document
from reader.cleaned import Cleaned
from reader.document import Document
from reader.errors import ReaderError
from reader.load import Source
from reader.loader import Head, Loader, Part, Whole
from reader.records import ArticleRecord, article_id_for, now
from reader.stored_article import record_for

READ_ONLY = frozenset({errno.EROFS, errno.EACCES, errno.EPERM})
"""Why a save fails when the store's folder cannot be written at all."""


class ArticleStore(AnnotationStore, Protocol):
    def article(self, article_id: str) -> ArticleRecord | None: ...
    def save_article(self, record: ArticleRecord) -> None: ...


class Rest(NamedTuple):
    """The whole article, ready to adopt: its source, cleaning and Document (with choices)."""

    source: Source
    cleaned: Cleaned
    document: Document
    overrides: frozenset[str]
    """The cleaning choices `document` was built with."""


class OpenArticle:
    """An article being read: record, source, Document, annotations, loading state."""

    def __init__(self, store: ArticleStore, loader: Loader) -> None:
        """Open what `loader` delivers first (ReaderError if it cannot be loaded)."""
        first = loader.first()
        self.store = store
        self.loader = loader
        self.loading = isinstance(first, Head)
        """True while only the head is here; `adopt` makes the article whole."""
        self.source: Source = first.source
        self.cleaned: Cleaned = first.cleaned
        existing = store.article(article_id_for(first.source.origin))
        if self.loading:
            self.record = existing or ArticleRecord(
                id=article_id_for(first.source.origin),
                title=Path(first.source.origin).name,
                source=first.source.origin,
            )
        else:
            # With its cleaned text, so the article reopens even when its source is gone.
            self.record = record_for(first.source, first.cleaned, existing)
        self.record.last_opened = now()
        self.stored = existing is not None
        """Whether the library has this article (an empty one is not added: see `empty`)."""
        self.document = _document(first, frozenset(self.record.overrides))
        self.annotations = AnnotationSet(store, self.record.id, self.document, partial=self.loading)
        self.save_error = ""
        """Why the last `save` failed ("" when it did not)."""
        self.read_only = False
        """Whether the last `save` failed because the store is read-only."""
        self._saved_overrides = self.overrides if self.stored else frozenset()
        """The cleaning choices as the store has them."""

    @property
    def overrides(self) -> frozenset[str]:
        """Keys of the cleaning blocks whose keep/remove decision the reader flipped."""
        return frozenset(self.record.overrides)

    # ------------------------------------------------------------------ loading

    def fetch_rest(self) -> Rest:
        """Wait for the whole article and build its Document (blocking: a worker thread's)."""
        whole = self.loader.rest()
        overrides = self.overrides
        return Rest(whole.source, whole.cleaned, _document(whole, overrides), overrides)

    def adopt(self, rest: Rest) -> Document:
        """Make the article whole: annotations re-anchored over all of it, the record saved.

        The reader may have flipped a block while the rest was on its way: then the Document
        is built again with the choices as they are now."""
        self.source, self.cleaned = rest.source, rest.cleaned
        document = rest.document
        if rest.overrides != self.overrides:
            document = build_document(rest.cleaned, self.overrides)
        self.document = document
        self.loading = False
        self.annotations.set_document(document)
        self.record = record_for(self.source, self.cleaned, self.record)
        self.save()
        return document

    def close(self) -> None:
        """Stop loading (if it still runs) and save where the reader is."""
        self.loader.cancel()
        self.save()

    # ------------------------------------------------------------------ changes

    def toggle_block(self, key: str) -> Document:
        """Flip one cleaning decision, remember it, and return the Document it gives."""
        self.record.overrides = sorted(self.overrides ^ {key})
        self.document = build_document(self.cleaned, self.overrides)
        self.annotations.set_document(self.document, partial=self.loading)
        self.save()
        return self.document

    def set_position(self, offset: int, progress: float) -> None:
        """Where the reader is (saved with the next `save`)."""
        self.record.position = offset
        self.record.progress = round(progress, 4)

    @property
    def empty(self) -> bool:
        """Cleaning kept nothing (every block looked like page chrome) and the reader has
        restored none of it: nothing to read, so nothing to add to the library."""
        return not self.loading and len(self.document.blocks) == self.document.header

    def save(self) -> bool:
        """Save the record (its stored text follows the cleaning choices once whole) and any
        annotation change not saved yet. False if the store refused (a full disk, a read-only
        folder): `save_error` says why, everything stays here, and the next save tries again.

        An article that cleaned to nothing is not added to the library (one already there is
        still saved); restoring a block of it (`toggle_block`) keeps it.
        """
        if self.empty and not self.stored:
            return True
        if not self.loading:
            self.record.title = self.document.title
            self.record.text = self.cleaned.markdown_body(self.overrides)
        overrides = self.overrides
        try:
            self.store.save_article(self.record)
            self._saved_overrides = overrides
            self.annotations.save_pending()
        except ReaderError as error:
            self._refused(error)
            return False
        self.save_error = ""
        self.stored = True
        return True

    def _refused(self, error: ReaderError) -> None:
        self.save_error = str(error)
        self.read_only = error.errno in READ_ONLY

    def save_position(self) -> bool:
        """Save where the reader is, cheaply: the record without its text (the store keeps
        the body it has), so it can be done while reading. False as `save` on a refusal."""
        if not self.stored:
            return self.save()  # the first save is a whole one (and not of an empty article)
        overrides = self.overrides
        try:
            self.store.save_article(dataclasses.replace(self.record, text=""))
        except ReaderError as error:
            self._refused(error)
            return False
        self._saved_overrides = overrides
        return True

    @property
    def unsaved(self) -> bool:
        """Whether a change the reader made (a highlight, a note, tags, a cleaning choice) is
        not in the store yet. Where they are reading, and when they opened it, do not count:
        losing those is no reason to ask before quitting."""
        return bool(self.annotations.unsaved) or self.overrides != self._saved_overrides


def _document(part: Part | Whole, overrides: frozenset[str]) -> Document:
    """The part's Document with the reader's choices: parsed again only when there are any."""
    if part.document is not None and not overrides:
        return part.document
    return build_document(part.cleaned, overrides)
