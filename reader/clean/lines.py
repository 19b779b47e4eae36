"""A saved page's lines and what each looks like: length, punctuation, stop words, chrome."""

from __future__ import annotations

import re
from collections import Counter
from enum import StrEnum
from functools import lru_cache

from reader.clean import unwrap
from reader.clean.phrases import boilerplate_reason
from reader.clean.rows import preformatted, row_lines, tables
from reader.clean.stopwords import STOPWORDS

_WORD = re.compile(r"\w+")


@lru_cache(maxsize=1)
def _unspaced_scripts() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Han and kana (languages written without spaces, where a character is about half a
    word), and Hangul. Compiled on first use: `re` builds a class of ranges past U+00FF one
    character at a time, 37 M instructions for these two, at every start otherwise."""
    han_kana = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
    return han_kana, re.compile(r"[\uac00-\ud7af]")


# Those scripts are all past U+3000, and a character from U+3000 up is three bytes in UTF-8,
# the first of them E3 to EF: a line whose bytes hold none has none of those characters.
_FROM_U3000 = re.compile(rb"[\xe3-\xef]")
# List markers of text browsers and "save as text": *, +, o (third level), -, •.
_MARKER = re.compile(r"^([*+•·◦▪‣-]|o(?= ))\s*")
_MARKER_FIRST = frozenset("*+•·◦▪‣-o")
# A sentence ends in a stop, perhaps closed by quotes or brackets; Korean ones may end in 다/요.
_STOPS = tuple(".!?。！？…")
_CLOSERS = "'\"”’»)]"
_KOREAN_ENDS = ("다", "요", "다.", "요.")
_TEASER_END = re.compile(r"\w(\.\.\.|…)$")
_SENTENCE_INSIDE = re.compile(r"[.!?。！？][\s\"”’»)]")


class Kind(StrEnum):
    GOOD = "good"
    """Prose: long enough, sentence-like, dense in function words."""
    SHORT = "short"
    """Too short to judge alone: a heading, a byline, a one-line paragraph, a label."""
    BAD = "bad"
    """Page chrome by its phrases or shape."""


class Line:
    """One line of the page (or a hard-wrapped paragraph's lines together), measured.

    - `number`: index of the line in the source text (0-based, counting blank lines);
    - `raw`, and `text` without the list marker and surrounding whitespace; `marker`;
    - `words`: word count, characters of unspaced scripts counting half a word each;
    - `stop`: share of the words that are function words (1.0 for unspaced scripts);
    - `sentence`: whether it ends like a sentence; `key`: its casefolded words;
    - `repeats`: how many lines of the page have the same words; `repeat_gap`: lines to the
      nearest other one (0 when there is none);
    - `underlined`: followed by a line of = or - (a heading in text files);
    - `rows`: for rows that line up (a table), each row as the page sets it out, else ();
    - `listed`: one of a run of lines that share a shape (a list of the article's data);
    - `kind` and `reason`: what `classify` made of it.

    A plain class with slots, not a dataclass: see `reader.metadata`.
    """

    __slots__ = (
        "key",
        "kind",
        "listed",
        "marker",
        "number",
        "raw",
        "reason",
        "repeat_gap",
        "repeats",
        "rows",
        "sentence",
        "stop",
        "text",
        "underlined",
        "words",
    )

    def __init__(
        self,
        number: int,
        raw: str,
        text: str,
        marker: str,
        words: int,
        stop: float,
        sentence: bool,
        key: str,
    ) -> None:
        self.number = number
        self.raw = raw
        self.text = text
        self.marker = marker
        self.words = words
        self.stop = stop
        self.sentence = sentence
        self.key = key
        self.repeats = 1
        self.repeat_gap = 0
        self.underlined = False
        self.rows: tuple[str, ...] = ()
        self.listed = False
        self.kind = Kind.SHORT
        self.reason = ""

    def __repr__(self) -> str:
        return f"Line({self.number}, {self.text!r}, {self.kind.value} {self.reason!r})"

    @property
    def chars(self) -> int:
        return len(self.text)


def split_lines(text: str) -> list[Line]:
    """The page's lines, measured; lines of a hard-wrapped paragraph are joined into one, and
    rows that line up (a table) make one line that keeps them."""
    units = unwrap.units(text)
    found = tables(units, row_lines(text))
    out: list[Line] = []
    table_end = -1  # the number of the line after the last table, once there is one
    for number, parts in units:
        if number < table_end:
            continue  # a row of the table before
        if number in found:
            after, rows = found[number]
            table_end = after if after >= 0 else len(text) + 1
            body = " ".join(" ".join(rows).split())
            line = _measure(number, "\n".join(row.strip() for row in rows), body, "")
            line.rows = tuple(preformatted(rows))
            out.append(line)
            continue
        stripped = " ".join(parts) if len(parts) > 1 else parts[0]
        # Cheap first-character checks spare the regexes on most lines.
        underline = stripped[0] in "=-" and _UNDERLINE.match(stripped)
        match = None if underline or stripped[0] not in _MARKER_FIRST else _MARKER.match(stripped)
        marker = match.group(1) if match and len(stripped) > match.end() else ""
        body = stripped[match.end() :].strip() if marker and match else stripped
        if not marker and match and len(stripped) == match.end():
            body = stripped  # a lone "*" is a (menu) marker with no text
            marker = stripped[0]
        out.append(_measure(number, "\n".join(parts) if len(parts) > 1 else stripped, body, marker))
        if underline and len(out) > 1 and _underlines(out[-2], len(stripped)):
            out[-2].underlined = True
    return out


def _underlines(line: Line, length: int) -> bool:
    """Whether a rule of `length` under `line` underlines it (a heading), not ends a section."""
    return bool(line.key) and not line.marker and 0.6 * line.chars <= length <= line.chars * 1.5 + 2


_UNDERLINE = re.compile(r"^(=+|-+)$")


def _measure(number: int, raw: str, text: str, marker: str) -> Line:
    if text.isascii():
        # `\w+` on ASCII, without the regex: every other character becomes a space.
        key = text.lower().encode().translate(_NON_WORD).decode().split()
        spaced, cjk, unspaced = key, 0, False
    else:
        key = _WORD.findall(text.casefold())
        if _FROM_U3000.search(text.encode("utf-8", "surrogatepass")):
            han_kana, hangul = _unspaced_scripts()
            cjk = len(han_kana.findall(text))
            spaced = [t for t in key if not han_kana.search(t)] if cjk else key
            # No stop-word list for these: punctuation and length decide.
            unspaced = cjk >= 10 or len(hangul.findall(text)) >= 10
        else:
            spaced, cjk, unspaced = key, 0, False
    words = len(spaced) + cjk // 2
    stop = 1.0 if unspaced else sum(map(_is_stop, spaced)) / max(1, len(spaced))
    # The end patterns are anchored at $: searching only the tail spares a scan of the line.
    sentence = (
        text.rstrip(_CLOSERS).endswith(_STOPS) or text.endswith(_KOREAN_ENDS)
    ) and not text.endswith("...")
    return Line(number, raw, text, marker, words, stop, sentence, " ".join(key))


_NOT_WORD = bytes(b for b in range(128) if not (chr(b).isalnum() or chr(b) == "_"))
_NON_WORD = bytes.maketrans(_NOT_WORD, b" " * len(_NOT_WORD))
_is_stop = STOPWORDS.__contains__


def classify(lines: list[Line]) -> None:
    """Mark each line good, short or bad (with a reason)."""
    counts = Counter(line.key for line in lines if line.key)
    last_seen: dict[str, int] = {}
    for index, line in enumerate(lines):
        if line.key in last_seen:
            gap = index - last_seen[line.key]
            other = lines[last_seen[line.key]]
            line.repeat_gap = gap
            other.repeat_gap = min(other.repeat_gap or gap, gap)
        last_seen[line.key] = index
    for line in lines:
        line.repeats = counts[line.key] if line.key else 1
        line.kind, line.reason = _kind(line, line.repeats)
    # A paragraph between two of an appeal's (or a prompt's) lines belongs to it.
    for before, line, after in zip(lines, lines[1:], lines[2:], strict=False):
        if (
            before.reason in _SPREADING
            and before.reason == after.reason
            and line.kind is not Kind.BAD
        ):
            line.kind, line.reason = Kind.BAD, before.reason


_SPREADING = frozenset(
    {"donation appeal", "subscription prompt", "cookie notice", "comment prompt", "log-in prompt"}
)


def _kind(line: Line, repeats: int) -> tuple[Kind, str]:
    if not line.key:
        return Kind.BAD, "navigation" if line.marker else "decoration"
    if line.rows:  # a table: chrome only by its words, never prose to weigh as such
        reason = boilerplate_reason(line.text, min(line.words, 99))
        return (Kind.BAD, reason) if reason else (Kind.SHORT, "")
    prose_sentence = line.sentence and line.words > 3
    reason = boilerplate_reason(line.text, 99 if prose_sentence else line.words)
    if reason:
        return Kind.BAD, reason
    if repeats > 1 and line.words <= 15 and line.marker:
        return Kind.BAD, "repeated line"
    if (
        6 <= line.words < 40
        and line.text.endswith(("...", "…"))
        and _TEASER_END.search(line.text[-6:])
    ):
        return Kind.BAD, "related link"  # a teaser cut short
    long_enough = line.chars >= 70 or line.words >= 12
    # Without a full stop, only a long line is prose: shorter ones are headlines and labels.
    if not line.sentence and line.words < 20 and not line.text.endswith((":", ",")):
        long_enough = False
    if long_enough and (line.stop >= 0.18 or (line.sentence and line.stop > 0.1)):
        return Kind.GOOD, ""
    if long_enough or line.chars >= 200:  # counting sentences is the dearer test: last
        sentences = len(_SENTENCE_INSIDE.findall(line.text[:2000] + " "))
        if long_enough and sentences >= 2:
            return Kind.GOOD, ""
        if line.chars >= 200 and (sentences >= 1 or line.stop >= 0.1):
            return Kind.GOOD, ""
    if line.marker and not line.sentence and line.words <= 10:
        return Kind.BAD, "navigation"
    return Kind.SHORT, ""
