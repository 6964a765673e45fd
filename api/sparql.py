"""The SPARQL 1.1 Protocol endpoint (read-only), its Service Description, and the VoID description."""

from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from zangraph.store.base import GRAPH_TYPES, QueryError, UpdateRefused, is_iri
from zangraph.store.sparql_text import form as request_form

from .rdf import convert, rdf_response, requested

router = APIRouter()


DESCRIPTION = ("GET with `query`, POST as a form or as `application/sparql-query`; `default-graph-uri` and "
               "`named-graph-uri`; results as SPARQL JSON/XML, CSV, TSV or, for CONSTRUCT/DESCRIBE, Turtle, "
               "N-Triples, JSON-LD, RDF/XML, TriG, N-Quads by Accept. Without a query: the Service Description. "
               "The default graph is the union of the named graphs. Updates and SERVICE are refused (403). Each query "
               "runs in a worker process with a time, memory and result-size limit (422 naming the limit); when "
               "every worker is busy, 503 with Retry-After.")


@router.get("/sparql", name="sparql", tags=["SPARQL"], summary="SPARQL 1.1 query (GET)", description=DESCRIPTION)
async def sparql_get(request: Request) -> Response:
    return await sparql(request)


@router.post("/sparql", tags=["SPARQL"], summary="SPARQL 1.1 query (POST)", description=DESCRIPTION)
async def sparql_post(request: Request) -> Response:
    return await sparql(request)


async def sparql(request: Request) -> Response:
    params = {k: v for k, v in parse_qs(request.url.query, keep_blank_values=True).items()}
    query: list[str] = params.get("query", [])
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await request.body()
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise QueryError(f"the request body is not UTF-8 (byte {exc.start + 1}): send the query in UTF-8") from None
        if media == "application/sparql-update":
            raise UpdateRefused("this endpoint is read-only: updates are not accepted")
        if media == "application/sparql-query":
            query = [*query, text]
        elif media == "application/x-www-form-urlencoded":
            form = parse_qs(text, keep_blank_values=True)
            if "update" in form:
                raise UpdateRefused("this endpoint is read-only: updates are not accepted")
            query = query + form.get("query", [])
            for key in ("default-graph-uri", "named-graph-uri"):
                params.setdefault(key, []).extend(form.get(key, []))
        elif body:
            raise QueryError(f"unsupported content type {media!r}: send application/sparql-query or a form")
    if "update" in params:
        raise UpdateRefused("this endpoint is read-only: updates are not accepted")
    if not query:
        return service_description(request)
    if len(query) > 1:
        raise QueryError("give one query, not several")
    for key in ("default-graph-uri", "named-graph-uri"):
        for value in params.get(key, []):
            if not is_iri(value):
                raise QueryError(f"parameter {key}={value!r}: expected an absolute IRI")
    if request_form(query[0]) == "update":
        raise UpdateRefused("this endpoint is read-only: updates are not accepted")
    # In a worker process with its limits (sandbox), waited for in a thread: the event loop stays free.
    answer = await run_in_threadpool(request.app.state.user_queries.run, query[0], request.headers.get("accept"),
                                     params.get("default-graph-uri", []), params.get("named-graph-uri", []))
    return Response(answer.body, media_type=answer.media_type, headers={"Vary": "Accept"})


def _endpoint(request: Request) -> str:
    """The endpoint's address from the settings, never from the request (its Host header is the client's)."""
    settings = request.app.state.settings
    return (settings.public_url or f"http://{settings.host}:{settings.port}").rstrip("/") + "/sparql"


def service_description(request: Request) -> Response:
    endpoint = _endpoint(request)
    results = " , ".join(f"<http://www.w3.org/ns/formats/{name}>" for name in (
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle",
        "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"))
    turtle = f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
<{endpoint}> a sd:Service ;
  sd:endpoint <{endpoint}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:resultFormat {results} ;
  sd:feature sd:UnionDefaultGraph ;
  sd:defaultDataset [ a sd:Dataset ; void:sparqlEndpoint <{endpoint}> ;
    sd:defaultGraph [ a sd:Graph ] ] .
""".encode()
    media = requested(request, list(GRAPH_TYPES))
    return rdf_response(convert(turtle, media), media)


@router.get("/.well-known/void", tags=["SPARQL"], summary="VoID description of the dataset, with real counts")
def void(request: Request) -> Response:
    repository = request.app.state.repository
    rows = repository.select("void")
    base = request.app.state.settings.base_iri
    dataset = f"{base}/dataset"
    lines = ["@prefix void: <http://rdfs.org/ns/void#> .", "@prefix dcterms: <http://purl.org/dc/terms/> .",
             f"<{dataset}> a void:Dataset ;",
             '  dcterms:title "Zangraph: orders on social workers\' qualifications, versioned"@en ;',
             f"  void:sparqlEndpoint <{_endpoint(request)}> ;",
             f"  void:uriSpace \"{base}/\" ;",
             "  void:vocabulary <http://data.europa.eu/eli/ontology#> , <https://w3id.org/zangraph/ontology#> ,",
             "    <http://www.w3.org/ns/prov#> , <http://www.w3.org/2006/time#> ,",
             "    <http://www.w3.org/2004/02/skos/core#> ;",
             f"  void:triples {sum(r['triples'] for r in rows)} ;",
             f"  void:entities {sum(r['entities'] for r in rows)} ;",
             "  void:subset " + " , ".join(f"<{r['graph']}>" for r in rows) + " ."]
    for r in rows:
        lines.append(f"<{r['graph']}> a void:Dataset ; void:triples {r['triples']} ; void:entities {r['entities']} ; "
                     f"void:classes {r['classes']} .")
    media = requested(request, list(GRAPH_TYPES))
    return rdf_response(convert("\n".join(lines).encode(), media), media)



