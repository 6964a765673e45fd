"""Commands that answer from a store: ``zangraph load``, ``query``, ``ask`` and ``positions``.

What they need beyond click is imported when they run (see zangraph.cli)."""

from __future__ import annotations

import csv
import difflib
import io
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from zangraph.errors import Exit, ZangraphError

if TYPE_CHECKING:
    from zangraph.service.answers import Service
    from zangraph.service.models import PositionSummary, Requirements
    from zangraph.settings import Settings
    from zangraph.store.base import Repository, Value


def current_settings() -> Settings:
    """The settings (pydantic is loaded only by a command that needs them)."""
    from zangraph.settings import Settings

    return Settings()

FORMATS = {"table": "application/sparql-results+json", "json": "application/sparql-results+json",
           "xml": "application/sparql-results+xml", "csv": "text/csv", "tsv": "text/tab-separated-values",
           "turtle": "text/turtle", "ntriples": "application/n-triples", "jsonld": "application/ld+json",
           "rdfxml": "application/rdf+xml", "trig": "application/trig", "nquads": "application/n-quads"}


def published_dataset(settings: Settings) -> Path:
    """The built dataset, refused unless its validation report says it conforms."""
    from zangraph.graph.publish import published

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
    sys.exit(Exit.ERROR)


@click.command()
@click.option("--endpoint", required=True, help="SPARQL 1.1 Query endpoint, e.g. http://127.0.0.1:7878/query.")
@click.option("--store-endpoint", default=None,
              help="Graph Store Protocol endpoint [default: the query endpoint with /query replaced by /store, "
                   "as on an Oxigraph server].")
def load(endpoint: str, store_endpoint: str | None) -> None:
    """Load the built, validated dataset into a remote store, one named graph at a time (PUT replaces it).

    Serve from it with ZANGRAPH_STORE=remote ZANGRAPH_REMOTE_QUERY_URL=<endpoint> zangraph serve.
    """
    from zangraph.store.remote import RemoteStore

    settings = current_settings()
    gsp = store_endpoint or re.sub(r"/query/?$", "/store", endpoint)
    try:
        dataset = published_dataset(settings)
        store = RemoteStore(endpoint, gsp)
        store.load(dataset)
        click.echo(f"loaded {dataset} into {gsp}: the endpoint now holds {store.count()} statements")
    except ZangraphError as exc:
        fail(exc)


def _value(name: str, text: str, settings: Settings) -> Value:
    """A parameter's value: a date, an integer, an IRI, or the API's id of an act, part, version or position
    (``order-2001-17~att_1__chp_2``, ``family-support-worker``) as the IRI it stands for; else a string."""
    from zangraph.model.ids import FrbrUri, Ids

    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text)
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if "://" in text:
        return text
    ids = Ids(settings.base_iri)
    if name == "position":
        return str(ids.position(text))
    try:
        return str(ids.of(FrbrUri.from_key(text)))
    except ValueError:
        return str(ids.named_act(text)) if name == "act" else text


def repository(settings: Settings) -> Repository:
    from zangraph.store import open_repository

    dataset = None if settings.store == "remote" else published_dataset(settings)
    return open_repository(settings, dataset)  # type: ignore[arg-type]


def did_you_mean(word: str, known: list[str]) -> str:
    """A hint naming the known words closest to a mistyped one, or nothing.

    >>> did_you_mean("versions-of-prat", ["versions-of-part", "part-at", "acts"])
    ' (did you mean versions-of-part?)'
    """
    close = difflib.get_close_matches(word, known, n=3, cutoff=0.6)
    return f" (did you mean {' or '.join(close)}?)" if close else ""


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
      zangraph query versions-of-part -p part=order-2001-17~att_2__chp_5__sec_11
      zangraph query acts-characterising-position -p position=family-support-worker -p at=2020-05-01
      zangraph query my.rq -f csv

    A parameter's value may be a date, an integer, an IRI, or the API's id of an act, part, version or
    position (docs/identifiers.md).
    """
    from zangraph.store import queries
    from zangraph.store.base import UserQuery, bind

    settings = current_settings()
    if query == "-":
        text = sys.stdin.read()
    elif query in queries.names():
        text = queries.load(query).text
    elif Path(query).is_file():
        text = Path(query).read_text(encoding="utf-8")
    else:
        fail(ZangraphError(f"{query}: no such file or query{did_you_mean(query, list(queries.names()))} (known: "
                           f"{', '.join(queries.names())})"))
    bound: dict[str, Value] = {}
    acts: dict[str, str] = {}  # act ids given, by the IRI they stand for
    for item in params:
        name, sep, value = item.partition("=")
        if not sep:
            fail(ZangraphError(f"parameter {item!r}: expected NAME=VALUE"))
        bound[name.lstrip("?")] = _value(name.lstrip("?"), value, settings)
        if name.lstrip("?") == "act" and "://" not in value:
            acts[str(bound["act"])] = value
    try:
        store = repository(settings)
        if acts:
            # An act id the graph does not have would only give an empty answer: say so, with the nearest ids.
            known = {a.iri: a.id for a in _service_of(store, settings).acts().acts}
            for iri, given in acts.items():
                if iri not in known:
                    raise ZangraphError(f"parameter act={given!r}: no such act in the graph"
                                        f"{did_you_mean(given, sorted(set(known.values())))}")
        answer = store.sparql(UserQuery(bind(text, bound), FORMATS[fmt]))
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


def _service(settings: Settings) -> Service:
    return _service_of(repository(settings), settings)


def _service_of(store: Repository, settings: Settings) -> Service:
    from zangraph.model.ids import Ids
    from zangraph.service.answers import Service

    return Service(store, Ids(settings.base_iri))


def _title(position: PositionSummary, lang: str) -> str:
    titles = position.title
    return titles.get(lang) or titles.get("en") or next(iter(titles.values()), position.id)


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
      zangraph ask position "консультант по социальной работе" --at 2024-01-01 --lang ru

    WORDS are words of the position's title in any language, or its id (see `zangraph positions`).
    """
    from zangraph.service.params import parse_date

    settings = current_settings()
    try:
        service = _service(settings)
        when = parse_date("--at", at, date.today())
        everyone = service.positions().positions
        found = [p for p in everyone if p.id == words] or service.positions(words).positions
        exact = [p for p in found if words.casefold() in (t.casefold() for t in p.title.values())]
        if not found:
            names = [t for p in everyone for t in (p.id, *p.title.values())]
            raise ZangraphError(f"no position matches {words!r}{did_you_mean(words, names)}; "
                                "`zangraph positions` lists them")
        if len(exact) != 1 and len(found) > 1:
            choices = "\n".join(f"  {p.id}: {_title(p, lang)}" for p in found)
            raise ZangraphError(f"{words!r} matches several positions; give more words or an id:\n{choices}")
        position = (exact or found)[0]
        answer = service.requirements(position.id, when, lang)
    except ZangraphError as exc:
        fail(exc)
    # As the API gives it (the same fields), indented for a person.
    as_api = answer.model_dump(mode="json", by_alias=True, exclude_unset=True)
    click.echo(json.dumps(as_api, ensure_ascii=False, indent=2) if as_json else readable(answer, position))


@click.command()
@click.argument("words", required=False, default="")
@click.option("--lang", default="en", show_default=True, type=click.Choice(["en", "ru", "kk"]),
              help="The language of the titles shown (another where a position has no title in it).")
def positions(words: str, lang: str) -> None:
    """List the positions, or those whose title holds WORDS (in any language), with their ids, e.g.

    \b
      zangraph positions
      zangraph positions консультант --lang ru
    """
    settings = current_settings()
    try:
        service = _service(settings)
        found = service.positions(words or None).positions
        if not found:
            names = [t for p in service.positions().positions for t in p.title.values()]
            raise ZangraphError(f"no position matches {words!r}{did_you_mean(words, names)}")
    except ZangraphError as exc:
        fail(exc)
    width = min(max(len(p.id) for p in found), 48)  # a longer id runs into its title's column
    for p in sorted(found, key=lambda p: p.id):
        click.echo(f"{p.id.ljust(width)}  {_title(p, lang)}")


# The readable answer's words, per language: whole sentences in the language asked for.
WORDS = {
    "en": {"on": "on", "certainty": "certainty", "exact": "exact", "estimated": "estimated",
           "order": "Order No {number} of {date}", "version": "version in force {start} – {end}",
           "today": "today", "earliest": "{boundary} {date} is the earliest possible day",
           "fallback": "(no {lang} text: shown in {used})", "education": "{levels} education ({fields})",
           "any_field": "any field", "experience": "{years} of experience",
           "no_experience": "no experience required", "as": "as {role}", "or": "or {alt}",
           "duties": "duties: {n}", "knowledge": "must know: {n} items; acts: {acts}",
           "unknown": "text not in the corpus: {reason}", "incomplete": "incomplete: {n} part(s) without text",
           "nothing": "{reason}"},
    "ru": {"on": "на", "certainty": "достоверность", "exact": "точная", "estimated": "оценочная",
           "order": "Приказ № {number} от {date}", "version": "редакция действует {start} – {end}",
           "today": "по сей день", "earliest": "{boundary} {date} — самая ранняя возможная дата",
           "fallback": "(нет текста на языке {lang}: показан {used})",
           "education": "образование: {levels} ({fields})",
           "any_field": "любое направление", "experience": "стаж {years}",
           "no_experience": "без требований к стажу", "as": "в должности {role}",
           "or": "или {alt}", "duties": "должностных обязанностей: {n}",
           "knowledge": "должен знать: пунктов {n}; акты: {acts}",
           "unknown": "текста нет в корпусе: {reason}", "incomplete": "неполный ответ: частей без текста: {n}",
           "nothing": "{reason}"},
    "kk": {"on": "күні", "certainty": "анықтық", "exact": "нақты", "estimated": "болжамды",
           "order": "{date} № {number} бұйрық", "version": "редакция күшінде {start} – {end}",
           "today": "бүгінге дейін", "earliest": "{boundary} {date} — ең ерте мүмкін күн",
           "fallback": "({lang} тілінде мәтін жоқ: {used} тілінде көрсетілді)",
           "education": "білімі: {levels} ({fields})",
           "any_field": "кез келген бағыт", "experience": "еңбек өтілі {years}",
           "no_experience": "еңбек өтіліне талап жоқ", "as": "{role} лауазымында",
           "or": "немесе {alt}", "duties": "лауазымдық міндеттер: {n}",
           "knowledge": "білуге тиіс: {n} тармақ; актілер: {acts}",
           "unknown": "мәтін корпуста жоқ: {reason}", "incomplete": "толық емес жауап: мәтінсіз бөліктер: {n}",
           "nothing": "{reason}"},
}


def years(n: int | None, lang: str) -> str:
    """A number of years in words, with the plural the language wants.

    >>> years(1, "en"), years(3, "en"), years(2, "ru"), years(5, "ru"), years(21, "ru"), years(1, "kk")
    ('1 year', '3 years', '2 года', '5 лет', '21 год', '1 жыл')
    """
    from zangraph.service.changes import year_word

    return "?" if n is None else f"{n} {year_word(n, lang)}"


def readable(answer: Requirements, position: PositionSummary) -> str:
    from zangraph.model.ids import FrbrUri
    from zangraph.service.changes import education_words, field_words
    from zangraph.service.texts import label

    lang = answer.lang
    w = WORDS[lang]
    out = [f"{_title(position, lang)} {w['on']} {answer.at} ({w['certainty']}: {w[answer.certainty]})"]
    if not answer.sources:
        out.append("  " + w["nothing"].format(reason=answer.reason))
    for s in answer.sources:
        v = s.version
        out.append("")
        eid = FrbrUri.from_key(s.part.id).eid or ""
        out.append(w["order"].format(number=s.act.number, date=s.act.date) + f", {label(eid, lang)}"
                   + (f": {s.part.heading}" if s.part.heading else ""))
        # The interval as people read it: its last day, not the exclusive end.
        line = "  " + w["version"].format(start=v.valid_from, end=v.last_day or w["today"])
        estimated = [w["earliest"].format(boundary=b.boundary, date=b.date) for b in v.estimated_boundaries or []]
        out.append(line + f" ({w[v.certainty]}" + (": " + "; ".join(estimated) if estimated else "") + ")")
        if s.text != "known":
            out.append("  " + w["unknown"].format(reason=s.reason))
        if s.fallback:
            out.append("  " + w["fallback"].format(lang=lang, used=s.language))
        for r in s.qualification:
            named = r.label.get(s.language or "", r.category) or r.category or ""
            levels = ", ".join(education_words(x, lang) for x in r.education_level) or "?"
            experience = w["no_experience"] if r.min_experience_years == 0 else \
                w["experience"].format(years=years(r.min_experience_years, lang)) \
                + (" " + w["as"].format(role=r.prior_role) if r.prior_role else "")
            fields = ", ".join(field_words(f, lang) for f in r.education_fields) or w["any_field"]
            parts = [w["education"].format(levels=levels, fields=fields), experience]
            if r.alternatives:
                parts.append(w["or"].format(alt=r.alternatives[0]))
            out.append(f"  - {named}: " + "; ".join(parts))
        if s.duties:
            out.append("  " + w["duties"].format(n=len(s.duties)))
        if s.knowledge:
            acts = sorted({k.act for k in s.knowledge if k.act})
            out.append("  " + w["knowledge"].format(n=len(s.knowledge), acts=", ".join(acts)))
    return "\n".join(out) + "\n"
