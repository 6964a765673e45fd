"""Parsing a source, or the whole corpus: the library's entry points for the document model."""

from __future__ import annotations

from dataclasses import dataclass, replace
from itertools import combinations
from pathlib import Path

from . import fidelity
from .align import Alignment, align
from .findings import document_findings
from .lang import LEXICONS
from .model import Document
from .readers import read_blocks
from .segmenter import segment
from .sources import load_manifest, read_source


def parse_text(directory: Path, source) -> tuple[Document, list[fidelity.Unplaced]]:
    src = read_source(directory, source)
    lexicon = LEXICONS[source.language]
    doc = segment(src, read_blocks(source.file, source.form, src.text, lexicon), lexicon)
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


def parse_corpus(directory: Path) -> Corpus:
    documents, unplaced = [], []
    for source in load_manifest(directory):
        doc, problems = parse_text(directory, source)
        documents.append(doc)
        unplaced.extend(problems)
    alignments = tuple(align(a, b) for a, b in combinations(documents, 2) if a.source.act == b.source.act)
    return Corpus(tuple(documents), tuple(unplaced), alignments)
