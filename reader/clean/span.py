"""Where the article is among a saved page's lines: the run where prose most outweighs chrome.

Each line weighs for or against being the article (prose for, chrome against, short lines a
little against); the article is the run of lines of greatest total weight (a maximum-sum run),
stretched across short gaps of chrome to more prose beyond. What the lines make together
(structure.py) moves the weights: a list's items weigh nothing either way, a comment thread or
a list of teasers is chrome, and the paragraph just below a headline and its byline opens the
article.
"""

from __future__ import annotations

import re

from reader.clean.lines import Kind, Line


def _score(line: Line) -> float:
    if (line.rows or line.listed) and line.kind is not Kind.BAD:
        return LISTED  # a table or a list: the article's data, if the article is around it
    if line.underlined:
        return 0.5  # a heading the text marks as such: the article goes on
    if line.kind is Kind.GOOD:
        # A paragraph shown twice in a row is a teaser (headline, then headline as link).
        return 1.0 + min(line.words, 80) / 20 if not 0 < line.repeat_gap <= 3 else -0.6
    if line.kind is Kind.BAD:
        # "Related", "Comments", "More from...": what follows is no longer the article.
        if line.reason in _ENDINGS and line.words <= 6 and not line.marker:
            return ENDING
        return -1.0
    if line.repeats > 1:
        return -0.3
    return 0.2 if line.sentence and line.words >= 4 else -0.3


LISTED = 0.0
DATA = 1.5
"""Weight of a list or a table that the article's prose leads into."""
LONE_DISCOUNT = 0.7
WALL = -1e9
"""Weight of a label that ends the article with no prose close below it: never crossed."""
WEAK = 6.0
"""A best run lighter than this is no article's prose: the headline's opening decides."""
ENDING = -8.0
"""Weight of a label that ends the article ("Related", "Comments"), unless prose follows."""
_SENTENCE_END = re.compile(r"[.!?。！？][\s\"”’»)]+(?=\S)")
OPENING = 3.0
"""Weight added to the paragraph just below a headline and its byline or date."""


def _lone_discount(lines: list[Line], scores: list[float], index: int) -> float:
    """How far a lone paragraph is discounted. A teaser's summary is a sentence or two, below
    chrome or below a headline, a kicker and a credit; a section's body may be a paragraph of
    several sentences below its heading, the article going on above it."""
    line = lines[index]
    above = index - 1
    while above >= 0 and index - above <= 3 and scores[above] <= 1:
        if lines[above].kind is Kind.BAD:
            return LONE_DISCOUNT
        above -= 1
    if index - above > 3 or above < 0:
        return LONE_DISCOUNT  # three short lines above it, or the page's start: a teaser
    if line.words >= 40:
        return LONE_DISCOUNT / 4
    sentences = len(_SENTENCE_END.findall(line.text[:1000])) + 1
    if sentences >= 3:
        return LONE_DISCOUNT / 4
    return LONE_DISCOUNT if sentences == 1 else LONE_DISCOUNT * 0.7


def _data(line: Line) -> bool:
    return bool(line.rows or line.listed) and line.kind is not Kind.BAD


def _underline(line: Line) -> bool:
    return not line.key and line.text[:1] in "=-"


_ENDINGS = frozenset({"related link", "comment prompt", "footer"})


def article_span(lines: list[Line], opens: list[int]) -> tuple[int, int]:
    """First and last index of the run of lines where prose most outweighs chrome; `opens` are
    the paragraphs that open an article (below a headline and its byline or date)."""
    weights = _weights(lines, opens)
    best, best_span = float("-inf"), (0, len(lines) - 1)
    total, start = 0.0, 0
    for index, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, index
        total += weight
        if total > best:
            best, best_span = total, (start, index)
    if opens:
        opening = max(_run_from(weights, start) for start in opens)
        # No prose stands out (a calendar, a table): the article is what its headline opens.
        # And what lies beyond the label that ends an opened article ("Related", "Comments")
        # is no article either: a footer's small print, a sidebar.
        if best < WEAK or (opening[0] >= WEAK and _walled(weights, opening[1][1], best_span[0])):
            best, best_span = opening
    # Beyond a gap, a run worth a good share of the article (or REJOIN) joins it: by its own
    # weight (an opening's bonus chooses the article, it does not make another one join).
    for start in opens:
        weights[start] -= OPENING
    need = min(REJOIN, best * REJOIN_SHARE)
    first, last = _across_short_gaps(weights, *best_span, need)
    if first in opens:
        last = _to_the_end(lines, weights, last)
    return first, last


def _walled(weights: list[float], end: int, start: int) -> bool:
    """Whether a label that ends the article stands between `end` and a later `start`."""
    return any(weight <= WALL for weight in weights[end + 1 : start])


def _run_from(weights: list[float], start: int) -> tuple[float, tuple[int, int]]:
    """The heaviest run of lines that starts at `start`: its weight, first and last index."""
    best, end, total = float("-inf"), start, 0.0
    for index in range(start, min(len(weights), start + 5000)):
        weight = weights[index]
        if weight <= WALL:
            break  # the article is over
        total += weight
        if total > best:
            best, end = total, index
    return best, (start, end)


def _to_the_end(lines: list[Line], weights: list[float], last: int) -> int:
    """An article that opens below its headline runs on, through lists and short lines, to its
    last paragraph, list or table before the label that ends it ("Related", "Comments"), if no
    chrome is met on the way."""
    end = last
    chrome = 0
    for index in range(last + 1, len(lines)):
        line = lines[index]
        if weights[index] <= WALL:
            break
        if line.kind is Kind.BAD:
            chrome += 1
            if chrome > 0:
                break
        elif line.kind is Kind.GOOD or _data(line):
            end = index
    else:
        return last  # no label ends it: the page's end is no evidence
    return end


def _weights(lines: list[Line], opens: list[int]) -> list[float]:
    scores = [_score(line) for line in lines]
    data = [bool(line.rows or line.listed) and line.kind is not Kind.BAD for line in lines]
    last = len(lines) - 1
    weights = []
    for index, score in enumerate(scores):
        weight = score
        if score > 1:
            # A lone paragraph between short lines is as likely a teaser's summary: less
            # weight. A heading the text marks (underlined) introduces its paragraph, and a
            # list or a table beside it is the article's own: not lone.
            lone = (
                index == 0
                or (
                    scores[index - 1] <= 1
                    and not _underline(lines[index - 1])
                    and not data[index - 1]
                )
            ) and (index == last or (scores[index + 1] <= 1 and not data[index + 1]))
            if lone:
                weight -= score * _lone_discount(lines, scores, index)
        # Paragraph after paragraph is an article; teasers alternate with their headlines.
        if index and score > 0 and scores[index - 1] > 1:
            weight += 1.0
        weights.append(weight)
    for index in opens:
        weights[index] += OPENING
    # "Related", "Comments" with no prose close below: the article is over, whatever follows.
    next_prose = len(lines) + GAP
    for index in range(last, -1, -1):
        if scores[index] > 1:
            next_prose = index
        elif scores[index] == ENDING and next_prose - index > GAP:
            weights[index] = WALL
    _weigh_data(lines, weights, data, opens)
    return weights


def _weigh_data(
    lines: list[Line], weights: list[float], data: list[bool], opens: list[int]
) -> None:
    """A list or a table just below the article's prose (or a line that introduces it, "...:"),
    or just below its headline and byline, is the article's: it weighs as a paragraph, on its
    last line, so that the article takes it in."""
    end = 0
    for index in [i for i, is_data in enumerate(data) if is_data]:
        if index < end:
            continue
        end = index + 1
        while end < len(lines) and lines[end].listed and not lines[end].rows:
            end += 1
        if _introduced(lines, index) or index in opens:
            weights[end - 1] += DATA


def _introduced(lines: list[Line], index: int) -> bool:
    for back in range(index - 1, max(-1, index - 3), -1):
        line = lines[back]
        if line.kind is Kind.GOOD or line.text.endswith(":"):
            return True
        if line.kind is Kind.BAD or line.words > 12:
            return False
    return False


GAP = 8
"""Lines of chrome (a "Related" box, an advert) the article may run across."""
REJOIN = 6.0
"""Weight a run of paragraphs beyond such a gap needs to be part of the article..."""
REJOIN_SHARE = 0.5
"""...or this share of the article's own weight, if less (short articles)."""


def _across_short_gaps(weights: list[float], first: int, last: int, need: float) -> tuple[int, int]:
    """Extend the span over short chrome gaps to substantial prose on the other side."""
    while True:
        left = _best_run(weights, range(first - 1, max(-1, first - 1 - GAP), -1), -1, need)
        if left is None:
            break
        first = left
    while True:
        right = _best_run(weights, range(last + 1, min(len(weights), last + 1 + GAP)), 1, need)
        if right is None:
            break
        last = right
    return first, last


def _best_run(weights: list[float], starts: range, step: int, need: float) -> int | None:
    """The far end of the heaviest run (>= `need`) starting at one of `starts`, going `step`."""
    best: tuple[float, int] | None = None
    for begin in starts:
        if weights[begin] <= 1:
            continue
        total = 0.0
        index = begin
        while 0 <= index < len(weights) and abs(index - begin) < 80:
            total += weights[index]
            if total >= need and weights[index] > 1 and (best is None or total > best[0]):
                best = (total, index)
            index += step
    return best[1] if best else None
