"""Bad input stops with the file, the line and what was expected; nothing already built is overwritten."""

from __future__ import annotations

import pytest

from zangraph.corpus import parse_corpus
from zangraph.errors import SourceError
from zangraph.sources import load_manifest, read_source


def test_manifest_lists_the_five_texts_with_language_and_form(sources_copy):
    sources = load_manifest(sources_copy)
    assert [(s.file[:3], s.language, s.form) for s in sources] == [
        ("000", "en", "pdf-text"), ("001", "kk", "html-text"), ("002", "en", "html-text"),
        ("003", "en", "html-text"), ("004", "ru", "markdown")]


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
    with pytest.raises(SourceError, match=r"unknown form 'docx' \(expected pdf-text or html-text or markdown\)"):
        load_manifest(sources_copy)


def test_structure_that_cannot_be_placed_names_the_line(sources_copy):
    name = "000_d858b89009a0e373.txt"
    text = (sources_copy / name).read_text(encoding="utf-8")
    # A paragraph between the header and the preamble that is none of the things that may stand there.
    text = text.replace("Unofficial translation\n\nFootnote.", "Unofficial translation\n\nSomething unexpected.\n\nFootnote.")
    _rewrite(sources_copy, name, text.encode("utf-8"))
    with pytest.raises(SourceError) as err:
        parse_corpus(sources_copy)
    assert err.value.file == name and err.value.line == 12
    assert "cannot place 'Something unexpected.'" in str(err.value)


def test_a_note_that_is_not_understood_names_the_line(sources_copy):
    name = "004_02f4d226a4fb9b82.txt"
    text = (sources_copy / name).read_text(encoding="utf-8")
    text = text.replace("**Сноска. Пункт 9 - в редакции", "**Сноска. Нечто 9 - в редакции")
    _rewrite(sources_copy, name, text.encode("utf-8"))
    with pytest.raises(SourceError) as err:
        parse_corpus(sources_copy)
    assert err.value.line == 307 and "a note whose wording is not understood" in str(err.value)


def test_read_source_returns_the_text_unchanged(sources_copy):
    source = load_manifest(sources_copy)[4]
    assert read_source(sources_copy, source).text == (sources_copy / source.file).read_text(encoding="utf-8")
