"""The cards of profession of a professional standard as fields of a section.

A card is a two-column table flattened into lines: a label ("Code of profession") and its value, then the
labour functions, each with its tasks, and each task with its skills and knowledge ("Competence").
Fields get eIds ``hcontainer_<role>`` (``hcontainer_function_2__hcontainer_task_1__hcontainer_knowledge``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from zangraph.model.document import NodeKind, Role

if TYPE_CHECKING:
    from zangraph.parse.readers import Block
    from zangraph.parse.segmenter import Open, Segmenter

# Fields that hold one value: the value becomes the field's text; further lines are indents.
_SINGLE = {Role.CODE, Role.NAME, Role.SQF_LEVEL, Role.EDUCATION, Role.PERSONAL_COMPETENCIES, Role.CONDITIONS,
           Role.LABOUR_FUNCTION, Role.TASK}
_NESTED = {Role.TASK, Role.SKILLS, Role.KNOWLEDGE}
_SHORT = {Role.LABOUR_FUNCTION: "function"}


class CardBuilder:
    def __init__(self, seg: Segmenter, card: Open):
        self.seg = seg
        self.card = card
        self.field: Open | None = None
        self.function: Open | None = None
        self.task: Open | None = None

    def label(self, text: str) -> tuple[Role, str] | None:
        for role, pattern in self.seg.lex.card_fields:
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
        self.seg.place(block, node.eid)

    def value(self, block: Block) -> None:
        field = self.field
        if field is None:
            self.seg.unplaced(block, "a value before any field of the card of profession")
            return
        if field.role in _SINGLE and not field.text:
            field.text = block.text
            field.blocks.append(block)
            self.seg.place(block, field.eid)
            return
        self.seg.indent(field, block)
