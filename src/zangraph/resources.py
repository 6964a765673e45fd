"""The files the library ships beside its code: the ontology with its JSON-LD context, and the SHACL shapes.

They are package resources (the repository's top-level ``ontology/`` and ``shapes/`` folders, installed as
``zangraph.ontology`` and ``zangraph.shapes``), so that they are found the same way in a checkout, an editable
install and an installed wheel, wherever the command runs from.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def _folder(package: str) -> Path:
    # A regular (not zipped) install: the package's folder is a real directory.
    return Path(str(resources.files(package)))


ONTOLOGY_DIR = _folder("zangraph.ontology")
ONTOLOGY = ONTOLOGY_DIR / "zangraph.ttl"
CONTEXT = ONTOLOGY_DIR / "context.jsonld"
SHAPES_DIR = _folder("zangraph.shapes")
