"""`reader export`: write articles' highlights and notes to Markdown or JSON-LD files."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from reader.commands.articles import named
from reader.commands.skipped import report_skipped
from reader.errors import ReaderError
from reader.export.exporter import (
    JSON,
    MARKDOWN,
    ExportOptions,
    Item,
    Written,
    default_folder,
    document_for,
    export_text,
    export_to_file,
    export_to_folder,
)
from reader.export.render import BUILTIN_TEMPLATES
from store.library import Library


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader export",
        description=(
            "Export highlights and notes. Re-exporting into the same file keeps what you wrote "
            "between its reader:begin/reader:end markers."
        ),
    )
    parser.add_argument(
        "articles",
        nargs="*",
        metavar="ARTICLE",
        help="article id (or a unique prefix), its source file, or its title",
    )
    parser.add_argument("--all", action="store_true", help="every article that has highlights")
    parser.add_argument(
        "-o",
        "--output",
        metavar="FILE|DIR",
        help=f"file, folder, or - for standard output (default: ${'{'}READER_EXPORT_DIR{'}'} "
        f"or {default_folder()})",
    )
    parser.add_argument(
        "--format", choices=(MARKDOWN, JSON), default=MARKDOWN, help="markdown (default) or json"
    )
    parser.add_argument(
        "--template",
        metavar="FILE",
        default="default",
        help=f"Jinja2 template file, or a built-in: {', '.join(BUILTIN_TEMPLATES)} (default)",
    )
    parser.add_argument("--store", metavar="PATH", help="store folder (default: $READER_STORE)")
    return parser


def _items(library: Library, args: argparse.Namespace) -> list[Item]:
    records = library.articles()
    if args.all:
        chosen = [library.article(r.id) or r for r in records]
    else:
        chosen = [named(library, records, reference) for reference in args.articles]
    items: list[Item] = []
    seen: set[str] = set()
    for record in chosen:
        if record.id in seen:
            continue
        seen.add(record.id)
        annotations = library.annotations(record.id)
        if args.all and not annotations:
            continue
        document = document_for(record)
        if document is None:
            print(
                f"reader: {record.title or record.id}: article text not available; "
                "highlights exported without sections",
                file=sys.stderr,
            )
        items.append(Item(record, annotations, document))
    return items


def _is_folder(output: str) -> bool:
    path = Path(output).expanduser()
    if path.is_dir() or output.endswith(("/", os.sep)):
        return True
    return not path.exists() and not path.suffix


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if not args.all and not args.articles:
        raise ReaderError("export: name an ARTICLE or give --all")
    from store.paths import store_path

    library = Library(store_path(args.store))
    try:
        items = _items(library, args)
        meanings = library.color_meanings()
        report_skipped(library)
    finally:
        library.close()
    if not items:
        raise ReaderError("export: no article with highlights to export")
    options = ExportOptions(format=args.format, template=args.template, meanings=meanings)
    if args.output == "-":
        sys.stdout.write(export_text(items, options))
        return 0
    if args.output is None or _is_folder(args.output):
        folder = Path(args.output).expanduser() if args.output else default_folder()
        for written in export_to_folder(items, folder, options):
            _report(written)
        return 0
    _report(export_to_file(items, Path(args.output).expanduser(), options))
    return 0


def _report(written: Written) -> None:
    print(f"{written.path}{'' if written.changed else ' (unchanged)'}")
    if written.backup is not None:
        print(
            f"reader: {written.path.name} had edits outside its kept blocks; "
            f"that version is saved as {written.backup}",
            file=sys.stderr,
        )
