"""Stores the graph is answered from, behind one interface (``base.Repository``): the embedded Oxigraph store
in memory or on disk, or any SPARQL 1.1 endpoint. ``open_repository`` picks one from the settings."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from zangraph.settings import Settings
from zangraph.store.base import Repository, StoreUnavailable
from zangraph.store.oxigraph import EmbeddedStore
from zangraph.store.remote import RemoteStore

_MARK = ".zangraph-dataset"


def open_repository(settings: Settings, dataset: Path, progress: Callable[[str], None] = lambda _: None) -> Repository:
    """The repository the settings name, holding ``dataset`` (embedded) or as it is (remote)."""
    if settings.store == "remote":
        if not settings.remote_query_url:
            raise StoreUnavailable("store is remote but no remote_query_url is set (ZANGRAPH_REMOTE_QUERY_URL)")
        return RemoteStore(settings.remote_query_url, settings.remote_store_url, timeout=settings.sparql_timeout)
    if settings.store == "memory":
        progress(f"load {dataset} into memory")
        return EmbeddedStore.from_trig(dataset)
    # On disk: reload only when the dataset is not the one the store holds.
    digest = hashlib.sha256(dataset.read_bytes()).hexdigest()
    settings.store_path.mkdir(parents=True, exist_ok=True)
    mark = settings.store_path / _MARK
    store = EmbeddedStore(settings.store_path)
    if not mark.is_file() or mark.read_text(encoding="utf-8").strip() != digest:
        progress(f"load {dataset} into {settings.store_path}")
        # The mark says what the store holds: gone while the store is cleared and loaded, written once the load
        # is complete, so that a load killed mid-way is loaded again at the next start.
        mark.unlink(missing_ok=True)
        store.load(dataset)
        mark.write_text(digest + "\n", encoding="utf-8")
    return store


__all__ = ["EmbeddedStore", "RemoteStore", "Repository", "open_repository"]
