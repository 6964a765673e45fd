"""Plain text extracted from an HTML page.

Paragraphs start indented (spaces, no-break spaces or tabs); table cells are separated by lines holding
only a tab; a long paragraph may be wrapped onto lines that start at the margin, even across a blank line.
"""

from __future__ import annotations

from zangraph.parse.lexicon import Lexicon
from zangraph.parse.readers.base import Block, Line, continues_after_gap, join_wrapped, split_lines


def read(text: str, lexicon: Lexicon) -> list[Block]:
    def new_block(previous: Line, line: Line, after_gap: bool) -> bool:
        if line.indent >= 2:
            return True
        if after_gap:
            return not (line.text[:1].islower() or line.text[:1] in ",.;:)")
        return False

    return join_wrapped(list(split_lines(text)), lexicon, new_block)


__all__ = ["continues_after_gap", "read"]
