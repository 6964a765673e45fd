"""No file of the code names an act or a position of the corpus: adding an act is a data change, never a code
change. The code is the library (src/), the HTTP service with its templates and its own scripts (api/, but
not the vendored assets), the benchmark scripts (scripts/), and the docs generator (in src/).

The names are read off the corpus itself (every text's act and every act its notes name): their numbers,
their keys and paths, their dates and their registrations, and the eIds of their parts deeper than two
steps (``att_1__chp_1`` names nothing in particular; ``att_1__chp_2__sec_6`` names a position); and the ids of
the positions the built dataset holds.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from zangraph.model.ids import FrbrUri, Ids, number_token

from .conftest import ROOT

CODE = [ROOT / "src", ROOT / "api", ROOT / "scripts"]
VENDORED = ROOT / "api" / "static"
OWN_ASSETS = VENDORED / "site"
SUFFIXES = (".py", ".rq", ".toml", ".txt", ".md", ".html", ".js", ".css", ".jinja")


def _names(corpus, positions: list[str]) -> dict[str, re.Pattern[str]]:
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
                names[number] = _written_number(number)
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
    for position in positions:
        names[position] = re.compile(rf"(?<![\w-]){re.escape(position)}(?![\w-])")
    return names


def _written_number(number: str) -> re.Pattern[str]:
    """An act's number as code would name it: a quoted literal, or after a number sign or the word for an order
    (a bare number is no act: ``errors(503)`` is an HTTP status)."""
    n = re.escape(number)
    return re.compile(rf"[\"']{n}[\"']|(?:№|\bN\b|\bNo\b\.?|\b[Oo]rder|приказ\w*)\s*{n}(?![\w/]|\.\d)"
                      rf"|(?<![\w/.-]){n}\s+бұйрығ")


def _code_files(roots: list[Path]) -> list[Path]:
    return sorted(p for root in roots for p in root.rglob("*") if p.is_file() and p.suffix in SUFFIXES
                  and "__pycache__" not in p.parts and not p.name.endswith(".egg-info")
                  and ".egg-info" not in str(p)
                  and (not p.is_relative_to(VENDORED) or p.is_relative_to(OWN_ASSETS)))


def scan(files: list[Path], names: dict[str, re.Pattern[str]], base: Path) -> list[str]:
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        # Each pattern matches only where its name is written: those of the names the file holds, line by line.
        present = {name: pattern for name, pattern in names.items() if name in text}
        for number, line in enumerate(text.splitlines(), start=1):
            found += [f"{path.relative_to(base)}:{number}: {name}" for name, pattern in present.items()
                      if pattern.search(line)]
    return found


@pytest.fixture(scope="module")
def names(corpus, store) -> dict[str, re.Pattern[str]]:
    ids = Ids("https://zangraph.example")
    positions = [ids.parse(row["position"])["position"] for row in store.select("positions")]
    return _names(corpus, [p for p in positions if p])


@pytest.mark.corpus
def test_no_file_of_the_code_names_an_act_or_a_position_of_the_corpus(names):
    assert len(names) > 300
    files = _code_files(CODE)
    assert ROOT / "api" / "pages" / "templates" / "act.html" in files
    assert ROOT / "src" / "zangraph" / "graph" / "docgen.py" in files
    assert not any(p.is_relative_to(ROOT / "api" / "static" / "yasgui-4.6.2") for p in files)
    assert scan(files, names, ROOT) == []


@pytest.mark.corpus
def test_the_check_finds_a_name_it_is_given(names):
    line = "    # order 360 of 25.10.2017: att_1__chp_2__sec_6__para_54, see /akn/kz/act/order/2017/360"
    hits = {name for name, pattern in names.items() if pattern.search(line)}
    assert {"25.10.2017", "att_1__chp_2__sec_6__para_54", "/2017/360"} <= hits


@pytest.mark.corpus
def test_an_act_or_a_position_placed_in_the_service_or_a_template_is_found(names, tmp_path):
    api = tmp_path / "api"
    (api / "pages" / "templates").mkdir(parents=True)
    (api / "routes.py").write_text('ACT = "An act\'s id, e.g. order-2017-360"\n', encoding="utf-8")
    (api / "pages" / "templates" / "home.html").write_text(
        '<a href="/positions/social-work-consultant">the consultant</a>\n', encoding="utf-8")
    (api / "pages" / "words.py").write_text('WORDS = {"social work": "consultant"}\n', encoding="utf-8")
    assert scan(_code_files([api]), names, tmp_path) == [
        "api/pages/templates/home.html:1: social-work-consultant", "api/routes.py:1: order-2017-360"]


@pytest.mark.unit
def test_an_acts_number_is_looked_for_where_code_would_write_it():
    found = [bool(_written_number("350").search(text)) for text in
             ('number == "350"', "# order 350 of 2018", "№ 350", "N 350 бұйрығымен", "errors(350)", "port 3500")]
    assert found == [True, True, True, True, False, False]
