"""The store's schema, as an ordered list of migrations.

``MIGRATIONS[n]`` takes a database at schema version ``n`` to version ``n + 1``; the version a
database is at lives in the one-row ``schema_version`` table. Opening a database runs the
migrations it lacks, each in its own transaction, so an old database is brought up to date and
a failed migration leaves it at the last version that completed. Never edit a migration that has
shipped: append a new one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# --- v1: articles, one row per version of a page, and the ingest runs that wrote them -----------
#
# ``key`` is a page's identity (its URL, or its input file plus the input's own id); every
# content change of the same key adds a row with the next ``version`` and moves ``is_current``.
# ``body`` holds the paragraphs joined by blank lines (the FTS index reads it), and ``record`` the
# rest of the article record as JSON.
V1 = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    inputs TEXT NOT NULL,
    new INTEGER NOT NULL DEFAULT 0,
    versions INTEGER NOT NULL DEFAULT 0,
    unchanged INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    doc_id INTEGER,
    key TEXT NOT NULL,
    version INTEGER NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 1,
    input_id TEXT,
    source TEXT NOT NULL,
    origin_file TEXT,
    origin_offset INTEGER,
    origin_line INTEGER,
    origin_item INTEGER,
    url TEXT,
    canonical_url TEXT,
    content_hash TEXT NOT NULL,
    input_kind TEXT,
    language TEXT,
    headline TEXT,
    body TEXT,
    published TEXT,
    publisher TEXT,
    wire TEXT,
    syndicated INTEGER NOT NULL DEFAULT 0,
    is_article INTEGER NOT NULL DEFAULT 1,
    syndication_group TEXT,
    story_id TEXT,
    record TEXT NOT NULL,
    first_run INTEGER REFERENCES runs(id),
    last_run INTEGER REFERENCES runs(id),
    ingested_at TEXT NOT NULL,
    UNIQUE (key, version)
);
CREATE INDEX articles_key_hash ON articles (key, content_hash);
CREATE INDEX articles_current ON articles (is_current, id);
CREATE INDEX articles_canonical_url ON articles (canonical_url);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_group ON articles (syndication_group);
"""

# --- v2: tables the analysis stages fill -----------------------------------------------------------
#
# One row per item of an article version's ``entities``/``attributions``/``claims`` (see
# wiretrace.record), in order; ``data`` keeps the whole item as JSON (what export emits) next
# to the columns worth querying. ``articles.claims_text`` mirrors an article's claims for the FTS index.
V2 = """
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    name TEXT,
    type TEXT,
    data TEXT NOT NULL
);
CREATE INDEX entities_article ON entities (article_id);
CREATE INDEX entities_name ON entities (name);
CREATE TABLE attributions (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    source_text TEXT,
    source_entity TEXT,
    kind TEXT,
    status TEXT,
    data TEXT NOT NULL
);
CREATE INDEX attributions_article ON attributions (article_id);
CREATE INDEX attributions_entity ON attributions (source_entity);
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    status TEXT,
    reported_by TEXT,
    data TEXT NOT NULL
);
CREATE INDEX claims_article ON claims (article_id);
ALTER TABLE articles ADD COLUMN claims_text TEXT;
CREATE TRIGGER claims_ai AFTER INSERT ON claims BEGIN
    UPDATE articles SET claims_text =
        (SELECT group_concat(text, char(10)) FROM claims WHERE article_id = new.article_id)
    WHERE id = new.article_id;
END;
CREATE TRIGGER claims_ad AFTER DELETE ON claims BEGIN
    UPDATE articles SET claims_text =
        (SELECT group_concat(text, char(10)) FROM claims WHERE article_id = old.article_id)
    WHERE id = old.article_id;
END;
CREATE TRIGGER claims_au AFTER UPDATE OF text ON claims BEGIN
    UPDATE articles SET claims_text =
        (SELECT group_concat(text, char(10)) FROM claims WHERE article_id = new.article_id)
    WHERE id = new.article_id;
END;
"""

# --- v3: full-text search over headlines, bodies and claims ----------------------------------------
#
# An external-content FTS5 table: the text lives once, in ``articles``; triggers keep the index
# in step with every insert, delete and change, and the migration indexes existing rows.
V3 = """
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, body, claims_text,
    content='articles', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
    INSERT INTO articles_fts (rowid, headline, body, claims_text)
    VALUES (new.id, new.headline, new.body, new.claims_text);
END;
CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, headline, body, claims_text)
    VALUES ('delete', old.id, old.headline, old.body, old.claims_text);
END;
CREATE TRIGGER articles_fts_au AFTER UPDATE OF headline, body, claims_text ON articles BEGIN
    INSERT INTO articles_fts (articles_fts, rowid, headline, body, claims_text)
    VALUES ('delete', old.id, old.headline, old.body, old.claims_text);
    INSERT INTO articles_fts (rowid, headline, body, claims_text)
    VALUES (new.id, new.headline, new.body, new.claims_text);
END;
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
"""

# --- v4: story ids, each given out once ------------------------------------------------------------
#
# ``wiretrace link`` clusters stories afresh each time, and a story keeps the id its articles had
# (see wiretrace.link.stories.keep_story_ids). ``stories`` remembers every id given out, so a new
# story never takes an old one's, and, for a story re-linking folded into another, which one
# (``merged_into``), so a saved link to it still leads to its articles.
V4 = """
CREATE TABLE stories (
    id TEXT PRIMARY KEY,
    merged_into TEXT
);
INSERT INTO stories (id) SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL;
"""


# --- v5: search matches a word's other forms ------------------------------------------------------
#
# The index stems what it stores and what is asked (FTS5's porter tokenizer over unicode61), so
# "export" finds "exports" and "exported", and "deny" finds "denied": a reader searches for a
# subject, not for the inflection a headline happened to use. The triggers of v3 name the table,
# not its definition, and keep working on the new one; the migration re-indexes existing rows.
V5 = """
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    headline, body, claims_text,
    content='articles', content_rowid='id',
    tokenize='porter unicode61 remove_diacritics 2'
);
INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
"""


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Execute ``script`` statement by statement inside the caller's transaction.

    (``executescript`` would commit first, breaking the one-transaction-per-migration rule.)
    """
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            if statement.strip():
                conn.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement in migration: {statement.strip()[:80]}")


def _v1(conn: sqlite3.Connection) -> None:
    run_script(conn, V1)
    conn.execute("INSERT INTO schema_version (version) VALUES (0)")


def _v2(conn: sqlite3.Connection) -> None:
    run_script(conn, V2)


def _v3(conn: sqlite3.Connection) -> None:
    run_script(conn, V3)


def _v4(conn: sqlite3.Connection) -> None:
    run_script(conn, V4)


def _v5(conn: sqlite3.Connection) -> None:
    run_script(conn, V5)


#: ``MIGRATIONS[n]`` upgrades a database from version ``n`` to ``n + 1``.
MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3, _v4, _v5]

SCHEMA_VERSION = len(MIGRATIONS)
