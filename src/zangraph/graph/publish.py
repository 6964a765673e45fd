"""``zangraph build`` as one function of the graph layer: build the dataset, validate it, and publish it with
its validation report and its full-text index, or set it aside when it violates the shapes. The CLI and
``zangraph serve`` both call :func:`publish`; it reports its steps through a callback and never prints.

A build is published as one release folder (the dataset and its report together) under ``RELEASES``; one
symbolic link, ``CURRENT``, names the release served, and the names below in the build folder point through
it. Switching ``CURRENT`` is one rename, so a build killed at any moment leaves the previous pair or the new
one, never a dataset with another's report.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from zangraph.errors import ZangraphError
from zangraph.files import write_atomically
from zangraph.graph.dataset import build_dataset
from zangraph.graph.trig import Writer
from zangraph.graph.validate import Report, render, validate_built
from zangraph.graph.validate import as_json as validation_json
from zangraph.model.ids import Ids
from zangraph.settings import Settings
from zangraph.store.oxigraph import EmbeddedStore
from zangraph.store.search import index_of

DATASET = "dataset.trig"
REPORT = "validation.json"
REPORT_TEXT = "validation.txt"
SEARCH = "search.sqlite"  # the full-text index (zangraph.store.search)
REJECTED = "rejected.trig"
RELEASES = ".releases"
CURRENT = ".current"


class PublishError(ZangraphError):
    """The build folder could not take the new release (a full disk, a folder that is not writable)."""


@dataclass(frozen=True)
class Outcome:
    """What a build did: ``published`` the dataset at ``path``, or ``rejected`` it (it violates the shapes; it
    was written to ``path``, and the previous dataset stays)."""

    status: Literal["published", "rejected"]
    path: Path
    statements: int
    graphs: int
    report: Report | None  # None when the build was asked not to validate

    @property
    def published(self) -> bool:
        return self.status == "published"


def publish(settings: Settings, validate: bool = True, progress: Callable[[str], None] = lambda _: None) -> Outcome:
    """Build the dataset of the corpus the settings name, validate it against the shapes (unless ``validate`` is
    false), and publish it in ``settings.build_dir`` with its report and its search index. A source or curated
    file that cannot be read raises :class:`~zangraph.errors.SourceError`; a build folder that cannot take the
    release, :class:`PublishError`."""
    dataset = build_dataset(settings, progress)
    progress("serialise TriG")
    data = Writer().write(dataset.graphs).encode("utf-8")
    # One store in memory holds the dataset for the shapes' SPARQL constraints and for the search index.
    store = EmbeddedStore.from_text(data)
    report = None
    if validate:
        progress("validate")
        report = validate_built((t for g in dataset.graphs.values() for t in g), store.store, settings.shapes_dir)
    if report is not None and not report.conforms:
        rejected = settings.build_dir / REJECTED
        write_atomically(rejected, data.decode("utf-8"))
        return Outcome("rejected", rejected, len(dataset), len(dataset.graphs), report)
    progress("index the texts for search")
    files = {DATASET: data, SEARCH: index_of(store, Ids(settings.base_iri))}
    if report is not None:
        files[REPORT_TEXT] = render(report, limit=1000).encode("utf-8")
        files[REPORT] = (json.dumps({"dataset_sha256": hashlib.sha256(data).hexdigest(), **validation_json(report)},
                                    ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    try:
        publish_files(settings.build_dir, files)
    except OSError as exc:
        raise PublishError(f"{settings.build_dir}: the build could not be published: {exc}") from exc
    target = settings.build_dir / DATASET
    progress(f"wrote {target}: {len(dataset)} statements in {len(dataset.graphs)} named graphs"
             + (f"; {report.count('Warning')} warnings (validation.txt)" if report else ""))
    return Outcome("published", target, len(dataset), len(dataset.graphs), report)


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
