"""The headline, standfirst, byline and date among the lines above a saved page's article."""

from __future__ import annotations

import re
from typing import NamedTuple

from reader.clean.lines import Kind, Line

_MONTHS = (
    r"jan(uary|\.)?|feb(ruary|\.)?|mar(ch|\.)?|apr(il|\.)?|may|june?|july?|aug(ust|\.)?"
    r"|sep(t|tember|\.)?|oct(ober|\.)?|nov(ember|\.)?|dec(ember|\.)?"
    r"|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"
    r"|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|januar|februar|märz|juni|juli|oktober|dezember"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    r"|январ[яь]|феврал[яь]|марта?|апрел[яь]|ма[яй]|июн[яь]|июл[яь]|августа?|сентябр[яь]"
    r"|октябр[яь]|ноябр[яь]|декабр[яь]"
)
_DATE = re.compile(
    rf"\b(\d{{1,2}}(st|nd|rd|th)?\.?\s+(de\s+)?({_MONTHS})\b|({_MONTHS})\s+\d{{1,2}}\b"
    r"|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
    r"|\d{4}\s*[년年]\s*\d{1,2}\s*[월月]|\d+\s+(hours?|minutes?|days?)\s+ago)",
    re.IGNORECASE,
)
_BYLINE = re.compile(
    r"^(by|por|di|von|par|de|door|автор|текст|written by|reporting by|posted by)\s*:?\s+\S",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[A-ZÀ-ÝА-Я][\w'’.-]*$")
_NAME_JOINERS = frozenset({"and", "e", "y", "und", "et", "и", "de", "da", "van", "von", "&"})


class Found(NamedTuple):
    title: int | None = None
    subtitle: int | None = None
    byline: int | None = None
    date: int | None = None
    """Indexes into the line list."""


def is_date(line: Line) -> bool:
    return line.words <= 14 and not line.sentence and bool(_DATE.search(line.text))


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
        if date is None and is_date(line):
            date = index
            continue
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
