"""Temporal assembly: the versions of every part of an act, from the notes of all its language texts.

Rules (docs/point-in-time.md explains them with examples):

- A boundary is the day an event takes effect. A fixed date is exact. "N calendar days after the day of first
  official publication" is exact once a publication date is known (curated facts), else estimated at its
  earliest possible day: the anchor (registration date, or the signing date) + N + 1.
- A part is created by the act's entry into force, or by the exception date of item 5-style exceptions for
  the part or an ancestor, or by the event that inserted it ("supplemented by paragraph 4-1"). A part inside
  an annex restated as a whole is known only from that restatement on: the earlier annex had no text here
  and nothing says it had this part (parts named by an entry-into-force exception excepted).
- Each later event on the part or an ancestor (new wording, change, prospective change) starts a new
  version; a heading revision versions the section itself only. A version ends where the next starts, or
  where the act is abolished.
- A language text gives the text of the latest version whose event it records in a footnote; an older
  snapshot therefore gives the text of the older version. Other versions have no known text in it.

>>> earliest_in_force(date(2024, 8, 15), 10)
datetime.date(2024, 8, 26)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .model import ChangeKind, Document, Node, NodeKind, Note, NoteKind, Rule, RuleKind
from .rules import in_force_from

EXACT, ESTIMATED = "exact", "estimated"


def earliest_in_force(anchor: date, days: int) -> date:
    """The earliest day an act can be in force under an N-day rule, publication being no earlier than
    ``anchor``."""
    return in_force_from(anchor, days)


@dataclass(frozen=True)
class ActKey:
    """An act as the corpus names it."""

    type: str
    year: int
    number: str

    @property
    def key(self) -> str:
        return f"{self.type}-{self.year}-{self.number}"


@dataclass(frozen=True)
class Boundary:
    date: date  # the exact date, or the earliest possible one
    certainty: str  # EXACT or ESTIMATED
    rule: Rule
    anchor: ActKey  # the act whose publication (or fixed date) the rule is about
    anchor_date: date | None = None  # the date counted from where the date is estimated
    published: date | None = None  # the publication date that made it exact


def boundary(rule: Rule, act: ActKey, anchor_date: date, published: date | None) -> Boundary:
    """When an act following ``rule`` takes effect.

    >>> from .model import Rule, RuleKind
    >>> b = boundary(Rule(RuleKind.AFTER_PUBLICATION, "ten days", days=10), ActKey("order", 2024, "316"),
    ...              date(2024, 8, 15), None)
    >>> b.date, b.certainty
    (datetime.date(2024, 8, 26), 'estimated')
    >>> boundary(Rule(RuleKind.AFTER_PUBLICATION, "ten days", days=10), ActKey("order", 2024, "316"),
    ...          date(2024, 8, 15), date(2024, 8, 20)).date
    datetime.date(2024, 8, 31)
    """
    if rule.kind is RuleKind.FIXED_DATE and rule.date:
        return Boundary(rule.date, EXACT, rule, act)
    if rule.days is None:
        raise ValueError(f"rule {rule.text!r} gives neither a date nor a number of days")
    if published is not None:
        return Boundary(in_force_from(published, rule.days), EXACT, rule, act, published=published)
    return Boundary(earliest_in_force(anchor_date, rule.days), ESTIMATED, rule, act, anchor_date=anchor_date)


@dataclass(frozen=True)
class Event:
    key: str  # e.g. "order-2024-316~att_1__chp_2__sec_6__para_54~new_wording"
    acting: ActKey
    acting_date: date
    acting_issuer: str | None
    target_act: ActKey
    target_eid: str | None  # None: the whole act
    change: ChangeKind
    effective: Boundary
    evidence: tuple[tuple[str, Note], ...]  # (language, note) for each text that records it

    @property
    def recorded_in(self) -> frozenset[str]:
        """Languages whose text carries this event's new wording (a footnote, not an announcement)."""
        return frozenset(lang for lang, note in self.evidence if note.kind is NoteKind.FOOTNOTE)

    def reaches(self, eid: str) -> bool:
        if self.target_eid is None or self.change in (ChangeKind.ABOLISHED, ChangeKind.REFERENCE):
            return False
        if eid == self.target_eid:
            return True
        return self.change is not ChangeKind.HEADING_REVISED and eid.startswith(self.target_eid + "__")


@dataclass(frozen=True)
class Version:
    eid: str
    key: str  # "original", or the key of the act whose event made it ("order-2024-316")
    event: Event | None
    start: Boundary
    end: Boundary | None
    texts: dict[str, Node]  # language -> the part as that text gives it

    @property
    def certainty(self) -> str:
        if self.start.certainty == ESTIMATED or (self.end and self.end.certainty == ESTIMATED):
            return ESTIMATED
        return EXACT


@dataclass(frozen=True)
class Timeline:
    act: ActKey
    entry_into_force: Boundary
    abolition: Event | None
    events: tuple[Event, ...]
    versions: dict[str, tuple[Version, ...]]  # eId -> versions in order
    languages: tuple[str, ...]
    exceptions: dict[str, Boundary]  # eId -> its own entry into force (the act's exceptions)


def act_key_of(doc: Document) -> ActKey:
    return ActKey(doc.header.act_type, doc.header.date.year, doc.header.number)


def _events(docs: list[Document], act: ActKey, published: dict[str, date]) -> list[Event]:
    merged: dict[tuple, list[tuple[str, Note]]] = {}
    for doc in docs:
        for note in doc.notes:
            if note.change is ChangeKind.REFERENCE or note.acting_act is None or note.rule is None:
                continue
            a = note.acting_act
            merged.setdefault((a.type, a.date, a.number, note.target.eid, note.change), []).append(
                (doc.source.language, note))
    events = []
    for (atype, adate, number, eid, change), evidence in merged.items():
        acting = ActKey(atype, adate.year, number)
        note = evidence[0][1]
        effective = boundary(note.rule, acting, adate, published.get(acting.key))  # type: ignore[arg-type]
        key = f"{acting.key}~{eid or 'act'}~{change.value}"
        events.append(Event(key, acting, adate, note.acting_act.issuer, act, eid, change, effective,  # type: ignore[union-attr]
                            tuple(evidence)))
    return sorted(events, key=lambda e: (e.effective.date, e.acting_date, e.key))


def _ancestors(eid: str) -> list[str]:
    pieces = eid.split("__")
    return ["__".join(pieces[:i]) for i in range(1, len(pieces))]


def assemble(docs: list[Document], published: dict[str, date] | None = None) -> Timeline:
    """The timeline of one act from its language texts (all of the same act)."""
    published = published or {}
    act = act_key_of(docs[0])
    if any(act_key_of(d) != act for d in docs):
        raise ValueError("texts of different acts: " + ", ".join(d.source.file for d in docs))
    head = docs[0]
    eif_rule = next(d.entry_into_force for d in docs if d.entry_into_force)
    anchor = head.header.registration_date or head.header.date
    eif = boundary(eif_rule.rule, act, anchor, published.get(act.key))
    exceptions: dict[str, Boundary] = {}
    for exc in eif_rule.exceptions:
        for target in exc.targets:
            if target.eid:
                exceptions[target.eid] = boundary(exc.rule, act, anchor, published.get(act.key))
    events = _events(docs, act, published)
    abolition = next((e for e in events if e.change is ChangeKind.ABOLISHED), None)
    restated_annexes = {e.target_eid: e for e in events if e.change is ChangeKind.NEW_WORDING and e.target_eid
                        and e.target_eid.rsplit("__", 1)[-1].startswith("att_")}
    nodes: dict[str, dict[str, Node]] = {}
    for doc in docs:
        for node in doc.walk():
            if node.kind not in (NodeKind.CONCLUSIONS, NodeKind.APPROVAL):
                nodes.setdefault(node.eid, {})[doc.source.language] = node
    versions = {eid: _versions(eid, texts, eif, exceptions, events, restated_annexes, abolition)
                for eid, texts in nodes.items()}
    return Timeline(act, eif, abolition, tuple(events), versions, tuple(d.source.language for d in docs),
                    exceptions)


def _creation(eid: str, eif: Boundary, exceptions: dict[str, Boundary], events: list[Event],
              restated: dict[str, Event]) -> tuple[str, Event | None, Boundary]:
    lineage = [*_ancestors(eid), eid]
    for step in lineage:
        inserted = next((e for e in events if e.change is ChangeKind.SUPPLEMENTED and e.target_eid == step), None)
        if inserted:
            return inserted.acting.key, inserted, inserted.effective
    named = next((exceptions[s] for s in lineage if s in exceptions), None)
    if named:
        return "original", None, named
    inside = [restated[s] for s in _ancestors(eid) if s in restated]
    if inside:
        first = min(inside, key=lambda e: e.effective.date)
        return first.acting.key, first, first.effective
    return "original", None, eif


def _versions(eid: str, texts: dict[str, Node], eif: Boundary, exceptions: dict[str, Boundary],
              events: list[Event], restated: dict[str, Event], abolition: Event | None) -> tuple[Version, ...]:
    key, made_by, start = _creation(eid, eif, exceptions, events, restated)
    steps: list[tuple[str, Event | None, Boundary]] = [(key, made_by, start)]
    for event in events:
        if event.reaches(eid) and event.effective.date > steps[-1][2].date and event is not made_by:
            steps.append((event.acting.key, event, event.effective))
    # Which version each language's text gives: the latest whose event the text records.
    holders: dict[str, str] = {}
    for lang in texts:
        recorded = [k for k, e, _ in steps if e is not None and lang in e.recorded_in]
        holders[lang] = recorded[-1] if recorded else steps[0][0]
    end_of_act = abolition.effective if abolition else None
    out = []
    for i, (k, event, begin) in enumerate(steps):
        end = steps[i + 1][2] if i + 1 < len(steps) else end_of_act
        out.append(Version(eid, k, event, begin, end, {lang: texts[lang] for lang, h in holders.items() if h == k}))
    return tuple(out)
