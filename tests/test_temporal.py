"""Versions over time, with dates worked out by hand from the texts and the counting convention:
an act whose rule is N calendar days after first official publication, published no earlier than its
registration date (or, without one, its signing date) R, is in force from R + N + 1 at the earliest."""

from __future__ import annotations

from datetime import date

from zangraph.temporal import ESTIMATED, EXACT


def _steps(timeline, eid):
    return [(v.key, v.start.date, v.start.certainty, v.end.date if v.end else None, sorted(v.texts))
            for v in timeline.versions[eid]]


def test_order_360_point_54(timelines):
    # Item 5 of order 360: section 6 of chapter 2 from 01.01.2018; order 220 restates the annex from
    # 01.07.2023; order 316 of 15.08.2024 and order 309 of 06.10.2025, ten days after publication.
    assert _steps(timelines["360"], "att_1__chp_2__sec_6__para_54") == [
        ("original", date(2018, 1, 1), EXACT, date(2023, 7, 1), []),
        ("order-2023-220", date(2023, 7, 1), EXACT, date(2024, 8, 26), []),
        ("order-2024-316", date(2024, 8, 26), ESTIMATED, date(2025, 10, 17), ["en"]),
        ("order-2025-309", date(2025, 10, 17), ESTIMATED, None, ["ru"]),
    ]


def test_order_360_entry_into_force_and_annex(timelines):
    t = timelines["360"]
    # Registered 06.12.2017, ten days after publication: 17.12.2017 at the earliest.
    assert (t.entry_into_force.date, t.entry_into_force.certainty) == (date(2017, 12, 17), ESTIMATED)
    assert _steps(t, "att_1") == [("original", date(2017, 12, 17), ESTIMATED, date(2023, 7, 1), []),
                                  ("order-2023-220", date(2023, 7, 1), EXACT, None, ["en", "ru"])]
    # The two sections item 5 puts in force from 01.01.2018.
    for eid in ("att_1__chp_2__sec_6", "att_1__chp_3__sec_1"):
        assert _steps(t, eid)[0][:3] == ("original", date(2018, 1, 1), EXACT)
    # The social work consultant is in order 360 only from the restatement.
    assert _steps(t, "att_1__chp_2__sec_2") == [("order-2023-220", date(2023, 7, 1), EXACT, None, ["en", "ru"])]


def test_section_4_1_inserted_and_prospective_indent(timelines):
    t = timelines["360"]
    assert _steps(t, "att_1__chp_1__sec_4-1")[0][:2] == ("order-2024-316", date(2024, 8, 26))
    assert _steps(t, "att_1__chp_1__sec_4-1__para_12-1__indent_17") == [
        ("order-2024-316", date(2024, 8, 26), ESTIMATED, date(2026, 7, 11), ["en", "ru"]),
        ("order-2026-73", date(2026, 7, 11), EXACT, None, []),
    ]


def test_heading_revision_versions_the_section_only(timelines):
    t = timelines["360"]
    assert _steps(t, "att_1__chp_2__sec_7") == [
        ("order-2023-220", date(2023, 7, 1), EXACT, date(2025, 10, 17), ["en"]),
        ("order-2025-309", date(2025, 10, 17), ESTIMATED, None, ["ru"]),
    ]
    # Point 56 of that section has no note of its own: one version since the restatement, both texts.
    assert _steps(t, "att_1__chp_2__sec_7__para_56") == [("order-2023-220", date(2023, 7, 1), EXACT, None, ["en", "ru"])]


def test_order_350_from_entry_into_force_to_abolition(timelines):
    t = timelines["350"]
    # Registered 18.09.2018, 21 days after publication: 10.10.2018 at the earliest; abolished from 01.07.2023.
    assert (t.entry_into_force.date, t.abolition.effective.date) == (date(2018, 10, 10), date(2023, 7, 1))
    # Order 383 of 22.09.2022 (ten days): the Kazakh text carries it, the English text is older.
    assert _steps(t, "preamble") == [("original", date(2018, 10, 10), ESTIMATED, date(2022, 10, 3), ["en"]),
                                     ("order-2022-383", date(2022, 10, 3), ESTIMATED, date(2023, 7, 1), ["kk"])]
    assert _steps(t, "att_1__chp_2__para_3") == [("original", date(2018, 10, 10), ESTIMATED, date(2023, 7, 1),
                                                  ["en", "kk"])]


def test_order_292_cards_from_order_9(timelines):
    t = timelines["292"]
    assert t.entry_into_force.date == date(2019, 6, 11)
    assert _steps(t, "att_1__att_1") == [("original", date(2019, 6, 11), ESTIMATED, date(2023, 1, 24), []),
                                         ("order-2023-9", date(2023, 1, 24), ESTIMATED, None, ["en"])]
    assert _steps(t, "att_1__att_1__sec_8") == [("order-2023-9", date(2023, 1, 24), ESTIMATED, None, ["en"])]
    assert [s[0] for s in _steps(t, "preamble")] == ["original", "order-2021-488"]


def test_a_publication_date_makes_boundaries_exact(corpus):
    from zangraph.temporal import assemble

    docs = [d for d in corpus.documents if d.source.act.endswith("/2017/360")]
    t = assemble(docs, {"order-2024-316": date(2024, 8, 20)})
    v = t.versions["att_1__chp_2__sec_6__para_54"][2]
    assert (v.key, v.start.date, v.start.certainty) == ("order-2024-316", date(2024, 8, 31), EXACT)
