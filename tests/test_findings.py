"""The anomalies the sources contain, reported as findings and never fixed."""

from __future__ import annotations

from zangraph.align import align
from zangraph.model import FindingKind


def _by_kind(findings, kind):
    return [f for f in findings if f.kind is kind]


def test_repeated_point_number_in_both_texts_of_order_360(doc):
    for name, line in (("360en", 1208), ("360ru", 1203)):
        (finding,) = _by_kind(doc(name).findings, FindingKind.DUPLICATE_NUMBER)
        assert finding.places[0].eid == "att_1__chp_2__sec_2__para_42"
        assert finding.places[0].span.first_line == line
        assert finding.act == "/akn/kz/act/order/2017/360"


def test_point_number_out_of_order_in_the_english_text(doc):
    (finding,) = _by_kind(doc("360en").findings, FindingKind.NUMBER_OUT_OF_ORDER)
    assert finding.places[0].span.first_line == 1517
    assert finding.evidence == ("49. Official duties:",)
    assert not _by_kind(doc("360ru").findings, FindingKind.NUMBER_OUT_OF_ORDER)


def test_qualification_sentence_inside_duties(doc):
    (finding,) = [f for f in _by_kind(doc("360en").findings, FindingKind.MISPLACED_TEXT)]
    assert finding.places[0].eid == "att_1__chp_2__sec_1__para_37__indent_2"
    assert finding.evidence[0].startswith("higher (or postgraduate) (social, medical, pedagogical, economic, legal) "
                                          "education and work experience")


def test_card_anomalies_of_order_292(doc):
    (code,) = _by_kind(doc("292en").findings, FindingKind.MALFORMED_CODE)
    assert code.evidence == ("3412-008",)
    (glued,) = _by_kind(doc("292en").findings, FindingKind.MISPLACED_TEXT)
    assert glued.evidence[0].endswith("in the teamCompetence:")


def test_category_differs_between_english_and_kazakh_order_350_point_2(doc):
    result = align(doc("350en"), doc("350kk"))
    (finding,) = _by_kind(result.findings, FindingKind.TRANSLATION_DISCREPANCY)
    assert [p.eid for p in finding.places] == ["att_1__chp_2__para_2__indent_3"] * 2
    assert "professional of higher category for at least three years" in finding.evidence[0]
    assert "бірінші санаттағы" in finding.evidence[1]


def test_headings_that_differ_in_meaning_between_english_and_russian(doc):
    result = align(doc("360en"), doc("360ru"))
    differing = {f.places[0].eid: f.message for f in _by_kind(result.findings, FindingKind.HEADING_DIFFERS)}
    # The Russian text, newer, says "career centre" where the English says "employment center"; only the
    # heading of chapter 2 section 7 has a footnote (order 309) that revised it.
    assert set(differing) == {"att_1__chp_1__sec_3", "att_1__chp_1__sec_5", "att_1__chp_2__sec_6",
                              "att_1__chp_2__sec_7", "att_1__chp_3__sec_1"}
    assert "order 309 of 2025-10-06" in differing["att_1__chp_2__sec_7"]
    assert "no note explains it" in differing["att_1__chp_1__sec_3"]


def test_report_lists_every_finding_of_the_five_texts(corpus):
    from .conftest import FILES

    seeds = set(FILES.values())
    kinds = sorted(f.kind.value for f in corpus.findings if f.places[0].file in seeds)
    assert kinds == sorted(["duplicate_number", "duplicate_number", "number_out_of_order", "misplaced_text",
                            "misplaced_text", "malformed_code", "translation_discrepancy", "translation_discrepancy"]
                           + ["heading_differs"] * 5)


def test_mistranslated_verb_of_order_360_item_2(doc):
    # English "The following orders shall be approved:", Russian "Признать утратившими силу:" (declare invalid).
    result = align(doc("360en"), doc("360ru"))
    (finding,) = [f for f in _by_kind(result.findings, FindingKind.TRANSLATION_DISCREPANCY)]
    assert [p.eid for p in finding.places] == ["para_2", "para_2"]
    assert finding.evidence == ("The following orders shall be approved:", "Признать утратившими силу:")
