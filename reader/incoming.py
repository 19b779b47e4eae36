"""Annotations read from a file for `reader import`: which shapes it takes, and what it says.

Three shapes, told apart by their keys:

- W3C Web Annotation JSON-LD (https://www.w3.org/TR/annotation-model/): an
  AnnotationCollection (this reader's `export --format json`), an AnnotationPage, one
  Annotation, or a list of them. This reader's own terms (`reader:...`, reader.export.jsonld)
  bring back what the model has no word for.
- Hypothesis API JSON (https://h.readthedocs.io/en/latest/api-reference/): one annotation, a
  list, or the search API's `{"rows": [...], "total": N}`: `target[].selector`, `text`,
  `tags`, `uri`, `document.title`, `created`, `updated`. Replies (`references`) are comments
  on another annotation, not on the text: they are skipped and said so.

Everything read is untrusted: strings lose terminal controls and lone surrogates, ids that
are not plain become stable digests, URLs lose any password, and any shape we do not know is
refused in one line. Nothing here touches the store.
"""

from __future__ import annotations

import functools
import hashlib
import re
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import unquote, urlsplit

from reader.errors import ReaderError
from reader.export.escape import clean, one_line
from reader.limits import size_text
from reader.records import COLORS
from reader.sanitize import strip_credentials

MAX_BYTES = 64 * 1024 * 1024
"""Files larger than this are refused unless --max-size raises the limit (an export of
10,000 highlights is some 10 MB)."""

NAMESPACE = "urn:reader:ns:"
_SAFE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")


class ImportFileError(ReaderError):
    """A file `reader import` cannot read: nothing of it was imported."""


class Incoming(NamedTuple):
    """One annotation as a file describes it, before it meets an article."""

    id: str
    source: str
    """The article's URL or absolute path ("" if the file does not say)."""
    article_id: str
    """This reader's id of the article, when the file is one of its exports ("" else)."""
    title: str
    exact: str
    prefix: str
    suffix: str
    start: int
    """Where the quote was, as the file says (-1: it does not)."""
    end: int
    placed: bool
    """The position is into this reader's cleaned text of the article, and was sure when
    exported (our own export's TextPositionSelector); else it is only a hint."""
    note: str
    tags: tuple[str, ...]
    color: str
    meaning: str
    created: str
    updated: str
    reviewed: str
    synced: str


class Skipped(NamedTuple):
    id: str
    reason: str


class Parsed(NamedTuple):
    kind: str
    """"reader export", "Web Annotation" or "Hypothesis"."""
    annotations: list[Incoming]
    skipped: list[Skipped]
    unquoted: list[str]
    """Ids of annotations with no quote (a page note): refused unless the caller skips them."""


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> bytes:
    """The file's bytes, or a one-line ImportFileError (missing, a folder, too big)."""
    try:
        with open(path, "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except FileNotFoundError:
        raise ImportFileError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ImportFileError(f"{path}: is a folder, not an export file") from None
    except OSError as error:
        raise ImportFileError(f"{path}: cannot read it ({error.strerror or error})") from None
    if len(raw) > max_bytes:
        raise ImportFileError(
            f"{path}: larger than the {size_text(max_bytes)} limit for an import "
            "(--max-size MB raises it); nothing was imported"
        )
    return raw


def parse(raw: bytes, name: str) -> Parsed:
    """The annotations in a file's bytes (`name` is for messages)."""
    import orjson

    if not raw.strip():
        raise ImportFileError(f"{name}: the file is empty; nothing was imported")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError:
        data = _loads_slowly(raw, name)
    kind, items = _items(data, name)
    annotations: list[Incoming] = []
    skipped: list[Skipped] = []
    unquoted: list[str] = []
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise ImportFileError(
                f"{name}: item {number} is {_what(item)}, not an annotation; nothing was imported"
            )
        reading = _hypothesis if kind == "Hypothesis" else _web_annotation
        read = reading(item, number)
        if isinstance(read, Skipped):
            skipped.append(read)
        elif isinstance(read, str):
            unquoted.append(read)
        else:
            annotations.append(read)
    if kind == "Web Annotation" and any(a.article_id for a in annotations):
        kind = "reader export"
    return Parsed(kind, annotations, skipped, unquoted)


def _loads_slowly(raw: bytes, name: str) -> Any:
    """JSON orjson refuses: valid JSON with a lone surrogate escape (made safe later), or
    not JSON at all, said with where it goes wrong."""
    import json

    try:
        return json.loads(raw)
    except (ValueError, RecursionError) as error:
        if isinstance(error, json.JSONDecodeError):
            where = f"{error.msg} at line {error.lineno} column {error.colno}"
        elif isinstance(error, RecursionError):
            where = "nested too deeply"
        else:
            where = "not UTF-8 text"
        raise ImportFileError(
            f"{name}: not JSON ({where}); reader imports its own JSON export, "
            "Web Annotations and Hypothesis API JSON; nothing was imported"
        ) from None


# --- shapes -------------------------------------------------------------------------------


def _what(value: object) -> str:
    if isinstance(value, dict):
        return "an object"
    if isinstance(value, list):
        return "a list"
    return "a string" if isinstance(value, str) else f"a {type(value).__name__}"


def _is_hypothesis(item: object) -> bool:
    return isinstance(item, dict) and "type" not in item and "uri" in item and "target" in item


def _is_web_annotation(item: object) -> bool:
    return isinstance(item, dict) and item.get("type") == "Annotation"


def _items(data: Any, name: str) -> tuple[str, list[Any]]:
    """Which shape the file is, and its annotations (raw)."""
    unknown = ImportFileError(
        f"{name}: JSON of an unknown shape ({_shape(data)}); reader imports its own JSON "
        "export, Web Annotations (an AnnotationCollection, AnnotationPage or Annotation) "
        "and Hypothesis API JSON; nothing was imported"
    )
    if isinstance(data, dict):
        kind = data.get("type")
        if kind == "AnnotationCollection":
            first = data.get("first", {"items": []})
            if isinstance(first, dict) and isinstance(first.get("items", []), list):
                return "Web Annotation", list(first.get("items", []))
            raise unknown
        if kind == "AnnotationPage" and isinstance(data.get("items"), list):
            return "Web Annotation", list(data["items"])
        if _is_web_annotation(data):
            return "Web Annotation", [data]
        if "rows" in data and isinstance(data["rows"], list):
            return "Hypothesis", list(data["rows"])
        if _is_hypothesis(data):
            return "Hypothesis", [data]
        raise unknown
    if isinstance(data, list):
        if not data:
            return "Web Annotation", []
        if all(_is_web_annotation(item) for item in data):
            return "Web Annotation", data
        if all(_is_hypothesis(item) for item in data):
            return "Hypothesis", data
    raise unknown


def _shape(data: Any) -> str:
    if isinstance(data, dict):
        keys = ", ".join(sorted(str(k) for k in data)[:4])
        return f"an object with {keys}" if keys else "an empty object"
    if isinstance(data, list):
        return f"a list of {len(data)}"
    return _what(data)


# --- fields -------------------------------------------------------------------------------


def _text(value: object) -> str:
    return clean(value) if isinstance(value, str) else ""


def _one_line(value: object) -> str:
    # As the export writes tags and titles (reader.export.model), so they come back the same.
    return one_line(value).strip() if isinstance(value, str) else ""


def annotation_id(raw: object) -> str:
    """Our id for an annotation's id: a UUID's hex, a plain id as it is, else a digest."""
    if not isinstance(raw, str) or not raw:
        return ""
    if raw.startswith("urn:uuid:"):
        try:
            return uuid.UUID(raw[len("urn:uuid:") :]).hex
        except ValueError:
            pass
    tail = raw.removeprefix("urn:reader:annotation:")
    if _SAFE_ID.fullmatch(tail):
        return tail
    return "x" + hashlib.sha1(raw.encode("utf-8", "surrogatepass")).hexdigest()[:31]


def _content_id(source: str, exact: str, created: str) -> str:
    """A stable id for an annotation the file gives none: the same file gives the same id."""
    key = "\0".join((source, exact, created)).encode("utf-8", "surrogatepass")
    return "x" + hashlib.sha1(key).hexdigest()[:31]


def timestamp(value: object) -> str:
    """An ISO 8601 time as the store writes them (UTC, to the second); "" if not one."""
    if not isinstance(value, str) or not value:
        return ""
    return _timestamp(value)


@functools.lru_cache(maxsize=4096)
def _timestamp(value: str) -> str:
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return ""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).isoformat(timespec="seconds")


def source_of(value: object) -> str:
    """A target's source as the library keeps it: a URL without a password or text
    fragment, or an absolute path for a file URI; "" for anything else."""
    if isinstance(value, dict):
        value = value.get("id", value.get("@id"))
    if not isinstance(value, str):
        return ""
    return _source(value)


@functools.lru_cache(maxsize=1024)  # an article's annotations share their source
def _source(value: str) -> str:
    value = _one_line(value)
    parts = urlsplit(value)
    scheme = parts.scheme.lower()
    if scheme in ("http", "https"):
        if not parts.netloc:
            return ""
        # As the reader keeps a URL it fetched: no user name or password; and without the
        # text fragment a link to a highlight carries.
        return strip_credentials(value).split("#:~:", 1)[0]
    if scheme == "file" and parts.netloc in ("", "localhost"):
        path = unquote(parts.path)
        return path if path.startswith("/") and "\0" not in path else ""
    if value.startswith("/") and "\0" not in value:
        return value
    return ""


def _int(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else None


def _selectors(target: object) -> Iterator[tuple[str, dict[str, Any], dict[str, Any] | None]]:
    """Each target's (source, TextQuoteSelector, TextPositionSelector or None)."""
    targets = target if isinstance(target, list) else [target]
    for one in targets:
        if not isinstance(one, dict):
            continue
        selectors = one.get("selector", [])
        selectors = selectors if isinstance(selectors, list) else [selectors]
        quote = position = None
        for selector in selectors:
            if not isinstance(selector, dict):
                continue
            if selector.get("type") == "TextQuoteSelector" and quote is None:
                quote = selector
            elif selector.get("type") == "TextPositionSelector" and position is None:
                position = selector
        if quote is not None and _text(quote.get("exact")):
            yield source_of(one.get("source", "")), quote, position


def _span(position: dict[str, Any] | None) -> tuple[int, int]:
    if position is None:
        return -1, -1
    start, end = _int(position.get("start")), _int(position.get("end"))
    if start is None or end is None or end < start:
        return -1, -1
    return start, end


def _tags(values: object) -> tuple[str, ...]:
    tags: dict[str, None] = {}
    for value in values if isinstance(values, list) else []:
        tag = _one_line(value)
        if tag:
            tags.setdefault(tag, None)
    return tuple(tags)


def _color(value: object) -> str:
    return value if isinstance(value, str) and value in COLORS else COLORS[0]


def _bodies(item: dict[str, Any]) -> tuple[str, list[str]]:
    """A Web Annotation's note (its commenting bodies) and tags (its tagging bodies)."""
    bodies = item.get("body", [])
    bodies = bodies if isinstance(bodies, list) else [bodies]
    notes: list[str] = []
    tags: list[str] = []
    if isinstance(item.get("bodyValue"), str):
        notes.append(_text(item["bodyValue"]))
    for body in bodies:
        if isinstance(body, str):
            continue  # a link to a resource elsewhere: nothing to bring
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        if body.get("purpose") == "tagging":
            tags.append(body["value"])
        else:
            notes.append(_text(body["value"]))
    return "\n\n".join(note for note in notes if note), tags


def _web_annotation(item: dict[str, Any], number: int) -> Incoming | str:
    found = next(_selectors(item.get("target")), None)
    raw_id = item.get("id", item.get("@id"))
    if found is None:
        return annotation_id(raw_id) or f"item {number}"
    source, quote, position = found
    ours = isinstance(item.get("reader:article"), str)
    start, end = _span(position)
    placed = ours and start >= 0
    exact = _text(quote.get("exact"))
    prefix, suffix = _text(quote.get("prefix")), _text(quote.get("suffix"))
    recorded = item.get("reader:recorded")
    if ours and position is None and isinstance(recorded, list):
        # No sure place in the exporter's text: where it was recorded, as a hint.
        for _, old_quote, old_position in _selectors({"selector": recorded}):
            prefix, suffix = _text(old_quote.get("prefix")), _text(old_quote.get("suffix"))
            start, end = _span(old_position)
    note, tags = _bodies(item)
    target = item.get("target")
    style = target.get("styleClass") if isinstance(target, dict) else None
    created = timestamp(item.get("created"))
    updated = timestamp(item.get("modified")) or created
    article_id = _one_line(item.get("reader:article")) if ours else ""
    return Incoming(
        id=annotation_id(raw_id) or _content_id(source, exact, created),
        source=source,
        article_id=article_id if _SAFE_ID.fullmatch(article_id) else "",
        title=_one_line(item.get("reader:title")),
        exact=exact,
        prefix=prefix,
        suffix=suffix,
        start=start,
        end=end,
        placed=placed,
        note=note,
        tags=_tags(tags),
        color=_color(style),
        meaning=_one_line(item.get("reader:meaning")),
        created=created,
        updated=updated,
        reviewed=timestamp(item.get("reader:reviewed")),
        synced=timestamp(item.get("reader:synced")),
    )


def _hypothesis(item: dict[str, Any], number: int) -> Incoming | Skipped | str:
    raw_id = item.get("id")
    ident = annotation_id(raw_id)
    references = item.get("references")
    if isinstance(references, list) and references:
        return Skipped(ident or f"item {number}", "a reply to another annotation")
    found = next(_selectors(item.get("target")), None)
    if found is None:
        return ident or f"item {number}"
    source, quote, position = found
    source = source or source_of(item.get("uri"))
    document = item.get("document")
    titles = document.get("title") if isinstance(document, dict) else None
    title = titles[0] if isinstance(titles, list) and titles else titles
    start, end = _span(position)
    exact = _text(quote.get("exact"))
    created = timestamp(item.get("created"))
    return Incoming(
        id=ident or _content_id(source, exact, created),
        source=source,
        article_id="",
        title=_one_line(title),
        exact=exact,
        prefix=_text(quote.get("prefix")),
        suffix=_text(quote.get("suffix")),
        # Offsets into the page as the browser saw it, not into our cleaned text: a hint.
        start=start,
        end=end,
        placed=False,
        note=_text(item.get("text")),
        tags=_tags(item.get("tags")),
        color=COLORS[0],
        meaning="",
        created=created,
        updated=timestamp(item.get("updated")) or created,
        reviewed="",
        synced="",
    )
