"""Plain-text cleaning on small pages in several languages and shapes."""

from reader.clean import clean
from reader.commands.clean import to_markdown, to_text
from reader.load import Source, SourceKind


def _clean(text: str):
    return clean(Source(SourceKind.TEXT, text, "page.txt", "0"))


JAPANESE = """* ホーム
* ニュース
* スポーツ
ログイン

東京の川沿いに新しい公園が開園

2024年5月1日

東京都は一日、隅田川沿いに新しい公園を開園したと発表した。公園には遊歩道や子ども向けの広場が整備され、朝から多くの家族連れが訪れた。

都の担当者によると、この公園は古い倉庫の跡地を利用して造られたもので、川の景色を楽しめる展望台も設けられている。地元の住民からは歓迎の声が上がっている。

開園式では知事があいさつし、今後も水辺の空間を市民に開いていく考えを示した。周辺の商店街でも記念のイベントが開かれた。

関連記事
* 大阪でも新しい公園の計画
© 2024 Example News
"""


def test_japanese_article_is_found_and_its_chrome_dropped():
    cleaned = _clean(JAPANESE)
    body = to_text(cleaned, body_only=True)
    assert body.startswith("東京都は一日、隅田川沿いに新しい公園を開園したと発表した。")
    assert body.endswith("周辺の商店街でも記念のイベントが開かれた。")
    assert body.count("\n\n") == 2
    assert cleaned.metadata.title == "東京の川沿いに新しい公園が開園"
    assert cleaned.metadata.date == "2024年5月1日"
    reasons = {b.markdown: b.reason for b in cleaned.blocks if not b.kept}
    assert reasons["関連記事"] == "related link"


RUSSIAN = "\n".join(
    [
        "Главная",
        "Новости",
        "Поиск",
        "",
        "Мэрия открыла новый мост через реку",
        "",
        (
            "Строительство моста заняло два года, и теперь жители района могут "
            "добраться до центра города за десять минут вместо получаса."
        ),
        "",
        (
            "Мост длиной четыреста метров построен из стали и бетона, а его "
            "освещение будет работать на солнечных батареях, установленных на "
            "опорах."
        ),
        "",
        "Читайте также",
        "Как изменится движение в центре",
        "",
        (
            "По словам представителей мэрии, по мосту уже в первый день проехали "
            "более пяти тысяч автомобилей, а пешеходная часть была заполнена "
            "горожанами."
        ),
        "",
        (
            "Следующим летом на набережной рядом с мостом планируют открыть парк и "
            "велосипедные дорожки для жителей."
        ),
        "",
        "Комментарии",
        "Подпишитесь на нашу рассылку",
        "",
    ]
)


def test_russian_article_runs_across_an_inline_read_also_box():
    cleaned = _clean(RUSSIAN)
    body = to_text(cleaned, body_only=True).split("\n\n")
    assert [p[:20] for p in body] == [
        "Строительство моста ",
        "Мост длиной четырест",
        "По словам представит",
        "Следующим летом на н",
    ]
    assert cleaned.metadata.title == "Мэрия открыла новый мост через реку"
    reasons = {b.markdown: b.reason for b in cleaned.blocks if not b.kept}
    assert reasons["Читайте также"] == "related link"
    assert reasons["Как изменится движение в центре"] == "related link"
    assert reasons["Комментарии"] == "comment prompt"


def test_headings_inside_the_article_become_sections():
    paragraphs = [
        f"Paragraph {i} tells the story of the harbour, where the boats came in late and the "
        "fishermen sold what they had caught to the people waiting on the quay."
        for i in range(6)
    ]
    text = "\n\n".join(
        [
            "The harbour at night",
            *paragraphs[:3],
            "What the fishermen say",
            *paragraphs[3:],
        ]
    )
    markdown = to_markdown(_clean(text), body_only=True)
    assert "\n\n## What the fishermen say\n\n" in markdown
    assert markdown.count("## ") == 1


def test_hard_wrapped_paragraphs_are_joined():
    sentence = (
        "The volunteers walked every lane and footpath of the valley, counting the old trees "
        "and writing down what the owners remembered of them, one orchard after another."
    )
    import textwrap

    paragraphs = [textwrap.fill(f"{sentence} ({i})", width=72) for i in range(4)]
    cleaned = _clean("\n\n".join(paragraphs))
    body = to_text(cleaned, body_only=True).split("\n\n")
    assert body == [f"{sentence} ({i})" for i in range(4)]


def test_text_without_any_chrome_is_kept_whole():
    poem = "Night Harbour\n\nThe boats come in\nlate and slow,\nthe gulls asleep\nin a row.\n"
    cleaned = _clean(poem)
    assert cleaned.metadata.title == ""
    assert all(block.kept for block in cleaned.blocks)
    assert to_text(cleaned, body_only=True).split("\n\n")[1:] == [
        "The boats come in",
        "late and slow,",
        "the gulls asleep",
        "in a row.",
    ]
