"""Anchoring annotations to a text that may change: W3C Web Annotation selectors.

An annotation keeps a TextQuoteSelector (the exact quote with ~32 characters of context each
side), a TextPositionSelector (start/end offsets) and the hash of the text they were made on.
Against a new text they resolve, in order of trust:

1. ok: the position still holds the quote (and the text is unchanged, or the context agrees);
2. moved: the exact quote elsewhere, chosen by its context and nearness to the old position;
3. fuzzy: an approximate match (edlib's bit-parallel search) good enough on both the quote and
   its context; the context requirement is what keeps a quote whose passage was deleted from
   attaching to some merely similar text;
4. orphaned: none of the above; the caller keeps the annotation and shows it as such.

Pure functions over plain values: no store, no UI.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

import edlib

CONTEXT = 32
"""Characters of prefix and suffix kept around a quote."""

WINDOW = 32_768
"""Fuzzy search looks this far either side of where the quote is expected."""

MAX_OCCURRENCES = 2_000
"""Occurrences of an exact quote weighed at most (a quote like "the" in a book)."""

MIN_FUZZY_LENGTH = 10
"""Quotes shorter than this never match fuzzily: too many chance look-alikes."""

MAX_FUZZY_ERRORS = 0.25
"""Edits allowed in a fuzzy match, as a fraction of the quote's length."""

MIN_CONTEXT = 0.6
"""Similarity (0-1) that the better side of the context must reach for a weak match."""

LONG_QUOTE = 32
"""An exact quote this long is its own evidence: accepted without agreeing context."""


class Status(StrEnum):
    OK = "ok"
    MOVED = "moved"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


@dataclass(frozen=True, slots=True)
class TextQuoteSelector:
    exact: str
    prefix: str = ""
    suffix: str = ""


@dataclass(frozen=True, slots=True)
class TextPositionSelector:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Selectors:
    """Everything an annotation needs to find its passage again."""

    quote: TextQuoteSelector
    position: TextPositionSelector
    text_hash: str
    """`text_hash()` of the text the selectors were made on."""

    @classmethod
    def from_fields(
        cls, exact: str, prefix: str, suffix: str, start: int, end: int, text_hash: str
    ) -> Selectors:
        """Build from the flat fields a stored annotation keeps (same names)."""
        return cls(
            TextQuoteSelector(exact, prefix, suffix), TextPositionSelector(start, end), text_hash
        )

    def fields(self) -> dict[str, Any]:
        """The flat fields (exact, prefix, suffix, start, end, text_hash) to store."""
        return {
            "exact": self.quote.exact,
            "prefix": self.quote.prefix,
            "suffix": self.quote.suffix,
            "start": self.position.start,
            "end": self.position.end,
            "text_hash": self.text_hash,
        }

    def to_w3c(self) -> list[dict[str, Any]]:
        """The selectors as W3C Web Annotation JSON objects (for export)."""
        return [
            {
                "type": "TextQuoteSelector",
                "exact": self.quote.exact,
                "prefix": self.quote.prefix,
                "suffix": self.quote.suffix,
            },
            {
                "type": "TextPositionSelector",
                "start": self.position.start,
                "end": self.position.end,
            },
        ]


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where an annotation lands in a text. For an orphan, start/end are its old offsets."""

    start: int
    end: int
    status: Status

    @property
    def attached(self) -> bool:
        return self.status is not Status.ORPHANED


def text_hash(text: str) -> str:
    """A short stable digest of a text, to tell whether selectors were made on it."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def describe(text: str, start: int, end: int, hash_: str | None = None) -> Selectors:
    """Selectors for `text[start:end]`; pass `hash_` (the text's hash) to skip rehashing."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"span {start}..{end} outside a text of {len(text)} characters")
    quote = TextQuoteSelector(
        text[start:end], text[max(0, start - CONTEXT) : start], text[end : end + CONTEXT]
    )
    return Selectors(quote, TextPositionSelector(start, end), hash_ or text_hash(text))


def resolve(text: str, selectors: Selectors, current_hash: str | None = None) -> Anchor:
    """Find the passage `selectors` describe in `text` (whose hash may be given)."""
    return Resolver(text, current_hash).resolve(selectors)


def resolve_all(
    text: str, selectors: Sequence[Selectors], current_hash: str | None = None
) -> list[Anchor]:
    """Resolve many annotations against one text, in the order given.

    Works in document order and tries each annotation first where its predecessor's shift
    (new minus old offset) puts it, so an edit near the start costs one search, not one per
    annotation.
    """
    resolver = Resolver(text, current_hash)
    anchors: list[Anchor | None] = [None] * len(selectors)
    order = sorted(range(len(selectors)), key=lambda i: selectors[i].position.start)
    shift = 0
    for index in order:
        anchor = resolver.resolve(selectors[index], shift)
        anchors[index] = anchor
        if anchor.attached:
            shift = anchor.start - selectors[index].position.start
    return [a for a in anchors if a is not None]


class Resolver:
    """Resolves selectors against one text; keep it to resolve many."""

    def __init__(self, text: str, current_hash: str | None = None) -> None:
        self.text = text
        self.hash = current_hash or text_hash(text)

    def resolve(self, selectors: Selectors, shift: int = 0) -> Anchor:
        """Anchor `selectors`; `shift` is a guess of how far the passage moved."""
        text = self.text
        quote = selectors.quote
        exact = quote.exact
        start, end = selectors.position.start, selectors.position.end
        if not exact:
            unchanged = selectors.text_hash == self.hash and end <= len(text)
            return Anchor(start, end, Status.OK if unchanged else Status.ORPHANED)
        if text[start:end] == exact and (
            selectors.text_hash == self.hash or _context_matches(text, start, end, quote)
        ):
            return Anchor(start, end, Status.OK)
        if shift:
            guess = start + shift
            if (
                guess >= 0
                and text.startswith(exact, guess)
                and _context_matches(text, guess, guess + len(exact), quote)
            ):
                return Anchor(guess, guess + len(exact), Status.MOVED)
        expected = min(max(0, start + shift), len(text))
        found = self._exact(quote, expected)
        if found is not None:
            status = Status.OK if found == start else Status.MOVED
            return Anchor(found, found + len(exact), status)
        span = self._fuzzy(quote, expected)
        if span is not None:
            return Anchor(span[0], span[1], Status.FUZZY)
        return Anchor(start, end, Status.ORPHANED)

    def _exact(self, quote: TextQuoteSelector, expected: int) -> int | None:
        """Best occurrence of the exact quote: near `expected` first, then anywhere."""
        text, exact = self.text, quote.exact
        low = max(0, expected - WINDOW)
        high = min(len(text), expected + WINDOW + len(exact))
        best = self._best_occurrence(quote, _occurrences(text, exact, low, high), expected)
        if best is None and (low > 0 or high < len(text)):
            everywhere = _occurrences(text, exact, 0, len(text))
            best = self._best_occurrence(quote, everywhere, expected)
        return best

    def _best_occurrence(
        self, quote: TextQuoteSelector, positions: Iterable[int], expected: int
    ) -> int | None:
        text, length = self.text, len(quote.exact)
        best: tuple[float, int] | None = None
        for position in positions:
            context = _context_similarity(text, position, position + length, quote)
            if context < MIN_CONTEXT and length < LONG_QUOTE:
                continue
            # Context decides; nearness only breaks near-ties.
            score = context - 0.1 * abs(position - expected) / max(1, len(text))
            if best is None or score > best[0]:
                best = (score, position)
        return None if best is None else best[1]

    def _fuzzy(self, quote: TextQuoteSelector, expected: int) -> tuple[int, int] | None:
        """Approximate match of the quote near `expected` with agreeing context."""
        exact = quote.exact
        if len(exact) < MIN_FUZZY_LENGTH:
            return None
        reach = max(WINDOW, 4 * len(exact))
        low = max(0, expected - reach)
        high = min(len(self.text), expected + reach + len(exact))
        window = self.text[low:high]
        encoded = _encode_for_search(exact, window)
        if encoded is None:
            return None
        errors = int(len(exact) * MAX_FUZZY_ERRORS)
        result = edlib.align(*encoded, mode="HW", task="locations", k=errors)
        if result["editDistance"] < 0:
            return None
        best: tuple[float, int, int] | None = None
        for first, last in result["locations"][:50]:
            begin, finish = low + first, low + last + 1
            context = _context_similarity(self.text, begin, finish, quote)
            if context < MIN_CONTEXT:
                continue
            score = context - 0.1 * abs(begin - expected) / max(1, len(self.text))
            if best is None or score > best[0]:
                best = (score, begin, finish)
        return None if best is None else (best[1], best[2])


def _occurrences(text: str, exact: str, low: int, high: int) -> Iterable[int]:
    found = text.find(exact, low, high)
    count = 0
    while found >= 0 and count < MAX_OCCURRENCES:
        yield found
        count += 1
        found = text.find(exact, found + 1, high)


def _context_matches(text: str, start: int, end: int, quote: TextQuoteSelector) -> bool:
    """Whether both prefix and suffix are exactly as recorded (the cheap common case)."""
    return text[max(0, start - len(quote.prefix)) : start] == quote.prefix and text[
        end : end + len(quote.suffix)
    ].startswith(quote.suffix)


def _context_similarity(text: str, start: int, end: int, quote: TextQuoteSelector) -> float:
    """How well the text around `start:end` agrees with the recorded context (the better side).

    One agreeing side is enough: an edit right next to a passage changes only that side.
    """
    before = text[max(0, start - len(quote.prefix)) : start]
    after = text[end : end + len(quote.suffix)]
    return max(
        _similarity(quote.prefix, before, at_edge=start == 0),
        _similarity(quote.suffix, after, at_edge=end == len(text)),
    )


def _similarity(recorded: str, found: str, at_edge: bool) -> float:
    """1 for identical strings, falling with edit distance to 0."""
    if recorded == found:
        # An empty side agrees only where it was recorded: at the edge of the text.
        return 1.0 if recorded or at_edge else 0.0
    longest = max(len(recorded), len(found))
    encoded = _encode_pair(recorded, found)
    if encoded is None:
        return 0.0
    distance: int = edlib.align(*encoded, mode="NW", task="distance")["editDistance"]
    return max(0.0, 1.0 - distance / longest)


def _encode_pair(a: str, b: str) -> tuple[bytes, bytes] | None:
    """Both strings as bytes over one shared alphabet (edlib's fast path; <= 256 symbols)."""
    if a.isascii() and b.isascii():
        return a.encode("ascii"), b.encode("ascii")
    codes = {char: index for index, char in enumerate(dict.fromkeys(a + b))}
    if len(codes) > 256:
        return None
    return bytes(codes[c] for c in a), bytes(codes[c] for c in b)


def _encode_for_search(query: str, target: str) -> tuple[bytes, bytes] | None:
    """Query and a long target as bytes: the query's characters get codes 1..255, any other
    character of the target becomes 0 (it can only ever be a mismatch)."""
    if query.isascii() and target.isascii():
        return query.encode("ascii"), target.encode("ascii")
    alphabet = list(dict.fromkeys(query))
    if len(alphabet) > 255:
        return None
    table = {ord(char): index + 1 for index, char in enumerate(alphabet)}
    others = re.compile("[^" + "".join(re.escape(char) for char in alphabet) + "]")
    target = others.sub("\x00", target).translate(table)
    return query.translate(table).encode("latin-1"), target.encode("latin-1")
