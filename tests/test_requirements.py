"""Structured requirements read from each language's text, and positions across acts."""

from __future__ import annotations

import pytest

from zangraph.parse.requirements import rungs

pytestmark = pytest.mark.corpus


def _ladder(doc, eid):
    node = doc.find(eid)
    return rungs([node.text, *(c.text for c in node.children)], doc.source.language)


def test_order_350_point_5_english(doc):
    ladder = _ladder(doc("350en"), "att_1__chp_2__para_5")
    assert [(r.skill_level, r.category, r.min_experience_years, r.prior_category) for r in ladder] == [
        ("high", "highest", 2, "first"), ("high", "first", 1, "second"), ("high", "second", 1, "none"),
        ("high", "none", 0, None), ("average", "highest", 2, "first"), ("average", "first", 1, "second"),
        ("average", "second", 1, "none"), ("average", "none", 0, None)]
    assert ladder[0].education_levels == ("higher",)
    assert ladder[4].education_levels == ("technical_vocational",)
    assert ladder[0].education_fields == ("social", "economic", "psychological", "pedagogical", "medical")
    assert ladder[7].alternatives == ("basic secondary education and certificate in social training",)
    assert ladder[0].label == "with higher category"


def test_order_350_point_2_english_and_kazakh_differ_on_the_prior_category(doc):
    en, kk = _ladder(doc("350en"), "att_1__chp_2__para_2"), _ladder(doc("350kk"), "att_1__chp_2__para_2")
    assert [r.category for r in en] == [r.category for r in kk] == ["highest", "first", "second", "none"]
    assert [r.min_experience_years for r in en] == [r.min_experience_years for r in kk] == [3, 2, 2, 0]
    assert en[0].prior_category == "highest" and kk[0].prior_category == "first"
    assert kk[0].label == "жоғары санаттағы"


def test_newer_categories_of_order_360_point_54_in_russian(doc):
    ladder = _ladder(doc("360ru"), "att_1__chp_2__sec_6__para_54")
    assert [(r.skill_level, r.category, r.min_experience_years, r.prior_category) for r in ladder] == [
        ("high", "mentor", 3, "case_manager"), ("high", "case_manager", 3, "career_consultant"),
        ("high", "career_consultant", 3, "none"), ("high", "none", 0, None),
        ("average", "career_consultant", 3, "none"), ("average", "none", 0, None)]
    assert ladder[2].education_levels == ("post_secondary", "higher")


def test_one_sentence_requirement(doc):
    (rung,) = _ladder(doc("360en"), "att_1__chp_1__sec_1__para_3")
    assert (rung.skill_level, rung.category, rung.education_levels, rung.min_experience_years) == (
        None, None, ("higher",), 3)
    assert rung.education_fields == ("social", "economic", "legal", "pedagogical", "medical")


def test_positions_have_titles_in_every_language(store):
    rows = store.store.query(
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#> SELECT ?l WHERE { "
        "<https://zangraph.example/position/social-work-consultant> skos:prefLabel ?l } ORDER BY ?l",
        use_default_graph_as_union=True)
    labels = {(r["l"].language, r["l"].value) for r in rows}
    assert labels == {("en", "Social work consultant"), ("ru", "Консультант по социальной работе"),
                      ("kk", "әлеуметтік жұмыс жөніндегі консультант")}


def test_cards_link_to_profession_code_and_isco(store):
    rows = store.store.query(
        "PREFIX zg: <https://w3id.org/zangraph/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?code ?isco WHERE { <https://zangraph.example/position/specialist-in-social-work> "
        "zg:characterisedBy ?card ; skos:broader ?isco . ?card zg:professionCode ?code } ORDER BY ?code",
        use_default_graph_as_union=True)
    assert {(r["code"].value, r["isco"].value) for r in rows} == {
        ("2635-3-001", "http://data.europa.eu/esco/isco/C2635")}


def test_knowledge_is_linked_to_one_entity_per_act_across_languages(store):
    rows = store.store.query(
        "PREFIX zg: <https://w3id.org/zangraph/ontology#> SELECT (COUNT(DISTINCT ?k) AS ?n) "
        "(GROUP_CONCAT(DISTINCT LANG(?t)) AS ?langs) WHERE { ?k zg:aboutAct "
        "<https://zangraph.example/act/labour-code> ; <http://www.w3.org/1999/02/22-rdf-syntax-ns#value> ?t }",
        use_default_graph_as_union=True)
    (row,) = list(rows)
    assert int(row["n"].value) > 10 and set(row["langs"].value.split()) == {"en", "ru"}


def test_positions_only_a_professional_standard_has_come_from_its_cards(store):
    # No curated entry names these cards: each card of order 292 is a position of its own, keyed by its
    # English name, and two cards with one name (SQF levels 6 and 7 of the penitentiary social worker,
    # both coded 2634-4-001) are one position. The codes are those printed on the cards.
    rows = store.store.query(
        "PREFIX zg: <https://w3id.org/zangraph/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?position ?code ?isco WHERE { VALUES ?position { "
        "<https://zangraph.example/position/social-psychologist> "
        "<https://zangraph.example/position/social-worker-for-work-with-the-convicts-in-the-penitentiary-system> } "
        "?position zg:characterisedBy ?card ; skos:broader ?isco . ?card zg:professionCode ?code }",
        use_default_graph_as_union=True)
    found = {(r["position"].value, r["code"].value, r["isco"].value) for r in rows}
    position = "https://zangraph.example/position/"
    assert found == {
        (position + "social-psychologist", "2634-9-004", "http://data.europa.eu/esco/isco/C2634"),
        (position + "social-worker-for-work-with-the-convicts-in-the-penitentiary-system", "2634-4-001",
         "http://data.europa.eu/esco/isco/C2634")}
    cards = store.store.query(
        "PREFIX zg: <https://w3id.org/zangraph/ontology#> SELECT (COUNT(DISTINCT ?card) AS ?n) WHERE { "
        "<https://zangraph.example/position/social-worker-for-work-with-the-convicts-in-the-penitentiary-system> "
        "zg:characterisedBy ?card }", use_default_graph_as_union=True)
    assert next(iter(cards))["n"].value == "2"


def test_rows_of_a_register_of_positions_are_positions(store):
    # Order 42-3.3.12 is a register: four annexes, each a table of one institution's positions by link and
    # grade. "Главный бухгалтер" is row 3 of annex 2's table and row 5 of annex 4's (after the heading row,
    # the "Блок А" row, and "Руководитель", "Заместитель руководителя"): one position, two rows. Annex 4 is
    # "в редакции приказа ... от 09.02.2018 № 18-42-3.3.4": its rows are those of that wording.
    act = "https://zangraph.example/akn/kz/act/order/2016/42-3.3.12"
    rows = store.store.query(
        "PREFIX zg: <https://w3id.org/zangraph/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?part WHERE { ?position skos:prefLabel \"Главный бухгалтер\"@ru ; zg:characterisedBy ?part }",
        use_default_graph_as_union=True)
    assert {r["part"].value for r in rows} == {f"{act}/~att_2__table_1__row_3",
                                               f"{act}/~att_4!order-2018-18-42-3.3.4__table_1__row_5"}
    # Neither a table's heading row nor a row heading a group of rows names a position.
    labels = store.store.query(
        "PREFIX zg: <https://w3id.org/zangraph/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#> "
        "SELECT ?l WHERE { ?position a zg:Position ; skos:prefLabel ?l . "
        "FILTER(CONTAINS(?l, \"Наименовани\") || CONTAINS(?l, \"Блок\")) }", use_default_graph_as_union=True)
    assert list(labels) == []
