"""The seed page: exactly the headline, standfirst, byline, date and the 18 body paragraphs."""

from pathlib import Path

from reader.article import build_document
from reader.clean import clean
from reader.load import load_path

SEED = Path(__file__).parents[2] / "sample_articles" / "independent-assad-flee-syria.txt"


def _paragraphs() -> list[str]:
    text = SEED.read_text(encoding="utf-8")
    start = text.index("Russian intelligence agents persuaded")
    end = text.index("Join our commenting forum")
    body = [p.strip() for p in text[start:end].split("\n\n") if p.strip()]
    # The photo caption, shown twice (the second time with its credit), is not the article.
    return [p for p in body if not p.startswith("A Syrian opposition fighter")]


def test_seed_metadata_is_headline_standfirst_byline_date():
    metadata = clean(load_path(SEED)).metadata
    assert metadata.title == "How Putin’s intelligence agents convinced Assad to flee Syria"
    assert metadata.subtitle == (
        "Fresh details have emerged of the ousted Syrian dictactor’s escape "
        "with the help of the Kremlin"
    )
    assert metadata.byline == "Angus Thompson"
    assert metadata.date == "Wednesday 11 December 2024 09:09 EST"


def test_seed_body_is_exactly_the_18_paragraphs():
    document = build_document(clean(load_path(SEED)))
    body = [document.block_text(i) for i in range(document.header, len(document.blocks))]
    assert len(_paragraphs()) == 18
    assert body == _paragraphs()
    assert not document.sections


def test_seed_removed_blocks_say_why():
    cleaned = clean(load_path(SEED))
    removed = {b.markdown.replace("\\", ""): b.reason for b in cleaned.blocks if not b.kept}
    assert removed["Comments"] == "comment prompt"
    assert removed["Your support makes all the difference."] == "donation appeal"
    assert removed["Thank you for registering"] == "log-in prompt"
    assert any(r.startswith("image caption") for r in removed.values())
    assert all(reason for reason in removed.values())
    # Nothing is lost: every line of the page is a block, kept or removed.
    lines = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(cleaned.blocks) == len(lines)
