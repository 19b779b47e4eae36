"""A quote as the reader shows it: in quotation marks, unless it brings its own."""

from __future__ import annotations

OPENING = "“\"«‘'„‚"
CLOSING = "”\"»’'"


def quoted(text: str, limit: int) -> str:
    """`text` on one line, cut at `limit` characters, in “ ” unless it starts or ends with a
    quotation mark of its own (a sentence of reported speech): never ““doubled”."""
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[:limit].rstrip() + "…"
    if text[:1] in OPENING or text.rstrip(".,;:!?…")[-1:] in CLOSING:
        return text
    return f"“{text}”"
