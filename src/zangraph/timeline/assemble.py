"""Temporal assembly: the versions of every part of an act, from the notes of all its texts.

Rules (docs/point-in-time.md explains them with examples):

- A boundary is the day an event takes effect (see ``boundaries``).
- A part is created by the act's entry into force, or by the exception date of the act's entry-into-force
  item for the part or an ancestor, or by the event that inserted it ("supplemented by paragraph 4-1"). A
  part restated as a whole that has parts of its own has new parts: those of its new wording are made by the
  restatement and have work eIds naming it (``ids.qualify``); those of the old wording end there. An
  exclusion or a declaration of invalidity ends a part.
- Each later event on the part or an ancestor (new wording, change, announced change) starts a new version;
  a new wording of a heading versions that part only. A version ends where the next starts, or where the
  part or the act stops applying.
- The events are the notes of every text of the act, in every snapshot and language, merged; the act a
  version's metadata names as its cause is evidence of that act's events.
- A text gives the text of the latest version whose event it records in a footnote, or that was in force on
  the date its source states it is consolidated at (an older snapshot of the same language therefore gives
  the older version), and of the versions before it as long as the events between changed only other
  languages. Two snapshots of one language that give one version: the first (the older) is its text, the
  other a witness, and where their words differ that is a finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from zangraph.model.document import (
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
    TargetKind,
)
from zangraph.model.ids import ActNames, FrbrUri, is_caption, number_token, plain, wordings, work_eid
from zangraph.model.ids import ancestors as _ancestors
from zangraph.parse.lexicon import lexicon
from zangraph.timeline.boundaries import ESTIMATED, EXACT, Boundary, boundary

# What an event is called in its key: a new wording of a heading is a heading revision, an announced change is
# a prospective one.
_KEY_NAMES = {ChangeKind.ANNOUNCED: "prospective"}


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
    target_work: str | None = None  # the work eId of the target, in the wording the recording text gives

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
        """Whether the event changes the part ``eid`` (a document eId): its target, or a part inside it. An
        annex's caption is not part of the annex's wording: only an event on the caption itself reaches it."""
        if self.target_eid is None or self.change is ChangeKind.ABOLISHED:
            return False
        if eid == self.target_eid:
            return True
        return self.target_kind is not TargetKind.HEADING and eid.startswith(self.target_eid + "__") \
            and not is_caption(eid)

    @property
    def restates(self) -> bool:
        """A new wording of a part as a whole (not of its heading)."""
        return self.change is ChangeKind.NEW_WORDING and self.target_kind is not TargetKind.HEADING \
            and self.target_eid is not None

    @property
    def ends_part(self) -> bool:
        return self.change in (ChangeKind.EXCLUDED, ChangeKind.INVALIDATED)


@dataclass(frozen=True)
class Witness:
    language: str
    file: str
    node: Node
    # The date the text is consolidated at, where its source states it: a text dated only by its newest note
    # may be older in its words (a translation that gained a later footnote and nothing else).
    dated: date | None = None


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
    versions: dict[str, tuple[Version, ...]]  # work eId -> versions in order
    languages: tuple[str, ...]
    exceptions: dict[str, Boundary]  # eId -> its own entry into force (the act's exceptions)
    findings: tuple[Finding, ...] = ()
    wordings: dict[str, dict[str, str]] = field(default_factory=dict)  # file -> restated part -> wording's act

    def work(self, file: str, eid: str) -> str:
        """The work eId of a part of a text, given its document eId (see ids.qualify)."""
        return work_eid(eid, self.wordings.get(file, {}))


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


def registrations(docs: list[Document], names: ActNames) -> dict[str, date]:
    """The registration dates the texts give (act key -> date): of the acts they are texts of, from their
    headers, and of the acts their notes name where a note gives it (the metadata's requisites of the act that
    caused a version)."""
    out: dict[str, date] = {}
    for doc in docs:
        h = doc.header
        if h.registration_date and h.date:
            out.setdefault(names.uri(h.act_type, h.date, h.number).key, h.registration_date)
        for note in doc.notes:
            for e in note.effects:
                if e.act.registered:
                    out.setdefault(names.uri(e.act.type, e.act.date, e.act.number).key, e.act.registered)
    return out


def act_uri(doc: Document, names: ActNames) -> FrbrUri:
    """The act a text is a text of: the manifest names it; the header dates it."""
    declared = FrbrUri.parse(doc.source.act)
    h = doc.header
    if h.date is not None and (h.act_type, number_token(h.number)) == (declared.type, declared.number):
        return names.uri(h.act_type, h.date, h.number)
    return declared


def _registered(docs: list[Document]) -> date | None:
    """The act's registration date, from whichever of its texts (or their metadata) gives it."""
    return next((d.header.registration_date for d in docs if d.header.registration_date), None)


def _anchor(docs: list[Document]) -> date:
    """The day publication is counted from at the earliest: registration, else signing."""
    registered = _registered(docs)
    if registered:
        return registered
    signed = next((d.header.date for d in docs if d.header.date), None)
    return signed or date(FrbrUri.parse(docs[0].source.act).year, 1, 1)  # nothing dates the act but its year


def _events(docs: list[Document], act: FrbrUri, names: ActNames, published: dict[str, date],
            registered: dict[str, date]) -> list[Event]:
    merged: dict[tuple, list[tuple[str, Note]]] = {}
    refs: dict[tuple, ActRef] = {}
    caused: list[tuple[str, Note, ActRef]] = []  # the act the metadata says caused a version: evidence
    for doc in docs:
        for note in doc.notes:
            if _corroborates(note):
                caused.append((doc.source.file, note, note.effects[0].act))
                continue
            for effect in note.effects:
                a = effect.act
                key = (a.type, a.date, number_token(a.number), note.target.eid, note.target.kind is TargetKind.HEADING,
                       effect.change)
                merged.setdefault(key, []).append((doc.source.file, note))
                refs.setdefault(key, a)
    registered = {**registrations(docs, names), **registered}
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
    for file, note, ref in caused:
        token = (ref.type, ref.date, number_token(ref.number))
        same = [i for i, e in enumerate(events)
                if (e.acting_ref.type, e.acting_ref.date, number_token(e.acting_ref.number)) == token]
        for i in same:
            if all(n is not note for _, n in events[i].evidence):
                events[i] = replace(events[i], evidence=(*events[i].evidence, (file, note)))
        if not same:  # no text records what the act changed: the act as a whole was changed by it
            acting = names.uri(ref.type, ref.date, ref.number)
            effective = boundary(None, acting, registered.get(acting.key, ref.date), published.get(acting.key),
                                 registered.get(acting.key))
            events.append(_keyed(Event("", acting, ref, act, None, TargetKind.ACT, ChangeKind.CHANGED, effective,
                                       ((file, note),))))
    return sorted(events, key=lambda e: (e.effective.date, e.acting_ref.date, e.key))


def _corroborates(note: Note) -> bool:
    """A note of the metadata naming the act that caused a version, not what it changed."""
    return note.kind is NoteKind.METADATA and len(note.effects) == 1 and note.effects[0].change is ChangeKind.CHANGED


def _keyed(event: Event) -> Event:
    return replace(event, key=f"{event.acting.key}~{event.target_eid or 'act'}~{event.name}")


def _order(doc: Document) -> tuple:
    return (doc.consolidated_at or date.min,)


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
    anchor = _anchor(docs)
    # The rule as the newest text words it (an older snapshot may name parts a later one corrects).
    newest_first = sorted(docs, key=_order, reverse=True)
    eif_item = next((d.entry_into_force for d in newest_first if d.entry_into_force), None)
    if eif_item is not None:
        rule: Rule | None = eif_item.rule
    else:  # no item states it: a note restating it, else nothing
        rule = next((n.entry_into_force for d in newest_first for n in d.notes if n.entry_into_force), None)
    eif = boundary(rule, act, anchor, published.get(act.key), _registered(docs))
    # The parts the item gives their own date, as each text names them (a text may name a part it lacks).
    exceptions: dict[str, Boundary] = {}
    for doc in docs:
        for exc in doc.entry_into_force.exceptions if doc.entry_into_force else ():
            for target in exc.targets:
                if target.eid and target.eid not in exceptions:
                    exceptions[target.eid] = boundary(exc.rule, act, anchor, published.get(act.key))
    events = _events(docs, act, names, published, registered)
    restated = _restated(events, docs)
    texts_wordings = {doc.source.file: _wordings(doc.source.file, restated, events) for doc in docs}
    events = [replace(e, target_work=work_eid(e.target_eid, texts_wordings[e.evidence[0][0]]) if e.target_eid else None)
              for e in events]
    # The same restatements, as the events that now carry their work eIds (a version names the event made it).
    by_key = {e.key: e for e in events}
    restated = {eid: [by_key[e.key] for e in found] for eid, found in restated.items()}
    abolition = next((e for e in events if e.change is ChangeKind.ABOLISHED), None)
    witnesses: dict[str, list[Witness]] = {}
    for doc in docs:
        for node in doc.walk():
            if node.kind not in (NodeKind.CONCLUSIONS, NodeKind.APPROVAL):
                work = work_eid(node.eid, texts_wordings[doc.source.file])
                witnesses.setdefault(work, []).append(Witness(doc.source.language, doc.source.file, node,
                                                                  doc.source.version_date))
    findings: list[Finding] = []
    versions = {}
    for work, found in witnesses.items():
        versions[work] = _versions(work, found, eif, exceptions, events, restated, abolition, findings, act)
    return Timeline(act, eif, abolition, tuple(events), versions, tuple(dict.fromkeys(d.source.language for d in docs)),
                    exceptions, tuple(findings), texts_wordings)


def _restated(events: list[Event], docs: list[Document]) -> dict[str, list[Event]]:
    """The parts restated as a whole that have parts of their own, with their restatements in order."""
    containers = {n.eid for d in docs for n in d.walk() if n.children}
    official = {d.source.file for d in docs if lexicon(d.source.language).official}
    out: dict[str, list[Event]] = {}
    for event in events:
        if event.restates and event.target_eid in containers and not _overruled(event, events, official):
            out.setdefault(event.target_eid, []).append(event)  # type: ignore[arg-type]
    return out


def _overruled(event: Event, events: list[Event], official: set[str]) -> bool:
    """A new wording only translations record, where an official text says the same act made another change
    to the same part ("as amended by" translates both "в редакции" and "с изменениями")."""
    if event.recorded_by & official:
        return False
    return any(o.acting.key == event.acting.key and o.target_eid == event.target_eid and o.change is not event.change
               and o.recorded_by & official for o in events)


def _wordings(file: str, restated: dict[str, list[Event]], events: list[Event]) -> dict[str, str]:
    """For each restated part, the wording a text gives: the latest restatement it records; a text recording
    none gives the wording before them all. A text whose note on the part reads the restating act's change
    otherwise (two official texts disagreeing, a finding of its own) still gives that act's wording."""
    recorded_changes = {(e.acting.key, e.target_eid) for e in events if file in e.recorded_by}
    out = {}
    for eid, restatements in restated.items():
        recorded = [e for e in restatements if (e.acting.key, eid) in recorded_changes]
        if recorded:
            out[eid] = max(recorded, key=lambda e: (e.effective.date, e.acting_ref.date)).acting.key
    return out


def _steps(work: str, eif: Boundary, exceptions: dict[str, Boundary], events: list[Event],
           restated: dict[str, list[Event]], abolition: Event | None
           ) -> tuple[list[tuple[str, Event | None, Boundary]], Event | None]:
    """The versions of a part as (key, event, start), and the event that ends the part, if one does.

    A part is made by the act's entry into force (or an exception's date), by the restatement of a part it is
    inside whose wording it belongs to, or by the event that inserted it; it ends at a later restatement of a
    part it is inside, at its exclusion, or at the act's abolition.
    """
    eid = plain(work)
    made = {c: next(r for r in restated.get(c, ()) if r.acting.key == key)
            for c, key in wordings(work).items() if any(r.acting.key == key for r in restated.get(c, ()))}
    wording = max(made.values(), key=lambda e: e.effective.date) if made else None
    floor = wording.effective.date if wording else date.min
    lineage = [*_ancestors(eid), eid]
    inserted = next((e for step in lineage for e in events if e.change is ChangeKind.SUPPLEMENTED
                     and e.target_eid == step and e.effective.date >= floor), None)
    named = next((exceptions[s] for s in lineage if s in exceptions), None)
    if inserted:
        first: tuple[str, Event | None, Boundary] = (inserted.acting.key, inserted, inserted.effective)
    elif wording:
        first = (wording.acting.key, wording, wording.effective)
    elif named:
        first = ("original", None, named)
    else:
        first = ("original", None, eif)
    start = first[2].date
    enders = [r for c in _ancestors(eid) if not is_caption(eid) for r in restated.get(c, ())
              if r.effective.date > start and (c not in made or r.effective.date > made[c].effective.date)]
    enders += [e for e in events if e.ends_part and e.reaches(eid) and e.effective.date > start]
    ender = min(enders, key=lambda e: e.effective.date) if enders else None
    out = [first]
    for event in events:
        if event is first[1] or event in enders or not event.reaches(eid):
            continue
        if event.restates and event.target_eid != eid and event.target_eid in restated:
            continue  # a restatement of a part it is inside makes or ends this part; it is no version of it
        if event.effective.date <= out[-1][2].date:
            continue
        if ender is not None and event.effective.date >= ender.effective.date:
            break
        out.append((event.acting.key, event, event.effective))
    return out, ender


def _witnessed(steps: list[tuple[str, Event | None, Boundary]], witness: Witness, recorded_acts: set[str]
               ) -> list[int]:
    """The versions a text gives: the latest whose acting act it records a change of the part by (whatever
    kind of change its note reads: a translation may read "as amended by" where the official text reads "с
    изменениями"), or that was in force on the date the text states it is consolidated at (a later text may
    drop the note of an event it shows), and those before it as long as the events between touched only other
    languages."""
    recorded = [i for i, (_, e, _) in enumerate(steps) if e is not None and e.acting.key in recorded_acts]
    if witness.dated is not None:
        recorded += [i for i, (_, e, begin) in enumerate(steps) if e is not None and begin.date <= witness.dated]
    last = max(recorded, default=0)
    out = [last]
    while out[-1] > 0:
        event = steps[out[-1]][1]
        if event is None or not event.languages or witness.language in event.languages:
            break
        out.append(out[-1] - 1)
    return sorted(out)


_QUOTES = str.maketrans({c: '"' for c in "«»“”„‟″"})


def words(node: Node) -> str:
    """What two snapshots must agree on: a part's label, heading and text, whatever the whitespace and the
    shape of the quotation marks (one extraction prints «», another "")."""
    return " ".join(" ".join(x for x in (node.label, node.heading, node.text) if x).translate(_QUOTES).split())


def _versions(work: str, found: list[Witness], eif: Boundary, exceptions: dict[str, Boundary], events: list[Event],
              restated: dict[str, list[Event]], abolition: Event | None, findings: list[Finding],
              act: FrbrUri) -> tuple[Version, ...]:
    steps_, ended_by = _steps(work, eif, exceptions, events, restated, abolition)
    given: dict[int, dict[str, list[Witness]]] = {}
    eid = plain(work)
    for witness in found:
        recorded_acts = {e.acting.key for e in events if witness.file in e.recorded_by and e.reaches(eid)}
        for i in _witnessed(steps_, witness, recorded_acts):
            given.setdefault(i, {}).setdefault(witness.language, []).append(witness)
    end_of_part = ended_by.effective if ended_by else (abolition.effective if abolition else None)
    out = []
    for i, (key, event, begin) in enumerate(steps_):
        end = steps_[i + 1][2] if i + 1 < len(steps_) else end_of_part
        texts = given.get(i, {})
        for language, ws in texts.items():
            first = ws[0]
            for other in ws[1:]:
                if other.file != first.file and words(other.node) != words(first.node):
                    findings.append(Finding(FindingKind.SNAPSHOT_DISCREPANCY, str(act),
                                            f"{work}: two {language} texts give version {key} in different words",
                                            (Place(first.file, first.node.eid, first.node.span),
                                             Place(other.file, other.node.eid, other.node.span)),
                                            (words(first.node), words(other.node))))
        out.append(Version(work, key, event, begin, end, {lang: tuple(ws) for lang, ws in texts.items()}))
    return tuple(out)
