"""Pieces of answers read from the store's rows, shared by the answerers: a version with the certainty of its
boundaries, a qualification ladder, an item of a list, a source span."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from zangraph.model.ids import language_of, span_location
from zangraph.model.vocabulary import ZG
from zangraph.service import texts as tx
from zangraph.service.models import EstimatedBoundary, Item, Rung, Span, Version
from zangraph.service.names import Names

Row = dict[str, Any]


def span(row: Row) -> Span | None:
    """The file, lines and characters of a row's source span, from the span's IRI."""
    return Span.model_validate(span_location(row["span"])) if row.get("span") else None


def item(row: Row) -> Item:
    """An item of a part's list (a duty, a thing to know)."""
    return Item(ordinal=row["ordinal"], text=row["text"], span=span(row))


def version(row: Row, names: Names) -> Version:
    """A version of a part (a row of ``part-at``), saying which of its boundaries are estimated."""
    estimated = []
    if row["startCertainty"] == ZG + "estimated":
        estimated.append(EstimatedBoundary(boundary="valid_from", date=row["start"], rule=row.get("startRule")))
    if row["endCertainty"] == ZG + "estimated":
        estimated.append(EstimatedBoundary(boundary="valid_to", date=row["end"], rule=row.get("endRule")))
    said = {"estimated_boundaries": estimated} if estimated else {}  # only where a boundary is estimated
    return Version(id=names.version_id(row["version"]), valid_from=row["start"], valid_to=row["end"],
                   last_day=tx.last_day(row["end"]), certainty="estimated" if estimated else "exact", **said)


def rungs(rows: list[Row], lang: str | None) -> list[Rung]:
    """The ladder (rows of ``requirements-at``) as the text in ``lang`` gives it, each rung with its category's
    label in every language the corpus has."""
    labels: dict[int, dict[str, str]] = defaultdict(dict)
    for r in rows:
        if r["categoryLabel"]:
            labels[r["n"]][language_of(r["expression"])] = r["categoryLabel"]
    return [Rung(rung=r["n"], skill_level=tx.local(r["skill"]), category=tx.local(r["category"]),
                 label=labels.get(r["n"], {}),
                 education_level=sorted(tx.EDUCATION.get(code, code)
                                        for code in (tx.local(x) for x in (r["levels"] or "").split())),
                 education_fields=sorted((r["fields"] or "").split()),
                 min_experience_years=r["years"], prior_role=r["priorRole"],
                 prior_category=tx.local(r["priorCategory"]),
                 alternatives=[a for a in (r["alternatives"] or "").split(" | ") if a],
                 text=r["text"], span=span(r))
            for r in rows if language_of(r["expression"]) == lang]
