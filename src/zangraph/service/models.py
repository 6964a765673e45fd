"""What the service answers: every answer a model, which the HTTP API sends as JSON and declares in
``/openapi.json``, the pages render and ``zangraph ask`` prints.

Every model forbids fields it does not name (a field the service adds without its model is an error, never an
undocumented one) and is frozen (an answer the service keeps is shared by every request that asks for it). A
field with a default is one an answer holds only where it applies (``reason``, ``estimated_because``...): the
service sets it then, and an answer is written with ``exclude_unset`` (``to_json``), so that it is absent
otherwise rather than null. Fields are declared in the order the answers have always given them."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["en", "ru", "kk"]
Certainty = Literal["exact", "estimated"]
Texts = dict[str, str]


EFFECTIVE = "The date it takes effect; where certainty is estimated, the earliest possible day (as a valid_from)"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def to_json(answer: BaseModel, indent: int | None = None) -> bytes:
    """An answer as JSON in UTF-8 (non-ASCII text as it is), by its fields' public names (``from``), with only
    the optional fields the service set.

    >>> to_json(PartRef(id="order-2001-17~preamble", label="preamble"))
    b'{"id":"order-2001-17~preamble","label":"preamble"}'
    """
    return answer.__pydantic_serializer__.to_json(answer, indent=indent, by_alias=True, exclude_unset=True)


class Span(Model):
    """Where a text is in its source file: lines (1-based, inclusive) and characters (0-based, half-open)."""

    file: str
    first_line: int
    last_line: int
    start: int
    end: int


# -- acts ----------------------------------------------------------------------------------------------------------

class ActSummary(Model):
    id: str
    iri: str
    number: str | None
    date: dt.date | None
    type: str | None = Field(description="e.g. order; none for laws known only by title")
    title: Texts = Field(description="The title by language (en, ru, kk, or und)")


class Acts(Model):
    acts: list[ActSummary]


class EntryIntoForce(Model):
    rule: str | None
    earliest: dt.date | None
    date: dt.date | None = Field(description=EFFECTIVE)
    certainty: Certainty | None


class Ending(Model):
    rule: str | None
    date: dt.date | None
    certainty: Certainty | None


class Basis(Model):
    boundary: Literal["entry_into_force", "no_longer_in_force"]
    rule: str | None


class ActAtDate(Model):
    id: str
    iri: str
    number: str | None
    date: dt.date | None
    at: dt.date
    status: Literal["in_force", "not_yet_in_force", "no_longer_in_force"] | None
    certainty: Certainty | None
    entry_into_force: EntryIntoForce | None
    no_longer_in_force: Ending | None
    repealed_by: list[str]
    amended_by: list[str]
    amends: list[str]
    repeals: list[str]
    status_reason: str | None = None
    estimated_because: list[Basis] | None = None


class ActRef(Model):
    id: str
    number: str | None
    date: dt.date | None


class PartRef(Model):
    id: str
    label: str


class Effective(Model):
    date: dt.date | None = Field(description=EFFECTIVE)
    earliest: dt.date | None
    certainty: Certainty | None
    rule: str | None


class Note(Model):
    text: str
    span: Span | None


class Event(Model):
    id: str
    iri: str
    act: str
    acting_act: ActRef
    kind: str | None
    targets: list[PartRef]
    effective: Effective
    languages: list[str]
    notes: list[Note]


class History(Model):
    act: str
    events: list[Event]


class Effects(Model):
    act: str = Field(description="The acting act; each effect's act is the act it changed")
    effects: list[Event]


# -- positions -----------------------------------------------------------------------------------------------------

class PositionSummary(Model):
    id: str
    title: Texts
    parts: int = Field(description="How many act parts characterise the position, over all time")


class Positions(Model):
    positions: list[PositionSummary]


class EstimatedBoundary(Model):
    boundary: Literal["valid_from", "valid_to"]
    date: dt.date | None
    rule: str | None


class Version(Model):
    """A version of a part, in force over the half-open interval [``valid_from``, ``valid_to``): ``valid_to`` is
    the first day it no longer applies, ``last_day`` the last day it does."""

    id: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    last_day: dt.date | None
    certainty: Certainty
    estimated_boundaries: list[EstimatedBoundary] | None = None


class Rung(Model):
    rung: int
    skill_level: str | None
    category: str | None
    label: Texts
    education_level: list[str]
    education_fields: list[str]
    min_experience_years: int | None
    prior_role: str | None
    prior_category: str | None
    alternatives: list[str]
    text: str
    span: Span | None


class Change(Model):
    """One change of a qualification ladder from a version to the next."""

    rung: int
    skill_level: str | None
    category: str | None
    field: Literal["rung", "category", "min_experience_years", "prior_category", "prior_role", "education_level"]
    change: Literal["added", "removed", "changed"]
    before: Any
    after: Any
    sentence: str = Field(description="The change in words, in the language asked for")


class Item(Model):
    ordinal: int = Field(description="The item's place in the list of the part that sets it, from 1")
    text: str
    span: Span | None


class Knowledge(Item):
    act: str | None
    topic: str | None


class HeadedPart(PartRef):
    heading: str | None


class Source(Model):
    act: ActRef
    part: HeadedPart
    version: Version
    text: Literal["known", "partial", "unknown"] = Field(
        description="Whether the corpus has the text at the date of the part and of every part within it")
    text_available: dict[str, bool]
    language: str | None
    fallback: bool
    qualification: list[Rung]
    duties: list[Item]
    knowledge: list[Knowledge]
    reason: str | None = Field(None, description="Why the text is unknown")


class Requirements(Model):
    position: str
    at: dt.date
    lang: Lang
    sources: list[Source]
    certainty: Certainty
    estimated_because: list[EstimatedBoundary] | None = None
    completeness: Literal["complete", "incomplete"] = Field(
        description="complete: the corpus has the text of every act part in force that characterises the position")
    incomplete_because: list[str] | None = None
    reason: str | None = None


class ActChange(Change):
    """A change of the ladder that an act sets for a position."""

    act: str


class Comparison(Model):
    """A position on two dates, and what changed in the ladder of each act from the one to the other."""

    model_config = ConfigDict(populate_by_name=True)  # built as from_=..., written as "from"

    position: str
    from_: Requirements = Field(alias="from")
    to: Requirements
    changes: list[ActChange]


# -- parts ---------------------------------------------------------------------------------------------------------

class Start(Model):
    certainty: Certainty | None
    rule: str | None


class MadeBy(Model):
    event: str
    kind: str | None
    act: str


class PartVersion(Model):
    id: str
    valid_from: dt.date | None
    valid_to: dt.date | None
    last_day: dt.date | None
    certainty: Certainty
    start: Start
    made_by: MadeBy
    languages: list[str]


class PartVersions(Model):
    part: str
    label: str
    versions: list[PartVersion]


class PartAtDate(Model):
    part: str
    label: str | None = None
    at: dt.date
    status: Literal["in_force", "not_in_force"]
    version: Version | None
    text_available: dict[str, bool] | None = None
    language: str | None = None
    fallback: bool | None = None
    text: str | None = None
    reason: str | None


class DiffVersion(PartVersion):
    text: Literal["known", "unknown"] = Field(description="Whether the corpus has the version's text")


class Step(Model):
    """From one version to the next: the text diffs and ladder changes, or "unknown" where a text is missing."""

    from_version: str
    to_version: str
    made_by: MadeBy
    date: dt.date | None
    text: Literal["known", "unknown"]
    reason: str | None = None
    diff: dict[str, str] = Field(description="A unified diff of the two texts, by language")
    ladder_languages: list[str | None] | None = Field(
        None, description="The languages the two ladders were read in (different only where no language gives both)")
    changes: list[Change]


class TextPart(Model):
    """A part of an act as the act's whole text shows it."""

    id: str
    eid: str
    kind: str
    depth: int = Field(description="How many parts it is within, from 0")
    label: str
    step: str = Field(description="Its own step of the label, e.g. point 40")
    version: str
    language: str | None
    fallback: bool
    heading: str | None
    text: str | None
    known: bool = Field(description="Whether the corpus has the words of its version")


class ActText(Model):
    """Every part of an act in force on a date, in document order (the act's own points, then its annexes)."""

    parts: list[TextPart]


class PartDiff(Model):
    model_config = ConfigDict(populate_by_name=True)  # built as from_=..., written as "from"

    part: str
    label: str
    from_: dt.date = Field(alias="from")
    to: dt.date
    lang: Lang
    from_version: str | None = Field(description="The version in force at from")
    to_version: str | None = Field(description="The version in force at to")
    versions: list[DiffVersion]
    steps: list[Step]


# -- findings and the dataset --------------------------------------------------------------------------------------

class Finding(Model):
    id: str
    iri: str
    kind: str | None
    act: str | None
    places: list[PartRef]
    message: str | None
    evidence: list[str]
    spans: list[Span | None] | None = None


class Findings(Model):
    findings: list[Finding]
    validation: dict[str, Any] | None = Field(description="The build's validation report (validation.json)")


class Counts(Model):
    """How many acts, parts, versions and positions the graph holds."""

    acts: int
    parts: int
    versions: int
    positions: int
