"""The JSON API under ``/api/``: the same query results the HTML pages render.

Lists are ``{"items": [...], "limit": n, "offset": n, "next": url-or-null}``; ``limit`` is at
most :data:`~wiretrace.store.queries.MAX_LIMIT`. Search snippets are plain text with the matches
given as ``[start, end]`` offsets, so no client ever has to trust markup from a page.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse

from wiretrace.store import queries
from wiretrace.store.queries import MAX_ID, MAX_LIMIT, MAX_OFFSET

RowId = Annotated[int, Path(ge=1, le=MAX_ID, description="a stored row id")]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT}")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="items to skip")]
Date = Annotated[str | None, Query(pattern=r"^(\d{4}-\d{2}-\d{2})?$",
                                  description="YYYY-MM-DD, the page's own date (empty: no bound)")]
Text = Annotated[str | None, Query(max_length=500)]

#: Largest request body ``POST /api/ingest`` reads.
MAX_INGEST_BYTES = 32 * 1024 * 1024

router = APIRouter(prefix="/api", tags=["read"])
write_router = APIRouter(prefix="/api", tags=["write"])


async def conn(request: Request):
    return request.app.state.db.conn()


Conn = Annotated[Any, Depends(conn)]


def page(request: Request, items: list, more: bool, limit: int, offset: int) -> dict[str, Any]:
    """A list response, with the URL of the next page when there is one."""
    following = None
    if more:
        params = dict(request.query_params)
        params.update(limit=str(limit), offset=str(offset + limit))
        following = f"{request.url.path}?{urlencode(params)}"
    return {"items": items, "limit": limit, "offset": offset, "next": following}


def found(value: dict[str, Any] | None, what: str) -> dict[str, Any]:
    if value is None:
        raise HTTPException(404, f"no such {what}")
    return value


@router.get("/articles", summary="Current articles, newest ingested first")
async def articles(request: Request, conn: Conn, limit: Limit = 20, offset: Offset = 0, outlet: Text = None,
             since: Date = None, until: Date = None, entity: Text = None):
    items, more = queries.list_articles(conn, limit, offset, outlet=outlet, since=since, until=until, entity=entity)
    return page(request, items, more, limit, offset)


@router.get("/articles/{article_id}", summary="One stored article version: record, analyses, provenance")
async def article(conn: Conn, article_id: RowId):
    return found(queries.get_article(conn, article_id), "article")


@router.get("/search", summary="Full-text search (FTS5 syntax) over headlines, bodies and claims")
async def search(request: Request, conn: Conn, q: Annotated[str, Query(min_length=1, max_length=500)],
           limit: Limit = 20, offset: Offset = 0, outlet: Text = None, since: Date = None, until: Date = None,
           entity: Text = None):
    items, more = queries.search(conn, q, limit, offset, outlet=outlet, since=since, until=until, entity=entity)
    return page(request, items, more, limit, offset)


@router.get("/stories", summary="Stories (story id, else syndication group, else the article alone)")
async def stories(request: Request, conn: Conn, limit: Limit = 20, offset: Offset = 0):
    items, more = queries.list_stories(conn, limit, offset)
    return page(request, items, more, limit, offset)


@router.get("/stories/{key:path}", summary="A story's articles in time order, its outlets and syndication groups",
            responses={307: {"description": "a:<id> of an article that belongs to a story: to that story"}})
async def story(conn: Conn, key: str):
    value = found(queries.get_story(conn, key), "story")
    if "redirect" in value:  # as the story page does (an article's story, or the story a merged one joined)
        return RedirectResponse(f"/api/stories/{quote(value['redirect'], safe='')}", status_code=307)
    return value


@router.get("/claims", summary="Claims, newest first; q: claims whose text has every word of q")
async def claims(request: Request, conn: Conn, q: Text = None, status: Text = None, limit: Limit = 20,
           offset: Offset = 0):
    items, more = queries.list_claims(conn, q, limit, offset, status=status)
    return page(request, items, more, limit, offset)


@router.get("/claims/{claim_id}", summary="A claim, its provenance chain and its status timeline")
async def claim(conn: Conn, claim_id: RowId):
    return found(queries.get_claim(conn, claim_id), "claim")


@router.get("/entities/{name:path}", summary="An entity: the stories and claims it appears in")
async def entity(request: Request, conn: Conn, name: str, limit: Limit = 20, offset: Offset = 0):
    value = found(queries.get_entity(conn, name, limit, offset), "entity")
    listing = page(request, [], value.pop("more"), limit, offset)
    value.update((k, v) for k, v in listing.items() if k != "items")
    return value


# --- writing -------------------------------------------------------------------------------------------------

_ingest_lock = threading.Lock()


async def check_token(request: Request) -> None:
    """401 unless the request carries the server's token (``Authorization: Bearer``), compared in constant time."""
    expected = request.app.state.token
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    if not expected or scheme.lower() != "bearer" or \
            not hmac.compare_digest(given.strip().encode("utf-8", "surrogatepass"), expected.encode("utf-8")):
        raise HTTPException(401, "missing or wrong token", headers={"WWW-Authenticate": "Bearer"})


def _pages(body: bytes) -> list[Any]:
    """The request body as a list of JSONL page objects: one JSON object, a JSON array, or JSON Lines."""
    text = body.decode("utf-8")
    try:
        value = json.loads(text)
        return value if isinstance(value, list) else [value]
    except ValueError:
        pass  # not one JSON value: JSON Lines
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise HTTPException(400, "empty body")
    out = []
    for n, line in enumerate(lines, 1):
        try:
            out.append(json.loads(line))
        except ValueError as err:
            raise HTTPException(400, f"line {n}: invalid JSON: {err}") from None
    return out


def _spool(db_path: str) -> str:
    """The JSONL file a batch is written to for the ingester; stable per store, so input ids stay stable."""
    digest = hashlib.sha256(db_path.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    folder = os.path.join(tempfile.gettempdir(), f"wiretrace-web-{digest}")
    os.makedirs(folder, mode=0o700, exist_ok=True)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise HTTPException(500, f"{folder} is not a private folder of this user")
    return os.path.join(folder, "api-ingest.jsonl")


@contextmanager
def _exclusive(spool: str) -> Iterator[None]:
    """Hold the spool for one batch: across threads, and across worker processes (``--workers``)."""
    with _ingest_lock, open(spool + ".lock", "w") as lock:
        try:
            import fcntl
        except ImportError:  # not POSIX: one process only
            yield
            return
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _ingest(db_path: str, items: list[Any], analyze: bool) -> dict[str, Any]:
    from wiretrace.ingest import Ingester
    from wiretrace.store import Store, StoreError

    if analyze:
        try:
            import wiretrace.analyze.pipeline  # noqa: F401
        except Exception:  # the analysis models are optional: store the pages unanalysed
            analyze = False
    errors: list[str] = []
    spool = _spool(db_path)
    with _exclusive(spool):
        with open(spool, "w", encoding="utf-8") as fh:
            for item in items:  # (a page with no id or url of its own is identified by its content)
                fh.write(json.dumps(item, ensure_ascii=False) + "\n")
        try:
            with Store(db_path, create=False) as store:
                # (analysed in this server process: starting analysis workers per request would
                # cost seconds and compete with the server's own processes for the cores)
                ingester = Ingester(store, analyze=analyze, workers=1, on_error=errors.append)
                summary = ingester.ingest([spool])
                rows = store.conn.execute("SELECT id, headline FROM articles WHERE last_run = ? AND is_current = 1 "
                                          "ORDER BY id", (ingester.run_id,)).fetchall()
        except StoreError as err:  # a full disk, a read-only store: the server's trouble, not the request's
            raise HTTPException(503, f"the store cannot take pages now: {err.reason}") from None
        finally:
            try:
                os.unlink(spool)
            except OSError:
                pass
    return {"summary": {"new": summary.new, "versions": summary.versions, "unchanged": summary.unchanged,
                        "errors": summary.errors},
            "analyzed": analyze,
            "errors": [e.replace(spool, "request") for e in errors],
            "articles": [{"id": r[0], "headline": r[1], "url": f"/articles/{r[0]}"} for r in rows]}


@write_router.post("/ingest", status_code=201, dependencies=[Depends(check_token)],
                   summary="Ingest pages: one JSON object, a JSON array, or JSON Lines of "
                           '{"id"?, "url"?, "html"|"text", "title"?, "published"?, "outlet"?}',
                   responses={401: {"description": "missing or wrong token"}})
async def ingest(request: Request, analyze: bool = True):
    size = request.headers.get("content-length")
    if size and size.isdigit() and int(size) > MAX_INGEST_BYTES:
        raise HTTPException(413, f"body over {MAX_INGEST_BYTES} bytes")
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_INGEST_BYTES:
            raise HTTPException(413, f"body over {MAX_INGEST_BYTES} bytes")
    try:
        items = _pages(bytes(body))
    except UnicodeDecodeError:
        raise HTTPException(400, "body is not UTF-8") from None
    if not items:
        raise HTTPException(400, "no pages in the body")
    result = await run_in_threadpool(_ingest, request.app.state.db_path, items, analyze)
    if not result["articles"] and result["summary"]["errors"]:
        raise HTTPException(422, result["errors"])
    return result
