"""Designations of parts as texts word them ("абзац второй подпункта 3) пункта 5 приложения 2", "2-қосымшаның
5-тармағы", "paragraph 6 of chapter 2"), and their resolution to eIds against a document's structure.

>>> from zangraph.parse.lexicon import lexicon
>>> [(d.unit, d.num) for d in designations("Абзац семнадцать пункта 12-1", lexicon("ru"))]
[('indent', '17'), ('point', '12-1')]
>>> [(d.unit, d.num) for d in designations("3-тараудың 1-параграфы", lexicon("kk"))]
[('section', '1'), ('chapter', '3')]
>>> [(d.unit, d.num) for d in designations("пунктом 5 настоящего приказа", lexicon("ru"))]
[('item', '5')]
>>> [(d.unit, d.words) for d in designations("Типовые характеристики", lexicon("ru"))]
[('named', 'Типовые характеристики')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zangraph.model.document import Node, NodeKind, TargetKind
from zangraph.model.ids import steps, within
from zangraph.parse.lexicon import Lexicon, fold
from zangraph.parse.numbers import words_value

_NUMBER_AFTER = re.compile(r"\s*(?:№\s*)?(\d+(?:-\d+)*)(\))?")
_NUMBER_BEFORE = re.compile(r"(\d+(?:-\d+)*)\s*(?:-\s*|\)\s*)$")
_WORDS_AFTER = re.compile(r"\s+([^\W\d_]+(?:\s+[^\W\d_]+){0,2})")
_WORD_BEFORE = re.compile(r"([^\W\d_]+(?:\s+[^\W\d_]+)?)\s+$")

UNIT_KINDS = {"annex": NodeKind.ANNEX, "division": NodeKind.DIVISION, "chapter": NodeKind.CHAPTER,
              "section": NodeKind.SECTION, "article": NodeKind.ARTICLE, "point": NodeKind.POINT,
              "item": NodeKind.POINT, "subpoint": NodeKind.SUBPOINT, "indent": NodeKind.INDENT,
              "table": NodeKind.TABLE, "row": NodeKind.ROW}
TARGET_KINDS = {NodeKind.ANNEX: TargetKind.ANNEX, NodeKind.DIVISION: TargetKind.DIVISION,
                NodeKind.CHAPTER: TargetKind.CHAPTER, NodeKind.SECTION: TargetKind.SECTION,
                NodeKind.ARTICLE: TargetKind.ARTICLE, NodeKind.POINT: TargetKind.POINT,
                NodeKind.SUBPOINT: TargetKind.SUBPOINT, NodeKind.INDENT: TargetKind.INDENT,
                NodeKind.TABLE: TargetKind.TABLE, NodeKind.ROW: TargetKind.ROW, NodeKind.PREFACE: TargetKind.PREFACE,
                NodeKind.PREAMBLE: TargetKind.PREAMBLE}


@dataclass(frozen=True)
class Designation:
    unit: str  # annex, chapter, ..., item (of the act itself), paragraph (English: section or point), named
    num: str | None = None
    words: str = ""  # for a part named by its title ("Перечень", "Standard qualification characteristics")
    instrumental: bool = False  # Kazakh "…-параграфпен": the part something is supplemented with


def designations(phrase: str, lexicon: Lexicon) -> list[Designation]:
    """The parts a phrase names, innermost first."""
    words = lexicon.notes
    folded = fold(phrase)
    found: list[tuple[int, Designation]] = []
    taken: list[tuple[int, int]] = []
    for unit, pattern in words.units:
        for m in pattern.finditer(folded):
            if any(a <= m.start() < b or a < m.end() <= b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            num = _number(folded, m, unit, lexicon)
            instrumental = bool(words.supplement_marker and words.supplement_marker.search(m.group(0)))
            found.append((m.start(), Designation(unit, num, instrumental=instrumental)))
    found.sort(key=lambda pair: pair[0])
    chain = [d for _, d in found]
    if words.number_first:
        chain.reverse()
    this_act = words.this_act.search(folded)
    if this_act and chain and chain[-1].unit == "point":
        chain[-1] = Designation("item", chain[-1].num)
    if not chain:
        name = phrase.strip(" -–,.:")
        return [Designation("named", words=name)] if name else []
    return chain


def _number(folded: str, m: re.Match[str], unit: str, lexicon: Lexicon) -> str | None:
    if lexicon.notes.number_first:
        before = folded[max(0, m.start() - 16):m.start()]
        if n := _NUMBER_BEFORE.search(before):
            return n.group(1)
        if unit == "indent" and (w := _WORD_BEFORE.search(before)):
            value = words_value(w.group(1).split()[-1], lexicon.language)
            return str(value) if value else None
        return None
    after = folded[m.end():]
    if n := _NUMBER_AFTER.match(after):
        return n.group(1)
    if unit == "indent" and (w := _WORDS_AFTER.match(after)):
        tokens = w.group(1).split()
        for k in range(len(tokens), 0, -1):
            value = words_value(" ".join(tokens[:k]), lexicon.language)
            if value is not None:
                return str(value)
    return None


# -- resolution ------------------------------------------------------------------------------------------------

def _contains(eid: str, other: str | None) -> bool:
    return other is not None and within(other, eid)


def _common(a: str, b: str | None) -> int:
    """How many outer steps two eIds share."""
    if b is None:
        return 0
    n = 0
    for x, y in zip(steps(a), steps(b), strict=False):
        if x != y:
            break
        n += 1
    return n


def _choose(candidates: list[Node], after: str | None) -> Node | None:
    """The candidate containing the place of the note, else the one nearest to it in the tree."""
    if not candidates:
        return None
    containing = [n for n in candidates if _contains(n.eid, after)]
    if containing:
        return max(containing, key=lambda n: len(n.eid))
    return max(candidates, key=lambda n: _common(n.eid, after))  # max keeps the first of equals


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", fold(text).lower()).strip(" «»\"'")


def _matches(node: Node, d: Designation, top_level: bool) -> bool:
    if d.unit == "paragraph":
        kinds = {NodeKind.SECTION, NodeKind.POINT}
    elif d.unit == "named":
        return node.kind is NodeKind.ANNEX and bool(node.heading) and _norm(node.heading).startswith(_norm(d.words))
    else:
        kinds = {UNIT_KINDS[d.unit]} if d.unit in UNIT_KINDS else set()
    if node.kind not in kinds:
        return False
    if d.unit == "item" and not top_level:
        return False
    return d.num is None or node.num == d.num or steps(node.eid)[-1][1] == d.num


class Structure:
    """The parts of a document, indexed once for resolving its designations."""

    def __init__(self, parts: tuple[Node, ...]):
        self.parts = parts
        self.nodes = [n for p in parts for n in p.walk()]
        self.top = {p.eid for p in parts}
        self.by_eid = {n.eid: n for n in self.nodes}


def resolve(chain: list[Designation], after: str | None, parts: tuple[Node, ...] | Structure,
            within: str | None = None) -> tuple[str | None, TargetKind]:
    """The eId a designation names (None if the text has no such part) and what kind of target it is;
    ``within`` restricts it to the parts of one part (the chapter a paragraph is added to)."""
    structure = parts if isinstance(parts, Structure) else Structure(parts)
    units = [d.unit for d in chain]
    if not chain:
        return None, TargetKind.ACT
    if units == ["heading"] or units == ["title"]:
        return None, TargetKind.TITLE
    if units[-1] == "preamble" or units == ["preamble"]:
        return "preamble", TargetKind.PREAMBLE
    heading = "heading" in units
    preface = "preface" in units
    path = [d for d in chain if d.unit not in ("heading", "preface", "title")]
    top = structure.top
    scope: list[Node] = [n for n in structure.nodes if within is None or n.eid.startswith(within + "__")]
    node: Node | None = None
    for d in reversed(path):  # outermost first
        if d.unit == "indent" and node is not None and node.kind is NodeKind.POINT and d.num:
            found = next((c for c in node.children if c.kind is NodeKind.INDENT and c.num == d.num), None)
            return (found.eid if found else f"{node.eid}__indent_{d.num}"), TargetKind.INDENT
        candidates = [n for n in scope if _matches(n, d, n.eid in top)]
        if d.unit == "paragraph":  # English: the point the note follows, else the section it is in
            candidates = ([n for n in candidates if n.kind is NodeKind.POINT and _contains(n.eid, after)]
                          or [n for n in candidates if n.kind is NodeKind.SECTION and _contains(n.eid, after)]
                          or [n for n in candidates if n.kind is NodeKind.POINT] or candidates)
        if d.unit == "named" and not candidates:
            candidates = [n for n in scope if n.kind is NodeKind.ANNEX and after in (n.eid, f"{n.eid}__preface")]
        node = _choose(candidates, after)
        if node is None:
            break
        scope = list(node.walk())[1:]
    if not path and preface:  # "the upper right corner": the caption of the annex the note is in
        node = _choose([n for n in structure.nodes if n.kind is NodeKind.ANNEX], after)
    kind = _target_kind(chain, node)
    if node is None:
        return None, kind
    if preface:
        caption = next((c for c in node.children if c.kind is NodeKind.PREFACE), None)
        return (caption.eid if caption else None), TargetKind.PREFACE
    if heading:
        return node.eid, TargetKind.HEADING
    if node.kind is NodeKind.POINT and node.eid in top:
        return node.eid, TargetKind.ITEM
    return node.eid, TARGET_KINDS.get(node.kind, TargetKind.POINT)


def _target_kind(chain: list[Designation], node: Node | None) -> TargetKind:
    if node is not None:
        return TARGET_KINDS.get(node.kind, TargetKind.POINT)
    innermost = next((d.unit for d in chain if d.unit not in ("heading",)), "point")
    if innermost in ("paragraph", "item"):
        return TargetKind.ITEM if innermost == "item" else TargetKind.POINT
    if innermost == "named":
        return TargetKind.ANNEX
    if innermost == "preface":
        return TargetKind.PREFACE
    return TARGET_KINDS.get(UNIT_KINDS.get(innermost, NodeKind.POINT), TargetKind.POINT)
