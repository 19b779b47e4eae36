"""Run every benchmark script (benchmarks/bench_*.py, then tui_timing.py) and print their tables.

    python benchmarks/run_all.py [--runs N]    (--runs goes to tui_timing.py)

Exit status 1 if any script failed; the others still run.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def scripts() -> list[Path]:
    found = sorted(HERE.glob("bench_*.py"))
    timing = HERE / "tui_timing.py"
    return [*found, timing] if timing.exists() else found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per case in tui_timing.py")
    args = parser.parse_args()
    failed: list[str] = []
    for script in scripts():
        extra = ["--runs", str(args.runs)] if script.name == "tui_timing.py" else []
        print(f"== {script.name} ==", flush=True)
        start = time.perf_counter()
        status = subprocess.run([sys.executable, str(script), *extra], cwd=HERE.parent).returncode
        print(f"({script.name}: {time.perf_counter() - start:.0f} s, exit {status})\n", flush=True)
        if status != 0:
            failed.append(script.name)
    if failed:
        print("failed: " + ", ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
