"""Bad input stops with the file, the line and what was expected; nothing already built is overwritten."""

from __future__ import annotations

import pytest

from zangraph.errors import SourceError
from zangraph.model.document import FindingKind
from zangraph.parse.corpus import parse_corpus
from zangraph.parse.sources import load_manifest, read_source

pytestmark = pytest.mark.corpus


def test_manifest_lists_the_five_texts_with_language_and_form(sources_copy):
    sources = load_manifest(sources_copy)
    assert [(s.file[:3], s.language, s.form) for s in sources[:5]] == [
        ("000", "en", "pdf-text"), ("001", "kk", "html-text"), ("002", "en", "html-text"),
        ("003", "en", "html-text"), ("004", "ru", "markdown")]


def test_manifest_lists_the_development_corpus_with_its_metadata(sources_copy):
    # The five seeds, the fifteen texts of the development corpus, then the six official versions of the seed
    # acts (../shared/official).
    sources = {s.file: s for s in load_manifest(sources_copy)[5:20]}
    assert len(sources) == 15 and {s.form for s in sources.values()} == {"zan-markdown"}
    snapshot = sources["114873_rus_v2018.md"]
    assert (snapshot.act, snapshot.language, snapshot.meta) == ("/akn/kz/act/order/2017/290", "ru", "114873.meta.yaml")
    assert snapshot.version_date.isoformat() == "2018-05-11"


def test_manifest_lists_the_official_versions_of_the_seed_acts(sources_copy):
    official = {s.file: s for s in load_manifest(sources_copy)[20:]}
    assert {f: (s.act, s.language, s.meta, s.version_date.isoformat()) for f, s in official.items()} == {
        "116614_rus_2020-04-02.md": ("/akn/kz/act/order/2017/360", "ru", "116614_2020-04-02.meta.yaml", "2020-04-02"),
        "116614_kaz_2020-04-02.md": ("/akn/kz/act/order/2017/360", "kk", "116614_2020-04-02.meta.yaml", "2020-04-02"),
        "116614_kaz_2025-10-06.md": ("/akn/kz/act/order/2017/360", "kk", "116614_2025-10-06.meta.yaml", "2025-10-06"),
        "124669_rus_2022-09-22.md": ("/akn/kz/act/order/2018/350", "ru", "124669_2022-09-22.meta.yaml", "2022-09-22"),
        # No metadata: the act is the one the annex caption names, the date the newest note's (order 9).
        "131993_rus_2023-01-13.md": ("/akn/kz/act/order/2019/292", "ru", None, "2023-01-13"),
        "131993_kaz_2023-01-13.md": ("/akn/kz/act/order/2019/292", "kk", None, "2023-01-13"),
    }


def test_missing_file(sources_copy):
    (sources_copy / "002_d17101f849a6b484.txt").unlink()
    with pytest.raises(SourceError, match=r"002_d17101f849a6b484\.txt: file not found"):
        parse_corpus(sources_copy)


def test_checksum_mismatch(sources_copy):
    path = sources_copy / "000_d858b89009a0e373.txt"
    path.write_text(path.read_text(encoding="utf-8").replace("Abylkasymova", "Abylkasymov"), encoding="utf-8")
    with pytest.raises(SourceError, match=r"000_d858b89009a0e373\.txt: checksum \w+ does not match the manifest "
                                          r"\(expected sha256 0ad7ec3c"):
        parse_corpus(sources_copy)


def _rewrite(sources_copy, name, data: bytes) -> None:
    """Replace a source and record its new checksum, as a curator accepting a new text would."""
    import hashlib

    path = sources_copy / name
    old = hashlib.sha256(path.read_bytes()).hexdigest()
    path.write_bytes(data)
    manifest = sources_copy / "manifest.toml"
    manifest.write_text(manifest.read_text().replace(old, hashlib.sha256(data).hexdigest()))


def test_wrong_encoding_names_the_line(sources_copy):
    name = "000_d858b89009a0e373.txt"
    data = (sources_copy / name).read_bytes().replace(b"Zhakupov.", "Zhakupov\u00e9.".encode("latin-1"))
    _rewrite(sources_copy, name, data)
    with pytest.raises(SourceError) as err:
        parse_corpus(sources_copy)
    assert err.value.line == 53 and "expected UTF-8 text" in str(err.value)


def test_unknown_form(sources_copy):
    manifest = sources_copy / "manifest.toml"
    manifest.write_text(manifest.read_text().replace('form = "markdown"', 'form = "docx"'))
    with pytest.raises(SourceError, match=r"unknown form 'docx' \(expected pdf-text or html-text or markdown or "
                                          r"zan-markdown\)"):
        load_manifest(sources_copy)


def test_structure_that_cannot_be_placed_is_a_finding_naming_the_line(sources_copy):
    name = "000_d858b89009a0e373.txt"
    text = (sources_copy / name).read_text(encoding="utf-8")
    # A paragraph between the header and the preamble, cut off from it by a footnote.
    text = text.replace("Unofficial translation\n\nFootnote.", "Unofficial translation\n\nSomething unexpected.\n\nFootnote.")
    _rewrite(sources_copy, name, text.encode("utf-8"))
    corpus = parse_corpus(sources_copy)
    doc = corpus.by_file(name)
    (finding,) = [f for f in doc.findings if f.kind is FindingKind.UNRECOGNISED_STRUCTURE]
    assert finding.places[0].span.first_line == 12 and "Something unexpected." in finding.message
    assert 12 in {line.line for line in doc.layout} and not corpus.unplaced  # kept, as layout
    assert doc.find("preamble").text.startswith("In accordance with subparagraph 2)")


def test_a_note_whose_wording_no_rule_reads_is_a_finding_and_the_rest_is_read(sources_copy):
    name = "004_02f4d226a4fb9b82.txt"
    text = (sources_copy / name).read_text(encoding="utf-8")
    text = text.replace("**Сноска. Пункт 9 - в редакции приказа Министра труда и социальной защиты населения РК от "
                        "15.08.2024 № 316", "**Сноска. Текст этого примечания никакому правилу не известен")
    _rewrite(sources_copy, name, text.encode("utf-8"))
    doc = parse_corpus(sources_copy).by_file(name)
    (finding,) = [f for f in doc.findings if f.kind is FindingKind.UNREADABLE_NOTE]
    assert finding.message.startswith(f"{name}:307:") and finding.places[0].span.first_line == 307
    assert finding.evidence[0].startswith("Сноска. Текст этого примечания")
    unread = next(n for n in doc.notes if n.span.first_line == 307)
    assert not unread.understood and unread.effects == ()
    # The notes around it are read as before.
    assert [n.effects[0].act.number for n in doc.notes if n.span.first_line in (215, 311)] == ["73", "73"]


def test_read_source_returns_the_text_unchanged(sources_copy):
    source = load_manifest(sources_copy)[4]
    assert read_source(sources_copy, source).text == (sources_copy / source.file).read_text(encoding="utf-8")


def test_a_note_printed_twice_is_a_finding_and_both_are_kept(sources_copy):
    name = "004_02f4d226a4fb9b82.txt"
    text = (sources_copy / name).read_text(encoding="utf-8")
    note = ("**Сноска. Пункт 9 - в редакции приказа Министра труда и социальной защиты населения РК от 15.08.2024 "
            "№ 316 (вводится в действие по истечении десяти календарных дней после дня его первого официального "
            "опубликования).**\n")
    assert text.count(note) == 1
    _rewrite(sources_copy, name, text.replace(note, note + "\n" + note).encode("utf-8"))
    doc = parse_corpus(sources_copy).by_file(name)
    # The note is on line 307 of the source; its copy, after a blank line, on 309.
    (finding,) = [f for f in doc.findings if f.kind is FindingKind.REPEATED_NOTE]
    assert finding.message == f"{name}:309: the note repeats, word for word, the note at line 307"
    assert [n.span.first_line for n in doc.notes if n.span.first_line in (307, 309)] == [307, 309]
