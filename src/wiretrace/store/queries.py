"""Read queries over a store: plain SQL (tables in :mod:`wiretrace.store.schema`) that the web app,
the CLI and the Python API share.

Every function takes an open :class:`sqlite3.Connection` (``row_factory = sqlite3.Row``) and
returns plain dicts and lists, which the JSON API returns as they are and the HTML views render.
List functions fetch one row more than asked and return ``(items, more)``.

Identifiers: an article is its row id in ``articles`` (one row per version; the current version
is linked from older ones); a claim is its row id in ``claims``; an entity is its name; a story is
a key: ``s:<story_id>``, ``g:<syndication_group>`` for a group without a story, or ``a:<id>`` for an
article that belongs to neither (a story of its own).
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from datetime import datetime, timezone
from typing import Any

from wiretrace.link.claims import claim_words, same_claim, source_key, stem
from wiretrace.store.db import shown_id

#: FTS5 snippet/highlight markers: private-use characters, which news text never contains.
MARK_START, MARK_END = "\ue000", "\ue001"

#: Largest page any list returns, and the deepest offset it accepts.
#: Row ids are SQLite INTEGERs: 64-bit signed.
MAX_ID = 2**63 - 1
MAX_LIMIT = 100
MAX_OFFSET = 100_000

SUMMARY = ("a.id, a.doc_id, a.version, a.is_current, a.headline, a.url, a.published, a.publisher, a.wire, "
           "a.syndicated, a.is_article, a.story_id, a.syndication_group, "
           # (Read from the record for the rows shown only: SQLite works out a result column once
           # the row is chosen.)
           "json_array_length(a.record, '$.corrections') AS corrections")

#: A claim's status, weakest to strongest: a story's timeline shows the strongest per article.
STATUS_RANK = {"asserted": 0, "confirmed": 1, "declined_to_comment": 1, "not_confirmed": 2, "disputed": 3,
               "denied": 4}



class QueryTimeout(Exception):
    """A request's queries ran past the time limit (SQLite interrupted them)."""


class ReadConnection(sqlite3.Connection):
    """A read-only store connection that remembers recent search results while the store is unchanged.

    This is a search engine's query-result cache (Solr's ``queryResultCache``): analysts repeat
    queries (paging, refining filters, several readers on one story), and ranking a common word
    costs milliseconds. ``PRAGMA data_version`` changes whenever another connection commits, so
    an ingest empties the cache before the next read; nothing stale is ever served.
    The cache has no lock: a connection serves one thread at a time (the app's handlers run on
    its event loop); items are shared with callers, who must copy before changing them.
    """

    CACHE_SIZE = 512

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._results: OrderedDict[Hashable, Any] = OrderedDict()
        self._version: int | None = None

    def remembered(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        """``compute()``'s result, from the cache when ``key`` was computed since the store last changed."""
        version = self.execute("PRAGMA data_version").fetchone()[0]
        if version != self._version:
            self._results.clear()
            self._version = version
        if key in self._results:
            self._results.move_to_end(key)
            return self._results[key]
        value = compute()
        self._results[key] = value
        if len(self._results) > self.CACHE_SIZE:
            self._results.popitem(last=False)
        return value


class Database:
    """The store at ``path``, with one read-only connection per thread (SQLite connections are per thread).

    Each :meth:`conn` call starts a request's time budget: SQLite aborts any query still running
    ``time_limit_ms`` later (as datasette does), so one pathological query cannot hold a worker.
    """

    def __init__(self, path: str, time_limit_ms: int = 1000):
        self.path = path
        self.time_limit = time_limit_ms / 1000
        self._local = threading.local()

    def conn(self) -> ReadConnection:
        local = self._local
        conn = getattr(local, "conn", None)
        if conn is None:
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False, timeout=30.0,
                                   factory=ReadConnection)
            conn.row_factory = sqlite3.Row
            conn.execute("PRAGMA query_only = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
            conn.execute("PRAGMA cache_size = -16000")
            # Reads through a memory map skip a read() and a copy per page: search touches thousands.
            conn.execute("PRAGMA mmap_size = 268435456")
            conn.set_progress_handler(lambda: time.monotonic() > local.deadline, 5000)
            local.conn = conn
        local.deadline = time.monotonic() + self.time_limit
        return conn


def interrupted(err: sqlite3.Error) -> bool:
    return "interrupted" in str(err)


# --- helpers -------------------------------------------------------------------------------------------------

def row_id(text: str) -> int | None:
    """``text`` as a stored row id, or None when it can name none.

    Only ASCII digits: ``str.isdigit`` also passes "²" and "٣", which ``int`` refuses or reads as
    another number; and SQLite refuses an integer past :data:`MAX_ID`."""
    if not (text.isascii() and text.isdigit() and len(text) <= len(str(MAX_ID))):
        return None
    value = int(text)
    return value if 1 <= value <= MAX_ID else None


def shown_ids(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str]:
    """Each article row's id as the commands and records show it (:func:`shown_id`), by row id."""
    marks = ",".join("?" * len(ids))
    return {row["id"]: shown_id(row["input_id"], row["doc_id"]) for row in conn.execute(
        f"SELECT id, input_id, doc_id FROM articles WHERE id IN ({marks})", ids)} if ids else {}


def article_by_shown_id(conn: sqlite3.Connection, text: str) -> int | None:
    """The row of the current article whose id, as :func:`shown_id` shows it, is ``text``."""
    row = conn.execute("SELECT id FROM articles WHERE is_current = 1 AND (input_id = ? OR input_id IS NULL AND "
                       "doc_id = ?)", (text, row_id(text) or 0)).fetchone()
    return row["id"] if row is not None else None


def story_key(row: sqlite3.Row | dict[str, Any]) -> str:
    if row["story_id"] is not None:
        return f"s:{row['story_id']}"
    if row["syndication_group"] is not None:
        return f"g:{row['syndication_group']}"
    return f"a:{row['id']}"


def utc(published: str | None) -> datetime | None:
    """A record date as an aware UTC datetime (a bare date counts as midnight UTC); None when unparsable."""
    if not published:
        return None
    try:
        value = datetime.fromisoformat(published)
    except ValueError:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return value.astimezone(timezone.utc)


def _time_key(item: dict[str, Any]) -> tuple[int, str, int]:
    when = utc(item.get("published"))
    return (0, when.isoformat(), item["id"]) if when else (1, "", item["id"])


def summary(row: sqlite3.Row) -> dict[str, Any]:
    """The list form of an article row (see :data:`SUMMARY`)."""
    return {"id": row["id"], "store_id": row["doc_id"], "version": row["version"],
            "is_current": bool(row["is_current"]), "headline": row["headline"], "url": row["url"],
            "published": row["published"], "publisher": row["publisher"], "wire": row["wire"],
            "syndicated": bool(row["syndicated"]), "is_article": bool(row["is_article"]),
            "story": story_key(row), "story_id": row["story_id"], "syndication_group": row["syndication_group"],
            "corrected": bool(row["corrections"])}


def split_marked(text: str | None) -> tuple[str, list[list[int]]]:
    """Text with FTS markers -> (plain text, [start, end] offsets of the marked matches)."""
    plain: list[str] = []
    spans: list[list[int]] = []
    length = 0
    for n, part in enumerate((text or "").split(MARK_START)):
        hit, _, rest = part.partition(MARK_END) if n else ("", "", part)
        hit, rest = hit.replace(MARK_END, ""), rest.replace(MARK_END, "")
        if hit:
            spans.append([length, length + len(hit)])
            plain.append(hit)
            length += len(hit)
        plain.append(rest)
        length += len(rest)
    return "".join(plain), spans


def marked_segments(text: str | None, spans: list[list[int]]) -> Iterator[tuple[str, bool]]:
    """``text`` cut at the match offsets ``spans`` (as :func:`split_marked` gives them): each
    piece, and whether it is a match."""
    text = text or ""
    at = 0
    for start, end in spans:
        start, end = max(at, min(start, len(text))), min(end, len(text))
        if start > at:
            yield text[at:start], False
        if end > start:
            yield text[start:end], True
        at = max(at, end)
    if at < len(text):
        yield text[at:], False


def join_marked(text: str | None, spans: list[list[int]], mark: tuple[str, str]) -> str:
    """``text`` with its matches (``spans``) between the ``mark`` pair."""
    return "".join(f"{mark[0]}{piece}{mark[1]}" if match else piece for piece, match in marked_segments(text, spans))


def _filters(outlet: str | None, since: str | None, until: str | None, entity: str | None) -> tuple[str, list]:
    sql, params = "", []
    if outlet:
        sql += " AND (a.publisher = ? OR a.wire = ?)"
        params += [outlet, outlet]
    if since:
        sql += " AND substr(a.published, 1, 10) >= ?"
        params.append(since)
    if until:
        sql += " AND substr(a.published, 1, 10) <= ?"
        params.append(until)
    if entity:
        sql += " AND EXISTS (SELECT 1 FROM entities e WHERE e.article_id = a.id AND e.name = ?)"
        params.append(entity)
    return sql, params


def _literal(query: str) -> str:
    """``query`` with each word taken literally (for input that is not valid FTS5 syntax)."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in query.split())


# FTS5 strings end at a NUL, and control characters match nothing a page says anyway.
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


# --- articles and search -------------------------------------------------------------------------------------

def list_articles(conn: sqlite3.Connection, limit: int, offset: int = 0, *, outlet: str | None = None,
                  since: str | None = None, until: str | None = None,
                  entity: str | None = None) -> tuple[list[dict[str, Any]], bool]:
    """Current articles, newest ingested first."""
    where, params = _filters(outlet, since, until, entity)
    rows = conn.execute(f"SELECT {SUMMARY} FROM articles a WHERE a.is_current = 1{where} "
                        "ORDER BY a.id DESC LIMIT ? OFFSET ?", (*params, limit + 1, offset)).fetchall()
    return [summary(r) for r in rows[:limit]], len(rows) > limit


#: A query matching more articles than this ranks the newest this many of them first and the
#: older ones after (bm25 costs about two microseconds per match: ranking all 100,000 matches of a
#: common word would take 200 ms, and the first pages are the ones read). The newest come first in
#: a news corpus anyway; bm25's word weights are still the whole corpus's.
RANK_WINDOW = 500


def _ranked(conn: sqlite3.Connection, match: str, where: str, params: list, limit: int, offset: int,
            order: str = "bm25(articles_fts, 5.0, 1.0, 2.0)") -> list[int]:
    """Ids of current articles matching ``match`` (and ``where``), best first.

    Best first is one order across pages, so that paging shows every match once: the matches
    among the newest :data:`RANK_WINDOW` matches of ``match``, ranked, then all older matches,
    ranked (slow, but only a page that reaches past the newest pays for it). Equal ranks go
    newest first.
    """
    base = ("FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            f"WHERE articles_fts MATCH ? AND a.is_current = 1{where}")
    order = f"{order}, a.id DESC"
    floor = conn.execute("SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC "
                         "LIMIT 1 OFFSET ?", (match, RANK_WINDOW - 1)).fetchone()
    if floor is None:  # few matches: rank them all
        rows = conn.execute(f"SELECT a.id {base} ORDER BY {order} LIMIT ? OFFSET ?",
                            (match, *params, limit, offset)).fetchall()
        return [r[0] for r in rows]
    ids = [r[0] for r in conn.execute(f"SELECT a.id {base} AND articles_fts.rowid >= ? ORDER BY {order} "
                                      "LIMIT ? OFFSET ?", (match, *params, floor[0], limit, offset))]
    if len(ids) == limit:
        return ids
    # The page runs past the newest matches: it goes on with the older ones, from where they start.
    if ids:
        older_offset = 0
    else:
        newest = conn.execute(f"SELECT count(*) {base} AND articles_fts.rowid >= ?",
                              (match, *params, floor[0])).fetchone()[0]
        older_offset = offset - newest
    rows = conn.execute(f"SELECT a.id {base} AND articles_fts.rowid < ? ORDER BY {order} LIMIT ? OFFSET ?",
                        (match, *params, floor[0], limit - len(ids), older_offset)).fetchall()
    return ids + [r[0] for r in rows]


def search(conn: sqlite3.Connection, query: str, limit: int, offset: int = 0, *, outlet: str | None = None,
           since: str | None = None, until: str | None = None,
           entity: str | None = None) -> tuple[list[dict[str, Any]], bool]:
    """Current articles matching an FTS5 ``query``: see :func:`_search`. Results are remembered
    (see :class:`ReadConnection`) when ``conn`` can; each item dict is a fresh shallow copy."""
    if not isinstance(conn, ReadConnection):
        return _search(conn, query, limit, offset, outlet, since, until, entity)
    items, more = conn.remembered(("search", query, limit, offset, outlet, since, until, entity),
                                  lambda: _search(conn, query, limit, offset, outlet, since, until, entity))
    return [dict(item) for item in items], more


def _search(conn: sqlite3.Connection, query: str, limit: int, offset: int, outlet: str | None,
            since: str | None, until: str | None, entity: str | None) -> tuple[list[dict[str, Any]], bool]:
    """Current articles matching an FTS5 ``query`` (headline weighs most), each with a marked snippet.

    Ranking runs first over row ids alone (see :data:`RANK_WINDOW`); snippets are made only for
    the page returned. A query that is not valid FTS5 syntax is searched word by word.
    """
    where, params = _filters(outlet, since, until, entity)
    query = _CONTROL.sub(" ", query)
    if not query.strip():
        return [], False
    try:
        ids = _ranked(conn, query, where, params, limit + 1, offset)
    except sqlite3.OperationalError as err:
        if interrupted(err):
            raise
        query = _literal(query)
        if not query:
            return [], False
        ids = _ranked(conn, query, where, params, limit + 1, offset)
    more, ids = len(ids) > limit, ids[:limit]
    if not ids:
        return [], False
    marks = ",".join("?" * len(ids))
    rows = {r["id"]: r for r in conn.execute(
        f"SELECT {SUMMARY}, snippet(articles_fts, -1, ?, ?, '…', 24) AS snippet, "
        "highlight(articles_fts, 0, ?, ?) AS headline_marked "
        "FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
        f"WHERE articles_fts MATCH ? AND articles_fts.rowid IN ({marks})",
        (MARK_START, MARK_END, MARK_START, MARK_END, query, *ids))}
    items = []
    for article_id in ids:
        row = rows.get(article_id)
        if row is None:
            continue
        item = summary(row)
        item["snippet"], item["snippet_matches"] = split_marked(row["snippet"])
        _, item["headline_matches"] = split_marked(row["headline_marked"])
        items.append(item)
    return items, more


def _items(conn: sqlite3.Connection, table: str, article_id: int) -> list[dict[str, Any]]:
    out = []
    for row_id, data in conn.execute(f"SELECT id, data FROM {table} WHERE article_id = ? ORDER BY id",
                                     (article_id,)):
        item = json.loads(data)
        out.append({"id": row_id, **(item if isinstance(item, dict) else {})})
    return out


def get_article(conn: sqlite3.Connection, article_id: int) -> dict[str, Any] | None:
    """One stored version: the whole record with its analyses, its provenance and its story."""
    row = conn.execute("SELECT * FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row is None:
        return None
    record = json.loads(row["record"])
    if not isinstance(record, dict):
        record = {}
    if "body" not in record:
        record["body"] = row["body"].split("\n\n") if row["body"] else []
    out: dict[str, Any] = dict(record)
    out.update({
        "id": row["id"], "store_id": row["doc_id"], "version": row["version"], "is_current": bool(row["is_current"]),
        "input_id": row["input_id"],
        "origin": {"file": row["origin_file"], "offset": row["origin_offset"], "line": row["origin_line"],
                   "item": row["origin_item"]},
        "content_hash": row["content_hash"], "ingested_at": row["ingested_at"], "wire": row["wire"],
        "story": story_key(row), "story_id": row["story_id"], "syndication_group": row["syndication_group"],
        "entities": _items(conn, "entities", row["id"]),
        "attributions": _items(conn, "attributions", row["id"]),
        "claims": _items(conn, "claims", row["id"]),
    })
    if not row["is_current"]:
        current = conn.execute("SELECT id FROM articles WHERE key = ? AND is_current = 1", (row["key"],)).fetchone()
        out["current_id"] = current[0] if current else None
    return out


# --- stories -------------------------------------------------------------------------------------------------

def list_stories(conn: sqlite3.Connection, limit: int, offset: int = 0,
                 scan_limit: int = 200_000) -> tuple[list[dict[str, Any]], bool]:
    """Stories of current articles (home pages and error pages left out), the latest-updated first.

    Walks articles newest first until it has seen enough distinct stories (so a page costs what it
    shows, not the corpus size), then counts each story's articles by index.
    """
    wanted = offset + limit + 1
    order: dict[str, sqlite3.Row] = {}
    last, scanned = None, 0
    while len(order) < wanted and scanned < scan_limit:
        rows = conn.execute("SELECT id, story_id, syndication_group, headline, publisher FROM articles "
                            "WHERE is_current = 1 AND is_article = 1 AND id < ? ORDER BY id DESC LIMIT 1000",
                            (last if last is not None else 2**62,)).fetchall()
        if not rows:
            break
        scanned += len(rows)
        last = rows[-1]["id"]
        for row in rows:
            order.setdefault(story_key(row), row)
    keys = list(order)[offset:offset + limit + 1]
    items = []
    for key in keys[:limit]:
        row = order[key]
        if key.startswith("a:"):
            articles, outlets = 1, 1 if row["publisher"] else 0
        else:
            column = "story_id" if key.startswith("s:") else "syndication_group"
            extra = "" if column == "story_id" else " AND story_id IS NULL"
            articles, outlets = conn.execute(
                f"SELECT count(*), count(DISTINCT publisher) FROM articles WHERE {column} = ? AND is_current = 1 "
                f"AND is_article = 1{extra}", (row[column],)).fetchone()
        items.append({"story": key, "articles": articles, "outlets": outlets, "headline": row["headline"],
                      "latest_id": row["id"]})
    return items, len(keys) > limit


def get_story(conn: sqlite3.Connection, key: str, max_articles: int = 500) -> dict[str, Any] | None:
    """A story's articles in time order (UTC), its outlets and its syndication groups.

    For ``a:<id>`` of an article that has a story or group, and for ``s:<story_id>`` of a story
    re-linking merged into another, returns ``{"redirect": key}``.
    """
    kind, _, value = key.partition(":")
    article_id = row_id(value) if kind == "a" else None
    if kind == "s" and value:
        where, params = "a.story_id = ?", [value]
    elif kind == "g" and value:
        where, params = "a.syndication_group = ? AND a.story_id IS NULL", [value]
    elif article_id is not None:
        row = conn.execute("SELECT id, story_id, syndication_group FROM articles WHERE id = ?",
                           (article_id,)).fetchone()
        if row is None:
            return None
        if story_key(row) != key:
            return {"redirect": story_key(row)}
        where, params = "a.id = ?", [article_id]
    else:
        return None
    rows = conn.execute(f"SELECT {SUMMARY} FROM articles a WHERE {where} AND (a.is_current = 1 OR a.id = ?) "
                        "ORDER BY a.id LIMIT ?", (*params, -1 if article_id is None else article_id,
                                                  max_articles + 1)).fetchall()
    if not rows and kind == "s":
        merged = conn.execute("SELECT merged_into FROM stories WHERE id = ?", (value,)).fetchone()
        return {"redirect": f"s:{merged[0]}"} if merged and merged[0] else None
    if not rows:
        return None
    articles = sorted((summary(r) for r in rows[:max_articles]), key=_time_key)
    for item in articles:
        when = utc(item["published"])
        item["published_utc"] = when.isoformat() if when else None
    groups: dict[str, list[int]] = {}
    for item in articles:
        if item["syndication_group"] is not None:
            groups.setdefault(item["syndication_group"], []).append(item["id"])
    groups = {g: ids for g, ids in groups.items() if len(ids) > 1}  # a copy alone is no group
    for item in articles:
        item["in_group"] = item["syndication_group"] in groups
    outlets: list[str] = []
    for item in articles:
        if item["publisher"] and item["publisher"] not in outlets:
            outlets.append(item["publisher"])
    headline = next((a["headline"] for a in articles if a["headline"]), None)
    return {"story": key, "headline": headline, "articles": articles, "outlets": outlets,
            "syndication_groups": [{"group": g, "articles": ids} for g, ids in groups.items()],
            "truncated": len(rows) > max_articles}


# --- claims --------------------------------------------------------------------------------------------------

def _claim_row(row: sqlite3.Row) -> dict[str, Any]:
    data = json.loads(row["data"])
    if not isinstance(data, dict):
        data = {}
    return {**data, "id": row["id"], "article_id": row["article_id"], "text": row["text"], "status": row["status"],
            "reported_by": row["reported_by"]}


def _query_words(query: str) -> list[str]:
    return [w.lower() for w in re.findall(r"\w+", query) if w.upper() not in ("AND", "OR", "NOT", "NEAR")]


def list_claims(conn: sqlite3.Connection, query: str | None, limit: int, offset: int = 0, *,
                status: str | None = None) -> tuple[list[dict[str, Any]], bool]:
    """Claims, newest first; with ``query``, those whose text has every word of it, in any of its
    forms (FTS over claims text, then each claim's own words)."""
    status_sql, status_params = (" AND c.status = ?", [status]) if status else ("", [])
    if not query or not query.strip():
        # (A correlated lookup rather than a join: a join makes SQLite build a Bloom filter over all articles.)
        rows = conn.execute("SELECT c.* FROM claims c "
                            "WHERE (SELECT is_current FROM articles WHERE id = c.article_id) = 1"
                            f"{status_sql} ORDER BY c.id DESC LIMIT ? OFFSET ?",
                            (*status_params, limit + 1, offset)).fetchall()
        items = [_claim_row(r) for r in rows]
    else:
        words = _query_words(query)
        wanted = {stem(w) for w in words}
        fts = "claims_text : (" + (_literal(" ".join(words)) or '""') + ")"
        ids = [r[0] for r in conn.execute(
            "SELECT a.id FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid "
            "WHERE articles_fts MATCH ? AND a.is_current = 1 ORDER BY articles_fts.rowid DESC LIMIT 2000", (fts,))]
        items = []
        if ids:
            marks = ",".join("?" * len(ids))
            for row in conn.execute(f"SELECT c.* FROM claims c WHERE c.article_id IN ({marks}){status_sql} "
                                    "ORDER BY c.id DESC", (*ids, *status_params)):
                # (every word of the query in some form, as the index matched the article)
                stems = set(map(stem, _query_words(row["text"])))
                if all(map(stems.__contains__, wanted)):
                    items.append(_claim_row(row))
                    if len(items) > offset + limit:
                        break
        items = items[offset:]
    more = len(items) > limit
    items = items[:limit]
    _attach_articles(conn, items)
    return items, more


def _attach_articles(conn: sqlite3.Connection, items: list[dict[str, Any]]) -> None:
    ids = sorted({i["article_id"] for i in items})
    if not ids:
        return
    marks = ",".join("?" * len(ids))
    rows = {r["id"]: summary(r) for r in conn.execute(f"SELECT {SUMMARY} FROM articles a WHERE a.id IN ({marks})", ids)}
    for item in items:
        item["article"] = rows.get(item["article_id"])


def _candidates(conn: sqlite3.Connection, claim: dict[str, Any], article: sqlite3.Row) -> list[int]:
    """Articles that may carry the same claim: the claim's story, and the best claims-text matches."""
    ids: list[int] = []
    key = story_key(article)
    if not key.startswith("a:"):
        column, value = ("story_id", article["story_id"]) if key.startswith("s:") else \
            ("syndication_group", article["syndication_group"])
        ids += [r[0] for r in conn.execute(f"SELECT id FROM articles WHERE {column} = ? AND is_current = 1 LIMIT 500",
                                           (value,))]
    words = sorted(claim_words(" ".join(filter(None, (claim.get("text"), claim.get("reported_by"))))),
                   key=len, reverse=True)[:10]
    if words:
        fts = "claims_text : (" + " OR ".join(f'"{w}"' for w in words) + ")"
        ids += _ranked(conn, fts, "", [], 200, 0)
    return list(dict.fromkeys([article["id"], *ids]))


def get_claim(conn: sqlite3.Connection, claim_id: int) -> dict[str, Any] | None:
    """A claim with its article, its attribution, its provenance chain and its status timeline.

    The timeline holds one entry per article carrying the same claim (see
    :func:`wiretrace.link.claims.same_claim`), in time order, each with that article's strongest status, the
    sentence that settles it, and every answer that article reports (``responses``). The chain runs original source -> reporting source -> wire ->
    this publisher -> others that carried it.
    """
    row = conn.execute("SELECT * FROM claims WHERE id = ?", (claim_id,)).fetchone()
    if row is None:
        return None
    claim = _claim_row(row)
    article_row = conn.execute(f"SELECT {SUMMARY} FROM articles a WHERE a.id = ?", (claim["article_id"],)).fetchone()
    if article_row is None:
        return None
    article = summary(article_row)
    claim["article"] = article
    index = claim.get("attribution")
    claim["attribution_detail"] = None
    if isinstance(index, int) and index >= 0:
        found = conn.execute("SELECT id, data FROM attributions WHERE article_id = ? ORDER BY id LIMIT 1 OFFSET ?",
                             (claim["article_id"], index)).fetchone()
        if found:
            claim["attribution_detail"] = {"id": found[0], **json.loads(found[1])}

    ids = _candidates(conn, claim, article_row)
    marks = ",".join("?" * len(ids))
    related = [_claim_row(r) for r in conn.execute(f"SELECT * FROM claims WHERE article_id IN ({marks}) ORDER BY id",
                                                   ids)]
    _attach_articles(conn, related)
    story = story_key(article_row)
    related = [c for c in related if c["id"] == claim["id"] or c["article"] is not None and same_claim(
        claim["text"], claim["reported_by"], c["text"], c["reported_by"], story_key(c["article"]) == story)]
    per_article: dict[int, dict[str, Any]] = {}
    for other in related:
        if other["article"] is None:
            continue
        if not other["article"]["is_current"] and other["article_id"] != claim["article_id"]:
            continue
        best = per_article.get(other["article_id"])
        this = other["id"] == claim["id"]
        if best is None or (best["id"] != claim["id"] and (this or STATUS_RANK.get(other["status"], 0) >
                                                          STATUS_RANK.get(best["status"], 0))):
            per_article[other["article_id"]] = other
    timeline = []
    for other in per_article.values():
        art = other["article"]
        when = utc(art["published"])
        timeline.append({"claim_id": other["id"], "article_id": other["article_id"], "published": art["published"],
                         "published_utc": when.isoformat() if when else None, "publisher": art["publisher"],
                         "wire": art["wire"], "headline": art["headline"], "status": other["status"] or "asserted",
                         "status_by": other.get("status_by"), "reported_by": other["reported_by"],
                         "sentence": other.get("evidence") or other["text"], "responses": other.get("responses") or [],
                         "id": other["article_id"]})
    timeline.sort(key=_time_key)
    for n, step in enumerate(timeline):
        step.pop("id")
        step["first"] = n == 0
        step["changed"] = n == 0 or step["status"] != timeline[n - 1]["status"]
    claim["timeline"] = timeline
    path = ["reported"]
    for step in timeline:
        if step["status"] != "asserted" and step["status"] not in path:
            path.append(step["status"])
    claim["status_path"] = path
    claim["chain"] = _chain(claim, article, timeline)
    for step in claim["chain"]:
        if "name" in step and "article_id" not in step:
            step["entity"] = conn.execute("SELECT 1 FROM entities WHERE name = ? LIMIT 1",
                                          (step["name"],)).fetchone() is not None
    return claim


def _chain(claim: dict[str, Any], article: dict[str, Any], timeline: list[dict[str, Any]]) -> list[dict[str, Any]]:
    chain: list[dict[str, Any]] = []
    basis, source = claim.get("basis"), claim.get("reported_by")
    if basis and source_key(basis) != source_key(source):
        chain.append({"role": "original source", "name": basis, "anonymous": bool(claim.get("anonymous")),
                      "type": "anonymous" if claim.get("anonymous") else None})
    if source:
        chain.append({"role": "reporting source" if chain else "original source", "name": source,
                      "type": claim.get("source_type"), "anonymous": bool(claim.get("anonymous")) and not chain})
    wire = article.get("wire")
    if wire:
        chain.append({"role": "wire", "name": wire})
    if article.get("publisher") and article.get("publisher") != wire:
        chain.append({"role": "publisher", "name": article["publisher"], "article_id": article["id"]})
    shown = {wire, article.get("publisher")}
    # Republished means later: the articles after this one in time order (an article without a
    # date can be put before or after none).
    here = next((n for n, step in enumerate(timeline) if step["article_id"] == article["id"]), None)
    later = timeline[here + 1:] if here is not None and timeline[here]["published_utc"] else []
    others = []
    for step in later:
        if step["published_utc"] and step["publisher"] and step["publisher"] not in shown:
            others.append({"name": step["publisher"], "article_id": step["article_id"], "wire": step["wire"],
                           "published": step["published"], "same_wire": bool(wire) and step["wire"] == wire})
    if others:
        chain.append({"role": "republished by", "republishers": others})
    return chain


# --- entities ------------------------------------------------------------------------------------------------

def get_entity(conn: sqlite3.Connection, name: str, limit: int, offset: int = 0) -> dict[str, Any] | None:
    """An entity: the current articles naming it (grouped by story) and the claims about or by it."""
    rows = conn.execute(f"SELECT {SUMMARY}, e.type AS etype, e.data AS edata FROM entities e "
                        "JOIN articles a ON a.id = e.article_id WHERE e.name = ? AND a.is_current = 1 "
                        "ORDER BY a.id DESC LIMIT ? OFFSET ?", (name, limit + 1, offset)).fetchall()
    if not rows and offset == 0:
        return None
    more, rows = len(rows) > limit, rows[:limit]
    types: dict[str, int] = {}
    aliases: set[str] = set()
    articles = []
    for r in rows:
        types[r["etype"] or "?"] = types.get(r["etype"] or "?", 0) + 1
        data = json.loads(r["edata"])
        if isinstance(data, dict):
            aliases.update(a for a in data.get("aliases") or [] if isinstance(a, str))
        item = summary(r)
        item["mentions"] = len(data.get("mentions") or []) if isinstance(data, dict) else 0
        articles.append(item)
    stories: dict[str, dict[str, Any]] = {}
    for item in articles:
        story = stories.setdefault(item["story"], {"story": item["story"], "headline": item["headline"],
                                                   "articles": []})
        story["articles"].append(item)
    names = [n.lower() for n in {name, *aliases} if len(n) > 2]
    claims = []
    ids = [a["id"] for a in articles]
    if ids:
        marks = ",".join("?" * len(ids))
        for r in conn.execute(f"SELECT * FROM claims WHERE article_id IN ({marks}) ORDER BY id", ids):
            claim = _claim_row(r)
            said = " ".join(str(claim.get(k) or "") for k in ("reported_by", "text", "basis", "status_by")).lower()
            if any(n in said for n in names):
                claims.append(claim)
        _attach_articles(conn, claims)
    return {"name": name, "types": types, "aliases": sorted(aliases), "stories": list(stories.values()),
            "articles": articles, "claims": claims, "more": more}


def outlets(conn: sqlite3.Connection, limit: int = 200, recent: int = 5000) -> list[str]:
    """Publisher and wire names of the ``recent`` latest articles, for the search form's suggestions."""
    rows = conn.execute("SELECT publisher, wire FROM articles "
                        "WHERE id > (SELECT coalesce(max(id), 0) FROM articles) - ?", (recent,))
    return sorted({name for row in rows for name in row if name})[:limit]
