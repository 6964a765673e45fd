"""Numbered parts: the eId a printed number gives, looking ahead where a number repeats or goes back.

The decision itself is parse/numbering.py's; this walker keeps the last number given in each scope (a point
numbered through an annex, a sub-point through its point), finds the next printed number of the same kind
in the text, and reports each misnumbering where it is.
"""

from __future__ import annotations

from zangraph.model.document import FindingKind, NodeKind
from zangraph.parse.lexicon import POINT, SUBPOINT
from zangraph.parse.numbering import decide, number_key
from zangraph.parse.readers import Block
from zangraph.parse.segmenter.classify import Classifier
from zangraph.parse.segmenter.cursor import Cursor
from zangraph.parse.segmenter.ledger import Ledger
from zangraph.parse.segmenter.outline import PREFIX, RANK, Open

_PATTERNS = {NodeKind.POINT: POINT, NodeKind.SUBPOINT: SUBPOINT}


class Numberer:
    def __init__(self, cursor: Cursor, ledger: Ledger, classify: Classifier):
        self.cursor = cursor
        self.ledger = ledger
        self.classify = classify
        self.last: dict[str, tuple[int, ...]] = {}  # numbering scope -> key of the last number given

    def following(self, kind: NodeKind) -> str | None:
        """The printed number of the next part of ``kind`` in the same scope, if the text has one."""
        pattern = _PATTERNS.get(kind)
        for block in self.cursor.ahead():
            if block.layout or self.classify.is_note(block):
                continue
            if self.classify.is_caption(block):
                return None
            heading = self.classify.heading_kind(block)
            if pattern is not None:
                if heading and (kind is NodeKind.SUBPOINT or heading[0] is NodeKind.ARTICLE):
                    return None
                if kind is NodeKind.SUBPOINT and POINT.match(block.folded):
                    return None
                if m := pattern.match(block.folded):
                    return m.group(1)
            elif heading:
                if heading[0] is kind:
                    return heading[1]
                if RANK[heading[0]] < RANK[kind]:
                    return None
        return None

    def numbered(self, parent: Open, kind: NodeKind, num: str, block: Block, scope: str) -> Open:
        """A numbered part of ``parent`` (see numbering.py for the eId of a misnumbered one)."""
        last = self.last.get(scope)
        repeated = last is not None and number_key(num) <= last
        eid_num, problem = decide(num, last, self.following(kind) if repeated else None)
        if kind is NodeKind.SUBPOINT and problem == "number_gap":
            problem = None  # sub-points are left out of lists by exclusions all the time
        pattern = _PATTERNS.get(kind)
        m = pattern.match(block.folded) if pattern else None
        node = parent.child(kind, f"{PREFIX[kind]}_{eid_num or num}", block, num=num,
                            label=block.text[: m.start(2)].strip() if m else None)
        if m:
            node.text = block.text[m.start(2):]
        self.last[scope] = number_key(eid_num) if eid_num else last  # type: ignore[assignment]
        if problem:
            before = "-".join(map(str, last)) if last else ""
            read = f"; read as {eid_num}" if eid_num and eid_num != num else ""
            self.ledger.finding(FindingKind(problem), f"{PREFIX[kind]} {num} follows {before}{read}", node.eid,
                                block)
        self.ledger.place(block, node.eid)
        return node
