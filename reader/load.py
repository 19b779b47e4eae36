"""Read a source into text: size limits, binary refusal, decoding, sanitising, and its kind."""

# No `from __future__ import annotations` here: a NamedTuple's annotations would be strings,
# each compiled at import (typing.ForwardRef), the first compile of a run ~10 M instructions.
import hashlib
import os
import re
import stat
import sys
from enum import StrEnum
from pathlib import Path
from typing import NamedTuple

from reader.errors import ReaderError
from reader.limits import DEFAULT_MAX_BYTES, size_text
from reader.sanitize import clean_text


class SourceKind(StrEnum):
    TEXT = "text"
    HTML = "html"
    MARKDOWN = "markdown"


class Source(NamedTuple):
    kind: SourceKind
    text: str
    origin: str
    """Absolute path or URL the text came from ("-" for standard input)."""
    digest: str
    """sha256 of the raw bytes, to notice an edited source."""


# Magic numbers of the binary files people are most likely to pass by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", ""),  # checked further below: too short a signature to trust alone
    (b"PK\x03\x04", "a zip archive (or a document stored as one: docx, epub, odt...)"),
    (b"PK\x05\x06", "a zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", ""),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
    (b"\x28\xb5\x2f\xfd", "a zstd archive"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"MZ", ""),
    (b"\xcf\xfa\xed\xfe", "an executable (Mach-O)"),
    (b"\xce\xfa\xed\xfe", "an executable (Mach-O)"),
    (b"\xca\xfe\xba\xbe", "an executable (Mach-O universal) or Java class file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"SQLite format 3\x00", "an SQLite database"),
    (b"OggS", "an Ogg audio/video file"),
    (b"ID3", "an MP3 audio file"),
    (b"fLaC", "a FLAC audio file"),
    (b"\x1aE\xdf\xa3", "a Matroska/WebM video"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document"),
    (b"wOFF", "a web font"),
    (b"wOF2", "a web font"),
)


def binary_type(data: bytes) -> str | None:
    """What kind of binary file `data` is ("a PDF document"...), or None for text."""
    head = data[:64]
    for magic, name in _MAGIC:
        if head.startswith(magic):
            if name:
                return name
            if magic == b"MZ" and b"This program cannot be run in DOS mode" in data[:1024]:
                return "an executable (Windows)"
            if magic == b"MZ" and len(data) > 0x40 and b"PE\x00\x00" in data[:4096]:
                return "an executable (Windows)"
            if magic == b"BZh" and head[3:4].isdigit() and head[4:10] == b"1AY&SY":
                return "a bzip2 archive"
            if magic == b"BM" and len(head) >= 14 and head[6:10] == b"\x00\x00\x00\x00":
                return "a BMP image"
    if head[4:8] == b"ftyp":
        return "an MP4/QuickTime video or HEIC image"
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return {b"WEBP": "a WebP image", b"WAVE": "a WAV audio file"}.get(
            head[8:12], "an AVI video"
        )
    if _utf16_order(data) or _utf32_order(data):
        return None
    sample = data[:8192]
    # Text has no NUL bytes and few other controls; a few stray NULs are dropped on decoding.
    controls = sum(sample.count(c) for c in range(0x20) if c not in (9, 10, 12, 13, 27))
    if sample and controls > len(sample) * 0.05:
        return "binary data"
    return None


def _utf16_order(data: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when the bytes look like BOM-less UTF-16 text."""
    sample = data[:4096]
    if len(sample) < 4 or _utf32_order(data):
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > len(odd) * 0.4 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.4 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def _utf32_order(data: bytes) -> str | None:
    sample = data[: 4096 - 4096 % 4]
    if len(sample) < 8:
        return None
    quads = [sample[i : i + 4] for i in range(0, len(sample) - 3, 4)]
    # Below U+10000 (nearly all text) one half of each 4-byte unit is zero.
    if all(q[2:] == b"\x00\x00" and q[:2] != b"\x00\x00" for q in quads[:64]):
        return "utf-32-le"
    if all(q[:2] == b"\x00\x00" and q[2:] != b"\x00\x00" for q in quads[:64]):
        return "utf-32-be"
    return None


_META_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_:.-]+)""", re.IGNORECASE)


def decode(data: bytes, declared: str | None = None) -> str:
    """Bytes to text: BOMs honoured, UTF-8 preferred, then the declared or detected encoding."""
    for bom, codec in (
        (b"\xef\xbb\xbf", "utf-8"),
        (b"\xff\xfe\x00\x00", "utf-32-le"),
        (b"\x00\x00\xfe\xff", "utf-32-be"),
        (b"\xff\xfe", "utf-16-le"),
        (b"\xfe\xff", "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(codec, errors="replace")
    order = _utf32_order(data) or _utf16_order(data)
    if order:
        return data.decode(order, errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    # The server's charset, else the page's own <meta charset> (saved HTML files keep it).
    meta = _META_CHARSET.search(data[:4096])
    for label in (declared, meta.group(1).decode("ascii") if meta else None):
        if not label:
            continue
        try:
            return data.decode(label)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes

    matches = list(from_bytes(data[:200_000]))
    if not matches:
        return data.decode("utf-8", errors="replace")
    best = matches[0]
    # On a tie, Windows-1252 is what browsers assume for unlabelled Western pages.
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    western = next((m for m in tied if "cp1252" in m.could_be_from_charset), None)
    encoding = (western or best).encoding
    return data.decode("cp1252" if western else encoding, errors="replace")


def guess_kind(name: str, text: str) -> SourceKind:
    suffix = Path(name.split("?", 1)[0]).suffix.lower()
    if suffix in (".html", ".htm", ".xhtml", ".shtml"):
        return SourceKind.HTML
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return SourceKind.MARKDOWN
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html", "<?xml")) and "<html" in text[:4096].lower():
        return SourceKind.HTML
    if head.startswith(("<head", "<body", "<meta", "<!--")) and "<body" in text.lower():
        return SourceKind.HTML
    return SourceKind.TEXT


def load_bytes(
    data: bytes,
    origin: str,
    name: str = "",
    kind: SourceKind | None = None,
    encoding: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Source:
    """Turn raw bytes into a Source, or raise ReaderError with a one-line reason."""
    if len(data) > max_bytes:
        raise ReaderError(_too_big(origin, len(data), max_bytes))
    if not data:
        raise ReaderError(f"{origin}: the file is empty")
    what = binary_type(data)
    if what:
        raise ReaderError(f"{origin}: this is {what}, not a text, HTML or Markdown article")
    text = clean_text(decode(data, encoding))
    if not text.strip():
        raise ReaderError(f"{origin}: the file holds only whitespace, no text")
    digest = hashlib.sha256(data).hexdigest()
    return Source(kind or guess_kind(name or origin, text), text, origin, digest)


def _too_big(origin: str, size: int, limit: int) -> str:
    return (
        f"{origin}: {size_text(size)} is over the {size_text(limit)} limit (--max-size raises it)"
    )


def load_path(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    """Load a local file, or raise ReaderError with a one-line reason."""
    try:
        # Non-blocking: opening a named pipe with no writer would otherwise wait for ever.
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise ReaderError(f"{path}: is a directory, not an article")
            if not stat.S_ISREG(mode):
                raise ReaderError(
                    f"{path}: is {_file_type(mode)}, not a regular file "
                    "(to read a stream, pass - and redirect it to standard input)"
                )
            os.set_blocking(fd, True)
            size = os.fstat(fd).st_size
            if size > max_bytes:
                raise ReaderError(_too_big(str(path), size, max_bytes))
            # Read one byte over the limit: a file that grew is caught too.
            data = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ReaderError(f"{path}: no such file") from None
    except PermissionError:
        raise ReaderError(f"{path}: permission denied") from None
    except IsADirectoryError:
        raise ReaderError(f"{path}: is a directory, not an article") from None
    except OSError as error:
        raise ReaderError(f"{path}: cannot read ({error.strerror})") from None
    return load_bytes(data, origin_of(path), path.name, max_bytes=max_bytes)


def origin_of(path: Path) -> str:
    """The absolute path a file's article is known by (bytes that are not UTF-8 in its name,
    which JSON cannot hold, as U+FFFD)."""
    return os.fsencode(path.resolve()).decode("utf-8", "replace")


def _file_type(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a file"


def load_stdin(max_bytes: int = DEFAULT_MAX_BYTES) -> Source:
    data = sys.stdin.buffer.read(max_bytes + 1)
    return load_bytes(data, "-", max_bytes=max_bytes)


def is_url(target: str) -> bool:
    return target.lower().startswith(("http://", "https://"))
