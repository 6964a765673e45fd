"""What the walk of a text has placed and found: the bookkeeping every walker shares.

Every non-blank line of a text ends up held by something (a part's eId, ``note:<n>``, ``title``, ``header``)
or is layout with a reason; the fidelity check relies on that record (``placed``). A block the walk cannot
place is a finding, and its lines stay as layout. This is the whole interface a walker that builds parts
(a card of profession, a table) needs besides the parts themselves.
"""

from __future__ import annotations

from collections.abc import Sequence

from zangraph.model.document import Finding, FindingKind, LayoutLine, Place, Span
from zangraph.parse.readers import Block
from zangraph.parse.readers.base import clean
from zangraph.parse.sources import SourceText


class Ledger:
    def __init__(self, src: SourceText):
        self.file = src.source.file
        self.act = src.source.act
        self.sha256 = src.source.sha256
        self.lines = src.text.splitlines()
        self.placed: dict[int, list[str]] = {}  # line number -> what holds it
        self.layout: list[LayoutLine] = []
        self.findings: list[Finding] = []

    def span(self, blocks: Sequence[Block]) -> Span:
        """Where ``blocks`` (in text order) sit in the source."""
        return Span(self.file, blocks[0].first_line, blocks[-1].last_line, blocks[0].start, blocks[-1].end,
                    self.sha256)

    def place(self, block: Block, holder: str) -> None:
        for line in block.lines:
            self.placed.setdefault(line, []).append(holder)

    def as_layout(self, block: Block, reason: str) -> None:
        self.place(block, "layout")
        self.layout.extend(LayoutLine(n, clean(self.lines[n - 1]), reason) for n in block.lines)

    def unplaced(self, block: Block, what: str) -> None:
        """A block the walk cannot place: a finding, and its lines stay as layout."""
        self.finding(FindingKind.UNRECOGNISED_STRUCTURE, f"{what}: {block.text[:80]!r}", None, block)
        self.as_layout(block, f"not recognised ({what})")

    def finding(self, kind: FindingKind, message: str, eid: str | None, block: Block) -> None:
        """A finding about one block, its words the evidence."""
        self.findings.append(Finding(kind, self.act, message, (Place(self.file, eid, self.span([block])),),
                                     (block.text,)))
