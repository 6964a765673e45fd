"""Point-in-time answers, as JSON-ready dictionaries, from any repository.

The HTTP API and ``zangraph ask`` both answer through this module; it knows the API's identifiers
(``order-2017-360``, ``order-2017-360~att_1__chp_2__sec_6__para_54``, ``social-work-consultant``) and the
IRIs they stand for, and nothing about HTTP.
"""

from __future__ import annotations

import bisect
import difflib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .errors import ZangraphError
from .ids import Ids
from .store.base import Repository

ZG = "https://w3id.org/zangraph/ontology#"
LANGS = ("en", "ru", "kk")
_STEPS = {"att": "annex", "chp": "chapter", "sec": "section", "para": "point", "point": "sub-point",
          "indent": "indent", "preface": "caption", "preamble": "preamble", "hcontainer": "field"}


class NotFound(ZangraphError):
    def __init__(self, kind: str, ident: str):
        self.kind, self.ident = kind, ident
        super().__init__(f"no {kind} {ident!r}")


class InvalidParameter(ZangraphError):
    def __init__(self, name: str, value: str, expected: str):
        self.name, self.value, self.expected = name, value, expected
        super().__init__(f"parameter {name}={value!r}: expected {expected}")


def parse_date(name: str, value: str | None, default: date | None = None) -> date:
    if value is None or value == "":
        if default is None:
            raise InvalidParameter(name, "", "a date YYYY-MM-DD")
        return default
    try:
        return date.fromisoformat(value) if len(value) == 10 else _bad(name, value)
    except ValueError:
        return _bad(name, value)


def _bad(name: str, value: str) -> date:
    raise InvalidParameter(name, value, "a date YYYY-MM-DD")


def label(eid: str) -> str:
    """A part's eId in words.

    >>> label("att_1__chp_2__sec_6__para_54")
    'annex 1, chapter 2, section 6, point 54'
    >>> label("att_1__att_1__sec_3__hcontainer_code")
    'annex 1, annex 1, section 3, field code'
    """
    words = []
    for step in eid.split("__"):
        kind, _, num = step.partition("_")
        words.append(f"{_STEPS.get(kind, kind)} {num}".strip())
    return ", ".join(words)


def _local(iri: str | None) -> str | None:
    return iri.rsplit("#", 1)[-1] if iri else None


@dataclass
class Service:
    """Answers from a repository whose content does not change while the service runs: the answer about a
    part is the same for every date between two consecutive boundaries of its versions, so it is worked out
    once per such interval and kept (``_sources``)."""

    repository: Repository
    ids: Ids
    _epochs: dict[str, list[date]] = field(default_factory=dict)
    _sources: dict[tuple[str, int, str, str], dict[str, Any]] = field(default_factory=dict)
    _positions: list[dict[str, Any]] | None = None

    # -- identifiers ---------------------------------------------------------------------------------------

    def act_iri(self, ident: str) -> str:
        parts = ident.split("-", 2)
        if len(parts) == 3 and parts[1].isdigit():
            return str(self.ids.act(parts[0], int(parts[1]), parts[2]))
        return str(self.ids.named_act(ident))

    def act_id(self, iri: str) -> str:
        p = self.ids.parse(iri)
        return p["named_act"] if "named_act" in p else f"{p['type']}-{p['year']}-{p['number']}"

    def part_iri(self, ident: str) -> str:
        act, sep, eid = ident.partition("~")
        if not sep or not eid:
            raise InvalidParameter("id", ident, "a part id of the form <act id>~<eId>, e.g. order-2017-360~preamble")
        return str(self.ids.part(self.act_iri(act), eid))

    def part_id(self, iri: str) -> str:
        p = self.ids.parse(iri)
        return f"{p['type']}-{p['year']}-{p['number']}~{p['eid']}"

    def version_id(self, iri: str) -> str:
        p = self.ids.parse(iri)
        return f"{p['type']}-{p['year']}-{p['number']}~{p['eid']}@{p['version']}"

    # -- acts -----------------------------------------------------------------------------------------------

    def acts(self) -> dict[str, Any]:
        acts: dict[str, dict[str, Any]] = {}
        for row in self.repository.select("acts"):
            act = acts.setdefault(row["act"], {
                "id": self.act_id(row["act"]), "number": row["number"],
                "date": row["date"].isoformat() if row["date"] else None,
                "type": row["type"].rsplit("/", 1)[-1].lower() if row["type"] else None, "title": {}})
            if row["title"]:
                act["title"][self._lang_of(row, "title")] = row["title"]
        return {"acts": list(acts.values())}

    def _lang_of(self, row: dict[str, Any], key: str) -> str:
        return row.get(f"{key}_lang") or "und"

    def act(self, ident: str, at: date) -> dict[str, Any]:
        iri = self.act_iri(ident)
        rows = self.repository.select("act", act=iri)
        if not rows or (rows[0]["number"] is None and rows[0]["inForce"] is None and not self._exists(iri)):
            raise NotFound("act", ident)
        row = rows[0]
        relations = defaultdict(list)
        for r in self.repository.select("act-relations", act=iri):
            relations[r["relation"].rsplit("#", 1)[1]].append(self.act_id(r["other"]))
        status, certainty, basis = None, None, []
        if row["inForce"] is not None:
            exact_start = row["inForceCertainty"] == ZG + "exact"
            status = "not_yet_in_force" if at < row["inForce"] else "in_force"
            basis.append(("entry into force", exact_start, row["inForceRule"]))
            if row["until"] is not None and at >= row["until"]:
                status = "no_longer_in_force"
                basis.append(("abolition", row["untilCertainty"] == ZG + "exact", row["untilRule"]))
            certainty = "exact" if all(exact for _, exact, _ in basis) else "estimated"
        answer: dict[str, Any] = {
            "id": ident, "iri": iri, "number": row["number"], "date": _iso(row["date"]), "at": at.isoformat(),
            "status": status, "certainty": certainty,
            "entry_into_force": None if row["inForce"] is None else {
                "rule": row["inForceRule"], "earliest": _iso(row["inForceEarliest"] or row["inForce"]),
                "date": _iso(row["inForce"]) if row["inForceCertainty"] == ZG + "exact" else None,
                "certainty": _local(row["inForceCertainty"])},
            "no_longer_in_force": None if row["until"] is None else {
                "rule": row["untilRule"], "date": _iso(row["until"]), "certainty": _local(row["untilCertainty"])},
            "repealed_by": sorted(relations["repealed_by"]), "amended_by": sorted(relations["amended_by"]),
            "amends": sorted(relations["amends"]), "repeals": sorted(relations["repeals"]),
        }
        if status is None:
            answer["status_reason"] = "the graph has no entry-into-force date for this act"
        elif certainty == "estimated":
            answer["estimated_because"] = [{"boundary": name, "rule": rule} for name, exact, rule in basis if not exact]
        return answer

    def _exists(self, iri: str) -> bool:
        return any(a["id"] == self.act_id(iri) for a in self.acts()["acts"])

    def history(self, ident: str) -> dict[str, Any]:
        iri = self.act_iri(ident)
        if not self._exists(iri):
            raise NotFound("act", ident)
        events: dict[str, dict[str, Any]] = {}
        for row in self.repository.select("act-history", act=iri):
            event = events.get(row["event"])
            if event is None:
                target = row["target"]
                event = events[row["event"]] = {
                    "id": row["event"], "act": ident,
                    "acting_act": {"id": self.act_id(row["acting"]), "number": row["actingNumber"],
                                   "date": _iso(row["actingDate"])},
                    "kind": _snake(_local(row["kind"])),
                    "targets": [{"id": self.part_id(target) if row["eid"] else ident,
                                 "label": label(row["eid"]) if row["eid"] else "the whole act"}],
                    "effective": {"date": _iso(row["date"]) if row["certainty"] == ZG + "exact" else None,
                                  "earliest": _iso(row["earliest"] or row["date"]),
                                  "certainty": _local(row["certainty"]), "rule": row["rule"]},
                    "notes": []}
            if row["noteText"] and not any(n["text"] == row["noteText"] for n in event["notes"]):
                event["notes"].append({"text": row["noteText"], "span": _span(row)})
        return {"act": ident, "events": list(events.values())}

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
            ident = row["position"].rsplit("/", 1)[1]
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
        items = self.repository.select("items-at", part=part, at=at)
        rung_langs = {r["expression"].rsplit("/", 1)[1] for r in rungs}
        item_langs = {r["expression"].rsplit("/", 1)[1] for r in items}
        used = _choose(lang, rung_langs | item_langs) if (rung_langs or item_langs) else None
        return {
            "act": {"id": self.act_id(row["act"]), "number": row["number"], "date": _iso(row["date"])},
            "part": {"id": self.part_id(part), "label": label(version["eid"]), "heading": _heading(own, lang)},
            "version": self._version(version),
            "text_available": available,
            "language": used, "fallback": used is not None and used != lang,
            "qualification": self._rungs(rungs, used),
            "duties": [_item(r) for r in items if r["type"] == "duty" and r["expression"].endswith("/" + str(used))],
            "knowledge": [{**_item(r), "act": self.act_id(r["aboutAct"]) if r["aboutAct"] else None,
                           "topic": r["topic"]}
                          for r in items if r["type"] == "knowledge" and r["expression"].endswith("/" + str(used))],
        }

    def _version(self, row: dict[str, Any]) -> dict[str, Any]:
        estimated = []
        if row["startCertainty"] == ZG + "estimated":
            estimated.append({"boundary": "valid_from", "date": _iso(row["start"])})
        if row["endCertainty"] == ZG + "estimated":
            estimated.append({"boundary": "valid_to", "date": _iso(row["end"])})
        out = {"id": self.version_id(row["version"]), "valid_from": _iso(row["start"]), "valid_to": _iso(row["end"]),
               "certainty": "estimated" if estimated else "exact"}
        if estimated:
            out["estimated_boundaries"] = estimated
        return out

    def _rungs(self, rows: list[dict[str, Any]], lang: str | None) -> list[dict[str, Any]]:
        labels: dict[int, dict[str, str]] = defaultdict(dict)
        for r in rows:
            if r["categoryLabel"]:
                labels[r["n"]][r["expression"].rsplit("/", 1)[1]] = r["categoryLabel"]
        out = []
        for r in rows:
            if r["expression"].rsplit("/", 1)[1] != lang:
                continue
            out.append({
                "rung": r["n"], "skill_level": _local(r["skill"]), "category": _local(r["category"]),
                "label": labels.get(r["n"], {}),
                "education_level": sorted(_EDUCATION.get(_local(x), _local(x)) for x in (r["levels"] or "").split()),
                "education_fields": sorted((r["fields"] or "").split()),
                "min_experience_years": r["years"], "prior_role": r["priorRole"],
                "prior_category": _local(r["priorCategory"]),
                "alternatives": [a for a in (r["alternatives"] or "").split(" | ") if a],
                "text": r["text"], "span": _span(r)})
        return out

    # -- parts -------------------------------------------------------------------------------------------------

    def part_versions(self, ident: str) -> dict[str, Any]:
        iri = self.part_iri(ident)
        rows = self.repository.select("versions-of-part", part=iri)
        if not rows:
            raise NotFound("part", ident)
        return {"part": ident, "label": label(ident.split("~", 1)[1]), "versions": [{
            "id": self.version_id(r["version"]), "valid_from": _iso(r["start"]), "valid_to": _iso(r["end"]),
            "certainty": "estimated" if ZG + "estimated" in (r["startCertainty"], r["endCertainty"]) else "exact",
            "start": {"certainty": _local(r["startCertainty"]), "rule": r["startRule"]},
            "made_by": {"event": r["event"], "kind": _snake(_local(r["kind"])), "act": self.act_id(r["actingAct"])},
            "languages": (r["languages"] or "").split()} for r in rows]}

    def part(self, ident: str, at: date, lang: str) -> dict[str, Any]:
        if lang not in LANGS:
            raise InvalidParameter("lang", lang, "one of " + ", ".join(LANGS))
        iri = self.part_iri(ident)
        rows = self.repository.select("part-at", part=iri, at=at)
        own = [r for r in rows if r["sub"] == iri]
        if not own:
            if not self.repository.select("versions-of-part", part=iri):
                raise NotFound("part", ident)
            return {"part": ident, "at": at.isoformat(), "version": None,
                    "reason": f"the part has no version in force on {at.isoformat()}"}
        langs = {r["expression"].rsplit("/", 1)[1] for r in own if r["expression"]}
        used = _choose(lang, langs) if langs else None
        return {"part": ident, "label": label(own[0]["eid"]), "at": at.isoformat(), "version": self._version(own[0]),
                "text_available": {x: x in langs for x in LANGS}, "language": used,
                "fallback": used is not None and used != lang,
                "text": _text(rows, used) if used else None,
                "reason": None if used else "no source gives the text of this version in any language"}

    def diff(self, ident: str, start: date, end: date) -> dict[str, Any]:
        iri = self.part_iri(ident)
        before = self.repository.select("part-at", part=iri, at=start)
        after = self.repository.select("part-at", part=iri, at=end)
        if not before and not after and not self.repository.select("versions-of-part", part=iri):
            raise NotFound("part", ident)
        texts = {}
        for x in LANGS:
            a, b = _text(before, x), _text(after, x)
            if a is None and b is None:
                continue
            texts[x] = {"from_available": a is not None, "to_available": b is not None,
                        "diff": "".join(difflib.unified_diff((a or "").splitlines(keepends=True),
                                                             (b or "").splitlines(keepends=True),
                                                             f"{ident}@{start}", f"{ident}@{end}"))}
        r1 = self.repository.select("requirements-at", part=iri, at=start)
        r2 = self.repository.select("requirements-at", part=iri, at=end)
        lang1 = {r["expression"].rsplit("/", 1)[1] for r in r1}
        lang2 = {r["expression"].rsplit("/", 1)[1] for r in r2}
        common = [x for x in LANGS if x in lang1 and x in lang2]
        changes = _rung_changes(self._rungs(r1, common[0] if common else _first(lang1)),
                                self._rungs(r2, common[0] if common else _first(lang2)))
        own_before = [r for r in before if r["sub"] == iri]
        own_after = [r for r in after if r["sub"] == iri]
        return {"part": ident, "from": start.isoformat(), "to": end.isoformat(),
                "from_version": self._version(own_before[0]) if own_before else None,
                "to_version": self._version(own_after[0]) if own_after else None,
                "text": texts, "requirements": changes}

    # -- findings ----------------------------------------------------------------------------------------------

    def findings(self, kind: str | None, act: str | None, report: dict[str, Any] | None) -> dict[str, Any]:
        found: dict[str, dict[str, Any]] = {}
        for row in self.repository.select("findings"):
            f = found.setdefault(row["finding"], {"id": row["finding"], "kind": _local(row["kind"]), "act": None,
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
            if row["file"]:
                span = _span(row)
                spans = f.setdefault("spans", [])
                if span not in spans:
                    spans.append(span)
        items = [f for f in found.values() if (not kind or f["kind"] == kind) and (not act or f["act"] == act)]
        return {"findings": items, "validation": report}


_EDUCATION = {"higher_education": "higher", "post_secondary": "post_secondary",
              "technical_vocational": "technical_vocational", "basic_secondary": "basic_secondary"}


def _snake(name: str | None) -> str | None:
    if name is None:
        return None
    return "".join("_" + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(name))


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _span(row: dict[str, Any]) -> dict[str, Any] | None:
    """The file and lines of a row's source span, from the span's IRI (…/span/<file>/<first>-<last>/…)."""
    if row.get("span"):
        file, lines, chars = row["span"].rsplit("/", 3)[1:]
        first, last = lines.split("-")
        start, end = chars.split("-")
        return {"file": file, "first_line": int(first), "last_line": int(last), "start": int(start), "end": int(end)}
    if row.get("file"):
        return {"file": row["file"], "first_line": row["firstLine"], "last_line": row["lastLine"]}
    return None


def _item(row: dict[str, Any]) -> dict[str, Any]:
    return {"text": row["text"], "span": _span(row)}


def _choose(lang: str, available: set[str]) -> str | None:
    if lang in available:
        return lang
    return next((x for x in LANGS if x in available), None)


def _first(langs: set[str]) -> str | None:
    return next((x for x in LANGS if x in langs), None)


def _heading(rows: list[dict[str, Any]], lang: str) -> str | None:
    headings = {r["expression"].rsplit("/", 1)[1]: r["heading"] for r in rows if r["expression"] and r["heading"]}
    chosen = _choose(lang, set(headings))
    return headings.get(chosen) if chosen else None


def _text(rows: list[dict[str, Any]], lang: str | None) -> str | None:
    """The text of a part and its parts, in document order, one paragraph a line."""
    if lang is None:
        return None
    lines = []
    for r in sorted((r for r in rows if r["expression"] and r["expression"].endswith("/" + lang)),
                    key=lambda r: _order(r["eid"])):
        words = " ".join(x for x in (r["label"], r["heading"], r["text"]) if x)
        if words:
            lines.append(words)
    return "\n".join(lines) + "\n" if lines else None


def _order(eid: str) -> list[tuple[str, tuple[int, ...]]]:
    out = []
    for step in eid.split("__"):
        kind, _, num = step.partition("_")
        digits = tuple(int(p) for p in num.split("-") if p.isdigit()) if num else ()
        out.append((kind if not digits else "", digits or (0,)))
    return out


def _rung_changes(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[str]:
    """What changed in the ladder, rung by rung, in words."""
    changes = []
    by_key = {(r["skill_level"], r["rung"]): r for r in before}
    for r in after:
        old = by_key.pop((r["skill_level"], r["rung"]), None)
        name = f"{r['skill_level'] or ''} rung {r['rung']}".strip()
        if old is None:
            changes.append(f"{name}: added ({r['category']})")
            continue
        if old["category"] != r["category"]:
            changes.append(f"{name}: category {old['category']} → {r['category']}")
        elif old["label"] != r["label"]:
            changes.append(f"{name} ({r['category']}): category names changed")
        if old["min_experience_years"] != r["min_experience_years"]:
            changes.append(f"{name} ({r['category']}): prior experience {old['min_experience_years']} → "
                           f"{r['min_experience_years']} years")
        if old["prior_category"] != r["prior_category"]:
            changes.append(f"{name} ({r['category']}): prior category {old['prior_category']} → {r['prior_category']}")
        if old["education_level"] != r["education_level"]:
            changes.append(f"{name} ({r['category']}): education {old['education_level']} → {r['education_level']}")
    for (skill, n), old in by_key.items():
        changes.append(f"{skill or ''} rung {n}: removed ({old['category']})".strip())
    return changes
