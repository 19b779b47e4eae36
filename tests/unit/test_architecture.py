"""The import contract and the README's map of it name the same modules."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import ROOT

CONTRACTS = {
    c["id"]: c
    for c in tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"][
        "contracts"
    ]
}


def _names(layer: str) -> set[str]:
    return {name.strip() for name in re.split(r"[:|]", layer)}


def test_both_contracts_place_the_same_modules_in_the_core() -> None:
    top_down = [_names(layer) for layer in CONTRACTS["layers"]["layers"]]
    placed = [_names(layer) for layer in CONTRACTS["core"]["layers"]]
    assert top_down[0] == {f"reader.{name}" for name in placed[0]}  # the entry points
    assert top_down[-1] == {f"reader.{name}" for name in placed[-1]}  # the core


def test_the_readme_map_names_every_module_the_contract_places() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Architecture") :]
    section = section[: section.index("\n## ", 1)]
    modules = set().union(*(_names(layer) for layer in CONTRACTS["core"]["layers"]))
    missing = sorted(
        name for name in modules if f"{name}.py`" not in section and f"{name}/`" not in section
    )
    assert missing == [], f"add these modules of reader/ to the README's Architecture: {missing}"
    for package in ("widgets/", "store/"):
        assert f"`{package}`" in section
