"""What a SPARQL request text is, read by one linear scan: the keywords outside IRIs, strings and comments.

No regular expression runs over user text here (a crafted text can make one backtrack for minutes), and this
module judges no syntax: Oxigraph's parser does. It only tells what a text that Oxigraph refused as a query
was meant to be (an update is refused with 403, anything else is a syntax error), and whether a query calls
SERVICE (a read-only endpoint must not fetch the URLs its clients name).

>>> form("PREFIX drop: <urn:x#> SELECT * WHERE { ?s drop:p 'insert' } # delete")
'query'
>>> form("prefix ex: <http://example.org/>\\nINSERT DATA { ex:a ex:b ex:c }")
'update'
>>> services('SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }')
['http://example.org/sparql']
>>> services('SELECT ?service { ?service ex:SERVICE "SERVICE"@en } # SERVICE')
[]
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urljoin

QUERY_FORMS = frozenset({"SELECT", "CONSTRUCT", "ASK", "DESCRIBE"})
UPDATE_FORMS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})
_PROLOGUE = frozenset({"PREFIX", "BASE"})
# Characters an IRI reference cannot hold: a "<" followed by one of them is the less-than operator.
_NOT_IN_IRI = frozenset(' \t\r\n<"{}|^`\\')


def keywords(text: str) -> Iterator[str]:
    """The bare words of a SPARQL text, upper-cased, in order: not variables, prefixed names, IRIs, strings,
    language tags, numbers or comments.

    >>> list(keywords('BASE <a> select ?x { ?x <b> "c"@fr ; d:e 1.5 FILTER(?x < 3) } # x'))
    ['BASE', 'SELECT', 'FILTER']
    """
    return (value for kind, value in tokens(text) if kind == "word")


def tokens(text: str) -> Iterator[tuple[str, str]]:
    """The text's tokens that matter here, as (kind, value): ``word`` (upper-cased), ``iri`` (between the
    angle brackets), ``var`` and ``name`` (a prefixed name); strings, numbers, comments and punctuation are
    passed over.

    >>> list(tokens("SELECT ?x { ex:a <urn:b> 'c' }"))
    [('word', 'SELECT'), ('var', '?x'), ('name', 'ex:a'), ('iri', 'urn:b')]
    """
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == "#":
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif c == "<":
            j = i + 1
            while j < n and text[j] != ">" and text[j] not in _NOT_IN_IRI:
                j += 1
            if j < n and text[j] == ">":
                yield "iri", text[i + 1:j]
                i = j + 1
            else:
                i += 1
        elif c in "\"'":
            i = _skip_string(text, i)
        elif c in "?$@":
            j = i + 1
            while j < n and (text[j].isalnum() or text[j] in "_-"):
                j += 1
            if c != "@":
                yield "var", text[i:j]
            i = j
        elif c.isalpha() or c == "_" or c == ":":
            j = i
            while j < n and (text[j].isalnum() or text[j] in "_-.:"):
                j += 1
            word = text[i:j].rstrip(".")
            yield ("name", word) if ":" in word else ("word", word.upper())
            i = j
        elif c.isdigit():
            while i < n and (text[i].isalnum() or text[i] in ".+-"):
                i += 1
        else:
            i += 1


def _skip_string(text: str, i: int) -> int:
    """The index after the string literal starting at ``i`` (short or long, with backslash escapes)."""
    quote = text[i] * 3 if text.startswith(text[i] * 3, i) else text[i]
    j, n = i + len(quote), len(text)
    while j < n:
        if text[j] == "\\":
            j += 2
        elif text.startswith(quote, j):
            return j + len(quote)
        elif len(quote) == 1 and text[j] == "\n":
            return j  # an unterminated short string: the parser will say so
        else:
            j += 1
    return n


def form(text: str) -> str:
    """``query``, ``update`` or ``unknown``: what the first keyword after the prologue makes the text."""
    for word in keywords(text):
        if word in _PROLOGUE:
            continue
        if word in QUERY_FORMS:
            return "query"
        if word in UPDATE_FORMS:
            return "update"
        return "unknown"
    return "unknown"


def services(text: str) -> list[str | None]:
    """The endpoint each SERVICE of the text calls, in order: its IRI as written, or None where the endpoint is
    a variable or a prefixed name (which only the whole query could resolve).

    >>> services("SELECT * { SERVICE SILENT <http://a.example/q> { ?s ?p ?o } SERVICE ?e { } }")
    ['http://a.example/q', None]
    """
    found: list[str | None] = []
    stream = tokens(text)
    for kind, value in stream:
        if kind == "word" and value == "SERVICE":
            kind, value = next(stream, ("", ""))
            if kind == "word" and value == "SILENT":
                kind, value = next(stream, ("", ""))
            found.append(value if kind == "iri" else None)
    return found


def dataset(text: str, base: str | None = None) -> tuple[list[str], list[str]]:
    """The graphs the query's FROM and FROM NAMED clauses name, as absolute IRIs: prefixed names expanded by the
    query's PREFIX declarations, relative IRIs resolved against ``base`` (the query's BASE wins).

    >>> dataset("PREFIX g: <http://x.example/graph/> SELECT * FROM g:a FROM NAMED <b> { }", "http://x.example/")
    (['http://x.example/graph/a'], ['http://x.example/b'])
    """
    prefixes: dict[str, str] = {}
    defaults: list[str] = []
    named: list[str] = []
    stream = tokens(text)
    for kind, value in stream:
        if kind == "word" and value == "BASE":
            kind, value = next(stream, ("", ""))
            if kind == "iri":
                base = urljoin(base or "", value)
        elif kind == "word" and value == "PREFIX":
            _, name = next(stream, ("", ""))
            kind, value = next(stream, ("", ""))
            if kind == "iri":
                prefixes[name.rstrip(":")] = urljoin(base or "", value)
        elif kind == "word" and value == "FROM":
            kind, value = next(stream, ("", ""))
            into = defaults
            if kind == "word" and value == "NAMED":
                kind, value = next(stream, ("", ""))
                into = named
            if kind == "iri":
                into.append(urljoin(base or "", value))
            elif kind == "name" and value.split(":", 1)[0] in prefixes:
                prefix, local = value.split(":", 1)
                into.append(prefixes[prefix] + local)
    return defaults, named
