"""The built dataset, queried with the project's .rq files on an embedded Oxigraph store."""

from __future__ import annotations

from datetime import date

import pytest

from zangraph.build import build_dataset
from zangraph.graph.trig import Writer

B = "https://zangraph.example"
ACT360 = f"{B}/akn/kz/act/order/2017/360"
ZG = "https://w3id.org/zangraph/ontology#"


def test_versions_of_order_360_point_54(store):
    rows = store.select("versions-of-part", part=f"{ACT360}/~att_1__chp_2__sec_6__para_54")
    got = [(r["start"], r["end"], r["startCertainty"].removeprefix(ZG), r["actingAct"].removeprefix(f"{B}/akn/kz/act/order/"),
            r["languages"]) for r in rows]
    assert got == [
        (date(2018, 1, 1), date(2023, 7, 1), "exact", "2017/360", None),
        (date(2023, 7, 1), date(2024, 8, 26), "exact", "2023/220", None),
        (date(2024, 8, 26), date(2025, 10, 17), "estimated", "2024/316", "en"),
        (date(2025, 10, 17), None, "estimated", "2025/309", "ru"),
    ]
    assert rows[0]["startRule"] == "January 1, 2018"
    assert rows[1]["startRule"] == "shall be enforced from 01.07.2023"
    assert "ten calendar days after" in rows[2]["startRule"]


@pytest.mark.parametrize(("at", "acts"), [(date(2020, 5, 1), [("350", "att_1__chp_2__para_3")]),
                                          (date(2024, 1, 1), [("360", "att_1__chp_2__sec_2"),
                                                              ("292", "att_1__att_1__sec_8")])])
def test_acts_that_characterise_the_social_work_consultant(store, at, acts):
    rows = store.select("acts-characterising-position", position=f"{B}/position/social-work-consultant", at=at)
    assert [(r["number"], r["part"].rsplit("/~", 1)[1]) for r in rows] == acts


def test_every_act_amending_order_360(store):
    rows = store.select("acts-amending", act=ACT360)
    # 488 (preamble), 220 (the annex), 316 (points 9, 12, 15, 18, 54, 57, 60, 69 and section 4-1),
    # 309 (points 52-55, 57, 60, 67-69 and the headings of sections 7 and 8), 73 (announced).
    assert [(r["number"], r["date"], r["events"]) for r in rows] == [
        ("488", date(2021, 12, 23), 1), ("220", date(2023, 6, 14), 1), ("316", date(2024, 8, 15), 9),
        ("309", date(2025, 10, 6), 11), ("73", date(2026, 2, 24), 6)]


def test_order_350_was_amended_and_repealed(store):
    rows = store.select("acts-amending", act=f"{B}/akn/kz/act/order/2018/350")
    assert [(r["number"], r["events"]) for r in rows] == [("383", 4), ("201", 1)]


def test_knowledge_acts_shared_by_all_positions_of_chapter_2(store):
    # Read off the texts: each of the ten "Shall be obliged to know" points of chapter 2 (38, 41, 44 ... 65)
    # names the Constitution and the Social Code; no other act is in all ten.
    rows = store.select("knowledge-shared-by-chapter", chapter=f"{ACT360}/~att_1__chp_2", at=date(2024, 1, 1))
    assert [r["name"] for r in rows] == ["Constitution of the Republic of Kazakhstan",
                                         "Social Code of the Republic of Kazakhstan"]


def test_build_is_byte_identical(settings, built):
    again = Writer().write(build_dataset(settings).graphs)
    assert again == built.read_text(encoding="utf-8")


def test_named_graphs(built):
    text = built.read_text(encoding="utf-8")
    for name in ("ontology", "works", "curated", "time", "domain", "findings", "source/000_d858b89009a0e373.txt",
                 "source/004_02f4d226a4fb9b82.txt"):
        assert f"<{B}/graph/{name}> {{" in text


def test_requirement_discrepancy_between_english_and_kazakh(store):
    rows = store.store.query(
        "PREFIX zg: <https://w3id.org/zangraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?c WHERE { ?f zg:findingKind zg:requirement_discrepancy ; rdfs:comment ?c }",
        use_default_graph_as_union=True)
    assert [r["c"].value for r in rows] == ["att_1__chp_2__para_2 rung 1 (highest): prior_category highest in en, "
                                            "first in kk"]


def test_card_quoting_another_positions_ladder(store):
    rows = store.store.query(
        "PREFIX zg: <https://w3id.org/zangraph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
        "SELECT ?c WHERE { ?f zg:findingKind zg:quoted_ladder ; rdfs:comment ?c }", use_default_graph_as_union=True)
    assert [r["c"].value for r in rows] == [
        "card 11 (Social worker for work with the convicts in the penitentiary system) gives the qualification "
        "ladder of 'Career advisor'"]
