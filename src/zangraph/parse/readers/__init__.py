"""Readers turn a source text of one form into blocks: the logical paragraphs of the text.

A reader undoes what extraction did to the text (wrapped lines, page breaks, tabs, Markdown markup) and
nothing else: the words stay as published. The reader is chosen from the manifest's ``form``.
"""

from __future__ import annotations

from collections.abc import Callable

from zangraph.errors import SourceError
from zangraph.parse.lexicon import Lexicon
from zangraph.parse.readers import html, markdown, pdf, zan
from zangraph.parse.readers.base import Block, clean

READERS: dict[str, Callable[[str, Lexicon], list[Block]]] = {
    "pdf-text": pdf.read,
    "html-text": html.read,
    "markdown": markdown.read,
    "zan-markdown": zan.read,
}
# The words of one physical line as each form prints them (the fidelity check compares these).
LINE_WORDS: dict[str, Callable[[str], str]] = {
    "pdf-text": clean,
    "html-text": clean,
    "markdown": markdown.strip_markup,
    "zan-markdown": zan.strip_markup,
}


def read_blocks(file: str, form: str, text: str, lexicon: Lexicon) -> list[Block]:
    try:
        reader = READERS[form]
    except KeyError:
        raise SourceError(file, f"no reader for form {form!r}", expected=" or ".join(READERS)) from None
    return reader(text, lexicon)


__all__ = ["LINE_WORDS", "READERS", "Block", "read_blocks"]
