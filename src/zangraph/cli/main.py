"""The command line: parse, add, build, validate, docs, load, query, ask and serve (``zangraph --help``)."""

from __future__ import annotations

import hashlib
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import click

from zangraph import __version__
from zangraph.cli.store import ask, current_settings, load, positions, query
from zangraph.errors import ZangraphError

if TYPE_CHECKING:
    from zangraph.settings import Settings

# The commands import what they need when they run: `zangraph --version` and `--help` load only click and the
# settings (a tenth of a second), not the parser, rdflib, pySHACL or the web framework.

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def write_output(text: str, output: Path | None) -> None:
    """Print, or write a file only once everything succeeded, replacing it atomically."""
    from zangraph.files import write_atomically

    if output is None:
        click.echo(text, nl=False)
        return
    write_atomically(output, text)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="zangraph")
def main() -> None:
    """Zangraph: Kazakhstan's orders on social workers' qualifications as a versioned knowledge graph.

    Start with `zangraph parse --all --report` to see what the source texts contain, and `zangraph add`
    to put a new text into the corpus.
    """


@main.command()
@click.argument("file", required=False, metavar="[FILE]")
@click.option("--all", "all_", is_flag=True, help="Parse every source listed in the manifest.")
@click.option("--json", "as_json", is_flag=True, help="Print the document model as JSON (docs/document-model.md).")
@click.option("--report", is_flag=True, help="Print counts, entry into force, fidelity and findings.")
@click.option("--sources", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder with the source texts and manifest.toml [default: setting sources_dir, data/sources].")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write to this file instead of standard output; written only if parsing succeeds.")
def parse(file: str | None, all_: bool, as_json: bool, report: bool, sources: Path | None,
          output: Path | None) -> None:
    """Parse source texts into the document model.

    FILE is a source listed in a manifest: a path to it (its folder's manifest.toml is used) or its bare
    name (looked up in --sources).

    \b
    Examples:
      zangraph parse data/sources/002_d17101f849a6b484.txt --json
      zangraph parse --all --report
      zangraph parse --all --json -o model.json

    Exit codes: 0 parsed and every line placed; 1 parsed but some line is neither in the model nor
    layout (the fidelity check failed); 2 a source could not be read or placed (the message names the
    file, the line and what was expected).
    """
    from zangraph.cli.report import render
    from zangraph.parse.corpus import Corpus, parse_corpus, parse_text
    from zangraph.parse.serialize import alignment_json, document_json, dumps
    from zangraph.parse.sources import find_source

    # A FILE given as a path beside a manifest is read with that manifest; a bare name with the default one.
    beside = Path(file).parent if file else None
    if sources is None and beside is not None and (beside / "manifest.toml").is_file():
        sources = beside
    directory = sources or current_settings().sources_dir
    if bool(file) == all_:
        raise click.UsageError("give one FILE or --all")
    try:
        if all_:
            corpus = parse_corpus(directory)
            if as_json:
                text = dumps({"documents": [document_json(d, [u for u in corpus.unplaced if u.file == d.source.file])
                                            for d in corpus.documents],
                              "alignments": [alignment_json(a) for a in corpus.alignments]})
            else:
                text = render(corpus)
            unplaced = corpus.unplaced
        else:
            doc, unplaced = parse_text(directory, find_source(directory, file))  # type: ignore[arg-type]
            if as_json or not report:
                text = dumps(document_json(doc, unplaced))
            else:
                text = render(Corpus((doc,), tuple(unplaced), ()))
    except ZangraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    write_output(text, output)
    sys.exit(EXIT_FINDINGS if unplaced else EXIT_OK)


class Progress:
    """Steps of long work on standard error, with the time since the start."""

    def __init__(self) -> None:
        self.start = time.perf_counter()

    def __call__(self, step: str) -> None:
        click.echo(f"[{time.perf_counter() - self.start:5.1f}s] {step}", err=True)


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--meta", "meta", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="The act's metadata (meta.yaml): its requisites, titles, version dates. Copied beside the text.")
@click.option("--language", type=click.Choice(["en", "ru", "kk"]), default=None,
              help="The text's language [default: from its letters].")
@click.option("--form", type=click.Choice(["pdf-text", "html-text", "markdown", "zan-markdown"]), default=None,
              help="How the text was extracted, which picks its reader [default: from its markup].")
@click.option("--act", default=None, metavar="PATH",
              help="The act, as /akn/kz/act/<type>/<year>/<number>, or with its full date where another act "
                   "has its type, year and number [default: from the header or the metadata].")
@click.option("--version-date", type=click.DateTime(["%Y-%m-%d"]), default=None,
              help="The date the text is consolidated at [default: from the metadata or the text's notes].")
@click.option("--origin", default="", help="What the text is, in a few words (kept in the manifest).")
@click.option("--name", default=None, help="The file's name in the sources [default: its own name].")
@click.option("--sources", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder of the corpus and its manifest.toml [default: setting sources_dir, data/sources].")
@click.option("--dry-run", is_flag=True, help="Print what would be added; change nothing.")
def add(file: Path, meta: Path | None, language: str | None, form: str | None, act: str | None,
        version_date, origin: str, name: str | None, sources: Path | None, dry_run: bool) -> None:
    """Add a text of an act to the corpus: a data change, never a code change.

    Copies FILE unchanged into the sources folder (with --meta beside it), computes its checksum, infers its
    language, form, act and consolidation date (and prints how), and writes its manifest entry. What it
    cannot infer it refuses, saying which option to give; nothing already there is overwritten.

    A text published in parts (a main file listing its part files, as the official system splits large
    acts) is joined with its parts in the listed order, byte for byte, and added as one text.

    \b
    Examples:
      zangraph add ~/texts/181792_rus.md --meta ~/texts/181792.meta.yaml
      zangraph add order.txt --language en --form pdf-text --act /akn/kz/act/order/2001/17
    Then: zangraph parse NAME --json, zangraph build, and the API answers its history.

    Exit codes: 0 added (or, with --dry-run, could be added); 2 refused (the message says why).
    """
    from zangraph.parse.add import add as add_source
    from zangraph.parse.add import infer

    directory = sources or current_settings().sources_dir
    try:
        inferred = infer(file, directory, meta, language, form, act,
                         version_date.date() if version_date else None, origin, name)
        s = inferred.source
        for field, value in (("language", s.language), ("form", s.form), ("act", s.act),
                             ("version_date", s.version_date.isoformat() if s.version_date else "unknown")):
            click.echo(f"{field}: {value}  ({inferred.how.get(field, '')})")
        if inferred.parts:
            click.echo(f"joined: {file.name} and its {len(inferred.parts)} part files, in the order it lists them")
        doc = inferred.document
        parts = sum(1 for _ in doc.walk())
        click.echo(f"read: {parts} parts, {len(doc.notes)} notes, {len(doc.findings)} findings; "
                   f"a document of kind {doc.kind.value}")
        if not dry_run:
            add_source(inferred, file, directory, meta)
            click.echo(f"added {s.file} to {directory / 'manifest.toml'}")
    except ZangraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)


@main.command()
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
    sys.exit(publish(current_settings(), validate, Progress()))


def publish(settings: Settings, validate: bool, progress: Progress) -> int:
    """Build, validate and write the dataset; the exit code of `zangraph build`."""
    from zangraph.graph.publish import DATASET, REPORT, REPORT_TEXT, SEARCH, build_dataset, publish_files
    from zangraph.graph.trig import Writer
    from zangraph.graph.validate import as_json as validation_json
    from zangraph.graph.validate import render as render_validation
    from zangraph.graph.validate import validate_built
    from zangraph.model.ids import Ids
    from zangraph.store.oxigraph import EmbeddedStore
    from zangraph.store.search import index_of

    try:
        dataset = build_dataset(settings, progress)
        progress("serialise TriG")
        text = Writer().write(dataset.graphs)
        data = text.encode("utf-8")
        # One store in memory holds the dataset for the shapes' SPARQL constraints and for the search index.
        store = EmbeddedStore.from_text(data)
        report = None
        if validate:
            progress("validate")
            report = validate_built((t for g in dataset.graphs.values() for t in g), store.store,
                                    settings.shapes_dir)
    except ZangraphError as exc:
        click.echo(f"error: {exc}", err=True)
        return EXIT_ERROR
    if report is not None and not report.conforms:
        rejected = settings.build_dir / "rejected.trig"
        write_output(text, rejected)
        click.echo(render_validation(report), nl=False)
        click.echo(f"not published: the data violates the shapes; written to {rejected}", err=True)
        return EXIT_FINDINGS
    # The dataset and the report naming it are published together, in one switch (build.publish_files).
    progress("index the texts for search")
    files = {DATASET: data, SEARCH: index_of(store, Ids(settings.base_iri))}
    if report is not None:
        files[REPORT_TEXT] = render_validation(report, limit=1000).encode("utf-8")
        files[REPORT] = (json.dumps({"dataset_sha256": hashlib.sha256(data).hexdigest(), **validation_json(report)},
                                    ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    try:
        publish_files(settings.build_dir, files)
    except OSError as exc:
        click.echo(f"error: {settings.build_dir}: the build could not be published: {exc}", err=True)
        return EXIT_ERROR
    target = settings.build_dir / DATASET
    progress(f"wrote {target}: {len(dataset)} statements in {len(dataset.graphs)} named graphs"
             + (f"; {report.count('Warning')} warnings (validation.txt)" if report else ""))
    return EXIT_OK


@main.command()
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

    settings = current_settings()
    try:
        report = validate_trig(dataset or settings.build_dir / DATASET, settings.shapes_dir)
    except ZangraphError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_ERROR)
    click.echo(render_validation(report, limit), nl=False)
    sys.exit(EXIT_OK if report.conforms else EXIT_FINDINGS)


@main.command()
@click.option("--out", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Folder to write into [default: docs/ in the current folder].")
def docs(out: Path | None) -> None:
    """Regenerate the ontology reference (docs/ontology/index.html) and the SPARQL cookbook (docs/cookbook.md)
    from ontology/zangraph.ttl and the queries' .rq files."""
    from zangraph.graph.docgen import generate

    for path in generate(out or Path("docs")):
        click.echo(f"wrote {path}")


main.add_command(load)
main.add_command(query)
main.add_command(ask)
main.add_command(positions)


if __name__ == "__main__":
    main()
