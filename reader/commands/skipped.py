"""Say, in one line on stderr, that a command skipped store records of the wrong shape."""

from __future__ import annotations

import sys

from store.library import Library


def report_skipped(library: Library) -> None:
    """One warning line if reading skipped damaged records (the command still succeeds)."""
    summary = library.skipped_summary()
    if summary:
        print(f"reader: {summary}", file=sys.stderr)
