"""Findings within one text: what looks wrong, reported with its place and evidence, never fixed.

Numbering anomalies are found by the segmenter while it numbers parts (it is the one that sees the
sequence), and list items split over two paragraphs where the lists are read (continuation.py); this module
adds the findings that need the finished structure.
"""

from __future__ import annotations

import re

from zangraph.model.document import Document, Finding, FindingKind, Node, NodeKind, Place, Role

# A qualification sentence: an education level and a length of experience.
_QUALIFICATION = {
    "en": re.compile(r"\beducation\b.*\b(work )?experience\b.*\b(years?|\d)\b", re.IGNORECASE),
    "ru": re.compile(r"образовани.*\bстаж", re.IGNORECASE),
    "kk": re.compile(r"білім.*\bөтіл", re.IGNORECASE),
}
_CODE = re.compile(r"^\d{4}-\d-\d{3}$")
# A card label that lost its own cell and was run into the end of the previous value ("in the teamCompetence:").
_GLUED_LABEL = re.compile(r"[a-z](Competence|Skills and abilities|Abilities):\s*$")
# "Career advisor: higher ...": a ladder introduced by the name of a position. Skill-level headers
# ("Specialist of the highest qualification level:") and category names are not position names.
_QUOTED = {
    "en": re.compile(r"^(?!Specialist of|Order of|Qualification requirements)((?:[IV]+ category )?[A-Z][\w -]+?):\s"),
    "ru": re.compile(r"^(?!Специалист \w+ уровня|Приказ|Требования)((?:[IV]+ категории )?[А-ЯЁ][\w -]+?):\s"),
    "kk": re.compile(r"^(?!Біліктілігі|Бұйрық|Біліктілікке)([А-ЯӘҒҚҢӨҰҮҺІ][\w -]+?):\s"),
}
_STOP = {"category", "with", "the", "and", "for", "категории", "санатты"}


def _finding(doc: Document, kind: FindingKind, node: Node, message: str) -> Finding:
    return Finding(kind, doc.source.act, message, (Place(doc.source.file, node.eid, node.span),), (node.text,))


def misplaced_in_duties(doc: Document) -> list[Finding]:
    pattern = _QUALIFICATION[doc.source.language]
    return [_finding(doc, FindingKind.MISPLACED_TEXT, indent,
                     f"a qualification requirement among the duties of point {point.num}")
            for point in doc.walk() if point.kind is NodeKind.POINT and point.role is Role.DUTIES
            for indent in point.children if indent.kind is NodeKind.INDENT and pattern.search(indent.text)]


def card_anomalies(doc: Document) -> list[Finding]:
    found = []
    for node in doc.walk():
        if node.kind is NodeKind.FIELD and node.role is Role.CODE and not _CODE.match(node.text.strip()):
            found.append(_finding(doc, FindingKind.MALFORMED_CODE, node,
                                  f"profession code {node.text.strip()!r} is not of the form NNNN-N-NNN"))
        if node.kind is NodeKind.INDENT and (m := _GLUED_LABEL.search(node.text)):
            found.append(_finding(doc, FindingKind.MISPLACED_TEXT, node,
                                  f"the card label {m.group(1)!r} is run into the end of a value"))
    return found


def _stems(text: str) -> set[str]:
    """The stems (first five letters) of a name's longer words, so that inflected forms compare equal.

    >>> sorted(_stems("Консультант по социальной работе")), sorted(_stems("консультанта социальных работ"))
    (['консу', 'работ', 'социа'], ['консу', 'работ', 'социа'])
    """
    return {w[:5] for w in re.findall(r"\w+", text.lower()) if len(w) > 3 and w not in _STOP}


def quoted_ladders(doc: Document) -> list[Finding]:
    """Cards whose qualification level quotes the ladder of a position that is not the card's: the ladder
    opens with a position's name that shares no word with the card's names and title."""
    quoted = _QUOTED[doc.source.language]
    found = []
    for card in doc.walk():
        if card.kind is not NodeKind.SECTION:
            continue
        fields = {f.role: f for f in card.children if f.kind is NodeKind.FIELD}
        ladder = fields.get(Role.QD_LEVEL)
        if ladder is None or not ladder.children:
            continue
        first = ladder.children[0]
        m = quoted.match(first.text)
        if not m:
            continue
        names = " ".join(f.text + " " + " ".join(c.text for c in f.children)
                         for r, f in fields.items() if r in (Role.NAME, Role.OTHER_NAMES))
        names += " " + (card.heading or "")
        stems = _stems(m.group(1))
        if stems and not stems & _stems(names):
            found.append(Finding(
                FindingKind.QUOTED_LADDER, doc.source.act,
                f"card {card.num} ({(card.heading or '').strip(chr(34))}) gives the qualification ladder of "
                f"'{m.group(1)}'", (Place(doc.source.file, first.eid, first.span),), (first.text,)))
    return found


def unresolved_exceptions(doc: Document) -> list[Finding]:
    """Parts the entry-into-force item names for its own date that the text does not have ("параграфа 1 главы
    4" in an annex with three chapters): the exception is kept as worded and reported."""
    eif = doc.entry_into_force
    if eif is None:
        return []
    item = doc.find(eif.item) if eif.item else None
    return [Finding(FindingKind.UNRESOLVED_TARGET, doc.source.act,
                    f"the entry-into-force item names {target.words!r}, which is not in the text",
                    (Place(doc.source.file, eif.item, eif.span),), (item.text if item else target.words,))
            for exception in eif.exceptions for target in exception.targets if target.eid is None]


def document_findings(doc: Document) -> list[Finding]:
    return misplaced_in_duties(doc) + card_anomalies(doc) + quoted_ladders(doc) + unresolved_exceptions(doc)
