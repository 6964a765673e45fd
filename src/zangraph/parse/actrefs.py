"""Acts named in a text: numbers as published ("№ 77/2", "N 641", "№ ҚР ДСМ-130/2020", "№ 19-41-2.1.5") and
the word that says what kind of act it is.

>>> [m.group("num") for m in NUMBER.finditer("от 12.11.2009 N 77/2 (…); № ҚР ДСМ-130/2020, №150-ө-м, No. 402.")]
['77/2', 'ҚР ДСМ-130/2020', '150-ө-м', '402.']
>>> number("402."), number("41-2.1.7")
('402', '41-2.1.7')
"""

from __future__ import annotations

import re

from zangraph.parse.lexicon import Lexicon, fold

# The number sign ("№", a Latin "N", "No.", the "Ne" a PDF extraction makes of "№"), then the number: any
# capitalised prefix words ("ҚР ДСМ-"), and a token holding a digit.
NUMBER = re.compile(
    r"(?:№|(?<![\w.])(?:No\.?|Ne|N)(?=\s*[\dА-ЯA-ZӘҒҚҢӨҰҮҺІ]))\s*"
    r"(?P<num>(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІ]{1,4}\s+(?=\S*\d))*[^\s(),;«»\"]*\d[^\s(),;«»\"]*)")


def number(token: str) -> str:
    """A number as published, without the sentence's punctuation after it."""
    return token.rstrip(".,;:")


def act_type(text: str, lexicon: Lexicon, default: str = "order") -> str:
    """The type of act the words in ``text`` name, the last one named; ``default`` if none."""
    found = [(m.start(), kind) for kind, pattern in lexicon.notes.act_types for m in pattern.finditer(fold(text))]
    if not found:
        return default
    start = max(pos for pos, _ in found)
    # "совместным приказом": the joint order starts before the plain "приказ" inside it.
    kinds = [kind for pos, kind in found if pos == start or (kind == "joint-order" and pos < start
                                                               and start - pos < 20)]
    return "joint-order" if "joint-order" in kinds else kinds[0]


__all__ = ["NUMBER", "act_type", "number"]
