"""Boundaries: the day an event takes effect under its rule, exact or estimated at its earliest possible day.

A fixed date is exact; a day counted from publication or registration is exact once that day is known (the
registration date from the act's header or metadata, a publication date from curated facts), else estimated
at its earliest possible day, counted from the anchor (the registration date, else the signing date):
anchor + N + 1 for "N calendar days after publication", the anchor itself for "from publication". A rule
the corpus cannot date (conditional on another event, or not stated) is estimated at the anchor.

>>> earliest_in_force(date(2001, 8, 15), 10)
datetime.date(2001, 8, 26)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zangraph.model.document import Rule, RuleKind
from zangraph.model.ids import FrbrUri
from zangraph.parse.rules import in_force_from

EXACT, ESTIMATED = "exact", "estimated"
UNSTATED = Rule(RuleKind.CONDITIONAL, "the note states no entry-into-force rule; the earliest possible day is the "
                                      "acting act's date")


def earliest_in_force(anchor: date, days: int | None) -> date:
    """The earliest day an act can be in force under a rule counted from publication, publication being no
    earlier than ``anchor``."""
    return in_force_from(anchor, days)


@dataclass(frozen=True)
class Boundary:
    date: date  # the exact date, or the earliest possible one
    certainty: str  # EXACT or ESTIMATED
    rule: Rule
    anchor: FrbrUri  # the act whose publication (or fixed date) the rule is about
    anchor_date: date | None = None  # the date counted from where the date is estimated
    published: date | None = None  # the publication date that made it exact


def boundary(rule: Rule | None, act: FrbrUri, anchor_date: date, published: date | None,
             registered: date | None = None) -> Boundary:
    """When an act following ``rule`` takes effect.

    >>> from zangraph.model.document import Rule, RuleKind
    >>> act = FrbrUri.act("order", 2001, "16")
    >>> b = boundary(Rule(RuleKind.AFTER_PUBLICATION, "ten days", days=10), act, date(2001, 8, 15), None)
    >>> b.date, b.certainty
    (datetime.date(2001, 8, 26), 'estimated')
    >>> boundary(Rule(RuleKind.AFTER_PUBLICATION, "ten days", days=10), act, date(2001, 8, 15), date(2001, 8, 20)).date
    datetime.date(2001, 8, 31)
    >>> b = boundary(Rule(RuleKind.ON_REGISTRATION, "from registration"), act, date(2001, 8, 15), None,
    ...              date(2001, 9, 2))
    >>> b.date, b.certainty
    (datetime.date(2001, 9, 2), 'exact')
    >>> b = boundary(Rule(RuleKind.NOT_EARLIER_THAN, "from 1.9.2001, not before publication", date=date(2001, 9, 1)),
    ...              act, date(2001, 9, 20), None)
    >>> b.date, b.certainty
    (datetime.date(2001, 9, 20), 'estimated')
    """
    rule = rule or UNSTATED
    if rule.kind is RuleKind.FIXED_DATE and rule.date:
        return Boundary(rule.date, EXACT, rule, act)
    if rule.kind is RuleKind.ON_REGISTRATION:
        if registered is not None:
            return Boundary(registered, EXACT, rule, act)
        return Boundary(anchor_date, ESTIMATED, rule, act, anchor_date=anchor_date)
    if rule.kind in (RuleKind.AFTER_PUBLICATION, RuleKind.ON_PUBLICATION, RuleKind.NOT_EARLIER_THAN):
        days = rule.days if rule.kind is not RuleKind.ON_PUBLICATION else None
        floor = rule.date if rule.kind is RuleKind.NOT_EARLIER_THAN and rule.date else date.min
        if published is not None:
            return Boundary(max(in_force_from(published, days), floor), EXACT, rule, act, published=published)
        return Boundary(max(earliest_in_force(anchor_date, days), floor), ESTIMATED, rule, act,
                        anchor_date=anchor_date)
    return Boundary(anchor_date, ESTIMATED, rule, act, anchor_date=anchor_date)
