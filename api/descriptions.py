"""What the service says of itself in RDF: the SPARQL Service Description of its endpoint, and the VoID
description of the dataset. Apart from the endpoint's module (api/sparql.py) because the pages and the linked
data answer with the VoID description too, and the endpoint shows a page (the query editor)."""

from __future__ import annotations

from zangraph.settings import Settings
from zangraph.store.base import Repository


def endpoint(settings: Settings) -> str:
    """The endpoint's address from the settings, never from the request (its Host header is the client's)."""
    return (settings.public_url or f"http://{settings.host}:{settings.port}").rstrip("/") + "/sparql"


def service_description(settings: Settings) -> bytes:
    """The Service Description of the endpoint, as Turtle."""
    address = endpoint(settings)
    federation = _federation(settings)
    results = " , ".join(f"<http://www.w3.org/ns/formats/{name}>" for name in (
        "SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV", "Turtle",
        "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads"))
    return f"""@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .
@prefix void: <http://rdfs.org/ns/void#> .
@prefix zg: <https://w3id.org/zangraph/ontology#> .
<{address}> a sd:Service ;
  sd:endpoint <{address}> ;
  sd:supportedLanguage sd:SPARQL11Query ;
  sd:resultFormat {results} ;
  sd:feature sd:UnionDefaultGraph {federation};
  sd:defaultDataset [ a sd:Dataset ; void:sparqlEndpoint <{address}> ;
    sd:defaultGraph [ a sd:Graph ] ] .
""".encode()


def _federation(settings: Settings) -> str:
    """What the Service Description says of SERVICE: nothing when it is refused; else the endpoints allowed."""
    allowed = settings.sparql_services
    if not allowed:
        return ""
    return ", sd:BasicFederatedQuery ;\n  zg:federatesWith " + " , ".join(f"<{e}>" for e in allowed)


# The vocabularies the dataset's statements use (a test checks the list against the data).
VOCABULARIES = ("http://data.europa.eu/eli/ontology#", "https://w3id.org/zangraph/ontology#",
                "http://www.w3.org/ns/prov#", "http://www.w3.org/2006/time#", "http://www.w3.org/2004/02/skos/core#",
                "http://data.europa.eu/esco/model#", "http://purl.org/dc/terms/", "http://www.w3.org/2000/01/rdf-schema#",
                "http://www.w3.org/2002/07/owl#")


def void_turtle(repository: Repository, settings: Settings) -> bytes:
    """The VoID description of the dataset and of each of its named graphs, with counts made by queries."""
    graphs, classes, (total,) = (repository.select(name) for name in ("void", "void-classes", "void-dataset"))
    base = settings.base_iri
    dataset = f"{base}/dataset"
    lines = ["@prefix void: <http://rdfs.org/ns/void#> .", "@prefix dcterms: <http://purl.org/dc/terms/> .",
             f"<{dataset}> a void:Dataset ;",
             '  dcterms:title "Zangraph: orders on social workers\' qualifications, versioned"@en ;',
             f"  void:sparqlEndpoint <{endpoint(settings)}> ;",
             f"  void:uriSpace \"{base}/\" ;",
             "  void:vocabulary " + " , ".join(f"<{v}>" for v in VOCABULARIES) + " ;",
             f"  void:triples {total['triples']} ;",
             f"  void:entities {total['entities']} ;",
             f"  void:classes {total['classes']} ;"]
    lines += [f"  void:classPartition [ void:class <{c['class']}> ; void:entities {c['entities']} ] ;" for c in classes]
    lines.append("  void:subset " + " , ".join(f"<{r['graph']}>" for r in graphs) + " .")
    for r in graphs:
        lines.append(f"<{r['graph']}> a void:Dataset ; void:triples {r['triples']} ; void:entities {r['entities']} ; "
                     f"void:classes {r['classes']} .")
    return "\n".join(lines).encode()
