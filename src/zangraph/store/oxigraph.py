"""The embedded store: pyoxigraph, in memory or on disk, loaded from the built TriG dataset.

Queries see the union of the named graphs as their default graph (the dataset keeps everything in named
graphs); a request that names its own default or named graphs gets exactly those.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pyoxigraph as ox

from zangraph.store.base import (
    GRAPH_TYPES,
    RESULT_TYPES,
    Answer,
    NotAcceptable,
    QueryError,
    Repository,
    StoreUnavailable,
    UserQuery,
    Value,
    bind,
    negotiate,
    rows,
)
from zangraph.store.sandbox import Direct, Limits, Sandbox, StoreSpec
from zangraph.store.sparql_text import keywords


class EmbeddedStore(Repository):
    kind = "embedded"

    def __init__(self, path: Path | None = None, read_only: bool = False):
        try:
            if read_only and path:
                self.store = ox.Store.read_only(str(path))
            else:
                self.store = ox.Store(str(path)) if path else ox.Store()
        except OSError as exc:
            raise StoreUnavailable(f"{path}: cannot open the store: {exc}") from exc
        self.path = path
        self.source: Path | None = None  # the TriG file last loaded

    @classmethod
    def from_trig(cls, trig: Path, path: Path | None = None) -> EmbeddedStore:
        store = cls(path)
        store.load(trig)
        return store

    @classmethod
    def from_text(cls, trig: bytes) -> EmbeddedStore:
        """A store in memory holding a TriG dataset given as bytes (one just built)."""
        store = cls()
        store.store.bulk_load(input=trig, format=ox.RdfFormat.TRIG)
        return store

    @classmethod
    def read_only(cls, path: Path) -> EmbeddedStore:
        return cls(path, read_only=True)

    def load(self, trig: Path) -> None:
        self.store.clear()
        try:
            self.store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
        except (SyntaxError, ValueError, OSError) as exc:
            self.store.clear()
            raise StoreUnavailable(f"{trig}: not a readable TriG dataset ({exc}); rebuild it with `zangraph build`") \
                from None
        self.store.flush()
        self.source = trig

    def user_queries(self, limits: Limits) -> Sandbox | Direct:
        """User queries in worker processes that open this store themselves (see ``sandbox``)."""
        if self.path is not None:
            return Sandbox(StoreSpec("disk", self.path, open_for_worker), limits)
        if self.source is not None:
            return Sandbox(StoreSpec("memory", self.source, open_for_worker), limits)
        return Direct(self, limits)  # a store filled by hand (tests): nothing for a worker to open

    def count(self) -> int:
        return len(self.store)

    def select(self, name: str, **params: Value) -> list[dict[str, Any]]:
        solutions = self.store.query(bind(self.check(name, params), params), use_default_graph_as_union=True)
        if not isinstance(solutions, ox.QuerySolutions):
            raise TypeError(f"query {name!r} is not a SELECT query")
        return rows(solutions)

    def construct(self, name: str, media_type: str, **params: Value) -> bytes:
        triples = self.store.query(bind(self.check(name, params), params), use_default_graph_as_union=True)
        return triples.serialize(format=GRAPH_TYPES[media_type])

    def sparql(self, query: UserQuery) -> Answer:
        # The dataset as the SPARQL 1.1 Protocol says: the request's graphs where it names any (a part it leaves
        # out is empty), else the query's FROM and FROM NAMED, else this service's default, the union.
        kwargs: dict[str, Any] = {"base_iri": query.base_iri}
        if query.default_graphs or query.named_graphs:
            kwargs["default_graph"] = [ox.NamedNode(g) for g in query.default_graphs]
            kwargs["named_graphs"] = [ox.NamedNode(g) for g in query.named_graphs]
        elif "FROM" not in keywords(query.text):
            kwargs["use_default_graph_as_union"] = True
        accept = query.accept
        try:
            result = self.store.query(query.text, **kwargs)
        except SyntaxError as exc:
            raise QueryError(str(exc)) from exc
        if isinstance(result, ox.QueryTriples):
            media = negotiate(accept, list(GRAPH_TYPES))
            if media is None:
                raise NotAcceptable(list(GRAPH_TYPES))
            return Answer(result.serialize(format=GRAPH_TYPES[media]), media)
        media = negotiate(accept, list(RESULT_TYPES))
        if media is None:
            raise NotAcceptable(list(RESULT_TYPES))
        return Answer(result.serialize(format=RESULT_TYPES[media]), media)


def open_for_worker(spec: StoreSpec) -> EmbeddedStore:
    """A sandbox worker's own copy of the store: the TriG dataset loaded into memory, or the disk store opened
    read-only."""
    if spec.kind == "disk":
        return EmbeddedStore.read_only(spec.path)
    return EmbeddedStore.from_trig(spec.path)
