"""How a page answers: the same resource as HTML (a Jinja2 template, rendered on the server), JSON, Turtle or CSV,
by ``_format`` or Accept; and the things every template uses (the date and language the pages answer for, links
that keep them, words in the page's language)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, Response
from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from pydantic import BaseModel

from zangraph import __version__
from zangraph.api.answer import Answer
from zangraph.api.pages.words import LANGUAGE_NAMES, say
from zangraph.api.rdf import rdf_response
from zangraph.errors import InvalidParameter, NotFound
from zangraph.model.ids import FrbrUri
from zangraph.service.params import parse_date
from zangraph.service.texts import LANGS, choose, label
from zangraph.store.base import NotAcceptable, Repository, negotiate

TEMPLATES = Path(__file__).resolve().parent / "templates"
MEDIA = {"html": "text/html", "json": "application/json", "ttl": "text/turtle", "csv": "text/csv"}
_ENV = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(["html", "svg"]),
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


@dataclass(frozen=True)
class Context:
    """What a page answers for: a date (today unless asked), a language, and the page's own address."""

    at: date
    lang: str
    path: str
    query: dict[str, str]
    chosen: bool  # whether the date was asked for (links then keep it)

    @classmethod
    def of(cls, request: Request) -> Context:
        lang = request.query_params.get("lang") or "en"
        if lang not in LANGS:
            raise InvalidParameter("lang", lang, "one of " + ", ".join(LANGS))
        raw = request.query_params.get("at") or None
        return cls(parse_date("at", raw, date.today()), lang, request.url.path, dict(request.query_params), bool(raw))

    def link(self, path: str, **params: Any) -> str:
        """An address on this site that keeps the date and language the page answers for."""
        kept: dict[str, Any] = {}
        if self.chosen:
            kept["at"] = self.at.isoformat()
        if self.lang != "en":
            kept["lang"] = self.lang
        kept.update({k: v for k, v in params.items() if v is not None})
        return path + ("?" + urlencode(kept) if kept else "")

    def here(self, **params: Any) -> str:
        """This page's address with some parameters changed (None drops one)."""
        query = {k: v for k, v in self.query.items() if k != "_format"}
        query.update(params)
        query = {k: v for k, v in query.items() if v is not None}
        return self.path + ("?" + urlencode(query) if query else "")

    def say(self, key: str, **values: Any) -> str:
        return say(key, self.lang, **values)


def chosen_format(request: Request, offered: list[str]) -> str:
    """The form of the answer: ``_format`` (html, json, ttl, csv) wins over Accept; 406 when none is offered."""
    media_types = [MEDIA[name] for name in offered]
    fmt = request.query_params.get("_format")
    if fmt:
        if fmt.lower() not in offered:
            raise NotAcceptable(media_types)
        return fmt.lower()
    media = negotiate(request.headers.get("accept"), media_types)
    if media is None:
        raise NotAcceptable(media_types)
    return next(name for name, m in MEDIA.items() if m == media)


def html(template: str, ctx: Context, status: int = 200, formats: list[tuple[str, str]] | None = None,
         **values: Any) -> HTMLResponse:
    body = _ENV.get_template(template).render(ctx=ctx, say=ctx.say, langs=LANGS, language_names=LANGUAGE_NAMES,
                                              formats=formats or [], version=__version__, **values)
    return HTMLResponse(body, status_code=status, headers={"Vary": "Accept"})


def answer(request: Request, offered: list[str], page: Callable[[Context], Response],
           data: Callable[[Context], BaseModel | dict[str, Any]] | None = None,
           table: Callable[[Context], Response] | None = None,
           turtle: Callable[[Context], Response] | None = None) -> Response:
    """The page in the form the request asks for (``data``: its JSON, a model of the service or of the page). A
    page in a browser that names a missing thing or a wrong parameter answers with an HTML page saying so (and
    the same status); the other forms, as problem+json."""
    form = chosen_format(request, offered)
    if form != "html":
        ctx = Context.of(request)
        if form == "json" and data is not None:
            return Answer(data(ctx), headers={"Vary": "Accept"})
        made = table if form == "csv" else turtle
        assert made is not None, f"{form} is offered with nothing to make it"
        return made(ctx)
    try:
        ctx = Context.of(request)
        return page(ctx)
    except (NotFound, InvalidParameter) as exc:
        status = 404 if isinstance(exc, NotFound) else 422
        fallback = Context(date.today(), _safe_lang(request), request.url.path, {}, False)
        return html("error.html", fallback, status=status, title=say("error_" + str(status), fallback.lang),
                    detail=str(exc))


def turtle_of(repository: Repository, iri: Callable[[], str]) -> Callable[[Context], Response]:
    """The Turtle form of a page: the statements about the thing it shows, and those that refer to it."""
    def make(_: Context) -> Response:
        resource = iri()
        body = repository.construct("describe", "text/turtle", resource=resource)
        if not body.strip():
            raise NotFound("resource", resource)
        return rdf_response(body, "text/turtle")

    return make


def _safe_lang(request: Request) -> str:
    lang = request.query_params.get("lang")
    return lang if lang in LANGS else "en"


def formats(ctx: Context, offered: list[str]) -> list[tuple[str, str]]:
    """Links to this page's other forms."""
    return [(name.upper() if name != "ttl" else "Turtle", ctx.here(_format=name)) for name in offered
            if name != "html"]


def day(value: str | date | None) -> str:
    """A date as the acts print it, DD.MM.YYYY; an open end as an ellipsis.

    >>> day("2023-07-01"), day(None)
    ('01.07.2023', '…')
    """
    if value is None or value == "":
        return "…"
    when = value if isinstance(value, date) else date.fromisoformat(value)
    return when.strftime("%d.%m.%Y")


def title_in(titles: dict[str, str], lang: str) -> tuple[str, str] | None:
    """A title in a language, or in another that the graph has, with the language it is in."""
    used = choose(lang, {code for code, title in titles.items() if title})
    return (titles[used], used) if used else None


def version_name(key: str) -> str | None:
    """The version a version's id names: ``original``, or the amending act's id.

    >>> version_name("order-2001-17~att_1__chp_2@order-2003-9")
    'order-2003-9'
    """
    return FrbrUri.from_key(key).version


def part_label(key: str, lang: str) -> str:
    """A part's name in a language from its id; the whole act, or a named act, as such.

    >>> part_label("order-2001-17~att_2__chp_5__sec_11", "kk")
    '2-қосымша, 5-тарау, 11-параграф'
    """
    try:
        uri = FrbrUri.from_key(key)
    except ValueError:
        return key
    return label(uri.eid, lang) if uri.eid else say("whole_act", lang)


_ENV.filters["day"] = day
_ENV.filters["part_label"] = part_label
_ENV.filters["version_name"] = version_name
