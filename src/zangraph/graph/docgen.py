"""Generated documentation: the ontology reference (HTML) and the SPARQL cookbook (Markdown).

Both are made from the files the code uses (ontology/zangraph.ttl, src/zangraph/store/queries/*.rq) by
``zangraph docs``; a test fails when the committed copies are out of date.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from zangraph.model.vocabulary import ZG
from zangraph.resources import ONTOLOGY
from zangraph.store import queries

LANGS = ("en", "ru", "kk")
KINDS = (("Classes", OWL.Class), ("Object properties", OWL.ObjectProperty),
         ("Datatype properties", OWL.DatatypeProperty))


def _texts(graph: Graph, term: URIRef, prop: URIRef) -> dict[str, str]:
    return {lit.language: str(lit) for lit in graph.objects(term, prop) if getattr(lit, "language", None)}


def _local(term: URIRef) -> str:
    return str(term).rsplit("#", 1)[-1]


def _qname(graph: Graph, term: URIRef) -> str:
    try:
        return graph.namespace_manager.normalizeUri(term)
    except Exception:  # a term with no prefix bound is shown whole
        return f"<{term}>"


def _row(graph: Graph, term: URIRef) -> str:
    labels = _texts(graph, term, RDFS.label) or _texts(graph, term, SKOS.prefLabel)
    definitions = _texts(graph, term, SKOS.definition)
    cells = []
    for lang in LANGS:
        if lang in labels or lang in definitions:
            label, definition = escape(labels.get(lang, "")), escape(definitions.get(lang, ""))
            cells.append(f'<p lang="{lang}"><b>{label}</b> {definition}</p>')
    extra = []
    for prop, name in ((RDFS.subClassOf, "subclass of"), (RDFS.subPropertyOf, "subproperty of"),
                       (RDFS.domain, "domain"), (RDFS.range, "range")):
        for value in sorted(graph.objects(term, prop), key=str):
            extra.append(f"{name} <code>{escape(_qname(graph, value))}</code>")
    return (f'<tr id="{escape(_local(term))}"><td><code>zg:{escape(_local(term))}</code></td>'
            f'<td>{"".join(cells)}{"<p>" + "; ".join(extra) + "</p>" if extra else ""}</td></tr>')


def ontology_html(path: Path = ONTOLOGY) -> str:
    graph = Graph().parse(path)
    head = next(graph.subjects(RDF.type, OWL.Ontology))
    title = _texts(graph, head, URIRef("http://purl.org/dc/terms/title")).get("en", "Ontology")
    parts = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
             f"<title>{escape(title)}</title>",
             "<style>body{font-family:sans-serif;max-width:70em;margin:auto}td{vertical-align:top;"
             "border-top:1px solid #ccc;padding:.3em}p{margin:.2em 0}</style></head><body>",
             f"<h1>{escape(title)}</h1>",
             f"<p>Namespace <code>{escape(str(ZG))}</code>. Generated from ontology/zangraph.ttl by "
             "<code>zangraph docs</code>; do not edit.</p>"]
    for heading, kind in KINDS:
        terms = sorted((t for t in graph.subjects(RDF.type, kind) if str(t).startswith(str(ZG))), key=str)
        parts.append(f"<h2>{heading}</h2><table>")
        parts.extend(_row(graph, t) for t in terms)
        parts.append("</table>")
    concepts = sorted((s for s, o in graph.subject_objects(RDF.type)
                       if str(s).startswith(str(ZG)) and str(o).startswith(str(ZG))), key=str)
    parts.append("<h2>Concepts</h2><table>")
    parts.extend(_row(graph, t) for t in concepts)
    parts.append("</table></body></html>")
    return "\n".join(parts) + "\n"


def cookbook_md() -> str:
    out = ["# SPARQL cookbook", "",
           "The queries the code runs, each a file in `src/zangraph/store/queries/`; this page is generated from them",
           "by `zangraph docs`. Run one on the built dataset with its parameters bound by the store, e.g. in Python:",
           "", "```python", "from datetime import date", "from pathlib import Path",
           "from zangraph.store.oxigraph import EmbeddedStore",
           'store = EmbeddedStore.from_trig(Path("data/build/dataset.trig"))',
           'position = store.select("positions")[0]["position"]  # or any position `zangraph positions` lists',
           'store.select("acts-characterising-position", position=position, at=date.today())',
           "```", "",
           "`BASE` in the examples stands for the base IRI (the setting `base_iri`).", ""]
    for name in queries.names():
        q = queries.load(name)
        out.append(f"## {name}")
        out.append("")
        out.append(q.answers)
        out.append("")
        if q.parameters:
            out.append("Parameters:")
            out.append("")
            out.extend(f"- `?{p}`: {d}" for p, d in q.parameters.items())
            out.append("")
        body = "\n".join(line for line in q.text.splitlines() if not line.startswith("#")).strip()
        out.extend(["```sparql", body, "```", ""])
    return "\n".join(out)


def generate(docs: Path) -> list[Path]:
    written = []
    for path, text in ((docs / "ontology" / "index.html", ontology_html()), (docs / "cookbook.md", cookbook_md())):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
