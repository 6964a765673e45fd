from __future__ import annotations

import contextlib
import os
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from zangraph.model.document import Document
from zangraph.parse.corpus import Corpus, parse_corpus

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "data" / "sources"


# The five texts by what they are (see data/sources/manifest.toml).
FILES = {
    "350en": "000_d858b89009a0e373.txt",
    "350kk": "001_344c42459bfb1314.txt",
    "360en": "002_d17101f849a6b484.txt",
    "292en": "003_b05b1dd4fbab55f7.txt",
    "360ru": "004_02f4d226a4fb9b82.txt",
}


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return parse_corpus(SOURCES)


@pytest.fixture(scope="session")
def doc(corpus: Corpus):
    def get(name: str) -> Document:
        return corpus.by_file(FILES[name])

    return get


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A private copy of the corpus that a test may damage."""
    target = tmp_path / "sources"
    shutil.copytree(SOURCES, target)
    return target


@pytest.fixture(scope="session")
def settings():
    from zangraph.settings import Settings

    return Settings()


def run_zangraph(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    """The installed command, as a user runs it, with ``env`` added to the environment."""
    exe = Path(sys.executable).parent / "zangraph"
    return subprocess.run([str(exe), *args], capture_output=True, text=True, cwd=cwd, check=False,
                          env={**os.environ, **env})


def wait_for_address(process: subprocess.Popen, timeout: float = 120) -> str:
    """The URL a `zangraph serve -p 0` process prints once it listens, after its /healthz answers; what it
    prints later is read on, so that a full pipe never blocks the server."""
    lines: list[str] = []
    deadline = time.time() + timeout
    url = None
    while url is None and time.time() < deadline:
        line = process.stderr.readline()
        if not line:
            raise RuntimeError("serve stopped:\n" + "".join(lines))
        lines.append(line)
        if m := re.search(r"Serving on (http://\S+)", line):
            url = m.group(1)
    assert url, "serve did not print its address"
    threading.Thread(target=lambda: [None for _ in process.stderr], daemon=True).start()
    for _ in range(50):
        try:
            httpx.get(url + "/healthz", timeout=2)
            break
        except httpx.HTTPError:
            time.sleep(0.1)
    process.lines = lines  # type: ignore[attr-defined]
    return url


@contextlib.contextmanager
def serving(build_dir: Path, timeout: float = 120, **env: str):
    """`zangraph serve -p 0` on a build folder (with more ZANGRAPH_ settings in ``env``); yields its URL and the
    lines it printed before serving."""
    exe = Path(sys.executable).parent / "zangraph"
    process = subprocess.Popen([str(exe), "serve", "-p", "0"], cwd=ROOT, stderr=subprocess.PIPE, text=True,
                               env={**os.environ, "ZANGRAPH_BUILD_DIR": str(build_dir), **env})
    try:
        url = wait_for_address(process, timeout)
        yield url, process.lines  # type: ignore[attr-defined]
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session")
def published(tmp_path_factory) -> Path:
    """A build folder made by `zangraph build`: dataset.trig, validation.txt and validation.json."""
    out = tmp_path_factory.mktemp("published")
    result = run_zangraph("build", ZANGRAPH_BUILD_DIR=str(out))
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="session")
def built(published) -> Path:
    return published / "dataset.trig"


@pytest.fixture(scope="session")
def dataset_size(built) -> int:
    """The number of statements in the built dataset, counted by parsing it (not by the code under test)."""
    import pyoxigraph as ox

    return sum(1 for _ in ox.parse(path=str(built), format=ox.RdfFormat.TRIG))


# Validation warnings of the built dataset, each a finding read off the sources: the repeated "41" of order 360
# chapter 2 section 2 (both points), "49" printed for 55 in the English text (both points), "66" printed twice
# in the Kazakh text of 2025 (both points), the repeated "3" of order 348's Rules (both points); the English
# rung 1 of order 350 point 2 that disagrees with the Kazakh and with the Russian (2); and the Kazakh texts of order 360 asking 3, 2, 1 and 0 years
# of a specialist of average level where the Russian and English ask 4, 3, 2 and 1 (point 54 of 2017, point 63
# as restated in 2023; four rungs each, the 2023 one against Russian and English: 12).
WARNINGS = 22


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="session")
def oxigraph_server(published):
    """A real Oxigraph server on 127.0.0.1, loaded with `zangraph load`; yields its query URL."""
    port = _free_port()
    exe = Path(sys.executable).parent / "oxigraph"
    process = subprocess.Popen([str(exe), "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    try:
        for _ in range(100):
            try:
                httpx.get(url, params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        else:
            raise RuntimeError("the Oxigraph server did not start")
        result = run_zangraph("load", "--endpoint", url, ZANGRAPH_BUILD_DIR=str(published))
        assert result.returncode == 0, result.stderr
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session", params=["embedded", "remote"])
def client(request, published):
    """The HTTP API on the embedded store and on a real Oxigraph server: the same tests run on both."""
    from fastapi.testclient import TestClient

    from zangraph.api.app import BuildInfo, create_app
    from zangraph.settings import Settings
    from zangraph.store import EmbeddedStore, RemoteStore

    if request.param == "embedded":
        repository = EmbeddedStore.from_trig(published / "dataset.trig")
    else:
        url = request.getfixturevalue("oxigraph_server")
        repository = RemoteStore(url, url.replace("/query", "/store"))
    settings = Settings(build_dir=published)
    return TestClient(create_app(settings, repository, BuildInfo.of(published)))


@pytest.fixture(scope="session")
def store(built):
    from zangraph.store.oxigraph import EmbeddedStore

    return EmbeddedStore.from_trig(built)


@pytest.fixture(scope="session")
def timelines(corpus):
    from zangraph.model.ids import FrbrUri
    from zangraph.timeline.assemble import assemble

    by_act: dict[str, list] = {}
    for document in corpus.documents:
        by_act.setdefault(document.source.act, []).append(document)
    # The seeds' timelines by number ("360"); the development corpus has no number twice.
    return {FrbrUri.parse(act).number: assemble(docs) for act, docs in by_act.items()}
