"""Tables: a part with its rows, each row's cells as printed (a spanned cell repeated where it spans), or a
card of profession printed as a table."""

from __future__ import annotations

from zangraph.model.document import NodeKind
from zangraph.parse.readers import Block
from zangraph.parse.readers.tables import grid
from zangraph.parse.segmenter.cards import Cards
from zangraph.parse.segmenter.classify import Classifier
from zangraph.parse.segmenter.ledger import Ledger
from zangraph.parse.segmenter.outline import Outline


class Tables:
    def __init__(self, ledger: Ledger, outline: Outline, classify: Classifier, cards: Cards):
        self.ledger = ledger
        self.outline = outline
        self.classify = classify
        self.cards = cards

    def read(self, block: Block) -> None:
        if self.classify.is_card_table(block):
            self.cards.table(block)
            return
        table = self.outline.leaf(NodeKind.TABLE, "table", block)
        table.text = ""
        for k, (row, cells) in enumerate(zip(block.rows, grid(block.rows), strict=True), start=1):
            printed = " | ".join(c.text for c in row.cells)
            row_block = Block(printed, row.lines, row.start, row.end)
            node = table.child(NodeKind.ROW, f"row_{k}", row_block, text=printed, cells=cells)
            if row.cells and all(c.header for c in row.cells):
                node.label = "header"
            first = cells[0].strip() if cells else ""
            if first.rstrip(".").replace("-", "").isdigit():
                node.num = first.rstrip(".")  # a row numbered in its first cell
            self.ledger.place(row_block, node.eid)
