"""The HTTP service: SPARQL 1.1 Protocol endpoint, point-in-time REST API, IRI dereferencing, HTML pages.

It only calls the library (``zangraph.service``, ``zangraph.store``); the library never imports FastAPI.
"""

from __future__ import annotations

from typing import Any

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    # Imported when asked for: the `zangraph` command, whose entry point is in this package, starts without
    # loading the web framework.
    if name == "create_app":
        from zangraph.api.app import create_app

        return create_app
    raise AttributeError(name)
