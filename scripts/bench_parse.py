"""Time parsing the whole corpus (read, check, segment, resolve notes, findings, fidelity, alignment).

Prints the best and median wall time of several runs; the figures go in docs/benchmarks.md. This is a
measurement, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import platform
import statistics
import time

from zangraph.parse.corpus import parse_corpus
from zangraph.settings import Settings

RUNS = 20


def main() -> None:
    directory = Settings().sources_dir
    parse_corpus(directory)  # warm the imports and regex caches once
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        corpus = parse_corpus(directory)
        times.append(time.perf_counter() - start)
    texts = [(directory / d.source.file).read_bytes() for d in corpus.documents]
    lines = sum(len(t.splitlines()) for t in texts)
    size = sum(len(t) for t in texts)
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}")
    parts = sum(1 for d in corpus.documents for _ in d.walk())
    notes = sum(len(d.notes) for d in corpus.documents)
    print(f"corpus: {len(corpus.documents)} sources, {size:,} bytes, {lines} lines, {parts} parts, {notes} notes")
    best, median, worst = (x * 1000 for x in (min(times), statistics.median(times), max(times)))
    print(f"parse whole corpus, {RUNS} runs: best {best:.0f} ms, median {median:.0f} ms, worst {worst:.0f} ms")
    # The target is a rate, so that it holds as the corpus grows: at least 1 MB of source text a second.
    print(f"rate at the median: {size / 1e6 / statistics.median(times):.2f} MB/s on one core")


if __name__ == "__main__":
    main()
