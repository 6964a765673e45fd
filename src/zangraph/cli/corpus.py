"""Commands on the corpus: ``zangraph parse`` (the document model of the sources) and ``zangraph add`` (a new
text into the sources, with its manifest entry).

Each command imports what it works with when it runs, not when its module is imported: the module only
declares the command, so that ``zangraph COMMAND --help`` answers at once (docs/benchmarks.md), without loading
the parser, rdflib, pySHACL or pydantic. tests/test_cli.py checks it."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from zangraph.errors import Exit, ZangraphError
from zangraph.files import write_atomically


def write_output(text: str, output: Path | None) -> None:
    """Print, or write a file only once everything succeeded, replacing it atomically."""
    if output is None:
        click.echo(text, nl=False)
        return
    write_atomically(output, text)


@click.command()
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
    from zangraph.settings import Settings

    # A FILE given as a path beside a manifest is read with that manifest; a bare name with the default one.
    beside = Path(file).parent if file else None
    if sources is None and beside is not None and (beside / "manifest.toml").is_file():
        sources = beside
    directory = sources or Settings().sources_dir
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
        sys.exit(Exit.ERROR)
    write_output(text, output)
    sys.exit(Exit.FINDINGS if unplaced else Exit.OK)


@click.command()
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
    from zangraph.settings import Settings

    directory = sources or Settings().sources_dir
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
        sys.exit(Exit.ERROR)
