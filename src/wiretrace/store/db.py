"""The corpus store: one SQLite file (WAL mode) holding every version of every ingested page.

A page's identity is its ``key`` (see :func:`wiretrace.ingest.page_key`); its content is
fingerprinted by ``content_hash``. Storing a page with the content of its key's current version
changes nothing; any other content (new, or one the page had before and has again) becomes the
next version and the current one, so the history keeps every change in the order seen.

Writes happen in explicit transactions (:meth:`Store.transaction`), so a process killed at any
moment leaves every committed batch intact and nothing half-written.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from typing import Any

from wiretrace.record import Article
from wiretrace.store.schema import MIGRATIONS, SCHEMA_VERSION

#: Separator of the paragraphs in the ``body`` column (paragraphs never contain a newline).
PARAGRAPH_SEP = "\n\n"

#: Articles read per query when streaming the corpus out.
EXPORT_CHUNK = 500



def shown_id(input_id: str | None, doc_id: int) -> str:
    """An article's id as the commands and the record show it: its input's own id, else its store id."""
    return input_id if input_id is not None else str(doc_id)

class StoreError(Exception):
    """A database that cannot be used; the message names it."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


# SQLite's result codes for a database that cannot be written where it lies, as opposed to a
# query that is wrong: a full disk, a read-only file or folder (WAL mode writes FILE-wal and
# FILE-shm beside the database, even to read), an I/O error, a lock held past the timeout.
_CANNOT_WRITE = ("SQLITE_FULL", "SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM", "SQLITE_IOERR", "SQLITE_BUSY")


def cannot_write(err: sqlite3.Error) -> bool:
    """Whether ``err`` says the database cannot be written where it lies (see :data:`_CANNOT_WRITE`)."""
    name = getattr(err, "sqlite_errorname", None) or ""
    return any(name == code or name.startswith(code + "_") for code in _CANNOT_WRITE)


def _write_failure(err: sqlite3.Error, path: str, doing: str = "write") -> str:
    """``cannot DOING: ERR``, with what to check when the store or its folder is read-only."""
    name = getattr(err, "sqlite_errorname", None) or ""
    if name.startswith(("SQLITE_FULL", "SQLITE_IOERR", "SQLITE_BUSY")):
        return f"cannot {doing}: {err}"
    file = os.path.basename(path)
    return (f"cannot {doing}: {err} (the store and its folder must be writable, even to read it: "
            f"SQLite keeps {file}-wal and {file}-shm beside it)")


@dataclass(slots=True)
class NewPage:
    """One extracted page, ready to store, with where it came from."""

    key: str
    content_hash: str
    article: Article
    input_id: str | None = None
    origin_file: str | None = None
    origin_offset: int | None = None
    origin_line: int | None = None
    origin_item: int | None = None
    canonical_url: str | None = None


def now() -> str:
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


def _split_body(body: str | None) -> list[str]:
    return body.split(PARAGRAPH_SEP) if body else []


#: Record keys kept in their own tables rather than in the record JSON.
ANALYSIS_KEYS = ("entities", "attributions", "claims")


def _item(item: Any) -> dict[str, Any]:
    return item if isinstance(item, dict) else asdict(item)


def _text(item: dict[str, Any], name: str) -> str | None:
    value = item.get(name)
    return value if isinstance(value, str) else None


def _json(item: dict[str, Any]) -> str:
    return json.dumps(item, ensure_ascii=False)


class Store:
    """An open corpus database. Use as a context manager, or call :meth:`close`."""

    def __init__(self, path: str | os.PathLike[str], *, create: bool = True):
        self.path = str(path)
        if not create and self.path != ":memory:" and not os.path.exists(self.path):
            raise StoreError(self.path, "no such database")
        try:
            self.conn = sqlite3.connect(self.path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as err:
            raise StoreError(self.path, f"cannot open: {err}") from err
        self.conn.row_factory = sqlite3.Row
        try:
            self.conn.execute("PRAGMA journal_mode = WAL")
            self.conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a killed process loses no commit
            self.conn.execute("PRAGMA foreign_keys = ON")
            self.conn.execute("PRAGMA busy_timeout = 30000")
            self.conn.execute("PRAGMA cache_size = -8000")  # 8 MiB page cache
            self._migrate()
        except StoreError:
            self.conn.close()
            raise
        except sqlite3.DatabaseError as err:
            self.conn.close()
            raise StoreError(self.path, _write_failure(err, self.path, "open") if cannot_write(err)
                             else f"not a usable wiretrace database: {err}") from err

    # --- lifecycle -------------------------------------------------------------------------------

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One write transaction: everything inside commits together or not at all.

        A database that cannot be written (a full disk, a read-only file) raises :class:`StoreError`
        saying so; what earlier transactions committed stays.
        """
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:  # (SQLite may have rolled back already, as on a full disk)
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as err:
            if not cannot_write(err):
                raise
            raise StoreError(self.path, _write_failure(err, self.path)) from err

    # --- schema ----------------------------------------------------------------------------------

    def schema_version(self) -> int:
        tables = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if "schema_version" not in tables:
            if tables - {"sqlite_sequence"}:
                raise StoreError(self.path, "not a wiretrace database (it has other tables and no schema_version)")
            return 0
        row = self.conn.execute("SELECT version FROM schema_version").fetchone()
        return row[0] if row else 0

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(self.path, f"database schema v{version} is newer than this wiretrace knows "
                                        f"(v{SCHEMA_VERSION}); upgrade wiretrace")
        while version < SCHEMA_VERSION:
            with self.transaction():
                version = self.schema_version()  # another process may have migrated meanwhile
                if version >= SCHEMA_VERSION:
                    break
                MIGRATIONS[version](self.conn)
                self.conn.execute("UPDATE schema_version SET version = ?", (version + 1,))
            version += 1

    # --- ingest ----------------------------------------------------------------------------------

    def start_run(self, inputs: list[str]) -> int:
        with self.transaction():
            cur = self.conn.execute("INSERT INTO runs (started_at, inputs) VALUES (?, ?)",
                                    (now(), json.dumps(inputs, ensure_ascii=False)))
        return int(cur.lastrowid)

    def finish_run(self, run_id: int, new: int, versions: int, unchanged: int, errors: int) -> None:
        with self.transaction():
            self.conn.execute("UPDATE runs SET finished_at = ?, new = ?, versions = ?, unchanged = ?, errors = ? "
                              "WHERE id = ?", (now(), new, versions, unchanged, errors, run_id))

    def find(self, key: str, content_hash: str, *, any_version: bool = False) -> int | None:
        """The id of ``key``'s current version if it has this content (with ``any_version``: of the
        latest version that has it), else ``None``."""
        current = "" if any_version else "AND is_current = 1 "
        row = self.conn.execute(f"SELECT id FROM articles WHERE key = ? AND content_hash = ? {current}"
                                "ORDER BY version DESC LIMIT 1", (key, content_hash)).fetchone()
        return row[0] if row else None

    def stored_article(self, key: str, content_hash: str) -> Article | None:
        """The article (with its analysis) of ``key``'s latest version with this content, if any.

        A page that goes back to content it had before becomes a new version with this article,
        not extracted again.
        """
        row = self.conn.execute("SELECT id, body, record FROM articles WHERE key = ? AND content_hash = ? "
                                "ORDER BY version DESC LIMIT 1", (key, content_hash)).fetchone()
        if row is None:
            return None
        record = json.loads(row["record"])
        if "body" not in record:
            record["body"] = _split_body(row["body"])
        for name in ANALYSIS_KEYS:
            record[name] = self._items(name, [row["id"]]).get(row["id"], [])
        return Article.from_dict(record)

    def touch(self, ids: Iterable[int], run_id: int) -> None:
        """Mark versions as seen again by ``run_id`` (call inside a transaction)."""
        self.conn.executemany("UPDATE articles SET last_run = ? WHERE id = ?", ((run_id, i) for i in ids))

    def put(self, page: NewPage, run_id: int | None = None) -> tuple[str, int]:
        """Store one page (call inside a transaction). Returns (``new``|``version``|``unchanged``, row id).

        ``unchanged`` means the current version has this content already.
        """
        existing = self.find(page.key, page.content_hash)
        if existing is not None:
            if run_id is not None:
                self.touch([existing], run_id)
            return "unchanged", existing
        latest = self.conn.execute("SELECT version, doc_id FROM articles WHERE key = ? ORDER BY version DESC LIMIT 1",
                                   (page.key,)).fetchone()
        version = latest["version"] + 1 if latest else 1
        if latest:
            self.conn.execute("UPDATE articles SET is_current = 0 WHERE key = ? AND is_current = 1", (page.key,))
        article = page.article
        record = article.to_dict()
        analysis = {key: record.pop(key, None) or [] for key in ANALYSIS_KEYS}
        body = record.pop("body")
        if any(PARAGRAPH_SEP in p or not p for p in body):  # keep the body exactly as given
            record["body"] = body
        cur = self.conn.execute(
            "INSERT INTO articles (doc_id, key, version, is_current, input_id, source, origin_file, origin_offset, "
            "origin_line, origin_item, url, canonical_url, content_hash, input_kind, language, headline, body, "
            "published, publisher, wire, syndicated, is_article, record, first_run, last_run, ingested_at) "
            "VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (latest["doc_id"] if latest else None, page.key, version, page.input_id, article.source,
             page.origin_file, page.origin_offset, page.origin_line, page.origin_item, article.url,
             page.canonical_url, page.content_hash, article.input_kind, article.language, article.headline,
             PARAGRAPH_SEP.join(body), article.published, article.publisher, article.wire,
             int(article.syndicated), int(article.is_article),
             json.dumps(record, ensure_ascii=False), run_id, run_id, now()))
        row_id = int(cur.lastrowid)
        if not latest:
            self.conn.execute("UPDATE articles SET doc_id = ? WHERE id = ?", (row_id, row_id))
        self._set_analysis(row_id, analysis)
        return ("version" if latest else "new"), row_id

    def unanalysed(self, article_id: int) -> bool:
        """Whether a stored version has no entities, attributions or claims: stored without analysis
        (or analysed and found none, which analysing again finds again)."""
        return not any(self.conn.execute(f"SELECT 1 FROM {table} WHERE article_id = ? LIMIT 1", (article_id,)).fetchone()
                       for table in ANALYSIS_KEYS)

    def set_analysis(self, article_id: int, article: Article) -> None:
        """Store an analysis of a stored version, its record's warnings included (call inside a transaction)."""
        record = json.loads(self.conn.execute("SELECT record FROM articles WHERE id = ?", (article_id,)).fetchone()[0])
        record["warnings"] = article.warnings
        self.conn.execute("UPDATE articles SET record = ? WHERE id = ?",
                          (json.dumps(record, ensure_ascii=False), article_id))
        self._set_analysis(article_id, {key: getattr(article, key) for key in ANALYSIS_KEYS})

    def _set_analysis(self, article_id: int, analysis: Mapping[str, list]) -> None:
        if analysis["entities"]:
            self.set_entities(article_id, analysis["entities"])
        if analysis["attributions"]:
            self.set_attributions(article_id, analysis["attributions"])
        if analysis["claims"]:
            self.set_claims(article_id, analysis["claims"])

    def seen_url(self, canonical_url: str, run_id: int) -> int | None:
        """A current article at this URL that ``run_id`` stored or saw again, if any."""
        row = self.conn.execute("SELECT id FROM articles WHERE canonical_url = ? AND is_current = 1 AND last_run = ? "
                                "LIMIT 1", (canonical_url, run_id)).fetchone()
        return row[0] if row else None

    # --- what later stages write -----------------------------------------------------------------

    def set_story(self, article_id: int, *, story_id: str | None = None, syndication_group: str | None = None,
                  wire: str | None = None) -> None:
        """Set the story / syndication group / wire of one stored version (call inside a transaction)."""
        self.conn.execute("UPDATE articles SET story_id = coalesce(?, story_id), "
                          "syndication_group = coalesce(?, syndication_group), wire = coalesce(?, wire) "
                          "WHERE id = ?", (story_id, syndication_group, wire, article_id))

    def story_ids(self) -> list[str]:
        """Every story id ever given out (see :func:`wiretrace.link.stories.keep_story_ids`)."""
        return [r[0] for r in self.conn.execute("SELECT id FROM stories")]

    def record_story_ids(self, ids: Iterable[str], merged: Mapping[str, str]) -> None:
        """Remember the story ids given out, and where each merged story went (call inside a transaction)."""
        self.conn.executemany("INSERT INTO stories (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET merged_into = NULL",
                              ((i,) for i in ids))
        for old, new in merged.items():
            self.conn.execute("INSERT INTO stories (id, merged_into) VALUES (?, ?) "
                              "ON CONFLICT (id) DO UPDATE SET merged_into = excluded.merged_into", (old, new))
            # Links to stories merged into ``old`` earlier now lead to where it went.
            self.conn.execute("UPDATE stories SET merged_into = ? WHERE merged_into = ?", (new, old))

    def set_entities(self, article_id: int, items: Iterable[Any]) -> None:
        """Replace an article version's entities (dicts or :class:`wiretrace.record.Entity`), kept in order."""
        rows = [_item(i) for i in items]
        self.conn.execute("DELETE FROM entities WHERE article_id = ?", (article_id,))
        self.conn.executemany("INSERT INTO entities (article_id, name, type, data) VALUES (?, ?, ?, ?)",
                              ((article_id, _text(i, "name"), _text(i, "type"), _json(i)) for i in rows))

    def set_attributions(self, article_id: int, items: Iterable[Any]) -> None:
        """Replace an article version's attributions (dicts or :class:`wiretrace.record.Attribution`)."""
        rows = [_item(i) for i in items]
        self.conn.execute("DELETE FROM attributions WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            "INSERT INTO attributions (article_id, source_text, source_entity, kind, status, data) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            ((article_id, _text(i, "source_text"), _text(i, "source_entity"), _text(i, "kind"), _text(i, "status"),
              _json(i)) for i in rows))

    def set_claims(self, article_id: int, items: Iterable[Any]) -> None:
        """Replace an article version's claims (dicts or :class:`wiretrace.record.Claim`); their text is searchable."""
        rows = [_item(i) for i in items]
        self.conn.execute("DELETE FROM claims WHERE article_id = ?", (article_id,))
        self.conn.executemany(
            "INSERT INTO claims (article_id, text, status, reported_by, data) VALUES (?, ?, ?, ?, ?)",
            ((article_id, _text(i, "text") or "", _text(i, "status"), _text(i, "reported_by"), _json(i))
             for i in rows))

    # --- reading ---------------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        one = lambda sql: self.conn.execute(sql).fetchone()[0]  # noqa: E731
        return {"articles": one("SELECT count(*) FROM articles WHERE is_current = 1"),
                "versions": one("SELECT count(*) FROM articles"),
                "entities": one("SELECT count(*) FROM entities"),
                "attributions": one("SELECT count(*) FROM attributions"),
                "claims": one("SELECT count(*) FROM claims")}

    def iter_records(self, *, all_versions: bool = False) -> Iterator[dict[str, Any]]:
        """Every current article (or every version) as an export record, streamed in store order."""
        where = "" if all_versions else "AND is_current = 1"
        last = 0
        while True:
            rows = self.conn.execute(f"SELECT * FROM articles WHERE id > ? {where} ORDER BY id LIMIT ?",
                                     (last, EXPORT_CHUNK)).fetchall()
            if not rows:
                return
            last = rows[-1]["id"]
            ids = [r["id"] for r in rows]
            extra = {name: self._items(name, ids) for name in ANALYSIS_KEYS}
            for row in rows:
                yield self._record(row, {name: items.get(row["id"], []) for name, items in extra.items()})

    def _items(self, table: str, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        marks = ",".join("?" * len(ids))
        found: dict[int, list[dict[str, Any]]] = {}
        for article_id, data in self.conn.execute(
                f"SELECT article_id, data FROM {table} WHERE article_id IN ({marks}) ORDER BY id", ids):
            found.setdefault(article_id, []).append(json.loads(data))
        return found

    @staticmethod
    def _record(row: sqlite3.Row, extra: dict[str, list[dict[str, Any]]]) -> dict[str, Any]:
        record = json.loads(row["record"])
        if "body" not in record:
            record["body"] = _split_body(row["body"])
        out: dict[str, Any] = {"id": shown_id(row["input_id"], row["doc_id"])}
        out.update(record)
        out.update({
            "store_id": row["doc_id"],
            "version": row["version"],
            "is_current": bool(row["is_current"]),
            "input_id": row["input_id"],
            "origin": {"file": row["origin_file"], "offset": row["origin_offset"], "line": row["origin_line"],
                       "item": row["origin_item"]},
            "content_hash": row["content_hash"],
            "ingested_at": row["ingested_at"],
            "story_id": row["story_id"],
            "syndication_group": row["syndication_group"],
            "wire": row["wire"],
            "entities": extra.get("entities", []),
            "attributions": extra.get("attributions", []),
            "claims": extra.get("claims", []),
        })
        return out

    def search(self, query: str, limit: int = 20, *, mark: tuple[str, str] = ("[", "]")) -> list[dict[str, Any]]:
        """Current articles matching an FTS5 ``query``, best first, as the web UI ranks them
        (:func:`wiretrace.store.queries.search`), each with its matches in the headline and a
        snippet between the ``mark`` pair; ``id`` is the input's own id, else the store id.

        A query that is not valid FTS5 syntax ("U.S.-China", an unbalanced quote) is searched
        with each word taken literally.
        """
        from wiretrace.store import queries

        items, _ = queries.search(self.conn, query, limit)
        if not items:
            return []
        marks = ",".join("?" * len(items))
        rows = {r["id"]: r for r in self.conn.execute(f"SELECT id, input_id, source FROM articles WHERE id IN ({marks})",
                                                      [item["id"] for item in items])}
        return [{"id": shown_id(rows[i["id"]]["input_id"], i["store_id"]),
                 "store_id": i["store_id"], "version": i["version"], "headline": i["headline"],
                 "headline_marked": queries.join_marked(i["headline"], i["headline_matches"], mark),
                 "url": i["url"], "published": i["published"], "publisher": i["publisher"], "wire": i["wire"],
                 "source": rows[i["id"]]["source"], "snippet": queries.join_marked(i["snippet"], i["snippet_matches"], mark)}
                for i in items]

    def integrity_check(self) -> list[str]:
        """Problems SQLite and the FTS index find; empty when the database is sound."""
        problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        try:
            self.conn.execute("INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as err:
            problems.append(f"full-text index: {err}")
        return problems
