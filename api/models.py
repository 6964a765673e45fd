"""The API's own models, for what is not an answer of the service (those are in zangraph.service.models): the
problem details of every error, and the health of the running service."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict

from zangraph.service.models import Model


class Problem(BaseModel):
    """RFC 9457 problem details; some problems add members (``parameter``, ``expected``, ``limit``...)."""

    model_config = ConfigDict(extra="allow")
    type: str
    title: str
    status: int
    detail: str
    instance: str


class Health(Model):
    status: Literal["ok"]
    store: str
    dataset_sha256: str | None
    built: str | None
    triples: int
