"""The development corpus: real consolidated texts of nine other acts, read off the texts by hand.

Each note with its target, and for each acting act its change, type, number, date, issuer and rule; each act's
own entry into force; the structure the reader must find; the three snapshots of one act and the versions each
gives.
"""

from __future__ import annotations

from datetime import date

import pytest

from zangraph.model.document import ChangeKind, DocumentKind, FindingKind, NodeKind, NoteKind, RuleKind, TargetKind
from zangraph.timeline.assemble import ESTIMATED, EXACT, assemble

pytestmark = pytest.mark.corpus

NEW, CHG, ABOL = ChangeKind.NEW_WORDING, ChangeKind.CHANGED, ChangeKind.ABOLISHED
F, MD = NoteKind.FOOTNOTE, NoteKind.METADATA
MTSZN = "Министра труда и социальной защиты населения РК"
IO_MTSZN = "и.о. Министра труда и социальной защиты населения РК"
KK_MTSZN = "ҚР Еңбек және халықты әлеуметтік қорғау министрінің"


def ten():
    return (RuleKind.AFTER_PUBLICATION, 10)


def on(y: int, m: int, d: int):
    return (RuleKind.FIXED_DATE, date(y, m, d))


PUBLICATION = (RuleKind.ON_PUBLICATION, None)

# (line, kind, target kind, target eId, [(change, type, number, date, issuer, rule)]); a metadata note's line is in
# the act's meta.yaml: where its requisites say it was repealed, and where caused_by names the act whose
# amendment made the version the metadata describes (evidence of that act's events; no rule stated there).
NOTES = {
    "108164_rus.md": [
        (255, F, TargetKind.ANNEX, "att_3",
         [(NEW, "order", "18-42-3.3.4", date(2018, 2, 9), "Начальника Канцелярии Президента РК", ten())]),
        (343, F, TargetKind.ANNEX, "att_4",
         [(NEW, "order", "18-42-3.3.4", date(2018, 2, 9), "Начальника Канцелярии Президента РК", ten())]),
        (2, MD, TargetKind.ACT, None,
         [(ABOL, "order", "19-42-3.3.17", date(2019, 10, 7), "Начальника Канцелярии Президента Республики Казахстан",
           ten())]),
        (20, MD, TargetKind.ACT, None, [(CHG, "order", "18-42-3.3.4", date(2018, 2, 9), "Начальника Канцелярии Президента Республики Казахстан", None)]),
    ],
    "114873_rus_v2017.md": [
        (2, MD, TargetKind.ACT, None, [(ABOL, "order", "160", date(2023, 5, 19),
                                        "Министра труда и социальной защиты населения Республики Казахстан",
                                        on(2023, 7, 1))]),
        (20, MD, TargetKind.ACT, None, [(CHG, "order", "523", date(2019, 9, 27), "Министра труда и социальной защиты населения Республики Казахстан", None)]),
    ],
    "114873_kaz_v2017.md": [  # the original Kazakh text: no note of its own; its metadata's two
        (2, MD, TargetKind.ACT, None, [(ABOL, "order", "160", date(2023, 5, 19),
                                        "Министра труда и социальной защиты населения Республики Казахстан",
                                        on(2023, 7, 1))]),
        (20, MD, TargetKind.ACT, None, [(CHG, "order", "523", date(2019, 9, 27), "Министра труда и социальной защиты населения Республики Казахстан", None)]),
    ],
    "114873_rus_v2018.md": [
        (11, F, TargetKind.ITEM, "para_1", [(CHG, "order", "129", date(2018, 5, 11), IO_MTSZN, on(2018, 7, 1))]),
        (2, MD, TargetKind.ACT, None, [(ABOL, "order", "160", date(2023, 5, 19),
                                        "Министра труда и социальной защиты населения Республики Казахстан",
                                        on(2023, 7, 1))]),
        (20, MD, TargetKind.ACT, None, [(CHG, "order", "523", date(2019, 9, 27), "Министра труда и социальной защиты населения Республики Казахстан", None)]),
    ],
    "114873_rus_v2019.md": [
        (13, F, TargetKind.ITEM, "para_1", [(NEW, "order", "523", date(2019, 9, 27), MTSZN, on(2019, 10, 1))]),
        (27, F, TargetKind.ITEM, "para_2", [(CHG, "order", "135", date(2019, 3, 20), MTSZN, on(2019, 4, 1))]),
        (2, MD, TargetKind.ACT, None, [(ABOL, "order", "160", date(2023, 5, 19),
                                        "Министра труда и социальной защиты населения Республики Казахстан",
                                        on(2023, 7, 1))]),
        (20, MD, TargetKind.ACT, None, [(CHG, "order", "523", date(2019, 9, 27), "Министра труда и социальной защиты населения Республики Казахстан", None)]),
    ],
    "114873_kaz_v2019.md": [
        (13, F, TargetKind.ITEM, "para_1", [(NEW, "order", "523", date(2019, 9, 27), KK_MTSZN, on(2019, 10, 1))]),
        (27, F, TargetKind.ITEM, "para_2", [(CHG, "order", "135", date(2019, 3, 20), KK_MTSZN, on(2019, 4, 1))]),
        (2, MD, TargetKind.ACT, None, [(ABOL, "order", "160", date(2023, 5, 19),
                                        "Министра труда и социальной защиты населения Республики Казахстан",
                                        on(2023, 7, 1))]),
        (20, MD, TargetKind.ACT, None, [(CHG, "order", "523", date(2019, 9, 27), "Министра труда и социальной защиты населения Республики Казахстан", None)]),
    ],
    # The Russian note is broken over two paragraphs, lines 51 and 53, and states no rule; the Kazakh one says new
    # wording where the Russian says changed.
    "12388_rus.md": [
        (51, F, TargetKind.POINT, "att_1__para_2",
         [(CHG, "order", "503", date(2002, 10, 17), "Министра финансов Республики Казахстан", None)]),
        (2, MD, TargetKind.ACT, None, [(ABOL, "order", "273", date(2006, 7, 26),
                                        "Министра финансов Республики Казахстан", None)]),
        (21, MD, TargetKind.ACT, None, [(CHG, "order", "503", date(2002, 10, 17), "Министра финансов Республики Казахстан", None)]),
    ],
    "12388_kaz.md": [
        (47, F, TargetKind.POINT, "att_1__para_2",
         [(NEW, "order", "503", date(2002, 10, 17), "ҚР Қаржы министрінің", None)]),
        (2, MD, TargetKind.ACT, None, [(ABOL, "order", "273", date(2006, 7, 26),
                                        "Министра финансов Республики Казахстан", None)]),
        (21, MD, TargetKind.ACT, None, [(CHG, "order", "503", date(2002, 10, 17), "Министра финансов Республики Казахстан", None)]),
    ],
    # Abolished twelve months after a Code enters into force: a condition the corpus does not date.
    "16398_rus.md": [
        (3, F, TargetKind.ACT, None,
         [(ABOL, "order", "692/1", date(2009, 11, 11), "и.о. Министра здравоохранения РК", (RuleKind.CONDITIONAL, None))]),
        (2, MD, TargetKind.ACT, None, [(ABOL, "order", "692/1", date(2009, 11, 11),
                                        "и.о. Министра здравоохранения Республики Казахстан", None)]),
        (20, MD, TargetKind.ACT, None, [(CHG, "order", "692/1", date(2009, 11, 11), "и.о. Министра здравоохранения Республики Казахстан", None)]),
    ],
    "181792_rus.md": [
        (3, F, TargetKind.ITEM, "para_5", []),  # restates the act's entry into force, see item 5
        (15, F, TargetKind.ITEM, "para_1", [(NEW, "order", "473", date(2024, 12, 20), MTSZN, ten())]),
    ],
    "181792_kaz.md": [
        (3, F, TargetKind.ITEM, "para_5", []),
        (15, F, TargetKind.ITEM, "para_1", [(NEW, "order", "473", date(2024, 12, 20), KK_MTSZN, ten())]),
    ],
    # One note, four acting acts with their own kinds and rules; "Перечень" is the annex by its title.
    "183402_rus.md": [
        (132, F, TargetKind.ANNEX, "att_1",
         [(NEW, "order", "480", date(2023, 11, 17), IO_MTSZN, PUBLICATION),
          (NEW, "order", "189", date(2024, 6, 11), MTSZN, PUBLICATION),
          (CHG, "order", "16", date(2025, 1, 20), MTSZN, ten()),
          (NEW, "order", "232", date(2025, 7, 30), IO_MTSZN, ten())]),
        (21, MD, TargetKind.ACT, None, [(CHG, "order", "232", date(2025, 7, 30), "и.о. Министра труда и социальной защиты населения Республики Казахстан", None)]),
    ],
    # "Приложение 1" and "Приложение 2" are the annexes of the Rules, not annexes of the order.
    "185251_rus.md": [
        (3, F, TargetKind.ITEM, "para_4", []),
        (67, F, TargetKind.ANNEX, "att_1__att_1", [(NEW, "order", "22", date(2025, 1, 27), MTSZN, ten())]),
        (119, F, TargetKind.ANNEX, "att_1__att_2", [(NEW, "order", "22", date(2025, 1, 27), MTSZN, ten())]),
        (21, MD, TargetKind.ACT, None, [(CHG, "order", "22", date(2025, 1, 27), "Министра труда и социальной защиты населения Республики Казахстан", None)]),
    ],
    # Notes indented under sub-points; no rule stated; a date written in words ("30 марта 2005 года").
    "19139_rus.md": [
        (97, F, TargetKind.POINT, "att_1__chp_1__para_12",
         [(CHG, "order", "157", date(2005, 3, 30), "Министра здравоохранения РК", None)]),
        (117, F, TargetKind.POINT, "att_1__chp_2__para_15",
         [(NEW, "order", "157", date(2005, 3, 30), "Министра здравоохранения РК", None)]),
        (125, F, TargetKind.POINT, "att_1__chp_2__para_16",
         [(NEW, "order", "157", date(2005, 3, 30), "Министра здравоохранения РК", None)]),
        (285, F, TargetKind.ANNEX, "att_1__att_2",
         [(CHG, "order", "157", date(2005, 3, 30), "Министра здравоохранения РК", None)]),
        (2, MD, TargetKind.ACT, None, [(ABOL, "order", "151", date(2007, 3, 2),
                                        "Министра здравоохранения Республики Казахстан", None)]),
        (21, MD, TargetKind.ACT, None, [(CHG, "order", "157", date(2005, 3, 30), "Министра здравоохранения Республики Казахстан", None)]),
    ],
    # Changes of the Kazakh text only, recorded in the Russian one; "Пункт 5" is point 5 of the Rules.
    "197693_rus.md": [
        (3, F, TargetKind.ITEM, "para_4", []),
        (85, F, TargetKind.POINT, "att_1__chp_2__para_5", [(CHG, "order", "179", date(2026, 5, 12), MTSZN, ten())]),
        (164, F, TargetKind.ANNEX, "att_1__att_1", [(CHG, "order", "179", date(2026, 5, 12), MTSZN, ten())]),
        (21, MD, TargetKind.ACT, None, [(CHG, "order", "179", date(2026, 5, 12), "Министра труда и социальной защиты населения Республики Казахстан", None)]),
    ],
}


def _effect(effect):
    rule = None
    if effect.rule is not None:
        value = effect.rule.days if effect.rule.kind is RuleKind.AFTER_PUBLICATION else effect.rule.date
        rule = (effect.rule.kind, value)
    return (effect.change, effect.act.type, effect.act.number, effect.act.date, effect.act.issuer, rule)


@pytest.mark.parametrize("file", sorted(NOTES))
def test_every_note_of_the_development_corpus(corpus, file):
    doc = corpus.by_file(file)
    found = [(n.span.first_line, n.kind, n.target.kind, n.target.eid, [_effect(e) for e in n.effects])
             for n in doc.notes]
    assert found == NOTES[file]
    assert all(n.understood for n in doc.notes)


def test_every_text_of_the_development_corpus_is_placed_and_read(corpus):
    dev = [d for d in corpus.documents if d.source.file in NOTES]
    assert len(dev) == 15
    assert not [u for u in corpus.unplaced if u.file.endswith(".md")]
    unread = [f for d in dev for f in d.findings
              if f.kind in (FindingKind.UNREADABLE_NOTE, FindingKind.UNRECOGNISED_STRUCTURE, FindingKind.UNRESOLVED_TARGET,
                            FindingKind.HEADER_MISMATCH)]
    assert unread == []


# (the item that states it, its rule) for each act; read off its final item.
ENTRY_INTO_FORCE = {
    "108164_rus.md": ("para_5", on(2017, 1, 1)),
    "114873_rus_v2017.md": ("para_4", on(2017, 10, 1)),
    "114873_kaz_v2019.md": ("para_4", on(2017, 10, 1)),
    "12388_rus.md": ("para_4", (RuleKind.ON_REGISTRATION, None)),
    "12388_kaz.md": ("para_4", (RuleKind.ON_REGISTRATION, None)),
    "16398_rus.md": ("para_3", (RuleKind.ON_REGISTRATION, None)),
    "181792_rus.md": ("para_5", on(2023, 7, 1)),
    "181792_kaz.md": ("para_5", on(2023, 7, 1)),
    "183402_rus.md": ("para_4", ten()),
    "185251_rus.md": ("para_4", on(2023, 9, 4)),
    "19139_rus.md": ("para_5", (RuleKind.ON_REGISTRATION, None)),
    "197693_rus.md": ("para_4", on(2025, 1, 1)),
}


@pytest.mark.parametrize("file", sorted(ENTRY_INTO_FORCE))
def test_each_acts_own_entry_into_force(corpus, file):
    eif = corpus.by_file(file).entry_into_force
    rule = (eif.rule.kind, eif.rule.days if eif.rule.kind is RuleKind.AFTER_PUBLICATION else eif.rule.date)
    assert (eif.item, rule) == ENTRY_INTO_FORCE[file]
    assert eif.exceptions == ()


def test_notes_restating_the_entry_into_force_agree_with_the_item(corpus):
    for file, when in (("181792_rus.md", date(2023, 7, 1)), ("181792_kaz.md", date(2023, 7, 1)),
                       ("185251_rus.md", date(2023, 9, 4)), ("197693_rus.md", date(2025, 1, 1))):
        (note,) = [n for n in corpus.by_file(file).notes if n.entry_into_force]
        assert note.entry_into_force.date == when == corpus.by_file(file).entry_into_force.rule.date


# (act type, number, date, registration number, registration date): none of these texts prints a header; the
# metadata's requisites give it.
HEADERS = {
    "108164_rus.md": ("order", "42-3.3.12", date(2016, 12, 7), "14503", date(2016, 12, 12)),
    "114873_kaz_v2017.md": ("order", "290", date(2017, 8, 31), "15766", date(2017, 9, 27)),
    "12388_kaz.md": ("order", "248", date(2002, 5, 30), "1876", date(2002, 6, 12)),
    "16398_rus.md": ("order", "536", date(2003, 7, 16), "2416", date(2003, 7, 30)),
    "181792_rus.md": ("order", "160", date(2023, 5, 19), "32547", date(2023, 5, 22)),
    "183402_rus.md": ("order", "258", date(2023, 6, 29), "32924", date(2023, 6, 29)),
    "185251_rus.md": ("order", "348", date(2023, 8, 18), "33317", date(2023, 8, 22)),
    "19139_rus.md": ("order", "190", date(2004, 2, 25), "2763", date(2004, 3, 23)),
    "197693_rus.md": ("order", "194", date(2024, 6, 14), "34501", date(2024, 6, 15)),
}


@pytest.mark.parametrize("file", sorted(HEADERS))
def test_headers_come_from_the_metadata(corpus, file):
    h = corpus.by_file(file).header
    assert (h.act_type, h.number, h.date, h.registration_number, h.registration_date) == HEADERS[file]
    assert h.origin.endswith(".meta.yaml") and h.language == "ru"


def _annexes(doc, parent=None):
    return [n.eid for n in doc.walk() if n.kind is NodeKind.ANNEX]


def test_annexes_of_the_order_and_annexes_of_its_rules(corpus):
    # Four annexes of the order, each a register table.
    register = corpus.by_file("108164_rus.md")
    assert _annexes(register) == ["att_1", "att_2", "att_3", "att_4"]
    assert register.kind is DocumentKind.POSITION_REGISTER
    # The Rules (annex of the order) have three annexes of their own: requirements, a form, a list.
    rules = corpus.by_file("185251_rus.md")
    assert _annexes(rules) == ["att_1", "att_1__att_1", "att_1__att_2", "att_1__att_3"]
    assert [n.kind for n in rules.find("att_1__att_2").children] == [NodeKind.PREFACE, NodeKind.BLOCK, NodeKind.TABLE]
    # A table cell that reads "Глава 1." is a cell, not a chapter.
    assert [n.num for n in rules.walk() if n.kind is NodeKind.CHAPTER] == ["1", "2"]
    assert rules.find("att_1__att_2__table_1__row_1").text == "Глава 1. «Общие положения»"


def test_points_numbered_through_the_rules_and_their_sub_points(corpus):
    doc = corpus.by_file("19139_rus.md")
    chapters = [n for n in doc.find("att_1").children if n.kind is NodeKind.CHAPTER]
    assert [(c.num, c.heading) for c in chapters][:2] == [("1", "Общие положения"),
                                                         ("2", "Специализированные квалификационные комиссии")]
    points = [p.num for c in chapters for p in c.children if p.kind is NodeKind.POINT]
    assert points == [str(n) for n in range(1, 43)]
    assert [s.text for s in doc.find("att_1__chp_1__para_7").children] == [
        "третья категория;", "вторая категория;", "первая категория;", "высшая категория."]


def test_numbering_anomaly_of_the_rules_is_a_finding_and_kept(corpus):
    doc = corpus.by_file("185251_rus.md")
    kinds = [(f.kind, f.places[0].eid) for f in doc.findings]
    assert kinds == [(FindingKind.NUMBER_GAP, "att_1__chp_1__para_3"), (FindingKind.DUPLICATE_NUMBER,
                                                                          "att_1__chp_2__para_3")]
    # A list of sub-points that starts again belongs to the paragraph introducing it.
    intro = doc.find("att_1__att_1__indent_12")
    assert intro.text == "Практический этап экзамена предусматривает:"
    assert [c.num for c in intro.children] == ["1", "2", "3", "4", "5"]


def test_a_paragraph_broken_in_two_is_joined_and_a_dash_list_is_kept(corpus):
    point = corpus.by_file("12388_rus.md").find("att_1__para_2")
    assert point.text == ("Кандидаты в аудиторы должны подтвердить свой квалификационный уровень посредством сдачи "
                          "экзаменов в следующих областях знаний:")
    assert [c.text for c in point.children][-1] == "- аудита. <*>"  # the publisher's reference mark is kept


def test_tables_with_spanned_cells(corpus):
    table = corpus.by_file("108164_rus.md").find("att_1__table_1")
    rows = [r for r in table.children if r.kind is NodeKind.ROW]
    assert rows[0].label == "header" and rows[0].cells == ("Звено", "Ступень", "Наименование должностей")
    assert rows[1].cells == ("Блок А (управленческий персонал)",) * 3  # one cell spanning three columns
    # "А2" spans two rows: the second row repeats it.
    assert rows[2].cells == ("А2", "1", "Руководитель хозяйственной службы")
    assert rows[3].cells == ("А2", "1-1", "Заместитель руководителя хозяйственной службы")


def test_latin_letters_inside_kazakh_words_do_not_break_reading(corpus):
    doc = corpus.by_file("12388_kaz.md")
    caption = doc.find("att_1__preface")
    assert "бекiтiлген" in caption.text  # kept as published, with its Latin i
    assert doc.find("att_1").heading.startswith("Аудиторлыққа кандидаттарды")


def test_the_three_snapshots_of_one_act_give_their_own_versions(corpus):
    docs = [d for d in corpus.documents if d.source.act == "/akn/kz/act/order/2017/290"]
    t = assemble(docs)

    def steps(eid):
        return [(v.key, v.start.date, v.end.date if v.end else None,
                 {lang: [w.file for w in ws] for lang, ws in v.witnesses.items()}) for v in t.versions[eid]]

    # Point 1: the original (2017), changed by order 129 from 01.07.2018, restated by order 523 from
    # 01.10.2019; the act repealed by order 160 from 01.07.2023 (its metadata says so).
    assert steps("para_1") == [
        ("original", date(2017, 10, 1), date(2018, 7, 1), {"ru": ["114873_rus_v2017.md"], "kk": ["114873_kaz_v2017.md"]}),
        ("order-2018-129", date(2018, 7, 1), date(2019, 10, 1), {"ru": ["114873_rus_v2018.md"]}),
        ("order-2019-523", date(2019, 10, 1), date(2023, 7, 1),
         {"ru": ["114873_rus_v2019.md"], "kk": ["114873_kaz_v2019.md"]}),
    ]
    # The 2018 text, older than order 135 of 2019, gives the original point 2, as the 2017 text does.
    assert steps("para_2")[0][3] == {"ru": ["114873_rus_v2017.md", "114873_rus_v2018.md"], "kk": ["114873_kaz_v2017.md"]}
    assert steps("para_2")[1][:2] == ("order-2019-135", date(2019, 4, 1))
    # Order 523 restated point 1 as a whole: its sub-points in the new wording are new parts. Sub-point 1 was
    # "с 1 октября 2017 года – в размере 40 процентов" and is "с 1 января 2018 года – в размере 50 процентов".
    assert steps("para_1__point_1") == [
        ("original", date(2017, 10, 1), date(2018, 7, 1), {"ru": ["114873_rus_v2017.md"], "kk": ["114873_kaz_v2017.md"]}),
        ("order-2018-129", date(2018, 7, 1), date(2019, 10, 1), {"ru": ["114873_rus_v2018.md"]}),
    ]
    assert t.versions["para_1__point_1"][0].texts["ru"].text.startswith("с 1 октября 2017 года – в размере 40 процентов")
    new = "para_1!order-2019-523__point_1"
    assert steps(new) == [("order-2019-523", date(2019, 10, 1), date(2023, 7, 1),
                           {"ru": ["114873_rus_v2019.md"], "kk": ["114873_kaz_v2019.md"]})]
    assert t.versions[new][0].texts["ru"].text.startswith("с 1 января 2018 года – в размере 50")
    # Sub-point 3 is in the 2019 texts only: it exists from the new wording on.
    assert steps("para_1!order-2019-523__point_3")[0][:3] == ("order-2019-523", date(2019, 10, 1), date(2023, 7, 1))
    assert "para_1__point_3" not in t.versions
    assert t.findings == ()  # where the snapshots give one version, they give it in the same words


def test_a_change_of_the_kazakh_text_only_leaves_the_russian_text_to_both_versions(corpus):
    docs = [d for d in corpus.documents if d.source.act == "/akn/kz/act/order/2024/194"]
    t = assemble(docs)
    first, second = t.versions["att_1__chp_2__para_5"]
    assert (first.key, second.key) == ("original", "order-2026-179")
    assert first.texts["ru"] is second.texts["ru"]
    assert second.event.languages == ("kk",)
    # order 179 of 12.05.2026, ten days after publication; registered 13.05.2026 by the requisites of the act
    # that caused the version (the metadata's caused_by): 24.05.2026 at the earliest
    assert (second.start.date, second.start.certainty) == (date(2026, 5, 24), ESTIMATED)


def test_entry_into_force_from_registration_is_exact(corpus):
    docs = [d for d in corpus.documents if d.source.act == "/akn/kz/act/order/2004/190"]
    t = assemble(docs)
    assert (t.entry_into_force.date, t.entry_into_force.certainty) == (date(2004, 3, 23), EXACT)
    # repealed by order 151 of 02.03.2007: its rule is not stated, so its earliest day is its own date
    assert (t.abolition.effective.date, t.abolition.effective.certainty) == (date(2007, 3, 2), ESTIMATED)


def test_translation_discrepancies_of_the_development_corpus(corpus):
    messages = sorted(f.message for a in corpus.alignments for f in a.findings
                      if f.places[0].file in ("12388_rus.md", "181792_rus.md"))
    assert messages == [
        "att_1__para_3: No 135 cited in ru, No 195 in kk",
        "the notes on att_1__para_2 say order No 503 of 2002-10-17 made a changed change in ru and a new_wording "
        "change in kk",
    ]


def test_two_snapshots_giving_one_version_in_other_words_is_a_finding(sources_copy):
    # The 2017 and 2018 Russian texts of order 290 both give the original point 2 (no note in either touches
    # it). Change one word of it in the copy of the 2018 text: the two snapshots now disagree on one version.
    import hashlib

    from zangraph.parse.corpus import parse_text
    from zangraph.parse.sources import load_manifest

    path = sources_copy / "114873_rus_v2018.md"
    text = path.read_text(encoding="utf-8")
    assert text.count("Департаменту социальной помощи") == 1
    changed = text.replace("Департаменту социальной помощи", "Департаменту социальных услуг")
    path.write_text(changed, encoding="utf-8")
    manifest = sources_copy / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        hashlib.sha256(text.encode("utf-8")).hexdigest(), hashlib.sha256(changed.encode("utf-8")).hexdigest()),
        encoding="utf-8")
    docs = [parse_text(sources_copy, s)[0] for s in load_manifest(sources_copy)
            if s.file in ("114873_rus_v2017.md", "114873_rus_v2018.md")]
    t = assemble(docs)
    [finding] = t.findings
    assert finding.kind is FindingKind.SNAPSHOT_DISCREPANCY
    assert [(p.file, p.eid) for p in finding.places] == [("114873_rus_v2017.md", "para_2"),
                                                         ("114873_rus_v2018.md", "para_2")]
    assert "социальной помощи" in finding.evidence[0] and "социальных услуг" in finding.evidence[1]
    # Nothing is overwritten: the version keeps both witnesses, and its text is the older snapshot's.
    original = t.versions["para_2"][0]
    assert [w.file for w in original.witnesses["ru"]] == ["114873_rus_v2017.md", "114873_rus_v2018.md"]
    assert "социальной помощи" in original.texts["ru"].text


def test_a_dated_snapshot_that_lost_a_note_still_gives_the_version_in_force_on_its_date(sources_copy):
    # The Russian text of order 290 as of 01.10.2019 gives point 1 as order 523 worded it from that day. Take
    # its note away in a copy: the text is still dated 01.10.2019 by the manifest, and the Kazakh text of that
    # date still records order 523, so the Russian words are still those of that version, not of the original.
    import hashlib

    from zangraph.parse.corpus import parse_text
    from zangraph.parse.sources import load_manifest

    path = sources_copy / "114873_rus_v2019.md"
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    [note] = [i for i, line in enumerate(lines) if line.startswith("> *Сноска. Пункт 1 в редакции") and "№ 523" in line]
    changed = "\n".join(lines[:note] + lines[note + 2:])
    path.write_text(changed, encoding="utf-8")
    manifest = sources_copy / "manifest.toml"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(
        hashlib.sha256(text.encode("utf-8")).hexdigest(), hashlib.sha256(changed.encode("utf-8")).hexdigest()),
        encoding="utf-8")
    docs = [parse_text(sources_copy, s)[0] for s in load_manifest(sources_copy) if s.file.startswith("114873_")]
    t = assemble(docs)
    [restated] = [v for v in t.versions["para_1"] if v.key == "order-2019-523"]
    assert restated.start.date == date(2019, 10, 1)
    assert [w.file for w in restated.witnesses["ru"]] == ["114873_rus_v2019.md"]
    assert all("114873_rus_v2019.md" not in [w.file for w in v.witnesses.get("ru", ())]
               for v in t.versions["para_1"] if v.key != "order-2019-523")
