"""Every regular expression that runs on article text is linear in it (issue #12, item 9).

`# a` followed by 100,000 spaces and `b` took 47 s to clean: a pattern that backtracks
over a run of spaces costs the square of its length. Each pattern of the reader core and the
widgets is scanned here over long runs of spaces, newlines and punctuation under a budget of
process CPU time (ITIMER_PROF, not the wall clock: a loaded machine does not trip it) that is
some 50 times what a linear scan of the input needs and a small part of what a quadratic one
takes. `re` checks for signals while it matches, so a runaway pattern is stopped, not waited
for. benchmarks/bench_patterns.py prints the times.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import signal
from collections.abc import Iterator

from hypothesis import example, given, settings
from hypothesis import strategies as st

import reader
import widgets
from tests.conftest import examples

LENGTH = 50_000
"""Characters per input: a linear scan takes milliseconds, a quadratic one many seconds."""
BUDGET = 2.0
"""CPU seconds one pattern may take over one input."""

# Patterns only ever tried at one place of a line (`.match` on a line): scanned that way.
MATCH_ONLY = {
    "reader.clean.unwrap._BLOCK_START",  # _BLOCK_START.match(line)
    "reader.clean.unwrap._UNDERLINE",  # _UNDERLINE.match(line)
    "reader.clean.html_blocks._TEASER_ITEM",  # _TEASER_ITEM.match(line)
}


def _modules() -> Iterator[object]:
    for package in (reader, widgets):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not info.name.endswith("__main__"):
                yield importlib.import_module(info.name)


def _patterns_in(value: object) -> Iterator[re.Pattern[str]]:
    if isinstance(value, re.Pattern) and isinstance(value.pattern, str):
        yield value
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _patterns_in(item)


def _all_patterns() -> dict[str, re.Pattern[str]]:
    found: dict[str, re.Pattern[str]] = {}
    for module in _modules():
        for name, value in vars(module).items():
            for index, pattern in enumerate(_patterns_in(value)):
                found[f"{module.__name__}.{name}" + (f"[{index}]" if index else "")] = pattern
    # Compiled on first use.
    from reader import text_units
    from widgets import line_layout

    found["reader.text_units._words()"] = text_units._words()
    found["widgets.line_layout._narrow_line(80)"] = line_layout._narrow_line(80)
    from reader.clean import lines

    for index, pattern in enumerate(lines._unspaced_scripts()):
        found[f"reader.clean.lines._unspaced_scripts()[{index}]"] = pattern
    return found


PATTERNS = _all_patterns()


class _OverBudget(Exception):
    pass


def _stop(signum: int, frame: object) -> None:
    raise _OverBudget


def _scan(name: str, pattern: re.Pattern[str], text: str) -> None:
    if name in MATCH_ONLY:
        pattern.match(text)
        pattern.match(text.lstrip())
    else:
        for _ in pattern.finditer(text):
            pass


def _slow_patterns(text: str, patterns: dict[str, re.Pattern[str]] = PATTERNS) -> list[str]:
    slow = []
    previous = signal.signal(signal.SIGPROF, _stop)
    try:
        for name, pattern in patterns.items():
            signal.setitimer(signal.ITIMER_PROF, BUDGET)
            try:
                _scan(name, pattern, text)
            except _OverBudget:
                slow.append(f"{name}: {pattern.pattern[:60]!r}")
            finally:
                signal.setitimer(signal.ITIMER_PROF, 0)
    finally:
        signal.signal(signal.SIGPROF, previous)
    return slow


def test_the_patterns_are_found():
    # The collector sees the patterns this test is about (a rename must not hide them).
    assert len(PATTERNS) > 50
    assert "reader.sanitize._ESCAPES" in PATTERNS
    assert "reader.markdown_escape._LINE_START" in PATTERNS
    assert "reader.clean.markdown_source._ATX_H1" in PATTERNS


def test_the_budget_catches_a_quadratic_pattern():
    # The pattern, run over the input, is stopped and named.
    quadratic = {"the issue's _ATX_H1": re.compile(r"^ {0,3}#(?!#)\s+(.*?)(?:\s+#+\s*)?$")}
    (slow,) = _slow_patterns("# a" + " " * LENGTH + "b", quadratic)
    assert slow.startswith("the issue's _ATX_H1")


PIECES = list(" \t\n\u00a0.,;:!?-–—_*#=+|>[](){}<&'\"`~\\/@%$^a1Z")


@settings(max_examples=examples(20))
@given(
    unit=st.text(st.sampled_from(PIECES), min_size=1, max_size=4),
    tail=st.text(st.sampled_from([*PIECES, "b", "\n"]), max_size=3),
)
@example(unit=" ", tail="b")  # "# a" + spaces + "b": the issue
@example(unit="\n", tail="")
@example(unit="-", tail="b")
@example(unit=" \n", tail="#")
@example(unit="\t ", tail="x\n")
@example(unit="\x1b]", tail="")
@example(unit="a ", tail="!")
def test_no_pattern_is_quadratic_over_long_runs(unit: str, tail: str):
    text = "# a" + unit * (LENGTH // len(unit)) + tail
    assert _slow_patterns(text) == []
