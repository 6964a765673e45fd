"""What acts look like in English, Russian and Kazakh: one :class:`Lexicon` of words and patterns per language.

The readers, the segmenter, the note reader and the rule reader only ever ask a lexicon; no wording of a
language lives elsewhere, and none of an act: adding an act never touches this package, adding a wording
the texts use does. Patterns match the cleaned text of a block (markup and layout whitespace removed).
"""

from __future__ import annotations

from zangraph.parse.lexicon import en, kk, ru
from zangraph.parse.lexicon.common import (
    DASH_ITEM,
    NUM,
    NUMBERED_HEADING,
    POINT,
    SUBPOINT,
    Lexicon,
    NoteWords,
    RuleWords,
    fold,
    rx,
)

_LEXICONS = {"en": en.LEXICON, "ru": ru.LEXICON, "kk": kk.LEXICON}


def lexicon(language: str) -> Lexicon:
    return _LEXICONS[language]


__all__ = [
    "DASH_ITEM",
    "NUM",
    "NUMBERED_HEADING",
    "POINT",
    "SUBPOINT",
    "Lexicon",
    "NoteWords",
    "RuleWords",
    "fold",
    "lexicon",
    "rx",
]
