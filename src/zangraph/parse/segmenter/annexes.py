"""The annexes after the act's body: each with its caption ("Приложение 1 к приказу ..."), any form label,
notes and title, then its content up to the next caption. An annex whose caption names another annex's
document ("Приложение 1 к Правилам ...") is an annex of the annex before; text after the act's end that is
no annex is a finding."""

from __future__ import annotations

from zangraph.model.document import NodeKind
from zangraph.parse.lexicon import POINT, SUBPOINT, Lexicon
from zangraph.parse.readers import Block
from zangraph.parse.segmenter.cards import Cards
from zangraph.parse.segmenter.classify import Classifier
from zangraph.parse.segmenter.content import Content
from zangraph.parse.segmenter.cursor import Cursor
from zangraph.parse.segmenter.ledger import Ledger
from zangraph.parse.segmenter.note_taker import NoteTaker
from zangraph.parse.segmenter.outline import Open, Outline


class Annexes:
    def __init__(self, cursor: Cursor, ledger: Ledger, classify: Classifier, outline: Outline, notes: NoteTaker,
                 content: Content, cards: Cards, lexicon: Lexicon, zan: bool):
        self.cursor = cursor
        self.ledger = ledger
        self.classify = classify
        self.outline = outline
        self.notes = notes
        self.content = content
        self.cards = cards
        self.lex = lexicon
        self.zan = zan  # the official Markdown quotes captions and marks titles as headings

    def read(self) -> None:
        cursor, classify, root = self.cursor, self.classify, self.outline.root
        top: Open | None = None
        while (block := cursor.peek()) is not None:
            if classify.is_caption(block):
                if top is None or self.lex.annex_of_act.search(block.folded):
                    top = self.annex(root, self.number(block, root), block)
                else:
                    self.annex(top, self.number(block, top), block)
            elif classify.is_note(block):
                self.notes.take(self.outline.after())
            else:
                self.ledger.unplaced(block, "text after the act's end that is no annex")
                cursor.advance()

    def number(self, block: Block, parent: Open) -> str:
        """The number the caption gives, else the next one free among ``parent``'s annexes."""
        m = self.lex.annex_number.search(block.folded)
        taken = {c.num for c in parent.children if c.kind is NodeKind.ANNEX}
        if m and m.group("num") not in taken:
            return m.group("num")
        n = len(taken) + 1
        while str(n) in taken:
            n += 1
        return str(n)

    def annex(self, parent: Open, num: str, first: Block) -> Open:
        """An annex of ``parent`` whose caption starts at ``first``: its caption, title and notes, then its
        content up to the next annex's caption."""
        annex = Open(NodeKind.ANNEX, f"{parent.eid}__att_{num}" if parent.eid else f"att_{num}", [first], num=num)
        parent.children.append(annex)
        self.caption(annex)
        self.outline.restart(annex)
        self.cards.close()
        self.content.read(in_body=False)
        return annex

    def caption(self, annex: Open) -> None:
        """The caption ("Приложение 1 к приказу ..."), any form label, the notes and the title of an annex.

        In the official Markdown the caption is quoted and the title is a heading. In the other forms the
        title is the last paragraph before the first heading, or the words a heading was run into; an annex
        whose caption is followed directly by a heading (cards of profession) has no title.
        """
        cursor, classify = self.cursor, self.classify
        held: list[Block] = []
        if self.zan:
            while (block := cursor.peek()) is not None:
                if classify.is_note(block):
                    self.notes.take(annex.eid)
                elif (block.quote and not self.lex.approval.match(block.folded)
                      and not (held and classify.is_caption(block))):
                    held.append(block)
                    cursor.advance()
                else:
                    break
            block = cursor.peek()
            if block is not None and block.heading and not classify.heading_kind(block) and not classify.is_note(block):
                self.title(annex, block)
                cursor.advance()
        else:
            inline = False
            while (block := cursor.peek()) is not None and not classify.opens_part(block):
                if classify.is_note(block):
                    self.notes.take(annex.eid)
                    continue
                if held and (POINT.match(block.folded) or SUBPOINT.match(block.folded) or block.rows):
                    break
                if (at := classify.inline_heading(block)) is not None:
                    held.append(cursor.split(at))  # the title; the heading it was run into is read next
                    inline = True
                    break
                held.append(block)
                cursor.advance()
            if inline or len(held) > 1:
                self.title(annex, held.pop())
        if held:
            preface = annex.child(NodeKind.PREFACE, "preface", held[0], text=" ".join(b.text for b in held))
            preface.blocks = held
            for b in held:
                self.ledger.place(b, preface.eid)
        while (nxt := cursor.peek()) is not None and classify.is_note(nxt):
            self.notes.take(annex.eid)

    def title(self, annex: Open, block: Block) -> None:
        annex.heading = block.text
        annex.blocks.append(block)
        self.ledger.place(block, annex.eid)
