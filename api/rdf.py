"""RDF answers in the media type a request asks for (Accept, or ``_format``)."""

from __future__ import annotations

import functools
import json
from typing import Any

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import Response

from zangraph.resources import CONTEXT
from zangraph.store.base import GRAPH_TYPES, NotAcceptable, negotiate

FORMATS = {"ttl": "text/turtle", "turtle": "text/turtle", "jsonld": "application/ld+json",
           "json": "application/ld+json", "nt": "application/n-triples", "rdf": "application/rdf+xml",
           "xml": "application/rdf+xml", "html": "text/html", "trig": "application/trig",
           "nq": "application/n-quads", "csv": "text/csv"}


def requested(request: Request, offered: list[str]) -> str:
    """The media type to answer in: ``_format`` wins over Accept; 406 when nothing offered is acceptable."""
    fmt = request.query_params.get("_format")
    if fmt:
        media = FORMATS.get(fmt.lower(), fmt)
        if media not in offered:
            raise NotAcceptable(offered)
        return media
    media = negotiate(request.headers.get("accept"), offered)
    if media is None:
        raise NotAcceptable(offered)
    return media


CONTEXT_PATH = "/ontology/context.jsonld"


@functools.cache
def context() -> dict[str, Any]:
    """The JSON-LD context of the graph's terms (ontology/context.jsonld)."""
    return json.loads(CONTEXT.read_text(encoding="utf-8"))["@context"]


def convert(turtle: bytes, media: str) -> bytes:
    if media == "text/turtle":
        return turtle
    if media == "application/ld+json":
        return jsonld(turtle)
    quads = ox.parse(turtle, format=ox.RdfFormat.TURTLE)
    return ox.serialize(quads, format=GRAPH_TYPES[media])


def jsonld(turtle: bytes) -> bytes:
    """Turtle as JSON-LD compacted with the graph's context, which the answer names by its address (served at
    CONTEXT_PATH) rather than repeating it."""
    from rdflib import Graph

    graph = Graph().parse(data=turtle, format="turtle")
    compacted = json.loads(graph.serialize(format="json-ld", context=context(), auto_compact=True))
    compacted["@context"] = CONTEXT_PATH
    return json.dumps(compacted, ensure_ascii=False).encode("utf-8")


def rdf_response(body: bytes, media: str, status: int = 200) -> Response:
    return Response(body, status_code=status, media_type=media, headers={"Vary": "Accept"})
