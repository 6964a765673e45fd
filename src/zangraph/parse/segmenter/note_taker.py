"""Notes where the walk meets them: a footnote (with the paragraphs it was broken into), an editorial note and
its body, taken as they stand and attached to the part they follow. They are read later, against the
finished structure (parse/notes.py)."""

from __future__ import annotations

from zangraph.model.document import NoteKind
from zangraph.parse.actrefs import NUMBER
from zangraph.parse.lexicon import POINT, SUBPOINT, Lexicon
from zangraph.parse.notes import RawNote
from zangraph.parse.readers import Block
from zangraph.parse.segmenter.classify import Classifier
from zangraph.parse.segmenter.cursor import Cursor
from zangraph.parse.segmenter.ledger import Ledger


class NoteTaker:
    def __init__(self, cursor: Cursor, ledger: Ledger, classify: Classifier, lexicon: Lexicon):
        self.cursor = cursor
        self.ledger = ledger
        self.classify = classify
        self.lex = lexicon
        self.taken: list[RawNote] = []

    def take(self, after: str | None) -> None:
        """Consume the note at the cursor (with any continuation split from it), or an editorial note and its
        body; ``after`` is the eId of the part it follows."""
        cursor = self.cursor
        block = cursor.blocks[cursor.i]
        parts = [block]
        kind = NoteKind.FOOTNOTE if self.lex.footnote.match(block.folded) else NoteKind.EDITORIAL
        cursor.advance()
        marker = self.lex.editorial.match(block.folded)
        if kind is NoteKind.EDITORIAL and marker and not block.text[marker.end():].strip(" *!.:") and (
                body := cursor.peek()):
            parts.append(body)  # the marker stands alone; its body is the next paragraph
            cursor.past(body)
        text = " ".join(p.text for p in parts)
        # A footnote broken over two paragraphs is one footnote: its bracket is still open, or it stops before
        # naming the acting act's number.
        while (nxt := cursor.peek()) is not None and kind is NoteKind.FOOTNOTE and self.continues(text, nxt):
            parts.append(nxt)
            cursor.advance()
            text = f"{text} {nxt.text}"
        holder = f"note:{len(self.taken)}"
        for part in parts:
            self.ledger.place(part, holder)
        self.taken.append(RawNote(kind, text, self.ledger.span(parts), after))

    def inline(self, text: str, block: Block, eid: str) -> None:
        """A point whose text is a statement of what an act did to it ("5. Исключен приказом ...")."""
        self.taken.append(RawNote(NoteKind.INLINE, text, self.ledger.span([block]), eid))

    def continues(self, text: str, nxt: Block) -> bool:
        """Whether ``nxt`` goes on with the footnote ``text``."""
        classify = self.classify
        if classify.is_note(nxt) or nxt.rows or nxt.pre or nxt.heading or classify.is_caption(nxt):
            return False
        if POINT.match(nxt.folded) or SUBPOINT.match(nxt.folded) or self.lex.order_formula.search(nxt.folded):
            return False
        return text.count("(") > text.count(")") or not NUMBER.search(text)
