"""The ontology (zangraph.ttl) and its JSON-LD context, installed as package resources
(``zangraph.resources``)."""
