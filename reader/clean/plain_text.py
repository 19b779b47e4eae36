"""Clean a page saved as plain text: find the article among the page's lines.

Each line is measured (lines.py); the article is the stretch of lines where prose outweighs
chrome (a maximum-sum run); the headline, standfirst, byline and date are looked for just above
it (metadata.py); inside it, chrome, captions and repeats are dropped and headings marked.
"""

from __future__ import annotations

from reader.clean.headings import find_headings, heading_markdown, heading_text
from reader.clean.lines import Kind, Line, classify, split_lines
from reader.clean.metadata import find, is_byline, is_date, is_headline
from reader.clean.span import article_span
from reader.clean.structure import mark_structure, openings
from reader.cleaned import CleanBlock, Cleaned
from reader.markdown_escape import escape_markdown
from reader.metadata import Metadata


def clean_plain_text(text: str, origin: str = "") -> Cleaned:
    lines = split_lines(text)
    classify(lines)
    items, dated = mark_structure(lines)
    if not lines:
        return Cleaned(Metadata(source=origin), ())
    opens = openings(lines, dated)
    if any(line.kind is Kind.BAD for line in lines):
        first, last = article_span(lines, opens)
    else:
        first, last = 0, len(lines) - 1  # nothing looks like page chrome: it is all article
    # A byline or date among the article's first lines: the metadata may reach that far down.
    top = first
    # The article's first line shaped like a headline, above its prose, is its title.
    opening = lines[first]
    if first < last and opening.kind is Kind.SHORT and lines[first + 1].kind is Kind.GOOD:
        top = first + 1 if is_headline(opening) else top
    for index in range(first, min(first + 4, last)):
        if lines[index].listed:
            break  # a list of dates is the article's data, not its date
        if is_byline(lines[index], named=True) or is_date(lines[index]):
            top = index + 1
    # The paragraph below a headline and its byline, among the first lines, starts the body.
    top = next((start for start in opens if first < start <= first + 8 and start <= last), top)
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
    kept = [
        index for index in range(first, last + 1) if index not in roles and not reasons.get(index)
    ]
    headings = find_headings(lines, kept)
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
        elif index in headings:
            blocks.append(CleanBlock(heading_markdown(heading_text(line), headings[index])))
        elif index in items:
            number, rest = items[index]
            blocks.append(CleanBlock(f"{number} {escape_markdown(rest)}"))
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
    if line.rows:  # rows that line up: a preformatted block, kept as the page sets them out
        fence = "```"
        while fence in line.raw:
            fence += "`"
        return "\n".join([fence, *line.rows, fence])
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


def _inside_reasons(lines: list[Line], first: int, last: int) -> dict[int, str]:
    """Why lines inside the article are dropped: chrome, captions and credits, repeats."""
    reasons: dict[int, str] = {}
    seen: dict[str, int] = {}
    for index in range(first, last + 1):
        line = lines[index]
        if line.kind is Kind.BAD and not (line.reason == "navigation" and line.key):
            reasons[index] = line.reason
        elif index - seen.get(line.key, -99) <= 3 and line.words > 3:
            # Shown twice in a row (a caption, a headline and its link). Further apart, a
            # line that recurs is the article's own form: a question asked of each guest.
            reasons[index] = "repeated line"
        elif _under_related_label(lines, index, first):
            reasons[index] = "related link"
        seen[line.key] = index
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
