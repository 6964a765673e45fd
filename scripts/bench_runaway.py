"""The service under a mixed load (requirements, acts, /sparql), once alone and once while a runaway query
arrives every 5 s: throughput, p50, p99 and errors, for docs/benchmarks.md. A measurement, not a test.

Needs wrk (Debian package `wrk`) and a built dataset. Loopback only; each load runs for 30 s. The server runs
with four query workers, so that the runaway queries (each stopped at the 10 s limit, two at a time) leave
workers for the ordinary queries.
"""

from __future__ import annotations

import os
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
from bench_serve import B, start_server, wrk
from subjects import choose

DURATION = "30s"
CONNECTIONS = 16
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?a ?b ?c . ?x ?y ?z }"
SMALL = ("SELECT ?position ?label WHERE { ?position a <https://w3id.org/zangraph/ontology#Position> ; "
         "<http://www.w3.org/2004/02/skos/core#prefLabel> ?label } LIMIT 20")
SCRIPT = """
local paths = {PATHS}
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i % #paths) + 1], {["Accept"] = "application/sparql-results+json"})
end
"""


def paths(url: str) -> list[str]:
    """Requirements of a position, an act on a date, and a small /sparql query (subjects chosen from the data)."""
    subjects = choose(lambda path: httpx.get(url + path, timeout=120).raise_for_status().json(), B)
    print(subjects.describe())
    return [f"/api/v1/positions/{subjects.position}/requirements?at=2024-01-01",
            f"/api/v1/acts/{subjects.act}?at=2024-01-01", "/sparql?" + urlencode({"query": SMALL})]


def runaways(url: str, stop: threading.Event, answers: list[int]) -> None:
    """A runaway query every 5 s, each in its own thread (it takes the 10 s limit to end)."""
    def one() -> None:
        answers.append(httpx.get(url + "/sparql", params={"query": RUNAWAY}, timeout=60).status_code)

    threads = []
    while not stop.is_set():
        thread = threading.Thread(target=one, daemon=True)
        thread.start()
        threads.append(thread)
        stop.wait(5)
    for thread in threads:
        thread.join(60)


def main() -> None:
    os.environ.setdefault("ZANGRAPH_SPARQL_WORKERS", "4")
    process, url = start_server()
    try:
        asked = paths(url)
        for path in asked:  # the workers open their stores with the first query
            httpx.get(url + path, timeout=120).raise_for_status()
        with tempfile.TemporaryDirectory() as tmp:
            script = Path(tmp) / "mix.lua"
            script.write_text(SCRIPT.replace("{PATHS}", ", ".join(f'"{p}"' for p in asked)), encoding="utf-8")
            alone = wrk(url, DURATION, script)
            stop, answers = threading.Event(), []
            sender = threading.Thread(target=runaways, args=(url, stop, answers), daemon=True)
            sender.start()
            time.sleep(0.5)
            loaded = wrk(url, DURATION, script)
            stop.set()
            sender.join(90)
    finally:
        process.terminate()
        process.wait(timeout=20)
    print(f"{CONNECTIONS} connections, {DURATION}, requests cycling requirements / act / small /sparql query; "
          f"{os.environ['ZANGRAPH_SPARQL_WORKERS']} query workers")
    for name, f in (("alone", alone), ("with a runaway query every 5 s", loaded)):
        print(f"{name}: p50 {f['50']}, p99 {f['99']}, {f['rps']} requests/s ({f['requests']} requests, "
              f"{f['errors']} errors)")
    print(f"runaway queries: {len(answers)}, answered {sorted(set(answers))}")


if __name__ == "__main__":
    main()
