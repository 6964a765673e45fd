"""The parser never raises on bad input: texts of the corpus mutated at random (lines shuffled, deleted or
duplicated, impossible dates, broken encodings, truncation) either parse or are refused with a SourceError
naming the file (what `zangraph parse` reports with exit code 2); never another exception."""

from __future__ import annotations

import hashlib
import tempfile
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zangraph.errors import SourceError
from zangraph.parse.corpus import parse_text
from zangraph.parse.sources import load_manifest

from .conftest import SOURCES

pytestmark = pytest.mark.unit

# One text of each reader, small enough to parse many times: PDF text, HTML text, the official Markdown
# (with a meta.yaml), the official Markdown with tables.
SAMPLES = ("001_344c42459bfb1314.txt", "000_d858b89009a0e373.txt", "114873_rus_v2019.md", "12388_kaz.md",
           "197693_rus.md")
ENTRIES = {s.file: s for s in load_manifest(SOURCES) if s.file in SAMPLES}
MUTATIONS = ("shuffle", "delete", "duplicate", "impossible date", "bad bytes", "truncate", "empty")


def _mutate(data: bytes, mutation: str, draw) -> bytes:
    lines = data.split(b"\n")
    if mutation == "shuffle":
        return b"\n".join(draw(st.permutations(lines)))
    if mutation == "delete":
        at = draw(st.integers(0, len(lines) - 1))
        return b"\n".join(lines[:at] + lines[at + draw(st.integers(1, 20)):])
    if mutation == "duplicate":
        at = draw(st.integers(0, len(lines) - 1))
        return b"\n".join(lines[: at + 1] + lines[at: at + draw(st.integers(1, 5))] + lines[at + 1:])
    if mutation == "impossible date":
        text = data.decode("utf-8")
        for old, new in (("01.", "31.02."), ("2019", "2019-02-30"), ("года", "31 февраля 2019 года")):
            text = text.replace(old, new, draw(st.integers(1, 3)))
        return text.encode("utf-8")
    if mutation == "bad bytes":
        at = draw(st.integers(0, len(data)))
        return data[:at] + draw(st.sampled_from([b"\xff", b"\xc3", b"\x00", b"\xed\xa0\x80"])) + data[at:]
    if mutation == "truncate":
        return data[: draw(st.integers(0, len(data)))]
    return b""


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutated_sources_parse_or_are_refused_with_a_source_error(data):
    name = data.draw(st.sampled_from(SAMPLES), label="file")
    mutation = data.draw(st.sampled_from(MUTATIONS), label="mutation")
    mutated = _mutate((SOURCES / name).read_bytes(), mutation, data.draw)
    entry = ENTRIES[name]
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp)
        (directory / name).write_bytes(mutated)
        if entry.meta:
            (directory / entry.meta).write_bytes((SOURCES / entry.meta).read_bytes())
        source = replace(entry, sha256=hashlib.sha256(mutated).hexdigest())
        try:
            doc, unplaced = parse_text(directory, source)
        except SourceError as exc:
            assert name in str(exc)
            return
        assert doc.source.file == name and all(u.file == name for u in unplaced)
