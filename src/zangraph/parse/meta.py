"""An act's metadata as the Unified System of Legal Information publishes it beside the text (``meta.yaml``):
its requisites (type, issuer, date, number, registration, repeal), titles, the date each language's version
is consolidated at, and the act that caused that version (``caused_by``).

Texts of that system print no header; the header is read from the requisites here, in Russian.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from zangraph.errors import SourceError
from zangraph.model.document import ActRef, Header, Span
from zangraph.parse.headers import parse_header
from zangraph.parse.sources import decode, sha256_of

LANGUAGES = {"rus": "ru", "kaz": "kk", "eng": "en", "ru": "ru", "kk": "kk", "en": "en"}
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_REPEALED = re.compile(r"Утратил\w*\s+силу\b.*$", re.DOTALL)


@dataclass(frozen=True)
class Meta:
    file: str
    requisite: str
    requisite_span: Span | None
    titles: dict[str, str] = field(default_factory=dict)
    version_dates: dict[str, date] = field(default_factory=dict)  # language -> consolidation date
    caused_by: ActRef | None = None  # the act whose amendment made the version described
    caused_by_titles: dict[str, str] = field(default_factory=dict)
    caused_by_requisite: str = ""  # the requisites of that act, as the metadata gives them
    caused_by_span: Span | None = None

    def header(self) -> Header | None:
        return parse_header(self.requisite, "ru", self.requisite_span, origin=self.file)

    def repeal(self) -> str | None:
        """The requisites' statement that the act was repealed ("Утратил силу приказом … от … № …"), if any."""
        m = _REPEALED.search(self.requisite)
        return m.group(0).strip() if m else None


def _by_language(value: object) -> dict[str, object]:
    if isinstance(value, dict):
        return {LANGUAGES[k]: v for k, v in value.items() if k in LANGUAGES}
    return {}


def _requisite_span(path: Path, text: str, sha256: str, within: str | None = None) -> Span | None:
    """The line of the requisites (at the top level, or inside the mapping ``within``, e.g. caused_by)."""
    offset = 0
    inside = within is None
    for number, line in enumerate(text.splitlines(keepends=True), start=1):
        if within is not None and not line.startswith((" ", "\t")):
            inside = line.startswith(f"{within}:")
        elif inside and line.strip().startswith("requisite:") and (within is None) == (not line[0].isspace()):
            return Span(path.name, number, number, offset, offset + len(line.rstrip("\n")), sha256)
        offset += len(line)
    return None


_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def _impossible_date(text: str) -> tuple[int | None, str]:
    r"""The line and value of the first date-like value of the text that is no date.

    >>> _impossible_date("a: 2020-01-31\nb: 2022-02-31\n")
    (2, '2022-02-31')
    """
    for number, line in enumerate(text.split("\n"), 1):
        for m in _ISO_DATE.finditer(line):
            try:
                date.fromisoformat(m.group())
            except ValueError:
                return number, m.group()
    return None, "?"


def read_meta(path: Path) -> Meta:
    """The metadata in ``path``; a file that is not YAML, or has no requisites, is refused naming the file."""
    try:
        data_bytes = path.read_bytes()
    except FileNotFoundError:
        raise SourceError(str(path), "metadata file not found", expected="the meta.yaml the manifest names") from None
    text = decode(path, data_bytes)
    sha256 = sha256_of(data_bytes)
    try:
        data = yaml.load(text, Loader=_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        raise SourceError(str(path), f"not valid YAML: {getattr(exc, 'problem', exc)}",
                          line=mark.line + 1 if mark else None, expected="a meta.yaml mapping") from exc
    except ValueError as exc:  # a timestamp YAML reads but no calendar has (2022-02-31)
        line, value = _impossible_date(text)
        raise SourceError(str(path), f"impossible date {value}: {exc}", line=line,
                          expected="dates that exist, YYYY-MM-DD") from None
    if not isinstance(data, dict) or not isinstance(data.get("requisite"), str):
        raise SourceError(str(path), "no requisite", expected="a mapping with 'requisite: Приказ … от … № …'")
    version = data.get("version_date")
    dates = {k: v for k, v in _by_language(version).items() if isinstance(v, date)}
    if isinstance(version, date):
        dates = {lang: version for lang in ("ru", "kk")}
    caused = data.get("caused_by") if isinstance(data.get("caused_by"), dict) else {}
    caused_header = parse_header(caused["requisite"], "ru", None) if isinstance(caused.get("requisite"), str) else None
    caused_by = (ActRef(caused_header.act_type, caused_header.number, caused_header.date, caused_header.issuer,
                        caused_header.registration_date)
                 if caused_header else None)
    titles = {k: v for k, v in _by_language(data.get("title")).items() if isinstance(v, str)}
    return Meta(path.name, data["requisite"], _requisite_span(path, text, sha256), titles, dates, caused_by,
                {k: v for k, v in _by_language(caused.get("title")).items() if isinstance(v, str)},
                caused.get("requisite", "") if caused_by else "",
                _requisite_span(path, text, sha256, "caused_by") if caused_by else None)
