"""The full-text index of the dataset: every text of every version of every part, and every act's titles, in
an SQLite FTS5 table (the standard library's ``sqlite3``), built with the dataset and published beside it.

FTS5's ``unicode61`` tokenizer knows Cyrillic letters, the Kazakh ones (ә, ғ, қ, ң, ө, ұ, ү, һ, і) among them,
and folds their case; ``remove_diacritics 2`` lets ``е`` find ``ё``. Russian and Kazakh inflect their words, so
every word of a query matches the words that begin with it (``социальн`` finds ``социальной``, ``социальных``)."""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from zangraph.errors import InvalidParameter
from zangraph.model.ids import Ids, language_of
from zangraph.store.base import Repository

MAX_WORDS = 12
_SCHEMA = """
CREATE VIRTUAL TABLE texts USING fts5(
    body, heading, kind UNINDEXED, act UNINDEXED, part UNINDEXED, eid UNINDEXED, version UNINDEXED,
    lang UNINDEXED, start UNINDEXED, finish UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2');
"""
# Marks around the matched words in a passage: control characters, which no text of the corpus holds.
_OPEN, _CLOSE = "\x02", "\x03"
_WORD = re.compile(r"\w+")


def index_of(repository: Repository, ids: Ids) -> bytes:
    """The index of what ``repository`` holds, as the bytes of an SQLite database (rows of ``search-texts.rq``,
    named by the API's ids)."""
    db = sqlite3.connect(":memory:")
    db.executescript(_SCHEMA)
    records = []
    for r in repository.select("search-texts"):
        if r.get("title"):
            records.append((r["title"], "", "title", ids.act_key(r["act"]), "", "", "", r.get("title_lang") or "",
                            "", ""))
        elif r.get("part"):
            part = ids.frbr(r["part"])
            records.append((r.get("text") or "", r.get("heading") or "", "text", part.work.key, part.key,
                            r["eid"], ids.frbr(r["version"]).key, language_of(r["expression"]),
                            _day(r["start"]), _day(r.get("end"))))
    db.executemany("INSERT INTO texts VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", records)
    db.commit()
    data = db.serialize()
    db.close()
    return data


def _day(value: date | None) -> str:
    """A bound of an interval as the index keeps it: ISO text, or empty where the interval is open."""
    return value.isoformat() if value else ""


def query_words(q: str) -> list[str]:
    """The words of a query, as FTS5 is given them: letters and digits only, so that nothing in it is syntax.

    >>> query_words("  Социальн* работ, «жұмыс»! ")
    ['Социальн', 'работ', 'жұмыс']
    """
    return _WORD.findall(q)


@dataclass(frozen=True)
class Hit:
    act: str
    kind: str  # "title" or "text"
    part: str | None
    eid: str | None
    version: str | None
    lang: str
    valid_from: str | None
    valid_to: str | None
    passage: list[tuple[str, bool]]  # the passage as pieces of text, each matched or not

    def as_json(self) -> dict[str, Any]:
        return {"act": self.act, "kind": self.kind, "part": self.part, "version": self.version, "lang": self.lang,
                "valid_from": self.valid_from, "valid_to": self.valid_to,
                "passage": [{"text": t, "match": m} for t, m in self.passage]}


def pieces(snippet: str) -> list[tuple[str, bool]]:
    """A marked passage as pieces.

    >>> pieces("a \\x02b\\x03 c")
    [('a ', False), ('b', True), (' c', False)]
    """
    out: list[tuple[str, bool]] = []
    for i, chunk in enumerate(snippet.split(_OPEN)):
        matched, _, rest = chunk.partition(_CLOSE) if i else ("", "", chunk)
        if matched:
            out.append((matched, True))
        if rest:
            out.append((rest, False))
    return out


class SearchIndex:
    """The index, opened read-only, answering from any thread."""

    def __init__(self, data: bytes | None = None, path: Path | None = None):
        if path is not None:
            self.db = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        else:
            self.db = sqlite3.connect(":memory:", check_same_thread=False)
            self.db.deserialize(data or b"")
        self.lock = threading.Lock()
        with self.lock:
            self.size = self.db.execute("SELECT count(*) FROM texts").fetchone()[0]

    def search(self, q: str, at: date | None = None, lang: str | None = None, limit: int = 100) -> list[Hit]:
        """The texts and titles with every word of ``q`` (each as the beginning of a word), best first; only
        the versions in force at ``at`` when it is given, only texts in ``lang`` when it is given."""
        words = query_words(q)
        if not words:
            raise InvalidParameter("q", q, "one or more words (letters or digits)")
        if len(words) > MAX_WORDS:
            raise InvalidParameter("q", q, f"at most {MAX_WORDS} words")
        match = " ".join(f'"{w}"*' for w in words)
        sql = ("SELECT act, kind, part, eid, version, lang, start, finish, "
               f"snippet(texts, -1, '{_OPEN}', '{_CLOSE}', '…', 32) FROM texts WHERE texts MATCH ?")
        params: list[Any] = [match]
        if at is not None:
            sql += " AND (kind = 'title' OR (start <= ? AND (finish = '' OR finish > ?)))"
            params += [at.isoformat(), at.isoformat()]
        if lang is not None:
            sql += " AND lang = ?"
            params.append(lang)
        sql += " ORDER BY rank LIMIT ?"
        params.append(limit)
        with self.lock:
            found = self.db.execute(sql, params).fetchall()
        return [Hit(act, kind, part or None, eid or None, version or None, language, start or None, finish or None,
                    pieces(passage)) for act, kind, part, eid, version, language, start, finish, passage in found]


def grouped(hits: list[Hit]) -> list[dict[str, Any]]:
    """Hits by act, the acts in the order of their best hit."""
    acts: dict[str, list[Hit]] = {}
    for hit in hits:
        acts.setdefault(hit.act, []).append(hit)
    return [{"act": act, "hits": found} for act, found in acts.items()]
