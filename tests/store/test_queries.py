"""The web app's read queries on small stores built for each test."""

from __future__ import annotations

import sqlite3

import pytest

from wiretrace.record import Article, Claim
from wiretrace.store import NewPage, Store
from wiretrace.store import queries


@pytest.fixture
def minister_store(tmp_path) -> str:
    """Thirty current articles that all mention "minister" (some more often), a third from the Herald."""
    path = tmp_path / "minister.db"
    with Store(path) as store, store.transaction():
        for n in range(30):
            body = [f"The finance minister spoke in parliament on day {n}. " + "The minister said so. " * (n % 4),
                    "Opposition members walked out before the vote."]
            article = Article(source=f"pages/{n}.html", input_kind="html", headline=f"Budget debate, day {n}",
                              body=body, publisher="Herald" if n % 3 == 0 else "Courier")
            store.put(NewPage(f"url:https://courier.example/budget-{n}", f"h{n}", article))
    return str(path)


def test_paging_through_search_results_shows_every_match_once(minister_store, monkeypatch):
    # More matches than the ranking window, as a common word has in a real store.
    monkeypatch.setattr(queries, "RANK_WINDOW", 7)
    conn = sqlite3.connect(minister_store)
    conn.row_factory = sqlite3.Row
    for outlet, matches in ((None, 30), ("Herald", 10)):
        paged, offset, more = [], 0, True
        while more:
            items, more = queries.search(conn, "minister", 4, offset, outlet=outlet)
            paged += [item["id"] for item in items]
            offset += 4
        assert len(paged) == len(set(paged)) == matches, outlet
        whole, more = queries.search(conn, "minister", queries.MAX_LIMIT, outlet=outlet)
        assert [item["id"] for item in whole] == paged and not more


def test_republishers_of_a_claim_are_the_articles_after_it(tmp_path):
    """A wire report on day 1, a copy the same evening, a follow-up on day 2: each is republished
    only by those that came after it."""
    path = tmp_path / "claims.db"
    claim = "Marvosa plans to cap natural gas exports at 60% of output from January"
    pages = [("wire", "2026-05-06T15:52:00+00:00", "Reuters"),
             ("copy", "2026-05-06T21:41:00+05:30", "Arthik Times"),
             ("follow-up", "2026-05-07T08:40:00+01:00", "The Harbour Post")]
    ids = {}
    with Store(path) as store, store.transaction():
        for name, published, publisher in pages:
            article = Article(source=f"pages/{name}.html", input_kind="html", headline="Marvosa to cap gas exports",
                              body=[claim + ", the Gazeta Lisvar daily reported."], published=published,
                              publisher=publisher, wire="Reuters" if name != "follow-up" else None)
            article.claims = [Claim(text=claim, reported_by="Gazeta Lisvar", source_type="media")]
            _, ids[name] = store.put(NewPage(f"url:https://example.com/{name}", name, article))
            store.set_story(ids[name], story_id="story-1")
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row

    def republishers(name):
        claim_id = conn.execute("SELECT id FROM claims WHERE article_id = ?", (ids[name],)).fetchone()[0]
        chain = queries.get_claim(conn, claim_id)["chain"]
        return [r["name"] for step in chain if step["role"] == "republished by" for r in step["republishers"]]

    assert republishers("wire") == ["Arthik Times", "The Harbour Post"]
    assert republishers("copy") == ["The Harbour Post"]
    assert republishers("follow-up") == []


def test_claims_asked_for_in_another_form_of_their_words_are_found(tmp_path):
    path = tmp_path / "forms.db"
    with Store(path) as store, store.transaction():
        for n, claim in enumerate(["The ministry denied plans to cap gas exports",
                                   "Gazprom raised its export price",
                                   "The capital's mayor denied the report"]):
            article = Article(source=f"pages/{n}.html", input_kind="html", headline=f"Gas story {n}",
                              body=["The story."])
            _, row = store.put(NewPage(f"url:https://x.example/{n}", f"h{n}", article))
            store.set_claims(row, [{"text": claim, "status": "asserted"}])
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    found = lambda query: sorted(item["text"] for item in queries.list_claims(conn, query, 20)[0])
    assert found("denying capped exports") == ["The ministry denied plans to cap gas exports"]
    assert found("deny") == ["The capital's mayor denied the report", "The ministry denied plans to cap gas exports"]
    assert found("exported") == ["Gazprom raised its export price", "The ministry denied plans to cap gas exports"]
    assert found("cap") == ["The ministry denied plans to cap gas exports"]  # a stem, not a prefix of "capital"
