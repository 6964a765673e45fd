"""What the languages' lexicons share: the shape of a :class:`Lexicon`, the patterns every language uses
(numbered points and sub-points, numbered headings, dash items) and ``fold``, which makes Latin look-alikes
inside Cyrillic words Cyrillic.

A module of its own so that each language's module (en, ru, kk) builds its lexicon from it without importing
the package that gathers the languages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from zangraph.model.document import ChangeKind, DocumentKind, Role

Pattern = re.Pattern[str]
NUM = r"(\d+(?:-\d+)*)"

# A numbered point ("12-1.", "3\." once its escape is removed) and a sub-point ("2)"); shared by every language.
POINT = re.compile(rf"^{NUM}\.(?!\d)\s*(.*)$", re.DOTALL)
SUBPOINT = re.compile(rf"^{NUM}\)\s*(.*)$", re.DOTALL)
# A heading numbered like a point ("## 1. Общие положения"): a chapter, when the text marks it as a heading.
NUMBERED_HEADING = re.compile(rf"^{NUM}\.\s+(\S.*[^:;,])$", re.DOTALL)
# A list item of a dash list ("- гражданского законодательства;"): an indent of its point.
DASH_ITEM = re.compile(r"^[-–—]\s+\S")


def rx(pattern: str) -> Pattern:
    return re.compile(pattern, re.IGNORECASE)


@dataclass(frozen=True)
class NoteWords:
    """How notes are worded: designations of parts, kinds of change, acting acts."""

    # Words that name a kind of part, by unit: annex, division, chapter, section, article, point, subpoint,
    # indent, table, row, preamble, heading, title, preface, paragraph (English: a section or a point).
    units: tuple[tuple[str, Pattern], ...]
    # Kazakh puts the number before the unit ("2-тармақ") and names the outer part first.
    number_first: bool
    changes: tuple[tuple[ChangeKind, Pattern], ...]
    announce: Pattern  # an editorial note announcing a change ("предусматривается")
    act_types: tuple[tuple[str, Pattern], ...]  # the words naming the acting act's type
    # "внесено изменение на казахском языке, текст на русском языке не меняется": the languages changed
    language_only: tuple[tuple[Pattern, tuple[str, ...]], ...]
    this_act: Pattern  # "настоящего приказа": a designation of the act's own item
    reference: Pattern  # an editorial note pointing elsewhere for the entry into force; group "item"
    # A note restating the act's own entry into force: group "rule" holds the rule, "item" the item
    entry_into_force: Pattern
    # A point whose text is a statement that it was excluded or declared invalid ("Исключен приказом ...")
    inline: Pattern
    supplement_marker: Pattern | None = None  # Kazakh instrumental "…-параграфпен": the part added


@dataclass(frozen=True)
class RuleWords:
    """How an entry-into-force rule is worded."""

    after_publication: Pattern  # N calendar days after the day of first official publication; group "n"
    day_after_publication: Pattern  # after the day of first official publication
    on_publication: Pattern  # from the day of first official publication
    on_registration: Pattern  # from the day of state registration
    fixed: Pattern  # the word that marks a fixed date ("с", "бастап", "from")
    date_before_marker: bool  # Kazakh: "01.07.2023 бастап"
    not_earlier: Pattern  # "но не ранее"
    enters: Pattern  # any statement of entry into force (one the rules above do not read is conditional)
    # Parts that enter into force by another rule: group "parts" names them, group "when" says when
    exception: Pattern


@dataclass(frozen=True)
class Lexicon:
    language: str
    # -- front matter
    header: Pattern
    status: Pattern
    repeated_header: Pattern
    furniture: Pattern
    order_formula: Pattern
    legal_basis: Pattern  # the preamble's citation of the empowering provision, in group "basis"
    # -- structure
    division: Pattern
    chapter: Pattern
    section: Pattern | None
    article: Pattern
    approval: Pattern
    annex_caption: Pattern  # a paragraph that starts an annex (the forms without quotations)
    quoted_caption: Pattern  # words that make a quoted paragraph an annex's caption (the official Markdown)
    annex_number: Pattern  # the annex's number in its caption, group "num"
    annex_of_act: Pattern  # a caption naming the act itself: the annex is the act's, not an annex's annex
    form_label: Pattern  # "Форма": the label of a form, part of the caption
    entry_into_force: Pattern  # an item that states the act's own entry into force
    signature: Pattern  # a line of the signature block
    point_roles: tuple[tuple[Role, Pattern], ...]
    position_point: Pattern | None  # a point that is a position's requirements; group 1 (or 2) its title
    # Lines that always stand alone in a text with wrapped lines (a status word, a heading word).
    standalone: Pattern
    # Where a new block starts in a text with wrapped lines (besides numbered points and headings).
    starter: Pattern
    footnote: Pattern  # the marker that starts a footnote
    editorial: Pattern  # the marker that starts an editorial note
    notes: NoteWords
    rules: RuleWords
    document_kinds: tuple[tuple[DocumentKind, Pattern], ...]
    stopwords: frozenset[str] = field(default_factory=frozenset)
    card: Pattern | None = None
    # A chapter or section heading run into the end of another paragraph (the HTML texts do this).
    inline_heading: Pattern | None = None
    # The annex caption is the first block at the margin (the Kazakh agreement blocks before it are indented).
    caption_at_margin: bool = False
    card_fields: tuple[tuple[Role, Pattern], ...] = ()
    # Whether texts in this language are official texts of the act (Kazakh and Russian are); an English text
    # is a translation, and where its notes read otherwise than an official text's, the official one prevails.
    official: bool = True

    def is_note(self, text: str) -> bool:
        return bool(self.footnote.match(text) or self.editorial.match(text))


# Latin letters that look like Cyrillic ones, as publishers mix them into Cyrillic words ("бекiтiлген" with a
# Latin i, "c Законом" with a Latin c). Folding them is one character for one, so a match on the folded text
# has the same offsets in the text as published, from which every word is taken.
_LOOKALIKES = str.maketrans("aceopxyiACEHKMOPTXIB", "асеорхуіАСЕНКМОРТХІВ")
_LATIN = re.compile(r"[aceopxyiACEHKMOPTXIB]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LETTERS = re.compile(r"[^\W\d_]+")
_ONLY_LOOKALIKES = re.compile(r"^[aceopxyiACEHKMOPTXIB]+$")


def fold(text: str) -> str:
    """``text`` with the Latin look-alikes of Cyrillic letters made Cyrillic, inside Cyrillic words and in
    one-letter words between them; the length is unchanged.

    >>> fold("бекiтiлген c Законом P990878_"), fold("Card of profession")
    ('бекітілген с Законом Р990878_', 'Card of profession')
    """
    if not _LATIN.search(text) or not _CYRILLIC.search(text):
        return text
    words = list(_LETTERS.finditer(text))
    chars = list(text)
    for i, m in enumerate(words):
        word = m.group()
        if _CYRILLIC.search(word):
            mixed = True
        elif _ONLY_LOOKALIKES.match(word):
            neighbours = words[max(i - 1, 0):i] + words[i + 1:i + 2]
            mixed = any(_CYRILLIC.search(n.group()) for n in neighbours)
        else:
            mixed = False
        if mixed:
            chars[m.start():m.end()] = word.translate(_LOOKALIKES)
    return "".join(chars)
