"""Every footnote and editorial note of the five texts, read off the sources by hand."""

from __future__ import annotations

from datetime import date

import pytest

from zangraph.model.document import ChangeKind, NoteKind, RuleKind, TargetKind

pytestmark = pytest.mark.corpus

F, E = NoteKind.FOOTNOTE, NoteKind.EDITORIAL
NEW, CHG, SUP, ABOL, PROS = (ChangeKind.NEW_WORDING, ChangeKind.CHANGED, ChangeKind.SUPPLEMENTED,
                             ChangeKind.ABOLISHED, ChangeKind.ANNOUNCED)
HEAD = "heading"  # a new wording of a section's heading: change new_wording, target the heading
REF = "reference"  # an editorial note pointing to the item that states the entry into force: no effect
TEN = (RuleKind.AFTER_PUBLICATION, 10)


def fixed(y: int, m: int, d: int):
    return (RuleKind.FIXED_DATE, date(y, m, d))


# (line where the note starts, kind, change, target kind, target eId, acting act No, its date, rule)
S316 = ("316", date(2024, 8, 15), TEN)
S309 = ("309", date(2025, 10, 6), TEN)
S73 = ("73", date(2026, 2, 24), fixed(2026, 7, 11))
S488 = ("488", date(2021, 12, 23), TEN)
S383 = ("383", date(2022, 9, 22), TEN)
S9 = ("9", date(2023, 1, 13), TEN)
P = TargetKind.POINT

EXPECTED = {
    "350en": [
        (12, F, ABOL, TargetKind.ACT, None, "201", date(2023, 6, 5), fixed(2023, 7, 1)),
    ],
    "350kk": [
        (10, F, ABOL, TargetKind.ACT, None, "201", date(2023, 6, 5), fixed(2023, 7, 1)),
        (13, E, REF, TargetKind.ITEM, "para_4", None, None, None),
        (17, F, NEW, TargetKind.PREAMBLE, "preamble", *S383),
        (96, F, CHG, P, "att_1__chp_1__para_1", *S383),
        (198, F, CHG, P, "att_1__chp_2__para_5", *S383),
        (236, F, CHG, P, "att_1__chp_2__para_6", *S383),
    ],
    "360en": [
        (16, F, NEW, TargetKind.PREAMBLE, "preamble", *S488),
        (69, F, NEW, TargetKind.ANNEX, "att_1", "220", date(2023, 6, 14), fixed(2023, 7, 1)),
        (304, F, NEW, P, "att_1__chp_1__sec_3__para_9", *S316),
        (401, F, NEW, P, "att_1__chp_1__sec_4__para_12", *S316),
        (406, F, SUP, TargetKind.SECTION, "att_1__chp_1__sec_4-1", *S316),
        (571, F, NEW, P, "att_1__chp_1__sec_5__para_15", *S316),
        (638, F, NEW, P, "att_1__chp_1__sec_6__para_18", *S316),
        (1512, F, NEW, P, "att_1__chp_2__sec_6__para_54", *S316),
        (1613, F, NEW, P, "att_1__chp_2__sec_7__para_57", *S316),
        (1724, F, NEW, P, "att_1__chp_2__sec_8__para_60", *S316),
        (1981, F, NEW, P, "att_1__chp_3__sec_1__para_69", *S316),
    ],
    "360ru": [
        (7, E, REF, TargetKind.ITEM, "para_5", None, None, None),
        (13, F, NEW, TargetKind.PREAMBLE, "preamble", *S488),
        (63, F, NEW, TargetKind.ANNEX, "att_1", "220", date(2023, 6, 14), fixed(2023, 7, 1)),
        (215, E, PROS, P, "att_1__chp_1__sec_3__para_7", *S73),
        (307, F, NEW, P, "att_1__chp_1__sec_3__para_9", *S316),
        (311, E, PROS, P, "att_1__chp_1__sec_4__para_10", *S73),
        (407, F, NEW, P, "att_1__chp_1__sec_4__para_12", *S316),
        (411, F, SUP, TargetKind.SECTION, "att_1__chp_1__sec_4-1", *S316),
        (447, E, PROS, TargetKind.INDENT, "att_1__chp_1__sec_4-1__para_12-1__indent_17", *S73),
        (543, E, PROS, P, "att_1__chp_1__sec_5__para_14", *S73),
        (570, F, NEW, P, "att_1__chp_1__sec_5__para_15", *S316),
        (600, E, PROS, P, "att_1__chp_1__sec_6__para_17", *S73),
        (642, F, NEW, P, "att_1__chp_1__sec_6__para_18", *S316),
        (1469, E, PROS, TargetKind.INDENT, "att_1__chp_2__sec_6__para_52__indent_24", *S73),
        (1479, F, NEW, P, "att_1__chp_2__sec_6__para_52", *S309),
        (1509, F, NEW, P, "att_1__chp_2__sec_6__para_53", *S309),
        (1529, F, NEW, P, "att_1__chp_2__sec_6__para_54", *S309),
        (1533, F, HEAD, TargetKind.HEADING, "att_1__chp_2__sec_7", *S309),
        (1585, F, CHG, P, "att_1__chp_2__sec_7__para_55", *S309),
        (1626, F, NEW, P, "att_1__chp_2__sec_7__para_57", *S309),
        (1630, F, HEAD, TargetKind.HEADING, "att_1__chp_2__sec_8", *S309),
        (1726, F, NEW, P, "att_1__chp_2__sec_8__para_60", *S309),
        (1941, F, NEW, P, "att_1__chp_3__sec_1__para_67", *S309),
        (1965, F, NEW, P, "att_1__chp_3__sec_1__para_68", *S309),
        (1971, F, NEW, P, "att_1__chp_3__sec_1__para_69", *S309),
    ],
    "292en": [
        (15, F, NEW, TargetKind.PREAMBLE, "preamble", *S488),
        (87, F, NEW, P, "att_1__chp_1__para_2", *S488),  # and order 9: see test_a_note_naming_two_acts
        (105, F, NEW, P, "att_1__chp_1__para_3", *S488),
        (169, F, NEW, P, "att_1__chp_3__para_9", *S9),
        (179, F, NEW, TargetKind.ANNEX, "att_1__att_1", *S9),
    ],
}


def _reading(note):
    """A note as the table above writes it, from its first effect."""
    if not note.effects:
        return (note.span.first_line, note.kind, REF, note.target.kind, note.target.eid, None, None, None)
    effect = note.effects[0]
    rule = None
    if effect.rule:
        rule = (effect.rule.kind, effect.rule.days if effect.rule.kind is RuleKind.AFTER_PUBLICATION
                else effect.rule.date)
    change = effect.change
    kind = note.target.kind
    if kind is TargetKind.HEADING and change is NEW:
        change = HEAD
    return (note.span.first_line, note.kind, change, kind, note.target.eid, effect.act.number, effect.act.date, rule)


@pytest.mark.parametrize("name", EXPECTED)
def test_every_note_with_target_acting_act_kind_and_rule(doc, name):
    expected = [(line, kind, change, TargetKind.ITEM if change == REF else target, eid, number, when, rule)
                for line, kind, change, target, eid, number, when, rule in EXPECTED[name]]
    assert [_reading(note) for note in doc(name).notes] == expected


def test_announced_changes_say_what_they_will_do(doc):
    announced = [n for n in doc("360ru").notes if n.kind is E and n.effects]
    assert len(announced) == 6
    assert {(e.change, e.announces) for n in announced for e in n.effects} == {(PROS, NEW)}


def test_a_note_naming_two_acts_has_an_effect_for_each(doc):
    # "Footnote. Paragraph 2 as amended by the order ... dated 23.12.2021 № 488 (...); dated 13.01.2023 № 9 (...)"
    note = next(n for n in doc("292en").notes if n.span.first_line == 87)
    assert [(e.change, e.act.number, e.act.date, e.rule.days) for e in note.effects] == [
        (NEW, "488", date(2021, 12, 23), 10), (NEW, "9", date(2023, 1, 13), 10)]
    # The second act is named without its issuer: it is the first one's.
    assert note.effects[1].act.issuer == note.effects[0].act.issuer


def test_footnote_split_over_two_paragraphs_is_one_footnote(doc):
    note = next(n for n in doc("360ru").notes if n.effects and n.effects[0].change is SUP)
    assert (note.span.first_line, note.span.last_line) == (411, 413)
    assert note.text.endswith("(вводится в действие по истечении десяти календарных дней после дня его первого "
                              "официального опубликования).")


def test_supplement_names_the_added_section(doc):
    for name in ("360en", "360ru"):
        note = next(n for n in doc(name).notes if n.effects and n.effects[0].change is SUP)
        # the part added, then the chapter it is added to, as the note words them
        assert [d[0] for d in note.target.designation][-1] == "chapter"
        assert note.target.designation[-1][1] == "1" and note.target.eid == "att_1__chp_1__sec_4-1"


def test_english_paragraph_is_resolved_to_a_point_not_a_section(doc):
    # "Paragraph 9" of order 360 is point 9 (section 3 of chapter 1), not section 9 of any chapter.
    note = next(n for n in doc("360en").notes if n.text.startswith("Footnote. Paragraph 9 "))
    assert note.target.kind is TargetKind.POINT and note.target.eid == "att_1__chp_1__sec_3__para_9"


def test_acting_act_issuer_is_kept_as_written(doc):
    abolition = doc("350en").notes[0].effects[0]
    assert abolition.act.issuer == ("Minister of Labor and Social Protection of the Population of the "
                                    "Republic of Kazakhstan")
    restatement = next(e for n in doc("360ru").notes for e in n.effects if e.act.number == "220")
    assert restatement.act.issuer == ("Заместителя Премьер-Министра - Министра труда и социальной защиты "
                                      "населения РК")


def test_entry_into_force_of_the_acts_themselves(doc):
    for name, item, days in (("350en", "para_4", 21), ("350kk", "para_4", 21), ("360en", "para_5", 10),
                             ("360ru", "para_5", 10), ("292en", "para_4", 10)):
        eif = doc(name).entry_into_force
        assert (eif.item, eif.rule.kind, eif.rule.days) == (item, RuleKind.AFTER_PUBLICATION, days), name
    for name in ("360en", "360ru"):
        (exception,) = doc(name).entry_into_force.exceptions
        assert [t.eid for t in exception.targets] == ["att_1__chp_2__sec_6", "att_1__chp_3__sec_1"]
        assert exception.rule.date == date(2018, 1, 1)
    assert doc("350en").entry_into_force.exceptions == ()
