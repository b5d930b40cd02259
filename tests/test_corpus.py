"""The corpus stages on the bundled samples: syndication groups, stories, and a claim's timeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wiretrace.commands.common import SAMPLES
from wiretrace.corpus import claim_timeline, link_corpus
from wiretrace.ingest import Ingester
from wiretrace.store import Store

LABELS = json.loads((SAMPLES.parent / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "samples.db"
    with Store(path) as store:
        summary = Ingester(store, analyze=True).ingest([str(SAMPLES)])
        assert summary.errors == 0
        link_corpus(store)
    store = Store(path, create=False)
    yield store
    store.close()


def _by_file(store):
    return {Path(r["source"]).name: r for r in store.iter_records()}


def test_syndication_groups_match_the_labels(store):
    records = _by_file(store)
    labelled: dict[str, set[str]] = {}
    for name, label in LABELS.items():
        if not name.startswith("_") and label["is_article"] and label.get("syndication_group"):
            labelled.setdefault(label["syndication_group"], set()).add(name)
    for members in labelled.values():
        groups = {records[n]["syndication_group"] for n in members}
        assert len(groups) == 1, members
    reuters = next(m for g, m in labelled.items() if len(m) > 1)
    others = {n for n in records if n not in reuters}
    assert not {records[n]["syndication_group"] for n in others} & {records[next(iter(reuters))]["syndication_group"]}


def test_stories_match_the_labels(store):
    records = _by_file(store)
    for a, label_a in LABELS.items():
        for b, label_b in LABELS.items():
            if a < b and not a.startswith("_") and not b.startswith("_") and label_a["is_article"] and label_b["is_article"]:
                same = label_a["story"] == label_b["story"]
                assert (records[a]["story_id"] == records[b]["story_id"]) == same, (a, b)


FERRY_2020 = """<html><head><title>Harbour opens new ferry terminal</title>
<meta property="article:published_time" content="2020-03-02T10:00:00Z"></head>
<body><article><h1>Harbour opens new ferry terminal</h1>
<p>The harbour authority opened a new ferry terminal on Monday, doubling the number of daily crossings.</p>
<p>Officials said the terminal cost 40 million euros and took three years to build.</p></article></body></html>
"""


def _stories(store) -> dict[str, set[str]]:
    stories: dict[str, set[str]] = {}
    for record in store.iter_records():
        if record["story_id"] is not None:
            stories.setdefault(record["story_id"], set()).add(Path(record["source"]).name)
    return stories


def test_story_ids_stay_when_an_older_article_arrives(tmp_path):
    (tmp_path / "ferry.html").write_text(FERRY_2020, encoding="utf-8")
    with Store(tmp_path / "c.db") as store:
        Ingester(store).ingest([str(SAMPLES)])
        link_corpus(store)
        before = _stories(store)
        Ingester(store).ingest([str(tmp_path / "ferry.html")])  # dated before every sample: clustered first
        link_corpus(store)
        after = _stories(store)
        link_corpus(store)
        assert _stories(store) == after  # re-linking alone changes nothing
    assert len(before) >= 2 and {i: m for i, m in after.items() if i in before} == before
    (new,) = set(after) - set(before)
    assert after[new] == {"ferry.html"} and new == f"story-{len(before) + 1}"


def test_a_story_merged_by_relinking_keeps_its_id_resolvable(tmp_path):
    with Store(tmp_path / "c.db") as store:
        Ingester(store).ingest([str(SAMPLES)])
        link_corpus(store)
        gas = max(_stories(store).items(), key=lambda item: len(item[1]))[0]
        # As if an earlier linking had split the gas story: two of its articles in a story of their own.
        split = [r["id"] for r in store.conn.execute("SELECT id FROM articles WHERE story_id = ? ORDER BY id LIMIT 2",
                                                    (gas,))]
        with store.transaction():
            for article_id in split:
                store.set_story(article_id, story_id="story-7")
            store.record_story_ids(["story-7"], {})
        link_corpus(store)
        assert {r["story_id"] for r in store.conn.execute("SELECT story_id FROM articles WHERE id IN (?, ?)",
                                                          split)} == {gas}
        assert dict(store.conn.execute("SELECT id, merged_into FROM stories").fetchall())["story-7"] == gas
        # A story found later takes a number past every id given out: never story-7 again.
        (tmp_path / "ferry.html").write_text(FERRY_2020, encoding="utf-8")
        Ingester(store).ingest([str(tmp_path / "ferry.html")])
        link_corpus(store)
        assert _stories(store)["story-8"] == {"ferry.html"}


def test_claim_timeline_from_anonymous_report_to_denial(store):
    timeline = claim_timeline(store, "Marvosa plans to cap natural gas exports at 60% of output")
    assert timeline is not None
    first = timeline.first_seen
    assert first.outlet == "Reuters" and first.published == "2026-05-06T15:52:00+00:00"
    assert "Gazeta Lisvar" in timeline.reported_by and timeline.anonymous
    assert {"Capital Ledger", "Daily Meridian", "Arthik Times", "Northgate Times"} <= set(timeline.carried_by)
    # One step per article, though an article may carry the claim twice (the cap and its effect).
    articles = [s.article_id for s in timeline.steps]
    assert len(articles) == len(set(articles)) >= 6
    # A later copy that repeats the bare claim does not take its status back to "asserted".
    assert timeline.statuses == ["reported", "not_confirmed", "denied"]
    # Each step keeps every answer its article reports: Reuters' copy both the spokesperson's and MarGaz's.
    assert [(r["status"], r["by"]) for r in first.responses] == [("not_confirmed", "Tomas Erel"),
                                                                  ("declined_to_comment", "MarGaz")]
    denial = next(s for s in timeline.steps if s.status == "denied")
    assert denial.published.startswith("2026-05-07") and denial.outlet == "The Harbour Post"
    assert all(s.evidence or s.status == "asserted" or s.reported_by == "energy ministry" for s in timeline.steps)
    # Steps are in time order (UTC), whatever offset each page uses.
    from wiretrace.corpus import _utc
    assert [_utc(s.published) for s in timeline.steps] == sorted(_utc(s.published) for s in timeline.steps)


def test_a_claim_is_found_by_its_words_in_other_forms(store):
    # The sample corpus's other export claim (MarGaz's "existing long-term export contracts") has
    # "export" as written; the cap claim says "exports", and a reader asking "gas export" means it.
    wanted = claim_timeline(store, "Marvosa plans to cap natural gas exports at 60% of output").claim
    assert claim_timeline(store, "gas export").claim == wanted
    assert claim_timeline(store, "Marvosa capping gas exporting").claim == wanted


def test_claim_timeline_is_the_claim_pages_timeline(store):
    from wiretrace.store.queries import get_claim

    timeline = claim_timeline(store, "Marvosa plans to cap natural gas exports at 60% of output")
    seed = store.conn.execute("SELECT c.id FROM claims c JOIN articles a ON a.id = c.article_id "
                              "WHERE c.text = ? AND a.published = ?",
                              (timeline.claim, timeline.first_seen.published)).fetchone()[0]
    page = get_claim(store.conn, seed)
    assert [(s.outlet, s.published, s.status) for s in timeline.steps] == \
        [(t["publisher"], t["published"], t["status"]) for t in page["timeline"]]
    assert timeline.statuses == page["status_path"]


def test_an_undated_copy_of_a_wire_story_joins_the_story_of_its_group(tmp_path):
    with Store(tmp_path / "c.db") as store:
        Ingester(store).ingest([str(SAMPLES)])
        original = _by_file(store)["01_reuters_marvosa-gas-export-cap.html"]
        # A Bay Times copy whose page gave no date, and a story months later, when the gas story is long closed.
        copy = {"id": "undated-copy", "title": "Marvosa weighs gas export cap", "outlet": "Bay Times",
                "text": "\n\n".join(original["body"])}
        (tmp_path / "copy.jsonl").write_text(json.dumps(copy) + "\n", encoding="utf-8")
        (tmp_path / "ferry.html").write_text(FERRY_2020.replace("2020-03-02", "2026-09-01"), encoding="utf-8")
        Ingester(store).ingest([str(tmp_path / "copy.jsonl"), str(tmp_path / "ferry.html")])
        link_corpus(store)
        records = {r["id"]: r for r in store.iter_records()}
        original = records[original["id"]]
        assert records["undated-copy"]["published"] is None  # the record keeps what the page said
        assert records["undated-copy"]["syndication_group"] == original["syndication_group"]
        assert records["undated-copy"]["story_id"] == original["story_id"]
