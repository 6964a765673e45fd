"""A part's history: every version with its interval, the event and note behind it and its text, and two
versions side by side, word by word, under the structured changes of its requirements."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from zangraph.api.pages.render import Context, answer, formats, html, part_label, turtle_of
from zangraph.api.pages.textdiff import word_diff
from zangraph.api.pages.views import FORMAT, act_names
from zangraph.api.site import SiteDep
from zangraph.api.tables import csv_response
from zangraph.model.ids import FrbrUri
from zangraph.service.answers import Service
from zangraph.service.models import Model, Note, PartAtDate, PartDiff, PartVersion, PartVersions
from zangraph.service.params import parse_date
from zangraph.service.texts import LANGS

router = APIRouter(include_in_schema=False)
OFFERED = ["html", "json", "ttl", "csv"]


class PartPage(Model):
    """What the part's page shows: its versions, its text on the date, and the diff between two dates asked for."""

    versions: PartVersions
    at: PartAtDate
    diff: PartDiff | None


class ShownVersion(PartVersion):
    """A version as the page lists it: with the notes on the event that made it, and its text."""

    notes: list[Note]
    shown: PartAtDate


@dataclass(frozen=True)
class Sides:
    """Two versions' texts side by side; word by word (``left``, ``right``) where they are ``compared``."""

    first: PartAtDate
    second: PartAtDate
    compared: bool
    left: list[tuple[str, str]] = field(default_factory=list)
    right: list[tuple[str, str]] = field(default_factory=list)


@router.get("/parts/{part_id}", name="part_page")
def part(request: Request, site: SiteDep, part_id: str, from_: str | None = Query(None, alias="from"),
         to: str | None = Query(None), format_: str | None = FORMAT) -> Response:
    service = site.service

    def compared(ctx: Context) -> tuple[date, date] | None:
        if not (from_ and to):
            return None
        return parse_date("from", from_), parse_date("to", to)

    def data(ctx: Context) -> PartPage:
        dates = compared(ctx)
        return PartPage(versions=service.part_versions(part_id), at=service.part(part_id, ctx.at, ctx.lang),
                        diff=service.diff(part_id, *dates, ctx.lang) if dates else None)

    def table(_: Context) -> Response:
        versions = service.part_versions(part_id).versions
        return csv_response(["version", "valid_from", "valid_to", "certainty", "event", "kind", "act", "languages"],
                            ([v.id, v.valid_from, v.valid_to, v.certainty, v.made_by.event, v.made_by.kind,
                              v.made_by.act, " ".join(v.languages)] for v in versions), part_id)

    def page(ctx: Context) -> Response:
        found = data(ctx)
        act = FrbrUri.from_key(part_id).work.key
        notes = {e.id: e.notes for e in service.history(act).events}
        # Each version's text as it was from its first day (every version of the graph has one).
        versions = [ShownVersion(**dict(v), notes=notes.get(v.made_by.event, []),
                                 shown=service.part(part_id, v.valid_from or ctx.at, ctx.lang))
                    for v in found.versions.versions]
        sides = _sides(service, part_id, compared(ctx), ctx.lang) if found.diff else None
        names = act_names(service, ctx.lang)
        return html("part.html", ctx, title=f"{act} · {part_label(part_id, ctx.lang)}", act=act, names=names,
                    found=found, versions=versions, sides=sides, part_id=part_id, formats=formats(ctx, OFFERED))

    return answer(request, OFFERED, page, data, table,
                  turtle_of(site.repository, lambda: service.names.part_iri(part_id)))


def _sides(service: Service, part_id: str, dates: tuple[date, date] | None, lang: str) -> Sides | None:
    """The two versions' texts, word by word, in the language asked for where both have it, else in one
    language both have, else each in its own (and then no words are compared)."""
    if dates is None:
        return None
    first, second = (service.part(part_id, when, lang) for when in dates)
    if first.text is None or second.text is None:  # a part not in force has no text either
        return Sides(first, second, compared=False)
    if first.language != second.language:
        common = [x for x in (lang, *LANGS) if (first.text_available or {}).get(x)
                  and (second.text_available or {}).get(x)]
        if common:
            first, second = (service.part(part_id, when, common[0]) for when in dates)
    if first.language != second.language or first.text is None or second.text is None:
        return Sides(first, second, compared=False)
    left, right = word_diff(first.text, second.text)
    return Sides(first, second, compared=True, left=left, right=right)
