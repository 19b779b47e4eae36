"""The key map as a Markdown table, for the README (`python -m widgets.keys_table`)."""

from __future__ import annotations

from widgets import keymap


def markdown_table() -> str:
    rows = ["| keys | what they do | where |", "|---|---|---|"]
    for spec in keymap.sorted_by_group():
        keys = " ".join(f"`{key}`" for key in keymap.shown_keys(spec).split(" "))
        rows.append(f"| {keys} | {spec.description} | {spec.group} |")
    return "\n".join(rows)


if __name__ == "__main__":
    print(markdown_table())
