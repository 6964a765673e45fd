"""Structured qualification requirements, read from one language's text of a requirements point.

A point lists a ladder: a skill level ("high-skilled professional:", "специалист высшего уровня
квалификации:", "біліктілігі жоғары деңгейдегі маман:") and under it rungs, one per category ("with higher
category - ...", "наставник: ...", "санаты жоқ – ..."). Each rung gives education levels and fields, the
years of experience and the role (with its category) the experience must be in, and alternatives. A point
that is one sentence ("Requirements for qualifications: higher ... education and ... at least 3 years") is a
ladder of one rung with no skill level or category. Words stay as written in ``label`` and ``prior_role``.

>>> r = rungs(["Qualification requirements to a social work consultant:", "high-skilled professional:",
...            "with higher category - higher (or postgraduate) education (social, pedagogical, medical) and work "
...            "experience as a specialist of the highest qualification level of the first category for at least "
...            "three years;"], "en")
>>> (r[0].skill_level, r[0].category, r[0].education_levels, r[0].education_fields, r[0].min_experience_years,
...  r[0].prior_category) == ('high', 'highest', ('higher',), ('social', 'pedagogical', 'medical'), 3, 'first')
True
>>> r[0].education_levels  # the model's codes (model/requirements.py)
(<EducationLevel.HIGHER: 'higher'>,)
"""

from __future__ import annotations

import re

from zangraph.model.requirements import Category, EducationField, EducationLevel, Rung, SkillLevel

_I = re.IGNORECASE

SKILL = {
    "en": [("high", re.compile(r"^(high-skilled professional|(the )?(specialist|expert) of the highest "
                               r"(qualification )?level( of qualification)?|specialist of the highest category)\s*:",
                               _I)),
           ("average", re.compile(r"^(average-skilled specialist|(an )?average level expert|specialist of (an )?"
                                  r"(average|a mid-level of) qualification( level)?|specialist of average "
                                  r"qualification level)\s*:", _I))],
    "ru": [("high", re.compile(r"^специалист высшего уровня квалификации\s*:", _I)),
           ("average", re.compile(r"^специалист среднего уровня квалификации\s*:", _I))],
    "kk": [("high", re.compile(r"^біліктілігі жоғары деңгейдегі маман\s*:", _I)),
           ("average", re.compile(r"^біліктілігі орташа деңгейдегі маман\s*:", _I))],
}
_SKILL = {lang: [(SkillLevel(s), p) for s, p in pairs] for lang, pairs in SKILL.items()}

# A rung starts with its category, then a dash or a colon.
RUNG = {
    "en": [("highest", r"(with |of )?(the )?(higher|highest) category"), ("first", r"(of )?(the )?first category"),
           ("second", r"(of )?(the )?second category"), ("none", r"without (a )?category")],
    "ru": [("highest", r"высшей категории"), ("first", r"первой категории"), ("second", r"второй категории"),
           ("none", r"без категории"), ("mentor", r"наставник"), ("case_manager", r"кейс-менеджер"),
           ("career_consultant", r"карьерный консультант")],
    "kk": [("highest", r"жоғары санат(тағы)?"), ("first", r"бірінші санат(тағы)?"),
           ("second", r"екінші санат(тағы)?"), ("none", r"санаты жоқ"), ("mentor", r"тәлімгер"),
           ("case_manager", r"кейс-менеджер"), ("career_consultant", r"мансап консультанты")],
}
_RUNG = {lang: [(Category(c), re.compile(rf"^{p}\s*[-–:]\s*", _I)) for c, p in pairs] for lang, pairs in RUNG.items()}
# A rung whose category is not followed by its colon or dash ("екінші санат техникалық және кәсіптік ... білім"):
# the category word, then the education it requires.
_RUNG_BARE = {lang: [(Category(c), re.compile(rf"^{p}\s+", _I)) for c, p in pairs] for lang, pairs in RUNG.items()}

# Categories mentioned inside a rung: the role the experience must be in.
PRIOR = {
    "en": [("highest", r"\b(higher|highest) category"), ("first", r"\bfirst category"),
           ("second", r"\bsecond category"), ("none", r"\bwithout (a )?category")],
    "ru": [("highest", r"\bвысшей категории"), ("first", r"\bпервой категории"), ("second", r"\bвторой категории"),
           ("none", r"\bбез категории"), ("mentor", r"\"наставник\""), ("case_manager", r"\"кейс-менеджер\""),
           ("career_consultant", r"\"карьерный консультант\"")],
    "kk": [("highest", r"жоғары санаттағы"), ("first", r"бірінші санаттағы"), ("second", r"екінші санаттағы"),
           ("none", r"санаты жоқ"), ("mentor", r"[«\"]тәлімгер[»\"]"), ("case_manager", r"[«\"]кейс-менеджер[»\"]"),
           ("career_consultant", r"[«\"]мансап консультанты?[»\"]")],
}
_PRIOR = {lang: [(Category(c), re.compile(p, _I)) for c, p in pairs] for lang, pairs in PRIOR.items()}

EDUCATION = {
    "en": [("post_secondary", r"post-secondary"), ("higher", r"\bhigher \((or )?postgraduate\)|\bhigher education"),
           ("technical_vocational", r"technical and (vocational|professional)")],
    "ru": [("post_secondary", r"послесреднее"), ("higher", r"\bвысшее \(или послевузовское\)|\bвысшее образование"),
           ("technical_vocational", r"техническое и профессиональное")],
    "kk": [("post_secondary", r"орта білімнен кейінгі"), ("higher", r"\bжоғары \(немесе жоғары оқу орнынан кейінгі\)"),
           ("technical_vocational", r"техникалық және кәсіптік")],
}
_EDUCATION = {lang: [(EducationLevel(c), re.compile(p, _I)) for c, p in pairs] for lang, pairs in EDUCATION.items()}

FIELDS = {
    "en": {"social": "social", "psychological": "psychological", "pedagogical": "pedagogical",
           "medical": "medical", "economic": "economic", "legal": "legal"},
    "ru": {"социальн": "social", "психологическ": "psychological", "педагогическ": "pedagogical",
           "медицинск": "medical", "экономическ": "economic", "юридическ": "legal"},
    "kk": {"әлеуметтік": "social", "психологиялық": "psychological", "педагогикалық": "pedagogical",
           "медициналық": "medical", "экономикалық": "economic", "заң": "legal"},
}
_FIELDS = {lang: {stem: EducationField(f) for stem, f in stems.items()} for lang, stems in FIELDS.items()}
# The stem a word starts with, the first in FIELDS' order (one match a word, however many fields there are).
_FIELD_STEM = {lang: re.compile("|".join(map(re.escape, stems))) for lang, stems in FIELDS.items()}

_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "одного": 1, "двух": 2, "трех": 3, "трёх": 3,
            "пяти": 5, "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5}
YEARS = {
    "en": re.compile(r"(?:at least|not less than)\s*(\d+|one|two|three|four|five)\s+years?"
                     r"|(\d+|one|two|three|four|five)\s+years? of (?:work )?experience", _I),
    "ru": re.compile(r"не менее\s+(\d+|одного|двух|трех|трёх|пяти)\s+(?:год|лет)", _I),
    "kk": re.compile(r"кемінде\s+(\d+|бір|екі|үш|төрт|бес)\s+жыл", _I),
}
NO_EXPERIENCE = {
    "en": re.compile(r"without (presenting )?requirements? (for|to) (the )?work experience", _I),
    "ru": re.compile(r"без (предъявления )?требований к стажу", _I),
    "kk": re.compile(r"өтіліне талап(?:тар)? қойылмайды", _I),
}
EXPERIENCE = {"en": re.compile(r"\bexperience\b", _I), "ru": re.compile(r"\bстаж", _I),
              "kk": re.compile(r"өтіл", _I)}
PRIOR_ROLE = {
    "en": re.compile(r"experience\b[^;]*?\b(?:as|in (?:the )?(?:capacity|position) of)\s+(.+?)"
                     r"(?=,? (?:for )?(?:at least|not less)|;|\.$|$)", _I),
    "ru": re.compile(r"(?:в должности|в качестве)\s+(.+?)(?= не менее|[;.]|$)", _I),
    # "білім және", "білімі (әлеуметтік, педагогикалық) және": the role follows the education
    "kk": re.compile(r"білімі?(?:\s*\([^()]*\))?(?:\s+және|,)\s+(?:жұмыс өтілі\s+)?(.+?)\s+(?:ретінде|лауазымында)",
                     _I),
}
ALTERNATIVE = {
    "en": re.compile(r"\bor (basic secondary education and (?:a )?certificate[^;.]*)", _I),
    "ru": re.compile(r"\bили (основное среднее образование и [^;.]*сертификат[^;.]*)", _I),
    "kk": re.compile(r"\bнемесе (негізгі орта білім және [^;.]*сертификат[^;.]*)", _I),
}


def _years(text: str, language: str) -> int | None:
    if NO_EXPERIENCE[language].search(text) or not EXPERIENCE[language].search(text):
        return 0
    m = YEARS[language].search(text)
    if not m:
        return None
    word = (m.group(1) or m.group(2)).lower()
    return int(word) if word.isdigit() else _NUMBERS[word]


def _fields(text: str, language: str) -> tuple[EducationField, ...]:
    """The fields of education a text names: a bracket whose every word is a field.

    >>> _fields("высшее (или послевузовское) образование (социальное, педагогическое, юридическое)", "ru")
    (<EducationField.SOCIAL: 'social'>, <EducationField.PEDAGOGICAL: 'pedagogical'>, <EducationField.LEGAL: 'legal'>)
    """
    stems, stem = _FIELDS[language], _FIELD_STEM[language]
    found = []
    for group in re.findall(r"\(([^()]*)\)", text):
        words = [w.strip(" ,").lower() for w in group.split(",")]
        names = [stems[m.group()] if (m := stem.match(w)) else None for w in words]
        if names and all(names):
            found.extend(n for n in names if n not in found)
    return tuple(found)


def read_rung(index: int, text: str, skill: SkillLevel | None, category: Category | None, label: str | None,
              language: str, paragraph: int = 0) -> Rung:
    body = text
    levels = tuple(c for c, p in _EDUCATION[language] if p.search(body))
    role = PRIOR_ROLE[language].search(body)
    prior = None
    if role:
        mentions = [(m.start(), c) for c, p in _PRIOR[language] for m in p.finditer(role.group(1))]
        if not mentions:
            # A category named in quotes after the role ("... лауазымындағы жұмыс өтілі «мансап консультант»
            # санаты кемінде 3 жыл"): quotes mark a category name, never the rung's own label.
            mentions = [(m.start(), c) for c, p in _PRIOR[language] if '"' in p.pattern
                        for m in p.finditer(body, role.end())]
        prior = min(mentions)[1] if mentions else None
    alternatives = tuple(m.group(1).strip() for m in ALTERNATIVE[language].finditer(body))
    return Rung(index, text, skill, category, label, levels, _fields(body, language), _years(body, language),
                role.group(1).strip() if role else None, prior, alternatives, paragraph)


def rungs(lines: list[str], language: str, sentence: bool = True) -> tuple[Rung, ...]:
    """The rungs of a requirements point given as its paragraphs (its own text first), in the model's codes.
    Without ``sentence``, only a ladder's rungs (paragraphs opening with their category) are read, never a
    one-sentence requirement: for a part not known to state requirements, whose words may merely mention
    an education."""
    out: list[Rung] = []
    skill: SkillLevel | None = None
    for number, line in enumerate(lines):
        text = line.strip()
        level = next((s for s, p in _SKILL[language] if p.match(text)), None)
        if level:
            skill = level
            continue
        for category, pattern in _RUNG[language]:
            if m := pattern.match(text):
                out.append(read_rung(len(out) + 1, text, skill, category, m.group(0).strip(" -–:"), language,
                                     number))
                break
        else:
            for category, pattern in _RUNG_BARE[language]:
                if (m := pattern.match(text)) and any(e.match(text[m.end():]) for _, e in _EDUCATION[language]):
                    out.append(read_rung(len(out) + 1, text, skill, category, m.group(0).strip(), language, number))
                    break
    if not out and sentence:
        # One sentence: "Requirements for qualifications: higher ... education and ... experience ...".
        whole = " ".join(lines)
        if any(p.search(whole) for _, p in _EDUCATION[language]):
            out.append(read_rung(1, whole, None, None, None, language))
    return tuple(out)
