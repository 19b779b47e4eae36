"""What a saved page's lines make together: lists, feeds of comments or teasers, openings.

One line alone rarely says whether it is the article. Its neighbours do:

- lines that share a shape one after another (`June 9 – Bristol @ Colston Hall`, `Round 2:
  14 September – ...`, lines numbered 1, 2, 3) are a list or a table of the article's data, not
  a menu, however short each is;
- a line with a date or a time that recurs at intervals, with other lines between
  (`Pete G / 2 days ago at 07:50 am / ...`), heads each item of a feed: a comment thread, or
  a list of other stories; a feed is never the article. Times of the day alone ("12:41",
  "12:15") head a live report's entries: those are the article;
- lines that start with a headline glued to a summary (`...Student-AthleteA 24-year-old
  woman...`), several of them close together, are teasers of other stories;
- a headline-shaped line with a byline or a date just below it, then prose, opens an article.
"""

from __future__ import annotations

import re
from itertools import pairwise

from reader.clean.lines import Kind, Line
from reader.clean.metadata import BYLINE_STARTS, is_byline, is_date, is_headline

# A line's shape: its punctuation and numbers, the words left out ("June 9 – Bristol @ Hall"
# and "July 1 – Bath @ Forum" are both "9–@").
_LETTERS = re.compile(r"[^\W\d_]+|\s+")
_DIGITS = re.compile(r"\d+")
_MARK = re.compile(r"\d+|[^\w\s]")
_MENU_MARKS = frozenset("|·•»›>/-–—")
_LABEL = re.compile(r"([^\W\d_][\w'’ -]{0,29}):\s+\S")
LIST_RUN = 3
"""Lines of one shape in a row that make a list."""


def shape(text: str) -> str:
    return _DIGITS.sub("9", _LETTERS.sub("", text))


def mark_structure(lines: list[Line]) -> tuple[dict[int, tuple[str, str]], list[int]]:
    """Mark lists, feeds and teasers (see the module's doc) in one pass over the lines.

    Returns the lines of numbered lists (index -> marker, text) and the dated lines (index),
    which also serve to find where articles open (`openings`).
    """
    keys = [""] * (len(lines) + 2)
    candidates = []  # the lines given a key: the passes below read only these
    digits = []
    glued = []
    numbered = []
    good, bad = Kind.GOOD, Kind.BAD
    search_digit = _DIGIT.search
    for index, line in enumerate(lines):
        if line.text[0] in _DIGIT_CHARS:
            numbered.append(index)
        kind = line.kind
        words = line.words
        if kind is good:
            if words >= 8 and _glued(line):
                glued.append(index)
            continue
        if words > 25 or (kind is bad and line.reason != "navigation"):
            continue
        text = line.text
        # Words and single spaces only (the key, less case, is as long): no list's marks.
        marked = len(line.key) != len(text)
        if words <= 16 and not line.rows and search_digit(text):
            digits.append(index)
        elif not marked:
            continue
        if marked and words > 1:
            keys[index] = "?"  # a candidate: its key is worked out if its neighbours are too
            candidates.append(index)
        if words >= 8 and kind is not bad and _glued(line):
            glued.append(index)
    items = numbered_items(lines, numbered)
    for index in items:
        keys[index] = ""
    # A list is three lines in a row at least: a line's key matters only beside two others
    # (or beside one, if either is two lines a wrapper joined).
    for index in candidates:
        if keys[index] and (
            (keys[index - 1] and keys[index + 1])
            or (keys[index + 1] and keys[index + 2])
            or (keys[index - 1] and keys[index - 2])
            or ((keys[index - 1] or keys[index + 1]) and "\n" in lines[index].raw)
            or (keys[index - 1] and "\n" in lines[index - 1].raw)
            or (keys[index + 1] and "\n" in lines[index + 1].raw)
        ):
            keys[index] = "!"
    for index in candidates:
        if keys[index]:
            keys[index] = _list_key(lines[index]) if keys[index] == "!" else ""
    # Runs of one key on lines one after another; the last key (always "") ends the last run.
    start = end = 0
    key = ""
    for index in [*candidates, len(keys) - 1]:
        this = keys[index]
        if this and this == key and index == end:
            end += 1
            continue
        if key and _rows(lines, start, end) >= LIST_RUN:
            _listed(lines[start:end])
        start, end, key = index, index + 1, this
    _listed([lines[index] for index in items])
    dated = [
        index
        for index in digits
        if not lines[index].listed and (_timed(lines[index]) or is_date(lines[index]))
    ]
    _mark_feeds(lines, dated)
    _mark_glued_teasers(lines, glued)
    return items, dated


def _rows(lines: list[Line], start: int, end: int) -> int:
    """How many of the page's lines `lines[start:end]` were (a wrapped line counts as its parts)."""
    if end - start >= LIST_RUN:
        return end - start
    return sum(line.raw.count("\n") + 1 for line in lines[start:end])


def _listed(run: list[Line]) -> None:
    for item in run:
        item.listed = True
        if item.kind is Kind.BAD and item.reason == "navigation":
            item.kind, item.reason = Kind.SHORT, ""


_NUMBERED = re.compile(r"(\d{1,3})([.)])\s+(?=\S)")
_DIGIT_CHARS = frozenset("0123456789")


def numbered_items(lines: list[Line], candidates: list[int]) -> dict[int, tuple[str, str]]:
    """Lines of a numbered list ("1. ...", "2. ..." one after the other): index -> marker, text.

    A lone numbered line may be a heading ("2. Results") or a paragraph that starts with a
    number; two lines in a row numbered one after the other are a list, kept as one.
    `candidates` are the lines that start with a digit.
    """
    numbers: dict[int, tuple[int, str, str]] = {}
    for index in candidates:
        line = lines[index]
        if not line.marker and not line.rows:
            match = _NUMBERED.match(line.text)
            if match:
                rest = " ".join(line.text[match.end() :].split())
                numbers[index] = (int(match.group(1)), match.group(2), rest)
    items = {}
    for index, (number, mark, rest) in numbers.items():
        before, after = numbers.get(index - 1), numbers.get(index + 1)
        if (before and before[0] == number - 1) or (after and after[0] == number + 1):
            items[index] = (f"{number}{mark}", rest)
    return items


def _list_key(line: Line) -> str:
    """What lines of one list share: their first marks and numbers ("9–" for "June 9 – ...")."""
    if line.rows or (line.kind is Kind.BAD and line.reason != "navigation"):
        return ""
    text = line.text[:80]
    if text[0].isdigit() and _NUMBERED.match(text):
        return ""  # numbered lines make a list when their numbers run on (numbered_items)
    if text.find(":", 0, 32) > 0:
        label = _LABEL.match(text)
        if label and label.group(1).count(" ") <= 2:
            return "label:"  # "Bowl: 4.5 litres", "Lunch: lentil soup": a fact box
    marks = "".join("9" if mark[0].isdigit() else mark for mark in _MARK.findall(text, 0, 48))
    if len(marks) < 2 or (marks[0] in _MENU_MARKS and marks[1] in _MENU_MARKS):
        return ""
    return marks[:2]


# A time of day, or "2 days ago": what heads a comment, or a story in a list of stories. The
# hour starts a word (see metadata._NUMERIC_DATE for why not `\b`).
_CLOCK = re.compile(r"\d(?<!\w\d)\d?[:.h]\d{2}\b")
_AGO = re.compile(
    r"\b\d+\s*(minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\s+ago\b", re.IGNORECASE
)


def _timed(line: Line) -> bool:
    text = line.text
    return bool(_CLOCK.search(text)) or ("ago" in line.key and bool(_AGO.search(text)))


_DIGIT = re.compile(r"\d")
FEED_ITEMS = 3
"""Items (each headed by a dated line) that make a feed."""
FEED_GAP = 25
"""Lines, at most, from one item's head to the next."""


def _mark_feeds(lines: list[Line], dated: list[int]) -> None:
    """Comment threads and lists of stories, by the dated line that heads each item."""
    by_shape: dict[str, list[int]] = {}
    for index in dated:
        text = lines[index].text
        # A quoted post's credit ("— Name (@name) 9 October 2018") is the article's own.
        if text[0] not in "—–-":
            by_shape.setdefault(shape(text), []).append(index)
    for heads in by_shape.values():
        # Heads one right after another are rows of a list (tour dates), not items of a feed.
        if len(heads) < FEED_ITEMS or any(b - a == 1 for a, b in pairwise(heads)):
            continue
        cluster: list[int] = []
        for index in [*heads, len(lines) + FEED_GAP + 1]:
            if cluster and index - cluster[-1] > FEED_GAP:
                _mark_feed(lines, _regular(cluster))
                cluster = []
            cluster.append(index)


def _regular(heads: list[int]) -> list[int]:
    """The heads less a first one set apart from the rest (the article's own date line)."""
    while len(heads) > FEED_ITEMS:
        gaps = [b - a for a, b in pairwise(heads)]
        if gaps[0] <= 2 * _median(gaps[1:]) + 2:
            break
        heads = heads[1:]
    return heads


def _median(values: list[int]) -> float:
    """The median of `values` (not empty), as `statistics.median` works it out: importing
    that module (with fractions, decimal and random) cost 16 M instructions a clean."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def _mark_feed(lines: list[Line], heads: list[int]) -> None:
    if len(heads) < FEED_ITEMS:
        return
    if not any(is_date(lines[h]) or "ago" in lines[h].key for h in heads):
        return  # times of one day and nothing else ("12:41", "12:15"): a live report's entries
    gaps = [b - a for a, b in pairwise(heads)]
    # A name just above each head ("Pete G" over "2 days ago") belongs to its item.
    named = sum(1 for h in heads if h and _label(lines[h - 1])) * 2 > len(heads)
    first = heads[0] - 1 if named else heads[0]
    last = heads[-1]
    for index in range(heads[-1] + 1, min(len(lines), heads[-1] + int(_median(gaps)))):
        if lines[index].kind is Kind.BAD:
            break
        last = index
    timed = sum(1 for h in heads if _timed(lines[h])) * 2 > len(heads)
    reason = "comments" if timed else "other stories"
    for line in lines[first : last + 1]:
        if line.kind is not Kind.BAD:
            line.kind, line.reason = Kind.BAD, reason


def _label(line: Line) -> bool:
    return line.kind is not Kind.GOOD and not line.sentence and 0 < line.words <= 5


# A headline glued to its summary: a lower-case letter, then a capital that starts a sentence.
_GLUE = re.compile(r"[A-Z](?<=[a-z\u00df-\u00ff]{2}[A-Z])(?=[a-z]*\s\w)")
TEASER_RUN = 3
"""Glued lines, each at most two lines from the next, that make a list of teasers."""


def _mark_glued_teasers(lines: list[Line], glued: list[int]) -> None:
    run: list[int] = []
    for index in [*glued, len(lines) + 3]:
        if run and index - run[-1] > 2:
            if len(run) >= TEASER_RUN:
                for item in run:
                    lines[item].kind, lines[item].reason = Kind.BAD, "other stories"
            run = []
        run.append(index)


def _glued(line: Line) -> bool:
    opening = line.text.split(None, 2)
    if len(opening) < 3 or not (opening[0][0].isupper() and opening[1][0].isupper()):
        return False  # a teaser's headline opens it, in Title Case
    head = line.text[:160]
    match = _GLUE.search(head, 8)
    if not match:
        return False
    # What comes before the glue reads as a headline: a few words, most capitalised, no stop.
    before = head[: match.start()].split()
    capitals = sum(1 for word in before if word[:1].isupper() or word[:1].isdigit())
    return (
        len(before) >= 2
        and capitals * 2 > len(before)
        and not any(word.endswith((".", "!", "?")) for word in before[:-1])
    )


OPENING_REACH = 4
"""Lines from a headline to its byline or date, and from those to the first paragraph."""


def openings(lines: list[Line], dated: list[int]) -> list[int]:
    """Indexes of paragraphs (or lists, tables) that open an article: just below a headline and
    its byline or date."""
    bylines = [
        index
        for index, line in enumerate(lines)
        if line.words <= 12 and line.key.startswith(BYLINE_STARTS) and is_byline(line, named=True)
    ]
    credits = sorted({*dated, *bylines})
    found: list[int] = []
    good, short = Kind.GOOD, Kind.SHORT
    count = len(lines)
    previous = -1
    for credit in credits:
        if lines[credit].listed:
            continue
        above = range(max(previous + 1, credit - OPENING_REACH), credit)
        previous = credit
        # The first paragraph (or list, table) at most OPENING_REACH lines below...
        start = -1
        for other in range(credit + 1, min(count, credit + 1 + OPENING_REACH)):
            line = lines[other]
            if line.kind is good or ((line.listed or line.rows) and line.kind is short):
                start = other
                break
        if start < 0 or start in found:
            continue
        # ...and a headline at most OPENING_REACH lines above, with no other credit between.
        for index in above:
            if _headline(lines[index]):
                found.append(start)
                break
    return found


def _headline(line: Line) -> bool:
    if line.kind is not Kind.SHORT or not 3 <= line.words <= 25 or line.listed:
        return False
    text = line.text
    if text[0] in "[(<{|/" or text.count(" / ") + text.count(" | ") >= 2:
        return False  # a bracketed note, a path, links set apart by bars: no headline
    if line.sentence and not line.text.endswith("?"):
        return False
    return is_headline(line)
