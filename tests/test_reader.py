"""The reader on texts made here, for what the corpus does not show: laws with articles, joint orders, exclusions
stated in the text, numbers of every form, Kazakh and English note wordings, tables of every form; and on
damaged texts, which it reads without ever raising."""

from __future__ import annotations

import hashlib
import random
from datetime import date
from pathlib import Path

import pytest

from zangraph.errors import SourceError
from zangraph.model.document import ChangeKind, FindingKind, NodeKind, NoteKind, RuleKind, TargetKind
from zangraph.parse.corpus import parse_text
from zangraph.parse.sources import load_manifest

from .conftest import SOURCES


def _parse(tmp_path: Path, name: str, text: str, language: str, act: str, form: str = "zan-markdown",
           meta: str | None = None, placed: bool = True):
    folder = tmp_path / "sources"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    entry = (f'[[source]]\nfile = "{name}"\nact = "{act}"\nlanguage = "{language}"\nform = "{form}"\n'
             f'sha256 = "{hashlib.sha256(text.encode("utf-8")).hexdigest()}"\n')
    if meta is not None:
        (folder / f"{name}.meta.yaml").write_text(meta, encoding="utf-8")
        entry += f'meta = "{name}.meta.yaml"\n'
    (folder / "manifest.toml").write_text(entry, encoding="utf-8")
    doc, unplaced = parse_text(folder, load_manifest(folder)[0])
    assert unplaced == [] or not placed
    return doc


LAW = """# О социальной помощи отдельным категориям граждан

Настоящий Закон регулирует общественные отношения в области социальной помощи.

## Глава 1. Общие положения

### Статья 1. Основные понятия

1. В настоящем Законе используются следующие понятия:

   1) социальная помощь – помощь, предоставляемая государством;

   2) получатель – лицо, которому назначена помощь.

> *Сноска. Статья 1 с изменениями, внесенными Законом РК от 03.01.2022 № 101-VII (вводится в действие по истечении шестидесяти календарных дней после дня его первого официального опубликования).*

### Статья 2. Законодательство о социальной помощи

1. Законодательство основывается на Конституции Республики Казахстан.

2. Исключен Законом РК от 12.07.2023 № 23-VIII (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).

### Статья 2-1. Принципы

> *Сноска. Глава 1 дополнена статьей 2-1 в соответствии с Законом РК от 12.07.2023 № 23-VIII (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).*

1. Помощь оказывается на принципах законности.

## Глава 2. Заключительные положения

### Статья 3. Порядок введения в действие настоящего Закона

Настоящий Закон вводится в действие с 1 января 2022 года.

**Президент Республики Казахстан**
"""

LAW_META = """requisite: Закон Республики Казахстан от 21 мая 2021 года № 45-VII.
title:
  rus: О социальной помощи отдельным категориям граждан
"""


@pytest.mark.unit
def test_a_law_with_chapters_and_articles(tmp_path):
    doc = _parse(tmp_path, "law_rus.md", LAW, "ru", "/akn/kz/act/law/2021/45-VII", meta=LAW_META)
    assert (doc.header.act_type, doc.header.number, doc.header.date) == ("law", "45-VII", date(2021, 5, 21))
    assert doc.find("preamble").text.startswith("Настоящий Закон регулирует")
    articles = [n for n in doc.walk() if n.kind is NodeKind.ARTICLE]
    assert [(a.eid, a.num, a.heading) for a in articles] == [
        ("chp_1__art_1", "1", "Основные понятия"), ("chp_1__art_2", "2", "Законодательство о социальной помощи"),
        ("chp_1__art_2-1", "2-1", "Принципы"), ("chp_2__art_3", "3", "Порядок введения в действие настоящего Закона")]
    # Points are numbered per article.
    assert [c.eid for c in doc.find("chp_1__art_2").children] == ["chp_1__art_2__para_1", "chp_1__art_2__para_2"]
    assert doc.find("chp_1__art_1__para_1__point_2").text == "получатель – лицо, которому назначена помощь."
    notes = {(n.kind, n.target.kind, n.target.eid): [(e.change, e.act.type, e.act.number, e.rule.days) for e in n.effects]
             for n in doc.notes}
    assert notes == {
        (NoteKind.FOOTNOTE, TargetKind.ARTICLE, "chp_1__art_1"): [(ChangeKind.CHANGED, "law", "101-VII", 60)],
        # "2. Исключен Законом …": the text itself says what an act did to point 2
        (NoteKind.INLINE, TargetKind.POINT, "chp_1__art_2__para_2"): [(ChangeKind.EXCLUDED, "law", "23-VIII", 10)],
        (NoteKind.FOOTNOTE, TargetKind.ARTICLE, "chp_1__art_2-1"): [(ChangeKind.SUPPLEMENTED, "law", "23-VIII", 10)],
    }
    eif = doc.entry_into_force
    assert (eif.item, eif.rule.kind, eif.rule.date) == ("chp_2__art_3__indent_1", RuleKind.FIXED_DATE, date(2022, 1, 1))


ORDER_KK = """# Бұйрық туралы

Заңның 5-бабына сәйкес БҰЙЫРАМЫН:

1. Қоса беріліп отырған қағидалар бекітілсін.

2. Бақылау вице-министрге жүктелсін.

3. Ақпарат беру тәртібі.

> *Ескерту. 3-тармақ алып тасталды - ҚР Денсаулық сақтау министрінің м.а. 10.01.2020 № ҚР ДСМ-130/2020 (алғашқы ресми жарияланған күнінен кейін күнтізбелік жиырма бір күн өткен соң қолданысқа енгізіледі) бұйрығымен.*

4. Осы бұйрық алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі.

> *ЗҚАИ-ның ескертпесі!*<<BR>>
> *4-тармаққа өзгеріс енгізу көзделген – ҚР Еңбек және халықты әлеуметтік қорғау министрінің 24.02.2026 № 73 (11.07.2026 бастап қолданысқа енгізіледі) бұйрығымен.*

**Министр**
""".replace("<<BR>>", "  ")  # two trailing spaces break a line inside a Markdown paragraph

ORDER_KK_META = "requisite: Приказ Министра здравоохранения Республики Казахстан от 2 марта 2019 года № ҚР ДСМ-12.\n"


@pytest.mark.unit
def test_kazakh_wordings_numbers_with_letters_and_an_announcement(tmp_path):
    doc = _parse(tmp_path, "order_kaz.md", ORDER_KK, "kk", "/akn/kz/act/order/2019/ҚР-ДСМ-12", meta=ORDER_KK_META)
    excluded, announced = doc.notes
    (e,) = excluded.effects
    assert (excluded.target.eid, e.change, e.act.number, e.act.date, e.act.issuer, e.rule.days) == (
        "para_3", ChangeKind.EXCLUDED, "ҚР ДСМ-130/2020", date(2020, 1, 10), "ҚР Денсаулық сақтау министрінің м.а.", 21)
    (a,) = announced.effects
    assert (announced.kind, announced.target.eid, a.change, a.act.number, a.rule.date) == (
        NoteKind.EDITORIAL, "para_4", ChangeKind.ANNOUNCED, "73", date(2026, 7, 11))
    assert doc.entry_into_force.rule.days == 10


ORDER_RU = """# О внесении изменений

В соответствии с Законом ПРИКАЗЫВАЮ:

1. Утвердить прилагаемые Правила.

*Сноска. Пункт 1 в редакции совместного приказа Министра труда и социальной защиты населения РК от 05.05.2021 № 150-ө-м и Министра финансов РК от 06.05.2021 № 412 (вводится в действие по истечении двадцати одного календарного дня после дня его первого официального опубликования).*

2. Признать утратившим силу приказ от 1 февраля 2012 года N 248.

3. (Пункт 3 исключен - приказом и.о. Министра финансов РК от 01.02.2020 № 30 (вводится в действие со дня его первого официального опубликования))

4. Настоящий приказ вводится в действие с 1 января 2021 года, но не ранее дня его первого официального опубликования.

> *Утверждены*<<BR>>
> *приказом Министра*

## Правила

1. Правила определяют порядок.

20-1. Пункт, вставленный позже.

| № | Должность | Категория |
|---|---|---|
| 1 | Директор | высшая |
| 2 | Заместитель директора | первая |

+-----+--------+
| 3   | Эксперт |
+-----+--------+

> *Приложение 1*<<BR>>
> *к Правилам*

> *Сноска. Приложение 1 утратило силу приказом Министра финансов РК от 01.02.2020 № 30 (вводится в действие с 01.03.2020).*

Текст приложения.
""".replace("<<BR>>", "  ")


@pytest.mark.unit
def test_joint_orders_inline_statements_inserted_points_and_tables(tmp_path):
    doc = _parse(tmp_path, "order_rus.md", ORDER_RU, "ru", "/akn/kz/act/order/2020/7",
                 meta="requisite: Приказ Министра финансов Республики Казахстан от 3 марта 2020 года № 7.\n")
    joint, inline, invalid = doc.notes
    (j,) = joint.effects  # one joint order, known by its first number
    assert (j.act.type, j.act.number, j.act.date, j.rule.days) == ("joint-order", "150-ө-м", date(2021, 5, 5), 21)
    assert j.act.issuer == "Министра труда и социальной защиты населения РК; Министра финансов РК"
    assert (inline.kind, inline.target.eid, inline.effects[0].change, inline.effects[0].rule.kind) == (
        NoteKind.INLINE, "para_3", ChangeKind.EXCLUDED, RuleKind.ON_PUBLICATION)
    assert (invalid.target.eid, invalid.effects[0].change) == ("att_1__att_1", ChangeKind.INVALIDATED)
    rule = doc.entry_into_force.rule
    assert (rule.kind, rule.date) == (RuleKind.NOT_EARLIER_THAN, date(2021, 1, 1))
    assert [p.num for p in doc.find("att_1").children if p.kind is NodeKind.POINT] == ["1", "20-1"]
    tables = [n for n in doc.walk() if n.kind is NodeKind.TABLE]
    assert [[r.cells for r in t.children] for t in tables] == [
        [("№", "Должность", "Категория"), ("1", "Директор", "высшая"), ("2", "Заместитель директора", "первая")],
        [("3", "Эксперт")]]
    # The item of the order that repeals another act cites it by its number with a Latin N.
    assert "N 248" in doc.find("para_2").text


ENGLISH = """Order of the Minister of Health of the Republic of Kazakhstan dated March 2, 2019 No. 12. Registered in the Ministry of Justice of the Republic of Kazakhstan on March 5, 2019 No. 18300.

In accordance with the Code, I HEREBY ORDER:

1. To approve the attached rules.

2. This order shall enter into force from the date of its first official publication.

Footnote. Paragraph 1 is excluded by the order of the Minister of Health of the Republic of Kazakhstan dated 10.01.2020 № ҚР ДСМ-130/2020 (shall be enforced upon expiry of twenty one calendar days after the day of its first official publication).
"""


@pytest.mark.unit
def test_english_header_note_and_rule(tmp_path):
    doc = _parse(tmp_path, "order_en.txt", "On the rules\n\n" + ENGLISH, "en", "/akn/kz/act/order/2019/12",
                 form="pdf-text")
    assert (doc.header.number, doc.header.registration_date) == ("12", date(2019, 3, 5))
    assert doc.entry_into_force.rule.kind is RuleKind.ON_PUBLICATION
    (note,) = doc.notes
    (e,) = note.effects
    assert (note.target.eid, e.change, e.act.number, e.rule.days) == ("para_1", ChangeKind.EXCLUDED,
                                                                     "ҚР ДСМ-130/2020", 21)


@pytest.mark.unit
def test_a_note_no_rule_reads_is_a_finding_naming_file_and_line(tmp_path):
    text = ORDER_RU.replace("(Пункт 3 исключен - приказом и.о. Министра финансов РК от 01.02.2020 № 30 (вводится в "
                            "действие со дня его первого официального опубликования))", "Текст пункта 3.")
    text = text.replace("*Сноска. Пункт 1 в редакции совместного приказа", "*Сноска. Нечто непонятное, ни акта ни даты.*"
                        "\n\n*Сноска. Пункт 1 в редакции совместного приказа")
    doc = _parse(tmp_path, "odd_rus.md", text, "ru", "/akn/kz/act/order/2020/7",
                 meta="requisite: Приказ Министра финансов Республики Казахстан от 3 марта 2020 года № 7.\n")
    (finding,) = [f for f in doc.findings if f.kind is FindingKind.UNREADABLE_NOTE]
    assert finding.message == "odd_rus.md:7: a note whose wording no rule reads"
    assert finding.evidence == ("Сноска. Нечто непонятное, ни акта ни даты.",)
    assert [n.understood for n in doc.notes][:2] == [False, True]  # the next note is read as before


@pytest.mark.unit
def test_a_text_with_no_header_and_no_metadata_is_named_by_its_manifest_entry(tmp_path):
    doc = _parse(tmp_path, "bare_rus.md", "# Приказ\n\n1. Утвердить.\n", "ru", "/akn/kz/act/order/2020-03-03/7")
    assert (doc.header.origin, doc.header.number, doc.header.date) == ("manifest", "7", date(2020, 3, 3))
    assert [f.kind for f in doc.findings] == [FindingKind.HEADER_MISMATCH]


def _damaged(text: str, rng: random.Random) -> str:
    lines = text.splitlines(keepends=True)
    how = rng.randrange(4)
    if how == 0:  # cut anywhere
        return text[: rng.randrange(1, len(text))]
    if how == 1:  # lose some lines
        return "".join(ln for ln in lines if rng.random() > 0.2)
    if how == 2:  # shuffle a stretch of lines
        i = rng.randrange(len(lines))
        stretch = lines[i:i + 30]
        rng.shuffle(stretch)
        return "".join(lines[:i] + stretch + lines[i + 30:])
    # duplicate a stretch and stray characters into it
    i = rng.randrange(len(lines))
    return "".join(lines[:i] + ["> *", "1) ", "### Глава 9", "№ ", "(", "\n"][rng.randrange(6):] + lines[i:])


@pytest.mark.corpus
@pytest.mark.parametrize("seed", range(8))
def test_no_damaged_text_makes_the_reader_raise(tmp_path, seed):
    rng = random.Random(seed)
    for source in load_manifest(SOURCES):
        text = _damaged((SOURCES / source.file).read_text(encoding="utf-8"), rng)
        if not text.strip():
            continue
        try:
            _parse(tmp_path, source.file, text, source.language, source.act, source.form,
                   (SOURCES / source.meta).read_text(encoding="utf-8") if source.meta else None, placed=False)
        except SourceError as exc:  # only an unreadable file may stop the reader
            raise AssertionError(f"{source.file} (seed {seed}): {exc}") from exc


@pytest.mark.unit
def test_english_note_on_the_caption_of_an_annex(tmp_path):
    text = ENGLISH + """
Appendix to the order of the Minister of Health of the Republic of Kazakhstan dated March 2, 2019 No. 12

Footnote. The caption of the Appendix as revised by the order of the acting Minister of Health of the Republic of Kazakhstan dated 15.03.2021 No. 40 (shall be enforced after ten calendar days after the day of its first official publication).

Rules

1. The rules apply to every clinic.
"""
    doc = _parse(tmp_path, "order_en.txt", "On the rules\n\n" + text, "en", "/akn/kz/act/order/2019/12",
                 form="pdf-text")
    note = doc.notes[-1]
    (e,) = note.effects
    assert (note.target.kind, note.target.eid) == (TargetKind.HEADING, "att_1")
    assert (e.change, e.act.number, e.act.date, e.rule.kind, e.rule.days) == (
        ChangeKind.NEW_WORDING, "40", date(2021, 3, 15), RuleKind.AFTER_PUBLICATION, 10)
