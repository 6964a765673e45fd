"""The SPARQL 1.1 Protocol endpoint (read-only), its Service Description, and the VoID description (both
written by api/descriptions.py)."""

from __future__ import annotations

import asyncio
import threading
from typing import Any, Literal
from urllib.parse import parse_qs

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from zangraph.api.descriptions import endpoint, service_description, void_turtle
from zangraph.api.pages.editor import editor
from zangraph.api.problems import BodyTooLarge, UnsupportedMedia, errors
from zangraph.api.rdf import convert, rdf_response, requested
from zangraph.api.site import Site, SiteDep
from zangraph.store.base import GRAPH_TYPES, RESULT_TYPES, QueryError, UpdateRefused, UserQuery, is_iri, negotiate
from zangraph.store.sandbox import Cancelled
from zangraph.store.sparql_text import form as request_form

router = APIRouter()


DESCRIPTION = ("GET with `query`, POST as a form or as `application/sparql-query`; `default-graph-uri` and "
               "`named-graph-uri`; results as SPARQL JSON/XML, CSV, TSV or, for CONSTRUCT/DESCRIBE, Turtle, "
               "N-Triples, JSON-LD, RDF/XML, TriG, N-Quads by Accept (`application/json` and `application/xml` "
               "too, with quality values). Without a query: the Service Description. Without a dataset in the "
               "request or FROM in the query, the default graph is the union of the named graphs; relative IRIs "
               "resolve against the endpoint's address. Updates are refused (403), and SERVICE unless the setting "
               "`sparql_services` lists the endpoint. Each query "
               "runs in a worker process with a time, memory and result-size limit (422 naming the limit); when "
               "every worker is busy, 503 with Retry-After.")


# The Protocol's parameters: the handler reads them itself (a form may repeat them), so they are declared here.
_GRAPHS = {"type": "array", "items": {"type": "string", "format": "iri"}}
_PARAMETERS = [
    {"name": "query", "in": "query", "required": False, "schema": {"type": "string"},
     "description": "A SPARQL 1.1 query; without one, the answer is the Service Description",
     "examples": {"count": {"value": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"}}},
    {"name": "default-graph-uri", "in": "query", "required": False, "schema": _GRAPHS, "explode": True,
     "description": "A graph of the query's default graph (overrides FROM)"},
    {"name": "named-graph-uri", "in": "query", "required": False, "schema": _GRAPHS, "explode": True,
     "description": "A named graph of the query's dataset (overrides FROM NAMED)"},
]
# SPARQL 1.1 Query Results JSON: a head, and either bindings or a boolean.
_RESULTS_JSON = {"type": "object", "required": ["head"], "properties": {
    "head": {"type": "object"}, "results": {"type": "object", "properties": {"bindings": {"type": "array"}}},
    "boolean": {"type": "boolean"}}}
_SCHEMAS: dict[str, dict[str, Any]] = {"application/sparql-results+json": _RESULTS_JSON,
                                       "application/json": _RESULTS_JSON,
                                       "application/ld+json": {"type": ["object", "array"]}}
_MEDIA = [*RESULT_TYPES, *GRAPH_TYPES]
_ANSWERS: dict[int | str, dict[str, Any]] = {
    200: {"description": "Query results (SELECT, ASK) or a graph (CONSTRUCT, DESCRIBE), by Accept; without a "
                         "query, the Service Description",
          "content": {media: {"schema": _SCHEMAS.get(media, {"type": "string"})} for media in _MEDIA}},
    **errors(400, 403, 406, 415, 422, 503)}
_FORM = {"type": "object", "properties": {"query": {"type": "string"}, "default-graph-uri": _GRAPHS,
                                          "named-graph-uri": _GRAPHS}}


@router.get("/sparql", name="sparql", tags=["SPARQL"], summary="SPARQL 1.1 query (GET)", description=DESCRIPTION,
            response_class=Response, responses=_ANSWERS, openapi_extra={"parameters": _PARAMETERS})
async def sparql_get(request: Request, site: SiteDep) -> Response:
    return await sparql(request, site)


@router.post("/sparql", tags=["SPARQL"], summary="SPARQL 1.1 query (POST)", description=DESCRIPTION,
             response_class=Response, responses=_ANSWERS, openapi_extra={
                 "parameters": _PARAMETERS[1:], "requestBody": {"required": True, "content": {
                     "application/sparql-query": {"schema": {"type": "string"}},
                     "application/x-www-form-urlencoded": {"schema": _FORM}}}})
async def sparql_post(request: Request, site: SiteDep) -> Response:
    return await sparql(request, site)


async def sparql(request: Request, site: Site) -> Response:
    params = {k: v for k, v in parse_qs(request.url.query, keep_blank_values=True).items()}
    query: list[str] = params.get("query", [])
    if request.method == "POST":
        media = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = await _body(request, site.settings.max_body_kb * 1024)
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
            raise UnsupportedMedia(f"unsupported content type {media!r}: send application/sparql-query or a form")
    if "update" in params:
        raise UpdateRefused("this endpoint is read-only: updates are not accepted")
    for key in ("default-graph-uri", "named-graph-uri"):
        for value in params.get(key, []):
            if not is_iri(value):
                raise QueryError(f"parameter {key}={value!r}: expected an absolute IRI")
    if not query:
        # A browser asking for the endpoint gets the query editor; anything else, the Service Description.
        if request.method == "GET" and "_format" not in params and \
                negotiate(request.headers.get("accept"), [*GRAPH_TYPES, "text/html"]) == "text/html":
            return editor(request, site.settings.base_iri)
        media = requested(request, list(GRAPH_TYPES))
        return rdf_response(convert(service_description(site.settings), media), media)
    if len(query) > 1:
        raise QueryError("give one query, not several")
    if request_form(query[0]) == "update":
        raise UpdateRefused("this endpoint is read-only: updates are not accepted")
    asked = UserQuery(query[0], request.headers.get("accept"), tuple(params.get("default-graph-uri", [])),
                      tuple(params.get("named-graph-uri", [])), base_iri=endpoint(site.settings))
    # In a worker process with its limits (sandbox), waited for in a thread: the event loop stays free. A client
    # that goes away stops its query, and frees its worker for the next.
    cancel = threading.Event()
    watcher = asyncio.create_task(_watch_disconnect(request, cancel))
    try:
        answer = await run_in_threadpool(site.user_queries.run, asked, cancel)
    except Cancelled:
        return Response(status_code=499)  # nobody reads it: "client closed request", for the access log
    finally:
        watcher.cancel()
    return Response(answer.body, media_type=answer.media_type, headers={"Vary": "Accept"})


async def _watch_disconnect(request: Request, cancel: threading.Event) -> None:
    # Waits for the next ASGI message: once the body is read, the only one left is the client's disconnect.
    # (Request.is_disconnected looks without waiting, and through the middleware it never sees it.)
    while True:
        message = await request.receive()
        if message["type"] == "http.disconnect":
            cancel.set()
            return


async def _body(request: Request, limit: int) -> bytes:
    """The request body, read no further than ``limit`` bytes: a body sent in chunks states no length, so the
    middleware's check of Content-Length cannot stop it."""
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge(f"the request body is larger than {limit // 1024} KiB")
        chunks.append(chunk)
    return b"".join(chunks)


@router.get("/.well-known/void", tags=["SPARQL"], summary="VoID description of the dataset, with real counts",
            response_class=Response, responses={
                200: {"description": "The VoID description",
                      "content": {media: {"schema": _SCHEMAS.get(media, {"type": "string"})}
                                  for media in GRAPH_TYPES}},
                **errors(406, 422, 503)})
def void(request: Request, site: SiteDep,
         format_: Literal["ttl", "turtle", "jsonld", "json", "nt", "rdf", "xml", "trig", "nq"] | None = Query(
             None, alias="_format", description="The media type by name, instead of Accept")) -> Response:
    media = requested(request, list(GRAPH_TYPES))
    return rdf_response(convert(void_turtle(site.repository, site.settings), media), media)
