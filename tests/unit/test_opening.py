"""The line that says how far a page's download is: what, how far, and Esc, in the width."""

from __future__ import annotations

import pytest

from reader.errors import Cancelled
from widgets.opening import Opening, received_line


def test_how_far_a_download_is_said_in_kilobytes_or_megabytes() -> None:
    assert received_line(0, 120_000) == "0 bytes of 120 kB"
    assert received_line(48_200, 120_000) == "48 kB of 120 kB"
    assert received_line(1_234_567, None) == "1.2 MB"


def test_a_long_address_is_shortened_so_how_far_and_esc_stay_in_sight() -> None:
    url = "https://news.example/" + "very-long-path/" * 20 + "page.html"
    opening: Opening[None] = Opening(url)
    opening.progress(48_200, 120_000)
    line = str(opening.line(90))
    assert len(line) <= 90
    assert line.startswith("Opening https://news.example/…")
    assert line.endswith("page.html … 48 kB of 120 kB  Esc cancels")
    assert url in str(opening.line())  # no width: the whole address


def test_a_cancelled_opening_stops_its_download_at_the_next_piece() -> None:
    opening: Opening[None] = Opening("https://news.example/a")
    opening.progress(1000, None)
    opening.cancelled = True
    with pytest.raises(Cancelled):
        opening.progress(2000, None)
    assert opening.said == "1 kB"
