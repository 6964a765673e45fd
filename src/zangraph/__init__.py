"""Zangraph: a versioned knowledge graph of Kazakhstan's legal acts on social workers' qualifications."""

__version__ = "0.1.0"
