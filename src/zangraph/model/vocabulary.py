"""The vocabularies the graph uses, and the language authority IRIs ELI expects for eli:language."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, TIME, XSD

from zangraph.model.requirements import Category, EducationLevel, SkillLevel

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
# The codes of structured requirements (model/requirements.py) as the ontology's concepts. A skill level and a
# category are the concept of the same name (zg:high, zg:case_manager); an education level's concept names the
# education (the code "higher" is zg:higher_education, higher or postgraduate education).
SKILL_LEVELS = {level: ZG[level.value] for level in SkillLevel}
CATEGORIES = {category: ZG[category.value] for category in Category}
EDUCATION_LEVELS = {EducationLevel.HIGHER: ZG.higher_education, EducationLevel.POST_SECONDARY: ZG.post_secondary,
                    EducationLevel.TECHNICAL_VOCATIONAL: ZG.technical_vocational,
                    EducationLevel.BASIC_SECONDARY: ZG.basic_secondary}

PREFIXES: dict[str, Namespace | URIRef] = {
    "zg": ZG, "eli": ELI, "esco": ESCO, "prov": PROV, "time": TIME, "skos": SKOS, "dcterms": DCTERMS,
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "owl": OWL, "lang": LANG,
}

__all__ = ["ACT_TYPES", "CATEGORIES", "DCTERMS", "EDUCATION_LEVELS", "ELI", "ESCO", "ISCO", "LANG", "LANGUAGES", "OWL",
           "PREFIXES", "PROV", "RDF", "RDFS", "RESOURCE_TYPE", "SKILL_LEVELS", "SKOS", "TIME", "XSD", "ZG"]
