"""The front matter of an act: the header (or the status line and repeated headers that are layout), notes
before the preamble, the preamble, and which act the text is, from its header, its metadata, an annex's
caption or, failing all, the manifest."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from zangraph.model.document import Finding, FindingKind, Header, NodeKind, Place
from zangraph.model.ids import FrbrUri, number_token
from zangraph.parse.headers import caption_header, parse_header
from zangraph.parse.lexicon import POINT, Lexicon
from zangraph.parse.meta import Meta
from zangraph.parse.readers import Block
from zangraph.parse.segmenter.classify import Classifier
from zangraph.parse.segmenter.cursor import Cursor
from zangraph.parse.segmenter.ledger import Ledger
from zangraph.parse.segmenter.note_taker import NoteTaker
from zangraph.parse.segmenter.outline import Outline


class FrontMatter:
    def __init__(self, cursor: Cursor, ledger: Ledger, classify: Classifier, outline: Outline, notes: NoteTaker,
                 lexicon: Lexicon, meta: Meta | None):
        self.cursor = cursor
        self.ledger = ledger
        self.classify = classify
        self.outline = outline
        self.notes = notes
        self.lex = lexicon
        self.meta = meta

    def read(self, title: Block) -> Header:
        """Everything between the title and the act's first item, heading or annex; the act's header."""
        cursor, classify, ledger = self.cursor, self.classify, self.ledger
        header: Header | None = None
        status: str | None = None
        pending: list[Block] = []
        while (block := cursor.peek()) is not None:
            text = block.folded
            if not pending and (m := self.lex.status.match(text)):
                # "Invalidated" / "Күшін жойған": kept as the header's status; the line itself is furniture.
                status = m.group(0).split(" ")[0] if self.lex.language == "en" else m.group(0)
                ledger.as_layout(block, "status line (kept as the header's status)")
            elif reason := classify.is_layout(block):
                ledger.as_layout(block, reason)
            elif block.text == title.text:
                ledger.as_layout(block, "repeated header")
            elif header is None and not pending and self.lex.header.search(text):
                header = parse_header(block.text, self.lex.language, ledger.span([block]))
                if header is None:
                    ledger.finding(FindingKind.HEADER_MISMATCH, "a header that does not name the act's issuer, "
                                   "date and number", None, block)
                ledger.place(block, "header")
            elif classify.is_note(block):
                for stray in pending:  # text a note separates from the preamble is no part of it
                    ledger.unplaced(stray, "a paragraph between the header and the preamble")
                pending.clear()
                self.notes.take(None)
                continue
            elif self.lex.order_formula.search(text):
                self.preamble([*pending, block])
                cursor.advance()
                break
            elif (POINT.match(text) or classify.heading_kind(block) or classify.is_caption(block)
                  or (block.bold and pending)):
                if pending:
                    self.preamble(pending)  # a preamble without the order formula
                break
            else:
                pending.append(block)
            cursor.advance()
        while (nxt := cursor.peek()) is not None and classify.is_note(nxt):
            self.notes.take("preamble")
        return self.identify(header, status)

    def preamble(self, blocks: list[Block]) -> None:
        node = self.outline.root.child(NodeKind.PREAMBLE, "preamble", blocks[0], text=" ".join(b.text for b in blocks))
        node.blocks = list(blocks)
        for b in blocks:
            self.ledger.place(b, node.eid)

    def identify(self, header: Header | None, status: str | None) -> Header:
        """The header the text prints, else the metadata's; checked against the manifest's act."""
        ledger = self.ledger
        declared = FrbrUri.parse(ledger.act)
        if header is None and self.meta is not None:
            header = self.meta.header()
        if header is None:
            header = self.caption_header()
        if header is None:
            # Nothing names the act but the manifest: its type, number and the date its path gives.
            when = date.fromisoformat(declared.date) if len(declared.date) == 10 else None
            ledger.findings.append(Finding(FindingKind.HEADER_MISMATCH, ledger.act,
                                           "neither the text nor its metadata names the act; the manifest's act is "
                                           "used", (Place(ledger.file, None, None),), ()))
            return Header(declared.type, "", when, declared.number, None, None, "", None, status,  # type: ignore[arg-type]
                          self.lex.language, "manifest")
        if (header.act_type, number_token(header.number)) != (declared.type, declared.number) or (
                header.date.isoformat()[: len(declared.date)] != declared.date):
            ledger.findings.append(Finding(FindingKind.HEADER_MISMATCH, ledger.act,
                                           f"the act is {header.act_type} No {header.number} of {header.date} by "
                                           f"its {'header' if header.origin == 'text' else header.origin}, "
                                           f"{ledger.act} by the manifest",
                                           (Place(ledger.file, None, header.span),), (header.text,)))
        return replace(header, status=status)

    def caption_header(self) -> Header | None:
        """The act named by the first annex caption, where neither the text nor its metadata names it."""
        for block in self.cursor.blocks:
            if not block.layout and self.classify.is_caption(block):
                return caption_header(block.text, self.lex.language, self.ledger.span([block]))
        return None
