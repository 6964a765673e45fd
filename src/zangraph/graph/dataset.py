"""The dataset of the corpus: every source parsed, the timelines assembled, the named graphs built, and the
curated publication dates that turn estimated boundaries into exact ones."""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from datetime import date
from pathlib import Path

from zangraph.errors import SourceError
from zangraph.files import write_atomically
from zangraph.graph.build import Builder, Dataset
from zangraph.graph.domain import Domain
from zangraph.graph.trig import Writer
from zangraph.model.ids import Ids
from zangraph.parse.corpus import parse_corpus
from zangraph.settings import Settings


def publications(curated: Path) -> dict[str, date]:
    """Curated publication dates by act key; each entry must cite its source."""
    path = curated / "publications.toml"
    if not path.is_file():
        return {}
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = {}
    for i, entry in enumerate(data.get("publication", []), start=1):
        if not (entry.get("act") and isinstance(entry.get("date"), date) and entry.get("citation")):
            raise SourceError(str(path), f"publication entry {i} is incomplete",
                              expected="act (type-year-number), date (YYYY-MM-DD) and citation")
        out[entry["act"]] = entry["date"]
    return out


def build_dataset(settings: Settings, progress: Callable[[str], None] = lambda _: None) -> Dataset:
    """The named graphs of the corpus the settings name; a source the fidelity check fails is an error."""
    progress("parse sources")
    corpus = parse_corpus(settings.sources_dir)
    if corpus.unplaced:
        first = corpus.unplaced[0]
        raise SourceError(first.file, f"fidelity check failed: {first.reason}", line=first.line,
                          expected="every non-blank line placed in the model or classified as layout")
    builder = Builder(Ids(settings.base_iri), corpus, publications(settings.curated_dir), progress)
    dataset = builder.build()
    Domain(builder, settings.curated_dir).build()
    return dataset


def write_dataset(dataset: Dataset, target: Path) -> None:
    write_atomically(target, Writer().write(dataset.graphs))
