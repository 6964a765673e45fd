from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from zangraph.corpus import Corpus, parse_corpus
from zangraph.model import Document
from zangraph.sources import default_sources_dir

SOURCES = default_sources_dir()

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


@pytest.fixture(scope="session")
def built(tmp_path_factory, settings):
    """The dataset built once for the session, as TriG text and its file."""
    from zangraph.build import build_dataset, write_dataset

    target = tmp_path_factory.mktemp("build") / "dataset.trig"
    write_dataset(build_dataset(settings), target)
    return target


@pytest.fixture(scope="session")
def store(built):
    from zangraph.store.oxigraph import EmbeddedStore

    return EmbeddedStore.from_trig(built)


@pytest.fixture(scope="session")
def timelines(corpus):
    from zangraph.temporal import assemble

    by_act: dict[str, list] = {}
    for document in corpus.documents:
        by_act.setdefault(document.source.act, []).append(document)
    return {act.rsplit("/", 1)[1]: assemble(docs) for act, docs in by_act.items()}
