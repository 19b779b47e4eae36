"""Exporting articles to files: choose the file, keep the user's blocks, write atomically."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from platformdirs import user_documents_path

from reader.document import Document
from reader.errors import ReaderError
from reader.export import files, jsonld, keep, model, render
from reader.records import AnnotationRecord, ArticleRecord, now
from reader.stored_article import current_document

MARKDOWN = "markdown"
JSON = "json"
SUFFIXES = {MARKDOWN: ".md", JSON: ".json"}
EXPORT_DIR_VAR = "READER_EXPORT_DIR"
LEFTOVER_HEADING = "## Notes kept from an earlier export"

_EXPORTED_LINE = re.compile(r'^exported: "([^"\n]*)"$', re.MULTILINE)


def default_folder() -> Path:
    """Where exports go without -o: $READER_EXPORT_DIR, else Documents/reader-notes."""
    if env := os.environ.get(EXPORT_DIR_VAR):
        return Path(env).expanduser()
    return user_documents_path() / "reader-notes"


@dataclass(frozen=True)
class ExportOptions:
    format: str = MARKDOWN
    template: str | Path = "default"
    """A built-in template name or a template file."""
    meanings: Mapping[str, str] = field(default_factory=dict)
    """What each highlight colour means to the user."""


@dataclass(frozen=True)
class Item:
    """One article to export, with its notes and current Document (None when unavailable)."""

    record: ArticleRecord
    annotations: Sequence[AnnotationRecord]
    document: Document | None


@dataclass(frozen=True)
class Written:
    path: Path
    changed: bool
    """False when the file already held exactly this export (it was left untouched)."""
    backup: Path | None = None
    """Where the previous file was saved, when it had edits outside its kept blocks."""


def document_for(record: ArticleRecord) -> Document | None:
    """The article's Document as the reader would open it now: from its source file while it
    is there, else from the stored text (see `stored_article.current_document`)."""
    return current_document(record)


def render_markdown(
    item: Item,
    template: render.Template,
    meanings: Mapping[str, str],
    kept: keep.Kept | None = None,
    exported: str | None = None,
) -> str:
    """The export of one article, with the user's blocks from `kept` in place."""
    view = model.build(
        item.record,
        item.annotations,
        item.document,
        meanings=meanings,
        kept=kept,
        exported=exported,
    )
    text = render.render(template, view)
    return keep.with_leftovers(kept, text, LEFTOVER_HEADING) if kept and kept.blocks else text


def render_json(items: Sequence[Item], meanings: Mapping[str, str] | None = None) -> bytes:
    """The Web Annotation collection of the articles' highlights."""
    views = [
        (
            model.build(item.record, item.annotations, item.document, meanings=meanings),
            item.document.text if item.document else None,
        )
        for item in items
    ]
    records = {note.id: note for item in items for note in item.annotations}
    return jsonld.collection(views, records=records)


def _is_ours(
    article_id: str | None, fmt: str, heads: dict[Path, str] | None = None
) -> Callable[[Path], bool]:
    """Whether a file is an earlier export of this article (None: of several articles).

    What it reads is left in `heads`, so the file is not read twice.
    """
    if fmt == MARKDOWN and article_id is not None:
        mark = keep.article_mark(article_id)
    else:
        mark = f'"{jsonld.article_urn(article_id) if article_id else jsonld.SEVERAL}"'

    def is_ours(path: Path) -> bool:
        head = files.read_head(path)
        if heads is not None:
            heads[path] = head
        return mark in head

    return is_ours


def _write_markdown(
    path: Path,
    item: Item,
    template: render.Template,
    options: ExportOptions,
    head: str | None = None,
) -> Written:
    """Write one article's export to `path`; `head` is what `files.read_head` read of it."""
    old = head if head is not None and len(head) < files.HEAD_CHARS else files.read_text(path)
    kept = keep.find_blocks(old) if old is not None else keep.Kept({})
    stamp = model.exported_at(item.record, item.annotations)
    if old is not None and (previous := _EXPORTED_LINE.search(old)):
        earlier = previous.group(1)
        same = keep.sign(render_markdown(item, template, options.meanings, kept, earlier))
        if same == old:
            return Written(path, False)
        if earlier >= stamp:
            # The notes changed without a newer edit time (a highlight was deleted).
            stamp = now()
    text = keep.sign(render_markdown(item, template, options.meanings, kept, stamp))
    if text == old:
        return Written(path, False)
    backup = None
    if old is not None and keep.edited_outside_blocks(old):
        # Words written outside the kept blocks would be replaced: keep that version whole.
        backup = files.choose_path(
            path.parent, f"{path.stem} (edited)", path.suffix, lambda _: False, set()
        )
        files.write_atomic(backup, old.encode("utf-8", "replace"))
    files.write_atomic(path, text.encode("utf-8", "replace"))
    return Written(path, True, backup)


def _write_json(path: Path, items: Sequence[Item], options: ExportOptions) -> Written:
    data = render_json(items, options.meanings)
    try:
        if path.read_bytes() == data:
            return Written(path, False)
    except OSError:
        pass
    files.write_atomic(path, data)
    return Written(path, True)


def export_to_folder(
    items: Sequence[Item], folder: Path, options: ExportOptions | None = None
) -> list[Written]:
    """One file per article in `folder`, named from its title; returns what was written."""
    options = options or ExportOptions()
    suffix = SUFFIXES[options.format]
    template = render.load_template(options.template) if options.format == MARKDOWN else None
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ReaderError(f"{folder}: cannot create the folder ({error.strerror})") from None
    if not folder.is_dir():
        raise ReaderError(f"{folder}: not a folder")
    taken: set[Path] = set()
    written: list[Written] = []
    for item in items:
        heads: dict[Path, str] = {}
        is_ours = _is_ours(item.record.id, options.format, heads)
        stem = files.safe_stem(item.record.title or "Untitled")
        path = files.choose_path(folder, stem, suffix, is_ours, taken)
        if template is not None:
            written.append(_write_markdown(path, item, template, options, heads.get(path)))
        else:
            written.append(_write_json(path, [item], options))
    return written


def export_to_file(
    items: Sequence[Item], path: Path, options: ExportOptions | None = None
) -> Written:
    """All of `items` into one file (one article for Markdown); refuses to overwrite a file
    that is not an earlier export of the same article."""
    options = options or ExportOptions()
    if options.format == MARKDOWN and len(items) != 1:
        raise ReaderError(f"{path}: a Markdown file holds one article; give -o a folder")
    if path.is_dir():
        raise ReaderError(f"{path}: is a folder")
    article_id = items[0].record.id if len(items) == 1 else None
    if path.exists() and not _is_ours(article_id, options.format)(path):
        raise ReaderError(
            f"{path}: exists and is not an export of this article; not overwriting it"
        )
    if not path.parent.is_dir():
        raise ReaderError(f"{path.parent}: no such folder")
    if options.format == MARKDOWN:
        return _write_markdown(path, items[0], render.load_template(options.template), options)
    return _write_json(path, items, options)


def export_text(items: Sequence[Item], options: ExportOptions | None = None) -> str:
    """The export as text (for standard output): articles one after another."""
    options = options or ExportOptions()
    if options.format == JSON:
        return render_json(items, options.meanings).decode("utf-8")
    template = render.load_template(options.template)
    return "\n".join(render_markdown(item, template, options.meanings) for item in items)


def export_article(
    record: ArticleRecord,
    annotations: Sequence[AnnotationRecord],
    document: Document | None,
    folder: Path | None = None,
    options: ExportOptions | None = None,
) -> Path:
    """Export one article into `folder` (default: `default_folder()`); the path written.

    Re-exporting keeps what the user wrote in the file's marked blocks, and leaves the file
    untouched when nothing changed.
    """
    item = Item(record, annotations, document)
    return export_to_folder([item], folder or default_folder(), options)[0].path
