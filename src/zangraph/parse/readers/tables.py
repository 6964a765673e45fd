"""Tables in the Markdown of the official texts: HTML tables (with rowspan and colspan), Markdown pipe tables
and ASCII grid tables, as rows of cells with the lines and characters each row spans.

>>> text = '<table>\\n<tr>\\n<td rowspan="2">A2</td>\\n<td>1</td>\\n</tr>\\n<tr>\\n<td>1-1</td>\\n</tr>\\n</table>'
>>> rows = html_rows(text, 1, 0)
>>> [[c.text for c in r.cells] for r in rows], [r.lines for r in rows]
([['A2', '1'], ['1-1']], [(2, 3, 4, 5), (6, 7, 8)])
>>> grid(rows)
[('A2', '1'), ('A2', '1-1')]
>>> [[c.text for c in r.cells] for r in pipe_rows("| a | b |\\n|---|---|\\n| 1 | 2 |", 10, 0)]
[['a', 'b'], ['1', '2']]
"""

from __future__ import annotations

import re

import lxml.html

from zangraph.parse.readers.base import Cell, CellLine, Row, clean

_ROW = re.compile(r"<tr\b.*?</tr\s*>", re.IGNORECASE | re.DOTALL)
_CELL_TAGS = {"td", "th"}
_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_GRID_BORDER = re.compile(r"^\s*\+[-=+:]+\+\s*$")


def _line_of(text: str, offset: int, first_line: int) -> int:
    return first_line + text.count("\n", 0, offset)


def _span_int(value: str | None) -> int:
    return int(value) if value and value.strip().isdigit() else 1


def html_rows(text: str, first_line: int, offset: int) -> list[Row]:
    """The rows of an HTML table: ``text`` is the table as printed, starting on ``first_line`` at character
    ``offset`` of the file."""
    starts = [0, *(i + 1 for i, c in enumerate(text) if c == "\n")]
    rows = []
    for m in _ROW.finditer(text):
        first, last = _line_of(text, m.start(), first_line), _line_of(text, m.end() - 1, first_line)
        element = lxml.html.fragment_fromstring(f"<table>{m.group(0)}</table>")
        cells = tuple(Cell(clean(cell.text_content()), _span_int(cell.get("colspan")), _span_int(cell.get("rowspan")),
                           cell.tag == "th", _cell_lines(cell, first, text, starts, first_line, offset))
                      for cell in element.iter() if cell.tag in _CELL_TAGS)
        rows.append(Row(cells, tuple(range(first, last + 1)), offset + m.start(), offset + m.end()))
    return rows


def _cell_lines(cell, row_line: int, text: str, starts: list[int], first_line: int, offset: int
                ) -> tuple[CellLine, ...]:
    """The non-blank lines of a cell's content with the source line and characters of each: the content
    starts on the line of the cell's tag and goes on line by line."""
    out = []
    for k, piece in enumerate(cell.text_content().split("\n")):
        words = clean(piece)
        number = row_line + (cell.sourceline or 1) - 1 + k
        index = number - first_line
        if not words or index >= len(starts):
            continue
        line_start = starts[index]
        line_end = starts[index + 1] - 1 if index + 1 < len(starts) else len(text)
        at = text.find(piece.strip()[:20], line_start, line_end)
        start = at if at >= 0 else line_start
        out.append(CellLine(number, offset + start, offset + line_end, words))
    return tuple(out)


def pipe_rows(text: str, first_line: int, offset: int) -> list[Row]:
    """The rows of a Markdown pipe table or an ASCII grid table (``| a | b |`` lines; ruling lines are not
    rows)."""
    rows = []
    position = 0
    for number, line in enumerate(text.split("\n"), start=first_line):
        start = position
        position += len(line) + 1
        if not line.strip() or _RULE.match(line) or _GRID_BORDER.match(line):
            continue
        body = line.strip().strip("|")
        cells = tuple(Cell(clean(c)) for c in body.split("|"))
        rows.append(Row(cells, (number,), offset + start, offset + start + len(line)))
    return rows


def is_rule(line: str) -> bool:
    """A line that rules a pipe table under its header row, or borders a grid table."""
    return bool(_RULE.match(line) or _GRID_BORDER.match(line))


def grid(rows: list[Row] | tuple[Row, ...]) -> list[tuple[str, ...]]:
    """Each row's cells with spanned cells repeated where they span: the table as a reader sees it."""
    pending: dict[int, tuple[str, int]] = {}  # column -> (text, rows still to fill)
    out = []
    for row in rows:
        values: list[str] = []
        cells = list(row.cells)
        column = 0
        while cells or any(c >= column for c in pending):
            if column in pending:
                text, left = pending[column]
                values.append(text)
                if left <= 1:
                    del pending[column]
                else:
                    pending[column] = (text, left - 1)
                column += 1
                continue
            if not cells:
                break
            cell = cells.pop(0)
            for k in range(cell.colspan):
                values.append(cell.text)
                if cell.rowspan > 1:
                    pending[column + k] = (cell.text, cell.rowspan - 1)
            column += cell.colspan
        out.append(tuple(values))
    return out
