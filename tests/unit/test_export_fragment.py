"""Links back to the source: `#:~:text=` fragments that browsers can follow."""

from __future__ import annotations

from urllib.parse import unquote

from reader.export import fragment


def test_syntax_characters_in_the_quote_are_percent_encoded():
    directive = fragment.text_directive("state-of-the-art, fast & cheap")
    assert directive == "text=state%2Dof%2Dthe%2Dart%2C%20fast%20%26%20cheap"
    assert unquote(directive.removeprefix("text=")) == "state-of-the-art, fast & cheap"


def test_a_repeated_quote_gets_prefix_and_suffix_words():
    directive = fragment.text_directive(
        "the heron", "Earlier that day we saw", "again by the shore.", unique=False
    )
    assert directive == "text=day%20we%20saw-,the%20heron,-again%20by%20the"


def test_context_stops_at_a_block_boundary():
    directive = fragment.text_directive("heron", "Title\n\nNew", "\n\nNext", unique=False)
    assert directive == "text=New-,heron"


def test_long_or_multi_block_quotes_link_by_their_first_and_last_words():
    long = "one two three four five six seven eight nine ten eleven twelve"
    assert (
        fragment.text_directive(long)
        == "text=one%20two%20three%20four,nine%20ten%20eleven%20twelve"
    )
    blocks = "end of the first paragraph\n\nstart of the second"
    assert (
        fragment.text_directive(blocks) == "text=end%20of%20the%20first,start%20of%20the%20second"
    )


def test_web_link_keeps_an_existing_fragment():
    assert fragment.web_link("https://x.org/a?b=1", "text=c") == "https://x.org/a?b=1#:~:text=c"
    assert fragment.web_link("https://x.org/a#sec", "text=c") == "https://x.org/a#sec:~:text=c"
    assert fragment.web_link("https://x.org/a#:~:text=old", "text=c") == "https://x.org/a#:~:text=c"
