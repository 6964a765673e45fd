"""Fixtures and helpers of the suite. Every test is of one kind, by its marker (registered in pyproject.toml,
described in docs/development.md): ``unit``, ``corpus``, ``server`` or ``browser``. The corpus is built once
per session, in process (``published``); the commands run in process through click's CliRunner
(``invoke_zangraph``), and in a subprocess (``run_zangraph``, ``serving``) only where the process is what a test
checks."""

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
import tomllib
import traceback
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        # A doctest runs an example of one function, in process: a unit test (tests/test_markers.py checks that
        # every test is of exactly one kind).
        if isinstance(item, pytest.DoctestItem):
            item.add_marker(pytest.mark.unit)
        # Not a kind: what a test needs. `make test-fast` runs the tests that wait for the session's build in one
        # process and the others beside it, in another.
        if "publication" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.published)


def sources_of(target: Path, *files: str) -> Path:
    """A corpus of some texts of data/sources in ``target``: their entries of the manifest (as written there),
    the texts and their metadata. For a test that builds a corpus and whose claim does not need the whole one
    (a build of one text takes a second; of the corpus, half a minute)."""
    target.mkdir(parents=True)
    header, *entries = (SOURCES / "manifest.toml").read_text(encoding="utf-8").split("\n[[source]]\n")
    kept = [e for e in entries if tomllib.loads(e)["file"] in files]
    assert len(kept) == len(files), files
    (target / "manifest.toml").write_text(header + "".join(f"\n[[source]]\n{e}" for e in kept), encoding="utf-8")
    for entry in map(tomllib.loads, kept):
        for name in (entry["file"], entry.get("meta")):
            if name and not (target / name).exists():
                shutil.copy(SOURCES / name, target / name)
    return target


def invoke_zangraph(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    """``zangraph ARGS`` in this process, through click's CliRunner, in the folder ``cwd`` and with ``env`` added
    to the environment; answered as :func:`run_zangraph` answers (exit code, standard output, standard error,
    an unexpected exception's traceback on standard error as the real command would print it)."""
    from click.testing import CliRunner

    from zangraph.cli.main import main

    with contextlib.chdir(cwd):
        result = CliRunner().invoke(main, list(args), env=env, prog_name="zangraph")
    stderr = result.stderr
    if result.exc_info and not isinstance(result.exception, SystemExit):
        stderr += "".join(traceback.format_exception(*result.exc_info))
    return subprocess.CompletedProcess(["zangraph", *args], result.exit_code, result.stdout, stderr)


def run_zangraph(*args: str, cwd: Path = ROOT, **env: str) -> subprocess.CompletedProcess[str]:
    """The installed command, as a user runs it, with ``env`` added to the environment: in a subprocess, for a
    test whose point is the process (its exit code, what it imports, a kill); others use :func:`invoke_zangraph`."""
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
def publication(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """The one validated build of the session: `zangraph build` run in this process (the command is
    ``zangraph.graph.publish.publish`` with its progress on standard error), its build folder and what the
    command answered (tests/test_build_cli.py reads it)."""
    out = tmp_path_factory.mktemp("published")
    result = invoke_zangraph("build", ZANGRAPH_BUILD_DIR=str(out))
    assert result.returncode == 0, result.stderr
    return out, result


@pytest.fixture(scope="session")
def published(publication) -> Path:
    """A build folder made by `zangraph build`: dataset.trig, validation.txt and validation.json. Tests read it
    and never change it (a test that needs to, copies it)."""
    return publication[0]


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
    """A real Oxigraph server on 127.0.0.1, loaded with `zangraph load` (in process); yields its query URL. One
    for the session: the tests that use it only read from it."""
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
        result = invoke_zangraph("load", "--endpoint", url, ZANGRAPH_BUILD_DIR=str(published))
        assert result.returncode == 0, result.stderr
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture(scope="session", params=[pytest.param("embedded", marks=pytest.mark.corpus),
                                        pytest.param("remote", marks=pytest.mark.server)])
def client(request, published):
    """The HTTP API on the embedded store and on a real Oxigraph server: the same tests run on both. A test on
    this fixture takes its kind from it (a module of such tests has no marker of its own): ``corpus`` on the
    embedded store, ``server`` on the Oxigraph server."""
    from fastapi.testclient import TestClient

    from zangraph.api.app import BuildInfo, create_app
    from zangraph.settings import Settings
    from zangraph.store import RemoteStore

    if request.param == "embedded":
        repository = request.getfixturevalue("store")  # the session's embedded store: every test only reads
    else:
        url = request.getfixturevalue("oxigraph_server")
        repository = RemoteStore(url, url.replace("/query", "/store"))
    settings = Settings(build_dir=published)
    # Entered once for the session: its requests share one event loop (not one each), and the application's
    # query workers stop with it.
    with TestClient(create_app(settings, repository, BuildInfo.of(published))) as client:
        yield client


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
