"""The SPARQL page for a browser: YASGUI (vendored, api/static/yasgui-*) on this service's /sparql, with the
cookbook's queries (src/zangraph/queries) ready to load, their parameters bound in a VALUES clause."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from fastapi import Request
from fastapi.responses import Response

from zangraph.api.pages.render import Context, html
from zangraph.store import queries

YASGUI = "yasgui-4.6.2"
_EXAMPLE = re.compile(r"<BASE(/[^>]*)>")


def example_values(parameters: dict[str, str], base: str, at: date) -> dict[str, str]:
    """A value for each parameter of a query: the example its description gives, or the page's date.

    >>> example_values({"at": "the date, an xsd:date literal", "part": "e.g. <BASE/x/~a_1>"}, "http://b",
    ...                date(2024, 1, 2))
    {'at': '"2024-01-02"^^<http://www.w3.org/2001/XMLSchema#date>', 'part': '<http://b/x/~a_1>'}
    """
    out = {}
    for name, description in parameters.items():
        if m := _EXAMPLE.search(description):
            out[name] = f"<{base}{m.group(1)}>"
        elif "xsd:date" in description:
            out[name] = f'"{at.isoformat()}"^^<http://www.w3.org/2001/XMLSchema#date>'
    return out


def cookbook(base: str, at: date) -> list[dict[str, Any]]:
    """Each cookbook query as the editor loads it."""
    out = []
    for name in queries.names():
        q = queries.load(name)
        text = q.text.rstrip() + "\n"
        values = example_values(q.parameters, base, at)
        if values:
            names = " ".join(f"?{k}" for k in values)
            bound = " ".join(values.values())
            text += f"# The parameters, bound to examples: change them here.\nVALUES ({names}) {{ ({bound}) }}\n"
        out.append({"name": name, "answers": q.answers, "query": text})
    return out


def editor(request: Request, base: str) -> Response:
    """The editor, with the cookbook's examples named under ``base`` (the graph's base IRI)."""
    ctx = Context.of(request)
    return html("sparql.html", ctx, title=ctx.say("query_editor"), yasgui=YASGUI, queries=cookbook(base, ctx.at))
