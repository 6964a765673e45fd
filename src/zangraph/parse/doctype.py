"""What kind of document an act is, from its title (or its annexes' titles) and its structure.

The kind decides which of its parts characterise positions (graph/positions.py): the sections of a
qualification-characteristics act, the position points of a qualification-requirements act, the cards of a
professional standard, the rows of a register of positions. A title names the kind; where no title does,
the structure does (sections whose points are duties, knowledge and requirements; cards; position points).
"""

from __future__ import annotations

from zangraph.model.document import DocumentKind, Node, NodeKind, Role
from zangraph.parse.lexicon import Lexicon, fold


def document_kind(title: str, parts: tuple[Node, ...], lexicon: Lexicon) -> DocumentKind:
    titles = [title] + [n.heading for p in parts for n in p.walk() if n.kind is NodeKind.ANNEX and n.heading]
    for text in titles:
        for kind, pattern in lexicon.document_kinds:
            if pattern.search(fold(text)):
                return kind
    nodes = [n for p in parts for n in p.walk()]
    roles = {n.role for n in nodes}
    if {Role.DUTIES, Role.KNOWLEDGE} <= roles:
        return DocumentKind.QUALIFICATION_CHARACTERISTICS
    if Role.CODE in roles:
        return DocumentKind.PROFESSIONAL_STANDARD
    if Role.POSITION in roles:
        return DocumentKind.QUALIFICATION_REQUIREMENTS
    return DocumentKind.OTHER
