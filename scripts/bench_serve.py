"""Latency and throughput of the service under 16 concurrent clients on loopback, measured with wrk, and the
same questions asked straight of the store in the same run. Prints the figures for docs/benchmarks.md.

Needs wrk (Debian package `wrk`). Each load runs for a fixed, short duration against 127.0.0.1 only.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx
from subjects import AT, choose

from zangraph.graph.publish import DATASET
from zangraph.model.ids import Ids
from zangraph.service.answers import Service
from zangraph.settings import Settings
from zangraph.store.base import bind
from zangraph.store.oxigraph import EmbeddedStore
from zangraph.store.queries import load

DURATION = "10s"
CONNECTIONS = 16
# Two load-generating threads (wrk shares the two cores of the machine with the server).
THREADS = 2
B = "https://zangraph.example"


def start_server() -> tuple[subprocess.Popen, str]:
    exe = Path(sys.executable).parent / "zangraph"
    process = subprocess.Popen([str(exe), "serve", "-p", "0"], stderr=subprocess.PIPE, text=True, env=os.environ)
    deadline = time.time() + 120
    while time.time() < deadline:
        line = process.stderr.readline()
        if m := re.search(r"Serving on (http://\S+)", line):
            url = m.group(1)
            for _ in range(100):
                try:
                    httpx.get(url + "/healthz", timeout=2)
                    return process, url
                except httpx.HTTPError:
                    time.sleep(0.1)
    process.terminate()
    raise SystemExit("the server did not start")


def wrk(url: str, duration: str = DURATION, script: Path | None = None) -> dict[str, str]:
    """p50, p99, requests/s, requests and non-2xx answers of a wrk run (``script``: a Lua file of requests)."""
    extra = ["-s", str(script)] if script else []
    out = subprocess.run(["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{duration}", "--latency", *extra, url],
                         capture_output=True, text=True, check=True).stdout
    figures = {p: re.search(rf"^\s+{p}%\s+(\S+)", out, re.M).group(1) for p in ("50", "99")}
    figures["rps"] = re.search(r"Requests/sec:\s+(\S+)", out).group(1)
    figures["requests"] = re.search(r"(\d+) requests in", out).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    figures["errors"] = errors.group(1) if errors else "0"
    return figures


def timed(action, runs: int = 500) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.99) - 1]


def main() -> None:
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is needed: apt-get install wrk")
    settings = Settings()
    if not (settings.build_dir / DATASET).is_file():
        raise SystemExit("build the dataset first: zangraph build")
    process, url = start_server()
    try:
        subjects = choose(lambda path: httpx.get(url + path, timeout=120).raise_for_status().json(), B)
        print(subjects.describe())
        position = subjects.position
        requirements = f"{url}/api/v1/positions/{position}/requirements?at={AT.isoformat()}&lang=en"
        query = bind(load("acts-characterising-position").text, {"position": f"{B}/position/{position}", "at": AT})
        sparql = f"{url}/sparql?" + urlencode({"query": query})
        for target in (requirements, sparql):
            httpx.get(target, headers={"Accept": "application/sparql-results+json"}).raise_for_status()
        api = wrk(requirements)
        endpoint = wrk(sparql)
    finally:
        process.terminate()
        process.wait(timeout=10)
    store = EmbeddedStore.from_trig(settings.build_dir / DATASET)
    ids = Ids(settings.base_iri)
    # Every store query the answer needs, with nothing remembered between runs.
    cold = timed(lambda: Service(store, ids).requirements(position, AT, "en"), runs=50)
    warm_service = Service(store, ids)
    warm = timed(lambda: warm_service.requirements(position, AT, "en"))
    direct_query = timed(lambda: list(store.store.query(query, use_default_graph_as_union=True)))
    print(f"{CONNECTIONS} connections, 2 threads, {DURATION} each, loopback, one uvicorn worker, embedded store")
    print(f"requirements endpoint: p50 {api['50']}, p99 {api['99']}, {api['rps']} requests/s "
          f"({api['requests']} requests, {api['errors']} errors)")
    print(f"  same answer straight from the store, nothing remembered: p50 {cold[0]:.1f} ms, p99 {cold[1]:.1f} ms; "
          f"remembered for its interval: p50 {warm[0]:.3f} ms, p99 {warm[1]:.3f} ms")
    print(f"/sparql (acts-characterising-position): p50 {endpoint['50']}, p99 {endpoint['99']}, "
          f"{endpoint['rps']} requests/s ({endpoint['requests']} requests, {endpoint['errors']} errors)")
    print(f"  same query straight on pyoxigraph: p50 {direct_query[0]:.2f} ms, p99 {direct_query[1]:.2f} ms")


if __name__ == "__main__":
    main()
