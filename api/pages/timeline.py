"""An act's timeline, laid out on the server for an SVG drawing: one lane per part that changed, one mark per
event, a band for each interval a version of the part was in force. A mark whose date is estimated (from a
rule such as "ten days after publication") is drawn differently from an exact one, and one still to come is
marked as such."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from zangraph.model.ids import FrbrUri
from zangraph.service.models import Event
from zangraph.service.texts import label, order

LABELS = 250  # the width of the lane labels
LANE = 24  # the height of a lane
TOP = 28  # room for the years
# Events after which the part has no version in force (see the ontology's event kinds).
_ENDING = {"exclusion", "invalidation", "abolition"}


@dataclass(frozen=True)
class Lane:
    y: int
    target: str
    label: str
    short: str


@dataclass(frozen=True)
class Mark:
    x: float
    y: int
    event: str
    act: str
    kind: str | None
    when: date
    certainty: str
    prospective: bool


@dataclass(frozen=True)
class Band:
    x: float
    y: int
    width: float
    estimated: bool


@dataclass(frozen=True)
class Timeline:
    width: int
    height: int
    lanes: list[Lane]
    marks: list[Mark]
    bands: list[Band]
    years: list[tuple[float, int]]
    today: float | None


def _eid(target: str) -> str | None:
    """The eId of a part an event concerns; None for the whole act (a named act has no FRBR key)."""
    try:
        return FrbrUri.from_key(target).eid
    except ValueError:
        return None


def layout(events: list[Event], today: date, lang: str, whole: str, width: int = 960) -> Timeline:
    """The drawing of ``events`` (an act's history); ``whole`` names the act itself in ``lang``.

    >>> def event(ident, kind, act, target, when, certainty):
    ...     return Event.model_validate({
    ...         "id": ident, "iri": ident, "act": "order-2001-17", "kind": kind, "languages": [], "notes": [],
    ...         "acting_act": {"id": act, "number": None, "date": None}, "targets": [{"id": target, "label": ""}],
    ...         "effective": {"date": when, "earliest": when, "certainty": certainty, "rule": None}})
    >>> e = [event("a", "entry_into_force", "order-2001-17", "order-2001-17", "2020-01-01", "exact"),
    ...      event("b", "new_wording", "order-2003-9", "order-2001-17~att_1", "2022-01-01", "estimated")]
    >>> t = layout(e, date(2023, 1, 1), "en", "the whole act")
    >>> [(lane.label, lane.y) for lane in t.lanes]
    [('the whole act', 28), ('annex 1', 52)]
    >>> [(m.act, m.certainty, m.prospective) for m in t.marks]
    [('order-2001-17', 'exact', False), ('order-2003-9', 'estimated', False)]
    """
    dated = [(e, e.effective.date) for e in events if e.effective.date]
    if not dated:
        return Timeline(width, TOP, [], [], [], [], None)
    days = [when for _, when in dated]
    first = date(min(days).year, 1, 1)
    last = date(max(max(days), today).year + 1, 1, 1)
    span = (last - first).days
    plot = width - LABELS - 16

    def x(when: date) -> float:
        return round(LABELS + plot * (when - first).days / span, 1)

    targets = sorted({t.id for e, _ in dated for t in e.targets},
                     key=lambda t: (_eid(t) is not None, order(_eid(t) or "")))
    lanes = []
    for i, target in enumerate(targets):
        eid = _eid(target)
        words = label(eid, lang) if eid else whole
        lanes.append(Lane(TOP + i * LANE, target, words, words if len(words) <= 36 else "…" + words[-35:]))
    marks, bands = [], []
    for lane in lanes:
        on_lane = sorted(((e, when) for e, when in dated if any(t.id == lane.target for t in e.targets)),
                         key=lambda pair: pair[1])
        for i, (e, when) in enumerate(on_lane):
            certainty = e.effective.certainty or "exact"
            marks.append(Mark(x(when), lane.y, e.id, e.acting_act.id, e.kind, when, certainty,
                              e.kind == "prospective_change" or when > today))
            if e.kind in _ENDING:
                continue
            end = on_lane[i + 1][1] if i + 1 < len(on_lane) else last
            bands.append(Band(x(when), lane.y, max(x(end) - x(when), 1), certainty == "estimated"))
    years = [(x(date(year, 1, 1)), year) for year in range(first.year, last.year + 1)]
    return Timeline(width, TOP + len(lanes) * LANE + 8, lanes, marks, bands, years,
                    x(today) if first <= today <= last else None)
