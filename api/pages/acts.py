"""An act on a date: its status, entry into force, whole text in force, timeline, prospective changes and
effects on other acts."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import Response

from ..tables import events_csv
from .render import Context, answer, formats, html, turtle_of
from .timeline import layout
from .views import FORMAT, act_names, service_of

router = APIRouter(include_in_schema=False)
OFFERED = ["html", "json", "ttl", "csv"]


@router.get("/acts/{act_id}", name="act_page")
def act(request: Request, act_id: str, format_: str | None = FORMAT) -> Response:
    service = service_of(request)

    def data(ctx: Context) -> dict[str, Any]:
        found = service.act(act_id, ctx.at)
        numbered = found["number"] is not None
        return {"act": found, "text": service.act_text(found["iri"], ctx.at, ctx.lang),
                "history": service.history(act_id)["events"] if numbered else [],
                "effects": service.effects(act_id)["effects"] if numbered else []}

    def page(ctx: Context) -> Response:
        found = data(ctx)
        names = act_names(service, ctx.lang)
        history = found["history"]
        coming = [e for e in history if (e["effective"]["date"] or "") > ctx.at.isoformat()]
        drawing = layout(history, date.today(), ctx.lang, ctx.say("whole_act"))
        return html("act.html", ctx, title=names.get(act_id, (act_id, "en"))[0], name=names.get(act_id, (act_id, "en")),
                    found=found, coming=coming, timeline=drawing, names=names, act_id=act_id,
                    formats=formats(ctx, OFFERED))

    return answer(request, OFFERED, page, data, lambda ctx: events_csv(data(ctx)["history"]),
                  turtle_of(request, lambda: service.act_iri(act_id)))
