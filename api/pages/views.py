"""The pages of the dataset as a whole: home, search, findings, and the source texts that spans point into."""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from zangraph.api.descriptions import void_turtle
from zangraph.api.pages.render import Context, answer, day, formats, html, title_in
from zangraph.api.pages.words import say
from zangraph.api.rdf import rdf_response
from zangraph.api.site import SiteDep
from zangraph.api.tables import csv_response
from zangraph.errors import InvalidParameter, NotFound
from zangraph.service.answers import Service
from zangraph.service.models import Finding, Findings, Model
from zangraph.service.texts import local
from zangraph.store.search import grouped

router = APIRouter(include_in_schema=False)
FORMAT = Query(None, alias="_format", description="html, json or csv, instead of Accept")
LIMIT = 100  # passages a search shows, best first


class Facts(Model):
    """The home page's figures: the service's counts, the findings, and the build served."""

    acts: int
    parts: int
    versions: int
    positions: int
    findings: int
    dataset_sha256: str | None
    built: str | None


def act_names(service: Service, lang: str) -> dict[str, tuple[str, str]]:
    """Each act's name in a language (its title, else "Order No N of DATE"), with the language it is in."""
    out = {}
    for act in service.acts().acts:
        found = title_in(act.title, lang)
        if found is None:
            number = act.number or act.id
            found = (say("order_name", lang, number=number, date=day(act.date)) if act.date else act.id, lang)
        out[act.id] = found
    return out


@router.get("/", name="home")
def home(request: Request, site: SiteDep, format_: str | None = FORMAT) -> Response:
    service, build = site.service, site.build

    def data(_: Context) -> Facts:
        return Facts(**dict(service.counts()), findings=len(service.findings().findings),
                     dataset_sha256=build.sha256, built=build.built)

    def page(ctx: Context) -> Response:
        acts = [a for a in service.acts().acts if a.number]
        return html("home.html", ctx, title="Zangraph", facts=data(ctx), acts=acts,
                    names=act_names(service, ctx.lang), positions=service.positions().positions,
                    title_in=title_in, formats=formats(ctx, HOME))

    def table(ctx: Context) -> Response:
        names = act_names(service, ctx.lang)
        return csv_response(["act", "number", "date", "title", "title_language"],
                            ([a.id, a.number, a.date, *names[a.id]] for a in service.acts().acts), "acts")

    def turtle(_: Context) -> Response:
        return rdf_response(void_turtle(site.repository, site.settings), "text/turtle")

    return answer(request, HOME, page, data, table, turtle)


HOME = ["html", "json", "ttl", "csv"]


@router.get("/search", name="search")
def search(request: Request, site: SiteDep, q: str | None = Query(None), when: str | None = Query(None),
           format_: str | None = FORMAT) -> Response:
    service, index = site.service, site.search

    def found(ctx: Context) -> list[Any]:
        if not q:
            return []
        return index.search(q, at=None if when == "any" else ctx.at, limit=LIMIT)

    def data(ctx: Context) -> dict[str, Any]:
        return {"q": q, "at": None if when == "any" else ctx.at.isoformat(),
                "hits": [h.as_json() for h in found(ctx)]}

    def table(ctx: Context) -> Response:
        return csv_response(["act", "kind", "part", "version", "lang", "valid_from", "valid_to", "passage"],
                            ([h.act, h.kind, h.part, h.version, h.lang, h.valid_from, h.valid_to,
                              "".join(t for t, _ in h.passage)] for h in found(ctx)), "search")

    def page(ctx: Context) -> Response:
        try:
            hits = found(ctx)
        except InvalidParameter:
            hits = []
        groups = grouped(hits)
        return html("search.html", ctx, title=ctx.say("search") + (f": {q}" if q else ""), q=q or "",
                    when=when or "at", groups=groups, count=len(hits), limit=LIMIT, names=act_names(service, ctx.lang),
                    formats=formats(ctx, ["html", "json", "csv"]) if q else [])

    return answer(request, ["html", "json", "csv"], page, data, table)


@router.get("/findings", name="findings_page")
def findings(request: Request, site: SiteDep, kind: str | None = Query(None), act: str | None = Query(None),
             format_: str | None = FORMAT) -> Response:
    service = site.service

    def data(_: Context) -> Findings:
        return service.findings(kind, act)

    def table(ctx: Context) -> Response:
        return csv_response(["id", "kind", "act", "places", "message", "evidence"],
                            ([f.id, f.kind, f.act, " ".join(p.id for p in f.places), f.message, " | ".join(f.evidence)]
                             for f in data(ctx).findings), "findings")

    def page(ctx: Context) -> Response:
        answered = data(ctx)
        groups: dict[str | None, dict[str | None, list[Finding]]] = defaultdict(lambda: defaultdict(list))
        for finding in answered.findings:
            groups[finding.kind][finding.act].append(finding)
        # The validation report is the build's own JSON (validation.json), read as it is.
        results: dict[tuple[str, str | None], list[dict[str, Any]]] = defaultdict(list)
        for result in (answered.validation or {}).get("results", []):
            results[(result["severity"], local(result["shape"]))].append(result)
        return html("findings.html", ctx, title=ctx.say("findings"), validation=answered.validation,
                    results=results, groups={k: dict(v) for k, v in sorted(groups.items())},
                    names=act_names(service, ctx.lang), base=site.settings.base_iri,
                    formats=formats(ctx, FINDINGS))

    def turtle(_: Context) -> Response:
        body = site.repository.construct("graph", "text/turtle", graph=str(service.ids.graph("findings")))
        return rdf_response(body, "text/turtle")

    return answer(request, FINDINGS, page, data, table, turtle)


FINDINGS = ["html", "json", "ttl", "csv"]


_SOURCE = re.compile(r"^[\w.-]+\.(?:txt|md)$")


@router.get("/sources/{name}", name="source")
def source(request: Request, site: SiteDep, name: str, lines: str | None = Query(None)) -> Response:
    """A source text as published, the lines a span names marked: where every statement of the graph comes from."""
    folder = site.settings.sources_dir
    if not _SOURCE.match(name) or not (folder / name).is_file():
        raise NotFound("source text", name, "a file name of data/sources, as a span names it")
    first = last = None
    if lines:
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", lines)
        if not m:
            raise InvalidParameter("lines", lines, "a line number or a range such as 12-14")
        first, last = int(m.group(1)), int(m.group(2) or m.group(1))

    def page(ctx: Context) -> Response:
        text = (folder / name).read_text(encoding="utf-8").splitlines()
        start = max(1, (first or 1) - 15)
        end = min(len(text), (last or 60) + 15)
        shown = [(n, text[n - 1], first is not None and first <= n <= (last or first)) for n in range(start, end + 1)]
        return html("source.html", ctx, title=f"{ctx.say('source_text')}: {name}", name=name, shown=shown,
                    first=first, last=last, total=len(text))

    return answer(request, ["html"], page)
