"""The act's own entry into force, read from the item that states it, with the parts that have their own date.

"This order shall enter into force ten calendar days after the day of its first official publication, with
the exception of paragraph 6 of chapter 2, paragraph 1 of chapter 3 …, which shall be effective since
January 1, 2018": the rule, and the parts named (each a designation resolved against the structure) with
their own rule.
"""

from __future__ import annotations

import re

from zangraph.model.document import EntryIntoForce, Exception_, Node, NodeKind, Rule, RuleKind, Target
from zangraph.parse.dates import find_dates
from zangraph.parse.designations import designations, resolve
from zangraph.parse.lexicon import Lexicon, fold
from zangraph.parse.rules import parse_rule

_LIST = re.compile(r",|\s+(?:и|және|and)\s+")


def _candidates(parts: tuple[Node, ...]):
    """The act's own items first; then, in a law or code, the paragraphs of its articles."""
    yield from (p for p in parts if p.kind is NodeKind.POINT)
    for part in parts:
        if part.kind in (NodeKind.CHAPTER, NodeKind.DIVISION, NodeKind.ARTICLE, NodeKind.SECTION):
            yield from (n for n in part.walk() if n.kind in (NodeKind.POINT, NodeKind.INDENT))


def entry_into_force(parts: tuple[Node, ...], lexicon: Lexicon) -> EntryIntoForce | None:
    language = lexicon.language
    for item in _candidates(parts):
        if not lexicon.entry_into_force.match(fold(item.text)):
            continue
        rule = parse_rule(item.text, language)
        if rule is None:
            return None
        exceptions = []
        folded = fold(item.text)
        if m := lexicon.rules.exception.search(folded):
            when = item.text[m.start("when"):m.end("when")]
            dates = find_dates(when, language)
            if dates:
                targets = []
                for piece in _LIST.split(item.text[m.start("parts"):m.end("parts")]):
                    chain = [d for d in designations(piece, lexicon) if d.unit != "named"]
                    if not chain:
                        continue
                    eid, kind = resolve(chain, None, parts)
                    targets.append(Target(kind, eid, tuple((d.unit, d.num) for d in chain), piece.strip()))
                exceptions.append(Exception_(tuple(targets), Rule(RuleKind.FIXED_DATE, when.rstrip(". "),
                                                                  date=dates[0][0])))
        return EntryIntoForce(rule, tuple(exceptions), item.eid, item.span)
    return None
