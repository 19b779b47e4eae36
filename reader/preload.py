"""Load and clean an article in a child process while the terminal UI starts.

Starting the UI means importing Textual, about a quarter of a second of one core; reading,
decoding and cleaning the article is work of the same size. With `fork` the two run side by
side on two cores: the parent imports the UI while the child loads. A large article comes in two
messages: its head (cleaned, shown at once) and then the whole (cleaned and parsed), so the
parent never holds the interpreter's lock for the long part and keys stay quick while loading.
The child cleans the whole only once the parent asks for it, after its first frame: on a
2-core machine, a child cleaning 3 MB beside the parent's start slowed that frame by 0.06 to
0.16 s (paired runs).

Where `fork` is missing (Windows), or for standard input and URLs, everything happens in the
parent, as `article.open_for_reading` does.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, NamedTuple

from reader.errors import ReaderError
from reader.limits import DEFAULT_MAX_BYTES

# Only what forking needs is imported before it: the child starts sooner, and the parent
# imports the rest while the child works.
if TYPE_CHECKING:
    from reader.cleaned import Cleaned
    from reader.document import Document
    from reader.load import Source


Whole = tuple["Source", "Cleaned", "Document | None"]
"""The whole article: source, cleaning, and its Document without user choices (or None)."""


class Opened(NamedTuple):
    source: Source
    cleaned: Cleaned | None
    """None: not cleaned yet (the app cleans it, its head first)."""
    document: Document | None = None
    """`cleaned` parsed, without the reader's cleaning choices (None: not parsed yet)."""
    rest: Callable[[], Whole] | None = None
    """When given, `source` and `cleaned` are the article's head, and this blocking call
    returns the whole (call it from a worker thread)."""


class Preload:
    """A child process loading one article; the parent asks for the result when ready."""

    def __init__(self, path: Path, max_bytes: int) -> None:
        read, write = os.pipe()
        go_read, go_write = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the child: never returns
            os.close(read)
            os.close(go_write)
            _child(path, max_bytes, write, go_read)
        os.close(write)
        os.close(go_read)
        self._pipe: IO[bytes] = os.fdopen(read, "rb")
        self._go = go_write

    def first(self) -> Opened:
        """The article to show now (ReaderError if it cannot be loaded)."""
        message = self._receive()
        if message[0] == "whole":
            self.close()
            return Opened(message[1], message[2], message[3])
        return Opened(message[1], message[2], message[3], self.rest)

    def rest(self) -> Whole:
        with contextlib.suppress(OSError):  # a child that is gone is reported by _receive
            os.write(self._go, b"g")
        message = self._receive()
        self.close()
        source, cleaned, document = message[1:]
        return source, cleaned, document

    def _receive(self) -> tuple[Any, ...]:
        try:
            message: tuple[Any, ...] = pickle.load(self._pipe)
        except (EOFError, OSError, pickle.UnpicklingError):
            self.close()
            raise ReaderError("loading the article failed (the loading process ended)") from None
        if message[0] == "error":
            self.close()
            raise ReaderError(message[1])
        return message

    def close(self) -> None:
        """Stop the child if it still runs, and reap it."""
        with contextlib.suppress(OSError):
            self._pipe.close()
        with contextlib.suppress(OSError):
            os.close(self._go)
        self._go = -1
        if self._pid:
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                os.kill(self._pid, signal.SIGTERM)
                os.waitpid(self._pid, 0)
            self._pid = 0


def _child(path: Path, max_bytes: int, fd: int, go: int) -> None:
    status = 0
    try:
        with os.fdopen(fd, "wb") as out:
            for message in _messages(path, max_bytes):
                pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                # After the head, the whole waits until the parent asks (it has painted).
                if message[0] == "head" and not os.read(go, 1):
                    break  # the parent closed the pipe: it wants nothing more
    except BaseException:  # the parent went away, or a bug: never run the parent's code
        status = 1
    finally:
        os._exit(status)


def _messages(path: Path, max_bytes: int) -> Any:
    from reader.article import LARGE_SOURCE, build_document, head_source, load_source
    from reader.clean import clean

    try:
        head = _head_of_large_file(path, max_bytes)
        if head is not None:
            cleaned = clean(head)
            yield ("head", head, cleaned, build_document(cleaned))
        source = load_source(path, max_bytes)
        if head is None and len(source.text) <= LARGE_SOURCE:
            cleaned = clean(source)
            yield ("whole", source, cleaned, build_document(cleaned))
            return
        if head is None:
            head = head_source(source)
            cleaned = clean(head)
            yield ("head", head, cleaned, build_document(cleaned))
        cleaned = clean(source)
        yield ("rest", source, cleaned, build_document(cleaned))
    except ReaderError as error:
        yield ("error", str(error))
    except Exception as error:  # a bug in cleaning: say so in one line, in the parent
        yield ("error", f"{path}: could not clean this article ({type(error).__name__}: {error})")


def _head_of_large_file(path: Path, max_bytes: int) -> Source | None:
    """The head of a large UTF-8 file, read alone (the first screen needs no more), or None
    for a small file, a file over the limit, or one whose head is not plain UTF-8 text."""
    from reader.article import LARGE_SOURCE, head_source
    from reader.load import load_bytes

    try:
        size = path.stat().st_size
        if not LARGE_SOURCE < size <= max_bytes:
            return None
        with path.open("rb") as handle:
            data = handle.read(HEAD_BYTES)
    except OSError:
        return None  # the whole load says what is wrong, in one line
    cut = data.rfind(b"\n\n")
    if cut <= 0:
        return None
    try:
        data[:cut].decode("utf-8")
    except UnicodeDecodeError:
        return None  # another encoding: decided on the whole file
    try:
        source = load_bytes(data[:cut], str(path.resolve()), path.name)
    except ReaderError:
        return None  # e.g. a head of blank lines: the whole file decides
    return head_source(source)


HEAD_BYTES = 24 * 1024
"""Bytes read for a large file's head: more than `article.head_source` keeps of most text (it
keeps what it is given when there is less)."""


def start(target: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Preload | None:
    """Start loading `target` in a child process, or None where that cannot be done."""
    if not hasattr(os, "fork") or target == "-" or target.lower().startswith(("http:", "https:")):
        return None
    return Preload(Path(target), max_bytes)


def open_now(target: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Opened:
    """The same in this process: a large article is cleaned later, by the app."""
    from reader.article import open_for_reading as load_and_clean

    return Opened(*load_and_clean(target, max_bytes))
