"""The OpenAPI document as clients need it: every error as ``application/problem+json``, and a query parameter
that may be left out never described as one that may be null (a query string has no null)."""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

from zangraph.api.problems import MEANINGS, PROBLEM

_PROBLEM_SCHEMA = {"$ref": "#/components/schemas/Problem"}


def install(app: FastAPI) -> None:
    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = document(app)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def document(app: FastAPI) -> dict[str, Any]:
    schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
    for item in schema["paths"].values():
        for operation in item.values():
            for parameter in operation.get("parameters", []):
                parameter["schema"] = _without_null(parameter["schema"])
            for status, response in operation["responses"].items():
                if status.isdigit() and int(status) >= 400:
                    response["content"] = {PROBLEM: {"schema": _PROBLEM_SCHEMA}}
                    response["description"] = MEANINGS.get(int(status), response["description"])
    # FastAPI's own validation error shape is never sent: its 422 is a problem like every other error.
    for name in ("HTTPValidationError", "ValidationError"):
        schema.get("components", {}).get("schemas", {}).pop(name, None)
    return schema


def _without_null(schema: dict[str, Any]) -> dict[str, Any]:
    """``anyOf: [X, null]`` as X, keeping the description, format and default beside it.

    >>> _without_null({"anyOf": [{"type": "string"}, {"type": "null"}], "format": "date"})
    {'format': 'date', 'type': 'string'}
    """
    options = schema.get("anyOf")
    if not options or {"type": "null"} not in options or len(options) != 2:
        return schema
    kept = next(o for o in options if o != {"type": "null"})
    return {**{k: v for k, v in schema.items() if k != "anyOf"}, **kept}
