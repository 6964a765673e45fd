"""What the service answers about positions: every position, what applied to one on a date (per act part that
characterised it: its version, duties, knowledge and qualification ladder, and how sure and complete the answer
is), and what changed in its ladders between two dates."""

from __future__ import annotations

from datetime import date

from zangraph.errors import NotFound
from zangraph.model.ids import language_of
from zangraph.service import texts as tx
from zangraph.service.boundaries import Boundaries, within
from zangraph.service.changes import ladder_changes
from zangraph.service.models import (
    ActChange,
    ActRef,
    Comparison,
    HeadedPart,
    Knowledge,
    Positions,
    PositionSummary,
    Requirements,
    Source,
)
from zangraph.service.names import Names
from zangraph.service.params import check_lang
from zangraph.service.readers import Row, item, rungs, span, version
from zangraph.store.base import Repository


class PositionAnswers:
    """Answers about positions. An answer about a position is the same on every date between two boundaries of
    the parts linked to it, and a source (an act part) on every date between two of the part's: both are
    worked out once per such interval and language, and kept."""

    def __init__(self, repository: Repository, names: Names, boundaries: Boundaries):
        self._repository = repository
        self._names = names
        self._boundaries = boundaries
        self._positions: list[PositionSummary] | None = None
        self._position_boundaries: dict[str, list[date]] = {}
        self._requirements: dict[tuple[str, int, str], Requirements] = {}
        self._sources: dict[tuple[str, int, str, str], Source] = {}

    def positions(self, q: str | None = None) -> Positions:
        if self._positions is None:
            self._positions = self._all()
        items = self._positions
        if q:
            needle = q.casefold()
            items = [p for p in items if any(needle in t.casefold() for t in p.title.values())
                     or needle in p.id.replace("-", " ")]
        return Positions(positions=items)

    def _all(self) -> list[PositionSummary]:
        parts: dict[str, int] = {}
        titles: dict[str, dict[str, str]] = {}
        for row in self._repository.select("positions"):
            ident = self._names.position_id(row["position"])
            parts.setdefault(ident, row["parts"])
            title = titles.setdefault(ident, {})
            if row["title"]:
                title[row.get("title_lang") or "und"] = row["title"]
        return [PositionSummary(id=ident, title=titles[ident], parts=n) for ident, n in parts.items() if ident]

    def requirements(self, ident: str, at: date, lang: str) -> Requirements:
        check_lang(lang)
        position = self._names.position_iri(ident)
        if not any(p.id == ident for p in self.positions().positions):
            raise NotFound("position", ident)
        # Which acts apply can only change on a boundary of a version of a part linked to the position.
        if position not in self._position_boundaries:
            parts = [r["part"] for r in self._repository.select("position-parts", position=position)]
            self._position_boundaries[position] = self._boundaries.of_all(parts)
        key = (position, within(self._position_boundaries[position], at), lang)
        if key not in self._requirements:
            self._requirements[key] = self._worked_out(ident, position, at, lang)
        kept = self._requirements[key]
        # Kept for the interval: the date is the one asked for.
        return kept if kept.at == at else kept.model_copy(update={"at": at})

    def _worked_out(self, ident: str, position: str, at: date, lang: str) -> Requirements:
        sources = []
        for row in self._repository.select("acts-characterising-position", position=position, at=at):
            key = (row["part"], self._boundaries.interval(row["part"], at), lang, row["version"])
            if key not in self._sources:
                self._sources[key] = self._source(row, at, lang)
            sources.append(self._sources[key])
        estimated = [b for s in sources for b in s.version.estimated_boundaries or []]
        # Complete: the corpus has the text of every act part in force that characterises the position.
        unknown = [s.reason for s in sources if s.text != "known" and s.reason]
        said = {"estimated_because": estimated} if estimated else {}
        if unknown:
            said["incomplete_because"] = unknown
        if not sources:
            said["reason"] = "no act in the graph characterises this position on this date"
        return Requirements(position=ident, at=at, lang=lang, sources=sources,
                            certainty="estimated" if any(s.version.certainty == "estimated" for s in sources)
                            else "exact",
                            completeness="incomplete" if unknown else "complete", **said)

    def _source(self, row: Row, at: date, lang: str) -> Source:
        part = row["part"]
        tree = self._repository.select("part-at", part=part, at=at)
        own = [r for r in tree if r["sub"] == part]
        available = {x: any(r["expression"] and r["expression"].endswith("/" + x) for r in own) for x in tx.LANGS}
        ladder = self._repository.select("requirements-at", part=part, at=at)
        # In the source's order: the parts in document order, each part's list as it gives it.
        items = sorted(self._repository.select("items-at", part=part, at=at),
                       key=lambda r: (tx.order(r["eid"]), r["ordinal"]))
        rung_langs = {language_of(r["expression"]) for r in ladder}
        item_langs = {language_of(r["expression"]) for r in items}
        used = tx.choose(lang, rung_langs | item_langs) if (rung_langs or item_langs) else None
        # In force, but no text of the corpus gives its words (or some of its parts' words) at this date: said so,
        # never left out.
        parts = {r["sub"]: r["eid"] for r in tree}
        missing = sorted({parts[r["sub"]] for r in tree} - {parts[r["sub"]] for r in tree if r["expression"]},
                         key=tx.order)
        known = "unknown" if len(missing) == len(parts) else "partial" if missing else "known"
        act = ActRef(id=self._names.act_id(row["act"]), number=row["number"], date=row["date"])
        shown = HeadedPart(id=self._names.part_id(part), label=tx.label(own[0]["eid"]), heading=tx.heading(own, lang))
        found = version(own[0], self._names)
        said: dict[str, str] = {}
        # Kept for every date of the version's interval: the reason names the version, not the date asked.
        in_force = f"{act.id} {shown.label} was in force (version {found.id})"
        if known == "unknown":
            said["reason"] = f"{in_force}; its text is not in the corpus"
        elif known == "partial":
            said["reason"] = f"{in_force}; the corpus has no text of " + "; ".join(tx.label(e) for e in missing)
        in_used = [r for r in items if r["expression"].endswith("/" + str(used))]
        return Source(act=act, part=shown, version=found, text=known, text_available=available, language=used,
                      fallback=used is not None and used != lang, qualification=rungs(ladder, used),
                      duties=[item(r) for r in in_used if r["type"] == "duty"],
                      knowledge=[self._knowledge(r) for r in in_used if r["type"] == "knowledge"], **said)

    def _knowledge(self, row: Row) -> Knowledge:
        """A thing to know, with the act it names and its topic where the graph has them."""
        return Knowledge(ordinal=row["ordinal"], text=row["text"], span=span(row),
                         act=self._names.act_id(row["aboutAct"]) if row["aboutAct"] else None,
                         topic=self._names.short(row["topic"], "topic") if row["topic"] else None)

    def compare(self, ident: str, first: date, second: date, lang: str) -> Comparison:
        """The position on two dates, and what changed in the ladder of each act from the first to the second (an
        act on one date only: every rung of it added or removed), each change naming its act."""
        a, b = (self.requirements(ident, when, lang) for when in (first, second))
        before = {s.act.id: s for s in a.sources}
        after = {s.act.id: s for s in b.sources}
        changes = []
        for act in [*before, *(x for x in after if x not in before)]:
            old, new = before.get(act), after.get(act)
            same = bool(old and new and old.language == new.language)
            found = ladder_changes(old.qualification if old else [], new.qualification if new else [], lang, same)
            changes += [ActChange(**dict(change), act=act) for change in found]
        return Comparison(position=ident, from_=a, to=b, changes=changes)
