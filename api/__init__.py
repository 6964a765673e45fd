"""The HTTP service: SPARQL 1.1 Protocol endpoint, point-in-time REST API, IRI dereferencing, HTML pages.

It only calls the library (``zangraph.service``, ``zangraph.store``); the library never imports FastAPI.
"""

from .app import create_app

__all__ = ["create_app"]
