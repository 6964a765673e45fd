"""Opening the store the settings name: in memory, or on disk reloaded only when the dataset changed."""

from __future__ import annotations

import shutil

import pytest

from zangraph.settings import Settings
from zangraph.store import EmbeddedStore, open_repository
from zangraph.store.base import StoreUnavailable


@pytest.mark.corpus
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


@pytest.mark.unit
def test_remote_store_needs_an_endpoint():
    with pytest.raises(StoreUnavailable, match="no remote_query_url"):
        open_repository(Settings(store="remote", remote_query_url=None), None)  # type: ignore[arg-type]


@pytest.mark.server
def test_a_disk_load_killed_mid_way_is_loaded_again(published, tmp_path, dataset_size):
    import os
    import signal
    import subprocess
    import sys
    import time
    from pathlib import Path

    import httpx

    from .conftest import ROOT, serving

    env = {**os.environ, "ZANGRAPH_BUILD_DIR": str(published), "ZANGRAPH_STORE": "disk",
           "ZANGRAPH_STORE_PATH": str(tmp_path / "store")}
    exe = Path(sys.executable).parent / "zangraph"
    process = subprocess.Popen([str(exe), "serve", "-p", "0"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    while "load" not in (process.stderr.readline() or "load"):
        pass
    time.sleep(0.3)  # mid-way through the load (it takes a few seconds)
    process.send_signal(signal.SIGKILL)
    process.wait(10)
    assert not (tmp_path / "store" / ".zangraph-dataset").exists()
    with serving(published, ZANGRAPH_STORE="disk", ZANGRAPH_STORE_PATH=str(tmp_path / "store")) as (url, lines):
        assert any(line.startswith(("load ", "[")) and " into " in line for line in lines)
        assert httpx.get(url + "/healthz", timeout=10).json()["triples"] == dataset_size
        assert httpx.get(url + "/api/v1/positions/social-work-consultant/requirements",
                         params={"at": "2024-01-01"}, timeout=10).status_code == 200


@pytest.mark.corpus
def test_a_truncated_dataset_is_a_clear_error(published, tmp_path):
    from .conftest import invoke_zangraph

    build = tmp_path / "build"
    build.mkdir()
    text = (published / "dataset.trig").read_bytes()
    (build / "dataset.trig").write_bytes(text[: len(text) // 2])
    result = invoke_zangraph("serve", "-p", "0", ZANGRAPH_BUILD_DIR=str(build))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "dataset.trig: not a readable TriG dataset" in result.stderr and "zangraph build" in result.stderr
