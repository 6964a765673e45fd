"""The API's contract: a response model for every JSON answer, and the problem details of every error.

The handlers return the service's dictionaries as they are (validating a large answer on every request would
cost more than computing it); the models say what those dictionaries hold, feed ``/openapi.json``, and the
test suite checks every answer against them (Schemathesis). Every model forbids fields it does not name, so a
field added to the service without its model fails the suite instead of going undocumented."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

Lang = Literal["en", "ru", "kk"]
Certainty = Literal["exact", "estimated"]
Texts = dict[str, str]


EFFECTIVE = "The date it takes effect; where certainty is estimated, the earliest possible day (as a valid_from)"


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Problem(BaseModel):
    """RFC 9457 problem details; some problems add members (``parameter``, ``expected``, ``limit``...)."""

    model_config = ConfigDict(extra="allow")
    type: str
    title: str
    status: int
    detail: str
    instance: str


class Span(Model):
    """Where a text is in its source file: lines (1-based, inclusive) and characters (0-based, half-open)."""

    file: str
    first_line: int
    last_line: int
    start: int
    end: int


# -- acts ------------------------------------------------------------------------------------------------------

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


# -- positions -------------------------------------------------------------------------------------------------

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
    reason: str | None = Field(None, description="Why the text is unknown")
    text_available: dict[str, bool]
    language: str | None
    fallback: bool
    qualification: list[Rung]
    duties: list[Item]
    knowledge: list[Knowledge]


class Requirements(Model):
    position: str
    at: dt.date
    lang: Lang
    sources: list[Source]
    certainty: Certainty
    completeness: Literal["complete", "incomplete"] = Field(
        description="complete: the corpus has the text of every act part in force that characterises the position")
    incomplete_because: list[str] | None = None
    estimated_because: list[EstimatedBoundary] | None = None
    reason: str | None = None


# -- parts -----------------------------------------------------------------------------------------------------

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


class PartDiff(Model):
    part: str
    label: str
    from_: dt.date = Field(alias="from")
    to: dt.date
    lang: Lang
    from_version: str | None = Field(description="The version in force at from")
    to_version: str | None = Field(description="The version in force at to")
    versions: list[DiffVersion]
    steps: list[Step]


# -- findings and the service ----------------------------------------------------------------------------------

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


class Health(Model):
    status: Literal["ok"]
    store: str
    dataset_sha256: str | None
    built: str | None
    triples: int
