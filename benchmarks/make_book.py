"""Generate a book-length text with chapters for the benchmarks (deterministic, seeded).

Writes `book.txt` (plain text, "CHAPTER N" headings as a saved e-book has them) and `book.md`
(the same prose with `## Chapter N` headings) into benchmarks/data/, about 3 MB each.

    python benchmarks/make_book.py [--size BYTES] [--seed N] [--out DIR]
"""

from __future__ import annotations

import argparse
import random
from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
DEFAULT_SIZE = 3_000_000
TITLE = "The Salt Road"
AUTHOR = "Generated for the reader benchmarks"
# The opening of chapter 1, fixed so a harness can tell when the text is on screen.
FIRST_SENTENCE = "The lighthouse keeper was the first to notice that the grain barges had stopped."
PROBE = "The lighthouse keeper was the first"
# A word that occurs now and then (a few hundred times in 3 MB), for timing search jumps.
RARE_WORD = "cormorant"
_RARE_SENTENCE = "A cormorant dried its wings on the harbour wall."

_NAMES = ["Ada", "Bertil", "Cora", "Dov", "Elspeth", "Fen", "Greer", "Hollis", "Isak", "Juno"]
_PLACES = [
    "the harbour",
    "the salt marsh",
    "the upper town",
    "the ferry steps",
    "the old mill",
    "the customs house",
    "the long beach",
    "the ropewalk",
]
_SUBJECTS = [
    "{name}",
    "the harbourmaster",
    "her brother",
    "the stranger from the north",
    "an old woman with a basket of eels",
    "the boy who kept the gulls away",
    "nobody in the village",
]
_VERBS = [
    "walked slowly towards",
    "looked back at",
    "had never trusted",
    "remembered the winter at",
    "said nothing about",
    "waited for an hour outside",
    "drew a careful map of",
    "heard the bell ringing from",
]
_CLAUSES = [
    "while the tide turned under the pier",
    "because the letters had stopped arriving",
    "although the wind was rising from the east",
    "as if the whole town were holding its breath",
    "before anyone had lit the lamps",
    "and the smell of tar hung in the cold air",
    "until the rain drove everyone indoors",
    "which was what their father had always done",
]
_SPEECH = [
    "“We should have left in the spring,” {name} said.",
    "“Nobody crosses the marsh after dark,” said {name}, “not even for money.”",
    "“Tell me again what you saw,” {name} said quietly.",
    "“The road is older than the town,” {name} said. “It will be here after us.”",
]
_TITLE_WORDS = [
    "Salt",
    "Lantern",
    "Harbour",
    "Marsh",
    "Winter",
    "Ferry",
    "Letters",
    "Tide",
    "Rope",
    "Bell",
    "Stranger",
    "Mill",
]


def _sentence(rng: random.Random) -> str:
    name = rng.choice(_NAMES)
    if rng.random() < 0.01:
        return _RARE_SENTENCE
    if rng.random() < 0.12:
        return rng.choice(_SPEECH).format(name=name)
    subject = rng.choice(_SUBJECTS).format(name=name)
    text = f"{subject} {rng.choice(_VERBS)} {rng.choice(_PLACES)}"
    if rng.random() < 0.6:
        text += f", {rng.choice(_CLAUSES)}"
    return text[0].upper() + text[1:] + "."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(3, 9)))


def _chapter_title(rng: random.Random) -> str:
    first, second = rng.sample(_TITLE_WORDS, 2)
    return f"The {first} and the {second}"


def chapters(size: int, seed: int = 1) -> list[tuple[str, list[str]]]:
    """(title, paragraphs) per chapter, about `size` characters of prose in all."""
    rng = random.Random(seed)
    out: list[tuple[str, list[str]]] = []
    total = 0
    while total < size:
        paragraphs = [_paragraph(rng) for _ in range(rng.randint(25, 45))]
        if not out:
            paragraphs[0] = f"{FIRST_SENTENCE} {paragraphs[0]}"
        total += sum(len(p) + 2 for p in paragraphs)
        out.append((_chapter_title(rng), paragraphs))
    return out


def as_text(book: list[tuple[str, list[str]]]) -> str:
    parts = [TITLE.upper(), AUTHOR]
    for number, (title, paragraphs) in enumerate(book, 1):
        parts.append(f"CHAPTER {number}\n\n{title}")
        parts.extend(paragraphs)
    return "\n\n".join(parts) + "\n"


def as_markdown(book: list[tuple[str, list[str]]]) -> str:
    parts = [f"# {TITLE}", f"*{AUTHOR}*"]
    for number, (title, paragraphs) in enumerate(book, 1):
        parts.append(f"## Chapter {number}: {title}")
        parts.extend(paragraphs)
    return "\n\n".join(parts) + "\n"


def write_book(out: Path, size: int = DEFAULT_SIZE, seed: int = 1) -> tuple[Path, Path]:
    """Write book.txt and book.md into `out`; return their paths."""
    out.mkdir(parents=True, exist_ok=True)
    book = chapters(size, seed)
    text_path, markdown_path = out / "book.txt", out / "book.md"
    text_path.write_text(as_text(book), encoding="utf-8")
    markdown_path.write_text(as_markdown(book), encoding="utf-8")
    return text_path, markdown_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=DEFAULT_SIZE, help="characters of prose")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=DATA)
    args = parser.parse_args()
    for path in write_book(args.out, args.size, args.seed):
        print(f"{path}: {path.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
