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

from .actrefs import NUMBER, act_type, number
from .dates import find_dates
from .lexicon import fold, lexicon
from .model import Header, Span

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
