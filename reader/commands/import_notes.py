"""`reader import FILE...`: bring highlights and notes in from an export (this reader's JSON,
any W3C Web Annotation JSON-LD, Hypothesis API JSON), merged with those already here."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from reader.commands.intake import Planner, apply, arrivals_from, report
from reader.errors import ReaderError
from reader.incoming import MAX_BYTES, ImportFileError, Parsed, parse, read_file
from store.library import Library
from store.paths import store_path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader import",
        description=(
            "Import highlights and notes: this reader's `export --format json`, W3C Web "
            "Annotations, or Hypothesis API JSON. An annotation already here is updated "
            "when the file has a newer version, never duplicated; when both changed, both "
            "versions are kept in its note."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help="JSON file to import")
    parser.add_argument(
        "--dry-run", action="store_true", help="print what would be added, changed and skipped"
    )
    parser.add_argument(
        "--fetch",
        action="store_true",
        help="fetch web pages not yet in the library now (default: when first opened)",
    )
    parser.add_argument(
        "--skip-unquoted",
        action="store_true",
        help="import the others when some annotations have no quote (page notes)",
    )
    parser.add_argument(
        "--max-size",
        type=float,
        metavar="MB",
        help=f"refuse files larger than this (default {MAX_BYTES / 1e6:.0f} MB)",
    )
    parser.add_argument("--store", metavar="PATH", help="store folder (default: $READER_STORE)")
    return parser


def _read_all(paths: list[Path], max_bytes: int, skip_unquoted: bool) -> list[Parsed]:
    """Every file parsed, or the first one's error: nothing is written unless all read."""
    parsed = []
    for path in paths:
        one = parse(read_file(path, max_bytes), str(path))
        if one.unquoted and not skip_unquoted:
            some = ", ".join(one.unquoted[:3])
            raise ImportFileError(
                f"{path}: {len(one.unquoted)} annotation(s) have no quote to place in the text "
                f"(page notes?), e.g. {some}; nothing was imported (--skip-unquoted imports "
                "the others)"
            )
        parsed.append(one)
    return parsed


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if args.max_size is not None and args.max_size <= 0:
        raise ReaderError("--max-size must be a positive number of megabytes")
    max_bytes = MAX_BYTES if args.max_size is None else int(args.max_size * 1e6)
    paths = [Path(name).expanduser() for name in args.files]
    parsed = _read_all(paths, max_bytes, args.skip_unquoted)

    folder = store_path(args.store)
    with tempfile.TemporaryDirectory(prefix="reader-dry-run-") as empty:
        # A dry run on a store that does not exist yet plans against an empty one, and
        # creates nothing.
        library = Library(Path(empty) if args.dry_run and not folder.exists() else folder)
        try:
            planner = Planner(library, fetch=args.fetch)
            for path, one in zip(paths, parsed, strict=True):
                skipped = f", {len(one.skipped)} skipped" if one.skipped else ""
                unquoted = f", {len(one.unquoted)} without a quote skipped" if one.unquoted else ""
                print(f"{path}: {len(one.annotations)} annotations ({one.kind}){skipped}{unquoted}")
                for skip in one.skipped:
                    print(f"  skip      {skip.id}: {skip.reason}")
                for arrival in arrivals_from(one.annotations, path.name):
                    planner.add(arrival)
            plan = planner.plan
            if not args.dry_run:
                apply(library, plan)
        finally:
            library.close()
    report(plan, args.dry_run)
    return 0
