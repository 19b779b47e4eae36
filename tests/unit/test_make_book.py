"""The benchmark book generator writes chapters, deterministically, in text and Markdown."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from reader.article import build_document, open_source

SCRIPT = Path(__file__).resolve().parents[2] / "benchmarks" / "make_book.py"


def make_book() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_book", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("make_book", module)
    spec.loader.exec_module(module)
    return module


def test_book_has_chapters_in_both_formats(tmp_path: Path):
    mb = make_book()
    text_path, markdown_path = mb.write_book(tmp_path, size=40_000, seed=3)
    text = text_path.read_text(encoding="utf-8")
    chapters = [line for line in text.splitlines() if line.startswith("CHAPTER ")]
    assert len(chapters) >= 2
    assert chapters[:2] == ["CHAPTER 1", "CHAPTER 2"]
    assert 40_000 <= len(text) < 80_000
    assert mb.PROBE in text.split("CHAPTER 2")[0]

    _, cleaned = open_source(markdown_path)
    doc = build_document(cleaned)
    assert doc.title == mb.TITLE
    titles = [s.title for s in doc.sections]
    assert len(titles) == len(chapters)
    assert all(t.startswith(f"Chapter {n}: ") for n, t in enumerate(titles, 1))


def test_same_seed_same_book_other_seed_other_book(tmp_path: Path):
    mb = make_book()
    first = mb.write_book(tmp_path / "a", size=20_000, seed=7)[0].read_bytes()
    again = mb.write_book(tmp_path / "b", size=20_000, seed=7)[0].read_bytes()
    other = mb.write_book(tmp_path / "c", size=20_000, seed=8)[0].read_bytes()
    assert first == again
    assert first != other
