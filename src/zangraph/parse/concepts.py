"""A small bilingual glossary: the words whose meaning the findings compare across languages.

Comparing two translations word for word is not possible here; comparing which of these concepts each
names, and in which order, is, and it is what catches a category or an institution that differs.
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

CATEGORIES: dict[str, dict[str, re.Pattern[str]]] = {
    "highest": {"en": re.compile(r"\b(higher|highest) category\b", _I),
                "ru": re.compile(r"\bвысш(ей|ая) категори", _I),
                "kk": re.compile(r"\bжоғары санат", _I)},
    "first": {"en": re.compile(r"\bfirst category\b", _I),
              "ru": re.compile(r"\bперв(ой|ая) категори", _I),
              "kk": re.compile(r"\bбірінші санат", _I)},
    "second": {"en": re.compile(r"\bsecond category\b", _I),
               "ru": re.compile(r"\bвтор(ой|ая) категори", _I),
               "kk": re.compile(r"\bекінші санат", _I)},
    "none": {"en": re.compile(r"\bwithout (a )?category\b", _I),
             "ru": re.compile(r"\bбез категории\b", _I),
             "kk": re.compile(r"\bсанаты жоқ\b", _I)},
}

INSTITUTIONS: dict[str, dict[str, re.Pattern[str]]] = {
    "employment_center": {"en": re.compile(r"\bemployment cent(er|re)\b", _I),
                          "ru": re.compile(r"\bцентр\w* занятости\b", _I),
                          "kk": re.compile(r"\bжұмыспен қамту орталығ", _I)},
    "career_center": {"en": re.compile(r"\bcareer cent(er|re)\b", _I),
                      "ru": re.compile(r"\bкарьерн\w* центр", _I),
                      "kk": re.compile(r"\bмансап орталығ", _I)},
    "labour_mobility_center": {"en": re.compile(r"\blabou?r mobility cent(er|re)\b", _I),
                               "ru": re.compile(r"\bцентр\w* трудовой мобильности\b", _I),
                               "kk": re.compile(r"\bеңбек мобильд(?:і|ілі)гі орталығ", _I)},
}

# What an item of an order does to another act: the operative verb.
ACTIONS: dict[str, dict[str, re.Pattern[str]]] = {
    "approve": {"en": re.compile(r"\bapprove", _I), "ru": re.compile(r"\bутверди", _I),
                "kk": re.compile(r"\bбекіт", _I)},
    "invalidate": {"en": re.compile(r"\b(invalid|lost (its |their )?force|repeal)", _I),
                   "ru": re.compile(r"\bутратившим\w* силу", _I),
                   "kk": re.compile(r"\bкүші жойылды", _I)},
}


def mentions(text: str, language: str, glossary: dict[str, dict[str, re.Pattern[str]]]) -> list[str]:
    """The glossary's concepts named in ``text``, in order of appearance.

    >>> mentions("with higher category - ... of the first category for at least three years", "en", CATEGORIES)
    ['highest', 'first']
    >>> mentions("жоғары санаттағы – ... бірінші санаттағы", "kk", CATEGORIES)
    ['highest', 'first']
    """
    found = [(m.start(), concept) for concept, patterns in glossary.items() if language in patterns
             for m in patterns[language].finditer(text)]
    return [concept for _, concept in sorted(found)]
