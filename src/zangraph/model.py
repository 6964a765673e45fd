"""The document model: what a source text says, as frozen dataclasses.

Everything downstream (graph build, temporal assembly, queries) is made from these objects, so they carry
the text exactly as published plus the span of the source it came from. Nothing here interprets the law;
the segmenter and the note parser fill these in, and the findings report what looks wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum


@dataclass(frozen=True)
class Span:
    """Where a piece of text sits in its source file.

    Lines are 1-based and inclusive; ``start``/``end`` are character offsets into the decoded file text
    (``text[start:end]`` is the whole span, markup included).
    """

    file: str
    first_line: int
    last_line: int
    start: int
    end: int
    sha256: str


class NodeKind(StrEnum):
    PREAMBLE = "preamble"
    POINT = "point"  # a numbered point ("12-1.", Russian "пункт", Kazakh "тармақ")
    SUBPOINT = "subpoint"  # "1)" (Russian "подпункт", Kazakh "тармақша")
    INDENT = "indent"  # an unnumbered paragraph of a point (Russian "абзац")
    CONCLUSIONS = "conclusions"  # signature of the act
    APPROVAL = "approval"  # "AGREED" block of another minister
    ANNEX = "annex"
    PREFACE = "preface"  # the approval caption of an annex ("Approved by order ... No 360")
    CHAPTER = "chapter"
    SECTION = "section"  # a position (orders 350/360) or a card of profession (order 292)
    FIELD = "field"  # a field of a card of profession


class Role(StrEnum):
    """What a point or a card field says about a position; the graph's domain layer reads this."""

    DUTIES = "duties"
    KNOWLEDGE = "knowledge"
    QUALIFICATION = "qualification"
    POSITION = "position"  # a point that is itself a position's requirements (order 350)
    CODE = "code"
    NAME = "name"
    SQF_LEVEL = "sqf_level"
    OTHER_NAMES = "other_names"
    QD_LEVEL = "qd_level"  # the qualification level by the qualification directory / order 360
    EDUCATION = "education"
    LABOUR_FUNCTIONS = "labour_functions"  # the list of mandatory labour functions
    LABOUR_FUNCTION = "labour_function"
    TASK = "task"
    SKILLS = "skills"
    PERSONAL_COMPETENCIES = "personal_competencies"
    RELATED_SQF = "related_sqf"
    RELATED_QD = "related_qd"
    CONDITIONS = "conditions"


@dataclass(frozen=True)
class Node:
    """A part of an act. ``eid`` follows Akoma Ntoso naming (``att_1__chp_2__sec_1__para_39``).

    ``num`` is the number as printed (``label`` the whole designation); ``eid`` uses the number the part
    has in the sequence, which differs only where the source misnumbers (each such case is also a finding).
    """

    kind: NodeKind
    eid: str
    span: Span
    num: str | None = None
    label: str | None = None  # the designation as printed: "Chapter 2.", "Paragraph 4-1.", "12-1.", "1)"
    heading: str | None = None
    text: str = ""
    role: Role | None = None
    children: tuple[Node, ...] = ()

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


class RuleKind(StrEnum):
    FIXED_DATE = "fixed_date"
    AFTER_PUBLICATION = "after_publication"  # N calendar days after the day of first official publication


@dataclass(frozen=True)
class Rule:
    """An entry-into-force rule as the text states it."""

    kind: RuleKind
    text: str
    date: date | None = None
    days: int | None = None


class TargetKind(StrEnum):
    ACT = "act"
    PREAMBLE = "preamble"
    ANNEX = "annex"
    CHAPTER = "chapter"
    SECTION = "section"
    SECTION_HEADING = "section_heading"
    POINT = "point"
    INDENT = "indent"
    ITEM = "item"  # an item of the order itself, outside the annex


@dataclass(frozen=True)
class Target:
    """What a note acts on. ``eid`` is resolved against the document structure; None if unresolved."""

    kind: TargetKind
    eid: str | None
    chapter: str | None = None
    section: str | None = None
    point: str | None = None
    indent: int | None = None


@dataclass(frozen=True)
class ActRef:
    """An act named by a note: type, number, date and issuer as the text gives them."""

    type: str
    number: str
    date: date
    issuer: str | None = None


class ChangeKind(StrEnum):
    NEW_WORDING = "new_wording"
    CHANGED = "changed"
    SUPPLEMENTED = "supplemented"
    HEADING_REVISED = "heading_revised"
    ABOLISHED = "abolished"
    PROSPECTIVE = "prospective"  # an editorial note announcing a change whose text is not in the file
    REFERENCE = "reference"  # an editorial note pointing the reader elsewhere ("see item 5")


class NoteKind(StrEnum):
    FOOTNOTE = "footnote"  # "Footnote." / "Сноска." / "Ескерту."
    EDITORIAL = "editorial"  # "Примечание ИЗПИ!" / "Примечание РЦПИ!" / "РҚАО-ның ескертпесі!"


@dataclass(frozen=True)
class Note:
    """A footnote or editorial note: the amendment history as data."""

    kind: NoteKind
    change: ChangeKind
    target: Target
    text: str
    span: Span
    after: str | None  # eId of the part the note follows in the text
    acting_act: ActRef | None = None
    rule: Rule | None = None
    supplement: str | None = None  # number of the part added, for "supplemented by paragraph 4-1"


@dataclass(frozen=True)
class Exception_:
    """Parts of an act that enter into force by another rule than the act."""

    targets: tuple[Target, ...]
    rule: Rule


@dataclass(frozen=True)
class EntryIntoForce:
    rule: Rule
    exceptions: tuple[Exception_, ...]
    item: str  # eId of the order's item that states it
    span: Span


@dataclass(frozen=True)
class Header:
    """The act's identification as its header gives it."""

    act_type: str
    issuer: str
    date: date
    number: str
    registration_number: str | None
    registration_date: date | None
    text: str
    span: Span
    status: str | None = None  # "Invalidated" / "Күшін жойған" where the text says so


class FindingKind(StrEnum):
    DUPLICATE_NUMBER = "duplicate_number"
    NUMBER_GAP = "number_gap"
    NUMBER_OUT_OF_ORDER = "number_out_of_order"
    MISPLACED_TEXT = "misplaced_text"
    MALFORMED_CODE = "malformed_code"
    MISSING_PART = "missing_part"  # present in one language version, absent in another
    HEADING_DIFFERS = "heading_differs"
    TRANSLATION_DISCREPANCY = "translation_discrepancy"
    UNRESOLVED_TARGET = "unresolved_target"
    REQUIREMENT_DISCREPANCY = "requirement_discrepancy"  # structured requirements differ between languages
    QUOTED_LADDER = "quoted_ladder"  # a card of profession quotes another position's qualification ladder


@dataclass(frozen=True)
class Place:
    file: str
    eid: str | None
    span: Span | None


@dataclass(frozen=True)
class Finding:
    kind: FindingKind
    act: str
    message: str
    places: tuple[Place, ...]
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class LayoutLine:
    line: int
    text: str
    reason: str


@dataclass(frozen=True)
class Source:
    """One entry of the manifest."""

    file: str
    act: str
    language: str
    form: str
    sha256: str
    origin: str = ""


@dataclass(frozen=True)
class Document:
    source: Source
    title: str
    title_span: Span
    header: Header
    parts: tuple[Node, ...]
    notes: tuple[Note, ...]
    entry_into_force: EntryIntoForce | None
    layout: tuple[LayoutLine, ...]
    findings: tuple[Finding, ...] = ()
    legal_basis: str | None = None  # the provision the preamble cites as the power to issue the act
    # line number -> what holds it ("eid", "note", "title", "header" or "layout"); used by the fidelity check
    placed: dict[int, str] = field(default_factory=dict, compare=False, repr=False)

    def walk(self):
        for part in self.parts:
            yield from part.walk()

    def find(self, eid: str) -> Node | None:
        return next((n for n in self.walk() if n.eid == eid), None)
