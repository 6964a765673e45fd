"""The act's body: its own items (or a law's chapters and articles), then its signature and the approvals of
other authorities ("СОГЛАСОВАН", "AGREED"), up to the first annex's caption."""

from __future__ import annotations

from zangraph.model.document import NodeKind
from zangraph.parse.lexicon import Lexicon
from zangraph.parse.segmenter.classify import Classifier
from zangraph.parse.segmenter.content import Content
from zangraph.parse.segmenter.cursor import Cursor
from zangraph.parse.segmenter.ledger import Ledger
from zangraph.parse.segmenter.note_taker import NoteTaker
from zangraph.parse.segmenter.outline import Open, Outline


class Body:
    def __init__(self, cursor: Cursor, ledger: Ledger, classify: Classifier, outline: Outline, notes: NoteTaker,
                 content: Content, lexicon: Lexicon):
        self.cursor = cursor
        self.ledger = ledger
        self.classify = classify
        self.outline = outline
        self.notes = notes
        self.content = content
        self.lex = lexicon

    def read(self) -> None:
        self.outline.restart(self.outline.root)
        self.content.read(in_body=True)
        self.conclusions()

    def conclusions(self) -> None:
        """The signature block (one part, however many paragraphs) and each approval."""
        cursor, classify, ledger, root = self.cursor, self.classify, self.ledger, self.outline.root
        node: Open | None = None
        while (block := cursor.peek()) is not None and not classify.is_caption(block):
            if classify.is_note(block):
                self.notes.take(node.eid if node else self.outline.after())
                continue
            if reason := classify.is_layout(block):
                ledger.as_layout(block, reason)
            elif self.lex.approval.match(block.folded):
                n = len([c for c in root.children if c.kind is NodeKind.APPROVAL]) + 1
                node = root.child(NodeKind.APPROVAL, f"approval_{n}", block, text=block.text)
                ledger.place(block, node.eid)
            elif node is None:
                node = root.child(NodeKind.CONCLUSIONS, "conclusions", block, text=block.text)
                ledger.place(block, node.eid)
            else:
                node.extend(block)
                ledger.place(block, node.eid)
            cursor.advance()
