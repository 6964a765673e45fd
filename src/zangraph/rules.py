"""Entry-into-force rules: read from the text, and the date they give.

>>> rule = parse_rule("shall be enforced upon expiry of ten calendar days after the date of its first "
...                   "official publication", "en")
>>> rule.kind.value, rule.days
('after_publication', 10)
>>> parse_rule("вводится в действие с 01.07.2023", "ru").date
datetime.date(2023, 7, 1)
>>> parse_rule("алғашқы ресми жарияланған күнінен кейін күнтізбелік жиырма бір күн өткен соң", "kk").days
21
>>> parse_rule("01.07.2023 бастап қолданысқа енгізіледі", "kk").date
datetime.date(2023, 7, 1)
>>> parse_rule("no rule here", "en") is None
True

The convention for counting days (documented in docs/document-model.md): an act published on day P whose rule
is "N calendar days after the day of its first official publication" is in force from P + N + 1, the day
after the N days have run out.

>>> in_force_from(date(2024, 8, 20), 10)
datetime.date(2024, 8, 31)
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .dates import find_dates
from .model import Rule, RuleKind

_NUMBERS = {
    "en": {"ten": 10, "twenty one": 21, "twenty-one": 21, "fourteen": 14, "thirty": 30, "five": 5},
    "ru": {"десяти": 10, "двадцати одного": 21, "четырнадцати": 14, "тридцати": 30, "пяти": 5},
    "kk": {"он": 10, "жиырма бір": 21, "он төрт": 14, "отыз": 30, "бес": 5},
}
_AFTER = {
    "en": re.compile(r"\b(?P<n>twenty[ -]one|\w+) calendar days after the (?:day|date) of (?:its|the) first "
                     r"official publication", re.IGNORECASE),
    "ru": re.compile(r"по истечении (?P<n>двадцати одного|\w+) календарных дней после дня (?:его )?первого "
                     r"официального опубликования", re.IGNORECASE),
    "kk": re.compile(r"күнтізбелік (?P<n>жиырма бір|он төрт|\w+) күн өткен соң", re.IGNORECASE),
}
_FIXED = {
    "en": re.compile(r"\b(?:from|since)\s+(?=\S)", re.IGNORECASE),
    "ru": re.compile(r"\bв действие с\s+", re.IGNORECASE),
    "kk": re.compile(r"бастап"),
}


def parse_rule(text: str, language: str) -> Rule | None:
    """The entry-into-force rule stated in ``text``, or None if it states none."""
    after = _AFTER[language].search(text)
    if after:
        word = re.sub(r"\s+", " ", after.group("n").lower())
        days = _NUMBERS[language].get(word) or _NUMBERS[language].get(word.replace("-", " "))
        if days is None:
            raise ValueError(f"unknown number of days {word!r} in {text!r}")
        return Rule(RuleKind.AFTER_PUBLICATION, _rule_text(text), days=days)
    fixed = _FIXED[language].search(text)
    if fixed:
        dates = find_dates(text, language)
        if language == "kk":
            before = [d for d, pos in dates if pos < fixed.start()]
            when = before[-1] if before else None
        else:
            when = next((d for d, pos in dates if pos >= fixed.end()), None)
        if when:
            return Rule(RuleKind.FIXED_DATE, _rule_text(text), date=when)
    return None


def _rule_text(text: str) -> str:
    return text.strip(" ()")


def in_force_from(published: date, days: int) -> date:
    """First day in force of an act published on ``published`` under an N-calendar-days rule."""
    return published + timedelta(days=days + 1)
