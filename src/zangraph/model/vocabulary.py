"""The vocabularies the graph uses, and the language authority IRIs ELI expects for eli:language."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

ZG = Namespace("https://w3id.org/zangraph/ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ESCO = Namespace("http://data.europa.eu/esco/model#")
ISCO = Namespace("http://data.europa.eu/esco/isco/C")
LANG = Namespace("http://publications.europa.eu/resource/authority/language/")
RESOURCE_TYPE = Namespace("http://publications.europa.eu/resource/authority/resource-type/")

LANGUAGES = {"en": LANG.ENG, "ru": LANG.RUS, "kk": LANG.KAZ}
# The types of acts (eli:type_document): concepts of the ontology's scheme zg:actTypes, one per type of
# identifier (ids.ACT_TYPES).
ACT_TYPES = {"order": ZG.order, "joint-order": ZG.joint_order, "resolution": ZG.resolution, "decree": ZG.decree,
             "decision": ZG.decision, "law": ZG.law, "code": ZG.code, "constitutional-law": ZG.constitutional_law}

PREFIXES: dict[str, Namespace | URIRef] = {
    "zg": ZG, "eli": ELI, "esco": ESCO, "prov": PROV, "time": TIME, "skos": SKOS, "dcterms": DCTERMS,
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "lang": LANG,
}

__all__ = ["ACT_TYPES", "DCTERMS", "ELI", "ESCO", "ISCO", "LANG", "LANGUAGES", "OWL", "PREFIXES", "PROV", "RDF", "RDFS",
           "RESOURCE_TYPE", "SKOS", "TIME", "XSD", "ZG"]
