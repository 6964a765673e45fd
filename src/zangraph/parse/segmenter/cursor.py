"""Where the walk is in a text's blocks: the next block to read, layout passed over on the way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import islice

from zangraph.parse.readers import Block
from zangraph.parse.segmenter.ledger import Ledger


class Cursor:
    def __init__(self, blocks: list[Block], text: str, ledger: Ledger):
        self.blocks = blocks
        self.text = text  # the source text, which a block cut in two is measured against
        self.ledger = ledger
        self.i = 0

    def peek(self, offset: int = 0) -> Block | None:
        """The block ``offset`` blocks ahead, layout blocks (anchors, fences) being placed and passed over."""
        j = self.i
        seen = -1
        while j < len(self.blocks):
            block = self.blocks[j]
            if block.layout:
                if j == self.i:
                    self.ledger.as_layout(block, block.layout)
                    self.i += 1
                j += 1
                continue
            seen += 1
            if seen == offset:
                return block
            j += 1
        return None

    def advance(self) -> None:
        self.i += 1

    def past(self, block: Block) -> None:
        """Go on after ``block``, a block at or after the cursor."""
        self.i = self.blocks.index(block, self.i) + 1

    def ahead(self) -> Iterator[Block]:
        """The blocks after the one at the cursor, layout included."""
        return islice(self.blocks, self.i + 1, None)

    def split(self, at: int) -> Block:
        """Cut the block at the cursor at a character of its text: the head is returned, the rest stays at the
        cursor to be read next."""
        head, rest = cut(self.text, self.blocks[self.i], at)
        self.blocks[self.i] = rest
        return head


def cut(text: str, block: Block, at: int) -> tuple[Block, Block]:
    """Split a block at a character of its text; the line where it splits belongs to both halves.

    >>> source = "Chapter 1. General provisions 1. This order"
    >>> head, tail = cut(source, Block(source, (1,), 0, len(source)), 30)
    >>> head.text, tail.text, (head.end, tail.start)
    ('Chapter 1. General provisions', '1. This order', (30, 30))
    """
    head, tail = block.text[:at].strip(), block.text[at:].strip()
    raw = text[block.start:block.end]
    words = r"\s+".join(map(re.escape, tail.split(" ")[:2]))
    m = re.search(words, raw)
    split = block.start + (m.start() if m else 0)
    line = block.first_line + text[block.start:split].count("\n")
    first = Block(head, tuple(n for n in block.lines if n <= line), block.start, split, block.indent)
    second = Block(tail, tuple(n for n in block.lines if n >= line), split, block.end, block.indent)
    return first, second
