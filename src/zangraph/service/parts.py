"""What the service answers about parts: a part's versions, its text on a date, an act's whole text on a date,
and an honest diff between two dates."""

from __future__ import annotations

import difflib
import itertools
from datetime import date

from zangraph.errors import InvalidParameter, NotFound
from zangraph.model.ids import FrbrUri, language_of
from zangraph.model.vocabulary import ZG
from zangraph.service import texts as tx
from zangraph.service.boundaries import Boundaries
from zangraph.service.changes import ladder_changes
from zangraph.service.models import (
    ActText,
    DiffVersion,
    MadeBy,
    PartAtDate,
    PartDiff,
    PartVersion,
    PartVersions,
    Start,
    Step,
    TextPart,
)
from zangraph.service.names import Names
from zangraph.service.params import check_lang
from zangraph.service.readers import Row, rungs, version
from zangraph.store.base import Repository


def _overlaps(version: PartVersion, start: date, end: date) -> bool:
    """Whether a version (its half-open interval) is in force at some day of [start, end]."""
    return (version.valid_from is None or version.valid_from <= end) and \
        (version.valid_to is None or version.valid_to > start)


class PartAnswers:
    """Answers about parts. An act's whole text is the same on every date between two boundaries of its
    versions: it is worked out once per such interval and language, and kept. A part's text on a date and the
    steps of a diff are kept by the versions they are made of, so that the answers the service keeps for many
    dates or pairs of dates share one copy of each text and diff."""

    def __init__(self, repository: Repository, names: Names, boundaries: Boundaries):
        self._repository = repository
        self._names = names
        self._boundaries = boundaries
        self._act_texts: dict[tuple[str, int, str], ActText] = {}
        self._texts: dict[tuple[str, frozenset[str], str], PartAtDate] = {}
        self._steps: dict[tuple[str, str, str, str], Step] = {}

    def part_versions(self, ident: str) -> PartVersions:
        iri = self._names.part_iri(ident)
        rows = self._repository.select("versions-of-part", part=iri)
        if not rows:
            raise NotFound("part", ident)
        return PartVersions(part=ident, label=tx.label(FrbrUri.from_key(ident).eid or ""),
                            versions=[self._part_version(r) for r in rows])

    def _part_version(self, row: Row) -> PartVersion:
        estimated = ZG + "estimated" in (row["startCertainty"], row["endCertainty"])
        return PartVersion(id=self._names.version_id(row["version"]), valid_from=row["start"], valid_to=row["end"],
                           last_day=tx.last_day(row["end"]), certainty="estimated" if estimated else "exact",
                           start=Start(certainty=tx.local(row["startCertainty"]), rule=row["startRule"]),
                           made_by=MadeBy(event=self._names.short(row["event"], "event"),
                                          kind=tx.snake(tx.local(row["kind"])),
                                          act=self._names.act_id(row["actingAct"])),
                           languages=(row["languages"] or "").split())

    def part(self, ident: str, at: date, lang: str) -> PartAtDate:
        check_lang(lang)
        iri = self._names.part_iri(ident)
        rows = self._repository.select("part-at", part=iri, at=at)
        own = [r for r in rows if r["sub"] == iri]
        if not own:
            if not self._repository.select("versions-of-part", part=iri):
                raise NotFound("part", ident)
            return PartAtDate(part=ident, at=at, status="not_in_force", version=None,
                              reason=f"the part has no version in force on {at.isoformat()}")
        key = (iri, frozenset(r["version"] for r in rows), lang)
        kept = self._texts.get(key)
        if kept is not None:
            return kept if kept.at == at else kept.model_copy(update={"at": at})
        langs = {language_of(r["expression"]) for r in own if r["expression"]}
        used = tx.choose(lang, langs) if langs else None
        self._texts[key] = PartAtDate(
            part=ident, label=tx.label(own[0]["eid"]), at=at, status="in_force", version=version(own[0], self._names),
            text_available={x: x in langs for x in tx.LANGS}, language=used, fallback=used is not None and used != lang,
            text=tx.text(rows, used) if used else None,
            reason=None if used else "in force, text unknown: no text of the corpus gives this version's words in any "
                                     "language")
        return self._texts[key]

    def act_text(self, ident: str, at: date, lang: str) -> ActText:
        """Every part of an act in force on ``at``, in document order, each with its depth, label, heading and
        text in ``lang`` (or, said so, in another language the corpus has), or ``text`` None where the corpus
        gives no words of its version."""
        check_lang(lang)
        act = self._names.act_iri(ident)
        # The same text answers every date between two boundaries of the act's versions: worked out once.
        key = (act, self._boundaries.interval(act, at), lang)
        if key not in self._act_texts:
            self._act_texts[key] = self._act_text(act, at, lang)
        return self._act_texts[key]

    def _act_text(self, act: str, at: date, lang: str) -> ActText:
        by_part: dict[str, list[Row]] = {}
        for r in self._repository.select("part-at", part=act, at=at):
            by_part.setdefault(r["sub"], []).append(r)
        out = []
        # The order's own points first, then its annexes.
        for sub, rows in sorted(by_part.items(), key=lambda item: (item[1][0]["eid"].startswith("att_"),
                                                                   tx.order(item[1][0]["eid"]))):
            eid = rows[0]["eid"]
            langs = {language_of(r["expression"]) for r in rows if r["expression"]}
            used = tx.choose(lang, langs) if langs else None
            own = [r for r in rows if r["expression"] and language_of(r["expression"]) == used]
            out.append(TextPart(id=self._names.part_id(sub), eid=eid, kind=rows[0]["kind"],
                                depth=len(tx.steps(eid)) - 1, label=tx.label(eid, lang),
                                step=tx.label(eid, lang, last=True), version=self._names.version_id(rows[0]["version"]),
                                language=used, fallback=used is not None and used != lang,
                                heading=own[0]["heading"] if own else None, text=own[0]["text"] if own else None,
                                known=bool(own)))
        return ActText(parts=out)

    def diff(self, ident: str, start: date, end: date, lang: str = "en") -> PartDiff:
        """Every version of a part in force at some time from ``start`` to ``end``, in order, each with the event
        that made it, and what changed from each to the next: its text in each language both give, and its
        ladder as structured changes with a sentence in ``lang``. A version whose text the corpus lacks is
        "unknown", and a step to or from it says so instead of inventing additions or removals."""
        check_lang(lang)
        iri = self._names.part_iri(ident)
        timeline = self.part_versions(ident)  # an unknown part is a 404 before anything about the dates
        if start > end:
            raise InvalidParameter("from", start.isoformat(), f"a date on or before to ({end.isoformat()})")
        versions: list[tuple[DiffVersion, dict[str, str]]] = []
        for v in timeline.versions:
            if _overlaps(v, start, end):
                rows = self._repository.select("part-at", part=iri, at=v.valid_from)
                texts = {x: t for x in tx.LANGS if (t := tx.text(rows, x)) is not None}
                versions.append((DiffVersion(**dict(v), text="known" if texts else "unknown"), texts))
        steps = [self._step(iri, a, b, lang) for a, b in itertools.pairwise(versions)]
        at = {when: next((v.id for v, _ in versions if _overlaps(v, when, when)), None) for when in (start, end)}
        return PartDiff(part=ident, label=timeline.label, from_=start, to=end, lang=lang, from_version=at[start],
                        to_version=at[end], versions=[v for v, _ in versions], steps=steps)

    def _step(self, iri: str, a: tuple[DiffVersion, dict[str, str]], b: tuple[DiffVersion, dict[str, str]],
              lang: str) -> Step:
        key = (iri, a[0].id, b[0].id, lang)
        if key not in self._steps:
            self._steps[key] = self._worked_out_step(iri, a, b, lang)
        return self._steps[key]

    def _worked_out_step(self, iri: str, a: tuple[DiffVersion, dict[str, str]], b: tuple[DiffVersion, dict[str, str]],
                         lang: str) -> Step:
        (va, texts_a), (vb, texts_b) = a, b
        unknown = [v.id for v in (va, vb) if v.text == "unknown"]
        if unknown:
            return Step(from_version=va.id, to_version=vb.id, made_by=vb.made_by, date=vb.valid_from, text="unknown",
                        reason="the corpus has no text of " + " or ".join(unknown) + ": what changed cannot be told",
                        diff={}, changes=[])
        diffs = {x: "".join(difflib.unified_diff(texts_a[x].splitlines(keepends=True),
                                                 texts_b[x].splitlines(keepends=True), va.id, vb.id))
                 for x in tx.LANGS if x in texts_a and x in texts_b}
        r1 = self._repository.select("requirements-at", part=iri, at=va.valid_from)
        r2 = self._repository.select("requirements-at", part=iri, at=vb.valid_from)
        # The ladders in one language where both versions have one (the one asked for first), else each in its own.
        langs1, langs2 = ({language_of(r["expression"]) for r in rows} for rows in (r1, r2))
        common = langs1 & langs2
        pair = (tx.choose(lang, common),) * 2 if common else (tx.choose(lang, langs1), tx.choose(lang, langs2))
        changes = ladder_changes(rungs(r1, pair[0]), rungs(r2, pair[1]), lang, bool(common)) if r1 or r2 else []
        return Step(from_version=va.id, to_version=vb.id, made_by=vb.made_by, date=vb.valid_from, text="known",
                    diff=diffs, ladder_languages=list(pair), changes=changes)
