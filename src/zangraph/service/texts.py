"""How answers put things in words: a part's eId as a label, a part's text in document order, the language
an answer is given in, the last segment of an IRI. Pure functions, no store."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

from zangraph.model.ids import WORDING, language_of, steps

LANGS = ("en", "ru", "kk")
_STEPS = {
    "en": {"att": "annex", "chp": "chapter", "sec": "section", "para": "point", "point": "sub-point",
           "indent": "indent", "preface": "caption", "preamble": "preamble", "hcontainer": "field"},
    "ru": {"att": "приложение", "chp": "глава", "sec": "параграф", "para": "пункт", "point": "подпункт",
           "indent": "абзац", "preface": "заголовок", "preamble": "преамбула", "hcontainer": "поле"},
    "kk": {"att": "қосымша", "chp": "тарау", "sec": "параграф", "para": "тармақ", "point": "тармақша",
           "indent": "абзац", "preface": "тақырып", "preamble": "кіріспе", "hcontainer": "өріс"},
}
_WORDED = {"en": "as worded by {act}", "ru": "в редакции {act}", "kk": "{act} редакциясында"}


def label(eid: str, lang: str = "en", last: bool = False) -> str:
    """A part's eId in words of a language; a part of a restated part says whose wording it is in. With
    ``last``, only the part's own step ("point 40"), for a part shown within its parents.

    >>> label("att_2__chp_3__sec_6__para_40")
    'annex 2, chapter 3, section 6, point 40'
    >>> label("att_2__att_1__sec_30__hcontainer_code")
    'annex 2, annex 1, section 30, field code'
    >>> label("att_1!order-2003-9__chp_4__sec_2")
    'annex 1 as worded by order-2003-9, chapter 4, section 2'
    >>> label("att_2__chp_5__sec_11", "ru"), label("att_2__chp_5__sec_11", "kk")
    ('приложение 2, глава 5, параграф 11', '2-қосымша, 5-тарау, 11-параграф')
    >>> label("att_2__chp_3__sec_6__para_40", last=True)
    'point 40'
    """
    out = []
    for piece, (kind, num) in zip(eid.split("__"), steps(eid), strict=True):
        word = _STEPS[lang].get(kind, kind)
        # Kazakh puts the number first, as its texts do ("2-тарау").
        words = (f"{num}-{word}" if lang == "kk" and num else f"{word} {num}").strip()
        if WORDING in piece:
            words += " " + _WORDED[lang].format(act=piece.split(WORDING, 1)[1])
        out.append(words)
    return ", ".join(out[-1:] if last else out)


EDUCATION = {"higher_education": "higher", "post_secondary": "post_secondary",
              "technical_vocational": "technical_vocational", "basic_secondary": "basic_secondary"}


def snake(name: str | None) -> str | None:
    if name is None:
        return None
    return "".join("_" + c.lower() if c.isupper() and i else c.lower() for i, c in enumerate(name))


def local(iri: str | None) -> str | None:
    """The last segment of an IRI, after its last ``/`` or ``#``.

    >>> local("https://w3id.org/zangraph/ontology#estimated")
    'estimated'
    """
    return re.split(r"[#/]", iri)[-1] if iri else None


def iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def last_day(end: date | None) -> date | None:
    """The last day of a half-open interval that ends (exclusive) on ``end``, for people.

    >>> last_day(date(2023, 7, 1)), last_day(None)
    (datetime.date(2023, 6, 30), None)
    """
    return end - timedelta(days=1) if end else None


def choose(lang: str, available: set[str]) -> str | None:
    if lang in available:
        return lang
    return next((x for x in LANGS if x in available), None)


def heading(rows: list[dict[str, Any]], lang: str) -> str | None:
    headings = {language_of(r["expression"]): r["heading"] for r in rows if r["expression"] and r["heading"]}
    chosen = choose(lang, set(headings))
    return headings.get(chosen) if chosen else None


def text(rows: list[dict[str, Any]], lang: str | None) -> str | None:
    """The text of a part and its parts, in document order, one paragraph a line."""
    if lang is None:
        return None
    lines = []
    for r in sorted((r for r in rows if r["expression"] and language_of(r["expression"]) == lang),
                    key=lambda r: order(r["eid"])):
        words = " ".join(x for x in (r["label"], r["heading"], r["text"]) if x)
        if words:
            lines.append(words)
    return "\n".join(lines) + "\n" if lines else None


def order(eid: str) -> list[tuple[str, tuple[int, ...]]]:
    out = []
    for kind, num in steps(eid):
        digits = tuple(int(p) for p in num.split("-") if p.isdigit()) if num else ()
        out.append((kind if not digits else "", digits or (0,)))
    return out
