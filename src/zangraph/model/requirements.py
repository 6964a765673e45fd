"""Structured qualification requirements, as values of the document model.

A part that states a position's requirements (a point of qualification requirements, or a point that is a
position's requirements) gives a ladder of rungs: under a skill level, one rung per category, each with the
education it asks (levels and fields), the years of experience and the role and category they must be in,
and the alternatives it allows. The codes below are the model's own words for what the three languages say
in theirs; parse/requirements.py reads them from each language's text, and the graph layer maps them to
the ontology's terms (model/vocabulary.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class SkillLevel(StrEnum):
    HIGH = "high"  # "high-skilled professional", "специалист высшего уровня квалификации"
    AVERAGE = "average"  # "average-skilled specialist", "специалист среднего уровня квалификации"


class Category(StrEnum):
    """A rung of a ladder: a category, or one of the titles of the newer ladders."""

    HIGHEST = "highest"
    FIRST = "first"
    SECOND = "second"
    NONE = "none"  # "without category", "без категории", "санаты жоқ"
    MENTOR = "mentor"
    CASE_MANAGER = "case_manager"
    CAREER_CONSULTANT = "career_consultant"


class EducationLevel(StrEnum):
    HIGHER = "higher"  # higher or postgraduate
    POST_SECONDARY = "post_secondary"
    TECHNICAL_VOCATIONAL = "technical_vocational"
    BASIC_SECONDARY = "basic_secondary"


class EducationField(StrEnum):
    SOCIAL = "social"
    PSYCHOLOGICAL = "psychological"
    PEDAGOGICAL = "pedagogical"
    MEDICAL = "medical"
    ECONOMIC = "economic"
    LEGAL = "legal"


@dataclass(frozen=True)
class Rung:
    """One rung of a ladder, as one language's text states it. Words stay as written in ``text``, ``label``,
    ``prior_role`` and ``alternatives``; the rest is the model's codes.

    ``min_experience_years`` is 0 where the text requires no experience, None where it requires experience
    without saying how much. ``paragraph`` is the paragraph of the part it was read from: 0 for the part's
    own text, k for its k-th child.
    """

    index: int  # its place in the ladder, from 1
    text: str
    skill_level: SkillLevel | None
    category: Category | None
    label: str | None  # the category as written
    education_levels: tuple[EducationLevel, ...]
    education_fields: tuple[EducationField, ...]
    min_experience_years: int | None
    prior_role: str | None  # the role the experience must be gained in, as written
    prior_category: Category | None  # the category of that role
    alternatives: tuple[str, ...]  # other ways to qualify ("basic secondary education and certificate …")
    paragraph: int = 0
