"""The domain layer: positions across acts, duties, knowledge and structured qualification requirements, and
the findings. Every statement is traced to the expression and span it was read from.

The text is read in the parse layer: a part's ladder of rungs and its list items are part of the document
model (``Node.rungs``, ``Node.items``), so this layer maps them to triples, compares the structured values
of texts and acts, and links knowledge to the curated acts (data/curated/acts.toml).
"""

from __future__ import annotations

import hashlib
import re
import tomllib
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import partial
from itertools import combinations
from pathlib import Path

from rdflib import Literal, URIRef

from zangraph.errors import SourceError
from zangraph.graph.build import Builder
from zangraph.graph.positions import Position, characterising, positions
from zangraph.model.document import REQUIREMENT_ROLES, Finding, FindingKind, Node, Place, Role
from zangraph.model.ids import FrbrUri, ancestors, number_token, slug
from zangraph.model.requirements import Rung
from zangraph.model.vocabulary import (
    CATEGORIES,
    DCTERMS,
    EDUCATION_LEVELS,
    ELI,
    ESCO,
    ISCO,
    PROV,
    RDF,
    RDFS,
    SKILL_LEVELS,
    SKOS,
    ZG,
)
from zangraph.timeline.assemble import Timeline, Version


@dataclass(frozen=True)
class KnownAct:
    key: str
    type: str
    titles: dict[str, str]
    patterns: dict[str, re.Pattern[str]]
    year: int | None = None
    number: str | None = None


def load_toml(path: Path, table: str, required: tuple[str, ...]) -> list[dict]:
    if not path.is_file():
        raise SourceError(str(path), "curated file not found", expected=f"a TOML file with [[{table}]] entries")
    entries = tomllib.loads(path.read_text(encoding="utf-8")).get(table, [])
    for i, entry in enumerate(entries, start=1):
        missing = [k for k in required if k not in entry]
        if missing:
            raise SourceError(str(path), f"{table} entry {i} lacks {', '.join(missing)}", expected=", ".join(required))
    return entries


def known_acts(curated: Path) -> list[KnownAct]:
    out = []
    for e in load_toml(curated / "acts.toml", "act", ("id", "type", "title", "match")):
        out.append(KnownAct(e["id"], e["type"], e["title"],
                            {lang: re.compile(p, re.IGNORECASE) for lang, p in e["match"].items()},
                            e.get("year"), e.get("number")))
    return out


def act_named(item: str, language: str, acts: list[KnownAct]) -> KnownAct | None:
    """The curated act a knowledge item names, by the patterns curated for its language, if one does.

    This is linking, not reading: the document model keeps the item as the text gives it, whatever is
    curated, and the curated file decides which of the acts a text names are entities of the graph.
    """
    return next((a for a in acts if language in a.patterns and a.patterns[language].search(item)), None)


def _rung_differences(timeline: Timeline, v: Version, a: str, b: str) -> list[Finding]:
    found = []
    for ra, rb in zip(v.texts[a].rungs, v.texts[b].rungs, strict=False):
        diffs = [f"{name} {_value(ra, name)} in {a}, {_value(rb, name)} in {b}"
                 for name in _COMPARED if _value(ra, name) != _value(rb, name)]
        if diffs:
            na, nb = v.texts[a], v.texts[b]
            pa = [na, *na.children][ra.paragraph]
            pb = [nb, *nb.children][rb.paragraph]
            files = v.sources
            found.append(Finding(FindingKind.REQUIREMENT_DISCREPANCY, str(timeline.act),
                                 f"{v.eid} rung {ra.index} ({ra.category}): " + "; ".join(diffs),
                                 (Place(files[a], pa.eid, pa.span), Place(files[b], pb.eid, pb.span)),
                                 (ra.text, rb.text)))
    return found


def _requirement_parts(timeline: Timeline, eid: str) -> list[str]:
    """The part that states a position's requirements: the part itself (a point of requirements), or the point
    of requirements of a section."""
    def states(work: str) -> bool:
        return any(n.role in REQUIREMENT_ROLES for v in timeline.versions.get(work, ()) for n in v.texts.values())

    if states(eid):
        return [eid]
    return [w for w in timeline.versions if ancestors(w)[-1:] == [eid] and states(w)]


def _overlap(a: Version, b: Version) -> tuple[date, date | None] | None:
    """The days two versions both apply, if any."""
    start = max(a.start.date, b.start.date)
    ends = [v.end.date for v in (a, b) if v.end is not None]
    end = min(ends) if ends else None
    return (start, end) if end is None or start < end else None


def _conflicts(position: str, ta: Timeline, va: Version, tb: Timeline, vb: Version) -> list[Finding]:
    """The differences between two versions of two acts' requirements, in each language both texts give."""
    return [f for lang in ("ru", "kk", "en") if lang in va.texts and lang in vb.texts
            for f in _conflicts_in(position, ta, va, tb, vb, lang)]


def _conflicts_in(position: str, ta: Timeline, va: Version, tb: Timeline, vb: Version, lang: str) -> list[Finding]:
    start, end = _overlap(va, vb)  # type: ignore[misc]
    when = f"from {start.isoformat()}" + (f" to {end.isoformat()}" if end else "")
    ra = {(_plain(r.skill_level), _plain(r.category)): r for r in va.texts[lang].rungs}
    rb = {(_plain(r.skill_level), _plain(r.category)): r for r in vb.texts[lang].rungs}
    na, nb = va.texts[lang], vb.texts[lang]
    found = []
    for key in [k for k in ra if k in rb]:
        x, y = ra[key], rb[key]
        diffs = [f"{name} {_value(x, name)} in {ta.act.key}, {_value(y, name)} in {tb.act.key}"
                 for name in _COMPARED if _value(x, name) != _value(y, name)]
        if diffs:
            px, py = [na, *na.children][x.paragraph], [nb, *nb.children][y.paragraph]
            found.append(Finding(
                FindingKind.REQUIREMENT_CONFLICT, str(ta.act),
                f"{position} {when}: {ta.act.key} {va.eid} and {tb.act.key} {vb.eid}, {lang} texts, rung "
                f"{key[0]}/{key[1]}: " + "; ".join(diffs),
                (Place(va.sources[lang], px.eid, px.span), Place(vb.sources[lang], py.eid, py.span)),
                (x.text, y.text)))
    only = sorted(set(ra) ^ set(rb), key=str)
    if only:
        found.append(Finding(
            FindingKind.REQUIREMENT_CONFLICT, str(ta.act),
            f"{position} {when}: {ta.act.key} {va.eid} and {tb.act.key} {vb.eid}, {lang} texts: rungs "
            f"{', '.join(f'{k[0]}/{k[1]}' for k in only)} are set by one act only",
            (Place(va.sources[lang], na.eid, na.span), Place(vb.sources[lang], nb.eid, nb.span)), (na.text, nb.text)))
    return found


class Domain:
    def __init__(self, builder: Builder, curated: Path):
        self.b = builder
        self.ids = builder.ids
        self.add = builder.data.add
        self.curated = curated
        self.acts = known_acts(curated)
        self.position_list: list[Position] = []  # set by positions()

    def act_iri(self, known: KnownAct) -> URIRef:
        if known.year and known.number:
            return self.ids.of(FrbrUri.act(known.type, known.year, number_token(str(known.number))))
        return self.ids.named_act(known.key)

    def build(self) -> None:
        self.b.progress("known acts")
        self.known_acts()
        self.b.progress("positions")
        self.positions()
        self.b.progress("duties, knowledge and requirements")
        for timeline in self.b.timelines.values():
            self.versions(timeline)
        self.b.progress("findings")
        self.findings()

    # -- curated entities ------------------------------------------------------------------------------

    def known_acts(self) -> None:
        g = self.b.g_curated
        for known in self.acts:
            iri = self.act_iri(known)
            self.add(g, iri, RDF.type, ELI.LegalResource)
            for lang, title in known.titles.items():
                self.add(g, iri, DCTERMS.title, Literal(title, lang=lang))
            self.add(g, iri, RDFS.comment, Literal(f"named as knowledge to have; {self.curated.name}/acts.toml"))

    def positions(self) -> None:
        g = self.b.g_domain
        scheme = self.ids.position("")  # the scheme of positions: <base>/position/
        self.add(g, scheme, RDF.type, SKOS.ConceptScheme)
        self.add(g, scheme, SKOS.prefLabel, Literal("Positions", lang="en"))
        self.add(g, scheme, SKOS.prefLabel, Literal("Должности", lang="ru"))
        parts = characterising((self.b.act_of(d), d, partial(self.b.timelines[self.b.act_of(d)].work, d.source.file))
                               for d in self.b.corpus.documents)
        curated = load_toml(self.curated / "positions.toml", "position", ("id", "part"))
        self.position_list = positions(parts, curated, self.b.find_act, str(self.curated / "positions.toml"))
        for position in self.position_list:
            iri = self.ids.position(position.key)
            self.add(g, iri, RDF.type, ZG.Position)
            self.add(g, iri, RDF.type, SKOS.Concept)
            self.add(g, iri, SKOS.inScheme, scheme)
            preferred, alternative = position.labels()
            for lang, title in preferred.items():
                self.add(g, iri, SKOS.prefLabel, Literal(title, lang=lang))
            for lang, titles in alternative.items():
                for title in titles:
                    self.add(g, iri, SKOS.altLabel, Literal(title, lang=lang))
            if position.isco:
                self.add(g, iri, RDF.type, ESCO.Occupation)
                self.add(g, iri, SKOS.broader, ISCO[position.isco])
            for part, act, eid, reason in position.parts:
                work = self.b.work(act, eid)
                self.add(g, iri, ZG.characterisedBy, work)
                self.add(g, iri, ZG.alignmentReason, Literal(f"{act.key} {eid}: {reason}", lang="en"))
                card = part.card if part else None
                if card is not None:
                    code = next((f.text for f in card.children if f.role is Role.CODE), None)
                    level = next((f.text for f in card.children if f.role is Role.SQF_LEVEL), None)
                    if code:
                        self.add(g, work, ZG.professionCode, Literal(code))
                    if level:
                        self.add(g, work, ZG.sqfLevel, Literal(level))

    # -- per version ------------------------------------------------------------------------------------

    def versions(self, timeline: Timeline) -> None:
        act = timeline.act
        for eid, versions in timeline.versions.items():
            for v in versions:
                version = self.b.version_iri(act, eid, v.key)
                for lang, node in v.texts.items():
                    expr = self.b.expression_iri(act, eid, v.key, lang)
                    nth = partial(self.b.expression_iri, act, eid, v.key, lang)
                    if node.role in REQUIREMENT_ROLES:
                        self.requirements(node, lang, expr, version, nth)
                    elif node.role is Role.DUTIES:
                        self.items(node, lang, expr, version, nth, "duty", ZG.Duty, ZG.duty)
                    elif node.role is Role.KNOWLEDGE:
                        self.items(node, lang, expr, version, nth, "knowledge", ZG.KnowledgeRequirement,
                                   ZG.knowledge)

    def requirements(self, node: Node, lang: str, expr: URIRef, version: URIRef, nth) -> None:
        """The ladder the part's text states, rung by rung, each derived from the paragraph it was read from."""
        g, add = self.b.g_domain, self.add
        paragraphs = [node, *node.children]
        for rung in node.rungs:
            iri = nth(("rung", rung.index))
            add(g, iri, RDF.type, ZG.QualificationRequirement)
            add(g, iri, ZG.requirementOf, version)
            add(g, iri, ZG.expressedIn, expr)
            add(g, iri, ZG.rung, Literal(rung.index))
            add(g, iri, RDF.value, Literal(rung.text, lang=lang))
            add(g, iri, PROV.wasDerivedFrom, self.b.span(self.b.g_domain, paragraphs[rung.paragraph].span))
            if rung.skill_level:
                add(g, iri, ZG.skillLevel, SKILL_LEVELS[rung.skill_level])
            if rung.category:
                add(g, iri, ZG.category, CATEGORIES[rung.category])
                add(g, iri, ZG.categoryLabel, Literal(rung.label, lang=lang))
            for level in rung.education_levels:
                add(g, iri, ZG.educationLevel, EDUCATION_LEVELS[level])
            for field_ in rung.education_fields:
                add(g, iri, ZG.educationField, Literal(field_.value))
            if rung.min_experience_years is not None:
                add(g, iri, ZG.minExperienceYears, Literal(rung.min_experience_years))
            if rung.prior_role:
                add(g, iri, ZG.priorRole, Literal(rung.prior_role, lang=lang))
            if rung.prior_category:
                add(g, iri, ZG.priorCategory, CATEGORIES[rung.prior_category])
            for alternative in rung.alternatives:
                add(g, iri, ZG.alternative, Literal(alternative, lang=lang))

    def items(self, node: Node, lang: str, expr: URIRef, version: URIRef, nth, name: str, cls: URIRef,
              prop: URIRef) -> None:
        """The part's list items in order; a knowledge item is about a curated act it names, else a topic."""
        g, add = self.b.g_domain, self.add
        for k, item in enumerate(node.items, start=1):
            iri = nth((name, k))
            add(g, iri, RDF.type, cls)
            add(g, version, prop, iri)
            add(g, iri, ZG.ordinal, Literal(k))
            add(g, iri, ZG.expressedIn, expr)
            add(g, iri, RDF.value, Literal(item.text, lang=lang))
            add(g, iri, PROV.wasDerivedFrom, self.b.span(g, item.span))
            if name == "knowledge":
                known = act_named(item.text, lang, self.acts)
                if known is not None:
                    add(g, iri, ZG.aboutAct, self.act_iri(known))
                else:
                    topic = self.ids.topic(_topic_key(item.text, lang))
                    add(g, iri, ZG.aboutTopic, topic)
                    add(g, topic, RDF.type, ZG.Topic)
                    add(g, topic, SKOS.prefLabel, Literal(item.text.rstrip(";. "), lang=lang))

    # -- findings ----------------------------------------------------------------------------------------

    def findings(self) -> None:
        timelines = [f for t in self.b.timelines.values() for f in t.findings]
        for finding in (*self.b.corpus.findings, *timelines, *self.requirement_discrepancies(),
                        *self.requirement_conflicts()):
            self.finding(finding)

    def requirement_discrepancies(self) -> list[Finding]:
        """Rungs of two language texts of one version that say different things."""
        found = []
        for timeline in self.b.timelines.values():
            for versions in timeline.versions.values():
                for v in versions:
                    langs = sorted(v.texts)
                    if len(langs) < 2 or v.texts[langs[0]].role not in REQUIREMENT_ROLES:
                        continue
                    for a, b in combinations(langs, 2):
                        found.extend(_rung_differences(timeline, v, a, b))
        return found

    def requirement_conflicts(self) -> list[Finding]:
        """Two acts in force on the same day that set a position's requirements, compared rung by rung (skill
        level and category) in a language both give; every difference is a finding."""
        found = []
        for position in self.position_list:
            holders = [(act, work) for _, act, eid, _ in position.parts if act in self.b.timelines
                       for work in _requirement_parts(self.b.timelines[act], eid)]
            for (act_a, a), (act_b, b) in combinations(holders, 2):
                if act_a == act_b:
                    continue
                ta, tb = self.b.timelines[act_a], self.b.timelines[act_b]
                for va in ta.versions[a]:
                    for vb in tb.versions[b]:
                        if _overlap(va, vb):
                            found.extend(_conflicts(position.key, ta, va, tb, vb))
        return found

    def finding(self, finding: Finding) -> URIRef:
        g, add = self.b.g_findings, self.add
        places = "|".join(f"{p.file}:{p.eid}" for p in finding.places)
        key = f"{finding.kind.value}-{hashlib.sha1(places.encode()).hexdigest()[:12]}"
        iri = self.ids.finding(key)
        add(g, iri, RDF.type, ZG.Finding)
        add(g, iri, ZG.findingKind, ZG[finding.kind.value])
        add(g, iri, RDFS.comment, Literal(finding.message, lang="en"))
        # The act of the text the finding is in, where it names one: that text's header dates the act.
        texts = [self.b.act_by_file[p.file] for p in finding.places if p.file in self.b.act_by_file]
        act = texts[0] if texts else self.b.acts.get(finding.act) or FrbrUri.parse(finding.act)
        add(g, iri, ZG.about, self.b.act_iri(act))
        for place in finding.places:
            if place.eid:
                about = self.b.part_in_text(place.file, place.eid) if place.file in self.b.act_by_file \
                    else self.b.work(act, place.eid)
                add(g, iri, ZG.about, about)
            if place.span:
                add(g, iri, PROV.wasDerivedFrom, self.b.span(g, place.span))
        for text in finding.evidence:
            add(g, iri, ZG.evidenceText, Literal(text))
        return iri


_COMPARED = ("skill_level", "category", "education_levels", "education_fields", "min_experience_years",
             "prior_category", "alternatives")


def _plain(value: object) -> object:
    """A model code as the plain word messages and comparisons use ("higher", not the enum's repr), a tuple of
    codes as a tuple of words.

    >>> from zangraph.model.requirements import EducationLevel
    >>> _plain((EducationLevel.HIGHER,)), _plain(EducationLevel.HIGHER), _plain(None)
    (('higher',), 'higher', None)
    """
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    return value.value if isinstance(value, StrEnum) else value


def _value(rung: Rung, name: str) -> object:
    """What is compared across languages: the structured values, and for alternatives only whether the rung
    has one (their words are in different languages)."""
    value = getattr(rung, name)
    return bool(value) if name == "alternatives" else _plain(value)


def _topic_key(text: str, lang: str) -> str:
    words = slug(text)[:60].strip("-")
    if lang == "en" and words:
        return words
    return f"{lang}-{hashlib.sha1(text.rstrip(';. ').lower().encode()).hexdigest()[:12]}"
