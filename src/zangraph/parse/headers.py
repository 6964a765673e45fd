"""The act's header: type, issuer, date, number, registration number and date.

The same reading serves a header printed in the text and the requisites of the act's metadata.

>>> h = parse_header("Order of the Minister of Labor of the Republic of Kazakhstan dated August 14, 2001 Ne 17. "
...                  "Registered in the Ministry of Justice of the Republic of Kazakhstan on "
...                  "September 18, 2001 No 1383.", "en", None)
>>> h.act_type, h.issuer, h.number, h.date.isoformat(), h.registration_number, h.registration_date.isoformat()
('order', 'Minister of Labor of the Republic of Kazakhstan', '17', '2001-08-14', '1383', '2001-09-18')
>>> h = parse_header("Совместный приказ Министра финансов РК от 3 мая 2001 года № 12/1. Зарегистрирован в "
...                  "Министерстве юстиции Республики Казахстан 5 мая 2001 года № 77.", "ru", None)
>>> h.act_type, h.issuer, h.number, h.registration_number
('joint-order', 'Министра финансов РК', '12/1', '77')
>>> parse_header("no header here", "ru", None) is None
True
"""

from __future__ import annotations

import re

from zangraph.model.document import Header, Span
from zangraph.parse.actrefs import NUMBER, act_type, number
from zangraph.parse.dates import find_dates
from zangraph.parse.lexicon import fold, lexicon

_ISSUER = {
    "en": re.compile(r"^(?:Joint\s+)?(?:Order|Resolution|Decree|Decision)\s+(?:of\s+)?(?:the\s+)?(.+?)\s+"
                     r"(?:dated|of)\s+(?=[A-Z][a-z]+ \d|\d)"),
    "ru": re.compile(r"^(?:Совместный\s+)?(?:Приказ|Постановление|Указ|Решение|Закон|Кодекс)\s+(.+?)\s+от\s+\d",
                     re.IGNORECASE),
    "kk": re.compile(r"^(.+?)\s+\d{4}\s+жылғы"),
}
# The sentence that starts the registration part of the header.
_REGISTERED = {"en": re.compile(r"\bRegistered\b"), "ru": re.compile(r"\bЗарегистрирован\w*"),
               "kk": re.compile(r"\bӘділет")}


def parse_header(text: str, language: str, span: Span | None, origin: str = "text") -> Header | None:
    """The header an act's requisites give, or None if they do not name its issuer, date and number."""
    folded = fold(text)
    cut = _REGISTERED[language].search(folded)
    act_part, reg_part = (folded[:cut.start()], folded[cut.start():]) if cut and cut.start() > 0 else (folded, "")
    found = NUMBER.search(act_part)
    dates = find_dates(act_part, language)
    issuer = _ISSUER[language].search(act_part)
    if not (found and dates and issuer):
        return None
    reg_number = NUMBER.search(reg_part)
    reg_dates = find_dates(reg_part, language)
    return Header(act_type=act_type(act_part[: issuer.start(1)] or act_part, lexicon(language)),
                  issuer=text[issuer.start(1):issuer.end(1)].strip(), date=dates[0][0],
                  number=number(text[found.start("num"):found.end("num")]),
                  registration_number=number(reg_number.group("num")) if reg_number else None,
                  registration_date=reg_dates[0][0] if reg_dates else None, text=text, span=span,
                  language=language, origin=origin)


# An annex's caption names the act that approved it: "Утвержден приказом Министра … от 3 марта 2001 года № 17",
# "Қазақстан Республикасы … министрінің 2001 жылғы 3 наурыздағы № 17 бұйрығымен бекітілген", "Approved by the
# order of the Minister … dated March 3, 2001 No 17". The issuer is what stands between the act's type word and
# its date (in Kazakh, what stands before the date).
_CAPTION_ISSUER = {
    "ru": re.compile(r"\b(?:совместн\w+\s+)?(?:приказ|постановлени|решени|указ)\w*\s+(.+?)\s+от\s+(?=\d)",
                     re.IGNORECASE),
    "kk": re.compile(r"^(?:.*?\bқосымша\s+)?(.+?)\s+\d{4}\s+жылғы", re.IGNORECASE),
    "en": re.compile(r"\b(?:joint\s+)?(?:order|resolution|decree|decision)\s+(?:of\s+)?(?:the\s+)?(.+?)\s+"
                     r"(?:dated|of)\s+(?=[A-Z][a-z]+ \d|\d)", re.IGNORECASE),
}


def caption_header(text: str, language: str, span: Span | None) -> Header | None:
    """The act an annex caption says approved the annex: the act itself, for a text that prints no header and
    has no metadata. No registration is named there.

    >>> h = caption_header("Утвержден приказом Министра труда и социальной защиты населения Республики Казахстан "
    ...                    "от 3 марта 2001 года № 17", "ru", None)
    >>> h.act_type, h.issuer, h.date.isoformat(), h.number, h.origin
    ('order', 'Министра труда и социальной защиты населения Республики Казахстан', '2001-03-03', '17', 'annex caption')
    >>> caption_header("Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің 2001 жылғы "
    ...                "3 наурыздағы № 17 бұйрығымен бекітілген", "kk", None).issuer
    'Қазақстан Республикасы Еңбек және халықты әлеуметтік қорғау министрінің'
    """
    folded = fold(text)
    found = NUMBER.search(folded)
    dates = find_dates(folded, language)
    issuer = _CAPTION_ISSUER[language].search(folded)
    if not (found and dates and issuer):
        return None
    return Header(act_type=act_type(folded, lexicon(language)), issuer=text[issuer.start(1):issuer.end(1)].strip(),
                  date=dates[0][0], number=number(text[found.start("num"):found.end("num")]),
                  registration_number=None, registration_date=None, text=text, span=span, language=language,
                  origin="annex caption")

