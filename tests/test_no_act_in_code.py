"""No file under src/ names an act of the corpus: adding an act is a data change, never a code change.

The names are read off the corpus itself (every text's act and every act its notes name): their numbers,
their keys and paths, their dates and their registrations, and the eIds of their parts deeper than two
steps (``att_1__chp_1`` names nothing in particular; ``att_1__chp_2__sec_6`` names a position).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zangraph.model.ids import FrbrUri, number_token

pytestmark = pytest.mark.corpus

SRC = Path(__file__).resolve().parents[1] / "src"


def _names(corpus) -> dict[str, re.Pattern[str]]:
    names: dict[str, re.Pattern[str]] = {}
    dates = set()
    for doc in corpus.documents:
        h = doc.header
        refs = [(h.act_type, h.number, h.date)] + [(e.act.type, e.act.number, e.act.date)
                                                  for n in doc.notes for e in n.effects]
        for type_, number, when in refs:
            token = number_token(number)
            key = FrbrUri.act(type_, when.year, token).key
            names[key] = re.compile(re.escape(key))
            names[f"/{when.year}/{token}"] = re.compile(re.escape(f"/{when.year}/{token}") + r"(?![\w.-])")
            if len(token) >= 3 or not token.isdigit():
                names[number] = re.compile(rf"(?<![\w/.-]){re.escape(number)}(?![\w/]|\.\d)")
            dates.add(when)
        if h.registration_number:
            names[h.registration_number] = re.compile(rf"(?<![\w.-]){re.escape(h.registration_number)}(?!\w)")
        if h.registration_date:
            dates.add(h.registration_date)
        for node in doc.walk():
            if node.eid.count("__") >= 2 or "__sec_" in node.eid:
                names[node.eid] = re.compile(rf"(?<![\w-]){re.escape(node.eid)}(?![\w-])")
    for when in dates:
        for written in (when.isoformat(), when.strftime("%d.%m.%Y"), f"date({when.year}, {when.month}, {when.day})"):
            names[written] = re.compile(re.escape(written))
    return names


def test_no_file_under_src_names_an_act_of_the_corpus(corpus):
    names = _names(corpus)
    assert len(names) > 300
    found = []
    for path in sorted(p for p in SRC.rglob("*") if p.is_file() and p.suffix in (".py", ".rq", ".toml", ".txt", ".md")):
        text = path.read_text(encoding="utf-8")
        # Each pattern matches only where its name is written: those of the names the file holds, line by line.
        present = {name: pattern for name, pattern in names.items() if name in text}
        for number, line in enumerate(text.splitlines(), start=1):
            found += [f"{path.relative_to(SRC)}:{number}: {name}" for name, pattern in present.items()
                      if pattern.search(line)]
    assert found == []


def test_the_check_finds_a_name_it_is_given(corpus):
    names = _names(corpus)
    line = "    # order 360 of 25.10.2017: att_1__chp_2__sec_6__para_54, see /akn/kz/act/order/2017/360"
    hits = {name for name, pattern in names.items() if pattern.search(line)}
    assert {"25.10.2017", "att_1__chp_2__sec_6__para_54", "/2017/360"} <= hits
