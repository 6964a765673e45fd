"""The FastAPI application. ``create_app`` takes the settings and an opened repository explicitly."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request

from zangraph import __version__
from zangraph.build import DATASET
from zangraph.ids import Ids
from zangraph.service import Service
from zangraph.settings import Settings
from zangraph.store.base import Repository

from . import home, linked_data, problems, routes, sparql


@dataclass(frozen=True)
class BuildInfo:
    """What the served dataset is: its hash, when it was built, and its validation report."""

    sha256: str | None
    built: str | None
    validation: dict[str, Any] | None

    @classmethod
    def of(cls, build_dir: Path) -> BuildInfo:
        dataset = build_dir / DATASET
        if not dataset.is_file():
            return cls(None, None, None)
        digest = hashlib.sha256(dataset.read_bytes()).hexdigest()
        built = datetime.fromtimestamp(dataset.stat().st_mtime, tz=UTC).isoformat(timespec="seconds")
        report = build_dir / "validation.json"
        validation = json.loads(report.read_text(encoding="utf-8")) if report.is_file() else None
        return cls(digest, built, validation)


def create_app(settings: Settings, repository: Repository, build: BuildInfo | None = None) -> FastAPI:
    app = FastAPI(title="Zangraph", version=__version__,
                  description="Point-in-time answers about Kazakhstan's orders on social workers' qualifications: "
                              "which requirements applied to a position on a date, under which act, and how sure "
                              "the answer is. See docs/api.md.")
    app.state.settings = settings
    app.state.repository = repository
    app.state.service = Service(repository, Ids(settings.base_iri))
    app.state.build = build or BuildInfo.of(settings.build_dir)
    problems.install(app)
    app.include_router(routes.router)
    app.include_router(sparql.router)
    app.include_router(linked_data.router)
    app.include_router(home.router)

    @app.get("/healthz", tags=["Service"], summary="The dataset served: its hash, build time, statement count")
    def healthz(request: Request) -> dict[str, Any]:
        info: BuildInfo = request.app.state.build
        return {"status": "ok", "store": repository.kind, "dataset_sha256": info.sha256, "built": info.built,
                "triples": repository.count()}

    return app
