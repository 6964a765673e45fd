"""An act on a date: its status, entry into force, whole text in force, timeline, prospective changes and
effects on other acts."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, Request
from fastapi.responses import Response

from zangraph.api.pages.render import Context, answer, formats, html, turtle_of
from zangraph.api.pages.timeline import layout
from zangraph.api.pages.views import FORMAT, act_names
from zangraph.api.site import SiteDep
from zangraph.api.tables import events_csv
from zangraph.service.models import ActAtDate, Event, Model, TextPart

router = APIRouter(include_in_schema=False)
OFFERED = ["html", "json", "ttl", "csv"]


class ActPage(Model):
    """What the act's page shows: the act on the date, its whole text then, its history and its effects."""

    act: ActAtDate
    text: list[TextPart]
    history: list[Event]
    effects: list[Event]


@router.get("/acts/{act_id}", name="act_page")
def act(request: Request, site: SiteDep, act_id: str, format_: str | None = FORMAT) -> Response:
    service = site.service

    # An act known only by its name (a code, a law a position must know) has no history and made no changes.
    def history(found: ActAtDate) -> list[Event]:
        return service.history(act_id).events if found.number is not None else []

    def data(ctx: Context) -> ActPage:
        found = service.act(act_id, ctx.at)
        return ActPage(act=found, text=service.act_text(act_id, ctx.at, ctx.lang).parts, history=history(found),
                       effects=service.effects(act_id).effects if found.number is not None else [])

    def table(ctx: Context) -> Response:
        # The events alone: not the act's whole text, which the other forms carry.
        return events_csv(history(service.act(act_id, ctx.at)))

    def page(ctx: Context) -> Response:
        found = data(ctx)
        names = act_names(service, ctx.lang)
        name = names.get(act_id, (act_id, "en"))
        coming = [e for e in found.history if e.effective.date and e.effective.date > ctx.at]
        drawing = layout(found.history, date.today(), ctx.lang, ctx.say("whole_act"))
        return html("act.html", ctx, title=name[0], name=name, found=found, coming=coming, timeline=drawing,
                    names=names, act_id=act_id, formats=formats(ctx, OFFERED))

    return answer(request, OFFERED, page, data, table,
                  turtle_of(site.repository, lambda: service.names.act_iri(act_id)))
