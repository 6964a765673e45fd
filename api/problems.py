"""Errors as RFC 9457 problem details (``application/problem+json``), the same shape everywhere."""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from zangraph.api.models import Problem
from zangraph.errors import InvalidParameter, NotFound
from zangraph.store.base import NotAcceptable, QueryError, StoreUnavailable, UpdateRefused
from zangraph.store.sandbox import Busy, QueryLimit

LOG = logging.getLogger("zangraph.api")
PROBLEM = "application/problem+json"
TITLES = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
          413: "Content Too Large", 414: "URI Too Long", 415: "Unsupported Media Type",
          422: "Unprocessable Content", 500: "Internal Server Error", 503: "Service Unavailable"}


# Why each error status is answered, for the OpenAPI document.
MEANINGS = {400: "The request is malformed (a query that does not parse, a parameter that is not an IRI)",
            403: "The request asks for something this read-only service refuses (an update, SERVICE)",
            404: "No such resource in the graph", 405: "The method is not allowed; see the Allow header",
            406: "None of the media types the request accepts is offered",
            413: "The request body is larger than the setting max_body_kb allows",
            414: "The request target is longer than the setting max_url_bytes allows",
            415: "The request body is of a media type this resource does not take",
            422: "A parameter is not what it must be (named in the problem), or a query passed one of its limits",
            503: "The store did not answer, or every query worker is busy; see Retry-After"}
# What a parameter that failed FastAPI's validation was expected to be, in words, by the check that failed.
_EXPECTED = {"literal_error": lambda ctx: "one of " + str(ctx.get("expected", "")).replace("'", ""),
             "missing": lambda ctx: "a value"}


def errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The error answers an operation declares: problem details, besides the ones every request may get."""
    return {status: {"model": Problem, "description": MEANINGS[status]}
            for status in sorted({*statuses, 405, 413, 414})}


def problem_body(status: int, detail: str, instance: str, **extra: Any) -> dict[str, Any]:
    return {"type": f"https://zangraph.example/problems/{status}", "title": TITLES.get(status, "Error"),
            "status": status, "detail": detail, "instance": instance, **extra}


def problem(request: Request, status: int, detail: str, **extra: Any) -> JSONResponse:
    return JSONResponse(problem_body(status, detail, str(request.url.path), **extra), status_code=status,
                        media_type=PROBLEM)


class BodyTooLarge(Exception):
    """A request body past the setting max_body_kb (413)."""


class UnsupportedMedia(Exception):
    """A request body of a media type the resource does not take (415)."""


def install(app: FastAPI) -> None:
    @app.exception_handler(BodyTooLarge)
    async def too_large(request: Request, exc: BodyTooLarge) -> JSONResponse:
        return problem(request, 413, str(exc))

    @app.exception_handler(UnsupportedMedia)
    async def unsupported(request: Request, exc: UnsupportedMedia) -> JSONResponse:
        return problem(request, 415, str(exc))

    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse:
        return problem(request, 404, str(exc))

    @app.exception_handler(InvalidParameter)
    async def invalid(request: Request, exc: InvalidParameter) -> JSONResponse:
        return problem(request, 422, str(exc), parameter=exc.name, expected=exc.expected)

    @app.exception_handler(RequestValidationError)
    async def validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        found = exc.errors()
        first = found[0] if found else {}
        name = str(first.get("loc", ["", "?"])[-1])
        words = _EXPECTED.get(str(first.get("type")))
        expected = words(first.get("ctx") or {}) if words else str(first.get("msg", "a valid value"))
        shown = f"={first['input']!r}" if isinstance(first.get("input"), str) else ""
        return problem(request, 422, f"parameter {name}{shown}: expected {expected}", parameter=name,
                       expected=expected)

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> JSONResponse:
        return problem(request, 400, f"malformed query: {exc}")

    @app.exception_handler(UpdateRefused)
    async def refused(request: Request, exc: UpdateRefused) -> JSONResponse:
        return problem(request, 403, str(exc))

    @app.exception_handler(NotAcceptable)
    async def not_acceptable(request: Request, exc: NotAcceptable) -> JSONResponse:
        return problem(request, 406, str(exc), acceptable=exc.offered)

    @app.exception_handler(QueryLimit)
    async def over_limit(request: Request, exc: QueryLimit) -> JSONResponse:
        return problem(request, 422, str(exc), limit=exc.limit)

    @app.exception_handler(Busy)
    async def busy(request: Request, exc: Busy) -> JSONResponse:
        response = problem(request, 503, str(exc))
        response.headers["Retry-After"] = str(exc.retry_after)
        return response

    @app.exception_handler(StoreUnavailable)
    async def unavailable(request: Request, exc: StoreUnavailable) -> JSONResponse:
        # The message names the store's address: the operator's log gets it, the client does not.
        LOG.warning("store unavailable: %s", exc)
        response = problem(request, 503, "the store did not answer; try again later")
        response.headers["Retry-After"] = "5"
        return response

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> JSONResponse:
        # A fault of the service: the same shape as every other error, and nothing of its internals.
        LOG.exception("unexpected error on %s", request.url.path, exc_info=exc)
        return problem(request, 500, "the service failed to answer this request")

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        response = problem(request, exc.status_code, str(exc.detail))
        if exc.status_code == 405:  # what the resource allows: every route of its path, HEAD and OPTIONS
            allowed = [m for m in ("GET", "POST", "PUT", "PATCH", "DELETE")
                       if any(route.matches({**request.scope, "method": m})[0] is Match.FULL
                              for route in request.app.router.routes)]
            extra = ["HEAD"] if "GET" in allowed else []
            response.headers["Allow"] = ", ".join(dict.fromkeys([*allowed, *extra, "OPTIONS"]))
        return response
