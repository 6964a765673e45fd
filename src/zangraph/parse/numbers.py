"""Numbers written in words, in English, Russian and Kazakh: cardinals and ordinals in any case, as entry-into-
force rules ("ten calendar days", "десяти календарных дней", "күнтізбелік он күн") and notes ("абзац
семнадцать", "екінші абзацы") write them.

>>> words_value("двадцати одного", "ru"), words_value("шестидесяти", "ru"), words_value("семнадцать", "ru")
(21, 60, 17)
>>> words_value("жиырма бір", "kk"), words_value("екінші", "kk"), words_value("оныншы", "kk")
(21, 2, 10)
>>> words_value("twenty-one", "en"), words_value("forty five", "en"), words_value("third", "en")
(21, 45, 3)
>>> words_value("ten days", "en") is None
True
"""

from __future__ import annotations

import re

# Each value with the stems of its words; a word is that stem plus any of the language's endings.
_RU_STEMS = {
    1: ("один", "одного", "одному", "одна", "одной", "одно", "перв"), 2: ("два", "две", "двух", "втор"),
    3: ("три", "трех", "трёх", "трет"), 4: ("четыре", "четырех", "четырёх", "четверт", "четвёрт"),
    5: ("пят",), 6: ("шест",), 7: ("сем", "седьм"), 8: ("восем", "восьм"), 9: ("девят",), 10: ("десят",),
    11: ("одиннадцат",), 12: ("двенадцат",), 13: ("тринадцат",), 14: ("четырнадцат",), 15: ("пятнадцат",),
    16: ("шестнадцат",), 17: ("семнадцат",), 18: ("восемнадцат",), 19: ("девятнадцат",), 20: ("двадцат",),
    30: ("тридцат",), 40: ("сорок",), 50: ("пятьдесят", "пятидесят"), 60: ("шестьдесят", "шестидесят"),
    70: ("семьдесят", "семидесят"), 80: ("восемьдесят", "восьмидесят"), 90: ("девяност",), 100: ("сто", "ста", "сот"),
}
_RU_ENDINGS = ("", "ь", "и", "ый", "ого", "ому", "ом", "ая", "ой", "ую", "ое", "ий", "ьего", "ья", "ье", "а", "ем")

_KK_WORDS = {
    "бір": 1, "екі": 2, "үш": 3, "төрт": 4, "бес": 5, "алты": 6, "жеті": 7, "сегіз": 8, "тоғыз": 9, "он": 10,
    "жиырма": 20, "отыз": 30, "қырық": 40, "елу": 50, "алпыс": 60, "жетпіс": 70, "сексен": 80, "тоқсан": 90,
    "жүз": 100,
}
# Kazakh ordinals add -ншы/-нші (after a vowel) or -ыншы/-інші; "жиырмасыншы" keeps a linking -сы.
_KK_ORDINAL = re.compile(r"^(.+?)(?:с?ы?ншы|і?нші)$")

_EN_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100,
    "first": 1, "second": 2, "third": 3, "fifth": 5, "eighth": 8, "ninth": 9, "twelfth": 12,
}


def _ru_word(word: str) -> int | None:
    best: tuple[int, int] | None = None  # (stem length, value): the longest stem wins (одиннадцат over один)
    for value, stems in _RU_STEMS.items():
        for stem in stems:
            if word.startswith(stem) and word[len(stem):] in _RU_ENDINGS and (best is None or len(stem) > best[0]):
                best = (len(stem), value)
    return best[1] if best else None


def _kk_word(word: str) -> int | None:
    if word in _KK_WORDS:
        return _KK_WORDS[word]
    m = _KK_ORDINAL.match(word)
    if m:
        stem = m.group(1)
        for candidate in (stem, stem + "ы", stem + "і", stem.rstrip("ы"), stem.rstrip("і")):
            if candidate in _KK_WORDS:
                return _KK_WORDS[candidate]
    return None


def _en_word(word: str) -> int | None:
    if word in _EN_WORDS:
        return _EN_WORDS[word]
    for suffix, base in (("ieth", "y"), ("th", "")):
        if word.endswith(suffix) and (word[: -len(suffix)] + base) in _EN_WORDS:
            return _EN_WORDS[word[: -len(suffix)] + base]
    return None


_WORD = {"ru": _ru_word, "kk": _kk_word, "en": _en_word}


def words_value(words: str, language: str) -> int | None:
    """The number a run of number words gives (their sum: "twenty one" is 21), or None if any word is not a
    number word."""
    tokens = [t for t in re.split(r"[\s-]+", words.strip().lower()) if t and t != "and"]
    if not tokens:
        return None
    total = 0
    for token in tokens:
        value = _WORD[language](token)
        if value is None:
            return None
        total = total * value if value == 100 and total else total + value
    return total


def number_value(text: str, language: str) -> int | None:
    """A number written in digits ("10", "10 (ten)") or in words."""
    text = text.strip()
    m = re.match(r"^(\d+)", text)
    if m:
        return int(m.group(1))
    return words_value(text, language)
