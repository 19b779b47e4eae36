"""Fetch an article over HTTP(S): bounded in time, redirects and size; refused if not text."""

from __future__ import annotations

import httpx

from reader import __version__
from reader.errors import ReaderError
from reader.limits import DEFAULT_MAX_BYTES
from reader.load import Source, SourceKind, load_bytes

TIMEOUT = httpx.Timeout(20.0, connect=10.0)
MAX_REDIRECTS = 5
USER_AGENT = f"reader/{__version__} (terminal article reader)"

_KINDS = {
    "text/html": SourceKind.HTML,
    "application/xhtml+xml": SourceKind.HTML,
    "text/plain": SourceKind.TEXT,
    "text/markdown": SourceKind.MARKDOWN,
    "text/x-markdown": SourceKind.MARKDOWN,
}


def fetch(
    url: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: httpx.Timeout | float = TIMEOUT,
    transport: httpx.BaseTransport | None = None,
) -> Source:
    """Download `url` and load it as a Source whose origin is the final URL."""
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
                raise ReaderError(f"{url}: the server answered {response.status_code} {reason}")
            media_type = response.headers.get("content-type", "").split(";")[0].strip().lower()
            kind = _KINDS.get(media_type)
            if media_type and kind is None and not media_type.startswith("text/"):
                raise ReaderError(f"{url}: is {media_type}, not an HTML or text page")
            declared = int(response.headers.get("content-length", "0") or 0)
            if declared > max_bytes:
                raise ReaderError(_over(url, max_bytes))
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    raise ReaderError(_over(url, max_bytes))
                chunks.append(chunk)
            final_url = str(response.url)
            charset = response.charset_encoding
    except httpx.TooManyRedirects:
        raise ReaderError(f"{url}: more than {MAX_REDIRECTS} redirects") from None
    except httpx.TimeoutException:
        raise ReaderError(f"{url}: timed out") from None
    except httpx.ConnectError as error:
        raise ReaderError(f"{url}: cannot connect (offline? {_first_line(error)})") from None
    except httpx.InvalidURL as error:
        raise ReaderError(f"{url}: not a valid URL ({_first_line(error)})") from None
    except httpx.HTTPError as error:
        raise ReaderError(f"{url}: download failed ({_first_line(error)})") from None
    return load_bytes(
        b"".join(chunks),
        final_url,
        final_url,
        kind=kind,
        encoding=charset,
        max_bytes=max_bytes,
    )


def _over(url: str, limit: int) -> str:
    return f"{url}: the page is over the {limit / 1e6:.0f} MB limit (--max-size raises it)"


def _first_line(error: Exception) -> str:
    text = str(error).strip().splitlines()
    return text[0] if text else type(error).__name__
