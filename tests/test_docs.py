"""The documentation generated from the code's own files is up to date, and every query has a header."""

from __future__ import annotations

from pathlib import Path

import pytest

from zangraph.graph.docgen import cookbook_md, ontology_html
from zangraph.store import queries

DOCS = Path(__file__).resolve().parents[1] / "docs"


@pytest.mark.unit
def test_generated_docs_are_up_to_date():
    assert (DOCS / "ontology" / "index.html").read_text(encoding="utf-8") == ontology_html(), "run `zangraph docs`"
    assert (DOCS / "cookbook.md").read_text(encoding="utf-8") == cookbook_md(), "run `zangraph docs`"


@pytest.mark.unit
def test_every_query_says_what_it_answers_and_its_parameters():
    for name in queries.names():
        query = queries.load(name)
        assert query.answers, name
        for parameter in query.parameters:
            assert f"?{parameter}" in query.text.split("\n", 1)[1], (name, parameter)


@pytest.mark.unit
def test_every_ontology_term_has_english_and_russian_label_and_definition():
    from rdflib import Graph
    from rdflib.namespace import OWL, RDF, RDFS, SKOS

    from zangraph.model.vocabulary import ZG
    from zangraph.resources import ONTOLOGY

    graph = Graph().parse(ONTOLOGY)
    terms = {s for s in graph.subjects() if str(s).startswith(str(ZG))}
    assert len(terms) > 60
    for term in terms:
        labels = {lit.language for lit in graph.objects(term, RDFS.label)} | \
            {lit.language for lit in graph.objects(term, SKOS.prefLabel)}
        definitions = {lit.language for lit in graph.objects(term, SKOS.definition)}
        assert {"en", "ru"} <= labels, term
        assert {"en", "ru"} <= definitions, term
    assert (None, RDF.type, OWL.Ontology) in graph


@pytest.mark.corpus
def test_every_term_of_the_graph_is_defined_in_the_ontology(built):
    import pyoxigraph as ox
    from rdflib import Graph

    from zangraph.model.vocabulary import ZG
    from zangraph.resources import ONTOLOGY

    defined = {str(s) for s in Graph().parse(ONTOLOGY).subjects()}
    used = {term.value for quad in ox.parse(path=str(built), format=ox.RdfFormat.TRIG)
            for term in (quad.predicate, quad.object) if isinstance(term, ox.NamedNode)
            and term.value.startswith(str(ZG))}
    assert used - defined == set()


@pytest.mark.unit
def test_json_ld_context_names_every_property_and_class():
    import json

    from rdflib import Graph
    from rdflib.namespace import OWL, RDF

    from zangraph.model.vocabulary import ZG
    from zangraph.resources import ONTOLOGY

    context = json.loads((ONTOLOGY.parent / "context.jsonld").read_text(encoding="utf-8"))["@context"]
    graph = Graph().parse(ONTOLOGY)
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in graph.subjects(RDF.type, kind):
            name = str(term).removeprefix(str(ZG))
            entry = context.get(name)
            assert entry is not None, name
            assert (entry if isinstance(entry, str) else entry["@id"]) == f"zg:{name}"
