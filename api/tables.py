"""History and effects as CSV (``Accept: text/csv``): one row per event and part it targets, with the note that
records it, for auditors who work in spreadsheets."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from fastapi.responses import Response

from zangraph.service.models import Event, Note

COLUMNS = ["event", "act", "part", "part_label", "kind", "acting_act", "acting_act_date", "date", "earliest",
           "certainty", "rule", "languages", "note", "note_file", "note_first_line", "note_last_line"]


def csv_response(header: list[str], rows: Iterable[Iterable[Any]], name: str | None = None) -> Response:
    """Rows as CSV (an absent value as an empty cell); ``name`` is the file name a browser saves it as."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(["" if v is None else v for v in row] for row in rows)
    headers = {"Vary": "Accept"}
    if name is not None:
        headers["Content-Disposition"] = f'inline; filename="{name}.csv"'
    return Response(out.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8", headers=headers)


def events_csv(events: list[Event]) -> Response:
    return csv_response(COLUMNS, _event_rows(events))


def _event_rows(events: list[Event]) -> Iterable[list[Any]]:
    for e in events:
        notes = e.notes or [Note(text="", span=None)]  # an event without a note is still a row
        effective = e.effective
        for target in e.targets:
            for note in notes:
                span = note.span
                yield [e.id, e.act, target.id, target.label, e.kind, e.acting_act.id, e.acting_act.date or "",
                       effective.date or "", effective.earliest or "", effective.certainty or "", effective.rule or "",
                       " ".join(e.languages), note.text, span.file if span else "", span.first_line if span else "",
                       span.last_line if span else ""]
