"""The Markdown of the Unified System of Legal Information (the official consolidated texts).

Paragraphs are separated by blank lines. Headings are ``#`` lines; notes, annex captions and approvals are
block quotations in italics (``> *Сноска. …*``), possibly indented under a sub-point; two trailing spaces
break a line inside a paragraph; numbers may be escaped (``1\\.``, ``1\\)``); anchors (``<a id="p1"></a>``)
stand on lines of their own; tables are HTML (or Markdown pipe / ASCII grid) tables; forms are fenced
blocks; a text may open with YAML front matter. A paragraph broken in two (the second part starting in lower
case after a part that does not end a sentence) is joined again: the break is the converter's, not the
publisher's.

>>> blocks = read("# Title\\n\\n<a id=\\"p1\\"></a>\\n\\n1\\\\. First\\n\\n> *Сноска. Пункт 1 изменен.*\\n", None)
>>> [(b.text, b.quote, b.italic, b.anchor) for b in blocks if not b.layout]
[('Title', False, False, None), ('1. First', False, False, 'p1'), ('Сноска. Пункт 1 изменен.', True, True, None)]
"""

from __future__ import annotations

import html
import re
from dataclasses import replace

from zangraph.parse.lexicon import Lexicon
from zangraph.parse.readers.base import Block, Line, clean, ends_sentence, split_lines
from zangraph.parse.readers.tables import html_rows, is_rule, pipe_rows

_QUOTE = re.compile(r"^\s*((?:>\s?)+)")
_HEADING = re.compile(r"^(#{1,6})\s+")
_ANCHOR_LINE = re.compile(r'^\s*(?:<a\s+(?:id|name)="([^"]*)"\s*>\s*</a>\s*)+$', re.IGNORECASE)
_TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
# Emphasis markers, but not the asterisk of the publisher's "<*>" reference marks.
_EMPHASIS = re.compile(r"\*\*|(?<![<\w])\*|\*(?![>\w])")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>|])")
_FENCE = re.compile(r"^\s*(```|~~~)")
_FRONT_MATTER = "---"
# A line of YAML front matter: "key: value", "key:" opening a list or a mapping, "- item", "  key: value".
_FRONT_MATTER_FIELD = re.compile(r"^(?:[A-Za-z_][\w-]*:(?:\s|$)|-\s|\s+(?:-\s|[A-Za-z_][\w-]*:(?:\s|$)))")
# A link to a part file in the list of a text published in parts: [`ch001`](kaz/ch001.md).
PART_LINK = re.compile(r"\[`?[\w.-]+`?\]\((?P<path>[^)\s]+\.md)\)")


def markup(raw: str) -> tuple[str, int, int, bool, bool]:
    """A line without its Markdown: (words, quote depth, heading level, bold, italic)."""
    quote = _QUOTE.match(raw)
    body = raw[quote.end():] if quote else raw.lstrip()
    depth = quote.group(1).count(">") if quote else 0
    heading = _HEADING.match(body)
    if heading:
        body = body[heading.end():]
    core = body.strip()
    bold = core.startswith("**") and core.endswith("**") and len(core) > 4
    italic = not bold and core.startswith("*") and core.endswith("*") and len(core) > 2
    words = _TAG.sub("", body) if "<" in body else body
    words = _EMPHASIS.sub("", words) if "*" in words else words
    words = _ESCAPE.sub(r"\1", words) if "\\" in words else words
    words = html.unescape(words) if "&" in words else words
    return clean(words), depth, len(heading.group(1)) if heading else 0, bold, italic


def strip_markup(raw: str) -> str:
    """The words of a line as the fidelity check compares them (a row of a pipe table as its cells)."""
    if is_rule(raw):
        return ""
    if raw.strip().startswith("|") and raw.strip().endswith("|"):
        return " | ".join(clean(c) for c in raw.strip().strip("|").split("|"))
    return markup(raw)[0]


def _lowercase_start(text: str) -> bool:
    first = text[:1]
    return first.isalpha() and first.islower()


def read(text: str, lexicon: Lexicon | None) -> list[Block]:
    lines = list(split_lines(text, strip_markup))
    blocks: list[Block] = []
    pending: list[Line] = []
    anchor: str | None = None
    i = 0

    def flush() -> None:
        nonlocal anchor
        if not pending:
            return
        first, last = pending[0], pending[-1]
        _, depth, heading, _, _ = markup(first.raw)
        body = " ".join(ln.text for ln in pending if ln.text)
        styles = [markup(ln.raw) for ln in pending if ln.text]
        bold = all(s[3] for s in styles)
        italic = all(s[4] for s in styles)
        block = Block(clean(body), tuple(ln.number for ln in pending), first.start, last.start + len(last.raw),
                      first.indent, heading, bold, italic, depth > 0, anchor)
        anchor = None
        pending.clear()
        previous = blocks[-1] if blocks else None
        if (previous is not None and _plain(previous) and _plain(block) and block.anchor is None
                and not ends_sentence(previous.text) and _lowercase_start(block.text)):
            blocks[-1] = replace(previous, text=f"{previous.text} {block.text}", lines=previous.lines + block.lines,
                                 end=block.end)
            return
        blocks.append(block)

    while i < len(lines):
        line = lines[i]
        raw = line.raw
        if raw.strip() == _FRONT_MATTER and (end := _front_matter_end(lines, i)) is not None:
            # At the top of the text, and at the top of each part file of a text published in parts and joined.
            flush()
            blocks.append(_layout(lines[i: end + 1], "front matter"))
            i = end + 1
            continue
        if (m := _ANCHOR_LINE.match(raw)) is not None:
            flush()
            blocks.append(_layout([line], "anchor"))
            anchor = m.group(1)
            i += 1
            continue
        if _FENCE.match(raw):
            flush()
            end = next((j for j in range(i + 1, len(lines)) if _FENCE.match(lines[j].raw)), len(lines) - 1)
            inner = lines[i + 1:end]
            body = "\n".join(ln.raw.rstrip() for ln in inner)
            blocks.append(_layout([line], "fence"))
            if inner:
                blocks.append(Block(body, tuple(ln.number for ln in inner), inner[0].start,
                                    inner[-1].start + len(inner[-1].raw), inner[0].indent, pre=True, anchor=anchor))
            if end > i:
                blocks.append(_layout([lines[end]], "fence"))
            anchor = None
            i = end + 1
            continue
        if raw.lstrip().lower().startswith("<table"):
            flush()
            end = next((j for j in range(i, len(lines)) if "</table>" in lines[j].raw.lower()), len(lines) - 1)
            stop = lines[end].start + len(lines[end].raw)
            table = text[line.start:stop]
            rows = tuple(html_rows(table, line.number, line.start))
            blocks.append(_table(rows, lines[i:end + 1], anchor))
            anchor = None
            i = end + 1
            continue
        if raw.lstrip().startswith(("|", "+")) and i + 1 < len(lines) and (
                is_rule(lines[i + 1].raw) or is_rule(raw)):
            flush()
            end = i
            while end + 1 < len(lines) and lines[end + 1].raw.lstrip().startswith(("|", "+")):
                end += 1
            stop = lines[end].start + len(lines[end].raw)
            rows = tuple(pipe_rows(text[line.start:stop], line.number, line.start))
            blocks.append(_table(rows, lines[i:end + 1], anchor))
            anchor = None
            i = end + 1
            continue
        if line.blank:
            flush()
            i += 1
            continue
        _, _, heading, _, _ = markup(raw)
        if heading:
            flush()
            pending.append(line)
            flush()
            i += 1
            continue
        if pending and _QUOTE.match(pending[0].raw) is None and _QUOTE.match(raw) is not None:
            flush()  # a quotation right under a paragraph starts a block of its own
        pending.append(line)
        i += 1
    flush()
    return _parts_table(blocks)


def _front_matter_end(lines: list[Line], i: int) -> int | None:
    """The closing line of YAML front matter opening at line ``i`` (``---``, ``key: value`` lines, ``---``)."""
    j = i + 1
    while j < len(lines) and _FRONT_MATTER_FIELD.match(lines[j].raw):
        j += 1
    if j > i + 1 and j < len(lines) and lines[j].raw.strip() == _FRONT_MATTER:
        return j
    return None


def _parts_table(blocks: list[Block]) -> list[Block]:
    """A text too large to show whole is published as a main file listing its part files ("## Части документа"
    and a table of links to ``ch001.md``, ``an001.md`` …). Joined, the list is the converter's navigation,
    not the act's: the heading, its prose and the table are layout."""
    for k, block in enumerate(blocks):
        if not (block.rows and all(PART_LINK.search(c.text) for row in block.rows[1:] for c in row.cells[:1])
                and len(block.rows) > 1):
            continue
        start = k
        while start > 0 and not blocks[start].heading and k - start < 4:
            start -= 1
        if not blocks[start].heading:
            continue
        for j in range(start, k + 1):
            blocks[j] = replace(blocks[j], layout="list of the document's part files", rows=())
    return blocks


def _plain(block: Block) -> bool:
    return not (block.heading or block.quote or block.rows or block.pre or block.bold or block.italic)


def _layout(lines: list[Line], reason: str) -> Block:
    return Block(" ".join(ln.text for ln in lines), tuple(ln.number for ln in lines), lines[0].start,
                 lines[-1].start + len(lines[-1].raw), layout=reason)


def _table(rows: tuple, lines: list[Line], anchor: str | None) -> Block:
    text = " ".join(" | ".join(c.text for c in row.cells) for row in rows)
    return Block(text, tuple(ln.number for ln in lines), lines[0].start, lines[-1].start + len(lines[-1].raw),
                 lines[0].indent, rows=rows, anchor=anchor)
