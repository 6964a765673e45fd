"""Point-in-time answers, as JSON-ready dictionaries, from any repository.

The HTTP API and ``zangraph ask`` both answer through this module; it knows the API's identifiers
(``order-2001-17``, ``order-2001-17~att_1__chp_2__sec_6__para_40``, ``social-work-consultant``) and the
IRIs they stand for, and nothing about HTTP.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Concatenate, Generic, ParamSpec, TypeVar, cast

from zangraph.errors import InvalidParameter, NotFound
from zangraph.model.ids import FrbrUri, Ids, language_of
from zangraph.model.vocabulary import LANGUAGES, ZG
from zangraph.service import texts as tx
from zangraph.service.memo import Memo
from zangraph.service.parts import PartAnswers
from zangraph.service.texts import LANGS, label
from zangraph.store.base import Repository, is_iri

LANGUAGE_CODES = {str(iri): code for code, iri in LANGUAGES.items()}  # the graph's language IRIs, as codes
KEPT = 2048  # answers the service keeps by their question, the least recently asked dropped first
P = ParamSpec("P")
A = TypeVar("A")


def parse_date(name: str, value: str | None, default: date | None = None) -> date:
    """A parameter's date: absent is ``default`` (when there is one); anything but YYYY-MM-DD is an error.

    >>> parse_date("at", None, date(2024, 1, 1)), parse_date("at", "2023-07-01")
    (datetime.date(2024, 1, 1), datetime.date(2023, 7, 1))
    >>> parse_date("at", "2020-W01-1")
    Traceback (most recent call last):
    zangraph.errors.InvalidParameter: parameter at='2020-W01-1': expected a date YYYY-MM-DD
    """
    if value is None and default is not None:
        return default
    value = value or ""
    # Exactly YYYY-MM-DD in ASCII digits: fromisoformat alone would take week dates ("2020-W01-1") too.
    digits = value[:4] + value[5:7] + value[8:]
    if len(value) != 10 or value[4] != "-" or value[7] != "-" or not (digits.isascii() and digits.isdigit()):
        return _bad(name, value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        return _bad(name, value)


def _bad(name: str, value: str) -> date:
    raise InvalidParameter(name, value, "a date YYYY-MM-DD")


@dataclass(frozen=True)
class Question(Generic[A]):
    """A question to the service: one of its public methods and the arguments it is asked with. The repository
    does not change while the service runs, so equal questions have the same answer: the key it is kept under.

    >>> Question.of(Service.act, "order-2017-360", date(2024, 1, 1)) == Question.of(Service.act, "order-2017-360",
    ...                                                                          date(2024, 1, 1))
    True
    """

    method: Callable[..., A]
    args: tuple[Hashable, ...] = ()
    keywords: tuple[tuple[str, Hashable], ...] = ()

    @staticmethod
    def of(method: Callable[Concatenate[Service, P], A], *args: P.args, **kwargs: P.kwargs) -> Question[A]:
        """The question ``method`` answers with these arguments (checked against its signature by a type checker)."""
        return Question(method, args, tuple(sorted(kwargs.items())))


@dataclass
class Service(PartAnswers):
    """Answers from a repository whose content does not change while the service runs.

    Two kinds of memory, both explicit: the answer about a part is the same for every date between two
    consecutive boundaries of its versions, so it is worked out once per such interval and kept (``_sources``);
    and the answers to the last questions asked are kept whole (``kept`` looks one up without computing
    anything, ``answer`` works one out and keeps it)."""

    repository: Repository
    ids: Ids
    validation: dict[str, Any] | None = None  # the build's validation report, which the findings answer carries
    _kept: Memo[Question[Any], Any] = field(default_factory=lambda: Memo(KEPT))
    _epochs: dict[str, list[date]] = field(default_factory=dict)
    _sources: dict[tuple[str, int, str, str], dict[str, Any]] = field(default_factory=dict)
    _positions: list[dict[str, Any]] | None = None
    _acts: list[dict[str, Any]] | None = None
    _counts: dict[str, int] | None = None
    _act_rows: dict[str, tuple[dict[str, Any], dict[str, list[str]]]] = field(default_factory=dict)
    _act_texts: dict[tuple[str, int, str], list[dict[str, Any]]] = field(default_factory=dict)

    def kept(self, question: Question[A]) -> A | None:
        """The answer kept for ``question``, or None: a lookup that never reaches the store, so an event loop
        may make it."""
        return cast("A | None", self._kept.get(question))

    def answer(self, question: Question[A]) -> A:
        """The answer to ``question``: the kept one, else worked out (which may query the store) and kept."""
        found = self.kept(question)
        if found is None:
            found = question.method(self, *question.args, **dict(question.keywords))
            self._kept.put(question, found)
        return found

    # -- identifiers ---------------------------------------------------------------------------------------

    def act_iri(self, ident: str) -> str:
        try:
            iri = str(self.ids.of(FrbrUri.from_key(ident).work))
        except ValueError:
            iri = str(self.ids.named_act(ident))
        if not is_iri(iri):  # a character no IRI may hold: no act has this id
            raise NotFound("act", ident)
        return iri

    def act_id(self, iri: str) -> str:
        return self.ids.act_key(iri)

    def part_iri(self, ident: str) -> str:
        try:
            uri = FrbrUri.from_key(ident)
        except ValueError:
            uri = None
        if uri is None or not uri.eid or uri.version:
            # No part can have it: a missing resource, whose answer says what a part id looks like.
            raise NotFound("part", ident, "a part id has the form <act id>~<eId>, e.g. order-2001-17~preamble")
        return str(self.ids.of(uri))

    def part_id(self, iri: str) -> str:
        return self.ids.frbr(iri).key

    def version_id(self, iri: str) -> str:
        return self.ids.frbr(iri).key

    def _short(self, iri: str, kind: str) -> str:
        """The API's id of an event, finding or topic: its IRI's last part under the base."""
        return self.ids.parse(iri)[kind]

    # -- acts -----------------------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        """How many acts, parts, versions and positions the graph holds."""
        if self._counts is None:
            row = self.repository.select("dataset-counts")[0]
            self._counts = {"acts": len(self.acts()["acts"]), "parts": int(row["parts"]),
                            "versions": int(row["versions"]), "positions": len(self.positions()["positions"])}
        return self._counts

    def acts(self) -> dict[str, Any]:
        if self._acts is None:
            self._acts = self._all_acts()
        return {"acts": self._acts}

    def _all_acts(self) -> list[dict[str, Any]]:
        acts: dict[str, dict[str, Any]] = {}
        for row in self.repository.select("acts"):
            act = acts.setdefault(row["act"], {
                "id": self.act_id(row["act"]), "iri": row["act"], "number": row["number"],
                "date": row["date"].isoformat() if row["date"] else None,
                "type": tx.local(row["type"]).replace("_", "-") if row["type"] else None, "title": {}})
            if row["title"]:
                act["title"][self._lang_of(row, "title")] = row["title"]
        return list(acts.values())

    def _lang_of(self, row: dict[str, Any], key: str) -> str:
        return row.get(f"{key}_lang") or "und"

    def act(self, ident: str, at: date) -> dict[str, Any]:
        iri = self.act_iri(ident)
        # What the graph says of the act does not depend on the date: read once, then only the status is worked out.
        if iri not in self._act_rows:
            rows = self.repository.select("act", act=iri)
            if not rows:
                raise NotFound("act", ident)
            relations = defaultdict(list)
            for r in self.repository.select("act-relations", act=iri):
                relations[tx.local(r["relation"])].append(self.act_id(r["other"]))
            self._act_rows[iri] = (rows[0], {k: relations[k] for k in ("repealed_by", "amended_by", "amends",
                                                                      "repeals")})
        row, relations = self._act_rows[iri]
        status, certainty, basis = None, None, []
        if row["inForce"] is not None:
            exact_start = row["inForceCertainty"] == ZG + "exact"
            status = "not_yet_in_force" if at < row["inForce"] else "in_force"
            basis.append(("entry_into_force", exact_start, row["inForceRule"]))
            if row["until"] is not None and at >= row["until"]:
                status = "no_longer_in_force"
                basis.append(("no_longer_in_force", row["untilCertainty"] == ZG + "exact", row["untilRule"]))
            certainty = "exact" if all(exact for _, exact, _ in basis) else "estimated"
        answer: dict[str, Any] = {
            "id": ident, "iri": iri, "number": row["number"], "date": tx.iso(row["date"]), "at": at.isoformat(),
            "status": status, "certainty": certainty,
            "entry_into_force": None if row["inForce"] is None else {
                "rule": row["inForceRule"], "earliest": tx.iso(row["inForceEarliest"] or row["inForce"]),
                "date": tx.iso(row["inForce"]),
                "certainty": tx.local(row["inForceCertainty"])},
            "no_longer_in_force": None if row["until"] is None else {
                "rule": row["untilRule"], "date": tx.iso(row["until"]), "certainty": tx.local(row["untilCertainty"])},
            "repealed_by": sorted(relations["repealed_by"]), "amended_by": sorted(relations["amended_by"]),
            "amends": sorted(relations["amends"]), "repeals": sorted(relations["repeals"]),
        }
        if status is None:
            answer["status_reason"] = "the graph has no entry-into-force date for this act"
        elif certainty == "estimated":
            answer["estimated_because"] = [{"boundary": name, "rule": rule} for name, exact, rule in basis if not exact]
        return answer

    def _exists(self, iri: str) -> bool:
        return any(a["iri"] == iri for a in self.acts()["acts"])

    def history(self, ident: str) -> dict[str, Any]:
        """The events on an act and its parts, in order of effect."""
        iri = self.act_iri(ident)
        if not self._exists(iri):
            raise NotFound("act", ident)
        return {"act": ident, "events": self._events(self.repository.select("act-history", act=iri), ident)}

    def effects(self, ident: str) -> dict[str, Any]:
        """What an act did to other acts: the events it is the acting act of, in order of effect; each names
        the act it changed (``act``) and the parts (``targets``)."""
        iri = self.act_iri(ident)
        if not self._exists(iri):
            raise NotFound("act", ident)
        return {"act": ident, "effects": self._events(self.repository.select("act-effects", act=iri), ident)}

    def _events(self, rows: list[dict[str, Any]], ident: str) -> list[dict[str, Any]]:
        events: dict[str, dict[str, Any]] = {}
        for row in rows:
            event = events.get(row["event"])
            if event is None:
                target = row["target"]
                changed = self.act_id(row["targetAct"]) if row.get("targetAct") else ident
                event = events[row["event"]] = {
                    "id": self._short(row["event"], "event"), "iri": row["event"], "act": changed,
                    "acting_act": {"id": self.act_id(row["acting"]), "number": row["actingNumber"],
                                   "date": tx.iso(row["actingDate"])},
                    "kind": tx.snake(tx.local(row["kind"])),
                    "targets": [{"id": self.part_id(target) if row["eid"] else changed,
                                 "label": label(row["eid"]) if row["eid"] else "the whole act"}],
                    "effective": {"date": tx.iso(row["date"]),
                                  "earliest": tx.iso(row["earliest"] or row["date"]),
                                  "certainty": tx.local(row["certainty"]), "rule": row["rule"]},
                    "languages": [], "notes": []}
            changes = LANGUAGE_CODES.get(row["changes"] or "")
            if changes and changes not in event["languages"]:
                event["languages"].append(changes)
            if row["noteText"] and not any(n["text"] == row["noteText"] for n in event["notes"]):
                event["notes"].append({"text": row["noteText"], "span": tx.span(row)})
        return list(events.values())

    # -- positions ---------------------------------------------------------------------------------------------

    def positions(self, q: str | None = None) -> dict[str, Any]:
        if self._positions is None:
            self._positions = self._all_positions()
        items = self._positions
        if q:
            needle = q.casefold()
            items = [p for p in items if any(needle in t.casefold() for t in p["title"].values())
                     or needle in p["id"].replace("-", " ")]
        return {"positions": items}

    def _all_positions(self) -> list[dict[str, Any]]:
        found: dict[str, dict[str, Any]] = {}
        for row in self.repository.select("positions"):
            ident = self.ids.parse(row["position"])["position"]
            entry = found.setdefault(ident, {"id": ident, "title": {}, "parts": row["parts"]})
            if row["title"]:
                entry["title"][row.get("title_lang") or "und"] = row["title"]
        return [p for p in found.values() if p["id"]]

    def requirements(self, ident: str, at: date, lang: str) -> dict[str, Any]:
        if lang not in LANGS:
            raise InvalidParameter("lang", lang, "one of " + ", ".join(LANGS))
        position = str(self.ids.position(ident))
        if not any(p["id"] == ident for p in self.positions()["positions"]):
            raise NotFound("position", ident)
        # Which acts apply can only change on a boundary of a version of a part linked to the position.
        if position not in self._epochs:
            parts = [r["part"] for r in self.repository.select("position-parts", position=position)]
            self._epochs[position] = sorted({d for part in parts for d in self._boundaries(part)})
        key = (position, bisect.bisect_right(self._epochs[position], at), lang, "")
        if key not in self._sources:
            self._sources[key] = self._requirements(ident, position, at, lang)
        return {**self._sources[key], "at": at.isoformat()}

    def _requirements(self, ident: str, position: str, at: date, lang: str) -> dict[str, Any]:
        sources = []
        for row in self.repository.select("acts-characterising-position", position=position, at=at):
            key = (row["part"], self._epoch(row["part"], at), lang, row["version"])
            if key not in self._sources:
                self._sources[key] = self._source(row, at, lang)
            sources.append(self._sources[key])
        answer: dict[str, Any] = {"position": ident, "at": None, "lang": lang, "sources": sources}
        answer["certainty"] = "estimated" if any(s["version"]["certainty"] == "estimated" for s in sources) \
            else "exact"
        estimated = [b for s in sources for b in s["version"].get("estimated_boundaries", [])]
        if estimated:
            answer["estimated_because"] = estimated
        # Complete: the corpus has the text of every act part in force that characterises the position.
        unknown = [s["reason"] for s in sources if s["text"] != "known"]
        answer["completeness"] = "incomplete" if unknown else "complete"
        if unknown:
            answer["incomplete_because"] = unknown
        if not sources:
            answer["reason"] = "no act in the graph characterises this position on this date"
        return answer

    def _boundaries(self, part: str) -> list[date]:
        if part not in self._epochs:
            self._epochs[part] = [r["date"] for r in self.repository.select("subtree-boundaries", part=part)]
        return self._epochs[part]

    def _epoch(self, part: str, at: date) -> int:
        """Which interval between the part's version boundaries ``at`` falls in."""
        return bisect.bisect_right(self._boundaries(part), at)

    def _source(self, row: dict[str, Any], at: date, lang: str) -> dict[str, Any]:
        part = row["part"]
        tree = self.repository.select("part-at", part=part, at=at)
        own = [r for r in tree if r["sub"] == part]
        version = own[0]
        available = {x: any(r["expression"] and r["expression"].endswith("/" + x) for r in own) for x in LANGS}
        rungs = self.repository.select("requirements-at", part=part, at=at)
        # In the source's order: the parts in document order, each part's list as it gives it.
        items = sorted(self.repository.select("items-at", part=part, at=at),
                       key=lambda r: (tx.order(r["eid"]), r["ordinal"]))
        rung_langs = {language_of(r["expression"]) for r in rungs}
        item_langs = {language_of(r["expression"]) for r in items}
        used = tx.choose(lang, rung_langs | item_langs) if (rung_langs or item_langs) else None
        # In force, but no text of the corpus gives its words (or some of its parts' words) at this date: said so,
        # never left out.
        parts = {r["sub"]: r["eid"] for r in tree}
        missing = sorted({parts[r["sub"]] for r in tree} - {parts[r["sub"]] for r in tree if r["expression"]},
                         key=tx.order)
        known = "unknown" if len(missing) == len(parts) else "partial" if missing else "known"
        source = {
            "act": {"id": self.act_id(row["act"]), "number": row["number"], "date": tx.iso(row["date"])},
            "part": {"id": self.part_id(part), "label": label(version["eid"]), "heading": tx.heading(own, lang)},
            "version": self._version(version),
            "text": known,
            "text_available": available,
            "language": used, "fallback": used is not None and used != lang,
            "qualification": self._rungs(rungs, used),
            "duties": [tx.item(r) for r in items if r["type"] == "duty" and r["expression"].endswith("/" + str(used))],
            "knowledge": [{**tx.item(r), "act": self.act_id(r["aboutAct"]) if r["aboutAct"] else None,
                           "topic": self._short(r["topic"], "topic") if r["topic"] else None}
                          for r in items if r["type"] == "knowledge" and r["expression"].endswith("/" + str(used))],
        }
        # Kept for every date of the version's interval: the reason names the version, not the date asked.
        in_force = f"{source['act']['id']} {source['part']['label']} was in force (version {source['version']['id']})"
        if known == "unknown":
            source["reason"] = f"{in_force}; its text is not in the corpus"
        elif known == "partial":
            source["reason"] = f"{in_force}; the corpus has no text of " + "; ".join(label(e) for e in missing)
        return source

    def _version(self, row: dict[str, Any]) -> dict[str, Any]:
        estimated = []
        if row["startCertainty"] == ZG + "estimated":
            estimated.append({"boundary": "valid_from", "date": tx.iso(row["start"]), "rule": row.get("startRule")})
        if row["endCertainty"] == ZG + "estimated":
            estimated.append({"boundary": "valid_to", "date": tx.iso(row["end"]), "rule": row.get("endRule")})
        out = {"id": self.version_id(row["version"]), "valid_from": tx.iso(row["start"]),
               "valid_to": tx.iso(row["end"]), "last_day": tx.last_day(row["end"]),
               "certainty": "estimated" if estimated else "exact"}
        if estimated:
            out["estimated_boundaries"] = estimated
        return out

    def _rungs(self, rows: list[dict[str, Any]], lang: str | None) -> list[dict[str, Any]]:
        labels: dict[int, dict[str, str]] = defaultdict(dict)
        for r in rows:
            if r["categoryLabel"]:
                labels[r["n"]][language_of(r["expression"])] = r["categoryLabel"]
        out = []
        for r in rows:
            if language_of(r["expression"]) != lang:
                continue
            out.append({
                "rung": r["n"], "skill_level": tx.local(r["skill"]), "category": tx.local(r["category"]),
                "label": labels.get(r["n"], {}),
                "education_level": sorted(tx.EDUCATION.get(code, code)
                                          for code in (tx.local(x) for x in (r["levels"] or "").split())),
                "education_fields": sorted((r["fields"] or "").split()),
                "min_experience_years": r["years"], "prior_role": r["priorRole"],
                "prior_category": tx.local(r["priorCategory"]),
                "alternatives": [a for a in (r["alternatives"] or "").split(" | ") if a],
                "text": r["text"], "span": tx.span(r)})
        return out

    # -- findings ----------------------------------------------------------------------------------------------

    def findings(self, kind: str | None = None, act: str | None = None) -> dict[str, Any]:
        if act and not self._exists(self.act_iri(act)):
            raise NotFound("act", act)
        found: dict[str, dict[str, Any]] = {}
        for row in self.repository.select("findings"):
            f = found.setdefault(row["finding"], {"id": self._short(row["finding"], "finding"), "iri": row["finding"],
                                                  "kind": tx.local(row["kind"]), "act": None,
                                                  "places": [], "message": row["message"], "evidence": []})
            about = row["about"]
            if about:
                parsed = self.ids.parse(about)
                if "eid" in parsed:
                    place = {"id": self.part_id(about), "label": label(parsed["eid"])}
                    if place not in f["places"]:
                        f["places"].append(place)
                else:
                    f["act"] = self.act_id(about)
            if row["evidence"] and row["evidence"] not in f["evidence"]:
                f["evidence"].append(row["evidence"])
            if row["span"]:
                span = tx.span(row)
                spans = f.setdefault("spans", [])
                if span not in spans:
                    spans.append(span)
        items = [f for f in found.values() if (not kind or f["kind"] == kind) and (not act or f["act"] == act)]
        return {"findings": items, "validation": self.validation}


