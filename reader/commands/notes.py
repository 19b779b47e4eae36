"""`reader notes add|list`: add a highlight with a note from a script, or list notes."""

from __future__ import annotations

import argparse
import json
import re
import sys

from reader.anchor import Anchor, Selectors, Status, describe
from reader.annotation_set import Placed, placed_in
from reader.commands.articles import find_stored, resolve
from reader.commands.skipped import report_skipped
from reader.errors import ReaderError
from reader.records import COLORS, AnnotationRecord, ArticleRecord
from reader.sanitize import clean_text, strip_control
from reader.stored_article import current_document
from store.library import Library
from store.paths import store_path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader notes", description=__doc__)
    parser.add_argument("--store", metavar="PATH", help="store folder (default: $READER_STORE)")
    commands = parser.add_subparsers(dest="command", required=True)
    add = commands.add_parser("add", help="highlight a quote of an article, with a note")
    add.add_argument("article", metavar="ARTICLE", help="a file, a URL or a stored article id")
    add.add_argument("--quote", required=True, help="text to highlight, as it reads in the article")
    add.add_argument("--note", default="", help="the note attached to the highlight")
    add.add_argument("--color", default=COLORS[0], help=f"one of {', '.join(COLORS)}")
    add.add_argument("--tag", action="append", default=[], help="a tag (repeat for more)")
    add.add_argument("--store", metavar="PATH", dest="store_sub", help=argparse.SUPPRESS)
    listing = commands.add_parser("list", help="list the notes of one article or of all")
    listing.add_argument("article", metavar="ARTICLE", nargs="?", help="file, URL or article id")
    listing.add_argument("--json", action="store_true", help="JSON instead of text")
    listing.add_argument("--store", metavar="PATH", dest="store_sub", help=argparse.SUPPRESS)
    return parser


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` first occurs in `text`, letting any run of whitespace match any other."""
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote)
    words = quote.split()
    if not words:
        return None
    found = re.search(r"\s+".join(re.escape(word) for word in words), text)
    return (found.start(), found.end()) if found else None


def _tags(raw: list[str]) -> list[str]:
    tags: list[str] = []
    for tag in raw:
        tag = " ".join(clean_text(tag).split())
        if tag and tag not in tags:
            tags.append(tag)
    return tags


def _utf8(value: str, option: str) -> str:
    """An argument as text, or a one-line error if the terminal passed bytes that are not UTF-8
    (Python keeps them as lone surrogates, which no store or export can hold)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as error:
        raw = value[error.start : error.end].encode("utf-8", "surrogateescape")
        shown = " ".join(f"0x{byte:02x}" for byte in raw[:4])
        raise ReaderError(
            f"{option}: not UTF-8 text (byte {shown}); is the terminal set to UTF-8?"
        ) from None
    return value


def add(library: Library, args: argparse.Namespace) -> int:
    for value, option in [
        (args.quote, "--quote"),
        (args.note, "--note"),
        (args.color, "--color"),
        *((tag, "--tag") for tag in args.tag),
    ]:
        _utf8(value, option)
    if args.color not in COLORS:
        raise ReaderError(f"unknown colour {args.color!r}: use one of {', '.join(COLORS)}")
    quote = clean_text(args.quote).strip()
    if not quote:
        raise ReaderError("the quote is empty")
    record, document = resolve(args.article, library)
    span = find_quote(document.text, quote)
    if span is None:
        shown = " ".join(quote.split())
        shown = shown if len(shown) <= 60 else shown[:57] + "..."
        raise ReaderError(f"{shown!r} does not occur in the cleaned text of {record.title!r}")
    selectors = describe(document.text, *span)
    note = AnnotationRecord(
        article_id=record.id,
        **selectors.fields(),
        color=args.color,
        note=clean_text(args.note).strip(),
        tags=_tags(args.tag),
    )
    library.save_annotation(note)
    print(note.id)
    return 0


def _line(text: str) -> str:
    return " ".join(strip_control(text).split())


def _as_json(placed: Placed, article: ArticleRecord, text: str | None) -> dict[str, object]:
    """A note as JSON: its record, where it is in the article's current text and how it got
    there (`status`), and W3C selectors for that place (as recorded when it has none sure)."""
    note = placed.record
    data: dict[str, object] = note.to_dict()
    data["article_title"] = article.title
    data["article_source"] = article.source
    data["status"] = placed.status.value
    data["start"], data["end"] = placed.start, placed.end
    sure = not placed.orphaned and placed.status is not Status.AMBIGUOUS
    if text is not None and sure:
        selectors = describe(text, placed.start, placed.end)
    else:
        selectors = Selectors.of(note)
    data["selectors"] = selectors.to_w3c()
    return data


def _placed(
    article: ArticleRecord, notes: list[AnnotationRecord]
) -> tuple[list[Placed], str | None]:
    """The notes placed in the article as the reader would open it now (its source file
    while it is there), in document order; with the text, None if it cannot be read."""
    if not notes:
        return [], None
    document = current_document(article)
    if document is None:
        # Offsets trusted as stored; none at all (-1: imported before its article's text was
        # here) is an orphan until the article is opened.
        return [
            Placed(
                note,
                Anchor(note.start, note.end, Status.OK if note.start >= 0 else Status.ORPHANED),
            )
            for note in notes
        ], None
    found = placed_in(document.text, notes)
    return sorted(
        found, key=lambda p: (p.orphaned, p.start, p.end, p.record.created)
    ), document.text


def list_notes(library: Library, args: argparse.Namespace) -> int:
    if args.article:
        article = find_stored(args.article, library)
        if article is None:
            raise ReaderError(f"{args.article}: not an article in the library")
        articles = [article]
    else:
        articles = library.articles()
    groups = [(article, *_placed(article, library.annotations(article.id))) for article in articles]
    if args.json:
        out = [_as_json(p, article, text) for article, placed, text in groups for p in placed]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    shown = 0
    for article, placed, _ in groups:
        if not placed:
            continue
        print(f"{_line(article.title)}  ({article.id})")
        for one in placed:
            note = one.record
            tags = "".join(f"  #{_line(tag)}" for tag in note.tags)
            status = "" if one.status is Status.OK else f" ({one.status.value})"
            text = f"  [{note.color}]{status} “{_line(note.exact)}”"
            if note.note:
                text += f" — {_line(note.note)}"
            print(text + tags)
        shown += len(placed)
    if not shown:
        print("No notes yet.")
    return 0


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    library = Library(store_path(args.store_sub or args.store))
    try:
        return add(library, args) if args.command == "add" else list_notes(library, args)
    finally:
        report_skipped(library)
        library.close()
