"""A highlight that fits two places after an edit is shown as ambiguous, never as fine."""

from __future__ import annotations

from pathlib import Path

from reader.cli import main
from tests.ui.helpers import make_app
from widgets.annotation_panel import AnnotationPanel

ESSAY = Path(__file__).parents[2] / "sample_articles" / "notes-in-the-margin.md"


def panel_text(app) -> str:
    listing = app.screen.query_one("#panel-list")
    return "\n".join(
        str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count)
    )


async def test_the_design_rule_tie_is_ambiguous_in_the_panel_and_left_as_recorded(
    tmp_path: Path, temp_store: Path
):
    copy = tmp_path / "essay.md"
    essay = ESSAY.read_text(encoding="utf-8")
    copy.write_text(essay, encoding="utf-8")
    assert main(["notes", "add", str(copy), "--quote", "Design rule:", "--note", "keys"]) == 0
    copy.write_text(
        essay.replace(
            "*Design rule:* selecting and marking",
            "*Design rule:* selecting a colour should take one key.\n\n"
            "*Design rule:* selecting and marking",
        ),
        encoding="utf-8",
    )
    app = make_app(copy, temp_store)
    async with app.run_test(size=(110, 36)) as pilot:
        await pilot.press("H")
        panel = app.screen.query_one(AnnotationPanel)
        assert panel.display
        assert "ambiguous" in panel_text(app)
        await pilot.press(*"ambiguous")
        assert "Design rule:" in panel_text(app)
        [record] = app.library.annotations(app.article.record.id)
        # Not saved as if it had moved: the next open weighs the recorded context again.
        assert record.suffix == " selecting and marking a passage"
        assert record.reanchored == ""
    app.library.close()
