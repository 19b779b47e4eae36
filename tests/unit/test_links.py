"""Link targets: resolved against the article's place, and judged before anything follows them."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.links import LinkKind, classify, resolve, shown, slug

PAGE = "https://news.example/2025/04/ferry.html?x=1"
FILE = str(Path("/home/ada/articles/ferry.html"))


@pytest.mark.parametrize(
    ("href", "expected"),
    [
        ("timetable.html", "https://news.example/2025/04/timetable.html"),
        ("../03/older.html", "https://news.example/2025/03/older.html"),
        ("/topics/transport", "https://news.example/topics/transport"),
        ("//cdn.example/a.jpg", "https://cdn.example/a.jpg"),
        ("https://other.example/", "https://other.example/"),
        ("#winter", "#winter"),
        ("javascript:alert(1)", "javascript:alert(1)"),
        ("  timetable.html  ", "https://news.example/2025/04/timetable.html"),
    ],
)
def test_a_relative_link_is_resolved_against_the_page(href: str, expected: str) -> None:
    assert resolve(href, PAGE) == expected


def test_a_relative_link_in_a_file_names_a_file_beside_it() -> None:
    assert resolve("timetable.html", FILE) == "file:///home/ada/articles/timetable.html"
    assert resolve("../notes/a b.md#part", FILE) == "file:///home/ada/notes/a%20b.md#part"
    assert resolve("/etc/hosts", FILE) == "file:///etc/hosts"
    assert resolve("//host.example/x", FILE) == "https://host.example/x"
    assert resolve("timetable.html", "") == "timetable.html"
    assert resolve("timetable.html", "-") == "timetable.html"
    assert resolve("timetable.html", "page") == "timetable.html"


def test_web_links_are_followed_with_their_fragment() -> None:
    target = classify("https://news.example/b.html#part-2", PAGE)
    assert target.kind is LinkKind.WEB
    assert target.url == "https://news.example/b.html#part-2"
    assert target.fragment == "part-2"


def test_a_link_into_the_same_page_is_in_page() -> None:
    assert classify("#winter", PAGE) == (LinkKind.IN_PAGE, "", "winter", "")
    same = classify("https://news.example/2025/04/ferry.html?x=1#winter", PAGE)
    assert (same.kind, same.fragment) == (LinkKind.IN_PAGE, "winter")


@pytest.mark.parametrize(
    "href",
    [
        "javascript:alert(document.cookie)",
        "JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "mailto:editor@news.example",
        "vbscript:msgbox",
        "ftp://files.example/a.txt",
        "tel:+441234",
    ],
)
def test_other_schemes_are_refused_with_a_reason(href: str) -> None:
    for article in (PAGE, FILE):
        target = classify(href, article)
        assert target.kind is LinkKind.REFUSED
        assert "never followed" in target.reason


def test_file_links_only_from_a_file_article() -> None:
    local = classify("file:///home/ada/articles/timetable.html#x", FILE)
    assert (local.kind, local.url, local.fragment) == (
        LinkKind.FILE,
        str(Path("/home/ada/articles/timetable.html")),
        "x",
    )
    for article in (PAGE, "", "-"):
        assert classify("file:///etc/passwd", article).kind is LinkKind.REFUSED
    assert classify("file://fileserver/share/a.html", FILE).kind is LinkKind.REFUSED


def test_a_web_link_without_a_host_or_an_unresolved_relative_one_is_refused() -> None:
    assert classify("http:/nohost", PAGE).kind is LinkKind.REFUSED
    assert classify("timetable.html", "").kind is LinkKind.REFUSED


def test_a_target_is_shown_on_one_line_without_controls_or_password() -> None:
    url = "https://ada:s3cret@news.example/a\x1b[31mred\nline"
    text = shown(url)
    assert "s3cret" not in text and "\x1b" not in text and "\n" not in text
    assert text == "https://news.example/ared line"


def test_a_long_target_is_shortened_in_the_middle() -> None:
    url = "https://news.example/" + "long-path/" * 20 + "end.html"
    text = shown(url, 40)
    assert len(text) == 40
    assert text.startswith("https://news.example/") and text.endswith("end.html")
    assert "…" in text
    assert shown("https://a.example/", 40) == "https://a.example/"
    assert shown(url, 1) == "…"


def test_slug_names_headings_as_github_does() -> None:
    assert slug("What happens next?") == "what-happens-next"
    assert slug("A smaller, quieter boat") == "a-smaller-quieter-boat"
    assert slug("Concerns about winter weather and more", 3) == "concerns-about-winter"
    assert slug("Ünïcode wörds") == "ünïcode-wörds"
