"""The `reader` command: open an article in the TUI, or run a subcommand."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

from reader import __version__
from reader.errors import ReaderError

# Subcommand name -> module with `run(argv: list[str]) -> int`. A file with one of these names
# is still opened with `reader ./clean`.
COMMANDS: dict[str, str] = {
    "clean": "reader.commands.clean",
    "export": "reader.commands.export",
    "import": "reader.commands.import_notes",
    "library": "reader.commands.library",
    "notes": "reader.commands.notes",
    "review": "reader.commands.review",
    "store": "reader.commands.store",
}


def _open_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader",
        description="Read an article in the terminal, highlight it and take notes.",
        epilog="Subcommands: " + (", ".join(sorted(COMMANDS)) or "none yet"),
    )
    parser.add_argument("file", nargs="?", help="article to open: plain text, HTML or Markdown")
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    parser.add_argument("--store", metavar="PATH", help="store folder (default: $READER_STORE)")
    parser.add_argument(
        "--width",
        type=int,
        metavar="CELLS",
        help="reading column width for this run (default: as last set with + and -, else 80)",
    )
    parser.add_argument(
        "--max-size",
        type=float,
        metavar="MB",
        help="refuse articles larger than this (default 52 MB, as reader clean)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        metavar="SECONDS",
        help="give up on a URL whose download takes longer (default 30 s, as reader clean)",
    )
    return parser


def open_article(argv: Sequence[str]) -> int:
    from reader.startup import pause_collector

    pause_collector()  # until the app's first frame (widgets call first_frame_shown)
    args = _open_parser().parse_args(argv)
    from reader.limits import (
        DEFAULT_MAX_BYTES,
        DOWNLOAD_SECONDS,
        Limits,
        max_bytes_from,
        seconds_from,
    )
    from reader.loader import open_loader

    # One line for --max-size 0, inf, nan or 1e308, --timeout 0 or nan.
    max_bytes = DEFAULT_MAX_BYTES if args.max_size is None else max_bytes_from(args.max_size)
    seconds = DOWNLOAD_SECONDS if args.timeout is None else seconds_from(args.timeout)

    # The article loads in a child process while this one imports the UI (two cores).
    loader = None if args.file is None else open_loader(args.file, max_bytes, seconds)
    try:
        from reader.load import is_url
        from store.library import Library
        from store.paths import store_path
        from widgets.app import ReaderApp

        # On a terminal, a URL downloads in the UI (a progress line, Esc cancels); else, as a
        # file, before the UI: a bad article is one line on the terminal.
        download = (
            args.file if args.file is not None and is_url(args.file) and _on_a_terminal() else None
        )
        if loader is not None and download is None:
            loader.first()
        library = Library(store_path(args.store))
        try:
            # Without an article, the app opens on the library.
            width = None if args.width is None else max(20, args.width)
            limits = Limits(max_bytes, seconds)
            app = ReaderApp(library, loader, column_width=width, limits=limits, download=download)
            app.run()
            if app.failure is not None:
                raise app.failure
            status = app.return_code or 0
        finally:
            library.close()
    finally:
        if loader is not None:
            loader.cancel()
    return status


def _on_a_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


# What a shell reports for a command ended by SIGPIPE (128 + 13), as `git log | head -1` does.
CLOSED_PIPE_STATUS = 141


def _run_command(args: list[str]) -> int:
    if args and args[0] in COMMANDS:
        module = importlib.import_module(COMMANDS[args[0]])
        status: int = module.run(args[1:])
        return status
    return open_article(args)


def _quiet_on_closed_pipe(args: list[str]) -> int:
    """The command's status; a reader of its output that went away (`| head`) ends it quietly."""
    try:
        try:
            status = _run_command(args)
        finally:
            # Flushed here, so that a closed pipe is seen here (also after --help's exit), and
            # not as a traceback when Python flushes at exit.
            sys.stdout.flush()
    except BrokenPipeError:
        # Nothing more can be written: point stdout at /dev/null so the exit flush is quiet.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
        return CLOSED_PIPE_STATUS
    return status


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _quiet_on_closed_pipe(args)
    except ReaderError as error:
        print(f"reader: {error}", file=sys.stderr)
        return error.exit_status
    except KeyboardInterrupt:
        return 130
