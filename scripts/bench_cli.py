"""How long `zangraph --version`, `zangraph --help` and each `zangraph COMMAND --help` take to answer (goal:
under 0.3 s), for docs/benchmarks.md. A measurement, not a test: ten runs of each, the median and the slowest."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

from zangraph.cli.main import COMMANDS

RUNS = 10


def timed(*args: str) -> list[float]:
    exe = Path(sys.executable).parent / "zangraph"
    out = []
    for _ in range(RUNS):
        start = time.perf_counter()
        subprocess.run([str(exe), *args], capture_output=True, check=True)
        out.append(time.perf_counter() - start)
    return out


def main() -> None:
    for args in (["--version"], ["--help"], *([name, "--help"] for name in COMMANDS)):
        runs = timed(*args)
        print(f"zangraph {' '.join(args)}: median {statistics.median(runs):.3f} s, slowest {max(runs):.3f} s "
              f"({RUNS} runs)")


if __name__ == "__main__":
    main()
