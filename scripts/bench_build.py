"""Time building and validating the whole corpus, as `zangraph build` and `zangraph validate` do them.

Prints the figures that go in docs/benchmarks.md; a measurement, not a test.
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from zangraph.graph.dataset import build_dataset, write_dataset
from zangraph.graph.trig import Writer
from zangraph.graph.validate import validate_built, validate_trig
from zangraph.settings import Settings
from zangraph.store.oxigraph import EmbeddedStore

RUNS = 3


def timed(action, *args) -> tuple[float, object]:
    start = time.perf_counter()
    result = action(*args)
    return time.perf_counter() - start, result


def validate_loaded(triples: list, text: str) -> object:
    return validate_built(triples, EmbeddedStore.from_text(text.encode("utf-8")).store)


def main() -> None:
    settings = Settings()
    builds, validations, file_validations = [], [], []
    for _ in range(RUNS):
        def build():
            dataset = build_dataset(settings)
            return dataset, Writer().write(dataset.graphs)

        seconds, (dataset, text) = timed(build)
        builds.append(seconds)
        triples = [t for g in dataset.graphs.values() for t in g]
        # As `zangraph build` does it: the TriG loaded into a store in memory, then validated.
        seconds, report = timed(validate_loaded, triples, text)
        validations.append(seconds)
        with tempfile.TemporaryDirectory() as tmp:
            target = Path(tmp) / "dataset.trig"
            write_dataset(dataset, target)
            seconds, _ = timed(validate_trig, target)
            file_validations.append(seconds)
    print(f"dataset: {len(dataset)} statements in {len(dataset.graphs)} named graphs, "
          f"{len(text) / 1e6:.1f} MB TriG; {report.count('Violation')} violations, {report.count('Warning')} warnings")
    for name, values in (("build (parse, assemble, emit, serialise)", builds),
                         ("validate the built dataset in memory", validations),
                         ("validate dataset.trig from disk", file_validations)):
        print(f"{name}: median {statistics.median(values):.2f} s, best {min(values):.2f} s ({RUNS} runs)")
    # The target is for the two together, what `zangraph build` does: under 30 s for seeds and corpus.
    together = [b + v for b, v in zip(builds, validations, strict=True)]
    print(f"build and validate: median {statistics.median(together):.2f} s, best {min(together):.2f} s")


if __name__ == "__main__":
    main()
