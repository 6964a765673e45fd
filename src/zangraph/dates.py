"""Dates as the three languages write them.

>>> find_dates("dated August 14, 2018 Ne 350", "en")[0][0]
datetime.date(2018, 8, 14)
>>> find_dates("от 25 октября 2017 года № 360", "ru")[0][0]
datetime.date(2017, 10, 25)
>>> find_dates("2018 жылғы 18 қыркүйекте № 17383", "kk")[0][0]
datetime.date(2018, 9, 18)
>>> find_dates("от 23.12.2021 № 488", "ru")[0][0]
datetime.date(2021, 12, 23)
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


def find_dates(text: str, language: str) -> list[tuple[date, int]]:
    """Every date in ``text`` with its character position, in order of position."""
    found = [(date(int(y), int(m), int(d)), mt.start()) for mt in _NUMERIC.finditer(text)
             for d, m, y in [mt.groups()]]
    if language == "en":
        found += [(date(int(y), _EN_MONTHS.index(mo.lower()) + 1, int(d)), mt.start())
                  for mt in _EN.finditer(text) for mo, d, y in [mt.groups()]]
    elif language == "ru":
        found += [(date(int(y), _ru_month(mo), int(d)), mt.start())
                  for mt in _RU.finditer(text) for d, mo, y in [mt.groups()]]
    elif language == "kk":
        found += [(date(int(y), _KK_MONTHS.index(mo.lower()) + 1, int(d)), mt.start())
                  for mt in _KK.finditer(text) for y, d, mo in [mt.groups()]]
    return sorted(found, key=lambda pair: pair[1])
