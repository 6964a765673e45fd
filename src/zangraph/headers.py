"""The act's header: type, issuer, date, number, registration number and date.

>>> h = parse_header("Order of the Minister of Labor of the Republic of Kazakhstan dated August 14, 2018 Ne 350. "
...                  "Registered in the Ministry of Justice of the Republic of Kazakhstan on "
...                  "September 18, 2018 No 17383.", "en", None, "f", 1)
>>> h.issuer, h.number, h.date.isoformat(), h.registration_number, h.registration_date.isoformat()
('Minister of Labor of the Republic of Kazakhstan', '350', '2018-08-14', '17383', '2018-09-18')
"""

from __future__ import annotations

import re

from .dates import find_dates
from .errors import SourceError
from .model import Header, Span

_NUMBER = re.compile(r"(?:№|No\.?|Ne)\s*(\d+)")
_ISSUER = {
    "en": re.compile(r"^Order (?:of )?(?:the )?(.+?) (?:dated|of) (?=[A-Z][a-z]+ \d)"),
    "ru": re.compile(r"^Приказ (.+?) от \d"),
    "kk": re.compile(r"^(.+?) \d{4} жылғы"),
}
# The sentence that starts the registration part of the header.
_REGISTERED = {"en": "Registered", "ru": "Зарегистрирован", "kk": "Әділет"}


def parse_header(text: str, language: str, span: Span | None, file: str, line: int) -> Header:
    cut = text.find(_REGISTERED[language])
    act_part, reg_part = (text[:cut], text[cut:]) if cut > 0 else (text, "")
    number = _NUMBER.search(act_part)
    dates = find_dates(act_part, language)
    issuer = _ISSUER[language].search(act_part)
    if not (number and dates and issuer):
        raise SourceError(file, "the header does not name the act's issuer, date and number", line=line,
                          expected="e.g. 'Order of the Minister ... dated August 14, 2018 No 350'")
    reg_number = _NUMBER.search(reg_part)
    reg_dates = find_dates(reg_part, language)
    return Header(act_type="order", issuer=issuer.group(1).strip(), date=dates[0][0], number=number.group(1),
                  registration_number=reg_number.group(1) if reg_number else None,
                  registration_date=reg_dates[0][0] if reg_dates else None, text=text, span=span)  # type: ignore[arg-type]
