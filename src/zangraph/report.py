"""The corpus report: counts per source and every finding, as text for people."""

from __future__ import annotations

from collections import Counter

from .corpus import Corpus
from .model import Document, NodeKind


def counts(doc: Document) -> dict[str, int]:
    tally = Counter(node.kind.value for node in doc.walk())
    cards = sum(1 for n in doc.walk() if n.kind is NodeKind.SECTION and n.eid.count("att_") == 2)
    return {
        "chapters": tally["chapter"],
        "sections": tally["section"] - cards,
        "cards": cards,
        "points": tally["point"],
        "subpoints": tally["subpoint"],
        "indents": tally["indent"],
        "footnotes": sum(1 for n in doc.notes if n.kind.value == "footnote"),
        "editorial notes": sum(1 for n in doc.notes if n.kind.value == "editorial"),
        "layout lines": len(doc.layout),
    }


def render(corpus: Corpus) -> str:
    out = []
    for doc in corpus.documents:
        h = doc.header
        out.append(f"{doc.source.file}  {doc.source.act}  [{doc.source.language}, {doc.source.form}]")
        out.append(f"  {h.act_type} No {h.number} of {h.date.isoformat()}"
                   + (f", registered No {h.registration_number} on {h.registration_date.isoformat()}"
                      if h.registration_date else "") + (f"; status: {h.status}" if h.status else ""))
        out.append("  " + ", ".join(f"{v} {k}" for k, v in counts(doc).items()))
        if doc.entry_into_force:
            rule = doc.entry_into_force.rule
            text = f"{rule.days} calendar days after first official publication" if rule.days else \
                f"from {rule.date.isoformat() if rule.date else '?'}"
            out.append(f"  enters into force: {text}" + "".join(
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
