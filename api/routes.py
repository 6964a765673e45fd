"""The point-in-time REST API, ``/api/v1``: every answer comes from ``zangraph.service``.

Each handler asks the service a question (``Question``) and sends the model it answers (api/answer.py). An
answer the service keeps is given straight from the event loop; any other is worked out in the thread pool, so
that a store taking its time never holds the event loop (and with it every other request). A hop to a thread
costs more than a kept answer. Each handler declares its response model (zangraph.service.models) and its errors
(api/problems.py); parameters carry their formats and enumerations, so that a wrong one is a 422 naming it."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool

from zangraph.api.answer import Answer
from zangraph.api.problems import errors
from zangraph.api.rdf import requested
from zangraph.api.site import Site, SiteDep
from zangraph.api.tables import events_csv
from zangraph.model.document import FindingKind
from zangraph.service import models
from zangraph.service.answers import Question, Service
from zangraph.service.params import parse_date

router = APIRouter(prefix="/api/v1", tags=["Point in time"])


def _date(description: str, required: bool = False, alias: str | None = None) -> Any:
    return Query(... if required else None, alias=alias, description=description,
                 json_schema_extra={"format": "date"})


def _path(description: str) -> Any:
    return Path(description=description)


AT = _date("The date the answer is for, YYYY-MM-DD; today when absent.")
LANG = Query("en", description="Language of the texts; another language is used, and said so, where a version "
                               "has no text in this one.")
KIND = Query(None, description="A kind of finding (see docs/document-model.md)")
ACT_ID = "An act's id, <type>-<year>-<number>, e.g. order-2001-17 (see /api/v1/acts)"
PART_ID = "A part's id, <act id>~<eId>, e.g. order-2001-17~att_2__chp_3__sec_6__para_40 (see docs/identifiers.md)"


A = TypeVar("A", bound=BaseModel)


async def answered(service: Service, question: Question[A]) -> A:
    """The service's answer: the one it keeps, on the event loop; else worked out in the thread pool."""
    kept = service.kept(question)
    return kept if kept is not None else await run_in_threadpool(service.answer, question)


async def answer(site: Site, question: Question[Any]) -> Answer:
    """The answer as JSON."""
    return Answer(await answered(site.service, question))


def _at(value: str | None, name: str = "at") -> date:
    return parse_date(name, value, date.today())


@router.get("/acts", summary="Every act in the graph, the laws positions must know included",
            response_model=models.Acts, responses=errors(503))
async def acts(site: SiteDep) -> Answer:
    return await answer(site, Question.of(Service.acts))


@router.get("/acts/{act_id}", summary="An act on a date: status, certainty, entry into force, relations",
            response_model=models.ActAtDate, responses=errors(404, 422, 503))
async def act(site: SiteDep, act_id: str = _path(ACT_ID), at: str | None = AT) -> Answer:
    return await answer(site, Question.of(Service.act, act_id, _at(at)))


_EVENTS_CSV = {"text/csv": {"schema": {"type": "string"}}}


@router.get("/acts/{act_id}/history", summary="The events on an act and its parts, in order of effect",
            response_model=models.History, responses={200: {"content": _EVENTS_CSV}, **errors(404, 406, 503)})
async def history(request: Request, site: SiteDep, act_id: str = _path(ACT_ID)) -> Response:
    return await _events(request, site, Question.of(Service.history, act_id))


@router.get("/acts/{act_id}/effects", summary="What an act did to other acts: every part it changed, and when",
            response_model=models.Effects, responses={200: {"content": _EVENTS_CSV}, **errors(404, 406, 503)})
async def effects(request: Request, site: SiteDep, act_id: str = _path(ACT_ID)) -> Response:
    return await _events(request, site, Question.of(Service.effects, act_id))


async def _events(request: Request, site: Site, question: Question[models.History] | Question[models.Effects]) \
        -> Response:
    """JSON, or CSV when the request prefers it (one row per event, part and note)."""
    media = requested(request, ["application/json", "text/csv"])
    found = await answered(site.service, question)
    if media != "text/csv":
        return Answer(found)
    return events_csv(found.events if isinstance(found, models.History) else found.effects)


@router.get("/positions", summary="Positions; q matches titles in any language, case-insensitively",
            response_model=models.Positions, responses=errors(503))
async def positions(site: SiteDep, q: str | None = Query(None, description="Words of a title.")) -> Answer:
    return await answer(site, Question.of(Service.positions, q))


@router.get("/positions/{position_id}/requirements",
            summary="What applied to a position on a date: per act part, duties, knowledge, qualification",
            response_model=models.Requirements, responses=errors(404, 422, 503))
async def requirements(site: SiteDep, position_id: str = _path("A position's id (see /api/v1/positions)"),
                 at: str | None = AT, lang: models.Lang = LANG) -> Answer:
    return await answer(site, Question.of(Service.requirements, position_id, _at(at), lang))


@router.get("/parts/{part_id}/versions", summary="The timeline of one part",
            response_model=models.PartVersions, responses=errors(404, 503))
async def part_versions(site: SiteDep, part_id: str = _path(PART_ID)) -> Answer:
    return await answer(site, Question.of(Service.part_versions, part_id))


@router.get("/parts/{part_id}/diff",
            summary="Every version of a part between two dates, with the event behind each and what it changed",
            response_model=models.PartDiff, responses=errors(404, 422, 503))
async def part_diff(site: SiteDep, part_id: str = _path(PART_ID),
              from_: str = _date("The earlier date, YYYY-MM-DD.", required=True, alias="from"),
              to: str = _date("The later date, YYYY-MM-DD.", required=True), lang: models.Lang = LANG) -> Answer:
    return await answer(site, Question.of(Service.diff, part_id, parse_date("from", from_), parse_date("to", to), lang))


@router.get("/parts/{part_id}", summary="A part's text on a date",
            response_model=models.PartAtDate, responses=errors(404, 422, 503))
async def part(site: SiteDep, part_id: str = _path(PART_ID), at: str | None = AT,
         lang: models.Lang = LANG) -> Answer:
    return await answer(site, Question.of(Service.part, part_id, _at(at), lang))


@router.get("/findings", summary="The validation report and the findings, filterable by kind and act",
            response_model=models.Findings, responses=errors(404, 422, 503))
async def findings(site: SiteDep, kind: FindingKind | None = KIND,
                   act: str | None = Query(None, description="An act id, e.g. order-2001-17")) -> Answer:
    return await answer(site, Question.of(Service.findings, kind and kind.value, act))
