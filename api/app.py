"""The FastAPI application. ``create_app`` takes the settings and an opened repository explicitly."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from zangraph import __version__
from zangraph.api import linked_data, models, openapi, pages, problems, routes, sparql
from zangraph.api.middleware import Guard
from zangraph.graph.publish import published
from zangraph.model.ids import Ids
from zangraph.service.answers import Service
from zangraph.settings import Settings
from zangraph.store.base import Repository
from zangraph.store.sandbox import Limits
from zangraph.store.search import SearchIndex, index_of

STATIC = Path(__file__).resolve().parent / "static"


@dataclass(frozen=True)
class BuildInfo:
    """What the served dataset is: its hash, when it was built, and its validation report."""

    sha256: str | None
    built: str | None
    validation: dict[str, Any] | None
    search: Path | None = None  # the full-text index built with the dataset

    @classmethod
    def of(cls, build_dir: Path) -> BuildInfo:
        found = published(build_dir)
        if found.sha256 is None:
            return cls(None, None, None)
        built = datetime.fromtimestamp(found.dataset.stat().st_mtime, tz=UTC).isoformat(timespec="seconds")
        return cls(found.sha256, built, found.report, found.search)


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
    # The index published with the dataset; where there is none (a build of an earlier release, a remote store
    # loaded elsewhere), one made now from what the store holds.
    found = app.state.build.search
    app.state.search = SearchIndex(path=found) if found else SearchIndex(index_of(repository, app.state.service.ids))
    problems.install(app)
    openapi.install(app)
    # The API reference from vendored assets (api/static): it works offline and loads nothing from a CDN.
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/docs", include_in_schema=False)
    def swagger() -> Response:
        return get_swagger_ui_html(openapi_url="/openapi.json", title="Zangraph API",
                                   swagger_js_url="/static/swagger-ui-5.35.0/swagger-ui-bundle.js",
                                   swagger_css_url="/static/swagger-ui-5.35.0/swagger-ui.css",
                                   swagger_favicon_url="/static/swagger-ui-5.35.0/favicon-32x32.png")

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> Response:
        return get_redoc_html(openapi_url="/openapi.json", title="Zangraph API",
                              redoc_js_url="/static/redoc-2.5.4/redoc.standalone.js", with_google_fonts=False,
                              redoc_favicon_url="/static/swagger-ui-5.35.0/favicon-32x32.png")

    app.add_middleware(Guard, max_body=settings.max_body_kb * 1024, max_target=settings.max_url_bytes,
                       cors=settings.cors)
    app.include_router(routes.router)
    app.include_router(sparql.router)
    app.include_router(linked_data.router)
    app.include_router(pages.router)

    # The dataset does not change while it is served: its size is counted once, not on every health check.
    triples: list[int] = []

    @app.get("/healthz", tags=["Service"], summary="The dataset served: its hash, build time, statement count",
             response_model=models.Health, responses=problems.errors(503))
    async def healthz(request: Request) -> dict[str, Any]:
        info: BuildInfo = request.app.state.build
        if not triples:
            triples.append(await run_in_threadpool(repository.count))
        return {"status": "ok", "store": repository.kind, "dataset_sha256": info.sha256, "built": info.built,
                "triples": triples[0]}

    return app
