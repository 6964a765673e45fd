"""Markdown: headings of any level, bold used as a heading, hard line breaks (two trailing spaces)."""

from __future__ import annotations

import re

from zangraph.parse.lexicon import Lexicon
from zangraph.parse.readers.base import Block, clean, join_text, split_lines

_HEADING = re.compile(r"^\s*(#{1,6})\s+")
_EMPHASIS = re.compile(r"\*\*|(?<!\w)\*|\*(?!\w)")


def strip_markup(raw: str) -> str:
    return clean(_EMPHASIS.sub("", _HEADING.sub("", raw)))


def read(text: str, lexicon: Lexicon) -> list[Block]:
    blocks: list[Block] = []
    pending: list = []

    def flush() -> None:
        if not pending:
            return
        first, last = pending[0], pending[-1]
        body = pending[0].text
        for line in pending[1:]:
            body = join_text(body, line.text)
        heading = _HEADING.match(first.raw)
        bold = first.raw.lstrip("# ").startswith("**") and last.raw.rstrip().endswith("**")
        blocks.append(Block(body, tuple(ln.number for ln in pending), first.start, last.start + len(last.raw),
                            first.indent, len(heading.group(1)) if heading else 0, bold))
        pending.clear()

    for line in split_lines(text, strip_markup):
        if line.blank:
            flush()
            continue
        pending.append(line)
        # Two trailing spaces are a hard break inside one paragraph; anything else ends it.
        if not line.raw.endswith("  "):
            flush()
    flush()
    return blocks
