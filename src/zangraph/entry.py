"""The act's own entry into force, read from its final item, with the parts that have their own date.

Order 360 item 5: "... ten calendar days after the day of its first official publication, with the exception
of paragraph 6 of chapter 2, paragraph 1 of chapter 3 ..., which shall be effective since January 1, 2018."
"Paragraph N of chapter K" is a section here: a chapter's direct parts are sections.
"""

from __future__ import annotations

import re

from .dates import find_dates
from .lang import Lexicon
from .model import EntryIntoForce, Exception_, Node, NodeKind, Rule, RuleKind, Target, TargetKind
from .rules import parse_rule

_EXCEPTION = {
    "en": re.compile(r"with the exception of (?P<parts>.+?),? which shall be effective (?:since|from) (?P<when>.+)$"),
    "ru": re.compile(r"за исключением (?P<parts>.+?), которые вводятся в действие с (?P<when>.+)$"),
    "kk": re.compile(r"(?P<parts>(?!x)x)(?P<when>x)"),  # no exception is worded in the Kazakh corpus
}
_PART = {
    "en": re.compile(r"paragraph (\d+(?:-\d+)?) of chapter (\d+)"),
    "ru": re.compile(r"параграфа (\d+(?:-\d+)?) главы (\d+)"),
    "kk": re.compile(r"(?!x)x"),
}


def section_eid(parts: tuple[Node, ...], chapter: str, section: str) -> str | None:
    suffix = f"__chp_{chapter}__sec_{section}"
    for part in parts:
        for node in part.walk():
            if node.kind is NodeKind.SECTION and node.eid.endswith(suffix) and node.eid.count("att_") == 1:
                return node.eid
    return None


def entry_into_force(parts: tuple[Node, ...], lexicon: Lexicon) -> EntryIntoForce | None:
    language = lexicon.language
    for item in parts:
        if item.kind is NodeKind.POINT and lexicon.entry_into_force.match(item.text):
            rule = parse_rule(item.text, language)
            if rule is None:
                return None
            exceptions = []
            if m := _EXCEPTION[language].search(item.text):
                dates = find_dates(m["when"], language)
                if dates:
                    targets = tuple(Target(TargetKind.SECTION, section_eid(parts, c, s), chapter=c, section=s)
                                    for s, c in _PART[language].findall(m["parts"]))
                    exceptions.append(Exception_(targets, Rule(RuleKind.FIXED_DATE, m["when"].rstrip("."),
                                                               date=dates[0][0])))
            return EntryIntoForce(rule, tuple(exceptions), item.eid, item.span)
    return None
