"""The cards of profession of a professional standard as sections with fields.

A card is a two-column table flattened into lines: a label ("Code of profession") and its value, then the
labour functions, each with its tasks, and each task with its skills and knowledge ("Competence"). Fields
get eIds ``hcontainer_<role>`` (``hcontainer_function_2__hcontainer_task_1__hcontainer_knowledge``). A card
is printed as paragraphs (the label "Card of profession", its title, then label and value lines) or as a
table whose cells hold the same lines; both are read the same way.
"""

from __future__ import annotations

from zangraph.model.document import NodeKind, Role
from zangraph.parse.lexicon import Lexicon
from zangraph.parse.readers import Block
from zangraph.parse.segmenter.cursor import Cursor
from zangraph.parse.segmenter.ledger import Ledger
from zangraph.parse.segmenter.outline import RANK, Open, Outline

# Fields that hold one value: the value becomes the field's text; further lines are indents.
_SINGLE = {Role.CODE, Role.NAME, Role.SQF_LEVEL, Role.EDUCATION, Role.PERSONAL_COMPETENCIES, Role.CONDITIONS,
           Role.LABOUR_FUNCTION, Role.TASK}
_NESTED = {Role.TASK, Role.SKILLS, Role.KNOWLEDGE}
_SHORT = {Role.LABOUR_FUNCTION: "function"}


class CardBuilder:
    """The fields of one card, line by line: a label opens a field, a line that is no label is its value."""

    def __init__(self, card: Open, ledger: Ledger, outline: Outline, lexicon: Lexicon):
        self.card = card
        self.ledger = ledger
        self.outline = outline
        self.lex = lexicon
        self.field: Open | None = None
        self.function: Open | None = None
        self.task: Open | None = None

    def label(self, text: str) -> tuple[Role, str] | None:
        for role, pattern in self.lex.card_fields:
            if m := pattern.match(text):
                inline = m.group(1).strip() if role is Role.TASK and m.lastindex and m.group(1) else ""
                return role, inline
        return None

    def add(self, block: Block) -> None:
        found = self.label(block.text)
        # Before the first labour function, a "Skills and abilities:" label is a table header cell of the
        # list of mandatory functions, not a field of its own.
        if found and found[0] in _NESTED and self.function is None and found[0] is not Role.TASK:
            found = None
        if found is None:
            self.value(block)
            return
        role, inline = found
        if role is Role.LABOUR_FUNCTION:
            parent = self.card
            self.task = None
        elif role is Role.TASK:
            parent = self.function or self.card
        elif role in _NESTED:
            parent = self.task or self.function or self.card
        else:
            parent = self.card
            self.function = self.task = None
        name = _SHORT.get(role, role.value)
        n = parent.next(name)
        part = f"hcontainer_{name}_{n}" if role in (Role.LABOUR_FUNCTION, Role.TASK) or n > 1 else f"hcontainer_{name}"
        node = parent.child(NodeKind.FIELD, part, block, heading=block.text, role=role, text=inline)
        if role in (Role.LABOUR_FUNCTION, Role.TASK):
            node.num = str(n)
        if role is Role.LABOUR_FUNCTION:
            self.function = node
        elif role is Role.TASK:
            self.task = node
        self.field = node
        self.ledger.place(block, node.eid)

    def value(self, block: Block) -> None:
        field = self.field
        if field is None:
            self.ledger.unplaced(block, "a value before any field of the card of profession")
            return
        if field.role in _SINGLE and not field.text:
            field.text = block.text
            field.blocks.append(block)
            self.ledger.place(block, field.eid)
            return
        self.outline.indent(field, block)


class Cards:
    """The card being read, if any: what follows its label and title is its fields until a heading, another
    card or the next annex."""

    def __init__(self, cursor: Cursor, ledger: Ledger, outline: Outline, lexicon: Lexicon):
        self.cursor = cursor
        self.ledger = ledger
        self.outline = outline
        self.lex = lexicon
        self.current: CardBuilder | None = None

    def close(self) -> None:
        self.current = None

    def section(self, label: Block) -> Open:
        """The section a card is: numbered through its annex (or division), its label as printed."""
        annex = self.outline.close_to(RANK[NodeKind.DIVISION])
        section = annex.child(NodeKind.SECTION, f"sec_{annex.next('sec')}", label, label=label.text)
        section.num = str(annex.counters["sec"])
        return section

    def open(self, block: Block) -> None:
        """A card printed as paragraphs: its label at the cursor, then its title; its fields follow."""
        section = self.section(block)
        self.ledger.place(block, section.eid)
        self.cursor.advance()
        title = self.cursor.peek()
        if title is not None:
            section.heading = title.text
            section.blocks.append(title)
            self.ledger.place(title, section.eid)
        self.current = CardBuilder(section, self.ledger, self.outline, self.lex)

    def table(self, block: Block) -> None:
        """A card printed as a table: a section whose fields are read from its cells line by line, in the order
        a reader reads them (a cell spanning rows is read once, where it starts)."""
        lines = [Block(line.text, (line.number,), line.start, line.end)
                 for row in block.rows for cell in row.cells for line in cell.lines]
        section = self.section(lines[0])
        self.ledger.place(block, section.eid)  # the table's markup lines; each cell line is placed where it is read
        if len(lines) > 1:
            section.heading = lines[1].text
            section.blocks.append(lines[1])
        builder = CardBuilder(section, self.ledger, self.outline, self.lex)
        for line in lines[2:]:
            builder.add(line)
        self.current = None
