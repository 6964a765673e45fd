"""Structured requirements read from each language's text, and positions across acts."""

from __future__ import annotations

import pytest
from rdflib import Graph
from rdflib.namespace import RDF

from zangraph.model.document import LIST_ROLES, REQUIREMENT_ROLES, FindingKind, NodeKind
from zangraph.model.requirements import Category, EducationLevel, SkillLevel
from zangraph.model.vocabulary import CATEGORIES, EDUCATION_LEVELS, SKILL_LEVELS, ZG
from zangraph.parse.requirements import rungs
from zangraph.resources import ONTOLOGY

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


def test_a_requirements_point_carries_its_ladder_in_the_document_model(doc):
    point = doc("350en").find("att_1__chp_2__para_5")
    assert point.rungs == _ladder(doc("350en"), "att_1__chp_2__para_5") and len(point.rungs) == 8
    paragraphs = [point, *point.children]
    assert [paragraphs[r.paragraph].text.strip() for r in point.rungs] == [r.text for r in point.rungs]
    assert point.rungs[0].education_levels == (EducationLevel.HIGHER,)
    assert point.rungs[4].skill_level is SkillLevel.AVERAGE and point.rungs[4].category is Category.HIGHEST


def test_a_point_whose_paragraphs_are_a_ladder_has_it_read_though_its_opening_words_are_not_known(corpus):
    # Order 360 in Russian (2020), chapter 3 section 4 point 69: "Требования к квалификации." ends with a full
    # stop where the other points have a colon, so no role is given; its paragraphs are a ladder all the same,
    # and the Kazakh text of the same version, a point of requirements, is compared with it rung by rung.
    point = corpus.by_file("116614_rus_2020-04-02.md").find("att_1__chp_3__sec_4__para_69")
    assert point.role is None and point.text == "Требования к квалификации."
    assert [(r.skill_level, r.category, r.min_experience_years, r.paragraph) for r in point.rungs] == [
        ("high", "highest", 2, 2), ("high", "first", 1, 3), ("high", "second", 1, 4), ("high", "none", 0, 5),
        ("average", "highest", 2, 7), ("average", "first", 1, 8), ("average", "second", 1, 9),
        ("average", "none", 0, 10)]


def test_only_the_parts_that_state_requirements_or_lists_have_them(corpus):
    for document in corpus.documents:
        for node in document.walk():
            if node.rungs:
                assert node.role in REQUIREMENT_ROLES or (node.role is None and node.kind is NodeKind.POINT), \
                    node.eid
            if node.items:
                assert node.role in LIST_ROLES, node.eid
            if node.role in LIST_ROLES:
                assert len(node.items) <= len(node.children) and not node.rungs, node.eid


def test_a_duty_broken_over_two_paragraphs_is_one_item_of_the_list(doc):
    # Seed 004, lines 1145 and 1147: "…нуждающихся лиц и их" / "семьям, защищает их права …" is one duty; line
    # 1143 lacks its semicolon, but 1145 starts a duty of its own. The structure keeps the three paragraphs.
    russian = doc("360ru")
    point = russian.find("att_1__chp_2__sec_2__para_40")
    assert len(point.children) == 19 and len(point.items) == 18
    (joined,) = [i for i in point.items if "нуждающихся лиц и их семьям, защищает их права" in i.text]
    assert (joined.span.first_line, joined.span.last_line) == (1145, 1147)
    split = {f.places[0].span.first_line: f.message for f in russian.findings if f.kind is FindingKind.SPLIT_ITEM}
    assert set(split) == {580, 706, 1145, 1147, 2073}
    assert split[1147].endswith("the paragraph before (line 1145) ends on a word no clause ends on: read as one "
                                "item with it")
    assert "read as two items, which a reader should confirm" in split[1145]


def test_a_card_quoting_another_positions_ladder_is_a_finding_of_its_text(doc, corpus):
    (english,) = [f for f in doc("292en").findings if f.kind is FindingKind.QUOTED_LADDER]
    assert english.message == ("card 11 (Social worker for work with the convicts in the penitentiary system) "
                               "gives the qualification ladder of 'Career advisor'")
    assert english.places[0].eid == "att_1__att_1__sec_11__hcontainer_qd_level__indent_1"
    # In Kazakh the ladder is a "Кәсіби консультант"'s and the card's other name a "консультанты": not reported.
    kazakh = corpus.by_file("131993_kaz_2023-01-13.md")
    assert kazakh.find("att_1__att_1__sec_11__hcontainer_qd_level__indent_1").text.startswith("Кәсіби консультант:")
    assert not [f for f in kazakh.findings if f.kind is FindingKind.QUOTED_LADDER]


def test_every_code_of_the_requirements_is_a_concept_of_the_ontology():
    ontology = Graph().parse(ONTOLOGY)
    for table, codes, concept in ((SKILL_LEVELS, SkillLevel, ZG.SkillLevel), (CATEGORIES, Category, ZG.Category),
                                  (EDUCATION_LEVELS, EducationLevel, ZG.EducationLevel)):
        assert set(table) == set(codes)
        for term in table.values():
            assert (term, RDF.type, concept) in ontology, term
    assert EDUCATION_LEVELS[EducationLevel.HIGHER] == ZG.higher_education


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
