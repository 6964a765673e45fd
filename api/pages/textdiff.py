"""Two texts side by side, word by word: what the earlier has that the later lost, and what the later added."""

from __future__ import annotations

import difflib
import re

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")


def word_diff(before: str, after: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Each text as pieces, each piece ``same``, ``del`` (only in the earlier) or ``ins`` (only in the later).

    >>> left, right = word_diff("стаж не менее 3 лет", "стаж не менее 2 лет")
    >>> [p for p in left if p[0] != "same"], [p for p in right if p[0] != "same"]
    ([('del', '3')], [('ins', '2')])
    """
    a, b = _TOKEN.findall(before), _TOKEN.findall(after)
    left: list[tuple[str, str]] = []
    right: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            left.append(("same", "".join(a[i1:i2])))
            right.append(("same", "".join(b[j1:j2])))
            continue
        if i2 > i1:
            left.append(("del", "".join(a[i1:i2])))
        if j2 > j1:
            right.append(("ins", "".join(b[j1:j2])))
    return left, right
