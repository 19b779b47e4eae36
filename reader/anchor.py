"""Anchoring annotations to a text that may change: W3C Web Annotation selectors.

An annotation keeps a TextQuoteSelector (the exact quote with ~32 characters of context each
side), a TextPositionSelector (start/end offsets) and the hash of the text they were made on.
Against a new text they resolve, in order of trust:

1. ok: the position still holds the quote (and the text is unchanged, or the context agrees);
2. moved: the exact quote elsewhere, chosen by its context and nearness to the old position;
3. fuzzy: an approximate match (edlib's bit-parallel search) good enough on both the quote and
   its context; the context requirement is what keeps a quote whose passage was deleted from
   attaching to some merely similar text;
4. ambiguous: placed as moved or fuzzy would, but another place agrees as well (each agreeing
   better on one side, as when the passage was copied next to itself): shown, never claimed;
5. orphaned: none of the above; the caller keeps the annotation and shows it as such.

Approximate comparisons count characters (not UTF-8 bytes) and see typography as equal:
curly and straight quotes, dashes, odd spaces, ligatures and invisible characters, so that a
text re-typeset by another tool moves no highlight's edges.

Pure functions over plain values: no store, no UI.
"""

from __future__ import annotations

import hashlib
import re
import time
from bisect import bisect_right
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

PARAGRAPH_BREAK = "\n\n"
"""What separates blocks in a Document's text (reader.document.BLOCK_SEPARATOR)."""

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
context (a passage moved whole, with new neighbours on both sides). A shorter one is, when it
occurs once and its line is whole (a list item moved)."""

EDGE = 8
"""Characters of the recorded context next to the quote that place an approximate match's
edges: a fuzzy span is widened to where they begin."""

TIE_MARGIN = 0.25
"""Context scores (mean of both sides, 0-1) this close make a tie when each place agrees
better on one side: then neither is claimed, and the highlight is marked ambiguous."""


class Status(StrEnum):
    OK = "ok"
    MOVED = "moved"
    FUZZY = "fuzzy"
    AMBIGUOUS = "ambiguous"
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


class _Candidate(NamedTuple):
    """A place the quote might be, and how its neighbours agree with the recorded context."""

    start: int
    end: int
    before: float
    """Similarity (0-1) of the text before it to the recorded prefix."""
    after: float
    context: float
    """Both sides: their mean."""


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
        found = self._exact(quote, expected, expected - near, expected + near)
        if found is None or found[3] < 1.0:
            # Only a copy with both sides intact ends the search nearby: the nearest such
            # copy is what the wider search would choose too.
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
                found = self._self_evident(quote, expected)
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
        context = _Context.of(quote)
        candidates = []
        for position in _occurrences(text, exact, low, high):
            candidate = context.candidate(text, position, position + len(exact), MIN_CONTEXT)
            if candidate is not None:
                candidates.append(candidate)
        return context.choose(text, candidates, expected, Status.MOVED)

    def _self_evident(self, quote: TextQuoteSelector, expected: int) -> _Found:
        """A quote that is its own evidence, whatever its neighbours: a long one (its nearest
        occurrence), or one that occurs once with its line whole (a moved list item)."""
        text, exact = self.text, quote.exact
        if len(exact) >= LONG_QUOTE:
            positions = list(_occurrences(text, exact, 0, len(text)))
            if not positions:
                return None
            position = min(positions, key=lambda p: abs(p - expected))
            return position, position + len(exact), Status.MOVED, 0.0
        position = text.find(exact)
        if position < 0 or text.find(exact, position + 1) >= 0:
            return None
        if not _line_whole(text, position, position + len(exact), quote):
            return None
        return position, position + len(exact), Status.MOVED, 0.0

    def _fuzzy(self, quote: TextQuoteSelector, expected: int, reach: int) -> _Found:
        """The best approximate match within `reach` of `expected`, if its context agrees."""
        if len(quote.exact) < MIN_FUZZY_LENGTH:
            return None
        low = max(0, expected - reach)
        window = self.text[low : expected + reach + len(quote.exact)]
        query, target, expansions = _symbols(quote.exact, window)
        errors = int(len(query) * MAX_FUZZY_ERRORS_IN_PLACE)
        import edlib  # on first use: an article without highlights starts without it

        result = edlib.align(query, target, mode="HW", task="locations", k=errors)
        distance = result["editDistance"]
        if distance < 0:
            return None
        context = _Context.of(quote)
        candidates = []
        for first, last in result["locations"][:MAX_LOCATIONS]:
            begin = low + _unexpand(expansions, first, end=False)
            finish = low + _unexpand(expansions, last + 1, end=True)
            for span, edits in self._spans(quote, begin, finish, distance, errors):
                candidate = context.candidate(self.text, *span)
                if candidate is None:
                    continue
                if edits > len(query) * MAX_FUZZY_ERRORS:
                    # Many edits: both sides must agree, since the quote itself says little.
                    weaker = min(candidate.before, candidate.after)
                    if weaker < IN_PLACE_CONTEXT:
                        continue
                    candidate = _Candidate(*span, weaker, weaker, weaker)
                if candidate.context >= MIN_FUZZY_CONTEXT:
                    candidates.append(candidate)
        return context.choose(self.text, candidates, expected, Status.FUZZY)

    def _spans(
        self, quote: TextQuoteSelector, begin: int, finish: int, edits: int, errors: int
    ) -> list[tuple[tuple[int, int], int]]:
        """The span of an approximate match, with its edits; and, when the recorded context
        starts a little beyond an edge, the span reaching it (a word added at the edge of the
        quote is inside it, though the closest match leaves it out)."""
        text = self.text
        spans = [((begin, finish), edits)]
        tail, head = quote.prefix[-EDGE:], quote.suffix[:EDGE]
        start, end = begin, finish
        if tail and not text.endswith(tail, 0, begin):
            found = text.rfind(tail, max(0, begin - errors - len(tail)), begin)
            start = found + len(tail) if found >= 0 else begin
        if head and not text.startswith(head, finish):
            found = text.find(head, finish, finish + errors + len(head))
            end = found if found >= 0 else finish
        # A paragraph break between the match and its context is a paragraph added beside
        # the quote (a removed block restored), not words added to it: the span stays.
        if PARAGRAPH_BREAK not in quote.exact:
            if PARAGRAPH_BREAK in text[start:begin]:
                start = begin
            if PARAGRAPH_BREAK in text[finish:end]:
                end = finish
        if (start, end) != (begin, finish):
            query, target, _ = _symbols(quote.exact, text[start:end])
            import edlib

            wider: int = edlib.align(query, target, mode="NW", task="distance", k=errors)[
                "editDistance"
            ]
            if wider >= 0:
                spans.append(((start, end), wider))
        return spans


def _occurrences(text: str, exact: str, low: int, high: int) -> Iterable[int]:
    found = text.find(exact, low, high)
    count = 0
    while found >= 0 and count < MAX_OCCURRENCES:
        yield found
        count += 1
        found = text.find(exact, found + 1, high)


def _context_matches(text: str, start: int, end: int, quote: TextQuoteSelector) -> bool:
    """Whether both prefix and suffix are exactly as recorded (the cheap common case)."""
    prefix = quote.prefix
    if start < len(prefix):
        return False
    return text.startswith(prefix, start - len(prefix)) and text.startswith(quote.suffix, end)


def _line_whole(text: str, start: int, end: int, quote: TextQuoteSelector) -> bool:
    """Whether the recorded context up to the nearest line break each side is unchanged: the
    quote's line (a list item, a heading, a short paragraph) is whole, wherever it went."""
    prefix, suffix = quote.prefix, quote.suffix
    cut = prefix.rfind("\n")
    before = prefix[cut:] if cut >= 0 else prefix
    stop = suffix.find("\n")
    after = suffix[: stop + 1] if stop >= 0 else suffix
    if start < len(before):
        return False
    return text.startswith(before, start - len(before)) and text.startswith(after, end)


class _Context(NamedTuple):
    """A quote's recorded context, typography made plain, to weigh candidates by."""

    prefix: str
    suffix: str

    @classmethod
    def of(cls, quote: TextQuoteSelector) -> _Context:
        return cls(_plain(quote.prefix), _plain(quote.suffix))

    def around(self, text: str, start: int, end: int) -> tuple[str, str]:
        """The text before and after `start:end`, as long as the recorded sides, made plain."""
        before = text[max(0, start - len(self.prefix)) : start]
        after = text[end : end + len(self.suffix)]
        if not before.isascii():
            before = _plain(before)
        return before, after if after.isascii() else _plain(after)

    def candidate(self, text: str, start: int, end: int, minimum: float = 0.0) -> _Candidate | None:
        """How the text around `start:end` agrees with the recorded context; None if neither
        side reaches `minimum`."""
        before, after = self.around(text, start, end)
        before_similarity = _similarity(self.prefix, before, at_edge=start == 0)
        after_similarity = _similarity(self.suffix, after, at_edge=end == len(text))
        if before_similarity < minimum and after_similarity < minimum:
            return None
        context = (before_similarity + after_similarity) / 2
        return _Candidate(start, end, before_similarity, after_similarity, context)

    def agreement(self, text: str, candidate: _Candidate) -> int:
        """Characters agreeing exactly on both sides, counted outwards from the quote."""
        before, after = self.around(text, candidate.start, candidate.end)
        return _common_prefix(self.prefix[::-1], before[::-1]) + _common_prefix(self.suffix, after)

    def choose(
        self, text: str, candidates: Sequence[_Candidate], expected: int, status: Status
    ) -> _Found:
        """The candidate whose context agrees best (both sides, then the longer exact
        agreement, then nearness to `expected`); `status`, or ambiguous if another place is
        about as good."""
        if not candidates:
            return None
        top = max(c.context for c in candidates)
        tied = [c for c in candidates if c.context == top]
        best = tied[0]
        if len(tied) > 1:
            agreement = {c: self.agreement(text, c) for c in tied}
            longest = max(agreement.values())
            best = min(
                (c for c in tied if agreement[c] == longest), key=lambda c: abs(c.start - expected)
            )
        close = best.context - TIE_MARGIN
        for rival in candidates:
            if (
                rival.context >= close
                and (rival.before > best.before or rival.after > best.after)
                and (rival.end <= best.start or rival.start >= best.end)
            ):
                # Each agrees better on one side: an edit next to the passage that copied it
                # (a paragraph that starts the same way inserted before it) reads either way.
                status = Status.AMBIGUOUS
                break
        return best.start, best.end, status, best.context


def _common_prefix(a: str, b: str) -> int:
    """The length of the longest common prefix of `a` and `b`."""
    low, high = 0, min(len(a), len(b))
    while low < high:  # a binary search of slice comparisons: no loop per character
        middle = (low + high + 1) // 2
        if a[:middle] == b[:middle]:
            low = middle
        else:
            high = middle - 1
    return low


def _similarity(recorded: str, found: str, at_edge: bool) -> float:
    """1 for identical (folded) strings, falling with the edits in characters to 0."""
    if recorded == found:
        # An empty side agrees only where it was recorded: at the edge of the text.
        return 1.0 if recorded or at_edge else 0.0
    a, b = recorded.encode("utf-8", "surrogatepass"), found.encode("utf-8", "surrogatepass")
    if len(a) != len(recorded) or len(b) != len(found):
        a, b, _ = _symbols(recorded, found)
    import edlib

    distance: int = edlib.align(a, b, mode="NW", task="distance")["editDistance"]
    return max(0.0, 1.0 - distance / max(len(a), len(b)))


# --- typography, and characters as edlib's symbols ---------------------------------------

_SAME = {
    **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u00b4", "'"),
    **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb", '"'),
    **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d", "-"),
    **dict.fromkeys("\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006", " "),
    **dict.fromkeys("\u2007\u2008\u2009\u200a\u202f\u205f\u3000", " "),
}
"""Typography one character for one: quotes, apostrophes, dashes and spaces, as ASCII."""

_SAME_TABLE = str.maketrans(_SAME)

_EXPAND = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\u2026": "...",
    "\u00ad": "",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
}
"""Typography of another length: ligatures, the ellipsis, soft hyphens, invisible characters."""

_EXPANDING = re.compile("[" + "".join(_EXPAND) + "]")

_Expansions = tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]] | None
"""Where `_expand` changed a text's length: each change's new offset, original offset and new
length (None: no change of length)."""


def _plain(text: str) -> str:
    """`text` with its typography made plain (ASCII quotes, dashes, spaces; no ligatures)."""
    if text.isascii():
        return text
    return _expand(text.translate(_SAME_TABLE))[0]


def _expand(text: str) -> tuple[str, _Expansions]:
    """`text` with ligatures, ellipses and invisible characters made plain; where its
    length changed."""
    if text.isascii() or _EXPANDING.search(text) is None:
        return text, None
    pieces: list[str] = []
    folded_at: list[int] = []
    original_at: list[int] = []
    lengths: list[int] = []
    last = 0
    size = 0
    for match in _EXPANDING.finditer(text):
        replacement = _EXPAND[match.group()]
        pieces.append(text[last : match.start()])
        size += match.start() - last
        folded_at.append(size)
        original_at.append(match.start())
        lengths.append(len(replacement))
        pieces.append(replacement)
        size += len(replacement)
        last = match.end()
    pieces.append(text[last:])
    return "".join(pieces), (tuple(folded_at), tuple(original_at), tuple(lengths))


def _unexpand(expansions: _Expansions, offset: int, end: bool) -> int:
    """The original offset of `offset` in an `_expand`ed text; inside an expansion, the
    offset before the character it came from (a start) or after it (an end)."""
    if expansions is None:
        return offset
    folded_at, original_at, lengths = expansions
    index = bisect_right(folded_at, offset) - 1
    if index < 0:
        return offset
    into = offset - folded_at[index]
    if into < lengths[index] or (end and into == 0):
        return original_at[index] + (1 if end and into > 0 else 0)
    return original_at[index] + 1 + into - lengths[index]


_CODES = range(0x80, 0xC0)
"""Bytes standing for one character each: UTF-8 continuation values, which no replaced
sequence can begin with, so replacing one character's bytes never changes another's."""

_ASCII = bytes(range(0x80))


def _non_ascii(data: bytes) -> set[str]:
    """The characters of UTF-8 `data` beyond ASCII (its other bytes deleted: no loop)."""
    return set(data.translate(None, _ASCII).decode("utf-8", "surrogatepass"))


def _symbols(query: str, target: str) -> tuple[bytes, bytes, _Expansions]:
    """`query` and `target` as bytes for edlib, one byte per character (edlib counts bytes
    and takes at most 256 symbols), with typography made plain: ligatures, ellipses and
    invisible characters expanded (and where that changed the target's length), and the
    characters `_SAME` makes plain given the plain character's byte.

    Mostly-ASCII text, the common case, costs a UTF-8 encoding and a replace per distinct
    other character.
    """
    query_bytes = query.encode("utf-8", "surrogatepass")
    target_bytes = target.encode("utf-8", "surrogatepass")
    if len(query_bytes) == len(query) and len(target_bytes) == len(target):
        return query_bytes, target_bytes, None
    others = _non_ascii(query_bytes) | _non_ascii(target_bytes)
    expansions = None
    if not others.isdisjoint(_EXPAND):
        query = _expand(query)[0]
        target, expansions = _expand(target)
        query_bytes = query.encode("utf-8", "surrogatepass")
        target_bytes = target.encode("utf-8", "surrogatepass")
        others.difference_update(_EXPAND)
    unplain = [char for char in others if char not in _SAME]
    if len(unplain) > len(_CODES):
        return (*_symbols_by_table(query, target), expansions)
    codes = {char: _SAME[char].encode("ascii") for char in others if char in _SAME}
    codes.update((char, bytes((code,))) for char, code in zip(unplain, _CODES, strict=False))
    for char, code in codes.items():
        sequence = char.encode("utf-8", "surrogatepass")
        query_bytes = query_bytes.replace(sequence, code)
        target_bytes = target_bytes.replace(sequence, code)
    return query_bytes, target_bytes, expansions


def _symbols_by_table(query: str, target: str) -> tuple[bytes, bytes]:
    """`_symbols` for text of many scripts' characters: characters of the target that the
    query lacks share one symbol (they match nothing in it either way); a query of more than
    255 different characters shares its last symbol too."""
    codes: dict[str, int] = {}
    for char in query:
        plain = _SAME.get(char, char)
        if plain not in codes and len(codes) < 255:
            codes[plain] = len(codes)
    table = {ord(c): codes.get(_SAME.get(c, c), len(codes)) for c in set(query).union(target)}
    return query.translate(table).encode("latin-1"), target.translate(table).encode("latin-1")
