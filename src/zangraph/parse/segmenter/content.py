"""The content of the act's body or of an annex: headings that open containers, points, sub-points and
paragraphs, forms and tables, cards of profession, and the notes between them, up to the next annex's
caption (or, in the body, the signature)."""

from __future__ import annotations

from zangraph.model.document import FindingKind, NodeKind
from zangraph.parse.lexicon import POINT, SUBPOINT, Lexicon
from zangraph.parse.numbering import number_key
from zangraph.parse.readers import Block
from zangraph.parse.segmenter.cards import Cards
from zangraph.parse.segmenter.classify import Classifier
from zangraph.parse.segmenter.cursor import Cursor
from zangraph.parse.segmenter.ledger import Ledger
from zangraph.parse.segmenter.note_taker import NoteTaker
from zangraph.parse.segmenter.numberer import Numberer
from zangraph.parse.segmenter.outline import RANK, Open, Outline
from zangraph.parse.segmenter.tables import Tables


class Content:
    def __init__(self, cursor: Cursor, ledger: Ledger, classify: Classifier, outline: Outline, notes: NoteTaker,
                 numberer: Numberer, cards: Cards, tables: Tables, lexicon: Lexicon):
        self.cursor = cursor
        self.ledger = ledger
        self.classify = classify
        self.outline = outline
        self.notes = notes
        self.numberer = numberer
        self.cards = cards
        self.tables = tables
        self.lex = lexicon

    def read(self, in_body: bool) -> None:
        """Parts up to the next annex's caption (or, in the act's body, its signature)."""
        cursor, classify = self.cursor, self.classify
        items, eif_seen = 0, False
        while (block := cursor.peek()) is not None:
            text = block.folded
            if classify.is_note(block):
                self.notes.take(self.outline.after())
                continue
            if classify.is_caption(block):
                return
            if reason := classify.is_layout(block):
                self.ledger.as_layout(block, reason)
                cursor.advance()
                continue
            if in_body and classify.ends_body(block, items, eif_seen):
                return
            is_card = classify.is_card(block)
            heading = None if is_card else classify.heading_kind(block)
            if block.rows:
                self.tables.read(block)
            elif block.pre:
                self.outline.leaf(NodeKind.BLOCK, "block", block)
            elif self.cards.current is not None and not is_card and heading is None:
                self.cards.current.add(block)
            elif is_card:
                self.cards.open(block)
            elif heading is not None:
                self.heading(heading, block)
                continue
            elif m := POINT.match(text):
                node = self.point(block, m.group(1))
                if in_body:
                    items += 1
                    eif_seen = eif_seen or bool(self.lex.entry_into_force.match(node.text))
            elif m := SUBPOINT.match(text):
                self.subpoint(block, m.group(1))
            else:
                self.paragraph(block)
            cursor.advance()

    # -- headings ------------------------------------------------------------------------------------------

    def heading(self, heading: tuple[NodeKind, str, str], block: Block) -> None:
        """The container a heading opens; a heading run into the paragraph after it is cut from it."""
        kind = heading[0]
        at = self.classify.inline_heading(block)
        head = block
        if at is not None:  # the rest of the block stays at the cursor, to be read next
            head = self.cursor.split(at)
            heading = self.classify.heading_kind(head) or heading
            kind = heading[0]
        # "3-бөлім" after "1-тарау", "2-тарау" at the same place: the publisher's word differs, the structure
        # does not; it is read as the chapter its number continues, and reported.
        misnamed = kind is NodeKind.DIVISION and self.among_chapters(heading[1])
        if misnamed:
            kind = NodeKind.CHAPTER
        parent = self.outline.close_to(RANK[kind])
        self.cards.close()
        scope_owner = self.outline.container if kind is NodeKind.ARTICLE else parent
        node = self.numberer.numbered(parent, kind, heading[1], head, f"{kind.value}:{scope_owner.eid}")
        node.heading = heading[2]
        node.label = head.text[: len(head.text) - len(heading[2])].strip() if heading[2] else head.text
        if misnamed:
            self.ledger.finding(FindingKind.UNIT_DIFFERS, f"{node.label!r} is numbered among chapters and read as "
                                f"chapter {heading[1]}", node.eid, head)
        self.outline.open(node)
        if at is None:
            self.cursor.advance()

    def among_chapters(self, num: str) -> bool:
        """Whether a division numbered ``num`` would be the next chapter of the annex (or act) it is in."""
        stack = self.outline.stack
        container = next((n for n in reversed(stack) if n.kind is NodeKind.ANNEX), stack[0])
        if any(c.kind is NodeKind.DIVISION for c in container.children):
            return False
        chapters = [c for c in container.children if c.kind is NodeKind.CHAPTER and c.num]
        return bool(chapters) and number_key(num) == (number_key(chapters[-1].num)[0] + 1,)

    # -- points, sub-points, paragraphs ----------------------------------------------------------------------

    def point(self, block: Block, num: str) -> Open:
        outline = self.outline
        parent = outline.close_to(RANK[NodeKind.POINT])
        if parent.kind is NodeKind.ARTICLE:
            scope = f"point:{parent.eid}"
        else:  # the order's own items, or an annex's points numbered through the annex
            scope = "point:items" if outline.container is outline.root else f"point:{outline.container.eid}"
        node = self.numberer.numbered(parent, NodeKind.POINT, num, block, scope)
        node.role = self.classify.point_role(node.text)
        outline.open(node)
        if self.lex.notes.inline.match(node.text.lstrip()):
            # "5. Исключен приказом ...": the point is a statement of what an act did to it.
            self.notes.inline(node.text, block, node.eid)
        return node

    def subpoint(self, block: Block, num: str) -> None:
        outline = self.outline
        parent = outline.close_to(RANK[NodeKind.SUBPOINT])
        restarts = any(c.kind is NodeKind.SUBPOINT and c.num and number_key(c.num) >= number_key(num)
                       for c in parent.children)
        last = parent.children[-1] if parent.children else None
        listed = [c for c in last.children if c.kind is NodeKind.SUBPOINT] if last is not None else []
        if last is not None and last.kind is NodeKind.INDENT and (
                (restarts and last.text.rstrip().endswith(":"))
                or (listed and number_key(num) > number_key(listed[-1].num or "0"))):
            parent = last  # a list that starts again belongs to the paragraph introducing it
        elif parent is outline.root:
            self.ledger.unplaced(block, "a sub-point outside any item")
            return
        if parent.kind is NodeKind.POINT:
            parent.next("indent")  # a sub-point is an абзац of its point too
        node = self.numberer.numbered(parent, NodeKind.SUBPOINT, num, block, f"subpoint:{parent.eid}")
        outline.open(node)

    def paragraph(self, block: Block) -> None:
        self.outline.indent(self.outline.close_to(RANK[NodeKind.SUBPOINT]), block)
