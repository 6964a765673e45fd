"""What the service answers about one part: its versions, its text on a date, and an honest diff between two
dates. A mixin of ``Service`` (service.py), which gives it the store, the identifiers and the version and
ladder readers."""

from __future__ import annotations

import difflib
import itertools
from datetime import date
from typing import TYPE_CHECKING, Any

from zangraph.errors import InvalidParameter, NotFound
from zangraph.model.ids import FrbrUri, language_of
from zangraph.model.vocabulary import ZG
from zangraph.service import texts as tx
from zangraph.service.changes import ladder_changes
from zangraph.service.texts import LANGS, label

if TYPE_CHECKING:
    from zangraph.store.base import Repository
def _overlaps(version: dict[str, Any], start: date, end: date) -> bool:
    """Whether a version (its half-open interval, as the API gives it) is in force at some day of [start, end]."""
    return (version["valid_from"] or "") <= end.isoformat() and \
        (version["valid_to"] is None or version["valid_to"] > start.isoformat())


class PartAnswers:
    repository: Repository
    _act_texts: dict[tuple[str, int, str], list[dict[str, Any]]]

    if TYPE_CHECKING:
        def part_iri(self, ident: str) -> str: ...
        def version_id(self, iri: str) -> str: ...
        def part_id(self, iri: str) -> str: ...
        def _epoch(self, part: str, at: date) -> int: ...
        def act_id(self, iri: str) -> str: ...
        def _short(self, iri: str, kind: str) -> str: ...
        def _version(self, row: dict[str, Any]) -> dict[str, Any]: ...
        def _rungs(self, rows: list[dict[str, Any]], lang: str | None) -> list[dict[str, Any]]: ...

    def part_versions(self, ident: str) -> dict[str, Any]:
        iri = self.part_iri(ident)
        rows = self.repository.select("versions-of-part", part=iri)
        if not rows:
            raise NotFound("part", ident)
        return {"part": ident, "label": label(FrbrUri.from_key(ident).eid or ""), "versions": [{
            "id": self.version_id(r["version"]), "valid_from": tx.iso(r["start"]), "valid_to": tx.iso(r["end"]),
            "last_day": tx.last_day(r["end"]),
            "certainty": "estimated" if ZG + "estimated" in (r["startCertainty"], r["endCertainty"]) else "exact",
            "start": {"certainty": tx.local(r["startCertainty"]), "rule": r["startRule"]},
            "made_by": {"event": self._short(r["event"], "event"), "kind": tx.snake(tx.local(r["kind"])),
                        "act": self.act_id(r["actingAct"])},
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
            return {"part": ident, "at": at.isoformat(), "status": "not_in_force", "version": None,
                    "reason": f"the part has no version in force on {at.isoformat()}"}
        langs = {language_of(r["expression"]) for r in own if r["expression"]}
        used = tx.choose(lang, langs) if langs else None
        return {"part": ident, "label": label(own[0]["eid"]), "at": at.isoformat(), "status": "in_force",
                "version": self._version(own[0]), "text_available": {x: x in langs for x in LANGS}, "language": used,
                "fallback": used is not None and used != lang,
                "text": tx.text(rows, used) if used else None,
                "reason": None if used else "in force, text unknown: no text of the corpus gives this version's "
                                            "words in any language"}

    def act_text(self, act_iri: str, at: date, lang: str) -> list[dict[str, Any]]:
        """Every part of an act in force on ``at``, in document order, each with its depth, label, heading and
        text in ``lang`` (or, said so, in another language the corpus has), or ``text`` None where the corpus
        gives no words of its version."""
        if lang not in LANGS:
            raise InvalidParameter("lang", lang, "one of " + ", ".join(LANGS))
        # The same text answers every date between two boundaries of the act's versions: worked out once.
        key = (act_iri, self._epoch(act_iri, at), lang)
        if key not in self._act_texts:
            self._act_texts[key] = self._act_text(act_iri, at, lang)
        return self._act_texts[key]

    def _act_text(self, act_iri: str, at: date, lang: str) -> list[dict[str, Any]]:
        by_part: dict[str, list[dict[str, Any]]] = {}
        for r in self.repository.select("part-at", part=act_iri, at=at):
            by_part.setdefault(r["sub"], []).append(r)
        out = []
        # The order's own points first, then its annexes.
        for sub, rows in sorted(by_part.items(), key=lambda item: (item[1][0]["eid"].startswith("att_"),
                                                                   tx.order(item[1][0]["eid"]))):
            eid = rows[0]["eid"]
            langs = {language_of(r["expression"]) for r in rows if r["expression"]}
            used = tx.choose(lang, langs) if langs else None
            own = [r for r in rows if r["expression"] and language_of(r["expression"]) == used]
            out.append({"id": self.part_id(sub), "eid": eid, "kind": rows[0]["kind"], "depth": len(tx.steps(eid)) - 1,
                        "label": label(eid, lang), "step": label(eid, lang, last=True),
                        "version": self.version_id(rows[0]["version"]),
                        "language": used, "fallback": used is not None and used != lang,
                        "heading": own[0]["heading"] if own else None, "text": own[0]["text"] if own else None,
                        "known": bool(own)})
        return out

    def diff(self, ident: str, start: date, end: date, lang: str = "en") -> dict[str, Any]:
        """Every version of a part in force at some time from ``start`` to ``end``, in order, each with the event
        that made it, and what changed from each to the next: its text in each language both give, and its
        ladder as structured changes with a sentence in ``lang``. A version whose text the corpus lacks is
        "unknown", and a step to or from it says so instead of inventing additions or removals."""
        if lang not in LANGS:
            raise InvalidParameter("lang", lang, "one of " + ", ".join(LANGS))
        iri = self.part_iri(ident)
        timeline = self.part_versions(ident)  # an unknown part is a 404 before anything about the dates
        if start > end:
            raise InvalidParameter("from", start.isoformat(), f"a date on or before to ({end.isoformat()})")
        versions = []
        for v in timeline["versions"]:
            if _overlaps(v, start, end):
                rows = self.repository.select("part-at", part=iri, at=date.fromisoformat(v["valid_from"]))
                texts = {x: t for x in LANGS if (t := tx.text(rows, x)) is not None}
                versions.append(({**v, "text": "known" if texts else "unknown"}, texts))
        steps = [self._step(iri, a, b, lang) for a, b in itertools.pairwise(versions)]
        at = {when: next((v for v, _ in versions if _overlaps(v, when, when)), None) for when in (start, end)}
        return {"part": ident, "label": timeline["label"], "from": start.isoformat(), "to": end.isoformat(),
                "lang": lang, "from_version": at[start] and at[start]["id"], "to_version": at[end] and at[end]["id"],
                "versions": [v for v, _ in versions], "steps": steps}

    def _step(self, iri: str, a: tuple, b: tuple, lang: str) -> dict[str, Any]:
        (va, texts_a), (vb, texts_b) = a, b
        step: dict[str, Any] = {"from_version": va["id"], "to_version": vb["id"], "made_by": vb["made_by"],
                                "date": vb["valid_from"]}
        unknown = [v["id"] for v in (va, vb) if v["text"] == "unknown"]
        if unknown:
            return {**step, "text": "unknown", "reason": "the corpus has no text of " + " or ".join(unknown)
                    + ": what changed cannot be told", "diff": {}, "changes": []}
        diffs = {x: "".join(difflib.unified_diff(texts_a[x].splitlines(keepends=True),
                                                 texts_b[x].splitlines(keepends=True), va["id"], vb["id"]))
                 for x in LANGS if x in texts_a and x in texts_b}
        r1 = self.repository.select("requirements-at", part=iri, at=date.fromisoformat(va["valid_from"]))
        r2 = self.repository.select("requirements-at", part=iri, at=date.fromisoformat(vb["valid_from"]))
        # The ladders in one language where both versions have one (the one asked for first), else each in its own.
        langs1, langs2 = ({language_of(r["expression"]) for r in rows} for rows in (r1, r2))
        common = langs1 & langs2
        pair = (tx.choose(lang, common),) * 2 if common else (tx.choose(lang, langs1), tx.choose(lang, langs2))
        changes = ladder_changes(self._rungs(r1, pair[0]), self._rungs(r2, pair[1]), lang, bool(common)) \
            if r1 or r2 else []
        return {**step, "text": "known", "diff": diffs, "ladder_languages": list(pair), "changes": changes}
