"""Temporal assembly: the versions of every part of an act, from the notes of all its texts.

Rules (docs/point-in-time.md explains them with examples):

- A boundary is the day an event takes effect. A fixed date is exact; a day counted from publication or
  registration is exact once that day is known (the registration date from the act's header, a publication
  date from curated facts), else estimated at its earliest possible day, counted from the anchor (the
  registration date, else the signing date): anchor + N + 1 for "N calendar days after publication",
  the anchor itself for "from publication". A rule the corpus cannot date (conditional on another event, or
  not stated) is estimated at the anchor.
- A part is created by the act's entry into force, or by the exception date of the act's entry-into-force
  item for the part or an ancestor, or by the event that inserted it ("supplemented by paragraph 4-1"). A
  part inside a part restated as a whole is known only from the restatement on, unless an older text has it;
  a part that the texts recording a restatement no longer have ends there. An exclusion or a declaration
  of invalidity ends a part.
- Each later event on the part or an ancestor (new wording, change, announced change) starts a new version;
  a new wording of a heading versions that part only. A version ends where the next starts, or where the
  part or the act stops applying.
- A text gives the text of the latest version whose event it records in a footnote (an older snapshot of
  the same language therefore gives the older version), and of the versions before it as long as the events
  between changed only other languages. Two snapshots of one language that give one version: the first (the
  older) is its text, the other a witness, and where their words differ that is a finding.

>>> earliest_in_force(date(2001, 8, 15), 10)
datetime.date(2001, 8, 26)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from .ids import ActNames, FrbrUri, number_token
from .ids import ancestors as _ancestors
from .model import (
    ActRef,
    ChangeKind,
    Document,
    Finding,
    FindingKind,
    Node,
    NodeKind,
    Note,
    NoteKind,
    Place,
    Rule,
    RuleKind,
    TargetKind,
)
from .rules import in_force_from

EXACT, ESTIMATED = "exact", "estimated"
UNSTATED = Rule(RuleKind.CONDITIONAL, "the note states no entry-into-force rule; the earliest possible day is the "
                                      "acting act's date")
# What an event is called in its key: a new wording of a heading is a heading revision, an announced change is
# a prospective one.
_KEY_NAMES = {ChangeKind.ANNOUNCED: "prospective"}


def earliest_in_force(anchor: date, days: int | None) -> date:
    """The earliest day an act can be in force under a rule counted from publication, publication being no
    earlier than ``anchor``."""
    return in_force_from(anchor, days)


@dataclass(frozen=True)
class Boundary:
    date: date  # the exact date, or the earliest possible one
    certainty: str  # EXACT or ESTIMATED
    rule: Rule
    anchor: FrbrUri  # the act whose publication (or fixed date) the rule is about
    anchor_date: date | None = None  # the date counted from where the date is estimated
    published: date | None = None  # the publication date that made it exact


def boundary(rule: Rule | None, act: FrbrUri, anchor_date: date, published: date | None,
             registered: date | None = None) -> Boundary:
    """When an act following ``rule`` takes effect.

    >>> from .model import Rule, RuleKind
    >>> act = FrbrUri.act("order", 2001, "16")
    >>> b = boundary(Rule(RuleKind.AFTER_PUBLICATION, "ten days", days=10), act, date(2001, 8, 15), None)
    >>> b.date, b.certainty
    (datetime.date(2001, 8, 26), 'estimated')
    >>> boundary(Rule(RuleKind.AFTER_PUBLICATION, "ten days", days=10), act, date(2001, 8, 15), date(2001, 8, 20)).date
    datetime.date(2001, 8, 31)
    >>> b = boundary(Rule(RuleKind.ON_REGISTRATION, "from registration"), act, date(2001, 8, 15), None,
    ...              date(2001, 9, 2))
    >>> b.date, b.certainty
    (datetime.date(2001, 9, 2), 'exact')
    >>> b = boundary(Rule(RuleKind.NOT_EARLIER_THAN, "from 1.9.2001, not before publication", date=date(2001, 9, 1)),
    ...              act, date(2001, 9, 20), None)
    >>> b.date, b.certainty
    (datetime.date(2001, 9, 20), 'estimated')
    """
    rule = rule or UNSTATED
    if rule.kind is RuleKind.FIXED_DATE and rule.date:
        return Boundary(rule.date, EXACT, rule, act)
    if rule.kind is RuleKind.ON_REGISTRATION:
        if registered is not None:
            return Boundary(registered, EXACT, rule, act)
        return Boundary(anchor_date, ESTIMATED, rule, act, anchor_date=anchor_date)
    if rule.kind in (RuleKind.AFTER_PUBLICATION, RuleKind.ON_PUBLICATION, RuleKind.NOT_EARLIER_THAN):
        days = rule.days if rule.kind is not RuleKind.ON_PUBLICATION else None
        floor = rule.date if rule.kind is RuleKind.NOT_EARLIER_THAN and rule.date else date.min
        if published is not None:
            return Boundary(max(in_force_from(published, days), floor), EXACT, rule, act, published=published)
        return Boundary(max(earliest_in_force(anchor_date, days), floor), ESTIMATED, rule, act,
                        anchor_date=anchor_date)
    return Boundary(anchor_date, ESTIMATED, rule, act, anchor_date=anchor_date)


@dataclass(frozen=True)
class Event:
    key: str  # e.g. "order-2003-9~order-2001-17~att_1__chp_2__para_40~new_wording"
    acting: FrbrUri
    acting_ref: ActRef
    target_act: FrbrUri
    target_eid: str | None  # None: the whole act
    target_kind: TargetKind
    change: ChangeKind
    effective: Boundary
    evidence: tuple[tuple[str, Note], ...]  # (file, note) for each text that records it
    languages: tuple[str, ...] = ()  # the change touches only the texts in these languages

    @property
    def name(self) -> str:
        """The kind of event in words that identifiers use."""
        if self.change is ChangeKind.NEW_WORDING and self.target_kind is TargetKind.HEADING:
            return "heading_revised"
        return _KEY_NAMES.get(self.change, self.change.value)

    @property
    def recorded_by(self) -> frozenset[str]:
        """Files whose text carries this event's wording (a footnote or inline statement, not an announcement)."""
        return frozenset(file for file, note in self.evidence
                         if note.kind in (NoteKind.FOOTNOTE, NoteKind.INLINE))

    def reaches(self, eid: str) -> bool:
        if self.target_eid is None or self.change is ChangeKind.ABOLISHED:
            return False
        if eid == self.target_eid:
            return True
        return self.target_kind is not TargetKind.HEADING and eid.startswith(self.target_eid + "__")

    @property
    def ends_part(self) -> bool:
        return self.change in (ChangeKind.EXCLUDED, ChangeKind.INVALIDATED)


@dataclass(frozen=True)
class Witness:
    language: str
    file: str
    node: Node


@dataclass(frozen=True)
class Version:
    eid: str
    key: str  # "original", or the key of the act whose event made it ("order-2003-9")
    event: Event | None
    start: Boundary
    end: Boundary | None
    witnesses: dict[str, tuple[Witness, ...]] = field(default_factory=dict)  # language -> texts, first chosen

    @property
    def texts(self) -> dict[str, Node]:
        """Language -> the part as the text that gives this version says it."""
        return {lang: ws[0].node for lang, ws in self.witnesses.items()}

    @property
    def sources(self) -> dict[str, str]:
        return {lang: ws[0].file for lang, ws in self.witnesses.items()}

    @property
    def certainty(self) -> str:
        if self.start.certainty == ESTIMATED or (self.end and self.end.certainty == ESTIMATED):
            return ESTIMATED
        return EXACT


@dataclass(frozen=True)
class Timeline:
    act: FrbrUri
    entry_into_force: Boundary
    abolition: Event | None
    events: tuple[Event, ...]
    versions: dict[str, tuple[Version, ...]]  # eId -> versions in order
    languages: tuple[str, ...]
    exceptions: dict[str, Boundary]  # eId -> its own entry into force (the act's exceptions)
    findings: tuple[Finding, ...] = ()


def act_names(docs: list[Document]) -> ActNames:
    """The names of every act the texts identify or name in their notes."""
    names = ActNames()
    for doc in docs:
        if doc.header.date is not None:
            names.add(doc.header.act_type, doc.header.date, doc.header.number)
        for note in doc.notes:
            for effect in note.effects:
                names.add(effect.act.type, effect.act.date, effect.act.number)
    return names


def act_uri(doc: Document, names: ActNames) -> FrbrUri:
    """The act a text is a text of: the manifest names it; the header dates it."""
    declared = FrbrUri.parse(doc.source.act)
    h = doc.header
    if h.date is not None and (h.act_type, number_token(h.number)) == (declared.type, declared.number):
        return names.uri(h.act_type, h.date, h.number)
    return declared


def _anchor(doc: Document) -> date:
    h = doc.header
    if h.registration_date or h.date:
        return h.registration_date or h.date
    return date(FrbrUri.parse(doc.source.act).year, 1, 1)  # nothing dates the act but its year


def _events(docs: list[Document], act: FrbrUri, names: ActNames, published: dict[str, date],
            registered: dict[str, date]) -> list[Event]:
    merged: dict[tuple, list[tuple[str, Note]]] = {}
    refs: dict[tuple, ActRef] = {}
    for doc in docs:
        for note in doc.notes:
            for effect in note.effects:
                a = effect.act
                key = (a.type, a.date, number_token(a.number), note.target.eid, note.target.kind is TargetKind.HEADING,
                       effect.change)
                merged.setdefault(key, []).append((doc.source.file, note))
                refs.setdefault(key, a)
    events = []
    for key, evidence in merged.items():
        ref = refs[key]
        acting = names.uri(ref.type, ref.date, ref.number)
        note = evidence[0][1]
        effect = next(e for e in note.effects if (e.act.type, e.act.date, number_token(e.act.number)) == key[:3])
        effective = boundary(effect.rule, acting, registered.get(acting.key, ref.date), published.get(acting.key),
                             registered.get(acting.key))
        event = Event("", acting, ref, act, note.target.eid, note.target.kind, effect.change, effective,
                      tuple(evidence), effect.languages)
        events.append(_keyed(event))
    return sorted(events, key=lambda e: (e.effective.date, e.acting_ref.date, e.key))


def _keyed(event: Event) -> Event:
    from dataclasses import replace

    return replace(event, key=f"{event.acting.key}~{event.target_eid or 'act'}~{event.name}")


def _order(doc: Document) -> tuple:
    return (doc.source.version_date or date.min,)


def assemble(docs: list[Document], published: dict[str, date] | None = None, names: ActNames | None = None,
             registered: dict[str, date] | None = None) -> Timeline:
    """The timeline of one act from its texts (all of the same act, in any languages and snapshots).

    ``registered`` gives the registration dates of acts the corpus has texts of (key -> date), so that an
    event of such an act counted from its registration is exact.
    """
    published = published or {}
    names = names or act_names(docs)
    registered = registered or {}
    docs = sorted(docs, key=_order)
    act = act_uri(docs[0], names)
    if any(act_uri(d, names) != act for d in docs):
        raise ValueError("texts of different acts: " + ", ".join(d.source.file for d in docs))
    head = docs[-1]
    anchor = _anchor(head)
    eif_item = next((d.entry_into_force for d in docs if d.entry_into_force), None)
    if eif_item is not None:
        rule: Rule | None = eif_item.rule
    else:  # no item states it: a note restating it, else nothing
        rule = next((n.entry_into_force for d in docs for n in d.notes if n.entry_into_force), None)
    eif = boundary(rule, act, anchor, published.get(act.key), head.header.registration_date)
    exceptions: dict[str, Boundary] = {}
    for exc in eif_item.exceptions if eif_item else ():
        for target in exc.targets:
            if target.eid:
                exceptions[target.eid] = boundary(exc.rule, act, anchor, published.get(act.key))
    events = _events(docs, act, names, published, registered)
    abolition = next((e for e in events if e.change is ChangeKind.ABOLISHED), None)
    witnesses: dict[str, list[Witness]] = {}
    present: dict[str, set[str]] = {}  # file -> eIds it has
    for doc in docs:
        ids = present.setdefault(doc.source.file, set())
        for node in doc.walk():
            if node.kind not in (NodeKind.CONCLUSIONS, NodeKind.APPROVAL):
                witnesses.setdefault(node.eid, []).append(Witness(doc.source.language, doc.source.file, node))
                ids.add(node.eid)
    findings: list[Finding] = []
    versions = {}
    for eid, found in witnesses.items():
        versions[eid] = _versions(eid, found, eif, exceptions, events, abolition, present, findings, act)
    return Timeline(act, eif, abolition, tuple(events), versions, tuple(dict.fromkeys(d.source.language for d in docs)),
                    exceptions, tuple(findings))


def _creation(eid: str, eif: Boundary, exceptions: dict[str, Boundary], events: list[Event],
              restated: list[Event]) -> tuple[str, Event | None, Boundary]:
    lineage = [*_ancestors(eid), eid]
    for step in lineage:
        inserted = next((e for e in events if e.change is ChangeKind.SUPPLEMENTED and e.target_eid == step), None)
        if inserted:
            return inserted.acting.key, inserted, inserted.effective
    named = next((exceptions[s] for s in lineage if s in exceptions), None)
    if named:
        return "original", None, named
    if restated:
        first = min(restated, key=lambda e: e.effective.date)
        return first.acting.key, first, first.effective
    return "original", None, eif


def _steps(eid: str, eif: Boundary, exceptions: dict[str, Boundary], events: list[Event],
           restated: list[Event]) -> tuple[list[tuple[str, Event | None, Boundary]], Event | None]:
    """The versions of a part as (key, event, start), and the event that ends the part, if one does."""
    key, made_by, start = _creation(eid, eif, exceptions, events, restated)
    steps: list[tuple[str, Event | None, Boundary]] = [(key, made_by, start)]
    for event in events:
        if event.reaches(eid) and event.effective.date > steps[-1][2].date and event is not made_by:
            if event.ends_part:
                return steps, event
            steps.append((event.acting.key, event, event.effective))
    return steps, None


def _witnessed(steps: list[tuple[str, Event | None, Boundary]], witness: Witness) -> list[int]:
    """The versions a text gives: the latest whose event it records, and those before it as long as the
    events between touched only other languages."""
    recorded = [i for i, (_, e, _) in enumerate(steps) if e is not None and witness.file in e.recorded_by]
    last = recorded[-1] if recorded else 0
    out = [last]
    while out[-1] > 0:
        event = steps[out[-1]][1]
        if event is None or not event.languages or witness.language in event.languages:
            break
        out.append(out[-1] - 1)
    return sorted(out)


def _words(node: Node) -> str:
    return re.sub(r"\s+", " ", " ".join(x for x in (node.label, node.heading, node.text) if x)).strip()


def _versions(eid: str, found: list[Witness], eif: Boundary, exceptions: dict[str, Boundary], events: list[Event],
              abolition: Event | None, present: dict[str, set[str]], findings: list[Finding],
              act: FrbrUri) -> tuple[Version, ...]:
    files = {w.file for w in found}
    restated = [e for e in events if e.change is ChangeKind.NEW_WORDING and e.target_eid
                and e.target_kind is not TargetKind.HEADING and e.target_eid in _ancestors(eid)]
    # A text older than the restatement that has the part: the part was there before it.
    older = [e for e in restated if any(f in files and f not in e.recorded_by for f in present)]
    steps, ended_by = _steps(eid, eif, exceptions, events, [e for e in restated if e not in older])
    # A restatement recorded by texts none of which has the part: the part ends there.
    for i, (_, event, _) in enumerate(steps):
        if i and event in restated and event.recorded_by and not (event.recorded_by & files):
            steps, ended_by = steps[:i], event
            break
    given: dict[int, dict[str, list[Witness]]] = {}
    for witness in found:
        for i in _witnessed(steps, witness):
            given.setdefault(i, {}).setdefault(witness.language, []).append(witness)
    end_of_part = ended_by.effective if ended_by else (abolition.effective if abolition else None)
    out = []
    for i, (key, event, begin) in enumerate(steps):
        end = steps[i + 1][2] if i + 1 < len(steps) else end_of_part
        texts = given.get(i, {})
        for language, ws in texts.items():
            first = ws[0]
            for other in ws[1:]:
                if other.file != first.file and _words(other.node) != _words(first.node):
                    findings.append(Finding(FindingKind.SNAPSHOT_DISCREPANCY, str(act),
                                            f"{eid}: two {language} texts give version {key} in different words",
                                            (Place(first.file, eid, first.node.span),
                                             Place(other.file, eid, other.node.span)),
                                            (_words(first.node), _words(other.node))))
        out.append(Version(eid, key, event, begin, end, {lang: tuple(ws) for lang, ws in texts.items()}))
    return tuple(out)
