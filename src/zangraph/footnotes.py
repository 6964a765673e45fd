"""Footnotes and editorial notes: what each says, as data.

A note names its target in words ("Paragraph 54", "Заголовок параграфа 7", "1-тармаққа"), the acting act,
the kind of change and, in brackets, the acting act's entry-into-force rule. This module reads those; the
segmenter then resolves the target to an eId using the structure around the note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .dates import find_dates
from .model import ActRef, ChangeKind, Rule, TargetKind
from .rules import parse_rule

_NUMBER = re.compile(r"(?:№|No\.?|Ne)\s*(\d+(?:-[\w-]+)?)")
_NUM = r"(\d+(?:-\d+)?)"

_ORDINALS_RU = {"первый": 1, "второй": 2, "третий": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7,
                "восемь": 8, "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12,
                "тринадцать": 13, "четырнадцать": 14, "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17,
                "восемнадцать": 18, "девятнадцать": 19, "двадцать": 20}


def ru_number(words: str) -> int:
    """A Russian cardinal or ordinal in words, as abzats are counted.

    >>> ru_number("семнадцать"), ru_number("двадцать четыре")
    (17, 24)
    """
    total = 0
    for word in words.lower().split():
        if word not in _ORDINALS_RU:
            raise ValueError(f"not a number word: {word!r}")
        total += _ORDINALS_RU[word]
    return total


@dataclass(frozen=True)
class Subject:
    """The target as the note words it, before it is resolved against the structure."""

    kind: TargetKind
    chapter: str | None = None
    section: str | None = None
    point: str | None = None
    indent: int | None = None
    ambiguous: bool = False  # English "Paragraph N": a section or a point


@dataclass(frozen=True)
class Reading:
    change: ChangeKind
    subject: Subject
    acting_act: ActRef | None
    rule: Rule | None
    supplement: str | None = None


# (language, pattern, change, subject builder); the first that matches wins.
_PATTERNS: list[tuple[str, re.Pattern[str], ChangeKind, object]] = [
    ("en", re.compile(r"^Footnote\. Abolished\b", re.I), ChangeKind.ABOLISHED, lambda m: Subject(TargetKind.ACT)),
    ("en", re.compile(r"^Footnote\. (?:The )?Preamble\b", re.I), ChangeKind.NEW_WORDING,
     lambda m: Subject(TargetKind.PREAMBLE)),
    ("en", re.compile(rf"^Footnote\. Chapter {_NUM} is supplemented by paragraph {_NUM}", re.I),
     ChangeKind.SUPPLEMENTED, lambda m: Subject(TargetKind.SECTION, chapter=m[1], section=m[2])),
    ("en", re.compile(rf"^Footnote\. Paragraph {_NUM}\b.*\bas (?:revised|amended)\b", re.I), ChangeKind.NEW_WORDING,
     lambda m: Subject(TargetKind.POINT, point=m[1], section=m[1], ambiguous=True)),
    ("en", re.compile(r"^Footnote\. (?:Annex|Appendix|Standard qualification characteristics) (?:- )?"
                      r"as (?:revised|amended)\b", re.I),
     ChangeKind.NEW_WORDING, lambda m: Subject(TargetKind.ANNEX)),
    ("ru", re.compile(r"^Сноска\. Преамбула\b"), ChangeKind.NEW_WORDING, lambda m: Subject(TargetKind.PREAMBLE)),
    ("ru", re.compile(rf"^Сноска\. Глава {_NUM} дополнена параграфом {_NUM}"), ChangeKind.SUPPLEMENTED,
     lambda m: Subject(TargetKind.SECTION, chapter=m[1], section=m[2])),
    ("ru", re.compile(rf"^Сноска\. Заголовок параграфа {_NUM}\b"), ChangeKind.HEADING_REVISED,
     lambda m: Subject(TargetKind.SECTION_HEADING, section=m[1])),
    ("ru", re.compile(rf"^Сноска\. Пункт {_NUM} с изменени"), ChangeKind.CHANGED,
     lambda m: Subject(TargetKind.POINT, point=m[1])),
    ("ru", re.compile(rf"^Сноска\. Пункт {_NUM}\b.*в редакции"), ChangeKind.NEW_WORDING,
     lambda m: Subject(TargetKind.POINT, point=m[1])),
    ("ru", re.compile(r"^Сноска\. Утратил силу\b"), ChangeKind.ABOLISHED, lambda m: Subject(TargetKind.ACT)),
    ("ru", re.compile(r"^Сноска\. (?:Приложение|Типовые квалификационные характеристики) - в редакции"),
     ChangeKind.NEW_WORDING, lambda m: Subject(TargetKind.ANNEX)),
    ("ru", re.compile(rf"^Примечание (?:ИЗПИ|РЦПИ)! Абзац (\w+(?: \w+)?) пункта {_NUM} предусматривается"),
     ChangeKind.PROSPECTIVE, lambda m: Subject(TargetKind.INDENT, point=m[2], indent=ru_number(m[1]))),
    ("ru", re.compile(rf"^Примечание (?:ИЗПИ|РЦПИ)! Пункт {_NUM} предусматривается"), ChangeKind.PROSPECTIVE,
     lambda m: Subject(TargetKind.POINT, point=m[1])),
    ("ru", re.compile(r"^Примечание (?:ИЗПИ|РЦПИ)! Порядок введения в действие см\. п\.\s*(\d+)"),
     ChangeKind.REFERENCE, lambda m: Subject(TargetKind.ITEM, point=m[1])),
    ("kk", re.compile(r"^Ескерту\. Күші жойылды\b"), ChangeKind.ABOLISHED, lambda m: Subject(TargetKind.ACT)),
    ("kk", re.compile(r"^Ескерту\. Кіріспе жаңа редакцияда\b"), ChangeKind.NEW_WORDING,
     lambda m: Subject(TargetKind.PREAMBLE)),
    ("kk", re.compile(rf"^Ескерту\. {_NUM}-тармаққа өзгеріс енгізілді"), ChangeKind.CHANGED,
     lambda m: Subject(TargetKind.POINT, point=m[1])),
    ("kk", re.compile(rf"^Ескерту\. {_NUM}-тармақ жаңа редакцияда"), ChangeKind.NEW_WORDING,
     lambda m: Subject(TargetKind.POINT, point=m[1])),
    # The link words of this note were displaced when the HTML was flattened: "... тәртібін . қараңыз.4 т"
    # stands for "see item 4" (4-тармақтан қараңыз).
    ("kk", re.compile(r"^РҚАО-ның ескертпесі! Осы бұйрықтың қолданысқа енгізілу тәртібін\b.*?(\d+)\s*т\.?$"),
     ChangeKind.REFERENCE, lambda m: Subject(TargetKind.ITEM, point=m[1])),
]

_ISSUER = {
    "en": re.compile(r"\b(?:by|of|with) (?:the )?(?:Order|order)(?: № \d+)? of (?:the )?(.+?)(?= dated| of \d|"
                     r" № | No\b|,)"),
    "ru": re.compile(r"\bприказ(?:а|ом) (.+?) от \d"),
    "kk": re.compile(r"–\s*(.+?министрінің)"),
}


def read_note(text: str, language: str) -> Reading | None:
    """What a note says, or None if its wording is not one this module knows."""
    for lang, pattern, change, subject in _PATTERNS:
        if lang != language:
            continue
        match = pattern.search(text)
        if match:
            rule_text = _bracketed_rule(text, language)
            rule = parse_rule(rule_text, language) if rule_text else None
            outside = text.replace(rule_text, " ") if rule_text else text
            supplement = match[2] if change is ChangeKind.SUPPLEMENTED else None
            acting = None if change is ChangeKind.REFERENCE else acting_act(outside, language)
            return Reading(change, subject(match), acting, rule, supplement)  # type: ignore[operator]
    return None


def _bracketed_rule(text: str, language: str) -> str | None:
    """The bracketed part that states the acting act's entry into force."""
    for match in re.finditer(r"\(([^()]*)\)", text):
        if parse_rule(match.group(1), language):
            return match.group(0)
    return None


def acting_act(text: str, language: str) -> ActRef | None:
    number = _NUMBER.search(text)
    dates = find_dates(text, language)
    if not number or not dates:
        return None
    issuer = _ISSUER[language].search(text)
    return ActRef(type="order", number=number.group(1), date=dates[0][0],
                  issuer=issuer.group(1).strip() if issuer else None)
