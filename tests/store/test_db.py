"""The store on its own: identity and versions, analysis tables, full-text search, migrations."""

from __future__ import annotations

import json
import sqlite3

import pytest

from wiretrace.record import Article
from wiretrace.store import SCHEMA_VERSION, NewPage, Store, StoreError


def page(key: str = "url:https://harbourpost.example/strike", digest: str = "h1", headline: str = "Port workers end strike",
         body: tuple[str, ...] = ("Dock workers ended a three-day strike on Friday.", "Ships waited at anchor."),
         **extra) -> NewPage:
    article = Article(source="pages/strike.html", input_kind="html", url="https://harbourpost.example/strike",
                      headline=headline, body=list(body), publisher="Harbour Post", wire="Reuters", syndicated=True)
    return NewPage(key, digest, article, canonical_url="https://harbourpost.example/strike", **extra)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "corpus.db") as s:
        yield s


def test_new_database_is_at_the_latest_schema_in_wal_mode(store):
    assert store.schema_version() == SCHEMA_VERSION
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.integrity_check() == []


def test_same_page_twice_is_one_record(store):
    with store.transaction():
        assert store.put(page())[0] == "new"
        assert store.put(page())[0] == "unchanged"
    assert store.counts()["versions"] == 1


def test_changed_content_is_a_new_current_version_and_both_are_kept(store):
    with store.transaction():
        _, first = store.put(page())
        status, second = store.put(page(digest="h2", headline="Port strike over after pay deal"))
    assert status == "version"
    rows = store.conn.execute("SELECT id, doc_id, version, is_current, headline FROM articles ORDER BY version").fetchall()
    assert [tuple(r) for r in rows] == [(first, first, 1, 0, "Port workers end strike"),
                                        (second, first, 2, 1, "Port strike over after pay deal")]
    (current,) = list(store.iter_records())
    assert current["headline"] == "Port strike over after pay deal" and current["version"] == 2
    assert current["id"] == str(first)  # the store id is stable across versions
    assert len(list(store.iter_records(all_versions=True))) == 2
    # The first content again is a change too: the next version, made current.
    with store.transaction():
        status, third = store.put(page())
    assert status == "version"
    assert store.conn.execute("SELECT version, is_current FROM articles WHERE id = ?", (third,)).fetchone()[:] == (3, 1)
    assert store.find(page().key, "h1") == third and store.find(page().key, "h2") is None
    assert store.find(page().key, "h2", any_version=True) == second


def test_stored_article_gives_back_a_version_with_its_analysis(store):
    claim = {"text": "the strike is over", "status": "asserted", "reported_by": "union leaders"}
    with store.transaction():
        store.put(page(body=("Dock workers ended the strike.", "", "Ships left.")))
        (row_id,) = store.conn.execute("SELECT id FROM articles").fetchone()
        store.set_claims(row_id, [claim])
    article = store.stored_article(page().key, "h1")
    assert article.headline == "Port workers end strike" and article.body == ["Dock workers ended the strike.", "", "Ships left."]
    assert [(c.text, c.reported_by) for c in article.claims] == [("the strike is over", "union leaders")]
    assert store.stored_article(page().key, "h9") is None


def test_rolled_back_batch_leaves_nothing(store):
    with pytest.raises(RuntimeError), store.transaction():
        store.put(page())
        raise RuntimeError("boom")
    assert store.counts()["versions"] == 0


def test_export_record_carries_ids_origin_and_empty_analysis_keys(store):
    with store.transaction():
        store.put(page(input_id="a-17", origin_file="feed.jsonl", origin_line=3))
    (record,) = store.iter_records()
    assert record["id"] == "a-17" and record["input_id"] == "a-17"
    assert record["origin"] == {"file": "feed.jsonl", "offset": None, "line": 3, "item": None}
    assert record["body"] == ["Dock workers ended a three-day strike on Friday.", "Ships waited at anchor."]
    for key in ("entities", "attributions", "claims"):
        assert record[key] == []
    assert record["story_id"] is None and record["syndication_group"] is None and record["wire"] == "Reuters"


def test_analysis_tables_feed_the_export_and_claims_the_search(store):
    with store.transaction():
        _, row = store.put(page())
        store.set_entities(row, [{"name": "Rotterdam", "type": "PLACE", "mentions": [[0, 9]]}])
        store.set_attributions(row, [{"source_text": "port authority", "cue": [[10, 14]], "kind": "direct"}])
        store.set_claims(row, [{"text": "The pay offer was worth nine percent", "status": "asserted"}])
        store.set_story(row, story_id="story-1", syndication_group="grp-1")
    (record,) = store.iter_records()
    assert record["entities"] == [{"name": "Rotterdam", "type": "PLACE", "mentions": [[0, 9]]}]
    assert record["attributions"][0]["source_text"] == "port authority"
    assert record["claims"] == [{"text": "The pay offer was worth nine percent", "status": "asserted"}]
    assert record["story_id"] == "story-1" and record["syndication_group"] == "grp-1"
    (hit,) = store.search("nine percent")
    assert hit["store_id"] == row
    assert store.integrity_check() == []


def test_search_finds_a_headline_word_highlighted_and_only_current_versions(store):
    with store.transaction():
        store.put(page())
        store.put(page(digest="h2", headline="Port strike over after pay deal"))
        store.put(page(key="url:https://x.example/comet", digest="h3", headline="Comet seen over the harbour",
                       body=("Astronomers watched the comet.",)))
    hits = store.search("strike")
    assert [h["headline"] for h in hits] == ["Port strike over after pay deal"]
    assert "[strike]" in hits[0]["headline_marked"]
    assert "[comet]" in store.search("comet")[0]["snippet"].lower()
    # Not FTS5 syntax: taken word by word instead of failing.
    assert store.search('"strike') and store.search("pay-deal") is not None


def test_search_matches_other_forms_of_a_word(store):
    with store.transaction():
        store.put(page(headline="Ministry denies plan to cap gas exports"))
    for query in ("deny", "denied", "export", "exporting", "capped", '"denies plan"'):
        (hit,) = store.search(query)
        assert hit["headline"] == "Ministry denies plan to cap gas exports"
    assert "[exports]" in store.search("exported")[0]["headline_marked"]
    assert store.search("capital") == []  # a stem, not a prefix


def test_claims_trigger_keeps_fts_in_sync_on_delete(store):
    with store.transaction():
        _, row = store.put(page())
        store.set_claims(row, [{"text": "unicorns were sighted"}])
    assert store.search("unicorns")
    with store.transaction():
        store.set_claims(row, [])
    assert store.search("unicorns") == []
    assert store.integrity_check() == []


# The v1 schema exactly as the first release created it, written out by hand.
V1_BY_HAND = """
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version VALUES (1);
CREATE TABLE runs (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT, inputs TEXT NOT NULL,
    new INTEGER NOT NULL DEFAULT 0, versions INTEGER NOT NULL DEFAULT 0, unchanged INTEGER NOT NULL DEFAULT 0,
    errors INTEGER NOT NULL DEFAULT 0);
CREATE TABLE articles (id INTEGER PRIMARY KEY, doc_id INTEGER, key TEXT NOT NULL, version INTEGER NOT NULL,
    is_current INTEGER NOT NULL DEFAULT 1, input_id TEXT, source TEXT NOT NULL, origin_file TEXT,
    origin_offset INTEGER, origin_line INTEGER, origin_item INTEGER, url TEXT, canonical_url TEXT,
    content_hash TEXT NOT NULL, input_kind TEXT, language TEXT, headline TEXT, body TEXT, published TEXT,
    publisher TEXT, wire TEXT, syndicated INTEGER NOT NULL DEFAULT 0, is_article INTEGER NOT NULL DEFAULT 1,
    syndication_group TEXT, story_id TEXT, record TEXT NOT NULL, first_run INTEGER REFERENCES runs(id),
    last_run INTEGER REFERENCES runs(id), ingested_at TEXT NOT NULL, UNIQUE (key, version));
CREATE INDEX articles_key_hash ON articles (key, content_hash);
CREATE INDEX articles_current ON articles (is_current, id);
CREATE INDEX articles_canonical_url ON articles (canonical_url);
CREATE INDEX articles_story ON articles (story_id);
CREATE INDEX articles_group ON articles (syndication_group);
INSERT INTO articles (id, doc_id, key, version, source, content_hash, input_kind, headline, body, record, ingested_at)
VALUES (1, 1, 'url:https://old.example/a', 1, 'old.html', 'abc', 'text', 'Lighthouse keeper retires',
        'After forty years the keeper hands over the lamp.',
        '{"source": "old.html", "input_kind": "text", "headline": "Lighthouse keeper retires"}', '2026-01-01T00:00:00+00:00');
"""


def test_opening_a_v1_database_migrates_it_and_keeps_its_rows(tmp_path):
    path = tmp_path / "old.db"
    conn = sqlite3.connect(path)
    conn.executescript(V1_BY_HAND)
    conn.close()
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        tables = {r[0] for r in store.conn.execute("SELECT name FROM sqlite_master")}
        assert {"entities", "attributions", "claims", "articles_fts"} <= tables
        (hit,) = store.search("lighthouse")  # existing rows were indexed by the migration
        assert hit["id"] == "1"
        (record,) = store.iter_records()
        assert record["body"] == ["After forty years the keeper hands over the lamp."]
        assert record["claims"] == []
        assert store.integrity_check() == []
    with Store(path) as store:  # reopening is a no-op
        assert store.schema_version() == SCHEMA_VERSION


def test_story_ids_a_v3_database_gave_out_are_remembered_by_the_migration(tmp_path):
    path = tmp_path / "v3.db"
    with Store(path) as store:
        with store.transaction():
            _, row_id = store.put(page())
            store.set_story(row_id, story_id="story-3")
            store.conn.execute("DROP TABLE stories")  # as a v3 database was
            store.conn.execute("UPDATE schema_version SET version = 3")
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION and store.story_ids() == ["story-3"]
        with store.transaction():
            store.record_story_ids(["story-4"], {"story-3": "story-4"})
        assert dict(store.conn.execute("SELECT id, merged_into FROM stories")) == {"story-3": "story-4",
                                                                                   "story-4": None}


def test_a_v4_database_is_reindexed_to_match_other_forms_of_a_word(tmp_path):
    path = tmp_path / "v4.db"
    with Store(path) as store:
        with store.transaction():
            store.put(page(headline="Ministry denies plan to cap gas exports"))
            # The index as v4 made it: words as written.
            store.conn.execute("DROP TABLE articles_fts")
            store.conn.execute("CREATE VIRTUAL TABLE articles_fts USING fts5(headline, body, claims_text, "
                               "content='articles', content_rowid='id', tokenize='unicode61 remove_diacritics 2')")
            store.conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
            store.conn.execute("UPDATE schema_version SET version = 4")
        assert store.search("export") == [] and store.search("exports")
    with Store(path) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert [h["headline"] for h in store.search("export")] == ["Ministry denies plan to cap gas exports"]
        with store.transaction():  # the triggers still keep the index in step
            store.put(page(key="url:https://x.example/b", digest="h9", headline="Harbour cranes stand idle"))
        assert [h["headline"] for h in store.search("crane")] == ["Harbour cranes stand idle"]
        assert store.integrity_check() == []


def test_a_newer_schema_or_a_foreign_file_is_refused_with_its_name(tmp_path):
    newer = tmp_path / "newer.db"
    with Store(newer) as store:
        store.conn.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(StoreError, match="newer.db: database schema v99 is newer"):
        Store(newer)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="junk.db: not a usable wiretrace database"):
        Store(junk)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(StoreError, match="not a wiretrace database"):
        Store(other)
    with pytest.raises(StoreError, match="no such database"):
        Store(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_record_json_round_trips_body_paragraphs_exactly(store):
    odd = page(body=("one", "two\n\nstill two"))
    with store.transaction():
        store.put(odd)
    (record,) = store.iter_records()
    assert record["body"] == ["one", "two\n\nstill two"]
    assert json.loads(store.conn.execute("SELECT record FROM articles").fetchone()[0])["body"] == record["body"]


def test_analysis_carried_by_the_record_goes_to_its_tables(store):
    from wiretrace.record import Claim, Entity

    new = page()
    new.article.entities = [Entity(name="Rotterdam", type="PLACE", mentions=[[0, 9]])]
    new.article.claims = [Claim(text="The strike cost forty million euros", status="not_confirmed")]
    with store.transaction():
        store.put(new)
    (record,) = store.iter_records()
    assert record["entities"] == [{"name": "Rotterdam", "type": "PLACE", "mentions": [[0, 9]], "aliases": []}]
    assert record["claims"][0]["status"] == "not_confirmed"
    assert store.search("forty million")
    row = store.conn.execute("SELECT record FROM articles").fetchone()[0]
    assert "entities" not in json.loads(row)  # kept once, in its table


def test_a_full_disk_is_a_store_error_naming_it_and_keeps_what_was_committed(store):
    with store.transaction():
        store.put(page())
    # The disk fills up: SQLite may grow the file no further than it is now.
    store.conn.execute(f"PRAGMA max_page_count = {store.conn.execute('PRAGMA page_count').fetchone()[0]}")
    long_body = tuple(f"Paragraph {n} of a long follow-up on the dock strike and its aftermath. " * 40
                      for n in range(40))
    with pytest.raises(StoreError, match=r"corpus\.db: cannot write: database or disk is full"):
        with store.transaction():
            for n in range(5):
                store.put(page(key=f"url:https://harbourpost.example/strike-{n}", digest=f"d{n}", body=long_body))
    assert not store.conn.in_transaction
    assert store.counts()["articles"] == 1 and store.integrity_check() == []
    with pytest.raises(sqlite3.OperationalError, match="no such table"):  # a wrong query is no disk trouble
        with store.transaction():
            store.conn.execute("INSERT INTO no_such_table VALUES (1)")
