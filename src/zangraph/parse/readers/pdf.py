"""Plain text extracted from a PDF: wrapped lines, page breaks as runs of blank lines, hyphenation."""

from __future__ import annotations

from zangraph.parse.lexicon import Lexicon
from zangraph.parse.readers.base import Block, Line, continues_after_gap, join_wrapped, split_lines


def read(text: str, lexicon: Lexicon) -> list[Block]:
    def new_block(previous: Line, line: Line, after_gap: bool) -> bool:
        return after_gap and not continues_after_gap(previous, line, lexicon)

    return join_wrapped(list(split_lines(text)), lexicon, new_block)
