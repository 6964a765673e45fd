"""The language versions of one act matched part by part."""

from __future__ import annotations

import pytest

from zangraph.model.document import NodeKind
from zangraph.parse.align import align

pytestmark = pytest.mark.corpus


@pytest.mark.parametrize(("left", "right", "parts"), [("360en", "360ru", 3 + 27 + 81 + 1 + 1 + 5 + 6),
                                                       ("350en", "350kk", 2 + 6 + 4 + 1 + 1 + 10 + 0)])
def test_every_structural_part_is_matched(doc, left, right, parts):
    result = align(doc(left), doc(right))
    assert result.only_left == () and result.only_right == ()
    assert len(result.matched) == parts


def test_matched_parts_carry_each_language(doc):
    en, ru = doc("360en"), doc("360ru")
    result = align(en, ru)
    assert "att_1__chp_2__sec_6__para_54" in result.matched
    # The Russian text is newer: point 54 as amended by order 309, the English as amended by order 316.
    assert any(e.act.number == "309" for n in ru.notes if n.target.eid == "att_1__chp_2__sec_6__para_54"
               for e in n.effects)
    assert any(e.act.number == "316" for n in en.notes if n.target.eid == "att_1__chp_2__sec_6__para_54"
               for e in n.effects)


def test_a_missing_part_is_a_finding(doc):
    from dataclasses import replace

    en, ru = doc("360en"), doc("360ru")
    annex = next(p for p in ru.parts if p.kind is NodeKind.ANNEX)
    chapter1 = annex.children[1]  # after the preface
    assert chapter1.eid == "att_1__chp_1"
    without = replace(chapter1, children=tuple(s for s in chapter1.children if s.num != "4-1"))
    trimmed = replace(annex, children=tuple(without if c is chapter1 else c for c in annex.children))
    older_ru = replace(ru, parts=tuple(trimmed if p is annex else p for p in ru.parts))
    result = align(en, older_ru)
    assert "att_1__chp_1__sec_4-1" in result.only_left
    missing = [f for f in result.findings if f.kind.value == "missing_part" and f.places[0].eid == "att_1__chp_1__sec_4-1"]
    assert len(missing) == 1 and "order 316 of 2024-08-15" in missing[0].message


def test_texts_of_different_acts_are_not_aligned(doc):
    with pytest.raises(ValueError, match="different acts"):
        align(doc("360en"), doc("292en"))
