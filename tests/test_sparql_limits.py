"""Queries written by users cannot hang, crash or starve the service: a real `zangraph serve` on loopback, the
embedded store, small limits so that the tests stay short."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pyoxigraph as ox
import pytest

from .conftest import serving

pytestmark = pytest.mark.server

CROSS = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o . ?a ?b ?c . ?x ?y ?z }"
PATH = "SELECT (COUNT(*) AS ?n) WHERE { ?s (<urn:x>|!<urn:x>)* ?o }"
REQUIREMENTS = "/api/v1/positions/social-work-consultant/requirements?at=2024-01-01"
PROBLEM = "application/problem+json"


@pytest.fixture(scope="module")
def server(published, oxigraph_server):
    # One server for the tests whose limits it has; SERVICE may call the real Oxigraph server, and no other.
    with serving(published, ZANGRAPH_SPARQL_TIMEOUT="3", ZANGRAPH_SPARQL_MEMORY_MB="1024",
                 ZANGRAPH_SPARQL_RESULT_MB="1", ZANGRAPH_SPARQL_WORKERS="2",
                 ZANGRAPH_SPARQL_QUEUE_SECONDS="0.5",
                 ZANGRAPH_SPARQL_SERVICES=json.dumps([oxigraph_server])) as (url, _):
        # The workers open their copies of the store with the first query.
        assert httpx.get(url + "/sparql", params={"query": "ASK {}"}, timeout=120).status_code == 200
        yield url


def _sparql(url: str, query: str, timeout: float = 60, **headers: str) -> httpx.Response:
    return httpx.get(url + "/sparql", params={"query": query}, headers=headers, timeout=timeout)


def _in_background(action) -> tuple[threading.Thread, list]:
    out: list = []
    thread = threading.Thread(target=lambda: out.append(action()), daemon=True)
    thread.start()
    return thread, out


def test_a_runaway_query_stops_at_its_time_limit_while_the_rest_keeps_answering(server):
    thread, out = _in_background(lambda: _sparql(server, CROSS))
    time.sleep(0.5)
    for _ in range(3):
        for path in ("/healthz", REQUIREMENTS):
            start = time.monotonic()
            response = httpx.get(server + path, timeout=5)
            assert response.status_code == 200 and time.monotonic() - start < 1, path
    thread.join(30)
    [response] = out
    assert response.status_code == 422 and response.headers["content-type"] == PROBLEM
    assert response.json()["limit"] == "time" and "3 s" in response.json()["detail"]
    # A fresh worker took the stopped one's place.
    assert _sparql(server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").json()["results"]["bindings"][0]["n"]


def test_a_query_that_eats_memory_is_stopped(published):
    # A worker holds its copy of the store in about 180 MB; this path query grows by about 100 MB a second.
    with serving(published, ZANGRAPH_SPARQL_TIMEOUT="60", ZANGRAPH_SPARQL_MEMORY_MB="400") as (url, _):
        start = time.monotonic()
        response = _sparql(url, PATH, timeout=120)
        assert response.status_code == 422 and response.headers["content-type"] == PROBLEM
        assert response.json()["limit"] == "memory"
        assert time.monotonic() - start < 30
        assert httpx.get(url + REQUIREMENTS, timeout=5).status_code == 200


def test_a_result_over_its_limit_is_refused(server):
    response = _sparql(server, "CONSTRUCT WHERE { ?s ?p ?o }", accept="application/n-triples")
    assert response.status_code == 422 and response.json()["limit"] == "result"


def test_queries_beyond_the_workers_wait_then_get_503_with_retry_after(server):
    runaways = [_in_background(lambda: _sparql(server, CROSS)) for _ in range(2)]
    time.sleep(0.5)
    response = _sparql(server, "ASK {}")
    assert response.status_code == 503 and response.headers["content-type"] == PROBLEM
    assert response.headers["retry-after"] == "1"
    for thread, _ in runaways:
        thread.join(30)
    assert _sparql(server, "ASK {}").status_code == 200


@pytest.mark.parametrize("query", [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
    "select * { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
    "PREFIX ex: <urn:x#>\nDELETE WHERE { ?s ?p ?o }",
    "LOAD <http://127.0.0.1:1/data.ttl>",
])
def test_service_and_updates_are_refused(server, query):
    response = _sparql(server, query)
    assert response.status_code == 403 and response.headers["content-type"] == PROBLEM


@pytest.mark.parametrize("query", [
    # Words of updates inside strings, comments and prefixes are not updates.
    'SELECT ?l WHERE { ?p <http://www.w3.org/2004/02/skos/core#prefLabel> ?l FILTER(CONTAINS(?l, "work with")) }',
    "SELECT * WHERE { ?s ?p ?o } LIMIT 1 # insert",
    "PREFIX drop: <urn:x#> SELECT * WHERE { ?s drop:p ?o } LIMIT 1",
    # What rdflib sends for SERVICE, and a prologue padded with spaces: neither backtracks.
    " ".join(f"PREFIX p{i}: <http://example.org/{i}#>" for i in range(30)) + " SELECT * WHERE { ?s ?p ?o } LIMIT 1",
    "PREFIX" + " " * 32_000 + "x: <urn:x#> SELECT * WHERE { ?s ?p ?o } LIMIT 1",
])
def test_queries_the_old_filter_refused_are_answered(server, query):
    start = time.monotonic()
    # By POST: the padded one is longer than a request target may be (414 by GET).
    response = httpx.post(server + "/sparql", content=query.encode(), timeout=60,
                          headers={"Content-Type": "application/sparql-query",
                                   "Accept": "application/sparql-results+json"})
    assert response.status_code == 200, response.text
    assert "results" in response.json() and time.monotonic() - start < 2


def test_a_malformed_query_is_a_400(server):
    response = _sparql(server, "SELECT * WHERE { ?s ?p }")
    assert response.status_code == 400 and response.headers["content-type"] == PROBLEM
    assert response.json()["detail"].startswith("malformed query:")


def test_a_client_that_goes_away_frees_its_worker(published):
    # One worker and a long time limit: unless the query of a client that left is stopped, the next query
    # waits for its worker past the queue's 2 s and gets 503.
    with serving(published, ZANGRAPH_SPARQL_WORKERS="1", ZANGRAPH_SPARQL_TIMEOUT="60") as (url, _):
        assert _sparql(url, "ASK {}").status_code == 200
        with pytest.raises(httpx.TimeoutException):
            _sparql(url, CROSS, timeout=1)
        start = time.monotonic()
        response = _sparql(url, "ASK {}", timeout=60)
        assert response.status_code == 200, response.text
        assert time.monotonic() - start < 10  # a fresh worker opens its copy of the store in a few seconds


def test_a_body_sent_in_chunks_is_held_to_the_size_limit(server):
    # No Content-Length: the body is counted as it arrives, and refused past 1 MiB (the default).
    def chunks():
        yield b"ASK {} #"
        for _ in range(1100):
            yield b"#" * 1024

    response = httpx.post(server + "/sparql", content=chunks(), timeout=30,
                          headers={"Content-Type": "application/sparql-query"})
    assert response.status_code == 413 and response.headers["content-type"] == PROBLEM
    small = httpx.post(server + "/sparql", content=iter([b"ASK ", b"{}"]), timeout=30,
                       headers={"Content-Type": "application/sparql-query", "Accept": "application/json"})
    assert small.status_code == 200 and small.json()["boolean"] is True


def test_service_to_an_endpoint_the_settings_allow(server, published, oxigraph_server):
    # The embedded store's worker calls the real Oxigraph server, the one endpoint allowed; any other is refused.
    curated = "https://zangraph.example/graph/curated"
    expected = sum(1 for q in ox.parse(path=str(published / "dataset.trig"), format=ox.RdfFormat.TRIG)
                   if q.graph_name.value == curated)
    url = server
    query = f"SELECT (COUNT(*) AS ?n) WHERE {{ SERVICE <{oxigraph_server}> {{ GRAPH <{curated}> {{ ?s ?p ?o }} }} }}"
    response = _sparql(url, query, accept="application/sparql-results+json")
    assert response.status_code == 200, response.text
    assert int(response.json()["results"]["bindings"][0]["n"]["value"]) == expected
    for other in ("SELECT * { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
                  "SELECT * { BIND(<x> AS ?e) SERVICE ?e { ?s ?p ?o } }"):
        refused = _sparql(url, other)
        assert refused.status_code == 403 and oxigraph_server in refused.json()["detail"]
    description = httpx.get(url + "/sparql", headers={"Accept": "text/turtle"}, timeout=10).text
    assert "sd:BasicFederatedQuery" in description and f"<{oxigraph_server}>" in description
