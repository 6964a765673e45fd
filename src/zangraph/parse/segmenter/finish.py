"""The parts the walk built, frozen into the document model."""

from __future__ import annotations

from zangraph.model.document import Node
from zangraph.parse.segmenter.ledger import Ledger
from zangraph.parse.segmenter.outline import Open


class Finisher:
    def __init__(self, ledger: Ledger):
        self.ledger = ledger

    def freeze(self, node: Open) -> Node:
        children = tuple(self.freeze(c) for c in node.children)
        return Node(node.kind, node.eid, self.ledger.span(node.blocks), node.num, node.label, node.heading,
                    node.text, node.role, children, node.cells)
