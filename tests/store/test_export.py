"""Export formats: every stored record out, and back in unchanged (JSON Lines, Parquet)."""

from __future__ import annotations

import json

import pytest

from wiretrace.cli import main
from wiretrace.commands.common import SAMPLES
from wiretrace.store import Store
from wiretrace.store.export import read_parquet

JSONL = "\n".join(json.dumps(line) for line in [
    {"id": "n-1", "url": "https://harbourpost.example/strike", "title": "Port workers end strike",
     "published": "2026-03-19T08:03:00+01:00", "outlet": "Harbour Post",
     "text": "ROTTERDAM (Reuters) - Dock workers ended a three-day strike on Friday.\n\nShips had waited at anchor."},
    {"id": "n-2", "title": "Comet seen over the bay", "outlet": "Bay Times",
     "text": "Astronomers watched a bright comet over the bay on Tuesday night, the observatory said.\n\n"
             "Correction: An earlier version of this story misstated the night the comet was seen."},
]) + "\n"


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("export")
    (tmp / "lines.jsonl").write_text(JSONL, encoding="utf-8")
    path = str(tmp / "corpus.db")
    assert main(["ingest", str(tmp / "lines.jsonl"), str(SAMPLES / "04_arthiktimes_marvosa-gas-export-cap.txt"),
                 str(SAMPLES / "02_capitalledger_marvosa-gas-export-cap.html"), "--db", path, "--no-progress"]) == 0
    with Store(path) as store:  # what a later analysis stage would add
        with store.transaction():
            row = store.conn.execute("SELECT id FROM articles WHERE input_id = 'n-1'").fetchone()[0]
            store.set_entities(row, [{"name": "Rotterdam", "type": "PLACE", "mentions": [[0, 9]]}])
            store.set_claims(row, [{"text": "Dock workers ended a strike", "status": "asserted"}])
            store.set_story(row, story_id="s-1", syndication_group="g-1")
    return path


def export(capsys, db, *args):
    code = main(["export", "--db", db, *args])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


def test_jsonl_export_has_every_record_with_ids_and_analysis_keys(capsys, db):
    records = [json.loads(line) for line in export(capsys, db).splitlines()]
    assert len(records) == 4
    by_id = {r["id"]: r for r in records}
    assert {"n-1", "n-2"} <= set(by_id)
    first = by_id["n-1"]
    assert first["headline"] == "Port workers end strike" and first["publisher"] == "Harbour Post"
    assert first["published"] == "2026-03-19T08:03:00+01:00"
    assert first["body"] == ["ROTTERDAM (Reuters) - Dock workers ended a three-day strike on Friday.",
                             "Ships had waited at anchor."]
    assert first["wire"] == "Reuters" and first["story_id"] == "s-1" and first["syndication_group"] == "g-1"
    assert first["entities"][0]["name"] == "Rotterdam" and first["claims"][0]["status"] == "asserted"
    assert first["origin"]["line"] == 1 and first["origin"]["file"].endswith("lines.jsonl")
    for record in records:
        for key in ("id", "source", "story_id", "syndication_group", "wire", "entities", "attributions", "claims",
                    "headline", "body", "input_kind"):
            assert key in record
    html = next(r for r in records if r["source"].endswith(".html"))
    assert html["id"] == str(html["store_id"])  # no input id: the store id


def test_parquet_round_trips_the_jsonl_records(capsys, db, tmp_path):
    records = [json.loads(line) for line in export(capsys, db).splitlines()]
    target = tmp_path / "corpus.parquet"
    export(capsys, db, "--format", "parquet", "-o", str(target))
    assert read_parquet(str(target)) == records


def test_parquet_is_written_in_row_groups(db, tmp_path):
    import pyarrow.parquet as pq

    from wiretrace.store.export import write_parquet

    with Store(db) as store:
        records = list(store.iter_records()) * 5
    target = tmp_path / "groups.parquet"
    assert write_parquet(iter(records), str(target), batch=6) == 20
    assert pq.ParquetFile(target).num_row_groups == 4
    empty = tmp_path / "empty.parquet"
    assert write_parquet(iter([]), str(empty)) == 0 and read_parquet(str(empty)) == []


def test_ninjs_and_schemaorg_exports(capsys, db):
    items = [json.loads(line) for line in export(capsys, db, "--format", "ninjs").splitlines()]
    item = next(i for i in items if {"role": "wiretrace", "value": "n-1"} in i["altids"])
    assert item["headlines"][0]["value"] == "Port workers end strike"
    assert {"name": "Reuters", "role": "originating agency"} in item["infosources"]
    docs = [json.loads(line) for line in export(capsys, db, "--format", "schemaorg").splitlines()]
    doc = next(d for d in docs if d["identifier"] == "n-1")
    assert doc["@context"] == "https://schema.org" and doc["@type"] == "NewsArticle"
    assert doc["headline"] == "Port workers end strike" and doc["url"] == "https://harbourpost.example/strike"
    assert doc["publisher"] == {"@type": "Organization", "name": "Harbour Post"}
    assert doc["datePublished"] == "2026-03-19T08:03:00+01:00"
    assert doc["articleBody"].startswith("ROTTERDAM (Reuters)")
    assert doc["mentions"] == [{"@type": "Thing", "name": "Rotterdam"}]
    # A correction the story prints is schema.org's CorrectionComment.
    comet = next(d for d in docs if d["identifier"] == "n-2")
    assert comet["correction"] == [{"@type": "CorrectionComment",
                                    "text": "Correction: An earlier version of this story misstated the night the comet was seen."}]
    assert "correction" not in doc


def test_export_to_a_file_and_usage_errors(capsys, db, tmp_path):
    target = tmp_path / "out.jsonl"
    export(capsys, db, "-o", str(target))
    assert len(target.read_text(encoding="utf-8").splitlines()) == 4
    assert main(["export", "--db", db, "--format", "parquet"]) == 2  # parquet needs -o
    assert main(["export", "--db", str(tmp_path / "missing.db")]) == 1
    assert "missing.db: no such database" in capsys.readouterr().err
    assert not (tmp_path / "missing.db").exists()


def test_schemaorg_calls_a_release_services_copy_a_press_release():
    from wiretrace.store.export import to_schemaorg

    release = to_schemaorg({"id": 1, "headline": "Acme opens plant", "wire": "Business Wire", "body": ["Acme said."]})
    assert release["sourceOrganization"] == {"@type": "Organization", "name": "Business Wire"}
    assert release["genre"] == "Press release"
    story = to_schemaorg({"id": 2, "headline": "Strike ends", "wire": "Reuters", "body": ["Dock workers ..."]})
    assert story["sourceOrganization"]["@type"] == "NewsMediaOrganization" and "genre" not in story


def test_schemaorg_writes_a_pages_fact_checks_as_claim_reviews():
    from wiretrace.store.export import to_schemaorg

    doc = to_schemaorg({"id": 3, "headline": "Are ferries free on Sundays?", "body": ["A post says ..."],
                        "claim_reviews": [{"claim": "Ferries are free on Sundays.", "rating": "False",
                                           "rated_by": "Harbour Check", "claimant": "Ed Marr", "date": None, "url": None}]})
    assert doc["review"] == [{"@type": "ClaimReview", "claimReviewed": "Ferries are free on Sundays.",
                              "reviewRating": {"@type": "Rating", "alternateName": "False"},
                              "author": {"@type": "Organization", "name": "Harbour Check"},
                              "itemReviewed": {"@type": "Claim", "author": {"@type": "Thing", "name": "Ed Marr"}}}]
