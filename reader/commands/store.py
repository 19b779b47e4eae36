"""`reader store path|check|restore|merge`: where the store is, whether it reads, recovery,
and bringing in another store's notes."""

from __future__ import annotations

import argparse
from pathlib import Path

from reader.errors import ReaderError
from store.check import check, restore
from store.paths import store_path
from store.schema import SCHEMA_VERSION


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="reader store", description=__doc__)
    parser.add_argument("--store", metavar="PATH", help="store folder (default: $READER_STORE)")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("path", help="print the store folder")
    checking = commands.add_parser("check", help="read every store file and its backups")
    checking.add_argument("--store", metavar="PATH", dest="store_sub", help=argparse.SUPPRESS)
    restoring = commands.add_parser(
        "restore", help="put the newest good backup in place of each damaged file"
    )
    restoring.add_argument("file", nargs="?", help="only this store file (e.g. library.json)")
    restoring.add_argument(
        "--from", dest="backup", metavar="BACKUP", help="restore FILE from this backup file"
    )
    restoring.add_argument("--store", metavar="PATH", dest="store_sub", help=argparse.SUPPRESS)
    merging = commands.add_parser(
        "merge",
        help="bring in the articles and notes of another store folder (it is only read)",
    )
    merging.add_argument("other", metavar="OTHER_STORE", help="the other store's folder")
    merging.add_argument(
        "--dry-run", action="store_true", help="print what would be added, changed and skipped"
    )
    merging.add_argument("--store", metavar="PATH", dest="store_sub", help=argparse.SUPPRESS)
    return parser


def _relative(folder: Path, name: str) -> Path:
    path = Path(name)
    if path.is_absolute():
        try:
            return path.resolve().relative_to(folder.resolve())
        except ValueError:
            raise ReaderError(f"{name}: not a file of the store {folder}") from None
    if ".." in path.parts:
        raise ReaderError(f"{name}: not a file of the store {folder}")
    return path


def _check(folder: Path) -> int:
    states = check(folder)
    bad = [s for s in states if not s.ok]
    notes = sum(s.annotations for s in states[1:])
    print(f"store: {folder} (schema {SCHEMA_VERSION})")
    for state in bad:
        print(f"PROBLEM {state.path}: {state.problem}")
        for backup, verdict in state.backups:
            print(f"    backup {backup}: {verdict or 'good'}")
        if not state.backups:
            print("    no backups")
    if bad:
        print(f"{len(bad)} of {len(states)} files cannot be read: `reader store restore` fixes")
        return 1
    print(f"all {len(states)} files read fine: {states[0].annotations} articles, {notes} notes")
    return 0


def _restore(folder: Path, args: argparse.Namespace) -> int:
    if args.backup and not args.file:
        raise ReaderError("--from needs the store file to restore, e.g. library.json")
    relative = _relative(folder, args.file) if args.file else None
    backup = Path(args.backup).expanduser() if args.backup else None
    done = restore(folder, relative, backup)
    if not done:
        print("nothing to restore: every store file reads fine")
    for item in done:
        kept = f"; the replaced file is kept as {item.kept_aside}" if item.kept_aside else ""
        if item.detail:
            print(f"repaired {item.path}: {item.detail}{kept}")
        else:
            print(f"restored {item.path} from {item.backup}{kept}")
    return 0


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    folder = store_path(getattr(args, "store_sub", None) or args.store)
    if args.command == "path":
        print(folder)
        return 0
    if args.command == "merge":
        from reader.commands.store_merge import merge_store

        return merge_store(folder, Path(args.other), args.dry_run)
    try:
        return _check(folder) if args.command == "check" else _restore(folder, args)
    except BrokenPipeError:
        raise  # our reader went away (`| head`): the CLI ends quietly
    except OSError as error:
        what = f" {error.filename}" if error.filename else ""
        raise ReaderError(f"cannot read or write{what} ({error.strerror or error})") from None
