"""The HTML page of any IRI of the graph (``/id/...``): the thing's name and text in the page's language, a
link to its page for people where it has one, its statements and those that refer to it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import pyoxigraph as ox
from fastapi import Request
from fastapi.responses import Response

from zangraph.api.pages.render import Context, formats, html
from zangraph.api.site import Site
from zangraph.errors import NotFound
from zangraph.model.ids import FrbrUri
from zangraph.service.answers import Service
from zangraph.service.models import PartAtDate, PartVersion
from zangraph.service.texts import label

_PREFIXES = {"http://data.europa.eu/eli/ontology#": "eli:", "https://w3id.org/zangraph/ontology#": "zg:",
             "http://www.w3.org/1999/02/22-rdf-syntax-ns#": "rdf:", "http://www.w3.org/2000/01/rdf-schema#": "rdfs:",
             "http://www.w3.org/ns/prov#": "prov:", "http://www.w3.org/2006/time#": "time:",
             "http://www.w3.org/2004/02/skos/core#": "skos:", "http://purl.org/dc/terms/": "dcterms:",
             "http://publications.europa.eu/resource/authority/language/": "lang:"}
_ACT_WORDS = {"en": "{type} {number} of {year}", "ru": "{type} № {number} {year} года",
              "kk": "{year} жылғы № {number} {type}"}
_TYPES = {"order": {"en": "Order", "ru": "Приказ", "kk": "бұйрық"}}
_ZG_START = ox.NamedNode("https://w3id.org/zangraph/ontology#start")


def short(iri: str, base: str) -> str:
    """An IRI as the page shows it: under the base, its path; in a known vocabulary, a prefixed name.

    >>> short("http://data.europa.eu/eli/ontology#is_part_of", "http://b"), short("http://b/position/x", "http://b")
    ('eli:is_part_of', '/position/x')
    """
    if iri.startswith(base + "/"):
        return iri[len(base):]
    for namespace, prefix in _PREFIXES.items():
        if iri.startswith(namespace):
            return prefix + iri[len(namespace):]
    return iri


def natural(text: str) -> list[tuple[int, int | str]]:
    """A sort key that puts numbers in their order: ``…/duty/2`` before ``…/duty/10``.

    >>> sorted(["x/duty/10", "x/duty/2", "x/duty/1"], key=natural)
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


def title(iri: str, base: str, lang: str = "en") -> str:
    """A resource's name in words: "Order 17 of 2001, annex 1, chapter 2, section 6, point 40".

    >>> title("http://b/akn/kz/act/order/2001/17/~att_1__chp_2", "http://b", "ru")
    'Приказ № 17 2001 года, приложение 1, глава 2'
    """
    try:
        uri = FrbrUri.within(iri)
    except ValueError:
        path = iri[len(base):] if iri.startswith(base) else iri
        return " ".join(p for p in path.split("/") if p)
    kind = _TYPES.get(uri.type, {}).get(lang) or uri.type.replace("-", " ").capitalize()
    words = _ACT_WORDS[lang].format(type=kind, number=uri.number, year=uri.year)
    if lang == "kk":
        words = words[0].upper() + words[1:]
    if uri.eid:
        words += ", " + label(uri.eid, lang)
    if uri.version:
        words += f", {uri.version}"
    if uri.language:
        words += f", {uri.language}"
    if uri.item:
        words += f", {uri.item.replace('/', ' ')}"
    return words


def _term(term: Any, base: str) -> dict[str, Any]:
    if isinstance(term, ox.NamedNode):
        iri = term.value
        href = "/id/" + iri[len(base) + 1:] if iri.startswith(base + "/") else iri
        return {"href": href, "text": short(iri, base), "title": iri, "lang": None}
    if isinstance(term, ox.Literal):
        return {"href": None, "text": term.value, "title": None, "lang": term.language}
    return {"href": None, "text": str(term), "title": None, "lang": None}


def _in_language(quads: list[Any], lang: str) -> list[Any]:
    """The statements, with each property's language-tagged values cut to the page's language where it has one."""
    kept = []
    for q in quads:
        tagged = isinstance(q.object, ox.Literal) and q.object.language
        if tagged and q.object.language != lang and any(
                o.predicate == q.predicate and isinstance(o.object, ox.Literal) and o.object.language == lang
                for o in quads):
            continue
        kept.append(q)
    return kept


@dataclass(frozen=True)
class Human:
    """What the page adds for people: the thing's page for people where it has one; for a part or a version of
    one, its text on a date (``when``); for a part, its versions."""

    page: str | None = None
    text: PartAtDate | None = None
    when: date | None = None
    versions: list[PartVersion] | None = None


def _human(service: Service, iri: str, triples: list[Any], ctx: Context) -> Human:
    """Where the thing has a page for people, and its text in the page's language where it has one."""
    try:
        uri = service.ids.frbr(iri)
    except ValueError:
        uri = None
    if uri is None:
        try:
            parsed = service.ids.parse(iri)
        except ValueError:  # the dataset, its graphs: described by VoID
            return Human()
        if "position" in parsed:
            return Human(ctx.link(f"/positions/{parsed['position']}"))
        if "named_act" in parsed:
            return Human(ctx.link(f"/acts/{parsed['named_act']}"))
        return Human()
    if not uri.eid:
        return Human(ctx.link(f"/acts/{uri.work.key}"))
    part = replace(uri, version=None, language=None, item=None)
    when = ctx.at
    if uri.version:
        starts = [q.object.value for q in triples if q.predicate == _ZG_START and q.subject.value == iri]
        when = date.fromisoformat(starts[0]) if starts else when
    try:
        text = service.part(part.key, when, ctx.lang)
        versions = service.part_versions(part.key).versions if not uri.version else None
    except NotFound:
        return Human()
    return Human(ctx.link(f"/parts/{part.key}"), text, when, versions)


def resource_page(request: Request, site: Site, iri: str, triples: list[Any]) -> Response:
    ctx = Context.of(request)
    base = site.settings.base_iri
    subject = ox.NamedNode(iri)
    outgoing = sorted(_in_language([q for q in triples if q.subject == subject], ctx.lang),
                      key=lambda q: (q.predicate.value, natural(str(q.object))))
    incoming = sorted((q for q in triples if q.subject != subject),
                      key=lambda q: (q.predicate.value, natural(str(q.subject))))
    return html("resource.html", ctx, title=title(iri, base, ctx.lang), iri=iri,
                human=_human(site.service, iri, triples, ctx),
                outgoing=[(_term(q.predicate, base), _term(q.object, base)) for q in outgoing],
                incoming=[(_term(q.subject, base), _term(q.predicate, base)) for q in incoming],
                formats=formats(ctx, ["ttl", "jsonld", "nt", "rdf", "csv"]))

