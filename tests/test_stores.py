"""Opening the store the settings name: in memory, or on disk reloaded only when the dataset changed."""

from __future__ import annotations

import shutil

import pytest

from zangraph.settings import Settings
from zangraph.store import EmbeddedStore, open_repository
from zangraph.store.base import StoreUnavailable


def test_disk_store_is_loaded_once_per_dataset(published, tmp_path, dataset_size):
    dataset = tmp_path / "dataset.trig"
    shutil.copy(published / "dataset.trig", dataset)
    settings = Settings(store="disk", store_path=tmp_path / "store")
    steps: list[str] = []
    store = open_repository(settings, dataset, steps.append)
    assert isinstance(store, EmbeddedStore) and store.count() == dataset_size
    assert len(steps) == 1 and steps[0].startswith("load ")
    del store
    again: list[str] = []
    store = open_repository(settings, dataset, again.append)
    assert again == [] and store.count() == dataset_size  # the same dataset: not loaded again
    del store
    dataset.write_text(dataset.read_text(encoding="utf-8").replace('"350"', '"350"', 1) + "\n", encoding="utf-8")
    changed: list[str] = []
    open_repository(settings, dataset, changed.append)
    assert len(changed) == 1  # a different file: loaded again


def test_remote_store_needs_an_endpoint():
    with pytest.raises(StoreUnavailable, match="no remote_query_url"):
        open_repository(Settings(store="remote", remote_query_url=None), None)  # type: ignore[arg-type]
