"""Read a source file into text: size limits, decoding, sanitising, and what kind it is."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from reader.errors import ReaderError
from reader.sanitize import clean_text

DEFAULT_MAX_BYTES = 50 * 1024 * 1024


class SourceKind(StrEnum):
    TEXT = "text"
    HTML = "html"
    MARKDOWN = "markdown"


@dataclass(frozen=True, slots=True)
class Source:
    kind: SourceKind
    text: str
    origin: str
    """Absolute path or URL the text came from ("-" for standard input)."""
    digest: str
    """sha256 of the raw bytes, to notice an edited source."""


def decode(data: bytes) -> str:
    """Bytes to text: BOMs honoured, UTF-8 preferred, other encodings detected."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
        return str(best) if best is not None else data.decode("utf-8", errors="replace")


def guess_kind(name: str, text: str) -> SourceKind:
    suffix = Path(name).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml"):
        return SourceKind.HTML
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return SourceKind.MARKDOWN
    head = text[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return SourceKind.HTML
    return SourceKind.TEXT


def load_bytes(data: bytes, origin: str, name: str = "") -> Source:
    text = clean_text(decode(data))
    if not text.strip():
        raise ReaderError(f"{origin}: the file is empty")
    return Source(guess_kind(name or origin, text), text, origin, hashlib.sha256(data).hexdigest())


def load_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Load a local file, or raise ReaderError with a one-line reason."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise ReaderError(f"{path}: is a directory, not an article")
        if size > max_bytes:
            raise ReaderError(
                f"{path}: {size / 1e6:.1f} MB is over the {max_bytes / 1e6:.0f} MB limit"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise ReaderError(f"{path}: no such file") from None
    except PermissionError:
        raise ReaderError(f"{path}: permission denied") from None
    except OSError as error:
        raise ReaderError(f"{path}: cannot read ({error.strerror})") from None
    return load_bytes(data, str(path.resolve()), path.name)
