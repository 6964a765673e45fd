"""The language-aware segmenter: blocks of a source text -> the document model.

The walk follows the shape every normative act shares: a title; a header (or none: the metadata has it);
notes; a preamble ending with the order formula; the body (the order's items, or a law's chapters and
articles); the signature and approvals; then annexes, each with its caption, title, notes and content
(divisions, chapters, paragraphs, articles, points, sub-points, indents, tables, forms, cards of
profession), an annex of an annex where its caption names another annex's document.

Each stretch of the walk is a small walker (front_matter, body, annexes, content, tables, cards) reading
from one cursor over the blocks (cursor.py), asking what a block is (classify.py), building parts in one
outline (outline.py, numbered by numberer.py), taking notes where they stand (note_taker.py) and recording
what it placed and found in one ledger (ledger.py). ``segment`` composes them. The parts are frozen into the
model with what they state about a position read (finish.py: a ladder's rungs, a list's items), and the
notes are read against the finished structure (parse/notes.py).

Nothing in a text stops the walk: every non-blank line ends up held by a part, a note, the title or header,
or is layout with a reason; what the walk cannot place is a finding and stays as layout. The fidelity
check relies on that bookkeeping (``placed``).
"""

from __future__ import annotations

import re

from zangraph.errors import SourceError
from zangraph.model.document import ActRef, Document, NodeKind
from zangraph.parse.doctype import document_kind
from zangraph.parse.entry import entry_into_force
from zangraph.parse.lexicon import Lexicon
from zangraph.parse.meta import Meta
from zangraph.parse.notes import metadata_notes, resolve_notes
from zangraph.parse.readers import Block
from zangraph.parse.segmenter.annexes import Annexes
from zangraph.parse.segmenter.body import Body
from zangraph.parse.segmenter.cards import Cards
from zangraph.parse.segmenter.classify import Classifier
from zangraph.parse.segmenter.content import Content
from zangraph.parse.segmenter.cursor import Cursor
from zangraph.parse.segmenter.finish import Finisher
from zangraph.parse.segmenter.front_matter import FrontMatter
from zangraph.parse.segmenter.ledger import Ledger
from zangraph.parse.segmenter.note_taker import NoteTaker
from zangraph.parse.segmenter.numberer import Numberer
from zangraph.parse.segmenter.outline import Outline
from zangraph.parse.segmenter.tables import Tables
from zangraph.parse.sources import SourceText


def segment(src: SourceText, blocks: list[Block], lexicon: Lexicon, meta: Meta | None = None) -> Document:
    """The document a text's blocks make: its structure walked, then its notes read against it."""
    zan = src.source.form == "zan-markdown"
    ledger = Ledger(src)
    cursor = Cursor(blocks, src.text, ledger)
    classify = Classifier(lexicon, zan)
    outline = Outline(ledger)
    notes = NoteTaker(cursor, ledger, classify, lexicon)
    cards = Cards(cursor, ledger, outline, lexicon)
    content = Content(cursor, ledger, classify, outline, notes, Numberer(cursor, ledger, classify), cards,
                      Tables(ledger, outline, classify, cards), lexicon)

    first = cursor.peek()
    if first is None:
        raise SourceError(ledger.file, "the text is empty", line=1, expected="an act's title")
    ledger.place(first, "title")
    cursor.advance()
    header = FrontMatter(cursor, ledger, classify, outline, notes, lexicon, meta).read(first)
    Body(cursor, ledger, classify, outline, notes, content, lexicon).read()
    Annexes(cursor, ledger, classify, outline, notes, content, cards, lexicon, zan).read()

    finisher = Finisher(ledger, lexicon.language)
    parts = tuple(finisher.freeze(n) for n in outline.root.children)
    read, note_findings = resolve_notes(notes.taken, parts, src.source, lexicon)
    h = header
    read += tuple(metadata_notes(meta, ActRef(h.act_type, h.number, h.date, h.issuer) if h.date else None))
    preamble = next((p for p in parts if p.kind is NodeKind.PREAMBLE), None)
    basis = lexicon.legal_basis.search(preamble.text) if preamble else None
    return Document(src.source, first.text, ledger.span([first]), header, parts, read,
                    entry_into_force(parts, lexicon), tuple(ledger.layout), tuple(ledger.findings + note_findings),
                    legal_basis=_group(preamble.text, basis, "basis").strip(" ,") if preamble and basis else None,
                    kind=document_kind(first.text, parts, lexicon),
                    placed={k: list(v) for k, v in ledger.placed.items()})


def _group(text: str, m: re.Match[str], name: str) -> str:
    """A group of a match on the folded text, in the words of the text as published."""
    return text[m.start(name):m.end(name)]


__all__ = ["segment"]
