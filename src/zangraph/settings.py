"""The one settings object. Every setting has the prefix ``ZANGRAPH_`` in the environment and is documented
in docs/settings.md (a test fails when one is not)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from zangraph.resources import SHAPES_DIR


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="ZANGRAPH_", frozen=True)

    base_iri: str = Field(
        "https://zangraph.example",
        description="Base of every IRI the graph mints (acts, parts, versions, events, positions), without a "
                    "trailing slash. Changing it changes every identifier, not their paths.",
    )
    sources_dir: Path = Field(Path("data/sources"),
                              description="Folder with the source texts and their manifest.toml.")
    curated_dir: Path = Field(Path("data/curated"),
                              description="Folder with the curated facts (publication dates, position alignment).")
    build_dir: Path = Field(Path("data/build"),
                            description="Folder where `zangraph build` writes the dataset (dataset.trig).")
    store: Literal["memory", "disk", "remote"] = Field(
        "memory", description="Where `zangraph serve` answers from: the embedded Oxigraph store in memory or on "
                              "disk (store_path), or a remote SPARQL 1.1 endpoint (remote_query_url).")
    store_path: Path = Field(Path("data/store"), description="Folder of the embedded store on disk.")
    remote_query_url: str | None = Field(None, description="SPARQL 1.1 Query endpoint of the remote store, e.g. "
                                                           "http://127.0.0.1:7878/query.")
    remote_store_url: str | None = Field(None, description="SPARQL 1.1 Graph Store Protocol endpoint `zangraph load` "
                                                           "puts the named graphs into, e.g. http://127.0.0.1:7878/store.")
    host: str = Field("127.0.0.1", description="Address `zangraph serve` listens on.")
    port: int = Field(8000, description="Port `zangraph serve` listens on; 0 picks a free one.")
    sparql_timeout: float = Field(10.0, gt=0, description="Seconds a query sent to /sparql may run; past them its "
                                                          "worker is stopped, and the client gets a problem naming "
                                                          "the limit.")
    sparql_memory_mb: int = Field(1024, gt=0, description="Memory (MiB, resident) a worker running a /sparql query may "
                                                          "use, its copy of the store included; past it the query is "
                                                          "stopped.")
    sparql_result_mb: int = Field(50, gt=0, description="Largest /sparql result (MiB, serialised) that is sent.")
    sparql_workers: int = Field(2, gt=0, description="/sparql queries that run at once, each in its own worker "
                                                     "process holding a copy of the store.")
    sparql_queue_seconds: float = Field(2.0, ge=0, description="Seconds a /sparql query waits for a free worker "
                                                               "before it is answered Service Unavailable, with "
                                                               "Retry-After.")
    sparql_services: list[str] = Field(
        [], description="SPARQL endpoints that /sparql queries may call with SERVICE, each by its full IRI; empty "
                        "(the default) refuses SERVICE. A call is bounded by sparql_timeout like the whole query.")
    public_url: str | None = Field(None, description="The service's public address, e.g. https://data.example.kz, "
                                                     "named in its Service Description; by default the address "
                                                     "`zangraph serve` listens on. Never taken from a request.")
    max_body_kb: int = Field(1024, gt=0, description="Largest request body (KiB) accepted, a SPARQL query sent by "
                                                     "POST included; a larger one is answered 413.")
    max_url_bytes: int = Field(16384, gt=0, description="Longest request target (path and query string, bytes) "
                                                        "accepted; a longer one is answered 414.")
    cors: bool = Field(True, description="Whether /sparql, /api and /id answer pages of any origin (CORS): they "
                                         "are read-only and public.")
    shapes_dir: Path = Field(SHAPES_DIR,
                             description="Folder with the SHACL shapes (*.ttl) the data is validated against.")

