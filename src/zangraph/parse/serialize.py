"""The document model as JSON: the shape documented by ``docs/document-model.schema.json``."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from enum import Enum
from typing import Any

from zangraph.model.document import Document
from zangraph.parse.align import Alignment
from zangraph.parse.fidelity import Unplaced

SCHEMA_VERSION = 3


def plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)
                if f.name != "placed"}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    return value


def document_json(doc: Document, unplaced: list[Unplaced] | tuple[Unplaced, ...] = ()) -> dict[str, Any]:
    data = {"schema_version": SCHEMA_VERSION, **plain(doc)}
    data["fidelity"] = {"ok": not unplaced, "unplaced": plain(list(unplaced))}
    return data


def alignment_json(alignment: Alignment) -> dict[str, Any]:
    return plain(alignment)


def dumps(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
