"""A saved page's lines and what each looks like: length, punctuation, stop words, chrome."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from enum import StrEnum

from reader.clean.phrases import boilerplate_reason
from reader.clean.stopwords import STOPWORDS

_WORD = re.compile(r"\w+")
# Han, kana: languages written without spaces, where a character is about half a word.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_HANGUL = re.compile(r"[\uac00-\ud7af]")
# List markers of text browsers and "save as text": *, +, o (third level), -, •.
_MARKER = re.compile(r"^([*+•·◦▪‣-]|o(?= ))\s*")
_SENTENCE_END = re.compile(r"""[.!?。！？…]['"”’»)\]]*$|[다요]\.?$""")
_SENTENCE_INSIDE = re.compile(r"[.!?。！？][\s\"”’»)]")


class Kind(StrEnum):
    GOOD = "good"
    """Prose: long enough, sentence-like, dense in function words."""
    SHORT = "short"
    """Too short to judge alone: a heading, a byline, a one-line paragraph, a label."""
    BAD = "bad"
    """Page chrome by its phrases or shape."""


@dataclass(slots=True)
class Line:
    number: int
    """Index of the line in the source text (0-based, counting blank lines)."""
    raw: str
    text: str
    """Without the list marker and surrounding whitespace."""
    marker: str
    words: int
    """Word count; characters of unspaced scripts count half a word each."""
    stop: float
    """Share of the words that are function words (1.0 for unspaced scripts)."""
    sentence: bool
    """Ends like a sentence."""
    key: str
    """Casefolded words, to spot repeated lines."""
    kind: Kind = Kind.SHORT
    reason: str = ""

    @property
    def chars(self) -> int:
        return len(self.text)


def split_lines(text: str) -> list[Line]:
    """The non-blank lines of `text`, measured."""
    out: list[Line] = []
    for number, raw in enumerate(text.split("\n")):
        stripped = raw.strip()
        if not stripped:
            continue
        match = _MARKER.match(stripped)
        marker = match.group(1) if match and len(stripped) > match.end() else ""
        body = stripped[match.end() :].strip() if marker and match else stripped
        if not marker and match and len(stripped) == match.end():
            body = stripped  # a lone "*" is a (menu) marker with no text
            marker = stripped[0]
        out.append(_measure(number, raw, body, marker))
    return out


def _measure(number: int, raw: str, text: str, marker: str) -> Line:
    tokens = _WORD.findall(text)
    cjk = len(_CJK.findall(text))
    spaced = [t for t in tokens if not _CJK.search(t)]
    words = len(spaced) + cjk // 2
    if cjk >= 10 or len(_HANGUL.findall(text)) >= 10:
        stop = 1.0  # no stop-word list for these; punctuation and length decide
    else:
        stop = sum(1 for t in spaced if t.casefold() in STOPWORDS) / max(1, len(spaced))
    sentence = bool(_SENTENCE_END.search(text)) and not text.endswith("...")
    key = " ".join(t.casefold() for t in tokens)
    return Line(number, raw, text, marker, words, stop, sentence, unicodedata.normalize("NFC", key))


def classify(lines: list[Line]) -> None:
    """Mark each line good, short or bad (with a reason)."""
    counts = Counter(line.key for line in lines if line.key)
    for line in lines:
        line.kind, line.reason = _kind(line, counts[line.key] if line.key else 1)
    # A paragraph between two of an appeal's (or a prompt's) lines belongs to it.
    for before, line, after in zip(lines, lines[1:], lines[2:], strict=False):
        if (
            line.kind is not Kind.BAD
            and before.reason == after.reason
            and before.reason in _SPREADING
        ):
            line.kind, line.reason = Kind.BAD, before.reason


_SPREADING = frozenset(
    {"donation appeal", "subscription prompt", "cookie notice", "comment prompt", "log-in prompt"}
)


def _kind(line: Line, repeats: int) -> tuple[Kind, str]:
    if not line.key:
        return Kind.BAD, "navigation" if line.marker else "decoration"
    prose_sentence = line.sentence and line.words > 3
    reason = boilerplate_reason(line.text, 99 if prose_sentence else line.words)
    if reason:
        return Kind.BAD, reason
    if repeats > 1 and line.words <= 15:
        return Kind.BAD, "repeated line"
    sentences = len(_SENTENCE_INSIDE.findall(line.text + " "))
    long_enough = line.chars >= 70 or line.words >= 12
    if long_enough and (line.stop >= 0.18 or sentences >= 2 or (line.sentence and line.stop > 0.1)):
        return Kind.GOOD, ""
    if line.chars >= 200 and (sentences >= 1 or line.stop >= 0.1):
        return Kind.GOOD, ""
    if line.marker and not line.sentence and line.words <= 10:
        return Kind.BAD, "navigation"
    return Kind.SHORT, ""
