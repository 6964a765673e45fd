"""The anomalies the sources contain, reported as findings and never fixed."""

from __future__ import annotations

import pytest

from zangraph.model.document import FindingKind
from zangraph.parse.align import align

pytestmark = pytest.mark.corpus


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
    kinds = sorted(f.kind.value for f in corpus.findings if {p.file for p in f.places} <= seeds)
    # The lists and cards are read when the texts are parsed: order 360's duties and knowledge printed over two
    # paragraphs (2 in English, 5 in Russian) and order 292's card 11 quoting a career adviser's ladder are
    # findings of the texts, as the numbering and the alignment findings are.
    assert kinds == sorted(["duplicate_number", "duplicate_number", "number_out_of_order", "misplaced_text",
                            "misplaced_text", "malformed_code", "translation_discrepancy", "translation_discrepancy"]
                           + ["heading_differs"] * 5 + ["split_item"] * 7 + ["quoted_ladder"])


def test_mistranslated_verb_of_order_360_item_2(doc):
    # English "The following orders shall be approved:", Russian "Признать утратившими силу:" (declare invalid).
    result = align(doc("360en"), doc("360ru"))
    (finding,) = [f for f in _by_kind(result.findings, FindingKind.TRANSLATION_DISCREPANCY)]
    assert [p.eid for p in finding.places] == ["para_2", "para_2"]
    assert finding.evidence == ("The following orders shall be approved:", "Признать утратившими силу:")


def test_item_5_of_order_360_in_the_official_versions(corpus):
    """Item 5 gives two sections their own date. The Russian text of 02.04.2020 names "параграфа 6 главы 3,
    параграфа 1 главы 4" (the annex has three chapters, and chapter 3 four sections); the Kazakh text of the
    same date "2-тарауының 6-параграфын, 3-тарауының 1-параграфын"."""
    ru, kk = corpus.by_file("116614_rus_2020-04-02.md"), corpus.by_file("116614_kaz_2020-04-02.md")
    unresolved = _by_kind(ru.findings, FindingKind.UNRESOLVED_TARGET)
    assert [f.message for f in unresolved] == [
        "the entry-into-force item names 'параграфа 6 главы 3', which is not in the text",
        "the entry-into-force item names 'параграфа 1 главы 4 Типовых квалификационных характеристик', which is not "
        "in the text"]
    assert [t.eid for e in kk.entry_into_force.exceptions for t in e.targets] == ["att_1__chp_2__sec_6",
                                                                                 "att_1__chp_3__sec_1"]
    (finding,) = [f for f in _by_kind(align(ru, kk).findings, FindingKind.TRANSLATION_DISCREPANCY)
                  if f.places[0].eid == "para_5"]
    assert "'параграфа 6 главы 3; параграфа 1 главы 4" in finding.message
    assert "'Үлгілік біліктілік сипаттамаларының 2-тарауының 6-параграфын; 3-тарауының 1-параграфын' in kk" in \
        finding.message


def test_a_division_numbered_among_chapters(corpus):
    # The Kazakh texts of order 360 head the annex's third chapter "3-бөлім" (division) after "1-тарау" and
    # "2-тарау"; the Russian text says "Глава 3".
    for name, line in (("116614_kaz_2020-04-02.md", 1770), ("116614_kaz_2025-10-06.md", 1979)):
        doc = corpus.by_file(name)
        (finding,) = _by_kind(doc.findings, FindingKind.UNIT_DIFFERS)
        assert (finding.places[0].eid, finding.places[0].span.first_line) == ("att_1__chp_3", line)
        assert doc.find("att_1__chp_3").label == "3-бөлім."


def test_older_and_newer_wordings_of_the_annex_are_not_compared(corpus):
    # The Russian text of 2020 gives the annex as worded before order 220, the Kazakh text of 2025 as worded
    # after it: none of the annex's parts is missing from the other; the order's own items are compared.
    result = align(corpus.by_file("116614_rus_2020-04-02.md"), corpus.by_file("116614_kaz_2025-10-06.md"))
    assert result.only_left == () and result.only_right == ()
    assert "para_5" in result.matched and not [e for e in result.matched if e.startswith("att_1__chp")]
