"""Alignment of two language versions of one act, part by part (same eId).

The versions may be snapshots of different dates: a part can be absent from one because a later amendment
added it, and a heading can differ because a later amendment revised it. Differences are reported as
findings with what the notes of either text say about the part, so a reader can tell translation from
amendment.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from zangraph.model.document import (
    ChangeKind,
    Document,
    EntryIntoForce,
    Finding,
    FindingKind,
    Node,
    NodeKind,
    Note,
    NoteKind,
    Place,
    TargetKind,
)
from zangraph.model.ids import ancestors, number_token, plain, work_eid
from zangraph.parse.actrefs import NUMBER
from zangraph.parse.concepts import ACTIONS, CATEGORIES, INSTITUTIONS, mentions
from zangraph.parse.lexicon import lexicon

STRUCTURAL = {NodeKind.PREAMBLE, NodeKind.ANNEX, NodeKind.CHAPTER, NodeKind.SECTION, NodeKind.POINT,
              NodeKind.SUBPOINT}


@dataclass(frozen=True)
class Alignment:
    act: str
    left: str  # file names
    right: str
    matched: tuple[str, ...]  # eIds present in both
    only_left: tuple[str, ...]
    only_right: tuple[str, ...]
    findings: tuple[Finding, ...]


def _parts(doc: Document, wordings: dict[str, str]) -> dict[str, Node]:
    """The structural parts of a text by work eId: a part inside a part restated as a whole is compared only
    with the same part in the same wording."""
    return {work_eid(n.eid, wordings): n for n in doc.walk() if n.kind in STRUCTURAL}


def _wordings(left: Document, right: Document) -> tuple[dict[str, str], dict[str, str]]:
    """For each text, the parts with parts of their own that were restated, with the latest act (as
    ``type-date-number``) whose wording the text gives, by the rules of the timeline: a new wording only a
    translation reads, where the official text reads another change, is no restatement; a text recording any
    change of the part by a restating act gives that act's wording."""
    containers = {n.eid for d in (left, right) for n in d.walk() if n.children}

    def changes(doc: Document) -> dict[tuple[str, tuple], set[ChangeKind]]:
        out: dict[tuple[str, tuple], set[ChangeKind]] = {}
        for note in doc.notes:
            if note.kind in (NoteKind.FOOTNOTE, NoteKind.INLINE) and note.target.eid in containers \
                    and note.target.kind is not TargetKind.HEADING:
                for e in note.effects:
                    key = (e.act.date, e.act.type, number_token(e.act.number))
                    out.setdefault((note.target.eid, key), set()).add(e.change)  # type: ignore[arg-type]
        return out

    ca, cb = changes(left), changes(right)
    official = {id(d): lexicon(d.source.language).official for d in (left, right)}

    def restating(part: tuple[str, tuple]) -> bool:
        readings = [(official[id(d)], c.get(part, set())) for d, c in ((left, ca), (right, cb))]
        if not any(ChangeKind.NEW_WORDING in kinds for _, kinds in readings):
            return False
        return any(ChangeKind.NEW_WORDING in kinds for is_official, kinds in readings if is_official) or \
            not any(kinds for is_official, kinds in readings if is_official)

    restated = {part for part in set(ca) | set(cb) if restating(part)}

    def latest(c: dict[tuple[str, tuple], set[ChangeKind]]) -> dict[str, str]:
        found: dict[str, tuple] = {}
        for eid, key in c:
            if (eid, key) in restated:
                found[eid] = max(found.get(eid, key), key)
        return {eid: f"{t}-{d.isoformat()}-{n}" for eid, (d, t, n) in found.items()}

    return latest(ca), latest(cb)


def _amended(doc: Document, eid: str, inside: bool = True) -> list[str]:
    """Acting acts of the notes of ``doc`` that touch ``eid`` (or, with ``inside``, a part within it)."""
    return [f"{effect.act.type} {effect.act.number} of {effect.act.date.isoformat()}"
            for note in doc.notes if note.target.eid
            and (eid == note.target.eid or (inside and note.target.eid.startswith(eid + "__")))
            for effect in note.effects]


def _explain(left: Document, right: Document, eid: str, inside: bool = True) -> str:
    notes = sorted(set(_amended(left, eid, inside) + _amended(right, eid, inside)))
    return f"; the notes name {', '.join(notes)}" if notes else "; no note explains it"


def align(left: Document, right: Document) -> Alignment:
    if left.source.act != right.source.act:
        raise ValueError(f"{left.source.file} and {right.source.file} are texts of different acts")
    wa, wb = _wordings(left, right)
    a, b = _parts(left, wa), _parts(right, wb)

    def comparable(work: str) -> bool:
        """A part both texts give in one wording: a part of an annex as worded before a restatement is not
        missing from a text of the annex as restated."""
        eid = plain(work)
        return all(wa.get(c) == wb.get(c) for c in ancestors(eid))

    both = [e for e in a if e in b]
    left_only = [e for e in a if e not in b and comparable(e)]
    right_only = [e for e in b if e not in a and comparable(e)]
    # Reported by the eIds of the texts (in one wording, the same eId is the same part in both).
    matched = tuple(a[e].eid for e in both)
    only_left = tuple(a[e].eid for e in left_only)
    only_right = tuple(b[e].eid for e in right_only)
    findings: list[Finding] = []
    act = left.source.act
    la, lb = left.source.language, right.source.language

    def place(doc: Document, node: Node) -> Place:
        return Place(doc.source.file, node.eid, node.span)

    for eid, doc, other in [(e, left, right) for e in left_only] + [(e, right, left) for e in right_only]:
        node = (a if doc is left else b)[eid]
        findings.append(Finding(FindingKind.MISSING_PART, act,
                                f"{node.kind.value} {node.eid} is in the {doc.source.language} text and not in the "
                                f"{other.source.language} text{_explain(left, right, node.eid)}",
                                (place(doc, node),), (node.heading or node.text,)))
    for eid in both:
        x, y = a[eid], b[eid]
        if x.kind is NodeKind.SECTION and x.heading and y.heading:
            cx, cy = mentions(x.heading, la, INSTITUTIONS), mentions(y.heading, lb, INSTITUTIONS)
            if cx != cy:
                findings.append(Finding(FindingKind.HEADING_DIFFERS, act,
                                        f"the heading of {x.eid} names {cx or 'no institution'} in {la} and "
                                        f"{cy or 'no institution'} in {lb}"
                                        f"{_explain(left, right, x.eid, inside=False)}",
                                        (place(left, x), place(right, y)), (x.heading, y.heading)))
        if x.kind is NodeKind.POINT and "__" not in x.eid:
            # An item of the order itself: what it does to other acts must be the same in every language.
            ax, ay = mentions(x.text, la, ACTIONS), mentions(y.text, lb, ACTIONS)
            if ax and ay and set(ax) != set(ay):
                findings.append(Finding(FindingKind.TRANSLATION_DISCREPANCY, act,
                                        f"item {x.num} of the order: {sorted(set(ax))} in {la}, {sorted(set(ay))} "
                                        f"in {lb}", (place(left, x), place(right, y)), (x.text, y.text)))
        if x.kind is NodeKind.POINT and not (_amended(left, x.eid) or _amended(right, x.eid)):
            findings.extend(_categories(left, right, x, y))
        if x.kind in (NodeKind.POINT, NodeKind.SUBPOINT, NodeKind.ROW):
            # An act cited by another number in each language (a translation may leave a number out).
            nx, ny = _cited(x.text), _cited(y.text)
            if set(nx) - set(ny) and set(ny) - set(nx):
                findings.append(Finding(FindingKind.TRANSLATION_DISCREPANCY, act,
                                        f"{x.eid}: No {', '.join(sorted(set(nx) - set(ny)))} cited in {la}, No "
                                        f"{', '.join(sorted(set(ny) - set(nx)))} in {lb}",
                                        (place(left, x), place(right, y)), (x.text, y.text)))
    findings.extend(_notes(left, right))
    findings.extend(_exceptions(left, right))
    return Alignment(act, left.source.file, right.source.file, matched, only_left, only_right, tuple(findings))


def _cited(text: str) -> list[str]:
    """The numbers of the acts a text cites ("№ 146"), by their digits: "№ 31-ө-м" in Russian is "No 31-ө-m" in
    English."""
    return ["-".join(re.findall(r"\d+", m.group("num"))) for m in NUMBER.finditer(text)]


def _notes(left: Document, right: Document) -> list[Finding]:
    """Notes of the two texts on one part by one act that say it did different things."""
    def changes(doc: Document) -> dict[tuple, tuple[ChangeKind, Note]]:
        return {(n.target.eid, e.act.number, e.act.date): (e.change, n) for n in doc.notes for e in n.effects
                if n.target.eid}

    a, b = changes(left), changes(right)
    found = []
    for key in sorted(set(a) & set(b), key=str):
        (ca, na), (cb, nb) = a[key], b[key]
        if ca is not cb:
            eid, num, when = key
            found.append(Finding(FindingKind.TRANSLATION_DISCREPANCY, left.source.act,
                                 f"the notes on {eid} say order No {num} of {when.isoformat()} made a {ca.value} "
                                 f"change in {left.source.language} and a {cb.value} change in {right.source.language}",
                                 (Place(left.source.file, eid, na.span), Place(right.source.file, eid, nb.span)),
                                 (na.text, nb.text)))
    return found


def _exceptions(left: Document, right: Document) -> list[Finding]:
    """The parts the act's entry-into-force item gives their own date, named otherwise in each language
    ("параграфа 6 главы 3, параграфа 1 главы 4" against "2-тарауының 6-параграфын, 3-тарауының 1-параграфын")."""
    ea, eb = left.entry_into_force, right.entry_into_force
    if ea is None or eb is None:
        return []

    def named(eif: EntryIntoForce) -> set[object]:
        # The part each names: resolved, its eId; not found in the text, the units and numbers it gives.
        return {t.eid or tuple(d for d in t.designation if d[0] != "named") for e in eif.exceptions
                for t in e.targets}

    def words(eif: EntryIntoForce) -> str:
        return "; ".join(t.words for e in eif.exceptions for t in e.targets)

    def text(doc: Document, eif: EntryIntoForce) -> str:
        item = doc.find(eif.item) if eif.item else None
        return item.text if item else ""

    if named(ea) == named(eb):
        return []
    return [Finding(FindingKind.TRANSLATION_DISCREPANCY, left.source.act,
                    f"the entry-into-force item {ea.item} gives its own date to {words(ea)!r} in "
                    f"{left.source.language} and to {words(eb)!r} in {right.source.language}",
                    (Place(left.source.file, ea.item, ea.span), Place(right.source.file, eb.item, eb.span)),
                    (text(left, ea), text(right, eb)))]


def _categories(left: Document, right: Document, x: Node, y: Node) -> list[Finding]:
    """Indents of an unamended point whose categories differ between the two languages."""
    found = []
    ys = {c.eid: c for c in y.children}
    for cx in x.children:
        cy = ys.get(cx.eid)
        if cy is None:
            continue
        mx = mentions(cx.text, left.source.language, CATEGORIES)
        my = mentions(cy.text, right.source.language, CATEGORIES)
        if mx and my and mx != my:
            found.append(Finding(FindingKind.TRANSLATION_DISCREPANCY, left.source.act,
                                 f"{cx.eid}: categories {mx} in {left.source.language}, {my} in "
                                 f"{right.source.language}",
                                 (Place(left.source.file, cx.eid, cx.span), Place(right.source.file, cy.eid, cy.span)),
                                 (cx.text, cy.text)))
    return found
