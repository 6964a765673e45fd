"""Versions over time, with dates worked out by hand from the texts and the counting convention:
an act whose rule is N calendar days after first official publication, published no earlier than its
registration date (or, without one, its signing date) R, is in force from R + N + 1 at the earliest.

Order 360's annex was restated as a whole by order 220 from 01.07.2023: its parts in the new wording are new
parts (work eIds ``att_1!order-2023-220__…``), its parts as worded before end there. The texts of 2020 give the
old wording, the seeds and the Kazakh text of 2025 the new one."""

from __future__ import annotations

from datetime import date

import pytest

from zangraph.timeline.assemble import ESTIMATED, EXACT

pytestmark = pytest.mark.corpus

NEW = "att_1!order-2023-220"  # order 360's annex as order 220 worded it


def _steps(timeline, eid):
    return [(v.key, v.start.date, v.start.certainty, v.end.date if v.end else None, sorted(v.texts))
            for v in timeline.versions[eid]]


def test_order_360_point_54(timelines):
    # Point 54 of the restated annex: from the restatement (01.07.2023, a fixed date); in new wording by order
    # 316 of 15.08.2024 and order 309 of 06.10.2025, ten days after publication. The English text records 316,
    # the Russian text 309, the Kazakh text of 2025 both.
    assert _steps(timelines["360"], f"{NEW}__chp_2__sec_6__para_54") == [
        ("order-2023-220", date(2023, 7, 1), EXACT, date(2024, 8, 26), []),
        ("order-2024-316", date(2024, 8, 26), ESTIMATED, date(2025, 10, 17), ["en"]),
        ("order-2025-309", date(2025, 10, 17), ESTIMATED, None, ["kk", "ru"]),
    ]


def test_order_360_entry_into_force_and_annex(timelines):
    t = timelines["360"]
    # Registered 06.12.2017, ten days after publication: 17.12.2017 at the earliest.
    assert (t.entry_into_force.date, t.entry_into_force.certainty) == (date(2017, 12, 17), ESTIMATED)
    assert _steps(t, "att_1") == [("original", date(2017, 12, 17), ESTIMATED, date(2023, 7, 1), ["kk", "ru"]),
                                  ("order-2023-220", date(2023, 7, 1), EXACT, None, ["en", "kk", "ru"])]
    # The two sections item 5 puts in force from 01.01.2018 (as the Kazakh text names them), until the
    # restatement.
    for eid in ("att_1__chp_2__sec_6", "att_1__chp_3__sec_1"):
        assert _steps(t, eid) == [("original", date(2018, 1, 1), EXACT, date(2023, 7, 1), ["kk", "ru"])]
    # The social work consultant is section 2 of chapter 2 in both wordings: two parts, one after the other.
    assert _steps(t, "att_1__chp_2__sec_2") == [("original", date(2017, 12, 17), ESTIMATED, date(2023, 7, 1),
                                                 ["kk", "ru"])]
    assert _steps(t, f"{NEW}__chp_2__sec_2") == [("order-2023-220", date(2023, 7, 1), EXACT, None, ["en", "kk", "ru"])]


def test_events_the_later_texts_lost(timelines):
    # Only the texts of 02.04.2020 record them: point 2 of the annex changed by order 663 of 11.12.2019 and
    # restated by order 121 of 02.04.2020, each ten days after publication. No text dates 663's registration:
    # counted from its signing, 22.12.2019. The metadata of the 2020 version names order 121 as its cause,
    # "Зарегистрирован … 3 апреля 2020 года": 14.04.2020. The Kazakh text of 2025 alone records order 388 of
    # 26.09.2022 on the annex's upper right corner.
    t = timelines["360"]
    assert _steps(t, "att_1__chp_1__sec_1__para_2") == [
        ("original", date(2017, 12, 17), ESTIMATED, date(2019, 12, 22), []),
        ("order-2019-663", date(2019, 12, 22), ESTIMATED, date(2020, 4, 14), []),
        ("order-2020-121", date(2020, 4, 14), ESTIMATED, date(2023, 7, 1), ["kk", "ru"]),
    ]
    assert _steps(t, "att_1__preface") == [
        ("original", date(2017, 12, 17), ESTIMATED, date(2022, 10, 7), ["en", "kk", "ru"]),
        ("order-2022-388", date(2022, 10, 7), ESTIMATED, None, ["kk"]),
    ]


def test_section_4_1_inserted_and_prospective_indent(timelines):
    t = timelines["360"]
    assert _steps(t, f"{NEW}__chp_1__sec_4-1")[0][:2] == ("order-2024-316", date(2024, 8, 26))
    assert _steps(t, f"{NEW}__chp_1__sec_4-1__para_12-1__indent_17") == [
        ("order-2024-316", date(2024, 8, 26), ESTIMATED, date(2026, 7, 11), ["en", "kk", "ru"]),
        ("order-2026-73", date(2026, 7, 11), EXACT, None, []),
    ]


def test_heading_revision_versions_the_section_only(timelines):
    t = timelines["360"]
    assert _steps(t, f"{NEW}__chp_2__sec_7") == [
        ("order-2023-220", date(2023, 7, 1), EXACT, date(2025, 10, 17), ["en"]),
        ("order-2025-309", date(2025, 10, 17), ESTIMATED, None, ["kk", "ru"]),
    ]
    # Point 56 of that section has no note of its own: one version since the restatement, every text.
    assert _steps(t, f"{NEW}__chp_2__sec_7__para_56") == [
        ("order-2023-220", date(2023, 7, 1), EXACT, None, ["en", "kk", "ru"])]


def test_order_350_from_entry_into_force_to_abolition(timelines):
    t = timelines["350"]
    # Registered 18.09.2018, 21 days after publication: 10.10.2018 at the earliest; abolished from 01.07.2023.
    assert (t.entry_into_force.date, t.abolition.effective.date) == (date(2018, 10, 10), date(2023, 7, 1))
    # Order 383 of 22.09.2022 (ten days), registered 23.09.2022 by the requisites the metadata of the Russian
    # text of 22.09.2022 gives: 04.10.2022. The Kazakh text and that Russian text carry it, the English text is
    # older.
    assert _steps(t, "preamble") == [("original", date(2018, 10, 10), ESTIMATED, date(2022, 10, 4), ["en"]),
                                     ("order-2022-383", date(2022, 10, 4), ESTIMATED, date(2023, 7, 1), ["kk", "ru"])]
    assert _steps(t, "att_1__chp_2__para_3") == [("original", date(2018, 10, 10), ESTIMATED, date(2023, 7, 1),
                                                  ["en", "kk", "ru"])]


def test_order_292_cards_from_order_9(timelines):
    t = timelines["292"]
    # Registered 31.05.2019 (by the English text's header), ten days: 11.06.2019 at the earliest.
    assert t.entry_into_force.date == date(2019, 6, 11)
    # The annex of cards: changed by orders 121 and 488, restated by order 383 and again by order 9 of
    # 13.01.2023 (ten days, counted from its signing). Every text records order 9: the cards are those of its
    # wording.
    assert [s[:2] for s in _steps(t, "att_1__att_1")] == [
        ("original", date(2019, 6, 11)), ("order-2020-121", date(2020, 4, 13)), ("order-2021-488", date(2022, 1, 3)),
        ("order-2022-383", date(2022, 10, 3)), ("order-2023-9", date(2023, 1, 24))]
    assert _steps(t, "att_1__att_1!order-2023-9__sec_8") == [
        ("order-2023-9", date(2023, 1, 24), ESTIMATED, None, ["en", "kk", "ru"])]
    assert [s[0] for s in _steps(t, "preamble")] == ["original", "order-2021-488"]


def test_a_translation_reading_a_restatement_does_not_make_new_parts(timelines):
    # Order 292 point 2 (the terms): "Paragraph 2 as amended by the order ... № 488 ...; dated 13.01.2023 № 9"
    # in English, "Пункт 2 с изменениями, внесенными приказами ... № 488 ...; № 9" in Russian ("өзгерістер
    # енгізілді" in Kazakh). The official texts say changed, not restated: its sub-points keep their eIds, and
    # all three texts give the version of order 9.
    t = timelines["292"]
    assert not [work for work in t.versions if work.startswith("att_1__chp_1__para_2!")]
    assert _steps(t, "att_1__chp_1__para_2__point_1") == [
        ("original", date(2019, 6, 11), ESTIMATED, date(2022, 1, 3), []),
        ("order-2021-488", date(2022, 1, 3), ESTIMATED, date(2023, 1, 24), []),
        ("order-2023-9", date(2023, 1, 24), ESTIMATED, None, ["en", "kk", "ru"])]


def test_a_publication_date_makes_boundaries_exact(corpus):
    from zangraph.timeline.assemble import assemble

    docs = [d for d in corpus.documents if d.source.act.endswith("/2017/360")]
    t = assemble(docs, {"order-2024-316": date(2024, 8, 20)})
    v = t.versions[f"{NEW}__chp_2__sec_6__para_54"][1]
    assert (v.key, v.start.date, v.start.certainty) == ("order-2024-316", date(2024, 8, 31), EXACT)


def test_item_5_changed_between_the_russian_snapshots_with_no_note(timelines):
    # No note records a change of item 5: both Russian texts give its one version, the text of 02.04.2020
    # "параграфа 6 главы 3, параграфа 1 главы 4", the seed (consolidated in 2025) "параграфа 6 главы 2,
    # параграфа 1 главы 3". The older is the version's text; the difference is a finding.
    t = timelines["360"]
    (version,) = t.versions["para_5"]
    assert [w.file for w in version.witnesses["ru"]] == ["116614_rus_2020-04-02.md", "004_02f4d226a4fb9b82.txt"]
    assert "параграфа 6 главы 3, параграфа 1 главы 4" in version.texts["ru"].text
    (finding,) = [f for f in t.findings if f.places[0].eid == "para_5"]
    assert finding.kind.value == "snapshot_discrepancy"
    assert [p.file for p in finding.places] == ["116614_rus_2020-04-02.md", "004_02f4d226a4fb9b82.txt"]
    assert "параграфа 6 главы 2, параграфа 1 главы 3" in finding.evidence[1]
