"""``zangraph build``: the dataset as TriG, byte-identical on every run, written only when complete."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
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

DATASET = "dataset.trig"
REPORT = "validation.json"
REPORT_TEXT = "validation.txt"
SEARCH = "search.sqlite"  # the full-text index (zangraph.search)
# A build is published as one release folder (the dataset and its report together) under RELEASES; one
# symbolic link, CURRENT, names the release served, and the names above in the build folder point through it.
# Switching CURRENT is one rename, so a build killed at any moment leaves the previous pair or the new one.
RELEASES = ".releases"
CURRENT = ".current"


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


@dataclass(frozen=True)
class Published:
    """What a build folder holds: the dataset, its SHA-256, and its validation report where the report is
    about this dataset (``mismatched``: a report about another one, left by an interrupted build)."""

    dataset: Path
    sha256: str | None
    report: dict | None
    mismatched: bool = False
    search: Path | None = None  # the full-text index published with the dataset, where there is one


def published(build_dir: Path) -> Published:
    # The release the build folder points at, resolved once: its dataset and report are read from the same one
    # even while a new build switches to another.
    current = build_dir / CURRENT
    base = current.resolve() if current.is_symlink() else build_dir
    dataset = base / DATASET
    if not dataset.is_file():
        return Published(dataset, None, None)
    digest = hashlib.sha256(dataset.read_bytes()).hexdigest()
    path = base / REPORT
    try:
        report = json.loads(path.read_text(encoding="utf-8")) if path.is_file() else None
    except (ValueError, OSError):
        report = None
    search = base / SEARCH if (base / SEARCH).is_file() else None
    if not isinstance(report, dict):
        return Published(dataset, digest, None, search=search)
    if report.get("dataset_sha256") not in (None, digest):
        return Published(dataset, digest, None, mismatched=True)
    return Published(dataset, digest, report, search=search)


def publish_files(build_dir: Path, files: dict[str, bytes]) -> Path:
    """Publish ``files`` (the dataset and its reports, by name) together, as described at RELEASES; return the
    release folder. A name that a previous build published and this one does not is no longer served."""
    releases = build_dir / RELEASES
    releases.mkdir(parents=True, exist_ok=True)
    release = Path(tempfile.mkdtemp(dir=releases, prefix=hashlib.sha256(files[DATASET]).hexdigest()[:16] + "-"))
    for name, data in files.items():
        with open(release / name, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    release.chmod(0o755)
    _link(build_dir / CURRENT, Path(RELEASES) / release.name)
    for name in (DATASET, REPORT, REPORT_TEXT, SEARCH):
        _link(build_dir / name, Path(CURRENT) / name)
    # What earlier builds left: releases no longer current, and those of builds killed before their switch.
    for other in releases.iterdir():
        if other != release:
            shutil.rmtree(other, ignore_errors=True)
    for leftover in build_dir.glob(".*.link-*"):
        leftover.unlink(missing_ok=True)
    return release


def _link(path: Path, target: Path) -> None:
    """Make ``path`` a symbolic link to ``target`` (relative, so that the folder can move), in one rename."""
    if path.is_symlink() and os.readlink(path) == str(target):
        return
    temporary = path.with_name(f".{path.name}.link-{os.getpid()}")
    temporary.unlink(missing_ok=True)
    os.symlink(target, temporary)
    os.replace(temporary, path)
