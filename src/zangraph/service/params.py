"""The parameters an answer is asked with, checked before anything is looked up: dates and languages."""

from __future__ import annotations

from datetime import date

from zangraph.errors import InvalidParameter
from zangraph.service.texts import LANGS


def parse_date(name: str, value: str | None, default: date | None = None) -> date:
    """A parameter's date: absent is ``default`` (when there is one); anything but YYYY-MM-DD is an error.

    >>> parse_date("at", None, date(2024, 1, 1)), parse_date("at", "2023-07-01")
    (datetime.date(2024, 1, 1), datetime.date(2023, 7, 1))
    >>> parse_date("at", "2020-W01-1")
    Traceback (most recent call last):
    zangraph.errors.InvalidParameter: parameter at='2020-W01-1': expected a date YYYY-MM-DD
    """
    if value is None and default is not None:
        return default
    value = value or ""
    # Exactly YYYY-MM-DD in ASCII digits: fromisoformat alone would take week dates ("2020-W01-1") too.
    digits = value[:4] + value[5:7] + value[8:]
    if len(value) != 10 or value[4] != "-" or value[7] != "-" or not (digits.isascii() and digits.isdigit()):
        return _bad(name, value)
    try:
        return date.fromisoformat(value)
    except ValueError:
        return _bad(name, value)


def _bad(name: str, value: str) -> date:
    raise InvalidParameter(name, value, "a date YYYY-MM-DD")


def check_lang(lang: str) -> str:
    """The language an answer is asked in, one of the corpus's.

    >>> check_lang("kk")
    'kk'
    >>> check_lang("de")
    Traceback (most recent call last):
    zangraph.errors.InvalidParameter: parameter lang='de': expected one of en, ru, kk
    """
    if lang not in LANGS:
        raise InvalidParameter("lang", lang, "one of " + ", ".join(LANGS))
    return lang
