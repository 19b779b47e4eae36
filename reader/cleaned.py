"""What cleaning produces: metadata and the page's blocks, each kept or removed with a reason.

The user may overturn any decision (restore a removed block, remove a kept one); those choices
are a set of block keys stored per article and applied here, so they survive a re-clean.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from reader.document import Metadata


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


@dataclass(frozen=True)
class Cleaned:
    metadata: Metadata
    page_blocks: tuple[CleanBlock, ...] = ()
    """The page's blocks in order, as the cleaner left them (keys not worked out yet)."""

    @cached_property
    def blocks(self) -> tuple[CleanBlock, ...]:
        """The page's blocks, each with its key. Keyed on first use: hashing every block of a
        1 MB page is a tenth of its cleaning time, and printing the article needs no key."""
        return keyed(self.page_blocks)

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
