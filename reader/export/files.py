"""File names from titles, the choice of a file per article, and atomic writes."""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections.abc import Callable
from pathlib import Path

from reader.errors import ReaderError
from reader.sanitize import strip_control

MAX_NAME_BYTES = 120
"""Limit for the stem: well under the 255 bytes most file systems allow, leaving room for a
" (12)" suffix and the extension."""

# Separators, characters Windows forbids, and anything invisible.
_FORBIDDEN = re.compile(r'[/\\:*?"<>|\x00-\x1f\x7f]')
_RESERVED = re.compile(r"(CON|PRN|AUX|NUL|COM\d|LPT\d)(\..*)?", re.IGNORECASE)
HEAD_CHARS = 1 << 20
"""How much of a file `read_head` reads: a shorter result is the whole file."""


def safe_stem(title: str, limit: int = MAX_NAME_BYTES) -> str:
    """A file name stem from a title: one path component, printable, not hidden, bounded."""
    text = unicodedata.normalize("NFC", strip_control(title))
    text = _FORBIDDEN.sub(" ", text)
    # Formatting characters (zero-width, bidi) make names that look like other names.
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc", "Cs", "Co"))
    text = " ".join(text.split()).strip(" .")
    encoded = text.encode("utf-8")
    if len(encoded) > limit:
        text = encoded[:limit].decode("utf-8", "ignore").rstrip(" .")
    if not text:
        text = "Untitled"
    if _RESERVED.fullmatch(text):
        text = f"_{text}"
    return text


def inside(folder: Path, name: str) -> Path:
    """`folder/name`, refusing any name that would leave the folder."""
    if name in ("", ".", "..") or "/" in name or "\\" in name or "\x00" in name:
        raise ReaderError(f"{name!r}: not a plain file name")
    return folder / name


def choose_path(
    folder: Path,
    stem: str,
    suffix: str,
    is_ours: Callable[[Path], bool],
    taken: set[Path],
) -> Path:
    """The file for one article: its own earlier export, else the first free name.

    "Title.md", "Title (2).md"... A file that exists and is not this article's export (another
    article with the same title, or the user's own file) is never chosen, nor is a symlink, nor
    a name already given to another article in this run.
    """
    for number in range(1, 10_000):
        name = f"{stem}{suffix}" if number == 1 else f"{stem} ({number}){suffix}"
        path = inside(folder, name)
        if path in taken or path.is_symlink():
            continue
        if not path.exists() or (path.is_file() and is_ours(path)):
            taken.add(path)
            return path
    raise ReaderError(f"{folder}: too many files named {stem!r}")


def read_head(path: Path) -> str:
    """The start of a file as text (enough to find our markers), "" if unreadable."""
    try:
        with path.open("r", encoding="utf-8", errors="replace") as handle:
            return handle.read(HEAD_CHARS)
    except OSError:
        return ""


def read_text(path: Path) -> str | None:
    """A file's text, None when it does not exist."""
    try:
        return path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ReaderError(f"{path}: cannot read ({error.strerror})") from None


def write_atomic(path: Path, data: bytes) -> None:
    """Replace `path` with `data` all at once: a failure leaves the old file as it was."""
    temp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    try:
        mode = path.stat().st_mode & 0o777
        replacing = True
    except OSError:
        mode = 0o666  # the umask applies, as for any new file
        replacing = False
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                # The old file may hold the user's words: make the new one durable before it
                # takes its place. A new file risks nothing, and skipping the sync makes
                # exporting a whole library fast.
                if replacing:
                    os.fsync(handle.fileno())
        except BaseException:
            temp.unlink(missing_ok=True)
            raise
        os.replace(temp, path)
    except OSError as error:
        temp.unlink(missing_ok=True)
        raise ReaderError(f"{path}: cannot write ({error.strerror or error})") from None
