"""How long the pages take to render on the server (goal: under 300 ms each) and the search to answer (goal:
under 50 ms), for docs/benchmarks.md. A measurement, not a test: the application in process on the embedded
store of data/build, each page asked once cold (the first request after start) and then RUNS times."""

from __future__ import annotations

import statistics
import time
import warnings
from datetime import date

from subjects import choose

from zangraph.graph.publish import DATASET
from zangraph.settings import Settings
from zangraph.store import open_repository
from zangraph.store.search import SearchIndex

RUNS = 30
HTML = {"Accept": "text/html"}
WORDS = ["консультант", "социальной работе", "әлеуметтік жұмыс", "стаж работы не менее", "наставник",
         "біліктілігіне қойылатын талаптар", "social work", "высшее образование", "қызметкер", "supervisor"]


def ms(seconds: list[float], q: float) -> float:
    return statistics.quantiles(seconds, n=100, method="inclusive")[q - 1] * 1000 if q < 100 else max(seconds) * 1000


def main() -> None:
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

    from zangraph.api.app import BuildInfo, create_app

    settings = Settings()
    repository = open_repository(settings, settings.build_dir / DATASET)
    client = TestClient(create_app(settings, repository, BuildInfo.of(settings.build_dir)))
    subjects = choose(lambda path: client.get(path).raise_for_status().json(), settings.base_iri)
    pages = ["/", "/search?q=консультант", f"/positions/{subjects.position}?at=2023-07-01",
             f"/positions/{subjects.position}/compare?from=2023-06-30&to=2023-07-01",
             f"/acts/{subjects.act}?at=2024-01-01", f"/acts/{subjects.act}?at=2024-01-01&lang=ru",
             f"/parts/{subjects.part}", f"/parts/{subjects.part}?from={subjects.first}&to={subjects.last}",
             "/findings", "/sparql", subjects.id_path(settings.base_iri)]
    print(subjects.describe())
    print(f"{'page':<96} {'cold':>8} {'p50':>8} {'p99':>8} {'size':>9}")
    for path in pages:
        start = time.perf_counter()
        first = client.get(path, headers=HTML)
        cold = time.perf_counter() - start
        assert first.status_code == 200, (path, first.status_code)
        runs = []
        for _ in range(RUNS):
            start = time.perf_counter()
            client.get(path, headers=HTML)
            runs.append(time.perf_counter() - start)
        print(f"{path:<96} {cold * 1000:7.1f}ms {ms(runs, 50):6.1f}ms {ms(runs, 99):6.1f}ms "
              f"{len(first.content) / 1024:7.0f}kB")

    index = SearchIndex(path=settings.build_dir / "search.sqlite")
    for label, at in (("at a date", date(2024, 1, 1)), ("at any date", None)):
        runs = []
        for _ in range(RUNS):
            for words in WORDS:
                start = time.perf_counter()
                index.search(words, at=at)
                runs.append(time.perf_counter() - start)
        print(f"search index, {len(WORDS)} queries {label}: p50 {ms(runs, 50):.2f} ms, p99 {ms(runs, 99):.2f} ms, "
              f"slowest {max(runs) * 1000:.2f} ms ({len(runs)} queries, {index.size} texts)")
    runs = []
    for _ in range(3):
        for words in WORDS:
            start = time.perf_counter()
            client.get("/search", params={"q": words, "_format": "json"})
            runs.append(time.perf_counter() - start)
    print(f"GET /search?_format=json (through the application): p50 {ms(runs, 50):.2f} ms, "
          f"p99 {ms(runs, 99):.2f} ms")


if __name__ == "__main__":
    main()
