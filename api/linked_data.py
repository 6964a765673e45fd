"""Every IRI the graph mints under its base resolves here (``/id/<path>`` is ``<base>/<path>``), with content
negotiation: HTML for browsers, Turtle, JSON-LD, N-Triples, RDF/XML by Accept or ``_format``."""

from __future__ import annotations

from html import escape

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from zangraph.service import NotFound

from .rdf import rdf_response, requested

router = APIRouter(tags=["Linked data"])
OFFERED = ["text/html", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"]


@router.get("/id/{path:path}", summary="Dereference an IRI of the graph")
def resource(request: Request, path: str) -> Response:
    base = request.app.state.settings.base_iri
    iri = f"{base}/{path}"
    media = requested(request, OFFERED)
    repository = request.app.state.repository
    turtle = repository.construct("describe", "text/turtle", resource=iri)
    triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    if not triples:
        raise NotFound("resource", iri)
    if media == "text/html":
        return HTMLResponse(page(iri, triples, base), headers={"Vary": "Accept"})
    body = turtle if media == "text/turtle" else ox.serialize(triples, format=_FORMATS[media])
    return rdf_response(body, media)


_FORMATS = {"application/ld+json": ox.RdfFormat.JSON_LD, "application/n-triples": ox.RdfFormat.N_TRIPLES,
            "application/rdf+xml": ox.RdfFormat.RDF_XML}


def _link(term: object, base: str) -> str:
    if isinstance(term, ox.NamedNode):
        iri = term.value
        href = "/id/" + iri[len(base) + 1:] if iri.startswith(base + "/") else iri
        return f'<a href="{escape(href)}">{escape(iri)}</a>'
    if isinstance(term, ox.Literal):
        lang = f' lang="{escape(term.language)}"' if term.language else ""
        return f"<span{lang}>{escape(term.value)}</span>"
    return escape(str(term))


def page(iri: str, triples: list, base: str) -> str:
    outgoing = sorted((q for q in triples if q.subject == ox.NamedNode(iri)), key=lambda q: (q.predicate.value,
                                                                                               str(q.object)))
    incoming = sorted((q for q in triples if q.subject != ox.NamedNode(iri)), key=lambda q: (q.predicate.value,
                                                                                               str(q.subject)))
    rows = "".join(f"<tr><td>{_link(q.predicate, base)}</td><td>{_link(q.object, base)}</td></tr>" for q in outgoing)
    back = "".join(f"<tr><td>{_link(q.subject, base)}</td><td>{_link(q.predicate, base)}</td></tr>"
                   for q in incoming)
    formats = " · ".join(f'<a href="?_format={f}">{f}</a>' for f in ("ttl", "jsonld", "nt", "rdf"))
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(iri)}</title>
<style>body{{font-family:sans-serif;max-width:75em;margin:auto}}td{{vertical-align:top;padding:.2em .5em;
border-top:1px solid #ddd}}</style></head><body>
<h1>{escape(iri)}</h1><p>Also as {formats}.</p>
<table><tr><th>property</th><th>value</th></tr>{rows}</table>
<h2>Referred to by</h2><table><tr><th>resource</th><th>property</th></tr>{back}</table>
</body></html>
"""
