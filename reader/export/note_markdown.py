"""A note written as Markdown into an export: the user's formatting kept, the export's safe.

People write notes in Markdown (`**bold**`, `- a list`, `[a link](https://…)`) and expect to
see it rendered, so a note is parsed with markdown-it and written out again from its syntax
tree, keeping only what cannot disturb the file around it: strong, emphasis, strikethrough,
code, links, lists, block quotes, code blocks and rules. Every piece of text is escaped as in
`escape`, so anything else the note holds stays literal: raw HTML is text, a heading becomes a
bold line (it never joins the export's outline), an image becomes a link (no remote fetch),
and no line can start front matter, a heading or a `reader:` marker. A soft line break is kept
as a line break, as it was typed.

Where the writer may not reproduce the note exactly (emphasis, whose delimiters pair by subtle
rules; two lists in a row; a long code span), what it wrote is parsed again and must read back
as itself with the same text; a note that does not is written as literal text instead, as
every note once was. (Parsing is most of the cost, so the check is kept to those cases.)
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from reader.export import escape

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.tree import SyntaxTreeNode

# What a written note may contain once parsed again.
_ALLOWED = frozenset(
    {
        "root", "paragraph", "inline", "text", "softbreak", "hardbreak", "strong", "em", "s",
        "code_inline", "link", "bullet_list", "ordered_list", "list_item", "blockquote",
        "fence", "hr",
    }
)  # fmt: skip
# Any of these (or a line break, or whitespace or a digit at the start) may be markup.
_MARKUP = re.compile(r"[\\`*_\[\]<>|~=#$%^&+-]")
_INFO = re.compile(r"[\w.+#-]{1,40}")
_BACKTICKS = re.compile(r"`+")
_LISTS = ("bullet_list", "ordered_list")
_HARD_BREAK = "\\\n"


class _Unsupported(Exception):
    """A node the writer has no safe form for: the note is written literally."""


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # No raw HTML (it stays text), no tables (a note is prose), GFM strikethrough.
    return MarkdownIt("commonmark", {"html": False}).enable("strikethrough")


def _tree(text: str) -> SyntaxTreeNode:
    from markdown_it.tree import SyntaxTreeNode

    return SyntaxTreeNode(_parser().parse(text))


def _is_plain(text: str) -> bool:
    """One line that Markdown reads as exactly itself (most notes): nothing to parse."""
    return (
        "\n" not in text
        and text == text.strip()
        and not _MARKUP.search(text)
        and not text[:1].isdigit()
    )


def note(text: str, flavour: str = "commonmark") -> str:
    """A note as Markdown blocks: its own formatting kept, nothing that breaks the export."""
    text = escape.clean(text)
    if _is_plain(text):
        return text
    tree = _tree(text)
    writer = _Writer(flavour)
    try:
        written = writer.document(tree)
    except _Unsupported:
        return escape.markdown_block(text, flavour)
    if not _marker_like(written) and (writer.exact or _reads_back(written, tree, flavour)):
        return written
    return escape.markdown_block(text, flavour)


def _marker_like(written: str) -> bool:
    # The export's own marker lines are the only ones that start with `<`.
    return written.startswith("<") or "\n<" in written


def _reads_back(written: str, tree: SyntaxTreeNode, flavour: str) -> bool:
    """Whether `written` parses to allowed nodes only, writes out as itself, keeps the text."""
    again = _tree(written)
    if any(node.type not in _ALLOWED for node in again.walk()):
        return False
    try:
        if _Writer(flavour).document(again) != written:
            return False
    except _Unsupported:
        return False
    return text_of(again) == text_of(tree)


def text_of(tree: SyntaxTreeNode) -> list[str]:
    """The text a reader sees in each leaf block (paragraph, heading, code), without markup."""
    blocks: list[str] = []
    for node in tree.walk():
        if node.type in ("fence", "code_block"):
            blocks.append(node.content.removesuffix("\n"))
        elif node.type == "inline":
            blocks.append("".join(_inline_text(node.children)))
    return [block for block in blocks if block]


def _inline_text(nodes: list[SyntaxTreeNode]) -> list[str]:
    parts: list[str] = []
    for node in nodes:
        if node.type in ("text", "code_inline"):
            parts.append(node.content)
        elif node.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        else:
            parts.extend(_inline_text(node.children))
    return parts


class _Writer:
    """Markdown from a markdown-it syntax tree, every text escaped for `flavour`."""

    def __init__(self, flavour: str) -> None:
        self.flavour = flavour
        self.exact = True
        """False once the note holds something the writer may not reproduce exactly."""
        self.in_link = False
        self.depth = 0
        """How many quotes and list items the block being written sits in."""

    def document(self, tree: SyntaxTreeNode) -> str:
        return "\n".join(self._blocks(tree.children, tight=False))

    def _blocks(self, nodes: list[SyntaxTreeNode], tight: bool) -> list[str]:
        lines: list[str] = []
        previous = ""
        for node in nodes:
            if node.type == previous and previous in _LISTS:
                self.exact = False  # two lists in a row must not run into one
            if tight and node.type == "heading" and len(nodes) > 1:
                self.exact = False  # as a bold line it could run into the line before or after
            previous = node.type
            block = self._block(node)
            if not block:
                continue
            if lines and not tight:
                lines.append("")
            lines.extend(block)
        return lines

    def _block(self, node: SyntaxTreeNode) -> list[str]:
        kind = node.type
        if kind == "paragraph":
            return self._inline_lines(node.children[0])
        if kind == "heading":
            # A heading of the note is a bold line: the export's outline is the article's.
            return self._inline_lines(node.children[0], wrap="**")
        if kind == "hr":
            return ["___"]  # `***` or `---` would join a `*` or `-` list item's marker
        if kind == "blockquote":
            self.depth += 1
            inner = self._blocks(node.children, tight=False) or [""]
            self.depth -= 1
            return [f"> {line}" if line else ">" for line in inner]
        if kind in ("bullet_list", "ordered_list"):
            return self._list(node)
        if kind in ("fence", "code_block"):
            return self._code(node)
        raise _Unsupported(kind)

    def _list(self, node: SyntaxTreeNode) -> list[str]:
        ordered = node.type == "ordered_list"
        start = int(node.attrs.get("start", 1)) if ordered else 0
        # markdown-it hides the paragraphs of a tight list: keep it tight (no blank lines).
        tight = all(
            child.hidden
            for item in node.children
            for child in item.children
            if child.type == "paragraph"
        )
        lines: list[str] = []
        for number, item in enumerate(node.children, start):
            marker = f"{number}{node.markup}" if ordered else node.markup
            self.depth += 1
            inner = self._blocks(item.children, tight)
            self.depth -= 1
            if lines and not tight:
                lines.append("")
            if not inner:
                self.exact = False  # an empty item cannot interrupt a paragraph
                lines.append(marker)
                continue
            pad = " " * (len(marker) + 1)
            lines.append(f"{marker} {inner[0]}")
            lines.extend(pad + line if line else "" for line in inner[1:])
        return lines

    def _code(self, node: SyntaxTreeNode) -> list[str]:
        body = node.content.split("\n")
        if body[-1] == "":
            body.pop()
        longest = max((len(run) for run in _BACKTICKS.findall(node.content)), default=0)
        fence = "`" * max(3, longest + 1)
        info = node.info.strip() if node.type == "fence" else ""
        info = info if _INFO.fullmatch(info) else ""
        lines = [fence + info, *body, fence]
        if not self.depth and any(line.startswith("<") for line in body):
            # A code line must not pass for a marker line of the export: indent the block.
            lines = [f" {line}" if line else "" for line in lines]
        return lines

    def _inline_lines(self, inline: SyntaxTreeNode, wrap: str = "") -> list[str]:
        pieces: list[str] = []
        self._inline(inline.children, pieces)
        text = "".join(pieces)
        if not text:
            return []
        text = wrap + text + wrap
        return [escape.guard_line_start(line) for line in text.split("\n")]

    def _inline(self, nodes: list[SyntaxTreeNode], pieces: list[str]) -> None:
        for node in nodes:
            kind = node.type
            if kind == "text":
                pieces.append(escape.inline_text(node.content, self.flavour))
            elif kind in ("softbreak", "hardbreak"):
                pieces.append(_HARD_BREAK)
            elif kind == "code_inline":
                span = escape.code_span(node.content)
                if span.startswith("```"):
                    self.exact = False  # at the start of a line it would open a code block
                pieces.append(span)
            elif kind in ("strong", "em", "s"):
                self.exact = False
                pieces.append(node.markup)
                self._inline(node.children, pieces)
                pieces.append(node.markup)
            elif kind == "image" and self.in_link:
                self._inline(node.children, pieces)  # its words: a link holds no link
            elif kind in ("link", "image"):
                # An image becomes a link to it: an export should not fetch from the web.
                target = node.attrs.get("src" if kind == "image" else "href", "")
                if pieces and pieces[-1].endswith("!"):
                    pieces[-1] = pieces[-1][:-1] + "\\!"  # `![` would start an image
                pieces.append("[")
                self.in_link = True
                self._inline(node.children, pieces)
                self.in_link = False
                pieces.append("](" + escape.link_destination(str(target)) + ")")
            else:
                raise _Unsupported(kind)
