"""The FastAPI application. ``create_app`` takes the settings and an opened repository explicitly."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles

from zangraph import __version__
from zangraph.build import published
from zangraph.ids import Ids
from zangraph.service import Service
from zangraph.settings import Settings
from zangraph.store.base import Repository
from zangraph.store.sandbox import Limits

from . import home, linked_data, problems, routes, sparql

STATIC = Path(__file__).resolve().parent / "static"
CORS_PATHS = ("/sparql", "/api/", "/id/")
# No script, no frame, no form posting elsewhere; the pages' own inline style only.
PAGE_POLICY = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; "
               "base-uri 'none'; frame-ancestors 'none'")


@dataclass(frozen=True)
class BuildInfo:
    """What the served dataset is: its hash, when it was built, and its validation report."""

    sha256: str | None
    built: str | None
    validation: dict[str, Any] | None

    @classmethod
    def of(cls, build_dir: Path) -> BuildInfo:
        found = published(build_dir)
        if found.sha256 is None:
            return cls(None, None, None)
        built = datetime.fromtimestamp(found.dataset.stat().st_mtime, tz=UTC).isoformat(timespec="seconds")
        return cls(found.sha256, built, found.report)


def create_app(settings: Settings, repository: Repository, build: BuildInfo | None = None) -> FastAPI:
    # Queries written by users run apart, with limits; their workers start with the first such query and stop
    # with the application.
    user_queries = repository.user_queries(Limits.of(settings))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        try:
            yield
        finally:
            user_queries.close()

    app = FastAPI(title="Zangraph", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Point-in-time answers about Kazakhstan's orders on social workers' qualifications: "
                              "which requirements applied to a position on a date, under which act, and how sure "
                              "the answer is. See docs/api.md.")
    app.state.settings = settings
    app.state.repository = repository
    app.state.user_queries = user_queries
    app.state.service = Service(repository, Ids(settings.base_iri))
    app.state.build = build or BuildInfo.of(settings.build_dir)
    problems.install(app)
    # The API reference from vendored assets (api/static): it works offline and loads nothing from a CDN.
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def swagger() -> Response:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Zangraph API",
                                   swagger_js_url="/static/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger-ui/favicon-32x32.png")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> Response:
        return get_redoc_html(openapi_url="/openapi.json", title="Zangraph API",
                              redoc_js_url="/static/redoc/redoc.standalone.js", with_google_fonts=False,
                              redoc_favicon_url="/static/swagger-ui/favicon-32x32.png")

    @app.middleware("http")
    async def sizes(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        # Before anything reads them: a request target or a body larger than the settings allow.
        target = len(request.scope.get("raw_path", b"")) + len(request.scope.get("query_string", b""))
        if target > settings.max_url_bytes:
            return problems.problem(request, 414, f"the request target is longer than {settings.max_url_bytes} "
                                                  "bytes: send a long query by POST")
        length = request.headers.get("content-length", "0")
        if not length.isdigit() or int(length) > settings.max_body_kb * 1024:
            return problems.problem(request, 413, f"the request body is larger than {settings.max_body_kb} KiB, or "
                                                  "its length is not stated")
        return await call_next(request)

    @app.middleware("http")
    async def methods_and_cors(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        # HEAD is GET without the body; OPTIONS says what a resource allows (and answers a CORS preflight).
        # The read-only resources are open to pages of any origin when the setting says so.
        path = request.url.path
        cors = settings.cors and path.startswith(CORS_PATHS)
        headers = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "Retry-After, Vary"} \
            if cors else {}
        if request.method == "OPTIONS":
            allow = "GET, HEAD, POST, OPTIONS" if path == "/sparql" else "GET, HEAD, OPTIONS"
            if cors:
                headers |= {"Access-Control-Allow-Methods": allow, "Access-Control-Max-Age": "600",
                            "Access-Control-Allow-Headers": "Accept, Content-Type"}
            return Response(status_code=204, headers={"Allow": allow, **headers})
        if request.method == "HEAD":
            request.scope["method"] = "GET"
            response = await call_next(request)
            response = Response(status_code=response.status_code, headers=dict(response.headers))
        else:
            response = await call_next(request)
        for name, value in headers.items():
            response.headers.setdefault(name, value)
        return response

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        # The pages of the dataset run no script at all; the API reference (/docs) is FastAPI's own page.
        if response.headers.get("content-type", "").startswith("text/html") and \
                not request.url.path.startswith(("/docs", "/redoc")):
            response.headers.setdefault("Content-Security-Policy", PAGE_POLICY)
            response.headers.setdefault("X-Frame-Options", "DENY")
        return response
    app.include_router(routes.router)
    app.include_router(sparql.router)
    app.include_router(linked_data.router)
    app.include_router(home.router)

    # The dataset does not change while it is served: its size is counted once, not on every health check.
    triples: list[int] = []

    @app.get("/healthz", tags=["Service"], summary="The dataset served: its hash, build time, statement count")
    def healthz(request: Request) -> dict[str, Any]:
        info: BuildInfo = request.app.state.build
        if not triples:
            triples.append(repository.count())
        return {"status": "ok", "store": repository.kind, "dataset_sha256": info.sha256, "built": info.built,
                "triples": triples[0]}

    return app
