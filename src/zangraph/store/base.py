"""The one repository interface every store implements, and what the implementations share.

Parameters of the named queries are bound by the store, the same way in every store: each value becomes an
RDF term serialised by pyoxigraph (IRIs checked, literals escaped) in a ``VALUES`` block placed at the start
of the query's WHERE clause, which binds it for the whole group (as SEP-0007 substitution would; Oxigraph
also plans the query better this way).

``select`` runs a named ``.rq`` query with its parameters bound by the store; ``sparql`` answers the SPARQL
1.1 Protocol (a query text, the media type asked for, the dataset of the request); ``load`` replaces the
store's content with a built dataset. The API and the CLI talk to stores only through this interface.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from zangraph.errors import ZangraphError
from zangraph.store.queries import load as load_query

XSD = "http://www.w3.org/2001/XMLSchema#"

# Media types of the SPARQL 1.1 Protocol, by query form.
RESULT_TYPES: dict[str, ox.QueryResultsFormat] = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/csv": ox.QueryResultsFormat.CSV,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
    # What generic clients ask for: the same results, labelled as asked (after the exact types, so that */*
    # gets those).
    "application/json": ox.QueryResultsFormat.JSON,
    "application/xml": ox.QueryResultsFormat.XML,
}
GRAPH_TYPES: dict[str, ox.RdfFormat] = {
    "text/turtle": ox.RdfFormat.TURTLE,
    "application/n-triples": ox.RdfFormat.N_TRIPLES,
    "application/ld+json": ox.RdfFormat.JSON_LD,
    "application/rdf+xml": ox.RdfFormat.RDF_XML,
    "application/trig": ox.RdfFormat.TRIG,
    "application/n-quads": ox.RdfFormat.N_QUADS,
}


def is_iri(value: str) -> bool:
    """Whether a text is an absolute IRI the store accepts.

    >>> is_iri("https://zangraph.example/graph/time"), is_iri("not an iri"), is_iri("/id/%01")
    (True, False, False)
    """
    try:
        ox.NamedNode(value)
    except ValueError:
        return False
    return True


class QueryError(ZangraphError):
    """A malformed query: the message is the parser's."""


class UpdateRefused(ZangraphError):
    """An update sent to the read-only endpoint."""


class StoreUnavailable(ZangraphError):
    """The store could not be reached or answered with an error of its own."""


class NotAcceptable(ZangraphError):
    """No media type the request accepts is offered for this query form."""

    def __init__(self, offered: list[str]):
        self.offered = offered
        super().__init__("acceptable media types: " + ", ".join(offered))


Value = str | date | int


def term(value: Value) -> ox.NamedNode | ox.Literal:
    """A parameter value as an RDF term: a date as xsd:date, an int as xsd:integer, an http(s) IRI as an IRI,
    anything else as a plain string."""
    if isinstance(value, date):
        return ox.Literal(value.isoformat(), datatype=ox.NamedNode(XSD + "date"))
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise TypeError(f"unsupported parameter value {value!r}")
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(XSD + "integer"))
    if value.startswith(("http://", "https://")):
        return ox.NamedNode(value)  # raises ValueError for an invalid IRI
    return ox.Literal(value)


def plain(value: Any) -> Any:
    """An RDF term as a Python value: IRIs as strings, integers, dates, strings."""
    if value is None:
        return None
    if isinstance(value, ox.Literal):
        datatype = value.datatype.value if value.datatype else ""
        if datatype in (XSD + "integer", XSD + "int", XSD + "long"):
            return int(value.value)
        if datatype == XSD + "date":
            return date.fromisoformat(value.value)
        if datatype == XSD + "decimal":
            number = float(value.value)
            return int(number) if number.is_integer() else number
        return value.value
    return value.value


def rows(solutions: ox.QuerySolutions) -> list[dict[str, Any]]:
    """Solutions as dictionaries of plain values; a language-tagged literal also gives ``<var>_lang``."""
    variables = [v.value for v in solutions.variables]
    out = []
    for solution in solutions:
        row: dict[str, Any] = {}
        for v in variables:
            value = solution[v]
            row[v] = plain(value)
            if isinstance(value, ox.Literal) and value.language:
                row[f"{v}_lang"] = value.language
        out.append(row)
    return out


_WHERE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)

def bind(text: str, params: dict[str, Value]) -> str:
    """The query with a VALUES block for ``params`` at the start of its WHERE clause.

    >>> bind("SELECT ?a WHERE { ?a ?b ?c }", {"a": "https://x.example/1"})
    'SELECT ?a WHERE { VALUES (?a) { (<https://x.example/1>) }\\n ?a ?b ?c }'
    """
    if not params:
        return text
    match = _WHERE.search(_blank_comments(text))
    if match is None:
        raise ValueError("the query has no WHERE clause to bind parameters in")
    names = sorted(params)
    block = f" VALUES ({' '.join('?' + n for n in names)}) {{ ({' '.join(str(term(params[n])) for n in names)}) }}\n"
    return text[: match.end()] + block + text[match.end():]

def _blank_comments(text: str) -> str:
    """The text with comment lines blanked, so that positions still match (a header may say 'WHERE {')."""
    return "\n".join(" " * len(line) if line.lstrip().startswith("#") else line for line in text.split("\n"))


@dataclass(frozen=True)
class UserQuery:
    """A query as the SPARQL 1.1 Protocol carries it: its text, the media types accepted, the dataset the
    request names (``default-graph-uri``, ``named-graph-uri``) and the base IRI its relative IRIs resolve
    against (the endpoint's own address)."""

    text: str
    accept: str | None = None
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    base_iri: str | None = None


@dataclass(frozen=True)
class Answer:
    body: bytes
    media_type: str


class Repository(ABC):
    """A store the graph is answered from."""

    kind: str

    @abstractmethod
    def select(self, name: str, **params: Value) -> list[dict[str, Any]]:
        """Run the named query with its parameters bound; rows as plain Python values."""

    @abstractmethod
    def sparql(self, query: UserQuery) -> Answer:
        """Answer a SPARQL 1.1 Protocol query in a media type the request accepts."""

    @abstractmethod
    def load(self, trig: Path) -> None:
        """Replace the store's content with a TriG dataset."""

    @abstractmethod
    def count(self) -> int:
        """The number of quads in the store."""

    @abstractmethod
    def user_queries(self, limits: Any) -> Any:
        """How queries written by users run on this store (``sandbox.Limits`` -> ``Sandbox`` or ``Direct``): the
        embedded store isolates them in worker processes; a remote one runs them itself, a bounded number at
        once."""

    def check(self, name: str, params: dict[str, Value]) -> str:
        query = load_query(name)
        if set(params) != set(query.parameters):
            raise ValueError(f"query {name!r} takes {sorted(query.parameters)}; got {sorted(params)}")
        return query.text


def negotiate(accept: str | None, offered: list[str]) -> str | None:
    """The first offered media type the Accept header allows, by quality; None if none is acceptable.

    >>> negotiate("text/csv;q=0.5, application/sparql-results+json", ["application/sparql-results+xml",
    ...           "application/sparql-results+json", "text/csv"])
    'application/sparql-results+json'
    >>> negotiate(None, ["text/turtle", "application/ld+json"])
    'text/turtle'
    >>> negotiate("image/png", ["text/turtle"]) is None
    True
    """
    if not accept:
        return offered[0]
    ranges = []
    for index, part in enumerate(accept.split(",")):
        pieces = [p.strip() for p in part.split(";")]
        quality = 1.0
        for p in pieces[1:]:
            if p.startswith("q="):
                try:
                    quality = float(p[2:])
                except ValueError:
                    quality = 0.0
        ranges.append((quality, -index, pieces[0].lower()))
    best: tuple[float, int, int, str] | None = None
    for quality, _, media in ranges:
        if quality <= 0:
            continue
        for position, candidate in enumerate(offered):
            major = candidate.split("/")[0]
            if media in (candidate, "*/*", f"{major}/*"):
                specificity = 2 if media == candidate else (1 if media.endswith("/*") and media != "*/*" else 0)
                key = (quality, specificity, -position, candidate)
                if best is None or key > best:
                    best = key
    return best[3] if best else None
