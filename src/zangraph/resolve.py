"""Notes resolved against the structure: from "Paragraph 54" to ``att_1__chp_2__sec_6__para_54``.

The English texts use "Paragraph" both for a section heading (Russian "Параграф") and for a numbered point
(Russian "Пункт"). A note follows the part it amends, so "Paragraph N" is the point N when the note follows
point N, and the section N when it follows section N; a point is preferred where both exist, because the
section headings of the English texts are never amended as "Paragraph N" alone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .errors import SourceError
from .footnotes import Reading, Subject, read_note
from .model import Finding, FindingKind, Node, NodeKind, Note, Place, Target, TargetKind

if TYPE_CHECKING:
    from .segmenter import Segmenter


def _last(eid: str) -> str:
    return eid.rsplit("__", 1)[-1].split("_", 1)[1]


def _index(parts: tuple[Node, ...]) -> tuple[dict[str, str], dict[str, list[str]], dict[str, str]]:
    points: dict[str, str] = {}
    sections: dict[str, list[str]] = {}
    items: dict[str, str] = {}
    for part in parts:
        if part.kind is NodeKind.POINT:
            items[_last(part.eid)] = part.eid
            continue
        for node in part.walk():
            if node.kind is NodeKind.POINT:
                points.setdefault(_last(node.eid), node.eid)
            elif node.kind is NodeKind.SECTION:
                sections.setdefault(_last(node.eid), []).append(node.eid)
    return points, sections, items


def _within(eid: str | None, container: str) -> bool:
    return eid is not None and (eid == container or eid.startswith(container + "__"))


def _annex_of(after: str | None) -> str | None:
    if not after:
        return None
    pieces = after.split("__")
    atts = [i for i, piece in enumerate(pieces) if piece.startswith("att_")]
    return "__".join(pieces[: atts[-1] + 1]) if atts else None


Index = tuple[dict[str, str], dict[str, list[str]], dict[str, str]]


def resolve(subject: Subject, after: str | None, index: Index) -> str | None:
    points, sections, items = index
    kind = subject.kind
    if kind is TargetKind.ACT:
        return None
    if kind is TargetKind.PREAMBLE:
        return "preamble"
    if kind is TargetKind.ANNEX:
        return _annex_of(after)
    if kind is TargetKind.ITEM:
        return items.get(subject.point or "")
    if kind is TargetKind.SECTION and subject.chapter:
        wanted = f"chp_{subject.chapter}__sec_{subject.section}"
        return next((e for e in sections.get(subject.section or "", []) if e.endswith(wanted)), None)
    if kind is TargetKind.SECTION_HEADING:
        return next((e for e in sections.get(subject.section or "", []) if _within(after, e)), None)
    point = points.get(subject.point or "")
    if subject.ambiguous:
        section = next((e for e in sections.get(subject.section or "", []) if _within(after, e)), None)
        if point and _within(after, point):
            return point
        return section or point
    if kind is TargetKind.INDENT:
        return f"{point}__indent_{subject.indent}" if point else None
    return point


def resolve_notes(seg: Segmenter, parts: tuple[Node, ...]) -> tuple[tuple[Note, ...], list[Finding]]:
    notes: list[Note] = []
    findings: list[Finding] = []
    index = _index(parts)
    for kind, text, blocks, after in seg.raw_notes:
        reading: Reading | None = read_note(text, seg.lex.language)
        if reading is None:
            raise SourceError(seg.file, f"a note whose wording is not understood: {text[:80]!r}",
                              line=blocks[0].first_line,
                              expected="a footnote or editorial note naming its target and the acting act")
        subject = reading.subject
        eid = resolve(subject, after, index)
        if subject.ambiguous and eid is not None:
            kind_of = TargetKind.SECTION if "__sec_" in eid and eid.rsplit("__", 1)[-1].startswith("sec_") \
                else TargetKind.POINT
        else:
            kind_of = subject.kind
        target = Target(kind_of, eid, chapter=subject.chapter, section=subject.section if kind_of in (
            TargetKind.SECTION, TargetKind.SECTION_HEADING) else None,
            point=subject.point if kind_of in (TargetKind.POINT, TargetKind.INDENT, TargetKind.ITEM) else None,
            indent=subject.indent)
        span = seg.span(blocks)
        if eid is None and kind_of is not TargetKind.ACT:
            findings.append(Finding(FindingKind.UNRESOLVED_TARGET, seg.src.source.act,
                                    f"the {kind_of.value} this note names is not in the text",
                                    (Place(seg.file, after, span),),
                                    (text,)))
        notes.append(Note(kind, reading.change, target, text, span, after, reading.acting_act, reading.rule,
                          reading.supplement))
    return tuple(notes), findings
