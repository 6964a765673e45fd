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

from collections.abc import Sequence
from dataclasses import replace
from typing import Literal

from zangraph.model.document import Finding, FindingKind, ListItem, Node, Place

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


def list_items(paragraphs: Sequence[Node], act: str) -> tuple[tuple[ListItem, ...], list[Finding]]:
    """The items of a list of duties or knowledge as a reader reads them (``paragraphs`` are its part's
    children): a paragraph that continues the sentence of the one before is the same item, and each place
    where one may continue it is a ``split_item`` finding of ``act``.

    >>> from zangraph.model.document import NodeKind, Span
    >>> def indent(k, text):
    ...     return Node(NodeKind.INDENT, f"para_1__indent_{k}", Span("f.md", k, k, 10 * k, 10 * k + 9, ""), text=text)
    >>> paragraphs = [indent(2, "защищает права лиц и их"), indent(3, "семей;"), indent(4, "ведёт учёт")]
    >>> items, found = list_items(paragraphs, "/akn/kz/act/order/2000/1")
    >>> [(i.text, i.span.first_line, i.span.last_line) for i in items]
    [('защищает права лиц и их семей;', 2, 3), ('ведёт учёт', 4, 4)]
    >>> [(f.kind.value, f.places[0].eid) for f in found]
    [('split_item', 'para_1__indent_3')]
    """
    items: list[ListItem] = []
    found: list[Finding] = []
    for child in paragraphs:
        how = continues(items[-1].text, child.text) if items else None
        if how is None:
            items.append(ListItem(child.text, child.span))
            continue
        before = items[-1]
        read = ("ends on a word no clause ends on: read as one item with it" if how == "certain" else
                "lacks its closing punctuation, and this one starts in lower case: read as two items, "
                "which a reader should confirm")
        found.append(Finding(
            FindingKind.SPLIT_ITEM, act,
            f"{child.span.file}:{child.span.first_line}: the paragraph before (line {before.span.last_line}) {read}",
            (Place(child.span.file, child.eid, child.span),), (before.text, child.text)))
        if how == "certain":
            items[-1] = ListItem(f"{before.text} {child.text.strip()}",
                                 replace(before.span, last_line=child.span.last_line, end=child.span.end))
        else:
            items.append(ListItem(child.text, child.span))
    return tuple(items), found
