"""Stores the graph is queried from. One interface; the embedded Oxigraph store is the default."""
