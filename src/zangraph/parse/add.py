"""``zangraph add``: a new source text into the corpus, as a data change.

The file is copied unchanged beside the other sources (with its meta.yaml), and its manifest entry written:
the checksum, and what the text and its metadata say — its language (from its letters), its form (from its
markup), its act (from its header, else the metadata's requisites) and the date it is consolidated at (the
metadata's ``version_date`` where the text records the amendment that made that version, else the date of
the newest amendment its notes record, else the act's own date). What cannot be inferred is refused with a
message saying what to give; nothing already in the sources is overwritten.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from zangraph.errors import SourceError
from zangraph.files import write_atomically
from zangraph.model.document import Document, Source
from zangraph.model.ids import FrbrUri, number_token
from zangraph.parse.corpus import parse_text
from zangraph.parse.lexicon import lexicon
from zangraph.parse.meta import Meta, read_meta
from zangraph.parse.readers import read_blocks
from zangraph.parse.readers.zan import PART_LINK
from zangraph.parse.segmenter import segment
from zangraph.parse.sources import FORMS, LANGUAGES, MANIFEST, SourceText, decode, load_manifest, sha256_of

_PART_OF = re.compile(r"^part_of:\s", re.MULTILINE)
_KAZAKH = re.compile(r"[әғқңөұүһіӘҒҚҢӨҰҮҺІ]")
_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_LATIN = re.compile(r"[a-zA-Z]")


@dataclass(frozen=True)
class Inferred:
    source: Source
    how: dict[str, str]  # field -> how it was found ("given", "from the text's header", ...)
    document: Document
    data: bytes  # what goes into the sources: the file as given, or a text published in parts, joined
    parts: tuple[str, ...] = ()  # the part files joined, in order, relative to the main file


def join_parts(path: Path, data: bytes) -> tuple[bytes, tuple[str, ...]]:
    """A main file that lists its part files ("Части документа": links to ``ch001.md``, ``an001.md`` …) joined
    with them in the order it lists them, byte for byte: the text as the official system publishes it whole. A
    file that already holds its parts (their ``part_of`` front matter), or lists none, is returned as it is."""
    text = decode(path, data)
    links = [m.group("path") for m in PART_LINK.finditer(text)]
    if not links or _PART_OF.search(text):
        return data, ()
    files = [path.parent / link for link in links]
    missing = [link for link, f in zip(links, files, strict=True) if not f.is_file()]
    if missing:
        raise SourceError(str(path), f"the text is published in parts and {missing[0]} is not beside it",
                          expected=f"the {len(links)} part files it lists, in folders beside it, or the joined text")
    return data + b"".join(f.read_bytes() for f in files), tuple(links)


def infer_language(text: str) -> str | None:
    """Kazakh where its own letters are common, Russian where Cyrillic is, English where Latin is.

    >>> infer_language("Осы бұйрық қолданысқа енгізіледі"), infer_language("Настоящий приказ"), infer_language("Order")
    ('kk', 'ru', 'en')
    """
    cyrillic, kazakh, latin = len(_CYRILLIC.findall(text)), len(_KAZAKH.findall(text)), len(_LATIN.findall(text))
    if cyrillic + kazakh == 0 and latin == 0:
        return None
    if cyrillic + kazakh >= latin:
        return "kk" if kazakh >= 0.01 * (cyrillic + kazakh) else "ru"
    return "en"


def infer_form(text: str) -> str:
    """The official Markdown (quoted italic notes and captions, anchors, ``#`` title), other Markdown, plain
    text from HTML (indented paragraphs), or plain text from a PDF."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if any(re.match(r"^\s*>\s*\*", ln) or re.match(r'^\s*<a\s+id="', ln) for ln in lines) or (
            lines and lines[0].startswith("# ")):
        return "zan-markdown"
    if any(re.match(r"^#{1,6}\s", ln) or "**" in ln for ln in lines):
        return "markdown"
    indented = sum(1 for ln in lines if re.match(r"^[ \t\u00a0]{2,}\S", ln))
    return "html-text" if lines and indented >= 0.3 * len(lines) else "pdf-text"


def _consolidation(doc: Document, meta: Meta | None) -> tuple[date | None, str]:
    recorded = {(e.act.number, e.act.date) for n in doc.notes for e in n.effects
                if n.kind.value in ("footnote", "inline")}
    if meta is not None and doc.source.language in meta.version_dates:
        caused = meta.caused_by
        if (caused is None and not recorded) or (caused and (caused.number, caused.date) in recorded):
            return meta.version_dates[doc.source.language], f"from {meta.file} (version_date)"
    if recorded:
        newest = max(recorded, key=lambda r: r[1])
        return newest[1], f"the newest amendment the text records (No {newest[0]} of {newest[1].isoformat()})"
    if doc.header.date is not None:
        return doc.header.date, "the act's own date (the text records no amendment)"
    return None, ""


def _namesake(directory: Path, act: FrbrUri, when: date) -> str | None:
    """A text of the corpus that is of another act with the same type, year and number, dated otherwise."""
    manifest = directory / MANIFEST
    for source in load_manifest(directory) if manifest.is_file() else ():
        other = FrbrUri.parse(source.act)
        if (other.type, other.year, other.number) != (act.type, act.year, act.number):
            continue
        header = parse_text(directory, source)[0].header
        if header.date is not None and header.date != when:
            return f"{source.file} (of {header.date.isoformat()})"
    return None


def infer(path: Path, directory: Path, meta_path: Path | None = None, language: str | None = None,
          form: str | None = None, act: str | None = None, version_date: date | None = None,
          origin: str = "", name: str | None = None) -> Inferred:
    """The manifest entry a file would get in ``directory`` (under ``name``, by default its own), and the model
    of its text."""
    data = path.read_bytes() if path.is_file() else None
    if data is None:
        raise SourceError(str(path), "file not found", expected="a text of an act to add")
    data, parts = join_parts(path, data)
    name = name or path.name
    if parts and not origin:
        origin = f"joined from {len(parts) + 1} files: {path.name}, {', '.join(parts)}"
    text = decode(path, data)
    if not text.strip():
        raise SourceError(str(path), "the file is empty", expected="the text of an act")
    meta = read_meta(meta_path) if meta_path else None
    how = {"language": "given" if language else "from its letters", "form": "given" if form else "from its markup"}
    language = language or infer_language(text)
    if language not in LANGUAGES:
        raise SourceError(str(path), "cannot tell the text's language", expected="--language en, ru or kk")
    form = form or infer_form(text)
    if form not in FORMS:
        raise SourceError(str(path), f"unknown form {form!r}", expected=" or ".join(FORMS))
    sha = sha256_of(data)
    lex = lexicon(language)

    def read(source: Source) -> Document:
        return segment(SourceText(source, path, text), read_blocks(name, form, text, lex), lex, meta)

    # The act: read the text once under a provisional name, then name it by what its header (or metadata) says.
    provisional = Source(name, act or "/akn/kz/act/order/0001/0", language, form, sha, origin,
                         meta_path.name if meta_path else None)
    header = read(provisional).header
    if act is not None:
        how["act"] = "given"
    elif header.origin != "manifest" and header.date is not None:
        act = str(FrbrUri.act(header.act_type, header.date.year, number_token(header.number)))
        how["act"] = "from the text's header" if header.origin == "text" else f"from {header.origin}"
        namesake = _namesake(directory, FrbrUri.parse(act), header.date)
        if namesake is not None:
            # Two acts of one type, year and number are told apart by their dates (order No 73 of February
            # and order No 73 of May): the new entry is named by its full date, the other one stays as it is.
            act = str(FrbrUri.act(header.act_type, header.date, number_token(header.number)))
            how["act"] += f"; by its full date, as {namesake} is another act of this type, year and number"
    else:
        raise SourceError(str(path), "cannot tell which act this is: the text prints no header and no metadata "
                                     "names it",
                          expected="--meta META.yaml or --act /akn/kz/act/<type>/<year>/<number>")
    source = replace(provisional, act=act)
    doc = read(source)
    if version_date is None:
        version_date, how["version_date"] = _consolidation(doc, meta)
    else:
        how["version_date"] = "given"
    source = replace(source, version_date=version_date)
    return Inferred(source, how, replace(doc, source=source), data, parts)


def _copy(data: bytes, target: Path) -> None:
    """Write a file into the sources, refusing to replace another file of the same name."""
    if target.exists():
        if target.read_bytes() != data:
            raise SourceError(str(target), "a different file of this name is already in the sources",
                              expected="a new name for the file (--name), or the same file")
        return
    write_atomically(target, data)


def entry(source: Source) -> str:
    """The manifest entry of a source, as TOML."""
    def quote(value: str) -> str:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["[[source]]", f"file = {quote(source.file)}", f"act = {quote(source.act)}",
             f"language = {quote(source.language)}", f"form = {quote(source.form)}",
             f"sha256 = {quote(source.sha256)}"]
    if source.meta:
        lines.append(f"meta = {quote(source.meta)}")
    if source.version_date:
        lines.append(f"version_date = {source.version_date.isoformat()}")
    if source.origin:
        lines.append(f"origin = {quote(source.origin)}")
    return "\n".join(lines) + "\n"


def add(inferred: Inferred, path: Path, directory: Path, meta_path: Path | None) -> None:
    """Copy the file (and its metadata) into ``directory`` and write its manifest entry."""
    manifest = directory / MANIFEST
    existing = load_manifest(directory) if manifest.is_file() else []
    if any(s.file == inferred.source.file for s in existing):
        raise SourceError(str(manifest), f"{inferred.source.file} is already in the manifest",
                          expected="a file not yet in the corpus")
    directory.mkdir(parents=True, exist_ok=True)
    _copy(inferred.data, directory / inferred.source.file)
    if meta_path is not None:
        _copy(meta_path.read_bytes(), directory / meta_path.name)
    text = manifest.read_text(encoding="utf-8") if manifest.is_file() else ""
    write_atomically(manifest, (text.rstrip("\n") + "\n\n" if text.strip() else "") + entry(inferred.source))
