"""Remove what a terminal would act on from untrusted text."""

from __future__ import annotations

import re
import unicodedata

# ESC-introduced sequences: CSI, OSC (BEL or ST terminated), DCS/SOS/PM/APC strings, and the
# two-character escapes. 8-bit C1 forms (0x9b CSI, 0x9d OSC) are handled the same way. A string
# with no terminator ends at its line's end: the text after it is the article's, not the
# sequence's (the ESC that made it a sequence is gone either way).
_ESCAPES = re.compile(
    r"""
    (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]?                            # CSI ... final byte
  | (?:\x1b\]|\x9d)[^\n]*?(?:\x07|\x1b\\|\x9c|(?=\n)|\Z)          # OSC ... BEL or ST
  | (?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\n]*?(?:\x1b\\|\x9c|(?=\n)|\Z)  # DCS, SOS, PM, APC
  | \x1b[ -/]*[0-~]?                                             # other escapes (nF, Fp, Fe, Fs)
    """,
    re.VERBOSE,
)
# C0 and C1 controls except tab and newline, DEL, and the bidi overrides and isolates that
# could make a terminal show text in an order other than the one stored.
_ESCAPE_START = re.compile("[\x1b\x90-\x9f]")
# Also the two noncharacters XML cannot hold (lxml would refuse the page) and lone surrogates.
_CONTROLS = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff\ud800-\udfff]"
)


def strip_control(text: str) -> str:
    """Drop terminal escape sequences and control characters; keep tabs and newlines."""
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Most text holds nothing to strip. Every character the patterns below remove (controls,
    # ESC, the bidi overrides) is unprintable, so one C-speed scan proves the common case:
    # 3 MB in ~15 ms where the two regular expressions take ~60 ms.
    if text.replace("\n", "").replace("\t", "").isprintable():
        return text
    # What isprintable refuses is mostly a soft hyphen or a zero-width space, which stay: one
    # scan for a control proves that, and an escape can only start at or after the first.
    first = _CONTROLS.search(text)
    if first is None:
        return text
    # Most text has no escape at all: one scan for an introducer saves the slow pass.
    if _ESCAPE_START.search(text, first.start()):
        text = _ESCAPES.sub("", text)
    return _CONTROLS.sub("", text)


def clean_text(text: str) -> str:
    """Untrusted text made safe to store and show: no controls, NFC, tabs expanded."""
    return unicodedata.normalize("NFC", strip_control(text)).expandtabs(4)


_CHAR_REF = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")


def _char_ref(match: re.Match[str]) -> str:
    digits = (match[1] or match[2]).lstrip("0")
    code = int(digits or "0", 16 if match[1] else 10) if len(digits) <= 8 else 0x110000
    if (
        0x20 <= code < 0x7F
        or code in (9, 10, 13)
        or (
            0xA0 <= code <= 0x10FFFF
            and code not in (0xFFFE, 0xFFFF)
            and not 0xD800 <= code <= 0xDFFF
        )
    ):
        return match[0]
    if 0x80 <= code <= 0x9F:  # what a browser shows: &#150; is Windows-1252's en dash
        # Imported here: html's table of entities costs a text-only clean 9 M instructions.
        import html

        return strip_control(html.unescape(f"&#{code};"))
    return ""  # a control, noncharacter, surrogate or no character at all: nothing shown


def drop_bad_char_refs(markup: str) -> str:
    """HTML with its numeric character references to controls, surrogates and noncharacters
    replaced by what a browser shows (`&#150;` an en dash, `&#1;` nothing); others kept."""
    if "&#" not in markup:
        return markup
    return _CHAR_REF.sub(_char_ref, markup)


_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)[^/?#]*@")


def strip_credentials(url: str) -> str:
    """`url` without a user name or password (`https://user:pw@host/` -> `https://host/`)."""
    return _USERINFO.sub(r"\1", url, count=1)


def shown(
    text: str, limit: int | None = None, lines: int | None = None, one_line: bool = False
) -> str:
    """Stored text as any widget shows it: the one rule for every screen.

    A store can be copied, synced or edited by hand, so nothing it holds is trusted: escape
    sequences and control characters go (an OSC 52 in a note would set the clipboard, an OSC 0
    the terminal's title). `one_line` makes every run of whitespace one space. With `limit`
    (characters) or `lines`, a long text (a 1 MB note) is cut, with a marker saying how much is
    not shown; it is cut first, so the work is that of what is shown.
    """
    head = text if limit is None else text[: limit * 2 + 16]  # room for controls that go
    kept = strip_control(head)
    if one_line:
        kept = " ".join(kept.split())
    cut = len(head) < len(text)
    if lines is not None and kept.count("\n") >= lines:
        kept = "\n".join(kept.split("\n", lines)[:lines])
        cut = True
    if limit is not None and len(kept) > limit:
        kept = kept[:limit]
        cut = True
    if not cut:
        return kept
    return kept.rstrip() + f" … [{max(1, len(text) - len(kept)):,} more characters]"
