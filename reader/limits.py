"""Limits on what the reader loads (a module of its own: the CLI reads it before loading)."""

from typing import NamedTuple

DEFAULT_MAX_BYTES = 50 * 1024 * 1024
"""Inputs larger than this are refused unless --max-size raises the limit."""

DOWNLOAD_SECONDS = 30.0
"""A URL's whole download (headers and body) gives up after this many seconds (--timeout)."""


class Limits(NamedTuple):
    """What one run allows a page it opens (the article, a link followed): --max-size and
    --timeout."""

    max_bytes: int = DEFAULT_MAX_BYTES
    download_seconds: float = DOWNLOAD_SECONDS


DEFAULT_LIMITS = Limits()

MAX_MEGABYTES = 1_000_000.0
"""The largest --max-size accepted (a terabyte: more than any article, less than overflows)."""


def size_text(size: int) -> str:
    """A size for a message: megabytes to two decimals at most (`52.43 MB`, `2 MB`), bytes when
    that would round to nothing (`200 bytes`), so a limit is never told as `0 MB`."""
    if size < 10_000:
        return f"{size:,} bytes"
    return f"{size / 1e6:,.2f}".rstrip("0").rstrip(".") + " MB"


def max_bytes_from(megabytes: float) -> int:
    """--max-size MB as bytes; a one-line error for 0, a negative, inf, nan or 1e308."""
    from reader.errors import ReaderError

    if not 0 < megabytes <= MAX_MEGABYTES:  # False for nan too
        raise ReaderError(
            f"--max-size must be a positive number of megabytes, at most {MAX_MEGABYTES:,.0f}"
        )
    return int(megabytes * 1e6)


def seconds_from(seconds: float) -> float:
    """--timeout SECONDS checked: a one-line error for 0, a negative, inf or nan."""
    from reader.errors import ReaderError

    if not 0 < seconds < float("inf"):
        raise ReaderError("--timeout must be a positive number of seconds")
    return seconds
