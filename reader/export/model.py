"""What a template sees: an article's highlights placed in its current text, grouped by section.

These are the documented template variables (README, "Export templates"); every string is raw
text, and templates escape it with the filters in reader.export.render.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

from reader.annotation_set import placed_in
from reader.document import Document, Section
from reader.export import escape, fragment, keep
from reader.links import LinkKind, classify
from reader.records import AnnotationRecord, ArticleRecord


class QuoteLink(NamedTuple):
    """A link inside a highlight's quote, or an image the highlight covers."""

    start: int
    end: int
    """`quote[start:end]` is its words (an image's: its caption, else its alt text)."""
    url: str
    """Where it leads (an image: the picture); only web links, and file links from a file."""
    image: bool
    text: str


@dataclass(slots=True)  # not frozen: a frozen __init__ is slow, and there are many of these
class ExportHighlight:
    id: str
    quote: str
    """The exact highlighted text."""
    color: str
    meaning: str
    """What the colour means to the user ("" when not set)."""
    note: str
    tags: tuple[str, ...]
    created: str
    updated: str
    start: int
    """Offset in the article's current text (-1 when orphaned)."""
    end: int
    section: str
    """Title of the innermost section holding the highlight ("" before the first heading)."""
    link: str
    """Back to the source: the URL with a `#:~:text=` fragment, or the file's URI."""
    orphaned: bool
    """The quote is no longer in the article's text."""
    status: str
    """How it is anchored in the current text: "ok", "moved", "fuzzy", "ambiguous" (placed,
    but another place fits as well: check it) or "orphaned"; "" without the text."""
    kept: str
    """What the user wrote in this highlight's block of the previous export."""
    keep: str
    """The highlight's marked block, with `kept` inside: place it where the user writes."""
    links: tuple[QuoteLink, ...] = ()
    """The links in the quote and the images it covers (pass them to the `quote` filter)."""


@dataclass(frozen=True, slots=True)
class ExportSection:
    title: str
    """"" for the highlights before the article's first heading."""
    level: int
    """Heading level to use in the export (2-6): nested sections go one deeper."""
    highlights: tuple[ExportHighlight, ...]
    orphaned: bool = False
    """The group of orphaned highlights (no title, listed last in `article.groups`)."""


@dataclass(frozen=True, slots=True)
class ExportArticle:
    id: str
    title: str
    author: str
    date: str
    source: str
    """The source's URL or absolute path."""
    source_url: str
    """The URL for a web source, the file URI for a file, else ""."""
    is_web: bool
    source_name: str
    """Short name of the source: the file's name or the web site's host."""
    exported: str
    """When the notes last changed (ISO 8601): stable while the notes are unchanged."""
    tags: tuple[str, ...]
    """Every tag of every highlight, sorted."""
    highlight_count: int
    sections: tuple[ExportSection, ...]
    """Sections holding highlights, in document order (with their parent sections)."""
    highlights: tuple[ExportHighlight, ...]
    """Every placed highlight in document order."""
    orphans: tuple[ExportHighlight, ...]
    groups: tuple[ExportSection, ...]
    """`sections`, then the orphans as one more group (when there are any): one loop for all."""
    kept: str
    keep: str
    """The article's marked block for the user's own words."""


def _tags(raw: Sequence[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for tag in raw:
        cleaned = escape.one_line(tag).strip()
        if cleaned:
            seen.setdefault(cleaned, None)
    return tuple(seen)


def _enclosing(sections: Sequence[Section], index: int) -> list[int]:
    """Indexes of the section and its ancestors, outermost first."""
    chain = [index]
    depth = sections[index].depth
    for candidate in range(index - 1, -1, -1):
        if depth == 0:
            break
        if sections[candidate].depth < depth:
            chain.append(candidate)
            depth = sections[candidate].depth
    return chain[::-1]


def exported_at(record: ArticleRecord, annotations: Sequence[AnnotationRecord]) -> str:
    """The newest change to the notes: the same until a note is added or edited."""
    times = [t for note in annotations for t in (note.updated, note.created) if t]
    return max(times) if times else record.added


def _locate(
    annotations: Sequence[AnnotationRecord], text: str | None
) -> tuple[list[tuple[int, int, str, AnnotationRecord]], list[AnnotationRecord]]:
    """Placed highlights in document order (with how each is anchored), and the orphans."""
    if text is None:
        # Offsets trusted as stored; a negative one is no place at all (imported as an orphan).
        places = [(note.start, note.end, "", note) for note in annotations if note.start >= 0]
        orphaned: list[AnnotationRecord] = [note for note in annotations if note.start < 0]
    else:
        found = placed_in(text, annotations)
        places = [(p.start, p.end, p.status.value, p.record) for p in found if not p.orphaned]
        orphaned = [p.record for p in found if p.orphaned]
    places.sort(key=lambda item: (item[0], item[1], item[3].created, item[3].id))
    orphaned.sort(key=lambda note: (note.start, note.created, note.id))
    return places, orphaned


def _web_link(source: str, note: AnnotationRecord, text: str | None, start: int, end: int) -> str:
    """The source URL with a text fragment finding the quote (context words if it repeats)."""
    quote = escape.clean(note.exact)
    if text is not None and start >= 0:
        # A second occurrence anywhere means the fragment needs context words.
        first = text.find(note.exact)
        unique = first == -1 or text.find(note.exact, first + 1) == -1
        before, after = text[max(0, start - 200) : start], text[end : end + 200]
        return fragment.web_link(source, fragment.text_directive(quote, before, after, unique))
    return fragment.web_link(
        source, fragment.text_directive(quote, note.prefix, note.suffix, False)
    )


def _group(
    highlights: Sequence[ExportHighlight], document: Document | None
) -> tuple[ExportSection, ...]:
    """Consecutive highlights of one section together, each section after its parents."""
    sections = document.sections if document is not None else ()
    groups: list[tuple[int | None, int, list[ExportHighlight]]] = []  # (section, level, items)
    shown: set[int] = set()
    for highlight in highlights:
        index = document.section_at(highlight.start) if document is not None else None
        if not groups or groups[-1][0] != index:
            chain = _enclosing(sections, index) if index is not None else [None]
            for member in chain:
                if member is not None and member in shown and member != index:
                    continue
                level = 2 + min(sections[member].depth, 4) if member is not None else 2
                groups.append((member, level, []))
                if member is not None:
                    shown.add(member)
        groups[-1][2].append(highlight)
    return tuple(
        ExportSection(sections[i].title if i is not None else "", level, tuple(items))
        for i, level, items in groups
    )


def build(
    record: ArticleRecord,
    annotations: Sequence[AnnotationRecord],
    document: Document | None,
    *,
    meanings: Mapping[str, str] | None = None,
    kept: keep.Kept | None = None,
    exported: str | None = None,
) -> ExportArticle:
    """The template model of one article.

    Without a `document` (source gone, no stored text) the stored offsets are trusted: no
    sections, and only a highlight stored with no place (-1) is orphaned.
    """
    meanings = meanings or {}
    kept = kept or keep.Kept({})
    text = document.text if document is not None else None
    source = record.source or (document.metadata.source if document else "")
    web = fragment.is_web(source)
    file_uri = "" if web else fragment.file_link(source)

    def view(note: AnnotationRecord, start: int, end: int, status: str) -> ExportHighlight:
        section = document.section_at(start) if document is not None and start >= 0 else None
        user_words = kept.get(keep.HIGHLIGHT, note.id)
        return ExportHighlight(
            id=note.id,
            quote=escape.clean(note.exact),
            color=escape.one_line(note.color),
            meaning=escape.one_line(meanings.get(note.color, "")),
            note=escape.clean(note.note),
            tags=_tags(note.tags),
            created=note.created,
            updated=note.updated,
            start=start,
            end=end,
            section=document.sections[section].title if document and section is not None else "",
            link=_web_link(source, note, text, start, end) if web else file_uri,
            orphaned=start < 0,
            status=status,
            kept=user_words,
            keep=keep.block(keep.HIGHLIGHT, note.id, user_words),
            links=_quote_links(document, note.exact, start, end, source),
        )

    placed, orphaned = _locate(annotations, text)
    highlights = tuple(view(note, start, end, status) for start, end, status, note in placed)
    orphans = tuple(view(note, -1, -1, "orphaned") for note in orphaned)
    sections = _group(highlights, document)
    everything = (*highlights, *orphans)
    tags = sorted({tag for h in everything for tag in h.tags}, key=lambda t: (t.casefold(), t))
    metadata = document.metadata if document is not None else None
    extra = record.metadata
    article_words = kept.get(keep.ARTICLE, record.id)
    title = record.title or (document.title if document is not None else "")
    return ExportArticle(
        id=record.id,
        title=escape.one_line(title).strip() or "Untitled",
        author=escape.one_line((metadata.byline if metadata else "") or extra.get("byline", "")),
        date=escape.one_line((metadata.date if metadata else "") or extra.get("date", "")),
        source=source,
        source_url=source if web else file_uri,
        is_web=web,
        source_name=source_name(source),
        exported=exported or exported_at(record, annotations),
        tags=tuple(tags),
        highlight_count=len(everything),
        sections=sections,
        highlights=highlights,
        orphans=orphans,
        groups=sections + ((ExportSection("", 2, orphans, orphaned=True),) if orphans else ()),
        kept=article_words,
        keep=keep.block(keep.ARTICLE, record.id, article_words),
    )


def _quote_links(
    document: Document | None, quote: str, start: int, end: int, source: str
) -> tuple[QuoteLink, ...]:
    """The links and images inside a placed highlight whose quote is the article's text there.

    Only links a reader may follow go into an export: `javascript:` and its kind stay words.
    """
    if document is None or start < 0 or document.text[start:end] != quote:
        return ()
    found: list[QuoteLink] = []
    for span in document.links:
        if span.start < end and span.end > start and _followable(span.href, source):
            left, right = max(span.start, start), min(span.end, end)
            found.append(
                QuoteLink(
                    left - start,
                    right - start,
                    span.href,
                    False,
                    quote[left - start : right - start],
                )
            )
    for image in document.images:
        block = document.blocks[image.block]
        if block.start < end and block.end > start:
            left, right = max(block.start, start), min(block.end, end)
            url = image.src if _followable(image.src, source) else ""
            found.append(
                QuoteLink(left - start, right - start, url, True, image.caption or image.alt)
            )
    return tuple(sorted(found))


def _followable(url: str, source: str) -> bool:
    return classify(url, source).kind in (LinkKind.WEB, LinkKind.FILE)


def source_name(source: str) -> str:
    """A short name for a source: the file name, or the URL's host."""
    if fragment.is_web(source):
        return urlsplit(source).netloc
    return Path(source).name
