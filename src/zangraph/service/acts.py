"""What the service answers about acts: every act, an act on a date (its status, how sure it is, its entry into
force and end, its relations), and the events on an act (its history) or made by it (its effects)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import Any

from zangraph.errors import NotFound
from zangraph.model.vocabulary import LANGUAGES, ZG
from zangraph.service import texts as tx
from zangraph.service.models import (
    ActAtDate,
    ActRef,
    Acts,
    ActSummary,
    Basis,
    Effective,
    Effects,
    Ending,
    EntryIntoForce,
    Event,
    History,
    Note,
    PartRef,
)
from zangraph.service.names import Names
from zangraph.service.readers import Row, span
from zangraph.store.base import Repository

LANGUAGE_CODES = {str(iri): code for code, iri in LANGUAGES.items()}  # the graph's language IRIs, as codes
RELATIONS = ("repealed_by", "amended_by", "amends", "repeals")


class ActAnswers:
    def __init__(self, repository: Repository, names: Names):
        self._repository = repository
        self._names = names
        self._acts: Acts | None = None
        # What the graph says of an act does not depend on the date: read once, then only its status is worked out.
        self._read: dict[str, tuple[Row, dict[str, list[str]]]] = {}

    def acts(self) -> Acts:
        if self._acts is None:
            self._acts = Acts(acts=self._all())
        return self._acts

    def _all(self) -> list[ActSummary]:
        rows: dict[str, Row] = {}
        titles: dict[str, dict[str, str]] = defaultdict(dict)
        for row in self._repository.select("acts"):
            rows.setdefault(row["act"], row)
            if row["title"]:
                titles[row["act"]][row.get("title_lang") or "und"] = row["title"]
        return [ActSummary(id=self._names.act_id(iri), iri=iri, number=row["number"], date=row["date"],
                           type=tx.local(row["type"]).replace("_", "-") if row["type"] else None,
                           title=titles[iri])
                for iri, row in rows.items()]

    def exists(self, iri: str) -> bool:
        return any(a.iri == iri for a in self.acts().acts)

    def act(self, ident: str, at: date) -> ActAtDate:
        iri = self._names.act_iri(ident)
        row, relations = self._facts(ident, iri)
        status, certainty, basis = None, None, []
        if row["inForce"] is not None:
            exact_start = row["inForceCertainty"] == ZG + "exact"
            status = "not_yet_in_force" if at < row["inForce"] else "in_force"
            basis.append(("entry_into_force", exact_start, row["inForceRule"]))
            if row["until"] is not None and at >= row["until"]:
                status = "no_longer_in_force"
                basis.append(("no_longer_in_force", row["untilCertainty"] == ZG + "exact", row["untilRule"]))
            certainty = "exact" if all(exact for _, exact, _ in basis) else "estimated"
        said: dict[str, Any] = {}  # why the status is unknown, or which of its boundaries are estimated
        if status is None:
            said["status_reason"] = "the graph has no entry-into-force date for this act"
        elif certainty == "estimated":
            said["estimated_because"] = [Basis(boundary=name, rule=rule) for name, exact, rule in basis if not exact]
        return ActAtDate(
            id=ident, iri=iri, number=row["number"], date=row["date"], at=at, status=status, certainty=certainty,
            entry_into_force=None if row["inForce"] is None else EntryIntoForce(
                rule=row["inForceRule"], earliest=row["inForceEarliest"] or row["inForce"], date=row["inForce"],
                certainty=tx.local(row["inForceCertainty"])),
            no_longer_in_force=None if row["until"] is None else Ending(
                rule=row["untilRule"], date=row["until"], certainty=tx.local(row["untilCertainty"])),
            repealed_by=sorted(relations["repealed_by"]), amended_by=sorted(relations["amended_by"]),
            amends=sorted(relations["amends"]), repeals=sorted(relations["repeals"]), **said)

    def _facts(self, ident: str, iri: str) -> tuple[Row, dict[str, list[str]]]:
        """The act's row and the acts it is related to, by relation."""
        if iri not in self._read:
            rows = self._repository.select("act", act=iri)
            if not rows:
                raise NotFound("act", ident)
            relations = defaultdict(list)
            for r in self._repository.select("act-relations", act=iri):
                relations[tx.local(r["relation"])].append(self._names.act_id(r["other"]))
            self._read[iri] = (rows[0], {name: relations[name] for name in RELATIONS})
        return self._read[iri]

    def history(self, ident: str) -> History:
        """The events on an act and its parts, in order of effect."""
        iri = self._known(ident)
        return History(act=ident, events=self._events(self._repository.select("act-history", act=iri), ident))

    def effects(self, ident: str) -> Effects:
        """What an act did to other acts: the events it is the acting act of, in order of effect; each names
        the act it changed (``act``) and the parts (``targets``)."""
        iri = self._known(ident)
        return Effects(act=ident, effects=self._events(self._repository.select("act-effects", act=iri), ident))

    def _known(self, ident: str) -> str:
        iri = self._names.act_iri(ident)
        if not self.exists(iri):
            raise NotFound("act", ident)
        return iri

    def _events(self, rows: list[Row], ident: str) -> list[Event]:
        """One event per event of the rows (a row per event, language it changed and note), in their order."""
        first: dict[str, Row] = {}
        languages: dict[str, list[str]] = defaultdict(list)
        notes: dict[str, list[Note]] = defaultdict(list)
        for row in rows:
            event = row["event"]
            first.setdefault(event, row)
            changes = LANGUAGE_CODES.get(row["changes"] or "")
            if changes and changes not in languages[event]:
                languages[event].append(changes)
            if row["noteText"] and not any(n.text == row["noteText"] for n in notes[event]):
                notes[event].append(Note(text=row["noteText"], span=span(row)))
        return [self._event(row, ident, languages[event], notes[event]) for event, row in first.items()]

    def _event(self, row: Row, ident: str, languages: list[str], notes: list[Note]) -> Event:
        changed = self._names.act_id(row["targetAct"]) if row.get("targetAct") else ident
        target = PartRef(id=self._names.part_id(row["target"]), label=tx.label(row["eid"])) if row["eid"] else \
            PartRef(id=changed, label="the whole act")
        return Event(id=self._names.short(row["event"], "event"), iri=row["event"], act=changed,
                     acting_act=ActRef(id=self._names.act_id(row["acting"]), number=row["actingNumber"],
                                       date=row["actingDate"]),
                     kind=tx.snake(tx.local(row["kind"])), targets=[target],
                     effective=Effective(date=row["date"], earliest=row["earliest"] or row["date"],
                                         certainty=tx.local(row["certainty"]), rule=row["rule"]),
                     languages=languages, notes=notes)
