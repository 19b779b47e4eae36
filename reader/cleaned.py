"""What cleaning produces: metadata and the page's blocks, each kept or removed with a reason.

The user may overturn any decision (restore a removed block, remove a kept one); those choices
are a set of block keys stored per article and applied here, so they survive a re-clean.
"""

# No `from __future__ import annotations` here: a NamedTuple's annotations would be strings,
# each compiled at import (typing.ForwardRef), the first compile of a run ~10 M instructions.
import hashlib
from collections.abc import Iterable
from typing import NamedTuple

from reader.metadata import Metadata


class CleanBlock(NamedTuple):
    """One block of the page as canonical Markdown (a paragraph, a heading line, a list...).

    A named tuple, not a frozen dataclass: a 1 MB page has some 14,000 blocks, and a tuple is
    built four times faster.
    """

    markdown: str
    kept: bool = True
    reason: str = ""
    """Why the cleaner removed it ("" for kept blocks)."""
    key: str = ""
    """Stable identity: a hash of the block's text and its occurrence number."""


class Cleaned:
    """The cleaner's result: the page's metadata and its blocks. Treat it as immutable.

    A plain class (not a dataclass, see `reader.metadata`) whose block keys are worked out on
    first use: hashing every block of a 1 MB page is a tenth of its cleaning time, and printing
    the article needs no key.
    """

    __slots__ = ("_blocks", "metadata", "origin", "page_blocks")

    def __init__(
        self, metadata: Metadata, page_blocks: tuple[CleanBlock, ...] = (), origin: str = ""
    ) -> None:
        self.metadata = metadata
        self.page_blocks = page_blocks
        """The page's blocks in order, as the cleaner left them (keys not worked out yet)."""
        self.origin = origin
        """Where the page came from (its URL or its file's path): its relative links and
        images are resolved against it."""
        self._blocks: tuple[CleanBlock, ...] | None = None

    def __repr__(self) -> str:
        return f"Cleaned({self.metadata!r}, <{len(self.page_blocks)} blocks>)"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Cleaned):
            return NotImplemented
        return (self.metadata, self.page_blocks) == (other.metadata, other.page_blocks)

    def __hash__(self) -> int:
        return hash((self.metadata, self.page_blocks))

    @property
    def blocks(self) -> tuple[CleanBlock, ...]:
        """The page's blocks, each with its stable key."""
        if self._blocks is None:
            self._blocks = keyed(self.page_blocks)
        return self._blocks

    def visible(self, overrides: frozenset[str] = frozenset()) -> list[CleanBlock]:
        """Blocks shown as the article: kept ones, with the user's overrides flipped."""
        return [b for b in self.blocks if b.kept != (b.key in overrides)]

    def markdown_body(self, overrides: frozenset[str] = frozenset()) -> str:
        shown = self.visible(overrides) if overrides else (b for b in self.page_blocks if b.kept)
        return "\n\n".join(b.markdown for b in shown)


def keyed(blocks: Iterable[CleanBlock]) -> tuple[CleanBlock, ...]:
    """Give each block a stable key: same text, same key; repeats numbered in order."""
    seen: dict[str, int] = {}
    out: list[CleanBlock] = []
    for markdown, kept, reason, _ in blocks:
        digest = hashlib.sha1(" ".join(markdown.split()).encode()).hexdigest()[:12]
        seen[digest] = number = seen.get(digest, 0) + 1
        out.append(CleanBlock(markdown, kept, reason, f"{digest}-{number}"))
    return tuple(out)
