"""Dates as the three languages write them.

>>> find_dates("dated August 16, 2001 Ne 57", "en")[0][0]
datetime.date(2001, 8, 16)
>>> find_dates("от 26 октября 2001 года № 57", "ru")[0][0]
datetime.date(2001, 10, 26)
>>> find_dates("2001 жылғы 19 қыркүйекте № 1738", "kk")[0][0]
datetime.date(2001, 9, 19)
>>> find_dates("от 24.12.2001 № 48", "ru")[0][0]
datetime.date(2001, 12, 24)
"""

from __future__ import annotations

import re
from datetime import date

_EN_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
              "october", "november", "december"]
_RU_MONTHS = ["январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
              "ноябр", "декабр"]
_KK_MONTHS = ["қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек",
              "қазан", "қараша", "желтоқсан"]

_NUMERIC = re.compile(r"\b(\d{2})\.(\d{2})\.(\d{4})\b")
_EN = re.compile(r"\b(" + "|".join(_EN_MONTHS) + r")\s+(\d{1,2}),\s*(\d{4})", re.IGNORECASE)
_RU = re.compile(r"\b(\d{1,2})\s+(январ|феврал|марта|апрел|мая|июн|июл|август|сентябр|октябр|ноябр|декабр)\w*\s+"
                 r"(\d{4})", re.IGNORECASE)
_KK = re.compile(r"\b(\d{4})\s+жылғы\s+(\d{1,2})\s+(" + "|".join(_KK_MONTHS) + r")\w*", re.IGNORECASE)


def _ru_month(word: str) -> int:
    word = word.lower()
    if word.startswith("мая"):
        return 5
    if word.startswith("март"):
        return 3
    return next(i for i, stem in enumerate(_RU_MONTHS, 1) if stem != "ма" and word.startswith(stem))


def date_spans(text: str, language: str) -> list[tuple[date, int, int]]:
    """Every date in ``text`` with where it starts and ends, in order; impossible dates (31.02) are not dates.

    >>> [(d.isoformat(), a, b) for d, a, b in date_spans("от 30 мая 2001 г. N 641 и от 31.02.2001", "ru")]
    [('2001-05-30', 3, 14)]
    """
    found = []
    for pattern, order in (*_PATTERNS.get(language, ()), (_NUMERIC, "dmy")):
        for mt in pattern.finditer(text):
            parts = dict(zip(order, mt.groups(), strict=True))
            try:
                found.append((date(int(parts["y"]), _month(parts["m"], language), int(parts["d"])), mt.start(),
                              mt.end()))
            except (ValueError, StopIteration):
                continue
    return sorted(found, key=lambda item: item[1])


def find_dates(text: str, language: str) -> list[tuple[date, int]]:
    """Every date in ``text`` with its character position, in order of position."""
    return [(d, start) for d, start, _ in date_spans(text, language)]


def _month(word: str, language: str) -> int:
    if word.isdigit():
        return int(word)
    if language == "en":
        return _EN_MONTHS.index(word.lower()) + 1
    if language == "ru":
        return _ru_month(word)
    return _KK_MONTHS.index(word.lower()) + 1


_EN_DMY = re.compile(r"\b(\d{1,2})\s+(" + "|".join(_EN_MONTHS) + r")\s+(\d{4})", re.IGNORECASE)
_PATTERNS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "en": ((_EN, "mdy"), (_EN_DMY, "dmy")),
    "ru": ((_RU, "dmy"),),
    "kk": ((_KK, "ydm"),),
}
