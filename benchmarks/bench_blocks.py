"""Loading an article of N short paragraphs: does the time grow linearly with N?

Issue 12 item 12: a 7 MB text of a million short paragraphs showed "Loading…" for ~40 s. For
10k, 100k and 1M paragraphs (`Para N is short.`, as text and as Markdown) this prints the
process CPU time of each step the reader takes before the whole article is on screen: load
(decode, sanitise), clean, build the Document (markdown-it parse), wrap at 80 columns; then
the time per thousand blocks, which stays about the same when the work is linear. Asserts
nothing. (1M takes a minute or two.)

    python benchmarks/bench_blocks.py [--sizes 10000,100000,1000000]
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reader.article import build_document  # noqa: E402
from reader.clean import clean  # noqa: E402
from reader.load import SourceKind, load_bytes  # noqa: E402
from widgets.line_layout import wrap  # noqa: E402


def steps(kind: SourceKind, blocks: int) -> list[float]:
    text = "Many short paragraphs\n\n" + "".join(f"Para {i} is short.\n\n" for i in range(blocks))
    times = []
    start = time.process_time()
    source = load_bytes(text.encode(), "bench", kind=kind, max_bytes=1 << 31)
    times.append(time.process_time() - start)
    start = time.process_time()
    cleaned = clean(source)
    times.append(time.process_time() - start)
    start = time.process_time()
    document = build_document(cleaned)
    times.append(time.process_time() - start)
    start = time.process_time()
    wrap(document, 80, False)
    times.append(time.process_time() - start)
    del source, cleaned, document
    gc.collect()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    args = parser.parse_args()
    print(f"{'input':18}{'load':>8}{'clean':>8}{'document':>10}{'wrap':>8}{'total':>9}  per 1k")
    for kind in (SourceKind.TEXT, SourceKind.MARKDOWN):
        for blocks in (int(size) for size in args.sizes.split(",")):
            times = steps(kind, blocks)
            total = sum(times)
            print(
                f"{kind.value + f' {blocks:,}':18}"
                + "".join(f"{t:>8.2f}" if i != 2 else f"{t:>10.2f}" for i, t in enumerate(times))
                + f"{total:>9.2f}  {total / blocks * 1000:.3f} s",
                flush=True,
            )


if __name__ == "__main__":
    main()
