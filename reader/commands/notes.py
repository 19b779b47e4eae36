"""`reader notes add|list`: add a highlight with a note from a script, or list notes."""

from __future__ import annotations

import argparse
import json
import re
import sys

from reader.anchor import Selectors, describe
from reader.commands.articles import find_stored, resolve
from reader.errors import ReaderError
from reader.records import COLORS, AnnotationRecord, ArticleRecord
from reader.sanitize import clean_text, strip_control
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


def add(library: Library, args: argparse.Namespace) -> int:
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


def _as_json(note: AnnotationRecord, article: ArticleRecord | None) -> dict[str, object]:
    data: dict[str, object] = note.to_dict()
    data["article_title"] = article.title if article else ""
    data["article_source"] = article.source if article else ""
    selectors = Selectors.from_fields(
        note.exact, note.prefix, note.suffix, note.start, note.end, note.text_hash
    )
    data["selectors"] = selectors.to_w3c()
    return data


def list_notes(library: Library, args: argparse.Namespace) -> int:
    if args.article:
        article = find_stored(args.article, library)
        if article is None:
            raise ReaderError(f"{args.article}: not an article in the library")
        articles = [article]
    else:
        articles = library.articles()
    groups = [(article, library.annotations(article.id)) for article in articles]
    if args.json:
        out = [_as_json(note, article) for article, notes in groups for note in notes]
        json.dump(out, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    shown = 0
    for article, notes in groups:
        if not notes:
            continue
        print(f"{_line(article.title)}  ({article.id})")
        for note in notes:
            tags = "".join(f"  #{_line(tag)}" for tag in note.tags)
            text = f"  [{note.color}] “{_line(note.exact)}”"
            if note.note:
                text += f" — {_line(note.note)}"
            print(text + tags)
        shown += len(notes)
    if not shown:
        print("No notes yet.")
    return 0


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    library = Library(store_path(args.store_sub or args.store))
    try:
        return add(library, args) if args.command == "add" else list_notes(library, args)
    finally:
        library.close()
