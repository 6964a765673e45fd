"""The knowledge graph: named graphs of triples built from the document model and the timelines."""
