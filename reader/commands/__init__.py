"""Subcommands of the `reader` CLI, one module each, each with `run(argv) -> int`."""
