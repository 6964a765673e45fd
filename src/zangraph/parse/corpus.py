"""Parsing a source, or the whole corpus: the library's entry points for the document model."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations
from pathlib import Path

from zangraph.model.document import Document, Source
from zangraph.parse import fidelity
from zangraph.parse.align import Alignment, align
from zangraph.parse.findings import document_findings
from zangraph.parse.lexicon import lexicon
from zangraph.parse.meta import Meta, read_meta
from zangraph.parse.readers import read_blocks
from zangraph.parse.segmenter import segment
from zangraph.parse.sources import load_manifest, read_source


def source_meta(directory: Path, source: Source) -> Meta | None:
    return read_meta(directory / source.meta) if source.meta else None


def parse_text(directory: Path, source: Source) -> tuple[Document, list[fidelity.Unplaced]]:
    src = read_source(directory, source)
    lex = lexicon(source.language)
    doc = segment(src, read_blocks(source.file, source.form, src.text, lex), lex, source_meta(directory, source))
    doc = replace(doc, findings=doc.findings + tuple(document_findings(doc)))
    return doc, fidelity.check(doc, src.text)


@dataclass(frozen=True)
class Corpus:
    documents: tuple[Document, ...]
    unplaced: tuple[fidelity.Unplaced, ...]
    alignments: tuple[Alignment, ...]

    def by_file(self, name: str) -> Document:
        return next(d for d in self.documents if d.source.file == name)

    @property
    def findings(self):
        return [f for d in self.documents for f in d.findings] + [f for a in self.alignments for f in a.findings]


def compared_pairs(documents: Sequence[Document]) -> list[tuple[Document, Document]]:
    """The pairs of texts whose parts are compared language against language: texts of one act in different
    languages consolidated at the same date. A text the manifest gives no date is its language's current
    text, compared with the newest text of each other language (an older snapshot shows other versions)."""
    newest: dict[tuple[str, str], Document] = {}
    for doc in documents:
        key = (doc.source.act, doc.source.language)
        if key not in newest or (doc.consolidated_at or date.min) >= (newest[key].consolidated_at or date.min):
            newest[key] = doc

    def current(doc: Document) -> bool:
        return newest[(doc.source.act, doc.source.language)] is doc

    pairs = []
    for a, b in combinations(documents, 2):
        if a.source.act != b.source.act or a.source.language == b.source.language:
            continue
        if a.header.date and b.header.date and a.header.date != b.header.date:
            continue  # one path in the manifest, two acts: their headers date them apart
        if a.source.version_date and b.source.version_date:
            if a.source.version_date == b.source.version_date:
                pairs.append((a, b))
        elif current(a) and current(b):
            pairs.append((a, b))
    return pairs


def parse_corpus(directory: Path) -> Corpus:
    documents, unplaced = [], []
    for source in load_manifest(directory):
        doc, problems = parse_text(directory, source)
        documents.append(doc)
        unplaced.extend(problems)
    alignments = tuple(align(a, b) for a, b in compared_pairs(documents))
    return Corpus(tuple(documents), tuple(unplaced), alignments)
