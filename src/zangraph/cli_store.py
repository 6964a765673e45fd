"""Commands that answer from a store: ``zangraph load``, ``zangraph query``, ``zangraph ask``."""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import click

from . import queries
from .build import published
from .errors import ZangraphError
from .ids import Ids
from .service import Service, parse_date
from .settings import Settings
from .store import open_repository
from .store.base import Repository, UserQuery, Value, bind
from .store.remote import RemoteStore

EXIT_OK, EXIT_ERROR = 0, 2
FORMATS = {"table": "application/sparql-results+json", "json": "application/sparql-results+json",
           "xml": "application/sparql-results+xml", "csv": "text/csv", "tsv": "text/tab-separated-values",
           "turtle": "text/turtle", "ntriples": "application/n-triples", "jsonld": "application/ld+json",
           "rdfxml": "application/rdf+xml", "trig": "application/trig", "nquads": "application/n-quads"}


def published_dataset(settings: Settings) -> Path:
    """The built dataset, refused unless its validation report says it conforms."""
    found = published(settings.build_dir)
    if found.sha256 is None:
        raise ZangraphError(f"{found.dataset}: no dataset (run `zangraph build`)")
    if found.mismatched:
        raise ZangraphError(f"{found.dataset}: its validation report is about another dataset (a build was "
                            "interrupted; run `zangraph build`)")
    if found.report is None or not found.report.get("conforms"):
        raise ZangraphError(f"{found.dataset}: not validated as conforming (run `zangraph build`)")
    return found.dataset


def fail(exc: Exception) -> None:
    click.echo(f"error: {exc}", err=True)
    sys.exit(EXIT_ERROR)


@click.command()
@click.option("--endpoint", required=True, help="SPARQL 1.1 Query endpoint, e.g. http://127.0.0.1:7878/query.")
@click.option("--store-endpoint", default=None,
              help="Graph Store Protocol endpoint [default: the query endpoint with /query replaced by /store, "
                   "as on an Oxigraph server].")
def load(endpoint: str, store_endpoint: str | None) -> None:
    """Load the built, validated dataset into a remote store, one named graph at a time (PUT replaces it).

    Serve from it with ZANGRAPH_STORE=remote ZANGRAPH_REMOTE_QUERY_URL=<endpoint> zangraph serve.
    """
    settings = Settings()
    gsp = store_endpoint or re.sub(r"/query/?$", "/store", endpoint)
    try:
        dataset = published_dataset(settings)
        store = RemoteStore(endpoint, gsp)
        store.load(dataset)
        click.echo(f"loaded {dataset} into {gsp}: the endpoint now holds {store.count()} statements")
    except ZangraphError as exc:
        fail(exc)


def _value(text: str) -> Value:
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    return text


def repository(settings: Settings) -> Repository:
    dataset = None if settings.store == "remote" else published_dataset(settings)
    return open_repository(settings, dataset)  # type: ignore[arg-type]


@click.command()
@click.argument("query")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="Bind a parameter: a date (YYYY-MM-DD), an integer, an IRI or a string. Repeatable.")
@click.option("-f", "--format", "fmt", type=click.Choice(list(FORMATS)), default="table", show_default=True,
              help="Output: a table, or a SPARQL results or RDF format.")
def query(query: str, params: tuple[str, ...], fmt: str) -> None:
    """Run a SPARQL query on the store: a .rq file, - for standard input, or the name of a query of the
    cookbook (docs/cookbook.md), e.g.

    \b
      zangraph query versions-of-part -p part=https://zangraph.example/akn/kz/act/order/<year>/<number>/~<eId>
      zangraph query my.rq -f csv
    """
    settings = Settings()
    if query == "-":
        text = sys.stdin.read()
    elif query in queries.names():
        text = queries.load(query).text
    elif Path(query).is_file():
        text = Path(query).read_text(encoding="utf-8")
    else:
        fail(ZangraphError(f"{query}: no such file or query (known: {', '.join(queries.names())})"))
    bound: dict[str, Value] = {}
    for item in params:
        name, sep, value = item.partition("=")
        if not sep:
            fail(ZangraphError(f"parameter {item!r}: expected NAME=VALUE"))
        bound[name.lstrip("?")] = _value(value)
    try:
        answer = repository(settings).sparql(UserQuery(bind(text, bound), FORMATS[fmt]))
    except ZangraphError as exc:
        fail(exc)
    if fmt == "table" and answer.media_type == "application/sparql-results+json":
        click.echo(table(json.loads(answer.body)), nl=False)
    else:
        sys.stdout.buffer.write(answer.body)


def table(results: dict[str, Any]) -> str:
    if "boolean" in results:
        return f"{str(results['boolean']).lower()}\n"
    names = results["head"]["vars"]
    rows = [[b.get(n, {}).get("value", "") for n in names] for b in results["results"]["bindings"]]
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    writer.writerow(names)
    writer.writerows(rows)
    widths = [max(len(n), *(len(r[i]) for r in rows)) if rows else len(n) for i, n in enumerate(names)]
    lines = ["  ".join(v.ljust(w) for v, w in zip(r, widths, strict=True)).rstrip() for r in [names, *rows]]
    return "\n".join(lines) + f"\n({len(rows)} rows)\n"


@click.command()
@click.argument("what", type=click.Choice(["position"]))
@click.argument("words")
@click.option("--at", "at", default=None, help="The date, YYYY-MM-DD [default: today].")
@click.option("--lang", default="en", show_default=True, type=click.Choice(["en", "ru", "kk"]))
@click.option("--json", "as_json", is_flag=True, help="Print the answer as the API gives it.")
def ask(what: str, words: str, at: str | None, lang: str, as_json: bool) -> None:
    """Ask what applied to a position on a date, e.g.

    \b
      zangraph ask position "social work consultant" --at 2020-05-01
    """
    settings = Settings()
    try:
        service = Service(repository(settings), Ids(settings.base_iri))
        when = parse_date("--at", at, date.today())
        found = service.positions(words)["positions"]
        exact = [p for p in found if words.casefold() in (t.casefold() for t in p["title"].values())]
        if not found:
            raise ZangraphError(f"no position matches {words!r}")
        if len(exact) != 1 and len(found) > 1:
            choices = "\n".join(f"  {p['id']}: {p['title'].get('en') or next(iter(p['title'].values()), '')}"
                                for p in found)
            raise ZangraphError(f"{words!r} matches several positions; give more words:\n{choices}")
        position = (exact or found)[0]
        answer = service.requirements(position["id"], when, lang)
    except ZangraphError as exc:
        fail(exc)
    click.echo(json.dumps(answer, ensure_ascii=False, indent=2) if as_json else readable(answer, position))


def readable(answer: dict[str, Any], position: dict[str, Any]) -> str:
    title = position["title"].get(answer["lang"]) or next(iter(position["title"].values()), position["id"])
    out = [f"{title} on {answer['at']} (certainty: {answer['certainty']})"]
    if not answer["sources"]:
        out.append(f"  {answer['reason']}")
    for s in answer["sources"]:
        v = s["version"]
        out.append("")
        out.append(f"Order No {s['act']['number']} of {s['act']['date']}, {s['part']['label']}"
                   + (f": {s['part']['heading']}" if s["part"]["heading"] else ""))
        out.append(f"  version in force {v['valid_from']} – {v['valid_to'] or 'today'} ({v['certainty']}"
                   + (", " + ", ".join(f"{b['boundary']} {b['date']} is the earliest possible day"
                                       for b in v.get("estimated_boundaries", [])) if v["certainty"] == "estimated"
                      else "") + ")")
        if s["fallback"]:
            out.append(f"  (no {answer['lang']} text: shown in {s['language']})")
        for r in s["qualification"]:
            label = r["label"].get(s["language"] or "", r["category"]) or "requirement"
            years = r["min_experience_years"]
            out.append(f"  - {r['skill_level'] or ''} {label}: {', '.join(r['education_level']) or '?'} education"
                       f" ({', '.join(r['education_fields']) or 'any field'}), {years if years is not None else '?'} "
                       f"years' experience" + (f" as {r['prior_role']}" if r["prior_role"] else "")
                       + (f"; or {r['alternatives'][0]}" if r["alternatives"] else ""))
        if s["duties"]:
            out.append(f"  duties: {len(s['duties'])}")
        if s["knowledge"]:
            acts = sorted({k["act"] for k in s["knowledge"] if k["act"]})
            out.append(f"  must know: {len(s['knowledge'])} items; acts: {', '.join(acts)}")
    return "\n".join(out) + "\n"
