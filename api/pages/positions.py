"""A position on a date, and the same position on two dates side by side."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from zangraph.api.pages.render import Context, answer, formats, html, title_in, turtle_of
from zangraph.api.pages.views import FORMAT, act_names
from zangraph.api.site import SiteDep
from zangraph.api.tables import csv_response
from zangraph.errors import NotFound
from zangraph.service.answers import Service
from zangraph.service.changes import education_words, field_words
from zangraph.service.models import Comparison, Requirements
from zangraph.service.params import parse_date

router = APIRouter(include_in_schema=False)
OFFERED = ["html", "json", "ttl", "csv"]
CHANGES = ["act", "skill_level", "rung", "category", "field", "change", "before", "after", "sentence"]
LADDER = ["act", "part", "version", "rung", "skill_level", "category", "education_level", "education_fields",
          "min_experience_years", "prior_role", "text"]


def _title(service: Service, ident: str, lang: str) -> tuple[str, str]:
    for p in service.positions().positions:
        if p.id == ident:
            return title_in(p.title, lang) or (ident, "en")
    raise NotFound("position", ident, "see /api/v1/positions")


def _ladder_rows(answer: Requirements) -> list[list[Any]]:
    return [[s.act.id, s.part.id, s.version.id, r.rung, r.skill_level, r.category, " ".join(r.education_level),
             " ".join(r.education_fields), r.min_experience_years, r.prior_role, r.text]
            for s in answer.sources for r in s.qualification]


def _words(ctx: Context) -> dict[str, Callable[[str], str]]:
    """How a ladder's coded values read in the page's language."""
    return {"education": lambda level: education_words(level, ctx.lang),
            "field": lambda name: field_words(name, ctx.lang)}


@router.get("/positions/{position_id}", name="position_page")
def position(request: Request, site: SiteDep, position_id: str, format_: str | None = FORMAT) -> Response:
    service = site.service

    def data(ctx: Context) -> Requirements:
        return service.requirements(position_id, ctx.at, ctx.lang)

    def table(ctx: Context) -> Response:
        return csv_response(LADDER, _ladder_rows(data(ctx)), position_id)

    def page(ctx: Context) -> Response:
        found = data(ctx)
        name = _title(service, position_id, ctx.lang)
        return html("position.html", ctx, title=ctx.say("position_at", title=name[0], at=ctx.at.strftime("%d.%m.%Y")),
                    name=name, answer=found, names=act_names(service, ctx.lang), words=_words(ctx),
                    position_id=position_id, formats=formats(ctx, OFFERED))

    return answer(request, OFFERED, page, data, table,
                  turtle_of(site.repository, lambda: service.names.position_iri(position_id)))


@router.get("/positions/{position_id}/compare", name="position_compare")
def compare(request: Request, site: SiteDep, position_id: str, from_: str | None = Query(None, alias="from"),
            to: str | None = Query(None), format_: str | None = FORMAT) -> Response:
    service = site.service

    def dates(ctx: Context) -> tuple[date, date]:
        first = parse_date("from", from_, ctx.at) if from_ else ctx.at
        second = parse_date("to", to, ctx.at) if to else ctx.at
        return first, second

    def data(ctx: Context) -> Comparison:
        return service.compare(position_id, *dates(ctx), ctx.lang)

    def page(ctx: Context) -> Response:
        found = data(ctx)
        name = _title(service, position_id, ctx.lang)
        marked = {(c.act, c.skill_level, c.rung, c.field) for c in found.changes}
        return html("compare.html", ctx, title=ctx.say("compare_title", title=name[0], a=found.from_.at,
                                                       b=found.to.at),
                    name=name, found=found, marked=marked, names=act_names(service, ctx.lang), words=_words(ctx),
                    position_id=position_id, formats=formats(ctx, ["html", "json", "csv"]))

    def table(ctx: Context) -> Response:
        found = data(ctx)
        return csv_response(CHANGES,
                            ([c.act, c.skill_level, c.rung, c.category, c.field, c.change, _cell(c.before),
                              _cell(c.after), c.sentence] for c in found.changes),
                            f"{position_id}-changes")

    return answer(request, ["html", "json", "csv"], page, data, table)


def _cell(value: Any) -> Any:
    """A value of a change as one CSV cell: a list's items separated by spaces."""
    return " ".join(value) if isinstance(value, list) else value
