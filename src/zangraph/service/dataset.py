"""What the service answers about the dataset as a whole: how much it holds, and the findings read off the
sources (with the build's validation report)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from zangraph.errors import NotFound
from zangraph.service import texts as tx
from zangraph.service.acts import ActAnswers
from zangraph.service.models import Counts, Finding, Findings, PartRef, Span
from zangraph.service.names import Names
from zangraph.service.positions import PositionAnswers
from zangraph.service.readers import Row, span
from zangraph.store.base import Repository


class DatasetAnswers:
    """Counts and findings; ``validation`` is the build's validation report, which the findings answer carries."""

    def __init__(self, repository: Repository, names: Names, acts: ActAnswers, positions: PositionAnswers,
                 validation: dict[str, Any] | None):
        self._repository = repository
        self._names = names
        self._acts = acts
        self._positions = positions
        self._validation = validation
        self._counts: Counts | None = None
        self._findings: list[Finding] | None = None

    def counts(self) -> Counts:
        """How many acts, parts, versions and positions the graph holds."""
        if self._counts is None:
            row = self._repository.select("dataset-counts")[0]
            self._counts = Counts(acts=len(self._acts.acts().acts), parts=int(row["parts"]),
                                  versions=int(row["versions"]), positions=len(self._positions.positions().positions))
        return self._counts

    def findings(self, kind: str | None = None, act: str | None = None) -> Findings:
        if act and not self._acts.exists(self._names.act_iri(act)):
            raise NotFound("act", act)
        if self._findings is None:
            self._findings = self._all()
        items = [f for f in self._findings if (not kind or f.kind == kind) and (not act or f.act == act)]
        return Findings(findings=items, validation=self._validation)

    def _all(self) -> list[Finding]:
        """Every finding, from its rows (one per place, piece of evidence and span)."""
        first: dict[str, Row] = {}
        acts: dict[str, str | None] = defaultdict(lambda: None)
        places: dict[str, list[PartRef]] = defaultdict(list)
        evidence: dict[str, list[str]] = defaultdict(list)
        spans: dict[str, list[Span | None]] = defaultdict(list)
        for row in self._repository.select("findings"):
            finding = row["finding"]
            first.setdefault(finding, row)
            about = row["about"]
            if about:
                parsed = self._names.ids.parse(about)
                if "eid" in parsed:
                    place = PartRef(id=self._names.part_id(about), label=tx.label(parsed["eid"]))
                    if place not in places[finding]:
                        places[finding].append(place)
                else:
                    acts[finding] = self._names.act_id(about)
            if row["evidence"] and row["evidence"] not in evidence[finding]:
                evidence[finding].append(row["evidence"])
            if row["span"] and (where := span(row)) not in spans[finding]:
                spans[finding].append(where)
        return [Finding(id=self._names.short(finding, "finding"), iri=finding, kind=tx.local(row["kind"]),
                        act=acts[finding], places=places[finding], message=row["message"],
                        evidence=evidence[finding],
                        # Said only of a finding whose rows name a span.
                        **({"spans": spans[finding]} if finding in spans else {}))
                for finding, row in first.items()]
