"""What the benchmarks ask about, chosen from the data through the API rather than named in the code (adding an
act is a data change, and a benchmark must not need a code change either): the position that the most act parts
characterise, the act that sets its requirements on ``AT``, and that act's part that changed most often, with
the dates of its first and last versions. Each benchmark prints the subjects it measured."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from zangraph.model.ids import FrbrUri, Ids

AT = date(2024, 1, 1)


@dataclass(frozen=True)
class Subjects:
    position: str
    act: str
    part: str
    first: str  # the day the part's first version took effect
    last: str  # the day its last version took effect
    part_iri: str

    def id_path(self, base: str) -> str:
        """The part's page of linked data (``/id/...``)."""
        return "/id/" + quote(self.part_iri[len(base) + 1:], safe="/~!")

    def describe(self) -> str:
        return (f"position {self.position}; act {self.act}; part {self.part} (versions from {self.first} to "
                f"{self.last})")


def choose(get: Callable[[str], Any], base: str) -> Subjects:
    """The subjects, read with ``get`` (a path of the API -> its JSON answer)."""
    positions = get("/api/v1/positions")["positions"]
    position = min(positions, key=lambda p: (-p["parts"], p["id"]))["id"]
    answer = get(f"/api/v1/positions/{position}/requirements?at={AT.isoformat()}")
    act = answer["sources"][0]["act"]["id"]
    events = get(f"/api/v1/acts/{act}/history")["events"]
    changed = Counter(t["id"] for e in events for t in e["targets"] if "~" in t["id"])
    part = min(changed, key=lambda k: (-changed[k], k))
    versions = get(f"/api/v1/parts/{quote(part, safe='~!')}/versions")["versions"]
    starts = sorted(v["valid_from"] for v in versions if v["valid_from"])
    return Subjects(position, act, part, starts[0], starts[-1], str(Ids(base).of(FrbrUri.from_key(part))))
