"""Every IRI the graph mints under its base resolves here (``/id/<path>`` is ``<base>/<path>``), with content
negotiation: HTML for browsers, Turtle, JSON-LD, N-Triples, RDF/XML by Accept or ``_format``."""

from __future__ import annotations

import json
from typing import Literal

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from zangraph.api.descriptions import void_turtle
from zangraph.api.pages.resource import resource_page
from zangraph.api.problems import errors
from zangraph.api.rdf import context, convert, rdf_response, requested
from zangraph.api.site import SiteDep
from zangraph.api.tables import csv_response
from zangraph.errors import NotFound
from zangraph.graph.docgen import ontology_html
from zangraph.resources import ONTOLOGY
from zangraph.store.base import is_iri

router = APIRouter(tags=["Linked data"])
OFFERED = ["text/html", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml",
           "text/csv"]


@router.get("/id/{path:path}", summary="Dereference an IRI of the graph", response_class=Response,
            responses={200: {"description": "The resource's statements, and those that refer to it",
                             "content": {media: {"schema": {"type": "object"} if media == "application/ld+json"
                                                 else {"type": "string"}} for media in OFFERED}},
                       **errors(404, 406, 422, 503)})
def resource(request: Request, site: SiteDep, path: str,
             format_: Literal["html", "ttl", "turtle", "jsonld", "json", "nt", "rdf", "xml", "csv"] | None = Query(
                 None, alias="_format", description="The media type by name, instead of Accept"),
             lang: Literal["en", "ru", "kk"] = Query("en", description="The language of the page's labels and text"),
             at: str | None = Query(None, description="The date a part's text is shown for, YYYY-MM-DD")) -> Response:
    base = site.settings.base_iri
    iri = f"{base}/{path}"
    if not is_iri(iri):
        raise NotFound("resource", iri)
    media = requested(request, OFFERED)
    turtle = site.repository.construct("describe", "text/turtle", resource=iri)
    triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    if not triples and (iri == f"{base}/dataset" or iri.startswith(f"{base}/graph/")):
        # The dataset and its named graphs are described by the VoID description, not by statements in a graph.
        turtle = void_turtle(site.repository, site.settings)
        triples = [t for t in ox.parse(turtle, format=ox.RdfFormat.TURTLE)]
        if not any(t.subject == ox.NamedNode(iri) for t in triples):
            triples = []
    if not triples:
        raise NotFound("resource", iri)
    if media == "text/html":
        return resource_page(request, site, iri, triples)
    if media == "text/csv":
        return csv_response(["subject", "predicate", "object"],
                            ([q.subject.value, q.predicate.value, q.object.value] for q in triples), "statements")
    return rdf_response(convert(turtle, media), media)


@router.get("/ontology/context.jsonld", summary="The JSON-LD context of the graph's terms", response_class=Response,
            responses={200: {"content": {"application/ld+json": {"schema": {"type": "object"}}}}, **errors()})
def json_ld_context() -> Response:
    return Response(json.dumps({"@context": context()}, ensure_ascii=False).encode("utf-8"),
                    media_type="application/ld+json")


@router.get("/ontology", summary="The ontology of the graph (its namespace, https://w3id.org/zangraph/ontology#)",
            response_class=Response,
            responses={200: {"description": "The ontology: its reference page, or its statements",
                             "content": {media: {"schema": {"type": "object"} if media == "application/ld+json"
                                                 else {"type": "string"}} for media in OFFERED[:-1]}},
                       **errors(406, 422)})
def ontology(request: Request,
             format_: Literal["html", "ttl", "turtle", "jsonld", "json", "nt", "rdf", "xml"] | None = Query(
                 None, alias="_format", description="The media type by name, instead of Accept")) -> Response:
    media = requested(request, OFFERED[:-1])
    if media == "text/html":
        return HTMLResponse(ontology_html(), headers={"Vary": "Accept"})
    return rdf_response(convert(ONTOLOGY.read_bytes(), media), media)
