"""The point-in-time REST API, ``/api/v1``: every answer comes from ``zangraph.service``."""

from __future__ import annotations

from datetime import date
from typing import Any

from fastapi import APIRouter, Query, Request

from zangraph.service import parse_date

router = APIRouter(prefix="/api/v1", tags=["Point in time"])

AT = Query(None, description="The date the answer is for, YYYY-MM-DD; today when absent.")
LANG = Query("en", description="Language of the texts: en, ru or kk; another language is used, and said so, "
                               "where a version has no text in this one.")


def _service(request: Request):
    return request.app.state.service


def _at(value: str | None, name: str = "at") -> date:
    return parse_date(name, value, date.today())


@router.get("/acts", summary="Every act in the graph, the laws positions must know included")
def acts(request: Request) -> dict[str, Any]:
    return _service(request).acts()


@router.get("/acts/{act_id}", summary="An act on a date: status, certainty, entry into force, relations")
def act(request: Request, act_id: str, at: str | None = AT) -> dict[str, Any]:
    return _service(request).act(act_id, _at(at))


@router.get("/acts/{act_id}/history", summary="The events on an act and its parts, in order of effect")
def history(request: Request, act_id: str) -> dict[str, Any]:
    return _service(request).history(act_id)


@router.get("/positions", summary="Positions; q matches titles in any language, case-insensitively")
def positions(request: Request, q: str | None = Query(None, description="Words of a title.")) -> dict[str, Any]:
    return _service(request).positions(q)


@router.get("/positions/{position_id}/requirements",
            summary="What applied to a position on a date: per act part, duties, knowledge, qualification")
def requirements(request: Request, position_id: str, at: str | None = AT, lang: str = LANG) -> dict[str, Any]:
    return _service(request).requirements(position_id, _at(at), lang)


@router.get("/parts/{part_id}/versions", summary="The timeline of one part")
def part_versions(request: Request, part_id: str) -> dict[str, Any]:
    return _service(request).part_versions(part_id)


@router.get("/parts/{part_id}/diff", summary="What changed in a part between two dates")
def part_diff(request: Request, part_id: str,
              from_: str = Query(..., alias="from", description="The earlier date, YYYY-MM-DD."),
              to: str = Query(..., description="The later date, YYYY-MM-DD.")) -> dict[str, Any]:
    return _service(request).diff(part_id, parse_date("from", from_), parse_date("to", to))


@router.get("/parts/{part_id}", summary="A part's text on a date")
def part(request: Request, part_id: str, at: str | None = AT, lang: str = LANG) -> dict[str, Any]:
    return _service(request).part(part_id, _at(at), lang)


@router.get("/findings", summary="The validation report and the findings, filterable by kind and act")
def findings(request: Request, kind: str | None = Query(None, description="e.g. duplicate_number"),
             act: str | None = Query(None, description="An act id, e.g. order-2017-360")) -> dict[str, Any]:
    return _service(request).findings(kind, act, request.app.state.build.validation)
