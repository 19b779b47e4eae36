"""A template file that fails, loops for ever or grows without end is stopped, in one line
(issue #12, item 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.export import limited

ARTICLE = "# Field notes\n\nThe heron stood in the shallows, then took the fish in one strike.\n"


@pytest.fixture
def noted(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "field-notes.md"
    path.write_text(ARTICLE)
    assert main(["notes", "add", str(path), "--quote", "one strike", "--note", "patience"]) == 0
    capsys.readouterr()
    return path


def _export(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], template: str
) -> tuple[int, str, str]:
    path = tmp_path / "mine.md.j2"
    path.write_text(template)
    status = main(["export", "--all", "--template", str(path), "-o", "-"])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize(
    ("template", "message"),
    [
        ('{% include "other.j2" %}', "cannot include, import or extend"),
        ('{% extends "base.j2" %}', "cannot include, import or extend"),
        ('{% import "macros.j2" as m %}', "cannot include, import or extend"),
        ("{{ 1/0 }}", "ZeroDivisionError"),
        ("{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}", "calls itself too deeply"),
        ("{{ article.nothing.deeper }}", "has no attribute"),
        ('{{ "x" * 10**10 }}', "MB of memory"),
        ('{{ "x"|center(10**10) }}', "MB of memory"),
        ('{% for i in range(100000) %}{{ "y" * 1000 }}{% endfor %}', "more than 20,000,000"),
        ("{% if %}", "mine.md.j2:1:"),
    ],
)
def test_a_failing_template_is_one_line(
    noted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], template: str, message: str
):
    status, out, err = _export(tmp_path, capsys, template)
    assert status == 2 and out == ""
    assert err.startswith("reader: ") and err.count("\n") == 1, err
    assert message in err


def test_a_template_that_loops_for_ever_is_stopped(
    noted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch
):
    monkeypatch.setattr(limited, "TEMPLATE_SECONDS", 1.0)
    forever = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    status, _, err = _export(tmp_path, capsys, forever)
    assert status == 2 and "stopped after 1 s" in err and err.count("\n") == 1


def test_a_working_template_still_renders_in_its_limits(
    noted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    template = (
        "{{ article.title }}\n"
        "{% for h in article.highlights %}- {{ h.quote }}: {{ h.note }}\n{% endfor %}"
    )
    status, out, _ = _export(tmp_path, capsys, template)
    assert status == 0 and out == "Field notes\n- one strike: patience\n"


def test_a_template_path_that_is_a_pipe_is_refused(
    noted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
):
    import os

    fifo = tmp_path / "pipe.j2"
    os.mkfifo(fifo)
    assert main(["export", "--all", "--template", str(fifo), "-o", "-"]) == 2
    assert "not a regular file" in capsys.readouterr().err
