"""What every request and response goes through, as one plain ASGI middleware: size limits, HEAD and OPTIONS,
CORS for the read-only resources, and the security headers.

Plain ASGI rather than Starlette's ``BaseHTTPMiddleware``: that one runs each request in a task group with
memory streams, which cost more than most answers of this service, and hides the client's disconnect from the
handlers (a disconnected client's SPARQL query is stopped, see api/sparql.py)."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from zangraph.api.problems import PROBLEM, problem_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CORS_PATHS = ("/sparql", "/api/", "/id/")
# Script, style and requests from this service only (the SPARQL editor's script and its queries), no frame, no
# form posting elsewhere. Inline style is allowed for the editor, which sets it; no inline script is.
PAGE_POLICY = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
               "font-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; "
               "frame-ancestors 'none'")
_ALWAYS = [(b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]
_PAGE = [(b"content-security-policy", PAGE_POLICY.encode()), (b"x-frame-options", b"DENY")]
_CORS = [(b"access-control-allow-origin", b"*"), (b"access-control-expose-headers", b"Retry-After, Vary")]


class Guard:
    """The middleware; ``max_body`` and ``max_target`` in bytes, ``cors`` whether CORS_PATHS answer any origin."""

    def __init__(self, app: ASGIApp, max_body: int, max_target: int, cors: bool):
        self.app, self.max_body, self.max_target, self.cors = app, max_body, max_target, cors

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope["path"]
        cors = self.cors and path.startswith(CORS_PATHS)
        extra = _ALWAYS + (_CORS if cors else [])
        # Before anything reads them: a request target or a declared body larger than the settings allow (a body
        # sent in chunks states no length; the handler that reads it counts it).
        target = len(scope.get("raw_path", b"")) + len(scope.get("query_string", b""))
        if target > self.max_target:
            await _problem(send, scope, 414, f"the request target is longer than {self.max_target} bytes: send a "
                                             "long query by POST", extra)
            return
        length = _header(scope, b"content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_body):
            await _problem(send, scope, 413, f"the request body is larger than {self.max_body // 1024} KiB, or its "
                                             "stated length is not a number", extra)
            return
        if scope["method"] == "OPTIONS":
            # What a resource allows, which also answers a CORS preflight.
            allow = b"GET, HEAD, POST, OPTIONS" if path == "/sparql" else b"GET, HEAD, OPTIONS"
            headers = [(b"allow", allow), *extra]
            if cors:
                headers += [(b"access-control-allow-methods", allow), (b"access-control-max-age", b"600"),
                            (b"access-control-allow-headers", b"Accept, Content-Type")]
            await send({"type": "http.response.start", "status": 204, "headers": headers})
            await send({"type": "http.response.body", "body": b""})
            return
        head = scope["method"] == "HEAD"
        if head:  # GET without the body
            scope = {**scope, "method": "GET"}

        async def sending(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                added = [(n, v) for n, v in extra if n not in names]
                media = next((v for n, v in headers if n.lower() == b"content-type"), b"")
                # The API reference (/docs, /redoc) is FastAPI's own page, with its own inline script.
                if media.startswith(b"text/html") and not path.startswith(("/docs", "/redoc")):
                    added += [(n, v) for n, v in _PAGE if n not in names]
                message = {**message, "headers": headers + added}
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, sending)


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return value.decode("latin-1").strip()
    return None


async def _problem(send: Send, scope: Scope, status: int, detail: str, headers: list[tuple[bytes, bytes]]) -> None:
    body = json.dumps(problem_body(status, detail, scope["path"])).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", PROBLEM.encode()), (b"content-length", str(len(body)).encode()),
                            *headers]})
    await send({"type": "http.response.body", "body": body})
