"""RDF answers in the media type a request asks for (Accept, or ``_format``)."""

from __future__ import annotations

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import Response

from zangraph.store.base import GRAPH_TYPES, NotAcceptable, negotiate

FORMATS = {"ttl": "text/turtle", "turtle": "text/turtle", "jsonld": "application/ld+json",
           "json": "application/ld+json", "nt": "application/n-triples", "rdf": "application/rdf+xml",
           "xml": "application/rdf+xml", "html": "text/html", "trig": "application/trig",
           "nq": "application/n-quads"}


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


def convert(turtle: bytes, media: str) -> bytes:
    if media == "text/turtle":
        return turtle
    quads = ox.parse(turtle, format=ox.RdfFormat.TURTLE)
    return ox.serialize(quads, format=GRAPH_TYPES[media])


def rdf_response(body: bytes, media: str, status: int = 200) -> Response:
    return Response(body, status_code=status, media_type=media, headers={"Vary": "Accept"})
