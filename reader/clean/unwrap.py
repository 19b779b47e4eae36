"""Hard-wrapped text back into paragraphs, before anything is judged.

Text saved by `lynx -dump`, `w3m -dump`, a mail client or `fmt` is wrapped at some column: a
paragraph's lines end near it, each broken where the next word would not have fitted. Read line
by line, such a paragraph is a stack of fragments, none of them a sentence: the cleaner would
take them for chrome. So lines are rejoined first, by the wrapping's own traces:

- the width: the lengths of lines that the next line continues in mid-sentence (it begins with
  a letter not in upper case) cluster just below the column the text was wrapped at; a text
  whose lines are paragraphs has almost no such lines, and is left as it is;
- a line is joined to the next when it ran to (nearly) that width, so that the next line's
  first word would not have fitted after it, and the next line does not start a block of its
  own (a list item, a numbered item, a heading mark, a quote, a table row, an underline). A
  line continued in mid-sentence may end a little short (`fmt` balances its lines); one before
  a capital must be as full as a greedy wrapper leaves it, and one that ends a sentence is
  joined only where the text sets its paragraphs apart with blank lines;
- a line longer than the width was not wrapped there: it is a paragraph by itself;
- a caption or teaser shown twice is not one paragraph: the repeat takes lines only while it
  reads as the first did;
- a text wrapped twice (at 96 columns, then again at 72) comes apart in a second pass, which
  finds the first width among the lines the first pass rejoined.
"""

from __future__ import annotations

import re
from itertools import pairwise

MIN_WIDTH = 36
MAX_WIDTH = 160
"""Widths a text is wrapped at: text browsers and mail use 72-80 columns, narrow ones 50."""

BAND = 0.2
"""A wrapped paragraph's lines end within this share of the width below it."""

MIN_EVIDENCE = 3
"""Lines continued in mid-sentence, ending in that band, that make a text wrapped..."""
AGAIN_EVIDENCE = 2
"""...and, once it is known to be wrapped, the lines left apart that make it wrapped again."""

MIN_SHARE = 0.1
"""The share of the lines ending in that band that must be continued in mid-sentence."""

PASSES = 3
WIDER = 1.15
"""A further pass needs a width this much wider than the one before."""

CONTINUED_FULL = 0.8
"""How full (with the next word) a line continued in mid-sentence must be: `fmt` and `par`
balance their lines, ending some well before the width."""

SENTENCE_FULL = 1.0
"""How full a line must be when the next one may start a sentence or a line of its own:
the next word would not have fitted (greedy wrapping: textwrap, fold -s, lynx, w3m)."""

SHORT = 0.5
"""A line shorter than this share of the width is a heading or a label, not a paragraph's
last line: it says nothing of how paragraphs are set apart."""

REPEAT = 24
"""Characters a line must share with the start of the paragraph above to be its repeat."""

_STOPS = tuple(".!?…。！？")
_CLOSERS = "'\"”’»)]"
_BLOCK_START = re.compile(r"([*+•·◦▪‣-]\s|[=-]{3,}$|[»›>|#])")
_NUMBERED = re.compile(r"(\d{1,3})[.)]\s")
_TABLE_ROW = re.compile(r"\S( {3,}|\t| ?\.{4,} ?)\S")
"""A gap between columns (three spaces, a tab, dot leaders): a table row starts a line."""
_UNDERLINE = re.compile(r"(=+|-+)$")
_MARKERS = "*+•·◦▪‣- "
_LIST_ITEM = re.compile(r"[*+•·◦▪‣o-]\s")
# A line break, then a letter that may be lower case (ASCII upper case is skipped at once):
# a-z or any character from U+00AA up, written as what it is not. The same set, but `re`
# builds a class of ranges past U+00FF character by character: 29 M instructions at import.
_MAYBE_CONTINUED = re.compile(r"\n[ \t]*[^\x00-\x60\x7b-\xa9]")


class _Unit:
    """Lines taken as one: its first line's number, its lines (stripped; a word broken at its
    hyphen made whole), the text of its last line as laid out (for how full it ran), and the
    words of the unit it repeats, if it repeats one."""

    __slots__ = ("last", "lines", "number", "repeats")

    def __init__(self, number: int, lines: list[str], last: str) -> None:
        self.number = number
        self.lines = lines
        self.last = last
        self.repeats = ""

    @property
    def text(self) -> str:
        return " ".join(self.lines)


def units(text: str) -> list[tuple[int, list[str]]]:
    """The text's non-blank lines as units, a wrapped paragraph's lines together in one: each
    unit is its first line's number and its lines, stripped."""
    raw_lines = text.split("\n")
    width = wrap_width(text, lines=raw_lines)
    if not width:  # lines are paragraphs: each non-blank line is a unit of its own
        return [(number, [line]) for number, raw in enumerate(raw_lines) if (line := raw.strip())]
    rows: list[_Unit | None] = [
        _Unit(number, [raw.strip()], raw.rstrip()) if raw.strip() else None
        for number, raw in enumerate(raw_lines)
    ]
    for _ in range(PASSES):
        rows = _join(rows, width, _paragraphs_apart(rows, width))
        laid_out = "\n".join(row.text if row else "" for row in rows)
        wider = wrap_width(laid_out, AGAIN_EVIDENCE)
        if wider < width * WIDER:
            break
        width = wider
        for row in rows:
            if row is not None:
                row.last = row.text
    return [(row.number, row.lines) for row in rows if row is not None]


def wrap_width(text: str, evidence: int = MIN_EVIDENCE, lines: list[str] | None = None) -> int:
    """The column `text` was hard-wrapped at, or 0 when its lines are paragraphs. `lines`:
    `text` split at its line breaks, when the caller has them already."""
    lengths: list[int] = []
    for match in _MAYBE_CONTINUED.finditer(text):
        if match.group()[-1].isupper() or text.startswith("o ", match.end() - 1):
            continue  # upper case; or "o ", a text browser's third-level list marker
        start = text.rfind("\n", 0, match.start()) + 1
        size = len(text[start : match.start()].rstrip())
        if MIN_WIDTH * (1 - BAND) <= size <= MAX_WIDTH:
            lengths.append(size)
    if len(lengths) < evidence:
        return 0
    lengths.sort()
    # The band holding the most of them (the highest, on a tie); the width is its top.
    best = width = low = 0
    for high, size in enumerate(lengths):
        while lengths[low] < size * (1 - BAND):
            low += 1
        if high - low + 1 >= best:
            best, width = high - low + 1, size
    if best < evidence or width < MIN_WIDTH:
        return 0
    # Most lines that long are wrapped ones in a wrapped text; a few, by chance, in any long
    # text whose lines are paragraphs: counted until they are too many for a wrapped text.
    shortest = width * (1 - BAND)
    band = 0
    for size in map(len, map(str.rstrip, text.split("\n") if lines is None else lines)):
        if shortest <= size <= width:
            band += 1
            if best < band * MIN_SHARE:
                return 0
    return width


def _join(rows: list[_Unit | None], width: int, apart: bool) -> list[_Unit | None]:
    """`rows` with each one that carries on the paragraph of the one above (wrapped at
    `width`) joined to it; `apart`: the text leaves blank lines between its paragraphs."""
    out: list[_Unit | None] = []
    last: _Unit | None = None  # the row just above, as it came in
    previous: _Unit | None = None  # the unit before, across blank lines
    for row in rows:
        if row is None:
            out.append(None)
            last = None
            continue
        above = out[-1] if out else None
        first = row.lines[0]
        if (
            above is not None
            and last is not None
            and continues(last.last, row.last, width, apart, _rejoined(last, row, width))
            and not _same_start(first, above.lines[0])
            and not _list_item(first, above.lines[0])
            and not _rows_alike(first, last.lines[-1])
            and (not above.repeats or above.repeats.startswith(_words(above.text, first)))
        ):
            if _broken_at_hyphen(above.lines[-1], first):
                above.lines[-1] += first  # "well-" + "known": the wrapper broke at the hyphen
                above.lines += row.lines[1:]
            else:
                above.lines += row.lines
        else:
            if previous is not None and _same_start(first, previous.lines[0]):
                row.repeats = _words(previous.text)
            out.append(row)
            previous = row
        last = row
    return out


def continues(
    line: str, following: str, width: int, apart: bool = True, rejoined: bool = False
) -> bool:
    """Whether `following` (the next line, right-stripped) carries on the paragraph `line`
    (right-stripped) was wrapped in, at `width`. `apart`: the text leaves blank lines between
    its paragraphs, so a line that ends a sentence may be followed by the paragraph's next.
    `rejoined`: the lines are an earlier pass's joins (a text wrapped twice), whose last
    stretch at this width is not known: one continued in mid-sentence is taken."""
    text = following.strip()
    if _BLOCK_START.match(text) or _UNDERLINE.match(line.lstrip()) or _table_row(text):
        return False
    if text.startswith("o ") and _LIST_ITEM.match(line.lstrip()):
        return False  # "o", a text browser's third-level list marker, under another item
    in_sentence = _in_sentence(text) or (text[0].isdigit() and not _ends_sentence(line))
    if rejoined:
        return in_sentence and not _ends_sentence(line)
    limit = width + width // 10  # the estimate may fall a little short of the real column
    if len(line) > limit or (len(following) > limit and " " in text):
        return False  # a line longer than the width was not wrapped there
    if in_sentence or line.endswith((",", ";", "-", "–", "—")):
        return _full(line, text, width, CONTINUED_FULL)
    if _ends_sentence(line) and not apart:
        return False  # a paragraph's last line, or a wrap at a sentence's end: cannot tell
    return _full(line, text, width, SENTENCE_FULL)


def _paragraphs_apart(rows: list[_Unit | None], width: int) -> bool:
    """Whether the text leaves a blank line between paragraphs: its lines that end a sentence
    well short of the width (a paragraph's last line) are mostly followed by a blank one."""
    blank = other = 0
    for row, following in pairwise(rows):
        if row is None or len(row.last) < width * SHORT or not _ends_sentence(row.last):
            continue
        if following is None:
            blank += 1
        elif not _full(row.last, following.last, width, SENTENCE_FULL):
            other += 1
    return blank > other


def _rejoined(row: _Unit, following: _Unit, width: int) -> bool:
    """Whether either row is made of lines an earlier pass joined, longer than `width`."""
    return any(len(one.lines) > 1 and len(one.last) > width for one in (row, following))


def _full(line: str, following: str, width: int, share: float) -> bool:
    """Whether `line` with the first word of `following` runs over `share` of `width`: the
    wrapper moved that word down because it would not have fitted."""
    first_word = following.split(None, 1)[0]
    return len(line) + 1 + len(first_word) > width * share


def _ends_sentence(line: str) -> bool:
    """Whether a line ends a sentence: a stop, not after an initial or an abbreviation such
    as "Mr." or "S.C." (a capital and at most two more letters)."""
    line = line.rstrip(_CLOSERS)
    if not line.endswith(_STOPS):
        return False
    word = line[:-1].rsplit(None, 1)[-1].replace(".", "") if len(line) > 1 else ""
    return not (0 < len(word) <= 3 and word[0].isupper() and word.isalpha())


def _in_sentence(line: str) -> bool:
    """Whether a line begins as the middle of a sentence does: a letter not in upper case
    (lower case, or a script without case)."""
    first = line.lstrip()[:1]
    return first.isalpha() and not first.isupper()


def _same_start(line: str, first: str) -> bool:
    """Whether `line` starts as the paragraph's `first` line does (list markers aside): a
    paragraph does not repeat itself, a caption or a teaser shown twice does."""
    line, first = line.lstrip(_MARKERS), first.lstrip(_MARKERS)
    if line[:REPEAT] != first[:REPEAT]:
        return False
    return line == first or min(len(line), len(first)) >= REPEAT


_MARK = re.compile(r"\d+|[^\w\s]")


def _rows_alike(line: str, above: str) -> bool:
    """Whether `line` begins as the line `above` did: as many words (three at most) before
    the same two marks, numbers or signs ("June 9 – Bristol @ ..." under "June 10 – Cardiff @
    ...", "Round 2: ..." under "Round 1: ...", "iTunes: http://..." under "Download: http:
    //..."): rows of a list, each on a line of its own, however full the line above ran."""
    if not (line[:1].isupper() or line[:1].isdigit()):
        return False
    lead = _lead(line)
    return lead is not None and lead == _lead(above)


def _lead(line: str) -> tuple[int, str] | None:
    marks = _MARK.findall(line, 0, 32)[:2]
    if len(marks) < 2:
        return None
    words = len(line[: line.find(marks[0])].split())
    if words > 3:
        return None
    return words, "".join("9" if mark[0].isdigit() else mark for mark in marks)


def _table_row(line: str) -> bool:
    return ("   " in line or "\t" in line or "...." in line) and bool(_TABLE_ROW.search(line))


def _list_item(line: str, first: str) -> bool:
    """Whether `line` is an item of a numbered list: its number is 1, or one more than the
    number the paragraph above starts with ("Sept." then "29. Most of..." is a wrap)."""
    item = _NUMBERED.match(line)
    if item is None:
        return False
    above = _NUMBERED.match(first)
    number = int(item.group(1))
    return number == 1 or (above is not None and int(above.group(1)) == number - 1)


def _words(text: str, following: str = "") -> str:
    """A unit's words (with the first word of the line `following` it, if given), list
    marker and spacing aside: to compare a repeat with its first."""
    if following:
        word = following.split(None, 1)[0]
        text = text + word if _broken_at_hyphen(text, word) else f"{text} {word}"
    return " ".join(text.lstrip(_MARKERS).split())


def _broken_at_hyphen(line: str, following: str) -> bool:
    return len(line) > 1 and line[-1] == "-" and line[-2].isalpha() and following[:1].isalpha()
