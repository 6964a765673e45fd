"""The SPARQL 1.1 Protocol endpoint, on the embedded store and on a real Oxigraph server."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

B = "https://zangraph.example"
SELECT = f"PREFIX eli: <http://data.europa.eu/eli/ontology#> SELECT ?number WHERE {{ <{B}/akn/kz/act/order/2017/360> eli:number ?number }}"
CONSTRUCT = (f"PREFIX eli: <http://data.europa.eu/eli/ontology#> CONSTRUCT {{ <{B}/akn/kz/act/order/2017/360> "
             f"eli:number ?n }} WHERE {{ <{B}/akn/kz/act/order/2017/360> eli:number ?n }}")


@pytest.mark.parametrize(("accept", "check"), [
    ("application/sparql-results+json", lambda t: json.loads(t)["results"]["bindings"][0]["number"]["value"] == "360"),
    ("application/sparql-results+xml", lambda t: "<literal>360</literal>" in t),
    ("text/csv", lambda t: list(csv.reader(io.StringIO(t))) == [["number"], ["360"]]),
    ("text/tab-separated-values", lambda t: t.split() == ["?number", '"360"']),
])
def test_select_in_every_result_format(client, accept, check):
    response = client.get("/sparql", params={"query": SELECT}, headers={"Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == accept
    assert check(response.text), response.text


def test_ask(client):
    response = client.get("/sparql", params={"query": f"ASK {{ <{B}/akn/kz/act/order/2018/350> ?p ?o }}"},
                          headers={"Accept": "application/sparql-results+json"})
    assert response.json()["boolean"] is True


@pytest.mark.parametrize(("accept", "fmt"), [
    ("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
    ("application/ld+json", ox.RdfFormat.JSON_LD), ("application/rdf+xml", ox.RdfFormat.RDF_XML),
    ("application/trig", ox.RdfFormat.TRIG), ("application/n-quads", ox.RdfFormat.N_QUADS),
])
def test_construct_in_every_rdf_format(client, accept, fmt):
    response = client.post("/sparql", content=CONSTRUCT.encode(),
                           headers={"Content-Type": "application/sparql-query", "Accept": accept})
    assert response.status_code == 200
    assert response.headers["content-type"].split(";")[0] == accept
    (quad,) = list(ox.parse(response.content, format=fmt))
    assert quad.object.value == "360"


def test_post_form_with_dataset_parameters(client):
    graph = f"{B}/graph/source/002_d17101f849a6b484.txt"
    query = "SELECT (COUNT(*) AS ?n) WHERE { ?s <http://purl.org/dc/terms/title> ?t }"
    answer = client.post("/sparql", data={"query": query, "default-graph-uri": graph},
                         headers={"Accept": "application/sparql-results+json"}).json()
    assert answer["results"]["bindings"][0]["n"]["value"] == "1"  # only the English title of order 360
    named = client.get("/sparql", params={"query": "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }",
                                          "named-graph-uri": graph},
                       headers={"Accept": "application/sparql-results+json"}).json()
    assert [b["g"]["value"] for b in named["results"]["bindings"]] == [graph]


def test_service_description_without_a_query(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/turtle")
    quads = list(ox.parse(response.content, format=ox.RdfFormat.TURTLE))
    assert any(q.predicate.value.endswith("#supportedLanguage") and q.object.value.endswith("SPARQL11Query")
               for q in quads)


def test_void_counts_are_real(client, dataset_size):
    response = client.get("/.well-known/void", headers={"Accept": "application/n-triples"})
    quads = list(ox.parse(response.content, format=ox.RdfFormat.N_TRIPLES))
    total = next(int(q.object.value) for q in quads
                 if q.subject.value == f"{B}/dataset" and q.predicate.value.endswith("#triples"))
    count = client.get("/sparql", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"},
                       headers={"Accept": "application/sparql-results+json"}).json()
    assert total == int(count["results"]["bindings"][0]["n"]["value"]) == dataset_size
    time_graph = next(int(q.object.value) for q in quads
                      if q.subject.value == f"{B}/graph/time" and q.predicate.value.endswith("#triples"))
    assert 0 < time_graph < total


@pytest.mark.parametrize("request_", [
    {"method": "POST", "data": {"update": "INSERT DATA { <a:a> <a:b> <a:c> }"}},
    {"method": "POST", "content": b"DROP ALL", "headers": {"Content-Type": "application/sparql-update"}},
    {"method": "GET", "params": {"query": "INSERT DATA { <a:a> <a:b> <a:c> }"}},
    {"method": "GET", "params": {"query": "PREFIX x: <a:> DELETE WHERE { ?s ?p ?o }"}},
])
def test_updates_are_refused(client, request_):
    kwargs = {k: v for k, v in request_.items() if k != "method"}
    response = client.request(request_["method"], "/sparql", **kwargs)
    assert response.status_code == 403
    assert response.headers["content-type"] == "application/problem+json"


def test_malformed_query_gets_400_with_the_parsers_message(client):
    response = client.get("/sparql", params={"query": "SELECT ?x WHERE { ?x ?y"})
    assert response.status_code == 400
    body = response.json()
    assert body["detail"].startswith("malformed query: ") and len(body["detail"]) > len("malformed query: ") + 5


def test_unacceptable_media_type_gets_406(client):
    response = client.get("/sparql", params={"query": SELECT}, headers={"Accept": "image/png"})
    assert response.status_code == 406 and response.headers["content-type"] == "application/problem+json"


def test_the_dataset_as_the_protocol_says(client, published):
    # The curated graph holds 88 statements (counted from the dataset file, not by the code under test).
    curated = f"{B}/graph/curated"
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"

    def n(params: dict[str, str]) -> int:
        answer = client.get("/sparql", params=params, headers={"Accept": "application/sparql-results+json"})
        assert answer.status_code == 200, answer.text
        return int(answer.json()["results"]["bindings"][0]["n"]["value"])

    expected = sum(1 for q in ox.parse(path=str(published / "dataset.trig"), format=ox.RdfFormat.TRIG) if q.graph_name.value == curated)
    assert n({"query": count}) > expected  # without a dataset named, the default graph is the union
    # named-graph-uri alone: those named graphs, and an empty default graph.
    assert n({"query": count, "named-graph-uri": curated}) == 0
    assert n({"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "named-graph-uri": curated}) == expected
    # default-graph-uri overrides FROM.
    assert n({"query": f"SELECT (COUNT(*) AS ?n) FROM <{B}/graph/time> WHERE {{ ?s ?p ?o }}",
              "default-graph-uri": curated}) == expected


def test_from_names_the_default_graph(client, published):
    curated = f"{B}/graph/curated"
    expected = sum(1 for q in ox.parse(path=str(published / "dataset.trig"), format=ox.RdfFormat.TRIG)
                   if q.graph_name.value == curated)
    answer = client.get("/sparql", params={"query": f"SELECT (COUNT(*) AS ?n) FROM <{curated}> WHERE {{ ?s ?p ?o }}"},
                        headers={"Accept": "application/sparql-results+json"}).json()
    assert int(answer["results"]["bindings"][0]["n"]["value"]) == expected


def test_head_options_allow_and_cors(client):
    head = client.head("/api/v1/acts")
    assert head.status_code == 200 and head.content == b"" and head.headers["content-type"] == "application/json"
    assert client.head("/sparql", params={"query": "ASK {}"}).status_code == 200
    options = client.options("/sparql", headers={"Origin": "https://analyst.example",
                                                 "Access-Control-Request-Method": "POST"})
    assert options.status_code == 204 and options.headers["allow"] == "GET, HEAD, POST, OPTIONS"
    assert options.headers["access-control-allow-origin"] == "*"
    assert "POST" in options.headers["access-control-allow-methods"]
    assert client.get("/api/v1/acts", headers={"Origin": "https://analyst.example"}).headers[
        "access-control-allow-origin"] == "*"
    refused = client.put("/sparql", content=b"ASK {}")
    assert refused.status_code == 405 and refused.headers["content-type"] == "application/problem+json"
    assert set(refused.headers["allow"].split(", ")) == {"GET", "HEAD", "POST", "OPTIONS"}
    assert set(client.delete("/api/v1/acts").headers["allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}


def test_the_service_description_never_echoes_the_host_header(client):
    response = client.get("/sparql", headers={"Accept": "text/turtle", "Host": "attacker.example"})
    assert response.status_code == 200 and "attacker.example" not in response.text
    void = client.get("/.well-known/void", headers={"Accept": "text/turtle", "Host": "attacker.example"})
    assert "attacker.example" not in void.text and "/sparql>" in void.text


def test_requests_larger_than_the_settings_allow_are_413_and_414(client):
    # The defaults: a body of 1 MiB, a request target of 16 KiB.
    long_query = "SELECT * WHERE { ?s ?p ?o } LIMIT 1 # " + "x" * 20_000
    response = client.get("/sparql", params={"query": long_query})
    assert response.status_code == 414 and response.headers["content-type"] == "application/problem+json"
    assert "send a long query by POST" in response.json()["detail"]
    accepted = client.post("/sparql", content=long_query.encode(),
                           headers={"Content-Type": "application/sparql-query",
                                    "Accept": "application/sparql-results+json"})
    assert accepted.status_code == 200
    huge = client.post("/sparql", content=b"#" * (1024 * 1024 + 1), headers={"Content-Type": "application/sparql-query"})
    assert huge.status_code == 413 and huge.headers["content-type"] == "application/problem+json"
