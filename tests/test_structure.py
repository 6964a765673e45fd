"""The structure of each text, with the expected values read off the sources by hand."""

from __future__ import annotations

import pytest

from zangraph.model.document import NodeKind, Role

from .conftest import SOURCES

pytestmark = pytest.mark.corpus

# Order 360's annex as both texts print it: chapter -> section -> its points (the printed numbers; the
# second "41" of chapter 2 section 2 and the English "49" of chapter 2 section 7 are misprints).
SECTIONS_360 = {
    "1": {"1": ["1", "2", "3"], "2": ["4", "5", "6"], "3": ["7", "8", "9"], "4": ["10", "11", "12"],
          "4-1": ["12-1", "12-2", "12-3"], "5": ["13", "14", "15"], "6": ["16", "17", "18"],
          "7": ["19", "20", "21"], "8": ["22", "23", "24"], "9": ["25", "26", "27"], "10": ["28", "29", "30"],
          "11": ["31", "32", "33"], "12": ["34", "35", "36"]},
    "2": {"1": ["37", "38", "39"], "2": ["40", "41", "41"], "3": ["43", "44", "45"], "4": ["46", "47", "48"],
          "5": ["49", "50", "51"], "6": ["52", "53", "54"], "7": ["55", "56", "57"], "8": ["58", "59", "60"],
          "9": ["61", "62", "63"], "10": ["64", "65", "66"]},
    "3": {"1": ["67", "68", "69"], "2": ["70", "71", "72"], "3": ["73", "74", "75"], "4": ["76", "77", "78"]},
}


def _annex(document):
    return next(p for p in document.parts if p.kind is NodeKind.ANNEX)


def _chapters(document):
    return [c for c in _annex(document).children if c.kind is NodeKind.CHAPTER]


@pytest.mark.parametrize("name", ["360en", "360ru"])
def test_order_360_has_three_chapters_and_27_sections_with_their_points(doc, name):
    chapters = _chapters(doc(name))
    assert [c.num for c in chapters] == ["1", "2", "3"]
    found = {c.num: {s.num: [p.num for p in s.children if p.kind is NodeKind.POINT] for s in c.children}
             for c in chapters}
    expected = {c: dict(s) for c, s in SECTIONS_360.items()}
    if name == "360en":
        expected["2"]["7"] = ["49", "56", "57"]  # the English text misprints 55 as 49
    assert found == expected
    assert sum(len(s) for s in found.values()) == 27


@pytest.mark.parametrize("name", ["360en", "360ru"])
def test_order_360_points_are_duties_knowledge_and_qualification_in_turn(doc, name):
    for chapter in _chapters(doc(name)):
        for section in chapter.children:
            roles = [p.role for p in section.children]
            assert roles == [Role.DUTIES, Role.KNOWLEDGE, Role.QUALIFICATION], section.eid


def test_order_360_misnumbered_points_get_their_sequence_eids(doc):
    en = doc("360en")
    second_41 = en.find("att_1__chp_2__sec_2__para_42")
    assert second_41.num == "41" and second_41.text.startswith("Requirements for the qualification")
    misprinted_55 = en.find("att_1__chp_2__sec_7__para_55")
    assert misprinted_55.num == "49" and misprinted_55.text == "Official duties:"


def test_order_360_section_headings_in_both_languages(doc):
    assert doc("360en").find("att_1__chp_2__sec_2").heading == "Social work consultant"
    assert doc("360ru").find("att_1__chp_2__sec_2").heading == "Консультант по социальной работе"
    assert doc("360en").find("att_1__chp_1__sec_4-1").heading == "Deputy director of the labour mobility centre"
    assert doc("360ru").find("att_1__chp_1__sec_4-1").heading == "Заместитель директора центра трудовой мобильности"
    # The line that runs the chapter heading into the first section heading is split between them.
    chapter = doc("360en").find("att_1__chp_2")
    assert chapter.heading.startswith("Standard qualification characteristics for the positions of specialists")
    assert chapter.children[0].heading == "Social worker for assessing and determining the need for special social services"
    assert chapter.span.first_line == chapter.children[0].span.first_line == 1083


@pytest.mark.parametrize("name", ["350en", "350kk"])
def test_order_350_has_five_positions(doc, name):
    chapters = _chapters(doc(name))
    assert [c.num for c in chapters] == ["1", "2"]
    positions = [p for p in chapters[1].children if p.role is Role.POSITION]
    assert [p.num for p in positions] == ["2", "3", "4", "5", "6"]
    listed = chapters[0].children[0]  # point 1 lists the five positions as sub-points
    assert [s.num for s in listed.children if s.kind is NodeKind.SUBPOINT] == ["1", "2", "3", "4", "5"]


def test_order_350_positions_titles(doc):
    en = [p.text for p in _chapters(doc("350en"))[1].children]
    assert en[1] == "Qualification requirements to a social work consultant:"
    kk = [p.text for p in _chapters(doc("350kk"))[1].children]
    assert kk[1] == "Әлеуметтік жұмыс жөніндегі консультанттың біліктілігіне қойылатын талаптар:"


def test_order_350_point_indents_are_counted_as_abzats(doc):
    # Point 3 of the English text: the intro (abzats 1), "high-skilled professional:" and four categories.
    point = doc("350en").find("att_1__chp_2__para_3")
    assert [c.eid.rsplit("__", 1)[1] for c in point.children] == [f"indent_{k}" for k in range(2, 7)]
    assert point.children[0].text == "high-skilled professional:"
    assert point.children[1].text.startswith("with higher category - higher (or postgraduate) education (social, "
                                              "pedagogical, medical) and work experience")
    # A sentence wrapped across a page break is one paragraph (lines 41-49).
    item = doc("350en").find("para_2__point_5")
    assert item.span.first_line == 41 and item.span.last_line == 49
    assert "with the Ministry of Justice of the Republic of Kazakhstan submit the data" in item.text


CARDS_292 = [
    ("1344-0-004", "7"), ("2635-3-001", "4 (4.1., 4.2., 4.3.)"), ("2635-3-001", "5 (5.1., 5.2., 5.3.)"),
    ("2635-3-001", "6 (6.1., 6.2., 6.3.)"), ("3412-008", "4 (4.1., 4.2., 4.3.)"),
    ("3412-0-008", "5 (5.1., 5.2., 5.3.)"), ("3412-0-009", "6 (6.1., 6.2., 6.3.)"), ("2635-9-001", "6"),
    ("2634-9-004", "6 (6.1., 6.2., 6.3.)"), ("2634-4-001", "6"), ("2634-4-001", "7"),
    ("2634-9-004", "6 (6.1., 6.2., 6.3.)"), ("2634-9-004", "6 (6.1., 6.2., 6.3.)"), ("2634-9-004", "7"),
]


def test_order_292_list_of_professions(doc):
    point9 = doc("292en").find("att_1__chp_3__para_9")
    assert point9.text == "List of professions:"
    items = [s for s in point9.children if s.kind is NodeKind.SUBPOINT]
    assert len(items) == 9
    assert items[4].text == "social work advisor (general profile) (Supervisor) - 6 Qualification level according to SQF;"


def test_order_292_every_card_with_its_code_and_level(doc):
    cards_annex = doc("292en").find("att_1__att_1")
    cards = [c for c in cards_annex.children if c.kind is NodeKind.SECTION]
    found = []
    for card in cards:
        fields = {f.role: f for f in card.children if f.kind is NodeKind.FIELD}
        found.append((fields[Role.CODE].text, fields[Role.SQF_LEVEL].text))
    assert found == CARDS_292
    assert cards[0].heading == '"Head of the structural unit (department, sector, group) of organization of social protection"'


def test_order_292_card_fields(doc):
    card = doc("292en").find("att_1__att_1__sec_1")
    roles = [f.role for f in card.children]
    assert roles == [Role.CODE, Role.NAME, Role.SQF_LEVEL, Role.OTHER_NAMES, Role.QD_LEVEL, Role.EDUCATION,
                     Role.LABOUR_FUNCTIONS, Role.LABOUR_FUNCTION, Role.LABOUR_FUNCTION, Role.LABOUR_FUNCTION,
                     Role.PERSONAL_COMPETENCIES, Role.RELATED_SQF, Role.RELATED_QD, Role.CONDITIONS]
    education = next(f for f in card.children if f.role is Role.EDUCATION)
    assert education.text == "Higher (or postgraduate) education"
    knowledge = doc("292en").find("att_1__att_1__sec_1__hcontainer_function_1__hcontainer_task_1__hcontainer_knowledge")
    assert len(knowledge.children) == 15
    assert knowledge.children[0].text == "1. Constitution of the Republic of Kazakhstan;"


def test_headers(doc):
    h = doc("350en").header
    assert (h.number, h.date.isoformat(), h.registration_number, h.registration_date.isoformat(), h.status) == (
        "350", "2018-08-14", "17383", "2018-09-18", "Invalidated")
    h = doc("350kk").header
    assert (h.number, h.date.isoformat(), h.registration_number, h.registration_date.isoformat(), h.status) == (
        "350", "2018-08-14", "17383", "2018-09-18", "Күшін жойған")
    for name in ("360en", "360ru"):
        h = doc(name).header
        assert (h.number, h.date.isoformat(), h.registration_number, h.registration_date.isoformat()) == (
            "360", "2017-10-25", "16057", "2017-12-06")
    h = doc("292en").header
    assert (h.number, h.date.isoformat(), h.registration_number, h.registration_date.isoformat()) == (
        "292", "2019-05-30", "18764", "2019-05-31")
    assert doc("360ru").header.issuer == "и.о. Министра труда и социальной защиты населения Республики Казахстан"


def test_preamble_and_its_legal_basis(doc):
    assert doc("350en").legal_basis == ("subparagraph 2) of Article 8 of the Law of the Republic of Kazakhstan of "
                                        "December 29, 2008 “On Special Social Services”")
    assert doc("360ru").legal_basis == "подпунктом 17) статьи 16 Трудового кодекса Республики Казахстан"
    assert doc("292en").legal_basis == "paragraph 2-1 of Article 117 of the Labor Code of the Republic of Kazakhstan"
    assert doc("350kk").legal_basis.startswith('"Арнаулы әлеуметтік қызметтер туралы" Қазақстан Республикасы Заңының')


def test_preamble_items_signatures_and_approvals(doc):
    en = doc("360en")
    kinds = [p.kind for p in en.parts]
    assert kinds == [NodeKind.PREAMBLE] + [NodeKind.POINT] * 5 + [NodeKind.CONCLUSIONS, NodeKind.APPROVAL,
                                                                   NodeKind.ANNEX]
    assert en.find("preamble").text.startswith("In compliance with sub-paragraph 17) of Article 16 of the Labor Code")
    assert en.find("conclusions").text == ("Acting Minister of Labour and Social Protection of the Population of "
                                           "the Republic of Kazakhstan S. Zhakupova")
    kk = doc("350kk")
    assert [p.eid for p in kk.parts if p.kind is NodeKind.APPROVAL] == ["approval_1", "approval_2"]
    assert kk.find("att_1").heading == "Әлеуметтік жұмыскерлерге қойылатын біліктілік талаптар"
    assert kk.find("att_1__preface").text.endswith("№ 350 бұйрығына қосымша")


def test_spans_point_into_the_file(doc, corpus):
    for document in corpus.documents:
        text = (SOURCES / document.source.file).read_text(encoding="utf-8")
        for node in document.walk():
            span = node.span
            assert span.sha256 == document.source.sha256
            assert text.count("\n", 0, span.start) + 1 == span.first_line, node.eid
            assert span.start < span.end <= len(text)
    point = doc("360ru").find("att_1__chp_2__sec_6__para_54")
    raw = (SOURCES / point.span.file).read_text(encoding="utf-8")[point.span.start:point.span.end]
    assert raw.startswith("54. Требования к квалификации:")
