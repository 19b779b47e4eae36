"""Which short lines inside a saved page's article are its section headings.

A heading is told by the shape of its line and by its neighbours, not by its words:

- the text marks it: underlined (`Results` over `-------`), `#`-prefixed, or an interview's
  `Q:` question;
- or it stands alone between the article's paragraphs: short, not a sentence that ends in a
  full stop, starting with a capital, with prose (or a list or a table it introduces) below it
  and no other short line above it. A short line may follow it as its subtitle (an
  interviewee's name, then "Ceramicist, Low Fell", then the answers);
- lines that share a form with headings found so (numbered "2. ...", "Step 3 — ...", ALL
  CAPS, questions, lines ending in a colon, Title Case) are headings too where prose does not
  follow at once: the article's own headings share a form.

Not headings: bylines, datelines, captions and credits, list items (short lines one after
another), one-line paragraphs of dialogue (in quotes, or ending in a full stop), "Related"
lines (page chrome, dropped before this), a table's header row (kept with its table).
"""

from __future__ import annotations

import re
import unicodedata

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
_HASHES = re.compile(r"^(#{1,6})\s+(?=\S)")
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+\S")
# A word and a number open it: "Step 3 —", "Part 2:", "Meal 1", "Round 4".
_COUNTED = re.compile(r"^([^\W\d_]+)\s+(\d{1,3})\b")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Dialogue, a quotation, a credit in brackets, a bullet: not a heading's first character.
_NOT_FIRST = frozenset("—–-»›>|([{@©“\"«‘'„*•·")
_NOT_LAST = (",", ";", "-", "–", "—", "…", "...", "(", "/")
_VALUE = re.compile(r"^[^:]{1,40}:\s")
_CREDIT = re.compile(r"^[\[(][^\])]{1,60}[\])]$")
MAX_WORDS = 16
MAX_QUESTION_WORDS = 25


def find_headings(lines: list[Line], kept: list[int]) -> dict[int, int]:
    """The headings among the article's `kept` lines (indexes in order): index -> level."""
    count = len(kept)

    def at(position: int) -> Line | None:
        return lines[kept[position]] if 0 <= position < count else None

    found: dict[int, int] = {}
    candidates = [False] * count
    for position, index in enumerate(kept):
        marked = _marked_level(lines[index])
        if marked:
            found[index] = marked
        else:
            candidates[position] = _candidate(lines[index])
    strong_forms: dict[str, int] = {}
    weak: dict[int, str] = {}
    for position, index in enumerate(kept):
        if not candidates[position] or index in found:
            continue
        line = lines[index]
        form = _form(line.text)
        alone = (position and kept[position - 1] in found) or _alone(at(position - 1))
        if alone and _leads(line, at(position + 1), at(position + 2)):
            found[index] = 2
            below = at(position + 1)
            if below is not None and _subtitle(line, below) and _form(below.text) == "plain":
                candidates[position + 1] = False  # a heading's subtitle is no heading
        elif (
            alone
            and position + 1 < count
            and candidates[position + 1]
            and _pairs(line, lines[kept[position + 1]])
            and _leads(lines[kept[position + 1]], at(position + 2), at(position + 3))
        ):
            # A section's heading right above its first subsection's.
            found[index] = found[kept[position + 1]] = 2
        else:
            after = at(position + 1)
            if after is not None and after.kind is not Kind.BAD:
                weak[index] = form
            continue
        strong_forms[form] = strong_forms.get(form, 0) + 1
    # The article's headings share a form: a line of that form is one of them where it stands
    # apart from its neighbours (not in a run of lines of its own form, as list items are).
    for position, index in enumerate(kept):
        weak_form = weak.get(index)
        if weak_form is None or index in found or weak_form == "plain":
            continue
        if strong_forms.get(weak_form, 0) < 2:
            continue
        before, after = at(position - 1), at(position + 1)
        if after is None or (position and kept[position - 1] in weak):
            continue
        if _candidate(after) and _form(after.text) == weak_form:
            continue
        if before is not None and _candidate(before) and _form(before.text) == weak_form:
            continue
        found[index] = 2
    unmarked = [index for index in found if not _marked_level(lines[index])]
    if len(unmarked) == 1 and not _splits(lines, kept, unmarked[0]):
        del found[unmarked[0]]
    return found


def _splits(lines: list[Line], kept: list[int], index: int) -> bool:
    """Whether a lone heading parts the article in two: paragraphs above it and below it.

    An article with a single heading is rare; a lone short line is more often a box's title
    at the article's end ("About the author"), a caption or a credit.
    """
    position = kept.index(index)
    above = sum(1 for i in kept[:position] if lines[i].kind is Kind.GOOD)
    below = sum(1 for i in kept[position + 1 :] if lines[i].kind is Kind.GOOD)
    return above >= 2 and below >= 2


def _pairs(line: Line, below: Line) -> bool:
    """Whether two short lines read as a heading and a subheading: both in a heading's form
    (Title Case, capitals, numbered, a question), neither a lead-in nor a name and a role."""
    forms = (_form(line.text), _form(below.text))
    if any(form in ("plain", "colon") for form in forms):
        return False
    return not (is_byline(line) or is_byline(below))


def _marked_level(line: Line) -> int:
    """The level of a heading the text marks itself (#, an underline, Q:), else 0."""
    if line.kind is Kind.BAD or line.marker or line.rows:
        return 0
    if line.words > MAX_QUESTION_WORDS * 2:
        return 0
    hashes = _HASHES.match(line.text)
    if hashes and line.words <= MAX_WORDS:
        return max(2, len(hashes.group(1)))
    if line.underlined and 1 <= line.words <= MAX_WORDS:
        return 2
    # Interviews: each question is a heading over its answer.
    if _QUESTION.match(line.text) and line.text.endswith("?") and line.words <= 60:
        return 2
    return 0


def _candidate(line: Line) -> bool:
    """Shaped like a heading: short, capitalised, not a sentence, not a credit or a date."""
    if line.kind is not Kind.SHORT or line.marker or line.rows or line.listed:
        return False
    text = _without_symbols(line.text)
    question = text.rstrip('"”’»)').endswith("?")
    if not 1 <= line.words <= (MAX_QUESTION_WORDS if question else MAX_WORDS):
        return False
    if line.chars > 150 or text[0] in _NOT_FIRST or _ANSWER.match(text):
        return False
    if (line.sentence or text.rstrip('"”’»)').endswith((".", "!"))) and not question:
        return False  # a one-line paragraph: it ends in a full stop
    if text.endswith(_NOT_LAST) or "..." in text or "…" in text:
        return False
    label = _VALUE.match(text)
    if label:
        value = text[label.end() :]
        if " " not in value.strip() or any(c.isdigit() or c in ",@/" for c in value):
            return False  # "Portion: 1 cup, 2 eggs", "Account: @name": a label and its value
    first = next((c for c in text if c.isalpha()), "")
    if not first or (first.islower() and not text[0].isdigit()):
        return False
    return not (is_date(line) or is_byline(line, named=True))


def _without_symbols(text: str) -> str:
    """The text less trailing emoji and other symbols ("... a lot of time. 🙁")."""
    end = len(text)
    while end and (text[end - 1].isspace() or unicodedata.category(text[end - 1]) == "So"):
        end -= 1
    return text[:end] if end else text


def _alone(before: Line | None) -> bool:
    """Nothing above it but the article's start, prose, a list or a table: not a list item."""
    if before is None:
        return True
    if before.kind is Kind.GOOD or before.rows or before.listed or before.marker:
        return True
    # A one-line paragraph ("Really."), or a quotation's credit ("[CNET]", "(Reuters)").
    text = before.text
    return before.sentence or text.endswith(("…", "...")) or _CREDIT.match(text) is not None


def _leads(line: Line, after: Line | None, later: Line | None) -> bool:
    """Prose below it, or the list or table it introduces; perhaps after a subtitle line."""
    if after is None:
        return False
    if line.text.endswith(":") and not title_case(line.text):
        # "Here's an analogy:" leads into one paragraph or a list; "Why this recipe works:"
        # heads a section of them.
        return _prose(after) and later is not None and _prose(later)
    if _prose(after) or after.rows or after.listed:
        return True
    if after.marker and (later is None or later.marker or _prose(later)):
        return not line.text.endswith(":") or title_case(line.text)
    # "Marta Lindqvist", then "Ceramicist, Low Fell", then the answers.
    return _subtitle(line, after) and later is not None and (_prose(later) or bool(later.rows))


def _subtitle(line: Line, after: Line) -> bool:
    """Whether `after` reads as the subtitle of a heading `line`: short, not a sentence, of
    another form ("Meal 1" over "Eat every 2–3 hours")."""
    return (
        after.kind is Kind.SHORT
        and not after.sentence
        and not after.marker
        and after.words <= 12
        and _form(after.text) != _form(line.text)
    )


def _prose(line: Line) -> bool:
    """A paragraph (not a list item)."""
    if line.marker or line.listed:
        return False
    return line.kind is Kind.GOOD or (line.kind is Kind.SHORT and line.sentence and line.words >= 6)


def _form(text: str) -> str:
    """What a heading looks like, to find the article's other headings of the same form."""
    if _NUMBERED.match(text):
        return "numbered"
    counted = _COUNTED.match(text)
    if counted:
        return f"counted {counted.group(1).casefold()}"
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return "capitals"
    if text.rstrip('"”’»)').endswith("?"):
        return "question"
    if text.endswith(":"):
        return "colon" if title_case(text) else "plain"  # a lead-in shares no form
    if title_case(text):
        return "title"
    return "plain"


def title_case(text: str) -> bool:
    """Most words capitalised, the small ones aside ("Meal Prep Menu for Eating Plan A")."""
    words = [w for w in _WORD.findall(text) if w.casefold() not in _SMALL_WORDS]
    if not words:
        return False
    upper = sum(1 for w in words if w[0].isupper())
    return upper >= max(1, len(words) - 1) and upper / len(words) >= 0.75


def heading_text(line: Line) -> str:
    """The heading's words: its line less a leading run of #."""
    text = " ".join(line.text.split())
    hashes = _HASHES.match(text)
    return text[hashes.end() :] if hashes else text


def heading_markdown(text: str, level: int = 2) -> str:
    """An ATX heading whose text reads back exactly (a trailing # is not a closing sequence)."""
    escaped = escape_markdown(text)
    if escaped.endswith("#"):
        escaped = escaped[:-1] + "\\#"
    return f"{'#' * level} {escaped}"
