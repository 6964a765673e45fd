"""Entry-into-force rules: read from the text, and the date they give.

>>> rule = parse_rule("shall be enforced upon expiry of ten calendar days after the date of its first "
...                   "official publication", "en")
>>> rule.kind.value, rule.days
('after_publication', 10)
>>> parse_rule("вводится в действие по истечении шестидесяти календарных дней после дня его первого "
...            "официального опубликования", "ru").days
60
>>> parse_rule("вводится в действие с 01.07.2001", "ru").date
datetime.date(2001, 7, 1)
>>> parse_rule("алғашқы ресми жарияланған күнінен кейін күнтізбелік жиырма бір күн өткен соң", "kk").days
21
>>> parse_rule("2001 жылғы 1 қазаннан бастап қолданысқа енгізіледі", "kk").date
datetime.date(2001, 10, 1)
>>> [parse_rule(t, "ru").kind.value for t in ("вводится в действие со дня его первого официального опубликования",
...  "вводится в действие после дня его первого официального опубликования",
...  "вступает в силу со дня государственной регистрации",
...  "вводится в действие по истечении двенадцати месяцев со дня введения в действие Кодекса")]
['on_publication', 'after_publication', 'on_registration', 'conditional']
>>> parse_rule("вводится в действие с 1 января 2002 года, но не ранее дня его первого официального опубликования",
...            "ru").kind.value
'not_earlier_than'
>>> parse_rule("no rule here", "en") is None
True

The convention for counting days (documented in docs/point-in-time.md): an act published on day P whose rule
is "N calendar days after the day of its first official publication" is in force from P + N + 1, the day
after the N days have run out; "after the day of publication" is N = 0, "from the day of publication" is P.

>>> in_force_from(date(2001, 8, 20), 10), in_force_from(date(2001, 8, 20), None)
(datetime.date(2001, 8, 31), datetime.date(2001, 8, 20))
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from zangraph.model.document import Rule, RuleKind
from zangraph.parse.dates import date_spans
from zangraph.parse.lexicon import fold, lexicon
from zangraph.parse.numbers import words_value


def _days(words: str, language: str) -> int | None:
    """The number of days a run of words ends with ("upon expiry of ten" is 10)."""
    tokens = words.split()
    for k in range(len(tokens)):
        value = words_value(" ".join(tokens[k:]), language)
        if value is not None:
            return value
    digits = re.search(r"\d+", words)
    return int(digits.group()) if digits else None


def parse_rule(text: str, language: str) -> Rule | None:
    """The entry-into-force rule stated in ``text``, or None if it states none."""
    words = lexicon(language).rules
    folded = fold(text)
    stated = _rule_text(text)
    after = words.after_publication.search(folded)
    days = _days(after.group("n"), language) if after else None
    fixed = _fixed_date(folded, language)
    if after and days is not None:
        if fixed and words.not_earlier.search(folded):
            return Rule(RuleKind.NOT_EARLIER_THAN, stated, date=fixed, days=days)
        return Rule(RuleKind.AFTER_PUBLICATION, stated, days=days)
    for pattern, kind, n in ((words.on_registration, RuleKind.ON_REGISTRATION, None),
                             (words.day_after_publication, RuleKind.AFTER_PUBLICATION, 0),
                             (words.on_publication, RuleKind.ON_PUBLICATION, None)):
        if pattern.search(folded):
            if fixed and words.not_earlier.search(folded) and kind is not RuleKind.ON_REGISTRATION:
                return Rule(RuleKind.NOT_EARLIER_THAN, stated, date=fixed, days=n)
            return Rule(kind, stated, days=n)
    if fixed:
        return Rule(RuleKind.FIXED_DATE, stated, date=fixed)
    if words.enters.search(folded):
        return Rule(RuleKind.CONDITIONAL, stated)
    return None


def _fixed_date(folded: str, language: str) -> date | None:
    words = lexicon(language).rules
    markers = list(words.fixed.finditer(folded))
    if not markers:
        return None
    dates = date_spans(folded, language)
    for marker in markers:
        if words.date_before_marker:
            # Kazakh: "01.07.2023 бастап", the date just before its marker
            before = [d for d, _, end in dates if end <= marker.start() and marker.start() - end <= 12]
            if before:
                return before[-1]
        else:
            after = [d for d, start, _ in dates if start >= marker.end() and start - marker.end() <= 2]
            if after:
                return after[0]
    return None


def describe(rule: Rule) -> str:
    """A rule in a few English words, for reports.

    >>> describe(Rule(RuleKind.AFTER_PUBLICATION, "", days=10)), describe(Rule(RuleKind.AFTER_PUBLICATION, "", days=0))
    ('10 calendar days after first official publication', 'the day after first official publication')
    """
    if rule.kind is RuleKind.FIXED_DATE:
        return f"from {rule.date.isoformat() if rule.date else '?'}"
    if rule.kind is RuleKind.AFTER_PUBLICATION:
        return ("the day after first official publication" if not rule.days
                else f"{rule.days} calendar days after first official publication")
    if rule.kind is RuleKind.ON_PUBLICATION:
        return "from the day of first official publication"
    if rule.kind is RuleKind.ON_REGISTRATION:
        return "from the day of state registration"
    if rule.kind is RuleKind.NOT_EARLIER_THAN:
        after = "publication" if rule.days is None else f"{rule.days} calendar days after first official publication"
        return f"from {rule.date.isoformat() if rule.date else '?'}, not before {after}"
    return f"on a condition the corpus does not date: {rule.text}"


def _rule_text(text: str) -> str:
    return text.strip(" ()")


def in_force_from(published: date, days: int | None) -> date:
    """First day in force of an act published on ``published``: under an N-calendar-days rule, P + N + 1;
    from the day of publication (``days`` None), P."""
    return published if days is None else published + timedelta(days=days + 1)
