"""`reader review`: go over your highlights, one at a time, the longest unseen first."""

from __future__ import annotations

import argparse

from reader.commands.articles import named
from reader.errors import ReaderError
from reader.records import COLORS
from reader.review import Filter


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader review",
        description=(
            "Review highlights across the library, one at a time: never reviewed first, then "
            "the longest ago. Keep, skip, edit the note or tags, recolour, delete, or open "
            "the article at the highlight."
        ),
    )
    parser.add_argument("--tag", metavar="T", default="", help="only highlights with this tag")
    parser.add_argument(
        "--color", metavar="C", default="", help=f"only this colour ({', '.join(COLORS)})"
    )
    parser.add_argument(
        "--article",
        metavar="A",
        action="append",
        default=[],
        help="only this article: id (or its start), file, URL or title (repeat for more)",
    )
    parser.add_argument("--store", metavar="PATH", help="store folder (default: $READER_STORE)")
    return parser


def run(argv: list[str]) -> int:
    from reader.startup import pause_collector

    pause_collector()  # until the first frame, as `reader FILE` does (the app resumes it)
    args = _parser().parse_args(argv)
    color = args.color.strip().lower()
    if color and color not in COLORS:
        raise ReaderError(f"unknown colour {args.color!r}: use one of {', '.join(COLORS)}")
    from store.library import Library
    from store.paths import store_path

    library = Library(store_path(args.store))
    try:
        records = library.articles() if args.article else []
        articles = frozenset(named(library, records, ref).id for ref in args.article)
        only = Filter(tag=args.tag.strip(), color=color, articles=articles)
        from widgets.app import ReaderApp

        app = ReaderApp(library, None, review=only)
        app.run()
        return app.return_code or 0
    finally:
        library.close()
