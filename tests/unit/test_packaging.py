"""Packaging as a user installs it: every import declared, one version, `python -m reader`."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import reader
from tests.conftest import ROOT, SAMPLES

CONSTRAINTS = ROOT / "constraints.txt"

# As a user's install would: the modules of packages not declared (not even by a dependency,
# but for an extra) cannot be imported. Then imports everything the app and the commands can
# import, the lazy imports too, by cleaning each kind of sample.
_IMPORT_ALL = """
import contextlib, importlib.abc, io, json, pkgutil, sys
blocked = set(json.loads(sys.argv[1]))
class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path, target=None):
        if name.split(".")[0] in blocked:
            raise ModuleNotFoundError(f"not declared: {name}", name=name)
sys.meta_path.insert(0, Absent())
import reader, store, widgets
for package in (reader, store, widgets):
    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if not info.name.endswith(".__main__"):  # that one runs the app
            __import__(info.name)
from reader.cli import main
for sample in sys.argv[2:]:
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["clean", sample]) == 0, sample
"""


def _closure(name: str, extras: frozenset[str] = frozenset()) -> set[str]:
    """The distributions `pip install name[extras]` installs, following no transitive extra.

    Older pips (Python 3.11's bundled 23.2) skip an extra asked for by a dependency, as in
    `lxml[html_clean]`, so only what is named outright counts as declared.
    """
    seen: set[str] = set()
    todo = [(name, extras)]
    while todo:
        dist, wanted = todo.pop()
        key = canonicalize_name(dist)
        if key in seen:
            continue
        seen.add(key)
        for line in metadata.requires(dist) or []:
            requirement = Requirement(line)
            marker = requirement.marker
            if marker is not None and not any(
                marker.evaluate({"extra": extra}) for extra in (wanted or {""})
            ):
                continue
            todo.append((requirement.name, frozenset()))
    return seen


def test_reader_runs_with_only_its_declared_dependencies_installed() -> None:
    declared = _closure("reader") | {"reader"}
    blocked = sorted(
        module
        for module, dists in metadata.packages_distributions().items()
        if not {canonicalize_name(d) for d in dists} & declared
    )
    assert "lxml_html_clean" not in blocked  # trafilatura's HTML path needs it
    samples = [str(p) for p in sorted(SAMPLES.iterdir()) if p.suffix in (".txt", ".md", ".html")]
    assert {Path(s).suffix for s in samples} == {".txt", ".md", ".html"}
    result = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, json.dumps(blocked), *samples],
        capture_output=True,
        text=True,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]


def test_every_installed_dependency_is_pinned_in_the_constraints_file() -> None:
    pins = {}
    for line in CONSTRAINTS.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = version
    needed = _closure("reader", frozenset({"test"})) - {"reader"}
    unpinned = sorted(needed - pins.keys())
    assert unpinned == [], f"add NAME==VERSION lines for {unpinned} to constraints.txt"
    for name in needed:
        assert metadata.version(name) == pins[name], f"{name}: .venv differs from constraints.txt"


def _reader(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )


def test_python_m_reader_prints_the_one_version() -> None:
    result = _reader("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"reader {reader.__version__}\n"
    assert metadata.version("reader") == reader.__version__


def test_python_m_reader_runs_a_command() -> None:
    result = _reader("clean", str(SAMPLES / "notes-in-the-margin.md"), "--format", "text")
    assert result.returncode == 0, result.stderr
    assert "Notes in the Margin" in result.stdout.splitlines()[0]


def test_the_licence_named_in_pyproject_ships_with_the_package() -> None:
    assert metadata.metadata("reader")["License-Expression"] == "MIT"
    assert "MIT License" in (ROOT / "LICENSE").read_text()
