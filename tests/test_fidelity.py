"""The fidelity check: every non-blank line is in the model or is layout with a reason."""

from __future__ import annotations

from dataclasses import replace

import pytest

from zangraph.parse import fidelity

from .conftest import FILES, SOURCES

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize("name", FILES)
def test_fidelity_passes_for_every_source(corpus, name):
    assert [u for u in corpus.unplaced if u.file == FILES[name]] == []


def test_layout_lines_have_reasons(doc):
    layout = {(line.line, line.reason) for line in doc("360en").layout}
    assert layout == {(6, "repeated header"), (11, "repeated header"), (12, "repeated header"),
                      (2164, "page furniture"), (2166, "page furniture"), (2167, "page furniture")}


def test_a_line_the_model_does_not_hold_is_reported(doc):
    document = doc("350en")
    text = (SOURCES / document.source.file).read_text(encoding="utf-8")
    placed = dict(document.placed)
    del placed[120]  # "3. Qualification requirements to a social work consultant:"
    problems = fidelity.check(replace(document, placed=placed), text)
    assert [(p.line, p.reason) for p in problems] == [(120, "not placed")]


def test_a_line_whose_words_are_lost_is_reported(doc):
    document = doc("350en")
    text = (SOURCES / document.source.file).read_text(encoding="utf-8")
    annex = document.parts[-1]
    chapter = annex.children[-1]
    point = chapter.children[1]
    shortened = replace(point, text=point.text[:20])
    new_chapter = replace(chapter, children=(chapter.children[0], shortened, *chapter.children[2:]))
    new_annex = replace(annex, children=(*annex.children[:-1], new_chapter))
    problems = fidelity.check(replace(document, parts=(*document.parts[:-1], new_annex)), text)
    assert [p.line for p in problems] == [120]
    assert "its words are not in that text" in problems[0].reason
