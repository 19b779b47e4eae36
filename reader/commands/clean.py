"""`reader clean FILE|URL|-`: print the cleaned article as Markdown, plain text or JSON."""

from __future__ import annotations

import argparse
import gc
import sys

from reader.cleaned import Cleaned
from reader.errors import ReaderError
from reader.limits import DEFAULT_MAX_BYTES, DOWNLOAD_SECONDS, max_bytes_from, seconds_from
from reader.markdown_escape import escape_markdown
from reader.metadata import Metadata
from reader.target import load_target


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reader clean",
        description="Clean a saved page (text, HTML, Markdown) or a URL down to its article.",
    )
    parser.add_argument("source", help="file, http(s) URL, or - for standard input")
    parser.add_argument(
        "--format",
        choices=("markdown", "text", "json"),
        default="markdown",
        help="output: Markdown (default), plain text, or JSON with the removed blocks",
    )
    parser.add_argument(
        "--body-only",
        action="store_true",
        help="only the article body: no title, standfirst, byline or date",
    )
    parser.add_argument(
        "--max-size",
        type=float,
        default=DEFAULT_MAX_BYTES / 1e6,
        metavar="MB",
        help=f"refuse inputs larger than this (default {DEFAULT_MAX_BYTES / 1e6:.0f} MB)",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=DOWNLOAD_SECONDS,
        metavar="SECONDS",
        help=f"give up on a URL whose download takes longer (default {DOWNLOAD_SECONDS:g} s)",
    )
    return parser


def run(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    max_bytes, download_seconds = max_bytes_from(args.max_size), seconds_from(args.timeout)
    from reader.clean import clean

    # One page, cleaned, printed, then the process ends: cleaning allocates some 100,000
    # objects for a 1 MB page and no cycles, so the cyclic collector's passes are pure cost.
    gc.disable()
    cleaned = clean(load_target(args.source, max_bytes, download_seconds))
    # page_blocks, not blocks: whether anything is kept needs no block keys, and hashing
    # every block of a 1 MB page costs a tenth of its cleaning (JSON works them out).
    if args.format != "json" and not any(block.kept for block in cleaned.page_blocks):
        removed = len(cleaned.page_blocks)
        raise ReaderError(
            f"{args.source}: no article text found"
            + (
                f" ({removed} blocks looked like page chrome: --format json lists them)"
                if removed
                else ""
            )
        )
    if args.format == "json":
        output = to_json(cleaned, args.body_only)
    elif args.format == "text":
        output = to_text(cleaned, args.body_only)
    else:
        output = to_markdown(cleaned, args.body_only)
    sys.stdout.write(output if output.endswith("\n") else output + "\n")
    return 0


def _header_lines(metadata: Metadata) -> list[str]:
    credit = " · ".join(part for part in (metadata.byline, metadata.date) if part)
    return [part for part in (metadata.subtitle, credit) if part]


def to_markdown(cleaned: Cleaned, body_only: bool = False) -> str:
    body = cleaned.markdown_body()
    if body_only:
        return body
    head = [f"# {escape_markdown(cleaned.metadata.title)}"] if cleaned.metadata.title else []
    head += [escape_markdown(line) for line in _header_lines(cleaned.metadata)]
    return "\n\n".join([*head, body] if body else head)


def to_text(cleaned: Cleaned, body_only: bool = False) -> str:
    # A title in the metadata keeps parse_markdown from taking a body heading as the title.
    from reader.document import parse_markdown

    metadata = cleaned.metadata._replace(title=cleaned.metadata.title or "-")
    # Images are blocks of the Document (the cursor lands on them) but not words of the text.
    body = parse_markdown(cleaned.markdown_body(), metadata).prose()
    if body_only:
        return body
    head = [cleaned.metadata.title] if cleaned.metadata.title else []
    head += _header_lines(cleaned.metadata)
    return "\n\n".join([*head, body] if body else head)


def to_json(cleaned: Cleaned, body_only: bool = False) -> str:
    import json  # only this format needs it: the others start sooner without

    data: dict[str, object] = {
        "metadata": cleaned.metadata._asdict(),
        "markdown": cleaned.markdown_body(),
    }
    if not body_only:
        data["blocks"] = [block._asdict() for block in cleaned.blocks]
        data["removed"] = [
            {"key": b.key, "reason": b.reason, "markdown": b.markdown}
            for b in cleaned.blocks
            if not b.kept
        ]
    return json.dumps(data, ensure_ascii=False, indent=1)
