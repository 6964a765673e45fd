"""A paragraph that continues the sentence of the paragraph before it: a list item the publisher broke over two
paragraphs ("…нуждающихся лиц и их" / "семьям, защищает их права…"). The structure keeps both paragraphs as
published; a list read from it joins them into one item where the break is certain, and reports every such
place as a finding, since only a reader can be sure.

A break is certain when the first paragraph ends on a word no clause ends on (a conjunction, a preposition, a
possessive). It is doubtful when the first only lacks its closing punctuation and the second starts in lower
case: items of a Russian or Kazakh list start in lower case, and a missing semicolon is a common slip
("…нуждающимся в специальных социальных услугах" / "способствует созданию…" are two duties), so those are
not joined, only reported."""

from __future__ import annotations

from typing import Literal

# What ends an item of a list, or a sentence: the list's own separators and the sentence's.
_CLOSES = frozenset(";.:!?…")
# Words no clause of these texts ends on, in Russian, Kazakh and English.
_DANGLING = frozenset([
    "и", "или", "а", "но", "в", "во", "на", "по", "с", "со", "к", "ко", "о", "об", "от", "до", "для", "из",
    "за", "при", "под", "над", "через", "между", "их", "его", "ее", "её", "не", "что", "как", "также", "және",
    "мен", "пен", "бен", "немесе", "үшін", "туралы", "бойынша", "арқылы", "сондай-ақ", "and", "or", "of",
    "the", "to", "in", "for", "by", "with", "a", "an", "on", "at", "from", "as", "its", "their", "that",
    "which",
])


def continues(previous: str, text: str) -> Literal["certain", "doubtful"] | None:
    """Whether ``text`` continues the sentence ``previous`` leaves open: ``certain`` (``previous`` ends on a
    word no clause ends on), ``doubtful`` (it only lacks its closing punctuation, and ``text`` starts in lower
    case), or None.

    >>> continues("способствует созданию условий для социализации нуждающихся лиц и их",
    ...           "семьям, защищает их права и интересы;")
    'certain'
    >>> continues("содействует решению вопросов, нуждающимся в специальных социальных услугах",
    ...           "способствует созданию необходимых условий;")
    'doubtful'
    >>> continues("оказывает консультативные услуги по вопросам:", "социальной и медико-педагогической поддержке;"), \\
    ...     continues("Закон о языках;", "Закон о правах ребенка;")
    (None, None)
    """
    before, after = previous.rstrip(), text.lstrip()
    if not before or not after or before[-1] in _CLOSES or not after[0].isalpha():
        return None
    if before.split()[-1].casefold() in _DANGLING:
        return "certain"
    return "doubtful" if after[0].islower() else None
