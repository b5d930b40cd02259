"""The FastAPI application: one store, the same views as HTML pages and as JSON under ``/api/``.

Read-only unless a token is given: then ``POST /api/ingest`` exists, for requests that carry
``Authorization: Bearer <token>``. Every response carries a Content-Security-Policy that allows
only the app's own scripts and styles; the app never fetches anything a page links to.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from wiretrace import __version__
from wiretrace.store.queries import Database, interrupted

STATIC = Path(__file__).resolve().parent / "static"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """ASGI middleware adding :data:`SECURITY_HEADERS` to every HTTP response."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": headers + SECURITY_HEADERS}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def create_app(db: str | os.PathLike[str], *, token: str | None = None, time_limit_ms: int = 1000) -> FastAPI:
    """The app serving the store at ``db`` (which must exist); ``token`` enables ``POST /api/ingest``.

    Handlers run their (short, read-only) queries on the event loop: a thread hop per request
    halves throughput under load, and ``time_limit_ms`` bounds how long any query can block.
    """
    from wiretrace.store import Store
    from wiretrace.web import api, views

    path = os.path.abspath(os.fspath(db))
    Store(path, create=False).close()  # fails now, with the store's message, rather than on each request
    app = FastAPI(title="wiretrace", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="A provenance-aware news corpus: articles, search, stories, claims and entities. "
                              "Every list is paginated with `limit` (at most 100) and `offset`; a page's `next` "
                              "is the URL of the following page, or null.")
    app.state.db = Database(path, time_limit_ms)
    app.state.db_path = path
    app.state.token = token or None
    app.include_router(api.router)
    if token:
        app.include_router(api.write_router)
    app.include_router(views.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return views.error_page(request, exc.status_code, str(exc.detail), headers=exc.headers)

    from starlette.exceptions import HTTPException as StarletteHTTPException

    app.add_exception_handler(StarletteHTTPException, http_error)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        if _wants_json(request):
            return JSONResponse({"detail": errors}, status_code=422)
        message = "; ".join(f"{'.'.join(map(str, e['loc'][1:])) or 'request'}: {e['msg']}" for e in errors)
        return views.error_page(request, 422, message)

    @app.exception_handler(sqlite3.OperationalError)
    async def too_slow(request: Request, exc: sqlite3.OperationalError):
        if not interrupted(exc):
            raise exc
        message = f"the query took longer than {app.state.db.time_limit * 1000:.0f} ms; narrow it down"
        if _wants_json(request):
            return JSONResponse({"detail": message}, status_code=503)
        return views.error_page(request, 503, message)

    app.add_middleware(SecurityHeaders)
    return app


def app_from_env() -> FastAPI:
    """The app for ``WIRETRACE_DB`` (and ``WIRETRACE_TOKEN``): uvicorn's factory when running several workers."""
    return create_app(os.environ["WIRETRACE_DB"], token=os.environ.get("WIRETRACE_TOKEN") or None)
