"""Progress of long work, for people watching a terminal: each step on standard error with the seconds since
the start. The library reports steps through a plain callback (``Callable[[str], None]``); the commands pass
one of these."""

from __future__ import annotations

import sys
import time
from typing import TextIO


class Progress:
    def __init__(self, stream: TextIO | None = None) -> None:
        self.start = time.perf_counter()
        self.stream = stream

    def __call__(self, step: str) -> None:
        # Standard error as it is when the step is reported (a test runner may have replaced it since).
        print(f"[{time.perf_counter() - self.start:5.1f}s] {step}", file=self.stream or sys.stderr, flush=True)
