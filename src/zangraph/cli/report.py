"""The corpus report: counts per source and every finding, as text for people."""

from __future__ import annotations

from collections import Counter

from zangraph.graph.positions import is_card
from zangraph.model.document import Document
from zangraph.parse.corpus import Corpus
from zangraph.parse.rules import describe


def counts(doc: Document) -> dict[str, int]:
    tally = Counter(node.kind.value for node in doc.walk())
    cards = sum(1 for n in doc.walk() if is_card(n))
    notes = Counter(n.kind.value for n in doc.notes)
    found = {
        "annexes": tally["annex"],
        "chapters": tally["chapter"],
        "sections": tally["section"] - cards,
        "cards": cards,
        "articles": tally["article"],
        "points": tally["point"],
        "subpoints": tally["subpoint"],
        "indents": tally["indent"],
        "tables": tally["table"],
        "rows": tally["row"],
        "footnotes": notes["footnote"],
        "editorial notes": notes["editorial"],
        "inline statements": notes["inline"],
        "layout lines": len(doc.layout),
    }
    always = ("chapters", "sections", "cards", "points", "subpoints", "indents", "footnotes", "editorial notes",
              "layout lines")
    return {k: v for k, v in found.items() if v or k in always}


def render(corpus: Corpus) -> str:
    out = []
    for doc in corpus.documents:
        h = doc.header
        out.append(f"{doc.source.file}  {doc.source.act}  [{doc.source.language}, {doc.source.form}]"
                   + (f", consolidated at {doc.source.version_date.isoformat()}" if doc.source.version_date else ""))
        out.append(f"  {h.act_type} No {h.number} of {h.date.isoformat() if h.date else 'an unknown date'}"
                   + (f", registered No {h.registration_number} on {h.registration_date.isoformat()}"
                      if h.registration_date else "") + (f"; status: {h.status}" if h.status else ""))
        out.append("  " + ", ".join(f"{v} {k}" for k, v in counts(doc).items()))
        out.append(f"  a document of kind {doc.kind.value}")
        if doc.entry_into_force:
            out.append(f"  enters into force: {describe(doc.entry_into_force.rule)}" + "".join(
                f"; {', '.join(t.eid or '?' for t in ex.targets)} from {ex.rule.date}"
                for ex in doc.entry_into_force.exceptions))
    out.append("")
    missing = len(corpus.unplaced)
    out.append(f"Fidelity: {f'{missing} lines not placed' if missing else 'every non-blank line is placed'}")
    for u in corpus.unplaced:
        out.append(f"  {u.file}:{u.line}: {u.reason}: {u.text[:100]}")
    findings = corpus.findings
    out.append("")
    out.append(f"Findings ({len(findings)}):")
    for f in findings:
        where = ", ".join(f"{p.file}:{p.span.first_line if p.span else '?'} {p.eid or ''}".strip() for p in f.places)
        out.append(f"  [{f.kind.value}] {f.act}: {f.message}")
        out.append(f"      at {where}")
    return "\n".join(out) + "\n"
