"""Rows that line up in a saved page: a table or a preformatted block, never prose to reflow.

A page saved as text keeps a table as lines whose cells are set apart by tabs or runs of
spaces, or joined to their values by dot leaders (`Trees recorded ...... 1,214`). Two or more
such lines in a row, whose cells start (or end) at a shared column, are one block: the cleaner
keeps it line for line, as a preformatted block.
"""

from __future__ import annotations

import re

# A cell boundary inside a line: a tab, or two spaces or more, between two visible characters.
_GAP = re.compile(r"\S(?:\t| {2,})(?=\S)")
# Dot leaders (or rules of underscores) from a label to its value.
_LEADER = re.compile(r"\S ?(?:\.{4,}|(?:\. ){3,}\.?|…{2,}|_{4,}) ?\S")


def _candidate(line: str) -> bool:
    # `in` tests first: most lines hold neither a double space, a tab nor a run of dots.
    if "  " in line or "\t" in line:
        return _GAP.search(line.strip()) is not None or _LEADER.search(line) is not None
    if "...." in line or ". . ." in line or "……" in line or "____" in line:
        return _LEADER.search(line) is not None
    return False


_MARKS = ("  ", "\t", "....", ". . .", "……", "____")


def row_lines(text: str) -> dict[int, str]:
    """The lines of `text` (by number) that may be rows of a table: cells set apart in them.

    Only the lines that hold a mark that sets cells apart (found by searching the text for
    each mark, not by a test of every line) are read.
    """
    found: dict[int, str] = {}
    for mark in _MARKS:
        position = text.find(mark)
        while position >= 0:
            start = text.rfind("\n", 0, position) + 1
            end = text.find("\n", position)
            found[start] = text[start : end if end >= 0 else len(text)]
            position = text.find(mark, end) if end >= 0 else -1
    rows: dict[int, str] = {}
    counted, number = 0, 0
    for start in sorted(found):
        number += text.count("\n", counted, start)
        counted = start
        if _candidate(found[start]):
            rows[number] = found[start]
    return rows


def tables(
    units: list[tuple[int, list[str]]], rows: dict[int, str]
) -> dict[int, tuple[int, list[str]]]:
    """Tables among the text's `units` (its lines, a wrapped one's parts together; see
    unwrap.py): two or more rows in a row that line up. Each table's first line number -> the
    number of the unit after it, and its rows: each as the text sets it out, with what a
    second wrap moved to the next line put back after it."""
    if len(rows) < 2:
        return {}
    found: dict[int, tuple[int, list[str]]] = {}
    positions = [index for index, (number, _) in enumerate(units) if number in rows]
    run: list[int] = []
    for position in [*positions, -2]:
        # The next unit, on the very next line (no blank line between): the same table.
        if run and position == run[-1] + 1 and units[position][0] == _next_line(units[run[-1]]):
            run.append(position)
            continue
        if len(run) >= 2:
            block = [_row(rows[units[index][0]], units[index][1][1:]) for index in run]
            if _line_up(block):
                after = units[run[-1] + 1][0] if run[-1] + 1 < len(units) else -1
                found[units[run[0]][0]] = (after, block)
        run = [position]
    return found


def _row(line: str, moved: list[str]) -> str:
    """A row as the text sets it out, with what a second wrap moved below put back."""
    return " ".join([line.rstrip(), *moved]) if moved else line


def _next_line(unit: tuple[int, list[str]]) -> int:
    return unit[0] + len(unit[1])


def _line_up(rows: list[str]) -> bool:
    """Whether the rows are one table: all dot-leadered, or with a column edge they all share."""
    if all(_LEADER.search(row) for row in rows):
        return True
    expanded = [row.expandtabs(8).rstrip() for row in rows]
    starts = set.intersection(*(_cell_edges(row, start=True) for row in expanded))
    return bool(starts) or bool(
        set.intersection(*(_cell_edges(row, start=False) for row in expanded))
    )


def _cell_edges(row: str, start: bool) -> set[int]:
    """Columns where an inner cell starts (or where a cell before a gap ends)."""
    edges = set()
    for match in _GAP.finditer(row):
        edges.add(match.end() if start else match.start())
    return edges


def preformatted(rows: list[str]) -> list[str]:
    """The rows without trailing space, tabs expanded, less the indent they all share."""
    expanded = [row.expandtabs(8).rstrip() for row in rows]
    indent = min(len(row) - len(row.lstrip()) for row in expanded)
    return [row[indent:] for row in expanded]
