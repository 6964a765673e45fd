"""Commands that make and check the dataset: ``zangraph build``, ``validate`` and ``docs``.

Each command imports what it works with when it runs, not when its module is imported: the module only
declares the command, so that ``zangraph COMMAND --help`` answers at once (docs/benchmarks.md), without loading
the parser, rdflib, pySHACL or pydantic. tests/test_cli.py checks it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from zangraph.errors import Exit, ZangraphError
from zangraph.progress import Progress


@click.command()
@click.option("--validate/--no-validate", default=True, show_default=True,
              help="Validate against the shapes before publishing the dataset.")
def build(validate: bool) -> None:
    """Build the dataset: the whole corpus as TriG in data/build/dataset.trig.

    \b
    Named graphs: graph/ontology, graph/works, graph/source/<file> (one per source text), graph/curated,
    graph/time (versions, events, boundaries), graph/domain (positions, duties, knowledge,
    requirements), graph/findings. The output is byte-identical on every run of the same sources.

    A dataset that violates the shapes is not published: it is written to data/build/rejected.trig with
    the report, and the previous dataset.trig stays. Exit codes: 0 built (warnings allowed), 1 the data
    violates the shapes, 2 a source or curated file could not be read.
    """
    from zangraph.graph.publish import publish
    from zangraph.graph.validate import render as render_validation
    from zangraph.settings import Settings

    try:
        outcome = publish(Settings(), validate, Progress())
    except ZangraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(Exit.ERROR)
    if not outcome.published:
        assert outcome.report is not None  # only a validated build is rejected
        click.echo(render_validation(outcome.report), nl=False)
        click.echo(f"not published: the data violates the shapes; written to {outcome.path}", err=True)
        sys.exit(Exit.FINDINGS)


@click.command()
@click.argument("dataset", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--limit", default=20, show_default=True, help="Results shown per shape.")
def validate(dataset: Path | None, limit: int) -> None:
    """Validate a TriG dataset against the SHACL shapes [default: data/build/dataset.trig].

    Exit codes, as pySHACL's: 0 conforms (warnings are findings, not failures), 1 does not conform,
    2 the data or the shapes could not be read.
    """
    from zangraph.graph.publish import DATASET
    from zangraph.graph.validate import render as render_validation
    from zangraph.graph.validate import validate_trig
    from zangraph.settings import Settings

    settings = Settings()
    try:
        report = validate_trig(dataset or settings.build_dir / DATASET, settings.shapes_dir)
    except ZangraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(Exit.ERROR)
    click.echo(render_validation(report, limit), nl=False)
    sys.exit(Exit.OK if report.conforms else Exit.FINDINGS)


@click.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to write into [default: docs/ in the current folder].")
def docs(out: Path | None) -> None:
    """Regenerate the ontology reference (docs/ontology/index.html) and the SPARQL cookbook (docs/cookbook.md)
    from ontology/zangraph.ttl and the queries' .rq files."""
    from zangraph.graph.docgen import generate

    for path in generate(out or Path("docs")):
        click.echo(f"wrote {path}")
