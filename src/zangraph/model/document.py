"""The document model: what a source text says, as frozen dataclasses.

Everything downstream (graph build, temporal assembly, queries) is made from these objects, so they carry
the text exactly as published plus the span of the source it came from. Nothing here interprets the law;
the segmenter, the note reader and the readers of requirements and lists fill these in, and the findings
report what looks wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from zangraph.model.requirements import Rung


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
    DIVISION = "division"  # "Раздел N", "N-бөлім"
    CHAPTER = "chapter"  # "Глава N", "N-тарау", "Chapter N"
    SECTION = "section"  # "Параграф N", "N-параграф": a position in a qualification act, or a card of profession
    ARTICLE = "article"  # "Статья N", "N-бап", "Article N"
    POINT = "point"  # a numbered point ("12-1.", Russian "пункт", Kazakh "тармақ")
    SUBPOINT = "subpoint"  # "1)" (Russian "подпункт", Kazakh "тармақша")
    INDENT = "indent"  # an unnumbered paragraph (Russian "абзац")
    TABLE = "table"
    ROW = "row"  # a row of a table, its cells in ``cells``
    BLOCK = "block"  # preformatted text kept as printed (a form to fill in)
    CONCLUSIONS = "conclusions"  # signature of the act
    APPROVAL = "approval"  # "AGREED" block of another authority
    ANNEX = "annex"
    PREFACE = "preface"  # the approval caption of an annex ("Approved by order ...")
    FIELD = "field"  # a field of a card of profession


class Role(StrEnum):
    """What a point or a card field says about a position."""

    DUTIES = "duties"
    KNOWLEDGE = "knowledge"
    QUALIFICATION = "qualification"
    POSITION = "position"  # a point that is itself a position's requirements (a qualification-requirements act)
    CODE = "code"
    NAME = "name"
    SQF_LEVEL = "sqf_level"
    OTHER_NAMES = "other_names"
    QD_LEVEL = "qd_level"  # the qualification level by the qualification directory
    EDUCATION = "education"
    LABOUR_FUNCTIONS = "labour_functions"  # the list of mandatory labour functions
    LABOUR_FUNCTION = "labour_function"
    TASK = "task"
    SKILLS = "skills"
    PERSONAL_COMPETENCIES = "personal_competencies"
    RELATED_SQF = "related_sqf"
    RELATED_QD = "related_qd"
    CONDITIONS = "conditions"


# Parts that state a position's requirements: their text is read into a ladder of rungs (``Node.rungs``).
REQUIREMENT_ROLES = (Role.QUALIFICATION, Role.POSITION)
# Parts whose paragraphs are a list of duties or of knowledge to have: read into items (``Node.items``).
LIST_ROLES = (Role.DUTIES, Role.KNOWLEDGE)


@dataclass(frozen=True)
class ListItem:
    """An item of a list of duties or knowledge as a reader reads it: one paragraph, or two the publisher broke
    one sentence over, joined (a ``split_item`` finding says where). ``span`` covers every paragraph read."""

    text: str
    span: Span


@dataclass(frozen=True)
class Node:
    """A part of an act. ``eid`` follows Akoma Ntoso naming (``att_2__chp_3__sec_4__para_31``).

    ``num`` is the number as printed (``label`` the whole designation); ``eid`` uses the number the part
    has in the sequence, which differs only where the source misnumbers (each such case is also a finding).
    A part that states requirements has its ladder read in ``rungs``; a list of duties or knowledge, its
    ``items``; both are empty for every other part.
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
    cells: tuple[str, ...] = ()  # a row's cells, as printed, spanned cells repeated
    rungs: tuple[Rung, ...] = ()  # role in REQUIREMENT_ROLES: the ladder its text states
    items: tuple[ListItem, ...] = ()  # role in LIST_ROLES: its paragraphs as the items of a list

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


class RuleKind(StrEnum):
    FIXED_DATE = "fixed_date"  # "from 01.07.2023"
    AFTER_PUBLICATION = "after_publication"  # N calendar days after the day of first official publication
    ON_PUBLICATION = "on_publication"  # from the day of first official publication
    ON_REGISTRATION = "on_registration"  # from the day of state registration
    NOT_EARLIER_THAN = "not_earlier_than"  # a fixed date, but not before N days after publication
    CONDITIONAL = "conditional"  # tied to an event the corpus does not date ("12 months after the Code ...")


@dataclass(frozen=True)
class Rule:
    """An entry-into-force rule as the text states it.

    ``days`` counts calendar days after the day of publication (0 for "after the day of publication");
    ``date`` is the fixed date of a fixed or not-earlier-than rule.
    """

    kind: RuleKind
    text: str
    date: date | None = None
    days: int | None = None


class TargetKind(StrEnum):
    ACT = "act"
    TITLE = "title"  # the act's own title
    PREAMBLE = "preamble"
    ITEM = "item"  # an item of the order itself, outside the annexes
    ANNEX = "annex"
    PREFACE = "preface"  # an annex's approval caption ("the upper right corner")
    DIVISION = "division"
    CHAPTER = "chapter"
    SECTION = "section"
    ARTICLE = "article"
    POINT = "point"
    SUBPOINT = "subpoint"
    INDENT = "indent"
    HEADING = "heading"  # the heading of the part ``eid`` names
    TABLE = "table"
    ROW = "row"


@dataclass(frozen=True)
class Target:
    """What a note acts on: its designation as the note words it (innermost first) and the eId it resolves
    to against the structure, None for the act itself or where it is not in the text."""

    kind: TargetKind
    eid: str | None
    designation: tuple[tuple[str, str | None], ...] = ()  # (("point", "5"), ("annex", "2"))
    words: str = ""  # the note's words for it, as printed


@dataclass(frozen=True)
class ActRef:
    """An act named by a text: type, number, date and issuer as the text gives them."""

    type: str  # order, joint-order, resolution, decree, law, code, decision
    number: str
    date: date
    issuer: str | None = None
    registered: date | None = None  # its state registration, where the text gives it (metadata requisites do)


class ChangeKind(StrEnum):
    NEW_WORDING = "new_wording"
    CHANGED = "changed"
    SUPPLEMENTED = "supplemented"
    EXCLUDED = "excluded"
    INVALIDATED = "invalidated"  # a part declared invalid
    ABOLISHED = "abolished"  # the whole act
    ANNOUNCED = "announced"  # an editorial note announcing a change whose text is not in the file


@dataclass(frozen=True)
class Effect:
    """What one acting act did to the target, under its own entry-into-force rule."""

    change: ChangeKind
    act: ActRef
    rule: Rule | None  # None: the note states no rule
    languages: tuple[str, ...] = ()  # the change touches only the texts in these languages
    announces: ChangeKind | None = None  # for an announced change: what it will do


class NoteKind(StrEnum):
    FOOTNOTE = "footnote"  # "Footnote." / "Сноска." / "Ескерту."
    EDITORIAL = "editorial"  # "Примечание ИЗПИ!" / "Примечание РЦПИ!" / "ЗҚАИ-ның ескертпесі!"
    INLINE = "inline"  # a statement in the text itself: "5. Исключен приказом ..."
    METADATA = "metadata"  # the act's metadata (meta.yaml) stating its repeal: "Утратил силу приказом ..."


@dataclass(frozen=True)
class Note:
    """A footnote, editorial note or inline statement: the amendment history as data.

    ``effects`` has one entry per acting act. A note restating the act's own entry into force has no
    effects and gives the rule in ``entry_into_force``; a note pointing elsewhere ("see item 5") has neither.
    """

    kind: NoteKind
    target: Target
    effects: tuple[Effect, ...]
    text: str
    span: Span
    after: str | None  # eId of the part the note follows in the text
    entry_into_force: Rule | None = None
    understood: bool = True  # False: no rule reads its wording (an unreadable_note finding says so)


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
    """The act's identification as its header (or, where the text has none, its metadata) gives it."""

    act_type: str
    issuer: str
    date: date
    number: str
    registration_number: str | None
    registration_date: date | None
    text: str
    span: Span | None
    status: str | None = None  # "Invalidated" / "Күшін жойған" where the text says so
    language: str = ""  # the language of ``text`` (metadata is in Russian whatever the text's language)
    origin: str = "text"  # "text" or the metadata file it was read from


class DocumentKind(StrEnum):
    """What a document is, recognised from its title and structure; it decides which positions it
    characterises."""

    QUALIFICATION_CHARACTERISTICS = "qualification_characteristics"  # sections with duties, knowledge, requirements
    QUALIFICATION_REQUIREMENTS = "qualification_requirements"  # points with requirements per position
    PROFESSIONAL_STANDARD = "professional_standard"  # cards of professions with codes and levels
    POSITION_REGISTER = "position_register"  # tables of positions
    OTHER = "other"


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
    UNREADABLE_NOTE = "unreadable_note"  # a note whose wording no rule knows
    UNRECOGNISED_STRUCTURE = "unrecognised_structure"  # text the reader cannot place; kept as layout
    HEADER_MISMATCH = "header_mismatch"  # the text's header, its metadata or its manifest entry disagree
    SNAPSHOT_DISCREPANCY = "snapshot_discrepancy"  # two snapshots give one version different words
    UNIT_DIFFERS = "unit_differs"  # a part named by another unit word than the parts numbered with it
    REQUIREMENT_CONFLICT = "requirement_conflict"  # two acts in force together require different things
    REPEATED_NOTE = "repeated_note"  # a note printed twice, word for word, at the same place
    SPLIT_ITEM = "split_item"  # a list item printed as two paragraphs, read as one


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
    act: str  # the act's Akoma Ntoso path, /akn/kz/act/<type>/<year or date>/<number>
    language: str
    form: str
    sha256: str
    origin: str = ""
    meta: str | None = None  # the act's metadata file (meta.yaml) beside the sources
    version_date: date | None = None  # the date the text is consolidated at


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
    kind: DocumentKind = DocumentKind.OTHER
    # line number -> what holds it ("eid", "note", "title", "header" or "layout"); used by the fidelity check
    placed: dict[int, list[str]] = field(default_factory=dict, compare=False, repr=False)

    def walk(self):
        for part in self.parts:
            yield from part.walk()

    def find(self, eid: str) -> Node | None:
        return next((n for n in self.walk() if n.eid == eid), None)

    @property
    def consolidated_at(self) -> date | None:
        """The date the text is consolidated at: its manifest's (or metadata's) date, else the date of the
        newest amendment its footnotes and inline statements record, else the act's own date."""
        if self.source.version_date is not None:
            return self.source.version_date
        recorded = [e.act.date for n in self.notes if n.kind in (NoteKind.FOOTNOTE, NoteKind.INLINE)
                    for e in n.effects]
        return max(recorded) if recorded else self.header.date
