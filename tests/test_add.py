"""`zangraph add`: a text and its metadata into the corpus as a data change, then parsed, built and served."""

from __future__ import annotations

import hashlib
import shutil
import tomllib
from pathlib import Path

from click.testing import CliRunner

from zangraph.cli import main
from zangraph.corpus import parse_corpus

from .conftest import ROOT, SOURCES

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
    assert doc.header.number == "290" and [n.effects[0].act.number for n in doc.notes] == ["129", "160"]


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


def test_refusals_say_what_to_give_and_change_nothing(tmp_path):
    sources = _sources(tmp_path)
    before = (sources / "manifest.toml").read_bytes()
    runner = CliRunner()
    # No header in the text, no metadata: the act cannot be told.
    result = runner.invoke(main, ["add", str(_text("181792_rus.md")), "--sources", str(sources)])
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
