"""The query side of the W3C SPARQL 1.1 Protocol test suite (data-sparql11/protocol/manifest.ttl), case by case
under its name, on the embedded store and on a real Oxigraph server; then the base IRI, generic media types
and quality values.

The suite's cases load their own data; here the dataset's graphs stand in for it, with expected counts read
from the dataset file (not through the code under test)."""

from __future__ import annotations

import json
from collections import Counter

import pyoxigraph as ox
import pytest

B = "https://zangraph.example"
CURATED = f"{B}/graph/curated"
TIME = f"{B}/graph/time"
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_NAMED = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
JSON = "application/sparql-results+json"
FORM = "application/x-www-form-urlencoded"
RESULT_TYPES = {JSON, "application/sparql-results+xml", "text/csv", "text/tab-separated-values"}
GRAPH_TYPES = {"text/turtle", "application/n-triples", "application/ld+json", "application/rdf+xml",
               "application/trig", "application/n-quads"}


@pytest.fixture(scope="module")
def sizes(built) -> Counter:
    return Counter(q.graph_name.value for q in ox.parse(path=str(built), format=ox.RdfFormat.TRIG))


def _n(response) -> int:
    assert response.status_code == 200, response.text
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def _get(client, params, accept: str = JSON):
    return client.get("/sparql", params=params, headers={"Accept": accept})


def _post(client, body: str | bytes, media: str | None, accept: str = JSON):
    headers = {"Accept": accept} | ({"Content-Type": media} if media else {})
    return client.post("/sparql", content=body.encode() if isinstance(body, str) else body, headers=headers)


# -- positive cases ------------------------------------------------------------------------------------------

def test_query_get(client):
    assert _n(_get(client, {"query": COUNT})) > 0


def test_query_post_form(client, sizes):
    body = f"query={COUNT}&default-graph-uri={CURATED}".replace(" ", "+").replace("{", "%7B").replace("}", "%7D")
    assert _n(_post(client, body, FORM)) == sizes[CURATED]


def test_query_post_direct(client, sizes):
    assert _n(client.post("/sparql", params={"default-graph-uri": CURATED}, content=COUNT.encode(),
                          headers={"Content-Type": "application/sparql-query", "Accept": JSON})) == sizes[CURATED]


def test_query_dataset_default_graphs_get(client, sizes):
    # Two default-graph-uri: the default graph is their merge.
    assert _n(_get(client, [("query", COUNT), ("default-graph-uri", CURATED), ("default-graph-uri", TIME)])) == \
        sizes[CURATED] + sizes[TIME]


def test_query_dataset_default_graphs_post(client, sizes):
    from urllib.parse import urlencode

    body = urlencode([("query", COUNT), ("default-graph-uri", CURATED), ("default-graph-uri", TIME)])
    assert _n(_post(client, body, FORM)) == sizes[CURATED] + sizes[TIME]


def test_query_dataset_named_graphs_get(client, sizes):
    params = [("query", COUNT_NAMED), ("named-graph-uri", CURATED), ("named-graph-uri", TIME)]
    assert _n(_get(client, params)) == sizes[CURATED] + sizes[TIME]
    graphs = _get(client, [("query", "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }"), *params[1:]]).json()
    assert {b["g"]["value"] for b in graphs["results"]["bindings"]} == {CURATED, TIME}


def test_query_dataset_named_graphs_post(client, sizes):
    from urllib.parse import urlencode

    body = urlencode([("query", COUNT_NAMED), ("named-graph-uri", CURATED)])
    assert _n(_post(client, body, FORM)) == sizes[CURATED]


def test_query_dataset_full(client, sizes):
    # A default graph and named graphs at once: each part of the query sees its own.
    query = "SELECT ?d ?g WHERE { { SELECT (COUNT(*) AS ?d) { ?s ?p ?o } } { SELECT (COUNT(*) AS ?g) " \
            "{ GRAPH ?x { ?s ?p ?o } } } }"
    row = _get(client, {"query": query, "default-graph-uri": CURATED, "named-graph-uri": TIME}).json()
    (binding,) = row["results"]["bindings"]
    assert (int(binding["d"]["value"]), int(binding["g"]["value"])) == (sizes[CURATED], sizes[TIME])


def test_query_multiple_dataset(client, sizes):
    # The request's dataset wins over the query's FROM.
    query = f"SELECT (COUNT(*) AS ?n) FROM <{TIME}> WHERE {{ ?s ?p ?o }}"
    assert _n(_get(client, {"query": query, "default-graph-uri": CURATED})) == sizes[CURATED]


def test_from_and_from_named_name_the_dataset_without_request_graphs(client, sizes):
    # FROM with a prefixed name, and FROM NAMED: on both stores, the query's own dataset.
    query = f"PREFIX g: <{B}/graph/> SELECT (COUNT(*) AS ?n) FROM g:curated WHERE {{ ?s ?p ?o }}"
    assert _n(_get(client, {"query": query})) == sizes[CURATED]
    named = f"SELECT (COUNT(*) AS ?n) FROM NAMED <{TIME}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"
    assert _n(_get(client, {"query": named})) == sizes[TIME]


@pytest.mark.parametrize(("query", "offered"), [
    ("SELECT * WHERE { ?s ?p ?o } LIMIT 1", RESULT_TYPES), ("ASK { ?s ?p ?o }", RESULT_TYPES),
    (f"DESCRIBE <{B}/akn/kz/act/order/2017/360>", GRAPH_TYPES),
    ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 1", GRAPH_TYPES),
], ids=["query_content_type_select", "query_content_type_ask", "query_content_type_describe",
        "query_content_type_construct"])
def test_query_content_type(client, query, offered):
    response = client.get("/sparql", params={"query": query}, headers={"Accept": ", ".join(sorted(offered))})
    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] in offered


# -- negative cases ------------------------------------------------------------------------------------------

def test_bad_query_method(client):
    response = client.put("/sparql", params={"query": "ASK {}"})
    assert response.status_code == 405 and "GET" in response.headers["allow"]


def test_bad_multiple_queries(client):
    assert _get(client, [("query", "ASK {}"), ("query", "SELECT * {}")]).status_code == 400


@pytest.mark.parametrize(("body", "media"), [("ASK {}", "text/plain"), ("query=ASK%20%7B%7D", None),
                                             ("ASK {}", None)],
                         ids=["bad_query_wrong_media_type", "bad_query_missing_form_type",
                              "bad_query_missing_direct_type"])
def test_bad_query_media_type(client, body, media):
    response = _post(client, body, media)
    assert response.status_code == 415 and response.headers["content-type"] == "application/problem+json"


def test_bad_query_non_utf8(client):
    response = _post(client, "ASK {}".encode("utf-16"), "application/sparql-query; charset=UTF-16")
    assert response.status_code == 400 and "UTF-8" in response.json()["detail"]


def test_bad_query_syntax(client):
    assert _get(client, {"query": "ASK { ?s ?p }"}).status_code == 400


def test_bad_update_get(client):
    # This endpoint takes no update at all: the Protocol's update cases are all refused.
    assert _get(client, {"update": "CLEAR ALL"}).status_code == 403
    assert _post(client, "CLEAR ALL", "application/sparql-update").status_code == 403


# -- beyond the suite ----------------------------------------------------------------------------------------

def test_relative_iris_resolve_against_the_endpoint(client):
    # The base IRI is the endpoint's own address (settings: 127.0.0.1:8000 here), never the remote store's.
    response = _get(client, {"query": "CONSTRUCT { <s> <p> 1 } WHERE {}"}, "application/n-triples")
    assert response.status_code == 200, response.text
    assert response.text.startswith("<http://127.0.0.1:8000/s> <http://127.0.0.1:8000/p> ")
    own = _get(client, {"query": "BASE <http://x.example/a/> CONSTRUCT { <s> <p> 1 } WHERE {}"},
               "application/n-triples")
    assert own.text.startswith("<http://x.example/a/s> <http://x.example/a/p> ")


@pytest.mark.parametrize("accept", ["application/json", "application/xml"])
def test_generic_json_and_xml_are_the_results_formats(client, accept):
    response = _get(client, {"query": "ASK { ?s ?p ?o }"}, accept)
    assert response.status_code == 200 and response.headers["content-type"].split(";")[0] == accept
    if accept == "application/json":
        assert json.loads(response.text) == {"head": {}, "boolean": True}
    else:
        assert "<boolean>true</boolean>" in response.text


def test_quality_values_are_honoured(client):
    preferred = _get(client, {"query": "ASK {}"}, "text/csv;q=0.5, application/sparql-results+xml;q=0.9")
    assert preferred.headers["content-type"].split(";")[0] == "application/sparql-results+xml"
    refused = _get(client, {"query": "ASK {}"}, "application/sparql-results+json;q=0")
    assert refused.status_code == 406
