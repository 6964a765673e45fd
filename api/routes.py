"""The point-in-time REST API, ``/api/v1``: every answer comes from ``zangraph.service``.

The handlers are plain functions: FastAPI runs them in its thread pool, so a store that takes its time never
holds the event loop (and with it every other request)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from zangraph.service import Service, parse_date

router = APIRouter(prefix="/api/v1", tags=["Point in time"])


class Answer(JSONResponse):
    """JSON written straight from the service's dictionaries (they hold only JSON types), keeping non-ASCII
    text as it is."""

    def render(self, content: Any) -> bytes:
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")

AT = Query(None, description="The date the answer is for, YYYY-MM-DD; today when absent.")
LANG = Query("en", description="Language of the texts: en, ru or kk; another language is used, and said so, "
                               "where a version has no text in this one.")


def _service(request: Request) -> Service:
    return request.app.state.service


def _at(value: str | None, name: str = "at") -> date:
    return parse_date(name, value, date.today())


@router.get("/acts", summary="Every act in the graph, the laws positions must know included")
def acts(request: Request) -> Answer:
    return Answer(_service(request).acts())


@router.get("/acts/{act_id}", summary="An act on a date: status, certainty, entry into force, relations")
def act(request: Request, act_id: str, at: str | None = AT) -> Answer:
    return Answer(_service(request).act(act_id, _at(at)))


@router.get("/acts/{act_id}/history", summary="The events on an act and its parts, in order of effect")
def history(request: Request, act_id: str) -> Answer:
    return Answer(_service(request).history(act_id))


@router.get("/positions", summary="Positions; q matches titles in any language, case-insensitively")
def positions(request: Request, q: str | None = Query(None, description="Words of a title.")) -> Answer:
    return Answer(_service(request).positions(q))


@router.get("/positions/{position_id}/requirements",
            summary="What applied to a position on a date: per act part, duties, knowledge, qualification")
def requirements(request: Request, position_id: str, at: str | None = AT, lang: str = LANG) -> Answer:
    return Answer(_service(request).requirements(position_id, _at(at), lang))


@router.get("/parts/{part_id}/versions", summary="The timeline of one part")
def part_versions(request: Request, part_id: str) -> Answer:
    return Answer(_service(request).part_versions(part_id))


@router.get("/parts/{part_id}/diff", summary="What changed in a part between two dates")
def part_diff(request: Request, part_id: str,
              from_: str = Query(..., alias="from", description="The earlier date, YYYY-MM-DD."),
              to: str = Query(..., description="The later date, YYYY-MM-DD.")) -> Answer:
    return Answer(_service(request).diff(part_id, parse_date("from", from_), parse_date("to", to)))


@router.get("/parts/{part_id}", summary="A part's text on a date")
def part(request: Request, part_id: str, at: str | None = AT, lang: str = LANG) -> Answer:
    return Answer(_service(request).part(part_id, _at(at), lang))


@router.get("/findings", summary="The validation report and the findings, filterable by kind and act")
def findings(request: Request, kind: str | None = Query(None, description="e.g. duplicate_number"),
             act: str | None = Query(None, description="An act id, e.g. order-2001-17")) -> Answer:
    return Answer(_service(request).findings(kind, act, request.app.state.build.validation))
