"""Clean a page saved as plain text: find the article among the page's lines.

Each line is measured (lines.py); the article is the stretch of lines where prose outweighs
chrome (a maximum-sum run); the headline, standfirst, byline and date are looked for just above
it (metadata.py); inside it, chrome, captions and repeats are dropped and headings marked.
"""

from __future__ import annotations

from reader.clean.headings import heading_markdown, is_heading
from reader.clean.lines import Kind, Line, classify, split_lines
from reader.clean.metadata import find, is_byline, is_date, is_headline
from reader.cleaned import CleanBlock, Cleaned
from reader.markdown_escape import escape_markdown
from reader.metadata import Metadata


def clean_plain_text(text: str, origin: str = "") -> Cleaned:
    lines = split_lines(text)
    classify(lines)
    if not lines:
        return Cleaned(Metadata(source=origin), ())
    if any(line.kind is Kind.BAD for line in lines):
        first, last = article_span(lines)
    else:
        first, last = 0, len(lines) - 1  # nothing looks like page chrome: it is all article
    # A byline or date among the article's first lines: the metadata may reach that far down.
    top = first
    # The article's first line shaped like a headline, above its prose, is its title.
    opening = lines[first]
    if first < last and opening.kind is Kind.SHORT and lines[first + 1].kind is Kind.GOOD:
        top = first + 1 if is_headline(opening) else top
    for index in range(first, min(first + 4, last)):
        if is_byline(lines[index], named=True) or is_date(lines[index]):
            top = index + 1
    found = find(lines, top)
    roles = {
        found.title: "title",
        found.subtitle: "standfirst",
        found.byline: "byline",
        found.date: "date",
    }
    roles.pop(None, None)
    # Metadata found at the top of the article itself is not part of the body either.
    reasons = _inside_reasons(lines, first, last)
    blocks: list[CleanBlock] = []
    for index, line in enumerate(lines):
        role = roles.get(index)
        if role:
            plain = escape_markdown(" ".join(line.text.split()))
            blocks.append(CleanBlock(plain, kept=False, reason=role))
        elif index < first or index > last:
            reason = line.reason or ("before the article" if index < first else "after the article")
            blocks.append(CleanBlock(_as_markdown(line), kept=False, reason=reason))
        elif reasons.get(index):
            blocks.append(CleanBlock(_as_markdown(line), kept=False, reason=reasons[index]))
        elif is_heading(line, _neighbour(lines, index, -1), _neighbour(lines, index, 1)):
            blocks.append(CleanBlock(heading_markdown(" ".join(line.text.split()))))
        else:
            blocks.append(CleanBlock(_as_markdown(line)))
    metadata = Metadata(
        title=_text(lines, found.title),
        subtitle=_text(lines, found.subtitle),
        byline=_byline(_text(lines, found.byline)),
        date=_text(lines, found.date),
        source=origin,
    )
    return Cleaned(metadata, tuple(blocks))


def _as_markdown(line: Line) -> str:
    text = escape_markdown(" ".join(line.text.split()))
    return f"- {text}" if line.marker and line.text != line.marker else text


def _text(lines: list[Line], index: int | None) -> str:
    return " ".join(lines[index].text.split()) if index is not None else ""


def _byline(text: str) -> str:
    lowered = text.casefold()
    for prefix in ("by ", "por ", "di ", "von ", "par "):
        if lowered.startswith(prefix):
            return text[len(prefix) :].strip()
    return text


def _neighbour(lines: list[Line], index: int, step: int) -> Line | None:
    other = index + step
    return lines[other] if 0 <= other < len(lines) else None


def _score(line: Line) -> float:
    if line.underlined:
        return 0.5  # a heading the text marks as such: the article goes on
    if line.kind is Kind.GOOD:
        # A paragraph shown twice in a row is a teaser (headline, then headline as link).
        return 1.0 + min(line.words, 80) / 20 if not 0 < line.repeat_gap <= 3 else -0.6
    if line.kind is Kind.BAD:
        # "Related", "Comments", "More from...": what follows is no longer the article.
        if line.reason in _ENDINGS and line.words <= 6 and not line.marker:
            return -8.0
        return -1.0
    if line.repeats > 1:
        return -0.3
    return 0.2 if line.sentence and line.words >= 4 else -0.3


LONE_DISCOUNT = 0.7


def _underline(line: Line) -> bool:
    return not line.key and line.text[:1] in "=-"


_ENDINGS = frozenset({"related link", "comment prompt", "footer"})


def article_span(lines: list[Line]) -> tuple[int, int]:
    """First and last index of the run of lines where prose most outweighs chrome."""
    weights = _weights(lines)
    best, best_span = float("-inf"), (0, len(lines) - 1)
    total, start = 0.0, 0
    for index, weight in enumerate(weights):
        if total <= 0:
            total, start = 0.0, index
        total += weight
        if total > best:
            best, best_span = total, (start, index)
    # Beyond a gap, a run worth a good share of the article (or REJOIN) joins it.
    need = min(REJOIN, best * REJOIN_SHARE)
    return _across_short_gaps(weights, *best_span, need)


def _weights(lines: list[Line]) -> list[float]:
    scores = [_score(line) for line in lines]
    weights = []
    for index, score in enumerate(scores):
        weight = score
        # A lone paragraph between short lines is as likely a teaser's summary: less weight.
        # A heading the text marks (underlined) introduces its paragraph: not lone.
        lone = (index == 0 or (scores[index - 1] <= 1 and not _underline(lines[index - 1]))) and (
            index + 1 == len(lines) or scores[index + 1] <= 1
        )
        if score > 1 and lone:
            weight -= score * LONE_DISCOUNT
        # Paragraph after paragraph is an article; teasers alternate with their headlines.
        if index and score > 0 and scores[index - 1] > 1:
            weight += 1.0
        weights.append(weight)
    return weights


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


def _inside_reasons(lines: list[Line], first: int, last: int) -> dict[int, str]:
    """Why lines inside the article are dropped: chrome, captions and credits, repeats."""
    reasons: dict[int, str] = {}
    seen: set[str] = set()
    for index in range(first, last + 1):
        line = lines[index]
        if line.kind is Kind.BAD and not (line.reason == "navigation" and line.key):
            reasons[index] = line.reason
        elif line.key in seen and line.words > 3:
            reasons[index] = "repeated line"
        elif _under_related_label(lines, index, first):
            reasons[index] = "related link"
        seen.add(line.key)
    for index in range(first, last + 1):
        line = lines[index]
        following = lines[index + 1] if index + 1 <= last else None
        if following is None or line.sentence:
            continue
        if (
            following.key.startswith(line.key)
            and len(following.key) > len(line.key)
            and line.words >= 3
        ):
            reasons[index] = "image caption"
            reasons[index + 1] = "image caption (repeated)"
        elif line.kind is not Kind.GOOD and (
            following.reason == "photo credit" or _is_credit(following)
        ):
            reasons.setdefault(index, "image caption")
            reasons[index + 1] = "photo credit"
    return reasons


def _under_related_label(lines: list[Line], index: int, first: int) -> bool:
    """A headline-like line in a "Related" box: after the label, before the prose resumes."""
    line = lines[index]
    if line.kind is Kind.GOOD or line.sentence:
        return False
    for back in range(index - 1, max(first - 1, index - 6), -1):
        other = lines[back]
        if other.kind is Kind.GOOD or other.sentence:
            return False
        if other.reason == "related link" and other.words <= 6:
            return True
    return False


def _is_credit(line: Line) -> bool:
    """A short parenthesised source line under a picture: "(Reed Saxon / Associated Press)"."""
    text = line.text
    return text.startswith("(") and text.endswith(")") and line.words <= 8 and not line.sentence
