"""The back/forward trail: back to exactly where the reader was, forward again, as a browser."""

from __future__ import annotations

from reader.history import History, Place

FERRY = Place("https://news.example/ferry", cursor=120, top=80, scroll_y=12.0, width=80)
TIMETABLE = Place("https://news.example/timetable", cursor=30, top=0, scroll_y=0.0, width=80)
FARES = Place("https://news.example/fares", cursor=5)


def test_back_returns_the_place_left_and_forward_comes_back() -> None:
    history = History()
    assert not history.can_go_back and history.back(FERRY) is None
    history.visit(FERRY)  # followed a link from the ferry story to the timetable
    assert history.can_go_back and not history.can_go_forward
    assert history.back(TIMETABLE) == FERRY
    assert history.can_go_forward and not history.can_go_back
    assert history.forward(FERRY) == TIMETABLE
    assert history.back(TIMETABLE) == FERRY


def test_a_new_visit_after_going_back_drops_the_forward_trail() -> None:
    history = History()
    history.visit(FERRY)
    assert history.back(TIMETABLE) == FERRY
    history.visit(FERRY)  # a different link this time
    assert not history.can_go_forward
    assert history.forward(FARES) is None
    assert history.back(FARES) == FERRY


def test_many_hops_unwind_in_order_and_the_oldest_are_forgotten() -> None:
    history = History(limit=3)
    places = [Place(f"https://news.example/{n}", cursor=n) for n in range(5)]
    for place in places[:-1]:
        history.visit(place)
    here = places[-1]
    seen = []
    while (back := history.back(here)) is not None:
        seen.append(back.article)
        here = back
    assert seen == ["https://news.example/3", "https://news.example/2", "https://news.example/1"]
    assert len(history) == 3
