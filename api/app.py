"""The FastAPI application. ``create_app`` takes the settings and an opened repository explicitly."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from zangraph import __version__
from zangraph.api import linked_data, models, openapi, pages, problems, routes, sparql
from zangraph.api.middleware import Guard
from zangraph.api.site import BuildInfo, Site, SiteDep
from zangraph.model.ids import Ids
from zangraph.service.answers import Service
from zangraph.settings import Settings
from zangraph.store.base import Repository
from zangraph.store.sandbox import Limits
from zangraph.store.search import SearchIndex, index_of

STATIC = Path(__file__).resolve().parent / "static"
__all__ = ["BuildInfo", "create_app"]


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
    build = build or BuildInfo.of(settings.build_dir)
    service = Service(repository, Ids(settings.base_iri), build.validation)
    # The index published with the dataset; where there is none (a build of an earlier release, a remote store
    # loaded elsewhere), one made now from what the store holds.
    search = SearchIndex(path=build.search) if build.search else SearchIndex(index_of(repository, service.ids))
    # The one thing the handlers read of the application, through the dependency SiteDep (api/site.py).
    app.state.site = Site(settings, repository, build, service, search, user_queries)
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
    async def healthz(site: SiteDep) -> models.Health:
        if not triples:
            triples.append(await run_in_threadpool(site.repository.count))
        return models.Health(status="ok", store=site.repository.kind, dataset_sha256=site.build.sha256,
                             built=site.build.built, triples=triples[0])

    return app
