"""Every footnote and editorial note of the five texts, read off the sources by hand."""

from __future__ import annotations

from datetime import date

import pytest

from zangraph.model import ChangeKind, NoteKind, RuleKind, TargetKind

F, E = NoteKind.FOOTNOTE, NoteKind.EDITORIAL
NEW, CHG, SUP, HEAD, ABOL, PROS, REF = (ChangeKind.NEW_WORDING, ChangeKind.CHANGED, ChangeKind.SUPPLEMENTED,
                                        ChangeKind.HEADING_REVISED, ChangeKind.ABOLISHED, ChangeKind.PROSPECTIVE,
                                        ChangeKind.REFERENCE)
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
        (1533, F, HEAD, TargetKind.SECTION_HEADING, "att_1__chp_2__sec_7", *S309),
        (1585, F, CHG, P, "att_1__chp_2__sec_7__para_55", *S309),
        (1626, F, NEW, P, "att_1__chp_2__sec_7__para_57", *S309),
        (1630, F, HEAD, TargetKind.SECTION_HEADING, "att_1__chp_2__sec_8", *S309),
        (1726, F, NEW, P, "att_1__chp_2__sec_8__para_60", *S309),
        (1941, F, NEW, P, "att_1__chp_3__sec_1__para_67", *S309),
        (1965, F, NEW, P, "att_1__chp_3__sec_1__para_68", *S309),
        (1971, F, NEW, P, "att_1__chp_3__sec_1__para_69", *S309),
    ],
    "292en": [
        (15, F, NEW, TargetKind.PREAMBLE, "preamble", *S488),
        (87, F, NEW, P, "att_1__chp_1__para_2", *S488),
        (105, F, NEW, P, "att_1__chp_1__para_3", *S488),
        (169, F, NEW, P, "att_1__chp_3__para_9", *S9),
        (179, F, NEW, TargetKind.ANNEX, "att_1__att_1", *S9),
    ],
}


@pytest.mark.parametrize("name", EXPECTED)
def test_every_note_with_target_acting_act_kind_and_rule(doc, name):
    found = []
    for note in doc(name).notes:
        rule = None
        if note.rule:
            rule = (note.rule.kind, note.rule.days if note.rule.kind is RuleKind.AFTER_PUBLICATION else note.rule.date)
        acting = note.acting_act
        found.append((note.span.first_line, note.kind, note.change, note.target.kind, note.target.eid,
                      acting.number if acting else None, acting.date if acting else None, rule))
    assert found == EXPECTED[name]


def test_footnote_split_over_two_paragraphs_is_one_footnote(doc):
    note = next(n for n in doc("360ru").notes if n.change is SUP)
    assert (note.span.first_line, note.span.last_line) == (411, 413)
    assert note.text.endswith("(вводится в действие по истечении десяти календарных дней после дня его первого "
                              "официального опубликования).")


def test_supplement_names_the_added_section(doc):
    for name in ("360en", "360ru"):
        note = next(n for n in doc(name).notes if n.change is SUP)
        assert note.supplement == "4-1" and note.target.chapter == "1"


def test_english_paragraph_is_resolved_to_a_point_not_a_section(doc):
    # "Paragraph 9" of order 360 is point 9 (section 3 of chapter 1), not section 9 of any chapter.
    note = next(n for n in doc("360en").notes if n.text.startswith("Footnote. Paragraph 9 "))
    assert note.target.kind is TargetKind.POINT and note.target.point == "9"


def test_acting_act_issuer_is_kept_as_written(doc):
    abolition = doc("350en").notes[0]
    assert abolition.acting_act.issuer == ("Minister of Labor and Social Protection of the Population of the "
                                           "Republic of Kazakhstan")
    restatement = next(n for n in doc("360ru").notes if n.acting_act and n.acting_act.number == "220")
    assert restatement.acting_act.issuer == ("Заместителя Премьер-Министра - Министра труда и социальной защиты "
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
