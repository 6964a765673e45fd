"""The one settings object. Every setting has the prefix ``ZANGRAPH_`` in the environment and is documented
in docs/settings.md (a test fails when one is not)."""

from __future__ import annotations

from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ZANGRAPH_", frozen=True)

    base_iri: str = Field(
        "https://zangraph.example",
        description="Base of every IRI the graph mints (acts, parts, versions, events, positions), without a "
                    "trailing slash. Changing it changes every identifier, not their paths.",
    )
    sources_dir: Path = Field(_ROOT / "data" / "sources",
                              description="Folder with the source texts and their manifest.toml.")
    curated_dir: Path = Field(_ROOT / "data" / "curated",
                              description="Folder with the curated facts (publication dates, position alignment).")
    build_dir: Path = Field(_ROOT / "data" / "build",
                            description="Folder where `zangraph build` writes the dataset (dataset.trig).")
    shapes_dir: Path = Field(_ROOT / "shapes",
                             description="Folder with the SHACL shapes (*.ttl) the data is validated against.")
