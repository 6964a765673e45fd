"""The fidelity check: every non-blank line of a source is held by the model, or is layout with a reason.

"Held" is checked, not assumed: the words of the line must appear in the text of what holds it. A line
that is neither held nor layout is reported with its number and content.
"""

from __future__ import annotations

from dataclasses import dataclass

from zangraph.model.document import Document
from zangraph.parse.readers import LINE_WORDS


@dataclass(frozen=True)
class Unplaced:
    file: str
    line: int
    text: str
    reason: str  # "not placed" or "placed in X but its words are not in X's text"


def _norm(text: str) -> str:
    return "".join(text.split())


def _holder_texts(doc: Document) -> dict[str, str]:
    texts = {"title": doc.title, "header": doc.header.text}
    for node in doc.walk():
        texts[node.eid] = " ".join(t for t in (node.label, node.heading, node.text) if t)
    for i, note in enumerate(doc.notes):
        texts[f"note:{i}"] = note.text
    return texts


def check(doc: Document, text: str) -> list[Unplaced]:
    content = LINE_WORDS[doc.source.form]
    texts = {k: _norm(v) for k, v in _holder_texts(doc).items()}
    problems = []
    for number, raw in enumerate(text.splitlines(), start=1):
        words = content(raw)
        if not words:
            continue
        holders = doc.placed.get(number)
        if not holders:
            problems.append(Unplaced(doc.source.file, number, words, "not placed"))
            continue
        if "layout" in holders:
            continue
        joined = "".join(texts.get(h, "") for h in holders)
        # A line split between two parts (a chapter heading run into a section heading) is held by both,
        # in order, so the concatenation of their texts contains it.
        if _norm(words) not in joined:
            problems.append(Unplaced(doc.source.file, number, words,
                                     f"placed in {', '.join(holders)} but its words are not in that text"))
    return problems
