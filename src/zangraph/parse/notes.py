"""Footnotes, editorial notes and inline statements: what each says, as data.

A note names its target ("Пункт 2", "Заголовок параграфа 7", "2-тармаққа", "Paragraph 54", "Перечень"),
then one or more acting acts, each with its kind of change ("в редакции", "с изменениями", "дополнена",
"исключен", "утратил силу", "жаңа редакцияда", "as revised" …) and, in brackets, its entry-into-force
rule: "Пункт 2 с изменением, внесенным приказом … от 11.12.2001 № 63 (…); в редакции приказа … от 02.04.2002
№ 21 (…)." The reading is compositional, driven by each language's words (lexicon/): clauses are split at
";", each clause's change word, act (number paired with its date, the type word and the issuer around them)
and rule are found, and what a clause does not say it inherits from the one before.

A note whose wording this does not read is kept, unread, and reported as an ``unreadable_note`` finding.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from zangraph.model.document import (
    ActRef,
    ChangeKind,
    Effect,
    Finding,
    FindingKind,
    Node,
    Note,
    NoteKind,
    Place,
    Rule,
    Source,
    Span,
    Target,
    TargetKind,
)
from zangraph.parse.actrefs import NUMBER, act_type, number
from zangraph.parse.dates import date_spans
from zangraph.parse.designations import Designation, Structure, designations, resolve
from zangraph.parse.lexicon import Lexicon, fold, lexicon
from zangraph.parse.meta import Meta
from zangraph.parse.rules import parse_rule

_CONNECTORS = {
    "ru": re.compile(r"^(?:[\s,:;–-]|внесенн\w*|в\s+соответствии\s+с|\bи\s+)+|(?:[\s,;–-]|\bот|\bгода|\bг\.)+$"),
    "kk": re.compile(r"^[\s,:;–-]+|[\s,;–-]+$"),
    "en": re.compile(r"^(?:[\s,:;–-]|\bby\b|\bof\b|\bthe\b|\bin\s+compliance\s+with\b|\bin\s+accordance\s+with\b)+"
                     r"|(?:[\s,;–-]|\bdated\b|\bof\b|\bon\b)+$", re.IGNORECASE),
}


@dataclass(frozen=True)
class RawNote:
    """A note as the walk of a text took it, before it is read: its kind, its words (a footnote broken over
    paragraphs joined), where it is printed, and the eId of the part it follows."""

    kind: NoteKind
    text: str
    span: Span
    after: str | None


@dataclass(frozen=True)
class Reading:
    chain: tuple[Designation, ...]  # the target as worded, innermost first
    effects: tuple[Effect, ...]
    words: str = ""  # the target's words as printed
    added: tuple[Designation, ...] = ()  # for "supplemented by paragraph 4-1": the part added
    entry_into_force: Rule | None = None  # a note restating the act's own entry into force


def _brackets(text: str) -> list[tuple[int, int]]:
    """Top-level bracketed spans (start, end) of ``text``."""
    spans, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            if depth == 0:
                start = i
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth == 0:
                spans.append((start, i + 1))
    return spans


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a note: split at ";" outside brackets."""
    inside = _brackets(text)
    cuts = [i for i, ch in enumerate(text) if ch == ";" and not any(a < i < b for a, b in inside)]
    bounds = [0, *[c + 1 for c in cuts], len(text) + 1]
    return [(bounds[k], bounds[k + 1] - 1) for k in range(len(bounds) - 1)]


def _acts(text: str, start: int, end: int, language: str) -> list[tuple[int, int, str, object]]:
    """The acts a clause names: (start, end, number, date), a number paired with the nearest date that is
    not inside a bracket (the bracket is the rule)."""
    inside = _brackets(text)
    dates = [(d, a, b) for d, a, b in date_spans(text[start:end], language)
             if not any(x <= a + start < y for x, y in inside)]
    out = []
    used: set[int] = set()
    for m in NUMBER.finditer(text, start, end):
        if any(x <= m.start() < y for x, y in inside):
            continue
        free = [(abs((a + start) - m.start()), k) for k, (_, a, _b) in enumerate(dates) if k not in used]
        if not free:
            continue
        _, k = min(free)
        used.add(k)
        when, a, b = dates[k]
        out.append((min(a + start, m.start()), max(b + start, m.end()), number(m.group("num")), when))
    return sorted(out, key=lambda act: act[0])


def _first(patterns: tuple[tuple[ChangeKind, re.Pattern[str]], ...], text: str, start: int, end: int):
    found = [(m.start(), m.end(), kind) for kind, p in patterns if (m := p.search(text, start, end))]
    return min(found) if found else None


def _issuer(text: str, lead_start: int, act: tuple, lexicon: Lexicon, folded: str) -> tuple[str | None, str | None]:
    """The act's type and issuer, from the words around it: before it in Russian and English ("приказом
    Министра … от", "by order of the Minister … dated"), before its date and after its number in Kazakh
    ("… министрінің 20.03.2001 № 146 (…) бұйрығымен")."""
    a_start, a_end = act[0], act[1]
    words = text[lead_start:a_start]
    kind = None
    if lexicon.notes.number_first:
        after = re.match(r"[^;]*?(?=[.;]|$)", folded[a_end:])
        tail = after.group(0) if after else ""
        kind = act_type(re.sub(r"\([^()]*\)", " ", tail), lexicon, default="") or None
    else:
        lead = folded[lead_start:a_start]
        found = [(m.start(), m.end(), k) for k, p in lexicon.notes.act_types if (m := p.search(lead))]
        if found:
            first = min(found)
            kind = "joint-order" if any(k == "joint-order" and s <= first[0] + 12 for s, _, k in found) else first[2]
            words = text[lead_start + first[1]:a_start]
        # English writes "Order № 48 of the Minister … dated 24.12.2001": the issuer is inside the act.
        inner = text[a_start:a_end]
        if lexicon.language == "en" and re.search(r"\bof\s+the\s+[A-Z]", inner):
            words = re.sub(r"(?:№|No\.?)\s*\S+|\d{2}\.\d{2}\.\d{4}|\b[A-Z][a-z]+ \d{1,2}, \d{4}", " ", inner)
    words = re.sub(r"\([^()]*\)", " ", words)
    issuer = re.sub(r"\s+", " ", _CONNECTORS[lexicon.language].sub("", words)).strip(" ,–-")
    return kind, issuer or None


def read_note(text: str, lexicon: Lexicon, inline: bool = False) -> Reading | None:
    """What a note says, or None if its wording is not one this reader knows. ``inline`` reads a statement
    standing in the text itself ("Исключен приказом …"), which has no marker."""
    words = lexicon.notes
    if not inline:
        marker = lexicon.footnote.match(fold(text)) or lexicon.editorial.match(fold(text))
        if marker is None:
            return None
        text = text[marker.end():]
    text = text.rstrip(" *").lstrip(" .:!*")
    if inline and _brackets(text)[:1] == [(0, len(text.rstrip(". ")))]:
        text = text.rstrip(". ")[1:-1]  # "(Пункт 3 исключен - приказом …)": the statement in brackets
    folded = fold(text)
    start, body_end = 0, len(text)
    if m := words.reference.match(folded):
        return Reading((Designation("item", m.group("item")),), ())
    if m := words.entry_into_force.match(folded):
        rule = parse_rule(text[m.start("rule"):m.end("rule")], lexicon.language)
        return Reading((Designation("item", m.group("item")),), (), entry_into_force=rule)
    announced = words.announce.search(folded, start, body_end)
    effects: list[Effect] = []
    chain: list[Designation] = []
    added: list[Designation] = []
    target_words = ""
    change: ChangeKind | None = None
    kind, issuer = "order", None
    for c_start, c_end in _clauses(folded[:body_end]):
        c_start = max(c_start, start)
        if c_start >= c_end:
            continue
        acts = _acts(folded, c_start, c_end, lexicon.language)
        keyword = _first(words.changes, folded, c_start, c_end)
        if keyword is not None:
            change = keyword[2]
        if not effects:  # the first clause names the target before its change word or act
            ends = [p for p in (keyword[0] if keyword else None, announced.start() if announced else None,
                                acts[0][0] if acts else None) if p is not None]
            target_end = min(ends) if ends else c_end
            target_words = text[c_start:target_end].strip(" -–,")
            phrase = re.sub(r"^[Вв]\s+", "", target_words)
            chain = designations(phrase, lexicon) if phrase else []
            if change is ChangeKind.SUPPLEMENTED:
                if words.number_first:
                    added = [d for d in chain if d.instrumental]
                    chain = [d for d in chain if not d.instrumental]
                elif keyword is not None:
                    object_end = acts[0][0] if acts else c_end
                    added = designations(text[keyword[1]:object_end], lexicon) if object_end > keyword[1] else []
                    added = [d for d in added if d.unit != "named"]
        if change is None and announced is not None:
            change = ChangeKind.ANNOUNCED  # an announcement that does not say what the change will be
        if change is None or not acts:
            if not effects:
                return None
            continue
        lead_start = max([c_start] + [m[1] for m in (keyword,) if m is not None]
                         + [announced.end() for _ in (0,) if announced is not None and announced.end() <= acts[0][0]])
        rules = [b for b in _brackets(folded[:c_end]) if b[0] >= acts[0][0]]
        languages = tuple(langs for p, langs in words.language_only if p.search(folded, c_start, c_end))
        issuers = [_issuer(text, lead_start if k == 0 else acts[k - 1][1], act, lexicon, folded)
                   for k, act in enumerate(acts)]
        if len(acts) > 1 and (issuers[0][0] or kind) == "joint-order":
            # A joint order names each minister's number and date: one act, known by the first.
            joined = "; ".join(i for _, i in issuers if i) or None
            acts = [(acts[0][0], acts[-1][1], acts[0][2], acts[0][3])]
            issuers = [("joint-order", joined)]
        for k, act in enumerate(acts):
            act_kind, act_issuer = issuers[k]
            kind = act_kind or kind
            issuer = act_issuer or issuer
            bracket = next((b for b in rules if b[0] >= act[0] and (k + 1 >= len(acts) or b[0] < acts[k + 1][0])),
                           None)
            rule = parse_rule(text[bracket[0] + 1:bracket[1] - 1], lexicon.language) if bracket else None
            final = change
            if final is ChangeKind.INVALIDATED and not chain:
                final = ChangeKind.ABOLISHED
            effect = Effect(ChangeKind.ANNOUNCED if announced else final,
                            ActRef(kind, act[2], act[3], issuer), rule,  # type: ignore[arg-type]
                            languages[0] if languages else (),
                            final if announced and final is not ChangeKind.ANNOUNCED else None)
            effects.append(effect)
    if not effects:
        return None
    return Reading(tuple(chain), tuple(effects), target_words, tuple(added))


def resolve_notes(raw_notes: Sequence[RawNote], parts: tuple[Node, ...], source: Source,
                  lexicon: Lexicon) -> tuple[tuple[Note, ...], list[Finding]]:
    """Every note of a text read and its target resolved against the structure."""
    notes: list[Note] = []
    findings: list[Finding] = []
    act, file = source.act, source.file
    structure = Structure(parts)
    seen: dict[tuple[str, str | None], int] = {}
    for raw in raw_notes:
        span = raw.span
        inline = raw.kind is NoteKind.INLINE
        # The same note twice at the same place: a slip of the publisher, reported; both are kept as published.
        first = seen.setdefault((" ".join(raw.text.split()), raw.after), span.first_line)
        if first != span.first_line:
            findings.append(Finding(FindingKind.REPEATED_NOTE, act,
                                    f"{file}:{span.first_line}: the note repeats, word for word, the note at "
                                    f"line {first}", (Place(file, raw.after, span),), (raw.text,)))
        reading = read_note(raw.text, lexicon, inline=inline)
        if reading is None:
            findings.append(Finding(FindingKind.UNREADABLE_NOTE, act,
                                    f"{file}:{span.first_line}: a note whose wording no rule reads",
                                    (Place(file, raw.after, span),), (raw.text,)))
            notes.append(Note(raw.kind, Target(TargetKind.ACT, None), (), raw.text, span, raw.after, understood=False))
            continue
        if inline:
            node = structure.by_eid.get(raw.after or "")
            kind = TargetKind.ITEM if raw.after and "__" not in raw.after else TargetKind.POINT
            target = Target(kind, raw.after, (("point", node.num if node else None),), "")
        else:
            target = _target(reading, raw.after, structure)
        if target.eid is None and target.kind not in (TargetKind.ACT, TargetKind.TITLE):
            findings.append(Finding(FindingKind.UNRESOLVED_TARGET, act,
                                    f"the {target.kind.value} this note names ({target.words!r}) is not in the text",
                                    (Place(file, raw.after, span),), (raw.text,)))
        notes.append(Note(raw.kind, target, reading.effects, raw.text, span, raw.after, reading.entry_into_force))
    return tuple(notes), findings


def metadata_notes(meta: Meta | None, header: ActRef | None = None) -> list[Note]:
    """What the act's metadata states about its history, as notes: its repeal (the texts, consolidated earlier,
    may not know it), and the act that caused the version it describes (``caused_by``: the amending act; an
    event's evidence besides the notes of the texts). ``header`` is the act itself, which causes no event."""
    if meta is None:
        return []
    out = []
    clause = meta.repeal()
    if clause is not None and meta.requisite_span is not None:
        reading = read_note(clause, lexicon("ru"), inline=True)
        if reading is not None and reading.effects:
            out.append(Note(NoteKind.METADATA, Target(TargetKind.ACT, None, (), ""), reading.effects, clause,
                            meta.requisite_span, None))
    caused = meta.caused_by
    if caused is not None and meta.caused_by_span is not None and not (
            header is not None and (caused.number, caused.date) == (header.number, header.date)):
        out.append(Note(NoteKind.METADATA, Target(TargetKind.ACT, None, (), ""),
                        (Effect(ChangeKind.CHANGED, caused, None),), meta.caused_by_requisite, meta.caused_by_span,
                        None))
    return out


def _target(reading: Reading, after: str | None, parts: Structure) -> Target:
    chain = list(reading.chain)
    designation = tuple((d.unit, d.num if d.unit != "named" else d.words) for d in chain)
    if reading.added:
        container, _ = resolve(chain, after, parts) if chain else (None, TargetKind.ACT)
        eid, kind = resolve(list(reading.added), after, parts, within=container)
        added = tuple((d.unit, d.num) for d in reading.added)
        return Target(kind, eid, added + designation, reading.words)
    eid, kind = resolve(chain, after, parts)
    return Target(kind, eid, designation, reading.words)
