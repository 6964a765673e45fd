"""What changed in a qualification ladder between two versions: structured changes in the API's vocabulary,
each with a sentence in the asked language (English, Russian or Kazakh).

Rungs are matched by skill level and place in the ladder. A rung present on one side only is ``added`` or
``removed``; this module is only asked about two versions whose texts are both known, so an absent rung is a
real change, never a gap in the corpus.
"""

from __future__ import annotations

from typing import Any

from zangraph.service.models import Change, Rung

FIELDS = ("category", "min_experience_years", "prior_category", "prior_role", "education_level")
_FIELD_WORDS = {
    "category": {"en": "category", "ru": "категория", "kk": "санат"},
    "min_experience_years": {"en": "experience", "ru": "стаж", "kk": "еңбек өтілі"},
    "prior_category": {"en": "prior category", "ru": "предшествующая категория", "kk": "алдыңғы санат"},
    "prior_role": {"en": "prior role", "ru": "предшествующая должность", "kk": "алдыңғы лауазым"},
    "education_level": {"en": "education", "ru": "образование", "kk": "білім"},
}
_LEVELS = {"high": {"en": "high level", "ru": "высший уровень", "kk": "жоғары деңгей"},
           "average": {"en": "average level", "ru": "средний уровень", "kk": "орта деңгей"}}
_RUNG = {"en": "rung", "ru": "ступень", "kk": "саты"}
_ADDED = {"en": "added", "ru": "добавлена", "kk": "қосылды"}
_REMOVED = {"en": "removed", "ru": "исключена", "kk": "алынып тасталды"}
_NOTHING = {"en": "none", "ru": "нет", "kk": "жоқ"}
_CATEGORIES = {
    "highest": {"en": "the highest category", "ru": "высшая категория", "kk": "жоғары санат"},
    "first": {"en": "the first category", "ru": "первая категория", "kk": "бірінші санат"},
    "second": {"en": "the second category", "ru": "вторая категория", "kk": "екінші санат"},
    "none": {"en": "without a category", "ru": "без категории", "kk": "санатсыз"},
    "mentor": {"en": "mentor", "ru": "наставник", "kk": "тәлімгер"},
    "case_manager": {"en": "case manager", "ru": "кейс-менеджер", "kk": "кейс-менеджер"},
    "career_consultant": {"en": "career consultant", "ru": "карьерный консультант", "kk": "мансап кеңесшісі"},
}
_EDUCATION = {"higher": {"en": "higher", "ru": "высшее", "kk": "жоғары"},
              "post_secondary": {"en": "post-secondary", "ru": "послесреднее", "kk": "орта білімнен кейінгі"},
              "technical_vocational": {"en": "technical and vocational", "ru": "техническое и профессиональное",
                                       "kk": "техникалық және кәсіптік"},
              "basic_secondary": {"en": "secondary", "ru": "среднее", "kk": "орта"}}


def ladder_changes(before: list[Rung], after: list[Rung], lang: str, same_language: bool = True) -> list[Change]:
    """The changes from one ladder to the next, in ladder order. Ladders read from texts in two languages
    (``same_language`` false) are compared on their coded values only: a prior role is words of its text, and
    two languages' words always differ.

    >>> old = [Rung(rung=1, skill_level="high", category="first", label={}, education_level=["higher"],
    ...             education_fields=[], min_experience_years=3, prior_role=None, prior_category="second",
    ...             alternatives=[], text="", span=None)]
    >>> new = [old[0].model_copy(update={"min_experience_years": 2})]
    >>> [c.sentence for c in ladder_changes(old, new, "en")]
    ['high level, rung 1 (the first category): experience 3 → 2 years']
    >>> [c.sentence for c in ladder_changes(old, new, "ru")]
    ['высший уровень, ступень 1 (первая категория): стаж 3 → 2 года']
    >>> [(c.field, c.change) for c in ladder_changes(old, [], "en")]
    [('rung', 'removed')]
    """
    changes = []
    by_key = {(r.skill_level, r.rung): r for r in before}
    for r in after:
        old = by_key.pop((r.skill_level, r.rung), None)
        if old is None:
            changes.append(_change(r, "rung", "added", None, r.category, lang))
            continue
        for field in FIELDS if same_language else tuple(f for f in FIELDS if f != "prior_role"):
            if getattr(old, field) != getattr(r, field):
                changes.append(_change(r, field, "changed", getattr(old, field), getattr(r, field), lang))
    for old in by_key.values():
        changes.append(_change(old, "rung", "removed", old.category, None, lang))
    return changes


def _change(rung: Rung, field: str, change: str, before: Any, after: Any, lang: str) -> Change:
    return Change(rung=rung.rung, skill_level=rung.skill_level, category=rung.category, field=field, change=change,
                  before=before, after=after, sentence=_sentence(rung, field, change, before, after, lang))


def _sentence(rung: Rung, field: str, change: str, before: Any, after: Any, lang: str) -> str:
    where = ", ".join(x for x in (_LEVELS.get(rung.skill_level or "", {}).get(lang), f"{_RUNG[lang]} {rung.rung}")
                      if x)
    category = _words(rung.category, _CATEGORIES, lang)
    if field == "rung":
        return f"{where} ({category}): {(_ADDED if change == 'added' else _REMOVED)[lang]}"
    label = _FIELD_WORDS[field][lang]
    if field == "min_experience_years":
        return f"{where} ({category}): {label} {_value(before, lang)} → {_value(after, lang)} {year_word(after, lang)}"
    table = _EDUCATION if field == "education_level" else _CATEGORIES
    return f"{where} ({category}): {label} {_words(before, table, lang)} → {_words(after, table, lang)}"


_FIELDS = {"economic": {"en": "economic", "ru": "экономическое", "kk": "экономикалық"},
           "legal": {"en": "legal", "ru": "юридическое", "kk": "заң"},
           "medical": {"en": "medical", "ru": "медицинское", "kk": "медициналық"},
           "pedagogical": {"en": "pedagogical", "ru": "педагогическое", "kk": "педагогикалық"},
           "psychological": {"en": "psychological", "ru": "психологическое", "kk": "психологиялық"},
           "social": {"en": "social", "ru": "социальное", "kk": "әлеуметтік"}}


def field_words(field: str, lang: str) -> str:
    """A field of education (the API's code) in words of the language.

    >>> field_words("pedagogical", "kk")
    'педагогикалық'
    """
    return _words(field, _FIELDS, lang)


def education_words(level: str, lang: str) -> str:
    """A level of education (the API's code) in words of the language.

    >>> education_words("post_secondary", "ru")
    'послесреднее'
    """
    return _words(level, _EDUCATION, lang)


def _words(value: Any, table: dict[str, dict[str, str]], lang: str) -> str:
    if value is None or value == []:
        return _NOTHING[lang]
    if isinstance(value, list):
        return ", ".join(_words(v, table, lang) for v in value)
    return table.get(value, {}).get(lang, str(value))


def _value(value: Any, lang: str) -> str:
    return _NOTHING[lang] if value is None else str(value)


def year_word(n: Any, lang: str) -> str:
    """The word for years after a number, as each language wants it.

    >>> [year_word(n, lang) for n, lang in ((1, "en"), (2, "en"), (1, "ru"), (3, "ru"), (5, "ru"), (2, "kk"))]
    ['year', 'years', 'год', 'года', 'лет', 'жыл']
    """
    if lang == "kk":
        return "жыл"
    if lang == "en":
        return "year" if n == 1 else "years"
    if not isinstance(n, int):
        return "лет"
    if n % 10 == 1 and n % 100 != 11:
        return "год"
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return "года"
    return "лет"
