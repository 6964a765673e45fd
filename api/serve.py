"""``zangraph serve``: the HTTP service on uvicorn, building the dataset first where there is none.

The command lives with the service, not in the library, so that the library never imports the web framework;
the command line (``zangraph.cli.main``) names it and imports it only when it runs. The command imports the
service, the store and uvicorn when it runs, so that ``zangraph serve --help`` answers at once.
"""

from __future__ import annotations

import gc
import socket
import sys

import click

from zangraph.errors import Exit, ZangraphError
from zangraph.progress import Progress


@click.command()
@click.option("--host", default=None, help="Address to listen on [default: setting host, 127.0.0.1].")
@click.option("-p", "--port", type=int, default=None, help="Port [default: setting port, 8000]; 0 picks a free one.")
@click.option("--store", type=click.Choice(["memory", "disk", "remote"]), default=None,
              help="Answer from the embedded store in memory or on disk, or from the remote SPARQL endpoint "
                   "[default: setting store, memory].")
def serve(host: str | None, port: int | None, store: str | None) -> None:
    """Serve the pages, the SPARQL endpoint, the point-in-time API and the linked data.

    \b
    On the embedded store, a missing dataset is built (and validated) first.
      http://HOST:PORT/              pages for a browser: positions on a date, acts
                                     and their timelines, parts and their diffs,
                                     search, findings (docs/pages.md)
      http://HOST:PORT/api/v1/...    the API (OpenAPI at /openapi.json, docs at /docs)
      http://HOST:PORT/sparql        SPARQL 1.1 Protocol, read-only (an editor in a browser)
      http://HOST:PORT/id/...        every IRI of the graph
    """
    import uvicorn

    from zangraph.api.app import BuildInfo, create_app
    from zangraph.graph.publish import DATASET, publish, published
    from zangraph.settings import Settings
    from zangraph.store import open_repository

    overrides = {k: v for k, v in (("host", host), ("port", port), ("store", store)) if v is not None}
    settings = Settings(**overrides)
    progress = Progress()
    dataset = settings.build_dir / DATASET
    if settings.store != "remote" and (not dataset.is_file() or published(settings.build_dir).mismatched):
        why = "no dataset" if not dataset.is_file() else \
            "a dataset whose report is about another (an interrupted build)"
        progress(f"{why} in {settings.build_dir}: building it")
        try:
            outcome = publish(settings, True, progress)
        except ZangraphError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(Exit.ERROR)
        if not outcome.published:
            click.echo(f"not served: the data violates the shapes (see `zangraph build`); written to {outcome.path}",
                       err=True)
            sys.exit(Exit.FINDINGS)
    try:
        repository = open_repository(settings, dataset, progress)
        progress(f"{repository.kind} store holds {repository.count()} statements")
    except ZangraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(Exit.ERROR)
    # Bind first, so that -p 0 can say which port it got before serving, and the service can name its address.
    sock = socket.socket(socket.AF_INET6 if ":" in settings.host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((settings.host, settings.port))
    url = f"http://{settings.host}:{sock.getsockname()[1]}"
    settings = settings.model_copy(update={"port": sock.getsockname()[1]})
    app = create_app(settings, repository, BuildInfo.of(settings.build_dir))
    click.echo(f"Serving on {url}  (API {url}/api/v1/acts, SPARQL {url}/sparql)", err=True)
    # What is loaded now lives as long as the server: out of the collector's sight, so that its full collections
    # (the tail of the latency) do not walk the dataset's answers again and again.
    gc.freeze()
    # A request still running at shutdown has its query stopped (the client is gone); 5 s at most in all. No
    # proxy headers: the service never takes its address, or its clients', from a request.
    config = uvicorn.Config(app, log_level="warning", access_log=False, timeout_graceful_shutdown=5,
                            proxy_headers=False)
    uvicorn.Server(config).run(sockets=[sock])

