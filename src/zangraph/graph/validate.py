"""Validation against the SHACL shapes in ``shapes/``.

Core constraints are checked by pySHACL. Constraints written as SPARQL (``sh:sparql``) are whole-graph
invariants (versions that overlap, leave gaps, outlive their act); pySHACL would run them once per focus node,
which is far too slow at this size, so they run once each as a query on an Oxigraph store of the same data,
and their solutions become results of the same report. Such a query names its focus class itself
(``$this a zg:Version``) so that it means the same in both engines.

Severities: ``sh:Violation`` results make the data non-conforming; ``sh:Warning`` results report findings.
Exit codes follow pySHACL: 0 conforms, 1 does not conform, 2 error.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node as Term

from zangraph.errors import ZangraphError
from zangraph.resources import SHAPES_DIR

SH = Namespace("http://www.w3.org/ns/shacl#")


class ValidationError(ZangraphError):
    """The data or the shapes could not be read (exit code 2)."""


@dataclass(frozen=True)
class Result:
    severity: str  # "Violation", "Warning" or "Info"
    shape: str
    focus: str
    message: str
    path: str | None = None
    value: str | None = None


@dataclass(frozen=True)
class Report:
    results: tuple[Result, ...]
    triples: int

    @property
    def conforms(self) -> bool:
        return not any(r.severity == "Violation" for r in self.results)

    def count(self, severity: str) -> int:
        return sum(1 for r in self.results if r.severity == severity)


@dataclass(frozen=True)
class SparqlConstraint:
    shape: URIRef
    severity: str
    message: str
    select: str


def load_shapes(directory: Path = SHAPES_DIR) -> Graph:
    shapes = Graph()
    files = sorted(directory.glob("*.ttl"))
    if not files:
        raise ValidationError(f"{directory}: no shapes (*.ttl) found")
    for path in files:
        try:
            shapes.parse(path)
        except Exception as exc:  # rdflib raises several parser errors; all mean the same here
            raise ValidationError(f"{path}: not valid Turtle: {exc}") from exc
    return shapes


def split(shapes: Graph) -> tuple[Graph, list[SparqlConstraint]]:
    """The shapes without their SPARQL constraints, and those constraints with their shape's severity."""
    core = Graph()
    constraints = []
    sparql_nodes = set(shapes.objects(None, SH.sparql))
    for shape, node in shapes.subject_objects(SH.sparql):
        severity = shapes.value(shape, SH.severity, default=SH.Violation)
        prefixes = "".join(
            f"PREFIX {shapes.value(d, SH.prefix)}: <{shapes.value(d, SH.namespace)}>\n"
            for decl in shapes.objects(node, SH.prefixes) for d in shapes.objects(decl, SH.declare))
        constraints.append(SparqlConstraint(shape, str(severity).rsplit("#", 1)[1],
                                            str(shapes.value(node, SH.message, default="")),
                                            prefixes + str(shapes.value(node, SH.select))))
    for s, p, o in shapes:
        if p == SH.sparql or s in sparql_nodes:
            continue
        core.add((s, p, o))
    # A shape left with a target and no constraint would report nothing; that is fine for pySHACL.
    return core, sorted(constraints, key=lambda c: str(c.shape))


def _message(template: str, row: ox.QuerySolution, variables: list[str]) -> str:
    text = template
    for name in variables:
        value = row[name]
        text = text.replace("{?" + name + "}", value.value if value is not None else "")
    return text


def validate_trig(path: Path, shapes_dir: Path = SHAPES_DIR) -> Report:
    """Validate a TriG dataset file."""
    if not path.is_file():
        raise ValidationError(f"{path}: no dataset there (run `zangraph build` first)")
    try:
        store = ox.Store()
        store.bulk_load(path=str(path), format=ox.RdfFormat.TRIG)
    except (SyntaxError, ValueError, OSError) as exc:
        raise ValidationError(f"{path}: not valid TriG: {exc}") from exc
    # pySHACL needs an rdflib graph; converting from the Oxigraph store is several times faster than
    # rdflib's own TriG parser.
    union = Graph()
    cache: dict[object, Term] = {}
    union.addN((_rdflib(q.subject, cache), _rdflib(q.predicate, cache), _rdflib(q.object, cache), union)
               for q in store)
    return validate_graphs(union, store, shapes_dir)


def _rdflib(term: object, cache: dict[object, Term]) -> Term:
    found = cache.get(term)
    if found is None:
        if isinstance(term, ox.NamedNode):
            found = URIRef(term.value)
        elif isinstance(term, ox.Literal):
            if term.language:
                found = Literal(term.value, lang=term.language)
            elif term.datatype.value == str(XSD.string):
                found = Literal(term.value)
            else:
                found = Literal(term.value, datatype=URIRef(term.datatype.value))
        else:
            raise ValidationError(f"blank node {term} in the dataset: every resource must have an IRI")
        cache[term] = found
    return found


def validate_built(triples: Iterable[tuple], store: ox.Store, shapes_dir: Path = SHAPES_DIR) -> Report:
    """Validate a dataset just built, from its triples and a store it is loaded in, without parsing it back."""
    union = Graph()
    union.addN((s, p, o, union) for s, p, o in triples)
    return validate_graphs(union, store, shapes_dir)


def validate_graphs(union: Graph, store: ox.Store, shapes_dir: Path = SHAPES_DIR) -> Report:
    """Core shapes with pySHACL on the union graph, SPARQL constraints as queries on the store."""
    shapes = load_shapes(shapes_dir)
    core, constraints = split(shapes)
    results = []
    _, report_graph, _ = shacl_validate(union, shacl_graph=core, allow_warnings=True)
    for r in report_graph.subjects(RDF.type, SH.ValidationResult):
        severity = str(report_graph.value(r, SH.resultSeverity)).rsplit("#", 1)[1]
        message = report_graph.value(r, SH.resultMessage)
        path_ = report_graph.value(r, SH.resultPath)
        value = report_graph.value(r, SH.value)
        source = report_graph.value(r, SH.sourceShape)
        # A property shape is a blank node: name the node shape it belongs to.
        owner = core.value(predicate=SH.property, object=source) if not isinstance(source, URIRef) else source
        results.append(Result(severity, str(owner or source),
                              str(report_graph.value(r, SH.focusNode)), str(message or ""),
                              str(path_) if isinstance(path_, URIRef) else None,
                              str(value) if value is not None else None))
    for c in constraints:
        solutions = store.query(c.select, use_default_graph_as_union=True)
        variables = [v.value for v in solutions.variables]
        for row in solutions:
            focus = row["this"]
            results.append(Result(c.severity, str(c.shape), focus.value if focus is not None else "",
                                  _message(c.message, row, variables)))
    results.sort(key=lambda r: ({"Violation": 0, "Warning": 1}.get(r.severity, 2), r.shape, r.focus, r.message))
    return Report(tuple(results), len(union))


def as_json(report: Report) -> dict:
    """The report as the API serves it (written by `zangraph build` to validation.json)."""
    return {"conforms": report.conforms, "triples": report.triples, "violations": report.count("Violation"),
            "warnings": report.count("Warning"),
            "results": [{"severity": r.severity, "shape": r.shape, "focus": r.focus, "message": r.message,
                         "path": r.path, "value": r.value} for r in report.results]}


def render(report: Report, limit: int = 20) -> str:
    lines = [f"{'Conforms' if report.conforms else 'Does not conform'}: {report.triples} triples, "
             f"{report.count('Violation')} violations, {report.count('Warning')} warnings"]
    by_shape: dict[tuple[str, str], list[Result]] = {}
    for r in report.results:
        by_shape.setdefault((r.severity, r.shape), []).append(r)
    for (severity, shape), results in by_shape.items():
        lines.append(f"\n{severity}: {shape.rsplit('#', 1)[-1]} ({len(results)})")
        for r in results[:limit]:
            lines.append(f"  {r.focus}\n    {r.message}" + (f" [{r.path.rsplit('#', 1)[-1]}]" if r.path else ""))
        if len(results) > limit:
            lines.append(f"  ... {len(results) - limit} more")
    return "\n".join(lines) + "\n"
