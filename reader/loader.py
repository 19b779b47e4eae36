"""Loading an article to read: its head first, the whole after, behind one interface.

`open_loader(target)` returns a `Loader`. Its `first()` is the part to show now: the whole
article when it is small, else a `Head` (the start of the source, cleaned); then `rest()`,
called from a worker thread, blocks until the `Whole` is ready. `cancel()` stops the work (on
quit, or when another article is opened). Errors are `ReaderError`s, in one line.

Two loaders hide how the work is done:

- `ChildLoader` loads and cleans in a forked child process while the parent imports the UI:
  starting the UI (importing Textual) is about a quarter of a second of one core, and reading,
  decoding and cleaning the article is work of the same size, so on two cores they run side by
  side. The child sends typed messages (`Head`, `Whole`, `Failed`) through a pipe, and cleans
  the whole only once the parent asks (after its first frame): a child cleaning 3 MB beside the
  parent's start slowed that frame by 0.06 to 0.16 s (paired runs on a 2-core machine).
- `LocalLoader` does the same work in this process: for standard input and URLs, where `fork`
  is missing, and for articles opened from the library (forking a process that already runs
  the UI's threads is unsafe).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, NamedTuple, Protocol

from reader.errors import ReaderError
from reader.limits import DEFAULT_MAX_BYTES, DOWNLOAD_SECONDS

# Only what forking needs is imported before it: the child starts sooner, and the parent
# imports the rest while the child works.
if TYPE_CHECKING:
    from reader.cleaned import Cleaned
    from reader.document import Document
    from reader.fetch import Progress
    from reader.load import Source


class Head(NamedTuple):
    """The start of a large article, cleaned on its own: shown while the whole is cleaned."""

    source: Source
    cleaned: Cleaned
    document: Document | None = None
    """`cleaned` parsed, without the reader's cleaning choices (None: not parsed yet)."""


class Whole(NamedTuple):
    """The whole article, cleaned."""

    source: Source
    cleaned: Cleaned
    document: Document | None = None
    """`cleaned` parsed, without the reader's cleaning choices (None: not parsed yet)."""


class Failed(NamedTuple):
    """The article cannot be loaded: why, in one line."""

    error: str


Part = Head | Whole


class Loader(Protocol):
    def first(self) -> Part:
        """The part to show now (ReaderError if the article cannot be loaded)."""
        ...

    def rest(self) -> Whole:
        """The whole, after a `Head` (blocking: call it from a worker thread)."""
        ...

    def cancel(self) -> None:
        """Stop loading; later calls do nothing."""
        ...


class ChildLoader:
    """A forked child process loading one file."""

    def __init__(self, path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
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
        self._first: Part | None = None

    def first(self) -> Part:
        if self._first is None:
            self._first = self._receive()
            if isinstance(self._first, Whole):
                self.cancel()
        return self._first

    def rest(self) -> Whole:
        with contextlib.suppress(OSError):  # a child that is gone is reported by _receive
            os.write(self._go, b"g")
        part = self._receive()
        self.cancel()
        if not isinstance(part, Whole):
            raise ReaderError("loading the article failed (the loading process sent no whole)")
        return part

    def _receive(self) -> Part:
        try:
            message: Part | Failed = pickle.load(self._pipe)
        except (EOFError, OSError, ValueError, pickle.UnpicklingError):
            self.cancel()
            raise ReaderError("loading the article failed (the loading process ended)") from None
        if isinstance(message, Failed):
            self.cancel()
            raise ReaderError(message.error)
        return message

    def cancel(self) -> None:
        # The child first: a thread reading its pipe then sees the end at once.
        if self._pid:
            with contextlib.suppress(ProcessLookupError, ChildProcessError):
                os.kill(self._pid, signal.SIGTERM)
                os.waitpid(self._pid, 0)
            self._pid = 0
        with contextlib.suppress(OSError):
            self._pipe.close()
        if self._go >= 0:
            with contextlib.suppress(OSError):
                os.close(self._go)
            self._go = -1


class LocalLoader:
    """The same work in this process: the head at once, the whole when `rest()` is called."""

    def __init__(
        self,
        target: Path | str,
        max_bytes: int = DEFAULT_MAX_BYTES,
        download_seconds: float = DOWNLOAD_SECONDS,
    ) -> None:
        self._target = target
        self._max_bytes = max_bytes
        self._download_seconds = download_seconds
        self._first: Part | None = None
        self._source: Source | None = None

    def first(self, progress: Progress | None = None) -> Part:
        """The article, or its head if it is large (`progress` hears how far a download is;
        it may raise to stop it)."""
        from reader.article import LARGE_SOURCE, head_source, load_source
        from reader.clean import clean

        if self._first is not None:
            return self._first
        source = load_source(self._target, self._max_bytes, self._download_seconds, progress)
        if len(source.text) <= LARGE_SOURCE:
            self._first = Whole(source, _clean(clean, source))
        else:
            self._source = source
            head = head_source(source)
            self._first = Head(head, _clean(clean, head))
        return self._first

    def rest(self) -> Whole:
        from reader.clean import clean

        if self._source is None:
            raise ReaderError("the whole article was asked for twice")
        source, self._source = self._source, None
        return Whole(source, _clean(clean, source))

    def cancel(self) -> None:
        self._source = None


class Ready:
    """An article already cleaned (as stored in the library): nothing left to load."""

    def __init__(self, whole: Whole) -> None:
        self._whole = whole

    def first(self) -> Part:
        return self._whole

    def rest(self) -> Whole:
        return self._whole

    def cancel(self) -> None:
        """Nothing runs."""


def _clean(clean: Callable[[Source], Cleaned], source: Source) -> Cleaned:
    """`clean(source)`, with a bug in cleaning told in one line."""
    try:
        return clean(source)
    except ReaderError:
        raise
    except Exception as error:
        raise ReaderError(
            f"{source.origin}: could not clean this article ({type(error).__name__}: {error})"
        ) from None


def open_loader(
    target: str, max_bytes: int = DEFAULT_MAX_BYTES, download_seconds: float = DOWNLOAD_SECONDS
) -> Loader:
    """Start loading `target` (a file, `-` or a URL): in a child process where that can be done.
    A URL's download gives up after `download_seconds` in all."""
    if hasattr(os, "fork") and target != "-" and not target.lower().startswith(("http:", "https:")):
        return ChildLoader(Path(target), max_bytes)
    return LocalLoader(target, max_bytes, download_seconds)


# ------------------------------------------------------------------ the child process


def _child(path: Path, max_bytes: int, fd: int, go: int) -> None:
    status = 0
    try:
        with os.fdopen(fd, "wb") as out:
            for message in _messages(path, max_bytes):
                pickle.dump(message, out, protocol=pickle.HIGHEST_PROTOCOL)
                out.flush()
                # After the head, the whole waits until the parent asks (it has painted).
                if isinstance(message, Head) and not os.read(go, 1):
                    break  # the parent closed the pipe: it wants nothing more
    except BaseException:  # the parent went away, or a bug: never run the parent's code
        status = 1
    finally:
        os._exit(status)


def _messages(path: Path, max_bytes: int) -> Iterator[Head | Whole | Failed]:
    from reader.article import LARGE_SOURCE, build_document, head_source, load_source
    from reader.clean import clean

    try:
        head = _head_of_large_file(path, max_bytes)
        if head is not None:
            cleaned = _clean(clean, head)
            yield Head(head, cleaned, build_document(cleaned))
        source = load_source(path, max_bytes)
        if head is None and len(source.text) <= LARGE_SOURCE:
            cleaned = _clean(clean, source)
            yield Whole(source, cleaned, build_document(cleaned))
            return
        if head is None:
            head = head_source(source)
            cleaned = _clean(clean, head)
            yield Head(head, cleaned, build_document(cleaned))
        cleaned = _clean(clean, source)
        yield Whole(source, cleaned, build_document(cleaned))
    except ReaderError as error:
        yield Failed(str(error))
    except Exception as error:  # a bug: say so in one line, in the parent
        yield Failed(f"{path}: could not load this article ({type(error).__name__}: {error})")


def _head_of_large_file(path: Path, max_bytes: int) -> Source | None:
    """The head of a large UTF-8 file, read alone (the first screen needs no more), or None
    for a small file, a file over the limit, or one whose head is not plain UTF-8 text."""
    from reader.article import LARGE_SOURCE, head_source
    from reader.load import load_bytes, origin_of

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
        source = load_bytes(data[:cut], origin_of(path), path.name)
    except ReaderError:
        return None  # e.g. a head of blank lines: the whole file decides
    return head_source(source)


HEAD_BYTES = 24 * 1024
"""Bytes read for a large file's head: more than `article.head_source` keeps of most text (it
keeps what it is given when there is less)."""
