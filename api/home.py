"""The home page: what the service holds and where to start, for a person with a browser."""

from __future__ import annotations

from html import escape
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .problems import errors

router = APIRouter(tags=["Service"])


def _title(titles: dict[str, str]) -> str:
    return titles.get("en") or titles.get("ru") or next(iter(titles.values()), "")


@router.get("/", response_class=HTMLResponse, summary="Home page: the acts and positions, and where to start",
            responses=errors(503))
def home(request: Request) -> HTMLResponse:
    service = request.app.state.service
    base = request.app.state.settings.base_iri
    acts = [a for a in service.acts()["acts"] if a["number"]]
    positions = service.positions()["positions"]
    act_rows = "".join(
        f'<tr><td><a href="/id{escape(a["iri"][len(base):] if "iri" in a else "")}">{escape(a["id"])}</a></td>'
        f'<td>{escape(a["date"] or "")}</td><td>{escape(_title(a["title"]))}</td>'
        f'<td><a href="/api/v1/acts/{quote(a["id"])}">status today</a> · '
        f'<a href="/api/v1/acts/{quote(a["id"])}/history">history</a></td></tr>' for a in acts)
    position_rows = "".join(
        f'<tr><td>{escape(_title(p["title"]))}</td>'
        f'<td><a href="/api/v1/positions/{quote(p["id"])}/requirements">requirements today</a> · '
        f'<a href="/id/position/{quote(p["id"])}">linked data</a></td></tr>' for p in positions)
    return HTMLResponse(f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Zangraph</title>
<style>body{{font-family:sans-serif;max-width:75em;margin:1em auto;padding:0 1em}}td{{vertical-align:top;
padding:.2em .5em;border-top:1px solid #ddd}}th{{text-align:left}}td:first-child,td:nth-child(2){{white-space:nowrap}}
</style></head><body>
<h1>Zangraph</h1>
<p>Kazakhstan's orders on social workers' qualifications, every version of every part over time.
Ask what applied on a date: <code>/api/v1/positions/&lt;id&gt;/requirements?at=YYYY-MM-DD</code>.</p>
<p><a href="/docs">API reference</a> · <a href="/openapi.json">OpenAPI</a> · <a href="/sparql">SPARQL endpoint</a>
 · <a href="/.well-known/void">VoID</a> · <a href="/api/v1/findings">findings</a> · <a href="/healthz">health</a></p>
<h2>Acts</h2><table><tr><th>act</th><th>date</th><th>title</th><th></th></tr>{act_rows}</table>
<h2>Positions</h2><table><tr><th>position</th><th></th></tr>{position_rows}</table>
</body></html>
""")
