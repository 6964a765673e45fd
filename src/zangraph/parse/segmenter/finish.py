"""The parts the walk built, frozen into the document model, with what they state read: the ladder of a
part that states a position's requirements (parse/requirements.py) and the items of a list of duties or
knowledge (parse/continuation.py, whose joins are findings).

A point whose opening words the lexicon does not know as a requirements point ("Требования к
квалификации." with a full stop) still has its ladder read where its paragraphs are one (they open with
their categories), so that the texts of a part compare ladder to ladder; its role stays unknown."""

from __future__ import annotations

from zangraph.model.document import LIST_ROLES, REQUIREMENT_ROLES, ListItem, Node, NodeKind
from zangraph.model.requirements import Rung
from zangraph.parse.continuation import list_items
from zangraph.parse.requirements import rungs
from zangraph.parse.segmenter.ledger import Ledger
from zangraph.parse.segmenter.outline import Open


class Finisher:
    def __init__(self, ledger: Ledger, language: str):
        self.ledger = ledger
        self.language = language

    def freeze(self, node: Open) -> Node:
        children = tuple(self.freeze(c) for c in node.children)
        ladder: tuple[Rung, ...] = ()
        items: tuple[ListItem, ...] = ()
        if node.role in REQUIREMENT_ROLES:
            ladder = rungs([node.text, *(c.text for c in children)], self.language)
        elif node.role is None and node.kind is NodeKind.POINT and children:
            ladder = rungs([node.text, *(c.text for c in children)], self.language, sentence=False)
        elif node.role in LIST_ROLES:
            items, found = list_items(children, self.ledger.act)
            self.ledger.findings.extend(found)
        return Node(node.kind, node.eid, self.ledger.span(node.blocks), node.num, node.label, node.heading,
                    node.text, node.role, children, node.cells, ladder, items)
