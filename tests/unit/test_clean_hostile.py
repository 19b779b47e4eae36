"""Hostile markup loses the bad character or tag, never the article's text (issue #12, item 5)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main

FIRST = "First paragraph of the story is here and it is long enough to be an article."
SECOND = "Second paragraph with even more words to make this an article worth reading."


def _page(body: str) -> str:
    return f"<html><head><title>T</title></head><body>{body}</body></html>"


def _article(middle: str = "") -> str:
    return f"<article><h1>Head</h1><p>{FIRST}{middle} More words.</p><p>{SECOND}</p></article>"


def _clean(path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["clean", str(path)]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize("entity", ["&#1;", "&#x7;", "&#x8;", "&#xC;", "&#x1b;", "&#xFFFF;"])
def test_a_control_character_reference_drops_the_character_not_the_page(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], entity: str
):
    page = tmp_path / "page.html"
    page.write_text(_page(_article(f" Then {entity}words")))
    out = _clean(page, capsys)
    assert f"{FIRST} Then words More words." in out
    assert SECOND in out
    assert "\x1b" not in out and "&#" not in out


def test_a_windows_1252_reference_shows_as_a_browser_shows_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    page = tmp_path / "page.html"
    page.write_text(_page(_article(" Here &#150; there &#60;b&#62;")))
    out = _clean(page, capsys)
    assert "Here – there \\<b>" in out  # the escaped text, not a tag


def test_a_noncharacter_in_the_page_text_is_dropped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    page = tmp_path / "page.html"
    page.write_text(_page(_article(" Odd\uffffone")), encoding="utf-8")
    assert f"{FIRST} Oddone More words." in _clean(page, capsys)


@pytest.mark.parametrize("depth", [250, 260, 1000, 5000])
def test_a_deeply_nested_page_keeps_its_article(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], depth: int
):
    page = tmp_path / "page.html"
    page.write_text(_page("<div>" * depth + _article() + "</div>" * depth))
    out = _clean(page, capsys)
    assert "# Head" in out and FIRST in out and SECOND in out
    # The paragraphs stay apart: no tag the article needs was flattened away.
    assert f"{FIRST} More words.\n\n{SECOND}" in out


def test_deeply_nested_quotes_and_bold_keep_their_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    deep = "Deep words that are many and long enough to count as the article's text."
    quotes = "<blockquote>" * 3000 + deep + "</blockquote>" * 3000
    bold = "<p>" + "<b><i>" * 400 + deep.upper() + "</i></b>" * 400 + "</p>"
    page = tmp_path / "page.html"
    page.write_text(_page(f"<article><h1>Head</h1><p>{FIRST}</p>{quotes}{bold}<p>{SECOND}</p>"))
    out = _clean(page, capsys)
    assert FIRST in out and deep in out and deep.upper() in out and SECOND in out


def test_an_unterminated_osc_escape_ends_at_its_line_end(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    page = tmp_path / "page.txt"
    page.write_text(
        "A title line\n\n"
        f"{FIRST}\n\n"
        "Words \x1b]52;c;aGVsbG8= with no terminator on this line.\n\n"
        f"{SECOND}\n\nA third paragraph, also kept, after the escape line ends.\n"
    )
    out = _clean(page, capsys)
    assert SECOND in out and "A third paragraph, also kept" in out
    assert "\x1b" not in out and "52;c" not in out


def test_a_page_with_no_article_says_so_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    page = tmp_path / "page.txt"
    page.write_text("Subscribe now\n\nCookie settings\n")
    assert main(["clean", str(page)]) != 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "no article text" in captured.err and len(captured.err.strip().splitlines()) == 1
    # The JSON still lists what was removed, and why.
    assert main(["clean", "--format", "json", str(page)]) == 0
    assert '"reason"' in capsys.readouterr().out
