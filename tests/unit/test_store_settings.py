from pathlib import Path

from store.library import Library


def test_colour_meanings_persist_and_blank_clears(tmp_path: Path):
    library = Library(tmp_path)
    library.set_color_meaning("yellow", "  important  ")
    library.set_color_meaning("blue", "question")
    library.close()
    again = Library(tmp_path)
    assert again.color_meanings() == {"yellow": "important", "blue": "question"}
    again.set_color_meaning("blue", "")
    assert again.color_meanings() == {"yellow": "important"}
