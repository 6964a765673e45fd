"""What a block is, by its words and its markup: a note, layout, an annex's caption, a heading, the end of the
act's body, a card of profession. Questions about one block at a time, asked of the language's lexicon."""

from __future__ import annotations

from zangraph.model.document import NodeKind, Role
from zangraph.parse.lexicon import NUMBERED_HEADING, POINT, SUBPOINT, Lexicon, fold
from zangraph.parse.readers import Block

_SHORT = 300  # a signature line is short


class Classifier:
    def __init__(self, lexicon: Lexicon, zan: bool):
        self.lex = lexicon
        self.zan = zan  # the official Markdown, which marks captions and headings as such

    def is_note(self, block: Block) -> bool:
        return not (block.rows or block.pre) and self.lex.is_note(block.folded)

    def is_layout(self, block: Block) -> str | None:
        """Why a block is layout, if it is: page furniture or a header repeated on a page."""
        if self.lex.furniture.match(block.folded):
            return "page furniture"
        if self.lex.repeated_header.match(block.folded):
            return "repeated header"
        return None

    def is_caption(self, block: Block) -> bool:
        if self.is_note(block):
            return False
        if self.zan:  # the official Markdown quotes its captions
            return block.quote and bool(self.lex.quoted_caption.search(block.folded))
        if not self.lex.annex_caption.match(block.folded):
            return False
        return not self.lex.caption_at_margin or block.indent == 0

    def heading_kind(self, block: Block) -> tuple[NodeKind, str, str] | None:
        """The container a heading opens, its number and its words, if the block is one."""
        if block.rows or block.pre:
            return None
        text = block.folded
        for kind, pattern in ((NodeKind.DIVISION, self.lex.division), (NodeKind.CHAPTER, self.lex.chapter),
                              (NodeKind.SECTION, self.lex.section), (NodeKind.ARTICLE, self.lex.article)):
            if pattern is not None and (m := pattern.match(text)):
                return kind, m.group(1), block.text[m.start(2):]
        if self.zan and 0 < block.heading <= 3 and (m := NUMBERED_HEADING.match(text)):
            return NodeKind.CHAPTER, m.group(1), block.text[m.start(2):]
        return None

    def inline_heading(self, block: Block) -> int | None:
        """Where a chapter or section heading starts inside a block, if it does."""
        if self.lex.inline_heading is None:
            return None
        m = self.lex.inline_heading.search(block.text)
        return m.start(1) if m else None

    def is_card(self, block: Block) -> bool:
        """The label that opens a card of profession."""
        return bool(self.lex.card and self.lex.card.match(block.folded))

    def is_card_table(self, block: Block) -> bool:
        """A card of profession printed as a table: its first cell is the card's label."""
        first = block.rows[0].cells[0].text if block.rows and block.rows[0].cells else ""
        return bool(self.lex.card and self.lex.card.match(fold(first)))

    def opens_part(self, block: Block) -> bool:
        return bool(self.heading_kind(block) or self.is_card(block))

    def ends_body(self, block: Block, items: int, eif_seen: bool) -> bool:
        """A signature or approval block ends the act's body (``items`` of it read so far, ``eif_seen`` once
        the item on its entry into force is among them)."""
        text = block.folded
        if self.lex.approval.match(text):
            return True
        if not items or POINT.match(text) or SUBPOINT.match(text) or self.heading_kind(block):
            return False
        if eif_seen or ((block.bold or block.italic) and len(text) < _SHORT):
            return True
        return bool(self.lex.signature.search(text)) and len(text) < _SHORT and not text.endswith(".")

    def point_role(self, text: str) -> Role | None:
        """What a point says about a position, from its opening words."""
        folded = fold(text)
        for role, pattern in self.lex.point_roles:
            if pattern.match(folded):
                return role
        if self.lex.position_point and self.lex.position_point.match(folded):
            return Role.POSITION
        return None
