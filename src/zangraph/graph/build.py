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

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node as Term

from zangraph.model.document import ChangeKind, Document, Node, NodeKind, Note, Span, TargetKind
from zangraph.model.ids import ActNames, FrbrUri, Ids, ancestors
from zangraph.model.vocabulary import ACT_TYPES, DCTERMS, ELI, LANGUAGES, PROV, RDF, RDFS, TIME, XSD, ZG
from zangraph.parse.corpus import Corpus
from zangraph.resources import ONTOLOGY
from zangraph.timeline.assemble import (
    Boundary,
    Event,
    Timeline,
    Version,
    act_names,
    act_uri,
    assemble,
    registrations,
    words,
)

EVENT_KINDS = {
    ChangeKind.NEW_WORDING: ZG.NewWording, ChangeKind.CHANGED: ZG.Change, ChangeKind.SUPPLEMENTED: ZG.Insertion,
    ChangeKind.EXCLUDED: ZG.Exclusion, ChangeKind.INVALIDATED: ZG.Invalidation, ChangeKind.ABOLISHED: ZG.Abolition,
    ChangeKind.ANNOUNCED: ZG.ProspectiveChange,
}


def event_kind(e: Event) -> URIRef:
    if e.change is ChangeKind.NEW_WORDING and e.target_kind is TargetKind.HEADING:
        return ZG.HeadingRevision
    return EVENT_KINDS[e.change]


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
        self.notes: set[URIRef] = set()
        self.g_curated = ids.graph("curated")
        self.g_domain = ids.graph("domain")
        self.g_findings = ids.graph("findings")
        self.names: ActNames = act_names(list(corpus.documents))
        # Each text's act, by file: the manifest's path names the act and the header dates it, so two texts
        # under one path may be texts of two acts (two orders No 73 of one year). Findings and curated files
        # name an act by its manifest path or by its own.
        self.act_by_file: dict[str, FrbrUri] = {}
        self.acts: dict[str, FrbrUri] = {}
        for doc in corpus.documents:
            uri = act_uri(doc, self.names)
            self.act_by_file[doc.source.file] = uri
            self.acts.setdefault(doc.source.act, uri)
            self.acts[str(uri)] = uri
        self.corpus_acts = {uri.key for uri in self.acts.values()}
        self.language_of = {doc.source.file: doc.source.language for doc in corpus.documents}
        self.timelines: dict[FrbrUri, Timeline] = {}
        self.boundaries: dict[str, date] = {}
        self.expressions: dict[tuple[FrbrUri, str, str], URIRef] = {}  # (act, eid, language) -> expression

    # -- identifiers ---------------------------------------------------------------------------------------

    def act_iri(self, uri: FrbrUri) -> URIRef:
        return self.ids.of(uri.work)

    def act_of(self, doc: Document) -> FrbrUri:
        return self.act_by_file[doc.source.file]

    def find_act(self, key: str) -> FrbrUri | None:
        """The corpus act a key names ("order-2001-17", or with its full date), None if the corpus has none."""
        wanted = FrbrUri.from_key(key)
        for uri in self.acts.values():
            if (uri.type, uri.number) == (wanted.type, wanted.number) and (
                    uri.date.startswith(wanted.date) or wanted.date.startswith(uri.date)):
                return uri
        return None

    def work(self, act: FrbrUri, eid: str) -> URIRef:
        return self.ids.of(act.part(eid))

    def part_in_text(self, file: str, eid: str) -> URIRef:
        """The part a text names by its document eId, in the wording that text gives."""
        act = self.act_by_file[file]
        return self.work(act, self.timelines[act].work(file, eid))

    def version_iri(self, act: FrbrUri, eid: str, key: str) -> URIRef:
        return self.ids.of(act.part(eid).at(key))

    def expression_iri(self, act: FrbrUri, eid: str, key: str, language: str, item: tuple[str, int] | None = None
                       ) -> URIRef:
        uri = act.part(eid).at(key).expressed_in(language)
        return self.ids.of(uri.nth(*item) if item else uri)

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
        by_act: dict[FrbrUri, list[Document]] = defaultdict(list)
        for doc in self.corpus.documents:
            by_act[self.act_of(doc)].append(doc)
        registered = registrations(list(self.corpus.documents), self.names)
        for act, docs in by_act.items():
            self.progress(f"timeline of {act}")
            self.timelines[act] = assemble(docs, self.published, self.names, registered)
        for doc in self.corpus.documents:
            self.progress(f"source {doc.source.file}")
            self.source_graph(doc, self.timelines[self.act_of(doc)])
        for act, timeline in self.timelines.items():
            self.progress(f"time layer of {act}")
            self.time_graph(by_act[act], timeline)
        return self.data

    # -- one source text ---------------------------------------------------------------------------------

    def source_graph(self, doc: Document, timeline: Timeline) -> None:
        g = self.ids.graph(f"source/{doc.source.file}")
        add = self.data.add
        lang = doc.source.language
        uri = self.act_of(doc)
        act = self.act_iri(uri)
        h = doc.header
        w = self.g_works
        add(w, act, RDF.type, ELI.LegalResource)
        add(w, act, ELI.type_document, ACT_TYPES.get(h.act_type, ACT_TYPES["order"]))
        add(w, act, ELI.number, Literal(h.number))
        if h.date is not None:
            add(w, act, ELI.date_document, _date(h.date))
        if h.registration_number:
            add(w, act, ZG.registrationNumber, Literal(h.registration_number))
        if h.registration_date:
            add(w, act, ZG.registrationDate, _date(h.registration_date))
        add(w, act, ZG.documentKind, ZG[doc.kind.value])
        # ELI gives eli:title to expressions; an act (a work) is titled with Dublin Core.
        add(g, act, DCTERMS.title, Literal(doc.title, lang=lang))
        if h.issuer:
            add(g, act, ZG.issuer, Literal(h.issuer, lang=h.language or lang))
        source = self.ids.graph(f"source/{doc.source.file}")
        add(g, source, RDF.type, ZG.SourceText)
        add(g, source, ZG.snapshotOf, act)
        add(g, source, ZG.sourceLanguage, LANGUAGES[lang])
        if doc.source.version_date:
            add(g, source, ZG.consolidatedAt, _date(doc.source.version_date))
        add(g, source, PROV.wasDerivedFrom, self.span(g, Span(doc.source.file, 1, 1, 0, 0, doc.source.sha256)))
        for part in doc.parts:
            if part.kind not in (NodeKind.CONCLUSIONS, NodeKind.APPROVAL):
                self.part(g, doc, timeline, uri, act, part)
        for note in doc.notes:
            self.note(g, doc, note)
        if doc.legal_basis:
            preamble = self.expressions.get((uri, "preamble", lang))
            if preamble is not None:
                add(g, preamble, ZG.legalBasis, Literal(doc.legal_basis, lang=lang))

    def part(self, g: URIRef, doc: Document, timeline: Timeline, act: FrbrUri, parent: URIRef, node: Node) -> None:
        add = self.data.add
        eid = timeline.work(doc.source.file, node.eid)  # in the wording of its restated parts this text gives
        work = self.work(act, eid)
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
        for version in timeline.versions[eid]:
            witnesses = version.witnesses.get(lang, ())
            if not any(wt.file == doc.source.file for wt in witnesses):
                continue
            expr = self.expression_iri(act, eid, version.key, lang)
            if witnesses[0].file != doc.source.file:
                # Another snapshot of this language is the version's text; this one confirms it, word for word.
                if words(witnesses[0].node) == words(node):
                    add(g, expr, PROV.wasDerivedFrom, self.span(g, node.span))
                continue
            self.expressions.setdefault((act, eid, lang), expr)
            add(g, expr, RDF.type, ELI.LegalExpression)
            add(g, expr, ELI.realizes, self.version_iri(act, eid, version.key))
            add(g, expr, ELI.language, LANGUAGES[lang])
            if node.text:
                add(g, expr, ZG.text, Literal(node.text, lang=lang))
            if node.heading:
                add(g, expr, ZG.heading, Literal(node.heading, lang=lang))
            if node.label:
                add(g, expr, RDFS.label, Literal(node.label, lang=lang))
            for k, cell in enumerate(node.cells, start=1):
                add(g, expr, ZG.cell, Literal(f"{k}\t{cell}", lang=lang))
            add(g, expr, PROV.wasDerivedFrom, self.span(g, node.span))
        for child in node.children:
            self.part(g, doc, timeline, act, work, child)

    def note(self, g: URIRef, doc: Document, note: Note) -> URIRef:
        iri = self.ids.note(note.span.file, note.span.first_line)
        if iri in self.notes:  # the metadata of an act, shared by its texts: described once
            return iri
        self.notes.add(iri)
        add = self.data.add
        add(g, iri, RDF.type, ZG.Note)
        add(g, iri, ZG.noteKind, Literal(note.kind.value))
        add(g, iri, RDF.value, Literal(note.text, lang=doc.source.language))
        add(g, iri, PROV.wasDerivedFrom, self.span(g, note.span))
        if not note.understood:
            add(g, iri, ZG.understood, Literal(False))
        return iri

    # -- the time layer ----------------------------------------------------------------------------------

    def boundary(self, key: str, b: Boundary) -> str:
        """One boundary per act taking effect (or per exception); the first wording of its rule is kept
        (events are visited in a fixed order), the others stay in the notes that are the events' evidence.
        An act whose notes give it rules that fall on different days gets one boundary per day. Returns the
        boundary's key."""
        g, add = self.g_time, self.data.add
        if key in self.boundaries and self.boundaries[key] != b.date:
            key = f"{key}~{b.date.isoformat()}"
        iri = self.ids.boundary(key)
        if key in self.boundaries:
            return key
        self.boundaries[key] = b.date
        rule = self.ids.rule(key)
        add(g, iri, RDF.type, ZG.Boundary)
        add(g, iri, TIME.inXSDDate, _date(b.date))
        add(g, iri, ZG.certainty, ZG.exact if b.certainty == "exact" else ZG.estimated)
        add(g, iri, ZG.rule, rule)
        add(g, iri, ZG.anchor, self.act_iri(b.anchor))
        if b.certainty == "estimated":
            add(g, iri, ZG.earliestDate, _date(b.date))
        add(g, rule, RDF.type, ZG.EntryIntoForceRule)
        add(g, rule, RDFS.comment, Literal(b.rule.text))
        add(g, rule, ZG.ruleKind, ZG[b.rule.kind.value])
        if b.rule.days is not None:
            add(g, rule, ZG.days, Literal(b.rule.days))
        if b.rule.date is not None:
            add(g, rule, ZG.fixedDate, _date(b.rule.date))
        return key

    def event(self, e: Event) -> tuple[URIRef, str]:
        g, add = self.g_time, self.data.add
        target_act = self.act_iri(e.target_act)
        acting = self.act_iri(e.acting)
        iri = self.ids.event(e.acting.key, e.target_act.key, e.target_work, e.name)
        target = self.work(e.target_act, e.target_work) if e.target_work else target_act
        add(g, iri, RDF.type, ZG.Event)
        add(g, iri, ZG.eventKind, event_kind(e))
        add(g, iri, ZG.actingAct, acting)
        add(g, iri, ZG.target, target)
        key = self.boundary(e.acting.key, e.effective)
        add(g, iri, ZG.effective, self.ids.boundary(key))
        for _, note in e.evidence:
            add(g, iri, ZG.evidence, self.ids.note(note.span.file, note.span.first_line))
        for language in e.languages:
            add(g, iri, ZG.changesLanguage, LANGUAGES[language])
        if e.acting.key not in self.corpus_acts:  # a corpus act is described by its own texts
            ref = e.acting_ref
            add(g, acting, RDF.type, ELI.LegalResource)
            add(g, acting, ELI.type_document, ACT_TYPES.get(ref.type, ACT_TYPES["order"]))
            add(g, acting, ELI.number, Literal(ref.number))
            add(g, acting, ELI.date_document, _date(ref.date))
            # The acting act's own entry into force is the boundary its events take effect at.
            self.entry_into_force(e.acting, None, e.effective)
            if ref.issuer:
                add(g, acting, ZG.issuer, Literal(ref.issuer, lang=self.language_of[e.evidence[0][0]]))
        if e.change is ChangeKind.ABOLISHED:
            add(g, acting, ELI.repeals, target_act)
            add(g, target_act, ELI.repealed_by, acting)
            add(g, target_act, ELI.date_no_longer_in_force, _date(e.effective.date))
        else:
            add(g, acting, ELI.amends, target_act)
            add(g, target_act, ELI.amended_by, acting)
            add(g, acting, ELI.changes, target)
        return iri, key

    def entry_into_force(self, act: FrbrUri, eid: str | None, b: Boundary,
                         evidence: tuple[tuple[str, Note], ...] = ()) -> tuple[URIRef, str]:
        """The act's own entry into force, or that of a part with its own date (an exception)."""
        g, add = self.g_time, self.data.add
        key = act.key
        iri = self.ids.event(key, key, eid, "entry_into_force")
        add(g, iri, RDF.type, ZG.Event)
        add(g, iri, ZG.eventKind, ZG.EntryIntoForce)
        add(g, iri, ZG.actingAct, self.act_iri(act))
        add(g, iri, ZG.target, self.work(act, eid) if eid else self.act_iri(act))
        boundary = self.boundary(f"{key}~{eid}" if eid else key, b)
        add(g, iri, ZG.effective, self.ids.boundary(boundary))
        for _, note in evidence:
            add(g, iri, ZG.evidence, self.ids.note(note.span.file, note.span.first_line))
        return iri, boundary

    def time_graph(self, docs: list[Document], timeline: Timeline) -> None:
        g, add = self.g_time, self.data.add
        act = timeline.act
        restating = tuple((d.source.file, n) for d in docs for n in d.notes if n.entry_into_force or
                          (n.understood and not n.effects))
        eif, eif_key = self.entry_into_force(act, None, timeline.entry_into_force, restating)
        add(g, self.act_iri(act), ELI.first_date_entry_in_force, _date(timeline.entry_into_force.date))
        made: dict[str, tuple[URIRef, str]] = {e.key: self.event(e) for e in timeline.events}
        exceptions: dict[str, tuple[URIRef, str]] = {}
        for eid, versions in timeline.versions.items():
            for v in versions:
                self.version(act, eid, v, timeline, made, (eif, eif_key), exceptions)

    def version(self, act: FrbrUri, eid: str, v: Version, timeline: Timeline, made: dict[str, tuple[URIRef, str]],
                eif: tuple[URIRef, str], exceptions: dict[str, tuple[URIRef, str]]) -> None:
        g, add = self.g_time, self.data.add
        work = self.work(act, eid)
        iri = self.version_iri(act, eid, v.key)
        add(g, iri, RDF.type, ZG.Version)
        add(g, iri, ZG.versionOf, work)
        if v.event is not None:
            event, start = made[v.event.key]
        elif v.start is timeline.entry_into_force:
            event, start = eif
        else:  # an entry-into-force exception of this part or an ancestor
            owner = next(e for e in _lineage(eid) if e in timeline.exceptions)
            if owner not in exceptions:
                exceptions[owner] = self.entry_into_force(act, owner, v.start)
            event, start = exceptions[owner]
        add(g, iri, ZG.madeBy, event)
        add(g, iri, ZG.validFrom, self.ids.boundary(start))
        add(g, iri, ZG.start, _date(v.start.date))
        if v.end is not None:
            ending = next((made[e.key][1] for e in timeline.events if e.effective is v.end), None)
            add(g, iri, ZG.validUntil, self.ids.boundary(ending) if ending else None)
            add(g, iri, ZG.end, _date(v.end.date))
        for lang in timeline.languages:
            if lang in v.witnesses:
                add(g, iri, ELI.is_realized_by, self.expression_iri(act, eid, v.key, lang))
            else:
                add(g, iri, ZG.textUnavailableIn, LANGUAGES[lang])


def _lineage(eid: str) -> list[str]:
    return [*ancestors(eid), eid]
