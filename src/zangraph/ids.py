"""Identifiers: every IRI the graph mints is made here, from identity, never from dates or file order.

Paths follow Akoma Ntoso's naming (``/akn/kz/act/order/2017/360``) with ``~eId`` for a part, ``@key`` for a
version (the key of the event that made it, or ``original``) and ``/lang`` for an expression. See
docs/identifiers.md. :func:`parse` turns an IRI back into its components.

>>> ids = Ids("https://zangraph.example")
>>> act = ids.act("order", 2017, "360")
>>> str(act)
'https://zangraph.example/akn/kz/act/order/2017/360'
>>> str(ids.version(ids.part(act, "att_1__chp_2__sec_6__para_54"), "order-2024-316"))
'https://zangraph.example/akn/kz/act/order/2017/360/~att_1__chp_2__sec_6__para_54/@order-2024-316'
>>> ids.parse(str(ids.expression(ids.version(ids.part(act, "preamble"), "original"), "ru")))["language"]
'ru'
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import URIRef

_ACT = r"/akn/kz/act/(?P<type>[a-z]+)/(?P<year>\d{4})/(?P<number>[\w-]+)"
_PATTERN = re.compile(
    rf"^{_ACT}(?:/~(?P<eid>[\w-]+))?(?:/@(?P<version>[\w-]+))?(?:/(?P<language>en|ru|kk))?$"
    r"|^/event/(?P<event>[\w~-]+)$|^/position/(?P<position>[\w-]+)$|^/finding/(?P<finding>[\w-]+)$"
    r"|^/span/(?P<span_file>[\w.-]+)/(?P<span_lines>\d+-\d+)/(?P<span_chars>\d+-\d+)$|^/note/(?P<note_file>[\w.-]+)/(?P<note_line>\d+)$"
    r"|^/rule/(?P<rule>[\w~-]+)$|^/boundary/(?P<boundary>[\w~-]+)$|^/topic/(?P<topic>[\w-]+)$"
    r"|^/graph/(?P<graph>[\w./-]+)$|^/act/(?P<named_act>[\w-]+)$"
)
_SLUG = re.compile(r"[^a-z0-9]+")


def slug(text: str) -> str:
    """A readable, stable key from a title: lower case ASCII words joined by hyphens.

    >>> slug("Social work consultant (general profile)")
    'social-work-consultant-general-profile'
    """
    return _SLUG.sub("-", text.lower()).strip("-")


def act_key(act_type: str, year: int, number: str) -> str:
    """The key of an act inside other identifiers: ``order-2024-316``."""
    return f"{act_type}-{year}-{number}"


@dataclass(frozen=True)
class Ids:
    base: str

    def __post_init__(self) -> None:
        if self.base.endswith("/"):
            raise ValueError(f"base IRI {self.base!r} must not end with '/'")

    def _iri(self, path: str) -> URIRef:
        return URIRef(self.base + path)

    def act(self, act_type: str, year: int, number: str) -> URIRef:
        return self._iri(f"/akn/kz/act/{act_type}/{year}/{number}")

    def named_act(self, key: str) -> URIRef:
        """An act known by name only (the Labour Code): no number or year in the corpus to build an AKN IRI."""
        return self._iri(f"/act/{key}")

    def part(self, act: URIRef, eid: str) -> URIRef:
        return URIRef(f"{act}/~{eid}")

    def version(self, work: URIRef, key: str) -> URIRef:
        return URIRef(f"{work}/@{key}")

    def expression(self, version: URIRef, language: str) -> URIRef:
        return URIRef(f"{version}/{language}")

    def event(self, acting_key: str, target_act_key: str, eid: str | None, change: str) -> URIRef:
        return self._iri(f"/event/{acting_key}~{target_act_key}~{eid or 'act'}~{change}")

    def position(self, key: str) -> URIRef:
        return self._iri(f"/position/{key}")

    def topic(self, key: str) -> URIRef:
        return self._iri(f"/topic/{key}")

    def span(self, file: str, first_line: int, last_line: int, start: int, end: int) -> URIRef:
        """A range of a source file: its lines, then its characters (two parts may share lines, never
        characters). The location is in the IRI so that a client can cite it without another lookup."""
        return self._iri(f"/span/{file}/{first_line}-{last_line}/{start}-{end}")

    def note(self, file: str, line: int) -> URIRef:
        return self._iri(f"/note/{file}/{line}")

    def graph(self, name: str) -> URIRef:
        return self._iri(f"/graph/{name}")

    def rule(self, key: str) -> URIRef:
        return self._iri(f"/rule/{key}")

    def boundary(self, key: str) -> URIRef:
        return self._iri(f"/boundary/{key}")

    def finding(self, key: str) -> URIRef:
        return self._iri(f"/finding/{key}")

    def parse(self, iri: str) -> dict[str, str]:
        """The components of an IRI minted here; raises ValueError for any other IRI."""
        if not iri.startswith(self.base + "/"):
            raise ValueError(f"{iri!r} is not under {self.base}")
        m = _PATTERN.match(iri[len(self.base):])
        if not m:
            raise ValueError(f"{iri!r} is not an identifier Zangraph mints")
        return {k: v for k, v in m.groupdict().items() if v is not None}
