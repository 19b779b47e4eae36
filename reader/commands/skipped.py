"""Say, in one line on stderr, that a command skipped store records of the wrong shape."""

from __future__ import annotations

import sys

from store.library import Library


def report_skipped(library: Library) -> None:
    """One warning line if reading skipped damaged records (the command still succeeds)."""
    skipped = library.skipped_records()
    if not skipped:
        return
    more = f" and {len(skipped) - 1} more" if len(skipped) > 1 else ""
    print(
        f"reader: skipped a damaged store record ({skipped[0]}){more}; "
        "`reader store check` lists them, `reader store restore` repairs them",
        file=sys.stderr,
    )
