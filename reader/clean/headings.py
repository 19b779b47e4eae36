"""Which short lines inside a saved page's article are its section headings."""

from __future__ import annotations

import re

from reader.clean.lines import Kind, Line
from reader.clean.metadata import is_byline, is_date
from reader.markdown_escape import escape_markdown

_SMALL = (
    "a an and as at but by for from in into of on or the to vs with your you is are it its "
    "e o a de da do das dos em no na para com di del della il la le und der die das von zu"
)
_SMALL_WORDS = frozenset(_SMALL.split())
_QUESTION = re.compile(r"^(Q|P|F|D|В|Вопрос|Question|Pergunta|Pregunta|Frage|Domanda)\s*[:.]\s")
_ANSWER = re.compile(r"^(A|R|О|Ответ|Answer|Resposta|Respuesta|Antwort|Risposta)\s*[:.]\s")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\w")
_LOWER_WORD = re.compile(r"\s[a-zà-ÿа-я]")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def is_heading(line: Line, before: Line | None, after: Line | None) -> bool:
    """A short line, not a sentence, set between the article's paragraphs, before prose."""
    if line.kind is Kind.BAD or line.marker:
        return False
    # Interviews: each question is a heading over its answer.
    if _QUESTION.match(line.text) and line.text.endswith("?") and line.words <= 60:
        return True
    if not 1 <= line.words <= 16 or line.chars > 120:
        return False
    if line.underlined:
        return True
    text = line.text
    if _ANSWER.match(text):
        return False
    if line.kind is not Kind.SHORT or text[0] in "—–-»›>|([@#©“\"«‘'„":
        return False
    if line.sentence and not text.rstrip('"”’»)').endswith("?"):
        return False
    if text.endswith((",", ";", "-", "–", "—")) or "..." in text or "…" in text:
        return False
    if text.endswith(":") and not title_case(text):
        return False
    first = text[0]
    if first.isalpha() and first.islower():
        return False
    if is_date(line) or is_byline(line):
        return False
    if after is None or after.marker or after.kind is Kind.BAD:
        return False
    # "3. Get support": a numbered short line is a step heading, whatever follows it.
    step = _NUMBERED.match(text) and not line.sentence and _LOWER_WORD.search(text)
    if not _prose(after) and not step:
        return False
    return before is None or before.kind is not Kind.BAD


def title_case(text: str) -> bool:
    """Most words capitalised, the small ones aside ("Meal Prep Menu for Eating Plan A")."""
    words = [w for w in _WORD.findall(text) if w.casefold() not in _SMALL_WORDS]
    if not words:
        return False
    upper = sum(1 for w in words if w[0].isupper())
    return upper >= max(1, len(words) - 1) and upper / len(words) >= 0.75


def _prose(line: Line) -> bool:
    return line.kind is Kind.GOOD or (line.kind is Kind.SHORT and line.sentence and line.words >= 6)


def heading_markdown(text: str, level: int = 2) -> str:
    """An ATX heading whose text reads back exactly (a trailing # is not a closing sequence)."""
    escaped = escape_markdown(text)
    if escaped.endswith("#"):
        escaped = escaped[:-1] + "\\#"
    return f"{'#' * level} {escaped}"
