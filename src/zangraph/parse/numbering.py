"""Numbers of parts as printed, and the eIds they get.

A part's eId takes its printed number. Where the printed number repeats or goes back, the eId takes the
number the sequence gives, if the next printed number leaves room for it (a second "41." between 41 and 43
is part 42; a "49." between 54 and 56 is part 55); otherwise the printed number with a counter
(``para_3_2`` for a second "3." followed by "4."). Each case, and each gap, is a finding: the source is kept
as printed, and eIds stay unique so that the languages align.

>>> number_key("12-1"), number_key("4")
((12, 1), (4,))
>>> decide("41", (41,), "43"), decide("49", (54,), "56"), decide("3", (3,), "4"), decide("5", (3,), None)
(('42', 'duplicate_number'), ('55', 'number_out_of_order'), (None, 'duplicate_number'), ('5', 'number_gap'))
>>> decide("2", (1,), "3"), decide("1-1", (1,), None)
(('2', None), ('1-1', None))
"""

from __future__ import annotations

import re

_PIECE = re.compile(r"\d+")


def number_key(num: str) -> tuple[int, ...]:
    return tuple(int(p) for p in _PIECE.findall(num)) or (0,)


def _follows(key: tuple[int, ...], last: tuple[int, ...]) -> bool:
    """An inserted number (4-1 after 4, 4-2 after 4-1) or the next whole number follows ``last``."""
    return key > last and (key[0] == last[0] or key[0] == last[0] + 1)


def decide(num: str, last: tuple[int, ...] | None, following: str | None) -> tuple[str | None, str | None]:
    """The number a part's eId takes and the kind of finding its printed number is, if any.

    ``last`` is the key of the previous part of the same kind and scope, ``following`` the printed number of
    the next one. None as the eId number means: the printed one with a counter, the sequence leaving no room.
    """
    key = number_key(num)
    if last is None:
        return num, None
    if key <= last:
        finding = "duplicate_number" if key == last else "number_out_of_order"
        candidate = (last[0] + 1,)
        if following is None or number_key(following) > candidate:
            return str(candidate[0]), finding
        return None, finding
    if not _follows(key, last) and len(key) == 1:
        return num, "number_gap"
    return num, None
