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
import time
from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any, NamedTuple, Protocol

CONTEXT = 32
"""Characters of prefix and suffix kept around a quote."""

NEAR = 2_048
"""The first fuzzy search looks this far either side of where the quote is expected."""

WINDOW = 32_768
"""The exact search, then the wider fuzzy search, look this far either side."""

SEARCH_BUDGET = 1.0
"""Seconds a Resolver may spend on searches beyond the windows (whole text, wide fuzzy)."""

MAX_LOCATIONS = 20
"""Equally good fuzzy matches weighed at most."""

MAX_OCCURRENCES = 2_000
"""Occurrences of an exact quote weighed at most (a quote like "the" in a book)."""

MIN_FUZZY_LENGTH = 10
"""Quotes shorter than this never match fuzzily: too many chance look-alikes."""

MAX_FUZZY_ERRORS = 0.25
"""Edits allowed in a fuzzy match, as a fraction of the quote's length."""

MAX_FUZZY_ERRORS_IN_PLACE = 0.5
"""Edits allowed when both sides of the context are intact (a reworded quote)."""

IN_PLACE_CONTEXT = 0.9
"""Similarity both sides of the context must reach for a match with that many edits."""

MIN_CONTEXT = 0.6
"""Similarity (0-1) the better side of the context must reach for an exact quote found away
from its old place: an edit right next to a passage changes only one side."""

STRONG_CONTEXT = 0.9
"""An exact quote found with context this good (mean of both sides) is taken without
looking further."""

MIN_FUZZY_CONTEXT = 0.7
"""Mean similarity of both sides of the context required for a fuzzy match."""

LONG_QUOTE = 32
"""An exact quote this long is its own evidence: as a last resort, accepted whatever its
context (a passage moved whole, with new neighbours on both sides)."""


class Status(StrEnum):
    OK = "ok"
    MOVED = "moved"
    FUZZY = "fuzzy"
    ORPHANED = "orphaned"


class TextQuoteSelector(NamedTuple):
    exact: str
    prefix: str = ""
    suffix: str = ""


class TextPositionSelector(NamedTuple):
    start: int
    end: int


class SelectorFields(Protocol):
    """Anything keeping the flat selector fields, such as a stored annotation record."""

    exact: str
    prefix: str
    suffix: str
    start: int
    end: int
    text_hash: str


class Selectors(NamedTuple):
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

    @classmethod
    def of(cls, record: SelectorFields) -> Selectors:
        """The selectors a stored annotation keeps (any object with the flat fields)."""
        return cls.from_fields(
            record.exact, record.prefix, record.suffix, record.start, record.end, record.text_hash
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


class Anchor(NamedTuple):
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


_Found = tuple[int, int, Status, float] | None
"""A candidate: start, end, status, and how well its context agrees (0-1)."""


class Resolver:
    """Resolves selectors against one text; keep it to resolve many.

    The expensive searches (the exact quote over the whole text, the fuzzy search over a wide
    window) share a time budget per Resolver; once it is spent, annotations they would have
    rescued are reported orphaned, and are tried again the next time the text is opened.
    """

    def __init__(
        self, text: str, current_hash: str | None = None, budget: float = SEARCH_BUDGET
    ) -> None:
        self.text = text
        self.hash = current_hash or text_hash(text)
        self.budget = budget

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
        guess = start + shift
        if (
            shift
            and guess >= 0
            and text.startswith(exact, guess)
            and _context_matches(text, guess, guess + len(exact), quote)
        ):
            return Anchor(guess, guess + len(exact), Status.MOVED)
        expected = min(max(0, guess), len(text))
        # From the cheapest, most trusted evidence to the dearest, least trusted.
        near = max(NEAR, 4 * len(exact))
        found = self._exact(quote, expected, expected - WINDOW, expected + WINDOW)
        if found is None or found[3] < STRONG_CONTEXT:
            # A weakly supported exact copy loses to an edited quote with its context intact.
            fuzzy = self._fuzzy(quote, expected, near)
            if fuzzy is not None and (found is None or fuzzy[3] > found[3]):
                found = fuzzy
        if found is None and self.budget > 0:
            began = time.perf_counter()
            found = self._exact(quote, expected, 0, len(text))
            if found is None and len(text) > 2 * near:
                found = self._fuzzy(quote, expected, max(WINDOW, near))
            if found is None:
                found = self._long_quote(quote, expected)
            self.budget -= time.perf_counter() - began
        if found is None:
            return Anchor(start, end, Status.ORPHANED)
        if found[:2] == (start, end) and found[2] is Status.MOVED:
            return Anchor(start, end, Status.OK)  # in place; only the context changed
        return Anchor(found[0], found[1], found[2])

    def _exact(self, quote: TextQuoteSelector, expected: int, low: int, high: int) -> _Found:
        """The occurrence of the exact quote in `text[low:high]` whose context agrees best."""
        text, exact = self.text, quote.exact
        low, high = max(0, low), min(len(text), high + len(exact))
        best: tuple[float, int, float] | None = None
        for position in _occurrences(text, exact, low, high):
            before, after = _context_similarity(text, position, position + len(exact), quote)
            if max(before, after) >= MIN_CONTEXT:
                # Ranked by both sides, so that the copy whose neighbours both agree wins.
                context = (before + after) / 2
                score = self._score(context, position, expected)
                if best is None or score > best[0]:
                    best = (score, position, context)
        if best is None:
            return None
        _score, position, context = best
        return position, position + len(exact), Status.MOVED, context

    def _long_quote(self, quote: TextQuoteSelector, expected: int) -> _Found:
        """A long exact quote is its own evidence: its nearest occurrence, whatever the context."""
        exact = quote.exact
        if len(exact) < LONG_QUOTE:
            return None
        positions = list(_occurrences(self.text, exact, 0, len(self.text)))
        if not positions:
            return None
        position = min(positions, key=lambda p: abs(p - expected))
        return position, position + len(exact), Status.MOVED, 0.0

    def _fuzzy(self, quote: TextQuoteSelector, expected: int, reach: int) -> _Found:
        """The best approximate match within `reach` of `expected`, if its context agrees."""
        exact = quote.exact
        if len(exact) < MIN_FUZZY_LENGTH:
            return None
        low = max(0, expected - reach)
        window = self.text[low : expected + reach + len(exact)]
        # UTF-8 bytes: edlib's fast path, and never more than 256 symbols whatever the script.
        target, query = (
            window.encode("utf-8", "surrogatepass"),
            exact.encode("utf-8", "surrogatepass"),
        )
        errors = int(len(query) * MAX_FUZZY_ERRORS_IN_PLACE)
        import edlib  # on first use: an article without highlights starts without it

        result = edlib.align(query, target, mode="HW", task="locations", k=errors)
        distance = result["editDistance"]
        if distance < 0:
            return None
        in_place_only = distance > len(query) * MAX_FUZZY_ERRORS
        best: tuple[float, int, int, float] | None = None
        for first, last in result["locations"][:MAX_LOCATIONS]:
            begin = low + _char_index(target, first, snap_back=True)
            finish = low + _char_index(target, last + 1, snap_back=False)
            before, after = _context_similarity(self.text, begin, finish, quote)
            # Both sides must agree: the quote itself differs, so the context is the evidence.
            context = (before + after) / 2
            if in_place_only:
                context = min(before, after)
                if context < IN_PLACE_CONTEXT:
                    continue
            if context >= MIN_FUZZY_CONTEXT:
                score = self._score(context, begin, expected)
                if best is None or score > best[0]:
                    best = (score, begin, finish, context)
        if best is None:
            return None
        return best[1], best[2], Status.FUZZY, best[3]

    def _score(self, context: float, position: int, expected: int) -> float:
        # Context decides; nearness to where the passage should be only breaks near-ties.
        return context - 0.1 * abs(position - expected) / max(1, len(self.text))


_CONTINUATION = bytes(range(0x80, 0xC0))


def _char_index(encoded: bytes, offset: int, snap_back: bool) -> int:
    """Character index of byte `offset` in UTF-8 `encoded`; inside a character, its start
    (`snap_back`) or its end."""
    count = len(encoded[:offset].translate(None, _CONTINUATION))
    inside = 0 < offset < len(encoded) and encoded[offset] in _CONTINUATION
    return count - 1 if inside and snap_back else count


def _occurrences(text: str, exact: str, low: int, high: int) -> Iterable[int]:
    found = text.find(exact, low, high)
    count = 0
    while found >= 0 and count < MAX_OCCURRENCES:
        yield found
        count += 1
        found = text.find(exact, found + 1, high)


def _context_matches(text: str, start: int, end: int, quote: TextQuoteSelector) -> bool:
    """Whether both prefix and suffix are exactly as recorded (the cheap common case)."""
    before = text[max(0, start - len(quote.prefix)) : start]
    return before == quote.prefix and text.startswith(quote.suffix, end)


def _context_similarity(
    text: str, start: int, end: int, quote: TextQuoteSelector
) -> tuple[float, float]:
    """How well the text before and after `start:end` agrees with the recorded context."""
    before = text[max(0, start - len(quote.prefix)) : start]
    after = text[end : end + len(quote.suffix)]
    return (
        _similarity(quote.prefix, before, at_edge=start == 0),
        _similarity(quote.suffix, after, at_edge=end == len(text)),
    )


def _similarity(recorded: str, found: str, at_edge: bool) -> float:
    """1 for identical strings, falling with edit distance to 0."""
    if recorded == found:
        # An empty side agrees only where it was recorded: at the edge of the text.
        return 1.0 if recorded or at_edge else 0.0
    a, b = recorded.encode("utf-8", "surrogatepass"), found.encode("utf-8", "surrogatepass")
    import edlib

    distance: int = edlib.align(a, b, mode="NW", task="distance")["editDistance"]
    return max(0.0, 1.0 - distance / max(len(a), len(b)))
