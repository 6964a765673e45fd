"""The embedded store: pyoxigraph, in memory or on disk, loaded from the built TriG dataset."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from ..queries import load

Value = str | date | int


def _term(value: Value) -> ox.NamedNode | ox.Literal:
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#date"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    if isinstance(value, str) and (value.startswith("http://") or value.startswith("https://")):
        return ox.NamedNode(value)
    return ox.Literal(str(value))


def _plain(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        if dt.endswith("#integer"):
            return int(term.value)
        if dt.endswith("#date"):
            return date.fromisoformat(term.value)
        return term.value
    return term.value


class EmbeddedStore:
    def __init__(self, path: Path | None = None):
        self.store = ox.Store(str(path)) if path else ox.Store()

    @classmethod
    def from_trig(cls, trig: Path, path: Path | None = None) -> EmbeddedStore:
        store = cls(path)
        store.store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
        return store

    def __len__(self) -> int:
        return len(self.store)

    def select(self, name: str, **params: Value) -> list[dict[str, Any]]:
        """Run the named query with its parameters bound; rows as plain Python values."""
        query = load(name)
        unknown = set(params) - set(query.parameters)
        missing = set(query.parameters) - set(params)
        if unknown or missing:
            raise ValueError(f"query {name!r} takes {sorted(query.parameters)}; got {sorted(params)}")
        solutions = self.store.query(query.text, use_default_graph_as_union=True,
                                     substitutions={ox.Variable(k): _term(v) for k, v in params.items()})
        variables = [v.value for v in solutions.variables]
        return [{v: _plain(row[v]) for v in variables} for row in solutions]
