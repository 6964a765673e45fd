"""The dataset: named graphs built from the parsed corpus, its timelines and the curated facts.

Named graphs (docs/graph.md):
- ``graph/ontology``: the ontology;
- ``graph/works``: the acts and their parts as works, language-independent, merged from every text that has
  them (type, number, date, registration; the tree of parts with eIds, kinds, numbers and roles);
- ``graph/source/<file>``: what one source text says in its language: the act's title and issuer, the
  expressions of the parts with their source spans, its notes;
- ``graph/curated``: curated facts (positions across acts, known acts, publication dates) with citations;
- ``graph/time``: the derived time layer: versions, events, boundaries, rules, relations between acts;
- ``graph/domain``: positions linked to parts, duties, knowledge and structured requirements;
- ``graph/findings``: the findings.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node as Term

from ..corpus import Corpus
from ..ids import Ids
from ..model import ChangeKind, Document, Node, NodeKind, Note, Span
from ..temporal import Boundary, Event, Timeline, Version, assemble
from .namespaces import ELI, LANGUAGES, PROV, RDF, RDFS, RESOURCE_TYPE, TIME, XSD, ZG

ONTOLOGY = Path(__file__).resolve().parents[3] / "ontology" / "zangraph.ttl"

EVENT_KINDS = {
    ChangeKind.NEW_WORDING: ZG.NewWording, ChangeKind.CHANGED: ZG.Change, ChangeKind.SUPPLEMENTED: ZG.Insertion,
    ChangeKind.HEADING_REVISED: ZG.HeadingRevision, ChangeKind.ABOLISHED: ZG.Abolition,
    ChangeKind.PROSPECTIVE: ZG.ProspectiveChange,
}


def _date(d: date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


@dataclass
class Dataset:
    """Triples by named graph. Blank nodes are never used: every resource has an IRI."""

    graphs: dict[URIRef, set[tuple[Term, Term, Term]]] = field(default_factory=lambda: defaultdict(set))

    def add(self, graph: URIRef, s: Term, p: Term, o: Term | None) -> None:
        if o is not None:
            self.graphs[graph].add((s, p, o))

    def __len__(self) -> int:
        return sum(len(t) for t in self.graphs.values())


class Builder:
    def __init__(self, ids: Ids, corpus: Corpus, published: dict[str, date],
                 progress: Callable[[str], None] = lambda _: None):
        self.ids = ids
        self.corpus = corpus
        self.published = published
        self.progress = progress
        self.data = Dataset()
        self.g_time = ids.graph("time")
        self.g_works = ids.graph("works")
        self.spans: set[URIRef] = set()
        self.g_curated = ids.graph("curated")
        self.g_domain = ids.graph("domain")
        self.g_findings = ids.graph("findings")
        self.timelines: dict[str, Timeline] = {}
        self.boundaries: set[str] = set()
        self.expressions: dict[tuple[str, str, str], URIRef] = {}  # (act path, eid, language) -> expression

    # -- identifiers ---------------------------------------------------------------------------------------

    def act(self, type_: str, year: int, number: str) -> URIRef:
        return self.ids.act(type_, year, number)

    def act_of(self, doc: Document) -> URIRef:
        return self.act(doc.header.act_type, doc.header.date.year, doc.header.number)

    def work(self, act: URIRef, eid: str) -> URIRef:
        return self.ids.part(act, eid)

    def span(self, graph: URIRef, span: Span) -> URIRef:
        """A source span, described once, in the first graph that cites it (a statement in two named graphs
        would be seen twice by queries over their union)."""
        iri = self.ids.span(span.file, span.first_line, span.last_line, span.start, span.end)
        if iri in self.spans:
            return iri
        self.spans.add(iri)
        add = self.data.add
        add(graph, iri, RDF.type, ZG.SourceSpan)
        add(graph, iri, ZG.file, Literal(span.file))
        add(graph, iri, ZG.firstLine, Literal(span.first_line))
        add(graph, iri, ZG.lastLine, Literal(span.last_line))
        add(graph, iri, ZG.startOffset, Literal(span.start))
        add(graph, iri, ZG.endOffset, Literal(span.end))
        add(graph, iri, ZG.sha256, Literal(span.sha256))
        return iri

    # -- the whole build -------------------------------------------------------------------------------------

    def build(self) -> Dataset:
        self.progress("ontology")
        onto = Graph().parse(ONTOLOGY)
        for triple in onto:
            self.data.add(self.ids.graph("ontology"), *triple)
        by_act: dict[str, list[Document]] = defaultdict(list)
        for doc in self.corpus.documents:
            by_act[doc.source.act].append(doc)
        for act_path, docs in by_act.items():
            self.progress(f"timeline of {act_path}")
            self.timelines[act_path] = assemble(docs, self.published)
        for doc in self.corpus.documents:
            self.progress(f"source {doc.source.file}")
            self.source_graph(doc, self.timelines[doc.source.act])
        for act_path, timeline in self.timelines.items():
            self.progress(f"time layer of {act_path}")
            self.time_graph(by_act[act_path][0], timeline)
        return self.data

    # -- one source text ---------------------------------------------------------------------------------

    def source_graph(self, doc: Document, timeline: Timeline) -> None:
        g = self.ids.graph(f"source/{doc.source.file}")
        add = self.data.add
        lang = doc.source.language
        act = self.act_of(doc)
        h = doc.header
        w = self.g_works
        add(w, act, RDF.type, ELI.LegalResource)
        add(w, act, ELI.type_document, RESOURCE_TYPE.ORDER)
        add(w, act, ELI.number, Literal(h.number))
        add(w, act, ELI.date_document, _date(h.date))
        if h.registration_number:
            add(w, act, ZG.registrationNumber, Literal(h.registration_number))
        if h.registration_date:
            add(w, act, ZG.registrationDate, _date(h.registration_date))
        add(g, act, ELI.title, Literal(doc.title, lang=lang))
        add(g, act, ZG.issuer, Literal(h.issuer, lang=lang))
        source = self.ids.graph(f"source/{doc.source.file}")
        add(g, source, ZG.snapshotOf, act)
        add(g, source, ELI.language, LANGUAGES[lang])
        add(g, source, PROV.wasDerivedFrom, self.span(g, Span(doc.source.file, 1, 1, 0, 0, doc.source.sha256)))
        for part in doc.parts:
            if part.kind not in (NodeKind.CONCLUSIONS, NodeKind.APPROVAL):
                self.part(g, doc, timeline, act, act, part)
        for note in doc.notes:
            self.note(g, doc, note)
        if doc.legal_basis:
            preamble = self.expressions.get((doc.source.act, "preamble", lang))
            if preamble is not None:
                add(g, preamble, ZG.legalBasis, Literal(doc.legal_basis, lang=lang))

    def part(self, g: URIRef, doc: Document, timeline: Timeline, act: URIRef, parent: URIRef, node: Node) -> None:
        add = self.data.add
        work = self.work(act, node.eid)
        w = self.g_works
        add(w, work, RDF.type, ELI.LegalResourceSubdivision)
        add(w, work, ELI.is_part_of, parent)
        add(w, parent, ELI.has_part, work)
        add(w, work, ZG.eid, Literal(node.eid))
        add(w, work, ZG.partKind, Literal(node.kind.value))
        if node.num:
            add(w, work, ELI.number, Literal(node.num))
        if node.role:
            add(w, work, ZG.role, Literal(node.role.value))
        lang = doc.source.language
        version = next((v for v in timeline.versions[node.eid] if lang in v.texts), None)
        if version is not None:
            expr = self.ids.expression(self.ids.version(work, version.key), lang)
            self.expressions[(doc.source.act, node.eid, lang)] = expr
            add(g, expr, RDF.type, ELI.LegalExpression)
            add(g, expr, ELI.realizes, self.ids.version(work, version.key))
            add(g, expr, ELI.language, LANGUAGES[lang])
            if node.text:
                add(g, expr, ZG.text, Literal(node.text, lang=lang))
            if node.heading:
                add(g, expr, ZG.heading, Literal(node.heading, lang=lang))
            if node.label:
                add(g, expr, RDFS.label, Literal(node.label, lang=lang))
            add(g, expr, PROV.wasDerivedFrom, self.span(g, node.span))
        for child in node.children:
            self.part(g, doc, timeline, act, work, child)

    def note(self, g: URIRef, doc: Document, note: Note) -> URIRef:
        iri = self.ids.note(doc.source.file, note.span.first_line)
        add = self.data.add
        add(g, iri, RDF.type, ZG.Note)
        add(g, iri, ZG.noteKind, Literal(note.kind.value))
        add(g, iri, RDF.value, Literal(note.text, lang=doc.source.language))
        add(g, iri, PROV.wasDerivedFrom, self.span(g, note.span))
        return iri

    # -- the time layer ----------------------------------------------------------------------------------

    def boundary(self, key: str, b: Boundary) -> URIRef:
        """One boundary per act taking effect (or per exception); the first wording of its rule is kept
        (events are visited in a fixed order), the others stay in the notes that are the events' evidence."""
        g, add = self.g_time, self.data.add
        iri = self.ids.boundary(key)
        if key in self.boundaries:
            return iri
        self.boundaries.add(key)
        rule = self.ids.rule(key)
        add(g, iri, RDF.type, ZG.Boundary)
        add(g, iri, TIME.inXSDDate, _date(b.date))
        add(g, iri, ZG.certainty, ZG.exact if b.certainty == "exact" else ZG.estimated)
        add(g, iri, ZG.rule, rule)
        add(g, iri, ZG.anchor, self.act(b.anchor.type, b.anchor.year, b.anchor.number))
        if b.certainty == "estimated":
            add(g, iri, ZG.earliestDate, _date(b.date))
        add(g, rule, RDF.type, ZG.EntryIntoForceRule)
        add(g, rule, RDFS.comment, Literal(b.rule.text))
        if b.rule.days is not None:
            add(g, rule, ZG.days, Literal(b.rule.days))
        if b.rule.date is not None:
            add(g, rule, ZG.fixedDate, _date(b.rule.date))
        return iri

    def event(self, e: Event) -> URIRef:
        g, add = self.g_time, self.data.add
        target_act = self.act(e.target_act.type, e.target_act.year, e.target_act.number)
        acting = self.act(e.acting.type, e.acting.year, e.acting.number)
        iri = self.ids.event(e.acting.key, e.target_act.key, e.target_eid, e.change.value)
        target = self.work(target_act, e.target_eid) if e.target_eid else target_act
        add(g, iri, RDF.type, ZG.Event)
        add(g, iri, ZG.eventKind, EVENT_KINDS[e.change])
        add(g, iri, ZG.actingAct, acting)
        add(g, iri, ZG.target, target)
        add(g, iri, ZG.effective, self.boundary(e.acting.key, e.effective))
        for _, note in e.evidence:
            add(g, iri, ZG.evidence, self.ids.note(note.span.file, note.span.first_line))
        add(g, acting, RDF.type, ELI.LegalResource)
        add(g, acting, ELI.type_document, RESOURCE_TYPE.ORDER)
        add(g, acting, ELI.number, Literal(e.acting.number))
        add(g, acting, ELI.date_document, _date(e.acting_date))
        # The acting act's own entry into force is the boundary its events take effect at.
        self.entry_into_force(acting, e.acting.key, None, e.effective)
        if e.acting_issuer:
            add(g, acting, ZG.issuer, Literal(e.acting_issuer, lang=e.evidence[0][0]))
        if e.change is ChangeKind.ABOLISHED:
            add(g, acting, ELI.repeals, target_act)
            add(g, target_act, ELI.repealed_by, acting)
            add(g, target_act, ELI.date_no_longer_in_force, _date(e.effective.date))
        else:
            add(g, acting, ELI.amends, target_act)
            add(g, target_act, ELI.amended_by, acting)
            add(g, acting, ELI.changes, target)
        return iri

    def entry_into_force(self, act: URIRef, key: str, eid: str | None, b: Boundary) -> URIRef:
        """The act's own entry into force, or that of a part with its own date (an exception)."""
        g, add = self.g_time, self.data.add
        iri = self.ids.event(key, key, eid, "entry_into_force")
        add(g, iri, RDF.type, ZG.Event)
        add(g, iri, ZG.eventKind, ZG.EntryIntoForce)
        add(g, iri, ZG.actingAct, act)
        add(g, iri, ZG.target, self.work(act, eid) if eid else act)
        add(g, iri, ZG.effective, self.boundary(f"{key}~{eid}" if eid else key, b))
        return iri

    def time_graph(self, doc: Document, timeline: Timeline) -> None:
        g, add = self.g_time, self.data.add
        act = self.act_of(doc)
        eif = self.entry_into_force(act, timeline.act.key, None, timeline.entry_into_force)
        add(g, act, ELI.first_date_entry_in_force, _date(timeline.entry_into_force.date))
        made: dict[str, URIRef] = {e.key: self.event(e) for e in timeline.events}
        exceptions: dict[str, URIRef] = {}
        for eid, versions in timeline.versions.items():
            for v in versions:
                self.version(act, eid, v, timeline, made, eif, exceptions)

    def version(self, act: URIRef, eid: str, v: Version, timeline: Timeline, made: dict[str, URIRef],
                eif: URIRef, exceptions: dict[str, URIRef]) -> None:
        g, add = self.g_time, self.data.add
        work = self.work(act, eid)
        iri = self.ids.version(work, v.key)
        add(g, iri, RDF.type, ZG.Version)
        add(g, iri, ZG.versionOf, work)
        if v.event is not None:
            add(g, iri, ZG.madeBy, made[v.event.key])
            start = self.ids.boundary(v.event.acting.key)
        elif v.start is timeline.entry_into_force:
            add(g, iri, ZG.madeBy, eif)
            start = self.ids.boundary(timeline.act.key)
        else:  # an entry-into-force exception of this part or an ancestor
            owner = next(e for e in _lineage(eid) if e in timeline.exceptions)
            if owner not in exceptions:
                exceptions[owner] = self.entry_into_force(act, timeline.act.key, owner, v.start)
            add(g, iri, ZG.madeBy, exceptions[owner])
            start = self.ids.boundary(f"{timeline.act.key}~{owner}")
        add(g, iri, ZG.validFrom, start)
        add(g, iri, ZG.start, _date(v.start.date))
        if v.end is not None:
            end_event = v.end
            key = next((e.acting.key for e in timeline.events if e.effective is end_event), None)
            add(g, iri, ZG.validUntil, self.ids.boundary(key) if key else None)
            add(g, iri, ZG.end, _date(v.end.date))
        for lang in timeline.languages:
            if lang in v.texts:
                add(g, iri, ELI.is_realized_by, self.ids.expression(iri, lang))
            else:
                add(g, iri, ZG.textUnavailableIn, LANGUAGES[lang])


def _lineage(eid: str) -> list[str]:
    pieces = eid.split("__")
    return ["__".join(pieces[:i]) for i in range(1, len(pieces) + 1)]
