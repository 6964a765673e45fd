"""The dates on which what a part says may change: the boundaries of the versions of the part and of every part
within it, read once per part and kept.

An answer about a part is the same for every date between two consecutive boundaries, so the interval a date
falls in (its index among the boundaries) keys the answers the answerers keep."""

from __future__ import annotations

import bisect
from datetime import date

from zangraph.store.base import Repository


class Boundaries:
    def __init__(self, repository: Repository):
        self._repository = repository
        self._dates: dict[str, list[date]] = {}

    def of(self, part: str) -> list[date]:
        """The boundaries of ``part`` (an IRI of an act or of a part), in order."""
        if part not in self._dates:
            self._dates[part] = [r["date"] for r in self._repository.select("subtree-boundaries", part=part)]
        return self._dates[part]

    def of_all(self, parts: list[str]) -> list[date]:
        """The boundaries of every part of ``parts``, in order."""
        return sorted({d for part in parts for d in self.of(part)})

    def interval(self, part: str, at: date) -> int:
        """Which interval between the part's boundaries ``at`` falls in."""
        return within(self.of(part), at)


def within(boundaries: list[date], at: date) -> int:
    """Which interval between ``boundaries`` (in order) ``at`` falls in: a boundary starts the next one.

    >>> [within([date(2020, 1, 1), date(2023, 7, 1)], when) for when in (date(2019, 1, 1), date(2020, 1, 1),
    ...                                                                   date(2024, 1, 1))]
    [0, 1, 2]
    """
    return bisect.bisect_right(boundaries, at)
