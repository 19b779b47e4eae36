"""Hostile runs of spaces, blank lines and punctuation: cleaning time as the run grows.

A pattern that backtracks over a run costs the square of its length (issue 12 item 9: `# a`,
100,000 spaces and `b` took 47 s to clean). For each input shape this prints the process CPU
time of cleaning (load, clean, build the Document) at 10k, 100k and 1M characters, and the
ratio of the 1M time to the 100k time: about 10 when the work is linear, 100 when quadratic.
Then the slowest pattern of tests/unit/test_linear_patterns.py over its inputs. Asserts
nothing.

    python benchmarks/bench_patterns.py [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.article import build_document  # noqa: E402
from reader.clean import clean  # noqa: E402
from reader.load import SourceKind, load_bytes  # noqa: E402

SHAPES: dict[str, tuple[SourceKind, str, str, str]] = {
    # name: (kind, head, repeated unit, tail)
    "md: # a, spaces, b (the issue)": (SourceKind.MARKDOWN, "# a", " ", "b"),
    "md: blank lines": (SourceKind.MARKDOWN, "# T\n\nText.", "\n", "b"),
    "md: dashes": (SourceKind.MARKDOWN, "# T\n\n", "-", "b"),
    "md: '# ' repeated": (SourceKind.MARKDOWN, "", "# ", "b"),
    "text: spaces in a line": (SourceKind.TEXT, "Title\n\nA line ", " ", "end."),
    "text: dots": (SourceKind.TEXT, "Title\n\nA line ", ".", "end"),
    "text: ' -' repeated": (SourceKind.TEXT, "Title\n\n", " -", "x"),
    "text: short lines": (SourceKind.TEXT, "Title\n\n", "a b.\n", "end"),
    "html: spaces in a paragraph": (SourceKind.HTML, "<p>Words ", " ", "end.</p>"),
    "html: unclosed tags": (SourceKind.HTML, "<p>Words ", "<a ", "end.</p>"),
}


def clean_seconds(kind: SourceKind, text: str) -> float:
    start = time.process_time()
    source = load_bytes(text.encode(), "bench", kind=kind, max_bytes=1 << 30)
    build_document(clean(source))
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    print(f"{'input':32}" + "".join(f"{size:>12,}" for size in sizes) + "   last/prev")
    for name, (kind, head, unit, tail) in SHAPES.items():
        times = [clean_seconds(kind, head + unit * (size // len(unit)) + tail) for size in sizes]
        ratio = times[-1] / times[-2] if len(times) > 1 and times[-2] > 0 else 0.0
        print(f"{name:32}" + "".join(f"{t:>11.3f}s" for t in times) + f"   {ratio:8.1f}")

    sys.path.insert(0, str(ROOT / "tests" / "unit"))
    from test_linear_patterns import LENGTH, PATTERNS, PIECES, _scan

    worst = (0.0, "", "")
    for name, pattern in PATTERNS.items():
        for piece in [*PIECES, " \n", "# "]:
            text = "# a" + piece * (LENGTH // len(piece)) + "b"
            start = time.process_time()
            _scan(name, pattern, text)
            took = time.process_time() - start
            if took > worst[0]:
                worst = (took, name, piece)
    print(
        f"\nslowest of {len(PATTERNS)} patterns over {LENGTH:,}-character runs: "
        f"{worst[0] * 1000:.1f} ms ({worst[1]}, run of {worst[2]!r})"
    )


if __name__ == "__main__":
    main()
