"""`zangraph add`: a text and its metadata into the corpus as a data change, then parsed, built and served."""

from __future__ import annotations

import hashlib
import shutil
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from zangraph.cli.main import main
from zangraph.parse.corpus import parse_corpus

from .conftest import ROOT, SOURCES, sources_of

pytestmark = pytest.mark.corpus

CORPUS = ROOT.parent / "shared" / "corpus"


def _sources(tmp_path: Path) -> Path:
    """A corpus of the five seeds only, to add to."""
    target = tmp_path / "sources"
    target.mkdir()
    manifest = (SOURCES / "manifest.toml").read_text(encoding="utf-8")
    seeds = manifest.split("\n[[source]]\nfile = \"108164_rus.md\"")[0]
    (target / "manifest.toml").write_text(seeds.rstrip("\n") + "\n", encoding="utf-8")
    for entry in tomllib.loads(seeds)["source"]:
        shutil.copy(SOURCES / entry["file"], target / entry["file"])
    return target


def _text(name: str) -> Path:
    """A text of the development corpus, as a user would have it (the repository keeps a copy of each)."""
    return CORPUS / name if (CORPUS / name).is_file() else SOURCES / name


def test_add_infers_the_entry_copies_the_files_and_the_text_parses(tmp_path):
    sources = _sources(tmp_path)
    text, meta = _text("114873_rus_v2018.md"), _text("114873.meta.yaml")
    result = CliRunner().invoke(main, ["add", str(text), "--meta", str(meta), "--sources", str(sources)])
    assert result.exit_code == 0, result.output
    # What it inferred, and from where: the text has no header; its metadata names the act. The metadata
    # describes the 2019 version (caused by order 523), which this text does not record: its newest note is
    # order 129 of 11.05.2018.
    assert "language: ru  (from its letters)" in result.output
    assert "form: zan-markdown  (from its markup)" in result.output
    assert "act: /akn/kz/act/order/2017/290  (from 114873.meta.yaml)" in result.output
    assert "version_date: 2018-05-11  (the newest amendment the text records (No 129 of 2018-05-11))" in result.output
    entry = tomllib.loads((sources / "manifest.toml").read_text(encoding="utf-8"))["source"][-1]
    assert entry == {"file": "114873_rus_v2018.md", "act": "/akn/kz/act/order/2017/290", "language": "ru",
                     "form": "zan-markdown", "sha256": hashlib.sha256(text.read_bytes()).hexdigest(),
                     "meta": "114873.meta.yaml", "version_date": entry["version_date"]}
    assert entry["version_date"].isoformat() == "2018-05-11"
    assert (sources / text.name).read_bytes() == text.read_bytes()
    assert (sources / meta.name).read_bytes() == meta.read_bytes()
    doc = parse_corpus(sources).by_file(text.name)
    # Its own note (order 129), then its metadata's: the repeal by order 160, and order 523, which caused the
    # version the metadata describes.
    assert doc.header.number == "290" and [n.effects[0].act.number for n in doc.notes] == ["129", "160", "523"]


def test_the_version_date_of_the_metadata_is_taken_where_the_text_records_its_amendment(tmp_path):
    sources = _sources(tmp_path)
    result = CliRunner().invoke(main, ["add", str(_text("114873_kaz_v2019.md")), "--meta", str(_text("114873.meta.yaml")),
                                       "--sources", str(sources), "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "language: kk  (from its letters)" in result.output
    assert "version_date: 2019-10-01  (from 114873.meta.yaml (version_date))" in result.output
    assert "114873" not in (sources / "manifest.toml").read_text(encoding="utf-8")  # a dry run changes nothing


def test_a_text_with_a_header_needs_no_metadata(tmp_path):
    sources = tmp_path / "sources"
    text = tmp_path / "order.txt"
    text.write_text((SOURCES / "000_d858b89009a0e373.txt").read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(main, ["add", str(text), "--sources", str(sources)])
    assert result.exit_code == 0, result.output
    assert "act: /akn/kz/act/order/2018/350  (from the text's header)" in result.output
    assert "language: en" in result.output and "form: pdf-text" in result.output


def test_an_annex_caption_names_the_act_where_nothing_else_does(tmp_path):
    # Order 160's text prints no header; its annex is "Приложение к приказу Министра труда и социальной защиты
    # населения Республики Казахстан от 19 мая 2023 года № 160".
    result = CliRunner().invoke(main, ["add", str(_text("181792_rus.md")), "--sources", str(_sources(tmp_path)),
                                       "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "act: /akn/kz/act/order/2023/160  (from annex caption)" in result.output


def test_a_text_published_in_parts_is_added_joined(tmp_path):
    # Order 360 in Kazakh as of 06.10.2025 is published as kaz.md, whose "Части документа" table lists
    # kaz/ch001.md and kaz/ch002.md (tests/fixtures/split holds the three files as published). Added, it is the
    # text the official system gives whole: the joined file the corpus keeps, byte for byte.
    sources = _sources(tmp_path)
    split = ROOT / "tests" / "fixtures" / "split"
    result = CliRunner().invoke(main, ["add", str(split / "kaz.md"), "--meta",
                                       str(SOURCES / "116614_2025-10-06.meta.yaml"), "--name",
                                       "116614_kaz_2025-10-06.md", "--sources", str(sources)])
    assert result.exit_code == 0, result.output
    assert "joined: kaz.md and its 2 part files, in the order it lists them" in result.output
    assert (sources / "116614_kaz_2025-10-06.md").read_bytes() == (SOURCES / "116614_kaz_2025-10-06.md").read_bytes()
    entry = tomllib.loads((sources / "manifest.toml").read_text(encoding="utf-8"))["source"][-1]
    assert (entry["act"], entry["language"], entry["version_date"].isoformat()) == (
        "/akn/kz/act/order/2017/360", "kk", "2025-10-06")
    # The joined text needs no parts: added as it is.
    (tmp_path / "again").mkdir()
    again = _sources(tmp_path / "again")
    result = CliRunner().invoke(main, ["add", str(SOURCES / "116614_kaz_2025-10-06.md"), "--meta",
                                       str(SOURCES / "116614_2025-10-06.meta.yaml"), "--sources", str(again)])
    assert result.exit_code == 0 and "joined:" not in result.output, result.output
    # The main file without its parts is refused, and says what it needs.
    alone = tmp_path / "alone"
    alone.mkdir()
    shutil.copy(split / "kaz.md", alone / "kaz.md")
    before = (sources / "manifest.toml").read_bytes()
    result = CliRunner().invoke(main, ["add", str(alone / "kaz.md"), "--act", "/akn/kz/act/order/2017/360",
                                       "--sources", str(sources)])
    assert result.exit_code == 2
    assert "kaz/ch001.md is not beside it" in result.output and "the 2 part files it lists" in result.output
    assert (sources / "manifest.toml").read_bytes() == before


def test_refusals_say_what_to_give_and_change_nothing(tmp_path):
    sources = _sources(tmp_path)
    before = (sources / "manifest.toml").read_bytes()
    runner = CliRunner()
    # No header in the text, no metadata, no annex whose caption names the act: the act cannot be told.
    result = runner.invoke(main, ["add", str(_text("114873_rus_v2017.md")), "--sources", str(sources)])
    assert result.exit_code == 2
    assert "cannot tell which act this is" in result.output and "--meta META.yaml or --act" in result.output
    # A different file under a name the corpus already has.
    other = tmp_path / "004_02f4d226a4fb9b82.txt"
    other.write_text("# Приказ\n\nдругой текст\n", encoding="utf-8")
    result = runner.invoke(main, ["add", str(other), "--act", "/akn/kz/act/order/2001/17", "--sources", str(sources)])
    assert result.exit_code == 2 and "already in the manifest" in result.output
    # A file that is not UTF-8.
    bad = tmp_path / "bad.md"
    bad.write_bytes("# Приказ\n\n1. текст\n".encode("cp1251"))
    result = runner.invoke(main, ["add", str(bad), "--sources", str(sources)])
    assert result.exit_code == 2 and "bad.md:1: byte 2 is not UTF-8" in result.output
    assert (sources / "manifest.toml").read_bytes() == before
    assert sorted(p.name for p in sources.iterdir()) == sorted(
        ["manifest.toml", *[p.name for p in SOURCES.glob("00*.txt")]])


# Two orders of one ministry, both No 73, of 24.02.2026 and 04.05.2026: the second amends point 2 of the first.
# They are made here, to show what the corpus does not: two acts of one type, year and number.
FIRST = """# Об утверждении Правил оказания консультационной помощи

В соответствии с подпунктом 1) статьи 10 Закона Республики Казахстан «О правовых актах» ПРИКАЗЫВАЮ:

1. Утвердить прилагаемые Правила оказания консультационной помощи.

2. Контроль за исполнением настоящего приказа возложить на курирующего вице-министра.

> *Сноска. Пункт 2 в редакции приказа Министра труда и социальной защиты населения РК от 04.05.2026 № 73 (вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования).*

3. Настоящий приказ вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.

*Министр*
"""
FIRST_META = """requisite: Приказ Министра труда и социальной защиты населения Республики Казахстан от 24 февраля 2026 года № 73. Зарегистрирован в Министерстве юстиции Республики Казахстан 27 февраля 2026 года № 37001.
title:
  rus: Об утверждении Правил оказания консультационной помощи
"""
SECOND = """# О внесении изменения в приказ Министра труда и социальной защиты населения Республики Казахстан от 24 февраля 2026 года № 73 "Об утверждении Правил оказания консультационной помощи"

ПРИКАЗЫВАЮ:

1. Внести в приказ Министра труда и социальной защиты населения Республики Казахстан от 24 февраля 2026 года № 73 "Об утверждении Правил оказания консультационной помощи" следующее изменение: пункт 2 изложить в следующей редакции: "2. Контроль за исполнением настоящего приказа возложить на ответственного секретаря.".

2. Настоящий приказ вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования.

*Министр*
"""
SECOND_META = """requisite: Приказ Министра труда и социальной защиты населения Республики Казахстан от 4 мая 2026 года № 73. Зарегистрирован в Министерстве юстиции Республики Казахстан 8 мая 2026 года № 37450.
title:
  rus: О внесении изменения в приказ Министра труда и социальной защиты населения Республики Казахстан от 24 февраля 2026 года № 73 "Об утверждении Правил оказания консультационной помощи"
"""


def test_two_orders_no_73_are_two_acts_added_built_and_served(tmp_path):
    from fastapi.testclient import TestClient

    from zangraph.api.app import BuildInfo, create_app
    from zangraph.settings import Settings
    from zangraph.store import EmbeddedStore

    # To add to: the Russian text of order 360, whose notes announce its change by an order No 73 of 24.02.2026
    # (a corpus of one text, for a build of seconds rather than of the five seeds).
    sources, build = sources_of(tmp_path / "sources", "004_02f4d226a4fb9b82.txt"), tmp_path / "build"
    runner = CliRunner()
    outputs = []
    for name, text, meta in (("first.md", FIRST, FIRST_META), ("second.md", SECOND, SECOND_META)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        (tmp_path / f"{name}.meta.yaml").write_text(meta, encoding="utf-8")
        result = runner.invoke(main, ["add", str(tmp_path / name), "--meta", str(tmp_path / f"{name}.meta.yaml"),
                                      "--sources", str(sources)])
        assert result.exit_code == 0, result.output
        outputs.append(result.output)
    # The first is the only order No 73 of 2026 when it is added; the second is named by its full date, and
    # the first keeps its entry.
    assert "act: /akn/kz/act/order/2026/73  (from first.md.meta.yaml)" in outputs[0]
    assert ("act: /akn/kz/act/order/2026-05-04/73  (from second.md.meta.yaml; by its full date, as first.md "
            "(of 2026-02-24) is another act of this type, year and number)") in outputs[1]
    env = {"ZANGRAPH_SOURCES_DIR": str(sources), "ZANGRAPH_BUILD_DIR": str(build)}
    result = runner.invoke(main, ["build"], env=env)
    assert result.exit_code == 0, result.output

    settings = Settings(sources_dir=sources, build_dir=build)
    client = TestClient(create_app(settings, EmbeddedStore.from_trig(build / "dataset.trig"), BuildInfo.of(build)))
    acts = {a["id"]: a for a in client.get("/api/v1/acts").json()["acts"]}
    # Same type, year and number: each act is named by its full date, and neither takes the year form.
    assert {"order-2026-02-24-73", "order-2026-05-04-73"} <= set(acts) and "order-2026-73" not in acts
    assert (acts["order-2026-02-24-73"]["date"], acts["order-2026-05-04-73"]["date"]) == ("2026-02-24", "2026-05-04")
    # The note of the first order names "№ 73 of 04.05.2026": the second order, not the first one itself.
    events = client.get("/api/v1/acts/order-2026-02-24-73/history").json()["events"]
    assert [(e["kind"], e["acting_act"]["id"]) for e in events] == [
        ("entry_into_force", "order-2026-02-24-73"), ("new_wording", "order-2026-05-04-73")]
    assert events[1]["targets"] == [{"id": "order-2026-02-24-73~para_2", "label": "point 2"}]
    # Ten calendar days after the first official publication, which no source dates: the earliest the text
    # allows is the day after the tenth day from the registration of 08.05.2026, and the date is estimated.
    assert events[1]["effective"]["certainty"] == "estimated"
    assert events[1]["effective"]["earliest"] == "2026-05-19"
