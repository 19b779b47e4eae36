"""What a page says about its article: title, standfirst, byline, date, site and source."""

# No `from __future__ import annotations` here: a NamedTuple's annotations would be strings,
# each compiled at import (typing.ForwardRef), the first compile of a run ~10 M instructions.
from typing import NamedTuple


class Metadata(NamedTuple):
    """What the page says about the article, shown above the body.

    A named tuple rather than a dataclass, like the other records on the cleaning path: a
    `reader clean` run then never imports `dataclasses` (with `inspect`, ~17 ms) nor builds
    dataclasses (~1.3 ms each), a tenth of cleaning a 1 MB page.
    """

    title: str = ""
    subtitle: str = ""
    byline: str = ""
    date: str = ""
    site: str = ""
    source: str = ""
