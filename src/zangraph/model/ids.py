"""Identifiers: every IRI the graph mints is made here, from identity, never from dates of versions or file order.

Acts, their parts, the versions of parts and their language expressions are named by one value type,
:class:`FrbrUri`, in the Akoma Ntoso way: ``/akn/kz/act/<type>/<date>/<number>`` for the act (the work),
``/~<eId>`` for a part, ``/@<key>`` for a version (the key of the act whose event made it, or
``original``) and ``/<lang>`` for an expression. The date component is the act's year, or its full date
where two acts of the same type, year and number exist (see :class:`ActNames`). The same value has a
short form for the API, its ``key``: ``order-2001-17``, ``order-2001-17~att_1__para_4``,
``order-2001-17~att_1__para_4@order-2003-9``.

>>> uri = FrbrUri.act("order", "2001", "17").part("att_1__chp_2__para_40").at("order-2003-9").expressed_in("ru")
>>> str(uri)
'/akn/kz/act/order/2001/17/~att_1__chp_2__para_40/@order-2003-9/ru'
>>> FrbrUri.parse(str(uri)) == uri
True
>>> uri.key, uri.work.key
('order-2001-17~att_1__chp_2__para_40@order-2003-9', 'order-2001-17')
>>> FrbrUri.from_key("joint-order-2001-05-03-12/1~preamble")
Traceback (most recent call last):
ValueError: 'joint-order-2001-05-03-12/1~preamble' is not an act key: type-date-number[~eId][@version]
>>> FrbrUri.from_key("joint-order-2001-05-03-12-1~preamble").number
'12-1'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date

from rdflib import URIRef

# Types of acts the identifiers know, longest first so that a key is read unambiguously.
ACT_TYPES = ("constitutional-law", "joint-order", "resolution", "decision", "decree", "order", "code", "law")

_TOKEN = r"[\w.-]+"
_DATE = r"\d{4}(?:-\d{2}-\d{2})?"
_TYPE = "|".join(ACT_TYPES)
ITEMS = ("duty", "knowledge", "rung")  # what the domain layer reads from an expression, one by one
# An eId: steps joined by "__", each with the wording it belongs to after "!". A step holds single underscores
# only, so that where a step ends is never in doubt: a pattern that could split "a__b" two ways backtracks
# exponentially on a long id that fails to match, and ids come from requests.
_STEP = r"(?:[^\W_]|-)+(?:_(?:[^\W_]|-)+)*"
_WORDING = r"(?:[^\W_]|[.-])+(?:_(?:[^\W_]|[.-])+)*"
_EID = rf"{_STEP}(?:!{_WORDING})?(?:__{_STEP}(?:!{_WORDING})?)*"
_WORK = re.compile(rf"^/akn/kz/act/(?P<type>{_TYPE})/(?P<date>{_DATE})/(?P<number>{_TOKEN})"
                   rf"(?:/~(?P<eid>{_EID}))?(?:/@(?P<version>[\w.-]+))?(?:/(?P<language>en|ru|kk))?"
                   rf"(?:/(?P<item>(?:{'|'.join(ITEMS)})/\d+))?$")
# In a key, a full date is one with a month and a day that can be, so that a number printed with dashes
# ("14-27-1.2", of 2001) is not read as a date ("2001-14-27").
_KEY = re.compile(rf"^(?P<type>{_TYPE})-(?P<date>\d{{4}}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])|\d{{4}})"
                  rf"-(?P<number>{_TOKEN}?)"
                  rf"(?:~(?P<eid>{_EID}))?(?:@(?P<version>[\w.-]+))?$")
_OTHER = re.compile(
    r"^/event/(?P<event>[\w.~!-]+)$|^/position/(?P<position>[\w-]*)$|^/finding/(?P<finding>[\w-]+)$"
    r"|^/span/(?P<span_file>[\w.-]+)/(?P<span_lines>\d+-\d+)/(?P<span_chars>\d+-\d+)$"
    r"|^/note/(?P<note_file>[\w.-]+)/(?P<note_line>\d+)$"
    r"|^/rule/(?P<rule>[\w.~-]+)$|^/boundary/(?P<boundary>[\w.~-]+)$|^/topic/(?P<topic>[\w-]+)$"
    r"|^/graph/(?P<graph>[\w./-]+)$|^/act/(?P<named_act>[\w-]+)$")
_SLUG = re.compile(r"[^a-z0-9]+")
_NUMBER_SIGN = re.compile(r"^\s*(?:№|N(?=\s|\d))\s*")
_UNSAFE = re.compile(r"[^\w.-]+")


def slug(text: str) -> str:
    """A readable, stable key from a title: lower case ASCII words joined by hyphens.

    >>> slug("Family support worker (general profile)")
    'family-support-worker-general-profile'
    """
    return _SLUG.sub("-", text.lower()).strip("-")


# Cyrillic letters of Russian and Kazakh in Latin, for keys of things only Cyrillic texts name (a position of a
# Russian register). Keys need only be readable and stable, not a standard romanisation.
_LATIN = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "iu", "я": "ia", "ә": "a", "ғ": "g", "қ": "q", "ң": "n", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i",
})


def title_key(title: str) -> str:
    """The key of a thing named by a title in any of the three languages: the title's words in lower-case
    Latin letters, joined by hyphens.

    >>> title_key("Заведующий архивом учреждения"), title_key("Әлеуметтік қызметкер")
    ('zaveduiushchii-arkhivom-uchrezhdeniia', 'aleumettik-qyzmetker')
    """
    return slug(title.lower().translate(_LATIN))


def steps(eid: str) -> list[tuple[str, str]]:
    """The steps of an eId, each its kind and number: ``att_2__chp_3__sec_4-1`` is annex 2, chapter 3, section 4-1.
    A work eId's wordings (see :func:`qualify`) are not steps.

    >>> steps("att_2__chp_3__sec_4-1"), steps("preamble"), steps("att_1!order-2003-9__preface")
    ([('att', '2'), ('chp', '3'), ('sec', '4-1')], [('preamble', '')], [('att', '1'), ('preface', '')])
    """
    out = []
    for step in eid.split("__"):
        kind, _, num = step.split(WORDING, 1)[0].partition("_")
        out.append((kind, num))
    return out


# A part restated as a whole ("Приложение изложить в новой редакции") has new parts: the point 4 of the annex
# as worded by the restating act is not the point 4 of the annex as worded before, even where both say "4.". The work
# eId of a part inside such a part names, on the restated part's step, the act whose wording it belongs to.
WORDING = "!"


def qualify(eid: str, wordings: dict[str, str]) -> str:
    """The work eId of a part of a text: each step that is a part restated as a whole (``wordings``: its
    document eId -> the key of the act whose wording the text gives) names that act.

    >>> qualify("att_1__chp_4__para_2", {"att_1": "order-2003-9"})
    'att_1!order-2003-9__chp_4__para_2'
    >>> qualify("att_1", {"att_1": "order-2003-9"}), qualify("para_1__point_2", {})
    ('att_1', 'para_1__point_2')
    """
    pieces = eid.split("__")
    out = []
    for i, piece in enumerate(pieces):
        prefix = "__".join(pieces[: i + 1])
        out.append(f"{piece}{WORDING}{wordings[prefix]}" if i < len(pieces) - 1 and prefix in wordings else piece)
    return "__".join(out)


def is_caption(eid: str) -> bool:
    """An annex's caption ("Приложение к приказу …"): it names the annex and is not part of its wording."""
    return steps(eid)[-1][0] == "preface"


def work_eid(eid: str, wordings: dict[str, str]) -> str:
    """A part's work eId in a text whose restated parts have the given wordings; an annex's caption keeps its
    name across a restatement of the annex (the publisher keeps its notes there).

    >>> work_eid("att_1__preface", {"att_1": "order-2003-9"}), work_eid("att_1__chp_1", {"att_1": "order-2003-9"})
    ('att_1__preface', 'att_1!order-2003-9__chp_1')
    """
    return eid if is_caption(eid) else qualify(eid, wordings)


def plain(eid: str) -> str:
    """The document eId of a work eId: the part as the text numbers it.

    >>> plain("att_3!order-2003-9__chp_4__sec_6__para_54!order-2004-12__indent_2")
    'att_3__chp_4__sec_6__para_54__indent_2'
    """
    return "__".join(piece.split(WORDING, 1)[0] for piece in eid.split("__"))


def wordings(eid: str) -> dict[str, str]:
    """The restated parts a work eId is inside, by document eId, with the act whose wording it belongs to.

    >>> wordings("att_3!order-2003-9__chp_4__sec_6__para_54!order-2004-12__indent_2")
    {'att_3': 'order-2003-9', 'att_3__chp_4__sec_6__para_54': 'order-2004-12'}
    """
    out = {}
    pieces = eid.split("__")
    for i, piece in enumerate(pieces):
        if WORDING in piece:
            out[plain("__".join(pieces[: i + 1]))] = piece.split(WORDING, 1)[1]
    return out


def ancestors(eid: str) -> list[str]:
    """The eIds of the parts that contain a part, outermost first (a restated part itself keeps its name).

    >>> ancestors("att_3__chp_7__para_40")
    ['att_3', 'att_3__chp_7']
    >>> ancestors("att_1!order-2003-9__chp_4__sec_2")
    ['att_1', 'att_1!order-2003-9__chp_4']
    """
    pieces = eid.split("__")
    out = []
    for i in range(1, len(pieces)):
        head = pieces[: i]
        out.append("__".join([*head[:-1], head[-1].split(WORDING, 1)[0]]))
    return out


_SPAN = re.compile(r"/span/(?P<file>[\w.-]+)/(?P<first>\d+)-(?P<last>\d+)/(?P<start>\d+)-(?P<end>\d+)$")


def span_location(iri: str) -> dict[str, str | int]:
    """The file, lines and characters a span IRI names, whatever its base.

    >>> span_location("https://x.example/span/a.md/3-5/10-90")
    {'file': 'a.md', 'first_line': 3, 'last_line': 5, 'start': 10, 'end': 90}
    """
    m = _SPAN.search(iri)
    if not m:
        raise ValueError(f"{iri!r} is not a span")
    return {"file": m["file"], "first_line": int(m["first"]), "last_line": int(m["last"]), "start": int(m["start"]),
            "end": int(m["end"])}


def language_of(iri: str) -> str | None:
    """The language of an expression IRI (None for a version's or a part's)."""
    return FrbrUri.within(iri).language


def within(eid: str, container: str) -> bool:
    """Whether a part is the part ``container`` or inside it.

    >>> within("att_1!order-2003-9__chp_2", "att_1"), within("att_10", "att_1")
    (True, False)
    """
    return eid == container or container in ancestors(eid)


def number_token(published: str) -> str:
    """An act's number as printed, made safe for a path segment: the number sign dropped, slashes and spaces
    turned into hyphens, letters kept.

    >>> number_token("№ 77/2"), number_token("N 641"), number_token("ҚР ДСМ-130/2020"), number_token("№150-ө-м")
    ('77-2', '641', 'ҚР-ДСМ-130-2020', '150-ө-м')
    """
    token = _UNSAFE.sub("-", _NUMBER_SIGN.sub("", published).strip()).strip("-.")
    if not token:
        raise ValueError(f"{published!r} holds no act number")
    return token


@dataclass(frozen=True, order=True)
class FrbrUri:
    """The Akoma Ntoso name of an act, a part, a version or an expression (a path, without the base)."""

    type: str
    date: str  # "2001" or "2001-05-03"
    number: str  # an IRI-safe number token (see number_token)
    eid: str | None = None
    version: str | None = None
    language: str | None = None
    item: str | None = None  # "duty/3": the third duty an expression states

    def __post_init__(self) -> None:
        if self.type not in ACT_TYPES:
            raise ValueError(f"unknown act type {self.type!r}: expected one of {', '.join(ACT_TYPES)}")
        if not re.fullmatch(_DATE, self.date):
            raise ValueError(f"act date component {self.date!r} is neither a year nor YYYY-MM-DD")
        if not re.fullmatch(_TOKEN, self.number):
            raise ValueError(f"act number {self.number!r} is not a number token")

    @classmethod
    def act(cls, type_: str, when: str | int | date, number: str) -> FrbrUri:
        stamp = when.isoformat() if isinstance(when, date) else str(when)
        return cls(type_, stamp, number)

    @classmethod
    def parse(cls, path: str) -> FrbrUri:
        m = _WORK.match(path)
        if not m:
            raise ValueError(f"{path!r} is not an Akoma Ntoso act path: /akn/kz/act/<type>/<date>/<number>[...]")
        return cls(**{k: v for k, v in m.groupdict().items() if v is not None})

    @classmethod
    def within(cls, iri: str) -> FrbrUri:
        """The FRBR name an IRI ends with, whatever its base."""
        start = iri.find("/akn/")
        if start < 0:
            raise ValueError(f"{iri!r} names no act")
        return cls.parse(iri[start:])

    @classmethod
    def from_key(cls, key: str) -> FrbrUri:
        m = _KEY.match(key)
        if not m or not m["number"]:
            raise ValueError(f"{key!r} is not an act key: type-date-number[~eId][@version]")
        return cls(**{k: v for k, v in m.groupdict().items() if v is not None})

    @property
    def work(self) -> FrbrUri:
        """The act itself."""
        return FrbrUri(self.type, self.date, self.number)

    @property
    def year(self) -> int:
        return int(self.date[:4])

    def part(self, eid: str) -> FrbrUri:
        return replace(self.work, eid=eid)

    def at(self, version: str) -> FrbrUri:
        return replace(self, version=version, language=None)

    def expressed_in(self, language: str) -> FrbrUri:
        if self.version is None:
            raise ValueError(f"{self} names no version: an expression is the text of a version")
        return replace(self, language=language)

    def nth(self, kind: str, k: int) -> FrbrUri:
        """The ``k``-th duty, knowledge requirement or qualification rung an expression states."""
        if self.language is None or kind not in ITEMS:
            raise ValueError(f"{kind} {k} of {self}: only an expression states {', '.join(ITEMS)}")
        return replace(self, item=f"{kind}/{k}")

    @property
    def key(self) -> str:
        out = f"{self.type}-{self.date}-{self.number}"
        if self.eid:
            out += f"~{self.eid}"
        if self.version:
            out += f"@{self.version}"
        return out

    def __str__(self) -> str:
        out = f"/akn/kz/act/{self.type}/{self.date}/{self.number}"
        if self.eid:
            out += f"/~{self.eid}"
        if self.version:
            out += f"/@{self.version}"
        if self.language:
            out += f"/{self.language}"
        if self.item:
            out += f"/{self.item}"
        return out


class ActNames:
    """Which date component each act's name takes: its year, unless another act of the same type, year and
    number (and another date) is known, in which case both are named by their full dates.

    >>> names = ActNames([("order", date(2001, 2, 26), "71"), ("order", date(2001, 5, 4), "71"),
    ...                   ("order", date(2001, 8, 17), "318")])
    >>> str(names.uri("order", date(2001, 2, 26), "71")), names.uri("order", date(2001, 8, 17), "318").key
    ('/akn/kz/act/order/2001-02-26/71', 'order-2001-318')
    """

    def __init__(self, acts: list[tuple[str, date, str]] | None = None):
        self._dates: dict[tuple[str, int, str], set[date]] = {}
        for type_, when, number in acts or ():
            self.add(type_, when, number)

    def add(self, type_: str, when: date, number: str) -> None:
        self._dates.setdefault((type_, when.year, number_token(number)), set()).add(when)

    def uri(self, type_: str, when: date, number: str) -> FrbrUri:
        token = number_token(number)
        precise = len(self._dates.get((type_, when.year, token), ())) > 1
        return FrbrUri.act(type_, when if precise else when.year, token)


def act_key(uri: FrbrUri) -> str:
    """The key of an act inside other identifiers (events, boundaries, versions): ``order-2003-9``."""
    return uri.work.key


@dataclass(frozen=True)
class Ids:
    """Full IRIs: the base joined to an FRBR path, or to the path of another kind of resource."""

    base: str

    def __post_init__(self) -> None:
        if self.base.endswith("/"):
            raise ValueError(f"base IRI {self.base!r} must not end with '/'")

    def _iri(self, path: str) -> URIRef:
        return URIRef(self.base + path)

    def of(self, uri: FrbrUri) -> URIRef:
        """The IRI of an act, part, version or expression."""
        return self._iri(str(uri))

    def named_act(self, key: str) -> URIRef:
        """An act known by name only (the Labour Code): no number or year in the corpus to build an AKN IRI."""
        return self._iri(f"/act/{key}")

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

    def frbr(self, iri: str) -> FrbrUri:
        """The FRBR name of an act, part, version or expression IRI minted here; ValueError otherwise."""
        return FrbrUri.parse(self._path(iri))

    def act_key(self, iri: str) -> str:
        """The key of an act's IRI: ``order-2001-17`` for a numbered act, the name of a named one (``labour-code``).
        """
        parsed = self.parse(iri)
        return parsed["named_act"] if "named_act" in parsed else self.frbr(iri).work.key

    def parse(self, iri: str) -> dict[str, str]:
        """The components of any IRI minted here; raises ValueError for any other IRI."""
        path = self._path(iri)
        m = _WORK.match(path) or _OTHER.match(path)
        if not m:
            raise ValueError(f"{iri!r} is not an identifier Zangraph mints")
        return {k: v for k, v in m.groupdict().items() if v is not None}

    def _path(self, iri: str) -> str:
        if not iri.startswith(self.base + "/"):
            raise ValueError(f"{iri!r} is not under {self.base}")
        return iri[len(self.base):]
