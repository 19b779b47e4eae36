"""Words, sentences and paragraphs of a Document's plain text, as character offsets.

Everything here takes the flat `Document.text` (and the Document for paragraphs) and returns
offsets into it, so the view's cursor and selection motions and the "select sentence" key all
agree. Sentences never cross a line break: blocks are separated by blank lines and a hard
break inside a block (an address, a verse) is a boundary a reader sees too.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reader.document import Document

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f"
# A word: one CJK character (those scripts put no spaces between words), a number with its
# inner separators (3.5, 1,000, 09:09), or a run of letters joined by apostrophes or hyphens
# (Assad's, al-Qaeda). A letter is a word character that is not CJK: [^\W...] says it in one
# class, which compiles and matches faster than a lookahead before each \w.
_LETTER = rf"[^\W{_CJK}]"
_WORD_PATTERN = rf"[{_CJK}]|\d+(?:[.,:]\d+)*{_LETTER}*|{_LETTER}+(?:['’\-‐]{_LETTER}+)*"


@lru_cache(maxsize=1)
def _words() -> re.Pattern[str]:
    """The word pattern, compiled on first use: its CJK ranges take `re` some 8 ms to compile,
    and the reader's first frame needs no word motion."""
    return re.compile(_WORD_PATTERN)


_SPACE = re.compile(r"\s")
# How far back a search for a word start may look for whitespace before giving up; words
# longer than this are cut (only in text without spaces).
_LOOKBACK = 256

# Sentence terminators: Latin, ellipsis, CJK full-width, Arabic/Urdu, Devanagari, Armenian,
# Ethiopic, and the doubled forms.
_TERMINATORS = ".!?…‼⁇⁈⁉。！？．｡؟۔।॥։።"
# These end a sentence even with no space after them (CJK text has none).
_CLOSE_WITHOUT_SPACE = "。！？｡"
_CLOSERS = "\"'”’»›)]}」』】〉》）"
_OPENERS = "\"'“‘«‹([{「『【〈《（"


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# Abbreviations after which a full stop never ends a sentence (titles, "e.g.", "No. 5").
_NEVER_END = _word_set(
    "mr mrs ms mx dr prof sen rep gov gen col capt cpt lt sgt cmdr adm maj rev fr hon "
    "pres supt det insp mt ft e.g eg i.e ie cf vs v viz approx ca nos fig figs vol "
    "vols pp p ch sec art op ed eds trans dept univ assn bros messrs mme mlle sra sr.a "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
)
# Abbreviations that may end a sentence: they do when the next word is a usual sentence
# opener ("... in the U.S. The next day", "on Baker St. He"), not otherwise ("the U.S. Senate",
# "St. James", "No. 5").
_MAY_END = _word_set(
    "etc inc ltd co corp jr sr plc llc bros a.m p.m am pm u.s u.k u.n e.u st no al"
)
_OPENER_WORDS = _word_set(
    "the a an he she it they we i you his her its their our this that these those there "
    "but and or so yet then now however in on at after before when while if as for with "
    "by from to of what who why how where mr mrs ms dr"
)


def word_span(text: str, offset: int) -> tuple[int, int] | None:
    """The word containing `offset`, or None if `offset` is not in a word."""
    start = _safe_start(text, offset)
    for match in _words().finditer(text, start, min(len(text), offset + _LOOKBACK)):
        if match.start() > offset:
            return None
        if offset < match.end():
            return match.span()
    return None


def next_word_start(text: str, offset: int) -> int:
    """Start of the first word after the one at `offset` (`offset` itself if there is none)."""
    start = _safe_start(text, offset)
    for match in _words().finditer(text, start):
        if match.start() > offset:
            return match.start()
    return offset


def previous_word_start(text: str, offset: int) -> int:
    """Start of the word at `offset` if `offset` is inside it, else of the word before.

    Returns `offset` when no word starts before it.
    """
    window = _LOOKBACK
    while True:
        start = _safe_start(text, max(0, offset - window))
        found = -1
        for match in _words().finditer(text, start, offset):
            found = match.start()
        if found >= 0:
            return found
        if start == 0:
            return offset
        window *= 4


def _safe_start(text: str, offset: int) -> int:
    """A position at or before `offset` where no word is cut: just after some whitespace."""
    offset = max(0, min(offset, len(text)))
    low = max(0, offset - _LOOKBACK)
    for index in range(offset - 1, low - 1, -1):
        if text[index].isspace():
            return index + 1
    return low


def line_span(text: str, offset: int) -> tuple[int, int]:
    """The line (between newlines) containing `offset`."""
    offset = max(0, min(offset, len(text)))
    return text.rfind("\n", 0, offset) + 1, _find_or_end(text, "\n", offset)


def _find_or_end(text: str, needle: str, start: int) -> int:
    found = text.find(needle, start)
    return len(text) if found < 0 else found


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """All sentences in `text[start:end]`, trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    line_start = start
    while line_start < end:
        line_end = min(end, _find_or_end(text, "\n", line_start))
        line = text[line_start:line_end]
        spans.extend((line_start + a, line_start + b) for a, b in _line_sentences(line))
        line_start = line_end + 1
    return spans


def sentence_span(text: str, offset: int) -> tuple[int, int]:
    """The sentence containing `offset`; between sentences, the one that follows it.

    After the last sentence of a line, the last one; on an empty line, empty at `offset`.
    """
    low, high = line_span(text, offset)
    spans = _sentences_of_line(text, low, high)
    for start, end in spans:
        if offset < end:
            return (start, end)
    return (offset, offset) if not spans else spans[-1]


def next_sentence_start(text: str, offset: int) -> int:
    """Start of the first sentence starting after `offset` (`offset` if there is none)."""
    low, high = line_span(text, offset)
    while True:
        for start, _end in _sentences_of_line(text, low, high):
            if start > offset:
                return start
        if high >= len(text):
            return offset
        low, high = high + 1, _find_or_end(text, "\n", high + 1)


def previous_sentence_start(text: str, offset: int) -> int:
    """Start of the sentence at `offset` if `offset` is past it, else of the one before.

    Returns `offset` when no sentence starts before it.
    """
    low, high = line_span(text, offset)
    while True:
        found = -1
        for start, _end in _sentences_of_line(text, low, high):
            if start < offset:
                found = start
        if found >= 0:
            return found
        if low == 0:
            return offset
        high = low - 1
        low = text.rfind("\n", 0, high) + 1


def paragraph_span(document: Document, offset: int) -> tuple[int, int]:
    """The block containing `offset` (or the last block starting before it)."""
    if not document.blocks:
        return (0, len(document.text))
    block = document.blocks[document.block_at(offset)]
    return (block.start, block.end)


def next_paragraph_start(document: Document, offset: int) -> int:
    """Start of the first block starting after `offset` (`offset` if there is none)."""
    for start in document.paragraph_starts():
        if start > offset:
            return start
    return offset


def previous_paragraph_start(document: Document, offset: int) -> int:
    """Start of the block at `offset` if `offset` is past it, else of the block before."""
    found = offset
    for start in document.paragraph_starts():
        if start >= offset:
            break
        found = start
    return found


def _sentences_of_line(text: str, low: int, high: int) -> list[tuple[int, int]]:
    return [(low + a, low + b) for a, b in _line_sentences(text[low:high])]


@lru_cache(maxsize=256)
def _line_sentences(line: str) -> tuple[tuple[int, int], ...]:
    """Sentence spans of one line (cached: motions ask about the same paragraph repeatedly)."""
    spans: list[tuple[int, int]] = []
    length = len(line)
    start = _skip_space(line, 0)
    index = start
    while index < length:
        char = line[index]
        if char not in _TERMINATORS:
            index += 1
            continue
        end = index + 1
        while end < length and line[end] in _TERMINATORS:
            end += 1
        while end < length and line[end] in _CLOSERS:
            end += 1
        if _ends_sentence(line, start, index, end):
            spans.append((start, end))
            start = _skip_space(line, end)
            index = start
        else:
            index = end
    if start < length:
        stop = length
        while stop > start and line[stop - 1].isspace():
            stop -= 1
        if stop > start:
            spans.append((start, stop))
    return tuple(spans)


def _skip_space(line: str, index: int) -> int:
    while index < len(line) and line[index].isspace():
        index += 1
    return index


def _ends_sentence(line: str, start: int, stop: int, end: int) -> bool:
    """Whether the terminator run `line[stop:end]` (with closers) ends the sentence."""
    terminators = line[stop:end].rstrip(_CLOSERS)
    if end >= len(line):
        return True
    if not line[end].isspace():
        # "3.5", "U.S.A", "example.com": no space, no boundary, except after CJK stops.
        return terminators[-1] in _CLOSE_WITHOUT_SPACE
    following = _next_word(line, end)
    if not following:
        return True
    first = following.lstrip(_OPENERS)[:1]
    if first.islower():
        # "… she asked", "approx. ten", "Who's there?” he said": the sentence goes on.
        return False
    if terminators != ".":
        return True
    word = _word_before(line, start, stop)
    key = word.rstrip(_CLOSERS).lower().rstrip(".")
    if key in _NEVER_END:
        return False
    if len(word) == 1 and word.isalpha() and word.isupper():
        return False  # an initial: "George W. Bush", "J. K. Rowling"
    if key in _MAY_END or _is_initialism(word):
        return following.strip(_OPENERS + _CLOSERS + ",;:").lower() in _OPENER_WORDS
    return True


def _word_before(line: str, start: int, stop: int) -> str:
    """The token just before the full stop at `stop`, without opening quotes or brackets."""
    begin = stop
    while begin > start and not line[begin - 1].isspace():
        begin -= 1
    return line[begin:stop].lstrip(_OPENERS)


def _is_initialism(word: str) -> bool:
    """ "U.S", "e.g", "Ph.D": letters with inner full stops (the last stop is not in `word`)."""
    parts = word.split(".")
    return len(parts) > 1 and all(0 < len(p) <= 2 and p.isalpha() for p in parts)


def _next_word(line: str, index: int) -> str:
    index = _skip_space(line, index)
    match = _SPACE.search(line, index)
    return line[index : match.start() if match else len(line)]
