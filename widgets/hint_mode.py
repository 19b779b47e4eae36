"""Hint mode: every link on screen labelled with one or two letters; typing a label picks it.

A pure state machine (no Textual): the reading screen feeds it the keys typed, the document
view draws its labels over the first letters of each link.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum, auto

from reader.document import Span
from reader.link_hints import hint_labels, match_hint


class Typed(Enum):
    MORE = auto()
    """A label starts with what was typed: wait for the next letter."""
    PICKED = auto()
    """A label was typed whole: `HintMode.picked` is its link."""
    NOTHING = auto()
    """No label starts so: hint mode ends, nothing followed."""


@dataclass
class HintMode:
    links: Sequence[Span]
    """The links on screen, in reading order."""
    outside: bool = False
    """Whether the link picked opens in the system browser rather than here."""
    typed: str = ""
    labels: list[str] = field(default_factory=list)
    picked: Span | None = None

    def __post_init__(self) -> None:
        self.labels = hint_labels(len(self.links))
        self.links = list(self.links)[: len(self.labels)]

    def shown(self) -> dict[int, str]:
        """What to draw: the start offset of each link still possible, and the rest of its
        label (the letters not typed yet)."""
        return {
            link.start: label[len(self.typed) :]
            for link, label in zip(self.links, self.labels, strict=True)
            if label.startswith(self.typed)
        }

    def key(self, character: str) -> Typed:
        """One letter typed (upper case counts as lower)."""
        self.typed += character.lower()
        index, more = match_hint(self.typed, self.labels)
        if index is not None:
            self.picked = self.links[index]
            return Typed.PICKED
        return Typed.MORE if more else Typed.NOTHING
