"""The headline, standfirst, byline and date among the lines above a saved page's article."""

# No `from __future__ import annotations` here: a NamedTuple's annotations would be strings,
# each compiled at import (typing.ForwardRef), the first compile of a run ~10 M instructions.
import re
from typing import NamedTuple

from reader.clean.lines import Kind, Line

_MONTH_NAMES = (
    "jan january feb february mar march apr april may jun june jul july aug august sep sept "
    "september oct october nov november dec december "
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro "
    "enero febrero marzo mayo junio julio septiembre octubre noviembre diciembre "
    "gennaio febbraio aprile maggio giugno luglio settembre ottobre dicembre "
    "januar februar märz juni juli oktober dezember "
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre "
    "январь января февраль февраля март марта апрель апреля май мая июнь июня июль июля "
    "август августа сентябрь сентября октябрь октября ноябрь ноября декабрь декабря"
)
MONTHS = frozenset(_MONTH_NAMES.split())
"""Month names and abbreviations (casefolded) in the languages of the cleaner's phrases."""
# 2024-10-09, 9/10/24: numbers and separators only, no case to ignore. The number starts a
# word, written `\d(?<!\w\d)`, not `\b\d`: `re` then looks only where there are digits (a
# pattern that starts with `\b` is tried at every place in the line), the same matches.
_NUMERIC_DATE = re.compile(
    r"\d(?<!\w\d)(?:\d{3}[-/.]\d{1,2}[-/.]\d{1,2}|\d?[-/.]\d{1,2}[-/.]\d{2,4})"
)
_KOREAN_DATE = re.compile(r"\d{4}\s*[년年]\s*\d{1,2}\s*[월月]")
_AGO = re.compile(r"\b\d+\s+(hours?|minutes?|days?)\s+ago", re.IGNORECASE)
# "9 October", "22 de janeiro", "Oct. 9": a number beside a word that may be a month. Looking
# the word up in a set is quicker than an alternation of every month in the pattern. The
# number starts a word, as in _NUMERIC_DATE.
_DAY_WORD = re.compile(r"\d(?<!\w\d)\d?(?:st|nd|rd|th)?\.?\s+(?:de\s+)?([^\W\d_]+)", re.IGNORECASE)
_WORD_DAY = re.compile(r"\b([^\W\d_]+)\.?\s+\d{1,2}\b")


def has_date(text: str, words: str = "") -> bool:
    """Whether `text` holds a date: "9 October", "Oct. 9", "2024-10-09", "3 hours ago".

    `words`, if given, are the text's casefolded words (`Line.key`): each pattern is tried
    only if the words it needs are there.
    """
    if _NUMERIC_DATE.search(text):
        return True
    if ("년" in text or "年" in text) and _KOREAN_DATE.search(text):
        return True
    if (not words or "ago" in words) and _AGO.search(text):
        return True
    if words and MONTHS.isdisjoint(words.split()):
        return False
    for pattern in (_DAY_WORD, _WORD_DAY):
        for match in pattern.finditer(text):
            if match.group(1).casefold() in MONTHS:
                return True
    return False


_BYLINE = re.compile(
    r"^(by|por|di|von|par|de|door|автор|текст|written by|reporting by|posted by)\s*:?\s+\S",
    re.IGNORECASE,
)
_BYLINE_WORDS = "by por di von par de door автор текст written reporting posted"
BYLINE_STARTS = tuple(f"{word} " for word in _BYLINE_WORDS.split())
"""The first words of `_BYLINE`'s openings, to look for (in a line's key) before the pattern."""
_NAME_WORD = re.compile(r"^[A-ZÀ-ÝА-Я][\w'’.-]*$")
_NAME_JOINERS = frozenset({"and", "e", "y", "und", "et", "и", "de", "da", "van", "von", "&"})


class Found(NamedTuple):
    title: int | None = None
    subtitle: int | None = None
    byline: int | None = None
    date: int | None = None
    """Indexes into the line list."""


def is_date(line: Line) -> bool:
    return line.words <= 14 and not line.sentence and has_date(line.text, line.key)


def is_byline(line: Line, named: bool = False) -> bool:
    """A credit line: "By A. Writer", or (unless `named` is asked for) just a name or two."""
    if line.words > 12 or line.sentence:
        return False
    if _BYLINE.match(line.text):
        return True
    if named:
        return False
    words = line.text.replace(",", " ").split()
    names = [w for w in words if w.casefold() not in _NAME_JOINERS]
    return 2 <= len(names) <= 5 and all(_NAME_WORD.match(w) for w in names) and line.stop == 0


def is_headline(line: Line) -> bool:
    """Shaped like a headline: a few words, not a list item, not ending in a full stop."""
    if line.marker or line.kind is Kind.BAD:
        return False
    if line.text.endswith((".", ",", ";", ":")) and not line.text.endswith(".."):
        return False
    return 2 <= line.words <= 30 and line.chars <= 250


def find(lines: list[Line], start: int) -> Found:
    """Metadata among `lines[:start]`, searching upward from the article's first line."""
    title = subtitle = byline = date = None
    seen = 0
    for index in range(start - 1, -1, -1):
        line = lines[index]
        seen += 1
        if seen > 25:
            break
        if line.kind is Kind.BAD:
            continue
        if is_date(line):
            if date is None:
                date = index
            continue  # a second date line (published, updated) is no headline either
        if byline is None and is_byline(line):
            byline = index
            continue
        if _is_standfirst(line) and subtitle is None and title is None:
            subtitle = index
            continue
        if is_headline(line):
            title = index
            break
        if line.kind is Kind.GOOD or subtitle is not None:
            break
    if title is None and subtitle is not None and is_headline(lines[subtitle]):
        title, subtitle = subtitle, None
    if title is not None and subtitle is not None and subtitle < title:
        subtitle = None
    return Found(title, subtitle, byline, date)


def _is_standfirst(line: Line) -> bool:
    """A sentence or two summing up the article, below the headline."""
    return not line.marker and (line.words >= 12 or (line.sentence and line.words >= 6))
