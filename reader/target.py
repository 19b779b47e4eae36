"""Load what a user names: a file path, `-` (standard input) or an http(s) URL.

Above both `load` (files, bytes) and `fetch` (HTTP), so that neither imports the other.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reader.limits import DEFAULT_MAX_BYTES, DOWNLOAD_SECONDS
from reader.load import Source, is_url, load_path, load_stdin

if TYPE_CHECKING:
    from reader.fetch import Progress


def load_target(
    target: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    download_seconds: float = DOWNLOAD_SECONDS,
    progress: Progress | None = None,
) -> Source:
    """Load a file path, `-` (standard input) or an http(s) URL (given `download_seconds`;
    `progress` hears how far its download is)."""
    if target == "-":
        return load_stdin(max_bytes)
    if is_url(target):
        from reader.fetch import fetch  # not at import: httpx is slow to import

        return fetch(target, max_bytes=max_bytes, deadline=download_seconds, progress=progress)
    return load_path(Path(target), max_bytes)
