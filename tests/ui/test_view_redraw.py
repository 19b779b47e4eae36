"""After each key, every row on screen is the row drawn afresh: no change leaves a stale row.

The document view caches its rows and drops them through one path (`invalidate`), driven by
the watchers of its reactive state: the cursor, the selection, the removed block under the
cursor, the search matches and the current one, the highlights. A row some change forgot to
drop would still show the old cursor, selection, match or highlight; here each key's screen
is compared with the same rows drawn from an empty cache.
"""

from __future__ import annotations

from rich.segment import Segment

from tests.conftest import SEED
from tests.ui.helpers import make_app, view_of
from widgets.document_view import DocumentView

SIZE = (100, 30)

# Word and sentence moves, selections grown and cancelled, a highlight, a search with n and N,
# the removed blocks (R) stepped onto and off, a click, and scrolling the cursor off screen.
KEYS = [
    *("w", "w", ")", "v", "w", "w", "b", "escape", "s", "escape", "p", "w", "escape"),
    *("v", "w", "h", "w", "w", "greater_than_sign", "less_than_sign"),
    *("slash", "t", "h", "e", "enter", "n", "n", "N", "N", "N"),
    *("R", "left_curly_bracket", "left_curly_bracket", "right_curly_bracket", "w"),
    *("right_curly_bracket", "right_curly_bracket", "R", "j", "space", "w", "G", "g"),
]


def rows(view: DocumentView) -> list[list[Segment]]:
    height = view.scrollable_content_region.height
    return [list(view.render_line(y)) for y in range(height)]


async def test_every_row_shown_after_a_key_is_the_row_drawn_afresh(temp_store):
    app = make_app(SEED, temp_store)
    async with app.run_test(size=SIZE) as pilot:
        view = view_of(app)
        await pilot.pause()
        drawn: list[str] = []
        for key in [*KEYS[:9], "click", *KEYS[9:]]:
            if key == "click":
                await pilot.click(DocumentView, offset=(30, 8))
            else:
                await pilot.press(key)
            await pilot.pause()
            drawn.append(key)
            shown = rows(view)
            view.invalidate(redraw=False)
            assert rows(view) == shown, f"a stale row after {' '.join(drawn)}"
        assert view.marks  # the highlight was made, and drawn
