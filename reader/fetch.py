"""Fetch an article over HTTP(S): bounded in time, redirects and size; refused if not text.

A URL's user name and password are sent for this one fetch and never kept: the Source's
origin, and every message, show the URL without them.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import httpcore
import httpx

from reader import __version__
from reader.errors import ReaderError
from reader.limits import DEFAULT_MAX_BYTES, DOWNLOAD_SECONDS, size_text
from reader.load import Source, SourceKind, load_bytes
from reader.sanitize import strip_credentials

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
"""Per step: connecting, and each wait for the next bytes. DOWNLOAD_SECONDS bounds the whole."""
MAX_REDIRECTS = 5
USER_AGENT = f"reader/{__version__} (terminal article reader)"

_KINDS = {
    "text/html": SourceKind.HTML,
    "application/xhtml+xml": SourceKind.HTML,
    "text/plain": SourceKind.TEXT,
    "text/markdown": SourceKind.MARKDOWN,
    "text/x-markdown": SourceKind.MARKDOWN,
}


Progress = Callable[[int, int | None], None]
"""Told the bytes received so far and the size the server declared (None if it did not): once
the headers are in, then after each piece. It may raise (a ReaderError: the user cancelled) to
stop the download there."""


class _Deadline(Exception):
    """The whole download took longer than allowed."""


def fetch(
    url: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: httpx.Timeout | float = TIMEOUT,
    transport: httpx.BaseTransport | None = None,
    deadline: float = DOWNLOAD_SECONDS,
    progress: Progress | None = None,
) -> Source:
    """Download `url` and load it as a Source whose origin is the final URL (without
    credentials). The whole download, headers and body, gives up after `deadline` seconds;
    `progress` hears how far it is."""
    shown = strip_credentials(url)
    ends = time.monotonic() + deadline
    if transport is None:
        transport = _transport_with_deadline(ends)
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=MAX_REDIRECTS,
                timeout=timeout,
                headers={"User-Agent": USER_AGENT, "Accept": "text/html, text/*;q=0.8"},
                transport=transport,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                reason = response.reason_phrase or "error"
                raise ReaderError(f"{shown}: the server answered {response.status_code} {reason}")
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            kind = _KINDS.get(media_type)
            if media_type and kind is None and not media_type.startswith("text/"):
                raise ReaderError(f"{shown}: is {media_type}, not an HTML or text page")
            declared = int(response.headers.get("content-length", "0") or 0)
            if declared > max_bytes:
                raise ReaderError(_over(shown, max_bytes))
            chunks: list[bytes] = []
            size = 0
            total = declared or None
            if progress is not None:
                progress(0, total)
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ReaderError(_over(shown, max_bytes))
                chunks.append(chunk)
                if progress is not None:
                    progress(size, total)
                if time.monotonic() > ends:
                    raise _Deadline
            final_url = strip_credentials(str(response.url))
            charset = response.charset_encoding
    except (_Deadline, httpx.TimeoutException) as error:
        if isinstance(error, _Deadline) or time.monotonic() >= ends:
            raise ReaderError(
                f"{shown}: gave up after {deadline:g} s (the download was not finished; "
                "--timeout allows longer)"
            ) from None
        raise ReaderError(f"{shown}: timed out") from None
    except httpx.TooManyRedirects:
        raise ReaderError(f"{shown}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.ConnectError as error:
        raise ReaderError(f"{shown}: cannot connect (offline? {_first_line(error)})") from None
    except httpx.InvalidURL as error:
        raise ReaderError(f"{shown}: not a valid URL ({_first_line(error)})") from None
    except httpx.HTTPError as error:
        raise ReaderError(f"{shown}: download failed ({_first_line(error)})") from None
    except ValueError as error:  # a header httpx cannot parse (a Content-Length of "x")
        raise ReaderError(f"{shown}: download failed ({_first_line(error)})") from None
    return load_bytes(
        b"".join(chunks),
        final_url,
        final_url,
        kind=kind,
        encoding=charset,
        max_bytes=max_bytes,
    )


def _over(url: str, limit: int) -> str:
    return f"{url}: the page is over the {size_text(limit)} limit (--max-size raises it)"


def _first_line(error: Exception) -> str:
    text = strip_credentials(str(error)).strip().splitlines()
    return text[0] if text else type(error).__name__


def _transport_with_deadline(ends: float) -> httpx.HTTPTransport:
    """httpx's transport, with no wait on the network (connect, TLS, each read or write)
    allowed past `ends`: a server sending a byte a second, even in its headers, is cut off."""
    transport = httpx.HTTPTransport()
    pool = getattr(transport, "_pool", None)
    backend = getattr(pool, "_network_backend", None)
    if isinstance(backend, httpcore.NetworkBackend):
        pool._network_backend = _DeadlineBackend(backend, ends)  # type: ignore[union-attr]
    return transport


def _left(ends: float, timeout: float | None) -> float:
    left = ends - time.monotonic()
    if left <= 0:
        raise httpcore.ReadTimeout("the download deadline has passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream, ends: float) -> None:
        self._stream = stream
        self._ends = ends

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(self._ends, timeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(self._ends, timeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        stream = self._stream.start_tls(ssl_context, server_hostname, _left(self._ends, timeout))
        return _DeadlineStream(stream, self._ends)

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    def __init__(self, backend: httpcore.NetworkBackend, ends: float) -> None:
        self._backend = backend
        self._ends = ends

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Any = None,
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_tcp(
            host, port, _left(self._ends, timeout), local_address, socket_options
        )
        return _DeadlineStream(stream, self._ends)

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Any = None
    ) -> httpcore.NetworkStream:
        stream = self._backend.connect_unix_socket(path, _left(self._ends, timeout), socket_options)
        return _DeadlineStream(stream, self._ends)

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)
