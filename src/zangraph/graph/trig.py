"""A TriG writer whose output depends only on the triples: graphs, subjects, predicates and objects sorted.

rdflib's serializers do not promise an order, and the dataset must be byte-identical on every build so that
a change in the output always means a change in the sources or the code.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, NamespaceManager
from rdflib.term import Node

from zangraph.model.vocabulary import PREFIXES

Triple = tuple[Node, Node, Node]
_LOCAL = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


class Writer:
    def __init__(self) -> None:
        self.manager = NamespaceManager(Graph(), bind_namespaces="none")
        self.namespaces = sorted(((p, str(ns)) for p, ns in PREFIXES.items()), key=lambda x: -len(x[1]))
        for prefix, ns in PREFIXES.items():
            self.manager.bind(prefix, ns, override=True, replace=True)

    def term(self, term: Node) -> str:
        if isinstance(term, URIRef):
            iri = str(term)
            for prefix, ns in self.namespaces:
                if iri.startswith(ns) and _LOCAL.match(iri[len(ns):]):
                    return f"{prefix}:{iri[len(ns):]}"
            return f"<{iri}>"
        if isinstance(term, Literal):
            return term.n3(self.manager)
        raise TypeError(f"blank nodes are not written: every resource gets an IRI ({term!r})")

    def write(self, graphs: dict[URIRef, Iterable[Triple]]) -> str:
        out = [f"@prefix {p}: <{ns}> ." for p, ns in sorted((p, str(ns)) for p, ns in PREFIXES.items())]
        for name in sorted(graphs, key=str):
            out.append("")
            out.append(f"{self.term(name)} {{")
            by_subject: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
            for s, p, o in graphs[name]:
                by_subject[self.term(s)][self.term(p)].append(self.term(o))
            for subject in sorted(by_subject):
                preds = by_subject[subject]
                order = sorted(preds, key=lambda p: (p != "rdf:type" and p != "a", p))
                lines = [f"{'a' if p == self.term(RDF.type) else p} {' , '.join(sorted(set(preds[p])))}" for p in order]
                out.append(f"  {subject} " + " ;\n    ".join(lines) + " .")
            out.append("}")
        return "\n".join(out) + "\n"
