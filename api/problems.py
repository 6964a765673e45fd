"""Errors as RFC 9457 problem details (``application/problem+json``), the same shape everywhere."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from zangraph.service import InvalidParameter, NotFound
from zangraph.store.base import NotAcceptable, QueryError, StoreUnavailable, UpdateRefused

PROBLEM = "application/problem+json"
TITLES = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 406: "Not Acceptable",
          415: "Unsupported Media Type", 422: "Unprocessable Content", 500: "Internal Server Error",
          503: "Service Unavailable"}


def problem(request: Request, status: int, detail: str, **extra: Any) -> JSONResponse:
    body = {"type": f"https://zangraph.example/problems/{status}", "title": TITLES.get(status, "Error"),
            "status": status, "detail": detail, "instance": str(request.url.path), **extra}
    return JSONResponse(body, status_code=status, media_type=PROBLEM)


def install(app: FastAPI) -> None:
    @app.exception_handler(NotFound)
    async def not_found(request: Request, exc: NotFound) -> JSONResponse:
        return problem(request, 404, str(exc))

    @app.exception_handler(InvalidParameter)
    async def invalid(request: Request, exc: InvalidParameter) -> JSONResponse:
        return problem(request, 422, str(exc), parameter=exc.name, expected=exc.expected)

    @app.exception_handler(RequestValidationError)
    async def validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        name = str(first.get("loc", ["", "?"])[-1])
        return problem(request, 422, f"parameter {name}: {first.get('msg', 'invalid')}", parameter=name,
                       expected=str(first.get("type", "")))

    @app.exception_handler(QueryError)
    async def bad_query(request: Request, exc: QueryError) -> JSONResponse:
        return problem(request, 400, f"malformed query: {exc}")

    @app.exception_handler(UpdateRefused)
    async def refused(request: Request, exc: UpdateRefused) -> JSONResponse:
        return problem(request, 403, str(exc))

    @app.exception_handler(NotAcceptable)
    async def not_acceptable(request: Request, exc: NotAcceptable) -> JSONResponse:
        return problem(request, 406, str(exc), acceptable=exc.offered)

    @app.exception_handler(StoreUnavailable)
    async def unavailable(request: Request, exc: StoreUnavailable) -> JSONResponse:
        return problem(request, 503, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return problem(request, exc.status_code, str(exc.detail))
