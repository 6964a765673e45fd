"""Every IRI the graph mints under its base resolves here (``/id/<path>`` is ``<base>/<path>``), with content
negotiation: HTML for browsers, Turtle, JSON-LD, N-Triples, RDF/XML by Accept or ``_format``."""

from __future__ import annotations

import json
from html import escape
from typing import Literal

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from zangraph.docgen import ontology_html
from zangraph.graph.build import ONTOLOGY
from zangraph.ids import FrbrUri
from zangraph.service import NotFound
from zangraph.store.base import is_iri
from zangraph.texts import label

from .problems import errors
from .rdf import context, convert, rdf_response, requested
from .sparql import void_turtle

router = APIRouter(tags=["Linked data"])
OFFERED = ["text/html", "text/turtle", "application/ld+json", "application/n-triples", "application/rdf+xml"]


@router.get("/id/{path:path}", summary="Dereference an IRI of the graph", response_class=Response,
            responses={200: {"description": "The resource's statements, and those that refer to it",
                             "content": {media: {"schema": {"type": "object"} if media == "application/ld+json"
                                                 else {"type": "string"}} for media in OFFERED}},
                       **errors(404, 406, 422, 503)})
def resource(request: Request, path: str,
             format_: Literal["html", "ttl", "turtle", "jsonld", "json", "nt", "rdf", "xml"] | None = Query(
                 None, alias="_format", description="The media type by name, instead of Accept")) -> Response:
    base = request.app.state.settings.base_iri
    iri = f"{base}/{path}"
    if not is_iri(iri):
        raise NotFound("resource", iri)
    media = requested(request, OFFERED)
    repository = request.app.state.repository
    turtle = repository.construct("describe", "text/turtle", resource=iri)
    triples = list(ox.parse(turtle, format=ox.RdfFormat.TURTLE))
    if not triples and (iri == f"{base}/dataset" or iri.startswith(f"{base}/graph/")):
        # The dataset and its named graphs are described by the VoID description, not by statements in a graph.
        turtle = void_turtle(request)
        triples = [t for t in ox.parse(turtle, format=ox.RdfFormat.TURTLE)]
        if not any(t.subject == ox.NamedNode(iri) for t in triples):
            triples = []
    if not triples:
        raise NotFound("resource", iri)
    if media == "text/html":
        versions = None
        if "/~" in path and "/@" not in path:
            service = request.app.state.service
            try:
                versions = service.part_versions(service.part_id(iri))["versions"]
            except (NotFound, KeyError, ValueError):
                versions = None
        return HTMLResponse(page(iri, triples, base, versions), headers={"Vary": "Accept"})
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
                                                 else {"type": "string"}} for media in OFFERED}},
                       **errors(406, 422)})
def ontology(request: Request,
             format_: Literal["html", "ttl", "turtle", "jsonld", "json", "nt", "rdf", "xml"] | None = Query(
                 None, alias="_format", description="The media type by name, instead of Accept")) -> Response:
    media = requested(request, OFFERED)
    if media == "text/html":
        return HTMLResponse(ontology_html(), headers={"Vary": "Accept"})
    return rdf_response(convert(ONTOLOGY.read_bytes(), media), media)


_PREFIXES = {"http://data.europa.eu/eli/ontology#": "eli:", "https://w3id.org/zangraph/ontology#": "zg:",
             "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:", "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
             "http://www.w3.org/ns/prov#": "prov:", "http://www.w3.org/2006/time#": "time:",
             "http://www.w3.org/2004/02/skos/core#": "skos:",
             "http://publications.europa.eu/resource/authority/language/": "lang:"}


def _short(iri: str, base: str) -> str:
    if iri.startswith(base + "/"):
        return iri[len(base):]
    for namespace, prefix in _PREFIXES.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace):]
    return iri


def _link(term: object, base: str) -> str:
    if isinstance(term, ox.NamedNode):
        iri = term.value
        href = "/id/" + iri[len(base) + 1:] if iri.startswith(base + "/") else iri
        return f'<a href="{escape(href)}" title="{escape(iri)}">{escape(_short(iri, base))}</a>'
    if isinstance(term, ox.Literal):
        lang = f' lang="{escape(term.language)}"' if term.language else ""
        return f"<span{lang}>{escape(term.value)}</span>"
    return escape(str(term))


def _versions(versions: list[dict] | None, iri: str) -> str:
    if not versions:
        return ""
    rows = "".join(
        f'<tr><td><a href="/id/{escape(_tail(iri))}/@{escape(v["id"].rsplit("@", 1)[1])}">'
        f'{escape(v["id"].rsplit("@", 1)[1])}</a></td><td>{escape(v["valid_from"] or "")}</td>'
        f'<td>{escape(v["valid_to"] or "")}</td><td>{escape(v["certainty"])}</td>'
        f'<td>{escape(v["made_by"]["kind"] or "")} by {escape(v["made_by"]["act"])}</td>'
        f'<td>{escape(", ".join(v["languages"]) or "no text in the corpus")}</td></tr>' for v in versions)
    return ("<h2>Versions</h2><table><tr><th>version</th><th>from</th><th>until</th><th>certainty</th>"
            f"<th>made by</th><th>text</th></tr>{rows}</table>")


def _natural(text: str) -> list[tuple[int, int | str]]:
    """A sort key that puts numbers in their order: ``…/duty/2`` before ``…/duty/10``.

    >>> sorted(["x/duty/10", "x/duty/2", "x/duty/1"], key=_natural)
    ['x/duty/1', 'x/duty/2', 'x/duty/10']
    """
    out: list[tuple[int, int | str]] = []
    digits = ""
    for c in text + "\0":
        if c.isdigit() and c.isascii():
            digits += c
            continue
        if digits:
            out.append((0, int(digits)))
            digits = ""
        if c != "\0":
            out.append((1, c))
    return out


def _tail(iri: str) -> str:
    return iri.split("/", 3)[3]


def page(iri: str, triples: list, base: str, versions: list[dict] | None = None) -> str:
    outgoing = sorted((q for q in triples if q.subject == ox.NamedNode(iri)),
                      key=lambda q: (q.predicate.value, _natural(str(q.object))))
    incoming = sorted((q for q in triples if q.subject != ox.NamedNode(iri)),
                      key=lambda q: (q.predicate.value, _natural(str(q.subject))))
    rows = "".join(f"<tr><td>{_link(q.predicate, base)}</td><td>{_link(q.object, base)}</td></tr>" for q in outgoing)
    back = "".join(f"<tr><td>{_link(q.subject, base)}</td><td>{_link(q.predicate, base)}</td></tr>"
                   for q in incoming)
    formats = " · ".join(f'<a href="?_format={f}">{f}</a>' for f in ("ttl", "jsonld", "nt", "rdf"))
    title = _title(iri, base)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)}</title>
<style>body{{font-family:sans-serif;max-width:75em;margin:1em auto;padding:0 1em}}h1{{font-size:1.4em}}
code,td{{word-break:break-word}}td{{vertical-align:top;padding:.2em .5em;border-top:1px solid #ddd}}
th{{text-align:left}}</style></head><body>
<h1>{escape(title)}</h1><p><code>{escape(iri)}</code><br>Also as {formats}.</p>
{_versions(versions, iri)}
<h2>Statements</h2><table><tr><th>property</th><th>value</th></tr>{rows}</table>
<h2>Referred to by</h2><table><tr><th>resource</th><th>property</th></tr>{back}</table>
</body></html>
"""


def _title(iri: str, base: str) -> str:
    """A resource's name in words: "Order 17 of 2001, annex 1, chapter 2, section 6, point 40"."""
    try:
        uri = FrbrUri.within(iri)
    except ValueError:
        path = iri[len(base):] if iri.startswith(base) else iri
        return " ".join(p for p in path.split("/") if p)
    words = f"{uri.type.replace('-', ' ').capitalize()} {uri.number} of {uri.date}"
    if uri.eid:
        words += ", " + label(uri.eid)
    if uri.version:
        words += f", version {uri.version}"
    if uri.language:
        words += f", text in {uri.language}"
    if uri.item:
        words += f", {uri.item.replace('/', ' ')}"
    return words
