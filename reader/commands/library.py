"""`reader library`: the saved articles, last read first."""

from __future__ import annotations

import argparse
import json
import sys

from reader.commands.skipped import report_skipped
from reader.sanitize import strip_control
from store.library import Library
from store.paths import store_path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader library", description=__doc__)
    parser.add_argument("--store", metavar="PATH", help="store folder (default: $READER_STORE)")
    parser.add_argument("--json", action="store_true", help="JSON instead of a table")
    return parser


def _cell(text: str, width: int, keep_end: bool = False) -> str:
    """One line of at most `width` characters; paths keep their end (the file name)."""
    text = " ".join(strip_control(text).split())
    if len(text) <= width:
        return text
    return "…" + text[1 - width :] if keep_end else text[: width - 1] + "…"


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    library = Library(store_path(args.store))
    try:
        articles = library.articles()
        counts = library.annotation_counts()
        report_skipped(library)
    finally:
        library.close()
    if args.json:
        rows = []
        for article in articles:
            row = article.to_dict()
            del row["text"]
            row["highlights"] = counts.get(article.id, 0)
            rows.append(row)
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if not articles:
        print("The library is empty: open an article with `reader FILE`.")
        return 0
    print(f"{'LAST READ':16}  {'ADDED':10}  {'NOTES':>5}  {'READ':>4}  TITLE / SOURCE / ID")
    for article in articles:
        print(
            f"{article.last_opened[:16].replace('T', ' '):16}  {article.added[:10]:10}  "
            f"{counts.get(article.id, 0):>5}  {round(article.progress * 100):>3}%  "
            f"{_cell(article.title, 60)}"
        )
        print(f"{'':43}{_cell(article.source, 60, keep_end=True)}  {article.id}")
    return 0
