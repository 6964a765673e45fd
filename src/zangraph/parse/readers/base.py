"""Physical lines and logical blocks, and the joining rule shared by the plain-text readers."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property

from zangraph.parse.lexicon import POINT, SUBPOINT, Lexicon, fold

# A line that ends a sentence or a list item. An initial ("S.K.") does not end one.
_TERMINATOR = re.compile(r"[.;:!?][\"”»)]*$")
_INITIAL = re.compile(r"(?:^|[\s.])\w\.$")
# A word broken at the end of a line ("average-" / "skilled"); a dash standing alone is not one.
_HYPHENATED = re.compile(r"\w-$")


def clean(text: str) -> str:
    """Tabs and no-break spaces are layout in every extracted form; runs of spaces are collapsed so that the
    same words compare equal whatever the extraction did to their spacing (str.split() takes every Unicode
    space, the no-break one included)."""
    return " ".join(text.split())


@dataclass(frozen=True)
class Line:
    number: int  # 1-based
    raw: str
    start: int  # character offset of the line in the file
    text: str  # cleaned content
    indent: int  # width of the leading whitespace, a tab counting 4

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass(frozen=True)
class CellLine:
    """One line of a cell's content, where the source has it."""

    number: int
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Cell:
    text: str
    colspan: int = 1
    rowspan: int = 1
    header: bool = False
    lines: tuple[CellLine, ...] = ()  # the content line by line (HTML tables): a card's label and its values


@dataclass(frozen=True)
class Row:
    """A row of a table as printed, with the lines and characters it spans."""

    cells: tuple[Cell, ...]
    lines: tuple[int, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """A logical paragraph: one or more physical lines joined; or a whole table, or a preformatted block."""

    text: str
    lines: tuple[int, ...]
    start: int
    end: int
    indent: int = 0
    heading: int = 0  # Markdown heading level, 0 for none
    bold: bool = False
    italic: bool = False  # the whole paragraph is in italics (Markdown *...*)
    quote: bool = False  # a block quotation (Markdown >)
    anchor: str | None = None  # the id of an anchor (<a id="p1">) standing just before it
    rows: tuple[Row, ...] = ()  # a table
    pre: bool = False  # preformatted text (a fenced block), kept line by line
    layout: str | None = None  # lines that are only layout (an anchor, a fence, front matter): the reason

    @property
    def first_line(self) -> int:
        return self.lines[0]

    @property
    def last_line(self) -> int:
        return self.lines[-1]

    @cached_property
    def folded(self) -> str:
        """The text with Latin look-alikes inside Cyrillic words folded, for matching (same length)."""
        return fold(self.text)


def split_lines(text: str, content: Callable[[str], str] = clean) -> Iterator[Line]:
    offset = 0
    for number, raw in enumerate(text.splitlines(keepends=True), start=1):
        body = raw.rstrip("\r\n")
        lead = len(body) - len(body.lstrip(" \t\u00a0"))
        indent = sum(4 if ch == "\t" else 1 for ch in body[:lead])
        yield Line(number, body, offset, content(body), indent)
        offset += len(raw)


def ends_sentence(text: str) -> bool:
    return bool(_TERMINATOR.search(text)) and not _INITIAL.search(text)


def join_text(left: str, right: str) -> str:
    """Join a wrapped line to what precedes it.

    A line that starts with punctuation (the Kazakh text wraps before commas) or a hyphenated word part
    attaches without a space; otherwise the line break was a space.
    """
    if right[:1] in ",.;:)" or (right.startswith("-") and right[1:2].isalpha()) or _HYPHENATED.search(left):
        return left + right
    return f"{left} {right}"


def starts_block(line: Line, lexicon: Lexicon) -> bool:
    text = line.text
    return bool(POINT.match(text) or SUBPOINT.match(text) or lexicon.starter.match(text)
                or lexicon.standalone.match(text) or lexicon.chapter.match(text))


def join_wrapped(lines: list[Line], lexicon: Lexicon, new_block: Callable[[Line, Line, bool], bool]) -> list[Block]:
    """Group wrapped physical lines into blocks.

    ``new_block(previous, line, after_gap)`` decides, for a form, whether ``line`` starts a block; a line
    always does after a line that stands alone, and never joins a block that ended a sentence.
    """
    blocks: list[Block] = []
    current: list[Line] = []
    text = ""
    gap = False

    def flush() -> None:
        if current:
            last = current[-1]
            blocks.append(Block(text, tuple(ln.number for ln in current), current[0].start,
                                last.start + len(last.raw), current[0].indent))

    for line in lines:
        if line.blank:
            gap = bool(current)
            continue
        if (not current or ends_sentence(text) or lexicon.standalone.match(current[-1].text)
                or starts_block(line, lexicon) or new_block(current[-1], line, gap)):
            flush()
            current, text = [line], line.text
        else:
            current.append(line)
            text = join_text(text, line.text)
        gap = False
    flush()
    return blocks


def continues_after_gap(previous: Line, line: Line, lexicon: Lexicon) -> bool:
    """Across a page break or blank line, a sentence goes on if the next line starts in lower case or the
    previous one stopped on a word that cannot end a sentence ("with the")."""
    first = line.text[:1]
    last_word = previous.text.rsplit(" ", 1)[-1].lower()
    return first.islower() or first in ",.;:)" or last_word in lexicon.stopwords
