"""The parts of a text while the walk builds them: :class:`Open` nodes, and the outline of those still open.

A heading closes every open container of its rank or deeper; a point, sub-point or paragraph goes into the
innermost container still open. Open nodes are frozen into the document model's nodes at the end
(finish.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zangraph.model.document import NodeKind, Role
from zangraph.parse.readers import Block
from zangraph.parse.segmenter.ledger import Ledger

# Ranks of containers: a heading closes every open container of its rank or deeper.
RANK = {NodeKind.ANNEX: 0, NodeKind.DIVISION: 1, NodeKind.CHAPTER: 2, NodeKind.SECTION: 3, NodeKind.ARTICLE: 4,
        NodeKind.POINT: 5, NodeKind.SUBPOINT: 6}
# The eId step of each numbered kind of part.
PREFIX = {NodeKind.DIVISION: "part", NodeKind.CHAPTER: "chp", NodeKind.SECTION: "sec", NodeKind.ARTICLE: "art",
          NodeKind.POINT: "para", NodeKind.SUBPOINT: "point"}


@dataclass
class Open:
    """A node while it is being built; frozen into a :class:`Node` at the end."""

    kind: NodeKind
    eid: str
    blocks: list[Block]
    num: str | None = None
    label: str | None = None
    heading: str | None = None
    text: str = ""
    role: Role | None = None
    children: list[Open] = field(default_factory=list)
    counters: dict[str, int] = field(default_factory=dict)
    cells: tuple[str, ...] = ()

    def next(self, name: str) -> int:
        """The next number of a counter of this node's children ("indent", "sec", "table" …)."""
        self.counters[name] = self.counters.get(name, 0) + 1
        return self.counters[name]

    def child(self, kind: NodeKind, part: str, block: Block, **kw) -> Open:
        taken = {c.eid for c in self.children}
        eid = f"{self.eid}__{part}" if self.eid else part
        if eid in taken:  # a part the text numbers twice: keep eIds unique
            n = 2
            while f"{eid}_{n}" in taken:
                n += 1
            eid = f"{eid}_{n}"
        node = Open(kind, eid, [block], **kw)
        self.children.append(node)
        return node

    def extend(self, block: Block) -> None:
        """One more paragraph of this node's own text."""
        self.blocks.append(block)
        self.text = f"{self.text} {block.text}"


class Outline:
    """The tree of parts and the containers open in it, innermost last."""

    def __init__(self, ledger: Ledger):
        self.ledger = ledger
        self.root = Open(NodeKind.ANNEX, "", [])  # holds the top-level parts; never emitted itself
        self.stack: list[Open] = [self.root]

    @property
    def container(self) -> Open:
        """The outermost part open: the act itself (the root) or the annex being read."""
        return self.stack[0]

    def restart(self, container: Open) -> None:
        """Read on inside ``container`` (the act's body, an annex), every other part closed."""
        self.stack = [container]

    def open(self, node: Open) -> None:
        self.stack.append(node)

    def close_to(self, rank: int) -> Open:
        """Close the open parts of ``rank`` or deeper; the innermost part still open is the parent."""
        while len(self.stack) > 1 and RANK.get(self.stack[-1].kind, 99) >= rank:
            self.stack.pop()
        return self.stack[-1]

    def after(self) -> str | None:
        """The eId of the innermost part open: what a note at this place follows."""
        for node in reversed(self.stack):
            if node.eid:
                last = node.children[-1] if node.children and node.kind is not NodeKind.ANNEX else None
                if last is not None and last.kind is NodeKind.SUBPOINT:
                    return last.eid
                return node.eid
        return None

    def indent(self, parent: Open, block: Block) -> Open:
        """A paragraph of ``parent``. Abzats are counted as the law counts them: a point's own first paragraph
        is abzats 1, so its first indent is abzats 2; other paragraphs (a card field's values, an annex's
        text) count from 1."""
        k = parent.next("indent") + (1 if parent.kind is NodeKind.POINT else 0)
        node = parent.child(NodeKind.INDENT, f"indent_{k}", block, num=str(k), text=block.text)
        self.ledger.place(block, node.eid)
        return node

    def leaf(self, kind: NodeKind, prefix: str, block: Block) -> Open:
        """A part with no parts of its own (a form, a table) in the innermost point or container open."""
        parent = self.close_to(RANK[NodeKind.SUBPOINT])
        node = parent.child(kind, f"{prefix}_{parent.next(prefix)}", block, text=block.text)
        self.ledger.place(block, node.eid)
        return node
