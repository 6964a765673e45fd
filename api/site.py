"""What one running application answers from, built once by ``create_app`` and given to every handler and page
as one typed dependency (``SiteDep``) instead of reads of ``request.app.state``."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Any, Protocol

from fastapi import Depends, Request

from zangraph.graph.publish import published
from zangraph.service.answers import Service
from zangraph.settings import Settings
from zangraph.store.base import Answer, Repository, UserQuery
from zangraph.store.search import SearchIndex


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


class UserQueries(Protocol):
    """How queries written by users run (``zangraph.store.sandbox``: in workers with limits, or straight)."""

    def run(self, query: UserQuery, cancel: threading.Event | None = None) -> Answer: ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class Site:
    """The settings, the repository and the build it holds, the service answering from it, the full-text index
    and the runner of users' SPARQL queries."""

    settings: Settings
    repository: Repository
    build: BuildInfo
    service: Service
    search: SearchIndex
    user_queries: UserQueries


async def site(request: Request) -> Site:
    """The application's site. Asynchronous, so that FastAPI resolves it on the event loop: a synchronous
    dependency would cost every request a hop to the thread pool, which a kept answer must not pay."""
    return request.app.state.site


SiteDep = Annotated[Site, Depends(site)]
