"""The manifest of source texts and their checked loading.

A reader is chosen from the manifest's ``form``, never guessed from a file name, and a file is read only if
its checksum matches the manifest: a changed source must be reviewed before it changes the graph.
"""

from __future__ import annotations

import hashlib
import tomllib
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from zangraph.errors import SourceError
from zangraph.model.document import Source
from zangraph.model.ids import FrbrUri

FORMS = ("pdf-text", "html-text", "markdown", "zan-markdown")
LANGUAGES = ("en", "ru", "kk")
_FIELDS = ("file", "act", "language", "form", "sha256")
_OPTIONAL = ("origin", "meta", "version_date")
MANIFEST = "manifest.toml"


@dataclass(frozen=True)
class SourceText:
    source: Source
    path: Path
    text: str


def check_entry(entry: dict, index: int, where: str) -> Source:
    """One manifest entry as a :class:`Source`, or an error naming the entry and what was expected."""
    missing = [name for name in _FIELDS if not entry.get(name)]
    if missing:
        raise SourceError(where, f"source entry {index} lacks {', '.join(missing)}",
                          expected="file, act, language, form and sha256")
    name = entry["file"]
    if entry["form"] not in FORMS:
        raise SourceError(where, f"source {name} has unknown form {entry['form']!r}", expected=" or ".join(FORMS))
    if entry["language"] not in LANGUAGES:
        raise SourceError(where, f"source {name} has unknown language {entry['language']!r}",
                          expected=" or ".join(LANGUAGES))
    try:
        FrbrUri.parse(entry["act"])
    except ValueError as exc:
        raise SourceError(where, f"source {name}: {exc}", expected="e.g. /akn/kz/act/order/2001/17") from None
    version = entry.get("version_date")
    if version is not None and not isinstance(version, date):
        raise SourceError(where, f"source {name} has version_date {version!r}", expected="a date YYYY-MM-DD")
    return Source(**{k: entry[k] for k in (*_FIELDS, *_OPTIONAL) if k in entry})


def load_manifest(directory: Path) -> list[Source]:
    path = directory / MANIFEST
    if not path.is_file():
        raise SourceError(str(path), "manifest not found", expected="a manifest.toml beside the sources")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(str(path), f"manifest is not valid TOML: {exc}") from exc
    sources = [check_entry(entry, index, str(path)) for index, entry in enumerate(data.get("source", []), start=1)]
    if not sources:
        raise SourceError(str(path), "manifest lists no source", expected="[[source]] entries")
    seen: set[str] = set()
    for source in sources:
        if source.file in seen:
            raise SourceError(str(path), f"source {source.file} is listed twice", expected="one entry per file")
        seen.add(source.file)
    return sources


def find_source(directory: Path, name: str) -> Source:
    """The manifest entry of a file, given its name or a path to it."""
    wanted = Path(name).name
    for source in load_manifest(directory):
        if source.file == wanted:
            return source
    raise SourceError(name, "file is not in the manifest",
                      expected=f"one of the files listed in {directory}/manifest.toml")


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def decode(path: Path, data: bytes) -> str:
    """UTF-8 text, or an error naming the file, the line and the byte that is not UTF-8."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise SourceError(str(path), f"byte {exc.start} is not UTF-8", line=line, expected="UTF-8 text") from exc


def read_source(directory: Path, source: Source) -> SourceText:
    path = directory / source.file
    if not path.is_file():
        raise SourceError(str(path), "file not found", expected="the file named in the manifest")
    data = path.read_bytes()
    digest = sha256_of(data)
    if digest != source.sha256:
        raise SourceError(str(path), f"checksum {digest} does not match the manifest",
                          expected=f"sha256 {source.sha256}")
    text = decode(path, data)
    if not text.strip():
        raise SourceError(str(path), "the file is empty", expected="the text of an act")
    return SourceText(source=source, path=path, text=text)
