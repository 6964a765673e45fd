"""Positions: which parts of which acts characterise a position, from the kind of each document.

- a qualification-characteristics act: each section (its heading is the position's title);
- a qualification-requirements act: each point that is a position's requirements ("Qualification
  requirements to a social work consultant:");
- a professional standard: each card of profession (its quoted name);
- a register of positions: each row of its tables that names a position.

A position is one concept across acts. Parts that name the same title are one position; what no text says
(that a card and a section are the same position, under different words) is curated in positions.toml,
with the reason. A position's preferred label in each language comes from the curated file, else from
its qualification characteristics, card, requirements point or register row, in that order; the other
titles are alternative labels.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from zangraph.errors import SourceError
from zangraph.model.document import Document, DocumentKind, Node, NodeKind, Role
from zangraph.model.ids import FrbrUri, plain, slug, title_key
from zangraph.parse.lexicon import fold, lexicon

PRIORITY = {DocumentKind.QUALIFICATION_CHARACTERISTICS: 0, DocumentKind.PROFESSIONAL_STANDARD: 1,
            DocumentKind.QUALIFICATION_REQUIREMENTS: 2, DocumentKind.POSITION_REGISTER: 3}
REASONS = {DocumentKind.QUALIFICATION_CHARACTERISTICS: "the section itself",
           DocumentKind.PROFESSIONAL_STANDARD: "the card of profession itself",
           DocumentKind.QUALIFICATION_REQUIREMENTS: "the point of requirements itself",
           DocumentKind.POSITION_REGISTER: "a row of the register of positions"}
_CODE = re.compile(r"^\s*\d{4}")


@dataclass
class Part:
    """A part that characterises a position, with the titles its texts give it."""

    act: FrbrUri
    eid: str
    kind: DocumentKind
    order: int  # document order, so that the first title given wins among equals
    titles: dict[str, str] = field(default_factory=dict)
    card: Node | None = None


@dataclass
class Position:
    key: str
    parts: list[tuple[Part | None, FrbrUri, str, str]] = field(default_factory=list)  # part, act, eid, reason
    titles: dict[str, str] = field(default_factory=dict)  # curated
    isco: str | None = None

    def labels(self) -> tuple[dict[str, str], dict[str, list[str]]]:
        """Preferred and alternative labels by language."""
        preferred = dict(self.titles)
        alternative: dict[str, list[str]] = {}
        ranked = sorted((p for p, *_ in self.parts if p is not None), key=lambda p: (PRIORITY[p.kind], p.order))
        for part in ranked:
            for lang, title in part.titles.items():
                if lang not in preferred:
                    preferred[lang] = title
                elif title != preferred[lang] and title not in alternative.setdefault(lang, []):
                    alternative[lang].append(title)
        return preferred, {k: v for k, v in alternative.items() if v}


def is_card(node: Node) -> bool:
    return node.kind is NodeKind.SECTION and any(c.kind is NodeKind.FIELD for c in node.children)


def _title(doc: Document, node: Node) -> str | None:
    """The position a part names, in its text's words, if it is a part that names one."""
    kind = doc.kind
    if kind is DocumentKind.PROFESSIONAL_STANDARD and is_card(node) and node.heading:
        return node.heading.strip(' "«»“”')
    if kind is DocumentKind.QUALIFICATION_CHARACTERISTICS and node.kind is NodeKind.SECTION and node.heading \
            and not is_card(node):
        return node.heading.rstrip(":. ")
    if kind is DocumentKind.QUALIFICATION_REQUIREMENTS and node.role is Role.POSITION:
        pattern = lexicon(doc.source.language).position_point
        m = pattern.match(fold(node.text)) if pattern else None
        if m:
            group = next(g for g in range(1, (m.lastindex or 1) + 1) if m.group(g))
            return node.text[m.start(group):m.end(group)].strip()
    if kind is DocumentKind.POSITION_REGISTER and node.kind is NodeKind.ROW and node.label != "header":
        # A row of a register gives a position's grade or number, then its name; a row spanning the whole
        # table heads a group of rows, and a row with no number is the table's heading.
        cells = [c for c in node.cells if c.strip()]
        names = [c for c in cells if re.search(r"[^\W\d_]{3}", c) and not re.fullmatch(r"[\w.-]{1,4}", c)]
        if len(set(cells)) > 1 and names and any(re.search(r"\d", c) for c in cells if c != names[-1]):
            return names[-1]
    return None


def characterising(docs: Iterable[tuple[FrbrUri, Document, Callable[[str], str]]]) -> list[Part]:
    """Every part of the texts that characterises a position, merged across the texts of one act by its work
    eId (``work``: a node's work eId in its text, see temporal.work_eid)."""
    parts: dict[tuple[FrbrUri, str], Part] = {}
    for order, (act, doc, work) in enumerate(docs):
        if doc.kind not in PRIORITY:
            continue
        for node in doc.walk():
            title = _title(doc, node)
            if not title:
                continue
            eid = work(node.eid)
            part = parts.setdefault((act, eid), Part(act, eid, doc.kind, order))
            part.titles.setdefault(doc.source.language, title)
            if is_card(node) and part.card is None:
                part.card = node
    return list(parts.values())


def key_of(part: Part) -> str:
    """A position's key from the titles of the part: its English words, else its Russian or Kazakh ones."""
    if "en" in part.titles:
        return slug(part.titles["en"])
    for lang in ("ru", "kk"):
        if lang in part.titles:
            return title_key(part.titles[lang])
    return title_key(next(iter(part.titles.values())))


def isco_of(card: Node | None) -> str | None:
    """The ISCO-08 unit group of a card of profession: the first four digits of its code."""
    if card is None:
        return None
    code = next((f.text for f in card.children if f.role is Role.CODE), "")
    m = _CODE.match(code)
    return m.group(0).strip() if m else None


def _same_title(title: str) -> str:
    return " ".join(fold(title).casefold().replace("ё", "е").split()).strip(" .:;«»\"“”")


def positions(parts: list[Part], curated: list[dict], find: Callable[[str], FrbrUri | None],
              source: str = "positions.toml") -> list[Position]:
    """The positions: curated ones with the parts they list; then each other part joins the one position whose
    parts give the same title in some language (a section of an annex and the same section after the annex
    was restated), else makes a position of its own.

    ``find`` turns a curated act key ("order-2001-17") into the act's name, or None if the corpus lacks it.
    """
    by_key: dict[str, Position] = {}
    index = {(p.act, p.eid): p for p in parts}
    numbered = {(p.act, plain(p.eid)) for p in parts}
    claimed: set[tuple[FrbrUri, str]] = set()
    titled: dict[tuple[str, str], set[str]] = {}

    def join(position: Position, part: Part | None, act: FrbrUri, eid: str, reason: str) -> None:
        position.parts.append((part, act, eid, reason))
        for lang, title in (part.titles.items() if part else ()):
            titled.setdefault((lang, _same_title(title)), set()).add(position.key)

    for n, entry in enumerate(curated, start=1):
        position = by_key.setdefault(entry["id"], Position(entry["id"]))
        position.titles.update(entry.get("title", {}))
        position.isco = entry.get("isco", position.isco)
        for ref in entry["part"]:
            act = find(ref["act"])
            if act is None:
                continue
            part = index.get((act, ref["eid"]))
            if part is None and (act, plain(ref["eid"])) in numbered:
                continue  # the corpus has the act's part in another wording only (no text of this wording)
            if part is None:
                raise SourceError(source, f"position {n} ({entry['id']}) names {ref['act']} {ref['eid']}, which no "
                                          f"text of the act has as a part characterising a position",
                                  expected="the work eId of a section, card, point of requirements or register row")
            claimed.add((act, ref["eid"]))
            join(position, part, act, ref["eid"], ref["reason"])
    for part in parts:
        if (part.act, part.eid) in claimed:
            continue
        # The positions whose parts give this part's title, language by language; a title shared by two
        # positions in one language (a card's Kazakh name) is decided by the other languages.
        found = [titled[(lang, _same_title(title))] for lang, title in part.titles.items()
                 if (lang, _same_title(title)) in titled]
        same = set.intersection(*found) if found else set()
        own = key_of(part)
        key = next(iter(same)) if len(same) == 1 else own
        reason = REASONS[part.kind] if key == own else \
            f"{REASONS[part.kind]}, whose title is that of the position's other parts"
        join(by_key.setdefault(key, Position(key)), part, part.act, part.eid, reason)
    for position in by_key.values():
        if position.isco is None:
            position.isco = next((isco_of(p.card) for p, *_ in position.parts if p and isco_of(p.card)), None)
    return [by_key[k] for k in sorted(by_key) if by_key[k].parts]
