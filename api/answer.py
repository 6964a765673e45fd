"""How an answer is sent as JSON: from the service's model (zangraph.service.models.to_json), by the fields'
public names, non-ASCII text as it is, and only the optional fields the service set."""

from __future__ import annotations

import json
from typing import Any

from fastapi.responses import JSONResponse
from pydantic import BaseModel

from zangraph.service.models import to_json


class Answer(JSONResponse):
    """A model as JSON; a value that is not a model (a search's hits) as ``json.dumps`` writes it, compact and
    keeping non-ASCII text as it is, like the models."""

    def render(self, content: Any) -> bytes:
        if isinstance(content, BaseModel):
            return to_json(content)
        return json.dumps(content, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
